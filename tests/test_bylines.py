"""strip_bylines: properties, the explain trail, and the removal floor on the dev corpus.

Positive and must-not-change cases for every rule live in ``tests/cases/bylines.json``.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import removal_score
from vnclean import apply_edits, strip_bylines
from vnclean.bylines import RULES, agency_names, author_names, source_name
from vnclean.testing import news_pages, paragraphs


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
                     "GMT+7", "Theo Sở GTVT, cầu dài.", "Nhóm PV", "(", ")", "/",
                     "Phóng viên Lê Hùng", "Hồng Nhung (TTXVN)", "Theo Báo Tin tức", "* ",
                     "Bài, ảnh: Minh Châu", "PV", "NGUYỄN VĂN AN", "Thu Hà - Minh Đức",
                     "Nghệ An tổng kết công tác năm 2023", "Đội tuyển gồm:"]),
    max_size=30).map("".join)


# Derandomized: the same examples every run, so a rare idempotence corner found by a long
# Hypothesis campaign (see the report of the bylines work) cannot make the suite flaky.
@settings(max_examples=200, deadline=None, derandomize=True)
@given(texts | vietnamese_texts)
@example("ABC - ")  # an unknown capitals prefix ending the text (an IndexError until s24)
@example("Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu.\nBaophutho.vn - ")
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


def test_parsing_the_forms_any_site_uses():
    """Roles, labels and notes are left out of the authors the metadata reports."""
    assert author_names("Phóng viên Lê Hùng") == ["Lê Hùng"]
    assert author_names("CTV Minh Anh") == ["Minh Anh"]
    assert author_names("PV (tổng hợp)") == ["PV"]
    assert author_names("Bài, ảnh: Minh Châu") == ["Minh Châu"]
    assert author_names("Tin và ảnh: Quang Vinh") == ["Quang Vinh"]
    assert author_names("Hà An - Bảo Ngọc (TTXVN)") == ["Hà An", "Bảo Ngọc"]
    assert author_names("Ngọc Anh (t/h)") == ["Ngọc Anh"]
    assert source_name("Theo Báo Tin tức") == "Báo Tin tức"
    assert source_name("* Theo VOV") == "VOV"


def test_metadata_learns_the_new_forms():
    from vnclean import clean_and_explain

    lead = "Chiều 12/3, UBND tỉnh tổ chức hội nghị tổng kết công tác năm 2023 với nhiều đại biểu."
    meta = clean_and_explain(f"Tổng kết công tác năm 2023\nPhóng viên Lê Hùng\n{lead}\n"
                             f"{lead}\n* Theo VOV").metadata
    assert meta["authors"] == ["Lê Hùng"] and meta["source"] == "VOV"
    meta = clean_and_explain(f"Tổng kết công tác năm 2023\nThu Hà - Minh Đức\n{lead}\n"
                             f"{lead}\nTheo Báo Tin tức").metadata
    assert meta["authors"] == ["Thu Hà", "Minh Đức"] and meta["source"] == "Báo Tin tức"
    meta = clean_and_explain(f"Tổng kết công tác năm 2023\n22/11/2026 08:30 - Thu Hà\n{lead}\n"
                             f"{lead}").metadata
    assert meta["authors"] == ["Thu Hà"] and meta["published"] == "2026-11-22T08:30:00+07:00"
    for signoff in ("Theo Hải Yến (Dân trí)", "Theo Hải Yến/Dân trí", "Theo Hải Yến - Dân trí"):
        meta = clean_and_explain(f"Tổng kết công tác năm 2023\n{lead}\n{lead}\n{signoff}").metadata
        assert meta["authors"] == ["Hải Yến"] and meta["source"] == "Dân trí", signoff
    meta = clean_and_explain(f"Tổng kết công tác năm 2023\n{lead}\n{lead}\nTheo Tuổi Trẻ/VnExpress"
                             ).metadata
    assert meta["authors"] == [] and meta["source"] == "Tuổi Trẻ/VnExpress"
    for line, author in (("Đại tá, TS Nguyễn Văn Hải", "Nguyễn Văn Hải"),
                         ("HÀ NGUYỄN (thực hiện)", "Hà Nguyễn"),  # metadata: title case
                         ("Ngọc Minh Thứ ba, 12/3/2024", "Ngọc Minh"),
                         ("ThS.BS Nguyễn Thị Thu Hà - Khoa Tim mạch, Bệnh viện Bạch Mai",
                          "Nguyễn Thị Thu Hà")):
        meta = clean_and_explain(f"Tổng kết công tác năm 2023\n{lead}\n{lead}\n{line}").metadata
        assert meta["authors"] == [author], line


_REPORT_TITLE = "Tổng kết công tác năm 2023"
_REPORT_LEAD = ("Chiều 12/3, UBND tỉnh tổ chức hội nghị tổng kết công tác năm 2023 với nhiều đại "
                "biểu.\nTheo báo cáo, tỉnh đã hoàn thành 25/27 chỉ tiêu chủ yếu trong năm qua.")


def test_metadata_of_pen_names_counters_and_places():
    from vnclean import clean_and_explain

    lead, title = _REPORT_LEAD, _REPORT_TITLE
    for line, authors, published in (
            ("Yan | 16/02/2024 14:30", ["Yan"], "2024-02-16T14:30:00+07:00"),
            ("22/11/2026 08:30 | 5 bình luận", [], "2026-11-22T08:30:00+07:00"),
            ("Thứ bảy, 22/11/2026 - 08:30 | 1.234 lượt xem", [], "2026-11-22T08:30:00+07:00"),
            ("22/11/2026 08:30 - Thu Hà | 3 phút đọc", ["Thu Hà"], "2026-11-22T08:30:00+07:00"),
            ("Hà Nội, 12/03/2024 09:15", [], "2024-03-12T09:15:00+07:00")):
        result = clean_and_explain(f"{title}\n{line}\n{lead}")
        assert result.text == f"{title}\n{lead}", line
        assert result.metadata["authors"] == authors, line
        assert result.metadata["published"] == published, line
    result = clean_and_explain(f"Hà Nội, 12/03/2024 09:15\n{title}\n{lead}")
    assert result.metadata["authors"] == [] and result.metadata["title"] == title


def test_metadata_of_domains_desks_glued_labels_users_and_sources():
    from vnclean import clean_and_explain

    lead, title = _REPORT_LEAD, _REPORT_TITLE
    for tail, authors, source in (
            ("\nMinh Châu (Dantri.com.vn)", ["Minh Châu"], "Dân trí"),
            ("\nHoàng Anh (Tiin.vn)", ["Hoàng Anh"], "Tiin"),
            ("\nNhóm phóng viên Ban Thời sự", [], None),  # a desk: no person
            (" Tin, ảnh: Thu Hà", ["Thu Hà"], None),
            ("\nBài viết bởi nguyenvana", ["nguyenvana"], None),
            ("\nTác giả: nguyen_van_a92", ["nguyen_van_a92"], None),
            ("\nNguồn Lao Động: https://laodong.vn/xa-hoi/a-1234567.ldo", [], "Lao Động"),
            ("\nTheo Thu Hà | Báo Lao Động", ["Thu Hà"], "Lao Động"),  # the paper's canonical name
            ("\nTheo Tuổi Trẻ Online", [], "Tuổi Trẻ")):
        result = clean_and_explain(f"{title}\n{lead}{tail}")
        assert result.text == f"{title}\n{lead}", tail
        assert result.metadata["authors"] == authors, tail
        assert result.metadata["source"] == source, tail


# --- where a byline stands --------------------------------------------------------------------

TITLE = "Nghệ An tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024"
BODY = ["Chiều 12/3, UBND tỉnh Nghệ An tổ chức hội nghị tổng kết công tác năm 2023 với sự "
        "tham dự của nhiều đại biểu.",
        "Theo báo cáo, trong năm qua tỉnh đã hoàn thành 25/27 chỉ tiêu chủ yếu, tăng trưởng "
        "kinh tế đạt 7,5%.",
        "Năm 2024, tỉnh đặt mục tiêu tăng trưởng từ 9 đến 10%, thu ngân sách đạt trên 20.000 "
        "tỷ đồng."]
POSITIONS = {
    "before_title": lambda line: [line, TITLE, *BODY],
    "after_title": lambda line: [TITLE, line, *BODY],
    "middle": lambda line: [TITLE, *BODY[:2], line, BODY[2]],
    "end": lambda line: [TITLE, *BODY, line],
}


def _kept(line: str, position: str) -> bool:
    lines = POSITIONS[position](line)
    out = strip_bylines("\n".join(lines)).split("\n")
    assert [x for x in lines if x != line] == [x for x in out if x != line], "story lost"
    once = "\n".join(out)
    assert strip_bylines(once) == once
    return line in out


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("line", [
    "Phóng viên Lê Hùng", "CTV Minh Anh", "PV", "Nhóm phóng viên", "PV (tổng hợp)",
    "Hồng Nhung (TTXVN)", "Hà An - Bảo Ngọc (TTXVN)", "Ngọc Anh (t/h)", "Trần Hoa (Tổng hợp)",
    "Minh Anh (theo Reuters)", "Thanh Hương (Theo BBC)", "Hoàng Hà (Báo Quảng Ninh)",
    "Lan Anh (VOV-Tây Bắc)", "Bài, ảnh: Minh Châu", "Tin, ảnh: Quang Vinh", "Bài/video: Lê Hùng",
    "Theo Báo Tin tức", "* Theo VOV", "- Theo TTXVN", "Theo Đài Tiếng nói Việt Nam",
])
def test_a_role_a_note_a_label_or_an_attribution_goes_anywhere(line, position):
    assert not _kept(line, position)


@pytest.mark.parametrize("line", ["Thu Hà - Minh Đức", "NGUYỄN VĂN AN", "Nhà báo Lê Hùng",
                                  "Nguyễn Công Phượng (HAGL)"])
def test_a_bare_name_goes_at_the_top_and_the_end_only(line):
    assert [_kept(line, position) for position in POSITIONS] == [False, False, True, False]


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("line", [
    "Theo báo cáo của Sở Y tế, số ca mắc giảm 20%.",
    "Theo ông Nguyễn Văn An, dự án sẽ hoàn thành trong năm nay.",
    "Phóng viên Lê Hùng đã phỏng vấn nhiều người dân về vấn đề này.",
    "Nhóm phóng viên của báo đã có mặt tại hiện trường.",
    "Tác giả của cuốn sách là một cựu chiến binh.",
    "Theo báo Lao Động cho biết.", "Theo Báo cáo thường niên của Ngân hàng Thế giới",
    "* Theo dõi diễn biến của bão", "- Theo ông An, cần xử lý nghiêm.",
    "Tin, ảnh: do người dân cung cấp", "Ông Nguyễn Văn An:", "Nguyễn Văn A (SN 1990)",
    "\"Chúng tôi sẽ làm hết sức mình\", ông An nói.", "PV: Thưa ông, dự án khi nào xong?",
    "Hà Nội (TTXVN)", "HOA HẬU VIỆT NAM", "Kết quả cụ thể",
])
def test_story_lines_shaped_like_bylines_stay(line, position):
    assert _kept(line, position)


@pytest.mark.parametrize("line", ["MƯA LỚN KÉO DÀI", "Đăng Nhập", "Hoa Hậu Việt Nam"])
def test_a_heading_at_the_top_is_no_name(line):
    assert _kept(line, "before_title") and _kept(line, "after_title")


@pytest.mark.parametrize("text", [
    # names as the story's subheadings: the first one, under the title, is one of them
    f"{TITLE}\nVõ Nguyên Giáp\n{BODY[0]}\nNguyễn Chí Thanh\n{BODY[1]}\n{BODY[2]}",
    # a team list: names next to each other, or under a line that opens them
    f"{TITLE}\n{BODY[0]}\n{BODY[1]}\nPhóng viên Lê Hùng\nPhóng viên Minh Anh\n{BODY[2]}",
    f"{TITLE}\n{BODY[0]}\nNguyễn Văn An (TTXVN)\nTrần Thị Bình (VOV)\n{BODY[2]}",
    f"{TITLE}\n{BODY[0]}\nĐội tuyển tham dự giải năm nay gồm các vận động viên sau:\n"
    "Nguyễn Văn A, Trần Thị B, Lê Văn C",
    f"{TITLE}\n{BODY[0]}\nBan tổ chức gồm:\nNguyễn Văn A, Trần Thị B, Lê Văn C\n"
    f"Ban giám khảo gồm:\nPhạm Văn D, Hoàng Thị E\n{BODY[2]}",
    # a profile whose title is a name, over a sapo that ends as a paragraph does
    "Nguyễn Thị Bình\nNữ Phó Chủ tịch nước đầu tiên của Việt Nam, bà có nhiều đóng góp.\n"
    f"{BODY[0]}",
])
def test_lists_and_subheadings_of_names_stay(text):
    assert strip_bylines.explain(text).edits == ()


def test_trie_matches_what_the_alternation_matches():
    """The tries that replace literal alternations match the same strings, longest first,
    in ``regex`` and in the stdlib ``re``, also where what follows makes them back off."""
    import regex

    from vnclean._data import alternation, trie, word_list
    from vnclean.bylines import _OPENERS

    lists = [word_list(name) for name in ("bylines_titles.txt", "bylines_roles.txt",
                                          "bylines_cues.txt", "bylines_notes.txt",
                                          "bylines_media.txt")]
    lists += [tuple(agency_names()), _OPENERS, word_list("promos_anchors.txt")]
    for words in lists:
        samples = {w + tail for w in words for tail in ("", " X", ".", "x", " ")}
        samples |= {w[:-1] for w in words} | {w.upper() for w in words}
        for engine in (regex, re):
            for after in ("", r"(?![\w.])", r"[ ]"):
                branched = engine.compile(f"(?:{trie(words)}){after}")
                flat = engine.compile(f"(?:{alternation(words)}){after}")
                for sample in samples:
                    found, expected = branched.match(sample), flat.match(sample)
                    assert (found and found.span()) == (expected and expected.span()), sample


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
    # roles, byline notes, joined labels, papers in sentence case, bullets
    "Phóng viên ", "CTV ", "PV", "Nhóm phóng viên", "(TTXVN)", "(t/h)", "(VOV-Tây Bắc)",
    "(Tổng hợp)", "(HAGL)", "Bài, ảnh: ", "Tin và ảnh:", "Bài/video", "Theo Báo Tin tức",
    "báo Lao Động cho", "Đài Tiếng nói Việt Nam", "Thu Hà", "* ", "• ", "- ", "NGUYỄN VĂN AN",
    # pen names before a bar, counters after a dateline, a place before a date
    "Yan", "Yan | ", " | 5 bình luận", "1.234 lượt xem", "3 phút đọc", "12k views", "Huế, ",
    # what a dateline or an attribution may open with after "(" or a word for a compiled
    # story, and what only looks so (a bracketed date, "Dịch vụ")
    "(21/12)", "(", "(UTC+7)", "(GTM + 7)", "(Sưu tầm)", "Dịch", "Dịch vụ ", "Biên dịch ",
    "Dịch từ ", "từ ", "theo ", "Tham khảo", "Tham khảo: ", "Nguồn tham khảo: ",
    "(https://a.vn/x)", "(www.a.vn)", "(TTXVN/Vietnam+)", "( PLO )", "(LĐ online)", ")",
    # domains in a note, desks after a team role, users' names after a label
    "(Dantri.com.vn)", "(tiin.vn)", "(news.zing.vn)", "Ban Thời sự", "Ban Điện tử",
    "Bài viết bởi ", "nguyenvana", "nguyen_van_a92",
    # a paper before a link after "Nguồn", a source box with a bar
    "Nguồn Lao Động: ", "Nguồn Báo Lao động:", "https://laodong.vn/a-1.ldo", "Theo Thu Hà | ",
    "Báo Lao Động",
])
line_texts = st.lists(st.lists(line_pieces, max_size=4).map("".join), max_size=6).map("\n".join)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(line_texts | vietnamese_texts | texts)
@example("Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu.\n admin")
@example("Thứ Ba\nHôm nay\nVTV.vn - Mưa lớn ở Hà Nội\nQuảng Bình:\n/.")
@example("Thanh Huyền - Thứ Ba\nVăn Khương | hôm qua\nH. Nam - Cập nhật")
@example("Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu.\nMinh . /.")
@example("Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu.\n./.")  # the end mark's line
@example("5 giờ trước\nHôm qua\nhôm nay\nThứ Ba\nthứ hai\nTHỨ BẢY\nChủ nhật\nCHỦ NHẬT\nCN\nT7\n"
         "Monday\nSun\nCập nhật\nNgày đăng\nThời gian\nXuất bản\nPublished on\nPosted\nUpdated\n"
         "lúc\nngày\n10 giờ 30 phút\n10 giờ\n8:00 sáng\n8:00 AM\n9h\n21h30\n(GMT+7)\nGMT+7\n"
         "25/12/2012\nngày 13 tháng 7 năm 2022\n2023-11-02\n18:52, 28/07/2023 /.\n"
         "Văn Khương - Thứ Ba, 25/12/2012 | Nguồn: TTXVN")
@example("\xa0Văn Khương\n\u3000Theo TTXVN\n|\xa0Thứ Ba, 25/12/2012\n \r\nTTO\x0c - Mưa lớn ở Hà Nội")
@example("\n* (TTXVN)")  # a bulleted agency in brackets alone (found by Hypothesis in CI)
@example("(21/12)\n(GMT+7) 08:15\n (UTC+7)\n(GTM + 7)\n(Tổng hợp) - 12/03/2024 08:15\n"
         "(sưu tầm) | 12/03/2024\n(25/09/2012 10:49)\n(14 giờ trước)")  # the "(" gate
@example("Dịch vụ khách hàng\nDịch từ Reuters\nTổng hợp (https://a.vn/x)\nLược dịch theo AFP\n"
         "Biên dịch\t(www.a.vn)\nTham khảo: Healthline\nTham khảo thêm\n- Dịch từ 24h\n"
         "Nguồn: Tổng hợp từ VnExpress\nTổng hợp từ vnexpress.net")  # the translated words'
@example("(21/12) - Mưa lớn ở Hà Nội khiến phố ngập\n( TTXVN ) - Mưa lớn ở Hà Nội khiến phố ngập\n"
         "(LĐ online) - Mưa lớn ở Hà Nội khiến phố ngập\n(TTXVN/Vietnam+) - Mưa lớn ở Hà Nội\n"
         "(VOV.VN)- Mưa lớn ở Hà Nội khiến phố ngập\n(Báo Mới Hà Nội) - Mưa lớn ở Hà Nội\n"
         "(12/3) - Mưa lớn ở Hà Nội khiến phố ngập\n(TTXVN)\n(Hà Nội)")  # an agency's "("
@example("Vào\nvào \nĐăng vào\nCập nhật vào\n| Gửi vào")  # a lead ending in "vào" (Hypothesis)
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


def test_section_alone_takes_no_shape():
    """A line that is only a site's section name (a menu's item, whatever blanks and bars
    around it) matches no line shape unless the scan's shape reads it otherwise (a one-word
    line, "Video"): the shape reads a section only with more after it, so the others never
    reach the gates. Every section of the list is tried."""
    from vnclean.bylines import _SECTION_NAMES, _SHAPE_OPENS, _line_pattern

    shape = re.compile(_SHAPE_OPENS, re.MULTILINE)
    for section in _SECTION_NAMES:
        for before in ("", " ", "\t", "|", "| ", " |", "||", " \t| "):
            for after in ("", " ", "\t", "  "):
                line = before + section + after
                for text in (line, line + "\nMưa lớn kéo dài khiến nhiều phố ngập sâu."):
                    assert shape.match(text) or _line_pattern().match(text) is None, text


@settings(max_examples=300, deadline=None, derandomize=True)
@given(line_texts | vietnamese_texts | texts)
@example("Theo VOV.VN\nTheo VOV.Vn\n(TTXVN) - Hà Nội\nThời sự | 12/03/2024 08:15\n"
         "12/03/2024 08:15 - Tuổi Trẻ\nMinh Anh - Báo Lao Động\nNguồn Dân trí: https://x.vn")
@example("Minh Anh - phóng viên\nTS. Lê Văn Hùng (Bệnh viện Bạch Mai)\nNgọc Hà, PV thường trú tại"
         " Huế\nThứ Ba, 12/3/2024 | 1.234 lượt xem\nH.T. Lan (Theo Báo Quảng Ninh)")
def test_quick_line_patterns_match_as_written(text):
    """Each line shape's quick pattern (its repeated parts called, ``_calling_shared``)
    matches as the pattern as written does, at every line start: span and groups. (A
    role read case-blind after a name, "- phóng viên", stays written out: a called
    group's definition would read it case by case.)"""
    import regex

    from vnclean._data import compile_named
    from vnclean.bylines import _LINE_ALTERNATIVES

    def spans(m):
        return m and (m.span(), m.lastgroup, {name: m.span(name) for name, value
                                              in m.groupdict().items() if value is not None})

    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for source, quick in zip(_LINE_ALTERNATIVES._sources, _LINE_ALTERNATIVES._quick):
        if quick is not None:
            written, fast = (compile_named(s, regex.MULTILINE) for s in (source, quick))
            assert [spans(fast.match(text, pos)) for pos in starts] == [
                spans(written.match(text, pos)) for pos in starts]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(line_texts | vietnamese_texts | texts)
@example("Theo TTXVN\n(TTXVN) - Hà Nội\nTác giả: Minh Anh\nVăn Khương\nQuảng Bình:\n./.\n"
         "Thứ Ba, 12/3/2024 | Minh Anh\nMưa lớn kéo dài.")
def test_gates_one_by_one_find_what_the_alternations_find(text):
    """:func:`_next_gate` finds the same next gate by the gates tried one by one (a
    process's first reads) as by the alternation from there on (``_GATES_FROM``)."""
    from vnclean import bylines

    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for pos in starts:
        for k in range(len(bylines._OPENS) - 1):
            alone = next((j for j in range(k + 1, len(bylines._OPENS))
                          if bylines._GATE_ALONE[j].match(text, pos)), None)
            gate = bylines._GATES_FROM[k + 1].match(text, pos)
            assert alone == (None if gate is None else k + gate.lastindex)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(line_texts | vietnamese_texts | news_pages().map(lambda page: page.raw))
@example("Mưa lớn kéo dài.Văn Khương (TTXVN)\nXong. Theo Báo Quảng Ninh\nHết. PV/VOV.VN"
         "\nCả nước. Nguồn: Tổng hợp\nNăm nay. Minh Anh - Bệnh viện Bạch Mai Tin liên quan")
def test_quick_sign_off_patterns_match_as_written(text):
    """The glued sign-off, the closing source and the sign-off before the chrome match from
    their quick forms (``_QuickPattern``) as written, at every place, on the line and on
    the whole text: span and groups."""
    import regex

    from vnclean._data import compile_named
    from vnclean.bylines import _BEFORE_CHROME, _GLUED, _TAIL_SOURCE

    def spans(m):
        return m and (m.span(), m.lastgroup, {name: m.span(name) for name, value
                                              in m.groupdict().items() if value is not None})

    for pattern in (_GLUED, _TAIL_SOURCE, _BEFORE_CHROME):
        written, fast = (compile_named(s, regex.MULTILINE) for s in (pattern.pattern,
                                                                     pattern._quick))
        for pos in range(len(text)):
            for end in (len(text), text.find("\n", pos) % (len(text) + 1)):
                assert spans(fast.match(text, pos, end)) == spans(written.match(text, pos, end))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(line_texts | vietnamese_texts | news_pages().map(lambda page: page.raw))
@example("Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu.Văn Khương/.\nXong.Nhóm PV/.")
@example("Tiêu đề bài viết về mưa lớn\n23 Nov 2024 08:30\nMưa lớn kéo dài khiến phố ngập sâu.")
@example("Tiêu đề bài viết về mưa lớn\n23 November 2024\nMưa lớn kéo dài khiến phố ngập.")
@example("Tiêu đề bài viết về mưa lớn\nGTM+7\nMưa lớn kéo dài khiến phố ngập sâu.")
def test_gated_result_equals_ungated_classification(text):
    """Labels from the gated scan equal those from one unguarded scan of every pattern."""
    from vnclean import bylines

    gated = strip_bylines.classify(text)
    original = bylines._candidates
    try:
        bylines._candidates = lambda t, ctx: bylines._candidates_ungated(t)
        ungated = strip_bylines.classify(text)
    finally:
        bylines._candidates = original
    assert gated == ungated


@pytest.mark.parametrize("line", ["23 Nov 2024 08:30", "23 November 2024", "12 Sept 2023",
                                  "GTM+7", "Thứ Hai, 23/11/2024 08:30", "Nov 23, 2024"])
def test_line_gates_let_every_dateline_shape_through(line):
    """A day-first English date and the misspelt zone ``GTM`` once failed the gates that the
    line pattern is tried behind, so their lines were never candidates."""
    from vnclean import bylines

    text = f"Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu.\n{line}\nNước rút chậm."
    assert [m.group() for m in bylines._line_candidates(text)] == [line]
    assert [m.group() for m in bylines._line_pattern().finditer(text)] == [line]


# --- the window of the glued sign-off scan ---------------------------------------------------

def _max_width(pattern: str) -> int:
    """Widest match of a ``regex`` pattern when every run of blanks is one character.

    Lookbehinds and negative lookaheads are dropped (zero width); positive lookaheads are
    read as if they consumed, since what they check lies between the match and the line end.
    """
    from re import _parser  # the stdlib parser computes (min, max) widths

    from vnclean._data import _NAMED_LISTS, alternation

    # (a regex named list, \L<name>, written out as the alternation it stands for)
    pattern = re.sub(r"\\L<(\w+)>",
                     lambda m: f"(?:{alternation(_NAMED_LISTS[m.group(1)])})", pattern)
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
    "Tin, ảnh: ", "Tác giả:", "Bài: ", "(Dantri.com.vn)",
])
glued_ends = st.sampled_from(["", ".Văn Khương", ". Nhóm PV/.", ".Hà Phương (tổng hợp)",
                              ". Tin, ảnh: Thu Hà", ".Bài và ảnh: NGỌC AN/.",
                              ".Minh Châu (Dantri.com.vn)",
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


def _spans(matches):
    """What a test compares of each match: its span, the alternative that matched, its span."""
    return [(m.span(), m.lastgroup, m.span(m.lastgroup)) for m in matches]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(glued_lines)
@example("Xong việc. " * 60 + "Văn Khương (tổng hợp)  Theo Reuters")
@example("Xong việc. " * 60 + "Văn Khương\tNguồn: [Link nguồn]/.")
@example("Xong việc. " * 60 + ".Văn Khương" + " \t" * 300 + "(tổng hợp)")
@example("Xong việc. " * 60 + ".Văn Khương" + " " * 430 + "Theo Reuters" + "\t" * 9 + "/.")
@example("Xong việc. " * 9 + ".Văn Khương (Theo Reuters" + " x" * 300 + ")")
def test_glued_window_changes_no_match(line):
    """From :func:`_glued_start` the glued scan finds what it finds from the line start."""
    from vnclean.bylines import _GLUED, _glued_start

    glued = _GLUED
    text = "Tiêu đề\n" + line + "\nHết"
    start, end = 8, 8 + len(line)
    assert (_spans(glued.finditer(text, _glued_start(text, start, end), end))
            == _spans(glued.finditer(text, start, end)))
    windowed = glued.search(line, _glued_start(line, 0, len(line)))
    assert _spans(filter(None, [windowed])) == _spans(filter(None, [glued.search(line)]))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet="x. \t", max_size=60), st.integers(0, 60), st.integers(0, 60),
       st.integers(0, 30))
