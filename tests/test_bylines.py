"""strip_bylines: properties, the explain trail, and the removal floor on the dev corpus.

Positive and must-not-change cases for every rule live in ``tests/cases/bylines.json``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import removal_score
from vnclean import apply_edits, strip_bylines
from vnclean.bylines import RULES, agency_names, author_names, source_name
from vnclean.testing import news_pages, paragraphs

CASES = Path(__file__).parent / "cases" / "bylines.json"
DOCS = Path(__file__).parent.parent / "docs" / "cleaners" / "bylines.md"

#: Byline removal recall (word characters) strip_bylines reaches alone on dev; measured
#: 0.914 when this floor was set. Raise it when the cleaner improves, never lower it quietly.
DEV_BYLINE_RECALL_FLOOR = 0.90
#: Story word characters strip_bylines may take outside gold spans on dev (measured 0).
DEV_FALSE_REMOVAL_CEILING = 20

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                max_size=300)
vietnamese_texts = st.lists(
    st.sampled_from(["TTO - ", "(Dân trí) - ", "Văn Khương", "Theo TTXVN", "./.", "\n", " ",
                     "Hà Nội", "18:52, 28/07/2023", "Nguồn: ", "(tổng hợp)", "Ảnh:", ".",
                     "Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu.", "H.", "-", "Thứ Ba",
                     "GMT+7", "Theo Sở GTVT, cầu dài.", "Nhóm PV", "(", ")", "/"]),
    max_size=30).map("".join)


def test_every_rule_has_a_positive_and_a_negative_case():
    cases = json.loads(CASES.read_text(encoding="utf-8"))
    positive = {c["rule"] for c in cases if c.get("rule")}
    assert set(RULES) <= positive
    assert sum(c.get("expect") == "unchanged" for c in cases) >= len(RULES)


def test_every_rule_is_documented():
    doc = DOCS.read_text(encoding="utf-8")
    assert [rule for rule in RULES if f"`{rule}`" not in doc] == []


# Derandomized: the same examples every run, so a rare idempotence corner found by a long
# Hypothesis campaign (see the report of the bylines work) cannot make the suite flaky.
@settings(max_examples=200, deadline=None, derandomize=True)
@given(texts | vietnamese_texts)
def test_never_raises_and_is_idempotent(text):
    once = strip_bylines(text)
    assert strip_bylines(once) == once


@pytest.mark.parametrize("text", [
    "…\nNGỌC AN\nNGỌC AN\n18:52, 28/07/2023",
    "Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu.\nNGỌC AN\nNGỌC AN\n18:52, 28/07/2023",
])
def test_a_note_goes_only_with_its_name(text):
    """Found by a long Hypothesis run: a listed name's note was taken, then the name."""
    once = strip_bylines(text)
    assert strip_bylines(once) == once
    assert once.count("NGỌC AN") == 2


@settings(max_examples=100, deadline=None, derandomize=True)
@given(news_pages())
def test_idempotent_on_generated_pages(page):
    once = strip_bylines(page.raw)
    assert strip_bylines(once) == once


@settings(max_examples=150, deadline=None)
@given(st.lists(paragraphs(), min_size=1, max_size=6))
def test_plain_prose_is_unchanged(paras):
    text = "\n".join(paras)
    assert strip_bylines.explain(text).edits == ()


@settings(max_examples=200, deadline=None)
@given(texts | vietnamese_texts | news_pages().map(lambda page: page.raw))
def test_explain_points_at_the_original_and_only_deletes(text):
    result = strip_bylines.explain(text)
    assert result.text == strip_bylines(text)
    for edit in result.edits:
        assert text[edit.start:edit.end] == edit.text
        assert edit.kind == "byline" and edit.rule in RULES
        assert edit.replacement in ("", " ")
    assert apply_edits(text, result.edits) == result.text


def test_only_the_prefix_of_the_lead_goes():
    lead = "Thủ tướng Phạm Minh Chính giao Bộ Công Thương chỉ đạo các doanh nghiệp."
    result = strip_bylines.explain(f"(Dân trí) - {lead}")
    assert result.text == lead
    assert [e.text for e in result.edits] == ["(Dân trí) - "]


