"""strip_promos: properties (Hypothesis) and the dev-corpus removal floor."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from vnclean import strip_promos

from conftest import removal_score

PROSE = [
    "\"Em rất vui khi được chọn\", Minh chia sẻ.",
    "Người dân có thể gọi đường dây nóng 0913 839 963 của công an phường.",
    "Công ty bị thu hồi giấy phép kinh doanh vì vi phạm quy định.",
    "Thí sinh đăng ký dự thi tại trường từ ngày 1/4 đến hết ngày 20/4.",
    "Tòa soạn báo đã nhận được nhiều thư phản ánh của bạn đọc.",
]
PIECES = ["Chia sẻ", "Bình luận", "©", "Copyright", "Hotline: 0913 839 963", "Giấy phép số 13/GP",
          "Lưu bài viết thành công", "Ý kiến bạn đọc (0)", "* Mời quý độc giả theo dõi", "\n",
          "\n\n", ". ", "https://x.vn", "Đăng ký tại đây: ", "Email: a@b.vn", "Tòa soạn: ",
          # the general forms: calls to action, contact and masthead lines, widget forms
          "Theo dõi Báo X trên Google News", "Tải ứng dụng", " Zalo", "Tổng biên tập: ",
          "Nguyễn Văn A", "Liên hệ quảng cáo: ", "0912 345 678", "Báo lỗi", "Ý kiến của bạn",
          "Công ty Cổ phần ABC ", "Website: ",
          # comment threads, video prompts, footer name lines
          "Trả lời", "Thích (12)", "Báo vi phạm", "2 giờ trước", "Trần Văn An",
          "Mời bạn xem thêm video:", "BÁO ĐIỆN TỬ DÂN TRÍ", "Bạn đang đọc bài viết ",
          # agency prefixes, feedback answers, reading notices, the site's desk
          "TTO - ", "Có", "Bài viết có hữu ích với bạn không?", "Bạn đang xem bài viết trên X.vn",
          "Hotline tòa soạn: ", "Thí sinh cần hỗ trợ liên hệ:"]
noisy = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=20).map("".join)
prose = st.lists(st.sampled_from(PROSE), min_size=1, max_size=6).map("\n".join)


# Derandomized: the same examples every run (a rare corner found by a long campaign must
# not make the suite flaky); long campaigns vary the seed outside the suite.
@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(noisy)
# a widget line above, a notice before: once judged before they went, so kept a first pass
@example("Chia sẻ\nhttps://x.vn")
@example("©. https://x.vn")
def test_idempotent(text):
    once = strip_promos(text)
    assert strip_promos(once) == once


def test_call_to_action_behind_a_glued_widget_goes_in_one_pass():
    assert strip_promos("Đăng ký tại đây: Lưu bài viết thành cônghttps://x.vn") == ""


@given(prose)
def test_plain_prose_unchanged(text):
    assert strip_promos(text) == text


@settings(max_examples=100)
@given(noisy)
def test_explain_offsets_point_at_the_original(text):
    result = strip_promos.explain(text)
    assert result.text == strip_promos(text)
    for edit in result.edits:
        assert text[edit.start:edit.end] == edit.text


def test_thousands_of_markers_do_not_break_it():
    for text in ("Chia sẻ\n" * 5000, "©" * 5000, "Hotline: " * 3000,
                 "Lưu bài viết thành công " * 3000, "Tòa soạn: x\n" * 3000 + "© X"):
        assert isinstance(strip_promos(text), str)


def test_dev_promo_recall_floor(dev_records):
    # Reached 0.742 on dev (word characters, this cleaner alone; 0.919 in the pipeline); the floor sits just below.
    score = removal_score(dev_records, lambda raw: strip_promos.explain(raw).edits, "promo")
    assert score.recall >= 0.73


# ---------------------------------------------------------------- the candidate-line search

from vnclean import promos  # noqa: E402
from vnclean._data import compile_named
from vnclean.blocks import WarmUp, _multi_folds, nonblank_lines  # noqa: E402

# The search built: below, _line_first_pass takes it on every text of many lines (before it
# is built, a process tests each line of its first texts instead: see the test of that).
promos._line_finder()

# Pieces that stress the casefold-exact search: letters whose casefold differs from
# IGNORECASE's (kelvin sign, long s, dotted I, sharp s, ligatures), cue words in odd case.
ODD = ["K", "ſ", "İ", "ẞ", "ß", "ﬅ", "ﬁ", "ǰ", "\xa0", "\u2003", "\t", " ", "*", "•", "-", ":",
       "HOTLİNE", "hotline", "HotLine", "Tổng đài", "TỔNG ĐÀİ", "giấy phép", "GIẤY PHÉP",
       "Điện thoại: ", "Email: ", "Tổng biên tập: ", "Nguyễn Văn A", "Theo dõi ", "Google News",
       "Tải ứng dụng", "Zalo", "Liên hệ quảng cáo: ", "SĐT", "ĐT: ",
       "GpXb", "Số lần xem", "lượt đọc", "(0)", "0 comments", "chia sẻ", "CHIA SẺ", "Bình luận",
       "share this poﬅ on", "@", "0913 839 963", "+84 913", "1900 1234", "(", "+", "7",
       "news@site.vn", "a@b.vn | 0913 839 963", "Giấy phép số 13/GP-BTTTT", "GPXB: 5/GP-TTĐT",
       # lead agency prefixes a cue line may stand behind
       "TTO - ", "(Dân trí) - ", "VTV.vn – ", "(PLO)-", "ĐT - "]
odd_lines = st.lists(st.sampled_from(ODD) | st.sampled_from(PIECES) | st.text(max_size=5),
                     max_size=12).map("".join)
odd_texts = st.lists(odd_lines, max_size=8).map("\n".join)


def _every_line(text):
    """The per-line pass as it was: every non-blank line through the same tests."""
    labels = (promos._line_label(text, m) for m in nonblank_lines(text))
    return [label for label in labels if label is not None]


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(odd_texts)
def test_candidate_search_misses_no_line(text):
    # The whole-text searches only choose which lines reach the per-line tests: the
    # labels equal those of every line tested.
    assert promos._line_first_pass(text) == _every_line(text)


def test_line_finder_branches_open_with_a_non_space():
    # _line_finder's look-ahead for a non-space after a line's lead spaces holds only if no
    # widget label or cue word opens with a space.
    assert not any(word[:1].isspace() for word in (*promos._WIDGETS, *promos._CUE_WORDS))


def test_candidate_search_on_corpus_lines(dev_records):
    for record in dev_records:
        for text in (record.raw, record.raw.upper(), record.raw.casefold()):
            assert promos._line_first_pass(text) == _every_line(text)


def test_licence_cues_cannot_start_inside_a_multi_character_casefold():
    # A licence cue may start anywhere in a line's head, and the search finds it from its
    # first casefolded character: one that began inside the casefold of one character
    # (``ﬁ`` -> ``fi``) would slip past it. (The other cues open the line after lead
    # characters, so they start at a character's casefold, which the search handles.)
    for folded, _ in _multi_folds():
        for k in range(1, len(folded)):
            for cue in promos._LICENCE_CUES:
                assert not (cue.startswith(folded[k:]) or folded[k:].startswith(cue))


def test_line_cue_pattern_is_built_from_the_cue_words():
    # The cue words come from the data lists (contact labels, masthead roles, calls to
    # action) and a few fixed openers; the pattern reads them casefolded, at a line's start.
    assert {"hotline", "đường dây nóng", "tổng đài", "số lần xem", "lượt xem", "lượt đọc",
            "cần nhập", "vui lòng nhập", "bạn cần lựa chọn", "điện thoại", "tổng biên tập",
            "theo dõi", "tải", "email"} <= set(promos._CUE_WORDS)
    assert all(word == word.casefold() for word in promos._CUE_WORDS)
    for group, words in promos._CUE_GROUPS.items():
        for word in words:
            assert promos._LINE_CUE.match(word + " x").lastgroup == group
    assert promos._LINE_CUE.match("* 0913").lastgroup == "digit"
    assert promos._LICENCE_CUE.match("giấy phép số 13/gp")


def test_few_long_lines_take_the_same_tests():
    # A flattened page tests every line (no searches); the labels are the same either way.
    for text in ("Lưu bài viết thành công " * 80 + "\nChia sẻ\nHotline: 0913 839 963",
                 "x" * 2000 + "\nnews@site.vn\nGiấy phép số 13/GP-BTTTT cấp ngày 1/1/2020"):
        assert len(text) > promos._LONG_LINES * (text.count("\n") + 1)
        assert promos._line_first_pass(text) == _every_line(text)
        many = text.replace("\n", "\n\n" * 400)
        assert [(lab.rule, many[lab.start:lab.end]) for lab in promos._line_first_pass(many)] \
            == [(lab.rule, text[lab.start:lab.end]) for lab in promos._line_first_pass(text)]


_WHOLE = compile_named("^(?:%s)" % "|".join(a for a in promos._ALTERNATIVES if "^" in a[:20]),
                       promos._F)


def _whole_pattern_label(text, m):
    """_line_label as one pattern: every line alternative tried on every cue line, and on
    the cue line behind a lead's agency prefix (``TTO - Hotline: ...``: the whole line)."""
    label = _whole_pattern_cue_label(text, m)
    prefix = promos._AGENCY_PREFIX.match(m.group())
    if label is not None or prefix is None:
        return label
    cue = promos._LINE_CUE.match(m.group()[prefix.end():][:promos._CUE_HEAD].casefold())
    if cue is None or cue.lastgroup not in promos._CUE_GROUPS:
        return None
    start = m.start() + prefix.end()
    blanked = text[:m.start()] + " " * prefix.end() + text[start:]
    rest = promos._NONBLANK.match(blanked, start, m.end())
    inner = _whole_pattern_cue_label(blanked, rest)
    if inner is None or inner.end < m.end():
        return None
    return promos.Label(m.start(), m.end(), inner.kind, inner.rule, inner.confidence)


