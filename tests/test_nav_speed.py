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
    """The whole-line pattern ``_menu_item_counts`` matched before counting its items:
    atomic items (the item pattern's, without its separator and group) joined
    possessively by separators."""
    separator = r"(?:[ \t]*+[-–·•|/»›>][ \t]*+|[ \t]++)"
    pattern = nav._mixed_menu_item().pattern
    assert pattern.startswith(separator + "?+")
    item = pattern[len(separator) + 2:].replace("(?P<known>", "(?:", 1)
    return re.compile(rf"(?>{item})(?:{separator}(?>{item}))*+")


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(menu_like_line)
@example("Thời sự Chính trị Nghị trường Pháp luật")
@example("Trang chủ Thời sự Góc nhìn Podcasts Kinh doanh Thể thao")
@example("Bộ Văn hóa Thể thao và Du lịch Hà Nội")
@example("Thời sự - ")
@example(" Thời sự Kinh tế")
@example("")
def test_mixed_menu_items_read_as_the_whole_line_pattern_did(line):
    """The old code counted the items with the same item pattern and loop once the whole
    line matched: the new one must find a line exactly when that pattern matched it."""
    assert (nav._menu_item_counts(line) is None) == (
        _old_mixed_menu_line().fullmatch(line) is None)


def test_generated_lines_reach_both_answers():
    """The strategy draws menus and non-menus alike (else the property tests nothing)."""
    assert _old_mixed_menu_line().fullmatch("Thời sự - Kinh tế · Podcasts") is not None
    assert _old_mixed_menu_line().fullmatch("Thời sự, Kinh tế") is None


@functools.cache
def _old_flat_menu_pattern(form: str) -> re.Pattern:
    """``_flat_menu_pattern`` as it was, with the first item written apart from the run."""
    item = nav._known_items_pattern()
    first = (nav._upper_first_pattern(frozenset(lookup_set("nav_menu_home.txt")))
             if form in ("homed", "home_first") else item)
    capital = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper())
    unknown = rf"[{re.escape(capital)}][^\W\d_]{{0,11}}"
    separator = r"(?:[ \t]+|[ \t]*[-–·•|/>»›][ \t]*)"
    settings_ = nav._settings()
    more = {"plain": settings_.flat_menu_min_items,
            "dated": settings_.flat_menu_dated_min_items,
            "homed": settings_.flat_menu_dated_min_items,
            "home_first": settings_.flat_menu_homed_min_items}[form] - 1
    logo = ("" if form == "home_first"
            else rf"(?:[^\s]+[ \t]+){{0,{nav._FLAT_MENU_LOGO_WORDS}}}?")
    if form == "dated":
        after = r"(?:\d{1,2}:\d{2}[ \t,]+)?\d{1,2}/\d{1,2}/\d{4}"
    else:
        after = rf"$|\n|[\d(|»>›]|[{re.escape(capital)}]"
    title = rf"(?![ \t]*{item}(?!\w))" if form == "home_first" else ""
    return re.compile(
        rf"[ \t\n]*{logo}{first}(?:{separator}(?:{unknown}{separator}){{0,2}}?"
        rf"{item}){{{more},}}(?!\w)(?=[ \t]*(?:{after})){title}")


_HOMES = sorted(lookup_set("nav_menu_home.txt"))
_flat_item = st.one_of(
    st.builds(_written, st.sampled_from(_KNOWN), st.integers(1, 3)),
    st.builds(_written, st.sampled_from(_HOMES), st.integers(1, 3)),
    st.sampled_from(["Hài", "Net Zero", "Podcasts", "VnExpress", "Tin", "Mới", "ABCDEFGHIJKLM",
                     "24h", "Đăng", "Bạn", "Thế", "sự", "(1)", "|"]),
)
_flat_title = st.sampled_from([
    "22/11/2024 08:30 Quảng Nam khởi công đường ven biển.", "08:30 22/11/2024 Mưa lớn.",
    "Quảng Nam khởi công đường ven biển.", "Giáo dục đại học đổi mới.",
    "là chuyên mục được nhiều người đọc.", "Thời sự là chuyên mục lớn.", "(ảnh) Mưa lớn.",
    "", "\nMưa lớn.", "1 2 3", "» Mưa", "Xã hội đang đổi thay."])
_flat_page_start = st.builds(
    lambda logo, items, title: logo + "".join(w + s for w, s in items) + title,
    st.sampled_from(["", "Báo ", "VOV.VN ", "Tuổi Trẻ Online ", " \n", "a b c d "]),
    st.lists(st.tuples(_flat_item, st.sampled_from(["", *_SEPARATORS[:13]])), max_size=8),
    st.one_of(_flat_title, st.sampled_from([" 22/11/2024 08:30 Mưa.", " 08:30, 2/1/2024 Mưa."])))
# Runs of space-joined items before a dateline, where the "dated" form's shorter runs count.
_dated_page_start = st.builds(
    lambda items, title: " ".join(items) + title,
    st.lists(_flat_item, min_size=2, max_size=5),
    st.sampled_from([" 22/11/2024 08:30 Mưa.", " 08:30, 2/1/2024 Mưa.", " Mưa 2/1/2024"]))