def test_case_and_diacritics_are_kept():
    text = "TTO - ĐÀ NẴNG đón Ông Già Noel, phố phường rực rỡ đèn hoa trong đêm Giáng sinh."
    assert strip_bylines(text) == text[len("TTO - "):]


def test_parsing_helpers():
    assert author_names("Quang Phong - Tùng Nguyên") == ["Quang Phong", "Tùng Nguyên"]
    assert author_names("Luật sư Kiều Anh Vũ") == ["Kiều Anh Vũ"]
    assert author_names("Nhóm PV") == ["Nhóm PV"]
    assert source_name("(NLĐO) - ") == "Người Lao Động"
    assert source_name("Nguồn: Tuổi Trẻ") == "Tuổi Trẻ"
    assert agency_names()["TTXVN"] == "TTXVN"


def test_dev_byline_removal_floor(dev_records):
    score = removal_score(dev_records, lambda raw: strip_bylines.explain(raw).edits, "byline")
    assert score.total > 0
    assert score.recall >= DEV_BYLINE_RECALL_FLOOR
    assert score.false <= DEV_FALSE_REMOVAL_CEILING


# --- the gates of the line scan -------------------------------------------------------------

line_pieces = st.sampled_from([
    "TTO - ", "(Dân trí) - ", "(PLO)-", "HÀ NỘI - ", "VTV.vn - ", "Văn Khương", "NGỌC AN",
    "Theo TTXVN", "(Theo Reuters)", "Nguồn: ", "Tổng hợp từ SCMP", "Lược dịch", "Tác giả: ",
    "Đăng bởi ", "by Admin", "admin", "Nhóm PV", "Thạc sĩ ", "(tổng hợp)", "Quảng Bình:",
    "18:52, 28/07/2023", "Thứ Ba", "THỨ HAI", "Chủ nhật", "CN", "T7", "Cập nhật lúc ",
    "Ngày đăng: ", "Hôm qua", "5 giờ trước", "GMT+7", "(GMT+7)", "21h30", "Monday", "Sat",
    "Updated", "Posted on", "Published", "Xuất bản", "Thời gian", "lúc", "ngày", "|", ":",
    "/.", "/", ".", ",", "-", "–", "—", "&", " ", "\t", "H.", "Hà Nội", "Mưa lớn", "ở", "sâu.",
    "Kim DungTheo X", "Đông VệẢnh:Gucci", "Minh", "Hải.", "Tuấn /.", "H. Nam", "[Link]", "vnexpress.net", "https://a.vn/x", "20",
    # shapes the gates of the scan read: date words and endings, notes, sources, agencies
    "Cập nhật", "CHỦ NHẬT", "thứ bảy", "Thứ 7", "10 giờ 30 phút", "8:00 sáng", "chiều", "SA",
    "PM", "trước", "Vào lúc", "Ngày cập nhật", "Thời gian đăng", "ngày 13 tháng 7 năm 2022",
    "2023-11-02", "Tuesday", "(tổng hợp)", "(Theo Reuters)", "(Nguồn: TTXVN)", "(SN 1995)",
    "/ VnExpress", "Nguồn: Tuổi Trẻ", "LuânNghiên cứu sinh", "H.Long", "LS. ", "K14", "24h",
    "TP.HCM", "dantri.com.vn", "Amaccao", "Trần Ngô Quang Ngọc", "Dũng", "theo ", "Theo dõi",
])
line_texts = st.lists(st.lists(line_pieces, max_size=4).map("".join), max_size=6).map("\n".join)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(line_texts | vietnamese_texts | texts)
@example("Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu.\n admin")
@example("Thứ Ba\nHôm nay\nVTV.vn - Mưa lớn ở Hà Nội\nQuảng Bình:\n/.")
@example("Thanh Huyền - Thứ Ba\nVăn Khương | hôm qua\nH. Nam - Cập nhật")
@example("Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu.\nMinh . /.")
@example("5 giờ trước\nHôm qua\nhôm nay\nThứ Ba\nthứ hai\nTHỨ BẢY\nChủ nhật\nCHỦ NHẬT\nCN\nT7\n"
         "Monday\nSun\nCập nhật\nNgày đăng\nThời gian\nXuất bản\nPublished on\nPosted\nUpdated\n"
         "lúc\nngày\n10 giờ 30 phút\n10 giờ\n8:00 sáng\n8:00 AM\n9h\n21h30\n(GMT+7)\nGMT+7\n"
         "25/12/2012\nngày 13 tháng 7 năm 2022\n2023-11-02\n18:52, 28/07/2023 /.\n"
         "Văn Khương - Thứ Ba, 25/12/2012 | Nguồn: TTXVN")
