"""Shared test set-up: the benchmark corpus, skipped with a reason when it is absent;
the ```python blocks of a docs page, for tests that run them."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnclean.corpus import CorpusNotFound, corpus_dir, load_split


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
