"""The ``vnclean`` command line: ``clean`` files, folders and streams; ``explain`` them.

``vnclean clean`` reads ``.txt`` (one document a file), ``.jsonl`` (one JSON object a line),
``.parquet`` (row-group batches) and ``.html``/``.htm`` (one saved page a file, cleaned with
:func:`vnclean.clean_html`; the output is its clean text) files, folders of them, ``-``
(stdin) or ``sample``; it streams, so memory stays flat whatever the input size, and
reports bad records with their line number without stopping (unless ``--strict``).
``vnclean explain`` reads the same formats, record by record.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import time
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import IO, Any

from ._core import Cleaned, Edit
from .batch import DEFAULT_CHUNKSIZE, cleaned_to_dict, map_ordered
from .html import clean_html_and_explain
from .html_blocks import decode_html
from .options import Options, default_pipeline
from .tones import STYLES
from .unicode import fix_surrogates

__all__ = ["main", "render_explanation", "render_marked"]

SAMPLE = "sample"
STDIN = "-"
FORMATS = {".txt": "txt", ".jsonl": "jsonl", ".parquet": "parquet", ".html": "html",
           ".htm": "html"}
#: Formats whose records are written as plain text (one document a file or stream).
_PLAIN = frozenset(("txt", "html"))
EDITS_FIELD = "vnclean_edits"
METADATA_FIELD = "vnclean_metadata"
FLAGS_FIELD = "vnclean_flags"
PARQUET_BATCH = 1024
#: ``--tone-style`` spellings of the ``tone_style`` option's values.
TONE_STYLES = {style or "none": style for style in STYLES}


class CliError(Exception):
    """An error that ends the run with a message and exit status 1."""


class StrictStop(CliError):
    """A bad record under ``--strict``."""


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Input:
    """One input unit: a file, stdin or the bundled sample, with its format and output name."""

    path: str
    format: str
    relative: str = ""

    @property
    def display(self) -> str:
        return {STDIN: "<stdin>", SAMPLE: "<sample>"}.get(self.path, self.path)


@dataclass(frozen=True)
class Record:
    """One document read from an input, or the error that kept it from being read."""

    where: str
    text: str | None = None
    fields: dict[str, Any] | None = None
    error: str | None = None
    size: int = 0
    html: bool = False


def format_of(path: str, forced: str | None = None) -> str:
    """The input format: ``forced``, else the file's suffix; stdin and unknown suffixes are txt.

    >>> format_of("tin/ngay-1.jsonl"), format_of("-"), format_of("-", "jsonl")
    ('jsonl', 'txt', 'jsonl')
    """
    if forced:
        return forced
    return FORMATS.get(Path(path).suffix.lower(), "txt")


def expand_inputs(paths: Sequence[str], forced: str | None = None) -> Iterator[Input]:
    """Files named, and the supported files inside folders named (recursively, sorted)."""
    for path in paths:
        if path in (STDIN, SAMPLE) or not os.path.isdir(path):
            if path not in (STDIN, SAMPLE) and not os.path.exists(path):
                raise CliError(f"{path}: no such file or folder")
            yield Input(path, format_of(path, forced), Path(path).name)
            continue
        root = Path(path)
        for file in sorted(p for p in root.rglob("*") if p.is_file()):
            if file.suffix.lower() in FORMATS:
                yield Input(str(file), format_of(str(file), forced),
                            str(file.relative_to(root)))


def read_records(source: Input, text_field: str) -> Iterator[Record]:
    """The records of one input, in order; bad ones carry an ``error`` instead of text."""
    if source.format == "jsonl":
        if source.path == STDIN:
            yield from jsonl_records(sys.stdin.buffer, source.display, text_field)
        else:
            with open(source.path, "rb") as handle:
                yield from jsonl_records(handle, source.display, text_field)
    elif source.format == "parquet":
        yield from parquet_records(source.path, text_field)
    elif source.format == "html":
        yield html_record(source)
    else:
        yield text_record(source)


def _read_whole(source: Input) -> bytes:
    if source.path == SAMPLE:
        return resources.files("vnclean.data").joinpath("sample.txt").read_bytes()
    if source.path == STDIN:
        return sys.stdin.buffer.read()
    with open(source.path, "rb") as handle:
        return handle.read()


def html_record(source: Input) -> Record:
    """A whole saved page as one document, decoded as a browser would (BOM, UTF-8, the
    declared charset, detection: never an error)."""
    data = _read_whole(source)
    return Record(source.display, text=decode_html(data), size=len(data), html=True)


def text_record(source: Input) -> Record:
    """A whole ``.txt`` file (or stdin, or the sample) as one document."""
    data = _read_whole(source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return Record(f"{source.display}:{line}", error=_decode_message(data, error), size=len(data))
    return Record(source.display, text=text, size=len(data))


def jsonl_records(lines: IO[bytes], name: str, text_field: str) -> Iterator[Record]:
    """One record per non-blank line of a JSON Lines byte stream (read line by line).

    >>> import io
    >>> stream = io.BytesIO(b'{"text": "H\\xc3\\xa0 N\\xe1\\xbb\\x99i"}\\n{"text": 1}\\n')
    >>> [(r.where, r.text, r.error) for r in jsonl_records(stream, "a.jsonl", "text")]
    [('a.jsonl:1', 'Hà Nội', None), ('a.jsonl:2', None, "field 'text' is int, not a string")]
    """
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        try:
            obj = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as error:
            yield Record(where, error=_decode_message(raw, error), size=len(raw))
            continue
        except json.JSONDecodeError as error:
            reason = error.msg.removesuffix(" at")
            yield Record(where, error=f"malformed JSON: {reason} at column {error.colno}",
                         size=len(raw))
            continue
        yield field_record(where, obj, text_field, len(raw))


def field_record(where: str, obj: Any, text_field: str, size: int) -> Record:
    """A record from one JSON object or table row, checking its text field."""
    if not isinstance(obj, dict):
        return Record(where, error=f"expected a JSON object, got {type(obj).__name__}", size=size)
    if text_field not in obj:
        known = ", ".join(sorted(obj)) or "none"
        return Record(where, error=f"no field {text_field!r} (fields: {known})", size=size)
    text = obj[text_field]
    if not isinstance(text, str):
        return Record(where, error=f"field {text_field!r} is {type(text).__name__}, not a string",
                      size=size)
    return Record(where, text=text, fields=obj, size=size)


def parquet_records(path: str, text_field: str) -> Iterator[Record]:
    """Rows of a Parquet file, read one batch of row groups at a time."""
    parquet = _pyarrow_parquet()
    table = parquet.ParquetFile(path)
    if text_field not in table.schema_arrow.names:
        columns = ", ".join(table.schema_arrow.names)
        yield Record(path, error=f"no column {text_field!r} (columns: {columns})")
        return
    number = 0
    for batch in table.iter_batches(batch_size=PARQUET_BATCH):
        for row in batch.to_pylist():
            number += 1
            text = row.get(text_field)
            size = len(text.encode("utf-8")) if isinstance(text, str) else 0
            yield field_record(f"{path}:row {number}", row, text_field, size)


def _decode_message(data: bytes, error: UnicodeDecodeError) -> str:
    line_start = data.rfind(b"\n", 0, error.start) + 1
    return (f"not valid UTF-8 (byte 0x{data[error.start]:02x} at column "
            f"{error.start - line_start + 1})")


def _pyarrow_parquet():
    try:
        import pyarrow.parquet as parquet
    except ImportError:
        raise CliError("reading or writing .parquet needs pyarrow: "
                       "pip install 'vnclean[parquet]'") from None
    return parquet


# --------------------------------------------------------------------------- outputs


@dataclass(frozen=True)
class Fields:
    """Where the text is read from and the results are written to in a record."""

    text: str = "text"
    output: str = "clean_text"
    edits: bool = False
    metadata: bool = False

    def row(self, record: Record, result: dict[str, Any]) -> dict[str, Any]:
        """The output row: the input's fields, then the clean text (and edits, metadata)."""
        row = dict(record.fields) if record.fields is not None else {self.text: record.text}
        row[self.output] = result["text"]
        if self.edits:
            row[EDITS_FIELD] = result["edits"]
        if self.metadata:
            row[METADATA_FIELD] = result["metadata"]
            row[FLAGS_FIELD] = result["flags"]
        return row


