"""The MkDocs plugin, for `mkdocs build` and `mkdocs serve` in the repository root.

Through MkDocs' public plugin events only, it does what `portfolio render` writes to a
folder: validates the records, adds the generated pages and data files to the build in
memory (nothing is written into docs/), expands the theme nav, dates the hand-written
pages, and after `mkdocs build` indexes the search. `portfolio build` and `portfolio
serve` build the rendered source instead and do not load it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Literal

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from generator.errors import PortfolioError
from generator.gitrepo import last_commit_date
from generator.pipeline import check_portfolio
from generator.problems import format_text
from generator.render import SiteContent
from generator.render.markup import with_notice
from generator.schema.dates import is_iso_date, iso_date_message
from generator.settings import Settings
from generator.site.build import site_content
from generator.site.generated_files import add_generated
from generator.site.search import index_search
from generator.site.source import expand_theme_nav, portfolio_notice, with_updated_line
from generator.site_config import SiteOptions

log = logging.getLogger("mkdocs.plugins.portfolio")


class IsoDateOption(c.Type[str]):
    """A real date written YYYY-MM-DD, checked like the command line's --today."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        text = str(super().run_validation(value)).strip()
        if not is_iso_date(text):
            raise ValidationError(iso_date_message(value))
        return text


class PortfolioPluginConfig(Config):  # type: ignore[no-untyped-call]
    records = c.Type(str, default="records")
    today = c.Optional(IsoDateOption())


class PortfolioPlugin(BasePlugin[PortfolioPluginConfig]):  # type: ignore[no-untyped-call]
    """Validates the records, renders the pages and adds them to the MkDocs build."""

    def __init__(self) -> None:
        self.content = SiteContent()
        self.command: str = "build"
        self.notice = ""  # above every hand-written page while examples exist

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        settings = Settings.for_day(root / self.config.records, self.config.today or None)
        try:
            checked = check_portfolio(settings)
        except PortfolioError as error:  # no records folder, a broken schema file
            raise PluginError(error.message) from error
        if checked.failed:
            raise PluginError("Posterne har fejl:\n" + format_text(checked.failing))
        for problem in checked.problems:
            log.info(problem.as_text())
        try:
            options = SiteOptions.of(config)
        except PortfolioError as error:  # an invalid data licence
            raise PluginError(error.message) from error
        self.content = site_content(checked, settings, options)
        self.notice = portfolio_notice(checked.portfolio)
        config.nav = expand_theme_nav(config.nav, checked.portfolio)
        for path in (settings.records_dir, settings.schemas_dir):
            if path.is_dir() and str(path) not in config.watch:
                config.watch.append(str(path))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        try:
            return add_generated(files, config, self.content)
        except PortfolioError as error:  # a page of docs/ where a generated one goes
            raise PluginError(error.message) from error

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if page.file.generated_by or not page.file.abs_src_path:
            return markdown
        markdown = with_notice(markdown, self.notice)
        date = last_commit_date(Path(page.file.abs_src_path))
        return markdown if date is None else with_updated_line(markdown, date)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.command != "serve":  # indexing every rebuild of a preview would slow it down
            try:
                index_search(Path(config.site_dir), Path(config.config_file_path).parent)
            except PortfolioError as error:
                raise PluginError(error.message) from error