def _whole_pattern_cue_label(text, m):
    stripped = m.group()
    if len(stripped) > promos._LINE_MAX:
        return None
    short = len(stripped) <= promos._WIDGET_MAX
    low = (stripped if short else stripped[:promos._CUE_HEAD]).casefold()
    if len(stripped) <= promos._WIDGET_MAX and low.rstrip(": \t") in promos._WIDGETS:
        return promos._cue_line_label(text, m)
    if len(stripped) <= promos._WIDGET_ROW_MAX and promos.is_widget_row(stripped):
        return promos._cue_line_label(text, m)  # a row of widget labels ("Bình luận Zalo")
    if not (promos._LINE_CUE.match(low) or promos._LICENCE_CUE.match(low) or "@" in stripped):
        return None
    lo = text.rfind("\n", 0, m.start()) + 1
    hi = text.find("\n", m.end())
    hi = len(text) if hi < 0 else hi
    if hi - lo > promos._LINE_MAX:
        return None
    c = _WHOLE.match(text, lo, hi)
    return None if c is None else promos._candidate_label(text, c)


@settings(max_examples=1500, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(odd_texts)
@example("KHOTLİNETỔNG ĐÀİTỔNG ĐÀİEmail: a@b.vnLiên hệ quảng cáo: 00Giấy phép số 13/GP-BTTTT")
@example("HOTLİNEnews@site.vnChia sẻ")  # the casefold's extra character hid the cue
@example("HOTLİNE: 0909 123 456")  # no cue once casefolded, no "@": no cue line
@example("Bình luận Zalo")  # a row of widget labels, no cue word at all
@example("KKKĐiện thoại: share this poﬅ onĐT - Đăng ký tại đây: Có0000Giấy phép số 13/GP")
def test_each_cue_tries_the_alternatives_the_whole_pattern_would(text):
    # _line_label tries a line only against the alternatives its cue allows; the label is
    # the one the whole alternation gives.
    for m in nonblank_lines(text):
        assert promos._line_label(text, m) == _whole_pattern_label(text, m)


def test_cue_groups_name_one_alternative():
    groups = promos._CUE_GROUPS
    for a, b in [(a, b) for a in groups for b in groups if a != b]:
        assert not [(x, y) for x in groups[a] for y in groups[b] if y.startswith(x)]


@pytest.mark.parametrize("line", [
    "0913 839 963", "+84 913 839 963", "84 913 839 963", "1900 1234", "1800.1234", "12 bình luận",
    "12 BÌNH LUẬN", "3\tComments", "0 comments", "7 Comment", "19", "21:32", "31/08/2018",
    "2.000 cán bộ đi bộ gây quỹ", "840", "(024) 3943 5556", "1234567 bình luận",
    "* 0913 839 963", "- 12 bình luận", "12 bình luận giấy phép số 13/GP", "5 GPXB: 5/GP-TTĐT",
    "\xa00913 839 963", "3 người giấy phép 13/GP-BTTTT", "1.234 lượt xem", "12 Views",
    "1,234 views", "1.2345 lượt xem", "2.000 lượt xem video", "12 LƯỢT THÍCH"])
def test_digit_led_lines_take_the_tests_the_whole_pattern_would(line):
    # A digit-led line reaches the contact-line and counter patterns only when it opens
    # like one (_DIGIT_LINE); the label is the one the whole alternation gives.
    for text in (line, "Tin chính.\n " + line + "\nHết."):
        for m in nonblank_lines(text):
            assert promos._line_label(text, m) == _whole_pattern_label(text, m)
        assert promos._line_first_pass(text) == _every_line(text)


def test_licence_reach_counted_on_the_original_line():
    # The licence cue's reach was counted on the casefolded head, where İ takes two
    # characters: a licence the pattern reads was missed (a known corner until then).
    text = "KKİ0 comments@* Mời quý độc giả theo dõiTải ứng dụng Zalo000Giấy phép số 13/GP"
    m = next(nonblank_lines(text))
    assert promos._line_label(text, m) == _whole_pattern_label(text, m)


SPONSOR_PIECES = ["Hotline", "Tổng đài", "E-mail", "Email", "Website", "Fanpage", "Địa chỉ",
                  "Điện thoại", "Trụ sở", "Tòa nhà", "Toà nhà", "Fax", "Liên hệ", "liên hệ",
                  "²", "\u0301", "_", "a@b.vn", "0913 839 963", "https://", "www.", " ", ":", "x"]


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(SPONSOR_PIECES) | st.text(max_size=3), max_size=12).map("".join))
def test_sponsor_word_search_finds_every_word_cue(text):
    # The sponsor rule skips its cue scan where the stdlib search finds no cue word: that
    # search must find every word cue the regex finds (its \b tests dropped: a superset).
    for m in promos._SPONSOR_CUE.finditer(text):
        if m.group("concrete") is None:
            assert promos._SPONSOR_WORD.search(text, m.start(), m.end())


def test_widget_ends_are_keyed_on_two_characters():
    # _ends_with_widget compares a text's end only with the labels sharing its last two
    # characters: every label must hold two at least, and sit under its own two.
    assert all(len(label) >= 2 for label in promos._WIDGETS)
    assert sorted(w for ws in promos._WIDGET_ENDS.values() for w in ws) == sorted(promos._WIDGETS)
    assert all(w[-2:] == key for key, ws in promos._WIDGET_ENDS.items() for w in ws)


ROW_PIECES = [w[:1].upper() + w[1:] for w in sorted(promos._WIDGETS)[::5]] + [
    "Chia sẻ", "Bình luận", "Lưu", "In bài", "Tin", "chia sẻ", "CHIA SẺ", " | ", " • ", " · ",
    "*", " ", "\t", ":", "x", "Hà Nội", "ǅ", "İ", "ẞ"]


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(ROW_PIECES) | st.text(max_size=3), max_size=8).map("".join),
       st.integers(0, 3))
def test_widget_row_gates_skip_no_row(line, min_labels):
    # is_widget_row first tests whether the first word can open a label (capitalised, a
    # label's first word): the answer must be the one the labels tried without it give.
    gated = promos.is_widget_row(line, min_labels)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(promos, "_opens_label", lambda word: True)
        assert gated == promos.is_widget_row(line, min_labels)


