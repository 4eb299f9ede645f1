"""What a document's boilerplate tells: title, authors, published date, source (skeleton)."""

from __future__ import annotations

from typing import Any

from ._core import Cleaned

__all__ = ["extract_metadata"]


def extract_metadata(original: str, cleaned: Cleaned) -> dict[str, Any]:
    """Metadata learnt while cleaning; the title is the first line of the clean text.

    >>> from vnclean import clean_and_explain
    >>> clean_and_explain("Mưa lớn ở Hà Nội\\nNước ngập nhiều tuyến phố.").metadata["title"]
    'Mưa lớn ở Hà Nội'
    """
    first = cleaned.text.lstrip().split("\n", 1)[0].strip()
    return {"title": first or None, "authors": [], "published": None, "source": None}