def test_reach_back_bounds_the_collapsed_length(text, start, anchor, width):
    """Before what _reach_back returns, the text up to ``anchor`` is longer than ``width``
    with each run of blanks read as one character (what the glued window relies on)."""
    from vnclean.bylines import _reach_back

    start, anchor = sorted((min(start, len(text)), min(anchor, len(text))))
    found = _reach_back(text, start, anchor, width)
    assert start <= found <= max(start, anchor - width)
    for p in range(start, found):
        assert len(re.sub(r"[ \t]+", " ", text[p:anchor])) > width


# --- the stdlib re stand-ins and the shortcuts of the fast path -----------------------------

@settings(max_examples=300, deadline=None, derandomize=True)
@given(glued_lines | line_texts | vietnamese_texts)
@example("Hết việc. (Theo Reuters) Mưa lớn.\nXong (Nguồn: TTXVN)\n(Nguồn: VOV) Nguồn: Tuổi Trẻ")
def test_inline_sources_tried_where_they_open_change_no_match(text):
    """Tried only at their openings, the inline patterns find what finditer finds."""
    from vnclean.bylines import (
        _INLINE_SOURCE,
        _INLINE_SOURCE_OPENS,
        _START,
        _TAIL_SOURCE,
        _inline_source_starts,
        _matches_at,
        _tail_source_starts,
    )

    tail = _tail_source_starts(text, text.find("Nguồn")) if "Nguồn" in text else ()
    assert _spans(_matches_at(_TAIL_SOURCE, text, tail)) == _spans(_TAIL_SOURCE.finditer(text))
    inline = _inline_source_starts(text)
    assert inline == list(map(_START, _INLINE_SOURCE_OPENS.finditer(text)))
    assert _spans(_matches_at(_INLINE_SOURCE, text, inline)) == _spans(_INLINE_SOURCE.finditer(text))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["Nguồn", "nguồn", "Ngu", "ồ", "ồn", "N", "rồi ", " ", "\n",
                                 "Nguô\u0300n", "x"]), max_size=12).map("".join))
