"""Remove bylines, datelines, source attributions and agency prefixes (skeleton)."""

from __future__ import annotations

from typing import ClassVar

import regex

from .blocks import BoilerplateCleaner, Label

__all__ = ["StripBylines", "strip_bylines"]

_AGENCY_PREFIX = regex.compile(r"^\s*(?:\(Dân trí\)|TTO|VTV\.vn)\s*-\s*", regex.M)


class StripBylines(BoilerplateCleaner):
    """Delete agency prefixes of the lead such as ``TTO - ``.

    >>> strip_bylines("TTO - Mưa lớn ở Hà Nội.")
    'Mưa lớn ở Hà Nội.'
    """

    name: ClassVar[str] = "strip_bylines"
    kind: ClassVar[str] = "byline"

    def classify(self, text: str) -> list[Label]:
        return [Label(m.start(), m.end(), "byline", "bylines.agency_prefix")
                for m in _AGENCY_PREFIX.finditer(text)]


strip_bylines = StripBylines()
