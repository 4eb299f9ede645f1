"""Remove links to other articles: ``Tin liên quan`` blocks, ``>>`` lines, related titles and teasers.

Classify, then delete. The context-free pass gives every line a class (related heading,
``>>``/``Xem thêm:`` line, dated title, headline-like, filler such as ``(26/12)`` or
``icon``, sentence, ...) from one combined MULTILINE regex plus cheap shape features; it also
finds inline ``>>`` links and the teaser glued before a ``Nguồn: [Link nguồn]`` end mark.
The neighbour pass turns the lines after a heading into a block (headlines, their dates, and
after a strong heading their teasers) and takes runs of three or more headline-like lines
(two when the scraper indented them deeper than the page's own margin) even without a heading.

What it never removes: prose that says ``xem thêm``, a single headline-like line (the
article's own title or a subheading), a paragraph that is not in a related block.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from itertools import chain, pairwise, repeat
from operator import add, attrgetter
from typing import ClassVar, NamedTuple

import regex

from ._data import (LazyPattern, alternation, compile_named, json_data, named_list, tab_entries,
                    trie, word_list)
from .blocks import (
    FLAT_LINE_MIN_CHARS,
    LAST_NON_BLANK,
    TABLE_NUMBER_CELL,
    BoilerplateCleaner,
    Label,
    LineIndex,
    casefold_sources,
    expand_forms,
    join_line_labels,
    last_non_space_end,
    line_end,
    line_opening,
    line_openings,
    literal_places,
    merge_labels,
    residue,
    settle_inline,
)
from .bylines import agency_names, strip_bylines
from .dates import find_date, find_zone
from .promos import is_widget_row, strip_promos

__all__ = ["StripRelatedLinks", "strip_related_links"]

_T = json_data("related_thresholds.json")
_F = regex.IGNORECASE | regex.MULTILINE | regex.VERSION1
_CREDIT_HEADS_TEXT = named_list(word_list("captions_credit_heads.txt"))
#: The words crediting a story's source (``related_source_credits.txt``: ``Theo``,
#: ``Nguồn``), and such a credit: the word, maybe a colon, a capitalised name.
_SOURCE_WORDS = named_list(word_list("related_source_credits.txt"))
_CREDITED_SOURCE = r"(?:%s)[ \t]*:?[ \t]+\p{Lu}[^\n.!?:]{0,60}" % _SOURCE_WORDS
#: The same credit in brackets filling a line: "(Theo Cổng TTĐT Chính phủ)", "(Nguồn: VOV)".
_BRACKETED_SOURCE_LINE = compile_named(
    r"\((?:%s)[ \t]*:?[ \t]+\p{Lu}[^\n()]{0,60}\)" % _SOURCE_WORDS, regex.V1)


def _headings(strength: str) -> tuple[str, ...]:
    return expand_forms(value for tag, value in tab_entries("related_headings.txt")
                        if tag == strength)


_DATE_TAIL = (r"[ \t]*[(\[][ \t]?\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?"
              r"(?:[ \t]?[-,][ \t]?\d{1,2}[:h]\d{2})?[ \t]?[)\]]")

# The context-free pass walks the non-blank lines one C-level finditer yields, with cheap
# length and end-character tests first; the compiled patterns below only ever see the few
# lines those tests let through (a regex over the whole page is slower on one-paragraph-a-line text).
_HEADING_TRIM = " \t:.!›»>"  # (a heading may shout: "Có thể bạn quan tâm!")
_STRONG = frozenset(h.casefold() for h in _headings("strong"))
_WEAK = frozenset(h.casefold() for h in _headings("weak"))
_HEADING_MAX = max(map(len, _STRONG | _WEAK)) + 4
# A list bullet may stand before a prefix ("* Đọc thêm: ...", "- Xem thêm: ...").
_PREFIXED = LazyPattern(r"(?:[*•+–-][ \t\xa0]*)?(?:%s)[ \t\xa0]*[^\s]" % "|".join(
    word_list("related_prefixes.txt")), _F)
_PREFIX_BULLETS = frozenset("*•+–-")
_PREFIX_FIRST = frozenset(">»►xđtbmck")  # first letters (casefolded) of the prefixes above
# The characters whose casefold is one of them: ``c in _PREFIX_WORD_OPENERS`` is
# ``c.casefold() in _PREFIX_FIRST`` without the casefold.
_PREFIX_WORD_OPENERS = _PREFIX_FIRST | frozenset(
    casefold_sources(lambda folded: folded in _PREFIX_FIRST))
_PREFIX_OPENERS = _PREFIX_WORD_OPENERS | _PREFIX_BULLETS
_ARROW_ALONE = frozenset((">>", ">>>", "»", "►"))
# Every prefix opened by a letter ends with one of these marks ("Xem thêm:", "Tin liên quan
# >"): a line holding none is no prefixed line, found by one C-level scan (tests check the
# prefixes).
_PREFIX_MARK = re.compile("[:>»-]")


def _prefixed(s: str) -> bool:
    """``_PREFIXED.match(s)``, with cheap tests first: after a bullet, a prefix's first
    letter; the prefixes' marks somewhere."""
    if s[0] in _PREFIX_BULLETS:
        rest = s[1:].lstrip(" \t\xa0")
        if not rest or rest[0] not in _PREFIX_WORD_OPENERS:
            return False
    return ((s[0] in ">»►" or _PREFIX_MARK.search(s) is not None)
            and _PREFIXED.match(s) is not None)
_DATED = LazyPattern(r"%s\Z" % _DATE_TAIL, _F)
_DATED_TAIL_MAX = 32  # longest date tail after its leading spaces: "(26/12/2024 - 10:30)"
_DATED_LEAD = regex.compile(r"[-•+*]?[ \t]*", _F)
_FILLER = regex.compile(r"(?:%s)" % "|".join(word_list("related_fillers.txt")), _F)
_RELATIVE_TIME = re.compile(r"\d[ \t]?(?:giây|phút|giờ|ngày|tuần|tháng) trước")
_CARD_TIME = regex.compile(r"[^\W\d][\w.&]{0,15}+(?:[ \t][\w.&]{1,15}+){0,3}+[ \t]?+[-–•·|][ \t]?+"
                           r"\d{1,3}+[ \t]?+(?:giây|phút|giờ|ngày|tuần|tháng) trước", regex.V1)
_FILLER_MAX = 24
_CARD_TIME_MAX = 48  # "Người Lao Động - 12 giờ trước"
_HEADING_KEYS = _STRONG | _WEAK
# The characters of the Latin blocks Vietnamese is written in (Basic Latin to Latin
# Extended-B, and Latin Extended Additional).
_VIETNAMESE_LATIN = tuple(map(chr, (*range(0x250), *range(0x1E00, 0x1F00))))
# No filler opens with a quote or a letter of those blocks but i and n (``icon``, ``Ngày``;
# ``İ`` and ``ı`` stay too, for their case folds).
_NOT_FILLER_FIRST = frozenset("\"“'") | frozenset(
    c for c in _VIETNAMESE_LATIN if c.isalpha() and c not in "INinİı")


def _is_filler(s: str) -> bool:
    """A filler (``s`` stripped): one of ``related_fillers.txt``, or an aggregator card's
    source and time ("VnExpress - 3 giờ trước"). Cheap gates first: the fillers are short
    and open with none of ``_NOT_FILLER_FIRST``; a card's time ends with ``trước``."""
    n = len(s)
    if n <= _FILLER_MAX and s[0] not in _NOT_FILLER_FIRST and _FILLER.fullmatch(s):
        return True
    return n <= _CARD_TIME_MAX and s.endswith("trước") and _CARD_TIME.fullmatch(s) is not None


# A cue class makes the document worth the neighbour pass even without a run of headlines.
_CUES = frozenset(("strong", "weak", "prefixed", "arrow_alone", "dated", "stamped"))

# A ">>" link runs to its sentence's end, its line's end, the next ">>" link, or a story
# sentence glued after the headline (a lower-case word, a number, a closing quote or
# bracket, then an opener that never stands capitalised inside a sentence-case headline:
# "... giảm nhẹ Theo Hiệp hội ...", "... năm 2024 Theo báo cáo ..."): a long
# link that only reaches the next one's end is not a link. A cue before the arrow on its
# line ("Xem thêm >> ...") goes with it. A headline opens with no lower-case letter: "Dấu
# >>> thường được dùng ..." names the mark in a sentence.
_ARROW_OPENS = r"(?<=[^\n>][ \t]{0,3})>>>?+[ \t\xa0]{0,2}(?=(?-i:[^\s>\p{Ll}]))"
_GLUED_OPENER = r"(?-i:(?<=[\p{Ll}\d)\"”’])(?=[ \t](?:%s)[ \t,]))" % named_list(
    word_list("related_sentence_openers.txt"))
_INLINE_ARROW = LazyPattern(r"%s[^\n]{1,200}?(?:[.!?](?=[ \t]|$)|$|(?=%s)|%s)" % (
    _ARROW_OPENS, _ARROW_OPENS, _GLUED_OPENER), _F)
# A link that runs to a period swallowed the story sentence glued after its unpunctuated
# headline when a lower-case word (or a number) is followed by a capitalised one and a
# sentence of six words or more is left: the link ends at the first such turn. A proper
# noun inside the headline may cut it short (a piece of it stays); story never goes.
_GLUED_SENTENCE = regex.compile(
    r"(?-i:(?<=\S[ \t]\S+[ \t]\S*[\p{Ll}\d])[ \t](?=\p{Lu}\S*(?:[ \t]+\S+){5}))", _F)
_WORD_BEFORE = regex.compile(r"\S+\Z")
_NAME_BEFORE = regex.compile(r"(?-i:(?<![^ \t>])(?:\p{Lu}\S*[ \t]+)*\p{Lu}\S*\Z)", _F)
_ARROW_CUES = word_list("related_arrow_cues.txt")
_ARROW_CUE_BEFORE = LazyPattern(r"(?:%s)[ \t]*+:?+[ \t]*+\Z" % named_list(_ARROW_CUES), _F)
_ARROW_CUE_REACH = max(map(len, _ARROW_CUES)) + 6
_ANCHOR = regex.compile("|".join(word_list("related_teaser_anchors.txt")), _F)
_ANCHOR_GATE = "["  # every end mark names its link in brackets (tests check each entry)
_SENTENCE_START = regex.compile(r"(?<=[.!?…:\"”’)][ \t]{1,3})(?=[(\"“‘'\p{Lu}\d])", regex.VERSION1)
_TITLE_PAIR = regex.compile(r"\A[ \t]*(\p{Lu}[^\n/]{15,200}?) / (\p{Lu}[^\n/]{15,200}?)[ \t]*$",
                            regex.VERSION1 | regex.MULTILINE)
# A headline opens with a capital or a digit, or with a brand written in camel case (iPad, eBay),
# maybe after a bracketed media tag a list of other articles prints before it ("[Ảnh] ",
# "[Infographic] ", "[Video] ").
_HEADLINE_START = regex.compile(
    r"(?:\[[^\]\n]{1,20}\][ \t]?)?[\"“‘'(]?(?:[\p{Lu}\d]|\p{Ll}{1,2}\p{Lu})")
# First characters that _HEADLINE_START surely matches at: an ASCII digit or an upper-case
# letter of the Latin blocks Vietnamese is written in (a set lookup before the pattern).
_HEADLINE_OPENERS = frozenset("0123456789") | frozenset(
    c for c in _VIETNAMESE_LATIN if unicodedata.category(c) == "Lu")
_BAD_END = ".,;:"
# A "label: value" item, but not a headline filed under a place or topic ("TP HCM: Hơn
# 3.000 vé xe miễn phí đưa công nhân về quê") or quoting a speaker ("Tiến Linh: "Tôi chưa
# có phong độ tốt nhất""): a capitalised value of five words or more, maybe in quotes.
_LABEL_VALUE = r"(?:\w+[ \t]){0,2}\w+[ \t]*:[ \t](?![\"“]?\p{Lu}\S*+(?:[ \t]++\S++){4})"
# Not a headline: a caption credit, a "label: value" list item, two sentences in one line.
# Each needs a character the others do not (":", ";", a sentence end), so the patterns only
# run on lines holding that character; the three colon shapes are three patterns (one
# alternation of them costs the regex module more than the three searches).
_NOT_HEADLINE_CREDIT = regex.compile(r"(?:Ảnh|Video|Clip|Nguồn|Đồ họa|Photo)[ \t]*:", _F)
_NOT_HEADLINE_LABEL = regex.compile(r"^%s" % _LABEL_VALUE, _F)  # a "label: value" item
# a dateline: a clock time next to a whole date ("22-11-2026 - 09:15 AM | Đời sống")
_NOT_HEADLINE_DATELINE = regex.compile(
    r"\d{1,2}[/-]\d{1,2}[/-]\d{2,4}[^\n\d]{0,12}\d{1,2}:\d\d"
    r"|\d{1,2}:\d\d[^\n\d]{0,12}\d{1,2}[/-]\d{1,2}[/-]\d{2,4}", _F)
# Two labelled fields in a row ("Tác giả: Minh Anh | Ngày đăng: 23/11/2024"): an info line.
_NOT_HEADLINE_FIELDS = LazyPattern(
    r"(?:\w+[ \t]){0,2}\w+[ \t]*:[^\n|]*\|[ \t]*(?:\w+[ \t]){0,2}\w+[ \t]*:", _F)
_NOT_HEADLINE_SENTENCES = regex.compile(r"\w[.!?][\"”’]?[ \t]+[\"“]?\p{Lu}", _F)
#: A person's title written short, its period no sentence end (``GS. Trần Văn Thọ: ...``,
#: ``'Mr. Bean' tái xuất``): the one-word titles of ``bylines_titles.txt`` and the
#: capitalised words of ``abbreviations.txt``, with their period.
_TITLE_ABBREVIATIONS = sorted({t if t.endswith(".") else t + "." for t in (
    *word_list("bylines_titles.txt"), *word_list("abbreviations.txt"))
    if regex.fullmatch(r"\p{Lu}[\w.]{1,9}", t)}, key=len, reverse=True)
_TITLE_BEFORE = regex.compile(r"(?<![\w.])(?:%s)\Z" % "|".join(map(regex.escape,
                                                                  _TITLE_ABBREVIATIONS)))
# What two sentences need between them (a stdlib gate before the pattern above).
_SENTENCE_GAP = re.compile(r"[.!?][\"”’]?[ \t]")


def _colon_not_headline(text: str) -> bool:
    """A caption credit, a ``label: value`` item or a dateline (``text`` holds a colon)."""
    if _NOT_HEADLINE_CREDIT.search(text):
        return True
    label = (_NOT_HEADLINE_LABEL.search(text) if "\n" in text
             else _NOT_HEADLINE_LABEL.match(text))
    if label or "|" in text and _NOT_HEADLINE_FIELDS.match(text):
        return True
    return ("/" in text or "-" in text) and _NOT_HEADLINE_DATELINE.search(text) is not None


def _not_headline(text: str) -> bool:
    """A caption credit, a ``label: value`` item, a dateline, a ``;`` list, two sentences
    in one line, or a source credited in brackets (``(Theo Cổng TTĐT Chính phủ)``: the
    story's sign-off, no title)."""
    if text[0] == "(" and text[-1] == ")" and _BRACKETED_SOURCE_LINE.fullmatch(text):
        return True
    if not (";" in text or ":" in text or "." in text or "!" in text or "?" in text):
        return False  # none of ; : . ! ?
    if ";" in text:
        return True
    if ":" in text and _colon_not_headline(text):
        return True
    return (("." in text or "!" in text or "?" in text) and _SENTENCE_GAP.search(text) is not None
            and _two_sentences(text))


def _two_sentences(text: str) -> bool:
    """``text`` holds a sentence end before another sentence, not a title's period (``GS.
    Trần Văn Thọ: Tôi mong ...`` is one headline).

    >>> _two_sentences("Mưa lớn. Gió to"), _two_sentences("GS. Trần Văn Thọ: Tôi mong VN")
    (True, False)
    >>> _two_sentences("Điệp viên của 'Mr. Bean' tái xuất"), _two_sentences("Gặp Mr. Đàm. Vui")
    (False, True)
    """
    return any(_TITLE_BEFORE.search(text, 0, m.start() + 2) is None
               for m in _NOT_HEADLINE_SENTENCES.finditer(text))


_SIGN_OFF = regex.compile(r"\p{Lu}\p{Ll}*(?:[ \t]\p{Lu}\p{Ll}*){1,3}", regex.VERSION1)
#: A sign-off ending a story: a name as written or in upper case (``NGỌC PHÚ``).
_END_SIGN_OFF = regex.compile(
    r"\p{Lu}\p{Ll}*(?:[ \t]\p{Lu}\p{Ll}*){1,3}|\p{Lu}+(?:[ \t]\p{Lu}+){1,3}", regex.VERSION1)


def _one_sentence(text: str) -> bool:
    """True for a teaser of one sentence that ends like one (``...`` not needed)."""
    return (len(text) <= _T["pair_teaser_max_chars"] and text[-1] in ".!?…"
            and not _two_sentences(text))


_TRUNCATED = ("...", "…")
_TEASER_MAX = _T["teaser_max_chars"]
_HEADLINE_MAX_CHARS = _T["headline_max_chars"]
# Word counts (runs of stdlib ``\w``) checked against their bounds: at most a short line's,
# or within a headline's range.
_FEW_WORDS = re.compile(r"\W*+(?:\w++\W*+){0,%d}+" % _T["short_line_max_words"])
_HEADLINE_WORDS = re.compile(r"\W*+(?:\w++\W*+){%d,%d}+" % (
    _T["headline_min_words"], _T["headline_max_words"]))


class _Line(NamedTuple):
    """A non-blank line and its class from the context-free pass."""

    start: int
    end: int
    text: str
    cls: str
    indented: bool


# A time stamp after a headline in a list of other articles ("... mỗi lượng - 2 giờ trước",
# "... | 12/03/2024", "... 12/03/2024 10:30"), or before it ("10:30 Giá vàng ..."): a bare
# date needs a separator or a clock time next to it ("Giá vàng hôm nay 12/3/2024" is a title).
_STAMP_DATE = r"\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?"
_STAMP_CLOCK = r"\d{1,2}[:h]\d{2}(?:[ \t]?(?:AM|PM))?"
_STAMP_AGO = r"\d{1,3}[ \t]?(?:giây|phút|giờ|ngày|tuần|tháng) trước"
_STAMP_BOTH = r"(?:%s[ \t,-]{1,3}%s|%s[ \t,-]{1,3}%s)" % (
    _STAMP_DATE, _STAMP_CLOCK, _STAMP_CLOCK, _STAMP_DATE)
# A separator with a space before it (" - ", " | "; "|" and "•" also glued), or spaces before
# a date with its clock time or a relative time. (stdlib re: several times faster here.)
_STAMP_TAIL = LazyPattern(
    r"(?:[ \t]+[-–|•·][ \t]*(?:%s|%s|%s|%s)|[ \t]*[|•·][ \t]*(?:%s|%s)|[ \t]+(?:%s|%s))\Z" % (
        _STAMP_BOTH, _STAMP_AGO, _STAMP_DATE, _STAMP_CLOCK, _STAMP_DATE, _STAMP_CLOCK,
        _STAMP_BOTH, _STAMP_AGO), re.IGNORECASE, compile=re.compile)
_STAMP_TAIL_MAX = 32
_STAMP_ENDS = ("trước", "AM", "PM")
# A date or clock ends with a mark and one, two or four digits ("12/3", "12/03/2024",
# "12-03-2024", "10:30", "10h30"); the gates read those marks, no pattern.
_STAMP_MARKS = ("/", ":", "h", "-")
_STAMP_LAST = frozenset("0123456789cM")  # the last characters of _STAMP_TAIL and _STAMP_ENDS
_STAMP_LEAD = re.compile(r"(?:%s|%s)[ \t]*[-–|]?[ \t]*" % (_STAMP_BOTH, _STAMP_CLOCK))
# A bullet before a headline in a list after a related heading ("- Giá vàng tăng mạnh").
_BULLETS = "-–+•*▶→▸◆♦·"
_STAMP_OR_BULLET_FIRST = frozenset("0123456789" + _BULLETS)


_STAMP_NOT_AFTER = frozenset(word_list("related_stamp_not_after.txt"))


def _stamp_in_sentence(head: str) -> bool:
    """True when the stamp after ``head`` belongs to its sentence: a range ("từ 01/3 -
    15/3", "13 - 15/3", "8:00 - 11:30": ``head`` ends with a date, a time or a day) or a time
    the sentence names ("... diễn ra lúc 8:00"; the words of ``related_stamp_not_after.txt``)."""
    last = head.rpartition(" ")[2]
    return last in _STAMP_NOT_AFTER or _RANGE_START.fullmatch(last) is not None


_RANGE_START = re.compile(r"\d{1,2}(?:[/:h-]\d{1,2}(?:[/-]\d{2,4})?)?")


def _stamped(text: str) -> bool:
    """True for a headline with a time stamp after or before it (``_STAMP_TAIL``,
    ``_STAMP_LEAD``). Gates: it ends with a date or a time (a mark and digits), ``AM``,
    ``PM`` or ``trước``, or opens with one (a digit, then a mark)."""
    n = len(text)
    last = text[-1]
    if (last in "cM" and text.endswith(_STAMP_ENDS)
            or last.isdigit() and (text[-2:-1] == "/" or text[-3:-2] in _STAMP_MARKS
                                   or text[-5:-4] in _STAMP_MARKS)):
        m = _STAMP_TAIL.search(text, max(0, n - _STAMP_TAIL_MAX))
        if m is not None:
            head = text[:m.start()].rstrip()
            return _shape(head) == "headline" and not _stamp_in_sentence(head)
    if text[0].isdigit() and (text[1:2] in _STAMP_MARKS or text[2:3] in _STAMP_MARKS):
        m = _STAMP_LEAD.match(text)
        if m is not None and m.end() < n and text[m.end()].isupper():
            return _shape(text[m.end():]) == "headline"
    return False


