"""Quality table of vnclean on the corpus splits: ``python -m benchmarks.quality``.

Prints micro precision/recall/F1, body recall, per-kind removal recall and the share of
exact documents for each split, and writes the numbers as JSON.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from vnclean import clean
from vnclean.corpus import corpus_hash, load_split

from .metrics import KINDS, evaluate

RESULTS = Path(__file__).parent / "results"


def table(rows: dict[str, dict]) -> str:
    """A markdown table: one row per (tool, split)."""
    head = ["tool / split", "P", "R (body)", "F1", "exact"] + [f"{k} gone" for k in KINDS]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, s in rows.items():
        kinds = [f"{s['kind_recall'][k]:.3f}" if s["kind_recall"][k] is not None else "-"
                 for k in KINDS]
        lines.append("| " + " | ".join([name, f"{s['micro_precision']:.4f}",
                                         f"{s['micro_recall']:.4f}", f"{s['micro_f1']:.4f}",
                                         f"{s['exact_share']:.3f}"] + kinds) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", nargs="+", default=["dev", "test"])
    parser.add_argument("--corpus", default=None, help="corpus folder (default: see vnclean.corpus)")
    parser.add_argument("--json", default=str(RESULTS / "quality.json"))
    args = parser.parse_args(argv)
    rows = {}
    for split in args.split:
        rows[f"vnclean / {split}"] = evaluate(load_split(split, args.corpus), clean)
    print(table(rows))
    out = {"corpus_sha256": corpus_hash(args.corpus), "results": rows}
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    return out


if __name__ == "__main__":
    main()
