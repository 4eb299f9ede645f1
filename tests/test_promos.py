"""strip_promos: properties (Hypothesis) and the dev-corpus removal floor."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
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
          "\n\n", ". ", "https://x.vn", "Đăng ký tại đây: ", "Email: a@b.vn", "Tòa soạn: "]
noisy = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=20).map("".join)
prose = st.lists(st.sampled_from(PROSE), min_size=1, max_size=6).map("\n".join)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(noisy)
def test_idempotent(text):
    once = strip_promos(text)
    assert strip_promos(once) == once


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