def _shape(text: str) -> str:
    """Class of a line no cue claimed: headline, stamped or bulleted headline, teaser, short
    or other.

    Cheap tests (length, first and last character) run before the word counts, which are
    bounds checked by one stdlib match each (no list of words is built).
    """
    n = len(text)
    truncated = text.endswith(_TRUNCATED)
    if n <= 40 and _FEW_WORDS.fullmatch(text):
        return "short"
    if "|" in text and TABLE_NUMBER_CELL.search(text):
        return "other"  # a row of a table printed with bars: ``Gỗ và sản phẩm gỗ | 14,8 | 21%``
    first = text[0]
    last = text[-1]
    if (last in _STAMP_LAST and (last != "c" or text.endswith("trước"))
            or first in _STAMP_OR_BULLET_FIRST):
        if _stamped(text):
            return "stamped"
        if first in _BULLETS and n > 2 and _shape(text[1:].lstrip(" \t\xa0")) == "headline":
            return "bulleted"
    if (n <= _HEADLINE_MAX_CHARS and (truncated or text[-1] not in _BAD_END)
            and (first in _HEADLINE_OPENERS or _HEADLINE_START.match(text))
            and _HEADLINE_WORDS.fullmatch(text)
            and not _not_headline(text)):
        return "headline"
    if n <= _TEASER_MAX or truncated:
        return "teaser"
    return "other"


#: A digest's read-more line past the prefixed lines' length: three headlines or more, each
#: closed by its paper's short tag in brackets, joined by dashes (``Mời đọc thêm: Giá xăng
#: tăng (TT). – Chợ hoa mở sớm (VOA). – Mưa lớn ở miền Trung (LĐ).``).
_TAGGED_ITEM = r"[^()\n]{8,%d}\([\p{L}\d .&-]{1,%d}\)\.?" % (
    _T["tagged_chain_item_max_chars"], _T["tagged_chain_tag_max_chars"])
_TAGGED_CHAIN = regex.compile(r"[^()\n:]{1,40}:[ \t]*(?:%s[ \t]*[–—-][ \t]*){%d,}%s" % (
    _TAGGED_ITEM, _T["tagged_chain_min_items"] - 1, _TAGGED_ITEM), regex.V1)


def _tagged_chain(s: str) -> bool:
    """``s`` (longer than a prefixed line may be) is a read-more prefix and a chain of
    source-tagged headlines (:data:`_TAGGED_CHAIN`)."""
    return (s[0] in _PREFIX_OPENERS and (s[-1] == ")" or s.endswith(").")) and _prefixed(s)
            and _TAGGED_CHAIN.fullmatch(s) is not None)


def _line_class(s: str) -> str:
    """Context-free class of one stripped, non-blank line."""
    n = len(s)
    if n > 270 and _tagged_chain(s):
        return "prefixed"
    if n > _TEASER_MAX and not s.endswith(_TRUNCATED):
        return "other"
    if n <= _HEADING_MAX:
        key = s.rstrip(_HEADING_TRIM).casefold()
        if key in _STRONG:
            return "strong"
        if key in _WEAK:
            return "weak"
        if s in _ARROW_ALONE:
            return "arrow_alone"
    if s[0] in _PREFIX_OPENERS and n <= 270 and _prefixed(s) and not _runs_on(s):
        return "prefixed"
    if s[-1] in ")]" and n >= 15:
        m = _DATED.search(s, max(0, n - _DATED_TAIL_MAX))
        if m is not None:
            start = len(s[:m.start()].rstrip(" \t"))  # the spaces before the date belong to it
        if m is not None and start - _DATED_LEAD.match(s).end() >= 10 and start <= 205:
            return "dated"
    if _is_filler(s):
        return "filler"
    return _shape(s)


#: Where one sentence ends and another starts: ``. B``, ``. (Dân trí) - ``.
_SENTENCE_TURN = regex.compile(r"[.!?…][ \t]+[\p{Lu}(\"“]", regex.V1)


def _runs_on(s: str) -> bool:
    """A ``Xem thêm:`` / ``>>`` line that goes on for two sentences or more after its
    headline: story glued after a link on a flattened page (a shorter line once the first
    cleaning took the chrome around it), not a related link's line.

    >>> _runs_on("Xem thêm: Giá vàng tăng mạnh. Giá dầu giảm. Chứng khoán lên.")
    True
    >>> _runs_on("Xem thêm: Giá vàng tăng mạnh. Giá dầu giảm")
    False

    Two sentences that end like a story's (a full stop, not a teaser's ``...``) run on
    too: what is left of such a line once a first cleaning took the chrome after it.

    >>> _runs_on("Xem thêm: Giá vàng tăng mạnh. Giá dầu giảm nhẹ trong phiên sáng nay.")
    True

    So does a line holding the article's end mark ``./.`` once a caption's credit after it
    has gone (``>> Giá vàng tăng. Giá dầu giảm nhẹ./. Thế giới``).
    """
    if ". " not in s:
        return False
    if "./. " in s:  # the article's end mark after its headline: story ran into the line
        return True
    turns = len(_SENTENCE_TURN.findall(s))
    if s[-1] in ".!?" and not s.endswith(".."):
        return turns >= 1
    return turns >= 2 and s.count(". ") >= 2


def _scan(text: str) -> tuple[list[int], list[str], list[str]]:
    """Start, stripped text and context-free class of every non-blank line.

    One loop over the text split at newlines strips each line and takes its offset (a
    plain loop: cheaper than a match object a line); most lines are long paragraphs,
    sentences or one-to-four-word menu items, settled inline (length tests, one stdlib
    match for the word count, a set lookup) before any regex-module pattern runs; the
    classes are :func:`_line_class`'s (tests/test_related.py checks this on every line).
    """
    starts: list[int] = []
    texts: list[str] = []
    classes: list[str] = []
    add_start, add_text, append = starts.append, texts.append, classes.append
    teaser_max = _TEASER_MAX
    heading_max = _HEADING_MAX
    short_class_of = _short_class_of
    next_start = 0  # the offset of the next raw line
    for raw in text.split("\n"):
        start = next_start
        next_start += len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            continue
        # strip returns the line itself when nothing goes (then it starts the raw line)
        add_start(start if stripped is raw else start + len(raw) - len(raw.lstrip()))
        add_text(stripped)
        n = len(stripped)
        if n > teaser_max and not stripped.endswith(_TRUNCATED):
            # a paragraph: no cue is that long but a digest's tagged read-more chain
            append("prefixed" if _tagged_chain(stripped) else "other")
            continue
        if n <= 40:
            # Menus repeat, on a page and from page to page of a site: each distinct
            # short line is classed once and remembered (_short_class_of: a C-level lookup,
            # cheaper than a dictionary of the text's own in front of it).
            append(short_class_of(stripped))
            continue
        # A sentence is neither a cue nor a headline (nor short: it is over 40 characters);
        # one opened by a prefix letter is a teaser unless _PREFIXED takes it (up to 270,
        # or a tagged read-more chain).
        if (stripped[-1] == "." and n > heading_max and stripped[-2:] != ".."
                and (stripped[0] not in _PREFIX_OPENERS
                     or (n > 270 and not _tagged_chain(stripped)) or not _prefixed(stripped))):
            append("teaser")
        else:
            append(_line_class(stripped))
    return starts, texts, classes


def _short_class(stripped: str, n: int) -> str:
    """The class of a stripped line of at most 40 characters (``n``): a menu item of up to
    four words that is no cue is ``short`` (the common case), settled with the same tests
    and order as :func:`_line_class`, cheapest first; the rest by :func:`_line_class`."""
    if stripped[-1] not in ")]":
        first = stripped[0]
        if (_FEW_WORDS.fullmatch(stripped)
                and (n > _HEADING_MAX
                     or stripped.rstrip(_HEADING_TRIM).casefold() not in _HEADING_KEYS)
                and stripped not in _ARROW_ALONE
                and (first not in _PREFIX_OPENERS or not _prefixed(stripped))):
            # No heading, arrow, prefix or date (it ends in neither bracket): what
            # _line_class tests before a filler, so a filler here is one (_is_filler's
            # gates inline: most menu items open with a letter no filler opens with).
            if ((first in _NOT_FILLER_FIRST or n > _FILLER_MAX or not _FILLER.fullmatch(stripped))
                    and not (stripped.endswith("trước") and _CARD_TIME.fullmatch(stripped))):
                return "short"
            return "filler"
    if (stripped[-1] == "." and n > _HEADING_MAX and stripped[-2:] != ".."
            and stripped[0] not in _PREFIX_OPENERS):
        return "teaser"  # a sentence: neither a cue nor a headline
    return _line_class(stripped)


#: How many distinct short lines :func:`_short_class_of` remembers the classes of (the
#: menu items, cues and headlines of many sites: a few hundred kilobytes).
_SHORT_CLASS_MEMORY = 1 << 14


@functools.lru_cache(maxsize=_SHORT_CLASS_MEMORY)
def _short_class_of(stripped: str) -> str:
    """:func:`_short_class` of a stripped line of at most 40 characters, remembered: a
    class depends on the line alone, and a site's menu items and cues come again on every
    page (a line seen before costs one lookup)."""
    return _short_class(stripped, len(stripped))


def _worth_a_look(codes: str) -> bool:
    """True when some line is a cue or two headline-like lines stand together: a headline,
    maybe short lines, then a headline or filler; or a headline + teaser pair after a
    short line (a sign-off). ``codes`` has one letter a line (``_CODES``)."""
    return _WORTH.search(codes) is not None


def _card_pair(codes: str, texts: list[str]) -> bool:
    """True when a teaser opening with a lead prefix follows a headline (a linked article's
    card inside the story, :func:`_prefixed_card`): the only trigger of a page with no cue."""
    return any(_card_prefix(texts[m.start() + 1]) is not None
               for m in _HEADLINE_TEASER.finditer(codes))


_HEADLINE_TEASER = re.compile("HT")
_CARD_PREFIX_REACH = 40  # a lead prefix's dash stands within this many characters

#: One letter per class, so the neighbour pass finds cues and headline pairs by C search.
_CODES = {"strong": "G", "weak": "W", "prefixed": "P", "arrow_alone": "A", "dated": "D",
          "stamped": "S", "bulleted": "B",
          "headline": "H", "filler": "F", "short": "s", "teaser": "T", "other": "O"}
_WORTH = re.compile(r"[%s]|Hs*[HF]|sHT" % "".join(_CODES[c] for c in sorted(_CUES)))
#: The classes the neighbour pass acts on; it passes over the rest.
_TRIGGERS = re.compile("[%s]" % "".join(
    _CODES[c] for c in ("strong", "weak", "prefixed", "arrow_alone", "dated", "stamped",
                        "headline")))


def _classify_lines(text: str, inline: list[Label], lefts: dict[int, str]
                    ) -> tuple[list[_Line], str]:
    """Every non-blank line with its context-free class, and their codes (``_CODES``);
    empty when nothing looks related. A line that ``inline`` labels cover in part is read
    as what deleting them leaves (what a second pass reads); one they empty is left out."""
    starts, texts, classes = _scan(text)
    ends = None
    if inline:
        ends = list(map(add, starts, map(len, texts)))
        _read_residues(text, starts, ends, texts, classes, inline, lefts)
    codes = "".join(map(_CODES.__getitem__, classes))
    if not _worth_a_look(codes) and not _card_pair(codes, texts):
        return [], ""
    if ends is None:
        ends = map(add, starts, map(len, texts))
    # Most lines follow a newline: their indentation is settled before any call; most
    # texts indent no line at all (two C-level scans tell).
    if "\n    " in text or "\n\t" in text or text.startswith(("    ", "\t")):
        ends = list(ends)
        margin = _page_margin(text, starts, ends, classes)
        indents = [start > 0 and text[start - 1] in " \t" and _indented(text, start, margin)
                   for start in starts]
    else:
        indents = [False] * len(starts)
    lines = list(map(tuple.__new__, repeat(_Line), zip(starts, ends, texts, classes, indents)))
    return lines, codes


def _read_residues(text: str, starts: list[int], ends: list[int], texts: list[str],
                   classes: list[str], inline: list[Label], lefts: dict[int, str]) -> None:
    """Replace, in place, each line that ``inline`` (merged) covers in part by its residue
    (``lefts``, by the line's start) and that residue's class; drop the lines it empties."""
    touched = set()
    for lab in inline:
        k = bisect.bisect_right(starts, lab.start) - 1
        if k >= 0 and lab.start < ends[k]:
            touched.add(k)
    gone = set()
    for k in sorted(touched):
        left = lefts[text.rfind("\n", 0, starts[k]) + 1].strip()
        if left:
            texts[k], classes[k] = left, _line_class(left)
        else:
            gone.add(k)
    if gone:
        for values in (starts, ends, texts, classes):
            values[:] = [v for k, v in enumerate(values) if k not in gone]


def _page_margin(text: str, starts: list[int], ends: list[int], classes: list[str]) -> str:
    """The blanks the page opens its paragraphs with (``""`` mostly): the margin that holds
    the most characters of its sentence lines (``other`` and ``teaser``: no list's headline)
    is the page's own, no cue. A scraper that indents every paragraph (``\\t`` before each)
    indents no list apart from the story; only lines indented deeper than that are. The
    text's first line is left out: cleaning trims the text's edges, so it has lost
    whatever margin it had. A page with no sentence line (a poem, a list) takes the margin
    that holds the most characters of all its lines.

    >>> text = "Hà Nội\\n\\tMưa lớn ở Hà Nội.\\n\\t    Tin khác bên lề"
    >>> _page_margin(text, [0, 8, 31], [6, 25, 46], ["short", "teaser", "headline"])
    '\\t'
    >>> _page_margin(text, [0, 8, 31], [6, 25, 46], ["short", "headline", "headline"])
    '\\t'
    """
    weights = _margin_weights(text, starts, ends, classes, _PARAGRAPH_CLASSES)
    if weights == {"": 0}:  # (no sentence line but the first: every line has its say)
        weights = _margin_weights(text, starts, ends, classes, None)
    return max(weights, key=weights.__getitem__)


def _margin_weights(text: str, starts: list[int], ends: list[int], classes: list[str],
                    counted: frozenset[str] | None) -> dict[str, int]:
    """How many characters of the lines of the ``counted`` classes (all when ``None``) sit
    at each margin, the text's first line left out; ``""`` always among them."""
    weights: dict[str, int] = {"": 0}
    for start, end, cls in zip(starts, ends, classes):
        line_start = text.rfind("\n", 0, start) + 1
        if line_start and (counted is None or cls in counted):
            margin = text[line_start:start]
            weights[margin] = weights.get(margin, 0) + end - start
    return weights


_PARAGRAPH_CLASSES = frozenset(("other", "teaser"))


def _indented(text: str, start: int, margin: str = "") -> bool:
    """True when the line whose first non-blank character is at ``start`` is indented
    beyond ``margin``, the page's own (:func:`_page_margin`)."""
    if start == 0 or text[start - 1] not in " \t":
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if margin and not text.startswith(margin, line_start):
        return False
    return text.startswith(("    ", "\t"), line_start + len(margin))


# The lines a heading's block takes as its headlines, and those a teaser may follow.
_BLOCK_HEADLINES = frozenset(("headline", "dated", "prefixed", "stamped", "bulleted"))
_TEASED = frozenset(("headline", "dated", "stamped", "bulleted"))


def _block_after_heading(lines: list[_Line], i: int, strong: bool, title: str) -> int:
    """Index past the last line of the related block that heading ``lines[i]`` opens.

    Headlines, their dates and fillers go; a teaser goes when it follows a headline and the
    block goes on after it (a headline and a paragraph that ends the block may be the
    story's own title and lead, so both stay). A strong heading also keeps a final teaser,
    unless its block lists headlines alone before it: then that paragraph is the story's
    (an inline ``Tin liên quan`` box of two titles inside the story, then its last
    paragraph). A headline printed twice in a row (a card's image title, then its link)
    is a card: the paragraph under it is its teaser whatever its shape (two sentences, or
    cut mid-word by the site), as the same rules for a final teaser apply. A list whose
    headlines each open with the same bullet (``- Tên bài Gửi ngày 04/08/2024``), two or
    more, ends at the first headline without it: the story's own title under the box.
    """
    last = i
    gap = 0
    prev = "heading"
    headlines = teasers = 0
    card = ""  # the line above when it is a headline
    doubled = False  # that headline repeats the one above it: a card's teaser may follow
    carded = -1  # the last paragraph read as a card's teaser
    bullet, bulleted = "", 0  # the bullet opening every headline so far, and how many
    j = i + 1
    while j < len(lines):
        line = lines[j]
        cls = line.cls
        if cls == "other" and doubled:
            cls = "teaser"
            carded = j
        elif strong and cls in ("other", "teaser") and _spaced_card(line.text):
            headlines += 1  # a headline and its teaser on one line, two blanks between
            teasers += 1
            last, gap, prev = j, 0, "teaser"
            j += 1
            continue
        headline = cls in _BLOCK_HEADLINES
        doubled, card = headline and line.text == card, line.text if headline else ""
        if headline:
            if len(line.text) >= 15 and line.text in title or _story_header_at(lines, j):
                break
            if bulleted >= 2 and line.text[0] != bullet:
                break  # a list bulleted line after line ends where its bullet stops
            if (headlines == bulleted and line.text[0] in _BULLETS and line.text[1:2] == " "
                    and line.text[0] == (bullet or line.text[0])):
                bullet, bulleted = line.text[0], bulleted + 1
            headlines += 1
            last, gap = j, 0
        elif cls == "filler" and headlines:
            last = j if gap == 0 else last
        elif cls == "teaser" and _glued_card(line.text):
            headlines += 1
            teasers += 1
            last, gap = j, 0
        elif cls == "teaser" and prev in _TEASED:
            last, gap = j, 0
            teasers += 1
        elif (strong and cls == "teaser" and prev == "teaser" and gap == 0 and last == j - 1
              and _card_title_at(lines, j)):
            headlines += 1  # a card's title the headline test turned down (``Hà Nội: ...``)
            last, gap, cls = j, 0, "headline"
        elif cls == "short":
            gap += 1
            if gap > _T["max_neutral_gap"]:
                break
        else:
            break
        if cls not in ("filler", "short"):
            prev = cls
        j += 1
    if headlines < _T["heading_run_min_headlines"]:
        return i + 1
    nxt = lines[last + 1] if last + 1 < len(lines) else None
    if (lines[last].cls == "teaser" or last == carded) \
            and not lines[last].text.endswith(_TRUNCATED) and (
            nxt is not None and (nxt.cls in ("other", "teaser") or nxt.text.endswith(":")
                                 or _SOURCE_LINE.fullmatch(nxt.text) is not None)
            or not strong and not _cards_end_page(teasers, nxt)
            or headlines > 1 and teasers == 1):
        last -= 1
        while last > i and lines[last].cls in ("filler", "short"):
            last -= 1
        if lines[last].cls == "headline" and not strong:
            last -= 1
    if lines[last].cls == "headline" and last > i + 1 and _subheading_after_box(lines, i, last):
        last -= 1
    end = max(last, i) + 1
    return i + 1 if _holds_the_story(lines, i + 1, end) else end


def _story_header_at(lines: list[_Line], j: int) -> bool:
    """True when headline ``lines[j]`` is the article's own title: a short line right under
    it (its date, its time) names a time zone, as the article's dateline does
    (``16/12/2020`` / ``23:59`` / ``GMT+7``) and a related list's dates do not. A heading
    over it (``Tin nóng``) opens no block of other articles there.

    >>> text = "Mưa lớn kéo dài ở Hà Nội\\n16/12/2020\\n23:59\\nGMT+7\\nTin khác"
    >>> lines = _classify_lines("Tin nóng\\n" + text, [], {})[0]
    >>> _story_header_at(lines, 1), _story_header_at(lines, 5)
    (True, False)
    """
    for line in lines[j + 1:j + 1 + _T["header_stamp_lines"]]:
        if line.cls not in ("filler", "short"):
            return False
        if find_zone(line.text) is not None:
            return True
    return False


#: How a card's teaser ends: a sentence mark, or the site's cut (``...``).
_CARD_TEASER_ENDS = (".", "!", "?", "…")


def _title_like(text: str) -> bool:
    """A line a card's title could be: a headline's length and word count, and no
    sentence mark, colon or comma at its end (``Hải Phòng: 12 bến cá tạm dừng đón tàu``)."""
    return (len(text) <= _HEADLINE_MAX_CHARS and text[-1] not in ".!?…:;,"
            and _HEADLINE_WORDS.fullmatch(text) is not None)


def _card_title_at(lines: list[_Line], j: int) -> bool:
    """Under a strong heading, right under a card's teaser, ``lines[j]`` (a teaser by the
    context-free classes: the headline test turned it down) is the next card's title: it
    is title-like (:func:`_title_like`), a teaser follows it (ending as a sentence, or cut
    short with ``...``), and after that teaser the
    list goes on (another title-like line, or a short line, a heading or the text's end).
    A story's subheading after an inline box is followed by its paragraphs instead."""
    if not _title_like(lines[j].text) or j + 1 >= len(lines):
        return False
    teaser = lines[j + 1]
    if not (teaser.cls == "teaser" and teaser.text.endswith(_CARD_TEASER_ENDS)
            or teaser.cls == "headline" and teaser.text.endswith(_TRUNCATED)):
        return False  # (a teaser the site cut short reads as a headline by its length)
    if j + 2 >= len(lines):
        return True
    after = lines[j + 2]
    return after.cls not in ("other", "teaser") or _title_like(after.text)


