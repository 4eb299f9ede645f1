"""Blocks and labels: the classify-then-delete half that every boilerplate cleaner shares.

A boilerplate cleaner *classifies*: it gives spans of the text (a whole line, a run of
lines, or an inline span of a flattened line) a :class:`Label` — kind, rule, confidence.
:func:`labels_to_edits` then *deletes*: it turns labels into edits that also take the
whitespace the deletion would strand, so no cleaner has to think about seams.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from operator import attrgetter
from typing import ClassVar, NamedTuple

import regex

from ._core import _START_END, Cleaner, Edit, StepMap, apply_edits, validated
from ._data import json_data, word_list

__all__ = ["Line", "Label", "LineIndex", "Residue", "BoilerplateCleaner", "SettlingCleaner",
           "TextMemo",
           "blank_after",
           "line_end", "long_first_line_end",
           "blank_before", "casefold_class", "casefold_lead", "casefold_pattern",
           "casefold_sources", "expand_forms", "FORM_GROUP", "holds_at_letter", "literal_places",
           "is_whole_line", "iter_lines", "join_line_labels", "labels_to_edits", "merge_labels",
           "residue", "nonblank_lines", "removal_span", "settle_inline", "STRIPPED_CHARS",
           "STRIPPED_CLASS", "LAST_NON_BLANK", "TABLE_NUMBER_CELL", "last_non_space_end",
           "FLAT_LINE_MIN_CHARS", "WarmUp", "LineOpening", "line_opening", "line_openings"]

#: The shortest line of a flattened page (a page whose blocks a scraper glued into long
#: lines): nav's ``flat_line_min_chars`` (data/nav.json), which bylines and related share.
FLAT_LINE_MIN_CHARS: int = json_data("nav.json")["flat_line_min_chars"]
#: What ``str.strip`` strips (every such character is at most U+3000), and the same as the
#: body of a regex character class: a pattern can find where a stripped span starts or
#: ends without slicing it (on a long line, slicing at each hit is quadratic).
STRIPPED_CHARS = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
STRIPPED_CLASS = "".join(f"\\u{ord(c):04x}" for c in STRIPPED_CHARS)
#: The capital and the small letters below Greek Extended (U+1F00): the Latin letters
#: Vietnamese is written in (``Đ``, ``Ạ``-``Ỹ``) and those of the scripts between, as the
#: body of a stdlib ``re`` class (``re`` has no ``\p{Lu}``; escape them for one).
CAPITALS = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper())
SMALL_LETTERS = "".join(c for c in map(chr, range(0x61, 0x1F00)) if c.islower())
#: The last character ``str.strip`` keeps before a position: ``.search(text, lo, pos)``.
LAST_NON_BLANK = regex.compile(f"[^{STRIPPED_CLASS}]", regex.REVERSE)


def last_non_space_end(text: str, end: int | None = None) -> int:
    """``len(text[:end].rstrip())`` (``end``: a position in the text), without copying it.

    >>> last_non_space_end("Hà Nội.  \\n"), last_non_space_end("Hà Nội.  \\nMưa", 9)
    (7, 7)
    """
    last = LAST_NON_BLANK.search(text) if end is None else LAST_NON_BLANK.search(text, 0, end)
    return last.end() if last else 0


#: A cell after a bar that opens with a number, not a date or a time: ``Rau quả | 6,6 | 28%``.
#: A line holding one is a table's row of the story, never a breadcrumb or a related title
#: (their segments are names; ``Đời sống | 22/11/2026 09:15`` is a dateline).
TABLE_NUMBER_CELL = regex.compile(r"\|[^\S\n]*+[-+]?\d++(?![/:-])")

_HSPACE_BEFORE = regex.compile(r"[ \t\r]*+", regex.REVERSE)
_HSPACE_AFTER = regex.compile(r"[ \t\r]*+")
_CLOSING = ".,;:!?)]}…\"'”"
_HSPACE = " \t\r"  # what _HSPACE_BEFORE and _HSPACE_AFTER take


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


def nonblank_lines(text: str, pos: int = 0, endpos: int = sys.maxsize
                   ) -> Iterator[re.Match[str]]:
    """Every non-blank line, stripped, as a match: one C-level pass, blank lines never reach Python.
    ``pos`` and ``endpos`` bound the text read, as for a pattern's ``finditer``.

    >>> [(m.start(), m.group()) for m in nonblank_lines(" Thời sự \\n \\nHà Nội")]
    [(1, 'Thời sự'), (12, 'Hà Nội')]
    """
    return _NONBLANK.finditer(text, pos, endpos)


_NONBLANK = re.compile(r"\S(?:[^\n]*\S)?")  # stdlib re: faster than regex for this scan


def line_end(text: str, pos: int) -> int:
    """End of the line holding ``pos``: its newline, or the end of the text.

    >>> line_end("Hà Nội\\nMưa", 2), line_end("Hà Nội\\nMưa", 8)
    (6, 10)
    """
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def long_first_line_end(text: str, min_chars: int) -> int | None:
    """The end of ``text``'s first non-blank line when that line runs ``min_chars`` or more
    from its first non-space character (a page flattened onto one line), else ``None``.

    >>> long_first_line_end("\\n  Trang chủ Thời sự\\nHà Nội", 10)
    20
    >>> long_first_line_end("Hà Nội", 10) is None
    True
    """
    first = _NON_SPACE.search(text)
    if first is None:
        return None
    end = text.find("\n", first.start())
    end = len(text) if end < 0 else end
    return end if end - first.start() >= min_chars else None


_NON_SPACE = re.compile(r"\S")


def holds_at_letter(text: str, literal: str, lead: int = 0) -> bool:
    """Whether ``text`` holds ``literal`` (``literal in text``), found from the places of
    its character at ``lead``: ``str.find`` of one character jumps there in C (as fast as
    ``memchr``), where a search for the whole literal stops at every common letter or space
    of it. Pick a character prose seldom holds (``G`` of ``GP``, ``(`` of ``(Tin``).

    >>> holds_at_letter("Giấy phép số 5/GP-BTTTT", "GP"), holds_at_letter("Hà (ảnh) (Tin", "(Tin ")
    (True, False)
    >>> holds_at_letter("Mưa ngập phố", "ập p", 1)
    True
    """
    letter = literal[lead]
    at = text.find(letter, lead)
    while at >= 0:
        if text.startswith(literal, at - lead):
            return True
        at = text.find(letter, at + 1)
    return False


def literal_places(text: str, literal: str, lead: int | None = None) -> list[int]:
    """Every place ``literal`` starts in ``text``, overlapping ones too, in order: found from
    the places of its character at ``lead`` (as :func:`holds_at_letter` finds the first: pick
    one prose seldom holds), or with no ``lead`` by ``str.find`` of the whole literal (a
    needle with no rare character).

    >>> text = "Ông Ba tặng hoa, bà Tư tặng quà"
    >>> literal_places(text, " tặng", 2), literal_places(text, " tặng"), literal_places("aaa", "aa")
    ([6, 22], [6, 22], [0, 1])
    """
    found: list[int] = []
    if lead is None:
        at = text.find(literal)
        while at >= 0:
            found.append(at)
            at = text.find(literal, at + 1)
        return found
    letter = literal[lead]
    at = text.find(letter, lead)
    while at >= 0:
        if text.startswith(literal, at - lead):
            found.append(at - lead)
        at = text.find(letter, at + 1)
    return found


class WarmUp:
    """A budget of uses a process spends on a cheap way of doing something before it turns,
    for good, to the way that costs more to set up and less at each use (a pattern to
    compile, a search to build): once a spending does not fit, none does again.

    Why: a process that cleans a few texts should not wait for a set-up that pays off only
    over many; one that cleans many should reach it soon. Each owner counts its own unit
    (texts read, lines tested).

    >>> budget = WarmUp(3)
    >>> budget.spend(), budget.spend(2), budget.spend(), budget.spend()
    (True, True, False, False)
    >>> over = WarmUp(3)
    >>> over.spend(5), over.spend(1), over
    (False, False, WarmUp(left=0))
    """

    __slots__ = ("left",)

    def __init__(self, uses: int) -> None:
        self.left = uses  #: uses still cheap

    def spend(self, uses: int = 1) -> bool:
        """Whether ``uses`` more uses still take the cheap way (then they are spent)."""
        if uses > self.left:
            self.left = 0
            return False
        self.left -= uses
        return True

    def __repr__(self) -> str:
        return f"WarmUp(left={self.left})"


class LineOpening(NamedTuple):
    """A pattern of what opens a line, compiled twice: as written, to match at the text's
    top, and after a newline, to search every other line (a newline literal first: the
    engine jumps from newline to newline)."""

    top: re.Pattern
    later: re.Pattern


def line_opening(source: str) -> LineOpening:
    """The :class:`LineOpening` of the pattern ``source``."""
    return LineOpening(re.compile(source), re.compile("\n" + source))


def line_openings(text: str, opening: LineOpening) -> Iterator[tuple[int, re.Match]]:
    """Where ``opening`` matches at a line's start in ``text``: the line's start and the
    match, leftmost first and none overlapping, as a search of ``"\\n" + text`` finds them,
    without copying the text.

    >>> opening = line_opening(r"[ \\t]*(Tin \\w+)")
    >>> [(start, m.group(1)) for start, m in line_openings("Tin mới\\nMưa.\\n Tin cũ", opening)]
    [(0, 'Tin mới'), (13, 'Tin cũ')]
    """
    first = opening.top.match(text)
    if first is not None:
        yield 0, first
    for m in opening.later.finditer(text, 0 if first is None else first.end()):
        yield m.start() + 1, m


def casefold_pattern(words: str | Iterable[str], *, prefix: bool = False,
                     leading: bool = False) -> str:
    """A stdlib ``re`` pattern (no flags needed) for exactly the strings whose casefold is
    one of ``words`` (a word or several).

    Why: one regex over a whole document then finds the lines that a per-line
    ``line.casefold() in WORDS`` test would take, with the same answer for every character
    (``K`` the kelvin sign, ``ẞ`` folding to ``ss``, ...). The trie is read with a scoped
    ``IGNORECASE`` only where that flag's answer is the casefold's (:func:`_first_class`);
    elsewhere it spells the characters out (``(?-i:[iI])``: ``IGNORECASE`` would take ``İ``).
    With ``prefix`` it matches the shortest start of a string whose casefold starts with a
    word. The words share their common starts (a trie), so a failed attempt costs one test
    per character; with ``leading`` the pattern opens with one class of every possible
    first character, which the ``re`` engine uses to skip ahead when it searches. Words
    must be casefolded already.

    >>> import re
    >>> pattern = re.compile(casefold_pattern(["tin liên quan", "tin mới"]) + "$")
    >>> [bool(pattern.match(s)) for s in ("TIN LIÊN QUAN", "Tin Mới", "Tin liên quan:")]
    [True, True, False]
    """
    words = [words] if isinstance(words, str) else list(words)
    for word in words:
        if word.casefold() != word:
            raise ValueError(f"not casefolded: {word!r}")
    if not words:
        return "(?!)"
    body = _ignoring_case(_trie(frozenset(words), prefix))
    if not leading or "" in words:
        return body
    return casefold_lead(words, prefix=prefix) + body


def casefold_lead(words: Iterable[str], *, prefix: bool = False) -> str:
    """The look-ahead that ``casefold_pattern(words, leading=True)`` opens with: one class
    of every character a string whose casefold is one of ``words`` (casefolded, none empty)
    may open with, for a pattern that writes the words' trie apart.

    >>> casefold_lead(["đà nẵng"])
    '(?=[đĐ])'
    """
    words = list(words)
    firsts = [c for w in words if w for c in _class_chars(w[0])]
    firsts += [c for folded, chars in _multi_folds() for w in words
               if w and (w.startswith(folded) or prefix and folded.startswith(w)) for c in chars]
    return "(?=%s)" % _class_of("".join(dict.fromkeys(firsts)), always=True)


def _ignoring_case(body: str) -> str:
    """``body`` (a trie of :func:`_trie`) read with ``re.IGNORECASE``, where its letters
    stand alone (:func:`_first_class`): a pattern a third the size, which ``re`` compiles
    about four times faster (the word lists' tries are the biggest patterns vnclean has)."""
    return "(?i:%s)" % body if body else body


def _trie(suffixes: frozenset[str], prefix: bool) -> str:
    """The pattern for what is left of the words (``suffixes``) after a common start."""
    options = []
    by_first: dict[str, set[str]] = {}
    for s in suffixes:
        if s:
            by_first.setdefault(s[0], set()).add(s[1:])
    for first in sorted(by_first):
        options.append(_first_class(first) + _trie(frozenset(by_first[first]), prefix))
    multi = _multi_folds_by_first()
    for folded, chars in (entry for first in sorted(by_first) for entry in multi.get(first, ())):
        rest = {s[len(folded):] for s in suffixes if s.startswith(folded)}
        if rest:
            options.append(_case_sensitive(chars) + _trie(frozenset(rest), prefix))
        elif prefix and any(s and folded.startswith(s) for s in suffixes):
            options.append(_case_sensitive(chars))
    if "" in suffixes:
        options.append("")
    if not options:
        return ""
    if len(options) == 1:
        return options[0]
    return "(?:%s)" % "|".join(options)


@functools.cache
def _first_class(char: str) -> str:
    """What matches ``char`` and every character whose casefold is ``char`` inside a
    pattern read with ``re.IGNORECASE`` (:func:`_ignoring_case`), built once a character:
    the character itself when ``IGNORECASE`` matches just those (most letters: ``ư`` and
    ``Ư``), else their class, read case-sensitively (``i``: ``IGNORECASE`` would take ``İ``
    and ``ı`` too, whose casefolds are not ``i``).

    >>> _first_class("ư"), _first_class("i"), _first_class("7")
    ('ư', '(?-i:[iI])', '7')
    """
    chars = _class_chars(char)
    if set(chars) == _ignorecase_matches(char):
        return re.escape(char)
    return _case_sensitive(chars)


def _case_sensitive(chars: str) -> str:
    """A class of ``chars`` that reads them as written inside an ``IGNORECASE`` pattern
    (``İ`` there would take ``i`` too: its simple lowercase)."""
    return "(?-i:%s)" % _class_of(chars)


def _ignorecase_matches(char: str) -> set[str]:
    """The characters of the Basic Multilingual Plane that ``char`` matches under
    ``re.IGNORECASE`` (no astral character matches a letter of the plane; tests check)."""
    return {m.group() for m in re.finditer("(?i:%s)" % re.escape(char), _plane())}


@functools.cache
def _plane() -> str:
    """Every character of the Basic Multilingual Plane, in order."""
    return "".join(map(chr, range(0x10000)))


def _class_chars(char: str) -> str:
    """``char`` and every other character whose casefold is ``char``."""
    return char + _fold_sources().get(char, "")


def casefold_class(chars: str, *, starting: bool = False) -> str:
    """A stdlib ``re`` character class of every character whose casefold is one of ``chars``
    (with ``starting``: whose casefold starts with one of them).

    >>> import re
    >>> bool(re.fullmatch(casefold_class("đt"), "Đ")), bool(re.fullmatch(casefold_class("đt"), "d"))
    (True, False)
    """
    sources = casefold_sources(lambda folded: (folded[0] if starting else folded) in chars)
    return _class_of("".join(dict.fromkeys(chars + sources)), always=True)


def casefold_sources(predicate: Callable[[str], bool]) -> str:
    """Every character whose casefold is another string, one that ``predicate`` accepts.

    >>> casefold_sources(lambda folded: folded == "đ")
    'Đ'
    """
    return "".join(chars for folded, chars in _fold_sources().items() if predicate(folded))


def _class_of(chars: str, *, always: bool = False) -> str:
    if len(chars) == 1 and not always:
        return re.escape(chars)
    return "[%s]" % "".join(re.escape(c) for c in chars)


@functools.cache
def _fold_sources() -> dict[str, str]:
    """Casefolded string -> the characters (other than itself) that casefold to it.

    The Basic Multilingual Plane is enough: no astral character casefolds to anything
    but astral characters (tests/test_related.py checks this on the running Python).
    """
    sources: dict[str, list[str]] = {}
    for char in map(chr, range(0x10000)):
        folded = char.casefold()
        if folded != char:
            sources.setdefault(folded, []).append(char)
    return {folded: "".join(chars) for folded, chars in sources.items()}


@functools.cache
def _multi_folds() -> tuple[tuple[str, str], ...]:
    """(casefold, the characters with it) for the casefolds longer than one character."""
    return tuple((f, c) for f, c in _fold_sources().items() if len(f) > 1)


@functools.cache
def _multi_folds_by_first() -> dict[str, tuple[tuple[str, str], ...]]:
    """:func:`_multi_folds` by the first character of the casefold (in their order)."""
    by_first: dict[str, list[tuple[str, str]]] = {}
    for folded, chars in _multi_folds():
        by_first.setdefault(folded[0], []).append((folded, chars))
    return {first: tuple(entries) for first, entries in by_first.items()}


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
    # Most spans sit between newlines: no run of spaces to measure on that side.
    space_before = (start - _HSPACE_BEFORE.match(text, 0, start).start()
                    if start and text[start - 1] in _HSPACE else 0)
    space_after = (_HSPACE_AFTER.match(text, end).end() - end
                   if end < len(text) and text[end] in _HSPACE else 0)
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
    return [Edit(start, end, replacement, cleaner=cleaner, rule=label.rule, kind=label.kind)
            for start, end, replacement, label in _deletions(text, labels)]


def _deletions(text: str, labels: Iterable[Label]) -> list[list]:
    """:func:`labels_to_edits` as ``[start, end, replacement, label]`` lists: sorted, disjoint,
    never empty and inside ``text`` (what :func:`vnclean._core.validated` keeps as they are),
    so a cleaner that only applies them needs no :class:`Edit`."""
    spans: list[list] = []
    last_end = 0
    for label in sorted(labels, key=_START_END):
        if label.end <= label.start:
            continue
        start, end, replacement = removal_span(text, label.start, label.end)
        if (start < last_end and spans and _takes_newline_before(text, *spans[-1][:3])
                and (len(spans) < 2 or spans[-2][1] < spans[-1][0])):
            # The last line wants the newline the previous line's removal took: the
            # previous one takes the newline before itself instead.
            prev = spans[-1]
            prev[0] -= 1
            prev[1] -= 1
            last_end = prev[1]
        start = max(start, last_end)
        if end <= start:
            continue
        spans.append([start, end, replacement, label])
        last_end = end
    return spans


def blank_before(text: str, pos: int) -> bool:
    """True when only spaces stand between the line start and ``pos`` (bounded look-back).

    >>> blank_before("Mưa lớn.\\n  Ảnh: X", 11), blank_before("Mưa lớn. Ảnh: X", 9)
    (True, False)
    """
    if pos == 0 or text[pos - 1] == "\n":
        return True  # what the look-back below finds first
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
    if pos < len(text) and text[pos] == "\n":
        return True  # what the look-ahead below finds first
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
    before: dict[int, bool] = {}  # blank_before by position: a block's start is asked again
    after: dict[int, bool] = {}  # and blank_after: a line's end, again as the block's end

    def whole(start: int, end: int) -> bool:  # is_whole_line, each position's answer kept
        blank = before.get(start)
        if blank is None:
            blank = before[start] = blank_before(text, start)
        if not blank:
            return False
        blank = after.get(end)
        if blank is None:
            blank = after[end] = blank_after(text, end)
        return blank

    first: Label | None = None  # the first label of the block being joined
    end = 0  # and the block's end so far
    for label in labels:
        if first is not None:
            gap = text[end:label.start]
            if ("\n" in gap and not gap.strip() and whole(first.start, end)
                    and whole(label.start, label.end)):
                end = label.end
                continue
            out.append(first if end == first.end else
                       Label(first.start, end, first.kind, first.rule, first.confidence))
        first, end = label, label.end
    if first is not None:
        out.append(first if end == first.end else
                   Label(first.start, end, first.kind, first.rule, first.confidence))
    return out


def merge_labels(labels: Iterable[Label], *, grow: bool = True,
                 touching: bool = False) -> list[Label]:
    """Sort labels and drop each one that starts inside the last one kept.

    With ``grow``, a dropped label that runs past the kept one extends it (the earlier
    label's kind and rule win); without, its overhang stays in the text. With
    ``touching``, a label that starts where the last one ends counts as inside it too
    (one edit then takes both, and the space before them at a line's end).
    """
    labels = list(labels)
    if len(labels) < 2:  # nothing to sort or merge: what the loop below gives
        return labels
    kept: list[Label] = []
    # Sorted by start, the longest first (two stable C-keyed sorts: by end descending,
    # then by start).
    for label in sorted(sorted(labels, key=_END, reverse=True), key=_START):
        if kept and (label.start < kept[-1].end or touching and label.start == kept[-1].end):
            prev = kept[-1]
            if grow and label.end > prev.end:
                kept[-1] = Label(prev.start, label.end, prev.kind, prev.rule, prev.confidence)
            continue
        kept.append(label)
    return kept


def expand_forms(entries: Iterable[str]) -> tuple[str, ...]:
    """Word-list entries with every ``{a|b|...}`` group expanded, in order, without repeats.

    Why: a list then states a phrase's general form (which heads go with which tails)
    instead of every phrase one by one; runs of spaces that empty options leave are folded.

    >>> expand_forms(["{Tin|Bài} {liên quan|khác}", "{|Gửi }góp ý", "Đọc thêm"])
    ('Tin liên quan', 'Tin khác', 'Bài liên quan', 'Bài khác', 'góp ý', 'Gửi góp ý', 'Đọc thêm')
    """
    out: dict[str, None] = {}
    for entry in entries:
        if "{" not in entry:
            out[entry] = None
            continue
        parts = FORM_GROUP.split(entry)  # literal, options, literal, options, ..., literal
        choices = [[part] if k % 2 == 0 else part.split("|") for k, part in enumerate(parts)]
        for combination in itertools.product(*choices):
            phrase = " ".join("".join(combination).split())
            if phrase:
                out[phrase] = None
    return tuple(out)


#: A ``{a|b|...}`` group of a word-list entry (:func:`expand_forms`); ``split`` gives the
#: literals and the groups' options in turn.
FORM_GROUP = re.compile(r"\{([^{}]*)\}")


def lookup_key(line: str) -> str:
    """The form a line is looked up in a word list by: casefolded, spaces folded, a trailing
    colon dropped. Only for lookups; the text returned to the user is never case-changed.

    >>> lookup_key("  Liên hệ   Quảng cáo: ")
    'liên hệ quảng cáo'
    """
    return " ".join(line.rstrip(": \t").split()).casefold()


@functools.cache
def lookup_set(name: str) -> frozenset[str]:
    """The :func:`lookup_key` of every entry of the word list ``name``, ``{a|b}`` forms
    expanded: every cleaner that looks lines up in the same list matches it the same way.

    >>> "liên hệ quảng cáo" in lookup_set("nav_site_links.txt")
    True
    """
    return frozenset(lookup_key(entry) for entry in expand_forms(word_list(name)))


@dataclass(frozen=True, slots=True)
class Residue:
    """What deleting some labels leaves of one line: ``text``, and for each kept piece its
    start in ``text`` and in the original (``pieces``, ascending)."""

    text: str
    pieces: tuple[tuple[int, int], ...]

    def original(self, pos: int) -> int:
        """The original offset of residue offset ``pos`` (a piece boundary maps to the start
        of the piece that begins there)."""
        k = bisect.bisect_right(self.pieces, (pos, float("inf"))) - 1
        at, orig = self.pieces[max(k, 0)]
        return orig + pos - at

    def original_label(self, label: Label) -> Label:
        """``label``, found in the residue's ``text``, in the original's offsets.

        >>> t = "Đăng ký: Lưu bài viết thành cônghttps://x.vn"
        >>> residue(t, 0, len(t), [Label(9, 32, "promo", "x")]).original_label(
        ...     Label(9, 21, "promo", "url")).start
        32
        """
        return Label(self.original(label.start), self.original(label.end), label.kind,
                     label.rule, label.confidence)


def residue(text: str, start: int, end: int, labels: Iterable[Label]) -> Residue:
    """``text[start:end]`` as deleting ``labels`` leaves it, exactly as :func:`labels_to_edits`
    deletes them (an edit that reaches outside ``[start, end)`` is passed over).

    Why: a cleaner that classifies the residue as a second pass would is idempotent in one
    pass (a widget glued into a line may hide what the rest of the line is).

    >>> t = "Đăng ký: Lưu bài viết thành cônghttps://x.vn"
    >>> r = residue(t, 0, len(t), [Label(9, 32, "promo", "x")])
    >>> r.text, r.original(r.text.index("https"))
    ('Đăng ký: https://x.vn', 32)
    """
    pieces: list[str] = []
    offsets: list[tuple[int, int]] = []
    size = 0
    pos = start
    for edit in labels_to_edits(text, labels, ""):
        if edit.start < pos or edit.end > end:
            continue
        piece = text[pos:edit.start]
        offsets.append((size, pos))
        pieces.append(piece)
        size += len(piece)
        if edit.replacement:
            offsets.append((size, edit.start))
            pieces.append(edit.replacement)
            size += len(edit.replacement)
        pos = edit.end
    offsets.append((size, pos))
    pieces.append(text[pos:end])
    return Residue("".join(pieces), tuple(offsets))


def settle_inline(text: str, labels: list[Label], find: Callable[[str], list[Label]],
                  combine: Callable[[list[Label]], list[Label]], rounds: int
                  ) -> tuple[list[Label], dict[int, str]]:
    """Inline ``labels`` settled line by line: on each line they touch, ``find`` looks again
    in what they leave of it (:func:`residue`), and what it finds there that no label holds
    joins them through ``combine`` (a merge, or a sort), until a round finds nothing new or
    ``rounds`` have run. Returns the labels, line by line, and what they leave of each line
    they touch, by the line's start.

    Why: one widget glued into a line may hide another (a tag between two placeholders);
    taking what a second pass would find makes a cleaner idempotent in one pass.

    >>> import re
    >>> def find(line):
    ...     return [Label(m.start(), m.end(), "nav", "widget") for m in re.finditer(
    ...         r"\\(QC\\)|Đang cập nhật(?: Đang cập nhật)+", line)]
    >>> t = "Giá vàng Đang cập nhật (QC) Đang cập nhật\\nHà Nội"
    >>> labels, lefts = settle_inline(t, find(t), find, merge_labels, 3)
    >>> [t[label.start:label.end] for label in labels], lefts
    (['Đang cập nhật (QC) Đang cập nhật'], {0: 'Giá vàng'})
    """
    by_line: dict[tuple[int, int], list[Label]] = {}
    index = LineIndex(text)
    for label in labels:
        by_line.setdefault(index.bounds(label.start), []).append(label)
    out: list[Label] = []
    lefts: dict[int, str] = {}
    for (start, end), inner in by_line.items():
        for _ in range(rounds):
            left = residue(text, start, end, inner)
            new = find(left.text)
            if new:  # in the original's offsets, and not inside a label already
                new = [x for x in map(left.original_label, new)
                       if not any(y.start <= x.start and x.end <= y.end for y in inner)]
            if not new:
                break
            inner = combine(inner + new)
        else:  # the rounds ran out: what the last labels leave
            left = residue(text, start, end, inner)
        lefts[start] = left.text
        out += inner
    return out, lefts


class TextMemo:
    """Texts a cheap gate said "nothing here" of, held by identity until a later step asks.

    Why: a pipeline hands a step's text on as the same object when the step changes
    nothing, so a later step that needs the same pure gate's answer for it
    (``remove_repeated_blocks`` after ``remove_photo_captions``) takes it instead of
    working it out again. A text counts only as the very object added (its ``id`` and
    identity both match): an equal but other string, or a new one at a reused address, is
    never taken for it. An answer is taken once. At most ``max_chars`` characters of text
    are held; past that the memo starts afresh.

    >>> memo = TextMemo(100)
    >>> text = "Mưa lớn ở Hà Nội."
    >>> memo.add(text)
    >>> memo.take("".join(["Mưa lớn ", "ở Hà Nội."])), memo.take(text), memo.take(text)
    (False, True, False)
    """

    __slots__ = ("_texts", "_chars", "max_chars")

    def __init__(self, max_chars: int):
        self._texts: dict[int, str] = {}
        self._chars = 0
        self.max_chars = max_chars

    def add(self, text: str) -> None:
        """Hold ``text`` (one longer than ``max_chars`` is not held)."""
        if self._chars + len(text) > self.max_chars:
            self._texts = {}
            self._chars = 0
            if len(text) > self.max_chars:
                return
        self._texts[id(text)] = text
        self._chars += len(text)

    def take(self, text: str) -> bool:
        """Whether ``text`` itself was added (and not taken since); it is no longer held."""
        # (a held text is alive, so no other live object has its id: what pop gives back is
        # ``text`` itself or nothing; one pop, so a text is taken once)
        held = self._texts.pop(id(text), None)
        if held is None:
            return False
        self._chars -= len(held)
        return held is text


class LineIndex:
    """Line bounds of any position: by ``find`` for the first few lookups, then by bisection
    (no scan of a long line per lookup once there are many).

    >>> LineIndex("Thời sự\\nHà Nội").bounds(9)
    (8, 14)
    """

    __slots__ = ("starts", "length", "text", "_direct")

    #: Lookups answered by scanning for the newlines around the position: a few scans cost
    #: less than indexing every line of a long text, and a bounded number of them stays linear.
    DIRECT_LOOKUPS = 8

    def __init__(self, text: str):
        self.starts: list[int] | None = None  # built once the direct lookups are spent
        self.length = len(text)
        self.text = text
        self._direct = self.DIRECT_LOOKUPS

    def bounds(self, pos: int) -> tuple[int, int]:
        """(start, end) of the line holding ``pos``, newline excluded."""
        if self.starts is None:
            if self._direct:
                self._direct -= 1
                end = self.text.find("\n", pos)
                return self.text.rfind("\n", 0, pos) + 1, self.length if end < 0 else end
            self.starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]
        i = bisect.bisect_right(self.starts, pos) - 1
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else self.length
        return self.starts[i], end


_NEWLINE = re.compile("\n")  # stdlib re: faster than regex for this scan
_START = attrgetter("start")
_END = attrgetter("end")

def _takes_newline_before(text: str, start: int, end: int, replacement: str) -> bool:
    return start > 0 and text[start - 1] == "\n" and text[end - 1] == "\n" and not replacement


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

    def apply(self, text: str) -> str:
        """The clean text (most texts have nothing to delete: they come back as they are).

        With :meth:`find_edits` as defined here, the deletions are joined straight from
        :func:`_deletions` (no :class:`Edit` built, no second sort: they are valid already).
        """
        if type(self).find_edits is not BoilerplateCleaner.find_edits:
            return super().apply(text)
        if not text:
            return text
        labels = self.classify(text)
        if not labels:  # most steps on most texts: what _deletions of no labels gives
            return text
        spans = _deletions(text, labels)
        if not spans:
            return text
        pieces = []
        pos = 0
        for start, end, replacement, _ in spans:
            pieces.append(text[pos:start])
            pieces.append(replacement)
            pos = end
        pieces.append(text[pos:])
        return "".join(pieces)


class SettlingCleaner(BoilerplateCleaner):
    """A :class:`BoilerplateCleaner` whose deletions can expose more of its own boilerplate:
    a credit now ends its line, a widget line no longer introduces the link under it.

    :meth:`classify_once` reads the text; when :meth:`may_expose` says the deletions can
    have exposed something, it reads what they leave and maps those labels back, up to
    :attr:`settle_rounds` times, so one call settles (cleaning twice changes nothing more).
    The round that finds nothing more has already turned the labels into edits and applied
    them: ``find_edits`` and ``apply`` reuse that work instead of doing it again.
    """

    #: How many times at most what the deletions left is read again.
    settle_rounds: ClassVar[int] = 2

    def classify_once(self, text: str) -> list[Label]:
        """Labels for one reading of ``text``; subclasses implement this."""
        raise NotImplementedError

    def may_expose(self, left: str, edits: list[Edit]) -> bool:
        """Whether deleting ``edits`` (sorted, valid) can have exposed a label in ``left``,
        the text they leave: a cheap gate before reading ``left`` again."""
        return True

    def classify(self, text: str) -> list[Label]:
        return self._settle(text)[0]

    def find_edits(self, text: str) -> list[Edit]:
        if not text:
            return []
        labels, edits, _ = self._settle(text)
        return labels_to_edits(text, labels, self.name) if edits is None else edits

    def apply(self, text: str) -> str:
        if not text:
            return text
        labels, _, left = self._settle(text)
        if left is None:
            return apply_edits(text, validated(labels_to_edits(text, labels, self.name), len(text)))
        return left

    def _settle(self, text: str) -> tuple[list[Label], list[Edit] | None, str | None]:
        """The labels, and when the last round computed them, their edits and the text left."""
        labels = self.classify_once(text)
        for _ in range(self.settle_rounds):
            if not labels:
                return labels, [], text
            edits = labels_to_edits(text, labels, self.name)
            kept = validated(edits, len(text))
            if not kept:
                return labels, edits, text
            left = apply_edits(text, kept)
            if not self.may_expose(left, kept):
                return labels, edits, left
            more = self.classify_once(left)
            if not more:
                return labels, edits, left
            step = StepMap(kept)
            labels = merge_labels(labels + [Label(step.back(lab.start, "start"),
                                                  step.back(lab.end, "end"), lab.kind, lab.rule)
                                            for lab in more])
        return labels, None, None
