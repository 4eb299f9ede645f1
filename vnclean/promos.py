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

from collections.abc import Callable, Iterable
from typing import ClassVar

import bisect
import functools
import re
import unicodedata
from itertools import accumulate, pairwise, repeat
from operator import add, attrgetter

import regex

from ._core import Recheck
from ._data import (LazyPattern, PiecedAlternation, alternation, compile_named, json_data,
                    named_list, tab_entries, trie, word_list, word_set)
from .blocks import (_NONBLANK, FORM_GROUP, LAST_NON_BLANK, Label, LineIndex, SettlingCleaner,
                     WarmUp, casefold_class, casefold_pattern, casefold_sources, expand_forms,
                     holds_at_letter, is_whole_line, join_line_labels, labels_to_edits,
                     last_non_space_end, lookup_key, lookup_set, merge_labels, nonblank_lines,
                     residue)
from .blocks import line_end as _line_end

__all__ = ["StripPromos", "holds_notice_cue", "is_publication_name", "recheck_footers",
           "strip_promos"]

_T = json_data("promos_thresholds.json")
_F = regex.IGNORECASE | regex.MULTILINE | regex.VERSION1


def _widget_rule(line: str) -> str:
    low = line.casefold()
    if "lưu" in low:
        return "promos.save_widget"
    if any(w in low for w in _COMMENT_WORDS):
        return "promos.comments"
    if any(w in low for w in _AD_WORDS):
        return "promos.ad"
    return "promos.share_widget"


_COMMENT_WORDS = ("bình luận", "ý kiến", "phản hồi", "góp ý", "comment", "nghĩ gì", "báo xấu",
                  "báo lỗi", "báo cáo", "báo vi phạm")
_AD_WORDS = ("quảng cáo", "tài trợ", "sponsored", "bài pr", "ads", "advertisement")


_PHRASES = tab_entries("promos_widget_phrases.txt")
_FOOTER = tab_entries("promos_footer.txt")

_EMAIL = r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}"
_PHONE = r"(?:\+?84|0)[ .]?\(?\d{1,4}\)?(?:[ .\-]?\d{2,4}){2,4}|1[89]00[ .]?\d{3,4}(?:[ .]?\d{1,4})?"
# An e-mail or web address after a contact label, matched without backtracking
# (possessive runs: each attempt must fail fast), case-sensitively with both cases
# spelled out (the regex module tries a caseless class with \w in it slowly).
_ADDRESS = (r"(?-i:(?>[\w.+-]{1,64}+@[\w-]{1,63}+(?:\.[\w-]{1,63}+){1,4}+"
            r"|(?:https?|HTTPS?)://\S{1,300}+|(?:www|WWW)\.[\w-]{1,63}+(?:\.[\w-]{1,63}+){1,4}+"
            r"|(?:[\w-]{1,63}+\.){1,4}+(?:vn|com|net|org|VN|COM|NET|ORG)\b))")
_WIDGET_LINES = expand_forms(word_list("promos_widget_lines.txt"))
_CONTACT_LABELS = expand_forms(word_list("promos_contact_labels.txt"))
_ROLES = expand_forms(word_list("promos_masthead_roles.txt"))
_CTA_VERBS = expand_forms(word_list("promos_cta_verbs.txt"))
_CTA_OPENERS = expand_forms(word_list("promos_cta_openers.txt"))
_CTA_TARGETS = expand_forms(word_list("promos_cta_targets.txt"))
# The targets that name a platform (where a publication is followed or its app is got).
_PLATFORMS = expand_forms(word_list("promos_cta_platforms.txt"))
# A station's hotline bar: each phone after its desk's or city's capitalised name and a dash
# between blanks, the pieces apart by a bar or a wide gap ("Hà Nội - 02437919191    TP. Hồ Chí
# Minh - 02839919191", "• MekongFM - 02838309090"); tried only on a line ending with a digit
# and holding such a phone (_DESK_PHONE_HINT), and found (_candidate_lines) only in a text
# holding a dash before a 0, and a wide gap, a bar or a bullet: the same lines either way.
_DESK_PHONE = (r"\p{Lu}[\p{L}\d.]*+(?:[ \t]\p{Lu}[\p{L}\d.]*+){0,4}[ \t][-–][ \t](?=0)"
               f"(?:{_PHONE})")
# (Two pieces at least, or one as a menu's bullet item: "Chị Lan - 0912 345 678" alone may be
# an appeal's contact in the story.)
_DESK_PHONES = regex.compile(rf"•[ \t]*+{_DESK_PHONE}"
                             rf"|{_DESK_PHONE}"
                             rf"(?:(?:[ \t]*\|[ \t]*|[ \t]{{3,}}){_DESK_PHONE}){{1,4}}",
                             regex.V1)
#: What a hotline bar's line must hold (the cheap test before _DESK_PHONES): a dash between
#: blanks, then a phone of nine to eleven digits ("- 02437919191", "- 0912 345 678").
_DESK_PHONE_HINT = re.compile(r"[ \t][-–][ \t]0\d{2,4}+[ .]?\d{3}[ .]?\d{3,4}(?!\d)")
# A person's name as a masthead writes it: capitalised words, an optional title before it.
_NAME = (r"(?:(?:TS|ThS|PGS|GS|NB|Nhà báo|Ông|Bà|(?:Phó )?Tổng biên tập)\.?(?:[ \t]?TS\.?)?"
         r"[ \t]+)?"
         r"\p{Lu}\p{L}*+(?:[ \t]+\p{Lu}\p{L}*+){1,4}")

# The context-free candidates that are whole lines; the group name is the rule.
#: A number and what it counts: "12 bình luận", "1.234 lượt xem", "13 Replies".
_COUNT = (r"(?:\d{1,6}|\d{1,3}(?:[.,]\d{3}){1,3})[ \t]*"
          r"(?:bình luận|Comments?|lượt (?:xem|đọc|thích|chia sẻ|trả lời)|views?|repl(?:y|ies))")
_ALTERNATIVES = [

        # A line that is only a widget label, with an optional count or colon, or a
        # button's "!" ("Lấy link!").
        r"(?P<widget_line>^[ \t]*(?:%s)[ \t]*[:!]?[ \t]*$)" % named_list(_WIDGET_LINES),
        # A contact label, then contact details: "Hotline: 0913 839 963", "Liên hệ quảng
        # cáo: 0912 345 678", "Fax: (024) 3943 5556", "Email: toasoan@bao.vn". A few words
        # may qualify the label; before an address (which opens with a word) a colon must
        # then close them.
        # (All but the label is case-sensitive: the regex module tries caseless classes
        # with \w in them slowly, and case cannot change what \w, digits or spaces take.)
        r"(?P<hotline>^[ \t*\-•]*(?:%s)(?-i:(?:[ \t]*/[ \t]*\w++){0,2}+"
        r"(?:(?:[ \t]+[\w ]{1,20}?)?[ \t]*:?[ \t]*\(?(?:%s)"
        r"|(?:[ \t]+[\w ]{1,20}?[ \t]*:|[ \t]*:?)[ \t]*%s)[^\n]{0,80})$)" % (
            named_list(_CONTACT_LABELS), _PHONE, _ADDRESS),
        # A masthead line: a newsroom role, a colon, names only ("Tổng biên tập: Nguyễn Văn A").
        r"(?P<masthead>^[ \t*\-•]*(?:%s)[ \t]*:[ \t]*(?-i:%s(?:[ \t]*[,;–-][ \t]*%s){0,4})?"
        r"[ \t]*$)" % (named_list(_ROLES), _NAME, _NAME),
        # A call to action: a verb aimed at the reader opens a short line (checked by
        # _call_to_action: it names a platform or app soon, and is no sentence).
        # (maybe after a polite opener: "Kính mời quý khách like fanpage ...")
        r"(?P<cta>^[ \t*\-•]*(?:(?:%s)[ \t]+)?(?:%s)(?=[ \t:])(?-i:[^\n]{1,%d})$)" % (
            named_list(_CTA_OPENERS), named_list(_CTA_VERBS), _T["max_cta_line_chars"]),
        # A line that is only contact details: "0985.57.88.55", "news@site.vn".
        # (The e-mail is matched case-sensitively: caseless, a letter that folds to two,
        # such as "İ", gives its run many ways to match, and a long run took minutes.)
        r"(?P<contact_line>^[ \t]*(?:%s|(?-i:%s))(?:[ \t]*[|,;/-][ \t]*(?:%s|(?-i:%s))){0,3}"
        r"[ \t]*$)" % (_PHONE, _EMAIL, _PHONE, _EMAIL),
        # View and comment counters standing alone: "Số lần xem: 169", "12 bình luận",
        # "1.234 lượt xem", maybe as an item of the page's bulleted meta row ("• 1211 Lượt
        # xem" under "• Thứ tư, 25/05/2022 |").
        # A row of them: "Lượt xem: 3.402 | Bình luận: 5". A rating widget: "Đánh giá bài
        # viết: ★★★★★ 4.8/5 (36 bình chọn)", "5/5 - (2 bình chọn)", "5 (1 vote)", "★★★★★".
        (r"(?P<counter>^[ \t]*(?:•[ \t]*)?(?:(?:Số lần (?:xem|đọc)|Lượt (?:xem|đọc|truy cập)|Hits)"
        r"[ \t]*:?[ \t]*\d[\d.,]{0,12}"
        r"(?:[ \t]*[|·•][ \t]*(?:Bình luận|Lượt thích|Lượt chia sẻ|Chia sẻ)[ \t]*:?[ \t]*"
        r"\d[\d.,]{0,12}){0,3}"
        # (or a forum's row of them, bars between: "13 Replies | 2,734 Views |")
        r"|%s(?:[ \t]*[|·•][ \t]*%s){0,3}(?:[ \t]*[|·•])?"
        r"|(?:Đánh giá(?: bài viết)?[ \t]*:[ \t]*)?[★☆]{0,10}[ \t]*(?:\d(?:[.,]\d)?"
        r"(?:[ \t]*/[ \t]*(?:5|10))?[ \t]*(?:-[ \t]*)?)?\(\d{1,6}[ \t]*"
        r"(?:bình chọn|lượt bình chọn|lượt đánh giá|đánh giá|votes?)\)"
        # Five rating stars alone (three are a section break), an optional score after.
        r"|[★☆]{5}(?:[ \t]*\d(?:[.,]\d)?(?:[ \t]*/[ \t]*(?:5|10))?)?)[ \t]*$)") % (_COUNT, _COUNT),
        # Comment-form messages: "Cần nhập đầy đủ Email", a blog engine's "Email của bạn sẽ
        # không được hiển thị công khai." and "Lưu tên của tôi, email, và trang web ...".
        r"(?P<form>^[ \t]*(?:Cần nhập đầy đủ|Vui lòng nhập|Bạn cần lựa chọn một tài khoản"
        r"|(?:Email|Thư điện tử) của bạn sẽ không được (?:hiển thị|công bố)|Các trường bắt buộc"
        r"|Lưu tên của tôi|(?:Bình luận|Ý kiến) của bạn sẽ (?:được|không được|phải được)"
        r"|(?:Bình luận|Ý kiến) sẽ (?:được|phải được) (?:biên tập|kiểm duyệt|duyệt|hiển thị))"
        r"[^\n]{0,120}$)",
        # The newsroom's address alone (its footer's other lines lost): "Tòa soạn: 268 Tô
        # Hiến Thành, Quận 10, TP.HCM", "Trụ sở tòa soạn: Số 2 Giảng Võ" (a number, a name).
        r"(?P<desk>^[ \t*\-•]*(?:Trụ sở[ \t]+)?T(?:òa|oà)[ \t]+soạn[ \t]*:[ \t]*"
        r"(?:Số[ \t]+)?\d[\w/.\-]{0,8}+,?[ \t]+(?-i:\p{Lu})[^\n]{0,140}$)",
        # A licence line: "Giấy phép số 13/GP-TTĐT ..." (must name a licence authority).
        r"(?P<licence>^[^\n]{0,60}?(?:Giấy phép|Số giấy phép|GPXB|Giấy phép hoạt động)[^\n]{0,%d}$)"
        % _T["max_footer_line_chars"],
    ]
# Line-anchored candidates, one by one in order: a line is tried only against those its
# cue allows (see _line_label); the first that matches is the one their alternation would
# find. Inline ones (glued widgets, prompts) are searched everywhere.
_LINE_PATTERNS = tuple(
    (regex.match(r"\(\?P<(\w+)>", a).group(1), LazyPattern("^(?:%s)" % a, _F))
    for a in _ALTERNATIVES if "^" in a[:20])

#: The inline candidates, one branch each, as (group, regex fragment) in the order their
#: alternation tries them: each widget phrase (``phrase_N``), then each subscribe, mailbox
#: or app prompt (all in ``subscribe``, which takes the rest of the line).
_INLINE_BRANCHES = (*((f"phrase_{i}", p) for i, (_, p) in enumerate(_PHRASES)),
                    *(("subscribe", p) for p in word_list("promos_subscribe.txt")))


def _inline_source(branches: Iterable[int]) -> str:
    """The alternation of the ``_INLINE_BRANCHES`` numbered ``branches`` (ascending), each
    phrase in its group and the prompts together in ``subscribe``, in their order."""
    phrases, prompts = [], []
    for k in branches:
        group, fragment = _INLINE_BRANCHES[k]
        if group == "subscribe":
            prompts.append(fragment)
        else:
            phrases.append(f"(?P<{group}>{fragment})")
    if prompts:
        phrases.append(r"(?P<subscribe>(?:%s)[^\n]{0,400})" % "|".join(prompts))
    return "|".join(phrases)


_INLINE_CANDIDATES = LazyPattern(_inline_source(range(len(_INLINE_BRANCHES))), _F)
#: The same alternation, searched in a window with only the branches that can match there:
#: one case-insensitive search of all of them tries each at every place.
_INLINE = PiecedAlternation(tuple(fragment for _, fragment in _INLINE_BRANCHES), _F,
                            source=_inline_source, whole=_INLINE_CANDIDATES)

# A call to action that ends in a URL: "Đăng ký tham dự tại đây: https://..." (only run
# on texts holding a URL; case-sensitive, so the verbs anchor the search).
_CALL_TO_URL = LazyPattern(
    # (the call and its colon in one sentence: "Văn phòng Đăng ký đất đai tỉnh. NGUYỄN HIỀN
    # Nguồn PLO: https://..." is a story's office, then the source line)
    # (or an advertiser's "for details" opener, then a polite call: "Thông tin chi tiết về
    # sản phẩm, vui lòng truy cập tại:"; the URL may stand alone on the next line; the
    # opener starts its line or a sentence: after a quote or a colon, 'Ông nói: "Chi tiết,
    # vui lòng xem tại: https://..."', the notice is quoted in a story)
    r"(?:\*{1,3}[ \t]{0,2})?(?:%s|(?<=(?:\A|\n|[.!?…][ \t])[ \t*]{0,5})"
    r"(?:%s)[^\n:.!?]{0,60}?[ \t]+(?:%s))"
    r"(?:(?![.!?…][ \t]+\p{Lu})[^\n:]){0,80}?[ \t]*:[ \t]*(?:\n[ \t]*(?=https?://))?"
    r"https?://[^\s]{1,300}"
    % (named_list(word_list("promos_call_to_url.txt")),
       named_list(word_list("promos_details_leads.txt")),
       named_list(word_list("promos_details_calls.txt"))), regex.VERSION1)
_LICENCE_AUTHORITY = regex.compile(r"GP|BTTTT|TT&TT|Bộ Thông tin|Cục Báo chí|TTĐT|cấp ngày", _F)
# The authorities of a press licence: what a licence line must name when it reads as a
# story sentence ("Bộ Công Thương đã thu hồi giấy phép số 12/GP-BCT ..." is story). Since
# 2025 the Ministry of Culture, Sports and Tourism licenses the press: ``20/GP-BVHTTDL``.
_PRESS_AUTHORITY = regex.compile(
    r"BTTTT|TT&TT|TT-TT|TTĐT|BVHTTDL|Bộ Thông tin|Cục Báo chí|Thông tin và Truyền thông"
    r"|Bộ Văn hóa, Thể thao và Du lịch", _F)
_FOOTER_STRONG = LazyPattern(
    "|".join(p for tag, p in _FOOTER if tag in ("strong", "label")), _F)
_FOOTER_NOTICE = LazyPattern("|".join(p for tag, p in _FOOTER if tag == "strong"), _F)
_FOOTER_LABEL = regex.compile("|".join(p for tag, p in _FOOTER if tag == "label"), _F)
_FOOTER_WEAK = LazyPattern("|".join(p for tag, p in _FOOTER if tag == "weak"), _F)
# The same, each searched with only the cues whose pieces the stretch holds: notices, the
# strong cues (notices and labels), and every cue (strong, label or weak: only whether
# one is there is asked, so their order does not matter).
_NOTICES = PiecedAlternation(tuple(p for tag, p in _FOOTER if tag == "strong"), _F,
                             whole=_FOOTER_NOTICE)
_STRONG_CUES = PiecedAlternation(tuple(p for tag, p in _FOOTER if tag in ("strong", "label")),
                                 _F, whole=_FOOTER_STRONG)
_FOOTER_CUES = PiecedAlternation(
    tuple(p for tag, p in _FOOTER if tag in ("strong", "label", "weak")), _F)
_FOOTER_NAME = LazyPattern("|".join(p for tag, p in _FOOTER if tag == "name"), _F)
#: The names, to ask cheaply whether a line may hold one (:meth:`PiecedAlternation.may_match`).
_FOOTER_NAMES = PiecedAlternation(tuple(p for tag, p in _FOOTER if tag == "name"), _F,
                                  whole=_FOOTER_NAME)
_CONTACT_CUE = regex.compile(
    r"Hotline|Tổng đài|E-?mail|Website|\bWeb\b|Fanpage|Địa chỉ|Điện thoại|\bĐT\b|Zalo", _F)
#: A contact opener (searched in the windows around anchor hits only where its words are).
_CONTACT_START = PiecedAlternation(
    (r"Chi tiết liên hệ", r"Thông tin liên hệ", r"Mọi chi tiết (?:xin )?liên hệ",
     r"Liên hệ[ \t]*:"), _F)


_PROMPT_LEAD = regex.compile(r"(?:^|[.!?…])[ \t]{0,2}(\*{0,3}[ \t]{0,2})\Z|(\*{1,3}[ \t]{0,2})\Z", regex.M)


def _calls_for_entries(text: str, start: int, end: int) -> bool:
    """The prompt ``[start, end)`` calls for a contest's entries in a text about that contest
    (``promos_contest_words.txt`` in the prompt and above it): how to take part is the
    story's news (``Cuộc thi ảnh ... phát động`` / ``Bạn đọc có thể gửi ảnh dự thi qua
    email ...``).

    >>> text = "Cuộc thi ảnh Quê hương phát động.\\nBạn đọc gửi ảnh dự thi qua email."
    >>> _calls_for_entries(text, 34, len(text)), _calls_for_entries(text[34:], 0, len(text) - 34)
    (True, False)
    """
    return (_CONTEST_WORD.search(text, start, end) is not None
            and _CONTEST_WORD.search(text, 0, start) is not None)


_CONTEST_WORD = LazyPattern(rf"(?<!\p{{L}})(?:{trie(word_list('promos_contest_words.txt'))})"
                            rf"(?!\p{{L}})")


def _prompt_start(text: str, start: int) -> int:
    """Where a prompt found at ``start`` begins (taking a ``*`` lead), or -1 mid-sentence."""
    lo = max(0, start - 8)
    m = _PROMPT_LEAD.search(text, text.rfind("\n", lo, start) + 1 or lo, start)
    if m is None:
        return -1
    lead = m.group(1) if m.group(1) is not None else m.group(2)
    return start - len(lead)


_BROADCAST_GREETING = regex.compile(
    r"^[ \t]*(?:%s)\b[^\n.!?]{0,40}[.!][ \t]*\Z"
    % alternation(expand_forms(word_list("promos_broadcast_greetings.txt"))), _F)


def _opens_broadcast(text: str, start: int) -> bool:
    """The prompt at ``start`` follows a presenter's greeting on its line (``Kính chào quý
    vị và các bạn. Mời quý vị theo dõi bản tin ...``): a broadcast's script, the page's story.

    >>> _opens_broadcast("Kính chào quý vị. Mời quý vị theo dõi bản tin.", 18)
    True
    >>> _opens_broadcast("Giá vàng tăng. Mời quý vị theo dõi bản tin.", 15)
    False
    """
    line_start = text.rfind("\n", 0, start) + 1
    return line_start < start and _BROADCAST_GREETING.match(text, line_start, start) is not None


