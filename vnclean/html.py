"""HTML input: clean a whole saved page into the article text with the text pipeline.

A page is decoded and segmented into text blocks, one block a line
(:mod:`vnclean.html_blocks`); what the markup says about each block (a ``figcaption``, a
``nav``, a link-dense list, a ``PhotoCMS_Caption`` class, outside the article region)
becomes labelled edits of the first step, ``apply_html_hints`` (:mod:`vnclean.html_hints`);
then the same default pipeline as plain text runs, its text rules the fall-back.

Offsets: in :func:`clean_html_and_explain`, ``Cleaned.original`` is the text EXTRACTED from
the page (one block a line), and every edit's offsets refer to it, not to the markup. The
markup is not text a reader sees, and offsets into it would break on every entity and tag.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from ._core import Cleaned, Pipeline
from .blocks import BoilerplateCleaner, Label, iter_lines
from .html_blocks import Page, segment_html
from .html_hints import label_blocks
from .html_meta import merge_metadata, page_metadata
from .options import default_pipeline

__all__ = ["clean_html", "clean_html_and_explain", "extract_text", "ApplyHtmlHints",
           "html_pipeline"]


class ApplyHtmlHints(BoilerplateCleaner):
    """Delete the blocks the markup marked as boilerplate (built for one extracted text).

    Why: the DOM knows what the text alone can only guess (a caption is in a
    ``figcaption``); these labels come first so the text rules see only what is left.

    >>> step = ApplyHtmlHints("Trang chủ\\nMưa lớn.", {0: ("nav", "html.nav_element")})
    >>> step("Trang chủ\\nMưa lớn.")
    'Mưa lớn.'
    """

    name: ClassVar[str] = "apply_html_hints"
    kind: ClassVar[str] = "other"

    def __init__(self, source: str = "", lines: dict[int, tuple[str, str]] | None = None):
        super().__init__()
        self.source = source
        self.lines = dict(lines or {})

    def classify(self, text: str) -> list[Label]:
        if text != self.source or not self.lines:  # built for another text: do nothing
            return []
        return [Label(line.start, line.end, *self.lines[line.index])
                for line in iter_lines(text) if line.text and line.index in self.lines]

    def configured(self, **options: Any) -> ApplyHtmlHints:
        return self

    def __repr__(self) -> str:
        return f"{self.name}({len(self.lines)} blocks)"


def _prepare(html: bytes | str, hints: bool) -> tuple[Page, str, ApplyHtmlHints]:
    if not isinstance(html, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"clean_html expects str or bytes, got {type(html).__name__}")
    page = segment_html(html if isinstance(html, str) else bytes(html))
    text = page.text
    lines = {}
    if hints:
        lines = {label.index: (label.kind, label.rule) for label in label_blocks(page)}
    return page, text, ApplyHtmlHints(text, lines)


def html_pipeline(step: ApplyHtmlHints, **options: Any) -> Pipeline:
    """The default text pipeline for ``options`` with the page's hint step in front."""
    base = default_pipeline(**options)
    return Pipeline(step, base, metadata=base.metadata_hook, flagger=base.flagger)


def extract_text(html: bytes | str) -> str:
    """The page's text, one block a line, nothing removed (what ``Cleaned.original`` holds).

    >>> extract_text("<p>Mưa lớn <b>ở</b> Hà Nội.</p><script>x()</script><p hidden>Ẩn</p>")
    'Mưa lớn ở Hà Nội.'
    """
    return _prepare(html, False)[1]


def clean_html(html: bytes | str, *, hints: bool = True, **options: Any) -> str:
    """Clean a saved page (``str`` or ``bytes``) into the article text.

    Why: most crawls keep HTML; the markup tells captions, menus and related boxes apart
    better than text can. ``hints=False`` keeps only the text rules (for comparison).
    Options are those of :func:`vnclean.clean`.

    >>> clean_html('<nav><a href="/">Trang chủ</a></nav><h1>Mưa lớn ở Hà Nội</h1>'
    ...            '<figure><figcaption>Phố ngập. Ảnh: TTXVN</figcaption></figure>'
    ...            '<p>Nhiều tuyến phố ngập sâu sau cơn mưa lớn chiều qua.</p>')
    'Mưa lớn ở Hà Nội\\nNhiều tuyến phố ngập sâu sau cơn mưa lớn chiều qua.'
    """
    _page, text, step = _prepare(html, hints)
    return html_pipeline(step, **options).apply(text)


def clean_html_and_explain(html: bytes | str, *, hints: bool = True, **options: Any) -> Cleaned:
    """Clean a page and report every edit, with the page's metadata.

    ``original`` is the extracted text (one block a line) and edit offsets refer to it;
    ``metadata`` holds title, authors, published, source and url, the page's own
    declarations winning over what the text cleaners found.

    >>> r = clean_html_and_explain('<html><head><meta property="og:title" content="Mưa lớn">'
    ...     '</head><body><nav><a href="/">Trang chủ</a></nav>'
    ...     '<p>Nhiều tuyến phố ngập sâu sau cơn mưa lớn chiều qua.</p></body></html>')
    >>> [(e.rule, e.kind, e.text) for e in r.edits]
    [('html.nav_element', 'nav', 'Trang chủ\\n')]
    >>> r.metadata["title"]
    'Mưa lớn'
    """
    page, text, step = _prepare(html, hints)
    cleaned = html_pipeline(step, **options).explain(text)
    h1 = next((b.text for b in page.blocks if "h1" in b.flags), None)
    declared = page_metadata(page.soup, h1=h1) if page.soup is not None else {}
    return replace(cleaned, metadata=merge_metadata(dict(cleaned.metadata), declared))
