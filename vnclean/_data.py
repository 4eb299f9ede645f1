"""Word lists, patterns and tuned thresholds shipped under ``vnclean/data``, loaded once.

Text lists hold one entry a line (``#`` starts a comment); every entry is NFC-normalized on
load, so lookups against NFC text are exact. JSON files hold tuned numbers.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from importlib import resources
from typing import Any

try:  # the stdlib's own pattern parser (private: a Python without it turns the gates off)
    from re import _constants as _re_constants, _parser as _re_parser
except ImportError:  # pragma: no cover
    _re_constants = _re_parser = None

__all__ = ["data_text", "word_list", "word_set", "json_data", "alternation", "trie",
           "named_list", "compile_named", "gc_paused", "LazyPattern", "required_pieces",
           "PiecedAlternation"]


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
    """``regex.compile(pattern, flags)`` with every list :func:`named_list` named, the
    garbage collector paused meanwhile (:func:`gc_paused`)."""
    import regex

    with gc_paused():
        return regex.compile(pattern, flags, ignore_unused=True, **_NAMED_LISTS)


@contextlib.contextmanager
def gc_paused() -> Any:
    """The cyclic garbage collector off for the block (as it was before after it: a caller
    that turned it off keeps it off), for compiling a pattern.

    Why: a parser (``regex``'s in Python, the stdlib's too) allocates tens of thousands of
    small objects for a large pattern, and every few hundred allocations start a
    collection that walks the young objects, every few of those the older ones, and now and
    then every object the process holds; a fresh process cleaning dev+test with
    ``strip_bylines`` spent about 0.4 s of its 2.1 s first pass so (1263, 114 and 10
    collections of the three generations), finding little garbage. What a parse leaves
    behind is collected at the next collection after the block.

    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


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
            with gc_paused():  # (for a ``compile`` other than compile_named too)
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


def required_pieces(pattern: str) -> tuple[str, ...] | None:
    r"""Casefolded literal pieces one of which every match of ``pattern`` (a ``regex``
    pattern, case-insensitive or not) holds, or ``None`` when that cannot be told.

    Why: a line whose casefold holds none of them cannot match, and one stdlib search of a
    casefolded line for them costs a small part of a case-insensitive ``regex`` search of
    many alternatives (each opening with a lookbehind the engine tries at every position).
    Read from the pattern itself (stdlib ``re``'s parser), so the pieces never fall out of
    step with it: each alternative gives its longest required run of literal characters
    (outside lookarounds); what the stdlib cannot parse, or an alternative without one, gives
    ``None``. (Full case folding matches a literal to text whose casefold holds its casefold.)

    >>> required_pieces(r"\bCopyright\b|Bản quyền (?:thuộc|©|\d{4})|(?:không|cấm)[ \t]+sao chép")
    ('bản quyền ', 'copyright', 'sao chép')
    >>> required_pieces(r"\d+|Hotline") is None
    True
    """
    source = _LIST_REFERENCE.sub(lambda m: "(?:%s)" % alternation(_NAMED_LISTS[m.group(1)])
                                 if m.group(1) in _NAMED_LISTS else m.group(), pattern)
    source = _REGEX_ONLY_CLASS.sub(r"\\w", source)
    if _re_parser is None or not _reads_alike(source):
        return None
    try:
        tree = _re_parser.parse(source)
    except Exception:  # (syntax only the regex module reads)
        return None
    pieces = _required(list(tree))
    return None if pieces is None else tuple(sorted({p.casefold() for p in pieces}, key=str))


#: How many short stretches each :class:`PiecedAlternation` remembers its finder of, and
#: how long they may be (a line of chrome: a few hundred kilobytes in all).
_STRETCHES_KEPT = 1 << 12
_KEPT_STRETCH_CHARS = 200


