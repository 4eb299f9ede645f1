"""The tools vnclean is compared with, each as a ``str -> str`` adapter.

Every adapter takes the scraped text and returns what that tool keeps. Peers are optional
(``pip install 'vnclean[benchmarks]'``): an adapter whose package is missing raises
:class:`PeerNotInstalled`, which the benchmarks report as a skip. HTML extractors get each
non-empty line wrapped as one ``<p>``, the fairest input they can have for line-shaped text.

>>> keep_everything("Trang chủ\\nMưa lớn ở Hà Nội.")
'Trang chủ\\nMưa lớn ở Hà Nội.'
>>> c4_line_rule("Trang chủ\\nMưa lớn ở Hà Nội.\\nXem thêm...")
'Mưa lớn ở Hà Nội.'
"""

from __future__ import annotations

import functools
import html
import importlib
import re
import unicodedata
from collections.abc import Callable
from importlib import metadata

__all__ = ["PeerNotInstalled", "PEERS", "ROLES", "NOTES", "available", "version_of",
           "keep_everything", "c4_lines", "c4_line_rule", "c4_implementation", "wrap_lines",
           "justext_lines", "trafilatura_lines", "ftfy_fix_text", "nfc", "underthesea_normalize",
           "underthesea_normalizer"]


class PeerNotInstalled(ImportError):
    """A peer's package is missing: the benchmark skips that peer and says why."""


@functools.cache
def _require(module: str, package: str):
    """Import ``module`` once, or raise :class:`PeerNotInstalled` naming the package."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise PeerNotInstalled(f"{package} is not installed ({error}); "
                               f"pip install '.[benchmarks]' to compare with it") from error


def version_of(package: str) -> str | None:
    """The installed version of ``package``, or ``None``."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


# -- boilerplate removers ---------------------------------------------------------------------

def keep_everything(text: str) -> str:
    """The do-nothing baseline: every character of the scraped text stays."""
    return text


# C4 line rule, as in tensorflow_datasets' c4_utils and datatrove's C4QualityFilter.
_CITATION = re.compile(r"\[\d*]|\[edit]|\[citation needed]")
_END_PUNCTUATION = (".", "?", "!", '"', "'")
_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies",
           "use cookies")


def c4_line_rule(text: str, *, min_words: int = 3, max_word_length: int = 1000) -> str:
    """Keep the lines C4 keeps: terminal punctuation (not ``...``), at least ``min_words`` words.

    A re-implementation of the line part of datatrove's ``C4QualityFilter`` (also dropping
    lines with a word over ``max_word_length`` chars, "javascript", or cookie/policy phrases,
    and stripping wiki citations); the document-level drops are left out, as for datatrove.

    >>> c4_line_rule("Đăng nhập\\nÔng nói: \\"Tôi đồng ý.\\"\\nBật javascript để xem video.")
    'Ông nói: "Tôi đồng ý."'
    """
    kept = []
    for line in text.splitlines():
        line = line.strip()
        words = line.split()
        if any(len(word) > max_word_length for word in words):
            continue
        line = _CITATION.sub("", line)
        if not line.endswith(_END_PUNCTUATION) or line.endswith("..."):
            continue
        if len(words) < min_words:
            continue
        lower = line.lower()
        if "javascript" in lower or any(p in lower for p in _POLICY):
            continue
        kept.append(line)
    return "\n".join(kept).strip()


@functools.cache
def _datatrove_c4():
    """datatrove's C4QualityFilter with its line rules on and its document drops off."""
    filters = _require("datatrove.pipeline.filters", "datatrove")
    data = _require("datatrove.data", "datatrove")
    quality = filters.C4QualityFilter(split_paragraph=True, min_num_sentences=-1,
                                      filter_lorem_ipsum=False, filter_curly_bracket=False)
    return quality, data.Document


def c4_lines(text: str) -> str:
    """The C4/FineWeb line rule through datatrove when it is installed, else :func:`c4_line_rule`."""
    try:
        quality, document = _datatrove_c4()
    except PeerNotInstalled:
        return c4_line_rule(text)
    doc = document(text=text, id="doc")
    result = quality.filter(doc)
    return doc.text if result is True else ""


def c4_implementation() -> str:
    """Which C4 line rule :func:`c4_lines` runs, for the report."""
    try:
        _datatrove_c4()
    except PeerNotInstalled:
        return "vnclean's re-implementation of the C4 line rule (datatrove not installed)"
    return (f"datatrove {version_of('datatrove')} C4QualityFilter (line rules only: "
            f"min_num_sentences=-1, lorem-ipsum and curly-bracket document drops off)")


