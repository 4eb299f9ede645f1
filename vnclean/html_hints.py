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

import regex

from ._data import json_data
from .html_blocks import HtmlBlock, Page

__all__ = ["BlockLabel", "label_blocks", "main_region", "HTML_RULES"]

_T = json_data("html_thresholds.json")

#: Every rule this module can give, with the one kind it always gives (docs/html.md).
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
    "html.link_menu": "nav",
    "html.class_related": "related",
    "html.class_promo": "promo",
    "html.class_nav": "nav",
    "html.class_byline": "byline",
    "html.time_element": "byline",
    "html.teaser_box": "related",
    "html.outside_main": "nav",
}

_BOILER_HINTS = frozenset(("caption", "related", "promo", "nav"))
#: Tags that hold text directly as a container would (``<div>text<br>text</div>``).
_CONTAINERS = frozenset(("div", "td", "section", "article", "main", "body", "center", "font"))
_BAD_FLAGS = frozenset(("nav", "footer", "aside", "figcaption"))
#: A sentence's end: ``.``, ``!``, ``?`` or ``…``, then maybe closing quotes or brackets.
_SENTENCE_END = regex.compile(r"[.!?…][\"'”’»)\]]*\Z")
_LETTER = regex.compile(r"\p{L}")


def _is_linked_prose(block: HtmlBlock) -> bool:
    """A sentence of story that is mostly one or two inline links, not a list of links.

    Why: ``<p>Trước đó, <a>Thủ tướng đã yêu cầu ... thủ tục</a>.</p>`` is link-dense, yet
    it is prose: few links, words outside them, a sentence's length and end. A menu or a
    related list has many links or bare linked headlines; ``Xem thêm: <a>...</a>`` has its
    label's colon outside the link.
    """
    text = block.text
    unlinked = block.unlinked
    return (0 < block.links <= _T["linked_prose_max_links"]
            and len(text.split()) >= _T["linked_prose_min_words"]
            and _SENTENCE_END.search(text) is not None
            and ":" not in unlinked
            and _LETTER.search(unlinked) is not None)


def _link_dense(block: HtmlBlock) -> bool:
    """Mostly link text and not a sentence of prose built around a link."""
    return block.link_density >= _T["link_dense"] and not _is_linked_prose(block)


@dataclass(frozen=True, slots=True)
class BlockLabel:
    """Block ``index`` of a page is boilerplate of ``kind``, as ``rule`` says."""

    index: int
    kind: str
    rule: str


def _is_paragraph(block: HtmlBlock, hint: str) -> bool:
    """A block that reads like article prose: long enough, few links, no boilerplate hint."""
    return (len(block.text) >= _T["paragraph_min_chars"]
            and block.link_density < _T["paragraph_max_link_density"]
            and hint not in _BOILER_HINTS
            and not (block.flags & _BAD_FLAGS))


def _subtree_sizes(page: Page) -> tuple[list[int], list[int]]:
    """Characters and linked characters under every element."""
    total = [0] * len(page.tags)
    links = [0] * len(page.tags)
    for block in page.blocks:
        size = len(block.text)
        linked = int(size * block.link_density)
        for element in _ancestors(page, block.element):
            total[element] += size
            links[element] += linked
    return total, links


def block_hints(page: Page, total: list[int] | None = None) -> list[str]:
    """Each block's class/id hint, dropped where the hinted element holds much of the page.

    Why: a whole article sometimes sits in a ``<div class="newsother">``; a real related box
    or caption is a small part of its page and does not hold the page's ``h1``.
    """
    if total is None:
        total = _subtree_sizes(page)[0]
    page_chars = sum(len(b.text) for b in page.blocks) or 1
    limit = max(_T["hint_max_chars"], page_chars * _T["hint_max_share"])
    holds_title = {e for b in page.blocks if "h1" in b.flags for e in _ancestors(page, b.element)}
    hints = []
    for block in page.blocks:
        hint = block.hint
        origin = block.hint_element
        if hint and hint != "content" and 0 <= origin < len(total) and (
                total[origin] > limit
                or (origin in holds_title and hint != "nav" and "h1" not in block.flags)):
            hint = ""
        hints.append(hint)
    return hints


def _ancestors(page: Page, element: int, limit: int = 256):
    parents = page.parents
    steps = 0
    while element >= 0 and steps < limit:
        yield element
        element = parents[element]
        steps += 1


