"""Where vnclean goes wrong on a split, by position: ``python -m benchmarks.diagnose``.

For every document, compares vnclean's edits (original coordinates) with the gold spans:
*misses* are gold boilerplate characters no edit removed; *false removals* are edits that
took word characters outside every gold span (story text lost), listed by cleaner and rule.
Use it while tuning on ``dev``; never tune on ``test``.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

import regex

from vnclean import clean_and_explain
from vnclean.corpus import load_split

_WORDCHAR = regex.compile(r"\w")
CONTENT_KINDS = {"unicode", "whitespace"}


def _covered(length: int, spans) -> bytearray:
    mask = bytearray(length)
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask


def diagnose(split: str, kinds: set[str] | None, show: int, only: str | None) -> None:
    misses_by_kind: Counter = Counter()
    gold_by_kind: Counter = Counter()
    false_by_rule: Counter = Counter()
    examples_false: dict[str, list[str]] = defaultdict(list)
    examples_miss: dict[str, list[str]] = defaultdict(list)
    for record in load_split(split):
        if only and only not in record.id:
            continue
        result = clean_and_explain(record.raw)
        removals = [e for e in result.edits if e.kind not in CONTENT_KINDS]
        removed = _covered(len(record.raw), [(e.start, e.end) for e in removals])
        gold = _covered(len(record.raw), [(s.start, s.end) for s in record.spans])
        for span in record.spans:
            text = record.raw[span.start:span.end]
            words = len(_WORDCHAR.findall(text))
            left = sum(1 for i, ch in enumerate(text)
                       if not removed[span.start + i] and _WORDCHAR.match(ch))
            gold_by_kind[span.kind] += words
            misses_by_kind[span.kind] += left
            if left > 0.3 * words and (not kinds or span.kind in kinds):
                examples_miss[span.kind].append(f"{record.id}: {text[:160]!r}")
        for edit in removals:
            lost = "".join(ch for i, ch in enumerate(record.raw[edit.start:edit.end])
                           if not gold[edit.start + i] and _WORDCHAR.match(ch))
            if len(lost) > 2:
                false_by_rule[edit.rule] += len(lost)
                if not kinds or edit.kind in kinds:
                    examples_false[edit.rule].append(f"{record.id}: {edit.text[:160]!r}")
    print(f"== {split}: gold boilerplate word-chars left in (misses), by kind")
    for kind, total in gold_by_kind.most_common():
        print(f"  {kind:8} missed {misses_by_kind[kind]:6} of {total:6} "
              f"({misses_by_kind[kind] / total:.1%})")
    print("== story word-chars removed outside gold spans (false removals), by rule")
    for rule, n in false_by_rule.most_common():
        print(f"  {rule:40} {n}")
    for kind, items in examples_miss.items():
        print(f"\n-- missed {kind} ({len(items)})")
        for item in items[:show]:
            print("  ", item)
    for rule, items in examples_false.items():
        print(f"\n-- false removals by {rule} ({len(items)})")
        for item in items[:show]:
            print("  ", item)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--kind", action="append", help="limit examples to this kind")
    parser.add_argument("--show", type=int, default=15, help="examples per group")
    parser.add_argument("--only", help="only documents whose id contains this")
    args = parser.parse_args(argv)
    diagnose(args.split, set(args.kind or ()), args.show, args.only)


if __name__ == "__main__":
    main()
