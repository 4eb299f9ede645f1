"""The docstring examples of ``benchmarks/`` run too (pytest's doctest collection skips
that folder because its modules are scripts with optional peers)."""

from __future__ import annotations

import doctest
import importlib

import pytest

# The benchmark modules that carry examples.
MODULES = ["quality", "peers", "speed", "scaling", "gate", "probes"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"benchmarks.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