def test_find_nguon_is_find(text):
    from vnclean.bylines import _find_nguon

    assert _find_nguon(text) == text.find("Nguồn")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["Tags:", "TIN LIÊN QUAN", "Xem thêm", "Theo dõi", "Tag", " ",
                                 "\t", "x" * 40, "x" * 7, "Minh Anh", "."]),
                max_size=14).map("".join), st.integers(0, 300), st.integers(0, 40))
@example("Hết. Minh Anh " + "x" * 149 + " Tags: a", 3, 0)
@example("Hết. Minh Anh " + "x" * 149 + " Tags: a", 2, 0)
@example("Hết. " + "x" * 155 + " TIN CÙNG CHUYÊN MỤC", 0, 0)
@example("Hết. " + "x" * 155 + " TIN CÙNG CHUYÊN MỤC", 0, 1)
def test_chrome_near_is_the_lazy_pattern(line, place, cut):
    """The bounded search of a cue finds one where the lazy reference pattern does."""
    from vnclean.bylines import _CHROME_NEAR, _chrome_near

    end = max(0, len(line) - cut)
    place = min(place, end)
    assert _chrome_near(line, place, end) == (_CHROME_NEAR.match(line, place, end) is not None)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.sampled_from(["", " ", "\n\n| ", "\xa0\u2003", "\x1c", "x"]), line_texts | texts)
