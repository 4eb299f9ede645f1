"""Strip the link chrome of a page dumped as markdown (html2text, markitdown, a crawler's
markdown writer), before every other boilerplate step reads it as plain text.

A line made only of links and images is chrome (a menu item, a card, an icon); a link
inside a line of text keeps its words and loses its markup; an image that heads a table
takes the table (its caption and credit rows) with it. Targets may hold escaped parentheses
and a quoted title; an empty target (``![]()``, what some print pages leave) makes no link.
A text without ``](`` passes untouched (one substring test). Thresholds live in
``data/markdown.json``.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from itertools import pairwise
from typing import ClassVar

import regex

from ._core import Edit
from ._data import json_data, tab_entries
from .blocks import BoilerplateCleaner, Label, expand_forms, lookup_key, lookup_set

__all__ = ["StripMarkdownLinks", "strip_markdown_links"]

KIND = "nav"
_SETTINGS = json_data("markdown.json")

#: A heading line of plain words (no link, no image): its marks, then its words.
_MD_HEADING = regex.compile(r"(?m)^(?P<marks>[ \t]*#{1,6}[ \t]+)(?P<words>[^\n#\[\]()!]{1,60}?)"
                            r"[ \t#]*$")


@functools.cache
def _widget_headings() -> frozenset[str]:
    """Lookup keys of the headings a widget or a related block opens with
    (``nav_headings.txt``, ``related_headings.txt``): written as a markdown heading
    (``## Tin liên quan``) they lose their marks, and later steps read them as such."""
    related = expand_forms(value for _, value in tab_entries("related_headings.txt"))
    return lookup_set("nav_headings.txt") | frozenset(map(lookup_key, related))


#: A flattened page's list item or heading that opens with a link or an image, after a
#: blank inside a line (``... * [Kinh tế](…)``, ``... ### [Tiêu đề](…)``), and where such
#: a line is cut into pieces: before each list or heading mark after a blank.
_MD_FLAT_ITEM = regex.compile(r"(?<=[ \t])(?:\*|#{1,6})[ \t]+!?\[")
_MD_FLAT_CUT = regex.compile(r"(?<=[ \t])(?:\*|#{1,6})[ \t]+(?=\S)")
_MD_FLAT_MIN_CHARS = _SETTINGS["flat_min_chars"]
_MD_FLAT_MIN_ITEMS = _SETTINGS["flat_min_items"]

#: A label before it becomes a :class:`Label`: (start, end, rule).
_Span = tuple[int, int, str]

#: A link's target: an address (one of ``/ . : # ? =`` in it before any title; blanks only
#: in a path holding ``/``, as a saved page's ``./Tên bài_files/``), maybe a quoted title.
#: ``[1](tr. 12)`` and ``khoản [1](a)`` are prose, no link.
_MD_ADDRESS = (r'(?=(?:[^()\n"\\]|\\.)*?[/.:#?=])'
               r'(?=(?:[^\s()"\\]|\\.)*+[ \t]*+["\)]|(?:[^()\n"\\]|\\.)*?/)')
_MD_TARGET = rf'\({_MD_ADDRESS}(?:[^()\n"\\]|\\.)++(?:"[^\n]*?")?[ \t]*\)'
#: An image: its alt text may hold a bracketed tag a title carries (``![[Infographic] Ăn gì
#: cho khỏe](…)``, ``[Video]``, ``[Ảnh]``), one level deep.
_MD_IMAGE = rf"!\[(?:[^\[\]\n]|\[[^\[\]\n]*+\])*+\]{_MD_TARGET}"
_MD_PIECE = regex.compile(rf"{_MD_IMAGE}|\[((?:{_MD_IMAGE}|[^\[\]\n])*+)\]{_MD_TARGET}")
_MD_INNER_IMAGE = regex.compile(_MD_IMAGE)
_MD_LINE = regex.compile(r"^[^\n]*?\]\([^\n]*+$", regex.MULTILINE)
#: A table: rows opening with a bar; its first row may lack the opening bar when it is an
#: image closed by one (``![](…) |`` over ``| caption |``: a converter's photo table).
_MD_TABLE = regex.compile(r"^[ \t]*+(?:\||(?=!\[[^\n]*\|[ \t]*+\n[ \t]*+\|))[^\n]*+"
                          r"(?:\n[ \t]*+\|[^\n]*+)*+", regex.MULTILINE)
_MD_RULE_ROW = regex.compile(r"[ \t|:-]*+")
_LETTER = regex.compile(r"\p{L}")
#: Rows of an image's table that are its caption and credit, at most (longer: a data table).
_MD_CAPTION_ROWS = _SETTINGS["caption_rows"]
_MD_CAPTION_CELL = _SETTINGS["caption_cell"]
_MD_KINDS = {"markdown.image": "caption", "markdown.image_table": "caption",
             "markdown.image_caption": "caption", "markdown.teaser": "related",
             "markdown.script_line": "promo"}
#: A line with a script link (``](javascript:``, a button) and at most this many words
#: outside its links is a widget's line; a line of two links or more and at most this many
#: words outside them is a row of links with its label.
_MD_SCRIPT_LINE_MAX_WORDS = _SETTINGS["script_line_max_words"]
_MD_ROW_MAX_WORDS = _SETTINGS["row_max_words"]
#: A photo's caption under it: at most this many characters, no sentence end.
_MD_CAPTION_MAX_CHARS = _SETTINGS["caption_max_chars"]
_MD_SENTENCE_END = frozenset(".!?…:;\"”’)")
_MD_ALT = regex.compile(r"!\[([^\[\]\n]*+)\]")
#: Bold markup around words on one line (``**Lê Tân**``), the words kept.
_MD_BOLD = regex.compile(
    r"(?<![\p{L}\p{N}*])\*\*(?=[^\s*])[^*\n]*?(?<=[^\s*])\*\*(?![\p{L}\p{N}*])")
#: A card's teaser: at most this many lines, each of this many words and characters at most.
_MD_TEASER_LINES = _SETTINGS["teaser_lines"]
_MD_TEASER_MIN_WORDS = _SETTINGS["teaser_min_words"]
_MD_HEADLINE_MIN_WORDS = _SETTINGS["headline_min_words"]
_MD_TEASER_MAX_CHARS = _SETTINGS["teaser_max_chars"]
#: A list of links under a sentence that announces it (``... gồm các văn bản sau:``, this
#: many words at least) keeps its words when each link holds this many words at least.
_MD_LIST_INTRO_MIN_WORDS = _SETTINGS["list_intro_min_words"]
_MD_LIST_ITEM_MIN_WORDS = _SETTINGS["list_item_min_words"]
#: ... unless it announces more reading (``Mời bạn xem thêm các bài viết cùng chủ đề:``).
_MD_LIST_INTRO_RELATED = regex.compile(
    "|".join(regex.escape(cue) for cue in _SETTINGS["list_intro_related_cues"]), regex.IGNORECASE)
#: A sentence's end after a line's last link: the line is a sentence, not a row of links.
_MD_LINE_STOP = regex.compile(r"[.!?…][\"”’)]*+[ \t]*+$")
#: A word in lower case between two links (``[A](…) và [B](…)``): a sentence's words.
_MD_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}])\p{Ll}")
#: Inline code (`` `a[0](b.c)` ``): no link inside.
_MD_CODE = regex.compile(r"`[^`\n]++`")
_WORDS = regex.compile(r"[\p{L}\p{N}]++")
_MD_CLOSING = frozenset(".,;:!?)]}”’»…\"'")
_MD_OPENING = frozenset("([{“‘«\"'")


