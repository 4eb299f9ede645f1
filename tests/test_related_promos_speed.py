"""Pins the speed rewrites of vnclean.related and vnclean.promos to what they replaced: each
gate is checked against the test it stands for (a necessary condition, or the same answer),
on generated lines and texts."""
from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from vnclean import promos, related

# Pieces that reach the gates' edges: dashes and blanks before line ends, sentence marks
# and closers, the words the literal searches key on, widget and cue lines.
_PIECES = ["-", "–", " ", "\t", "\n", " \n", "- \n", " –\t\n", ".", "!", "?", "…", "\"", "”",
           "’", ")", "Báo", "Bá", "áo", "B", "0:00", "0:0", ":00", "Time", "Tim", "ime", "T",
           "://", ":/", "//", "- 0", "-0", " 0", "\xa0", "\u3000", "a", "Giá vàng tăng",
           "Mưa lớn ở Hà Nội", "Hotline: 0909 123 456", "Chia sẻ", "Bình luận", "Lưu",
           "[Quảng cáo]", "Tên *", "Chia sẻ Bình luận", "© 2024 Báo X", "Giấy phép số 5",
           "email@báo.vn", "- 0912 345 678 | - 0243 791 9191", "İ", "1900 1234"]
_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)),
                 max_size=14).map("".join)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(_text)
@example("Tin A -\nTin B")
@example("Tin A - \t\nTin B")
@example("Tin A\t–\n")
def test_dash_line_end_is_implied_by_the_gate_it_leads(text):
    """_dashed_runs' old gate (its substrings, else its pattern after a blank at a line's
    end) passes only texts _has_dash_line_end passes too."""
    old = (" -\n" in text or " –\n" in text
           or (" \n" in text or "\t\n" in text) and related._DASH_LINE_END.search(text) is not None)
    assert not old or related._has_dash_line_end(text)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(_text.map(str.strip))
@example("Giá vàng hôm nay tăng mạnh trở lại.")
@example("Ông nói rằng mọi việc đã xong.”")
@example("Ông nói rằng mọi việc đã xong”")
@example(".")
@example("")
def test_sentence_line_answers_as_the_pattern(stripped):
    assert related._sentence_line(stripped) == (related._SENTENCE.match(stripped) is not None)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["|", "•", ".", "1", "Chia sẻ", "Giá vàng hôm nay tăng mạnh",
                                 "Hà Nội ngập sâu sau trận mưa lớn", "Tin liên quan", ">>",
                                 "Thời sự", "2 giờ trước", ""]), max_size=30).map("\n".join))
def test_lone_marks_count_as_every_line_read(text):
    lines, codes = related._classify_lines(text, [], {})
    assert related._lone_marks(lines, codes) == sum(map(related._lone_mark, lines))


_SUBSTRING_SEARCHES = [("Báo", lambda t: promos._holds_press(t)),
                       ("0:00", lambda t: promos._ZERO_TIME.search(t) is not None),
                       ("Time", lambda t: promos._TIME_WORD.search(t) is not None),
                       ("- 0", lambda t: promos._HYPHEN_ZERO.search(t) is not None),
                       ("://", lambda t: promos._SCHEME_END.search(t) is not None)]


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(_text)
@example("Báo 0:00 Time - 0 https://x.vn")
@example("0:0:00 TTime -- 0 :://")
def test_literal_searches_answer_as_substring_tests(text):
    for needle, search in _SUBSTRING_SEARCHES:
        assert search(text) == (needle in text), needle
    assert (promos._SPACE.search(text) is not None) == any(c.isspace() for c in text)
    assert ([m.start() for m in promos._SCHEME_END.finditer(text)]
            == [m.start() for m in re.finditer("://", text)])
