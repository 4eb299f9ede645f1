"""Pins the speed rewrites of vnclean.related and vnclean.promos to what they replaced: each
gate is checked against the test it stands for (a necessary condition, or the same answer),
and the answers remembered across texts against the work they stand for, on generated lines
and texts."""
from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from vnclean import promos, related
from vnclean.blocks import _NONBLANK

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


def test_short_classes_kept_answer_as_worked_out():
    """A text's lines class alike whether their short lines' classes were kept or not."""
    text = "Thời sự\nTin liên quan\n|\nGiá vàng tăng\nHà Nội ngập sâu sau trận mưa lớn\n»"
    related._short_class_of.cache_clear()
    cold = related._scan(text)
    assert related._scan(text) == cold
    assert related._short_class_of.cache_info().hits >= 5
    assert all(related._short_class_of(s) == related._short_class(s, len(s))
               for s in text.split("\n"))


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


def _old_cue_line_label(text: str, m: re.Match):
    """``_cue_line_label`` as it was: every test worked out on each call."""
    p = promos
    n = m.end() - m.start()
    if n > p._LINE_MAX:
        return None
    stripped = m.group()
    if n <= p._WIDGET_MAX + p._WIDGET_MARK_MAX:
        label = p._marked_widget(stripped)
        if label is not None and not p._sentence_runs_on_below(text, m.end()):
            rule = p._widget_rule(label)
            return p.Label(m.start(), p._ad_close_end(text, m.end(), rule), "promo", rule)
    low = stripped.casefold() if n <= p._WIDGET_MAX else stripped[:p._CUE_HEAD].casefold()
    if n <= p._WIDGET_ROW_MAX and p.is_widget_row(stripped):
        return p.Label(m.start(), m.end(), "promo", "promos.widget_row")
    cue = p._LINE_CUE.match(low)
    at = "@" in stripped
    if cue is None and not at:
        if (stripped[-1:].isdigit() and p._DESK_PHONE_HINT.search(stripped)
                and p._DESK_PHONES.fullmatch(stripped)):
            return p.Label(m.start(), m.end(), "promo", "promos.hotline")
        return None
    if len(low) != min(n, p._CUE_HEAD):
        return p._first_line_match(text, m, p._ALL_LINE_PATTERNS)
    group = cue.lastgroup if cue is not None else None
    if group == "digit" and not at and p._DIGIT_LINE.match(stripped) is None:
        group = None
    patterns = p._DISPATCH[group, at]
    if group == "licence" or p._LICENCE_CUE.match(low):
        patterns += (p._LICENCE_PATTERN,)
    return p._first_line_match(text, m, patterns)


_PROMO_LINES = ["Chia sẻ", "Chia sẻ:", "Lưu bài viết", "[Quảng cáo]", "Tên *", "Bình luận (3)",
                "Chia sẻ Bình luận", "Lưu | Chia sẻ | In bài", "Hotline: 0909 123 456",
                "Email: toasoan@baoxyz.vn", "Tổng biên tập: Nguyễn Văn A", "1900 1234",
                "0913 839 963", "Đường dây nóng - 0913 839 963 | - 0243 791 9191",
                "Giấy phép số 123/GP-BTTTT", "© 2024 Báo X", "12 bình luận", "İstanbul",
                "Mưa lớn ở Hà Nội khiến nhiều tuyến phố ngập sâu.", "Chia sẻ kinh nghiệm nuôi con",
                "Ông A cho biết: gọi 0913 839 963 nếu cần.", "Xem thêm tại đây", "A" * 450]


@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_PROMO_LINES + ["", "Mưa to.", "và các tỉnh lân cận"]),
                min_size=1, max_size=6).map("\n".join), st.booleans())
@example("Chia sẻ\nvà các tỉnh lân cận", True)
def test_cue_line_labels_as_worked_out_each_time(text, kept):
    """Each non-blank line labels as the old code labelled it, its plan kept or not."""
    if not kept:
        promos._line_plan_of.cache_clear()
    for m in _NONBLANK.finditer(text):
        assert promos._cue_line_label(text, m) == _old_cue_line_label(text, m)


