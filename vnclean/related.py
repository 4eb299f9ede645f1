"""Remove related-article links and teasers (skeleton)."""

from __future__ import annotations

from typing import ClassVar

import regex

from .blocks import BoilerplateCleaner, Label

__all__ = ["StripRelatedLinks", "strip_related_links"]

_ARROW_LINE = regex.compile(r"^[ \t]*>>[^\n]*", regex.M)


class StripRelatedLinks(BoilerplateCleaner):
    """Delete ``>>`` link lines.

    >>> strip_related_links("Mưa lớn.\\n>> Bão số 3 đổ bộ")
    'Mưa lớn.'
    """

    name: ClassVar[str] = "strip_related_links"
    kind: ClassVar[str] = "related"

    def classify(self, text: str) -> list[Label]:
        return [Label(m.start(), m.end(), "related", "related.arrow_line")
                for m in _ARROW_LINE.finditer(text)]


strip_related_links = StripRelatedLinks()