def _prompt_end(text: str, start: int, end: int) -> int:
    """Where a prompt's match ``[start, end)`` (the rest of its line) ends: at its first
    sentence's end when a story sentence follows on the line (a prompt inside a flattened
    body: ``Quý độc giả có thể gửi ý kiến về dự án cho tòa soạn. Dự án do Ban Quản lý ...``),
    else ``end`` (``... hộp thư: x@y.vn. Trân trọng cám ơn!``)."""
    stop = _SENTENCE_END.search(text, start, end)
    if stop is None:
        return end
    following = _sentence_at(text, _NON_BLANK.search(text, stop.end(), end + 1).start(), end)
    if following is None or not following[:1].isupper() or not _reads_as_story(following):
        return end
    return stop.end()


def _sentence_at(text: str, start: int, end: int) -> str | None:
    """The sentence that opens at ``start`` (up to its end mark, before ``end``), or
    ``None`` when no sentence ends there."""
    stop = _SENTENCE_END.search(text, start, end)
    return None if stop is None else text[start:stop.end()]


_SENTENCE_END = regex.compile(r"[.!?…][\"”]?+(?=\s|\Z)")
_NON_BLANK = regex.compile(r"[^ \t]|\Z")


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
    """One case-sensitive pattern of the anchors, as written and in UPPER case.

    Branched by letter (:func:`trie`: ``M(?:ời|ọi ý kiến|...)``), so the engine compares a
    few characters per position however many anchors share a first letter.
    """
    variants: set[str] = set()
    for anchor in word_list("promos_anchors.txt"):
        variants.update((anchor, anchor.upper()))
    return re.compile(trie(tuple(sorted(variants))))


_ANCHORS = _anchor_pattern()
_WIDGETS = frozenset(w.casefold() for w in _WIDGET_LINES)
_WIDGET_MAX = max(map(len, _WIDGETS)) + 2
# Lines worth the line-anchored pattern: their casefolded start holds one of these cues
# (after any of the lead characters), or their first 60 casefolded characters a licence cue.
_CUE_LEAD = " \t*-•"
#: The cue words by the line alternative they open (casefolded). No word of one is a
#: prefix of a word of another (tests/test_promos.py checks), so a line's start names one.
_CUE_GROUPS = {
    "hotline": tuple(dict.fromkeys(w.casefold() for w in _CONTACT_LABELS)),
    "masthead": tuple(dict.fromkeys(w.casefold() for w in _ROLES)),
    "cta": tuple(dict.fromkeys(w.casefold() for w in _CTA_VERBS + _CTA_OPENERS)),
    "counter": ("số lần xem", "số lần đọc", "lượt xem", "lượt đọc", "lượt truy cập", "hits",
                "đánh giá bài viết:", "★"),
    "form": ("cần nhập", "vui lòng nhập", "bạn cần lựa chọn", "các trường bắt buộc",
             "lưu tên của tôi", "bình luận của bạn sẽ", "ý kiến của bạn sẽ", "bình luận sẽ",
             "ý kiến sẽ"),
    "desk": ("tòa soạn", "toà soạn", "trụ sở tòa soạn", "trụ sở toà soạn"),
}
_CUE_WORDS = tuple(dict.fromkeys(w for words in _CUE_GROUPS.values() for w in words))
# What a digit-led line must open with to be a contact line or a counter (its cue only
# says it opens with a digit): a phone's start, or a count before "bình luận"/"Comments"/
# "lượt xem"/"views".
# The regex module, so its digits are the counter's own.
_DIGIT_LINE = regex.compile(
    r"\+?84|0|1[89]00|(?:\d{1,6}+|\d{1,3}+(?:[.,]\d{3}+){1,3}+)[ \t]*+[BbCcLlVvRr]"
    r"|\d(?:[.,]\d)?+(?:[ \t]*+/[ \t]*+\d\d?+)?+[ \t]*+(?:-[ \t]*+)?\(\d")
_LICENCE_CUES = ("giấy phép", "gpxb")
_LICENCE_PIVOTS = "éx"  # a rare letter of each licence cue: the searches key on it
_LICENCE_REACH = 60
_LICENCE_CUE = re.compile(r".{0,%d}?(?:%s)" % (_LICENCE_REACH, "|".join(_LICENCE_CUES)))
_LINE_CUE = re.compile(r"[ \t*\-•]*(?:%s|(?P<digit>[\d+(]))|(?P<licence>%s)" % ("|".join(
    "(?P<%s>%s)" % (group, "|".join(map(re.escape, words)))
    for group, words in _CUE_GROUPS.items()), _LICENCE_CUE.pattern))
#: The line alternatives each cue allows, in their order: a digit opens a contact line or
#: a counter, "@" anywhere a contact line, a contact label also a form message ("Email của
#: bạn sẽ không được hiển thị công khai."). A licence cue (a licence, tried last of all) is
#: looked for only once these fail. A widget label is a set lookup, done before.
_ALLOWED = {"hotline": {"hotline", "form"}, "masthead": {"masthead"}, "cta": {"cta"},
            "counter": {"counter"}, "form": {"form"}, "desk": {"desk"},
            "digit": {"contact_line", "counter"},
            "licence": set(), None: set()}
_DISPATCH = {(group, at): tuple(pattern for name, pattern in _LINE_PATTERNS
                                if name in allowed or at and name == "contact_line")
             for group, allowed in _ALLOWED.items() for at in (False, True)}
_LICENCE_PATTERN = dict(_LINE_PATTERNS)["licence"]
_ALL_LINE_PATTERNS = tuple(pattern for _, pattern in _LINE_PATTERNS)
_LINE_MAX = _T["max_footer_line_chars"] + 80
_WINDOW_BEFORE = 60
_WINDOW_AFTER = 420


def _line_first_pass(text: str) -> list[Label]:
    """Whole-line candidates: widget labels by set lookup, other cue lines by one pattern.

    The lines that can be either are found first by C-level searches over the whole text
    (:func:`_candidate_lines`); only they reach the per-line tests of :func:`_line_label`.
    A text of few long lines sends every line to those tests: cheaper than the searches;
    so does any text while the process has not yet built the searches' pattern and has
    tested fewer than ``_LINES_BEFORE_FINDER`` lines so (:func:`_finder_due`).
    """
    labels: list[Label] = []
    lines = text.count("\n") + 1
    # Few long lines (a flattened page): testing each line costs less than the searches.
    every_line = len(text) > _LONG_LINES * lines or not _finder_due(lines)
    for m in nonblank_lines(text) if every_line else _candidate_lines(text):
        label = _line_label(text, m)
        if label is not None:
            labels.append(label)
    return labels


def _line_label(text: str, m: re.Match) -> Label | None:
    """The label of one non-blank line (``m`` is its stripped text), if it is a cue line.

    A cue line behind a lead's agency prefix (``TTO - Hotline: 0909 123 456``) goes whole:
    strip_bylines, later in the pipeline, takes the prefix, and a second pass would find it.
    """
    label = _cue_line_label(text, m)
    if label is not None or not _may_open_agency(text, m.start()):
        return label
    prefix = _AGENCY_PREFIX.match(text, m.start(), m.end())
    if prefix is None:
        return None
    cue = _LINE_CUE.match(text[prefix.end():prefix.end() + _CUE_HEAD].casefold())
    if cue is None or cue.lastgroup not in _CUE_GROUPS:
        return None  # (as _line_finders finds them: a cue word right after the dash)
    # The text as the next pass reads it: the prefix blanked out (the lines around kept).
    blanked = text[:m.start()] + " " * (prefix.end() - m.start()) + text[prefix.end():]
    inner = _cue_line_label(blanked, _NONBLANK.match(blanked, prefix.end(), m.end()))
    if inner is None or inner.end < m.end():
        return None
    return Label(m.start(), m.end(), inner.kind, inner.rule, inner.confidence)


# A lead's agency prefix: a name in brackets, or an acronym (maybe a domain), then a dash:
# "(Dân trí) - ", "TTO - ", "VTV.vn – ", "(PLO)-". (_line_finders repeats it for re.)
_AGENCY_PAREN = r"\([^()\n]{2,30}+\)"
_AGENCY_ACRONYM = r"[A-ZĐ][A-ZĐ][A-ZĐ\d+&/]{0,10}+(?:\.[A-Za-z]{2,3}+)?+"
_AGENCY_PREFIX = re.compile(r"(?:%s|%s)[ \t]*+[-–—][ \t]*+(?=\S)" % (_AGENCY_PAREN,
                                                                      _AGENCY_ACRONYM))


def _may_open_agency(text: str, start: int) -> bool:
    """A line's first two characters may open an agency prefix (a bracket, two capitals)."""
    head = text[start:start + 2]
    return head[:1] == "(" or head.isupper()


def _cue_line_label(text: str, m: re.Match) -> Label | None:
    """The label of one non-blank line (``m`` is its stripped text), if it is a cue line.

    What the line alone decides (:func:`_line_plan`) is looked up; the text around it is
    read here: a sentence running on below a widget label, an ad's close, the line's match.
    """
    n = m.end() - m.start()
    if n > _LINE_MAX:
        return None  # a paragraph: not copied
    stripped = m.group()
    rule, rest = _line_plan_of(stripped) if n <= _KEPT_PLAN_CHARS else _line_plan(stripped)
    if rule is not None and not _sentence_runs_on_below(text, m.end()):
        return Label(m.start(), _ad_close_end(text, m.end(), rule), "promo", rule)
    if rest is None:
        return None
    if isinstance(rest, str):
        return Label(m.start(), m.end(), "promo", rest)
    return _first_line_match(text, m, rest)


def _line_plan(stripped: str) -> tuple[str | None, str | tuple | None]:
    """What a stripped line of at most ``_LINE_MAX`` characters is by itself, for
    :func:`_cue_line_label`: the rule of the widget label it is (``None``: none), and, for
    when it is none or a sentence runs on below it, the rule it goes by whole (a row of
    widget labels, a hotline bar), the line patterns to try in order, or ``None``."""
    n = len(stripped)
    rule = None
    if n <= _WIDGET_MAX + _WIDGET_MARK_MAX:
        label = _marked_widget(stripped)
        if label is not None:
            rule = _widget_rule(label)
    low = stripped.casefold() if n <= _WIDGET_MAX else stripped[:_CUE_HEAD].casefold()
    if n <= _WIDGET_ROW_MAX and is_widget_row(stripped):
        return rule, "promos.widget_row"
    cue = _LINE_CUE.match(low)
    at = "@" in stripped
    if cue is None and not at:
        if (stripped[-1:].isdigit() and _DESK_PHONE_HINT.search(stripped)
                and _DESK_PHONES.fullmatch(stripped)):
            return rule, "promos.hotline"  # a hotline bar
        return rule, None
    if len(low) != min(n, _CUE_HEAD):
        # A casefold that changed the length ("İ" to two characters) shifts what the cue
        # names: the line is tried against every alternative, as the whole alternation is.
        return rule, _ALL_LINE_PATTERNS
    group = cue.lastgroup if cue is not None else None
    if group == "digit" and not at and _DIGIT_LINE.match(stripped.lstrip(_CUE_LEAD)) is None:
        group = None  # neither a contact line nor a counter: only a licence is left to try
    patterns = _DISPATCH[group, at]
    if group == "licence" or _LICENCE_CUE.match(low):
        patterns += (_LICENCE_PATTERN,)
    return rule, patterns


#: How many distinct lines :func:`_line_plan_of` remembers the plans of, and how long they
#: may be (chrome: a few hundred kilobytes in all; a story's longer lines are worked out).
_PLAN_MEMORY = 1 << 13
_KEPT_PLAN_CHARS = 200


@functools.lru_cache(maxsize=_PLAN_MEMORY)
def _line_plan_of(stripped: str) -> tuple[str | None, str | tuple | None]:
    """:func:`_line_plan`, remembered: a plan depends on the line alone, and a site's
    widgets and footer lines come again on every page (``recheck_footers`` reads a text's
    lines again too)."""
    return _line_plan(stripped)


#: A widget label dressed by its page: in brackets (``[Quảng cáo]``), with a comment form's
#: required-field mark (``Tên *``) or a button's count (``Chia sẻ 0``), or, a label of
#: four words or more, with a closing period (``Bạn cần đăng nhập để bình luận.``).
_WIDGET_MARKED = re.compile(r"\[[ \t]*(.+?)[ \t]*\]|\([ \t]*(.+?)[ \t]*\)"
                            r"|(.+?)[ \t]+(?:\*|\d{1,6})|(\S+(?:[ \t]+\S+){3,})\.")
_WIDGET_MARK_MAX = 8
_WIDGET_MARK_ENDS = frozenset("]).*0123456789")  # the last characters _WIDGET_MARKED allows


def _marked_widget(stripped: str) -> str | None:
    """The widget label that the stripped line ``stripped`` is, as written or dressed
    (``_WIDGET_MARKED``); None when it is none.

    >>> _marked_widget("Tên *"), _marked_widget("[Quảng cáo]"), _marked_widget("Tên cô ấy")
    ('Tên', 'Quảng cáo', None)
    >>> _marked_widget("Lấy link!")
    'Lấy link'
    """
    bare = stripped.rstrip(": \t")
    if bare.casefold() in _WIDGETS:
        return bare
    if bare.endswith("!") and bare[:-1].rstrip().casefold() in _WIDGETS:
        return bare[:-1].rstrip()  # a button may shout: "Lấy link!"
    if not bare or bare[-1] not in _WIDGET_MARK_ENDS:
        return None
    m = _WIDGET_MARKED.fullmatch(bare)
    if m is None:
        return None
    label = next(g for g in m.groups() if g is not None).rstrip(": \t")
    return label if label.casefold() in _WIDGETS else None


def _first_line_match(text: str, m: re.Match, patterns: tuple) -> Label | None:
    """The label of the first of ``patterns`` that matches the whole line of ``m``."""
    lo = text.rfind("\n", 0, m.start()) + 1
    hi = text.find("\n", m.end())
    hi = len(text) if hi < 0 else hi
    if hi - lo > _LINE_MAX:
        return None
    for pattern in patterns:
        c = pattern.match(text, lo, hi)
        if c is not None:
            return _candidate_label(text, c)
    return None


def _candidate_lines(text: str) -> list[re.Match]:
    """The non-blank lines (stripped, in order) that :func:`_line_label` may label.

    A superset, found without a Python loop over the lines: a line whose casefold is a
    widget label or opens with a cue (one ``\\n``-anchored search: the engine jumps from
    newline to newline), a line holding ``@`` or a long number, a line with a licence cue
    near its start.
    """
    cue_line = _line_finder()
    starts = {m.start() + 1 for m in cue_line.finditer(text)}  # after the newline
    first_end = text.find("\n")  # (the first line read as if a newline came before it)
    if cue_line.match("\n" + (text if first_end < 0 else text[:first_end + 1])):
        starts.add(0)
    # A licence hit is a word's rare letter, at most _LICENCE_LEAD characters into it.
    finders, _ = _pivot_finders(_LICENCE_CUES, _LICENCE_PIVOTS)
    hits = [m.start() for char, finder in finders if char in text
            for m in finder.finditer(text)]
    if hits:
        starts |= _lines_of(text, sorted(hits), _LICENCE_REACH + _LICENCE_LEAD)
    if "@" in text:
        starts |= _lines_of(text, [m.start() for m in _AT.finditer(text)], len(text))
    if _may_hold_hotline_bar(text):
        phones = [m.start() for m in _DESK_PHONE_HINT.finditer(text)]
        if phones:
            starts |= _lines_of(text, phones, len(text))
    lines = []
    for start in sorted(starts):
        m = _NONBLANK.search(text, start)
        if m is not None and (not lines or m.start() != lines[-1].start()):
            lines.append(m)
    return lines


def _may_hold_hotline_bar(text: str) -> bool:
    """A hotline bar's dash before a phone, and its gaps, bars or bullets: plain substring
    tests. A one-character test (a scan in C that jumps to the character) goes first where it
    can: ``–`` before ``– 0``, and the bars and bullets before three spaces (the slowest scan:
    a needle of spaces stops at every space). The answer is that of
    ``("- 0" or "– 0") and ("   " or "•" or "|")``.

    >>> _may_hold_hotline_bar("Đường dây nóng - 0913 839 963 | Email")
    True
    >>> _may_hold_hotline_bar("Gọi - 0913 839 963")
    False
    """
    return ((_HYPHEN_ZERO.search(text) is not None or "–" in text and "– 0" in text)
            and ("•" in text or "|" in text or "   " in text))


#: ``"- 0" in text`` as a search that opens with a literal character: the engine skips
#: from hyphen to hyphen, where a three-character substring test stops at every space.
_HYPHEN_ZERO = re.compile("-(?= 0)")


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
def _line_finder() -> re.Pattern:
    """A line whose casefold is a widget label or opens with a cue, after a newline (built
    on first use: the casefold tables and the long pattern cost more to build than a short
    text to clean). No part of it reads past the line's end."""
    widgets = casefold_pattern(_WIDGETS, leading=True)
    cues = casefold_pattern(_CUE_WORDS, prefix=True, leading=True)
    # Digit-led lines that _DIGIT_LINE may take (its digits as \S: the regex module
    # knows digits that the stdlib does not).
    first = (r"\+?84|0|1[89]00|\d\S{0,14}?[ \t]*[BbCcLlVvRr]"
             r"|\d\S{0,6}?[ \t]*(?:-[ \t]*)?\(\d")
    # A cue may stand behind a lead's agency prefix ("TTO - Hotline: ..."): a name in
    # brackets or an acronym, then a dash (flat branches, each opening with a literal or a
    # class: the engine skips them on a line's first character).
    dash = r"[ \t]*+[-–—][ \t]*+(?:%s)" % cues
    # A row of widget labels ("Chia sẻ Bình luận", "Lưu | Chia sẻ"): its first label, then
    # a space or a bar; _widget_row reads the rest.
    row = r"[ \t|•·]"
    # A label may close with a period or be put in brackets (``_WIDGET_MARKED``).
    # Every branch opens with a non-space: the look-ahead fails a blank line at once.
    line = (r"[^\S\n]*+(?=\S)"
            r"(?:[\[(]?%s(?:(?:[^\S\n]|[:.!\])])*+(?=\n|\Z)|%s)|%s*+(?:%s|%s)|%s%s"
            r"|%s%s)" % (widgets, row, casefold_class(_CUE_LEAD), cues, first, _AGENCY_PAREN,
                         dash, _AGENCY_ACRONYM, dash))
    return re.compile("\n" + line)


_CUE_HEAD = 90  # the keyword cues of _LINE_CUE sit in a line's first 90 characters
#: Lines a process tests one by one before it builds :func:`_line_finder`: a line's tests
#: cost about 10 µs, building the finder about 0.1 s (0.12 s of a cold start's first
#: clean), so a process cleaning a few short texts never builds it and one cleaning many
#: builds it after its first few dozen texts. The labels are the same either way.
_LINES_BEFORE_FINDER = 2000
_FINDER_WARM_UP = WarmUp(_LINES_BEFORE_FINDER)  # lines still tested one by one


def _finder_due(lines: int) -> bool:
    """Whether a text of ``lines`` lines goes through :func:`_line_finder` (built now if it
    is not yet) rather than testing each line: once built, or once testing them would pass
    ``_LINES_BEFORE_FINDER`` lines tested one by one."""
    return bool(_line_finder.cache_info().currsize) or not _FINDER_WARM_UP.spend(lines)


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


def _reads_as_story(line: str) -> bool:
    """A full sentence of the story: it ends as a sentence does, holds at least
    ``story_sentence_min_words`` words and opens with no ``label:`` (``Địa chỉ: ...``).

    >>> _reads_as_story("Hotline 1900 9095 của Bộ Y tế trực 24/7 để giải đáp thắc mắc.")
    True
    >>> _reads_as_story("Hotline: 0901 234 567"), _reads_as_story("Địa chỉ: 14 Láng Hạ, Hà Nội.")
    (False, False)
    """
    line = line.strip()
    return (line[-1:] in _STORY_ENDS and ":" not in line[:_LABEL_REACH]
            and _STORY_WORDS.match(line) is not None)


_ABOVE_REACH = 600  # how far back the line above a line is looked for


def _answers_appeal(text: str, start: int) -> bool:
    """The contact line at ``start`` follows a story sentence that asks readers to report to
    someone (``Ai có thông tin đề nghị báo cho Cơ quan CSĐT ...``): its number is story.

    >>> _answers_appeal("Ai có thông tin đề nghị báo cho Công an huyện Đông Anh, Hà Nội.\\n"
    ...                 "Điện thoại: 069.2564.112", 64)
    True
    """
    line = _line_above(text, start)
    return _APPEAL.search(line) is not None and _reads_as_story(line)


def _line_above(text: str, start: int, reach: int = _ABOVE_REACH) -> str:
    """The last non-blank line before ``start``, stripped on the right, read at most
    ``reach`` characters back (bounded, so linear in any page)."""
    above = text[max(0, start - reach):start].rstrip()
    return above[above.rfind("\n") + 1:]


