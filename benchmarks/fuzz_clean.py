"""Coverage-guided fuzzing of vnclean's public functions with atheris.

Run for a bounded time (atheris passes libFuzzer flags through)::

    pip install atheris
    python benchmarks/fuzz_clean.py -max_total_time=300 -rss_limit_mb=4096

Each input is decoded to ``str`` (invalid bytes replaced, lone surrogates allowed) and fed
to ``clean``, ``clean_and_explain``, ``normalize_unicode`` (old, new, legacy on) and
``clean_html`` on the raw bytes. Any exception other than the documented ``TypeError`` /
``ValueError`` for wrong types is a crash libFuzzer reports with the input that caused it;
so is an explain result whose text differs from ``clean`` or whose edit offsets do not
point at the input.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import vnclean


def check(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicodeNoSurrogates(len(data)) if fdp.ConsumeBool() else \
        data.decode("utf-8", "surrogateescape" if len(data) % 2 else "replace")
    cleaned = vnclean.clean(text)
    result = vnclean.clean_and_explain(text)
    if result.text != cleaned:
        raise AssertionError("clean_and_explain disagrees with clean")
    for edit in result.edits:
        if text[edit.start:edit.end] != edit.text:
            raise AssertionError(f"edit offsets do not point at the input: {edit!r}")
    for options in ({}, {"tone_style": "new"}, {"tone_style": None, "legacy_encodings": True}):
        normalized = vnclean.normalize_unicode(text, **options)
        if vnclean.normalize_unicode(normalized, **options) != normalized:
            raise AssertionError("normalize_unicode is not idempotent")
    clean_html = getattr(vnclean, "clean_html", None)
    if clean_html is not None:
        clean_html(data)


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
