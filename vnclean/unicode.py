"""Vietnamese Unicode normalization as a cleaner: mojibake, invisibles, NFC, look-alikes, tones.

The work runs in layers, each a small pure step over the whole text: drop invisibles and
odd spaces outside Latin-1; NFC; repair mojibake runs (ftfy, only on runs with a telltale);
rewrite Latin-1 byte characters (NBSP, soft hyphen, controls, ``Ð``); NFC again (ftfy may
return NFD); mojibake repair and NFC once more, for runs a removed byte character had split
(``\\xadá»‡``); ``ð`` that starts a Vietnamese word; tone marks.
:meth:`NormalizeUnicode.apply` runs the layers on the whole text. One character-class scan
finds every character a layer acts on, including those that may make a text not NFC
(``unicode_chars.json`` lists them): text with none (most news text) goes straight to tone
placement; otherwise what the scan found decides which layer runs, and a layer's own
"anything to do?" check runs again only after a layer that may have brought new work. NFC
is computed only on the lines that need it (it never composes across a newline).
:meth:`NormalizeUnicode.find_edits` runs every layer, keeping their edits, and composes them
into small edits in the input's coordinates (edits of different layers that overlap become
one edit named after the most telling rule).

Line structure is kept, with one line end: ``\\r\\n`` and a lone ``\\r`` become ``\\n`` (as the
line separators ``\\v``, ``\\f``, U+2028 and U+2029 do), so every cleaner after it sees
``\\n`` line ends; ``\\n`` and ``\\t`` are never touched.
"""

from __future__ import annotations

import bisect
import difflib
import re
import sys
import unicodedata
from collections.abc import Callable
from typing import ClassVar

import regex

from ._core import Cleaner, Edit, StepMap, _to_original, apply_edits, changed_region
from ._data import LazyPattern, json_data
from .tones import (_QU_TONED, _TONED_U, STYLES, _with_fixes, fix_tones, is_vietnamese_word,
                    tone_fixes)

__all__ = ["NormalizeUnicode", "normalize_unicode", "RULES"]

#: Every rule this cleaner reports, most telling first (the name an overlap merge keeps).
RULES = (
    "unicode.mojibake",
    "unicode.legacy_tcvn3",
    "unicode.legacy_vni",
    "unicode.legacy_viscii",
    "unicode.tone_placement",
    "unicode.lookalike",
    "unicode.nfc",
    "unicode.invisible",
    "unicode.space",
    "unicode.line_break",
    "unicode.c1_control",
    "unicode.control",
    "unicode.surrogate",
)
_RULE_RANK = {rule: rank for rank, rule in enumerate(RULES)}

# A layer's edits: (start, end, replacement, rule) in the coordinates of the layer's input.
RawEdit = tuple[int, int, str, str]


# --- single characters ----------------------------------------------------------------


def _char_rules() -> tuple[dict[int, str | None], dict[str, str]]:
    """The ``str.translate`` table of single-character rewrites and each character's rule."""
    data = json_data("unicode_chars.json")
    table: dict[int, str | None] = {}
    rules: dict[str, str] = {}

    def add(code: int, replacement: str | None, rule: str) -> None:
        table[code] = replacement
        rules[chr(code)] = rule

    for hexcode in data["invisible"]:
        add(int(hexcode, 16), None, "unicode.invisible")
    for hexcode in data["space"]:
        add(int(hexcode, 16), " ", "unicode.space")
    for hexcode in data["line_break"]:
        add(int(hexcode, 16), "\n", "unicode.line_break")
    for hexcode in data["control"]:
        add(int(hexcode, 16), None, "unicode.control")
    for hexcode, letter in data["lookalike"].items():
        add(int(hexcode, 16), letter, "unicode.lookalike")
    for code in range(0x80, 0xA0):  # C1 controls: text decoded as Latin-1, not Windows-1252
        try:
            add(code, bytes([code]).decode("cp1252"), "unicode.c1_control")
        except UnicodeDecodeError:
            add(code, None, "unicode.control")
    return table, rules


_TRANSLATE, _CHAR_RULE = _char_rules()
# Two passes: characters no single byte becomes go before mojibake repair (so a zero-width
# space cannot hide a run), byte characters (NBSP, soft hyphen, C1, Ð) only after it, as
# they may be pieces of mojibake ("à" in UTF-8 read as cp1252 is "Ã" + NBSP).
_WIDE_CHARS = "".join(c for c in _CHAR_RULE if ord(c) > 0xFF or c in "\x0b\x0c")
_BYTE_CHARS = "".join(c for c in _CHAR_RULE if c not in _WIDE_CHARS)
_WIDE_CHAR = re.compile("[" + re.escape(_WIDE_CHARS) + "]")
_TRANSLATE_WIDE = {ord(c): _TRANSLATE[ord(c)] for c in _WIDE_CHARS}
_TRANSLATE_BYTE = {ord(c): _TRANSLATE[ord(c)] for c in _BYTE_CHARS}
_BYTE_CHAR_REWRITE = re.compile("[" + re.escape(_BYTE_CHARS) + "]")
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A zero-width joiner goes unless it joins two emoji (family and profession sequences).
_STRAY_JOINER = regex.compile(r"\u200d(?<![\p{Extended_Pictographic}\ufe0f\p{Emoji_Modifier}]"
                              r"\u200d(?=\p{Extended_Pictographic}))")


def _edits_for_chars(text: str, pattern: re.Pattern) -> list[RawEdit]:
    return [(m.start(), m.end(), _TRANSLATE[ord(m.group())] or "", _CHAR_RULE[m.group()])
            for m in pattern.finditer(text)]


def _wide_char_edits(text: str) -> list[RawEdit]:
    """One edit per invisible, odd space or line separator outside Latin-1, stray joiners."""
    edits = _edits_for_chars(text, _WIDE_CHAR)
    if "\u200d" in text:
        edits.extend((m.start(), m.end(), "", "unicode.invisible")
                     for m in _STRAY_JOINER.finditer(text))
        edits.sort()
    return edits


def _rewrite_wide_chars(text: str) -> str:
    """:func:`_wide_char_edits` applied: needed again after a mojibake repair, which may
    bring an invisible (``â€‹`` is a zero-width space)."""
    return _apply_raw(text, _wide_char_edits(text))


def _line_end_edits(text: str) -> list[RawEdit]:
    """Windows and old Mac line ends become ``\\n``: the ``\\r`` of ``\\r\\n`` goes, a lone
    ``\\r`` becomes ``\\n`` (what :func:`unify_line_ends` does, as edits)."""
    return [(m.start(), m.start() + 1, "" if m.end() - m.start() == 2 else "\n",
             "unicode.line_break") for m in _CARRIAGE_RETURN.finditer(text)]


def unify_line_ends(text: str) -> str:
    """``text`` with every ``\\r\\n`` and lone ``\\r`` turned into ``\\n``.

    >>> unify_line_ends("Hà Nội\\r\\nmưa to.\\rĐêm qua")
    'Hà Nội\\nmưa to.\\nĐêm qua'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


_CARRIAGE_RETURN = re.compile(r"\r\n?")


def _surrogate_edits(text: str) -> list[RawEdit]:
    """Surrogate code points no encoder can write (a ``\\ud83d\\ude00`` JSON escape read
    apart, bytes decoded with ``surrogateescape``): a high one before a low one becomes the
    character they encode, a lone one U+FFFD, the replacement character."""
    return [(m.start(), m.end(), fix_surrogates(m.group()), "unicode.surrogate")
            for m in _SURROGATES.finditer(text)]


def fix_surrogates(text: str) -> str:
    """``text`` with each surrogate pair joined and each lone surrogate made U+FFFD.

    >>> fix_surrogates("Vui \\ud83d\\ude00 quá \\udc9d")
    'Vui 😀 quá �'
    """
    if not _SURROGATES.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


_SURROGATES = re.compile("[\ud800-\udfff]+")


def _byte_char_edits(text: str) -> list[RawEdit]:
    """One edit per NBSP, soft hyphen, control character or ``Ð``."""
    return _edits_for_chars(text, _BYTE_CHAR_REWRITE)


def _replace_each(text: str, chars: frozenset[str], table: dict[int, str | None]) -> str:
    """``text`` with each of ``chars`` rewritten by ``table`` (known to be there): what
    the ``sub`` of the rewrite functions gives, as no replacement holds a key of its table."""
    for char in chars:
        text = text.replace(char, table[ord(char)] or "")
    return text


def rewrite_byte_chars(text: str) -> str:
    """NBSP to a space, soft hyphens and controls out, ``Ð`` into ``Đ``.

    >>> rewrite_byte_chars("Ðà\u00a0Nẵng")
    'Đà Nẵng'
    """
    if _BYTE_CHAR_REWRITE.search(text):  # few per text: sub beats translate on non-ASCII
        text = _BYTE_CHAR_REWRITE.sub(lambda m: _TRANSLATE_BYTE[ord(m.group())] or "", text)
    return text


# --- NFC --------------------------------------------------------------------------------

# NFC never composes across these units: letters, marks and digits together, or one other char.
_NFC_UNIT = regex.compile(r"[\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}\s]")


def nfc_unsafe_ranges() -> list[tuple[int, int]]:
    """Code point ranges of the characters without which a text is always NFC (this Unicode).

    A character is unsafe when its canonical combining class is not 0 (NFC may reorder it),
    NFC rewrites it even alone, or it may compose with what precedes it (the second
    character of a canonical pair, a Hangul medial or final jamo). Computed from
    ``unicodedata`` (a quarter of a second); ``unicode_chars.json`` keeps the result.

    >>> (0x0300, 0x034E) in nfc_unsafe_ranges()  # the combining diacritics, not CGJ
    True
    """
    codes = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))  # jamo: by algorithm
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.combining(char) or unicodedata.normalize("NFC", char) != char:
            codes.add(code)
        parts = unicodedata.decomposition(char).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            codes.add(int(parts[1], 16))
    ranges: list[tuple[int, int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return ranges


def _load_nfc_unsafe() -> list[tuple[int, int]]:
    data = json_data("unicode_chars.json")
    if data["nfc_unsafe_unicode_version"] != unicodedata.unidata_version:
        return nfc_unsafe_ranges()
    bounds = (item.split("-") for item in data["nfc_unsafe"])
    return [(int(b[0], 16), int(b[-1], 16)) for b in bounds]


def _char_class(ranges: list[tuple[int, int]]) -> str:
    """The inside of a regex character class holding ``ranges``, as escapes."""
    return "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)


def _bmp_and_astral(chars: set[str]) -> str:
    """A character class of ``chars`` (BMP characters) and every character outside the BMP.

    Written negated, as the BMP characters not in ``chars``: re then tests a character with
    one bitmap lookup, where the plain class needs the bitmap and then the astral range.
    """
    codes = sorted(ord(char) for char in chars)
    if codes and codes[-1] > 0xFFFF:
        raise ValueError("BMP characters only")
    gaps, start = [], 0
    for code in codes:
        if code > start:
            gaps.append((start, code - 1))
        start = code + 1
    if start <= 0xFFFF:
        gaps.append((start, 0xFFFF))
    return "[^" + _char_class(gaps) + "]"


_NFC_UNSAFE_RANGES = _load_nfc_unsafe()
_NFC_UNSAFE_CHARS = frozenset(chr(code) for a, b in _NFC_UNSAFE_RANGES for code in range(a, b + 1))
_NFC_UNSAFE_BMP = frozenset(char for char in _NFC_UNSAFE_CHARS if char <= "\uffff")
# Characters outside the BMP match as one range and are then looked up: a few dozen ranges
# would be tested for every character the BMP bitmap does not hold.
_NFC_SUSPECT = LazyPattern(_bmp_and_astral(_NFC_UNSAFE_BMP), compile=re.compile)


def _unsafe_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines (without their newline) that hold an NFC-unsafe character."""
    spans = []
    search = _NFC_SUSPECT.search
    match = search(text)
    while match is not None:
        char = match.group()
        if char > "\uffff" and char not in _NFC_UNSAFE_CHARS:  # an emoji, say
            match = search(text, match.end())
            continue
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        spans.append((text.rfind("\n", 0, match.start()) + 1, end))
        match = search(text, end)
    return spans


