"""Clean Dask bags and dataframes with vnclean, partition by partition.

Why: a Dask cluster spreads a corpus over many machines; mapping over partitions builds
the (cached) pipeline once per partition and cleans it step by step, as
:func:`vnclean.clean_many` does, and the results equal :func:`vnclean.clean`.

>>> from vnclean.integrations.dask import clean_partition
>>> clean_partition(["TTO - Mưa lớn ở Hà Nội."], options={}) == [
...     __import__("vnclean").clean("TTO - Mưa lớn ở Hà Nội.")]
True
"""

from __future__ import annotations

from typing import Any

from ..batch import clean_many, cleaned_to_dict
from ..options import default_pipeline

__all__ = ["clean_bag", "clean_dataframe", "clean_partition", "clean_frame"]

INSTALL_HINT = "vnclean's Dask integration needs dask: pip install 'vnclean[dask]'"


def _require_dask() -> None:
    try:
        import dask  # noqa: F401
    except ImportError:
        raise ImportError(INSTALL_HINT) from None


def clean_partition(texts, *, options: dict[str, Any], explain: bool = False) -> list:
    """One bag partition: clean texts, or JSON-able results (text, removed, flags, ...)."""
    if explain:
        pipeline = default_pipeline(**options)
        return [cleaned_to_dict(pipeline.explain(text)) for text in texts]
    return list(clean_many(texts, **options))


def clean_bag(bag, *, explain: bool = False, **options: Any):
    """A bag of clean texts (or, with ``explain=True``, of JSON-able result dicts), in order."""
    _require_dask()
    default_pipeline(**options)  # fail before the graph runs
    return bag.map_partitions(clean_partition, options=options, explain=explain)


def clean_frame(frame, column: str, output_column: str | None, options: dict[str, Any]):
    """One dataframe partition: ``column`` cleaned into ``output_column`` (or in place)."""
    values = list(frame[column])
    texts = [value for value in values if isinstance(value, str)]  # missing values stay missing
    cleaned = clean_many(texts, **options)
    out = frame.copy()
    out[output_column or column] = [next(cleaned) if isinstance(value, str) else value
                                    for value in values]
    return out


def clean_dataframe(ddf, column: str, *, output_column: str | None = None, **options: Any):
    """A dataframe with ``column`` cleaned, in place or into ``output_column``."""
    _require_dask()
    default_pipeline(**options)
    if column not in ddf.columns:
        raise KeyError(f"no column {column!r} (columns: {', '.join(map(str, ddf.columns))})")
    meta = clean_frame(ddf._meta, column, output_column, options)
    return ddf.map_partitions(clean_frame, column, output_column, options, meta=meta)
