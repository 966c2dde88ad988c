"""Command line for the site: `portfolio build`, `render`, `serve` and `export`."""

from __future__ import annotations

import logging
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from generator.cli_options import (
    F,
    checked_or_exit,
    help_option,
    options,
    records_option,
    today_option,
)
from generator.errors import PortfolioError
from generator.problems import format_text
from generator.render import DATA_FILES, PACKAGE_FILE, XLSX_FILE, data_files
from generator.settings import Settings
from generator.site.build import build_site, default_site_dir, render_source

NOTHING_BUILT = "Intet er bygget: ret fejlene først."

config_option = click.option(
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mkdocs.yml"),
    help="Sitets MkDocs-konfiguration (standard: mkdocs.yml).",
)
# What every site command reads: the records, today, and (but for export) the configuration.
record_options = options(help_option, records_option, today_option)
site_options = options(record_options, config_option)


def folder_option(name: str, help_text: str, **settings: Any) -> Callable[[F], F]:
    """An option naming a folder to write in."""
    folder = click.Path(file_okay=False, path_type=Path)
    return click.option(name, type=folder, help=help_text, **settings)


def _show_mkdocs_warnings() -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        logger.addHandler(handler)


@click.command()
@site_options
@folder_option("--site-dir", "Hvor sitet bygges; standard er site_dir i mkdocs.yml (site/).")
def build(records_dir: Path, site_dir: Path | None, today: str | None, config_file: Path) -> None:
    """Valider posterne, byg sitet og dets søgeindeks; ved fejl bygges intet."""
    settings = Settings.for_day(records_dir, today)
    checked = checked_or_exit(settings, NOTHING_BUILT)
    if checked.problems:  # warnings only: they are shown, and the site is built
        click.echo(format_text(checked.problems), err=True, nl=False)
    _show_mkdocs_warnings()
    target = site_dir if site_dir is not None else default_site_dir(config_file)
    content = build_site(checked, settings, config_file, target)
    pages = len(content.pages)
    click.echo(f"Sitet er bygget i {target} ({pages} sider fra posterne, med søgeindeks).")


@click.command()
@site_options
@folder_option("--out", "Mappen, kilden skrives i: OUT/mkdocs.yml og OUT/docs/.", required=True)
def render(records_dir: Path, today: str | None, config_file: Path, out: Path) -> None:
    """Skriv sitets komplette kilde, som MkDocs og Zensical bygger, som den er."""
    settings = Settings.for_day(records_dir, today)
    checked = checked_or_exit(settings, NOTHING_BUILT)
    if not config_file.is_file():
        raise PortfolioError(f"Konfigurationen {config_file} findes ikke.")
    content = render_source(checked, settings, config_file, out)
    click.echo(f"Sitets kilde er skrevet i {out} ({len(content.pages)} sider fra posterne).")


@click.command()
@site_options
@click.option(
    "--dev-addr",
    default="127.0.0.1:8000",
    help="Adresse og port, sitet vises på (standard: 127.0.0.1:8000).",
)
def serve(records_dir: Path, today: str | None, config_file: Path, dev_addr: str) -> None:
    """Vis sitet lokalt; en gemt post vises på sin side med det samme."""
    from generator.site.live import LiveSite  # noqa: PLC0415 (loads the server)
    from generator.site.live_server import serve_live  # noqa: PLC0415

    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit():
        raise click.BadParameter(f"'{dev_addr}' skal skrives vært:port, fx 127.0.0.1:8000.")
    if not config_file.is_file():
        raise PortfolioError(f"Konfigurationen {config_file} findes ikke.")
    work_dir = Path(tempfile.mkdtemp(prefix="portfolio-serve-"))
    signal.signal(signal.SIGTERM, _stop)  # a terminated preview cleans up like Ctrl+C
    try:
        _show_mkdocs_warnings()
        live = LiveSite(Settings.for_day(records_dir, today), config_file, work_dir)
        serve_live(live, host, int(port))
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)


def _stop(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt


@click.command()
@record_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "csv"]),
    default="json",
    help=(
        "json: portfolio.json (standard). csv: ideer.csv og beslutninger.csv; "
        "i en mappe også datapackage.json og portefoelje.xlsx."
    ),
)
@click.option(
    "--table",
    type=click.Choice(["ideer", "beslutninger"]),
    default="ideer",
    help="Ved csv til standard output: hvilken tabel (standard: ideer).",
)
@folder_option("--output", "En mappe, filerne skrives i; uden den skrives til standard output.")
def export(
    records_dir: Path, today: str | None, output_format: str, table: str, output: Path | None
) -> None:
    """Skriv porteføljens åbne data (som på /data/) til standard output eller en mappe."""
    settings = Settings.for_day(records_dir, today)
    checked = checked_or_exit(settings, NOTHING_BUILT)
    files = data_files(checked.portfolio, {}, settings.today)
    names = [DATA_FILES[0]] if output_format == "json" else list(DATA_FILES[1:])
    if output is not None and output_format == "csv":
        names += [PACKAGE_FILE, XLSX_FILE]  # the tables' description, and as a spreadsheet
    if output is None:
        chosen = names[0] if output_format == "json" else f"data/{table}.csv"
        sys.stdout.buffer.write(files[chosen])
        return
    try:
        output.mkdir(parents=True, exist_ok=True)
        for name in names:
            (output / Path(name).name).write_bytes(files[name])
    except OSError as error:
        raise PortfolioError(f"Kan ikke skrive i {output}: {error.strerror}.") from error
    click.echo(f"Skrev {', '.join(Path(n).name for n in names)} i {output}.", err=True)