def _nfc_edits(text: str) -> list[RawEdit]:
    """One edit per word (letters, marks, digits) that NFC changes."""
    edits = []
    for line_start, line_end in _unsafe_lines(text):  # a word without one is NFC
        for match in _NFC_UNIT.finditer(text, line_start, line_end):
            unit = match.group()
            if unit.isascii():
                continue
            fixed = unicodedata.normalize("NFC", unit)
            if fixed != unit:
                edits.append((match.start(), match.end(), fixed, "unicode.nfc"))
    return edits


def compose_nfc(text: str) -> str:
    """NFC, computed only on the lines that hold a character that may not be NFC.

    NFC never reorders or composes across a newline (a starter that composes with nothing),
    so normalizing those lines alone gives what normalizing the whole text gives.

    >>> compose_nfc("Vie\\u0323\\u0302t\\nNam")
    'Việt\\nNam'
    """
    spans = _unsafe_lines(text)
    if not spans:
        return text
    pieces = []
    done = 0
    for start, end in spans:
        pieces.append(text[done:start])
        pieces.append(unicodedata.normalize("NFC", text[start:end]))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


# --- ð that starts a Vietnamese word ------------------------------------------------------

# Vietnamese đ only ever starts a syllable; Icelandic and IPA ð never does in this shape.
_ETH_WORD = regex.compile(r"(?<!\p{L})ð\p{L}*")


def _eth_edits(text: str) -> list[RawEdit]:
    """``ð`` → ``đ`` where the word then reads as one Vietnamese syllable."""
    if "ð" not in text:
        return []
    edits = []
    for match in _ETH_WORD.finditer(text):
        word = "đ" + match.group()[1:]
        if is_vietnamese_word(word):
            edits.append((match.start(), match.start() + 1, "đ", "unicode.lookalike"))
    return edits


# --- Đ whose second UTF-8 byte a cp1252 decode lost ------------------------------------------

# UTF-8 "Đ" is C4 90; cp1252 has no character for 0x90, so a lossy decode makes it "Ä" and
# U+FFFD. The lead C4 with a byte cp1252 lacks (81, 8D, 8F, 90, 9D) is one of ā č ď Đ ĝ, and
# of these only Đ is Vietnamese (đ is C4 91, "Ä‘", which ftfy repairs). Taken only where
# the word then reads as one Vietnamese syllable; any other U+FFFD stays as it is.
_LOST_D_WORD = regex.compile("(?<!\\p{L})\u00c4\ufffd\\p{L}*")


def _lost_d_edits(text: str) -> list[RawEdit]:
    """``Ä�`` → ``Đ`` where the word then reads as one Vietnamese syllable (``Ä�à`` →
    ``Đà``)."""
    if "\ufffd" not in text:
        return []
    edits = []
    for match in _LOST_D_WORD.finditer(text):
        if is_vietnamese_word("Đ" + match.group()[2:]):
            edits.append((match.start(), match.start() + 2, "Đ", "unicode.mojibake"))
    return edits


# --- mojibake -------------------------------------------------------------------------------


def _views(byte: int) -> list[str]:
    """The characters ``byte`` becomes decoded as Latin-1 and as cp1252 (one if they agree)."""
    views = [chr(byte)]
    try:
        cp1252 = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: browsers give the C1 control
        return views
    if cp1252 != views[0]:
        views.append(cp1252)
    return views


def _continuation_chars() -> str:
    """What UTF-8 continuation bytes 0x80-0xBF look like once decoded as cp1252 or Latin-1."""
    return "".join(sorted({view for byte in range(0x80, 0xC0) for view in _views(byte)}))


def _cp1252_chars() -> str:
    """Every character a byte becomes when decoded as cp1252 or Latin-1 (no separators)."""
    chars = {view for byte in range(256) for view in _views(byte)}
    return "".join(sorted(chars - set(" \t\r\n")))


_CONTINUATION = re.escape(_continuation_chars())
#: The lead capitals of mojibake (``Ä``, ``Å``, ``Æ`` only ever lead it; ``Â``, ``Ã``, ``Ì``,
#: ``Í`` start Vietnamese words too) and the rarer second characters of the literal telltales.
_MOJIBAKE_LEADS = "ÄÅÆ"
_LEADS = "ÂÃÌÍ"
_TELLTALE_SECONDS = "º»€"
#: Telltales of UTF-8 read as cp1252/Latin-1: a lead byte of Vietnamese letters, combining
#: marks or punctuation followed by a continuation byte.
_MOJIBAKE_TELLTALE = re.compile(rf"[{_LEADS}{_MOJIBAKE_LEADS}][{_CONTINUATION}]|á[º»]|â€")
# One scan for the rarer character of each telltale ("º" of "áº", "€" of "â€", the lead
# capitals), then a look back or ahead at its partner: "á" and "â" are common letters.
_TELLTALE_CHECK = re.compile(rf"[{_LEADS}{_MOJIBAKE_LEADS}{_TELLTALE_SECONDS}]"
                             rf"(?:(?<=[{_LEADS}{_MOJIBAKE_LEADS}])[{_CONTINUATION}]"
                             rf"|(?<=á[º»])|(?<=â€))")