class TextWriter:
    """Writes the clean text of each document, each ending in one newline."""

    def __init__(self, handle: IO[str], fields: Fields):
        self.handle = handle

    def write(self, record: Record, result: dict[str, Any]) -> None:
        self.handle.write(fix_surrogates(result["text"]).rstrip("\n") + "\n")

    def close(self) -> None:
        self.handle.flush()


class JsonlWriter(TextWriter):
    """Writes one JSON object a line: the input's fields plus the results."""

    def __init__(self, handle: IO[str], fields: Fields):
        self.handle = handle
        self.fields = fields

    def write(self, record: Record, result: dict[str, Any]) -> None:
        self.handle.write(json_line(self.fields.row(record, result)) + "\n")


def json_line(value: Any) -> str:
    """``value`` as one line of JSON, its characters as they are; with a surrogate UTF-8
    cannot write (an input field's lone ``\\ud800``), every character escaped instead, so
    the line is still exact and writable.

    >>> json_line({"text": "Hà Nội"}), json_line({"text": "Hà\\ud800"})
    ('{"text": "Hà Nội"}', '{"text": "H\\\\u00e0\\\\ud800"}')
    """
    line = json.dumps(value, ensure_ascii=False)
    return json.dumps(value) if fix_surrogates(line) != line else line


