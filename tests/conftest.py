"""Shared test set-up: the benchmark corpus, skipped with a reason when it is absent."""

from __future__ import annotations

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
