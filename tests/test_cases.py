"""Table-driven cases kept as data in ``tests/cases/*.json`` (ftfy's way).

Each file is a JSON list of cases::

    {"label": "credit in parentheses",            # what the case shows
     "cleaner": "remove_photo_captions",          # a cleaner exported by vnclean, or "clean"
     "options": {},                               # keyword options for it (optional)
     "original": "Mưa lớn (Ảnh: X).",
     "fixed": "Mưa lớn.",                         # expected output; omit unless "fixed"
     "expect": "fixed" | "unchanged" | "idempotent",  # optional, default "fixed"
     "rule": "captions.credit"}                   # a rule that must fire (optional)

``"unchanged"`` cases are texts that must come back exactly as they went in, with no
edit other than whitespace tidying. ``"idempotent"`` cases are inputs (most found by
Hypothesis) on which one pass must leave nothing for a second pass to do.
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
    if case.get("expect", "fixed") == "idempotent":
        assert cleaner(result.text) == result.text, "a second pass changed the text"
    elif case.get("expect", "fixed") == "unchanged":
        assert result.text == original
        assert [e for e in result.edits if e.kind != "whitespace"] == []
    else:
        assert result.text == case["fixed"]
    if case.get("rule"):
        fired = {e.rule for e in result.edits}
        assert case["rule"] in fired, f"expected rule {case['rule']} among {sorted(fired)}"


# Every rule a boilerplate cleaner names in its source has a positive case here and is
# documented on its docs page, and each file holds at least as many negative cases as rules.
_RULE_MODULES = ("promos", "nav", "related", "bylines", "captions", "markdown")
_ROOT = Path(__file__).resolve().parents[1]


def _rules_named_in(module: str) -> list[str]:
    import re

    source = (_ROOT / "vnclean" / f"{module}.py").read_text(encoding="utf-8")
    return sorted(set(re.findall(rf'"({module}\.[a-z_]+)"', source)) - {f"{module}.json"})


@pytest.mark.parametrize("module", _RULE_MODULES)
def test_every_rule_has_a_positive_case_and_the_file_negative_ones(module):
    rules = _rules_named_in(module)
    assert rules, f"no rule names found in vnclean/{module}.py"
    cases = json.loads((CASES_DIR / f"{module}.json").read_text(encoding="utf-8"))
    assert set(rules) <= {case["rule"] for case in cases if case.get("rule")}
    assert sum(case.get("expect") == "unchanged" for case in cases) >= len(rules)


@pytest.mark.parametrize("module", _RULE_MODULES)
def test_every_rule_is_documented(module):
    doc = (_ROOT / "docs" / "cleaners" / f"{module}.md").read_text(encoding="utf-8")
    assert [rule for rule in _rules_named_in(module) if f"`{rule}`" not in doc] == []
