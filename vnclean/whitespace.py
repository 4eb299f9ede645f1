"""Tidy the whitespace deletions leave behind: trailing spaces, runs of blank lines, edges."""

from __future__ import annotations

from typing import ClassVar

import re

import regex

from ._core import Cleaner, Edit

__all__ = ["TidyWhitespace", "tidy_whitespace"]

_TRAILING_SPACE = regex.compile(r"[ \t]+(?=\n|\Z)")
_BLANK_RUN = regex.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
# Whitespace at the document's edges, matched where it stands: not searched for.
_SPACES = regex.compile(r"\s+")
_SPACES_AT_END = regex.compile(r"\s+", regex.REVERSE)  # .match() anchors at the end
# The fast path's line patterns run on the stdlib engine: about twice as fast here.
_BLANK_LINES = re.compile(r"\n\n\n+")
# What the fast path's line-by-line rstrip gives (tests/test_core.py holds them equal).
_TRAILING_SPACE_FAST = re.compile(r"[ \t]+$", re.M)
# A newline after a space or tab, or three newlines in a row: where either substitution has
# work. It opens with the literal newline, which re finds at C speed, where the substring
# tests ``" \n" in text`` cost three passes over the text.
_LINE_END_WORK = re.compile(r"\n(?:(?<=[ \t]\n)|\n\n)")


class TidyWhitespace(Cleaner):
    """Strip spaces at line ends, fold runs of blank lines to one, trim the document's edges.

    Single blank lines between paragraphs stay: they are the user's structure.

    >>> tidy_whitespace("  Hà Nội \\n\\n\\n\\nmưa to.  ")
    'Hà Nội\\n\\nmưa to.'
    """

    name: ClassVar[str] = "tidy_whitespace"
    kind: ClassVar[str] = "whitespace"

    def find_edits(self, text: str) -> list[Edit]:
        # Order matters: of two edits over the same span, the first listed wins.
        matches = [(_SPACES.match(text), "whitespace.leading", ""),
                   (_SPACES_AT_END.match(text), "whitespace.trailing", "")]
        matches += [(m, "whitespace.trailing_spaces", "") for m in _TRAILING_SPACE.finditer(text)]
        matches += [(m, "whitespace.blank_lines", "\n\n") for m in _BLANK_RUN.finditer(text)]
        return _disjoint([Edit(m.start(), m.end(), replacement, cleaner=self.name, rule=rule,
                               kind="whitespace") for m, rule, replacement in matches if m])

    def apply(self, text: str) -> str:
        """The same result as applying :meth:`find_edits`, with two rewrites and two
        anchored matches, each skipped when a substring test shows nothing to do (one scan
        first: most texts have none of them)."""
        if _LINE_END_WORK.search(text) or text.endswith((" ", "\t")):
            # What _TRAILING_SPACE_FAST.sub("", text) gives: re would try the pattern at
            # every space; rstrip reads each line's end, and costs little where none has any.
            text = "\n".join([line.rstrip(" \t") for line in text.split("\n")])
            if "\n\n\n" in text:
                text = _BLANK_LINES.sub("\n\n", text)
        if text[:1].isspace() and (lead := _SPACES.match(text)):
            text = text[lead.end():]
        if text[-1:].isspace() and (trail := _SPACES_AT_END.match(text)):
            text = text[:trail.start()]
        return text


def _disjoint(edits: list[Edit]) -> list[Edit]:
    """Keep the widest of overlapping whitespace edits (they come from different patterns)."""
    edits.sort(key=lambda e: (e.start, -e.end))
    kept: list[Edit] = []
    for edit in edits:
        if kept and edit.start < kept[-1].end:
            continue
        kept.append(edit)
    return kept


tidy_whitespace = TidyWhitespace()
