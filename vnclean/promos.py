"""Remove share/save/comment widgets, ads, subscribe prompts, hotlines, footers and copyright lines.

Classify, then delete. The context-free pass finds candidates with one combined MULTILINE
regex: whole widget lines (``Chia sẻ``, ``Bình luận``), widget text glued into a flattened
line (``Lưu bài viết thành công ...``), calls to action with a URL, subscribe prompts,
hotlines and copyright/licence lines. The neighbour pass grows a site footer from its strong
cues (``©``, ``Giấy phép số ...``) over the short contact lines around them, and takes the
contact tail (``Hotline: ... Email: ...``) that follows an ad on the same line.

What it never removes: a story sentence that merely mentions sharing (``... chị chia sẻ.``),
a phone number inside a story sentence, a licence that a story talks about.
"""

from __future__ import annotations

from typing import ClassVar

import bisect
import functools
import re
from itertools import accumulate, repeat
from operator import add

import regex

from ._data import alternation, json_data, word_list
from .blocks import (BoilerplateCleaner, Label, LineIndex, casefold_class, casefold_pattern,
                     casefold_sources, join_line_labels, merge_labels, nonblank_lines)

__all__ = ["StripPromos", "strip_promos"]

_T = json_data("promos_thresholds.json")
_F = regex.IGNORECASE | regex.MULTILINE | regex.VERSION1


def _tab_entries(name: str) -> list[tuple[str, str]]:
    """``(tag, regex)`` pairs from a ``tag<TAB>regex`` data file."""
    pairs = []
    for entry in word_list(name):
        tag, _, pattern = entry.partition("\t")
        pairs.append((tag.strip(), pattern.strip()))
    return pairs


def _widget_rule(line: str) -> str:
    low = line.casefold()
    if "lưu" in low:
        return "promos.save_widget"
    if any(w in low for w in ("bình luận", "ý kiến", "phản hồi", "comment", "nghĩ gì", "báo xấu")):
        return "promos.comments"
    if "quảng cáo" in low:
        return "promos.ad"
    return "promos.share_widget"


_PHRASES = _tab_entries("promos_widget_phrases.txt")
_FOOTER = _tab_entries("promos_footer.txt")

_EMAIL = r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}"
_PHONE = r"(?:\+?84|0)[ .]?\(?\d{1,4}\)?(?:[ .\-]?\d{2,4}){2,4}|1[89]00[ .]?\d{3,4}(?:[ .]?\d{1,4})?"

# One pass for every context-free candidate; the group name is the rule.
_ALTERNATIVES = [

        # A line that is only a widget label, with an optional count or colon.
        r"(?P<widget_line>^[ \t]*(?:%s)[ \t]*:?[ \t]*$)" % alternation(word_list("promos_widget_lines.txt")),
        *(f"(?P<phrase_{i}>{p})" for i, (_, p) in enumerate(_PHRASES)),
        # Subscribe, mailbox and app prompts: to the end of the line.
        r"(?P<subscribe>(?:%s)[^\n]{0,400})"
        % "|".join(word_list("promos_subscribe.txt")),
        # A hotline opening a line: "Hotline: 0913 839 963".
        r"(?P<hotline>^[ \t*\-•]*(?:Hotline|Đường dây nóng|Tổng đài(?:[ \t]+[\w ]{1,20}?)?)"
        r"[ \t]*:?[ \t]*(?:%s)[^\n]{0,80}$)" % _PHONE,
        # A line that is only contact details: "0985.57.88.55", "news@site.vn".
        r"(?P<contact_line>^[ \t]*(?:%s|%s)(?:[ \t]*[|,;/-][ \t]*(?:%s|%s)){0,3}[ \t]*$)"
        % (_PHONE, _EMAIL, _PHONE, _EMAIL),
        # View and comment counters standing alone: "Số lần xem: 169", "12 bình luận".
        r"(?P<counter>^[ \t]*(?:(?:Số lần xem|Lượt xem|Lượt đọc)[ \t]*:?[ \t]*\d[\d.,]{0,12}"
        r"|\d{1,6}[ \t]*(?:bình luận|Comments?))[ \t]*$)",
        # Comment-form messages: "Cần nhập đầy đủ Email".
        r"(?P<form>^[ \t]*(?:Cần nhập đầy đủ|Vui lòng nhập|Bạn cần lựa chọn một tài khoản)[^\n]{0,60}$)",
        # A licence line: "Giấy phép số 13/GP-TTĐT ..." (must name a licence authority).
        r"(?P<licence>^[^\n]{0,60}?(?:Giấy phép|Số giấy phép|GPXB|Giấy phép hoạt động)[^\n]{0,%d}$)"
        % _T["max_footer_line_chars"],
    ]