@example("", "Thứ bảy, 22/11/2026, 08:30 (GMT+7) Quảng Nam khởi công đường.")
@example(" \n", "22/11/2026 08:30 Quảng Nam khởi công đường.")
@example("", "5 giờ trước Quảng Nam khởi công đường.")
@example("", "(GMT+7) 22/11/2026 08:30 Quảng Nam khởi công.")
def test_head_dateline_gate_holds_where_the_pattern_matches(blanks, text):
    """The stdlib gate of a flattened page's head dateline is a necessary condition."""
    from vnclean.bylines import _HEAD_DATELINE, _HEAD_DATELINE_GATE

    text = blanks + text.replace("\n", " ")
    if _HEAD_DATELINE.match(text) is not None:
        assert _HEAD_DATELINE_GATE.match(text) is not None


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["/.", "/", ".", "./.", "//", "x", " ", "\n"]),
                max_size=12).map("".join))
def test_find_end_mark_is_find(text):
    from vnclean.bylines import _find_end_mark

    assert _find_end_mark(text) == text.find("/.")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["Thứ Hai, 13/5", "18h30", "\n", " ", "\t", "\xa0", "\x1c",
                                 "\u2003", "x" * 19, "١٢", "𝟘", "Mưa.", "a1b", "²"]),
                max_size=16).map("".join) | line_texts | texts)