def _contacts_in_story(text: str, start: int, end: int) -> bool:
    """Contact lines the story gives its readers, with the story going on below them: the
    line above introduces them (it ends with ``:``, ``Thí sinh cần hỗ trợ liên hệ:``), or
    the contact names whose line it is (``Đường dây nóng của Bộ Y tế: 1900 9095``) under a
    story sentence; and a story sentence follows within ``contact_story_reach`` lines (a
    site's own contacts stand after the story's end, in a footer, or unnamed between
    paragraphs: ``Liên hệ quảng cáo: 0912 345 678`` goes)."""
    if _names_site_desk(text[start:end]) or _desk_below(text, end):
        return False  # "Hotline tòa soạn: ...": the site's list, wherever it stands
    low = max(0, start - _ABOVE_REACH)  # the lines above are read back to here only
    at = start
    line = _line_above(text, at)
    while _CONTACT_LINE.match(line):  # "Hotline: ..." / "Email: ..." above: the same list
        if _names_site_desk(line):
            return False
        at = text.rfind(line, low, at)
        line = _line_above(text, at, at - low)
    intro = line
    if line and not (_introduces(line) or _names_contacts(line) or _reads_as_story(line)):
        # a name or an address between: "Công ty TNHH Toyota Việt Nam"
        intro = _line_above(text, text.rfind(line, low, at), at - low)
    if _introduces(intro):
        return True
    if _names_contacts(intro):
        return _story_follows(text, end, _T["contact_story_reach"])
    if not line or not (_reads_as_story(line)
                        and _OWNED_CONTACT.match(text, start, end) is not None):
        return False
    return _story_follows(text, end, _T["contact_story_reach"])


def _introduces(line: str) -> bool:
    """A story line that introduces contacts: ``Khách hàng cần thêm thông tin có thể liên
    hệ:``; a footer's ``Liên hệ:`` is shorter, its ``Tel: ... Website:`` names a contact),
    or an appeal naming where to send help or papers (``Mọi sự giúp đỡ xin gửi về: ...``)."""
    if line.endswith(":") and len(line) > _CONTACT_INTRO_MIN:
        return _CONTACT_CUE.search(line) is None  # "Tel: ... Website:" is a contact itself
    return _APPEAL_TO.search(line) is not None


def _names_contacts(line: str) -> bool:
    """A sentence that names the contacts below it with a contact word, no value of its own
    (``Các số điện thoại cần liên hệ khi có tình huống khẩn cấp:``; ``Tel: ... Website:`` is
    a contact): an intro when the story goes on below the list (an ad's ``... vui lòng gọi
    số điện thoại sau:`` ends the page)."""
    return (line.endswith(":") and len(line) > _CONTACT_INTRO_MIN and ":" not in line[:-1]
            and _CONTACT_CUE.search(line) is not None)


def _names_site_desk(line: str) -> bool:
    """The contact line's label names the site's own desk (``Hotline tòa soạn:``, ``Đường
    dây nóng của Báo X:``; ``promos_site_contacts.txt``), not whose else it is."""
    colon = line.find(":", 0, _DESK_REACH)
    return colon > 0 and _SITE_DESK.search(line, 0, colon) is not None


def _desk_below(text: str, end: int) -> bool:
    """A line of the contact list below ``end`` names the site's desk."""
    for seen, m in enumerate(_NONBLANK.finditer(text, end)):
        line = m.group()
        if seen >= _RUN_MAX or not _CONTACT_LINE.match(line):
            return False
        if _names_site_desk(line):
            return True
    return False


_DESK_REACH = 60  # a contact label with its qualifier ends within this many characters
_RUN_MAX = 4  # contact lines of one list read below a line
_SITE_DESK = LazyPattern("|".join(word_list("promos_site_contacts.txt")), _F)


#: A contact line: a contact label or a phone number first (the lines of one contact list).
_CONTACT_LINE = regex.compile(r"(?i:hotline|đường dây nóng|điện thoại|email|e-mail|fax|website)"
                              r"|\+?\d[\d .]{6,}", regex.V1)
_CONTACT_INTRO_MIN = 20  # "Liên hệ:" alone heads a footer's contacts; a story's intro is longer
#: A contact label naming its owner: "Đường dây nóng của Bộ Y tế:", "Hotline của UBND tỉnh:".
_OWNED_CONTACT = regex.compile(r"[ \t]*+[^\n:]{0,30}?[ \t]của[ \t]++\p{Lu}[^\n:]{0,60}+:", regex.V1)

_APPEAL = compile_named(rf"(?i:{named_list(word_list('promos_appeal_cues.txt'))})", regex.V1)
_APPEAL_TO = compile_named(rf"(?i:{named_list(word_list('promos_appeal_to.txt'))})", regex.V1)


def _story_not_press(line: str) -> bool:
    """A story sentence that names no press authority, or reports on a licence: its
    licence or ``Cơ quan chủ quản`` cue is story (``Bộ Công Thương đã thu hồi giấy phép số
    12/GP-BCT ...``, ``Bộ TT&TT quyết định thu hồi giấy phép hoạt động của Tạp chí ...``),
    while a press licence written as a sentence is still a footer."""
    return _reads_as_story(line) and (_PRESS_AUTHORITY.search(line) is None
                                      or _LICENCE_NEWS.search(line) is not None)


#: Words of a report on a licence (``thu hồi``, ``đình chỉ``, ``xử phạt``): no footer's.
_LICENCE_NEWS = compile_named(r"(?<!\w)(?:%s)(?!\w)" % named_list(
    word_list("promos_licence_story_words.txt")), _F)


def _clause_after(line: str) -> bool:
    """A clause of the story goes on after the contact: ``Email: x@y.vn là địa chỉ mà các đối
    tượng dùng để lừa đảo.``"""
    return line.rstrip()[-1:] in _STORY_ENDS and _CLAUSE_AFTER.search(line) is not None


_CLAUSE_AFTER = LazyPattern(r"(?:%s|%s)[ \t]+\p{Ll}\S*+(?:[ \t]+\S+){3,}?[.!?…][\"”]?[ \t]*$"
                            % (_PHONE, _ADDRESS), regex.V1)
_STORY_ENDS = ".!?…\"”"
_LABEL_REACH = 30
_STORY_WORDS = re.compile(r"\W*+(?:\w++\W*+){%d}" % _T["story_sentence_min_words"])


def _sentence_runs_on_below(text: str, end: int) -> bool:
    """The line right under a label (no blank line between) goes on its sentence: it opens
    in lowercase (``Hotline`` / ``là từ mà ...``) or a clause of the story follows a phone
    number or address opening it (``Đường dây nóng:`` / ``0912 345 678 là số mà ...``)."""
    below = _LINE_BELOW.match(text, end)
    return below is not None and (below.group(1) is not None or _clause_after(below.group(2)))


def _ad_close_end(text: str, end: int, rule: str) -> int:
    """Where an ad label's line ending at ``end`` goes up to: past the ad overlay's close
    button alone on the line right under it (``Advertisements`` / ``X``); only there, since
    a lone ``X`` elsewhere may number a part. Other widget labels end at ``end``."""
    if rule != "promos.ad":
        return end
    close = _AD_CLOSE_BELOW.match(text, end)
    return close.end() if close is not None else end


_AD_CLOSE_BELOW = regex.compile(r"[ \t]*+\n[ \t]*+[Xx×✕✖][ \t]*+(?=\n|\Z)", regex.V1)


#: The line right under; group 1 when it opens with a lower-case word (no URL: ``https://``).
_LINE_BELOW = regex.compile(r"[ \t]*+\n[ \t]*+(?=(\p{Ll}++[ \t])?+)([^\n]++)", regex.V1)


#: A blog engine's comment-form heading alone on its line (WordPress's "Leave a Reply" in its
#: Vietnamese translation, maybe with its cancel link): it goes with the form's notice under it.
_REPLY_HEADINGS = frozenset({"Trả lời", "Trả lời Hủy trả lời", "Trả lời Huỷ trả lời"})


def _reply_heading_start(text: str, start: int) -> int:
    """Where a comment form's notice starting its line at ``start`` begins once the form's
    heading right above it (blank lines between) is taken too: ``Trả lời`` / ``Email của bạn
    sẽ không được hiển thị công khai.``; ``start`` when no such heading stands there.

    >>> text = "Hết.\\n\\nTrả lời\\n\\nEmail của bạn sẽ không được hiển thị công khai."
    >>> _reply_heading_start(text, text.index("Email"))
    6
    >>> text = "Trả lời\\nÔng An nói rõ.\\nEmail của bạn sẽ không được hiển thị công khai."
    >>> _reply_heading_start(text, text.index("Email")) == text.index("Email")
    True
    """
    end = start  # (the line above's end, past the blanks: no slice from the text's start)
    while end and text[end - 1] in " \t\n":
        end -= 1
    line_start = text.rfind("\n", 0, end) + 1
    if text[line_start:end].strip(" \t") in _REPLY_HEADINGS:
        return line_start
    return start


def _candidate_label(text: str, m) -> Label | None:
    """The label for one candidate match (``None`` when its check fails)."""
    group = m.lastgroup or ""
    start, end = m.span()
    if group == "widget_line":
        if _sentence_runs_on_below(text, end):
            return None  # "Đường dây nóng:" / "0912 345 678 là số mà ...": a story sentence
        line = m.group().strip().rstrip(":").strip()
        rule = _widget_rule(line)
        return Label(start, _ad_close_end(text, end, rule), "promo", rule)
    if group.startswith("phrase_"):
        rule = _PHRASES[int(group[7:])][0]
        opens_line = rule.endswith("_line")
        if opens_line:  # only a phrase opening its line
            if text[text.rfind("\n", 0, start) + 1:start].strip(" \t"):
                return None
            rule = rule[:-5]
        if _sentence_runs_on_below(text, end):
            return None  # "Thêm Báo Mới trên Google" / "là nút bấm ...": a story sentence
        if rule == "comments" and not opens_line and not _counter_stands_apart(text, start, end):
            return None  # "Tất cả bình luận (12) đều ủng hộ ...": a story sentence's words
        if rule == "ad":
            lead = _sentence_start(text, start)
            if lead == start:  # no sentence start near: a fixture lead ("Liverpool - Man City 08.02 ")
                fixture = _FIXTURE.search(text, max(0, start - 60), start)
                lead = fixture.start() if fixture is not None else start
            start = lead
        return Label(start, end, "promo", f"promos.{rule}")
    if group == "subscribe":
        start = _prompt_start(text, start)
        if start < 0 or _calls_for_entries(text, start, end) or _opens_broadcast(text, start):
            return None
        return Label(start, _prompt_end(text, start, end), "promo", "promos.subscribe", 0.9)
    if group in ("contact_line", "hotline"):
        if (group == "hotline" and (_reads_as_story(m.group()) or _clause_after(m.group()))
                or _answers_appeal(text, start) or _contacts_in_story(text, start, end)):
            return None  # "Hotline 1900 9095 của Bộ Y tế trực 24/7 để ...": story
        return Label(start, end, "promo", "promos.hotline")
    if group == "masthead":
        return Label(start, end, "promo", "promos.masthead")
    if group == "cta":
        if _call_to_action(m.group().strip(_CUE_LEAD)) and not _listed_advice(text, start):
            return Label(start, end, "promo", "promos.call_to_action")
        return None
    if group == "form":
        return Label(_reply_heading_start(text, start), end, "promo", "promos.comments")
    if group == "counter":
        if m.group().lstrip(" \t").startswith("•") and _bullets_introduced(text, start):
            return None  # "Kết quả sau một tuần:" / "• 5.000 lượt chia sẻ": the story's list
        return Label(start, end, "promo", "promos.comments")
    if group == "desk":
        return Label(start, end, "promo", "promos.footer")
    if group == "licence" and _LICENCE_AUTHORITY.search(m.group()) and not _story_not_press(
            m.group()) and not ((_reads_as_story(m.group()) or not _HAS_DIGIT.search(m.group()))
                                and _story_below(text, end)):
        # (a licence names its number or date; without one, with story below, it is a
        # headline: "Bộ Thông tin và Truyền thông cấp giấy phép cho mạng xã hội Lotus")
        if _story_after_cue(text, start, end):
            return None  # a flattened article after the licence on its line
        run_end = _cued_run_end(text, start, end)
        if _story_not_press(text[start:run_end]):
            return None  # a story sentence on a licence, chrome glued after it: "... xăng
            # dầu. Nguồn: Tuổi Trẻ" (the line as a whole ends as no sentence does)
        return Label(start, run_end, "promo", "promos.licence")
    return None


def _counter_stands_apart(text: str, start: int, end: int) -> bool:
    """A comment counter (``Bình luận (12)``) glued into a line is a widget piece only
    when no sentence runs through it: nothing or a capital, a separator or a symbol
    follows it (no lowercase word, no comma or period going on), and it opens a line,
    follows a sentence end or a capitalised label (a lowercase counter after a word, or
    any counter after a comma, is the story's: ``Trong đó, bình luận (12) của ...``)."""
    if _COUNTER_RUNS_ON.match(text, end) is not None:
        return False
    before = text[max(0, start - 2):start].rstrip(" \t")
    if not before or before[-1] == "\n":
        return True
    return before[-1] != "," and not (before[-1].isalnum() and text[start].islower())


#: What follows a counter inside a sentence: a lowercase word or a comma, period, colon.
_COUNTER_RUNS_ON = regex.compile(r"[ \t]*+(?:\p{Ll}|[,.;:])", regex.V1)


def _listed_advice(text: str, start: int) -> bool:
    """The line at ``start`` is an item of a list the story introduces: the line above
    ends with ``:`` and is neither short (a footer's ``Liên hệ:``) nor a prompt of its own
    (``Ngân hàng Nhà nước khuyến cáo người dân:`` / ``Tải ứng dụng ngân hàng từ kho chính
    thức``: advice, not the site's prompt)."""
    above = _line_above(text, start)
    return (above.endswith(":") and len(above) > _CONTACT_INTRO_MIN
            and _LINE_CUE.match(above.lstrip(_CUE_LEAD).casefold()) is None
            and _INLINE_CANDIDATES.search(above) is None)


def _bullets_introduced(text: str, start: int) -> bool:
    """The bulleted line at ``start`` is an item of a list the story introduces: the first
    line above its run of bulleted lines (read at most ``_BULLET_RUN_MAX`` up) ends with
    ``:`` as :func:`_listed_advice` reads it (``Kết quả sau một tuần:`` / ``• 5.000 lượt
    chia sẻ`` / ``• 1.200 bình luận``); a page's meta row under its title is no such list.

    >>> _bullets_introduced("Kết quả sau một tuần:\\n• 5.000 lượt chia sẻ\\n• 12 bình luận", 43)
    True
    >>> _bullets_introduced("Thực trạng cạnh tranh\\n• Thứ tư, 25/05/2022 |\\n• 1211 Lượt xem", 45)
    False
    """
    for _ in range(_BULLET_RUN_MAX):
        above = _line_above(text, start)
        if not above.lstrip(" \t").startswith("•"):
            return _listed_advice(text, start)
        start = text.rfind(above, 0, start)
    return False


_BULLET_RUN_MAX = 12


def _call_to_action(line: str) -> bool:
    """A line opened by a reader-aimed verb is a call to action when it names a platform or
    app within a few words of the verb, says little after it (a purpose, the site's name),
    stays short, asks nothing and is no sentence; or when it names a site and ends on the
    preposition its platform's icon followed (``Theo dõi Kenh14 trên``).

    >>> _call_to_action("Theo dõi Báo Nghệ An trên Google News")
    True
    >>> _call_to_action("Theo dõi Kenh14 trên"), _call_to_action("Theo dõi tình hình nêu trên")
    (True, False)
    >>> _call_to_action("Tải ứng dụng giả mạo, nhiều người bị lừa mất hàng trăm triệu đồng.")
    False
    >>> _call_to_action("Tải ứng dụng VNeID trên điện thoại như thế nào")
    False
    >>> _call_to_action("Đọc tin nhanh hơn trên ứng dụng Báo Mới. Tải ngay!")
    True
    >>> _call_to_action("Quét mã QR thanh toán tiền điện đang được nhiều hộ dân lựa chọn")
    False
    """
    button = _CTA_BUTTON.search(line)
    if button is not None:  # "... ứng dụng Báo X. Tải ngay!": judged without the button
        line = line[:button.start()]
    if not line or line[-1] in _NOT_CTA_ENDS or _SENTENCE_BREAK.search(line):
        return False
    purpose = _CTA_PURPOSE.search(line)
    if purpose is not None:  # "... trên Google News để cập nhật tin tức nhanh nhất"
        line = line[:purpose.start()]
    if _NAMED_CTA.fullmatch(line):
        return len(_WORD.findall(line)) <= _T["max_named_cta_words"]
    words = len(_WORD.findall(line))
    if words > _T["max_cta_words"]:
        return False
    if _ICON_TARGET.fullmatch(line):
        return True
    targets = list(_CTA_TARGET.finditer(line))
    return (bool(targets)
            and len(_WORD.findall(line, 0, targets[0].start())) <= _T["max_cta_words_before_target"]
            and len(_WORD.findall(line, targets[-1].end())) <= _T["max_cta_words_after_target"]
            and _QUESTION.search(line) is None)


_NOT_CTA_ENDS = ".,;…"
_SENTENCE_BREAK = regex.compile(r"[.!?…;][ \t]+\S")
#: A download button's words after the prompt, a sentence of their own (``. Tải ngay!``).
_CTA_BUTTON = LazyPattern(r"[.!]?[ \t]+(?:%s)[ \t]*[!.]?\Z" % named_list(
    expand_forms(word_list("promos_cta_buttons.txt"))), regex.IGNORECASE)
_WORD = regex.compile(r"\w+")
_CTA_TARGET = LazyPattern(r"\b(?:%s)\b" % named_list(_CTA_TARGETS), regex.IGNORECASE)
# The verb, a capitalised name of a few words, a preposition whose platform icon is gone.
_ICON_TARGET = LazyPattern(
    r"(?i:%s)[ \t]+\p{Lu}\S*+(?:[ \t]+\S++){0,%d}?[ \t]+(?:%s)[ \t]*:?" % (
        named_list(_CTA_VERBS), _T["max_icon_cta_name_words"] - 1,
        named_list(word_list("promos_cta_icon_ends.txt"))))
# A purpose after the platform, aimed at reading the news.
_CTA_PURPOSE = LazyPattern(r"[ \t]+để[ \t]+(?:%s)\b[^\n,;:?]{0,50}\Z" % named_list(
    expand_forms(word_list("promos_cta_purposes.txt"))), regex.IGNORECASE)
# The verb, a publication's name of any length (it opens with a capital and holds no
# sentence punctuation), then where to follow it: "Theo dõi Tạp chí Điện tử Kinh tế Việt Nam
# - Thời báo Kinh tế Việt Nam trên Google News".
_NAMED_CTA = LazyPattern(
    r"(?i:%s)[ \t]+\p{Lu}[^\n,;:.!?]*?[ \t](?:trên|tại|qua)[ \t]+(?i:%s)"
    r"(?:[ \t]*(?:,|và|hoặc|\|)[ \t]*(?i:%s))*[ \t]*:?" % (
        named_list(_CTA_VERBS), named_list(_PLATFORMS), named_list(_PLATFORMS)), regex.V1)
_QUESTION = compile_named(r"\?|\b(?:%s)\b" % named_list(word_list("promos_cta_questions.txt")),
                          regex.IGNORECASE)


_FIXTURE = regex.compile(r"\p{Lu}\w*[ \t]-[ \t]\p{Lu}\w*(?:[ \t]\p{Lu}\w*)?[ \t]\d{1,2}[./]\d{2}[ \t]*\Z",
                         regex.VERSION1)


def _first_pass(text: str, windows: list[tuple[int, int]], urls: list[int] | None = None,
                ) -> list[Label]:
    """Context-free candidates: whole cue lines, and inline ones only in the ``windows``
    around anchor hits (:func:`_windows`); calls to action near the ``urls`` (where each
    URL starts; found here when not given)."""
    labels = _line_first_pass(text)
    seen = {(lab.start, lab.end) for lab in labels}
    for lo, hi in windows:
        for m in _INLINE.finditer(text, lo, hi):
            label = _candidate_label(text, m)
            if label is not None and (label.start, label.end) not in seen:
                labels.append(label)
    if urls is None:
        urls = _url_starts(text)
    if urls:
        for lo, hi in _merge_spans([(max(0, h - 130), h + 310) for h in urls]):
            labels += [Label(m.start(), m.end(), "promo", "promos.subscribe")
                       for m in _CALL_TO_URL.finditer(text, lo, min(hi, len(text)))]
    return labels


#: Any blank (``str.isspace``: the stdlib's ``\\s`` on text is the same test).
_SPACE = re.compile(r"\s")