# Line-anchored candidates share one leading "^" so the engine skips mid-line positions fast;
# inline ones (glued widgets, prompts) are searched everywhere.
_LINE_CANDIDATES = regex.compile(
    "^(?:%s)" % "|".join(a for a in _ALTERNATIVES if "^" in a[:20]), _F)
_INLINE_CANDIDATES = regex.compile("|".join(a for a in _ALTERNATIVES if "^" not in a[:20]), _F)

# A call to action that ends in a URL: "Đăng ký tham dự tại đây: https://..." (only run
# on texts holding a URL; case-sensitive, so the verbs anchor the search).
_CALL_TO_URL = regex.compile(
    r"(?:\*{1,3}[ \t]{0,2})?(?:%s)[^\n:]{0,80}?[ \t]*:[ \t]*https?://[^\s]{1,300}"
    % alternation(word_list("promos_call_to_url.txt")), regex.VERSION1)
_WIDGET_FULL = regex.compile(
    r"(?:%s)[ \t]*:?" % alternation(word_list("promos_widget_lines.txt")), regex.IGNORECASE)
_LICENCE_AUTHORITY = regex.compile(r"GP|BTTTT|TT&TT|Bộ Thông tin|Cục Báo chí|TTĐT|cấp ngày", _F)
_FOOTER_STRONG = regex.compile("|".join(p for tag, p in _FOOTER if tag == "strong"), _F)
_FOOTER_WEAK = regex.compile("|".join(p for tag, p in _FOOTER if tag == "weak"), _F)
_CONTACT_CUE = regex.compile(
    r"Hotline|Tổng đài|E-?mail|Website|\bWeb\b|Fanpage|Địa chỉ|Điện thoại|\bĐT\b|Zalo", _F)
_CONTACT_START = regex.compile(
    r"(?:Chi tiết liên hệ|Thông tin liên hệ|Mọi chi tiết (?:xin )?liên hệ|Liên hệ[ \t]*:)", _F)


_PROMPT_LEAD = regex.compile(r"(?:^|[.!?…])[ \t]{0,2}(\*{0,3}[ \t]{0,2})\Z|(\*{1,3}[ \t]{0,2})\Z", regex.M)


def _prompt_start(text: str, start: int) -> int:
    """Where a prompt found at ``start`` begins (taking a ``*`` lead), or -1 mid-sentence."""
    lo = max(0, start - 8)
    m = _PROMPT_LEAD.search(text, text.rfind("\n", lo, start) + 1 or lo, start)
    if m is None:
        return -1
    lead = m.group(1) if m.group(1) is not None else m.group(2)
    return start - len(lead)


def _sentence_start(text: str, pos: int, reach: int = 50) -> int:
    """Start of the sentence holding ``pos`` when it begins within ``reach`` chars, else ``pos``."""
    window = text[max(0, pos - reach):pos]
    line = window.rfind("\n")
    cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
    if line >= 0 and line >= cut:
        return pos - len(window) + line + 1
    if cut >= 0:
        return pos - len(window) + cut + 2
    return pos - len(window) if pos - reach <= 0 else pos


def _anchor_pattern() -> re.Pattern:
    """One case-sensitive alternation of the anchors, as written and in UPPER case.

    Branches are grouped by their first character (``M(?:ời|ọi ý kiến|...)``), so the engine
    tries one group per position instead of every anchor.
    """
    variants: set[str] = set()
    for anchor in word_list("promos_anchors.txt"):
        variants.update((anchor, anchor.upper()))
    groups: dict[str, list[str]] = {}
    for v in sorted(variants, key=len, reverse=True):
        groups.setdefault(v[0], []).append(v[1:])
    return re.compile("|".join(
        "%s(?:%s)" % (re.escape(first), "|".join(re.escape(rest) for rest in rests))
        for first, rests in groups.items()))


