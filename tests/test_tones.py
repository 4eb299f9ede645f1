"""Tone placement: known words in every style and case, and properties over generated syllables."""

from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from vnclean._data import json_data
from vnclean.tones import (fix_tones, is_vietnamese_word, parse_syllable, place_tone,
                           split_tone, strip_tone_marks, tone_fixes)

TABLE = json_data("tones_syllables.json")
MARKS = list(TABLE["tone_marks"].values())
VOWELS = TABLE["vowels"]
WORD = regex.compile(r"\p{L}+")


@pytest.mark.parametrize("word, old, new", [
    ("hòa", "hòa", "hoà"), ("hoà", "hòa", "hoà"), ("khỏe", "khỏe", "khoẻ"),
    ("thủy", "thủy", "thuỷ"), ("ủy", "ủy", "uỷ"), ("uỷ", "ủy", "uỷ"),
    ("hòan", "hoàn", "hoàn"), ("qúy", "quý", "quý"), ("hùynh", "huỳnh", "huỳnh"),
    ("ngừơi", "người", "người"), ("qủa", "quả", "quả"), ("gìa", "già", "già"),
    ("giữa", "giữa", "giữa"), ("gìn", "gìn", "gìn"), ("hoàng", "hoàng", "hoàng"),
    ("ngoài", "ngoài", "ngoài"), ("ngòai", "ngoài", "ngoài"), ("khuỷu", "khuỷu", "khuỷu"),
    ("HÒA", "HÒA", "HOÀ"), ("Hoà", "Hòa", "Hoà"), ("THUỶ", "THỦY", "THUỶ"),
    ("Qúy", "Quý", "Quý"), ("NGỪƠI", "NGƯỜI", "NGƯỜI"), ("thúê", "thuế", "thuế"),
    ("thủơ", "thuở", "thuở"), ("ùyên", "uyền", "uyền"), ("mưà", "mừa", "mừa"),
])
def test_known_words(word, old, new):
    assert place_tone(word, style="old") == old
    assert place_tone(word, style="new") == new


@pytest.mark.parametrize("word", ["hòa", "hoà", "thủy", "thuỷ", "khỏe", "khoẻ"])
def test_no_style_accepts_both_open_placements(word):
    assert place_tone(word, style=None) == word


@pytest.mark.parametrize("word", ["hòan", "qúy", "ngừơi"])
def test_no_style_still_fixes_misplaced_marks(word):
    assert place_tone(word, style=None) == place_tone(word, style="old")


@pytest.mark.parametrize("word", ["café", "Pokémon", "José", "iPhone", "Huawei", "Renée",
                                  "hòa-bình", "xyzà", "hòàn", "Zoé"])
def test_non_syllables_untouched(word):
    assert place_tone(word, style="new") == word
    assert place_tone(word, style="old") == word


def test_parse_syllable_splits_initial_nucleus_final():
    assert parse_syllable("nguyên") == ("ng", "uyê", "n")
    assert parse_syllable("quôc") == ("qu", "ô", "c")
    assert parse_syllable("giưa") == ("gi", "ưa", "")
    assert parse_syllable("gin") == ("g", "i", "n")
    assert parse_syllable("pokemon") is None
    assert is_vietnamese_word("Nguyễn") and not is_vietnamese_word("José")


def test_split_tone_refuses_two_marks():
    assert split_tone("hòà") is None
    assert split_tone("hoa") is None


def test_word_with_a_stray_combining_mark_is_left_alone():
    assert fix_tones("ma\u00ec\u0301 hòan") == "ma\u00ec\u0301 hoàn"
    assert fix_tones("hòan\u20dd") == "hòan\u20dd"


# --- generated syllables ---------------------------------------------------------------

def _syllable_shapes():
    shapes = []
    for nucleus, (open_old, _, closed) in TABLE["nuclei"].items():
        for initial in TABLE["initials"]:
            if (initial == "qu" and nucleus[0] == "u") or (initial == "gi" and nucleus[0] == "i"):
                continue
            if open_old is not None:
                shapes.append((initial, nucleus, ""))
            if closed is not None:
                shapes.extend((initial, nucleus, f) for f in TABLE["finals"] if f)
    return shapes


SHAPES = _syllable_shapes()


@st.composite
def misplaced_syllables(draw):
    """A valid toneless syllable with a tone mark on any of its vowels, in some case."""
    initial, nucleus, final = draw(st.sampled_from(SHAPES))
    toneless = initial + nucleus + final
    vowel_at = [i for i, c in enumerate(toneless) if c in VOWELS]
    at = draw(st.sampled_from(vowel_at))
    mark = draw(st.sampled_from(MARKS))
    word = unicodedata.normalize("NFC", toneless[: at + 1] + mark + toneless[at + 1 :])
    case = draw(st.sampled_from([str.lower, str.upper, str.title]))
    return case(word)


