"""Remove who-and-when: author sign-offs, datelines, timestamps, attributions, lead prefixes.

Compiled patterns find every candidate, each naming the rule that would fire: one stdlib
``re`` scan of the document picks the lines a line shape may match (the large ``regex``
patterns are tried only there), others run over the text or its last paragraph.
Candidates whose shape alone is proof are labelled at once, wherever they stand: a lead
prefix ``TTO - ``, a timestamp line, ``Theo TTXVN``, a labelled author ``Bài, ảnh: X``, a
name under a newsroom role or over a byline note (``Phóng viên Lê Hùng``,
``Hồng Nhung (TTXVN)``), the end mark ``/.``. A bare name line is labelled only from its
neighbours: after the last body paragraph with no more story below, or at the top (right
under the title, or above it) when every syllable is a personal name's and no name line
stands between paragraphs further down. Between paragraphs it stays (it may be a
subheading), and so does a list of names. When unsure, the line stays.

Word lists live in ``vnclean/data/bylines_*``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Iterable, Iterator
from typing import ClassVar

import regex

from ._data import (
    LazyPattern,
    alternation,
    compile_named,
    gc_paused,
    json_data,
    named_list,
    tab_entries,
    trie,
    word_list,
    word_set,
)
from .blocks import (
    FLAT_LINE_MIN_CHARS,
    LAST_NON_BLANK,
    BoilerplateCleaner,
    Label,
    WarmUp,
    last_non_space_end,
    line_opening,
    line_openings,
    long_first_line_end,
    nonblank_lines,
)
from .dates import (DATE_PATTERN, EN_MONTHS, TIME_PATTERN, WEEKDAY_PATTERN, YEAR_THEN_CLOCK,
                    ZONE_PATTERN)
from .promos import is_widget_row, widgets_before
from .tones import lacks_its_final

__all__ = ["StripBylines", "strip_bylines", "agency_names", "author_names", "source_name",
           "is_domain", "is_paper", "attribution_date", "RULES"]

#: Every rule this cleaner may report, for docs and tests.
RULES = (
    "bylines.agency_prefix",
    "bylines.dateline",
    "bylines.timestamp",
    "bylines.author_line",
    "bylines.author_note",
    "bylines.signoff_glued",
    "bylines.glued_promo",
    "bylines.source_attribution",
    "bylines.outlet_date",
    "bylines.desk_sign_off",
    "bylines.flat_author",
    "bylines.end_mark",
    "bylines.flat_dateline",
    "bylines.author_box",
    "bylines.glued_stamp",
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
#: The words after a paper's name for its online edition: ``Tuổi Trẻ Online``, ``Dân Việt điện tử``.
_ONLINE_EDITION = r"(?:Online|online|điện tử)"
#: An international broadcaster's Vietnamese service after its name ("RFA Tiếng Việt").
_LANGUAGE_SERVICE = r"(?:Tiếng[ \t]Việt|tiếng[ \t]Việt|Việt[ \t]ngữ)"
#: The time after a date, maybe with seconds and a half of the day: " 09:15 AM", ", 9h15".
_CLOCK = (r"(?:[ \t,|-]{1,3}+\d{1,2}[:hg]\d\d(?::\d\d)?+(?:[ \t]?+(?:AM|PM|am|pm|SA|CH))?+)?+")
#: A date with its year: a name may stand before it with a blank only (``dl_bare``), an
#: attribution line's source never runs into it (VCCorp's "Theo Pháp luật & Bạn đọc 20/06/2024").
_DATED_YEAR = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?!\d)"
_SYL = r"\p{Lu}\p{Ll}{0,6}+"  # one capitalised syllable: Nguyễn, Hà, Đ
# A label that names the author: "Tác giả: X", "Bài, ảnh: X", "Đăng bởi X", "by Admin".
# Labels before a colon, labels whose colon is optional, and a head joined to media words
# before a colon ("Bài, ảnh:", "Tin và ảnh:"); see bylines_labels.json.
_LABELS = json_data("bylines_labels.json")
_T = json_data("bylines_thresholds.json")
_COLON_LABELS = tuple(_LABELS["colon"])
_BY_LABELS = tuple(_LABELS["by"])
_JOINED = _LABELS["joined"]
_COLON_ALTERNATION = "|".join(map(regex.escape, _COLON_LABELS))
_BY_ALTERNATION = "|".join(map(regex.escape, _BY_LABELS))
_JOINED_LABEL = (rf"(?:{named_list(tuple(_JOINED['heads']))})"
                 rf"(?:[ \t]*+(?:{named_list(tuple(_JOINED['joiners']))})[ \t]*+"
                 rf"(?:{named_list(tuple(_JOINED['media']))})){{1,2}}+")
# A name never goes on into the attribution or note after it: "Minh Phương Theo CNA,
# Reuters", "Minh Nhật Tổng hợp" (a flattened "Minh Nhật" / "Tổng hợp"), nor into a
# weekday ("Ngọc Minh Thứ ba, 12/3/2024"), nor into an e-mail's label ("Minh Anh Email:"),
# nor into a blog's date field or month ("Quang Minh Thời gian: 21/11/2022", "Admin Tháng
# Mười 15, 2021"), nor into the next credit's joined label ("Đ.Trinh Bài và ảnh: Yến Anh").
_NOT_SOURCE_WORD = (r"(?!(?:Nguồn|Theo|Tổng[ \t]hợp|Thứ|Chủ[ \t]nhật|E-?mail|Thời[ \t]gian"
                    r"|Ngày[ \t]đăng|Cập[ \t]nhật|Tháng)(?!\p{Ll})"
                    rf"|{_JOINED_LABEL}[ \t]*+:)")
#: The compiler's note written after a name without brackets: "Minh Nhật Tổng hợp".
_BARE_NOTE = r"(?:[Tt]ổng[ \t]hợp|thực[ \t]hiện|[Ss]ưu[ \t]tầm)(?![\p{L}\d])"
_INITIALS = (r"(?:\p{Lu}\.[ \t]?+){1,3}+"
             rf"(?:{_NOT_SOURCE_WORD}{_SYL}(?:[ \t]{_NOT_SOURCE_WORD}{_SYL})?+\.?+)?+")
# Tuổi Trẻ writes sign-offs in capitals: NGỌC AN (a syllable never the capital opening a word
# after it: "NGUYỄN HIỀN Nguồn PLO: ...", "NGỌC AN Theo TTXVN")
_UPSYL = r"\p{Lu}{1,7}+(?!\p{Ll})"
_ONE_NAME = (rf"(?:{_INITIALS}|{_SYL}(?:[ \t]{_NOT_SOURCE_WORD}{_SYL}){{1,3}}+"
             rf"|{_UPSYL}(?:[ \t]{_UPSYL}){{1,3}}+)(?!\p{{Ll}})")
#: More credits after a labelled author on its line: "| Trình bày: Hải Yến", "; Đồ họa: X".
_MORE_CREDITS = (rf"[ \t]*+[|;,][ \t]*+(?:{named_list(tuple(_LABELS['credits']))})"
                 r"[ \t]*+:[ \t]*+")
_AUTHOR_LABEL = (rf"(?:(?:{_JOINED_LABEL}|{_COLON_ALTERNATION})[ \t]*+:"
                 rf"|(?:{_BY_ALTERNATION})(?:[ \t]*+:)?+)[ \t]*+")
#: What an author's affiliation opens with ("Khoa Nội, Bệnh viện Bạch Mai"): also never a
#: name's first syllable.
_AFFILIATION_WORDS = tuple(words for use, words in tab_entries("institution_heads.txt")
                           if use in ("both", "author"))
# Heads read only as a source's after "Nguồn:" / "Theo" ("Cổng TTĐT Chính phủ").
_SOURCE_OFFICE_WORDS = tuple(words for use, words in tab_entries("institution_heads.txt")
                             if use == "source")
# Stop words that open a sentence, never a name (checked at the first syllable).
_OPENERS = ("Theo", "Nguồn", "Ông", "Bà", "Các", "Những", "Một", "Tại", "Trong", "Khi", "Sau",
            "Trước", "Đây", "Đó", "Video", "Ảnh", "Clip", "Tin", "Xem", "Chia", "Bình luận",
            "Trang", "Hình", "Đồ họa", "Mời", "Liên", "Đọc", "Bạn", "Quý", "Báo", "Tạp chí",
            "Thứ", "THỨ", "Chủ nhật", "Chủ Nhật", "CHỦ NHẬT", "Tháng", "THÁNG", *_AFFILIATION_WORDS)
#: Openers that are also given names, before a family name: a name written given name
#: first ("Trang Nguyễn", not "Trang chủ").
_GIVEN_FIRST = (rf"{trie(word_list('bylines_given_openers.txt'))}[ \t]"
                rf"{trie(word_list('captions_family_names.txt'))}(?!\p{{L}})")
_NOT_FIRST = rf"(?!(?!{_GIVEN_FIRST}){trie(_OPENERS)}(?!\p{{L}}))"


#: Words that may stand before a name: titles ("Thạc sĩ"); on a name line alone, newsroom
#: roles too ("Phóng viên Lê Hùng").
_TITLE_WORDS = word_list("bylines_titles.txt")
_OUTLET_ENDINGS = trie(word_list("bylines_outlet_endings.txt"))
#: A web paper's one-word brand as a lead's prefix: "GiadinhNet" (bylines_outlet_endings.txt).
# (or, as older aggregators printed it, the ending ``net`` in lower case after at least
# four letters: "Hanoinet"; the common nouns of ``bylines_not_brands.txt`` are none)
_OUTLET_BRAND = (rf"\p{{Lu}}\p{{Ll}}[\p{{L}}\d]{{0,14}}?(?:{_OUTLET_ENDINGS})(?![\p{{L}}\d])"
                 rf"|\p{{Lu}}\p{{Ll}}{{4,14}}net(?![\p{{L}}\d])")
#: Words shaped like such a brand that are common nouns: "Internet - Mạng lưới ..." stays.
_NOT_BRANDS = frozenset(map(str.casefold, word_list("bylines_not_brands.txt")))
_OUTLET_BRAND_LINE = LazyPattern(_OUTLET_BRAND)
#: Words written short whose period ends no sentence (``Mr.``, ``tp.``, ``v.v.``).
_ABBREVIATIONS = word_list("abbreviations.txt")
_ROLE_WORDS = word_list("bylines_roles.txt")
#: Author lines that are no personal name: newsroom roles, desks and teams.
_CUE_WORDS = _ROLE_WORDS + word_list("bylines_cues.txt")
#: Notes after an author's name: "Hà Phương (tổng hợp)".
_NOTE_WORDS = word_list("bylines_notes.txt")
#: The word lists as tries (:func:`vnclean._data.trie`), built once for every pattern that
#: names them.
_TITLES = trie(_TITLE_WORDS)
_TITLES_ROLES = trie(_TITLE_WORDS + _ROLE_WORDS)
_CUES = trie(_CUE_WORDS)
_MEDIA = trie(word_list("bylines_media.txt"))
_AGENCIES = trie(tuple(agency_names()))
_NOTES = trie(_NOTE_WORDS)
#: The site sections a dateline may name after it ("22-11-2026 - 09:15 | Đời sống"): the
#: names nav reads menus by, as written there, in capitals and in title case.
_SECTION_NAMES = tuple(dict.fromkeys(
    form for name in word_list("nav_sections.txt") for form in (name, name.upper(), name.title())))
_SECTIONS = trie(_SECTION_NAMES)
#: A CMS's "posted in" words before the section (``Minh Anh trong Thời sự``), nav's list.
_POSTED_IN = trie(word_list("nav_posted_in.txt"))
#: The same as alternations, longest first, for the patterns that have them so (the
#: agencies as a named list: only ``regex`` patterns, compiled by ``compile_named``, have them).
_AGENCY_ALTERNATION = named_list(agency_names())
_NOTE_ALTERNATION = named_list(_NOTE_WORDS)


def _names_pattern(tag: str, *, roles: bool = False, later_titles: bool = False) -> str:
    """One to four names joined by ``-``/``,``/``&``, maybe after a title or, with
    ``roles``, a newsroom role (group ``{tag}_title``); with ``roles`` each later name may
    have its own title too (``ThS. Nguyễn Thị Lan - TS. Trần Văn Bình``), with
    ``later_titles`` its own title only (``TS. Lê Văn An, TS. Hồ Thu Lan``)."""
    titles = _TITLES_ROLES if roles else _TITLES
    later = rf"(?:{titles}{_H}++)?+" if roles or later_titles else ""
    return (rf"(?:(?P<{tag}_title>{titles}(?:,?+{_H}++{titles})?+){_H}++)?+"
            rf"{_NOT_FIRST}{_ONE_NAME}"
            rf"(?:{_H}*+[-–&,]{_H}*+{later}{_NOT_FIRST}{_ONE_NAME}){{0,3}}+")


#: A paper named in sentence case after a word for a paper or station: "Báo Tin tức", "Đài
#: Tiếng nói Việt Nam", "báo Tài nguyên và Môi trường". Each capitalised syllable may take
#: one lowercase syllable, so "báo Lao Động cho biết" stops at "Lao Động cho"; a word
#: may join two by a hyphen or "&" (a local station's "Đài PT-TH Nghệ An"). Syllables
#: are short: the unit is never wider than a URL (``_GLUED_REACH_ALL`` is unchanged).
_PAPER = (rf"(?:{_MEDIA})"
          r"(?:[ \t](?:[\p{Lu}\d][\p{L}\d]{0,6}+(?:[-&][\p{Lu}\d][\p{L}\d]{0,6}+)?+"
          r"(?:[ \t]\p{Ll}{1,7}+(?![\p{L}\d]))?+"
          r"|(?:và|&)(?![\p{L}\d]))){1,5}+(?![\p{L}\d])")


#: A time before a dated year closes a source, no word of it: "Theo Thanh niên Việt 07:45
#: 23/11/2024" (VCCorp's byline row).
_TIME_DATE = rf"\d{{1,2}}:\d\d[ \t,]++(?={_DATED_YEAR})"
_NOT_TIME_DATE = rf"(?!{_TIME_DATE})"


#: A weekday before a date: "Thứ tư, " in "Theo Nhịp sống thị trường Thứ tư, 20/11/2024".
_WEEKDAY_BEFORE = rf"{WEEKDAY_PATTERN}{_H}*+,?+{_H}*+"


def _source_word(*, paper: bool = False) -> str:
    """One word of a source: an agency, a paper named around ``&``, a capitalised word,
    ``[Link]``, a URL or domain; with ``paper``, a paper's name in sentence case first
    (``_PAPER``)."""
    first = f"{_PAPER}|" if paper else ""
    # (on attribution lines, a date closes the line: "Theo Pháp luật & Bạn đọc 20/06/2024",
    # maybe after its weekday: "Theo Nhịp sống thị trường Thứ tư, 20/11/2024 08:15")
    not_date = rf"(?!(?:{_WEEKDAY_BEFORE})?+{_DATED_YEAR})" if paper else ""
    word = (rf"(?!Nguồn[ \t]*+:)(?:{first}(?:{_AGENCY_ALTERNATION})(?![\p{{L}}\d]|\.\p{{L}})"
            # a paper named in sentence case around "&": "Kinh tế & Đô thị", "Sức khỏe & Đời sống"
            r"|\p{Lu}\w{0,12}+(?:[ \t]\p{Ll}{1,7}+)?+[ \t]?+&[ \t]?+"
            r"\p{Lu}\w{0,12}+(?:[ \t]\p{Ll}{1,7}+)?+(?![\p{L}\d])"
            rf"|{not_date}{_NOT_TIME_DATE}[\p{{Lu}}\d](?:(?!Nguồn[ \t]*+:)[\w.'’&+-]){{0,24}}+"
            r"|\[[^\]\n]{1,40}+\]"
            r"|\(?+(?:https?://[^\s()]{1,100}+|www\.[^\s()]{1,80}+)\)?+"
            r"|[\p{Ll}\d-]{2,30}+\.(?:vn|com|net|org)(?:\.vn)?+(?:/[^\s()]{0,80}+)?+"
            r"|(?:và|báo|tạp\ chí|trang|hãng|kênh|đài|tờ|of|the|de|and|&)(?!\p{L}))")
    return word


def _source_pattern(*, paper: bool = False) -> str:
    """A source named after ``Theo``/``Nguồn:``: capitalised words, agencies, ``[Link]``,
    joined by blanks or ``,/;|-`` (``Theo Thu Hà | Báo Lao Động``, VCCorp's source box); with
    ``paper``, papers named in sentence case too (only attribution lines look for
    them: each copy of ``_PAPER`` adds to the time the patterns take to compile)."""
    word = _source_word(paper=paper)
    return rf"{word}(?:{_H}*+[,/;|–-]?+{_H}*+{word}){{0,9}}+"


#: A paper named in sentence case in brackets after the person a ``Theo`` line credits:
#: "Theo Thu Hà (Phụ nữ Việt Nam)", "(Phụ nữ & Gia đình)" (two to six words).
_BRACKETED_PAPER = r"\(\p{Lu}\p{Ll}{0,6}+(?:[ \t](?:\p{L}{1,7}+|&)){1,5}+\)"
#: Where an article was first printed: "Bài đăng trên Tạp chí Tài chính", "Bài viết được
#: đăng tại báo Nhân Dân" (a paper named after a word for one, ``_PAPER``), and the issue
#: after it: "kỳ 1 tháng 6/2024", "số 12/2024".
#: How such a line opens (also the line gate's, ``_OPENS``).
#: (copy sites: "Bài viết gốc được đăng tải tại", "Bài viết được đăng tải lại từ", a domain)
_PUBLISHED_OPENS = (r"Bài(?:[ \t]viết)?(?:[ \t]gốc)?[ \t](?:được[ \t])?đăng(?:[ \t]tải)?"
                    r"(?:[ \t]lại)?[ \t](?:trên|tại|từ)[ \t]")
#: The label of an original article's source line: "Tin gốc", "Bài viết gốc", "Link bài gốc",
#: "Link gốc";
#: or of the article's own address, as a print view or a copy site closes the page with it:
#: "Đường dẫn bài viết", "Nguồn bài viết", "Link bài viết", "URL bài viết".
_ORIGINAL_LABEL = (r"(?:(?:Link[ \t]bài|Bài|Tin|Link)(?:[ \t]viết)?[ \t]gốc"
                   r"|(?:Đường[ \t]dẫn|Nguồn|Link|URL)[ \t]bài(?:[ \t]viết)?)")
#: A call to read the original where it was printed: "Đọc bài gốc tại", "Xem tin gốc trên".
_READ_ORIGINAL = (r"(?:Xem|Đọc)[ \t](?:bài(?:[ \t]viết)?|tin)[ \t]gốc[ \t](?:tại|trên|ở)")
_PUBLISHED_IN = (rf"{_PUBLISHED_OPENS}(?P<pub_source>{_PAPER}"
                 r"|[\p{Ll}\d-]{2,30}+\.(?:vn|com|net|org)(?:\.vn)?+(?![\p{L}\d.]))")
_ISSUE = (r"(?:[ \t]*+[,(]?+[ \t]*+(?:kỳ|số|tháng|năm|quý|ngày|ra[ \t]ngày"
          r"|\d[\d/.-]{0,9}+|[IVX]{1,4}+)(?![\p{L}\d])\)?+){0,10}+")
#: A site's domain, as a note after a name names the paper: "Dantri.com.vn", "news.zing.vn".
_DOMAIN = (r"(?:[\p{L}\d][\p{L}\d-]{0,20}+\.){1,3}+(?:vn|VN|com|net|org|info)"
           r"(?![\p{L}\d.])")
#: A newsroom desk after a team role: "Nhóm phóng viên Ban Thời sự" (``bylines_desks.txt``),
#: "PV Thời sự", "Nhóm PV Kinh tế" (a desk's name in sentence case), "Nhóm phóng viên Báo
#: Nhân Dân" (a paper, ``_PAPER``).
_DESK = (rf"(?:{_PAPER}|(?:(?:{trie(word_list('bylines_desks.txt'))}){_H}++)?+"
         rf"\p{{Lu}}\p{{Ll}}{{0,6}}+(?:{_H}\p{{Ll}}{{1,7}}+)?+(?![\p{{L}}\d]))")
#: A forum or blog user's name after an author label, at the story's end only:
#: "Bài viết bởi nguyenvana", "Tác giả: tran_minh92".
_USERNAME = r"[a-z][a-z0-9_.]{2,30}+(?<![._])(?![\p{L}\d])"
#: An author label glued after the last sentence: "...cuối cùng. Tin, ảnh: Thu Hà" (only a
#: label with a colon: "Bởi", "by" glued after a sentence may be the sentence's words).
_GLUED_LABEL = rf"(?:{_JOINED_LABEL}|{_COLON_ALTERNATION})[ \t]*+:[ \t]*+"

#: A paper named before a link, after "Nguồn" (``Nguồn Lao Động: https://...``): a paper in
#: sentence case, a known agency, or capitalised words; and the link.
_NAMED_SOURCE = (rf"(?:{_PAPER}|{_AGENCY_ALTERNATION}|\p{{Lu}}[\p{{L}}\d.]{{0,15}}+"
                 rf"(?:{_H}[\p{{Lu}}\d][\p{{L}}\d.]{{0,15}}+){{0,4}}+)(?![\p{{L}}\d])")
_LINK = r"(?:https?://|www\.)[^\s()]{1,200}+"
#: An author's e-mail address after the name or on the line under the sign-off.
_EMAIL = r"[\w.+-]{1,40}+@[\w-]{1,30}+(?:\.[\w-]{1,20}+){1,3}+"
#: Its label: "Email: ", "E-mail : ".
_EMAIL_LABEL = r"[Ee]-?mail[ \t]*+:[ \t]*+"

#: An author's affiliation (``institution_heads.txt``, then a capital), after a dash to
#: the line's end or in brackets: "Khoa Nội, Bệnh viện Bạch Mai".
_AFFILIATIONS = trie(_AFFILIATION_WORDS)
_AFFILIATION = rf"(?:{_AFFILIATIONS})[ \t]\p{{Lu}}[^\n]{{0,80}}+"  # "Bộ trưởng ..." is none
#: In brackets an institution's name may run as long as after a dash (``(Văn phòng Tư vấn pháp
#: lý thuộc Hội Luật gia tỉnh Bình Định và các huyện lân cận)`` under a Q&A's answer).
_AFFILIATION_IN_BRACKETS = rf"(?:{_AFFILIATIONS})[ \t]\p{{Lu}}[^()\n]{{0,80}}+"
#: An office named as a line's source after "Nguồn:" or "Theo" ("Trung tâm Tin tức", "Sở Y tế
#: Hà Nội", "Cổng TTĐT Chính phủ"): a head word (``institution_heads.txt``), a capital, a few
#: words (read only where no story follows the line, as the other loosely named sources).
#: (a portal's name may go on in lower case: "Cổng thông tin điện tử tỉnh")
_OFFICE_SOURCE = (rf"(?:(?:{_AFFILIATIONS}|{trie(_SOURCE_OFFICE_WORDS)})[ \t]\p{{Lu}}\p{{L}}*+"
                  rf"|(?:{trie(_SOURCE_OFFICE_WORDS)})(?=[ \t]))(?:[ \t][\p{{L}}\d]++){{0,6}}+")


#: How a note after a name opens (:func:`_note_pattern`), and the word of "Theo X" after
#: it (``theo`` in :func:`_build`): ``_ANYWHERE_HINT`` looks for the same.
_NOTE_OPENS = r"\("
_THEO_WORD = "[Tt]heo"


#: A place's words ("Hà Nội", "TP.HCM", "Quận 1": syllables in title case, or a city "TP."
#: before its name; a number after the first), and the newsroom roles. "(SN 1990)" is none.
_PLACE_WORDS = (r"(?:TP\.?+[ \t]?+\p{Lu}[\p{L}.]{0,10}+|\p{Lu}\p{Ll}{1,12}+)(?![\p{L}\d])"
                r"(?:[ \t](?:\p{Lu}\p{Ll}{1,12}+|\d{1,2}+)(?![\p{L}\d])){0,3}+")
_ROLE_TRIE = trie(_ROLE_WORDS)
#: A correspondent's post after the role: "thường trú tại Mỹ", "tại Paris".
_POST = rf"(?:{_H}++(?:thường{_H}trú{_H}++)?+(?:tại|ở){_H}++{_PLACE_WORDS})?+"


_LOCAL_UNITS = named_list(word_list("bylines_local_units.txt"))


def _note_pattern() -> str:
    """A note after an author's name: ``(tổng hợp)``, ``(theo Reuters)``, ``(t/h)``, or the
    agency or paper the author writes for: known or an acronym (``(TTXVN)``,
    ``(VOV-Tây Bắc)``), a site's domain (``(Dantri.com.vn)``), a paper in sentence case
    (``(Báo Quảng Ninh)``)."""
    # (an acronym maybe with a channel's number: "(VOV5)", "(VTV8)")
    agency = (rf"(?:(?:{_ROLE_TRIE}){_H}++)?+(?:{_AGENCY_ALTERNATION}|\p{{Lu}}{{2,8}}+\d?+)"
              # (the desk after a dash, a slash or a blank: "(VOV-Tây Bắc)", "(VOV Tây Bắc)")
              rf"(?![\p{{L}}\d])(?:(?:{_H}*+[-–/]{_H}*+|{_H}++(?=\p{{Lu}}\p{{Ll}}))"
              r"[\p{L}\d+.]{1,12}+(?:[ \t][\p{L}\d+.]{1,12}+){0,2}+)?+"
              # a correspondent's post: "(TTXVN tại Washington)", "(PV TTXVN tại Paris)"
              rf"(?:{_H}++(?:tại|ở){_H}++{_PLACE_WORDS})?+")
    # a reader's or writer's place, judged by position as a bare name is: "(Hà Nội)",
    # "(Cầu Giấy, Hà Nội)", "(Quận 1, TP.HCM)"
    place = rf"{_PLACE_WORDS}(?:,{_H}?+{_PLACE_WORDS}){{0,2}}+"
    # the paper or agency named as the source: "( Nguồn: Báo Tin tức )", "(Theo: TTXVN)"
    source = (rf"(?:Nguồn|[Tt]heo){_H}*+:{_H}*+(?:{_PAPER}|{_AGENCY_ALTERNATION}|{_DOMAIN})"
              r"(?![\p{L}\d])")
    # a newsroom role, maybe with its post: "(PV)", "(Phóng viên thường trú tại Mỹ)"
    role = rf"(?:{_ROLE_TRIE})(?![\p{{L}}\d]){_POST}"
    # a local contributor's unit and its district, judged as a place is: "(TTVH huyện Cao
    # Lộc)", "(Đài TT-TH huyện Mường La)" (bylines_local_units.txt)
    unit = (r"\p{Lu}[\p{L}\d&/-]{0,12}+(?:[ \t][\p{Lu}\d][\p{L}\d&/-]{0,12}+){0,3}+"
            rf"{_H}++(?:{_LOCAL_UNITS})(?![\p{{L}}\d]){_H}*+{_PLACE_WORDS}")
    return (rf"{_NOTE_OPENS}{_H}*+(?:(?:{_NOTE_ALTERNATION})(?:{_H}?+[^()\n]{{0,60}}+)?+"
            rf"|{agency}|{_DOMAIN}|{_PAPER}|{_AFFILIATION_IN_BRACKETS}|{place}|{source}|{role}"
            rf"|{unit})"
            rf"{_H}*+\)")


#: What a page counts after a dateline (``bylines_counters.txt``): "5 bình luận",
#: "1.234 lượt xem", "3 phút đọc".
_COUNTER_WORDS = word_list("bylines_counters.txt")
_COUNT = r"(?:\d{1,3}+(?:[.,]\d{3}+)++|\d{1,9}+)(?:[.,]\d)?+[kK]?+"  # "1.234", "1475", "1,5k"
_COUNTER_TRIE = f"(?:{trie(_COUNTER_WORDS)})"
#: "1.234 lượt xem", or the label first: "Lượt xem: 512", "Thời gian đọc: khoảng 3 phút".
_COUNTER = (rf"(?:{_COUNT}{_H}++{_COUNTER_TRIE}(?![\p{{L}}\d])"
            rf"|{_COUNTER_TRIE}(?:{_H}*+:)?+{_H}*+(?:khoảng{_H}++)?+{_COUNT}(?![\p{{L}}\d])"
            r"(?:[ \t]++(?:phút|giây)(?![\p{L}\d]))?+)")

#: One of the page's counters after a dateline, after a separator or a blank; or one of its
#: tools after a bar (``bylines_page_tools.txt``: "| Lượt xem: 4395 | In bài viết").
_COUNTER_AFTER = (rf"(?:(?:{_H}*+[-–|•·]{_H}*+|{_H}++){_COUNTER}"
                  rf"|{_H}*+\|{_H}*+(?:{trie(word_list('bylines_page_tools.txt'))})"
                  r"(?![\p{L}\d]))")
#: The page's counters after a flattened page's dateline, glued or after a bar.
_FLAT_COUNTERS = rf"(?:{_COUNTER_AFTER}){{0,3}}+"

#: A blog engine's poster after a dateline's date, after "by"/"bởi": a user name, any word,
#: four at most ("admin", "Minh Anh").
_POSTER_NAME = r"[^\s|,.:;]{2,30}+(?:[ \t]++[^\s|,.:;]{1,20}+){0,3}+"

#: How a dateline that does not open with a name opens: a date word, "(GMT".
_DATELINE_STARTS = (*EN_MONTHS,  # "Nov 23, 2024"
                    "Cập", "cập", "Ngày", "ngày", "Đăng", "Gửi", "Gởi", "Được", "Thời", "Xuất",
                    "Phát",
                    "Published", "Posted",
                    "Updated", "Lúc", "lúc", "Vào", "vào", "Thứ", "thứ", "THỨ", "Chủ", "chủ",
                    "CHỦ", "CN", "T2", "T3", "T4", "T5", "T6", "T7", "Mon", "Tue", "Wed", "Thu",
                    "Fri", "Sat", "Sun", "(", "GMT", "GTM", "UTC", "Hôm", "hôm", "Tháng", "tháng",
                    "THÁNG")
#: A brand or pen name of one word before a dateline's bar: "Yan", "YAN", "Kenh14"; never
#: a word a dateline opens with ("Ngày | 16/02/2024", "Monday | ...": read as the dateline's).
_PEN_NAME = (r"(?=\p{Lu}[\p{L}\d]{1,15}+(?![\p{L}\d]))"
             rf"(?!(?:{trie(_DATELINE_STARTS)}|{WEEKDAY_PATTERN})(?![\p{{L}}\d]))"
             r"\p{Lu}[\p{L}\d]{1,15}+(?![\p{L}\d])")

#: "5 giờ trước", "2 ngày trước": an aggregator's relative timestamp (no date to report).
_RELATIVE_PATTERN = r"\d{1,3}[ \t](?:giây|phút|giờ|ngày|tuần|tháng|năm)[ \t]trước"


def _without_groups(pattern: str) -> str:
    """``pattern`` with its named groups made plain (a date's ``(?P=sep)`` becomes any date
    separator), to embed a second time in one alternation without sharing group names.

    >>> _without_groups("(?P<d>[0-9]+)(?P<sep>[/.-])(?P<m>[0-9]+)(?P=sep)")
    '(?:[0-9]+)(?:[/.-])(?:[0-9]+)[/.-]'
    """
    return _NAMED_BACKREF.sub("[/.-]", _NAMED_GROUP.sub("(?:", pattern))


_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")  # (group 1: the name)
_NAMED_BACKREF = re.compile(r"\(\?P=(\w+)\)")


#: The groups of the date and time patterns of ``dates.py`` (``d``, ``m``, ``y``, ``hh``,
#: ...) that no backreference names: no match of a dateline here is read by them (only by
#: this module's own groups, ``dl_body``, ``stamp``, ...), and the ``regex`` engine copies
#: every group of a pattern at each of its many possessive steps, so each group costs every
#: try of the line shapes (a third of the dateline shape's time).
_DATE_PARTS = "".join((WEEKDAY_PATTERN, DATE_PATTERN, TIME_PATTERN, ZONE_PATTERN))
_UNREAD_DATE_GROUPS = (frozenset(_NAMED_GROUP.findall(_DATE_PARTS))
                       - frozenset(_NAMED_BACKREF.findall(_DATE_PARTS)))
_UNREAD_DATE_GROUP = re.compile(rf"\(\?P<(?:{alternation(tuple(sorted(_UNREAD_DATE_GROUPS)))})>")


def _without_date_groups(pattern: str) -> str:
    """``pattern`` with the groups of ``_UNREAD_DATE_GROUPS`` made plain: it matches
    the same text, with the same groups but those (no backreference names them).

    >>> _without_date_groups("(?P<dl_body>(?P<d>[0-9]+)(?P<sep>[/.-])(?P=sep))")
    '(?P<dl_body>(?:[0-9]+)(?P<sep>[/.-])(?P=sep))'
    """
    return _UNREAD_DATE_GROUP.sub("(?:", pattern)


#: A site's section named in sentence case after a timestamp: two to five syllables, the
#: first capitalised, maybe joined by a dash, ``&`` or a comma ("Tài chính - ngân hàng").
_SECTION_PHRASE = (r"\p{Lu}\p{Ll}{0,6}+(?:(?:[ \t]|[ \t]?+[-–&,][ \t]?+)\p{Ll}{1,7}+"
                   r"(?![\p{L}\d])){1,4}+")
#: A paper named in sentence case as two such names joined by "và" (each a capital word and one
#: to three lowercase ones, no "và" among them): "Doanh nghiệp và Tiếp thị", "Kinh tế và Đô thị".
_PAPER_HALF = r"\p{Lu}\p{Ll}{0,6}+(?:[ \t](?!và(?![\p{L}\d]))\p{Ll}{1,7}+(?![\p{L}\d])){1,3}+"
_AND_PAPER = rf"{_PAPER_HALF}[ \t]++và[ \t]++{_PAPER_HALF}"


#: A feed's numeric offset after its clock time (RSS ``pubDate``: ``Fri, 03 Oct 2025 21:42:55
#: +0000``): a sign and four digits of a real zone (hours up to 14, minutes 00/30/45).
_FEED_OFFSET = r"(?<=\d:[0-5]\d[ \t])[+-](?:0\d|1[0-4])(?:00|30|45)(?![\d:])"
#: A zone's name right after a clock or its meridiem (``07:16 AM PST``: a blog engine's
#: feed time; ``bylines_zone_names.txt``).
_ZONE_NAME = (rf"(?<=\d[ \t]|[AP]M[ \t])(?:{trie(word_list('bylines_zone_names.txt'))})"
              r"(?![\p{L}\d])")


def _dateline_pattern() -> str:
    lead = (r"(?:[Cc]ập\ nhật(?:\ lần\ cuối)?+(?:\ lúc|\ ngày|\ vào)?+|Ngày\ đăng"
            r"|Ngày\ (?:xuất\ bản|phát\ hành|gửi|gởi)|[Đđ]ăng\ (?:lúc|ngày|vào)"
            r"|G[ửở]i\ (?:lúc|ngày|vào)"
            r"|Được\ đăng(?:\ lúc|\ ngày|\ vào)?+|Phát\ hành|"
            r"Ngày\ cập\ nhật|"
            r"Thời\ gian(?:\ đăng)?+|Xuất\ bản|Published(?:\ on)?+|Posted(?:\ on)?+|Updated|"
            r"[Nn]gày|[Ll]úc|[Vv]ào(?:\ lúc)?+"
            # a forum's English stamp binds its clock with "at": "August 03, 2015 at 20:24"
            r"|at(?=\ \d{1,2}+[:h]\d))")
    # "2 giờ trước" before the time "2 giờ", which would leave "trước" unread
    token = (rf"(?:{lead}|{WEEKDAY_PATTERN}|{DATE_PATTERN}|{_RELATIVE_PATTERN}|{TIME_PATTERN}"
             rf"|{ZONE_PATTERN}|{_FEED_OFFSET}|{_ZONE_NAME}|[Hh]ôm\ (?:qua|nay))")
    # ("05:30(GMT+7)", "07:45GMT+7"; a time glued to the year: "21 Tháng Ba 20254:08 SA")
    sep = rf"(?:{_H}*+[,|:–—-]{_H}*+|{_H}++|(?=\(?+(?:GMT|UTC))|{YEAR_THEN_CLOCK})"
    return _without_date_groups(rf"{token}(?:{sep}{token}){{0,7}}+")  # (groups: none read)


#: What a page prints right after a sign-off (``bylines_chrome.txt``): tags, related headings.
_CHROME_WORDS = word_list("bylines_chrome.txt")
_CHROME = rf"(?:{trie(_CHROME_WORDS)})"
#: Where a sign-off before the chrome may stand: a cue at most this far after the opening
#: (the reference :func:`_chrome_near` equals).
_CHROME_REACH = 160
_CHROME_NEAR = re.compile(rf"[^\n]{{0,{_CHROME_REACH}}}?[ \t](?:{_CHROME})")
#: A blank and a cue, and how far after an opening the last character of one may stand.
_CHROME_CUE = re.compile(rf"[ \t](?:{_CHROME})")
_CHROME_CUE_SPAN = _CHROME_REACH + 1 + max(map(len, _CHROME_WORDS))

#: What a glued sign-off follows: the mark closing the last sentence ("...cuối cùng.Nhóm PV").
_GLUED_MARKS = ".!?…\"”’)»"
_GLUED_MARK = re.compile(f"[{_GLUED_MARKS}]")


class _LazyPatterns:
    """Patterns by index, each compiled (by ``compile``: ``regex.compile`` or
    ``re.compile``) the first time it is asked for.

    A pattern may have a ``quick`` form (``None``: none) that matches what it matches,
    compiles faster and matches slower (:func:`_calling_shared`): that one is compiled
    first, and the pattern as written only once it has been asked for ``_QUICK_USES``
    times. So a process that cleans a few texts waits less for its first result, and
    one that cleans many matches as fast as ever.

    >>> patterns = _LazyPatterns(("Theo", "Nguồn"), 0)
    >>> patterns[1].match("Nguồn: VOV").group(), len(patterns)
    ('Nguồn', 2)
    >>> quick = _LazyPatterns(("Theo",), 0, quick=("T(?&rest)(?(DEFINE)(?P<rest>heo))",))
    >>> quick[0].pattern[:4], [quick[0] for _ in range(_QUICK_USES)][-1].pattern
    ('T(?&', 'Theo')
    """

    __slots__ = ("_sources", "_flags", "_compiled", "_compile", "_quick", "_warm")

    def __init__(self, sources: tuple[str, ...], flags: int, compile=regex.compile,
                 quick: tuple[str | None, ...] | None = None):
        self._sources = sources
        self._flags = flags
        self._compile = compile
        self._compiled: list = [None] * len(sources)
        self._quick = quick or (None,) * len(sources)
        #: each quick pattern's budget of uses (None: none, or used up)
        self._warm = [None if q is None else WarmUp(_QUICK_USES) for q in self._quick]

    def __len__(self) -> int:
        return len(self._sources)

    def __getitem__(self, k: int) -> regex.Pattern:
        warm = self._warm[k]
        if warm is not None and warm.spend():
            pattern = self._compiled[k]
            if pattern is None:
                with gc_paused():
                    pattern = self._compiled[k] = self._compile(self._quick[k], self._flags)
            if not warm.left:  # (the quick one's last use: the pattern as written next)
                self._compiled[k] = self._warm[k] = None
            return pattern
        pattern = self._compiled[k]
        if pattern is None:
            with gc_paused():
                pattern = self._compiled[k] = self._compile(self._sources[k], self._flags)
        return pattern


#: Uses of a quick pattern after which the pattern as written is compiled: a few texts
#: use a shape's pattern a few times, the corpus's two thousand texts at most two hundred;
#: the time its matches lose before (tens of microseconds each) stays a few hundredths of
#: a second, the time spared at the start a tenth of a second or two.
_QUICK_USES = 300


def _opening_class(words: Iterable[str]) -> str:
    """A class of the first letters of ``words``: a look-ahead every match of their trie meets."""
    return f"[{''.join(sorted({regex.escape(word[0]) for word in words}))}]"


#: Parts the line shapes repeat, none holding a group and each a whole unit wherever it
#: stands (a group or a run no quantifier follows): the name of the group a shape's quick
#: pattern calls instead of each copy (:func:`_calling_shared`), the part's copies (the
#: agencies as the trie and as the named list are one part: the same words, tried in the
#: same order, a longer one before its prefix), and a class every match opens with
#: (``None``: none, the part opens with a look-ahead or may match nothing). A part that
#: holds a later one comes before it: the later one is called in its definition too.
#: None stands in a scoped flag: a called group's definition reads without it (the roles,
#: read case-blind after an author's name, ``(?i:...)``, are left written out). The
#: look-aheads that keep a name from running on are left written out too: tried at every
#: syllable, as calls they made the quick forms twice as slow to match.
_SHARED_PARTS = (
    ("shared_note", (_note_pattern(),), r"\("),
    ("shared_papered", (_source_pattern(paper=True),), None),
    ("shared_source", (_source_pattern(),), None),
    ("shared_affiliation_in_brackets", (_AFFILIATION_IN_BRACKETS,), None),
    ("shared_post", (_POST,), None),
    ("shared_place", (_PLACE_WORDS,), None),
    ("shared_affiliations", (_AFFILIATIONS,), _opening_class(_AFFILIATION_WORDS)),
    ("shared_sections", (_SECTIONS,), _opening_class(_SECTION_NAMES)),
    ("shared_paper", (_PAPER,), _opening_class(word_list("bylines_media.txt"))),  # (_MEDIA's)
    ("shared_agency", (_AGENCY_ALTERNATION, _AGENCIES), _opening_class(agency_names())),
    ("shared_one_name", (_ONE_NAME,), r"\p{Lu}"),
    ("shared_titles_roles", (_TITLES_ROLES,), _opening_class(_TITLE_WORDS + _ROLE_WORDS)),
    ("shared_titles", (_TITLES,), _opening_class(_TITLE_WORDS)),
    ("shared_initials", (_INITIALS,), r"\p{Lu}"),
    ("shared_weekday", (WEEKDAY_PATTERN,), None),
    ("shared_counter", (_COUNTER,), None),
    ("shared_cues", (_CUES,), _opening_class(_CUE_WORDS)),
)


def _calling_shared(pattern: str) -> str:
    r"""``pattern`` with each copy of a part of ``_SHARED_PARTS`` a call of one group that
    holds it, defined once at the end (``(?(DEFINE)...)``, ``regex`` only), behind a class
    of the part's first letters where it has one: it matches as the copies did (the engine
    backtracks into a call as into a copy; the class is a necessary condition) and
    captures nothing more. A part inside another is called from that one's definition.

    Why: ``regex`` compiles every copy anew (most of the time goes to reading the
    pattern, character by character), and the line shapes hold the agencies 73 times,
    the papers 39, a name, its initials and a source dozens: with the calls the shapes
    compile in about half the time, but each call costs a little at every match (the
    quick forms match several times slower: :class:`_LazyPatterns` uses them first).

    >>> pattern = compile_named(_calling_shared(rf"Theo {_AGENCY_ALTERNATION}(?!\.\p{{L}})"))
    >>> pattern.match("Theo VOV.VN").group(), pattern.match("Theo VOV.Vn") is None
    ('Theo VOV.VN', True)
    """
    defined = ""
    for name, copies, opens in _SHARED_PARTS:
        if any(copy in pattern or copy in defined for copy in copies):
            call = f"(?&{name})" if opens is None else f"(?={opens})(?&{name})"
            for copy in copies:
                pattern = pattern.replace(copy, call)
                defined = defined.replace(copy, call)
            defined += f"(?P<{name}>{copies[0]})"
    return pattern + f"(?(DEFINE){defined})" if defined else pattern


class _QuickPattern:
    """A ``regex`` pattern compiled at its first use, first from its quick form
    (:func:`_calling_shared`), as written once it has been used ``_QUICK_USES`` times
    (:class:`_LazyPatterns`): for the large patterns a few texts need soon (the glued
    sign-off, a closing source, a sign-off before the page's chrome). ``pattern`` is the
    source as written; no shared part may stand in one of its look-behinds.

    >>> glued = _QuickPattern(rf"Theo (?:{_AGENCY_ALTERNATION})$", regex.MULTILINE)
    >>> m = glued.match("Theo TTXVN")
    >>> m.group(), glued.made(m), glued.made(regex.match("T", "T")), "(?&" in m.re.pattern
    ('Theo TTXVN', True, False, True)
    """

    __slots__ = ("pattern", "_quick", "_forms")

    def __init__(self, pattern: str, flags: int):
        self.pattern = pattern
        self._quick = _calling_shared(pattern)
        self._forms = _LazyPatterns((pattern,), flags, compile_named, quick=(self._quick,))

    def match(self, *args) -> regex.Match | None:
        return self._forms[0].match(*args)

    def search(self, *args) -> regex.Match | None:
        return self._forms[0].search(*args)

    def finditer(self, *args) -> Iterator[regex.Match]:
        return self._forms[0].finditer(*args)

    def made(self, match: regex.Match) -> bool:
        """``match`` is one this pattern found, by either form."""
        return match.re.pattern in (self.pattern, self._quick)


#: A site's domain as an aggregator names the site it copied a story from: one or two labels
#: and a generic or Vietnamese ending (``Vnexpress.net``, ``tuoitre.vn``, ``sport5.vn``).
_SITE_DOMAIN = (r"[\p{L}\d][\p{L}\d-]{1,24}+(?:\.[\p{L}\d][\p{L}\d-]{1,24}+(?=\.))?+"
                r"\.(?:vn|VN|com\.vn|com|net|org)(?![\p{L}\d.])")


def _build() -> tuple[str, regex.Pattern, tuple[regex.Pattern, ...], regex.Pattern,
                      _LazyPatterns, str, regex.Pattern]:
    source = _source_pattern()
    note = _note_pattern()
    agencies = _AGENCIES
    cues = _CUES
    dateline = _dateline_pattern()
    theo = rf"(?:\(?+{_THEO_WORD}{_H}?+{source}\)?+)"
    # (and baomoi's paper before the colon, the link after it: "Nguồn PLO: https://...")
    # (or "Theo" before the paper: "Theo Thanh Niên: https://...")
    nguon_link = rf"(?:Nguồn|Theo){_H}++{_NAMED_SOURCE}{_H}*+:{_H}*+{_LINK}"
    nguon = rf"(?:(?:\(?+Nguồn{_H}*+:{_H}*+{source}\)?+|{nguon_link}){_H}*+){{1,3}}+"
    nguon_run = rf"(?:\(?+Nguồn{_H}*+:{_H}*+{source}\)?+{_H}*+)++"
    papered = _source_pattern(paper=True)  # "Theo Báo Tin tức" as a line
    # (on a line, also "Theo: Báo Nghệ An", "Nguồn tin: Báo Nghệ An")
    theo_paper = rf"(?:\(?+{_THEO_WORD}(?:{_H}*+:)?+{_H}?+{papered}\)?+)"
    nguon_paper = (rf"(?:(?:\(?+Nguồn(?:{_H}tin)?+{_H}*+:{_H}*+{papered}\)?+|{nguon_link})"
                   rf"{_H}*+){{1,3}}+")
    # the end of a line, or of what is left once a trailing "/." or "Nguồn: X" goes
    eol = rf"(?=(?:/\.{_H}*+){{0,10}}+(?:{nguon}\.?+{_H}*+(?:/\.{_H}*+){{0,10}}+)?+$)"
    # (a line shape's end: also before the source on the author's line after a dash or bar,
    # "Minh Anh - Nguồn: VOV"; a glued sign-off's end stays eol, which _GLUED_REACH bounds)
    source_eol = (rf"(?=(?:/\.{_H}*+){{0,10}}+(?:(?:{nguon}|[-–|]{_H}*+{nguon_paper})\.?+{_H}*+"
                  rf"(?:/\.{_H}*+){{0,10}}+)?+$)")
    end = rf"{_H}*+\.?+{_H}*+{source_eol}"
    # A glued affiliation after a titled name: "Thạc sĩ Châu LuânNghiên cứu sinh tại ..."
    affil = r"(?:(?<=\p{Ll})(?!Theo)\p{Lu}\p{Ll}[^\n.!?*]{0,80}+)"
    # a photo credit glued after a sign-off, left for remove_photo_captions: "Đông VệẢnh:Gucci"
    credit = r"(?:Ảnh|Video|Clip)(?:,[ \t]?+(?:ảnh|video))?+[ \t]?+:[^\n]{1,60}+$"
    sentence_end = (r"(?<=[\p{Ll}\d)\]\"”’»][.!?…]|\p{Lu}{3}[.!?]|[.!?…][\"”’)»]|[\"”’]|\.\.\.)"
                    rf"(?<!(?<!\p{{L}})(?:{trie(_ABBREVIATIONS)})\.)")
    # (maybe the paper's online edition: "(LĐ online) - ")
    # (or in sentence case, "(Làng sao) - ": _sentence_case_prefix judges it)
    paren_generic = (r"[\p{Lu}\d][\p{L}\d.+&]{1,15}+"
                     r"(?:[ \t][\p{L}\d][\p{L}\d.+&]{0,15}+){0,2}+(?:[ \t][Oo]nline)?+")
    # (a domain maybe with its subdomain: "VTV8.vtv.vn - "; the subdomain is never the
    # ending itself, so "Baophutho.vn - " is read too)
    # (or a web paper's one-word brand: "GiadinhNet - ", bylines_outlet_endings.txt)
    bare_generic = (rf"{_OUTLET_BRAND}|"
                    r"\p{Lu}[\p{Lu}\d]{1,7}+(?:\.(?:vn|VN))?+"
                    r"|[\p{L}\d]{2,20}+(?:\.(?!(?:vn|VN|com\.vn)(?![\p{L}\d.]))[\p{L}\d]{2,20}+)?+"
                    r"\.(?:vn|VN|com\.vn)"
                    # (an overseas site's domain, one capitalised word: "Vietbf.com - ")
                    r"|\p{Lu}[\p{Ll}\d]{3,30}+\.(?:com|net|org)"
                    r"|(?:\p{Lu}{2,}+|TP\.?+)(?:[ .]\p{Lu}{2,}+){0,3}+")
    # a news agency's dateline before its name: "Hà Nội, 12/3 (TTXVN) - ",
    # "Washington, 5/1 (TTXVN) -"
    # (the day may be missing: "HÀ NỘI (TTXVN) - ")
    place_date = (rf"(?:\p{{Lu}}\p{{L}}*+(?:[ \t.]++\p{{Lu}}\p{{L}}*+){{0,3}}+(?:,{_H}*+"
                  rf"(?:ngày{_H}++)?+\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?+)?+{_H}*+)")
    prefix = (rf"(?:{_H}*+(?:{place_date}?+\({_H}?+(?P<ag_paren>{agencies}|{paren_generic}){_H}?+\)"
              rf"{_H}*+(?P<ag_dash>[-–—:]?+)"
              # (a known paper maybe after a word for one or before its online edition:
              # "Báo Thanh Niên - ", "Tuổi Trẻ Online - ")
              rf"|(?:(?:Báo|Tạp chí){_H}++(?={agencies}))?+(?P<ag_bare>{agencies}|{bare_generic})"
              rf"(?:(?<=(?:{agencies}))(?:{_H}++{_ONLINE_EDITION}))?+"
              # (its opening bracket cut off with the text's first character: "Xyz.vn) - ",
              # judged by :func:`_agency_label` at the text's start only)
              rf"(?P<ag_cut>\)(?={_H}*+[-–—]))?+"
              rf"(?P<ag_space>{_H}*+)(?P<ag_sep>[-–—|])"  # "LĐO | ": a known agency only
              # (a known agency's name and a full stop: "TGVN. Ngày 18/11, ...")
              rf"|(?P<ag_dot>{agencies})\.(?={_H}++\p{{Lu}}|{_H}*+(?:\n|\Z))){_H}*+){{1,20}}+")
    # a second credit's one name (one: the width _GLUED_REACH covers stays short)
    more_names = rf"{_NOT_FIRST}{_ONE_NAME}"
    alternatives = (
        # a whole line that is a date/time, maybe after an author ("Thanh Huyền-Thứ tư, ...")
        # (or after the paper an aggregator names: "Dân trí - 2 giờ trước", "VnExpress • 08:15")
        # (maybe after a dash, a blog theme's: "Admin" / "- 22/08/2018")
        # (or a list bullet before a weekday and a date with its clock, a portal's article
        # info: "- Thứ tư - 17/11/2021 18:22"; a list's "- Thứ hai, 12/3/2024" stays)
        rf"(?P<dateline>[ \t|]*+(?:[-–]{_H}*+(?=\d|(?:[Tt]hứ|Chủ){_H}[^\n]*?\d:[0-5]\d))?+"
        # (maybe after the role or the outlet a re-posting page prints before the author
        # and a dash: "CTV - Hoa Sen | 14/03/2016", "VOA Tiếng Việt – Minh Châu, phóng
        # viên VOA – 2015-06-02"; a capital after the dash, the name's: a date needs none)
        rf"(?:(?:{_ROLE_TRIE}|{agencies}(?:{_H}++{_LANGUAGE_SERVICE})?+)(?![\p{{L}}\d])"
        rf"{_H}*+[-–]{_H}*+(?=\p{{Lu}}))?+"
        rf"(?:(?:(?:(?:Báo|Tạp{_H}chí){_H}++)?+(?P<dl_source>{agencies})(?![\p{{L}}\d])"
        # (maybe the site's section after it: "Minh Anh | Thời sự | 12/03/2024 08:15")
        rf"|(?P<dl_name>{_names_pattern('dl', later_titles=True)})"
        # (maybe the author's unit in brackets before a bar or dash: "Thanh Nguyên (Viện
        # kiểm sát khu vực 7)| 17/11/2022 14:06")
        rf"(?:{_H}*+\((?!\s*+[Tt]heo)[^()\n]{{2,60}}+\)(?={_H}*+[-–|•·]))?+"
        # (or the author's office after a comma: "Thanh Nguyên, Bộ Tư pháp| 18/04/2023
        # 09:20"; an office's head word, then a capital, up to the bar or dash)
        rf"(?:,{_H}*+(?:{_AFFILIATIONS})[ \t]\p{{Lu}}[^\n()|•·–]{{0,60}}?(?={_H}*+[-–|•·]))?+"
        # (or the author's role and outlet after a comma: "Minh Châu, phóng viên VOA – ...")
        rf"(?:,{_H}*+(?i:{_ROLE_TRIE})(?:{_H}++(?:{agencies}))?+(?![\p{{L}}\d])"
        rf"(?={_H}*+[-–|•·]))?+"
        rf"(?:{_H}*+[-–|•·]{_H}*+(?:{_SECTIONS})(?![\p{{L}}\d])(?={_H}*+[-–|•·]))?+"
        # a brand or pen name of one word, before a bar only: "Yan | 16/02/2024 14:30"
        rf"|(?=[^\s|]{{2,16}}+{_H}*+\|)(?P<dl_pen>{_NOT_FIRST}{_PEN_NAME})"
        # a newsroom role before a dash or bar: "PV - 20/11/2023 15:30"
        rf"|(?P<dl_cue>{cues})(?![\p{{L}}\d])(?={_H}*+[-–|•·])"
        # the site's section before a bar or dash: "Thời sự | 12/03/2024 08:15" (or a blank
        # before a date with its year: "Thời sự 12/03/2024 08:15", :func:`_bare_dateline`)
        rf"|(?P<dl_sect>{_SECTIONS})(?![\p{{L}}\d])(?={_H}*+[-–|•·]|{_H}++{_DATED_YEAR}))"
        rf"(?:{_H}*+[-–|•·,]{_H}*+"
        rf"|{_H}++(?=[Tt]hứ|Chủ)"  # "Minh Tuấn, 12/03/2024", "Ngọc Minh Thứ ba, ..."
        # a blank before a date with its year: "Nguyễn Quang 05/12/2024 16:20"
        rf"|(?P<dl_bare>{_H}++)(?={_DATED_YEAR}|{_RELATIVE_PATTERN})))?+"
        # (or only the page's counters, "5 phút đọc": a fragment, kept unless by a date)
        rf"(?:(?P<dl_body>{dateline})|(?P<dl_count>{_COUNTER}))"
        # and the paper, section or author after it: "12/03/2024 08:15 - Tuổi Trẻ",
        # "22/11/2026 08:30 - Thu Hà"
        rf"(?:{_H}++(?:{agencies})(?![\p{{L}}\d])(?={_H}*+$)"  # "08:15 Tuổi Trẻ"
        # (or the domain of the site it was copied from, as an aggregator prints it:
        # "02.03.2025 08:15 Dantri.com.vn", "12/03/2024 08:15 | tuoitre.vn")
        rf"|{_H}*+[-–|•·]?+{_H}*+{_SITE_DOMAIN}(?={_H}*+$)"
        # (or after a word for one: "05/03/2024 14:20 - Báo Thanh Niên")
        rf"|{_H}*+[-–|•·]?+{_H}*+(?:Báo|Tạp{_H}chí){_H}++(?:{agencies})(?![\p{{L}}\d])(?={_H}*+$)"
        # a blog engine's poster after "by", right after the date's digits: "Posted on
        # 22/11/2026 by admin", "Đăng vào 22/11/2026 bởi Minh Anh" (_POSTER_NAME)
        # (or after the clock's meridiem and a dash, a forum's: "Apr 09, 2025 - 1:01 AM - by
        # Gibbs")
        rf"|(?:(?<=\d){_H}++|(?<=\d|[AP]M){_H}*+[-–|•·]{_H}*+)(?:by|bởi){_H}++"
        rf"(?P<dl_by>{_POSTER_NAME})(?={_H}*+$)"
        # the site's section, maybe one no list holds, in sentence case: "15:32 PM | Thị
        # trường chứng khoán", "08:40 AM | Tài chính - ngân hàng", "08:15 Thời sự"
        # (:func:`_dateline_label` judges it by the date, the separator and the position)
        rf"|(?:{_H}*+[-–|•·]{_H}*+|(?P<dl_blank>{_H}++))(?P<dl_section>{_SECTION_PHRASE}"
        rf"|{_SECTIONS})(?![\p{{L}}\d])(?={_H}*+$)"
        rf"|{_H}*+[-–|•·]{_H}*+(?:(?:{agencies}|{_SECTIONS})(?![\p{{L}}\d])"
        # (maybe after an author label: "Ngày: 22/11/2026 | Tác giả: Minh Anh")
        rf"|(?:(?:{trie(_COLON_LABELS)}){_H}*+:{_H}*+)?+"
        rf"(?P<dl_after>{cues}(?={_H}*+(?:/|$))|{_names_pattern('da', roles=True)}"
        # (and the site's section or the role after them: "| Minh Anh | Thời sự")
        rf"(?:{_H}*+[-–|•·,]{_H}*+(?:{_SECTIONS}|{_ROLE_TRIE})(?![\p{{L}}\d])(?={_H}*+$))?+)"
        # with the station after a slash ("15:30 | PV/VTV"), or the source ("| Theo VTV")
        rf"(?:{_H}*+/{_H}*+(?:{agencies}|\p{{Lu}}{{2,8}}+)(?![\p{{L}}\d]))?+|{theo}))?+"
        # and the page's counters: "22/11/2026 08:30 | 5 bình luận | 3 phút đọc", also
        # after a blank: "Ngày phát hành: 08/01/2021 Lượt xem 1475", in brackets:
        # "22 Tháng Bảy 2015 7:41 SA(Xem: 16943)"
        rf"(?:{_COUNTER_AFTER}|{_H}*+\({_H}*+{_COUNTER}{_H}*+\)){{0,3}}+"
        # (and a separator the template left with nothing after it: "Thứ 3, Ngày
        # 16/07/2024 -", the time that followed the dash never printed)
        rf"[ \t|.–-]*+"
        # (and a blog's label row left empty: "6:39:00 PM // , ,")
        rf"(?://[ \t,]*+)?+){eol}",
        # a lead that opens with an agency: "(Dân trí) - ", "TTO - ", "VTV.vn - ", "(PLO)-"
        # (or alone on its line above the lead: "TPO - ", a scraper split its bold prefix)
        # (a lead has a lowercase letter before any bracket: "NGỌC AN - MINH PHONG (thực
        # hiện)" is two names)
        # (nor a name in capitals before a newsroom role: "MINH ANH - Phóng viên")
        rf"(?P<agency>{prefix})(?!(?:{_ROLE_TRIE})(?![\p{{L}}\d])[^\n]{{0,40}}+$)"
        rf"(?=[\p{{Lu}}\d\"“‘'](?=[^\n(]*?\p{{Ll}})[^\n]{{9,}}"
        rf"|(?<=[-–—.]{_H}*+)(?:\n|\Z)"
        # (or its place and day before it, the dash lost: "Hà Nội, 12/3 (TTXVN)")
        rf"|(?<=\p{{L}},{_H}*+(?:ngày{_H}++)?+\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?+{_H}*+"
        rf"\((?:{agencies})\){_H}*+)(?:\n|\Z))",
        # an attribution line: "Theo TTXVN", "(Theo Reuters)", "Nguồn: Tuổi Trẻ", "* Theo VOV"
        # (and the paper of the person it credits: "Theo Hải Yến (Dân trí)")
        rf"(?P<attrib>{_H}*+(?:[*•]{_H}*+|[-–]{_H}++)?+"
        rf"(?:{theo_paper}(?:{_H}*+(?:{note}|{_BRACKETED_PAPER}))?+"
        rf"|{nguon_paper}"
        # (also after "Nguồn:": "Nguồn: Tổng hợp từ VnExpress, Dân trí")
        rf"|(?:Nguồn{_H}*+:{_H}*+)?+(?:Tổng\ hợp|[Ll]ược\ dịch|[Bb]iên\ dịch|Dịch)"
        rf"(?:\ (?:từ|theo))?+{_H}++{source}"
        # "Tham khảo: MacRumors", "Nguồn tham khảo: Healthline"; "(TTXVN/Vietnam+)" alone
        rf"|(?:Nguồn\ tham|Tham)\ khảo{_H}*+:{_H}*+{source}|\((?:{agencies})\)"
        # the paper named before the colon, the link after it (baomoi):
        # "Nguồn Lao Động: https://laodong.vn/..."
        rf"|(?:Nguồn|Theo){_H}++{_NAMED_SOURCE}{_H}*+:{_H}*+{_LINK}"
        # the original's label and its paper, domain or link (aggregators, copy sites):
        # "Tin gốc: Báo Nghệ An", "Bài gốc: cand.com.vn", "Link bài gốc: https://..."
        # (an article's address may run long, its slug the whole headline: _LINK)
        rf"|{_ORIGINAL_LABEL}{_H}*+:{_H}*+(?:{_LINK}(?={_H}*+$)|{papered})"
        # a link to the original that names it: "Đọc bài gốc tại Báo Thanh Niên",
        # "Xem bài viết gốc trên: https://..." (the bare "Xem bài gốc" is a share widget's)
        # (its sentence going on in lowercase on the next line is a story's: "Đọc bài gốc
        # tại VnExpress" / "giúp người đọc tránh tin sai")
        rf"|{_READ_ORIGINAL}{_H}*+:?+{_H}*+(?:{_LINK}(?={_H}*+$)|{papered})"
        rf"(?!{_H}*+\n{_H}*+\p{{Ll}})"
        # where the article was first printed, and the issue:
        # "Bài đăng trên Tạp chí Tài chính kỳ 1 tháng 6/2024"
        rf"|{_PUBLISHED_IN}{_ISSUE}"
        # a paper named in sentence case with no word for one: "Nguồn: Kinh tế đô thị" (only
        # with no more story below: :meth:`StripBylines._line_labels`)
        rf"|Nguồn{_H}*+:{_H}*+(?P<at_loose>{_SECTION_PHRASE})"
        # (or an office's or portal's name, in brackets maybe: "Nguồn: Trung tâm Tin tức",
        # "(Theo Cổng TTĐT Chính phủ)", "Theo Sở Y tế Hà Nội")
        rf"|\(?+(?:Nguồn{_H}*+:|Theo){_H}*+(?P<at_loose>{_OFFICE_SOURCE})\)?+"
        # (or two such names joined by "và", after "Theo" too: "Theo Doanh nghiệp và Tiếp thị")
        rf"|(?:Nguồn{_H}*+:|Theo){_H}*+(?P<at_loose>{_AND_PAPER}))"
        rf"(?:{_H}*+[-–,]?+{_H}*+(?:{theo}|{nguon})){{0,3}}+"
        # and the date after it, VCCorp's: "Theo Pháp luật & Bạn đọc 20/06/2024 09:15 AM"
        # (or after a dash, bar or comma: "Theo Yonhap - 30/11/2024 06:15", "Nguồn tin: Báo
        # Cần Thơ, 17/02/2010")
        rf"(?:(?:{_H}++|{_H}*+[-–|•·,]{_H}*+)(?P<at_date>(?:{_WEEKDAY_BEFORE})?+"
        rf"(?:{_TIME_DATE})?+{_DATED_YEAR}"
        rf"{_CLOCK}))?+(?:{_H}*+\|)?+{end})",  # (a bar the page's row left: "Nguồn: Zing |")
        # a labelled author anywhere: "Tác giả: Nguyễn Văn A", "Đăng bởi Admin"
        # (and the date after it: "Đăng bởi Thu Hà - 15/03/2024", "Tác giả: admin | 15/03/2024")
        rf"(?P<labelled>{_H}*+{_AUTHOR_LABEL}(?:{_names_pattern('lb')}|{cues}"
        rf"|\p{{Lu}}\p{{Ll}}{{1,12}}+|admin|(?P<lb_user>{_USERNAME})"
        rf"|\p{{Lu}}{{2,8}}+(?![\p{{L}}\d]))(?:{_H}*+{note})?+"  # "Posted by RFA on ..."
        rf"(?:{_MORE_CREDITS}{_without_groups(_names_pattern('lc'))}){{0,3}}+"
        # (or the author's affiliation: "Tác giả: TS. X - Học viện Chính trị ...")
        rf"(?:{_H}*+[-–]{_H}*+{_AFFILIATION})?+"
        # (or after "on": "Posted by admin on 23/11/2024"; or after a blank, a blog's row of
        # fields: "Người đăng: Quang Minh Thời gian: 21/11/2022", "By Admin Tháng Mười 15, 2021")
        rf"(?:(?:{_H}*+[-–|•·,]{_H}*+|{_H}++on{_H}++|{_H}++)"
        rf"(?P<lb_date>{_without_groups(dateline)}))?+{end})",
        # a line that is only a name: "Văn Khương", "Hà Phương (tổng hợp)", "Kim DungTheo X"
        rf"(?P<author>{_H}*+(?:(?P<au_name>{_names_pattern('au', roles=True)}"
        rf"|(?P<au_cue>{cues})(?:{_H}++{_DESK})?+"  # "Nhóm phóng viên Ban Thời sự"
        # a forum member's handle and board, signing what they re-posted: "hoalyly@vietbf"
        # (a byline only with a note after it: "hoalyly@vietbf sưu tầm", see _anywhere)
        rf"|(?P<au_handle>{_USERNAME}@[a-z][a-z0-9_]{{1,30}}+(?![\p{{L}}\d.@])))"
        rf"(?P<au_affil>{affil})?+(?:{_H}*+(?P<au_note>{note})|{_H}++(?P<au_bare>{_BARE_NOTE}))?+"
        rf"(?:{_H}*+(?:,{_H}*+(?={_THEO_WORD}))?+(?:(?P<au_theo>{theo})"
        # and the date after it: "Uyên Phan, Theo Thanh niên Việt 07:45 23/11/2024"
        rf"(?:{_H}++(?:{_TIME_DATE})?+{_DATED_YEAR}{_CLOCK})?+"
        rf"|/{_H}?+{papered}(?:{_H}*+(?:{theo}|{note}))?+"  # "X/VOV.VN (lược dịch)"
        rf"|[-–]{_H}*+(?:{agencies}|{_PAPER})(?![\p{{L}}\d])"
        rf"|[-–]{_H}*+{_AFFILIATION}"  # "BS X - Khoa Nội, Bệnh viện Bạch Mai"
        rf"|(?<=[ \t]){_DOMAIN}"  # the paper's site after a blank: "Tuệ Nguyễn thanhnien.vn"
        # a newsroom role after the name: "Minh Anh - Phóng viên", "Minh Anh, PV Thời sự"
        rf"|[-–,]{_H}*+(?P<au_role>(?i:{_ROLE_TRIE}))(?![\p{{L}}\d])"
        rf"(?:{_H}++(?:(?:{agencies})(?![\p{{L}}\d])|{_DESK}))?+{_POST}"
        # the follow button after the name: "Minh Anh Theo dõi" (judged as a bare name)
        rf"|Theo{_H}dõi(?![\p{{L}}\d])"
        # the site's section after a bar or dash (judged as a bare name): "Minh Anh | Thời sự"
        rf"|[-–|]{_H}*+(?:{_SECTIONS})(?![\p{{L}}\d])"
        # or as the CMS prints it after a blank: "Minh Anh trong Thời sự"
        rf"|(?<=[ \t])(?:{_POSTED_IN}){_H}++(?:{_SECTIONS})(?![\p{{L}}\d])"
        # "Minh Anh - minhanh@gmail.com", "Minh Anh Email: minhanh@bao.vn"
        rf"|(?:[-–|]{_H}*+|\(|(?={_EMAIL_LABEL}))(?:{_EMAIL_LABEL})?+{_EMAIL}\)?+))?+"
        rf"|(?P<au_single>\p{{Lu}}\p{{Ll}}{{1,7}}+))"
        # (and the next credit, labelled: "G.Thùy - Đ.Trinh Bài và ảnh: Yến Anh")
        rf"(?:{_H}++{_GLUED_LABEL}{more_names})?+"
        # a bar the page's row left when its date was lost: "Bảo Hân |"
        rf"(?P<au_bar>{_H}*+\|)?+"
        # a comma before the attribution on the next line: "Bảo Ngọc," / "Theo Pháp luật ..."
        rf"(?P<au_comma>{_H}*+,)?+{end})",
        # a place dateline alone on the first lines: "Quảng Bình:"
        rf"(?P<place>{_H}*+(?P<pl_name>{_SYL}(?:{_H}{_SYL}){{0,3}}+){_H}*+:{_H}*+){eol}",
        # the end mark alone on the last line
        rf"(?P<end_mark_line>{_H}*+\.?+/\.{_H}*+)$",  # ("./." too)
    )
    line = "|".join(alternatives)

    # the paper, station or affiliation after a glued sign-off: "/VOV.VN", "/BNEWS/TTXVN",
    # "/VOV-Tây Bắc",
    # "/Báo Tin tức", " - Chinhphu.vn", " - Bệnh viện Bạch Mai"
    paper_after = (r"(?:/[ \t]?+\p{Lu}{2,8}+(?![\p{L}\d]))?"  # (given back: "/TTXVN")
                   rf"/{_H}?+(?:{agencies}|{_PAPER}|{_DOMAIN}|\p{{Lu}}{{2,8}}+)(?![\p{{L}}\d])"
                   r"(?:-\p{Lu}\p{Ll}{0,6}+(?:[ \t]\p{Lu}\p{Ll}{0,6}+){0,2}+)?+"
                   rf"|[-–]{_H}*+(?:(?:{agencies}|{_PAPER}|{_DOMAIN})(?![\p{{L}}\d])"
                   rf"|{_AFFILIATION})")

    def glued_pattern(theo: str, gl_source: str, eol: str) -> str:
        # a sign-off glued to the end of the last sentence: "...cuối cùng.Nhóm PV"
        # (a role before the name, a desk after a team's role: "Phóng viên Thu Hà",
        # "Nhóm PV Kinh tế"; the paper or station after a slash or a dash: "Minh Anh/VOV.VN")
        # (the end mark "/." may close the sentence before it: "... yêu thích./. Thái Phương")
        return (rf"[{_GLUED_MARKS}]{sentence_end}(?P<glued>(?:/\.)?+{_H}?+(?:(?:{_GLUED_LABEL})?+"
                rf"(?P<gl_name>{_names_pattern('gl', roles=True)}|{cues}(?:{_H}++{_DESK})?+)"
                rf"(?P<gl_affil>{affil})?+(?:{_H}*+{note}|{_H}++{_BARE_NOTE})?+"
                rf"(?:{_H}*+(?:{theo}|{paper_after}))?+"
                # (and the next credit, labelled: "G.Thùy - Đ.Trinh Bài và ảnh: Yến Anh")
                rf"(?:{_H}++{_GLUED_LABEL}{more_names})?+|(?P<gl_source>{gl_source}))"
                rf"(?:{_H}*+\.?+{_H}*+{eol}|(?={credit})))")

    # (a paper named in sentence case after a word for one, "Theo Báo Chính phủ", "Nguồn:
    # Tạp chí Tài chính"; the paper of the person credited, "Theo Thu Hà (Dân trí)")
    glued = glued_pattern(theo, rf"\((?:[Tt]heo|Nguồn:?+){_H}?+{source}\)"
                                rf"|(?:Theo{_H}|Nguồn{_H}*+:{_H}*+)(?:{_PAPER}|{source}"
                                rf"(?:{_H}*+{_BRACKETED_PAPER})?+)|\((?:{agencies})\)", eol)
    # The same without the parts that need "Theo"/"Nguồn" before a source word: what
    # _GLUED_REACH bounds (tests/test_bylines.py computes its width).
    plain = glued_pattern("(?!)", "(?!)", rf"(?=(?:/\.{_H}*+){{0,10}}+$)")
    inline = (
        # the end mark "/." closing the article
        # (before any run of "Nguồn: X", a flattened page may repeat it: "/. Nguồn: A Nguồn: A ...")
        rf"(?P<end_mark>/\.(?:{_H}*+/\.){{0,9}}+)"
        rf"(?={_H}*+(?:{nguon_run}\.?+{_H}*+(?:/\.)?+)?+$)",
        # "Nguồn: X" closing the last line, whatever comes before it
        rf"(?<=[^\s]|[^\s][ \t])(?P<tail_source>{nguon_paper}){end}",
        # an inline "(Theo X)" between two sentences of a flattened body
        rf"(?<=[.!?…\"”’][ \t]?+)(?P<inline_source>\((?:[Tt]heo|Nguồn:?+){_H}?+{source}\))"
        rf"(?={_H}++\p{{Lu}})",
    )
    # Separate patterns, each with a cheap first step the engine scans for (a line start,
    # sentence punctuation, "/", "Nguồn", "("): one alternation of them all is 10x slower.
    # The line alternation itself is left uncompiled: only the reference scan needs it.
    # (each compiled at its first use: few texts hold a glued sign-off, and the three
    # cost a tenth of a second to compile)
    # (the glued and the closing source first from their quick forms; the prefix has none:
    # one of its agencies stands in a look-behind)
    glued, end_mark, tail_source, inline_source = (
        _QuickPattern(pattern, regex.MULTILINE) if k in (0, 2)
        else LazyPattern(pattern, regex.MULTILINE) for k, pattern in enumerate((glued, *inline)))
    inline = (end_mark, tail_source, inline_source)
    prefix = LazyPattern(rf"(?:{prefix})?+", regex.MULTILINE)
    # The same alternatives one by one, tried in order at a line start behind cheap gates
    # (each compiled when first tried: together they took half of ``import vnclean``).
    # (each first from its quick form, :func:`_calling_shared`; the agency's has none: one
    # of its agencies stands in a look-behind)
    alone = _LazyPatterns(tuple(rf"^(?:{alt})" for alt in alternatives), regex.MULTILINE,
                          compile_named, quick=tuple(
                              None if k == 1 else _calling_shared(rf"^(?:{alt})")
                              for k, alt in enumerate(alternatives)))
    # A sign-off right before the page's chrome (``bylines_chrome.txt``): glued after the
    # last sentence or opening the story's last line ("... cuối cùng. HOÀNG TÙNG Tags: ...",
    # "Vân Trang TIN LIÊN QUAN ..."): a name, maybe labelled, or an agency in brackets.
    # (one name of two to four syllables, none of them a cue's: "Vân Trang TIN LIÊN QUAN")
    not_cue = rf"(?!{_CHROME}){_NOT_SOURCE_WORD}"
    chrome_name = (rf"(?:(?P<gl_title>{_TITLES_ROLES}){_H}++)?+{_NOT_FIRST}"
                   rf"(?:{_SYL}(?:[ \t]{not_cue}{_SYL}){{1,3}}+"
                   rf"|{_UPSYL}(?:[ \t]{not_cue}{_UPSYL}){{1,3}}+)(?!\p{{Ll}})")
    chrome = (rf"(?:[{_GLUED_MARKS}]{sentence_end}|^)(?P<glued>{_H}?+(?:(?:{_GLUED_LABEL})?+"
              rf"(?P<gl_name>{chrome_name})(?P<gl_affil>(?!))?+"
              rf"(?:{_H}*+{note})?+|(?P<gl_source>\((?:{agencies})\)"
              # or "Theo X", "Nguồn: X" (a paper, an agency, capitalised words, a domain):
              # "... năm 2025. Theo Yonhap Liên hệ quảng cáo"
              rf"|(?:Theo|Nguồn{_H}*+:){_H}*+(?:(?:{_MEDIA})(?:[ \t]{not_cue}[\p{{Lu}}\d]"
              rf"[\p{{L}}\d]{{0,6}}(?:[ \t]\p{{Ll}}{{1,7}}(?![\p{{L}}\d]))?){{1,5}}"
              rf"|(?:{agencies})(?![\p{{L}}\d])"
              rf"|\p{{Lu}}[\p{{L}}\d.]{{1,15}}"
              rf"(?:[ \t]{not_cue}\p{{Lu}}[\p{{L}}\d.]{{0,15}}){{0,3}})"
              rf"(?<![.]))))"
              rf"(?={_H}++{_CHROME}(?![\p{{L}}\d]))")
    before_chrome = _QuickPattern(chrome, regex.MULTILINE)  # (compiled at its first use)
    return rf"^(?:{line})", glued, inline, prefix, alone, plain, before_chrome


#: Upper bounds on how far before the line end a glued match can start when no run of
#: blanks is longer than one: with any source (``_ALL``), without one. Checked by
#: ``test_glued_reach_bounds_the_pattern`` against the width of the patterns.
_GLUED_REACH_ALL = 5515
_GLUED_REACH = 830
#: What must stand where a source part of a glued match starts (a necessary condition).
_SOURCE_KEYWORD = LazyPattern(
    rf"(?:[Tt]heo{_H}?+|Nguồn:?+{_H}?+|Nguồn{_H}*+:{_H}*+)(?:{_source_word()})")


def _glued_start(text: str, start: int, end: int, nguon: int = 0) -> int:
    """Where a glued sign-off in ``text[start:end]`` (one line) can start, at the earliest.

    Every glued match runs to the line end, and each of its parts is bounded but for runs
    of blanks: read with each run of blanks as one character, a match without a source
    is at most ``_GLUED_REACH`` long, one with a source at most ``_GLUED_REACH`` before
    the first place a source can open and ``_GLUED_REACH_ALL`` in all
    (:func:`_reach_back`). So the long last paragraph of a flattened page is read from
    near its end only, with the same matches. ``nguon``: see :func:`_first_source`.
    """
    if end - start <= _GLUED_REACH:
        return start
    earliest = _reach_back(text, start, end, _GLUED_REACH)
    if earliest == start:
        return start
    lo = start if end - start <= _GLUED_REACH_ALL else _reach_back(text, start, end,
                                                                    _GLUED_REACH_ALL)
    source = _first_source(text, lo, end, nguon)
    if source is not None:
        earliest = min(earliest, _reach_back(text, start, source, _GLUED_REACH))
    return earliest


def _reach_back(text: str, start: int, anchor: int, width: int) -> int:
    """A place at or after ``start`` before which ``text[p:anchor]``, each run of blanks
    read as one character, is longer than ``width`` for every ``p``.

    Read back from ``anchor`` only as far as needed: a run of k blanks adds k - 1 <= 2 *
    (its "  " pairs + its tabs) to the length, so the place moves back by that count of
    what it covers (each stretch counted once, with the character after it, so that a
    run across two stretches is not undercounted) until nothing more is covered, then
    past the blanks right before it (read as one, they add nothing).

    >>> tabs = "x" * 100 + "\t" * 300 + "x" * 300
    >>> _reach_back("x" * 600, 0, 600, 420), _reach_back(tabs, 0, 700, 420)
    (180, 0)
    """
    p, counted, stretch = anchor - width, anchor, 0
    while start < p < counted:
        stretch += 2 * (text.count("  ", p, counted + 1) + text.count("\t", p, counted))
        p, counted = anchor - width - stretch, p
    if p <= start:
        return start
    while p > start and text[p - 1] in " \t":
        p -= 1
    return p


def _first_source(text: str, lo: int, end: int, nguon: int = 0) -> int | None:
    """The first position in ``text[lo:end]`` where ``_SOURCE_KEYWORD`` matches.

    Tried only where ``_SOURCE_KEYWORD_OPENS`` (a stdlib ``re`` superset) holds: most
    "theo" of a story ("theo dõi", "theo đó") fail it at once. ``nguon``: no "Nguồn"
    of ``text`` stands before it (-1: none at all), so the search for one starts there.
    """
    found, limit = None, end
    i = text.find("heo", lo + 1, end)  # "Theo", "theo"
    while i >= 0:
        if (_SOURCE_KEYWORD_OPENS.match(text, i - 1, end) is not None
                and _SOURCE_KEYWORD.match(text, i - 1, end) is not None):
            found = limit = i - 1
            break
        i = text.find("heo", i + 1, end)
    i = -1 if nguon < 0 else text.find("Nguồn", max(lo, nguon), limit)
    while i >= 0:  # only one before the first "Theo" counts
        if (_SOURCE_KEYWORD_OPENS.match(text, i, end) is not None
                and _SOURCE_KEYWORD.match(text, i, end) is not None):
            return i
        i = text.find("Nguồn", i + 1, limit)
    return found


def _candidates(text: str, ctx: _Lines) -> list[regex.Match]:
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
    mark = _find_end_mark(text)
    found = [(m.start(), 2, m) for m in _END_MARK.finditer(text, mark)] if mark >= 0 else []
    nguon = ctx.nguon
    if nguon >= 0:
        found.extend((m.start(), 3, m) for m in _matches_at(_TAIL_SOURCE, text,
                                                            _tail_source_starts(text, nguon)))
    inline = _inline_source_starts(text)
    if inline:
        found.extend((m.start(), 4, m) for m in _matches_at(_INLINE_SOURCE, text, inline))
    glued_lines = {ctx.index(start) for start, _, _ in found} if found else set()
    last = ctx.last_prose()
    if last is not None:
        glued_lines.add(last)
    starts, lines = ctx.starts, ctx.lines
    closing = {ctx.index(m.start()): m.start() for _, order, m in found if order == 3}
    for index in glued_lines:
        start = starts[index]
        end = start + len(lines[index])
        if index in closing:  # read as the line will be once its closing "Nguồn: X" goes
            last_char = LAST_NON_BLANK.search(text, start, closing[index])
            end = last_char.end() if last_char else start
        openings = _glued_openings(text, _glued_start(text, start, end, nguon), end)
        glued = list(_matches_at(_GLUED, text, openings, end))
        if index == last:
            glued.extend(_before_chrome_ahead(text, start, end, openings, glued, nguon))
        found.extend((m.start(), 1, m) for m in glued)
    if last is not None and (below := ctx.nonblank(last, 1, past_removed=False)) is not None:
        # the sign-off opening the short line under the story, the share buttons after it
        # ("Hà My Chia sẻ Bình luận": a flattened footer; :func:`_glued_label`)
        start = starts[below]
        found.extend((m.start(), 1, m) for m in _before_chrome(
            text, start, start + len(lines[below]), [], nguon))
    ctx.dated = []
    found.extend((m.start(), 0, m) for m in _line_candidates(text, ctx.dated))
    if len(found) < 2:
        return [m for _, _, m in found]
    found.sort(key=_BY_START_AND_ORDER)
    return _without_overlaps([m for _, _, m in found])


_BY_START_AND_ORDER = operator.itemgetter(0, 1)
_START = operator.methodcaller("start")


def _matches_at(pattern: regex.Pattern, text: str, starts: Iterable[int],
                end: int | None = None) -> Iterator[regex.Match]:
    """``pattern.finditer(text, 0, end)`` for a pattern that can only match at ``starts``.

    ``starts`` (increasing) hold every place a match may start; the pattern is tried there
    only, never inside a match already found, as ``finditer`` does (its matches are never
    empty). An inline pattern that opens with a lookbehind makes the ``regex`` engine test
    that lookbehind at every position of the document.
    """
    last_end = 0
    end = len(text) if end is None else end
    for pos in starts:
        if pos >= last_end:
            m = pattern.match(text, pos, end)
            if m is not None:
                last_end = m.end()
                yield m


def _tail_source_starts(text: str, i: int) -> Iterator[int]:
    """Where a closing "Nguồn: X" may start: at each "Nguồn" from ``i`` on, or the "(" before."""
    while i >= 0:
        if i and text[i - 1] == "(":
            yield i - 1
        yield i
        i = text.find("Nguồn", i + 1)


def _inline_source_starts(text: str) -> list[int]:
    """Where an inline "(Theo X)" may open: ``_INLINE_SOURCE_OPENS.finditer``'s starts, by a
    ``str.find`` of "(" (one character: many times faster than a pattern's scan).

    >>> _inline_source_starts("Mưa (to). (Theo TTXVN) (Nguồn: VOV)(theo")
    [10, 23, 35]
    """
    found = []
    i = text.find("(")
    while i >= 0:
        if text.startswith(_INLINE_SOURCE_WORDS, i + 1):
            found.append(i)
        i = text.find("(", i + 1)
    return found


def _line_candidates(text: str, dated: list[int] | None = None) -> list[regex.Match]:
    """The line pattern's match at every line start where it matches, in text order.

    One stdlib ``re`` scan finds the lines that open as some alternative may
    (``_SHAPE_OPENS``) and, on those, the first alternative whose gate holds
    (``_OPENS``); the others, almost all of them story text, never reach Python.
    ``dated`` (when given) gets, in text order, the start of every line where the first
    gate (the dateline's) holds: the only lines a timestamp may open
    (:func:`_glued_stamps`), read off the same scan.
    """
    first = _match_line(text, 0, dated)  # the first line, as if a newline came before it
    gated = _GATED_LINE_AFTER_NEWLINE.finditer(text)
    if dated is None:
        found = [_match_from(text, m.end(), m.lastindex - 1) for m in gated]
    else:
        found = []
        for m in gated:
            k = m.lastindex - 1
            if not k:
                dated.append(m.end())
            found.append(_match_from(text, m.end(), k))
    found.insert(0, first)
    return list(filter(None, found))


def _match_line(text: str, pos: int, dated: list[int] | None = None) -> regex.Match | None:
    """The line pattern at ``pos`` (a line start), alternatives tried in order.

    Each alternative is tried only where its gate holds (``_OPENS``: the line opens as it
    must; a dateline also ends as one must), stdlib ``re`` matches that cost far less
    than trying the alternative. The first alternative that matches wins, as in the
    alternation: the result equals ``_line_pattern().match(text, pos)``. The gates are
    read behind the scan's cheaper conditions (``_GATED_LINE``: a line with no shape's
    opening fails there at once), as for every line after a newline: by the same
    compiled scan, on the line after a newline (no gate reads past a line's end).
    """
    end = text.find("\n", pos)
    line = text[pos:] if end < 0 else text[pos:end + 1]
    gate = _GATED_LINE_AFTER_NEWLINE.match("\n" + line)
    if gate is None:
        return None
    if gate.lastindex == 1 and dated is not None:  # (see _line_candidates)
        dated.append(pos)
    return _match_from(text, pos, gate.lastindex - 1)


def _match_from(text: str, pos: int, k: int) -> regex.Match | None:
    """:func:`_match_line` where ``k`` is the first alternative whose gate holds."""
    while True:
        if k or _ends_as_dateline(text, pos):
            m = _LINE_ALTERNATIVES[k].match(text, pos)
            if m is not None:
                return m
        if k == _LAST_GATE:
            return None
        k = _next_gate(text, pos, k)
        if k is None:
            return None


def _next_gate(text: str, pos: int, k: int) -> int | None:
    """The first gate after the ``k``-th that holds at ``pos`` (its index), or ``None``.

    Read by the gates' alternation from there on (``_GATES_FROM``), one stdlib match; a
    process's first ``_QUICK_USES`` reads past each ``k`` try the gates one by one
    instead, each compiled at its first use (``_GATE_ALONE``): the alternations repeat the
    later gates, and took a fifth of a second to compile, while a text needs a read past
    a dateline's gate about twice, past an author's once, past the others once in ten
    texts (``_GATES_WARM``: each alternation is compiled once its own reads pay for it).

    >>> _next_gate("Theo TTXVN", 0, 0), _next_gate("Mưa lớn kéo dài.", 0, 0)
    (2, None)
    """
    if _GATES_WARM[k].spend():
        for j in range(k + 1, len(_OPENS)):
            if _GATE_ALONE[j].match(text, pos) is not None:
                return j
        return None
    gate = _GATES_FROM[k + 1].match(text, pos)
    return None if gate is None else k + gate.lastindex


#: How the domain of a site named after a timestamp ends (``_SITE_DOMAIN``'s endings).
_DOMAIN_ENDINGS = (".vn", ".VN", ".com", ".net", ".org")


def _ends_as_dateline(text: str, pos: int) -> bool:
    """The line at ``pos`` may end as a dateline does: with a date word, a number, ``)``.

    A dateline runs to the line end, where only blanks, ``|``, ``.``, a dash, the end mark, a
    "Nguồn: X" or a known paper may follow its last word: a story line that ends with
    another word (most of those opening with "Ngày", "Lúc" or a number) is no dateline.

    >>> _ends_as_dateline("Thứ Ba, 25/12/2012 /.", 0), _ends_as_dateline("Ngày mai trời mưa.", 0)
    (True, False)
    >>> _ends_as_dateline("12/03/2024 08:15 - Tuổi Trẻ", 0)
    True
    >>> _ends_as_dateline("22/11/2026 08:30 - Thu Hà", 0)
    True
    """
    end = text.find("\n", pos)
    if end < 0:
        end = len(text)
    if text.find("Nguồn", pos, end) >= 0:
        return True
    while end > pos and text[end - 1] in " \t|./–-":  # (a dangling dash too: "... 2024 -")
        end -= 1
    return (_DATELINE_END.search(text, max(pos, end - _DATELINE_END_REACH), end) is not None
            or end > pos and text.endswith(_ENDINGS_BY_LAST.get(text[end - 1], ()), pos, end)
            or text.endswith(_DOMAIN_ENDINGS, pos, end)  # the copied site: "... | tuoitre.vn"
            or _has_poster(text, max(pos, end - _POSTER_REACH), end)
            or _NAME_AFTER_DATE.search(text, _name_after_date_start(text, pos, end),
                                       end) is not None)


def _name_after_date_start(text: str, pos: int, end: int) -> int:
    """Where a search for ``_NAME_AFTER_DATE`` in ``text[pos:end]`` (one line) may start
    and find what a search from ``pos`` finds: ``pos``, or a place at or before the start
    of every match, so a long story line is read from near its end only.

    A match ends at ``end`` with at most ``_NAME_TAIL`` characters after its capital, so
    the capital stands at ``end - _NAME_TAIL - 1`` or later; before it come blanks, the
    separator, blanks and the number (or ``)``). Read back from there over those parts
    (each run of blanks whole, each single character as one step), the place is at or
    before the start of any match.

    >>> line = "Mưa lớn kéo dài, nhiều tuyến phố ngập sâu. " * 4 + "12/3 -   Thu Hà"
    >>> _name_after_date_start(line, 0, len(line)) <= line.index("3 -")
    True
    """
    start = end - _NAME_TAIL - 1
    if start <= pos:
        return pos
    for _ in range(2):  # the blanks before the capital, the separator; the blanks, the number
        while start > pos and text[start - 1] in " \t":
            start -= 1
        start -= 1
    return max(pos, start)


def _glued_matches(text: str, start: int, end: int) -> Iterator[regex.Match]:
    """``_GLUED.finditer(text, start, end)``, tried only where ``_GLUED_OPENINGS`` holds.

    A glued sign-off opens after a sentence mark with a name's capitals, a title, a cue,
    ``(`` or ``Theo``; one stdlib ``re`` scan finds those places, and the large pattern is
    tried there only, left to right and never inside a match already found, as
    ``finditer`` does (its matches are never empty). Both read the text as if it ended at
    ``end``.
    """
    return _matches_at(_GLUED, text, _glued_openings(text, start, end), end)


def _glued_openings(text: str, start: int, end: int) -> list[int]:
    """Where ``_GLUED_OPENINGS.finditer(text, start, end)`` matches, in order: by that
    pattern (compiled at import) for a process's first ``_QUICK_USES`` windows, then by
    :func:`_glued_openings_by_mark`, faster at each window, whose eight patterns took half
    a tenth of a second to compile.

    >>> _glued_openings("Xong. Văn Khương) Nhóm PV. x", 0, 28)
    [4, 16]
    """
    if _OPENINGS_WARM.spend():
        return list(map(_START, _GLUED_OPENINGS.finditer(text, start, end)))
    return _glued_openings_by_mark(text, start, end)


def _glued_openings_by_mark(text: str, start: int, end: int) -> list[int]:
    """:func:`_glued_openings` by one scan for each mark that occurs there (``str.find``
    tells), by the mark's own pattern. The engine skips to a literal first character many
    times faster than it tests a class at every character.

    >>> _glued_openings_by_mark("Xong. Văn Khương) Nhóm PV. x", 0, 28)
    [4, 16]
    """
    found: list[int] = []
    mixed = False  # places of two marks: sorted at the end
    for mark, openings in _GLUED_OPENINGS_BY_MARK:
        i = text.find(mark, start, end)
        if i >= 0:
            mixed = mixed or bool(found)
            found.extend(map(_START, openings.finditer(text, i, end)))
    if mixed:
        found.sort()
    return found


def _before_chrome_ahead(text: str, start: int, end: int, openings: list[int],
                        glued: list[regex.Match], nguon: int) -> list[regex.Match]:
    """:func:`_before_chrome` on the last body paragraph ``text[start:end]``, read up to its
    glued sign-off when it has one: the paragraph as a second pass reads it once that
    sign-off is gone, so a page cleaned again loses nothing more ("... quen. Thanh Huyền
    Chia sẻ ... Giấy phép số 298. Thanh Huyền" on a flattened page)."""
    if glued:
        end = glued[0].start()
        openings = _glued_openings(text, _glued_start(text, start, end, nguon), end)
    return _before_chrome(text, start, end, openings, nguon)


def _before_chrome(text: str, start: int, end: int, openings: list[int],
                   nguon: int) -> list[regex.Match]:
    """A sign-off glued right before the page's chrome on the last body paragraph
    (``text[start:end]``, with no glued sign-off at its end): at one of the glued window's
    ``openings`` (after a sentence mark), or opening the paragraph when a line stands above
    it. Tried only where a chrome cue follows within a sign-off's reach (``_CHROME_NEAR``);
    every one that matches, so that a page printing its sign-off twice (a flattened page
    repeats its pieces) loses both in one pass. ``nguon``: the text's first "Nguồn" (-1:
    none), before which the search for one in the paragraph need not look."""
    places = openings
    # "... cả nước. Nguồn: Báo X Liên hệ quảng cáo"
    nguon = -1 if not 0 <= nguon < end else text.find("Nguồn", max(start, nguon), end)
    if nguon > start and _NGUON_MARK.search(text, nguon - 2, end) is not None:
        places = sorted({*openings, *map(_START, _NGUON_MARK.finditer(text, nguon - 2, end))})
    if start and _UPPER_START.match(text, start) is not None:
        places = [start, *places]
    found, last_end = [], start
    for place in places:
        if place >= last_end and _chrome_near(text, place, end):
            m = _BEFORE_CHROME.match(text, place, end)
            if m is not None:
                found.append(m)
                last_end = m.end()
    return found


#: A "Nguồn: X" after a sentence mark: where a source before the page's chrome may open
#: (the glued window's openings leave "Nguồn" to the end of the line).
_NGUON_MARK = re.compile(rf"[{_GLUED_MARKS}](?=[ \t]?Nguồn[ \t]*:)")


def _chrome_near(text: str, place: int, end: int) -> bool:
    """``_CHROME_NEAR.match(text, place, end)`` holds (``text[place:end]`` is part of one
    line): a blank and a cue open within its reach, searched for up to the last character
    such a cue may end with (the lazy pattern tries the cue at every character, which
    costs several times more).

    >>> line = "Hết. Minh Anh " + "x" * 149 + " Tags: a"
    >>> _chrome_near(line, 3, len(line)), _chrome_near(line, 2, len(line))
    (True, False)
    """
    m = _CHROME_CUE.search(text, place, min(end, place + _CHROME_CUE_SPAN))
    return m is not None and m.start() <= place + _CHROME_REACH


def _candidates_ungated(text: str) -> list[regex.Match]:
    """:func:`_candidates` by one ``MULTILINE`` scan per pattern (the reference it must equal)."""
    patterns = (_line_pattern(), _GLUED, *_INLINE)
    found = [(m.start(), k, m)
             for k, pattern in enumerate(patterns) for m in pattern.finditer(text)]
    found.sort(key=lambda found: found[:2])
    return _without_overlaps([m for _, _, m in found])


def _without_overlaps(found: list[regex.Match]) -> list[regex.Match]:
    kept, last_end = [], -1
    for m in found:
        if m.start() >= last_end or m.start() == m.end():
            kept.append(m)
            last_end = max(last_end, m.end())
    return kept


def _build_author_parser() -> LazyPattern:
    titles = _TITLES_ROLES
    cues = _CUES
    one = rf"{_NOT_FIRST}{_ONE_NAME}"
    return LazyPattern(  # a title or role only before a name: "PV (tổng hợp)" is the cue PV
        rf"(?:(?:{titles})(?:,?+{_H}++(?:{titles}))*+{_H}++(?={one}))?+"
        rf"(?P<names>(?:{cues})(?:{_H}++{_DESK})?+(?!\p{{L}})"
        rf"|{one}(?:{_H}*+[-–&,]{_H}*+(?:{titles}{_H}++)?+{one}){{0,3}}+)"
    )


_AUTHOR_PARSER = _build_author_parser()
_NAME_SPLIT = regex.compile(r"[ \t]*+[-–&,][ \t]*+")
#: A title or role before a later name of a line (``ThS. X - TS. Y``).
_INNER_TITLE = LazyPattern(rf"(?<=[-–&,][ \t]*+)(?:{_TITLES_ROLES}){_H}++(?=\p{{Lu}})")


def _untitled(names: str) -> str:
    """``names`` without the titles before its later names.

    >>> _untitled("Nguyễn Thị Lan - TS. Trần Văn Bình")
    'Nguyễn Thị Lan - Trần Văn Bình'
    """
    if "-" not in names and "–" not in names and "&" not in names and "," not in names:
        return names  # one name: no later name to have a title
    return _INNER_TITLE.sub("", names)


#: A user's name alone after an author label ("Tác giả: nguyenvana").
_USERNAME_LINE = regex.compile(rf"({_USERNAME})[ \t.]*+")
#: A pen name before a dateline's bar ("Yan | 16/02/2024 14:30").
_PEN_BEFORE_BAR = LazyPattern(rf"({_PEN_NAME})[ \t]*+\|")
#: A date before the names of a dateline ("22/11/2026 08:30 - Thu Hà").
_LEADING_DATELINE = LazyPattern(rf"\A[ \t|]*+(?:{_dateline_pattern()}){_H}*+[-–|•·]{_H}*+",
                                regex.V1)
_NOTE_SET = frozenset(_NOTE_WORDS)
_AGENCY_SET = frozenset(agency_names())
_DOMAIN_TEXT = regex.compile(_DOMAIN)


@functools.cache
def _paper_text() -> regex.Pattern:
    """A paper's name (``_PAPER``), compiled on first use: only metadata reads it."""
    return regex.compile(_PAPER)


@functools.cache
def _published_in_text() -> regex.Pattern:
    """Where an article was first printed (``_PUBLISHED_IN``), compiled on first use."""
    return regex.compile(rf"\A\W*+{_PUBLISHED_IN}")


_SOURCE_TEXT = regex.compile(r"(?:(?<!\p{L})Theo|\([Tt]heo|Nguồn[ \t]*+:|[Tt]ham khảo[ \t]*+:"
                             r"|(?:Tổng hợp|[Ll]ược dịch|[Bb]iên dịch|Dịch) (?:từ|theo))[ \t]*+"
                             r"(?P<source>[^()\n]{1,80}?)(?=[ \t]*+(?:\)|Nguồn[ \t]*+:|$)"
                             r"|[ \t]++Theo[ \t])",  # (another "Theo X" after it)
                             regex.MULTILINE)
_SOURCE_PLACEHOLDER = regex.compile(r"Nguồn[ \t]*+:")
_NAMED_SOURCE_TEXT = LazyPattern(rf"\A\W*+Nguồn[ \t]++(?P<source>{_NAMED_SOURCE})[ \t]*+:"
                                 rf"[ \t]*+{_LINK}")
_AGENCY_TEXT = regex.compile(r"\A\W*+(?P<agency>.+?)\W*+\Z", regex.DOTALL)
_PAREN_AGENCY = regex.compile(r"\((?P<agency>[^()\n]{1,40}+)\)[\W]*+\Z")


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
    >>> author_names("(Sưu tầm)")
    []
    >>> author_names("22/11/2026 08:30 - Thu Hà")
    ['Thu Hà']
    >>> author_names("Ngày: 22/11/2026 | Tác giả: Minh Anh")
    ['Minh Anh']
    >>> author_names("Yan | 16/02/2024 14:30"), author_names("Hà Nội, 12/03/2024 09:15")
    (['Yan'], [])
    >>> author_names("Bài viết bởi nguyenvana"), author_names("Nhóm phóng viên Ban Thời sự")
    (['nguyenvana'], ['Nhóm phóng viên Ban Thời sự'])
    >>> author_names("Nhật Linh - Thanh Niên"), author_names("/. Thái Phương")
    (['Nhật Linh'], ['Thái Phương'])
    """
    text = text.strip().removeprefix("/.").lstrip()  # a sign-off glued after the end mark
    unlabelled = _LABEL_PREFIX.sub("", text)
    if unlabelled != text.strip() and (user := _USERNAME_LINE.fullmatch(unlabelled)):
        return [user.group(1)]  # "Tác giả: nguyenvana"
    text = _LEADING_DATELINE.sub("", unlabelled)
    if text != unlabelled:  # "Ngày: 22/11/2026 | Tác giả: Minh Anh": the label after it
        text = _LABEL_PREFIX.sub("", text)
    if text.startswith(("Theo", "theo", "(Theo", "(theo", "Nguồn")):
        return []
    m = _AUTHOR_PARSER.match(text)
    if m is None:
        pen = _PEN_BEFORE_BAR.match(text)
        return [pen.group(1)] if pen is not None and _is_pen_name(pen.group(1)) else []
    names = [n.strip().rstrip(".") if n.count(".") < 2 else n.strip()
             for n in _NAME_SPLIT.split(_untitled(m.group("names")))]
    return [n for n in names  # "Nhật Linh - Thanh Niên": the paper is no author
            if n and n.strip("()") not in _NOTE_SET and n not in _AGENCY_SET and _is_name(n)]


def is_domain(text: str) -> bool:
    """``text`` is a site's domain, as a sign-off's note may name it.

    >>> is_domain("Dantri.com.vn"), is_domain("news.zing.vn"), is_domain("TTXVN")
    (True, True, False)
    """
    return _DOMAIN_TEXT.fullmatch(text) is not None


def is_paper(text: str) -> bool:
    """``text`` names a paper or station after a word for one (``bylines_media.txt``), as a
    sign-off may name it after ``/`` or a dash.

    >>> is_paper("Báo Tin tức"), is_paper("Đài Tiếng nói Việt Nam"), is_paper("Minh Anh")
    (True, True, False)
    """
    return _paper_text().fullmatch(text.strip()) is not None


def attribution_date(text: str) -> str | None:
    """The date an attribution line ends with (VCCorp's), else ``None``.

    >>> attribution_date("Theo Pháp luật & Bạn đọc 20/06/2024 09:15 AM")
    '20/06/2024 09:15 AM'
    >>> attribution_date("Theo TTXVN") is None
    True
    """
    m = _LINE_ALTERNATIVES[2].match(text.strip())  # the attribution line (see _build)
    return None if m is None else m.group("at_date")


def source_name(text: str) -> str | None:
    """The agency or paper a removed attribution or lead prefix names, canonical if known.

    >>> source_name("(Dân trí) - ")
    'Dân trí'
    >>> source_name("TTO - ")
    'Tuổi Trẻ'
    >>> source_name("Hà Nội, 12/3 (TTXVN) - ")
    'TTXVN'
    >>> source_name("Hồng Hạnh(TheoJapan Today, 8days)")
    'Japan Today, 8days'
    >>> source_name("Nguồn: [Link nguồn]Nguồn: [Link nguồn]") is None
    True
    >>> source_name("Nguồn Lao Động: https://laodong.vn/xa-hoi/a-123.ldo")
    'Lao Động'
    """
    agencies = agency_names()
    if (date := attribution_date(text)) is not None:
        text = text[:text.rindex(date)]
    printed = _published_in_text().match(text) if "đăng" in text else None
    if printed is not None:  # "Bài đăng trên Tạp chí Tài chính kỳ 1 tháng 6/2024"
        return printed.group("pub_source")
    named = _NAMED_SOURCE_TEXT.match(text)
    if named is not None:  # "Nguồn Lao Động: https://laodong.vn/...": the paper, not the link
        name = named.group("source")
        return agencies.get(name, name)
    found = [m.group("source") for m in _SOURCE_TEXT.finditer(text)]
    found = [s for s in found if not s.lstrip().startswith("[")]
    if found:
        name = found[-1].strip().rstrip(".").strip()
    else:
        m = (_PAREN_AGENCY.search(text) if "(" in text else None) or _AGENCY_TEXT.match(
            text.strip().rstrip("-–—:").strip())
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
 _GLUED_PLAIN, _BEFORE_CHROME) = _build()
_END_MARK, _TAIL_SOURCE, _INLINE_SOURCE = _INLINE
#: Where an inline "(Theo X)" may open (``_INLINE_SOURCE`` matches nowhere else).
#: (:func:`_inline_source_starts` finds the same places, faster)
_INLINE_SOURCE_OPENS = re.compile(r"\((?=[Tt]heo|Nguồn)")
_INLINE_SOURCE_WORDS = ("Theo", "theo", "Nguồn")


@functools.cache
def _line_pattern() -> regex.Pattern:
    """Every line shape as one alternation at a line start: what :func:`_match_line` equals.

    Compiled on first use: it takes longer to compile than the rest of the module, and
    only the reference scan (:func:`_candidates_ungated`) and the tests use it.
    """
    return compile_named(_LINE_SOURCE, regex.MULTILINE)


_NOT_NAMES = word_set("bylines_not_names.txt")
_ROLES = frozenset(_ROLE_WORDS)
_CUE_SET = frozenset(_CUE_WORDS)
#: What a name line that is a byline anywhere holds (a necessary condition of
#: :func:`_anywhere`, read off the same words and patterns): a role where it opens or
#: after a dash or comma, or a note or "Theo X" in it. One stdlib ``re`` match spares
#: reading the groups of the others.
_ANYWHERE_HINT = re.compile(rf"{_H}*{_ROLE_TRIE}|[^\n]*?(?:{_NOTE_OPENS}|{_THEO_WORD}|\|[ \t]*$"
                            rf"|[ \t](?:[Tt]ổng[ \t]hợp|[Ss]ưu[ \t]tầm)[ \t]*$"
                            rf"|[-–,][ \t]*(?i:{_ROLE_TRIE}))")
_NAME_SYLLABLES = word_set("bylines_name_syllables.txt")
_NAME_GAPS = regex.compile(r"[\s\-–&,]++")
#: A note that makes a name line a byline anywhere: a note word alone (``(tổng hợp)``,
#: ``(t/h)``) or before "từ"/"theo" and a source, ``(theo X)`` with X capitalised or a
#: paper, a known agency (``(TTXVN)``), a paper (``(Báo Quảng Ninh)``); not an unknown
#: acronym (``Nguyễn Công Phượng (HAGL)`` may head a paragraph about him).
_BYLINE_NOTE = LazyPattern(
    rf"\([ \t]*+(?:(?:{_NOTE_ALTERNATION})"
    r"(?:\)|[ \t]++(?:từ|theo)[ \t]++[\p{Lu}\d])"
    rf"|[Tt]heo[ \t]++(?:[\p{{Lu}}\d]|{_MEDIA})"
    rf"|(?:(?:{_ROLE_TRIE})[ \t]++)?+(?:{_AGENCY_ALTERNATION})(?![\p{{L}}\d])"
    rf"|(?:{_ROLE_TRIE})(?![\p{{L}}\d])"
    rf"|{_MEDIA}[ \t]++[\p{{Lu}}\d]|(?:Nguồn|[Tt]heo)[ \t]*+:)")
#: The longest line taken for a title above or below a byline, and how a title never ends.
_TITLE_LENGTH = 200
_NOT_TITLE_END = ".,:;…"


# --- how each line shape opens: stdlib ``re`` gates ------------------------------------------

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
#: The gate of a place, maybe a day, before an agency's name in a lead ("Hà Nội, 12/3 (TTXVN) - ",
#: "HÀ NỘI (TTXVN) - ").
#: (Possessive where what follows never opens with what was read: giving back never helps.)
_PLACE_DATE_OPENS = (rf"{_UP}{_ALNUM}*+(?:[ \t.]++{_UP}{_ALNUM}*+){{0,3}}+(?:,[ \t]*"
                     rf"(?:ngày[ \t]+)?{_DIGIT}{{1,2}}/{_DIGIT}{{1,2}}(?:/{_DIGIT}{{2,4}})?)?")
_TRANSLATED_WORDS = ("Tổng hợp", "Lược dịch", "lược dịch", "Biên dịch", "biên dịch", "Dịch",
                      "Tham khảo")
_TRANSLATED = trie(_TRANSLATED_WORDS)
_LABEL_WORDS = _COLON_LABELS + _BY_LABELS
#: How a joined label opens: a head, then a joiner ("Bài, ảnh:", "Tin và ảnh:").
_JOINED_OPENS = rf"{trie(tuple(_JOINED['heads']))}[ \t]*(?:[,/&+\-–]|và)"
#: The first word of a source after "Theo": an agency, a capital or digit, a link, a domain.
_SOURCE_WORDS = trie((*agency_names(), *word_list("bylines_media.txt"), "[", "http", "www.",
                       "và", "hãng", "of", "the", "de", "and", "&"))
_SOURCE_OPENS = rf"(?:{_SOURCE_WORDS}|{_UP_DIGIT}|[^\s.]{{2,30}}\.(?:vn|com|net|org))"
#: The last word of a dateline token: of a date word, a weekday, a time ("10 giờ 30 phút",
#: "8:00 sáng"), "5 giờ trước", "hôm qua".
_DATELINE_END_WORDS = (
    "nhật", "lúc", "ngày", "đăng", "gian", "bản", "Published", "on", "Posted", "Updated",
    "Ngày", "Lúc", "Hai", "hai", "HAI", "Ba", "ba", "BA", "Tư", "tư", "TƯ", "Năm", "năm",
    "NĂM", "Sáu", "sáu", "SÁU", "Bảy", "bảy", "BẢY", "Nhật", "NHẬT", "CN", "day", "Mon", "Tue",
    "Wed", "Thu", "Fri", "Sat", "Sun", "giờ", "phút", "AM", "PM", "am", "pm", "SA", "CH",
    "sáng", "chiều", "tối", "trưa", "đêm", "trước", "qua", "nay", "vào", "Vào")
#: The number a date, a time or "5 giờ trước" opens with, and what follows it.
#: How a line of counters alone opens: a number, a counter's word ("12 bình luận").
_COUNT_OPENS = rf"{_DIGIT}[^\s]*[ \t]+{_COUNTER_TRIE}"
_DATE_NUMBER = (rf"{_DIGIT}{{1,4}}(?:[/.:hH-]|[ \t]+(?:gi|ph|ng|tu|th|nă|Th|TH"
                rf"|{trie(tuple(sorted({month[:3] for month in EN_MONTHS})))}))")  # 23 Nov 2024
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
_CAP_WORD = rf"{_UP}[^\s\-–|,&]*(?![^\s\-–|,&])"
_SYLLABLE = rf"{_UP}{_LOW}*(?!{_LOW})"
_NAME_RUN = (rf"(?:{_TITLES_ROLES}(?:,?[ \t]+{_TITLES_ROLES})*[ \t]+)?{_NAME_TOKEN}"
             rf"(?:{_NAME_SEP}{_NAME_TOKEN})*")
#: What each line shape (the alternatives of _LINE_SOURCE, in order) needs where its line
#: opens, after the blanks (and ``|``) it allows there. Each is a necessary condition, read
#: off the shape's pattern: a line that fails it cannot match that shape. The dateline: a
#: date word; the number of a date, a time or "5 giờ trước"; or capitalised names, then a
#: dash or ``|``, or a newsroom role then a dash or ``|``. The agency: ``(``, or an agency
#: (known, capitals, a domain) then a dash.
#: The attribution: ``Theo`` and a source, ``Nguồn``, ``Tổng hợp``, ``Dịch``. The
#: labelled author: a label (``Tác giả:``, ``Đăng bởi``). The author: a title then a
#: capital, a cue, an initial (``H.``), two capitalised syllables (``Văn Khương``,
#: ``NGỌC AN``), or one word alone before the line's end (``Minh.``), maybe with a paper
#: after a dash (``Thu Hà - Báo Tin tức``: its name in sentence case). The place: a
#: capitalised word or two before ``:``. The end mark: ``/.`` or ``./.``.
#: A site's domain as a lead prefix writes it, maybe with its subdomain (``VTV8.vtv.vn``,
#: ``Baophutho.vn``), or an overseas site's one capitalised word and a generic ending
#: (``Vietbf.com``), in the stdlib gates (:func:`_build`'s ``bare_generic`` in full).
_DOMAIN_OPENS = (rf"{_ALNUM}{{2,20}}+(?:\.{_ALNUM}{{2,20}}+)?\.(?:vn|VN|com\.vn)"
                 rf"|{_UP}(?:{_LOW}|[0-9]){{3,30}}\.(?:com|net|org)")
#: How a dateline opening with "(" goes on: a zone (``(GMT+7)``: of the date tokens only
#: ``ZONE_PATTERN`` opens with one) or a listed word of the names' part that opens with one
#: (``(Tổng hợp) - 12/03/2024``). A bracketed date (``(21/12)``, a related link's) is none:
#: on raw pages such lines were a third of those the dateline shape failed on.
_PAREN_DATELINE_STARTS = ("(GMT", "(GTM", "(UTC", *(
    word for word in (*_CUE_WORDS, *_TITLE_WORDS, *_SECTION_NAMES, *agency_names(),
                      *_COUNTER_WORDS) if word.startswith("(")))
_DATELINE_GATE_STARTS = (*(word for word in _DATELINE_STARTS if word != "("),
                         *_PAREN_DATELINE_STARTS)
#: How an attribution line opens with a word for a compiled or translated story: a source
#: after it ("Dịch từ Reuters", "Tổng hợp (https://...)": a source's first word,
#: ``_SOURCE_OPENS``, or a bracketed link), or the colon after "Tham khảo" ("Dịch vụ khách
#: hàng", a menu's item, is none).
_TRANSLATED_OPENS = (rf"(?:{trie(tuple(w for w in _TRANSLATED_WORDS if w != 'Tham khảo'))})"
                     rf"(?:[ ](?:từ|theo))?[ \t]+(?:{_SOURCE_OPENS}|\()|Tham[ ]khảo[ \t]*:")
#: How an agency prefix in brackets opens a line: an agency, or one to three words of
#: letters, digits, ``.``, ``+`` or ``&`` (``_build``'s ``paren_generic``, with the online
#: edition after them) closed by ``)``: a bracketed date (``(21/12)``) is none.
_PAREN_AGENCY_OPENS = (rf"\([ \t]?(?:{_AGENCIES}|{_UP_DIGIT}[^\s()/]{{1,15}}"
                       rf"(?:[ \t][^\s()/]{{1,15}}){{0,2}}(?:[ \t][Oo]nline)?)"
                       rf"[ \t]?\)")
#: A forum member's handle and board signing what they re-posted (``hoalyly@vietbf sưu
#: tầm``): the gates' shape of it (the author line reads it, :func:`_anywhere` judges it).
_HANDLE_SIGN_OFF = (r"[ \t]*[a-z][a-z0-9_.]{2,30}@[a-z][a-z0-9_]{1,30}"
                    r"[ \t]+(?:[Ss]ưu[ \t]tầm|[Tt]ổng[ \t]hợp)")
_OPENS = (
    rf"[ \t|]*(?:{trie(_DATELINE_GATE_STARTS)}"
    rf"|(?:[-–][ \t]*)?(?:{_DATE_NUMBER}|(?:[Tt]hứ|Chủ)[ \t])|{_COUNT_OPENS}"
    rf"|(?:{_TITLES}[ \t]+)?{_CAP_WORD}(?:[ \t,&]+{_CAP_WORD})*"
    rf"(?:[ \t]*(?:\([^()\n]{{2,60}}\)[ \t]*)?[-–|•·]|[ \t]*,[ \t]*{_DIGIT}|[ \t,]+(?:[Tt]hứ|Chủ)"
    rf"|,[ \t]*(?:{_AFFILIATIONS})[ \t]{_UP}[^\n()|•·–]{{0,60}}?[ \t]*[-–|•·]"
    rf"|[ \t]+{_DIGIT}{{1,2}}[/.-]{_DIGIT}{{1,2}}[/.-]{_DIGIT}|[ \t]+{_RELATIVE_PATTERN})"
    rf"|(?:{_AGENCIES}|{_CUES}|{_SECTIONS})[ \t]*[-–|•·]"
    # (a site's section and a blank before a date: "Giải trí 12/03/2024 08:15")
    rf"|(?:{_SECTIONS})[ \t]+{_DIGIT}{{1,2}}[/.-]{_DIGIT})",
    rf"[ \t]*(?:{_PAREN_AGENCY_OPENS}|{_PLACE_DATE_OPENS}[ \t]*\("
    rf"|(?:(?:(?:Báo|Tạp chí)[ \t]+)?{_AGENCIES}(?:[ \t]+{_ONLINE_EDITION})?"
    rf"|{_UP}{_UP_DIGIT}{{1,7}}+(?:\.(?:vn|VN))?"
    rf"|{_DOMAIN_OPENS}|{_UP}{_LOW}{_ALNUM}{{0,14}}?(?:{_OUTLET_ENDINGS})|{_UP}{_LOW}{{4,14}}net"
    rf"|(?:{_UP}{{2,}}+|TP\.?)(?:[ .]{_UP}{{2,}}+){{0,3}}+)"
    rf"\)?[ \t]*[-–—|]|{_AGENCIES}\.(?:[ \t]|\n|\Z))",  # (")": a cut-off bracket's close)
    rf"[ \t]*(?:[*•][ \t]*|[-–][ \t]+)?(?:\(?[Tt]heo(?:[ \t]*:)?[ \t]?{_SOURCE_OPENS}|\(?Nguồn"
    rf"|{_TRANSLATED_OPENS}"
    rf"|\({_AGENCIES}\)|{_PUBLISHED_OPENS}|{_ORIGINAL_LABEL}[ \t]*:|{_READ_ORIGINAL})",
    rf"[ \t]*(?:{trie(_COLON_LABELS)}[ \t]*:|{trie(_BY_LABELS)}|{_JOINED_OPENS})",
    # (the blanks after the names possessive: no ending after them opens with a blank)
    rf"{_HANDLE_SIGN_OFF}|"
    rf"[ \t]*(?:{_CUES}|{_NAME_RUN}[ \t]*+(?:\([ \t]*(?:{_NOTES}|[Tt]heo|Nguồn|{_UP_DIGIT}|{_MEDIA}"
    rf"|{_ALNUM}[^\s()]*\.(?:vn|VN|com|net|org|info))"
    rf"|[/.]|(?:[-–|][ \t]*)?Nguồn|[Tt]heo|[Tt]ổng[ \t]hợp|thực[ \t]hiện|[Ss]ưu[ \t]tầm|$|\|[ \t]*$"
    rf"|,[ \t]*(?:$|[Tt]heo)"
    rf"|{_ALNUM}[\w-]*+(?:\.[\w-]++)*\.(?:vn|VN|com|net|org|info)[ \t]*$"
    rf"|[-–][ \t]*(?:{_MEDIA}[ \t]|{_AFFILIATIONS})|(?:[-–|][ \t]*|\()[\w.+-]++@"
    rf"|[-–,][ \t]*(?i:{_ROLE_TRIE})|[-–|][ \t]*(?:{_SECTIONS})"
    rf"|(?:{_POSTED_IN})[ \t]+(?:{_SECTIONS})"
    rf"|(?:[-–|][ \t]*|\()?{_EMAIL_LABEL})"
    rf"|(?:{_TITLES_ROLES}[ \t]+)?(?:{_NAME_TOKEN}{_NAME_SEP})*{_UP}[^\s\-–&,(/.]*?{_LOW}{_UP})",
    rf"[ \t]*{_SYLLABLE}(?:[ \t]{_SYLLABLE}){{0,3}}[ \t]*:",
    r"[ \t]*\.?/\.",
)
#: Where any line shape may open: one looser condition that holds wherever one of _OPENS
#: does, and fails fast on a story line (the alternation of _OPENS costs twice as much):
#: a word of any shape, a date's number, a capitalised word followed by a capital, a
#: dash, a ``.`` or ``:`` (any name, place, agency or one-word line), a domain and a dash.
#: A site's section only with more on its line: a line that is only a section's name
#: ("Giải trí", a menu's item) takes no shape (``test_section_alone_takes_no_shape``), and
#: on a raw page such lines were most of those the gates were tried on in vain.
_SHAPE_WORDS = trie((*_DATELINE_STARTS, "Bài đăng", "Bài được",
                      "Bài viết đăng", "Bài viết được", "Bài viết gốc", "Bài gốc", "Tin gốc",
                      "Link bài", "Link gốc", "Đường dẫn bài", "URL bài", "Theo", "theo", "Nguồn",
                      "Xem bài", "Đọc bài", "Xem tin", "Đọc tin",
                      *_TRANSLATED_WORDS,
                      *_LABEL_WORDS, *_TITLE_WORDS, *_CUE_WORDS, *agency_names(), "/.", "./."))
_SHAPE_OPENS = (rf"[ \t|]*(?:{_SHAPE_WORDS}|(?:{_SECTIONS})(?![ \t]*$)"
                # (the word read whole: given back, it ends nowhere but before an "N")
                rf"|{_UP}(?:{_ALNUM}*+(?:[ \t]+{_UP}|[ \t]*(?:[.:/(N,&|\-–—]|$))|{_ALNUM}*?N)"
                rf"|(?:[-–][ \t]*)?(?:{_DATE_NUMBER}|(?:[Tt]hứ|Chủ)[ \t])|{_COUNT_OPENS}"
                rf"|{_DOMAIN_OPENS}[ \t]*[-–—]"
                rf"|[*•\-–][ \t]*\(?(?:[Tt]heo|Nguồn|{_TRANSLATED}|{_AGENCIES})|{_JOINED_OPENS})"
                rf"|{_HANDLE_SIGN_OFF}")
#: Where a glued sign-off may open (_GLUED matches nowhere else): after a sentence mark
#: and a blank, a name's capitals (``H.``, ``Văn Khương``, ``NGỌC AN``), a title, a cue,
#: a label, ``(`` (those words as one trie; no alternative opens with a blank, so the
#: blank before them is never given back) or ``Theo``.
_OPENING_WORDS = trie(("(", *_TITLE_WORDS, *_CUE_WORDS, *_COLON_LABELS, *_JOINED["heads"]))
#: "Theo" only before a blank and a source's first word (``_SOURCE_OPENS``: "Theo đó",
#: "Theo ông Bình" open story sentences); a name's capitals only when they open no word
#: that never opens a name (``_NOT_FIRST``: "Ông Nguyễn", "Tại Hà Nội"), unless they open
#: one of the words above too ("Bạn đọc", "Tin, ảnh:"). "Nguồn" is left to the capitals.
_NOT_NAME_OPENERS = trie(tuple(word for word in _OPENERS if word != "Nguồn"))
_AFTER_GLUED_MARK = (rf"(?=(?:/\.)?+[ \t]?+(?:{_OPENING_WORDS}|Theo[ \t]{_SOURCE_OPENS}"
                     rf"|(?!(?:{_NOT_NAME_OPENERS})(?!{_ALNUM}))"
                     rf"{_UP}(?:\.|{_LOW}{{0,6}}[ \t]{_UP}|{_UP}{{0,6}}[ \t]{_UP})))")
_GLUED_OPENINGS = re.compile(rf"[{_GLUED_MARKS}]{_AFTER_GLUED_MARK}")
#: The windows :func:`_glued_openings` reads by it before it turns to the marks' own.
_OPENINGS_WARM = WarmUp(_QUICK_USES)
#: The same for each mark alone, most common first (:func:`_glued_openings`).
_GLUED_OPENINGS_BY_MARK = tuple((mark, LazyPattern(re.escape(mark) + _AFTER_GLUED_MARK,
                                                    compile=re.compile))
                                for mark in sorted(_GLUED_MARKS, key=".)\"”’!?…»".find))
#: A capital opening a line (a name opening the story's last line, :func:`_before_chrome`).
_UPPER_START = re.compile(_UP)
#: The gates from the ``k``-th on as one alternation: the first that holds is its (empty)
#: group's number, ``lastindex``.
_GATE_ALTERNATIONS = tuple("|".join(rf"(?={opens})()" for opens in _OPENS[k:])
                           for k in range(len(_OPENS)))
_GATES_FROM = _LazyPatterns(_GATE_ALTERNATIONS, re.MULTILINE, re.compile)  # (at first use)
#: Each gate alone, and the reads of :func:`_next_gate` past each gate that try them so
#: (then the alternation from the gate after it: one stdlib match each).
_GATE_ALONE = _LazyPatterns(_OPENS, re.MULTILINE, re.compile)
_GATES_WARM = tuple(WarmUp(_QUICK_USES) for _ in _OPENS)
_LAST_GATE = len(_OPENS) - 1
#: The scan: where a line opens as some shape may (blank lines, where no shape opens, fail
#: at once), then the first gate that holds, after a newline or at the text's start. The
#: shapes of a line never read past its end, so the first line is judged alike.
_GATED_LINE = rf"(?=[ \t|]*[^\s])(?={_SHAPE_OPENS})(?:{_GATE_ALTERNATIONS[0]})"
_GATED_LINE_AFTER_NEWLINE = re.compile(rf"\n{_GATED_LINE}", re.MULTILINE)
#: The gate of an agency prefix (the lead's, and _PREFIX's first step).
_AGENCY_GATE = re.compile(_OPENS[1], re.MULTILINE)
#: How a dateline's last token ends: a number, ``)`` (a zone), "21h", a date word.
_DATELINE_END = re.compile(
    rf"(?:{_DIGIT}|[)\]]|{_DIGIT}[hH]|{trie(_DATELINE_END_WORDS)})\Z")
_DATELINE_END_REACH = max(map(len, _DATELINE_END_WORDS))
#: A blog engine's poster after the date: "... 22/11/2026 by admin", "... 2026 bởi Minh Anh"
#: (the dateline alternative's ``dl_by`` tail, read in stdlib ``re``).
_POSTER_AFTER_DATE = re.compile(rf"\d[ \t]++(?:by|bởi)[ \t]++{_POSTER_NAME}$")
_POSTER_REACH = 120  # characters: the longest poster's tail the pattern reads


def _has_poster(text: str, start: int, end: int) -> bool:
    """``_POSTER_AFTER_DATE`` in ``text[start:end]``, behind a string test for its word."""
    return ((text.find(" by ", start, end) >= 0 or text.find(" bởi ", start, end) >= 0)
            and _POSTER_AFTER_DATE.search(text, start, end) is not None)


#: A dateline may end with its author's names ("22/11/2026 08:30 - Thu Hà"): after the last
#: number (or a zone's ")"), a separator and a capital, and no digit up to the line's end.
_NAME_TAIL = 80  # (the most characters after the capital of _NAME_AFTER_DATE)
#: (or a site's section, after a time's "AM"/"PM" too, maybe after a blank only:
#: "15:32 PM | Thị trường chứng khoán", "08:15 Thời sự")
_NAME_AFTER_DATE = re.compile(
    rf"[\d)M](?:[ \t]*[-–|•·][ \t]*|[ \t]+){_UP}[^\d\n|•·]{{0,{_NAME_TAIL}}}$")
#: A dateline may end with the paper an aggregator names after it ("08:15 - Tuổi Trẻ").
_AGENCY_ENDINGS = tuple(agency_names())
#: The words a dateline may end with (a paper, a counter's word, a section's name), by their
#: last character: ``text.endswith`` of the few that end as the line does equals that of all.
_ENDINGS_BY_LAST = {
    last: tuple(word for word in (*_AGENCY_ENDINGS, *_COUNTER_WORDS, *_SECTION_NAMES)
                if word.endswith(last))
    for last in {word[-1] for word in (*_AGENCY_ENDINGS, *_COUNTER_WORDS, *_SECTION_NAMES)}}
#: The one-word openers, for words already split off (Liên and Quý left out, as before).
_STOP_FIRST = frozenset(word for word in _OPENERS if " " not in word) - {"Liên", "Quý"}
_CAPTION_WORDS = frozenset({"Ảnh", "ẢNH", "Video", "VIDEO", "Clip", "Đồ họa", "Infographic",
                            "Minh họa", "Nguồn", "Theo"})
#: What a body paragraph must hold: its last character or a sentence mark is one of these
#: (the marks a glued sign-off follows).
_TERMINAL = _GLUED_MARKS
_WORD = regex.compile(r"\w+")
_SENTENCE_MARK = regex.compile(r"[.!?…]")
_DATE = LazyPattern(DATE_PATTERN)
_DATED = regex.compile(_DATED_YEAR)
_SECTION_SET = frozenset(_SECTION_NAMES)
_RELATIVE = regex.compile(_RELATIVE_PATTERN)
_LABEL_PREFIX = LazyPattern(rf"\A[ \t]*+{_AUTHOR_LABEL}")
_TIME = LazyPattern(TIME_PATTERN)
#: (a blog theme's time in lowercase counts too when it follows the digits: "2:28 am")
_ZONED = regex.compile(ZONE_PATTERN + r"|\b(?:AM|PM)\b|(?<=\d[ \t]?)(?:am|pm)\b")


# --- line context -------------------------------------------------------------------------

class _Lines:
    """The lines of a text with cheap shape features, computed on demand."""

    __slots__ = ("text", "starts", "lines", "nguon", "removed", "_filled", "_jumps", "_prose",
                 "_last_prose", "series", "dated")

    def __init__(self, text: str):
        self.text = text
        self.lines = lines = text.split("\n")
        self.starts = _line_starts(lines)
        self._filled = _filled_lines(lines)  # the lines that are not blank
        self.nguon = _find_nguon(text)  # the first, where the searches for one start
        self.removed: set[int] = set()  # lines already labelled whole: neighbours look past
        self._jumps: tuple[dict[int, int], dict[int, int]] = ({}, {})
        self._prose: dict[int, bool] = {}
        self._last_prose: int | None = -2  # not computed yet
        self.series: dict[str, list[tuple[int, str]]] | None = None  # see series_lines
        self.dated: list[int] | None = None  # the line scan's dated lines (_line_candidates)

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def first_filled(self, count: int) -> list[int]:
        """The indices of the first ``count`` lines that are not blank."""
        return self._filled[:count]

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

    def next_to(self, index: int, lines: set[int], *, past_removed: bool = False) -> bool:
        """True when the nearest non-blank line before or after ``index`` is one of ``lines``
        (as the lines stand: removed ones count, unless ``past_removed``).

        >>> ctx = _Lines("Hà Nội\\n\\nVăn Khương\\nMưa lớn kéo dài.")
        >>> ctx.next_to(2, {0}), ctx.next_to(2, {1})
        (True, False)
        """
        return (self.nonblank(index, -1, past_removed=past_removed) in lines
                or self.nonblank(index, 1, past_removed=past_removed) in lines)

    def is_prose(self, index: int) -> bool:
        """A body paragraph: long, or several words with sentence punctuation.

        The line is judged as if its lead prefix, glued sign-off, trailing source and end
        mark were gone, so removing them never changes what is prose (idempotence).
        """
        known = self._prose.get(index)
        if known is None:
            line = self.lines[index]
            nguon = -1 < self.nguon < self.starts[index] + len(line)
            known = self._prose[index] = _is_prose_line(line.strip(), nguon=nguon)
        return known

    def restore(self, indices: set[int]) -> None:
        """Lines that are no longer removed (names kept as a list): the jumps are redone."""
        if indices & self.removed:
            self.removed -= indices
            self._jumps = ({}, {})

    def last_prose(self) -> int | None:
        """Index of the last body paragraph, or ``None``."""
        if self._last_prose == -2:
            self._last_prose = next(filter(self.is_prose, reversed(self._filled)), None)
        return self._last_prose

    def series_lines(self) -> dict[str, list[tuple[int, str]]]:
        """The short lines with a digit (index and stripped text, in order), by their
        :func:`_series_key`: what :func:`_heads_a_series` compares a line with, computed
        once per text instead of once per date line.

        The lines with a digit are found by one scan of the text (``_DIGIT_LINE``: each
        match is a line's first digit and the rest of that line), not by a test of every
        line; a line repeated (a menu's) has its key computed once.

        >>> ctx = _Lines("Thứ Hai, 13/5\\n Mưa lớn kéo dài.\\nThứ Ba, 14/5 \\n" + "x" * 40 + "1")
        >>> ctx.series_lines()
        {'a a, 0/0': [(0, 'Thứ Hai, 13/5'), (2, 'Thứ Ba, 14/5')]}
        """
        if self.series is None:
            self.series = {}
            starts, lines = self.starts, self.lines
            keys: dict[str, str] = {}
            for m in _DIGIT_LINE.finditer(self.text):
                index = bisect.bisect_right(starts, m.start()) - 1
                text = lines[index].strip()
                if len(text) <= _SERIES_LINE_MAX:
                    key = keys.get(text)
                    if key is None:
                        key = keys[text] = _series_key(text)
                    self.series.setdefault(key, []).append((index, text))
        return self.series

    def prose_after(self, index: int) -> bool:
        """True when any body paragraph follows line ``index``."""
        last = self.last_prose()
        return last is not None and last > index


def _line_starts(lines: list[str]) -> list[int]:
    """Where each of ``lines`` (a text split at ``\\n``) starts in the text: running sums of
    the lengths and their newlines, summed in C (no Python loop over the lines).

    >>> _line_starts("ab\\n\\ncd".split("\\n"))
    [0, 3, 4]
    """
    starts = list(itertools.accumulate(map(_PLUS_NEWLINE, map(len, lines)), initial=0))
    starts.pop()  # (where a line after the last would start)
    return starts


_PLUS_NEWLINE = (1).__add__


def _filled_lines(lines: list[str]) -> list[int]:
    """The indices of the lines that are not blank: ``line and not line.isspace()``, as
    ``line.strip()`` is empty exactly when that fails (both read the same whitespace).

    >>> _filled_lines(["a", "", " \\t", "\\xa0b"])
    [0, 3]
    """
    return list(itertools.compress(range(len(lines)), map(str.strip, lines)))


def _find_end_mark(text: str) -> int:
    """``text.find("/.")``, by its rarer letter: ``str.find`` of one character is many times
    faster than of two, and "/" is rare in a story while "." is everywhere.

    >>> _find_end_mark("a/b. c./."), _find_end_mark("1/2")
    (7, -1)
    """
    i = text.find("/")
    while i >= 0:
        if text.startswith(".", i + 1):
            return i
        i = text.find("/", i + 1)
    return -1


def _find_nguon(text: str) -> int:
    """``text.find("Nguồn")``, by its rarest letter: ``str.find`` of one character is
    many times faster than of a word whose last letter is as common as "n".

    >>> _find_nguon("Hồ Gươm rồi. Nguồn: TTXVN"), _find_nguon("nguồn tin")
    (13, -1)
    """
    i = text.find("ồ", 3)
    while i >= 0:
        if text.startswith("Nguồn", i - 3):
            return i - 3
        i = text.find("ồ", i + 1)
    return -1


#: A line this long (once its bylines are gone) is a body paragraph whatever it holds.
_PROSE_LENGTH = 80


#: An article's address alone after its label (``Đường dẫn bài viết: https://...``,
#: ``Link bài gốc: www...``): an attribution line, never a body paragraph.
_ADDRESS_LINE = LazyPattern(rf"{_ORIGINAL_LABEL}[ \t]*+:[ \t]*+{_LINK}[ \t]*+\Z")


def _is_prose_line(line: str, *, nguon: bool = True) -> bool:
    """A body paragraph (``line`` is stripped): long, or several words with sentence marks.

    Judged without the bylines :func:`_without_bylines` removes; removing them only
    shortens a line, so a short line is judged as it is, and a long one that keeps
    ``_PROSE_LENGTH`` characters whatever glued sign-off goes (:func:`_keeps_length`) is
    prose without the search for one. ``nguon``: the line may hold a "Nguồn".

    >>> _is_prose_line("Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu."), _is_prose_line("Hà Nội")
    (True, False)
    """
    if len(line) < _PROSE_LENGTH and _GLUED_MARK.search(line) is None:
        return False  # short, and no sentence mark the cut could leave at the end
    if _ADDRESS_LINE.match(line) is not None:
        return False  # "Đường dẫn bài viết: https://...": the source line that goes
    if len(line) >= 25:
        line = _without_lead_and_tail(line, nguon=nguon)
        if _keeps_length(line, _PROSE_LENGTH):
            return True
        line = _without_glued(line, nguon=nguon)
    return len(line) >= _PROSE_LENGTH or (
        len(line) >= 25 and len(line.split()) >= 5
        and (line[-1] in _TERMINAL or _SENTENCE_MARK.search(line) is not None))


def _without_bylines(line: str) -> str:
    """A line without the inline bylines this cleaner may remove from it."""
    return _without_glued(_without_lead_and_tail(line))


def _without_lead_and_tail(line: str, *, nguon: bool = True) -> str:
    """``line`` without its lead prefix, its closing ``/.`` marks and ``Nguồn: X`` (looked
    for only when ``nguon``: the line may hold one)."""
    if _AGENCY_GATE.match(line) is not None:
        line = line[_PREFIX.match(line).end():]
    line = _strip_end_marks(line)
    # "Nguồn: X" at the end, from the first "Nguồn" or "(Nguồn"
    i = line.find("Nguồn") if nguon else -1
    if i >= 0:
        m = next(_matches_at(_TAIL_SOURCE, line, _tail_source_starts(line, i)), None)
        if m is not None:
            line = line[:m.start(_rule_group(m))]
        elif _NAMED_SOURCE_LINE.match(line) is not None:
            return ""  # the whole line a paper's link: "Nguồn Nghệ An: https://..."
    return line


#: A line that is only a source named before the colon and its link (the attribution
#: line's ``Nguồn X: <link>``, removed whole): no story, however long the link.
_NAMED_SOURCE_LINE = LazyPattern(rf"\W*+Nguồn[ \t]++{_NAMED_SOURCE}[ \t]*+:[ \t]*+{_LINK}"
                                 rf"[ \t]*+\Z")


def _without_glued(line: str, *, nguon: bool = True) -> str:
    """``line`` without a glued sign-off, blanks and end marks left at its end."""
    start = _glued_start(line, 0, len(line), 0 if nguon else -1)
    m = next(_glued_matches(line, start, len(line)), None)
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


#: A bracketed name (or its first word) that is no outlet's prefix: a format or series
#: marker, a label (casefolded: ``(CLIP)``, ``(TIẾP THEO)``).
_NOT_PREFIX_WORDS = frozenset(map(str.casefold, word_list("bylines_not_prefixes.txt")))
#: An unknown outlet in brackets with no dash: every word capitalised (two or more, or one
#: written as a brand or domain: two capitals or a dot), no Roman numeral; then the lead's
#: first word, capitalised.
_DASHLESS_NAME = regex.compile(
    r"(?![IVXLC]++(?:\s|\Z))(?:\p{Lu}[\p{L}\d.+&]*+"
    r"(?:[ \t](?![IVXLC]++(?:\s|\Z))\p{Lu}[\p{L}\d.+&]*+)++"
    r"|\p{Lu}[\p{L}\d+&]*?(?:\p{Lu}|\.\p{L})[\p{L}\d.+&]*+)")
_LEAD_OPENS = regex.compile(r"\p{Lu}\p{L}*+(?:[ \t,]|\Z)")


#: A paper's own name before its code in brackets, opening the lead: "Báo Cà Mau (CMO) ".
_PAPER_AND_CODE = regex.compile(
    r"(?:Báo|Tạp[ \t]chí|Đài)[ \t]++\p{Lu}\p{L}*+(?:[ \t]++\p{Lu}\p{L}*+){0,3}+[ \t]*+"
    r"\(\p{Lu}{2,6}\)")


def _dashless_prefix(m: regex.Match, ctx: _Lines) -> bool:
    """An unknown outlet's name in brackets with no dash after it opens the lead: the name
    capitalised (:data:`_DASHLESS_NAME`), no format or series word (``(Video)``, ``(Kỳ II)``,
    ``bylines_not_prefixes.txt``), the line's first bracket (or the paper's own name before
    its code, :data:`_PAPER_AND_CODE`: ``Báo Cà Mau (CMO) ``), before a capitalised word, on
    the first body paragraph of the text (``(Đất Việt) Sáng nay, ...``).
    ``(Hà Nội) là nơi ...`` (a lowercase word) and ``(1) Công ty ...`` stay."""
    paren = m.group("ag_paren")
    if _DASHLESS_NAME.fullmatch(paren) is None:
        return False
    folded = paren.casefold()
    if folded in _NOT_PREFIX_WORDS or folded.split()[0] in _NOT_PREFIX_WORDS:
        return False
    index = ctx.index(m.start("agency"))
    line = ctx.lines[index]
    head = line[:m.start("agency") - ctx.starts[index]].strip()
    opening = m.group("agency").lstrip()
    if head or not (opening.startswith("(") or _PAPER_AND_CODE.match(opening)):
        return False  # after a place and day, or a bracket not opening the line
    if _LEAD_OPENS.match(ctx.text, m.end("agency")) is None:
        return False
    return ctx.is_prose(index) and not any(map(ctx.is_prose, range(index)))


#: A word after the first in lower case: a bracketed name in sentence case (``Làng sao``).
_SENTENCE_CASE_WORD = regex.compile(r"[ \t]\p{Ll}")


def _sentence_case_prefix(m: regex.Match, ctx: _Lines, paren: str) -> bool:
    """An unknown outlet's name in brackets in sentence case before a dash (``(Làng sao) -
    ``, as an aggregator prints the section or paper a story came from) is the lead's prefix
    only where it opens the text's first non-blank line (or the line under the title),
    its first word no format, series or label word (``bylines_not_prefixes.txt``) and no
    place. ``(Giờ địa phương) - `` inside the story, or on a later paragraph, stays."""
    first = paren.split()[0].casefold()
    if first in _NOT_PREFIX_WORDS or paren.casefold() in _NOT_PREFIX_WORDS or paren in _NOT_NAMES:
        return False
    index = ctx.index(m.start("agency"))
    line = ctx.lines[index]
    if line[:m.start("agency") - ctx.starts[index]].strip():
        return False
    above = ctx.nonblank(index, -1)
    return above is None or ctx.nonblank(above, -1) is None


#: The lead's first letter after a prefix: a capital, maybe after an opening quote (a lead
#: that opens with a quoted sentence: "Hanoinet - “Trên đây là ...” - ông Thắng nói").
_LEAD_CAPITAL = regex.compile(r"[\"“‘«]?+\p{Lu}")


def _agency_label(m: regex.Match, ctx: _Lines) -> Label | None:
    paren, dash, bare = m.group("ag_paren"), m.group("ag_dash"), m.group("ag_bare")
    agencies = agency_names()
    name = paren if paren is not None else bare if bare is not None else m.group("ag_dot")
    if name in _CAPTION_WORDS or name.upper() in _CAPTION_WORDS:
        return None
    if m.group("ag_cut") and (ctx.text[:m.start()].strip() or m.group("ag_dot") is not None):
        return None  # "Xyz.vn) - " lost its opening bracket only where the text begins
    if name not in agencies:
        if m.group("ag_sep") == "|":
            return None  # "HOT | ...": only a known agency's prefix ends with a bar
        if paren is not None and (len(_WORD.findall(paren)) > 3
                                  or not dash and not _dashless_prefix(m, ctx)):
            return None
        if paren is not None and _SENTENCE_CASE_WORD.search(paren) is not None and not (
                dash and _sentence_case_prefix(m, ctx, paren)):
            return None
        after = m.end("agency")
        if bare is not None and not (m.group("ag_space")
                                     and _LEAD_CAPITAL.match(ctx.text, after) is not None):
            return None  # "ASEAN-Nhật Bản", "COVID - 19"; "ABC - " ending the text
    if (bare is not None and m.group("agency").strip(" \t-–—|") != bare
            and (not ctx.text[m.end("agency"):m.end("agency") + 1].isupper()
                 or _APPOSITIVE_CLOSE.match(ctx.text, m.end("agency")) is not None)):
        return None  # "Báo Tuổi Trẻ - cơ quan của ...", "Báo X - Tờ báo ... - vừa ...": its subject
    if _SLOGAN_AFTER.match(ctx.text, m.end("agency")) is not None:
        return None  # "Báo Tuổi Trẻ – Nơi gửi gắm niềm tin ...": the paper's slogan
    index = ctx.index(m.end())
    rest = ctx.lines[index][m.end() - ctx.starts[index]:]
    if not rest.strip():  # "TPO - " alone on its line: a scraper split the lead's bold prefix
        lead = ctx.nonblank(index, 1)
        if lead is not None and _is_date_line(ctx.lines[lead].strip()):
            lead = ctx.nonblank(lead, 1)  # (its timestamp between: "Dân Trí -" / "21/11/2015")
        if name not in agencies or lead is None or not ctx.is_prose(lead):
            return None
        return Label(_past_margin(ctx.text, m), m.end("agency"), "byline",
                     "bylines.agency_prefix")
    after = _match_line(rest, 0)
    if after is not None and _rule_group(after) in _NOT_A_LEAD:
        return None  # "TTO - 18:52, 28/07/2023", "TTO - Theo TTXVN": a byline line, not a lead
    if len(rest) < 40 and (name not in agencies or len(rest.split()) < 4):
        return None  # a lead paragraph, not a heading such as "TTO - Tin nhanh"
    brand = (bare is not None and bare not in agencies
             and _OUTLET_BRAND_LINE.fullmatch(bare) is not None)
    if brand and (bare.casefold() in _NOT_BRANDS or not _brand_prefixes_lead(ctx, index, bare)):
        return None  # "GrabExpress - Dịch vụ ..." in a list, "SaigonNews - " of a story on it
    rule = "bylines.agency_prefix"
    if (bare is not None and bare not in agencies and not bare.lower().endswith(".vn")
            and not brand
            or paren is not None and not dash and paren in _NOT_NAMES):
        rule = "bylines.dateline"  # "HÀ NỘI - ", "TP.HCM - ", "(Hà Nội) Sáng nay, ..."
    return Label(_past_margin(ctx.text, m), m.end("agency"), "byline", rule)


def _past_margin(text: str, m: regex.Match) -> int:
    """Where the agency prefix of ``m`` starts past the blanks that open its line: the lead
    keeps the page's margin (``  TPO - Đông đúc ...`` becomes ``  Đông đúc ...``).

    >>> m = regex.match(r"(?P<agency> *TPO - )", "  TPO - Mưa lớn.")
    >>> _past_margin("  TPO - Mưa lớn.", m)
    2
    """
    start, end = m.span("agency")
    prefix = text[start:end]
    return start + len(prefix) - len(prefix.lstrip(" \t"))


#: A second spaced dash in the same sentence after a paper's name and its dash: the pair
#: sets an appositive off ("Báo Thanh Niên - Tờ báo của thanh niên - vừa ra mắt ..."), the
#: paper is the sentence's subject, no lead's prefix.
_APPOSITIVE_CLOSE = regex.compile(r"[^\n.!?]*?[ \t][-–—][ \t]")


#: A slogan or a description of the paper after its dash (``bylines_slogan_heads.txt``):
#: ``Nơi gửi gắm ...``, ``Tiếng nói của ...``; not ``Nơi đây ...``, a lead's opening.
_SLOGAN_AFTER = LazyPattern(
    rf"(?:{trie(word_list('bylines_slogan_heads.txt'))})[ \t]++(?!(?:đây|này|đó)(?!\p{{L}}))"
    rf"\p{{Ll}}")


def _brand_prefixes_lead(ctx: _Lines, index: int, brand: str) -> bool:
    """A web paper's one-word brand (``ThoisuNet - ``) is a prefix only on the lead, among
    the text's first ``_BRAND_LEAD_MAX_LINE`` non-blank lines (the title, maybe a dateline,
    the lead), and only when the text names it nowhere else: a story about the brand names
    it in its title or body, and a list's items further down are the story's."""
    before = bisect.bisect_left(ctx._filled, index)  # the non-blank lines above
    return before < _BRAND_LEAD_MAX_LINE and ctx.text.count(brand) == 1


_BRAND_LEAD_MAX_LINE = 3


def _dateline_label(m: regex.Match, ctx: _Lines) -> Label | None:
    body = m.group("dl_body")
    if body is None:  # counters alone ("5 phút đọc"): a fragment, by a date only
        return None
    if _DATE.search(body) is None and _RELATIVE.search(body) is None:
        if _TIME.search(body) is None:
            return None
        if not (_ZONED.search(body) or _opens_text(ctx, ctx.index(m.start()))):
            return None  # a bare "21h30" heading inside a live report stays
    if body.startswith("Thời gian") and _in_info_box(ctx, ctx.index(m.start())):
        return None  # "Thời gian: 20h ngày 30/11/2024" over "Địa điểm: ...": the event's
    pen = m.group("dl_pen")
    if m.group("dl_by") is not None:  # "Posted on 22/11/2026 by admin": the poster's line
        return Label(m.start("dateline"), m.end("dateline"), "byline", "bylines.dateline")
    name = m.group("dl_name") or pen or m.group("dl_after") or m.group("dl_cue")
    if m.group("dl_bare") is not None and not _bare_dateline(m, ctx):
        return None
    if _only_old_years(body):
        return None  # "Văn Cao 15/11/1923": a birth date under a biography's title
    if not _is_name(name) or pen in _SECTION_SET:
        if m.group("dl_after") is not None or not _place_at_top(m, ctx):
            return None
        # "Hà Nội, 12/03/2024 09:15": a place, no author
        return Label(m.start("dateline"), m.end("dateline"), "byline", "bylines.dateline")
    section = m.group("dl_section")
    if section is not None and not _section_after(m, ctx, section):
        return None
    if not name:
        index = ctx.index(m.start())
        if (_heads_a_series(ctx, index)
                or _story_date_before_dash(m.group("dateline"), ctx, index)):
            return None
    rule = "bylines.dateline" if name else "bylines.timestamp"
    return Label(m.start("dateline"), m.end("dateline"), "byline", rule)


#: A date's year written in full (``15/11/1923``).
_FULL_YEAR = regex.compile(r"(?<=\d[/.-])(\d{4})(?!\d)")


def _only_old_years(body: str) -> bool:
    """Every year the dateline's dates write in full is older than any news page
    (``oldest_dateline_year``): a birth or a founding date, no page's dateline.

    >>> _only_old_years("15/11/1923"), _only_old_years("15/11/2023 08:15"), _only_old_years("08:15")
    (True, False, False)
    """
    years = _FULL_YEAR.findall(body)
    return bool(years) and max(map(int, years)) < _T["oldest_dateline_year"]


def _story_date_before_dash(line: str, ctx: _Lines, index: int) -> bool:
    """A date alone before a dangling dash, with no weekday and no time, over a line of
    prose (``Ngày 16/07/2024 -`` / ``Khởi công gói thầu ...``: a timeline's entry split where
    it was written) is the story's; a template's stamp has its weekday or time
    (``Thứ 3, Ngày 16/07/2024 -``) or ends the text (``05/09/2025 –``)."""
    stripped = line.rstrip()
    if not stripped.endswith(("-", "–")) or _WEEKDAY.search(stripped) or _TIME.search(stripped):
        return False
    after = ctx.nonblank(index, 1)
    return after is not None and ctx.is_prose(after)


def _section_after(m: regex.Match, ctx: _Lines, section: str) -> bool:
    """A section after a timestamp is the site's: a known one after a separator
    (``| Đời sống``); else only after a date with its year (``25-11-2024 - 15:32 PM | Thị
    trường chứng khoán``, ``12/03/2024 08:15 Thời sự``); a section no list holds after a
    blank only with a time too, at the top of the text. A live report's ``08:15 - Khai mạc
    hội nghị`` and a diary's ``12/03/2024 Trời mưa to`` further down stay."""
    known = section in _SECTION_SET or section in _AGENCY_SET
    blank = m.group("dl_blank") is not None
    if known and not blank:
        return True
    body = m.group("dl_body")
    if _DATED.search(body) is None:
        return False
    return known or not blank or (_TIME.search(body) is not None
                                  and _opens_text(ctx, ctx.index(m.start())))


def _in_info_box(ctx: _Lines, index: int) -> bool:
    """A line next to an info box's field (``Địa điểm: Nhà hát Lớn``, ``Giá vé: ...``), no
    byline's label: the time of an event, an exam or a power cut, a book's author, that the
    story gives."""
    for step in (-1, 1):
        other = ctx.nonblank(index, step, past_removed=False)
        if other is not None:
            field = _INFO_FIELD.match(ctx.lines[other])
            if (field is not None and field.group(1) not in _BYLINE_FIELD_WORDS
                    and not _is_place_label(field.group(1))):
                return True
    return False


def _is_place_label(label: str) -> bool:
    """A place before a colon (``Phú Thọ``, ``TP.HCM``, ``Hà Nội``): every word capitalised,
    as a title's or a lead's place prefix writes it (``Phú Thọ: Ra quân trồng cây``), no
    info box's field (``Địa điểm``, ``Giá vé``, ``Nhà xuất bản``: sentence case)."""
    words = label.split()
    return len(words) >= 2 and all(word[0].isupper() for word in words)


#: A field of an info box: a capitalised label of a few words, a colon, a value.
_INFO_FIELD = regex.compile(r"[ \t]*+(\p{Lu}[\p{L} ]{1,24}?)[ \t]*+:[ \t]*+\S", regex.V1)
#: Labels of a page's byline, credit and date fields (``Tác giả:``, ``Ảnh:``, ``Ngày
#: đăng:``), and the newsroom roles that ask an interview's questions (``PV: Xin cảm ơn
#: ông!`` above ``Thực hiện: X``): no info box's.
_BYLINE_FIELD_WORDS = frozenset(
    (*_COLON_LABELS, *_ROLE_WORDS,
     "Ngày đăng", "Cập nhật", "Thời gian", "Ngày", "Nguồn", "Nguồn tin", "Theo", "Ảnh",
     "Video", "Clip", "Đồ họa", "Đồ hoạ", "Thiết kế", "Quay phim", "Dựng phim", "Kỹ thuật"))


def _heads_a_series(ctx: _Lines, index: int) -> bool:
    """A date or time line that heads its part of the story, like another line of its
    shape and a different value elsewhere, each with a body paragraph right under it: a
    diary's days (``Thứ Hai, 13/5/2024`` ... ``Thứ Ba, 14/5/2024``), a live report's times
    (``18h30`` ... ``19h15``). A dateline is alone, or repeated as it is; a live report's
    entries stamped with the same day and their times (``17:42 Ngày 04/06/2018`` ...
    ``17:28 Ngày 04/06/2018``) are stamps, not the parts' heads."""
    line = ctx.lines[index].strip()
    if len(line) > _SERIES_LINE_MAX or not _heads_prose(ctx, index):
        return False
    key = _series_key(line)
    date = _DATE.search(line)
    day = date.group() if date is not None and _TIME.search(line) is not None else None
    return any(other != index and text != line and _heads_prose(ctx, other)
               and (day is None or day not in text)
               for other, text in ctx.series_lines().get(key, ()))


def _heads_prose(ctx: _Lines, index: int) -> bool:
    below = ctx.nonblank(index, 1, past_removed=False)
    return below is not None and ctx.is_prose(below)


def _series_key(line: str) -> str:
    """A line's shape: every run of digits ``0``, every word ``a`` (``Thứ Hai, 13/5/2024``
    and ``Thứ Ba, 14/5/2024`` share ``a a, 0/0/0``)."""
    return _SERIES_WORD.sub("a", _SERIES_DIGITS.sub("0", line))


_SERIES_LINE_MAX = 40
_SERIES_DIGITS = regex.compile(r"\d+")
_SERIES_WORD = regex.compile(r"\p{L}+")
_HAS_DIGIT = regex.compile(r"\d")
#: A line's first digit and the rest of its line: one match for each line holding a digit
#: (the digit is no blank, so the line is not blank and keeps it once stripped).
_DIGIT_LINE = regex.compile(r"\d[^\n]*+")


def _bare_dateline(m: regex.Match, ctx: _Lines) -> bool:
    """A name and a date after a blank (``Nguyễn Quang 05/12/2024 16:20``, an aggregator's
    ``Tuổi Trẻ 23/11/2026 08:15``): a byline only when the name is a known paper's or a
    person's, every syllable of it, and the line stands at the top of the text or with no
    more story below. A site's known section so (``Thời sự 12/03/2024 08:15``) only with a
    time too, opening the text."""
    index = ctx.index(m.start())
    if m.group("dl_sect") is not None:
        # a known section (``Thời sự 12/03/2024 08:15``): a full stamp opening the text only
        return _TIME.search(m.group("dl_body")) is not None and _opens_text(ctx, index)
    return ((m.group("dl_source") is not None
             or _all_name_syllables(m.group("dl_name"), m.group("dl_title"))
             or _INITIALS_ONLY.fullmatch(m.group("dl_name") or "") is not None)
            and (_opens_text(ctx, index) or not ctx.prose_after(index)
                 or _under_its_name(ctx, index, m.group("dl_name"))))


def _under_its_name(ctx: _Lines, index: int, name: str | None) -> bool:
    """The line above is the same name alone, with at most the title above it (a template
    printing the writer twice: ``T.H`` / ``T.H 26/05/2019``)."""
    prev = ctx.nonblank(index, -1)
    if not name or prev is None or ctx.lines[prev].strip() != name:
        return False
    title = ctx.nonblank(prev, -1)
    return title is None or ctx.nonblank(title, -1) is None


#: A name written as initials joined by dots, maybe its last syllable whole: ``T.H``,
#: ``N.Anh``, ``N.T.Hà`` (a small site's writer under the title: ``T.H 26/05/2019``).
_INITIALS_ONLY = regex.compile(r"(?:\p{Lu}\.){1,3}+\p{Lu}\p{Ll}{0,6}+")


def _all_name_syllables(name: str | None, title: str | None) -> bool:
    """Every syllable of ``name`` (its title left out) is a personal name's
    (``bylines_name_syllables.txt``), whatever its case.

    >>> _all_name_syllables("Nguyễn Quang", None), _all_name_syllables("Giải Bóng Đá", None)
    (True, False)
    """
    return bool(name) and all(syllable.title() in _NAME_SYLLABLES
                              for syllable in _name_syllables(name, title) if syllable)


def _name_syllables(name: str, title: str | None) -> list[str]:
    """The syllables of a name group, its title (group ``title``) and the titles of its
    later names left out: ``TS. Trần Văn Bình`` → ``Trần``, ``Văn``, ``Bình``."""
    if title:
        name = name[len(title):]
    return _NAME_GAPS.split(_untitled(name))


def _is_pen_name(word: str) -> bool:
    """A one-word brand or pen name before a dateline's bar, not a place or a section.

    >>> _is_pen_name("Yan"), _is_pen_name("Huế")
    (True, False)
    """
    return _is_name(word) and word not in _SECTION_SET


def _place_at_top(m: regex.Match, ctx: _Lines) -> bool:
    """A place and a date alone above or right under the title (``Hà Nội, 12/03/2024
    09:15``): a dateline with no author. Further down such a line stays."""
    return (m.group("dl_after") is None and _DATE.search(m.group("dl_body")) is not None
            and _opens_text(ctx, ctx.index(m.start())))


def _opens_text(ctx: _Lines, index: int) -> bool:
    """The first line of the text, or the second under a title."""
    prev = ctx.nonblank(index, -1)
    return prev is None or (ctx.nonblank(prev, -1) is None and not ctx.is_prose(prev))


_SENTENCE_ENDS = (".", "!", "?", "…", ".\"", ".”", "!”", "?”")
_SHORT_SENTENCE_WORDS = 4


def _after_body(ctx: _Lines, index: int, accepted: set[int]) -> bool:
    """The line above ``index`` closes a body paragraph, or is an accepted sign-off.

    A line that ends with ``:`` opens what follows it (``Đội tuyển gồm các cầu thủ:`` /
    ``Nguyễn Văn A, Trần Thị B``): the names below it are the story's list.
    """
    prev = ctx.nonblank(index, -1)
    if prev is None:
        return False
    if prev in accepted:
        return True
    line = ctx.lines[prev].rstrip()
    if line.endswith(":"):
        return False
    # (a short last paragraph is still a sentence: "Hiện chưa rõ thiệt hại.")
    return (ctx.is_prose(prev) or len(line.strip()) >= 40
            or line.endswith(_SENTENCE_ENDS) and len(line.split()) >= _SHORT_SENTENCE_WORDS)


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
            and nxt is not None and nxt not in candidates and not ctx.is_prose(nxt)
            and not _opens_a_section(ctx, nxt) and not _list_starts(ctx, index, nxt))


def _list_starts(ctx: _Lines, name: int, index: int) -> bool:
    """The name line ``name``, line ``index`` under it and the line after are short items
    with no sentence mark, and story follows: the first item of a list in the story
    (``Đất Rừng Phương Nam`` / ``Không gia đình`` / ``Nhà giả kim``), not a sign-off.
    Chrome left under a sign-off is fragments (``H.V.`` / ``Bạn nghĩ gì?``)."""
    after = ctx.nonblank(index, 1)
    return (after is not None and ctx.prose_after(after)
            and all(_list_item_shaped(ctx.lines[i]) for i in (name, index, after)))


def _list_item_shaped(line: str) -> bool:
    words = line.split()
    return 1 < len(words) <= _LIST_ITEM_MAX_WORDS and words[-1][-1] not in _TERMINAL + ":"


_LIST_ITEM_MAX_WORDS = 8


def _header_position(ctx: _Lines, index: int, datelines: set[int]) -> list[int] | None:
    """An author above a timestamp (``Nguyễn Thiện`` / role / ``29/06/2018 22:40``).

    Returns the short lines between them (notes), or ``None`` when no timestamp follows.
    On the text's first line, a line of a headline's length between them is the title
    (an aggregator's ``Tuổi Trẻ`` / headline / date): no notes, no byline there.
    """
    between, i = [], index
    for _ in range(3):
        i = ctx.nonblank(i, 1, past_removed=False)
        if i is None:
            return None
        if i in datelines:
            if ctx.nonblank(index, -1) is None and any(
                    len(ctx.lines[k].split()) >= _HEADLINE_MIN_WORDS for k in between):
                return None  # "Tuổi Trẻ" / headline / date: the title, no note
            return between
        line = ctx.lines[i].strip()
        if len(line) > 60 or line[-1] in ".!?…:":
            return None
        between.append(i)
    return None


#: A line of this many words under a paper's name on the text's first line is a headline,
#: no note (sections, ``Sức khỏe``, ``Kinh tế thế giới``, are shorter).
_HEADLINE_MIN_WORDS = 5


def _author_match(m: regex.Match, ctx: _Lines) -> bool:
    """The name-shaped line itself is plausible (not a place, no stray affiliation)."""
    single = m.group("au_single")
    if single is not None:
        index = ctx.index(m.start())
        return (single not in _NOT_NAMES and ctx.nonblank(index, 1) is None
                and not lacks_its_final(single))  # ``Việ``: the page cut a word
    if m.group("au_affil") and not m.group("au_title"):
        return False
    return _is_name(m.group("au_name"))


def _capitals_are_names(m: regex.Match) -> bool:
    """A bare name line's syllables written in capitals (``NGỌC AN``, as Tuổi Trẻ signs) are
    all a Vietnamese name's (``bylines_name_syllables.txt``), so that a heading in capitals
    (``THÔNG CÁO``, ``CÁO PHÓ``, ``THÔNG BÁO``) is never taken for a sign-off; initials
    (``K.Đ``) and syllables in title case are not judged here.

    >>> _capitals_are_names(_LINE_ALTERNATIVES[4].match("NGỌC AN"))
    True
    >>> _capitals_are_names(_LINE_ALTERNATIVES[4].match("THÔNG CÁO BÁO CHÍ"))
    False
    >>> _capitals_are_names(_LINE_ALTERNATIVES[4].match("BBT"))  # a desk (bylines_cues.txt)
    True
    """
    cue = m.group("au_cue")
    return cue == m.group("au_name") or _capitals_named(m.group("au_name"), m.group("au_title"))


def _capitals_named(name: str | None, title: str | None) -> bool:
    """:func:`_capitals_are_names` of a name group and its title group."""
    if name is None or not any(len(word) > 1 and word.isupper() for word in name.split()):
        return True  # (most names: no word in capitals)
    return all(syllable.title() in _NAME_SYLLABLES for syllable in _name_syllables(name, title)
               if len(syllable) > 1 and syllable.isalpha() and syllable.isupper())


def _opens_a_section(ctx: _Lines, index: int | None) -> bool:
    """The line opens what follows it: it ends with ``:`` or is a numbered item
    (``Hội nghị đã thống nhất các nội dung sau:``, ``1. Thông qua ...``). A line above it is
    the section's heading, no sign-off."""
    if index is None:
        return False
    line = ctx.lines[index].strip()
    return line.endswith(":") or _NUMBERED_ITEM.match(line) is not None


_NUMBERED_ITEM = re.compile(r"(?:\d{1,2}|[IVX]{1,4}|[a-zđ])[.)][ \t]")


def _anywhere(m: regex.Match) -> bool:
    """A name line that is a byline wherever it stands: a newsroom role alone, before the
    name or after it (``PV``, ``Phóng viên Lê Hùng``, ``Minh Anh - Phóng viên``), or a
    byline note after it (``(tổng hợp)``, also without brackets: ``Minh Anh tổng hợp``,
    ``(t/h)``, ``(TTXVN)``, ``(theo Reuters)``, ``Theo BBC``).

    A bare name is not: between paragraphs it may be a subheading or a list in the story.
    """
    cue, title, note, theo, affil, role = m.group("au_cue", "au_title", "au_note", "au_theo",
                                                  "au_affil", "au_role")
    # "Minh Anh tổng hợp", "Minh Anh sưu tầm" (collected: a re-poster's sign-off)
    compiled = (m.group("au_bare") or "").lower() in ("tổng hợp", "sưu tầm")
    if m.group("au_handle") is not None:  # "hoalyly@vietbf sưu tầm"; a bare handle is not
        return compiled or note is not None and _BYLINE_NOTE.match(note) is not None
    if m.group("au_bar") is not None:  # "Bảo Hân |": a byline row's, its date lost
        return m.group("au_name") is not None and affil is None and not cue
    if (not (cue or title or note or theo or role or compiled) or affil is not None
            or m.group("author").rstrip().endswith(".")):
        return False  # glued words ("Lê HùngBáo X"), a sentence's end: judged by position
    return (cue in _ROLES or title in _ROLES or theo is not None or role is not None or compiled
            or note is not None and _BYLINE_NOTE.match(note) is not None)


#: A pronoun for a person just named opening the lead, a word in lower case after it
#: (``Ông sinh ra ở ...``; ``bylines_subject_pronouns.txt``).
_PRONOUN_LEAD = LazyPattern(
    rf"(?:{trie(word_list('bylines_subject_pronouns.txt'))})[ \t]++\p{{Ll}}")


def _lead_is_about(name: str, lead: str, *, person: bool = False) -> bool:
    """The lead under a name line opens with that name (``Báo Lao Động`` / ``Báo Lao Động
    vừa ...``, ``Tuổi Trẻ`` / ``Tuổi Trẻ Cười ...``) or, for a person, with a pronoun
    standing for it (``Văn Cao`` / ``Ông sinh ra ở Hải Phòng ...``): the name is the
    story's subject, a heading over it, neither its source nor its writer.

    >>> _lead_is_about("Văn Cao", "Ông sinh ra ở Hải Phòng.", person=True)
    True
    >>> _lead_is_about("Thu Hà", "Ông Nguyễn Văn An cho biết ...", person=True)
    False
    >>> _lead_is_about("Tuổi Trẻ", "Tuổi Trẻ Cười tròn 40 năm.")
    True
    >>> _lead_is_about("Tuổi Trẻ", "Tuổi Trẻ-Cười")
    False
    """
    name = name.strip(" \t.")
    after = lead[len(name):len(name) + 1]
    if name and lead.startswith(name) and after in (" ", "\t", ",", ""):
        return True
    return person and _PRONOUN_LEAD.match(lead) is not None


def _top_author(m: regex.Match) -> bool:
    """A name line fit to be taken at the top of a story: a desk, or names whose every
    syllable is a Vietnamese name's (``bylines_name_syllables.txt``), so that a heading or
    a title in capitals there (``MƯA LỚN KÉO DÀI``, ``Đăng Nhập``) is never taken.

    >>> m = _LINE_ALTERNATIVES[4].match("NGUYỄN VĂN AN - Thu Hà")
    >>> _top_author(m), _top_author(_LINE_ALTERNATIVES[4].match("MƯA LỚN KÉO DÀI"))
    (True, False)
    >>> _top_author(_LINE_ALTERNATIVES[4].match("Nhật Linh - Thanh Niên"))
    True
    """
    if m.group("au_cue") is not None or _names_a_paper(m):
        return True  # (a known paper's name alone: the source an aggregator names)
    name = m.group("au_name")
    if name is None or m.group("au_affil"):
        return False
    return _all_name_syllables(_PAPER_AFTER_NAME.sub("", name), m.group("au_title"))


#: A known paper after a dash closing a name group ("Nhật Linh - Thanh Niên", Thanh Niên's
#: byline at the top): the paper's syllables are no person's, and need not be.
_PAPER_AFTER_NAME = LazyPattern(rf"(?<=\p{{L}})[ \t]*+[-–][ \t]*+(?:{_AGENCY_ALTERNATION})\Z")


def _top_position(ctx: _Lines, index: int, candidates: set[int]) -> bool:
    """Right under the title with the lead below, or the first line with a title below it
    and the lead below that: where a page prints its byline above the story.

    The title is a line that is no name line and does not end as a paragraph does. (The
    caller also wants no name line between paragraphs further down: there the names are
    the story's subheadings, a list of people, and the first one is no byline either.)
    """
    nxt = ctx.nonblank(index, 1)
    if nxt is None:
        return False
    prev = ctx.nonblank(index, -1)
    if prev is None:  # above the title
        after = ctx.nonblank(nxt, 1)
        return (_is_title(ctx, nxt, candidates) and after is not None
                and ctx.is_prose(after))
    if ctx.nonblank(prev, -1) is not None or not _is_title(ctx, prev, candidates):
        return False
    if _affiliation_line(ctx, nxt):  # "ThS. X - TS. Y" / "Học viện Tài chính" / the lead
        nxt = ctx.nonblank(nxt, 1)
    return nxt is not None and ctx.is_prose(nxt)


def _affiliation_line(ctx: _Lines, index: int) -> bool:
    """A short line naming an institution (``institution_heads.txt``, then a capital),
    with no sentence mark at its end: ``Học viện Tài chính`` under an author."""
    line = ctx.lines[index].strip()
    return (len(line) <= _AFFILIATION_LENGTH and line[-1] not in ".!?…:;,"
            and _AFFILIATION_LINE.fullmatch(line) is not None)


_AFFILIATION_LENGTH = 80
_AFFILIATION_LINE = LazyPattern(_AFFILIATION)


def _is_title(ctx: _Lines, index: int, candidates: set[int]) -> bool:
    line = ctx.lines[index].strip()
    return (index not in candidates and len(line) <= _TITLE_LENGTH
            and line[-1] not in _NOT_TITLE_END)


#: A team's role and its desk ("Nhóm PV Kinh tế", "PV Thời sự"): capitals that are no name's.
_CUE_DESK = regex.compile(rf"(?:{_CUES}){_H}++{_DESK}")


def _glued_label(m: regex.Match, ctx: _Lines) -> Label | None:
    group = _rule_group(m)
    index = ctx.index(m.start())
    if group == "tail_source" and _after_end_mark(m, ctx, index):  # the marks go with it
        return Label(ctx.starts[index], m.end(group), "byline", "bylines.source_attribution")
    if not ctx.is_prose(index) and not _under_story(m, ctx, index) or ctx.prose_after(index):
        return None  # glued to the last paragraph only
    if group == "tail_source" or m.group("gl_source") is not None:
        return Label(m.start(group), m.end(group), "byline", "bylines.source_attribution")
    if (not _is_name(m.group("gl_name")) or (m.group("gl_affil") and not m.group("gl_title"))
            or m.group("gl_name") not in _CUE_SET and not _CUE_DESK.fullmatch(m.group("gl_name"))
            and not _capitals_named(m.group("gl_name"), m.group("gl_title"))):
        return None
    return Label(m.start(group), m.end(group), "byline", "bylines.signoff_glued")


def _glued_widgets(text: str, label: Label) -> list[Label]:
    """``bylines.glued_promo``: the widget labels around a glued sign-off or source that the
    promos, which run first, left alone: only once the sign-off is gone would a second pass
    see them end the story.

    After it, one label or a row (:func:`vnclean.promos.is_widget_row`) to its line's end
    (``... tại Quảng trường 30/10. Mạnh Trường Chia sẻ bài viết In bài``, ``... Theo TTXVN
    Chia sẻ``); before it, when nothing else follows it on its line, the labels glued
    between a story sentence's end and it (``... tăng mạnh. Chia sẻ Nguồn: Tuổi Trẻ``; not
    after an end mark ``./.``, which goes only once it ends the text: both stay).
    """
    line_end = text.find("\n", label.end)
    tail = text[label.end:len(text) if line_end < 0 else line_end]
    row = tail.strip()
    out: list[Label] = []
    if row:
        if not is_widget_row(row, 1):
            return []
        start = label.end + len(tail) - len(tail.lstrip())
        end = start + len(row)
        if line_end >= 0 and text.rfind("\n", 0, label.start) + 1 == label.start:
            end = line_end + 1  # the sign-off opened the line: none of it is left, nor its break
        out.append(Label(start, end, "promo", "bylines.glued_promo"))
    line_start = text.rfind("\n", 0, label.start) + 1
    found = widgets_before(text, line_start, label.start)
    if found:
        head = text[line_start:found[-1].start].rstrip()
        if head.endswith(_SENTENCE_ENDS) and not head.endswith("/."):
            out.append(Label(line_start + len(head), found[0].end, "promo",
                             "bylines.glued_promo"))
    return out


def _under_story(m: regex.Match, ctx: _Lines, index: int) -> bool:
    """``m`` is a sign-off before the page's chrome opening the line right under the last
    body paragraph (``Hà My Chia sẻ Bình luận``): the name line and the share buttons of a
    page whose footer a scraper joined into one line."""
    last = ctx.last_prose()
    return (_BEFORE_CHROME.made(m) and m.start() == ctx.starts[index] and last is not None
            and ctx.nonblank(last, 1, past_removed=False) == index)


def _after_end_mark(m: regex.Match, ctx: _Lines, index: int) -> bool:
    """``m`` is a closing "Nguồn: X" that only end marks precede on its line
    (``/.Nguồn: VOV``): once they go, an attribution line, which goes wherever it stands.

    >>> strip_bylines("Mưa lớn kéo dài.\\n/.Nguồn: VOV")
    'Mưa lớn kéo dài.'
    """
    lead = ctx.text[ctx.starts[index]:m.start()]
    return bool(lead) and not lead.strip(" \t/.")


def _place_label(m: regex.Match, ctx: _Lines) -> Label | None:
    if m.group("pl_name").split()[0] in _STOP_FIRST:
        return None  # "Nguồn:", "Theo:" open an attribution, not a place
    index = ctx.index(m.start())
    nxt = ctx.nonblank(index, 1)
    if not _opens_text(ctx, index) or nxt is None or not ctx.is_prose(nxt):
        return None
    return Label(m.start("place"), m.end("place"), "byline", "bylines.dateline")


#: An e-mail address alone on a line, maybe labelled: "Email: minhanh@vnexpress.net".
_EMAIL_LINE = regex.compile(rf"(?:[Ee]-?mail[ \t]*+:[ \t]*+)?+{_EMAIL}\.?+")


def _follower_labels(ctx: _Lines, tail: set[int]) -> list[Label]:
    """A short last line under a sign-off: an affiliation, the paper's name, the author's
    e-mail."""
    labels = []
    for index in sorted(tail):
        nxt = ctx.nonblank(index, 1)
        if nxt is None or ctx.nonblank(nxt, 1) is not None:
            continue
        line = ctx.lines[nxt].strip()
        if _EMAIL_LINE.fullmatch(line) is not None:  # the author's e-mail
            labels.append(_line_label(ctx, nxt, "bylines.author_note"))
            continue
        if (len(line) > 70 or line[-1] in ".!?…:" or not line[0].isupper()
                or len(line.split()) > 10):
            continue
        labels.append(_line_label(ctx, nxt, "bylines.author_note"))
    return labels


def _labelled_label(m: regex.Match, ctx: _Lines) -> Label | None:
    """A labelled author line; with the date after it (``Đăng bởi Thu Hà - 15/03/2024``),
    names and a date: a dateline. A user's name (``Bài viết bởi nguyenvana``) goes only
    with no more story below; a line in an info box (``Tác giả: Nguyễn Nhật Ánh`` next to
    ``Nhà xuất bản: Trẻ``) is the story's."""
    index = ctx.index(m.start())
    if m.group("lb_user") is not None and ctx.prose_after(index):
        return None
    if m.group("lb_date") is None and _in_info_box(ctx, index):
        return None  # a book's or a song's box: "Tác giả: X" over "Nhà xuất bản: Trẻ"
    rule = "bylines.dateline" if m.group("lb_date") else "bylines.author_line"
    return Label(m.start("labelled"), m.end("labelled"), "byline", rule)


def _end_mark_label(m: regex.Match, ctx: _Lines) -> Label:
    """The end mark ``/.``, and the dot of a ``./.`` after a blank or alone on its line
    (``... giải pháp. ./.``); a sentence's own full stop (``giải pháp./.``) stays."""
    start, text = m.start("end_mark"), ctx.text
    if start and text[start - 1] == "." and (start == 1 or text[start - 2] in " \t\n"):
        start -= 1
    return Label(start, m.end("end_mark"), "byline", "bylines.end_mark")


_CONTEXT_FREE = {
    "labelled": _labelled_label,
    "end_mark": _end_mark_label,
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
    "inline_source": "bylines.source_attribution",
    "end_mark_line": "bylines.end_mark",
}


class StripBylines(BoilerplateCleaner):
    """Delete bylines: sign-offs, datelines, timestamps, ``Theo X``, lead prefixes, ``/.``.

    Only the prefix of a lead goes, and a bare name line goes only at the end of the story
    or at its top, so short story lines (a quote, a heading such as ``Hà Nội``, a person's
    name as a subheading) stay.

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
        labels = self._classify(text)
        joined = _joined_pieces(text)
        if joined is None:  # most texts: no piece stands alone on a line
            return labels
        return _with_joined_labels(text, labels, self._classify(joined[0]), joined[1])

    def _classify(self, text: str) -> list[Label]:
        head = long_first_line_end(text, FLAT_LINE_MIN_CHARS)  # a flattened page's first line
        flat = [] if head is None else (_flat_head_dateline(text, head) + _flat_head_agency(
            text, head) + _flat_title_dateline(text, head))
        ctx = _Lines(text)
        labels = self._line_labels(text, ctx)
        # Whole-line shapes read apart, each where no label took its line already (a name
        # path may have taken "Thanh Niên"); the box may close the page above lines that go
        # as bylines ("Biên tập viên: Trần Hoa" / "Cập nhật lúc: 15:45 21/11/2022").
        _add_where_free(labels, _author_box(text[:_labelled_tail_start(text, labels)]))
        _add_where_free(labels, _paper_under_title(text))
        _add_where_free(labels, _agency_sign_off(text))
        _add_where_free(labels, _outlet_date_lines(text))
        _add_where_free(labels, _outlet_age_lines(text))
        _add_where_free(labels, _glued_stamps(text, ctx.dated))
        _add_where_free(labels, _stamp_place_lines(text))
        _add_where_free(labels, _name_bar_name_lines(text, ctx))
        _add_where_free(labels, _translated_source_lines(text, ctx))
        _add_where_free(labels, _named_prefix_lines(text, ctx))
        _add_where_free(labels, _dashed_agency_tails(text))
        _add_where_free(labels, _page_cited_tails(text))
        return flat + labels

    def _line_labels(self, text: str, ctx: _Lines) -> list[Label]:
        candidates = _candidates(text, ctx)
        if not candidates:  # most texts: nothing to label, no neighbours to weigh
            return []
        labels: list[Label] = []
        tail: set[int] = set()  # lines of accepted sign-off material at the end
        datelines: set[int] = set()
        attributions: set[int] = set()  # attribution lines: a name and comma may stand above
        fragments: list[regex.Match] = []  # "23:59", "GMT+7" lines: kept unless by a date
        deferred: list[regex.Match] = []  # decided once every whole line is labelled
        authors: list[regex.Match] = []
        others: list[tuple[str, regex.Match]] = []
        for m in candidates:
            group = _rule_group(m)
            if group == "author":
                authors.append(m)
            else:
                others.append((group, m))
        # A role, a byline note or "Theo X" makes a name line a byline wherever it stands:
        # like the other shapes that are proof alone, such lines are looked past from the
        # start, so every other line is judged as it will be once they are gone.
        anywhere, listed = _anywhere_lines(ctx, authors)
        ctx.removed.update(anywhere)
        for group, m in others:
            if group in _DEFERRED:
                deferred.append(m)
                continue
            if group == "attrib" and m.group("at_loose") is not None and ctx.prose_after(
                    ctx.index(m.start())):
                continue  # "Nguồn: Kinh tế đô thị" closes the story only: a table's stays
            if group == "attrib" and _sentence_runs_on_below(ctx, ctx.index(m.start())):
                continue  # "Theo EVN" / "giá điện sẽ tăng 4,8% ...": one sentence, split
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
            if group == "attrib":
                attributions.add(index)
                if m.group("at_date") is not None:  # "Theo Pháp luật & Bạn đọc 20/06/2024"
                    datelines.add(index)
            labels.append(label)
            if group == "dateline" or group == "labelled" and m.group("lb_date"):
                datelines.add(index)  # ("Bởi Hải Yến - 23/11/2024" too: counters by it)
            if group in ("attrib", "dateline") and not ctx.prose_after(index):
                tail.add(index)
        deferred.sort(key=lambda m: -m.start() if _rule_group(m) == "place" else m.start())
        for m in deferred:  # places bottom-up: each sees the lead below it
            label = _CONTEXT_FREE[_rule_group(m)](m, ctx)
            if label is not None:
                if label.start < m.start():  # (_after_end_mark: one label for the line)
                    labels = [lab for lab in labels if not label.start <= lab.start < label.end]
                labels.append(label)
                if _rule_group(m) != "place":
                    labels.extend(_glued_widgets(ctx.text, label))
                index = ctx.index(label.start)
                if _rule_group(m) == "place":
                    ctx.removed.add(index)
                elif not ctx.prose_after(index):
                    tail.add(index)
        for m in fragments:  # a time or zone split onto its own line next to a date
            index = ctx.index(m.start())
            # (or the reading time alone right under the title: "Thời gian đọc: 3 phút")
            if ctx.next_to(index, datelines) or (m.group("dl_count") is not None
                                                 and _top_position(ctx, index, set())):
                labels.append(Label(m.start("dateline"), m.end("dateline"), "byline",
                                    "bylines.timestamp"))
                datelines.add(index)
                ctx.removed.add(index)
        return labels + _name_labels(ctx, authors, (anywhere, listed), tail, datelines,
                                     attributions)


#: The lone pieces an HTML-to-text pass leaves (``bylines_split_pieces.txt``), and its source
#: cues (``Theo``, ``Nguồn:``) as one trie (one branch a first letter, at every line start).
_SPLIT_PIECES = tab_entries("bylines_split_pieces.txt")
_SPLIT_CUES = trie(tuple(v for tag, v in _SPLIT_PIECES if tag == "cue"))


def _split_piece_pattern() -> re.Pattern:
    """A cue line (``Theo``) and its newline, a separator line (``|``) and the newlines
    around it, the newline above a link or a known agency in brackets alone on its line
    (``bylines_split_pieces.txt``; stdlib ``re``: most lines fail at their first letter)."""
    seps = alternation([v for tag, v in _SPLIT_PIECES if tag == "sep"])
    # a line the line above goes on with: an agency in brackets under a sign-off name
    # ("Tâm Hằng" / "(TTXVN)"), a link under a source ("Theo X" / "https://...")
    agencies = alternation(tuple(agency_names()))
    # One literal newline opens every branch: the C scan skips from newline to newline; a
    # line opening with no letter a piece opens with fails at one class test.
    pieces = [v for tag, v in _SPLIT_PIECES if tag in ("cue", "sep")]
    return re.compile(
        rf"\n[ \t]*(?={_opening_class((*pieces, '(', 'h'))})"
        rf"(?:(?:{_SPLIT_CUES})[ \t]*(?P<cue>\n)(?=[ \t]*\S)"
        rf"|(?:{seps})[ \t]*(?P<sep>\n)(?=[ \t]*\S)"
        rf"|(?P<after>)(?:\((?:{agencies})\)|(?P<link>https?://)\S+)[ \t]*$)", re.MULTILINE)


_SPLIT_PIECE = _split_piece_pattern()
_SPLIT_CUE = re.compile(rf"[ \t]*(?:{_SPLIT_CUES})")
#: What goes on with a sentence at a line's start: a lower-case word (not a link) or a
#: punctuation mark (``Theo`` / ``ông An`` / ``, giá vàng ...`` is a story sentence split
#: at its links).
_GOES_ON = regex.compile(r"[ \t]*+(?!https?://|www\.)[\p{Ll},.;:)\]…]", regex.V1)
_NON_SPACE = re.compile(r"\S")
_SIGN_OFF_MAX = 50  # characters of the line above an agency in brackets: a name, no sentence


def _joined_pieces(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """``text`` with each lone piece of ``bylines_split_pieces.txt`` joined to its neighbour
    lines (the newlines made spaces: every offset stays), and the joined lines' spans;
    ``None`` when no piece stands alone.

    An HTML-to-text pass puts every inline element on its own line: ``<p>Theo <a>Tiền
    Phong</a></p>`` becomes ``Theo`` / ``Tiền Phong``, a date row ``26/05/2024 08:15`` /
    ``|`` / ``Thế giới``. A source cue joins the line below; a separator both lines around
    it, when one of them holds a digit (a date row; a menu's bars join nothing); a known
    agency in brackets joins a short line above (a sign-off name); a link joins the line
    above when that line opens with a cue or was joined (``Theo`` / ``Tiền Phong`` /
    ``https://...``). A join is refused when the line after it goes on with a sentence
    (:data:`_GOES_ON`): ``Theo`` / ``ông An`` / ``, giá vàng sẽ tăng.`` is the story's.

    >>> _joined_pieces("Mưa lớn.\\nTheo\\nTiền Phong")
    ('Mưa lớn.\\nTheo Tiền Phong', [(9, 24)])
    >>> _joined_pieces("Theo\\nông An\\n, giá vàng sẽ tăng.") is None
    True
    """
    if "\n" not in text:
        return None
    newlines: list[int] = []
    spans: list[tuple[int, int]] = []
    for m in _SPLIT_PIECE.finditer(text):
        if m.group("cue") is not None:  # the cue's line joins the line below it
            start = m.start() + 1
            joins = [m.start("cue")]
        else:  # the line above joins the piece's line (and the line below a separator)
            start = text.rfind("\n", 0, m.start()) + 1
            joins = [m.start()] if m.group("sep") is None else [m.start(), m.start("sep")]
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if end < len(text) and _GOES_ON.match(text, end + 1):
            continue
        chained = bool(spans) and start <= spans[-1][1]
        if m.group("sep") is not None:
            if (start == m.start() or not _HAS_DIGIT.search(text, start, m.start())
                    and not _HAS_DIGIT.search(text, m.end(), end)):
                continue
        elif m.group("after") is not None:
            above = text[start:m.start()]
            if not above.strip() or (not chained and _SPLIT_CUE.match(above) is None
                                     if m.group("link") else len(above) > _SIGN_OFF_MAX):
                continue
        newlines.extend(joins)
        if chained:  # ("Theo" / "Tiền Phong" / "https://...")
            start = spans.pop()[0]
        spans.append((start, end))
    if not newlines:
        return None
    chars = list(text)
    for k in newlines:
        chars[k] = " "
    return "".join(chars), spans


def _with_joined_labels(text: str, labels: list[Label], joined: list[Label],
                        spans: list[tuple[int, int]]) -> list[Label]:
    """``labels`` with, for each joined line of ``spans`` that the labels of the joined
    text (``joined``) cover whole, those labels (and theirs of the lines right under it)
    in place of the ones it had (the same offsets: a join changed newlines into spaces)."""
    taken: list[Label] = []
    for start, end in spans:
        over = [lab for lab in joined if lab.start < end and start < lab.end]
        pos = start
        for lab in sorted(over, key=operator.attrgetter("start")):
            if lab.start > pos and _NON_SPACE.search(text, pos, lab.start):
                break
            pos = max(pos, lab.end)
        else:
            if pos >= end or not _NON_SPACE.search(text, pos, end):
                taken.extend(lab for lab in over if lab not in taken)
                # the lines right under it that the joined reading labels go too (a
                # source's paper under its author: "Theo" / "Thanh Xuân" / "VnEconomy")
                nxt = _NON_SPACE.search(text, pos)
                while nxt is not None:
                    under = [lab for lab in joined if lab.start <= nxt.start() < lab.end]
                    if not under or under[0] in taken:
                        break
                    taken.append(under[0])
                    nxt = _NON_SPACE.search(text, under[0].end)
    if not taken:
        return labels
    return [lab for lab in labels
            if not any(lab.start < t.end and t.start < lab.end for t in taken)] + taken


def _add_where_free(labels: list[Label], found: list[Label]) -> None:
    """Append to ``labels`` each label of ``found`` that overlaps none of them (in order: one
    appended counts for the next)."""
    for new in found:
        if not any(lab.start < new.end and new.start < lab.end for lab in labels):
            labels.append(new)


def _labelled_tail_start(text: str, labels: list[Label]) -> int:
    """Where the run of whole lines that ``labels`` take at the end of ``text`` starts (the
    text's length when its last line stays)."""
    cut = len(text.rstrip())
    while cut > 0:
        start = text.rfind("\n", 0, cut) + 1
        first = start + len(text[start:cut]) - len(text[start:cut].lstrip())
        if not any(lab.start <= first and lab.end >= cut for lab in labels):
            break
        cut = last_non_space_end(text, start)
    return cut if cut < last_non_space_end(text) else len(text)


def _agency_sign_off(text: str) -> list[Label]:
    """A known agency's or paper's name alone on the text's last line, right under a story
    paragraph: the source signing the story off (``TTXVN``, ``VOV``, ``VnEconomy``, which
    the name-line shapes do not read as names; ``Báo Thanh Niên``, a word for its kind before
    a known paper, as an aggregator signs a copied story off; a site's domain, ``thanhnien.vn``),
    or a desk doing so (``Trung tâm Tin tức``:
    ``bylines.desk_sign_off``); an unknown station's acronym too (``HYTV``: two to six
    capitals, no roman numeral), under a paragraph ending a sentence. Between paragraphs such
    a line stays.

    >>> text = "Nhiều chương trình đặc sắc được phát sóng trên các kênh truyền hình.\\nTTXVN"
    >>> [text[lab.start:lab.end] for lab in _agency_sign_off(text)]
    ['TTXVN']
    >>> _agency_sign_off("Các hãng tin lớn đều có mặt tại hội nghị.\\nTTXVN\\nVOV")
    []
    """
    end = len(text.rstrip())
    start = text.rfind("\n", 0, end) + 1
    line = text[start:end].strip()
    name = line.strip(" \t.")
    if name[:1] in "-–—":  # "- VNA": a known agency after a dash, as a digest signs off
        name = name[1:].strip(" \t")
        if name not in _AGENCY_SET:
            return []
    if (not start or name not in _AGENCY_SET and name not in _DESK_SIGN_OFFS
            and _NAMED_OUTLET.fullmatch(name) is None and _DOMAIN_TEXT.fullmatch(name) is None
            and _STATION_ACRONYM.fullmatch(name) is None):
        return []
    above_end = last_non_space_end(text, start)
    above = text[text.rfind("\n", 0, above_end) + 1:above_end].strip()
    if not above or not _is_prose_line(above):
        return []
    if above[-1] not in _TERMINAL and _OPEN_ENDED.search(above) is not None:
        return []  # "... suốt ba mươi năm gắn bó với" / "TTXVN": the sentence goes on
    if name not in _AGENCY_SET and name not in _DESK_SIGN_OFFS and (
            above[-1] not in _TERMINAL or _DOMAIN_TEXT.fullmatch(name) is not None
            and (name.endswith((".gov.vn", ".edu.vn")) or _DOMAIN_POINTER.search(above))):
        return []  # "... một trong số đó là:" / "Báo Lao Động"; "truy cập cổng ..." / its domain
    first = end - len(line)
    rule = ("bylines.desk_sign_off" if name in _DESK_SIGN_OFFS
            else "bylines.source_attribution")
    return [Label(first, end, "byline", rule)]


#: A local station's or paper's acronym signing the story off (``HYTV``, ``QTV``): two to six
#: capitals (``Đ`` too; ``station_acronym_*_letters``), not a roman numeral (a section's number).
_STATION_ACRONYM = regex.compile(r"(?![IVXLCDM]++$)[A-ZĐ]{%d,%d}+" % (
    _T["station_acronym_min_letters"], _T["station_acronym_max_letters"]))


#: A line's last word that leaves its sentence open (``với``, ``của``, ``tại``;
#: ``bylines_open_enders.txt``): a name on the next line ends that sentence, no sign-off.
_OPEN_ENDED = LazyPattern(
    rf"(?<!\p{{L}})(?:{trie(word_list('bylines_open_enders.txt'))})[ \t]*+\Z")


#: A known agency or paper named with a word for its kind before it or its online edition
#: after it (``Báo Thanh Niên``, ``Tạp chí Kinh tế Việt Nam``, ``Tuổi Trẻ Online``; media
#: words: ``bylines_media.txt``), as an aggregator names the paper a story came from.
_NAMED_OUTLET = regex.compile(
    rf"(?:(?:{_MEDIA}){_H}++)?+(?:{_AGENCIES})(?:{_H}++{_ONLINE_EDITION})?+"
    # (or a paper no list holds, in sentence case after "Báo" or "Tạp chí", each capitalised
    # syllable maybe followed by one lowercase one: "Tạp chí Tài chính", "Báo Tài nguyên và
    # Môi trường"; not after "Đài", where "Đài Loan" is a place)
    rf"|(?:Báo|Tạp{_H}chí)(?:{_H}điện{_H}tử)?+(?:{_H}\p{{Lu}}\p{{Ll}}{{0,6}}+"
    rf"(?:{_H}\p{{Ll}}{{1,7}}+)?+){{1,4}}+(?:{_H}(?:và|&)(?:{_H}\p{{Lu}}\p{{Ll}}{{0,6}}+"
    rf"(?:{_H}\p{{Ll}}{{1,7}}+)?+){{1,3}}+)?+", regex.V1)

#: Words pointing the reader to a web address (``bylines_domain_pointers.txt``): a domain
#: alone under a line holding one is the address the story gives, no site signing it off.
_DOMAIN_POINTER = regex.compile(
    r"(?<![\p{L}\d])(?:%s)(?![\p{L}\d])" % trie(word_list("bylines_domain_pointers.txt")),
    regex.IGNORECASE | regex.V1)

#: Desks and centres that sign a story off (``bylines_desk_sign_offs.txt``).
_DESK_SIGN_OFFS = word_set("bylines_desk_sign_offs.txt")


#: A full timestamp (a date with its year, then its time) opening a line, glued to the
#: word after it with no blank: the page's time and headline run together once scraped
#: (``09/02/2018 20:52HLV Park Hang-seo ...``). A capital must follow (checked apart).
_GLUED_STAMP = line_opening(r"[ \t]*(\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d[ \t,|-]{1,3}"
                            r"\d{1,2}:\d\d(?::\d\d)?)(?!(?:AM|PM|SA|CH)(?![^\W\d_]))(?=[^\W\d_]{2})")


def _glued_stamps(text: str, dated: list[int] | None = None) -> list[Label]:
    """``bylines.glued_stamp``: a line's opening timestamp glued to the title after it; the
    title stays. A date alone (``09/02/2018Hà Nội``) or a time alone is no such stamp.

    ``dated``: the starts of the lines where the line scan's first gate holds
    (:func:`_line_candidates`), tried alone instead of a scan of every line. A stamp's
    line opens with blanks and ``\\d{1,2}[/.-]``: not blank, and a date's number as the
    line shapes and the dateline's gate read one (``_DATE_NUMBER``: a ``_DIGIT``, a class
    holding every ``\\d``, then one of ``/.:hH-``), so the scan reports it with that gate.

    >>> text = "Thể thao\\n09/02/2018 20:52HLV Park Hang-seo về thăm quê"
    >>> [text[x.start:x.end] for x in _glued_stamps(text)]
    ['09/02/2018 20:52']
    """
    if dated is None:
        found = (m for _, m in line_openings(text, _GLUED_STAMP))
    else:
        found = filter(None, map(_GLUED_STAMP.top.match, itertools.repeat(text), dated))
    return [Label(m.start(1), m.end(1), "byline", "bylines.glued_stamp")
            for m in found if text[m.end()].isupper()]


def _outlet_date_lines(text: str) -> list[Label]:
    """A line that is only a known agency or paper and a date, maybe after its author's name
    and a comma (``bylines.outlet_date``): the source and date an aggregator post gives each
    story it copies (``RFA, 23/05/2022``, ``Trân Văn, VOA, 24/01/2022``). A story sentence
    never ends at such a date with nothing else on its line; a place before the comma
    (``Hà Nội, 12/03/2024``) is the datelines'.

    >>> text = "Quanh việc tuyển công nhân\\nRFA, 23/05/2022\\nCách đây vài tuần, ..."
    >>> [text[lab.start:lab.end] for lab in _outlet_date_lines(text)]
    ['RFA, 23/05/2022']
    """
    found = []
    for hit in _date_line_ends(text):  # (few lines end with ", 23/05/2022")
        start = text.rfind("\n", 0, hit.start()) + 1
        m = _OUTLET_DATE.fullmatch(text, start, hit.end())
        if m is None or (m.group("name") is not None and not _is_name(m.group("name"))):
            continue
        found.append(Label(m.start("line"), m.end("line"), "byline", "bylines.outlet_date"))
    return found


#: A place closing a page's timestamp line after a comma: one to four capitalised
#: syllables (``Hà Nội``, ``TP Hồ Chí Minh``), the line's end after them.
#: (Searched from the comma, a literal the engine skips to: digits are ten times as common.)
#: (Possessive: no run given back can end where ``$`` holds, as neither class holds a newline
#: and a blank is no capital.)
_STAMP_PLACE_END = re.compile(rf",[ \t]*+{_UP}[^\n,.:;!?]{{0,60}}+$", re.MULTILINE)
#: The line itself: a timestamp (date tokens only, as the dateline shape reads them), a
#: comma and the place.
_STAMP_PLACE = LazyPattern(
    rf"[ \t|]*+(?P<stamp>{_dateline_pattern()})[ \t]*+,[ \t]*+"
    r"(?P<place>\p{Lu}[\p{Lu}\p{Ll}]*+(?:[ \t]++\p{Lu}[\p{Lu}\p{Ll}]*+){0,3}+)[ \t]*+")


def _stamp_place_lines(text: str) -> list[Label]:
    """``bylines.timestamp_place``: a line that is a full timestamp (a date with its year and
    a clock or zone) and, after a comma, the place the page prints it for (``15/03/2025 |
    09:20 GMT+7, Đà Nẵng``: a portal's header). No sentence is a timestamp and a place alone;
    a date without its year or clock (``Thứ Hai, 28/12, Hà Nội``) stays.

    >>> text = "15/03/2025 | 09:20 GMT+7, Đà Nẵng\\nGiá đất mới\\nNgày 1/8, luật có hiệu lực."
    >>> [text[x.start:x.end] for x in _stamp_place_lines(text)]
    ['15/03/2025 | 09:20 GMT+7, Đà Nẵng']
    """
    found = []
    for hit in _STAMP_PLACE_END.finditer(text):
        k = hit.start() - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        if k < 0 or not (text[k].isdigit() or text[k] == ")"):
            continue
        start = text.rfind("\n", 0, hit.start()) + 1
        m = _STAMP_PLACE.fullmatch(text, start, hit.end())
        if m is None or not _full_timestamp(m.group("stamp")):
            continue
        found.append(Label(start, hit.end(), "byline", "bylines.timestamp_place"))
    return found


def _lines_matching(text: str, pattern: regex.Pattern | re.Pattern, ctx: _Lines | None,
                    pos: int = 0) -> Iterator[tuple[_Lines, int, regex.Match | re.Match]]:
    """Each match of ``pattern`` in ``text`` from ``pos`` on with the text's lines (``ctx``,
    or read once on the first match when ``None``) and the index of the line it starts on."""
    for m in pattern.finditer(text, pos):
        ctx = ctx or _Lines(text)
        yield ctx, ctx.index(m.start()), m


#: Two names on one line joined by a bar: the author and the translator a re-posting site
#: credits under a translated piece's title (``John Miller | Thu Hà``): each two to four
#: capitalised words.
_NAME_BAR_NAME = regex.compile(
    r"^[ \t]*+(?P<first>\p{Lu}[\p{L}.'’-]*+(?:[ \t]++\p{Lu}[\p{L}.'’-]*+){1,3}+)[ \t]*+\|"
    r"[ \t]*+(?P<second>\p{Lu}[\p{L}.'’-]*+(?:[ \t]++\p{Lu}[\p{L}.'’-]*+){1,3}+)[ \t]*+$",
    regex.MULTILINE)
#: A short line with one bar, after a newline (the engine skips from one to the next; a
#: search for ``^`` tests every character) or, by ``match``, the first line. (Possessive:
#: a character given back is no bar and no newline, so neither ``\|`` nor ``$`` holds
#: after it.)
_ONE_BAR_LINE = re.compile(r"^[^\n|]{3,60}+\|[^\n|]{3,60}+$", re.MULTILINE)
_ONE_BAR_LINE_BELOW = re.compile(r"\n[^\n|]{3,60}+\|[^\n|]{3,60}+$", re.MULTILINE)
#: A bar, blanks and a capital: what stands at the bar of every ``_NAME_BAR_NAME`` match (the
#: second name opens with a ``\p{Lu}``, a letter ``_UP`` holds), searched for before the
#: short lines (the engine skips from bar to bar; that search tests every line start).
_BAR_BEFORE_CAPITAL = re.compile(rf"\|[ \t]*{_UP}")
#: The shortest line read as the lead a credit line stands above.
_CREDIT_LEAD_CHARS = 60


def _name_bar_name_lines(text: str, ctx: _Lines | None = None) -> list[Label]:
    """``bylines.author_translator``: the line right under the title that is two names joined
    by a bar, the lead below it, one of them every syllable a personal name's
    (``bylines_name_syllables.txt``) and neither a place or heading (``bylines_not_names.txt``):
    the author and the translator of a re-posted translation. Further down, without a lead
    below, or with no Vietnamese name (``Hà Nội | Đà Nẵng``, ``Giá Vàng | Tỷ Giá``) it stays.

    >>> text = "Vị tổng thống trung lập\\nJohn Miller | Thu Hà\\n" + "Ông đã rời nhiệm sở. " * 4
    >>> [text[x.start:x.end] for x in _name_bar_name_lines(text)]
    ['John Miller | Thu Hà']
    """
    if ("|" not in text or _BAR_BEFORE_CAPITAL.search(text) is None
            or _ONE_BAR_LINE.match(text) is None and _ONE_BAR_LINE_BELOW.search(text) is None):
        return []  # most texts: no short line with one bar
    found = []
    for ctx, index, m in _lines_matching(text, _NAME_BAR_NAME, ctx):
        halves = (m.group("first"), m.group("second"))
        if not all(map(_is_name, halves)) or not any(
                _all_name_syllables(half, None) for half in halves):
            continue
        above = ctx.nonblank(index, -1, past_removed=False)
        below = ctx.nonblank(index, 1, past_removed=False)
        if (above is None or ctx.nonblank(above, -1, past_removed=False) is not None
                or below is None or len(ctx.lines[below].strip()) < _CREDIT_LEAD_CHARS):
            continue
        found.append(Label(m.start(), m.end(), "byline", "bylines.author_translator"))
    return found


#: A "Nguồn:" line, and a translator's credit line (``Biên dịch: X``, ``Lược dịch: X``,
#: ``Người dịch: X``, ``Dịch giả: X``, ``Dịch: X``).
_NGUON_LINE = re.compile(r"^[ \t]*Nguồn[ \t]*:[^\n]{2,300}$", re.MULTILINE)
_TRANSLATOR_LINE = regex.compile(
    r"[ \t]*+(?:(?:[Bb]iên|[Ll]ược)[ \t]dịch|Người[ \t]dịch|Dịch(?:[ \t]giả)?+)"
    r"[ \t]*+:[ \t]*+\p{Lu}")


def _translated_source_lines(text: str, ctx: _Lines | None = None) -> list[Label]:
    """``bylines.translated_source``: a ``Nguồn:`` line right above or below a translator's
    credit (``Biên dịch: X``): the original a translated piece cites, however it is written
    (its authors, its title in quotes, its journal and issue). Without the credit next to it a
    ``Nguồn:`` line is judged as the attribution shapes judge it.

    ``ctx``: the text's lines, whose ``nguon`` (its first "Nguồn") spares a search for one;
    every ``Nguồn:`` line starts at or after the start of that one's line, where the
    search for them starts (``^`` holds there, after a newline or at the text's start).

    >>> text = "Ai thắng?\\nNguồn: A. Lee, “Who Won,” Foreign Affairs, 2023\\nBiên dịch: Thu Hà"
    >>> [text[x.start:x.end] for x in _translated_source_lines(text + "\\nBài.")]
    ['Nguồn: A. Lee, “Who Won,” Foreign Affairs, 2023']
    """
    nguon = _find_nguon(text) if ctx is None else ctx.nguon
    if nguon < 0 or "dịch" not in text and "Dịch" not in text:
        return []  # most texts: no source line, or no translator credited
    found = []
    for ctx, index, m in _lines_matching(text, _NGUON_LINE, ctx,
                                         text.rfind("\n", 0, nguon) + 1):
        for step in (-1, 1):
            near = ctx.nonblank(index, step, past_removed=False)
            if near is not None and _TRANSLATOR_LINE.match(ctx.lines[near]):
                found.append(Label(m.start(), m.end(), "byline", "bylines.translated_source"))
                break
    return found


#: A re-posting site's own short name (one to three capitalised words, no digit) and a dash
#: opening the lead, the lead's time of news right after it
#: (``bylines_lead_time_openers.txt``: ``Tre Xanh - Ngày 3/5, ...``); group ``prefix``: the
#: name, the dash and the blank after it.
_NAMED_PREFIX = regex.compile(
    r"^[ \t]*+(?P<prefix>\p{Lu}\p{Ll}*+(?:[ \t]\p{Lu}\p{Ll}*+){0,2}+[ \t]++[-–][ \t]++)"
    rf"(?:{trie(word_list('bylines_lead_time_openers.txt'))})[ \t]++(?:\d|nay|qua|mai)",
    regex.MULTILINE)
#: How many non-blank lines from the top the lead may stand on (a title, a date above it),
#: and the shortest lead.
_NAMED_PREFIX_LINES = 4
_NAMED_PREFIX_LEAD_CHARS = 100


def _named_prefix_lines(text: str, ctx: _Lines | None = None) -> list[Label]:
    """``bylines.named_prefix``: a re-posting site's own name and a dash before the lead's
    time of news (``Tre Xanh - Ngày 3/5, trang tin X đăng ...``), as a blog that copies a
    story prints its brand where a paper prints its agency; only the prefix goes, only on a
    line of at least ``_NAMED_PREFIX_LEAD_CHARS`` characters among the text's first
    ``_NAMED_PREFIX_LINES`` non-blank lines. A place goes so too (``Hà Nội - Sáng 5/6, ...``:
    a dateline). Further down, before no time word (``Mỹ - Trung Quốc đã ...``, ``Lễ khai
    mạc - Sáng nay`` on a short line) it stays.

    >>> text = "Tiêu đề bài\\nTre Xanh - Ngày 16/02, trang tin X đăng bài viết về nghĩa vụ "
    >>> text += "quân sự, xuyên tạc truyền thống của quân đội."
    >>> [text[x.start:x.end] for x in _named_prefix_lines(text)]
    ['Tre Xanh - ']
    """
    ctx = ctx or _Lines(text)
    for index in ctx.first_filled(_NAMED_PREFIX_LINES):  # (the length first: few leads)
        line = ctx.lines[index]
        if len(line) >= _NAMED_PREFIX_LEAD_CHARS and len(
                line.strip()) >= _NAMED_PREFIX_LEAD_CHARS and (
                m := _NAMED_PREFIX.match(text, ctx.starts[index])) is not None:
            return [Label(m.start("prefix"), m.end("prefix"), "byline", "bylines.named_prefix")]
    return []


def _dashed_agency_tails(text: str) -> list[Label]:
    """``bylines.source_attribution``: a known agency or paper (``bylines_agencies.txt``)
    after a dash closing a story paragraph, right after its sentence's end (``... trong cuộc
    họp báo thường kỳ. - VOA``), as a digest credits each item it copies; the paragraph
    stays. Between two names (``Đài BBC - VOA``), after no sentence end, or after a closing
    quote (``"... hai nước." - Reuters``: whom a press review quotes) it stays.

    >>> text = "Người phát ngôn nhấn mạnh điều này trong cuộc họp báo thường kỳ hôm qua. - VOA"
    >>> [text[lab.start:lab.end] for lab in _dashed_agency_tails(text)]
    [' - VOA']
    """
    size = len(text) + 1  # the reversed text opens with a newline: the last line's end
    found = []
    for m in _DASHED_AGENCY_TAIL_REVERSED.finditer("\n" + text[::-1]):
        at = size - m.end(1)
        if _is_prose_line(text[text.rfind("\n", 0, at) + 1:at].strip()):
            found.append(Label(at, size - m.start(1), "byline", "bylines.source_attribution"))
    return found[::-1]


def _page_cited_tails(text: str) -> list[Label]:
    """``bylines.source_attribution``: the paper and page a press digest credits in brackets
    closing a story paragraph, right after its last sentence's end (``... gần 2.200 trẻ mắc
    bệnh… (Tiền phong, trang 6).``; words for a page: ``bylines_page_cites.txt``); the
    paragraph stays. A bracket that is part of a sentence (no sentence end before it, or
    text after it on the line) stays.

    >>> text = "Số ca mắc tăng nhanh trong tuần qua. (Nhân Dân, trang 3)."
    >>> [text[lab.start:lab.end] for lab in _page_cited_tails(text)]
    ['(Nhân Dân, trang 3).']
    """
    if _PAGE_CITE_GATE.search(text) is None:  # (one C search: most texts cite no page)
        return []
    found = []
    for m in _PAGE_CITED_TAIL.finditer(text):
        if _SENTENCE_END_BEFORE.search(text, max(0, m.start() - 6), m.start()) is not None:
            found.append(Label(m.start(), m.end(), "byline", "bylines.source_attribution"))
    return found


_PAGE_CITE_WORDS = word_list("bylines_page_cites.txt")
#: A comma, a page word and its number: where a cited page may be.
_PAGE_CITE_GATE = re.compile(r",[ \t]*(?:%s)[ \t]*\d" % alternation(_PAGE_CITE_WORDS))
#: A paper's name (capitalised first word, no digits), a comma, a page word and its number
#: (maybe a range) in brackets, ending the line.
_PAGE_CITED_TAIL = regex.compile(
    r"\(\p{Lu}[\p{L}&.\- ]{0,40}+(?<! ),[ \t]*+(?:%s)[ \t]*+"
    r"\d{1,3}(?:[-–]\d{1,3})?+\)\.?+(?=[ \t]*+$)" % trie(_PAGE_CITE_WORDS),
    regex.V1 | regex.MULTILINE)
#: A sentence's end and a blank right before such a bracket.
_SENTENCE_END_BEFORE = re.compile(r"[.!?…][\"”’)]?[ \t]{1,3}\Z")


#: A known agency after a dash and a blank, right after a sentence's end (not a closing
#: quote's: ``"..." - Reuters`` names whom the story quotes), then the line's end, read on
#: the REVERSED text: each try starts at a newline (found in C) and fails at
#: once unless an agency's last letter stands before it. Group 1 is the dash and the agency.
_DASHED_AGENCY_TAIL_REVERSED = re.compile(
    r"\n[ \t]*(?=%s)((?:%s) [-–] )(?=[.!?…])"
    % (_opening_class(name[::-1] for name in _AGENCY_SET),
       trie(tuple(name[::-1] for name in _AGENCY_SET))))


#: A comma and a date ending a line: where an outlet's date line can be.
_DATE_ENDS_LINE = re.compile(r",[^\S\n]+\d{1,2}/\d{1,2}/\d{4}[^\S\n]*$", re.MULTILINE)
#: Its date's month and year ending a line (a necessary condition, at most one per line).
_MONTH_YEAR_ENDS_LINE = re.compile(r"/\d{1,2}/\d{4}[^\S\n]*$", re.MULTILINE)


def _date_line_ends(text: str) -> Iterator[re.Match]:
    """``_DATE_ENDS_LINE.finditer(text)``, found from the "/" of the month instead of the
    comma: a story has ten commas for every "/", and the engine skips to a literal first
    character at C speed, but tries the pattern at each one.

    Every match ends a line, so a line holds at most one, and its month and year end the
    line as ``_MONTH_YEAR_ENDS_LINE`` reads them (a necessary condition, one place per
    line: from an earlier "/" the digits and the year would have to reach the line's end
    too). On such a line the comma's match is searched for from the line's start up to
    that end, where ``$`` holds as it did: the same match, and none on any other line.

    >>> text = "Tin: RFA, 23/05/2022\\nNgày 1/2/2020 mưa, 3/4/2021 rồi\\nVOA, 1/12/2021 "
    >>> [m.group() for m in _date_line_ends(text)]
    [', 23/05/2022', ', 1/12/2021 ']
    """
    for tail in _MONTH_YEAR_ENDS_LINE.finditer(text):
        line_start = text.rfind("\n", 0, tail.start()) + 1
        hit = _DATE_ENDS_LINE.search(text, line_start, tail.end())
        if hit is not None:
            yield hit


#: ``[Name, ]Outlet, dd/mm/yyyy`` filling a line (outlets: ``bylines_agencies.txt``).
_OUTLET_DATE = LazyPattern(
    rf"[^\S\n]*+(?P<line>(?:(?P<name>\p{{Lu}}[\p{{L}}.]*+(?:[^\S\n]\p{{Lu}}[\p{{L}}.]*+){{1,3}}),"
    rf"[^\S\n]++)?+(?:{named_list(tuple(agency_names()))}),[^\S\n]++\d{{1,2}}/\d{{1,2}}/\d{{4}})"
    rf"[^\S\n]*+",
    regex.V1)


#: An aggregator card's age of the item at a line's end: ``67 ngày``, ``3 giờ trước`` (never
#: years: ``Báo Nhân Dân 75 năm`` is an anniversary's title). Searched first, few lines end so.
_AGE_ENDS_LINE = re.compile(r"[ \t]\d{1,3}[ \t](?:phút|giờ|ngày|tuần)(?:[ \t]trước)?[ \t]*$",
                            re.MULTILINE)
#: The line itself: a known paper (maybe after ``Báo`` or ``Tạp chí``), maybe printed twice
#: (the card's logo text and its name), then the age, maybe after a separator.
_OUTLET_AGE = LazyPattern(
    rf"[^\S\n]*+(?P<line>(?:(?:Báo|Tạp[ \t]chí)[ \t]++)?+(?P<name>{_AGENCIES})"
    rf"(?:[ \t]++(?:(?:Báo|Tạp[ \t]chí)[ \t]++)?+(?P=name))?+[ \t]*+[-–|•·]?+[ \t]*+"
    r"\d{1,3}[ \t](?:phút|giờ|ngày|tuần)(?:[ \t]trước)?+)[^\S\n]*+",
    regex.V1)


def _outlet_age_lines(text: str) -> list[Label]:
    """``bylines.outlet_date``: a line that is only a known paper and the age an aggregator's
    card gives the item it copied (``Tuổi Trẻ 2 giờ``, the paper maybe printed twice, as
    the card's logo and its name: ``Báo Lao Động Báo Lao Động 5 ngày``). A sentence never
    ends at a paper's name and a count of days; a count of years (an anniversary) stays.

    >>> text = "Mưa lớn kéo dài ở miền Trung.\\nBáo Lao Động Báo Lao Động 5 ngày"
    >>> [text[lab.start:lab.end] for lab in _outlet_age_lines(text)]
    ['Báo Lao Động Báo Lao Động 5 ngày']
    """
    found = []
    for hit in _age_line_ends(text):
        start = text.rfind("\n", 0, hit.start()) + 1
        m = _OUTLET_AGE.fullmatch(text, start, hit.end())
        if m is not None:
            found.append(Label(m.start("line"), m.end("line"), "byline", "bylines.outlet_date"))
    return found


#: How far from the text's start or end such a line's end is looked for (characters): the
#: card's source line stands under the title or closes the copied story; a scan of the whole
#: text for its ending cost as much as a tenth of this cleaner.
_AGE_LINE_REACH = 400


def _age_line_ends(text: str) -> Iterator[re.Match]:
    """``_AGE_ENDS_LINE``'s matches ending a line within ``_AGE_LINE_REACH`` characters of the
    text's start or end (a match the window's edge cut off, ending no line, is none)."""
    n = len(text)
    head_end = min(n, _AGE_LINE_REACH)
    for low, high in ((0, head_end), (max(head_end, n - _AGE_LINE_REACH), n)):
        for hit in _AGE_ENDS_LINE.finditer(text, low, high):
            if hit.end() == n or text[hit.end()] == "\n":
                yield hit


def _paper_under_title(text: str) -> list[Label]:
    """A paper's name alone on the line under the title, with the lead below it (maybe after
    a date line): the source an aggregator names (``Báo Tuổi Trẻ``, ``Tuổi Trẻ Online``,
    ``VnExpress``, ``tuoitre.vn``): a known paper, maybe after ``Báo`` or before ``Online``
    or ``điện tử``, or a site's domain; or a paper named in sentence case after a word for
    one (``Báo Tin tức``), only with its timestamp on the same line (which goes with it) or
    on the next. Such a line opening the text, with no title above it, goes as well.

    >>> text = "Mưa lớn ở Hà Nội\\nBáo Tuổi Trẻ\\nSáng nay, mưa lớn khiến nhiều phố ngập sâu."
    >>> [text[lab.start:lab.end] for lab in _paper_under_title(text)]
    ['Báo Tuổi Trẻ']
    >>> text = "Mưa lớn ở Hà Nội\\nBáo Tin tức 01/12/2024 08:05\\nSáng nay, mưa lớn khiến phố ngập."
    >>> [text[lab.start:lab.end] for lab in _paper_under_title(text)]
    ['Báo Tin tức 01/12/2024 08:05']

    With no title above, the same line opening the text goes too:

    >>> text = "Báo Tuổi Trẻ\\nSáng nay, mưa lớn khiến nhiều phố ngập sâu."
    >>> [text[lab.start:lab.end] for lab in _paper_under_title(text)]
    ['Báo Tuổi Trẻ']
    """
    if not _title_line_ends(text):
        return []  # (most flattened pages: the pattern is never read)
    m = _PAPER_UNDER_TITLE.match(text) if _PAPER_UNDER_TITLE_GATE.match(text) else None
    if m is None or _is_prose_line(m.group("title").strip()):
        m = _PAPER_ATOP.match(text) if _PAPER_ATOP_GATE.match(text) else None
        if m is None:
            return []
    when = m.group("when")
    if when is not None and not (_DATE.search(when) or _RELATIVE.search(when)):
        return []  # "Báo Tin tức Ngày" is no source over a timestamp
    below = _next_line(text, m.end())
    dated = when is not None
    if not dated and _is_date_line(below):
        below = _next_line(text, text.find("\n", m.end()) + 1 or len(text))  # its date first
        dated = True
    if not _is_prose_line(below) or (m.group("named") is not None and not dated):
        return []  # a paper named in sentence case only with its timestamp ("Đài Loan")
    if below[:1].islower() or _lead_is_about(m.group("paper"), below):
        return []  # "Báo Tuổi Trẻ" / "vừa tròn 50 tuổi, ...": the paper opens the sentence
        # (or the lead opens with the same name: "Tuổi Trẻ" / "Tuổi Trẻ Cười tròn 40 năm")
    end = m.end("paper") if when is None else m.end("when")  # a timestamp on its line goes
    return [Label(m.start("paper"), end, "byline", "bylines.source_attribution")]


def _title_line_ends(text: str) -> bool:
    """A newline stands where ``_PAPER_UNDER_TITLE``'s title may end: at position 10 or
    later, at most 300 characters after the blanks opening the text (a necessary condition,
    read by ``str.find``: the blanks the ``regex`` pattern skips are ``str.isspace`` ones,
    so its title starts there or before).

    >>> _title_line_ends("Mưa lớn ở Hà Nội\\nBáo Tuổi Trẻ"), _title_line_ends("Mưa lớn. " * 40)
    (True, False)
    """
    first = _NON_SPACE.search(text)
    return first is not None and text.find("\n", 10, first.start() + 301) >= 0


def _next_line(text: str, pos: int) -> str:
    """The first non-blank line at or after ``pos`` (a line start), stripped, read within
    ``_NEXT_LINE_READ`` characters."""
    line = next(nonblank_lines(text, pos, pos + _NEXT_LINE_READ), None)
    return "" if line is None else line.group()


_NEXT_LINE_READ = 2000
_DATE_LINE_MAX = 60


def _is_date_line(line: str) -> bool:
    """A short line (stripped) holding a date or a relative time: a timestamp a scraper put
    between a title's source or a lead's prefix and the lead."""
    return len(line) <= _DATE_LINE_MAX and (
        _DATE.search(line) or _RELATIVE.search(line)) is not None


#: (an aggregator's source line: the paper, maybe named in sentence case after a word for
#: one, "Báo Tin tức", and maybe its timestamp on the same line: "Báo Tin tức 01/12/2024 08:05")
_PAPER_LINE = (
    rf"(?P<paper>(?:(?:Báo|Tạp chí){_H}++)?+{_AGENCIES}"
    rf"(?:{_H}++{_ONLINE_EDITION})?+|(?:[a-z\d-]{{2,30}}+\.)++(?:vn|com|net|org|info)"
    rf"|(?P<named>(?:{_MEDIA})(?:{_H}(?:\p{{Lu}}\p{{L}}{{0,6}}+(?:{_H}\p{{Ll}}{{1,7}}+"
    rf"(?![\p{{L}}\d]))?+|(?:và|&)(?![\p{{L}}\d]))){{1,5}}+"
    # (or around "&" with no such word: "Thể thao & Văn hóa 5 giờ trước", "Sức khỏe & Đời sống")
    rf"|\p{{Lu}}\p{{Ll}}{{0,6}}+(?:{_H}\p{{Ll}}{{1,7}}+)?+{_H}&{_H}\p{{Lu}}\p{{Ll}}{{0,6}}+"
    rf"(?:{_H}\p{{Ll}}{{1,7}}+)?+))(?![\p{{L}}\d.])"
    rf"(?:{_H}*+[-–|•·,]?+{_H}*+(?P<when>{_dateline_pattern()}))?+[ \t|.]*+\n\s*+")
_PAPER_UNDER_TITLE = LazyPattern(rf"\s*+(?P<title>[^\n]{{10,300}}+)\n\s*+{_PAPER_LINE}", regex.V1)
#: The same source line opening the text, no title above it (an aggregator's copy whose
#: title the scraper kept apart): ``Báo Thanh Niên`` / the lead.
_PAPER_ATOP = LazyPattern(rf"\s*+{_PAPER_LINE}", regex.V1)
#: How ``_PAPER_LINE`` opens (a necessary condition, read off it): a word for a paper, a
#: known agency, a domain's first label and its dot, or a name with ``&`` in its first 16
#: characters (classes wider than the pattern's, which the stdlib reads as ``regex`` does).
_PAPER_LINE_OPENS = rf"(?:Báo|Tạp chí|{_AGENCIES}|{_MEDIA}|[^\s.]{{2,30}}\.|[^\n]{{1,16}}&)"
#: The gates of ``_PAPER_UNDER_TITLE`` and ``_PAPER_ATOP``: stdlib ``re`` matches that cost far
#: less than the patterns (each gate's ``\s`` takes every blank the pattern's does, and
#: gives back what the pattern's possessive parts keep: it holds wherever they match).
_PAPER_UNDER_TITLE_GATE = re.compile(rf"\s*[^\n]{{10,300}}\n\s*{_PAPER_LINE_OPENS}")
_PAPER_ATOP_GATE = re.compile(rf"\s*{_PAPER_LINE_OPENS}")


#: A dateline opening a text, glued before the next words (a page flattened onto one line),
#: with the page's counters after it (``Thứ năm, 29/7/2021, 16:18 Lượt đọc: 50``).
_HEAD_DATELINE = LazyPattern(
    rf"[\s|]*+(?P<dateline>(?P<stamp>{_dateline_pattern()}){_FLAT_COUNTERS})"
    rf"(?={_H}++[\p{{Lu}}\d\"“])",
    regex.V1)
#: Its gate (a necessary condition, a stdlib ``re`` match that costs far less): after what
#: is no word character nor ``(`` (a superset of the blanks it skips), a dateline's first
#: word or number, as for a dateline line (``_OPENS``).
_HEAD_DATELINE_GATE = re.compile(rf"[^\w(]*(?:{trie(_DATELINE_STARTS)}|{_DATE_NUMBER})")
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_WEEKDAY = LazyPattern(WEEKDAY_PATTERN)


def _flat_head_dateline(text: str, end: int) -> list[Label]:
    """``bylines.flat_dateline``: the page's dateline opening a text flattened onto one
    long line (ending at ``end``), glued before the title (once the menu before it is
    gone). It must be a full timestamp: a date with its year and a time or zone, or a
    weekday and a dated year, or a bare date with its year (``22/11/2024``); a lead that
    opens with its news's day (``Ngày 22/11, ...``) stays.

    >>> page = "Thứ bảy, 22/11/2026, 08:30 (GMT+7) Quảng Nam khởi công đường. " * 9
    >>> [page[x.start:x.end] for x in _flat_head_dateline(page, len(page))]
    ['Thứ bảy, 22/11/2026, 08:30 (GMT+7)']
    """
    if _HEAD_DATELINE_GATE.match(text, 0, end) is None:
        return []  # no dateline's first word where the text opens: most pages
    m = _HEAD_DATELINE.match(text, 0, end)
    if m is None:
        return []
    body = m.group("stamp")  # (without the counters after it)
    if not (_full_timestamp(body) or _BARE_DATE.fullmatch(body)):
        return []
    return [Label(m.start("dateline"), m.end("dateline"), "byline", "bylines.flat_dateline")]


#: A date with its year and nothing else (``22/11/2024``): opening a flattened page before a
#: capitalised word (a title), it is the page's dateline; a lead says ``Ngày 22/11/2024, ...``.
_BARE_DATE = regex.compile(r"\d{1,2}/\d{1,2}/\d{4}")


def _full_timestamp(body: str) -> bool:
    """A date with its year and a time or zone, or a weekday and a dated year."""
    return bool(_YEAR.search(body) and _DATE.search(body)
                and (_TIME.search(body) or _ZONED.search(body) or _WEEKDAY.match(body)))


def _flat_head_agency(text: str, end: int) -> list[Label]:
    """``bylines.agency_prefix``: the lead's agency prefix glued after the title at the head
    of a page flattened onto one long line (ending at ``end``: ``... giải điền kinh châu Á
    TTO - Nữ vận động viên ...``): a known agency, in brackets or as written in capitals or
    as a domain, or a provincial paper's domain in brackets (``(Baonghean.vn) - ``:
    ``_PAPER_DOMAIN``), then a dash and a capital, within the line's first
    ``_FLAT_HEAD_REACH`` characters, after a title's last word (a word or a closing quote,
    no sentence end: the title has none). When the prefix opens the dateline and comes
    again before the lead (``TPO - Thứ Sáu, 22/11/2024 09:00 TPO - Bé trai ...``), the
    dateline and the second prefix go too.

    >>> page = "Oanh giành HCV châu Á TTO - Nữ vận động viên Oanh đã thắng. " * 9
    >>> [page[x.start:x.end] for x in _flat_head_agency(page, len(page))]
    ['TTO - ']
    """
    reach = min(end, _FLAT_HEAD_REACH)
    if (text.find("-", 0, reach) < 0 and text.find("–", 0, reach) < 0
            and text.find("|", 0, reach) < 0):
        return []  # no dash or bar: no prefix (C searches spare most heads the pattern)
    m = _GLUED_PREFIX.search(text, 0, reach)
    if m is None or len(_WORD.findall(text, 0, m.start())) < _FLAT_TITLE_MIN_WORDS:
        return []
    labels = _flat_name_before(text, m.start())
    labels.append(Label(m.start(), m.end(), "byline", "bylines.agency_prefix"))
    # "TPO - Thứ Sáu, 22/11/2024 09:00 TPO - Bé trai ...": the prefix printed with the
    # dateline, then again before the lead (tienphong, vov): all three go in one pass.
    dated = _HEAD_DATELINE.match(text, m.end(), end)
    if dated is not None and _full_timestamp(dated.group("stamp")):
        again = _GLUED_PREFIX.match(text, _HSPACE_RUN.match(text, dated.end()).end(), end)
        if again is not None:
            labels.append(Label(dated.start("dateline"), dated.end("dateline"), "byline",
                                "bylines.flat_dateline"))
            labels.append(Label(again.start(), again.end(), "byline", "bylines.agency_prefix"))
    return labels


_HSPACE_RUN = regex.compile(r"[ \t]*+")


def _flat_title_dateline(text: str, end: int) -> list[Label]:
    """``bylines.flat_dateline``: the page's dateline glued after the title on a page
    flattened onto one long line (ending at ``end``): a full timestamp (a date with its
    year and a time or zone, or a weekday and a dated year) after a title's last word,
    within the line's first ``_FLAT_HEAD_REACH`` characters, with no sentence end before
    it (a title has none: a story sentence that gives a date and time stays), no word
    before it that binds a time to a sentence (``vào``, ``lúc``:
    ``bylines_time_binders.txt``) unless a lead's agency prefix follows it
    (``... kỳ điều hành tới Thứ Hai, 08:15, 25/11/2024 VOV.VN - ``: ``tới`` is
    "next" there), no lowercase first word (``vệ tinh thứ tư 30-11-2024``: an ordinal,
    and the date alone goes; ``lúc 08:00``) and a capital, a digit, a quote or a bracket
    after it (the lead or its agency prefix).

    >>> page = "Quảng Nam khởi công đường ven biển Thứ bảy, 22/11/2026 08:30 Sáng nay, ... " * 9
    >>> [page[x.start:x.end] for x in _flat_title_dateline(page, len(page))]
    ['Thứ bảy, 22/11/2026 08:30']
    """
    reach = min(end, _FLAT_HEAD_REACH)
    stop = _SENTENCE_END.search(text, 0, reach)  # past it: a sentence of the story
    limit = reach if stop is None else stop.start()
    if stop is not None and text[stop.start()] in "?!":
        # a headline that asks or exclaims: its dateline may stand right after the mark
        limit = min(reach, stop.end() + _ASKED_REACH)
    if _YEAR_DIGITS.search(text, 0, min(end, limit + _YEAR_REACH)) is None:
        return []  # no year near the head: no full timestamp (one C search, most pages)
    for gate in _TITLE_DATELINE_GATE.finditer(text, 0, limit):
        start = gate.start("opens")
        if text[start].islower():  # "vệ tinh thứ tư", "lúc 08:00": no dateline's start
            continue
        bound = text[text.rfind(" ", 0, start - 1) + 1:start - 1] in _TIME_BINDERS
        m = _TITLE_DATELINE.match(text, start, end)
        if m is not None and bound and _GLUED_PREFIX.match(
                text, _HSPACE_RUN.match(text, m.end()).end(), end) is None:
            continue  # "diễn ra vào Thứ bảy, ...": but "... kỳ điều hành tới Thứ Hai,
            # 08:15, 25/11/2024 VOV.VN - ": a lead's agency prefix after it, a dateline
        if m is not None and _full_timestamp(m.group("stamp")):
            if len(_WORD.findall(text, 0, start)) < _FLAT_TITLE_MIN_WORDS:
                return []
            named = _flat_name_before(text, start)
            if not named and text[start - 2] in _FLAT_NAME_SEPARATORS:
                continue  # "... - 03/10/2018 14:20": a bar or dash after no author's name
            # (an unknown outlet's prefix right after it goes with it; a known one is
            # _flat_head_agency's)
            at = _HSPACE_RUN.match(text, m.end()).end()
            after = _PREFIX_AFTER_DATELINE.match(text, at, end)
            if after is not None and _GLUED_PREFIX.match(text, at, end) is not None:
                after = None
            stop = m.end("dateline") if after is None else after.end()
            return [*named, Label(m.start("dateline"), stop, "byline", "bylines.flat_dateline")]
    return []


#: The lead's prefix right after a flattened page's dateline: a short name in brackets, then a
#: dash and the lead's capital ("... 12:00 22/10/2020 (Mặt trận) -Sáng 21-10, ..."); or the
#: domain of the site an aggregator copied the story from, then the lead's capital ("... 0
#: 02.03.2025 08:15 Dantri.com.vn Bộ Y tế ...").
_PREFIX_AFTER_DATELINE = regex.compile(
    r"\(\p{Lu}[\p{L}\d.&+]{0,15}+(?:[ \t][\p{L}\d.&+]{1,15}+){0,2}+\)"
    rf"[ \t]*+[-–—][ \t]*+(?=\p{{Lu}})|{_SITE_DOMAIN}[ \t]++(?=\p{{Lu}})", regex.V1)


#: Where a dateline may open after a title's last word (a weekday, a day or a time) ...
#: (or after the bar or dash that follows the author's name: "Thiên Di | 03/10/2018 14:20")
#: Group ``opens``: the opening, after the blank the pattern reads first. (A blank first, a
#: look-behind at the character before it next: the engine skips to each blank in C instead
#: of testing a look-behind at every character; the blank is never one a match ends with,
#: so the search from the end of a match finds what the look-behind alone found.)
_TITLE_DATELINE_GATE = re.compile(
    r"[ \t](?<=[^\W_][ \t]|[\"”’)|–\-?!][ \t])(?P<opens>%s|%s)" % (
        trie(_DATELINE_STARTS), _DATE_NUMBER))
_FLAT_NAME_SEPARATORS = "|–-"
#: How far past a headline's ``?`` or ``!`` its dateline (or the author's name before it)
#: may open.
_ASKED_REACH = 60
#: A year's digits (a stdlib ``re`` search), and how far past the title's end a dateline
#: that opens before it may reach.
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_YEAR_REACH = 60
#: ... the dateline there, maybe with the site's section after a bar (``Thứ Năm, 16/07/2026
#: 17:17 | Thế giới``, ``| Thị trường chứng khoán``) and the page's counters after it
#: (``Thứ năm, 29/7/2021, 16:18 Lượt đọc: 50``: ``bylines_counters.txt``), before the lead
#: (a capital, digit or quote) or its agency prefix
_TITLE_DATELINE = LazyPattern(
    rf"(?P<dateline>(?P<stamp>{_dateline_pattern()}(?:{_H}*+[|•·]{_H}*+(?:{_SECTION_PHRASE}"
    rf"|{_SECTIONS})(?![\p{{L}}\d]))?+){_FLAT_COUNTERS})(?={_H}++[\p{{Lu}}\d\"“(])", regex.V1)
#: Words that bind a timestamp to the sentence before it ("diễn ra vào Thứ bảy, ...").
_TIME_BINDERS = word_set("bylines_time_binders.txt")
#: A sentence's end inside a line: the title before a dateline has none.
_SENTENCE_END = regex.compile(r"[.!?…][\"”’)]?+[ \t]")


#: How far into a flattened page's first line its title ends.
_FLAT_HEAD_REACH = 400
_FLAT_TITLE_MIN_WORDS = 4
#: A provincial paper's domain as its lead prefix writes it in brackets ("(Baonghean.vn)",
#: "(Dangcongsan.vn)"): one capitalised word, no dot inside, a Vietnamese or generic TLD.
_PAPER_DOMAIN = r"\p{Lu}[\p{Ll}\d]{3,30}+\.(?:vn|VN|com\.vn|com|net|org)"
#: A known agency's lead prefix after a title's last word: in brackets (any alias), or as
#: written when it is capitals or a domain ("TTO", "VOV.VN", "VTV.vn").
_GLUED_PREFIX = LazyPattern(
    r"(?<=[\p{L}\d\"”’)][ \t])(?:\((?:%s|%s)\)|(?:%s))[ \t]*+[-–|][ \t]*+(?=\p{Lu})" % (
        _PAPER_DOMAIN,
        trie(tuple(agency_names())),
        trie(tuple(a for a in agency_names()
                   if a.split()[0].isupper() or a.lower().endswith((".vn", ".com"))))),
    regex.V1)


#: The author's name glued between the title and the lead's agency prefix or the dateline
#: of a flattened page: two or three capitalised syllables after the title's last word (a
#: lowercase word, a number or a closing quote), right before the prefix or dateline.
_TITLE_LAST_WORD = r"(?<=(?:^|\s)(?:\p{Ll}\p{L}*|\d+|\S*[\"”’)])[ \t])"
_FLAT_NAME_REACH = 49  # (three syllables of seven letters, the blanks, a bar; "Theo " before)
_FLAT_NAME_AT = regex.compile(
    rf"{_TITLE_LAST_WORD}(?:Theo[ \t]++)?+(?P<name>{_SYL}(?:[ \t]{_SYL}){{1,2}}+)[ \t]++"
    rf"(?:[|–-][ \t]++)?+\Z", regex.V1)


def _flat_author(text: str, name: str, start: int, credited: bool = False) -> bool:
    """``name`` (at ``start``) is the author's, glued after a flattened page's title: every
    syllable a personal name's, no place or heading, after the title's first words, and
    nowhere else in the text (a title that ends with a person's name names them again in
    the story: ``Gặp nhà văn Nguyễn Nhật Ánh Nhà văn Nguyễn Nhật Ánh vừa ...``) unless
    ``credited`` (after ``Theo``: the page's sign-off may credit them again)."""
    return (_all_name_syllables(name, None) and _is_name(name)
            and len(_WORD.findall(text, 0, start)) >= _FLAT_TITLE_MIN_WORDS
            and (credited or text.find(name, start + len(name)) < 0
                 and text.rfind(name, 0, start) < 0))


def _flat_name_before(text: str, end: int) -> list[Label]:
    """``bylines.flat_author``: the author's name glued right before the lead's agency
    prefix or the dateline found after a flattened page's title (``... THPT 2025 Vân Trang
    LĐO | Bộ ...``), maybe after ``Theo`` (``... 5 người chết Theo Phạm Trường | 20-07-2026
    - 00:15 AM ...``).

    >>> page = "Bộ công bố phương án thi tốt nghiệp THPT 2025 Vân Trang LĐO | Bộ vừa công bố."
    >>> [page[x.start:x.end] for x in _flat_name_before(page, page.index("LĐO"))]
    ['Vân Trang ']
    >>> page = "Gặp nhà văn Nguyễn Nhật Ánh TTO - Nhà văn Nguyễn Nhật Ánh vừa ra sách mới."
    >>> _flat_name_before(page, page.index("TTO"))
    []
    """
    m = _FLAT_NAME_AT.search(text, max(0, end - _FLAT_NAME_REACH), end)
    if m is None or not _flat_author(text, m.group("name"), m.start("name"),
                                     credited=m.start() < m.start("name")):
        return []
    return [Label(m.start(), m.end(), "byline", "bylines.flat_author")]


def _name_labels(ctx: _Lines, authors: list[regex.Match],
                 sets: tuple[set[int], set[int]], tail: set[int],
                 datelines: set[int], attributions: set[int]) -> list[Label]:
    """Labels for the name lines: sign-offs, names above a timestamp, the lines of
    ``anywhere``, and names at the top of the story; then the notes under a sign-off.

    Sign-offs are judged from their neighbours, top-down, so the second line of a two-line
    sign-off ("Tổng hợp từ SCMP" / "Trường Thịnh") sees the first accepted. Names at the
    top are judged last, among the lines that stay once the list check has settled which
    name lines do. ``sets``: what :func:`_anywhere_lines` returns.
    """
    if not authors:
        return _follower_labels(ctx, tail)
    anywhere, listed = sets
    indexed = [(ctx.index(m.start()), m) for m in authors]
    candidates = {index for index, _ in indexed}
    names: list[Label] = []
    personal: set[int] = set()
    owner: dict[int, int] = {}  # note line -> the name line it was taken under
    top: list[tuple[int, regex.Match]] = []
    for index, m in indexed:
        if m.group("au_comma") is not None:  # only above its attribution: "Bảo Ngọc,"
            if _above_attribution(ctx, index, m, attributions):
                names.append(_name_label(ctx, index, m))
                ctx.removed.add(index)
                if not ctx.prose_after(index):
                    tail.add(index)
            continue
        if _paper_above_dateline(ctx, index, m, datelines):
            names.append(_name_label(ctx, index, m))  # "Znews" / "19/11/2024 09:40"
            ctx.removed.add(index)
            continue
        if index not in anywhere and not _author_match(m, ctx):
            continue
        notes = None if m.group("au_single") else _header_position(ctx, index, datelines)
        # (above a timestamp a name in capitals is an author's: "PGS, TS NGUYỄN VĂN DÂN";
        # after the story it must be all name syllables: "THÔNG CÁO" is a heading)
        signoff = notes is not None or (_author_position(ctx, index, tail, candidates)
                                        and (index in anywhere or _capitals_are_names(m)))
        if not signoff and index not in anywhere:
            top.append((index, m))  # judged at the end
            continue
        # a sign-off, or a byline where it stands (no notes; sign-off material only with
        # no more story below)
        names.append(_name_label(ctx, index, m))
        if signoff or not ctx.prose_after(index):
            tail.add(index)
        ctx.removed.add(index)  # (the lines of anywhere are removed already)
        if m.group("au_cue") is None:
            personal.add(index)
        for note in notes or ():  # kept only while the name above them is kept
            names.append(_line_label(ctx, note, "bylines.author_note"))
            ctx.removed.add(note)
            owner[note] = index
    kept = _without_lists(ctx, names, personal, owner, listed, anywhere) if names else names
    taken = {ctx.index(label.start) for label in kept}
    if len(kept) < len(names):
        dropped = {ctx.index(label.start) for label in names} - taken
        tail -= dropped
        ctx.restore(dropped)  # a list stays: its lines are neighbours again
    # At the top, among the lines that stay, a name goes unless names stay between
    # paragraphs below it (the story's subheadings, and it is the first of them) or next
    # to it, before or after the lines that go (a list).
    staying, listing = candidates - taken, None
    first = ctx.nonblank(-1, 1)
    firsts = (first, None if first is None else ctx.nonblank(first, 1))
    for index, m in top:
        if (index not in firsts or not _top_position(ctx, index, candidates)
                or not _top_author(m) or _heads_its_lead(ctx, index, m)):
            continue
        if listing is None:
            listing = _named_lines(ctx, authors) - taken
        if (not any(i > index and ctx.prose_after(i) for i in staying)
                and not ctx.next_to(index, listing)
                and not ctx.next_to(index, listing, past_removed=True)):
            kept.append(_name_label(ctx, index, m))
            ctx.removed.add(index)
            below = ctx.nonblank(index, 1)
            if ctx.nonblank(index, -1) is not None and _affiliation_line(ctx, below):
                kept.append(_line_label(ctx, below, "bylines.author_note"))
                ctx.removed.add(below)
    return kept + _follower_labels(ctx, tail)


def _paper_above_dateline(ctx: _Lines, index: int, m: regex.Match, datelines: set[int]) -> bool:
    """A known paper's name alone right above a dateline with story below: the source an
    aggregator names over the date (``Znews`` / ``19/11/2024 09:40``)."""
    return (_names_a_paper(m) and ctx.nonblank(index, 1, past_removed=False) in datelines
            and ctx.prose_after(index))


def _heads_its_lead(ctx: _Lines, index: int, m: regex.Match) -> bool:
    """The name line at the top names the subject of the line below it
    (:func:`_lead_is_about`): ``Văn Cao`` over ``Ông sinh ra ...`` is a biography's heading."""
    below = ctx.nonblank(index, 1)
    return below is not None and _lead_is_about(
        m.group("author"), ctx.lines[below].strip(), person=not _names_a_paper(m))


def _sentence_runs_on_below(ctx: _Lines, index: int) -> bool:
    """The next non-blank line goes on with line ``index``'s sentence: it opens with a
    lower-case word and a blank (``Theo EVN`` / ``giá điện sẽ tăng ...``; a link,
    ``https://...``, is no word)."""
    below = ctx.nonblank(index, 1, past_removed=False)
    return below is not None and _LOWER_WORD.match(ctx.lines[below].lstrip()) is not None


_LOWER_WORD = regex.compile(r"\p{Ll}++[ \t,]")


def _names_a_paper(m: regex.Match) -> bool:
    """The name line ``m`` is a known paper's name alone (``Tuổi Trẻ``, ``Znews``)."""
    return m.group("author").strip(" \t.") in _AGENCY_SET


def _above_attribution(ctx: _Lines, index: int, m: regex.Match,
                       attributions: set[int]) -> bool:
    """A person's name and a comma right above an attribution line (VCCorp's byline:
    ``Bảo Ngọc,`` / ``Theo Pháp luật & Bạn đọc 20/06/2024 09:15 AM``): the two read as one
    byline. Elsewhere a name line ending with a comma is a list's, and stays."""
    return (m.group("au_name") is not None and m.group("au_affil") is None
            and m.group("au_note") is None and m.group("au_theo") is None
            and ctx.nonblank(index, 1, past_removed=False) in attributions
            and _author_match(m, ctx) and _all_name_syllables(m.group("au_name"),
                                                              m.group("au_title")))


def _name_label(ctx: _Lines, index: int, m: regex.Match) -> Label:
    """A bare name line's label: a known paper's name alone (``Tuổi Trẻ`` under an
    aggregator's title) is its source, not an author."""
    rule = "bylines.source_attribution" if _names_a_paper(m) else "bylines.author_line"
    return _to_line_end(ctx, index, Label(m.start("author"), m.end("author"), "byline", rule))


def _anywhere_lines(ctx: _Lines, authors: list[regex.Match]) -> tuple[set[int], set[int]]:
    """The name lines that are bylines wherever they stand (:func:`_anywhere`), and those
    shaped so but standing next to another personal name line: a list in the story, judged
    as bare names are (and a name next to them is in a list too).

    Decided from the lines alone, before any other label, so that the lines around them
    are judged as they will be once they are gone.
    """
    anywhere: set[int] = set()
    listed: set[int] = set()
    shaped = [m for m in authors
              if _ANYWHERE_HINT.match(m.string, *m.span()) is not None
              and _anywhere(m) and _author_match(m, ctx)]
    if not shaped:
        return anywhere, listed
    named = _named_lines(ctx, authors)
    for m in shaped:
        index = ctx.index(m.start())
        if index in named and _next_to_another(ctx, index, named):
            listed.add(index)
        else:
            anywhere.add(index)
    return anywhere, listed


def _next_to_another(ctx: _Lines, index: int, named: set[int], *,
                     repeats_count: bool = False) -> bool:
    """The nearest non-blank line before or after ``index`` is one of ``named`` and not the
    same line word for word: a page template printing the sign-off twice
    (``Mai Anh (tổng hợp)`` / ``Mai Anh (tổng hợp)``, once the repeat between them is gone)
    is no list of people. With ``repeats_count``, such a repeat counts too (one walk to the
    two neighbours either way)."""
    own = ctx.lines[index].strip()
    return any(i is not None and i in named and (repeats_count or ctx.lines[i].strip() != own)
               for i in (ctx.nonblank(index, -1, past_removed=False),
                         ctx.nonblank(index, 1, past_removed=False)))


def _named_lines(ctx: _Lines, authors: list[regex.Match]) -> set[int]:
    """The lines of ``authors`` that name a person (no desk), as far as the line tells."""
    named = set()
    for m in authors:
        cue, single = m.group("au_cue", "au_single")
        if cue is None and (single not in _NOT_NAMES if single else _author_match(m, ctx)):
            named.add(ctx.index(m.start()))
    return named


def _without_lists(ctx: _Lines, names: list[Label], personal: set[int],
                   owner: dict[int, int], listed_lines: set[int],
                   anywhere: set[int]) -> list[Label]:
    """Drop personal names that stand next to another one (or to one of ``listed_lines``):
    a list in the story. A name line of ``anywhere`` (a note, a role) next to the same
    line word for word is a template's repeat, no list; bare names are judged as a list.

    A note line under a dropped name goes with it (``NGỌC AN`` / ``NGỌC AN`` / timestamp
    kept both names but took the second as a note, and a second pass took the first);
    a line that was also taken for itself stays taken.
    """
    around = personal | listed_lines
    listed = {i for i in personal
              if _next_to_another(ctx, i, around, repeats_count=i not in anywhere)}
    kept = []
    for label in names:
        index = ctx.index(label.start)
        if index in listed or (label.rule == "bylines.author_note"
                               and owner.get(index) in listed):
            continue
        kept.append(label)
    return kept


def _to_line_end(ctx: _Lines, index: int, label: Label) -> Label:
    end = ctx.starts[index] + len(ctx.lines[index].rstrip())
    return label if end <= label.end else Label(label.start, end, label.kind, label.rule)


def _line_label(ctx: _Lines, index: int, rule: str) -> Label:
    raw = ctx.lines[index]
    start = ctx.starts[index] + len(raw) - len(raw.lstrip())
    return Label(start, start + len(raw.strip()), "byline", rule)


_BOX_HEADINGS = word_list("bylines_author_box.txt")
_BOX_HEADING = regex.compile(rf"(?m)^[ \t]*+(?:{trie(_BOX_HEADINGS)})[ \t]*+:?+[ \t]*+$")
_BIO_ROLE_WORDS = word_list("bylines_bio_roles.txt")
_BIO_ROLES = trie(_BIO_ROLE_WORDS + tuple(w[0].lower() + w[1:] for w in _BIO_ROLE_WORDS))
#: A role line that heads a box with no heading: "Biên tập viên: Trần Hoa".
_BOX_ROLE_LINE = LazyPattern(rf"[ \t]*+(?:{_BIO_ROLES})[ \t]*+:[ \t]*+(?P<name>{_ONE_NAME})"
                             r"[ \t]*+$")
_BOX_NAME_LINE = LazyPattern(rf"[ \t]*+(?P<name>{_ONE_NAME})[ \t]*+$")
_BIO_OPENS = LazyPattern(rf"[ \t]*+(?:(?P<name>{_ONE_NAME})[ \t]++là[ \t]++)?+(?:{_BIO_ROLES})"
                         r"(?![\p{L}\d])")
#: How far into the text the byline a headless author box repeats may stand.
_BOX_BYLINE_REACH = 600
#: A bio with no heading above its name: a newsroom role, then a lowercase word.
_HEADLESS_BIO = LazyPattern(rf"[ \t]*+(?:{_BIO_ROLES})[ \t]++\p{{Ll}}")
#: The longest bio line an author box holds, and how many lines follow its head at most.
_BIO_MAX_CHARS = 300
_BOX_MAX_LINES = 3
_BOX_HEAD_MAX_CHARS = 80
_BOX_TAIL_LINES = 8  # line breaks read back from the end (blank lines count)


def _author_box(text: str) -> list[Label]:
    """An author box closing the page: a heading ("Về tác giả") or a role line
    ("Biên tập viên: Trần Hoa"), then only a name line and a short bio that opens with a
    newsroom role ("Biên tập viên mảng quốc tế ...", "Trần Hoa là biên tập viên ...") to
    the end, with story above it; or the role line alone as the page's last line. A book
    review's "Về tác giả" over a writer's life stays (no newsroom role opens it), and so
    does a bio line anywhere but the page's end."""
    lines = text.rsplit("\n", _BOX_TAIL_LINES)  # the tail only: the first item is the rest
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 3:
        return []
    for k in range(max(1, len(filled) - 1 - _BOX_MAX_LINES), len(filled)):
        head = lines[filled[k]]
        if len(head) > _BOX_HEAD_MAX_CHARS:  # (most lines: story paragraphs)
            continue
        role = _BOX_ROLE_LINE.match(head)
        if role is None and _BOX_HEADING.match(head) is None:
            continue
        names = {role.group("name")} if role else set()
        bio = False
        for i in filled[k + 1:]:
            line = lines[i]
            opens = _BIO_OPENS.match(line)
            if opens is not None and len(line) <= _BIO_MAX_CHARS and (
                    opens.group("name") is None or opens.group("name") in names):
                bio = True
                continue
            name = _BOX_NAME_LINE.match(line)
            if name is None or bio or role is not None:
                break
            names.add(name.group("name"))
        else:  # (a role line alone closing the page is its sign-off)
            if bio or (role is not None and k == len(filled) - 1):
                return [_box_label(text, lines, filled[k])]
    return _headless_box(text, lines, filled)


def _headless_box(text: str, lines: list[str], filled: list[int]) -> list[Label]:
    """A blog theme's author box with no heading, closing the page: a name line, then a
    short bio that opens with a newsroom role and a lowercase word (``Minh Anh`` /
    ``Phóng viên mảng kinh tế, chuyên theo dõi thị trường năng lượng.``), the name also
    in the page's head (the byline the box repeats: ``bởi Minh Anh``). An interview's
    ``Phóng viên:`` under a name stays, and so does a story sentence opening with a role
    under a name the head does not give."""
    name, bio = lines[filled[-2]], lines[filled[-1]]
    if len(bio) > _BIO_MAX_CHARS or _HEADLESS_BIO.match(bio) is None:
        return []
    m = _BOX_NAME_LINE.match(name)
    box = _box_label(text, lines, filled[-2])
    if m is None or text.find(m.group("name"), 0, min(_BOX_BYLINE_REACH, box.start)) < 0:
        return []
    return [box]


def _box_label(text: str, lines: list[str], head: int) -> Label:
    """``bylines.author_box`` from line ``head`` of the tail ``lines`` to the text's end."""
    start = sum(len(line) + 1 for line in lines[:head])
    start += len(lines[head]) - len(lines[head].lstrip())
    return Label(start, len(text.rstrip()), "byline", "bylines.author_box")


strip_bylines = StripBylines()