_PICKER_LINE = regex.compile(r"(?:%s)" % "|".join(word_list("related_date_picker.txt")),
                             regex.IGNORECASE | regex.V1)


def _headlines_past_picker(lines: list[_Line], k: int) -> tuple[int, int] | None:
    """Under a strong heading (``Cùng chuyên mục``), past a date picker's short lines from
    ``lines[k]`` on (``related_date_picker.txt``: ``Xem theo ngày`` / ``Ngày`` / ``1`` ...
    / ``Tháng 12`` / ``2026`` / ``XEM``, at least ``picker_min_lines`` of them, nothing
    else), the headlines alone that follow (fillers between them), up to a related heading
    or the text's end: ``(start, end)`` of those lines, or ``None``. A picker
    too long for the block's gap cut the heading off from them; headlines with a teaser or
    a paragraph under them stay (they may be the story's own, as the pairs' rule reads)."""
    picker = 0
    while k < len(lines) and lines[k].cls in ("short", "filler"):
        if _PICKER_LINE.fullmatch(lines[k].text) is None:
            return None
        picker += 1
        k += 1
    if picker < _T["picker_min_lines"]:
        return None
    start = k
    while k < len(lines) and lines[k].cls in ("headline", "filler"):
        k += 1
    if k == start or lines[start].cls != "headline":
        return None
    if k < len(lines) and lines[k].cls not in ("strong", "weak"):
        return None
    return start, k


#: The story's source credited on a line of its own, as a story ends: ``Theo Tiền Phong``,
#: ``Nguồn: VnExpress`` (a teaser above it is the story's last paragraph, not a card's).
_SOURCE_LINE = compile_named(_CREDITED_SOURCE, regex.V1)


#: A card on one line: its headline, a dash, its one-sentence teaser.
_GLUED_CARD = regex.compile(r"([^\n]{15,%d}?)[ \t]+[-–][ \t]+(\p{Lu}[^\n]*[.!?…])\Z"
                            % _HEADLINE_MAX_CHARS, regex.V1)


#: A card on one line the other way a scraper joins it: its headline, two blanks or more
#: where the link ended, its teaser (``Giá tiêu tăng mạnh  Giá tiêu hôm nay ...``).
_SPACED_CARD = regex.compile(r"([^\n]{15,%d}?)[ \t]{2,}+(\p{Lu}[^\n]{20,%d}+)\Z"
                             % (_HEADLINE_MAX_CHARS, _T["spaced_card_teaser_max_chars"]), regex.V1)


def _spaced_card(text: str) -> bool:
    """``text`` (stripped) is a headline and its teaser on one line with two blanks or more
    between them: a card of a strong heading's block (only there: :func:`_block_after_heading`).

    >>> _spaced_card("Giá tiêu tăng mạnh đầu năm  Giá tiêu hôm nay tăng thêm 2.000 đồng mỗi kg.")
    True
    >>> _spaced_card("Giá tiêu hôm nay tăng thêm 2.000 đồng mỗi kg so với hôm qua.")
    False
    """
    m = _SPACED_CARD.match(text)
    return m is not None and _shape(m.group(1)) == "headline"


def _glued_card(text: str) -> bool:
    """``text`` is a headline and its teaser on one line, a dash between them (``Cách làm
    gỏi cuốn tại nhà - Gỏi cuốn là món ăn thanh mát, dễ làm.``): a card of a heading's block.

    >>> _glued_card("Cách làm gỏi cuốn tôm thịt tại nhà - Gỏi cuốn là món ăn thanh mát.")
    True
    >>> _glued_card("Hà Nội - Sáng nay, mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu.")
    False
    """
    m = _GLUED_CARD.match(text)
    return (m is not None and _shape(m.group(1)) == "headline"
            and _one_sentence(m.group(2)))


def _holds_the_story(lines: list[_Line], start: int, end: int) -> bool:
    """True when ``lines[start:end]`` hold a sentence (``_SENTENCE``) and no other line is
    one: what a heading would open is the article itself (a widget word such as ``Tin mới``
    above a short article's title, lead and body), not a block of other articles."""
    if not any(_sentence_line(line.text) for line in lines[start:end]):
        return False
    return not any(_sentence_line(line.text) for line in chain(lines[:start], lines[end:]))


def _sentence_line(stripped: str) -> bool:
    """``_SENTENCE.match(stripped)`` for a stripped line, its last characters tested first:
    with no blank at its end, a line the pattern takes ends with a sentence mark, maybe a
    closing quote or bracket after it (most headlines end with neither)."""
    last = stripped[-1:]
    if last not in _SENTENCE_MARKS and (last not in _SENTENCE_CLOSERS
                                        or stripped[-2:-1] not in _SENTENCE_MARKS):
        return False
    return _SENTENCE.match(stripped) is not None


_SENTENCE_CLOSERS = frozenset("\"”’)")  # what _SENTENCE lets follow the sentence mark


def _cards_end_page(teasers: int, nxt: _Line | None) -> bool:
    """True when a weak heading's block holds two headline + teaser cards or more and no
    story line follows it: a list of other articles at the page's end, not the story's own
    title and lead (which a story paragraph would follow)."""
    return teasers >= 2 and (nxt is None or not _STORY_LINE.match(nxt.text))


def _subheading_after_box(lines: list[_Line], i: int, last: int) -> bool:
    """True when ``lines[last]``, the last headline of the box that heading ``lines[i]``
    opens, is the story's subheading going on below the box: a story line follows it, and
    it is short (``subheading_max_words``) and shorter than every other headline of the box."""
    nxt = lines[last + 1] if last + 1 < len(lines) else None
    if nxt is None or not _STORY_LINE.match(nxt.text):
        return False
    words = len(lines[last].text.split())
    if words > _T["subheading_max_words"]:
        return False
    others = [len(line.text.split()) for line in lines[i + 1:last]
              if line.cls in _BLOCK_HEADLINES]
    return bool(others) and words < min(others)


def _introduced(lines: list[_Line], i: int) -> bool:
    """Line ``i`` opens a list the story introduces: the line above ends with ``:``."""
    return i > 0 and lines[i - 1].text.endswith(":")


# The classes of a line that may restate a dated heading's date: plain text, not a cue
# (``_CUES``) nor a stamped title; "headline" is a hard-wrapped prose line ending unpunctuated.
_RESTATING = frozenset(("other", "teaser", "headline"))


def _heads_its_paragraph(lines: list[_Line], i: int) -> bool:
    """Dated line ``i`` heads the story's own paragraph: the line under it is text that
    opens on the same date (``Ngày Quốc khánh Sri Lanka (4/2/1948)`` above ``Vào ngày 4
    tháng 2 năm 1948, ...``, a history's or a timeline's sections). A link to another
    article is not followed by a paragraph retelling its date."""
    if i + 1 >= len(lines) or lines[i + 1].cls not in _RESTATING:
        return False
    text = lines[i].text
    m = _DATED.search(text, max(0, len(text) - _DATED_TAIL_MAX))
    date = find_date(m.group()) if m is not None else None
    return date is not None and find_date(
        lines[i + 1].text[:_T["dated_heading_restate_chars"]]) == date


def _wrapped_call_above(lines: list[_Line], i: int) -> bool:
    """Read-more line ``i`` opens in lower case under a line that is only a call to the
    reader (``related_wrapped_calls.txt``: ``Mời``, ``Mời bạn đọc``): one cue a page
    wrapped at a fixed width broke over two lines (``Mời`` / ``đọc thêm: ...``)."""
    return (i > 0 and lines[i].text[:1].islower()
            and lines[i - 1].text.casefold() in _WRAPPED_CALLS)


#: A call to the reader alone on its line, the head of a wrapped read-more cue.
_WRAPPED_CALLS = frozenset(w.casefold() for w in word_list("related_wrapped_calls.txt"))


def _chain_goes_on(above: str, line: str) -> bool:
    """``line`` is the next item of a digest's tagged read-more chain the page wrapped
    after the item ``above``: both close with a paper's short tag in brackets and a full
    stop, and ``line`` opens with the chain's dash (``... va chạm ở Biển Đông (KTĐT).`` /
    ``– Australia khẳng định ... (Zing).``).

    >>> _chain_goes_on("Đọc thêm: Mưa lớn ở miền Trung (TT).", "– Lũ dâng cao (Zing).")
    True
    >>> _chain_goes_on("Đọc thêm: Mưa lớn ở miền Trung (TT).", "– Lũ dâng cao, dân sơ tán.")
    False
    """
    return (line[:1] in "–-" and _CHAIN_TAG_END.search(line) is not None
            and _CHAIN_TAG_END.search(above) is not None)


#: A chain item's close: a short tag in brackets, then a full stop (``(Zing).``).
_CHAIN_TAG_END = regex.compile(r"\([^()\n]{1,%d}\)\.\Z" % _T["tagged_chain_tag_max_chars"])


def _dated_page_title(lines: list[_Line], i: int) -> bool:
    """Dated line ``i`` is the page's own title: the text's first line, its date stamped
    with a clock time (``Thông tin báo chí ngày 31/01/2026. (31/01/2026, 07:27)``: when the
    page printed it), and no dated line under it (a list of other articles' dated titles
    opening the text goes on with the next one). A link's bracket holds a bare date.

    >>> title = _Line(0, 0, "Tin báo chí ngày 3/1 (03/01/2026, 07:27)", "dated", False)
    >>> _dated_page_title([title, _Line(0, 0, "Sáng nay, mưa to.", "other", False)], 0)
    True
    >>> link = _Line(0, 0, "Tin báo chí ngày 3/1 (03/01/2026)", "dated", False)
    >>> _dated_page_title([link, _Line(0, 0, "Sáng nay, mưa to.", "other", False)], 0)
    False
    """
    if i != 0 or len(lines) > 1 and lines[1].cls == "dated":
        return False
    return _CLOCK_IN_DATE.search(lines[0].text) is not None


#: A clock time inside a title's closing date bracket: ``(31/01/2026, 07:27)``.
_CLOCK_IN_DATE = regex.compile(r"\([^()\n]*\d{1,2}[:h]\d{2}[^()\n]*\)\s*\Z", regex.V1)


def _list_end(lines: list[_Line], i: int) -> int:
    """The end of the headline-like, dated or stamped items of a list starting at line ``i``."""
    end = i
    while end < len(lines) and lines[end].cls in ("headline", "dated", "stamped"):
        end += 1
    return end


def _free_run(lines: list[_Line], i: int, chrome: bool) -> tuple[int, int]:
    """End of a heading-less run of headline-like lines starting at ``i`` (``i`` if none),
    and where the lines read end when the run was refused for want of chrome (else ``i``).

    A plain run (no cards, not indented) goes only from a page with chrome (``chrome``:
    :func:`_has_chrome`): in an article without any, lines shaped like headlines are the
    story's own (a photo story's captions once their credits went, list items). A run
    starting later among the lines read is refused too unless a sign-off stands before it
    (its cards are among the refused run's, but pairs after a sign-off): :func:`_walk`
    passes over them instead of reading the same lines again, which on a page of
    thousands of headline-shaped lines would be quadratic.
    """
    indented = lines[i].indented
    if _introduced(lines, i):
        # The items of a list the story introduces: none of them opens a run (the lines
        # read are passed over, so the second item is not taken as a run's first).
        return i, _list_end(lines, i)
    if _next_numbered_section(lines, i):
        return i, i  # the story's next section: its heading and what follows are story
    headlines = 0
    last = i - 1
    gap = 0
    carded = False  # a time/date/icon filler since the last headline: a news card
    # Headline + one-sentence teaser pairs count as cards only after the story's end: the
    # run follows a sign-off (``Dương Lâm``: a short line of capitalized words), not a menu.
    # Or right under a related heading, past the short lines of a widget between them
    # (``Tin cùng chuyên mục`` / ``Xem theo ngày`` / ``Ngày`` ... / the cards).
    paired_ok = i > 0 and (lines[i - 1].cls == "short" and _SIGN_OFF.fullmatch(lines[i - 1].text)
                           or _under_heading(lines, i))
    cards = 0
    sources: set[str] = set()  # aggregator cards: the papers named at headlines' ends
    first_card: tuple[int, int] | None = None
    j = i
    while j < len(lines):
        line = lines[j]
        if line.cls == "headline" and _wrapped(lines, j):
            return i, i  # a paragraph wrapped over lines, not a list of titles
        if line.cls in ("headline", "dated", "stamped") and line.indented == indented:
            headlines += 1
            last, gap, carded = j, 0, False
            if line.cls == "headline" and line.text[-1] == ")":
                source = _CARD_SOURCE.search(line.text)
                if source is not None:
                    sources.add(source.group(1))
        elif line.cls == "teaser" and headlines and (
                line.text.endswith(_TRUNCATED) or carded
                or (paired_ok and last == j - 1 and lines[last].cls == "headline"
                    and _one_sentence(line.text))):
            if carded or not line.text.endswith(_TRUNCATED):
                cards += 1
                if first_card is None:
                    first_card = (j, headlines)
            last, gap, carded = j, 0, False
        elif line.cls == "filler" and headlines:
            if ((last == j - 1 or last == j - 2 and lines[j - 1].cls == "short")
                    and lines[last].cls == "headline" and _RELATIVE_TIME.search(line.text)):
                # an aggregator's card: a headline, its source and time ("VnExpress - 3 giờ
                # trước", or the source on a line of its own: "Dân Việt" / "2 giờ trước")
                cards += 1
                if first_card is None:
                    first_card = (last, headlines - 1)
                last, gap, carded = j, 0, False
                j += 1
                continue
            if not _lone_mark(line):  # a lone "|" parts picture cells, no card's time
                carded = last == j - 1 or carded or lines[j - 1].cls in ("short", "filler")
        elif line.cls == "short" and headlines and (gap < 1 or last == j - 1 and lines[last]
                                                    .cls == "filler") and not (
                line.text[-1] == ":" and j + 1 < len(lines)):
            # (a label ending in a colon introduces the story's own next part, "* Báo Người
            # lao động:" over its paragraph, not a card's count between headlines)
            gap += 1  # (a card's count after its time: "2 giờ trước" / "5 liên quan")
        else:
            break
        j += 1
    if _verse(lines, i):
        return i, j  # a poem's stanzas: the story's verse, not a list of titles
    if len(sources) >= _T["card_run_min_cards"]:
        # Headlines crediting two papers or more, "... (Dân trí)" / "... (Zing)": an
        # aggregator's cards (a photo story's captions credit one agency alike).
        cards += len(sources)
    ends_page = _ends_page_after_story(lines, i, j)
    if not (chrome or indented) and cards < _T["card_run_min_cards"] and not ends_page:
        return i, j  # no run here, nor further on among the lines read (see above)
    if first_card is not None and cards < _T["card_run_min_cards"]:
        # One "card" alone may be the story's own title, dateline and lead: stop before it.
        j, headlines = first_card
        last = j - 1
        while last >= i and lines[last].cls in ("filler", "short"):
            last -= 1
        if last >= i and lines[last].cls == "headline":
            last -= 1
            headlines -= 1
    need = _T["indented_run_min_headlines"] if indented else _T["run_min_headlines"]
    if ends_page:  # the story's sign-off above and nothing but short lines below
        need = min(need, _T["end_run_min_headlines"])
    if cards >= _T["card_run_min_cards"]:
        need = min(need, _T["card_run_min_cards"])  # every card has its own headline
    if headlines < need or last < i:
        return i, i
    # A body paragraph right after the run: its last headline may be the story's own
    # title or subheading, so keep that one. So too when the run ends in the story's byline
    # crediting its source ("Hà My, Theo Trí Thức Trẻ") with a story line under it (a time
    # stamp maybe between): the byline and the title above it stay.
    nxt = lines[last + 1] if last + 1 < len(lines) else None
    datelined = False
    signed = (last > i and not indented and _SOURCE_ENDS_LINE.search(lines[last].text)
              is not None and _story_line(_after_fillers(lines, last + 1)))
    if signed:
        last -= 1
        headlines -= 1
    elif not indented and chrome and _page_dateline(lines, last + 1):
        # The page's first dated time stamp right under the run: the story's headline
        # (and its author's mail line, "Trí Đỗ - ...@gmail.com") above it stays; the
        # chrome above them goes however few lines are left (nothing above a headline is
        # its story).
        signed = datelined = True
        if last > i and _MAIL_LINE.search(lines[last].text):
            last -= 1
            headlines -= 1
    if (signed or nxt is not None and not indented and _body_paragraph(nxt)) and (
            lines[last].cls == "headline"):
        last -= 1
        if headlines - 1 < need and not (datelined and last >= i):
            return i, i
    return last + 1, i


#: A word a title never ends with (``related_open_ends.txt``): a wrapped line's last word.
_OPEN_END = frozenset(word.casefold() for word in word_list("related_open_ends.txt"))
#: A wrapped paragraph's next line: it opens in lower case and ends a sentence or clause,
#: or holds three words or more (a lone lower-case ``eMagazine`` menu item does neither).
_GOES_ON = regex.compile(r"\(?+\p{Ll}(?:.*[.,;:!?…][\"”’)]?|\W*\w+\W+\w+\W+\w.*)\Z", regex.V1)


#: A section's number opening a line: ``II/ ``, ``3. ``, ``IV) `` (then a blank).
_SECTION_NUMBER = regex.compile(r"(?P<number>[IVX]{1,5}+|\d{1,2}+)(?P<mark>[/.)])[ \t]")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
          "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX")


def _next_numbered_section(lines: list[_Line], i: int) -> bool:
    """``lines[i]`` opens with a section's number whose previous number, with the same mark,
    opens a line above it: the story's next numbered section (``I/ Ai thực hiện ...`` above,
    then **``II/ Lần đầu tiên ...``**), whatever its heading and its last lines look like; a
    list of other articles numbered ``1.``, ``2.`` begins at its first number.

    >>> lines = [_Line(0, 0, text, "headline", False) for text in ("I/ Vì sao?", "Vì vậy.")]
    >>> _next_numbered_section(lines + [_Line(0, 0, "II/ Rồi sao?", "headline", False)], 2)
    True
    >>> _next_numbered_section(lines + [_Line(0, 0, "III/ Rồi sao?", "headline", False)], 2)
    False
    """
    m = _SECTION_NUMBER.match(lines[i].text)
    if m is None:
        return False
    number = m.group("number")
    if number.isdigit():
        previous = str(int(number) - 1) if int(number) > 1 else None
    else:
        previous = _ROMAN[_ROMAN.index(number) - 1] if number in _ROMAN[1:] else None
    if previous is None:
        return False
    opening = previous + m.group("mark")
    return any(line.text.startswith(opening) and _SECTION_NUMBER.match(line.text)
               for line in lines[:i])


def _verse(lines: list[_Line], i: int) -> bool:
    """The short lines from line ``i`` on are a poem's stanzas, not headlines:
    ``verse_min_lines`` lines or more that pair a line of about six words with one of eight
    (*lục bát*: ``Mênh mông sóng nước chân trời`` / ``Con thuyền nhỏ bé chở đầy ước mơ``; a
    foreign name of two syllables or more makes the six a five), the first line maybe the
    poem's title or an eight; or lines all of one length of four to eight words (a poem of
    five or seven words a line). The lines are read whatever their class (a stanza's last
    line may end in a period) up to the first of another length (``verse_line_words``): a
    sign-off, a paragraph; at most ``verse_scan_lines``. Headlines of a list vary in length.

    >>> _verse([_Line(0, 0, t, "headline", False) for t in (
    ...     "Mênh mông sóng nước chân trời", "Con thuyền nhỏ bé chở đầy ước mơ",
    ...     "Mẹ ngồi vá lưới bên bờ", "Chờ cha về bến sáng mờ sương giăng.")], 0)
    True
    """
    return verse_lines([line.text for line in lines[i:i + VERSE_SCAN_LINES]]) > 0


#: How many lines a verse check reads (``verse_scan_lines``): two stanzas are enough to tell.
VERSE_SCAN_LINES = _T["verse_scan_lines"]


def verse_lines(texts: list[str]) -> int:
    """How many of ``texts`` are a poem's stanzas (0: none), read up to the first of a
    length no verse line has (``verse_line_words``: a sign-off, a paragraph):
    ``verse_min_lines`` or more, all of one length within ``verse_meter_words`` or pairing
    a six with an eight (*lục bát*, maybe after its title or an eight). Headlines of a list
    vary in length.

    >>> verse_lines(["Gió lạnh ùa qua ô cửa nhỏ", "Đèn khuya còn thắp giữa canh thâu",
    ...              "Ai về bên ấy mang thương nhớ", "Để lại sau lưng một nhịp cầu", "Minh Anh"])
    4
    """
    shortest, longest = _T["verse_line_words"]
    counts = []
    for text in texts:
        words = len(text.split())
        if not shortest <= words <= longest:
            break
        counts.append(words)
    if len(counts) < _T["verse_min_lines"]:
        return 0
    low, high = _T["verse_meter_words"]
    if len(set(counts)) == 1 and low <= counts[0] <= high:
        return len(counts)
    six_low, six_high = _T["verse_six_line_words"]
    eight = _T["verse_eight_line_words"]
    for first in (0, 1):
        pairs = list(zip(counts[first::2], counts[first + 1::2]))
        if len(pairs) * 2 >= _T["verse_min_lines"] and all(
                six_low <= six <= six_high and long == eight for six, long in pairs):
            return len(counts)
    return 0


