"""Remove share widgets, ads, subscribe prompts, hotlines, footers and copyright lines (skeleton)."""

from __future__ import annotations

from typing import ClassVar

import regex

from .blocks import BoilerplateCleaner, Label

__all__ = ["StripPromos", "strip_promos"]

_COPYRIGHT = regex.compile(r"^[ \t]*(?:©|Bản quyền thuộc)[^\n]*", regex.M)


class StripPromos(BoilerplateCleaner):
    """Delete copyright lines.

    >>> strip_promos("Mưa lớn.\\n© Bản quyền thuộc Báo X")
    'Mưa lớn.'
    """

    name: ClassVar[str] = "strip_promos"
    kind: ClassVar[str] = "promo"

    def classify(self, text: str) -> list[Label]:
        return [Label(m.start(), m.end(), "promo", "promos.copyright")
                for m in _COPYRIGHT.finditer(text)]


strip_promos = StripPromos()
