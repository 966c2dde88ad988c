"""The site edge: MkDocs builds, full or page by page, for `portfolio build` and `serve`.

A full build is MkDocs' own, with the plugin handed the portfolio the command line has
already checked. `portfolio serve` keeps what that build made (files, nav, theme
environment) and, when only idea records change, rebuilds only the pages whose Markdown
changed, through MkDocs' own page steps: MkDocs 1.6 has no partial rebuild of its own.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from generator.errors import PortfolioError
from generator.pipeline import Checked
from generator.site.plugin import PortfolioPlugin
from generator.render import SiteContent
from generator.settings import Settings

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # MkDocs' banner is not for our users


def load_site_config(config_file: Path, site_dir: Path | None = None, **extra: Any) -> MkDocsConfig:
    """The MkDocs configuration, with the site folder overridden when given."""
    if not config_file.is_file():
        raise PortfolioError(f"Konfigurationen {config_file} findes ikke.")
    options: dict[str, Any] = dict(extra)
    if site_dir is not None:
        options["site_dir"] = str(site_dir.resolve())
    try:
        return load_config(config_file=str(config_file), **options)
    except SystemExit as error:  # MkDocs aborts on an invalid configuration
        raise PortfolioError(f"Konfigurationen {config_file} er ugyldig.") from error


def portfolio_plugin(config: MkDocsConfig) -> PortfolioPlugin:
    """The portfolio plugin instance of a loaded configuration."""
    for plugin in config.plugins.values():
        if isinstance(plugin, PortfolioPlugin):
            return plugin
    raise PortfolioError("mkdocs.yml skal have pluginet 'portfolio' under plugins.")


def build_site(
    checked: Checked, settings: Settings, config: MkDocsConfig, *, lenient: bool = False
) -> PortfolioPlugin:
    """A full MkDocs build with the already checked portfolio; returns the plugin's state.

    Lenient (the preview) builds from the valid records even when others have errors.
    """
    plugin = portfolio_plugin(config)
    plugin.preload(checked, settings, lenient=lenient)
    try:
        mkdocs_build.build(config)
    except SystemExit as error:  # MkDocs' Abort, e.g. a warning in strict mode
        raise PortfolioError(f"Sitet kunne ikke bygges: {error}") from error
    return plugin


@dataclass(frozen=True)
class Changes:
    """What differs between two renderings of the site."""

    changed: dict[str, str]
    added: dict[str, str]
    removed: list[str]
    files: dict[str, bytes]
    removed_files: list[str] = field(default_factory=list)  # e.g. a deleted idea's feed

    @property
    def empty(self) -> bool:
        return not (self.changed or self.added or self.removed or self.files or self.removed_files)


def diff_content(old: SiteContent, new: SiteContent) -> Changes:
    """Pages changed, added and removed, and data files changed or new."""
    changed = {p: md for p, md in new.pages.items() if p in old.pages and old.pages[p] != md}
    added = {p: md for p, md in new.pages.items() if p not in old.pages}
    removed = [p for p in old.pages if p not in new.pages]
    files = {p: data for p, data in new.files.items() if old.files.get(p) != data}
    removed_files = [p for p in old.files if p not in new.files]
    return Changes(changed, added, removed, files, removed_files)


def needs_full_build(changes: Changes) -> bool:
    """Only idea pages, which are not in the sidebar, can be added or removed page by page."""
    return any(not p.startswith("ideer/") for p in [*changes.added, *changes.removed])


def update_pages(plugin: PortfolioPlugin, content: SiteContent, changes: Changes) -> None:
    """Rebuild only what changed, with the files, nav and theme of the last full build."""
    state: Mapping[str, Any] = plugin.state
    config: MkDocsConfig = state["config"]
    files = state["files"]
    touched: list[Page] = []
    _sync_data_files(config, files, changes)
    for path in changes.removed:
        _remove_page(config, files, path)
    for path, markdown in changes.added.items():
        file = File.generated(config, path, content=markdown)
        files.append(file)
        Page(None, file, config)
        touched.append(_page_of(file))
    for path, markdown in changes.changed.items():
        file = files.get_file_from_path(path)
        file.content_string = markdown
        touched.append(_page_of(file))
    for page in touched:
        mkdocs_build._populate_page(page, config, files)
    _forget_search_entries(config, [page.url for page in touched] + changes.removed)
    doc_files = files.documentation_pages()
    for page in touched:
        mkdocs_build._build_page(page, config, doc_files, state["nav"], state["env"])
    for path, data in changes.files.items():
        target = Path(config.site_dir, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    _write_search_index(config)
    plugin.content = content


def _sync_data_files(config: MkDocsConfig, files: Any, changes: Changes) -> None:
    """Forget the data files that are gone and know the new ones, so links to them resolve."""
    for path in changes.removed_files:
        gone = files.get_file_from_path(path)
        if gone is not None:
            files.remove(gone)
        Path(config.site_dir, path).unlink(missing_ok=True)
    for path, data in changes.files.items():
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content=data))


def _page_of(file: File) -> Page:
    assert file.page is not None
    return file.page


def _remove_page(config: MkDocsConfig, files: Any, path: str) -> None:
    file = files.get_file_from_path(path)
    if file is None:
        return
    files.remove(file)
    output = Path(file.abs_dest_path)
    output.unlink(missing_ok=True)
    if output.parent != Path(config.site_dir) and not any(output.parent.iterdir()):
        shutil.rmtree(output.parent)


def _search_plugin(config: MkDocsConfig) -> Any:
    return config.plugins.get("material/search") or config.plugins.get("search")


def _forget_search_entries(config: MkDocsConfig, urls: list[str]) -> None:
    """Drop the search entries of pages about to be rebuilt (they add theirs again)."""
    search = _search_plugin(config)
    index = getattr(search, "search_index", None)
    if index is None:
        return
    gone = {url if not url.endswith(".md") else _url_of(url) for url in urls}
    index.entries = [e for e in index.entries if e["location"].split("#")[0] not in gone]


def _url_of(path: str) -> str:
    stem = path.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def _write_search_index(config: MkDocsConfig) -> None:
    search = _search_plugin(config)
    if search is not None:
        search.on_post_build(config=config)
