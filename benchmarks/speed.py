"""Throughput of vnclean and its peers on the same documents: ``python -m benchmarks.speed``.

Every tool (each peer, each step of ``vnclean.DEFAULT_STEPS`` alone on the raw text, the
full ``vnclean.clean`` text by text, and ``vnclean.clean_many`` on one process, which cleans
chunks of texts step by step) runs over the same corpus documents: one warm-up pass, then
``--repeats`` timed passes taken round-robin across the tools, so drift on a shared machine
hits all of them alike. Times are wall-clock (``time.perf_counter``) medians; vnclean's
ratios to each peer come from this same run, since absolute numbers drift between runs.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import vnclean
from vnclean.corpus import SPLITS, load_split

from . import peers

RESULTS = Path(__file__).parent / "results"
FULL = "vnclean"
BATCH = "vnclean clean_many"
STEP_PREFIX = "vnclean:"


def corpus_texts(splits: Iterable[str] = SPLITS, corpus=None) -> list[str]:
    """The raw texts of the splits, in file order."""
    return [record.raw for split in splits for record in load_split(split, corpus)]


def megabytes(texts: Sequence[str]) -> float:
    """UTF-8 size of the texts in MB (10**6 bytes)."""
    return sum(len(text.encode("utf-8")) for text in texts) / 1e6


def vnclean_tools() -> dict[str, Callable[[str], str]]:
    """The full pipeline and each of its steps alone, as configured by default.

    >>> list(vnclean_tools())[:3]
    ['vnclean', 'vnclean:normalize', 'vnclean:markdown']
    """
    configured = {step.name: step for step in vnclean.default_pipeline()}
    return {FULL: vnclean.clean,
            **{STEP_PREFIX + switch: configured.get(cleaner.name, cleaner)
               for switch, cleaner in vnclean.DEFAULT_STEPS}}


def clean_many_one_process(texts: Sequence[str]) -> list[str]:
    """``vnclean.clean_many`` on one process, as a corpus run calls it."""
    return list(vnclean.clean_many(texts))


#: Tools that take the whole list of texts at once (timed as one call per pass).
BATCH_TOOLS: dict[str, Callable[[Sequence[str]], list[str]]] = {BATCH: clean_many_one_process}


def one_pass(fn: Callable[[str], str], texts: Sequence[str]) -> float:
    """Seconds of wall-clock time for ``fn`` over every text once (one call with the whole
    list when ``fn`` is one of :data:`BATCH_TOOLS`)."""
    gc.collect()
    start = time.perf_counter()
    if fn in BATCH_TOOLS.values():
        fn(texts)
    else:
        for text in texts:
            fn(text)
    return time.perf_counter() - start


def rates(seconds: Sequence[float], texts_mb: float, n_docs: int) -> dict:
    """Median time of the passes and the throughput it gives.

    >>> rates([2.0, 1.0, 4.0], 10.0, 100)["mb_per_s"]
    5.0
    """
    median = statistics.median(seconds)
    return {"seconds_median": median, "runs": list(seconds),
            "mb_per_s": texts_mb / median if median else float("inf"),
            "docs_per_s": n_docs / median if median else float("inf")}


def ratios(results: dict[str, dict], tool: str = FULL) -> dict[str, float]:
    """``tool``'s throughput over each other non-vnclean tool's, from the same run.

    >>> ratios({"vnclean": {"mb_per_s": 10.0}, "x": {"mb_per_s": 2.0}})
    {'x': 5.0}
    """
    mine = results[tool]["mb_per_s"]
    return {name: mine / r["mb_per_s"] for name, r in results.items()
            if not name.startswith((FULL, STEP_PREFIX)) and r["mb_per_s"]}


def measure(texts: Sequence[str], repeats: int = 5,
            tools: dict[str, Callable[[str], str]] | None = None,
            progress: Callable[[str], None] | None = None, *, min_repeats: int = 3,
            budget: float | None = None, warmup_docs: int = 50) -> dict:
    """Warm up each tool, then time round-robin passes; rates and vnclean's ratios.

    ``repeats`` rounds, or fewer (never under ``min_repeats``) when the first round says they
    would not fit in ``budget`` seconds. The warm-up runs on the first ``warmup_docs`` texts.
    """
    skipped: dict[str, str] = {}
    if tools is None:
        runnable, skipped = peers.available()
        tools = {**vnclean_tools(), **BATCH_TOOLS, **runnable}
    for name, fn in tools.items():  # warm-up: imports, caches, compiled patterns
        one_pass(fn, texts[:warmup_docs])
    runs: dict[str, list[float]] = {name: [] for name in tools}
    rounds = repeats
    round_ = 0
    while round_ < rounds:
        for name, fn in tools.items():
            runs[name].append(one_pass(fn, texts))
        round_ += 1
        if round_ == 1 and budget:
            per_round = sum(seconds[0] for seconds in runs.values())
            rounds = max(min_repeats, min(repeats, int(budget // per_round)))
        if progress:
            progress(f"speed: round {round_}/{rounds} done")
    size = megabytes(texts)
    results = {name: rates(seconds, size, len(texts)) for name, seconds in runs.items()}
    out = {"documents": len(texts), "megabytes": size, "repeats": rounds,
           "tools": results, "skipped": skipped}
    if FULL in results:
        out["ratios"] = ratios(results)
    if BATCH in results:
        out["batch_ratios"] = ratios(results, BATCH)
    if STEP_PREFIX + "normalize" in results:
        out["normalize_ratios"] = {
            name: results[STEP_PREFIX + "normalize"]["mb_per_s"] / results[name]["mb_per_s"]
            for name in results if peers.ROLES.get(name) == "normalization"}
    return out


#: What a fresh process runs for :func:`cold_start`: import the tool, clean one short text.
COLD_START_SCRIPTS = {
    FULL: "import vnclean; vnclean.clean(TEXT)",
    "trafilatura": "from benchmarks.peers import trafilatura_lines; trafilatura_lines(TEXT)",
}
COLD_START_TEXT = "Mưa lớn ở Hà Nội\nSáng nay, mưa lớn khiến nhiều tuyến phố ngập sâu.\nTheo VOV"


def cold_start(repeats: int = 3, names: Iterable[str] | None = None) -> dict[str, float]:
    """Seconds a fresh Python process takes to import each tool and clean one short text,
    timed inside it (so not the interpreter's own start-up), the median of ``repeats``
    processes: what a script that cleans one file waits for its first result. A tool that
    fails to run (a peer not installed) is left out.

    One untimed process per tool runs first, with bytecode writing allowed (the timed ones
    too): a pip-installed package carries its ``.pyc`` files, while an editable checkout run
    under ``PYTHONDONTWRITEBYTECODE`` would otherwise recompile its sources in every process.
    """
    def seconds(script: str) -> float | None:
        code = (f"import time; TEXT = {COLD_START_TEXT!r}; t = time.perf_counter(); {script}; "
                "print(time.perf_counter() - t)")
        out = _fresh_python(code)
        return None if out is None else float(out.split()[-1])

    out = {}
    for name in names or COLD_START_SCRIPTS:
        if seconds(COLD_START_SCRIPTS[name]) is None:  # (the untimed first process)
            continue
        runs = [seconds(COLD_START_SCRIPTS[name]) for _ in range(repeats)]
        if None not in runs:
            out[name] = statistics.median(runs)
    return out


#: The warm-up a short job pays: this many corpus documents, cleaned by a fresh process.
FIRST_PASS_DOCS = 100
_FIRST_PASS_SCRIPT = """
import json, sys, time
import vnclean
from benchmarks.speed import corpus_texts
texts = corpus_texts(json.loads(sys.argv[1]), sys.argv[2] or None)[:int(sys.argv[3])]
seconds = []
for _ in range(2):
    start = time.perf_counter()
    for text in texts:
        vnclean.clean(text)
    seconds.append(time.perf_counter() - start)
print(json.dumps(seconds))
"""


def first_pass(splits: Iterable[str] = SPLITS, corpus=None,
               docs: int = FIRST_PASS_DOCS) -> dict[str, float] | None:
    """Seconds a fresh process (vnclean imported, the texts loaded) takes to ``clean`` the
    first ``docs`` documents of the splits one by one, then the same documents again: the
    difference is what a short job pays once, while patterns that only some texts need are
    compiled at their first use (and the quick forms that stand in for the slowest to
    compile run). None when the process fails."""
    import json

    out = _fresh_python(_FIRST_PASS_SCRIPT, json.dumps(list(splits)),
                        "" if corpus is None else str(corpus), str(docs))
    if out is None:
        return None
    first, again = json.loads(out.strip().splitlines()[-1])
    return {"docs": docs, "first_s": first, "again_s": again}


def _fresh_python(code: str, *args: str) -> str | None:
    """What a fresh Python process running ``code`` (with ``args``) from the repository's
    root prints, or None when it fails or prints nothing. Bytecode writing is allowed, as
    an installed package has its caches (:func:`cold_start`)."""
    import os
    import subprocess
    import sys

    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=Path(__file__).parent.parent, env=env)
    return done.stdout if done.returncode == 0 and done.stdout else None


def table(speed: dict) -> str:
    """A markdown table: MB/s, docs/s and vnclean's ratio to each tool."""
    lines = ["| tool | MB/s | docs/s | median s | vnclean × | clean_many × |",
             "|---|---|---|---|---|---|"]
    for name, r in speed["tools"].items():
        cells = [speed.get(key, {}).get(name) for key in ("ratios", "batch_ratios")]
        lines.append(f"| {name} | {r['mb_per_s']:.2f} | {r['docs_per_s']:.0f} | "
                     f"{r['seconds_median']:.3f} | "
                     + " | ".join("" if c is None else f"{c:.2f}" for c in cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", nargs="+", default=list(SPLITS))
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--budget", type=float, default=None,
                        help="seconds for the timed rounds (fewer rounds if needed, at least 3)")
    parser.add_argument("--json", default=str(RESULTS / "speed.json"))
    args = parser.parse_args(argv)
    out = measure(corpus_texts(args.split, args.corpus), args.repeats, progress=print,
                  min_repeats=min(3, args.repeats), budget=args.budget)
    print(table(out))
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(out, indent=2) + "\n")
    return out


if __name__ == "__main__":
    main()
