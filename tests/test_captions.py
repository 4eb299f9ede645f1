"""Properties of ``remove_photo_captions``; its rule-by-rule cases live in cases/captions.json."""

from __future__ import annotations

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import removal_score
from vnclean import remove_photo_captions


# Vietnamese words, some of which look like markers ("ảnh", "hưởng", "video") on purpose.
_WORDS = ["mưa", "lớn", "ở", "Hà", "Nội", "khiến", "nhiều", "tuyến", "phố", "ngập", "sâu",
          "người", "dân", "ảnh", "hưởng", "bức", "được", "chia", "sẻ", "giáo", "dục", "chìa",
          "khóa", "phát", "triển", "video", "đường", "nhà", "thờ", "trường", "học", "sinh"]
_sentence = st.lists(st.sampled_from(_WORDS), min_size=4, max_size=14).map(
    lambda ws: " ".join([ws[0].capitalize(), *ws[1:]]) + ".")

def _paragraphs(sentences: list[str], sizes: list[int]) -> str:
    """Distinct sentences cut into paragraphs of 2+ sentences, one paragraph a line."""
    lines, pos = [], 0
    for size in sizes:
        if pos + size > len(sentences):
            break
        lines.append(" ".join(sentences[pos:pos + size]))
        pos += size
    return "\n".join(lines) or " ".join(sentences)


# Plain prose: no sentence occurs twice (a repeated block is a scraper artefact, not prose).
_prose = st.builds(_paragraphs, st.lists(_sentence, min_size=2, max_size=24, unique=True),
                   st.lists(st.integers(2, 5), min_size=1, max_size=8))
_markerish = st.lists(
    st.sampled_from(["Ảnh:", "(Ảnh: X)", " ", "\n", ".", "Video:", "- Ảnh 1.", "Ảnh minh họa",
                     "Toàn cảnh", "A", "(", ")", "Mưa lớn", "hinh anh 2"]), max_size=60).map("".join)
_any_text = st.one_of(st.text(max_size=300), _markerish, _prose)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_prose)
def test_plain_prose_is_unchanged(text):
    assert remove_photo_captions(text) == text


@settings(max_examples=300, deadline=None)
@given(_any_text)
def test_idempotent(text):
    once = remove_photo_captions(text)
    assert remove_photo_captions(once) == once


@settings(max_examples=300, deadline=None)
@given(_any_text)
def test_explain_offsets_point_at_the_original(text):
    result = remove_photo_captions.explain(text)
    assert result.text == remove_photo_captions(text)
    for edit in result.edits:
        assert text[edit.start:edit.end] == edit.text
        assert edit.kind == "caption"
        assert edit.rule.startswith("captions.")


_HOSTILE = {
    "10k markers": "Ảnh: " * 10_000,
    "10k open parens": "(Ảnh: " * 10_000,
    "10k caption lines": "Mưa to. Ảnh: A\n" * 10_000,
    "1 MB line": "Mưa lớn ở Hà Nội khiến phố ngập. " * 30_000,
    "repeats": "Câu này được lặp lại nhiều lần. " * 20_000,
    "long credit": "Ảnh: " + "Ab " * 200_000,
    "no spaces": "a" * 1_000_000,
    "20k bare markers": "Ảnh: " * 20_000,
    "10k paren credits": "(Ảnh: X)" * 10_000,
    "one marker then 40k words": "Ảnh:" + "Ảnh " * 40_000,
    "50k newlines": "\n" * 50_000,
}


@pytest.mark.parametrize("text", list(_HOSTILE.values()), ids=list(_HOSTILE))
def test_hostile_input_is_safe(text):
    # Speed on these inputs is measured in benchmarks/, never asserted in tests.
    result = remove_photo_captions(text)
    assert isinstance(result, str)
    assert remove_photo_captions(result) == result
    for edit in remove_photo_captions.explain(text).edits:
        assert text[edit.start:edit.end] == edit.text


def test_never_lowercases_or_strips_diacritics():
    text = "TP.HCM MƯA LỚN.\nĐường Nguyễn Huệ ngập sâu (Ảnh: Hải Long).\nNGƯỜI DÂN ĐI LẠI KHÓ KHĂN."
    assert remove_photo_captions(text) == "TP.HCM MƯA LỚN.\nNGƯỜI DÂN ĐI LẠI KHÓ KHĂN."


def test_dev_caption_recall_floor(dev_records):
    score = removal_score(dev_records, lambda raw: remove_photo_captions.explain(raw).edits,
                          "caption")
    recall, false = score.recall, score.false
    # Reached 0.7595 of caption word-chars on dev (0.805 by tokens, full pipeline). Most of the
    # rest are unmarked captions (24h flattened bodies, short unmarked lines) kept on purpose.
    assert recall >= 0.755
    # ~2,250 word-chars, ~1,600 of them in one gallery where gold removed the second copy of
    # a repeated block and we remove the first (the same tokens either way).
    assert false <= 2_600