STYLES = st.sampled_from(["old", "new", None])


@settings(max_examples=300, deadline=None)
@given(misplaced_syllables(), STYLES)
def test_placement_keeps_letters_and_case_and_is_idempotent(word, style):
    fixed = place_tone(word, style=style)
    assert strip_tone_marks(fixed) == strip_tone_marks(word)
    assert [c.isupper() for c in fixed] == [c.isupper() for c in word]
    assert split_tone(fixed)[1] == split_tone(word)[1]
    assert place_tone(fixed, style=style) == fixed


@settings(max_examples=300, deadline=None)
@given(misplaced_syllables())
def test_styles_round_trip(word):
    old = place_tone(word, style="old")
    assert place_tone(place_tone(old, style="new"), style="old") == old
    new = place_tone(word, style="new")
    assert place_tone(place_tone(new, style="old"), style="new") == new
    assert place_tone(word, style=None) in (old, new)


@settings(max_examples=200, deadline=None)
@given(st.lists(misplaced_syllables(), min_size=1, max_size=8),
       st.sampled_from([" ", ", ", "\n", "-"]), STYLES)
def test_fast_detector_agrees_with_word_by_word_placement(words, separator, style):
    text = separator.join(words)
    reference = WORD.sub(lambda m: place_tone(m.group(), style=style), text)
    assert fix_tones(text, style=style) == reference


# --- the fast detector against the reference pattern ------------------------------------

def reference_tone_fixes(text, style):
    """tone_fixes as first written: every place _MISPLACED matches, word by word."""
    from vnclean.tones import _MISPLACED

    words = {}
    for match in _MISPLACED[style].finditer(text):
        start = end = match.start()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isalpha():
            end += 1
        if start in words or (end < len(text)
                              and unicodedata.category(text[end])[0] == "M"):
            continue
        words[start] = (end, text[start:end])
    fixes = []
    for start, (end, word) in sorted(words.items()):
        fixed = place_tone(word, style=style)
        if fixed != word:
            fixes.append((start, end, fixed))
    return fixes


VOWEL_CASES = "".join(sorted(TABLE["vowels"] + TABLE["vowels"].upper()))
NEAR_MISSES = st.lists(st.one_of(
    st.sampled_from([unicodedata.normalize("NFC", v + m) for v in VOWEL_CASES for m in MARKS]),
    st.sampled_from(list(VOWEL_CASES) + list("qQgGiIuUoOaAeEyYkhnctmp")),
    st.sampled_from([" ", "\n", ",", "1", "_", "²", "ж", "\u0301", "😀", "\U0001d400", "gi", "qu"]),
), max_size=14).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.one_of(NEAR_MISSES, st.lists(misplaced_syllables(), max_size=6).map(" ".join)),
       STYLES)
@example("\u0301giÀ ", "old")  # a mark is no letter to re: the word starts at the g
def test_fast_detector_places_are_the_reference_places(text, style):
    import re

    from vnclean.tones import (_ALWAYS_RIGHT, _MISPLACED, _QU_TONED,
                               _fast_misplacement_pattern, qu_tone_positions)

    def places(pattern):
        return {p for p in range(len(text)) if pattern.match(text, p)}

    found = places(_fast_misplacement_pattern(style)) | set(qu_tone_positions(text))
    if text and _MISPLACED[style].match(text, len(text) - 1):
        found.add(len(text) - 1)
    always_right = re.compile(_ALWAYS_RIGHT + "..", re.DOTALL)  # re's \w, as the pattern
    reference = places(_MISPLACED[style])
    left_out = {p for p in reference - found if p >= 2 and always_right.match(text, p - 2)}
    assert found <= reference and reference - left_out == found
    assert [m.start() + 1 for m in _QU_TONED.finditer(text)] == qu_tone_positions(text)
    assert tone_fixes(text, style=style) == reference_tone_fixes(text, style)


def test_words_the_detector_leaves_out_are_right_in_every_style():
    from vnclean.tones import _SPLIT_TONE

    for first, second in ("gi", "gI", "Gi", "GI", "qu", "qU", "Qu", "QU"):
        for toned in _SPLIT_TONE:
            word = first + second + toned
            for style in ("old", "new", None):
                assert place_tone(word, style=style) == word


def test_non_letter_class_is_what_the_reference_calls_no_letter():
    import re

    from vnclean.tones import _non_letter_class

    non_letter, letter = re.compile(_non_letter_class()), re.compile(r"[^\W\d_]")
    for code in range(0x110000):
        char = chr(code)
        assert bool(non_letter.match(char)) == (not letter.match(char) or code > 0xFFFF)