class ParquetWriter:
    """Writes rows in batches; edits and metadata go in as JSON strings (a stable schema)."""

    def __init__(self, path: str, fields: Fields, schema=None):
        self.parquet = _pyarrow_parquet()
        import pyarrow

        self.pyarrow = pyarrow
        self.path, self.fields, self.rows, self.writer = path, fields, [], None
        self.schema = self._extended(schema) if schema is not None else None

    def _extended(self, schema):
        extra = [self.fields.output]
        extra += [EDITS_FIELD] if self.fields.edits else []
        extra += [METADATA_FIELD, FLAGS_FIELD] if self.fields.metadata else []
        for name in extra:
            if name in schema.names:
                schema = schema.remove(schema.get_field_index(name))
            schema = schema.append(self.pyarrow.field(name, self.pyarrow.string()))
        return schema

    def write(self, record: Record, result: dict[str, Any]) -> None:
        row = {name: fix_surrogates(value) if isinstance(value, str) else value
               for name, value in self.fields.row(record, result).items()}
        for name in (EDITS_FIELD, METADATA_FIELD, FLAGS_FIELD):
            if name in row:
                row[name] = json_line(row[name])
        self.rows.append(row)
        if len(self.rows) >= PARQUET_BATCH:
            self._flush()

    def _flush(self) -> None:
        if not self.rows:
            return
        batch = self.pyarrow.RecordBatch.from_pylist(self.rows, schema=self.schema)
        if self.writer is None:
            self.schema = batch.schema
            self.writer = self.parquet.ParquetWriter(self.path, self.schema)
        self.writer.write_batch(batch)
        self.rows = []

    def close(self) -> None:
        self._flush()
        if self.writer is None and self.schema is not None:
            self.writer = self.parquet.ParquetWriter(self.path, self.schema)
        if self.writer is not None:
            self.writer.close()


class Router:
    """Sends each input's results to stdout, to one file, or to a mirror path in a folder."""

    def __init__(self, output: str | None, folder: bool, fields: Fields):
        self.output, self.folder, self.fields = output, folder, fields
        self.writer: Any = None
        self.shared = output is not None and not folder  # one writer for every input

    def begin(self, source: Input) -> None:
        if self.writer is not None and not self.shared:
            self.writer.close()
            self.writer = None
        if self.writer is None:
            self.writer = self._open(source)

    def _open(self, source: Input):
        if self.output is None:
            writer = TextWriter if source.format in _PLAIN else JsonlWriter
            return writer(sys.stdout, self.fields)
        path = Path(self.output)
        if self.folder:
            path = path / (source.relative or "stdin.txt")
            if source.format == "html":  # a page's clean text is text: page.html -> page.txt
                path = path.with_suffix(".txt")
        path.parent.mkdir(parents=True, exist_ok=True)
        target = format_of(str(path)) if path.suffix.lower() in FORMATS else source.format
        if target == "parquet":
            return ParquetWriter(str(path), self.fields, _input_schema(source))
        writer = TextWriter if target in _PLAIN else JsonlWriter
        return writer(open(path, "w", encoding="utf-8"), self.fields)

    def write(self, record: Record, result: dict[str, Any]) -> None:
        self.writer.write(record, result)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            if getattr(self.writer, "handle", None) not in (None, sys.stdout):
                self.writer.handle.close()
            self.writer = None


def _input_schema(source: Input):
    if source.format != "parquet":
        return None
    return _pyarrow_parquet().ParquetFile(source.path).schema_arrow


