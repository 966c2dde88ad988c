"""Site stage, search: what Pagefind reads from each idea page, and the indexing itself.

Pagefind indexes the built HTML into a static, chunked index under `pagefind/`, with a
Danish stemmer chosen from `<html lang="da">`; `/soeg/` (docs/soeg.md and
docs/assets/javascripts/soeg.js) queries it in the browser, fetching only the fragments
a query needs. Each idea page carries its theme, status and year as empty elements whose
attributes Pagefind takes as filters and as the metadata a result shows.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import threading
from dataclasses import replace
from pathlib import Path

from generator.errors import PortfolioError
from generator.model import Idea, Portfolio
from generator.render import SiteContent
from generator.render.markup import idea_page
from generator.site.background import Cancelled
from generator.vocabulary import status_label

INDEX_DIR = "pagefind"
IDEA_PAGE = "idé"  # the filter `side` of every idea page; docs/assets/javascripts/soeg.js
ROOT_SELECTOR = "article"  # the page's own content: no sidebar, header or footer
# Furniture, never an excerpt: permalink marks, dates, "Læs op", table headings, notices,
# and charts (the tables beside them say the same).
EXCLUDED = (
    ".headerlink, .page-updated, .md-source-file, .laes-op, thead, .examples-notice, .chart-figure"
)
INDEX_TIMEOUT = 600.0  # seconds
STOP_POLL = 0.1  # seconds between two looks at the preview's stop sign


def search_fields(idea: Idea, portfolio: Portfolio) -> dict[str, str]:
    """The filters of an idea page: its theme, its status and the year it was submitted."""
    theme = portfolio.themes.get(idea.theme)
    fields = {
        "tema": theme.name if theme is not None else idea.theme,
        "status": status_label(idea.state.status),
        "år": idea.submitted[:4],
    }
    if idea.example:  # shown on the result, never offered as a filter
        fields["eksempel"] = "Eksempel"
    fields["side"] = IDEA_PAGE  # /soeg/ puts the idea pages first
    return fields


def search_markup(fields: dict[str, str]) -> str:
    """Empty elements carrying the fields in attributes: indexed as filters and meta, never shown."""
    spans = "".join(
        f'<span{_filter(key)} data-pagefind-meta="{key}[data-value]" '
        f'data-value="{html.escape(value, quote=True)}"></span>'
        for key, value in fields.items()
    )
    return f'\n<div class="search-data" hidden>{spans}</div>\n'


def _filter(key: str) -> str:
    return "" if key == "eksempel" else f' data-pagefind-filter="{key}[data-value]"'


def with_search_data(content: SiteContent, portfolio: Portfolio) -> SiteContent:
    """The site content with every idea page carrying its search fields."""
    pages = dict(content.pages)
    for idea in portfolio.ideas.values():
        path = idea_page(idea.idea_id)
        if path in pages:
            pages[path] = pages[path] + search_markup(search_fields(idea, portfolio))
    return replace(content, pages=pages)


# Pagefind from the npm registry, pinned in package-lock.json and installed by `npm ci`.
NPM_BINARY = Path("node_modules") / ".bin" / "pagefind"
MISSING = (
    "Pagefind, som bygger søgeindekset, er ikke installeret. Kør 'make setup' (eller "
    "'npm ci' i projektets mappe); det kræver Node.js og npm."
)


def pagefind_binary(root: Path) -> Path:
    """The project's pinned Pagefind (beside mkdocs.yml in `root`, or in the folder the command
    runs in), else one on PATH; a Danish error when there is none."""
    for folder in (root, Path.cwd()):
        pinned = folder / NPM_BINARY
        if pinned.is_file():
            return pinned
    found = shutil.which("pagefind")
    if found is None:
        raise PortfolioError(MISSING)
    return Path(found)


def index_command(site_dir: Path, binary: Path) -> list[str]:
    """The Pagefind run over a built site."""
    return [
        str(binary), "--site", str(site_dir), "--output-subdir", INDEX_DIR,
        "--root-selector", ROOT_SELECTOR, "--exclude-selectors", EXCLUDED, "--quiet",
    ]  # fmt: skip


def index_search(site_dir: Path, root: Path, stop: threading.Event | None = None) -> None:
    """Index the built site for `/soeg/`; a Danish error when Pagefind is missing or fails.

    When `stop` is set meanwhile (the preview: a newer save), Pagefind is ended and
    `Cancelled` raised; the index is made again after that save.
    """
    command = index_command(site_dir, pagefind_binary(root))
    try:
        process = subprocess.Popen(  # noqa: S603 (the pinned binary, fixed arguments)
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    except OSError as error:
        raise PortfolioError(f"Søgeindekset kunne ikke bygges med Pagefind: {error}") from error
    stdout, stderr = _wait(process, stop)
    if process.returncode != 0 or not (site_dir / INDEX_DIR / "pagefind.js").is_file():
        detail = (stderr or stdout).strip().splitlines()[-3:]
        raise PortfolioError(
            "Søgeindekset kunne ikke bygges med Pagefind"
            + (":\n" + "\n".join(detail) if detail else ".")
        )


def _wait(process: subprocess.Popen[str], stop: threading.Event | None) -> tuple[str, str]:
    """Pagefind's output once it ends; ended early, with Cancelled, when stop is set."""
    looks = 0
    while True:
        try:
            return process.communicate(timeout=STOP_POLL)
        except subprocess.TimeoutExpired:
            looks += 1
            stopped = stop is not None and stop.is_set()
            if stopped or looks * STOP_POLL > INDEX_TIMEOUT:
                process.kill()
                process.communicate()
                if stopped:
                    raise Cancelled from None
                raise PortfolioError(
                    "Søgeindekset kunne ikke bygges: Pagefind svarede ikke."
                ) from None