_ANCHORS = _anchor_pattern()
_WIDGETS = frozenset(w.casefold() for w in word_list("promos_widget_lines.txt"))
_WIDGET_MAX = max(map(len, _WIDGETS)) + 2
# Lines worth the line-anchored pattern: their casefolded start holds one of these cues
# (after any of the lead characters), or their first 60 casefolded characters a licence cue.
_CUE_LEAD = " \t*-•"
_CUE_WORDS = ("hotline", "đường dây nóng", "tổng đài", "số lần xem", "lượt xem", "lượt đọc",
              "cần nhập", "vui lòng nhập", "bạn cần lựa chọn")
_CUE_FIRST = "+("  # with the decimal digits: the one-character cues
_LICENCE_CUES = ("giấy phép", "gpxb")
_LICENCE_PIVOTS = "éx"  # a rare letter of each licence cue: the searches key on it
_LICENCE_REACH = 60
_LINE_CUE = re.compile(r"[ \t*\-•]*(?:%s|[\d+(])|.{0,%d}?(?:%s)" % (
    "|".join(_CUE_WORDS), _LICENCE_REACH, "|".join(_LICENCE_CUES)))
_LINE_MAX = _T["max_footer_line_chars"] + 80
_WINDOW_BEFORE = 60
_WINDOW_AFTER = 420


def _line_first_pass(text: str) -> list[Label]:
    """Whole-line candidates: widget labels by set lookup, other cue lines by one pattern.

    The lines that can be either are found first by C-level searches over the whole text
    (:func:`_candidate_lines`); only they reach the per-line tests of :func:`_line_label`.
    A text of few long lines sends every line to those tests: cheaper than the searches.
    """
    labels: list[Label] = []
    # Few long lines (a flattened page): testing each line costs less than the searches.
    few_lines = len(text) > _LONG_LINES * (text.count("\n") + 1)
    for m in nonblank_lines(text) if few_lines else _candidate_lines(text):
        label = _line_label(text, m)
        if label is not None:
            labels.append(label)
    return labels


def _line_label(text: str, m: re.Match) -> Label | None:
    """The label of one non-blank line (``m`` is its stripped text), if it is a cue line."""
    stripped = m.group()
    n = len(stripped)
    if n > _LINE_MAX:
        return None
    if n <= _WIDGET_MAX:
        low = stripped.casefold()
        if low.rstrip(": \t") in _WIDGETS:
            return Label(m.start(), m.end(), "promo", _widget_rule(stripped.rstrip(": \t")))
    else:
        low = stripped[:_CUE_HEAD].casefold()
    if _LINE_CUE.match(low) or "@" in stripped:
        lo = text.rfind("\n", 0, m.start()) + 1
        hi = text.find("\n", m.end())
        hi = len(text) if hi < 0 else hi
        if hi - lo > _LINE_MAX:
            return None
        c = _LINE_CANDIDATES.match(text, lo, hi)
        if c is not None:
            return _candidate_label(text, c)
    return None


def _candidate_lines(text: str) -> list[re.Match]:
    """The non-blank lines (stripped, in order) that :func:`_line_label` may label.

    A superset, found without a Python loop over the lines: a line whose casefold is a
    widget label or opens with a cue (one ``\\n``-anchored search: the engine jumps from
    newline to newline), a line holding ``@``, a line with a licence cue near its start.
    """
    cue_line, cue_line_first = _line_finders()
    starts = {m.start() + 1 for m in cue_line.finditer(text)}  # after the newline
    if cue_line_first.match(text):
        starts.add(0)
    # A licence hit is a word's rare letter, at most _LICENCE_LEAD characters into it.
    finders, _ = _pivot_finders(_LICENCE_CUES, _LICENCE_PIVOTS)
    hits = [m.start() for char, finder in finders if char in text
            for m in finder.finditer(text)]
    if hits:
        starts |= _lines_of(text, sorted(hits), _LICENCE_REACH + _LICENCE_LEAD)
    if "@" in text:
        starts |= _lines_of(text, [m.start() for m in _AT.finditer(text)], len(text))
    lines = []
    for start in sorted(starts):
        m = _NONBLANK_LINE.search(text, start)
        if m is not None and (not lines or m.start() != lines[-1].start()):
            lines.append(m)
    return lines


def _lines_of(text: str, hits: list[int], reach: int) -> set[int]:
    """Starts of the lines of ``hits`` (ascending) that lie at most ``reach`` characters
    after their line's first non-space.

    Hits on one line share one backward search, so many hits on a long line stay linear.
    """
    out: set[int] = set()
    line_start = first = previous = -1
    for hit in hits:
        if previous < 0 or text.find("\n", previous, hit) >= 0:
            line_start = text.rfind("\n", 0, hit) + 1
            first = _NON_SPACE.search(text, line_start).start()
        previous = hit
        if hit - first <= reach:
            out.add(line_start)
    return out


