"""Word lists, patterns and tuned thresholds shipped under ``vnclean/data``, loaded once.

Text lists hold one entry a line (``#`` starts a comment); every entry is NFC-normalized on
load, so lookups against NFC text are exact. JSON files hold tuned numbers.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable
from importlib import resources
from typing import Any

__all__ = ["data_text", "word_list", "word_set", "json_data", "alternation", "trie",
           "named_list", "compile_named", "LazyPattern"]


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


#: The word lists that ``regex`` patterns name as ``\L<name>``, by name (:func:`named_list`).
_NAMED_LISTS: dict[str, tuple[str, ...]] = {}
_LIST_NAMES: dict[tuple[str, ...], str] = {}


def named_list(entries: Iterable[str]) -> str:
    r"""``\L<name>``: ``entries`` as a named list of the ``regex`` module, for a pattern that
    :func:`compile_named` compiles (one name for each distinct list).

    Why: ``regex`` builds the very same program from it as from ``alternation(entries)``
    (every entry literally, longest first), but reads no escaped alternation: a long word
    list compiles faster. Only ``regex`` patterns can hold it (``re`` has no named lists).

    >>> pattern = compile_named(rf"(?:{named_list(('Th', 'Theo'))})\b")
    >>> pattern.match("Theo TTXVN").group()
    'Theo'
    """
    entries = tuple(entries)
    if len(entries) < 2:  # (one entry: a plain literal, which joins the literals around it)
        return alternation(entries)
    name = _LIST_NAMES.setdefault(entries, f"words{len(_LIST_NAMES)}")
    _NAMED_LISTS[name] = entries
    return rf"\L<{name}>"


def compile_named(pattern: str, flags: int = 0) -> Any:
    """``regex.compile(pattern, flags)`` with every list :func:`named_list` named."""
    import regex

    return regex.compile(pattern, flags, ignore_unused=True, **_NAMED_LISTS)


class LazyPattern:
    """A pattern compiled the first time a method of it is called (``search``, ``match``, ...),
    whose later calls go to the compiled pattern's own methods: for the patterns few texts
    need (a call costs a few tens of nanoseconds more than on a compiled pattern).

    Why: most of the time ``import vnclean`` took was compiling patterns; one that a text
    rarely needs (a shape seen on a few pages in a hundred) should not make every
    process wait for it. ``pattern`` is the source, read without compiling; ``made(m)``
    stands for ``m.re is pattern``.

    >>> pattern = LazyPattern("Theo [A-Z]+")
    >>> pattern.pattern, pattern.search("Tin: Theo TTXVN").group()
    ('Theo [A-Z]+', 'Theo TTXVN')
    >>> pattern.made(pattern.match("Theo VOV")), pattern.made(re.match("T", "Theo"))
    (True, False)
    """

    #: What the compiled pattern gives (its bound methods and attributes), copied onto the
    #: object at the first use so that later uses find them there, not in ``__getattr__``.
    _FORWARDED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn",
                  "split", "splititer", "scanner", "flags", "groups", "groupindex")

    def __init__(self, pattern: str, flags: int = 0, compile: Any = None) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compile = compile or compile_named

    def __getattr__(self, name: str) -> Any:  # (only for what the object does not hold yet)
        if name.startswith("__") or name in ("_flags", "_compile", "_compiled"):
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = self._compile(self.pattern, self._flags)
            for attr in self._FORWARDED:
                if hasattr(compiled, attr):
                    setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def made(self, match: Any) -> bool:
        """``match`` is one this pattern found (what ``match.re is pattern`` tells of a
        compiled one)."""
        return match.re is self.__dict__.get("_compiled")

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


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
    return _trie(tuple(words))


@functools.cache
def _trie(words: tuple[str, ...]) -> str:
    """:func:`trie`, built once for each list (several modules name the same lists)."""
    return _branches(sorted(set(words)), 0)


def _branches(words: list[str], depth: int) -> str:
    """The trie of sorted, distinct ``words`` that share their first ``depth`` letters: a
    branch a letter, in order; a branch of one word is that word's rest, escaped."""
    count = len(words)
    start = 1 if count and len(words[0]) == depth else 0  # (a word that ends here sorts first)
    branches = []
    while start < count:
        char = words[start][depth]
        end = start + 1
        while end < count and words[end][depth] == char:
            end += 1
        if end - start == 1:
            branches.append(re.escape(words[start][depth:]))
        else:
            branches.append(re.escape(char) + _branches(words[start:end], depth + 1))
        start = end
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if count and len(words[0]) == depth else body