def test_a_few_short_texts_never_build_the_line_finder(monkeypatch):
    # A process cleaning a short text tests its lines one by one (the labels the search
    # would give); it builds the search once its texts hold more lines than that is worth.
    monkeypatch.setattr(promos, "_FINDER_WARM_UP", WarmUp(promos._LINES_BEFORE_FINDER))
    promos._line_finder.cache_clear()
    try:
        text = "Mưa lớn ở Hà Nội.\nChia sẻ\nHotline: 0913 839 963\n© Báo X"
        assert promos._line_first_pass(text) == _every_line(text)
        assert promos._line_finder.cache_info().currsize == 0
        promos._line_first_pass("Mưa lớn.\n" * promos._LINES_BEFORE_FINDER)
        assert promos._line_finder.cache_info().currsize == 1
    finally:
        promos._line_finder()


# The piece gates before case-insensitive searches: each must pass every text its
# patterns find a match in (the pieces are read from the patterns: a gate never skips one).
GATED = [(promos._STRONG_CUES.may_match, (promos._FOOTER_STRONG,)),
         (lambda text: promos._FOOTER_CUES.finder(text) is not None,
          (promos._FOOTER_STRONG, promos._FOOTER_WEAK)),
         (promos._FOOTER_NAMES.may_match, (promos._FOOTER_NAME,)),
         (promos._FLAT_CUES.may_match, (promos._FLAT_FOOTER_CUE,)),
         (promos._FLAT_LABELS.may_match, (promos._FLAT_FOOTER_LABEL,)),
         (lambda text: promos._INLINE.finder(text) is not None, (promos._INLINE_CANDIDATES,))]
