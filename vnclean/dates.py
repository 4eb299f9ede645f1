"""Vietnamese news dates and times: find them, validate them, write them as ISO 8601.

Small pure functions, no locale and no guessing beyond what Vietnamese news pages write:
day before month (``25/12/2012``), weekday names (``Thứ Ba``, ``Chủ nhật``), times as
``10:03``, ``20h59``, ``10 giờ 30``, with ``sáng``/``chiều``/``tối`` or ``AM``/``PM``,
and a zone as ``GMT+7``; ISO 8601 as pages declare it in their markup
(``2023-07-28T18:52:00+07:00``, ``2015-03-23 08:06 +07:00``, ``...Z``) reads the same way. An
impossible date (``31/02/2022``) or zone (``+25:00``) gives ``None``; nothing raises.

News without a zone is assumed to be Vietnam time (UTC+07:00, no daylight saving):
:func:`parse_datetime` says so in its ``assume_tz`` default, and ``assume_tz=None`` gives
a naive timestamp instead.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata

import regex

from ._data import LazyPattern

__all__ = [
    "DATE_PATTERN",
    "YEAR_THEN_CLOCK",
    "EN_MONTHS",
    "EN_MONTH_PATTERN",
    "TIME_PATTERN",
    "ZONE_PATTERN",
    "OFFSET_PATTERN",
    "WEEKDAY_PATTERN",
    "VIETNAM_TZ",
    "make_date",
    "make_time",
    "find_date",
    "find_time",
    "find_zone",
    "parse_datetime",
]

#: The zone assumed for Vietnamese news that does not name one.
VIETNAM_TZ = "+07:00"

#: Weekday names as pages write them (``Thứ Ba``, ``thứ 3``, ``Chủ nhật``, ``CN``, ``Friday``);
#: an English abbreviation only before a comma, a dot or a number (``Thu, 22 Nov``; its dot
#: is read before a day or a month, ``Sat. Dec 2nd``): ``Thu`` also opens a Vietnamese name
#: (``08:30 - Thu Hà``).
WEEKDAY_PATTERN = (
    r"(?:[Tt]hứ[ \t]?+(?:[Hh]ai|HAI|[Bb]a|BA|[Tt]ư|TƯ|[Nn]ăm|NĂM|[Ss]áu|SÁU|[Bb]ảy|BẢY|[2-7])"
    r"|THỨ[ \t]?+(?:HAI|BA|TƯ|NĂM|SÁU|BẢY|[2-7])|[Cc]hủ[ \t]?+[Nn]hật|CHỦ[ \t]?+NHẬT|CN|T[2-7]"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
    r"(?:\.(?=[ \t]++(?:[0-3]?\d|[JFMASOND][a-z]{2}))|(?=[,.]|[ \t]++\d)))"
)

#: Month names as blog engines write them ("Tháng Mười Một"), longest first: the month's number.
_MONTH_WORDS = {"Mười Một": 11, "Mười Hai": 12, "Mười": 10, "Một": 1, "Hai": 2, "Ba": 3, "Tư": 4,
                "Năm": 5, "Sáu": 6, "Bảy": 7, "Tám": 8, "Chín": 9}
_MONTH_NUMBER = {form: number for word, number in _MONTH_WORDS.items()
                 for form in (word, word.lower(), word.upper())}
_MONTH = "|".join(_MONTH_NUMBER)  # dict order: every form of a longer name comes first
_THANG = r"(?:[Tt]háng|THÁNG)[ \t]++"
#: English month names as blog engines write them ("Nov 23, 2024", "23 November 2024"),
#: each the month's number (bylines opens a dateline with them too).
EN_MONTHS = {name: number for number, names in enumerate((
    ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
    ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sept", "Sep"),
    ("October", "Oct"), ("November", "Nov"), ("December", "Dec")), start=1) for name in names}
#: The names as one alternation, longest first (nav reads an English date line with it).
EN_MONTH_PATTERN = "|".join(sorted(EN_MONTHS, key=len, reverse=True))
#: Where a clock time is glued to the year before it, a scraper's text of two spans joined
#: with no separator (``21 Tháng Ba 20254:08 SA``, ``05/03/202207:43:00``): right after a
#: year's four digits, before ``H:MM`` (maybe ``:SS``). Date, time and bylines' dateline
#: read the date and the time apart there.
YEAR_THEN_CLOCK = r"(?<=(?<!\d)(?:19|20)\d\d)(?=[0-2]?\d:[0-5]\d(?::[0-5]\d)?+(?![\d:]))"
#: A full date: ``25/12/2012``, ``03-08-2011``, ``30/11/12``, ``ngày 13 tháng 7 năm 2022``,
#: ``2023-11-02``, and as blog engines write it, ``Tháng Mười Một 22, 2026``, ``22 Tháng
#: Mười Một, 2026``, ``22 Tháng Bảy 2015``, ``22 tháng 11, 2026``, and in English,
#: ``23 Nov 2024``, ``November 23, 2024``, ``Dec 2nd, 2023`` (an ordinal day), ``11/22/2026``
#: (month first only where the day cannot come first). Groups: d, m, y (or the us_*, iso_*,
#: text_*, named_* or en_* groups, as _DATE_GROUPS lists them; a named or English month may
#: be a word).
DATE_PATTERN = (
    r"(?:(?<![\d/.-])(?P<d>[0-3]?\d)(?P<sep>[/.-])(?P<m>[01]?\d)(?P=sep)(?P<y>\d{4}|\d{2})"
    rf"(?:(?!\d|/\d)|{YEAR_THEN_CLOCK})"
    # (a US date where no day-first reading exists: "11/22/2026", a content system's default)
    r"|(?<![\d/.-])(?P<us_m>1[0-2]|0?[1-9])/(?P<us_d>1[3-9]|2\d|3[01])/(?P<us_y>\d{4})(?!\d|/\d)"
    r"|(?<![\d-])(?P<iso_y>\d{4})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?![\d-])"
    r"|(?P<text_d>[0-3]?\d)[ \t]++tháng[ \t]++(?P<text_m>[01]?\d),?+[ \t]++năm[ \t]++(?P<text_y>\d{4})"
    rf"|{_THANG}(?P<named_m>{_MONTH}|[01]?\d)[ \t]++(?P<named_d>[0-3]?\d),[ \t]*+(?P<named_y>\d{{4}})"
    rf"|(?<!\d)(?P<named_d2>[0-3]?\d)[ \t]++{_THANG}(?P<named_m2>{_MONTH}|[01]?\d)"
    r"(?:,[ \t]*+|[ \t]++)"
    r"(?P<named_y2>\d{4})"
    rf"|(?<![\d\p{{L}}])(?P<en_d>[0-3]?\d)(?:st|nd|rd|th)?+[ \t]++(?P<en_m>{EN_MONTH_PATTERN})"
    r"\.?+,?+[ \t]++"
    r"(?P<en_y>\d{4})"
    rf"|(?<!\p{{L}})(?P<en_m2>{EN_MONTH_PATTERN})\.?+[ \t]++(?P<en_d2>[0-3]?\d)(?:st|nd|rd|th)?+"
    r",?+[ \t]++"
    r"(?P<en_y2>\d{4}))"
    rf"(?:(?!\d)|{YEAR_THEN_CLOCK})"
)

#: A time of day: ``10:03``, ``20:59:07``, ``23h00``, ``9h``, ``10 giờ 30``, with an optional
#: meridiem. Groups: hh, mm, ss, mer.
TIME_PATTERN = (
    rf"(?:(?<![\d:])|{YEAR_THEN_CLOCK})"
    r"(?P<hh>[0-2]?\d)(?:[:](?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d))?+|[hH](?P<mm2>[0-5]\d)?+(?!\p{L})"
    r"|[ \t]giờ(?:[ \t](?P<mm3>[0-5]?\d)(?:[ \t]phút)?+)?+)(?![\d:])"
    r"(?:[ \t]?+(?P<mer>AM|PM|am|pm|SA|CH|sáng|chiều|tối|trưa|đêm)(?!\p{L}))?+"
)

#: A zone: ``GMT+7``, ``(GMT+7)``, ``GMT +07:00``, ``UTC+7``; also a template's misspelt
#: ``(GTM + 7)``. Groups: sign, zh, zm.
ZONE_PATTERN = (r"[(\[]?(?:GMT|GTM|UTC)[ \t]?+(?P<sign>[+-])[ \t]?+(?P<zh>\d{1,2})"
                r"(?::?(?P<zm>\d{2}))?+[)\]]?")

#: A clock time just before an offset (its seconds and fraction optional, then an optional
#: space); ``_ISO_CLOCK`` the same after an ISO date (``T`` or ``YYYY-MM-DD ``).
_CLOCK = r"\d:[0-5]\d(?::[0-5]\d(?:[.,]\d{1,9})?)?"
_ISO_CLOCK = r"(?:[Tt]|\d{4}-[01]\d-[0-3]\d[ \t])[0-2]\d:[0-5]\d(?::[0-5]\d(?:[.,]\d{1,9})?)?"

#: An explicit offset written right after a time: ``+07:00``, ``+0700``, ``+07`` (also after
#: one space), ``UTC``/``GMT`` alone (UTC itself); ``-05:00`` and ``Z`` only after an ISO
#: time (``T10:00-05:00``, ``2015-03-23 08:06 -05:00``), because in free text
#: ``08:00-10:30`` is a range of times. Groups: osign, oh, om, utc.
OFFSET_PATTERN = (
    rf"(?:(?<={_CLOCK}[ \t]?)(?P<osign>\+)|(?<={_ISO_CLOCK}[ \t]?)(?P<osign>-))"
    r"(?P<oh>\d{2})(?::?(?P<om>\d{2}))?+(?![\d:])"
    rf"|(?<={_ISO_CLOCK})(?P<utc>[Zz])(?![\p{{L}}\d])"
    rf"|(?<={_CLOCK}[ \t]?)(?P<utc>UTC|GMT)(?![ \t]?+[+-]|[\p{{L}}\d])"
)

_DATE = LazyPattern(DATE_PATTERN)
#: Each alternative of DATE_PATTERN by the names of its day, month and year groups.
_DATE_GROUPS = (("d", "m", "y"), ("us_d", "us_m", "us_y"), ("iso_d", "iso_m", "iso_y"),
                ("text_d", "text_m", "text_y"), ("named_d", "named_m", "named_y"),
                ("named_d2", "named_m2", "named_y2"), ("en_d", "en_m", "en_y"),
                ("en_d2", "en_m2", "en_y2"))
_TIME = regex.compile(TIME_PATTERN)
_ZONE = regex.compile(ZONE_PATTERN)
_OFFSET = LazyPattern(OFFSET_PATTERN)
_AFTERNOON = frozenset({"PM", "pm", "CH", "chiều", "tối"})
_MORNING = frozenset({"AM", "am", "SA", "sáng"})


def make_date(day: int, month: int, year: int) -> _dt.date | None:
    """The date, or ``None`` when it does not exist; two-digit years are 20xx (19xx from 70).

    >>> make_date(25, 12, 2012)
    datetime.date(2012, 12, 25)
    >>> make_date(31, 2, 2022) is None
    True
    >>> make_date(30, 11, 12)
    datetime.date(2012, 11, 30)
    """
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return _dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def make_time(hour: int, minute: int = 0, second: int = 0,
              meridiem: str | None = None) -> _dt.time | None:
    """The time of day, reading ``chiều``/``tối``/``PM`` as afternoon; ``None`` if impossible.

    >>> make_time(4, 0, meridiem="chiều")
    datetime.time(16, 0)
    >>> make_time(15, 20, meridiem="PM")
    datetime.time(15, 20)
    >>> make_time(25, 0) is None
    True
    """
    if meridiem in _AFTERNOON and hour < 12:
        hour += 12
    elif meridiem in _MORNING and hour == 12:
        hour = 0
    elif meridiem == "trưa" and hour < 6:
        hour += 12
    elif meridiem == "đêm" and 6 <= hour < 12:
        hour += 12
    try:
        return _dt.time(hour, minute, second)
    except (ValueError, OverflowError):
        return None


def find_date(text: str) -> _dt.date | None:
    """The first valid full date written in ``text``.

    >>> find_date("Thứ tư, ngày 13/07/2022 20:59 GMT+7")
    datetime.date(2022, 7, 13)
    >>> find_date("ngày 5 tháng 9 năm 2023")
    datetime.date(2023, 9, 5)
    >>> find_date("Tháng Mười Một 22, 2026"), find_date("5 tháng 9, 2023")
    (datetime.date(2026, 11, 22), datetime.date(2023, 9, 5))
    >>> find_date("Sat, 23 Nov 2024 07:45"), find_date("November 23, 2024")
    (datetime.date(2024, 11, 23), datetime.date(2024, 11, 23))
    >>> find_date("31/02/2022") is None
    True
    >>> find_date("Sat, 11/22/2026 - 10:30"), find_date("05/06/2026")
    (datetime.date(2026, 11, 22), datetime.date(2026, 6, 5))
    >>> find_date("21 Tháng Ba 20254:08 SA")  # a time glued to the year
    datetime.date(2025, 3, 21)
    """
    for m in _DATE.finditer(text):
        d, mo, y = next(m.group(*names) for names in _DATE_GROUPS if m.group(names[0]))
        month = EN_MONTHS.get(mo) or _MONTH_NUMBER.get(mo) or int(mo)
        date = make_date(int(d), month, int(y))
        if date is not None:
            return date
    return None


def find_time(text: str) -> _dt.time | None:
    """The first valid time of day written in ``text`` (dates are skipped).

    >>> find_time("18:52, 28/07/2023")
    datetime.time(18, 52)
    >>> find_time("Cập nhật thứ sáu, ngày 30/11/12 04:00 chiều")
    datetime.time(16, 0)
    >>> find_time("lúc 9h30 sáng")
    datetime.time(9, 30)
    >>> find_time("2020-01-01T25:00+07:00") is None  # an offset is not a time
    True
    """
    masked = _OFFSET.sub(_blank, _DATE.sub(_blank, text))
    for m in _TIME.finditer(masked):
        minute = m.group("mm") or m.group("mm2") or m.group("mm3") or "0"
        time = make_time(int(m.group("hh")), int(minute), int(m.group("ss") or 0),
                         m.group("mer"))
        if time is not None:
            return time
    return None


def _blank(match: regex.Match) -> str:
    return " " * len(match.group())


def find_zone(text: str) -> str | None:
    """The UTC offset a text names (``GMT+7``, ``+07:00``, ``+0700``, ``Z``), as ``+HH:MM``.

    >>> find_zone("20:59 GMT+7")
    '+07:00'
    >>> find_zone("2018-06-29T15:25:08+0000"), find_zone("2023-11-02T12:20:45Z")
    ('+00:00', '+00:00')
    >>> find_zone("10:03") is None, find_zone("08:00-10:30") is None
    (True, True)
    """
    return _written_zone(text)[1]


def _written_zone(text: str) -> tuple[bool, str | None]:
    """(whether a zone is written, its offset or ``None`` when impossible, e.g. ``+25:00``)."""
    m = _ZONE.search(text)
    if m is not None:
        sign, hours, minutes = m.group("sign"), m.group("zh"), m.group("zm")
    else:
        m = _OFFSET.search(text)
        if m is None:
            return False, None
        if m.group("utc"):
            return True, "+00:00"
        sign, hours, minutes = m.group("osign"), m.group("oh"), m.group("om")
    hours, minutes = int(hours), int(minutes or 0)
    if hours > 14 or minutes > 59:
        return True, None
    return True, f"{sign}{hours:02d}:{minutes:02d}"


def parse_datetime(text: str, *, assume_tz: str | None = VIETNAM_TZ) -> str | None:
    """ISO 8601 of the first date in ``text`` (with its time when given), else ``None``.

    Without a written zone the time is taken as Vietnam time (``assume_tz``); pass
    ``assume_tz=None`` for a naive timestamp. A written zone (``GMT+7``, ``+07:00``,
    ``+0700``, ``Z``) wins; an impossible one gives ``None``. A date alone gives
    ``YYYY-MM-DD``.

    >>> parse_datetime("Thứ tư, ngày 13/07/2022 20:59 GMT+7")
    '2022-07-13T20:59:00+07:00'
    >>> parse_datetime("18:52, 28/07/2023", assume_tz=None)
    '2023-07-28T18:52:00'
    >>> parse_datetime("Ngày đăng : 16:58, 25/09/2021")
    '2021-09-25T16:58:00+07:00'
    >>> parse_datetime("Thứ Ba, 25/12/2012 - 10:03")
    '2012-12-25T10:03:00+07:00'
    >>> parse_datetime("2015-03-23 08:06 +07:00"), parse_datetime("2018-06-29T15:25:08Z")
    ('2015-03-23T08:06:00+07:00', '2018-06-29T15:25:08+00:00')
    >>> parse_datetime("21/12/2012")
    '2012-12-21'
    >>> parse_datetime("31/02/2022 10:00") is None
    True
    """
    if not isinstance(text, str) or not text:
        return None
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    date = find_date(text)
    if date is None:
        return None
    time = find_time(text)
    if time is None:
        return date.isoformat()
    written, zone = _written_zone(text)
    if written and zone is None:
        return None
    zone = zone or assume_tz or ""
    return f"{date.isoformat()}T{time.isoformat(timespec='seconds')}{zone}"