def wrap_lines(text: str) -> str:
    """An HTML page with each non-empty line of ``text`` as one escaped ``<p>``.

    >>> wrap_lines("a < b\\n\\nc")
    '<html><body><p>a &lt; b</p>\\n<p>c</p></body></html>'
    """
    paragraphs = "\n".join(f"<p>{html.escape(line.strip(), quote=False)}</p>"
                           for line in text.splitlines() if line.strip())
    return f"<html><body>{paragraphs}</body></html>"


@functools.cache
def _vietnamese_stoplist() -> frozenset:
    return frozenset(_require("justext", "jusText").get_stoplist("Vietnamese"))


def justext_lines(text: str) -> str:
    """jusText with its Vietnamese stoplist on the wrapped lines: the non-boilerplate paragraphs."""
    justext = _require("justext", "jusText")
    paragraphs = justext.justext(wrap_lines(text), _vietnamese_stoplist())
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def trafilatura_lines(text: str) -> str:
    """trafilatura's main-text extraction (plain text, no comments) on the wrapped lines."""
    trafilatura = _require("trafilatura", "trafilatura")
    out = trafilatura.extract(wrap_lines(text), output_format="txt", include_comments=False,
                              include_tables=True, deduplicate=False)
    return out or ""


# -- normalizers ------------------------------------------------------------------------------

def ftfy_fix_text(text: str) -> str:
    """``ftfy.fix_text`` with its defaults (mojibake, quotes, NFC, ...)."""
    return _require("ftfy", "ftfy").fix_text(text)


def nfc(text: str) -> str:
    """``unicodedata.normalize("NFC", text)``: the standard library's composition."""
    return unicodedata.normalize("NFC", text)


def underthesea_normalizer():
    """underthesea's text_normalize, or the reason it cannot run here."""
    try:
        from underthesea import text_normalize  # type: ignore[import-not-found]

        text_normalize("Hòa bình")
    except Exception as error:  # noqa: BLE001 - any failure means "skip, and say why"
        return None, f"{type(error).__name__}: {error}"[:200]
    return text_normalize, ""


@functools.cache
def _underthesea_text_normalize():
    """underthesea's ``text_normalize`` if it runs here without downloading anything."""
    _require("underthesea", "underthesea")
    normalize, why_not = underthesea_normalizer()
    if normalize is None:
        raise PeerNotInstalled(f"underthesea is installed but cannot run here: {why_not}")
    return normalize


def underthesea_normalize(text: str) -> str:
    """underthesea's ``text_normalize`` per line (it joins its tokens with spaces)."""
    normalize = _underthesea_text_normalize()
    return "\n".join(normalize(line) if line.strip() else line for line in text.split("\n"))


#: Every peer by report name, in report order.
PEERS: dict[str, Callable[[str], str]] = {
    "keep-everything": keep_everything,
    "c4-lines": c4_lines,
    "justext": justext_lines,
    "trafilatura": trafilatura_lines,
    "ftfy.fix_text": ftfy_fix_text,
    "unicodedata-nfc": nfc,
    "underthesea.text_normalize": underthesea_normalize,
}

#: What each peer does: "boilerplate" removal or "normalization" only.
ROLES: dict[str, str] = {
    "keep-everything": "baseline",
    "c4-lines": "boilerplate",
    "justext": "boilerplate",
    "trafilatura": "boilerplate",
    "ftfy.fix_text": "normalization",
    "unicodedata-nfc": "normalization",
    "underthesea.text_normalize": "normalization",
}

#: The package each peer needs (``None``: the standard library or vnclean's own dependencies).
PACKAGES: dict[str, str | None] = {
    "keep-everything": None,
    "c4-lines": "datatrove",
    "justext": "jusText",
    "trafilatura": "trafilatura",
    "ftfy.fix_text": "ftfy",
    "unicodedata-nfc": None,
    "underthesea.text_normalize": "underthesea",
}

NOTES: dict[str, str] = {
    "justext": "Vietnamese stoplist, default thresholds, each line wrapped as a <p>",
    "trafilatura": "extract(), txt output, no comments, tables kept, no dedup; lines as <p>",
    "underthesea.text_normalize": "applied line by line (it re-joins tokens with spaces)",
}


def available(names=None) -> tuple[dict[str, Callable[[str], str]], dict[str, str]]:
    """The peers that run here, and for the others the reason they are skipped.

    ``names=None`` tries every peer; an empty list tries none.
    """
    runnable, skipped = {}, {}
    for name in PEERS if names is None else names:
        adapter = PEERS[name]
        try:
            adapter("Thử.")
        except PeerNotInstalled as error:
            skipped[name] = str(error)
        else:
            runnable[name] = adapter
    return runnable, skipped


def describe(name: str) -> str:
    """One line on what the peer runs, with its version."""
    if name == "c4-lines":
        return c4_implementation()
    package = PACKAGES.get(name)
    version = f"{package} {version_of(package)}" if package and version_of(package) else ""
    return "; ".join(part for part in (version, NOTES.get(name, "")) if part) or "built in"
