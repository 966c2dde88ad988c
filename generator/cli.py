"""Command line: click commands, each a few lines that call the library."""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import sys
from dataclasses import replace
from pathlib import Path

import click

from generator.cli_options import (
    help_option,
    records_option,
    today_option,
)
from generator.pipeline import Checked, check_portfolio
from generator.problems import (
    Problem,
    format_github,
    format_json,
    format_step_summary,
    format_text,
    warnings_only_in,
)
from generator.review import touched_files
from generator.settings import Settings

# Commands of other modules load when called, so `validate` starts without the site stack.
LAZY_COMMANDS = {
    "build": "generator.site.cli:build",
    "render": "generator.site.cli:render",
    "serve": "generator.site.cli:serve",
    "export": "generator.site.cli:export",
    "new": "generator.authoring.cli:new",
    "codeowners": "generator.authoring.cli:codeowners",
    "link-pull-request": "generator.authoring.cli:link_pull_request",
    "review": "generator.review.cli:review",
    "report": "generator.figures.cli:report",
    "issueform": "generator.authoring.cli_periods:issueform",
    "examples": "generator.authoring.cli_examples:examples",
    "import": "generator.importing.cli:import_command",
    "init": "generator.init.cli:init",
}


def distribution_name() -> str:
    """The installed distribution that holds this package: a portfolio made by `portfolio
    init` names its own."""
    names = importlib.metadata.packages_distributions().get(__package__ or "generator", [])
    return names[0] if names else "aarhus-innovationsportefolje"


class LazyGroup(click.Group):
    """A group whose commands in other modules are imported only when used (click's recipe)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS:
            module_name, attribute = LAZY_COMMANDS[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attribute)
            assert isinstance(command, click.Command)
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.help_option("-h", "--help", help="Vis denne hjælp og afslut.")
@click.version_option(package_name=distribution_name(), help="Vis versionen og afslut.")
def main() -> None:
    """Innovationsporteføljen: valider posterne, byg sitet, opret nye poster."""


@main.command()
@help_option
@records_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    help="text: fil:linje:kolonne: kode besked. json: en liste. github: annoteringer.",
)
@click.option(
    "--strict", is_flag=True, help="Advarsler (W01-W04) får også valideringen til at fejle."
)
@today_option
@click.option(
    "--base", help="Git-revision; beslutninger og afsluttede testkort dér må ikke ændres (L11)."
)
def validate(
    records_dir: Path, output_format: str, strict: bool, today: str | None, base: str | None
) -> None:
    """Valider alle poster mod skemaerne og reglerne."""
    settings = Settings.for_day(records_dir, today, strict=strict, base=base)
    checked = check_portfolio(settings)
    if base is not None:  # a change is answerable for its own files' warnings only
        checked = only_touched_warnings(checked, settings, base)
    click.echo(report(checked.problems, output_format), nl=False)
    if output_format == "github":
        write_step_summary(checked.problems)
    sys.exit(1 if checked.failed else 0)


def only_touched_warnings(checked: Checked, settings: Settings, base: str) -> Checked:
    """The check with every error, and the warnings of the files changed since `base`."""
    touched = touched_files(settings, base)
    return replace(checked, problems=warnings_only_in(checked.problems, touched))


def report(problems: list[Problem], output_format: str) -> str:
    """Problems in the chosen output format."""
    formats = {"text": format_text, "json": format_json, "github": format_github}
    return formats[output_format](problems)


def write_step_summary(problems: list[Problem]) -> None:
    """Append the Markdown table to $GITHUB_STEP_SUMMARY when GitHub Actions sets it."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with Path(target).open("a", encoding="utf-8") as summary:
            summary.write(format_step_summary(problems))
