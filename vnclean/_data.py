"""Word lists, patterns and tuned thresholds shipped under ``vnclean/data``, loaded once.

Text lists hold one entry a line (``#`` starts a comment); every entry is NFC-normalized on
load, so lookups against NFC text are exact. JSON files hold tuned numbers.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from importlib import resources
from typing import Any

__all__ = ["data_text", "word_list", "word_set", "json_data", "alternation", "trie"]


def data_text(name: str) -> str:
    """The NFC text of the data file ``name``."""
    raw = resources.files("vnclean.data").joinpath(name).read_text(encoding="utf-8")
    return unicodedata.normalize("NFC", raw)


@functools.cache
def word_list(name: str) -> tuple[str, ...]:
    """Entries of a one-entry-a-line list, blank lines and ``#`` comments skipped, order kept."""
    entries = []
    for line in data_text(name).splitlines():
        entry = line.split(" #", 1)[0].strip() if not line.startswith("#") else ""
        if entry:
            entries.append(entry)
    return tuple(dict.fromkeys(entries))


@functools.cache
def word_set(name: str) -> frozenset[str]:
    """The entries of :func:`word_list` as a set, built once: every module that looks words
    up in the same list shares it."""
    return frozenset(word_list(name))


@functools.cache
def tab_entries(name: str) -> tuple[tuple[str, str], ...]:
    """``(tag, value)`` pairs of a ``tag<TAB>value`` list (see :func:`word_list`).

    >>> tab_entries("related_headings.txt")[0]
    ('strong', 'Tin liên quan')
    """
    pairs = []
    for entry in word_list(name):
        tag, _, value = entry.partition("\t")
        pairs.append((tag.strip(), value.strip()))
    return tuple(pairs)


@functools.cache
def json_data(name: str) -> Any:
    """A JSON data file, parsed once."""
    return json.loads(data_text(name))


def alternation(entries: tuple[str, ...]) -> str:
    """A regex alternation of literal entries, longest first so the longest one wins."""
    import regex

    return "|".join(regex.escape(e) for e in sorted(entries, key=len, reverse=True))


def trie(words: tuple[str, ...]) -> str:
    """A pattern matching any of ``words``, branching by letter, longest first.

    The engine skips a branch on its first letter, so a place that opens with none of the
    words costs a few comparisons instead of one per word. It matches what
    ``alternation(words)`` matches, in the same order (a longer word before its
    prefix), in the stdlib ``re`` and in ``regex`` alike.

    >>> pattern = trie(("Thứ", "Thời", "Theo"))
    >>> pattern
    'Th(?:eo|ời|ứ)'
    >>> [bool(re.match(pattern, w)) for w in ("Thứ Ba", "Theo TTXVN", "Thanh")]
    [True, True, False]
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)