def _markdown_spans(text: str) -> list[_Span]:
    """Spans of markdown chrome and link markup in ``text`` (callers check for ``](``)."""
    spans: list[_Span] = []
    taken: list[tuple[int, int]] = []
    for table in _MD_TABLE.finditer(text):
        if _image_table(table.group()):
            taken.append((table.start(), table.end()))
            spans.append((table.start(), table.end(), "markdown.image_table"))
        else:
            spans.extend(_rule_rows(table.group(), table.start()))
    links: list[tuple[int, int, bool]] = []  # link-only lines: start, end, a card's headline
    listed = -1  # where the last link line of a list under a sentence ends
    for m in _MD_LINE.finditer(text):
        if any(start <= m.start() < end for start, end in taken):
            continue
        if _flattened(m.group()):  # a page flattened onto one line: its items one by one
            spans.extend(_flat_line_spans(m.group(), m.start()))
            continue
        line_spans = _markdown_line_spans(m.group(), m.start())
        if line_spans and line_spans[0][2] == "markdown.links":
            if _listed_item(text, m, listed) or _inside_paragraph(text, m.start(), m.end()):
                listed = m.end()
                spans.extend(_link_markup(m.group(), m.start(), _pieces(m.group())))
                continue
            card = (m.group().lstrip().startswith("#")  # a card: a heading, or under a link
                    or bool(links) and not text[links[-1][1]:m.start()].strip())
            links.append((m.start(), m.end(), card and _headline_link(m.group())))
        spans.extend(line_spans)
        if (line_spans and line_spans[0][2] != "markdown.links"
                and line_spans[0][1] == m.end() and line_spans[0][0] == m.start()):
            spans.extend(_caption_under(text, m.end()))  # a photo alone on its line
    spans.extend(_teaser_spans(text, links))
    for heading in _MD_HEADING.finditer(text):  # a widget's heading: its marks go
        if lookup_key(heading.group("words")) in _widget_headings():
            spans.append((heading.start("marks"), heading.end("marks"), "markdown.markup"))
    for bold in _MD_BOLD.finditer(text):  # its two marks go, its words stay
        spans.append((bold.start(), bold.start() + 2, "markdown.markup"))
        spans.append((bold.end() - 2, bold.end(), "markdown.markup"))
    return spans


