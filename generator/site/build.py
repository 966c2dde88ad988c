"""Site stage, the engine: render the source, build it with MkDocs, index the search.

`portfolio render` writes the rendered source (generator/site/source.py), which any engine
builds as it is. `portfolio build` builds the same source with MkDocs, its generated pages
and files handed over from memory instead of written first; Pagefind indexes the pages as
MkDocs converts them. Only MkDocs' public API is used: `load_config`, `build`, plugin events
and `File.generated`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Collection
from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from generator.errors import PortfolioError
from generator.gitrepo import merged_pull_requests
from generator.pipeline import Checked
from generator.render import (
    SiteContent,
    parse_schemas,
    read_schema_files,
    render_site,
    site_files,
)
from generator.render.approvals import Approvals
from generator.render.pages import PageRenderer
from generator.settings import Settings
from generator.site.generated_files import add_generated
from generator.site.index_stream import PLUGIN_NAME as INDEX_PLUGIN
from generator.site.index_stream import SearchIndexFeed, StreamedIndex
from generator.site.parallel import Later
from generator.site.search import with_search_data
from generator.site.selection import PLUGIN_NAME as SELECTION_NAME
from generator.site.selection import PageSelection
from generator.site.source import site_source, write_source
from generator.site.templates import PLUGIN_NAME, TemplateCache
from generator.site_config import CONFIG_NAME, SiteOptions, read_site_config

GENERATED_PLUGIN = "portfolio-generated-content"
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


def site_approvals(options: SiteOptions, settings: Settings) -> Approvals:
    """The decisions' pull requests: the repository from mkdocs.yml, the merges from git."""
    return Approvals(options.repository, merged_pull_requests(settings))


def site_content(
    checked: Checked,
    settings: Settings,
    options: SiteOptions,
    renderer: PageRenderer | None = None,
    checkpoint: Callable[[], None] = lambda: None,
) -> SiteContent:
    """Every generated page and file as of the settings' day, idea pages with their
    search fields."""
    schemas = read_schema_files(settings.schemas_dir)
    content = render_site(
        checked.portfolio,
        schemas,
        options.site_url,
        renderer
        or PageRenderer(
            settings.today,
            site_approvals(options, settings),
            options.submit,
            options.publisher.name,
        ),
        today=settings.today,
        licence=options.licence,
        publisher=options.publisher,
        checkpoint=checkpoint,
    )
    return with_search_data(content, checked.portfolio)


def site_pages(
    checked: Checked, settings: Settings, options: SiteOptions, renderer: PageRenderer
) -> SiteContent:
    """The generated pages alone, as site_content has them: the preview builds them first."""
    schemas = parse_schemas(read_schema_files(settings.schemas_dir))
    pages = renderer.render(checked.portfolio, schemas, options.licence)
    return with_search_data(SiteContent(pages), checked.portfolio)


def site_files_of(checked: Checked, settings: Settings, options: SiteOptions) -> dict[str, bytes]:
    """The files beside the pages: the open data, the figures and the feeds."""
    schemas = read_schema_files(settings.schemas_dir)
    return site_files(
        checked.portfolio, schemas, options.site_url, settings.today, options.licence,
        publisher=options.publisher,
    )  # fmt: skip


def with_site_files(
    content: SiteContent, checked: Checked, settings: Settings, options: SiteOptions
) -> SiteContent:
    """The pages of site_pages with the files beside them."""
    return replace(content, files=site_files_of(checked, settings, options))


def rendered_later(
    checked: Checked, settings: Settings, options: SiteOptions
) -> Callable[[], SiteContent]:
    """The pages, rendered now, and the files beside them, made meanwhile on the second
    core: the call (which may come later) waits for the files and returns both."""
    files = Later(lambda: site_files_of(checked, settings, options))
    renderer = PageRenderer(
        settings.today, site_approvals(options, settings), options.submit, options.publisher.name
    )
    pages = site_pages(checked, settings, options, renderer)
    return lambda: replace(pages, files=files.result())  # Later keeps the files once made