class PiecedAlternation:
    r"""An alternation of regex ``branches`` (tried in order) that searches a stretch of text
    with only the branches one of whose :func:`required_pieces` the stretch's casefold holds
    (all of them when casefolding changed its length, or a branch's pieces cannot be told).

    Why: one case-insensitive ``regex`` search of many alternatives tries each of them at
    every place; a few, or one, jump from literal to literal. A branch that can match
    nowhere in the stretch never wins a place, so what the search finds there is what the
    whole alternation finds. ``source`` writes the alternation of the numbered branches
    (ascending; default: joined by ``|``); :attr:`whole`, all of them, is the pattern given
    as ``whole`` or one compiled at its first use. Each set of branches met is compiled
    once and kept, the first ``budget`` sets only: a later new set is searched with the
    whole alternation (texts holding ever new mixes of pieces cannot make the process
    compile without end).

    >>> import regex
    >>> words = PiecedAlternation((r"\bCopyright\b", r"Giấy phép số \d+"), regex.IGNORECASE)
    >>> words.finder("Mưa lớn ở Hà Nội.") is None
    True
    >>> [m.group() for m in words.finditer("Mưa lớn. COPYRIGHT Báo X, giấy phép số 12")]
    ['COPYRIGHT', 'giấy phép số 12']
    """

    def __init__(self, branches: tuple[str, ...], flags: int,
                 source: Callable[[Iterable[int]], str] | None = None,
                 whole: Any = None, budget: int = 64) -> None:
        self.branches = branches
        self._source = source or (lambda ks: "|".join(branches[k] for k in ks))
        self._flags = flags
        self.whole = whole or LazyPattern(self._source(range(len(branches))), flags)
        self._budget = budget
        self._subsets: dict[tuple[int, ...], Any] = {}
        self._index: tuple[dict[str, tuple[int, ...]], frozenset[int], Any] | None = None
        self._kept = functools.lru_cache(maxsize=_STRETCHES_KEPT)(self._find)

    def _subset(self, ks: tuple[int, ...]) -> Any:
        """The alternation of the branches ``ks``, compiled once; the whole one past the
        budget."""
        pattern = self._subsets.get(ks)
        if pattern is None:
            if len(self._subsets) >= self._budget:
                return self.whole
            pattern = self._subsets[ks] = compile_named(self._source(ks), self._flags)
        return pattern

    def _pieces(self) -> tuple[dict[str, tuple[int, ...]], frozenset[int], Any]:
        """The branches each piece lets match, those whose pieces cannot be told, and one
        search for any piece (a trie: few tests a place; ``None`` when some branch's pieces
        cannot be told), read from the branches at the first use: import stays quick."""
        if self._index is None:
            by_piece: dict[str, tuple[int, ...]] = {}
            untold = set()
            for k, branch in enumerate(self.branches):
                pieces = required_pieces(branch)
                if pieces is None:
                    untold.add(k)
                for piece in pieces or ():
                    by_piece[piece] = (*by_piece.get(piece, ()), k)
            any_piece = None if untold else re.compile(trie(tuple(sorted(by_piece)))).search
            self._index = by_piece, frozenset(untold), any_piece
        return self._index

    def may_match(self, text: str) -> bool:
        """Whether some branch may match in ``text``: a cheap gate before a search with the
        alternation, or with a pattern it stands for (the answer is that of ``finder(text)
        is not None``, without choosing the branches). One search of the casefold for all
        the pieces; always true when a branch's pieces cannot be told, and for a text
        holding a character that casefolds to several.

        >>> import regex
        >>> words = PiecedAlternation((r"\\bCopyright\\b", r"Giấy phép số \\d+"), regex.IGNORECASE)
        >>> words.may_match("COPYRIGHT 2024"), words.may_match("GIẤY PHÉP SỐ 5")
        (True, True)
        >>> words.may_match("Mưa lớn ở Hà Nội.")
        False
        """
        _, _, any_piece = self._pieces()
        if any_piece is None:
            return True
        low = text.casefold()
        # (a character that folds to several, "İ" to "i̇", may match a literal in part)
        return len(low) != len(text) or any_piece(low) is not None

    def finder(self, stretch: str) -> Any:
        """The alternation of the branches that can match in ``stretch`` (compiled), or
        None when none can; remembered for a stretch of up to ``_KEPT_STRETCH_CHARS``
        characters (a site's footer and widget lines come again on every page it serves,
        and a second pass reads them again; a story's longer stretches are worked out)."""
        if len(stretch) > _KEPT_STRETCH_CHARS:
            return self._find(stretch)
        return self._kept(stretch)

    def _find(self, stretch: str) -> Any:
        """:meth:`finder`'s answer, worked out."""
        low = stretch.casefold()
        if len(low) != len(stretch):
            return self.whole  # (a character folds to several: a literal may match in part)
        by_piece, untold, _ = self._pieces()
        ks = set(untold)
        for piece, branches in by_piece.items():
            if piece in low:
                ks.update(branches)
        if len(ks) == len(self.branches):
            return self.whole
        return self._subset(tuple(sorted(ks))) if ks else None

    def finditer(self, text: str, lo: int = 0, hi: int | None = None) -> list:
        """The alternation's matches in ``text[lo:hi]``, as its ``finditer`` finds them."""
        hi = len(text) if hi is None else hi
        finder = self.finder(text[lo:hi])
        return [] if finder is None else list(finder.finditer(text, lo, hi))

    def search(self, text: str, lo: int = 0, hi: int | None = None) -> Any:
        """The alternation's first match in ``text[lo:hi]``, as its ``search`` finds it."""
        hi = len(text) if hi is None else hi
        finder = self.finder(text[lo:hi])
        return None if finder is None else finder.search(text, lo, hi)


