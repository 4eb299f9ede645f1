"""Turn a saved page into text blocks in reading order, each with what its markup tells.

Bytes are decoded (:func:`decode_html`), parsed with beautifulsoup4 (lxml where installed,
the stdlib parser otherwise, a flat tag-stripping path as the last resort) and walked
WITHOUT recursion, so a page nested 10,000 deep is just a long loop. Scripts, styles and
hidden elements are dropped; each block keeps its tag, enclosing landmarks (``nav``,
``footer``, ``figcaption``, ...), the kind its class and id words hint at and its link density.
"""

from __future__ import annotations

import codecs
import functools
import html as _stdlib_html
import warnings
from dataclasses import dataclass, field

import regex

from ._data import LazyPattern, json_data, named_list

__all__ = ["HtmlBlock", "Page", "decode_html", "segment_html", "parse_html", "FLAGS"]

#: Landmark flags a block inherits from its ancestors (bit per name).
FLAGS = ("nav", "header", "footer", "aside", "figure", "figcaption", "list", "table",
         "heading", "link", "form", "time", "blockquote", "h1", "main", "article", "pre")
_BIT = {name: 1 << i for i, name in enumerate(FLAGS)}
_TAG_FLAGS = {
    "nav": _BIT["nav"], "header": _BIT["header"], "footer": _BIT["footer"],
    "aside": _BIT["aside"], "figure": _BIT["figure"], "figcaption": _BIT["figcaption"],
    "ul": _BIT["list"], "ol": _BIT["list"], "menu": _BIT["list"], "dl": _BIT["list"],
    "table": _BIT["table"], "h1": _BIT["heading"] | _BIT["h1"], "h2": _BIT["heading"],
    "h3": _BIT["heading"], "h4": _BIT["heading"], "h5": _BIT["heading"],
    "h6": _BIT["heading"], "a": _BIT["link"], "form": _BIT["form"], "time": _BIT["time"],
    "blockquote": _BIT["blockquote"], "main": _BIT["main"], "article": _BIT["article"],
    "pre": _BIT["pre"], "listing": _BIT["pre"], "xmp": _BIT["pre"],
}
_LINK = _BIT["link"]
_PRE = _BIT["pre"]
#: Between the cells of a table row joined into one line (docs/html.md).
CELL_SEPARATOR = " | "
_CELLS = frozenset(("td", "th"))
_TABLE_CELL_MAX_CHARS = json_data("html_thresholds.json")["table_cell_max_chars"]

#: Elements whose content is never text of the page.
_DROP = frozenset(("script", "style", "noscript", "template", "head", "iframe", "svg",
                   "canvas", "object", "embed", "select", "option", "textarea", "button",
                   "input", "map", "audio", "video", "math", "title", "meta", "link"))