def main_region(page: Page, hints: list[str] | None = None,
                sizes: tuple[list[int], list[int]] | None = None,
                teasers: dict[int, int] | None = None) -> set[int]:
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
    total, links = sizes or _subtree_sizes(page)
    if hints is None:
        hints = block_hints(page, total)
    weights = _T["vote_weights"]
    para: dict[int, int] = {}
    if teasers is None:
        teasers = teaser_blocks(page, (total, links))
    for i, (block, hint) in enumerate(zip(page.blocks, hints)):
        size = len(block.text)
        if i in teasers or not _is_paragraph(block, hint):
            continue
        for element in _ancestors(page, block.element, 32):
            para[element] = para.get(element, 0) + size
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
    best = _climb(page, best, para, total, links)
    region = {best}
    parent = page.parents[best]
    if parent >= 0:
        threshold = max(_T["sibling_min_score"], best_score * _T["sibling_share"])
        for element, value in score.items():
            if element != best and page.parents[element] == parent and value >= threshold:
                region.add(element)
    return region


def _climb(page: Page, best: int, para: dict[int, int], total: list[int],
           links: list[int]) -> int:
    """Widen the article to an ancestor that holds much more prose (a story split over
    sibling tables or boxes, as old CMS pages lay out photo stories)."""
    current = best
    for ancestor in _ancestors(page, page.parents[best], _T["climb_levels"]):
        if page.tags[ancestor] in ("body", "html", "[document]"):
            break
        if total[ancestor] and links[ancestor] / total[ancestor] > _T["climb_max_link_density"]:
            break
        if para.get(ancestor, 0) < total[ancestor] * _T["climb_min_prose_share"]:
            break
        if para.get(ancestor, 0) >= para.get(current, 0) * _T["climb_gain"]:
            current = ancestor
    best = current
    return best


def _in_region(page: Page, element: int, region: set[int]) -> bool:
    return any(e in region for e in _ancestors(page, element))


def _holds_region(page: Page, box: int, region: set[int]) -> bool:
    """True when ``box`` is the article region or one of its ancestors."""
    return any(_in_region(page, element, {box}) for element in region)


def _title_index(page: Page, title: str | None, first_inside: int) -> int:
    """Index of the block holding the article's title.

    Candidates: a block equal to the declared title (``og:title``/``<title>``), a block the
    declared title starts with (``<title>`` often adds the site's name), else an ``h1``.
    Of several, the last one before the article region wins (templates repeat titles in
    menus and "hot news" boxes before the story).
    """
    wanted = " ".join(title.split()).casefold() if title else ""
    exact: list[int] = []
    first_h1 = -1
    for i, block in enumerate(page.blocks):
        if block.link_density >= 0.5 or block.flags & _BAD_FLAGS:
            continue
        text = block.text.casefold()
        if wanted and (text == wanted or (len(text) >= _T["title_min_chars"]
                                          and wanted.startswith(text))):
            exact.append(i)
        elif first_h1 < 0 and "h1" in block.flags:
            first_h1 = i
    if exact:
        return min(exact, key=lambda i: (abs(i - first_inside), -i))
    return first_h1


#: Landmark elements that make a block boilerplate inside or outside the article, in order.
_LANDMARKS = (("nav", "nav", "html.nav_element"), ("footer", "promo", "html.footer_element"),
              ("aside", "related", "html.aside_element"))


def _landmark_label(flags: frozenset[str]) -> tuple[str, str] | None:
    """Kind and rule of the first landmark in :data:`_LANDMARKS` the block sits in."""
    return next(((kind, rule) for flag, kind, rule in _LANDMARKS if flag in flags), None)


def _outside_label(block: HtmlBlock, hint: str) -> tuple[str, str]:
    """Kind and rule for a block outside the article: the most specific evidence wins."""
    flags = block.flags
    if "figcaption" in flags:
        return "caption", "html.figcaption"
    landmark = _landmark_label(flags)
    if landmark:
        return landmark
    if hint in _BOILER_HINTS or hint == "byline":
        return hint, f"html.class_{hint}"
    if block.link_density >= _T["link_dense"]:
        if len(block.text) >= _T["related_min_chars"]:
            return "related", "html.link_dense"
        return "nav", "html.link_menu"
    if "header" in flags:
        return "nav", "html.header_element"
    if "form" in flags:
        return "nav", "html.form_element"
    return "nav", "html.outside_main"


