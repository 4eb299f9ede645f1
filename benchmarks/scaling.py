"""How ``vnclean.clean``'s time grows with input size: ``python -m benchmarks.scaling``.

Inputs from 1 KB to 10 MB are built by concatenating corpus documents in a fixed shuffled
order (:func:`build_input`); each size is timed (median of several calls, after a warm-up)
and the exponent ``b`` of ``time ≈ a·size^b`` is fitted by least squares on the log-log
points. ``b`` near 1 means linear; per-call overhead pulls it below 1 on small inputs, so
the fit over inputs of 100 KB and more is reported too.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import vnclean

from .speed import RESULTS, corpus_texts

SIZES = (1_000, 3_000, 10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000, 10_000_000)
QUICK_SIZES = (1_000, 10_000, 100_000, 1_000_000, 10_000_000)
LARGE = 100_000


def build_input(texts: Sequence[str], size: int, *, seed: int | None = 0) -> str:
    """About ``size`` UTF-8 bytes of the texts joined by newlines (repeated as needed).

    The texts are drawn in an order shuffled with ``seed`` (each pass over them shuffled
    anew), so every size holds the corpus's mix of page shapes. In file order a prefix is
    one kind of page: the corpus opens with flattened pages (a few long lines each) that
    the per-line rules skip at little cost, which made the small sizes look fast and the
    exponent steep. ``seed=None`` keeps the file order.

    >>> len(build_input(["ab", "cd"], 7).encode())
    7
    >>> build_input(["Hà", "Nội"], 7, seed=None)  # never cuts a character in two
    'Hà\\nN'
    """
    if not any(texts):
        raise ValueError("need at least one non-empty text")
    order = random.Random(seed) if seed is not None else None
    parts, total = [], 0
    while total <= size:  # total counts one newline too many
        batch = list(texts)
        if order is not None:
            order.shuffle(batch)
        for text in batch:
            parts.append(text)
            total += len(text.encode("utf-8")) + 1
            if total > size:
                break
    return "\n".join(parts).encode("utf-8")[:size].decode("utf-8", errors="ignore")


def fit_exponent(sizes: Sequence[float], seconds: Sequence[float]) -> float:
    """Least-squares slope of log(seconds) against log(size).

    >>> round(fit_exponent([1, 10, 100], [2, 20, 200]), 6)
    1.0
    >>> round(fit_exponent([1, 10, 100], [1, 100, 10000]), 6)
    2.0
    """
    if len(sizes) != len(seconds) or len(sizes) < 2:
        raise ValueError("need at least two (size, seconds) points")
    xs = [math.log(s) for s in sizes]
    ys = [math.log(t) for t in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    if not sxx:
        raise ValueError("sizes must not all be equal")
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx


def time_call(fn: Callable[[str], str], text: str, *, min_seconds: float = 0.2,
              min_calls: int = 3, cap_seconds: float = 8.0, max_calls: int = 1000) -> float:
    """Median seconds of one call over ``min_calls``+ calls filling ``min_seconds``.

    Stops early (after at least one call) once ``cap_seconds`` are spent, for huge inputs.
    """
    times: list[float] = []
    spent = 0.0
    while not times or ((len(times) < min_calls or spent < min_seconds)
                        and spent < cap_seconds and len(times) < max_calls):
        start = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - start)
        spent += times[-1]
    return statistics.median(times)


def measure(texts: Sequence[str], sizes: Sequence[int] = SIZES,
            fn: Callable[[str], str] = vnclean.clean, *, budget: float = 30.0,
            min_calls: int = 3, cap_seconds: float = 8.0) -> dict:
    """Time ``fn`` at each size; a size whose predicted single call exceeds ``budget`` s is skipped."""
    fn(build_input(texts, LARGE))  # warm-up: imports, caches, compiled patterns
    points: list[tuple[int, float]] = []
    skipped: list[int] = []
    for size in sorted(sizes):
        if len(points) >= 2:
            b = fit_exponent(*zip(*points[-2:]))
            predicted = points[-1][1] * (size / points[-1][0]) ** max(b, 1.0)
            if predicted > budget:
                skipped.append(size)
                continue
        text = build_input(texts, size)
        points.append((size, time_call(fn, text, min_calls=min_calls,
                                        cap_seconds=cap_seconds)))
    sizes_done = [s for s, _ in points]
    seconds = [t for _, t in points]
    large = [(s, t) for s, t in points if s >= LARGE]
    corpus_bytes = sum(len(text.encode("utf-8")) + 1 for text in texts)
    distinct = [(s, t) for s, t in large if s <= corpus_bytes]
    return {
        "sizes": sizes_done,
        "seconds": seconds,
        "mb_per_s": [s / 1e6 / t for s, t in points],
        "exponent": fit_exponent(sizes_done, seconds) if len(points) >= 2 else None,
        "exponent_large": fit_exponent(*zip(*large)) if len(large) >= 2 else None,
        # Larger inputs repeat the corpus's documents, which the repeat rules then find.
        "corpus_bytes": corpus_bytes,
        "exponent_distinct": fit_exponent(*zip(*distinct)) if len(distinct) >= 2 else None,
        "skipped_sizes": skipped,
        "budget_seconds": budget,
    }


def table(scaling: dict) -> str:
    """A markdown table of size, time and throughput."""
    lines = ["| input | seconds (median) | MB/s |", "|---|---|---|"]
    for size, sec, rate in zip(scaling["sizes"], scaling["seconds"], scaling["mb_per_s"]):
        lines.append(f"| {human_size(size)} | {sec:.5f} | {rate:.2f} |")
    return "\n".join(lines)


def human_size(size: int) -> str:
    """``1000`` -> ``'1 KB'``, ``3000000`` -> ``'3 MB'`` (decimal units).

    >>> human_size(1_000), human_size(30_000_000)
    ('1 KB', '30 MB')
    """
    for unit, scale in (("MB", 1_000_000), ("KB", 1_000)):
        if size >= scale:
            return f"{size / scale:g} {unit}"
    return f"{size} B"


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--quick", action="store_true", help="decades only")
    parser.add_argument("--json", default=str(RESULTS / "scaling.json"))
    args = parser.parse_args(argv)
    out = measure(corpus_texts(corpus=args.corpus), QUICK_SIZES if args.quick else SIZES)
    print(table(out))
    print(f"exponent {out['exponent']:.3f} (>= 100 KB: {out['exponent_large']:.3f})")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(out, indent=2) + "\n")
    return out


if __name__ == "__main__":
    main()
