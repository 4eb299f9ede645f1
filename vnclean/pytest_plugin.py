"""pytest plugin that ships with vnclean (fixtures for users' tests; being built out)."""

from __future__ import annotations