@example("Thứ Hai, 13/5\n\xa0Thứ Ba, 14/5\x1c\n" + "x" * 39 + "1 \n" + "x" * 40 + "1")
def test_series_lines_are_every_short_line_with_a_digit(text):
    """The digit scan of :meth:`_Lines.series_lines` finds what a test of each line finds."""
    import regex

    from vnclean.bylines import _SERIES_LINE_MAX, _Lines, _series_key

    expected: dict[str, list[tuple[int, str]]] = {}
    for index, line in enumerate(text.split("\n")):
        line = line.strip()
        if line and len(line) <= _SERIES_LINE_MAX and regex.search(r"\d", line):
            expected.setdefault(_series_key(line), []).append((index, line))
    assert _Lines(text).series_lines() == expected


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["Nguồn: VOV", "Nguồn", ". ", "Minh Anh", " Tags: a", "Hết.",
                                 "Chia sẻ", "\n", "x" * 30, "Theo TTXVN", "(", "Thu Hà"]),
                max_size=14).map("".join), st.integers(0, 200), st.integers(0, 200))
@example("Nguồn: A\nHết. Nguồn: Báo X Liên hệ quảng cáo", 9, 0)
@example("Mưa lớn.\nHết. Nguồn: Báo X Liên hệ quảng cáo", 9, 0)
@example("Hết. Nguồn: Báo X Liên hệ quảng cáo\nNguồn: A", 0, 9)
def test_before_chrome_reads_the_same_from_the_first_nguon(text, start, cut):
    """Told where the text's first "Nguồn" stands, the chrome search finds what it finds
    when it looks for one from the paragraph's start (``nguon`` 0)."""
    from vnclean.bylines import _before_chrome, _glued_openings

    end = max(0, len(text) - cut)
    start = min(start, end)
    openings = _glued_openings(text, start, end)
    assert (_spans(_before_chrome(text, start, end, openings, text.find("Nguồn")))
            == _spans(_before_chrome(text, start, end, openings, 0)))