flat_page_start = st.one_of(_flat_page_start, _dated_page_start)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(flat_page_start, st.sampled_from(nav._FLAT_MENU_FORMS))
@example("Trang chủ Thời sự Thế giới Kinh doanh Giải trí Thể thao Đăng nhập Quảng Nam", "plain")
@example("Báo Thời sự Hài Kinh doanh Quốc tế 22/11/2024 08:30 Mưa", "dated")
def test_flat_menu_runs_match_as_with_their_first_item_apart(text, form):
    new = nav._flat_menu_pattern(form).match(text)
    old = _old_flat_menu_pattern(form).match(text)
    assert (new and new.span()) == (old and old.span())


_SECTIONS = sorted(lookup_set("nav_sections.txt"))


@functools.cache
def _old_section_patterns() -> tuple[re.Pattern, re.Pattern]:
    """``_menu_line_pattern`` and ``_section_pair_pattern`` as they were, each name apart."""
    name = casefold_pattern(lookup_set("nav_sections.txt"))
    first = casefold_pattern(lookup_set("nav_sections.txt"), leading=True)
    home = casefold_pattern(lookup_set("nav_menu_home.txt"), leading=True)
    more = nav._settings().min_menu_line_sections - 1
    separator = r"(?:[ \t]+|[ \t]*[-–·•|/][ \t]*)"
    homed = nav._settings().min_menu_line_sections_after_home - 1
    menu_line = re.compile(rf"(?:{home}{separator}{first}(?:{separator}{name}){{{homed},}}"
                           rf"|{first}(?:{separator}{name}){{{more},}})")
    return menu_line, re.compile(rf"{name}(?: - | ){name}(?:(?: - | ){name})?")


_noisy_section_line = st.lists(st.tuples(
    st.one_of(st.builds(_written, st.sampled_from(_SECTIONS), st.integers(0, 3)),
              st.builds(_written, st.sampled_from(_HOMES), st.integers(0, 3)),
              st.sampled_from(["Podcasts", "và", "Hà Nội", "ﬅar", "x"])),
    st.sampled_from(["", " ", " - ", "-", " · ", "•", " | ", "/", "  ", "\t", ", ", " » "])),
    min_size=1, max_size=6).map(lambda pairs: "".join(w + s for w, s in pairs)).flatmap(
    lambda line: st.sampled_from([line, line.rstrip(" -·•|/,»\t")]))
_pure_section_line = st.lists(st.tuples(
    st.builds(_written, st.sampled_from(_SECTIONS), st.integers(0, 3)),
    st.sampled_from([" ", " - ", "-", " · ", " | ", "/", "\t"])), min_size=1, max_size=5).map(
    lambda pairs: "".join(w + s for w, s in pairs)[:-1].rstrip(" -"))
_section_pair_line = st.lists(st.tuples(
    st.builds(_written, st.sampled_from(_SECTIONS), st.integers(0, 3)),
    st.sampled_from([" ", " - "])), min_size=1, max_size=4).map(
    lambda pairs: "".join(w + s for w, s in pairs).rstrip(" -"))
section_line = st.one_of(_noisy_section_line, _pure_section_line, _section_pair_line)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(section_line)
@example("Thời sự Kinh tế Xã hội Thế giới")
@example("Trang chủ Xã hội")
@example("Kinh tế - Tài chính")
@example("Thời sự Chính trị Kinh tế Xã hội")
def test_section_lines_match_as_with_each_name_apart(line):
    old_menu_line, old_pair = _old_section_patterns()
    assert bool(nav._menu_line_pattern().fullmatch(line)) == bool(old_menu_line.fullmatch(line))
    assert bool(nav._section_pair_pattern().fullmatch(line)) == bool(old_pair.fullmatch(line))


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(flat_page_start.flatmap(lambda text: st.tuples(
    st.just(text), st.integers(0, len(text)))))
@example(("Báo Thời sự Hài Kinh doanh Quốc tế 22/11/2024 08:30 Mưa", 56))
@example(("Du học Thời sự  \t  Hài Net Zero Kinh doanh Mưa", 40))
def test_flat_menu_gate_holds_for_runs_of_items(text_end):
    """``_menu_forms`` (the first item and two more in reach, :func:`nav._item_follows`)
    gives every form whose pattern matches the line."""
    text, end = text_end
    forms = nav._menu_forms(text, end)
    for form in nav._FLAT_MENU_FORMS:
        if nav._flat_menu_pattern(form).match(text, 0, end) is not None:
            assert form in forms


