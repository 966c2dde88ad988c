"""Command line for the figures: `portfolio report` and `portfolio report waiting`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from generator.cli_options import (
    checked_or_exit,
    format_option,
    help_option,
    records_option,
    today_option,
)
from generator.figures.compute import Figures, compute_figures
from generator.figures.document import figures_json
from generator.figures.text import figures_text, waiting_text
from generator.model import Portfolio
from generator.settings import Settings


def _figures(records_dir: Path, today: str | None) -> tuple[Figures, Portfolio]:
    """The figures of the checked records; on errors they are printed and the command stops."""
    settings = Settings.for_day(records_dir, today)
    checked = checked_or_exit(settings, "Ingen tal: ret fejlene først.")
    return compute_figures(checked.portfolio, settings.today), checked.portfolio


@click.group(invoke_without_command=True)
@help_option
@records_option
@today_option
@format_option(
    ("text", "json"), "text", "text: tabeller på dansk (standard). json: som /data/noegletal.json."
)
@click.pass_context
def report(ctx: click.Context, records_dir: Path, today: str | None, output_format: str) -> None:
    """Porteføljens nøgletal, som på /tal/; 'waiting' viser de ideer, der venter."""
    ctx.obj = (records_dir, today)
    if ctx.invoked_subcommand is not None:
        return
    figures, portfolio = _figures(records_dir, today)
    if output_format == "json":
        click.echo(json.dumps(figures_json(figures), ensure_ascii=False, indent=2))
    else:
        click.echo(figures_text(figures, portfolio), nl=False)


@report.command()
@help_option
@click.option(
    "--records",
    "records_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Mappen med posterne (standard: records).",
)
@today_option
@click.pass_obj
def waiting(parent: tuple[Path, str | None], records_dir: Path | None, today: str | None) -> None:
    """De ideer, der venter på en beslutning, ældste først."""
    parent_records, parent_today = parent
    figures, portfolio = _figures(records_dir or parent_records, today or parent_today)
    click.echo(waiting_text(figures, portfolio), nl=False)