def test_pieced_alternation_keeps_its_finders_answers():
    alternation = promos._STRONG_CUES
    for stretch in ("© 2024 Báo X", "Mưa lớn.", "Giấy phép số 5", "x" * 300):
        assert alternation.finder(stretch) is alternation._find(stretch)
        assert alternation.finder(stretch) is alternation._find(stretch)  # (kept, or too long)
    alternation._kept.cache_clear()
    alternation.finder("x" * 300)
    assert alternation._kept.cache_info().currsize == 0  # (a long stretch is worked out)


def _follow_verbs_found(text):
    """What _follow_verb_starts stands for: a loop of str.find for each follow verb."""
    starts = []
    for verb in promos._FOLLOW_VERBS:
        pos = text.find(verb)
        while pos >= 0:
            starts.append(pos)
            pos = text.find(verb, pos + len(verb))
    return starts


_FOLLOW_PIECES = ["Theo dõi", "THEO DÕI", "Hãy theo dõi", "Follow", "Theo dõ", "heo dõi", "õ",
                  "Õ", "i", "F", "ollow", "Fol", "low", "Hãy ", "theo", " ", "\n",
                  "Báo X trên Zalo"]


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(_FOLLOW_PIECES), st.text(max_size=2)),
                max_size=12).map("".join))
@example("Theo dõi Theo dõiTheo dõi FollowFollow")
def test_follow_verb_searches_find_what_str_find_finds(text):
    """The follow verbs' searches keyed on a rare letter find each verb where a loop of
    str.find finds it, in the same order."""
    assert promos._follow_verb_starts(text) == _follow_verbs_found(text)


_POLL_PIECES = ["Thăm dò", "THĂM DÒ", "Thăm dò ý kiến", "THĂM DÒ Ý KIẾN", "Khảo sát nhanh",
                "KHẢO SÁT", "Bình chọn", "BÌNH CHỌN", "Bạn nghĩ sao?", "BẠN NGHĨ SAO?", "Ì", "Ả",
                "Ă", "Ạ", "THĂM", " DÒ", "BÌNH", "KHẢO", "?", " ", "\n", "Thăm"]


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(_POLL_PIECES), st.text(max_size=2)),
                max_size=10).map("".join))
def test_poll_gate_answers_as_every_form(text):
    """_polls' gate (the forms that hold no other, each behind a test of its rare capital)
    says what a test of every form of every poll opener says."""
    fast = promos._holds_any(text, promos._POLL_TESTS)
    assert fast == any(form in text for form in promos._POLL_FORMS)


_NOTICE_TEXT_PIECES = ["©", "Copyright", "COPYRIGHT", "copyright", "opyrigh", "Bản quyền",
                       "BẢN QUYỀN", "bản Quyền", "ản quyề", "/GP", "/G", "GPXB", "GPX", "O", "Q",
                       "Ả", "G", " ", "\n", "Mưa lớn.", "pyright", "ản Q", "ản ", "QUYỀN", "Ề",
                       "P", "GG", "GPG"]


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(_NOTICE_TEXT_PIECES), st.text(max_size=2)),
                max_size=10).map("".join))
def test_notice_cue_gate_answers_as_every_piece(text):
    """recheck_footers' gate (each piece behind a test of its rare capital) says what a
    substring test of every notice piece says."""
    assert promos.holds_notice_cue(text) == any(piece in text for piece in promos._NOTICE_PIECES)


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(st.sampled_from(["GP", "pyright", "aGb", "GAG", "ẢN", "xẢN"]),
       st.lists(st.one_of(st.sampled_from(["G", "P", "GP", "A", "Ả", "N", "ẢN", "x", "a", "b",
                                           "pyright", " "]), st.text(max_size=2)),
                max_size=10).map("".join))
@example("GP", "GGP")
@example("GAG", "GAGAG")
def test_core_test_answers_as_a_substring_test(core, text):
    """A notice core's test (a walk over its rare letter's places, or ``in``) says what
    ``core in text`` says."""
    assert promos._core_test(core)(text) == (core in text)


