"""Command line for going live: `portfolio examples [--remove]`."""

from __future__ import annotations

from pathlib import Path

import click

from generator.authoring.examples import remove_examples
from generator.cli_options import (
    checked_or_exit,
    help_option,
    records_option,
    today_option,
)
from generator.settings import Settings


def counted(count: int) -> str:
    """'1 opdigtet eksempel', '13 opdigtede eksempler'."""
    return f"{count} opdigtet eksempel" if count == 1 else f"{count} opdigtede eksempler"


@click.command(short_help="Vis de opdigtede eksempler, eller fjern dem alle.")
@help_option
@records_option
@today_option
@click.option(
    "--remove",
    is_flag=True,
    help="Fjern alle eksemplerne (deres mapper under ideas/ og intet andet).",
)
def examples(records_dir: Path, today: str | None, remove: bool) -> None:
    """Vis de ideer, der er opdigtede eksempler (example: true), eller fjern dem alle.

    Kør portfolio examples --remove, når porteføljen går i luften med rigtige ideer:
    så forsvinder eksemplerne og sitets advarsel om dem.
    """
    settings = Settings.for_day(records_dir, today)
    nothing = "Intet er fjernet: ret fejlene først." if remove else "Ret fejlene først."
    checked = checked_or_exit(settings, nothing)
    found = checked.portfolio.example_ids()
    if not found:
        click.echo("Porteføljen har ingen opdigtede eksempler.")
        return
    shown = [settings.display_path(f"ideas/{idea_id}/") for idea_id in found]
    if not remove:
        click.echo(f"Porteføljen har {counted(len(found))}:")
        click.echo("\n".join(f"  {path}" for path in shown))
        click.echo("Fjern dem alle med: portfolio examples --remove")
        return
    remove_examples(settings.records_dir, found)  # all or nothing; a failure says so in Danish
    click.echo(f"Fjernede {counted(len(found))}:")
    click.echo("\n".join(f"  {path}" for path in shown))
