"""Command line: `portfolio import`, a spreadsheet into records, all of them or none."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from generator.authoring.drafts import Draft, problem_file, record_path
from generator.cli_options import help_option, records_option, today_option
from generator.errors import PortfolioError
from generator.importing import ImportResult, import_files
from generator.importing.mapping import read_map
from generator.settings import Settings

NOTHING_WRITTEN = "Intet er skrevet: ret regnearket (eller kortet) og prøv igen."
KINDS_DA = {
    "idea": ("idé", "ideer"),
    "decision": ("beslutning", "beslutninger"),
    "testcard": ("testkort", "testkort"),
}


@click.command(name="import")
@help_option
@click.argument(
    "files",
    metavar="FIL",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "--map",
    "map_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Et YAML-kort over en anden opstilling: ark → tabel, overskrift → felt.",
)
@records_option
@click.option("--dry-run", is_flag=True, help="Vis, hvad der ville blive skrevet, uden at skrive.")
@today_option
def import_command(
    files: tuple[Path, ...],
    map_file: Path | None,
    records_dir: Path,
    dry_run: bool,
    today: str | None,
) -> None:
    """Hent en portefølje fra et regneark (xlsx eller CSV) ind som poster.

    portefoelje.xlsx fra sitets dataside læses, som den er; en anden opstilling beskrives
    i et kort (--map). Alt kontrolleres som ved validate, før noget skrives; ved en fejl
    skrives intet.
    """
    settings = Settings.for_day(records_dir, today)
    if not records_dir.is_dir():
        raise PortfolioError(f"Mappen {records_dir} findes ikke.")
    maps = read_map(map_file) if map_file is not None else None
    result = import_files(settings, files, maps)
    for warning in result.warnings:
        click.echo(f"Advarsel: {warning}", err=True)
    if result.problems:
        for problem in result.problems:
            click.echo(problem, err=True)
        click.echo(NOTHING_WRITTEN, err=True)
        sys.exit(1)
    if dry_run:
        click.echo(f"Prøvekørsel: {_counts(result)} ville blive skrevet i {records_dir}:")
        for draft in result.drafts:
            click.echo(f"  {problem_file(settings, draft)}")
        return
    write_all(settings, result.drafts)
    click.echo(
        f"Skrev {_counts(result)} i {records_dir}. Kør portfolio validate for at se dem efter."
    )


def _counts(result: ImportResult) -> str:
    parts = []
    for kind, (one, many) in KINDS_DA.items():
        count = sum(1 for d in result.drafts if d.kind == kind)
        if count:
            parts.append(f"{count} {one if count == 1 else many}")
    if not parts:
        return "ingen poster"
    return " og ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)


def write_all(settings: Settings, drafts: Sequence[Draft]) -> None:
    """Write every draft or, if one fails, take back those already written."""
    written: list[Path] = []
    try:
        for draft in drafts:
            target = record_path(settings, draft)
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("x", encoding="utf-8", newline="\n") as handle:
                written.append(target)
                handle.write(draft.text)
    except OSError as error:
        _take_back(settings, written)
        raise PortfolioError(f"Kunne ikke skrive posterne ({error}); intet er skrevet.") from error


def _take_back(settings: Settings, written: list[Path]) -> None:
    for path in reversed(written):
        path.unlink(missing_ok=True)
        folder = path.parent
        while folder != settings.records_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
