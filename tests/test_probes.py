"""The generalization probes (``benchmarks/probes.json``) as tests.

Story probes and the article around every probe must survive; this is the "never eat the
story" half of the probes. How much boilerplate the probes catch is a benchmark number
(``python -m benchmarks.probes``), not an assertion.
"""

from __future__ import annotations

import pytest

from benchmarks import probes

PROBES = probes.load_probes()
ALL_RESULTS = probes.run_all(probes=PROBES)


@pytest.mark.parametrize("result", [r for r in ALL_RESULTS if r.kind == "story"],
                         ids=lambda r: f"{r.position}:{r.probe[:30]}")
def test_story_probe_survives(result):
    assert not result.removed
    assert result.story_lost == []


def test_no_boilerplate_probe_costs_story_text():
    lost = [(r.kind, r.position, r.probe, r.story_lost) for r in ALL_RESULTS if r.story_lost]
    assert lost == []


def test_probes_cover_every_kind_and_position():
    kinds = set(PROBES["boilerplate"])
    assert kinds == {"nav", "caption", "byline", "related", "promo"}
    assert {r.position for r in ALL_RESULTS} == set(PROBES["positions"])


def test_place_rejects_unknown_position():
    with pytest.raises(ValueError, match="unknown position"):
        probes.place(PROBES["article"], "x", "sideways")


def test_a_removed_probe_is_reported_removed():
    # A cleaner that drops the probe line (and only it) must score it as removed.
    probe = "Chia sẻ"
    result = probes.run_probe(lambda text: text.replace(probe + "\n", ""), PROBES["article"],
                              "promo", probe, "middle")
    assert result.removed and result.story_lost == []
    kept = probes.run_probe(lambda text: text, PROBES["article"], "promo", probe, "middle")
    assert not kept.removed