def _has_mojibake(text: str) -> bool:
    """Cheap check: does any telltale of UTF-8 read as cp1252 occur?"""
    return _TELLTALE_CHECK.search(text) is not None
#: Characters the char layer makes into whitespace: they separate tokens like spaces do.
_SPACE_LIKE = "".join(c for c, r in _TRANSLATE.items() if r in (" ", "\n")
                      for c in [chr(c)]) + " \t"
#: Invisibles outside Latin-1: removed later, so a token may hold them (ftfy sees it without).
_INVISIBLE_WIDE = "".join(chr(c) for c, r in _TRANSLATE.items() if r is None and c > 0xFF)
_STRIP_INVISIBLE_WIDE = {ord(c): None for c in _INVISIBLE_WIDE + "\u200d"}
_TOKEN_CHAR = re.escape("".join(sorted(
    (set(_cp1252_chars()) | set(_INVISIBLE_WIDE + "\u200d\ufffd"))
    - set(_SPACE_LIKE + "\r\n"))))
#: What a UTF-8 lead byte (0xC2-0xF4) becomes decoded as cp1252 or Latin-1.
_LEAD_VIEWS = re.escape("".join(sorted({v for byte in range(0xC2, 0xF5) for v in _views(byte)})))
#: A UTF-8 sequence one of whose bytes a lossy decode made U+FFFD (``á»�`` of ``ờ``, ``ề``,
#: ``ọ``...): which letter it was is lost, so it is kept as it is, never guessed.
_BROKEN_SEQUENCE = re.compile(rf"[{_LEAD_VIEWS}]?[{_CONTINUATION}]{{0,2}}\ufffd+"
                              rf"[{_CONTINUATION}]{{0,2}}")
_SEP = re.escape(_SPACE_LIKE)
#: A run of whole tokens made only of characters a single byte can become (and invisibles),
#: with the NBSP that may end it (UTF-8 "à" is C3 A0).
_BYTE_RUN = LazyPattern(rf"(?<![^{_SEP}\r\n])[{_TOKEN_CHAR}]+(?:[{_SEP}]+[{_TOKEN_CHAR}]+)*"
                        rf"\xa0?(?![^{_SEP}\r\n])", compile=re.compile)


def _byte_runs(text: str, telltale: re.Pattern) -> list[tuple[int, int]]:
    """Spans of the byte-character runs that hold a telltale, whole tokens only.

    The telltales come in order, so each line's bounds are found once and its runs read
    once, from left to right (a long line full of telltales stays linear).
    """
    runs: list[tuple[int, int]] = []
    line_end = -1
    run = None  # the line's run at or after the last telltale
    pending = iter(())
    for match in telltale.finditer(text):
        at = match.start()
        if runs and at < runs[-1][1]:
            continue
        if at > line_end:  # a new line: its bounds, and its runs from its start
            line_start = text.rfind("\n", 0, at) + 1
            line_end = text.find("\n", match.end())
            line_end = len(text) if line_end < 0 else line_end
            pending = _BYTE_RUN.finditer(text, line_start, line_end)
            run = next(pending, None)
        while run is not None and run.end() <= at:
            run = next(pending, None)
        if run is not None and run.start() <= at:
            runs.append(run.span())
    return runs


def _ftfy_run(run: str) -> str:
    """ftfy's repair of one run, invisibles outside Latin-1 left out of its view."""
    import ftfy

    stripped = run.translate(_STRIP_INVISIBLE_WIDE)
    fixed = ftfy.fix_encoding(stripped)
    if fixed == stripped or _lowers_capitals(stripped, fixed):
        return run
    return fixed


def _lowers_capitals(run: str, fixed: str) -> bool:
    """A run in capitals (its ASCII letters, which no repair changes, all upper case) that
    the repair would give a small letter: Vietnamese in capitals, no mojibake (``XÃ\xa0NÓI``
    is ``XÃ NÓI``, not ``XàNÓI``; ``VIá»†T`` still becomes ``VIỆT``)."""
    letters = _ASCII_LETTERS.findall(run)
    return (bool(letters) and "".join(letters).isupper()
            and any(c.islower() for c in fixed if not c.isascii()))


_ASCII_LETTERS = re.compile(r"[A-Za-z]")


def _fix_mojibake(run: str, *, rounds: int = 3) -> str:
    """Repair a run, then the runs left in the repair, until nothing changes.

    ftfy judges a run as a whole and may fix part of it (``àá»‡ Ä‘`` → ``àệ Ä‘``); the
    rest is a run of its own, so repeating makes the result idempotent. When it refuses a
    run whole (``uì Æ°``), its tokens that show a telltale are tried one by one. A sequence
    that lost a byte to U+FFFD is kept and the pieces around it repaired
    (``ngÆ°á»�i`` → ``ngưá»�i``): ftfy would make it one ``�``, losing its lead bytes.
    """
    if "\ufffd" in run:
        return _around_broken(run, _fix_mojibake)
    fixed = _ftfy_run(run)
    if fixed == run:  # ftfy judged the run as a whole and refused: try its tokens alone
        fixed = _apply_raw(run, _run_edits(run, _telltale_tokens(run), _fix_token, "",
                                           align=False))
    for _ in range(rounds):
        if fixed == run or not _has_mojibake(fixed):
            break
        run = fixed
        edits = _run_edits(run, _byte_runs(run, _MOJIBAKE_TELLTALE), _ftfy_run, "",
                           align=False)
        fixed = _apply_raw(run, edits)
        if fixed == run:  # what ftfy refuses as runs, token by token
            fixed = _apply_raw(run, _run_edits(run, _telltale_tokens(run), _fix_token, "",
                                               align=False))
    return fixed


