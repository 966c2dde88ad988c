"""Command line: the options and types every command shares, in Danish."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from generator import cli_danish
from generator.pipeline import Checked, check_portfolio
from generator.problems import format_text
from generator.schema.dates import is_iso_date, iso_date_message
from generator.settings import Settings
from generator.vocabulary import choice_shown, read_choice, read_date

# Before any click type is made: some take their Danish name when they are created.
cli_danish.install()


class IsoDate(click.ParamType[str]):
    """A real date, written YYYY-MM-DD or '4. december 2026', kept as YYYY-MM-DD."""

    name = "dato"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = read_date(str(value))
        if not is_iso_date(text):
            self.fail(iso_date_message(value), param, ctx)
        return text


ISO_DATE = IsoDate()


class DanishChoice(click.ParamType[str]):
    """One of a closed set, given by its Danish word or its YAML value; kept as the value."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.name = "valg"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(choice_shown(self.kind).values()) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        chosen = read_choice(self.kind, str(value))
        if chosen is None:
            words = ", ".join(f"'{word}'" for word in choice_shown(self.kind).values())
            self.fail(f"'{value}' er ikke et af valgene {words}.", param, ctx)
        return chosen


help_option = click.help_option("-h", "--help", help="Vis denne hjælp og afslut.")
records_option = click.option(
    "--records",
    "records_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("records"),
    help="Mappen med posterne (standard: records).",
)
today_option = click.option(
    "--today",
    type=ISO_DATE,
    envvar="PORTFOLIO_TODAY",
    help="Dagens dato (ÅÅÅÅ-MM-DD); standard er i dag (eller PORTFOLIO_TODAY).",
)

F = TypeVar("F", bound=Callable[..., Any])


def options(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """Several click options as one decorator, in the order written."""

    def apply(command: F) -> F:
        for decorator in reversed(decorators):
            command = decorator(command)
        return command

    return apply


# Every `portfolio new …` command: the records, today, and never asking.
common_options = options(
    help_option,
    records_option,
    today_option,
    click.option(
        "--no-input", is_flag=True, help="Spørg aldrig; fejl, hvis et påkrævet felt mangler."
    ),
)


def issue_options(form: str) -> Callable[[F], F]:
    """--from-issue and --pr-title-file, for a record made from an issue with form `form`."""
    return options(
        click.option(
            "--from-issue",
            type=click.Path(dir_okay=False, path_type=Path),
            help=f"En fil med teksten fra et issue lavet med formularen {form}; tilvalg går forud.",
        ),
        click.option(
            "--pr-title-file",
            type=click.Path(dir_okay=False, writable=True, path_type=Path),
            help="Med --from-issue: skriv en titel til pull requesten i denne fil.",
        ),
    )


def format_option(choices: Sequence[str], default: str, help_text: str) -> Callable[[F], F]:
    """--format, one of `choices`, given to the command as `output_format`."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(list(choices)),
        default=default,
        help=help_text,
    )


def checked_or_exit(settings: Settings, nothing_done: str) -> Checked:
    """The checked portfolio; on errors they are printed, then `nothing_done`, and exit 1."""
    checked = check_portfolio(settings)
    if checked.failed:
        click.echo(format_text(checked.problems), err=True, nl=False)
        click.echo(nothing_done, err=True)
        sys.exit(1)
    return checked
