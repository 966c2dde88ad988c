"""Command line: `portfolio review`, a few lines over the review library."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
import yaml

from generator.cli_options import help_option, make_settings, records_option, today_option
from generator.review import render_markdown, render_text, review_change
from generator.review.markup import safe_site_url


@click.command()
@help_option
@click.option(
    "--base",
    required=True,
    metavar="REF",
    help="Git-revisionen, ændringen sammenlignes med (fx origin/main eller HEAD~1).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["markdown", "text"]),
    default="text",
    help="markdown: til pull requesten. text: til terminalen.",
)
@records_option
@today_option
def review(base: str, output_format: str, records_dir: Path, today: str | None) -> None:
    """Vis på dansk, hvad ændringen siden BASE gør ved porteføljen: til reviewerne."""
    settings = make_settings(records_dir, today)
    site_url = site_url_in(settings.root / "mkdocs.yml")
    summary = review_change(settings, base, site_url)
    render = render_markdown if output_format == "markdown" else render_text
    click.echo(render(summary), nl=False)
    sys.exit(1 if summary.failed else 0)


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags for MkDocs' own loader (!ENV, !!python/name): read as null."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_url_in(config: Path) -> str | None:
    """The site's address from mkdocs.yml (`site_url`), when it is set and a plain URL."""
    try:
        data: Any = yaml.load(config.read_text(encoding="utf-8"), Loader=_AnyTagLoader)  # noqa: S506
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    url = data.get("site_url") if isinstance(data, dict) else None
    return safe_site_url(url) if isinstance(url, str) else None
