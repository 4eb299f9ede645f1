"""Shared test set-up: the benchmark corpus, skipped with a reason when it is absent;
the ```python blocks of a docs page, for tests that run them; scoring a cleaner's edits
against the gold spans."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
import regex
from hypothesis import settings

from vnclean.corpus import CorpusNotFound, corpus_dir, load_split

# The suite is deterministic: every property test draws the same examples on every run, so
# a rare corner cannot turn CI red by chance (a corner found is fixed and pinned with
# @example). No example database either: the examples an exploring run saved would be
# replayed first, and a local run would differ from a clean checkout's (CI's).
# "The same examples" holds for one tree and one set of loaded modules only: Hypothesis also
# draws literals it finds in the package's source (and in whatever modules are loaded at
# the time), so a change to vnclean, or running one test file alone, can draw new examples.
# Before committing, run the whole suite as CI does (``python -m pytest``) on the final tree.
# No deadline either: an example's time depends on the machine's load (and on the patterns
# its first call compiles), so a per-example deadline made a loaded machine's run fail.
# A long random campaign: VNCLEAN_HYPOTHESIS_PROFILE=explore python -m pytest.
settings.register_profile("deterministic", derandomize=True, database=None, deadline=None)
settings.register_profile("explore", derandomize=False, max_examples=1000)
settings.load_profile(os.environ.get("VNCLEAN_HYPOTHESIS_PROFILE", "deterministic"))


def _corpus_or_skip():
    try:
        return corpus_dir()
    except CorpusNotFound as error:
        pytest.skip(f"benchmark corpus absent: {error}")


@pytest.fixture(scope="session")
def corpus_path():
    return _corpus_or_skip()


@pytest.fixture(scope="session")
def dev_records(corpus_path):
    return load_split("dev", corpus_path)


@pytest.fixture(scope="session")
def test_records(corpus_path):
    return load_split("test", corpus_path)


def python_blocks(doc: str) -> list[str]:
    """The ```python blocks of a docs page (they must run as written)."""
    text = (Path(__file__).resolve().parents[1] / "docs" / doc).read_text(encoding="utf-8")
    return [block.split("```", 1)[0] for block in text.split("```python\n")[1:]]


_WORDCHAR = regex.compile(r"\w")


@dataclass(frozen=True)
class RemovalScore:
    """Word characters of gold ``kind`` spans (``total``), how many an edit left in
    (``missed``), and story word characters edits took outside every gold span (``false``)."""

    total: int
    missed: int
    false: int

    @property
    def recall(self) -> float:
        return (self.total - self.missed) / self.total if self.total else 1.0


def removal_score(records, edits_of, kind: str) -> RemovalScore:
    """Score the edits ``edits_of(raw)`` returns (original offsets) against the gold spans."""
    total = missed = false = 0
    for record in records:
        raw = record.raw
        edits = list(edits_of(raw))
        removed = _mask(len(raw), [(e.start, e.end) for e in edits])
        gold = _mask(len(raw), [(s.start, s.end) for s in record.spans])
        for span in record.spans:
            if span.kind == kind:
                for i in range(span.start, span.end):
                    if _WORDCHAR.match(raw[i]):
                        total += 1
                        missed += not removed[i]
        for edit in edits:
            false += sum(1 for i in range(edit.start, edit.end)
                         if not gold[i] and _WORDCHAR.match(raw[i]))
    return RemovalScore(total, missed, false)


def _mask(length: int, spans) -> bytearray:
    mask = bytearray(length)
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask
