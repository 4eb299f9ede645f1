"""Read the benchmark corpus: records with raw text, gold clean text and labelled spans.

The corpus lives outside the repository. Its folder comes from, in order: the ``path``
argument, the ``VNCLEAN_CORPUS`` environment variable, ``../shared/corpus`` from the
current folder, ``../shared/corpus`` beside the source checkout.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Record", "Span", "CorpusNotFound", "corpus_dir", "load_split", "corpus_hash",
           "SPLITS"]

SPLITS = ("dev", "test")
ENV_VAR = "VNCLEAN_CORPUS"
DEFAULT_RELATIVE = Path("..") / "shared" / "corpus"


class CorpusNotFound(FileNotFoundError):
    """The benchmark corpus is not where the path setting points."""


@dataclass(frozen=True, slots=True)
class Span:
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Record:
    """One corpus document: ``raw`` scraped text, ``clean`` gold text, deleted ``spans``."""

    id: str
    site: str
    split: str
    raw: str
    clean: str
    spans: tuple[Span, ...] = ()
    source: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Record:
        spans = tuple(Span(s["kind"], s["start"], s["end"]) for s in obj.get("spans", ()))
        return cls(id=obj["id"], site=obj.get("site", ""), split=obj.get("split", ""),
                   raw=obj["raw"], clean=obj["clean"], spans=spans,
                   source=obj.get("source") or {})


def corpus_dir(path: str | os.PathLike | None = None) -> Path:
    """The corpus folder, or :class:`CorpusNotFound` saying where it was looked for."""
    candidates = []
    if path is not None:
        candidates.append(Path(path))
    elif os.environ.get(ENV_VAR):
        candidates.append(Path(os.environ[ENV_VAR]))
    else:
        candidates.append(Path.cwd() / DEFAULT_RELATIVE)
        candidates.append(Path(__file__).resolve().parents[1] / DEFAULT_RELATIVE)
    for candidate in candidates:
        if (candidate / "dev.jsonl").is_file():
            return candidate.resolve()
    tried = ", ".join(str(c) for c in candidates)
    raise CorpusNotFound(f"benchmark corpus not found (looked in {tried}); "
                         f"set {ENV_VAR} to the folder holding dev.jsonl and test.jsonl")


def iter_split(split: str, path: str | os.PathLike | None = None) -> Iterator[Record]:
    """Records of one split (``dev`` or ``test``), in file order."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    with open(corpus_dir(path) / f"{split}.jsonl", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield Record.from_json(json.loads(line))


def load_split(split: str, path: str | os.PathLike | None = None) -> list[Record]:
    """All records of one split."""
    return list(iter_split(split, path))


def corpus_hash(path: str | os.PathLike | None = None) -> str:
    """SHA-256 over the split files, so results can say which corpus they measured."""
    digest = hashlib.sha256()
    for split in SPLITS:
        digest.update((corpus_dir(path) / f"{split}.jsonl").read_bytes())
    return digest.hexdigest()
