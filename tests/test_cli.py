"""The command line on real files: txt, jsonl, parquet, folders, workers, errors, summary."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import vnclean
from vnclean.cli import main

PAGES = [
    "Trang chủ\nThời sự\nTTO - Mưa lớn ở Hà Nội (Ảnh: Mạnh Quân).\nNhiều tuyến phố ngập sâu.",
    "Giá vàng tăng mạnh trong phiên sáng nay./.\nChia sẻ\n© Bản quyền thuộc Báo X",
    "Hòa bình là khát vọng của mọi dân tộc.\nTheo TTXVN",
]


def write_jsonl(path, rows, extra_lines=()):
    lines = [json.dumps(row, ensure_ascii=False) for row in rows] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_sample_and_stdin_keep_working(capsys):
    assert main(["clean", "sample"]) == 0
    out, err = capsys.readouterr()
    sample = (vnclean.__path__[0] + "/data/sample.txt")
    assert out == vnclean.clean(open(sample, encoding="utf-8").read()).rstrip("\n") + "\n"
    assert err == ""  # one document: no summary
    run = subprocess.run([sys.executable, "-m", "vnclean", "clean", "--tone-style", "new"],
                         input=PAGES[0], capture_output=True, text=True, check=True)
    assert run.stdout == vnclean.clean(PAGES[0], tone_style="new") + "\n"


def test_txt_files_to_stdout_and_summary(tmp_path, capsys):
    paths = []
    for i, page in enumerate(PAGES):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_text(page, encoding="utf-8")
    assert main(["clean", *map(str, paths)]) == 0
    out, err = capsys.readouterr()
    assert out == "".join(vnclean.clean(p) + "\n" for p in PAGES)
    assert "vnclean: 3 documents" in err and "0 errors" in err
    assert "removed:" in err and "flagged for over-removal:" in err


def test_jsonl_keeps_fields_and_adds_results(tmp_path, capsys):
    rows = [{"id": i, "url": f"https://example.vn/{i}", "body": page}
            for i, page in enumerate(PAGES)]
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    assert main(["clean", str(source), "--text-field", "body", "--output-field", "sach",
                 "--with-edits", "--with-metadata", "-q"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    result = read_jsonl(out)
    for row, got in zip(rows, result):
        expected = vnclean.clean_and_explain(row["body"])
        assert {k: got[k] for k in row} == row
        assert got["sach"] == expected.text
        assert [e["rule"] for e in got["vnclean_edits"]] == [e.rule for e in expected.edits]
        assert got["vnclean_metadata"]["title"] == expected.metadata["title"]
        assert got["vnclean_flags"] == list(expected.flags)


def test_bad_records_are_reported_and_skipped(tmp_path, capsys):
    source = tmp_path / "bad.jsonl"
    good = [json.dumps({"text": page}, ensure_ascii=False).encode() for page in PAGES[:2]]
    source.write_bytes(b"\n".join([good[0], b'{"text": "broken', b'{"title": "no text"}',
                                   b'{"text": "\xff\xfe"}', good[1]]) + b"\n")
    assert main(["clean", str(source)]) == 1
    out, err = capsys.readouterr()
    assert [r["clean_text"] for r in read_jsonl(out)] == [vnclean.clean(p) for p in PAGES[:2]]
    assert f"{source}:2: malformed JSON" in err
    assert f"{source}:3: no field 'text' (fields: title)" in err
    assert f"{source}:4: not valid UTF-8 (byte 0xff at column 11)" in err
    assert "2 documents" in err and "3 errors" in err


def test_strict_stops_at_the_first_bad_record(tmp_path, capsys):
    source = write_jsonl(tmp_path / "bad.jsonl", [{"text": PAGES[0]}],
                         extra_lines=["[1, 2]", json.dumps({"text": PAGES[1]})])
    assert main(["clean", str(source), "--strict"]) == 1
    out, err = capsys.readouterr()
    assert len(read_jsonl(out)) == 1
    assert f"{source}:2: expected a JSON object, got list; stopping (--strict)" in err


def test_folder_to_folder_mirrors_paths(tmp_path, capsys):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(PAGES[0], encoding="utf-8")
    (src / "notes.md").write_text("not an input", encoding="utf-8")
    write_jsonl(src / "sub" / "b.jsonl", [{"text": p} for p in PAGES])
    assert main(["clean", str(src), "-o", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == vnclean.clean(PAGES[0]) + "\n"
    rows = read_jsonl((tmp_path / "out" / "sub" / "b.jsonl").read_text(encoding="utf-8"))
    assert [r["clean_text"] for r in rows] == [vnclean.clean(p) for p in PAGES]
    assert not (tmp_path / "out" / "notes.md").exists()
    assert "4 documents" in capsys.readouterr().err


def test_workers_keep_order(tmp_path, capsys):
    texts = [f"TTO - Tin số {i} về Hà Nội.\nChia sẻ" for i in range(300)]
    source = write_jsonl(tmp_path / "many.jsonl", [{"n": i, "text": t} for i, t in enumerate(texts)])
    output = tmp_path / "many.out.jsonl"
    assert main(["clean", str(source), "-o", str(output), "--workers", "2",
                 "--chunksize", "7"]) == 0
    rows = read_jsonl(output.read_text(encoding="utf-8"))
    assert [r["n"] for r in rows] == list(range(300))
    assert [r["clean_text"] for r in rows] == [vnclean.clean(t) for t in texts]
    assert "300 documents" in capsys.readouterr().err


def test_parquet_in_and_out(tmp_path, capsys):
    pa = pytest.importorskip("pyarrow", reason="pyarrow not installed (vnclean[parquet])")
    import pyarrow.parquet as pq

    table = pa.table({"id": list(range(len(PAGES))), "text": PAGES})
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=2)
    assert main(["clean", str(tmp_path / "in.parquet"), "-o", str(tmp_path / "out.parquet"),
                 "--with-metadata"]) == 0
    out = pq.read_table(tmp_path / "out.parquet").to_pylist()
    assert [r["id"] for r in out] == [0, 1, 2]
    assert [r["clean_text"] for r in out] == [vnclean.clean(p) for p in PAGES]
    assert json.loads(out[0]["vnclean_metadata"])["title"] == vnclean.clean_and_explain(
        PAGES[0]).metadata["title"]
    # to stdout a parquet input comes out as JSON Lines
    assert main(["clean", str(tmp_path / "in.parquet"), "-q"]) == 0
    assert [r["clean_text"] for r in read_jsonl(capsys.readouterr().out)] == [
        vnclean.clean(p) for p in PAGES]


@pytest.mark.parametrize("suffix", [".jsonl", ".txt", ".parquet"])
def test_a_lone_surrogate_in_a_record_does_not_stop_the_run(tmp_path, capsys, suffix):
    # '\\ud800' is valid JSON for a code point UTF-8 cannot write: the run went on to
    # crash at the write, leaving every later record unwritten and no summary.
    if suffix == ".parquet":
        pytest.importorskip("pyarrow", reason="pyarrow not installed (vnclean[parquet])")
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "Mưa lớn./."}\n'
                      '{"id": 2, "text": "Hà Nội \\ud800 mưa lớn."}\n'
                      '{"id": 3, "text": "Giá vàng tăng."}\n', encoding="utf-8")
    output = tmp_path / f"out{suffix}"
    assert main(["clean", str(source), "-o", str(output), "--with-edits"]) == 0
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        cleaned = [row["clean_text"] for row in pq.read_table(output).to_pylist()]
    elif suffix == ".jsonl":
        rows = read_jsonl(output.read_text(encoding="utf-8"))
        assert rows[1]["text"] == "Hà Nội \ud800 mưa lớn."  # the input field, exact
        assert [e["rule"] for e in rows[1]["vnclean_edits"]] == ["unicode.surrogate"]
        cleaned = [row["clean_text"] for row in rows]
    else:
        cleaned = output.read_text(encoding="utf-8").splitlines()
    assert cleaned == ["Mưa lớn.", "Hà Nội \ufffd mưa lớn.", "Giá vàng tăng."]


def test_parquet_without_pyarrow_says_how_to_install(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    (tmp_path / "in.parquet").write_bytes(b"PAR1")
    assert main(["clean", str(tmp_path / "in.parquet")]) == 1
    assert "pip install 'vnclean[parquet]'" in capsys.readouterr().err


def test_missing_input_is_a_clear_error(tmp_path, capsys):
    assert main(["clean", str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt: no such file or folder" in capsys.readouterr().err


def test_explain_marks_removals_plain_and_coloured(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(PAGES[0], encoding="utf-8")
    result = vnclean.clean_and_explain(PAGES[0])
    shown = [e for e in result.edits if e.kind != "whitespace"]
    assert main(["explain", str(page)]) == 0
    plain = capsys.readouterr().out
    assert "\x1b[" not in plain
    for edit in shown:
        assert f"{{{edit.kind}:{edit.rule}}}" in plain
    assert main(["explain", str(page), "--color", "always", "--list"]) == 0
    coloured = capsys.readouterr().out
    assert "\x1b[" in coloured and "⟨" in coloured
    assert vnclean.cli.render_explanation(result) in coloured


def test_explain_marked_text_without_marks_is_the_original():
    import re

    result = vnclean.clean_and_explain(PAGES[0])
    plain = vnclean.cli.render_marked(result)
    stripped = re.sub(r"\[-(.*?)-\](\{\+.*?\+\})?\{[a-z]+:[^}]*\}", r"\1", plain, flags=re.S)
    assert stripped == PAGES[0]


_PAGE_HTML = ('<html><head><meta charset="windows-1258"></head><body><nav><a href="/">Trang chủ'
              '</a></nav><article><h1>Mưa lớn</h1><p>Nhiều tuyến phố ngập sâu sau cơn mưa lớn '
              'chiều qua, xe chết máy.</p><figure><figcaption>Phố ngập. Ảnh: TTXVN</figcaption>'
              '</figure></article></body></html>')


def test_explain_reads_jsonl_record_by_record(tmp_path, capsys):
    # before: explain read a .jsonl file as one text (its JSON syntax shown as the page)
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": PAGES[0]}, {"text": PAGES[2]}],
                         extra_lines=["{broken"])
    assert main(["explain", "--color", "never", str(source)]) == 1  # the bad line is reported
    out, err = capsys.readouterr()
    assert f"==> {source}:1 <==" in out and f"==> {source}:2 <==" in out
    assert '{"text"' not in out and "Hòa bình là khát vọng" in out
    assert f"{source}:3" in err
    assert vnclean.cli.render_marked(vnclean.clean_and_explain(PAGES[2])) in out


def test_html_pages_go_through_clean_html(tmp_path, capsys):
    # before: a .html file was cleaned (and explained) as plain text, markup and all
    page = tmp_path / "page.html"
    page.write_bytes(_PAGE_HTML.encode("utf-8"))
    assert main(["clean", "-q", str(page)]) == 0
    assert capsys.readouterr().out == vnclean.clean_html(_PAGE_HTML) + "\n"
    assert main(["explain", "--color", "never", str(page)]) == 0
    out = capsys.readouterr().out
    assert "<p>" not in out and "{nav:html.nav_element}" in out
    assert "{caption:html.figcaption}" in out
    assert main(["clean", "-q", "-o", str(tmp_path / "out") + "/", str(page)]) == 0
    assert (tmp_path / "out" / "page.txt").read_text(encoding="utf-8") == (
        vnclean.clean_html(_PAGE_HTML) + "\n")


def test_html_from_stdin_and_into_jsonl(tmp_path):
    run = subprocess.run([sys.executable, "-m", "vnclean", "clean", "--format", "html",
                          "--with-metadata", "-o", str(tmp_path / "out.jsonl")],
                         input=_PAGE_HTML.encode("utf-8"), capture_output=True, check=True)
    assert run.returncode == 0
    row = read_jsonl((tmp_path / "out.jsonl").read_text(encoding="utf-8"))[0]
    assert row["clean_text"] == vnclean.clean_html(_PAGE_HTML)
    assert row["vnclean_metadata"]["title"] == "Mưa lớn"