def _wrapped(lines: list[_Line], j: int) -> bool:
    """``lines[j]`` (headline-shaped) is a paragraph's line wrapped onto the next: it ends
    in a word no title ends with (``của``, ``và``: ``related_open_ends.txt``), its brackets
    do not pair (one opened above the wrap or closed below it: ``(đang làm việc tại Hà`` /
    ``Nội) cho biết``; a title cut short with ``...`` may leave one open), or the next line
    goes on with its sentence in lower case, maybe after a bracket (``(quận 8) kẹt cứng
    ...``): a page whose source was wrapped at a fixed width, or a link
    ``get_text("\\n")`` put on a line of its own.

    >>> _wrapped([_Line(0, 0, "Khả năng ra sân của anh vẫn bỏ ngỏ trong trận gặp Malaysia",
    ...                 "headline", False), _Line(0, 0, "sắp tới.", "short", False)], 0)
    True
    >>> _wrapped([_Line(0, 0, "Giá vàng hôm nay tăng mạnh", "headline", False),
    ...           _Line(0, 0, "Hà Nội ngập sâu sau mưa lớn", "headline", False)], 0)
    False
    """
    text = lines[j].text
    if text[text.rfind(" ") + 1:].casefold() in _OPEN_END:
        return True
    if ("(" in text or ")" in text) and not text.endswith(_TRUNCATED):
        if text.count("(") != text.count(")"):
            return True  # a bracket opened on the line above or closed on the line below
    if j + 1 == len(lines):
        return False
    below = lines[j + 1].text
    return ((below[0].islower() or below[0] == "(" and below[1:2].islower())
            and _GOES_ON.match(below) is not None)


def _goes_on_above(lines: list[_Line], i: int) -> bool:
    """``lines[i]`` opens in lower case under a line that ends in a letter or a comma: the
    end of a sentence wrapped onto it (``... và những đơn vị`` / ``liên quan.``). Not when
    it ends with no sentence mark and a headline follows it: a heading a page's style
    capitalises, printed in lower case over its list (``... tiếp tục leo thang`` / ``tin
    cùng chuyên mục`` / ``EU yêu cầu Google chia sẻ dữ liệu tìm kiếm``)."""
    text = lines[i].text
    if not text[0].islower() or i == 0:
        return False
    if (text[-1] not in _SENTENCE_MARKS and i + 1 < len(lines)
            and lines[i + 1].cls in ("headline", "dated", "stamped")):
        return False
    last = lines[i - 1].text[-1]
    return last.isalpha() or last == ","


def _body_paragraph(line: _Line | None) -> bool:
    """A story's body paragraph: a teaser or longer line of ``body_paragraph_min_chars`` or
    more, not cut short with ``...``."""
    return (line is not None and line.cls in ("other", "teaser")
            and len(line.text) >= _T["body_paragraph_min_chars"]
            and not line.text.endswith(_TRUNCATED))


def _story_line(line: _Line | None) -> bool:
    """A story line (``_STORY_LINE``: a sentence of ``story_line_min_chars`` or more)."""
    return line is not None and _STORY_LINE.match(line.text) is not None


def _after_fillers(lines: list[_Line], k: int) -> _Line | None:
    """The first line from ``k`` on past at most two short or filler lines (a time stamp)."""
    for line in lines[k:k + 3]:
        if line.cls not in ("short", "filler", "stamped", "dated") and not (
                _BARE_STAMP.fullmatch(line.text)):
            return line
    return None


#: A line that is only a date and time: "14:35 16/07/2018", "22/07/2018 09:31 GMT+7".
_BARE_STAMP = re.compile(r"[\d/:.,|() \t-]{5,24}(?:[ \t]*(?:AM|PM|GMT\+\d{1,2}))*")
#: A bare time stamp with a full date and a time: a dateline, "21/02/2025 05:15 GMT+7".
_DATELINE = re.compile(r"(?=.*\b\d{1,2}/\d{1,2}/\d{4}\b)(?=.*\b\d{1,2}:\d{2}\b)")
#: An author's mail address on a line: "Trí Đỗ - tri@example.com".
_MAIL_LINE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _page_dateline(lines: list[_Line], k: int) -> bool:
    """``lines[k]`` is the page's dateline: a bare time stamp with a full date and a time
    (``_DATELINE``), the first such line of the page (a sidebar's stamps come after it).

    >>> _page_dateline([_Line(0, 0, "Giá vàng hôm nay tăng mạnh", "headline", False),
    ...                 _Line(0, 0, "21/02/2025 05:15 GMT+7", "filler", False)], 1)
    True
    >>> _page_dateline([_Line(0, 0, "Giá vàng hôm nay tăng mạnh", "headline", False),
    ...                 _Line(0, 0, "21/02", "filler", False)], 1)
    False
    """
    if k >= len(lines) or not _is_dateline(lines[k].text):
        return False
    return not any(_is_dateline(line.text) for line in lines[:k])


def _is_dateline(text: str) -> bool:
    """A bare time stamp (``_BARE_STAMP``) with a full date and a time (``_DATELINE``)."""
    return _BARE_STAMP.fullmatch(text) is not None and _DATELINE.match(text) is not None


#: A source credited at a line's end: "Hà My, Theo Trí Thức Trẻ", "Nguồn: VnExpress".
_SOURCE_ENDS_LINE = compile_named(rf"(?:^|[ \t,;|–-]){_CREDITED_SOURCE}\Z", regex.V1)

#: The paper an aggregator's card credits at its headline's end: "... an toàn (Dân trí)", a
#: capitalised name of at most five words (not a photo credit, ``captions_credit_heads.txt``).
_CARD_SOURCE = LazyPattern(r"[ \t]\((?!(?:%s)\b)(\p{Lu}[\p{L}&+.]*+(?:[ \t]+[\p{L}&+.]++){0,4})\)\Z"
                           % _CREDIT_HEADS_TEXT, regex.V1)


def _under_heading(lines: list[_Line], i: int) -> bool:
    """The nearest line above ``lines[i]`` that is not short is a strong related heading
    (``Tin cùng chuyên mục``), at most ``free_run_min_chrome_lines`` lines up: what starts at
    ``i`` is that heading's list, a widget's short lines between (a weak heading such as
    ``Video`` may stand above the story's own subheadings)."""
    for k in range(i - 1, max(-1, i - 1 - _T["free_run_min_chrome_lines"]), -1):
        if lines[k].cls == "strong":
            return True
        if lines[k].cls != "short":
            return False
    return False


#: Quotes and brackets that may close a line after its last sentence mark.
_CLOSING_QUOTES = "\"”’)» \t"


def _ends_page_after_story(lines: list[_Line], i: int, j: int) -> bool:
    """True when the headline-like lines ``[i, j)`` are a list of other articles ending a
    page without chrome: the story has ended right above them (a story line, maybe a
    sign-off after it: a photo story's captions come before it; without a sign-off their
    lines must not all open with the same word, as a list's items do), only short lines
    follow them, and they are
    headlines, not verse or a list's items: ``end_run_min_headlines`` or more, of
    ``end_run_min_mean_words`` words on average and one of ``end_run_long_words`` or more."""
    if j - i < _T["end_run_min_headlines"]:
        return False
    if i < 1:
        return False
    above = lines[i - 1]
    signed = not _STORY_LINE.match(above.text)
    if signed and (i < 2 or above.cls != "short" or not _END_SIGN_OFF.fullmatch(above.text)
                   or not _story_ended(lines, i - 1)):
        return False
    if any(line.cls not in ("short", "filler") for line in lines[j:]):
        return False
    if not signed and (len({line.text.split()[0] for line in lines[i:j]}) == 1
                       or _photo_story(lines, i)
                       or lines[i].text.rstrip(_CLOSING_QUOTES).endswith("!")):
        return False  # a list's items ("Giải nhất ..." / "Giải nhì ..."), a photo story's
        # captions, the story's closing call or slogan ("... Cộng đồng văn minh!", then
        # the unit that signs it): no sign-off tells the story has ended
    words = [len(line.text.split()) for line in lines[i:j] if line.cls != "filler"]
    return (len(words) >= _T["end_run_min_headlines"]
            and sum(words) >= _T["end_run_min_mean_words"] * len(words)
            and max(words) >= _T["end_run_long_words"] and not _is_luc_bat(words))


def _single_card_after_story(lines: list[_Line], i: int) -> bool:
    """Headline ``lines[i]`` and the one-sentence teaser under it are one linked article's
    card after the story's end: right above it the story's sign-off (a name of two to four
    capitalised words, maybe a bracketed agency line under it, ``Tâm An`` / ``(TTXVN)``)
    under a story line (:func:`_story_ended`) that asks no question, and below it only
    short lines or fillers (a tag list, widget labels) up to a related heading. Narrow on
    purpose: a card inside a story, one at the text's end with no heading after it (maybe
    the story's own box), a story going on below it (a second sentence, another
    paragraph) and an answer under a signed question (a Q&A) stay."""
    if i < 2 or i + 1 >= len(lines) or lines[i + 1].cls != "teaser":
        return False
    k = i - 1
    if _BRACKETED_CREDIT.fullmatch(lines[k].text) and k >= 2:
        k -= 1  # the agency's line under the author's name
    if not (lines[k].cls == "short" and _END_SIGN_OFF.fullmatch(lines[k].text)
            and k >= 1 and _story_ended(lines, k) and not lines[k - 1].text.endswith("?")):
        return False  # (a reader's question signed, then its answer: a Q&A's)
    if not _one_sentence(lines[i + 1].text) or not _shares_a_phrase(lines[i].text,
                                                                     lines[i + 1].text):
        return False  # (a box of the story's own, "Thông tin đường dây nóng" / "Người dân
        # cần hỗ trợ gọi số ...", names no phrase of its title in its sentence)
    for line in lines[i + 2:]:
        if line.cls in ("strong", "weak"):
            return True
        if line.cls not in ("short", "filler"):
            return False
    return False  # nothing but the page's end or short lines: maybe the story's own box


def _shares_a_phrase(headline: str, teaser: str) -> bool:
    """A card's teaser repeats a phrase of its headline (two syllables running, any case:
    ``Cuộc đàm phán ...`` / ``... vòng đàm phán thứ tư ...``).

    >>> _shares_a_phrase("Giá vàng hôm nay tăng mạnh", "Sáng nay, giá vàng SJC tăng.")
    True
    >>> _shares_a_phrase("Ghi chú của tòa soạn", "Bài viết đã được cập nhật sáng nay.")
    False
    """
    def pairs(text: str) -> set[tuple[str, ...]]:
        words = _SYLLABLE.findall(unicodedata.normalize("NFC", text).casefold())
        return set(pairwise(words))
    return not pairs(headline).isdisjoint(pairs(teaser))


#: A syllable (letters only) for :func:`_shares_a_phrase`.
_SYLLABLE = regex.compile(r"\p{L}+", regex.V1)


#: A bracketed credit alone on a sign-off's next line: ``(TTXVN)``, ``(Theo Reuters)``.
_BRACKETED_CREDIT = regex.compile(r"\((?:Theo[ \t]+)?\p{Lu}[^()\n]{1,30}\)", regex.V1)


def _story_ended(lines: list[_Line], k: int) -> bool:
    """The line above the sign-off ``lines[k]`` is a story line, or a short sentence (a
    caption, a last short paragraph) right under one."""
    above = lines[k - 1].text
    return bool(_STORY_LINE.match(above)) or (
        k >= 2 and above[-1] in _SENTENCE_MARKS and bool(_STORY_LINE.match(lines[k - 2].text)))


def _photo_story(lines: list[_Line], i: int) -> bool:
    """The lines above ``i`` hold fewer than ``end_run_min_story_lines`` story lines, or no
    more than headline-shaped ones after the first: a short piece or a photo story, whose
    last lines may be its captions, not an article's body."""
    story = sum(1 for line in lines[:i] if _STORY_LINE.match(line.text))
    return story < _T["end_run_min_story_lines"] or story <= sum(
        1 for line in lines[1:i] if line.cls == "headline")


def _is_luc_bat(words: list[int]) -> bool:
    """Word counts of lục bát verse: six, eight, six, eight, ... (``Trăm năm trong cõi
    người ta`` / ``Chữ tài chữ mệnh khéo là ghét nhau``).

    >>> _is_luc_bat([6, 8, 6, 8]), _is_luc_bat([8, 7])
    (True, False)
    """
    return all(count == (6 if k % 2 == 0 else 8) for k, count in enumerate(words))


def _is_time(line: _Line) -> bool:
    """A filler that tells a time or a date ("10:25", "2 giờ trước", "(26/12)"): it holds a
    digit and is no bare number."""
    return line.cls == "filler" and not line.text.isdigit() and _DIGIT.search(line.text) is not None


_DIGIT = re.compile(r"\d")


def _timed_sidebar(lines: list[_Line], i: int) -> tuple[int, int]:
    """Start and end of a latest-news sidebar whose first headline is ``lines[i]``: each
    item a time or date line, then a headline ("10:25" / "Giá vàng tăng mạnh"), or a
    headline, then its time line (:func:`_timed_list_below`); ``(i, i)`` when there is
    none. It needs ``card_run_min_cards`` items or more and starts at its first item (so a
    list the story introduces, after a line ending with ":", is never taken from its second
    one). :func:`_walk` takes it only when no story line follows it (a live report's timed
    entries go on with story paragraphs)."""
    if i < 1 or not _is_time(lines[i - 1]):
        return i, _timed_list_below(lines, i)
    if i > 1 and (lines[i - 2].text.endswith(":") or lines[i - 2].cls in ("headline", "dated")):
        return i, i  # introduced by the story, or not the first item (the time line above
        # may close the headline above it: a list whose items are a headline, then a time)
    cards, j = _timed_items(lines, i, -1)
    return (i - 1, j - 1) if cards >= _T["card_run_min_cards"] else (i, i)


def _timed_list_below(lines: list[_Line], i: int) -> int:
    """End of a list of other articles opening at ``lines[i]`` whose items are a headline
    and, under it, its time line ("Giá vàng tăng mạnh" / "20/07/2026 21:18"); ``i`` when
    there are fewer than ``card_run_min_cards`` items, the story introduces the list (the
    line above ends with ``:``) or a sentence right under it goes on with the story."""
    if i > 0 and lines[i - 1].text.endswith(":"):
        return i
    cards, j = _timed_items(lines, i, 1)
    if j < len(lines) and lines[j].cls == "teaser" and lines[j].text[-1] in _SENTENCE_MARKS:
        return i  # a sentence right under it: the story's own timeline goes on
    return j if cards >= _T["card_run_min_cards"] else i


def _timed_items(lines: list[_Line], i: int, time_at: int) -> tuple[int, int]:
    """How many items of a timed list follow each other from ``lines[i]``, each a headline
    with its time line ``time_at`` lines from it (-1: above, 1: below), and the index two
    lines past the last item's headline (``i`` when there is none)."""
    cards = 0
    j = i
    while (j + max(time_at, 0) < len(lines) and lines[j].cls in ("headline", "dated")
           and _is_time(lines[j + time_at])):
        cards += 1
        j += 2
    return cards, j


def _last_story_line(lines: list[_Line]) -> int:
    """Index of the last story line (``_STORY_LINE``) of ``lines``, -1 if none."""
    for k in range(len(lines) - 1, -1, -1):
        if _STORY_LINE.match(lines[k].text):
            return k
    return -1


def _line_labels(text: str, inline: list[Label], lefts: dict[int, str]) -> list[Label]:
    """Labels for whole lines: headings, prefixed and dated lines, blocks and runs (lines
    read as ``inline`` leaves them: ``lefts``, by the line's start).

    The neighbour pass runs again over the lines it leaves (a heading gone may join two
    groups of headlines into a run), as a second cleaning would, until it takes no more.
    """
    lines, codes = _classify_lines(text, inline, lefts)
    labels: list[Label] = []
    if not lines:
        return labels
    title = lines[0].text
    chrome = _has_chrome(codes) and _has_chrome(codes, _lone_marks(lines, codes))
    for _ in range(_SETTLE_ROUNDS):
        found, taken = _neighbour_pass(lines, codes, title, chrome)
        if not found:
            break
        if labels:
            labels = sorted(labels + found, key=_LABEL_START)  # later rounds: lines between
        else:
            labels = found
        keep = [(a, b) for a, b in zip([0] + [b for _, b in taken], [a for a, _ in taken]
                                       + [len(lines)]) if b > a]
        codes = "".join([codes[a:b] for a, b in keep])
        lines = [line for a, b in keep for line in lines[a:b]]
        if not lines:
            break
        if not taken[0][0]:  # the title line went: the first line left is the title now
            title = lines[0].text
    return labels


_SETTLE_ROUNDS = 4
_LABEL_START = attrgetter("start")


def _has_chrome(codes: str, marks: int = 0) -> bool:
    """True when the page has menu-like chrome: enough short or filler lines (``codes``
    has one letter a line, ``_CODES``), not counting ``marks`` of its fillers: lone marks
    (:func:`_lone_mark`), the cells of an image table a photo story's captions stand
    between, no menu.

    >>> _has_chrome("HHHOOO"), _has_chrome("s" * 12 + "HHHO"), _has_chrome("F" * 12 + "HHHO", 12)
    (False, True, False)
    """
    return codes.count("s") + codes.count("F") - marks >= _T["free_run_min_chrome_lines"]


def _lone_marks(lines: list[_Line], codes: str) -> int:
    """How many of ``lines`` are lone marks (:func:`_lone_mark`): only a filler (code ``F``)
    can be one, so only the fillers are read."""
    return sum(_lone_mark(lines[m.start()]) for m in _FILLER_CODE.finditer(codes))


_FILLER_LETTER = _CODES["filler"]
_FILLER_CODE = re.compile(_FILLER_LETTER)


def _lone_mark(line: _Line) -> bool:
    """A filler line that is one mark and no count (``|``, ``•``, ``.``: a cell's or an
    item's separator left alone on its line)."""
    return line.cls == "filler" and len(line.text) == 1 and not line.text.isdigit()


def _neighbour_pass(lines: list[_Line], codes: str, title: str, chrome: bool
                    ) -> tuple[list[Label], list[tuple[int, int]]]:
    """Labels from one walk over the classed lines (``codes`` one letter each), and the
    runs ``[a, b)`` of line indexes they take (ascending, apart); ``chrome``: the page has
    menu-like lines (:func:`_has_chrome`)."""
    labels: list[Label] = []
    taken: list[tuple[int, int]] = []

    def take(a: int, b: int) -> None:
        if taken and taken[-1][1] == a:
            taken[-1] = (taken[-1][0], b)
        else:
            taken.append((a, b))

    _walk(lines, codes, title, chrome, labels, take)
    return labels, taken


def _walk(lines: list[_Line], codes: str, title: str, chrome: bool, labels: list[Label],
          take) -> None:
    """The walk of :func:`_neighbour_pass` over the triggers; labels go to ``labels``, the
    lines they take to ``take``."""
    i = 0
    refused = 0  # lines before this were read by a run refused for want of chrome
    last_story: int | None = None  # index of the last story line, found when first needed
    tail_start = len(codes.rstrip("HsFDS"))  # the headline-like lines ending the page
    while True:
        trigger = _TRIGGERS.search(codes, i)  # the lines between only pass
        if trigger is None:
            break
        i = trigger.start()
        line = lines[i]
        if line.cls in ("strong", "weak") and _goes_on_above(lines, i):
            i += 1  # "... những đơn vị" / "liên quan.": a wrapped sentence's end, no heading
            continue
        if line.cls in ("strong", "weak"):
            end = _block_after_heading(lines, i, line.cls == "strong", title)
            if (line.cls == "weak" and i == 0 and end in (2, 3) and len(lines) > end
                    and lines[1].cls in _BLOCK_HEADLINES
                    and (end == 2 or lines[2].cls == "teaser"
                         and lines[3].cls not in _BLOCK_HEADLINES)):
                # "Video" / the title / its story: a section label over the page's title
                # (and its lead, story below it, no other card: "Tin Hot" / the title /
                # "Sự kết hợp ... du lịch..." / the story)
                i = 1
                continue
            if line.cls == "strong" and end == i + 1:
                picked = _headlines_past_picker(lines, i + 1)
                if picked is not None and _free_run(lines, picked[0], chrome)[0] == picked[0]:
                    # (only headlines no run of the walk takes: the block's own)
                    labels.append(Label(line.start, line.end, "related", "related.heading"))
                    take(i, i + 1)
                    _take_run(lines, *picked, title, labels, take)
                    i = picked[1]
                    continue
            if line.cls == "strong" and end > i + 1:
                back = _signed_off_headlines(lines, i)
                if back < i and (not labels or labels[-1].end <= lines[back].start):
                    _take_run(lines, back, i, title, labels, take)
            if end > i + 1 or line.cls == "strong":
                labels.append(Label(line.start, line.end, "related", "related.heading"))
                take(i, i + 1)
            _take_run(lines, i + 1, end, title, labels, take)
            i = max(end, i + 1)
            continue
        if line.cls == "prefixed":
            rule = "related.arrow_line" if line.text[0] in ">»►" else "related.heading"
            first = i
            if _wrapped_call_above(lines, i) and (not labels
                                                  or labels[-1].end <= lines[i - 1].start):
                first = i - 1  # "Mời" / "đọc thêm: ...": a hard-wrapped page's cue
                labels.append(Label(lines[first].start, lines[first].end, "related", rule))
            labels.append(Label(line.start, line.end, "related", rule))
            end = i + 1
            while end < len(lines) and _chain_goes_on(lines[end - 1].text, lines[end].text):
                labels.append(Label(lines[end].start, lines[end].end, "related", rule))
                end += 1  # "... (KTĐT)." / "– ... (Zing).": the wrapped chain's next item
            take(first, end)
            i = end - 1
        elif line.cls == "arrow_alone":
            labels.append(Label(line.start, line.end, "related", "related.arrow_line"))
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if nxt is not None and nxt.cls in ("headline", "dated", "short"):
                labels.append(Label(nxt.start, nxt.end, "related", "related.arrow_line"))
                take(i, i + 2)
                i += 1
            else:
                take(i, i + 1)
        elif line.cls == "dated":
            if _introduced(lines, i):  # dated items of the story's own list ("Các hoạt
                i = _list_end(lines, i)  # động chính:" / "- Lễ hội Áo dài (11/6)")
                continue
            if _heads_its_paragraph(lines, i) or _dated_page_title(lines, i):
                i += 1
                continue
            labels.append(Label(line.start, line.end, "related", "related.dated_title"))
            take(i, i + 1)
        elif line.cls == "stamped":
            end = _stamped_run(lines, i)
            if end > i:
                _take_run(lines, i, end, title, labels, take)
                i = end
                continue
        elif line.cls == "headline":
            if _prefixed_card(lines, i):
                if last_story is None:
                    last_story = _last_story_line(lines)
                if _lead_prefixed_above(lines, i) and i < last_story:
                    _take_run(lines, i, i + 2, title, labels, take)
                    i += 2
                    continue
            end = _end_mark_run(lines, i)
            if end > i:
                _take_run(lines, i, end, title, labels, take)
                i = end
                continue
            if _single_card_after_story(lines, i):
                _take_run(lines, i, i + 2, title, labels, take)
                i += 2
                continue
            if (i >= refused or lines[i - 1].cls == "short"
                    or i == tail_start and _STORY_LINE.match(lines[i - 1].text)):
                # (a run ending the page right after a story line may go though a run
                # refused earlier read it: _ends_page_after_story; one more read at most)
                end, read = _free_run(lines, i, chrome)
                if end > i:
                    _take_run(lines, i, end, title, labels, take)
                    i = end
                    continue
                refused = max(refused, read)
            # A timed sidebar's item has its time line (a filler) above or below it.
            start, end = _timed_sidebar(lines, i) if (
                i and codes[i - 1] == _FILLER_LETTER or codes[i + 1:i + 2] == _FILLER_LETTER
            ) else (i, i)
            if end > i and (not labels or labels[-1].end <= lines[start].start):
                if last_story is None:
                    last_story = _last_story_line(lines)
                if end > last_story:  # its first time line, above the headline, goes too
                    _take_run(lines, start, end, title, labels, take)
                    i = end
                    continue
        i += 1


