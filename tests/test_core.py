"""The shared mechanism: edits, offset maps, pipelines, options."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnclean
from vnclean import Cleaner, Edit, Pipeline, apply_edits
from vnclean._core import FunctionCleaner, StepMap, validated
from vnclean.blocks import (BoilerplateCleaner, Label, SettlingCleaner, iter_lines, labels_to_edits,
                            removal_span)
from vnclean.testing import news_pages


class SpanEditor(Cleaner):
    """A test cleaner that applies fractions-of-length edits chosen by Hypothesis."""

    name = "span_editor"

    def __init__(self, plan, alphabet):
        super().__init__()
        self.plan = plan
        self.alphabet = alphabet

    def find_edits(self, text):
        edits = []
        n = len(text)
        for a, b, repl_len in self.plan:
            start, end = sorted((int(a * n), int(b * n)))
            replacement = " " if repl_len == 4 else self.alphabet[:repl_len]
            edits.append(Edit(start, end, replacement, rule="test.span", kind="other"))
        return edits


plans = st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1), st.integers(0, 4)), max_size=4)


@settings(max_examples=300, deadline=None)
@given(length=st.integers(0, 40), steps=st.lists(plans, min_size=1, max_size=4))
def test_every_original_character_survives_exactly_when_no_edit_covers_it(length, steps):
    original = "".join(chr(0x4E00 + i) for i in range(length))  # all distinct
    fresh = iter(range(0x3040, 0x30FF, 4))
    cleaners = [SpanEditor(plan, "".join(chr(next(fresh) + k) for k in range(3)))
                for plan in steps]
    result = Pipeline(*cleaners).explain(original)
    covered = set()
    for edit in result.edits:
        assert 0 <= edit.start <= edit.end <= length
        assert edit.text == original[edit.start:edit.end]
        covered.update(range(edit.start, edit.end))
    surviving = [ch for ch in result.text if ch in original]
    assert surviving == [ch for i, ch in enumerate(original) if i not in covered]
    # Without rewrites (whose parts can only map to the whole rewritten region), a later
    # removal never covers original text an earlier removal took: one that spans it in
    # the text its step read is reported as the pieces around it.
    if all(not edit.replacement.strip() for edit in result.edits):
        for k, edit in enumerate(result.edits):
            for earlier in result.edits[:k]:
                assert edit.end <= earlier.start or earlier.end <= edit.start or (
                    edit.start == edit.end or earlier.start == earlier.end)


def test_a_removal_spanning_an_earlier_one_is_reported_as_the_pieces_around_it():
    first = SpanEditor([(2 / 6, 4 / 6, 0)], "")  # "ab[XY]cd" -> "abcd"
    second = SpanEditor([(1 / 4, 3 / 4, 0)], "")  # "a[bc]d" -> "ad"
    result = Pipeline(first, second).explain("abXYcd")
    assert result.text == "ad"
    assert [(e.start, e.end, e.text) for e in result.edits] == [(2, 4, "XY"), (1, 2, "b"),
                                                                 (4, 5, "c")]


def test_a_removal_starting_at_a_seam_space_does_not_claim_the_earlier_removal():
    # "ab(X)cd": step 1 turns "(X)" into a seam space; step 2 removes " cd".
    first = StepMap([Edit(2, 5, " ")])
    assert first.back(2, "start") == 5 and first.back(3, "end") == 2
    assert first.back(3, "start") == 5 and first.back(2, "end") == 2


def test_step_map_positions_around_a_deletion_and_a_rewrite():
    # "abcdef": delete "cd", rewrite "f" -> "XYZ"  =>  "abeXYZ"
    step = StepMap([Edit(2, 4, ""), Edit(5, 6, "XYZ")])
    assert step.back(2, "start") == 4 and step.back(2, "end") == 2
    assert step.back(3, "start") == 5
    assert step.back(4, "start") == 5 and step.back(4, "end") == 6
    assert step.back(6) == 6
    assert step.back(1) == 1


def test_validated_sorts_clips_and_drops_overlaps():
    edits = validated([Edit(5, 9, ""), Edit(0, 3, "x"), Edit(2, 6, ""), Edit(8, 20, "")], 10)
    assert [(e.start, e.end) for e in edits] == [(0, 3), (5, 9)]


def test_pipeline_flattens_nested_pipelines_and_wraps_functions():
    def shout(text: str) -> str:
        return text.replace("mưa", "MƯA")

    inner = Pipeline(vnclean.normalize_unicode, shout)
    outer = Pipeline(inner, vnclean.strip_bylines)
    assert len(outer) == 3
    assert repr(outer) == "Pipeline(normalize_unicode, shout, strip_bylines)"
    result = outer.explain("TTO - Trời mưa to suốt đêm qua ở Hà Nội.")
    assert result.text == "Trời MƯA to suốt đêm qua ở Hà Nội."
    assert [(e.cleaner, e.text) for e in result.edits] == [("shout", "mưa"),
                                                            ("strip_bylines", "TTO - ")]


def test_a_function_returning_a_non_string_is_a_clear_error():
    with pytest.raises(TypeError, match="returned int"):
        Pipeline(lambda text: 3).explain("Hà Nội")


def test_a_step_that_is_not_callable_is_a_type_error():
    with pytest.raises(TypeError, match="pipeline step"):
        Pipeline("strip_nav_menus")


def test_unknown_options_and_wrong_types_are_type_errors():
    with pytest.raises(TypeError, match="unknown option"):
        vnclean.clean("Hà Nội", tone="old")
    with pytest.raises(TypeError, match="expects str"):
        vnclean.clean(b"Ha Noi")
    with pytest.raises(ValueError, match="tone_style"):
        vnclean.clean("Hà Nội", tone_style="newest")
    with pytest.raises(TypeError, match="unknown option"):
        vnclean.normalize_unicode.configured(colour="red")


@pytest.mark.parametrize("share", [True, False, "0.5", None, [0.5]])
def test_max_removed_share_must_be_a_number(share):
    # before: True was taken as 1 (and "0.5" failed with an unclear comparison error)
    with pytest.raises(TypeError, match="max_removed_share must be a number"):
        vnclean.Options(max_removed_share=share)
    with pytest.raises(TypeError, match="max_removed_share"):
        vnclean.clean_and_explain("Hà Nội", max_removed_share=share)


@pytest.mark.parametrize("share", [0, 0.5, 1, 1.0])
def test_max_removed_share_numbers_are_accepted(share):
    assert vnclean.Options(max_removed_share=share).max_removed_share == share


def test_configured_cleaner_has_a_readable_repr_and_is_cached():
    new = vnclean.normalize_unicode.configured(tone_style="new")
    assert repr(new) == "normalize_unicode.configured(tone_style='new')"
    assert vnclean.normalize_unicode.configured(tone_style="new") is new


def test_clean_and_explain_agree_and_offsets_point_at_the_original():
    text = "Trang chủ\nTTO - Mưa lớn ở Hà Nội (Ảnh: Mạnh Quân).\n© Bản quyền thuộc Báo X"
    result = vnclean.clean_and_explain(text)
    assert result.text == vnclean.clean(text)
    assert result.edits, "the sample has boilerplate to remove"
    for edit in result.edits:
        assert text[edit.start:edit.end] == edit.text


def test_clean_is_idempotent_on_every_dev_record(dev_records):
    # A second pass sees a text without the lines the first one removed: a photo story's
    # captions without their credits, a story's last line without its sign-off.
    changed = [record.id for record in dev_records
               if vnclean.clean(once := vnclean.clean(record.raw)) != once]
    assert changed == []


# Derandomized, as the cleaners' own idempotence tests: the same pages every run. Before
# remove_repeated_blocks ran last, about 4% of these pages changed on a second pass: a
# block the bylines or the credits stood between (or an agency prefix, or an end mark
# made differ) was left repeated back to back for the second pass to find.
@settings(max_examples=400, deadline=None, derandomize=True)
@given(news_pages(max_paragraphs=6))
def test_clean_is_idempotent_on_generated_pages(page):
    once = vnclean.clean(page.raw)
    assert vnclean.clean(once) == once


# The same on pages flattened onto one line (captions, bylines, related links and licences
# glued into the text). Derandomized: the same pages every run. A licence on a line too long
# for a footer, or followed by a source line, was left for a second pass to read as the
# page's footer once the other steps had removed what stood around it; the footer recheck
# (strip_promos again after the bylines) now takes it in the first.
@settings(max_examples=400, deadline=None, derandomize=True)
@given(news_pages(max_paragraphs=6, flat=True))
def test_clean_is_idempotent_on_generated_flat_pages(page):
    once = vnclean.clean(page.raw)
    assert vnclean.clean(once) == once


def test_a_share_button_freed_of_the_caption_glued_after_it_goes_in_the_first_pass():
    # Found by the test above (Hypothesis): the caption marker after the share button kept
    # strip_promos from reading the button as the page's last widget; once
    # remove_photo_captions took the marker, only a second clean took the button. The footer
    # recheck now also runs on a text that ends with a widget label.
    raw = ("Theo TTXVN Ách oác oác, oác oác oắc ung uynh biêm biêm biêm cung choăng chước. "
           "A a a. A a a. Theo TTXVN A a a. A a a. A a a. A a a a a a a a. Ác oan ạc. A a cuynh "
           "oắc. Ác oác oác, oắc oắc cách cuông cước cước chăng biêm uynh ác oác. Ác ác ác ách "
           "oác oắc ưng biêm buốc bếch coác cong cuynh choắc. Theo TTXVN A a a. Chia sẻ "
           "Ảnh minh họa ")
    once = vnclean.clean(raw)
    assert once.endswith("choắc. Theo TTXVN A a a.")
    assert vnclean.clean(once) == once


def test_the_footer_recheck_follows_its_switch_and_the_promos_switch():
    story = ("Giá vàng miếng trong nước sáng nay tăng mạnh. Nhiều người dân xếp hàng từ sớm "
             "để mua vàng. Giới phân tích cho rằng giá còn biến động. Các cửa hàng đã hạn chế "
             "số lượng bán ra. Ngân hàng Nhà nước tiếp tục theo dõi sát thị trường. Người mua "
             "cần thận trọng khi xuống tiền.")
    page = story + " Đăng nhập Giấy phép số 298/GP-BTTTT. Nguồn: Tuổi Trẻ"
    assert vnclean.clean(page) == story
    assert vnclean.clean(page, recheck_footers=False) == (
        story + " Đăng nhập Giấy phép số 298/GP-BTTTT.")
    assert "recheck_footers" in repr(vnclean.default_pipeline())
    assert "recheck_footers" not in repr(vnclean.default_pipeline(promos=False))


def test_a_caption_under_a_menu_item_is_left_so_a_second_pass_finds_no_menu():
    # Hypothesis drew this page (which examples it draws depends on the project's constants
    # loaded, so on the test order): the caption between two section lines went with its
    # credit, and a second pass found the two lines a menu.
    page = "A a a.\nA a a.\nThời sự\nA a a.\nẢnh: Mạnh Quân\nThời sự\n"
    once = vnclean.clean(page)
    assert once == "A a a.\nA a a.\nThời sự\nA a a.\nThời sự"
    assert vnclean.clean(once) == once


def test_function_cleaner_records_the_changed_region_only():
    cleaner = FunctionCleaner(lambda t: t.replace("Ð", "Đ"), name="fix_eth")
    [edit] = cleaner.find_edits("Ðà Nẵng")
    assert (edit.start, edit.end, edit.replacement) == (0, 1, "Đ")


@pytest.mark.parametrize("text, span, expected", [
    ("Mưa lớn.\nẢnh: TTXVN\nGió mạnh.", (9, 19), "Mưa lớn.\nGió mạnh."),
    ("Mưa lớn.\nẢnh: TTXVN", (9, 19), "Mưa lớn."),
    ("Ảnh: TTXVN Gió mạnh.", (0, 10), "Gió mạnh."),
    ("Gió mạnh. Ảnh: TTXVN", (10, 20), "Gió mạnh."),
    ("Mưa lớn. (Ảnh: X) Gió mạnh.", (9, 17), "Mưa lớn. Gió mạnh."),
    ("Mưa lớn.Ảnh: X Gió.", (8, 14), "Mưa lớn. Gió."),
    ("Mưa lớn.(Ảnh: X)Gió.", (8, 16), "Mưa lớn. Gió."),
])
def test_removal_span_leaves_tidy_text(text, span, expected):
    start, end, replacement = removal_span(text, *span)
    assert text[:start] + replacement + text[end:] == expected


def test_adjacent_line_labels_never_overlap_even_on_the_last_line():
    text = "Thân bài.\nTin liên quan\n>> Bài A"
    labels = [Label(10, 23, "related", "r.head"), Label(24, 32, "related", "r.arrow")]
    edits = labels_to_edits(text, labels, "strip_related_links")
    assert apply_edits(text, edits) == "Thân bài."
    assert edits[0].end <= edits[1].start


class _Labeller(BoilerplateCleaner):
    """A boilerplate cleaner that labels the spans Hypothesis picked (fractions of length)."""

    name = "labeller"

    def __init__(self, plan):
        super().__init__()
        self.plan = plan

    def classify(self, text):
        n = len(text)
        return [Label(int(a * n), int(b * n), "other", f"t.{k}")
                for k, (a, b) in enumerate(self.plan)]


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from("ab .,\n\t\r(Ảnh)"), max_size=40),
       st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), max_size=6))
def test_boilerplate_apply_joins_what_its_edits_give(text, plan):
    # apply skips building and validating Edit objects: the same text as the edits give,
    # and the edits it would build are valid as they are.
    cleaner = _Labeller(plan)
    edits = cleaner.find_edits(text)
    assert validated(edits, len(text)) == edits
    assert cleaner.apply(text) == apply_edits(text, edits)


class _TopMarkRemover(SettlingCleaner):
    """Deletes the first line when it is a lone "X": deleting it exposes the next one."""

    name = "top_mark_remover"

    def __init__(self, rounds):
        super().__init__()
        self.settle_rounds = rounds

    def classify_once(self, text):
        first = text.split("\n", 1)[0]
        return [Label(0, len(first), "other", "t.top")] if first == "X" else []


def test_settling_cleaner_reads_what_its_deletions_leave_until_nothing_more():
    text = "X\nX\nX\nMưa lớn ở Hà Nội."
    settled = _TopMarkRemover(rounds=2)
    edits = settled.find_edits(text)
    assert settled(text) == apply_edits(text, edits) == "Mưa lớn ở Hà Nội."
    assert [text[e.start:e.end] for e in edits] == ["X\n"] * 3  # original offsets
    # a round fewer than the marks need leaves the last one for a second call
    assert _TopMarkRemover(rounds=1)(text) == "X\nMưa lớn ở Hà Nội."


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("X \nab"), max_size=30))
def test_settling_cleaner_apply_agrees_with_its_edits(text):
    cleaner = _TopMarkRemover(rounds=2)
    edits = cleaner.find_edits(text)
    assert validated(edits, len(text)) == edits
    assert cleaner.apply(text) == apply_edits(text, edits)


def test_iter_lines_offsets_match_the_text():
    text = "Thời sự\n\nHà Nội\n"
    for line in iter_lines(text):
        assert text[line.start:line.end] == line.text
    assert [line.text for line in iter_lines(text)] == ["Thời sự", "", "Hà Nội", ""]


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2003\u2028\u200baĐ"), max_size=40))
def test_tidy_whitespace_fast_path_equals_its_edits(text):
    from vnclean import tidy_whitespace

    edits = validated(tidy_whitespace.find_edits(text), len(text))
    assert tidy_whitespace.apply(text) == apply_edits(text, edits)


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(" \t\n\r\x0b\x85\xa0\u2028aĐ"), max_size=40))
def test_line_by_line_rstrip_is_the_trailing_space_substitution(text):
    from vnclean.whitespace import _TRAILING_SPACE_FAST

    stripped = "\n".join([line.rstrip(" \t") for line in text.split("\n")])
    assert stripped == _TRAILING_SPACE_FAST.sub("", text)



def test_importing_every_module_raises_no_warning(tmp_path):
    # Invalid escapes in docstrings or patterns warn only when the source is compiled: a fresh
    # interpreter with warnings as errors and an empty bytecode cache sees them.
    import subprocess
    import sys

    modules = ["vnclean", "vnclean.cli", "vnclean.html", "vnclean.batch", "vnclean.testing",
               "vnclean.pytest_plugin", "vnclean.corpus", "vnclean.legacy", "vnclean.dates"]
    code = "; ".join(f"import {name}" for name in modules)
    done = subprocess.run([sys.executable, "-W", "error", "-X", f"pycache_prefix={tmp_path}",
                           "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "", "Trang chủ\nThời sự", "TTO - Mưa lớn ở Hà Nội.\nẢnh: Mạnh Quân", "Giá vàng tăng./.",
    "Chia sẻ\nHòa Bình có thủy điện lớn.", "Tin liên quan\n>> Hà Nội mở tuyến buýt mới",
    "Văn Khương", "null", "  \n\n  Nhà  hàng   mở cửa.  ",
]) | st.text(max_size=60), max_size=12))
def test_apply_many_is_apply_on_each(texts):
    pipeline = vnclean.default_pipeline()
    assert pipeline.apply_many(texts) == [pipeline.apply(text) for text in texts]
    assert pipeline.apply_many(iter(texts)) == [pipeline.apply(text) for text in texts]


def test_apply_many_rejects_a_non_str_before_cleaning_anything():
    with pytest.raises(TypeError, match="expects str"):
        vnclean.default_pipeline().apply_many(["Mưa lớn.", None])


def _word_list_letters() -> str:
    """Every character of every word list (casefolded entries), once."""
    from importlib import resources

    from vnclean.blocks import lookup_set
    names = [p.name for p in resources.files("vnclean.data").iterdir() if p.name.endswith(".txt")]
    return "".join(sorted({c for name in names for entry in lookup_set(name) for c in entry}))


def test_a_letter_standing_alone_in_a_casefold_trie_matches_what_casefolds_to_it():
    """``casefold_pattern`` reads its tries with IGNORECASE and writes a letter alone where
    IGNORECASE matches exactly the characters whose casefold is that letter (checked over
    the BMP when the trie is built); here over every code point, astral ones too."""
    import re

    from vnclean.blocks import _first_class
    every = "".join(map(chr, [*range(0xD800), *range(0xE000, 0x110000)]))
    letters = [c for c in _word_list_letters() if c.casefold() == c]
    assert len(letters) > 60  # (the Vietnamese alphabet with its tones, at least)
    for letter in letters:
        found = {m.group() for m in re.finditer("(?i:%s)" % _first_class(letter), every)}
        assert found == {c for c in found | {letter} if c.casefold() == letter}, letter
        assert letter in found and letter.upper() in found, letter


@pytest.mark.parametrize("words, matching, not_matching", [
    (["tin liên quan", "tin mới"], ["TIN LIÊN QUAN", "Tin Mới", "tin liên quan", "Tin MỚI"],
     ["Tin liên quan:", "Tİn mới", "Tın mới"]),
    (["kinh tế", "sức khỏe"], ["\u212aINH TẾ", "ſức khỎe", "SỨC KHỎE"], ["kinh te", "Sức khoẻ"]),
    (["strasse"], ["STRASSE", "Straße", "STRAẞE"], ["Strase"]),
    (["i\u0307stanbul"], ["\u0130stanbul", "I\u0307STANBUL"], ["istanbul", "Istanbul"]),
])
def test_casefold_pattern_matches_exactly_the_strings_with_one_of_the_casefolds(
        words, matching, not_matching):
    import re

    from vnclean.blocks import casefold_pattern
    for leading in (False, True):
        pattern = re.compile(casefold_pattern(words, leading=leading) + r"\Z")
        for text in matching:
            assert pattern.match(text), (text, leading)
            assert text.casefold() in words
        for text in not_matching:
            assert not pattern.match(text), (text, leading)
            assert text.casefold() not in words