def _caption_under(text: str, end: int) -> list[_Span]:
    """The photo's caption: the next line under a photo alone on its line (blank lines
    aside) when it is short (``_MD_CAPTION_MAX_CHARS``, ``_MD_TEASER_MIN_WORDS`` words or
    more) and ends no sentence; a heading, a bold line, a line with markdown or a table row
    is none, and so is a line that ends like a story paragraph, opens a quotation or runs
    on into the next line (a wrapped paragraph)."""
    start = end
    while text.startswith("\n", start) and start + 1 < len(text) and text[start + 1] == "\n":
        start += 1
    if not text.startswith("\n", start):
        return []
    start += 1
    stop = text.find("\n", start)
    line = text[start:] if stop < 0 else text[start:stop]
    bare = line.strip()
    if (not bare or len(bare) > _MD_CAPTION_MAX_CHARS or bare[0] in "#*|>-![(\"“"
            or bare[-1] in _MD_SENTENCE_END or "](" in bare
            or len(_WORDS.findall(bare)) < _MD_TEASER_MIN_WORDS
            or _continues(text, start + len(line))):
        return []
    return [(start, start + len(line), "markdown.image_caption")]


def _continues(text: str, end: int) -> bool:
    """True when the line right under ``end`` (no blank line between) opens in lower case:
    the line that ends at ``end`` runs on into it, one paragraph wrapped."""
    return (text.startswith("\n", end) and end + 1 < len(text)
            and text[end + 1].islower())


def _inside_paragraph(text: str, start: int, end: int) -> bool:
    """True when the link line at ``start:end`` sits inside a wrapped paragraph: the line
    above is plain text that ends no sentence and the line below runs on in lower case."""
    if not start or not _continues(text, end):
        return False
    above = text[text.rfind("\n", 0, start - 1) + 1:start - 1].rstrip()
    return (bool(above) and "](" not in above and above[-1] not in _MD_SENTENCE_END
            and above.lstrip()[0] not in "#*|>-![")