def _signed_off_headlines(lines: list[_Line], i: int) -> int:
    """Start of the headlines (at most ``inline_list_max_headlines``) standing between the
    story's sign-off and the strong heading ``lines[i]`` (``i`` if none): the story ended
    (:func:`_story_ended`) at a sign-off or a source line (``Theo Minh Hải (Dân Trí)``), so
    the headlines after it list other articles as the heading's block does (a page that
    prints a few links before the heading of the rest)."""
    k = i
    while (k > 0 and i - k < _T["inline_list_max_headlines"] and lines[k - 1].cls == "headline"
           and _SOURCE_LINE.fullmatch(lines[k - 1].text) is None):
        k -= 1
    if k == i or k < 2:
        return i
    above = lines[k - 1]
    signed = _SOURCE_LINE.fullmatch(above.text) is not None or (
        above.cls == "short" and _END_SIGN_OFF.fullmatch(above.text) is not None)
    return k if signed and _story_ended(lines, k - 1) else i


#: A lead's agency prefix naming a paper or agency (``bylines_agencies.txt``): ``TTO - ``,
#: ``(Dân trí) - `` (a dateline, ``TP.HCM - ``, is none).
_AGENCY_ALIASES = named_list(tuple(agency_names()))
_CARD_PREFIX = LazyPattern(r"(?:\((?:%s)\)|(?:%s))[ \t]*[-–—][ \t]*\p{Lu}" % (
    _AGENCY_ALIASES, _AGENCY_ALIASES), regex.V1)


def _card_prefix(text: str) -> regex.Match | None:
    """``_CARD_PREFIX.match(text)``, after a cheap test for its dash near the start."""
    head = text[:_CARD_PREFIX_REACH]
    if "-" not in head and "–" not in head and "—" not in head:
        return None
    return _CARD_PREFIX.match(text)


def _prefixed_card(lines: list[_Line], i: int) -> bool:
    """``lines[i]`` (a headline) and the line under it are a linked article's card inside the
    story: the teaser opens with its paper's lead prefix (``TTO - Nhiều vụ tai nạn ...``), as
    only the story's own lead does, and is one sentence. :func:`_walk` takes it when the
    story's lead opened with a prefix above it and the story goes on below it."""
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is None or nxt.cls != "teaser":
        return False
    prefix = _card_prefix(nxt.text)
    return prefix is not None and _one_sentence(nxt.text[prefix.end() - 1:])


def _lead_prefixed_above(lines: list[_Line], i: int) -> bool:
    """A line above ``lines[i]`` opens with a lead prefix (the story's own lead, ``TTO -
    Chiều 30-7, ...``), so a prefixed teaser below is another article's, not the lead."""
    return any(_card_prefix(line.text) for line in lines[:i])


def _end_mark_run(lines: list[_Line], i: int) -> int:
    """End of the headlines of other articles listed after the story's end mark: a story
    line, a ``Nguồn: [Link nguồn]`` line (``related_teaser_anchors.txt``), then
    ``end_mark_run_min_headlines`` headline-like lines or more, and no story line after them;
    a last line crediting a source ("Hải Ninh (Theo The Athletic)") is a sign-off and stays.
    ``i`` when there is none."""
    if i < 2 or lines[i - 1].text[-1:] != "]" or not _ANCHOR.fullmatch(lines[i - 1].text):
        return i
    if not _STORY_LINE.match(lines[i - 2].text):
        return i
    end = _list_end(lines, i)
    if end - i > 1 and _SOURCE_CREDIT.search(lines[end - 1].text):
        end -= 1
    if end - i < _T["end_mark_run_min_headlines"]:
        return i
    if any(_STORY_LINE.match(line.text) for line in lines[end:]):
        return i
    return end


# A sign-off crediting its source in brackets at its end: "Hải Ninh (Theo The Athletic)".
_SOURCE_CREDIT = compile_named(r"\((?:%s)[ \t][^()\n]*\)\Z" % _SOURCE_WORDS, regex.V1)


def _stamped_run(lines: list[_Line], i: int) -> int:
    """End of a list of other articles opening at ``lines[i]``, each a headline with its
    time stamp (``stamped``; ``dated`` and fillers may stand between); ``i`` when there is
    none: fewer than ``stamped_run_min_headlines`` (one more when a stamp opens the line, a
    schedule's shape), or it follows a line ending in ``:`` (a list the story introduces)."""
    if i and lines[i - 1].text.endswith(":"):
        return i
    count = 0
    leading = False
    last = j = i
    while j < len(lines):
        line = lines[j]
        if line.cls in ("stamped", "dated"):
            count += 1
            leading = leading or line.text[0].isdigit()
            last = j
        elif line.cls != "filler":
            break
        j += 1
    need = _T["stamped_run_min_headlines"] + leading
    return last + 1 if count >= need else i


def _take_run(lines: list[_Line], a: int, b: int, title: str, labels: list[Label],
              take) -> None:
    """Label and take the lines ``[a, b)`` of a block or run, but the page's own title
    repeated there: it stays."""
    for k in range(a, b):
        label = _run_label(lines[k], title)
        if label is not None:
            labels.append(label)
            take(k, k + 1)


def _run_label(line: _Line, title: str) -> Label | None:
    """Label for one line of a block; ``None`` for the page's own title repeated."""
    if len(line.text) >= 15 and line.text in title:
        return None
    return Label(line.start, line.end, "related", _RUN_RULES.get(line.cls, "related.title_run"))


_RUN_RULES = {"dated": "related.dated_title", "stamped": "related.stamped_title",
              "teaser": "related.teaser",
              "prefixed": "related.arrow_line"}


def _anchored_teasers(text: str) -> list[Label]:
    """The teaser of another article glued before a ``Nguồn: [Link nguồn]`` end mark.

    A teaser cut with ``...`` fills its length budget and may hold two sentences; a whole
    teaser is one sentence, or a ``(Rubric)`` opener and its sentence.
    """
    labels = []
    limit = _T["anchored_teaser_max_chars"]
    previous_end = -1
    taken = False
    index = LineIndex(text)  # its line starts are built on the first lookup, for an end mark
    for m in _ANCHOR.finditer(text):
        # Only the last ``limit`` characters can hold the teaser: never copy a long line.
        line_start = max(index.bounds(m.start())[0], m.start() - limit - 64)
        segment = text[line_start:m.start()].rstrip()
        follows_anchor = not text[previous_end:m.start()].strip() if previous_end >= 0 else False
        previous_end = m.end()
        if follows_anchor and taken:
            labels.append(Label(m.start(), m.end(), "related", "related.teaser", 0.8))
        if not segment or follows_anchor:
            continue
        taken = False
        starts = [b.start() for b in
                  _SENTENCE_START.finditer(segment, max(0, len(segment) - limit))]
        if not starts:
            continue
        if segment.endswith(_TRUNCATED):
            cut = starts[0]  # a cut teaser fills its budget
        else:
            cut = starts[-1]
            if (segment[-1] in "?!" and len(starts) > 1
                    and len(segment) - starts[-2] <= limit):
                cut = starts[-2]  # a hook ("... ra sao?") closes a two-sentence teaser
            rubric = [s for s in starts if segment[s] == "("]
            if rubric:
                cut = rubric[-1]
        # The end mark goes with the teaser, so a second pass finds no anchor and takes
        # no further sentence (idempotent).
        taken = True
        labels.append(Label(line_start + cut, m.end(), "related",
                            "related.teaser", 0.8))
    return labels


def _inline_arrows(text: str) -> list[Label]:
    """``>>link`` glued after text; the whole line when what is left before it is a cue line.

    What is before a link is read only when it can be a cue (at most ``_TEASER_MAX``
    characters, stripped): a line holding thousands of links is not copied once a link.
    """
    labels = []
    index = LineIndex(text)
    first_of_line: dict[int, int] = {}  # line start -> its first non-space (or the line end)
    for m in _INLINE_ARROW.finditer(text):
        start = m.start()
        line_start = index.bounds(start)[0]
        first = first_of_line.get(line_start)
        if first is None:
            found = _NON_SPACE.search(text, line_start)
            first = first_of_line[line_start] = len(text) if found is None else found.start()
        if start - first > _TEASER_MAX:  # stripped, it is longer than any cue unless
            last = LAST_NON_BLANK.search(text, first, start)  # it ends in a run of blanks
            end = first if last is None else last.end()
        else:
            end = start
        if first < end <= first + _TEASER_MAX and _line_class(
                text[first:end].strip()) in _RESIDUE_CUES:
            start = line_start
        else:  # "... tăng mạnh. Xem thêm >> ...": the cue goes with its link
            cue = _ARROW_CUE_BEFORE.search(text, max(line_start, start - _ARROW_CUE_REACH), start)
            start = cue.start() if cue else start
        labels.append(Label(start, _arrow_end(text, m), "related", "related.arrow_line"))
    return labels


def _arrow_end(text: str, m: regex.Match) -> int:
    """Where a ``>>`` link ends: before a story sentence glued after it (see _GLUED_SENTENCE)."""
    end = m.end()
    if text[end - 1] != ".":
        return end
    glued = _GLUED_SENTENCE.search(text, m.start(), end)
    if glued is None:
        return end
    word = _WORD_BEFORE.search(text, m.start(), glued.start())
    if word is None or not word.group()[0].isupper():
        return glued.start()
    # The turn is inside a capitalised name (``>> Hà Nội đề xuất ...``): the link ends
    # before the name, which stays whole (a piece of the headline stays, story never goes).
    name = _NAME_BEFORE.search(text, m.start(), glued.start())
    return glued.start() if name is None else name.start()


# each <= _TEASER_MAX (a longer tagged read-more chain is no residue: never read here)
_RESIDUE_CUES = frozenset(("strong", "prefixed", "arrow_alone", "dated"))


def _inline_cue_forms(tag: str, title: bool) -> tuple[str, ...]:
    """The cues of ``related_inline_cues.txt`` tagged ``tag`` as written, upper-case and
    (``title``) title-case: a cue glued after a sentence end opens with a capital."""
    cues = expand_forms(value for t, value in tab_entries("related_inline_cues.txt") if t == tag)
    return _written_forms(cues, title)


def _written_forms(entries: tuple[str, ...], title: bool) -> tuple[str, ...]:
    """Each entry as written, in upper case and (``title``) in title case, once each."""
    return tuple(dict.fromkeys(form for entry in entries for form in (
        entry, entry.upper(), *((entry.title(),) if title else ()))))


def _cue_before(cues: tuple[str, ...]) -> LazyPattern:
    """One of ``cues`` ending where the search ends, opening its line or glued after a
    sentence end, or after a sign-off name of two to four capitalised words there (``...
    nói. Thanh Huyền Xem thêm: ...``, maybe with a lowercase note, ``Hà Phương (tổng hợp)
    Tin liên quan ...``: strip_bylines takes the name later, and a second
    pass would read the cue right after the sentence end), or after a photo credit there
    (``... nói. Ảnh: Mạnh Quân Xem thêm: ...``: ``captions_credit_heads.txt`` and one to four
    capitalised words, maybe after up to three words that go with it, ``Kinh doanh Nguồn
    ảnh: TTXVN``, which remove_photo_captions takes later), or after a bare caption
    marker there (``... nói./. Ảnh minh họa Tin liên quan ...``:
    ``captions_bare_markers.txt``, which remove_photo_captions takes later too); up to three
    such pieces one after another (``... nói. Theo TTXVN Ảnh minh họa Tin liên quan ...``).
    The sentence end may run into the cue with no space (``... nói.Xem thêm: ...``: a page's
    blocks joined by a scraper with no separator), and so may the last word of a block with
    no end mark (``... công dânTin liên quan:- ...``: a capital glued to a lowercase letter
    is no sentence's word)."""
    return LazyPattern(r"(?:(?:^|(?<=[.!?…\"”’][ \t\xa0]{0,3}(?:(?:\p{Lu}\p{L}*[ \t\xa0]){2,4}"
                       r"(?:\([\p{Ll} ]{1,20}\)[ \t\xa0])?"
                       r"|(?:[^\s.!?…:]+[ \t\xa0]){0,3}(?:%s)[ \t\xa0]*:[ \t\xa0]*"
                       r"(?:\p{Lu}\p{L}*[ \t\xa0]){1,4}"
                       r"|(?:%s)[ \t\xa0]){0,3}))"
                       r"[ \t\xa0]*+|(?<=\p{Ll}))(?:%s)\Z"
                       % (_CREDIT_HEADS, _BARE_MARKERS, trie(cues)), regex.V1 | regex.M)


#: A photo credit's heads, and a source credit's (``Nguồn: Tuổi Trẻ``, which strip_bylines
#: takes later, as it does a sign-off name).
_CREDIT_HEADS = named_list(word_list("captions_credit_heads.txt")
                            + word_list("related_source_credits.txt"))
_BARE_MARKERS = named_list(word_list("captions_bare_markers.txt"))


# A cue glued inside a flattened body ("... câu chuyện. Xem thêm: Giá vàng tăng Theo ..."):
# the cue opens a line or follows a sentence end; its headlines hold no sentence end and stop
# before a story sentence glued after them (an opener of related_sentence_openers.txt after a
# lower-case word, a digit, a quote or a "?"/"!") or at the line's end, unless the last one
# ends like a sentence (then it may be the story's own).
# Found from a literal tail by a C-level scan, then checked backwards from there: a single
# cue from its ":" (only when the letters before it end some cue), a list cue from its last
# two words; an upper-case tail only on a text holding its rarest letter (one memchr).
_SINGLE_CUES = _inline_cue_forms("single", title=True)
_LIST_CUES = _inline_cue_forms("list", title=False)
_CUE_REACH = max(map(len, _SINGLE_CUES + _LIST_CUES)) + 8
_SINGLE_CUE_BEFORE = _cue_before(_SINGLE_CUES)
_SINGLE_CUE_ENDS = frozenset(cue[-3:] for cue in _SINGLE_CUES)  # the letters before ":"
_LIST_CUE_BEFORE = _cue_before(_LIST_CUES)
_LIST_CUE_TAILS = tuple((tail, next((c for c in tail if c.isupper() and not c.isascii()), ""))
                        for tail in dict.fromkeys(" ".join(c.split()[-2:]) for c in _LIST_CUES))
# The four characters before a list cue's tail: the end of its first words and a space.
_LIST_CUE_HEADS = frozenset(cue[-len(tail) - 4:-len(tail)] for cue in _LIST_CUES
                            for tail, _ in _LIST_CUE_TAILS if cue.endswith(tail))


def _lone_head(tail: str) -> str:
    """The head every list cue ending in ``tail`` puts before it, when they share one that
    opens with a letter prose seldom holds (``ùng `` of ``cùng``: not ASCII); else ``""``."""
    heads = {cue[-len(tail) - 4:-len(tail)] for cue in _LIST_CUES if cue.endswith(tail)}
    head = heads.pop() if len(heads) == 1 else ""
    return head if head[:1] and not head[0].isascii() and head[0].isalpha() else ""


# Each tail with its rare letter and its lone head (see _tail_hits).
_LIST_CUE_SCANS = tuple((tail, rare, _lone_head(tail)) for tail, rare in _LIST_CUE_TAILS)
_SPACES_BEFORE = regex.compile(r"[ \t\xa0]*+\Z")
_SPACES = re.compile(r"[ \t\xa0]*+")
#: After a list cue: its colon, and a dash opening the first headline (``Tin liên quan:- A- B``).
_COLON_AND_SPACES = re.compile(r"[ \t\xa0]*+:?+[ \t\xa0]*+(?:[-–•][ \t\xa0]*+)?")
_CUE_OPENER = r"[ \t\xa0](?:%s)[ \t,]" % named_list(word_list("related_sentence_openers.txt"))
_CUE_BODY = r"(?:[^\n.!?…]|[.!?…](?![ \t\xa0]|$))"
_CUE_END = r"(?:(?<=[\p{Ll}\d)\"”’])|[?!])(?=%s)" % _CUE_OPENER
_CUE_LINE_END = r"(?<![.…])(?=[ \t\xa0]*$)"
_SINGLE_HEADLINE, _LIST_HEADLINES = (
    compile_named(r"(?=\p{Lu}|\d)%s{%d,%d}?(?:%s|(?P<eol>%s))" % (
        _CUE_BODY, _T["headline_min_words"] * 3, _HEADLINE_MAX_CHARS * most, _CUE_END,
        _CUE_LINE_END), regex.V1 | regex.M)
    for most in (1, _T["inline_list_max_headlines"]))


def _inline_cues(text: str, tags: list[tuple[int, int]] | None = None) -> list[Label]:
    """``Xem thêm: <headline>`` or ``Tin liên quan <headlines>`` glued inside a line of body
    text; at a line's start only when a story sentence follows on the line (a cue line
    alone is the line pass's). The same scan of the colons puts in ``tags`` (when given)
    each ``(cue end, colon)`` whose letters before it may end an event tag's label."""
    labels = []
    if ":" in text:
        for colon in _CUE_COLON.finditer(text):
            at = colon.start()
            cue_end = at
            if text[at - 1] in " \t\xa0":  # "Xem thêm :"
                cue_end = _SPACES_BEFORE.search(text, max(0, at - 8), at).start()
            end = text[cue_end - 4:cue_end]
            if end[1:] in _SINGLE_CUE_ENDS:
                label = _inline_cue(text, cue_end, at + 1, _SINGLE_CUE_BEFORE, _SPACES,
                                    _SINGLE_HEADLINE)
                if label is not None:
                    labels.append(label)
            if tags is not None and end in _EVENT_TAG_ENDS:
                tags.append((cue_end, at))
    openings: dict[str, list[int]] = {}  # where each lone head stands in the text
    for tail, rare, head in _LIST_CUE_SCANS:
        if rare and rare not in text:
            continue
        for at in _tail_hits(text, tail, head, openings):
            end = at + len(tail)
            if text[at - 4:at] in _LIST_CUE_HEADS:
                label = _inline_cue(text, end, end, _LIST_CUE_BEFORE, _COLON_AND_SPACES,
                                    _LIST_HEADLINES)
                if label is not None:
                    labels.append(label)
    return labels


def _tail_hits(text: str, tail: str, head: str, openings: dict[str, list[int]]) -> list[int]:
    """Where a scan for ``tail`` from the text's start, each next search past the last hit,
    meets it; those right after ``head`` only when ``head`` is given (``tail``'s lone head,
    :func:`_lone_head`: no cue ends in ``tail`` elsewhere).

    A search for the tail's letters stops at each common one (four tails cost as much as
    the rest of the inline pass); its lone head's first letter is rare (``ù``): a C-level
    scan for it (``openings``, once per head and text) finds the few places to test. Where
    another hit of the tail overlaps one from the left (``chuyên mụchuyên mục``) the plain
    scan, which would have passed over it, is run instead.

    >>> text = "Tin cùng chủ đề: A. Bài cùng chủ đề B. Một chủ đề khác."
    >>> _tail_hits(text, "chủ đề", "ùng ", {}) == [9, 29]
    True
    >>> _tail_hits(text, "chủ đề", "", {})
    [9, 29, 43]
    """
    size = len(tail)
    if head:
        if head not in openings:
            openings[head] = _openings(text, head)
        skip = len(head)
        hits = [at + skip for at in openings[head] if text.startswith(tail, at + skip)]
        if not any(0 <= text.find(tail, max(0, at - size + 1), at + size - 1) < at
                   for at in hits):
            return hits
    hits = []
    at = text.find(tail)
    while at >= 0:
        hits.append(at)
        at = text.find(tail, at + size)
    return hits


