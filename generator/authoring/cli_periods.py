"""Command line for the coordinator: open a period (`portfolio new theme`) and keep the
issue form's theme choices current (`portfolio issueform`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from generator.authoring.cli_common import generated_file_options, shown_path
from generator.authoring.cli_records import Invocation, record_command
from generator.authoring.drafts import load_on_disk
from generator.authoring.generated_file import (
    GeneratedFile,
    write_or_check,
)
from generator.authoring.issue_answers import theme_answers
from generator.authoring.issue_form import default_form, read_form, render_form
from generator.authoring.issue_forms import THEME_FORM
from generator.authoring.theme import ask_theme
from generator.cli_options import (
    ISO_DATE,
    DanishChoice,
    help_option,
    records_option,
    today_option,
)
from generator.periods import open_themes
from generator.settings import Settings


@click.command("theme", short_help="Opret et tema; åbner en periode for nye ideer.")
@record_command("Tema")
@click.option("--id", "theme_id", help="Temaets id; standard er navnet som id (æ→ae, ø→oe, å→aa).")
@click.option("--name", help="Temaets navn, fx Klima.")
@click.option(
    "--kind",
    type=DanishChoice("theme_kind"),
    help="tema: tager imod ideer (standard); indsatsområde: fra før temaerne.",
)
@click.option("--start", type=ISO_DATE, help="Periodens første dag; standard er i dag.")
@click.option("--end", type=ISO_DATE, help="Periodens sidste dag.")
@click.option("--anchored-in", multiple=True, help="En ansvarlig afdelings id eller navn (gentag).")
@click.option(
    "--reviewer", "reviewers", multiple=True, help="Et GitHub-hold, fx @org/hold (gentag)."
)
@click.option("--description", help="En kort beskrivelse af temaet.")
@click.option("--belief", "beliefs", multiple=True, help="Det vi tror på (gentag).")
@click.option(
    "--investment-area", "investment_areas", multiple=True,
    help="Det vi vil investere inden for (gentag).",
)  # fmt: skip
@click.option(
    "--criterion", "criteria", multiple=True,
    help="Et af de kriterier, direktørerne screener ideerne efter (gentag).",
)  # fmt: skip
def new_theme(run: Invocation, **given: Any) -> None:
    """Opret et tema: records/themes/<id>.yaml.

    Koordinatoren åbner en ny periode ved at oprette dens temaer. Kør bagefter
    portfolio issueform og portfolio codeowners.
    """
    run.create(ask_theme, THEME_FORM, theme_answers, given)


@click.command(short_help="Skriv eller tjek temaerne i formularen Idekort.")
@help_option
@records_option
@today_option
@generated_file_options(".github/ISSUE_TEMPLATE/idekort.yml")
def issueform(records_dir: Path, today: str | None, output: Path | None, check: bool) -> None:
    """Skriv temaerne, der er åbne i dag, som valg i formularen Idekort, eller tjek dem.

    Er intet tema åbent, siger formularen det øverst.
    """
    settings = Settings.for_day(records_dir, today)
    target = output or default_form(settings.root)
    file = GeneratedFile(
        target, shown_path(target, settings.root), "portfolio issueform",
        "temaerne i formularen er ikke dem, der er åbne i dag",
    )  # fmt: skip
    portfolio = load_on_disk(settings).portfolio
    wanted = render_form(read_form(target, file.shown), portfolio, settings.today)
    names = ", ".join(t.name for t in open_themes(portfolio, settings.today)) or "ingen"
    click.echo(write_or_check(file, wanted, check=check, note=f" (åbne temaer: {names})"))
