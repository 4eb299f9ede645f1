"""Generalization probes: ``python -m benchmarks.probes``.

The corpus holds 19 dev sites; users crawl thousands. ``probes.json`` lists common
Vietnamese boilerplate forms written from general knowledge of news sites (not taken from
the test split) and story sentences that look like boilerplate. Each probe is put on its own
line into a plain article at several positions (before the title, after it, between
paragraphs, at the end) and the default pipeline cleans the document:

* a boilerplate probe counts as *removed* when its line is gone from the output;
* a story probe, and every paragraph of the article, must survive unchanged.

Use it while tuning rules, next to the dev split: a rule that only memorises one site's
strings does not move these numbers.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import vnclean

PROBES = Path(__file__).with_name("probes.json")


@dataclass
class ProbeResult:
    """What the cleaner did with one probe at one position."""

    kind: str
    probe: str
    position: str
    removed: bool
    story_lost: list[str] = field(default_factory=list)


def load_probes(path: Path = PROBES) -> dict:
    """The probe file as a dict (article, positions, boilerplate by kind, story)."""
    return json.loads(path.read_text(encoding="utf-8"))


def place(article: dict, line: str, position: str) -> list[str]:
    """The article's lines with ``line`` inserted at ``position``.

    >>> place({"title": "T", "paragraphs": ["a", "b"]}, "X", "middle")
    ['T', 'a', 'X', 'b']
    """
    title, paragraphs = article["title"], list(article["paragraphs"])
    middle = len(paragraphs) // 2
    layouts = {
        "before_title": [line, title, *paragraphs],
        "after_title": [title, line, *paragraphs],
        "middle": [title, *paragraphs[:middle], line, *paragraphs[middle:]],
        "end": [title, *paragraphs, line],
    }
    if position not in layouts:
        raise ValueError(f"unknown position {position!r}; expected one of {sorted(layouts)}")
    return layouts[position]


def run_probe(clean: Callable[[str], str], article: dict, kind: str, probe: str,
              position: str) -> ProbeResult:
    """Clean one probed document and report what happened to the probe and the story."""
    output_lines = set(clean("\n".join(place(article, probe, position))).split("\n"))
    story = [article["title"], *article["paragraphs"]]
    if kind == "story":
        story.append(probe)
    lost = [line for line in story if line not in output_lines]
    return ProbeResult(kind, probe, position, probe not in output_lines, lost)


def run_all(clean: Callable[[str], str] = vnclean.clean, probes: dict | None = None
            ) -> list[ProbeResult]:
    """Every probe (boilerplate of every kind, then story) at every position."""
    probes = probes or load_probes()
    article = probes["article"]
    by_kind = {**probes["boilerplate"], "story": probes["story"]}
    return [run_probe(clean, article, kind, probe, position)
            for kind, lines in by_kind.items() for probe in lines
            for position in positions_for(probes, kind)]


def positions_for(probes: dict, kind: str) -> list[str]:
    """The positions a kind is probed at (``positions_by_kind`` narrows the default list)."""
    return probes.get("positions_by_kind", {}).get(kind, probes["positions"])


def summary(results: list[ProbeResult]) -> dict[str, dict[str, float]]:
    """Per kind and position: share of boilerplate probes removed (story: share kept)."""
    table: dict[str, dict[str, list[bool]]] = {}
    for result in results:
        ok = not result.removed if result.kind == "story" else result.removed
        table.setdefault(result.kind, {}).setdefault(result.position, []).append(ok)
    return {kind: {pos: sum(oks) / len(oks) for pos, oks in by_pos.items()}
            for kind, by_pos in table.items()}


def compare(tools: dict[str, Callable[[str], str]], probes: dict | None = None) -> dict:
    """Per tool: share of boilerplate probes removed by kind (all positions pooled), share of
    story probes kept, and how many probed documents lost story text.

    >>> table = compare({"keep-everything": lambda text: text})["keep-everything"]
    >>> table["byline"], table["story kept"], table["documents losing story"]
    (0.0, 1.0, 0)
    """
    probes = probes or load_probes()
    out = {}
    for name, clean in tools.items():
        results = run_all(clean, probes)
        row: dict[str, float] = {}
        for kind in [*probes["boilerplate"], "story"]:
            oks = [r.removed for r in results if r.kind == kind]
            row["story kept" if kind == "story" else kind] = (
                1 - sum(oks) / len(oks) if kind == "story" else sum(oks) / len(oks))
        row["documents losing story"] = sum(1 for r in results if r.story_lost)
        row["documents"] = len(results)
        out[name] = row
    return out


def compare_table(by_tool: dict) -> str:
    """A markdown table of :func:`compare`'s result."""
    kinds = [k for k in next(iter(by_tool.values())) if k not in ("documents",)]
    lines = ["| tool | " + " | ".join(k if k in ("story kept", "documents losing story")
                                      else f"{k} removed" for k in kinds) + " |",
             "|---|" + "---|" * len(kinds)]
    for name, row in by_tool.items():
        cells = [str(row[k]) if k == "documents losing story" else f"{row[k]:.2f}" for k in kinds]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list every miss and story loss")
    args = parser.parse_args(argv)
    results = run_all()
    table = summary(results)
    positions = load_probes()["positions"]
    print("| kind | " + " | ".join(positions) + " |")
    print("|---|" + "---|" * len(positions))
    for kind, by_pos in table.items():
        label = "story kept" if kind == "story" else f"{kind} removed"
        cells = (f"{by_pos[p]:.2f}" if p in by_pos else "n/a" for p in positions)
        print(f"| {label} | " + " | ".join(cells) + " |")
    losses = [r for r in results if r.story_lost]
    print(f"\nprobed documents that lost story text: {len(losses)} of {len(results)}")
    if args.show:
        for r in results:
            if r.kind != "story" and not r.removed:
                print(f"  missed {r.kind:8s} {r.position:12s} {r.probe!r}")
        for r in losses:
            print(f"  LOST   {r.kind:8s} {r.position:12s} probe {r.probe!r}: {r.story_lost}")
    return table


if __name__ == "__main__":
    main()
