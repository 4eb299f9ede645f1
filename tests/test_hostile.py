"""Hostile input: any ``str`` gives a result, wrong types a documented error, never a crash.

Adversarial generators cover what a crawl of millions of pages holds: long runs of one
character, thousands of caption markers, deep repetition, control characters, lone
surrogates, mixed scripts. Timing is left to ``benchmarks/bench_hostile.py``.
"""

from __future__ import annotations

import concurrent.futures
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnclean
import vnclean.legacy
import vnclean.tones

CLEANERS = [cleaner for _, cleaner in vnclean.DEFAULT_STEPS]
PUBLIC_TEXT_FUNCTIONS = [vnclean.clean, vnclean.normalize_unicode, *CLEANERS]

MARKERS = ["Ảnh:", "(Ảnh: ", "Ảnh minh họa", ">>", "Tin liên quan", "Theo ", "/.", "©",
           "(Dân trí) - ", "Video:", " - Ảnh 1.", "\n", "\n\n", ". ", "Đăng nhập", "null",
           "Ã", "á»", "\u200b", "\xa0", "\ufeff", "\x00", "\r\n", "\ud800", "o\u0300a"]

adversarial_pieces = st.sampled_from(MARKERS) | st.text(max_size=8)
adversarial_text = st.builds(
    lambda pieces, repeat: "".join(pieces) * repeat,
    st.lists(adversarial_pieces, max_size=12),
    st.integers(1, 60),
)
any_text = st.text(st.characters(codec=None, categories=None), max_size=300)


def _check_result(text: str) -> None:
    result = vnclean.clean_and_explain(text)
    assert isinstance(result.text, str)
    assert result.text == vnclean.clean(text)
    for edit in result.edits:
        assert 0 <= edit.start <= edit.end <= len(text)
        assert text[edit.start:edit.end] == edit.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_string_gives_a_result_whose_edits_point_at_the_input(text):
    _check_result(text)


# Surrogates are rare in any_text (Hypothesis draws one in hundreds of texts): these mix
# them into Vietnamese words, paired and lone, in either order.
surrogate_text = st.lists(st.sampled_from(
    ["Hà Nội", " mưa lớn.", "\n", "Ảnh: X", "\ud800", "\udcff", "\ud83d", "\ude00"]),
    max_size=30).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text | surrogate_text)
def test_any_string_cleans_to_text_utf8_can_write(text):
    # A lone surrogate (a JSON escape read apart, surrogateescape) cannot be written: a run
    # writing the output to a file or Parquet would stop at it.
    vnclean.clean(text).encode("utf-8")
    vnclean.clean_html(text).encode("utf-8")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(adversarial_text)
def test_adversarial_repetition_gives_a_result(text):
    _check_result(text)
    for cleaner in CLEANERS:
        assert isinstance(cleaner(text), str)


@pytest.mark.parametrize("text", [
    "a" * 200_000,
    "Ảnh: " * 20_000,
    "(Ảnh: X)" * 10_000,
    ">> " * 30_000,
    "\n" * 50_000,
    "Trang chủ\n" * 10_000,
    "\x00\x01\x02\x1f\x7f" * 5_000,
    "\ud800\udfff" * 1_000,
    ("Hà Nội mưa lớn. " * 2_000 + "\n") * 5,
    "Ảnh:" + "Ảnh " * 40_000,
    # letters whose case folding is two characters, before "@": a caseless e-mail pattern
    # tried exponentially many splits of them (64 took longer than any test run)
    "İ" * 64 + "@",
    "Email: " + "ß" * 64 + "@bao.vn\n" + "ﬁ" * 64 + "@",
], ids=["run", "markers", "credits", "arrows", "newlines", "menu", "controls", "surrogates",
        "long-lines", "marker-then-repeats", "folding-before-at", "folding-e-mails"])
def test_pathological_documents_are_cleaned(text):
    _check_result(text)


