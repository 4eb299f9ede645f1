"""The one mechanism every cleaner shares: edits, offset maps, cleaners and pipelines.

A cleaner reads a text and returns :class:`Edit` objects in the coordinates of the text it
read. A :class:`Pipeline` applies them step after step and keeps, for each step, a
:class:`StepMap` from that step's output back to its input, so every edit can be reported
in the coordinates of the ORIGINAL input without any cleaner knowing about the others.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Any, ClassVar

__all__ = [
    "Edit",
    "Cleaned",
    "Cleaner",
    "FunctionCleaner",
    "Pipeline",
    "StepMap",
    "apply_edits",
    "as_cleaner",
]

#: The kinds an edit may have: five kinds of boilerplate, Unicode rewrites, whitespace tidying.
KINDS = ("nav", "caption", "byline", "related", "promo", "unicode", "whitespace", "other")


@dataclass(frozen=True, slots=True)
class Edit:
    """One deletion or rewrite: ``text[start:end]`` becomes ``replacement``.

    Inside a cleaner, offsets are in the coordinates of the text the cleaner read; in
    :attr:`Cleaned.edits` they are in the ORIGINAL input and ``text`` is the original text
    they cover.

    >>> Edit(0, 4, "", cleaner="strip_bylines", rule="bylines.agency_prefix",
    ...      kind="byline", text="TTO ").removed
    True
    """

    start: int
    end: int
    replacement: str = ""
    cleaner: str = ""
    rule: str = ""
    kind: str = "other"
    text: str = ""

    @property
    def removed(self) -> bool:
        """True when the edit deletes text rather than rewriting it."""
        return not self.replacement.strip()


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply sorted, non-overlapping edits given in ``text``'s coordinates.

    >>> apply_edits("Ảnh: TTXVN. Hà Nội mưa.", [Edit(0, 12, "")])
    'Hà Nội mưa.'
    """
    pieces: list[str] = []
    pos = 0
    for edit in edits:
        pieces.append(text[pos : edit.start])
        pieces.append(edit.replacement)
        pos = edit.end
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


def validated(edits: Iterable[Edit], length: int) -> list[Edit]:
    """Return ``edits`` sorted, clipped to ``[0, length]``, with no-ops and overlaps dropped.

    An edit that overlaps one already kept is dropped rather than merged: a cleaner that
    proposes overlapping edits keeps the earlier one, so the result is always applicable.
    """
    ordered = sorted(edits, key=_START_END)
    kept: list[Edit] = []
    last_end = 0
    for edit in ordered:
        start, end = max(0, edit.start), min(length, edit.end)
        if start > end or start < last_end:
            continue
        if start != edit.start or end != edit.end:
            edit = replace(edit, start=start, end=end)
        if start == end and not edit.replacement:
            continue
        kept.append(edit)
        last_end = end
    return kept


_START_END = attrgetter("start", "end")  # the sort key of validated, called in C


class StepMap:
    """Maps positions in one step's output back to positions in that step's input.

    Built from the step's edits (sorted, non-overlapping, input coordinates). A position
    inside a rewritten region maps to the region's start (``side="start"``) or end
    (``side="end"``); at a deletion — or at the whitespace a deletion left as a seam — a
    start maps after the deleted text and an end before it, so a later edit never claims
    text an earlier step already removed.
    """

    __slots__ = ("_out_starts", "_out_ends", "_in_starts", "_in_ends", "_filler")

    def __init__(self, edits: Iterable[Edit]):
        out_starts: list[int] = []
        out_ends: list[int] = []
        in_starts: list[int] = []
        in_ends: list[int] = []
        filler: list[bool] = []
        shift = 0
        for edit in edits:
            out_start = edit.start + shift
            out_end = out_start + len(edit.replacement)
            is_filler = not edit.replacement.strip()
            if in_ends and in_ends[-1] == edit.start:  # touching edits: one region
                out_ends[-1] = out_end
                in_ends[-1] = edit.end
                filler[-1] = filler[-1] and is_filler
            else:
                out_starts.append(out_start)
                out_ends.append(out_end)
                in_starts.append(edit.start)
                in_ends.append(edit.end)
                filler.append(is_filler)
            shift += len(edit.replacement) - (edit.end - edit.start)
        self._out_starts = out_starts
        self._out_ends = out_ends
        self._in_starts = in_starts
        self._in_ends = in_ends
        self._filler = filler

    def __bool__(self) -> bool:
        return bool(self._out_starts)

    def back(self, pos: int, side: str = "start") -> int:
        """Position in the step's input that output position ``pos`` came from."""
        i = bisect.bisect_right(self._out_starts, pos) - 1
        if i < 0:
            return pos
        out_start, out_end = self._out_starts[i], self._out_ends[i]
        in_start, in_end = self._in_starts[i], self._in_ends[i]
        if pos > out_end:
            return in_end + (pos - out_end)
        if self._filler[i]:  # a deletion, or the seam space one left: nothing original
            return in_end if side == "start" else in_start
        if pos == out_start:
            return in_start
        if pos == out_end:
            return in_end
        return in_start if side == "start" else in_end

    def forward(self, pos: int, side: str = "start") -> int:
        """Position in the step's output that input position ``pos`` goes to; inside a
        rewritten region, the region's output start (or end, ``side="end"``).

        >>> m = StepMap([Edit(3, 4, "")])  # "Thu\u200b Huyền" -> "Thu Huyền"
        >>> m.forward(5), m.forward(3), m.rewrites(3, 4)
        (4, 3, True)
        """
        i = bisect.bisect_right(self._in_starts, pos) - 1
        if i < 0:
            return pos
        if pos >= self._in_ends[i]:
            return self._out_ends[i] + (pos - self._in_ends[i])
        if pos == self._in_starts[i] or side == "start":
            return self._out_starts[i]
        return self._out_ends[i]

    def rewrites(self, start: int, end: int) -> bool:
        """Whether one rewritten region (touching edits are one) spans input ``start:end``."""
        i = bisect.bisect_right(self._in_starts, start) - 1
        return i >= 0 and end <= self._in_ends[i]


