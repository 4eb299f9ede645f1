"""vnclean: clean scraped Vietnamese news text, explain every removal, fast enough for a crawl.

>>> import vnclean
>>> vnclean.clean("TTO - Mưa lớn ở Hà Nội (Ảnh: Mạnh Quân).")
'Mưa lớn ở Hà Nội.'
"""

from ._api import clean, clean_and_explain
from ._core import Cleaned, Cleaner, Edit, FunctionCleaner, Pipeline, apply_edits
from .batch import clean_many
from .blocks import BoilerplateCleaner, Label, SettlingCleaner
from .bylines import strip_bylines
from .captions import remove_photo_captions, remove_repeated_blocks
from .html import clean_html, clean_html_and_explain
from .markdown import strip_markdown_links
from .nav import strip_nav_menus
from .options import DEFAULT_STEPS, Options, default_pipeline
from .promos import strip_promos
from .related import strip_related_links
from .unicode import normalize_unicode
from .whitespace import tidy_whitespace

__version__ = "0.1.0"

__all__ = [
    "BoilerplateCleaner",
    "Cleaned",
    "Cleaner",
    "DEFAULT_STEPS",
    "Edit",
    "FunctionCleaner",
    "Label",
    "Options",
    "Pipeline",
    "SettlingCleaner",
    "apply_edits",
    "clean",
    "clean_and_explain",
    "clean_html",
    "clean_html_and_explain",
    "clean_many",
    "default_pipeline",
    "normalize_unicode",
    "remove_photo_captions",
    "remove_repeated_blocks",
    "strip_bylines",
    "strip_markdown_links",
    "strip_nav_menus",
    "strip_promos",
    "strip_related_links",
    "tidy_whitespace",
]
