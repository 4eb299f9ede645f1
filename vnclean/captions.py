"""Remove photo and video captions and credits: ``remove_photo_captions``.

Captions are the largest kind of boilerplate in scraped Vietnamese news: a credit
(``Ảnh: Mạnh Quân``, ``(Ảnh: Reuters)``, ``Video: ...``, ``- Ảnh 1.``) and the scene sentence
it belongs to, on their own line or glued into a flattened body. The cleaner classifies in
two passes, as jusText does: first every marker candidate found by ONE compiled regex pass is
labelled from its own line, then the document decides (a photo story keeps its caption
sentences and loses only the credits; a block the scraper repeated verbatim loses its first
copies; a short unmarked scene line between long paragraphs goes only with strong cues).
``remove_repeated_blocks`` applies the repeat rule again to the text the later cleaners
leave (the default pipeline runs it after the bylines).
Word lists live in ``vnclean/data/captions_*.txt`` and tuned numbers in ``captions.json``.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import accumulate, chain, compress, count, islice, pairwise, repeat
from operator import attrgetter, eq
from typing import ClassVar, NamedTuple

import regex

from ._core import Edit
from ._data import (LazyPattern, alternation, compile_named, json_data, named_list,
                    tab_entries, trie, word_list, word_set)
from .bylines import agency_names
from .nav import is_menu_item
from .tones import is_vietnamese_word
from .blocks import (CAPITALS, LAST_NON_BLANK, STRIPPED_CHARS, STRIPPED_CLASS,
                     BoilerplateCleaner, Label, SettlingCleaner, TextMemo, blank_before,
                     expand_forms, last_non_space_end, literal_places, merge_labels)
from .blocks import line_end as _line_end

__all__ = ["RemovePhotoCaptions", "RemoveRepeatedBlocks", "remove_photo_captions",
           "remove_repeated_blocks"]

KIND = "caption"
_SETTINGS: dict = json_data("captions.json")

_HSPACE = r"[^\S\n]"
#: The marks a title may end with that its alt copy keeps before a dashless photo number
#: (``Vì sao cầu sập? Ảnh 1``): captions_alt_artefacts.json's title_end_marks.
_TITLE_END_MARKS = json_data("captions_alt_artefacts.json")["title_end_marks"]
_TITLE_END = "[" + "".join(regex.escape(c) for c in _TITLE_END_MARKS) + "]"

# ---------------------------------------------------------------------------------------------
# Patterns, compiled once. Every repeat is bounded or possessive, so none can backtrack badly.
# ---------------------------------------------------------------------------------------------


def _lower_first(entries: tuple[str, ...]) -> tuple[str, ...]:
    """Entries plus their lower-case-first spellings (``Ảnh`` → ``ảnh``), for parentheses."""
    return tuple(dict.fromkeys(entries + tuple(e[:1].lower() + e[1:] for e in entries)))


def _holds_keyword(head: str) -> bool:
    """Whether the marker keyword scan finds ``head`` (``captions_keywords.txt``)."""
    return any(k.lower() in head.lower() for k in word_list("captions_keywords.txt"))


#: The described heads the keyword scan finds (``Ảnh trên``), read by the marker regex, and
#: those it does not (``Biểu đồ``, ``Bảng``): found from the colons (:func:`_colon_heads`).
_KEYED_HEADS = tuple(h for h in word_list("captions_described_heads.txt") if _holds_keyword(h))
_UNKEYED_HEADS = tuple(h for h in word_list("captions_described_heads.txt")
                       if not _holds_keyword(h))


def _marker_pattern() -> LazyPattern:
    """Every marker as one alternation of named groups: the source :data:`_MARKER_NEAR`
    holds (a scan reads it there, anchored near a keyword), compiled only if it is used on
    its own (tests), not at import."""
    heads = word_list("captions_credit_heads.txt")
    bare = word_list("captions_bare_markers.txt")
    described = _KEYED_HEADS
    paren_heads = named_list(_lower_first(heads + bare))
    dashed_bare = named_list(tuple(e for e in _lower_first(bare) if e not in bare))
    return LazyPattern(
        rf"""
        (?P<paren>\({_HSPACE}{{0,3}}(?![Tt]hực{_HSPACE}hiện{_HSPACE}*+\))(?:{paren_heads})(?!\p{{L}})
            [^()\n]{{0,120}}+(?:\([^()\n]{{0,60}}+\)(?:(?=\p{{Lu}}\p{{Ll}})|[^()\n]{{0,60}}+))?+
            (?:\)|\n{_HSPACE}*+(?=[^()\n]{{1,40}}+\)[.,;]?+{_HSPACE}*+$)[^()\n]{{1,40}}+\))?+)
        | (?P<numbered>[-–]{_HSPACE}{{0,3}}Ảnh{_HSPACE}{{1,3}}\d{{1,3}}\.?+(?={_HSPACE}*+$|\p{{Lu}})
            | (?<=\p{{Ll}}{_TITLE_END}{{0,2}}{_HSPACE})Ảnh{_HSPACE}{{1,3}}\d{{1,3}}(?={_HSPACE}*+$)
            | ^{_HSPACE}*+Ảnh{_HSPACE}{{1,3}}\d{{1,3}}\.?+(?={_HSPACE}*+$))
        | (?P<alt_numbered>(?<![\p{{L}}])(?:hinh[ ]anh|(?<=\S{_HSPACE})(?<!hình{_HSPACE})ảnh)
            {_HSPACE}\d{{1,3}}(?={_HSPACE}*+$))
        | (?P<bare>(?:(?<![\p{{Lu}}\p{{Lt}}\p{{N}}])(?:{named_list(bare)})
            |(?<=\S{_HSPACE})[-–]{_HSPACE}{{1,3}}(?:{dashed_bare}))(?!{_HSPACE}*+\p{{Ll}}))
        | (?P<described>^{_HSPACE}*+(?:Ảnh{_HSPACE}{{1,3}}\d{{1,2}}
            |(?:{named_list(described)})(?:{_HSPACE}{{1,3}}\d{{1,2}})?+){_HSPACE}*+:)
        | (?P<clip>(?<![\p{{L}}])(?:XEM[ ]CLIP|Xem[ ]clip|XEM[ ]VIDEO|Xem[ ]video){_HSPACE}{{0,3}}:)
        | (?P<colon>(?:(?<![\p{{Lu}}\p{{Lt}}\p{{N}}])|(?<=\p{{Lu}})(?=\p{{Lu}}\p{{Ll}}))(?:{named_list(heads)})(?:{_HSPACE}*+\n)?{_HSPACE}*+:)
        | (?P<dashed>^{_HSPACE}*+(?:Ảnh|ẢNH|Video|Clip){_HSPACE}++[-–]{_HSPACE}++
            (?=\p{{Lu}}[^\n]{{0,40}}$))
        | (?P<named>(?<=[.!?]{_HSPACE}{{0,3}})Ảnh{_HSPACE}
            (?:(?:{named_list(tuple(_SETTINGS["named_credit_joiners"]))}){_HSPACE})?+
            (?=\p{{Lu}})(?!Hưởng))
        | (?P<provided>(?<![\p{{L}}])(?:Ảnh|Hình|Video|Clip){_HSPACE}do{_HSPACE}[^\n().]{{1,50}}?
            {_HSPACE}cung{_HSPACE}cấp(?={_HSPACE}*+\.?+{_HSPACE}*+(?:$|\p{{Lu}})))
        """,
        regex.V1 | regex.MULTILINE | regex.VERBOSE,
    )


_MARKERS = _marker_pattern()
#: A class of the characters every marker starts with, but alt_numbered's ("hinh anh 2",
#: "... ảnh 1").
_MARKER_FIRST = "[" + "".join(regex.escape(c) for c in sorted(
    {"(", "-", "–", "X", "Ả"} | {e[0] for e in word_list("captions_credit_heads.txt")
                                 + word_list("captions_bare_markers.txt") + _KEYED_HEADS})) + "]"
_FIRST_CHAR = re.compile(_MARKER_FIRST)  # literal characters: stdlib re, cheaper per call
#: The marker regex anchored near a keyword: up to window_back_chars before it, leftmost
#: first. The lookahead skips, in C, the positions where no marker can start.
#: The lowercase alt text a CMS puts after a photo's title, closing its line (``6 Bí thư
#: Tỉnh ủy được điều động ảnh 1``, alt_numbered's), and where it stands in the text: where
#: :func:`_marker_near` must ask the pattern.
_ALT_TAIL = r"ảnh[ \t]\d{1,3}[ \t]*"
_ALT_AT_END = re.compile(rf"[ \t]{_ALT_TAIL}(?:\n|\Z)")
_MARKER_NEAR = LazyPattern(
    rf"(?s:.){{0,{_SETTINGS['window_back_chars']}}}?(?={_MARKER_FIRST}|hinh[ ]anh"
    rf"|{_ALT_TAIL}$)"
    rf"(?:{_MARKERS.pattern})",
    regex.V1 | regex.MULTILINE | regex.VERBOSE)
#: Every marker contains one of these literals (case-insensitive); see _markers.
_KEYWORD_LITERALS = tuple(dict.fromkeys(k.lower() for k in word_list("captions_keywords.txt")))
_KEYWORDS = tuple(regex.compile(rf"(?i){regex.escape(k)}", regex.V1) for k in _KEYWORD_LITERALS)
#: The keywords that open with ``ả`` (``ảnh``, ``ảɴʜ``) are found by ONE stdlib ``re`` scan
#: that skips in C to each ``ả`` (``str.find`` tests a needle's last letter first, and ``h``
#: is everywhere); the other keywords by ``str.find``. Neither of the two overlaps itself or
#: the other, so the scan finds every start the ``find`` loops would.
_RARE_HEAD = "ả"
_RARE_HEAD_KEYWORDS = re.compile("|".join(
    re.escape(k) for k in _KEYWORD_LITERALS if k.startswith(_RARE_HEAD)))
_FOUND_KEYWORDS = tuple(k for k in _KEYWORD_LITERALS if not k.startswith(_RARE_HEAD))

# A paren that only points inside the picture, "(ảnh sau)", "(ảnh giữa)", is story text.
_PAREN_REFERENCE = regex.compile(
    r"\(\s*ảnh\s+(?:sau|trên|dưới|giữa|trái|phải|bên|nhỏ|lớn|đầu|cuối|\d)", regex.V1)
# "(ảnh)" alone: the writer pointing at the photo, no credit naming anyone.
_BARE_PHOTO_POINTER = regex.compile(r"\(\s*ảnh\s*\)", regex.V1 | regex.IGNORECASE)

# One token of a credit name: "Mạnh", "N.K.", "@bendua71", "AFP/TTXVN", "FB", "24h".
_NAME_TOKEN = r"(?:[\p{Lu}@\d][\p{L}\p{N}.'’&_@/+-]{0,40}+)"
_CREDIT_ENDERS = named_list(word_list("captions_credit_enders.txt"))
_STARTERS = word_set("captions_sentence_starters.txt")
_AGENCIES = word_set("captions_agencies.txt")
_PLATFORMS = word_set("captions_platforms.txt")
#: A Vietnamese personal name's syllables, and the places and offices shaped like names.
_NAME_SYLLABLES = word_set("bylines_name_syllables.txt")
_NOT_NAMES = word_set("bylines_not_names.txt")
_FAMILY_NAMES = word_set("captions_family_names.txt")
_CREDIT_NAME = LazyPattern(
    rf"""{_HSPACE}*+
    (?:(?P<ended>(?:[\p{{L}}\p{{N}}.]{{1,20}}+{_HSPACE}){{0,4}}?(?:{_CREDIT_ENDERS}))(?!\p{{L}})
     | (?P<name>{_NAME_TOKEN}(?:{_HSPACE}{{1,2}}(?:[-–/&,]{_HSPACE}{{0,2}})?{_NAME_TOKEN}){{0,7}}+))
    """,
    regex.V1 | regex.VERBOSE,
)
#: A rest that ends with one of these (then only ``.`` and spaces) is all credit.
_CREDIT_ENDER_WORDS = tuple(word_list("captions_credit_enders.txt"))
_NAME_TOKEN_RE = regex.compile(_NAME_TOKEN, regex.V1)
#: A credit ender right after a credit's name (``tinbien.com cung cấp``), as a whole word.
_ENDER_AFTER = regex.compile(r"[ \t]++(?:%s)(?![\p{L}\d])" % alternation(_CREDIT_ENDER_WORDS),
                             regex.V1)
# A sentence glued after a credit: a word of two letters or more, ".", then a capitalised
# word ("TTXVN.Ông", "Hồng Nhung.Nông dân"); an initial's dot is the name's ("Q.Huy"), and
# so is the dot of a handle or path ("Instagram/Ishida.Takato", "@ishida.Takato").
_GLUED_SENTENCE = regex.compile(r"(?<![/@_][^\s/@_]*+)(?<=\p{L}\p{L})\.(?=\p{Lu}\p{Ll})", regex.V1)
# A credit name run into the next paragraph's first word with no space, a scraper's join:
# a lowercase letter, then a word that opens sentences (captions_sentence_starters.txt) and
# ends there ("T.TrTheo đó, ..."); a brand's inner capital opens no such word ("VnExpress").
_STARTER_AHEAD = r"(?=(?:%s)(?!\p{L}))" % alternation(tuple(_STARTERS))
_GLUED_STARTER = regex.compile(r"(?<=\p{Ll})" + _STARTER_AHEAD, regex.V1)
#: A credit name of one to four words that runs so into the next paragraph (``T.TrTheo``;
#: tried only when the name reads as none, so compiled at its first use).
#: The source's name after ``Ảnh nguồn`` (``named_credit_joiners``) up to its full stop,
#: a capital or the line's end after it: such a credit needs no line of its own
#: (``... (khóa 2020-2025). Ảnh nguồn TTXVN. Đại hội ...`` in a flattened body).
_JOINED_NAME = regex.compile(r"([^\n.!?]{1,40}?)\.(?=[ \t]++\p{Lu}|[ \t]*+(?:\n|$))", regex.V1)
_GLUED_NAME = LazyPattern(
    r"(?:\p{Lu}[\p{L}.]{0,20}+[ \t]){0,3}\p{Lu}[\p{L}.]{0,20}?(?<=\p{Ll})" + _STARTER_AHEAD,
    regex.V1)
# A credit's acronym run into the next paragraph's first word with no space: two capitals or
# more, then a capitalised Vietnamese word ("Video: IDFĐường hầm ..."): the word is the story's.
_GLUED_ACRONYM = regex.compile(r"(?<=\p{Lu}\p{Lu})(?=\p{Lu}\p{Ll})", regex.V1)
_WORD_AT = regex.compile(r"\p{L}*+")
_NAME_TAIL = regex.compile(rf"{_HSPACE}*+\.?+(?=\s|$)|{_HSPACE}*+\.(?=\p{{Lu}})", regex.V1)
_NEXT_WORD = regex.compile(rf"{_HSPACE}*+([\p{{L}}\p{{N}}]*)", regex.V1)

# Sentence ends: a terminal mark (and closing quotes) then space, or glued to a capital
# (not an abbreviation's dot: "TP.HCM", "Q.Bình Thạnh"; not a lone capital's, an initial's,
# but a temperature's unit after "độ" is no initial: "âm 2 độ C. Người dân ...").
_SENTENCE_END = regex.compile(
    r"(?<!(?<![\p{L}])(?<!độ[ ])\p{Lu})[.!?…]+[\"”’)]*(?:[^\S\n]++(?!\p{Ll}(?!\p{Lu}))"
    r"|(?<!\p{Lu}\.)(?=[\"“]?\p{Lu})|$)",
    regex.V1)


def _holds_two_sentences(text: str) -> bool:
    """Whether a sentence ends in ``text`` before its last (trailing spaces and end marks
    aside): two sentences or more.

    >>> _holds_two_sentences("Mưa lớn. Phố ngập."), _holds_two_sentences("Mưa lớn ở Hà Nội.  ")
    (True, False)
    """
    return _SENTENCE_END.search(text.rstrip().rstrip(".!?…")) is not None


# Paragraph seams of a flattened body: a sentence end glued to the next paragraph's capital.
_GLUE = regex.compile(r"(?<=[\p{Ll}\d)\"”][.!?…][\"”]?|[\p{Ll}][\"”])(?=\p{Lu}\p{Ll})", regex.V1)
#: The same, read from the end: its first match is the last of ``_GLUE.finditer``.
_LAST_GLUE = regex.compile(_GLUE.pattern, regex.V1 | regex.REVERSE)
_SENTENCE_SPLIT = regex.compile(r"[.!?…\n]++\s*+", regex.V1)
_WORD = regex.compile(r"[\p{L}\p{N}]++", regex.V1)
_LETTER = regex.compile(r"\p{L}", regex.V1)


def _trailing_separator_start(head: str) -> int:
    """Where the run of spaces (not newlines) and ``-–|,:`` that ends ``head`` starts
    (``str.rstrip`` reads from the end: a ``...*+$`` regex search would retry at every
    position, quadratic in a long run)."""
    return len(head.rstrip(_SEPARATOR_TAIL))



def _scene_cues() -> tuple[regex.Pattern, frozenset[str], re.Pattern]:
    """One pattern for every scene cue, the set of strong ones, and the cues as bare
    literals (no word bounds: a line where this finds nothing holds no cue)."""
    entries = [e.split(":", 1) for e in word_list("captions_scene_cues.txt")]
    cues = tuple(cue.strip() for _, cue in entries)
    strong = frozenset(cue.strip() for weight, cue in entries if weight.strip() == "strong")
    return (compile_named(rf"(?<!\p{{L}})(?:{named_list(cues)})(?!\p{{L}})", regex.V1), strong,
            re.compile(trie(cues)))  # literals as a trie: stdlib re, cheaper per call


_SCENE_CUES, _STRONG_CUES, _CUE_LITERALS = _scene_cues()


def _kind_entries(name: str) -> dict[str, tuple[str, ...]]:
    """The entries of a ``kind: entry`` word list, by kind, in file order.

    >>> _kind_entries("captions_scene_noun_heads.txt")["person"][:2]
    ('Bị can', 'Các bị can')
    """
    by_kind: dict[str, list[str]] = {}
    for entry in word_list(name):
        kind, _, word = entry.partition(":")
        by_kind.setdefault(kind.strip(), []).append(word.strip())
    return {kind: tuple(words) for kind, words in by_kind.items()}


class _WholeWords:
    """A word list's words as whole words (no letter on either side), found by ``search``
    as ``regex`` finds them; a text that holds none of the words at all (most lines) is
    told by one stdlib ``re`` scan of them as a trie, without the ``regex`` search (which
    tries its look-behind at every position).

    >>> stops = _WholeWords("captions_scene_subject_stops.txt")
    >>> stops.search("Bà con phơi cà phê trên sân.") is None
    True
    >>> stops.search("Họ cũng đến.").group()
    'cũng'
    """

    __slots__ = ("_bare", "_whole")

    def __init__(self, name: str):
        words = word_list(name)
        self._bare = re.compile(trie(words)).search
        self._whole = LazyPattern(
            rf"(?<!\p{{L}})(?:{named_list(words)})(?!\p{{L}})", regex.V1)

    def search(self, text: str, *bounds: int) -> regex.Match | None:
        """``regex``'s search of the whole words in ``text`` (``bounds``: pos, endpos)."""
        if self._bare(text, *bounds) is None:
            return None
        return self._whole.search(text, *bounds)


def _scene_actions() -> tuple[tuple[str, ...], tuple[str, ...], regex.Pattern,
                              tuple[str, ...], frozenset[str]]:
    """The subjects that open a "who does what" scene line, the scene words that open one,
    its actions as one pattern, the subjects and scene words together, and the subjects
    that name one person's office or rank (``Bộ trưởng``, ``Đại tá``)."""
    entries = _kind_entries("captions_scene_actions.txt")
    groups = entries.get("subject", ())
    titles = entries.get("title", ())
    plurals = tuple(f"Các {w[0].lower()}{w[1:]}" for w in groups if not w.startswith("Các "))
    subjects = tuple(dict.fromkeys(groups + plurals + titles))  # "Bác sĩ" also "Các bác sĩ"
    scenes = entries.get("scene", ())
    actions = named_list(entries.get("action", ()))
    return (subjects, scenes, compile_named(rf"(?<!\p{{L}})(?:{actions})(?!\p{{L}})", regex.V1),
            subjects + scenes, frozenset(titles))


_SCENE_SUBJECTS, _SCENE_NOUNS, _SCENE_ACTIONS, _ACTION_OPENERS, _SCENE_TITLES = _scene_actions()
#: ``_OPENS_ACTION(s, pos)`` is ``s.startswith(_ACTION_OPENERS, pos)`` (a match, or None):
#: one trie instead of a test for each opener.
_OPENS_ACTION = re.compile(trie(_ACTION_OPENERS)).match


def _may_open_action_line(text: str, start: int) -> bool:
    """Whether the line at ``start`` can score 2 by :func:`_action_score` alone: it opens
    with a subject or a scene word (spaces aside) and ends with a full stop (string tests
    in C; the line holds no scene cue)."""
    end = _line_end(text, start)
    first = _first_non_space(text, start, end)
    return (_OPENS_ACTION(text, first) is not None
            and text[first:end].rstrip().endswith("."))


#: A line without a cue scores 0 (:func:`_scene_score`) unless _may_open_action_line admits
#: it: below a positive scene_min_score, so only those lines need the _SCENE_LINE match.
_CUE_NEEDED = _SETTINGS["scene_min_score"] > 0
_SPEECH = regex.compile(r"[\"“”«»]|:\s|\?$", regex.V1)
#: At least scene_line_min_words runs of _WORD (one search, no list of the words).
_ENOUGH_WORDS = regex.compile(
    rf"[\p{{L}}\p{{N}}](?:[\p{{L}}\p{{N}}]*+[^\p{{L}}\p{{N}}]++[\p{{L}}\p{{N}}])"
    rf"{{{_SETTINGS['scene_line_min_words'] - 1}}}", regex.V1)
_QUOTE = regex.compile(r"[\"”],\s", regex.V1)
_SPEECH_TAIL = compile_named(
    rf",\s*[^,.]{{1,60}}?\s(?:{named_list(word_list('captions_speech_verbs.txt'))})\s*[.!]?$",
    regex.V1)
# A lead or body sentence, not a caption: an agency prefix ("TTO - ", "(Dân trí) - ") or a
# reporting clause ("... cho biết, ..."). A credit after it goes alone.
_STORY_SENTENCE = compile_named(
    rf"^{_HSPACE}*+(?:\([^()\n]{{2,20}}+\)|[\p{{Lu}}\d.]{{2,12}}+){_HSPACE}*+[-–]{_HSPACE}"
    rf"|(?<!\p{{L}})(?:{named_list(word_list('captions_speech_verbs.txt'))}){_HSPACE}*+[,:]{_HSPACE}",
    regex.V1)


#: A sentence opening with a discourse connective (``Tuy nhiên, ...``): the body's, no caption.
#: Or with an adverb of time that carries the story on (``captions_story_adverbs.txt``), a
#: comma or a capitalised subject after it (``Hiện Công an tỉnh ...``, ``Trước đó, ...``).
_CONNECTIVE_OPENING = compile_named(
    rf"{_HSPACE}*+(?:(?:{named_list(word_list('captions_story_connectives.txt'))})(?!\p{{L}})"
    rf"|(?:{named_list(word_list('captions_story_adverbs.txt'))})(?:,|[ ]\p{{Lu}}))",
    regex.V1)


#: A sentence that opens with the time of the news (``Sáng 15/3, ...``), glued into a body with
#: more story after its credit: the lead, whose photo has no caption of its own.
_TIMED_OPENING = regex.compile(
    r"(?:Sáng|Chiều|Tối|Trưa|Đêm|Ngày|Rạng sáng)[ ]"
    r"(?:qua|nay|\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?+),",
    regex.V1)


def _glued_connective(text: str, line_start: int, start: int, ends_line: bool) -> bool:
    """The sentence at ``start`` follows another on its line, story follows its bracketed
    credit, and it opens with a connective or an adverb that carries the story on
    (``_CONNECTIVE_OPENING``): a photo story's paragraph, whose credit goes alone (``... ngày
    10/3. Hiện Công an tỉnh đang ... điều tra. (Ảnh: X) 3. Vụ ...``)."""
    return (not ends_line and start > line_start
            and _CONNECTIVE_OPENING.match(text, start) is not None)


def _timed_lead(text: str, start: int, ends_line: bool) -> bool:
    """The sentence at ``start`` opens with the time of the news and story follows its credit
    on the line (a caption line may open so: ``Tối 29-11, máy bay ...`` / ``Ảnh: X``)."""
    return not ends_line and _TIMED_OPENING.match(text, start) is not None


def _long_lead(text: str, line_start: int, start: int, end: int, ends_line: bool) -> bool:
    """The sentence ``text[start:end]`` opens its line, story follows its credit on the line,
    and it is no caption's length: ``inline_lead_min_chars`` or more with a clause (a comma).
    A flattened article's lead, whose photo has no caption of its own (``Theo Tổng cục
    Thống kê, dân số ... tăng nhẹ. Đồ họa: Tiến Thành Tuổi thọ ...``)."""
    return (not ends_line and start == line_start
            and end - start >= _SETTINGS["inline_lead_min_chars"]
            and text.find(",", start, end) >= 0)


def _is_story_sentence(text: str, start: int, end: int) -> bool:
    """``_STORY_SENTENCE.search(text, start, end)``: its first branch holds only at the text's
    start (``^``), its second needs a speech verb before a ``,`` or ``:``
    (:data:`_SPEECH_VERB_MARK`), so without one the regex is not run."""
    if start > 0 and _SPEECH_VERB_MARK.search(text, start, end) is None:
        return False
    return _STORY_SENTENCE.search(text, start, end) is not None


#: _STORY_SENTENCE's second branch without its look-behind, in stdlib ``re`` (a trie of the
#: verbs, one pass in C; ``regex`` tries the look-behind at every position): wherever that
#: branch matches, this does (``re``'s ``\s`` takes every space ``regex``'s does, and more).
_SPEECH_VERB_MARK = re.compile(
    rf"(?:{trie(word_list('captions_speech_verbs.txt'))})[^\S\n]*+[,:][^\S\n]")


_VIDEO_PAREN = regex.compile(r"\(\s*(?:[Vv]ideo|[Cc]lip)", regex.V1)
_CLIP_PAREN = regex.compile(rf"{_HSPACE}*+\([^()\n]{{0,200}}+\)", regex.V1)
_DASH_BEFORE = regex.compile(rf"{_HSPACE}*+[-–]{_HSPACE}*+$", regex.V1)


class _Candidate(NamedTuple):
    """A marker found by the regex pass, widened to its credit and its caption sentence."""

    credit_start: int
    credit_end: int
    caption_start: int  # == credit_start when the credit stands alone
    caption_end: int
    rule: str
    line_start: int
    whole_line: bool  # the caption fills its line


# ---------------------------------------------------------------------------------------------
# Small pure helpers on positions.
# ---------------------------------------------------------------------------------------------


#: What _trailing_separator_start strips: ``-–|,:`` and every space but the newline.
_SEPARATOR_TAIL = "-–|,:" + STRIPPED_CHARS.replace("\n", "")
# "Is this span blank?" reads only up to the first non-space (what ``str.strip`` keeps)
# instead of slicing and stripping the span (stdlib re: cheaper per call).
_NON_SPACE = re.compile(f"[^{STRIPPED_CLASS}]")


def _blank(text: str, start: int, end: int) -> bool:
    """``not text[start:end].strip()``, reading forward only up to the first non-space."""
    return start >= end or _NON_SPACE.search(text, start, end) is None


def _first_non_space(text: str, start: int, end: int) -> int:
    """``start + len(s) - len(s.lstrip())`` for ``s = text[start:end]`` (``end <= len(text)``),
    without slicing the span twice."""
    first = _NON_SPACE.search(text, start, end)
    return first.start() if first else max(start, end)


def _credit_name_end(text: str, pos: int, line_end: int) -> int:
    """End of the credit name that starts at ``pos`` (after ``Ảnh:``), inside one line."""
    rest = text[pos:line_end] if line_end - pos <= 2 * _SETTINGS["credit_line_max_chars"] else ""
    if rest and len(rest.strip()) <= _SETTINGS["credit_line_max_chars"] and (
            _reads_as_name(rest) or _names_a_source(rest)) and not _page_then_text(rest) \
            and not _ITEM_NUMBER.search(rest):
        return line_end - (len(rest) - len(rest.rstrip()))
    domain = _DOMAIN_CREDIT.match(text, pos, line_end)
    if domain is not None:  # "Ảnh: tinbien.com Nhiên liệu ...": the site is the credit
        end = domain.end()
        ender = _ENDER_AFTER.match(text, end, line_end)  # "Ảnh: tinbien.com cung cấp"
        if ender is not None:
            end = ender.end()
        tail = _NAME_TAIL.match(text, end, line_end)
        return tail.end() if tail else end
    match = _CREDIT_NAME.match(text, pos, line_end)
    if match is None:
        return pos
    if match.group("ended"):
        return match.end()
    tokens = list(_NAME_TOKEN_RE.finditer(match.group("name")))
    signed = _signed_name_tokens([t.group() for t in tokens])
    if signed:  # "Ảnh: Lê Bích Lê Bích Hà Giang ...": the name, then the author's sign-off
        return match.start("name") + tokens[signed - 1].end()
    keep = _two_names_kept(match.group("name"), tokens)
    if not keep:
        keep = min(_name_tokens_kept([t.group() for t in tokens]),
                   _SETTINGS["credit_name_max_tokens"])
        keep = _next_name_start(match.group("name"), tokens, keep) or keep
    if _title_follows_name(text, match.start("name"), tokens, keep):
        keep += 1  # "Ảnh: Vân Trang Chủ tịch ...": "Trang" ends the name, not "Trang Chủ"
    end = match.start("name") + tokens[keep - 1].end()
    if keep > 1 and text.startswith(",", end):
        # "Ảnh:Vogue Dakota Johnson, 37 tuổi, ...": a subject, not a credit, takes the comma.
        return match.start("name") + tokens[0].end()
    seam = _GLUED_SENTENCE.search(text, match.start("name"), end)
    if seam is not None:
        return seam.end()  # "Ảnh: TTXVN.Ông Nguyên cho biết ...": the next sentence is story
    seam = _GLUED_STARTER.search(text, match.start("name"), end)
    if seam is not None:
        return seam.end()  # "Ảnh: T.TrTheo đó, ...": the next paragraph's first word is story
    seam = _GLUED_ACRONYM.search(text, match.start("name"), end)
    if seam is not None and is_vietnamese_word(_WORD_AT.match(text, seam.end()).group()):
        return seam.end()  # "Video: IDFĐường hầm ...": the acronym is the credit ("VTCNews" is one)
    next_word = _NEXT_WORD.match(text, end, line_end).group(1)
    if keep == len(tokens) and keep > 1 and next_word[:1].islower():
        organisation = _organisation_end(text, match.start("name"), tokens, end, line_end)
        if organisation:
            return organisation  # "Ảnh: NXB Hội Nhà văn. "Cát bụi ...": its name's full stop
        # "Ảnh: Hải Dương Tổng cộng ...": the last capital starts the next sentence.
        end = match.start("name") + tokens[keep - 2].end()
    agency = _PAREN_AGENCY.match(text, end, line_end)
    if agency is not None and (agency.group(1) in _AGENCIES or agency.group(1) in _PRESS_ALIASES):
        end = agency.end()  # "Ảnh: Minh Hoàng (TTXVN)", "(TTO)": the agency or paper it works for
    tail = _NAME_TAIL.match(text, end, line_end)
    return tail.end() if tail else end


#: A web site's domain as a whole credit glued before the next sentence (lower case, so no
#: name shape finds it): ``Ảnh: tinbien.com``, ``Ảnh: www.bao.vn/anh``.
_DOMAIN_CREDIT = regex.compile(
    r"[ \t]*+(?:(?:https?://)?+[\w-]++(?:\.[\w-]++){0,3}?\.(?:vn|com|net|org|info)(?:/\S*+)?+"
    # or any address with its scheme, a clip's: "Link Video: https://youtu.be/..."
    r"|https?://[\w-]++(?:\.[\w-]++)++(?:/\S*+)?+)(?=[ \t\n]|\Z)", regex.V1)


def _next_name_start(name: str, tokens: list[regex.Match], keep: int) -> int:
    """Where the next sentence's subject starts inside a glued credit's run of capitals, or 0:
    a common family name (``captions_family_names.txt``) after the credit's second token,
    followed by another name syllable (``Ảnh: Lê Bích Lê Văn Tám là ...``: 2). The credit
    names a person in two or three syllables; the full name after it is the story's."""
    for j in range(2, min(keep, len(tokens) - 1)):
        head, after = _syllable(tokens[j].group()), tokens[j + 1].group().rstrip(".,")
        if (head in _FAMILY_NAMES and _blank(name, tokens[j - 1].end(), tokens[j].start())
                and not tokens[j - 1].group().endswith((".", ","))
                and after not in _STARTERS and _syllable(after) in _NAME_SYLLABLES):
            return j
    return 0


def _signed_name_tokens(tokens: list[str]) -> int:
    """How many of a glued credit's name ``tokens`` its name holds when the same name follows
    it at once (``Lê Bích Lê Bích Hà Giang vào ...``: 2, the sign-off repeats the credit),
    or 0. Only up to ``credit_name_max_tokens`` tokens a name."""
    for size in range(1, min(_SETTINGS["credit_name_max_tokens"], len(tokens) // 2) + 1):
        if tokens[:size] == tokens[size:2 * size]:
            return size
    return 0


def _signed_after(text: str, name_from: int, credit_end: int) -> bool:
    """The credit's name said again right after it, across spaces or a line break: the
    article's sign-off (``... tìm mua. Ảnh: Lê Bích Lê Bích``). Such a credit names who took
    the whole story's photos, at its end; the sentence before it is the story's last."""
    name = text[_first_non_space(text, name_from, credit_end):credit_end].rstrip(". ")
    if len(name) < 2 or not name[:1].isupper():
        return False
    after = _first_non_space(text, credit_end, min(len(text), credit_end + 8))
    follow = after + len(name)
    return (text.startswith(name, after)
            and (follow == len(text) or not text[follow].isalnum()))


def _page_then_text(rest: str) -> bool:
    """A credit's rest that opens with a page (a handle or a platform's name: ``@hoangnam``,
    ``Instagram``) and holds a word in lower case or a number after it: the story goes on
    after the page's name (``Instagram Đỉnh Mẫu Sơn cao 1.541 m.``), not all of it is credit."""
    words = rest.split()
    return bool(words) and (words[0][0] == "@" or words[0].rstrip(".,") in _PLATFORMS) and any(
        word[0].islower() or word[0].isdigit() for word in words[1:])


def _title_follows_name(text: str, name_start: int, tokens: list[regex.Match], keep: int
                        ) -> bool:
    """Whether the name syllable after the ``keep`` kept tokens ends the name after all: it
    was cut as the first half of a place or heading (``Trang Chủ``, ``bylines_not_names.txt``)
    but the token after it opens an office's title that starts the next sentence (``Ảnh:
    Vân Trang Chủ tịch Công đoàn ...``; titles: the scene subjects of
    ``captions_scene_actions.txt``)."""
    if not 0 < keep < len(tokens) - 1 or keep + 1 > _SETTINGS["credit_name_max_tokens"]:
        return False
    name, after = tokens[keep].group(), tokens[keep + 1]
    if (_syllable(name) not in _NAME_SYLLABLES
            or f"{_syllable(name)} {_syllable(after.group())}" not in _NOT_NAMES):
        return False
    at = name_start + after.start()
    return any(text.startswith(title, at) and not text[at + len(title):at + len(title) + 1]
               .isalpha() for title in _SCENE_SUBJECTS)


#: After an organisation's capitalised head (an abbreviation such as ``NXB``), its name's
#: words in lower case up to a full stop before the next sentence's capital or quote.
_ORGANISATION_TAIL = regex.compile(
    rf"(?:{_HSPACE}++\p{{Ll}}++){{1,2}}+\.(?={_HSPACE}++[\"“]?\p{{Lu}}|{_HSPACE}*+$)", regex.V1)


def _organisation_end(text: str, name_start: int, tokens: list[regex.Match], end: int,
                      line_end: int) -> int:
    """The end of a credited organisation's name whose last words are in lower case (``NXB
    Hội Nhà văn.``), or 0: its first token an organisation's abbreviation
    (``captions_organisation_heads.txt``), one or two words in lower case, at most
    ``credit_source_max_words`` words in all, a full stop then the next sentence."""
    if tokens[0].group() not in _ORGANISATION_HEADS:
        return 0
    tail = _ORGANISATION_TAIL.match(text, end, line_end)
    if tail is None or len(tokens) + len(tail.group().split()) > _SETTINGS[
            "credit_source_max_words"]:
        return 0
    return tail.end()


_ORGANISATION_HEADS = word_set("captions_organisation_heads.txt")


#: An agency in brackets right after a credited name.
_PAREN_AGENCY = regex.compile(rf"{_HSPACE}{{0,2}}\(([^()\s]{{2,20}}+)\)", regex.V1)


def _two_names_kept(name: str, tokens: list[regex.Match]) -> int:
    """How many ``tokens`` (of the glued credit ``name``) two names joined by a dash or
    ``&`` keep (``Hải Nguyễn - Minh Hoàng``, ``Minh Hoàng – TTXVN``), or 0: each name is
    whole by :func:`_name_tokens_kept` in at most ``credit_name_max_tokens`` tokens, and
    the second is an agency or a personal name (``Hà Nội`` is none: 0)."""
    most = _SETTINGS["credit_name_max_tokens"]
    joints = [i for i in range(1, min(len(tokens), most + 1))
              if _NAME_JOINT.search(name, tokens[i - 1].end(), tokens[i].start())]
    if not joints:
        return 0
    first = [t.group() for t in tokens[:joints[0]]]
    if _name_tokens_kept(first) < len(first):
        return 0
    second = [t.group() for t in tokens[joints[0]:joints[0] + most]]
    head = second[0].rstrip(".,")
    if head in _AGENCIES:
        return joints[0] + 1
    if _syllable(head) not in _NAME_SYLLABLES or _name_tokens_kept(second) < len(second):
        return 0  # "Ảnh: Minh Hoàng - Hà Nội đang ...": a place, not a name
    return joints[0] + len(second)


def _page_owner_tokens(tokens: list[str]) -> int:
    """How many of the capitalised tokens after a platform's name (``Ảnh: Facebook``) name
    the person whose page it is: a personal name (``Facebook Hà Anh``), not a place or the
    next sentence (``Instagram Hà Nội hiện có ...``, ``@handle 2. Phở Bát Đàn``)."""
    if not tokens or tokens[0].endswith(".") or _syllable(tokens[0]) not in _NAME_SYLLABLES:
        return 0
    if len(tokens) > 1 and f"{_syllable(tokens[0])} {_syllable(tokens[1])}" in _NOT_NAMES:
        return 0
    return _name_tokens_kept(tokens)


#: What joins two credited names: ``Hải Nguyễn - Minh Hoàng``, ``A & B``.
_NAME_JOINT = regex.compile(r"[-–&]", regex.V1)


def _name_tokens_kept(tokens: list[str]) -> int:
    """How many of a glued credit's capitalised tokens are its name (before the cap).

    An agency or a handle is one token, a platform's name takes the page owner's name after it
    (:func:`_page_owner_tokens`); a sentence starter (``Theo``, ``Ông``) opens the next sentence,
    unless another follows it (``Tú Anh Theo ...``: the first ends the name); a token with
    a full stop ends the name (``Ngọc Mai. Bộ ...``), and so does a name syllable in capitals
    after a personal name that is not (a sign-off: ``Văn Chiến VĂN CHIẾN``; ``Press TV``
    stays). A Vietnamese personal name ends at the first token that is no name syllable
    (``Hoàng Hà Bộ Ngoại giao``), and before the first syllable of a place or office it runs
    into (``Ngọc Mai Hà Nội sẽ ...``).

    >>> _name_tokens_kept(["Hoàng", "Hà", "Bộ", "Ngoại"]), _name_tokens_kept(["Ngọc", "Mai.", "Bộ"])
    (2, 2)
    >>> _name_tokens_kept(["Ngọc", "Mai", "Hà", "Nội"]), _name_tokens_kept(["Tú", "Anh", "Theo"])
    (2, 2)
    >>> _name_tokens_kept(["Văn", "Chiến", "VĂN", "CHIẾN"])  # a sign-off in capitals after it
    2
    """
    for size in _PRESS_NAME_SIZES:  # "Getty Images", "Thanh Niên": the name, then the story
        if " ".join(t.rstrip(".,") for t in tokens[:size]) in _PRESS_NAMES:
            return size
    if tokens[0].rstrip(".,") in _AGENCIES or tokens[0][0] == "@":
        return 1  # an agency, or a page's handle (``Ảnh: @hoangnam``): one token
    if tokens[0].rstrip(".,") in _PLATFORMS:
        return 1 + _page_owner_tokens(tokens[1:])
    words = [t.rstrip(".,") for t in tokens] + [""]
    syllables = [_syllable(t) for t in tokens]
    personal = syllables[0] in _NAME_SYLLABLES
    mixed = not words[0].isupper()
    for i, token in enumerate(tokens):
        if i and words[i] in _STARTERS and words[i + 1] not in _STARTERS:
            return i
        if (i and mixed and personal and len(words[i]) > 1 and words[i].isupper()
                and syllables[i] in _NAME_SYLLABLES):
            return i  # "Văn Chiến VĂN CHIẾN": a sign-off in capitals follows the name
        if i and personal and syllables[i] not in _NAME_SYLLABLES:
            if i > 1 and f"{syllables[i - 1]} {syllables[i]}" in _NOT_NAMES:
                return i - 1
            # "Trần Hóa Ông ...": a title word opens the next sentence after an unlisted
            # syllable, which ends the name (keep a word of credit, not cut the story)
            return i + 1 if words[i + 1] in _STARTERS and words[i][:1].isupper() else i
        if token.endswith(".") and len(syllables[i]) > 1:
            return i + 1
    return len(tokens)


#: Agencies and papers whose name is several words (``captions_agencies.txt``, the aliases of
#: ``bylines_agencies.txt``), and their sizes in words, longest first.
_PRESS_NAMES = frozenset(name for name in _AGENCIES | set(agency_names())
                         if " " in name and name[:1].isupper())
#: The one-word names and abbreviations of papers (``TTO``, ``VOV``; ``bylines_agencies.txt``).
_PRESS_ALIASES = frozenset(alias for alias in agency_names() if " " not in alias)
_PRESS_NAME_SIZES = tuple(sorted({name.count(" ") + 1 for name in _PRESS_NAMES}, reverse=True))


def _syllable(token: str) -> str:
    """A token's leading letters, title-cased as the name lists write them (``LONG/VGP`` →
    ``Long``)."""
    letters = _LETTERS.match(token)
    return letters.group().title() if letters else ""


_LETTERS = regex.compile(r"\p{L}+", regex.V1)


def _names_a_source(rest: str) -> bool:
    """A line's short rest after ``Ảnh:`` that names an office or a site, not a sentence:
    a capitalised first word (or a domain), at most ``credit_source_max_words`` words, no
    sentence end inside (``Bộ Y tế``, ``Công an tỉnh Nghệ An``, ``baoquangninh.vn``); an
    office's name (``institution_heads.txt``) may have ``credit_office_max_words``.

    >>> _names_a_source(" Công an tỉnh Nghệ An"), _names_a_source(" Hải Dương. Tổng cộng có 5 người")
    (True, False)
    """
    body = rest.strip().rstrip(_ENDER_TAIL)
    words = _WORD.findall(body)
    most = _SETTINGS["credit_source_max_words"]
    if body.startswith(_OFFICE_HEADS):  # "Bệnh viện Đa khoa tỉnh Phú Thọ"
        most = _SETTINGS["credit_office_max_words"]
    return (0 < len(words) <= most
            and (body[:1].isupper() or _DOMAIN.fullmatch(body) is not None)
            and _SENTENCE_END.search(body) is None)


_DOMAIN = regex.compile(r"(?:[\w-]++\.)++(?:vn|com|net|org|info)", regex.V1)
#: Words an office's or institution's name opens with: such a credit may run longer.
_OFFICE_HEADS = tuple(words for use, words in tab_entries("institution_heads.txt")
                      if use in ("both", "credit"))


def _reads_as_name(rest: str) -> bool:
    """A line's rest that is all credit: capitalised name words, or a phrase like "NV cung cấp"."""
    if rest.rstrip(_ENDER_TAIL).endswith(_CREDIT_ENDER_WORDS):  # "... cung cấp."
        return True
    words = _WORD.findall(rest)
    return bool(words) and sum(1 for w in words if w[0].islower()) <= len(words) // 4


def _caption_start(text: str, line_start: int, credit_start: int, line_only: bool,
                   floor: int = 0) -> tuple[int, bool]:
    """Where the caption before a credit starts, and whether it is its whole line.

    A short line that ends with the credit is all caption (``line_only``: nothing follows the
    credit on its line). Inside a flattened paragraph the caption is the last sentence, or
    the piece after the last glued seam (``...năm 2022.Đại học Oxford (Ảnh: X).``). The
    look-back stops at ``floor``, where the previous caption ends (a caption never reaches
    over it, and many credits on one line must not each read the same text again).
    """
    window_start = max(line_start, credit_start - _SETTINGS["sentence_window_chars"],
                       min(floor, credit_start))
    head = text[window_start:credit_start]
    head = head[:_trailing_separator_start(head)]
    body = head.rstrip(".!?…")
    lead = False  # a two-sentence lead that ends with a credit: its caption is short
    if line_only and window_start == line_start and _is_caption_sized(body):
        lead = _SENTENCE_END.search(body) is not None and _opens_lead(text, line_start)
        if not lead:
            return line_start + (len(body) - len(body.lstrip())), True
    seam = window_start
    last = _last_sentence_end(body)
    start = window_start if last is None else window_start + last
    glue = _LAST_GLUE.search(body)
    if glue:
        seam = window_start + glue.end()
    if seam > window_start and seam <= start and _is_caption_sized(text[seam:window_start + len(body)]):
        start = seam  # a glued paragraph that ends with the credit is all caption
    elif seam > start:
        start = seam
    if start == window_start and window_start != line_start and window_start != floor:
        return credit_start, False  # no sentence start in reach: the credit alone
    clause = _LAST_CLAUSE_END.search(text, start, credit_start)
    if clause is not None:  # "...; - Đẩy nhanh giải ngân; Thủ tướng phát biểu - Ảnh: X"
        start = clause.end()
    start = _first_non_space(text, start, credit_start)
    if _runs_on_story(text, start, credit_start):
        return credit_start, False  # story run on into the caption: the credit alone
    if (_ITEM_NUMBER_ALONE.fullmatch(text, max(line_start, min(floor, start)), start)
            or _ITEM_NUMBER_BEFORE.search(text, max(line_start, start - 8), start)):
        return credit_start, False  # "Ảnh: @a 2. Y Tý (Lào Cai) Y Tý nổi tiếng ... Ảnh: X": an item
    if lead and start > line_start and not _reads_as_short_caption(
            text[start:window_start + len(body)].rstrip() + "."):
        return credit_start, False  # the lead's last sentence reads as story: the credit alone
    return start, False


#: A list item's number right before where a caption would start (its full stop read as a
#: sentence end): alone after the previous caption or the line's start, or after a word that
#: is no lowercase one (``... 96 HCĐ 3. Indonesia: 69 HCV ...``; ``từ tháng 12. Hành khách``
#: ends a sentence). What follows is the item's heading and text, the story's.
_ITEM_NUMBER_ALONE = regex.compile(r"[ \t]*+\d{1,2}[.)][ \t]*+")
_ITEM_NUMBER_BEFORE = regex.compile(r"(?<=[^\p{Ll}\s][ \t])\d{1,2}[.)][ \t]*+\Z", regex.V1)
#: A list item's number opening a capitalised heading inside a credit's rest (``Ảnh: Linh
#: Trần 3. Mẫu Sơn ...``): the next item starts there, so not all the rest is credit.
_ITEM_NUMBER = regex.compile(r"(?<![^\s])\d{1,2}[.)][ \t]++\p{Lu}", regex.V1)

#: A stretch before a credit inside a paragraph, longer than a caption, holding a colon that
#: opens a capitalised or quoted part (``Lễ hội gồm các hoạt động: Lễ rước kiệu Thi đánh
#: trống Kéo co Rước kiệu tại lễ hội. Ảnh: X``, ``Thiếu tướng X: Chúng tôi đã triệt phá ...
#: Thiếu tướng trả lời phỏng vấn. Ảnh: Y``): a list, an answer or a quote with no full stop
#: ran on into the caption.
_RUN_ON_STORY = regex.compile(r"(?=[^\n]*?\w:[ \t]++[\"“]?+\p{Lu})(?:\W*+\w++){%d}"
                              % _SETTINGS["run_on_story_min_words"],
                              regex.VERSION1)


def _runs_on_story(text: str, start: int, end: int) -> bool:
    """``_RUN_ON_STORY.match(text, start, end)``: its look-ahead needs a colon before ``end``,
    so a stretch without one (most) is told by ``str.find`` in C, without the ``regex`` match."""
    return text.find(":", start, end) >= 0 and _RUN_ON_STORY.match(text, start, end) is not None


def _opens_lead(text: str, line_start: int) -> bool:
    """The line at ``line_start`` is the story's lead: the text's second line (the first
    under the title, blank lines aside) or one that opens with the news's time (``Sáng
    12/3, ...``). A caption ending it is its last sentence only, and only a short one."""
    if _TIMED_OPENING.match(text, line_start) is not None:
        return True
    first = _first_non_space(text, 0, line_start)
    title_end = text.find("\n", first, line_start)
    return 0 <= title_end and _blank(text, title_end, line_start)


#: The last "; " before a capital: list items glued before a caption end there.
_LAST_CLAUSE_END = regex.compile(r";[^\S\n]++(?=\p{Lu})", regex.V1 | regex.REVERSE)


def _last_sentence_end(body: str) -> int | None:
    """The end of the last match of ``_SENTENCE_END.finditer(body)``, read from the end.

    A match starts in a run of terminators (at its first character, or at its second when a
    lone capital stands before the run) and takes the whole run, then quotes and spaces, so
    it never reaches the next run and whether a run ends a sentence does not depend on the
    runs before it: the last run that matches holds the last match. After a few runs that
    do not, the body is read forward once, as the plain scan does.
    """
    end = len(body)
    for _ in range(4):  # then a body full of "3.5"-like runs is read forward once instead
        run = _TERMINATOR_RUN_BEFORE.search(body, 0, end)
        if run is None:
            return None
        first, stop = run.span()
        match = _SENTENCE_END.match(body, first) or (
            stop - first > 1 and _SENTENCE_END.match(body, first + 1))
        if match:
            return match.end()
        end = first
    last = None
    for match in _SENTENCE_END.finditer(body):
        last = match
    return None if last is None else last.end()


_TERMINATOR_RUN_BEFORE = regex.compile(r"[.!?…]+", regex.V1 | regex.REVERSE)


def _is_caption_sized(body: str) -> bool:
    """Short enough, and fewer than ``caption_segment_max_sentences`` sentence ends (counted
    only that far, and only when the length fits)."""
    most = _SETTINGS["caption_segment_max_sentences"]
    return (len(body) <= _SETTINGS["caption_segment_max_chars"]
            and sum(1 for _ in islice(_SENTENCE_END.finditer(body), most)) < most)


# ---------------------------------------------------------------------------------------------
# Pass 1: every marker candidate, labelled from its own line.
# ---------------------------------------------------------------------------------------------


def _candidates(text: str, keywords: list[int] | None = None) -> list[_Candidate]:
    """Marker candidates in order; a caption never reaches back over the previous credit.

    Markers come in order, so each line's bounds are found once (a cursor), and each
    caption's look-back stops where the previous caption ended: the work is linear in the
    text however many markers one line holds.
    """
    found: list[_Candidate] = []
    floor = 0
    line_start, line_end = 0, -1
    for kind, start, end in _markers(text, keywords):
        if start > line_end:
            line_start = text.rfind("\n", max(line_end, 0), start) + 1
        if end > line_end:
            line_end = text.find("\n", end)
            if line_end < 0:
                line_end = len(text)
        candidate = _candidate(text, kind, start, end, line_start, line_end, floor)
        if end > start and "\n" in text[start:end]:  # "Ảnh\n:": the next marker's line
            line_start = text.rfind("\n", start, end) + 1
        if candidate is None:
            continue
        if candidate.credit_start < floor:  # overlaps the previous one: take the union
            if candidate.caption_end > floor and found:
                last = found[-1]
                found[-1] = _Candidate(last.credit_start,
                                       max(last.credit_end, candidate.credit_end),
                                       min(last.caption_start, candidate.caption_start),
                                       candidate.caption_end, last.rule, last.line_start,
                                       last.whole_line)
                floor = candidate.caption_end
            continue
        if candidate.caption_start < floor:
            start = _first_non_space(text, floor, candidate.credit_start)
            candidate = _Candidate(candidate.credit_start, candidate.credit_end,
                                   min(start, candidate.credit_start), candidate.caption_end,
                                   candidate.rule, candidate.line_start, False)
        found.append(candidate)
        floor = candidate.caption_end
    return found


def _keyword_starts(text: str) -> list[int]:
    """Where a marker keyword starts, case-insensitively, sorted (each place once).

    ``str.lower`` and ``str.find`` run in C at memory speed; a regex alternation does not.
    When lower-casing changes the length (``İ``), the slower per-keyword regex keeps offsets
    right.
    """
    found = _lowered_keyword_starts(text)
    if found is None:
        return sorted({m.start() for keyword in _KEYWORDS for m in keyword.finditer(text)})
    return found


def _lowered_keyword_starts(text: str) -> list[int] | None:
    """``_keyword_starts`` by ``str.lower`` and ``str.find`` (``_RARE_HEAD_KEYWORDS`` by one
    ``re`` scan); None when lowering changes the length. A text of one chunk is read in its
    low bytes instead (:func:`_low_byte_keyword_starts`, the same starts).

    A longer text is lowered in chunks of ``_CHUNK`` characters (plus an overlap of the longest
    keyword), so the lowered copy stays in the CPU cache and time stays linear in big
    inputs. Each keyword is searched as one scan would: the next search starts after the
    last match, wherever the chunk ends.
    """
    found: list[int] = []
    size = len(text)
    if size <= _CHUNK:  # one chunk (most documents): no bookkeeping across chunks
        return _low_byte_keyword_starts(text)
    pos = [0] * len(_FOUND_KEYWORDS)  # per keyword: where its next search starts
    for chunk in range(0, max(size, 1), _CHUNK):
        piece = text[chunk:chunk + _CHUNK + _OVERLAP]
        lowered = piece.lower()
        if len(lowered) != len(piece):
            return None
        found += [chunk + m.start() for m in _RARE_HEAD_KEYWORDS.finditer(lowered)
                  if m.start() < _CHUNK]  # (a start past the chunk is the next chunk's)
        for i, literal in enumerate(_FOUND_KEYWORDS):
            start = pos[i] - chunk
            at = lowered.find(literal, start)
            while 0 <= at < _CHUNK:
                found.append(chunk + at)
                start = at + len(literal)
                at = lowered.find(literal, start)
            pos[i] = chunk + (at if at >= 0 else max(start, _CHUNK))
    return sorted(set(found))


_CHUNK = 32_768
_OVERLAP = max(map(len, _KEYWORD_LITERALS)) - 1


def _low_bytes(text: str) -> bytes:
    """Each character's code point cut to its lowest byte, one byte a character (every
    fourth byte of the UTF-32 encoding: C loops, no per-character lookup; a lone surrogate,
    which a hostile text may hold, is encoded as its code point too)."""
    return text.encode("utf-32-le", "surrogatepass")[::4]


#: The one character whose lower case is longer than itself (``İ``: ``i`` and a dot above;
#: tests/test_captions.py checks every code point): where it stands, ``str.lower`` changes
#: the text's length.
_LONGER_WHEN_LOWERED = "\u0130"
#: The keywords' letters, and each letter that has a capital of its own with that capital.
#: Whatever lowers to a keyword's letter is the letter or that capital, nothing else
#: (tests/test_captions.py checks every code point): the capitals' low bytes become their
#: letters' (``Ả`` U+1EA2 -> ``ả`` U+1EA3: A2 -> A3), and no letter's own low byte is a
#: capital's, so no letter is changed.
_KEYWORD_LETTERS = "".join(sorted(set("".join(_KEYWORD_LITERALS))))
_CASE_PAIRS = tuple((c.upper(), c) for c in _KEYWORD_LETTERS
                    if len(c.upper()) == 1 and c.upper() != c)
_SMALL_LOW_BYTES = bytes.maketrans(_low_bytes("".join(big for big, _ in _CASE_PAIRS)),
                                   _low_bytes("".join(small for _, small in _CASE_PAIRS)))
#: The low bytes of the keywords that open with ``ả``, found by ONE stdlib ``re`` scan of
#: the bytes (as :data:`_RARE_HEAD_KEYWORDS` in the lowered text: a place it rejects holds
#: no other ``ả`` byte after its first, so it hides no keyword), and of the others, each
#: found by ``bytes.find``; both with the keyword they stand for.
_RARE_HEAD_LOW_BYTES = {_low_bytes(k): k for k in _KEYWORD_LITERALS if k.startswith(_RARE_HEAD)}
_RARE_HEAD_BYTES_SCAN = re.compile(b"|".join(map(re.escape, _RARE_HEAD_LOW_BYTES)))
_FOUND_LOW_BYTES = tuple((k, _low_bytes(k)) for k in _FOUND_KEYWORDS)


def _low_byte_keyword_starts(text: str) -> list[int] | None:
    """``_lowered_keyword_starts`` of one chunk without ``str.lower``: each keyword is found
    in the text's low bytes (:func:`_low_bytes`, capitals' mapped to their small letters'),
    which hold every place the lowered text holds it, and a place is kept when the text's
    own characters there lower to it (other characters share low bytes: ``ũ`` U+0169 and
    ``i``). A kept keyword's search goes on after it, a rejected place's after its first
    character, so the starts are those ``str.find`` in the lowered text gives. None when
    lowering changes the length (``İ``).

    Why: ``str.lower`` reads each character's case record, ``str.encode`` and
    ``bytes.translate`` do not; a search in bytes reads a byte a character.
    """
    if _LONGER_WHEN_LOWERED in text:
        return None
    data = _low_bytes(text).translate(_SMALL_LOW_BYTES)
    found = [m.start() for m in _RARE_HEAD_BYTES_SCAN.finditer(data)
             if text[m.start():m.end()].lower() == _RARE_HEAD_LOW_BYTES[m.group()]]
    for literal, needle in _FOUND_LOW_BYTES:
        size = len(literal)
        at = data.find(needle)
        while at >= 0:
            if text[at:at + size].lower() == literal:
                found.append(at)
                at = data.find(needle, at + size)
            else:
                at = data.find(needle, at + 1)
    return sorted(set(found))


#: "minh " before "họa" / "hoạ": the marker window reaches back from "minh" instead, so
#: "(Hình minh họa)" is in reach without a keyword scan of its own.
_MINH_WORDS = frozenset({"minh ", "Minh "})
_MINH = 5
_HOA = frozenset({"họa", "hoạ"})


def _window_anchor(text: str, at: int) -> int:
    """Where a marker window reaches back from for the keyword at ``at``: ``minh`` before a
    ``họa`` keyword ("Hình minh họa"), else the keyword itself."""
    if text[at:at + 3] in _HOA and at >= _MINH and text[at - _MINH:at] in _MINH_WORDS:
        return at - _MINH
    return at


def _markers(text: str, keywords: list[int] | None = None) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of every marker, in order and non-overlapping.

    The marker regex is tried once at each keyword (``_MARKER_NEAR`` lets the marker start up
    to ``window_back_chars`` before it, leftmost first), never along the text between them;
    its lookahead skips in C the places no marker can start (most keywords are story words:
    ``ảnh hưởng``, ``kế hoạch``). ``keywords``: ``_keyword_starts(text)`` when the caller has it.
    """
    last_end = 0
    for at in _keyword_starts(text) if keywords is None else keywords:
        at = _window_anchor(text, at)
        if at < last_end:
            continue
        match = _marker_near(text, max(at - _BACK, last_end, 0))
        if match is None:
            continue
        kind = match.lastgroup
        start, end = match.span(kind)
        if end <= start:
            continue
        last_end = end
        yield kind, start, end


_BACK = _SETTINGS["window_back_chars"]


def _marker_near(text: str, start: int) -> regex.Match | None:
    """``_MARKER_NEAR.match(text, start)``, skipped when its lookahead fails at every start
    it may try (a cheaper test)."""
    if (_FIRST_CHAR.search(text, start, start + _BACK + 1) is None
            and text.find("hinh anh", start, start + _BACK + 8) < 0
            and _ALT_AT_END.search(text, start, start + _BACK + 8) is None):
        return None
    return _MARKER_NEAR.match(text, start)


_OPENING_QUOTES = "'\"“‘«"
_COMMA_NEXT = regex.compile(r"[ \t]*+,")


def _candidate(text, kind, start, end, line_start, line_end, floor) -> _Candidate | None:
    """The candidate of one marker, or None when it is story text after all: a marker right
    after an opening quote opens a quoted name (``Triển lãm 'Ảnh: Ký ức Hà Nội' mở cửa``)."""
    if start > line_start and text[start - 1] in _OPENING_QUOTES:
        return None
    if kind == "paren":
        if _PAREN_REFERENCE.match(text, start) is None:
            return _paren_candidate(text, start, end, line_start, line_end, floor)
        return None
    if kind in ("numbered", "alt_numbered"):
        last = text[line_start:start].strip()[-1:]
        if (kind == "numbered" and text.startswith("Ảnh", start)
                and (last.islower() or (last and last in _TITLE_END_MARKS))
                and not _names_title(text, start)):
            return None  # "... tác phẩm Mùa vàng Ảnh 1": a story's line, no title's copy
        return _Candidate(line_start, end, line_start, end, "captions.numbered_photo",
                          line_start, True)
    if kind == "clip":
        return _clip_candidate(text, start, end, line_start, line_end)
    if kind == "described":
        return _described_candidate(text, end, line_start, line_end)
    if kind == "dashed":  # "Ảnh - Minh Châu" alone on its line: a credit as after a colon
        kind = "colon"
    return _credit_candidate(text, kind, start, end, line_start, line_end, floor)


def _paren_candidate(text, start, end, line_start, line_end, floor) -> _Candidate:
    """``Caption (Ảnh: X).``: the credit, and the caption sentence when the paren ends it."""
    after = end + 1 if text.startswith(".", end) else end
    rest_blank = _blank(text, after, line_end)
    next_word = "" if rest_blank else _NEXT_WORD.match(text, after, line_end).group(1)
    if next_word[:1].islower() or _COMMA_NEXT.match(text, end, line_end):
        # "Ông A (Ảnh: X) cho biết ...", "Ông A (ảnh), Chủ tịch xã, ...": mid-sentence credit
        return _Candidate(start, end, start, end, "captions.credit", line_start, False)
    caption_start, whole = _caption_start(text, line_start, start, rest_blank, floor)
    if not whole and not _inline_caption(text, caption_start, start):
        caption_start = start
    elif (_is_story_sentence(text, caption_start, start)
          or _timed_lead(text, caption_start, whole or rest_blank)
          or _glued_connective(text, line_start, caption_start, whole or rest_blank)
          or _points_from_prose(text, line_start, start, end)):
        caption_start = start  # "TTO - Trung tâm ... cho biết, ... 150 mm (Ảnh: X).": credit only
    if caption_start == line_start == start and rest_blank:  # "(Ảnh: X)" alone on its line
        caption_start = _caption_line_above(text, line_start, after)
    elif caption_start == line_start < start and text[line_start].islower():
        caption_start = _wrapped_caption_head(text, line_start)
    rule = "captions.credit_sentence" if caption_start < start else "captions.credit"
    if caption_start == start and not blank_before(text, start):
        after = end  # the credit alone: the sentence before it keeps its full stop
    if _VIDEO_PAREN.match(text, start):
        rule = "captions.video"
    return _Candidate(start, end, caption_start, after, rule, line_start, whole)


def _points_from_prose(text: str, line_start: int, start: int, end: int) -> bool:
    """A bare ``(ảnh)`` (no credit) at ``start`` with another sentence before it on its line
    (from ``line_start``): a story paragraph that points the reader at its photo (``...
    Được chút an toàn nhưng mất vệ sinh (ảnh).``), no caption, which is one short sentence
    under the picture: the pointer alone goes.

    >>> _points_from_prose("Dân rào nắp cống. Đỡ nguy hiểm (ảnh).", 0, 31, 36)
    True
    >>> _points_from_prose("Dân rào nắp cống (ảnh).", 0, 17, 22)
    False
    >>> _points_from_prose("Dân rào nắp cống. (ảnh)", 0, 18, 23)
    False
    """
    return (_BARE_PHOTO_POINTER.fullmatch(text, start, end) is not None
            and _holds_two_sentences(text[line_start:start]))


_WRAPPED_HEAD_MAX = _SETTINGS["wrapped_caption_head_max_chars"]
_NO_HEAD_END = ".!?:;…\"”’)"


def _wrapped_caption_head(text: str, line_start: int) -> int:
    """Where a credited caption opens when a hard-wrapped text broke it over two lines: its
    line (at ``line_start``) opens in lower case, so the caption's head is the line above
    when that is short (``wrapped_caption_head_max_chars``), opens with a capital, ends with
    no sentence mark, and opens a paragraph under a hard-wrapped one (the line right above
    it ends a sentence and opens in lower case, a wrapped paragraph's last line):
    ``... và`` / ``ghi nhận ...`` / ``Các đại biểu dự lễ khởi công`` / ``công trình. (Ảnh:
    H.T)``. Otherwise ``line_start``: with no sign that the text was wrapped at a fixed
    width (a paragraph of one line above, a blank line, the text's top) the short line is
    a heading or the story's own first line (``Những con số ấn tượng`` / ``năm nay ...``).

    >>> text = "Xã đã làm đường\\nmới.\\nCác đại biểu dự lễ khởi công\\ncông trình. (Ảnh: H.T)"
    >>> text[_wrapped_caption_head(text, text.rindex("\\n") + 1):][:12]
    'Các đại biểu'
    >>> text = "Xã đã làm đường mới.\\nCác đại biểu dự lễ khởi công\\ncông trình. (Ảnh: H.T)"
    >>> _wrapped_caption_head(text, text.rindex("\\n") + 1) == text.rindex("\\n") + 1
    True
    >>> text = "Xã đã hoàn thành con đường\\nmới cho bà con đi lại thuận\\ntiện. (Ảnh: H.T)"
    >>> _wrapped_caption_head(text, text.rindex("\\n") + 1) == text.rindex("\\n") + 1
    True
    """
    if line_start < 2:
        return line_start
    head = text.rfind("\n", 0, line_start - 1) + 1
    line = text[head:line_start - 1].strip()
    if not line or len(line) > _WRAPPED_HEAD_MAX or not line[0].isupper() \
            or line[-1] in _NO_HEAD_END:
        return line_start
    if head < 2 or text[head - 2] == "\n":
        return line_start  # the text's top or a blank line above: no wrapped text shown
    above = text[text.rfind("\n", 0, head - 1) + 1:head - 1].strip()
    if not above or above[-1] not in ".!?…\"”’)":
        return line_start  # the line above runs on into it: a paragraph's wrapped middle
    if not above[0].islower():
        return line_start  # a paragraph of one line above: the text is not hard-wrapped
    return head


def _described_candidate(text, end, line_start, line_end) -> _Candidate | None:
    """``Biểu đồ: Diễn biến giá xăng năm 2026.``, ``Ảnh 2: Công nhân làm việc ...`` opening its
    own line: all of it describes the picture, when it is caption-sized and reads as words
    (``Sơ đồ: 4-2-3-1``, a team's formation, and ``Bảng: A`` stay)."""
    if not _describes(text, end, line_end) or _DESCRIPTION_WORDS.match(text, end, line_end) is None:
        return None
    last = LAST_NON_BLANK.search(text, end, line_end).end()
    stop = _SENTENCE_END.search(text, end, last)
    if stop is not None and stop.end() < last:
        # "Trong ảnh: Ông A và ông B. Sáng nay, đoàn ...": the story goes on after the
        # description's first sentence, and stays
        last = LAST_NON_BLANK.search(text, end, stop.end()).end()
        return _Candidate(line_start, last, line_start, last, "captions.described_line",
                          line_start, False)
    return _Candidate(line_start, last, line_start, last, "captions.described_line",
                      line_start, True)


#: A description opens with a word and holds two: ``Lợi nhuận ròng ...``, not ``4-2-3-1``.
_DESCRIPTION_WORDS = regex.compile(
    rf"{_HSPACE}*+\p{{L}}[\p{{L}}\p{{N}}]*+[^\p{{L}}\p{{N}}\n]++[\p{{L}}\p{{N}}]", regex.V1)


def _describes(text: str, end: int, line_end: int) -> bool:
    """After a head's colon, a caption-sized description fills the rest of the line."""
    return not _blank(text, end, line_end) and _is_caption_sized(
        text[end:line_end].rstrip(_ENDER_TAIL))


def _description_end(text: str, pos: int, line_end: int) -> int:
    """After a video's head, where its description ends when it reads as a sentence (a capital,
    then a lowercase word: ``Đội tuyển Việt Nam tập luyện``, never a name) and is
    caption-sized: its first sentence end or the line's end; 0 when it is no description, -1
    when the stretch holds a dated clock time (a flattened article's title, dateline and lead)."""
    if (_DESCRIPTION_OPENING.match(text, pos, line_end) is None
            and _FIRST_WORD.match(text, pos, line_end).group(1) not in _DESCRIPTION_STARTERS
            or _CREDIT_NAME.match(text, pos, line_end).group("ended")):
        return 0  # "Video:Nhân vật cung cấp": a credit
    stop = _SENTENCE_END.search(text, pos, line_end)
    end = stop.start() + 1 if stop else LAST_NON_BLANK.search(text, pos, line_end).end()
    if stop is not None:
        end = _next_sentence_start(text, pos, end)
    source = _SOURCE_PAREN_INSIDE.search(text, pos, end)
    if source is not None:  # "Video: Xe lao vào nhà (Nguồn: Facebook) Ba người ...": its credit
        end = source.end()  # closes it
    if _DATED_STAMP.search(text, pos, end) is not None:
        return -1  # "Video: <headline> 22/11/2024 10:00 <lead>.": a flattened article's head
    return end if _is_caption_sized(text[pos:end].rstrip(_ENDER_TAIL)) else 0


def _next_sentence_start(text: str, pos: int, end: int) -> int:
    """Where a flattened story's next sentence starts inside a video's description that has
    no full stop of its own (``Video: Nước lũ tràn vào nhà dân Theo Trung tâm ..., lũ ...``):
    the first later capitalised sentence starter (``Theo``, ``Ông``, ``Trong``; the ones no
    name syllable), else ``end``."""
    for match in _CAPITALISED_WORD_AFTER.finditer(text, pos, end):
        if match.group(1) in _DESCRIPTION_STARTERS:
            return match.start(1)
    return end


#: A source or credit in brackets, which closes a video's description.
_SOURCE_PAREN_INSIDE = regex.compile(r"\((?:[Nn]guồn|Ảnh|ảnh|Video|Clip)[^()\n]{0,60}+\)",
                                     regex.V1)
#: A capitalised word after a word and a space (the description's first word is skipped).
_CAPITALISED_WORD_AFTER = regex.compile(r"(?<=\p{L}[ \t])(\p{Lu}\p{Ll}*+)(?=[ \t])", regex.V1)
#: A date with its year and a clock time: a page's dateline, never in a video's description.
_DATED_STAMP = regex.compile(r"\d{1,2}/\d{1,2}/\d{4}[ ,-]{1,3}\d{1,2}[:h]\d{2}", regex.V1)


def _reports_story(text: str, pos: int, line_end: int) -> bool:
    """After a video's head, a whole story sentence, no description: it ends with a full
    stop, holds ``story_sentence_min_words`` words or more and a story verb (``đã``,
    ``được``, ``cho biết``: ``captions_scene_opener_stops.txt``)."""
    rest = text[pos:line_end].strip()
    return (rest.endswith(".") and _SCENE_SENTENCE_STOP.search(rest) is not None
            and len(_WORD.findall(rest)) >= _SETTINGS["story_sentence_min_words"])


#: A sentence's end right before a marker: "... 3 điểm. Video: ...".
_SENTENCE_BEFORE = regex.compile(rf"[.!?…][\"”’)]*+{_HSPACE}*+$", regex.V1)
_DESCRIPTION_OPENING = regex.compile(rf"{_HSPACE}*+\p{{Lu}}\p{{Ll}}*+{_HSPACE}++\p{{Ll}}", regex.V1)
_FIRST_WORD = regex.compile(rf"{_HSPACE}*+(\w*)", regex.V1)
#: Words that open a sentence and no credit's name (``Video: Ông Trump đến Bắc Kinh.``):
#: the sentence starters that are no name syllable, and the honorific ``Ông``, Vietnamese
#: surname though it is.
_DESCRIPTION_STARTERS = frozenset(
    {word for word in _STARTERS if word not in _NAME_SYLLABLES} | {"Ông"})


def _clip_candidate(text, start, end, line_start, line_end) -> _Candidate:
    """``XEM CLIP: (...)`` / ``Xem clip: ...:`` announces an embedded video."""
    stop = end
    paren = _CLIP_PAREN.match(text, end, line_end)
    at_line_start = blank_before(text, start)
    if paren:
        stop = paren.end()
    elif at_line_start and line_end - end <= _SETTINGS["caption_segment_max_chars"]:
        stop = line_end
    return _Candidate(start, stop, start, stop, "captions.video", line_start,
                      at_line_start and stop == line_end)


def _credit_candidate(text, kind, start, end, line_start, line_end, floor
                      ) -> _Candidate | None:
    """``Caption. Ảnh: X``, ``Caption - Ảnh: X``, ``Ảnh minh họa.``, ``Caption. Ảnh Tên.``.

    A video's or an infographic's head opening the text's first line, with the article's
    dateline or lead under it, heads the title (``Video: Nước lũ cuốn trôi cầu tạm ở Hà
    Giang`` / ``22/11/2024 10:00``): no caption (above a headline it is a credit).
    """
    if (kind == "colon" and text.startswith(_TITLE_HEADS, start) and _blank(text, 0, start)
            and _opens_article(text, line_end)):  # (blanks only before it: an indent too)
        return None
    if kind == "colon" and text.startswith(_PRODUCTION_HEADS, start) and blank_before(text, start):
        return None  # "Thực hiện: Nguyễn Văn Hùng" on its own line: the article's byline
    if "\n" in text[start:end]:  # "Ảnh\n:" — html2text split the marker
        line_end = _line_end(text, end)
    name_from = end
    if kind == "colon" and line_end < len(text) and _blank(text, end, line_end):
        # "Ảnh:\nLê Hiếu." — html2text put the name on the next line.
        next_end = _line_end(text, line_end + 1)
        if len(text[line_end + 1:next_end].strip()) <= _SETTINGS["credit_line_max_chars"] // 2:
            name_from, line_end = line_end + 1, next_end
    credited = kind != "bare"  # a colon or a name: "Ảnh: X", "Ảnh minh họa: X", "Ảnh Tên."
    described = False  # a video's description after a body's sentence: no caption before it
    label_first = False  # "Ảnh: <description>.": the label and its own sentence
    if kind == "named":  # "... sentence. Ảnh Trọng Đức." only when the name ends the line
        first = _NON_SPACE.search(text, end, line_end)
        if first is None:
            return None  # nothing after the marker: not a name
        last = LAST_NON_BLANK.search(text, end, line_end).end()
        joined = end - start > len("Ảnh ") and _JOINED_NAME.match(text, first.start(), line_end)
        if joined and _reads_as_name(joined.group(1)):
            last = first.start() + len(joined.group(1)) + 1  # "Ảnh nguồn TTXVN." in a body
        elif last - first.start() > 40 or not _reads_as_name(text[end:last]):
            glued = _GLUED_NAME.match(text, first.start(), line_end)
            if glued is not None and _reads_as_name(text[end:glued.end()]):
                last = glued.end()  # "... nhớ. Ảnh T.TrTheo đó, ...": up to the next paragraph
            else:
                last = _agency_end(text, first.start(), line_end)
            if last < 0:
                return None
        credit_end = last
    elif kind == "colon" and text.startswith(_VIDEO_HEADS, start) and blank_before(text, start) \
            and _describes(text, end, line_end):
        if _reports_story(text, end, line_end):
            return None  # "Video: Biển người ... đã được chia sẻ rộng rãi ...": the story's
        # "Video: Người dân dùng bình chữa cháy dập lửa" on its own line: all of it describes
        # the video (a name parser would stop at "Người" and leave the rest)
        credit_end = LAST_NON_BLANK.search(text, end, line_end).end()
    elif kind == "colon" and text.startswith(_VIDEO_HEADS, start) \
            and (described_end := _description_end(text, end, line_end)) != 0:
        if described_end < 0:
            return None  # the title, dateline and lead of a video article: no caption
        # "... 3 điểm. Video: Đội tuyển Việt Nam tập luyện": a sentence, not a name
        credit_end = described_end
        described = _SENTENCE_BEFORE.search(text, line_start, start) is not None
    elif kind == "colon" and (first_end := _label_first_end(
            text, start, name_from, line_end)) != 0:
        if first_end < 0:
            return None  # a story sentence that opens with a label: everything stays
        # "... khách. Ảnh: Một cây xăng tại Hà Nội vắng khách.": a caption written label-first
        credit_end, described = first_end, True
        label_first = True
    elif kind == "colon":
        credit_end = _credit_name_end(text, name_from, line_end)
    elif text.startswith(":", end) and (first_end := _label_first_end(
            text, start, end + 1, line_end)) != 0:
        if first_end < 0:
            return None  # a story sentence that opens with a label: everything stays
        # "Ảnh minh họa: Học sinh Hà Nội trong giờ ra chơi.": the label and its description
        credit_end, credited, described, label_first = first_end, True, True, True
    elif text.startswith(":", end):  # "Ảnh minh họa: Reuters"
        credit_end, credited = _credit_name_end(text, end + 1, line_end), True
    else:  # "Ảnh minh họa.", "Ảnh minh họa/Internet": with the web source it names
        source = _SLASHED_SOURCE.match(text, end, line_end)
        if source is not None and (source["source"] in _WEB_SOURCES
                                   or source["source"] in _AGENCIES):
            end = source.end()
        credit_end = end + 1 if text.startswith(".", end) else end
        web = _SOURCE_INLINE.match(text, _first_non_space(text, credit_end, line_end), line_end)
        if web is not None and web["source"] in _WEB_SOURCES:
            # "Ảnh minh họa. Nguồn: Internet", maybe run into the next paragraph's capital
            credit_end = web.end()
    rule = "captions.marker_line" if kind == "bare" else "captions.credit"
    if text.startswith(("Video", "Clip"), start):
        rule = "captions.video"
    credit_start = start
    dash = _DASH_BEFORE.search(text, max(line_start, start - 8), start)
    if dash:
        credit_start, credited = dash.start(), True
    line_only = _blank(text, credit_end, line_end)
    if not line_only and _repeats_to_line_end(text, start, credit_end, line_end):
        credit_end, line_only = LAST_NON_BLANK.search(text, credit_end, line_end).end(), True
    if described:
        caption_start, whole = credit_start, False
    else:
        caption_start, whole = _caption_start(text, line_start, credit_start, line_only,
                                              floor)
        if start > 0 and text[start - 1].isalpha() and (
                caption_start >= credit_start or _reads_as_name(text[caption_start:start])):
            # glued to a sign-off ("Đông VệẢnh:Gucci"): the credit alone; glued to a caption
            # the scraper ran into it ("... tại TP HCMẢnh: Hoàng Triều") the caption goes too
            caption_start, whole = credit_start, False
    if caption_start == line_start == credit_start and line_only:
        caption_start = _caption_line_above(text, line_start, credit_end, kind == "bare")
    elif not whole and not (_inline_caption(text, caption_start, credit_start) if credited
                            else _marked_caption(text, line_start, caption_start, credit_start)):
        caption_start = credit_start  # "... a body sentence. Ảnh minh họa.": the marker only
    if caption_start < credit_start and (
            kind == "colon" and _signed_after(text, name_from, credit_end)
            or _is_story_sentence(text, caption_start, credit_start)
            or _CONNECTIVE_OPENING.match(text, caption_start, credit_start)
            or _closes_article(text, caption_start, credit_start)
            or _timed_lead(text, caption_start, whole or line_only)
            or _long_lead(text, line_start, caption_start, credit_start, whole or line_only)):
        caption_start = credit_start  # a lead or reported-speech sentence stays
    if caption_start < credit_start and rule == "captions.credit":
        rule = "captions.credit_sentence"
    if label_first and rule == "captions.credit":
        rule = "captions.label_first"
    return _Candidate(credit_start, credit_end, caption_start, credit_end, rule, line_start,
                      whole or caption_start < line_start)


def _closes_article(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with the end mark ``/.`` (``... nhiều nơi./.``): the
    article's last sentence, which no caption is written with.

    >>> _closes_article("Nước sông dâng cao./. ", 0, 22), _closes_article("Cầu mới. ", 0, 9)
    (True, False)
    """
    return text[start:end].rstrip().endswith("/.")


#: A source joined to a bare marker by a slash: ``Ảnh minh họa/Internet``.
_SLASHED_SOURCE = regex.compile(rf"{_HSPACE}*+/{_HSPACE}*+(?P<source>[\p{{L}}\p{{N}}]++)", regex.V1)
_VIDEO_HEADS = ("Video", "VIDEO", "Clip", "CLIP")
#: Credit heads that credit the whole article when they open a line (a byline's).
_PRODUCTION_HEADS = tuple(word_list("captions_production_heads.txt"))


def _opens_article(text: str, line_end: int) -> bool:
    """The next non-blank line after ``line_end`` is an article's dateline (``22/11/2024
    10:00``, ``Thứ sáu, ...``) or its lead (a sentence of ``lead_min_chars`` or more)."""
    first = _NON_SPACE.search(text, line_end)
    if first is None:
        return False
    line = text[first.start():_line_end(text, first.start())].rstrip()
    return _DATELINE_OPENING.match(line) is not None or (
        line[-1] in ".!?…" and len(line) >= _SETTINGS["lead_min_chars"])


_DATELINE_OPENING = regex.compile(r"Thứ |Chủ nhật|\d{1,2}[/:.-]\d", regex.V1)
#: Heads a headline may open with (vietnamnet, dantri, vietnamplus): ``Video: ...``.
_TITLE_HEADS = (*_VIDEO_HEADS, "Infographic", "INFOGRAPHIC")


def _label_first_end(text: str, start: int, pos: int, line_end: int) -> int:
    """After a label's colon at ``pos``, the end of the sentence a caption written label-first
    fills (``Ảnh: Một cây xăng tại Hà Nội vắng khách.``, ``Video: Hoài Linh hát "Mẹ tôi".``),
    -1 when that sentence is the story's (everything stays), or 0 when a credit follows.

    The label's words run on into lower-case words of one sentence where no credit can end:
    the label opens its line, or the run is one sentence opener (``Một``, ``Nhiều``), or two
    name syllables a credit would have to split (``Hoài | Linh hát``). A short rest that
    names a person or an office (``Công an tỉnh Nghệ An``) is a credit. The sentence is
    a caption when caption-sized and no story report (:func:`_reports_story`); a line of its
    own only when it reads as a short caption (``Ảnh: Chợ Bến Thành năm 1930 là ...`` stays).
    """
    run = _CAPITALISED_RUN.match(text, pos, line_end)
    if run is None:
        if blank_before(text, start) and _lower_sentence_after(text, pos, line_end):
            return -1  # "Nguồn ảnh: các tác giả gửi về ... trong ba tháng.": the story's
        return 0
    if _CREDIT_NAME.match(text, pos, line_end).group("ended"):
        return 0  # "Ảnh: Minh Anh cung cấp"
    splits = _splits_no_credit(run.group("words").split())
    opens_line = blank_before(text, start)
    if not (opens_line or splits):
        return 0
    rest = text[pos:line_end]
    if not splits and len(rest.strip()) <= _SETTINGS["credit_line_max_chars"] and (
            _reads_as_name(rest) or _names_a_source(rest)):
        return 0
    stop = _SENTENCE_END.search(text, run.end(), line_end)
    end = stop.start() + 1 if stop else LAST_NON_BLANK.search(text, pos, line_end).end()
    if text[end - 1:end] in "\"”’)" and text[end - 2:end - 1] in ".!?…":
        end -= 1  # the closing quote came after the full stop: the sentence ends at the stop
    while text[end:end + 1] in "\"”’)" and end < line_end:
        end += 1
    sentence = text[pos:end].strip()
    if not _is_caption_sized(sentence) or _reports_story(text, pos, end) or (
            opens_line and not _reads_as_short_caption(sentence)):
        return -1  # a line of its own reads as a caption only when it is a short one
    return end


def _lower_sentence_after(text: str, pos: int, line_end: int) -> bool:
    """After a label's colon, a sentence in lower case of ``label_sentence_min_words`` words
    or more fills the line and ends it with a sentence mark: the label's words open a story
    sentence (``Nguồn ảnh: các tác giả gửi về ban tổ chức qua email ... trong ba tháng.``);
    a credit in lower case is a few words (``Ảnh: tư liệu``, ``Ảnh: nhân vật cung cấp``).

    >>> line = "Nguồn ảnh: các tác giả gửi về ban tổ chức qua email và bưu điện cả năm."
    >>> _lower_sentence_after(line, 10, len(line)), _lower_sentence_after("Ảnh: tư liệu.", 5, 13)
    (True, False)
    """
    rest = text[pos:line_end].strip()
    return (rest[:1].islower() and rest[-1:] in ".!?…"
            and len(rest.split()) >= _SETTINGS["label_sentence_min_words"])


def _splits_no_credit(words: list[str]) -> bool:
    """Capitalised words, then lower-case ones, that hold no credit: one sentence opener
    (``Một cây``), or two name syllables (``Hoài Linh hát``: one syllable is no credit)."""
    if len(words) == 1:
        return words[0] in _STARTERS and words[0] not in _NAME_SYLLABLES
    return len(words) == 2 and all(_syllable(w) in _NAME_SYLLABLES for w in words)


#: Title-case words after a label, going on into a lower-case word of at most seven letters
#: (a Vietnamese syllable: ``nghiêng``; a longer one is a handle, ``Instagram zurichfilm``)
#: that joins no second name (``Ảnh: Ngọc Mai và Minh Anh``).
_CAPITALISED_RUN = compile_named(
    rf"{_HSPACE}*+(?P<words>\p{{Lu}}\p{{Ll}}*+(?:[ ]\p{{Lu}}\p{{Ll}}*+){{0,5}}+)"
    rf"[ ](?!(?:{named_list(word_list('captions_name_joiners.txt'))})[ ])"
    rf"\p{{Ll}}{{1,7}}+(?![\p{{L}}\p{{N}}])", regex.V1)


def _repeats_to_line_end(text: str, start: int, end: int, line_end: int) -> bool:
    """The rest of the line repeats the marker ``text[start:end]`` and nothing else (a
    stacked duplicate: ``Cap. Ảnh minh họa. Ảnh minh họa``), so the marker ends its line."""
    size = end - start
    if line_end - end > 2 * size + 4 or size < 4:
        return False
    marker = text[start:end].strip(" .")
    return not text[end:line_end].replace(marker, "").strip(" .\t")


def _agency_end(text: str, start: int, line_end: int) -> int:
    """End of an agency name at ``start`` that ends a glued credit (``Tehran. Ảnh RIA "Hãy
    ...``: what follows starts a new sentence), or -1 (``Ảnh AFP cho thấy ...`` is story)."""
    token = _NAME_TOKEN_RE.match(text, start, line_end)
    if token is None or token.group().rstrip(".,") not in _AGENCIES:
        return -1
    end = start + len(token.group().rstrip(".,"))
    if _AGENCY_FOLLOWER.match(text, end, line_end) is None:
        return -1
    return end + 1 if text.startswith(".", end) else end


# After a glued agency credit: the line's end, or a new sentence (a capital or a quote).
_AGENCY_FOLLOWER = regex.compile(rf"\.?+{_HSPACE}*+$|\.?+{_HSPACE}++[\"“]?\p{{Lu}}", regex.V1)


def _inline_caption(text: str, start: int, end: int) -> bool:
    """A sentence glued into a body can be a caption: short, and no quoted or reported speech."""
    sentence = text[start:end]
    return (len(sentence) <= _SETTINGS["inline_caption_max_chars"]
            and _QUOTE.search(sentence) is None and _SPEECH_TAIL.search(sentence) is None)


def _marked_caption(text: str, line_start: int, start: int, end: int) -> bool:
    """The sentence ``text[start:end]`` right before a bare marker (``Ảnh minh họa``) inside
    a body is its caption when it reads as one (:func:`_reads_as_short_caption`) and follows
    another sentence's end on its line (a line's first sentence may be a title or a lead;
    ``TP. HCM ...`` is no sentence start): ``Cầu Rồng về đêm. Ảnh minh họa`` loses the
    caption, ``... hình thành rất sớm. Ảnh minh họa.`` keeps the long sentence."""
    return (start > line_start and _reads_as_short_caption(text[start:end].rstrip())
            and _SENTENCE_BEFORE_CAPTION.search(text, max(line_start, start - 6), start)
            is not None)


def _reads_as_short_caption(sentence: str) -> bool:
    """A sentence that reads as a photo's caption with nothing but its place to say so: at
    most ``scene_sentence_max_chars``, a capital first and a full stop last, no comma,
    quote, colon or bracket, and no story verb (``đã``, ``đang``, ``được``, ``cho biết``,
    ... in ``captions_scene_opener_stops.txt``: ``Vụ việc đang được điều tra.`` is story).

    >>> [_reads_as_short_caption(s) for s in ("Lãnh đạo tỉnh thị sát công trường.",
    ...                                       "Vụ việc đang được điều tra.")]
    [True, False]
    """
    return (sentence[:1].isupper() and sentence.endswith(".")
            and len(sentence) <= _SETTINGS["scene_sentence_max_chars"]
            and _NOT_IN_SHORT_CAPTION.search(sentence) is None
            and _SCENE_SENTENCE_STOP.search(sentence) is None)


#: A province or country after the place a caption line ends with (``đoạn qua huyện Nghi
#: Lộc, Nghệ An.``): the comma of an address, not of a clause, above a lone credit.
_PLACE_TAIL = regex.compile(r",[ \t]\p{Lu}\p{Ll}*+(?:[ \t]\p{Lu}\p{Ll}*+){0,2}\.$", regex.V1)
#: What a short caption never holds (a clause, a quote, speech, a bracket, another sentence).
_NOT_IN_SHORT_CAPTION = re.compile(r"[,;:\"“”()!?…]|\.\s")
#: A sentence's end right before a caption: a small letter or digit, then the full stop.
_SENTENCE_BEFORE_CAPTION = regex.compile(r"[\p{Ll}\d][\"”’)]?[.!?…][\"”’)]?\s*+$", regex.V1)


def _caption_line_above(text: str, line_start: int, credit_end: int,
                        bare_marker: bool = False) -> int:
    """A lone credit line's caption: the short line right above it (no blank line between).

    In a text whose paragraphs stand between blank lines the pair must stand alone so
    (``Cuộc sống của những cư dân cuối cùng ở Thủ Thiêm\nVideo: Đức Huy``; the credit may
    end on the next line: ``Ảnh:\nLê Hiếu.``). In a text without blank lines the line above
    must have a line above it that is no menu item (:func:`vnclean.nav.is_menu_item`),
    more text must follow the credit, and it must read as a caption
    (:func:`_reads_as_short_caption`; a province after its place, ``..., Nghệ An.``, is
    an address's comma, ``_PLACE_TAIL``) — not under a bare marker's line (``Ảnh minh họa:
    PLO``): an illustration is its own caption, and the short sentence above it is the
    story's (``Mức phạt đối với tổ chức gấp đôi cá nhân.``).
    """
    if line_start < 2 or text[line_start - 2] == "\n":
        return line_start
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    above = text[above_start:line_start - 1]
    line_end = text.find("\n", credit_end)
    blank_above = above_start < 2 or text[above_start - 2] == "\n"
    isolated = blank_above and (
        line_end < 0 or text.startswith("\n\n", line_end) or line_end == len(text) - 1)
    if (isolated and above.strip() and len(above) <= _SETTINGS["caption_line_above_max_chars"]
            and not above.rstrip().endswith(":")):
        return above_start + len(above) - len(above.lstrip())
    if (not blank_above and line_end > 0 and not text.startswith("\n\n", line_end)
            and not _blank(text, line_end, len(text))
            and (not bare_marker and _reads_as_short_caption(_PLACE_TAIL.sub(".", above.strip()))
                 or _bare_caption_between(text, above_start, above, line_end)
                 or _over_capital_credit(above, text[line_start:credit_end]))
            and not is_menu_item(text[text.rfind("\n", 0, above_start - 1) + 1:above_start - 1])):
        # (under a menu item nav left, a picture's caption is unlikely, and taking the line
        # would join that item to the next into a menu a second pass would find)
        return above_start + len(above) - len(above.lstrip())
    return line_start


def _over_capital_credit(above: str, credit: str) -> bool:
    """The line over a credit set in capitals (``ẢNH: REUTERS``, as a page that prints a
    credit under each caption sets it) is its caption: one line of ``scene_line_min_words``
    words or more, up to ``caption_line_above_max_chars``, a capital first and no sentence
    end, colon or quote last (``Người dân dọn dẹp nhà cửa sau trận lũ ... chiều 12.10`` /
    ``ẢNH: REUTERS``); a paragraph of the story ends its sentence.

    >>> _over_capital_credit("Người dân dọn dẹp sau lũ tại Quảng Ngãi", "ẢNH: NGỌC THẮNG")
    True
    >>> _over_capital_credit("Người dân dọn dẹp sau lũ tại Quảng Ngãi.", "ẢNH: NGỌC THẮNG")
    False
    >>> _over_capital_credit("Người dân dọn dẹp sau lũ tại Quảng Ngãi", "Ảnh: Ngọc Thắng")
    False
    >>> _over_capital_credit("Từ sáng sớm người dân đã đổ về quảng trường", "ẢNH: TTXVN")
    False
    """
    line = above.strip()
    return (credit.isupper() and line[:1].isupper()
            and len(line) <= _SETTINGS["caption_line_above_max_chars"]
            and line[-1] not in _SENTENCE_LAST
            and _ENOUGH_WORDS.search(line) is not None
            and not _reports_speech(line) and _NARRATION_MARK.search(line) is None)


#: An aspect word narrating a finished event (``đã``; captions_narration_marks.txt).
_NARRATION_MARK = _WholeWords("captions_narration_marks.txt")
#: A report's or forecast's verb (``cho rằng``, ``sẽ``; captions_report_verbs.txt).
_REPORT_VERB = regex.compile(
    rf"(?<!\p{{L}})(?:{alternation(word_list('captions_report_verbs.txt'))})(?!\p{{L}})", regex.V1)
#: A sentence opening with its source, ``Theo lãnh đạo huyện, ...``: a report, no caption.
_SOURCE_OPENING = regex.compile(r"Theo[ \t][^,\n]{1,60}?,[ \t]", regex.V1)


def _reports_speech(line: str) -> bool:
    """A line that reports what someone said or where it comes from: a reporting clause
    (``... cho biết, ...``; ``..., ông Nam nói``), a source opening it (``Theo X, ...``) or a
    discourse connective (``Tuy nhiên, ...``): a story paragraph that lost its full stop,
    not the caption over a credit (:func:`_over_capital_credit`).

    >>> _reports_speech("Theo lãnh đạo huyện, hơn 500 hộ dân đã được đưa tới nơi an toàn")
    True
    >>> _reports_speech("Người dân dọn dẹp sau lũ tại Quảng Ngãi")
    False
    """
    return (_SOURCE_OPENING.match(line) is not None
            or _REPORT_VERB.search(line) is not None
            or _STORY_SENTENCE.search(line) is not None
            or _SPEECH_TAIL.search(line) is not None
            or _CONNECTIVE_OPENING.match(line) is not None)


#: A last character no caption line over a capital credit ends with: a sentence's end, a
#: colon, a quote.
_SENTENCE_LAST = frozenset(".!?…:;\"”’")


def _bare_caption_between(text: str, above_start: int, above: str, line_end: int) -> bool:
    """``captions.credit_sentence`` with no full stop: a short line of at least
    ``scene_line_min_words`` words, a capital first, a letter or digit last, no comma, quote,
    colon or bracket and no story verb, between two paragraphs (``Màn trình diễn cồng
    chiêng tại lễ hội`` / ``Ảnh: BTC``). A subheading stands above a photo, not right
    above its credit; a sentence cut short, ``Theo ông`` or a list item has its paragraph's
    punctuation or is not between two."""
    line = above.strip()
    if not (line[:1].isupper() and line[-1:].isalnum()
            and len(line) <= _SETTINGS["scene_sentence_max_chars"]
            and _ENOUGH_WORDS.search(line) is not None
            and _NOT_IN_SHORT_CAPTION.search(line) is None
            and _SCENE_SENTENCE_STOP.search(line) is None):
        return False
    return _between_paragraphs(text, above_start, line_end)


def _between_paragraphs(text: str, start: int, end: int) -> bool:
    """The line above the one at ``start`` and the line below the one ending at ``end`` are
    story paragraphs (:func:`_is_paragraph`)."""
    before_start = text.rfind("\n", 0, start - 1) + 1
    return (_is_paragraph(text[before_start:start - 1])
            and _is_paragraph(text[end + 1:_line_end(text, end + 1)]))


def _is_paragraph(line: str) -> bool:
    """A story paragraph's line: ``lone_credit_prose_min_chars`` or more, a sentence's end."""
    line = line.rstrip()
    return (len(line) >= _SETTINGS["lone_credit_prose_min_chars"]
            and line.endswith((".", "!", "?", "…", '"', "”")))


# ---------------------------------------------------------------------------------------------
# Markers with no keyword, and whole-line forms. A head and its colon (``Biểu đồ:`` or
# ``Đơn vị:`` opening a line, ``(Nguồn:``) is found from the text's colons; a line that is all
# credit or a gallery counter by one set lookup of the text's lines (in C), its place only in
# the rare text that holds one.
# ---------------------------------------------------------------------------------------------


def _colon_head_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A head, and its colon, that opens a line: a described head that holds no marker
    keyword (the keyword scan finds ``Ảnh trên:``), maybe numbered (``Bảng 2:``), or a chart
    note's (``Đơn vị:``, ``Nguồn:``); and ``(Nguồn:`` anywhere."""
    return (re.compile(rf"[^\S\n]*+(?:(?P<described>{trie(_UNKEYED_HEADS)})"
                       rf"(?:[^\S\n]{{1,3}}\d{{1,2}})?+|(?P<note>{trie(_NOTE_HEADS)}))[^\S\n]*+:"),
            re.compile(r"\([^\S\n]{0,3}[Nn]guồn[^\S\n]*+:"))


#: The chart notes' heads, and each one's kind (``"unit"`` or ``"source"``).
_NOTE_HEADS = tuple(head for _, head in tab_entries("captions_chart_notes.txt"))
_CHART_NOTE_KINDS = {head: kind for kind, head in tab_entries("captions_chart_notes.txt")}
_LINE_HEAD, _SOURCE_PAREN_HEAD = _colon_head_patterns()
#: The last three characters of a head of _colon_head_patterns (``Nguồn`` also ends
#: ``(Nguồn``), and what may stand between a head and its colon (a number, spaces).
_HEAD_TAILS = frozenset(head[-3:] for head in _UNKEYED_HEADS + _NOTE_HEADS)
_NUMBER_OR_SPACE_CHARS = "0123456789" + STRIPPED_CHARS.replace("\n", "")
_NUMBER_OR_SPACE = frozenset(_NUMBER_OR_SPACE_CHARS)
#: How long a head can be, its colon included (spaces, the longest head, a number).
_HEAD_REACH = 40


def _colon_heads(text: str) -> list[tuple[str, int, int]]:
    """Every head of :func:`_colon_head_patterns`, in order: ``(kind, start, end)``, where
    ``kind`` is ``"described"``, ``"source_paren"``, ``"source_inline"`` or a note's kind
    (``"unit"``, ``"source"``) and ``end`` is after the colon. Found from the colons (ten
    times rarer than newlines), each read back only ``_HEAD_REACH`` characters."""
    found: list[tuple[str, int, int]] = []
    find, tails, number_or_space = text.find, _HEAD_TAILS, _NUMBER_OR_SPACE
    at = find(":")
    while at >= 0:
        tail = text[at - 3:at]
        if tail in tails:
            _add_colon_head(text, at, tail, found)
        elif text[at - 1] in number_or_space:  # "Bảng 2 :": the tail before number and spaces
            low = max(at - _HEAD_REACH, 0)
            end = low + len(text[low:at].rstrip(_NUMBER_OR_SPACE_CHARS))
            tail = text[end - 3:end]
            if tail in tails:
                _add_colon_head(text, at, tail, found)
        at = find(":", at + 1)  # most colons fail both tests: "cho biết:", "Ảnh:", "10:30"
    return found


def _add_colon_head(text: str, at: int, tail: str, found: list[tuple[str, int, int]]) -> None:
    """Append the head whose colon is at ``at`` to ``found``, if there is one."""
    low = max(at + 1 - _HEAD_REACH, 0)  # where the longest head would start
    newline = text.rfind("\n", max(low - 1, 0), at)
    line_start = newline + 1
    if newline >= 0 or not low:
        head = _LINE_HEAD.match(text, line_start, at + 1)
        if head and head.end() == at + 1:
            if head["described"]:
                found.append(("described", head.start("described"), at + 1))
            else:
                found.append((_CHART_NOTE_KINDS[head["note"]], head.start("note"), at + 1))
    paren = text.rfind("(", low, at) if tail == "uồn" else -1
    if paren >= 0:
        head = _SOURCE_PAREN_HEAD.match(text, paren, at + 1)
        if head and head.end() == at + 1:
            found.append(("source_paren", paren, at + 1))
    if tail == "uồn":  # "Cầu Rồng về đêm. Nguồn: Internet": after a sentence on its line
        head = _SOURCE_AFTER_SENTENCE.search(text, low, at + 1)
        if head:
            found.append(("source_inline", head.start("head"), at + 1))


#: ``Nguồn:`` after a sentence's end on its line (``... về đêm. Nguồn:``), read up to its colon.
_SOURCE_AFTER_SENTENCE = re.compile(r"[.!?…][^\S\n]{1,3}(?P<head>[Nn]guồn)[^\S\n]*+:\Z")


def _lone_lines() -> dict[str, str]:
    """Each line that is all credit or a gallery counter, and what it is: ``"phrase"``
    (``CHỤP MÀN HÌNH``), ``"agency"`` (``REUTERS``, ``AFP/TTXVN``), ``"counter"``
    (``2/8``, ``(2/8)``) or ``"photo"`` (``Ảnh 2/8``); each also with a full stop."""
    agencies = word_list("captions_agencies.txt")
    agencies = tuple(dict.fromkeys(agencies + tuple(a.upper() for a in agencies)))
    lines = dict.fromkeys(word_list("captions_lone_credits.txt"), "phrase")
    lines |= dict.fromkeys(agencies, "agency")
    lines |= dict.fromkeys((f"{a}/{b}" for a in agencies for b in _REDISTRIBUTORS), "agency")
    # "Nguồn: Internet" under a caption line: between paragraphs only, as an agency
    lines |= dict.fromkeys((f"{head}: {web}" for head in ("Nguồn", "NGUỒN")
                            for web in word_list("captions_web_sources.txt")), "agency")
    most = _SETTINGS["gallery_max_photos"]
    for total in range(2, most + 1):
        for number in range(1, total + 1):
            lines[f"{number}/{total}"] = lines[f"({number}/{total})"] = "counter"
            lines[f"Ảnh {number}/{total}"] = "photo"
    return lines | {f"{line}.": kind for line, kind in lines.items()}


#: The agencies that pass other agencies' photos on: "AFP/TTXVN". (A line is looked up
#: in a dict, and a small dict stays in the CPU cache: every pair would not.)
_REDISTRIBUTORS = ("TTXVN",)
_LONE_LINES = _lone_lines()
#: A paragraph's worth of one line: a lone agency needs one above and one below it.
_PROSE_RUN = re.compile(rf"[^\n]{{{_SETTINGS['lone_credit_prose_min_chars']}}}")
_LAST_PROSE_RUN = regex.compile(_PROSE_RUN.pattern, regex.V1 | regex.REVERSE)
_COUNT = re.compile(r"(\d+)/(\d+)")


def _lone_line_candidates(text: str, lines: list[str]) -> list[_Candidate]:
    """Credits and counters alone on their lines (``lines``: ``text.split("\\n")``), in order.

    ``CHỤP MÀN HÌNH`` goes with the short line above it when that reads as its caption
    (:func:`_caption_line_above`); an agency line likewise, but only between paragraphs (at
    a text's end it is a source, under a title a dateline). ``Ảnh 3/12`` is a photo's
    counter; a bare ``2/8`` or ``(2/8)`` only in a run counting up by one to the same total
    (dates in a list of links count down, ``(26/12)`` is no counter, ``1/8/2024`` no line).
    """
    if _LONE_LINES.keys().isdisjoint(lines):
        return []
    found: list[_Candidate] = []
    last_count: dict[int, tuple[int, _Candidate]] = {}  # by total: the last bare counter
    taken: set[int] = set()
    prose: tuple[int, int] | None = None
    start = 0
    for line in lines:
        line_start, start = start, start + len(line) + 1
        kind = _LONE_LINES.get(line)
        if kind is None:
            continue
        end = line_start + len(line)
        if kind in ("counter", "photo"):
            number, total = map(int, _COUNT.search(line).groups())
            counter = _Candidate(line_start, end, line_start, end, "captions.numbered_photo",
                                 line_start, True)
            previous = last_count.get(total)
            last_count[total] = (number, counter)
            if kind == "photo":
                found.append(counter)
            elif previous is not None and previous[0] + 1 == number:
                if previous[1].credit_start not in taken:
                    found.append(previous[1])
                    taken.add(previous[1].credit_start)
                found.append(counter)
                taken.add(line_start)
            continue
        if kind == "agency":
            if prose is None:
                prose = _prose_bounds(text)
            if not prose[0] < line_start <= end < prose[1]:
                continue
        caption_start = _caption_line_above(text, line_start, end)
        rule = "captions.credit_sentence" if caption_start < line_start else "captions.credit"
        found.append(_Candidate(line_start, end, caption_start, end, rule, line_start, True))
    return sorted(found)


#: How a caption line can end with its agency's credit and no ``Ảnh:`` head: ``(AP)``, or
#: the agency after the caption's full stop (``... hôm 3/12/2015. AFP``), then the line's end.
_TAIL_AGENCIES = tuple(dict.fromkeys(word_list("captions_agencies.txt") + tuple(
    a.upper() for a in word_list("captions_agencies.txt"))))
#: Read on the REVERSED text, so each try starts at a newline (found in C) and fails at
#: once unless an agency's last letter, or its closing bracket, stands before it:
#: ``\n)PA(`` is ``(AP)\n``, ``\nPFA .`` is ``. AFP\n``. Group 1 is the credit (reversed).
#: A photographer's name before the agency in a wire photo's credit, read reversed: the
#: ``FRANCOIS GRANGIE`` of ``(FRANCOIS GRANGIE/AFP)`` (letters, blanks, dots, hyphens and
#: apostrophes) or of ``. REUTERS – STEPHANIE LECOCQ`` (capitals only: a line ending in a
#: lower-case letter fails at its first character, see :func:`_credit_names_photographer`).
_PHOTOGRAPHER_REVERSED = r"[^\W\d_](?:[^\W\d_]|[ .'-]){1,%d}" % _SETTINGS["photographer_max_chars"]
_CAPITAL_PHOTOGRAPHER_REVERSED = r"[%s][%s .'-]{1,%d}" % (
    CAPITALS, CAPITALS, _SETTINGS["photographer_max_chars"])
_AGENCY_TAIL_REVERSED = re.compile(
    rf"\n[^\S\n]*((?:\)(?:{trie(tuple(a[::-1] for a in _TAIL_AGENCIES))})"
    rf"(?:/{_PHOTOGRAPHER_REVERSED})?\()"
    rf"|(?:{_CAPITAL_PHOTOGRAPHER_REVERSED}[^\S\n]+[-–—][^\S\n]+)?"
    rf"\.?(?:{trie(tuple(a[::-1] for a in _TAIL_AGENCIES))})[^\S\n]+(?=[\"”’)]?[.!?…]))")


def _agency_tail_candidates(text: str) -> list[_Candidate]:
    """Caption lines closed by their agency's credit alone (``captions.agency_tail``):
    ``Phái đoàn thượng nghị sĩ Mỹ đến Đài Loan (AP)``, ``Công nhân ... hôm 3/12/2015. AFP``.
    The caption before the credit reads as one (:func:`_reads_as_caption_line`: one short
    sentence, no quote, colon or reported speech; in brackets the credit follows no full
    stop), a story paragraph or two lines with text (a title and a subheading) stand above
    it, and the next line with text below it is a paragraph (blank lines may sit between).
    A story paragraph that ends with an agency is longer, or has more than one sentence. A
    credit naming its photographer in brackets after the full stop closes a caption only with
    the name in capitals, ``(MINH ANH/AFP)``, or the photo's alt text above: ``... nhiều năm.
    (Minh Anh/AFP)`` alone is a digest item's sign-off under its story."""
    size = len(text)
    credits = [(size - m.end(1), size - m.start(1), m.group(1)[0] == ")")
               for m in _AGENCY_TAIL_REVERSED.finditer(text[::-1])]
    found: list[_Candidate] = []
    prose: tuple[int, int] | None = None
    for credit_start, end, paren in reversed(credits):
        line_start = text.rfind("\n", 0, credit_start) + 1
        caption = text[line_start:credit_start].strip()
        wrapped = _wrapped_caption_start(text, line_start, caption)
        if wrapped is not None:  # a caption a hard wrap broke: its first half above
            caption = " ".join(text[wrapped:credit_start].split())
            line_start = wrapped
        credit = text[credit_start:end]
        named = "/" in credit if paren else credit.count(" ") > 1
        if named and not _credit_names_photographer(credit, paren):
            continue
        if (len(caption.split()) < 3 or not _reads_as_caption_line(caption)
                or (caption.endswith(".") and paren and not named)):
            continue
        if prose is None:
            prose = _prose_bounds(text)
        below = _NEXT_TEXT_LINE.match(text, end + 1) if end + 1 < len(text) else None
        if below is not None and named and _SIGNED_NAME.fullmatch(below.group(1).strip()):
            below = _NEXT_TEXT_LINE.match(text, below.end() + 1)  # the story's author line
        if not ((prose[0] < line_start or _TWO_TEXT_LINES.search(text, 0, line_start))
                and below is not None and _is_paragraph(below.group(1))):
            continue
        first = line_start + len(text[line_start:end]) - len(text[line_start:end].lstrip())
        end = line_start + len(text[line_start:end].rstrip())
        echo = _alt_echo_start(text, first, caption)
        if (named and paren and caption.endswith(".") and echo == first
                and not credit[1:credit.find("/")].isupper()):
            continue  # a story paragraph's sign-off, (Minh Anh/AFP): no photo's trace
        first = echo
        found.append(_Candidate(credit_start, end, first, end, "captions.agency_tail",
                                line_start, True))
    return found


def _wrapped_caption_start(text: str, line_start: int, caption: str) -> int | None:
    """Where a credited caption a hard wrap broke over two lines starts: its line opens in
    lower case (``quyết định kiện ... (Reuters)``) right under a line with text that opens
    with a capital and ends with a letter or digit, no sentence's or clause's end
    (``Ngoại trưởng ... thông báo``), at most ``wrapped_caption_max_chars`` long: that line's
    start. None when the caption is on one line.

    >>> text = "Bộ trưởng phát biểu \\nkhai mạc hội nghị (Reuters)"
    >>> _wrapped_caption_start(text, 21, "khai mạc hội nghị")
    0
    """
    if not caption[:1].islower() or line_start < 2:
        return None
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    above = text[above_start:line_start - 1].strip()
    if (not above or len(above) > _SETTINGS["wrapped_caption_max_chars"]
            or not above[0].isupper() or not above[-1].isalnum()):
        return None
    above_line = text[above_start:line_start]
    return above_start + len(above_line) - len(above_line.lstrip())


#: The text line right above a line (group 1), over blank lines, read on the reversed text.
_TEXT_LINE_ABOVE_REVERSED = re.compile(r"[^\S\n]*\n(?:[^\S\n]*\n)*[^\S\n]*([^\n]+)")


def _alt_echo_start(text: str, first: int, caption: str) -> int:
    """Where a credited caption starts, its photo's alt text included: the text line right
    above it (blank lines may sit between) when that line is the caption without its credit
    (``Tàu cá về bến.`` over ``Tàu cá về bến. (NGUYỄN AN/AFP)``), unless it is the text's
    first line (its title); else ``first``."""
    if first == 0:
        return first
    above = _TEXT_LINE_ABOVE_REVERSED.match(text[first - 1::-1])
    if above is None or above.group(1)[::-1].strip() != caption:
        return first
    echo = first - above.end(1)
    return echo if text[:echo].strip() else first  # the text's first line: its title


def _credit_names_photographer(credit: str, paren: bool) -> bool:
    """A wire photo's credit naming its photographer: ``(FRANCOIS GRANGIE/AFP)`` (any case
    in brackets, the slash parts them), or ``REUTERS – STEPHANIE LECOCQ`` after the
    caption's full stop (the name in capitals: ``AFP – Theo ...`` is no credit)."""
    if paren:
        return True
    name = re.split(r"\s[-–—]\s", credit, maxsplit=1)[-1]
    return name.isupper()


#: A story's author line right under a wire photo's caption: two to four capitalised words.
_SIGNED_NAME = re.compile(r"[^\W\d_a-zđ]\w*(?: [^\W\d_a-zđ]\w*){1,3}")
#: Two lines with text (a title and one more line: a caption under a subheading).
_TWO_TEXT_LINES = re.compile(r"\S[^\n]*\n(?:[^\S\n]*\n)*[^\S\n]*\S")
#: The next line that holds text (group 1), over blank lines.
_NEXT_TEXT_LINE = re.compile(r"(?:[^\S\n]*\n)*[^\S\n]*([^\n]+)")


def _prose_bounds(text: str) -> tuple[int, int]:
    """Where the first paragraph-long line starts and the last one ends (``(-1, -1)``:
    none)."""
    first = _PROSE_RUN.search(text)
    if first is None:
        return -1, -1
    return first.start(), _LAST_PROSE_RUN.search(text).end()


def _chart_note_candidates(text: str, heads: list[tuple[str, int, int]],
                           candidates: list[_Candidate]) -> list[_Candidate]:
    """``Đơn vị: Tỷ đồng`` and ``Nguồn: FiinGroup`` lines (``heads``: :func:`_colon_heads`)
    right under a chart's title (``Biểu đồ: ...``, a ``captions.described_line`` of
    ``candidates``) or under a note of the chart, and a unit and a source note next to each
    other. A source note anywhere else is an attribution and stays (for the bylines), as
    does prose after the colon (``Nguồn: Bộ Tài chính cho biết ...``)."""
    notes = []
    for kind, start, colon_end in heads:
        if kind not in ("unit", "source"):
            continue
        line_end = _line_end(text, colon_end)
        if _reads_as_note_value(kind, text[colon_end:line_end].strip()):
            notes.append((text.rfind("\n", 0, start) + 1, start,
                          LAST_NON_BLANK.search(text, colon_end, line_end).end(), kind))
    if not notes:
        return []
    anchors = {c.line_start for c in candidates if c.rule == "captions.described_line"}
    found = []
    for i, (line_start, start, end, kind) in enumerate(notes):
        paired = (i + 1 < len(notes) and notes[i + 1][3] != kind
                  and _previous_line_start(text, notes[i + 1][0]) == line_start)
        if paired or _previous_line_start(text, line_start) in anchors:
            anchors.add(line_start)
            found.append(_Candidate(start, end, start, end, "captions.chart_note",
                                    line_start, True))
    return found


def _reads_as_note_value(kind: str, value: str) -> bool:
    """A unit is short and one phrase (``Tỷ đồng``, ``triệu USD, %``); a source reads as a
    name (``VietstockFinance``, ``Tổng cục Thống kê``), not a sentence."""
    if not value:
        return False
    if kind == "unit":
        return (len(value) <= _SETTINGS["chart_unit_max_chars"]
                and _SENTENCE_END.search(value.rstrip(".")) is None)
    return (len(value) <= _SETTINGS["credit_line_max_chars"]
            and (_names_a_source(value) or _reads_as_name(value)))


def _previous_line_start(text: str, line_start: int) -> int:
    """Where the last non-blank line before ``line_start`` starts; -1 when there is none."""
    last = LAST_NON_BLANK.search(text, 0, line_start)
    return -1 if last is None else text.rfind("\n", 0, last.start()) + 1


_WEB_SOURCES = word_set("captions_web_sources.txt")


def _described_head_candidates(text: str, heads: list[tuple[str, int, int]]
                               ) -> list[_Candidate]:
    """The described lines (:func:`_described_candidate`) the keyword scan cannot find,
    from their heads (``heads``: :func:`_colon_heads`): ``Bảng 2: Kết quả kinh doanh``."""
    found = []
    for kind, start, colon_end in heads:
        if kind == "described":
            line_start = text.rfind("\n", 0, start) + 1
            candidate = _described_candidate(text, colon_end, line_start,
                                             _line_end(text, colon_end))
            if candidate is not None:
                found.append(candidate)
    return found


#: ``(Nguồn: Reuters)`` ending its line.
_SOURCE_PAREN = re.compile(
    r"\([^\S\n]{0,3}[Nn]guồn[^\S\n]*+:[^\S\n]*+(?P<source>[^()\n]{1,40}?)[^\S\n]*+\)\.?"
    r"(?=[^\S\n]*+(?:\n|\Z))")


#: ``Nguồn: Internet`` ending a line after a caption's full stop (a web source only).
#: (or a web source that runs into the next block's capital with no space, a scraper's join
#: of the caption and the paragraph below it: ``... vội. Nguồn: InternetTại hội thảo ...``)
_SOURCE_INLINE = regex.compile(
    r"[Nn]guồn[^\S\n]*+:[^\S\n]*+(?:(?P<source>[^()\n]{1,40}?)[^\S\n]*+\.?(?=[^\S\n]*+(?:\n|\Z))"
    r"|(?P<source>%s)(?=\p{Lu}\p{Ll}))" % alternation(tuple(sorted(_WEB_SOURCES))), regex.V1)


def _source_candidates(text: str, heads: list[tuple[str, int, int]]) -> list[_Candidate]:
    """A short caption line that ends with its picture's source in parentheses (``heads``:
    :func:`_colon_heads`): ``Lãnh đạo thị sát công trường (Nguồn: Internet)``, ``Cap.
    (Nguồn: Reuters)``.

    The source says "a picture": a web source anywhere, an agency after the caption's full
    stop (``... 2% (Nguồn: Reuters).`` cites the figure of a story sentence). The line is
    one sentence of at most ``caption_line_above_max_chars``, with no quote or reported
    speech, and more text follows (at a text's end the parentheses attribute the story).
    """
    found = []
    for kind, start, _ in heads:
        paren = (_SOURCE_PAREN.match(text, start) if kind == "source_paren"
                 else _SOURCE_INLINE.match(text, start) if kind == "source_inline" else None)
        if paren is None:
            glued = _glued_source_candidate(text, start) if kind == "source_paren" else None
            if glued is not None:
                found.append(glued)
            continue
        web = paren["source"] in _WEB_SOURCES
        line_start = text.rfind("\n", 0, start) + 1
        caption = text[line_start:start].strip()
        end = paren.end()
        titled = (kind == "source_paren" and not paren.group().endswith(".")
                  and _titled_line_between(text, line_start, end, caption, paren["source"]))
        if not (web or titled) and (
                kind == "source_inline" or paren["source"] not in _AGENCIES) and not (
                (kind == "source_inline" or caption.endswith("."))
                and _credited_line_between(text, line_start, end, caption, paren["source"])):
            continue  # "Giá tăng 2%. Nguồn: Reuters" cites a figure: only a web source inline
        if (caption and (web or titled or caption.endswith("."))
                and not _blank(text, end, len(text))
                and _reads_as_caption_line(caption)):
            found.append(_Candidate(start, end, _first_non_space(text, line_start, start), end,
                                    "captions.credit_sentence", line_start, True))
    return found


def _titled_line_between(text: str, line_start: int, end: int, caption: str,
                         source: str) -> bool:
    """A short line with no sentence mark at its end, then ``(Nguồn: X)``, standing alone
    between two paragraphs (``Bàn thắng của Việt Nam vào lưới Lào | Vòng bảng (Nguồn:
    Truyền hình ABC)``): a video's or picture's title and its credit; the source is a name
    (:func:`_names_a_source`), no agency or office (``(Nguồn: Bộ Tài chính)`` reports), no
    story verb in the line (``Lạm phát vẫn được kiểm soát (Nguồn: X)`` lost its full stop), and
    no full stop closes the brackets (``... tăng 2% (Nguồn: Reuters).`` cites a sentence)."""
    if (not caption or len(caption) > _SETTINGS["video_title_max_chars"]
            or caption[-1] in ".!?…:;,\"”"
            or _SCENE_SENTENCE_STOP.search(caption) is not None  # "... vẫn được kiểm soát"
            or not _names_own_source(source) or line_start < 2):
        return False
    line_end = _line_end(text, end)
    return line_end < len(text) and _between_paragraphs(text, line_start, line_end)


def _names_own_source(source: str) -> bool:
    """``source`` (of a ``(Nguồn: X)``) is a name (:func:`_names_a_source`) whose first word
    is no agency's (``captions_agencies.txt``) and that opens with no office's head
    (``institution_heads.txt``): a picture's own credit, where an agency or an office after a
    sentence reports where the sentence comes from.

    >>> _names_own_source("Văn hóa Mới"), _names_own_source("Tổng cục Thống kê")
    (True, False)
    """
    return (_names_a_source(" " + source) and source.split(" ", 1)[0] not in _AGENCIES
            and not source.startswith(_OFFICE_HEADS))


#: ``(Nguồn: X)`` inside a line, right after a full stop, the next sentence's capital after it.
_SOURCE_PAREN_GLUED = regex.compile(
    r"\([^\S\n]{0,3}[Nn]guồn[^\S\n]*+:[^\S\n]*+(?P<source>[^()\n]{1,40}?)[^\S\n]*+\)"
    r"(?=[^\S\n]++[\"“]?\p{Lu})", regex.V1)
_FULL_STOP_BEFORE = regex.compile(r"(?<=[\p{Ll}\d])\.[^\S\n]*+\Z", regex.V1)


def _glued_source_candidate(text: str, start: int) -> _Candidate | None:
    """``(Nguồn: X)`` (at ``start``) between two sentences of a flattened paragraph, and the
    sentence before it: a picture's caption and credit glued into the body (``... miễn phí.
    Người dân xem hát chèo trên sân đình. (Nguồn: Báo X) Tuyến thứ hai ...``). Only when the
    sentence reads as a short caption (:func:`_reads_as_short_caption`, a place's province
    after a comma allowed) of a scene or an action (:func:`_scene_score`,
    :func:`_action_score`: people seen doing something), cites no figure, follows another
    sentence on its line, and the
    source is a web source or a name that is no agency or office (``(Nguồn: Tổng cục Thống
    kê)`` after a sentence reports the sentence's source). Otherwise both stay: with no
    sign of a picture the parentheses may attribute the story's sentence."""
    paren = _SOURCE_PAREN_GLUED.match(text, start)
    if paren is None:
        return None
    line_start = text.rfind("\n", 0, start) + 1
    stop = _FULL_STOP_BEFORE.search(text, max(line_start, start - 8), start)
    if stop is None:
        return None
    last = _last_sentence_end(text[line_start:stop.start()])
    if last is None:
        return None  # a line's first sentence may be a title or a lead
    caption_start = _first_non_space(text, line_start + last, stop.start())
    sentence = text[caption_start:stop.start() + 1]
    source = paren["source"]
    if not (source in _WEB_SOURCES or _names_own_source(source)):
        return None
    if (_FIGURE.search(sentence) or not _reads_as_short_caption(_PLACE_TAIL.sub(".", sentence))
            or max(_scene_score(sentence), _action_score(sentence)) < 1):
        return None  # (a fact the source reports, "Giá xăng giảm mạnh trong tuần.", stays)
    return _Candidate(start, paren.end(), caption_start, paren.end(),
                      "captions.credit_sentence", line_start, False)


def _credited_line_between(text: str, line_start: int, end: int, caption: str,
                           source: str) -> bool:
    """A line of one short sentence and ``Nguồn: X`` (or ``(Nguồn: X)``) standing alone between
    two paragraphs (``Loài ếch mới được phát hiện. Nguồn: Zootaxa``): a picture's caption and
    credit, when the sentence cites no figure (no digit but a year's) and the source is a
    name (:func:`_names_a_source`) but no agency or office (``Nguồn: Công an tỉnh`` reports
    what the sentence says). At a text's end ``Nguồn: X`` attributes the story."""
    if (len(caption) > _SETTINGS["scene_sentence_max_chars"] or _FIGURE.search(caption)
            or not _names_a_source(" " + source) or line_start < 2
            or source.split(" ", 1)[0] in _AGENCIES or source.startswith(_OFFICE_HEADS)):
        return False
    line_end = _line_end(text, end)
    return line_end < len(text) and _between_paragraphs(text, line_start, line_end)


#: A number's first digit, but a year's (``năm 2024`` dates a chart, ``2%`` is a figure).
_FIGURE = re.compile(r"(?<!\d)(?!(?:19|20)\d\d(?!\d))\d")


def _reads_as_caption_line(line: str) -> bool:
    """One short sentence with no quote, colon or reported speech (``line`` is stripped)."""
    return (line[:1].isupper() and len(line) <= _SETTINGS["caption_line_above_max_chars"]
            and _NOT_IN_CAPTION_LINE.search(line) is None
            and _SENTENCE_END.search(line.rstrip(".")) is None
            and _SPEECH_TAIL.search(line) is None)


#: A quote, colon, semicolon or sentence end inside a caption line.
_NOT_IN_CAPTION_LINE = re.compile(r"[\"“”:;!?…]")


def _with_line_candidates(text: str, lines: list[str], heads: list[tuple[str, int, int]],
                          candidates: list[_Candidate]) -> list[_Candidate]:
    """``candidates`` (the markers') and the whole-line ones, in order; a line candidate
    that overlaps a marker's, or an earlier line candidate, is dropped."""
    extra = _lone_line_candidates(text, lines) + _agency_tail_candidates(text)
    if heads:
        described = _described_head_candidates(text, heads)
        extra += described + _source_candidates(text, heads)
        extra += _chart_note_candidates(text, heads, candidates + described)
    if not extra:
        return candidates
    busy = sorted((c.caption_start, c.caption_end) for c in candidates)
    kept: list[_Candidate] = []
    for c in sorted(extra):
        if (not _inside_any(busy, c.caption_start, c.caption_end)
                and (not kept or c.caption_start >= kept[-1].caption_end)):
            kept.append(c)
    return sorted(candidates + kept) if kept else candidates


# ---------------------------------------------------------------------------------------------
# Pass 2: the document decides.
# ---------------------------------------------------------------------------------------------


def _is_photo_story(candidates: list[_Candidate], lines: list[str]) -> bool:
    """Most prose ends with a credit: the captions ARE the story, keep their sentences.

    Counted in credited captions: a caption filling its line counts once against its line, a
    caption inside a line (a flattened body) once against each sentence end of that line, so a
    one-line body whose every sentence carries ``Ảnh: X`` is a photo story too, and a long
    flattened article holding a few credited captions is not. A line announcing the photos
    (``Sau đây là một số hình ảnh ...``, a cue of ``captions_gallery_cues.txt``) is the
    gallery's own and is not counted as prose.
    """
    if len(candidates) < _SETTINGS["photo_story_min_credits"]:
        return False  # (each candidate credits at most once: most texts stop here)
    credited_lines = {c.line_start for c in candidates
                      if c.whole_line and c.caption_start < c.credit_start}
    inline: dict[int, list[tuple[int, int]]] = {}
    for c in candidates:
        if (not c.whole_line and c.caption_start < c.credit_start
                and c.line_start not in credited_lines):
            inline.setdefault(c.line_start, []).append((c.credit_start, c.credit_end))
    credited = len(credited_lines) + sum(map(len, inline.values()))
    if credited < _SETTINGS["photo_story_min_credits"]:
        return False
    share = _SETTINGS["photo_story_min_share"]
    prose = 0
    line_start = 0
    for line in lines:  # counted only until there are too many for a photo story
        if (len(line) >= 60 and _SENTENCE_END.search(line)
                and _GALLERY_CUE_OPENING.match(line) is None):
            prose += (_sentence_ends_outside(line, line_start, inline[line_start])
                      if line_start in inline else 1)
            if share * prose > credited:
                return False
        line_start += len(line) + 1
    return credited >= share * max(prose, 1)


def _only_captions(text: str, candidates: list[_Candidate]) -> bool:
    """Whether credited captions are all the text holds (no letter outside them): too few for
    :func:`_is_photo_story`, they are still the story, never deleted whole.

    >>> text = "Ngư dân kéo lưới. Ảnh: Lê Minh. Du khách xem thuyền thúng. Ảnh: Lê Minh."
    >>> _only_captions(text, _candidates(text, _keyword_starts(text)))
    True
    """
    pos = 0
    captions = sorted((c.caption_start, c.caption_end) for c in candidates
                      if c.caption_start < c.credit_start)
    if len(captions) < 2:  # (one caption alone: its own rule keeps the sentence)
        return False
    for start, end in captions:
        if _LETTER.search(text, pos, start):
            return False
        pos = max(pos, end)
    return _LETTER.search(text, pos) is None


#: A sentence end inside a flattened line: a terminator before a space or the line's end.
_SENTENCE_ENDS = regex.compile(r"[.!?…]++(?=\s|$)", regex.V1)


def _sentence_ends_outside(line: str, line_start: int, credits: list[tuple[int, int]]) -> int:
    """The sentence ends of a flattened line, less those closing a credit (``Ảnh: Lê Minh.``
    ends the caption's credit, not another sentence of prose)."""
    return sum(1 for m in _SENTENCE_ENDS.finditer(line)
               if not any(start <= line_start + m.start() <= end for start, end in credits))


def _repeated_pieces(text: str, lines: list[str] | None = None) -> tuple[set[str], list[int]]:
    """Sentence-sized pieces that occur more than once, and where each occurrence starts.

    The pieces are those of ``_SENTENCE_SPLIT.split(text)``, the first without its leading
    whitespace, that are at least ``repeat_min_chars`` long (:func:`_long_pieces`); only the
    occurrences of repeated pieces reach Python.
    """
    if not _may_repeat(text, lines):
        return set(), []
    pieces, ends = _long_pieces(text)
    if len(set(pieces)) == len(pieces):
        return set(), []
    counts = Counter(pieces)
    repeated = set(compress(counts, map((1).__lt__, counts.values())))
    mask = list(map(repeated.__contains__, pieces))
    return repeated, [end - len(piece) for piece, end in zip(compress(pieces, mask),
                                                             compress(ends, mask))]


def _long_pieces(text: str) -> tuple[list[str], list[int]]:
    """The pieces of ``_SENTENCE_SPLIT.split(text)`` of at least ``repeat_min_chars``, in
    order, and where each ends.

    Found without a regex: every terminator becomes ``.`` (same length, so offsets hold) and
    ``str.split`` cuts there; a piece after a separator loses the whitespace the separator's
    ``\\s*+`` takes (``str.lstrip`` with exactly those characters), and so does the text's
    first piece: an indented first line repeats as its later copies do. A piece never holds a
    newline, so the text is read in chunks of about ``_CHUNK`` characters cut at newlines:
    the temporary strings stay small (in the CPU cache) however big the text.
    """
    least = _SETTINGS["repeat_min_chars"]
    pieces: list[str] = []
    ends: list[int] = []
    size = len(text)
    begin = 0
    while True:
        end = text.find("\n", begin + _CHUNK)
        if end < 0:
            end = size
        raw = (text[begin:end].replace("!", ".").replace("?", ".").replace("…", ".")
               .replace("\n", ".").split("."))
        lengths = list(map(len, raw))
        at = [k for k, length in enumerate(lengths) if length >= least]  # stripping only shortens
        if at:
            stops = list(accumulate(lengths))  # raw piece k ends at stops[k] + k (one separator each)
            got = list(map(str.lstrip, map(raw.__getitem__, at), repeat(_SEPARATOR_SPACE)))
            keep = [len(piece) >= least for piece in got]
            pieces += compress(got, keep)
            ends += [begin + stops[k] + k for k in compress(at, keep)]
        if end >= size:
            return pieces, ends
        begin = end + 1


def _split_sentences(line: str) -> list[str]:
    """``_SENTENCE_SPLIT.split(line)`` for a line (no newline), by ``str`` methods in C: each
    terminator becomes ``.`` and ``str.split`` cuts there; the empty cuts inside a run of
    terminators go (one separator takes the run), and every piece but the first loses the
    spaces the separator's ``\\s*+`` takes.

    >>> _split_sentences("Mưa lớn.  Phố ngập!?Dân đi lại khó…")
    ['Mưa lớn', 'Phố ngập', 'Dân đi lại khó', '']
    """
    raw = line.replace("!", ".").replace("?", ".").replace("…", ".").split(".")
    if len(raw) > 1:
        raw[1:] = map(str.lstrip, [*filter(None, raw[1:-1]), raw[-1]], repeat(_SEPARATOR_SPACE))
    return raw


#: What ``\s`` matches (regex V1; none above U+3000): the spaces a separator takes.
_SEPARATOR_SPACE = "".join(regex.findall(r"\s", "".join(map(chr, range(0x3001))), flags=regex.V1))
#: What may follow a credit ender: full stops and spaces (``[.\s]``).
_ENDER_TAIL = "." + _SEPARATOR_SPACE


def _may_repeat(text: str, lines: list[str] | None = None) -> bool:
    """A cheap gate (``str.split`` in C): does any long line, or long piece between periods,
    occur twice? Repeats are looked for only then (a sentence repeated inside two different
    lines and periods, ``x! P. y? P.``, is not). A text it says no of is held in
    :data:`_NO_REPEATS` for :class:`RemoveRepeatedBlocks`."""
    if lines is None:
        lines = text.split("\n")
    if _repeats_a_long_one(lines):
        return True
    pieces = text.replace("\n", " ").split(".")
    pieces[0] = " " + pieces[0]  # as a line's first piece is after its line break
    if _repeats_a_long_one(pieces):
        return True
    _NO_REPEATS.add(text)
    return False


#: The texts :func:`_may_repeat` said no of lately, for :class:`RemoveRepeatedBlocks` to take
#: (a chunk of clean_many's texts, and more).
_NO_REPEATS = TextMemo(1 << 22)


def _repeats_a_long_one(pieces: list[str]) -> bool:
    """Whether a piece of at least ``repeat_min_chars`` occurs twice (the pieces filtered by
    one list comprehension: a bound method such as ``int.__lt__`` called through ``map``
    costs more a piece than the comparison)."""
    least = _SETTINGS["repeat_min_chars"]
    long = [piece for piece in pieces if len(piece) >= least]
    return len(set(long)) < len(long)


def _units(text: str, cuts: list[int], repeated: set[str], starts: list[int]
           ) -> list[tuple[int, int, str]]:
    """Sentences of the lines that hold a repeated piece, also cut at ``cuts`` (credit
    edges): (start, end, text).

    Only the lines where a ``repeated`` piece of the whole text starts (``starts``) can hold
    one of their own; each is checked by splitting it. Every other line cannot be part of a
    repeat, and a run of such lines becomes ONE unique break unit (a repeat never spans a
    unique unit, however many there are), so lines without repeats cost nothing.

    A run of adjacent lines that do hold one is also ONE unique unit when it cannot hold a
    tandem repeat (:func:`_may_hold_tandem`): big inputs that repeat whole documents far
    apart then cost one split per line, not one unit per sentence.
    """
    bounds = sorted(set(cuts))
    units: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, list[str]]] = []  # adjacent lines holding a repeated piece
    next_line = 0  # start of the first line not yet turned into units

    def close_run() -> None:
        if not run:
            return
        if _may_hold_tandem(text, run, bounds):
            for line_start, line_end, _ in run:
                units.extend(_line_units(text, line_start, line_end, bounds))
        else:
            units.append((run[0][0], run[0][0], f"\x00{run[0][0]}"))
        run.clear()

    for line_start, line_end in _lines_at(text, starts, repeated):
        if line_start > next_line:
            close_run()
            units.append((next_line, next_line, f"\x00{next_line}"))
        next_line = line_end + 1
        pieces = _split_sentences(text[line_start:line_end])
        pieces[0] = pieces[0].lstrip(_SEPARATOR_SPACE)  # as the newline's separator takes it
        if repeated.isdisjoint(pieces):
            close_run()
            units.append((line_start, line_start, f"\x00{line_start}"))
            continue
        run.append((line_start, line_end, pieces))
    close_run()
    return units


def _line_units(text: str, line_start: int, line_end: int, bounds: list[int]
                ) -> list[tuple[int, int, str]]:
    """The sentences of one line, also cut at the ``bounds`` inside it (stripped, non-empty)."""
    edges = [line_start]
    edges += [m.end() for m in _SENTENCE_END.finditer(text, line_start, line_end)]
    lo = bisect.bisect_left(bounds, line_start)
    hi = bisect.bisect_right(bounds, line_end)
    edges += bounds[lo:hi]
    edges.append(line_end)
    edges.sort()
    units = []
    for a, b in pairwise(edges):
        piece = text[a:b]
        key = piece.strip()
        if key:
            lead = len(piece) - len(piece.lstrip())
            units.append((a + lead, a + lead + len(key), key))
    return units


#: What may stand between a split piece's start and a unit's start: spaces (``str.strip``'s
#: and ``\s``) and the closing quotes a sentence end takes.
_UNIT_LEAD = "".join(sorted(set(STRIPPED_CHARS + "\"”’)")))  # _SEPARATOR_SPACE is in the first


def _may_hold_tandem(text: str, run: list[tuple[int, int, list[str]]], bounds: list[int]
                     ) -> bool:
    """Whether two units of this run of adjacent lines can be equal (a tandem needs that).

    Cut each line at the ``bounds`` (credit edges) inside it, and each piece of it at the
    terminator runs (``_SENTENCE_SPLIT``). A unit starts at a cut, at its line's start or
    after a sentence end, which ends after a whole terminator run, closing quotes and
    spaces; it never holds a cut. If it holds a terminator, the piece that ends at its
    first one differs from the unit's first stretch only by a lead of spaces and quotes,
    and a terminator follows it. If it holds none, it ends at a cut or at its line's end,
    and is (but for spaces and quotes) the last piece before it, at least
    ``repeat_min_chars`` long when the unit is. So two equal units of that length give two
    such pieces that are equal after ``lstrip(_UNIT_LEAD)`` (and ``rstrip`` of spaces for
    last pieces; a line without cuts has one unit at its end, so its last piece counts only
    in a run of several lines): when all are distinct, no tandem fits. Checked against the
    units themselves by a Hypothesis test.
    """
    least = _SETTINGS["repeat_min_chars"]
    seen: set[str] = set()
    count = 0
    for line_start, line_end, pieces in run:
        lo = bisect.bisect_right(bounds, line_start)
        hi = bisect.bisect_left(bounds, line_end)
        if lo < hi:  # cut inside: the pieces of each stretch between cuts
            edges = [line_start, *bounds[lo:hi], line_end]
            parts = [_split_sentences(text[a:b]) for a, b in pairwise(edges)]
            lasts = True
        else:
            parts = [pieces]
            lasts = len(run) > 1
        for part in parts:
            heads = list(map(str.lstrip, part[:-1], repeat(_UNIT_LEAD)))
            if lasts and len(part[-1]) >= least:
                heads.append(part[-1].lstrip(_UNIT_LEAD).rstrip(STRIPPED_CHARS))
            seen.update(heads)
            count += len(heads)
        if len(seen) < count:
            return True
    return False


def _lines_at(text: str, starts: list[int], repeated: set[str]) -> list[tuple[int, int]]:
    """(start, end) of each line holding one of ``starts`` (sorted), in order, once each.

    A line whose leading spaces make its first piece differ from the whole text's piece
    (split ate them) can still equal the text's own first piece, spaces and all: lines
    starting with that piece are added too. Reading is linear: each line is found once.
    """
    found: list[tuple[int, int]] = []
    line_end = -1
    for pos in starts:
        if pos <= line_end:
            continue
        line_start = text.rfind("\n", max(line_end, 0), pos) + 1
        line_end = text.find("\n", pos)
        if line_end < 0:
            line_end = len(text)
        found.append((line_start, line_end))
    stop = _SENTENCE_SPLIT.search(text)  # the text's first piece: up to its first terminator
    first = text[:stop.start()] if stop else text
    if first in repeated and first[:1].isspace():
        pos = text.find("\n" + first)
        extra = []
        while pos >= 0:
            end = text.find("\n", pos + 1)
            extra.append((pos + 1, len(text) if end < 0 else end))
            pos = text.find("\n" + first, pos + 1)
        found = sorted(set(found + extra))
    return found


def _tandem_repeats(units: list[tuple[int, int, str]]) -> list[tuple[int, int, int, int]]:
    """Runs of units repeated back to back: (first copies' start, end, kept copy's start, end).

    Only tandem repeats count (``A B A B``); a pull quote that repeats a body sentence far
    away is story and stays. The units the first copies leave are read again until no
    tandem is left, so ``A A B A A B`` keeps one ``A B``: one call settles.
    """
    found = []
    while runs := _tandem_runs([u[2] for u in units]):
        gone: set[int] = set()
        for first, kept, period in runs:
            found.append((units[first][0], units[kept - 1][1], units[kept][0],
                          units[kept + period - 1][1]))
            gone.update(range(first, kept))
        units = [u for k, u in enumerate(units) if k not in gone]
    return found


def _tandem_runs(keys: list[str]) -> list[tuple[int, int, int]]:
    """(first copy, kept copy, period) as indices of ``keys``, for each tandem repeat."""
    last_seen: dict[str, int] = {}
    found = []
    covered_until = -1
    for i, key in enumerate(keys):
        j = last_seen.get(key)
        last_seen[key] = i
        if j is None or i <= covered_until or len(key) < _SETTINGS["repeat_min_chars"]:
            continue
        period = i - j
        if period > _SETTINGS["repeat_max_period"] or keys[j:i] != keys[i:i + period]:
            continue
        last = i  # start of the copy that stays: extend over every further repeat
        while keys[last:last + period] == keys[last + period:last + 2 * period]:
            last += period
        found.append((j, last, period))
        covered_until = last + period - 1
    return found


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _repeats(text: str, cuts: list[int], lines: list[str] | None = None
             ) -> list[tuple[int, int, int, int]]:
    """The tandem repeats of ``text`` (:func:`_tandem_repeats`), its units cut at ``cuts``
    too (credit edges); nothing is split when no sentence-sized piece occurs twice."""
    repeated, starts = _repeated_pieces(text, lines)
    if not repeated:
        return []
    return _tandem_repeats(_units(text, cuts, repeated, starts))


#: A gallery photo printed as its alt text and its caption: one short line (a name, no
#: sentence mark at its end) twice in a row, ``doubled_line_max_chars`` at most.
_DOUBLED_LINE = regex.compile(
    rf"{_HSPACE}*+\p{{Lu}}[^\n]{{0,{_SETTINGS['doubled_line_max_chars'] - 1}}}?"
    rf"(?<![.!?;:,…]){_HSPACE}*+", regex.V1)


def _doubled_line_labels(text: str, lines: list[str]) -> list[Label]:
    """``captions.repeated`` (a gallery's doubled lines): ``doubled_run_min_lines`` photos or
    more one after another, each a short line printed twice in a row (its alt text, then its
    caption: ``Trần Thu Hà`` / ``Trần Thu Hà`` / ``Lê Minh Anh`` / ``Lê Minh Anh``); each
    photo's first copy goes, the second stays, as with a longer caption printed twice. One
    short line twice alone (a chorus, a shout) stays: a story repeats no run of them.
    The lines equal to the next are found in C (``map``/``compress``); most texts hold none
    but blank ones.

    >>> text = "Khách mời dự lễ.\\nAn Bình\\nAn Bình\\nLê Hoa\\nLê Hoa\\nBuổi lễ kết thúc."
    >>> [text[x.start:x.end] for x in _doubled_line_labels(text, text.split("\\n"))]
    ['An Bình\\n', 'Lê Hoa\\n']
    """
    same = list(compress(count(), map(eq, lines, islice(lines, 1, None))))
    if len(same) < _SETTINGS["doubled_run_min_lines"] or not any(
            map(str.strip, map(lines.__getitem__, same))):
        return []
    doubled = [i for i in same if _DOUBLED_LINE.fullmatch(lines[i])]
    runs: list[list[int]] = []
    for i in doubled:  # photos one after another: a pair starts where the last one ended
        if runs and runs[-1][-1] + 2 == i:
            runs[-1].append(i)
        else:
            runs.append([i])
    runs = [run for run in runs if len(run) >= _SETTINGS["doubled_run_min_lines"]]
    if not runs:
        return []
    starts = list(accumulate(map(len, lines), lambda at, n: at + n + 1, initial=0))
    return [Label(starts[i], starts[i + 1], KIND, "captions.repeated")
            for run in runs for i in run]


def _caption_labels(text: str, lines: list[str], keywords: list[int]) -> list[Label]:
    heads = _colon_heads(text)
    candidates = _candidates(text, keywords)
    repeats = _repeats(text, [p for c in candidates for p in (c.credit_start, c.credit_end)],
                       lines)
    # after the repeats: their gate hashed the long lines, so the lone-line lookup hashes only
    # the short ones (a whole-line candidate's edges cut no unit a line's edges do not)
    candidates = _with_line_candidates(text, lines, heads, candidates)
    kept_copies = sorted((r[2], r[3]) for r in repeats)
    story = _is_photo_story(candidates, lines) or _only_captions(text, candidates)
    labels = [Label(a, b, KIND, "captions.repeated") for a, b, _, _ in repeats]
    first = _first_non_space(text, 0, len(text))  # the text's first and last non-space: a
    last = last_non_space_end(text)  # caption that spans both is "alone"
    for c in candidates:
        alone = c.caption_start <= first and c.caption_end >= last
        credit_only = c.caption_start < c.credit_start and (
            story or alone or _inside(kept_copies, c.caption_start, c.credit_start))
        if credit_only:
            labels.append(Label(c.credit_start, c.credit_end, KIND, "captions.credit"))
        else:
            labels.append(Label(c.caption_start, c.caption_end, KIND, c.rule))
    return labels


#: At most this many newlines, a pattern that opens with one is tried at each of them rather
#: than by a scan of the whole text for them: a flattened body (a title line above one long
#: line) holds one, and a scan would read all of its length to find no other.
_FEW_NEWLINES = 3


def _few_newlines(text: str) -> list[int] | None:
    """Where ``text``'s newlines are, when it holds at most ``_FEW_NEWLINES`` (``str.find``,
    in C, stopping at the one too many); None when it holds more."""
    found: list[int] = []
    at = text.find("\n")
    while at >= 0:
        if len(found) == _FEW_NEWLINES:
            return None
        found.append(at)
        at = text.find("\n", at + 1)
    return found


def _line_matches(pattern: re.Pattern, text: str, newlines: list[int] | None
                  ) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a line pattern: it opens with a newline and its matches
    end before the next one, so each newline starts at most one match, whatever the others
    do (tests/test_captions.py checks each such pattern). With ``newlines`` (from
    :func:`_few_newlines`, or the newlines a cheaper scan admits: :func:`_opener_newlines`)
    the pattern is tried at each of them instead of a scan."""
    if newlines is None:
        return pattern.finditer(text)
    return filter(None, map(pattern.match, repeat(text), newlines))


# A scene line is short and has a long line (scene_neighbour_min_chars) above and below it,
# blank lines aside; the first line of a text is never one (no paragraph above it). ONE pass
# over the document finds them all: the pattern starts at a newline literal, then reads the
# line's shape and the next paragraph (lookahead), and only then looks back for the long line
# above, so most newlines are rejected after a few characters. A position line holds "(" or
# starts with "Từ trái"/"Từ phải".
_SCENE_LINE = regex.compile(
    rf"\n(?={_HSPACE}*+\p{{Lu}}[^\n]{{8,{_SETTINGS['scene_line_max_chars'] + 8}}}+"
    rf"\n\s*+[^\n]{{{_SETTINGS['scene_neighbour_min_chars']}}})"
    rf"(?<=[^\n]{{{_SETTINGS['scene_neighbour_min_chars']}}}\s*+\n)"
    rf"{_HSPACE}*+(\p{{Lu}}[^\n]{{8,{_SETTINGS['scene_line_max_chars'] + 8}}}+)", regex.V1)
_POSITION_LINE = regex.compile(
    rf"\n{_HSPACE}*+(?=[^\n(]{{0,250}}+\(|[Tt]ừ\s(?:trái|phải))"
    rf"(\p{{Lu}}[^\n]{{8,{_SETTINGS['position_line_max_chars']}}}+)(?=\n|$)", regex.V1)
# A position inside the picture: "(thứ 2 từ trái sang)", "(ngoài cùng bên phải)", "(giữa)",
# "Từ trái qua phải: ...". Story text names no such positions.
_POSITION_CUE = regex.compile(
    r"\((?:[^()\n]{0,40}?\b(?:từ|bên)\s(?:trái|phải)|thứ\s\w{1,4}\s(?:từ|bên)|ngoài\scùng"
    r"|(?:ở\s)?giữa\)|phải\)|trái\))"
    r"|^[Tt]ừ\s(?:trái|phải)\s(?:sang|qua)\s(?:phải|trái)\s*[:,]",
    regex.V1)


def _scene_labels(text: str, taken: list[Label], keywords: list[int],
                  newlines: list[int] | None = None) -> list[Label]:
    """Short unmarked lines between paragraphs that read as a photo's scene description.

    ``captions.scene_line``: a line of at most ``scene_line_max_chars`` between two long
    paragraphs, with scene cues (one ``_SCENE_LINE`` pass finds the lines, reading only
    the lines that hold a scene cue word, ``_CUE_LITERALS``);
    ``captions.position_cue``: a one- or two-sentence line that names a position in the
    picture (tried only on the lines ``_position_candidates`` admits);
    ``captions.scene_sentence`` (:func:`_scene_sentences`), only in a text where ``taken``
    (the caption labels found so far) shows photos. ``keywords``: the text's keyword
    starts; ``newlines``: :func:`_few_newlines` of the text, if found already.
    """
    found: list[tuple[int, int, str]] = []
    for at in _scene_newlines(text, newlines):
        if _CUE_NEEDED and _CUE_LITERALS.search(text, at + 1, _line_end(text, at + 1)) is None \
                and not _may_open_action_line(text, at + 1):
            continue  # no cue in the line: it scores 0 (most short lines; the match costs more)
        match = _SCENE_LINE.match(text, at)
        if match is None:
            continue
        line = match.group(1).rstrip()
        if (len(line) <= _SETTINGS["scene_line_max_chars"]
                and _scene_score(line) >= _SETTINGS["scene_min_score"]):
            found.append((match.start(1), match.start(1) + len(line), "captions.scene_line"))
    for at in _position_candidates(text, newlines):
        match = _POSITION_LINE.match(text, at)
        if match is None:
            continue
        line = match.group(1).rstrip()
        cue = _POSITION_CUE.search(line)
        if cue and _is_position_caption(line) and (
                cue.start() > 0 or _lists_names(line[cue.end():])):  # "(thứ 2 từ trái)" or a list
            found.append((match.start(1), match.start(1) + len(line), "captions.position_cue"))
    openers = _opener_newlines(text, newlines)  # (the four rules that read a line's opener)
    found += _scene_nouns(text, openers)
    found += _bracketed_scene_nouns(text)
    lines_gone = {lab.start for lab in taken if _blank(text, lab.end, _line_end(text, lab.end))}
    found += _scene_action_lines(text, {start for start, _, _ in found} | lines_gone, openers)
    short = list(_line_matches(_BARE_LINE, text, newlines))  # the short clause-less lines
    found += _display_lines(text, {start for start, _, _ in found} | lines_gone, short)
    found += _bare_scene_lines(text, {start for start, _, _ in found} | lines_gone, short)
    found += _titled_action_lines(text, {start for start, _, _ in found} | lines_gone, openers)
    found += _clip_scene_lines(text, {start for start, _, _ in found} | lines_gone, openers)
    found += _named_action_lines(text, {start for start, _, _ in found} | lines_gone)
    verbs = _giving_verbs(text)  # (one scan for both giving rules; most: none)
    if verbs:
        found += _giving_lines(text, {start for start, _, _ in found} | lines_gone, verbs)
        found += _giving_run_ons(text, verbs)
    found += _scene_place_lines(text, {start for start, _, _ in found} | lines_gone)
    gone = sorted([(lab.start, lab.end) for lab in taken] + [(a, b) for a, b, _ in found])
    found += _lone_sentence_lines(text, {start for start, _, _ in found} | lines_gone, short,
                                  gone)
    if taken:  # an article with photos: scene sentences are looked for only there
        found += _scene_sentences(text, keywords)
    if not found:
        return []
    busy = sorted((lab.start, lab.end) for lab in taken)
    return [Label(start, end, KIND, rule) for start, end, rule in sorted(found)
            if not _inside_any(busy, start, end)]


#: A line opening with a scene subject or scene word and ending with a full stop, not the
#: text's first line (stdlib ``re``: one pass, the openers as a trie after a newline: a
#: line that opens with none costs a few comparisons, not one per opener).
_ACTION_LINE = re.compile(
    r"\n[^\S\n]*+((?:%s)[ \t][^\n]{3,%d}\.)[^\S\n]*+(?=\n)" % (
        trie(_ACTION_OPENERS), _SETTINGS["scene_action_line_max_chars"]))


#: A second subject joined to the first (``Thủ tướng Phạm Minh Chính và các đại biểu``,
#: ``Giáo viên và học sinh``): ``và`` or ``cùng``, then a group subject in lower case.
_COMPANION = (r"(?:và|cùng)\s++(?:các\s++)?+(?:%s)(?!\p{L})" % named_list(tuple(dict.fromkeys(
    s[0].lower() + s[1:] for s in _SCENE_SUBJECTS if s not in _SCENE_TITLES))))


#: Between the subject and the action of a caption that needs no long neighbours: names
#: only, a lower-case word only inside one (``Các đại biểu Quốc hội dự``, ``Nông dân
#: huyện Thới Lai thu hoạch``); a verb before the action (``Tiểu thương tham gia chữa
#: cháy``) or an adverb (``ân cần``) makes it a story sentence as likely as a caption.
_NAME_LEAD = LazyPattern(
    r"(?:\s++(?:\p{Lu}\S*+(?:\s++\p{Ll}\S*+(?=\s++\p{Lu}))?+|\p{Lu}\S*+\s++\p{Ll}\S*+"
    rf"|{_COMPANION}|\p{{Ll}}\S*+(?=\s++\p{{Lu}})))*\s++", regex.V1)
_DIGIT = regex.compile(r"\d")


def _is_action_caption(line: str) -> bool:
    """Whether ``line`` (stripped) reads alone as a "who does what" caption: short, one
    sentence with a full stop and no figure (``đến 23h``, ``dài 800 m`` report facts), a
    subject, a name at most and its visible action (or a scene word), no story verb
    (:func:`_scene_score` and :func:`_action_score`)."""
    if (len(line) > _SETTINGS["scene_action_line_max_chars"] or _DIGIT.search(line)
            or _action_score(line) < 2 or _scene_score(line) < _SETTINGS["scene_min_score"]):
        return False
    if line.startswith(_SCENE_NOUNS):
        return True
    subject = _opening_subject(line)
    if subject in _SCENE_TITLES and not line[len(subject) + 1:len(subject) + 2].isupper():
        return False  # "Bộ trưởng lắng nghe ...": the story's minister, named before
    action = _SCENE_ACTIONS.search(line, len(subject))
    return _NAME_LEAD.fullmatch(line, len(subject), action.start()) is not None


def _reads_as_action(line: str) -> bool:
    """Whether a neighbour line could be a "who does what" sentence too (a list of them)."""
    return len(line) <= _SETTINGS["scene_action_line_max_chars"] and _action_score(line) >= 2


def _scene_action_lines(text: str, done: set[int], newlines: list[int] | None = None
                        ) -> list[tuple[int, int, str]]:
    """``captions.scene_action_line``: a "who does what" caption with a full stop
    (``Thí sinh thực hành xử lý tình huống.``) between two paragraphs shorter than
    ``captions.scene_line`` needs (each ≥ ``scene_action_neighbour_min_chars``), the one
    above ending a sentence. Neither neighbour may read as such a caption itself (a list of
    short sentences is story). ``done``: the line starts other scene rules took. A line
    whose verb is no listed action, or whose neighbours are too short, may still go as
    ``captions.scene_subject_line`` (:func:`_subject_lines`).

    >>> _scene_action_lines("Tiêu đề\\nHội thi có 120 thí sinh đến từ 8 đơn vị.\\n"
    ...     "Thí sinh thực hành xử lý tình huống.\\n"
    ...     "Kết quả sẽ được công bố vào chiều thứ Sáu.", set())
    [(49, 85, 'captions.scene_action_line')]
    >>> _scene_action_lines("Tiêu đề\\nHội thi có 120 thí sinh đến từ 8 đơn vị.\\n"
    ...     "Bộ trưởng thực hành xử lý tình huống.\\n"
    ...     "Kết quả sẽ được công bố vào chiều thứ Sáu.", set())
    []
    """
    found: list[tuple[int, int, str]] = []
    least = _SETTINGS["scene_action_neighbour_min_chars"]
    subjects: list[tuple[int, int]] = []  # (line start, line end) of subject captions
    for match in _line_matches(_ACTION_LINE, text, newlines):
        start, line = match.start(1), match.group(1)
        if start in done:
            continue
        pair = _paragraphs_around(text, match, least)  # (cheaper than reading the line)
        if (pair is not None and _is_action_caption(line)
                and not any(map(_reads_as_action, pair))
                and not _in_subject_series(line, pair)):
            found.append((start, start + len(line), "captions.scene_action_line"))
        elif _is_subject_caption(line):
            subjects.append((match.start() + 1, start + len(line)))
    if subjects:
        found += _subject_lines(text, subjects, done | {start for start, _, _ in found})
    return found


def _in_subject_series(line: str, pair: tuple[str, str]) -> bool:
    """Whether a neighbour of the "who does what" ``line`` is a short line of one sentence
    (at most ``scene_action_line_max_chars``) that the same scene subject opens: a series
    of such lines (``Thủ tướng ... cắt băng.`` / ``Thủ tướng ... và các đại biểu ...``)
    is a list or a photo story told in its captions, and its lines stay."""
    subject = _opening_subject(line)
    return bool(subject) and any(
        len(side) <= _SETTINGS["scene_action_line_max_chars"] and side.startswith(subject)
        and not side[len(subject):len(subject) + 1].isalpha()
        and not _holds_two_sentences(side) for side in pair)


def _paragraphs_around(text: str, match: re.Match, least: int) -> tuple[str, str] | None:
    """The non-blank lines above and below the line ``match`` found (it starts at its
    newline), when each has at least ``least`` characters and the one above ends a
    paragraph (:data:`_PARAGRAPH_END`): the neighbours a caption line stands between."""
    above = _nonblank_line_before(text, match.start() + 1)
    below = _nonblank_line_after(text, match.end())
    if len(above) < least or len(below) < least or not above.endswith(_PARAGRAPH_END):
        return None
    return above, below


_DISPLAY = _kind_entries("captions_scene_display.txt")
#: A short line's text (``_BARE_LINE`` found it: no figure, comma, colon, quote or bracket)
#: read as a thing shown: a noun phrase, a "shown" verb, a place word, the place and a
#: full stop (stdlib ``re``; tried only on lines that end with a full stop).
_DISPLAY_LINE = re.compile(r"(?P<thing>\w.{1,60}?) (?:%s) (?:%s) (?P<place>.{2,60})\." % (
    "|".join(map(re.escape, sorted(_DISPLAY["shown"], key=len, reverse=True))),
    "|".join(map(re.escape, _DISPLAY["at"]))))
_LOWER_WORD = regex.compile(r"(?<!\S)\p{Ll}", regex.V1)


def _display_lines(text: str, done: set[int], short: list[re.Match] | None = None
                   ) -> list[tuple[int, int, str]]:
    """``captions.scene_display_line``: a thing shown, sold or run where the picture was
    taken (``captions_scene_display.txt``), in one short sentence that ends with the place,
    between two paragraphs as ``captions.scene_action_line`` needs them; a capital opens
    it and the paragraph below; no story verb; neither neighbour reads as such a line or a
    "who does what" one (a list of short sentences is story). ``done``: the line starts
    other scene rules took; ``short``: the text's ``_BARE_LINE`` matches, if found already.

    >>> _display_lines("Tiêu đề\\nTrưng bày giới thiệu hơn 200 hiện vật của văn hóa Đông Sơn.\\n"
    ...     "Trống đồng Đông Sơn trưng bày tại Bảo tàng tỉnh.\\n"
    ...     "Trưng bày mở cửa miễn phí đến hết tháng 12/2024.", set())
    [(68, 116, 'captions.scene_display_line')]
    >>> _display_lines("Tiêu đề\\nTrưng bày giới thiệu hơn 200 hiện vật của văn hóa Đông Sơn.\\n"
    ...     "Trống đồng trưng bày tại bảo tàng đã được số hóa.\\n"
    ...     "Trưng bày mở cửa miễn phí đến hết tháng 12/2024.", set())
    []
    """
    found: list[tuple[int, int, str]] = []
    least = _SETTINGS["scene_action_neighbour_min_chars"]
    for match in _BARE_LINE.finditer(text) if short is None else short:
        start, line = match.start(1), match.group(1)
        if start in done or not line.endswith(".") or not line[0].isupper():
            continue
        shown = _DISPLAY_LINE.fullmatch(line)
        if (shown is None or len(line) > _SETTINGS["scene_display_line_max_chars"]
                or len(shown.group("thing").split())
                > _SETTINGS["scene_display_subject_max_words"]
                or len(_LOWER_WORD.findall(shown.group("place")))
                > _SETTINGS["scene_display_place_max_lowercase_words"]
                or _SCENE_SENTENCE_STOP.search(shown.group("thing"))
                or _SCENE_SENTENCE_STOP.search(shown.group("place"))):
            continue
        if _previous_line_start(text, _previous_line_start(text, match.start() + 1)) < 0:
            continue  # the line above is the text's first: its title, and this its lead
        pair = _paragraphs_around(text, match, least)
        if (pair is None or not pair[1][0].isupper()
                or any(_reads_as_action(n) or _DISPLAY_LINE.fullmatch(n) for n in pair)):
            continue
        found.append((start, start + len(line), "captions.scene_display_line"))
    return found


_LONE = _kind_entries("captions_lone_sentence.txt")
#: What opens a one-sentence paragraph of the story, never a lone caption: a linking or
#: time word (``opener:``), or a person's word used as a pronoun, a lower-case word after
#: it (``pronoun:``; ``Ông Lê Minh ...`` opens with a title and a name).
_LONE_STORY_OPENING = compile_named(
    rf"(?:{named_list(_LONE['opener'])})(?!\p{{L}})"
    rf"|(?:{named_list(_LONE['pronoun'])})[ \t]++\p{{Ll}}", regex.V1)


def _lone_sentence_lines(text: str, done: set[int], short: list[re.Match] | None,
                         gone: list[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """``captions.lone_sentence_line``: a caption printed as a paragraph of one short
    sentence (a ``_BARE_LINE``: no figure, comma, colon, quote or bracket; a capital first,
    a full stop last, ``lone_sentence_min_words`` words or more) between two paragraphs of
    two sentences or more each, the one above not the text's first line (a title) and
    ending a sentence. A story's own one-sentence paragraph carries the story on: it opens
    with a linking or time word or a pronoun (``captions_lone_sentence.txt``), holds a story
    verb (``captions_scene_opener_stops.txt``: ``đã``, ``là``, ``được``, ...) or a
    narrator's or habit's word (``captions_lone_line_story_words.txt``), and stays. The
    line and its neighbours follow each other with no blank line between (a block between
    blank lines may be a photo story's caption whose credit a first pass took: the story
    keeps it); a sign-off or source line next to it is read past
    (:func:`_paragraph_past_sign_offs`), so that a second pass, once the bylines took that
    line, reads the line the same.
    ``done``: the line starts other scene rules took; ``short``: the text's
    ``_BARE_LINE`` matches; ``gone``: the sorted spans the other rules take (a neighbour
    inside one is read past too, as a second pass would no longer see it).

    >>> text = ("Tiêu đề\\nĐội bóng tập buổi đầu tiên trên sân mới. Trời mưa nhẹ suốt buổi.\\n"
    ...     "Tiền vệ Lê Nam cùng đồng đội khởi động trên sân.\\n"
    ...     "Buổi tập kéo dài hai tiếng. Ban huấn luyện hài lòng với tinh thần cả đội.")
    >>> [text[a:b] for a, b, _ in _lone_sentence_lines(text, set(), None)]
    ['Tiền vệ Lê Nam cùng đồng đội khởi động trên sân.']
    """
    found: list[tuple[int, int, str]] = []
    least = _SETTINGS["lone_sentence_min_words"]
    for match in _BARE_LINE.finditer(text) if short is None else short:
        start, line = match.start(1), match.group(1)
        if (start in done or not line.endswith(".") or not line[0].isupper()
                or len(line.split()) < least or _LONE_STORY_OPENING.match(line)
                or _SCENE_SENTENCE_STOP.search(line) or _LONE_LINE_STORY.search(line)):
            continue
        above_start = _previous_line_start(text, match.start() + 1)
        if above_start < 0 or _previous_line_start(text, above_start) < 0:
            continue  # the line above is the text's first: its title, and this its lead
        above = _paragraph_past_sign_offs(text, match.start(), gone, up=True, copy=line)
        below = _paragraph_past_sign_offs(text, match.end(), gone, up=False, copy=line)
        if (above.endswith(_PARAGRAPH_END) and below[:1].isupper()
                and _holds_two_sentences(above) and _holds_two_sentences(below)):
            found.append((start, start + len(line), "captions.lone_sentence_line"))
    return found


def _paragraph_past_sign_offs(text: str, newline: int, gone: list[tuple[int, int]], *,
                              up: bool, copy: str = "") -> str:
    """The paragraph next to a caption line: the line above the ``newline`` that opens it
    (``up``) or below the one that closes it, read past the lines that read as a sign-off
    or a source (:func:`_reads_as_sign_off`: ``Thanh Hà``, ``Theo TTXVN``) and those inside
    a span of ``gone`` (sorted: what the other rules take), as a second pass reads it once
    the bylines or the other rules took them (stripped); ``""`` at a blank line first (a
    block between blank lines) or the text's edge. A subheading is no sign-off: the line
    under it opens its section. A ``copy`` of the caption line itself is read past too: of
    a line printed twice with a sign-off between, the repeat step keeps one, which a second
    pass reads between the paragraphs around both."""
    while 0 <= newline < len(text):
        if up:
            start = text.rfind("\n", 0, newline) + 1
            end = newline
        else:
            start = newline + 1
            end = _line_end(text, start)
        line = text[start:end].strip()
        first = _first_non_space(text, start, end)
        inside = _inside(gone, first, first + len(line)) if line else _inside(gone, start, end)
        if not line and not inside:
            return ""  # a blank line: maybe a photo story's caption, its credit gone
        if line and not inside and line != copy and not _reads_as_sign_off(line):
            return line
        if up and start == 0:
            return ""
        newline = start - 1 if up else end
    return ""


#: A bracketed note closing a sign-off (``Hà Phương (tổng hợp)``).
_SIGN_OFF_NOTE = regex.compile(r"\s*\([^()\n]{1,30}\)$", regex.V1)


def _reads_as_sign_off(line: str) -> bool:
    """Whether a short line reads as a sign-off or a source the bylines take (``Thanh Hà``,
    ``Theo TTXVN``, ``Nguồn: Tuổi Trẻ``, ``Hà Phương (tổng hợp)``): at most
    ``lone_sentence_skip_max_chars`` and ``lone_sentence_skip_max_words`` words (a note in
    brackets aside), no sentence end, not all in capitals (a heading), name words only.

    >>> _reads_as_sign_off("Hà Phương (tổng hợp)"), _reads_as_sign_off("Đau vai gáy")
    (True, False)
    """
    if (not line or len(line) > _SETTINGS["lone_sentence_skip_max_chars"]
            or line.endswith(_PARAGRAPH_END) or line.isupper()):
        return False
    words = _SIGN_OFF_NOTE.sub("", line)
    return (len(words.split()) <= _SETTINGS["lone_sentence_skip_max_words"]
            and _reads_as_name(words))


def _subject_lines(text: str, subjects: list[tuple[int, int]], gone: set[int]
                   ) -> list[tuple[int, int, str]]:
    """``captions.scene_subject_line``: the subject captions (``(line start, end)``) that
    stand between paragraphs, their neighbours read past the lines that go (``gone``: the
    first non-space of each), as a second pass would read them: a caption next to another
    caption goes with it, and the text left needs no more."""
    found: dict[int, tuple[int, int, str]] = {}
    for _ in range(len(subjects)):  # until nothing more goes (a run adds one at a time)
        skip, before = gone | found.keys(), len(found)
        for line_start, end in subjects:
            first = _first_non_space(text, line_start, end)
            if first in skip:
                continue
            above = _line_past(text, line_start, skip, up=True)
            below = _line_past(text, end, skip, up=False)
            if _subject_caption_between(text, line_start, above, below):
                found[first] = (first, end, "captions.scene_subject_line")
        if len(found) == before:
            break
    return list(found.values())


def _line_past(text: str, pos: int, skip: set[int], *, up: bool) -> str:
    """The nearest non-blank line above the line starting at ``pos`` (``up``) or from
    ``pos`` on, whose first non-space is not in ``skip`` (stripped), or ``""``."""
    while True:
        if up:
            pos = _previous_line_start(text, pos)
            if pos < 0:
                return ""
            first = _first_non_space(text, pos, _line_end(text, pos))
        else:
            found = _NON_SPACE.search(text, pos)
            if found is None:
                return ""
            first = found.start()
        end = _line_end(text, first)
        if first not in skip:
            return text[first:end].strip()
        if not up:
            pos = end


#: What a subject caption holds nowhere: a figure, a comma (after its subject: ``Cán bộ,
#: chiến sĩ`` is one), a colon, a quote, a bracket, a second sentence.
_NOT_IN_SUBJECT_CAPTION = regex.compile(r"[\d,;:\"“”'‘’()\[\]!?…/]|\.\s", regex.V1)
_SUBJECT_STOP = _WholeWords("captions_scene_subject_stops.txt")
#: After a subject: an optional name (capitalised words, a lower-case one only inside it),
#: then the verb, a lower-case word.
_SUBJECT_THEN_VERB = regex.compile(
    r"(?:[ \t]++\p{Lu}\S*+(?:[ \t]++\p{Ll}\S*+(?=[ \t]++\p{Lu}))?+)*+[ \t]++\p{Ll}",
    regex.V1)


def _is_subject_caption(line: str) -> bool:
    """Whether ``line`` (stripped, ending with a full stop) reads as a "who does what where"
    caption without a listed action: a group subject opens it (no title: what an official
    does unlisted is news), then the subject's verb; one short clause of
    ``scene_subject_line_min_words`` to ``scene_subject_line_max_words`` syllables with no
    figure, comma, quote or bracket, and no word that links, judges, wishes, reports or
    tells who took part (``captions_scene_subject_stops.txt``) or a story verb
    (``captions_scene_opener_stops.txt``).

    >>> _is_subject_caption("Bà con phơi cà phê trên sân nhà văn hóa bản.")
    True
    >>> _is_subject_caption("Người dân cũng có mặt tại trạm để hỗ trợ phân luồng.")
    False
    """
    if len(line) > _SETTINGS["scene_subject_line_max_chars"]:
        return False
    subject = _opening_subject(line)
    if not subject or _NOT_IN_SUBJECT_CAPTION.search(line, len(subject)):
        return False
    words = len(line.split())
    if not (_SETTINGS["scene_subject_line_min_words"] <= words
            <= _SETTINGS["scene_subject_line_max_words"]):
        return False
    if subject in _SCENE_TITLES:
        return False  # "Chủ tịch UBND tỉnh ký quyết định ...": an official's acts are news
    return (_SUBJECT_THEN_VERB.match(line, len(subject)) is not None
            and _SCENE_SENTENCE_STOP.search(line) is None and _SUBJECT_STOP.search(line) is None)


def _subject_caption_between(text: str, line_start: int, above: str, below: str) -> bool:
    """Whether the subject caption at ``line_start`` stands between two paragraphs: the one
    above ends a sentence and is not the text's first line (a title); each is
    ``scene_subject_neighbour_min_chars`` long, one of them
    ``scene_subject_paragraph_min_chars``; the one below opens with a capital (no list
    item); neither reads as such a caption itself, nor a short one names a subject or an
    action (``Các đội thi đấu nội dung bơi.``): a list of short sentences is story."""
    least = _SETTINGS["scene_subject_neighbour_min_chars"]
    if (len(above) < least or len(below) < least or not above.endswith(_PARAGRAPH_END)
            or max(len(above), len(below)) < _SETTINGS["scene_subject_paragraph_min_chars"]
            or not below[0].isupper()):
        return False
    above_start = _previous_line_start(text, line_start)
    if _previous_line_start(text, above_start) < 0:
        return False  # the line above is the text's first: its title, and this its lead
    paragraph = _SETTINGS["scene_subject_paragraph_min_chars"]
    return not any(line.endswith(".") and (
        _reads_as_action(line) or _is_subject_caption(line)
        or len(line) < paragraph and _action_score(line) > 0) for line in (above, below))


_BARE = _kind_entries("captions_bare_scene.txt")
#: A short line with no figure, comma, colon, quote, bracket or second sentence, a capital
#: first, at most a full stop last, not the text's first line (stdlib ``re``: a newline
#: literal first, one pass; most lines hold a comma or are long). Its runs are possessive
#: (``}+``): a run stops at a character it cannot take, and a shorter one would stand before
#: a character it takes, which is no newline, full stop or end (see :data:`_SCENE_SHAPE`).
_BARE_LINE = re.compile(
    r"\n(?=[^\n]{%d,%d}+\n)"  # the line's size first: a cheap test that most lines fail
    r"[^\S\n]*+([^\W\d_][^\n\d,;:\"“”'‘’()\[\]!?…/.]{%d,%d}+\.?)[^\S\n]*+(?=\n)" % (
        _SETTINGS["scene_bare_line_min_chars"], _SETTINGS["scene_bare_line_max_chars"] + 9,
        _SETTINGS["scene_bare_line_min_chars"] - 1, _SETTINGS["scene_bare_line_max_chars"] - 1))
_CAPITALISED = r"\p{Lu}[\p{L}-]*+"
_NAME_RUN = rf"{_CAPITALISED}(?:[ \t]++{_CAPITALISED}){{0,3}}+"
#: Who a verbless caption shows and where: a person's head and name (or a bare name, or a
#: group subject), maybe a companion after ``cùng``/``và``, then a place word
#: (``Thầy Sùng cùng học trò trong giờ học``).
_BARE_PERSON = LazyPattern(
    rf"(?:(?P<who>(?:{named_list(_BARE['person'])})[ \t]++{_NAME_RUN})"
    rf"|(?P<name>{_NAME_RUN})|(?P<group>{named_list(_SCENE_SUBJECTS)}))"
    rf"(?:[ \t]++(?:cùng|và)(?:[ \t]++\S++){{1,3}}?)?[ \t]++"
    rf"(?P<place>{named_list(_BARE['place'] + _BARE['occasion'])})(?!\p{{L}})", regex.V1)
_OCCASIONS = frozenset(_BARE["occasion"])
#: Two people and nothing else: a person's head and name, ``và``/``cùng``, maybe the other's
#: head or kin word (``captions_bare_scene.txt``), and a name (``Bà Hoa và con dâu Ngân Sinh.``).
_BARE_PAIR = LazyPattern(
    rf"(?:{named_list(_BARE['person'])})[ \t]++{_NAME_RUN}[ \t]++(?:và|cùng)[ \t]++"
    rf"(?:(?:{named_list(_lower_first(_BARE['person']) + _BARE['kin'])})"
    rf"[ \t]++)?+{_NAME_RUN}\.?$", regex.V1)
#: What every :data:`_BARE_PAIR` line opens with: a person's head, then a space (stdlib ``re``,
#: a trie: most short lines open with none, and fail here before the ``regex`` list is read).
_BARE_PAIR_HEAD = re.compile(r"(?:%s)[ \t]" % trie(_BARE["person"])).match
#: Two groups and the unit or place they belong to, no verb: ``Giáo viên và học sinh điểm
#: trường Nậm Pổ`` (at most two lower-case words, then a name to the line's end).
_BARE_GROUPS = LazyPattern(
    rf"(?:{named_list(tuple(s for s in _SCENE_SUBJECTS if s not in _SCENE_TITLES))})"
    rf"[ \t]++{_COMPANION}(?:[ \t]++\p{{Ll}}\S*+){{0,2}}+(?:[ \t]++\p{{Lu}}\S*+)++\.?$", regex.V1)
#: The place and viewpoint words as bare literals after a space (stdlib ``re``): a line
#: holding none takes no shape but the "who does what" one, which a subject opens.
_BARE_GATE = re.compile(" (?:%s)" % trie(_BARE["place"] + _BARE["occasion"] + _BARE["view"]))
_BARE_MIN_WORDS = min(_SETTINGS["scene_bare_line_min_words"],
                      _SETTINGS["scene_bare_person_min_words"])
_BARE_VIEW = compile_named(rf"(?<!\p{{L}})(?:{named_list(_BARE['view'])})\.?$", regex.V1)


def _bare_scene_lines(text: str, done: set[int], short: list[re.Match] | None = None
                      ) -> list[tuple[int, int, str]]:
    """``captions.scene_bare_line``: a caption with no full stop, or a verbless one, alone on
    a short line between two paragraphs, in a shape subheadings do not take
    (:func:`_bare_shape`), and not above a paragraph that opens with the time of the news
    (a roundup's heading, then its event's lead). A "who does what" line without its full
    stop is a subheading's shape too: it goes only in a text where no other line without a
    full stop stands between paragraphs in no caption's shape (a subheading: subheadings
    come in a series). ``done``: the line starts other scene rules took; ``short``: the
    text's ``_BARE_LINE`` matches, if found already.

    >>> _bare_scene_lines("Tiêu đề\\nMỗi ngày, thầy Vàng A Sùng vượt 10 km đường rừng đến lớp.\\n"
    ...     "Thầy Sùng cùng học trò trong giờ học\\n"
    ...     "Năm nay, thầy được tặng bằng khen vì những đóng góp cho giáo dục.", set())
    [(66, 102, 'captions.scene_bare_line')]
    >>> _bare_scene_lines("Tiêu đề\\nMỗi ngày, thầy Vàng A Sùng vượt 10 km đường rừng đến lớp.\\n"
    ...     "Việt Nam trong mắt bạn bè quốc tế\\n"
    ...     "Năm nay, thầy được tặng bằng khen vì những đóng góp cho giáo dục.", set())
    []
    """
    found: list[tuple[int, int, str]] = []
    headings = 0  # unstopped lines between paragraphs in no caption's shape: subheadings
    unshaped: list[re.Match] = []  # unstopped lines no shape fits: subheadings if between
    for match in _BARE_LINE.finditer(text) if short is None else short:
        start, line = match.start(1), match.group(1)
        if start in done or not line[0].isupper() or len(line.split()) < _BARE_MIN_WORDS:
            continue
        if (_OPENS_ACTION(line) is None and _BARE_GATE.search(line) is None
                and (_BARE_PAIR_HEAD(line) is None or _BARE_PAIR.match(line) is None)):
            if not line.endswith("."):  # no subject opens it and no place or viewpoint word:
                unshaped.append(match)  # no shape fits (its neighbours read only if needed)
            continue
        pair = _bare_neighbours(text, match)
        if pair is None:
            continue
        above, below = pair
        if _announces_pictures(above):
            continue  # a photo story's first caption, under the lead announcing its pictures
        shape = not _TIMED_OPENING.match(below) and _bare_shape(line, above, below)
        if shape:  # not above "Chiều 22/11, ...": a new event's lead, under its heading
            found.append((start, start + len(line), shape))
        elif not line.endswith("."):
            headings += 1
    if not headings and any(shape == "action" for _, _, shape in found):
        headings = any(_bare_neighbours(text, match) is not None for match in unshaped)
    return [(start, end, "captions.scene_bare_line") for start, end, shape in found
            if not (headings and shape == "action")]


def _bare_neighbours(text: str, match: re.Match) -> tuple[str, str] | None:
    """The paragraphs above and below the short line ``match`` (``_BARE_LINE``'s) when it
    stands between two as a bare caption or a subheading does: each
    ``scene_bare_neighbour_min_chars`` long, one ``scene_bare_paragraph_min_chars``, the
    one below capitalised, neither a "who does what" line, the one above not the title."""
    pair = _paragraphs_around(text, match, _SETTINGS["scene_bare_neighbour_min_chars"])
    if (pair is None or max(map(len, pair)) < _SETTINGS["scene_bare_paragraph_min_chars"]
            or not pair[1][0].isupper() or any(map(_reads_as_action, pair))):
        return None
    if _previous_line_start(text, _previous_line_start(text, match.start() + 1)) < 0:
        return None  # the line above is the text's first: its title, and this its lead
    return pair


def _reads_as_unstopped_action(line: str) -> bool:
    """Whether ``line`` (a full stop added) opens with a subject and its visible action
    (:func:`_action_score`; a title only before a name) and scores as a scene."""
    if _action_score(line) < 2 or _scene_score(line) < _SETTINGS["scene_min_score"]:
        return False
    subject = _opening_subject(line)
    return subject not in _SCENE_TITLES or line[len(subject) + 1:len(subject) + 2].isupper()


def _bare_shape(line: str, above: str, below: str) -> str:
    """The shape in which ``line`` reads as a caption though it has no full stop or no verb,
    or ``""``: ``"action"``, a "who does what" line without its full stop
    (:func:`_reads_as_unstopped_action`); ``"groups"``, two groups and their unit
    (``Giáo viên và học sinh điểm trường Nậm Pổ``); ``"person"``, a person or group and
    where they stand with no verb between (``Chị Minh tại điểm thi ...``; a bare name only
    with an occasion and when ``above`` or ``below`` names it); ``"view"``, a viewpoint
    (``... nhìn từ trên cao``); never a story verb or a word that links, judges or reports.

    >>> _bare_shape("Lãnh đạo thành phố cắt băng khánh thành công trình", "", "")
    'action'
    >>> _bare_shape("Người dân Huế ra thánh đường từ sớm", "", "")
    ''
    """
    if _SCENE_SENTENCE_STOP.search(line) or _SUBJECT_STOP.search(line):
        return ""
    terse = len(line.split()) < _SETTINGS["scene_bare_line_min_words"]  # a heading's length
    if not terse and not line.endswith(".") and _reads_as_unstopped_action(line + "."):
        return "action"
    if not terse and _BARE_VIEW.search(line):
        return "view"
    if not terse and _BARE_GROUPS.match(line):
        return "groups"
    if _BARE_PAIR.match(line) is not None:
        return "pair"  # "Bà Hoa và con dâu Ngân Sinh.": two people, no verb
    person = _BARE_PERSON.match(line)
    if person is None:
        return ""
    if person.group("who"):
        return "person"
    if terse or person.group("place") not in _OCCASIONS:
        return ""
    name = person.group("name")
    if not name:
        return "person"
    name = f" {' '.join(name.split())} "  # as whole words: "Linh", not "Linh" in "Linhh"
    return "person" if any(name in f" {' '.join(_WORD.findall(line))} "
                           for line in (above, below)) else ""


#: A character of a caption line that is no sentence: no newline, comma, semicolon, colon,
#: quote, full stop or other sentence mark (the caption-line patterns below).
_NO_SENTENCE_MARK = "[^\\n,;:\"“”'‘’!?….]"

#: A caption naming a person, a dash and their office, then what they do in the picture,
#: alone on its line with no full stop (``Ông Lê Văn An – Giám đốc Sở Y tế trao quà cho
#: bệnh nhân``): a person's head (``captions_bare_scene.txt``) and a name, a dash, a
#: capital, then no comma, colon, semicolon, quote, full stop or other sentence mark, save
#: the commas between the offices one person holds, each opening with a capital
#: (``Đ/c Lê Thị Hoa – Tỉnh ủy viên, Chủ tịch LĐLĐ tỉnh trao giải ...``).
_TITLED_ACTION_LINE = LazyPattern(
    rf"\n[^\S\n]*+((?:{named_list(_BARE['person'])})[ \t]++{_NAME_RUN}[ \t]++[-–][ \t]++"
    rf"\p{{Lu}}(?:{_NO_SENTENCE_MARK}|,[ \t]++(?=\p{{Lu}}))"
    rf"{{8,{_SETTINGS['titled_action_line_max_chars']}}}?)"
    rf"(?=[^\S\n]*+\n)", regex.V1)


def _caption_neighbours(text: str, match: re.Match) -> tuple[str, str] | None:
    """The paragraphs around ``match`` as :func:`_bare_neighbours` reads them, except that
    the line above may be the text's first when it reads as a lead, not a title: a sentence
    of ``lead_first_line_min_chars`` or more that ends with a full stop (an extractor that
    keeps the body alone, no title: ``maintext``)."""
    pair = _bare_neighbours(text, match)
    if pair is not None:
        return pair
    pair = _paragraphs_around(text, match, _SETTINGS["scene_bare_neighbour_min_chars"])
    if (pair is None or max(map(len, pair)) < _SETTINGS["scene_bare_paragraph_min_chars"]
            or not pair[1][0].isupper() or any(map(_reads_as_action, pair))):
        return None
    above = pair[0]
    if (_previous_line_start(text, _previous_line_start(text, match.start() + 1)) >= 0
            or len(above) < _SETTINGS["lead_first_line_min_chars"] or not above.endswith(".")):
        return None
    return pair


#: A line a person's head opens (stdlib ``re``, the heads as a trie after a newline): the
#: cheap pass that finds the few lines :data:`_TITLED_ACTION_LINE` then reads.
_TITLED_HEAD = re.compile(rf"\n[^\S\n]*(?:{trie(_BARE['person'])}) ")
#: A line that opens as :data:`_TITLED_ACTION_LINE` does, a person's head, a name and a
#: dash: a neighbour of this shape makes the line an item of a list.
_TITLED_OPENING = LazyPattern(
    rf"(?:{named_list(_BARE['person'])})[ \t]++{_NAME_RUN}[ \t]++[-–][ \t]", regex.V1)


def _opens_titled(line: str) -> bool:
    """Whether ``line`` opens with a person's head, a name and a dash (:data:`_TITLED_OPENING`)."""
    return _TITLED_OPENING.match(line) is not None


#: A narrator or a span of time or habit (``captions_lone_line_story_words.txt``): no
#: caption of one moment holds one.
_LONE_LINE_STORY = LazyPattern(
    rf"(?<!\p{{L}})(?:{named_list(word_list('captions_lone_line_story_words.txt'))})(?!\p{{L}})",
    regex.V1 | regex.IGNORECASE)
_INTERVIEW_LABELS = word_list("captions_interview_labels.txt")


def _opens_interview(paragraph: str) -> bool:
    """Whether ``paragraph`` reads as an interview's question: a reporter's label
    (``captions_interview_labels.txt``: ``PV:``, ``Thưa ông``) or a question mark last."""
    return paragraph.startswith(_INTERVIEW_LABELS) or paragraph.rstrip("\"”’)").endswith("?")


def _lone_caption_lines(text: str, matches: Iterator[re.Match], done: set[int], rule: str,
                        sibling: Callable[[str], object] | None = None
                        ) -> list[tuple[int, int, str]]:
    """``rule`` for each line a caption-line pattern found (``matches``, group 1 the line)
    that no other scene rule took (``done``), holds no story verb
    (``captions_scene_opener_stops.txt``), no word that links, judges or reports
    (``captions_scene_subject_stops.txt``: ``cho biết``, ``nói``) and no narrator or span
    of time (:data:`_LONE_LINE_STORY`), and stands alone between two paragraphs
    (:func:`_caption_neighbours`) of which the one below opens no interview
    (:func:`_opens_interview`: the line is its heading) nor with the time of the news
    (``Sáng 27/7, ...``: a roundup's heading, then its event's lead), and neither is of the
    line's own shape (``sibling``: a list of such lines is story)."""
    found: list[tuple[int, int, str]] = []
    for match in matches:
        start, line = match.start(1), match.group(1).rstrip()
        if (start in done or _SCENE_SENTENCE_STOP.search(line) or _SUBJECT_STOP.search(line)
                or _LONE_LINE_STORY.search(line)):
            continue
        pair = _caption_neighbours(text, match)
        if (pair is None or _opens_interview(pair[1]) or _TIMED_OPENING.match(pair[1])
                or sibling is not None and any(map(sibling, pair))):
            continue
        found.append((start, start + len(line), rule))
    return found


def _titled_action_lines(text: str, done: set[int], newlines: list[int] | None = None
                         ) -> list[tuple[int, int, str]]:
    """``captions.titled_action_line``: a person's head and name, a dash and their office,
    then an action a picture shows (``captions_scene_actions.txt``) after the dash, with no
    full stop, comma, colon or quote (:data:`_TITLED_ACTION_LINE`), read as
    :func:`_lone_caption_lines` reads a caption line.

    >>> _titled_action_lines("Tiêu đề\\nSáng nay, quỹ khuyến học của tỉnh trao 200 suất cho học "
    ...     "sinh vượt khó.\\nÔng Lê Văn An - Giám đốc Sở Giáo dục trao quà cho học sinh\\n"
    ...     "Mỗi suất trị giá hai triệu đồng, kèm theo sách vở và đồ dùng học tập.", set())
    [(79, 137, 'captions.titled_action_line')]
    """
    def acting() -> Iterator[re.Match]:
        for head in _line_matches(_TITLED_HEAD, text, newlines):  # (the lines a head opens)
            match = _TITLED_ACTION_LINE.match(text, head.start())
            if match is not None:
                line = match.group(1)
                dash = max(line.find(" - "), line.find(" – "))
                if _SCENE_ACTIONS.search(line, dash) is not None:
                    yield match
    return _lone_caption_lines(text, acting(), done, "captions.titled_action_line",
                               _opens_titled)


#: Who a named "who does what" caption shows: a person's head (``captions_bare_scene.txt``
#: ``person:``) or an office (``captions_scene_actions.txt`` ``title:``), then a name.
_NAMED_HEADS = tuple(dict.fromkeys(_BARE["person"] + tuple(sorted(_SCENE_TITLES))))
#: A line such a head opens (stdlib ``re``, the heads as a trie after a newline): the cheap
#: pass that finds the few lines :data:`_NAMED_ACTION_LINE` then reads.
_NAMED_HEAD = re.compile(rf"\n[^\S\n]*(?:{trie(_NAMED_HEADS)}) ")
#: A caption naming the person it shows, then at once what they do in the picture (an
#: ``action:`` of ``captions_scene_actions.txt``) and whom or what the action takes, with no
#: full stop, colon, semicolon or other sentence mark (commas only after the action:
#: ``Bà Lê Thị Hoa tặng quà cho ông Trần Văn Ba, thương binh ở xã Tân Phú``).
_NAMED_ACTION_LINE = LazyPattern(
    rf"\n[^\S\n]*+((?:{named_list(_NAMED_HEADS)})[ \t]++{_NAME_RUN}[ \t]++"
    rf"(?:{named_list(_kind_entries('captions_scene_actions.txt')['action'])})(?!\p{{L}})"
    rf"[^\n.!?…:;]{{0,{_SETTINGS['named_action_line_max_chars']}}}?)(?=[^\S\n]*+\n)",
    regex.V1)
#: A line that opens as :data:`_NAMED_ACTION_LINE` does (a neighbour of this shape, not in
#: the run, makes the run part of a list).
_NAMED_OPENING = LazyPattern(
    rf"(?:{named_list(_NAMED_HEADS)})[ \t]++{_NAME_RUN}[ \t]++"
    rf"(?:{named_list(_kind_entries('captions_scene_actions.txt')['action'])})(?!\p{{L}})",
    regex.V1)
_QUOTE_MARKS = re.compile("[\"“”«»]")
#: The groups a named caption's action takes whose words hold a story verb
#: (``captions_named_action_groups.txt``: ``có hoàn cảnh``): left out before the verb test.
_NAMED_ACTION_GROUPS = re.compile(
    rf"(?<!\w)(?:{trie(word_list('captions_named_action_groups.txt'))})(?!\w)")


class _Run:
    """The span of a run of lines, read as a line pattern's match (group 1 the run's text,
    ``start()`` the newline before it): what :func:`_caption_neighbours` reads."""

    def __init__(self, first: re.Match, last: re.Match) -> None:
        self._start, self._end = first.start(), last.end(1)
        self._text_start = first.start(1)
        self._text = last.string[self._text_start:self._end]

    def start(self, group: int = 0) -> int:
        return self._text_start if group else self._start

    def end(self, group: int = 0) -> int:
        return self._end

    def group(self, group: int = 0) -> str:
        return self._text


def _named_action_fits(line: str) -> bool:
    """Whether a :data:`_NAMED_ACTION_LINE` line reads as one caption: at most
    ``named_action_line_max_chars``, not ending with a comma, no quote (``tặng quà và dặn
    "Cố lên nhé"`` is speech, and a quoted name cannot be told from it), no story verb, no
    word that links, judges or reports (the groups of ``captions_named_action_groups.txt``
    aside: ``các hộ có hoàn cảnh khó khăn``), no narrator or span of time."""
    return not (len(line) > _SETTINGS["named_action_line_max_chars"] or line.endswith(",")
                or _QUOTE_MARKS.search(line)
                or _SCENE_SENTENCE_STOP.search(_NAMED_ACTION_GROUPS.sub("", line))
                or _SUBJECT_STOP.search(line) or _LONE_LINE_STORY.search(line))


def _holds_subheading(text: str, own: set[int]) -> bool:
    """Whether a line with no full stop (``_BARE_LINE``'s, capitalised, of
    ``scene_bare_line_min_words`` words or more) other than ``own`` stands between two
    paragraphs as a subheading does (:func:`_bare_neighbours`): subheadings come in a
    series, so a named "who does what" line in such a text may be one of them."""
    for match in _BARE_LINE.finditer(text):
        line = match.group(1)
        if (match.start(1) not in own and not line.endswith(".") and line[0].isupper()
                and len(line.split()) >= _BARE_MIN_WORDS
                and _bare_neighbours(text, match) is not None):
            return True
    return False


def _named_action_lines(text: str, done: set[int]) -> list[tuple[int, int, str]]:
    """``captions.named_action_line``: a person's head or office and a name, then at once an
    action a picture shows and what it takes, with no full stop (:data:`_NAMED_ACTION_LINE`,
    :func:`_named_action_fits`), alone or in a run of up to ``named_action_run_max_lines``
    such lines (a photo's captions one under another), the run standing between two
    paragraphs as :func:`_caption_neighbours` reads them: the one below opens no interview
    nor with the time of the news, and neither opens in the same shape (a list); none in a
    text with subheadings (:func:`_holds_subheading`).

    >>> _named_action_lines("Tiêu đề\\nSáng nay, hội chữ thập đỏ huyện trao 200 suất quà cho "
    ...     "các hộ nghèo trong xã.\\nBà Lê Thị Hoa tặng quà cho ông Trần Văn Ba, thương binh ở "
    ...     "xã Tân Phú\\nMỗi suất quà gồm gạo, dầu ăn và tiền mặt trị giá năm trăm nghìn đồng.",
    ...     set())
    [(85, 153, 'captions.named_action_line')]
    """
    first = _NAMED_HEAD.search(text)
    if first is None:
        return []  # no line a head opens: most texts
    lines = [m for head in _NAMED_HEAD.finditer(text, first.start())  # (none before the first)
             if (m := _NAMED_ACTION_LINE.match(text, head.start())) is not None
             and m.start(1) not in done and _named_action_fits(m.group(1).rstrip())]
    runs: list[list[re.Match]] = []
    for match in lines:
        if runs and not text[runs[-1][-1].end(1):match.start()].strip():
            runs[-1].append(match)  # the line right under the run's last (blank lines aside)
        else:
            runs.append([match])
    runs = [run for run in runs if len(run) <= _SETTINGS["named_action_run_max_lines"]]
    if not runs or _holds_subheading(text, {m.start(1) for m in lines}):
        return []  # lists of who did what; a roundup's subheadings, a named line one of them
    found: list[tuple[int, int, str]] = []
    for run in runs:
        pair = _caption_neighbours(text, _Run(run[0], run[-1]))
        if (pair is None or _opens_interview(pair[1]) or _TIMED_OPENING.match(pair[1])
                or any(_NAMED_OPENING.match(side) for side in pair)):
            continue
        found += [(m.start(1), m.start(1) + len(m.group(1).rstrip()),
                   "captions.named_action_line") for m in run]
    return found


_GIVING_VERBS = word_list("captions_giving_verbs.txt")
#: A "who gives what to whom" caption alone on its line: a capitalised subject, a giving verb
#: of ``captions_giving_verbs.txt`` as a whole word, what is given, ``cho`` and the
#: recipients, maybe a full stop; no figure, full stop inside, colon, semicolon or other
#: sentence mark (stdlib ``re``; a line that holds no giving verb fails at its first scan).
_GIVING_MAX = _SETTINGS["giving_line_max_chars"]
_GIVING_PART = rf"[^\n\d.!?…:;]{{2,{_GIVING_MAX}}}?"  # a stretch with no figure or sentence mark
_GIVING_VERB_WORDS = alternation(_GIVING_VERBS)
#: A giving verb as a whole word (stdlib ``re``, one scan): the lines :data:`_GIVING_LINE`
#: then reads are those that hold one.
_GIVING_VERB = re.compile(rf" (?:{_GIVING_VERB_WORDS}) ")
#: What a :data:`_GIVING_VERB` match opens with: a space and a verb, leaving out each verb
#: that opens with another (``trao tặng``: `` trao`` finds it). A search for a literal is far
#: cheaper than the pattern's scan, which tries each space (and one for a literal that ends
#: with a space, a common character, costs more than one without it).
_GIVING_NEEDLES = tuple(f" {v}" for v in _GIVING_VERBS
                        if not any(o != v and v.startswith(o) for o in _GIVING_VERBS))


def _twice_marked_lead(needle: str) -> int | None:
    """Where ``needle``'s first letter with two marks is (``ặ`` of `` tặng``: such letters are
    rare in prose, so a search from it jumps in C from one to the next), or None (a search
    for the whole needle costs less than one from a common letter).

    >>> _twice_marked_lead(" tặng"), _twice_marked_lead(" bàn giao")
    (2, None)
    """
    return next((k for k, char in enumerate(needle)
                 if len(unicodedata.normalize("NFD", char)) >= 3), None)


#: Each needle with the place of the character it is searched from (:func:`literal_places`).
_GIVING_LEADS = tuple((needle, _twice_marked_lead(needle)) for needle in _GIVING_NEEDLES)


def _giving_verbs(text: str) -> list[re.Match]:
    """:data:`_GIVING_VERB`'s matches in ``text``, as its ``finditer`` gives them: the
    pattern is tried only where one of :data:`_GIVING_NEEDLES` stands (:data:`_GIVING_LEADS`;
    most texts hold none), leftmost first, each after the last match's end. Every match opens
    with a needle, so a place no needle opens holds none, and the first place at or after
    the last match's end where the pattern matches is the match a scan finds next.

    >>> [m.group() for m in _giving_verbs("Ông An trao quà, bà Ba tặng hoa.")]
    [' trao ', ' tặng ']
    """
    places = [at for needle, lead in _GIVING_LEADS for at in literal_places(text, needle, lead)]
    if not places:
        return []  # (most texts)
    found: list[re.Match] = []
    last_end = 0
    for at in sorted(set(places)):
        if at >= last_end and (match := _GIVING_VERB.match(text, at)) is not None:
            found.append(match)
            last_end = match.end()
    return found


_GIVING_LINE = re.compile(
    rf"\n[^\S\n]*+([^\W\d_]{_GIVING_PART} (?:{_GIVING_VERB_WORDS}) "
    rf"{_GIVING_PART} cho {_GIVING_PART}\.?)(?=[^\S\n]*+\n)")
#: A sentence opener that makes a line the story's: the time of the news or a place or span
#: (``captions_giving_story_openers.txt``), or a discourse connective
#: (``captions_story_connectives.txt``: ``Ngoài ra,``).
_GIVING_STORY_OPENER = re.compile(
    rf"(?:{alternation(word_list('captions_giving_story_openers.txt'))})\b"
    rf"|(?:{alternation(word_list('captions_story_connectives.txt'))})")


def _giving_fits(line: str) -> bool:
    """Whether a :data:`_GIVING_LINE` line reads as one caption: at most
    ``giving_line_max_chars``, at most ``giving_subject_max_words`` words before its verb,
    no story opener (:data:`_GIVING_STORY_OPENER`), no quote after ``cho`` (``... cho các em
    và dặn "Cố lên nhé"`` is speech; a quoted name of what is given may stand before it)."""
    if len(line) > _GIVING_MAX or _GIVING_STORY_OPENER.match(line):
        return False
    verb = _GIVING_VERB.search(line)
    if verb is None or len(line[:verb.start()].split()) > _SETTINGS["giving_subject_max_words"]:
        return False
    return _QUOTE_MARKS.search(line, line.find(" cho ", verb.start())) is None  # speech after it


def _giving_lines(text: str, done: set[int], verbs: list[re.Match] | None = None
                  ) -> list[tuple[int, int, str]]:
    """``captions.giving_line``: a "who gives what to whom" caption (:data:`_GIVING_LINE`,
    :func:`_giving_fits`: ``Hội Phụ nữ xã trao mô hình sinh kế cho hội viên``, ``Bà Lê Thị
    Hoa - Phó Chủ tịch UBND huyện, trao quà cho các em thiếu nhi``) read as
    :func:`_lone_caption_lines` reads a caption line: alone between two paragraphs, no story
    verb, no word that reports, neither neighbour of the same shape (a list of gifts), not
    in a photo story told one caption a line (:func:`_in_short_sentence_run`); one with no
    full stop not in a text with subheadings (:func:`_holds_subheading`). ``verbs``: the
    text's :data:`_GIVING_VERB` matches, if found already.

    >>> lead = "Tiêu đề\\nSáng nay, hội phụ nữ xã trao mô hình sinh kế cho ba hộ nghèo.\\n"
    >>> tail = "\\nMỗi hộ được hỗ trợ mười triệu đồng để nuôi bò và trồng rau."
    >>> [len(_giving_lines(lead + line + tail, set())) for line in (
    ...     "Hội phụ nữ xã trao mô hình sinh kế cho hội viên",
    ...     "Hội phụ nữ xã trao 3 mô hình sinh kế cho hội viên")]
    [1, 0]
    """
    if verbs is None:
        verbs = _giving_verbs(text)
    starts = dict.fromkeys(text.rfind("\n", 0, verb.start())
                           for verb in verbs)  # the lines holding a giving verb
    starts = [at for at in starts  # (a line longer than a caption is read no further)
              if at >= 0 and _line_end(text, at + 1) - at <= _GIVING_MAX + 8]
    matches = [m for at in starts if (m := _GIVING_LINE.match(text, at)) is not None
               and _giving_fits(m.group(1).rstrip())
               and not _in_short_sentence_run(text, m.start() + 1, _line_end(text, m.start(1)))]
    if any(not m.group(1).rstrip().endswith(".") for m in matches) and _holds_subheading(
            text, {m.start(1) for m in matches}):  # a roundup's subheadings: one may be such
        matches = [m for m in matches if m.group(1).rstrip().endswith(".")]
    return _lone_caption_lines(text, iter(matches), done, "captions.giving_line",
                               _reads_as_giving)


#: A giving caption run on into the next paragraph of a body flattened with spaces: after a
#: sentence end and its space, the caption's shape (:data:`_GIVING_LINE`'s, no full stop),
#: a space, then a word that opens sentences (``captions_sentence_starters.txt``, a
#: person's head aside: it may open the recipient's name) and a space or comma (stdlib ``re``;
#: tried only at the sentence start before a giving verb).
_RUN_ON_STARTERS = sorted(set(_STARTERS) - set(_BARE["person"]), key=len, reverse=True)
_GIVING_RUN_ON = re.compile(
    rf"([^\W\d_]{_GIVING_PART} (?:{_GIVING_VERB_WORDS}) {_GIVING_PART}"
    rf" cho {_GIVING_PART}) (?=(?:{alternation(_RUN_ON_STARTERS)})[ ,])")


def _giving_run_ons(text: str, verbs: list[re.Match] | None = None
                    ) -> list[tuple[int, int, str]]:
    """``captions.giving_run_on``: a giving caption (:func:`_giving_fits`) that a scraper
    joined with spaces between the paragraph it stood under and the one it stood above
    (``... huyện Tân Phú). Bà Lê Thị Hoa - Phó Chủ tịch UBND huyện, tặng quà cho các em Theo
    đó, ...``): it opens right after a sentence end and runs with no full stop into a
    sentence starter (:data:`_GIVING_RUN_ON`); no story verb, no word that reports, no
    narrator or span of time. ``verbs``: the text's :data:`_GIVING_VERB` matches, if found.

    >>> text = ("Tiêu đề\\nSáng nay, huyện trao quà cho thiếu nhi vùng sâu. Bà Lê Thị Hoa tặng "
    ...     "quà cho các em thiếu nhi Theo đó, mỗi phần quà gồm bánh và lồng đèn.")
    >>> [text[a:b] for a, b, _ in _giving_run_ons(text)]
    ['Bà Lê Thị Hoa tặng quà cho các em thiếu nhi']
    """
    found: list[tuple[int, int, str]] = []
    for verb in _giving_verbs(text) if verbs is None else verbs:
        to = text.find(" cho ", verb.end(), verb.end() + _GIVING_MAX)
        if to < 0 or "." in text[verb.end():to]:
            continue  # (no recipient before the sentence ends: most giving verbs)
        start = text.rfind(". ", max(0, verb.start() - _GIVING_MAX), verb.start())
        if start < 0 or "\n" in text[start:verb.start()]:
            continue
        match = _GIVING_RUN_ON.match(text, start + 2)
        if match is None or "\n" in match.group(1):
            continue
        caption = match.group(1)
        if (_giving_fits(caption) and not _SCENE_SENTENCE_STOP.search(caption)
                and not _SUBJECT_STOP.search(caption) and not _LONE_LINE_STORY.search(caption)):
            found.append((match.start(1), match.end(1), "captions.giving_run_on"))
    return found


def _reads_as_giving(line: str) -> bool:
    """Whether ``line`` has a giving caption's shape (a neighbour of this shape makes a list)."""
    match = _GIVING_LINE.match(f"\n{line.strip()}\n")
    return match is not None and _giving_fits(match.group(1).rstrip())


#: A clip's caption: an opener of ``captions_clip_scenes.txt`` (``Đoạn clip quay cảnh``,
#: ``Video ghi lại cảnh``) and what the clip shows, alone on its line, no comma, colon,
#: semicolon, quote, full stop or other sentence mark (stdlib ``re``: a newline, the openers
#: as a trie).
_CLIP_SCENE_LINE = re.compile(
    rf"\n[^\S\n]*+((?:{trie(word_list('captions_clip_scenes.txt'))}) "
    rf"{_NO_SENTENCE_MARK}{{3,{_SETTINGS['clip_scene_line_max_chars']}}}?)(?=[^\S\n]*+\n)")


_CLIP_OPENING = re.compile(trie(word_list("captions_clip_scenes.txt")))
#: What a clip did once posted (``captions_clip_reception.txt``: ``lan truyền``,
#: ``cộng đồng mạng``): a sentence about the clip, no caption of what it shows.
_CLIP_RECEPTION = _WholeWords("captions_clip_reception.txt")


def _clip_scene_lines(text: str, done: set[int], newlines: list[int] | None = None
                      ) -> list[tuple[int, int, str]]:
    """``captions.clip_scene_line``: what an embedded clip shows, opened by a clip opener of
    ``captions_clip_scenes.txt`` (``Đoạn clip quay cảnh xe tải lấn làn trên quốc lộ``), with
    no full stop, comma, colon or quote, read as :func:`_lone_caption_lines` reads a
    caption line (``... đã thu hút hàng nghìn lượt xem`` is a sentence about the clip)."""
    lines = _line_matches(_CLIP_SCENE_LINE, text, newlines)
    first = next(lines, None)
    if first is None:
        return []  # no clip's line: most texts
    showing = (m for m in chain((first,), lines) if _CLIP_RECEPTION.search(m.group(1)) is None)
    return _lone_caption_lines(text, showing, done, "captions.clip_scene_line",
                               _CLIP_OPENING.match)


#: A caption that points at the place in the picture: a short noun phrase ending with a
#: tail of ``captions_scene_place_tails.txt`` (``... nơi xảy ra sự việc``), maybe a full
#: stop, alone on its line with no comma, colon, semicolon, quote or other sentence mark.
_POINTER_TAILS = word_list("captions_scene_place_tails.txt")
#: The tails without their first letter (``ơi xảy ra vụ cháy``): a text where this finds
#: nothing holds no tail. A scan for the tails themselves stops at every ``n`` of the text
#: (``nơi ...``); this one at the rarer ``ơ``, and costs half as much.
_POINTER_GATE = re.compile(trie(tuple(tail[1:] for tail in _POINTER_TAILS)))
_SCENE_PLACE_LINE = re.compile(
    rf"\n[^\S\n]*+([^\W\d_]{_NO_SENTENCE_MARK}{{2,{_SETTINGS['scene_place_line_max_chars']}}}? "
    rf"(?:{trie(_POINTER_TAILS)})\.?)(?=[^\S\n]*+\n)")


#: The pointer right after a word of going, leaving or becoming
#: (``captions_scene_place_objects.txt``: ``Trở lại nơi xảy ra vụ sạt lở``): ``nơi`` is
#: then the object of a story's verb, not a relative clause on a pictured place.
_PLACE_AS_OBJECT = re.compile(
    rf"(?<!\w)(?:{trie(word_list('captions_scene_place_objects.txt'))}) "
    rf"(?:{trie(_POINTER_TAILS)})\.?$")


def _scene_place_lines(text: str, done: set[int]) -> list[tuple[int, int, str]]:
    """``captions.scene_place_line``: a short noun phrase that ends by pointing at the place
    the picture shows (``Xưởng gỗ nơi xảy ra vụ cháy``; tails in
    ``captions_scene_place_tails.txt``), a capital first, read as
    :func:`_lone_caption_lines` reads a caption line (``Đây là nơi ...`` is a sentence)."""
    if _POINTER_GATE.search(text) is None:
        return []  # no tail anywhere: the line pattern need not run
    capitalised = (m for m in _SCENE_PLACE_LINE.finditer(text)
                   if m.group(1)[0].isupper() and _PLACE_AS_OBJECT.search(m.group(1)) is None)
    return _lone_caption_lines(text, capitalised, done, "captions.scene_place_line")


_NOUN_HEADS = _kind_entries("captions_scene_noun_heads.txt")
_PERSON_HEADS, _THING_HEADS = _NOUN_HEADS["person"], _NOUN_HEADS["thing"]
#: A head opening a line that is not the text's first, then a space (stdlib ``re``, a
#: newline literal first: one fast pass, and most texts hold none).
_NOUN_HEAD_LINE = re.compile(r"\n[^\S\n]*+(%s)(?=[ \t])" % trie(_PERSON_HEADS + _THING_HEADS))
#: Where a line opens with an opener of any of the four line patterns _ACTION_LINE,
#: _TITLED_HEAD, _CLIP_SCENE_LINE and _NOUN_HEAD_LINE: each matches only at a newline that
#: spaces and one of its own openers follow, so each is tried only at these newlines (ONE
#: scan of the text for the four, not four; tests/test_captions.py compares). A match never
#: holds a newline, so the scan misses none.
_LINE_OPENERS = tuple(sorted({*_ACTION_OPENERS, *_BARE["person"], *_PERSON_HEADS,
                              *_THING_HEADS, *word_list("captions_clip_scenes.txt")}))
_OPENER_SEED = re.compile(rf"\n[^\S\n]*+(?:{trie(_LINE_OPENERS)})")


def _opener_newlines(text: str, newlines: list[int] | None = None) -> list[int]:
    """The newlines where :data:`_OPENER_SEED` matches; ``newlines`` (:func:`_few_newlines`)
    when the caller has them (a text of few lines: each is tried anyway)."""
    if newlines is not None:
        return newlines
    return [m.start() for m in _OPENER_SEED.finditer(text)]
#: What a person's head may take: a name (capitalised words), what it has beside it after
#: ``cùng``/``và`` (``with:`` entries: ``cùng tang vật``), then a place after ``tại``.
_PERSON_REST = compile_named(
    r"(?:\p{Lu}[\p{L}.-]*+\s*+)*+(?:(?:cùng|và)\s++(?:%s)(?:\s++|$))?+(?:tại\s[^\n]+)?"
    % named_list(_NOUN_HEADS["with"]), regex.V1)
#: A story verb after a thing's head (``Dòng tâm sự của cô khiến ...``): a sentence, no
#: noun caption (``captions_noun_predicates.txt``).
_NOUN_PREDICATE = compile_named(
    rf"(?<!\p{{L}})(?:{named_list(word_list('captions_noun_predicates.txt'))})(?!\p{{L}})",
    regex.V1)
#: A paragraph's end: a sentence mark, maybe inside a closing quote or bracket.
_PARAGRAPH_END = (".", "!", "?", "…", '."', ".”", ".)", '"', "”")


def _scene_nouns(text: str, newlines: list[int] | None = None) -> list[tuple[int, int, str]]:
    """``captions.scene_noun``: a caption written as a bare noun phrase alone on its line
    (``Bị can Lê Văn Tâm.``, ``Đối tượng tại cơ quan Công an.``, ``Hiện trường vụ tai
    nạn``), next to a paragraph: after one (the line above ends a sentence and is no list's
    head), or above one when the line above is no list item opening with the same head.
    A person's head takes only a name and a place; a thing's head a few words with no story
    verb (``captions_scene_opener_stops.txt``). The text's first line (its title) is never one.

    >>> _scene_nouns("Tiêu đề\\nCông an bắt giữ đối tượng.\\nBị can Lê Văn Tâm.")
    [(35, 53, 'captions.scene_noun')]
    >>> _scene_nouns("Tiêu đề\\nPhiên tòa kéo dài.\\nBị cáo Lê Văn Tâm nhận án 9 năm tù.")
    []
    """
    found: list[tuple[int, int, str]] = []
    for match in _line_matches(_NOUN_HEAD_LINE, text, newlines):
        head = match.group(1)
        start = match.start() + 1
        end = _line_end(text, start)
        line = text[match.start(1):end].rstrip()
        if not _noun_phrase_fits(head, line):
            continue
        above, below = _nonblank_line_before(text, start), _nonblank_line_after(text, end)
        if not above or not (above.endswith(_PARAGRAPH_END) or below.endswith(_PARAGRAPH_END)
                             and not above.endswith(":") and not above.startswith(head)):
            continue
        if _in_short_sentence_run(text, start, end):
            continue  # a photo story told in its captions (or a list): the line is its item
        found.append((match.start(1), match.start(1) + len(line), "captions.scene_noun"))
    return found


def _short_run_line(line: str) -> bool:
    """Whether ``line`` is one short sentence closed by a full stop (at most
    ``scene_line_max_chars``): an item of :func:`_in_short_sentence_run`."""
    line = line.strip()
    return (0 < len(line) <= _SETTINGS["scene_line_max_chars"] and line.endswith(".")
            and not _holds_two_sentences(line))


def _in_short_sentence_run(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` stands in a run of
    ``caption_story_run_min_lines`` lines or more, one under another (blank lines between
    them or not), each one short sentence with its full stop (:func:`_short_run_line`): a
    photo story told in its captions (``Chùm ảnh: ...``, one caption a line) or a list, whose
    items are its text; a caption stands alone between paragraphs.

    >>> text = "Tiêu đề\\n" + "".join(f"Đội bóng số {n} ra mắt.\\n" for n in range(3))
    >>> at = len(text); text += "Quang cảnh buổi lễ.\\n" + "Các đội chào khán giả.\\nHết."
    >>> _in_short_sentence_run(text, at, at + 19)
    True
    >>> line = "Quang cảnh buổi lễ."
    >>> _in_short_sentence_run(f"Tiêu đề\\nMột câu dài của bài.\\n{line}\\nCâu sau.", 29, 48)
    False
    """
    least = _SETTINGS["caption_story_run_min_lines"]
    count = 1
    line_end = start - 1  # the newline that ends the line above
    while count < least and line_end > 0:
        line_start = text.rfind("\n", 0, line_end) + 1
        line = text[line_start:line_end]
        if line.strip():
            if not _short_run_line(line):
                break
            count += 1
        line_end = line_start - 1
    line_start = end + 1
    while count < least and line_start <= len(text):
        line_end = _line_end(text, line_start)
        line = text[line_start:line_end]
        if line.strip():
            if not _short_run_line(line):
                break
            count += 1
        line_start = line_end + 1
    return count >= least


def _noun_phrase_fits(head: str, phrase: str) -> bool:
    """``phrase``, opening with a scene noun's ``head``, reads as one: at most
    ``scene_noun_max_chars`` and ``scene_noun_max_words``, no break (:data:`_NOUN_BREAKS`),
    and after the head what it may take: a person's head only a name, what is beside it and a
    place (:data:`_PERSON_REST`); a thing's head a few words with no story verb
    (``captions_scene_opener_stops.txt``, ``captions_noun_predicates.txt``)."""
    if (len(phrase) > _SETTINGS["scene_noun_max_chars"] or _NOUN_BREAKS.search(phrase) is not None
            or len(phrase.split()) > _SETTINGS["scene_noun_max_words"]):
        return False
    rest = phrase[len(head):].rstrip(".").strip()
    if head in _PERSON_HEADS:
        return _PERSON_REST.fullmatch(rest) is not None
    return _SCENE_SENTENCE_STOP.search(rest) is None and _NOUN_PREDICATE.search(rest) is None


#: A scene noun in brackets alone on its line (``(Quang cảnh cuộc họp)``): a head of
#: ``captions_scene_noun_heads.txt`` right after the bracket, the rest up to the closing one.
#: Found by its opening (a literal bracket first: a fast scan), then read to its line's end.
_BRACKETED_NOUN_OPEN = re.compile(r"\((%s)(?=[ \t])" % trie(_PERSON_HEADS + _THING_HEADS))
_BRACKETED_NOUN_REST = re.compile(r"([^()\n]*+)\)\.?")


def _bracketed_scene_nouns(text: str) -> list[tuple[int, int, str]]:
    """``captions.scene_noun`` in brackets: a scene noun phrase alone on its line inside a
    pair of brackets (``(Quang cảnh cuộc họp)``, ``(Toàn cảnh buổi lễ)``), next to a
    paragraph; as :func:`_scene_nouns` reads its words, but also on the text's first line
    (a bracketed aside is no title).

    >>> _bracketed_scene_nouns("(Quang cảnh cuộc họp)\\nHội đồng đã nhận được 26 sản phẩm.")
    [(0, 21, 'captions.scene_noun')]
    >>> _bracketed_scene_nouns("Tiêu đề\\n(Toàn cảnh thị trường đã thay đổi nhiều)\\nCâu.")
    []
    """
    if "(" not in text:
        return []
    found: list[tuple[int, int, str]] = []
    for match in _BRACKETED_NOUN_OPEN.finditer(text):
        start = match.start()
        line_start = text.rfind("\n", 0, start) + 1
        end = last_non_space_end(text, _line_end(text, start))
        rest = _BRACKETED_NOUN_REST.fullmatch(text, match.end(), end)
        if rest is None or text[line_start:start].strip():
            continue  # not alone on its line
        head = match.group(1)
        if not _noun_phrase_fits(head, head + rest.group(1)):
            continue
        above, below = _nonblank_line_before(text, line_start), _nonblank_line_after(text, end)
        if not (above.endswith(_PARAGRAPH_END) or below.endswith(_PARAGRAPH_END)):
            continue
        found.append((start, end, "captions.scene_noun"))
    return found


def _nonblank_line_before(text: str, line_start: int) -> str:
    """The last non-blank line before ``line_start`` (stripped), or ``""``: found backwards
    from it (:func:`_previous_line_start`), not by slicing the text before it."""
    start = _previous_line_start(text, line_start)
    return "" if start < 0 else text[start:_line_end(text, start)].strip()


def _nonblank_line_after(text: str, pos: int) -> str:
    """The first non-blank line from ``pos`` on (stripped), or ``""``."""
    first = _NON_SPACE.search(text, pos)
    return "" if first is None else text[first.start():_line_end(text, first.start())].strip()


#: A noun caption is one clause: no comma, colon, quote or second sentence.
_NOUN_BREAKS = regex.compile(r"[,;:\"“”!?]|\.\s", regex.V1)


#: Scene openers (``Toàn cảnh``, ``Khuôn viên``, ...): found by ``str.find`` (they are rare).
_SCENE_OPENERS = word_list("captions_scene_openers.txt")
# A scene sentence: an opener that starts a sentence (after a sentence end, or at a line's
# start), then a short clause with no quote, colon, comma or other terminator, ending with a
# full stop before a space, a capital, a digit or the line's end.
_SCENE_SENTENCE = compile_named(
    rf"(?:(?<=[.!?…][\"”’)]?{_HSPACE}{{0,3}})|(?<=^{_HSPACE}*))(?:{named_list(_SCENE_OPENERS)})"
    rf"(?!\p{{L}})[^.!?…\n\"“”:;,]{{3,{_SETTINGS['scene_sentence_max_chars']}}}+\.(?=[\s\p{{Lu}}\d]|$)",
    regex.V1 | regex.MULTILINE)
_SCENE_SENTENCE_STOP = _WholeWords("captions_scene_opener_stops.txt")


def _scene_sentences(text: str, keywords: list[int]) -> list[tuple[int, int, str]]:
    """``captions.scene_sentence``: a short sentence opened by a scene opener (``Khuôn viên
    Đại học Harvard.``) inside a body, with no story verb (``đã``, ``sẽ``, ``là``, ...).
    The text's first sentence (a title) is never one.

    Openers that hold a keyword (``Toàn cảnh`` holds ``ảnh``) are found from ``keywords``
    (the text's keyword starts, sorted), the others by ``str.find``.
    """
    first = _first_non_space(text, 0, len(text))
    starts: set[int] = set()
    for at in keywords:
        for opener, offset in _KEYWORD_OPENERS.get(text[at - 1:at + 3] if at else "", ()):
            if text.startswith(opener, at - offset):
                starts.add(at - offset)
    for opener in _FOUND_OPENERS:
        at = text.find(opener)
        while at >= 0:
            starts.add(at)
            at = text.find(opener, at + len(opener))
    found: list[tuple[int, int, str]] = []
    for at in sorted(starts):
        match = _SCENE_SENTENCE.match(text, at) if at > first else None
        if (match and _SCENE_SENTENCE_STOP.search(text, at, match.end()) is None
                and _names_a_scene(match.group())):
            found.append((at, match.end(), "captions.scene_sentence"))
    return found


def _names_a_scene(sentence: str) -> bool:
    """A scene sentence names a place or a thing: after its opener, few lowercase words
    (``Khuôn viên trường Stanford lúc về đêm.``); a clause that says more of it is the
    story's (``Hiện trường ngổn ngang mảnh vỡ xe máy và đất cát.``).

    >>> _names_a_scene("Khuôn viên Đại học Harvard."), _names_a_scene(
    ...     "Quang cảnh hồ Thành Công hiện nay xuống cấp nghiêm trọng.")
    (True, False)
    """
    opener = next(o for o in _SCENE_OPENERS if sentence.startswith(o))
    return sum(word[0].islower() for word in sentence[len(opener):].split()) <= _SETTINGS[
        "scene_sentence_max_lowercase_words"]


#: Where an unstopped caption can end inside a long line: a space after two lower-case (or
#: numeric) words, before a sentence starter that is no name syllable (``Theo``, ``Đặc``,
#: ``Tại``: ``_DESCRIPTION_STARTERS``) followed by a comma or a lower-case word: ``... cheo
#: leo Theo anh Tuấn, ...``; never ``... tại Phần Lan`` (a capital follows) nor a name. A
#: stdlib ``re`` scan (a trie of the starters: it skips every place no capital opens) finds
#: the few places; :func:`_is_unstopped_seam` checks the rest.
_UNSTOPPED_SEAM = re.compile(rf"(?:{trie(tuple(_DESCRIPTION_STARTERS))})(?=,|[ \t]\w)")
#: The two words before a seam: lower-case or numeric openings.
_WORDS_BEFORE_SEAM = regex.compile(
    r"(?:^|(?<=[ \t]))[\p{Ll}\p{N}]\S*+[ \t\xa0][\p{Ll}\p{N}][^\s.!?…]*+$", regex.V1)


def _is_unstopped_seam(text: str, at: int) -> bool:
    """Whether the space at ``at`` (found by ``_UNSTOPPED_SEAM``) ends two lower-case or
    numeric words and the starter after it takes a comma or a lower-case word."""
    if at < 1 or text[at] not in " \t\xa0" or not text[at - 1].isalnum():
        return False
    after = text[at + 1:at + 40].split(None, 1)
    if not after[0].endswith(",") and not (len(after) > 1 and after[1][:1].islower()):
        return False
    return _WORDS_BEFORE_SEAM.search(text, max(0, at - 60), at) is not None


#: A sentence's end and the space after it, searched backwards from a seam; a list's number
#: (``2. Xe ...``) ends no sentence.
_SENTENCE_END_BACK = regex.compile(r"(?<=[\p{L}\"”’).…])[.!?…][\"”’)]*+[ \t]",
                                   regex.V1 | regex.REVERSE)
_SENTENCE_END_AHEAD = regex.compile(r"[.!?…](?=[\"”’)]*+(?:\s|$))", regex.V1)
#: What an unstopped caption never holds: a colon or semicolon, reported speech (``",``), a
#: dash between words (a subheading's or a name's), a sentence end glued to the next word
#: (``hoãn .Đến``; a figure's dot, ``10.200``, is none).
_UNSTOPPED_BREAK = regex.compile(r"[:;\n]|[\"”],|\s[-–]\s|[.!?…](?!\d)", regex.V1)
_UNFINISHED_WORDS = word_set("captions_unfinished_words.txt")
_UNSTOPPED_OPENER_STOPS = word_set("captions_unstopped_opener_stops.txt")
_SPEECH_WORDS = _WholeWords("captions_speech_verbs.txt")


def _long_lines(text: str, least: int, lines: list[str] | None = None
                ) -> list[tuple[int, int]]:
    """(start, end) of the lines of ``text`` at least ``least`` characters long, found with
    ``str.split`` and C iterators (only the long lines reach Python): the seams' scan is the
    cost of :func:`_unstopped_captions`, and most texts' lines are shorter than a flattened
    body's. ``lines``: ``text.split("\\n")``, if split already.

    >>> _long_lines("ab\\nabcd\\n\\nxyz", 3)
    [(3, 7), (9, 12)]
    """
    return _sized_lines(text.split("\n") if lines is None else lines,
                        range(least, len(text) + 1))


def _sized_lines(lines: list[str], sizes: range) -> list[tuple[int, int]]:
    """(start, end) of the ``lines`` (a text's ``split("\\n")``) whose length is in ``sizes``
    (a range of step 1): the lengths are compared in one list comprehension (no call a
    line: a bound method such as ``range.__contains__`` called through ``map`` costs more
    than the comparison), and the lines' ends are summed only when one fits.

    >>> _sized_lines(["ab", "abcd", "", "xyz"], range(3, 4))
    [(9, 12)]
    """
    lengths = list(map(len, lines))
    low, high = sizes.start, sizes.stop
    fits = [k for k, size in enumerate(lengths) if low <= size < high]
    if not fits:
        return []
    ends = list(accumulate(lengths))  # line k ends at ends[k] + k (a newline before each)
    return [(ends[k] + k - lengths[k], ends[k] + k) for k in fits]


def _unstopped_captions(text: str, lines: list[str] | None = None
                        ) -> list[tuple[int, int, str]]:
    """``captions.unstopped_caption``: a caption with no full stop glued into a flattened
    body between two sentences: ``... sang trọng. Những chi tiết trong bức tranh được chạm
    khắc tinh xảo Đặc biệt, có bức tranh ...``. The stretch runs from a sentence end to a
    seam (:data:`_UNSTOPPED_SEAM`) in a line of ``unstopped_line_min_chars`` or more, before a
    next sentence of ``unstopped_next_sentence_min_words`` words or more; it holds
    ``unstopped_caption_min_words`` words or more and at most ``unstopped_caption_max_chars``
    characters, ends with no word that leaves a clause open (``captions_unfinished_words.txt``)
    nor a bare number (``khoản 1 Điều này``) or a quote (a subheading's ``... sang “tư duy
    năng lực”``), says nothing (no verb of
    ``captions_speech_verbs.txt``), and opens with no connective or adverbial and its comma in
    its first three words (``Trong đó, ...``), nor a cited source or marker
    (``captions_unstopped_opener_stops.txt``).
    Of the seams in one sentence, the last decides, so one pass settles. ``lines``:
    ``text.split("\\n")``, if split already.

    >>> text = ("Hội chợ xuân năm nay đón hàng nghìn lượt khách mỗi ngày, nhiều gian hàng mở "
    ...     "cửa sớm hơn thường lệ. Ban tổ chức bố trí thêm bãi giữ xe ở hai cổng phụ. Những "
    ...     "chiếc đèn lồng được thợ thủ công làm hoàn toàn bằng tay Theo chị Lan, mỗi chiếc "
    ...     "đèn mất gần một ngày để hoàn thiện. Giá bán từ vài chục đến vài trăm nghìn đồng.")
    >>> [text[a:b] for a, b, _ in _unstopped_captions(text)]
    ['Những chiếc đèn lồng được thợ thủ công làm hoàn toàn bằng tay']
    """
    settings = _SETTINGS
    last_seam: dict[int, int] = {}  # sentence start -> the last seam in that sentence
    for line_start, line_end in _long_lines(text, settings["unstopped_line_min_chars"], lines):
        for seam in _UNSTOPPED_SEAM.finditer(text, line_start, line_end):
            at = seam.start() - 1
            if not _is_unstopped_seam(text, at):
                continue
            end = _SENTENCE_END_BACK.search(text, line_start, at)
            if end is not None:
                last_seam[end.end()] = at
    found: list[tuple[int, int, str]] = []
    for start, at in last_seam.items():
        stretch = text[start:at]
        words = stretch.split()
        if (not stretch[:1].isupper() or len(stretch) > settings["unstopped_caption_max_chars"]
                or len(words) < settings["unstopped_caption_min_words"]
                or words[-1] in _UNFINISHED_WORDS or words[-1].isdigit()
                or not words[-1][-1].isalnum()
                or words[0] in _UNSTOPPED_OPENER_STOPS
                or _SPEECH_WORDS.search(stretch) is not None
                or any(word.endswith(",") for word in words[:3])
                or _UNSTOPPED_BREAK.search(stretch) is not None
                or _CONNECTIVE_OPENING.match(stretch) is not None):
            continue
        next_end = _SENTENCE_END_AHEAD.search(text, at, _line_end(text, at))
        if next_end is None or len(text[at:next_end.start()].split()) < settings[
                "unstopped_next_sentence_min_words"]:
            continue
        found.append((start, at, "captions.unstopped_caption"))
    return found


#: A position in the picture in brackets inside a sentence (the bracketed forms of
#: ``_POSITION_CUE``, and ``(bìa phải)``): ``Anh Lực (thứ 2 từ trái sang) cùng ...``.
_POSITION_IN_BRACKETS = regex.compile(
    r"\((?:[^()\n]{0,40}?\b(?:từ|bên|bìa)\s(?:trái|phải)|thứ\s\w{1,4}\s(?:từ|bên)|ngoài\scùng"
    r"|(?:ở\s)?giữa\)|phải\)|trái\))", regex.V1)
#: The end of the sentence before a place, searched backwards: a terminal mark (a figure's
#: or an initial's aside) before a space or a glued capital, or a line break.
_SENTENCE_START_BACK = regex.compile(
    r"(?<=[\p{L}\"”’)\d])[.!?…][\"”’)]*+[ \t]*+(?=\p{Lu})|\n", regex.V1 | regex.REVERSE)


def _position_sentences(text: str) -> list[tuple[int, int, str]]:
    """``captions.position_sentence``: a sentence inside a line of several that names a
    position in the picture in brackets (``... châu Á.Anh Hải (ngoài cùng bên phải) và các
    bạn tại buổi gặp mặt.Các chi hội ...``): a caption glued into a flattened body. At most
    ``inline_caption_max_chars``; no colon or semicolon (a list of names), quote, verb of
    saying (``captions_speech_verbs.txt``), story verb (``đã``, ``sẽ``, ``là``, ...:
    ``captions_scene_opener_stops.txt``) or opening connective; never the text's first
    sentence. A line that is one such sentence is ``captions.position_cue``'s to judge.

    >>> text = ("Buổi gặp mặt diễn ra ấm cúng tại hội trường của trường.Anh Hải (ngoài cùng "
    ...         "bên phải) cùng các bạn gói bánh chưng.Năm nay hội có thêm nhiều thành viên mới.")
    >>> [text[a:b] for a, b, _ in _position_sentences(text)]
    ['Anh Hải (ngoài cùng bên phải) cùng các bạn gói bánh chưng.']
    """
    found: list[tuple[int, int, str]] = []
    end = -1
    for cue in _POSITION_IN_BRACKETS.finditer(text):
        if cue.start() < end:
            continue  # a second cue in a sentence already read
        back = _SENTENCE_START_BACK.search(text, 0, cue.start())
        start = back.end() if back is not None else 0
        line_end = _line_end(text, cue.end())
        ahead = _SENTENCE_END.search(text, cue.end(), line_end)
        end = ahead.end() if ahead is not None else line_end
        sentence = text[start:end].rstrip()
        line_start = text.rfind("\n", 0, start) + 1
        if (back is None or text[start:end].strip() == text[line_start:line_end].strip()
                or len(sentence) > _SETTINGS["inline_caption_max_chars"]
                or ":" in sentence or ";" in sentence or not _is_position_caption(sentence)
                or _SPEECH_WORDS.search(sentence) is not None
                or _SCENE_SENTENCE_STOP.search(sentence) is not None
                or _CONNECTIVE_OPENING.match(sentence) is not None):
            continue
        found.append((start, start + len(sentence), "captions.position_sentence"))
    return found


#: A line that says its opening twice: an embedded video's title with no full stop, then
#: its caption sentence opening with the title's first two words (``Ba thanh niên hành hung
#: nữ nhân viên ở sân bay X Ba thanh niên hành hung nhân viên tại sân bay X.``). The title
#: ends after a word character, the caption after a full stop at the line's end. The two
#: words are a capital's and a lower-case one (no name: ``Bộ Y tế ... và Bộ Y tế ...``).
#: Tried at each newline (a literal first: a fast scan; the text's first line is never one);
#: a lookahead first rejects the lines too long or too short (most), before any search.
_ECHOED_PART = f"[^\\n]{{8,{_SETTINGS['echoed_title_line_max_chars']}}}?"
#: The lengths of the lines :data:`_ECHOED_TITLE_LINE` can match (its lookahead's bounds).
_ECHOED_LINE_SIZES = range(40, _SETTINGS["echoed_title_line_max_chars"] + 9)
_ECHOED_TITLE_LINE = re.compile(
    rf"\n(?=[^\n]{{{_ECHOED_LINE_SIZES.start},{_ECHOED_LINE_SIZES.stop - 1}}}(?:\n|$))"
    rf"[^\S\n]*+(([^\W\d_]\w* (?!\d)\w+) {_ECHOED_PART}(?<=\w) \2 {_ECHOED_PART}\.)"
    r"[^\S\n]*+(?=\n|$)")


#: A comma and one capitalised word closing the part before the echo: the echo opens a
#: second person's office (``Thủ tướng A, Phó Thủ tướng B và ...``), no video's title.
_OFFICE_BEFORE_ECHO = regex.compile(r",[ \t]++\p{Lu}\w*+[ \t]*+$", regex.V1)


def _echoed_title_lines(text: str, lines: list[str] | None = None
                        ) -> list[tuple[int, int, str]]:
    """``captions.echoed_title_line``: an embedded video's title and caption printed on one
    line under a paragraph (:data:`_ECHOED_TITLE_LINE`): at most
    ``echoed_title_line_max_chars``, one full stop (at its end), at least four words in
    each part, the line above ending a sentence, the repeated words a capitalised one and a
    lower-case one (a name said twice is story), not right after a comma and a capitalised
    word (``Thủ tướng A, Phó Thủ tướng B ...``: two offices,
    :data:`_OFFICE_BEFORE_ECHO`);
    never the text's first line. The pattern
    is tried only after the newlines before lines of :data:`_ECHOED_LINE_SIZES` (found by
    :func:`_sized_lines`, from ``lines``, ``text.split("\\n")``, if split already): its
    lookahead admits no other.

    >>> _echoed_title_lines("Tiêu đề\\nMưa lớn kéo dài cả ngày.\\nNước lũ dâng cao ở thị trấn "
    ...     "miền núi Nước lũ dâng cao nhấn chìm nhiều nhà dân.\\nĐến chiều, nước rút dần.")
    [(33, 111, 'captions.echoed_title_line')]
    """
    found: list[tuple[int, int, str]] = []
    sized = _sized_lines(text.split("\n") if lines is None else lines, _ECHOED_LINE_SIZES)
    for match in _echoed_matches(text, sized):
        start, end = match.span(1)
        line = match.group(1)
        title = line[:line.find(" " + match.group(2), len(match.group(2))) + 1]
        if (len(line) > _SETTINGS["echoed_title_line_max_chars"]
                or not line[0].isupper() or not match.group(2).split()[1].islower()
                or start == _first_non_space(text, 0, len(text))
                or _SENTENCE_END.search(line[:-1]) is not None
                or len(title.split()) < 4 or len(line[len(title):].split()) < 4
                or _OFFICE_BEFORE_ECHO.search(title) is not None
                or not _nonblank_line_before(text, text.rfind("\n", 0, start) + 1).endswith(
                    _PARAGRAPH_END)):
            continue
        found.append((start, end, "captions.echoed_title_line"))
    return found


def _echoed_matches(text: str, sized: list[tuple[int, int]]) -> Iterator[re.Match]:
    """:data:`_ECHOED_TITLE_LINE`'s matches in ``text``, tried only at the newlines before
    the ``sized`` lines (the others' lines fail its lookahead): the same as its ``finditer``
    (each match opens at a newline and ends before the next one, so none overlap).

    A line whose first word (up to its first space, blanks before it aside) does not come
    back between spaces later on the line is not tried (``str.find``, cheaper than the
    pattern's search for its back-reference): the pattern's echo `` \\2 `` is that word, a
    space and the next word, after a space (group 2's first word ends at a space, so it is
    all the line holds before its first space), and its blanks before the words are those
    ``str.lstrip`` takes (both read Unicode white space; the line holds no newline)."""
    for start, end in sized:
        if start == 0:
            continue  # (the text's first line: no newline before it)
        words = text[start:end].lstrip()
        first_end = words.find(" ")
        if first_end < 0 or words.find(f" {words[:first_end]} ", first_end) < 0:
            continue  # its first word said once: no echo
        match = _ECHOED_TITLE_LINE.match(text, start - 1)
        if match is not None:
            yield match


#: A sentence that opens with ``Ảnh`` and a kind of picture (``captions_photo_kinds.txt``:
#: ``Ảnh concept iPhone màn hình gập.``, ``Ảnh chụp màn hình bài đăng của anh Nam.``): the
#: photo's label opening its own caption, at a line's start or after a sentence end, one
#: short sentence with its full stop and no comma, colon, semicolon, quote or bracket. A
#: stdlib ``re`` scan for the literal.
_PHOTO_LABEL_SENTENCE = re.compile(
    r"Ảnh[ \t](?:%s)(?![^\W\d_])[^\n.!?…,;:\"“”()]{0,%d}\."
    % (trie(word_list("captions_photo_kinds.txt")), _SETTINGS["scene_sentence_max_chars"]))


def _photo_label_sentences(text: str, keywords: list[int] | None = None
                           ) -> list[tuple[int, int, str]]:
    """``captions.photo_label_sentence``: a short sentence that opens with ``Ảnh`` and a
    kind of picture (:data:`_PHOTO_LABEL_SENTENCE`; ``Ảnh hưởng`` is no label), at a line's
    start or right after a sentence end, with no story verb
    (``captions_scene_opener_stops.txt``: ``Ảnh vệ tinh cho thấy ...`` is story); never the
    text's first sentence. Another word after ``Ảnh`` (``Ảnh này``, ``Ảnh được chụp``)
    opens a story sentence. Tried only at the ``keywords`` (the text's keyword starts, which
    hold every ``ảnh``; found afresh when not given) that read ``Ảnh``.

    >>> _photo_label_sentences("Tiêu đề\\nHãng vẫn giữ kín thiết kế. Ảnh concept điện "
    ...     "thoại gập kiểu vỏ sò. Giá bán chưa được công bố.")
    [(35, 73, 'captions.photo_label_sentence')]
    >>> _photo_label_sentences("Tiêu đề\\nẢnh hưởng của bão kéo dài. Ảnh được chụp năm 1975. "
    ...     "Ảnh mưa lớn ở Hà Nội.")
    []
    """
    if keywords is None:
        keywords = [m.start() for m in re.finditer("Ảnh", text)]
    first = _first_non_space(text, 0, len(text))
    found: list[tuple[int, int, str]] = []
    for at in keywords:
        if not text.startswith("Ảnh", at) or (
                match := _PHOTO_LABEL_SENTENCE.match(text, at)) is None:
            continue
        start, end = match.span()
        before = text[max(0, start - 4):start].rstrip(" \t")
        if (start <= first or not (before == "" or before.endswith(("\n", *_PARAGRAPH_END)))
                or _SCENE_SENTENCE_STOP.search(text, start, end) is not None):
            continue
        found.append((start, end, "captions.photo_label_sentence"))
    return found


#: Who opens a video's caption glued to the clip's title: the scene subjects (no office:
#: ``Bộ trưởng`` after a lower-case word is a story's person), the scene words and openers,
#: ``captions_glued_title_subjects.txt``; or a person's head (``Chị``, ``Ông``) and a name.
_GLUED_CAPTION_OPENERS = trie(tuple(dict.fromkeys(
    [s for s in _SCENE_SUBJECTS if s not in _SCENE_TITLES] + [*_SCENE_NOUNS]
    + [*word_list("captions_scene_openers.txt")]
    + [*_kind_entries("captions_glued_title_subjects.txt")["opener"]])))
#: The lower-case words that name a body before its capitalised name (``lực lượng Cảnh
#: sát``): a title ending with one runs on into the name, no caption.
_GLUED_TITLE_UNITS = frozenset(_kind_entries("captions_glued_title_subjects.txt")["unit"])
#: The lower-case words that go on with a body's capitalised name (``Cảnh sát biển``): an
#: opener followed by one is that body in a story sentence.
_GLUED_TITLE_BRANCHES = _kind_entries("captions_glued_title_subjects.txt")["branch"]
#: A line that is a video's title with no full stop, then its caption sentence
#: (``Ba người bị sát hại ở Tiền Giang Cảnh sát khám nghiệm hiện trường.``): the title opens
#: with a capital and ends with two lower-case letters, holds no sentence mark, colon,
#: semicolon, quote or bracket; the caption opens with :data:`_GLUED_CAPTION_OPENERS` and a
#: lower-case word (no ``branch:`` of a body's name), and ends with the line's full stop.
_GLUED_TITLE_LINE = LazyPattern(  # (read only on the lines a cheaper scan admits: few texts)
    r"(\p{Lu}[^\n.!?…:;\"“”()]{15,140}?(?<=\p{Ll}\p{Ll})) "
    rf"(?:(?:{_GLUED_CAPTION_OPENERS})|(?:{trie(_BARE['person'])}) \p{{Lu}}\p{{Ll}}*+)"
    rf" (?!(?:{trie(_GLUED_TITLE_BRANCHES)})(?!\w))\p{{Ll}}[^\n]{{8,160}}?\.", regex.V1,
    regex.compile)
#: The lengths of the lines :func:`_glued_title_lines` reads.
_GLUED_LINE_SIZES = range(40, _SETTINGS["glued_title_line_max_chars"] + 1)
#: An opener or a person's head between spaces: a line holding none (most) is no glued
#: title (a stdlib ``re`` trie scan, cheaper than :data:`_GLUED_TITLE_LINE`'s match).
_GLUED_OPENER_SCAN = re.compile(
    rf" (?:{_GLUED_CAPTION_OPENERS}|{trie(_BARE['person'])}) ")


def _glued_title_lines(text: str, lines: list[str] | None = None
                       ) -> list[tuple[int, int, str]]:
    """``captions.glued_title_line``: an embedded video's title and its caption printed on
    one line under a paragraph (:data:`_GLUED_TITLE_LINE`), the caption opening with who or
    what the clip shows, no word of the title said again (that is
    ``captions.echoed_title_line``): at most ``glued_title_line_max_chars``, one full stop
    (at its end), at least five words in the title (at most one comma, and no word that
    opens sentences first, ``captions_sentence_starters.txt``: ``Theo hồ sơ ...`` is a
    subheading glued to its paragraph; its last word in lower case, no word that leaves a
    clause open, ``captions_unfinished_words.txt``, and no ``unit:`` of
    ``captions_glued_title_subjects.txt``: ``nhờ lực lượng Cảnh sát biển`` names a body)
    and four in the caption, no quote, the line above
    ending a sentence; never the text's first line. Only lines of
    :data:`_GLUED_LINE_SIZES` that end with their only full stop are read (one list
    comprehension picks them; offsets are summed only when one fits).

    >>> _glued_title_lines("Tiêu đề\\nMưa lớn kéo dài cả ngày.\\nNước lũ dâng cao ở thị trấn "
    ...     "miền núi Người dân sơ tán đồ đạc lên gác.\\nĐến chiều, nước rút dần.")
    [(33, 102, 'captions.glued_title_line')]
    """
    found: list[tuple[int, int, str]] = []
    lines = text.split("\n") if lines is None else lines
    low, high = _GLUED_LINE_SIZES.start, _GLUED_LINE_SIZES.stop
    # (one comprehension: a line whose only full stop ends it, before any offset or regex)
    fits = [k for k, line in enumerate(lines) if low <= len(line) < high and line.count(".") == 1
            and line.rstrip().endswith(".")]
    if not fits:
        return found
    ends = list(accumulate(map(len, lines)))  # line k ends at ends[k] + k
    for k in fits:
        start = ends[k] + k - len(lines[k])
        line = lines[k].rstrip()
        if (start == 0 or '"' in line or "“" in line or not _GLUED_OPENER_SCAN.search(line)
                or (match := _GLUED_TITLE_LINE.fullmatch(line)) is None):
            continue
        title = match.group(1)
        words = title.split()
        if (len(words) < 5 or title.count(",") > 1 or words[0] in _STARTERS
                or not words[-1].islower() or words[-1] in _UNFINISHED_WORDS
                or any(" ".join(words[-n:]) in _GLUED_TITLE_UNITS for n in (1, 2))
                or len(line[len(title):].split()) < 4
                or not _nonblank_line_before(text, start).endswith(_PARAGRAPH_END)):
            continue
        found.append((start, start + len(line), "captions.glued_title_line"))
    return found


def _keyword_openers() -> tuple[dict[str, tuple[tuple[str, int], ...]], tuple[str, ...]]:
    """The openers found from keyword starts, by the character before the keyword and the
    keyword's first three (``"cảnh"`` → ``("Toàn cảnh", 6)``), and the others."""
    by_key: dict[str, list[tuple[str, int]]] = {}
    others = []
    for opener in _SCENE_OPENERS:
        lowered = opener.lower()
        hits = [(lowered.find(k), k) for k in _KEYWORD_LITERALS if k in lowered]
        offset = min(hits)[0] if hits else -1
        if offset > 0 and len(opener) >= offset + 3:
            by_key.setdefault(opener[offset - 1:offset + 3], []).append((opener, offset))
        else:
            others.append(opener)
    return {k: tuple(v) for k, v in by_key.items()}, tuple(others)


_KEYWORD_OPENERS, _FOUND_OPENERS = _keyword_openers()


_POSITION_GROUP_MAX = _SETTINGS["position_line_max_chars"] + 1  # what _POSITION_LINE's group holds

# The newlines where _SCENE_LINE can match, by a stdlib ``re`` pass (faster than ``regex`` at
# this): the line starts, after spaces, with a non-space character (every capital is one),
# fits the group, and the next non-blank line is long. ``re``'s ``\s`` takes every space
# ``regex``'s does (and more), so no match is missed; _SCENE_LINE then decides. The line's
# run is possessive (``}+``): a long line fails once its run stops short of a newline, not
# after giving back each character (a shorter run stands before one more, never a newline).
_SCENE_SHAPE = re.compile(
    rf"\n(?=[^\S\n]*\S[^\n]{{8,{_SETTINGS['scene_line_max_chars'] + 8}}}+\n"
    rf"\s*[^\n]{{{_SETTINGS['scene_neighbour_min_chars']}}})")


def _scene_newlines(text: str, newlines: list[int] | None = None) -> list[int]:
    """The newlines where ``_SCENE_LINE`` can match: those ``_SCENE_SHAPE`` admits."""
    return [shape.start() for shape in _line_matches(_SCENE_SHAPE, text, newlines)]


def _position_candidates(text: str, newlines: list[int] | None = None) -> list[int]:
    """Newlines before the lines that hold ``(`` or ``Từ``, fit _POSITION_LINE's group and
    hold a position word; each line is read once however many parens it holds. With
    ``newlines`` (:func:`_few_newlines`) only the lines after them are read (a flattened
    body's one long line holds many parens, and no newline before any of them)."""
    if newlines is not None:
        return [newline for newline in newlines if _holds_position_line(text, newline + 1)]
    found: set[int] = set()
    for needle, before in _POSITION_NEEDLES:
        pos = text.find(needle)
        line_end = -1
        while pos >= 0:
            if before and (pos == 0 or text[pos - 1] != before):  # an "ừ" not in "Từ"
                pos = text.find(needle, pos + 1)
                continue
            newline = text.rfind("\n", max(line_end, 0), pos)
            line_end = text.find("\n", pos)
            if line_end < 0:
                line_end = len(text)
            if newline >= 0 and _fits_position_size(text, newline + 1, line_end):
                found.add(newline)
            pos = text.find(needle, line_end)
    return sorted(found)


def _holds_position_line(text: str, start: int) -> bool:
    """Whether the line at ``start`` is one :func:`_position_candidates` admits."""
    end = _line_end(text, start)
    return ((text.find("(", start, end) >= 0 or text.find("Từ", start, end) >= 0)
            and _fits_position_size(text, start, end))


#: What ``_position_candidates`` looks for, and the character that must stand before it:
#: ``(`` and ``Từ``, found by its ``ừ`` (a search for one character runs at memory speed,
#: one for two does not; ``ừ`` is rarer than ``T``). The line read is the same: ``T`` is
#: not a newline.
_POSITION_NEEDLES = (("(", ""), ("ừ", "T"))


def _fits_position_size(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` fits _POSITION_LINE's group and holds a position
    word (its length is tested before it is sliced)."""
    size = end - start
    return (size >= 9 and (size <= _POSITION_GROUP_MAX or not text[start].isalpha())
            and any(map(text[start:end].__contains__, _POSITION_WORDS)))


#: _POSITION_CUE matches only lines holding one of these.
_POSITION_WORDS = ("trái", "phải", "thứ", "ngoài", "giữa")


def _lists_names(items: str) -> bool:
    """After ``Từ trái qua phải:``, the list names people: at least half of its items hold a
    capitalised word (``Bị cáo Hoàng Công Lương, Trần Văn Sơn``); a list of things (``nem
    công, chả phượng, bánh bèo và chè hạt sen``) is the story's.

    >>> _lists_names(" Bị cáo A, B, C."), _lists_names(" nem công, chả phượng và chè hạt sen.")
    (True, False)
    """
    parts = [part for part in _LIST_ITEM_SEPARATOR.split(items) if part.strip(" .")]
    named = sum(1 for part in parts if _CAPITALISED_WORD.search(part))
    return bool(parts) and 2 * named >= len(parts)


#: Between a list's items: a comma, a semicolon or ``và``.
_LIST_ITEM_SEPARATOR = regex.compile(r"[,;]|(?<!\p{L})và(?!\p{L})", regex.V1)
_CAPITALISED_WORD = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}", regex.V1)


def _is_position_caption(line: str) -> bool:
    """A line naming a position reads as a caption: at most two sentences, no quoted speech."""
    if _QUOTE.search(line) or "“" in line or '"' in line:
        return False
    sentences = sum(1 for _ in _SENTENCE_END.finditer(line.rstrip(".!?…")))
    return sentences < 2


def _inside_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) overlaps one of the sorted ``spans``."""
    i = bisect.bisect_left(spans, (end, end))
    return i > 0 and spans[i - 1][1] > start and any(
        s < end and start < e for s, e in spans[max(0, i - 8):i])


#: A verdict with its penalty (``tuyên phạt``, ``7 năm tù``; captions_scene_verdicts.txt).
_VERDICT = _WholeWords("captions_scene_verdicts.txt")


def _scene_score(line: str) -> float:
    """How much a short line reads as a picture's description: cue weights, 0 when it is
    speech or a verdict with its penalty (the story's outcome, no picture's moment)."""
    if line.endswith((",", ";", ":")) or line.count(",") > 1:  # (cheapest tests first)
        return 0.0
    if _SPEECH.search(line) or not _ENOUGH_WORDS.search(line) or _VERDICT.search(line):
        return 0.0
    if _SENTENCE_END.search(line.rstrip(".!?…")):  # one sentence only
        return 0.0
    return sum(2.0 if cue in _STRONG_CUES else 1.0
               for cue in {m.group() for m in _SCENE_CUES.finditer(line)}) + _action_score(line)


def _action_score(line: str) -> float:
    """1 for a subject that opens the line (``Lực lượng chức năng``, ``Thủ tướng``) and 1 for
    an action a picture shows (``kiểm tra``, ``thăm``), or 2 for a scene word that opens it
    (``Khung cảnh``), on a line with a full stop and no
    story verb (a subheading has no full stop; ``... đang kiểm tra, làm rõ`` is story)."""
    if not line.endswith(".") or _SCENE_SENTENCE_STOP.search(line):
        return 0.0
    if line.startswith(_SCENE_NOUNS):
        return 2.0  # "Khung cảnh lễ hội đường phố."
    subject = _opening_subject(line)
    action = _SCENE_ACTIONS.search(line, len(subject))  # not in it: "Lực lượng cứu hộ"
    if action is None:
        return float(bool(subject))
    if subject:  # the action is the subject's verb: after its name and at most two words
        lead = (_ACTION_LEAD.fullmatch(line, len(subject), action.start())
                or _NAME_LEAD.fullmatch(line, len(subject), action.start()))
        if lead is None:
            return 1.0  # "Chủ tịch UBND tỉnh ký quyết định thành lập đoàn kiểm tra."
    comma = line.find(", ")  # "thăm hỏi, động viên": a comma joins two actions only
    while comma >= 0:
        if _SCENE_ACTIONS.match(line, comma + 2) is None:
            return float(bool(subject))
        comma = line.find(", ", comma + 2)
    return float(bool(subject)) + 1.0


def _opening_subject(line: str) -> str:
    """The longest scene subject that opens ``line`` as whole words, or ``""``.

    >>> _opening_subject("Lực lượng chức năng kiểm tra hiện trường."), _opening_subject("Lựa")
    ('Lực lượng chức năng', '')
    """
    return max((s for s in _SUBJECTS_BY_HEAD.get(line[:_SUBJECT_HEAD], ()) if line.startswith(s)
                and not line[len(s):len(s) + 1].isalpha()), key=len, default="")


def _subjects_by_head(size: int) -> dict[str, tuple[str, ...]]:
    """The scene subjects by their first ``size`` characters, in list order: a line can open
    only with those that share its own first characters (one lookup, not a test per subject)."""
    by_head: dict[str, list[str]] = {}
    for subject in _SCENE_SUBJECTS:
        by_head.setdefault(subject[:size], []).append(subject)
    return {head: tuple(subjects) for head, subjects in by_head.items()}


_SUBJECT_HEAD = min(map(len, _SCENE_SUBJECTS))
_SUBJECTS_BY_HEAD = _subjects_by_head(_SUBJECT_HEAD)


#: Between a scene line's subject and its action: a name (capitalised words) and at most two
#: lower-case words, the name before or after them (``Lãnh đạo tỉnh dâng hương``, ``Thủ
#: tướng Phạm Minh Chính thăm``, ``Nông dân huyện Thới Lai thu hoạch``), and a group joined
#: to the subject (``Thủ tướng Phạm Minh Chính và các đại biểu bấm nút``); a lead that
#: :data:`_NAME_LEAD` reads as one name serves too (``Đồng chí Tư lệnh Quân khu phát biểu``).
_ACTION_LEAD = LazyPattern(
    rf"(?:\s++\p{{Lu}}\S*+)*+(?:\s++{_COMPANION})?+(?:\s++\p{{Ll}}\S*+){{0,2}}?"
    rf"(?:\s++\p{{Lu}}\S*+)*+(?:\s++{_COMPANION})?+\s++", regex.V1)


class RemovePhotoCaptions(SettlingCleaner):
    """Delete photo and video captions with their credits; keep the story they illustrate.

    A credit takes its caption sentence with it, on its own line or glued into a paragraph;
    a photo story keeps its caption sentences and loses only the credits.

    >>> remove_photo_captions("Mưa lớn ở Hà Nội.\\nToàn cảnh phố Huế ngập sâu. Ảnh: Mạnh Quân")
    'Mưa lớn ở Hà Nội.'
    >>> remove_photo_captions("Giá vàng tăng.Vàng miếng SJC (Ảnh: Mạnh Quân).Người mua xếp hàng.")
    'Giá vàng tăng. Người mua xếp hàng.'
    >>> remove_photo_captions("Ảnh hưởng của bão số 3 kéo dài.")
    'Ảnh hưởng của bão số 3 kéo dài.'
    """

    name: ClassVar[str] = "remove_photo_captions"
    kind: ClassVar[str] = KIND

    settle_rounds: ClassVar[int] = _SETTINGS["settle_rounds"]

    def classify_once(self, text: str) -> list[Label]:
        return _classify_once(text)

    def may_expose(self, left: str, edits: list[Edit]) -> bool:
        return _may_expose(left, edits)


def _classify_once(text: str) -> list[Label]:
    """One context-free pass and the document's decisions."""
    if not _LETTER.search(text):
        return []
    lines = text.split("\n")  # one split, shared by the passes that read lines
    keywords = _keyword_starts(text)  # one scan, shared by the markers and the scene openers
    labels = _caption_labels(text, lines, keywords)
    labels += _gallery_run_labels(text, labels)
    newlines = _few_newlines(text)  # (None in a text of many lines: the patterns scan it)
    labels += _scene_labels(_without_repeats(text, labels), labels, keywords, newlines)
    labels += _glued_paragraph_labels(text, labels)
    if _VIDEO_TITLE_GATE.search(text):
        labels += _video_title_labels(text)
    if "Clip " in text or "Video " in text or "CLIP " in text or "VIDEO " in text:
        labels += _clip_caption_labels(text)
    if "\n" in text:
        labels += _caption_run_labels(text, newlines) + _closing_run_labels(text)
    labels += _artefact_line_labels(text, newlines)
    labels += _unaccented_copy_labels(text, lines)
    labels += _under_alt_labels(text, keywords)
    if "|" in text:  # (one character: a memchr scan, cheaper than " |")
        labels += _cell_caption_labels(text, lines)
    labels += _gallery_tail_labels(text)
    labels += _doubled_line_labels(text, lines)
    labels += [Label(a, b, KIND, rule) for a, b, rule in _unstopped_captions(text, lines)
               + _position_sentences(text) + _echoed_title_lines(text, lines)
               + _glued_title_lines(text, lines)
               + _photo_label_sentences(text, keywords)]
    if sum(lab.rule == "captions.numbered_photo" for lab in labels) >= _SETTINGS[
            "short_story_min_photos"] and _told_in_short_lines(text, lines):
        labels = [lab for lab in labels if lab.rule not in _CAPTION_SENTENCE_RULES]
    return merge_labels(labels)


def _blank_separated_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of the blocks of non-blank lines of ``text`` that blank lines part, each
    without the white space around its text (read only in the rare text with two credited
    captions or more: a loop over its lines).

    >>> _blank_separated_blocks("A\\nB\\n\\n  C \\n")
    [(0, 3), (7, 8)]
    """
    blocks: list[tuple[int, int]] = []
    start = end = -1
    at = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            first = at + line.find(stripped[0])
            if start < 0:
                start = first
            end = first + len(stripped)
        elif start >= 0:
            blocks.append((start, end))
            start = -1
        at += len(line) + 1
    if start >= 0:
        blocks.append((start, end))
    return blocks


def _gallery_run_labels(text: str, labels: list[Label]) -> list[Label]:
    """``captions.gallery_run``: a photo gallery printed as a run of short blocks between
    blank lines, some of them credited captions the credit rules took whole
    (``captions.credit_sentence``: ``Cổng nhà thờ.\\nẢnh:\\nLê Hiếu.``), the others the
    gallery's captions without a credit. A run qualifies with ``gallery_run_min_credits``
    (2) credited captions or more, under a paragraph (a block that is neither short nor
    credited, never the text's first); its other blocks go when each is one line of at most
    ``gallery_run_line_max_chars`` (110) opening with a capital, of three words or more, with
    no colon or quote and no cells spaced apart (two blanks or a tab: a table's row); a
    block with no full stop right above a paragraph is the next section's subheading and
    stays, and so does the text's last block (a sign-off's place).

    >>> text = ("Tiêu đề\\n\\n" + "Đêm qua phố cổ đông vui. " * 6 + "\\n\\nCổng chợ rực rỡ.\\n\\n"
    ...     "Phố đi bộ đông người.\\nẢnh:\\nMinh Anh.\\n\\nHàng quà sáng đèn.\\n\\n"
    ...     "Đường ven hồ.\\nẢnh:\\nMinh Anh.\\n\\nLễ hội ở miền Trung\\n\\n"
    ...     + "Ở Huế, trời lạnh. " * 8)
    >>> labels = _caption_labels(text, text.split("\\n"), _keyword_starts(text))
    >>> [text[lab.start:lab.end] for lab in _gallery_run_labels(text, labels)]
    ['Cổng chợ rực rỡ.', 'Hàng quà sáng đèn.']
    """
    credited = [lab for lab in labels if lab.rule == "captions.credit_sentence"]
    least = _SETTINGS["gallery_run_min_credits"]
    if len(credited) < least or "\n\n" not in text:
        return []
    longest = _SETTINGS["gallery_run_line_max_chars"]
    taken = sorted((lab.start, lab.end) for lab in credited)
    blocks = _blank_separated_blocks(text)
    kinds = []  # "credited", "short" or "paragraph", by block
    for start, end in blocks:
        if any(a <= start and end <= b for a, b in taken):
            kinds.append("credited")
        elif end - start <= longest and "\n" not in text[start:end]:
            kinds.append("short")
        else:
            kinds.append("paragraph")
    found: list[Label] = []
    k = 1
    while k < len(blocks):
        if kinds[k] == "paragraph" or kinds[k - 1] != "paragraph" or k - 1 == 0:
            k += 1
            continue
        last = k
        while last < len(blocks) and kinds[last] != "paragraph":
            last += 1
        run = range(k, last)
        if sum(kinds[i] == "credited" for i in run) >= least:
            for i in run:
                start, end = blocks[i]
                block = text[start:end]
                if (i + 1 < len(blocks) and kinds[i] == "short" and block[0].isupper()
                        and len(block.split()) >= 3 and ":" not in block
                        and '"' not in block and "“" not in block
                        and "  " not in block and "\t" not in block  # (a table's row)
                        and not (kinds[i + 1] == "paragraph"
                                 and not block.endswith(_PARAGRAPH_END))):
                    found.append(Label(start, end, KIND, "captions.gallery_run"))
        k = last
    return found


#: :data:`_GLUE`'s seams as a consuming pattern that opens with the sentence mark (or the
#: closing quote), so the scan jumps from mark to mark instead of trying a lookbehind at each
#: character; a match ends where :data:`_GLUE` matches.
_SEAM = regex.compile(
    r"(?:[.!?…](?<=[\p{Ll}\d)\"”].)[\"”]?|[\"”](?<=\p{Ll}.))(?=\p{Lu}\p{Ll})", regex.V1)


#: Where a seam can be (stdlib ``re``, a fast scan; :data:`_SEAM` reads each): a sentence
#: mark right before a letter, maybe after a closing quote (most marks are followed by a
#: space), or a quote between two letters (as :data:`_SEAM` takes a quote alone: a letter
#: before it, a capital after it; most quotes open a quotation after a space, and are not
#: read).
_SEAM_MARK_CHARS = ".!?…"
_SEAM_MARK_AFTER = r"(?=[\"”]?[^\W\d_])"
_SEAM_QUOTE_CHARS = "\"”"
#: One pattern a mark: a pattern that opens with one literal character scans at ``memchr``
#: speed (a class of the six marks costs several comparisons at each character), and a mark
#: the text lacks is not scanned for; a quote's pattern looks behind only where a quote stands.
_SEAM_MARKS = tuple([(mark, re.compile(re.escape(mark) + _SEAM_MARK_AFTER))
                     for mark in _SEAM_MARK_CHARS]
                    + [(quote, re.compile(rf"{re.escape(quote)}(?<=[^\W\d_]{re.escape(quote)})"
                                          r"(?=[^\W\d_])"))
                       for quote in _SEAM_QUOTE_CHARS])


def _seam_marks(text: str) -> list[int]:
    """Where a mark of ``_SEAM_MARK_CHARS`` stands before a letter (``_SEAM_MARK_AFTER``), or
    a quote of ``_SEAM_QUOTE_CHARS`` between two letters, in ``text``, in order (each match is
    one character, so the marks' scans find every one): every place :data:`_SEAM` matches.

    >>> _seam_marks('Mưa.Gió "Bão”Lũ. Sét.”Mây')
    [3, 12, 20]
    """
    return sorted([match.start() for mark, pattern in _SEAM_MARKS if mark in text
                   for match in pattern.finditer(text)])


def _flattened_seams(text: str) -> list[int]:
    """The paragraph seams (:data:`_GLUE`) of the lines of ``text`` that hold
    ``glued_body_min_seams`` or more of them: a body a scraper flattened onto one line,
    each paragraph's last full stop glued to the next one's capital (one seam alone is as
    often a typo inside a paragraph: ``trên địa bàn tỉnh.Các đồng chí ...``)."""
    least = _SETTINGS["glued_body_min_seams"]
    found = [match.end() for at in _seam_marks(text)
             if (match := _SEAM.match(text, at)) is not None]
    if len(found) < least:
        return []  # (most texts)
    seams: list[int] = []
    first = 0
    while first < len(found):
        line_end = _line_end(text, found[first])
        last = bisect.bisect_right(found, line_end, first)  # the seams on the same line
        if last - first >= least:
            seams += found[first:last]
        first = last
    return seams


def _glued_paragraph_labels(text: str, taken: list[Label]) -> list[Label]:
    """The scene rules' labels (``captions.scene_line``, ``captions.named_action_line``, ...)
    for the paragraphs of a flattened body (:func:`_flattened_seams`): the rules read the
    text with a newline at each seam, so a caption that was a paragraph of its own
    (``...địa phương.Đoàn công tác chụp ảnh lưu niệm cùng cán bộ.Báo cáo ...``) goes as it
    would on its own line, its neighbours the paragraphs glued around it. Only labels inside
    a flattened line are kept (the lines around it read the same either way), none where a
    caption label is already.

    >>> text = ("Tiêu đề\\nSáng nay, đoàn công tác của tỉnh đến thăm và tặng quà cán bộ, "
    ...     "chiến sĩ đồn biên phòng ở xã vùng cao.Lực lượng chức năng kiểm tra hiện trường."
    ...     "Đồn được giao quản lý hơn hai mươi sáu ki-lô-mét đường biên và các cột mốc.")
    >>> [(text[lab.start:lab.end], lab.rule) for lab in _glued_paragraph_labels(text, [])]
    [('Lực lượng chức năng kiểm tra hiện trường.', 'captions.scene_action_line')]
    """
    seams = _flattened_seams(text)
    if not seams:
        return []
    lines = [(text.rfind("\n", 0, seam) + 1, _line_end(text, seam)) for seam in seams]
    bounds = sorted({*seams, *(a for a, _ in lines), *(b for _, b in lines)})
    longest = _SETTINGS["position_line_max_chars"]  # (the longest line a scene rule takes)
    busy = sorted((lab.start, lab.end) for lab in taken)
    if not any(b - a <= longest and not _inside_any(busy, a, b) for a, b in pairwise(bounds)):
        return []  # no glued paragraph short enough to be a caption, none taken yet
    virtual = "\n".join(text[a:b] for a, b in zip([0, *seams], [*seams, len(text)]))
    shift = [seam + k for k, seam in enumerate(seams, 1)]  # each inserted newline's end
    def original(at: int) -> int:
        return at - bisect.bisect_right(shift, at)
    found: list[Label] = []
    for lab in _scene_labels(virtual, [], [], None):
        start, end = original(lab.start), original(lab.end)
        if (any(a <= start and end <= b for a, b in lines)
                and not _inside_any(busy, start, end)):
            found.append(Label(start, end, KIND, lab.rule))
    return found


#: The rules that take a caption sentence with no marker or credit of its own: in a story
#: told in short lines (:func:`_told_in_short_lines`) those sentences are the story.
_CAPTION_SENTENCE_RULES = frozenset({
    "captions.under_alt", "captions.scene_line", "captions.scene_action_line",
    "captions.scene_subject_line", "captions.scene_bare_line", "captions.scene_noun",
    "captions.scene_display_line", "captions.scene_place_line", "captions.scene_sentence",
    "captions.named_action_line", "captions.titled_action_line", "captions.position_cue",
    "captions.giving_line", "captions.giving_run_on",
    "captions.caption_run", "captions.unstopped_caption", "captions.position_sentence",
    "captions.echoed_title_line", "captions.glued_title_line",
    "captions.lone_sentence_line"})


def _told_in_short_lines(text: str, lines: list[str]) -> bool:
    """Whether ``text`` tells its story in short lines only, as a photo story told in its
    captions does (the caller also asks for ``short_story_min_photos`` alt text lines,
    ``captions.numbered_photo``): after the first line (a title), at least
    ``short_story_min_lines`` lines with text and none of them a paragraph (longer than
    ``short_story_line_max_chars`` or of two sentences or more): a one-sentence lead, then
    ``... - Ảnh 1.`` / ``Thủ tướng cắt băng khánh thành.`` and so on. The caption sentences
    are then the story and stay (only alt lines, markers and credits go); once the alt
    lines are gone a second pass finds a series of lines one subject opens, which
    ``captions.scene_action_line`` leaves alone.

    >>> _told_in_short_lines("", ["Tiêu đề", "Sáng nay, lễ khánh thành cầu diễn ra.",
    ...     "Cầu nhìn từ trên cao.", "Lãnh đạo tỉnh cắt băng khánh thành.",
    ...     "Người dân đi trên cầu mới.", "Cầu về đêm."])
    True
    """
    body = [line for line in lines[1:] if line.strip()]
    if len(body) < _SETTINGS["short_story_min_lines"]:
        return False  # (most texts: fewer lines, or a paragraph soon)
    longest = _SETTINGS["short_story_line_max_chars"]
    return not any(len(line) > longest or _holds_two_sentences(line) for line in body)


def _without_repeats(text: str, labels: list[Label]) -> str:
    """``text`` with the copies ``captions.repeated`` takes blanked (each character but a
    newline made a space: the offsets and lines stay), so the scene rules read the copy
    that stays between its real neighbours: a caption printed twice goes whole in one pass,
    as it does in a second one once the repeat is gone (``clean`` stays idempotent).

    >>> _without_repeats("Bài.\\nẢnh một.\\nẢnh một.", [Label(5, 14, KIND, "captions.repeated")])
    'Bài.\\n        \\nẢnh một.'
    """
    repeats = [lab for lab in labels if lab.rule == "captions.repeated"]
    if not repeats:
        return text
    parts, last = [], 0
    for lab in repeats:
        parts.append(text[last:lab.start])
        parts.append(_BLANK_OUT.sub(" ", text[lab.start:lab.end]))
        last = lab.end
    parts.append(text[last:])
    return "".join(parts)


#: What :func:`_without_repeats` blanks: any character but a newline.
_BLANK_OUT = re.compile(r"[^\n]")


_GALLERY_WORDS = tab_entries("captions_gallery_cues.txt")
_GALLERY_CUES = expand_forms(v for tag, v in _GALLERY_WORDS if tag == "cue")
_GALLERY_CUE_MAX = max(map(len, _GALLERY_CUES)) + 4  # the cue, and the spaces before it
#: Every cue's last two words (``hình ảnh``, ``số ảnh``), read first; each ends with
#: ``ảnh`` (tests/test_captions.py), so the window is read at its ``ảnh`` by ``str.find`` and
#: the word before compared there (:func:`_holds_gallery_words`).
_GALLERY_GATE_WORDS = frozenset(" ".join(c.split()[-2:]) for c in _GALLERY_CUES)
_GALLERY_GATE_LAST = "ảnh"
_GALLERY_GATE_HEADS = tuple(sorted(w[:-len(_GALLERY_GATE_LAST)] for w in _GALLERY_GATE_WORDS))


def _holds_gallery_words(text: str, low: int, end: int) -> bool:
    """Whether ``text[low:end]`` holds one of ``_GALLERY_GATE_WORDS``: at each ``ảnh`` (a
    ``str.find`` in C, faster than a ``re`` scan that stops at each word's first letter),
    whether one of the words ends there."""
    at = text.find(_GALLERY_GATE_LAST, low, end)
    while at >= 0:
        if text.endswith(_GALLERY_GATE_HEADS, low, at):
            return True
        at = text.find(_GALLERY_GATE_LAST, at + 1, end)
    return False


#: A line that opens with a cue, spaces aside (stdlib ``re``: one pass, not one per cue).
_GALLERY_CUE_OPENING = re.compile(r"\s*+(?:%s)" % trie(_GALLERY_CUES))
_GALLERY_STOP = regex.compile(r"(?<!\p{L})(?:%s)(?!\p{L})" % alternation(
    tuple(expand_forms(v for tag, v in _GALLERY_WORDS if tag == "stop"))), regex.V1)
#: A gallery's heading: a cue at a line's start or after a sentence's end on its line (glued
#: to it in a body flattened with no space, ``... trường học.Một số hình ảnh ...:``), then
#: up to gallery_cue_max_chars with no sentence end, then its colon.
_GALLERY_HEADING = LazyPattern(  # (read only where the gate finds a cue's words)
    r"(?:^|(?<=[.!?…][\"”’)]?[ \t]{0,3}))[ \t]*+(?:%s)(?![\p{L}])[^\n.!?:]{0,%d}+:"
    % (alternation(_GALLERY_CUES), _SETTINGS["gallery_cue_max_chars"]), regex.V1 | regex.M)
#: A paragraph announcing the pictures that follow it: a ``shown`` phrase near its end, no
#: sentence end after it (``Phóng viên đã ghi lại một số hình ảnh.``).
_PICTURES_SHOWN = LazyPattern(r"(?<!\p{L})(?:%s)(?!\p{L})[^\n.!?]{0,%d}[.:]\Z" % (
    alternation(tuple(expand_forms(v for tag, v in _GALLERY_WORDS if tag == "shown"))),
    _SETTINGS["gallery_cue_max_chars"]), regex.V1 | regex.I)


def _announces_pictures(paragraph: str) -> bool:
    """``paragraph`` ends by announcing the pictures under it (a photo story's lead), and
    no stop word makes it report what pictures show."""
    m = _PICTURES_SHOWN.search(paragraph)
    return m is not None and _GALLERY_STOP.search(paragraph, max(0, m.start() - 40)) is None


#: A sentence end inside a gallery's captions, where the next caption may start.
_CAPTION_SPLIT = regex.compile(r"(?<=[.!?…])[ \t]+|\n+")


def _gallery_tail_labels(text: str) -> list[Label]:
    """``captions.gallery_tail``: a photo gallery closing the story: a heading of
    ``captions_gallery_cues.txt`` ending with a colon (``Một số hình ảnh tại lễ ký kết:``), at
    a line's start or glued after a sentence end, and every caption after it to the text's end,
    on lines of their own or run on in a flattened body: each piece between sentence ends
    caption-sized (``gallery_caption_max_chars``), all of it at most ``gallery_tail_max_chars``,
    and at least ``gallery_story_min_chars`` of story before the heading, and no less than the
    gallery itself (``gallery_story_min_tail_share``: a photo story whose captions are its text,
    under a lead shorter than they are, keeps them).

    >>> _gallery_tail_labels("Hai bên ký kết thỏa thuận đào tạo cho năm tới, với nhiều nội dung "
    ...     "về an toàn lao động, kỹ thuật khai thác và quản lý khí mỏ trong hầm lò. Đoàn chuyên "
    ...     "gia sẽ làm việc với các phòng ban ngay sau buổi lễ. Một số hình ảnh tại buổi lễ: "
    ...     "Giám đốc phát biểu Trưởng đoàn phát biểu")[0].rule
    'captions.gallery_tail'
    """
    end = last_non_space_end(text)
    # the heading stands within reach of the end: only that window is read (most texts'
    # windows hold no "ảnh" at all)
    low = max(0, end - _SETTINGS["gallery_tail_max_chars"] - _SETTINGS["gallery_cue_max_chars"]
              - _GALLERY_CUE_MAX)
    if not _holds_gallery_words(text, low, end):
        return []
    for m in _GALLERY_HEADING.finditer(text, low, end):
        start = m.start() + len(m.group()) - len(m.group().lstrip(" \t"))
        tail = text[m.end():end]
        if (start < _SETTINGS["gallery_story_min_chars"] or not tail.strip()
                or len(tail) > _SETTINGS["gallery_tail_max_chars"]
                or start < _SETTINGS["gallery_story_min_tail_share"] * len(tail.strip())):
            continue  # a photo story: its pictures outweigh the text above them
        first = _NON_SPACE.search(tail)
        if _GALLERY_STOP.search(m.group()) or not tail[first.start()].isupper():
            continue  # "... cho thấy: ...", or a colon that runs on into a sentence
        pieces = [p for p in _CAPTION_SPLIT.split(tail) if p.strip()]
        # captions run on with no full stop (a flattened body) are one piece: the tail's cap
        # (a gallery shows two pictures or more: one sentence after the colon is the story's)
        if (len(pieces) == 1 and tail.rstrip()[-1] not in ".!?…"
                or len(pieces) > 1
                and all(len(p) <= _SETTINGS["gallery_caption_max_chars"] for p in pieces)):
            return [Label(start, end, KIND, "captions.gallery_tail")]
    return []


_ALT = json_data("captions_alt_artefacts.json")
_ENGLISH_MAX = _ALT["english_head_max_chars"]
#: Heads of an alt text left on a line of its own: English ones, and a social network's.
_ALT_HEADS = tuple(_ALT["english_heads"]) + tuple(_ALT["generated_alt_heads"])
_OUTLET = json_data("captions_outlet_labels.json")
#: A line that is nothing but an image's alt text or file name, or one outlet's fixed caption
#: or credit head and what follows it. Groups: ``file`` (captions.file_artefact): a file name
#: with an image extension (``lang-nghe-4.jpg``); an image store's file id before its
#: caption (``_987654321_pho-co  Phố cổ về đêm``: the line goes whole); a camera or
#: agency file id in capitals whose
#: last part is a zero-padded counter (``TPP-MCCAIN-01``; a model code ``F-35``, ``SU-30MK2``
#: has none) or a camera's ``DSC_0123``; a mail client's ``Inline image 1``; a layout
#: widget's buttons run together (``leftcenterrightdel``); an English alt text or credit a
#: word processor or a blog's editor left (``Description: ...``, ``Photo courtesy of ...``),
#: or a social network wrote (``Trong hình ảnh có thể có: một hoặc nhiều người``);
#: a slug of slug_min_words or more
#: unaccented lower-case words (``ve an tet nguoi dan cac xa``); an alt text of as many
#: lower-case words, no capital and no punctuation, closed by its template's ``hình ảnh 8``.
#: ``outlet`` (captions.outlet_label): BBC's ``Nguồn hình ảnh, Getty Images`` (credit-sized),
#: ``Chú thích hình ảnh, <caption>`` and its older ``Bản quyền hình ảnhGetty Images
#: <caption>`` (a capital right after the head or one space on).
#: The sizes of an uploaded image's hashed name, and one digit run of a social network's
#: photo file name (``123456789_987654321012345_1234567890123456789_n``).
_HEX_NAME_SIZE = f"{{{_ALT['hex_name_min_chars']},{_ALT['hex_name_max_chars']}}}"
_PHOTO_ID_RUN = rf"\d{{{_ALT['social_photo_id_min_digits']},}}+"
_ARTEFACT_LINE = compile_named(
    rf"""^{_HSPACE}*+(?:
    (?P<file>
        (?:https?://(?:[^\s/]++/)++)?+[\w().-]+?\.(?i:{named_list(tuple(_ALT["image_extensions"]))})
      | https?://(?:www\.|m\.)?+(?:{named_list(tuple(_ALT["video_link_hosts"]))})\S++
      | \p{{Lu}}[\p{{Lu}}\d]*+(?:[-_][\p{{Lu}}\d]++){{2,}}+(?<=[-_]0\d{{1,3}})
      | \p{{Lu}}{{2,5}}+_\d{{3,}}+
      | _\d{{{_ALT["id_min_digits"]},}}+_[\w-]++
        (?:{_HSPACE}++[^\n]{{1,{_ALT["id_caption_max_chars"]}}}+)?+
      | (?:{named_list(tuple(_ALT["numbered_labels"]))})\ \d{{1,3}}
      | (?:{named_list(tuple(_ALT["layout_tokens"]))})
      | (?=[a-f]*+\d)(?=\d*+[a-f])[\da-f]{_HEX_NAME_SIZE}+
      | {_PHOTO_ID_RUN}(?:[\ _]{_PHOTO_ID_RUN}){{2}}[\ _][no]
      | (?P<english>(?:{named_list(_ALT_HEADS)})\ [^\n]{{1,{_ENGLISH_MAX}}}+)
      | [a-z]++(?:[\ -][a-z\d]++){{{_ALT["slug_min_words"] - 1},}}+
      | \p{{Ll}}++(?:\ [\p{{Ll}}\d]++){{{_ALT["slug_min_words"] - 1},}}?
        \ (?:{named_list(tuple(_ALT["numbered_alt_tails"]))})\ \d{{1,2}}
    )
    | (?P<outlet>
        (?:{named_list(tuple(_OUTLET["credit_heads"]))}),{_HSPACE}*+
        [^\n]{{1,{_OUTLET["credit_max_chars"]}}}+
      | (?:{named_list(tuple(_OUTLET["caption_heads"]))}),{_HSPACE}*+
        [^\n]{{1,{_OUTLET["caption_max_chars"]}}}+
      | (?:{named_list(tuple(_OUTLET["copyright_heads"]))}){_HSPACE}?+(?=\p{{Lu}})
        [^\n]{{1,{_OUTLET["caption_max_chars"]}}}+
    )){_HSPACE}*+$""", regex.V1 | regex.MULTILINE | regex.VERBOSE)


#: Where such a line may start (stdlib ``re``, a newline literal first: a scan at memory
#: speed; only there :data:`_ARTEFACT_LINE` is tried): a lower-case letter, a listed head, a
#: line of one token holding a ``.``, ``-`` or ``_``, an underscore before a digit, or a
#: digit opening a hashed name's or a photo id's run.
_LOWER_INITIALS = "".join(c for c in map(chr, range(0xDF, 0x1EFA)) if c.islower())
_ARTEFACT_SEED = re.compile(
    rf"\n[^\S\n]*+(?:[a-z{_LOWER_INITIALS}]|[^\W_]*+[-_.][\w().-]*+(?=[^\S\n]*+(?:\n|\Z))|_\d|"
    rf"\d[\da-f]{{{_ALT['hex_name_min_chars'] - 1}}}|\d{{{_ALT['social_photo_id_min_digits']}}}|"
    + alternation(tuple(_ALT["numbered_labels"]) + tuple(_ALT["layout_tokens"])
                  + _ALT_HEADS
                  + tuple(_OUTLET["credit_heads"]) + tuple(_OUTLET["caption_heads"])
                  + tuple(_OUTLET["copyright_heads"])) + ")")


#: An English head's line that goes on as a Vietnamese sentence (english_story_min_words
#: lower-case words with Vietnamese marks, a sentence's end closing the line): the story
#: quoting the words (``Photo courtesy of Nguyen Tuan - dòng chữ ấy anh vẫn nhớ mãi.``),
#: no alt text a word processor left.
_VIETNAMESE_SENTENCE = regex.compile(
    r"(?:(?<!\S)(?=\p{Ll}*[^\x00-\x7f])\p{Ll}++(?!\S).*?){%d}[.!?…][\"”’)]?+\s*$"
    % _ALT["english_story_min_words"], regex.V1)


def _artefact_line_labels(text: str, newlines: list[int] | None = None) -> list[Label]:
    """``captions.file_artefact`` and ``captions.outlet_label``: lines that are only an image's
    alt text or file name (``lang-nghe-4.jpg``, ``TPP-MCCAIN-01``, ``Inline image 1``), or
    BBC's credit and caption lines (``Nguồn hình ảnh, Getty Images``); a product or model
    code (``F-35``), an English word or an accented sentence stays."""
    found: list[Label] = []
    for at in (0, *(m.start() + 1 for m in _line_matches(_ARTEFACT_SEED, text, newlines))):
        match = _ARTEFACT_LINE.match(text, at)
        if match is not None and not (match.group("english")
                                      and _VIETNAMESE_SENTENCE.search(match.group("english"))):
            group = match.lastgroup
            found.append(Label(match.start(group), match.end(group), KIND,
                               "captions.file_artefact" if group == "file"
                               else "captions.outlet_label"))
    return found


_MARKS = regex.compile(r"\p{Mn}++", regex.V1)


def _without_marks(line: str) -> str:
    """A line's letters without their diacritics, case kept (``Chợ hoa`` -> ``Cho hoa``): a key
    that finds an unaccented copy of the line, never returned as text."""
    return _MARKS.sub("", unicodedata.normalize("NFD", line.replace("đ", "d").replace("Đ", "D")))


def _unaccented_copy_labels(text: str, lines: list[str]) -> list[Label]:
    """``captions.unaccented_alt``: a photo's alt text a content system wrote as the title
    stripped of its diacritics, on a line of its own (``Nguoi dan don le hoi dau xuan`` under
    the title ``Người dân đón lễ hội đầu xuân``). The title is the text's first non-blank
    line, of four words or more and at most unaccented_title_max_chars; a line with no
    diacritics that copies no title (an English name) stays.

    >>> text = ("Người dân đón lễ hội đầu xuân\\nNguoi dan don le hoi dau xuan\\n"
    ...         "Đám rước đi qua làng.")
    >>> [text[x.start:x.end] for x in _unaccented_copy_labels(text, text.split("\\n"))]
    ['Nguoi dan don le hoi dau xuan']
    """
    title = ""
    for line in lines:  # (a loop, no generator: most texts' title is their first line)
        if line and not line.isspace():
            title = line
            break
    if len(title) > _SETTINGS["unaccented_title_max_chars"]:
        return []  # (a flattened body's one line: no title)
    title = title.strip()
    if title.count(" ") < 3 or title.isascii():
        return []
    # the copy starts with the key of the title's first two words (cut at a space, a title's
    # key is its pieces' keys joined): most texts hold none and need no key of the whole title
    if _without_marks(title[:title.index(" ", title.index(" ") + 1)]) not in text:
        return []
    bare = _without_marks(title)
    found: list[Label] = []
    at = text.find(bare)
    while at >= 0:  # (one find in C; most texts hold no copy at all)
        end = at + len(bare)
        line_start = text.rfind("\n", 0, at) + 1
        line_end = _line_end(text, end)
        if (_blank(text, line_start, at) and _blank(text, end, line_end)
                and not _quoted_or_continued(text, line_start, line_end)):
            found.append(Label(at, end, KIND, "captions.unaccented_alt"))
        at = text.find(bare, end)
    return found


def _quoted_or_continued(text: str, line_start: int, line_end: int) -> bool:
    """A line the story itself prints: the line above introduces it (ends with a colon) or
    the sentence runs on in lower case on the next non-blank line (``Ban nhac Buc Tuong tai
    xuat`` / ``là dòng chữ in trên vé.``): a slogan or a name the story quotes, no alt text.

    >>> _quoted_or_continued("Dòng chữ in trên vé:\\nBan nhac\\nCòn lại.", 21, 29)
    True
    >>> _quoted_or_continued("Tiêu đề\\nBan nhac\\nlà dòng chữ.", 8, 16)
    True
    >>> _quoted_or_continued("Tiêu đề\\nBan nhac\\nCòn lại.", 8, 16)
    False
    >>> _quoted_or_continued("Tiêu đề\\nBan nhac\\nDòng chữ ấy in trên vé.", 8, 16)
    True
    """
    above_end = last_non_space_end(text, max(0, line_start - 1))
    below = _NON_SPACE.search(text, line_end)  # (neither read by slicing the text around)
    return (text[above_end - 1:above_end] == ":"
            or below is not None and (text[below.start()].islower()
                                      or _BACK_REFERENCE.match(text, below.start()) is not None))


#: A line opening with a few words and a demonstrative pointing back at the line above
#: (``Tấm biển không dấu này ...``, ``Dòng chữ ấy ...``; captions_back_references.txt).
_BACK_REFERENCE = regex.compile(
    rf"\p{{Lu}}\p{{Ll}}*+(?:[ \t]\p{{Ll}}++){{0,3}}?[ \t]"
    rf"(?:{alternation(word_list('captions_back_references.txt'))})(?!\p{{L}})", regex.V1)


#: A template's alt text closing its line (``... - Ảnh 1.``, captions.numbered_photo), and the
#: line with text under it (blank lines between): one sentence of a capital, at most
#: under_alt_caption_max_chars, closed by a full stop, with a line of text after it.
_ALT_LINE_END = re.compile(r"Ảnh[ \t]{1,3}\d{1,3}\.?[ \t]*\n")  # (a dash before it: checked apart)
#: An aggregator's alt text closing its line with ``Hình N`` (``... - Hình 1``), found apart
#: from the marker scan: ``hình`` is too common a word to be one of its keywords.
_HINH_LINE_END = re.compile(r"Hình[ \t]{1,3}\d{1,3}\.?[ \t]*(?:\n|\Z)")
_UNDER_ALT = regex.compile(
    rf"(?:{_HSPACE}*+\n)*+{_HSPACE}*+"
    rf"(\p{{Lu}}[^\n]{{1,{_SETTINGS['under_alt_caption_max_chars'] - 2}}}+(?<=\.))"
    rf"{_HSPACE}*+(?=\n\s*+\S)", regex.V1)
#: A line under one alt text line and right above the next (blank lines aside): the photo's
#: caption even with no full stop (a subheading is never squeezed between two photos).
_BETWEEN_ALTS = regex.compile(
    rf"(?:{_HSPACE}*+\n)*+{_HSPACE}*+"
    rf"(\p{{Lu}}[^\n]{{1,{_SETTINGS['under_alt_caption_max_chars'] - 2}}}?){_HSPACE}*+\n"
    rf"(?=(?:{_HSPACE}*+\n)*+[^\n]*?(?:[-–]{_HSPACE}{{0,3}}(?:Ảnh|Hình)"
    rf"|\p{{Ll}}{_TITLE_END}{{0,2}}{_HSPACE}Ảnh)"
    rf"{_HSPACE}{{1,3}}\d{{1,3}}\.?+{_HSPACE}*+(?:\n|\Z))", regex.V1)
_SENTENCE_INSIDE = regex.compile(r"[.!?…][\"”’)]?+[ \t]++[\p{Lu}\"“]", regex.V1)


def _closes_alt_line(text: str, alt_start: int) -> bool:
    """Whether the photo number at alt_start closes an alt text line: after a dash
    (``... - Ảnh 1.``, ``... - Hình 2``), or ``Ảnh N`` right after the title's last word.
    ``Hình N`` and a dashless ``Ảnh N`` close only a title's copy (:func:`_names_title`)."""
    before = text[max(0, alt_start - 4):alt_start].rstrip(" \t")[-1:]
    if before in ("-", "–") and text.startswith("Ảnh", alt_start):
        return True
    after_title = before.islower() or (before != "" and before in _TITLE_END_MARKS)
    return ((before in ("-", "–") or (after_title and text.startswith("Ảnh", alt_start)))
            and _names_title(text, alt_start))


def _names_title(text: str, alt_start: int) -> bool:
    """The alt line ending at alt_start names the text's title: what comes before its photo
    number (and dash) is found elsewhere in the text too (the title's line, or the same name
    numbering another photo). A story's line pointing at a figure (``Kết quả được trình bày ở
    bảng dưới đây - Hình 2``, ``Giải nhất thuộc về tác phẩm Mùa vàng Ảnh 1``) names nothing
    found elsewhere and stays.

    >>> _names_title("Làng gốm\\n\\nLàng gốm - Hình 1\\nKhách đến.", 19)
    True
    >>> _names_title("Làng gốm\\n\\nBảng dưới đây - Hình 1\\nKhách đến.", 25)
    False
    """
    line_start = text.rfind("\n", 0, alt_start) + 1
    name = text[line_start:alt_start].strip().rstrip("-–").rstrip().translate(_NO_QUOTES)
    return not name or text.translate(_NO_QUOTES).count(name) >= 2


#: Quotes an alt text drops from the title it copies (``‘giấy thông hành’``).
_NO_QUOTES = str.maketrans("", "", "'\"‘’“”«»")


def _under_alt_labels(text: str, keywords: list[int] | None = None) -> list[Label]:
    """``captions.under_alt``: the caption a content system prints right under a photo's alt
    text line (``Bà Lan và con gái.`` under ``... - Ảnh 1.``, ``... - Hình 1`` or ``... Ảnh
    1``): one short sentence closed by a full stop, with text after it, or one short line
    squeezed between two alt text lines. A paragraph (two sentences, or longer), a line with
    no full stop under one photo (a subheading), a sentence with a figure (a story's fact:
    ``Công trình dự kiến thông xe vào tháng 9.``) and the text's last line stay.

    >>> text = "Tiêu đề bài - Ảnh 1.\\n\\nBà Lan và con gái.\\n\\nBà kể lại chuyện cũ."
    >>> [text[x.start:x.end] for x in _under_alt_labels(text)]
    ['Bà Lan và con gái.']

    ``keywords``: ``_keyword_starts(text)`` when the caller has it; every ``Ảnh`` is one of
    them, so only there the alt text's end is tried.
    """
    found: list[Label] = []
    if keywords is None:
        alts = list(_ALT_LINE_END.finditer(text))
    else:
        alts = [m for m in (_ALT_LINE_END.match(text, at) for at in keywords
                            if text.startswith("Ảnh", at)) if m is not None]
    alts = [alt for alt in alts if _closes_alt_line(text, alt.start())]
    for alt in _HINH_LINE_END.finditer(text):  # (its literal first: a scan in C)
        if _closes_alt_line(text, alt.start()):  # the alt line itself, as "... - Ảnh 1."
            line_start = text.rfind("\n", 0, alt.start()) + 1
            found.append(Label(line_start, alt.end() - alt.group().endswith("\n"), KIND,
                               "captions.numbered_photo"))
            alts.append(alt)
    for alt in _title_number_lines(text):  # "Tiêu đề 1": the title's copy and a number
        found.append(Label(alt.start(1), alt.end(1), KIND, "captions.numbered_photo"))
        alts.append(alt)
    for alt in alts:  # (each closes an alt line: tested once, its title's copy counted once)
        m = (_UNDER_ALT.match(text, alt.end()) or _BETWEEN_ALTS.match(text, alt.end())
             or _tight_under_alt(text, alt))
        if (m is None or _SENTENCE_INSIDE.search(m.group(1)) is not None
                or _DIGIT.search(m.group(1)) is not None):
            continue  # (a figure: a story's fact, "... đạt 60% kế hoạch.", not a scene)
        found.append(Label(m.start(1), m.end(1), KIND, "captions.under_alt"))
    return found


#: A caption printed in the same block as its photo's alt text: on the very next line (no
#: blank line between), a capital first, no full stop needed, then a blank line.
_TIGHT_UNDER_ALT = regex.compile(
    rf"{_HSPACE}*+(\p{{Lu}}[^\n]{{1,{_SETTINGS['under_alt_caption_max_chars'] - 2}}}?)"
    rf"{_HSPACE}*+\n{_HSPACE}*+\n", regex.V1)


def _tight_under_alt(text: str, alt: re.Match) -> regex.Match | None:
    """``captions.under_alt`` with no full stop: in a text whose blocks stand between blank
    lines, the line right under an alt text line that a blank line opens (the photo's
    block: its alt text, then its caption), closed by a blank line. A subheading under a
    photo is a block of its own, a blank line above it, and stays.

    >>> text = "Tiêu đề bài\\n\\nCâu.\\n\\nTiêu đề bài - Ảnh 1\\nBà Lan và con gái\\n\\nBà kể."
    >>> _tight_under_alt(text, _ALT_LINE_END.search(text)).group(1)
    'Bà Lan và con gái'
    >>> text = "Tiêu đề bài\\n\\nCâu.\\n\\nTiêu đề bài - Ảnh 1\\n\\nBà Lan kể lại\\n\\nBà kể."
    >>> _tight_under_alt(text, _ALT_LINE_END.search(text)) is None
    True
    """
    line_start = text.rfind("\n", 0, alt.start(1) if alt.re.groups else alt.start()) + 1
    if line_start < 2 or not text[:line_start - 1].rstrip(" \t").endswith("\n"):
        return None  # (the alt text's block opens after a blank line)
    return _TIGHT_UNDER_ALT.match(text, alt.end())


#: What follows a copy of the title on a template's alt text line that numbers the photos
#: by the title (``Tiêu đề bài 1``): the number alone, then the line's end.
_TITLE_NUMBER_TAIL = re.compile(r"[ \t]{1,3}\d{1,2}[ \t]*+\n")


def _title_number_lines(text: str) -> list[re.Match]:
    """Lines that copy the text's first line (its title) and add a photo's number, as a
    template's alt text does (``Tiêu đề bài 1``): the tail's match, its group 1 the line
    (:data:`_TITLE_NUMBER_LINE`), its end past the newline. The title itself, and a line
    that goes on after the number, stay.

    >>> text = "Mưa lớn ở vùng núi phía Bắc\\n\\nCâu.\\n\\nMưa lớn ở vùng núi phía Bắc 1\\nNước."
    >>> [m.group(1) for m in _title_number_lines(text)]
    ['Mưa lớn ở vùng núi phía Bắc 1']
    """
    first = text.lstrip()
    title = first[:first.find("\n")].strip() if "\n" in first else ""
    if len(title) < _SETTINGS["title_number_min_chars"]:
        return []
    found = []
    at = text.find("\n" + title)
    while at >= 0:
        start = at + 1
        if _TITLE_NUMBER_TAIL.match(text, start + len(title)) is not None:
            m = _TITLE_NUMBER_LINE.match(text, start)
            if m is not None:
                found.append(m)
        at = text.find("\n" + title, start)
    return found


#: A line that is a title's copy and a number (:func:`_title_number_lines` found the copy).
_TITLE_NUMBER_LINE = re.compile(r"([^\n]*?[ \t]{1,3}\d{1,2})[ \t]*+\n")


#: A caption as a converter writes a photo's table cell: a line of a capital, at most
#: cell_caption_max_chars, closed by `` |`` and holding no other bar.
_CELL_CAPTION = regex.compile(
    rf"{_HSPACE}*+(\p{{Lu}}[^\n|]{{7,{_SETTINGS['cell_caption_max_chars'] - 1}}}?)"
    rf"{_HSPACE}++\|{_HSPACE}*+(?:\n|\Z)", regex.V1)
#: A copula or reporting verb in a cell: a story's statement, no caption (``Giá xăng hôm nay
#: là 23.000 đồng một lít |``; captions_cell_stops.txt).
_CELL_STOP = regex.compile(
    rf"(?<!\p{{L}})(?:{alternation(word_list('captions_cell_stops.txt'))})(?!\p{{L}})", regex.V1)
#: Where a line closes with a bar (a literal first: stdlib ``re`` skips to it in C).
_BAR_LINE_END = re.compile(r" \|[ \t]*(?:\n|\Z)")


def _cell_caption_labels(text: str, lines: list[str]) -> list[Label]:
    """``captions.cell_caption``: photo captions a converter left as table cells, each line
    closed by `` |`` (``Lực lượng cứu hộ tìm kiếm nạn nhân. |``) between the paragraphs, one
    or two sentences. A text with fewer paragraphs (lines of 60 characters or more that are
    no such caption) than such captions is a photo story told in its captions: they stay; a
    line with a copula or reporting verb (``captions_cell_stops.txt``) states a fact and stays.

    >>> text = ("Sáng nay, đội cứu hộ tiếp tục tìm kiếm hai người mất tích trong trận lũ quét "
    ...         "đêm qua.\\nCứu hộ dò tìm dọc bờ suối. |\\nĐến trưa, nước đã rút nhưng bùn đất "
    ...         "vẫn phủ kín nhiều đoạn đường vào bản.")
    >>> [text[x.start:x.end] for x in _cell_caption_labels(text, text.split("\\n"))]
    ['Cứu hộ dò tìm dọc bờ suối. |']
    """
    cells = []
    for bar in _BAR_LINE_END.finditer(text):
        cell = _CELL_CAPTION.fullmatch(text, text.rfind("\n", 0, bar.start()) + 1, bar.end())
        if (cell is not None and len(_SENTENCE_INSIDE.findall(cell.group(1))) < 2
                and _CELL_STOP.search(cell.group(1)) is None):
            cells.append(cell)
    if not cells:
        return []
    long_cells = sum(1 for m in cells if len(m.group().rstrip("\n")) >= 60)
    paragraphs = sum(1 for line in lines if len(line) >= 60) - long_cells
    if paragraphs < len(cells):
        return []
    return [Label(m.start(1), m.end() - m.group().endswith("\n"), KIND,
                  "captions.cell_caption") for m in cells]


#: Two to caption_run_max_lines short lines with no punctuation at all, then a paragraph
#: (a line of caption_run_neighbour_min_chars or more). _RUN_SEED (stdlib ``re``, a newline
#: literal first) finds where two such lines start; only there the full pattern is tried.
_RUN_LINE = (f"[^\\n.,:;!?…\"“”()]{{14,{_SETTINGS['caption_run_line_max_chars'] - 1}}}")
#: The two lines' sizes are read first (``[^\n]`` counts in a tight loop, cheaper than the
#: punctuation class a paragraph fails only at its first comma): the same newlines.
_RUN_SEED = re.compile(rf"\n(?=[^\n]{{15,{_SETTINGS['caption_run_line_max_chars']}}}+\n"
                       rf"[^\n]{{15,{_SETTINGS['caption_run_line_max_chars']}}}+\n)"
                       rf"(?=[^\W\d_]{_RUN_LINE}\n[^\W\d_]{_RUN_LINE}\n)")
_CAPTION_RUN = regex.compile(
    rf"\n((?:\p{{Lu}}{_RUN_LINE}+\n){{2,{_SETTINGS['caption_run_max_lines']}}}+)"
    rf"(?=[^\n]{{{_SETTINGS['caption_run_neighbour_min_chars']}}})", regex.V1)
_SMALL_WORD = regex.compile(r"\p{Ll}", regex.V1)
_RUN_ABOVE_END = ".!?…"


def _caption_run_labels(text: str, newlines: list[int] | None = None) -> list[Label]:
    """``captions.caption_run``: a gallery's captions as a run of two or more short lines with
    no punctuation between paragraphs (``Người dân co ro trong áo mưa trên phố Giải Phóng`` /
    ``Nhiều người đi xe máy trùm kín mít để tránh rét``), right under a line that ends a
    sentence. A subheading stands alone above its paragraph, so a run is no subheading; each
    line reads as a sentence (a small word among its first three, caption_run_min_words
    words or more) and one opens with a scene subject (``Người dân``, ``Lực lượng cứu hộ``:
    captions_scene_actions.txt)."""
    found: list[Label] = []
    done = 0
    for seed in _line_matches(_RUN_SEED, text, newlines):
        at = seed.start()
        above = text[max(0, at - 8):at].rstrip(" \t\"”’)")
        if at < done or not above or above[-1] not in _RUN_ABOVE_END:
            continue
        match = _CAPTION_RUN.match(text, at)
        if match is None:
            continue
        done = match.end(1)
        lines = match.group(1).split("\n")[:-1]
        if all(_reads_as_run_caption(line) for line in lines) and any(
                line.startswith(_SCENE_SUBJECTS) for line in lines):
            found.append(Label(match.start(1), match.end(1) - 1, KIND, "captions.caption_run"))
    return found


#: A line of a gallery closing the story: a capital, then up to caption_run_line_max_chars
#: with no sentence mark, colon, quote or bracket (commas allowed: ``..., Hà Nội``).
#: Its run is possessive: only blanks may follow it, and a run that stops short of the end
#: stops before a character its class refuses (no blank) or after its most characters, so
#: giving back characters (blanks or not) never lets the blanks reach the end.
_CLOSING_RUN_LINE = regex.compile(
    rf"[^\S\n]*+\p{{Lu}}[^\n.:;!?…\"“”()]{{14,{_SETTINGS['caption_run_line_max_chars'] - 1}}}+"
    r"[^\S\n]*+", regex.V1)
#: The most lines :func:`_closing_run_labels` reads from the text's end: a sign-off, the run
#: and the line above it. ``str.rsplit`` cuts only these off (the rest stays one piece, whose
#: length still sums to the offsets), and the index it stops at is at least 1, so the piece
#: is never read as a line and "the line above is the text's first" holds as with every line.
_CLOSING_LINES_READ = _SETTINGS["caption_run_max_lines"] + 2


def _closing_run_labels(text: str) -> list[Label]:
    """``captions.caption_run`` (closing the story): a gallery's captions as the text's last
    lines, maybe a short sign-off under them (at most ``photographer_max_chars``, no sentence
    end): two to ``caption_run_max_lines`` lines of :data:`_CLOSING_RUN_LINE` that open with
    the same ``closing_run_shared_words`` words (``Lễ khai giảng của trường A`` / ``Lễ khai
    giảng của trường B``: one picture each, written alike), under a paragraph that ends a
    sentence (``caption_run_neighbour_min_chars`` or more). A subheading has its paragraph
    under it, and two alike lines ending a story with nothing after them are no heading.

    >>> text = ("Tiêu đề\\nNhiều trường đã chọn di tích làm nơi tổ chức lễ khai giảng năm học mới "
    ...         "cho học sinh.\\nLễ khai giảng của trường Tiểu học A\\nLễ khai giảng của trường "
    ...         "Tiểu học B, Hà Nội\\nMinh An")
    >>> [text[x.start:x.end] for x in _closing_run_labels(text)]
    ['Lễ khai giảng của trường Tiểu học A\\nLễ khai giảng của trường Tiểu học B, Hà Nội']
    """
    lines = text.rstrip().rsplit("\n", _CLOSING_LINES_READ)  # (the head's lines as one piece)
    ends = list(accumulate(len(line) + 1 for line in lines))  # one past each line
    k = len(lines) - 1
    if (len(lines[k].strip()) <= _SETTINGS["photographer_max_chars"]
            and not lines[k].rstrip().endswith(tuple(_RUN_ABOVE_END))):
        k -= 1  # a sign-off under the gallery
    last, shared = k, _SETTINGS["closing_run_shared_words"]
    while (k >= 0 and last - k < _SETTINGS["caption_run_max_lines"]
           and _CLOSING_RUN_LINE.fullmatch(lines[k])):
        k -= 1
    run = lines[k + 1:last + 1]
    if (len(run) < 2 or k < 1 or len({tuple(line.split()[:shared]) for line in run}) != 1
            or len(run[0].split()) <= shared):
        return []
    above = lines[k].rstrip().rstrip("\"”’)")
    if len(above) < _SETTINGS["caption_run_neighbour_min_chars"] or above[-1] not in _RUN_ABOVE_END:
        return []
    start = ends[k] + len(run[0]) - len(run[0].lstrip())
    return [Label(start, ends[last] - 1 - (len(lines[last]) - len(lines[last].rstrip())), KIND,
                  "captions.caption_run")]


def _reads_as_run_caption(line: str) -> bool:
    words = line.split()
    return (len(words) >= _SETTINGS["caption_run_min_words"]
            and any(_SMALL_WORD.match(word) for word in words[1:3]))


_VIDEO_TITLE_HEADS = word_list("captions_video_titles.txt")
#: One stdlib scan for the heads (cheaper here than one ``in`` per head).
_VIDEO_TITLE_GATE = re.compile("|".join(re.escape(h + " ") for h in _VIDEO_TITLE_HEADS))
#: A video player's label alone on its line, right under a paragraph that ends a sentence:
#: a title head, at most two small words (``phim``, ``MV chính thức`` is a name), then the
#: film's name (a quote or a capital) and no sentence end: ``Trailer phim "Mẹ Ơi"``; a
#: subheading says what it shows (``Trailer hé lộ nội dung phim``) and stays.
_VIDEO_TITLE_LINE = regex.compile(
    rf"(?<=[\p{{L}}\d][\"”’)]?[.!?…][\"”’)]?{_HSPACE}*\n\s*)"
    rf"(?:{'|'.join(regex.escape(h) for h in _VIDEO_TITLE_HEADS)}) "
    rf"(?:\p{{Ll}}++ ){{0,2}}+[\"“'‘«\p{{Lu}}\d]"
    rf"[^\n.!?…:]{{0,{_SETTINGS['video_title_max_chars']}}}+(?=\n|\Z)", regex.V1)


def _video_title_labels(text: str) -> list[Label]:
    """``captions.video_title``: a video player's label (``Trailer phim "Mẹ Ơi"``) alone on
    its line under a paragraph; a story sentence about a trailer has its full stop and stays
    (``Trailer dài gần 3 phút nhận về hơn 2 triệu lượt xem.``)."""
    return [Label(m.start(), len(m.group().rstrip()) + m.start(), KIND, "captions.video_title")
            for m in _VIDEO_TITLE_LINE.finditer(text)]


#: A clip's caption with no ``Clip:`` marker: ``Clip`` or ``Video`` and a capitalised name
#: (whom the clip shows), the rest of its line. Tried only where a head opens a line (found
#: with ``str.find``), alone there or after the text a video player prints where it cannot
#: play (``Your browser does not support the video tag.``, ``video_player_fallbacks``).
_CLIP_HEADS = ("Clip ", "Video ", "CLIP ", "VIDEO ")
_PLAYER_FALLBACKS = ("", *_SETTINGS["video_player_fallbacks"])
_CLIP_CAPTION = regex.compile(
    rf"(?:Clip|Video|CLIP|VIDEO) (?=\p{{Lu}})[^\n]{{1,{_SETTINGS['clip_caption_max_chars']}}}+"
    r"(?=\n|\Z)")
#: A paragraph's last sentence end (the line above such a caption), maybe before a quote.
_ENDS_SENTENCE = regex.compile(r"[\p{L}\d][\"”’)]?[.!?…][\"”’)]?$")
#: A sentence's end inside such a line.
_CLIP_SENTENCE_END = regex.compile(r"[.!?…](?=\s|$)")


def _clip_caption_labels(text: str) -> list[Label]:
    """``captions.video``: a clip's caption without a marker, ``Clip`` or ``Video`` and the
    name of whom it shows, alone on its line right under a paragraph that ends a sentence
    (or after a video player's fallback text opening the line, which goes with it), at most
    ``caption_segment_max_sentences`` sentences (``Clip Minh Anh hát tặng mẹ.``); a title
    opening the text (no paragraph above it) and a longer paragraph about a clip stay.

    >>> text = "Cô hát xong thì khóc.\\nClip Minh Anh hát tặng mẹ.\\nSau đó cô về quê."
    >>> [text[lab.start:lab.end] for lab in _clip_caption_labels(text)]
    ['Clip Minh Anh hát tặng mẹ.']
    """
    found = []
    for head in _CLIP_HEADS:
        pos = text.find(head)
        while pos >= 0:
            label = _clip_caption_at(text, pos)
            if label is not None:
                found.append(label)
            pos = text.find(head, pos + 1)
    return sorted(found, key=attrgetter("start"))


def _clip_caption_at(text: str, pos: int) -> Label | None:
    """The clip caption whose head stands at ``pos`` (see :func:`_clip_caption_labels`)."""
    line_start = text.rfind("\n", 0, pos) + 1
    before = text[line_start:pos].strip()
    if before not in _PLAYER_FALLBACKS:
        return None
    m = _CLIP_CAPTION.match(text, pos)
    if m is None:
        return None
    line = m.group().rstrip()
    if len(_CLIP_SENTENCE_END.findall(line)) > _SETTINGS["caption_segment_max_sentences"]:
        return None
    if before:  # the player's text goes with the caption
        return Label(line_start + text[line_start:pos].index(before), pos + len(line), KIND,
                     "captions.video")
    above = text[:line_start].rstrip()
    if not above or _ENDS_SENTENCE.search(above) is None:
        return None
    return Label(pos, pos + len(line), KIND, "captions.video")


def _may_expose(left: str, edits: list) -> bool:
    """Whether deleting ``edits`` can expose a caption in ``left`` (the text after them).

    Only a marker (or ``(nguồn``) next to a seam can (two markers now touch, a credit now
    ends its line), or a seam's line that is now all credit; scene lines need no second
    round (their neighbours are read past deleted lines). Overlapping windows around the
    seams are read as one.
    """
    reach = _SETTINGS["window_back_chars"] + _SETTINGS["window_ahead_chars"]
    shift = 0
    low, high = 0, None  # the window read next: the union of overlapping seams' windows
    for edit in edits:
        seam = edit.start + shift
        shift += len(edit.replacement) - (edit.end - edit.start)
        if _lone_line_at(left, seam):
            return True
        if high is None or seam - reach > high:
            if high is not None and _marker_in_window(left, low, high):
                return True
            low = max(0, seam - reach)
        high = seam + len(edit.replacement) + reach
    return high is not None and _marker_in_window(left, low, high)


def _marker_in_window(text: str, low: int, high: int) -> bool:
    """Whether a marker starts at a keyword of ``text[low:high]`` (as ``_markers`` tries it,
    without the previous marker's floor), or the span holds ``(nguồn``. A keyword of a
    story word (``hoạt động``, ``ảnh hưởng``, ``thực hiện``) starts no marker, so a seam
    near one exposes nothing."""
    window = text[low:high].lower()
    if _SOURCE_LITERAL in window:
        return True
    if len(window) != min(high, len(text)) - low:
        return True  # lowering changed the length: offsets unknown, assume the worst
    for literal in _KEYWORD_LITERALS:
        at = window.find(literal)
        while at >= 0:
            pos = _window_anchor(text, low + at)
            if _marker_near(text, max(pos - _BACK, 0)) is not None:
                return True
            at = window.find(literal, at + len(literal))
    return False


def _lone_line_at(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` is one of ``_LONE_LINES`` (read only that far)."""
    low = max(pos - _LONE_LINE_MAX, 0)
    line_start = text.rfind("\n", low, pos) + 1
    if not line_start and low:
        return False
    line_end = text.find("\n", pos, pos + _LONE_LINE_MAX + 1)
    if line_end < 0:
        if pos + _LONE_LINE_MAX + 1 < len(text):
            return False  # a longer line
        line_end = len(text)
    return text[line_start:line_end] in _LONE_LINES


_LONE_LINE_MAX = max(map(len, _LONE_LINES))
#: The head of the marker that has no keyword and can end its line after a cut.
_SOURCE_LITERAL = "(nguồn"


remove_photo_captions = RemovePhotoCaptions()


class RemoveRepeatedBlocks(BoilerplateCleaner):
    """Delete the first copies of a block repeated back to back, judged on the text as the
    cleaners before it left it: run it last.

    :class:`RemovePhotoCaptions` applies the same rule (``captions.repeated``) before the
    bylines go. What a later removal leaves back to back, such as a lead with an agency
    prefix above the same lead without one, a story's last sentence with an end mark after
    its copy, or two copies with a source line or a credit between them, only this step
    sees; the default pipeline runs it after :func:`strip_bylines`, so one pass settles.
    A pull quote that repeats a sentence far away stays.

    >>> remove_repeated_blocks("Mưa lớn gây ngập nhiều tuyến phố ở Hà Nội.\\n"
    ...                        "Mưa lớn gây ngập nhiều tuyến phố ở Hà Nội. Dân đi lại khó.")
    'Mưa lớn gây ngập nhiều tuyến phố ở Hà Nội. Dân đi lại khó.'
    """

    name: ClassVar[str] = "remove_repeated_blocks"
    kind: ClassVar[str] = KIND

    def classify(self, text: str) -> list[Label]:
        if _NO_REPEATS.take(text):
            # This very text came through remove_photo_captions, whose _may_repeat found no
            # long piece twice in it; most texts come on untouched by it and strip_bylines.
            return []
        return [Label(a, b, KIND, "captions.repeated") for a, b, _, _ in _repeats(text, [])]


remove_repeated_blocks = RemoveRepeatedBlocks()
