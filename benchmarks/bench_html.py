"""HTML benchmark: ``python -m benchmarks.bench_html``.

Runs vnclean.clean_html and the HTML extractors people use (trafilatura, jusText,
readability-lxml, newspaper4k, resiliparse; each an optional import, skipped with a printed
reason when missing) over the saved pages in ``<corpus>/html/`` and scores each output
against the gold ``clean`` of the corpus record with the same id
(:func:`benchmarks.metrics.score_document`). Quality is reported per split (tune on dev
pages only); speed is the total time over all pages, in the same run, with ratios to vnclean.

Fairness: every peer gets the page decoded to ``str`` by the same decoder (vnclean gets the
raw bytes and decodes them inside its timed call); a peer that extracts a title is given it
as the first line, because the gold keeps the title.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from vnclean.corpus import corpus_dir, corpus_hash, load_split
from vnclean.html import clean_html
from vnclean.html_blocks import decode_html

from .metrics import KINDS, score_document, summarize

RESULTS = Path(__file__).parent / "results"
Tool = Callable[[object], str]


def _vnclean(data: bytes) -> str:
    return clean_html(data)


def _vnclean_text_only(data: bytes) -> str:
    return clean_html(data, hints=False)


def _with_title(title: str | None, text: str | None) -> str:
    return "\n".join(part for part in (title, text) if part)


def _trafilatura() -> Tool:
    import trafilatura

    def run(html: str) -> str:
        doc = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
        if doc is None:
            return ""
        if isinstance(doc, dict):
            return _with_title(doc.get("title"), doc.get("text"))
        return _with_title(getattr(doc, "title", None), getattr(doc, "text", None))
    return run


def _justext() -> Tool:
    import justext

    stoplist = justext.get_stoplist("Vietnamese")

    def run(html: str) -> str:
        paragraphs = justext.justext(html.encode("utf-8"), stoplist, encoding="utf-8")
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
    return run


def _readability() -> Tool:
    import lxml.html
    from readability import Document

    def run(html: str) -> str:
        doc = Document(html)
        summary = doc.summary(html_partial=True)
        tree = lxml.html.fromstring(summary) if summary.strip() else None
        body = "\n".join(t.strip() for t in tree.itertext() if t.strip()) if tree is not None \
            else ""
        return _with_title(doc.short_title(), body)
    return run


def _newspaper() -> Tool:
    from newspaper import Article

    def run(html: str) -> str:
        article = Article("https://example.vn/bai-viet.html", language="vi",
                          fetch_images=False)
        article.download(input_html=html)
        article.parse()
        return _with_title(article.title, article.text)
    return run


def _resiliparse() -> Tool:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def run(html: str) -> str:
        return extract_plain_text(HTMLTree.parse(html), main_content=True)
    return run


PEERS: dict[str, Callable[[], Tool]] = {
    "trafilatura": _trafilatura,
    "jusText": _justext,
    "readability-lxml": _readability,
    "newspaper4k": _newspaper,
    "resiliparse": _resiliparse,
}


def load_pages(corpus: str | None = None) -> list[tuple[str, str, bytes]]:
    """(split, record id, page bytes) for every saved page of the corpus."""
    folder = corpus_dir(corpus) / "html"
    rows = [json.loads(line) for line in (folder / "index.jsonl").read_text().splitlines()
            if line.strip()]
    return [(row["split"], row["id"], (folder / row["file"]).read_bytes()) for row in rows]


def time_tool(tool: Tool, inputs) -> tuple[float, dict[str, str], int]:
    """One timed pass over every page: (seconds, outputs by id, pages that raised)."""
    outputs: dict[str, str] = {}
    errors = 0
    start = time.perf_counter()
    for _split, rid, page in inputs:
        try:
            outputs[rid] = tool(page) or ""
        except Exception:  # a peer failing on a page is a result, not a crash of the bench
            outputs[rid] = ""
            errors += 1
    return time.perf_counter() - start, outputs, errors


def score_tool(inputs, outputs: dict[str, str], records, seconds: list[float],
               errors: int) -> dict:
    """Quality per split and the best of the timed passes."""
    result: dict = {"seconds": min(seconds), "rounds": [round(s, 3) for s in seconds],
                    "pages": len(inputs), "errors": errors, "splits": {}}
    for split in ("dev", "test"):
        scores = [score_document(records[rid], outputs[rid]) for s, rid, _ in inputs
                  if s == split]
        if scores:
            result["splits"][split] = summarize(scores)
    return result


def table(results: dict) -> str:
    """Markdown: one row per tool and split, speed ratio against vnclean."""
    base = results["vnclean"]["seconds"]
    head = ["tool", "split", "pages", "P", "R", "F1 (micro)", "F1 (macro)", "exact",
            *(f"{k} gone" for k in KINDS), "total s", "time / vnclean"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, res in results.items():
        for split, s in res["splits"].items():
            kinds = [f"{s['kind_recall'][k]:.3f}" if s["kind_recall"][k] is not None else "-"
                     for k in KINDS]
            lines.append("| " + " | ".join([
                name, split, str(s["documents"]), f"{s['micro_precision']:.4f}",
                f"{s['micro_recall']:.4f}", f"{s['micro_f1']:.4f}", f"{s['macro_f1']:.4f}",
                f"{s['exact_share']:.3f}", *kinds, f"{res['seconds']:.2f}",
                f"{res['seconds'] / base:.2f}x"]) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=None, help="corpus folder (default: see vnclean.corpus)")
    parser.add_argument("--only", nargs="*", default=None, help="peers to run (default: all)")
    parser.add_argument("--out", default=str(RESULTS / "html"), help="results path stem")
    parser.add_argument("--rounds", type=int, default=3,
                        help="timed passes per tool, interleaved; the fastest counts")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    pages = load_pages(args.corpus)
    records = {r.id: r for split in ("dev", "test") for r in load_split(split, args.corpus)}
    pages = [p for p in pages if p[1] in records]
    as_bytes = pages
    as_text = [(split, rid, decode_html(data)) for split, rid, data in pages]
    tools: dict[str, tuple[Tool, list]] = {"vnclean": (_vnclean, as_bytes),
                                           "vnclean (text rules only)":
                                           (_vnclean_text_only, as_bytes)}
    skipped = {}
    for name, factory in PEERS.items():
        if args.only is not None and name not in args.only:
            continue
        try:
            tools[name] = (factory(), as_text)
        except Exception as error:  # ImportError and friends: skip with the reason
            skipped[name] = f"{type(error).__name__}: {error}"
            print(f"skipped {name}: {skipped[name]}")
    for tool, inputs in tools.values():  # warm-up (imports, caches), untimed
        try:
            tool(inputs[0][2])
        except Exception:
            pass
    seconds: dict[str, list[float]] = {name: [] for name in tools}
    outputs: dict[str, dict[str, str]] = {}
    errors: dict[str, int] = {}
    for _ in range(max(1, args.rounds)):  # interleaved, so machine load hits every tool
        for name, (tool, inputs) in tools.items():
            took, outputs[name], errors[name] = time_tool(tool, inputs)
            seconds[name].append(took)
    results = {name: score_tool(inputs, outputs[name], records, seconds[name], errors[name])
               for name, (_tool, inputs) in tools.items()}
    md = table(results)
    print(md)
    out = {"corpus_sha256": corpus_hash(args.corpus), "pages": len(pages),
           "results": results, "skipped": skipped}
    stem = Path(args.out)
    stem.parent.mkdir(parents=True, exist_ok=True)
    stem.with_suffix(".json").write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    note = ("HTML pages of the corpus (`python -m benchmarks.bench_html`); gold = the record "
            "with the same id. Times are totals over all pages, the fastest of "
            f"{max(1, args.rounds)} interleaved passes in one run.\n\n")
    skipped_md = "".join(f"\n- skipped {k}: {v}" for k, v in skipped.items())
    stem.with_suffix(".md").write_text("# HTML benchmark\n\n" + note + md + "\n" + skipped_md
                                       + "\n")
    return out


if __name__ == "__main__":
    main()