@dataclass(frozen=True)
class Cleaned:
    """The result of an explaining call: the clean text and every edit that made it.

    ``edits`` are in ORIGINAL coordinates, ordered by step and then position;
    ``metadata`` holds what the cleaners learnt (title, authors, published, source, ...);
    ``flags`` holds warnings such as a document the cleaners nearly emptied.
    """

    text: str
    original: str
    edits: tuple[Edit, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)
    flags: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.text

    def removed_by_kind(self) -> dict[str, int]:
        """Characters of the original input removed or rewritten, per kind."""
        totals: dict[str, int] = {}
        for edit in self.edits:
            totals[edit.kind] = totals.get(edit.kind, 0) + (edit.end - edit.start)
        return totals


class Cleaner:
    """Base class of every cleaner: a pure, idempotent ``str -> str`` callable with a name.

    Subclasses set ``name`` and ``kind``, list their keyword options with defaults in
    ``defaults``, and implement :meth:`find_edits`. Calling the cleaner returns the clean
    text; ``cleaner(text, option=value)`` and :meth:`configured` change options.
    """

    name: ClassVar[str] = "cleaner"
    kind: ClassVar[str] = "other"
    defaults: ClassVar[Mapping[str, Any]] = {}

    def __init__(self, **options: Any):
        unknown = set(options) - set(self.defaults)
        if unknown:
            raise TypeError(f"{self.name}() got unknown option(s): {', '.join(sorted(unknown))}")
        self.options: dict[str, Any] = {**self.defaults, **options}
        self._variants: dict[tuple, Cleaner] = {}

    def find_edits(self, text: str) -> list[Edit]:
        """Edits in ``text``'s coordinates; subclasses implement this."""
        raise NotImplementedError

    def apply(self, text: str) -> str:
        """The clean text; subclasses may override with a faster path that gives the same."""
        return apply_edits(text, validated(self.find_edits(text), len(text)))

    def configured(self, **options: Any) -> Cleaner:
        """A copy of this cleaner with some options changed.

        >>> from vnclean import normalize_unicode
        >>> normalize_unicode.configured(tone_style="new")("hòa bình")
        'hoà bình'
        """
        if not options:
            return self
        key = tuple(sorted(options.items(), key=lambda kv: kv[0]))
        try:
            cached = self._variants.get(key)
        except TypeError:  # unhashable option value
            return type(self)(**{**self.options, **options})
        if cached is None:
            cached = self._variants[key] = type(self)(**{**self.options, **options})
        return cached

    def __call__(self, text: str, **options: Any) -> str:
        check_text(text)
        return self.configured(**options).apply(text)

    def explain(self, text: str) -> Cleaned:
        """Clean ``text`` and report every edit in its coordinates."""
        return Pipeline(self).explain(text)

    def __repr__(self) -> str:
        changed = {k: v for k, v in self.options.items() if self.defaults.get(k) != v}
        if not changed:
            return self.name
        args = ", ".join(f"{k}={v!r}" for k, v in changed.items())
        return f"{self.name}.configured({args})"


def check_text(text: object) -> None:
    """Raise the documented ``TypeError`` for anything that is not a ``str``."""
    if not isinstance(text, str):
        raise TypeError(f"vnclean expects str, got {type(text).__name__}")


