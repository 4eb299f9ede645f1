"""The benchmark report in one command: ``python -m benchmarks.report [--quick]``.

Runs quality (every tool, both splits), the generalization probes, speed (every tool and vnclean step, same documents,
same run) and scaling (``vnclean.clean`` from 1 KB to 10 MB) and writes
``benchmarks/results/report.md``, ``report.json``, ``quality_vs_speed.png``, and the generated
part of ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import vnclean
from vnclean.batch import DEFAULT_CHUNKSIZE
from vnclean.corpus import SPLITS, corpus_hash

from . import gate, peers, probes, quality, scaling, speed

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).parent / "results"
DOCS = ROOT / "docs" / "benchmarks.md"
PLOT = "quality_vs_speed.png"
BEGIN = "<!-- BEGIN GENERATED REPORT (python -m benchmarks.report; do not edit below) -->"
END = "<!-- END GENERATED REPORT -->"

TARGET_MB_PER_S = 10.0
TARGET_VS_TRAFILATURA = 5.0


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def machine() -> dict:
    """What the numbers were measured on."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpu": model or platform.processor(), "cpus": os.cpu_count()}


def git_state() -> dict:
    """HEAD and whether vnclean/ differs from it (the report measures the working tree)."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"commit": None, "vnclean_uncommitted": None}
    return {"commit": commit, "vnclean_uncommitted": bool(gate.uncommitted_code())}


def targets(report: dict) -> list[dict]:
    """Where vnclean stands against each stated target."""
    sp = report["speed"]
    tools = sp["tools"]
    per_text = tools[speed.FULL]["mb_per_s"]
    vs_text = sp.get("ratios", {}).get("trafilatura")
    # A corpus run calls clean_many (chunks cleaned step by step); clean is text by text.
    if speed.BATCH in tools:
        full, vs = tools[speed.BATCH]["mb_per_s"], sp.get("batch_ratios", {}).get("trafilatura")
        how = f" with `clean_many` ({per_text:.2f} MB/s text by text with `clean`)"
        how_vs = ("" if vs_text is None
                  else f" with `clean_many` ({vs_text:.2f}x with `clean`)")
    else:
        full, vs, how, how_vs = per_text, vs_text, "", ""
    out = [{"target": f"full pipeline >= {TARGET_MB_PER_S:g} MB/s on one core",
            "value": f"{full:.2f} MB/s{how}", "met": full >= TARGET_MB_PER_S}]
    out.append({"target": f">= {TARGET_VS_TRAFILATURA:g}x trafilatura's speed (same documents, same run)",
                "value": "trafilatura skipped" if vs is None else f"{vs:.2f}x{how_vs}",
                "met": vs is not None and vs >= TARGET_VS_TRAFILATURA})
    ahead = quality.peers_ahead(report["quality"])
    for split in report["quality"]:
        behind = ahead.get(split, {})
        value = "; ".join(f"{metric}: {', '.join(names)}" for metric, names in behind.items())
        out.append({"target": f"better than every peer on every metric ({split})",
                    "value": f"peers ahead: {value}" if value else "no peer ahead",
                    "met": not behind})
    return out


def run(*, quick: bool = False, corpus=None) -> dict:
    """Measure everything; the report as a dict."""
    started = time.perf_counter()
    runnable, skipped = peers.available()
    log(f"quality on {', '.join(SPLITS)} for vnclean and {len(runnable)} peers ...")
    measured = quality.measure(SPLITS, corpus)
    speed_splits = ("test",) if quick else SPLITS
    texts = speed.corpus_texts(speed_splits, corpus)
    repeats, min_repeats, budget = (3, 2, 45.0) if quick else (7, 3, 150.0)
    log(f"speed: {len(texts)} documents, warm-up, then {min_repeats}-{repeats} rounds "
        f"(~{budget:g} s) ...")
    speed_out = speed.measure(texts, repeats, progress=log, min_repeats=min_repeats,
                              budget=budget)
    speed_out["splits"] = list(speed_splits)
    log("cold start ...")
    speed_out["cold_start"] = speed.cold_start()
    speed_out["first_pass"] = speed.first_pass(speed_splits, corpus)
    log("scaling ...")
    scaling_out = scaling.measure(texts, scaling.QUICK_SIZES if quick else scaling.SIZES,
                                  cap_seconds=4.0 if quick else 8.0,
                                  budget=15.0 if quick else 30.0)
    log("generalization probes ...")
    probe_tools = {"vnclean": vnclean.clean, **{name: fn for name, fn in runnable.items()
                                                 if peers.ROLES[name] in ("baseline", "boilerplate")}}
    probes_out = probes.compare(probe_tools)
    report = {
        "generated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "mode": "quick" if quick else "full",
        "machine": machine(),
        "git": git_state(),
        "corpus_sha256": corpus_hash(corpus),
        "peers": {name: {"role": peers.ROLES[name], "about": peers.describe(name),
                         "skipped": skipped.get(name)} for name in peers.PEERS},
        "quality": measured["results"],
        "speed": speed_out,
        "scaling": scaling_out,
        "probes": probes_out,
    }
    report["targets"] = targets(report)
    report["seconds"] = time.perf_counter() - started
    return report


def _quality_tables(results: dict) -> str:
    parts = []
    for split, by_tool in results.items():
        parts.append(f"**{split}** ({next(iter(by_tool.values()))['documents']} documents)\n\n"
                     + quality.table(by_tool))
    return "\n\n".join(parts)


def markdown(report: dict, plot_path: str = PLOT, heading: str = "#") -> str:
    """The report as markdown; ``plot_path`` is where the PNG is, relative to the file."""
    g, m, sp, sc = report["git"], report["machine"], report["speed"], report["scaling"]
    tree = {True: " (vnclean/ had uncommitted changes)", False: "", None: ""}[
        g.get("vnclean_uncommitted")]
    lines = [
        f"{heading} vnclean benchmark report",
        "",
        f"Generated {report['generated']} ({report['mode']} run, {report['seconds']:.0f} s) "
        f"at commit `{g.get('commit')}`{tree}; Python {m['python']} on {m['cpu']} "
        f"({m['cpus']} CPUs), one process. Corpus sha256 `{report['corpus_sha256'][:16]}…`.",
        "",
        f"{heading}# Targets",
        "",
        "| target | now | met |",
        "|---|---|---|",
    ]
    lines += [f"| {t['target']} | {t['value']} | {'yes' if t['met'] else '**no**'} |"
              for t in report["targets"]]
    lines += ["", f"{heading}# Quality", "",
              "Token precision / recall / F1 after NFC and tone folding (micro-averaged), "
              "share of documents exactly right, and the share of each kind of gold "
              "boilerplate removed (`benchmarks/metrics.py`). Every tool ran on the same "
              "documents in the same process.", "",
              _quality_tables(report["quality"]), "",
              f"{heading}# Speed", "",
              f"{sp['documents']} documents, {sp['megabytes']:.2f} MB of raw text "
              f"({' + '.join(sp.get('splits', SPLITS))}); "
              f"wall-clock median of {sp['repeats']} passes after a warm-up, tools taken "
              f"round-robin. `vnclean` is the full pipeline text by text (`vnclean.clean`); "
              f"`{speed.BATCH}` is the same pipeline over the whole list on one process "
              f"(`vnclean.clean_many`, which cleans chunks of {DEFAULT_CHUNKSIZE} texts step by "
              f"step); "
              f"`vnclean:STEP` is one step of `DEFAULT_STEPS` alone on the raw text. "
              f"`vnclean ×` and `clean_many ×` are their MB/s over that tool's, same run.", "",
              speed.table(sp), ""]
    if sp.get("cold_start"):
        lines += ["Cold start, a fresh process importing the tool and cleaning one short text "
                  "(median of 3 after an untimed first process, bytecode caches written as "
                  "an installed package has them; `speed.cold_start`): " + ", ".join(
                      f"{name} {seconds:.2f} s" for name, seconds in sp["cold_start"].items())
                  + ". vnclean compiles its patterns then (at import, or at first use).", ""]
    if sp.get("first_pass"):
        fp = sp["first_pass"]
        lines += [f"First use: a fresh process (vnclean imported, the texts loaded) cleaned the "
                  f"first {fp['docs']} documents one by one in {fp['first_s']:.2f} s, then the "
                  f"same documents again in {fp['again_s']:.2f} s (`speed.first_pass`): the "
                  f"difference is the patterns some texts need, compiled at their first use. "
                  f"A short job pays it once; a corpus run does not notice it.", ""]
    if sp.get("normalize_ratios"):
        lines += ["`vnclean:normalize` against the normalizers: " + ", ".join(
            f"{name} {ratio:.2f}×" for name, ratio in sp["normalize_ratios"].items()), ""]
    exp = sc["exponent"]
    large = sc["exponent_large"]
    lines += [f"{heading}# Scaling", "",
              "`vnclean.clean` on inputs built by concatenating corpus documents in a fixed "
              "shuffled order. Fitted "
              f"exponent of time vs size (log-log least squares): **{exp:.3f}** over "
              f"{scaling.human_size(sc['sizes'][0])}–{scaling.human_size(sc['sizes'][-1])}"
              + (f", **{large:.3f}** over inputs of 100 KB and more" if large is not None else "")
              + " (1 = linear).", ""]
    if sc.get("exponent_distinct") is not None:
        lines += ["Joined documents are not one long page: the chrome lines of a site recur "
                  "across its documents (the repeat rules, `captions.repeated` and "
                  "`remove_repeated_blocks`, find them), and a cleaner's second round over the "
                  "whole text runs once any document in it needs one. Inputs above the corpus's "
                  f"size ({sc['corpus_bytes'] / 1e6:.1f} MB) repeat whole documents too. Over "
                  "the inputs from 100 KB up to the corpus's size (no document twice) the "
                  f"exponent is **{sc['exponent_distinct']:.3f}**.", ""]
    if sc["skipped_sizes"]:
        lines += [f"Skipped (predicted over {sc['budget_seconds']:g} s a call): "
                  + ", ".join(scaling.human_size(s) for s in sc["skipped_sizes"]), ""]
    lines += [scaling.table(sc), ""]
    if report.get("probes"):
        first = next(iter(report["probes"].values()))
        lines += [f"{heading}# Generalization probes", "",
                  "Common Vietnamese boilerplate forms written from general knowledge of news "
                  "sites (not from the test split), each put on its own line into a plain "
                  f"article at several positions, {first['documents']} probed documents in all "
                  "(`benchmarks/probes.py`, `benchmarks/probes.json`). Share of probes removed "
                  "by kind, share of story-like probes kept, and documents that lost any story "
                  "line.", "", probes.compare_table(report["probes"]), ""]
    lines += [f"{heading}# Peers", "",
              "| tool | role | what ran |", "|---|---|---|"]
    for name, p in report["peers"].items():
        about = f"skipped: {p['skipped']}" if p["skipped"] else p["about"]
        lines.append(f"| {name} | {p['role']} | {about} |")
    lines += ["", f"![micro F1 on test against MB/s]({plot_path})", ""]
    return "\n".join(lines)


def plot(report: dict, path: Path) -> None:
    """Micro F1 on test against MB/s (log), one labelled point per tool."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    split = "test" if "test" in report["quality"] else next(iter(report["quality"]))
    tools = report["speed"]["tools"]
    points = [(name, tools[name]["mb_per_s"], s["micro_f1"])
              for name, s in report["quality"][split].items() if name in tools]
    fig, ax = plt.subplots(figsize=(9, 5.5), dpi=110)
    for name, x, y in points:
        mine = name == quality.VNCLEAN
        ax.scatter([x], [y], s=80 if mine else 45, color="tab:red" if mine else "tab:blue",
                   zorder=3)
    ys = [p[2] for p in points]
    pad = max(0.01, (max(ys) - min(ys)) * 0.12)
    ax.set_ylim(min(ys) - pad, max(ys) + pad)
    xs = [p[1] for p in points]
    ax.set_xscale("log")
    ax.set_xlim(min(xs) / 3, max(xs) * 6)
    ax.axvline(TARGET_MB_PER_S, color="grey", linestyle="--", linewidth=1)
    ax.annotate(f"target {TARGET_MB_PER_S:g} MB/s", (TARGET_MB_PER_S, 0.02),
                xycoords=("data", "axes fraction"), xytext=(4, 0), textcoords="offset points",
                fontsize=8, color="grey")
    corpus_part = " + ".join(report["speed"].get("splits", SPLITS))
    ax.set_xlabel(f"throughput, MB/s (log scale; {corpus_part} raw text, one core)")
    ax.set_ylabel(f"micro F1 on {split}")
    ax.grid(True, which="both", alpha=0.3)
    ax.set_title(f"Quality against speed ({report['generated'][:10]}, commit "
                 f"{report['git'].get('commit')})")
    fig.tight_layout()
    _label(fig, ax, points)  # after the layout, so label boxes are where they will be drawn
    fig.savefig(path)
    plt.close(fig)