def _listed_item(text: str, m: regex.Match, listed: int) -> bool:
    """True when the link line ``m`` is an item of a list that a sentence announces (the
    line above ends with ``:`` and holds ``_MD_LIST_INTRO_MIN_WORDS`` words, or is the
    list's item before), each link of ``_MD_LIST_ITEM_MIN_WORDS`` words or more:
    ``Các văn bản cần biết gồm:`` / ``1. [Luật Đất đai số 31/2024/QH15](…)``; a sentence
    that offers more reading (``_MD_LIST_INTRO_RELATED``) announces related links."""
    pieces = _pieces(m.group())
    if not all(piece.group(1) is not None
               and len(_WORDS.findall(piece.group(1))) >= _MD_LIST_ITEM_MIN_WORDS
               for piece in pieces):
        return False
    if m.start() and listed == m.start() - 1:
        return True
    above = text[text.rfind("\n", 0, max(m.start() - 1, 0)) + 1:max(m.start() - 1, 0)].strip()
    return (above.endswith(":") and "](" not in above
            and len(_WORDS.findall(above)) >= _MD_LIST_INTRO_MIN_WORDS
            and not _MD_LIST_INTRO_RELATED.search(above))


def _headline_link(line: str) -> bool:
    """True when a link of ``line`` reads as a headline: ``_MD_HEADLINE_MIN_WORDS`` words in
    one link (a breadcrumb or a section link is shorter)."""
    return any(len(_WORDS.findall(_MD_INNER_IMAGE.sub("", piece.group(1) or "")))
               >= _MD_HEADLINE_MIN_WORDS for piece in _MD_PIECE.finditer(line))


def _teaser_spans(text: str, links: list[tuple[int, int, bool]]) -> list[_Span]:
    """The teaser of a card: at most ``_MD_TEASER_LINES`` plain lines right under a linked
    headline and right above the next link-only line (the next card, a share icon), each a
    sentence-sized line of ``_MD_TEASER_MIN_WORDS`` words or more; a heading (the page's
    title under its breadcrumb), a line holding markdown, a table row or a longer paragraph
    is no teaser."""
    spans: list[_Span] = []
    for (_, above_end, headline), (below_start, _, _) in pairwise(links):
        if not headline:
            continue
        gap = text[above_end:below_start]
        lines = [line for line in gap.split("\n") if line.strip()]
        if not 1 <= len(lines) <= _MD_TEASER_LINES or "](" in gap or "|" in gap:
            continue
        if all(len(line) <= _MD_TEASER_MAX_CHARS and not line.lstrip().startswith("#")
               and len(_WORDS.findall(line)) >= _MD_TEASER_MIN_WORDS for line in lines):
            pos = above_end
            for line in gap.split("\n"):
                if line.strip():
                    spans.append((pos, pos + len(line), "markdown.teaser"))
                pos += len(line) + 1
    return spans


def _rule_rows(table: str, base: int) -> list[_Span]:
    """The rows of ``table`` that hold no text: its rule row and its empty cells."""
    spans: list[_Span] = []
    pos = base
    for row in table.split("\n"):
        if _MD_RULE_ROW.fullmatch(row):
            spans.append((pos, pos + len(row), "markdown.table_rule"))
        pos += len(row) + 1
    return spans


def _image_table(table: str) -> bool:
    """True when ``table`` (markdown rows) is an image with its caption rows under it."""
    rows = table.split("\n")
    if "![" not in rows[0] or len(rows) > _MD_CAPTION_ROWS:
        return False
    return _photo_row(rows[0]) and all(len(row) <= _MD_CAPTION_CELL or "![" in row
                                       for row in rows)


