"""Strip site chrome: menus, breadcrumbs, widget headings, login strings, template artefacts.

Classify, then delete. Every non-blank line first gets a context-free *shape* (a menu item,
a widget heading, a login string, a breadcrumb, a separator, prose, ...) from its length,
word count, end punctuation and the word lists in ``vnclean/data/nav_*.txt``. A second pass
revises from the neighbours: a run of short unpunctuated lines is a menu, unless it sits
between story paragraphs or after a line that introduces a list; the page-template copy
of the title goes and the real title stays once. Thresholds live in ``data/nav.json``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import ClassVar

import regex

from ._data import alternation, json_data, word_list
from .blocks import BoilerplateCleaner, Label

__all__ = ["StripNavMenus", "strip_nav_menus"]

KIND = "nav"

# Line shapes (context-free classes).
PROSE = "prose"            # a sentence or paragraph: never chrome by shape alone
TITLE = "title"            # a longer unpunctuated line (a headline): breaks menu runs
ITEM = "item"              # a short unpunctuated line: a menu item if its neighbours agree
HEADING = "heading"        # a widget or section heading from the word list
LOGIN = "login"            # a login, account or search string
BREADCRUMB = "breadcrumb"  # "Trang chủ › Thời sự › Xã hội" on one line
NULL = "null"              # a template artefact: "null", "undefined"
SEPARATOR = "separator"    # "|", "›", "," alone on a line
NUMBER = "number"          # "7", "(0)", "2012": counters, pickers
DATE = "date"              # a dateline: left to strip_bylines, never labelled here

#: Shapes that are chrome whatever their neighbours say, with their rule ids.
CUE_RULES = {HEADING: "nav.widget_heading", LOGIN: "nav.login",
             BREADCRUMB: "nav.breadcrumb", NULL: "nav.null"}
#: Shapes that neither count towards a menu nor break one.
NEUTRAL = frozenset({SEPARATOR, NUMBER, DATE})

_NONBLANK_LINE = regex.compile(r"^[^\S\n]*+(\S(?:[^\n]*\S)?)", regex.M)
_WORD = regex.compile(r"\w+")
_TERMINAL = frozenset(".!?…;:")
_PREFIX_ENDS = frozenset("-–—):")
_CLOSERS = frozenset("\"'”’»)]")
_LETTER = regex.compile(r"\p{L}")
_LOGIN_WORDS = regex.compile(r"\b(?:đăng nhập|đăng ký|đăng kí|mật khẩu|tên đăng nhập)\b",
                             regex.IGNORECASE)
_DATE = regex.compile(r"\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?|\d{1,2}:\d{2}")
_CRUMB_SPLIT = regex.compile(r"\s*(?:›|»|>|\|)\s*")
_ARROW = regex.compile(r"[›»>]")
_HTML_TAG_LINE = regex.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>\n]*)?/?>")


@dataclass(frozen=True, slots=True)
class _Settings:
    """The tuned numbers of ``data/nav.json``, read once."""

    max_item_chars: int
    max_item_words: int
    min_run_items: int
    min_run_items_with_cue: int
    min_section_hits: int
    embedded_run_max_items: int
    prose_min_words: int
    title_min_words: int
    title_max_words: int
    title_scan_lines: int
    title_containment: float
    title_fuzzy_min_words: int
    title_share_of_first_line: float
    repeat_min_words: int
    lead_min_words: int
    section_label_max_words: int
    head_scan_lines: int


@functools.cache
def _settings() -> _Settings:
    numbers = {k: v for k, v in json_data("nav.json").items() if not k.startswith("_")}
    return _Settings(**numbers)


def _lookup_key(line: str) -> str:
    """The form a line is looked up by: casefolded, spaces folded, a trailing colon dropped.

    Only for lookups; the text returned to the user is never case-changed.
    """
    return " ".join(line.rstrip(": \t").split()).casefold()


@functools.cache
def _word_set(name: str) -> frozenset[str]:
    return frozenset(_lookup_key(entry) for entry in word_list(name))


@functools.cache
def _inline_pattern() -> regex.Pattern:
    return regex.compile("|".join(f"(?:{p})" for p in word_list("nav_inline.txt")))


@dataclass(slots=True)
class _Line:
    """One non-blank line: offsets of its stripped text, its words and its shape."""

    start: int
    end: int
    text: str
    words: int
    shape: str
    section: bool


def _shape(text: str, words: int, key: str, cfg: _Settings) -> str:
    """The context-free shape of one stripped line."""
    if key in _word_set("nav_artefacts.txt") or _HTML_TAG_LINE.fullmatch(text):
        return NULL
    if key in _word_set("nav_headings.txt"):
        return HEADING
    if key in _word_set("nav_login.txt"):
        return LOGIN
    if not _LETTER.search(text):
        return NUMBER if words else SEPARATOR
    if len(text) <= 60 and words <= 8 and _DATE.search(text):
        return DATE
    if _is_breadcrumb(text, cfg):
        return BREADCRUMB
    end = _sentence_end(text)
    if end and (end in ".!…;" or words >= cfg.prose_min_words):
        return PROSE
    if end:
        return TITLE
    if words <= cfg.max_item_words and len(text) <= cfg.max_item_chars:
        return ITEM
    if words <= cfg.max_item_words + 2 and _LOGIN_WORDS.search(text):
        return ITEM  # "Sai Tên đăng nhập hoặc Mật khẩu": a login form, item-like in a run
    return TITLE


def _sentence_end(text: str) -> str:
    """The punctuation that ends ``text`` as a sentence (``""`` when it does not).

    A closing quote or bracket counts only after sentence punctuation (``nói."``), so a
    headline ending in a quoted phrase (``'... như mũi bố'``) is not a sentence.
    """
    last = text[-1]
    if last in ".!?…;:":
        return last
    if last in _CLOSERS and len(text) > 1 and text[-2] in ".!?…":
        return text[-2]
    return ""


def _is_breadcrumb(text: str, cfg: _Settings) -> bool:
    """Short segments joined by ``›``, ``»``, ``>`` or ``|``: three or more, or two with an
    arrow where the first is a known heading or section ("Trang chủ › Thời sự")."""
    if not _CRUMB_SPLIT.search(text):
        return False
    segments = [s for s in _CRUMB_SPLIT.split(text) if s]
    if len(segments) < 2:
        return False
    for segment in segments:
        if (len(segment) > cfg.max_item_chars or segment[-1] in _TERMINAL
                or len(_WORD.findall(segment)) > cfg.max_item_words):
            return False
    if len(segments) >= 3:
        return True
    first = _lookup_key(segments[0])
    return bool(_ARROW.search(text)) and (first in _word_set("nav_headings.txt")
                                          or first in _word_set("nav_sections.txt"))


def _lines(text: str, cfg: _Settings) -> list[_Line]:
    """Every non-blank line of ``text`` with its context-free shape."""
    sections = _word_set("nav_sections.txt")
    lines = []
    short = 2 * cfg.max_item_chars
    for m in _NONBLANK_LINE.finditer(text):
        line = m.group(1)
        if len(line) > short:  # fast path: far too long for chrome cues or menu items
            words = line.count(" ") + 1
            shape = PROSE if _sentence_end(line) else TITLE
            if shape == TITLE and len(line) <= 3 * short and _is_breadcrumb(line, cfg):
                shape = BREADCRUMB
            lines.append(_Line(m.start(1), m.end(1), line, words, shape, False))
            continue
        words = len(_WORD.findall(line))
        key = _lookup_key(line)
        lines.append(_Line(m.start(1), m.end(1), line, words, _shape(line, words, key, cfg),
                           key in sections))
    return lines


# --------------------------------------------------------------------------- menu runs


def _runs(lines: list[_Line]) -> list[tuple[int, int]]:
    """Maximal runs ``[i, j)`` of consecutive lines that are not prose or headlines."""
    runs = []
    i = 0
    n = len(lines)
    while i < n:
        if lines[i].shape in (PROSE, TITLE):
            i += 1
            continue
        j = i
        while j < n and lines[j].shape not in (PROSE, TITLE):
            j += 1
        runs.append((i, j))
        i = j
    return runs


def _menu_run_labels(lines: list[_Line], i: int, j: int, cfg: _Settings) -> list[Label]:
    """Labels for the run ``lines[i:j]`` when its shape and its neighbours say menu."""
    run = lines[i:j]
    items = sum(1 for line in run if line.shape == ITEM)
    cues = sum(1 for line in run if line.shape in CUE_RULES)
    sections = sum(1 for line in run if line.section)
    counted = items + cues
    is_menu = (counted >= cfg.min_run_items
               or (cues and counted >= cfg.min_run_items_with_cue)
               or (sections >= cfg.min_section_hits and counted >= cfg.min_section_hits))
    if not is_menu or (not cues and _belongs_to_story(lines, i, j, counted, cfg)):
        return []
    if i > 0 and lines[i - 1].shape == PROSE and _looks_like_name(run[0]):
        run = run[1:]  # an author sign-off after the last paragraph: strip_bylines' business
    return [Label(line.start, line.end, KIND, CUE_RULES.get(line.shape, "nav.menu_run"))
            for line in run if line.shape != DATE]


def _looks_like_name(line: _Line) -> bool:
    """Two to four capitalised words that are not a section name: ``Hạ Huyền``."""
    return (line.shape == ITEM and not line.section and 2 <= line.words <= 4
            and all(word[0].isupper() for word in line.text.split()))


def _belongs_to_story(lines: list[_Line], i: int, j: int, counted: int, cfg: _Settings) -> bool:
    """A short run between story paragraphs, or after a line ending in ``:``, is a list of
    the story (names, steps, results), not a menu."""
    before = lines[i - 1] if i > 0 else None
    after = lines[j] if j < len(lines) else None
    if before is not None and before.text.endswith(":"):
        return True
    return (counted <= cfg.embedded_run_max_items and before is not None and after is not None
            and before.shape == PROSE and after.shape == PROSE)


# --------------------------------------------------------------------------- title, lead


def _words_of(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _same_title(template: str, candidate: str, cfg: _Settings) -> bool:
    """Is ``candidate`` the title that the template line ``template`` carries?

    True when the template equals it, starts or ends with it ("Title - Section - Site"),
    or holds most of its distinct words (a title the page retyped in capitals or edited).
    """
    a, b = template.casefold(), candidate.casefold()
    if a == b:
        return True
    cand_words = set(_words_of(candidate))
    if len(cand_words) < cfg.title_min_words:
        return False
    temp_words = set(_words_of(template))
    if len(cand_words) < cfg.title_share_of_first_line * len(temp_words):
        return False
    if a.startswith(b) or a.endswith(b):
        return True
    if len(cand_words) < cfg.title_fuzzy_min_words:
        return False
    return len(cand_words & temp_words) >= cfg.title_containment * len(cand_words)


def _title_shaped(line: _Line, cfg: _Settings) -> bool:
    """A line that could be a headline: a few words, not ending like a statement."""
    return line.shape in (TITLE, ITEM) and cfg.title_min_words <= line.words <= cfg.title_max_words


def _is_paragraph(line: _Line, cfg: _Settings) -> bool:
    """A story paragraph: a long line ending like a statement (not a headline's ``?``)."""
    return line.shape == PROSE and line.words >= cfg.lead_min_words and (
        _sentence_end(line.text) in ".…;" or line.words >= 2 * cfg.lead_min_words)


def _find_title(lines: list[_Line], chrome: set[int],
                cfg: _Settings) -> tuple[list[int], int | None]:
    """(indexes of the template copies of the title, index of the title the story keeps).

    The title candidate is the first line not already labelled as chrome (starts in
    ``chrome``). It is a template copy when a later line before the first paragraph repeats
    it (``Title - Section - Site`` at the top, ``Title`` again above the lead); when the
    title comes several times before the lead, the last of them is the one kept.
    """
    head = next((k for k, line in enumerate(lines) if line.start not in chrome), None)
    if head is None or not _title_shaped(lines[head], cfg):
        return [], None
    first = lines[head]
    copies = []
    for k in range(head + 1, min(len(lines), head + cfg.title_scan_lines)):
        line = lines[k]
        if _is_paragraph(line, cfg):
            break
        if _title_shaped(line, cfg) and _same_title(first.text, line.text, cfg):
            copies.append(k)
    if not copies:
        return [], head
    return [head] + copies[:-1], copies[-1]


def _find_lead(lines: list[_Line], title: int, cfg: _Settings) -> int | None:
    """Index of the lead: the first paragraph within a few lines after the title."""
    for k in range(title + 1, min(len(lines), title + 1 + cfg.head_scan_lines)):
        if _is_paragraph(lines[k], cfg):
            return k
    return None


def _repeat_labels(lines: list[_Line], title: int, lead: int | None,
                   cfg: _Settings) -> list[Label]:
    """Later copies of the kept title and lead (a widget or aggregator repeating them)."""
    labels = []
    title_key = lines[title].text.casefold() if lines[title].words >= cfg.repeat_min_words else None
    lead_key = lines[lead].text.casefold() if lead is not None else None
    after = (lead if lead is not None else title) + 1
    for line in lines[after:]:
        if title_key is not None and len(line.text) == len(title_key) \
                and line.text.casefold() == title_key:
            labels.append(Label(line.start, line.end, KIND, "nav.repeated_title"))
        elif lead_key is not None and line.words >= cfg.lead_min_words \
                and _repeats_lead(lead_key, line.text.casefold()):
            labels.append(Label(line.start, line.end, KIND, "nav.repeated_lead"))
    return labels


def _repeats_lead(lead_key: str, key: str) -> bool:
    """The lead again (its agency prefix may be missing), or a teaser cut from it with
    ``...``."""
    if len(key) <= len(lead_key) and lead_key.endswith(key):
        missing = lead_key[: len(lead_key) - len(key)].rstrip()
        return not missing or missing[-1] in _PREFIX_ENDS  # only an agency prefix is gone
    stem = key.rstrip(".… ")
    if stem == key:
        return False
    stem = stem.rsplit(" ", 1)[0]  # the word before the dots may be cut short
    if len(stem) < len(lead_key) // 3:
        return False
    return lead_key.startswith(stem) or stem.startswith(lead_key.rstrip(".… "))


def _section_label_labels(lines: list[_Line], title: int | None, lead: int | None,
                          cfg: _Settings) -> list[Label]:
    """Section names standing alone next to the title or dateline, above the lead."""
    if title is None or lead is None:
        return []
    stop = lead
    start = max(0, title - cfg.head_scan_lines)
    return [Label(line.start, line.end, KIND, "nav.section_label")
            for line in lines[start:stop]
            if line.section and line.shape == ITEM
            and line.words <= cfg.section_label_max_words]


# --------------------------------------------------------------------------- the cleaner


class StripNavMenus(BoilerplateCleaner):
    """Delete site chrome: menus, breadcrumbs, widget headings, login strings, template copies.

    Story text wins when unsure: a short line between paragraphs, an in-body subheading,
    or a list after a line ending in ``:`` stays.

    >>> strip_nav_menus("Đăng nhập\\nThời sự\\nKinh doanh\\nGiải trí\\nThể thao\\n"
    ...                 "Mưa lớn ở Hà Nội.\\nNhiều tuyến phố ngập sâu, giao thông ùn tắc kéo dài.")
    'Mưa lớn ở Hà Nội.\\nNhiều tuyến phố ngập sâu, giao thông ùn tắc kéo dài.'
    >>> strip_nav_menus("Trang chủ của hội được cập nhật hằng ngày.")
    'Trang chủ của hội được cập nhật hằng ngày.'
    """

    name: ClassVar[str] = "strip_nav_menus"
    kind: ClassVar[str] = KIND

    def classify(self, text: str) -> list[Label]:
        """Labels for the chrome of ``text``: context-free shapes, then runs and repeats."""
        cfg = _settings()
        lines = _lines(text, cfg)
        labels: list[Label] = []
        for i, j in _runs(lines):
            labels.extend(_menu_run_labels(lines, i, j, cfg))
        labels.extend(Label(line.start, line.end, KIND, CUE_RULES[line.shape])
                      for line in lines if line.shape in CUE_RULES)
        title = self._strip_title_copies(lines, labels, cfg)
        if title is not None:
            lead = _find_lead(lines, title, cfg)
            labels.extend(_repeat_labels(lines, title, lead, cfg))
            labels.extend(_section_label_labels(lines, title, lead, cfg))
            kept = lines[title]
            labels = [lab for lab in labels if lab.start != kept.start]  # the title stays
        labels.extend(Label(m.start(), m.end(), KIND, "nav.inline_widget")
                      for m in _inline_pattern().finditer(text))
        return _merged(text, _deduplicated(labels))

    @staticmethod
    def _strip_title_copies(lines: list[_Line], labels: list[Label], cfg: _Settings) -> int | None:
        """Label the template copies of the title (appending to ``labels``); return the
        index of the title kept. Repeats until the first remaining line has no copy, so
        cleaning the result again finds nothing more (idempotence)."""
        chrome = {label.start for label in labels}
        title = None
        for _ in range(3):
            copies, kept = _find_title(lines, chrome, cfg)
            if title is None:
                title = kept
            if not copies:
                break
            for k in copies:
                if k != title:
                    labels.append(Label(lines[k].start, lines[k].end, KIND, "nav.repeated_title"))
                    chrome.add(lines[k].start)
            title = kept if title in copies else title
        return title


def _deduplicated(labels: list[Label]) -> list[Label]:
    """One label per span (the first rule that claimed it), sorted, overlaps dropped."""
    kept: list[Label] = []
    last_end = -1
    for label in sorted(labels, key=lambda lab: (lab.start, -lab.end)):
        if label.start < last_end:
            continue
        kept.append(label)
        last_end = label.end
    return kept


def _merged(text: str, labels: list[Label]) -> list[Label]:
    """Join labels of the same rule that only blank lines separate, so a menu goes whole
    and leaves no stack of empty lines behind."""
    merged: list[Label] = []
    for label in labels:
        if merged and merged[-1].rule == label.rule \
                and not text[merged[-1].end:label.start].strip():
            merged[-1] = Label(merged[-1].start, label.end, KIND, label.rule)
        else:
            merged.append(label)
    return merged


strip_nav_menus = StripNavMenus()
