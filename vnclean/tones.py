"""Syllable-aware placement of Vietnamese tone marks (old ``hòa`` or new ``hoà`` style).

A syllable is parsed into initial consonant, vowel nucleus and final consonant using the
tables in ``data/tones_syllables.json``; the nucleus and whether the syllable is closed
decide which vowel carries the tone mark. Words that do not parse as one Vietnamese
syllable (``café``, ``Pokémon``, ``iPhone``) are never touched.

>>> place_tone("hòan")
'hoàn'
>>> fix_tones("Hòa bình, sức khỏe", style="new")
'Hoà bình, sức khoẻ'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple


from ._core import check_text
from ._data import LazyPattern, json_data

__all__ = [
    "Syllable",
    "STYLES",
    "parse_syllable",
    "split_tone",
    "place_tone",
    "is_vietnamese_word",
    "fix_tones",
    "tone_fixes",
    "qu_tone_positions",
    "strip_tone_marks",
    "lacks_its_final",
]

#: Accepted values of ``style``: ``None`` fixes misplaced marks but accepts both old and new.
STYLES = ("old", "new", None)

_TABLE = json_data("tones_syllables.json")
_VOWELS: str = _TABLE["vowels"]
_TONE_MARKS: tuple[str, ...] = tuple(_TABLE["tone_marks"].values())
_INITIALS = sorted(_TABLE["initials"], key=len, reverse=True)
_INITIALS_NEEDING_VOWEL = frozenset(_TABLE["initials_needing_vowel"])
_FINALS = frozenset(_TABLE["finals"])
_NUCLEI: dict[str, list[int | None]] = _TABLE["nuclei"]


def _tone_tables() -> tuple[dict[str, tuple[str, str]], dict[tuple[str, str], str]]:
    """Map every toned vowel to (toneless vowel, mark) and back, both cases, NFC."""
    split: dict[str, tuple[str, str]] = {}
    join: dict[tuple[str, str], str] = {}
    for vowel in _VOWELS + _VOWELS.upper():
        for mark in _TONE_MARKS:
            toned = unicodedata.normalize("NFC", vowel + mark)
            split[toned] = (vowel, mark)
            join[(vowel, mark)] = toned
    return split, join


_SPLIT_TONE, _JOIN_TONE = _tone_tables()
_TONED_CLASS = "".join(sorted(_SPLIT_TONE))
_VOWEL_CLASS = _TONED_CLASS + _VOWELS + _VOWELS.upper()

_TONED_BY_BASE = {base: "".join(t for t, (b, _) in _SPLIT_TONE.items() if b.lower() == base)
                  for base in _VOWELS}
_NON_GLIDES = "eêơôâăư"
_GLIDES = "aioyu"
_FINAL_STARTS = "".join(sorted({f[0] for f in _FINALS if f}))
# The character classes both misplacement patterns are written in: toned vowels, vowels,
# plain vowels, vowels that never end a falling diphthong, toned glides, letters that open a
# final, "no letter follows", and the toned forms of o, e, u, i.
_CLASSES = (_TONED_CLASS, _VOWEL_CLASS, _VOWELS + _VOWELS.upper(),
            _NON_GLIDES + _NON_GLIDES.upper(), "".join(_TONED_BY_BASE[g] for g in _GLIDES),
            _FINAL_STARTS + _FINAL_STARTS.upper(), r"(?![^\W\d_])",
            {base: _TONED_BY_BASE[base] for base in "oeui"})


def _misplacement_pattern(style: str | None) -> LazyPattern:
    """A cheap superset of the places where a tone mark may sit wrong, as character classes.

    Each branch is a shape that no correct syllable of ``style`` has, or that only a few
    have (``quá``, ``già``, new-style ``hoà``); :func:`place_tone` decides on the word.
    """
    toned, vowel, plain, non_glide, toned_glide, finals, no_letter_next, toned_by = _CLASSES
    # Branches that need a vowel right after the toned one.
    before_vowel = [
        rf"[{vowel}]",  # before two vowels: "òai"
        rf"(?=[{finals}])",  # not on the last vowel of a closed syllable: "hòan"
        rf"(?<=[{non_glide}])",  # before a vowel that never ends a falling diphthong: "ngừơi"
    ]
    # Branches that need a plain vowel, q or g right before the toned one.
    after_letter = [
        rf"(?<=[{plain}][{toned_glide}]){no_letter_next}",  # on the glide: "maì", new "hoà"
        rf"(?<=[qQ][{toned_by['u']}])",  # on the u of qu: "qủa"
        rf"(?<=[gG][{toned_by['i']}])[{vowel}]",  # on the i of gi: "gìa"
    ]
    if style == "old":  # new-style "oẻ" is wrong in the old style
        after_letter.append(rf"(?<=[oO][{toned_by['e']}]){no_letter_next}")
    elif style == "new":  # old-style "òa", "òe", "ùy" are wrong in the new style
        before_vowel.append(rf"(?<=[{toned_by['o']}][aeAE]){no_letter_next}")
        before_vowel.append(rf"(?<=[{toned_by['u']}][yY]){no_letter_next}")
    # One pattern that starts at a toned vowel: re scans for its first class in C. Most
    # toned vowels stand between consonants, so the two branches each open with one cheap
    # test (a vowel next, a vowel/q/g before) that rejects them before any other check.
    return LazyPattern(rf"[{toned}](?:[{vowel}](?:{'|'.join(before_vowel)})"
                       rf"|(?<=[{plain}qQgG].)(?:{'|'.join(after_letter)}))", compile=re.compile)


_MISPLACED = {style: _misplacement_pattern(style) for style in STYLES}


@functools.cache
def _non_letter_class() -> str:
    """A character class: every BMP character ``[^\\W\\d_]`` does not match, and every
    character outside the BMP (let through, to be checked after).

    Written as the negation of the BMP letters (see :func:`vnclean.unicode._bmp_and_astral`).
    """
    from .unicode import _bmp_and_astral  # not at the top: vnclean.unicode imports this module

    return _bmp_and_astral(set(re.sub(r"[^\W\d_]+", "", "".join(map(chr, range(0x10000))))))


@functools.cache  # compiled on first use: most callers use one style
def _fast_misplacement_pattern(style: str | None) -> re.Pattern:
    """:func:`_misplacement_pattern` rearranged for speed, less three shapes.

    It matches at the same places as the reference but for a mark on the ``u`` of ``qu``
    (:data:`_QU_TONED` finds those), a toned vowel that ends the text (looked up with the
    reference), and the toned vowel of ``giá``, ``quả`` and the like (:data:`_ALWAYS_RIGHT`:
    no mark there ever moves, so leaving them out changes no fix). After the toned vowel,
    each branch opens with a character class on the next character, which re tests without
    entering the branch: a toned vowel before a consonant (two in three) is rejected by
    two such tests (a vowel next, no letter next; a vowel that never ends a falling
    diphthong is one of the vowels, checked behind). No branch tests a character it did
    not consume by a look-ahead, so what a match consumes beyond its toned vowel is
    letters of the same word or one character that is no letter (the words that hold a
    match are the reference's).
    """
    toned, vowel, plain, non_glide, toned_glide, finals, no_letter_next, toned_by = _CLASSES
    # The next character is a vowel: "ngừơi", "òai", "hòan", "gìa", new-style "hòa".
    after_vowel = [
        rf"(?<=[{non_glide}])",
        rf"[{vowel}]",
        rf"[{finals}]",
        rf"(?<=[gG][{toned_by['i']}].)",
    ]
    if style == "new":
        after_vowel.append(rf"(?<=[{toned_by['o']}][aeAE]){no_letter_next}")
        after_vowel.append(rf"(?<=[{toned_by['u']}][yY]){no_letter_next}")
    # The next character is no letter: the toned vowel ends a word, after a plain vowel.
    at_word_end = [rf"(?<=[{toned_glide}].)"]  # "maì", new-style "hoà"
    if style == "old":
        at_word_end.append(rf"(?<=[oO][{toned_by['e']}].)")  # new-style "oẻ"
    return re.compile(
        rf"[{toned}](?:[{vowel}](?:{'|'.join(after_vowel)})"
        rf"|{_non_letter_class()}(?<=[{plain}]..)(?:{'|'.join(at_word_end)})"
        rf"(?<![^\W\d_])(?<!{_ALWAYS_RIGHT}..))", re.DOTALL)  # ".": any character


#: The start of a word of three letters whose mark is right in every style wherever it
#: sits on the third (``giá``, ``quả``, ``Quý``: test_tones checks them all), the place the
#: reference finds most often in news text (nine in ten). A character ``[^\W\d_]`` does not
#: match is no letter to ``str.isalpha`` either, so the word starts at the ``g`` or ``q``.
_ALWAYS_RIGHT = r"(?<![^\W\d_])(?:[gG][iI]|[qQ][uU])"


#: A tone mark on the ``u`` of ``qu`` (``qủa``, ``qúy``): the reference matches it whatever
#: follows; a scan for the rare ``q`` finds it faster than a branch tried at every vowel.
_TONED_U = _TONED_BY_BASE["u"]
_QU_TONED = re.compile(f"[qQ][{_TONED_U}]")


class Syllable(NamedTuple):
    """A parsed toneless, lower-case syllable."""

    initial: str
    nucleus: str
    final: str


def split_tone(word: str) -> tuple[str, str, int] | None:
    """``(word without its tone mark, the mark, index of the toned letter)``.

    ``None`` when the word has no tone mark or more than one (then it is no syllable).

    >>> split_tone("Người")
    ('Ngươi', '\\u0300', 3)
    """
    check_text(word)
    found = None
    for index, char in enumerate(word):
        parts = _SPLIT_TONE.get(char)
        if parts is not None:
            if found is not None:
                return None
            found = (index, parts)
    if found is None:
        return None
    index, (vowel, mark) = found
    return word[:index] + vowel + word[index + 1 :], mark, index


def parse_syllable(toneless: str) -> Syllable | None:
    """Split a lower-case toneless syllable into initial, nucleus and final, or ``None``.

    >>> parse_syllable("quyêt")
    Syllable(initial='qu', nucleus='yê', final='t')
    >>> parse_syllable("gin")
    Syllable(initial='g', nucleus='i', final='n')
    >>> parse_syllable("cafe") is None
    True
    """
    check_text(toneless)
    for initial in _INITIALS:
        if not toneless.startswith(initial):
            continue
        rest = toneless[len(initial) :]
        if not rest or rest[0] not in _VOWELS:
            if initial in _INITIALS_NEEDING_VOWEL:
                continue  # "gìn": g + i + n; "qu" never stands without a vowel
            return None
        end = 1
        while end < len(rest) and rest[end] in _VOWELS:
            end += 1
        nucleus, final = rest[:end], rest[end:]
        if nucleus in _NUCLEI and final in _FINALS:
            return Syllable(initial, nucleus, final)
        return None
    return None


def _tone_indexes(syllable: Syllable, style: str | None) -> tuple[int, ...]:
    """Indexes (within the syllable) where the tone mark may sit; empty if nowhere."""
    open_old, open_new, closed = _NUCLEI[syllable.nucleus]
    if syllable.final:
        places = (closed,)
    elif style == "old":
        places = (open_old,)
    elif style == "new":
        places = (open_new,)
    else:
        places = (open_old, open_new)
    offset = len(syllable.initial)
    return tuple(sorted({offset + p for p in places if p is not None}))


def place_tone(word: str, *, style: str | None = "old") -> str:
    """The word with its tone mark on the right vowel; anything not a syllable unchanged.

    Case and base letters never change; only the position of the mark does.

    >>> [place_tone(w) for w in ("qúy", "hùynh", "ngừơi", "THỦY", "José")]
    ['quý', 'huỳnh', 'người', 'THỦY', 'José']
    >>> place_tone("thủy", style="new")
    'thuỷ'
    """
    check_text(word)
    parts = split_tone(word)
    if parts is None:
        return word
    toneless, mark, index = parts
    lower = toneless.lower()
    if len(lower) != len(toneless):
        return word
    syllable = parse_syllable(lower)
    if syllable is None:
        return word
    places = _tone_indexes(syllable, style)
    if not places or index in places:
        return word
    target = places[0]
    toned = _JOIN_TONE[(toneless[target], mark)]
    return toneless[:target] + toned + toneless[target + 1 :]


def is_vietnamese_word(word: str) -> bool:
    """True when the word (NFC) is one Vietnamese syllable with at most one tone mark.

    >>> is_vietnamese_word("Nguyễn"), is_vietnamese_word("Pokémon")
    (True, False)
    >>> is_vietnamese_word("ốc"), is_vietnamese_word("ồc"), is_vietnamese_word("ồC")
    (True, False, False)
    """
    check_text(word)
    if not (word.islower() or word.isupper() or word[1:].islower()):
        return False  # "ồC", "hÀ": no syllable is written so
    parts = split_tone(word)
    if parts is not None:
        toneless = parts[0]
    elif any(char in _SPLIT_TONE for char in word):
        return False
    else:
        toneless = word
    toneless = toneless.lower()
    if parts is not None and parts[1] in _LEVEL_MARKS and toneless.endswith(_STOP_FINALS):
        return False  # after p, t, c, ch only the rising tones: "ốc", "ạt", never "ồc"
    return parse_syllable(toneless) is not None


def lacks_its_final(word: str) -> bool:
    """True when the word is a Vietnamese syllable cut before its final consonant: its
    nucleus never stands open (``iê``, ``uô``, ``ươ``, ``â``, ... :
    ``data/tones_syllables.json``), as a page cut mid-word leaves it (``Việ`` of ``Việt``).

    >>> lacks_its_final("Việ"), lacks_its_final("Việt"), lacks_its_final("Hà")
    (True, False, False)
    """
    check_text(word)
    parts = split_tone(word)
    toneless = (word if parts is None else parts[0]).lower()
    syllable = parse_syllable(toneless)
    if syllable is None or syllable.final:
        return False
    open_old, open_new, _ = _NUCLEI[syllable.nucleus]
    return open_old is None and open_new is None


#: The marks of the tones a stop final (p, t, c, ch) never takes: huyền, hỏi, ngã.
_LEVEL_MARKS = frozenset("\u0300\u0309\u0303")
_STOP_FINALS = ("p", "t", "c", "ch")


def strip_tone_marks(text: str) -> str:
    """Remove the five tone marks only, keeping every other diacritic.

    >>> strip_tone_marks("Người Việt")
    'Ngươi Viêt'
    """
    check_text(text)
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", decomposed.translate(_REMOVE_TONE_MARKS))


_REMOVE_TONE_MARKS = {ord(mark): None for mark in _TONE_MARKS}


class _Fixer:
    """Cache of word -> placed word for one style (most words repeat across documents)."""

    MAX_CACHE = 200_000

    def __init__(self, style: str | None):
        self.style = style
        self.good: set[str] = set()
        self.fixed: dict[str, str] = {}

    def changes(self, words: set[str]) -> dict[str, str]:
        """The words of ``words`` whose mark moves, mapped to their fixed form."""
        unseen = words - self.good
        if not unseen:
            return {}
        if len(self.good) + len(self.fixed) > self.MAX_CACHE:
            self.good.clear()
            self.fixed.clear()
        changes = {}
        for word in unseen:
            fixed = self.fixed.get(word)
            if fixed is None:
                fixed = place_tone(word, style=self.style)
                if fixed == word:
                    self.good.add(word)
                    continue
                self.fixed[word] = fixed
            changes[word] = fixed
        return changes


_FIXERS = {style: _Fixer(style) for style in STYLES}


def qu_tone_positions(text: str) -> list[int]:
    """Positions of the tone marks that sit on the ``u`` of ``qu`` (``qủa``, ``qúy``).

    >>> qu_tone_positions("Qúy khách, quà")
    [1]
    """
    check_text(text)
    return [match.start() + 1 for match in _QU_TONED.finditer(text)]


def _suspect_words(text: str, style: str | None,
                   qu: list[int] | None = None) -> dict[int, tuple[int, str]]:
    """``start -> (end, word)`` for the words where a mark may be misplaced.

    The words that hold a place :data:`_MISPLACED` matches at, less those whose mark never
    moves (see :func:`_fast_misplacement_pattern`; ``qu`` are the positions
    :func:`qu_tone_positions` gives, when the caller has them already). A word followed
    by a combining mark NFC could not attach (``aì\u0301``) carries two marks: it is no
    syllable, and moving its tone could let that mark compose.
    """
    places = [match.start() for match in _fast_misplacement_pattern(style).finditer(text)]
    places.extend(qu_tone_positions(text) if qu is None else qu)
    size = len(text)
    if size and text[-1] in _SPLIT_TONE and _MISPLACED[style].match(text, size - 1):
        places.append(size - 1)
    if not places:
        return {}
    words: dict[int, tuple[int, str]] = {}
    places.sort()
    end = 0  # the end of the last run of letters read: a place before it is in that run
    for place in places:  # each a toned vowel: the bounds of its run of letters, inlined
        if place < end:
            continue  # (so each letter is read once: a long run costs no more than its length)
        start = place
        while start and text[start - 1].isalpha():
            start -= 1
        end = place + 1
        while end < size and text[end].isalpha():
            end += 1
        if end < size and unicodedata.category(text[end])[0] == "M":
            continue
        words[start] = (end, text[start:end])
    return words


def tone_fixes(text: str, *, style: str | None = "old",
               qu: list[int] | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, fixed word)`` for every word of NFC ``text`` whose mark moves.

    ``qu``: the result of :func:`qu_tone_positions` for ``text``, if the caller has it.

    >>> tone_fixes("hòa hợp, hoàng hôn", style="new")
    [(0, 3, 'hoà')]
    """
    check_text(text)
    words = _suspect_words(text, style, qu)
    if not words:
        return []
    changes = _FIXERS[style].changes({word for _, word in words.values()})
    if not changes:
        return []
    return [(start, end, changes[word]) for start, (end, word) in sorted(words.items())
            if word in changes]


def fix_tones(text: str, *, style: str | None = "old", qu: list[int] | None = None) -> str:
    """Put every tone mark of NFC ``text`` on the right vowel for ``style``.

    ``qu``: the result of :func:`qu_tone_positions` for ``text``, if the caller has it.

    >>> fix_tones("Thủy điện Hòa Bình", style="new")
    'Thuỷ điện Hoà Bình'
    """
    check_text(text)
    return _with_fixes(text, tone_fixes(text, style=style, qu=qu))


def _with_fixes(text: str, fixes: list[tuple[int, int, str]]) -> str:
    """``text`` with each ``(start, end, fixed word)`` of :func:`tone_fixes` put in."""
    if not fixes:
        return text
    pieces = []
    position = 0
    for start, end, fixed in fixes:
        pieces.append(text[position:start])
        pieces.append(fixed)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
