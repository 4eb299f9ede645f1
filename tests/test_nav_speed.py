"""Pins the speed rewrites of vnclean.nav to the formulations they replaced: each old
pattern is rebuilt here from the same pieces, and a Hypothesis property compares it with
the new code on generated menu-like lines."""
from __future__ import annotations

import functools
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from vnclean import nav
from vnclean.blocks import casefold_pattern, lookup_set

_KNOWN = sorted(key for key in nav._key_info() if key)
_SEPARATORS = [" ", "  ", " - ", "-", " – ", " · ", "•", " | ", "/", " » ", "›", " > ", "\t",
               " -", "- ", ", ", ": ", ". "]


def _written(key: str, style: int) -> str:
    """A known name as a menu writes it: as listed, capitalised, title case or upper."""
    return (key, key[:1].upper() + key[1:], key.title(), key.upper())[style]


_word = st.one_of(
    st.builds(_written, st.sampled_from(_KNOWN), st.integers(0, 3)),
    st.sampled_from(["Podcasts", "Hi-tech", "24h", "Vĩ", "mô", "số", "và", "của", "Net",
                     "Zero", "du", "học", "Góc", "nhìn", "iPhone", "E-magazine", "3D",
                     "Tin", "bài", "ĐT", "K+", "A&B", "x.y", "_a", "Ông", "nói", "ra"]),
    st.text(alphabet="AĐƯaơưđ9-", min_size=1, max_size=4),
)
_menu_word = st.one_of(
    st.builds(_written, st.sampled_from(_KNOWN), st.integers(1, 3)),
    st.sampled_from(["Podcasts", "Hi-tech", "24h", "Vĩ mô", "Nhịp sống số", "Net Zero",
                     "Giáo dục - du học", "Góc nhìn", "Tin và bài", "Ông nói ra rằng"]),
)


def _lines(words: st.SearchStrategy[str], separators: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.tuples(words, st.sampled_from(separators)), min_size=1,
                    max_size=9).map(lambda pairs: "".join(w + s for w, s in pairs)).flatmap(
        lambda line: st.sampled_from([line, line.rstrip(" ,:.-"), " " + line, "- " + line]))


# Noisy lines (most are no menu) and lines of capitalised items (most are).
menu_like_line = st.one_of(_lines(_word, _SEPARATORS),
                           _lines(_menu_word, _SEPARATORS[:13]).map(str.strip))


@functools.cache
def _old_mixed_menu_line() -> re.Pattern:
    """The whole-line pattern ``_menu_item_counts`` matched before counting its items."""
    known = nav._known_items_pattern()
    capital = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper())
    lower = "".join(c for c in map(chr, range(0x61, 0x1F00)) if c.islower())
    glue = casefold_pattern(lookup_set("nav_menu_glue.txt"))
    word = rf"[{re.escape(capital)}\d][^\W_]*+(?:[-.&+][^\W_]++)*+"
    tail = (rf"(?:[ \t]++(?:[-–][ \t]++)?(?!{glue}(?![^\W_]))[{re.escape(lower)}][^\W_]*+)"
            r"{0,2}+")
    item = rf"(?:{known}(?![^\W_])|{word}){tail}(?![^\W_])"
    separator = r"(?:[ \t]*+[-–·•|/»›>][ \t]*+|[ \t]++)"
    return re.compile(rf"(?>{item})(?:{separator}(?>{item}))*+")


def _old_menu_item_counts(text: str) -> tuple[int, int, bool] | None:
    if _old_mixed_menu_line().fullmatch(text) is None:
        return None
    item = nav._mixed_menu_item()
    known = unknown = position = 0
    first_known = False
    while position < len(text):
        m = item.match(text, position)
        if m is None:
            return None
        if m.group("known") is not None:
            first_known = first_known or not position
            known += 1
        else:
            unknown += 1
        position = m.end()
    return known, unknown, first_known


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(menu_like_line)
@example("Thời sự Chính trị Nghị trường Pháp luật")
@example("Trang chủ Thời sự Góc nhìn Podcasts Kinh doanh Thể thao")
@example("Bộ Văn hóa Thể thao và Du lịch Hà Nội")
@example("Thời sự - ")
@example(" Thời sự Kinh tế")
@example("")
def test_mixed_menu_items_read_as_the_whole_line_pattern_did(line):
    assert nav._menu_item_counts(line) == _old_menu_item_counts(line)


def test_generated_lines_reach_both_answers():
    """The strategy draws menus and non-menus alike (else the property tests nothing)."""
    assert _old_menu_item_counts("Thời sự - Kinh tế · Podcasts") is not None
    assert _old_menu_item_counts("Thời sự, Kinh tế") is None
