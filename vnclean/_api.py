"""The entry points most users call: ``clean`` and ``clean_and_explain``."""

from __future__ import annotations

from typing import Any

from ._core import Cleaned, check_text
from .options import default_pipeline

__all__ = ["clean", "clean_and_explain"]


def clean(text: str, **options: Any) -> str:
    """Clean one Vietnamese news text with the default pipeline (see :class:`vnclean.Options`).

    >>> clean("Trang chủ\\nTTO - Mưa lớn ở Hà Nội (Ảnh: Mạnh Quân).\\n© Bản quyền thuộc Báo X")
    'Mưa lớn ở Hà Nội.'
    """
    check_text(text)
    return default_pipeline(**options).apply(text)


def clean_and_explain(text: str, **options: Any) -> Cleaned:
    """Clean ``text`` and report every edit, in ORIGINAL coordinates, with what was learnt.

    >>> result = clean_and_explain("TTO - Mưa lớn ở Hà Nội.")
    >>> result.text
    'Mưa lớn ở Hà Nội.'
    >>> [(e.kind, e.rule, e.text) for e in result.edits]
    [('byline', 'bylines.agency_prefix', 'TTO - ')]
    """
    check_text(text)
    return default_pipeline(**options).explain(text)
