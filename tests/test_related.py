"""strip_related_links: properties (Hypothesis) and the dev-corpus removal floor."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import removal_score
from vnclean import strip_related_links

PROSE = [
    "Mưa lớn kéo dài khiến nhiều tuyến phố ở Hà Nội ngập sâu.",
    "Người dân có thể xem thêm thông tin trên trang của Sở Giao thông.",
    "\"Chúng tôi sẽ tiếp tục theo dõi\", ông Hùng chia sẻ.",
    "Giá vàng hôm nay tăng 500.000 đồng mỗi lượng so với hôm qua.",
    "Đội tuyển Việt Nam thắng 2-0 trong trận ra quân tối qua.",
]
PIECES = ["Tin liên quan", ">>", "Xem thêm:", "Đọc thêm", "(17/06/2024)", "\n", "\n\n", "    ",
          "Bão số 3 đổ bộ vào Quảng Ninh", ". ", "...", "Nguồn: [Link nguồn]", " / ", "icon",
          # the general forms of headings
          "Bài cùng chủ đề", "Xem thêm các tin khác", "Tin mới hơn"]
noisy = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=20).map("".join)
prose = st.lists(st.sampled_from(PROSE), min_size=1, max_size=6).map("\n".join)


# Derandomized: the same examples every run (a rare corner found by a long campaign must
# not make the suite flaky); long campaigns vary the seed outside the suite.
@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(noisy)
def test_idempotent(text):
    once = strip_related_links(text)
    assert strip_related_links(once) == once


def test_a_link_after_a_teaser_goes_in_one_pass():
    assert strip_related_links(". Tin liên quan>>Nguồn: [Link nguồn]>>Tin liên quan") == "."


@given(prose)
def test_plain_prose_unchanged(text):
    assert strip_related_links(text) == text


@settings(max_examples=100)
@given(noisy)
def test_explain_offsets_point_at_the_original(text):
    result = strip_related_links.explain(text)
    assert result.text == strip_related_links(text)
    for edit in result.edits:
        assert text[edit.start:edit.end] == edit.text


def test_thousands_of_markers_do_not_break_it():
    for text in (">>" * 5000, "Tin liên quan\n" * 3000, ">> Bão số 3\n" * 3000,
                 "Tin liên quan\n" + "Bão số 3 đổ bộ vào Quảng Ninh hôm nay\n" * 3000,
                 "x " * 20000 + "Nguồn: [Link nguồn]" * 500):
        assert isinstance(strip_related_links(text), str)


def test_dev_related_recall_floor(dev_records):
    # Reached 0.913 on dev (word characters, this cleaner alone; 0.915 in the pipeline); the floor sits just below.
    score = removal_score(dev_records, lambda raw: strip_related_links.explain(raw).edits,
                          "related")
    assert score.recall >= 0.905


# ---------------------------------------------------------------- the inline fast paths

import re  # noqa: E402
import unicodedata  # noqa: E402

from vnclean import related  # noqa: E402
from vnclean.blocks import nonblank_lines  # noqa: E402
from vnclean.corpus import CorpusNotFound, load_split  # noqa: E402


def _corpus_lines() -> list[str]:
    try:
        records = load_split("dev")
    except CorpusNotFound:
        return []
    lines = {m.group() for record in records for m in nonblank_lines(record.raw)}
    return sorted(lines)[:4000] + sorted(lines, key=len)[-200:]


CORPUS_LINES = _corpus_lines()
# Pieces near every fast path's edges: cue words in odd case, prefix letters, fillers, dates,
# word counts around 4, lengths around 24/32/40/270/320, characters whose casefold differs.
EDGE = ["Tin liên quan", "TIN LIÊN QUAN", "Xem thêm:", ">>", ">>>", "»", "►", "(26/12)", "12",
        "10:30", "icon", "Ngày 12/03/2024", "5 phút trước", "...", "…", ".", "..", ":", ";",
        "?", "!", "\"", "“", ")", "]", "Bão số 3 đổ bộ", "Hà Nội", "x", "Đọc thêm", "Mời bạn xem",
        "tin", "b", "M", "Đ", "ẞ", "İ", "K", "ſ", "\xa0", " ", "  ", "\t", "a" * 20, "ab " * 7,
        "Thời sự", "Video", "Sự kiện", "iPad", "eBay", "(Ảnh: TTXVN)", "Nguồn: [Link]"]
line_text = st.lists(st.sampled_from(EDGE) | st.text(max_size=6), min_size=1, max_size=12).map(
    "".join)
lines_strategy = (st.sampled_from(CORPUS_LINES) if CORPUS_LINES else line_text) | line_text | (
    st.tuples(st.sampled_from(CORPUS_LINES or EDGE), line_text).map("".join))


@settings(max_examples=3000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(lines_strategy, min_size=1, max_size=6))
def test_scan_classes_every_line_as_line_class(lines):
    # _scan settles most lines inline (long paragraphs, sentences, menu items, fillers); the
    # class it gives must be the one _line_class gives the same stripped line.
    text = "\n".join(lines)
    starts, texts, classes = related._scan(text)
    assert texts == [m.group() for m in nonblank_lines(text)]
    assert starts == [m.start() for m in nonblank_lines(text)]
    assert classes == [related._line_class(t) for t in texts]


# _SENTENCE reads exactly min_sentence_words - 1 words before its ``.*``: on one line (no
# newline) the same lines match as with "that many words or more", the pattern as written
# before (whose retries of every word count made a long line quadratic).
_SENTENCE_AS_BEFORE = re.compile(r"\W*(?:\w+\W+){%d,}.*[.!?…][\"”’)]?\s*$"
                                 % (related._T["min_sentence_words"] - 1))


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(lines_strategy.map(lambda line: line.replace("\n", " ")[-400:]))
def test_sentence_matches_the_lines_it_matched_before(line):
    assert (related._SENTENCE.match(line) is None) == (_SENTENCE_AS_BEFORE.match(line) is None)


def test_sentence_on_long_lines():
    words = "Mưa lớn kéo dài suốt đêm qua ở nhiều tỉnh miền Bắc " * 40
    for line in (words.strip(), words + "nên nhiều tuyến phố ngập sâu.", words + "(ảnh)",
                 words + "“xong rồi.”", *(line for line in CORPUS_LINES if len(line) < 400)):
        assert (related._SENTENCE.match(line) is None) == (_SENTENCE_AS_BEFORE.match(line)
                                                           is None), line[-40:]
    assert related._SENTENCE.match(words + "nên nhiều tuyến phố ngập sâu.")
    assert not related._SENTENCE.match(words.strip())


def test_scan_matches_line_class_on_corpus_lines():
    for line in CORPUS_LINES:
        for variant in (line, line.upper(), unicodedata.normalize("NFD", line)):
            for _, texts, classes in [related._scan(variant)]:
                assert classes == [related._line_class(t) for t in texts]


def _worth_a_look_loop(classes):
    """The neighbour-pass gate as a loop over the classes (what _WORTH searches for)."""
    previous = last = before_headline = ""
    for cls in classes:
        if cls in related._CUES or (cls in ("headline", "filler") and previous == "headline"):
            return True
        if cls == "teaser" and last == "headline" and before_headline == "short":
            return True
        if cls == "headline":
            before_headline = last
        if cls not in ("filler", "short"):
            previous = cls
        last = cls
    return False


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(sorted(related._CODES)), max_size=12))
def test_worth_a_look_search_is_the_loop(classes):
    codes = "".join(related._CODES[c] for c in classes)
    assert related._worth_a_look(codes) == _worth_a_look_loop(classes)


def test_prefix_openers_are_the_casefold_test():
    assert all((chr(i).casefold() in related._PREFIX_FIRST)
               == (chr(i) in related._PREFIX_WORD_OPENERS) for i in range(0x110000))
    # a list bullet may stand before a prefix ("* Đọc thêm: ...")
    assert related._PREFIX_OPENERS == related._PREFIX_WORD_OPENERS | related._PREFIX_BULLETS


def test_word_bounds_count_like_word_runs():
    runs = re.compile(r"\w+")
    for line in CORPUS_LINES + EDGE:
        count = len(runs.findall(line))
        assert bool(related._FEW_WORDS.fullmatch(line)) == (count <= 4)
        assert bool(related._HEADLINE_WORDS.fullmatch(line)) == (4 <= count <= 30)


def test_every_end_mark_holds_its_gate():
    # strip_related_links looks for end marks only in texts holding _ANCHOR_GATE.
    for entry in related.word_list("related_teaser_anchors.txt"):
        assert "\\[" in entry


def test_scan_matches_line_class_around_every_length_threshold():
    # Lines of every length near the thresholds the fast paths test (24, 32, 40, 200, 270,
    # 320), opened by a prefix, a prefix letter or neither, ended by each kind of mark.
    openers = ["Xem thêm: ", ">> ", "Tin liên quan: ", "Thời sự ", "Hà Nội ", "12 ", "(Ảnh) ",
               "TIN LIÊN QUAN", "Đọc tiếp - ", "iPad "]
    enders = [".", "..", "...", "…", "?", ":", ")", " (26/12)", ""]
    for opener in openers:
        for ender in enders:
            for n in (*range(20, 45), *range(195, 206), *range(265, 276), *range(315, 326)):
                body = ("mưa lớn " * 60)[:max(0, n - len(opener) - len(ender))].rstrip()
                line = opener + body + ender
                _, texts, classes = related._scan(line)
                assert classes == [related._line_class(t) for t in texts], line


def _inline_arrows_by_slicing(text):
    """The plain statement of related._inline_arrows: strip what is before each link on its
    line (a cue line goes with it; else a cue right before it). Quadratic on a long line of
    links (a copy a link), so not the code that runs."""
    from vnclean import related
    from vnclean.blocks import Label, LineIndex

    labels, index = [], LineIndex(text)
    for m in related._INLINE_ARROW.finditer(text):
        start, line_start = m.start(), index.bounds(m.start())[0]
        before = text[line_start:start].strip()
        if before and related._line_class(before) in related._RESIDUE_CUES:
            start = line_start
        else:  # a cue right before the arrow ("Xem thêm >>"), within the reach of the longest
            near = max(line_start, start - related._ARROW_CUE_REACH)
            cue = related._ARROW_CUE_BEFORE.search(text[near:start])
            start = near + cue.start() if cue else start
        labels.append(Label(start, m.end(), "related", "related.arrow_line"))
    return labels


blanks = st.sampled_from([" ", "\t", "\xa0", "\u3000", "\x1c", "\u2028", " " * 400])
arrow_lines = st.lists(st.sampled_from(PIECES) | blanks | st.sampled_from(["x" * 330, "Tin liên quan"]),
                       max_size=25).map("".join)


@settings(max_examples=400, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(arrow_lines | noisy)
@example("Tin liên quan" + " " * 400 + ">>Bão số 3 đổ bộ vào Quảng Ninh")  # a cue, far back
@example(" " * 400 + "Tin liên quan\u3000 >>Bão số 3 đổ bộ")
def test_inline_arrows_read_what_is_before_a_link_as_stripping_it_would(text):
    from vnclean import related

    assert related._inline_arrows(text) == _inline_arrows_by_slicing(text)


HEADLINE_LINES = ["Bão số 3 đổ bộ vào Quảng Ninh gây mưa lớn", "Giá vàng hôm nay tăng mạnh phiên sáng",
                  "Hà Nội mưa lớn kéo dài suốt đêm qua", "Đội tuyển Việt Nam chốt danh sách dự giải",
                  "Ngân hàng điều chỉnh lãi suất từ tháng tới..."]
RUN_PIECES = HEADLINE_LINES + ["(26/12)", "icon", "12 giờ trước", "Dương Lâm", "Thời sự",
                               "Mưa lớn kéo dài khiến nhiều tuyến phố ở Hà Nội ngập sâu, giao thông ùn tắc kéo dài nhiều giờ liền trong chiều qua.",
                               "Nhà lãnh đạo cho biết sẽ tiếp tục theo dõi tình hình.", "    " + HEADLINE_LINES[0]]
run_pages = st.lists(st.sampled_from(RUN_PIECES), max_size=40).map("\n".join)


@settings(max_examples=400, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(run_pages)
@example("\n".join(HEADLINE_LINES[:2] + ["Dương Lâm", HEADLINE_LINES[2], RUN_PIECES[-2],
                                         HEADLINE_LINES[3], RUN_PIECES[-2]]))  # pairs after a sign-off
@example("\n".join(HEADLINE_LINES[:4] * 3 + ["(26/12)", HEADLINE_LINES[4]]))  # one card, far on
def test_the_walk_passes_over_a_refused_run_as_reading_it_again_would(page):
    # _walk skips the lines a run refused for want of chrome read (quadratic otherwise);
    # reading them again, as a walk without the skip does, must take the same lines.
    from vnclean import related

    skipping = strip_related_links.explain(page).edits
    free_run = related._free_run
    try:
        related._free_run = lambda lines, i, chrome: (free_run(lines, i, chrome)[0], i)
        reading_again = strip_related_links.explain(page).edits
    finally:
        related._free_run = free_run
    assert skipping == reading_again


# Inline cues, event tags and timed sidebars: pieces of a flattened body and of the lines
# around a story, joined at random; one pass must leave nothing for a second.
CUE_PIECES = ["Xem thêm: ", "XEM THÊM : ", "Tin liên quan ", "TIN LIÊN QUAN: ", "Sự kiện: ",
              "Giá vàng hôm nay tăng mạnh ", "Hà Nội ngập sâu sau mưa lớn", " Theo Bộ Tài chính, ",
              "dự án được bố trí đủ vốn.", ". ", "\n", "10:25\n", "2 giờ trước\n", "?",
              "Chiều 12/3, UBND tỉnh Quảng Nam tổ chức lễ khởi công dự án đường ven biển mới.\n",
              "Bão số 3 Yagi\n", "Thời gian: 8h\n"]
cue_pages = st.lists(st.sampled_from(CUE_PIECES), max_size=16).map("".join)


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(cue_pages)
def test_inline_cues_and_tags_idempotent(text):
    once = strip_related_links(text)
    assert strip_related_links(once) == once


def test_inline_cue_keeps_the_story_sentence_glued_after_it():
    body = ("Dự án dài 50 km. Xem thêm: Giá vàng hôm nay tăng mạnh "
            "Theo Bộ Tài chính, dự án được bố trí đủ vốn.")
    kept = "Dự án dài 50 km. Theo Bộ Tài chính, dự án được bố trí đủ vốn."
    assert strip_related_links(body) == kept


def test_every_letter_prefix_ends_with_a_mark_the_gate_scans_for():
    # _prefixed scans for _PREFIX_MARK before it runs _PREFIXED: a prefix opened by a letter
    # must end with one of those marks, or lines it should take would be passed over.
    for entry in related.word_list("related_prefixes.txt"):
        if entry[0] not in ">»►":
            assert "[ \\t]*[:>»-]" in entry, entry
    for line in ("Xem thêm: Giá vàng", "Tin liên quan > Bão số 3", "» Bão số 3",
                 "Mời xem tiếp- A", "Xem thêm tin tức mới", "Có thể bạn quan tâm: Giá vàng",
                 "Các tin khác - Giá vàng tăng", "Đọc bài liên quan: Bão số 3"):
        assert related._prefixed(line) == bool(related._PREFIXED.match(line))
        assert related._prefixed(line) == (line[0].casefold() in related._PREFIX_FIRST
                                           and "tin tức mới" not in line)
