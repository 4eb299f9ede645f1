"""Regression gate: vnclean's quality must not slide below committed floors.

``python -m benchmarks.gate`` measures vnclean on every split and checks each number
against ``benchmarks/floors.json`` (per split: micro F1, body recall, per-kind removal
recall) and the corpus hash pinned there. The generalization probes
(``benchmarks/probes.py``, no corpus needed) are gated the same way under ``probes``. ``--raise`` moves floors up to the current numbers
(less ``epsilon``) and never lowers one: if any number is below its floor it refuses and
says so. Lowering a floor, or re-pinning a changed corpus, is a hand edit of floors.json in
a reviewed diff (``--repin`` writes the new hash and keeps every floor as it was).
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from pathlib import Path

from vnclean import clean
from vnclean.corpus import SPLITS, corpus_hash, load_split

from . import probes
from .metrics import KINDS, evaluate

FLOORS = Path(__file__).with_name("floors.json")
EPSILON = 1e-4
ROOT = Path(__file__).resolve().parents[1]

ABOUT = ("Quality floors of vnclean per corpus split (benchmarks/gate.py). Raise them with "
         "`python -m benchmarks.gate --raise` from a clean checkout; it never lowers one. "
         "Lowering a floor or changing corpus_sha256 is a hand edit in a reviewed diff.")

REPIN_HELP = (
    "The corpus is not the one the floors were measured on. If the change is intended "
    "(a new corpus version), re-pin it: `python -m benchmarks.gate --repin` writes the new "
    "hash into benchmarks/floors.json and keeps every floor; then run `python -m benchmarks.gate` "
    "and, where a number is now below its floor, lower that floor by hand in the same reviewed "
    "diff. Otherwise point VNCLEAN_CORPUS at the pinned corpus.")


NEVER_LOWERS = ("; --raise never lowers a floor: fix the regression, or lower the floor by "
                "hand in a reviewed diff")


class GateRefused(Exception):
    """``--raise`` or ``--repin`` would break a rule of the gate; nothing was written."""


def gated_numbers(summary: dict) -> dict[str, float]:
    """The numbers the gate keeps from a :func:`metrics.summarize` result, flat.

    >>> gated_numbers({"micro_f1": .9, "body_recall": .99,
    ...                "kind_recall": {"nav": .5, "caption": None}})
    {'micro_f1': 0.9, 'body_recall': 0.99, 'kind_recall.nav': 0.5}
    """
    out = {"micro_f1": summary["micro_f1"], "body_recall": summary["body_recall"]}
    for kind in KINDS:
        value = summary["kind_recall"].get(kind)
        if value is not None:
            out[f"kind_recall.{kind}"] = value
    return out


def floor_value(value: float, epsilon: float = EPSILON) -> float:
    """``value - epsilon`` rounded down to 6 decimals, never below 0.

    >>> floor_value(0.92579385)
    0.925693
    """
    return max(0.0, math.floor((value - epsilon) * 1e6) / 1e6)


def check(floors: dict[str, float], current: dict[str, float], split: str = "") -> list[str]:
    """One message per number below its floor (a floored metric that is missing counts too).

    >>> check({"micro_f1": 0.9}, {"micro_f1": 0.85}, "dev")
    ['dev micro_f1 = 0.850000 is below its floor 0.900000']
    >>> check({"micro_f1": 0.9}, {"micro_f1": 0.95}, "dev")
    []
    """
    failures = []
    where = f"{split} " if split else ""
    for metric, floor in floors.items():
        value = current.get(metric)
        if value is None:
            failures.append(f"{where}{metric} is floored at {floor:.6f} but was not measured")
        elif value < floor:
            failures.append(f"{where}{metric} = {value:.6f} is below its floor {floor:.6f}")
    return failures


def raised(floors: dict[str, float], current: dict[str, float],
           epsilon: float = EPSILON) -> dict[str, float]:
    """Floors moved up to ``current - epsilon``; :class:`GateRefused` if any would go down.

    >>> raised({"micro_f1": 0.5}, {"micro_f1": 0.9, "body_recall": 1.0})
    {'micro_f1': 0.8999, 'body_recall': 0.9999}
    >>> raised({"micro_f1": 0.95}, {"micro_f1": 0.9})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    benchmarks.gate.GateRefused: micro_f1 = 0.900000 is below its floor 0.950000; ...
    """
    failures = check(floors, current)
    if failures:
        raise GateRefused("; ".join(failures) + NEVER_LOWERS)
    new = dict(floors)
    for metric, value in current.items():
        new[metric] = max(floors.get(metric, 0.0), floor_value(value, epsilon))
    return new


def nest(flat: dict[str, float]) -> dict:
    """``{"kind_recall.nav": x}`` -> ``{"kind_recall": {"nav": x}}`` for a readable file."""
    out: dict = {}
    for key, value in flat.items():
        head, _, tail = key.partition(".")
        if tail:
            out.setdefault(head, {})[tail] = value
        else:
            out[key] = value
    return out


def flatten(nested: dict) -> dict[str, float]:
    """The inverse of :func:`nest`."""
    out = {}
    for key, value in nested.items():
        if isinstance(value, dict):
            out.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            out[key] = value
    return out


def load_floors(path: Path = FLOORS) -> dict:
    """The committed floors file."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def save_floors(data: dict, path: Path = FLOORS) -> None:
    Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


