"""pytest plugin that ships with vnclean: fixtures and ini options for users' own tests.

Installing vnclean registers it (entry point ``pytest11``). In ``pytest.ini`` (or
``[tool.pytest.ini_options]``)::

    vnclean_tone_style = new
    vnclean_options =
        captions = false
        legacy_encodings = true

Fixtures: ``vnclean_options`` (the options as a dict), ``vnclean_cleaner`` (the default
pipeline with them), ``vnclean_sample_corpus`` (five short pages with gold clean text and
spans), ``vnclean_strategies`` (:mod:`vnclean.testing`; skips the test without Hypothesis).
Everything is imported lazily, so the plugin never breaks a run that does not use it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

TONE_STYLES = {"old": "old", "new": "new", "none": None, "": "old"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("vnclean_tone_style", default="old",
                  help="vnclean: tone style of vnclean_cleaner (old, new, none)")
    parser.addini("vnclean_options", type="linelist", default=[],
                  help="vnclean: more options of vnclean_cleaner, one 'name = value' a line")


def parse_option_lines(lines: list[str]) -> dict[str, Any]:
    """Options from ``name = value`` lines: booleans, ``none``, numbers, else strings.

    >>> parse_option_lines(["captions = false", "tone_style = none", "# a comment"])
    {'captions': False, 'tone_style': None}
    """
    options: dict[str, Any] = {}
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, value = line.partition("=")
        if not sep:
            raise pytest.UsageError(f"vnclean_options: expected 'name = value', got {line!r}")
        options[name.strip()] = _value(value.strip())
    return options


def _value(text: str) -> Any:
    lowered = text.lower()
    if lowered in ("true", "yes", "on"):
        return True
    if lowered in ("false", "no", "off"):
        return False
    if lowered in ("none", "null"):
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def options_from_config(config: pytest.Config) -> dict[str, Any]:
    """The ini options as keyword arguments of :func:`vnclean.clean`."""
    style = str(config.getini("vnclean_tone_style")).strip().lower()
    if style not in TONE_STYLES:
        raise pytest.UsageError(f"vnclean_tone_style must be old, new or none, not {style!r}")
    options = {"tone_style": TONE_STYLES[style]}
    options.update(parse_option_lines(config.getini("vnclean_options")))
    return options


@pytest.fixture(scope="session")
def vnclean_options(pytestconfig: pytest.Config) -> dict[str, Any]:
    """The options set by ``vnclean_tone_style`` and ``vnclean_options`` in the ini file."""
    return options_from_config(pytestconfig)


@pytest.fixture(scope="session")
def vnclean_cleaner(vnclean_options: dict[str, Any]):
    """The default vnclean pipeline configured by the ini options (``str -> str``, ``.explain``)."""
    from vnclean import default_pipeline

    try:
        return default_pipeline(**vnclean_options)
    except (TypeError, ValueError) as error:
        raise pytest.UsageError(f"vnclean_options: {error}") from None


@pytest.fixture(scope="session")
def vnclean_sample_corpus() -> list:
    """A small bundled corpus: :class:`vnclean.corpus.Record` objects with gold clean and spans."""
    from vnclean.corpus import Record

    return [Record.from_json(json.loads(line)) for line in sample_corpus_lines()]


def sample_corpus_lines() -> list[str]:
    """The lines of ``vnclean/data/sample_corpus.jsonl``.

    >>> len(sample_corpus_lines()) >= 4
    True
    """
    from importlib import resources

    text = resources.files("vnclean.data").joinpath("sample_corpus.jsonl").read_text("utf-8")
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def vnclean_strategies():
    """:mod:`vnclean.testing` (Hypothesis strategies); skips the test when Hypothesis is missing."""
    pytest.importorskip("hypothesis", reason="vnclean_strategies needs hypothesis")
    from vnclean import testing

    return testing