stamp_pieces = st.sampled_from(["09/02/2018 20:52", "9.2.2019, 8:05", "١٢-٣-٢٠١٨ ٨:٠٥",
                                 "09/02/2018", "20:52", "HLV Park", "Hà Nội", "AM", "\n", " ",
                                 "\t", "|", "- ", "x", "Thể thao", ":30"])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(stamp_pieces, max_size=14).map("".join) | line_texts | vietnamese_texts)
@example("09/02/2018 20:52HLV Park\n 9.2.2019, 8:05Hà Nội\n|09/02/2018 20:52Xa\n"
         "٠٩/٠٢/2018 ٢٠:٥٢Tin")
def test_glued_stamps_on_the_dated_lines_equal_the_scan(text):
    """The stamps tried only on the lines the line scan reports with the dateline's gate
    are those a scan of every line finds."""
    from vnclean.bylines import _candidates, _glued_stamps, _Lines

    ctx = _Lines(text)
    _candidates(text, ctx)
    assert ctx.dated is not None
    assert _glued_stamps(text, ctx.dated) == _glued_stamps(text)


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
@example("Hết việc. Tin, ảnh: Thu Hà\nHết việc.Bài và ảnh: Minh Châu\nHết.Tác giả: Lê Hùng")
def test_glued_openings_change_no_match(text):
    """Tried only where _GLUED_OPENINGS holds, the glued pattern finds what finditer finds."""
    from vnclean.bylines import _GLUED, _glued_matches

    bounds, pos = [(0, len(text))], 0
    for line in text.split("\n"):
        bounds.append((pos, pos + len(line)))
        pos += len(line) + 1
    for start, end in bounds:
        assert _spans(_glued_matches(text, start, end)) == _spans(_GLUED.finditer(text, start, end))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(glued_lines | line_texts | vietnamese_texts, st.integers(0, 400), st.integers(0, 400))
