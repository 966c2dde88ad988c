"""Command line: `portfolio init`, a new portfolio repository for another organisation."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click

from generator.authoring.codeowners import render_codeowners
from generator.authoring.generated_file import write_file
from generator.authoring.issue_form import default_form, render_form
from generator.cli_options import help_option, today_option
from generator.errors import PortfolioError
from generator.init import create_portfolio
from generator.init.texts import organisation_slug
from generator.pipeline import check_portfolio
from generator.settings import Settings


@click.command()
@help_option
@click.argument("directory", metavar="MAPPE", type=click.Path(file_okay=False, path_type=Path))
@click.option("--organisation", required=True, help="Organisationens navn, fx 'Eksempel Kommune'.")
@click.option(
    "--departments",
    "departments_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Afdelingerne: en YAML-fil som records/departments.yaml, eller ét navn pr. linje.",
)
@click.option(
    "--municipality-code",
    help="Kommunens firecifrede kommunekode, til de åbne datas geografi (fx 0101).",
)
@today_option
def init(
    directory: Path,
    organisation: str,
    departments_file: Path | None,
    municipality_code: str | None,
    today: str | None,
) -> None:
    """Opret et nyt, tomt porteføljerepository for en anden organisation."""
    organisation = " ".join(organisation.split())
    if not organisation:
        raise click.BadParameter("skriv organisationens navn.", param_hint="--organisation")
    if municipality_code is not None and not re.fullmatch(r"[0-9]{3,4}", municipality_code):
        raise click.BadParameter(
            "en kommunekode er tre eller fire cifre.", param_hint="--municipality-code"
        )
    create_portfolio(directory, organisation, departments_file, municipality_code)
    _write_generated(directory, organisation, today)
    click.echo(
        f"Porteføljen for {organisation} er oprettet i {directory}.\n"
        f"Næste skridt: cd {directory} && make site, og åbn det første tema med "
        "'.venv/bin/portfolio new theme'. README.md fortæller resten."
    )


def _write_generated(directory: Path, organisation: str, today: str | None) -> None:
    """CODEOWNERS and the idea form's theme choices, for a portfolio without themes."""
    settings = Settings.for_day(directory / "records", today)
    checked = check_portfolio(settings)
    if checked.failed:
        raise PortfolioError("Den nye portefølje validerer ikke: " + checked.failing[0].as_text())
    team = f"@{organisation_slug(organisation)}/portefoeljeteam"
    text = render_codeowners(checked.portfolio, "records", team)
    write_file(directory / ".github" / "CODEOWNERS", text, ".github/CODEOWNERS")
    form = default_form(directory)
    if form.is_file():
        text = render_form(form.read_text("utf-8"), checked.portfolio, settings.today)
        write_file(form, text, str(form.relative_to(directory)))
    # The golden copy of the rendered site configuration is the new mkdocs.yml's own.
    golden = subprocess.run(
        [sys.executable, "-m", "tests.golden"], cwd=directory, capture_output=True, check=False
    )
    if golden.returncode != 0:
        click.echo("Advarsel: kør 'make golden' i den nye portefølje.", err=True)
