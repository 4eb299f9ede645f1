"""Strip site chrome: menus, breadcrumbs, widget headings, login strings, template artefacts.

Classify, then delete. Every non-blank line first gets a context-free *shape* (a menu item,
a widget heading, a login string, a breadcrumb, a separator, prose, ...) from its length,
word count, end punctuation and the word lists in ``vnclean/data/nav_*.txt``. A second pass
revises from the neighbours: a run of short unpunctuated lines is a menu, unless it sits
between story paragraphs or after a line that introduces a list; the page-template copy
of the title goes and the real title stays once. Thresholds live in ``data/nav.json``.

Speed: lines and their offsets come from one C-level search; plain menu items are shaped by
``isalpha`` and one lookup; runs and cues are found by regex over one letter per line; and
gates skip the line pass for blank pages, flattened one-line articles and pages with no
item, cue or headline (``_classify(text, gate=False)`` is the path the gates shortcut).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from itertools import compress, islice
from operator import attrgetter, itemgetter
from typing import ClassVar

import regex

from ._data import compile_named, data_text, json_data, named_list, tab_entries, word_list
from .blocks import (CAPITALS, SMALL_LETTERS, TABLE_NUMBER_CELL, BoilerplateCleaner, Label,
                     WarmUp, casefold_lead, casefold_pattern, casefold_sources, expand_forms,
                     holds_at_letter, long_first_line_end, lookup_key, lookup_set, residue,
                     settle_inline)
from .bylines import author_names
from .dates import EN_MONTH_PATTERN, WEEKDAY_PATTERN, ZONE_PATTERN, find_date
from .fields import field_header_labels
from .promos import is_publication_name
from .related import VERSE_SCAN_LINES, verse_lines

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
JUMP = "jump"              # "Về trang chủ", "Trở lại Kinh doanh": a link elsewhere on the site
KEYWORDS = "keywords"      # "Tags: Nghệ An, hội nghị": the page's topic links
MENU_LINE = "menu_line"    # "Thời sự Kinh tế Xã hội Thế giới": a menu flattened onto one line
PAGER = "pager"            # "Trang 1/2", "Trang 1 2 3 Tiếp": page navigation
TICKER = "ticker"          # "Tin nóng: A • B • C": a widget heading and its headlines on one line
WELCOME = "welcome"        # "Chào mừng bạn đến với website ...": a portal's welcome banner
WEATHER = "weather"        # "Cà Mau, 32°C/ 31°C - 34°C": a site header's weather widget

#: Shapes a spaced-out table's row may take that :func:`_unshape_spaced_tables` reads as
#: story (a cue or a date keeps its shape).
_TABLE_ROW_SHAPES = frozenset({TITLE, ITEM, NUMBER, MENU_LINE})

#: Shapes that are chrome whatever their neighbours say, with their rule ids.
CUE_RULES = {HEADING: "nav.widget_heading", LOGIN: "nav.login",
             BREADCRUMB: "nav.breadcrumb", NULL: "nav.null", JUMP: "nav.jump_link",
             KEYWORDS: "nav.keywords", MENU_LINE: "nav.menu_line", PAGER: "nav.pagination",
             TICKER: "nav.ticker", WELCOME: "nav.welcome", WEATHER: "nav.weather"}

#: What ``regex`` counts as ``\s``, but the newline: the characters a line is stripped of.
_SPACE = ("\t\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
          "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_SPACE_NL = _SPACE + "\n"
#: One letter per shape; runs of lines that are not prose or headlines, and cue lines, are
#: then found by regex over the letters of a page.
_CODE = {PROSE: "p", TITLE: "t", ITEM: "i", HEADING: "h", LOGIN: "l", BREADCRUMB: "b",
         NULL: "n", SEPARATOR: "s", NUMBER: "d", DATE: "a", JUMP: "j", KEYWORDS: "k",
         MENU_LINE: "m", PAGER: "g", TICKER: "r", WELCOME: "w", WEATHER: "e"}
_RUN = regex.compile("[^pt]{2,}")
_INNER_HEADLINE = regex.compile("(?<=[^pt])t(?=[^pt])")
_ITEM_OR_CUE = regex.compile("[" + "".join(_CODE[s] for s in (ITEM, *CUE_RULES)) + "]")
_CUE = regex.compile("[" + "".join(_CODE[shape] for shape in CUE_RULES) + "]")
_HEADLINE_SHAPES = frozenset({TITLE, ITEM})
_DATELINE_SHAPES = frozenset({DATE, NUMBER})  # "26/11/2024 17:00" has no letter: a number
_DATELINE_CODES = "".join(_CODE[shape] for shape in _DATELINE_SHAPES)
#: A label before it becomes a :class:`Label`: (start, end, rule).
_Span = tuple[int, int, str]
_DIGITS = "0123456789"
#: Word counts not yet taken: ``-1`` counts ``\w+`` runs, ``_SPACED`` the spaces + 1.
_SPACED = -2
_INLINE_FLAG = regex.compile(r"\(\?[a-zA-Z]")
_NOT_JOINERS = frozenset("_.!?…;,\"'”’")
_START = itemgetter(0)
_PEEK = 32  # characters compared before a long line is casefolded
_WORD = regex.compile(r"\w+")
_SENTENCE_MARKS = ".!?…;:"  # what _sentence_end takes as a line's last character
_STOPS = ".!?…"  # and before a closing quote or bracket
_TERMINAL = frozenset(_SENTENCE_MARKS)
_PREFIX_ENDS = frozenset("-–—):")
_CLOSERS = frozenset("\"'”’»)]")
_LETTER = regex.compile(r"\p{L}")
_LOGIN_WORDS = regex.compile(r"\b(?:đăng nhập|đăng ký|đăng kí|mật khẩu|tên đăng nhập)\b",
                             regex.IGNORECASE)
#: A date or time in a dateline: ``26/11``, ``26/11/2024``, ``26-11-2024``, ``17:00``; a dash
#: pair with no year is a score (``thắng 2-1``), not a date.
_DATE = regex.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}-\d{1,2}-\d{2,4}|\d{1,2}:\d{2}")
#: A blog engine's English date header filling its line: ``Wednesday, June 4, 2014``,
#: ``Thursday, 9 April 2020``, ``June 4, 2014`` (a capitalised word first, or none).
_EN_DATE_LINE = regex.compile(
    rf"(?:\p{{Lu}}\p{{Ll}}+,?+[ \t]+)?+(?:[0-3]?\d[ \t]+(?:{EN_MONTH_PATTERN})\.?+"
    rf"|(?:{EN_MONTH_PATTERN})\.?+[ \t]+[0-3]?\d(?:st|nd|rd|th)?+),?+[ \t]+(?:19|20)\d\d")
#: A template's identifier alone on its line: ASCII letters and digits joined by an
#: underscore and a dot or hyphen (``google_Tiin.vn``, ``bbc_news-content``), an ad slot's
#: or an image's name printed for its content; no word of a story is spelt so.
_IDENTIFIER_LINE = regex.compile(
    r"(?=[^_\n]*_)(?=[^.\n-]*[.-])[A-Za-z][A-Za-z0-9]*+(?:[_.-][A-Za-z0-9]++)++")
#: A tag printed as a slug alone on its line: three words or more joined by underscores and
#: no space, one of them spelt with a letter outside ASCII (``Kiến_thức_đầu_tư_chứng_khoán``,
#: a category's or hashtag's name); a code name (``user_id_main``) is all ASCII.
_TAG_SLUG_LINE = regex.compile(r"(?=[^\n]*[^\x00-\x7f])\p{L}[\p{L}\d]*+(?:_[\p{L}\d]++){2,}")
#: Cells a scraper spaced apart on one line (two spaces or more, or a tab, between them),
#: and such a gap before a cell that opens with a number (``Dài    63 km``).
_SPACED_CELLS = regex.compile(r"(?: {2}|\t)(?<=\S[ \t]{2}|\S\t)[ \t]*+\S")
_SPACED_NUMBER_CELL = regex.compile(r"(?: {2}|\t)(?<=\S[ \t]{2}|\S\t)[ \t]*+[-+−]?\d")
_CRUMB_SPLIT = regex.compile(r"\s*(?:›|»|>|\|)\s*")
_BULLET_CRUMB_SPLIT = regex.compile(r"\s*(?:›|»|>|\||•)\s*")  # no colon: no ticker
_ARROW = regex.compile(r"[›»>]")
#: Markup left by an HTML-to-text pass, alone on its line: tags (``</p>``, ``<p><br/>``), a
#: server-page directive (``<%@ page language="java" ... %>``), a declaration or processing
#: instruction (``<!DOCTYPE html>``, ``<?xml version="1.0"?>``), a comment (``<!-- ... -->``).
_MARKUP = (r"(?:</?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>\n]*)?/?>|<%[^\n]*?%>|<\?[^\n]*?\?>"
           r"|<!--[^\n]*?-->|<![a-zA-Z\[][^<>\n]*>)")
_HTML_TAG_LINE = regex.compile(rf"{_MARKUP}(?:\s*+{_MARKUP})*+")
#: The tail of a tag whose opening an HTML-to-text pass cut off: quoted values and
#: attributes up to the closing bracket (``"transparent" allowscriptaccess="never">``), one
#: attribute's value at least (``="``).
_TAG_TAIL_LINE = regex.compile(r'(?:[a-zA-Z][\w:-]*+=)?+"[^"<>\n]*+"'
                               r'(?:\s++[a-zA-Z][a-zA-Z0-9:-]*+(?:="[^"<>\n]*+")?+)*+\s*+/?>')
#: A template placeholder left unfilled: ``{{title}}``, ``{% endif %}``, ``${title}``.
_TEMPLATE_LINE = re.compile(r"\{\{[^{}\n]*\}\}|\{%[^\n]*%\}|\$\{[^{}\n]*\}")
#: A line of hashtags: ``#giá xăng #xăng dầu``, two or more, none ending like a sentence.
_HASHTAG_LINE = re.compile(r"#[^\W_][^#\n]*(?:#[^\W_][^#\n]*)+")
#: One hashtag alone on its line: ``#Lưu Văn`` (a tag list put one tag a line).
_HASHTAG_ITEM = re.compile(r"#[^\W\d_][^#\n]*")  # a letter first: ``#1 Đà Nẵng`` ranks
#: A line of topics joined by bare commas (``Cà phê,Thi thể,Xác chết``): a program joined
#: the page's keywords; prose puts a space after its commas.
_JOINED_KEYWORDS_LINE = re.compile(r"[^\W\d_][^,\n]*+(?:,[^\W\d_][^,\n]*+)+")


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
    title_suffixed_candidate_share: float
    title_suffix_max_words: int
    repeat_min_words: int
    lead_min_words: int
    section_label_max_words: int
    breadcrumb_min_known: int
    breadcrumb_max_words: int
    head_scan_lines: int
    min_menu_line_sections: int
    min_menu_line_sections_after_home: int
    max_keyword_items: int
    max_tag_words: int
    hashtag_max_words: int
    tail_max_lines: int
    joined_keywords_min_items: int
    flat_menu_min_items: int
    flat_menu_dated_min_items: int
    flat_menu_homed_min_items: int
    flat_line_min_chars: int
    mixed_menu_min_known: int
    site_name_max_words: int
    site_menu_max_words: int
    site_menu_max_name_words: int
    bullet_menu_min_sections: int
    menu_bullets: str
    sentence_continuation_marks: str
    verse_max_words: int
    wrapped_line_min_chars: int
    caps_heading_min_words: int
    contents_scan_lines: int


@functools.cache
def _settings() -> _Settings:
    numbers = {k: v for k, v in json_data("nav.json").items() if not k.startswith("_")}
    return _Settings(**numbers)


@functools.cache
def _heading_keys() -> frozenset[str]:
    """Lookup keys of the widget headings: ``nav_headings.txt`` and the table-of-contents
    headings (``nav_contents_headings.txt``), which are widget headings too."""
    return lookup_set("nav_headings.txt") | lookup_set("nav_contents_headings.txt")


@functools.cache
def _jump_keys() -> frozenset[str]:
    """Lookup keys of the jump links of ``data/nav_jumps.txt``: every verb with every
    target (and, for the verbs that allow it, every section name), and the whole links."""
    by_tag: dict[str, list[str]] = {"verb": [], "verb-": [], "target": [], "line": []}
    for tag, phrase in tab_entries("nav_jumps.txt"):
        by_tag[tag].extend(expand_forms([phrase]))
    sections = lookup_set("nav_sections.txt")
    phrases = [f"{verb} {target}" for verb in by_tag["verb"] + by_tag["verb-"]
               for target in by_tag["target"]]
    phrases += [f"{verb} {section}" for verb in by_tag["verb"] for section in sections]
    return frozenset(map(lookup_key, phrases + by_tag["line"]))


@functools.cache
def _cue_shapes() -> dict[str, str]:
    """Lookup key -> cue shape; artefacts win over headings, headings over login strings,
    login strings over jump links."""
    shapes = dict.fromkeys(_jump_keys(), JUMP)
    shapes.update(dict.fromkeys(lookup_set("nav_login.txt"), LOGIN))
    shapes.update(dict.fromkeys(_heading_keys(), HEADING))
    shapes.update(dict.fromkeys(lookup_set("nav_artefacts.txt"), NULL))
    return shapes


@functools.cache
def _key_info() -> dict[str, tuple[str | None, bool]]:
    """Lookup key -> (its cue shape or None, whether it names a section), for every key
    of the cue and section lists."""
    sections = lookup_set("nav_sections.txt")
    cues = _cue_shapes()
    return {key: (cues.get(key), key in sections) for key in cues.keys() | sections}


_NO_KEY = (None, False)


def is_menu_item(line: str) -> bool:
    """Whether ``line`` alone is a section's name or a chrome cue nav knows (``Thời sự``,
    ``Trang chủ``, ``Tin liên quan``): what a menu is made of.

    >>> is_menu_item("Thời sự"), is_menu_item("Mưa lớn ở Hà Nội")
    (True, False)
    """
    return lookup_key(line.strip()) in _key_info()


@functools.cache
def _first_words() -> frozenset[str]:
    """The first word of every lookup key: a line whose first word (casefolded, after
    the trailing colon goes) is not one of them needs no full key."""
    return frozenset(key.split(" ", 1)[0] for key in _key_info())


class _Page:
    """The non-blank lines of a text as parallel lists (index ``k`` is the k-th line): offsets
    of the stripped text, the text, its word count, its shape, whether it names a section;
    and the whole text (``source``) the offsets point into."""

    __slots__ = ("distinct", "ends", "folded", "sections", "shapes", "source", "starts", "texts",
                 "words")

    def __init__(self, source: str, starts: list[int], ends: list[int], texts: list[str],
                 words: list[int], shapes: list[str], sections: list[bool]) -> None:
        self.source = source
        self.starts = starts
        self.ends = ends
        self.texts = texts
        self.words = words
        self.shapes = shapes
        self.sections = sections
        self.folded: dict[int, str] = {}  # see _folded
        self.distinct: dict[int, set[str]] = {}  # see _distinct_words

    def __len__(self) -> int:
        return len(self.starts)

    def right_under(self, k: int) -> bool:
        """Line ``k + 1`` is the raw line right under line ``k``: no blank line between
        them (an indent or a trailing space is none)."""
        return k + 1 < len(self.starts) and self.source.count(
            "\n", self.ends[k], self.starts[k + 1]) == 1

    def keep(self, indexes: list[int]) -> _Page:
        """The page of the lines at ``indexes`` (ascending) only, with the casefolds and
        word sets taken so far (a title scan over the lines left compares the same lines)."""
        page = _Page(self.source, *([values[k] for k in indexes] for values in (
            self.starts, self.ends, self.texts, self.words, self.shapes, self.sections)))
        for k, folded in self.folded.items():
            j = bisect.bisect_left(indexes, k)
            if j < len(indexes) and indexes[j] == k:
                page.folded[j] = folded
                if k in self.distinct:
                    page.distinct[j] = self.distinct[k]
        return page


def _shape(text: str, cue: str | None, cfg: _Settings) -> tuple[str, int]:
    """The context-free shape of one stripped line whose lookup key has the cue shape
    ``cue`` (or none), and its word count (``-1`` when the shape did not need it:
    :func:`_word_count` counts it if a later rule asks).

    Cheap string tests go before each regex they imply (a date needs ``/``, ``-`` or
    ``:``; a breadcrumb one of its separators; a login form ``đăng`` or ``mật``).
    """
    first = text[0]
    if cue == NULL or (first == "<" and _HTML_TAG_LINE.fullmatch(text)) or (
            first in "{$" and _TEMPLATE_LINE.fullmatch(text)) or (
            text[-1] == ">" and '="' in text and _TAG_TAIL_LINE.fullmatch(text)):
        return NULL, -1
    if cue is not None:
        return cue, -1
    if "_" in text and (_IDENTIFIER_LINE.fullmatch(text) is not None
                        or _TAG_SLUG_LINE.fullmatch(text) is not None):
        return NULL, -1  # "google_Tiin.vn": a template's identifier; a tag's slug
    if not (text[0].isalpha() or _LETTER.search(text)):  # isalpha() implies \p{L}
        return (NUMBER if _WORD.search(text) else SEPARATOR), -1
    words = -1
    if _is_keywords(text, cfg):
        return KEYWORDS, words
    if len(text) <= 60 and ("/" in text or "-" in text or ":" in text) and _DATE.search(text):
        if not text[0].isdigit() and _is_pager_line(text):
            return PAGER, words  # "Trang 1/2": no date (a dateline opens with its digits)
        words = len(_WORD.findall(text))
        if words <= 8 or ("GMT" in text or "UTC" in text) and words - _zone_words(text) <= 8:
            return DATE, words
    elif len(text) <= 60 and "háng" in text and find_date(text) is not None:
        words = len(_WORD.findall(text))  # a month written out: "Thứ Năm, 12 tháng 1, 2012"
        if words <= 8:
            return DATE, words
    elif len(text) <= 40 and text[-1].isdigit() and _EN_DATE_LINE.fullmatch(text):
        return DATE, len(_WORD.findall(text))  # in English: "Wednesday, June 4, 2014"
    if ("›" in text or "»" in text or ">" in text or "|" in text or "/" in text
            or "•" in text) and _is_breadcrumb(text, cfg) and not (
                words > 8 and _DATE.search(text)):
        return BREADCRUMB, words  # (a byline "Name | 12-03-2024 - 09:15 AM | Section" is none)
    end = _sentence_end(text)
    if end and end in ".!…;":
        return PROSE, words
    if text[-1] in _ARROWS or _NAVIGATION_GATE(text) is not None:  # none ends like a sentence
        shape = _navigation_shape(text)
        if shape is not None:
            return shape, words
    if words < 0 and (end or len(text) <= cfg.max_item_chars or _login_hint(text)):
        words = len(_WORD.findall(text))
    if end:
        return (PROSE if words >= cfg.prose_min_words else TITLE), words
    if ("·" in text or "•" in text or "–" in text) and _is_menu_line(text, cfg):
        return MENU_LINE, words  # joined by spaces or " - ": the plain-words path's
    if words <= cfg.max_item_words and len(text) <= cfg.max_item_chars:
        return ITEM, words
    if words <= cfg.max_item_words + 2 and _login_hint(text) and _LOGIN_WORDS.search(text):
        return ITEM, words  # "Sai Tên đăng nhập hoặc Mật khẩu": a login form, item-like in a run
    return TITLE, words


def _is_hashtag_line(text: str, cfg: _Settings) -> bool:
    """Two hashtags or more and nothing else (``#giá xăng #xăng dầu #Bộ Công Thương``): the
    page's topic links, each of at most ``_HASHTAG_MAX_WORDS`` words, none ending like a
    sentence.

    >>> _is_hashtag_line("#giá xăng #xăng dầu", _settings())
    True
    >>> _is_hashtag_line("#MeToo và #BlackLivesMatter là hai phong trào lớn.", _settings())
    False
    """
    if _HASHTAG_LINE.fullmatch(text) is None:
        return False
    tags = [tag.strip() for tag in text.split("#") if tag.strip()]
    return len(tags) <= cfg.max_keyword_items and all(
        len(tag.split()) <= _HASHTAG_MAX_WORDS for tag in tags) and _item_segments(tags, cfg)


_HASHTAG_MAX_WORDS = _settings().hashtag_max_words  # a tag is a topic's name, not a headline


def _is_keywords(text: str, cfg: _Settings) -> bool:
    """A line of the page's topics, whichever way written: a label, a colon and topics
    (:func:`_is_keyword_line`), hashtags (:func:`_is_hashtag_line`), topics joined by bare
    commas (:func:`_is_joined_keywords`); cheap character tests first."""
    return ((":" in text or text[0] in _keyword_openers()) and _is_keyword_line(text, cfg)
            or text[0] == "#" and _is_hashtag_line(text, cfg)
            or "," in text and ", " not in text and _is_joined_keywords(text, cfg))


def _is_joined_keywords(text: str, cfg: _Settings) -> bool:
    """A line of at least ``joined_keywords_min_items`` topics joined by commas with no
    space after any of them, each short and not ending like a sentence: the page's
    keywords as a crawler joined them (``Cà phê,Thi thể,Vườn,Xác chết,Mùi thối``).

    >>> _is_joined_keywords("Cà phê,Thi thể,Vườn,Xác chết,Mùi thối,Nạn nhân", _settings())
    True
    >>> _is_joined_keywords("Hà Nội, Huế, Đà Nẵng, Cần Thơ và TP.HCM có mưa.", _settings())
    False
    """
    if _JOINED_KEYWORDS_LINE.fullmatch(text) is None:
        return False
    items = text.split(",")
    return len(items) >= cfg.joined_keywords_min_items and _item_segments(
        [item.strip() for item in items], cfg)


def _login_hint(text: str) -> bool:
    """Could ``_LOGIN_WORDS`` match? Each of its phrases holds ``đăng`` or ``mật``, and
    casefolding keeps them (the regex folds case letter by letter)."""
    folded = text.casefold()
    return "đăng" in folded or "mật" in folded


def _sentence_end(text: str) -> str:
    """The punctuation that ends ``text`` as a sentence (``""`` when it does not).

    A closing quote or bracket counts only after sentence punctuation (``nói."``), so a
    headline ending in a quoted phrase (``'... như mũi bố'``) is not a sentence.
    """
    last = text[-1]
    if last in _SENTENCE_MARKS:
        return last
    if last in _CLOSERS and len(text) > 1 and text[-2] in _STOPS:
        return text[-2]
    return ""


def _is_breadcrumb(text: str, cfg: _Settings) -> bool:
    """Short segments joined by ``›``, ``»``, ``>`` or ``|``: three or more, or two with an
    arrow where the first is a known heading or section ("Trang chủ › Thời sự"), or two
    known ones ("Thời sự | Xã hội"); or joined by ``/`` when the first is a known heading or
    section ("Trang chủ / Thời sự": a slash alone also joins dates, scores and pairs of
    names)."""
    return _is_arrow_crumb(text, cfg) or ("/" in text and _is_slash_crumb(text, cfg))


def _is_arrow_crumb(text: str, cfg: _Settings) -> bool:
    """:func:`_is_breadcrumb`'s segments joined by ``›``, ``»``, ``>`` or ``|``, or by ``•``
    in a line with no colon (``Tin nóng: A • B`` is a ticker)."""
    split = _BULLET_CRUMB_SPLIT if "•" in text and ":" not in text else _CRUMB_SPLIT
    if not split.search(text):
        return False
    segments = [s for s in split.split(text) if s]
    if len(segments) < 2 or not _item_segments(segments, cfg):
        return False
    return len(segments) >= 3 or _known_first(segments[0]) and (
        bool(_ARROW.search(text)) or _known_first(segments[1])
        or "|" in text and _subsection(segments[1], cfg))


def _subsection(segment: str, cfg: _Settings) -> bool:
    """A sub-section's name after a known section and a bar (``Ẩm thực | Món ngon mỗi
    ngày``, ``Pháp luật | Tư vấn``): a few words of letters in sentence case, shorter than a
    headline (``Thời sự | Hà Nội``, a place in title case, stays)."""
    words = segment.split()
    return (1 < len(words) < cfg.title_min_words + 2 and words[0][0].isupper()
            and all(word.isalpha() and word.islower() for word in words[1:]))


def _is_slash_crumb(text: str, cfg: _Settings) -> bool:
    """Two segments joined by a spaced `` / `` or three or more by ``/`` (``Ảnh/Video`` is
    one menu item), the first a known heading or section."""
    if " / " not in text and text.count("/") < 2:
        return False
    first = text.partition("/")[0]
    if not first.strip() or not _known_first(first):
        return False
    segments = [s for s in _SLASH_SPLIT.split(text) if s]
    return (len(segments) >= 3 or len(segments) == 2 and " / " in text) and _item_segments(
        segments, cfg)


def _item_segments(segments: list[str], cfg: _Settings) -> bool:
    """Every segment is short enough for a menu item and does not end like a sentence."""
    return all(len(segment) <= cfg.max_item_chars and segment[-1] not in _TERMINAL
               and len(_WORD.findall(segment)) <= cfg.max_item_words for segment in segments)


def _known_first(segment: str) -> bool:
    """Is ``segment`` a known heading or section (a breadcrumb's first segment)?"""
    return lookup_key(segment) in _crumb_heads()


@functools.cache
def _crumb_heads() -> frozenset[str]:
    return _heading_keys() | lookup_set("nav_sections.txt")


_SLASH_SPLIT = regex.compile(r"\s*/\s*")


def _is_keyword_line(text: str, cfg: _Settings) -> bool:
    """``Tags: Nghệ An, hội nghị``: a keyword label, a colon, and a short list of topics,
    each a few words that do not end like a sentence; a content system's label needs no
    colon (``nav_keywords_bare.txt``: ``Được gắn thẻ dưa lưới, nhà màng``).

    >>> cfg = _settings()
    >>> _is_keyword_line("Từ khóa: kinh tế | Nghệ An", cfg)
    True
    >>> _is_keyword_line("Chủ đề: năm nay hội nghị tập trung vào chuyển đổi số và môi trường.", cfg)
    False
    >>> _is_keyword_line("Từ khóa: mùa lũ, miền Trung, cứu trợ.", cfg)
    True
    >>> _is_keyword_line("Được đăng trong Kinh nghiệm", cfg)
    True
    >>> _is_keyword_line("Được đăng trong số báo Tết năm nay, bài viết thu hút nhiều bạn đọc.", cfg)
    False
    >>> _is_keyword_line('đăng trong tuyến "Mỗi ngày một tin tốt, mỗi tuần một câu', cfg)
    False
    """
    if text[0] not in _keyword_openers():  # cheap test first
        return False
    label = _keyword_label().match(text)
    if label is None:
        return False
    if not label.group().rstrip().endswith(":") and not (
            text[0].isupper() and _BARE_TOPICS.fullmatch(text, label.end())):
        return False  # a bare label as written, before plain topics (a wrapped line's
        # "đăng trong tuyến "Mỗi ngày ..." is a sentence's)
    items = [item.strip() for item in _KEYWORD_SPLIT.split(text[label.end():])]
    items = [item for item in items if item]
    if (len(items) > 1 and items[-1].endswith(".") and not items[-1].endswith("..")
            and label.group().casefold().startswith(_DOTTED_KEYWORD_LABELS)):
        # a paper's keyword list closed by a full stop ("Từ khóa: a, b."); a theme's
        # "Chủ đề: Hà Nội, thành phố vì hòa bình." is a sentence
        items[-1] = items[-1][:-1].rstrip()
    return 0 < len(items) <= cfg.max_keyword_items and _item_segments(items, cfg)


@functools.cache
def _keyword_openers() -> frozenset[str]:
    """Every character a keyword label can open with (those whose casefold starts a
    label's first letter): a cheap test before the pattern."""
    firsts = {key[0] for name in _KEYWORD_LABELS for key in lookup_set(name)}
    return frozenset("".join(firsts) + casefold_sources(lambda folded: folded[0] in firsts))


#: The labels whose topic list may close with a full stop (casefolded openings).
_DOTTED_KEYWORD_LABELS = ("từ khóa", "từ khoá", "keyword", "tag", "hashtag")
#: The keyword labels that take a colon, and those that need none.
_KEYWORD_LABELS = ("nav_keywords.txt", "nav_keywords_bare.txt")


@functools.cache
def _bare_keyword_heads() -> tuple[str, ...]:
    """The labels that need no colon, casefolded, each with the blank after it."""
    return tuple(label + " " for label in lookup_set(_KEYWORD_LABELS[1]))


@functools.cache
def _keyword_label() -> re.Pattern:
    """A keyword label of ``data/nav_keywords.txt`` and its colon, or one of
    ``data/nav_keywords_bare.txt`` and its colon or a blank, at a line's start."""
    colon, bare = (casefold_pattern(lookup_set(name)) for name in _KEYWORD_LABELS)
    return re.compile(rf"{colon}[ \t]*:[ \t]*|{bare}(?:[ \t]*:[ \t]*|[ \t]+)")


_KEYWORD_SPLIT = regex.compile(r"[,;|•·]")
#: The topics after a bare label: words and separators only, no quote or bracket.
_BARE_TOPICS = regex.compile(r"[^\"“”‘’'()\[\]]+")


def _navigation_shape(text: str) -> str | None:
    """PAGER for a pager line, JUMP for a link to the previous or next article with its
    title, TICKER for a widget heading and its headlines on one line; ``None`` for the rest
    (a stripped line holding a letter). Callers test ``_NAVIGATION_GATE`` first (one C-level
    match spares most lines the call); a first-character test comes before each pattern.

    >>> [_navigation_shape(t) for t in ("Trang 1/2", "Trang 1 2 3 Tiếp",
    ...     "« Bài trước: Giá vàng tăng mạnh", "Tin nóng: Giá vàng tăng • Hà Nội ngập sâu")]
    ['pager', 'pager', 'jump', 'ticker']
    >>> [_navigation_shape(t) for t in ("Trang 2", "Bài trước đó, tác giả đã phân tích kỹ.",
    ...     "Tin nóng: Giá vàng hôm nay tăng mạnh")]
    [None, None, None]
    """
    first = text[0]
    arrow = first in _ARROWS or text[-1] in _ARROWS
    if (arrow or first in _PAGER_OPENERS or first in _pager_firsts()
            and text.partition(" ")[0].casefold() in _pager_words()) and _is_pager_line(text):
        return PAGER
    if arrow or (first in "BbTt" and text[:4].casefold() in _SIBLING_HEADS):
        if _is_sibling_link(text, _navigation_patterns()[1]):
            return JUMP
        if arrow and lookup_key(text.strip(_ARROWS + " \t")) in _jump_keys():
            return JUMP  # "« Bài trước", "Trang sau »": a jump link with its arrow
    colon = text.find(":", 0, _TICKER_HEAD_MAX)
    if (colon > 0 and _TICKER_SPLIT.search(text, colon) is not None
            and first in _navigation_patterns()[2] and _is_ticker(text)):
        return TICKER
    return None


_ARROWS = "«»‹›<>←→"
_PAGER_NUMBER = regex.compile(r"\d{1,4}+(?:[ \t]*+/[ \t]*+\d{1,4}+)?+")


@functools.cache
def _pagination_forms(tag: str) -> tuple[str, ...]:
    """The words of ``nav_pagination.txt`` tagged ``tag`` (``page``, ``step``, ``sibling``),
    their ``{a|b}`` groups expanded."""
    return expand_forms([w for t, w in tab_entries("nav_pagination.txt") if t == tag])


@functools.cache
def _navigation_patterns() -> tuple[regex.Pattern, regex.Pattern, frozenset[str]]:
    """The pager line pattern, the sibling link pattern (its title in group ``title``) and
    the first characters of the widget headings a ticker opens with."""
    words = {tag: _pagination_forms(tag) for tag in ("page", "step", "sibling")}
    token = r"(?:%s|%s|\.\.\.|…|[%s]++)" % (
        named_list(words["page"] + words["step"]), _PAGER_NUMBER.pattern,
        _ARROWS)  # longest first: "Tiếp theo"
    pager = compile_named(r"%s(?:[ \t]*+[|·:]?+[ \t]*+%s)++" % (token, token),
                          regex.IGNORECASE | regex.V1)
    sibling = compile_named(
        r"(?P<open>[%s]++[ \t]*+)?+(?:%s)(?P<mark>[ \t]*+[:%s\-–][ \t]*+|[ \t]++)"
        r"(?P<title>\p{Lu}[^\n]*?)(?P<close>[ \t]*+[%s]++)?+" % (
            _ARROWS, named_list(words["sibling"]), _ARROWS, _ARROWS),
        regex.IGNORECASE | regex.V1)
    headings = _heading_keys()
    ticker_firsts = frozenset(c for key in headings for c in (key[0], key[0].upper()))
    return pager, sibling, ticker_firsts


_PAGER_OPENERS = frozenset("0123456789." + _ARROWS + "…")  # or a page or step word


@functools.cache
def _navigation_gate() -> re.Pattern:
    """What a line :func:`_navigation_shape` may take opens with (its last character may
    be an arrow instead): an arrow, a digit, a page or step word, a sibling link's first
    word, or a short head, a colon and later a bullet or bar (a ticker)."""
    words = sorted(_pager_words() | {head.strip() for head in _SIBLING_HEADS}, key=len,
                   reverse=True)
    return re.compile(r"[%s%s]|(?i:%s)\b|[^:\n]{1,%d}:.*?[•·|◆▪►♦●]" % (
        re.escape(_ARROWS), re.escape("".join(sorted(_PAGER_OPENERS - set(_ARROWS)))),
        "|".join(map(re.escape, words)), _TICKER_HEAD_MAX - 1))


@functools.cache
def _pager_firsts() -> frozenset[str]:
    """Every character a pager line opens with: a digit, ".", an arrow, or the first letter
    of a page or step word in either case."""
    return _PAGER_OPENERS | frozenset(c for word in _pager_words() for c in (
        word[0], word[0].upper()))


@functools.cache
def _pager_words() -> frozenset[str]:
    """The first words (casefolded) of the page and step words: a pager opens with one."""
    words = [word for tag, entry in tab_entries("nav_pagination.txt") if tag in ("page", "step")
             for word in expand_forms([entry])]
    return frozenset(word.split()[0].casefold() for word in words)


_PAGER_MAX = 80
_HAS_DIGIT = re.compile(r"\d").search
_SIBLING_HEADS = frozenset(("bài ", "tin "))  # the casefolded start of every sibling link
_TICKER_HEAD_MAX = 32  # a ticker's colon comes within this many characters
_TICKER_SPLIT = re.compile(r"[ \t]*+[•·|◆▪►♦●][ \t]*+")


_NAVIGATION_GATE = _navigation_gate().match  # the line may open a navigation shape


def _is_pager_line(text: str) -> bool:
    """A pager line (a stripped line holding a letter): page and step words, page numbers,
    "..." and arrows only (:func:`_is_pager` says how many)."""
    return ((text[0] in _pager_firsts() or text[-1] in _ARROWS)
            and len(text) <= _PAGER_MAX and _HAS_DIGIT(text) is not None
            and _navigation_patterns()[0].fullmatch(text) is not None and _is_pager(text))


def _is_pager(text: str) -> bool:
    """A line the pager pattern takes is a pager when it holds two page numbers or more, or
    one with a step word or arrow, or a "n/m" number: "Trang 2" alone may be a heading."""
    numbers = _PAGER_NUMBER.findall(text)
    if not numbers:
        return False
    return len(numbers) >= 2 or "/" in numbers[0] or len(_WORD.findall(text)) > 2 or any(
        c in text for c in _ARROWS)


def _is_sibling_link(text: str, pattern: regex.Pattern) -> bool:
    """A link to the previous or next article: the words, then a ":" or an arrow (or an
    arrow at either end of the line) and a title that ends like no sentence."""
    m = pattern.fullmatch(text)
    if m is None or not (m.group("open") or m.group("close") or m.group("mark").strip()):
        return False
    title = m.group("title").rstrip()
    return len(title) > 1 and title[-1] not in _SENTENCE_MARKS


def opens_with_widget_heading(line: str) -> bool:
    """True when ``line`` opens with a widget heading of ``nav_headings.txt`` and a colon
    with text after it (a ticker: ``Tin nóng: Giá vàng tăng mạnh``).

    >>> opens_with_widget_heading("Tin nóng: Giá vàng tăng mạnh"), opens_with_widget_heading(
    ...     "Nóng bức: nhiều người nhập viện")
    (True, False)
    """
    head, colon, rest = line.partition(":")
    return bool(colon and rest.strip()) and lookup_key(head) in _heading_keys()


def _is_ticker(text: str) -> bool:
    """A widget heading (nav_headings.txt), a colon, then two headlines or more joined by
    a bullet or a bar ("Tin nóng: Giá vàng tăng • Hà Nội ngập sâu"), none ending like a
    sentence: one headline alone after the colon may be the title ("Nóng: Cháy lớn ...")."""
    if not opens_with_widget_heading(text):
        return False
    items = [item for item in _TICKER_SPLIT.split(text.partition(":")[2].strip()) if item]
    return len(items) >= 2 and all(
        len(item.split()) >= 2 and item[-1] not in _SENTENCE_MARKS for item in items)


def _is_menu_line(text: str, cfg: _Settings) -> bool:
    """A line made only of section names (``min_menu_line_sections`` or more), joined by
    spaces or by ``-`` ``·`` ``•`` ``|`` ``/``: a menu flattened onto one line.

    >>> _is_menu_line("Thời sự Kinh tế Xã hội Thế giới Thể thao", _settings())
    True
    >>> _is_menu_line("Thời sự, kinh tế và xã hội là ba mảng được quan tâm nhất.", _settings())
    False
    """
    return _menu_line_pattern().fullmatch(text) is not None


def _is_mixed_menu_line(text: str, cfg: _Settings) -> bool:
    """A menu flattened onto one long line (asked of lines longer than twice
    ``max_item_chars``: a whole menu) with names of its own among the known ones: items
    that each open with a capital (a known name of the word lists, or a word of the site's
    own: ``Podcasts``, ``Hi-tech``), perhaps with a short lowercase tail (``Nhịp sống
    số``, ``Giáo dục - du học``), joined by spaces or separators; at least
    ``mixed_menu_min_known`` known names, and no fewer known names than others.

    >>> cfg = _settings()
    >>> _is_mixed_menu_line("Trang chủ Thời sự Góc nhìn Podcasts Kinh doanh Thể thao", cfg)
    True
    >>> _is_mixed_menu_line("Bộ Văn hóa Thể thao và Du lịch Hà Nội", cfg)
    False
    """
    return _menu_of_known_items(text, cfg.mixed_menu_min_known) is not None


def _menu_of_known_items(text: str, least: int) -> tuple[int, int, bool] | None:
    """:func:`_menu_item_counts` of a line made of menu items with at least ``least`` known
    names and no fewer known names than others; None for any other line (most fail the
    string tests of :func:`_known_openings`, a necessary condition, before the pattern)."""
    if not _known_openings(text, least):
        return None
    counts = _menu_item_counts(text)
    return counts if counts is not None and counts[0] >= least and counts[0] >= counts[1] else None


def _menu_item_counts(text: str) -> tuple[int, int, bool] | None:
    """(known names, names of the site's own, whether the first is known) of a line made
    of menu items (:func:`_mixed_menu_item`), or None when ``text`` is no such line.

    The items are matched one by one from the line's start, each after a separator (none
    before the first); the line is one when they reach its end. Why one pattern: the known
    names' trie takes a tenth of a second to compile, and a whole-line pattern would hold
    it a second time. Items are atomic and joined possessively, so the whole-line match
    reads the same items (``tests/test_nav_speed.py`` pins it).

    >>> _menu_item_counts("Thời sự Chính trị Nghị trường Pháp luật")
    (3, 1, True)
    """
    if not text or text[0] in _ITEM_SEPARATOR_CHARS:  # a separator opens no first item
        return None
    item = _mixed_menu_item()
    known = unknown = position = 0
    first_known = False
    end = len(text)
    while position < end:
        m = item.match(text, position)
        if m is None:
            return None
        if m.group("known") is not None:
            first_known = first_known or not position
            known += 1
        else:
            unknown += 1
        position = m.end()
    return known, unknown, first_known


def _known_openings(text: str, least: int) -> bool:
    """Are there ``least`` places in ``text`` where a known name may open an item of
    :func:`_menu_item_counts` (the line's start or after a separator's blank or sign, and
    :func:`_opens_item` there)? A necessary condition of ``least`` known items, read with
    string tests.

    Why: most lines asked hold no known name where an item opens, and the item pattern
    takes ~0.07 s to compile (``tests/test_nav_speed.py`` checks the condition).

    >>> _known_openings("Thời sự - Kinh doanh Podcasts", 2), _known_openings("Hà Nội mưa to", 1)
    (True, False)
    """
    items = _menu_item_rests(False)
    found = 0
    for opening in _ITEM_OPENING.finditer(text):
        if _opens_item(text, opening.start(), items):
            found += 1
            if found >= least:
                return True
    return least <= 0


def _may_be_mixed_menu(text: str) -> bool:
    """String tests before :func:`_is_mixed_menu_line`: ``text`` opens with a capital and
    the first word of a known name, and ends like a menu (:func:`_ends_like_menu`)."""
    return (text[0].isupper() and text.partition(" ")[0].casefold() in _first_words()
            and _ends_like_menu(text))


def _ends_like_menu(text: str) -> bool:
    """Could ``text`` end a mixed menu line? Its last word opens with a capital or a digit
    (``Podcasts``, ``24h``), is the last word of a known name (``Thể thao``), or follows a
    capitalised word (an item of the site's own with a lowercase tail: ``Vĩ mô``); a
    headline mostly ends in lowercase words that name nothing (string tests only)."""
    cut = text.rfind(" ")
    last = text[cut + 1:]
    if last[:1].isupper() or last[:1].isdigit() or last.casefold() in _menu_ends()[1]:
        return True
    before = text[text.rfind(" ", 0, cut) + 1:cut] if cut > 0 else ""
    return before[:1].isupper()


#: What a separator between menu items is made of, so opens and ends with: blanks and signs
#: (:func:`_mixed_menu_item`'s, and the gaps of :func:`_flat_menu_pattern`).
_ITEM_SEPARATORS = " \t-–·•|/»›>"
_ITEM_SEPARATOR_CHARS = frozenset(_ITEM_SEPARATORS)
#: Where an item of :func:`_menu_item_counts` may open: the start, or after a separator.
_ITEM_OPENING = re.compile(rf"(?:^|(?<=[{re.escape(_ITEM_SEPARATORS)}]))[^\s]")


@functools.cache
def _mixed_menu_item() -> re.Pattern:
    """One item of :func:`_is_mixed_menu_line` with the separator before it (spaces or
    a separator sign). An item is a known name (group ``known``: sections, headings,
    login strings, written with a capital) or a capitalised word, then at most two
    lowercase words that join no sentence or name (``data/nav_menu_glue.txt``: ``và``,
    ``của``, ...). The separator is possessive: when a sign's separator is followed by
    no item, spaces alone would leave the item to start at the sign, which no item does."""
    known = _known_items_pattern()
    glue = casefold_pattern(lookup_set("nav_menu_glue.txt"))
    word = rf"[{re.escape(CAPITALS)}\d][^\W_]*+(?:[-.&+][^\W_]++)*+"
    tail = (rf"(?:[ \t]++(?:[-–][ \t]++)?(?!{glue}(?![^\W_]))[{re.escape(SMALL_LETTERS)}][^\W_]*+)"
            r"{0,2}+")
    separator = r"(?:[ \t]*+[-–·•|/»›>][ \t]*+|[ \t]++)"
    return re.compile(rf"{separator}?+(?:(?P<known>{known})(?![^\W_])|{word}){tail}(?![^\W_])")


@functools.cache
def _known_items_pattern() -> str:
    """The known menu items (sections, headings, login strings: every key of
    :func:`_key_info`) written with a capital first (:func:`_upper_first_pattern`): built
    once for the patterns that hold it."""
    return _upper_first_pattern(frozenset(key for key in _key_info() if key))


@functools.cache
def _menu_ends() -> tuple[frozenset[str], frozenset[str]]:
    """The first words of section names and home items, and the last words of section
    names (casefolded): a line of plain words that opens or ends with none of them is no
    menu line (two set lookups spare most lines the pattern)."""
    keys = lookup_set("nav_sections.txt")
    home = lookup_set("nav_menu_home.txt")
    return (frozenset(key.split(" ", 1)[0] for key in keys | home),
            frozenset(key.rsplit(" ", 1)[-1] for key in keys))


@functools.cache
def _menu_line_pattern() -> re.Pattern:
    """Section names joined by separators, case-insensitively (exact casefolds), maybe
    after a home item (``Trang chủ``, ``nav_menu_home.txt``; after one, fewer names do:
    ``min_menu_line_sections_after_home``, ``Trang chủ Xã hội``): it opens with a class of the
    names' first letters, so most lines fail at their first letter."""
    name = _section_names_pattern()
    lead = casefold_lead(lookup_set("nav_sections.txt"))
    home = casefold_pattern(lookup_set("nav_menu_home.txt"), leading=True)
    more = _settings().min_menu_line_sections - 1
    separator = r"(?:[ \t]+|[ \t]*[-–·•|/][ \t]*)"
    homed = _settings().min_menu_line_sections_after_home - 1  # "Trang chủ Xã hội"
    after_home = _item_run(name, name, separator, homed, group=1)
    alone = _item_run(name, name, separator, more, group=2)
    pattern = re.compile(f"(?:{home}{separator}{lead}{after_home}|{lead}{alone})")
    assert pattern.groups == 2  # the groups (?(1)...) and (?(2)...) refer to
    return pattern


@functools.cache
def _section_names_pattern() -> str:
    """The section names of ``nav_sections.txt`` in any case (:func:`casefold_pattern`),
    built once for the menu-line and section-pair patterns."""
    return casefold_pattern(lookup_set("nav_sections.txt"))


def _page_of(text: str, cfg: _Settings) -> _Page:
    """Every non-blank line of ``text`` with its context-free shape.

    One loop over the text split at newlines strips each line and takes its offsets; a
    line too long for chrome is shaped by its last characters (:func:`_long_shape` for
    the few that do not end a sentence), a short one by :func:`_short_shape_of`, which
    remembers the shapes of the lines it has seen (menus repeat, on a page and from page
    to page of a site).
    """
    short = 2 * cfg.max_item_chars
    short_shape = _short_shape_of if cfg is _settings() else functools.partial(
        _short_shape_with, cfg=cfg)
    menu_line = _menu_line_pattern()
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    known = []
    add_start, add_end, add_text, add_known = (starts.append, ends.append, texts.append,
                                               known.append)
    start = 0  # the offset of the raw line
    for raw in text.split("\n"):
        line = raw.strip(_SPACE)
        if line:
            # strip returns the line itself when nothing goes (then it starts the raw line)
            first = start if line is raw else start + len(raw) - len(raw.lstrip(_SPACE))
            length = len(line)
            add_start(first)
            add_end(first + length)
            add_text(line)
            if length > short:  # far too long for chrome cues or menu items
                last = line[-1]
                if line[0] in _SCRIPT_FIRST and _is_script_line(line):
                    add_known(_LONG_SCRIPT)  # a page's script, semicolons and all
                elif last in _SENTENCE_MARKS or (last in _CLOSERS and line[-2] in _STOPS):
                    add_known(_LONG_PROSE)  # _sentence_end: a sentence
                else:
                    add_known(_long_shape(line, length, short, menu_line, cfg))
            else:
                add_known(short_shape(line))
        start += len(raw) + 1
    if not known:
        return _Page(text, [], [], [], [], [], [])
    words, shapes, sections = map(list, zip(*known))
    if "|" in text:
        _unshape_tables(texts, shapes)
    if _may_hold_spaced_rows(texts, shapes):
        _unshape_spaced_tables(texts, shapes)
    if "#" in text and "\n#" in text:  # (a rare character first: a scan for two stops often)
        _shape_hashtag_runs(texts, shapes)
    if NULL in shapes and ":" in text:
        _unshape_announced_nulls(texts, shapes)
    return _Page(text, starts, ends, texts, words, shapes, sections)


def _shape_hashtag_runs(texts: list[str], shapes: list[str]) -> None:
    """Shape as keywords the lines of two or more one-hashtag lines in a row: the topic
    links an HTML-to-text pass put one a line (``#Lưu Văn`` / ``#sao Hoa ngữ``), each
    as short as a tag on a hashtag line and ending like no sentence."""
    tags = [shape == ITEM and text[0] == "#" and _HASHTAG_ITEM.fullmatch(text) is not None
            and len(text.split()) <= _HASHTAG_MAX_WORDS for text, shape in zip(texts, shapes)]
    for k, tag in enumerate(tags):
        if tag and (k > 0 and tags[k - 1] or k + 1 < len(tags) and tags[k + 1]):
            shapes[k] = KEYWORDS


#: How many distinct short lines :func:`_short_shape_of` remembers the shapes of (the menu
#: items, cues and headlines of many sites: a few hundred kilobytes).
_SHAPE_MEMORY = 1 << 14


@functools.lru_cache(maxsize=_SHAPE_MEMORY)
def _short_shape_of(line: str) -> tuple[int, str, bool]:
    """:func:`_short_shape` of a stripped line under the package's settings, remembered:
    a shape depends on the line alone, and a site's menu items and cues come again on
    every page (a line seen before costs one lookup)."""
    return _short_shape_with(line, _settings())


def _short_shape_with(line: str, cfg: _Settings) -> tuple[int, str, bool]:
    """:func:`_short_shape` of a stripped line under ``cfg``, with the lookup tables."""
    return _short_shape(line, len(line), _key_info(), (_menu_line_pattern(), *_menu_ends()),
                        cfg)


def _unshape_tables(texts: list[str], shapes: list[str]) -> None:
    """Read the rows of a table printed with bars as story, not as breadcrumbs.

    A block of consecutive lines holding ``|`` where some cell opens with a number
    (``Xăng E5 RON 92 | 19.800 | +270``, ``| BIDV | 23.200 | 12,1% |``) is a table of the
    story: its breadcrumb-shaped rows, header included (``Mặt hàng | Giá mới``), and its
    rule rows (``|---|---|``) become prose. A breadcrumb's segments are names, never numbers.
    """
    k, size = 0, len(texts)
    while k < size:
        if "|" not in texts[k]:
            k += 1
            continue
        end = k
        while end < size and "|" in texts[end]:
            end += 1
        if (any(TABLE_NUMBER_CELL.search(texts[row]) for row in range(k, end))
                or _rows_of_a_grid(texts[k:end])):
            for row in range(k, end):
                if shapes[row] in (BREADCRUMB, SEPARATOR):
                    shapes[row] = PROSE
        k = end


def _may_hold_spaced_rows(texts: list[str], shapes: list[str]) -> bool:
    """A line shaped as a table's row (``_TABLE_ROW_SHAPES``) holds two spaces or a tab: the
    gate of :func:`_unshape_spaced_tables`, in C. Those lines joined are read, not the whole
    text: a search for two spaces stops at every space, and most of a text is prose.

    >>> _may_hold_spaced_rows(["Dài    63 km", "Mưa  lớn ở Hà Nội."], [TITLE, PROSE])
    True
    >>> _may_hold_spaced_rows(["Dài 63 km", "Mưa  lớn ở Hà Nội."], [TITLE, PROSE])
    False
    """
    rows = "\n".join(compress(texts, map(_TABLE_ROW_SHAPES.__contains__, shapes)))
    return "  " in rows or "\t" in rows


def _unshape_spaced_tables(texts: list[str], shapes: list[str]) -> None:
    """Read the rows of a table whose columns were spaced apart as story, not as menu items.

    Two or more consecutive lines that each hold cells spaced apart (two spaces or more, or
    a tab), two of them with a cell that opens with a number (``Dài    63 km (39,1 mi)`` /
    ``Rộng    11 km``), are a table of the story: its short rows would read as a menu's
    items. A menu's items are names, never measures. Only short lines are looked at (a
    paragraph with double spaces is prose already).
    """
    rows = [k for k, (text, shape) in enumerate(zip(texts, shapes))
            if shape in _TABLE_ROW_SHAPES and ("  " in text or "\t" in text)
            and _SPACED_CELLS.search(text) is not None]
    start = 0
    for end in range(1, len(rows) + 1):
        if end < len(rows) and rows[end] == rows[end - 1] + 1:
            continue
        block = rows[start:end]
        if len(block) >= 2 and sum(_SPACED_NUMBER_CELL.search(texts[row]) is not None
                                   for row in block) >= 2:
            for row in block:
                shapes[row] = PROSE
        start = end


def _rows_of_a_grid(rows: list[str]) -> bool:
    """Consecutive bar lines that all split into the same number of cells, three or more in
    two rows or more (``Đội bóng | Huấn luyện viên | Sân nhà`` / ``Hà Nội | Lê Đức Tuấn |
    Hàng Đẫy``), or two or more in three rows or more: a table of names, no menu (a menu
    is one line, or lines of unequal lengths).

    >>> _rows_of_a_grid(["Đội | HLV | Sân", "Hà Nội | Lê Tuấn | Hàng Đẫy"])
    True
    >>> _rows_of_a_grid(["Thời sự | Thế giới | Kinh doanh", "Giải trí | Thể thao"])
    False
    """
    cells = {row.strip().strip("|").count("|") + 1 for row in rows}
    if len(rows) < 2 or len(cells) != 1:
        return False
    count = cells.pop()
    return count >= 3 or count >= 2 and len(rows) >= 3


def _long_shape(line: str, length: int, short: int, menu: re.Pattern, cfg: _Settings
                ) -> tuple[int, str, bool]:
    """(word count, shape, names a section) of a stripped line longer than ``short``
    (twice ``max_item_chars``) that does not end like a sentence; ``menu`` is
    :func:`_menu_line_pattern`."""
    if length > 3 * short:
        return _LONG_TITLE
    if _is_welcome(line):
        return _SPACED, WELCOME, False
    if _is_template_line(line):
        return _SPACED, HEADING, False
    if _is_keywords(line, cfg):
        return _LONG_KEYWORDS
    if (line[-1] in _ARROWS or _NAVIGATION_GATE(line) is not None) and (
            navigation := _navigation_shape(line)) is not None:
        return _SPACED, navigation, False
    if _is_breadcrumb(line, cfg):
        return _LONG_BREADCRUMB
    if menu.fullmatch(line) or _may_be_mixed_menu(line) and _is_mixed_menu_line(line, cfg):
        return _LONG_MENU_LINE
    return _LONG_TITLE


_LONG_PROSE = (_SPACED, PROSE, False)
_LONG_SCRIPT = (_SPACED, NULL, False)
_LONG_TITLE = (_SPACED, TITLE, False)
_LONG_BREADCRUMB = (_SPACED, BREADCRUMB, False)
_LONG_KEYWORDS = (_SPACED, KEYWORDS, False)
_LONG_MENU_LINE = (_SPACED, MENU_LINE, False)


def _short_shape(line: str, length: int, keys: dict[str, tuple[str | None, bool]],
                 menu: tuple[re.Pattern, frozenset[str], frozenset[str]], cfg: _Settings
                 ) -> tuple[int, str, bool]:
    """(word count, shape, names a section) of a stripped line of at most twice
    ``max_item_chars`` characters; ``keys`` is :func:`_key_info`, ``menu``
    :func:`_menu_line_pattern` and :func:`_menu_ends`."""
    if _is_welcome(line):
        return -1, WELCOME, False
    if "°" in line and _is_weather(line):
        return -1, WEATHER, False
    if _is_template_line(line):
        return -1, HEADING, False
    if line[0] in _SCRIPT_FIRST and _is_script_line(line):
        return -1, NULL, False
    plain = line if " - " not in line else line.replace(" - ", " ")
    letters = plain.replace(" ", "")
    if letters.strip(_DIGITS).isalpha() and "  " not in plain:
        # Plain words (ASCII digits only at the ends, " - " between words): lookup_key
        # is the casefold, the words are the tokens, and nothing but a cue, an item or a
        # headline fits (isalpha implies \p{L}; no date, no breadcrumb separator, no
        # sentence end).
        key = line.casefold()
        count = len(plain) - len(letters) + 1  # the spaces + 1
        cue, section = keys.get(key, _NO_KEY)
        if cue is not None:
            return count, cue, section
        if key.startswith(_bare_keyword_heads()) and _is_keyword_line(line, cfg):
            return count, KEYWORDS, False  # "Được đăng trong Kinh nghiệm": no colon needed
        if (count >= cfg.min_menu_line_sections and not section
                and key.partition(" ")[0] in menu[1] and key.rpartition(" ")[2] in menu[2]
                and menu[0].fullmatch(line)):
            return count, MENU_LINE, False
        if count <= cfg.max_item_words and length <= cfg.max_item_chars:
            if not section:
                section = _section_pair(line)  # "Kinh tế - Tài chính", "Thời sự Chính trị"
            return count, ITEM, section
        if count <= cfg.max_item_words + 2 and ("đăng" in key or "mật" in key) \
                and _LOGIN_WORDS.search(line):
            return count, ITEM, section
        if (length > cfg.max_item_chars or count > cfg.max_item_words) \
                and _is_short_mixed_menu(line, cfg):
            return count, MENU_LINE, False  # too many words for one item, short ones
        return count, TITLE, section
    if line.isdecimal():  # a counter: digits only (no letter, one word)
        cue, section = keys.get(line, _NO_KEY)
        return 1, cue or NUMBER, section
    first = line.rstrip(": \t").split(None, 1)  # the first word of the lookup key
    cue, section = (keys.get(lookup_key(line), _NO_KEY)
                    if first and first[0].casefold() in _first_words() else _NO_KEY)
    if cue is None and (line[0] in _ICONS or line[-1] in _TRAILING_ICONS):
        cue, section = _icon_free_key(line, keys)  # "» Thời sự", "Về đầu trang ↑"
    shape, count = _shape(line, cue, cfg)
    if shape == TITLE and length > cfg.max_item_chars and _is_short_mixed_menu(line, cfg):
        return count, MENU_LINE, False  # "Bóng đá Tin tức 24h Kinh doanh Giải trí ..."
    return count, shape, section


def _is_welcome(line: str) -> bool:
    """A portal's welcome banner filling the stripped ``line`` (``nav_welcome.txt``), behind a
    test of its first letter (every banner opens with ``Chào``, ``Xin chào``, ``Welcome``
    or ``Hello``): ``Chào mừng bạn đến với website Phòng GD&ĐT quận Hồng Bàng``, a
    forum's ``Welcome, Guest. Please login or register.``.

    >>> _is_welcome("Chào mừng quý vị đến với website của trường")
    True
    >>> _is_welcome("Chào mừng đoàn đại biểu đến với Hà Nội")
    False
    """
    return line[0] in "CcXWH" and _line_entries("nav_welcome.txt").fullmatch(line) is not None


def _is_weather(line: str) -> bool:
    """A site header's weather widget filling the stripped ``line`` (``nav_weather.txt``): a
    place, its temperature now and the day's low and high, maybe the icon's alt text; a
    forecast's range or sentence is a story's.

    >>> _is_weather("Cà Mau, 32°C/ 31°C - 34°C Icon thời tiết nắng")
    True
    >>> _is_weather("Hà Nội 28°C Icon thời tiết nhiều mây")
    True
    >>> _is_weather("Sơn La 12°C - 20°C")
    False
    >>> _is_weather("Hà Nội 25°C - 30°C, trời nắng.")
    False
    """
    return _line_entries("nav_weather.txt").fullmatch(line) is not None


@functools.cache
def _line_entries(name: str) -> regex.Pattern:
    """The entries of the data file ``name`` (regular expressions, one a line, each a whole
    line's form) as one case-insensitive alternation, compiled at its first use."""
    return regex.compile("|".join(f"(?:{entry})" for entry in word_list(name)),
                         regex.IGNORECASE)


#: A page's script printed as text: a line that opens like JavaScript (a function, a
#: variable, a call on ``window`` / ``document``, an analytics tag) and holds a statement's
#: semicolon (``function gtag(){dataLayer.push(arguments);} gtag('js', new Date());``).
_SCRIPT_LINE = re.compile(
    r"(?:function[ \t]*[\w$]*[ \t]*\(|var[ \t]+[\w$]+[ \t]*=|(?:window|document)\.\w"
    r"|\(function[ \t]*\(|(?:gtag|googletag|dataLayer|jQuery)\b[.(])[^\n]*;")
_SCRIPT_FIRST = frozenset("fvwd(gj")
#: The artefacts a story may name as words it announces (a CMS's own labels).
_ANNOUNCED_ARTEFACTS = frozenset(word_list("nav_announced_artefacts.txt"))


#: A script's string literals, whose words may be any language's (``alert("Xin chào");``).
_SCRIPT_STRING = re.compile(r"\"[^\"\n]*\"|'[^'\n]*'")
#: What a statement of a script ends with; a sentence ends otherwise (``.``).
_SCRIPT_ENDS = (";", "}", ")")


def _is_script_line(line: str) -> bool:
    """A stripped ``line`` of a page's script (:data:`_SCRIPT_LINE`), behind a test of its
    first letter: it ends as a statement does and holds no word outside ASCII but in its
    strings; a sentence that names a function or a file stays (no semicolon after code, or
    Vietnamese words around it: ``document.pdf là tên ...; nên đổi ...``).

    >>> _is_script_line("function gtag(){dataLayer.push(arguments);} gtag('js', new Date());")
    True
    >>> _is_script_line("function của gan là lọc máu; bác sĩ nói.")
    False
    >>> _is_script_line("var tuoi = 10 là câu lệnh đầu tiên em viết; em vui cả buổi chiều.")
    False
    """
    if line[0] not in _SCRIPT_FIRST or not line.endswith(_SCRIPT_ENDS) \
            or _SCRIPT_LINE.match(line) is None:
        return False
    return line.isascii() or _SCRIPT_STRING.sub("", line).isascii()


def _unshape_announced_nulls(texts: list[str], shapes: list[str]) -> None:
    """A script line or an artefact word (``Uncategorized``) right under a line ending in a
    colon is what the story announces (``Ví dụ:`` / ``var x = 5;``, ``... một chuyên mục mặc
    định tên là:`` / ``Uncategorized``): shaped as prose, it stays."""
    for k in range(1, len(texts)):
        if shapes[k] == NULL and texts[k - 1][-1] == ":" and (
                texts[k] in _ANNOUNCED_ARTEFACTS or _is_script_line(texts[k])):
            shapes[k] = PROSE


def _is_template_line(line: str) -> bool:
    """A line a site's template prints on every page filling the stripped ``line``
    (``nav_template_lines.txt``: ``Chi tiết bài viết - Xã X``, ``Đặt X làm trang chủ``, a
    blog's label-archive banner), behind a test of its first letter.

    >>> _is_template_line("Chi tiết bài viết - Xã Hòa An - Huyện Phú Hòa")
    True
    >>> _is_template_line("Đặt Báo Mai làm trang chủ Đặt Báo Mai làm trang chủ Về đầu trang")
    True
    >>> _is_template_line("Chi tiết tin - ông Nam kể lại, không ai tin.")
    False
    >>> _is_template_line("Hiển thị các bài đăng có nhãn Du lịch. Hiển thị tất cả bài đăng")
    True
    """
    return (line[0] in _TEMPLATE_FIRSTS and line[:8].casefold().startswith(_TEMPLATE_OPENERS)
            and _line_entries("nav_template_lines.txt").fullmatch(line) is not None)


#: How every entry of ``nav_template_lines.txt`` opens (casefolded, at most 8 characters;
#: tests/test_nav.py checks each entry): the gate before it, its first letters in both cases
#: first (a one-character test).
_TEMPLATE_OPENERS = ("chi tiết", "đặt", "hiển thị", "kết quả", "showing", "skip")
_TEMPLATE_FIRSTS = "".join(sorted({c for opener in _TEMPLATE_OPENERS
                                   for c in (opener[0], opener[0].upper())}))


def _is_short_mixed_menu(line: str, cfg: _Settings) -> bool:
    """A headline-long line (longer than one item, at most twice ``max_item_chars``) that
    is a mixed menu (:func:`_is_mixed_menu_line`: items of the site's own among at least
    ``mixed_menu_min_known`` known ones, ``Tin tức 24h`` / ``Vĩ mô``); a headline in
    sentence case runs more lowercase words on than an item's tail (string tests first,
    then as many capitalised words as known items needed, a third of the words at least)."""
    if not _may_be_mixed_menu(line):
        return False
    words = line.split()
    capitals = sum(1 for word in words if word[0].isupper())
    return (capitals >= cfg.mixed_menu_min_known and 3 * capitals >= len(words)
            and _is_mixed_menu_line(line, cfg))


#: Icons, arrows and brackets that menu items and links wear (``» Thời sự``, ``↑ Lên đầu
#: trang``, ``<< Quay lại``, ``[ Quay lại ]``): a line's lookup key is taken without them.
_ICONS = "»›«‹•·★☆►▶▸▪■□◆◇●○+*↑↓←→^▲▼⬆<>[] \t"
_TRAILING_ICONS = "»›↑→▲⬆>]"  # what a link may end with (``Về đầu trang ↑``)


def _icon_free_key(line: str, keys: dict[str, tuple[str | None, bool]]
                   ) -> tuple[str | None, bool]:
    """(cue shape, names a section) of ``line`` read without the icons at its ends."""
    bare = line.strip(_ICONS)
    return keys.get(lookup_key(bare), _NO_KEY) if bare else _NO_KEY


def _section_pair(text: str) -> bool:
    """Two or three section names joined by `` - `` or a space (``Kinh tế - Tài chính``,
    ``KINH TẾ - TÀI CHÍNH``, ``Thời sự Chính trị``: a breadcrumb whose separators the
    scraper dropped): one section with its sub-section, a label too. A line whose first
    word opens no section name is none (a set lookup first). Asked of plain menu items
    only (a label is one)."""
    return (text.partition(" ")[0].casefold() in _menu_ends()[0]
            and _section_pair_pattern().fullmatch(text) is not None)


@functools.cache
def _section_pair_pattern() -> re.Pattern:
    """Two or three section names joined by `` - `` or a space (:func:`_section_pair`),
    the names' trie written once (:func:`_item_run`)."""
    name = _section_names_pattern()
    pattern = re.compile(_item_run(name, name, "(?: - | )", 1, most=2))
    assert pattern.groups == 1
    return pattern


def _word_count(page: _Page, k: int) -> int:
    """The number of words of line ``k`` (counted once, when first asked): ``\\w+`` runs,
    or for a line too long for chrome its spaces + 1."""
    count = page.words[k]
    if count == _SPACED:
        count = page.words[k] = page.texts[k].count(" ") + 1
    elif count < 0:
        count = page.words[k] = len(_WORD.findall(page.texts[k]))
    return count


# --------------------------------------------------------------------------- menu runs


def _codes(page: _Page, cfg: _Settings) -> str:
    """One letter per line for its shape, so runs and cues are found by C string search.
    A headline-shaped line between two lines of a run that is made of menu items
    (:func:`_items_of_a_menu`: ``Mua chung`` / ``Blog Du học Tuyển sinh Tuần báo`` /
    ``Mua bán Giải trí``) is coded as an item: the menu goes on through it; so is every
    headline-shaped line of a bulleted site menu (:func:`_bulleted_menu_codes`)."""
    codes = "".join(map(_CODE.__getitem__, page.shapes))
    for inner in _INNER_HEADLINE.finditer(codes):
        k = inner.start()
        if _items_of_a_menu(page.texts[k]):
            codes = f"{codes[:k]}{_CODE[ITEM]}{codes[k + 1:]}"
    if _CODE[HEADING] in codes and _CODE[TITLE] in codes:
        codes = _bulleted_menu_codes(page, codes, cfg)
    return codes


_HOME_CODE = _CODE[HEADING]  # what a home item (``• Trang chủ``) is shaped as


def _bulleted_menu_codes(page: _Page, codes: str, cfg: _Settings) -> str:
    """``codes`` with every headline-shaped line of a bulleted site menu coded as an item.

    A block of consecutive lines opened by the same bullet (``menu_bullets``) that holds a
    home item (``• Trang chủ``, ``nav_menu_home.txt``) and ``bullet_menu_min_sections`` or
    more section names, and no line ending like a sentence, is the site's menu printed one
    item a line, sub-menus included: its long items (``• Bầu cử Đại biểu Quốc hội khóa XV
    và Đại biểu HĐND các cấp``, an event's name in capitals) are items too, not headlines
    that break the run. A story's bulleted list has no home item among its lines.
    """
    texts, bullets = page.texts, cfg.menu_bullets
    k = codes.find(_HOME_CODE)
    while k >= 0:
        end = k + 1
        bullet = texts[k][0]
        if bullet in bullets and lookup_key(texts[k].lstrip(_ICONS)) in lookup_set(
                "nav_menu_home.txt"):
            start = k
            while start > 0 and texts[start - 1][0] == bullet:
                start -= 1
            while end < len(texts) and texts[end][0] == bullet:
                end += 1
            if (_CODE[TITLE] in codes[start:end]
                    and sum(page.sections[start:end]) >= cfg.bullet_menu_min_sections
                    and _CODE[PROSE] not in codes[start:end]
                    and not any(_sentence_end(texts[m]) for m in range(start, end))):
                block = codes[start:end].replace(_CODE[TITLE], _CODE[ITEM])
                codes = f"{codes[:start]}{block}{codes[end:]}"
        k = codes.find(_HOME_CODE, end)
    return codes


def _run_labels(page: _Page, codes: str, cfg: _Settings) -> list[_Span]:
    """Labels of every maximal run of consecutive lines that are not prose or headlines
    (a run of one line never makes a menu: its cue, if any, is labelled apart)."""
    labels: list[_Span] = []
    for run in _RUN.finditer(codes):
        labels.extend(_menu_run_labels(page, codes, *run.span(), cfg)
                      or _topic_tag_labels(page, *run.span(), cfg))
    return labels


def _topic_tag_labels(page: _Page, i: int, j: int, cfg: _Settings) -> list[_Span]:
    """``nav.topic_tags``: the page's topic links printed bare, with no ``Tags:`` label,
    after the story's sign-off (``Hà Ánh`` / ``Tuyển sinh 2025`` / ``Thi tốt nghiệp
    THPT``). The run ``[i, j)`` ends the text and follows a paragraph; its first line is an
    author line (:func:`~vnclean.bylines.author_names` reads a name in it: strip_bylines'
    line, left to it); the rest, fewer than ``min_run_items``, are items that name no
    person, no attribution or photo line. A story's closing list has no sign-off above it,
    and the sign-off ends it."""
    shapes, texts = page.shapes, page.texts
    if (j != len(page) or i == 0 or shapes[i - 1] != PROSE or not 2 <= j - i <= cfg.min_run_items
            or shapes[i] != ITEM or not author_names(texts[i])):
        return []
    for k in range(i + 1, j):
        if (shapes[k] != ITEM or "(" in texts[k] or _NO_TITLE_LINE.fullmatch(texts[k])
                or author_names(texts[k])):
            return []  # (an attribution, "Theo CNA, Reuters", is strip_bylines' line)
    return [(page.starts[k], page.ends[k], "nav.topic_tags") for k in range(i + 1, j)]


def _title_over_heading(page: _Page, i: int, j: int) -> bool:
    """The run ``[i, j)`` is the text's first line, a short line, then a widget heading right
    above the lead (``Ngày hội đọc sách`` / ``Tin tức mới nhất`` / ``Sáng nay, ...``): the
    story's title over a portal's label, no menu of two."""
    return (i == 0 and j == 2 and j < len(page) and page.shapes[0] == ITEM
            and not page.sections[0]
            and page.shapes[1] == HEADING and page.shapes[2] == PROSE)


def _menu_run_labels(page: _Page, codes: str, i: int, j: int, cfg: _Settings) -> list[_Span]:
    """Labels for the run ``[i, j)`` when its shape and its neighbours say menu."""
    if _opens_a_poem(page, j - 1) or _opens_a_wrapped_sentence(page, j - 1, cfg):
        j -= 1  # (its first line: the menu above ends before it)
        if j - i < 2:
            return []
    j = _before_official_header(page, i, j)
    if j - i < 2:
        return []  # (an official document's header block: the story's text)
    if _title_over_heading(page, i, j):
        return []  # (the heading, a cue, is labelled apart)
    items = codes.count(_CODE[ITEM], i, j)
    cues = len(_CUE.findall(codes, i, j))
    if cues and _printed_contents(page, i, j):
        return []  # (a contents heading is a cue: a run without one holds none)
    if not _menu_shaped(page, codes, i, j, items, cues, cfg):
        return []
    # An attribution ("Theo Trí Thức Trẻ", "Tham khảo: The Verge") is strip_bylines' line
    # (it reads the source from it): neither an item nor labelled here.
    sources = _attribution_lines(page.texts, i, j)
    if sources:
        items -= sum(page.shapes[k] == ITEM for k in sources)
        if not _menu_shaped(page, codes, i, j, items, cues, cfg):
            return []
    if not cues and _belongs_to_story(page, i, j, items + cues, cfg):
        return []
    if i > 0 and page.shapes[i - 1] == PROSE and _looks_like_name(page, i):
        i += 1  # an author sign-off after the last paragraph: strip_bylines' business
    starts, ends, shapes = page.starts, page.ends, page.shapes
    title = _short_title_at_end(page, codes, i, j, cfg)
    return [(starts[k], ends[k], CUE_RULES.get(shapes[k], "nav.menu_run"))
            for k in range(i, j)
            if shapes[k] != DATE and k != title and k not in sources
            and not (k > title >= 0 and _bylines_line(page, k))]


@functools.cache
def _official_header_marks() -> tuple[frozenset[str], tuple[str, ...], str, int]:
    """The lookup keys of ``nav_official_header.txt``; the last word of each, as written, in
    capitals and in lower case (a text holding none of these is passed by, one C-level search
    each); their first letters in both cases and their greatest length (a line is looked up
    only when it opens so and is no longer)."""
    forms = expand_forms(word_list("nav_official_header.txt"))
    tails = {f.split()[-1] for f in forms}
    return (frozenset(map(lookup_key, forms)),
            tuple(sorted({v for t in tails for v in (t, t.upper(), t.lower())})),
            "".join(sorted({c for f in forms for c in (f[0], f[0].upper(), f[0].lower())})),
            max(map(len, forms)) + 8)


@functools.lru_cache(maxsize=8)
def _may_hold_official_header(source: str) -> bool:
    """Whether ``source`` holds the last word of a form of ``nav_official_header.txt``: read
    once a text (a page of many runs asks for each)."""
    return any(tail in source for tail in _official_header_marks()[1])


def _before_official_header(page: _Page, i: int, j: int) -> int:
    """Where the run ``[i, j)`` ends when it reaches the header block of an official document
    the story reproduces: the motto of the national name (``nav_official_header.txt``:
    ``Độc lập - Tự do - Hạnh phúc``) on a line of the run or on one of the two lines under
    it, and the lines in capitals and separators right above the motto (the national name,
    ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``, the issuing body, ``HỘI ĐỒNG BỘ TRƯỞNG`` /
    ``********``). From there on the lines (its number, its kind, ``NGHỊ ĐỊNH``) are the
    document's: the run ends before them. ``j`` when the run reaches no such line."""
    if not _may_hold_official_header(page.source):
        return j
    marks, _, firsts, longest = _official_header_marks()
    texts = page.texts
    for m in range(i, min(j + 2, len(page))):
        if texts[m][0] in firsts and len(texts[m]) <= longest and lookup_key(texts[m]) in marks:
            while m > i and (page.shapes[m - 1] == SEPARATOR or _in_capitals(texts[m - 1])):
                m -= 1
            return min(j, m)
    return j


#: A printed table of contents' entry ends in its page number: ``Mở đầu 1``, ``... công 8``.
_PAGE_NUMBER_END = regex.compile(r"(?:^|[ \t])\d{1,3}[ \t]*$")


def _printed_contents(page: _Page, i: int, j: int) -> bool:
    """The run ``[i, j)`` holds a contents heading (``nav_contents_headings.txt``: ``MỤC
    LỤC``) and two or more of the ``contents_scan_lines`` lines under it end in a page
    number (``Mở đầu 1`` / ``Chương 1: ...`` / ``8``): a printed document's table of
    contents that the story reproduces (a thesis, a report), not a page's menu; a web
    page's contents widget links its entries and prints no page numbers."""
    heads = lookup_set("nav_contents_headings.txt")
    scan = _settings().contents_scan_lines
    for k in range(i, j):
        if page.shapes[k] == HEADING and lookup_key(page.texts[k]) in heads:
            under = page.texts[k + 1:k + 1 + scan]
            return sum(_PAGE_NUMBER_END.search(text) is not None for text in under) >= 2
    return False


def _menu_shaped(page: _Page, codes: str, i: int, j: int, items: int, cues: int,
                 cfg: _Settings) -> bool:
    """Enough items and cues in the run ``[i, j)`` for a menu. A keywords line holds its
    tags (``Từ khóa: metro, Hà Nội``): it heads no list of items, so it makes no short run
    a menu (``Kết luận`` above it is the story's subheading)."""
    counted = items + cues
    heading_cues = cues - codes.count(_CODE[KEYWORDS], i, j)
    return (counted >= cfg.min_run_items
            or (heading_cues > 0 and counted >= cfg.min_run_items_with_cue)
            or (counted >= cfg.min_section_hits
                and sum(page.sections[i:j]) >= cfg.min_section_hits))


def _attribution_lines(texts: list[str], i: int, j: int) -> set[int]:
    """The indexes of ``texts[i:j]`` that are attributions (``_ATTRIBUTION``); one C-level
    test of the run's text spares most runs the loop."""
    block = "\n".join(texts[i:j])
    if "Theo " not in block and "Nguồn" not in block and "khảo" not in block:
        return set()
    return {k for k in range(i, j)
            if texts[k][:1] in "TNt" and _ATTRIBUTION.fullmatch(texts[k])}


def _short_title_at_end(page: _Page, codes: str, i: int, j: int, cfg: _Settings) -> int:
    """The index of a short title that ends the run ``[i, j)``, else -1.

    A headline of a few words is shaped like a menu item. When no headline or paragraph
    stands above the run and the story's first paragraph follows it (dates between them
    aside), the run's last line is the title if it is an item of ``title_min_words`` or
    more that names no section (``Bóng đá`` / ``Tennis`` / ``Alcaraz thua sốc ở Indian
    Wells`` / ``12/03/2024 - 08:20`` / lead). When that last line is an author's (``Đăng
    bởi: Admin``), the title is the item above it, if there is one.
    """
    if (j < len(page) and not _opens_story(page, j, cfg)
            or _A_BREAKER.search(codes, 0, i) is not None):
        return -1
    last = _above_dates(page, i, _above_date_tail(page, i, j - 1))
    if last > i and page.shapes[last] == ITEM and author_names(page.texts[last]):
        above = _above_dates(page, i, last - 1)
        if _title_item(page, i, above, cfg):
            return above
    return last if _title_item(page, i, last, cfg) else -1


def _above_date_tail(page: _Page, i: int, k: int) -> int:
    """Line ``k``, or the date line above it when ``k`` ends the tail that an HTML-to-text
    pass split off the title's date row: a separator and the section's name, one a line
    (``Thứ Năm, 16/07/2026 17:17`` / ``|`` / ``Thế giới``)."""
    m = k
    while m > max(i, k - 2) and (page.shapes[m] == SEPARATOR
                                 or page.shapes[m] == ITEM and page.sections[m]):
        m -= 1
    return m if m < k and (page.shapes[m] == DATE or _is_time_line(page, m)) else k


def _above_dates(page: _Page, i: int, k: int) -> int:
    """Line ``k``, or the nearest line above it (down to ``i - 1``) that is no date line."""
    while k >= i and (page.shapes[k] == DATE or _is_time_line(page, k)):
        k -= 1
    return k


def _title_item(page: _Page, i: int, k: int, cfg: _Settings) -> bool:
    """Line ``k`` of the run from ``i`` may be its short title: an item of
    ``title_min_words`` or more naming no section, and no item of a bulleted list (opened
    by the bullet, ``menu_bullets``, that opens the line above it: ``• Trang chủ`` / ... /
    ``• Phòng chống thiên tai``)."""
    text = page.texts[k] if k >= i else ""
    return (k >= i and page.shapes[k] == ITEM and not page.sections[k]
            and _word_count(page, k) >= cfg.title_min_words
            and not (k > 0 and text[0] in cfg.menu_bullets and page.texts[k - 1][0] == text[0]))


def _bylines_line(page: _Page, k: int) -> bool:
    """A line under the title that strip_bylines reads (the date, the author): left to it."""
    return _is_time_line(page, k) or (
        page.shapes[k] == ITEM and bool(author_names(page.texts[k])))


def _zone_words(text: str) -> int:
    """How many words the time zone closing ``text`` holds (``(GMT+7)``: 2), 0 with none:
    VnExpress's ``Thứ ba, 14/7/2026, 19:21 (GMT+7)`` is a dateline of 7 words and a zone."""
    m = _ZONE_TAIL.search(text)
    return 0 if m is None else len(_WORD.findall(m.group()))


_ZONE_TAIL = regex.compile(rf"(?:{ZONE_PATTERN})[ \t]*$")  # (the zone shape of dates.py)


def _is_time_line(page: _Page, k: int) -> bool:
    """A line of digits with a date's or clock's marks and no letter (``22/11/2024 08:10``)."""
    return page.shapes[k] == NUMBER and _TIME_MARK.search(page.texts[k]) is not None


_TIME_MARK = re.compile(r"\d[/:.-]\d")


def _opens_story(page: _Page, k: int, cfg: _Settings) -> bool:
    """Line ``k`` is a story paragraph, or a shorter prose line that ends as a statement
    (``Lý Sơn những ngày cuối năm tấp nập tàu thuyền.``: a short article's lead)."""
    return _is_paragraph(page, k, cfg) or (
        page.shapes[k] == PROSE and _sentence_end(page.texts[k]) in ".…")


def _looks_like_name(page: _Page, k: int) -> bool:
    """Two to four capitalised words that are not a section name: ``Hạ Huyền``."""
    return (page.shapes[k] == ITEM and not page.sections[k] and 2 <= page.words[k] <= 4
            and all(word[0].isupper() for word in page.texts[k].split()))


def _belongs_to_story(page: _Page, i: int, j: int, counted: int, cfg: _Settings) -> bool:
    """A short run between story paragraphs, or after a line ending in ``:``, is a list of
    the story (names, steps, results), not a menu; so is a run of any length under a
    paragraph whose lines read as a list (:func:`_reads_as_list`), and a short list of
    label-value lines between a headline-shaped line and a paragraph (a spec sheet)."""
    if i > 0 and page.texts[i - 1].endswith(":"):
        return True
    if _poem_covers(page, i, j):
        return True  # a poem (maybe under its title) opening the text or a story's epigraph
    if _heading_in_capitals(page, i, j, cfg):
        return True
    if _split_sentence(page.texts, i, j, cfg):
        return True
    if i > 0 and page.shapes[i - 1] == PROSE and _reads_as_list(page.texts[i:j]):
        return True  # wherever it ends: the story's last lines, or above a subheading
    if (j == len(page) and i > 0 and j - i <= cfg.embedded_run_max_items
            and page.shapes[i - 1] in (PROSE, TITLE) and not any(page.sections[i:j])
            and _label_values(page.texts, i, j)):
        return True  # the story's closing fact box: "Giới: Thực vật" / "Họ: Đào lộn hột"
    if j == len(page) and i > 0 and page.shapes[i - 1] == PROSE:
        end = _before_sign_off(page, i, j)
        if end - i <= cfg.embedded_run_max_items and _unknown_items(page, i, end):
            return True  # the story's closing list: places, products, lines of a poem
    if not (counted <= cfg.embedded_run_max_items and i > 0 and j < len(page)
            and page.shapes[j] == PROSE):
        return False
    if counted >= cfg.min_run_items and all(page.sections[i:j]):
        return False  # every line a section's name: the site's menu, wherever it stands
    if page.shapes[i - 1] == PROSE or i > 1 and page.shapes[i - 2] == PROSE \
            and page.shapes[i - 1] == TITLE and not page.sections[i - 1]:
        return True  # (a subheading between paragraphs may head the list: "... gồm")
    # Under a headline-shaped line: a list of facts, most lines a label and its value
    # ("Chip: Snapdragon 8 Gen 3" / "RAM: 12GB"), is the story's (a spec sheet).
    return page.shapes[i - 1] == TITLE and _label_values(page.texts, i, j)


def _heading_in_capitals(page: _Page, i: int, j: int, cfg: _Settings) -> bool:
    """The run ``[i, j)`` is the heading block of a notice or a bulletin printed in capitals
    right above its text (``BẢN TIN HÀNG TUẦN SỐ 573`` / ``CHÚA NHẬT XXXI THƯỜNG NIÊN A`` /
    ``(Mt 5,1-12a)``; an issuing body's lines over a separator, ``HỘI ĐỒNG ĐIỀU HÀNH`` /
    ``BAN HƯỚNG DẪN TRUNG ƯƠNG`` / ``———//———``): each line is in capitals, a reference in
    brackets or a separator, two or more of them have
    ``caps_heading_min_words`` words, none names a section, and a paragraph or a headline in
    capitals follows; the post's date may stand above. A site's banner in capitals opens the
    page; its menu names sections."""
    while i < j and page.shapes[i] == DATE:
        i += 1  # (the post's date over its heading: strip_bylines' line)
    if i == 0 or j >= len(page) or j - i > cfg.embedded_run_max_items or any(page.sections[i:j]):
        return False
    below = j
    while below + 1 < len(page) and _in_brackets(page.texts[below]):
        below += 1  # (a place or a reference in brackets under the heading, ``(tại ...)``)
    if page.shapes[below] != PROSE and not (page.shapes[below] == TITLE
                                            and _in_capitals(page.texts[below])):
        return False
    long_lines = 0
    for k in range(i, j):
        if page.shapes[k] == SEPARATOR or _in_brackets(page.texts[k]):
            continue
        text = page.texts[k]
        if page.shapes[k] not in (ITEM, TITLE) or not _in_capitals(text):
            return False
        long_lines += _word_count(page, k) >= cfg.caps_heading_min_words
    return long_lines >= 2


def _in_brackets(text: str) -> bool:
    """``text`` is one bracketed phrase: ``(Mt 5,1-12a)``, ``(tại hội quán)``."""
    return text[0] == "(" and text[-1] == ")"


def _in_capitals(text: str) -> bool:
    """``text`` has letters, none of them small: a line printed in capitals."""
    return text.upper() == text and text.lower() != text


def _label_values(texts: list[str], i: int, j: int) -> bool:
    """Most lines of ``texts[i:j]`` are a label and its value (``Chip: Snapdragon 8 Gen 3``,
    ``Họ: Đào lộn hột``): a list of facts, which no menu is made of."""
    return 2 * sum(": " in texts[k] for k in range(i, j)) > j - i


def _split_sentence(texts: list[str], i: int, j: int, cfg: _Settings) -> bool:
    """The run ``texts[i:j]`` is a sentence split at its links and wraps (an HTML-to-text
    pass puts each link on its own line: ``theo ghi nhận của`` / ``Dân trí`` / ``tại thị`` /
    ``trường Hà Nội, số lượng`` / ``chung cư mới, ...``): a line of the run opens in lower
    case, and the line below goes on with the sentence: it opens with a mark that continues
    one (``sentence_continuation_marks``: ``Đây là chức vô địch`` / ``World Cup`` / ``thứ hai
    trong lịch sử của`` / ``bóng đá Tây Ban Nha`` / ``, sau lần đăng quang ...``), or in
    lower case under a run whose line above ends in a letter or a comma. No menu item is
    followed by a line that opens with a comma."""
    if j >= len(texts) or not any(texts[k][0].islower() for k in range(i, j)):
        return False
    below = texts[j][0]
    if below in cfg.sentence_continuation_marks:
        return True
    if i == 0 or not below.islower():
        return False
    last = texts[i - 1][-1]
    return last.isalpha() or last == ","


def _before_sign_off(page: _Page, i: int, j: int) -> int:
    """Where the run ``[i, j)`` ending the text ends before its sign-off: an agency or
    source in brackets as its last line (``(TTXVN)``), and a name line above it (``Hà
    Anh``), are strip_bylines' lines, not the story's closing list's (``Tổng Giám đốc`` /
    ``Nguyễn Thanh Tùng`` / ``Hà Anh`` / ``(TTXVN)``: the notice's signature stays)."""
    texts = page.texts
    end = j
    if end - i > 1 and texts[end - 1][:1] == "(" and texts[end - 1][-1:] == ")":
        end -= 1
        if end - i > 1 and _looks_like_name(page, end - 1):
            end -= 1
    return end


def _unknown_items(page: _Page, i: int, j: int) -> bool:
    """Lines ``[i, j)`` are plain items, none a cue or a section's name, most of two words
    or more (``Đồi chè Cầu Đất`` / ``Hồ Tuyền Lâm`` / ``Thung lũng Tình yêu``): what no
    menu is made of (its items name sections, or the site's own pages:
    ``nav_site_links.txt``). Each item stands once in the text: a name or label repeated
    on the page is chrome's (a pen name, a widget's)."""
    links = lookup_set("nav_site_links.txt")
    texts = page.texts
    if any(page.shapes[k] != ITEM or page.sections[k] or lookup_key(texts[k]) in links
           or "(" in texts[k] or _NO_TITLE_LINE.fullmatch(texts[k]) for k in range(i, j)):
        return False  # (a photo mark or an attribution: other cleaners' lines)
    if 3 * sum(_word_count(page, k) >= 2 for k in range(i, j)) < 2 * (j - i):
        return False
    items = set(texts[i:j])
    return len(items) == j - i and not any(texts[k] in items for k in range(i))


def _reads_as_list(texts: list[str]) -> bool:
    """Lines no menu is made of: most of them numbered in order (``1. ĐH Duy Tân`` /
    ``2. ĐH Quốc gia Hà Nội``), opening with a quantity (``500g thịt ba chỉ`` / ``6 quả
    trứng vịt``), people's names (``Đặng Văn Lâm`` / ``Nguyễn Quang Hải``) or verse.

    >>> _reads_as_list(["1. ĐH Duy Tân", "2. ĐH Quốc gia Hà Nội", "3. ĐH Huế"])
    True
    >>> _reads_as_list(["Thời sự", "Thế giới", "Kinh doanh", "Giải trí"])
    False
    """
    most = 2 * len(texts) / 3
    numbers = [int(m.group(1)) for m in map(_LIST_NUMBER.match, texts) if m is not None]
    in_order = sum(1 for a, b in zip(numbers, numbers[1:]) if b == a + 1)
    return (in_order + 1 >= most and len(numbers) >= 2
            or sum(t[:1].isdigit() for t in texts) >= most
            or sum(map(_is_person_name, texts)) >= most
            or sum(map(_is_verse, texts)) >= most)


_LIST_NUMBER = re.compile(r"(\d{1,2})[.)/:]?\s")


@functools.cache
def _family_names() -> frozenset[str]:
    """The family names of ``bylines_name_syllables.txt`` (its first part)."""
    families = data_text("bylines_name_syllables.txt").partition("# Middle and given names")[0]
    return frozenset(line.strip() for line in families.splitlines()
                     if line.strip() and not line.startswith("#"))


def _is_verse(line: str) -> bool:
    """A line of verse: five words or more, all but the first in lower case (``Quê hương
    là chùm khế ngọt``); a menu's items are shorter, or capitalised."""
    words = line.split()
    return len(words) >= 5 and not any(word[0].isupper() for word in words[1:])


def _is_named_verse(line: str) -> bool:
    """A line of verse that may name a place or a person: five words or more, most of those
    after the first in lower case (``Xứ Nghệ mưa ngút trời``); a menu's line of items is
    capitalised word after word."""
    words = line.split()
    return len(words) >= 5 and 2 * sum(word[0].isupper() for word in words[1:]) < len(words) - 1


def _poem_covers(page: _Page, i: int, j: int) -> bool:
    """The run ``[i, j)`` is a poem's lines, maybe under its title (a line that is no verse
    first): the lines from there on, read past ``j`` while each is verse (:func:`_is_verse`),
    keep a poem's meter (:func:`vnclean.related.verse_lines`: one length, or six and
    eight words) and reach ``j`` (``Quê hương`` / ``Quê hương là chùm khế ngọt`` / ``Cho con
    trèo hái mỗi ngày`` / ...). A menu's items are short or capitalised, and a list of
    headlines varies in length. A long poem is read to the run's end, and when its lines
    keep one meter throughout, a line of it may name a place (:func:`_is_named_verse`)."""
    first = i if _is_verse(page.texts[i]) else i + 1
    scan = max(VERSE_SCAN_LINES, j - first)
    return any(read > 0 and first + read >= j
               for read in (_verse_read(page, first, scan, False),
                            _verse_read(page, first, scan, True)))


def _verse_read(page: _Page, first: int, scan: int, named: bool) -> int:
    """How many lines from ``first`` (at most ``scan``) are a poem's, each verse
    (:func:`_is_verse`; :func:`_is_named_verse` when ``named``)."""
    is_verse = _is_named_verse if named else _is_verse
    lines = []
    for text in islice(page.texts, first, first + scan):
        if not is_verse(text.rstrip(".,;!?…")):
            break
        lines.append(text)
    return verse_lines(lines)


def _opens_a_wrapped_sentence(page: _Page, k: int, cfg: _Settings) -> bool:
    """Line ``k`` is the head of a sentence a page wrapped at a fixed width: the next line,
    right under it, is as long as a wrapped paragraph's (``wrapped_line_min_chars``) and
    goes on in lower case for three words or more (``RFI`` / ``đưa tin: Ba chiến hạm Úc bị
    Trung Quốc quấy rối ...``), as no menu's last item is followed. Not a drop cap's letter,
    nor a section's name (a menu's last item over a page cut mid-sentence, ``Du lịch`` /
    ``đồng/m2, tăng 5% ...``); a headline broken at its links (``Báo`` / ``Tuổi Trẻ`` /
    ``nhận giải ...``) is short."""
    if (not page.right_under(k) or len(page.texts[k]) < 2
            or page.sections[k] or len(page.texts[k + 1]) < cfg.wrapped_line_min_chars):
        return False
    return _WRAPPED_ON.match(page.texts[k + 1]) is not None


#: A wrapped sentence's next line: lower case first, three words or more.
_WRAPPED_ON = regex.compile(r"\p{Ll}\w*+(?:\W++\w++){2}", regex.V1)


def _opens_a_poem(page: _Page, k: int) -> bool:
    """Line ``k`` is a line of verse (:func:`_is_verse`) that the next line continues, right
    under it with no blank line between, as verse too (``Mênh mông biển vọng mây trôi`` /
    ``Dạt dào sóng vỗ em ngồi hóa thân``, a lục bát's six and eight words): a stanza's
    first line, which no menu ends with."""
    return (page.right_under(k) and _is_verse(page.texts[k])
            and _is_verse(page.texts[k + 1].rstrip(".,;!?…")))


def _is_person_name(line: str) -> bool:
    """Two to four capitalised words, the first a family name: ``Đặng Văn Lâm``."""
    words = line.split()
    return (2 <= len(words) <= 4 and words[0] in _family_names()
            and all(word[0].isupper() for word in words))


# --------------------------------------------------------------------------- title, lead


def _same_title(template: str, head: int, page: _Page, k: int, cfg: _Settings) -> bool:
    """Is line ``k`` the title that the template line ``head`` carries (``template`` is
    that line casefolded)?

    True when the template equals it, starts or ends with it joined by punctuation
    ("Title - Section - Site"), or the two share most of the distinct words of each (a
    title the page retyped in capitals, edited or cut short; a subheading that repeats
    part of the title shares too few of the title's words).
    """
    b = _folded(page, k)
    if template == b:
        return True
    cand_words = _distinct_words(page, k)
    if len(cand_words) < cfg.title_min_words:
        return False
    template_words = _distinct_words(page, head)
    if len(cand_words) < cfg.title_share_of_first_line * len(template_words):
        return False
    if template.startswith(b) and _joined(template[len(b):].lstrip(), 0):
        return True
    if template.endswith(b) and _joined(template[:len(template) - len(b)].rstrip(), -1):
        return True
    if len(cand_words) < cfg.title_fuzzy_min_words:
        return False
    shared = len(cand_words & template_words)
    if (shared >= cfg.title_containment * len(cand_words)
            and shared >= cfg.title_containment * len(template_words)):
        return True
    return _reworded_title(page, head, cand_words, cfg)


#: A site's name closing a page's ``<title>`` line: a dash or a bar, then a few words of
#: which the first is capitalised and none is a number (``... - VnEconomy``, ``... | Báo X``).
_SITE_SUFFIX = regex.compile(r"[ \t]+[-–—|][ \t]+(\p{Lu}[^\s\d]*+(?:[ \t]+[^\s\d]++)*+)\Z",
                            regex.V1)


def _reworded_title(page: _Page, head: int, cand_words: set[str], cfg: _Settings) -> bool:
    """Line ``head`` is the page's ``<title>`` (it ends with the site's name after a dash
    or a bar) worded apart from the headline that candidate ``cand_words`` come from: the
    ``<title>``'s own words, the site's name left out, are nearly all the headline's
    (``title_containment``), and they make up most of the headline
    (``title_suffixed_candidate_share``), which may add a few words of its own
    (``Hà Nội phê duyệt dự án X - Site`` over
    ``Hà Nội điều chỉnh chủ trương đầu tư dự án X``)."""
    suffixed = _suffixed_title_words(page.texts[head], cfg.title_suffix_max_words,
                                     cfg.title_fuzzy_min_words)
    if suffixed is None:
        return False
    core, site = suffixed
    if site & cand_words:
        return False  # (the headline names the site: no suffix the template added)
    shared = len(cand_words & core)
    return (shared >= cfg.title_containment * len(core)
            and shared >= cfg.title_suffixed_candidate_share * len(cand_words))


@functools.lru_cache(maxsize=64)
def _suffixed_title_words(text: str, suffix_max_words: int, fuzzy_min_words: int
                          ) -> tuple[frozenset[str], frozenset[str]] | None:
    """The casefolded words of a ``<title>`` line ``text`` before the site's name closing it
    (:data:`_SITE_SUFFIX`, at most ``suffix_max_words`` words), at least ``fuzzy_min_words``
    of them, and the words of that name; ``None`` for a line with no such name or too few
    words before it. Remembered: a title scan compares the same ``<title>`` line with each
    candidate under it (about nine calls a line)."""
    m = _SITE_SUFFIX.search(text)
    if m is None or len(m.group(1).split()) > suffix_max_words:
        return None
    core = frozenset(_WORD.findall(text[:m.start()].casefold()))
    if len(core) < fuzzy_min_words:
        return None
    return core, frozenset(_WORD.findall(m.group(1).casefold()))


def _folded(page: _Page, k: int) -> str:
    """Line ``k`` casefolded, kept on the page: the title scan runs again after it finds
    copies, over the same lines."""
    folded = page.folded.get(k)
    if folded is None:
        folded = page.folded[k] = page.texts[k].casefold()
    return folded


def _distinct_words(page: _Page, k: int) -> set[str]:
    """The distinct words of line ``k`` casefolded, kept on the page, and taken only when
    a comparison gets that far (most title scans meet the lead first)."""
    words = page.distinct.get(k)
    if words is None:
        words = page.distinct[k] = set(_WORD.findall(_folded(page, k)))
    return words


def _joined(rest: str, side: int) -> bool:
    """Is ``rest``, the part of a template line beside the title, joined to it the way a
    page template joins a section or site name (``Title - Section``, ``Site | Title``),
    not run on as words or sentences of prose (a letter, digit or sentence mark)?"""
    return not rest or not (rest[side].isalnum() or rest[side] in _NOT_JOINERS)


def _title_shaped(page: _Page, k: int, cfg: _Settings) -> bool:
    """A line that could be a headline: a few words, not ending like a statement (a
    question of one sentence may: ``Vì sao giá vàng tăng mạnh trong tuần qua?``)."""
    return ((page.shapes[k] in _HEADLINE_SHAPES or _question_headline(page, k))
            and cfg.title_min_words <= _word_count(page, k) <= cfg.title_max_words)


def _question_headline(page: _Page, k: int) -> bool:
    """Line ``k`` is one question and nothing more: a headline may ask (its words are
    checked by the caller), a paragraph holds more than one sentence or ends otherwise.

    >>> page = _page_of("Vì sao giá vàng trong nước tăng mạnh suốt cả tuần qua?", _settings())
    >>> _question_headline(page, 0)
    True
    >>> page = _page_of("Giá vàng tăng mạnh. Vì sao người mua vẫn xếp hàng dài?", _settings())
    >>> _question_headline(page, 0)
    False
    """
    text = page.texts[k]
    return (page.shapes[k] == PROSE and text[-1] == "?"
            and _INNER_SENTENCE_END.search(text, 0, len(text) - 1) is None)


#: A sentence's end inside a line (a mark, then a space): a paragraph's second sentence.
_INNER_SENTENCE_END = re.compile(r"[.!?…][\"”)]?[ \t]")


def _may_head(page: _Page, k: int, cfg: _Settings) -> bool:
    """May line ``k`` be the title candidate (see :func:`_find_title`)? Not when it is a
    dateline, a section's name alone, an item too short for a title, or a short attribution
    or photo line."""
    return (page.shapes[k] not in _DATELINE_SHAPES and not _is_section_label(page, k, cfg)
            and not _too_short_for_a_title(page, k, cfg)
            and not _is_breadcrumb_line(page, k, cfg)
            and not _NO_TITLE_LINE.fullmatch(page.texts[k]))


def _too_short_for_a_title(page: _Page, k: int, cfg: _Settings) -> bool:
    """An item of a word or so (a site's name, ``24h`` above the section and title): never
    the title, so the title scan looks past it whether or not another cleaner takes it out
    first."""
    return page.shapes[k] == ITEM and _word_count(page, k) <= cfg.site_name_max_words


def _is_subsection(page: _Page, k: int, chrome: set[int], cfg: _Settings) -> bool:
    """Line ``k`` is a breadcrumb's lower level above the title: a short item right under a
    section label (chrome lines between not counted) with a longer headline right under it
    (``Bóng đá`` / ``Cúp Liên đoàn Anh`` / ``MU thắng Arsenal 2-1: Rashford lập công``)."""
    if (k + 1 >= len(page) or page.shapes[k] != ITEM or page.shapes[k + 1] != TITLE
            or _word_count(page, k) > cfg.section_label_max_words):
        return False
    above = k - 1
    while above >= 0 and page.starts[above] in chrome:
        above -= 1
    return above >= 0 and _is_section_label(page, above, cfg)


def _is_paragraph(page: _Page, k: int, cfg: _Settings) -> bool:
    """A story paragraph: a long line ending like a statement (not a headline's ``?``)."""
    if page.shapes[k] != PROSE:
        return False
    words = _word_count(page, k)
    return words >= cfg.lead_min_words and (
        _sentence_end(page.texts[k]) in ".…;" or words >= 2 * cfg.lead_min_words)


def _keywords_in_story(page: _Page, k: int, cfg: _Settings) -> bool:
    """The keywords line at ``k`` is a research paper's key words under its abstract: a
    story paragraph above it, and an abstract heading (``nav_abstract_headings.txt``:
    ``Tóm tắt``, ``Summary``) above that paragraph, opening it before a colon (``Tóm tắt:
    Bài viết ...``, ``Abstract: The paper ...``) or right below the line. The page's topic
    links between two paragraphs, with no such heading, still go."""
    if k == 0 or not _is_paragraph(page, k - 1, cfg):
        return False
    heads = lookup_set("nav_abstract_headings.txt")
    head, colon, _ = page.texts[k - 1].partition(":")
    return (k >= 2 and lookup_key(page.texts[k - 2]) in heads
            or bool(colon) and lookup_key(head) in heads
            or k + 1 < len(page) and lookup_key(page.texts[k + 1]) in heads)


def _find_title(page: _Page, chrome: set[int], cfg: _Settings) -> tuple[list[int], int | None]:
    """(indexes of the template copies of the title, index of the title the story keeps).

    The title candidate is the first line not already labelled as chrome (starts in
    ``chrome``) nor a section's name alone (``Thế giới`` above the title) nor a short
    attribution or photo line (``Theo VnExpress``, ``Ảnh minh họa``: strip_bylines' and
    remove_photo_captions' lines, gone once they have run) nor a dateline (strip_bylines',
    with or without a letter) nor an item of a word (a site's name) nor a publication's
    name in capitals above a headline (:func:`_is_masthead`); when the first such
    line is the site's menu line (:func:`_is_site_menu_line`), the next one is (and when
    that one is a menu line too, the one after it).
    It is a template copy when a later line before the first paragraph repeats it (``Title -
    Section - Site`` at the top, ``Title`` again above the lead); when the title comes
    several times before the lead, the last of them is the one kept.
    """
    starts, shapes = page.starts, page.shapes
    head = next((k for k in range(len(starts))
                 if starts[k] not in chrome and _may_head(page, k, cfg)), None)
    if head is not None and _is_masthead(page.texts[head]):
        # (the publication's name in capitals above a headline: passed over)
        after = next((k for k in range(head + 1, len(starts))
                      if starts[k] not in chrome and _may_head(page, k, cfg)), None)
        if after is not None and _title_shaped(page, after, cfg):
            head = after
    for _ in range(2):  # (the site's name read as a menu, then its menu: both passed over)
        if head is None or not _is_site_menu_line(page, head, chrome, cfg):
            break
        head = next((k for k in range(head + 1, len(starts))
                     if starts[k] not in chrome and _may_head(page, k, cfg)), None)
    if head is not None and _is_subsection(page, head, chrome, cfg):
        head += 1
    if head is None or not _title_shaped(page, head, cfg):
        return [], None
    texts, words = page.texts, page.words
    template = None  # the head casefolded, once a line needs comparing with it
    short = 2 * cfg.max_item_chars
    copies = []
    least, most, fuzzy = cfg.title_min_words, cfg.title_max_words, cfg.title_fuzzy_min_words
    for k in range(head + 1, min(len(page), head + cfg.title_scan_lines)):
        shape = shapes[k]
        if shape == PROSE and not _question_headline(page, k):
            if _is_paragraph(page, k, cfg):
                break
            continue
        if shape not in _HEADLINE_SHAPES and shape != PROSE:
            continue
        count = words[k] if words[k] >= 0 else _word_count(page, k)
        if not least <= count <= most:
            continue
        text = texts[k]
        if template is None:
            template = _folded(page, head)
        # Too few words for the fuzzy match (a short line's count is exact, and casefolding
        # keeps word boundaries), and not inside the template: no copy. Saves a casefold.
        if (len(text) <= short and words[k] < fuzzy
                and not (len(text) <= len(template) and text[:8].casefold() in template)):
            continue
        if _same_title(template, head, page, k, cfg) and not _refrain(page, head, k, cfg):
            copies.append(k)
    if not copies:
        return [], head
    return [head] + copies[:-1], copies[-1]


def _opens_a_verse_stanza(page: _Page, k: int, cfg: _Settings) -> bool:
    """Line ``k`` is verse (:func:`_is_verse`) and so is the next line, another one of at
    most ``verse_max_words`` words (not a paragraph that happens to be in lower case, nor
    the same line again), blank lines between them or not: a stanza's first line."""
    if k + 1 >= len(page) or not _is_verse(page.texts[k]):
        return False
    after = page.texts[k + 1]
    return (_is_verse(after.rstrip(".,;!?…")) and _word_count(page, k + 1) <= cfg.verse_max_words
            and after.casefold() != page.texts[k].casefold())


def _refrain(page: _Page, head: int, k: int, cfg: _Settings) -> bool:
    """Line ``k`` repeats the first line ``head`` as a song's or poem's refrain: both open
    a stanza of verse (``Con đường nhỏ dẫn về làng quê`` / ``Nơi mẹ ngồi chờ con mỗi
    chiều``, then the chorus again over another verse line). A template's copy of the
    title stands over a lead or a date, not over a line of verse under the title too."""
    return (_opens_a_verse_stanza(page, head, cfg)
            and _opens_a_verse_stanza(page, k, cfg))


def _find_lead(page: _Page, title: int, chrome: set[int], cfg: _Settings) -> int | None:
    """Index of the lead: the first paragraph within a few lines after the title.

    Lines already labelled as chrome (starts in ``chrome``) do not count towards the few:
    once they are gone the lead is as near, so cleaning again finds the same lead.
    """
    left = cfg.head_scan_lines
    starts = page.starts
    for k in range(title + 1, len(page)):
        if starts[k] in chrome:
            continue
        if _is_paragraph(page, k, cfg):
            return k
        left -= 1
        if not left:
            break
    return None


def _sentence_runs_on(page: _Page, k: int) -> bool:
    """The next line goes on with line ``k``'s sentence in lower case (``Made in Vietnam
    Expo 2025`` / ``là tên gọi chính thức ...``): the story names the title's words as
    the subject of its sentence, no template's copy."""
    return k + 1 < len(page) and page.texts[k + 1][:1].islower()


# The marks of a markdown (ATX) heading opening a line: "# ", "### ".
_HEADING_MARKS = re.compile(r"^#{1,6}[ \t]+")


def _repeat_labels(page: _Page, title: int, lead: int | None, chrome: set[int],
                   cfg: _Settings) -> list[_Span]:
    """Later copies of the kept title and lead (a widget or aggregator repeating them);
    ``chrome`` holds the starts of the lines already labelled (read as gone)."""
    labels = []
    texts = page.texts
    # (a markdown heading's marks are no words of the title: "# X" is repeated as "X")
    title_key = (_HEADING_MARKS.sub("", texts[title]).casefold()
                 if _word_count(page, title) >= cfg.repeat_min_words else None)
    title_length = len(title_key) if title_key is not None else -1
    lead_key = texts[lead].casefold() if lead is not None else None
    lead_stem = lead_key.rstrip(".… ") if lead_key is not None else ""
    after = (lead if lead is not None else title) + 1
    lead_length = len(lead_key) if lead_key is not None else -1
    # What _repeats_lead needs first: the lead's last letter (a suffix of the lead ends
    # like it) and, when it compares any prefix, its first (a teaser starts like it).
    lead_last = lead_key[-1:] if lead_key else ""
    lead_first = lead_key[0] if min(lead_length // 3, len(lead_stem)) >= 1 else None
    words = page.words
    for k in range(after, len(page)):
        text = texts[k]
        if len(text) == title_length and text.casefold() == title_key:
            if not (_opens_a_stanza(page, k, title_key, chrome)
                    or _sentence_runs_on(page, k) or _refrain(page, title, k, cfg)):
                labels.append((page.starts[k], page.ends[k], "nav.repeated_title"))
            continue
        if lead_key is None or 0 <= words[k] < cfg.lead_min_words:
            continue
        # Casefolding maps the first and last letters to the key's first and last.
        if not ((len(text) <= lead_length and text[-1].casefold()[-1] == lead_last)
                or (text[-1] in ".…"
                    and (lead_first is None or text[0].casefold()[0] == lead_first))):
            continue
        if _repeats_lead(lead_key, lead_stem, text) \
                and _word_count(page, k) >= cfg.lead_min_words:
            labels.append((page.starts[k], page.ends[k], "nav.repeated_lead"))
    return labels


def _first_kept(page: _Page, chrome: set[int]) -> int | None:
    """Index of the page's first line whose start is not in ``chrome`` (``None``: none)."""
    return next((k for k, start in enumerate(page.starts) if start not in chrome), None)


def _masthead_label(page: _Page, title: int, chrome: set[int]) -> list[_Span]:
    """``nav.site_name``: the publication's name in capitals on the page's first line, above
    the title (``CỔNG THÔNG TIN ĐIỆN TỬ TỈNH HÀ GIANG`` / menu / title / lead): a masthead's
    name (:func:`~vnclean.promos.is_publication_name`), which :func:`_find_title` passes
    over when a headline follows it. A headline in capitals that opens with such words
    (``BÁO TUỔI TRẺ TRÒN 50 TUỔI`` above its lead) is the title itself and stays."""
    first = _first_kept(page, chrome)
    if first is None or first >= title or not _is_masthead(page.texts[first]):
        return []
    return [(page.starts[first], page.ends[first], "nav.site_name")]


def _is_masthead(text: str) -> bool:
    """A publication's name in capitals (:func:`~vnclean.promos.is_publication_name`)."""
    return text.isupper() and is_publication_name(text)


def _untitled_lead_copies(page: _Page, chrome: set[int], cfg: _Settings) -> list[_Span]:
    """On a page with no title, whose first line (not in ``chrome``, past datelines, which
    strip_bylines takes) is a paragraph: later lines that repeat it whole, perhaps without
    its agency prefix (an aggregator's card description printed again after the related
    list)."""
    starts, shapes = page.starts, page.shapes
    head = next((k for k in range(len(page))
                 if starts[k] not in chrome and shapes[k] not in _DATELINE_SHAPES), None)
    if head is None or not _is_paragraph(page, head, cfg):
        return []
    lead = page.texts[head]
    copies = [k for k in range(head + 1, len(page))
              if _copies_lead(lead, page.texts[k]) and _word_count(page, k) >= cfg.lead_min_words]
    if not copies:
        return []
    story = _new_paragraphs(page, head, lead, chrome, cfg)
    return [(starts[k], page.ends[k], "nav.repeated_lead") for k in copies
            if not (story and story[0] < k < story[-1])]


def _new_paragraphs(page: _Page, head: int, lead: str, chrome: set[int],
                    cfg: _Settings) -> list[int]:
    """Indexes of the paragraphs after ``head`` that are no copy of ``lead`` (and not in
    ``chrome``). A copy of the lead with such paragraphs both above and below it sits
    inside the story (the scraper printing the text twice, or the sapo again under a
    photo), neither an aggregator's card after the story nor the heading printed twice
    in a row, and stays."""
    return [k for k in range(head + 1, len(page))
            if page.starts[k] not in chrome and _is_paragraph(page, k, cfg)
            and not _copies_lead(lead, page.texts[k])]


def _copies_lead(lead: str, text: str) -> bool:
    """``text`` is ``lead`` again, or ``lead`` without its agency prefix (``SGGP - ``),
    perhaps closed by the end mark ``/.``.

    >>> _copies_lead("SGGP - Tuyến metro số 1 vận hành.", "Tuyến metro số 1 vận hành./.")
    True
    >>> _copies_lead("Tuyến metro số 1 vận hành.", "số 1 vận hành.")
    False
    """
    if text.endswith("/."):  # the end mark closing the article, strip_bylines' to remove
        text = text[:-1].rstrip("/ \t")
        text += "" if text.endswith(".") else "."
    return len(text) <= len(lead) and lead.endswith(text) and _prefix_only(lead, len(text))


def _prefix_only(lead: str, tail: int) -> bool:
    """What ``lead`` holds before its last ``tail`` characters is nothing or an agency
    prefix (``SGGP -``, ``(TTXVN):``)."""
    missing = lead[: len(lead) - tail].rstrip()
    return not missing or missing[-1] in _PREFIX_ENDS


def _opens_a_stanza(page: _Page, k: int, title_key: str, chrome: set[int]) -> bool:
    """The title's copy at ``k`` is a verse's first line (a poem titled by it): right
    after a story paragraph, another short unpunctuated line after it, no copy itself.
    Its neighbours are the lines next to it not in ``chrome`` (starts of lines labelled
    already), as a second pass would see them once those go: a menu ending the page is
    no verse, nor is a long line of tags (a verse line has at most ``verse_max_words``
    words)."""
    before = _next_kept(page, k, chrome, -1)
    after = _next_kept(page, k, chrome)
    return (before is not None and after is not None and page.shapes[before] == PROSE
            and page.shapes[after] in _HEADLINE_SHAPES
            and page.texts[after].casefold() != title_key
            and _word_count(page, after) <= _settings().verse_max_words)


def _repeats_lead(lead_key: str, lead_stem: str, text: str) -> bool:
    """The lead (``lead_key``, casefolded) again, its agency prefix perhaps missing, a
    teaser cut from it with ``...``, or its first sentences alone.

    ``text`` is casefolded only when its first or last characters already agree with the
    lead (casefolding never shortens a string), so long paragraphs cost two short slices.
    """
    if len(text) <= len(lead_key):  # the casefolded text can be a suffix of the lead
        m = min(_PEEK, len(text))
        if text[-m:].casefold()[-m:] == lead_key[-m:]:
            key = text.casefold()
            if len(key) <= len(lead_key) and lead_key.endswith(key):
                return _prefix_only(lead_key, len(key))
    if text[-1] not in ".…":  # not cut short with dots (lines never end in a space)
        return False
    # A teaser shares with the lead at least its first third or the lead's whole stem.
    m = min(_PEEK, len(lead_key) // 3, len(lead_stem))
    if text[:m].casefold()[:m] != lead_key[:m]:
        return False
    key = text.casefold()
    stem = key.rstrip(".… ")
    if "…" not in key[len(stem):] and key.count(".", len(stem)) < 2:
        # One full stop: a sentence, a teaser only when the lead starts with it whole
        # (a paragraph that runs on past the lead is the story going on).
        return len(stem) >= len(lead_key) // 3 and lead_key.startswith(stem)
    stem = stem.rsplit(" ", 1)[0]  # the word before the dots may be cut short
    if len(stem) < len(lead_key) // 3:
        return False
    return lead_key.startswith(stem) or stem.startswith(lead_stem)


def _section_label_labels(page: _Page, title: int | None, lead: int | None, chrome: set[int],
                          cfg: _Settings) -> list[_Span]:
    """Section names standing alone next to the title or dateline, above the lead (from
    ``head_scan_lines`` lines before the title, chrome lines not counted: once they are
    gone the window is the same)."""
    if title is None or lead is None:
        return []
    starts = page.starts
    first, left = title, cfg.head_scan_lines
    while first > 0 and left:
        first -= 1
        if starts[first] not in chrome:
            left -= 1
    found = [(starts[k], page.ends[k], "nav.section_label") for k in range(first, lead)
             if starts[k] not in chrome  # a chrome line goes already
             and (_is_section_label(page, k, cfg) or _is_breadcrumb_line(page, k, cfg)
                  or _is_posted_in(page, k))]
    menu = _site_menu_index(page, title, chrome, cfg)
    if menu is not None:
        found.append((starts[menu], page.ends[menu], "nav.site_menu"))
        below = _next_kept(page, menu, chrome)
        if below is not None and below < title and _is_site_menu_line(page, below, chrome, cfg):
            # the menu under the site's name read as one (``Việt Giải Trí`` / ``Sao Việt
            # Sao Châu Á Phim Nhạc ...``): once the name went, a second pass took the menu
            found.append((starts[below], page.ends[below], "nav.site_menu"))
        found.sort(key=_START)
    if found:
        found.extend(_subsection_labels(page, title, found[-1][0], chrome, cfg))
        found.extend(_site_name_label(page, found[0][0], chrome, cfg))
    if found and (_sections_head_parts(page, lead, {page.texts[k] for k in range(first, lead)},
                                       cfg)
                  or _heads_numbered_items(page, starts.index(found[-1][0]), lead, chrome)):
        return []
    return found


_LONE_NUMBER = re.compile(r"(\d{1,2})[.)]")


def _heads_numbered_items(page: _Page, label: int, lead: int, chrome: set[int]) -> bool:
    """The label at ``label`` stands over a lone ``1.`` above the lead, and a lone ``2.``
    follows further down: the label heads a digest's numbered items (``Tin Thế Giới`` /
    ``1.`` / a headline / its story / ``2.`` / ...), the text's own heading, no section
    name of the site's (which stands over the title, a date or the lead)."""
    numbers = [k for k in range(label + 1, len(page))
               if page.starts[k] not in chrome and _LONE_NUMBER.fullmatch(page.texts[k])]
    return (len(numbers) >= 2 and numbers[0] < lead
            and page.texts[numbers[0]][:-1] == "1" and page.texts[numbers[1]][:-1] == "2")


def _subsection_labels(page: _Page, title: int, label_start: int, chrome: set[int],
                       cfg: _Settings) -> list[_Span]:
    """A breadcrumb's lower levels on lines of their own: the short items between a section
    label (starting at ``label_start``) and the title below it (``Bóng đá`` / ``Cúp Liên
    đoàn Anh`` / title), chrome lines between them not counted."""
    starts = page.starts
    above = starts.index(label_start)
    if above >= title:
        return []
    between = [k for k in range(above + 1, title) if starts[k] not in chrome]
    if not between or not all(page.shapes[k] == ITEM and not page.sections[k]
                              and _word_count(page, k) <= cfg.section_label_max_words
                              for k in between):
        return []
    return [(starts[k], page.ends[k], "nav.section_label") for k in between]


def _site_name_label(page: _Page, label_start: int, chrome: set[int],
                     cfg: _Settings) -> list[_Span]:
    """The site's name on the page's first line, right above the section label starting at
    ``label_start`` (``Báo Mới`` / ``Thế giới`` / title): an item of a word or two (chrome
    lines not counted)."""
    starts = page.starts
    first = _first_kept(page, chrome)
    if first is None or first + 1 >= len(page) or starts[first + 1] != label_start:
        return []
    if page.sections[first] or not _too_short_for_a_title(page, first, cfg):
        return []
    return [(starts[first], page.ends[first], "nav.site_name")]


def _sections_head_parts(page: _Page, lead: int, above: set[str], cfg: _Settings) -> bool:
    """Another section's name (none of the lines ``above`` the lead) alone above a story
    line after the lead: the text's parts are headed by section names (a news digest's
    ``Thời sự`` / ... / ``Thể thao`` / ...), and the one above the lead is the first
    part's heading, not the page's label."""
    last = len(page) - 1
    return any(_is_section_label(page, k, cfg) and page.shapes[k + 1] == PROSE
               and page.texts[k] not in above
               for k in compress(range(lead + 1, last), page.sections[lead + 1:last]))


#: A short attribution: "Theo VnExpress", "Nguồn: Tuổi Trẻ", "Tham khảo: The Verge, Apple".
_ATTRIBUTION_PATTERN = (r"(?:Theo|Nguồn[ \t]*+:|(?:Nguồn[ \t]tham|[Tt]ham)[ \t]khảo[ \t]*+:)"
                        r"[ \t]++[\p{Lu}\d][^\s.!?]*+(?:,?+[ \t]++[\p{Lu}\d&][^\s.!?]*+){0,5}+")
_ATTRIBUTION = regex.compile(_ATTRIBUTION_PATTERN + r"[ \t]*+", regex.V1)
#: A short attribution or photo line: "Theo VnExpress", "Ảnh minh họa", "Ảnh: Thanh Hà" (a
#: source or a picture's, no headline).
_NO_TITLE_LINE = regex.compile(
    rf"(?:{_ATTRIBUTION_PATTERN}"
    r"|\(?(?:Ảnh|ẢNH)[ \t]*+(?:minh[ \t]h[oọ][aạ]|MINH[ \t]H[OỌ][AẠ]|:[^\n]{1,40}+)\)?+\.?+)"
    r"[ \t]*+",
    regex.V1)


def _is_breadcrumb_line(page: _Page, k: int, cfg: _Settings) -> bool:
    """A breadcrumb with its separators dropped whose levels are not all known names
    (``Thời sự Chính trị Nghị trường``), right above a headline: a line of menu
    items (:func:`_menu_item_counts`) that opens with a section's name, holds at least
    ``breadcrumb_min_known`` of them and no more names of the site's own than known ones,
    at most ``breadcrumb_max_words`` words. (``Thế giới Di động`` is one known name and a
    company's: it stays.)"""
    if (page.sections[k] or page.shapes[k] not in _HEADLINE_SHAPES
            or _word_count(page, k) > cfg.breadcrumb_max_words
            or k + 1 >= len(page) or page.shapes[k + 1] != TITLE):
        return False
    text = page.texts[k]
    if text.partition(" ")[0].casefold() not in _menu_ends()[0]:
        return False
    counts = _menu_of_known_items(text, cfg.breadcrumb_min_known)
    return counts is not None and counts[2]  # (its first item a known name)


def _is_site_menu_line(page: _Page, k: int, chrome: set[int], cfg: _Settings) -> bool:
    """The site's menu on the page's first line, maybe after the site's name, right above
    the title (``Tuổi Trẻ Online Thời sự Thế giới Pháp luật``, ``VOV.VN Xã hội`` /
    title / lead): asked of the first title candidate (:func:`_find_title`), so only chrome,
    datelines and short items stand above it. A line of capitalised items
    (:func:`_site_menu_counts`): at most ``site_menu_max_name_words`` words of a name
    first, then known names, with no more names of the site's own than one past them; or
    a name and one known name after it. The next line (after a section label) must be a
    headline with a lead under it: the line is not the title. A headline in sentence case
    (``Thế giới Di động công bố ...``) has lowercase words that no known name holds."""
    text = page.texts[k]
    if (page.shapes[k] not in _HEADLINE_SHAPES or page.sections[k] or not text[0].isupper()
            or _word_count(page, k) > cfg.site_menu_max_words):
        return False
    initials = "".join([word[0] for word in text.split()])
    if 3 * sum(map(str.islower, initials)) > 2 * len(initials):
        return False  # a headline in sentence case: a string test spares it the pattern
    counts = _site_menu_counts(text, cfg.site_menu_max_name_words)
    if counts is not None:
        name, known, others = counts
        menu = known >= 2 and others <= known + 1 or known == 1 and name and not others
    else:
        menu = False
    title = _next_kept(page, k, chrome)
    if title is not None and _is_section_label(page, title, cfg):
        # The section the page is in, one of the line's items: the line is the menu that
        # holds it, whatever names of the site's own it has (``Kenh14.vn Star ... Sport``
        # / ``Sport``), so long as it is made of menu items (:func:`_items_of_a_menu`).
        menu = menu or (f" {page.texts[title]} " in f" {text} " and _items_of_a_menu(text))
        title = _next_kept(page, title, chrome)
    elif not menu and title is not None:
        # The section named only by the dateline, right under the title or above it
        # (``Xã hội | 12/03/2026 08:15``): the line is the menu that holds it, likewise.
        if page.shapes[title] in _DATELINE_SHAPES:
            dateline, title = title, _next_kept(page, title, chrome)
        else:
            dateline = _next_kept(page, title, chrome)
        section = _dateline_section(page, dateline)
        menu = (section is not None and f" {section} " in f" {text} "
                and _items_of_a_menu(text))
    return (menu and title is not None and page.shapes[title] == TITLE
            and _title_shaped(page, title, cfg)
            and _find_lead(page, title, chrome, cfg) is not None)


#: A dateline that opens with the page's section before a separator and the date.
_DATELINE_SECTION = re.compile(r"([^\W\d_][^|•·–\-\d]{0,30}?)[ \t]*[|•·–\-][ \t]*\d")


def _dateline_section(page: _Page, k: int | None) -> str | None:
    """The known section a dateline line ``k`` opens with (``Xã hội | 12/03/2026 08:15``
    gives ``Xã hội``), else None."""
    if k is None or page.shapes[k] != DATE:
        return None
    m = _DATELINE_SECTION.match(page.texts[k])
    if m is None or lookup_key(m.group(1)) not in lookup_set("nav_sections.txt"):
        return None
    return m.group(1)


def _items_of_a_menu(text: str) -> bool:
    """Is ``text`` made of menu items, with names of the site's own however many: words of
    items only (no punctuation), two known names at least (the longest run of words, four
    at most, that is a key of the word lists, written with a capital), and outside them no
    more lowercase words than known names and capitalised words, nor three lowercase words
    in a row (a headline's words run on: ``Sport đưa tin tuyển ...``)?

    >>> _items_of_a_menu("Kenh14.vn Star TV Show Cine Musik Beauty & Fashion Đời sống Sport")
    True
    >>> _items_of_a_menu("Sport đưa tin tuyển Việt Nam thắng đậm Lào ở AFF Cup")
    False
    """
    words = _menu_words(text)
    if words is None:
        return False
    known = capitals = lowers = run = 0
    i, size = 0, len(words)
    while i < size:
        word = words[i]
        span = _known_name_span(words, i)
        if span:
            known += 1
            run = 0
            i += span
            continue
        if word[0].islower():
            lowers += 1
            run += 1
            if run > 2:
                return False
        else:
            capitals += 1
            run = 0
        i += 1
    return known >= 2 and lowers <= capitals + known


def _site_menu_index(page: _Page, title: int, chrome: set[int], cfg: _Settings) -> int | None:
    """Index of the site's menu line above the ``title`` (:func:`_is_site_menu_line`): the
    page's first line not in ``chrome`` (``Kenh14 Sport``, too short for a title), or the
    first title candidate, which :func:`_find_title` passed over for the title."""
    starts = page.starts
    first = next((k for k in range(title) if starts[k] not in chrome), None)
    if first is None:
        return None
    if _is_site_menu_line(page, first, chrome, cfg):
        return first
    if _may_head(page, first, cfg):
        return None
    head = next((k for k in range(first + 1, title)
                 if starts[k] not in chrome and _may_head(page, k, cfg)), None)
    return head if head is not None and _is_site_menu_line(page, head, chrome, cfg) else None


def _next_kept(page: _Page, k: int, chrome: set[int], step: int = 1) -> int | None:
    """Index of the first line after line ``k`` (before it when ``step`` is -1) whose
    start is not in ``chrome``."""
    starts = page.starts
    stop = len(starts) if step > 0 else -1
    return next((j for j in range(k + step, stop, step) if starts[j] not in chrome), None)


def _menu_words(text: str) -> list[str] | None:
    """The words of a line of menu items, separators (``-``, ``|``, ``›``, ...) left out, or
    None when a word is no item's (a comma, a colon, a bracket: no menu of names)."""
    words = [word for word in text.split() if word not in _SITE_MENU_SEPARATORS]
    return words if all(map(_SITE_MENU_WORD, words)) else None


def _known_name_span(words: list[str], i: int) -> int:
    """How many words from ``words[i]`` make a known name: the longest run (four at most)
    that is a key of the word lists, opening with a capital; 0 when none does.

    >>> _known_name_span(["Tin", "Thời", "sự", "Thể", "thao"], 1)
    2
    """
    word = words[i]
    if not (word[0].isupper() and word.casefold() in _first_words()):
        return 0
    keys = _key_info()
    return next((n for n in range(min(4, len(words) - i), 0, -1)
                 if " ".join(words[i:i + n]).casefold() in keys), 0)


def _site_menu_counts(text: str, most: int) -> tuple[int, int, int] | None:
    """(words of the site's name first, known names, other items after the first known
    name) of a line of capitalised items, or None when ``text`` is none or its name runs
    on past ``most`` words. Items are joined by spaces or separators (``-``, ``|``, ``/``,
    ``·``, ``•``, ``›``, ``»``, ``>``); a known name is the longest run of words (four at
    most) that is a key of the word lists, written with a capital (``Thời sự``, ``Mẹ &
    Bé``). The name's words open with a capital, or are lowercase between a capital and a
    word with a digit (``Tin mới 24h``); after it, every word belongs to a known name or
    is an item of the site's own: a capitalised word (two joined by ``&``: ``Beauty &
    Fashion``), maybe with one lowercase word that joins nothing (``Nhịp phố``).

    >>> _site_menu_counts("Tuổi Trẻ Online Thời sự Thể thao", 3)
    (3, 2, 0)
    >>> _site_menu_counts("Thế giới Di động công bố điện thoại mới", 3) is None
    True
    """
    words = _menu_words(text)
    if words is None:
        return None  # a comma, a colon, a bracket: no menu of names
    glue = lookup_set("nav_menu_glue.txt")
    name = known = others = 0
    lowered = digit_last = tail = False
    i, size = 0, len(words)
    while i < size:
        word = words[i]
        folded = word.casefold()
        span = _known_name_span(words, i)
        if span:
            if not known and lowered and not digit_last:
                return None  # "Quân đội nhân dân": a name's lowercase words end in a number
            known += 1
            tail = False
            i += span
            continue
        if i + 2 < size and words[i + 1] == "&":
            word = words[i + 2]  # "Beauty & Fashion": one item
            i += 2
        if not known:  # a word of the site's name
            if word[0].islower():
                if not name:
                    return None
                lowered = True
            name += 1
            if name > most:
                return None
            digit_last = _HAS_DIGIT(word) is not None
        elif word[0].islower():
            if not tail or folded in glue:
                return None  # a headline's words run on in lowercase
            tail = False
        else:
            others += 1
            tail = True
        i += 1
    return name, known, others


#: What joins the items of a site's menu line, and what each of its words is made of.
_SITE_MENU_SEPARATORS = frozenset("-–·•|/»›>")
_SITE_MENU_WORD = re.compile(r"[^\W_]++(?:[-.&+'][^\W_]++)*+|&").fullmatch


@functools.cache
def _posted_in_pattern() -> re.Pattern:
    """``trong Thời sự``: a CMS's "posted in" words (``nav_posted_in.txt``, as written),
    then a capitalised word opening the rest of the line."""
    words = "|".join(map(re.escape, word_list("nav_posted_in.txt")))
    return re.compile(rf"(?:{words})[ \t]+(?=[^\W\d_])")


def _is_posted_in(page: _Page, k: int) -> bool:
    """The section a post was filed in, as a CMS prints it under the byline (a name line or
    a dateline right above): ``Minh Anh`` / **trong Thời sự**; the section is a known one
    written capitalised (``trong nước`` is a sentence's words)."""
    if k == 0 or page.shapes[k] != ITEM:
        return False
    m = _posted_in_pattern().match(page.texts[k])
    if m is None:
        return False
    rest = page.texts[k][m.end():]
    if not rest[0].isupper() or (lookup_key(rest) not in lookup_set("nav_sections.txt")
                                 and not _section_pair(rest)):
        return False
    above = k - 1
    return page.shapes[above] in _DATELINE_SHAPES or (
        page.shapes[above] == ITEM and bool(author_names(page.texts[above])))


def _is_section_label(page: _Page, k: int, cfg: _Settings) -> bool:
    """A section's name alone on its line (``Thế giới``): an item of a few words that names
    a section, or a section and its sub-section (``Bóng đá Ngoại hạng Anh``: any item
    made of two or three section names, whatever their words). A lower-case line is a
    sentence's words split at a link (``Hàng loạt`` / ``sự kiện`` / ``xảy ra ...``)."""
    return (bool(page.sections[k]) and page.shapes[k] == ITEM and not page.texts[k][0].islower()
            and (_word_count(page, k) <= cfg.section_label_max_words
                 or _section_pair(page.texts[k])))


def _strip_title_copies(page: _Page, labels: list[_Span], chrome: set[int],
                        cfg: _Settings) -> tuple[int | None, bool]:
    """Label the template copies of the title (appending to ``labels``, their starts to
    ``chrome``, the starts of ``labels``); return the index of the title kept, and whether
    the scan settled on it (its last round started from the title and found no copy).
    Repeats until the first remaining line has no copy, so cleaning the result again finds
    no more copies when that line is the title; when another line is (a headline between
    the copies), :func:`_line_labels` runs the rules again."""
    title = None
    for _ in range(3):
        copies, kept = _find_title(page, chrome, cfg)
        if title is None:
            title = kept
        if not copies:
            break
        for k in copies:
            if k != title:
                labels.append((page.starts[k], page.ends[k], "nav.repeated_title"))
                chrome.add(page.starts[k])
        title = kept if title in copies else title
    return title, not copies and kept == title


# --------------------------------------------------------------------------- inline


@functools.cache
def _inline_patterns() -> tuple[regex.Pattern,
                                tuple[re.Pattern | regex.Pattern | _AnchoredLiteral, ...]]:
    """The inline patterns as one alternation, and for each a search for the literal it
    starts with (a fast search: :func:`_literal_search`) or, lacking one, the pattern alone."""
    patterns = word_list("nav_inline.txt")
    return (regex.compile("|".join(f"(?:{p})" for p in patterns)),
            tuple(_literal_search(_literal_prefix(p)) or regex.compile(p) for p in patterns))


def _literal_search(literal: str) -> re.Pattern | _AnchoredLiteral | None:
    """A search for ``literal`` (``None`` for none): from its first character when that one
    is rare in prose (:class:`_AnchoredLiteral`), else a stdlib search (on non-ASCII text it
    skips ahead faster than ``in``)."""
    if not literal:
        return None
    first = literal[0]
    if not (first.isalnum() or first.isspace()) or first.isupper() and not first.isascii():
        return _AnchoredLiteral(literal)
    return re.compile(re.escape(literal))


class _AnchoredLiteral:
    """A search for a literal opening with a character prose seldom holds (``(``, ``Đ``):
    a C-level scan for that character (as fast as ``memchr``), then a prefix test where it
    stands. A search for the whole literal stops at every common letter or space of it
    and costs two to three times as much on a page of Vietnamese text.

    >>> bool(_AnchoredLiteral("(Tin ").search("Hà Nội (Tin thể thao, tin bóng đá)"))
    True
    >>> bool(_AnchoredLiteral("(Tin ").search("Hà Nội (ảnh) (Tin"))
    False
    """

    __slots__ = ("first", "literal")

    def __init__(self, literal: str) -> None:
        self.literal = literal
        self.first = literal[0]

    def search(self, text: str) -> bool:
        """True when ``text`` holds the literal (what ``re.search`` would find)."""
        return holds_at_letter(text, self.literal)


def _literal_prefix(pattern: str) -> str:
    """The literal text every match of ``pattern`` starts with (``""`` when unsure: an
    alternation or an inline flag anywhere, or no literal first).

    >>> _literal_prefix(r"\\(Tin \\p{Ll}+, tin")
    '(Tin '
    >>> _literal_prefix(r"ab?c"), _literal_prefix(r"ab+c"), _literal_prefix(r"(?:ab)+|c")
    ('a', 'ab', '')
    """
    if "|" in pattern or _INLINE_FLAG.search(pattern):
        return ""
    prefix = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern) and not pattern[i + 1].isalnum():
            prefix.append(pattern[i + 1])
            i += 2
        elif char in "\\.^$*+?{}[]()":
            break
        else:
            prefix.append(char)
            i += 1
        if i < len(pattern) and pattern[i] in "*?{":  # the last literal may be absent
            prefix.pop()
            break
    return "".join(prefix)


def _inline_spans(text: str) -> list[Label]:
    """Chrome glued into flattened lines: the patterns of ``data/nav_inline.txt``, and a
    menu or a welcome banner opening a flattened page (:func:`_flat_heads`).

    Only when some pattern's leading literal is in the text (or, lacking a literal, the
    pattern matches alone) does the alternation run: its leftmost-first matches are the
    spans.
    """
    head = _flat_heads(text) + _inline_tags(text)
    if "#" in text:
        head += _end_hashtags(text)
    combined, gates = _inline_patterns()
    if not any(gate.search(text) for gate in gates):
        return sorted(head, key=_LABEL_START) if len(head) > 1 else head
    widgets = [Label(m.start(), m.end(), KIND, "nav.inline_widget")
               for m in combined.finditer(text)]
    return sorted(head + widgets, key=_LABEL_START) if head else widgets


_LABEL_START = attrgetter("start")


def _upper_first_pattern(keys: frozenset[str]) -> str:
    """A stdlib ``re`` pattern for the ``keys`` (casefolded) written with a capital first
    letter, the rest in any case (``Thời sự``, ``THỜI SỰ``, not ``thời sự``)."""
    by_first: dict[str, set[str]] = {}
    for key in keys:
        by_first.setdefault(key[0], set()).add(key[1:])
    options = []
    for first, rests in sorted(by_first.items()):
        capitals = "".join(sorted({first.upper(), first.title()} - {first}))
        if capitals:
            options.append(f"[{re.escape(capitals)}]{casefold_pattern(frozenset(rests))}")
    return "(?:%s)" % "|".join(options)


@functools.cache
def _flat_menu_pattern(form: str = "plain") -> re.Pattern:
    """A run of capitalised menu items (section names, login and search strings, widget
    headings) at the start of a text, after at most three words of a logo; one or two
    unknown capitalised words may stand between two items (``Tâm sự Hài Đăng nhập``,
    ``Bạn đọc Net Zero Kinh tế``). The run ends before a date, a bracket, a bar or a
    capitalised word: an item a lowercase word follows opens the title (``Giáo dục đại
    học ...``) and stays. A shorter run, of ``flat_menu_dated_min_items``, will do
    (``form``) right before the page's dateline (``"dated"``: ``Thời sự Kinh doanh Quốc tế
    Thể thao 22/11/2024 08:30 ...``) or when it opens with a home item (``"homed"``,
    ``nav_menu_home.txt``: ``Trang chủ Xã hội Giao thông Metro Bến Thành ...``); and one of
    ``flat_menu_homed_min_items`` when a home item opens the text itself, no logo before
    it and no known name opening the title after it (``"home_first"``: ``Trang chủ Thời
    sự Quốc hội thông qua ...``: a home item is never a story's first words; after words a
    later cleaner may take, it could be)."""
    item = _known_items_pattern()
    first = (_upper_first_pattern(frozenset(lookup_set("nav_menu_home.txt")))
             if form in ("homed", "home_first") else item)
    unknown = rf"[{re.escape(CAPITALS)}][^\W\d_]{{0,{_UNKNOWN_MAX_CHARS - 1}}}"
    separator = r"(?:[ \t]+|[ \t]*[-–·•|/>»›][ \t]*)"
    settings = _settings()
    more = {"plain": settings.flat_menu_min_items, "dated": settings.flat_menu_dated_min_items,
            "homed": settings.flat_menu_dated_min_items,
            "home_first": settings.flat_menu_homed_min_items}[form] - 1
    words = _FLAT_MENU_LOGO_WORDS
    logo = "" if form == "home_first" else rf"(?:[^\s]+[ \t]+){{0,{words}}}?"
    if form == "dated":
        after = r"(?:\d{1,2}:\d{2}[ \t,]+)?\d{1,2}/\d{1,2}/\d{4}"
    else:
        after = rf"$|\n|[\d(|»>›]|[{re.escape(CAPITALS)}]"
    # With one item after the home item, the title must not open with a known name either
    # (``Trang chủ Xã hội Giao thông là chuyên mục ...``: a sentence naming sections).
    title = rf"(?![ \t]*{item}(?!\w))" if form == "home_first" else ""
    gap = rf"{separator}(?:{unknown}{separator}){{0,{_UNKNOWN_MAX_WORDS}}}?"
    run = _item_run(first, item, gap, more)
    pattern = re.compile(rf"[ \t\n]*{logo}{run}(?!\w)(?=[ \t]*(?:{after})){title}")
    assert pattern.groups == (first == item)  # the group (?(1)...) refers to
    return pattern


def _item_run(first: str, item: str, gap: str, more: int, *, most: int | None = None,
              group: int = 1) -> str:
    """``first``, then at least ``more`` items (``item``), at most ``most`` when given,
    each after a ``gap``.

    When any item may open the run (``first`` is ``item``), ``item`` is written once: a
    repeat of at least ``more + 1`` items whose iterations after the first take the gap,
    told apart by an empty group the first iteration sets (``(?(1)gap)``: ``re`` takes no
    name of a group opened later; the caller says which number the group gets, ``group``,
    and checks it).

    Why it is safe: the engine meets the same choices in the same order (the first
    item's alternatives outermost, then each later gap and item), and a failed attempt
    that backtracks before the run unsets the group, so the matches are the ones of
    ``first(?:gap item){more,}`` (``tests/test_nav_speed.py`` pins it). Why: the known
    names' trie is the bulk of the pattern and takes ~40 ms to compile each time it
    appears."""
    bound = "" if most is None else most
    if first != item:
        return rf"{first}(?:{gap}{item}){{{more},{bound}}}"
    bound = "" if most is None else most + 1
    return rf"(?:(?({group}){gap})(){item}){{{more + 1},{bound}}}"


#: The forms of :func:`_flat_menu_pattern`, in the order they are tried.
_FLAT_MENU_FORMS = ("plain", "dated", "homed", "home_first")
#: The long first lines :func:`_menu_forms` gates (then every form is tried).
_MENU_GATE = WarmUp(300)


def _menu_forms(text: str, line_end: int) -> list[str]:
    """The forms of :func:`_flat_menu_pattern` whose first item may stand where its run
    can start: a word of the first ``_FLAT_MENU_LOGO_WORDS + 1`` (the first only for
    ``"home_first"``) whose first letter is a capital of an item's first letter, the
    casefold of what follows starting with the item's rest (:func:`_opens_item`), and
    for the "plain" and "dated" forms two more items in reach after it
    (:func:`_item_follows`). A necessary condition of each form's match, read in a few
    set lookups.

    Why: the patterns take a second to compile, and most long first lines are a story's
    first paragraph, whose first words name no section (``Trưa 19/9, trao đổi với ...``).

    >>> _menu_forms("Trang chủ Thời sự Thế giới", 26)
    ['plain', 'dated', 'homed', 'home_first']
    >>> _menu_forms("Trưa 19/9, trao đổi với PV, ông Dũng cho biết", 40)
    []
    """
    items, homes = _menu_item_rests(False), _menu_item_rests(True)
    item = home = home_first = False
    words = _MENU_WORD.finditer(text, 0, line_end)
    for k, word in enumerate(islice(words, _FLAT_MENU_LOGO_WORDS + 1)):
        start = word.start()
        item = item or _opens_item(text, start, items) and _item_follows(
            text, start, line_end, items, _FLAT_RUN_MIN_ITEMS - 1)
        if not home and _opens_item(text, start, homes):
            home, home_first = True, k == 0
    return [form for form, may in zip(_FLAT_MENU_FORMS, (item, item, home, home_first)) if may]


def _item_follows(text: str, start: int, line_end: int, rests: dict[str, _Rests],
                  more: int) -> bool:
    """Could ``more`` items follow, each in reach of the one before, the item that may
    open at ``start``? A later item of a run opens after a gap's blank or separator sign
    (:data:`_ITEM_SEPARATORS`) and where :func:`_opens_item` says one may; and between two
    items' starts stand the first item (at most its rest's length + 1 characters), a
    gap's sign and two unknown words (their letters and a sign each): at most
    :func:`_item_reach` characters other than blanks. A necessary condition of the
    "plain" and "dated" forms, which need three items or more
    (``tests/test_nav_speed.py`` checks it against them).

    Why: a story's first paragraph often opens with a known name (``Du học ...``), then
    the two patterns took ~0.2 s to compile for nothing."""
    if more <= 0:
        return True
    reach = _item_reach()
    for later in _LATER_ITEM.finditer(text, start + 1, line_end):
        position = later.start()
        if (position - start - text.count(" ", start, position)
                - text.count("\t", start, position)) > reach:
            return False
        if _opens_item(text, position, rests) and _item_follows(
                text, position, line_end, rests, more - 1):
            return True
    return False


#: Where a later item of a flat menu may open: after a gap's last blank or sign.
_LATER_ITEM = re.compile(rf"(?<=[{re.escape(_ITEM_SEPARATORS)}])[^\s]")
#: The fewest items of the "plain" and "dated" forms (``flat_menu_dated_min_items``,
#: ``flat_menu_min_items``: the smaller).
_FLAT_RUN_MIN_ITEMS = min(_settings().flat_menu_min_items, _settings().flat_menu_dated_min_items)


@functools.cache
def _item_reach() -> int:
    """The most non-blank characters from an item's start to the next item's start in a
    flat menu run: the longest item (a capital and its rest: a matched string is never
    longer than its casefold), a separator sign, and the unknown words, each with its sign
    (:func:`_flat_menu_pattern`)."""
    longest = max(longest for longest, _ in _menu_item_rests(False).values())
    return 1 + longest + 1 + _UNKNOWN_MAX_WORDS * (_UNKNOWN_MAX_CHARS + 1)


def _opens_item(text: str, start: int, rests: dict[str, _Rests]) -> bool:
    """``text[start]`` is a capital that opens an item of ``rests`` and the casefold of
    what follows starts with that item's rest (a match of :func:`_upper_first_pattern`'s
    pattern there reads a string whose casefold is the rest: never longer than it)."""
    by_length = rests.get(text[start])
    if by_length is None:
        return False
    tail = text[start + 1:start + 1 + by_length[0]].casefold()
    return any(tail[:length] in rest for length, rest in by_length[1])


#: The words of a logo :func:`_flat_menu_pattern` lets stand before the menu's first item.
_FLAT_MENU_LOGO_WORDS = 3
#: The unknown capitalised words :func:`_flat_menu_pattern` lets stand between two items,
#: and the letters of each.
_UNKNOWN_MAX_WORDS = 2
_UNKNOWN_MAX_CHARS = 12
_MENU_WORD = re.compile(r"\S+")  # (a logo's word or an item's first: non-blanks)


#: The longest rest of an item, and the rests by their length (:func:`_menu_item_rests`).
_Rests = tuple[int, tuple[tuple[int, frozenset[str]], ...]]


@functools.cache
def _menu_item_rests(home: bool) -> dict[str, _Rests]:
    """For each capital that may open a menu item (:func:`_upper_first_pattern`; a home
    item with ``home``): the longest rest of an item it opens, and the rests (the item's
    casefold after its first letter) by length."""
    keys = (lookup_set("nav_menu_home.txt") if home
            else frozenset(key for key in _key_info() if key))
    by_capital: dict[str, dict[int, set[str]]] = {}
    for key in keys:
        first, rest = key[0], key[1:]
        for capital in "".join({first.upper(), first.title()} - {first}):
            by_capital.setdefault(capital, {}).setdefault(len(rest), set()).add(rest)
    return {capital: (max(by_length), tuple((length, frozenset(rests))
                                            for length, rests in sorted(by_length.items())))
            for capital, by_length in by_capital.items()}


def _inline_tags(text: str) -> list[Label]:
    """``nav.inline_tags``: a page's topic links glued inside a flattened line after the
    story's last sentence, a closing bracket or a sign-off (a capitalised word): a label of
    ``nav_inline_tags.txt`` and its colon, then at most ``max_keyword_items`` topics of a
    few words joined by commas, none ending like a sentence, up to the end of the line or
    to a heading that follows tags on a page (``nav_tag_enders.txt``: ``Tin liên quan``).
    Only a colon is looked for in the whole text; the label is sought in the few characters
    before each, and the topics after it.

    >>> text = "Sau cuộc đua, Oanh sẽ tập luyện tiếp. (TTXVN) Tags: Đức, ô tô, xe điện"
    >>> [text[x.start:x.end] for x in _inline_tags(text)]
    ['Tags: Đức, ô tô, xe điện']
    >>> _inline_tags("Ông nói thêm. Từ khóa: minh bạch, trách nhiệm, là điều ông nhấn mạnh.")
    []
    """
    labels: list[Label] = []
    tails = _tag_label_tails()
    colon = text.find(":")
    while colon > 0:
        # A label's last three letters (casefolded) or a space stand before its colon.
        if text[colon - 3:colon].casefold() not in tails and text[colon - 1] not in " \t":
            colon = text.find(":", colon + 1)
            continue
        start = _tag_label_start(text, colon)
        if start >= 0 and (topics := _inline_topics().match(text, colon)) is not None:
            labels.append(Label(start, topics.end(), KIND, "nav.inline_tags"))
            colon = text.find(":", topics.end())
        else:
            colon = text.find(":", colon + 1)
    return labels


def _end_hashtags(text: str) -> list[Label]:
    """``nav.inline_tags``: a run of two hashtags or more ending a flattened page (its last
    line, ``flat_line_min_chars`` long or more), each of at most ``_HASHTAG_MAX_WORDS``
    words, none ending like a sentence, after the story's last sentence end, maybe a
    sign-off of up to four capitalised words (left to strip_bylines) and a tag label of
    ``nav_inline_tags.txt`` with its colon, which goes with the run.

    >>> text = "Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu. " * 5 + "Hà An #mưa lớn #Hà Nội"
    >>> [text[x.start:x.end] for x in _end_hashtags(text)]
    ['#mưa lớn #Hà Nội']
    >>> _end_hashtags("Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu. " * 5
    ...               + "Người dân theo dõi tin trên #HaNoi và #ThoiTiet")
    []
    """
    end = len(text.rstrip())
    line_start = text.rfind("\n", 0, end) + 1
    if end - line_start < _settings().flat_line_min_chars:
        return []
    run = _end_hashtag_run().search(text, max(line_start, end - _END_HASHTAGS_READ), end)
    if run is None:
        return []
    start = run.start("label") if run.start("label") >= 0 else run.start("tags")
    return [Label(start, end, KIND, "nav.inline_tags")]


_END_HASHTAGS_READ = 400  # characters read back from a page's end for its hashtags


@functools.cache
def _end_hashtag_run() -> regex.Pattern:
    """The hashtag run of :func:`_end_hashtags`, to the searched stretch's end."""
    tag = rf"#[^\W_][^\s#.!?…]*+(?:[ \t]++[^\s#.!?…]++){{0,{_HASHTAG_MAX_WORDS - 1}}}"
    label = casefold_pattern(lookup_set("nav_inline_tags.txt"))
    return regex.compile(
        rf"(?<=[.!?…)\]\"”][ \t]+(?:\p{{Lu}}\p{{L}}*[ \t]+){{0,4}})"
        rf"(?P<label>{label}[ \t]*+:[ \t]*+)?(?P<tags>{tag}(?:[ \t]++{tag})++)[ \t]*+\Z")


def _tag_label_start(text: str, colon: int) -> int:
    """Where a tag label (``nav_inline_tags.txt``) that ``colon`` closes starts, when it
    stands inside a line after a sentence's end, a closing bracket or a capitalised word;
    else -1."""
    label = _tag_label_pattern().search(
        text, max(0, colon - _TAG_LABEL_WINDOW), colon)
    if label is None:
        return -1
    start = label.start()
    before = start - 1
    while before >= 0 and text[before] in " \t":
        before -= 1
    if before < 0 or before == start - 1:  # the label opens the text or follows no space
        return -1
    last = text[before]
    if last in _TAG_AFTER:
        return start
    word = max(text.rfind(" ", 0, before), text.rfind("\n", 0, before),
               text.rfind("\t", 0, before)) + 1
    # after a capitalised word (a sign-off), or written capitalised itself ("... thủ đô
    # Tag : ..."): prose writes a label it runs into in lower case
    return start if text[word].isupper() or text[start].isupper() else -1


_TAG_LABEL_WINDOW = 24  # characters before a colon searched for a tag label
_TAG_AFTER = frozenset(".!?…)]”\"")  # what the story's last sentence or a note ends with


@functools.cache
def _tag_label_tails() -> frozenset[str]:
    """The last three letters of every tag label (casefolded): a colon after none of them
    (nor after a space) closes no label."""
    return frozenset(key[-3:] for key in lookup_set("nav_inline_tags.txt"))


@functools.cache
def _tag_label_pattern() -> re.Pattern:
    """A tag label of ``nav_inline_tags.txt`` (any case) and spaces, ending at the colon."""
    return re.compile(casefold_pattern(lookup_set("nav_inline_tags.txt")) + r"[ \t]*\Z")


@functools.cache
def _inline_topics() -> regex.Pattern:
    """The colon of a tag label and the topics after it (:func:`_inline_tags`)."""
    enders = "|".join(_upper_first_pattern(frozenset([key]))
                      for key in sorted(lookup_set("nav_tag_enders.txt")))
    words = _settings().max_tag_words - 1
    # a topic's later words never open a heading that follows the tags (longer topics
    # would run on into it and eat it)
    topic = (rf"[^\W_][^\s,;.!?:…\"“”()]*+(?:[ \t]++(?!(?:{enders})(?![^\W_]))"
             rf"[^\s,;.!?:…\"“”()]++){{0,{words}}}")
    more = _settings().max_keyword_items - 1
    # a list a template writes with a separator after every topic keeps its last one
    # at the line's end ("Từ khóa: Ukraine, Quốc hội Ukraine,")
    return regex.compile(
        rf":[ \t]*+{topic}(?:[ \t]*+[,;|][ \t]*+{topic}){{0,{more}}}"
        rf"(?:[ \t]*+[,;|](?=[ \t]*+(?:\n|\Z)))?"
        rf"(?=[ \t]*+(?:\n|\Z)|[ \t]++(?:{enders})(?![^\W_]))")


def _flat_heads(text: str) -> list[Label]:
    """:func:`_flat_menu_head` and :func:`_flat_welcome_head`, when the text opens with a
    long line (``flat_line_min_chars`` or more: a flattened page), whose end both read."""
    line_end = long_first_line_end(text, _settings().flat_line_min_chars)
    if line_end is None:
        return []
    return _flat_menu_head(text, line_end) + _flat_welcome_head(text, line_end)


def _flat_menu_head(text: str, line_end: int) -> list[Label]:
    """``nav.flat_menu``: the site's menu opening a text flattened onto long lines (a
    page's text joined by spaces): a run of at least ``flat_menu_min_items`` capitalised
    menu items at the start of a first line of ``flat_line_min_chars`` or more (ending at
    ``line_end``), with the story on the same line. Only the start is read, so the rule
    costs one anchored match.

    >>> page = ("Trang chủ Thời sự Thế giới Kinh doanh Giải trí Thể thao Đăng nhập "
    ...         "Quảng Nam khởi công đường ven biển. " + "Dự án dài 50 km. " * 40)
    >>> [page[x.start:x.end] for x in _flat_menu_head(page, len(page))]
    ['Trang chủ Thời sự Thế giới Kinh doanh Giải trí Thể thao Đăng nhập']
    """
    # (the gate spares a process that cleans a few texts the forms' compiling; one that
    # cleans many matches them all, faster than the gate: it only leaves out forms that fail)
    forms = _menu_forms(text, line_end) if _MENU_GATE.spend() else _FLAT_MENU_FORMS
    match = next(filter(None, (_flat_menu_pattern(form).match(text, 0, line_end)
                               for form in forms)), None)
    if match is None or not text[match.end():line_end].strip():
        return []
    start = len(match.group()) - len(match.group().lstrip())
    return [Label(match.start() + start, match.end(), KIND, "nav.flat_menu")]


def _flat_welcome_head(text: str, line_end: int) -> list[Label]:
    """``nav.welcome``: a portal's welcome banner opening a text flattened onto long lines,
    glued before the page's dateline (``Chào mừng bạn đến với website Phòng GD&ĐT quận Hồng
    Bàng Thứ năm, 29/7/2021, 16:18 ...``): what stands before the first dated year of the
    line (a weekday and a time before it belong to the dateline) must be a whole banner of
    ``nav_welcome.txt``. With no dateline after it the banner's end is unknown (the title
    follows it with a capital, like the site's name) and it stays. ``line_end``: the end
    of the long first line.

    >>> page = ("Chào mừng bạn đến với website Phòng GD&ĐT quận Hồng Bàng Thứ năm, 29/7/2021, "
    ...         "16:18 Giải quyết các thủ tục hành chính. " + "Quy trình áp dụng. " * 40)
    >>> [page[x.start:x.end] for x in _flat_welcome_head(page, len(page))]
    ['Chào mừng bạn đến với website Phòng GD&ĐT quận Hồng Bàng']
    """
    start = _LEADING_BLANKS.match(text).end()
    if text[start:start + 9].casefold() != "chào mừng":
        return []  # one slice on most pages
    dated = _FLAT_WELCOME_DATELINE.search(text, start, line_end)
    if dated is None:
        return []
    if _line_entries("nav_welcome.txt").fullmatch(text[start:dated.start()]) is None:
        return []
    return [Label(start, dated.start(), KIND, "nav.welcome")]


_LEADING_BLANKS = re.compile(r"\s*")
#: The page's dateline after a flattened welcome banner: a date with its year, maybe after a
#: weekday and a time (``Thứ năm, 29/7/2021``, ``16:18 29/07/2021``), after a blank.
_FLAT_WELCOME_DATELINE = regex.compile(
    rf"(?<=\S)(?=[ \t]++(?:{WEEKDAY_PATTERN}[ \t]*+,?+[ \t]*+)?+"
    r"(?:\d{1,2}:\d{2}[ \t,]++)?+\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?!\d))")


def _inline_settled(text: str) -> tuple[list[Label], dict[int, str]]:
    """:func:`_inline_spans`, then looked for again in what they leave of their line, as a
    second pass would (a tag gone may join ``Đang cập nhật`` placeholders), until a round
    finds nothing new (:func:`~vnclean.blocks.settle_inline`). Also what they leave of each
    line they touch, by its start."""
    labels = _inline_spans(text)
    if not labels:
        return labels, {}
    return settle_inline(text, labels, _inline_spans, list, _SETTLE_ROUNDS)


def _read_residues(page: _Page, text: str, inline: list[Label], lefts: dict[int, str],
                   cfg: _Settings) -> _Page:
    """``page`` with each line that ``inline`` covers in part shaped as what it leaves of the
    line (``lefts``, by the line's start; as a second pass shapes it: a tag glued before
    ``Đăng nhập`` hides a login line), and each line it empties left out."""
    starts = page.starts
    # A span opens with a non-space: inside a stripped line.
    touched = {bisect.bisect_right(starts, label.start) - 1 for label in inline} - {-1}
    gone = set()
    for k in sorted(touched):
        sub = _page_of(lefts[text.rfind("\n", 0, starts[k]) + 1], cfg)
        if not sub.starts:
            gone.add(k)
            continue
        page.texts[k], page.words[k] = sub.texts[0], sub.words[0]
        page.shapes[k], page.sections[k] = sub.shapes[0], sub.sections[0]
    if gone:
        page = page.keep([k for k in range(len(starts)) if k not in gone])
    return page


# --------------------------------------------------------------------------- the cleaner


def _line_labels(page: _Page, codes: str, cfg: _Settings) -> list[_Span]:
    """Labels of whole lines (see :func:`_page_labels`), settled: when title copies,
    repeats or section labels go, the rules run again over the lines left, as a second
    cleaning would, until they take no more. They can: a repeated lead gone may leave
    short lines no longer between paragraphs (a menu), and a headline left above the
    title becomes the title (and its repeats go)."""
    found, early, gone, title = _page_labels(page, codes, cfg)
    labels = found
    for _ in range(_SETTLE_ROUNDS):
        if early == len(found):
            break  # menus and cues alone: they leave prose next to prose
        late = [start for start, _, _ in found[early:]]
        gone.update(late)
        first = next((k for k, start in enumerate(page.starts) if start not in gone), None)
        if first is None:
            break
        first = next((k for k in range(first, len(page))
                      if page.starts[k] not in gone and _may_head(page, k, cfg)), first)
        # A second pass finds no cue left and takes the first candidate for the title. With the
        # same title it finds the same lead, and the late rules take no more; then only a
        # run next to a line taken can change (and be a menu).
        new_title = first != title and _title_shaped(page, first, cfg)
        # (a copy of the title left can go once a repeat next to it went: it may stand last)
        rerun = new_title or _title_copy_left(page, title, gone)
        if not rerun and not _next_to_a_run(page.starts, codes, gone, late):
            break
        kept = [k for k, start in enumerate(page.starts) if start not in gone]
        page, codes = page.keep(kept), "".join([codes[k] for k in kept])
        if not rerun and not _run_labels(page, codes, cfg):
            break
        found, early, gone, title = _page_labels(page, codes, cfg)
        labels = labels + found
    return labels


def _title_copy_left(page: _Page, title: int | None, gone: set[int]) -> bool:
    """Is a copy of the title line (the same words, any case) among the lines kept? The
    late rules may take it once a line next to it went (a repeated lead gone leaves the
    copy the page's last line), so the rules run again."""
    if title is None:
        return False
    key = page.texts[title].casefold()
    return any(page.texts[k].casefold() == key for k in range(len(page))
               if k != title and page.starts[k] not in gone)


_SETTLE_ROUNDS = 3
#: Rules that can take a line out from between others without taking its whole run.
_LATE_RULES = frozenset(("nav.repeated_title", "nav.repeated_lead", "nav.section_label",
                         "nav.site_name", "nav.site_menu"))
_BREAKER_CODES = _CODE[PROSE] + _CODE[TITLE]
_A_BREAKER = re.compile(f"[{_BREAKER_CODES}]")  # a paragraph or headline among the codes


@functools.cache
def _forum_profile_words() -> tuple[frozenset[str], frozenset[str]]:
    """The statistics' labels and the member ranks of ``nav_forum_profile.txt`` (lookup keys)."""
    entries = tab_entries("nav_forum_profile.txt")
    return (frozenset(lookup_key(v) for tag, v in entries if tag == "label"),
            frozenset(lookup_key(v) for tag, v in entries if tag == "rank"))


#: A member statistic's value: a count or a date (``26``, ``18,524``, ``10/09/2006``, ``0Xu``).
_PROFILE_VALUE = regex.compile(r"\d[\d.,/:-]*+[ \t]?+\p{L}{0,4}+")
#: The post's number and the member's name above a member box: ``1. dungle55``, ``#3 Lan``.
_POST_NUMBER = regex.compile(r"(?:\d{1,4}\.|#\d{1,6})[ \t]++(?P<name>\S.{0,40}+)")


def _forum_profile_labels(page: _Page) -> list[_Span]:
    """``nav.forum_profile``: a forum post's member box as a text pass prints it, two or more
    statistics in a row, each label alone on its line with its colon (``Tham gia ngày:``,
    ``Bài viết:``, ``Được thích:``: ``nav_forum_profile.txt``) and its value, a count or a
    date, on the line below; with the member's rank lines right above them (``Thành viên
    vàng``, ``dungle55 Thành viên mới``: a rank alone or after the name) and the post's
    number and name above those (``1. dungle55``). A story's label line is followed by a
    sentence, not a bare number."""
    texts, n = page.texts, len(page)
    if _LABEL_OVER_NUMBER.search(page.source) is None:
        return []  # (no line ending in a colon over a number: no member box)
    labels_, ranks = _forum_profile_words()
    spans: list[_Span] = []
    k = 0
    while k + 1 < n:
        if texts[k][-1] != ":":
            k += 1
            continue
        pairs = 0
        m = k
        while (m + 1 < n and texts[m].rstrip().endswith(":")
               and lookup_key(texts[m]) in labels_
               and _PROFILE_VALUE.fullmatch(texts[m + 1].strip())):
            pairs += 1
            m += 2
        if pairs < 2:
            k += 1
            continue
        top = k
        name = None
        while top > 0 and top > k - 3:
            line = lookup_key(texts[top - 1])
            rank = max((r for r in ranks if line == r or line.endswith(" " + r)), key=len,
                       default=None)  # (the longest: "new member", not "member")
            if rank is None:
                break
            top -= 1
            name = name or line[:len(line) - len(rank)].strip() or None
        number = _POST_NUMBER.fullmatch(texts[top - 1].strip()) if top > 0 and name else None
        if number is not None and lookup_key(number["name"]) == name:
            top -= 1
        spans.extend((page.starts[x], page.ends[x], "nav.forum_profile") for x in range(top, m))
        k = m
    return spans


#: A line ending in a colon right over a line opening with a digit: a member box's gate.
_LABEL_OVER_NUMBER = re.compile(r":[ \t]*\n[ \t]*\d")


def _next_to_a_run(starts: list[int], codes: str, gone: set[int], late: list[int]) -> bool:
    """Is a line that a late rule took (starts in ``late``) next to a run once the lines
    taken go (starts in ``gone``)? Only such a run can be a menu it was not: runs and cue
    lines that go leave what is left of their run between the same lines, with fewer
    items."""
    for start in late:
        k = bisect.bisect_left(starts, start)
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(starts) and starts[j] in gone:
                j += step
            if 0 <= j < len(starts) and codes[j] not in _BREAKER_CODES:
                return True
    return False


def _page_labels(page: _Page, codes: str, cfg: _Settings
                 ) -> tuple[list[_Span], int, set[int], int | None]:
    """Labels of whole lines: menus and cues, then template copies and repeats of the
    title and lead, section labels; the title kept is never labelled. Also how many of
    the labels come first from menus and cues (the rest are the late rules'), the
    starts of those and of the title copies (a set the caller may add to), and the index
    of the title when the title scan settled on it (``None`` otherwise, see
    :func:`_strip_title_copies`)."""
    labels = _run_labels(page, codes, cfg)
    starts, ends, shapes = page.starts, page.ends, page.shapes
    cues = [m.start() for m in _CUE.finditer(codes)]
    labels.extend((starts[k], ends[k], CUE_RULES[shapes[k]]) for k in cues
                  if (shapes[k] != KEYWORDS or not _keywords_in_story(page, k, cfg))
                  and not _printed_contents(page, k, k + 1))
    labels.extend(_contents_labels(page, cues))
    labels.extend(_forum_profile_labels(page))
    labels.extend(_tag_list_labels(page, cues, labels))
    labels.extend(_sibling_title_labels(page, cues, labels))
    early = len(labels)
    chrome = {label[0] for label in labels}
    title, settled = _strip_title_copies(page, labels, chrome, cfg)
    if title is not None:
        lead = _find_lead(page, title, chrome, cfg)
        labels.extend(_repeat_labels(page, title, lead, chrome, cfg))
        labels.extend(_section_label_labels(page, title, lead, chrome, cfg))
        labels.extend(_masthead_label(page, title, chrome))
        kept = starts[title]  # the title stays
        if kept in chrome:  # a copy inside a menu run was kept as the title
            labels = [lab for lab in labels if lab[0] != kept]
            early = sum(1 for lab in labels if lab[2] not in _LATE_RULES)
            chrome.discard(kept)
        elif len(labels) > early:
            labels[early:] = [lab for lab in labels[early:] if lab[0] != kept]
    else:
        labels.extend(_untitled_lead_copies(page, chrome, cfg))
    labels.extend(_tail_section_labels(page, chrome | {label[0] for label in labels}, cfg))
    return labels, early, chrome, title if settled else None


def _tail_section_labels(page: _Page, gone: set[int], cfg: _Settings) -> list[_Span]:
    """``nav.section_label`` at the page's end: section names alone on the lines after the
    story's last paragraph (or a line too long for chrome: its sign-off may still be glued
    on), in a tail of at most ``tail_max_lines`` short lines that are all datelines,
    keywords or items of a few words, lines labelled already (starts in ``gone``) passed
    over and not counted: an aggregator's footer, ``26/05/13 20:44 GMT+7`` /
    **``Pháp luật``** / ``Cà phê,Thi thể,Vườn`` / ``NLĐ``. Not when a line of the tail or
    the paragraph above it ends with ``:`` (a list the story introduces)."""
    k = len(page) - 1
    tail: list[int] = []  # the tail's lines no rule took, last first
    credit = False  # a photo credit passed over: its caption line above may be passed too
    while k >= 0:
        if page.starts[k] not in gone:
            if _is_credit_line(page.texts[k]):
                credit = True  # strip_captions takes it after this step: not counted
            elif (credit and page.texts[k].endswith(tuple(_STOPS))
                  and not _is_paragraph(page, k, cfg)
                  and len(page.texts[k]) <= _CAPTION_ABOVE_MAX_CHARS):
                credit = False  # the credit's caption sentence
            elif len(tail) == cfg.tail_max_lines or not _tail_line(page, k, cfg):
                break
            else:
                tail.append(k)
        k -= 1
    if (k < 0 or not tail
            or not (_is_paragraph(page, k, cfg) or len(page.texts[k]) > 2 * cfg.max_item_chars)
            or any(page.texts[j].endswith(":") for j in (k, *tail))):
        return []
    return [(page.starts[j], page.ends[j], "nav.section_label") for j in reversed(tail)
            if _is_section_label(page, j, cfg)]


#: A photo credit alone on its line (``Ảnh: Mạnh Quân``: a head of
#: ``captions_credit_heads.txt``, its colon, a short name), which strip_captions removes
#: after this step; and the longest caption line it takes above such a credit.
_CREDIT_LINE = compile_named(r"(?:%s)[ \t]*+:[ \t]*+\S[^\n]{0,%d}" % (
    named_list(word_list("captions_credit_heads.txt")),
    json_data("captions.json")["credit_line_max_chars"]))
_CAPTION_ABOVE_MAX_CHARS = json_data("captions.json")["caption_line_above_max_chars"]


def _is_credit_line(text: str) -> bool:
    """``text`` (a stripped line) is a photo credit alone: ``Ảnh: Mạnh Quân``.

    >>> _is_credit_line("Ảnh: Mạnh Quân"), _is_credit_line("Ảnh hưởng của bão số 3")
    (True, False)
    """
    return _CREDIT_LINE.fullmatch(text) is not None


def _tail_line(page: _Page, k: int, cfg: _Settings) -> bool:
    """A line an aggregator's footer may hold: a dateline, keywords, or an item of at most
    ``section_label_max_words`` words (a section's or a paper's name)."""
    shape = page.shapes[k]
    return (shape in _DATELINE_SHAPES or shape == KEYWORDS
            or shape == ITEM and _word_count(page, k) <= cfg.section_label_max_words)


def _contents_labels(page: _Page, cues: list[int]) -> list[_Span]:
    """``nav.table_of_contents``: the entries under an article's table of contents
    (``Nội dung bài viết``, ``Mục lục``: ``nav_contents_headings.txt``, a widget heading
    itself), the run of lines right under it that each stand again, whole, further down
    (the subheadings they link to, which stay). Two entries at least."""
    heads = [k for k in cues if page.shapes[k] == HEADING
             and lookup_key(page.texts[k]) in lookup_set("nav_contents_headings.txt")]
    if not heads:
        return []
    texts = page.texts
    last_seen = {text: k for k, text in enumerate(texts)}  # each line's last index
    spans: list[_Span] = []
    for head in heads:
        end = head + 1
        while end < len(texts) and last_seen[texts[end]] > end and len(texts[end]) <= 120:
            end += 1
        if end - head > 2:
            spans.extend((page.starts[k], page.ends[k], "nav.table_of_contents")
                         for k in range(head + 1, end))
    return spans


def _tag_list_labels(page: _Page, cues: list[int], labels: list[_Span]) -> list[_Span]:
    """``nav.keywords``: the page's topic links on the line under a tag label alone on its
    line (``Tags:`` / ``thu phí ùn tắc giao thông Hà Nội``): a label of
    ``nav_inline_tags.txt`` with its colon (not ``Chủ đề:``, which heads a story's theme),
    then one line shaped as an item or headline (no sentence end), not labelled yet."""
    texts = page.texts
    heads = [k for k in cues if page.shapes[k] == HEADING and texts[k].endswith(":")
             and lookup_key(texts[k]) in lookup_set("nav_inline_tags.txt")]
    return _headlines_under(page, heads, labels, "nav.keywords")


def _sibling_title_labels(page: _Page, cues: list[int], labels: list[_Span]) -> list[_Span]:
    """``nav.jump_link``: the linked article's title on the line under a link to the
    previous or next article alone on its line (``Bài trước`` / ``Hà Nội ngập sâu sau trận
    mưa lớn``, a blog theme's post navigation): one line shaped as an item or headline
    (no sentence end), not labelled yet."""
    heads = [k for k in cues if page.shapes[k] == JUMP
             and lookup_key(page.texts[k]) in _sibling_words()]
    return _headlines_under(page, heads, labels, "nav.jump_link")


def _headlines_under(page: _Page, heads: list[int], labels: list[_Span],
                     rule: str) -> list[_Span]:
    """``rule`` on the line right under each of the ``heads`` when it is shaped as an item
    or headline (no sentence end) and not labelled yet (its start in none of ``labels``)."""
    heads = [k for k in heads if k + 1 < len(page) and page.shapes[k + 1] in _HEADLINE_SHAPES]
    if not heads:
        return []
    taken = {label[0] for label in labels}
    return [(page.starts[k + 1], page.ends[k + 1], rule) for k in heads
            if page.starts[k + 1] not in taken]


@functools.cache
def _sibling_words() -> frozenset[str]:
    """The words of a link to the previous or next article (``nav_pagination.txt``'s
    ``sibling`` forms: ``bài trước``, ``bài tiếp theo``), as lookup keys."""
    return frozenset(map(lookup_key, _pagination_forms("sibling")))


def _no_line_labels(page: _Page, codes: str, cfg: _Settings) -> bool:
    """The gate: True when no line can be labelled, known from the shapes alone.

    A menu run needs two items or cues, a section label an item, a cue label a cue; without
    any, nothing is chrome, so the title is the first line (past datelines, which
    strip_bylines takes: ``Thứ Năm, 12 tháng 1, 2012``), and copies and repeats of it
    (and of the lead) need it to be shaped like a headline; or, when the first line is a
    paragraph, a copy of it further down (:func:`_untitled_lead_copies`).
    """
    if _ITEM_OR_CUE.search(codes):
        return False
    first = len(codes) - len(codes.lstrip(_DATELINE_CODES))  # datelines above are bylines'
    if codes[first:first + 1] == _CODE[TITLE]:
        return not _title_shaped(page, first, cfg)
    return codes[first:first + 1] != _CODE[PROSE] or not _untitled_lead_copies(page, set(), cfg)


def _line_spans(text: str, cfg: _Settings, gate: bool, inline: list[Label],
                lefts: dict[int, str]) -> list[_Span]:
    """Spans of whole lines (see :func:`_line_labels`), the lines that ``inline`` covers in
    part read as what it leaves of them (``lefts``, see :func:`_read_residues`), behind two
    gates when ``gate``: nothing but white space, or one line too long for a cue or a
    breadcrumb (a flattened article), has none; a page the shapes rule out
    (:func:`_no_line_labels`) has none."""
    longest = 6 * cfg.max_item_chars  # the longest line that may be a breadcrumb
    if gate and len(text) > longest:
        body = text.strip(_SPACE_NL)
        if not body:
            return []
        if len(body) > longest and "\n" not in body and (not inline or len(residue(
                text, 0, len(text), inline).text.strip(_SPACE_NL)) > longest):
            return []  # one line too long for chrome, even once inline chrome is gone
    page = _page_of(text, cfg)
    if inline and page.starts:
        page = _read_residues(page, text, inline, lefts, cfg)
    if not page.starts:
        return []
    codes = _codes(page, cfg)
    if gate and _no_line_labels(page, codes, cfg):
        return []
    return _line_labels(page, codes, cfg)


def _classify(text: str, *, gate: bool = True) -> list[Label]:
    """Labels of ``text``; ``gate=False`` runs every rule on every page (for the tests)."""
    cfg = _settings()
    inline, lefts = _inline_settled(text)
    spans = _line_spans(text, cfg, gate, inline, lefts)
    if inline:
        spans.extend((label.start, label.end, label.rule) for label in inline)
        spans.sort(key=_start_then_longest)
    else:  # whole-line spans with the same start have the same end
        spans.sort(key=_START)
    labels = _finished(text, spans)
    header = field_header_labels(text)
    return _with_header(header, labels) if header else labels


def _with_header(header: list[Label], labels: list[Label]) -> list[Label]:
    """``labels`` with a key-value dump's ``header`` labels in front; the labels it overlaps
    dropped (the header's lines are the dump's, whatever else they look like)."""
    header_end = header[-1].end
    return header + [label for label in labels if label.start >= header_end]


def _classify_ungated(text: str) -> list[Label]:
    """:meth:`StripNavMenus.classify` without the gate (the tests check they agree)."""
    return _classify(text, gate=False)


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
        return _classify(text)


def _finished(text: str, spans: list[_Span]) -> list[Label]:
    """The labels of ``spans`` (sorted by start, longest first, stably): one per span
    (the first rule that claimed it), overlaps dropped;
    spans of the same rule that only blank lines separate joined, so a menu goes whole and
    leaves no stack of empty lines behind."""
    labels: list[Label] = []
    last_end = -1
    run_start = run_end = -1
    run_rule = ""
    for start, end, rule in spans:
        if start < last_end:
            continue
        last_end = end
        if rule == run_rule and not text[run_end:start].strip():
            run_end = end
            continue
        if run_rule:
            labels.append(Label(run_start, run_end, KIND, run_rule))
        run_start, run_end, run_rule = start, end, rule
    if run_rule:
        labels.append(Label(run_start, run_end, KIND, run_rule))
    return labels


def _start_then_longest(span: _Span) -> tuple[int, int]:
    return span[0], -span[1]


strip_nav_menus = StripNavMenus()