#: A token holding U+FFFD: tone placement leaves it as it is (``ngưá»�i``).
_BROKEN_TOKEN = re.compile(r"[^\s]*\ufffd[^\s]*")


def _around_broken(run: str, fixer: Callable[[str], str]) -> str:
    """``fixer`` applied to the pieces of ``run`` between its broken sequences, kept as is."""
    pieces, last = [], 0
    for match in _BROKEN_SEQUENCE.finditer(run):
        pieces += [fixer(run[last:match.start()]), match.group()]
        last = match.end()
    pieces.append(fixer(run[last:]))
    return "".join(pieces)


def _outside_broken_tokens(text: str, edits: list[tuple[int, int, str]]
                           ) -> list[tuple[int, int, str]]:
    """The ``edits`` (sorted, not overlapping) that touch no token of ``text`` holding
    U+FFFD (one bisection an edit, so a text full of both stays linear-logarithmic)."""
    broken = [m.span() for m in _BROKEN_TOKEN.finditer(text)]  # sorted, not overlapping
    ends = [end for _, end in broken]
    kept = []
    for edit in edits:
        k = bisect.bisect_right(ends, edit[0])  # the first broken token ending after it starts
        if k == len(broken) or broken[k][0] >= edit[1]:
            kept.append(edit)
    return kept


def _fix_token(token: str) -> str:
    """ftfy's repair of one token; when ftfy refuses it (a short token: ``má»›i``, ``Ná»™i``),
    its bytes decoded as UTF-8, kept only when they decode and every word is a Vietnamese
    syllable (``mới``, ``Nội``)."""
    fixed = _ftfy_run(token)
    if fixed != token:
        return fixed
    decoded = _strict_utf8(token)
    if decoded is None or decoded == token:
        return token
    words = _DECODED_WORD.findall(decoded)
    if words and all(is_vietnamese_word(word) for word in words):
        return decoded
    return token


def _strict_utf8(token: str) -> str | None:
    """``token``'s characters as the bytes cp1252 (or, for its gaps, Latin-1) made them,
    decoded as UTF-8; ``None`` when a character is no byte or the bytes are no UTF-8."""
    data = bytearray()
    for char in token:
        try:
            data += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return None
            data.append(ord(char))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


_DECODED_WORD = re.compile(r"[^\W\d_]+")


_TOKEN = re.compile(r"[^ \t]+")


def _telltale_tokens(run: str) -> list[tuple[int, int]]:
    """Spans of the space-separated tokens of ``run`` that show a mojibake telltale."""
    return [m.span() for m in _TOKEN.finditer(run) if _has_mojibake(m.group())]


def _shared_blank(a: str, b: str, direction: int) -> int:
    """Length of the spaces and tabs ``a`` and ``b`` share at their start (1) or end (-1)."""
    count = 0
    while (count < min(len(a), len(b))
           and a[count if direction > 0 else -1 - count] in " \t"
           and a[count if direction > 0 else -1 - count]
           == b[count if direction > 0 else -1 - count]):
        count += 1
    return count


#: Above this many tokens a run is aligned in linear time, not by difflib (quadratic).
_DIFFLIB_MAX_TOKENS = 200


def _aligned_edits(run: str, fixed: str, offset: int, rule: str) -> list[RawEdit]:
    """Edits turning ``run`` into ``fixed``, anchored on the tokens they share.

    Repairs usually keep the token count, so tokens pair up one to one; otherwise short
    runs are aligned by difflib and long ones get one edit between their common ends.
    """
    old = [m.span() for m in _TOKEN.finditer(run)]
    new = [m.span() for m in _TOKEN.finditer(fixed)]
    if len(old) == len(new):
        return _pairwise_edits(run, fixed, old, new, offset, rule)
    if len(old) + len(new) > _DIFFLIB_MAX_TOKENS:
        start, end, replacement = changed_region(run, fixed)
        return [(offset + start, offset + end, replacement, rule)]
    matcher = difflib.SequenceMatcher(None, [run[s:e] for s, e in old],
                                      [fixed[s:e] for s, e in new], autojunk=False)
    edits: list[RawEdit] = []
    old_pos = new_pos = 0
    for a, b, size in matcher.get_matching_blocks():
        old_end = old[a][0] if a < len(old) else len(run)
        new_end = new[b][0] if b < len(new) else len(fixed)
        before, after = run[old_pos:old_end], fixed[new_pos:new_end]
        if before != after:
            lead = _shared_blank(before, after, 1)
            trail = _shared_blank(before[lead:], after[lead:], -1)
            edits.append((offset + old_pos + lead, offset + old_end - trail,
                          after[lead : len(after) - trail], rule))
        if size:
            old_pos, new_pos = old[a + size - 1][1], new[b + size - 1][1]
    return edits