_OFFSETS = ((10, 10), (10, -10), (-10, 10), (-10, -10), (24, 26), (24, -26), (-24, 26),
            (-24, -26), (36, 44), (36, -44), (-36, 44), (-36, -44), (48, 62), (48, -62))


def _label(fig, ax, points) -> None:
    """Name each point, with a leader line, where the label covers no other label or point."""
    from matplotlib.text import Text
    from matplotlib.transforms import Bbox

    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    placed = []
    for _, x, y in points:
        px, py = ax.transData.transform((x, y))
        placed.append(Bbox.from_extents(px - 6, py - 6, px + 6, py + 6))
    for name, x, y in sorted(points, key=lambda p: (p[0] != quality.VNCLEAN, p[1])):
        for dx, dy in _OFFSETS:
            text = ax.annotate(name, (x, y), textcoords="offset points", xytext=(dx, dy),
                               fontsize=9, ha="left" if dx > 0 else "right", va="center",
                               fontweight="bold" if name == quality.VNCLEAN else "normal",
                               arrowprops={"arrowstyle": "-", "color": "grey", "lw": 0.6,
                                           "shrinkA": 0, "shrinkB": 4})
            text.update_positions(renderer)
            box = Text.get_window_extent(text, renderer).expanded(1.04, 1.15)  # text, no line
            inside = frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1)
            if (dx, dy) == _OFFSETS[-1] or (inside and not any(box.overlaps(o) for o in placed)):
                placed.append(box)  # the last offset stays even if it overlaps
                break
            text.remove()