def _openings(text: str, literal: str) -> list[int]:
    """Every offset where ``literal`` starts in ``text``, found from its first character (a
    C-level scan as fast as ``memchr``), then a prefix test there."""
    return literal_places(text, literal, 0)


def _inline_cue(text: str, cue_end: int, after: int, before: regex.Pattern, gap: re.Pattern,
                headlines: regex.Pattern) -> Label | None:
    """The label of the cue (``before``) ending at ``cue_end`` with the headlines after
    ``after`` and ``gap``; ``None`` when there is none, or the headlines run to the end of
    a line the cue opens, or a single headline is no headline's length."""
    line_start = text.rfind("\n", 0, cue_end) + 1
    cue = before.search(text, max(line_start, cue_end - _CUE_REACH), cue_end)
    if cue is None:
        return None
    after = gap.match(text, after).end()
    body = headlines.match(text, after)
    if body is None or (body.group("eol") is not None
                        and not text[line_start:cue.start()].strip()):
        return None
    if headlines is _SINGLE_HEADLINE and not _HEADLINE_WORDS.fullmatch(text, after, body.end()):
        return None
    start = cue.start() + len(cue.group()) - len(cue.group().lstrip(" \t\xa0"))
    return Label(start, body.end(), "related", "related.inline_cue")


# The tail of a fully flattened page: after the story's last sentence end on its line (and
# maybe a sign-off name), share and comment buttons, then a related heading and headlines to
# the line's end ("... doanh nghiệp. Chia sẻ Bình luận Tin liên quan Giá vàng ... Xem nhiều
# nhất ..."). Looked for on the text's last line only, when it is long and ends in no
# sentence mark; the headlines hold no ". " and do not end with a period.
# Upper-case letters of the Latin blocks Vietnamese is written in (stdlib re has no \p{Lu}).
_UPPER = "".join(chr(c) for c in [*range(0x250), *range(0x1E00, 0x1F00)] if chr(c).isupper())
# Matched at the line's last ". " (stdlib re: a trie of two thousand forms costs the regex
# module thirty times as much): the sentence end, a sign-off name of up to four capitalised
# words, buttons, a heading, then a headline's first character.
_FLAT_TAIL = LazyPattern(
    r"[.!?…][\"”’)]?[ \t\xa0]{1,3}(?:[%s][^\W\d_]*[ \t\xa0]){0,4}?"
    r"(?P<chrome>(?:(?:%s)(?:[ \t\xa0]*\(\d{1,5}\))?[ \t\xa0]+)*+)"
    r"(?P<heading>%s)(?P<colon>[ \t\xa0]*:)?[ \t\xa0]+(?=[%s\d\"“‘'])" % (
        _UPPER, trie(_written_forms(word_list("related_flat_chrome.txt"), title=True)),
        trie(_written_forms(_headings("strong") + _headings("weak"), title=False)), _UPPER),
    compile=re.compile)
# Share and comment buttons alone ending a flattened page: the story's last sentence end,
# maybe a sign-off name, then two or more buttons of related_flat_chrome.txt (each maybe
# with a count) and nothing else to the text's end ("... năm tới. Phương Anh Chia sẻ Lưu").
# A tag line may stand between ("Thanh Hiền Tags: Tuyển sinh lớp 10 Bình luận Gửi bình
# luận"): it is the nav cleaner's, which runs later, so the buttons go in the same pass.
# The sign-off and the tags are left to their cleaners; the buttons go as a promo.
_FLAT_BUTTONS = re.compile(
    r"[.!?…][\"”’)]?[ \t\xa0]{1,3}(?:[%s][^\W\d_]*[ \t\xa0]){0,4}?"
    r"(?:(?:%s)[ \t\xa0]*:[^\n.!?…:]{1,120}?[ \t\xa0])?"
    r"(?P<chrome>(?:(?:%s)(?:[ \t\xa0]*\(\d{1,5}\))?(?:[ \t\xa0]+|[ \t\xa0]*\Z)){2,})\Z" % (
        _UPPER, trie(_written_forms(expand_forms(word_list("nav_inline_tags.txt")), title=True)),
        trie(_written_forms(word_list("related_flat_chrome.txt"), title=True))))
# Share and comment buttons standing in for a related heading at a flattened page's end:
# the story's last sentence end, maybe a short source or sign-off ("Theo Minh Nhật | Sức
# khỏe & Đời sống", no sentence mark), two or more buttons, then capitalised headlines.
_FLAT_BUTTON_TAIL = LazyPattern(
    r"[.!?…][\"”’)]?[ \t\xa0]{1,3}(?:[^\n.!?…:]{0,%d}?[ \t\xa0])?"
    r"(?P<chrome>(?:(?:%s)(?:[ \t\xa0]*\(\d{1,5}\))?[ \t\xa0]+){2,})(?=[%s\d\"“‘'])" % (
        _T["flat_button_tail_max_glue_chars"],
        trie(_written_forms(word_list("related_flat_chrome.txt"), title=True)), _UPPER),
    compile=re.compile)
_FLAT_LINE_MIN = _TEASER_MAX
_FLAT_TAIL_MAX = 1500  # a dozen headlines
_FLAT_TAIL_MIN = 24  # ". " + a heading + a headline of headline_min_words words
_FLAT_NOT_LAST = frozenset(".!?…\"”’]")  # a story's sentence, a "[Link nguồn]" end mark
#: A teaser's lead cut short at a line's end: a word, then ``...`` or ``…``.
_TEASER_CUT_END = re.compile(r"\w(?:\.\.\.|…)\Z")


def _may_open_sentence(heading: str) -> bool:
    """True for a heading that may open a story sentence ("Liên quan Công ty X, ...", "Sự
    kiện ...", "Video ..."): one or two words, not opened by a word that names articles
    (``Tin``, ``Bài``, ``Các``). Such a heading opens a flat tail only after share buttons,
    before a colon, or in upper case."""
    words = heading.split()
    return len(words) <= 2 and words[0] not in _ARTICLE_WORDS


_ARTICLE_WORDS = frozenset(("Tin", "Bài", "Các", "TIN", "BÀI", "CÁC", "tin", "bài", "các"))


# A related heading glued at a line's end after what follows the story there (a sign-off,
# tags, a follow prompt: "... 2028. HOÀNG TÙNG Tags: Oanh, điền kinh Tin liên quan ..."):
# a heading as written or in upper case after a space, then a headline's first character.
# The heading and its headlines go; what stands before the heading is left to the cleaners
# of its kind (it stays when they take none of it).
_GLUED_HEADING = LazyPattern(
    r"(?<=[ \t\xa0\n])(?P<heading>%s)(?P<colon>[ \t\xa0]*:)?[ \t\xa0]+(?=[%s\d\"“‘'])" % (
        trie(_written_forms(_headings("strong") + _headings("weak"), title=False)), _UPPER),
    compile=re.compile)
_GLUE_MAX_WORDS = _T["glued_tail_max_words"]
_BLANKS_ABOVE_MAX = 3


def _glued_tail(text: str, start: int, end: int, alone: bool = False) -> list[Label]:
    """The related heading and headlines ending ``text[start:end]``, a line's tail after the
    story's last sentence (or a whole line after a story line), glued after at most
    ``glued_tail_max_words`` words of other boilerplate (a sign-off, tags, a follow prompt);
    the headlines hold no ``. ``. A heading that may open a sentence
    (:func:`_may_open_sentence`) needs a colon, upper case or a capitalised word before it
    (a sign-off's last name, not a story's words). ``alone``: the heading may open the
    line (what the cleaners before this one left of it)."""
    for m in _GLUED_HEADING.finditer(text, start, end):
        tags = _glued_hashtags(text, start, m.start())
        stop = tags[0].start if tags else m.start()
        clones = _glued_clones(text, start, stop, m.end(), end)
        if tags and not (clones and clones[0].end == _last_word_end(text, start, stop)) and (
                _lowercase_before(text, start, stop)):
            # hashtags a lowercase word runs into: a story sentence's ("... trên #QuangTri")
            tags, stop = [], m.start()
            clones = _glued_clones(text, start, stop, m.end(), end)
        lead = clones[0].end if clones else start
        glue = text[lead:stop].split()
        if not (glue or tags or clones or alone) or len(glue) > _GLUE_MAX_WORDS:
            return []  # further headings stand after more words: the story's
        signed = bool(tags or clones) or bool(glue) and glue[-1][0].isupper()
        if _last_sentence_stop(text, m.end(), end) < 0 and _heads_headlines(
                text, m, end, signed):
            return clones + _promo_glue(text, lead, stop) + tags + [
                Label(m.start(), end, "related", "related.glued_tail")]
    return _empty_glued_heading(text, start, end)


#: A related heading with no headline after it: the scraper kept a block's heading and none
#: of its links (``... Theo Minh Anh Tin xem nhiều``); maybe a closing source after it.
_EMPTY_GLUED_HEADING = LazyPattern(
    r"(?<=[ \t\xa0])(?P<heading>"
    + trie(_written_forms(_headings("strong") + _headings("weak"), title=False))
    + r")(?P<colon>[ \t\xa0]*:)?(?=[ \t\xa0]|$)",
    compile=re.compile)
#: The most words a closing source after such a heading may hold (``Nguồn: Tuổi Trẻ``).
_EMPTY_HEADING_SOURCE_MAX_WORDS = 8


def _empty_glued_heading(text: str, start: int, end: int) -> list[Label]:
    """``related.glued_tail``: a related heading with no headline after it closing the text's
    last line, glued after the story's last sentence and one to ``glued_tail_max_words``
    words of a sign-off or source, the last one capitalised (``... ở quê. Theo Minh Anh Tin
    xem nhiều``); what stands before it is left to its cleaners. The heading goes alone.
    Both sides are read as the later cleaners leave them (:func:`_left_by_later`), so a
    second pass finds nothing new: a photo label in the glue (``Theo Minh Anh Ảnh minh họa
    Tin xem nhiều``) counts as gone, and so does a closing source or label after the heading
    (``... Tin xem nhiều Nguồn: Tuổi Trẻ``). A story's own last words (``... rồi hỏi thêm
    tin liên quan``, lower case before them) stay."""
    for m in _EMPTY_GLUED_HEADING.finditer(text, start, end):
        rest = text[m.end():end]
        if rest.strip() and (len(rest.split()) > _EMPTY_HEADING_SOURCE_MAX_WORDS
                             or _left_by_later(rest, bylines=True).strip()):
            continue
        glue = _left_by_later(text[start:m.start()], bylines=False).split()
        if not glue or len(glue) > _GLUE_MAX_WORDS or not glue[-1][0].isupper():
            return []
        return [Label(m.start(), m.end(), "related", "related.glued_tail")]
    return []


def _left_by_later(snippet: str, *, bylines: bool) -> str:
    """What the cleaners that run after this one (strip_nav_menus, remove_photo_captions and,
    with ``bylines``, strip_bylines) leave of ``snippet``."""
    # (imported here: nav and captions import this module)
    from .captions import remove_photo_captions
    from .nav import strip_nav_menus
    left = remove_photo_captions(strip_nav_menus(snippet))
    return strip_bylines(left) if bylines else left


def _last_sentence_stop(text: str, start: int, end: int) -> int:
    """Where the last ``. `` of ``text[start:end]`` stands that ends a sentence, not a
    teaser's cut (``...``: a headline's lead cut short in a related list); -1 for none.

    >>> text = "Bé đã khỏe. Tin liên quan Mẹ kể lại... Hàng xóm góp tiền"
    >>> text[_last_sentence_stop(text, 0, len(text)):][:12]
    '. Tin liên q'
    >>> _last_sentence_stop("Nhiều người chờ đợi... Rồi tin đến", 0, 34)
    -1
    """
    last = text.rfind(". ", start, end)
    while last >= start + 2 and text[last - 2:last] == "..":
        last = text.rfind(". ", start, last - 2)
    return last


def _last_word_end(text: str, start: int, stop: int) -> int:
    """Where the last word of ``text[start:stop]`` ends (``start`` when there is none)."""
    return start + len(text[start:stop].rstrip())


def _lowercase_before(text: str, start: int, stop: int) -> bool:
    """The last word of ``text[start:stop]`` opens in lowercase (a sentence runs on)."""
    words = text[start:stop].split()
    return bool(words) and words[-1][0].islower()


#: A hashtag: ``#`` then a letter or digit.
_HASHTAG = re.compile(r"#[^\W_]")
#: The most words one hashtag holds: nav's ``hashtag_max_words`` (data/nav.json), which
#: reads the same tags on their own lines.
_TAG_MAX_WORDS = json_data("nav.json")["hashtag_max_words"]


def _glued_hashtags(text: str, start: int, stop: int) -> list[Label]:
    """``related.glued_tags``: a run of ``glued_tags_min`` hashtags or more ending
    ``text[start:stop]`` (the words before a glued related heading), each of at most
    ``hashtag_max_words`` words (nav.json), none ending a sentence (``#Lưu Văn #sao Hoa ngữ``):
    a page's topic links, with the heading after them no sentence's opening. Labelled nav."""
    if "#" not in text[start:stop]:
        return []
    words = text[start:stop].split()
    found = 0
    size = 0  # words of the item being read back
    first = len(words)
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word[-1] in _SENTENCE_MARKS or word[-1] in "\"”’":
            break
        size += 1
        if size > _TAG_MAX_WORDS:
            break
        if _HASHTAG.match(word):
            found += 1
            first, size = i, 0
    if found < _T["glued_tags_min"] or first == len(words):
        return []
    at = start
    for word in words[:first + 1]:
        at = text.index(word, at) + len(word)
    return [Label(at - len(words[first]), _last_word_end(text, start, stop), "nav",
                  "related.glued_tags")]


def _glued_clones(text: str, start: int, stop: int, tail: int, end: int) -> list[Label]:
    """``related.glued_tail``: related titles glued right after the story's last sentence
    (``text[start:stop]``, before a glued related heading, its hashtags or sign-off) that
    come back word for word among the headlines after the heading (``text[tail:end]``): a
    template's in-story box repeating the list below. From ``start``, every word lies in a
    ``clone_ngram_words``-word sequence met among the headlines, ``clone_min_words``
    words or more; a sign-off or other words after them stay for the usual glue test."""
    n = _T["clone_ngram_words"]
    spans = [w.span() for w in _CLONE_WORD.finditer(text, start, stop)]
    if len(spans) < _T["clone_min_words"]:
        return []
    headlines = " " + " ".join(text[tail:end].split()) + " "
    words = [text[a:b] for a, b in spans]
    covered = 0  # words from the start covered so far
    for i in range(len(words) - n + 1):
        if i > covered:
            break
        if " %s " % " ".join(words[i:i + n]) in headlines:
            covered = i + n
    if covered < _T["clone_min_words"]:
        return []
    return [Label(spans[0][0], spans[covered - 1][1], "related", "related.glued_tail")]


def _promo_glue(text: str, start: int, end: int) -> list[Label]:
    """``related.glued_promo``: the words before a glued related heading (``text[start:end]``)
    when they are all promo (``Đọc bài gốc``, ``VTV.vn - Đăng ký nhận tin qua Zalo``):
    strip_promos, run before this cleaner, could not read them with the tail glued after
    them, and would find them on a second pass once the tail is gone."""
    glue = text[start:end]
    if not glue.strip():
        return []
    if not strip_promos(glue).strip():
        lead = len(glue) - len(glue.lstrip())
        return [Label(start + lead, end, "promo", "related.glued_promo")]
    # "Hà My Chia sẻ Bình luận": a sign-off (strip_bylines') then a row of buttons
    words = list(_WORD.finditer(glue))
    for k in range(1, min(_SIGNOFF_MAX_WORDS, len(words) - 2) + 1):
        if not words[k - 1].group()[0].isupper():
            break
        if is_widget_row(glue[words[k].start():]):
            return [Label(start + words[k].start(), end, "promo", "related.glued_promo")]
    return []


_SIGNOFF_MAX_WORDS = 4
_WORD = re.compile(r"\S+")


def _heads_headlines(text: str, m: re.Match, end: int, signed: bool) -> bool:
    """The related heading ``m`` (groups ``heading`` and ``colon``) has enough words after it,
    up to ``end``, for its headlines (fewer after a strong heading than a weak one), and reads
    as a heading: a colon, upper case, a heading no sentence opens with, or ``signed`` (what
    stands before it shows it is no sentence's opening)."""
    heading = m.group("heading")
    need = (_T["headline_min_words"] if heading.casefold() in _STRONG
            else 2 * _T["headline_min_words"] + 2)
    return len(text[m.end():end].split()) >= need and bool(
        signed or m.group("colon") or heading.isupper() or not _may_open_sentence(heading))


def _glued_last_line(text: str, line_start: int, end: int) -> list[Label]:
    """:func:`_glued_tail` on the text's last line ``[line_start, end)`` (short, ending in no
    sentence mark) when the line above it ends the story (``_STORY_LINE``), or when up to
    ``glued_tail_max_lines`` lines above it are glued related tails of their own, the first
    of them under the story's end (a template's boxes, one flattened line each:
    ``(Vietnam+) Tin liên quan ...`` / ``Tin cùng chuyên mục ...``), the first of them maybe
    glued after the story's last sentence (``... Hà Nội. Tin liên quan: ...``)."""
    found: list[Label] = []
    for _ in range(_GLUED_LINES_MAX):
        if text[end - 1:end] in _SENTENCE_MARKS:
            return []  # a line above that ends a sentence is no glued tail
        if text.count(" ", line_start, end) < _T["headline_min_words"] + 1:
            return []  # a word of glue, a heading and a headline hold more spaces
        labels = _glued_tail(text, line_start - 1, end, alone=True)  # from the newline before
        if not labels:
            return []
        found += labels
        above = ""
        above_end = line_start - 1
        for _ in range(_BLANKS_ABOVE_MAX + 1):  # the line above, past a few blank ones
            if above_end <= 0:
                break
            above_start = text.rfind("\n", 0, above_end) + 1
            above = text[above_start:above_end].strip()
            if above:
                break
            above_end = above_start - 1
        if not above:
            return []
        if above[-1] in ".!?…\"”’)" and _STORY_LINE.match(above):
            return found
        line_start, end = above_start, above_start + len(text[above_start:above_end].rstrip())
        if (last := text.rfind(". ", line_start, end)) >= 0:
            # the story ends on the line above, a tail of its own glued after its last sentence
            above_tail = _glued_tail(text, last + 1, end, alone=True) if (
                text[end - 1:end] not in _SENTENCE_MARKS) else []
            return found + above_tail if above_tail else []
    return []


_GLUED_LINES_MAX = _T["glued_tail_max_lines"]
_SENTENCE_MARKS = frozenset(".!?…")


def _flat_tail(text: str) -> list[Label]:
    """The related tail at the end of a flattened page's last line (``_FLAT_TAIL``): its
    headlines hold ``headline_min_words`` words or more after a strong heading, two
    headlines' worth after a weak one (``Xem nhiều nhất``); a heading that may open a
    sentence (:func:`_may_open_sentence`) needs share buttons, a colon or upper case."""
    n = len(text)
    newline = text.rfind("\n", max(0, n - _FLAT_LINE_MIN - 8), n - 1)
    short_last = newline >= 0 and text[newline + 1:].strip()
    end = n - (len(text[-64:]) - len(text[-64:].rstrip()))
    if not end or text[end - 1] in _FLAT_NOT_LAST and not _TEASER_CUT_END.search(
            text, max(0, end - 4), end):
        return []  # a sentence's end (a teaser's cut, "... mọi năm...", is none)
    if short_last:
        # no flattened page, but maybe a related tail glued on its short last line
        return _glued_last_line(text, text.rfind("\n", 0, end) + 1, end)
    window = max(0, end - _FLAT_TAIL_MAX)
    start = text.rfind("\n", window, end) + 1 or window  # the line's start, or the window's
    # The headlines hold no ". ": the tail opens at the last one (a sign-off alone after it
    # is too short for a heading and a headline); a teaser's cut ("... trụ cột... Tranh
    # cãi ...") is no sentence end (:func:`_last_sentence_stop`).
    last = _last_sentence_stop(text, start, end)
    if last < 0:
        return []
    if end - start > FLAT_LINE_MIN_CHARS:
        buttons = _FLAT_BUTTONS.match(text, last, end)
        if buttons is not None:
            return [Label(buttons.start("chrome"), end, "promo", "related.flat_buttons")]
    if end - start <= _FLAT_LINE_MIN or end - last < _FLAT_TAIL_MIN:
        return []
    m = _FLAT_TAIL.match(text, last, end)
    if m is not None and _heads_headlines(text, m, end, bool(m.group("chrome"))):
        return [Label(m.start("chrome"), end, "related", "related.flat_tail")]
    return _glued_tail(text, last + 2, end) or _button_tail(text, last, end)


def _button_tail(text: str, last: int, end: int) -> list[Label]:
    """``related.flat_tail`` with buttons for its heading (``_FLAT_BUTTON_TAIL``): after them,
    to the line's end, two headlines' worth of words (``2 * headline_min_words + 2``) and no
    ``. `` (``last`` is the last one). The words before the buttons stay for their cleaners."""
    m = _FLAT_BUTTON_TAIL.match(text, last, end)
    if m is None or len(text[m.end():end].split()) < 2 * _T["headline_min_words"] + 2:
        return []
    return [Label(m.start("chrome"), end, "related", "related.flat_tail")]