def _pairwise_edits(run: str, fixed: str, old: list[tuple[int, int]],
                    new: list[tuple[int, int]], offset: int, rule: str) -> list[RawEdit]:
    """Edits for the tokens (and the blanks between them) that differ, token i against i."""
    old_cuts = [0, *(p for span in old for p in span), len(run)]
    new_cuts = [0, *(p for span in new for p in span), len(fixed)]
    edits: list[RawEdit] = []
    for k in range(len(old_cuts) - 1):
        before = run[old_cuts[k]:old_cuts[k + 1]]
        after = fixed[new_cuts[k]:new_cuts[k + 1]]
        if before != after:
            edits.append((offset + old_cuts[k], offset + old_cuts[k + 1], after, rule))
    return edits


def _run_edits(text: str, spans: list[tuple[int, int]], fixer: Callable[[str], str],
               rule: str, *, align: bool = True) -> list[RawEdit]:
    """Edits for the runs ``fixer`` changes, one per stretch of changed tokens (``align``)
    or one per run (enough to apply them)."""
    edits: list[RawEdit] = []
    for start, end in spans:
        run = text[start:end]
        fixed = fixer(run)
        if fixed != run:
            if align:
                edits.extend(_aligned_edits(run, fixed, start, rule))
            else:
                edits.append((start, end, fixed, rule))
    return edits


# --- composing layers -------------------------------------------------------------------


class _Forward:
    """Maps positions of one layer's input that no edit straddles to its output."""

    def __init__(self, edits: list[RawEdit]):
        self.ends = [end for _, end, _, _ in edits]
        self.shifts = []
        shift = 0
        for start, end, replacement, _ in edits:
            shift += len(replacement) - (end - start)
            self.shifts.append(shift)

    def __call__(self, pos: int) -> int:
        i = bisect.bisect_right(self.ends, pos)
        return pos + (self.shifts[i - 1] if i else 0)


def _apply_raw(text: str, edits: list[RawEdit]) -> str:
    return apply_edits(text, [Edit(s, e, r) for s, e, r, _ in edits]) if edits else text


def _compose(original: str, layers: list[Callable[[str], list[RawEdit]]]) -> list[RawEdit]:
    """Run the layers in order and return their changes as disjoint edits of ``original``."""
    text = original
    back_maps: list[StepMap] = []
    forwards: list[_Forward] = []
    spans: list[tuple[int, int, str]] = []
    for layer in layers:
        edits = layer(text)
        if not edits:
            continue
        for start, end, _, rule in edits:
            spans.append((*_to_original(back_maps, start, end), rule))
        back_maps.append(StepMap(Edit(s, e, r) for s, e, r, _ in edits))
        forwards.append(_Forward(edits))
        text = _apply_raw(text, edits)
    if not spans:
        return []
    spans.sort()
    merged: list[list] = []
    for start, end, rule in spans:
        if merged and (start < merged[-1][1] or start == end == merged[-1][1]
                       or start == merged[-1][0]):
            last = merged[-1]
            last[1] = max(last[1], end)
            if _RULE_RANK[rule] < _RULE_RANK[last[2]]:
                last[2] = rule
        else:
            merged.append([start, end, rule])

    def forward(pos: int) -> int:
        for step in forwards:
            pos = step(pos)
        return pos

    return [(start, end, text[forward(start) : forward(end)], rule)
            for start, end, rule in merged]


# --- the "anything to do?" gate ---------------------------------------------------------------

# Every character a layer before tone placement may act on: the single-character rewrites,
# the zero-width joiner, ``ð``, the letters that only ever lead mojibake (``Ä``, ``Å``,
# ``Æ``) and the second characters of the literal telltales (``º``, ``»``, ``€``).
_GATE_CHARS = _WIDE_CHARS + _BYTE_CHARS + "\u200dð" + _MOJIBAKE_LEADS + _TELLTALE_SECONDS
# ``Â``, ``Ã``, ``Ì``, ``Í`` are capitals of Vietnamese words too: only with a continuation
# byte after them. Characters that may not be NFC are in the gate too, so one scan (one
# character class first: re scans for it in C) replaces ``unicodedata.is_normalized``;
# characters outside the BMP are all let through and looked up one by one.
_SURROGATE_CHARS = frozenset(map(chr, range(0xD800, 0xE000)))
_ACTED_ON = set(_GATE_CHARS) | _NFC_UNSAFE_BMP | _SURROGATE_CHARS  # and all outside the BMP
# The same scan finds the tone marks on the ``u`` of ``qu`` for tone placement (see
# tones._QU_TONED). Each branch but the last opens with a class on the next character,
# so a "q" before a plain "u" costs two class tests.
_NEEDS_LAYERS = re.compile(rf"{_bmp_and_astral(_ACTED_ON | set(_LEADS + 'qQ'))}"
                           rf"(?:[{_TONED_U}](?<=[qQ].)|[{_CONTINUATION}](?<=[{_LEADS}].)"
                           rf"|(?<={_bmp_and_astral(_ACTED_ON)}))", re.DOTALL)
# What the findings of _NEEDS_LAYERS tell the layers (see NormalizeUnicode._repair).
_WIDE_SET = frozenset(_WIDE_CHARS)
_BYTE_SET = frozenset(_BYTE_CHARS)
_TELLTALE_HINTS = frozenset(_MOJIBAKE_LEADS + _TELLTALE_SECONDS + _LEADS)  # a telltale has one
# Byte characters replaced by one that no telltale holds, nothing removed: the rewrite
# cannot join the two characters of a telltale. Both they and what replaces them are
# starters that compose with no mark, so the rewrite cannot change NFC either.
_QUIET_BYTES = frozenset("\u00a0Ð")


