"""The MkDocs edge: adds the rendered pages and data files to the build, in memory.

Nothing generated is written into docs/. `mkdocs build`, `mkdocs serve`, `portfolio build`
and `portfolio serve` all go through this plugin; the last two hand it a portfolio they
have already checked, so the records are validated once.
"""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.errors import PortfolioError
from generator.pipeline import Checked, check_portfolio
from generator.problems import format_text
from generator.render.pages import PAGE_THEMES, PageRenderer
from generator.render.markup import theme_page
from generator.render import SiteContent, read_schema_files, render_site
from generator.render.datapackage import DataLicence, licence_from
from generator.render.views import themes_of_kind
from generator.vocabulary import format_date
from generator.render.sanitize import attribute_text
from generator.settings import Settings

log = logging.getLogger("mkdocs.plugins.portfolio")


class PortfolioPluginConfig(Config):  # type: ignore[no-untyped-call]
    records = c.Type(str, default="records")
    today = c.Optional(c.Type(str))


class PortfolioPlugin(BasePlugin[PortfolioPluginConfig]):  # type: ignore[no-untyped-call]
    """Validates the records, renders the pages and adds them to the MkDocs build."""

    def __init__(self) -> None:
        self.checked: Checked | None = None
        self.preloaded = False
        self.lenient = False
        self.settings: Settings | None = None
        self.renderer = PageRenderer()
        self.content = SiteContent()
        self.licence = DataLicence()  # the open data's, from mkdocs.yml
        # What the last build made, kept for `portfolio serve`'s page-by-page updates.
        self.state: dict[str, Any] = {}

    def preload(self, checked: Checked, settings: Settings, *, lenient: bool = False) -> None:
        """Use a portfolio already checked by the command line instead of checking again."""
        self.checked, self.settings, self.preloaded = checked, settings, True
        self.lenient = lenient

    def _settings(self, config: MkDocsConfig) -> Settings:
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        today = self.config.today or dt.date.today().isoformat()
        return Settings(records_dir=root / self.config.records, today=today)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.preloaded:
            self.settings = self._settings(config)
            try:
                self.checked = check_portfolio(self.settings)
            except PortfolioError as error:  # no records folder, a broken schema file
                raise PluginError(error.message) from error
        assert self.checked is not None and self.settings is not None
        if self.checked.failed and not self.lenient:
            raise PluginError("Posterne har fejl:\n" + format_text(self.checked.failing))
        for problem in self.checked.problems:
            log.info(problem.as_text())
        self.renderer.today = self.settings.today
        try:
            self.licence = licence_from(config.extra)
        except PortfolioError as error:
            raise PluginError(error.message) from error
        self.content = self.render(config)
        config.nav = expand_theme_nav(config.nav, self.checked)
        for path in (self.settings.records_dir, self.settings.schemas_dir):
            if path.is_dir() and str(path) not in config.watch:
                config.watch.append(str(path))
        return config

    def render(self, config: MkDocsConfig) -> SiteContent:
        """Every generated page and file, from the checked portfolio."""
        assert self.checked is not None and self.settings is not None
        schemas = read_schema_files(self.settings.schemas_dir)
        return render_site(
            self.checked.portfolio, schemas, config.site_url, self.renderer, licence=self.licence
        )

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        generated: dict[str, str | bytes] = {**self.content.pages, **self.content.files}
        clashes = sorted(path for path in generated if files.get_file_from_path(path))
        if clashes:
            raise PluginError(f"Sider, som genereres, findes også i docs/: {', '.join(clashes)}")
        for path, content in generated.items():
            files.append(File.generated(config, path, content=content))
        self.state["files"] = files
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.state["nav"] = nav
        return nav

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if page.file.generated_by or not page.file.abs_src_path:
            return markdown
        date = git_date(Path(page.file.abs_src_path))
        if date is None:
            return markdown
        return (
            f'{markdown.rstrip()}\n\n<p class="page-updated">Sidst opdateret: '
            f'<time datetime="{date}">{format_date(date)}</time></p>\n'
        )

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self.state.update(env=env, config=config)
        return env


def expand_theme_nav(nav: Any, checked: Checked) -> Any:
    """The nav entry of temaer/index.md becomes a section: the overview, then every theme."""
    if not isinstance(nav, list):
        return nav
    themes = themes_of_kind(checked.portfolio, "theme")
    section = [PAGE_THEMES] + [
        {str(attribute_text(theme.name)): theme_page(theme.theme_id)} for theme in themes
    ]
    expanded = []
    for item in nav:
        if isinstance(item, dict) and list(item.values()) == [PAGE_THEMES]:
            expanded.append({next(iter(item)): section})
        else:
            expanded.append(item)
    return expanded


def git_date(path: Path) -> str | None:
    """The date of the last commit that touched a file, or None outside git or before it."""
    try:
        result = subprocess.run(  # noqa: S603 (fixed arguments, a file name after --)
            ["git", "log", "-1", "--format=%cs", "--", path.name],  # noqa: S607
            cwd=path.parent,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    date = result.stdout.strip()
    return date if result.returncode == 0 and len(date) == 10 else None