def rendered_content(checked: Checked, settings: Settings, options: SiteOptions) -> SiteContent:
    """What site_content makes, the files made on the second core while the pages render."""
    return rendered_later(checked, settings, options)()


class GeneratedContent(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Hands the generated pages and files to MkDocs from memory when it lists its files,
    waiting for the second core's files only then."""

    def __init__(self, content: Callable[[], SiteContent]) -> None:
        super().__init__()
        self.content = content

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return add_generated(files, config, self.content())


def render_source(
    checked: Checked, settings: Settings, config_file: Path, out: Path
) -> SiteContent:
    """Write the complete site source under out; returns the generated content."""
    content = rendered_content(checked, settings, SiteOptions.of(read_site_config(config_file)))
    write_source(out, site_source(config_file, checked.portfolio, content))
    return content


def default_site_dir(config_file: Path) -> Path:
    """site_dir of the configuration, relative to its folder."""
    site_dir = read_site_config(config_file).get("site_dir", "site")
    return config_file.resolve().parent / str(site_dir)


def build_source(
    source_dir: Path,
    site_dir: Path,
    *,
    strict: bool,
    dirty: bool = False,
    live: TemplateCache | None = None,
    only: Collection[str] | None = None,
    checkpoint: Callable[[], None] | None = None,
    links_unchecked: bool = False,
    index: StreamedIndex | None = None,
    generated: Callable[[], SiteContent] | None = None,
) -> None:
    """MkDocs' own build of a rendered source folder into site_dir.

    A live preview's pages are served with MkDocs' inline reload script: `live_reload`
    tells the page template to let it run (overrides/main.html). Its builds share one
    template cache (`live`), so that the theme is compiled once, not after every save,
    and may build `only` some pages, calling `checkpoint` before each (selection.py);
    `links_unchecked` builds a first page before the files it links to are written.
    With `index`, each page is handed to the search index as it is converted; with
    `generated`, the generated pages and files come from memory rather than the folder.
    """
    extra: dict[str, Any] = {"validation": {"links": {"not_found": "info"}}}
    config = load_site_config(
        source_dir / CONFIG_NAME, site_dir, strict=strict, **(extra if links_unchecked else {})
    )
    if live is not None:
        config.extra["live_reload"] = True
        config.plugins[PLUGIN_NAME] = live  # registers its on_env, as MkDocs' loader does
        config.plugins[SELECTION_NAME] = PageSelection(only, checkpoint)
    if index is not None:
        config.plugins[INDEX_PLUGIN] = SearchIndexFeed(index)
    if generated is not None:
        config.plugins[GENERATED_PLUGIN] = GeneratedContent(generated)
    try:
        mkdocs_build.build(config, dirty=dirty)
    except SystemExit as error:  # MkDocs' Abort, e.g. a warning in strict mode
        raise PortfolioError(f"Sitet kunne ikke bygges: {error}") from error


def build_site(
    checked: Checked, settings: Settings, config_file: Path, site_dir: Path
) -> SiteContent:
    """Render, build and index the whole site; returns the generated content.

    The source's own files (the configuration, docs/, the theme's overrides) are written
    to a scratch folder; the generated pages and files, the same `portfolio render` writes,
    go to MkDocs from memory, the files once the second core has made them. Pagefind
    indexes each page as MkDocs converts it and writes the index while MkDocs puts the pages
    into the theme (index_stream.py), on the second core too.
    """
    options = SiteOptions.of(read_site_config(config_file))
    content = rendered_later(checked, settings, options)
    with tempfile.TemporaryDirectory(prefix="portfolio-source-") as scratch:
        write_source(Path(scratch), site_source(config_file, checked.portfolio, SiteContent()))
        with StreamedIndex(site_dir, config_file.parent) as index:
            build_source(Path(scratch), site_dir, strict=True, index=index, generated=content)
    return content()