def _url_lines(text: str, labels: list[Label], urls: list[int]) -> list[Label]:
    """Lines that are one bare URL (``https://laodong.vn/...``): a source or share link.

    A URL the text introduces stays (the line above ends with ``:``, or with a lowercase word
    or comma: the sentence runs on into it), and so does one the sentence goes on after (the
    next line opens lowercase or with punctuation: a link the scraper put on its own line);
    but one that a subscribe or call-to-action prompt among ``labels`` introduces (``Kính mời
    Quý độc giả tìm đọc tại đây:``) is that prompt's link and goes with it, and so does one
    right under a share widget's line (``Lấy link``: the copy-link widget's value, whatever
    stands above the widget: a source line that strip_bylines takes later). Text that
    ``labels`` remove (a ``©.`` before the link, a ``Chia sẻ`` line above it) is read as
    gone already, so a second pass finds nothing more. ``urls``: :func:`_url_starts`.
    """
    out: list[Label] = []
    prompt_ends = {lab.end for lab in labels if lab.rule in _URL_PROMPT_RULES}
    widget_ends = {lab.end for lab in labels if lab.rule == "promos.share_widget"}
    label_ends = _cover_map(labels)
    for hit in urls:
        line_start = text.rfind("\n", 0, hit) + 1
        end = _line_end(text, hit)
        url = text[hit:end].rstrip()
        if (_SPACE.search(url) is not None
                or not _labelled(text, line_start, hit, label_ends)):
            continue
        above = _line_above(text, _above_labels(text, line_start, label_ends), _URL_CONTEXT)
        below = _NONBLANK.search(text, end)
        if ((_URL_INTRODUCED.search(above) is None or _prompt_above(text, line_start, widget_ends))
                and (below is None or _URL_CONTINUED.match(below.group()) is None)):
            out.append(Label(hit, hit + len(url), "promo", "promos.url_line"))
        elif prompt_ends and _prompt_above(text, line_start, prompt_ends):
            out.append(Label(hit, hit + len(url), "promo", "promos.subscribe"))
    return out


_URL_PROMPT_RULES = frozenset(("promos.subscribe", "promos.call_to_action"))


def _above_labels(text: str, line_start: int, label_ends: _Cover) -> int:
    """Where the text above ``line_start`` ends once the whole lines labels cover right
    above it are gone (``label_ends``: :func:`_cover_map` of the labels)."""
    while True:
        last = LAST_NON_BLANK.search(text, max(0, line_start - _URL_CONTEXT), line_start)
        if last is None:
            return line_start
        above_start = text.rfind("\n", 0, last.start()) + 1
        if not _labelled(text, above_start, last.end(), label_ends):
            return line_start
        line_start = above_start


_Cover = tuple[list[int], list[int]]


def _cover_map(labels: list[Label]) -> _Cover:
    """The labels' starts in order and, at each, the furthest end of the labels starting
    there or before: a label over several lines (``Copy link`` / ``Link bài gốc`` / ``Lấy
    link``) covers each of them, not only the line it starts on."""
    spans = sorted((lab.start, lab.end) for lab in labels)
    return [lo for lo, _ in spans], list(accumulate((hi for _, hi in spans), max))


def _labelled(text: str, lo: int, hi: int, label_ends: _Cover) -> bool:
    """``text[lo:hi]`` is blank, or labels cover all of it but its blank ends."""
    stretch = text[lo:hi]
    content = stretch.strip()
    if not content:
        return True
    start = lo + len(stretch) - len(stretch.lstrip())
    starts, reach = label_ends
    k = bisect.bisect_right(starts, start) - 1
    return k >= 0 and reach[k] >= start + len(content)


def _prompt_above(text: str, line_start: int, prompt_ends: set[int]) -> bool:
    """The line above ``line_start`` ends where a prompt label ends (its newline or not)."""
    lo = max(0, line_start - _URL_CONTEXT)
    last = LAST_NON_BLANK.search(text, lo, line_start)
    above_end = lo if last is None else last.end()
    return any(above_end <= end <= line_start for end in prompt_ends)


_URL_CONTEXT = 300
# The line above introduces the link or runs on into it.
# (A domain's ending, ``tienphong.vn``, is no word a sentence runs on with.)
_URL_INTRODUCED = regex.compile(r"(?::|,|(?<![\p{L}\d.])\p{Ll}[\p{L}\d]*+)[ \t]*\Z", regex.V1)
# The line below carries on the sentence the link sits in.
_URL_CONTINUED = regex.compile(r"[\p{Ll},.;:)\]]", regex.V1)


#: Where a scheme ends (``://``), as a search that opens with one literal character, the
#: slashes checked where it stops: faster than ``in`` or a search for the three characters
#: on non-ASCII text. (Its matches are the colons: two never overlap.)
_SCHEME_END = re.compile(":(?=//)")


def _url_starts(text: str) -> list[int]:
    """Where each ``http://`` or ``https://`` of ``text`` starts, in order.

    Found from the ``://`` each holds (a literal search for it runs at memory speed; one
    for ``https?://`` stops at every ``h`` of the text). Two of them never overlap: the
    scheme's letters hold no ``:`` or ``/``.

    >>> _url_starts("Xem https://a.vn hoặc http://b.vn, không ftp://c.vn hay ://d.vn")
    [4, 22]
    """
    starts = []
    for m in _SCHEME_END.finditer(text):
        at = m.start()
        if at >= 5 and text.startswith("https", at - 5):
            starts.append(at - 5)
        elif at >= 4 and text.startswith("http", at - 4):
            starts.append(at - 4)
    return starts


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fuse each span that starts inside or at the end of the one before into it."""
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def _residue_labels(text: str, labels: list[Label]) -> list[Label]:
    """What the lines that ``labels`` cover in part earn once those labels are gone.

    Glued widget text may hide what the rest of its line is: a widget or cue line, a call
    to action that now runs up to its URL, a prompt that now opens the line. Each such
    line's residue (exactly what deleting the labels leaves of it) gets the tests a second
    pass would give it: the whole line when the residue is a widget, footer or cue line;
    inline candidates near the seams, mapped back to the original. Repeated while a round
    finds more, so one pass leaves nothing for the next.
    """
    inline = [lab for lab in labels if not is_whole_line(text, lab)]
    if not inline:
        return []  # whole lines go whole: nothing is left of them
    out: list[Label] = []
    index = LineIndex(text)
    lines = sorted({index.bounds(lab.start) for lab in inline})
    firsts = [start for start, _ in lines]
    by_line: dict[tuple[int, int], list[Label]] = {line: [] for line in lines}
    for lab in labels:
        k = bisect.bisect_right(firsts, lab.start) - 1
        if k >= 0 and lab.start <= lines[k][1]:
            by_line[lines[k]].append(lab)
    for (start, end), inner in by_line.items():
        inner = [x for x in inner if x.end <= end]
        for _ in range(_RESIDUE_ROUNDS):
            found = _residue_round(text, start, end, merge_labels(inner))
            if not found:
                break
            out += found
            if found[-1].start == start and found[-1].end == end:
                break  # the whole line goes
            inner += found
    return out


_RESIDUE_ROUNDS = 4
_SEAM_BEFORE = 130  # how far before a seam a candidate may start (a call to action's verb)


def _residue_round(text: str, start: int, end: int, inner: list[Label]) -> list[Label]:
    """New labels for the line ``[start, end)`` from its residue after ``inner`` (merged)."""
    if not inner or any(is_whole_line(text, lab) for lab in inner):
        return []
    left = residue(text, start, end, inner)
    rest = left.text
    stripped = rest.strip()
    if len(stripped) > _LINE_MAX:
        whole = False  # a paragraph is left: never a widget or footer line
    else:  # nothing, a footer line (no story sentence after its notice), or a line a
        # second pass labels whole
        footer = (bool(stripped) and _strong_footer(stripped)
                  and not _story_after_cue(stripped, 0, len(stripped)))
        cut = _story_before_cue(stripped) if footer else 0
        if cut:  # story sentences before the footer stay, as a second pass keeps them
            lead = len(rest) - len(rest.lstrip())
            stop = lead + _cued_run_end(stripped, cut, len(stripped))
            rule = _footer_rule(rest, lead + cut, stop)
            return [left.original_label(Label(lead + cut, stop, "promo", rule))]
        whole = (not stripped or footer
                 or _line_label(rest, _NONBLANK.search(rest)) is not None)
    if whole:
        first = inner[0]
        return [Label(start, end, "promo", _widget_rule(stripped or text[first.start:first.end]))]
    # Inline candidates that a seam (a deleted span) lets match, near each seam.
    seen = {(lab.start, lab.end) for lab in inner}
    found: list[Label] = []
    seams = [at for at, _ in left.pieces[1:]]
    for lo, hi in _merge_spans([(max(0, at - _SEAM_BEFORE), min(len(rest), at + _WINDOW_AFTER))
                                for at in seams]):
        hits = []
        if _ANCHORS.search(rest, lo, hi):
            hits += [_candidate_label(rest, m) for m in _INLINE.finditer(rest, lo, hi)]
        if _SCHEME_END.search(rest, lo, hi):
            hits += [Label(m.start(), m.end(), "promo", "promos.subscribe")
                     for m in _CALL_TO_URL.finditer(rest, lo, hi)]
        hits = [h for h in hits if h is not None]
        hits += _contact_tails(rest, hits, [])
        for h in hits:
            mapped = left.original_label(h)
            if (mapped.start, mapped.end) not in seen and mapped.end > mapped.start:
                seen.add((mapped.start, mapped.end))
                found.append(mapped)
    return sorted(found, key=lambda lab: lab.start)


def _strong_footer(line: str) -> bool:
    """A line a footer grows from: a notice (``©``, ``Bản quyền thuộc ...``) anywhere, or a
    label cue (``Cơ quan chủ quản``, a licence) on a line that is no story sentence unless
    it names a press authority, nor a lettered clause of a list (``a) Số giấy phép, ngày
    cấp ...;``: a rule the story quotes, which no footer line is written as)."""
    if not _STRONG_CUES.may_match(line):
        return False
    if _footer_notice(line, 0, len(line)) is not None:
        return True
    return (bool(_FOOTER_LABEL.search(line)) and not _story_not_press(line)
            and not _LETTERED_CLAUSE.match(line))


#: A lettered clause of a list opening a line: ``a) ``, ``đ) `` (a law's or a rule's items).
_LETTERED_CLAUSE = regex.compile(r"[ \t]*+[a-zđ]\)[ \t]")


def _footer_notice(text: str, lo: int, hi: int) -> regex.Match | None:
    """The first notice in ``text[lo:hi]`` that the story does not say
    (:func:`_notice_in_story`)."""
    return next((notice for notice in _NOTICES.finditer(text, lo, hi)
                 if not _notice_in_story(text, notice, hi)), None)


def _notice_in_story(text: str, notice: regex.Match, end: int) -> bool:
    """A ``Bản quyền thuộc ...`` that the story says (no ``©`` or ``Copyright`` in its
    sentence): its sentence goes on after a comma (``Bản quyền thuộc về FIFA, giá khoảng 15
    triệu USD.``), or a story sentence with no footer cue follows it before ``end``.

    >>> line = "Bản quyền thuộc về FIFA, giá khoảng 15 triệu USD."
    >>> _notice_in_story(line, _FOOTER_NOTICE.search(line), len(line))
    True
    >>> line = "Bản quyền thuộc về Báo Tuổi Trẻ. Ghi rõ nguồn khi phát hành lại thông tin."
    >>> _notice_in_story(line, _FOOTER_NOTICE.search(line), len(line))
    False
    """
    if _inside_quote(text, notice.start()):
        return True  # 'Ông nói: "Bản quyền thuộc về tác giả ..."': a quoted speaker's words
    if _COPYRIGHT_SIGN.match(notice.group()):
        return _sign_in_story(text, notice, end)
    if _in_words(notice):  # "... giữ bản quyền nội dung trên website này"
        return _rights_holder(text, notice) is None
    if not _STORY_NOTICE.match(notice.group()):
        return False
    sentences = _split_sentences(text[notice.start():end])
    first = sentences[0]
    if _COPYRIGHT_SIGN.search(first):
        return False
    comma = min((at for at in (first.find(","), first.find(";")) if at >= 0), default=-1)
    if comma >= 0 and not _footer_cue(first[comma:]):
        return True
    return _holds_story_sentence(sentences[1:])


def _inside_quote(text: str, pos: int) -> bool:
    """A quotation opened on ``pos``'s line before it is still open there (an odd number of
    straight quotes, or more opening than closing curly ones).

    >>> _inside_quote('Ông nói: "Bản quyền thuộc về tác giả."', 10)
    True
    >>> _inside_quote('Bài "Mùa thu" đã đăng. © Báo X', 23)
    False
    """
    head = text[text.rfind("\n", 0, pos) + 1:pos]
    return head.count('"') % 2 == 1 or head.count("“") > head.count("”")


def _holds_story_sentence(sentences: list[str]) -> bool:
    """One of ``sentences`` is a story sentence with no footer cue in it."""
    return any(_reads_as_story(sentence) and not _footer_cue(sentence) for sentence in sentences)


def _sign_in_story(text: str, notice: regex.Match, end: int) -> bool:
    """A ``©`` or ``Copyright`` a story sentence names (``Bức ảnh © Reuters cho thấy ...``,
    ``Copyright (quyền tác giả) được bảo hộ ...``): its sentence reads as the story's, with
    at least ``story_sentence_min_words`` lower-case words and no year or other notice
    (a notice names a year, a site or a company: ``Copyright 2008 – Công ty cổ phần ...``).

    >>> line = "Theo luật, ký hiệu © không bắt buộc để tác phẩm được bảo hộ tại Việt Nam."
    >>> _sign_in_story(line, _FOOTER_NOTICE.search(line), len(line))
    True
    >>> line = "Copyright © 2024 Công ty cổ phần truyền thông Việt Nam. All rights reserved."
    >>> _sign_in_story(line, _FOOTER_NOTICE.search(line), len(line))
    False
    """
    reach = max(0, notice.start() - _T["max_footer_line_chars"])  # a footer's reach back
    before = _SENTENCE_START.search(text, reach, notice.start())
    start = before.end() if before else reach
    sentence = _sentence_at(text, start, end) or text[start:end]
    return (_reads_as_story(sentence) and _NOTICE_DETAIL.search(sentence) is None
            and len(_LOWERCASE_WORD.findall(sentence)) >= _T["story_sentence_min_words"])


def _notice_start(text: str, notice: regex.Match) -> int:
    """Where ``notice`` starts: a notice in words at its rights holder (``® Báo X giữ bản
    quyền ...``: the sign), every other one where its match does."""
    holder = _rights_holder(text, notice) if _in_words(notice) else None
    if holder is None:
        return notice.start()
    return holder.start() + len(holder.group()) - len(holder.group().lstrip())


def _in_words(notice: regex.Match) -> bool:
    """``notice`` is a rights notice in words (``giữ bản quyền ...``), no sign's or label's."""
    return notice.group()[:3].casefold() == "giữ"


def _rights_holder(text: str, notice: regex.Match) -> regex.Match | None:
    """Who holds the rights a notice in words claims (:data:`_RIGHTS_HOLDER`), read in the
    80 characters before it; ``None`` when no name stands there as its subject."""
    return _RIGHTS_HOLDER.search(text, max(0, notice.start() - 80), notice.start())


#: Who holds the rights, right before a notice in words (``... giữ bản quyền nội dung trên
#: website này``): the ``®`` sign and a name, or a capitalised name of one to six words
#: opening its line or sentence (``Công ty cho biết sẽ giữ ...`` is a story's).
_RIGHTS_HOLDER = regex.compile(
    r"(?:(?<![\p{L}\d])®[ \t]*+(?-i:\p{Lu})[^\n.!?®]{0,40}?"
    r"|(?:^|(?<=[.!?…][ \t]))[ \t]*+(?-i:\p{Lu})[\p{L}\d.&+-]*+"
    r"(?:[ \t]+(?-i:\p{Lu})[\p{L}\d.&+-]*+){0,5})[ \t]++\Z", regex.M | regex.V1)


#: What only a notice's sentence holds beside its sign: a year, rights, a company.
_NOTICE_DETAIL = regex.compile(
    r"(?<!\d)(?:19|20)\d\d(?!\d)|Bản quyền|rights|reserved|Công ty|Tập đoàn|JSC|Corp", _F)
_SENTENCE_START = regex.compile(r"[.!?…\n][\"”]?[ \t]*", regex.REVERSE | regex.V1)
_LOWERCASE_WORD = regex.compile(r"(?<!\w)\p{Ll}\w*", regex.V1)


def _footer_cue(text: str) -> bool:
    """Whether ``text`` holds any footer cue (strong, label or weak)."""
    return _FOOTER_CUES.search(text) is not None


def _split_sentences(text: str) -> list[str]:
    """``text`` cut after each sentence end followed by a space (each piece keeps its end).

    >>> _split_sentences("Bản quyền thuộc về FIFA. Người hâm mộ lo ngại.")
    ['Bản quyền thuộc về FIFA.', 'Người hâm mộ lo ngại.']
    """
    return [piece for piece in _SENTENCE_CUT.split(text.strip()) if piece]


#: The notice a story also says: ownership of rights ("Bản quyền thuộc về FIFA").
_STORY_NOTICE = regex.compile(r"Bản quyền thuộc", _F)
#: The marks only a notice carries.
_COPYRIGHT_SIGN = regex.compile(r"©|\bCopyright\b|\bAll rights reserved\b", _F)
_SENTENCE_CUT = regex.compile(r"(?<=[.!?…][\"”]?)[ \t]+")


def _footer_labels(text: str, anchors: list[int]) -> list[Label]:
    """Footer blocks: strong cue lines, grown over the short weak-cue lines around them;
    a story sentence above a footer ends its growth upwards (the story stands above it).

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
        if hi - lo - 1 <= max_chars and _STRONG_CUES.search(text, lo + 1, hi):
            any_strong = True
            break
    if not any_strong:
        return []
    lines = text.split("\n")
    starts = list(accumulate(map(add, map(len, lines), repeat(1)), initial=0))  # C loops
    candidates = sorted({bisect.bisect_right(starts, at) - 1 for at in anchors})
    strong = [i for i in candidates
              if lines[i].strip() and len(lines[i]) <= max_chars and _strong_footer(lines[i])
              and not (_story_shaped(lines[i]) and _story_below(text, starts[i + 1]))
              and not _story_after_cue(lines[i], 0, len(lines[i]))]
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
                wrapped = (step > 0 and reached == j - 1 and line[:1].islower()
                           and not _story_not_press(lines[j - 1].strip() + " " + line))
                if (step < 0 and _reads_as_story(line) and not _strong_footer(line)
                        and not _footer_between(lines, j, window)):
                    break  # a story sentence above: the footer does not reach up over it
                if step > 0 and _reads_as_story(line) and not (wrapped or _footer_cue(line)):
                    break  # nor down over a story sentence that names nothing of a footer
                if wrapped:
                    cued[j] = True  # the footer line above wrapped onto this one
                cue = cued.get(j)
                if cue is None:
                    cue = cued[j] = _footer_cue(line) or bool(
                        _FOOTER_NAMES.may_match(line) and _FOOTER_NAME.match(line))
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
        rule = _footer_rule(line, 0, len(line)) if i in strong else "promos.footer"
        cut = _story_before_cue(line) if i in strong else 0
        end = _cued_run_end(line, cut, len(line)) if i in strong else len(line)
        labels.append(Label(starts[i] + cut, starts[i] + end, "promo", rule))
    return labels


def _footer_between(lines: list[str], i: int, window: int) -> bool:
    """Line ``i``, a footer's sentence-like line (its address: ``Tầng 5, Tòa nhà X, số 1
    phố Y, Hà Nội.``), holds a footer cue and the nearest line above it (within ``window``
    lines) is a short cue line that reads as no sentence (``Trụ sở Hà Nội``): it stands
    inside the footer, not in the story above it.

    >>> _footer_between(["Trụ sở Hà Nội", "", "Tầng 3, Tòa nhà A, số 1 phố B, Hà Nội."], 2, 6)
    True
    >>> _footer_between(["Ông A nói.", "Tầng 3 của tòa nhà bị cháy, khói bốc lên nghi ngút."], 1, 6)
    False
    """
    if not _footer_cue(lines[i]):
        return False
    above = next((line.strip() for line in reversed(lines[max(0, i - window):i])
                  if line.strip()), "")
    return bool(above) and (_footer_cue(above) or _footer_name(above)) \
        and not _reads_as_story(above)


def _footer_name(line: str) -> bool:
    """``line`` is a publication's name line heading its footer (``BÁO ĐIỆN TỬ X``, ``Báo X
    điện tử, trực thuộc Báo X``)."""
    return bool(_FOOTER_NAMES.may_match(line) and _FOOTER_NAME.match(line))


