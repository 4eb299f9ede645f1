"""Remove who-and-when: author sign-offs, datelines, timestamps, attributions, lead prefixes.

Compiled patterns find every candidate, each naming the rule that would fire: one stdlib
``re`` scan of the document picks the lines a line shape may match (the large ``regex``
patterns are tried only there), others run over the text or its last paragraph. Candidates whose shape alone is proof
(a lead prefix ``TTO - ``, a timestamp line, ``Theo TTXVN``, the end mark ``/.``) are
labelled at once; a name-shaped line is labelled only from its neighbours: after the
last body paragraph, never in front of more story. When unsure, the line stays.

Word lists live in ``vnclean/data/bylines_*.txt``.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Iterator
from itertools import repeat
from typing import ClassVar

import regex

from ._data import alternation, word_list
from .blocks import BoilerplateCleaner, Label
from .dates import DATE_PATTERN, TIME_PATTERN, WEEKDAY_PATTERN, ZONE_PATTERN

__all__ = ["StripBylines", "strip_bylines", "agency_names", "author_names", "source_name",
           "RULES"]

#: Every rule this cleaner may report, for docs and tests.
RULES = (
    "bylines.agency_prefix",
    "bylines.dateline",
    "bylines.timestamp",
    "bylines.author_line",
    "bylines.author_note",
    "bylines.signoff_glued",
    "bylines.source_attribution",
    "bylines.end_mark",
)


@functools.cache
def agency_names() -> dict[str, str]:
    """Agency aliases as written in prefixes and attributions, mapped to a canonical name.

    >>> agency_names()["TTO"]
    'Tuổi Trẻ'
    """
    names = {}
    for entry in word_list("bylines_agencies.txt"):
        alias, _, canonical = entry.partition("=")
        names[alias.strip()] = (canonical or alias).strip()
    return names


# --- shapes -------------------------------------------------------------------------------

_H = r"[ \t]"
_SYL = r"\p{Lu}\p{Ll}{0,6}+"  # one capitalised syllable: Nguyễn, Hà, Đ
_INITIALS = (r"(?:\p{Lu}\.[ \t]?+){1,3}+"
             r"(?:(?!(?:Nguồn|Theo)(?!\p{Ll}))\p{Lu}\p{Ll}{0,6}+(?:[ \t]\p{Lu}\p{Ll}{0,6}+)?+\.?+)?+")
_UPSYL = r"\p{Lu}{1,7}+"  # Tuổi Trẻ writes sign-offs in capitals: NGỌC AN
_ONE_NAME = (rf"(?:{_INITIALS}|{_SYL}(?:[ \t]{_SYL}){{1,3}}+|{_UPSYL}(?:[ \t]{_UPSYL}){{1,3}}+)"
             rf"(?!\p{{Ll}})")
# A label that names the author: "Tác giả: X", "Bài và ảnh: X", "Đăng bởi X", "by Admin".
# Labels before a colon, and labels whose colon is optional; tried in this order.
_COLON_LABELS = ("Tác giả", "Người đăng", "Người viết", "Bài viết", "Bài và ảnh", "Bài",
                 "Thực hiện", "Phóng viên", "Biên tập", "Author")
_BY_LABELS = ("Đăng bởi", "Viết bởi", "Posted by", "Written by", "By", "by")
_COLON_ALTERNATION = "|".join(map(regex.escape, _COLON_LABELS))
_BY_ALTERNATION = "|".join(map(regex.escape, _BY_LABELS))
_AUTHOR_LABEL = (rf"(?:(?:{_COLON_ALTERNATION})[ \t]*+:"
                 rf"|(?:{_BY_ALTERNATION})(?:[ \t]*+:)?+)[ \t]*+")
# Stop words that open a sentence, never a name (checked at the first syllable).
_OPENERS = ("Theo", "Nguồn", "Ông", "Bà", "Các", "Những", "Một", "Tại", "Trong", "Khi", "Sau",
            "Trước", "Đây", "Đó", "Video", "Ảnh", "Clip", "Tin", "Xem", "Chia", "Bình luận",
            "Trang", "Hình", "Đồ họa", "Mời", "Liên", "Đọc", "Bạn", "Quý")
_NOT_FIRST = rf"(?!(?:{'|'.join(regex.escape(word) for word in _OPENERS)})(?!\p{{L}}))"


def _names_pattern(tag: str) -> str:
    """One to four names joined by ``-``/``,``/``&``, maybe after a title (group ``{tag}_title``)."""
    titles = alternation(word_list("bylines_titles.txt"))
    return (rf"(?:(?P<{tag}_title>{titles}){_H}++)?+{_NOT_FIRST}{_ONE_NAME}"
            rf"(?:{_H}*+[-–&,]{_H}*+{_NOT_FIRST}{_ONE_NAME}){{0,3}}+")


def _source_word() -> str:
    """One word of a source: an agency, a capitalised word, ``[Link]``, a URL or domain."""
    agencies = alternation(tuple(agency_names()))
    word = (rf"(?!Nguồn[ \t]*+:)(?:(?:{agencies})(?![\p{{L}}\d]|\.\p{{L}})"
            r"|[\p{Lu}\d](?:(?!Nguồn[ \t]*+:)[\w.'’&+-]){0,24}+|\[[^\]\n]{1,40}+\]"
            r"|https?://[^\s()]{1,100}+|www\.[^\s()]{1,80}+"
            r"|[\p{Ll}\d-]{2,30}+\.(?:vn|com|net|org)(?:\.vn)?+(?:/[^\s()]{0,80}+)?+"
            r"|(?:và|báo|tạp\ chí|trang|hãng|kênh|đài|tờ|of|the|de|and|&)(?!\p{L}))")
    return word


def _source_pattern() -> str:
    """A source named after ``Theo``/``Nguồn:``: capitalised words, agencies, ``[Link]``."""
    word = _source_word()
    return rf"{word}(?:{_H}*+[,/;–-]?+{_H}*+{word}){{0,9}}+"


def _note_pattern() -> str:
    notes = alternation(word_list("bylines_notes.txt"))
    return rf"\((?:(?:{notes})(?:{_H}?+[^()\n]{{0,60}}+)?+)\)"


#: "5 giờ trước", "2 ngày trước": an aggregator's relative timestamp (no date to report).
_RELATIVE_PATTERN = r"\d{1,3}[ \t](?:giây|phút|giờ|ngày|tuần|tháng|năm)[ \t]trước"


def _dateline_pattern() -> str:
    lead = (r"(?:[Cc]ập\ nhật(?:\ lúc|\ ngày)?+|Ngày\ đăng|Đăng\ (?:lúc|ngày)|Ngày\ cập\ nhật|"
            r"Thời\ gian(?:\ đăng)?+|Xuất\ bản|Published(?:\ on)?+|Posted(?:\ on)?+|Updated|"
            r"[Nn]gày|[Ll]úc|[Vv]ào\ lúc)")
    token = (rf"(?:{lead}|{WEEKDAY_PATTERN}|{DATE_PATTERN}|{TIME_PATTERN}|{ZONE_PATTERN}"
             rf"|{_RELATIVE_PATTERN}|[Hh]ôm\ (?:qua|nay))")
    sep = rf"(?:{_H}*+[,|:–—-]{_H}*+|{_H}++)"
    return rf"{token}(?:{sep}{token}){{0,7}}+"


#: What a glued sign-off follows: the mark closing the last sentence ("...cuối cùng.Nhóm PV").
_GLUED_MARKS = ".!?…\"”’)»"
_GLUED_MARK = re.compile(f"[{_GLUED_MARKS}]")


def _build() -> tuple[str, regex.Pattern, tuple[regex.Pattern, ...], regex.Pattern,
                      tuple[regex.Pattern, ...], str]:
    source = _source_pattern()
    note = _note_pattern()
    agencies = alternation(tuple(agency_names()))
    cues = alternation(word_list("bylines_cues.txt"))
    dateline = _dateline_pattern()
    theo = rf"(?:\(?+[Tt]heo{_H}?+{source}\)?+)"
    nguon = rf"(?:\(?+Nguồn{_H}*+:{_H}*+{source}\)?+{_H}*+){{1,3}}+"
    # the end of a line, or of what is left once a trailing "/." or "Nguồn: X" goes
    eol = rf"(?=(?:/\.{_H}*+){{0,10}}+(?:{nguon}\.?+{_H}*+(?:/\.{_H}*+){{0,10}}+)?+$)"
    end = rf"{_H}*+\.?+{_H}*+{eol}"
    # A glued affiliation after a titled name: "Thạc sĩ Châu LuânNghiên cứu sinh tại ..."
    affil = r"(?:(?<=\p{Ll})(?!Theo)\p{Lu}\p{Ll}[^\n.!?*]{0,80}+)"
    # a photo credit glued after a sign-off, left for remove_photo_captions: "Đông VệẢnh:Gucci"
    credit = r"(?:Ảnh|Video|Clip)(?:,[ \t]?+(?:ảnh|video))?+[ \t]?+:[^\n]{1,60}+$"
    sentence_end = (r"(?<=[\p{Ll}\d)\]\"”’»][.!?…]|\p{Lu}{3}[.!?]|[.!?…][\"”’)»]|[\"”’]|\.\.\.)"
                    r"(?<!(?<!\p{L})(?:Mr|Mrs|Ms|Dr|St|Jr|Bs|Ths|Ts|Gs|tp|Tp|ng|v\.v)\.)")
    paren_generic = (r"[\p{Lu}\d][\p{L}\d.+&]{1,15}+"
                     r"(?:[ \t][\p{Lu}\d][\p{L}\d.+&]{0,15}+){0,2}+")
    bare_generic = (r"\p{Lu}[\p{Lu}\d]{1,7}+(?:\.(?:vn|VN))?+|[\p{L}\d]{2,20}+\.(?:vn|VN|com\.vn)"
                    r"|(?:\p{Lu}{2,}+|TP\.?+)(?:[ .]\p{Lu}{2,}+){0,3}+")
    prefix = (rf"(?:{_H}*+(?:\((?P<ag_paren>{agencies}|{paren_generic})\)"
              rf"{_H}*+(?P<ag_dash>[-–—:]?+)|(?P<ag_bare>{agencies}|{bare_generic})"
              rf"(?P<ag_space>{_H}*+)[-–—]){_H}*+){{1,20}}+")
    alternatives = (
        # a whole line that is a date/time, maybe after an author ("Thanh Huyền-Thứ tư, ...")
        rf"(?P<dateline>[ \t|]*+(?:(?P<dl_name>{_names_pattern('dl')}){_H}*+[-–|]{_H}*+)?+"
        rf"(?P<dl_body>{dateline})[ \t|.]*+){eol}",
        # a lead that opens with an agency: "(Dân trí) - ", "TTO - ", "VTV.vn - ", "(PLO)-"
        rf"(?P<agency>{prefix})(?=[\p{{Lu}}\d\"“‘'][^\n]{{9,}})",
        # an attribution line: "Theo TTXVN", "(Theo Reuters)", "Nguồn: Tuổi Trẻ"
        rf"(?P<attrib>{_H}*+(?:{theo}|{nguon}"
        rf"|(?:Tổng\ hợp|[Ll]ược\ dịch|[Bb]iên\ dịch|Dịch)(?:\ (?:từ|theo))?+{_H}++{source})"
        rf"(?:{_H}*+[-–,]?+{_H}*+(?:{theo}|{nguon})){{0,3}}+{end})",
        # a labelled author anywhere: "Tác giả: Nguyễn Văn A", "Đăng bởi Admin"
        rf"(?P<labelled>{_H}*+{_AUTHOR_LABEL}(?:{_names_pattern('lb')}|{cues}"
        rf"|\p{{Lu}}\p{{Ll}}{{1,12}}+|admin)(?:{_H}*+{note})?+{end})",
        # a line that is only a name: "Văn Khương", "Hà Phương (tổng hợp)", "Kim DungTheo X"
        rf"(?P<author>{_H}*+(?:(?P<au_name>{_names_pattern('au')}|(?P<au_cue>{cues}))"
        rf"(?P<au_affil>{affil})?+(?:{_H}*+{note})?+(?:{_H}*+(?:{theo}|/{_H}?+{source}))?+"
        rf"|(?P<au_single>\p{{Lu}}\p{{Ll}}{{1,7}}+)){end})",
        # a place dateline alone on the first lines: "Quảng Bình:"
        rf"(?P<place>{_H}*+(?P<pl_name>{_SYL}(?:{_H}{_SYL}){{0,3}}+){_H}*+:{_H}*+){eol}",
        # the end mark alone on the last line
        rf"(?P<end_mark_line>{_H}*+/\.{_H}*+)$",
    )
    line = "|".join(alternatives)

    def glued_pattern(theo: str, gl_source: str, eol: str) -> str:
        # a sign-off glued to the end of the last sentence: "...cuối cùng.Nhóm PV"
        return (rf"[{_GLUED_MARKS}]{sentence_end}(?P<glued>{_H}?+(?:(?P<gl_name>"
                rf"{_names_pattern('gl')}|{cues})(?P<gl_affil>{affil})?+(?:{_H}*+{note})?+"
                rf"(?:{_H}*+{theo})?+|(?P<gl_source>{gl_source}))"
                rf"(?:{_H}*+\.?+{_H}*+{eol}|(?={credit})))")

    glued = glued_pattern(theo, rf"\((?:[Tt]heo|Nguồn:?+){_H}?+{source}\)|Theo{_H}{source}", eol)
    # The same without the parts that need "Theo"/"Nguồn" before a source word: what
    # _GLUED_REACH bounds (tests/test_bylines.py computes its width).
    plain = glued_pattern("(?!)", "(?!)", rf"(?=(?:/\.{_H}*+){{0,10}}+$)")
    inline = (
        # the end mark "/." closing the article
        rf"(?P<end_mark>/\.(?:{_H}*+/\.){{0,9}}+)(?={_H}*+(?:{nguon}\.?+{_H}*+(?:/\.)?+)?+$)",
        # "Nguồn: X" closing the last line, whatever comes before it
        rf"(?<=[^\s]|[^\s][ \t])(?P<tail_source>{nguon}){end}",
        # an inline "(Theo X)" between two sentences of a flattened body
        rf"(?<=[.!?…\"”’][ \t]?+)(?P<inline_source>\((?:[Tt]heo|Nguồn:?+){_H}?+{source}\))"
        rf"(?={_H}++\p{{Lu}})",
    )
    # Separate patterns, each with a cheap first step the engine scans for (a line start,
    # sentence punctuation, "/", "Nguồn", "("): one alternation of them all is 10x slower.
    # The line alternation itself is left uncompiled: only the reference scan needs it.
    glued, *inline, prefix = (regex.compile(pattern, regex.MULTILINE)
                              for pattern in (glued, *inline, rf"(?:{prefix})?+"))
    # The same alternatives one by one, tried in order at a line start behind cheap gates.
    alone = tuple(regex.compile(rf"^(?:{alt})", regex.MULTILINE) for alt in alternatives)
    return rf"^(?:{line})", glued, tuple(inline), prefix, alone, plain


#: Upper bounds on how far before the line end a glued match can start when no run of
#: blanks is longer than one: with any source (``_ALL``), without one. Checked by
#: ``test_glued_reach_bounds_the_pattern`` against the width of the patterns.
_GLUED_REACH_ALL = 5300
_GLUED_REACH = 400
#: What must stand where a source part of a glued match starts (a necessary condition).
_SOURCE_KEYWORD = regex.compile(
    rf"(?:[Tt]heo{_H}?+|Nguồn:?+{_H}?+|Nguồn{_H}*+:{_H}*+)(?:{_source_word()})")


def _glued_start(text: str, start: int, end: int) -> int:
    """Where a glued sign-off in ``text[start:end]`` (one line) can start, at the earliest.

    Every glued match runs to the line end, and each of its parts is bounded but for runs
    of blanks: a match without a source starts within ``_GLUED_REACH`` of the end, one
    with a source within ``_GLUED_REACH`` before the first place a source can open, and
    a run of blanks stretches either by its length at most. So the long last paragraph
    of a flattened page is read from near its end only, with the same matches.
    """
    if end - start <= _GLUED_REACH:
        return start
    source = -1  # not looked for yet
    if end - start <= _GLUED_REACH_ALL:  # the source is looked for in the whole line
        source = _first_source(text, start, end)
        if source is not None and source - _GLUED_REACH <= start:
            return start  # whatever the blanks: a line with an early source is read whole
    # a run of k blanks stretches a match by k - 1 <= 2 * (its "  " pairs + its tabs)
    slack = 2 * (text.count("  ", start, end) + text.count("\t", start, end))
    reach = _GLUED_REACH + slack
    earliest = end - reach
    if earliest <= start:
        return start
    if source == -1:
        source = _first_source(text, max(start, end - _GLUED_REACH_ALL - slack), end)
    if source is not None:
        earliest = min(earliest, source - reach)
    return max(start, earliest)


def _first_source(text: str, lo: int, end: int) -> int | None:
    """The first position in ``text[lo:end]`` where ``_SOURCE_KEYWORD`` matches.

    Tried only where ``_SOURCE_KEYWORD_OPENS`` (a stdlib ``re`` superset) holds: most
    "theo" of a story ("theo dõi", "theo đó") fail it at once.
    """
    found, limit = None, end
    i = text.find("heo", lo + 1, end)  # "Theo", "theo"
    while i >= 0:
        if (_SOURCE_KEYWORD_OPENS.match(text, i - 1, end) is not None
                and _SOURCE_KEYWORD.match(text, i - 1, end) is not None):
            found = limit = i - 1
            break
        i = text.find("heo", i + 1, end)
    i = text.find("Nguồn", lo, limit)  # only one before the first "Theo" counts
    while i >= 0:
        if (_SOURCE_KEYWORD_OPENS.match(text, i, end) is not None
                and _SOURCE_KEYWORD.match(text, i, end) is not None):
            return i
        i = text.find("Nguồn", i + 1, limit)
    return found


def _candidates(text: str, ctx: _Lines | None = None) -> list[regex.Match]:
    """Every candidate a decision can depend on, in text order, line-level ones first.

    The same as :func:`_candidates_ungated` but for glued sign-offs that cannot count: the
    line pattern is tried only where a line opens as one of its alternatives must (one
    stdlib ``re`` scan of the document, see ``_OPENS``), one alternative at a time; a
    closing "Nguồn: X" is looked for from the first "Nguồn" on; and glued sign-offs only
    on the last body paragraph (the one line where they are accepted) and on lines where
    they may shadow an inline candidate, only where one may open (``_GLUED_OPENINGS``).
    The ``regex`` engine pays dearly for every place it tries a large pattern, which made
    this the slowest step of the pipeline.
    """
    if ctx is None:
        ctx = _Lines(text)
    found = []
    for order, pattern in enumerate(_INLINE, 2):
        pos = 0
        if pattern is _TAIL_SOURCE:  # it opens at the first "Nguồn" or the "(" before it
            pos = text.find("Nguồn") - 1
            if pos < -1:
                continue
        found.extend((m.start(), order, m) for m in pattern.finditer(text, max(pos, 0)))
    glued_lines = {ctx.index(start) for start, _, _ in found}
    last = ctx.last_prose()
    if last is not None:
        glued_lines.add(last)
    starts, lines = ctx.starts, ctx.lines
    for index in glued_lines:
        start = starts[index]
        end = start + len(lines[index])
        found.extend((m.start(), 1, m)
                     for m in _glued_matches(text, _glued_start(text, start, end), end))
    found.extend((m.start(), 0, m) for m in _line_candidates(text))
    found.sort(key=_BY_START_AND_ORDER)
    return _without_overlaps([m for _, _, m in found])


_BY_START_AND_ORDER = operator.itemgetter(0, 1)


def _line_candidates(text: str) -> Iterator[regex.Match]:
    """The line pattern's match at every line start where it matches, in text order.

    One stdlib ``re`` scan finds the lines that open as some alternative may
    (``_SHAPE_OPENS``); the others, almost all of them story text, never reach Python.
    """
    starts = [m.end() for m in _SHAPE_AFTER_NEWLINE.finditer(text)]
    first_end = text.find("\n")
    first_line = text if first_end < 0 else text[:first_end]
    if _SHAPE_AFTER_NEWLINE.match("\n" + first_line) is not None:
        starts.insert(0, 0)  # the first line, read as if a newline came before it
    return filter(None, map(_match_line, repeat(text), starts))


def _match_line(text: str, pos: int) -> regex.Match | None:
    """The line pattern at ``pos`` (a line start), alternatives tried in order.

    Each alternative is tried only where its gate holds (``_OPENS``: the line opens as it
    must; a dateline also ends as one must), stdlib ``re`` matches that cost far less
    than trying the alternative. The first alternative that matches wins, as in the
    alternation: the result equals ``_line_pattern().match(text, pos)``.
    """
    gate = _FIRST_GATE.match(text, pos)
    if gate is None:
        return None
    k, last = gate.lastindex - 1, len(_GATES) - 1
    while True:
        if k or _ends_as_dateline(text, pos):
            m = _LINE_ALTERNATIVES[k].match(text, pos)
            if m is not None:
                return m
        if k == last:
            return None
        k += 1
        while _GATES[k].match(text, pos) is None:  # the next gate that holds
            if k == last:
                return None
            k += 1


def _ends_as_dateline(text: str, pos: int) -> bool:
    """The line at ``pos`` may end as a dateline does: with a date word, a number, ``)``.

    A dateline runs to the line end, where only blanks, ``|``, ``.``, the end mark and a
    "Nguồn: X" may follow its last word: a story line that ends with another word (most
    of those opening with "Ngày", "Lúc" or a number) is no dateline.

    >>> _ends_as_dateline("Thứ Ba, 25/12/2012 /.", 0), _ends_as_dateline("Ngày mai trời mưa.", 0)
    (True, False)
    """
    end = text.find("\n", pos)
    if end < 0:
        end = len(text)
    if text.find("Nguồn", pos, end) >= 0:
        return True
    while end > pos and text[end - 1] in " \t|./":
        end -= 1
    return _DATELINE_END.search(text, max(pos, end - _DATELINE_END_REACH), end) is not None


def _glued_matches(text: str, start: int, end: int) -> Iterator[regex.Match]:
    """``_GLUED.finditer(text, start, end)``, tried only where ``_GLUED_OPENINGS`` holds.

    A glued sign-off opens after a sentence mark with a name's capitals, a title, a cue,
    ``(`` or ``Theo``; one stdlib ``re`` scan finds those places, and the large pattern is
    tried there only, left to right and never inside a match already found, as
    ``finditer`` does (its matches are never empty). Both read the text as if it ended at
    ``end``.
    """
    last_end = start
    for opening in _GLUED_OPENINGS.finditer(text, start, end):
        pos = opening.start()
        if pos >= last_end:
            m = _GLUED.match(text, pos, end)
            if m is not None:
                last_end = m.end()
                yield m


def _candidates_ungated(text: str) -> list[regex.Match]:
    """:func:`_candidates` by one ``MULTILINE`` scan per pattern (the reference it must equal)."""
    patterns = (_line_pattern(), _GLUED, *_INLINE)
    found = [m for pattern in patterns for m in pattern.finditer(text)]
    found.sort(key=lambda m: (m.start(), patterns.index(m.re)))
    return _without_overlaps(found)


def _without_overlaps(found: list[regex.Match]) -> list[regex.Match]:
    kept, last_end = [], -1
    for m in found:
        if m.start() >= last_end or m.start() == m.end():
            kept.append(m)
            last_end = max(last_end, m.end())
    return kept


def _build_author_parser() -> regex.Pattern:
    titles = alternation(word_list("bylines_titles.txt"))
    cues = alternation(word_list("bylines_cues.txt"))
    one = rf"{_NOT_FIRST}{_ONE_NAME}"
    return regex.compile(
        rf"(?:(?:{titles}){_H}++)?+(?P<names>(?:{cues})(?!\p{{L}})"
        rf"|{one}(?:{_H}*+[-–&,]{_H}*+{one}){{0,3}}+)"
    )


_AUTHOR_PARSER = _build_author_parser()
_NAME_SPLIT = regex.compile(r"[ \t]*+[-–&,][ \t]*+")
_NOTE_WORDS = frozenset(word_list("bylines_notes.txt"))
_SOURCE_TEXT = regex.compile(r"(?:(?<!\p{L})Theo|\([Tt]heo|Nguồn[ \t]*+:"
                             r"|(?:Tổng hợp|[Ll]ược dịch|[Bb]iên dịch|Dịch) (?:từ|theo))[ \t]*+"
                             r"(?P<source>[^()\n]{1,80}?)(?=[ \t]*+(?:\)|Nguồn[ \t]*+:|$))",
                             regex.MULTILINE)
_SOURCE_PLACEHOLDER = regex.compile(r"Nguồn[ \t]*+:")
_AGENCY_TEXT = regex.compile(r"\A\W*+(?P<agency>.+?)\W*+\Z", regex.DOTALL)


def author_names(text: str) -> list[str]:
    """The authors a removed byline names, titles and notes left out.

    >>> author_names("Lê Tuyết - Giang Anh")
    ['Lê Tuyết', 'Giang Anh']
    >>> author_names("Thạc sĩ Châu LuânNghiên cứu sinh tại Đại học Antwerp, Bỉ")
    ['Châu Luân']
    >>> author_names("Hà Phương (tổng hợp)")
    ['Hà Phương']
    >>> author_names("Theo TTXVN")
    []
    >>> author_names("Tác giả: NGỌC AN")
    ['NGỌC AN']
    """
    text = _LABEL_PREFIX.sub("", text.strip())
    if text.startswith(("Theo", "theo", "(Theo", "(theo", "Nguồn")):
        return []
    m = _AUTHOR_PARSER.match(text)
    if m is None:
        return []
    names = [n.strip().rstrip(".") if n.count(".") < 2 else n.strip()
             for n in _NAME_SPLIT.split(m.group("names"))]
    return [n for n in names if n and n not in _NOTE_WORDS]


def source_name(text: str) -> str | None:
    """The agency or paper a removed attribution or lead prefix names, canonical if known.

    >>> source_name("(Dân trí) - ")
    'Dân trí'
    >>> source_name("TTO - ")
    'Tuổi Trẻ'
    >>> source_name("Hồng Hạnh(TheoJapan Today, 8days)")
    'Japan Today, 8days'
    >>> source_name("Nguồn: [Link nguồn]Nguồn: [Link nguồn]") is None
    True
    """
    agencies = agency_names()
    found = [m.group("source") for m in _SOURCE_TEXT.finditer(text)]
    found = [s for s in found if not s.lstrip().startswith("[")]
    if found:
        name = found[-1].strip().rstrip(".").strip()
    else:
        m = _AGENCY_TEXT.match(text.strip().rstrip("-–—:").strip())
        if m is None:
            return None
        name = m.group("agency").strip()
    if not name or name.startswith("[") or _SOURCE_PLACEHOLDER.search(text) and not found:
        return None
    return agencies.get(name, name)


_GROUPS = ("dateline", "agency", "attrib", "labelled", "author", "place", "end_mark", "end_mark_line",
           "glued", "tail_source", "inline_source")
_GROUP_SET = frozenset(_GROUPS)


#: _GLUED: a sign-off glued to the end of a sentence; _INLINE: the end mark, a closing
#: "Nguồn: X" (_TAIL_SOURCE), an inline "(Theo X)"; _PREFIX: a lead's agency prefix;
#: _GLUED_PLAIN: the glued pattern without its source parts (for the reach test).
(_LINE_SOURCE, _GLUED, _INLINE, _PREFIX, _LINE_ALTERNATIVES,
 _GLUED_PLAIN) = _build()
_TAIL_SOURCE = _INLINE[1]


@functools.cache
def _line_pattern() -> regex.Pattern:
    """Every line shape as one alternation at a line start: what :func:`_match_line` equals.

    Compiled on first use: it takes longer to compile than the rest of the module, and
    only the reference scan (:func:`_candidates_ungated`) and the tests use it.
    """
    return regex.compile(_LINE_SOURCE, regex.MULTILINE)


_NOT_NAMES = frozenset(word_list("bylines_not_names.txt"))


# --- how each line shape opens: stdlib ``re`` gates ------------------------------------------

def _trie(words: tuple[str, ...]) -> str:
    """A stdlib ``re`` pattern matching where any of ``words`` starts, branching by letter.

    The engine skips a branch on its first letter, so a line that opens with none of the
    words costs a few comparisons instead of one per word.

    >>> pattern = _trie(("Thứ", "Thời", "Theo"))
    >>> pattern
    'Th(?:eo|ời|ứ)'
    >>> [bool(re.match(pattern, w)) for w in ("Thứ Ba", "Theo TTXVN", "Thanh")]
    [True, True, False]
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


#: Character classes for the stdlib ``re`` (which has no ``\p{..}``), each holding every
#: character of the ``regex`` class it stands for, and more: only ASCII, the Vietnamese
#: letters of the other case and common punctuation are left out, so a newer Unicode in
#: either module cannot make them miss one. _UP: ``\p{Lu}``; _LOW: ``\p{Ll}``; _DIGIT:
#: ``\d``; _UP_DIGIT: ``[\p{Lu}\d]``; _ALNUM: ``[\p{L}\d]``.
_VI_LOWER = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_VI_UPPER = _VI_LOWER.upper()
_PUNCT = "“”‘’–—…«»·•"
_UP = rf"[^\x00-@\[-\x7f{_VI_LOWER}{_PUNCT}]"
_LOW = rf"[^\x00-`{{-\x7f{_VI_UPPER}{_PUNCT}]"
_DIGIT = rf"[^\x00-/:-\x7f{_VI_LOWER}{_VI_UPPER}{_PUNCT}]"
_UP_DIGIT = rf"[^\x00-/:-@\[-\x7f{_VI_LOWER}{_PUNCT}]"
_ALNUM = rf"[^\x00-/:-@\[-`{{-\x7f{_PUNCT}]"
_TITLES = _trie(word_list("bylines_titles.txt"))
_CUES = _trie(word_list("bylines_cues.txt"))
_NOTES = _trie(word_list("bylines_notes.txt"))
_TRANSLATED_WORDS = ("Tổng hợp", "Lược dịch", "lược dịch", "Biên dịch", "biên dịch", "Dịch")
_TRANSLATED = _trie(_TRANSLATED_WORDS)
_LABEL_WORDS = _COLON_LABELS + _BY_LABELS
#: How a dateline that does not open with a name opens: a date word, "(GMT".
_DATELINE_STARTS = ("Cập", "cập", "Ngày", "ngày", "Đăng", "Thời", "Xuất", "Published", "Posted",
                    "Updated", "Lúc", "lúc", "Vào", "vào", "Thứ", "thứ", "THỨ", "Chủ", "chủ",
                    "CHỦ", "CN", "T2", "T3", "T4", "T5", "T6", "T7", "Mon", "Tue", "Wed", "Thu",
                    "Fri", "Sat", "Sun", "(", "GMT", "UTC", "Hôm", "hôm")
#: The first word of a source after "Theo": an agency, a capital or digit, a link, a domain.
_SOURCE_WORDS = _trie((*agency_names(), "[", "http", "www.", "và", "báo", "tạp chí", "trang",
                       "hãng", "kênh", "đài", "tờ", "of", "the", "de", "and", "&"))
_SOURCE_OPENS = rf"(?:{_SOURCE_WORDS}|{_UP_DIGIT}|[^\s.]{{2,30}}\.(?:vn|com|net|org))"
#: The last word of a dateline token: of a date word, a weekday, a time ("10 giờ 30 phút",
#: "8:00 sáng"), "5 giờ trước", "hôm qua".
_DATELINE_END_WORDS = (
    "nhật", "lúc", "ngày", "đăng", "gian", "bản", "Published", "on", "Posted", "Updated",
    "Ngày", "Lúc", "Hai", "hai", "HAI", "Ba", "ba", "BA", "Tư", "tư", "TƯ", "Năm", "năm",
    "NĂM", "Sáu", "sáu", "SÁU", "Bảy", "bảy", "BẢY", "Nhật", "NHẬT", "CN", "day", "Mon", "Tue",
    "Wed", "Thu", "Fri", "Sat", "Sun", "giờ", "phút", "AM", "PM", "am", "pm", "SA", "CH",
    "sáng", "chiều", "tối", "trưa", "đêm", "trước", "qua", "nay")
#: The number a date, a time or "5 giờ trước" opens with, and what follows it.
_DATE_NUMBER = rf"{_DIGIT}{{1,4}}(?:[/.:hH-]|[ \t]+(?:gi|ph|ng|tu|th|nă))"
#: How ``_SOURCE_KEYWORD`` opens: "Theo", "Nguồn:" and a source's first word.
_SOURCE_KEYWORD_OPENS = re.compile(rf"(?:[Tt]heo[ \t]?|Nguồn[ \t]*:?[ \t]*){_SOURCE_OPENS}")
#: A name line's names (a title, capitalised words joined by blanks, "-", "&" or ","), for
#: the author gate: after them only a note ("(tổng hợp)"), "Theo X", "/ X", ".", the end
#: mark, "Nguồn: X" or the line's end may come, unless a word glues a capital to its end
#: (an affiliation: "LuânNghiên cứu...").
_NAME_TOKEN = rf"{_UP}[^\s\-–&,(/.]*(?![^\s\-–&,(/.])"  # whole: never read back
_NAME_SEP = r"(?:[ \t]*[-–&,][ \t]*|[ \t]+)"
#: A capitalised word up to a blank, a dash, "|", "," or "&" (read whole), and a
#: capitalised syllable (a capital and every lowercase letter after it, read whole).
_WORD = rf"{_UP}[^\s\-–|,&]*(?![^\s\-–|,&])"
_SYLLABLE = rf"{_UP}{_LOW}*(?!{_LOW})"
_NAME_RUN = rf"(?:{_TITLES}[ \t]+)?{_NAME_TOKEN}(?:{_NAME_SEP}{_NAME_TOKEN})*"
#: What each line shape (the alternatives of _LINE_SOURCE, in order) needs where its line
#: opens, after the blanks (and ``|``) it allows there. Each is a necessary condition, read
#: off the shape's pattern: a line that fails it cannot match that shape. The dateline: a
#: date word; the number of a date, a time or "5 giờ trước"; or capitalised names, then a
#: dash or ``|``. The agency: ``(``, or an agency (known, capitals, a domain) then a dash.
#: The attribution: ``Theo`` and a source, ``Nguồn``, ``Tổng hợp``, ``Dịch``. The
#: labelled author: a label (``Tác giả:``, ``Đăng bởi``). The author: a title then a
#: capital, a cue, an initial (``H.``), two capitalised syllables (``Văn Khương``,
#: ``NGỌC AN``), or one word alone before the line's end (``Minh.``). The place: a
#: capitalised word or two before ``:``. The end mark: ``/.``.
_OPENS = (
    rf"[ \t|]*(?:{_trie(_DATELINE_STARTS)}|{_DATE_NUMBER}"
    rf"|(?:{_TITLES}[ \t]+)?{_WORD}(?:[ \t,&]+{_WORD})*[ \t]*[-–|])",
    rf"[ \t]*(?:\(|(?:{_trie(tuple(agency_names()))}|{_UP}{_UP_DIGIT}{{1,7}}(?:\.(?:vn|VN))?"
    rf"|{_ALNUM}{{2,20}}\.(?:vn|VN|com\.vn)|(?:{_UP}{{2,}}|TP\.?)(?:[ .]{_UP}{{2,}}){{0,3}})"
    rf"[ \t]*[-–—])",
    rf"[ \t]*(?:\(?[Tt]heo[ \t]?{_SOURCE_OPENS}|\(?Nguồn|{_TRANSLATED})",
    rf"[ \t]*(?:{_trie(_COLON_LABELS)}[ \t]*:|{_trie(_BY_LABELS)})",
    rf"[ \t]*(?:{_CUES}|{_NAME_RUN}[ \t]*(?:\((?:{_NOTES}|[Tt]heo|Nguồn)|[/.]|Nguồn|[Tt]heo|$)"
    rf"|(?:{_TITLES}[ \t]+)?(?:{_NAME_TOKEN}{_NAME_SEP})*{_UP}[^\s\-–&,(/.]*?{_LOW}{_UP})",
    rf"[ \t]*{_SYLLABLE}(?:[ \t]{_SYLLABLE}){{0,3}}[ \t]*:",
    r"[ \t]*/\.",
)
#: Where any line shape may open: one looser condition that holds wherever one of _OPENS
#: does, and fails fast on a story line (the alternation of _OPENS costs twice as much):
#: a word of any shape, a date's number, a capitalised word followed by a capital, a
#: dash, a ``.`` or ``:`` (any name, place, agency or one-word line), a domain and a dash.
_SHAPE_WORDS = _trie((*_DATELINE_STARTS, "Theo", "theo", "Nguồn", *_TRANSLATED_WORDS,
                      *_LABEL_WORDS, *word_list("bylines_titles.txt"),
                      *word_list("bylines_cues.txt"), *agency_names(), "/."))
_SHAPE_OPENS = (rf"[ \t|]*(?:{_SHAPE_WORDS}|{_UP}{_ALNUM}*(?:[ \t]+{_UP}|[ \t]*(?:[.:/(N,&|\-–—]|$))"
                rf"|{_DATE_NUMBER}|{_ALNUM}{{2,20}}\.(?:vn|VN|com\.vn)[ \t]*[-–—])")
#: Where a glued sign-off may open (_GLUED matches nowhere else): after a sentence mark
#: and a blank, a name's capitals (``H.``, ``Văn Khương``, ``NGỌC AN``), a title, a cue,
#: ``(`` or ``Theo``.
_GLUED_OPENINGS = re.compile(rf"[{_GLUED_MARKS}](?=[ \t]?(?:{_UP}(?:\.|{_LOW}{{0,6}}[ \t]{_UP}"
                             rf"|{_UP}{{0,6}}[ \t]{_UP})|\(|Theo|{_TITLES}|{_CUES}))")
#: The scan: where a line opens as some shape may, after a newline (blank lines, where no
#: shape opens, fail at once).
_SHAPE_AFTER_NEWLINE = re.compile(rf"\n(?=[ \t|]*[^\s])(?={_SHAPE_OPENS})", re.MULTILINE)
#: Each alternative's gate; and all of them as one alternation, where the first that holds
#: is its (empty) group's number, ``lastindex``.
_GATES = tuple(re.compile(opens, re.MULTILINE) for opens in _OPENS)
_FIRST_GATE = re.compile("|".join(rf"(?={opens})()" for opens in _OPENS), re.MULTILINE)
#: The gate of an agency prefix (the lead's, and _PREFIX's first step).
_AGENCY_GATE = _GATES[1]
#: How a dateline's last token ends: a number, ``)`` (a zone), "21h", a date word.
_DATELINE_END = re.compile(
    rf"(?:{_DIGIT}|\)|{_DIGIT}[hH]|{_trie(_DATELINE_END_WORDS)})\Z")
_DATELINE_END_REACH = max(map(len, _DATELINE_END_WORDS))
#: The one-word openers, for words already split off (Liên and Quý left out, as before).
_STOP_FIRST = frozenset(word for word in _OPENERS if " " not in word) - {"Liên", "Quý"}
_CAPTION_WORDS = frozenset({"Ảnh", "ẢNH", "Video", "VIDEO", "Clip", "Đồ họa", "Infographic",
                            "Minh họa", "Nguồn", "Theo"})
_TERMINAL = ".!?…\"”’)»"
#: What a body paragraph must hold: its last character or a sentence mark is one of these.
_TERMINAL_MARK = re.compile(f"[{re.escape(_TERMINAL)}]")
_WORD = regex.compile(r"\w+")
_SENTENCE_MARK = regex.compile(r"[.!?…]")
_DATE = regex.compile(DATE_PATTERN)
_RELATIVE = regex.compile(_RELATIVE_PATTERN)
_LABEL_PREFIX = regex.compile(rf"\A[ \t]*+{_AUTHOR_LABEL}")
_TIME = regex.compile(TIME_PATTERN)
_ZONED = regex.compile(ZONE_PATTERN + r"|\b(?:AM|PM)\b")


# --- line context -------------------------------------------------------------------------

class _Lines:
    """The lines of a text with cheap shape features, computed on demand."""

    __slots__ = ("text", "starts", "lines", "removed", "_filled", "_jumps", "_prose",
                 "_last_prose")

    def __init__(self, text: str):
        self.text = text
        self.lines = lines = text.split("\n")
        starts, pos = [], 0
        for line in lines:
            starts.append(pos)
            pos += len(line) + 1
        self.starts = starts
        self.removed: set[int] = set()  # lines already labelled whole: neighbours look past
        self._filled = [i for i, line in enumerate(lines) if line and not line.isspace()]
        self._jumps: tuple[dict[int, int], dict[int, int]] = ({}, {})
        self._prose: dict[int, bool] = {}
        self._last_prose: int | None = -2  # not computed yet

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def nonblank(self, index: int, step: int, *, past_removed: bool = True) -> int | None:
        """Index of the nearest non-blank line before (-1) or after (+1) ``index``.

        Lines already labelled whole are looked past, so a decision does not change once
        they are gone (the cleaner stays idempotent). Runs of removed lines are jumped
        over by remembered links (lines are only ever added to ``removed``), so a page of
        thousands of sign-off-shaped lines stays linear.
        """
        filled = self._filled
        if step > 0:
            k = bisect.bisect_right(filled, index)
        else:
            k = bisect.bisect_left(filled, index) - 1
        if not 0 <= k < len(filled):
            return None
        removed = self.removed
        if not past_removed or filled[k] not in removed:
            return filled[k]
        jumps = self._jumps[step > 0]
        path = []
        while 0 <= k < len(filled) and filled[k] in removed:
            path.append(k)
            k = jumps.get(k, k + step)
        for visited in path:
            jumps[visited] = k
        return filled[k] if 0 <= k < len(filled) else None

    def is_prose(self, index: int) -> bool:
        """A body paragraph: long, or several words with sentence punctuation.

        The line is judged as if its lead prefix, glued sign-off, trailing source and end
        mark were gone, so removing them never changes what is prose (idempotence).
        """
        known = self._prose.get(index)
        if known is None:
            known = self._prose[index] = _is_prose_line(self.lines[index].strip())
        return known

    def last_prose(self) -> int | None:
        """Index of the last body paragraph, or ``None``."""
        if self._last_prose == -2:
            self._last_prose = next((i for i in reversed(self._filled) if self.is_prose(i)),
                                    None)
        return self._last_prose

    def prose_after(self, index: int) -> bool:
        """True when any body paragraph follows line ``index``."""
        last = self.last_prose()
        return last is not None and last > index


#: A line this long (once its bylines are gone) is a body paragraph whatever it holds.
_PROSE_LENGTH = 80


def _is_prose_line(line: str) -> bool:
    """A body paragraph (``line`` is stripped): long, or several words with sentence marks.

    Judged without the bylines :func:`_without_bylines` removes; removing them only
    shortens a line, so a short line is judged as it is, and a long one that keeps
    ``_PROSE_LENGTH`` characters whatever glued sign-off goes (:func:`_keeps_length`) is
    prose without the search for one.

    >>> _is_prose_line("Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu."), _is_prose_line("Hà Nội")
    (True, False)
    """
    if len(line) < _PROSE_LENGTH and _TERMINAL_MARK.search(line) is None:
        return False  # short, and no sentence mark the cut could leave at the end
    if len(line) >= 25:
        line = _without_lead_and_tail(line)
        if _keeps_length(line, _PROSE_LENGTH):
            return True
        line = _without_glued(line)
    return len(line) >= _PROSE_LENGTH or (
        len(line) >= 25 and len(line.split()) >= 5
        and (line[-1] in _TERMINAL or _SENTENCE_MARK.search(line) is not None))


def _without_bylines(line: str) -> str:
    """A line without the inline bylines this cleaner may remove from it."""
    return _without_glued(_without_lead_and_tail(line))


def _without_lead_and_tail(line: str) -> str:
    """``line`` without its lead prefix, its closing ``/.`` marks and ``Nguồn: X``."""
    if _AGENCY_GATE.match(line) is not None:
        line = line[_PREFIX.match(line).end():]
    line = _strip_end_marks(line)
    i = line.find("Nguồn")  # "Nguồn: X" at the end, from the first "Nguồn" or "(Nguồn"
    if i >= 0:
        m = _TAIL_SOURCE.search(line, max(0, i - 1))
        if m is not None:
            line = line[:m.start(_rule_group(m))]
    return line


def _without_glued(line: str) -> str:
    """``line`` without a glued sign-off, blanks and end marks left at its end."""
    m = next(_glued_matches(line, _glued_start(line, 0, len(line)), len(line)), None)
    if m is not None:
        line = line[:m.start(_rule_group(m))]
    return _strip_end_marks(line.rstrip())


def _keeps_length(line: str, length: int) -> bool:
    """True when :func:`_without_glued` surely leaves ``line`` ``length`` characters or more.

    A glued sign-off is cut right after the sentence mark it opens with, and then only
    blanks and ``/.`` go from the end. So when ``line[:bound]`` (``bound >= length``) ends
    in another character and no sign-off opens before it, the cut keeps all of it: the
    sign-off is tried at the few marks of the line's start instead of searched for in the
    whole line. ``False`` means "not known", not "shorter".

    >>> _keeps_length("Mưa lớn kéo dài. " * 6, 80), _keeps_length("Mưa lớn.Văn Khương" * 3, 80)
    (True, False)
    """
    bound = length
    while bound <= len(line) and (line[bound - 1].isspace() or line[bound - 1] in "/."):
        bound += 1
    if bound > len(line):
        return False
    return all(_GLUED_OPENINGS.match(line, mark.start()) is None
               or _GLUED.match(line, mark.start()) is None
               for mark in _GLUED_MARK.finditer(line, 0, bound - 1))


def _strip_end_marks(line: str) -> str:
    """``line`` without its closing run of ``/.`` marks (and the blanks before each).

    Read from the end, so a long line costs nothing (``$`` anchors a search that the
    engine would try at every position).

    >>> _strip_end_marks("Hội nghị kết thúc. /. /."), _strip_end_marks("a//.")
    ('Hội nghị kết thúc.', 'a/')
    """
    cut = len(line)
    while line.endswith("/.", 0, cut):
        cut -= 2
        while cut and line[cut - 1] in " \t":
            cut -= 1
    return line if cut == len(line) else line[:cut]


# --- classification -----------------------------------------------------------------------

def _rule_group(m: regex.Match) -> str:
    """Which alternative of the patterns matched: the outermost group, which closes last."""
    group = m.lastgroup
    if group not in _GROUP_SET:  # pragma: no cover - every alternative is one named group
        raise AssertionError(f"no alternative matched: {group}")
    return group


def _is_name(text: str | None) -> bool:
    """A name candidate that is not a place or a heading word (``Hà Nội``, ``Trung Quốc``).

    >>> _is_name("Văn Khương"), _is_name("Hà Nội"), _is_name("Đức Trung Quốc")
    (True, False, False)
    """
    if not text:
        return True
    core = text.strip().rstrip(".").strip()
    if core.isupper():  # "HÀ NỘI", "TIN LIÊN QUAN": compare as written in the lists
        core = core.title()
        if core.split()[0] in _STOP_FIRST:
            return False
    if core in _NOT_NAMES:
        return False
    words = core.split()
    return len(words) < 3 or " ".join(words[-2:]) not in _NOT_NAMES


def _agency_label(m: regex.Match, ctx: _Lines) -> Label | None:
    paren, dash, bare = m.group("ag_paren"), m.group("ag_dash"), m.group("ag_bare")
    agencies = agency_names()
    name = paren if paren is not None else bare
    if name in _CAPTION_WORDS or name.upper() in _CAPTION_WORDS:
        return None
    if name not in agencies:
        if paren is not None and (not dash or len(_WORD.findall(paren)) > 3):
            return None
        if bare is not None and not (m.group("ag_space")
                                     and ctx.text[m.end("agency")].isupper()):
            return None  # "ASEAN-Nhật Bản", "COVID - 19"
    index = ctx.index(m.end())
    rest = ctx.lines[index][m.end() - ctx.starts[index]:]
    after = _match_line(rest, 0)
    if after is not None and _rule_group(after) in _NOT_A_LEAD:
        return None  # "TTO - 18:52, 28/07/2023", "TTO - Theo TTXVN": a byline line, not a lead
    if len(rest) < 40 and (name not in agencies or len(rest.split()) < 4):
        return None  # a lead paragraph, not a heading such as "TTO - Tin nhanh"
    rule = "bylines.agency_prefix"
    if bare is not None and bare not in agencies and not bare.lower().endswith(".vn"):
        rule = "bylines.dateline"  # "HÀ NỘI - ", "TP.HCM - "
    return Label(m.start("agency"), m.end("agency"), "byline", rule)


def _dateline_label(m: regex.Match, ctx: _Lines) -> Label | None:
    body = m.group("dl_body")
    if _DATE.search(body) is None and _RELATIVE.search(body) is None:
        if _TIME.search(body) is None:
            return None
        if not (_ZONED.search(body) or _opens_text(ctx, ctx.index(m.start()))):
            return None  # a bare "21h30" heading inside a live report stays
    if not _is_name(m.group("dl_name")):
        return None
    rule = "bylines.dateline" if m.group("dl_name") else "bylines.timestamp"
    return Label(m.start("dateline"), m.end("dateline"), "byline", rule)


def _opens_text(ctx: _Lines, index: int) -> bool:
    """The first line of the text, or the second under a title."""
    prev = ctx.nonblank(index, -1)
    return prev is None or (ctx.nonblank(prev, -1) is None and not ctx.is_prose(prev))


def _after_body(ctx: _Lines, index: int, accepted: set[int]) -> bool:
    """The line above ``index`` closes a body paragraph, or is an accepted sign-off."""
    prev = ctx.nonblank(index, -1)
    if prev is None:
        return False
    if prev in accepted or ctx.is_prose(prev):
        return True
    return len(ctx.lines[prev].strip()) >= 40


def _author_position(ctx: _Lines, index: int, accepted: set[int],
                     candidates: set[int]) -> bool:
    """A sign-off position: after the body, and no more story below.

    Below a sign-off a page may keep chrome the other cleaners left; one short line
    that is neither story nor another name is allowed there when the line above closes
    a paragraph, so a list of names in the story never qualifies.
    """
    if not _after_body(ctx, index, accepted):
        return False
    if not ctx.prose_after(index):
        return True
    prev = ctx.nonblank(index, -1)
    nxt = ctx.nonblank(index, 1)
    return (prev is not None and ctx.lines[prev].rstrip()[-1:] in _TERMINAL
            and (ctx.is_prose(prev) or prev in accepted)
            and nxt is not None and nxt not in candidates and not ctx.is_prose(nxt))


def _header_position(ctx: _Lines, index: int, datelines: set[int]) -> list[int] | None:
    """An author above a timestamp (``Nguyễn Thiện`` / role / ``29/06/2018 22:40``).

    Returns the short lines between them (notes), or ``None`` when no timestamp follows.
    """
    between, i = [], index
    for _ in range(3):
        i = ctx.nonblank(i, 1, past_removed=False)
        if i is None:
            return None
        if i in datelines:
            return between
        line = ctx.lines[i].strip()
        if len(line) > 60 or line[-1] in ".!?…:":
            return None
        between.append(i)
    return None


def _author_match(m: regex.Match, ctx: _Lines) -> bool:
    """The name-shaped line itself is plausible (not a place, no stray affiliation)."""
    single = m.group("au_single")
    if single is not None:
        index = ctx.index(m.start())
        return single not in _NOT_NAMES and ctx.nonblank(index, 1) is None
    if m.group("au_affil") and not m.group("au_title"):
        return False
    return _is_name(m.group("au_name"))


def _glued_label(m: regex.Match, ctx: _Lines) -> Label | None:
    group = _rule_group(m)
    index = ctx.index(m.start())
    if not ctx.is_prose(index) or ctx.prose_after(index):
        return None  # glued to the last paragraph only
    if group == "tail_source" or m.group("gl_source") is not None:
        return Label(m.start(group), m.end(group), "byline", "bylines.source_attribution")
    if not _is_name(m.group("gl_name")) or (m.group("gl_affil") and not m.group("gl_title")):
        return None
    return Label(m.start(group), m.end(group), "byline", "bylines.signoff_glued")


def _place_label(m: regex.Match, ctx: _Lines) -> Label | None:
    if m.group("pl_name").split()[0] in _STOP_FIRST:
        return None  # "Nguồn:", "Theo:" open an attribution, not a place
    index = ctx.index(m.start())
    nxt = ctx.nonblank(index, 1)
    if not _opens_text(ctx, index) or nxt is None or not ctx.is_prose(nxt):
        return None
    return Label(m.start("place"), m.end("place"), "byline", "bylines.dateline")


def _follower_labels(ctx: _Lines, tail: set[int]) -> list[Label]:
    """A short last line under a sign-off: an affiliation, the paper's name."""
    labels = []
    for index in sorted(tail):
        nxt = ctx.nonblank(index, 1)
        if nxt is None or ctx.nonblank(nxt, 1) is not None:
            continue
        line = ctx.lines[nxt].strip()
        if (len(line) > 70 or line[-1] in ".!?…:" or not line[0].isupper()
                or len(line.split()) > 10):
            continue
        labels.append(_line_label(ctx, nxt, "bylines.author_note"))
    return labels


_CONTEXT_FREE = {
    "dateline": _dateline_label,
    "agency": _agency_label,
    "place": _place_label,
    "glued": _glued_label,
    "tail_source": _glued_label,
}
_DEFERRED = frozenset({"place", "glued", "tail_source"})
_NOT_A_LEAD = frozenset({"dateline", "attrib", "labelled", "author"})
_WHOLE_LINE = frozenset({"dateline", "attrib", "labelled", "place", "end_mark_line"})
_FIXED_RULES = {
    "attrib": "bylines.source_attribution",
    "labelled": "bylines.author_line",
    "inline_source": "bylines.source_attribution",
    "end_mark": "bylines.end_mark",
    "end_mark_line": "bylines.end_mark",
}


class StripBylines(BoilerplateCleaner):
    """Delete bylines: sign-offs, datelines, timestamps, ``Theo X``, lead prefixes, ``/.``.

    Only the prefix of a lead goes, and a name-shaped line goes only at the end of the
    story, so short story lines (a quote, a heading such as ``Hà Nội``) stay.

    >>> strip_bylines("TTO - Mưa lớn ở Hà Nội khiến nhiều tuyến phố ngập sâu.")
    'Mưa lớn ở Hà Nội khiến nhiều tuyến phố ngập sâu.'
    >>> strip_bylines("Mưa lớn ở Hà Nội khiến nhiều tuyến phố ngập sâu.\\nVăn Khương")
    'Mưa lớn ở Hà Nội khiến nhiều tuyến phố ngập sâu.'
    >>> strip_bylines("Hội nghị bàn về việc hoàn thành nhiệm vụ năm 2024./.")
    'Hội nghị bàn về việc hoàn thành nhiệm vụ năm 2024.'
    """

    name: ClassVar[str] = "strip_bylines"
    kind: ClassVar[str] = "byline"

    def classify(self, text: str) -> list[Label]:
        ctx = _Lines(text)
        labels: list[Label] = []
        tail: set[int] = set()  # lines of accepted sign-off material at the end
        datelines: set[int] = set()
        fragments: list[regex.Match] = []  # "23:59", "GMT+7" lines: kept unless by a date
        authors: list[regex.Match] = []
        deferred: list[regex.Match] = []  # decided once every whole line is labelled
        for m in _candidates(text, ctx):
            group = _rule_group(m)
            if group == "author":
                authors.append(m)
                continue
            if group in _DEFERRED:
                deferred.append(m)
                continue
            if group in _FIXED_RULES:
                label = Label(m.start(group), m.end(group), "byline", _FIXED_RULES[group])
            else:
                label = _CONTEXT_FREE[group](m, ctx)
            if label is None:
                if group == "dateline":
                    fragments.append(m)
                continue
            index = ctx.index(label.start)
            if group in _WHOLE_LINE:  # with any trailer ("/.", "Nguồn: X") to the line end
                label = _to_line_end(ctx, index, label)
                ctx.removed.add(index)
            labels.append(label)
            if group == "dateline":
                datelines.add(index)
            if group in ("attrib", "dateline") and not ctx.prose_after(index):
                tail.add(index)
        deferred.sort(key=lambda m: -m.start() if _rule_group(m) == "place" else m.start())
        for m in deferred:  # places bottom-up: each sees the lead below it
            label = _CONTEXT_FREE[_rule_group(m)](m, ctx)
            if label is not None:
                labels.append(label)
                index = ctx.index(label.start)
                if _rule_group(m) == "place":
                    ctx.removed.add(index)
                elif not ctx.prose_after(index):
                    tail.add(index)
        for m in fragments:  # a time or zone split onto its own line next to a date
            index = ctx.index(m.start())
            if (ctx.nonblank(index, -1, past_removed=False) in datelines
                    or ctx.nonblank(index, 1, past_removed=False) in datelines):
                labels.append(Label(m.start("dateline"), m.end("dateline"), "byline",
                                    "bylines.timestamp"))
                datelines.add(index)
                ctx.removed.add(index)
        # Name lines are judged from their neighbours, top-down, so the second line of a
        # two-line sign-off ("Tổng hợp từ SCMP" / "Trường Thịnh") sees the first accepted.
        candidates = {ctx.index(m.start()) for m in authors}
        names: list[Label] = []
        personal: set[int] = set()
        owner: dict[int, int] = {}  # note line -> the name line it was taken under
        for m in authors:
            if not _author_match(m, ctx):
                continue
            index = ctx.index(m.start())
            notes = None if m.group("au_single") else _header_position(ctx, index, datelines)
            if notes is None and not _author_position(ctx, index, tail, candidates):
                continue
            names.append(_to_line_end(ctx, index, Label(m.start("author"), m.end("author"),
                                                        "byline", "bylines.author_line")))
            tail.add(index)
            ctx.removed.add(index)
            if m.group("au_cue") is None:
                personal.add(index)
            for note in notes or ():  # kept only while the name above them is kept
                names.append(_line_label(ctx, note, "bylines.author_note"))
                ctx.removed.add(note)
                owner[note] = index
        return labels + _without_lists(ctx, names, personal, owner) + _follower_labels(ctx, tail)


def _without_lists(ctx: _Lines, names: list[Label], personal: set[int],
                   owner: dict[int, int]) -> list[Label]:
    """Drop personal names that stand next to another one: a list in the story.

    A note line under a dropped name goes with it (``NGỌC AN`` / ``NGỌC AN`` / timestamp
    kept both names but took the second as a note, and a second pass took the first).
    """
    listed = {i for i in personal
              if ctx.nonblank(i, -1, past_removed=False) in personal
              or ctx.nonblank(i, 1, past_removed=False) in personal}
    kept = []
    for label in names:
        index = ctx.index(label.start)
        if index not in listed and owner.get(index) not in listed:
            kept.append(label)
    return kept


def _to_line_end(ctx: _Lines, index: int, label: Label) -> Label:
    end = ctx.starts[index] + len(ctx.lines[index].rstrip())
    return label if end <= label.end else Label(label.start, end, label.kind, label.rule)


def _line_label(ctx: _Lines, index: int, rule: str) -> Label:
    raw = ctx.lines[index]
    start = ctx.starts[index] + len(raw) - len(raw.lstrip())
    return Label(start, start + len(raw.strip()), "byline", rule)


strip_bylines = StripBylines()