class FunctionCleaner(Cleaner):
    """Wraps a user's ``str -> str`` function so it can stand in a :class:`Pipeline`.

    The function's change is recorded as one edit covering the region between the longest
    common prefix and suffix of its input and output.
    """

    def __init__(self, function: Callable[[str], str], *, name: str | None = None,
                 kind: str = "other"):
        super().__init__()
        self.function = function
        self._name = name or getattr(function, "__name__", type(function).__name__)
        self._kind = kind

    @property  # type: ignore[override]
    def name(self) -> str:
        return self._name

    def find_edits(self, text: str) -> list[Edit]:
        result = self.function(text)
        if not isinstance(result, str):
            raise TypeError(f"cleaner {self._name!r} returned {type(result).__name__}, not str")
        if result == text:
            return []
        start, end, replacement = changed_region(text, result)
        return [Edit(start, end, replacement, cleaner=self._name,
                     rule=f"{self._name}.function", kind=self._kind)]

    def apply(self, text: str) -> str:
        return self.function(text)

    def __repr__(self) -> str:
        return self._name


class Recheck(Cleaner):
    """A cleaner run once more, later in a pipeline, on the texts that still hold its cue.

    The steps between the two runs remove what the first run could not read past: on a
    flattened page, a licence followed by a source line (``... Giấy phép số 298/GP-BTTTT.
    Nguồn: Tuổi Trẻ``) is a page's closing footer only once the bylines have taken the
    source. The cue test (``when``) keeps the second run off every other text. Its edits
    carry the wrapped cleaner's name and rules.

    >>> import re
    >>> from vnclean import strip_bylines
    >>> sign_off_again = Recheck(strip_bylines, when=re.compile("/[.]").search)
    >>> sign_off_again("Giá vàng tăng./.")
    'Giá vàng tăng.'
    >>> sign_off_again("TTO - Giá vàng tăng.")  # no cue: the second run does not happen
    'TTO - Giá vàng tăng.'
    """

    def __init__(self, cleaner: Cleaner, *, when: Callable[[str], object],
                 name: str | None = None):
        super().__init__()
        self.cleaner = cleaner
        self.when = when
        self._name = name or f"recheck_{cleaner.name}"

    @property  # type: ignore[override]
    def name(self) -> str:
        return self._name

    @property  # type: ignore[override]
    def kind(self) -> str:
        return self.cleaner.kind

    def find_edits(self, text: str) -> list[Edit]:
        if not self.when(text):
            return []
        return self.cleaner.find_edits(text)

    def apply(self, text: str) -> str:
        if not self.when(text):
            return text
        return self.cleaner.apply(text)

    def __repr__(self) -> str:
        return self._name


def changed_region(old: str, new: str) -> tuple[int, int, str]:
    """The one span of ``old`` (start, end) that ``new`` replaces, and its replacement:
    everything between their longest common prefix and suffix.

    >>> changed_region("Ðà Nẵng", "Đà Nẵng")
    (0, 1, 'Đ')
    """
    prefix = _common_prefix_length(old, new)
    suffix = _common_prefix_length(old[prefix:][::-1], new[prefix:][::-1])
    return prefix, len(old) - suffix, new[prefix : len(new) - suffix]