@pytest.mark.parametrize("function", PUBLIC_TEXT_FUNCTIONS, ids=lambda f: repr(f))
@pytest.mark.parametrize("value", [None, 3, b"bytes", ["list"]], ids=repr)
def test_wrong_types_raise_type_error(function, value):
    with pytest.raises(TypeError):
        function(value)


TEXT_HELPERS = [vnclean.tones.parse_syllable, vnclean.tones.split_tone, vnclean.tones.place_tone,
                vnclean.tones.is_vietnamese_word, vnclean.tones.fix_tones,
                vnclean.tones.tone_fixes, vnclean.tones.qu_tone_positions,
                vnclean.tones.strip_tone_marks, vnclean.legacy.detect_legacy,
                vnclean.legacy.legacy_edits, vnclean.legacy.fix_legacy,
                lambda text: vnclean.legacy.convert_legacy(text, "tcvn3")]


@pytest.mark.parametrize("function", TEXT_HELPERS, ids=lambda f: getattr(f, "__name__", "f"))
@pytest.mark.parametrize("value", [None, b"hoa", ["hoa"]], ids=repr)
def test_text_helpers_reject_wrong_types(function, value):
    with pytest.raises(TypeError):
        function(value)


def test_clean_many_rejects_one_text():
    with pytest.raises(TypeError):
        vnclean.clean_many("Hà Nội mưa lớn.")


@pytest.mark.parametrize("options", [{"legacy_encodings": "no"}, {"nav": 1}, {"tidy": None}],
                         ids=repr)
def test_switches_take_booleans_only(options):
    with pytest.raises(ValueError):
        vnclean.clean("Hà Nội mưa lớn.", **options)
    with pytest.raises(ValueError):
        vnclean.default_pipeline(**options)


def test_normalize_unicode_switch_takes_a_boolean():
    with pytest.raises(ValueError):
        vnclean.normalize_unicode.configured(legacy_encodings="no")


def test_clean_and_explain_rejects_wrong_types():
    with pytest.raises(TypeError):
        vnclean.clean_and_explain(b"Ha Noi")


def _documents() -> list[str]:
    rng = random.Random(7)
    words = "Hà Nội mưa lớn Ảnh: Theo TTXVN Tin liên quan >> Trang chủ người dân cho biết".split()
    return ["\n".join(" ".join(rng.choice(words) for _ in range(rng.randint(1, 15))) + "."
                      for _ in range(rng.randint(1, 12))) for _ in range(40)]


def test_same_output_in_any_order_and_in_threads():
    docs = _documents()
    expected = [vnclean.clean(d) for d in docs]
    shuffled = list(range(len(docs)))
    random.Random(3).shuffle(shuffled)
    assert {i: vnclean.clean(docs[i]) for i in shuffled} == dict(enumerate(expected))
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(vnclean.clean, docs)) == expected


def test_same_output_in_processes():
    docs = _documents()[:10]
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        assert list(pool.map(vnclean.clean, docs)) == [vnclean.clean(d) for d in docs]


def test_a_document_cleaned_to_nothing_is_flagged_not_silently_emptied():
    result = vnclean.clean_and_explain("Trang chủ\nnull\n© Bản quyền thuộc Báo X")
    assert result.text == ""
    assert result.flags == ("emptied",)


def test_a_document_that_lost_most_of_its_text_is_flagged_over_removed():
    menu = "\n".join(["Trang chủ", "Thời sự", "Thế giới", "Kinh doanh", "Giải trí",
                      "Thể thao", "Pháp luật", "Giáo dục", "Sức khỏe", "Đời sống"] * 3)
    result = vnclean.clean_and_explain(menu + "\nMưa lớn ở Hà Nội.")
    assert result.text == "Mưa lớn ở Hà Nội."
    assert result.flags == ("over_removed",)
    assert vnclean.clean_and_explain(menu + "\nMưa lớn ở Hà Nội.",
                                     max_removed_share=1.0).flags == ()


def test_story_is_never_flagged():
    result = vnclean.clean_and_explain("Hà Nội mưa lớn suốt đêm qua.\nNhiều tuyến phố ngập sâu.")
    assert result.flags == ()