#: Elements that start and end a block.
_BLOCK = frozenset((
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu",
    "nav", "noframes", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul", "caption", "legend", "br", "img", "label"))
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)
_WORD_BREAK = regex.compile(r"[\s_\-]+")
_CHARSET_META = regex.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{1,40})""", regex.I)
_XML_ENCODING = regex.compile(rb"""^<\?xml[^>]{0,200}encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""")
_TAG = regex.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>",
                     regex.I | regex.S)
_FLAT_BREAK = regex.compile(
    r"</?(?:p|div|br|li|h[1-6]|tr|td|section|article|header|footer|nav|ul|ol|table|figure|"
    r"figcaption|blockquote)\b[^>]*>", regex.I)


def _hint_pattern() -> LazyPattern:
    """One regex over a normalized class/id string, one named group per kind."""
    spec = json_data("html_classes.json")
    parts = []
    for kind in spec["order"]:
        words = {" ".join(w.lower().split()) for w in spec[kind]}
        parts.append(f"(?P<{kind}>{named_list(tuple(words))})")
    return LazyPattern(r"(?<![a-z0-9])(?:" + "|".join(parts) + r")(?![a-z0-9])")


_HINT = _hint_pattern()
_HINT_ORDER = tuple(json_data("html_classes.json")["order"])


@functools.lru_cache(maxsize=4096)
def class_hint(words: str) -> tuple[str, str]:
    """(kind, word) that class/id ``words`` hint at, or ``("", "")``.

    >>> class_hint("PhotoCMS_Caption")
    ('caption', 'photocms caption')
    >>> class_hint("box-tinlienquan clearfix")
    ('related', 'tinlienquan')
    >>> class_hint("captionless")
    ('', '')
    >>> class_hint("hoa-hau")
    ('', '')
    """
    text = _WORD_BREAK.sub(" ", words.lower())
    best: tuple[int, str, str] | None = None
    for match in _HINT.finditer(text, overlapped=True):
        kind = match.lastgroup or ""
        rank = _HINT_ORDER.index(kind)
        if best is None or rank < best[0]:
            best = (rank, kind, match.group())
    return (best[1], best[2]) if best else ("", "")


@dataclass(frozen=True, slots=True)
class HtmlBlock:
    """One text block of a page with its structural hints.

    ``flags`` names the landmarks it sits in (``nav``, ``figcaption``, ``list``, ...);
    ``hint`` is the kind its nearest class or id words suggest (``caption``, ``related``,
    ``byline``, ``promo``, ``nav``, ``content`` or ``""``) and ``hint_element`` the element
    whose words gave it; ``element`` is the block's own element in :class:`Page`;
    ``links`` counts the links that start in it and ``unlinked`` is its text outside them.
    """

    text: str
    tag: str
    flags: frozenset[str]
    hint: str
    link_density: float
    element: int
    hint_element: int = -1
    links: int = 0
    unlinked: str = ""


@dataclass
class Page:
    """A segmented page: blocks in reading order plus the element tree they hang from.

    ``parents[e]`` is element ``e``'s parent (-1 at the root); ``tags[e]`` its tag name;
    ``alts`` the alt texts of its images; ``soup`` the parse tree (``None`` on the flat path).
    """

    blocks: list[HtmlBlock] = field(default_factory=list)
    parents: list[int] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    hint_from: list[int] = field(default_factory=list)
    alts: set[str] = field(default_factory=set)
    soup: object = None
    parser: str = ""
    declared_title: str | None = None

    @property
    def text(self) -> str:
        """The extracted text: one block a line."""
        return "\n".join(block.text for block in self.blocks)


# --------------------------------------------------------------------------- decoding

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (meta charset, http-equiv, XML prolog).

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')
    'cp1258'
    """
    head = data[:4096]
    match = _CHARSET_META.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").strip().lower()
    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return None


def decode_html(data: bytes | str) -> str:
    """Decode a page: BOM, then strict UTF-8, then the declared charset, then detection.

    Strict UTF-8 comes before the declaration because a page that decodes as UTF-8 almost
    surely is UTF-8 whatever it declares (``iso-8859-1`` headers on UTF-8 pages are common).

    >>> decode_html("Tin tức".encode("utf-8") + b'<meta charset="iso-8859-1">')[:7]
    'Tin tức'
    >>> decode_html("Tin tức".encode("utf-16"))
    'Tin tức'
    """
    if isinstance(data, str):
        return data
    data = bytes(data)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and not _looks_wrong(declared, data):
            return text
    return _detect(data)


def _looks_wrong(declared: str, data: bytes) -> bool:
    """Latin-1 family declarations on Vietnamese bytes that are really windows-1258."""
    if declared not in ("iso8859-1", "cp1252", "iso8859-15"):
        return False
    return b"\xd2" in data or b"\xde" in data or b"\xec" in data or b"\xf2" in data


def _detect(data: bytes) -> str:
    from bs4.dammit import UnicodeDammit

    try:
        dammit = UnicodeDammit(data, ["windows-1258"] if b"\xcc" in data or b"\xd2" in data
                               else [], is_html=True)
        if dammit.unicode_markup is not None:
            return dammit.unicode_markup
    except Exception:  # detection is best effort; never let it raise
        pass
    return data.decode("utf-8", errors="replace")


