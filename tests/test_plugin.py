"""The pytest plugin, run for real in an inner pytest session (pytester)."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest

pytest_plugins = ["pytester"]


def _plugin_args() -> list[str]:
    """Load the plugin by name only when it is not installed (running from a bare checkout)."""
    installed = any(ep.value == "vnclean.pytest_plugin" for ep in entry_points(group="pytest11"))
    return [] if installed else ["-p", "vnclean.pytest_plugin"]


def _run(pytester: pytest.Pytester, *args: str):
    return pytester.runpytest_inprocess(*_plugin_args(), "-p", "no:cacheprovider", *args)


def test_fixtures_follow_the_ini_options(pytester):
    pytester.makeini("""
        [pytest]
        vnclean_tone_style = new
        vnclean_options =
            captions = false
    """)
    pytester.makepyfile("""
        def test_options(vnclean_options):
            assert vnclean_options == {"tone_style": "new", "captions": False}

        import vnclean

        def test_cleaner(vnclean_cleaner):
            assert "tone_style='new'" in repr(vnclean_cleaner)
            assert "remove_photo_captions" not in repr(vnclean_cleaner)
            text = "Hòa bình (Ảnh: Mạnh Quân)."
            assert vnclean_cleaner(text) == vnclean.clean(text, tone_style="new", captions=False)
            explained = vnclean_cleaner.explain("TTO - Mưa lớn ở Hà Nội.")
            assert explained == vnclean.clean_and_explain("TTO - Mưa lớn ở Hà Nội.",
                                                          tone_style="new", captions=False)
    """)
    _run(pytester).assert_outcomes(passed=2)


def test_defaults_without_ini_options(pytester):
    pytester.makepyfile("""
        import vnclean

        def test_cleaner(vnclean_cleaner, vnclean_options):
            assert vnclean_options == {"tone_style": "old"}
            text = "TTO - Mưa lớn ở Hà Nội (Ảnh: Mạnh Quân)."
            assert vnclean_cleaner(text) == vnclean.clean(text)
    """)
    _run(pytester).assert_outcomes(passed=1)


def test_sample_corpus_has_gold(pytester):
    pytester.makepyfile("""
        from vnclean.testing import gold_from_spans

        def test_corpus(vnclean_sample_corpus):
            assert 4 <= len(vnclean_sample_corpus) <= 6
            for record in vnclean_sample_corpus:
                assert record.clean == gold_from_spans(record.raw, record.spans)
                assert record.spans and record.clean
    """)
    _run(pytester).assert_outcomes(passed=1)


def test_strategies_fixture_drives_hypothesis(pytester):
    pytester.makepyfile("""
        from hypothesis import given, settings

        def test_pages(vnclean_strategies, vnclean_cleaner):
            @settings(max_examples=5, deadline=None)
            @given(vnclean_strategies.news_pages())
            def check(page):
                assert isinstance(vnclean_cleaner(page.raw), str)
            check()
    """)
    _run(pytester).assert_outcomes(passed=1)


def test_bad_ini_option_is_a_usage_error(pytester):
    pytester.makeini("""
        [pytest]
        vnclean_tone_style = sideways
    """)
    pytester.makepyfile("def test_x(vnclean_cleaner): pass\n")
    result = _run(pytester)
    assert result.ret != 0
    assert "vnclean_tone_style must be old, new or none" in result.stdout.str() + result.stderr.str()


def test_plugin_imports_no_hypothesis():
    import subprocess
    import sys

    code = ("import sys, vnclean.pytest_plugin; "
            "print('hypothesis' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_strategies_fixture_skips_without_hypothesis(pytester):
    pytester.makeconftest("""
        import sys
        sys.modules["hypothesis"] = None  # as if it were not installed
    """)
    pytester.makepyfile("def test_x(vnclean_strategies): pass\n")
    result = _run(pytester, "-rs", "-p", "no:hypothesispytest")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*vnclean_strategies needs hypothesis*"])
