"""Render stage, the whole site: every generated page and data file from the portfolio.

Pure: the schemas come in as the bytes of their files, and nothing is read or written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.figures import Figures, compute_figures, noegletal_json
from generator.model import Portfolio
from generator.render.approvals import Approvals
from generator.render.datapackage import data_package
from generator.render.dcat import dcat_jsonld
from generator.render.feed import atom_feeds
from generator.render.opendata import decisions_csv, ideas_csv, portfolio_json
from generator.render.pages import PageRenderer
from generator.render.xlsx import portfolio_xlsx
from generator.site_config import DataLicence, Publisher

DATA_FILES = ("data/portfolio.json", "data/ideer.csv", "data/beslutninger.csv")
FIGURES_FILE = "data/noegletal.json"
XLSX_FILE = "data/portefoelje.xlsx"
PACKAGE_FILE = "data/datapackage.json"  # describes the CSV files beside it
DCAT_FILE = "data/dcat.jsonld"  # describes the dataset for the open-data portals
FEED_FILE = "feed.xml"


@dataclass(frozen=True)
class SiteContent:
    """The generated part of the site: Markdown pages and other files, by their paths."""

    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)


def data_files(
    portfolio: Portfolio,
    schema_files: Mapping[str, bytes],
    today: str,
    licence: DataLicence | None = None,
    figures: Figures | None = None,
    *,
    publisher: Publisher | None = None,
) -> dict[str, bytes]:
    """The open data: portfolio.json, the CSV tables and their data package, the
    spreadsheet, the figures (counted as of `today` unless given), the schemas and the
    catalogue description (DCAT-AP-DK)."""
    publisher = publisher or Publisher()
    tables = (portfolio_json(portfolio), ideas_csv(portfolio), decisions_csv(portfolio))
    files = dict(zip(DATA_FILES, tables, strict=True))
    files[XLSX_FILE] = portfolio_xlsx(portfolio, publisher.name)
    files[PACKAGE_FILE] = data_package(licence, publisher.name)
    files[DCAT_FILE] = dcat_jsonld(portfolio, publisher, licence)
    files[FIGURES_FILE] = noegletal_json(figures or compute_figures(portfolio, today))
    for name, content in sorted(schema_files.items()):
        files[f"data/schemas/{name}"] = content
    return files


def parse_schemas(schema_files: Mapping[str, bytes]) -> dict[str, Mapping[str, Any]]:
    """'idea.schema.json' → the parsed schema, under the key 'idea'; broken files are skipped."""
    schemas: dict[str, Mapping[str, Any]] = {}
    for name, content in schema_files.items():
        try:
            parsed = json.loads(content)
        except ValueError:
            continue
        if isinstance(parsed, dict):
            schemas[name.removesuffix(".schema.json")] = parsed
    return schemas


def site_files(
    portfolio: Portfolio,
    schema_files: Mapping[str, bytes],
    site_url: str | None,
    today: str,
    licence: DataLicence | None = None,
    *,
    figures: Figures | None = None,
    publisher: Publisher | None = None,
) -> dict[str, bytes]:
    """The generated files beside the pages: the open data, the figures (counted as of
    `today` unless given) and the feeds."""
    publisher = publisher or Publisher(site_url=site_url)
    files = data_files(portfolio, schema_files, today, licence, figures, publisher=publisher)
    # FEED_FILE, and one a theme and an idea
    files.update(atom_feeds(portfolio, site_url, publisher.name))
    return files


def render_site(
    portfolio: Portfolio,
    schema_files: Mapping[str, bytes],
    site_url: str | None = None,
    renderer: PageRenderer | None = None,
    *,
    today: str,
    licence: DataLicence | None = None,
    publisher: Publisher | None = None,
    approvals: Approvals | None = None,
    checkpoint: Callable[[], None] = lambda: None,
) -> SiteContent:
    """Every generated page and file of the site; figures are counted as of `today`, the
    open data is published under `licence`, decisions name the pull requests `approvals`
    knows. `checkpoint` runs between the pages and the files: the preview's background
    work stops there when a newer save arrives."""
    renderer = renderer or PageRenderer(today, approvals)
    common = renderer.common(portfolio)  # the figures, counted once for pages and data
    pages = renderer.render(portfolio, parse_schemas(schema_files), licence, common)
    checkpoint()
    publisher = publisher or Publisher(site_url=site_url)
    files = site_files(
        portfolio, schema_files, site_url, renderer.today, licence,
        figures=common["figures"], publisher=publisher,
    )  # fmt: skip
    return SiteContent(pages, files)


def read_schema_files(schemas_dir: Path) -> dict[str, bytes]:
    """The schema files to publish beside the data (an edge: reads the folder)."""
    if not schemas_dir.is_dir():
        return {}
    return {path.name: path.read_bytes() for path in sorted(schemas_dir.glob("*.schema.json"))}