def _common_prefix_length(a: str, b: str) -> int:
    """Length of the longest common prefix, by bisection on slice equality (runs in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def as_cleaner(step: Cleaner | Pipeline | Callable[[str], str]) -> list[Cleaner]:
    """Turn a pipeline step into a flat list of cleaners (pipelines flatten)."""
    if isinstance(step, Pipeline):
        return list(step.steps)
    if isinstance(step, Cleaner):
        return [step]
    if callable(step):
        return [FunctionCleaner(step)]
    raise TypeError(f"a pipeline step must be a cleaner or a callable, got {type(step).__name__}")


MetadataHook = Callable[[str, Cleaned], Mapping[str, Any]]


class Pipeline(Cleaner):
    """Cleaners composed in order; nested pipelines flatten; any ``str -> str`` callable fits.

    >>> from vnclean import Pipeline, normalize_unicode, strip_bylines
    >>> p = Pipeline(normalize_unicode, strip_bylines)
    >>> p
    Pipeline(normalize_unicode, strip_bylines)
    >>> p("TTO - Mưa lớn ở Hà Nội.")
    'Mưa lớn ở Hà Nội.'
    """

    name: ClassVar[str] = "pipeline"

    def __init__(self, *steps: Cleaner | Pipeline | Callable[[str], str],
                 metadata: MetadataHook | None = None, flagger: Callable | None = None):
        super().__init__()
        flat: list[Cleaner] = []
        for step in steps:
            flat.extend(as_cleaner(step))
        self.steps: tuple[Cleaner, ...] = tuple(flat)
        self.metadata_hook = metadata
        self.flagger = flagger

    def apply(self, text: str) -> str:
        for step in self.steps:
            text = step.apply(text)
        return text

    def apply_many(self, texts: Iterable[str]) -> list[str]:
        """``[self(text) for text in texts]``, computed step by step over the whole list.

        Each step runs over every text before the next step starts, so its patterns and
        tables stay in the CPU's caches: faster than one text at a time (the benchmark
        report's ``vnclean clean_many`` and ``vnclean`` rows; :func:`vnclean.clean_many`
        uses it chunk by chunk).

        >>> from vnclean import Pipeline, strip_bylines
        >>> Pipeline(strip_bylines).apply_many(["TTO - Mưa lớn ở Hà Nội.", "Giá vàng tăng./."])
        ['Mưa lớn ở Hà Nội.', 'Giá vàng tăng.']
        """
        texts = list(texts)
        for text in texts:
            check_text(text)
        for step in self.steps:
            texts = list(map(step.apply, texts))
        return texts

    def find_edits(self, text: str) -> list[Edit]:
        """Edits in the input's coordinates, for auditing: removals never overlap (a later one
        around text an earlier step removed is reported as the pieces around it); a later
        edit may still cover an earlier rewrite."""
        return list(self.explain(text).edits)

    def explain(self, text: str) -> Cleaned:
        check_text(text)
        original = text
        maps: list[StepMap] = []
        reported: list[Edit] = []
        taken = _Removed()
        for step in self.steps:
            edits = validated(step.find_edits(text), len(text))
            if not edits:
                continue
            pieces: list[tuple[int, int]] = []
            for edit in edits:
                start, end = _to_original(maps, edit.start, edit.end)
                removal = not edit.replacement.strip()
                spans = taken.outside(start, end) if removal else [(start, end)]
                for k, (a, b) in enumerate(spans):
                    reported.append(replace(edit, start=a, end=b, text=original[a:b],
                                            replacement=edit.replacement if k == 0 else "",
                                            cleaner=edit.cleaner or step.name))
                if removal:
                    pieces.extend(spans)
            taken.add(pieces)
            maps.append(StepMap(edits))
            text = apply_edits(text, edits)
        cleaned = Cleaned(text=text, original=original, edits=tuple(reported))
        if self.metadata_hook is not None:
            cleaned = replace(cleaned, metadata=dict(self.metadata_hook(original, cleaned)))
        if self.flagger is not None:
            cleaned = replace(cleaned, flags=tuple(self.flagger(cleaned)))
        return cleaned

    def __iter__(self):
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def __repr__(self) -> str:
        return f"Pipeline({', '.join(repr(s) for s in self.steps)})"


class _Removed:
    """The original spans earlier steps removed, sorted and disjoint.

    A later removal is contiguous in the text its step read, but in the original it may
    span text an earlier step already took (``A[X]B`` where step 1 took ``X`` and step 2
    ``AB``): it is reported as the pieces around that text, so that each edit's ``text`` is
    what its own rule removed.
    """

    __slots__ = ("_ends", "_starts")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def outside(self, start: int, end: int) -> list[tuple[int, int]]:
        """``[start, end)`` less the removed spans inside it; the span itself when nothing
        of it is left (a seam at a deletion) or nothing removed lies inside."""
        i = bisect.bisect_left(self._starts, start)
        pieces: list[tuple[int, int]] = []
        at = start
        while i < len(self._starts) and self._ends[i] <= end:
            if self._starts[i] > at:
                pieces.append((at, self._starts[i]))
            at = max(at, self._ends[i])
            i += 1
        if at == start:
            return [(start, end)]
        if at < end:
            pieces.append((at, end))
        return pieces or [(start, end)]

    def add(self, spans: list[tuple[int, int]]) -> None:
        """Take ``spans`` too; one that overlaps a span already taken (a removal that only
        covers removed text, reported whole) adds nothing."""
        starts, ends = self._starts, self._ends
        for start, end in spans:
            i = bisect.bisect_left(starts, start)
            if end > start and (i == 0 or ends[i - 1] <= start) and (
                    i == len(starts) or end <= starts[i]):
                starts.insert(i, start)
                ends.insert(i, end)


def _to_original(maps: list[StepMap], start: int, end: int) -> tuple[int, int]:
    """Map a span through every earlier step back to the original input."""
    for step_map in reversed(maps):
        start, end = step_map.back(start, "start"), step_map.back(end, "end")
        if end < start:  # an empty span at a deletion: keep it empty
            end = start
    return start, end