@functools.cache
def _line_finders() -> tuple[re.Pattern, re.Pattern]:
    """A line whose casefold is a widget label or opens with a cue: after a newline, and
    at the start of the text (built on first use: the casefold tables and the long
    patterns cost more to build than a short text to clean)."""
    widgets = casefold_pattern(_WIDGETS, leading=True)
    cues = casefold_pattern(_CUE_WORDS, prefix=True, leading=True)
    first = "[\\d%s%s]" % (casefold_class(_CUE_FIRST, starting=True)[1:-1], "".join(
        re.escape(c) for c in casefold_sources(lambda folded: folded[0].isdecimal())))
    line = r"[^\S\n]*+(?:%s(?:[^\S\n]|:)*+(?=\n|\Z)|%s*+(?:%s|%s))" % (
        widgets, casefold_class(_CUE_LEAD), cues, first)
    return re.compile("\n" + line), re.compile(line)


_CUE_HEAD = 90  # the keyword cues of _LINE_CUE sit in a line's first 90 characters
_LONG_LINES = 400  # characters a line on average from which every line is tested instead


@functools.cache
def _pivot_finders(words: tuple[str, ...], pivots: str,
                   ) -> tuple[tuple[tuple[str, re.Pattern], ...], int]:
    """Searches for the casefolded ``words``, each keyed on one literal character (with
    that character), and how far into its word a match may start.

    Each word is found from its pivot, a letter rare in Vietnamese (``é``, ``x``: a search
    keyed on ``g`` would stop every few characters), one search for each character that
    casefolds to the pivot: a search that opens with a literal character skips ahead in C,
    where one opening with a class tests every character; a look-behind checks what comes
    before it.
    """
    finders = []
    lead = 0
    for word, pivot in zip(words, pivots):
        k = word.index(pivot)
        lead = max(lead, k)
        before, rest = casefold_pattern(word[:k]), casefold_pattern(word[k + 1:], prefix=True)
        for char in pivot + casefold_sources(pivot.__eq__):
            finders.append((char, re.compile("%s(?<=%s%s)%s" % (
                re.escape(char), before, re.escape(char), rest))))
    return tuple(finders), lead


_LICENCE_LEAD = max(cue.index(pivot) for cue, pivot in zip(_LICENCE_CUES, _LICENCE_PIVOTS))
_AT = re.compile("@")
_NONBLANK_LINE = re.compile(r"\S(?:[^\n]*\S)?")  # a stripped line, as nonblank_lines finds it
_NON_SPACE = re.compile(r"\S|\Z")


def _windows(text: str, anchors: list[int]) -> list[tuple[int, int]]:
    """Merged search windows around anchor hits, each kept inside its line."""
    windows: list[tuple[int, int]] = []
    for at in anchors:
        line_start = text.rfind("\n", max(0, at - _WINDOW_BEFORE), at) + 1
        end = text.find("\n", at, at + _WINDOW_AFTER)
        end = min(len(text), at + _WINDOW_AFTER) if end < 0 else end
        windows.append((max(line_start, at - _WINDOW_BEFORE), end))
    return _merge_spans(windows)


def _candidate_label(text: str, m) -> Label | None:
    """The label for one candidate match (``None`` when its check fails)."""
    group = m.lastgroup or ""
    start, end = m.span()
    if group == "widget_line":
        line = m.group().strip().rstrip(":").strip()
        return Label(start, end, "promo", _widget_rule(line))
    if group.startswith("phrase_"):
        rule = _PHRASES[int(group[7:])][0]
        if rule == "ad":
            lead = _sentence_start(text, start)
            if lead == start:  # no sentence start near: a fixture lead ("Liverpool - Man City 08.02 ")
                fixture = _FIXTURE.search(text, max(0, start - 60), start)
                lead = fixture.start() if fixture is not None else start
            start = lead
        return Label(start, end, "promo", f"promos.{rule}")
    if group == "subscribe":
        start = _prompt_start(text, start)
        return Label(start, end, "promo", "promos.subscribe", 0.9) if start >= 0 else None
    if group in ("contact_line", "hotline"):
        return Label(start, end, "promo", "promos.hotline")
    if group in ("counter", "form"):
        return Label(start, end, "promo", "promos.comments")
    if group == "licence" and _LICENCE_AUTHORITY.search(m.group()):
        return Label(start, end, "promo", "promos.licence")
    return None