_CLASSES = ["headline", "filler", "short", "teaser", "dated", "other", "strong"]
_LINE_TEXTS = ["Giá vàng tăng mạnh hôm nay", "10:25", "2 giờ trước", "Xem:", "Mưa lớn.",
               "(26/12)", "Tin mới", "12"]


@settings(max_examples=800, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.sampled_from(_LINE_TEXTS), st.sampled_from(_CLASSES)),
                min_size=1, max_size=8))
def test_timed_sidebar_needs_a_filler_next_to_its_headline(rows):
    """_walk asks _timed_sidebar only about a headline with a filler (its time line) right
    above or below it: with none, the answer is always none."""
    lines = [related._Line(0, 0, text, cls, False) for text, cls in rows]
    for i, line in enumerate(lines):
        if line.cls == "headline" and not any(
                0 <= k < len(lines) and lines[k].cls == "filler" for k in (i - 1, i + 1)):
            assert related._timed_sidebar(lines, i) == (i, i)


def _old_inline_cues(text):
    """_inline_cues as it was before its list cues were found from their heads: a scan for
    each tail's letters."""
    labels = []
    if ":" in text:
        for colon in related._CUE_COLON.finditer(text):
            at = colon.start()
            cue_end = at
            if text[at - 1] in " \t\xa0":
                cue_end = related._SPACES_BEFORE.search(text, max(0, at - 8), at).start()
            if text[cue_end - 4:cue_end][1:] in related._SINGLE_CUE_ENDS:
                label = related._inline_cue(text, cue_end, at + 1, related._SINGLE_CUE_BEFORE,
                                            related._SPACES, related._SINGLE_HEADLINE)
                if label is not None:
                    labels.append(label)
    for tail, rare in related._LIST_CUE_TAILS:
        if rare and rare not in text:
            continue
        at = text.find(tail)
        while at >= 0:
            end = at + len(tail)
            if text[at - 4:at] in related._LIST_CUE_HEADS:
                label = related._inline_cue(text, end, end, related._LIST_CUE_BEFORE,
                                            related._COLON_AND_SPACES, related._LIST_HEADLINES)
                if label is not None:
                    labels.append(label)
            at = text.find(tail, end)
    return labels


_CUE_PIECES = ["Tin cùng chuyên mục", "chuyên mục", "chuyên mụchuyên mục", "mụchuyên mục",
               "cùng ", "ùng ", "Bài cùng chủ đề", "TIN CÙNG SỰ KIỆN", "ÙNG CHỦ ĐỀ", "Tin ",
               "liên quan", "Bài viết liên quan", " Mưa lớn ở Hà Nội", " Giá vàng tăng", ". ",
               ": ", "\n", "ù", "Ù", "c", "Tin cùng chuyên mụchuyên mục", "Xem thêm: "]


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(_CUE_PIECES), st.text(max_size=3)),
                max_size=12).map("".join))
@example("Mưa lớn. Tin cùng chuyên mụchuyên mục Giá vàng tăng mạnh Hà Nội mưa lớn")
@example("Mưa lớn. Tin cùng chủ đề: Giá vàng tăng mạnh hôm nay")
def test_list_cues_found_from_their_heads_as_from_their_tails(text):
    """_inline_cues finds a list cue's tail from its lone head (``ùng `` of ``cùng``): the
    same labels as the scan for every tail's letters."""
    assert related._inline_cues(text) == _old_inline_cues(text)


@settings(max_examples=800, deadline=None, derandomize=True)
@given(_text)
@example("Tin A –\nTin B")
def test_dash_line_end_answers_as_its_two_scans(text):
    """_has_dash_line_end tests for an en dash before its scan: the same answer as the two
    scans alone."""
    assert related._has_dash_line_end(text) == (
        related._HYPHEN_LINE_END.search(text) is not None
        or related._EN_DASH_LINE_END.search(text) is not None)
