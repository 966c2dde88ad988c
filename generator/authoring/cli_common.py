"""Command line for contributors: what every `portfolio new …` command shares.

Options, and the run of a command: ask, check against the whole portfolio, ask again for
the fields at fault, write. End of input or Ctrl-C writes nothing and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from generator.authoring.drafts import (
    Draft,
    DraftError,
    load_on_disk,
    problem_file,
    refuse_errors,
    write_checked,
)
from generator.authoring.prompts import Asker, Mode
from generator.authoring.refused_fields import fields_at_fault
from generator.cli_options import F, options
from generator.model import Portfolio
from generator.problems import Problem
from generator.settings import Settings

AskFunction = Callable[[Asker, Settings, Portfolio, dict[str, Any]], list[Draft]]
INTERRUPTED = "Afbrudt – intet er skrevet."


def shown_path(path: Path, root: Path) -> str:
    """A file as messages name it: relative to the repository root when it is inside."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


def create(ask: AskFunction, settings: Settings, given: dict[str, Any], mode: Mode) -> None:
    """Ask, check, write, and say where; an interrupted run writes nothing."""
    try:
        portfolio = load_on_disk(settings).portfolio
        drafts, warnings = _checked_drafts(ask, settings, portfolio, given, Asker(mode))
    except click.Abort:
        click.echo("", err=True)
        click.echo(INTERRUPTED, err=True)
        raise SystemExit(1) from None
    write_checked(settings, drafts)
    for warning in warnings:
        click.echo(warning.as_text(), err=True)  # the line says "(advarsel)" itself
    for draft in drafts:
        click.echo(f"Skrev {problem_file(settings, draft)}")


def _checked_drafts(
    ask: AskFunction, settings: Settings, portfolio: Portfolio, given: dict[str, Any], asker: Asker
) -> tuple[list[Draft], list[Problem]]:
    """Drafts that pass the whole portfolio's check; asks again only for fields at fault."""
    drafts = ask(asker, settings, portfolio, given)
    while True:
        try:
            warnings = refuse_errors(settings, drafts)
        except DraftError as refused:
            faults = fields_at_fault(settings, drafts, refused.errors) if asker.talks else None
            if not faults:
                raise
            click.echo(f"Posten kan ikke skrives endnu:\n{refused.listing}")
            click.echo("Ret svaret på de spørgsmål, fejlene står ved; resten er gemt.")
            answered = {**given, **asker.answers}
            asker = Asker(asker.mode, only=frozenset(faults), answers=dict(asker.answers))
            again = ask(asker, settings, portfolio, answered)
            if [d.text for d in again] == [d.text for d in drafts]:
                raise
            drafts = again
            continue
        return drafts, warnings


def generated_file_options(default: str) -> Callable[[F], F]:
    """--output (the file, `default` unless given) and --check of a command that writes a
    generated file."""
    return options(
        click.option(
            "--output",
            type=click.Path(dir_okay=False, path_type=Path),
            help=f"Filen; standard er {default}.",
        ),
        click.option("--check", is_flag=True, help="Skriv intet; fejl, hvis filen er forældet."),
    )
