"""The ``vnclean`` command line: ``clean`` (files or stdin to stdout) and ``explain``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import resources

from ._api import clean, clean_and_explain
from ._core import Cleaned

__all__ = ["main"]

SAMPLE = "sample"


def _read(path: str) -> str:
    """Text of a file, ``-`` for standard input, or ``sample`` for the bundled sample page."""
    if path == "-":
        return sys.stdin.read()
    if path == SAMPLE:
        return resources.files("vnclean.data").joinpath("sample.txt").read_text(encoding="utf-8")
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def render_explanation(result: Cleaned) -> str:
    """A report of every removal: kind, rule, original offsets and the removed text."""
    lines = []
    for edit in sorted(result.edits, key=lambda e: (e.start, e.end)):
        if edit.kind == "whitespace":
            continue
        change = f" -> {edit.replacement!r}" if edit.replacement.strip() else ""
        lines.append(f"[{edit.kind:8}] {edit.rule:32} {edit.start:>6}-{edit.end:<6} "
                     f"{edit.text.strip()!r}{change}")
    meta = {k: v for k, v in result.metadata.items() if v}
    if meta:
        lines.append("metadata: " + ", ".join(f"{k}={v!r}" for k, v in meta.items()))
    if result.flags:
        lines.append("flags: " + ", ".join(result.flags))
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnclean", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("clean", "print the clean text"),
                            ("explain", "show what was removed and why")):
        command = sub.add_parser(name, help=help_text)
        command.add_argument("inputs", nargs="*", default=["-"],
                             help="files to read; '-' is stdin, 'sample' the bundled sample")
        command.add_argument("--tone-style", choices=["old", "new", "none"], default="old")
        command.add_argument("--legacy-encodings", action="store_true",
                             help="detect and convert TCVN3, VNI and VISCII text")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    options = {"tone_style": None if args.tone_style == "none" else args.tone_style,
               "legacy_encodings": args.legacy_encodings}
    out = sys.stdout
    for path in args.inputs:
        try:
            text = _read(path)
        except OSError as error:
            print(f"vnclean: {path}: {error.strerror or error}", file=sys.stderr)
            return 1
        if args.command == "clean":
            out.write(clean(text, **options).rstrip("\n") + "\n")
        else:
            result = clean_and_explain(text, **options)
            out.write(render_explanation(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