def is_folder_output(output: str | None, inputs: Sequence[str]) -> bool:
    """``-o`` names a folder: it is one, ends in ``/``, or has no known suffix and many inputs.

    >>> is_folder_output("out/", ["a.txt"]), is_folder_output("out.jsonl", ["in/"])
    (True, False)
    """
    if output is None:
        return False
    if os.path.isdir(output) or output.endswith(("/", os.sep)):
        return True
    if Path(output).suffix.lower() in FORMATS:
        return False
    return len(inputs) > 1 or any(os.path.isdir(path) for path in inputs)


# --------------------------------------------------------------------------- the run


@dataclass
class Summary:
    """What a run did: documents, errors, bytes, characters removed by kind, flagged documents.

    >>> s = Summary()
    >>> s.add(size=2_000_000, result={"text": "x", "removed": {"nav": 5}, "flags": []}, chars=10)
    >>> print(s.render(elapsed=1.0))
    vnclean: 1 document, 2.0 MB in 1.0 s (2.0 MB/s), 0 errors
    removed: 50.0% of characters (nav 50.0%)
    flagged for over-removal: 0 documents
    """

    documents: int = 0
    errors: int = 0
    size: int = 0
    chars: int = 0
    removed: Counter = field(default_factory=Counter)
    flags: Counter = field(default_factory=Counter)
    flagged: int = 0

    def add(self, *, size: int, result: dict[str, Any], chars: int) -> None:
        self.documents += 1
        self.size += size
        self.chars += chars
        self.removed.update(result["removed"])
        self.flags.update(result["flags"])
        self.flagged += bool(result["flags"])

    def render(self, elapsed: float) -> str:
        mb = self.size / 1e6
        rate = mb / elapsed if elapsed > 0 else 0.0
        plural = "" if self.documents == 1 else "s"
        lines = [f"vnclean: {self.documents} document{plural}, {mb:.1f} MB in {elapsed:.1f} s "
                 f"({rate:.1f} MB/s), {self.errors} error{'' if self.errors == 1 else 's'}"]
        total = sum(self.removed.values())
        share = (lambda n: 100 * n / self.chars) if self.chars else (lambda n: 0.0)
        kinds = ", ".join(f"{k} {share(n):.1f}%" for k, n in self.removed.most_common())
        lines.append(f"removed: {share(total):.1f}% of characters" + (f" ({kinds})" if kinds else ""))
        detail = ", ".join(f"{k} {n}" for k, n in self.flags.most_common())
        lines.append(f"flagged for over-removal: {self.flagged} document"
                     f"{'' if self.flagged == 1 else 's'}" + (f" ({detail})" if detail else ""))
        return "\n".join(lines)


def clean_record_text(text: str, *, options: dict[str, Any], edits: bool,
                      metadata: bool, html: bool = False) -> dict[str, Any]:
    """The worker's job: clean one text (a page's markup with ``html``) and return
    JSON-able results (runs in a pool).

    A cleaner that raises fails this one document (``{"error": ...}``), not the whole run.
    """
    try:
        result = explain_record(text, html, options)
    except Exception as error:  # noqa: BLE001 - reported per record by the caller
        return {"error": f"cleaning failed: {type(error).__name__}: {error}"}
    data = cleaned_to_dict(result, edits=edits, metadata=metadata)
    data["chars"] = len(text)
    return data


def explain_record(text: str, html: bool, options: dict[str, Any]) -> Cleaned:
    """The explained cleaning of one record: a page with the HTML path, else the text one."""
    if html:
        return clean_html_and_explain(text, **options)
    return default_pipeline(**options).explain(text)


def _clean_job(job: tuple[str, bool], **kwargs: Any) -> dict[str, Any]:
    """:func:`clean_record_text` of one ``(text, is_html)`` job (what the pool maps)."""
    return clean_record_text(job[0], html=job[1], **kwargs)


def run_clean(args: argparse.Namespace, options: dict[str, Any]) -> int:
    """Clean every input in order, streaming; report bad records; print the summary."""
    fields = Fields(args.text_field, args.output_field, args.with_edits, args.with_metadata)
    router = Router(args.output, is_folder_output(args.output, args.inputs), fields)
    summary, started = Summary(), time.monotonic()
    worker = functools.partial(_clean_job, options=options, edits=args.with_edits,
                               metadata=args.with_metadata)
    pending: deque = deque()
    events = _events(expand_inputs(args.inputs, args.format), args.text_field)
    texts = _texts(events, pending)
    progress = _progress(args)
    try:
        for result in map_ordered(worker, texts, workers=args.workers, chunksize=args.chunksize):
            record = _drain(pending, router, summary, args.strict)
            if "error" in result:
                _report(Record(record.where, error=result["error"]), summary, args.strict)
                continue
            router.write(record, result)
            summary.add(size=record.size, result=result, chars=result["chars"])
            progress.update(1)
        _drain(pending, router, summary, args.strict, until_record=False)
    finally:
        progress.close()
        router.close()
    if _show_summary(args, summary):
        print(summary.render(time.monotonic() - started), file=sys.stderr)
    return 1 if summary.errors else 0


