"""Site stage, the source: everything a site engine needs, as files under one folder.

`portfolio render --out DIR` writes `DIR/mkdocs.yml` (the repository's configuration with
an explicit nav and without the `portfolio` plugin), `DIR/docs/` (the hand-written pages
and assets, every generated page and data file) and the theme's `custom_dir`, if any.
MkDocs, its forks and Zensical build that folder as it is. No engine is imported here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.errors import PortfolioError
from generator.gitrepo import last_commit_date
from generator.kinds import ThemeKind
from generator.model import Portfolio
from generator.render import SiteContent
from generator.render.markup import examples_notice, theme_page, with_notice
from generator.render.pages import PAGE_HISTORY, PAGE_THEMES
from generator.render.sanitize import attribute_text
from generator.render.views import focus_areas, themes_of_kind
from generator.site_config import CONFIG_NAME, dump_site_config, read_site_config
from generator.vocabulary import format_date

DOCS_DIR = "docs"
PLUGIN_NAME = "portfolio"


def is_portfolio_plugin(entry: object) -> bool:
    """A `plugins:` entry naming this package's plugin, bare or with options."""
    return entry == PLUGIN_NAME or (isinstance(entry, dict) and PLUGIN_NAME in entry)


def expand_theme_nav(nav: Any, portfolio: Portfolio) -> Any:
    """The nav entry of temaer/index.md becomes a section: the overview, then every theme.
    The history page's entry is left out where no focus-area records make that page."""
    if not isinstance(nav, list):
        return nav
    if not focus_areas(portfolio):
        nav = [
            item for item in nav if not (isinstance(item, dict) and PAGE_HISTORY in item.values())
        ]
    section = [PAGE_THEMES] + [
        {str(attribute_text(theme.name)): theme_page(theme.theme_id)}
        for theme in themes_of_kind(portfolio, ThemeKind.THEME)
    ]
    expanded = []
    for item in nav:
        if isinstance(item, dict) and list(item.values()) == [PAGE_THEMES]:
            expanded.append({next(iter(item)): section})
        else:
            expanded.append(item)
    return expanded


def custom_dir_of(config: dict[str, Any]) -> str | None:
    """The theme's folder of template overrides, as written in the configuration."""
    theme = config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    return custom if isinstance(custom, str) and custom else None


def source_config(config: dict[str, Any], portfolio: Portfolio) -> dict[str, Any]:
    """The configuration of the rendered source: explicit nav, no portfolio plugin."""
    rendered = dict(config)
    rendered["docs_dir"] = DOCS_DIR
    rendered["site_dir"] = "site"
    plugins = config.get("plugins", [])
    rendered["plugins"] = [p for p in plugins if not is_portfolio_plugin(p)]
    rendered["nav"] = expand_theme_nav(config.get("nav"), portfolio)
    custom = custom_dir_of(config)
    if custom is not None:
        rendered["theme"] = {**config["theme"], "custom_dir": _custom_target(custom)}
    return rendered


def _custom_target(custom: str) -> str:
    """Where the overrides go in the source: the same relative path, or beside mkdocs.yml."""
    path = Path(custom)
    return path.as_posix() if not path.is_absolute() and ".." not in path.parts else path.name


def _files_under(folder: Path) -> Iterator[tuple[str, Path]]:
    """Every file under a folder (hidden ones left out, as the engines do), sorted."""
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            yield rel.as_posix(), path


def hand_written_files(docs_dir: Path, notice: str = "") -> dict[str, bytes]:
    """The pages and assets of docs/; each page ends with the date git last changed it and
    carries the notice (about fictional examples), if any, above its content."""
    files: dict[str, bytes] = {}
    for rel, path in _files_under(docs_dir):
        data = path.read_bytes()
        if rel.endswith(".md"):
            page = with_notice(data.decode("utf-8"), notice)
            date = last_commit_date(path)
            data = (page if date is None else with_updated_line(page, date)).encode("utf-8")
        files[rel] = data
    return files


def portfolio_notice(portfolio: Portfolio) -> str:
    """The notice every page carries while any idea is a fictional example ('' if none)."""
    return examples_notice(len(portfolio.example_ids()), len(portfolio.ideas))


def site_source(config_file: Path, portfolio: Portfolio, content: SiteContent) -> dict[str, bytes]:
    """Every file of the rendered source, by its path under the output folder."""
    config = read_site_config(config_file)
    root = config_file.resolve().parent
    docs = hand_written_files(
        root / str(config.get("docs_dir", DOCS_DIR)), portfolio_notice(portfolio)
    )
    generated: dict[str, str | bytes] = {**content.pages, **content.files}
    clashes = sorted(path for path in generated if path in docs)
    if clashes:
        raise PortfolioError(f"Sider, som genereres, findes også i docs/: {', '.join(clashes)}")
    files = {f"{DOCS_DIR}/{rel}": data for rel, data in docs.items()}
    for path, data in generated.items():
        files[f"{DOCS_DIR}/{path}"] = data.encode("utf-8") if isinstance(data, str) else data
    rendered = source_config(config, portfolio)
    custom = custom_dir_of(config)
    if custom is not None:
        target = _custom_target(custom)
        for rel, override in _files_under(root / custom):
            files[f"{target}/{rel}"] = override.read_bytes()
    files[CONFIG_NAME] = dump_site_config(rendered).encode()
    return files


def write_source(out: Path, files: dict[str, bytes]) -> list[str]:
    """Write the files under out, leaving unchanged ones untouched and removing stale ones.

    Returns the paths written or removed, so a watching engine rebuilds only what changed.
    Only the folders the source consists of are cleaned; anything else under out stays.
    """
    changed: list[str] = []
    folders: set[Path] = set()  # made already: one mkdir a folder, not one a file
    try:
        for rel, data in files.items():
            target = out / rel
            if _holds(target, data):
                continue
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            target.write_bytes(data)
            changed.append(rel)
        for top in {rel.split("/", 1)[0] for rel in files if "/" in rel}:
            for rel, path in _files_under(out / top):
                if f"{top}/{rel}" not in files:
                    path.unlink()
                    changed.append(f"{top}/{rel}")
    except OSError as error:
        raise PortfolioError(f"Kan ikke skrive sitets kilde i {out}: {error.strerror}.") from error
    return changed


def _holds(target: Path, data: bytes) -> bool:
    """The file exists with exactly these bytes."""
    try:
        return target.stat().st_size == len(data) and target.read_bytes() == data
    except (FileNotFoundError, NotADirectoryError):
        return False


def update_source(out: Path, changes: dict[str, bytes | None]) -> list[str]:
    """Write some files of the source (None removes one); returns the paths touched."""
    try:
        for rel, data in changes.items():
            target = out / rel
            if data is None:
                target.unlink(missing_ok=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
    except OSError as error:
        raise PortfolioError(f"Kan ikke skrive sitets kilde i {out}: {error.strerror}.") from error
    return list(changes)


def with_updated_line(markdown: str, date: str) -> str:
    """A hand-written page with the date it was last changed at its end."""
    return (
        f'{markdown.rstrip()}\n\n<p class="page-updated">Sidst opdateret: '
        f'<time datetime="{date}">{format_date(date)}</time></p>\n'
    )
