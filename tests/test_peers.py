"""The benchmark peers' adapters, the C4 line rule, and the scaling fit (no timing here)."""

from __future__ import annotations

import pytest

from benchmarks import peers
from benchmarks.scaling import build_input, fit_exponent
from benchmarks.speed import rates, ratios, vnclean_tools

PAGE = ("Trang chủ\n"
        "Thời sự\n"
        "Mưa lớn ở Hà Nội khiến nhiều tuyến phố ngập sâu.\n"
        "Xem thêm...\n"
        "Ông nói: \"Chúng tôi đã chuẩn bị.\"\n")


def test_c4_rule_keeps_punctuated_lines_of_three_words():
    assert peers.c4_line_rule(PAGE) == ("Mưa lớn ở Hà Nội khiến nhiều tuyến phố ngập sâu.\n"
                                        "Ông nói: \"Chúng tôi đã chuẩn bị.\"")


def test_c4_rule_drops_short_lines_ellipses_javascript_and_policy_lines():
    text = "Hết.\nĐang tải...\nVui lòng bật Javascript để xem.\nRead our privacy policy now."
    assert peers.c4_line_rule(text) == ""


def test_c4_rule_strips_citations_and_accepts_quotes_as_terminal():
    assert peers.c4_line_rule("Hà Nội là thủ đô.[1]") == "Hà Nội là thủ đô."
    assert peers.c4_line_rule("Anh ấy hỏi 'vì sao'") == "Anh ấy hỏi 'vì sao'"


def test_c4_adapter_agrees_with_the_reimplementation():
    # datatrove when installed, the re-implementation otherwise: same lines either way.
    assert peers.c4_lines(PAGE) == peers.c4_line_rule(PAGE)
    assert "C4" in peers.c4_implementation()


def test_wrap_lines_escapes_and_skips_empty_lines():
    assert peers.wrap_lines("a<b & c\n\n  d  ") == \
        "<html><body><p>a&lt;b &amp; c</p>\n<p>d</p></body></html>"


def test_missing_package_is_a_clear_skip():
    with pytest.raises(peers.PeerNotInstalled, match="no_such_pkg is not installed"):
        peers._require("no_such_module_xyz", "no_such_pkg")


def test_available_splits_runnable_from_skipped(monkeypatch):
    def missing(text):
        raise peers.PeerNotInstalled("missing is not installed")

    monkeypatch.setitem(peers.PEERS, "missing", missing)
    runnable, skipped = peers.available(["keep-everything", "unicodedata-nfc", "missing"])
    assert list(runnable) == ["keep-everything", "unicodedata-nfc"]
    assert skipped == {"missing": "missing is not installed"}


def test_every_peer_has_a_role():
    assert set(peers.ROLES) == set(peers.PEERS) == set(peers.PACKAGES)


def test_builtin_normalizers():
    assert peers.nfc("hoa\u0300") == "hoà"
    assert peers.keep_everything(PAGE) is PAGE


@pytest.mark.parametrize("name", ["justext", "trafilatura", "underthesea.text_normalize",
                                  "ftfy.fix_text"])
def test_optional_adapter_returns_text_or_skips(name):
    try:
        out = peers.PEERS[name](PAGE)
    except peers.PeerNotInstalled as error:
        pytest.skip(str(error))
    if peers.ROLES[name] == "boilerplate":  # extractors keep some input lines, never invent
        lines = {" ".join(line.split()) for line in PAGE.splitlines()}
        assert {" ".join(line.split()) for line in out.splitlines() if line.strip()} <= lines
    else:  # normalizers keep every line
        assert len(out.splitlines()) == len(PAGE.splitlines())


def test_underthesea_adapter_keeps_line_structure():
    try:
        out = peers.underthesea_normalize("Trang chủ\n\nMưa lớn.")
    except peers.PeerNotInstalled as error:
        pytest.skip(str(error))
    assert out.split("\n")[1] == "" and len(out.split("\n")) == 3


def test_fit_exponent_recovers_power_laws():
    sizes = [1e3, 1e4, 1e5, 1e6]
    assert fit_exponent(sizes, [3e-6 * s for s in sizes]) == pytest.approx(1.0)
    assert fit_exponent(sizes, [1e-9 * s ** 1.5 for s in sizes]) == pytest.approx(1.5)
    with pytest.raises(ValueError):
        fit_exponent([1e3], [1.0])


def test_build_input_reaches_the_size_without_splitting_characters():
    texts = ["Mưa lớn ở Hà Nội.", "Ông nói."]
    for size in (1, 10, 1000, 4321):
        built = build_input(texts, size)
        assert size - 3 <= len(built.encode("utf-8")) <= size
    assert build_input(texts, 1000, seed=None).startswith("Mưa lớn ở Hà Nội.\nÔng nói.\nMưa")