def _gate(text: str) -> tuple[list[int], int]:
    """Where tone marks sit on the ``u`` of ``qu`` (:func:`vnclean.tones.qu_tone_positions`),
    up to the first thing a layer before tone placement acts on, and where that is (-1:
    nowhere, only tone placement may change ``text``)."""
    qu = []
    for match in _NEEDS_LAYERS.finditer(text):
        found = match.group()
        if found[0] in "qQ":
            qu.append(match.start() + 1)
        elif found < "\U00010000" or found in _NFC_UNSAFE_CHARS:  # not an emoji, say
            return qu, match.start()
    return qu, -1


def _telltale_at_a_fix(toned: str, fixes: list[tuple[int, int, str]]) -> bool:
    """Whether a mojibake telltale starts in a word :func:`vnclean.tones.tone_fixes` fixed
    or right after it (searched up to the character after each word): when the text before
    the fixes had none (the gate let it through), what :func:`_has_mojibake` of ``toned``
    gives.

    >>> _telltale_at_a_fix("HOÃ… và", [(0, 3, "HOÃ")])
    True
    >>> _telltale_at_a_fix("HOÀ… và", [(0, 3, "HOÀ")])
    False
    """
    search = _TELLTALE_CHECK.search
    return any(search(toned, start, end + 1) for start, end, _ in fixes)


def _only_tones_to_do(text: str) -> bool:
    """True when every layer but tone placement would leave ``text`` as it is.

    >>> _only_tones_to_do("Hòa bình"), _only_tones_to_do("Hòa\u00a0bình")
    (True, False)
    """
    return _gate(text)[1] < 0


# --- the cleaner --------------------------------------------------------------------------