# --------------------------------------------------------------------------- parsing

def parse_html(text: str):
    """A bs4 tree of ``text`` (lxml, else html.parser) and the parser's name, or (None, "")."""
    from bs4 import BeautifulSoup

    _quiet_bs4()
    for parser in _parsers():
        try:
            return BeautifulSoup(text, parser, multi_valued_attributes=None), parser
        except RecursionError:
            continue
        except Exception:  # a parser that chokes on hostile markup: try the next one
            continue
    return None, ""


def _quiet_bs4() -> None:
    """Ignore bs4's warnings that markup looks like XML or like a file name, raised at this
    module's calls only: ``clean_html`` reads whatever it is given as HTML on purpose, and a
    crawl's RSS or XHTML pages would print them. (Set on each parse: a ``catch_warnings``
    block, as pytest opens one a test, may have dropped the filter since.)"""
    from bs4 import MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

    for category in (XMLParsedAsHTMLWarning, MarkupResemblesLocatorWarning):
        warnings.filterwarnings("ignore", category=category, module=_THIS_MODULE)


_THIS_MODULE = regex.escape(__name__) + r"\Z"


def _parsers() -> tuple[str, ...]:
    try:
        import lxml  # noqa: F401
    except ImportError:
        return ("html.parser",)
    return ("lxml", "html.parser")


def segment_html(html: bytes | str) -> Page:
    """Segment a page into blocks in reading order (never raises on broken markup).

    >>> page = segment_html('<nav><a href="/">Trang chủ</a></nav><article>'
    ...     '<h1>Mưa lớn</h1><p>Hà Nội mưa to.</p><figure><img alt="Mưa">'
    ...     '<figcaption>Phố ngập. Ảnh: TTXVN</figcaption></figure></article>')
    >>> [(b.text, b.tag, sorted(b.flags)) for b in page.blocks]  # doctest: +NORMALIZE_WHITESPACE
    [('Trang chủ', 'nav', ['link', 'nav']), ('Mưa lớn', 'h1', ['article', 'h1', 'heading']),
     ('Hà Nội mưa to.', 'p', ['article']),
     ('Phố ngập. Ảnh: TTXVN', 'figcaption', ['article', 'figcaption', 'figure'])]
    """
    text = decode_html(html)
    if "<" not in text:
        return _flat_page(text)
    soup, parser = parse_html(text)
    if soup is None:
        return _flat_page(text)
    try:
        page = _Walker().walk(soup)
    except RecursionError:
        return _flat_page(text)
    if not page.blocks:  # e.g. an unclosed <title> swallowed the page: strip tags instead
        return _flat_page(text)
    page.blocks = join_table_rows(page)
    page.soup, page.parser = soup, parser
    page.declared_title = _declared_title(soup)
    return page


def join_table_rows(page: Page) -> list[HtmlBlock]:
    """The page's blocks with each table row's cells joined into one block (one line), the
    cells separated by :data:`CELL_SEPARATOR`.

    Only rows of simple cells are joined: each cell one block of at most
    ``table_cell_max_chars``; a layout table whose cell holds paragraphs (old CMS pages
    lay out the whole article so) keeps its blocks.

    >>> page = segment_html("<table><tr><th>Tỉnh</th><th>Số ca</th></tr>"
    ...                     "<tr><td>Hà Nội</td><td>12</td></tr></table>")
    >>> [b.text for b in page.blocks]
    ['Tỉnh | Số ca', 'Hà Nội | 12']
    """
    blocks, out = page.blocks, []
    i = 0
    while i < len(blocks):
        j = _row_end(page, i)
        if j - i < 2:
            out.append(blocks[i])
            i += 1
            continue
        out.append(_joined(page, blocks[i:j]))
        i = j
    return out


