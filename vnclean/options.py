"""The one source of truth for the default pipeline: its steps, their order, their options.

``vnclean.clean(text, **options)`` and ``clean_and_explain`` accept exactly the fields of
:class:`Options` as keyword arguments; an unknown option is a ``TypeError``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields

from ._core import Cleaner, Pipeline
from .bylines import strip_bylines
from .captions import remove_photo_captions, remove_repeated_blocks
from .markdown import strip_markdown_links
from .nav import strip_nav_menus
from .promos import recheck_footers, strip_promos
from .related import strip_related_links
from .unicode import normalize_unicode
from .whitespace import tidy_whitespace

__all__ = ["Options", "DEFAULT_STEPS", "default_pipeline"]


@dataclass(frozen=True)
class Options:
    """Options of the default pipeline (all keyword-only; ``None``/``False`` turns a step off).

    tone_style: ``"old"`` (``hòa``, ``thủy``; most news), ``"new"`` (``hoà``, ``thuỷ``), or
        ``None`` to leave tone placement alone. Misplaced marks are fixed whatever the style.
    legacy_encodings: detect and convert TCVN3, VNI and VISCII text (off: it can misfire on
        text that merely looks like them).
    normalize: run :func:`vnclean.normalize_unicode` first.
    markdown: run :func:`vnclean.strip_markdown_links` next, on a page dumped as markdown
        (a text holding ``](``): link-only lines go, inline links keep their words.
    nav, captions, bylines, related, promos: run that boilerplate cleaner.
    recheck_footers: run :func:`vnclean.strip_promos` again after the bylines on a text
        that still holds a copyright or licence cue or ends with a widget label (only with
        ``promos``): a footer or widget the other cleaners uncovered goes too.
    repeats: run :func:`vnclean.remove_repeated_blocks` after the bylines (a block repeated
        back to back that the removals before it exposed loses its first copies).
    tidy: fold the whitespace deletions leave behind.
    max_removed_share: an explained result that lost more than this share of its
        non-space characters is flagged ``over_removed`` (``emptied`` when nothing is
        left), so no document is emptied silently.
    """

    tone_style: str | None = "old"
    legacy_encodings: bool = False
    normalize: bool = True
    markdown: bool = True
    promos: bool = True
    related: bool = True
    nav: bool = True
    captions: bool = True
    bylines: bool = True
    recheck_footers: bool = True
    repeats: bool = True
    tidy: bool = True
    max_removed_share: float = 0.9

    def __post_init__(self) -> None:
        for switch in _SWITCHES:
            value = getattr(self, switch)
            if not isinstance(value, bool):  # "no" would turn a step on
                raise ValueError(f"{switch} must be True or False, not {value!r}")
        share = self.max_removed_share
        if isinstance(share, bool) or not isinstance(share, (int, float)):  # True is no share
            raise TypeError(f"max_removed_share must be a number between 0 and 1, "
                            f"not {type(share).__name__} {share!r}")
        if not 0.0 <= share <= 1.0:
            raise ValueError(f"max_removed_share must be between 0 and 1, "
                             f"not {self.max_removed_share!r}")
        if self.tone_style not in ("old", "new", None):
            raise ValueError(f"tone_style must be 'old', 'new' or None, not {self.tone_style!r}")


#: The options that switch something on or off: the fields typed ``bool``.
_SWITCHES = tuple(f.name for f in fields(Options) if f.type == "bool")


#: Step order of the default pipeline: (option that switches the step, cleaner).
DEFAULT_STEPS: tuple[tuple[str, Cleaner], ...] = (
    ("normalize", normalize_unicode),
    ("markdown", strip_markdown_links),
    ("promos", strip_promos),
    ("related", strip_related_links),
    ("nav", strip_nav_menus),
    ("captions", remove_photo_captions),
    ("bylines", strip_bylines),
    ("recheck_footers", recheck_footers),
    ("repeats", remove_repeated_blocks),
    ("tidy", tidy_whitespace),
)

OPTION_NAMES = frozenset(f.name for f in fields(Options))


def default_pipeline(**options) -> Pipeline:
    """The default pipeline for these options (built once per distinct set of options).

    >>> default_pipeline(captions=False)
    Pipeline(normalize_unicode, strip_markdown_links, strip_promos, strip_related_links, strip_nav_menus, strip_bylines, recheck_footers, remove_repeated_blocks, tidy_whitespace)
    """
    unknown = set(options) - OPTION_NAMES
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
    return _pipeline_for(Options(**options))


@functools.lru_cache(maxsize=64)
def _pipeline_for(options: Options) -> Pipeline:
    from .metadata import extract_metadata
    from .safety import flag_over_removal

    steps = []
    for switch, cleaner in DEFAULT_STEPS:
        if not getattr(options, switch) or (cleaner is recheck_footers and not options.promos):
            continue
        if cleaner is normalize_unicode:
            cleaner = cleaner.configured(tone_style=options.tone_style,
                                         legacy_encodings=options.legacy_encodings)
        steps.append(cleaner)
    flagger = functools.partial(flag_over_removal, max_share=options.max_removed_share)
    return Pipeline(*steps, metadata=extract_metadata, flagger=flagger)