@example("Xong. Văn Khương) Nhóm PV. “Thôi”, H. Nam! Hết? Thạc sĩ X… »Theo TTXVN", 0, 0)
def test_glued_openings_are_the_pattern_places(text, start, cut):
    """The openings found mark by mark are the places of the one pattern, in order (the
    one pattern finds them itself for a process's first windows)."""
    from vnclean.bylines import (_GLUED_OPENINGS, _START, _glued_openings,
                                 _glued_openings_by_mark)

    start, end = min(start, len(text)), max(0, len(text) - cut)
    expected = list(map(_START, _GLUED_OPENINGS.finditer(text, start, end)))
    assert _glued_openings_by_mark(text, start, end) == expected
    assert _glued_openings(text, start, end) == expected


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


@settings(max_examples=400, deadline=None, derandomize=True)
@given(line_texts | vietnamese_texts)
@example("Phóng viên Lê Hùng\nPV (tổng hợp)\nHồng Nhung (TTXVN)\nThanh Hương (Theo BBC)\n"
         "Minh Anh (theo Reuters)\nKim DungTheo Reuters\n  CTV Minh Anh\nVăn Khương")
def test_anywhere_hint_holds_wherever_a_name_line_goes_anywhere(text):
    """_ANYWHERE_HINT, the gate before _anywhere, holds wherever _anywhere does."""
    from vnclean.bylines import _ANYWHERE_HINT, _anywhere, _line_candidates, _rule_group

    for m in _line_candidates(text):
        if _rule_group(m) == "author" and _anywhere(m):
            assert _ANYWHERE_HINT.match(m.string, *m.span()) is not None


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["RFA", ",", ", ", " ", "\t", "\xa0", "\n", "1", "12", "123",
                                 "/", "/05", "/2022", "2022", "x", "Trân Văn, VOA"]),
                max_size=16).map("".join))
@example("RFA, 23/05/2022")  # the date ends the text, no newline after it
@example("RFA, 23/05/2022 \t\nVOA,  1/12/2021\n")  # blanks before the newline; two lines
@example("Ngày 1/2/2020, 3/4/2021 rồi\n, 5/6/2022")  # a date inside a line; a comma opening one
@example("x, 1/2/2022/12/2022\nx, 12/12/2022")  # a slash run reaching the line's end
def test_date_line_ends_is_the_comma_scan(text):
    """Found from the month's "/", the outlet date lines are the comma scan's matches."""
    from vnclean.bylines import _DATE_ENDS_LINE, _date_line_ends

    assert ([m.span() for m in _date_line_ends(text)]
            == [m.span() for m in _DATE_ENDS_LINE.finditer(text)])


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from([" ", "\t", "x", "_", "Tựa", "Thứ", "thứ", "12/3", "08:30",
                                 "5 giờ", "\"", "”", "|", "-", "?", "(", "\xa0", ","]),
                max_size=14).map("".join), st.integers(0, 60))
@example(" Thứ bảy", 60)  # a blank opening the text: no title word before it
@example("x Thứ", 60)
@example("x 12/3 4/5", 6)  # the limit right after an opening's number
@example("Tựa” 22/11/2026 08:30 | Thứ bảy", 60)  # after a closing quote and after a bar
def test_title_dateline_gate_finds_what_the_look_behind_found(text, limit):
    """The gate that reads the blank first opens where the look-behind alone opened."""
    from vnclean.bylines import _DATE_NUMBER, _DATELINE_STARTS, _TITLE_DATELINE_GATE
    from vnclean._data import trie

    opens = (trie(_DATELINE_STARTS), _DATE_NUMBER) * 2
    behind = re.compile(r"(?<=[^\W_][ \t])(?:%s|%s)|(?<=[\"”’)|–\-?!][ \t])(?:%s|%s)" % opens)
    limit = min(limit, len(text))
    assert ([(m.start("opens"), m.end()) for m in _TITLE_DATELINE_GATE.finditer(text, 0, limit)]
            == [m.span() for m in behind.finditer(text, 0, limit)])


def _scan_forms():
    """The whole-text scans sped up by an equivalent rewrite, each with its form as it was
    written before (rebuilt from the new source): (new, old) compiled stdlib patterns."""
    from vnclean import bylines

    up, alnum = bylines._UP, bylines._ALNUM
    shape_old = bylines._SHAPE_OPENS.replace(
        rf"|{up}(?:{alnum}*+(?:[ \t]+{up}|[ \t]*(?:[.:/(N,&|\-–—]|$))|{alnum}*?N)",
        rf"|{up}{alnum}*(?:[ \t]+{up}|[ \t]*(?:[.:/(N,&|\-–—]|$))")
    domain = bylines._DOMAIN_OPENS
    domain_old = domain.replace("}+", "}")
    gated = bylines._GATED_LINE_AFTER_NEWLINE
    gated_old = gated.pattern.replace(bylines._SHAPE_OPENS, shape_old).replace(domain, domain_old)
    gated_old = gated_old.replace(r"[\w-]*+(?:\.[\w-]++)*", r"[\w-]*(?:\.[\w-]+)*").replace(
        r"[\w.+-]++@", r"[\w.+-]+@")  # (a domain or an e-mail after an author's name)
    split = bylines._SPLIT_PIECE
    split_old = re.sub(r"\(\?=\[[^\]]*\]\)", "", split.pattern, count=1)
    dashed = bylines._DASHED_AGENCY_TAIL_REVERSED
    dashed_old = re.sub(r"\(\?=\[[^\]]*\]\)", "", dashed.pattern, count=1)
    assert shape_old != bylines._SHAPE_OPENS and domain_old != domain
    assert split_old != split.pattern and dashed_old != dashed.pattern
    return [(new, re.compile(old, new.flags)) for new, old in (
        (gated, gated_old), (split, split_old), (dashed, dashed_old))]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(line_texts | vietnamese_texts | texts)
