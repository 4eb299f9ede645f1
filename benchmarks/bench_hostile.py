"""Growth and memory on adversarial input: ``python -m benchmarks.bench_hostile``.

Feeds each cleaner (every step of the default pipeline, and the whole pipeline) inputs
from 1 KB up to ``--max-mb`` (default 50 MB), in two shapes — one long line and many
lines — for several adversarial patterns, fits the exponent of time against size
(log-log least squares; 1.0 is linear) and measures peak memory of cleaning the largest
input with tracemalloc, as a multiple of the input's size. Writes
``benchmarks/results/hostile.json`` and prints a table. Timing lives here, never in tests/.
"""

from __future__ import annotations

import argparse
import json
import math
import time
import tracemalloc
from pathlib import Path

import vnclean

from .scaling import fit_exponent

RESULTS = Path(__file__).parent / "results"

#: Adversarial units, repeated to the wanted size. Each stresses a different kind of rule.
PATTERNS = {
    "one_char": "a",
    "caption_markers": "Ảnh: ",
    "credits": "(Ảnh: Mạnh Quân) ",
    "arrows": ">> Tin ",
    "menu_words": "Trang chủ Thời sự ",
    "prose": "Hà Nội mưa lớn suốt đêm qua, nhiều tuyến phố ngập sâu. ",
    "mojibake": "Viá»‡t Nam ",
    # mojibake words among Vietnamese ones (each its own run), one with a byte lost to U+FFFD
    "mojibake_among_words": "Ông ngÆ°á»\ufffdi hoà Viá»‡t thuỷ, khoẻ. ",
    "mixed": "Ảnh\u200b\xa0Ð–ّ中文 ",
    # one endless "word" of toned vowels: every letter a place the tone detector reads
    "toned_run": "òóọỏõ",
    "qu_toned_run": "qủ",
    "cp1252_pairs": "ÃÂ",
}


def build(unit: str, size: int, many_lines: bool) -> str:
    """``unit`` repeated to ``size`` characters; every ~80 characters a newline if asked."""
    if many_lines:
        line = (unit * (80 // len(unit) + 1))[:80] + "\n"
        return (line * (size // len(line) + 1))[:size]
    return (unit * (size // len(unit) + 1))[:size]


def timed(function, text: str, repeats: int) -> float:
    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - start)
    return best


def sizes_up_to(max_bytes: int) -> list[int]:
    sizes, size = [], 1_000
    while size <= max_bytes:
        sizes.append(size)
        size *= 4
    return sizes


def peak_memory_multiple(function, text: str) -> float:
    tracemalloc.start()
    function(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / max(1, len(text.encode("utf-8")))


def run(max_mb: float, repeats: int, patterns: list[str]) -> dict:
    steps = {repr(cleaner): cleaner for _, cleaner in vnclean.DEFAULT_STEPS}
    steps["clean (pipeline)"] = vnclean.clean
    # Growth is fitted above 64 KB, where fixed costs no longer dominate the time.
    sizes = sizes_up_to(int(max_mb * 1_000_000))
    rows = []
    for pattern in patterns:
        for many_lines in (False, True):
            for name, function in steps.items():
                seconds = [timed(function, build(PATTERNS[pattern], s, many_lines), repeats)
                           for s in sizes]
                fitted = [(s, t) for s, t in zip(sizes, seconds) if s >= 64_000]
                if len(fitted) < 2:  # a line needs two points: small runs fit every size
                    fitted = list(zip(sizes, seconds))
                rows.append({
                    "pattern": pattern,
                    "shape": "many lines" if many_lines else "one line",
                    "step": name,
                    "exponent": fit_exponent([s for s, _ in fitted],
                                             [max(t, 1e-7) for _, t in fitted]),
                    "largest_bytes": sizes[-1],
                    "largest_seconds": seconds[-1],
                })
                print(f"{pattern:16} {rows[-1]['shape']:10} {name:24} "
                      f"exp={rows[-1]['exponent']:.2f}  {seconds[-1]:.3f}s @ {sizes[-1]:,} B",
                      flush=True)
    memory = {}
    big = build(PATTERNS["prose"], sizes[-1], True)
    memory["clean, prose, many lines"] = peak_memory_multiple(vnclean.clean, big)
    memory["clean_and_explain, prose, many lines"] = peak_memory_multiple(
        vnclean.clean_and_explain, build(PATTERNS["prose"], min(sizes[-1], 5_000_000), True))
    return {"sizes": sizes, "rows": rows, "peak_memory_multiple": memory}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-mb", type=float, default=50.0)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--pattern", action="append", choices=sorted(PATTERNS))
    parser.add_argument("--json", default=str(RESULTS / "hostile.json"))
    args = parser.parse_args(argv)
    result = run(args.max_mb, args.repeats, args.pattern or list(PATTERNS))
    worst = max(result["rows"], key=lambda r: r["exponent"])
    print(f"\nworst exponent: {worst['exponent']:.2f} ({worst['step']}, {worst['pattern']}, "
          f"{worst['shape']})")
    for name, multiple in result["peak_memory_multiple"].items():
        print(f"peak memory, {name}: {multiple:.1f}x the input")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
    return result


if __name__ == "__main__":
    main()