# --- Gates and shortcuts give the same result as the plain scans they replace. --------------

from vnclean import captions as _captions  # noqa: E402

_gate_text = st.one_of(
    _any_text,
    st.lists(st.sampled_from(
        ["Mưa lớn ở Hà Nội khiến nhiều tuyến phố ngập sâu và người dân đi lại khó khăn. " * 2,
         "Toàn cảnh hội nghị tại điểm cầu Tỉnh ủy.", "Ông An (thứ 2 từ trái sang) trao giải.",
         "Từ trái qua phải: A, B.", "Câu này được lặp lại nhiều lần. ", "  Câu này được lặp lại nhiều lần",
         "Ảnh: Mạnh Quân", "\n", "\n\n", " ", "(ảnh sau)", "hinh anh 2", "- Ảnh 1.", "Xem clip:"]),
        max_size=30).map("".join))


def _scan_scene_matches(text):
    return ([m.span() for m in _captions._SCENE_LINE.finditer(text)],
            [m.span() for m in _captions._POSITION_LINE.finditer(text)])


@settings(max_examples=300, deadline=None)
@given(_gate_text)
def test_line_candidates_miss_no_scene_or_position_line(text):
    scene_at, position_at = _captions._line_candidates(text)
    scene, position = _scan_scene_matches(text)
    gated_scene = [m.span() for m in map(lambda at: _captions._SCENE_LINE.match(text, at), scene_at)
                   if m]
    cued = [m.span() for m in map(lambda at: _captions._POSITION_LINE.match(text, at), position_at)
            if m]
    assert gated_scene == scene
    # Position lines without a position word are skipped: they never pass _POSITION_CUE.
    assert set(cued) <= set(position)
    for start, end in set(position) - set(cued):
        assert not _captions._POSITION_CUE.search(text[start:end].lstrip())


def _units_by_every_line(text, cuts, repeated):
    """The plain version: split every line (no shortcut for lines without a repeat)."""
    import bisect
    bounds = sorted(set(cuts))
    units, pos = [], 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        if repeated.isdisjoint(_captions._SENTENCE_SPLIT.split(line)):
            units.append((line_start, line_start, f"\x00{line_start}"))
            continue
        line_end = line_start + len(line)
        edges = [line_start] + [line_start + m.end()
                                for m in _captions._SENTENCE_END.finditer(line)]
        edges += bounds[bisect.bisect_left(bounds, line_start):bisect.bisect_right(bounds, line_end)]
        edges = sorted(edges + [line_end])
        for a, b in zip(edges, edges[1:]):
            piece = text[a:b]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                units.append((a + lead, a + lead + len(piece.strip()), piece.strip()))
    return units


@settings(max_examples=300, deadline=None)
@given(_gate_text)
def test_repeat_units_shortcut_finds_the_same_repeats(text):
    repeated, starts = _captions._repeated_pieces(text)
    if not repeated:
        return
    cuts = [p for c in _captions._candidates(text) for p in (c.credit_start, c.credit_end)]
    plain = _units_by_every_line(text, cuts, repeated)
    assert (_captions._tandem_repeats(_captions._units(text, cuts, repeated, starts))
            == _captions._tandem_repeats(plain))


_UNGUARDED_NEAR = regex.compile(
    rf"(?s:.){{0,{_captions._SETTINGS['window_back_chars']}}}?(?:{_captions._MARKERS.pattern})",
    regex.V1 | regex.MULTILINE | regex.VERBOSE)


@settings(max_examples=300, deadline=None)
@given(_gate_text, st.integers(0, 40))
def test_marker_first_character_guard_changes_no_match(text, pos):
    pos = min(pos, len(text))
    guarded = _captions._MARKER_NEAR.match(text, pos)
    plain = _UNGUARDED_NEAR.match(text, pos)
    assert (guarded and (guarded.lastgroup, guarded.span(guarded.lastgroup))) == (
        plain and (plain.lastgroup, plain.span(plain.lastgroup)))


def test_caption_lookback_stops_at_the_previous_caption():
    # Two captions on one flattened line: the second never re-reads the first.
    text = "Mưa lớn. Phố Huế ngập sâu. Ảnh: Mạnh Quân. Người dân đẩy xe. Ảnh: Hải Long"
    starts = [c.caption_start for c in _captions._candidates(text)]
    assert starts == sorted(starts) and len(starts) == 2
    assert starts[1] >= text.index("Người")