@example("VnExpress.net - Mưa lớn\nThanhNien\nAnhN.\nHà Nội N\nTheo\nTuổi Trẻ\n|\n12/3\n"
         "(TTXVN)\nhttps://a.vn/x\nXong. - AFP\nXong. - VOA \nX - Reuters\nabc.vn.vn -")
def test_rewritten_scans_find_what_they_found(text):
    """The line scans read faster (a word read whole where giving it back cannot help, a
    class of the letters a branch may open with tried first) find the same places, spans
    and groups as they did; on the text and on its reverse (the dashed tails' scan)."""
    for new, old in _scan_forms():
        for subject in ("\n" + text, "\n" + text[::-1]):
            assert [(m.span(), m.groups()) for m in new.finditer(subject)] == [
                (m.span(), m.groups()) for m in old.finditer(subject)]


repost_pieces = st.sampled_from([
    "\n", " ", "\t", "|", " | ", ", ", "x" * 40, "Mưa lớn kéo dài. ", "Tiêu đề bài",
    "John Miller | Thu Hà", "Hà Nội | Đà Nẵng", "Lê Văn An |Minh", "ab|cd",
    "15/03/2025 | 09:20 GMT+7, Đà Nẵng", "09:20, Huế", "(GMT+7), TP Hồ Chí Minh", "12/3/2024",
    "Nguồn: A. Lee, “Ai thắng”, 2023", "Nguồn : Báo X", "  Nguồn:xy", "Biên dịch: Thu Hà",
    "Dịch: Minh Anh", "Dịch giả : Lan", "người dịch: An", "Tre Xanh - Ngày 3/5, ",
    "Hà Nội – Sáng nay ", "Mỹ - Trung Quốc "])
repost_texts = st.lists(repost_pieces, max_size=16).map("".join)


def _old_repost_rules(text):
    """The re-posted bylines' rules as they read the text before they were handed its lines
    (``_Lines``) and gated: a stamp's place by a pattern that gives runs back, the name
    bars behind one search of every line start, the translated sources behind two word
    searches, the named prefix on the first lines cut out one by one."""
    from vnclean import bylines

    up = bylines._UP
    stamp_end = re.compile(rf",[ \t]*{up}[^\n,.:;!?]{{0,60}}$", re.MULTILINE)
    stamps = [m.span() for m in stamp_end.finditer(text)]
    one_bar = re.search(r"^[^\n|]{3,60}\|[^\n|]{3,60}$", text, re.MULTILINE)
    bars = ([] if one_bar is None else
            [m.span() for m in bylines._NAME_BAR_NAME.finditer(text)])
    sources = ([] if "Nguồn" not in text or "dịch" not in text and "Dịch" not in text else
               [m.span() for m in bylines._NGUON_LINE.finditer(text)])
    prefix, count, start = None, bylines._NAMED_PREFIX_LINES, 0
    while count and start <= len(text) and prefix is None:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            m = bylines._NAMED_PREFIX.match(text, start)
            if m is not None and len(text[start:end].strip()) >= bylines._NAMED_PREFIX_LEAD_CHARS:
                prefix = m.span("prefix")
            count -= 1
        start = end + 1
    return stamps, bars, sources, prefix


@settings(max_examples=400, deadline=None, derandomize=True)
@given(repost_texts | line_texts | vietnamese_texts | texts)
@example("John Miller | Thu Hà\nLê Văn An |Minh\n" + "x" * 70 + "|ab\nab|cd")
@example("Tiêu đề bài\nJohn Miller | Thu Hà\n" + "x" * 70)  # the bar line under the first
@example("Tiêu đề\nTre Xanh - Ngày 3/5, " + "x" * 90 + "\n\nHà Nội – Sáng nay " + "x" * 90)
@example("Dịch: Minh Anh\n  Nguồn:xy\n\nNguồn : Báo X\nBiên dịch: Thu Hà")
@example("15/03/2025 | 09:20 GMT+7, Đà Nẵng\n09:20, Huế, " + "x" * 61 + "\n12/3/2024, Huế ")
def test_repost_rules_read_the_lines_as_they_did(text):
    """Handed the text's lines and behind their cheaper gates, the rules for re-posted
    bylines (a stamp's place, an author | translator line, a translated source, a named
    prefix) find what they found reading the text alone; the same labels come out."""
    from vnclean import bylines

    stamps, bars, sources, prefix = _old_repost_rules(text)
    assert [m.span() for m in bylines._STAMP_PLACE_END.finditer(text)] == stamps
    ctx = bylines._Lines(text)
    gated = ("|" in text and bylines._BAR_BEFORE_CAPITAL.search(text) is not None
             and (bylines._ONE_BAR_LINE.match(text) or bylines._ONE_BAR_LINE_BELOW.search(text)))
    assert ([m.span() for m in bylines._NAME_BAR_NAME.finditer(text)] if gated else []) == bars
    assert ([m.span() for _, _, m in bylines._lines_matching(
        text, bylines._NGUON_LINE, ctx, text.rfind("\n", 0, ctx.nguon) + 1)]
        if ctx.nguon >= 0 and ("dịch" in text or "Dịch" in text) else []) == sources
    labels = bylines._named_prefix_lines(text, ctx)
    assert [(x.start, x.end) for x in labels] == ([] if prefix is None else [prefix])
    for rule in (bylines._name_bar_name_lines, bylines._translated_source_lines,
                 bylines._named_prefix_lines):
        assert rule(text, ctx) == rule(text)
