"""vnclean.testing: the strategies generate what they claim."""

from __future__ import annotations

import unicodedata

import pytest
from conftest import python_blocks
from hypothesis import given, settings

import vnclean
from vnclean.corpus import Record
from vnclean.testing import (
    BOILERPLATE,
    Page,
    gold_from_spans,
    is_valid_syllable,
    news_pages,
    paragraphs,
    sentences,
    syllables,
)

FEW = settings(max_examples=40, deadline=None)


@pytest.mark.parametrize("word", ["Nguyễn", "thủy", "hòa", "nghiêng", "quý", "giữ", "người",
                                  "xoáy", "huỳnh", "Đường", "kính", "rượu", "quốc", "gì"])
def test_real_syllables_are_valid(word):
    assert is_valid_syllable(word)


@pytest.mark.parametrize("word", ["ngiá", "cinh", "kan", "ghá", "thàt", "hoà", "tha\u0300",
                                  "quốcc", "", "hòa bình", "bxa", "mứà"])
def test_invalid_syllables_are_rejected(word):
    assert not is_valid_syllable(word)


@FEW
@given(syllables())
def test_syllables_are_nfc_valid_and_stable_under_normalization(syllable):
    assert unicodedata.normalize("NFC", syllable) == syllable
    assert is_valid_syllable(syllable)
    assert " " not in syllable and syllable == syllable.lower()
    assert vnclean.normalize_unicode(syllable) == syllable


@FEW
@given(sentences())
def test_sentences_are_syllables(sentence):
    assert sentence[0].isupper() and sentence.endswith(".")
    words = sentence[:-1].replace(",", "").split(" ")
    assert all(is_valid_syllable(w) for w in words)


@FEW
@given(paragraphs())
def test_paragraphs_have_no_newline(paragraph):
    assert "\n" not in paragraph and paragraph.endswith(".")


@FEW
@given(news_pages())
def test_page_gold_is_the_page_minus_its_spans(page):
    assert isinstance(page, Page)
    assert page.clean == gold_from_spans(page.raw, page.spans)
    starts = [s.start for s in page.spans]
    assert starts == sorted(starts)
    for before, after in zip(page.spans, page.spans[1:]):
        assert before.end <= after.start
    known = {text for texts in BOILERPLATE.values() for text in texts}
    for span in page.spans:
        removed = page.raw[span.start:span.end].strip()
        assert removed, span
        pieces = [p for p in removed.split("\n") if p]
        assert all(p in known or p in ("TTO -", "(Dân trí) -", "VTV.vn -", "(PLO) -", "/.")
                   for p in pieces), removed
        assert removed.split("\n")[0] not in page.clean.split("\n")


@FEW
@given(news_pages(flat=True))
def test_flattened_pages_are_one_line_with_the_same_spans(page):
    assert "\n" not in page.raw
    assert page.clean == gold_from_spans(page.raw, page.spans)
    for span in page.spans:
        assert page.raw[span.start:span.end].strip()


@FEW
@given(news_pages(flat=None).map(lambda page: "\n" in page.raw))
def test_either_layout_may_be_drawn(has_newline):
    assert has_newline in (True, False)


@FEW
@given(news_pages())
def test_page_as_record_matches_corpus_format(page):
    record = page.as_record(id="x")
    assert set(record) == {"id", "site", "source", "split", "raw", "clean", "spans"}
    parsed = Record.from_json(record)
    assert gold_from_spans(parsed.raw, parsed.spans) == parsed.clean


@FEW
@given(news_pages())
def test_vnclean_never_fails_on_generated_pages(page):
    result = vnclean.clean_and_explain(page.raw)
    assert result.text == vnclean.clean(page.raw)


def test_sample_corpus_gold_is_consistent():
    import json

    from vnclean.pytest_plugin import sample_corpus_lines

    records = [Record.from_json(json.loads(line)) for line in sample_corpus_lines()]
    assert 4 <= len(records) <= 6
    for record in records:
        assert record.clean == gold_from_spans(record.raw, record.spans)
        assert unicodedata.normalize("NFC", record.raw) == record.raw


@pytest.mark.parametrize("block", python_blocks("testing.md"))
def test_docs_examples_run(block):
    exec(compile(block, "docs/testing.md", "exec"), {"__name__": "__main__"})