def _photo_row(row: str) -> bool:
    """True when every cell of a table ``row`` holding words holds an image too: a row of
    photos; a cell of words alone (``| ![](logo) | Đội | Điểm |``) makes a data table."""
    return not any(_WORDS.search(cell) and "![" not in cell for cell in row.split("|"))


def _markdown_line_spans(line: str, base: int) -> list[_Span]:
    """The whole ``line`` when only links and images are on it (not a top heading: a page's
    title may link to itself), else the markup of each link and each inline image."""
    pieces = _pieces(line)
    if not pieces:
        return []
    rest = _outside(line, pieces)
    sentence = _MD_LINE_STOP.search(line, pieces[-1].end()) is not None
    if not _LETTER.search(rest) and not line.lstrip().startswith("# ") and not sentence:
        images = all(piece.group(1) is None for piece in pieces)
        rule = "markdown.image" if images else "markdown.links"
        return [(base, base + len(line), rule)]
    first = pieces[0]
    if first.group(1) is None and not line[:first.start()].strip() and _same_words(
            _MD_ALT.match(first.group()).group(1), line[first.end():]):
        return [(base, base + len(line), "markdown.image_caption")]  # ![X](…)X
    words_outside = len(_WORDS.findall(rest))
    if ("](javascript:" in line and words_outside <= _MD_SCRIPT_LINE_MAX_WORDS
            and _button_line(line, pieces)):
        return [(base, base + len(line), "markdown.script_line")]  # a button's line
    links = sum(piece.group(1) is not None for piece in pieces)
    if (links >= 2 and words_outside <= _MD_ROW_MAX_WORDS and not sentence
            and not _MD_LOWER_WORD.search(_outside(line, pieces, between=True))):
        return [(base, base + len(line), "markdown.link_row")]  # "Các trang khác [A] [B]"
    return _link_markup(line, base, pieces)


def _flattened(line: str) -> bool:
    """``line`` is a markdown page flattened onto one line (a crawler joined its lines): at
    least ``flat_min_chars`` characters and ``flat_min_items`` list items or headings that
    open with a link or an image inside it (``... * [Thời sự](…) * [Kinh tế](…) ...``)."""
    return (len(line) >= _MD_FLAT_MIN_CHARS
            and len(_MD_FLAT_ITEM.findall(line)) >= _MD_FLAT_MIN_ITEMS)


def _flat_line_spans(line: str, base: int) -> list[_Span]:
    """The spans of a flattened page's line read piece by piece: cut before each list mark
    or heading mark, each piece is judged as a line of its own (a piece made only of links
    and images goes whole; in the others only the links' markup goes)."""
    cuts = [0, *(m.start() for m in _MD_FLAT_CUT.finditer(line)), len(line)]
    spans: list[_Span] = []
    for a, b in pairwise(cuts):
        piece = line[a:b].rstrip()
        if piece.strip():
            spans.extend(_markdown_line_spans(piece, base + a))
    return spans


def _pieces(line: str) -> list[regex.Match]:
    """The links and images of ``line``, none inside inline code."""
    pieces = list(_MD_PIECE.finditer(line))
    if "`" in line:
        code = [m.span() for m in _MD_CODE.finditer(line)]
        pieces = [p for p in pieces if not any(a < p.end() and p.start() < b for a, b in code)]
    return pieces


def _outside(line: str, pieces: list[regex.Match], *, between: bool = False) -> str:
    """The text of ``line`` outside its ``pieces`` (only between the first and the last
    with ``between``)."""
    bounds = [piece.span() for piece in pieces]
    gaps = [(a[1], b[0]) for a, b in pairwise(bounds)]
    if not between:
        gaps = [(0, bounds[0][0]), *gaps, (bounds[-1][1], len(line))]
    return " ".join(line[a:b] for a, b in gaps)


