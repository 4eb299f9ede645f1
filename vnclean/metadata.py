"""What a document's boilerplate tells: title, authors, published date, source.

The explaining call (:func:`vnclean.clean_and_explain`) runs :func:`extract_metadata` on its
result. Metadata comes from the removed bylines, not from a second pass over the text:
authors from sign-offs, the date from datelines and timestamps, the source from the lead
prefix or the ``Theo X`` / ``Nguồn: X`` attribution. Dates without a zone are taken as
Vietnam time (UTC+07:00); see :mod:`vnclean.dates`.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

import regex

from ._core import Cleaned, Edit, StepMap, apply_edits
from ._data import compile_named, named_list, word_list
from .bylines import (agency_names, attribution_date, author_names, is_domain, is_paper,
                      source_name, strip_bylines)
from .dates import VIETNAM_TZ, WEEKDAY_PATTERN, parse_datetime
from .nav import opens_with_widget_heading
from .tones import is_vietnamese_word

__all__ = ["extract_metadata", "find_title", "find_authors", "find_published", "find_source",
           "lead_position"]

_AUTHOR_RULES = frozenset({"bylines.author_line", "bylines.signoff_glued", "bylines.dateline",
                           "bylines.flat_author"})
#: The ``Theo`` before a flattened page's author (``Theo Phạm Trường | ``): the person's.
_FLAT_THEO = regex.compile(r"\A\s*+Theo\s++")
_DATE_RULES = frozenset({"bylines.dateline", "bylines.timestamp", "bylines.flat_dateline",
                         "bylines.glued_stamp"})
_SOURCE_RULES = ("bylines.agency_prefix", "bylines.source_attribution")
#: A regional bureau after an agency's name: ``VOV-Tây Bắc``, ``VOV-Miền Trung``.
_BUREAU = regex.compile(r"(?<=\S)[-–]\s*+\p{Lu}.*+", flags=regex.S)
#: Sign-offs on a line of their own and glued to the story's last sentence.
_SIGNOFF_RULES = frozenset({"bylines.author_line", "bylines.signoff_glued"})
_TITLE_MAX_CHARS = 250
_TITLE_MAX_WORDS = 40
_TITLE_BAD_ENDINGS = (".", ":", ",", ";")
_DIGIT = regex.compile(r"\d")
_LEAD_MIN_CHARS = 80
_LEAD_PROBE = 40
#: Edits closer than this (in original characters) belong to one dateline split over lines.
_SAME_DATELINE_GAP = 12
#: The "Theo" or "Nguồn:" of a sign-off's own attribution: ``Hồng Nhung (Theo Reuters)``,
#: ``Minh Anh - Nguồn: VOV``.
_SIGNOFF_THEO = regex.compile(r"[Tt]heo|Nguồn(?=[ \t]*+:)")
#: The note after a sign-off's name: ``Hồng Nhung (TTXVN)``, ``Hồng Nhung/TTXVN``,
#: ``Hồng Nhung - TTXVN``.
_SIGNOFF_NOTE = regex.compile(
    r"(?:\(\s*(?P<note>[^()]+?)\s*\)|(?:/|\s[-–])\s*"
    r"(?P<tail>[^/()\-–]+?(?:[-–](?=\S)[^/()\-–]+?)?))[\s.]*$")


def find_title(text: str) -> str | None:
    """The first line of the clean text when it looks like a title: short, no final period;
    the second line when the first is a lone label or a ticker above it.

    >>> find_title("Mưa lớn ở Hà Nội\\nNước ngập nhiều tuyến phố.")
    'Mưa lớn ở Hà Nội'
    >>> find_title("Nước ngập nhiều tuyến phố ở Hà Nội sau cơn mưa lớn.") is None
    True
    >>> find_title("Bếp Eva\\nCách làm bánh flan mềm mịn tại nhà\\nBánh flan là món ...")
    'Cách làm bánh flan mềm mịn tại nhà'
    """
    lines: list[str] = []  # the first non-blank lines: a few labels, then the title
    for line in text.split("\n"):
        line = line.strip()
        if line:
            lines.append(line)
            if len(lines) > _LABELS_MAX + 1:
                break
    if not lines or not _title_shaped(lines[0]):
        return None
    k = 0  # labels stacked above the title ("Làm đẹp" / "Bếp Eva"): the last one is read
    while k + 2 < len(lines) and k < _LABELS_MAX and _is_label(lines[k]) and _is_label(
            lines[k + 1]):
        k += 1
    if k + 1 < len(lines) and _label_above_title(lines[k], lines[k + 1]):
        return lines[k + 1]
    return lines[0]


#: A lone label above the title ("Bếp Eva", a section name no list holds): this many words
#: at most, no digit and no punctuation; the title below it has this many more words.
_LABEL_MAX_WORDS = 3
_LABEL_MAX_CHARS = 30
_TITLE_MORE_WORDS = 2
_TITLE_MIN_WORDS = 4  # below a ticker
_LABELS_MAX = 2  # labels stacked above the title, at most
_LABEL_CHARS = regex.compile(r"[\p{L} ]+")


def _title_shaped(line: str) -> bool:
    """Short, and no final period (a title may end with "..."), colon, comma or semicolon."""
    return not (len(line) > _TITLE_MAX_CHARS or len(line.split()) > _TITLE_MAX_WORDS
                or line.endswith(_TITLE_BAD_ENDINGS) and not line.endswith("..."))


def _label_above_title(first: str, second: str) -> bool:
    """True when ``first`` is page chrome above the title ``second``: a lone label of a
    few words (``Bếp Eva``), or a ticker (a widget heading, a colon, headlines: ``Tin nóng:
    ...``), and ``second`` is title-shaped with clearly more words than a label (or, below
    a ticker, a few words)."""
    if not _title_shaped(second):
        return False
    if _is_label(first):
        return len(second.split()) >= _LABEL_MAX_WORDS + _TITLE_MORE_WORDS
    return len(second.split()) >= _TITLE_MIN_WORDS and opens_with_widget_heading(first)


def _is_label(line: str) -> bool:
    """A lone label: a few words of letters only."""
    return (len(line) <= _LABEL_MAX_CHARS and len(line.split()) <= _LABEL_MAX_WORDS
            and _LABEL_CHARS.fullmatch(line) is not None)


def find_authors(edits: Iterable[Edit]) -> list[str]:
    """Authors named by the removed sign-offs and datelines, in order, without repeats.

    ``Theo Văn Vũ`` followed by the paper's name on its own line credits a person.

    >>> find_authors([Edit(0, 9, rule="bylines.author_line", text="Văn Khương")])
    ['Văn Khương']
    """
    authors: dict[str, str] = {}  # by the name in lowercase: one name however it is cased
    edits = list(edits)
    for edit, credited in zip(edits, _credited_people(edits)):
        names = credited
        if edit.rule in _AUTHOR_RULES and not (edit.rule == "bylines.dateline"
                                               and not _DIGIT.search(edit.text)):
            names = author_names(_FLAT_THEO.sub("", edit.text) if edit.rule == "bylines.flat_author"
                                 else edit.text)
        for name in map(_name_cased, filter(None, map(_person_of, names))):
            key = name.lower()
            if key not in authors or authors[key].isupper() and not name.isupper():
                authors[key] = name  # "Ngọc Hân" over "NGỌC HÂN"
    return list(authors.values())


def _name_cased(name: str) -> str:
    """An author's name written in capitals (``NGUYỄN VĂN DÂN``, as Tuổi Trẻ signs) in title
    case, syllable by syllable, when each word is a Vietnamese syllable
    (:func:`~vnclean.tones.is_vietnamese_word`: acronyms such as ``PV``, ``BTV``, ``TTXVN``
    are none); anything else (``PV``, ``K.Đ``, ``Thu Hà``) as it is. Only metadata: the
    text is never changed.

    >>> _name_cased("NGUYỄN VĂN DÂN"), _name_cased("NHÓM PV"), _name_cased("Thu Hà")
    ('Nguyễn Văn Dân', 'NHÓM PV', 'Thu Hà')
    """
    name = unicodedata.normalize("NFC", name)
    words = name.split()
    if (len(words) < 2 or not name.isupper()
            or not all(map(is_vietnamese_word, words))):
        return name
    return " ".join(word[0] + word[1:].lower() for word in words)


#: A newsroom role opening an author string (``PV``, ``Nhóm phóng viên``, ``BBT``): the
#: roles of ``bylines_roles.txt`` and ``metadata_roles.txt``, in any case.
_ROLE_OPENING = compile_named(
    r"(?i:" + named_list(word_list("bylines_roles.txt") + word_list("metadata_roles.txt"))
    + r")(?![\p{L}\d])[\s:,–-]*+")
#: A weekday closing an author string, read from a dateline (``Chủ Nhật, 19/11/2023``,
#: ``Thu Hà Chủ Nhật, 19/11/2023``): a day, not a name.
_TRAILING_WEEKDAY = regex.compile(rf"(?:\A|\s++)(?:{WEEKDAY_PATTERN})\Z")
#: A desk's name opens with one of these words (``Ban Thời sự``).
_DESK_OPENING = compile_named(
    r"(?:" + named_list(word_list("bylines_desks.txt")) + r")\s++(?=\p{L})")
#: A word opening in lowercase: a desk's name in sentence case (``Thời sự``), never a
#: person's, whose every syllable is capitalised.
_LOWER_WORD = regex.compile(r"(?<![\p{L}\d.])\p{Ll}")


def _person_of(name: str) -> str | None:
    """The person (or pen name) an author string names, ``None`` for a newsroom role or
    desk alone: a role with nothing after it, or with a desk, agency or paper (``PV``,
    ``Nhóm PV Kinh tế``, ``BBT``, ``PV TTXVN``, ``Nhóm phóng viên Báo Nhân Dân``), and a
    desk alone (``Ban Thời sự``); a person after a role is kept without it. A weekday a
    dateline put after a name is left out.

    >>> _person_of("Chủ Nhật"), _person_of("Thu Hà Chủ Nhật")
    (None, 'Thu Hà')
    >>> _person_of("Nhóm PV Kinh tế"), _person_of("Ban Thời sự"), _person_of("BBT")
    (None, None, None)
    >>> _person_of("PV Thu Hà"), _person_of("Ban Mai"), _person_of("Nguyễn Văn Dân")
    ('Thu Hà', 'Ban Mai', 'Nguyễn Văn Dân')
    """
    name = _TRAILING_WEEKDAY.sub("", name)
    if not name:
        return None
    role = _ROLE_OPENING.match(name)
    if role is not None:
        rest = name[role.end():].strip()
        desk = _DESK_OPENING.match(rest) is not None
        return (None if not rest or desk or _is_desk_name(rest) or rest in agency_names()
                or is_paper(rest) else rest)
    desk = _DESK_OPENING.match(name)
    return None if desk is not None and _is_desk_name(name[desk.end():]) else name


def _is_desk_name(text: str) -> bool:
    """``text`` names a newsroom desk, not a person: a section (``Kinh tế``, any case) or a
    name in sentence case (``Thời sự``)."""
    return _LOWER_WORD.search(text) is not None or text.casefold() in _section_names()


@functools.cache
def _section_names() -> frozenset[str]:
    return frozenset(name.casefold() for name in word_list("nav_sections.txt"))


def _credited_people(edits: list[Edit]) -> list[list[str]]:
    """For each edit, the person a ``Theo <person>`` attribution credits (else nothing):
    with the paper's name on the next line, or after the person (``Theo Hải Yến (Dân trí)``,
    ``Theo Hải Yến/Dân trí``, ``Theo Hải Yến - Dân trí``, ``Theo Thu Hà | Báo Lao Động``)."""
    people: list[list[str]] = []
    for i, edit in enumerate(edits):
        person: list[str] = []
        if edit.rule == "bylines.source_attribution":
            if _paper_follows(edits, i):
                person = _person(source_name(edit.text) or "")
            elif (credited := _person_and_paper(edit.text)) is not None:
                person = credited[0]
        people.append(person)
    return people


#: ``Theo <person>`` and the person's paper after ``/``, ``|``, a dash or in brackets.
_PERSON_AND_PAPER = regex.compile(
    r"\A\W*+[Tt]heo\s++(?P<person>[^/|()\n–-]{2,40}?)\s*+(?:/|\||[-–]|\()\s*+"
    r"(?P<paper>[^/()\n]{2,60}?)[\s.)]*+\Z")


def _person(text: str) -> list[str]:
    """The names ``text`` holds when it names a person, not a known paper or agency."""
    return [] if text.strip() in agency_names() else author_names(text)


def _person_and_paper(text: str) -> tuple[list[str], str] | None:
    """``Theo Hải Yến (Dân trí)`` → (["Hải Yến"], "Dân trí"); None unless a person comes first.

    >>> _person_and_paper("Theo Minh Nguyễn/Vcamp.vn")
    (['Minh Nguyễn'], 'Vcamp.vn')
    >>> _person_and_paper("Theo Tuổi Trẻ/VnExpress") is None
    True
    """
    m = _PERSON_AND_PAPER.match(text.strip())
    if m is None or not (person := _person(m.group("person"))):
        return None
    return person, source_name("Theo " + m.group("paper")) or m.group("paper").strip()


def _paper_follows(edits: list[Edit], i: int) -> bool:
    nxt = edits[i + 1] if i + 1 < len(edits) else None
    return (nxt is not None and nxt.rule == "bylines.author_note"
            and nxt.start - edits[i].end <= _SAME_DATELINE_GAP)


def find_published(edits: Iterable[Edit], *, lead: int | None = None,
                   assume_tz: str | None = VIETNAM_TZ) -> str | None:
    """ISO 8601 date of the removed dateline or timestamp that dates the article.

    Timestamps split over adjacent lines (``16/12/2020`` / ``23:59`` / ``GMT+7``) are read
    together. With ``lead`` (where the first body paragraph starts in the original), the
    last timestamp above the lead wins: a page's clock or a list of other articles' times
    comes earlier. A date alone is completed by a later timestamp of the same day.

    >>> find_published([Edit(0, 26, rule="bylines.timestamp",
    ...                      text="Thứ Ba, 25/12/2012 - 10:03")])
    '2012-12-25T10:03:00+07:00'
    """
    groups = _dateline_groups(_dated(edits))
    found = [(group[0].start, parse_datetime(" ".join(e.text.strip() for e in group),
                                             assume_tz=assume_tz)) for group in groups]
    found = [(start, iso) for start, iso in found if iso is not None]
    if not found:
        return None
    above = [iso for start, iso in found if lead is not None and start < lead]
    best = above[-1] if above else found[0][1]
    if "T" not in best:
        return next((iso for _, iso in found if iso.startswith(best + "T")), best)
    return best


def _dated(edits: Iterable[Edit]) -> Iterator[Edit]:
    """The edits that hold a date: datelines and timestamps, and an attribution line's date
    (VCCorp's ``Theo Pháp luật & Bạn đọc 20/06/2024 09:15 AM``) as a timestamp of its own."""
    for edit in edits:
        if edit.rule in _DATE_RULES:
            yield edit
        elif (edit.rule == "bylines.source_attribution"
              and (date := attribution_date(edit.text)) is not None):
            yield Edit(edit.start, edit.end, rule="bylines.timestamp", text=date)


def lead_position(original: str, text: str) -> int | None:
    """Where the first body paragraph of the clean ``text`` starts in ``original``.

    >>> lead_position("Tin nóng\\n" + "Mưa lớn " * 12, "Mưa lớn " * 12)
    9
    """
    for line in text.split("\n"):
        line = line.strip()
        if len(line) >= _LEAD_MIN_CHARS:
            pos = original.find(line[:_LEAD_PROBE])
            return pos if pos >= 0 else None
    return None


def _published_in_original(original: str, lead: int | None) -> str | None:
    """The date of the timestamps in ``original`` when another cleaner removed them first.

    Used only when no byline edit holds a date, and only when every timestamp line of
    the page names the same day (a page listing other articles' times gives ``None``).
    """
    edits = [Edit(lab.start, lab.end, rule=lab.rule, text=original[lab.start:lab.end])
             for lab in strip_bylines.classify(original) if lab.rule in _DATE_RULES]
    days = {found[:10] for group in _dateline_groups(edits)
            if (found := parse_datetime(" ".join(e.text for e in group))) is not None}
    return find_published(edits, lead=lead) if len(days) == 1 else None


def _dateline_groups(edits: Iterable[Edit]) -> list[list[Edit]]:
    groups: list[list[Edit]] = []
    for edit in sorted(edits, key=lambda e: e.start):
        if groups and edit.start - groups[-1][-1].end <= _SAME_DATELINE_GAP:
            groups[-1].append(edit)
        else:
            groups.append([edit])
    return groups


def find_source(edits: Iterable[Edit]) -> str | None:
    """The first ``Theo X`` / ``Nguồn: X`` attribution after the lead prefix, else the agency
    of the lead prefix, else the first attribution, else the ``Theo X`` of a sign-off
    (``Minh Đức Theo Dân trí``) or a known agency in its note (``Hồng Nhung (TTXVN)``).

    ``Theo <person>`` followed by the paper's name on its own line gives the paper.

    >>> find_source([Edit(0, 6, rule="bylines.agency_prefix", text="TTO - ")])
    'Tuổi Trẻ'
    >>> find_source([Edit(0, 12, rule="bylines.source_attribution", text="Theo Văn Vũ\\n"),
    ...              Edit(12, 29, rule="bylines.author_note", text="Công an nhân dân")])
    'Công an nhân dân'
    >>> find_source([Edit(0, 18, rule="bylines.author_line", text="Hồng Nhung (TTXVN)")])
    'TTXVN'
    >>> find_source([Edit(0, 21, rule="bylines.author_line", text="Minh Đức Theo Dân trí")])
    'Dân trí'
    """
    edits = list(edits)
    source = (_attributed_source(edits) or _source_in_signoff(edits)
              or _source_in_dateline(edits))
    return source and _known_site(source)


def _source_in_dateline(edits: list[Edit]) -> str | None:
    """The known paper an aggregator's dateline names before or after its date (``Tuổi Trẻ
    23/11/2026 08:15``, ``12/03/2024 08:15 - Tuổi Trẻ``), canonical.

    >>> _source_in_dateline([Edit(0, 25, rule="bylines.timestamp",
    ...                           text="Tuổi Trẻ 23/11/2026 08:15")])
    'Tuổi Trẻ'
    """
    for edit in edits:
        if edit.rule in _DATELINE_RULES:
            m = _dateline_paper().search(edit.text.strip())
            if m is not None:
                return agency_names()[m.group("paper")]
    return None


_DATELINE_RULES = ("bylines.timestamp", "bylines.dateline")


@functools.cache
def _dateline_paper() -> regex.Pattern:
    papers = named_list(tuple(agency_names()))
    return compile_named(rf"\A(?P<paper>{papers})(?![\p{{L}}\d])[ \t|•·,–-]*+\d"
                         rf"|\d[^\n]*?[ \t|•·–-](?P<paper>{papers})[ \t.]*+\Z", regex.V1)


#: A site's domain: its name before the public suffix (``dantri`` of ``Dantri.com.vn``,
#: ``zing`` of ``news.zing.vn``).
_SITE_DOMAIN = regex.compile(
    r"(?:[\w-]++\.)*?(?P<site>[A-Za-z0-9-]++)\.(?:(?:com|net|org|gov|edu)\.)?+[a-z]{2,6}",
    flags=regex.I)


def _known_site(source: str) -> str:
    """A site's domain as the canonical name of a known paper when its name is the paper's
    name or alias unaccented (``Dantri.com.vn`` → ``Dân trí``, ``Laodong.vn`` → ``Lao
    Động``), a known paper's name dressed as a masthead as that paper (``Báo Tuổi Trẻ``,
    ``Tuổi Trẻ Online`` → ``Tuổi Trẻ``); any other source as it is.

    >>> _known_site("Laodong.vn"), _known_site("news.zing.vn"), _known_site("Báo Tin tức")
    ('Lao Động', 'Zing', 'Báo Tin tức')
    >>> _known_site("Báo Thanh Niên"), _known_site("Tuổi Trẻ Online")
    ('Thanh Niên', 'Tuổi Trẻ')
    """
    m = _SITE_DOMAIN.fullmatch(source) if "." in source else None
    if m is not None:
        return _papers_by_site_name().get(_squashed(m.group("site")), source)
    core = _MASTHEAD.fullmatch(source)
    return agency_names().get(core.group("core"), source) if core else source


#: A paper's name as its masthead prints it: ``Báo X``, ``X Online``, ``X điện tử``.
_MASTHEAD = regex.compile(r"(?:(?:Báo|Tạp chí)[ \t]++)?+(?P<core>.+?)"
                          r"(?:[ \t]++(?:Online|online|điện tử))?+")


def _squashed(name: str) -> str:
    """``name`` as a domain writes it: no accents, no spaces or signs, lowercase."""
    plain = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in plain if c.isalnum() and c.isascii()).casefold()


