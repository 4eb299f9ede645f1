"""Table-driven cases kept as data in ``tests/cases/*.json`` (ftfy's way).

Each file is a JSON list of cases::

    {"label": "credit in parentheses",            # what the case shows
     "cleaner": "remove_photo_captions",          # a cleaner exported by vnclean, or "clean"
     "options": {},                               # keyword options for it (optional)
     "original": "Mưa lớn (Ảnh: X).",
     "fixed": "Mưa lớn.",                         # expected output; omit with "expect": "unchanged"
     "expect": "fixed" | "unchanged",             # optional, default "fixed"
     "rule": "captions.credit"}                   # a rule that must fire (optional)

``"unchanged"`` cases are texts that must come back exactly as they went in, with no
edit other than whitespace tidying.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import vnclean

CASES_DIR = Path(__file__).parent / "cases"


def _load_cases():
    for path in sorted(CASES_DIR.glob("*.json")):
        for number, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            yield pytest.param(case, id=f"{path.stem}:{number}:{case.get('label', '')[:40]}")


def _cleaner(name: str):
    if name == "clean":
        return vnclean.default_pipeline()
    cleaner = getattr(vnclean, name, None)
    if cleaner is None:
        pytest.fail(f"case names unknown cleaner {name!r}")
    return cleaner


@pytest.mark.parametrize("case", list(_load_cases()))
def test_case(case):
    options = case.get("options", {})
    cleaner = _cleaner(case["cleaner"])
    if options:
        cleaner = (vnclean.default_pipeline(**options) if case["cleaner"] == "clean"
                   else cleaner.configured(**options))
    original = case["original"]
    result = cleaner.explain(original)
    assert result.text == cleaner(original), "clean and explain must agree"
    if case.get("expect", "fixed") == "unchanged":
        assert result.text == original
        assert [e for e in result.edits if e.kind != "whitespace"] == []
    else:
        assert result.text == case["fixed"]
    if case.get("rule"):
        fired = {e.rule for e in result.edits}
        assert case["rule"] in fired, f"expected rule {case['rule']} among {sorted(fired)}"
