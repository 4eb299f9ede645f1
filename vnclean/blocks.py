"""Blocks and labels: the classify-then-delete half that every boilerplate cleaner shares.

A boilerplate cleaner *classifies*: it gives spans of the text (a whole line, a run of
lines, or an inline span of a flattened line) a :class:`Label` — kind, rule, confidence.
:func:`labels_to_edits` then *deletes*: it turns labels into edits that also take the
whitespace the deletion would strand, so no cleaner has to think about seams.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from ._core import Cleaner, Edit

__all__ = ["Line", "Label", "LineIndex", "BoilerplateCleaner", "blank_after", "blank_before",
           "is_whole_line", "iter_lines", "join_line_labels", "labels_to_edits", "merge_labels",
           "nonblank_lines", "removal_span"]

_HSPACE_BEFORE = regex.compile(r"[ \t\r]*+", regex.REVERSE)
_HSPACE_AFTER = regex.compile(r"[ \t\r]*+")
_CLOSING = ".,;:!?)]}…\"'”"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: ``text == source[start:end]`` (no newline)."""

    index: int
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


def iter_lines(text: str) -> Iterator[Line]:
    """Every line of ``text`` with its offsets (the newline is not part of a line).

    >>> [(l.start, l.text) for l in iter_lines("Thời sự\\nHà Nội")]
    [(0, 'Thời sự'), (8, 'Hà Nội')]
    """
    pos = 0
    for index, line in enumerate(text.split("\n")):
        end = pos + len(line)
        yield Line(index, pos, end, line)
        pos = end + 1


def nonblank_lines(text: str) -> Iterator[re.Match[str]]:
    """Every non-blank line, stripped, as a match: one C-level pass, blank lines never reach Python.

    >>> [(m.start(), m.group()) for m in nonblank_lines(" Thời sự \\n \\nHà Nội")]
    [(1, 'Thời sự'), (12, 'Hà Nội')]
    """
    return _NONBLANK.finditer(text)


_NONBLANK = re.compile(r"\S(?:[^\n]*\S)?")  # stdlib re: faster than regex for this scan


@dataclass(frozen=True, slots=True)
class Label:
    """A classified span: ``kind`` of boilerplate, the ``rule`` that said so, and how sure."""

    start: int
    end: int
    kind: str
    rule: str
    confidence: float = 1.0


