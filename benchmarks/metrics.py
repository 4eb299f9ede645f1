"""Quality metrics of an output text against the gold clean text of a corpus record.

Tokens are Unicode word runs after NFC. Both sides are folded the same way (NFC, then
vnclean's tone placement), so a tool is not punished for writing ``hòa`` where the gold
keeps the scraped ``hoà``. Tokens are compared as multisets.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from vnclean.corpus import Record

KINDS = ("nav", "caption", "byline", "related", "promo")
_WORD = regex.compile(r"\w+")


def canonical(text: str) -> str:
    """The comparison form of a text: NFC with tone marks placed one way."""
    from vnclean import normalize_unicode

    return normalize_unicode(unicodedata.normalize("NFC", text), tone_style="old")


def tokens(text: str) -> Counter:
    return Counter(_WORD.findall(canonical(text)))


def lines_folded(text: str) -> list[str]:
    """Non-empty lines with whitespace folded, for the exact-document comparison."""
    return [" ".join(line.split()) for line in canonical(text).split("\n") if line.strip()]


@dataclass
class DocScore:
    id: str
    tp: int
    out: int
    gold: int
    exact: bool
    kind_total: dict = field(default_factory=dict)
    kind_gone: dict = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.tp / self.out if self.out else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_document(record: Record, output: str) -> DocScore:
    """Score one output: token overlap with gold, per-kind removal, exact match."""
    out, gold, raw = tokens(output), tokens(record.clean), tokens(record.raw)
    tp = sum((out & gold).values())
    removed = raw - out  # multiset of raw tokens that are gone
    boiler = raw - gold
    by_kind: dict[str, Counter] = {k: Counter() for k in KINDS}
    for span in record.spans:
        by_kind.setdefault(span.kind, Counter()).update(tokens(record.raw[span.start:span.end]))
    kind_total: dict[str, float] = {}
    kind_gone: dict[str, float] = {}
    for kind, counts in by_kind.items():
        total = gone = 0.0
        for tok, n in counts.items():
            all_kinds = sum(c[tok] for c in by_kind.values())
            # Share of this token's boilerplate occurrences that belong to this kind.
            share = n / all_kinds if all_kinds else 0.0
            expected = min(boiler[tok], all_kinds)
            total += n
            gone += min(removed[tok], expected) * share
        if total:
            kind_total[kind] = total
            kind_gone[kind] = gone
    exact = lines_folded(output) == lines_folded(record.clean)
    return DocScore(record.id, tp, sum(out.values()), sum(gold.values()), exact,
                    kind_total, kind_gone)


def summarize(scores: Sequence[DocScore]) -> dict:
    """Micro-averaged precision/recall/F1, body recall, per-kind removal recall, exact share."""
    tp = sum(s.tp for s in scores)
    out = sum(s.out for s in scores)
    gold = sum(s.gold for s in scores)
    precision = tp / out if out else 1.0
    recall = tp / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    kind_recall = {}
    for kind in KINDS:
        total = sum(s.kind_total.get(kind, 0) for s in scores)
        gone = sum(s.kind_gone.get(kind, 0) for s in scores)
        kind_recall[kind] = gone / total if total else None
    n = len(scores)
    return {
        "documents": n,
        "micro_precision": precision,
        "micro_recall": recall,
        "micro_f1": f1,
        "macro_f1": sum(s.f1 for s in scores) / n if n else 0.0,
        "body_recall": recall,
        "docs_losing_body": sum(1 for s in scores if s.recall < 1.0) / n if n else 0.0,
        "kind_recall": kind_recall,
        "exact_share": sum(s.exact for s in scores) / n if n else 0.0,
    }


def evaluate(records: Iterable[Record], clean_fn) -> dict:
    """Run ``clean_fn`` over the records and summarize."""
    return summarize([score_document(r, clean_fn(r.raw)) for r in records])