def _link_markup(line: str, base: int, pieces: list[regex.Match]) -> list[_Span]:
    """The markup of each link of ``line`` (its words stay) and each inline image."""
    spans: list[_Span] = []
    for piece in pieces:
        start, end = base + piece.start(), base + piece.end()
        if piece.group(1) is None:
            spans.append((start, end, "markdown.image"))
            continue
        spans.append((start, start + 1, "markdown.markup"))
        inner = base + piece.start(1)
        for image in _MD_INNER_IMAGE.finditer(piece.group(1)):
            spans.append((inner + image.start(), inner + image.end(), "markdown.image"))
        spans.append((base + piece.end(1), end, "markdown.markup"))
    return spans


def _button_line(line: str, pieces: list) -> bool:
    """True when ``line`` opens with a script link (``[Đăng nhập](javascript:…) hoặc ...``)
    or ends with one right after a question (``Chưa có tài khoản? [Tạo ngay](javascript:…)``);
    a script link inside a sentence leaves the sentence alone."""
    first, last = pieces[0], pieces[-1]
    if not line[:first.start()].strip(" \t*-") and "](javascript:" in first.group():
        return True
    return (not line[last.end():].strip() and "](javascript:" in last.group()
            and line[:last.start()].rstrip().endswith("?"))


def _same_words(alt: str, caption: str) -> bool:
    """True when ``caption`` (the text glued after an image) says what its ``alt`` says."""
    words = _WORDS.findall(caption)
    return bool(words) and words == _WORDS.findall(alt)


def _markdown_labels(text: str) -> list[Label]:
    """Labels of :func:`_markdown_spans`, overlaps dropped; images and their caption rows
    are captions, the rest site chrome."""
    labels: list[Label] = []
    last_end = -1
    for start, end, rule in sorted(_markdown_spans(text), key=_start_then_longest):
        if start < last_end:
            continue
        last_end = end
        labels.append(Label(start, end, _MD_KINDS.get(rule, KIND), rule))
    return labels


class StripMarkdownLinks(BoilerplateCleaner):
    """Delete the link chrome of a page dumped as markdown; keep the text of inline links.

    A line made only of links and images goes (a menu item, a card, a share icon); a link
    inside a sentence keeps its words and loses ``[``, ``](target "title")``; an image and
    the caption rows of its table go as captions. Runs first, so every later step reads
    the page as plain text. Texts without ``](`` pass untouched.

    >>> strip_markdown_links("Mưa lớn ở [Hà Nội](https://x.vn/ha-noi 'Hà Nội') từ chiều qua.")
    'Mưa lớn ở Hà Nội từ chiều qua.'
    >>> strip_markdown_links("* [Thời sự](https://x.vn/thoi-su)\\n"
    ...                      "Giá vàng [tăng] (theo SJC) hôm nay.")
    'Giá vàng [tăng] (theo SJC) hôm nay.'

    Its edits are nav; images and their captions are caption, teasers related, buttons promo.
    """

    name: ClassVar[str] = "strip_markdown_links"
    kind: ClassVar[str] = KIND

    def classify(self, text: str) -> list[Label]:
        """Labels for link-only lines, inline link markup, images and their caption tables."""
        if "](" not in text:  # (one substring scan: most texts hold no markdown link)
            return []
        return _markdown_labels(text)

    def find_edits(self, text: str) -> list[Edit]:
        """The deletions of :meth:`classify`; link markup between a word and a closing mark
        (``nghiệp](…),``) leaves nothing rather than a space."""
        edits = super().find_edits(text)
        return [replace(edit, replacement="") if edit.replacement and _glued_mark(text, edit)
                else edit for edit in edits]


def _glued_mark(text: str, edit: Edit) -> bool:
    """True when ``edit`` sits between a word and a closing mark, or an opening mark and a
    word: one space there would split the word from its mark."""
    after = text[edit.end] if edit.end < len(text) else ""
    before = text[edit.start - 1] if edit.start else ""
    return after in _MD_CLOSING or before in _MD_OPENING


strip_markdown_links = StripMarkdownLinks()


def _start_then_longest(span: _Span) -> tuple[int, int]:
    return span[0], -span[1]