@functools.cache
def _papers_by_site_name() -> dict[str, str]:
    """Known papers by their squashed names and aliases (``lao dong`` → ``Lao Động``)."""
    papers: dict[str, str] = {}
    for alias, canonical in agency_names().items():
        for name in (canonical, alias):
            papers.setdefault(_squashed(name), canonical)
    return papers


def _attributed_source(edits: list[Edit]) -> str | None:
    """The first attribution after the lead prefix (``Theo VTC News`` closing a story whose
    lead opens ``(NĐT) -``: the original source, not the site's own prefix), else the
    agency of the lead prefix, else the first attribution."""
    prefix = next((edit.start for edit in edits if edit.rule == "bylines.agency_prefix"), None)
    if prefix is not None:
        source = _first_attribution([edit for edit in edits if edit.start > prefix])
        if source:
            return source
    for rule in _SOURCE_RULES:
        source = _first_attribution(edits, rule)
        if source:
            return source
    return None


_REFERENCES = regex.compile(r"\W*+(?:Nguồn[ \t]++tham|[Tt]ham)[ \t]++khảo")


def _first_attribution(edits: list[Edit], rule: str = "bylines.source_attribution"
                       ) -> str | None:
    """The source the first edit of ``rule`` (among ``edits``) names; a list of references
    (``Tham khảo: The Verge, Apple``) only when no other attribution names one: ``Theo Trí
    Thức Trẻ`` under it is where the article came from."""
    ruled = [i for i, edit in enumerate(edits) if edit.rule == rule]
    for i in sorted(ruled, key=lambda i: _REFERENCES.match(edits[i].text) is not None):
        edit = edits[i]
        if rule == "bylines.source_attribution" and _paper_follows(edits, i):
            return source_name("Theo " + edits[i + 1].text.strip())
        credited = _person_and_paper(edit.text)  # "Theo Minh Nguyễn/Vcamp.vn"
        source = credited[1] if credited else source_name(edit.text)
        if source:
            return source
    return None


