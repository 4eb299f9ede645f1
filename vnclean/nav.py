"""Strip navigation menus, breadcrumbs, widget headings and template artefacts (skeleton)."""

from __future__ import annotations

from typing import ClassVar

import regex

from .blocks import BoilerplateCleaner, Label

__all__ = ["StripNavMenus", "strip_nav_menus"]

_NULL_LINE = regex.compile(r"^[ \t]*null[ \t]*$", regex.M)


class StripNavMenus(BoilerplateCleaner):
    """Delete template artefacts such as a lone ``null`` line.

    >>> strip_nav_menus("null\\nMưa lớn ở Hà Nội.")
    'Mưa lớn ở Hà Nội.'
    """

    name: ClassVar[str] = "strip_nav_menus"
    kind: ClassVar[str] = "nav"

    def classify(self, text: str) -> list[Label]:
        return [Label(m.start(), m.end(), "nav", "nav.null")
                for m in _NULL_LINE.finditer(text)]


strip_nav_menus = StripNavMenus()
