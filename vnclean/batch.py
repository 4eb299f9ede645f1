"""Clean many texts: lazily, in order, on one process or a pool of them.

``clean_many`` is a generator over any iterable (an infinite one included): it never holds
more than a few chunks in flight, and yields results in input order. Each chunk is cleaned
step by step (:meth:`vnclean.Pipeline.apply_many`), which is faster than text by text. With
``workers > 1`` the chunks go to a process pool; the results are the same as on one process.

>>> from vnclean import clean
>>> pages = ["TTO - Mưa lớn ở Hà Nội.", "Trang chủ\\nHà Nội khởi công cầu mới."]
>>> list(clean_many(pages)) == [clean(page) for page in pages]
True
"""

from __future__ import annotations

import functools
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any, TypeVar

from ._core import Cleaned, Edit
from .options import default_pipeline

__all__ = ["clean_many", "map_ordered", "edit_to_dict", "cleaned_to_dict", "DEFAULT_CHUNKSIZE"]

T = TypeVar("T")
R = TypeVar("R")

#: Texts cleaned (and sent to a worker) at a time: large enough to amortize pickling and to
#: keep each step's patterns hot over many texts (``Pipeline.apply_many``), small enough to
#: stream.
DEFAULT_CHUNKSIZE = 256


def clean_many(iterable: Iterable[str], *, workers: int = 1, chunksize: int = DEFAULT_CHUNKSIZE,
               explain: bool = False, **options: Any) -> Iterator[str | Cleaned]:
    """Clean every text of ``iterable`` in order: ``str`` results, or :class:`Cleaned` ones.

    Why: one call for a corpus, lazy enough for an endless stream (it reads at most one
    chunk ahead), faster than text by text, parallel on request. Options are those of
    :func:`vnclean.clean` and are checked before anything runs.

    >>> import itertools
    >>> endless = itertools.cycle(["Hà Nội mưa lớn.", "Giá vàng tăng."])
    >>> list(itertools.islice(clean_many(endless), 3))
    ['Hà Nội mưa lớn.', 'Giá vàng tăng.', 'Hà Nội mưa lớn.']
    >>> [r.flags for r in clean_many(["null"], explain=True)]
    [('emptied',)]
    """
    if isinstance(iterable, (str, bytes)):  # iterating it would clean character by character
        raise TypeError(f"clean_many expects an iterable of str, not one {type(iterable).__name__}")
    default_pipeline(**options)  # fail now on an unknown or bad option
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    function = functools.partial(_clean_chunk, explain=explain, options=options)
    return _flattened(map_ordered(function, _chunks(iterable, chunksize), workers=workers,
                                  chunksize=1))


def _flattened(chunks: Iterator[list[R]]) -> Iterator[R]:
    """The items of each chunk in turn; closing it closes ``chunks`` (and so any pool)."""
    try:
        for chunk in chunks:
            yield from chunk
    finally:
        chunks.close()


def _clean_chunk(texts: list[str], *, explain: bool,
                 options: dict[str, Any]) -> list[str] | list[Cleaned]:
    pipeline = default_pipeline(**options)
    if explain:
        return [pipeline.explain(text) for text in texts]
    return pipeline.apply_many(texts)


def map_ordered(function: Callable[[T], R], iterable: Iterable[T], *, workers: int = 1,
                chunksize: int = DEFAULT_CHUNKSIZE) -> Iterator[R]:
    """``map(function, iterable)``, on a process pool when ``workers > 1``; lazy and in order.

    Why: ``multiprocessing.Pool.imap`` reads its whole input ahead, which never ends on an
    endless stream; here at most ``2 * workers`` chunks are in flight. ``function`` must be
    picklable (a module-level function or a ``functools.partial`` of one). ``workers=0``
    means one per CPU.

    >>> list(map_ordered(len, ["một", "hai", "ba"]))
    [3, 3, 2]
    """
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    workers = resolve_workers(workers)
    if workers == 1:
        return (function(item) for item in iterable)
    return _pooled(function, iterable, workers, chunksize)


def resolve_workers(workers: int) -> int:
    """Worker count: ``0`` means one per CPU; negative counts are an error.

    >>> resolve_workers(3)
    3
    """
    if workers < 0:
        raise ValueError(f"workers must be 0 (one per CPU) or more, not {workers}")
    return workers or os.cpu_count() or 1


def _pooled(function: Callable[[T], R], iterable: Iterable[T], workers: int,
            chunksize: int) -> Iterator[R]:
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from _windowed(pool, function, iterable, chunksize, window=2 * workers)


def _windowed(pool: Executor, function: Callable[[T], R], iterable: Iterable[T],
              chunksize: int, window: int) -> Iterator[R]:
    """Submit chunks while fewer than ``window`` are pending; yield their results in order."""
    chunks = _chunks(iterable, chunksize)
    pending: deque = deque()
    for chunk in itertools.islice(chunks, window):
        pending.append(pool.submit(_map_chunk, function, chunk))
    while pending:
        results = pending.popleft().result()
        for chunk in itertools.islice(chunks, 1):
            pending.append(pool.submit(_map_chunk, function, chunk))
        yield from results


def _map_chunk(function: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [function(item) for item in chunk]


def _chunks(iterable: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last may be shorter).

    >>> list(_chunks("abcde", 2))
    [['a', 'b'], ['c', 'd'], ['e']]
    """
    iterator = iter(iterable)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def edit_to_dict(edit: Edit) -> dict[str, Any]:
    """An edit as a JSON-able dict (original offsets, the text it covers, what replaced it).

    >>> edit_to_dict(Edit(0, 4, "", cleaner="strip_bylines", rule="bylines.agency_prefix",
    ...                   kind="byline", text="TTO "))["rule"]
    'bylines.agency_prefix'
    """
    return {"start": edit.start, "end": edit.end, "kind": edit.kind, "rule": edit.rule,
            "cleaner": edit.cleaner, "text": edit.text, "replacement": edit.replacement}


def cleaned_to_dict(result: Cleaned, *, edits: bool = True,
                    metadata: bool = True) -> dict[str, Any]:
    """A :class:`Cleaned` as JSON-able data: text, removed characters by kind, flags, ...

    >>> from vnclean import clean_and_explain
    >>> sorted(cleaned_to_dict(clean_and_explain("Hà Nội mưa lớn.\\nChia sẻ")))
    ['edits', 'flags', 'metadata', 'removed', 'text']
    """
    data: dict[str, Any] = {"text": result.text, "removed": result.removed_by_kind(),
                            "flags": list(result.flags)}
    if edits:
        data["edits"] = [edit_to_dict(edit) for edit in result.edits]
    if metadata:
        data["metadata"] = _jsonable(dict(result.metadata))
    return data


def _jsonable(value: Any) -> Any:
    """Metadata values made JSON-able: containers kept, dates and the rest as ``str``."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