def _source_in_signoff(edits: list[Edit]) -> str | None:
    """The source a sign-off's ``Theo X`` or ``Nguồn: X`` names (``Minh Đức (Theo Dân trí)``,
    ``Minh Anh - Nguồn: VOV``), else a known agency named in its note (``Hồng Nhung
    (TTXVN)``), canonical.

    Only agencies of ``bylines_agencies.txt``, a site's domain in brackets
    (``Minh Châu (Dantri.com.vn)``) and a paper named after a word for one
    (``Thu Hương/Báo Tin tức``) count in a note: a note such as ``(tổng hợp)`` or a second
    author after ``/`` names no source.
    """
    agencies = agency_names()
    for edit in edits:
        if edit.rule not in _SIGNOFF_RULES:
            continue
        theo = _SIGNOFF_THEO.search(edit.text)
        named = theo and (edit.text[theo.start():] if theo.group() == "Nguồn"
                          else "Theo" + edit.text[theo.end():])
        if named and (source := source_name(named)):
            return source
        m = _SIGNOFF_NOTE.search(edit.text.strip())
        note = m and (m.group("note") or m.group("tail")).strip()
        agency = note and _agency_in_note(note)
        if agency in agencies:
            return agencies[agency]
        if m and m.group("note") and is_domain(note):
            return note  # "Minh Châu (Dantri.com.vn)": the site the author writes for
        if note and is_paper(note):
            return note  # "Thu Hương/Báo Tin tức": a paper named after a word for one
    return None