@example("\xa0Văn Khương\n\u3000Theo TTXVN\n|\xa0Thứ Ba, 25/12/2012\n \r\nTTO\x0c - Mưa lớn ở Hà Nội")
def test_line_gates_change_no_candidate(text):
    """Behind the scan and the gates the line pattern matches wherever the unguarded one does."""
    from vnclean.bylines import _line_candidates, _line_pattern, _match_line

    def spans(m):
        return m and (m.span(), {name: m.span(name) for name, value in m.groupdict().items()
                                 if value is not None})

    pos, expected = 0, []
    for line in text.split("\n"):
        m = _line_pattern().match(text, pos)
        if line.strip():
            assert spans(_match_line(text, pos)) == spans(m)
        else:
            assert m is None
        if m is not None:
            expected.append(spans(m))
        pos += len(line) + 1
    assert [spans(m) for m in _line_candidates(text)] == expected


@settings(max_examples=300, deadline=None, derandomize=True)
@given(line_texts | vietnamese_texts | news_pages().map(lambda page: page.raw))
@example("Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu.Văn Khương/.\nXong.Nhóm PV/.")
def test_gated_result_equals_ungated_classification(text):
    """Labels from the gated scan equal those from one unguarded scan of every pattern."""
    from vnclean import bylines

    gated = strip_bylines.classify(text)
    original = bylines._candidates
    try:
        bylines._candidates = lambda t, lines=None: bylines._candidates_ungated(t)
        ungated = strip_bylines.classify(text)
    finally:
        bylines._candidates = original
    assert gated == ungated


# --- the window of the glued sign-off scan ---------------------------------------------------

def _max_width(pattern: str) -> int:
    """Widest match of a ``regex`` pattern when every run of blanks is one character.

    Lookbehinds and negative lookaheads are dropped (zero width); positive lookaheads are
    read as if they consumed, since what they check lies between the match and the line end.
    """
    from re import _parser  # the stdlib parser computes (min, max) widths

    p = pattern.replace("[ \\t]*+", "[ \\t]?+").replace("[ \\t]++", "[ \\t]")
    p = re.sub(r"\\p\{L[lu]?\}", r"\\w", p)
    out, i, in_class = [], 0, False
    while i < len(p):
        c = p[i]
        if c == "\\":
            out.append(p[i:i + 2])
            i += 2
        elif in_class:
            in_class = c != "]"
            out.append(c)
            i += 1
        elif c == "[":
            in_class = True
            out.append(c)
            i += 1
            for extra in ("^", "]"):
                if p[i:i + 1] == extra:
                    out.append(extra)
                    i += 1
        elif p.startswith(("(?<=", "(?<!", "(?!"), i):
            i = _group_end(p, i)
        elif p.startswith("(?=", i):
            out.append("(?:")
            i += 3
        else:
            out.append(c)
            i += 1
    return _parser.parse("".join(out), re.MULTILINE).getwidth()[1]


def _group_end(p: str, i: int) -> int:
    depth, in_class = 0, False
    while True:
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 + (p[i + 1] == "^")
            i += p[i] == "]"  # a "]" right after "[" or "[^" is a literal
            continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1


def test_glued_reach_bounds_the_pattern():
    """The window constants bound every glued match (3 for "(T" before a source's "heo")."""
    from vnclean import bylines

    assert bylines._GLUED_PLAIN
    assert bylines._GLUED_REACH >= _max_width(bylines._GLUED_PLAIN) + 3
    assert bylines._GLUED_REACH_ALL >= _max_width(bylines._GLUED.pattern)


