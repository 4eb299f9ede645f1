"""Metadata a page declares: title, authors, published date, source (site) and canonical URL.

Read from ``<meta>`` tags (Open Graph, ``article:*``, ``pubdate``, ``author``), JSON-LD
(``datePublished``, ``author``, ``headline``), microdata (``itemprop``), ``<link
rel="canonical">``, ``<h1>`` and ``<title>``. What a page declares wins over what the text
cleaners guessed (see :func:`merge_metadata`). The published date is written as ISO 8601 by
:func:`vnclean.dates.parse_datetime`, as the text path writes it: the first declared date that
parses wins, and a page whose declared dates all fail to parse declares none.
"""

from __future__ import annotations

import json
from typing import Any

from .dates import parse_datetime

__all__ = ["page_metadata", "merge_metadata", "META_KEYS"]

META_KEYS = ("title", "authors", "published", "source", "url")

_TITLE_META = ("og:title", "twitter:title", "dc.title")
_DATE_META = ("article:published_time", "og:published_time", "pubdate", "publishdate",
              "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
              "datepublished", "article.published", "sailthru.date", "parsely-pub-date",
              "itemprop:datepublished")
_AUTHOR_META = ("author", "article:author", "dc.creator", "twitter:creator", "sailthru.author",
                "itemprop:author")
_SOURCE_META = ("og:site_name", "application-name", "dc.publisher")
_URL_META = ("og:url", "twitter:url")
_LD_TYPES_SKIPPED = frozenset(("BreadcrumbList", "WebSite", "Organization", "WebPage"))


def page_metadata(soup, *, h1: str | None = None) -> dict[str, Any]:
    """Metadata the page declares (keys of :data:`META_KEYS`; missing ones are ``None``/[]).

    >>> from bs4 import BeautifulSoup
    >>> soup = BeautifulSoup('<meta property="og:title" content="Mưa lớn ở Hà Nội">'
    ...     '<meta name="author" content="Mạnh Quân"><link rel="canonical" href="https://x.vn/a">'
    ...     '<script type="application/ld+json">{"@type": "NewsArticle",'
    ...     ' "datePublished": "2024-06-17T08:00:00+07:00"}</script>', "html.parser")
    >>> page_metadata(soup)  # doctest: +NORMALIZE_WHITESPACE
    {'title': 'Mưa lớn ở Hà Nội', 'authors': ['Mạnh Quân'],
     'published': '2024-06-17T08:00:00+07:00', 'source': None, 'url': 'https://x.vn/a'}
    """
    meta: dict[str, str] = {}
    title_tag = canonical = None
    ld_blobs: list[str] = []
    try:
        for tag in soup.find_all(["meta", "link", "script", "title", "time"]):
            _collect(tag, meta, ld_blobs)
            if tag.name == "title" and title_tag is None:
                title_tag = _fold(tag.get_text(" "))
            elif tag.name == "link" and canonical is None:
                rel = tag.get("rel")
                rel = " ".join(rel) if isinstance(rel, list) else str(rel or "")
                if "canonical" in rel.lower().split() and tag.get("href"):
                    canonical = str(tag.get("href")).strip()
        for tag in soup.find_all(attrs={"itemprop": True}, limit=200):
            prop = str(tag.get("itemprop", "")).strip().lower()
            if prop in ("datepublished", "author", "headline"):
                value = tag.get("content") or tag.get("datetime") or _fold(tag.get_text(" "))
                if value:
                    meta.setdefault(f"itemprop:{prop}", str(value).strip())
    except RecursionError:
        pass
    ld = _json_ld(ld_blobs)
    authors = _authors(meta, ld)
    return {
        "title": _first(meta, _TITLE_META) or ld.get("headline") or meta.get("itemprop:headline")
        or h1 or title_tag,
        "authors": authors,
        "published": _published(meta, ld),
        "source": _first(meta, _SOURCE_META) or ld.get("publisher"),
        "url": canonical or _first(meta, _URL_META) or ld.get("url"),
    }


