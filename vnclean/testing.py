"""Hypothesis strategies for property-testing Vietnamese text pipelines (yours or vnclean's).

``syllables()`` draws valid Vietnamese syllables (initial + rime + tone, spelling rules
kept, tone on the right vowel in the old style, NFC); ``sentences()`` and ``paragraphs()``
build prose from them; ``news_pages()`` wraps paragraphs in known boilerplate and returns a
:class:`Page` whose ``clean`` and ``spans`` are the gold, in the corpus record format.

Needs ``hypothesis`` (``pip install 'vnclean[testing]'``). The tables and checkers work
without it:

>>> is_valid_syllable("Nguyễn"), is_valid_syllable("thủy"), is_valid_syllable("ngiá")
(True, True, False)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .corpus import Span  # the corpus record's span: a Page's spans are the same type

__all__ = [
    "Page",
    "Span",
    "gold_from_spans",
    "is_valid_syllable",
    "make_syllable",
    "news_pages",
    "paragraphs",
    "sentences",
    "syllables",
    "BOILERPLATE",
]

# --------------------------------------------------------------------------- syllables

#: Tone marks as combining characters: ngang (none), huyền, sắc, hỏi, ngã, nặng.
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
#: Finals after which only sắc and nặng are possible.
STOP_FINALS = ("ch", "c", "p", "t")
FINALS = ("ng", "nh", "ch", "c", "m", "n", "p", "t")
VOWELS = "aăâeêioôơuưy"
MARKED_VOWELS = "ăâêôơư"

INITIALS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
            "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")

#: Rimes (nucleus + final, no tone) that Vietnamese spelling allows after most initials.
RIMES = (
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư",
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui",
    "ưa", "ưi", "ưu", "oa", "oe", "uy", "uê", "iêu", "oai", "oay", "uôi", "ươi", "ươu",
    "an", "ang", "anh", "am", "at", "ac", "ach", "ap", "ăn", "ăng", "ăm", "ăt", "ăc", "ăp",
    "ân", "âng", "âm", "ât", "âp", "en", "em", "et", "ep", "ên", "ênh", "êm", "êt", "êch",
    "in", "inh", "im", "it", "ich", "ip", "on", "ong", "om", "ot", "oc", "op", "ôn", "ông",
    "ôm", "ôt", "ôc", "ơn", "ơm", "ơt", "ơp", "un", "ung", "um", "ut", "uc", "up", "ưng",
    "ưt", "ưc", "iên", "iêng", "iêm", "iêt", "iêp", "uôn", "uông", "uôm", "uôt", "uôc",
    "ươn", "ương", "ươm", "ươt", "ươc", "oan", "oang", "oanh", "oat", "oac", "oăn", "oăng",
    "oăt", "oăc", "uân", "uât", "uyên", "uyêt", "uynh",
)

_FRONT = ("i", "e", "ê", "y")  # c/g/ng are spelt k/gh/ngh before these


def rime_allowed(initial: str, rime: str) -> bool:
    """Whether spelling allows ``initial`` before ``rime`` (c/k, g/gh, ng/ngh, qu, gi rules).

    >>> rime_allowed("k", "inh"), rime_allowed("c", "inh"), rime_allowed("qu", "ôc")
    (True, False, False)
    """
    front = rime.startswith(_FRONT)
    if initial in ("k", "gh", "ngh"):
        return front
    if initial in ("c", "g", "ng"):
        return not front
    if initial == "qu":
        return rime.startswith(("a", "ă", "â", "e", "ê", "y", "ơ")) and not rime.startswith("yê")
    if initial == "gi":
        return not rime.startswith(("i", "y"))
    if initial == "" and rime.startswith("iê"):
        return False  # written yê- without an initial
    glide = (rime[:1] == "o" and rime[1:2] in ("a", "ă", "e")
             or rime[:1] == "u" and rime[1:2] in ("â", "ê", "y"))
    return not (glide and initial in ("b", "m", "p", "ph", "v", "gi"))  # no -o-/-u- glide


#: Rimes only ``qu`` takes (its ``u`` is the glide): ``quý``, ``quyết``.
QU_RIMES = ("y", "yên", "yêt", "ynh")
#: Common spellings outside the rules above: ``gì``, ``gìn``, ``quốc``.
EXTRA_PARTS = (("g", "i"), ("g", "in"), ("qu", "ôc"))


def tone_index(rime: str) -> int:
    """Index in ``rime`` of the vowel that carries the tone mark (old style: ``hòa``, ``thủy``).

    >>> tone_index("oa"), tone_index("oan"), tone_index("ươi"), tone_index("oai")
    (0, 1, 1, 1)
    """
    marked = [i for i, ch in enumerate(rime) if ch in MARKED_VOWELS]
    if marked:
        return marked[-1]
    vowels = [i for i, ch in enumerate(rime) if ch in VOWELS]
    if rime.endswith(FINALS) or len(vowels) == 1:
        return vowels[-1]
    return vowels[0] if len(vowels) == 2 else vowels[1]


def make_syllable(initial: str, rime: str, tone: int) -> str:
    """One syllable in NFC, the tone (0 ngang .. 5 nặng) placed on the right vowel.

    >>> make_syllable("ngh", "iêng", 5), make_syllable("th", "uy", 3), make_syllable("qu", "y", 2)
    ('nghiệng', 'thủy', 'quý')
    """
    i = tone_index(rime)
    marked = rime[: i + 1] + TONES[tone] + rime[i + 1 :]
    return unicodedata.normalize("NFC", initial + marked)


def _tones_for(rime: str) -> tuple[int, ...]:
    return (2, 5) if rime.endswith(STOP_FINALS) else tuple(range(6))


def all_parts() -> list[tuple[str, str]]:
    """Every (initial, rime) pair the tables allow."""
    pairs = [(i, r) for i in INITIALS if i != "qu" for r in RIMES if rime_allowed(i, r)]
    pairs += [("qu", r) for r in RIMES + QU_RIMES if r in QU_RIMES or rime_allowed("qu", r)]
    return pairs + list(EXTRA_PARTS)


_TONE_MARKS = "".join(TONES)
_ONSETS = sorted(INITIALS, key=len, reverse=True)


def is_valid_syllable(syllable: str) -> bool:
    """True for an NFC Vietnamese syllable whose parts, spelling and tone mark are all valid.

    Why: a checker apart from the generator, so tests can say what ``syllables()`` claims.

    >>> is_valid_syllable("thàt"), is_valid_syllable("cinh"), is_valid_syllable("hoà")
    (False, False, False)
    >>> is_valid_syllable("giữ"), is_valid_syllable("Đường"), is_valid_syllable("quốc")
    (True, True, True)

    Old tone style only (``hoà`` is new style); the tables hold the common spellings.
    """
    if not syllable or unicodedata.normalize("NFC", syllable) != syllable:
        return False
    lower = syllable.lower()
    decomposed = unicodedata.normalize("NFD", lower)
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    if len(tones) > 1:
        return False
    tone = TONES.index(tones[0]) if tones else 0
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    for initial in _ONSETS:
        if bare.startswith(initial) and (initial, bare[len(initial):]) in _PARTS:
            rime = bare[len(initial):]
            if tone in _tones_for(rime) and make_syllable(initial, rime, tone) == lower:
                return True
    return False


_PARTS = frozenset(all_parts())

# --------------------------------------------------------------------------- boilerplate

#: Known boilerplate lines by kind, as news sites print them (the gold deletes them whole).
BOILERPLATE: dict[str, tuple[str, ...]] = {
    "nav": ("Trang chủ", "Thời sự", "Thế giới", "Kinh doanh", "Đăng nhập", "Tin xem nhiều"),
    "caption": ("Ảnh: Mạnh Quân", "Ảnh minh họa", "Nguồn ảnh: TTXVN", "Ảnh: Thanh Hà"),
    "byline": ("Theo TTXVN", "Nguồn: Tuổi Trẻ", "Thanh Huyền", "Hà Phương (tổng hợp)"),
    "related": ("Tin liên quan", "Xem thêm:", ">> Hà Nội đề xuất xây thêm 5 cầu qua sông Hồng"),
    "promo": ("Chia sẻ", "Ý kiến bạn đọc (0)", "© Bản quyền thuộc Báo điện tử Dân trí.",
              "Giấy phép số 298/GP-BTTTT."),
}
#: Agency prefixes of a lead paragraph (an inline ``byline`` span; the paragraph stays).
AGENCY_PREFIXES = ("TTO - ", "(Dân trí) - ", "VTV.vn - ", "(PLO) - ")
#: The end mark of the last paragraph (an inline ``byline`` span).
END_MARK = "/."


@dataclass(frozen=True)
class Page:
    """A generated news page: ``raw`` text, ``clean`` gold text, the deleted ``spans``."""

    raw: str
    clean: str
    spans: tuple[Span, ...] = field(default=())

    def as_record(self, id: str = "generated", site: str = "example.vn") -> dict:
        """The page as a corpus record (``/work/shared/corpus`` format)."""
        return {"id": id, "site": site, "source": {}, "split": "generated", "raw": self.raw,
                "clean": self.clean,
                "spans": [{"kind": s.kind, "start": s.start, "end": s.end} for s in self.spans]}


_SPACES = re.compile(r"[ \t\u00a0]+")


def gold_from_spans(raw: str, spans) -> str:
    """The gold clean text: each span replaced by a space (a newline if it crossed lines),
    each line stripped, empty lines dropped, runs of spaces folded (corpus GUIDELINES).

    >>> gold_from_spans("Trang chủ\\nTTO - Mưa lớn./.", [Span("nav", 0, 10),
    ...                 Span("byline", 10, 16), Span("byline", 24, 26)])
    'Mưa lớn.'
    """
    pieces, pos = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        pieces.append(raw[pos:span.start])
        pieces.append("\n" if "\n" in raw[span.start:span.end] else " ")
        pos = span.end
    pieces.append(raw[pos:])
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


# --------------------------------------------------------------------------- strategies


def _st():
    try:
        from hypothesis import strategies
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("vnclean.testing needs hypothesis: pip install 'vnclean[testing]'") \
            from None
    return strategies


def syllables():
    """Valid Vietnamese syllables, lower case, NFC, tone on the right vowel (old style).

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(syllables())
    ... def check(s):
    ...     assert is_valid_syllable(s)
    >>> check()
    """
    st = _st()
    parts = st.sampled_from(sorted(_PARTS))
    return parts.flatmap(lambda p: st.sampled_from(_tones_for(p[1])).map(
        lambda tone: make_syllable(p[0], p[1], tone)))


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentences(*, min_syllables: int = 3, max_syllables: int = 14):
    """Sentences: capitalized, syllables separated by spaces, maybe a comma, ending in ``.``.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(sentences())
    ... def check(s):
    ...     assert s[0].isupper() and s.endswith(".") and "  " not in s
    >>> check()
    """
    st = _st()
    words = st.lists(syllables(), min_size=min_syllables, max_size=max_syllables)
    comma = st.integers(min_value=0, max_value=max_syllables)

    def build(pair):
        parts, at = pair
        if 1 < at < len(parts) - 1:
            parts = parts[:at] + [parts[at] + ","] + parts[at + 1:]
        return _capitalize(" ".join(parts)) + "."

    return st.tuples(words, comma).map(lambda p: build((list(p[0]), p[1])))


def paragraphs(*, min_sentences: int = 1, max_sentences: int = 4):
    """Paragraphs: sentences joined by one space, no newline."""
    st = _st()
    return st.lists(sentences(), min_size=min_sentences, max_size=max_sentences).map(" ".join)


def news_pages(*, min_paragraphs: int = 1, max_paragraphs: int = 5,
               flat: bool | None = False):
    """News pages with known boilerplate: :class:`Page` (raw, gold clean, gold spans).

    Menus and related-link lists before and after the story, captions and bylines between
    paragraphs, an agency prefix on the lead and an end mark ``/.``, each chosen by
    Hypothesis; ``page.clean == gold_from_spans(page.raw, page.spans)``. ``flat=True``
    lays each page out flattened onto one line, as scrapers that join a page's text blocks
    with spaces give it (every newline a space: the spans keep their offsets);
    ``flat=None`` lets Hypothesis choose the layout page by page.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(news_pages())
    ... def check(page):
    ...     assert page.clean == gold_from_spans(page.raw, page.spans)
    >>> check()
    """
    st = _st()
    kinds = sorted(BOILERPLATE)
    line = st.sampled_from(kinds).flatmap(
        lambda kind: st.sampled_from(BOILERPLATE[kind]).map(lambda text: (kind, text)))
    lines = st.lists(line, max_size=4)
    body = st.lists(st.tuples(paragraphs(), lines), min_size=min_paragraphs,
                    max_size=max_paragraphs)
    prefix = st.none() | st.sampled_from(AGENCY_PREFIXES)
    pages = st.builds(_assemble, lines, paragraphs(max_sentences=1), prefix, body,
                      st.booleans(), lines)
    if flat is None:
        return pages | pages.map(_flattened)
    return pages.map(_flattened) if flat else pages


def _flattened(page: Page) -> Page:
    """``page`` on one line: each newline a space, so every span keeps its offsets."""
    raw = page.raw.replace("\n", " ")
    return Page(raw=raw, clean=gold_from_spans(raw, page.spans), spans=page.spans)


def _assemble(header, title, prefix, body, end_mark, footer) -> Page:
    """Lay out a page line by line, recording each boilerplate span as it is written."""
    raw: list[str] = []
    spans: list[Span] = []
    pos = 0

    def add(text: str, kind: str | None = None, newline: bool = True) -> None:
        nonlocal pos
        if kind is not None:
            spans.append(Span(kind, pos, pos + len(text) + newline))
        raw.append(text + "\n" * newline)
        pos += len(text) + newline

    for kind, text in header:
        add(text, kind)
    add(title)
    for number, (paragraph, after) in enumerate(body):
        if number == 0 and prefix:
            add(prefix, "byline", newline=False)
        last = number == len(body) - 1
        if last and end_mark:
            add(paragraph, newline=False)
            add(END_MARK, "byline", newline=False)
            add("")
        else:
            add(paragraph)
        for kind, text in after:
            add(text, kind)
    for kind, text in footer:
        add(text, kind)
    text = "".join(raw)
    return Page(raw=text, clean=gold_from_spans(text, spans), spans=_merged(spans))


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    """Touching spans of one kind as one span (a menu of five lines is one ``nav`` span)."""
    merged: list[Span] = []
    for span in spans:
        if merged and merged[-1].kind == span.kind and merged[-1].end == span.start:
            merged[-1] = Span(span.kind, merged[-1].start, span.end)
        else:
            merged.append(span)
    return tuple(merged)
