"""Failures to run (not problems in the records): one small exception hierarchy."""

from __future__ import annotations

from typing import IO, Any

import click


class PortfolioError(click.ClickException):
    """The tool cannot do its job; click prints the Danish message, never a traceback."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"Fejl: {self.format_message()}", file=file, err=True)


class SetupError(PortfolioError):
    """The command was pointed at something unusable: exit 2, as for a usage error, so CI
    can tell a broken setup from records with problems (exit 1)."""

    exit_code = 2


class RecordsNotFoundError(SetupError):
    """The records folder is missing."""


class SchemaFileError(SetupError):
    """A schema file is missing or broken."""


class GitError(SetupError):
    """A git revision could not be read."""


class ReasonError(ValueError):
    """A value a person gave that cannot be used; `reason` says why, in Danish, for the
    caller to place (a prompt asks again, an import names the sheet, row and column)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
