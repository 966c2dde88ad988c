"""`portfolio serve`, on disk: the preview's rendered source and MkDocs' build of it.

What to build and when is decided in live.py; this writes the source, builds the pages
whose source is newer than their HTML, removes what is gone and indexes the result.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from generator.errors import PortfolioError
from generator.model import Portfolio
from generator.render import SiteContent
from generator.site.build import build_source
from generator.site.changes import page_output, touch_pages
from generator.site.search import index_search
from generator.site.source import DOCS_DIR, site_source, update_source, write_source
from generator.site.templates import TemplateCache


class LiveOutput:
    """The source folder and the site folder of one preview, with the theme compiled once."""

    def __init__(self, config_file: Path, work_dir: Path) -> None:
        self.config_file = config_file
        self.source_dir, self.site_dir = work_dir / "kilde", work_dir / "site"
        self.templates = TemplateCache()  # the theme, compiled once for every build

    def write(self, portfolio: Portfolio, content: SiteContent) -> list[str]:
        """The whole source, as `portfolio render` writes it; the paths that changed."""
        return write_source(self.source_dir, site_source(self.config_file, portfolio, content))

    def update(self, changes: dict[str, bytes | None]) -> list[str]:
        """Some files of the source (None: remove); the paths that changed."""
        return update_source(self.source_dir, changes)

    def source_pages(self) -> list[str]:
        docs = self.source_dir / DOCS_DIR
        return [path.relative_to(docs).as_posix() for path in docs.rglob("*.md")]

    def is_built(self, page: str) -> bool:
        # A folder alone may hold the page's feed, copied before the page.
        return (page_output(self.site_dir, page) / "index.html").is_file()

    def touch_pages(self) -> None:
        """Every page is built again by the next build (the nav or the theme changed)."""
        touch_pages(self.source_dir / DOCS_DIR)

    def make(
        self,
        *,
        only: set[str] | None = None,
        checkpoint: Callable[[], None] | None = None,
        links_unchecked: bool = False,
    ) -> None:
        """MkDocs' build of the pages whose source is newer than their HTML (`only` some)."""
        build_source(
            self.source_dir,
            self.site_dir,
            strict=False,
            dirty=True,
            live=self.templates,
            only=only,
            checkpoint=checkpoint,
            links_unchecked=links_unchecked,
        )

    def remove_gone(self, changed: list[str]) -> None:
        """Remove the built pages and files whose source is gone."""
        for path in changed:
            rel = path.removeprefix(f"{DOCS_DIR}/")
            if not (self.source_dir / path).exists():
                output = page_output(self.site_dir, rel)
                if output.is_dir():
                    shutil.rmtree(output)
                output.unlink(missing_ok=True)

    def index(self, stopped: threading.Event, tell: Callable[[str], None]) -> None:
        """The preview's search index; without Pagefind the preview goes on without search."""
        try:
            index_search(self.site_dir, self.config_file.parent, stop=stopped)
        except PortfolioError as error:
            tell(error.message)


def pages_come_and_go(old: SiteContent, new: SiteContent) -> bool:
    """Pages other than idea pages were added or removed: the nav changes on every page."""
    gone_or_new = old.pages.keys() ^ new.pages.keys()
    return any(not path.startswith("ideer/") for path in gone_or_new)
