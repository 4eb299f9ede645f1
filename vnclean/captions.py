"""Remove photo and video captions and credits (skeleton; being tuned on the corpus)."""

from __future__ import annotations

from typing import ClassVar

import regex

from .blocks import BoilerplateCleaner, Label

__all__ = ["RemovePhotoCaptions", "remove_photo_captions"]

_CREDIT = regex.compile(r"\((?:Ảnh|Nguồn ảnh)\s*:\s*[^\n()]{1,60}\)", regex.V1)


class RemovePhotoCaptions(BoilerplateCleaner):
    """Delete photo credits such as ``(Ảnh: Mạnh Quân)``.

    >>> remove_photo_captions("Mưa lớn ở Hà Nội (Ảnh: Mạnh Quân).")
    'Mưa lớn ở Hà Nội.'
    """

    name: ClassVar[str] = "remove_photo_captions"
    kind: ClassVar[str] = "caption"

    def classify(self, text: str) -> list[Label]:
        return [Label(m.start(), m.end(), "caption", "captions.credit")
                for m in _CREDIT.finditer(text)]


remove_photo_captions = RemovePhotoCaptions()