FOOTER_PIECES = ["© 2024 ", "Copyright", "COPYRİGHT", "All Rights Reserved", "Bản quyền thuộc",
                 "BẢN QUYỀN ©", "Giấy phép số 13/GP-BTTTT", "GPXB", "Tổng biên tập: ",
                 "Cơ quan chủ quản: ", "- Cơ quan Trung ương của", "BÁO ĐIỆN TỬ ", "Tạp chí ",
                 "Powered by", "Theme by ", "Ghi rõ nguồn khi phát hành lại", "Vui lòng ghi nguồn",
                 "Đài Truyền hình ", "Cổng TTĐT ", "Thông tấn xã ", "Hotline", "E-mail", "Fax",
                 "Tầng 5", "không được sao chép", "Thiết kế bởi", "Mã số thuế", "Nghiêm cấm"]
gate_texts = st.lists(st.sampled_from(FOOTER_PIECES) | st.sampled_from(PIECES)
                      | st.sampled_from(ODD) | st.text(max_size=4), max_size=10).map("".join)


# The pieced alternations and the whole ones they stand for.
PIECED = [(promos._INLINE, promos._INLINE_CANDIDATES), (promos._NOTICES, promos._FOOTER_NOTICE),
          (promos._STRONG_CUES, promos._FOOTER_STRONG),
          (promos._CONTACT_START, promos._CONTACT_START.whole),
          (promos._FOOTER_NAMES, promos._FOOTER_NAME), (promos._FLAT_CUES, promos._FLAT_FOOTER_CUE),
          (promos._FLAT_LABELS, promos._FLAT_FOOTER_LABEL)]


def _pieced_alternations_agree(text):
    # The branches a pieced alternation keeps find what the whole alternation finds.
    for pieced, whole in PIECED:
        found = [(m.span(), m.lastgroup) for m in pieced.finditer(text)]
        assert found == [(m.span(), m.lastgroup) for m in whole.finditer(text)], text
        # its gate says no exactly where no branch is chosen
        assert pieced.may_match(text) == (pieced.finder(text) is not None), text
    assert (promos._FOOTER_CUES.search(text) is not None) == bool(
        promos._FOOTER_STRONG.search(text) or promos._FOOTER_WEAK.search(text))


def _gates_pass_matches(text):
    for gate, patterns in GATED:
        if any(pattern.search(text) for pattern in patterns):
            assert gate(text), (text, patterns)
    _pieced_alternations_agree(text)


@settings(max_examples=1000, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(gate_texts)
def test_piece_gates_pass_every_match(text):
    for variant in (text, text.upper(), text.casefold()):
        _gates_pass_matches(variant)


def test_piece_gates_on_corpus_lines(dev_records):
    for record in dev_records:
        for line in record.raw.splitlines():
            if 0 < len(line) <= promos._LINE_MAX:
                _gates_pass_matches(line)
                _gates_pass_matches(line.upper())


def test_piece_gates_are_read_from_the_patterns():
    # Each gated pattern yields pieces (a gate that passes everything would be no gain).
    from vnclean._data import required_pieces
    for _, patterns in GATED:
        assert required_pieces("|".join(p.pattern for p in patterns))


def test_piece_letters_match_only_their_casefold():
    # A gate reads a text's casefold when every character folds to one: then a character
    # that a pattern's literal matches, ignoring case, must fold to that literal's fold.
    import regex
    from vnclean._data import required_pieces
    letters = set()
    for _, patterns in GATED:
        letters.update("".join(required_pieces("|".join(p.pattern for p in patterns))))
    singles = "".join(c for c in map(chr, range(0x10000))
                      if not 0xD800 <= ord(c) < 0xE000 and len(c.casefold()) == 1)
    for letter in letters:
        matched = regex.findall(regex.escape(letter), singles, regex.IGNORECASE | regex.V1)
        assert {c.casefold() for c in matched} <= {letter}, letter


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(ROW_PIECES) | st.text(max_size=3), max_size=8).map("".join))
def test_widgets_before_gate_skips_no_label(text):
    # widgets_before tries a run of words as a label only when its first word may open one.
    gated = promos.widgets_before(text, 0, len(text))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(promos, "_opens_label", lambda word: True)
        assert gated == promos.widgets_before(text, 0, len(text))


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from([" ", "\t", "\xa0", "\n", "https://x.vn/a", "http://", "www.",
                                 "www.x.vn", "\"", "<", "a", "Mưa"]), max_size=8).map("".join),
       st.integers(0, 12))
def test_end_url_as_the_search_finds_it(text, lo):
    # _end_url tries the one place a URL ending the text can start: the search's answer.
    found = promos._end_url(text, lo, len(text))
    expected = promos._END_URL.search(text, lo, len(text))
    assert (found and found.span()) == (expected and expected.span())
