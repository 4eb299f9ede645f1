"""What the markup says about each block: the main article region, then a label per block.

Classify, then act (as every vnclean cleaner does): :func:`label_blocks` gives each
boilerplate block of a :class:`~vnclean.html_blocks.Page` a kind and a rule
(``html.figcaption``, ``html.nav_element``, ``html.link_dense``, ``html.class_caption``, ...);
the text pipeline then runs over what is left. First the article region is found, as
readability does: paragraph-like blocks vote for their parent and grandparent elements;
the element with the most votes, discounted by its link density, is the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._data import json_data
from .html_blocks import HtmlBlock, Page

__all__ = ["BlockLabel", "label_blocks", "main_region", "HTML_RULES"]

_T = json_data("html_thresholds.json")

#: Every rule this module can give, with its kind (documented in docs/html.md).
HTML_RULES = {
    "html.figcaption": "caption",
    "html.class_caption": "caption",
    "html.image_alt": "caption",
    "html.nav_element": "nav",
    "html.header_element": "nav",
    "html.footer_element": "promo",
    "html.aside_element": "related",
    "html.form_element": "nav",
    "html.link_dense": "related",
    "html.class_related": "related",
    "html.class_promo": "promo",
    "html.class_nav": "nav",
    "html.class_byline": "byline",
    "html.time_element": "byline",
    "html.outside_main": "nav",
}

_BOILER_HINTS = frozenset(("caption", "related", "promo", "nav"))
#: Tags that hold text directly as a container would (``<div>text<br>text</div>``).
_CONTAINERS = frozenset(("div", "td", "section", "article", "main", "body", "center", "font"))
_BAD_FLAGS = frozenset(("nav", "footer", "aside", "figcaption", "form"))


@dataclass(frozen=True, slots=True)
class BlockLabel:
    """Block ``index`` of a page is boilerplate of ``kind``, as ``rule`` says."""

    index: int
    kind: str
    rule: str


def _is_paragraph(block: HtmlBlock) -> bool:
    """A block that reads like article prose: long enough, few links, no boilerplate hint."""
    return (len(block.text) >= _T["paragraph_min_chars"]
            and block.link_density < _T["paragraph_max_link_density"]
            and block.hint not in _BOILER_HINTS
            and not (block.flags & _BAD_FLAGS))


def _ancestors(page: Page, element: int, limit: int = 256):
    parents = page.parents
    steps = 0
    while element >= 0 and steps < limit:
        yield element
        element = parents[element]
        steps += 1


def main_region(page: Page) -> set[int]:
    """Element ids whose subtrees hold the article (empty when nothing reads like prose).

    >>> from vnclean.html_blocks import segment_html
    >>> long = "Người dân Hà Nội đội mưa đi làm, nhiều tuyến phố ngập sâu, xe chết máy. "
    >>> page = segment_html('<ul><li><a href="/">Trang chủ</a></li></ul>'
    ...     f'<div class="detail"><p>{long}</p><p>{long}</p></div><div>©</div>')
    >>> [page.tags[e] for e in main_region(page)]
    ['div']
    """
    n = len(page.tags)
    if not n:
        return set()
    score: dict[int, float] = {}
    total = [0] * n
    links = [0] * n
    weights = _T["vote_weights"]
    for block in page.blocks:
        size = len(block.text)
        linked = int(size * block.link_density)
        for element in _ancestors(page, block.element):
            total[element] += size
            links[element] += linked
        if not _is_paragraph(block):
            continue
        vote = 1.0 + min(size / _T["vote_chars"], _T["vote_cap"]) + block.text.count(",") * 0.1
        start = block.element if block.tag in _CONTAINERS else page.parents[block.element]
        for weight, element in zip(weights, _ancestors(page, start)):
            score[element] = score.get(element, 0.0) + vote * weight
    if not score:
        return set()
    content_boost = _T["content_hint_boost"]
    best, best_score = -1, 0.0
    for element, value in score.items():
        if total[element]:
            value *= 1.0 - links[element] / total[element]
        if page.hints[element] == "content":
            value *= content_boost
        if value > best_score:
            best, best_score = element, value
    region = {best}
    parent = page.parents[best]
    if parent >= 0:
        threshold = max(_T["sibling_min_score"], best_score * _T["sibling_share"])
        for element, value in score.items():
            if element != best and page.parents[element] == parent and value >= threshold:
                region.add(element)
    return region


def _in_region(page: Page, element: int, region: set[int]) -> bool:
    return any(e in region for e in _ancestors(page, element))


def _title_index(page: Page, title: str | None) -> int:
    """Index of the block holding the article's title (an ``h1``, or one equal to ``title``)."""
    wanted = " ".join(title.split()).casefold() if title else ""
    first_h1 = -1
    for i, block in enumerate(page.blocks):
        if wanted and block.text.casefold() == wanted and "heading" in block.flags:
            return i
        if first_h1 < 0 and "h1" in block.flags and not (block.flags & _BAD_FLAGS) \
                and block.link_density < 0.5:
            first_h1 = i
    if first_h1 >= 0:
        return first_h1
    if wanted:
        for i, block in enumerate(page.blocks):
            if block.text.casefold() == wanted:
                return i
    return -1


