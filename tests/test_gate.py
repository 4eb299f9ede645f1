"""The quality gate: dev numbers hold the committed floors; the corpus is the pinned one.

The corpus tests run where ``../shared/corpus`` exists (CI) and are skipped with the reason
otherwise. Raise floors with ``python -m benchmarks.gate --raise``; it never lowers one.
"""

from __future__ import annotations

import json

import pytest

from benchmarks import gate
from benchmarks.metrics import evaluate
from vnclean import clean
from vnclean.corpus import corpus_hash


@pytest.fixture(scope="module")
def floors():
    return gate.load_floors()


@pytest.mark.corpus
def test_corpus_is_the_pinned_one(corpus_path, floors):
    assert corpus_hash(corpus_path) == floors["corpus_sha256"], gate.REPIN_HELP


@pytest.mark.corpus
def test_dev_numbers_hold_their_floors(dev_records, floors):
    current = gate.gated_numbers(evaluate(dev_records, clean))
    failures = gate.check(gate.flatten(floors["floors"]["dev"]), current, "dev")
    assert not failures, ("quality fell below benchmarks/floors.json: " + "; ".join(failures)
                          + " (`python -m benchmarks.diagnose` shows where; a floor is "
                          "lowered only by hand in a reviewed diff)")


def test_probe_numbers_hold_their_floors(floors):
    # The probes need no corpus, so this part of the gate runs on every checkout.
    current = gate.probe_numbers()
    failures = gate.check(gate.flatten(floors["floors"][gate.PROBES]), current, gate.PROBES)
    assert not failures, ("probe numbers fell below benchmarks/floors.json: "
                          + "; ".join(failures) + " (`python -m benchmarks.probes --show`)")


def test_probe_floors_keep_every_story_line(floors):
    probe_floors = gate.flatten(floors["floors"][gate.PROBES])
    assert probe_floors["story_kept"] == 1.0 and probe_floors["documents_whole"] == 1.0
    assert {f"removed.{kind}" for kind in ("nav", "caption", "byline", "related", "promo")} \
        <= set(probe_floors)


def test_floors_file_covers_every_split_and_gated_metric(floors):
    for split in ("dev", "test"):
        flat = gate.flatten(floors["floors"][split])
        assert {"micro_f1", "body_recall"} <= set(flat)
        assert all(0.0 <= value <= 1.0 for value in flat.values())
    assert len(floors["corpus_sha256"]) == 64


def test_check_reports_each_number_below_its_floor():
    failures = gate.check({"micro_f1": 0.9, "kind_recall.nav": 0.5},
                          {"micro_f1": 0.89, "kind_recall.nav": 0.5}, "dev")
    assert failures == ["dev micro_f1 = 0.890000 is below its floor 0.900000"]


def test_check_flags_a_floored_metric_that_was_not_measured():
    assert "not measured" in gate.check({"kind_recall.promo": 0.2}, {})[0]


def test_raise_moves_floors_up_by_current_less_epsilon():
    new = gate.raised({"micro_f1": 0.5, "body_recall": 0.99},
                      {"micro_f1": 0.8, "body_recall": 0.99005}, epsilon=1e-4)
    assert new == {"micro_f1": 0.7999, "body_recall": 0.99}  # 0.98995 < 0.99: kept


def test_raise_never_lowers_a_floor():
    with pytest.raises(gate.GateRefused, match="never lowers"):
        gate.raised({"micro_f1": 0.9, "body_recall": 0.5}, {"micro_f1": 0.8, "body_recall": 0.9})


def test_nest_and_flatten_round_trip():
    flat = {"micro_f1": 0.9, "kind_recall.nav": 0.4, "kind_recall.promo": 0.1}
    assert gate.nest(flat) == {"micro_f1": 0.9, "kind_recall": {"nav": 0.4, "promo": 0.1}}
    assert gate.flatten(gate.nest(flat)) == flat


def _fake_measure(numbers):
    return lambda splits=gate.SPLITS, corpus=None: {"dev": dict(numbers)}


def test_run_raise_refuses_and_leaves_the_file_alone(tmp_path, monkeypatch):
    path = tmp_path / "floors.json"
    before = {"corpus_sha256": "pinned", "epsilon": 1e-4, "floors": {"dev": {"micro_f1": 0.9}}}
    path.write_text(json.dumps(before))
    monkeypatch.setattr(gate, "corpus_hash", lambda corpus=None: "pinned")
    monkeypatch.setattr(gate, "measure", _fake_measure({"micro_f1": 0.8}))
    with pytest.raises(gate.GateRefused, match="dev micro_f1 = 0.800000 is below"):
        gate.run(raise_floors=True, path=path, allow_dirty=True, out=lambda _: None)
    assert json.loads(path.read_text()) == before


def test_run_raise_writes_higher_floors_and_check_passes(tmp_path, monkeypatch):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"corpus_sha256": "pinned", "epsilon": 1e-4,
                                "floors": {"dev": {"micro_f1": 0.5}}}))
    monkeypatch.setattr(gate, "corpus_hash", lambda corpus=None: "pinned")
    monkeypatch.setattr(gate, "measure", _fake_measure({"micro_f1": 0.9, "kind_recall.nav": 0.3}))
    assert gate.run(raise_floors=True, path=path, allow_dirty=True, out=lambda _: None) == 0
    assert json.loads(path.read_text())["floors"]["dev"] == {"micro_f1": 0.8999,
                                                             "kind_recall": {"nav": 0.2999}}
    assert gate.run(path=path, out=lambda _: None) == 0


def test_run_fails_on_another_corpus_and_repin_keeps_floors(tmp_path, monkeypatch):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"corpus_sha256": "old", "floors": {"dev": {"micro_f1": 0.9}}}))
    monkeypatch.setattr(gate, "corpus_hash", lambda corpus=None: "new")
    monkeypatch.setattr(gate, "measure", _fake_measure({"micro_f1": 0.95}))
    said = []
    assert gate.run(path=path, out=said.append) == 2
    assert any("re-pin" in line for line in said)
    assert gate.run(repin=True, path=path, out=said.append) == 0
    data = json.loads(path.read_text())
    assert data == {"corpus_sha256": "new", "floors": {"dev": {"micro_f1": 0.9}}}