glued_pieces = st.sampled_from([
    "Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu. ", "Theo dự báo, trời còn mưa. ",
    "Hội nghị diễn ra theo Bộ Y tế. ", "theo báo Tuổi Trẻ. ", "Nguồn: ", "Nguồn : VnExpress",
    "Văn Khương", "Nhóm PV", "Thạc sĩ Châu Luân", "Nghiên cứu sinh tại Đại học Antwerp", ".",
    "(Theo Reuters)", "(tổng hợp)", "Theo TTXVN", "TheoAFP", "[Link nguồn]", "/.", " ", "  ",
    "\t", "Ảnh: Gucci", "https://vnexpress.net/x", " - ", ", ", "NGỌC AN", "H. Nam", "\"",
])
glued_ends = st.sampled_from(["", ".Văn Khương", ". Nhóm PV/.", ".Hà Phương (tổng hợp)",
                              ".Kim DungTheo Bloomberg", ". (Theo Reuters)", ".Đông VệẢnh:Gucci",
                              ".Huyền Lê(TheoAFP,Reuters)", ".Minh Anh Nguồn: Tuổi Trẻ /.",
                              (".Thạc sĩ Châu LuânNghiên cứu sinh tại Đại học Antwerp ở Bỉ và"
                               " Hà Lan, chuyên ngành kinh tế"),
                              (".Luật sư Nguyễn Văn Khương - Trần Thị Ngọc Anh - Lê Hoàng Minh"
                               " Tuấn - Phạm Quốc Bảo Nam (tổng hợp)/. /. /. /. /. /."),
                              # longer than the window without a source, or without slack
                              ".Văn Khương (Theo " + " ".join(["https://vnexpress.net/"
                                                               + "tin-tuc-" * 9] * 8) + ")",
                              ".Văn Khương" + " " * 450 + "(tổng hợp)",
                              ".Văn Khương" + "\t" * 450 + "(tổng hợp)"])
glued_lines = st.tuples(st.integers(0, 60), st.lists(glued_pieces, max_size=40), glued_ends).map(
    lambda t: "Cuộc họp kéo dài đến tối, nhiều ý kiến được đưa ra. " * t[0] + "".join(t[1])
    + "Hết việc" + t[2])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(glued_lines)
@example("Xong việc. " * 60 + "Văn Khương (tổng hợp)  Theo Reuters")
@example("Xong việc. " * 60 + "Văn Khương\tNguồn: [Link nguồn]/.")
def test_glued_window_changes_no_match(line):
    """From :func:`_glued_start` the glued scan finds what it finds from the line start."""
    from vnclean.bylines import _GLUED, _glued_start

    def spans(matches):
        return [(m.span(), m.lastgroup, m.span(m.lastgroup)) for m in matches]

    glued = _GLUED
    text = "Tiêu đề\n" + line + "\nHết"
    start, end = 8, 8 + len(line)
    assert (spans(glued.finditer(text, _glued_start(text, start, end), end))
            == spans(glued.finditer(text, start, end)))
    windowed = glued.search(line, _glued_start(line, 0, len(line)))
    assert spans(filter(None, [windowed])) == spans(filter(None, [glued.search(line)]))


# --- the stdlib re stand-ins and the shortcuts of the fast path -----------------------------

def test_re_classes_hold_every_character_of_their_regex_class():
    """The stdlib classes the scans use miss no character of the ``regex`` class they stand
    for, whatever Unicode version the installed ``regex`` knows."""
    import regex

    from vnclean import bylines

    every = "".join(map(chr, [*range(0xD800), *range(0xE000, 0x110000)]))
    for stand_in, cls in [(bylines._UP, r"\p{Lu}"), (bylines._LOW, r"\p{Ll}"),
                          (bylines._DIGIT, r"\d"), (bylines._UP_DIGIT, r"[\p{Lu}\d]"),
                          (bylines._ALNUM, r"[\p{L}\d]")]:
        members = "".join(regex.findall(cls, every))
        assert members and re.fullmatch(f"{stand_in}*", members), cls


