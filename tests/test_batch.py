"""clean_many: lazy, ordered, the same results on one process or a pool."""

from __future__ import annotations

import itertools

import pytest
from conftest import python_blocks

import vnclean
from vnclean.batch import cleaned_to_dict, map_ordered

TEXTS = [
    "Trang chủ\nTTO - Mưa lớn ở Hà Nội (Ảnh: Mạnh Quân).\nNhiều tuyến phố ngập sâu.",
    "Giá vàng tăng mạnh./.\nChia sẻ",
    "Hòa bình là khát vọng của mọi dân tộc.\nTheo TTXVN",
    "null",
]


def test_results_equal_clean_in_order():
    texts = TEXTS * 5
    assert list(vnclean.clean_many(texts)) == [vnclean.clean(t) for t in texts]


def test_workers_give_identical_results_and_order():
    texts = [f"{t}\nSố {i}." for i, t in enumerate(TEXTS * 40)]
    single = list(vnclean.clean_many(texts, tone_style="new"))
    pooled = list(vnclean.clean_many(texts, workers=2, chunksize=3, tone_style="new"))
    assert pooled == single == [vnclean.clean(t, tone_style="new") for t in texts]


def test_explain_results_equal_clean_and_explain_across_processes():
    single = list(vnclean.clean_many(TEXTS, explain=True))
    pooled = list(vnclean.clean_many(TEXTS, workers=2, chunksize=1, explain=True))
    assert pooled == single == [vnclean.clean_and_explain(t) for t in TEXTS]


@pytest.mark.parametrize("workers", [1, 2])
def test_lazy_on_an_infinite_iterator(workers):
    endless = itertools.cycle(TEXTS)
    results = vnclean.clean_many(endless, workers=workers, chunksize=2)
    assert list(itertools.islice(results, 6)) == [vnclean.clean(t) for t in (TEXTS * 2)[:6]]
    results.close()


def test_reads_no_further_than_it_needs():
    consumed = []

    def source():
        for i in itertools.count():
            consumed.append(i)
            yield TEXTS[i % len(TEXTS)]

    results = vnclean.clean_many(source(), chunksize=4)
    next(results)
    assert len(consumed) == 4  # one chunk, cleaned step by step
    pooled = vnclean.clean_many(source(), workers=2, chunksize=4)
    consumed.clear()
    next(pooled)
    assert len(consumed) <= (2 * 2 + 1) * 4  # a window of 2 chunks per worker, and the next
    pooled.close()


def test_bad_options_fail_at_the_call():
    with pytest.raises(TypeError, match="unknown option"):
        vnclean.clean_many(TEXTS, no_such_option=True)
    with pytest.raises(ValueError):
        vnclean.clean_many(TEXTS, chunksize=0)


def test_a_non_str_item_raises_the_documented_type_error():
    with pytest.raises(TypeError, match="expects str"):
        list(vnclean.clean_many(["ok", 42]))


def test_map_ordered_in_a_pool_keeps_order():
    assert list(map_ordered(abs, range(-50, 0), workers=2, chunksize=3)) == list(range(50, 0, -1))


def test_cleaned_to_dict_is_jsonable():
    import json

    data = cleaned_to_dict(vnclean.clean_and_explain(TEXTS[0]))
    assert json.loads(json.dumps(data)) == data
    assert data["text"] == vnclean.clean(TEXTS[0])


@pytest.mark.parametrize("block", python_blocks("batch.md"))
def test_docs_examples_run(block, capsys):
    exec(compile(block, "docs/batch.md", "exec"), {"__name__": "__main__"})
