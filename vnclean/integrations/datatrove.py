"""A datatrove pipeline step that cleans each Document's text with vnclean.

Why: datatrove runs steps over shards on one machine or a cluster; this step keeps
vnclean's audit (removed characters by kind, flags, metadata) in ``doc.metadata`` and adds
it up in the step's stats, so the cleaning of a whole crawl can be checked afterwards.

>>> from vnclean.integrations.datatrove import vnclean_metadata
>>> from vnclean import clean_and_explain
>>> vnclean_metadata(clean_and_explain("null"))["flags"]
['emptied']
"""

from __future__ import annotations

from typing import Any

from .._core import Cleaned
from ..batch import cleaned_to_dict
from ..options import default_pipeline

__all__ = ["VncleanStep", "vnclean_metadata"]

INSTALL_HINT = "vnclean's datatrove step needs datatrove: pip install 'vnclean[datatrove]'"

try:
    from datatrove.pipeline.base import PipelineStep
except ImportError as _error:  # the module still imports (doctests, docs); the step says why
    _MISSING: ImportError | None = _error

    class PipelineStep:  # type: ignore[no-redef]
        """Stand-in that explains how to install datatrove."""

        def __init__(self) -> None:
            raise ImportError(INSTALL_HINT) from _MISSING
else:
    _MISSING = None


def vnclean_metadata(result: Cleaned, *, edits: bool = False) -> dict[str, Any]:
    """What the step stores under ``doc.metadata["vnclean"]``: removed, flags, metadata (edits)."""
    data = cleaned_to_dict(result, edits=edits, metadata=True)
    del data["text"]
    return data


class VncleanStep(PipelineStep):
    """Cleans ``doc.text``; stores the audit in ``doc.metadata[metadata_key]``; counts stats.

    ``drop_empty`` drops documents the cleaning emptied; ``with_edits`` also stores every
    edit (large). Other keyword arguments are :func:`vnclean.clean` options.
    """

    name = "🧹 vnclean"
    type = "✂️ - FORMAT"

    def __init__(self, *, metadata_key: str = "vnclean", with_edits: bool = False,
                 drop_empty: bool = False, **options: Any):
        super().__init__()
        default_pipeline(**options)  # fail at construction on a bad option
        self.options = options
        self.metadata_key = metadata_key
        self.with_edits = with_edits
        self.drop_empty = drop_empty

    def clean_document(self, doc) -> bool:
        """Clean one document in place; False when it should be dropped."""
        with self.track_time():
            result = default_pipeline(**self.options).explain(doc.text)
        doc.text = result.text
        doc.metadata[self.metadata_key] = vnclean_metadata(result, edits=self.with_edits)
        self.stat_update("documents")
        for kind, chars in result.removed_by_kind().items():
            self.stat_update(f"removed_chars_{kind}", value=chars)
        for flag in result.flags:
            self.stat_update(f"flagged_{flag}")
        if self.drop_empty and not result.text.strip():
            self.stat_update("dropped_empty")
            return False
        self.update_doc_stats(doc)
        return True

    def run(self, data, rank: int = 0, world_size: int = 1):
        for doc in data:
            if self.clean_document(doc):
                yield doc