def test_build_input_mixes_the_texts_in_a_fixed_order_each_pass_whole():
    texts = [f"Bài số {k}: mưa lớn ở Hà Nội." for k in range(20)]
    built = build_input(texts, 3000)
    assert built == build_input(texts, 3000)  # the same seed, the same input
    lines = built.split("\n")
    first_pass, second_pass = lines[:20], lines[20:40]
    assert sorted(first_pass) == sorted(second_pass) == sorted(texts)  # each pass whole
    assert first_pass != texts  # shuffled: a prefix is not the file's first texts
    assert first_pass != second_pass  # each pass shuffled anew


def test_rates_and_ratios():
    r = rates([1.0, 3.0, 2.0], texts_mb=4.0, n_docs=10)
    assert (r["seconds_median"], r["mb_per_s"], r["docs_per_s"]) == (2.0, 2.0, 5.0)
    tools = {"vnclean": {"mb_per_s": 6.0}, "vnclean:tidy": {"mb_per_s": 60.0},
             "trafilatura": {"mb_per_s": 2.0}}
    assert ratios(tools) == {"trafilatura": 3.0}


def test_vnclean_tools_cover_every_default_step():
    import vnclean

    tools = vnclean_tools()
    assert list(tools) == ["vnclean"] + [f"vnclean:{s}" for s, _ in vnclean.DEFAULT_STEPS]


def test_clean_many_is_timed_as_one_call_over_the_list_and_gets_its_own_ratios():
    import vnclean
    from benchmarks import speed

    texts = ["TTO - Mưa lớn ở Hà Nội.", "Trang chủ\nGiá vàng tăng./."] * 3
    assert speed.clean_many_one_process(texts) == [vnclean.clean(t) for t in texts]
    out = speed.measure(texts, repeats=1, min_repeats=1, warmup_docs=2, tools={
        "vnclean": vnclean.clean, speed.BATCH: speed.clean_many_one_process,
        "keep-everything": lambda text: text})
    assert set(out["ratios"]) == set(out["batch_ratios"]) == {"keep-everything"}
    assert out["tools"][speed.BATCH]["docs_per_s"] > 0


def test_speed_targets_are_read_on_clean_many_and_name_both_numbers():
    from benchmarks import report

    fake = {"speed": {"tools": {"vnclean": {"mb_per_s": 9.0},
                                "vnclean clean_many": {"mb_per_s": 11.0},
                                "trafilatura": {"mb_per_s": 2.0}},
                      "ratios": {"trafilatura": 4.5}, "batch_ratios": {"trafilatura": 5.5}},
            "quality": {}}
    first, second = report.targets(fake)[:2]
    assert first["met"] and "11.00 MB/s with `clean_many` (9.00 MB/s" in first["value"]
    assert second["met"] and second["value"].startswith("5.50x with `clean_many` (4.50x")


def test_speed_targets_say_trafilatura_skipped_when_it_did_not_run():
    # before: a TypeError formatting the missing ratio ended the report run (trafilatura
    # fails to import without lxml_html_clean beside lxml 5.2 and newer)
    from benchmarks import report

    fake = {"speed": {"tools": {"vnclean": {"mb_per_s": 9.0},
                                "vnclean clean_many": {"mb_per_s": 11.0}}},
            "quality": {}}
    first, second = report.targets(fake)[:2]
    assert first["met"]
    assert second == {"target": second["target"], "value": "trafilatura skipped", "met": False}


def test_cold_start_times_a_fresh_process_and_leaves_out_what_fails(monkeypatch):
    from benchmarks import speed

    monkeypatch.setattr(speed, "COLD_START_SCRIPTS", {
        "plain": "assert TEXT.startswith('Mưa lớn')", "broken": "import no_such_module_anywhere"})
    out = speed.cold_start(repeats=1)
    assert list(out) == ["plain"]  # (the text reached the process whole: its assert held)
    assert out["plain"] >= 0


def test_first_pass_cleans_the_first_documents_twice_in_a_fresh_process(corpus_path):
    from benchmarks import speed

    out = speed.first_pass(("dev",), corpus_path, docs=3)
    assert out is not None and out["docs"] == 3
    assert out["first_s"] > 0 and out["again_s"] > 0


def test_first_pass_is_none_when_the_process_fails(tmp_path):
    from benchmarks import speed

    assert speed.first_pass(("dev",), tmp_path / "no_corpus_here", docs=3) is None