def _row_end(page: Page, start: int) -> int:
    """End of the run of simple cells of one row starting at block ``start``."""
    blocks, tags, parents = page.blocks, page.tags, page.parents
    first = blocks[start].element
    if tags[first] not in _CELLS:
        return start + 1
    row, seen, end = parents[first], set(), start
    while end < len(blocks):
        block = blocks[end]
        cell = block.element
        if (tags[cell] not in _CELLS or parents[cell] != row or cell in seen
                or len(block.text) > _TABLE_CELL_MAX_CHARS):
            break
        seen.add(cell)
        end += 1
    if end < len(blocks) and blocks[end].element in seen:  # a cell of several blocks
        return start + 1
    return end


def _joined(page: Page, cells: list[HtmlBlock]) -> HtmlBlock:
    """One block for a row's cells: their texts joined, link density weighted by size."""
    size = sum(len(c.text) for c in cells) or 1
    density = sum(c.link_density * len(c.text) for c in cells) / size
    flags = frozenset.intersection(*(c.flags for c in cells)) - {"link"}
    hints = {c.hint for c in cells}
    first = cells[0]
    return HtmlBlock(
        text=CELL_SEPARATOR.join(c.text for c in cells), tag=page.tags[page.parents[first.element]],
        flags=flags | ({"link"} if density >= 0.8 else set()),
        hint=first.hint if len(hints) == 1 else "", link_density=density,
        element=page.parents[first.element],
        hint_element=first.hint_element if len(hints) == 1 else -1,
        links=sum(c.links for c in cells),
        unlinked=" ".join(c.unlinked for c in cells if c.unlinked))


def _declared_title(soup) -> str | None:
    """``og:title``, else ``<title>``: what the page says its headline is."""
    try:
        meta = soup.find("meta", attrs={"property": "og:title"})
        if meta is not None and isinstance(meta.get("content"), str) and meta["content"].strip():
            return " ".join(meta["content"].split())
        title = soup.find("title")
        if title is not None:
            return " ".join(title.get_text(" ").split()) or None
    except RecursionError:
        pass
    return None


def _flat_page(text: str) -> Page:
    """Last resort: strip tags with one regex, one block per non-empty line."""
    page = Page(parents=[-1], tags=["#flat"], hints=[""], parser="flat")
    # (flat blocks carry no hints)
    body = _FLAT_BREAK.sub("\n", text)
    body = _stdlib_html.unescape(_TAG.sub(" ", body))
    for line in body.split("\n"):
        folded = " ".join(line.split())
        if folded:
            page.blocks.append(HtmlBlock(folded, "#flat", frozenset(), "", 0.0, 0))
    return page