PROBES = "probes"


def probe_numbers(clean_fn=clean) -> dict[str, float]:
    """The gated numbers of the generalization probes, flat.

    ``removed.KIND`` is the share of that kind's probes removed, ``story_kept`` the share of
    story probes kept and ``documents_whole`` the share of probed documents that kept every
    story line.

    >>> numbers = probe_numbers(lambda text: text)
    >>> numbers["removed.nav"], numbers["story_kept"], numbers["documents_whole"]
    (0.0, 1.0, 1.0)
    """
    row = probes.compare({"tool": clean_fn})["tool"]
    out = {f"removed.{kind}": row[kind] for kind in KINDS if kind in row}
    out["story_kept"] = row["story kept"]
    out["documents_whole"] = 1 - row["documents losing story"] / row["documents"]
    return out


def measure(splits=SPLITS, corpus=None) -> dict[str, dict[str, float]]:
    """vnclean's gated numbers per split and for the probes, from this working tree."""
    numbers = {split: gated_numbers(evaluate(load_split(split, corpus), clean))
               for split in splits}
    numbers[PROBES] = probe_numbers()
    return numbers


def uncommitted_code() -> list[str]:
    """Files under ``vnclean/`` that differ from HEAD (empty outside a git checkout)."""
    try:
        out = subprocess.run(["git", "status", "--porcelain", "--", "vnclean"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    return [line[3:] for line in out.splitlines() if line.strip()]


def run(*, raise_floors: bool = False, repin: bool = False, corpus=None, path: Path = FLOORS,
        allow_dirty: bool = False, out=print) -> int:
    """Check (or raise, or re-pin) the floors; the exit status."""
    digest = corpus_hash(corpus)
    data = load_floors(path) if Path(path).exists() else None
    if repin:
        if data is None:
            raise GateRefused(f"{path} does not exist: create it with --raise")
        out(f"re-pinned corpus {data.get('corpus_sha256')} -> {digest}; floors unchanged")
        data["corpus_sha256"] = digest
        save_floors(data, path)
    elif data is not None and data.get("corpus_sha256") != digest:
        out(f"corpus hash {digest} differs from the pinned {data.get('corpus_sha256')}.")
        out(REPIN_HELP)
        return 2
    if raise_floors:
        dirty = uncommitted_code()
        if dirty and not allow_dirty:
            raise GateRefused("vnclean/ has uncommitted changes (" + ", ".join(dirty[:5])
                              + ("..." if len(dirty) > 5 else "") + "); floors must describe "
                              "committed code: commit first, run from a clean checkout, "
                              "or pass --allow-dirty")
        data = data or {"about": ABOUT, "corpus_sha256": digest, "epsilon": EPSILON,
                        "floors": {}}
    elif data is None:
        out(f"no floors at {path}: set them with `python -m benchmarks.gate --raise`")
        return 2
    current = measure(corpus=corpus)
    epsilon = data.get("epsilon", EPSILON)
    failures = [msg for split, numbers in current.items()
                for msg in check(flatten(data["floors"].get(split, {})), numbers, split)]
    if raise_floors:
        if failures:
            raise GateRefused("; ".join(failures) + NEVER_LOWERS)
        new_floors = {split: nest(raised(flatten(data["floors"].get(split, {})),
                                         numbers, epsilon))
                      for split, numbers in current.items()}
        for split, numbers in new_floors.items():
            before = flatten(data["floors"].get(split, {}))
            for metric, value in flatten(numbers).items():
                if value != before.get(metric):
                    out(f"{split} {metric}: {before.get(metric, 0.0):.6f} -> {value:.6f}")
        data["floors"] = new_floors
        save_floors(data, path)
        out(f"floors written to {path}")
        return 0
    for split, numbers in current.items():
        floors = flatten(data["floors"].get(split, {}))
        for metric, value in numbers.items():
            floor = floors.get(metric)
            mark = "ok " if floor is None or value >= floor else "LOW"
            shown = "-" if floor is None else f"{floor:.6f}"
            out(f"{mark} {split:6} {metric:22} {value:.6f}  floor {shown}")
    if failures:
        out("FAILED: " + "; ".join(failures))
        return 1
    out("all numbers at or above their floors")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raise", dest="raise_floors", action="store_true",
                        help="raise floors to the current numbers (never lowers one)")
    parser.add_argument("--repin", action="store_true",
                        help="pin the current corpus hash, keeping every floor")
    parser.add_argument("--allow-dirty", action="store_true",
                        help="let --raise measure uncommitted vnclean/ code")
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--floors", default=str(FLOORS))
    args = parser.parse_args(argv)
    try:
        return run(raise_floors=args.raise_floors, repin=args.repin, corpus=args.corpus,
                   path=Path(args.floors), allow_dirty=args.allow_dirty)
    except GateRefused as refusal:
        print(f"refused: {refusal}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