def _inline_spans(text: str, tags: list[tuple[int, int]] | None = None) -> list[Label]:
    """``>>`` links, anchored teasers and inline cues in ``text``, as found there (and in
    ``tags`` the colons an event tag may end at: :func:`_inline_cues`)."""
    found: list[Label] = []
    if ">" in text and ">>" in text:  # a one-character test first: faster on most text
        found += _inline_arrows(text)
    if _ANCHOR_GATE in text:
        found += _anchored_teasers(text)
    found += _inline_cues(text, tags)
    if "…" in text or "..." in text:  # (a cut's marks: most texts have none; "…" is the
        # cheaper test, a one-character scan)
        found += _read_more_tails(text)
    found += _flat_tail(text) or _carded_tail(text)
    found += _cloned_titles(text)
    return found


def _read_more_tails(text: str) -> list[Label]:
    """``related.read_more``: a read-more link closing a teaser cut short, at its line's
    end after the cut's ``...`` or ``…`` (``related_read_more.txt``, maybe in brackets or
    before an arrow); the teaser stays for the other rules.

    >>> text = "Người dân cho biết nước lên rất nhanh và nhiều... [Read More]"
    >>> [text[lab.start:lab.end] for lab in _read_more_tails(text)]
    [' [Read More]']
    >>> _read_more_tails("Cô bỏ lửng câu chuyện... Xem tiếp phần hai vào tối mai.")
    []

    A forum's or aggregator's teaser prints the link after a whole sentence instead, its own
    dots closing the line (``... vải thiều. Xem tiếp...``): the link and its dots go.

    >>> text = "Hợp tác xã mở thêm hai xưởng sấy vải thiều. Xem tiếp..."
    >>> [text[lab.start:lab.end] for lab in _read_more_tails(text)]
    [' Xem tiếp...']
    """
    found = []
    for mark in ("...", "…"):  # (str.find: a scan for each cut mark is C-fast)
        k = text.find(mark)
        while k >= 0:
            lead = _READ_MORE_LEAD.search(text, max(0, k - _READ_MORE_LEAD_REACH), k)
            k += len(mark)
            m = _READ_MORE_TAIL.match(text, k)
            if m is not None:
                found.append(Label(k, m.end(), "related", "related.read_more"))
            elif lead is not None and _LINE_END.match(text, k):
                found.append(Label(lead.start("link"), k, "related", "related.read_more"))
            k = text.find(mark, k)
    return sorted(found)


#: The read-more link right after a teaser's cut, ending its line.
_READ_MORE_TAIL = re.compile(
    r"[ \t]*[\[(]?(?:%s)(?:[ \t]*(?:»|>>?|›))?[\])]?[ \t]*(?=\n|\Z)"
    % alternation(word_list("related_read_more.txt")))
#: The same link written after a sentence's end with the cut's dots after it: the sentence's
#: mark and the link, ending right where the dots start (searched only in the few characters
#: before each mark, ``_READ_MORE_LEAD_REACH``).
_READ_MORE_LEAD = re.compile(
    r"[.!?][\"”’)]?(?P<link>[ \t]+(?:%s))\Z" % alternation(word_list("related_read_more.txt")))
_READ_MORE_LEAD_REACH = 2 + max(map(len, word_list("related_read_more.txt"))) + 8
_LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")


def _carded_tail(text: str) -> list[Label]:
    """``related.flat_tail``: a related heading closing a flattened page's last line (after
    the story's last sentence end and at most ``glued_tail_max_words`` words of a sign-off)
    whose block opens with a card: a headline printed twice in a row (``_DOUBLED_TITLE``:
    a card's image title, then its link), the heading's list to the line's end with its
    teasers, which end like sentences (``Tin liên quan Tin mới nhất “Nguyện vì dân” ... thắm
    “Nguyện vì dân” ... thắm Huy hiệu đỏ thắm ...``). A heading after more words, or one
    whose text after it opens with no doubled headline, is left to the rules above."""
    end = last_non_space_end(text)
    start = text.rfind("\n", 0, end) + 1
    if end - start <= FLAT_LINE_MIN_CHARS:
        return []
    window = max(start, end - _FLAT_TAIL_MAX)
    for m in _CARD_HEADING.finditer(text, window, end):
        if text[m.start() - 1] not in " \t\xa0\n":
            continue  # (a word's end, not a heading)
        stop = _SENTENCE_BEFORE.search(text, max(window, m.start() - _GLUE_REACH), m.start())
        if stop is None or len(text[stop.end():m.start()].split()) > _GLUE_MAX_WORDS:
            continue
        after = m.end()
        while (more := _GLUED_HEADING.match(text, after, end)) is not None:
            after = more.end()  # "Tin liên quan Tin mới nhất": headings in a row
        if _DOUBLED_TITLE.match(text, after, end) is not None:
            return [Label(m.start(), end, "related", "related.flat_tail")]
    return []


#: ``_GLUED_HEADING`` without its look-behind (the search skips ahead on the first letters;
#: the blank before is tested apart).
_CARD_HEADING = LazyPattern(_GLUED_HEADING.pattern.removeprefix(r"(?<=[ \t\xa0\n])"),
                            compile=re.compile)  # (only long last lines need it)
#: How far before a heading the glue words may reach (``glued_tail_max_words`` words).
_GLUE_REACH = 12 * _GLUE_MAX_WORDS
#: The story's last sentence end before a heading: the last ``. `` (or ``!``, ``?``, ``…``,
#: a closing quote after it) in the stretch searched.
_SENTENCE_BEFORE = regex.compile(r"(?r)[.!?…][\"”’)]?[ \t\xa0]")
#: A card's headline printed twice in a row, right where the search starts.
_DOUBLED_TITLE = regex.compile(r"[ \t\xa0]*+(?P<title>[^\s.!?][^\n.!?]{14,199}?)[ \t\xa0]++"
                               r"(?P=title)(?![^\s.,:;!?])")


_CLONE_WORD = re.compile(r"\S+")
#: The first ``clone_ngram_words`` words of a line.
_CLONE_HEAD = re.compile(r"[ \t]*+(\S++(?:[ \t]++\S++){%d})"
                         % (_T["clone_ngram_words"] - 1))
_CLONE_STOP = re.compile(r"[.!…][\"”’)]*\Z")  # a word that ends a sentence: story, not a title


def _cloned_titles(text: str) -> list[Label]:
    """``related.cloned_titles``: a run of related titles that opens a long line of a
    flattened text (fewer than ``clone_max_lines`` lines) and repeats itself there, as a
    carousel's cloned slides do once scraped to text (``Tiêu đề A Tiêu đề B Tiêu đề A
    Tiêu đề B Tiêu đề A Bài viết ...``). Every word of the
    run lies in a ``clone_ngram_words``-word sequence met at least twice inside the run, the
    run holds ``clone_min_words`` words or more, no word of it ends a sentence, and the line
    goes on after it with no lower-case word. A quote or lead repeated further down the
    line is not inside the run: it stays.

    >>> t = "Học phí tăng mạnh Trường tư kín chỗ " * 3 + "Năm nay nhiều trường tăng học phí. " * 8
    >>> [t[x.start:x.end] for x in _cloned_titles(t)] == [t[:t.index("Năm") - 1]]
    True
    >>> _cloned_titles("Mẹ ơi con nhớ mẹ lắm. Mẹ ơi con nhớ mẹ lắm. "
    ...                + "Bài thơ được nhiều người yêu thích. " * 8)
    []
    """
    labels: list[Label] = []
    if text.count("\n") >= _T["clone_max_lines"]:
        return labels  # a page of many lines is not a flattened one
    min_chars, at = _T["clone_line_min_chars"], 0
    for line in text.split("\n"):  # C splits; only long lines are read further
        size = len(line)
        # the run's first words come back inside it: one C search rules out most lines
        if size >= min_chars and (head := _CLONE_HEAD.match(line)) is not None and (
                line.find(head.group(1), head.end()) >= 0):
            label = _cloned_run(text, at, at + size, _T["clone_ngram_words"])
            if label is not None:
                labels.append(label)
        at += size + 1
    return labels


def _cloned_run(text: str, start: int, end: int, n: int) -> Label | None:
    """The cloned run opening the line ``text[start:end]`` (:func:`_cloned_titles`)."""
    spans = []
    for m in _CLONE_WORD.finditer(text, start, end):
        if _CLONE_STOP.search(m.group()) or len(spans) >= _T["clone_window_words"]:
            break
        spans.append(m.span())
    words = [text[a:b] for a, b in spans]
    size = len(words)
    while size >= _T["clone_min_words"]:
        grams: dict[tuple[str, ...], int] = {}
        for i in range(size - n + 1):
            key = tuple(words[i:i + n])
            grams[key] = grams.get(key, 0) + 1
        covered = [False] * size
        for i in range(size - n + 1):
            if grams[tuple(words[i:i + n])] > 1:
                covered[i:i + n] = repeat(True, n)
        run = covered.index(False) if False in covered else size
        if run == size:
            break
        size = run  # the counts change once the words after the run are left out
    if size < _T["clone_min_words"] or size >= len(spans) or words[size][:1].islower():
        return None
    return Label(spans[0][0], spans[size - 1][1], "related", "related.cloned_titles")


def _event_tag_forms() -> tuple[str, ...]:
    return _written_forms(expand_forms(word_list("related_event_tags.txt")), title=True)


# An event tag line ("Sự kiện: Bão số 3 Yagi"): a label of related_event_tags.txt opening
# the line, its colon, a capitalised name of a few words without a sentence mark; it goes
# only above or below the story (no story line on one side of it) and never next to a
# "label: value" line (a schedule in the story: "Thời gian: ...", "Sự kiện: ...").
_EVENT_TAG_ENDS = frozenset(form[-4:] for form in _event_tag_forms())
# A colon after a letter pair that ends a single cue or an event tag label, or after a
# space: a literal ":" first, so the stdlib scan jumps from colon to colon in C.
_CUE_COLON = re.compile(r":(?:(?<=[%s][%s]:)|(?<=[ \t\xa0]:))" % tuple(
    re.escape("".join(sorted({end[k] for end in _SINGLE_CUE_ENDS | _EVENT_TAG_ENDS})))
    for k in (-2, -1)))
_EVENT_TAG_LINE = LazyPattern(
    r"(?:%s)[ \t\xa0]*+:[ \t\xa0]*+(?=\p{Lu}|\d)(?=[^\n.!?…;:]{1,120}+(?<![,\-–])\Z)"
    r"\W*+(?:\w++\W*+){1,%d}+" % (trie(_event_tag_forms()), _T["event_tag_max_words"]), regex.V1)
# A story line: long enough, and ending like a sentence.
_STORY_LINE = re.compile(r"^[^\n]{%d,}[.!?…][\"”’)]?[ \t\xa0]*$"
                         % (_T["story_line_min_chars"] - 1), re.MULTILINE)
_LABELLED_LINE = regex.compile(r"[ \t\xa0]*+%s" % _LABEL_VALUE, regex.V1)
#: A sentence of at least ``min_sentence_words`` words: it ends as a sentence does.
#: Matched against one line (no newline), where ``.*`` reads any words past the first ones:
#: exactly that many words before it match the same lines as "that many or more" would,
#: without retrying every word count on a long line that does not end as a sentence
#: (quadratic in its words: 12,600 corpus lines took 3.5 s, now 0.015 s).
_SENTENCE = re.compile(r"\W*(?:\w+\W+){%d}.*[.!?…][\"”’)]?\s*$"
                       % (_T["min_sentence_words"] - 1))


def _event_tags(text: str, tags: list[tuple[int, int]], gone: list[Label],
                lefts: dict[int, str]) -> list[Label]:
    """Event tag lines among the candidate ``(label end, colon)`` places of ``tags``, each
    line read as the labels ``gone`` (merged) and the inline residues ``lefts`` leave the
    text: what a second pass would read."""
    view = _LineView(text, gone, lefts)
    labels = []
    for label_end, colon in tags:
        line_start = text.rfind("\n", 0, label_end) + 1
        line_end = text.find("\n", colon)
        line_end = len(text) if line_end < 0 else line_end
        if not _EVENT_TAG_LINE.fullmatch(view.line(line_start, line_end)):
            continue
        before = view.before(line_start)
        after = view.after(line_end)
        if any(_LABELLED_LINE.match(line) and not _EVENT_TAG_LINE.fullmatch(line)
               for line in (before, after)):
            continue  # an item of a list of the story ("Thời gian: ...", "Sự kiện: ...")
        if not before and _STORY_LINE.match(after):
            continue  # the first line, right above the story: its title
        if (view.story_line(0, line_start) and view.story_line(line_end, len(text))
                or _SENTENCE.match(before) and _SENTENCE.match(after)):
            continue  # between two story lines, or right between sentences: the story's label
        first = _NON_SPACE.search(text, line_start)
        last = LAST_NON_BLANK.search(text, first.start(), line_end)
        labels.append(Label(first.start(), last.end(), "related", "related.event_tag"))
    return labels


class _LineView:
    """The lines of ``text`` as the labels ``gone`` (merged, sorted) and the inline
    residues ``lefts`` (by line start) leave them, stripped: a line they take is ``""``."""

    def __init__(self, text: str, gone: list[Label], lefts: dict[int, str]) -> None:
        self.text = text
        self.gone = gone
        self.starts = [label.start for label in gone]
        self.lefts = lefts

    def line(self, start: int, end: int) -> str:
        """The line ``text[start:end]`` as left."""
        line = self.text[start:end]
        stripped = line.strip()
        if not stripped:
            return ""
        first = start + len(line) - len(line.lstrip())
        k = bisect.bisect_right(self.starts, first) - 1
        if k >= 0 and self.gone[k].end >= first + len(stripped):
            return ""
        return self.lefts[start].strip() if start in self.lefts else stripped

    def before(self, line_start: int) -> str:
        """The last line left before the line at ``line_start`` ("" if none)."""
        end = line_start - 1
        while end > 0:
            start = self.text.rfind("\n", 0, end) + 1
            line = self.line(start, end)
            if line:
                return line
            end = start - 1
        return ""

    def after(self, line_end: int) -> str:
        """The first line left after the line ending at ``line_end`` ("" if none)."""
        text = self.text
        while line_end < len(text):
            start = line_end + 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            line = self.line(start, end)
            if line:
                return line
            line_end = end
        return ""

    def story_line(self, start: int, end: int) -> bool:
        """True when a story line (``_STORY_LINE``) is left between ``start`` and ``end``."""
        for m in _STORY_LINE.finditer(self.text, start, end):
            if _STORY_LINE.match(self.line(m.start(), m.end())):
                return True
        return False


def _inline_labels(text: str, tags: list[tuple[int, int]] | None = None
                   ) -> tuple[list[Label], dict[int, str]]:
    """The inline labels (merged, touching ones joined: one link after another is one
    edit), settled line by line (:func:`~vnclean.blocks.settle_inline`): on a line they
    touch, the links and teasers of what they leave of it are looked for again, as a second
    pass would (a teaser gone may bring a ``>>`` link within reach of its line's end, or
    end the sentence before a next teaser), until a round finds nothing new. Also what they
    leave of each such line, by its start."""
    found = _inline_spans(text, tags)
    if not found:
        return found, {}
    return settle_inline(text, merge_labels(found, touching=True), _inline_spans,
                         _merge_touching, _SETTLE_ROUNDS)


def _merge_touching(labels: list[Label]) -> list[Label]:
    return merge_labels(labels, touching=True)


def _title_pair(text: str, labels: list[Label]) -> list[Label]:
    """The first line that ``labels`` (merged) leave, when it is two headlines joined by
    `` / ``: a related pair, not the story's title."""
    first_char = _NON_SPACE.search(text)
    if first_char is None:
        return []
    if not labels or labels[0].start > first_char.start():
        # The text's first line is first: a pair only if " / " and its end are in reach.
        if text.find(" / ", first_char.start(), first_char.start() + _PAIR_MAX) < 0:
            return []
        newline = text.find("\n", first_char.start(), first_char.start() + _PAIR_MAX + 1)
        if newline < 0:
            return []  # too long, or no line after it
        line = _NONBLANK_LINE.match(text, first_char.start(), newline)
    else:
        line = _NONBLANK_LINE.search(text)
    k = 0  # labels before k end before the line
    while line is not None:
        while k < len(labels) and labels[k].end <= line.start():
            k += 1
        if k == len(labels) or not (labels[k].start <= line.start()
                                    and labels[k].end >= line.end()):
            break
        line = _NONBLANK_LINE.search(text, line.end())  # the line goes: the next one is first
    if line is None:
        return []
    start, end = line.span()
    newline = text.find("\n", end)
    if newline < 0:
        return []  # a pair must have a line after it
    inner = []  # the labels on the line (they are sorted)
    while k < len(labels) and labels[k].start < newline:
        inner.append(labels[k])
        k += 1
    # the line as the labels on it leave it, stripped: two parts of at most 201 characters
    # joined by " / " (the pattern then spans all of it)
    first = (residue(text, text.rfind("\n", 0, start) + 1, newline, inner).text.strip()
             if inner else text[start:end])
    if len(first) > _PAIR_MAX or " / " not in first:
        return []
    m = _TITLE_PAIR.match(first)
    if m is None or any(part.rstrip()[-1:] in _BAD_END for part in m.groups()):
        return []
    return [Label(start, end, "related", "related.title_pair")]


_PAIR_MAX = 2 * 201 + 3  # the longest stripped line _TITLE_PAIR takes
_NON_SPACE = re.compile(r"\S")
_NONBLANK_LINE = re.compile(r"\S(?:[^\n]*\S)?")  # a stripped line, as nonblank_lines finds it


def _with_event_tags(text: str, tags: list[tuple[int, int]], inline: list[Label],
                     lefts: dict[int, str], labels: list[Label]) -> list[Label]:
    """``labels`` with the event tag lines (:func:`_event_tags`) read among the lines they
    leave; a tag gone, the line pass runs again without its line (it may join two groups
    of headlines into a run), as a second cleaning would, until no tag is new."""
    found: list[Label] = []
    for _ in range(_SETTLE_ROUNDS):
        new = [tag for tag in _event_tags(text, tags, labels, lefts) if tag not in found]
        if not new:
            break
        found += new
        gone = merge_labels(inline + found)
        left = dict(lefts)
        for tag in found:  # whole lines: the line pass reads them as gone
            left[text.rfind("\n", 0, tag.start) + 1] = ""
        labels = merge_labels(_line_labels(text, gone, left) + gone)
    return labels


#: A lead's agency prefix of any paper at a line's start, as bylines reads one: in brackets
#: (``(Baothanhhoa.vn) - ``, ``(Xinh Xinh) - ``) or a domain (``Baophutho.vn - ``). Its text is
#: the key by which :func:`_prefixed_teasers` finds the paper's other leads.
_LEAD_PREFIX = line_opening(
    r"[ \t]*(\([^\W_][^()\n]{1,30}\)"
    r"|[^\W_]{2,20}+(?:\.[^\W_]{2,20}+)?\.(?:vn|VN|com\.vn))"
    r"[ \t]*[-–—][ \t]*(?=[^\W_]|[\"“])")


def _prefixed_teasers(text: str) -> list[Label]:
    """``related.prefixed_teasers``: the teasers of the paper's other articles that a page
    prints under the story, each opening with the same lead prefix as the story's lead.

    Only a lead carries its paper's prefix, once: when ``prefixed_teasers_min_repeats`` lines
    or more after the first line holding a prefix open with that same prefix, and each is
    teaser-sized (``teaser_max_chars``), those later lines are other articles' leads. The
    first line stays (the story's own lead); a page whose repeats run longer (a live report
    stamping each entry) keeps them all.

    >>> lead = "(Baoxyz.vn) - Tỉnh vừa khởi công tuyến đường ven biển dài 40 km.\\n"
    >>> other = "(Baoxyz.vn) - Xã miền núi đón nhận bằng công nhận nông thôn mới...\\n"
    >>> [text[x.start:x.end][:22] for text in [lead + other * 2] for x in _prefixed_teasers(text)]
    ['(Baoxyz.vn) - Xã miền ', '(Baoxyz.vn) - Xã miền ']
    """
    starts: dict[str, list[int]] = {}
    for line_start, m in line_openings(text, _LEAD_PREFIX):
        first = text[m.end()]
        if first.isupper() or first.isdigit() or first in "\"“":
            starts.setdefault(m.group(1), []).append(line_start)
    labels = []
    for found in starts.values():
        if len(found) <= _T["prefixed_teasers_min_repeats"]:
            continue
        spans = [(a, line_end(text, a)) for a in found[1:]]
        if (all(len(text[a:b].strip()) <= _TEASER_MAX for a, b in spans)
                and _cards_in_a_row(text, spans)):
            labels += [Label(a, b, "related", "related.prefixed_teasers") for a, b in spans]
    return sorted(labels, key=attrgetter("start"))


#: A line between two prefixed lines that makes them a story's: it ends a sentence (an
#: interview's answer under a ``(PV) - `` question) or is a live report's time stamp.
_STORY_BETWEEN = re.compile(r"(?:[.!?…\"”]|^[ \t]*\d{1,2}[:hg]\d\d)[ \t]*$", re.MULTILINE)


def _cards_in_a_row(text: str, spans: list[tuple[int, int]]) -> bool:
    """The prefixed lines ``spans`` stand as one list of cards: between two of them only
    blank lines or headlines, never a line ending a sentence (an interview's answers between
    its ``(PV) - `` questions) or a time stamp (a live report's entries between their times)."""
    return all(_STORY_BETWEEN.search(text, b, a) is None
               for (_, b), (a, _) in pairwise(spans))