_FIXTURE = regex.compile(r"\p{Lu}\w*[ \t]-[ \t]\p{Lu}\w*(?:[ \t]\p{Lu}\w*)?[ \t]\d{1,2}[./]\d{2}[ \t]*\Z",
                         regex.VERSION1)


def _first_pass(text: str, anchors: list[int]) -> list[Label]:
    """Context-free candidates: whole cue lines, and inline ones only near an anchor hit."""
    labels = _line_first_pass(text)
    seen = {(lab.start, lab.end) for lab in labels}
    for lo, hi in _windows(text, anchors):
        for m in _INLINE_CANDIDATES.finditer(text, lo, hi):
            label = _candidate_label(text, m)
            if label is not None and (label.start, label.end) not in seen:
                labels.append(label)
    if _SCHEME_END.search(text):
        hits = [m.start() for m in _URL.finditer(text)]
        for lo, hi in _merge_spans([(max(0, h - 130), h + 310) for h in hits]):
            labels += [Label(m.start(), m.end(), "promo", "promos.subscribe")
                       for m in _CALL_TO_URL.finditer(text, lo, min(hi, len(text)))]
    return labels


_URL = re.compile(r"https?://")
_SCHEME_END = re.compile("://")  # a literal search: faster than ``in`` on non-ASCII text


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fuse each span that starts inside or at the end of the one before into it."""
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def _widget_residues(text: str, labels: list[Label]) -> list[Label]:
    """Whole lines that are a widget once the glued widget text in them is gone."""
    out = []
    index = LineIndex(text)
    by_line: dict[tuple[int, int], list[Label]] = {}
    for lab in labels:
        by_line.setdefault(index.bounds(lab.start), []).append(lab)
    for (start, end), inner in by_line.items():
        if any(lab.start == start and lab.end == end for lab in inner):
            continue
        inner = [x for x in inner if x.end <= end]
        if not inner:
            continue
        pieces, pos = [], start
        for x in sorted(inner, key=lambda x: x.start):
            pieces.append(text[pos:x.start])
            pos = max(pos, x.end)
        pieces.append(text[pos:end])
        residue = " ".join(p.strip() for p in pieces if p.strip())
        if len(residue) > _LINE_MAX:
            continue  # a paragraph is left: never a widget or footer line
        if (not residue or _WIDGET_FULL.fullmatch(residue)
                or _FOOTER_STRONG.search(residue) or _LINE_CANDIDATES.fullmatch(residue)):
            first = inner[0]
            out.append(Label(start, end, "promo",
                             _widget_rule(residue or text[first.start:first.end])))
    return out


def _footer_labels(text: str, anchors: list[int]) -> list[Label]:
    """Footer blocks: strong cue lines, grown over the short weak-cue lines around them.

    Only lines holding an anchor hit can hold a strong cue, so only they are searched.
    """
    max_chars = _T["max_footer_line_chars"]
    window = _T["footer_window_lines"]
    # Is there a strong cue at all? Each hit's line is read only when it is short enough
    # (bounded look-around per hit, so many hits on one long line stay linear).
    any_strong = False
    for at in anchors:
        lo = text.rfind("\n", max(0, at - max_chars), at)
        if lo < 0 and at > max_chars:
            continue
        hi = text.find("\n", at, lo + 2 + max_chars)
        if hi < 0:
            hi = len(text)
        if hi - lo - 1 <= max_chars and _FOOTER_STRONG.search(text, lo + 1, hi):
            any_strong = True
            break
    if not any_strong:
        return []
    lines = text.split("\n")
    starts = list(accumulate(map(add, map(len, lines), repeat(1)), initial=0))  # C loops
    candidates = sorted({bisect.bisect_right(starts, at) - 1 for at in anchors})
    strong = [i for i in candidates
              if lines[i].strip() and len(lines[i]) <= max_chars and _FOOTER_STRONG.search(lines[i])]
    if not strong:
        return []
    keep: set[int] = set(strong)
    cued: dict[int, bool] = {}  # the walks from neighbouring strong lines read the same lines
    for i in strong:
        for step in (-1, 1):
            j, gap = i + step, 0
            reached = i  # the lines from i up to here are kept (i itself is strong)
            while 0 <= j < len(lines) and gap <= window:
                line = lines[j].strip()
                if not line:
                    j += step
                    continue
                if len(line) > max_chars:
                    break
                cue = cued.get(j)
                if cue is None:
                    cue = cued[j] = bool(_FOOTER_WEAK.search(line) or _FOOTER_STRONG.search(line))
                if cue:
                    for k in range(reached + step, j + step, step):
                        if lines[k].strip() and len(lines[k]) <= max_chars:
                            keep.add(k)
                    reached, gap = j, 0
                else:
                    gap += 1
                j += step
    labels = []
    for i in sorted(keep):
        line = lines[i]
        rule = "promos.copyright" if i in strong and _COPYRIGHT.search(line) else "promos.footer"
        labels.append(Label(starts[i], starts[i] + len(line), "promo", rule))
    return labels


_COPYRIGHT = regex.compile(r"©|Copyright|Bản quyền|rights reserved", _F)


def _contact_tails(text: str, labels: list[Label], anchors: list[int]) -> list[Label]:
    """The rest of a flattened line after an ad or call to action, when it is contact details."""
    tails: list[Label] = []
    max_tail = _T["max_contact_tail_chars"]
    starts = [lab.end for lab in labels if lab.rule in ("promos.subscribe", "promos.ad")]
    for lo, hi in _windows(text, anchors):
        starts += [m.start() for m in _CONTACT_START.finditer(text, lo, hi)]
    index = LineIndex(text)
    for anchor in sorted(set(starts)):
        _, line_end = index.bounds(anchor)
        if line_end - anchor > max_tail:
            continue
        tail = text[anchor:line_end]
        if not tail.strip():
            continue
        cues = {c.casefold() for c in _CONTACT_CUE.findall(tail)}
        if len(cues) >= _T["min_contact_cues"]:
            tails.append(Label(anchor, line_end, "promo", "promos.ad", 0.8))
    return tails


_SPONSOR_OPENERS = _tab_entries("promos_sponsor.txt")
_SPONSOR_OPENER = regex.compile("|".join(
    f"(?P<{tag}{i}>{p})" for i, (tag, p) in enumerate(_SPONSOR_OPENERS)), regex.VERSION1)
_CONCRETE = r"(?P<concrete>[\w.-]@[\w-]{1,63}\.\w|%s|https?://|www\.)" % _PHONE
_SPONSOR_CUE = regex.compile(
    r"%s|Hotline|Tổng đài|E-?mail|Website|Fanpage|Địa chỉ|Điện thoại|Trụ sở|Tòa nhà|Toà nhà"
    r"|\bFax\b|Liên hệ|liên hệ" % _CONCRETE, regex.VERSION1)
# Literal cues of a contact tail: a text whose end holds none skips the sponsor rule
# (substring tests in C; a regex gate costs more than the rule).
_SPONSOR_GATE = ("@", "://", "www.", "Điện thoại", "Hotline", "iên hệ")
_SPONSOR_LABEL = regex.compile(r"[^\n]{1,30}:[ \t]*")
_TAIL_READ = 2000  # only the end of a text can hold a sponsor tail
# Runs of what str.strip() takes (str.isspace: every such character is below U+3001),
# measured in place instead of copying the text to strip it.
_ISSPACE = "".join(re.escape(c) for c in map(chr, range(0x3001)) if c.isspace())
_SPACE_BEFORE = regex.compile("[%s]*+" % _ISSPACE, regex.REVERSE)
_SPACE_AFTER = regex.compile("[%s]*+" % _ISSPACE)


def _sponsor_tail(text: str) -> list[Label]:
    """A company or sponsor blurb that ends the text, with its contact lines.

    The last lines that are contact details (an address, ``Trụ sở:``, phones, URLs) and,
    before them on the story's last line, a blurb that opens like one (``Công ty Cổ phần
    ...``, ``American Study chuyên luyện thi ...``, ``Tại Việt Nam, thương hiệu ...``) or a
    contact tail (``Hotline: ... Website: ...``). It goes only when the whole tail holds
    ``min_sponsor_cues`` contact cues, one of them a phone, e-mail or URL.
    """
    lo = max(0, len(text) - _TAIL_READ)
    tail = text[-_T["sponsor_gate_chars"]:]  # a tail ends in contact details: they sit here
    if not any(cue in tail for cue in _SPONSOR_GATE):
        return []
    end = _SPACE_BEFORE.match(text, 0, len(text)).start()  # len(text.rstrip()), no copy
    # Contact lines at the very end, bottom-up.
    block_start = end
    pos = end
    while pos > lo:
        line_start = text.rfind("\n", 0, pos) + 1
        line = text[line_start:pos].strip()
        if line and (len(line) > _T["max_sponsor_contact_line_chars"]
                     or not (_SPONSOR_CUE.search(line) or _SPONSOR_LABEL.fullmatch(line))):
            break
        if line:
            block_start = line_start
        pos = line_start - 1
    # The story's last line before them: an opener, else a contact tail in its end.
    last_end = _SPACE_BEFORE.match(text, 0, block_start).start()
    line_start = text.rfind("\n", 0, last_end) + 1
    region = max(line_start, last_end - _T["max_sponsor_blurb_chars"])
    start, need = -1, _T["min_sponsor_cues"]
    for m in _SPONSOR_OPENER.finditer(text, region, last_end):
        if _blurb_boundary(text, m.start(), line_start, m.lastgroup.startswith("strong")):
            start = m.start()
            if m.lastgroup.startswith("call"):
                need = 1
            break
    if start < 0:
        for m in _SPONSOR_CUE.finditer(text, region, last_end):
            if (m.group("concrete") is None and _blurb_boundary(text, m.start(), line_start, False)
                    and _enough_cues(text, m.start(), end)):
                start = m.start()
                break
    if start < 0 or not _enough_cues(text, start, end, need):
        return []
    if end - start > _T["max_sponsor_share"] * (end - _SPACE_AFTER.match(text, 0, end).end()):
        return []  # never most of a text (len(text.strip())): that is the story
    return [Label(start, end, "promo", "promos.sponsor", 0.8)]


def _enough_cues(text: str, start: int, end: int, need: int | None = None) -> bool:
    cues = list(_SPONSOR_CUE.finditer(text, start, end))
    return (len(cues) >= (need or _T["min_sponsor_cues"])
            and any(c.group("concrete") is not None for c in cues))


def _blurb_boundary(text: str, pos: int, line_start: int, strong: bool) -> bool:
    """True when ``pos`` opens a sentence: line start, after . ! ? … ) or glued to a word."""
    if pos <= line_start:
        return True
    before = text[pos - 1]
    if before in " \t\xa0":
        kept = text[max(line_start, pos - 4):pos].rstrip()
        return strong or (bool(kept) and kept[-1] in ".!?…:\"”)")
    return before in ".!?…:\"”)" or before.isalnum()


class StripPromos(BoilerplateCleaner):
    """Delete share/save/comment widgets, ads, subscribe prompts, hotlines and site footers.

    Widgets glued into a flattened body go, the story around them stays; a story sentence
    that merely mentions sharing or a phone number stays.

    >>> strip_promos("Lưu bài viết thành công Mưa lớn ở Hà Nội.")
    'Mưa lớn ở Hà Nội.'
    >>> strip_promos("Mưa lớn ở Hà Nội.\\nChia sẻ\\n© Bản quyền thuộc Báo X")
    'Mưa lớn ở Hà Nội.'
    >>> strip_promos("Bà Lan chia sẻ: gọi 0913 839 963 nếu cần.")
    'Bà Lan chia sẻ: gọi 0913 839 963 nếu cần.'
    >>> strip_promos("Học nghề ở Đức giúp người trẻ có việc làm ổn định, thu nhập tốt và cơ hội "
    ...              "định cư lâu dài; nhiều bạn đã chọn con đường này sau khi lỡ hẹn với đại học."
    ...              "Công ty Cổ phần ABC "
    ...              "chuyên tư vấn du học.Hotline: 096 167 5555Website: https://abc.vn")
    'Học nghề ở Đức giúp người trẻ có việc làm ổn định, thu nhập tốt và cơ hội định cư lâu dài; nhiều bạn đã chọn con đường này sau khi lỡ hẹn với đại học.'
    """

    name: ClassVar[str] = "strip_promos"
    kind: ClassVar[str] = "promo"

    def classify(self, text: str) -> list[Label]:
        anchors = [m.start() for m in _ANCHORS.finditer(text)]
        labels = _first_pass(text, anchors)
        if anchors:
            labels += _footer_labels(text, anchors)
        labels += _contact_tails(text, labels, anchors)
        labels += _sponsor_tail(text)
        if labels:
            labels += _widget_residues(text, labels)
        return join_line_labels(text, merge_labels(labels))


strip_promos = StripPromos()