def _events(sources: Iterator[Input], text_field: str) -> Iterator[tuple[Input, Record | None]]:
    for source in sources:
        yield source, None  # an input starts
        for record in read_records(source, text_field):
            yield source, record


def _texts(events, pending: deque) -> Iterator[tuple[str, bool]]:
    """Texts to clean (with whether each is a page's markup); every event (input start, bad
    record, good record) queues in order."""
    for event in events:
        pending.append(event)
        record = event[1]
        if record is not None and record.error is None:
            yield record.text, record.html


def _drain(pending: deque, router: Router, summary: Summary, strict: bool,
           until_record: bool = True) -> Record | None:
    """Handle queued input starts and bad records up to the next good record, and return it."""
    while pending:
        source, record = pending.popleft()
        if record is None:
            router.begin(source)
        elif record.error is not None:
            _report(record, summary, strict)
        elif until_record:
            return record
    return None


def _report(record: Record, summary: Summary, strict: bool) -> None:
    """Count a bad record and say where it is; under ``--strict``, stop the run."""
    summary.errors += 1
    if strict:
        raise StrictStop(f"{record.where}: {record.error}; stopping (--strict)")
    print(f"vnclean: {record.where}: {record.error}; skipped", file=sys.stderr)


def _show_summary(args: argparse.Namespace, summary: Summary) -> bool:
    if args.quiet:
        return False
    return args.summary or summary.documents + summary.errors > 1 or summary.errors > 0


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(args: argparse.Namespace):
    """A tqdm bar on stderr for runs longer than two seconds; none without tqdm or a TTY."""
    if args.quiet or not sys.stderr.isatty():
        return _NoBar()
    try:
        from tqdm import tqdm
    except ImportError:
        return _NoBar()
    return tqdm(unit="doc", delay=2.0, file=sys.stderr, mininterval=0.5, leave=False)


# --------------------------------------------------------------------------- explain

#: ANSI colour per kind of edit (SGR codes).
KIND_COLORS = {"nav": "34", "caption": "35", "byline": "33", "related": "36", "promo": "31",
               "unicode": "32", "whitespace": "90", "other": "37"}


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


def render_marked(result: Cleaned, *, color: bool = False) -> str:
    """The original text with each removal or rewrite marked by its kind and rule.

    Plain: ``[-removed-]{kind:rule}`` and ``[-old-]{+new+}{kind:rule}``; in colour, removed
    text is struck through in its kind's colour. Whitespace tidying is not shown.

    >>> edit = Edit(0, 6, "", rule="bylines.agency_prefix", kind="byline", text="TTO - ")
    >>> print(render_marked(Cleaned("Mưa lớn.", "TTO - Mưa lớn.", (edit,))))
    [-TTO - -]{byline:bylines.agency_prefix}Mưa lớn.
    """
    pieces, pos = [], 0
    for edit in _shown_edits(result.edits):
        pieces.append(result.original[pos:edit.start])
        pieces.append(_mark(edit, color))
        pos = edit.end
    pieces.append(result.original[pos:])
    return "".join(pieces)


def _shown_edits(edits: Sequence[Edit]) -> list[Edit]:
    """Non-whitespace edits by position; one nested in an earlier, wider edit is left out."""
    shown, end = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, -e.end)):
        if edit.kind == "whitespace" or edit.start < end or edit.start == edit.end == end > 0:
            continue
        shown.append(edit)
        end = edit.end
    return shown


def _mark(edit: Edit, color: bool) -> str:
    if not color:
        new = f"{{+{edit.replacement}+}}" if edit.replacement.strip() else ""
        return f"[-{edit.text}-]{new}{{{edit.kind}:{edit.rule}}}"
    code = KIND_COLORS.get(edit.kind, KIND_COLORS["other"])
    new = f"\x1b[1;{code}m{edit.replacement}\x1b[0m" if edit.replacement.strip() else ""
    return f"\x1b[9;{code}m{edit.text}\x1b[0m{new}\x1b[2;{code}m⟨{edit.rule}⟩\x1b[0m"