def test_flat_menu_gate_reaches_past_the_longest_item_and_two_unknown_words():
    """The reach of :func:`nav._item_follows` spans the longest item and two unknown words."""
    longest = max(_KNOWN, key=len)
    text = (_written(longest, 1) + " - Abcdefghijkl - Abcdefghijkl - Thời sự - Kinh tế "
            "Mưa lớn kéo dài.")
    assert nav._flat_menu_pattern("plain").match(text) is None  # three items: too few
    assert nav._flat_menu_pattern("dated").match(text + " 22/11/2024") is None
    dated = text.replace(" Mưa lớn kéo dài.", " 22/11/2024 Mưa")
    assert nav._flat_menu_pattern("dated").match(dated) is not None
    assert "dated" in nav._menu_forms(dated, len(dated))


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(menu_like_line)
@example("Thời sự Chính trị Nghị trường Pháp luật")
@example("Thời sự-Kinh tế·Podcasts|Thể thao/Giải trí»Video›Ảnh>Tin tức")
def test_known_openings_is_a_necessary_condition_of_known_items(line):
    counts = nav._menu_item_counts(line)
    known = 0 if counts is None else counts[0]
    for least in range(known + 1):
        assert nav._known_openings(line, least)


_SHAPES = sorted({nav.TITLE, nav.ITEM, nav.NUMBER, nav.MENU_LINE, nav.PROSE, nav.HEADING,
                  nav.SEPARATOR, nav.NULL})


@given(st.lists(st.tuples(st.text(alphabet="ab1 \t.", min_size=1, max_size=12),
                          st.sampled_from(_SHAPES)), max_size=8))
@example([("Dài  63 km", nav.TITLE), ("Mưa  lớn.", nav.PROSE)])
@example([("Dài 63 km", nav.ITEM), ("Mưa  lớn.", nav.PROSE)])
def test_spaced_rows_gate_agrees_with_the_whole_text_gate(lines):
    # _page_of once ran _unshape_spaced_tables behind '"  " in text or "\t" in text' (a slow
    # scan of the whole text); the gate on the table-shaped lines alone must let through
    # every page on which the pass changes a shape.
    texts = [text for text, _ in lines]
    shapes = [shape for _, shape in lines]
    text = "\n".join(texts)
    changed = list(shapes)
    if "  " in text or "\t" in text:
        nav._unshape_spaced_tables(texts, changed)
    assert nav._may_hold_spaced_rows(texts, shapes) == any(
        shape in nav._TABLE_ROW_SHAPES and ("  " in t or "\t" in t) for t, shape in lines)
    if not nav._may_hold_spaced_rows(texts, shapes):
        assert changed == shapes


@given(st.sampled_from(["(Tin ", "Đang cập nhật", "[x", "Đ"]),
       st.text(alphabet="(Tin ĐangcậpnhtxĐ[", max_size=40))
@example("(Tin ", "Hà Nội (ảnh) (Tin")
def test_anchored_literal_search_is_a_substring_test(literal, text):
    # the inline patterns' gates once were stdlib searches for their leading literal
    assert bool(nav._AnchoredLiteral(literal).search(text)) == (literal in text)
    assert bool(nav._literal_search(literal).search(text)) == (literal in text)


def _reworded_title_before(page, head, cand_words, cfg):
    """:func:`nav._reworded_title` as it read before it remembered the ``<title>`` line's
    words (:func:`nav._suffixed_title_words`)."""
    m = nav._SITE_SUFFIX.search(page.texts[head])
    if m is None or len(m.group(1).split()) > cfg.title_suffix_max_words:
        return False
    core = set(nav._WORD.findall(page.texts[head][:m.start()].casefold()))
    if len(core) < cfg.title_fuzzy_min_words:
        return False
    if set(nav._WORD.findall(m.group(1).casefold())) & cand_words:
        return False
    shared = len(cand_words & core)
    return (shared >= cfg.title_containment * len(core)
            and shared >= cfg.title_suffixed_candidate_share * len(cand_words))


_title_word = st.sampled_from(["Giá", "vàng", "tăng", "mạnh", "Hà", "Nội", "dự", "án", "X",
                               "Báo", "Gió", "Bấc", "24h", "-", "|", "–", "phê", "duyệt"])


@given(st.lists(_title_word, min_size=1, max_size=14), st.sets(
    st.sampled_from(["giá", "vàng", "tăng", "hà", "nội", "dự", "án", "x", "báo", "bấc", "mới"]),
    max_size=9))
@example("Hà Nội phê duyệt dự án X - Báo Gió Bấc".split(), {"hà", "nội", "dự", "án", "x"})
@example("Hà Nội phê duyệt dự án X - Báo Gió Bấc".split(),
         {"hà", "nội", "phê", "duyệt", "dự", "án", "x", "mới"})
@example("Hà Nội phê duyệt dự án X - Báo Gió Bấc".split(), {"hà", "nội", "dự", "án", "bấc"})
def test_reworded_title_remembering_the_title_words_answers_as_before(words, cand_words):
    cfg = nav._settings()
    page = nav._Page(" ".join(words), [0], [0], [" ".join(words)], [-1], [nav.TITLE], [False])
    for _ in range(2):  # (the second call reads the remembered words)
        assert nav._reworded_title(page, 0, set(cand_words), cfg) == _reworded_title_before(
            page, 0, set(cand_words), cfg)
