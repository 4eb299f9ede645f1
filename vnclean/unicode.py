"""Vietnamese Unicode normalization as a cleaner: NFC, invisibles, look-alikes, tones, mojibake.

(Skeleton: NFC per word run. Being extended with tones, invisibles, mojibake and legacy
encodings.)
"""

from __future__ import annotations

import unicodedata
from typing import ClassVar

import regex

from ._core import Cleaner, Edit

__all__ = ["NormalizeUnicode", "normalize_unicode"]

_NON_NFC_RUN = regex.compile(r"[\p{L}\p{M}]*\p{M}[\p{L}\p{M}]*")


class NormalizeUnicode(Cleaner):
    """Rewrite text to NFC Vietnamese.

    >>> normalize_unicode("Vie\\u0323\\u0302t Nam")
    'Việt Nam'
    """

    name: ClassVar[str] = "normalize_unicode"
    kind: ClassVar[str] = "unicode"
    defaults: ClassVar[dict] = {"tone_style": "old", "legacy_encodings": False}

    def find_edits(self, text: str) -> list[Edit]:
        edits = []
        for match in _NON_NFC_RUN.finditer(text):
            word = match.group()
            fixed = unicodedata.normalize("NFC", word)
            if fixed != word:
                edits.append(Edit(match.start(), match.end(), fixed, cleaner=self.name,
                                  rule="unicode.nfc", kind="unicode"))
        return edits


normalize_unicode = NormalizeUnicode()