def color_legend() -> str:
    """One line naming each kind in its colour."""
    return " ".join(f"\x1b[{code}m{kind}\x1b[0m" for kind, code in KIND_COLORS.items()
                    if kind != "whitespace")


def use_color(choice: str, stream: IO[str]) -> bool:
    """``always``, ``never``, or ``auto``: colour on a terminal unless ``NO_COLOR`` is set.

    >>> import io
    >>> use_color("auto", io.StringIO()), use_color("always", io.StringIO())
    (False, True)
    """
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and not os.environ.get("NO_COLOR")


def run_explain(args: argparse.Namespace, options: dict[str, Any]) -> int:
    """Show each record of each input with its removals marked (and, with ``--list``, every
    edit listed): a ``.jsonl`` file record by record, a page with the HTML path; a bad
    record is reported on stderr and skipped (exit status 1)."""
    color = use_color(args.color, sys.stdout)
    sources = list(expand_inputs(args.inputs, args.format))
    headed = len(sources) > 1 or any(source.format not in _PLAIN for source in sources)
    shown = errors = 0
    for source in sources:
        for record in read_records(source, args.text_field):
            if record.error is not None:
                print(f"vnclean: {record.where}: {record.error}", file=sys.stderr)
                errors += 1
                continue
            result = explain_record(record.text, record.html, options)
            if headed:
                sys.stdout.write(("\n" if shown else "") + f"==> {record.where} <==\n")
            if color:
                sys.stdout.write(color_legend() + "\n")
            sys.stdout.write(render_marked(result, color=color).rstrip("\n") + "\n")
            if args.list:
                sys.stdout.write("\n" + render_explanation(result) + "\n")
            shown += 1
    return 1 if errors else 0


# --------------------------------------------------------------------------- arguments


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnclean", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    clean = sub.add_parser("clean", help="clean files, folders or stdin")
    explain = sub.add_parser("explain", help="show what was removed and why")
    for command in (clean, explain):
        command.add_argument("inputs", nargs="*", default=[STDIN],
                             help="files or folders; '-' is stdin, 'sample' the bundled sample")
        command.add_argument("--tone-style", choices=list(TONE_STYLES),
                             default=Options.tone_style or "none")
        command.add_argument("--legacy-encodings", action="store_true",
                             help="detect and convert TCVN3, VNI and VISCII text")
    _clean_arguments(clean)
    _format_arguments(explain)
    explain.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                         help="colour removals by kind (auto: on a terminal)")
    explain.add_argument("--list", action="store_true", help="also list every edit")
    return parser


def _format_arguments(command: argparse.ArgumentParser) -> None:
    add = command.add_argument
    add("--format", choices=sorted(set(FORMATS.values())),
        help="input format (default: from the suffix; stdin is txt)")
    add("--text-field", default="text", help="field holding the text (jsonl, parquet)")


def _clean_arguments(command: argparse.ArgumentParser) -> None:
    add = command.add_argument
    add("-o", "--output", help="output file, or folder (mirrors the input paths); default stdout")
    _format_arguments(command)
    add("--output-field", default="clean_text", help="field for the clean text (jsonl, parquet)")
    add("--with-edits", action="store_true", help=f"add every edit as {EDITS_FIELD}")
    add("--with-metadata", action="store_true",
        help=f"add {METADATA_FIELD} (title, authors, ...) and {FLAGS_FIELD}")
    add("--workers", type=int, default=1, help="processes (0: one per CPU); order is kept")
    add("--chunksize", type=int, default=DEFAULT_CHUNKSIZE, help="documents per task")
    add("--strict", action="store_true", help="stop at the first bad record")
    add("--summary", action="store_true", help="always print the summary on stderr")
    add("-q", "--quiet", action="store_true", help="no summary, no progress bar")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    options = {"tone_style": TONE_STYLES[args.tone_style],
               "legacy_encodings": args.legacy_encodings}
    try:
        if args.command == "clean":
            return run_clean(args, options)
        return run_explain(args, options)
    except CliError as error:
        print(f"vnclean: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # pragma: no cover - `vnclean clean big.jsonl | head`
        sys.stderr.close()
        return 0
    except OSError as error:
        name = f"{error.filename}: " if error.filename else ""
        print(f"vnclean: {name}{error.strerror or error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