class _Walker:
    """One pass over the tree with an explicit stack; collects blocks and the element table."""

    def __init__(self) -> None:
        self.page = Page()
        self.flags: list[int] = []
        self.hint_from: list[int] = self.page.hint_from
        self.block_of: list[int] = []
        self.pieces: list[str] = []
        self.link_chars = 0
        self.links = 0
        self.unlinked: list[str] = []
        self.inline_hint = ""
        self.inline_hint_chars = 0

    def walk(self, soup) -> Page:
        from bs4.element import NavigableString, PreformattedString, Tag

        page = self.page
        parents, tags, flags = page.parents, page.tags, self.flags
        stack: list = [(soup, -1)]
        while stack:
            node, parent = stack.pop()
            if node is None:  # closing marker: parent holds the element id
                self._flush(parent)
                continue
            if isinstance(node, NavigableString):
                if not isinstance(node, PreformattedString) and parent >= 0:
                    self._text(str(node), parent)
                continue
            if not isinstance(node, Tag):
                continue
            name = (node.name or "").lower()
            if name in _DROP or _hidden(node.attrs):
                continue
            eid = len(tags)
            tags.append(name)
            parents.append(parent)
            own = _TAG_FLAGS.get(name, 0)
            flags.append(own | (flags[parent] if parent >= 0 else 0))
            hint, origin = self._hint_of(node.attrs, parent)
            page.hints.append(hint)
            self.hint_from.append(eid if origin < 0 else origin)
            is_block = name in _BLOCK or parent < 0
            if name == "a":
                self.links += 1
            self.block_of.append(eid if is_block else self.block_of[parent])
            if name == "img":
                self._flush(parent)
                self._image_alt(node.attrs)
                continue
            if is_block:
                self._flush(parent if parent >= 0 else eid)
                stack.append((None, eid))
            children = node.contents
            if children:
                stack.extend((child, eid) for child in reversed(children))
        self._flush(0 if tags else -1)
        return page

    def _hint_of(self, attrs: dict, parent: int) -> tuple[str, int]:
        """The element's own hint (origin -1), else its parent's (origin: where it came from)."""
        words = " ".join(v for k in ("class", "id", "itemprop")
                         if isinstance(v := attrs.get(k), str) and v)
        if words:
            hint = class_hint(words[:400])[0]
            if hint:
                return hint, -1
        if parent >= 0:
            return self.page.hints[parent], self.hint_from[parent]
        return "", -1

    def _image_alt(self, attrs: dict) -> None:
        alt = attrs.get("alt")
        if isinstance(alt, str):
            folded = " ".join(alt.split())
            if folded:
                self.page.alts.add(folded)

    def _text(self, text: str, element: int) -> None:
        if self.flags[element] & _PRE and text:  # preformatted: its line breaks are kept
            if text.isspace() and "\n" not in text:
                text = " "
        elif not text or text.isspace():
            if self.pieces and text:
                self.pieces.append(" ")
            return
        self.pieces.append(text)
        size = len(text)
        if self.flags[element] & _LINK:
            self.link_chars += size
        else:
            self.unlinked.append(text)
        hint = self.page.hints[element]
        if hint and hint != self.page.hints[self.block_of[element]]:
            if hint == self.inline_hint or not self.inline_hint:
                self.inline_hint = hint
                self.inline_hint_chars += size

    def _flush(self, element: int) -> None:
        if not self.pieces:
            self.links = 0  # a link with no text (an image link) belongs to no block
            return
        raw = "".join(self.pieces)
        self.pieces = []
        link_chars, self.link_chars = self.link_chars, 0
        links, self.links = self.links, 0
        unlinked, self.unlinked = self.unlinked, []
        inline_hint, inline_chars = self.inline_hint, self.inline_hint_chars
        self.inline_hint, self.inline_hint_chars = "", 0
        if element < 0:
            return
        page = self.page
        block = self.block_of[element]
        if self.flags[block] & _PRE:
            lines = [" ".join(line.split()) for line in raw.split("\n")]
            text = "\n".join(line for line in lines if line)
        else:
            text = " ".join(raw.split())
        if not text:
            return
        hint, origin = page.hints[block], self.hint_from[block]
        if inline_hint and inline_chars >= 0.8 * len(raw.strip()):
            hint, origin = inline_hint, block
        bits = self.flags[block]
        if link_chars >= 0.8 * len(raw.strip()):
            bits |= _LINK
        flags = frozenset(name for name, bit in _BIT.items() if bits & bit)
        density = min(1.0, link_chars / max(1, len(raw.strip())))
        outside = " ".join(" ".join(unlinked).split()) if links else ""
        for line in text.split("\n"):  # one block a line (a <pre> holds several)
            page.blocks.append(HtmlBlock(
                text=line, tag=page.tags[block], flags=flags, hint=hint, link_density=density,
                element=block, hint_element=origin, links=links, unlinked=outside))


def _hidden(attrs: dict) -> bool:
    if not attrs:
        return False
    if "hidden" in attrs:
        return True
    if str(attrs.get("aria-hidden", "")).strip().lower() == "true":
        return True
    style = attrs.get("style")
    return (isinstance(style, str) and ("none" in style or "hidden" in style)
            and _HIDDEN_STYLE.search(style) is not None)
