"""pytest-benchmark micro-benchmarks of each vnclean cleaner, for profiling work.

``python -m pytest benchmarks/test_micro.py --benchmark-only`` (the normal test run ignores
``benchmarks/``). Input: about 100 KB of corpus documents, or the bundled sample page
repeated when the corpus is absent. Compare runs with ``--benchmark-autosave`` and
``pytest-benchmark compare``.
"""

from __future__ import annotations

from importlib import resources

import pytest

import vnclean
from vnclean.corpus import CorpusNotFound

from .scaling import build_input
from .speed import corpus_texts, vnclean_tools

SIZE = 100_000
TOOLS = vnclean_tools()


@pytest.fixture(scope="module")
def page() -> str:
    try:
        texts = corpus_texts(("dev",))
    except CorpusNotFound:
        texts = [resources.files("vnclean.data").joinpath("sample.txt").read_text("utf-8")]
    return build_input(texts, SIZE)


@pytest.mark.parametrize("name", list(TOOLS))
def test_cleaner(benchmark, page, name):
    benchmark.group = "vnclean cleaners, 100 KB"
    benchmark.extra_info["bytes"] = len(page.encode("utf-8"))
    out = benchmark(TOOLS[name], page)
    assert isinstance(out, str) and len(out) <= len(page) * 2


def test_clean_and_explain(benchmark, page):
    benchmark.group = "vnclean cleaners, 100 KB"
    result = benchmark(vnclean.clean_and_explain, page)
    assert result.text == vnclean.clean(page)
