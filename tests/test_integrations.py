"""datatrove and Dask integrations, run for real in local mode; results equal vnclean.clean."""

from __future__ import annotations

import json

import pytest
from conftest import python_blocks

import vnclean

TEXTS = [
    "Trang chủ\nThời sự\nTTO - Mưa lớn ở Hà Nội (Ảnh: Mạnh Quân).\nNhiều tuyến phố ngập sâu.",
    "Hà Nội khởi công cầu Tứ Liên\n(Dân trí) - Cầu dài 5,2 km.\nTin liên quan\n>> Cầu mới",
    "Giá vàng tăng mạnh trong phiên sáng nay./.\nChia sẻ\n© Bản quyền thuộc Báo X",
    "Hòa bình là khát vọng của mọi dân tộc.\nTheo TTXVN",
    "null",
    "U23 Việt Nam thắng 3-1.\nẢnh: VFF\nĐội tuyển gặp Malaysia ngày 20/4.",
]


def _write_jsonl(folder, name, rows):
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / name, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------- datatrove


def test_datatrove_step_matches_clean(tmp_path):
    pytest.importorskip("datatrove", reason="datatrove not installed (pip install "
                        "'vnclean[datatrove]')")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from vnclean.integrations.datatrove import VncleanStep

    rows = [{"id": f"doc-{i}", "text": text} for i, text in enumerate(TEXTS)]
    _write_jsonl(tmp_path / "in", "part-0.jsonl", rows[:3])
    _write_jsonl(tmp_path / "in", "part-1.jsonl", rows[3:])
    executor = LocalPipelineExecutor(
        pipeline=[JsonlReader(str(tmp_path / "in")),
                  VncleanStep(tone_style="old"),
                  JsonlWriter(str(tmp_path / "out"), compression=None)],
        tasks=2, workers=1, logging_dir=str(tmp_path / "logs"))
    stats = executor.run()

    out = {}
    for path in sorted((tmp_path / "out").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            out[doc["id"]] = doc
    assert len(out) == len(TEXTS)
    for row in rows:
        doc = out[row["id"]]
        expected = vnclean.clean_and_explain(row["text"], tone_style="old")
        assert doc.get("text", "") == expected.text  # the writer leaves out empty texts
        audit = doc["metadata"]["vnclean"]
        assert audit["removed"] == expected.removed_by_kind()
        assert audit["flags"] == list(expected.flags)
    step_stats = [s for s in stats.stats if "vnclean" in s.name]
    assert step_stats and step_stats[0].stats["documents"].total == len(TEXTS)


def test_datatrove_step_drops_empty_documents_on_request():
    pytest.importorskip("datatrove", reason="datatrove not installed")
    from datatrove.data import Document

    from vnclean.integrations.datatrove import VncleanStep

    docs = [Document(text=text, id=str(i)) for i, text in enumerate(TEXTS)]
    kept = list(VncleanStep(drop_empty=True).run(iter(docs)))
    assert [d.text for d in kept] == [t for t in map(vnclean.clean, TEXTS) if t.strip()]


def test_datatrove_step_rejects_bad_options():
    pytest.importorskip("datatrove", reason="datatrove not installed")
    from vnclean.integrations.datatrove import VncleanStep

    with pytest.raises(TypeError):
        VncleanStep(no_such_option=True)


# --------------------------------------------------------------------------- dask


@pytest.fixture(scope="module")
def dask_client():
    pytest.importorskip("dask.bag", reason="dask not installed (pip install 'vnclean[dask]')")
    distributed = pytest.importorskip("distributed", reason="distributed not installed")
    # Threads, not processes: a real scheduler and two workers, quick to start on 2 cores.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            yield client


def test_dask_bag_matches_clean(dask_client):
    import dask.bag as db

    from vnclean.integrations.dask import clean_bag

    bag = db.from_sequence(TEXTS * 3, npartitions=4)
    result = clean_bag(bag, tone_style="new").compute()
    assert result == [vnclean.clean(t, tone_style="new") for t in TEXTS * 3]
    assert len(dask_client.scheduler_info()["workers"]) == 2


def test_dask_bag_explain_gives_jsonable_results(dask_client):
    import dask.bag as db

    from vnclean.integrations.dask import clean_bag

    result = clean_bag(db.from_sequence(TEXTS, npartitions=2), explain=True).compute()
    assert [r["text"] for r in result] == [vnclean.clean(t) for t in TEXTS]
    json.dumps(result)


def test_dask_dataframe_matches_clean(dask_client):
    import dask.dataframe as dd
    import pandas as pd

    from vnclean.integrations.dask import clean_dataframe

    frame = pd.DataFrame({"id": range(len(TEXTS)), "text": TEXTS})
    ddf = dd.from_pandas(frame, npartitions=3)
    result = clean_dataframe(ddf, "text", output_column="clean_text").compute()
    assert list(result["id"]) == list(range(len(TEXTS)))
    assert list(result["text"]) == TEXTS
    assert list(result["clean_text"]) == [vnclean.clean(t) for t in TEXTS]


def test_a_dataframe_partition_keeps_missing_values_in_place():
    pd = pytest.importorskip("pandas", reason="pandas not installed (pip install 'vnclean[dask]')")

    from vnclean.integrations.dask import clean_frame

    frame = pd.DataFrame({"text": [TEXTS[0], None, TEXTS[1], float("nan")]})
    out = clean_frame(frame, "text", "clean", {})
    assert out["clean"][0] == vnclean.clean(TEXTS[0]) and out["clean"][2] == vnclean.clean(TEXTS[1])
    assert pd.isna(out["clean"][1]) and pd.isna(out["clean"][3])


def test_dask_dataframe_names_a_missing_column(dask_client):
    import dask.dataframe as dd
    import pandas as pd

    from vnclean.integrations.dask import clean_dataframe

    ddf = dd.from_pandas(pd.DataFrame({"body": TEXTS}), npartitions=1)
    with pytest.raises(KeyError, match="no column 'text'"):
        clean_dataframe(ddf, "text")


@pytest.mark.parametrize("block", python_blocks("integrations.md"))
def test_docs_examples_run(block, capsys):
    pytest.importorskip("datatrove" if "datatrove" in block else "distributed")
    exec(compile(block, "docs/integrations.md", "exec"), {"__name__": "__main__"})