def merge_metadata(text_derived: dict[str, Any], page: dict[str, Any]) -> dict[str, Any]:
    """Text-derived metadata overridden by what the page declares, key by key.

    >>> merge_metadata({"title": "Trang chủ", "authors": ["Văn Khương"]},
    ...                {"title": "Mưa lớn", "authors": [], "url": None})
    {'title': 'Mưa lớn', 'authors': ['Văn Khương'], 'url': None}
    """
    merged = dict(text_derived)
    for key, value in page.items():
        if value not in (None, "", [], ()) or key not in merged:
            merged[key] = value
    return merged


def _fold(text: str) -> str:
    return " ".join(text.split())


def _collect(tag, meta: dict[str, str], ld_blobs: list[str]) -> None:
    name = tag.name
    if name == "meta":
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if key and content and str(content).strip():
            key = str(key).strip().lower()
            if tag.get("itemprop") and not tag.get("name") and not tag.get("property"):
                key = f"itemprop:{key}"
            meta.setdefault(key, _fold(str(content)))
    elif name == "script":
        kind = str(tag.get("type") or "").lower()
        if "ld+json" in kind and tag.string:
            ld_blobs.append(str(tag.string))
    elif name == "time" and tag.has_attr("pubdate") and tag.get("datetime"):
        meta.setdefault("pubdate", str(tag.get("datetime")).strip())


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if meta.get(key):
            return meta[key]
    return None


def _published(meta: dict[str, str], ld: dict[str, Any]) -> str | None:
    """ISO 8601 of the first declared date that parses (``<meta>`` keys in order, then
    JSON-LD); ``None`` when none does.

    >>> _published({"pubdate": "hôm qua", "date": "25/12/2012 10:25"}, {})
    '2012-12-25T10:25:00+07:00'
    """
    for value in [meta.get(key) for key in _DATE_META] + [ld.get("datePublished")]:
        if value and (iso := parse_datetime(value)) is not None:
            return iso
    return None


def _json_ld(blobs: list[str]) -> dict[str, Any]:
    """Fields of the first article-like JSON-LD object (``@graph`` and lists searched)."""
    found: dict[str, Any] = {}
    for blob in blobs[:20]:
        try:
            data = json.loads(blob.strip().rstrip(";"))
        except (ValueError, RecursionError):
            continue
        pending = [data]
        steps = 0
        while pending and steps < 200:
            steps += 1
            item = pending.pop(0)
            if isinstance(item, list):
                pending.extend(item)
                continue
            if not isinstance(item, dict):
                continue
            if "@graph" in item:
                pending.extend(item["@graph"] if isinstance(item["@graph"], list) else [])
            kind = item.get("@type")
            if isinstance(kind, list):
                kind = kind[0] if kind else None
            if kind in _LD_TYPES_SKIPPED:
                continue
            for key in ("headline", "datePublished", "author", "url"):
                if key in item and key not in found:
                    found[key] = item[key]
            publisher = item.get("publisher")
            if isinstance(publisher, dict) and publisher.get("name") and "publisher" not in found:
                found["publisher"] = publisher["name"]
    for key in ("headline", "datePublished", "url", "publisher"):
        if key in found and not isinstance(found[key], str):
            found.pop(key)
        elif key in found:
            found[key] = _fold(found[key])
    return found


def _authors(meta: dict[str, str], ld: dict[str, Any]) -> list[str]:
    names: list[str] = []
    for key in _AUTHOR_META:
        value = meta.get(key)
        if value and not value.startswith(("http://", "https://", "@")):
            names.extend(_fold(part) for part in value.split(","))
    author = ld.get("author")
    for item in author if isinstance(author, list) else [author]:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str) and item.strip():
            names.append(_fold(item))
    return [n for n in dict.fromkeys(names) if n]