def _story_after_cue(text: str, pos: int, end: int) -> bool:
    """A story sentence (no footer cue in it) after the sentence of the first footer cue in
    ``text[pos:end]``: a footer line ends a page, so that line is the story's (an article
    flattened onto one line with a notice before its sentences; a footer there would take
    them all).

    >>> _story_after_cue("© Báo X. Nước ngập nhiều tuyến phố, giao thông ùn tắc kéo dài.", 0, 63)
    True
    >>> line = "© 2024 Báo X. Ghi rõ nguồn khi phát hành lại thông tin từ website này."
    >>> _story_after_cue(line, 0, len(line))
    False
    """
    cues = [cue for cue in (_footer_notice(text, pos, end), _FOOTER_LABEL.search(text, pos, end))
            if cue is not None]  # (a notice the story says is no cue: ``_notice_in_story``)
    if not cues:
        return False
    cue = min(cues, key=regex.Match.start)
    return _holds_story_sentence(_split_sentences(text[cue.end():end])[1:])


def _cued_run_end(text: str, start: int, end: int) -> int:
    """Where a footer piece glued into a line ends: after its first sentence and each next
    one that holds a footer cue, a site name or a contact cue; the first sentence without
    one (short story sentences after a flattened page's notice, another kind's chrome)
    stays, and all after it: ``Giấy phép số 298/GP-BTTTT. Kinh doanh Tứng hồng cước.``
    loses its licence only, as a second pass would read it.

    >>> line = "Giấy phép số 298/GP-BTTTT. Hotline: 0901 234 567. Nhà nông trúng mùa."
    >>> line[:_cued_run_end(line, 0, len(line))]
    'Giấy phép số 298/GP-BTTTT. Hotline: 0901 234 567.'
    """
    cuts = [m.start() for m in _SENTENCE_CUT.finditer(text, start, end)]
    if not cuts:
        return end
    for cut, after in zip(cuts, [*cuts[1:], end]):
        sentence = text[cut:after].strip()
        if sentence and not _footer_cued(sentence):
            return cut
    return end


def _footer_cued(sentence: str) -> bool:
    """A sentence of a footer piece: a footer cue, a site name, a contact cue or a
    copyright word in it."""
    return (_footer_cue(sentence) or _FOOTER_NAME.match(sentence) is not None
            or _CONTACT_CUE.search(sentence) is not None or _COPYRIGHT.search(sentence) is not None)


def _story_shaped(line: str) -> bool:
    """A line that is the story's when a story sentence follows it: a story sentence with
    no copyright word, or a ``Bản quyền thuộc ...`` with no ``©`` (``Bản quyền thuộc về
    FIFA.`` above the story that goes on about it)."""
    if _COPYRIGHT.search(line) is None:
        return _reads_as_story(line)
    return _STORY_NOTICE.search(line) is not None and _COPYRIGHT_SIGN.search(line) is None


def _story_below(text: str, pos: int) -> bool:
    """A story sentence with no footer cue among the next ``footer_window_lines`` lines
    after ``pos``: a sentence with a footer's words above it is the story's (``Theo luật sư
    X, ghi rõ nguồn khi trích dẫn là nghĩa vụ bắt buộc.``), a footer stands after the story."""
    return _story_follows(text, pos, _T["footer_window_lines"], cue_free=True)


def _story_follows(text: str, pos: int, reach: int, *, cue_free: bool = False) -> bool:
    """A story sentence (:func:`_reads_as_story`) among the next ``reach`` non-blank lines
    after ``pos``; with ``cue_free``, one that holds no footer cue."""
    for seen, match in enumerate(_NONBLANK.finditer(text, pos)):
        if seen >= reach:
            return False
        line = match.group()
        if _reads_as_story(line) and not (cue_free and _footer_cue(line)
                                          and _LICENCE_NEWS.search(line) is None):
            return True  # (a footer's words in a report: "Tổng biên tập ... bị đình chỉ")
    return False


