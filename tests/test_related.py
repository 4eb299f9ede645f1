"""strip_related_links: properties (Hypothesis) and the dev-corpus removal floor."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
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
          "Bão số 3 đổ bộ vào Quảng Ninh", ". ", "...", "Nguồn: [Link nguồn]", " / ", "icon"]
noisy = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=20).map("".join)
prose = st.lists(st.sampled_from(PROSE), min_size=1, max_size=6).map("\n".join)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(noisy)
def test_idempotent(text):
    once = strip_related_links(text)
    assert strip_related_links(once) == once


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
