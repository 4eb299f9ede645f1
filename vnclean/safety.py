"""Guards against silent data loss: flag a document the cleaners emptied or nearly emptied."""

from __future__ import annotations

from ._core import Cleaned

__all__ = ["flag_over_removal", "MAX_REMOVED_SHARE"]

#: Share of a document's non-space characters whose removal gets the result flagged.
MAX_REMOVED_SHARE = 0.9


def flag_over_removal(cleaned: Cleaned, *, max_share: float = MAX_REMOVED_SHARE) -> list[str]:
    """Flags for a result that lost everything (``emptied``) or most of its text (``over_removed``).

    >>> from vnclean import clean_and_explain
    >>> clean_and_explain("null").flags
    ('emptied',)
    """
    before = len("".join(cleaned.original.split()))
    after = len("".join(cleaned.text.split()))
    if before and not after:
        return ["emptied"]
    if before and 1 - after / before > max_share:
        return ["over_removed"]
    return []