def _outside_label(block: HtmlBlock) -> tuple[str, str]:
    """Kind and rule for a block outside the article: the most specific evidence wins."""
    flags = block.flags
    if "figcaption" in flags:
        return "caption", "html.figcaption"
    if "nav" in flags:
        return "nav", "html.nav_element"
    if "footer" in flags:
        return "promo", "html.footer_element"
    if "aside" in flags:
        return "related", "html.aside_element"
    if block.hint in _BOILER_HINTS or block.hint == "byline":
        return _class_label(block)
    if block.link_density >= _T["link_dense"]:
        return ("related" if len(block.text) >= _T["related_min_chars"] else "nav"), \
            "html.link_dense"
    if "header" in flags:
        return "nav", "html.header_element"
    if "form" in flags:
        return "nav", "html.form_element"
    return "nav", "html.outside_main"


def _class_label(block: HtmlBlock) -> tuple[str, str]:
    return block.hint, f"html.class_{block.hint}"


def _inside_label(block: HtmlBlock, alts: set[str]) -> tuple[str, str] | None:
    """Kind and rule for a boilerplate block inside the article, or ``None`` to keep it."""
    flags = block.flags
    if "figcaption" in flags:
        return "caption", "html.figcaption"
    if block.hint == "caption":
        return "caption", "html.class_caption"
    if block.text in alts and len(block.text) < _T["alt_max_chars"]:
        return "caption", "html.image_alt"
    if "nav" in flags:
        return "nav", "html.nav_element"
    if "footer" in flags:
        return "promo", "html.footer_element"
    if "aside" in flags:
        return "related", "html.aside_element"
    if block.hint in ("related", "promo", "nav"):
        return _class_label(block)
    if block.hint == "byline" and len(block.text) < _T["byline_max_chars"]:
        return _class_label(block)
    if "time" in flags and len(block.text) < _T["byline_max_chars"]:
        return "byline", "html.time_element"
    if block.link_density >= _T["link_dense"] and len(block.text) >= _T["link_dense_min_chars"]:
        return "related", "html.link_dense"
    return None


def label_blocks(page: Page, *, title: str | None = None) -> list[BlockLabel]:
    """Labels for every boilerplate block of ``page``; unlabelled blocks are kept.

    >>> from vnclean.html_blocks import segment_html
    >>> long = "Người dân Hà Nội đội mưa đi làm, nhiều tuyến phố ngập sâu, xe chết máy. "
    >>> page = segment_html('<nav><a href="/">Trang chủ</a></nav><article><h1>Mưa lớn</h1>'
    ...     f'<p>{long}</p><figure><figcaption>Phố ngập.</figcaption></figure></article>')
    >>> [(page.blocks[l.index].text, l.kind, l.rule) for l in label_blocks(page)]
    [('Trang chủ', 'nav', 'html.nav_element'), ('Phố ngập.', 'caption', 'html.figcaption')]
    """
    blocks = page.blocks
    if not blocks:
        return []
    region = main_region(page)
    title_at = _title_index(page, title)
    inside = [bool(region) and _in_region(page, b.element, region) for b in blocks]
    if not region:  # nothing reads like an article: judge each block by its own hints
        inside = [True] * len(blocks)
    first_inside = next((i for i, v in enumerate(inside) if v), len(blocks))
    labels = []
    for i, block in enumerate(blocks):
        if i == title_at:
            continue
        if not inside[i] and not _lead_between(page, i, title_at, first_inside):
            kind, rule = _outside_label(block)
            labels.append(BlockLabel(i, kind, rule))
            continue
        found = _inside_label(block, page.alts)
        if found:
            labels.append(BlockLabel(i, *found))
    return labels


def _lead_between(page: Page, index: int, title_at: int, first_inside: int) -> bool:
    """A prose block between the title and the article region: the lead (sapo)."""
    if not 0 <= title_at < index < first_inside:
        return False
    block = page.blocks[index]
    return _is_paragraph(block) and index - title_at <= _T["lead_max_distance"]