def removal_span(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Widen ``[start, end)`` so deleting it leaves tidy text; returns (start, end, replacement).

    A span that fills its lines takes a newline with it; an inline span takes the spaces
    on one side; a span glued to words on both sides becomes one space. Only the runs of
    spaces next to the span are read, so deleting many spans of one long line stays linear.

    >>> t = "Mưa lớn.Ảnh: TTXVN Gió mạnh."
    >>> s, e, r = removal_span(t, 8, 18)
    >>> t[:s] + r + t[e:]
    'Mưa lớn. Gió mạnh.'
    """
    space_before = start - _HSPACE_BEFORE.match(text, 0, start).start()
    space_after = _HSPACE_AFTER.match(text, end).end() - end
    outer_start, outer_end = start - space_before, end + space_after
    at_line_start = outer_start == 0 or text[outer_start - 1] == "\n"
    at_line_end = outer_end == len(text) or text[outer_end] == "\n"
    if at_line_start and at_line_end:
        if outer_end < len(text):
            return outer_start, outer_end + 1, ""
        if outer_start > 0:
            return outer_start - 1, outer_end, ""
        return outer_start, outer_end, ""
    if at_line_start:
        return start, outer_end, ""
    if at_line_end:
        return outer_start, end, ""
    if space_after and space_before:
        return start, outer_end, ""
    if space_before and text[end] in _CLOSING:
        return outer_start, end, ""
    if space_after or space_before:
        return start, end, ""
    return start, end, " "


def labels_to_edits(text: str, labels: Iterable[Label], cleaner: str) -> list[Edit]:
    """Delete labelled spans: widen each with :func:`removal_span`, never overlap."""
    edits: list[Edit] = []
    last_end = 0
    for label in sorted(labels, key=lambda lab: (lab.start, lab.end)):
        if label.end <= label.start:
            continue
        start, end, replacement = removal_span(text, label.start, label.end)
        if (start < last_end and edits and _can_take_newline_before(text, edits[-1])
                and (len(edits) < 2 or edits[-2].end < edits[-1].start)):
            # The last line wants the newline the previous line's removal took: the
            # previous one takes the newline before itself instead.
            prev = edits[-1]
            edits[-1] = Edit(prev.start - 1, prev.end - 1, prev.replacement, cleaner=cleaner,
                             rule=prev.rule, kind=prev.kind)
            last_end = prev.end - 1
        start = max(start, last_end)
        if end <= start:
            continue
        edits.append(Edit(start, end, replacement, cleaner=cleaner, rule=label.rule,
                          kind=label.kind))
        last_end = end
    return edits


def blank_before(text: str, pos: int) -> bool:
    """True when only spaces stand between the line start and ``pos`` (bounded look-back).

    >>> blank_before("Mưa lớn.\\n  Ảnh: X", 11), blank_before("Mưa lớn. Ảnh: X", 9)
    (True, False)
    """
    lo = pos
    while True:
        lo = max(0, lo - 256)
        before = text[lo:pos]
        kept = before.rstrip()
        if kept:
            return "\n" in before[len(kept):]
        if lo == 0 or "\n" in before:
            return True


def blank_after(text: str, pos: int) -> bool:
    """True when only spaces stand between ``pos`` and the line end (bounded look-ahead)."""
    hi = pos
    while True:
        hi = min(len(text), hi + 256)
        after = text[pos:hi]
        kept = after.lstrip()
        if kept:
            return "\n" in after[:len(after) - len(kept)]
        if hi == len(text) or "\n" in after:
            return True


def is_whole_line(text: str, label: Label) -> bool:
    """True when ``label`` covers everything but spaces on its lines."""
    return blank_before(text, label.start) and blank_after(text, label.end)


def join_line_labels(text: str, labels: list[Label]) -> list[Label]:
    """Fuse labels of consecutive whole lines into one block (keeps the first line's rule).

    One edit per block deletes the block with its line breaks, wherever it sits.
    """
    out: list[Label] = []
    for label in labels:
        if out:
            prev = out[-1]
            gap = text[prev.end:label.start]
            if ("\n" in gap and not gap.strip() and is_whole_line(text, prev)
                    and is_whole_line(text, label)):
                out[-1] = Label(prev.start, label.end, prev.kind, prev.rule, prev.confidence)
                continue
        out.append(label)
    return out


def merge_labels(labels: Iterable[Label], *, grow: bool = True) -> list[Label]:
    """Sort labels and drop each one that starts inside the last one kept.

    With ``grow``, a dropped label that runs past the kept one extends it (the earlier
    label's kind and rule win); without, its overhang stays in the text.
    """
    kept: list[Label] = []
    for label in sorted(labels, key=lambda lab: (lab.start, -lab.end)):
        if kept and label.start < kept[-1].end:
            prev = kept[-1]
            if grow and label.end > prev.end:
                kept[-1] = Label(prev.start, label.end, prev.kind, prev.rule, prev.confidence)
            continue
        kept.append(label)
    return kept


class LineIndex:
    """Line bounds of any position by bisection (no scan of a long line per lookup).

    >>> LineIndex("Thời sự\\nHà Nội").bounds(9)
    (8, 14)
    """

    __slots__ = ("starts", "length", "text")

    def __init__(self, text: str):
        self.starts: list[int] | None = None  # built on the first lookup
        self.length = len(text)
        self.text = text

    def bounds(self, pos: int) -> tuple[int, int]:
        """(start, end) of the line holding ``pos``, newline excluded."""
        if self.starts is None:
            self.starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]
        i = bisect.bisect_right(self.starts, pos) - 1
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else self.length
        return self.starts[i], end


_NEWLINE = regex.compile("\n")


def _can_take_newline_before(text: str, edit: Edit) -> bool:
    return (edit.start > 0 and text[edit.start - 1] == "\n"
            and text[edit.end - 1] == "\n" and not edit.replacement)


class BoilerplateCleaner(Cleaner):
    """A cleaner that classifies spans with :meth:`classify` and deletes the labelled ones."""

    kind: ClassVar[str] = "other"

    def classify(self, text: str) -> list[Label]:
        """Labels for the boilerplate spans of ``text``; subclasses implement this."""
        raise NotImplementedError

    def find_edits(self, text: str) -> list[Edit]:
        if not text:
            return []
        return labels_to_edits(text, self.classify(text), self.name)