class NormalizeUnicode(Cleaner):
    """Rewrite text to clean NFC Vietnamese with tone marks where they belong.

    Repairs mojibake (``Viá»‡t`` → ``Việt``, with ftfy, only on the runs that show it),
    removes invisibles and controls, makes odd spaces plain, composes NFC, turns look-alike
    ``Ð``/``ð`` into ``Đ``/``đ``, and places tone marks (``tone_style="old"``: ``hòa``,
    ``"new"``: ``hoà``, ``None``: either, but misplaced marks are fixed whatever the
    style). ``legacy_encodings=True`` first converts runs typed in TCVN3, VNI or VISCII and
    read as cp1252/Latin-1 (``ViÖt`` → ``Việt``; :mod:`vnclean.legacy`).

    >>> normalize_unicode("Vie\\u0323\\u0302t Nam, ngừơi Ðà\\u00a0Nẵng hòan thành")
    'Việt Nam, người Đà Nẵng hoàn thành'
    >>> normalize_unicode("Hòa bình", tone_style="new")
    'Hoà bình'
    """

    name: ClassVar[str] = "normalize_unicode"
    kind: ClassVar[str] = "unicode"
    defaults: ClassVar[dict] = {"tone_style": "old", "legacy_encodings": False}

    def __init__(self, **options):
        super().__init__(**options)
        if self.options["tone_style"] not in STYLES:
            raise ValueError("tone_style must be 'old', 'new' or None, "
                             f"not {self.options['tone_style']!r}")
        if not isinstance(self.options["legacy_encodings"], bool):
            raise ValueError("legacy_encodings must be True or False, "
                             f"not {self.options['legacy_encodings']!r}")
        self._style = self.options["tone_style"]

    # Layers, each returning edits in the coordinates of the text it reads.

    def _run_layer(self, text: str) -> list[RawEdit]:
        return self._mojibake_edits(text) if _has_mojibake(text) else []

    @staticmethod
    def _mojibake_edits(text: str, *, align: bool = True) -> list[RawEdit]:
        return _run_edits(text, _byte_runs(text, _MOJIBAKE_TELLTALE), _fix_mojibake,
                          "unicode.mojibake", align=align)

    def _tone_layer(self, text: str, qu: list[int] | None = None) -> list[RawEdit]:
        edits = tone_fixes(text, style=self._style, qu=qu)
        if "\ufffd" in text:  # a word with a lost byte is no word to re-place marks in
            edits = _outside_broken_tokens(text, edits)
        return [(start, end, fixed, "unicode.tone_placement") for start, end, fixed in edits]

    def _place_tones(self, text: str, qu: list[int] | None) -> str:
        if "\ufffd" in text:
            return _apply_raw(text, self._tone_layer(text, qu))
        return fix_tones(text, style=self._style, qu=qu)

    def _legacy_layer(self, text: str) -> list[RawEdit]:
        from .legacy import raw_legacy_edits  # only imported when legacy_encodings=True

        return raw_legacy_edits(text)

    def _layers(self) -> list[Callable[[str], list[RawEdit]]]:
        legacy = [self._legacy_layer] if self.options["legacy_encodings"] else []
        return legacy + [_surrogate_edits, _line_end_edits, _wide_char_edits, _nfc_edits,
                         self._run_layer, _wide_char_edits, _byte_char_edits, _nfc_edits,
                         self._run_layer, _wide_char_edits, _nfc_edits, _eth_edits,
                         _lost_d_edits, self._tone_layer, *self._after_tone_layers()]

    def _after_tone_layers(self) -> list[Callable[[str], list[RawEdit]]]:
        # A tone fix can make a mojibake token whole bytes ("á»‡qũa" -> "á»‡quã"), which
        # only then repairs; what the repair brings is composed and toned again.
        return [self._run_layer, _wide_char_edits, _nfc_edits, _eth_edits, self._tone_layer]

    def _settle_after_tones(self, before: str, toned: str) -> str:
        """``toned`` run through :meth:`_after_tone_layers` when tone placement changed
        something and a mojibake telltale is left (else there is nothing for them to do)."""
        if toned == before or not _has_mojibake(toned):
            return toned
        for layer in self._after_tone_layers():
            toned = _apply_raw(toned, layer(toned))
        return toned

    def find_edits(self, text: str) -> list[Edit]:
        # Every layer, with no gate: the reference that tests hold apply's fast path to.
        return [Edit(start, end, replacement, cleaner=self.name, rule=rule, kind=self.kind)
                for start, end, replacement, rule in _compose(text, self._layers())]

    def apply(self, text: str) -> str:
        if self.options["legacy_encodings"]:
            text = _apply_raw(text, self._legacy_layer(text))
        text = unify_line_ends(text)
        if text.isascii():
            if _ASCII_CONTROL.search(text):
                return text.translate(_TRANSLATE)
            return text
        qu, first = _gate(text)
        telltale_free = True  # the gate saw no telltale, nor any of its rarer characters
        if first >= 0:  # most documents (NFC, no odd character, no mojibake) skip this
            text, qu, telltale_free = self._repair(text, first, qu)
        if telltale_free and "\ufffd" not in text:
            return self._place_tones_alone(text, qu)
        return self._settle_after_tones(text, self._place_tones(text, qu))

    def _place_tones_alone(self, text: str, qu: list[int] | None) -> str:
        """:meth:`_place_tones` and :meth:`_settle_after_tones` for a text known to hold
        no mojibake telltale, nor U+FFFD.

        A tone fix changes only letters of a Vietnamese syllable, none of them a
        continuation character: a telltale in the result is a capital the fix made or left
        (``Ã``, ``Â``) at the end of a fixed word, before a continuation character. So only
        the fixed words are searched (see :func:`_telltale_at_a_fix`), not the whole text.
        """
        fixes = tone_fixes(text, style=self._style, qu=qu)
        if not fixes:
            return text
        toned = _with_fixes(text, fixes)
        if _telltale_at_a_fix(toned, fixes):
            return self._settle_after_tones(text, toned)
        return toned

    def _repair(self, text: str, first: int,
                qu: list[int]) -> tuple[str, list[int] | None, bool]:
        """Every layer of :meth:`find_edits` but tone placement, in its order; where the
        result's tone marks sit on the ``u`` of ``qu``, when that is known; and whether the
        result is known to hold no mojibake telltale (every repair but the last leaves a
        text a check found none in, or one the scan shows none could form in).

        One scan lists the characters the layers act on (the gate's, from ``first`` where
        it stopped; ``qu``: what it found before). A layer runs only when they show it has
        something to do, and its "anything to do?" check runs again only after a layer that
        may have brought new work (mojibake repair may bring any character).
        """
        chars: frozenset[str] | None = frozenset("".join(_NEEDS_LAYERS.findall(text, first)))
        if not chars.isdisjoint(_SURROGATE_CHARS):  # the first layer, as in find_edits
            text = fix_surrogates(text)  # (what it brings is after ``first``)
            chars = frozenset("".join(_NEEDS_LAYERS.findall(text, first)))
        more_qu = "q" in chars or "Q" in chars  # a mark on the u of qu after ``first``
        original = text
        if "\u200d" in chars:  # judged on the text as it came, as _wide_char_edits does
            text = _STRAY_JOINER.sub("", text)
        text = _replace_each(text, chars & _WIDE_SET, _TRANSLATE_WIDE)  # odd spaces, invisibles
        unsafe = not chars.isdisjoint(_NFC_UNSAFE_CHARS)
        composed = compose_nfc(text) if unsafe else text
        nfc_changed = composed != text
        text = composed
        # Unchanged text holds a telltale only if the scan saw one of its characters.
        if ((text != original or not chars.isdisjoint(_TELLTALE_HINTS))
                and _has_mojibake(text)):
            text = _apply_raw(text, self._mojibake_edits(text, align=False))
            chars = None
        if chars is None:  # the repair may bring any character, an invisible too
            text = compose_nfc(rewrite_byte_chars(_rewrite_wide_chars(text)))
            recheck = True
        else:  # the byte characters are those the scan saw: nothing since could add one
            found = chars & _BYTE_SET
            recheck = False
            if found:
                text = _replace_each(text, found, _TRANSLATE_BYTE)  # rewrite_byte_chars
                # A removal may join the two characters of a telltale, or a letter and a
                # mark; NBSP and Ð become characters that take part in neither either.
                recheck = not found <= _QUIET_BYTES
                if recheck and unsafe:
                    composed = compose_nfc(text)
                    nfc_changed = nfc_changed or composed != text
                    text = composed
        telltale_free = True  # a check found none, or none could form (no repair since)
        if recheck and _has_mojibake(text):  # a byte character that split a run: "\xadá»‡"
            text = compose_nfc(_rewrite_wide_chars(
                _apply_raw(text, self._mojibake_edits(text, align=False))))
            chars = None
            telltale_free = False
        if "ð" in text:
            text = _apply_raw(text, _eth_edits(text))  # one character for one, never a telltale's
        if "\ufffd" in text and (lost_d := _lost_d_edits(text)):
            return _apply_raw(text, lost_d), None, False  # two characters for one: qu moved
        # The rewrites of single characters put one for one or remove: with NFC out of
        # play, an unchanged length means every character kept its position (the first
        # rewritten is at ``first``, so marks on qu before it are the gate's).
        if chars is None or nfc_changed or len(text) != len(original):
            return text, None, telltale_free
        if more_qu:  # from the "q" before ``first`` on (a rewrite may have made its "u")
            qu = qu + [m.start() + 1 for m in _QU_TONED.finditer(text, max(first - 1, 0))]
        return text, qu, telltale_free


normalize_unicode = NormalizeUnicode()