def _story_subheading(text: str, label: Label) -> bool:
    """A comment word a story also uses as a subheading (``promos_comment_subheadings.txt``)
    alone on its line between two story sentences is the story's subheading (``Ý kiến`` /
    ``Chuyên gia giao thông cho rằng ...``): a comment widget stands after the story, over
    its form or its comments."""
    if label.rule != "promos.comments":
        return False
    line_start = text.rfind("\n", 0, label.start) + 1
    line_end = text.find("\n", label.end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    if line not in _COMMENT_SUBHEADINGS or text[label.start:label.end].strip() != line:
        return False
    below = _NONBLANK.search(text, line_end)
    return (_reads_as_story(_line_above(text, line_start)) and below is not None
            and _reads_as_story(below.group()))


_COMMENT_SUBHEADINGS = word_set("promos_comment_subheadings.txt")


def _long_line_tails(text: str, anchors: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each line too long for a footer (an article flattened onto one line)
    with an anchor hit within its last ``max_footer_line_chars`` characters: where a glued
    footer may end it. Each line once, in order."""
    max_chars = _T["max_footer_line_chars"]
    tails: list[tuple[int, int]] = []
    done = line_start = line_end = -1
    for at in anchors:
        if at < done:
            continue
        if not line_start <= at <= line_end:  # each line's bounds found once, not per hit
            line_start = text.rfind("\n", 0, at) + 1
            line_end = _line_end(text, at)
        if line_end - line_start <= max_chars or line_end - at > max_chars:
            continue  # a footer-sized line (_footer_labels), or far from its line's end
        done = line_end
        tails.append((line_start, line_end))
    return tails


def _flattened_notices(text: str, tails: list[tuple[int, int]]) -> list[Label]:
    """``promos.copyright``: a copyright notice glued at the end of a line too long for a
    footer (an article flattened onto one line; ``tails``: :func:`_long_line_tails`): from
    the notice to the line's end, when it starts within the line's last
    ``max_footer_line_chars`` characters, after a story sentence's end
    (:func:`_story_before_cue` on that stretch)."""
    max_chars = _T["max_footer_line_chars"]
    labels: list[Label] = []
    for line_start, line_end in tails:
        lo = line_end - max_chars
        notice = _footer_notice(text, lo, line_end)
        if notice is None or _story_after_cue(text, notice.start(), line_end):
            continue
        notice_start = _notice_start(text, notice)
        head_start = max(line_start, notice_start - max_chars)
        head = text[head_start:notice_start].rstrip()
        part = _footer_part(head, _ends_as_story)
        if part < 0 or part < len(head) and _lowercase_word_before(text, line_start,
                                                                   notice_start):
            continue  # (words after the story's last sentence run into the notice: story's)
        start = notice_start if part == len(head) else head_start + part
        end = _cued_run_end(text, start, line_end)
        labels.append(Label(start, end, "promo", "promos.copyright"))
    return labels


def _flattened_tail_pieces(text: str, tails: list[tuple[int, int]]) -> list[Label]:
    """A flattened page's tail: a press-named notice (``promos.copyright``: ``Bản quyền thuộc
    về Báo Người Lao Động``) or masthead (``promos.footer``: ``Báo Sài Gòn Giải Phóng - Cơ
    quan của Đảng bộ ...``) ending a line too long for a footer, within its last
    ``max_footer_line_chars`` characters (``tails``: :func:`_long_line_tails`), with the
    comment-form labels glued before it (``Ý kiến của bạn Gửi bình luận``: whole widget
    labels, each capitalised).

    Whatever stands before it (a sign-off, tags) may stay for other cleaners; with no widget
    label glued before it, the word before must not open in lowercase (mid-sentence: ``...
    ảnh của Báo Tuổi Trẻ - Cơ quan ...`` is a story's)."""
    max_chars = _T["max_footer_line_chars"]
    labels: list[Label] = []
    for line_start, line_end in tails:
        lo = line_end - max_chars
        piece = (_PRESS_NOTICE.search(text, lo, line_end)
                 or _FLAT_MASTHEAD.search(text, lo, line_end))
        if piece is None:
            continue
        rule = "promos.copyright" if piece.re is _PRESS_NOTICE else "promos.footer"
        widgets = widgets_before(text, line_start, piece.start())
        start = widgets[-1].start if widgets else piece.start()
        if not widgets and _lowercase_word_before(text, line_start, start):
            continue
        end = _cued_run_end(text, piece.start(), line_end)
        labels.append(Label(start, end, "promo", rule))  # one span: no space left between
    return labels


def _bare_masthead_end(text: str, end: int | None = None) -> list[Label]:
    """``promos.footer``: a paper's masthead (:data:`_FLAT_MASTHEAD`) or bare name ending a
    text whose last line is too long for a footer (a flattened page: ``... xã Ninh Hải. Hồng
    Vân Báo Ninh Bình điện tử``, with no anchor of the footer rules near it), after a
    sentence's end or a capitalised word (a sign-off, left to strip_bylines); ``... theo Báo
    Thanh Hóa`` runs on from a lowercase word and stays. Only the text's end is read (or
    what stands before ``end``)."""
    end = last_non_space_end(text) if end is None else end
    line_start = text.rfind("\n", 0, end) + 1
    if end - line_start <= _T["max_footer_line_chars"]:
        return []  # a footer-sized last line: the footer rules' own
    m = (_FLAT_MASTHEAD.search(text, end - _T["max_footer_line_chars"], end)
         or _FLAT_BARE_MASTHEAD.search(text, end - _BARE_MASTHEAD_REACH, end))
    if m is None or _lowercase_word_before(text, line_start, m.start()):
        return []
    return [Label(m.start(), end, "promo", "promos.footer")]


_BARE_MASTHEAD_REACH = 60  # a paper's bare name is short

# A footer cue of the labelled kind on a flattened page's end: a weak footer cue or a
# masthead role written with a capital and followed by its colon ("Tổng biên tập: X",
# "Địa chỉ: ..."), or a licence label ("Giấy phép số 1752/GP-BTTTT").
_FLAT_CUE_START = r"(?-i:(?=\p{Lu}))(?<![\p{L}\d])"  # a capital opening a word
_FLAT_FOOTER_CUE = LazyPattern(
    r"%s(?:(?P<colon>%s|%s)[ \t]*+:|(?P<licence>%s))" % (
        _FLAT_CUE_START, "|".join(p for tag, p in _FOOTER if tag == "weak"),
        named_list(_ROLES), _FOOTER_LABEL.pattern), _F)
#: Its licence labels alone: all it can find where no colon stands.
_FLAT_FOOTER_LABEL = regex.compile(
    r"%s(?P<licence>%s)" % (_FLAT_CUE_START, _FOOTER_LABEL.pattern), _F)
#: Each as an alternation of one branch, to ask cheaply whether a line's end may hold one.
_FLAT_CUES = PiecedAlternation((_FLAT_FOOTER_CUE.pattern,), _F, whole=_FLAT_FOOTER_CUE)
_FLAT_LABELS = PiecedAlternation((_FLAT_FOOTER_LABEL.pattern,), _F, whole=_FLAT_FOOTER_LABEL)


def _flattened_footer_run(text: str, end: int | None = None) -> list[Label]:
    """``promos.footer``: a site footer of labelled lines glued at the end of a text whose
    last line is too long for a footer (a flattened page: ``... xã hội. Tổng biên tập:
    Nguyễn Văn A Giấy phép số 1752/GP-BTTTT do Bộ Thông tin và Truyền thông cấp.``), with
    no copyright notice to anchor it: ``min_flat_footer_cues`` capitalised labelled cues
    (:data:`_FLAT_FOOTER_CUE`) or more within the line's last ``max_footer_line_chars``
    characters, each sentence from the first cue to the text's end holding a cue
    (:func:`_cued_run_end`), the first cue not run on from a lowercase word. What stands
    before the first cue (a sign-off) is left to other cleaners; the publication's name
    glued right before it goes with it (:func:`_name_before`: ``... Phương Liên Cổng Thông
    tin điện tử Chính phủ Tổng Giám đốc: ...``), unless a lowercase word runs into it. With
    ``end``, the line is read up to there (what a page-end piece after it leaves)."""
    end = last_non_space_end(text) if end is None else end
    line_start = text.rfind("\n", 0, end) + 1
    max_chars = _T["max_footer_line_chars"]
    if end - line_start <= max_chars:
        return []  # a footer-sized last line: the footer rules' own
    window = end - max_chars
    colon = text.find(":", window, end) >= 0
    cue = _FLAT_CUES if colon else _FLAT_LABELS
    if not cue.may_match(text[window:end]):
        return []  # (most long last lines: no piece of a cue in their end)
    cues = [m.start() for m in cue.whole.finditer(text, window, end)]  # each opens with a capital
    for start in cues[:len(cues) - _T["min_flat_footer_cues"] + 1]:
        if _cued_run_end(text, start, end) != end:
            continue
        lead = _name_before(text, line_start, start)
        if lead >= 0 or not _lowercase_word_before(text, line_start, start):
            return [Label(lead if lead >= 0 else start, end, "promo", "promos.footer")]
    return []


def _name_before(text: str, line_start: int, start: int) -> int:
    """Where the publication's name glued right before a flattened footer's first cue at
    ``start`` begins (a press word of ``promos_press_words.txt`` and at most
    ``max_flat_name_words`` more words: ``Cổng Thông tin điện tử Chính phủ``, ``Báo Lao
    Động``), with the widget labels glued before it (``Bình luận Báo Lao Động``); -1 when
    there is none or a lowercase word runs into it (``... đăng trên Báo X``: the story's).

    >>> line = "Giá tăng. Bình luận Báo Lao Động Tổng biên tập: A"
    >>> line[_name_before(line, 0, line.index("Tổng")):]
    'Bình luận Báo Lao Động Tổng biên tập: A'
    >>> _name_before("Bài được đăng trên Báo Lao Động Tổng biên tập: A", 0, 32)
    -1
    """
    name = _FLAT_NAME_BEFORE.search(text, max(line_start, start - _NAME_BEFORE_REACH), start)
    if name is None:
        return -1
    lead = name.start()
    widgets = widgets_before(text, line_start, lead)
    if widgets:
        lead = widgets[-1].start
    return -1 if _lowercase_word_before(text, line_start, lead) else lead


_NAME_BEFORE_REACH = 120  # characters before a footer's first cue read for the paper's name


def _flat_page_end(text: str, labels: list[Label], press: bool | None = None) -> list[Label]:
    """The pieces glued at the end of a flattened page's last line (too long for a footer),
    read from its end backwards until none is left, so that a second pass finds nothing
    more: widget labels (``promos_widget_lines.txt``: ``... cao tốc. Đọc bài gốc``,
    ``Theo Yonhap Soha.vn Liên hệ quảng cáo``) after anything but a lowercase word (their
    usual rules, a share widget's, a comment's or an ad's), a run of labelled footer lines
    (:func:`_flattened_footer_run`, only where no other label reaches past its start) and a
    paper's masthead or bare name (:func:`_bare_masthead_end`; at the text's very end it
    ran before the other rules, and only where ``press``: ``Báo`` stands in the text, tested
    here when not given); the labels the other rules put at the end are read past.

    >>> text = "Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu. " * 8 + "Đọc bài gốc"
    >>> [text[lab.start:lab.end] for lab in _flat_page_end(text, [])]
    ['Đọc bài gốc']
    """
    end = last_non_space_end(text)
    line_start = text.rfind("\n", 0, end) + 1
    out: list[Label] = []
    for _ in range(_END_ROUNDS):
        if end - line_start <= _T["max_footer_line_chars"]:
            break  # a footer-sized line: the line rules' own
        covering = [lab.start for lab in labels if lab.start < end <= lab.end]
        if covering:
            pieces = [Label(min(covering), end, "promo", "")]
        else:
            pieces = _end_widgets(text, line_start, end)
            if not pieces:
                pieces = [lab for lab in _flattened_footer_run(text, end)
                          if all(o.end <= lab.start or o.start >= lab.end for o in labels)]
            if not pieces and (press if press is not None else _holds_press(text)):
                pieces = _bare_masthead_end(text, end)
            if not pieces:
                break
            out += pieces
        first = min(lab.start for lab in pieces)
        last = LAST_NON_BLANK.search(text, line_start, first)
        end = last.end() if last else line_start
    return out


_END_ROUNDS = 6


def _end_widgets(text: str, line_start: int, end: int) -> list[Label]:
    """The widget labels glued right before ``end`` after a story sentence's end: as many
    as leave a sentence of at least ``min_end_widget_sentence_words`` words ending with
    ``.``, ``!`` or ``?`` right before the first of them (no ``./.`` end mark; a story
    sentence that ends on a widget's words stays: ``... đăng trên Facebook``). A row of
    ``min_glued_end_widgets`` labels or more may follow a short source or sign-off instead
    (:func:`_short_glue_before`: ``... năm tới. Theo Lao Động Copy link Link bài gốc``):
    the labels go, the source is left to strip_bylines. A bare URL ending the line right
    after the labels (a copy-link widget's value) goes with them.

    >>> text = "Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu. Theo Lao Động Lấy link https://x.vn/a"
    >>> [text[lab.start:lab.end] for lab in _end_widgets(text, 0, len(text))]
    ['Lấy link', 'https://x.vn/a']
    """
    url = _end_url(text, max(line_start, end - _URL_READ), end)
    stop = url.start() if url else end
    found = widgets_before(text, line_start, stop)
    if not found:
        return []
    tail = [Label(url.start(), end, "promo", found[0].rule)] if url else []
    for i in range(len(found) - 1, -1, -1):
        if _story_sentence_before(text, line_start, found[i].start):
            return found[:i + 1] + tail
    if (len(found) >= _T["min_glued_end_widgets"] or url) and _short_glue_before(
            text, line_start, found[-1].start):
        return found + tail
    return []


#: A bare URL ending a line, after a space: a copy-link widget's value.
_URL_TO_END = re.compile(r"(?:https?://|www\.)[^\s\"'<>]+\Z")
_END_URL = re.compile(r"(?<=[ \t])" + _URL_TO_END.pattern)  # (what _end_url finds)


def _end_url(text: str, lo: int, end: int) -> re.Match | None:
    """``_END_URL.search(text, lo, end)``, tried only where it can match: right after the
    last space or tab before ``end`` (no white space may follow it), not at every place.

    >>> _end_url("Mưa lớn. Lấy link https://x.vn/a", 0, 32).group()
    'https://x.vn/a'
    """
    space = max(text.rfind(" ", max(lo - 1, 0), end), text.rfind("\t", max(lo - 1, 0), end))
    return None if space < 0 else _URL_TO_END.match(text, space + 1, end)
_URL_READ = 300  # characters read back for it


def _short_glue_before(text: str, line_start: int, pos: int) -> bool:
    """A source or sign-off of at most ``max_end_widget_glue_words`` words, the first
    capitalised and none ending a sentence, stands right before ``pos`` after a story
    sentence's end (:func:`_story_sentence_before`)."""
    words = list(_GLUE_WORD.finditer(text, max(line_start, pos - _SENTENCE_READ), pos))
    for word in reversed(words[-_T["max_end_widget_glue_words"]:]):
        if word.group()[-1] in _STORY_ENDS:
            return False
        if word.group()[0].isupper() and _story_sentence_before(text, line_start, word.start()):
            return True
    return False


_GLUE_WORD = re.compile(r"\S+")


def _story_sentence_before(text: str, line_start: int, pos: int) -> bool:
    """A story sentence ends right before ``pos``: ``.``, ``!`` or ``?`` (no ``./.`` end
    mark) after at least ``min_end_widget_sentence_words`` words since the sentence end
    before it."""
    head = text[max(line_start, pos - _SENTENCE_READ):pos].rstrip()
    if head[-1:] not in (".", "!", "?") or head.endswith("/."):
        return False
    cut = max(head.rfind(". ", 0, -1), head.rfind("? ", 0, -1), head.rfind("! ", 0, -1))
    return len(head[cut + 1:].split()) >= _T["min_end_widget_sentence_words"]


_SENTENCE_READ = 300  # characters read back for the sentence before a page-end widget


def _is_action_label(label: str) -> bool:
    """A widget label that names an action in Vietnamese words (``Chia sẻ``, ``Lưu tin``,
    ``Bình luận``), not a platform's bare name (``Facebook``, ``Zalo``, ``Google News``),
    which a story sentence may list."""
    return any(word[0].islower() for word in label.split()[1:])


_CAPITALISED_WIDGETS = trie(tuple(sorted({w for w in _WIDGET_LINES if w[:1].isupper()})))
#: Two or more capitalised widget labels (``promos_widget_lines.txt``) glued one after
#: another, the last a whole word, a capital or the line's end after them (stdlib ``re``
#: from the trie's first letters: no lookbehind, the word before is tested apart).
_GLUED_WIDGET_ROW = LazyPattern(
    r"(?:%s)(?: (?:%s))+(?![^\W_])(?= *(?:[^\W\d_a-zà-ỹđ]|\n|$))"
    % (_CAPITALISED_WIDGETS, _CAPITALISED_WIDGETS), compile=re.compile)
_WIDGET_ROW_SPLIT = re.compile(_CAPITALISED_WIDGETS)
_CAPITALISED_WIDGET_MAX = max(len(w) for w in _WIDGET_LINES if w[:1].isupper())


def _glued_widget_rows(text: str) -> list[Label]:
    """``promos.share_widget`` (or its ``_widget_rule``): a row of widget labels glued between
    a flattened page's title and its lead (``Siêu mẫu nội y bị mắng khắp mạng xã hội Chia sẻ
    Lưu tin Bình luận TPO - ...``): two labels at least, one of them an action
    (:func:`_is_action_label`), each written with its capital, the next word opening with a
    capital; within ``max_head_widget_row_offset`` characters of its line's start (a title's
    length) and of the text's (the page's head: at its end the widgets are the tail rules'
    cue, :func:`_flat_page_end`, and the other cleaners' too), with no sentence's end before
    it on its line (a title holds none; a row after body sentences stays, as it would once
    a later step shortened the sentences before it below that reach).

    >>> text = "Hà Nội ngập sâu Chia sẻ Lưu tin Bình luận TPO - Mưa lớn kéo dài từ chiều qua."
    >>> [text[lab.start:lab.end] for lab in _glued_widget_rows(text)]
    ['Chia sẻ Lưu tin Bình luận']
    """
    out = []
    reach = _T["max_head_widget_row_offset"]
    first = _WIDGET_ROW_SPLIT.search(text, 0, reach + _CAPITALISED_WIDGET_MAX)
    if first is None or first.start() > reach:
        return out  # (no label opens within reach: no row does; a shorter search than the row's)
    for match in _GLUED_WIDGET_ROW.finditer(text, 0, 2 * reach):
        start = match.start()
        line_start = text.rfind("\n", 0, start) + 1
        if (start - line_start > reach or start > reach
                or start and (text[start - 1].isalnum() or text[start - 1] == "_")
                or _SENTENCE_THEN_MORE.search(text, line_start, start)):
            continue  # (a sentence before it on its line: no title's, a body's middle)
        row = match.group()
        if any(map(_is_action_label, _WIDGET_ROW_SPLIT.findall(row))):
            out.append(Label(start, match.end(), "promo", _widget_rule(row)))
    return out


#: A sentence's end (after a small letter or digit) with more words after it: what a
#: flattened page's title before its widget row never holds (``TP. HCM`` is no end).
_SENTENCE_THEN_MORE = regex.compile(r"(?<=[\p{Ll}\d])[.!?…][\"”’)]?[ \t]+\S", regex.V1)


def _glued_press_notices(text: str) -> list[Label]:
    """``promos.copyright``: a ``© Bản quyền thuộc Báo ...`` sentence glued anywhere in a
    line (:data:`_GLUED_PRESS_NOTICE`), with the footer-cued sentences after it
    (:func:`_cued_run_end`): the footer rules read a notice only on a footer-sized line or
    near a long line's end, so one at a flattened page's start or middle stayed, and was
    taken on a second pass once other chrome around it was gone. The story's sentences
    around it stay.

    >>> line = "© Bản quyền thuộc Báo điện tử Dân trí. Mưa lớn kéo dài khiến nhiều tuyến phố ngập."
    >>> [line[lab.start:lab.end] for lab in _glued_press_notices(line)]
    ['© Bản quyền thuộc Báo điện tử Dân trí.']
    """
    labels = []
    for m in _GLUED_PRESS_NOTICE.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        labels.append(Label(m.start(), _cued_run_end(text, m.start(), line_end), "promo",
                            "promos.copyright"))
    return labels


def widgets_before(text: str, line_start: int, pos: int) -> list[Label]:
    """Whole widget labels (capitalised, ``promos_widget_lines.txt``) glued one after another
    right before ``pos`` (back to ``line_start`` at most), nearest first.

    >>> text = "Mưa lớn. Chia sẻ Bình luận Nguồn: Tuổi Trẻ"
    >>> [text[lab.start:lab.end] for lab in widgets_before(text, 0, text.index("Nguồn"))]
    ['Bình luận', 'Chia sẻ']
    >>> text = "Mưa lớn. Chia sẻ:"
    >>> [text[lab.start:lab.end] for lab in widgets_before(text, 0, len(text))]
    ['Chia sẻ:']
    """
    out: list[Label] = []
    while True:
        head = text[max(line_start, pos - _WIDGET_MAX):pos].rstrip()
        words = head.split()
        found = None
        for k in range(min(len(words), _WIDGET_WORDS), 0, -1):
            if k > 1 and not _opens_label(words[-k]):
                continue  # (no label opens with that word)
            cand = " ".join(words[-k:])
            key = cand[:-1] if cand[-1] == ":" else cand  # "Chia sẻ:" (a row's label)
            if key[:1].isupper() and key.casefold() in _WIDGETS:
                found = cand
                break
        if found is None:
            return out
        start = text.rfind(words[-1], line_start, pos)
        for word in reversed(words[-k:-1]):
            start = text.rfind(word, line_start, start)
        if start < line_start or start > line_start and not text[start - 1].isspace():
            return out
        out.append(Label(start, LAST_NON_BLANK.search(text, line_start, pos).end(), "promo",
                         _widget_rule(found)))
        pos = start


def _lowercase_word_before(text: str, line_start: int, pos: int) -> bool:
    """The word right before ``pos`` on its line opens in lowercase (a sentence goes on)."""
    head = text[max(line_start, pos - 40):pos].rstrip()
    if not head or head[-1] in _STORY_ENDS or head[-1] in ")]":
        return False
    word = head.split()[-1]
    return word[0].islower() or word[-1] in ",;"


_WIDGET_WORDS = max(len(w.split()) for w in _WIDGETS)
_WIDGET_ROW_MAX = _WIDGET_MAX * 4
_ROW_SEPARATORS = re.compile(r"[ \t]*[|•·*][ \t]*|[ \t]+")  # "*": a form's required mark
_ROW_WORD = re.compile(r"[^ \t|•·*]+")  # a word between _ROW_SEPARATORS
#: The first words of the widget labels (casefolded): a label opens with one of them.
_LABEL_FIRST_WORDS = frozenset(label.split(" ")[0] for label in _WIDGETS)


def _opens_label(word: str) -> bool:
    """``word`` (a row's word) may open a widget label: capitalised, a label's first word."""
    return word[0].isupper() and word.casefold() in _LABEL_FIRST_WORDS


def is_publication_name(line: str) -> bool:
    """``line`` (stripped) names a publication, as its masthead prints it (the ``name`` cues
    of ``promos_footer.txt``: a paper, a portal, a station, an agency).

    >>> is_publication_name("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH HÀ GIANG")
    True
    >>> is_publication_name("Cổng thông tin điện tử tỉnh ra mắt giao diện mới, thân thiện hơn.")
    False
    """
    return _FOOTER_NAME.fullmatch(line) is not None


def is_widget_row(line: str, min_labels: int = 2) -> bool:
    """``promos.widget_row``: a line of ``min_labels`` or more widget labels and nothing
    else, each capitalised (``promos_widget_lines.txt``; a bar or a dot may stand between
    them).

    >>> is_widget_row("Chia sẻ Bình luận"), is_widget_row("Lưu | Chia sẻ | In bài")
    (True, True)
    >>> is_widget_row("Chia sẻ"), is_widget_row("Chia sẻ", 1)
    (False, True)
    >>> is_widget_row("Chia sẻ kinh nghiệm nuôi con", 1)
    False
    """
    bare = line.rstrip(": \t")
    first = _ROW_WORD.search(bare)
    if first is not None and not _opens_label(first.group()):
        return False  # (most lines: their first word opens no label)
    words = [w for w in _ROW_SEPARATORS.split(bare) if w]
    labels = i = 0
    while i < len(words):
        for k in range(min(len(words) - i, _WIDGET_WORDS), 0, -1):
            label = " ".join(words[i:i + k])
            if label[0].isupper() and label.casefold() in _WIDGETS:
                i += k
                labels += 1
                break
        else:
            return False
    return labels >= min_labels


_PRESS = named_list(word_list("promos_press_words.txt"))
#: A publication's name: capitalised words (digits, dots and ampersands inside).
_PRESS_NAME = r"\p{Lu}[\p{L}\d.&+-]*+(?:[ \t]+\p{Lu}[\p{L}\d.&+-]*+){0,7}"
#: "Bản quyền thuộc về Báo Người Lao Động" to the line's end (an optional ©, year, period).
_PRESS_NOTICE = compile_named(
    r"(?:©[ \t]*+)?(?:Bản quyền|BẢN QUYỀN)(?:[ \t]*+(?:©|\d{4}))*+[ \t]+(?:thuộc|THUỘC)"
    r"(?:[ \t]+(?:về|VỀ))?[ \t]+(?:%s)[ \t]+%s[ \t]*+\.?[ \t]*+\Z" % (_PRESS, _PRESS_NAME),
    regex.V1)
#: "© Bản quyền thuộc Báo điện tử Dân trí." as a whole sentence anywhere in a line: the sign
#: and a press owner's capitalised name (``trí`` of Dân trí, ``điện tử``) up to the period,
#: which no story sentence carries together.
_GLUED_PRESS_NOTICE = LazyPattern(
    r"(?<![\p{L}\d])©[ \t]*+(?:\d{4}[ \t]*+)?(?:Bản quyền|BẢN QUYỀN)[ \t]+(?:thuộc|THUỘC)"
    r"(?:[ \t]+(?:về|VỀ))?[ \t]+(?:%s)[ \t]+\p{Lu}[\p{L}\d&+-]*+"
    r"(?:[ \t]+(?:\p{Lu}[\p{L}\d&+-]*+|trí|điện tử)){0,6}+[ \t]*+\.(?=[ \t]|\Z)" % _PRESS,
    regex.V1)
#: A publication's name ending where a flattened footer's first cue starts: a press word,
#: then at most ``max_flat_name_words`` words (the first match is the leftmost).
_FLAT_NAME_BEFORE = compile_named(
    r"(?<![\p{L}\d])(?:%s)(?:[ \t]+[\p{L}\d.&+-]++){0,%d}?[ \t]*+\Z" % (
        _PRESS, _T["max_flat_name_words"]), regex.V1)
#: "Báo Sài Gòn Giải Phóng - Cơ quan của Đảng bộ ..." to the line's end, no sentence in it.
_FLAT_MASTHEAD = LazyPattern(
    r"(?<![\p{L}\d])(?:%s)[ \t]+%s[ \t]*+[-–—][ \t]*+(?:Cơ quan|CƠ QUAN)"
    r"(?:[ \t]+(?:ngôn luận|chủ quản|Trung ương|NGÔN LUẬN|CHỦ QUẢN|TRUNG ƯƠNG))?"
    r"[ \t]+(?:của|thuộc|CỦA|THUỘC)"
    r"[ \t]+\p{Lu}[^\n.!?;:,]{0,120}+\Z" % (_PRESS, _PRESS_NAME), regex.V1)
#: A paper's bare name ending a flattened page (``Hồng Vân Báo Ninh Bình điện tử``, ``Báo
#: Dân trí``): its capitalised words, ``trí`` of Dân trí, and ``điện tử``.
_FLAT_BARE_MASTHEAD = LazyPattern(
    r"(?<![\p{L}\d])(?:%s)[ \t]+\p{Lu}[\p{L}\d.&+-]*+"
    r"(?:[ \t]+(?:\p{Lu}[\p{L}\d.&+-]*+|trí)){0,4}+(?:[ \t]+điện tử)?[ \t]*+\Z" % _PRESS,
    regex.V1)


def _here_prompts(text: str) -> list[Label]:
    """``promos.here_prompt``: a short line that points the reader at a link the scraper
    dropped: a reader-aimed verb (``promos_here_verbs.txt``) opens it, perhaps after a
    label (``Thanh Niên TV: Xem highlight trận đấu tại đây``), and ``tại đây`` ends it
    with no sentence break between, at most ``max_here_prompt_words`` words. A story line
    that names the place opens with no such verb (``Người dân tập trung tại đây từ sáng
    sớm.``), and an item of a list the story introduces stays (:func:`_listed_advice`).

    >>> [text[lab.start:lab.end] for text in ["Mưa lớn.\\nXem chi tiết tại đây."]
    ...  for lab in _here_prompts(text)]
    ['Xem chi tiết tại đây.']
    >>> _here_prompts("Mưa lớn.\\nNgười dân tập trung tại đây.")
    []
    """
    out = []
    for m in _HERE_END.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if (_HERE_PROMPT.fullmatch(text, line_start, m.end()) is not None
                and len(text[line_start:m.end()].split()) <= _T["max_here_prompt_words"]
                and not _listed_advice(text, line_start)):
            out.append(Label(line_start, m.end(), "promo", "promos.here_prompt"))
    return out


#: A line's end pointing at a link: "... tại đây", "... tại đây.", "... tại đây:", also in
#: capitals as a link's text is often printed ("... TẠI ĐÂY.") (stdlib re: its literal
#: prefix search skips the text fast).
_HERE_END = re.compile(r"(?:tại đây|TẠI ĐÂY)[ \t]*[.!:…]?[ \t]*$", re.M)
#: The whole prompt line: an optional capitalised label and colon, or a paper's prefix
#: and its dash (``TTO - ``, ``(Báo X) - ``: strip_bylines would take it after this step and
#: leave the prompt opening the line), a reader-aimed verb (not "Xem xét", to consider),
#: then words with no sentence break up to "tại đây".
_HERE_PROMPT = LazyPattern(
    r"[ \t*\-•>]*+(?:(?-i:\p{Lu})[^\n:.!?]{0,%d}:[ \t]*+"
    r"|(?:\((?-i:\p{Lu})[^\n().!?]{0,30}\)|(?-i:\p{Lu})[\p{L}\d.]{1,15})[ \t]*+[-–][ \t]*+)?"
    r"(?:%s)(?![\p{L}\d])(?![ \t]+xét)"
    r"[^\n.!?;]*?tại đây[ \t]*[.!:…]?[ \t]*" % (
        _T["max_here_label_chars"], named_list(expand_forms(word_list("promos_here_verbs.txt")))),
    _F)


def _masthead_footer(text: str, labels: list[Label]) -> list[Label]:
    """``promos.footer``: the footer block around the last masthead line (``Tổng Giám đốc:
    Đỗ Tiến Sỹ``) when it ends the page with no copyright or licence line to anchor it:
    the footer-cued lines right above it (the station's or paper's name, ``Đài Tiếng nói
    Việt Nam``, a ``name`` cue of ``promos_footer.txt``; ``Địa chỉ: ...``) and those below
    it (and the lines between them). Only when at most ``footer_window_lines`` short lines
    follow it, none a story sentence: a masthead line the story goes on after is left to
    its own rule; the walk up stops at the first line with no footer cue.

    >>> text = ("Mưa lớn.\\nĐài Tiếng nói Việt Nam\\nTổng Giám đốc: Đỗ Tiến Sỹ\\n"
    ...         "Địa chỉ: 45 Bà Triệu")
    >>> [text[lab.start:lab.end] for lab in _masthead_footer(text, _first_pass(text, []))]
    ['Đài Tiếng nói Việt Nam', 'Địa chỉ: 45 Bà Triệu']
    """
    mast = [lab for lab in labels if lab.rule == "promos.masthead"]
    if not mast:
        return []
    last = max(mast, key=_START)
    max_chars, window = _T["max_footer_line_chars"], _T["footer_window_lines"]
    out: list[Label] = []
    pending: list[Label] = []  # uncued lines below, kept only when a cued line follows
    for seen, m in enumerate(_NONBLANK.finditer(text, last.end)):
        line = m.group()
        if seen >= window or len(line) > max_chars or (
                _reads_as_story(line) and not _footer_cue(line)):
            return []  # the page goes on: not its footer
        if _footer_line(line):
            out += pending + [Label(m.start(), m.end(), "promo", "promos.footer")]
            pending = []
        else:
            pending.append(Label(m.start(), m.end(), "promo", "promos.footer"))
    pos = text.rfind("\n", 0, last.start) + 1
    for _ in range(window):
        line = _line_above(text, pos)
        if not line.strip():
            break
        start = text.rfind(line, 0, pos)
        if len(line) > max_chars or _reads_as_story(line) or not _footer_line(line):
            break
        out.append(Label(start + len(line) - len(line.lstrip()), start + len(line), "promo",
                         "promos.footer"))
        pos = start
    return sorted(out, key=_START)


def _footer_line(line: str) -> bool:
    """A line of a footer block: a footer cue in it, a publication's name opening it, or a
    masthead line."""
    line = line.strip()
    return (_footer_cue(line) or _FOOTER_NAME.match(line) is not None
            or _MASTHEAD_LINE.match(line) is not None)


_MASTHEAD_LINE = dict(_LINE_PATTERNS)["masthead"]


def _follow_prompts(text: str) -> list[Label]:
    """``promos.call_to_action``: a follow prompt glued into a line (``Minh Nhật Theo dõi Dân
    trí trên Google News Tin liên quan ...``): a follow verb as written, a capitalised name,
    ``trên``/``tại``/``qua`` and a platform, then the line's end or a capitalised word (a
    heading glued after), maybe in brackets (the lead's agency prefix on a flattened page:
    ``... 09/02/2024 Theo dõi Báo Tây Ninh trên google news (BTN) - TP. Tây Ninh ...``;
    ``... trên Facebook (hoặc Zalo) ...`` goes on as a sentence). The word before it opens
    in uppercase or ends a sentence; a sentence that goes on (``..., độc giả sẽ ...``) or
    runs into it stays."""
    out: list[Label] = []
    for pos in _follow_verb_starts(text):
        m = _FOLLOW_PROMPT.match(text, pos)
        if m is not None:
            line_start = text.rfind("\n", 0, pos) + 1
            if not _lowercase_word_before(text, line_start, pos):
                out.append(Label(pos, m.end(), "promo", "promos.call_to_action"))
    return out


def _follow_verb_starts(text: str) -> list[int]:
    """Where the follow verbs stand in ``text``: verb by verb, each left to right and no
    two of one verb overlapping (what a loop of ``str.find`` finds), from searches keyed on
    a rare letter (:data:`_FOLLOW_FINDERS`).

    >>> _follow_verb_starts("Theo dõi Báo X trên Zalo. Follow us. Hãy theo dõi tin.")
    [0, 37, 26]
    """
    starts = []
    for pivot, finder, lead, size in _FOLLOW_FINDERS:
        if pivot not in text:
            continue  # (a one-letter test scans faster still)
        after = 0  # where the last occurrence of this verb ends
        for hit in finder.finditer(text):
            pos = hit.start() - lead
            if pos >= after:
                starts.append(pos)
                after = pos + size
    return starts


def _verb_finder(verb: str) -> tuple[str, re.Pattern, int, int]:
    """A search for ``verb`` that opens with its last letter outside ASCII (``õ`` of
    ``dõi``: rare in text; a search that opens with a literal character skips ahead in C,
    faster than ``str.find`` for the verb), or its first letter if it has none (``F`` of
    ``Follow``: no Vietnamese letter); the letters before that one in a look-behind, those
    after it in a look-ahead (one character taken a hit, so no hit hides another). With that
    letter, how far into the verb it stands, and the verb's length."""
    at = next((k for k in range(len(verb) - 1, -1, -1) if not verb[k].isascii()), 0)
    before, after = verb[:at + 1], verb[at + 1:]
    pattern = re.escape(verb[at]) + (f"(?<={re.escape(before)})" if at else "") + (
        f"(?={re.escape(after)})" if after else "")
    return verb[at], re.compile(pattern), at, len(verb)


_FOLLOW_VERBS = word_list("promos_follow_verbs.txt")
_FOLLOW_FINDERS = tuple(map(_verb_finder, _FOLLOW_VERBS))
_FOLLOW_PROMPT = LazyPattern(
    r"(?:%s)[ \t]+\p{Lu}[^\n,;:.!?]{0,60}?[ \t](?:trên|tại|qua|TRÊN|TẠI|QUA)[ \t]+(?i:%s)"
    r"(?:[ \t]*+(?:,|và|hoặc|\|)[ \t]*+(?i:%s))*+(?=[ \t]*+(?:\n|\Z|\(?+\p{Lu}))" % (
        named_list(_FOLLOW_VERBS), named_list(_PLATFORMS), named_list(_PLATFORMS)), regex.V1)


def _ends_as_story(head: str) -> bool:
    return head[-1:] in _STORY_ENDS


def _story_before_cue(line: str) -> int:
    """Where a strong footer cue's part of its line starts when story sentences come before
    it (a short article flattened onto one line with its footer glued at the end: only the
    footer goes, :func:`_footer_part`); 0 when the line is the footer's own.

    >>> line = ("Ông Bình cho biết xã sẽ hỗ trợ người dân khắc phục hậu quả sau bão, sửa "
    ...         "lại nhà cửa, trường học. Minh Anh © 2024 Báo Thanh Niên")
    >>> line[_story_before_cue(line):]
    '© 2024 Báo Thanh Niên'
    """
    notice = _footer_notice(line, 0, len(line))
    starts = [] if notice is None else [_notice_start(line, notice)]
    label = _FOOTER_LABEL.search(line)
    if label is not None:
        starts.append(label.start())
    if not starts or min(starts) == 0:
        return 0
    start = min(starts)
    head = line[:start].rstrip()
    part = _footer_part(head, _story_past_credit)
    if part < 0 and _BUILDER_CREDIT.match(line, start) and _reads_as_story(head):
        return start  # "Người dân ... trực tuyến. Phát triển bởi VNPT": one sentence
    return 0 if part < 0 else start if part == len(head) else part


#: A site builder's credit (its ``promos_footer.txt`` row, the strong one naming ``Phát
#: triển``): a story sentence before it on its line stays however short (no tagline of the
#: site's says a sentence of the story). (A data edit that drops the row matches nothing here:
#: the cases of promos.json then fail, not the import.)
_BUILDER_CREDIT = LazyPattern("|".join(p for tag, p in _FOOTER if tag == "strong"
                                       and "Phát triển" in p) or "(?!)", _F)


def _story_past_credit(head: str) -> bool:
    """The story before a footer cue (:func:`_reads_as_story`), read past a photo credit or
    source label that opens it (``Ảnh: Mạnh Quân ...``, ``Nguồn: Tuổi Trẻ ...``: chrome that
    remove_photo_captions or strip_bylines, later in the pipeline, takes; a flattened page's
    first sentence glued after it is no footer's ``label:`` line).

    >>> _story_past_credit("Ảnh: Mạnh Quân Nước ngập nhiều tuyến phố, giao thông ùn tắc.")
    True
    >>> _story_past_credit("Địa chỉ: 14 Láng Hạ, Đống Đa, Hà Nội, Việt Nam.")
    False
    """
    label = _CREDIT_LABEL.match(head)
    return _reads_as_story(head[label.end():] if label else head)


#: A photo credit's or source's label opening a text (``captions_credit_heads.txt``,
#: ``related_source_credits.txt``).
_CREDIT_LABEL = LazyPattern(r"[ \t]*+(?:%s)[ \t]*+:" % named_list(
    word_list("captions_credit_heads.txt") + word_list("related_source_credits.txt")), regex.V1)


def _footer_part(head: str, story_end: Callable[[str], bool]) -> int:
    """Where the footer's part of ``head`` (what stands before a footer cue) starts after
    the story; -1 when no story stands there. The story is ``head`` up to a sentence end
    (``story_end`` of it holds) with twice a story sentence's words. A sign-off name left
    after it (``Minh Anh``, ``HOÀNG LÂM``) stays for strip_bylines (``len(head)``); any other
    words there (the masthead's name before ``- Cơ quan của ...``) go with the footer.
    """
    if not head or _STORY_BODY.match(head) is None and not _short_sentences(head):
        return -1
    if story_end(head):
        return _cued_sentences_start(head, len(head))
    last = None
    for last in _SENTENCE_CUT.finditer(head):
        pass
    if last is None or not story_end(head[:last.start()]):
        return -1
    if _STORY_BODY.match(head, 0, last.start()) is None:
        return -1
    if _SIGN_OFF_NAME.fullmatch(head, last.end()):
        return len(head)
    return _cued_sentences_start(head, last.end())


def _cued_sentences_start(head: str, pos: int) -> int:
    """Where the run of footer sentences ending ``head`` at ``pos`` starts: each sentence
    before ``pos`` that holds a footer cue (:func:`_footer_cued`) and is no story sentence
    (:func:`_story_not_press`) is the footer's, as :func:`_cued_run_end` reads them after a
    cue (``... xối dủa. Giấy phép số 298/GP-BTTTT. Ảnh minh họa © Bản quyền ...``: the licence
    goes with the notice; a caption marker between kept them apart, and a second pass took
    the licence). The story before them keeps twice a story sentence's words.

    >>> head = ("Mưa lớn khiến nhiều tuyến phố ở Hà Nội ngập sâu, giao thông ùn tắc trong nhiều "
    ...         "giờ. Giấy phép số 298/GP-BTTTT.")
    >>> head[_cued_sentences_start(head, len(head)):]
    'Giấy phép số 298/GP-BTTTT.'
    """
    starts = [0] + [m.end() for m in _SENTENCE_CUT.finditer(head, 0, pos) if m.end() < pos]
    for start in reversed(starts):
        sentence = head[start:pos].strip()
        if (not _footer_cued(sentence) or _story_not_press(sentence)
                or _STORY_BODY.match(head, 0, start) is None):
            break
        pos = start
    return pos


def _short_sentences(head: str) -> bool:
    """``head`` is a short story of its own: ``story_body_min_sentences`` sentences or more,
    a story sentence's words in all (a tagline before a copyright is one sentence; a short
    article flattened onto one line before its notice is several).

    >>> _short_sentences("Mưa to. (PLO) - Phố ngập sâu. Xe chết máy.")
    True
    >>> _short_sentences("Chuyên mục văn hoá giải trí của VnExpress.")
    False

    A footer's own links are no story (``nav_site_links.txt``):

    >>> _short_sentences("Giới thiệu. Liên hệ quảng cáo. Điều khoản sử dụng. Chính sách bảo mật.")
    False
    """
    if _STORY_WORDS.match(head) is None:
        return False
    links = lookup_set("nav_site_links.txt")
    sentences = [piece for piece in _split_sentences(head)
                 if lookup_key(piece.rstrip(".!?…\"” ")) not in links]
    return len(sentences) >= _T["story_body_min_sentences"]


#: A sign-off between the story and a footer: up to five capitalised words.
_SIGN_OFF_NAME = regex.compile(r"\p{Lu}\w*+(?:[ \t]++\p{Lu}\w*+){0,4}+", regex.VERSION1)


#: Story before a notice: twice a story sentence's words (a site's tagline before its
#: copyright, "Chuyên mục văn hoá giải trí của VnExpress. ©", is shorter).
_STORY_BODY = re.compile(r"\W*+(?:\w++\W*+){%d}" % (2 * _T["story_sentence_min_words"]))


_COPYRIGHT = regex.compile(r"©|Copyright|Bản quyền|rights reserved", _F)


def _footer_rule(text: str, start: int, end: int) -> str:
    """The rule of a footer piece ``text[start:end]``: ``promos.copyright`` when it holds a
    copyright sign or notice (:data:`_COPYRIGHT`), else ``promos.footer``.

    >>> _footer_rule("© 2024 Báo Tin Tức", 0, 18), _footer_rule("Tòa soạn: 5 Lý Thường Kiệt", 0, 26)
    ('promos.copyright', 'promos.footer')
    """
    return "promos.copyright" if _COPYRIGHT.search(text, start, end) else "promos.footer"


def _contact_tails(text: str, labels: list[Label], windows: list[tuple[int, int]]
                   ) -> list[Label]:
    """The rest of a flattened line after an ad or call to action, when it is contact details
    (or after a contact opener in the ``windows`` around anchor hits)."""
    tails: list[Label] = []
    max_tail = _T["max_contact_tail_chars"]
    starts = [lab.end for lab in labels if lab.rule in ("promos.subscribe", "promos.ad")]
    for lo, hi in windows:
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


_SPONSOR_OPENERS = tab_entries("promos_sponsor.txt")
_SPONSOR_OPENER = LazyPattern("|".join(
    f"(?P<{tag}{i}>{p})" for i, (tag, p) in enumerate(_SPONSOR_OPENERS)), regex.VERSION1)
_CONCRETE = r"(?P<concrete>[\w.-]@[\w-]{1,63}\.\w|%s|https?://|www\.)" % _PHONE
_SPONSOR_WORDS = (r"Hotline|Tổng đài|E-?mail|Website|Fanpage|Địa chỉ|Điện thoại|Trụ sở|Tòa nhà"
                  r"|Toà nhà|\bFax\b|Liên hệ|liên hệ")
_SPONSOR_CUE = LazyPattern(r"%s|%s" % (_CONCRETE, _SPONSOR_WORDS), regex.VERSION1)
# Where none of these words is, _SPONSOR_CUE finds no cue but a concrete one (a stdlib
# search for them, without the \b tests, finds a superset of its word matches).
_SPONSOR_WORD = re.compile(_SPONSOR_WORDS.replace(r"\b", ""))
# Literal cues of a contact tail: a text whose end holds none skips the sponsor rule
# (substring tests in C; a regex gate costs more than the rule).
_SPONSOR_GATE = ("@", "://", "www.", "Điện thoại", "Hotline", "iên hệ")
_SPONSOR_LABEL = regex.compile(r"[^\n]{1,30}:[ \t]*")
_TAIL_READ = 2000  # only the end of a text can hold a sponsor tail
# How far from the end the sponsor rule reads: the tail, the story's last line before it.
_VIEW_READ = _TAIL_READ + _T["max_sponsor_blurb_chars"] + 100


def _sponsor_after(text: str, labels: list[Label]) -> list[Label]:
    """:func:`_sponsor_tail` of the text that deleting ``labels`` leaves, mapped back.

    A second pass sees that text: a widget glued before a blurb, a removed line inside its
    contact block or a shorter story must not change which tail the first pass takes.
    When no label reaches the end of the text (the last ``_VIEW_READ`` characters, from a
    line start), only the story's length changes: it is measured without the labels.
    """
    if not labels:
        return _sponsor_tail(text)
    cut = text.rfind("\n", 0, max(0, len(text) - _VIEW_READ)) + 1
    if max(lab.end for lab in labels) < cut and not _sponsor_gate(text):
        return []  # the end is as the labels leave it, and holds no contact cue
    edits = labels_to_edits(text, labels, "")
    if edits[-1].end <= cut:
        return _sponsor_tail(text, sum(e.end - e.start - len(e.replacement) for e in edits))
    left = residue(text, 0, len(text), labels)
    found = _sponsor_tail(left.text)
    if not found:
        return []
    return [left.original_label(found[0])]  # (original() keeps the order of offsets)


def _sponsor_tail(text: str, removed: int = 0) -> list[Label]:
    """A company or sponsor blurb that ends the text, with its contact lines.

    The last lines that are contact details (an address, ``Trụ sở:``, phones, URLs) and,
    before them on the story's last line, a blurb that opens like one (``Công ty Cổ phần
    ...``, ``American Study chuyên luyện thi ...``, ``Tại Việt Nam, thương hiệu ...``) or a
    contact tail (``Hotline: ... Website: ...``). It goes only when the whole tail holds
    ``min_sponsor_cues`` contact cues, one of them a phone, e-mail or URL, and is not most
    of the text (``removed`` characters of it go with other labels).
    """
    lo = max(0, len(text) - _TAIL_READ)
    if not _sponsor_gate(text):
        return []
    end = len(text.rstrip())
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
    last_end = last_non_space_end(text, block_start)
    line_start = text.rfind("\n", 0, last_end) + 1
    region = max(line_start, last_end - _T["max_sponsor_blurb_chars"])
    start, need = -1, _T["min_sponsor_cues"]
    contact_block = block_start < end
    for m in _SPONSOR_OPENER.finditer(text, region, last_end):
        if m.lastgroup.startswith("lead") and not contact_block:
            continue  # "Để biết thêm thông tin ..." alone ends a story (a press release's)
        if _blurb_boundary(text, m.start(), line_start, m.lastgroup.startswith("strong")):
            start = m.start()
            if m.lastgroup.startswith("call"):
                need = 1
            break
    if start < 0 and _SPONSOR_WORD.search(text, region, last_end):
        for m in _SPONSOR_CUE.finditer(text, region, last_end):
            if (m.group("concrete") is None and _blurb_boundary(text, m.start(), line_start, False)
                    and not _plain_sentence_at(text, m.start(), last_end)
                    and _enough_cues(text, m.start(), end)):
                start = m.start()
                break
    if start < 0 or not _enough_cues(text, start, end, need) or _story_after_contacts(
            text, start, end):
        return []
    if end - start > _T["max_sponsor_share"] * (len(text.strip()) - removed):
        return []  # never most of a text: that is the story
    return [Label(start, end, "promo", "promos.sponsor", 0.8)]


def _plain_sentence_at(text: str, start: int, end: int) -> bool:
    """The sentence at ``start`` is one of the story's, with no contact detail in it: the
    last item of an advice list (``Liên hệ ngay cơ quan công an khi phát hiện dấu hiệu lừa
    đảo.``) before a hotline is story, not the opener of a contact tail.

    >>> _plain_sentence_at("Liên hệ ngay công an khi thấy dấu hiệu lừa đảo. Hotline: 113", 0, 60)
    True
    """
    sentence = _sentence_at(text, start, end)
    return (sentence is not None and _reads_as_story(sentence)
            and _CONCRETE_CUE.search(sentence) is None)


def _sponsor_gate(text: str) -> bool:
    """A contact cue in the last ``sponsor_gate_chars`` characters: a tail ends in contact
    details, so a text without one there has none."""
    tail = text[-_T["sponsor_gate_chars"]:]
    return any(cue in tail for cue in _SPONSOR_GATE)


def _story_after_contacts(text: str, start: int, end: int) -> bool:
    """A story sentence after the last phone, e-mail or URL of ``text[start:end]``: the
    story goes on (``Hotline: 024 3942 3333 Email: ts@hanoi.edu.vn Sở GD&ĐT khuyến cáo phụ
    huynh không nên đợi đến ngày cuối mới đăng ký.``), so that is no tail."""
    last = None
    for last in _CONCRETE_CUE.finditer(text, start, end):
        pass
    if last is None:
        return False
    after = _REST_OF_WORD.sub("", text[last.end():end], count=1)
    return _reads_as_story(after) and _SPONSOR_CUE.search(after) is None


_CONCRETE_CUE = regex.compile(_CONCRETE, regex.VERSION1)
_HAS_DIGIT = re.compile(r"\d")
_REST_OF_WORD = regex.compile(r"\A\S*")


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


def _video_titles(text: str, labels: list[Label]) -> list[Label]:
    """A prompt line that announces a video (``Mời bạn xem thêm video:``) with the video's
    title under it: the next non-blank line, when it is title-sized and no sentence."""
    out = []
    for lab in labels:
        if lab.rule != "promos.subscribe" or not _VIDEO_PROMPT_END.search(text, lab.start, lab.end):
            continue
        title = _NONBLANK.search(text, lab.end)
        if title is None or text.find("\n", lab.end, title.start()) < 0:
            continue  # the prompt's line goes on, or nothing follows
        line = title.group()
        if (len(line) <= _T["max_video_title_chars"] and line[-1] not in _NOT_CTA_ENDS
                and len(_WORD.findall(line)) <= _T["max_video_title_words"]
                and not _SENTENCE_BREAK.search(line)):
            out.append(Label(lab.start, title.end(), "promo", "promos.video_teaser"))
    return out


def _rare_letter(word: str) -> str:
    """The letter of ``word`` that a substring test for it tests first: its capital outside
    ASCII with the most marks, the first of those (``Ì`` of ``BÌNH CHỌN``: rare in text),
    else its first capital, else ""
    (no test). A one-character test is a fast scan; one for many characters stops at most
    places of a Vietnamese text, and most texts hold none of the words tested.

    >>> _rare_letter("BÌNH CHỌN"), _rare_letter("ản Quyền"), _rare_letter("opyright")
    ('Ì', 'Q', '')
    """
    capitals = [char for char in word if char.isupper()]
    marked = [char for char in capitals if not char.isascii()]
    if marked:  # the one with the most marks: "Ề" of "ẢN QUYỀN" is rarer than "Ả"
        return max(marked, key=lambda char: len(unicodedata.normalize("NFD", char)))
    return capitals[0] if capitals else ""


def _holds_any(text: str, tests: tuple[tuple[str, str], ...]) -> bool:
    """Whether ``text`` holds one of the words of ``tests`` (each ``(_rare_letter(word),
    word)``): ``any(word in text ...)``, each word's rare letter tested first."""
    return any(rare in text and word in text for rare, word in tests)


_POLL_OPENER = re.compile(r"^[ \t]*(?:%s)[ \t]*:?[ \t]*$" % alternation(
    word_list("promos_poll_openers.txt")), re.IGNORECASE | re.MULTILINE)
#: The openers as a heading writes them (as listed, capitalised, in upper case): plain
#: substring tests that let a text with none skip the search. A form that holds another
#: is left out (``Thăm dò ý kiến``: the test for ``Thăm dò`` answers for it).
_POLL_FORMS = {form for word in word_list("promos_poll_openers.txt")
               for form in (word, word.capitalize(), word.upper())}
_POLL_WORDS = tuple(sorted(form for form in _POLL_FORMS
                           if not any(other != form and other in form for other in _POLL_FORMS)))
_POLL_TESTS = tuple((_rare_letter(form), form) for form in _POLL_WORDS)
_POLL_OPTION_MAX = _T["max_poll_option_words"] * 12  # characters: the word test runs only below


def _polls(text: str, labels: list[Label]) -> list[Label]:
    """``promos.poll``: a poll widget: its heading (``promos_poll_openers.txt``: ``Bình
    chọn``, ``Thăm dò ý kiến``), one question line ending in ``?`` (at most
    ``max_poll_question_words`` words), one to ``max_poll_options`` short answer lines (at
    most ``max_poll_option_words`` words, no sentence mark at their end) and a whole line
    already labelled closing it (a button: ``Xem kết quả``, ``Bình chọn``, ``Gửi``).

    Without that closing button nothing goes: a story may ask a question and list answers.

    >>> t = "Mưa lớn.\\nBình chọn\\nBạn có đi bộ?\\nCó\\nKhông\\nXem kết quả"
    >>> [t[lab.start:lab.end] for lab in _polls(t, [Label(42, 53, "promo", "x")])]
    ['Bình chọn\\nBạn có đi bộ?\\nCó\\nKhông\\n']
    """
    out: list[Label] = []
    if not labels or "?" not in text or not _holds_any(text, _POLL_TESTS):
        return out
    for m in _POLL_OPENER.finditer(text):
        lines = []  # (start, stripped text) of the lines after the heading
        pos = m.end() + 1
        while pos <= len(text) and len(lines) < _T["max_poll_options"] + 2:
            end = _line_end(text, pos)
            if text[pos:end].strip():
                lines.append((pos, end))
            pos = end + 1
        if len(lines) < 3:
            continue
        question = text[lines[0][0]:lines[0][1]].strip()
        if not question.endswith("?") or len(question.split()) > _T["max_poll_question_words"]:
            continue
        for k, (start, end) in enumerate(lines[1:], 1):
            stop = start + len(text[start:end].rstrip())
            if k > 1 and any(lab.start <= start and lab.end >= stop for lab in labels):
                out.append(Label(m.start(), start, "promo", "promos.poll"))
                break
            if not _poll_option(text[start:end].strip()):
                break
    return out


#: A line ending in a count in brackets (a C-level scan finds the few candidates).
_COUNT_LINE_END = re.compile(r"\)[ \t]*\n")  # (its gate: one search keyed on ")", not two ``in``;
# blanks may trail the count, as _COUNT_END lets them)
_COUNT_END = re.compile(r"\([ \t]?\d{1,6}[ \t]?\)[ \t]*$", re.MULTILINE)
#: A tab label in upper case with its count: "ẢNH (2)", "CÙNG TÁC GIẢ (36)".
_COUNT_TAB = regex.compile(r"[ \t]*+\p{Lu}[\p{Lu}\d&/ \t-]{0,40}?[ \t]*\([ \t]?\d{1,6}[ \t]?\)"
                           r"[ \t]*+", regex.V1)


def _count_tabs(text: str) -> list[Label]:
    """``promos.count_tabs``: a row of tabs, one a line, each an upper-case label and its
    count in brackets (``ẢNH (2)`` / ``VIDEO (0)`` / ``CÙNG TÁC GIẢ (36)`` / ``LIÊN QUAN
    (102)``), ``min_count_tabs`` lines or more with only blank lines between them (a story's
    counts come in sentence case or inside sentences, ``Hà Nội (12)``, or as a list a line
    ending with ``:`` introduces: they stay).

    >>> t = "Mưa lớn.\\nẢNH (2)\\nVIDEO (0)\\nLIÊN QUAN (102)\\nGió to."
    >>> [t[lab.start:lab.end] for lab in _count_tabs(t)]
    ['ẢNH (2)\\nVIDEO (0)\\nLIÊN QUAN (102)']
    """
    out: list[Label] = []
    if _COUNT_LINE_END.search(text) is None:
        return out  # (a row of tabs has lines ending in a count before the next one)
    run: list[tuple[int, int]] = []  # the tab lines found so far, one after another

    def close() -> None:
        if len(run) >= _T["min_count_tabs"] and not text[:run[0][0]].rstrip().endswith(":"):
            out.append(Label(run[0][0], run[-1][1], "promo", "promos.count_tabs"))
        run.clear()

    for m in _COUNT_END.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if _COUNT_TAB.fullmatch(text, start, m.end()) is None:
            close()
            continue
        if run and text[run[-1][1]:start].strip():
            close()  # a line that is no tab stands between
        first = start + len(text[start:m.end()]) - len(text[start:m.end()].lstrip())
        run.append((first, m.end()))
    close()
    return out


_PLAYER = tab_entries("promos_player_lines.txt")
_PLAYER_ANCHOR = regex.compile(r"^[ \t]*(?:%s)[ \t]*$" % "|".join(
    p for tag, p in _PLAYER if tag == "anchor"), regex.IGNORECASE | regex.MULTILINE)
_PLAYER_LINE = regex.compile(r"[ \t]*(?:%s)[ \t]*" % "|".join(p for _, p in _PLAYER),
                             regex.IGNORECASE)


def _player_controls(text: str) -> list[Label]:
    """``promos.player``: a web video player's or a text-to-speech reader's controls a whole
    page's text kept, one label a line (``promos_player_lines.txt``): a block of player
    lines, blank lines between them aside, holding one of its time readouts at least
    (``Current Time 0:00`` / ``Duration 1:58``, ``00:00/00:00``), which no story prints; a
    bare ``3``, ``/``, ``auto``, ``Speed`` or ``Giọng Nữ miền Nam`` goes only inside such a
    block.

    >>> t = ("Mưa lớn.\\nTự động phát sau\\n3\\nCurrent Time 0:00\\n/\\nDuration 1:58"
    ...      "\\nauto\\nGió to.")
    >>> [t[lab.start:lab.end] for lab in _player_controls(t)]
    ['Tự động phát sau\\n3\\nCurrent Time 0:00\\n/\\nDuration 1:58\\nauto']
    >>> _player_controls("Trận đấu kéo dài 90 phút.\\n3\\n/\\nauto")
    []
    """
    out: list[Label] = []
    if not _may_hold_player(text):
        return out
    done = 0
    for m in _PLAYER_ANCHOR.finditer(text):
        if m.start() < done:
            continue
        start, end = _player_line_edge(text, m.start(), -1), _player_line_edge(text, m.end(), 1)
        first = start + len(text[start:end]) - len(text[start:end].lstrip())
        out.append(Label(first, last_non_space_end(text, end), "promo", "promos.player"))
        done = end
    return out


def _may_hold_player(text: str) -> bool:
    """A saved page's player bar reads ``Current Time 0:00`` or ``00:00/01:21``: whether
    ``text`` holds ``Time `` or ``0:00/`` or ``0:00 /``. Each is looked for only once the
    shorter piece it holds is there (``Time``, ``0:00``): a needle ending in a space is a
    slow scan (it stops at every space), and one scan for ``0:00`` stands for two.

    >>> _may_hold_player("Current Time 0:00"), _may_hold_player("00:00 / 01:21")
    (True, True)
    >>> _may_hold_player("Lúc 10:00 sáng, báo Times đưa tin")
    False
    """
    return ((_TIME_WORD.search(text) is not None and "Time " in text)
            or (_ZERO_TIME.search(text) is not None and ("0:00/" in text or "0:00 /" in text)))


#: ``"Time" in text`` as a search that opens with a literal character (then ``ime``).
_TIME_WORD = re.compile("T(?=ime)")
#: ``"0:00" in text`` as a search that opens with a literal character (the colon: rarer
#: than the digit), the digits around it checked where it stands.
_ZERO_TIME = re.compile(":(?<=0:)(?=00)")


def _player_line_edge(text: str, pos: int, step: int) -> int:
    """Where the block of player lines around ``pos`` (a line's start for ``step`` -1, its end
    for 1) ends that way: each next non-blank line that is a player line joins it."""
    while True:
        if step < 0:
            if pos == 0:
                return pos
            line_start = text.rfind("\n", 0, pos - 1) + 1
            line = text[line_start:pos - 1]
            if line.strip() and _PLAYER_LINE.fullmatch(line) is None:
                return pos
            pos = line_start
        else:
            if pos >= len(text):
                return len(text)
            stop = _line_end(text, pos + 1)
            line = text[pos + 1:stop]
            if line.strip() and _PLAYER_LINE.fullmatch(line) is None:
                return pos
            pos = stop


def _poll_option(line: str) -> bool:
    """A poll's answer line: a few words, no sentence mark at its end (``Đang lên kế hoạch``)."""
    return (0 < len(line) <= _POLL_OPTION_MAX and line[-1] not in ".!?:;,"
            and len(line.split()) <= _T["max_poll_option_words"])


def _comment_threads(text: str, labels: list[Label]) -> list[Label]:
    """Readers' comment threads: from a comment heading (``Bình luận (12)``, ``Ý kiến bạn
    đọc``) or the first commenter's name over commenters, comments and their reaction lines
    (``Trả lời``, ``Thích (12)``, ``Báo vi phạm``, ``2 giờ trước``) to the last reaction line.

    Read only around a comment or reaction widget already found (a seed). A thread holds a
    reply line and another comment signal (a like, a report, a time), its reaction lines
    stand at most ``max_comment_gap_lines`` comment lines apart, and after a heading its first
    one comes within as many lines. Without a heading it must hold a like or a report, and it
    opens at most at a name line just above its first reaction: the story above stays.
    """
    seeds = [lab for lab in labels if lab.rule == "promos.comments" or (
        lab.rule == "promos.share_widget" and lab.end - lab.start <= _REACTION_MAX
        and _REACTION.fullmatch(text, lab.start, lab.end))]
    out: list[Label] = []
    done = -1
    for seed in sorted(seeds, key=_START):
        if seed.start >= done:
            thread = _thread_at(text, seed)
            if thread is not None:
                out.append(thread)
                done = thread.end
    return out


def _thread_at(text: str, seed: Label) -> Label | None:
    """The comment thread a seed widget heads or sits in (see :func:`_comment_threads`)."""
    gap_max = _T["max_comment_gap_lines"]
    line_start = text.rfind("\n", 0, seed.start) + 1
    line_end = text.find("\n", seed.end)
    heading = (not text[line_start:seed.start].strip()
               and not text[seed.end:len(text) if line_end < 0 else line_end].strip()
               and _REACTION.fullmatch(text, seed.start, seed.end) is None)
    lo = line_start
    if not heading:  # the thread may have begun a few comments above its seed
        for _ in range(2 * gap_max + _NAME_REACH):
            lo = text.rfind("\n", 0, max(0, lo - 1)) + 1
            if lo == 0:
                break
    near = seed.end  # a thread's first reply stands within gap_max lines of its seed
    for _ in range(gap_max + 2):
        near = text.find("\n", near + 1)
        if near < 0:
            near = len(text)
            break
    if _REPLY_LINE.search(text, max(0, lo - 1), near) is None:
        return None  # no reply button near: no thread (the common case)
    hi = min(len(text), seed.end + _THREAD_READ)
    lines = list(_NONBLANK.finditer(text, lo, hi))
    at = next((i for i, m in enumerate(lines) if m.end() >= seed.end), len(lines) - 1)
    # Clusters of reaction lines at most gap_max comment lines apart.
    clusters: list[list[int]] = []
    kinds: list[set[str]] = []
    strong: set[int] = set()  # the reply, like and report lines
    gap = None
    for i, m in enumerate(lines):
        r = _REACTION.fullmatch(m.group())
        if r is None:
            if gap is not None:
                gap += 1
                if gap > gap_max or len(m.group()) > _T["max_comment_line_chars"]:
                    gap = None  # the cluster ends
            continue
        if gap is None:
            clusters.append([])
            kinds.append(set())
        clusters[-1].append(i)
        shown = {k for k, v in r.groupdict().items() if v}
        kinds[-1].update(shown)
        if shown - {"time"}:
            strong.add(i)
        gap = 0
    for cluster, found in zip(clusters, kinds):
        if heading:
            if not at < cluster[0] <= at + gap_max + 1:
                continue
        elif not cluster[0] <= at <= cluster[-1]:
            continue
        if "reply" not in found or len(found) < 2 or not (heading or found & {"like", "report"}):
            return None
        first = cluster[0]
        if heading:
            start = at + 1
        else:  # the first commenter's name just above the first reaction, if it stands there
            start = next((i for i in range(first - 1, max(-1, first - 1 - _NAME_REACH), -1)
                          if _COMMENTER.fullmatch(lines[i].group())), first)
        # Each comment (the lines between reaction lines) opens with its commenter's name.
        # (a time line stands inside a comment, next to its name)
        bounds = [start - 1, *(i for i in cluster if i in strong)]
        for a, b in pairwise(bounds):
            if b - a > 1 and not any(_COMMENTER.fullmatch(m.group())
                                     for m in lines[a + 1:min(b, a + 1 + _NAME_REACH)]):
                return None
        begin = lines[at if heading else start].start()
        return Label(begin, lines[cluster[-1]].end(), "promo", "promos.comment_thread")
    return None


def _feedback_answers(text: str, labels: list[Label]) -> list[Label]:
    """The answer buttons under a feedback widget's question (``Bài viết có hữu ích với bạn
    không?`` / ``Có`` / ``Không``; ``promos_feedback_answers.txt``): the lines right under a
    whole-line widget label that ends in ``?``, while each is an answer. A story's own
    question, with ``Có`` / ``Không`` under it, is no widget label: they stay."""
    out: list[Label] = []
    for lab in labels:
        if (text[lab.end - 1:lab.end] != "?" or lab.rule not in _WIDGET_RULES
                or not is_whole_line(text, lab)):
            continue
        pos = lab.end
        for _ in range(_MAX_ANSWERS):
            m = _NONBLANK.search(text, pos)
            if (m is None or m.end() - m.start() > _ANSWER_MAX
                    or m.group().casefold() not in _ANSWERS):
                break
            out.append(Label(m.start(), m.end(), "promo", lab.rule))
            pos = m.end()
    return out


_WIDGET_RULES = frozenset(("promos.share_widget", "promos.comments"))
_ANSWERS = frozenset(w.casefold() for w in expand_forms(word_list("promos_feedback_answers.txt")))
_ANSWER_MAX = max(map(len, _ANSWERS))
_MAX_ANSWERS = 5


_START = attrgetter("start")
_REACTION_MAX = 40  # a reaction widget's length at most ("Thích": a share widget's rule)
_THREAD_READ = 8000  # how far after a seed a thread is read
# A line opening with a reply button (the opening of every thread's reply lines), as
# _REACTION's reply words are written and in capitals.
_REPLY_LINE = re.compile("\n[ \t]*(?:%s)" % "|".join(sorted({
    v for w in ("Trả lời", "Phản hồi") for v in (w, w.upper(), w.lower())})))
_NAME_REACH = 3  # lines above the first reaction where the commenter's name may stand
_REACTION_WORDS = tab_entries("promos_comment_reactions.txt")
# A line made only of reaction widgets: "Trả lời", "Thích (12)", "Báo vi phạm",
# "Trả lời · Thích · 2 giờ trước"; each group names what it shows.
_REACTION = LazyPattern(
    r"[ \t]*(?:(?:%s)[ \t]*(?:[·•|/\-–][ \t]*)?)+" % "|".join(
        "(?P<%s>%s)" % (tag, "|".join(p for t, p in _REACTION_WORDS if t == tag))
        for tag in dict.fromkeys(t for t, _ in _REACTION_WORDS)), _F)
# A commenter's line: one to five capitalised words, then maybe a place or a time after a
# separator ("Trần Văn Bình (Hà Nội)", "Minh Anh · 2 giờ trước").
_COMMENTER = regex.compile(r"\p{Lu}\p{Ll}*+(?:[ \t]+\p{Lu}\p{Ll}*+){0,4}"
                           r"(?:[ \t]*[-–·|(][ \t]*[^\n]{1,40})?", regex.V1)


_VIDEO_PROMPT_END = regex.compile(r"(?:video|clip|phóng sự)[^\n:]{0,40}:[ \t]*\Z", _F)


def _holds_press(text: str) -> bool:
    """``"Báo" in text``: a search that opens with a literal character (an upper-case ``B``
    is rare) skips ahead in C faster than a substring test of three characters."""
    return _PRESS_WORD.search(text) is not None


_PRESS_WORD = re.compile("B(?=áo)")


def _holds_here(text: str) -> bool:
    """``"tại đây" in text or "TẠI ĐÂY" in text``, the capitals' test behind a test of their
    rare ``Â`` (a one-character scan, as fast as ``memchr``): a substring test of seven
    characters stops at most places of a Vietnamese text.

    >>> _holds_here("Đăng ký tại đây"), _holds_here("BẤM TẠI ĐÂY"), _holds_here("Tại Đây")
    (True, True, False)
    """
    return "tại đây" in text or "Â" in text and "TẠI ĐÂY" in text


class StripPromos(SettlingCleaner):
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

    def classify_once(self, text: str) -> list[Label]:
        anchors = [m.start() for m in _ANCHORS.finditer(text)]
        windows = _windows(text, anchors)
        urls = _url_starts(text)  # (one search: two rules read them)
        labels = [lab for lab in _first_pass(text, windows, urls)
                  if not _story_subheading(text, lab)]
        if anchors:
            labels += _footer_labels(text, anchors)
            tails = _long_line_tails(text, anchors)
            labels += _flattened_notices(text, tails)
            labels += _flattened_tail_pieces(text, tails)
            if "©" in text:
                labels += _glued_press_notices(text)
        press = _holds_press(text)  # (read again by _flat_page_end)
        if press:
            labels += _bare_masthead_end(text)
        labels += _follow_prompts(text)
        labels += _glued_widget_rows(text)
        if _holds_here(text):
            labels += _here_prompts(text)
        labels += _masthead_footer(text, labels)
        labels += _contact_tails(text, labels, windows)
        labels += _video_titles(text, labels)
        labels += _comment_threads(text, labels)
        labels += _polls(text, labels)
        labels += _count_tabs(text)
        labels += _player_controls(text)
        if urls:
            labels += _url_lines(text, labels, urls)
        if labels:
            labels += _feedback_answers(text, labels)
            labels += _residue_labels(text, labels)
            labels = join_line_labels(text, merge_labels(labels))
        sponsor = _sponsor_after(text, labels)
        if sponsor:
            line_start = text.rfind("\n", 0, sponsor[0].start) + 1
            ending = [lab for lab in labels if lab.start >= line_start] + sponsor
            labels += sponsor + _residue_labels(text, ending)
            labels = join_line_labels(text, merge_labels(labels))
        flat = _flat_page_end(text, labels, press)  # last: a page's end the rules above left alone
        if flat:
            labels = join_line_labels(text, merge_labels(labels + flat))
        wrapped = _wrapped_tails(text, labels)
        if wrapped:
            labels = join_line_labels(text, merge_labels(labels + wrapped))
        return labels


#: The rest of a footer sentence the page's source wrapped onto the next line: it opens
#: with a lower-case letter and ends the sentence (``trang ngoài.``).
_WRAPPED_TAIL = regex.compile(r"[ \t]*+\p{Ll}[^\n]*[.!?][ \t]*+", regex.V1)


def _wrapped_tails(text: str, labels: list[Label]) -> list[Label]:
    """The wrapped end of a promo line: a label that ends with its line, that line ending
    mid-sentence (a lower-case letter last), and the next line (no blank line between, at
    most ``wrapped_tail_max_chars``) finishing the sentence (:data:`_WRAPPED_TAIL`), a blank
    line or the text's end after it (``... không chịu trách nhiệm nội dung các`` /
    ``trang ngoài.``). A line that goes on as a paragraph is not a wrapped tail."""
    out = []
    for lab in labels:
        if lab.kind != "promo":
            continue
        end = lab.end if lab.end < len(text) and text[lab.end] == "\n" else lab.end - 1
        if end <= lab.start or end >= len(text) or text[end] != "\n":
            continue
        last = text[max(text.rfind("\n", lab.start, end) + 1, lab.start):end].rstrip(" \t")
        if not last or not last[-1].islower():
            continue
        nxt_end = _line_end(text, end + 1)
        after = text[nxt_end + 1:_line_end(text, nxt_end + 1)] if nxt_end < len(text) else ""
        if (nxt_end - end - 1 > _T["wrapped_tail_max_chars"] or after.strip()
                or _WRAPPED_TAIL.fullmatch(text, end + 1, nxt_end) is None):
            continue
        out.append(Label(end + 1, nxt_end, "promo", lab.rule))  # (the rule of the line above)
    return out


strip_promos = StripPromos()

_NOTICE_ENTRIES = word_list("promos_recheck_cues.txt")
_NOTICE_PIECES = expand_forms(_NOTICE_ENTRIES)


def _entry_test(entry: str) -> Callable[[str], bool]:
    """A test of whether a text holds one of the pieces ``entry`` stands for (its
    ``{a|b}`` forms expanded), one scan of the text where that is possible: a plain piece
    behind a test of its rare letter (:func:`_rare_letter`); a piece with forms that opens
    with a literal by one ``re`` search (the engine finds the literal first, in C: ``ản
    {q|Q}uyền``); one that opens with its forms by a substring test of what all its pieces
    hold first (``{o|O}pyright``: ``pyright``; ``{/GP|GPXB}``: ``GP``).

    >>> [_entry_test(e)("Mưa. Bản Quyền thuộc X") for e in ("ản {q|Q}uyền", "{o|O}pyright")]
    [True, False]
    """
    if "{" not in entry:
        rare = _rare_letter(entry)
        return lambda text: rare in text and entry in text
    if not entry.startswith("{"):
        parts = FORM_GROUP.split(entry)  # literal, options, literal, ..., literal
        pattern = re.compile("".join(re.escape(part) if k % 2 == 0 else
                                     "(?:%s)" % alternation(tuple(part.split("|")))
                                     for k, part in enumerate(parts)))
        return lambda text: pattern.search(text) is not None
    pieces = expand_forms([entry])
    core = _core_test(_common_core(pieces))
    return lambda text: core(text) and any(piece in text for piece in pieces)


def _core_test(core: str) -> Callable[[str], bool]:
    """A test of whether a text holds ``core``: where it has a rare letter
    (:func:`_rare_letter`: ``G`` of ``GP``), a walk from one place of that letter to the
    next (:func:`~vnclean.blocks.holds_at_letter`), else ``core in text`` (``pyright``: a
    long needle skips ahead).

    >>> [_core_test(core)("Giấy phép số 5/GP-BTTTT") for core in ("GP", "pyright")]
    [True, False]
    """
    letter = _rare_letter(core)
    if not letter:
        return lambda text: core in text
    lead = core.index(letter)
    return lambda text: holds_at_letter(text, core, lead)


def _common_core(pieces: tuple[str, ...]) -> str:
    """The longest string every one of ``pieces`` holds (the first piece's earliest).

    >>> _common_core(("/GP", "GPXB")), _common_core(("opyright", "Opyright"))
    ('GP', 'pyright')
    """
    first = pieces[0]
    for size in range(len(first), 0, -1):
        for start in range(len(first) - size + 1):
            core = first[start:start + size]
            if all(core in piece for piece in pieces):
                return core
    return ""


_NOTICE_TESTS = tuple(map(_entry_test, _NOTICE_ENTRIES))


def holds_notice_cue(text: str) -> bool:
    """Whether ``text`` holds a piece of a copyright notice or a press licence
    (``promos_recheck_cues.txt``; substring tests, one per entry: :func:`_entry_test`): the
    gate of :data:`recheck_footers`.

    >>> holds_notice_cue("Mưa lớn. © Bản quyền thuộc Báo X"), holds_notice_cue("Mưa lớn.")
    (True, False)
    """
    return any(test(text) for test in _NOTICE_TESTS)


#: The widget labels by their last two characters (each holds two or more), so a text's end
#: is compared with the few that can end it (str.endswith takes a tuple).
_WIDGET_ENDS: dict[str, tuple[str, ...]] = {}
for _label in sorted(_WIDGETS):
    _WIDGET_ENDS[_label[-2:]] = (*_WIDGET_ENDS.get(_label[-2:], ()), _label)


def _ends_with_widget(text: str) -> bool:
    """Whether ``text`` ends with a widget label (``promos_widget_lines.txt``), as a flattened
    page does once the caption glued after its share button has gone.

    >>> _ends_with_widget("Mưa lớn ở Hà Nội. Chia sẻ"), _ends_with_widget("Mưa lớn ở Hà Nội.")
    (True, False)
    """
    end = text[-_WIDGET_MAX:].rstrip().rstrip(":").casefold()
    return end.endswith(_WIDGET_ENDS.get(end[-2:], ()))


def _may_hold_footer(text: str) -> bool:
    """The gate of :data:`recheck_footers`: a notice or licence piece anywhere
    (:func:`holds_notice_cue`), or a widget label at the end (:func:`_ends_with_widget`)."""
    return holds_notice_cue(text) or _ends_with_widget(text)


#: :data:`strip_promos` once more after the other cleaners, on a text that still holds a
#: copyright notice or a licence label, or ends with a widget label: a footer or widget they
#: uncovered (a licence the bylines freed of the source line glued after it; a share button
#: freed of the caption glued after it, ``... Chia sẻ Ảnh minh họa``) goes too.
recheck_footers = Recheck(strip_promos, when=_may_hold_footer, name="recheck_footers")
