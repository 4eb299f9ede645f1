"""Quality table of vnclean and its peers on the corpus splits: ``python -m benchmarks.quality``.

Prints micro precision/recall/F1, body recall, per-kind removal recall and the share of
exact documents for each tool and split (every tool on the same documents, in one run),
and writes the numbers as JSON. ``--vnclean-only`` skips the peers.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable
from pathlib import Path

from vnclean import clean
from vnclean.corpus import SPLITS, corpus_hash, load_split

from . import peers
from .metrics import KINDS, evaluate

RESULTS = Path(__file__).parent / "results"
VNCLEAN = "vnclean"


def tools(peer_names: Iterable[str] | None = None) -> tuple[dict[str, Callable], dict[str, str]]:
    """vnclean's full pipeline first, then the runnable peers; and the skipped peers' reasons.

    ``peer_names=()`` gives vnclean alone.
    """
    runnable, skipped = peers.available(list(peer_names) if peer_names is not None else None)
    return {VNCLEAN: clean, **runnable}, skipped


def measure(splits: Iterable[str] = SPLITS, corpus=None,
            peer_names: Iterable[str] | None = None) -> dict:
    """``{"results": {split: {tool: summary}}, "skipped": {peer: reason}}`` on the same records."""
    selected, skipped = tools(peer_names)
    results: dict[str, dict] = {}
    for split in splits:
        records = load_split(split, corpus)
        results[split] = {name: evaluate(records, fn) for name, fn in selected.items()}
    return {"results": results, "skipped": skipped}


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


def rows_by_tool(results: dict[str, dict[str, dict]]) -> dict[str, dict]:
    """``{split: {tool: s}}`` flattened to ``{"tool / split": s}`` for :func:`table`."""
    return {f"{tool} / {split}": s for split, by_tool in results.items()
            for tool, s in by_tool.items()}


def metric_values(summary: dict) -> dict[str, float]:
    """The compared metrics of one summary, flat: F1, P, body recall, exact, each kind's recall."""
    values = {"micro_f1": summary["micro_f1"], "micro_precision": summary["micro_precision"],
              "body_recall": summary["body_recall"], "exact_share": summary["exact_share"]}
    for kind, value in summary["kind_recall"].items():
        if value is not None:
            values[f"{kind}_recall"] = value
    return values


def peers_ahead(results: dict[str, dict[str, dict]], tool: str = VNCLEAN) -> dict:
    """Per split and metric, the tools whose number is strictly better than ``tool``'s.

    >>> r = {"dev": {"vnclean": {"micro_f1": .9, "micro_precision": .9, "body_recall": .9,
    ...                          "exact_share": .1, "kind_recall": {"nav": .5}},
    ...              "c4": {"micro_f1": .8, "micro_precision": .95, "body_recall": .9,
    ...                     "exact_share": .0, "kind_recall": {"nav": .9}}}}
    >>> peers_ahead(r)
    {'dev': {'micro_precision': ['c4'], 'nav_recall': ['c4']}}
    """
    out: dict[str, dict[str, list[str]]] = {}
    for split, by_tool in results.items():
        mine = metric_values(by_tool[tool])
        for other, summary in by_tool.items():
            if other == tool:
                continue
            for metric, value in metric_values(summary).items():
                if metric in mine and value > mine[metric]:
                    out.setdefault(split, {}).setdefault(metric, []).append(other)
    return out


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", nargs="+", default=list(SPLITS))
    parser.add_argument("--corpus", default=None, help="corpus folder (default: see vnclean.corpus)")
    parser.add_argument("--json", default=str(RESULTS / "quality.json"))
    parser.add_argument("--vnclean-only", action="store_true", help="skip the peers")
    args = parser.parse_args(argv)
    measured = measure(args.split, args.corpus, () if args.vnclean_only else None)
    print(table(rows_by_tool(measured["results"])))
    for name, reason in measured["skipped"].items():
        print(f"skipped {name}: {reason}")
    out = {"corpus_sha256": corpus_hash(args.corpus), **measured}
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    return out


if __name__ == "__main__":
    main()
