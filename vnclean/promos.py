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

import regex

from ._data import alternation, json_data, word_list
from .blocks import BoilerplateCleaner, Label

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
    "^(?:%s)" % "|".join(a.replace("(?P<", "(?P<", 1) for a in _ALTERNATIVES if "^" in a[:20]), _F)
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
_SENTENCE_END = regex.compile(r"[.!?…][\"”’)]?(?=[ \t]|$)")


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


_PROMPT_LEAD = regex.compile(r"(?:^|[.!?…])[ \t]{0,2}(\*{0,3}[ \t]{0,2})\Z|(\*{1,3}[ \t]{0,2})\Z", regex.M)


def _prompt_start(text: str, start: int) -> int:
    """Where a prompt found at ``start`` begins (taking a ``*`` lead), or -1 mid-sentence."""
    m = _PROMPT_LEAD.search(text, max(0, text.rfind("\n", 0, start) + 1, start - 8), start)
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


def _first_pass(text: str) -> list[Label]:
    """Context-free candidates: one label per regex match that passes its check."""
    labels: list[Label] = []
    matches = list(_LINE_CANDIDATES.finditer(text)) + list(_INLINE_CANDIDATES.finditer(text))
    for m in matches:
        group = m.lastgroup or ""
        start, end = m.span()
        if group == "widget_line":
            line = m.group().strip().rstrip(":").strip()
            labels.append(Label(start, end, "promo", _widget_rule(line)))
        elif group.startswith("phrase_"):
            rule = _PHRASES[int(group[7:])][0]
            if rule == "ad":
                start = _sentence_start(text, start)
            labels.append(Label(start, end, "promo", f"promos.{rule}"))
        elif group == "subscribe":
            start = _prompt_start(text, start)
            if start >= 0:
                labels.append(Label(start, end, "promo", "promos.subscribe", 0.9))
        elif group in ("contact_line", "hotline"):
            labels.append(Label(start, end, "promo", "promos.hotline"))
        elif group == "counter":
            labels.append(Label(start, end, "promo", "promos.comments"))
        elif group == "form":
            labels.append(Label(start, end, "promo", "promos.comments"))
        elif group == "licence":
            if _LICENCE_AUTHORITY.search(m.group()):
                labels.append(Label(start, end, "promo", "promos.licence"))
    if "://" in text:
        labels += [Label(m.start(), m.end(), "promo", "promos.subscribe")
                   for m in _CALL_TO_URL.finditer(text)]
    return labels


def _widget_residues(text: str, labels: list[Label]) -> list[Label]:
    """Whole lines that are a widget once the glued widget text in them is gone."""
    out = []
    for lab in labels:
        start, end = _line_bounds(text, lab.start)
        if start == lab.start and end == lab.end:
            continue
        inner = [x for x in labels if start <= x.start and x.end <= end]
        pieces, pos = [], start
        for x in sorted(inner, key=lambda x: x.start):
            pieces.append(text[pos:x.start])
            pos = max(pos, x.end)
        pieces.append(text[pos:end])
        residue = " ".join(p.strip() for p in pieces if p.strip())
        if (not residue or _WIDGET_FULL.fullmatch(residue)
                or _FOOTER_STRONG.search(residue) or _LINE_CANDIDATES.fullmatch(residue)):
            out.append(Label(start, end, "promo", _widget_rule(residue or text[lab.start:lab.end])))
    return out


def _footer_labels(text: str) -> list[Label]:
    """Footer blocks: strong cue lines, grown over the short weak-cue lines around them."""
    lines = text.split("\n")
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    max_chars = _T["max_footer_line_chars"]
    window = _T["footer_window_lines"]
    strong = [i for i, line in enumerate(lines)
              if line.strip() and len(line) <= max_chars and _FOOTER_STRONG.search(line)]
    if not strong:
        return []
    keep: set[int] = set(strong)
    for i in strong:
        for step in (-1, 1):
            j, gap = i + step, 0
            while 0 <= j < len(lines) and gap <= window:
                line = lines[j].strip()
                if not line:
                    j += step
                    continue
                if len(line) > max_chars:
                    break
                if _FOOTER_WEAK.search(line) or _FOOTER_STRONG.search(line):
                    for k in range(min(i, j), max(i, j) + 1):
                        if lines[k].strip() and len(lines[k]) <= max_chars:
                            keep.add(k)
                    gap = 0
                else:
                    gap += 1
                j += step
    labels = []
    for i in sorted(keep):
        line = lines[i]
        rule = "promos.copyright" if i in strong else "promos.footer"
        if i in strong and not regex.search(r"©|Copyright|Bản quyền|rights reserved", line, _F):
            rule = "promos.footer"
        labels.append(Label(starts[i], starts[i] + len(line), "promo", rule))
    return labels


def _contact_tails(text: str, labels: list[Label]) -> list[Label]:
    """The rest of a flattened line after an ad or call to action, when it is contact details."""
    tails: list[Label] = []
    max_tail = _T["max_contact_tail_chars"]
    anchors = [lab.end for lab in labels if lab.rule in ("promos.subscribe", "promos.ad")]
    anchors += [m.start() for m in _CONTACT_START.finditer(text)]
    for anchor in anchors:
        _, line_end = _line_bounds(text, anchor)
        tail = text[anchor:line_end]
        if not tail.strip() or len(tail) > max_tail:
            continue
        cues = {c.casefold() for c in _CONTACT_CUE.findall(tail)}
        if len(cues) >= _T["min_contact_cues"]:
            tails.append(Label(anchor, line_end, "promo", "promos.ad", 0.8))
    return tails


def _merge(labels: list[Label]) -> list[Label]:
    """Drop labels nested in an earlier one; keep the earliest of overlapping ones."""
    kept: list[Label] = []
    for lab in sorted(labels, key=lambda x: (x.start, -x.end)):
        if kept and lab.start < kept[-1].end:
            if lab.end > kept[-1].end:
                prev = kept[-1]
                kept[-1] = Label(prev.start, lab.end, prev.kind, prev.rule, prev.confidence)
            continue
        kept.append(lab)
    return kept


def _join_lines(text: str, labels: list[Label]) -> list[Label]:
    """Fuse labels of consecutive whole lines into one block (keeps the first line's rule).

    One edit per block deletes the block with its line breaks, wherever it sits.
    """
    out: list[Label] = []
    for lab in labels:
        if out:
            prev = out[-1]
            gap = text[prev.end:lab.start]
            if ("\n" in gap and not gap.strip() and _whole_line(text, prev)
                    and _whole_line(text, lab)):
                out[-1] = Label(prev.start, lab.end, prev.kind, prev.rule, prev.confidence)
                continue
        out.append(lab)
    return out


def _whole_line(text: str, lab: Label) -> bool:
    start = text.rfind("\n", 0, lab.start) + 1
    end = text.find("\n", lab.end)
    end = len(text) if end < 0 else end
    return not text[start:lab.start].strip() and not text[lab.end:end].strip()


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
    """

    name: ClassVar[str] = "strip_promos"
    kind: ClassVar[str] = "promo"

    def classify(self, text: str) -> list[Label]:
        labels = _first_pass(text)
        labels += _footer_labels(text)
        labels += _contact_tails(text, labels)
        labels += _widget_residues(text, labels)
        return _join_lines(text, _merge(labels))


strip_promos = StripPromos()
