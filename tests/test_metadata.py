"""Metadata of the explaining call, and the Vietnamese date parser behind ``published``."""

from __future__ import annotations

import datetime as dt
import doctest
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnclean import Edit, Pipeline, clean_and_explain, strip_bylines
from vnclean.dates import find_zone, make_date, parse_datetime
from vnclean.metadata import (extract_metadata, find_authors, find_published, find_source,
                              find_title)

LEAD = "Nước ngập nhiều tuyến phố, giao thông ùn tắc kéo dài nhiều giờ liền trong chiều qua."


@pytest.mark.parametrize("text, iso", [
    ("Thứ tư, ngày 13/07/2022 20:59 GMT+7", "2022-07-13T20:59:00+07:00"),
    ("18:52, 28/07/2023", "2023-07-28T18:52:00+07:00"),
    ("Ngày đăng : 16:58, 25/09/2021", "2021-09-25T16:58:00+07:00"),
    ("Thứ Ba, 25/12/2012 - 10:03", "2012-12-25T10:03:00+07:00"),
    ("Thứ năm, 2/11/2023, 19:20 (GMT+7)", "2023-11-02T19:20:00+07:00"),
    ("| Cập nhật thứ sáu, ngày 30/11/12 04:00 chiều", "2012-11-30T16:00:00+07:00"),
    ("Published on 03-08-2011 01:00 AM", "2011-08-03T01:00:00+07:00"),
    ("15:20 PM | 21/12/2012", "2012-12-21T15:20:00+07:00"),
    ("17/12/2020 09:32:25 (GMT +7)", "2020-12-17T09:32:25+07:00"),
    ("23h00 ngày 5/9/2023", "2023-09-05T23:00:00+07:00"),
    ("10 giờ 30 tối ngày 5 tháng 9 năm 2023", "2023-09-05T22:30:00+07:00"),
    ("21/12/2012", "2012-12-21"),
    ("2023-11-02", "2023-11-02"),
    ("Friday, 29/06/2018 22:40 GMT+9", "2018-06-29T22:40:00+09:00"),
])
def test_supported_formats(text, iso):
    assert parse_datetime(text) == iso


def test_naive_when_asked():
    assert parse_datetime("18:52, 28/07/2023", assume_tz=None) == "2023-07-28T18:52:00"


@pytest.mark.parametrize("text", ["31/02/2022", "30/13/2020 10:00", "29/02/2023", "Hà Nội",
                                  "", "25:61, 1/1/2020", "ngày 5/9"])
def test_invalid_or_missing_dates(text):
    result = parse_datetime(text)
    assert result is None or result == "2020-01-01"  # a bad time leaves the date


def test_leap_day_and_two_digit_years():
    assert make_date(29, 2, 2024) == dt.date(2024, 2, 29)
    assert make_date(29, 2, 2023) is None
    assert make_date(1, 1, 99) == dt.date(1999, 1, 1)
    assert find_zone("GMT-5") == "-05:00"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80) | st.from_regex(r"[0-9/:h .,-]{0,30}", fullmatch=True))
def test_parser_never_raises(text):
    result = parse_datetime(text)
    assert result is None or isinstance(result, str)


_DATE_FORMATS = [
    lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: f"{d.day}/{d.month}/{d.year}",
    lambda d: f"{d.day:02d}-{d.month:02d}-{d.year}",
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    lambda d: f"ngày {d.day}/{d.month}/{d.year}",
    lambda d: f"ngày {d.day} tháng {d.month} năm {d.year}",
    lambda d: d.isoformat(),
]
_TIME_FORMATS = [
    lambda t: f"{t.hour:02d}:{t.minute:02d}",
    lambda t: f"{t.hour}h{t.minute:02d}",
    lambda t: f"{t.hour} giờ {t.minute}",
]


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2069, 12, 31)),
       st.times().map(lambda t: t.replace(second=0, microsecond=0)),
       st.sampled_from(_DATE_FORMATS), st.sampled_from(_TIME_FORMATS + [None]),
       st.sampled_from(["Thứ Ba, ", "Chủ nhật, ", "Cập nhật ", ""]),
       st.sampled_from([" GMT+7", " (GMT+7)", ""]), st.booleans())
def test_generated_dates_round_trip(date, time, date_format, time_format, weekday, zone,
                                    time_first):
    written = weekday + date_format(date)
    if time_format is None:
        assert parse_datetime(written + zone) == date.isoformat()
        return
    written = (f"{time_format(time)}, {written}" if time_first
               else f"{written} - {time_format(time)}") + zone
    expected = f"{date.isoformat()}T{time.isoformat(timespec='seconds')}+07:00"
    assert parse_datetime(written) == expected


def test_title_is_a_short_first_line_without_a_period():
    assert find_title("Mưa lớn ở Hà Nội\n" + LEAD) == "Mưa lớn ở Hà Nội"
    assert find_title("Vì sao giá vàng tăng?\n" + LEAD) == "Vì sao giá vàng tăng?"
    assert find_title(LEAD + "\nMưa lớn") is None
    assert find_title("") is None


def test_metadata_of_a_whole_article():
    raw = (f"Mưa lớn ở Hà Nội\nThanh Huyền-Thứ tư, ngày 13/07/2022 20:59 GMT+7\n"
           f"(Dân trí) - {LEAD}\n{LEAD}\nTheo TTXVN")
    meta = clean_and_explain(raw).metadata
    assert meta == {"title": "Mưa lớn ở Hà Nội", "authors": ["Thanh Huyền"],
                    "published": "2022-07-13T20:59:00+07:00", "source": "Dân trí"}


def test_metadata_without_bylines():
    meta = clean_and_explain(LEAD).metadata
    assert meta == {"title": None, "authors": [], "published": None, "source": None}


def test_sources_and_authors_from_sign_offs():
    result = Pipeline(strip_bylines, metadata=extract_metadata).explain(
        f"{LEAD}\nMinh Phương\nTheo CNA, Reuters")
    assert result.metadata["authors"] == ["Minh Phương"]
    assert result.metadata["source"] == "CNA, Reuters"
    result = Pipeline(strip_bylines, metadata=extract_metadata).explain(
        f"{LEAD}\nTheo Văn Vũ\nCông an nhân dân")
    assert result.metadata["authors"] == ["Văn Vũ"]
    assert result.metadata["source"] == "Công an nhân dân"


def test_the_timestamp_above_the_lead_wins():
    raw = (f"Tin khác\n17/12/2020 09:32:25 (GMT +7)\nNgoại trưởng Mỹ cách ly\n16/12/2020\n"
           f"23:59\nGMT+7\n{LEAD}")
    result = Pipeline(strip_bylines, metadata=extract_metadata).explain(raw)
    assert result.metadata["published"] == "2020-12-16T23:59:00+07:00"


def test_helpers_on_edits():
    edits = [Edit(0, 6, rule="bylines.agency_prefix", text="TTO - "),
             Edit(50, 60, rule="bylines.author_line", text="\nH.Long"),
             Edit(70, 80, rule="bylines.timestamp", text="21/12/2012"),
             Edit(82, 90, rule="bylines.timestamp", text="08:04")]
    assert find_source(edits) == "Tuổi Trẻ"
    assert find_authors(edits) == ["H.Long"]
    assert find_published(edits) == "2012-12-21T08:04:00+07:00"


def test_docs_examples_run():
    path = Path(__file__).parent.parent / "docs" / "metadata.md"
    blocks = re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), re.S)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for number, block in enumerate(blocks):
        runner.run(doctest.DocTestParser().get_doctest(block, {}, path.name, str(path), number))
    assert blocks and runner.summarize(verbose=False).failed == 0
