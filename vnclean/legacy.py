"""Legacy Vietnamese 8-bit encodings (TCVN3/ABC, VNI Windows, VISCII) read as cp1252 or Latin-1.

Before Unicode, Vietnamese was typed in font encodings: TCVN3 (the ABC fonts, ``.VnTime``),
VNI Windows (``VNI-Times``: a base letter followed by a mark byte) and VISCII (RFC 1456).
Pages and documents in them reach a scraper as bytes that a decoder took for cp1252 or
Latin-1, so ``Việt Nam`` arrives as ``ViÖt Nam`` (TCVN3), ``Vieät Nam`` (VNI) or
``Vi®t Nam`` (VISCII). The tables are data (``vnclean/data/legacy_*.json``, byte values in
hex); both views of the bytes 0x80-0x9F (the cp1252 character and the C1 control that
Latin-1 gives) are read.

Detection is conservative: a run of a line made of characters a single byte can become is
converted only when, read in one encoding, most of the words it changes become Vietnamese
syllables that were not syllables before, and most of all its words are syllables. Unicode
Vietnamese, English, French or German text never passes that test.

>>> convert_legacy("ViÖt Nam", "tcvn3")
'Việt Nam'
>>> detect_legacy("Haø Noäi möa lôùn"), detect_legacy("café, José, naïve")
('vni', None)
>>> [(e.text, e.replacement, e.rule) for e in legacy_edits("Tin: Hµ Néi m­a lín")][:2]
[('Hµ', 'Hà', 'unicode.legacy_tcvn3'), ('Néi', 'Nội', 'unicode.legacy_tcvn3')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import NamedTuple

from ._core import Edit, apply_edits, check_text
from ._data import json_data
from .tones import is_vietnamese_word, place_tone
from .unicode import RawEdit, _cp1252_chars, _views

__all__ = ["ENCODINGS", "detect_legacy", "convert_legacy", "legacy_edits", "fix_legacy"]

#: The encodings this module reads, in the order ties are NOT broken (a tie leaves the text).
ENCODINGS = ("tcvn3", "vni", "viscii")

_THRESHOLDS = json_data("legacy_thresholds.json")


class _Table(NamedTuple):
    """One encoding, loaded once: how to convert a string and which characters it reads."""

    rule: str
    convert: Callable[[str], str]
    chars: frozenset[str]  # characters some key holds that are not plain ASCII letters


def _sequences(hexkey: str) -> list[str]:
    """Every string the byte sequence ``hexkey`` (``"61 F9"``) can be once decoded."""
    strings = [""]
    for part in hexkey.split():
        strings = [s + view for s in strings for view in _views(int(part, 16))]
    return strings


@functools.cache
def _table(encoding: str) -> _Table:
    if encoding not in ENCODINGS:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}")
    mapping: dict[str, str] = {}
    for hexkey, char in json_data(f"legacy_{encoding}.json")["map"].items():
        for seq in _sequences(hexkey):
            if seq != char:
                mapping[seq] = char
    chars = frozenset(c for seq in mapping for c in seq if not c.isascii() or not c.isalpha())
    if all(len(seq) == 1 for seq in mapping):
        translation = str.maketrans(mapping)
        convert: Callable[[str], str] = lambda text: text.translate(translation)  # noqa: E731
    else:  # VNI: base letter + mark byte; longest sequence first
        pattern = re.compile("|".join(re.escape(seq) for seq in
                                      sorted(mapping, key=len, reverse=True)))
        convert = functools.partial(pattern.sub, lambda m: mapping[m.group()])
    return _Table(f"unicode.legacy_{encoding}", convert, chars)


def convert_legacy(text: str, encoding: str) -> str:
    """``text`` read as ``encoding`` (``"tcvn3"``, ``"vni"``, ``"viscii"``) bytes, in Unicode.

    Converts every character the table knows, with no detection: call it on text known to
    be in ``encoding``, or let :func:`legacy_edits` find the runs.

    >>> convert_legacy("Ng\u00adêi d©n", "tcvn3"), convert_legacy("ngöôøi daân", "vni")
    ('Người dân', 'người dân')
    >>> convert_legacy("Vi®t Nam", "viscii")
    'Việt Nam'
    """
    check_text(text)
    return _table(encoding).convert(text)


# --- detection --------------------------------------------------------------------------

_SEPARATORS = " \t\r\n\x0b\x0c"


#: Every character a byte becomes as Latin-1 or cp1252, separators left out.
_TOKEN_CLASS = "[" + re.escape("".join(sorted(set(_cp1252_chars()) - set(_SEPARATORS)))) + "]"
_NOT_SEP = "[^" + re.escape(_SEPARATORS) + "]"
#: A run: whole tokens of byte characters, joined by spaces and tabs, within one line.
_RUN = re.compile(rf"(?<!{_NOT_SEP}){_TOKEN_CLASS}+(?:[ \t]+{_TOKEN_CLASS}+)*(?!{_NOT_SEP})")
#: The runs after the first character, found from the separator before each: re scans for
#: a class of six characters instead of trying _RUN (a look-behind first) at every one.
#: Possessive within a token: a run ends where a token does, so giving back part of one
#: never helps (only whole tokens are given back, by the outer ``*``).
_RUN_AFTER_SEP = re.compile(rf"[{re.escape(_SEPARATORS)}]"
                            rf"({_TOKEN_CLASS}++(?:[ \t]++{_TOKEN_CLASS}++)*)(?!{_NOT_SEP})")
_TOKEN = re.compile(r"[^ \t]+")
_WORD = re.compile(r"[^\W\d_]+")
#: Characters that only occur in legacy text among byte characters: any non-ASCII one, and
#: the six C0 controls VISCII uses for letters. A run without one never changes.
_CANDIDATE = re.compile(r"[^\x00-\x7f]|[\x02\x05\x06\x14\x19\x1e]")


@functools.lru_cache(maxsize=50_000)
def _is_syllable(word: str) -> bool:
    return is_vietnamese_word(word)


@functools.lru_cache(maxsize=50_000)
def _well_placed(word: str) -> bool:
    """The word's tone mark sits where one style puts it: text typed in an encoding comes
    out so (VISCII reading VNI's ``aø`` as ``aụ`` puts the mark on the wrong vowel)."""
    return word in (place_tone(word, style="old"), place_tone(word, style="new"))


def _all_syllables(text: str) -> bool:
    words = _WORD.findall(text)
    return bool(words) and all(_is_syllable(w) for w in words)


@functools.lru_cache(maxsize=100_000)
def _plain_token(token: str) -> bool:
    """:func:`_all_syllables`, cached per token."""
    return _all_syllables(token)


class _Score(NamedTuple):
    good: int  # changed tokens that became syllables and were not before
    bad: int  # changed tokens that did not become syllables
    ambiguous: int  # changed tokens that are syllables either way
    valid: int  # words of the converted run that are syllables
    words: int  # words of the converted run

    def passes(self, min_good: int) -> bool:
        return (self.good >= min_good
                and self.good >= _THRESHOLDS["min_good_share"] * (self.good + self.bad)
                and self.valid >= _THRESHOLDS["min_valid_share"] * self.words)


def _score(tokens: list[str], encoding: str) -> _Score:
    """How well ``tokens`` read in ``encoding``.

    A token that is a syllable either way, or one letter once converted, is neutral.
    """
    good = bad = ambiguous = valid = words = 0
    for token in tokens:
        token_good, token_bad, token_ambiguous, token_valid, token_words = \
            _token_score(token, encoding)
        good += token_good
        bad += token_bad
        ambiguous += token_ambiguous
        valid += token_valid
        words += token_words
    return _Score(good, bad, ambiguous, valid, words)


@functools.lru_cache(maxsize=100_000)
def _token_score(token: str, encoding: str) -> tuple[int, int, int, int, int]:
    """One token's share of :func:`_score` (tokens repeat far more than runs do)."""
    table = _table(encoding)
    converted = token if table.chars.isdisjoint(token) else table.convert(token)
    found = _WORD.findall(converted)
    valid = sum(map(_is_syllable, found))
    if converted != token and sum(map(len, found)) > 1:  # "®" → "ệ" tells nothing
        if not _all_syllables(converted) or not all(map(_well_placed, found)):
            return 0, 1, 0, valid, len(found)
        if not _all_syllables(token):
            return 1, 0, 0, valid, len(found)
        return 0, 0, 1, valid, len(found)
    return 0, 0, 0, valid, len(found)


def _scores(tokens: list[str]) -> dict[str, _Score]:
    """:func:`_score` of ``tokens`` in every encoding."""
    return {encoding: _score(tokens, encoding) for encoding in ENCODINGS}


def _runs(text: str) -> list[tuple[int, int]]:
    """The spans :data:`_RUN` finds in ``text``."""
    first = _RUN.match(text)
    spans = [first.span()] if first else []
    after = _RUN_AFTER_SEP.finditer(text, first.end() if first else 0)
    spans.extend(match.span(1) for match in after)
    return spans


# A token that is a syllable as it stands is never a good word (see _score): a run of such
# tokens passes in no encoding, as long as passing takes at least one good word.
_SKIP_PLAIN_RUNS = min(_THRESHOLDS["min_good_words"], _THRESHOLDS["min_good_words_beside"]) >= 1


def _run_scores(run: str) -> dict[str, _Score] | None:
    """:func:`_scores` of a run, or ``None`` when no encoding can read it as legacy text:
    it holds no character that only legacy text has, or its tokens are syllables already
    (most runs of Unicode Vietnamese: ``là``, ``có``, ``bán``)."""
    if not _CANDIDATE.search(run):
        return None
    tokens = _TOKEN.findall(run)
    if _SKIP_PLAIN_RUNS and all(map(_plain_token, tokens)):
        return None
    return _scores(tokens)


def _best(scores: dict[str, _Score], min_good: int) -> str | None:
    """The encoding that passes with the most good words; ``None`` if none or unsure.

    Unsure: two pass equally well, or another reads every word of the run as a syllable
    and changes as many (``aø aùc`` is VNI ``à ác``, but VISCII makes ``aụ ác`` of it).
    """
    passing = sorted(((s.good, s.valid / max(s.words, 1)), enc) for enc, s in scores.items()
                     if s.passes(min_good))
    if not passing or (len(passing) > 1 and passing[-1][0] == passing[-2][0]):
        return None
    best = passing[-1][1]
    good = scores[best].good
    if any(s.valid == s.words and s.good + s.ambiguous >= good
           for enc, s in scores.items() if enc != best):
        return None
    return best


def detect_legacy(text: str) -> str | None:
    """The legacy encoding a run of text is in (``"tcvn3"``, ``"vni"``, ``"viscii"``) or ``None``.

    ``None`` too when unsure: too few words change into Vietnamese syllables, or two
    encodings read it equally well.

    >>> detect_legacy("ViÖt Nam lµ mét quèc gia"), detect_legacy("Việt Nam là một quốc gia")
    ('tcvn3', None)
    >>> detect_legacy("Vi®t Nam là mµt qu¯c gia"), detect_legacy("Müller aß Größe")
    ('viscii', None)
    """
    check_text(text)
    if not _CANDIDATE.search(text):
        return None
    return _best(_scores(_TOKEN.findall(text)), _THRESHOLDS["min_good_words"])


def legacy_edits(text: str) -> list[Edit]:
    """One edit per word of the legacy-encoded runs of ``text``, in ``text``'s coordinates.

    Classify, then revise: each run (a stretch of one line made of byte characters) is
    judged alone first; a run with too few words to tell converts too when another run of
    the text was detected in the same encoding and none in another.

    >>> text = "Tin mới\\nViÖt Nam\\nHµ Néi m­a to, giã lín."
    >>> [(e.text, e.replacement) for e in legacy_edits(text)][:3]
    [('ViÖt', 'Việt'), ('Hµ', 'Hà'), ('Néi', 'Nội')]
    """
    check_text(text)
    return [Edit(start, end, converted, rule=rule, kind="unicode", text=text[start:end])
            for start, end, converted, rule in raw_legacy_edits(text)]


def raw_legacy_edits(text: str) -> list[RawEdit]:
    """:func:`legacy_edits` as ``(start, end, converted, rule)`` tuples: the layer
    :class:`vnclean.unicode.NormalizeUnicode` composes with its others.

    >>> raw_legacy_edits("Tin: Hµ Néi")
    [(5, 7, 'Hà', 'unicode.legacy_tcvn3'), (8, 11, 'Nội', 'unicode.legacy_tcvn3')]
    """
    if not _CANDIDATE.search(text):
        return []
    runs = []
    for start, end in _runs(text):
        scores = _run_scores(text[start:end])
        if scores is not None:  # a run no encoding reads gets no label: left out
            runs.append((start, end, scores))
    return _converted_words(text, runs)


def _converted_words(text: str, runs: list[tuple[int, int, dict]]) -> list[RawEdit]:
    """Classify, then revise, the scored ``runs`` (start, end, scores); then each word of a
    run given an encoding that its table changes, as ``(start, end, converted, rule)``.
    A run on a line that holds a letter of Unicode Vietnamese needs more good words
    (``min_good_words_unicode_line``): legacy bytes read as cp1252 never make such a letter,
    so the line is Unicode unless a long run says otherwise (``Diện tích 120 m² – 150 m²``:
    ``²`` and ``–`` are VISCII letters, ``mỗ`` a syllable, but not here)."""
    unicode_line = [_on_unicode_line(text, start, end) for start, end, _ in runs]
    strict = _THRESHOLDS["min_good_words_unicode_line"]
    labels = [_best(scores, strict if unicode else _THRESHOLDS["min_good_words"])
              for (_, _, scores), unicode in zip(runs, unicode_line)]
    detected = {label for label in labels if label}
    if len(detected) == 1:
        (encoding,) = detected
        beside = _THRESHOLDS["min_good_words_beside"]
        labels = [label or (encoding if _best(scores, strict if unicode else beside) == encoding
                            else None)
                  for label, (_, _, scores), unicode in zip(labels, runs, unicode_line)]
    words = []
    for (start, end, _), encoding in zip(runs, labels):
        if encoding is None:
            continue
        table = _table(encoding)
        for token in _TOKEN.finditer(text, start, end):
            converted = table.convert(token.group())
            if converted != token.group():
                words.append((token.start(), token.end(), converted, table.rule))
    return words


def _on_unicode_line(text: str, start: int, end: int) -> bool:
    """Does the line of ``text[start:end]`` hold a letter only Unicode Vietnamese has?"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return _UNICODE_VIETNAMESE.search(text, line_start,
                                      len(text) if line_end < 0 else line_end) is not None


#: Letters of Vietnamese outside cp1252 and Latin-1 (ă đ ĩ ũ ơ ư, and the toned vowels of
#: U+1EA0-U+1EF9): no legacy text read as bytes holds one.
_UNICODE_VIETNAMESE = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169"
                                 "\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")


def fix_legacy(text: str) -> str:
    """``text`` with its legacy-encoded runs converted to Unicode, the rest untouched.

    >>> fix_legacy("Hà Nội: Vieät Nam laø moät quoác gia.")
    'Hà Nội: Việt Nam là một quốc gia.'
    """
    return apply_edits(text, legacy_edits(text))
