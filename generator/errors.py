"""Failures to run (not problems in the records): one small exception hierarchy."""

from __future__ import annotations

from typing import IO, Any

import click


class PortfolioError(click.ClickException):
    """The tool cannot do its job; click prints the Danish message, never a traceback."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"Fejl: {self.format_message()}", file=file, err=True)


class RecordsNotFoundError(PortfolioError):
    """The records folder is missing."""


class SchemaFileError(PortfolioError):
    """A schema file is missing or broken."""


class GitError(PortfolioError):
    """A git revision could not be read."""
