"""Command line: `portfolio review`, a few lines over the review library."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli_options import (
    format_option,
    help_option,
    records_option,
    today_option,
)
from generator.errors import PortfolioError
from generator.review import render_markdown, render_text, review_change
from generator.settings import Settings
from generator.site_config import CONFIG_NAME, read_site_config, safe_site_url


@click.command()
@help_option
@click.option(
    "--base",
    required=True,
    metavar="REF",
    help="Git-revisionen, ændringen sammenlignes med (fx origin/main eller HEAD~1).",
)
@format_option(("markdown", "text"), "text", "markdown: til pull requesten. text: til terminalen.")
@records_option
@today_option
def review(base: str, output_format: str, records_dir: Path, today: str | None) -> None:
    """Vis på dansk, hvad ændringen siden BASE gør ved porteføljen: til reviewerne."""
    settings = Settings.for_day(records_dir, today)
    site_url = _site_url(settings.root / CONFIG_NAME)
    summary = review_change(settings, base, site_url)
    render = render_markdown if output_format == "markdown" else render_text
    click.echo(render(summary), nl=False)
    sys.exit(1 if summary.failed else 0)


def _site_url(config_file: Path) -> str | None:
    """The site's address, for links to the ideas' pages; none without a readable mkdocs.yml."""
    try:
        return safe_site_url(read_site_config(config_file).get("site_url"))
    except PortfolioError:
        return None