#: Where a correspondent of an agency writes from, after the agency in a sign-off's note:
#: ``TTXVN tại Washington``, ``thường trú tại Paris``.
_POSTED_AT = regex.compile(r"\s++(?:thường\s++trú\s++)?tại\s.*+", flags=regex.S)


def _agency_in_note(note: str) -> str:
    """A sign-off's note without a role before the agency and the place after it:
    ``PV TTXVN tại Paris`` → ``TTXVN``, and a regional bureau after it: ``VOV-Tây Bắc`` →
    ``VOV``; any other note as it is.

    >>> _agency_in_note("PV TTXVN tại Paris"), _agency_in_note("VOV-Tây Bắc")
    ('TTXVN', 'VOV')
    >>> _agency_in_note("tổng hợp")
    'tổng hợp'
    """
    if note in agency_names():
        return note
    note = _POSTED_AT.sub("", note)
    role = _ROLE_OPENING.match(note)
    note = note[role.end():] if role is not None else note
    return note if note in agency_names() else _BUREAU.sub("", note)


def extract_metadata(original: str, cleaned: Cleaned) -> dict[str, Any]:
    """Title, authors, published (ISO 8601) and source learnt while cleaning.

    >>> from vnclean import clean_and_explain
    >>> meta = clean_and_explain("Mưa lớn ở Hà Nội\\nThứ Ba, 25/12/2012 - 10:03\\n"
    ...     "TTO - Nước ngập nhiều tuyến phố, giao thông ùn tắc kéo dài nhiều giờ liền.\\n"
    ...     "Văn Khương").metadata
    >>> meta["title"], meta["authors"], meta["published"], meta["source"]
    ('Mưa lớn ở Hà Nội', ['Văn Khương'], '2012-12-25T10:03:00+07:00', 'Tuổi Trẻ')
    """
    original, edits = in_normal_text(original, cleaned.edits)
    lead = lead_position(original, cleaned.text)
    return {
        "title": find_title(cleaned.text),
        "authors": find_authors(edits),
        "published": (find_published(edits, lead=lead)
                      or _published_in_original(original, lead)),
        "source": find_source(edits),
    }


