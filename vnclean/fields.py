"""The header of a crawler's key-value dump: ``Title: ...`` / ``Source: ...`` / ``Content: ...``.

Crawlers that save an article as one text file often write its fields one a line, each behind
an English or Vietnamese label, before the body::

    Title: Mưa lớn ở Hà Nội
    Source: Báo X
    Published Date: Thứ tư, 7/2/2024, 23:41 (GMT+7)
    Content: Mưa lớn kéo dài từ đêm qua ...

A run of such lines at the top of a text is that header. Its title and body lose only their
labels; the source, author, date, link and tags lines go whole; a summary line goes whole when
it repeats body text (the page's meta description), else only its label. The labels live in
``data/nav_field_labels.json``.
"""

from __future__ import annotations

import functools
import unicodedata

import regex

from ._data import compile_named, json_data, named_list
from .blocks import Label, line_end

__all__ = ["field_header_labels"]

_RULE = "nav.field_header"
#: A summary's own ellipsis, cut off before it is looked up in the body.
_TRAILING_ELLIPSIS = regex.compile(r"[\s.…]+$")
#: A site's name a meta description ends with: `` - Ngôi sao.``, `` | Báo X``.
_SITE_SUFFIX = regex.compile(r"[ \t]++[-–|][ \t]++\p{Lu}[\p{L} ]{0,30}+\.?+$")
#: Shortest summary (in characters, ellipsis cut) whose repeat in the body counts.
_MIN_REPEAT_CHARS = 30


@functools.cache
def _settings() -> tuple[int, dict[str, str], regex.Pattern, frozenset[str]]:
    data = json_data("nav_field_labels.json")
    role = {}
    for group in ("keep", "summary", "byline", "nav"):
        for label in data[group]:
            role[label] = group
    pattern = compile_named(rf"[ \t]*+(?P<label>{named_list(role)})[ \t]*+:[ \t]?")
    return data["min_lines"], role, pattern, frozenset(data["front_matter"])


def _header_lines(text: str) -> list[tuple[int, int, str, int, str]]:
    """(line start, line end, role, value start, label) of the labelled lines opening
    ``text``."""
    _, role, pattern, _ = _settings()
    lines = []
    pos = 0
    while pos < len(text):
        end = line_end(text, pos)
        match = pattern.match(text, pos, end)
        if match is None:
            break
        label = match.group("label")
        lines.append((pos, end, role[label], match.end(), label))
        pos = end + 1
    return lines


def field_header_labels(text: str) -> list[Label]:
    """Labels of the key-value dump header opening ``text`` (none when there is no such run).

    >>> t = "Title: Mưa lớn\\nSource: Báo X\\nTags: mưa\\nContent: Mưa kéo dài."
    >>> [(lb.kind, t[lb.start:lb.end]) for lb in field_header_labels(t)]
    [('nav', 'Title: '), ('byline', 'Source: Báo X'), ('nav', 'Tags: mưa'), ('nav', 'Content: ')]
    """
    min_lines, _, _, front_matter = _settings()
    lines = _header_lines(text)
    if len(lines) < min_lines or not any(role != "keep" for _, _, role, _, _ in lines):
        return []
    if all(label in front_matter for *_, label in lines):
        return []  # a paper's abstract block ("Tóm tắt:" / "Từ khóa:"): the story's text
    body = unicodedata.normalize("NFC", text[lines[-1][3]:])
    labels = []
    for start, end, role, value, _ in lines:
        label_only = role == "keep" or (
            role == "summary" and not _repeats_body(text[value:end], body))
        if label_only:
            labels.append(Label(start, value, "nav", _RULE))
        else:
            labels.append(Label(start, end, "byline" if role == "byline" else "nav", _RULE))
    return labels


def _repeats_body(summary: str, body: str) -> bool:
    """True when ``summary`` (its trailing ellipsis cut, or a site's name after a dash or bar)
    is a stretch of ``body``."""
    summary = unicodedata.normalize("NFC", summary.strip())
    probes = (summary, _SITE_SUFFIX.sub("", summary))  # (the site's name cut: "... - Ngôi sao.")
    return any(len(probe) >= _MIN_REPEAT_CHARS and probe in body
               for probe in (_TRAILING_ELLIPSIS.sub("", p) for p in probes))