_LIST_REFERENCE = re.compile(r"\\L<(\w+)>")
_REGEX_ONLY_CLASS = re.compile(r"\\[pP]\{[^}]*\}")  # \p{Lu}: a class the stdlib lacks
_REPEATS = () if _re_constants is None else (
    _re_constants.MAX_REPEAT, _re_constants.MIN_REPEAT, _re_constants.POSSESSIVE_REPEAT)


def _reads_alike(source: str) -> bool:
    """Whether the stdlib reads ``source`` as the ``regex`` module does, as far as literals
    go: no ``[`` inside a class (a nested set or a POSIX class to ``regex``), no ``{`` that
    opens no repeat (fuzzy matching to ``regex``, literal to the stdlib)."""
    opened = -1  # where the class being read opened (-1: none)
    escaped = False
    for k, char in enumerate(source):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif opened >= 0:
            if char == "[":
                return False
            if char == "]" and k > opened + 1 and source[opened + 1:k] != "^":
                opened = -1  # (a "]" first in the class is one of its characters)
        elif char == "[":
            opened = k
        elif char == "{" and not _REPEAT.match(source, k):
            return False
    return True


_REPEAT = re.compile(r"\{\d*(?:,\d*)?\}")


def _required(items: list) -> frozenset[str] | None:
    """:func:`required_pieces` of one parsed sequence: the best of what its items require
    (a run of literals, a group's or a repeated item's pieces, every branch's pieces)."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is _re_constants.LITERAL:
            run.append(chr(av))
            continue
        found = [frozenset(("".join(run),))] if run else []
        run = []
        if op is _re_constants.SUBPATTERN:
            found.append(_required(list(av[-1])))
        elif op is _re_constants.ATOMIC_GROUP:
            found.append(_required(list(av)))
        elif op in _REPEATS and av[0] >= 1:
            found.append(_required(list(av[2])))
        elif op is _re_constants.BRANCH:
            options = [_required(list(branch)) for branch in av[1]]
            if all(options):
                found.append(frozenset().union(*options))
        for pieces in found:
            if pieces and all(pieces) and (best is None or _shortest(pieces) > _shortest(best)):
                best = pieces
    return best


def _shortest(pieces: frozenset[str]) -> int:
    return min(map(len, pieces))