def _inside_label(block: HtmlBlock, hint: str, alts: set[str]) -> tuple[str, str] | None:
    """Kind and rule for a boilerplate block inside the article, or ``None`` to keep it."""
    flags = block.flags
    if "figcaption" in flags:
        return "caption", "html.figcaption"
    if hint == "caption":
        return "caption", "html.class_caption"
    if block.text in alts and len(block.text) < _T["alt_max_chars"]:
        return "caption", "html.image_alt"
    landmark = _landmark_label(flags)
    if landmark:
        return landmark
    if hint in ("related", "promo", "nav") or (
            hint == "byline" and len(block.text) < _T["byline_max_chars"]):
        return hint, f"html.class_{hint}"
    if "time" in flags and len(block.text) < _T["byline_max_chars"]:
        return "byline", "html.time_element"
    if _link_dense(block) and len(block.text) >= _T["link_dense_min_chars"]:
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
    sizes = _subtree_sizes(page)
    hints = block_hints(page, sizes[0])
    teasers = teaser_blocks(page, sizes)
    region = main_region(page, hints, sizes, teasers)
    inside = [bool(region) and _in_region(page, b.element, region) for b in blocks]
    if not region:  # nothing reads like an article: judge each block by its own hints
        inside = [True] * len(blocks)
    first_inside = next((i for i, v in enumerate(inside) if v), len(blocks))
    title_at = _title_index(page, title if title is not None else page.declared_title,
                            first_inside)
    labels = []
    for i, block in enumerate(blocks):
        if i == title_at:
            continue
        if not inside[i] and not _lead_between(page, i, hints[i], title_at, first_inside):
            kind, rule = _outside_label(block, hints[i])
            labels.append(BlockLabel(i, kind, rule))
            continue
        found = _inside_label(block, hints[i], page.alts)
        if found is None and i in teasers and not _holds_region(page, teasers[i], region):
            found = ("related", "html.teaser_box")
        if found:
            labels.append(BlockLabel(i, *found))
    return _keep_photo_story(page, labels, title_at)


def _keep_photo_story(page: Page, labels: list[BlockLabel], title_at: int) -> list[BlockLabel]:
    """A photo story's captions ARE the story: when captions outweigh the prose, keep them."""
    labelled = {label.index for label in labels}
    captions = sum(len(page.blocks[label.index].text) for label in labels
                   if label.kind == "caption")
    if sum(label.kind == "caption" for label in labels) < _T["photo_story_min_captions"]:
        return labels
    prose = sum(len(b.text) for i, b in enumerate(page.blocks)
                if i not in labelled and i != title_at)
    if captions < prose * _T["photo_story_caption_share"]:
        return labels
    return [label for label in labels if label.kind != "caption"]


def teaser_blocks(page: Page, sizes: tuple[list[int], list[int]]) -> dict[int, int]:
    """Blocks in small boxes that hold a linked headline (teasers of other stories), each
    mapped to its box element.

    Why: a related-story teaser is a linked title plus a summary paragraph, and the summary
    reads like prose; the box around both (a few hundred characters, a few levels up, the
    headline first or several headlines) gives it away. The linked headline itself is left
    to the link-density rule; a box around the page's ``h1`` or with a content class
    (``fck_detail``) is never a teaser box.
    """
    total = sizes[0]
    levels = _T["teaser_levels"] + 1
    first_headline: dict[int, int] = {}  # box element -> index of its first linked headline
    headlines: dict[int, int] = {}  # box element -> how many linked headlines it holds
    no_teaser: set[int] = {e for e, (hint, origin) in enumerate(zip(page.hints, page.hint_from))
                           if hint == "content" and origin == e}
    for i, block in enumerate(page.blocks):
        if _link_dense(block) and len(block.text) >= _T["teaser_headline_min_chars"]:
            for element in _ancestors(page, block.element, levels):
                first_headline.setdefault(element, i)
                headlines[element] = headlines.get(element, 0) + 1
        elif "h1" in block.flags:
            no_teaser.update(_ancestors(page, block.element, levels))
    found: dict[int, int] = {}
    limit = _T["teaser_box_max_chars"]
    for i, block in enumerate(page.blocks):
        if _link_dense(block):
            continue
        for element in _ancestors(page, block.element, levels):
            if total[element] > limit or element in no_teaser:
                break
            if first_headline.get(element, i) < i or headlines.get(element, 0) >= 2:
                found[i] = element
                break
    return found


def _lead_between(page: Page, index: int, hint: str, title_at: int, first_inside: int) -> bool:
    """A prose block between the title and the article region: the lead (sapo)."""
    if not 0 <= title_at < index < first_inside:
        return False
    block = page.blocks[index]
    return _is_paragraph(block, hint) and index - title_at <= _T["lead_max_distance"]
