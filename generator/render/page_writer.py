"""Render stage: what the page modules need of the renderer, so that none imports pages.py."""

from __future__ import annotations

from typing import Any, Protocol


class PageWriter(Protocol):
    """Writes one page from its template (PageRenderer is the one implementation)."""

    def page(self, template: str, path: str, title: str, updated: str | None, **ctx: Any) -> str:
        """One page from its template; `feed` in ctx names the page's own feed."""
        ...