@settings(max_examples=300, deadline=None, derandomize=True)
@given(glued_lines | line_texts | vietnamese_texts)
@example("Xong việc.Văn Khương (Theo Reuters)/.\nHết. H. Nam\n“Thôi”, Nhóm PV")
@example("Cuộc họp kéo dài. Hết việc. (Theo Reuters)\nHết việc.Theo TTXVN\nHết việc.Nhóm PV\n"
         "Hết việc.Thạc sĩ Châu Luân\nHết việc.H.Long\nHết việc.NGỌC AN\nHết việc! admin\n"
         "Hết việc”Văn Khương/.")
def test_glued_openings_change_no_match(text):
    """Tried only where _GLUED_OPENINGS holds, the glued pattern finds what finditer finds."""
    from vnclean.bylines import _GLUED, _glued_matches

    def spans(matches):
        return [(m.span(), m.lastgroup, m.span(m.lastgroup)) for m in matches]

    bounds, pos = [(0, len(text))], 0
    for line in text.split("\n"):
        bounds.append((pos, pos + len(line)))
        pos += len(line) + 1
    for start, end in bounds:
        assert spans(_glued_matches(text, start, end)) == spans(_GLUED.finditer(text, start, end))


def _reference_without_bylines(line: str) -> str:
    """What _without_bylines did before its gates: every step tried on the whole line."""
    from vnclean.bylines import _GLUED, _PREFIX, _TAIL_SOURCE, _glued_start, _strip_end_marks

    line = _strip_end_marks(line[_PREFIX.match(line).end():])
    if "Nguồn" in line:
        m = _TAIL_SOURCE.search(line)
        if m is not None:
            line = line[:m.start(m.lastgroup)]
    m = _GLUED.search(line, _glued_start(line, 0, len(line)))
    if m is not None:
        line = line[:m.start(m.lastgroup)]
    return _strip_end_marks(line.rstrip())


@settings(max_examples=400, deadline=None, derandomize=True)
@given(glued_lines | line_texts | vietnamese_texts | texts)
@example("TTO - Mưa lớn kéo dài.Văn Khương/. Nguồn: Tuổi Trẻ")
@example("Hội nghị kết thúc. " * 4 + "/. /.")
@example("Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu, người dân lội nước.Nhóm PV" + " " * 9)
@example("x" * 70 + ".Văn Khương\n" + "x" * 78 + ".Nhóm PV\n" + "x" * 40 + "!Văn Khương" + "y" * 30
         + "\n" + "x" * 77 + " /. /.Văn Khương\n(Dân trí) - " + "x" * 70 + ".Văn Khương")
def test_prose_shortcuts_change_no_decision(text):
    """is_prose judges every line as it did with every byline search done in full."""
    from vnclean.bylines import _SENTENCE_MARK, _TERMINAL, _is_prose_line, _without_bylines

    for line in text.split("\n"):
        line = line.strip()
        reference = _reference_without_bylines(line) if len(line) >= 25 else line
        if len(line) >= 25:
            assert _without_bylines(line) == reference
        assert _is_prose_line(line) == (len(reference) >= 80 or (
            len(reference) >= 25 and len(reference.split()) >= 5
            and (reference[-1] in _TERMINAL or _SENTENCE_MARK.search(reference) is not None)))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(glued_lines | vietnamese_texts | texts)
@example("theo dõi, Theo TTXVN, theo báo Tuổi Trẻ, Nguồn : VnExpress, theo [Link], TheoAFP")
def test_source_keyword_opens_where_the_keyword_matches(text):
    """_first_source tries _SOURCE_KEYWORD only where its stdlib superset holds."""
    from vnclean.bylines import _SOURCE_KEYWORD, _SOURCE_KEYWORD_OPENS

    for i in range(len(text)):
        for end in (len(text), text.find("\n", i) % (len(text) + 1)):
            if _SOURCE_KEYWORD.match(text, i, end) is not None:
                assert _SOURCE_KEYWORD_OPENS.match(text, i, end) is not None