def update_docs(report_md: str, path: Path = DOCS) -> None:
    """Replace the generated part of ``docs/benchmarks.md`` (everything between the markers)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    head = text.split(BEGIN, 1)[0].rstrip() + "\n\n"
    tail = text.split(END, 1)[1] if END in text else "\n"
    path.write_text(head + BEGIN + "\n\n" + report_md.rstrip() + "\n\n" + END + tail,
                    encoding="utf-8")


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="speed on test only, 2-3 rounds (not 3-7), scaling at decades only")
    parser.add_argument("--corpus", default=None, help="corpus folder (default: see vnclean.corpus)")
    parser.add_argument("--out", default=str(RESULTS), help="folder for report.md/json and the PNG")
    parser.add_argument("--no-docs", action="store_true", help="leave docs/benchmarks.md alone")
    args = parser.parse_args(argv)
    report = run(quick=args.quick, corpus=args.corpus)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n",
                                     encoding="utf-8")
    report_md = markdown(report)
    (out / "report.md").write_text(report_md, encoding="utf-8")
    plot(report, out / PLOT)
    if not args.no_docs:
        relative = os.path.relpath(out / PLOT, DOCS.parent)
        update_docs(markdown(report, plot_path=relative, heading="##"))
    print(report_md)
    log(f"wrote {out / 'report.md'}, {out / 'report.json'}, {out / PLOT}"
        + ("" if args.no_docs else f" and {DOCS}"))
    return report


if __name__ == "__main__":
    main()