#: The quote marks a ticker's headline may open on (``"Cười ra nước mắt": ... -``).
_QUOTE_OPENERS = "\"“‘'"
#: A ticker's headlines flattened one a line, each closed by the dash that parted it from
#: the next (``Giá vàng tăng mạnh -`` / ``Hà Nội mưa lớn -``), maybe after a lone ``-``;
#: a headline may open on a quote mark (``"Cười ra nước mắt": ... -``).
_DASHED_ITEM = line_opening(
    r"[ \t]*(?:-[ \t]*\n[ \t]*)?((?:[%s]?[^\W\d_][^\n]{%d,%d}?[ \t][-–][ \t]*\n[ \t]*){%d,})"
    % (_QUOTE_OPENERS, _T["headline_min_words"] * 2 - 1, _HEADLINE_MAX_CHARS,
       _T["dashed_run_min_items"]))


#: The gate of :func:`_dashed_runs`: a line ending in a dash after a blank, maybe with blanks
#: after it (as :data:`_DASHED_ITEM` lets them: a scraper may leave spaces at line ends).
_DASH_LINE_END = re.compile(r"[ \t][-–][ \t]*\n")


#: :data:`_DASH_LINE_END` without its blank before the dash, one pattern a dash: each opens
#: with a literal, so the engine skips from dash to dash (two such scans cost less than one
#: multi-character substring test on Vietnamese text). The engine reads every character on
#: its way; a one-character test (C, as fast as ``memchr``) spares most texts the en dash's.
_HYPHEN_LINE_END = re.compile(r"-[ \t]*\n")
_EN_DASH_LINE_END = re.compile(r"–[ \t]*\n")


def _has_dash_line_end(text: str) -> bool:
    """True when a dash ends a line of ``text``, maybe with blanks after it: a necessary
    condition of :data:`_DASH_LINE_END` (and of its substrings `` -\\n``, `` –\\n``), which
    also want a blank before the dash."""
    return (_HYPHEN_LINE_END.search(text) is not None
            or "–" in text and _EN_DASH_LINE_END.search(text) is not None)


def _dashed_runs(text: str) -> list[Label]:
    """``related.dashed_run``: a run of ``dashed_run_min_items`` lines or more, each a
    headline closed by a dash (a ticker's items once scraped, the dash that parted them left
    at each line's end), with a lone ``-`` line opening it (or the text's top: nothing above
    it); verses or a list the story writes under its own paragraphs stay. The item after the
    run's last dash (no dash of its own) stays: the page's title may stand there. An item
    ending a sentence (``... hôm nay. -``) makes the run the story's; so do items half or
    more of which open on a quote mark (sayings, slogans or a verse the story quotes, one a
    line: a ticker quotes a headline's words now and then).

    >>> items = "".join(f"Tin vắn số {n} về thời tiết các tỉnh miền Bắc -\\n" for n in range(4))
    >>> text = "Tiêu đề\\n-\\n" + items + "Tin cuối\\nNội dung bài viết."
    >>> [text[x.start:x.end][-10:] for x in _dashed_runs(text)]
    ['miền Bắc -']
    """
    if not _has_dash_line_end(text) or " -\n" not in text and " –\n" not in text and (
            " \n" not in text and "\t\n" not in text or _DASH_LINE_END.search(text) is None):
        return []  # (cheap scans first: the pattern costs four times as much)
    found = []
    for start, m in line_openings(text, _DASHED_ITEM):
        body = text[start:m.end(1)].rstrip()
        items = [line.strip().rstrip("-– \t") for line in body.split("\n")]
        if m.start(1) == start and last_non_space_end(text, start):
            continue  # no lone "-" opens it and story stands above: verses, a list's lines
        quoted = sum(item[:1] in _QUOTE_OPENERS for item in items)
        if 2 * quoted >= len(items):
            continue  # half of them quotations or more: sayings, slogans, a quoted verse
        if not any(item.endswith(".") for item in items if item):  # no sentence ends there
            end = _title_below_label(text, start + len(body)) or start + len(body)
            found.append(Label(start, end, "related", "related.dashed_run"))
    return found


#: After a ticker's last dashed item: the item with no dash, a short section label, then the
#: page's title glued to its time stamp (``23/11/2025 09:30Sự thật ...``): the title stands
#: below, so the undashed line is the ticker's last item (groups: its end, the label).
_LAST_ITEM_ABOVE_TITLE = regex.compile(
    r"[ \t]*\n[ \t]*+[^\n]{1,%d}?(?<=\S)[ \t]*\n[ \t]*+(\p{Lu}\p{Ll}*+(?:[ \t]\p{L}+){0,2})"
    r"[ \t]*\n[ \t]*+\d{1,2}/\d{1,2}/\d{4}[ \t]+\d{1,2}:\d{2}\p{Lu}" % _HEADLINE_MAX_CHARS,
    regex.VERSION1)


def _title_below_label(text: str, end: int) -> int:
    """The end of a ticker's undashed last item (the line after ``end``, where the dashed run
    ends) when a short section label and the page's title glued to its time stamp follow it
    (:data:`_LAST_ITEM_ABOVE_TITLE`), else 0: with the title elsewhere the item may be it;
    an item opening in lower case runs on from the list above (``và cuối cùng là ...``).

    >>> text = "A -\\nB cuối\\nXã hội\\n23/11/2025 09:30Tiêu đề\\nNội dung."
    >>> text[:_title_below_label(text, 3)]
    'A -\\nB cuối'
    """
    m = _LAST_ITEM_ABOVE_TITLE.match(text, end)
    if m is None or m.group(1).endswith((".", ":")):
        return 0
    item = text[end:m.start(1)].lstrip()
    if not item[:1].isupper() and item[:1] not in _QUOTE_OPENERS:
        return 0  # it runs on in lower case: the list's sentence ends there (``và ...``)
    return text.rindex("\n", end, m.start(1))


#: A dated series title on the text's first line: its name of two words or more, a day and
#: month (maybe a year), then a colon (``Tin sáng 25/9: ...``, ``Bản tin tối 3-10: ...``).
_SERIES_TITLE = regex.compile(
    r"[ \t]*+(\p{Lu}\p{Ll}*+(?:[ \t]\p{Ll}++){1,3})[ \t]++(\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)"
    r"[ \t]*+:")
#: Where a scraper glued the next block on: a lower-case letter with a capital right after it.
_GLUED_CAPITAL = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")


def _earlier(date: str, than: str) -> bool:
    """Whether the day and month ``date`` (``24/9``, ``3-10``, maybe a year) come before
    ``than``'s: a link to the series' earlier issue; a later date is an entry of the story's
    own (a live report's next day), and dates read no other way stay too."""
    day, month, *year = map(int, regex.split(r"[/.-]", date))
    than_day, than_month, *than_year = map(int, regex.split(r"[/.-]", than))
    if year and than_year and year != than_year:
        return year < than_year
    return (month, day) < (than_month, than_day)


def _series_siblings(text: str) -> list[Label]:
    """``related.series_sibling``: a line under a dated series title (:data:`_SERIES_TITLE`,
    ``Tin sáng 25/9: ...``) that opens with the same series name and another date (``Tin sáng
    24/9: ...``): the link to the series' other issue; it ends at the line's end, or where the
    next block was glued on (a lower-case letter with a capital after it, the subheading
    that follows stays). A line with the title's own date or a later one (a live report's
    next entry), one that ends a sentence, and every line when the name opens two or more
    (a timeline's or a diary's dated entries: ``Nhật ký ngày 4/10: ...``) stay.

    >>> text = "Tin sáng 5/3: Mưa lớn\\nTin sáng 4/3: Cháy chợ ở Nam ĐịnhGiá vàng tăng\\nNội dung."
    >>> [text[x.start:x.end] for x in _series_siblings(text)]
    ['Tin sáng 4/3: Cháy chợ ở Nam Định']
    """
    title = _SERIES_TITLE.match(text)
    if title is None:
        return []
    name, date = title.group(1), title.group(2)
    start = text.find("\n" + name, title.end()) + 1
    if not start or text.count("\n" + name) > 1:
        return []  # (more lines open with the name: a timeline's or a diary's dated entries)
    stop = line_end(text, start)
    m = _SERIES_TITLE.match(text, start, stop)
    line = text[start:stop].rstrip()
    if m is None or m.group(1) != name or not _earlier(m.group(2), date) or line[-1:] in ".!?":
        return []
    glued = _GLUED_CAPITAL.search(text, m.end(), stop)
    end = glued.start() if glued is not None else start + len(line)
    return [Label(start, end, "related", "related.series_sibling")]


def _line_runs(text: str) -> list[Label]:
    """:func:`_prefixed_teasers` and :func:`_dashed_runs`, each read only when ``text`` holds
    enough newlines for its run of lines (most flattened pages hold too few)."""
    newlines = text.count("\n")
    runs = _prefixed_teasers(text) if newlines >= _T["prefixed_teasers_min_repeats"] else []
    return runs + _dashed_runs(text) if newlines >= _T["dashed_run_min_items"] else runs


class StripRelatedLinks(BoilerplateCleaner):
    """Delete related-article blocks, ``>>`` links, dated related titles and teasers.

    A ``Tin liên quan`` heading takes the headlines (and their dates and teasers) after
    it; prose that merely says *xem thêm* stays.

    >>> strip_related_links("Mưa lớn.\\n>> Bão số 3 đổ bộ")
    'Mưa lớn.'
    >>> strip_related_links("Mưa lớn ở Hà Nội.\\nTin liên quan\\nBão số 3 đổ bộ vào Quảng Ninh\\n"
    ...                     "Hà Nội ngập sâu sau trận mưa lớn\\nThời tiết")
    'Mưa lớn ở Hà Nội.\\nThời tiết'
    >>> strip_related_links("Bạn có thể xem thêm thông tin trên trang của bộ.")
    'Bạn có thể xem thêm thông tin trên trang của bộ.'
    """

    name: ClassVar[str] = "strip_related_links"
    kind: ClassVar[str] = "related"

    def classify(self, text: str) -> list[Label]:
        tags: list[tuple[int, int]] = []
        inline, lefts = _inline_labels(text, tags)
        if inline:
            labels = merge_labels(_line_labels(text, inline, lefts) + inline)
        else:
            labels = _line_labels(text, inline, lefts)  # one label a line, sorted
        if tags:
            labels = _with_event_tags(text, tags, inline, lefts, labels)
        pair = _title_pair(text, labels)
        if pair:
            labels = merge_labels(labels + pair)
        teasers = _line_runs(text)
        if text[:1].isupper() and ":" in text[:40]:
            teasers += _series_siblings(text)
        if teasers:
            labels = merge_labels(labels + teasers)
        lead_list = (_lead_list(text) if text.find("\n-", 0, _LEAD_LIST_REACH) >= 0
                     or text.find("\n–", 0, _LEAD_LIST_REACH) >= 0 else [])
        if lead_list:
            labels = merge_labels(labels + lead_list)
        above = _above_doubled_title(text)
        if above:
            labels = merge_labels(labels + above)
        cards = _video_cards(text)
        if cards:
            labels = merge_labels(labels + cards)
        if not labels:
            return labels
        return join_line_labels(text, labels)


strip_related_links = StripRelatedLinks()

#: A video's running time alone on a line under another: ``00:01:58``, ``2:41`` (the
#: pattern opens with the newline, so the engine skips to each newline).
_DURATION_LINE = re.compile(r"\n[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[ \t]*(?=\n)")
#: What every such line ends with: its seconds and the newline (a search that skips from
#: colon to colon: a text with none skips the newline-by-newline one).
_DURATION_END = re.compile(r":\d{2}[ \t]*\n")


#: A lead at the text's top (after at most two lines: a title, a dateline), a line of
#: ``story_line_min_chars`` or more ending a sentence, then dashed lines right under it (blank
#: lines between): :func:`_lead_list` reads them.
_LEAD_LIST = regex.compile(
    rf"\A\s*+(?:[^\n]*+\n\s*+){{0,2}}?[^\n]{{{_T['story_line_min_chars']},}}?[.!?…][\"”’)]?"
    rf"[ \t]*+\n((?:\s*+[-–][ \t]++[^\n]++(?:\n|\Z)){{{_T['end_run_min_headlines']},}})"
    rf"(?=\s*+([^\n]*+))", regex.V1)
#: How far from the text's top the lead and its list are looked for (characters).
_LEAD_LIST_REACH = _T["lead_list_reach_chars"]
_LEAD_LIST_ITEM = regex.compile(r"[ \t]*+[-–][ \t]++([\"“‘'\p{Lu}\d][^\n]*?)[ \t]*+$", regex.V1)


def _lead_list(text: str) -> list[Label]:
    """``related.lead_list``: links to other articles a page prints right under the lead,
    before the body: ``end_run_min_headlines`` (two) dashed lines or more, each a headline
    (a capital, a digit or a quote first; ``end_run_long_words`` to ``headline_max_words``
    words; no ``.``, ``;``, ``:`` or ``,`` at its end), between the lead (a line of
    ``story_line_min_chars`` or more ending a sentence, at most two lines under the text's
    top) and a paragraph of the body (``story_line_min_chars`` or more). A list the story
    introduces ends its line above with a colon, and its items are short or end like clauses.

    >>> text = ("Mưa lớn kéo dài từ đêm qua khiến nhiều tuyến phố ở trung tâm thành phố ngập "
    ...         "sâu, giao thông ùn tắc.\\n- Video cảnh người dân lội nước về nhà trong đêm mưa "
    ...         "lớn\\n- Ba tuyến đường thường xuyên ngập nặng nhất mỗi mùa mưa bão\\nTheo đài "
    ...         "khí tượng, lượng mưa đo được tại nhiều trạm đã vượt mức trung bình nhiều năm.")
    >>> [text[x.start:x.end][:9] for x in _lead_list(text)]
    ['- Video c', '- Ba tuyế']
    """
    m = _LEAD_LIST.match(text, 0, _LEAD_LIST_REACH)
    if m is None or len(m.group(2)) < _T["story_line_min_chars"]:
        return _series_list(text)
    labels = []
    for item in regex.finditer(r"[^\n]++", m.group(1)):
        line = _LEAD_LIST_ITEM.fullmatch(item.group())
        if line is None:
            return []
        title = line.group(1)
        if (title[-1] in ".;:," or not _T["end_run_long_words"] <= len(title.split())
                <= _T["headline_max_words"]):
            return []
        start = m.start(1) + item.start()
        labels.append(Label(start, start + len(item.group()), "related", "related.lead_list"))
    return labels


#: A run of two dashed lines or more near the text's top, each a column's name, a colon and
#: a headline (``- Showbiz trong ngày: ...``), under a line that ends a sentence.
_SERIES_LIST = regex.compile(
    r"[.!?…][\"”’)]?+[ \t]*+\n((?:[ \t]*+[-–][ \t]++[^\n:]++:[^\n]++(?:\n|\Z)){2,})", regex.V1)
#: One line of such a run: the column's name (two to six words, a capital or a quote first,
#: no sentence mark), its colon, then the headline.
_SERIES_ITEM = regex.compile(
    r"[ \t]*+[-–][ \t]++([\"“‘'\p{Lu}][^\n:.!?]{3,60}?):[ \t]++([\"“‘'\p{Lu}\d][^\n]*?)[ \t]*+$",
    regex.V1)


def _series_list(text: str) -> list[Label]:
    """``related.lead_list`` (a column's list): near the text's top, under a line that ends a
    sentence, two dashed lines or more that all open with the same column's name and a colon
    before a headline (``- Showbiz trong ngày: Ca sĩ A ...`` / ``- Showbiz trong ngày: Ca sĩ B
    ...``), as a page links the column's earlier issues; each headline has
    ``end_run_long_words`` to ``headline_max_words`` words and no ``.``, ``;``, ``:`` or
    ``,`` at its end. A list the story gives names a different thing before each colon
    (``- Phương án 1: ...`` / ``- Phương án 2: ...``) or follows a line ending with a colon.

    >>> text = ("Nhiều tin đáng chú ý trong ngày hôm nay của làng giải trí trong nước.\\n"
    ...         "- Sao trong ngày: Ca sĩ A bất ngờ thông báo tạm dừng mọi hoạt động biểu diễn\\n"
    ...         "- Sao trong ngày: Diễn viên B lên tiếng về tin đồn hẹn hò với bạn diễn\\nCâu.")
    >>> [text[x.start:x.end][:9] for x in _series_list(text)]
    ['- Sao tro', '- Sao tro']
    """
    m = _SERIES_LIST.search(text, 0, _LEAD_LIST_REACH)
    if m is None:
        return []
    labels, names = [], set()
    for item in regex.finditer(r"[^\n]++", m.group(1)):
        line = _SERIES_ITEM.fullmatch(item.group())
        if line is None:
            return []
        name, title = line.group(1), line.group(2)
        if (not 2 <= len(name.split()) <= 6 or title[-1] in ".;:,"
                or not _T["end_run_long_words"] <= len(title.split()) <= _T["headline_max_words"]):
            return []
        names.add(name)
        start = m.start(1) + item.start()
        labels.append(Label(start, start + len(item.group()), "related", "related.lead_list"))
    return labels if len(names) == 1 else []


#: The text's top: one to ``above_title_max_lines`` lines, then a line of
#: ``video_card_min_chars`` or more printed twice in a row (blank lines between): the title
#: and the template's copy of it; :func:`_above_doubled_title` reads the lines above.
_ABOVE_DOUBLED_TITLE = regex.compile(
    rf"\A\s*+((?:[^\n]++\n\s*+){{{_T['above_title_min_lines']},{_T['above_title_max_lines']}}}?)"
    rf"([^\n]{{{_T['video_card_min_chars']},{_HEADLINE_MAX_CHARS}}}+)\n\s*+\2[ \t]*+(?:\n|\Z)",
    regex.V1)
_HEADLINE_LINE = regex.compile(r"[\"“‘'\p{Lu}\d][^\n]*+", regex.V1)
#: What a dateline holds and a headline above a title does not: a day and month, a year, a
#: clock time.
_DAY_MONTH = regex.compile(r"\d{1,2}[/.-]\d{1,2}|\d{4}|\d{1,2}[:h]\d\d")
#: A sentence's end inside a line (a lead, a caption), which a title has not.
_SENTENCE_INSIDE_LINE = regex.compile(r"[.!?…][\"”’)]?[ \t]++\p{Lu}", regex.V1)


def _above_doubled_title(text: str) -> list[Label]:
    """``related.above_title``: other articles' headlines a page prints above the story
    (a sidebar that came first), seen by what follows them: the story's title printed twice
    in a row (the headline and the template's copy; ``nav.repeated_title`` then takes the
    copy), a headline itself (no full stop at its end, no sentence end inside: a lead or a
    caption printed twice has the title above it; a line with a date, a year or a clock
    time printed twice is a section's dateline). ``above_title_min_lines`` (2) to
    ``above_title_max_lines`` (3) lines, each a headline (a capital, a digit or a quote
    first; ``headline_min_words`` to ``headline_max_words`` words; no full stop at its end,
    no day and month, year or clock time: a dateline is bylines'); a line ending a sentence
    above the title (a lead, a quote) keeps them all.

    >>> text = ("Giá xăng giảm lần thứ ba liên tiếp trong tháng\\nHọc sinh nghỉ Tết từ ngày "
    ...         "mai\\nĐội tuyển về nước sau giải đấu\\n\\nĐội tuyển về nước sau giải đấu\\n"
    ...         "Các cầu thủ được đón tại sân bay trong đêm.")
    >>> [text[x.start:x.end] for x in _above_doubled_title(text)]
    ['Giá xăng giảm lần thứ ba liên tiếp trong tháng', 'Học sinh nghỉ Tết từ ngày mai']
    """
    m = _ABOVE_DOUBLED_TITLE.match(text, 0, _LEAD_LIST_REACH)
    if m is None:
        return []
    title = m.group(2).strip()
    if (title[-1] in ".;:," or _SENTENCE_INSIDE_LINE.search(title) is not None
            or _DAY_MONTH.search(title) is not None
            or not _T["headline_min_words"] <= len(title.split()) <= _T["headline_max_words"]):
        return []  # a lead or a caption printed twice: the line above it is the title (a
        # dated line printed twice, "Tin Việt Nam – 09/01/2017", is a section's dateline)
    labels = []
    for line in regex.finditer(r"[^\n]++", m.group(1)):
        head = line.group().strip()
        if not head:
            continue
        if (_HEADLINE_LINE.fullmatch(head) is None or head[-1] in ".;:,"
                or _DAY_MONTH.search(head) is not None
                or not _T["headline_min_words"] <= len(head.split()) <= _T["headline_max_words"]):
            return []
        start = m.start(1) + line.start() + len(line.group()) - len(line.group().lstrip())
        labels.append(Label(start, start + len(head), "related", "related.above_title"))
    return labels


def _video_cards(text: str) -> list[Label]:
    """``related.video_card``: another video's card a whole page's text kept: its title, its
    running time alone on a line, and the same title again (the player's caption and the
    card's link), the title ``video_card_min_chars`` characters or more; a story never
    prints a line twice around a bare time.

    >>> cards = _video_cards("Mưa lớn.\\nĐường ngập sâu sau trận mưa chiều qua\\n00:01:58\\n"
    ...                      "Đường ngập sâu sau trận mưa chiều qua\\nGió to.")
    >>> [(card.start, card.end, card.rule) for card in cards]
    [(9, 93, 'related.video_card')]
    >>> _video_cards("Hiệp một\\n45:00\\nHiệp một")
    []
    """
    out: list[Label] = []
    if _DURATION_END.search(text) is None:
        return out
    for m in _DURATION_LINE.finditer(text):
        above_start = text.rfind("\n", 0, m.start()) + 1
        below_end = line_end(text, m.end() + 1)
        above = text[above_start:m.start()].strip()
        if (len(above) >= _T["video_card_min_chars"]
                and above == text[m.end() + 1:below_end].strip()):
            first = above_start + text[above_start:m.start()].index(above[0])
            out.append(Label(first, last_non_space_end(text, below_end), "related",
                             "related.video_card"))
    return out