#: The step whose edits make the text the other steps read (NFC, no invisibles, ...).
_NORMALIZER = "normalize_unicode"


def in_normal_text(original: str, edits: Sequence[Edit]) -> tuple[str, list[Edit]]:
    """The original as the normalization step left it, and the other edits moved into it.

    Why: edits quote the raw original, so a name typed in NFD (``Huyền`` decomposed) or
    cut by a zero-width space (which also splits its edit in pieces) would be read raw.
    Pieces of one edit split only by normalization are joined again.

    >>> raw = "Mưa lớn\\nThu\\u200b Huyền"
    >>> edits = [Edit(11, 12, cleaner=_NORMALIZER, rule="unicode.invisible", text="\\u200b"),
    ...          Edit(7, 11, rule="bylines.author_line", text=raw[7:11]),
    ...          Edit(12, 18, rule="bylines.author_line", text=raw[12:18])]
    >>> text, moved = in_normal_text(raw, edits)
    >>> [(e.start, e.end, e.text) for e in moved]
    [(7, 17, '\\nThu Huyền')]
    """
    norm = sorted((e for e in edits if e.cleaner == _NORMALIZER), key=lambda e: e.start)
    if not norm:
        return original, list(edits)
    offsets = StepMap(norm)
    text = apply_edits(original, norm)
    moved: list[Edit] = []
    last_end = -1  # where the last moved edit ends in the ORIGINAL
    for edit in edits:
        if edit.cleaner == _NORMALIZER:
            continue
        start, end = offsets.forward(edit.start), offsets.forward(edit.end, "end")
        if (moved and (moved[-1].rule, moved[-1].cleaner) == (edit.rule, edit.cleaner)
                and last_end < edit.start and offsets.rewrites(last_end, edit.start)):
            start = moved.pop().start
        moved.append(replace(edit, start=start, end=end, text=text[start:end]))
        last_end = edit.end
    return text, moved
