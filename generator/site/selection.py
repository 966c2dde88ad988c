"""Site stage, the preview's page selection: MkDocs builds the pages named, and stops when asked.

Added to the preview's builds only, through MkDocs' public events: `on_files` leaves every
page outside `only` out of this build (`InclusionLevel.EXCLUDED`: it keeps its place and
address in the nav and in links, and its last built HTML stays), and before each page it
converts (`on_page_markdown`) or writes (`on_page_context`), `checkpoint` may raise to stop
the build between two whole pages. A
page left unbuilt keeps a source newer than its HTML, so the next dirty build makes it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files, InclusionLevel

PLUGIN_NAME = "portfolio-preview-selection"


class PageSelection(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Builds only the pages in `only` (all when None); calls `checkpoint` before each page."""

    def __init__(
        self, only: Collection[str] | None = None, checkpoint: Callable[[], None] | None = None
    ) -> None:
        super().__init__()
        self.only = None if only is None else frozenset(only)
        self.checkpoint = checkpoint

    def on_files(self, files: Files, /, *, config: Any) -> Files:
        if self.only is not None:
            for file in files:
                if file.is_documentation_page() and file.src_uri not in self.only:
                    file.inclusion = InclusionLevel.EXCLUDED
        return files

    def _check(self) -> None:
        if self.checkpoint is not None:
            self.checkpoint()

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: Any, files: Any) -> str:
        self._check()
        return markdown

    def on_page_context(self, context: Any, /, *, page: Any, config: Any, nav: Any) -> Any:
        self._check()  # before the page's template: the costly half of a page
        return context
