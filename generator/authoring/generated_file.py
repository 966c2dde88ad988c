"""Authoring stage, generated files: write a file made from the records, or check it is current.

`portfolio codeowners` and `portfolio issueform` both write a committed file from the
records and, with `--check`, fail the same way when it is missing or stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import PortfolioError


@dataclass(frozen=True)
class GeneratedFile:
    """A committed file, how messages name it, and the command that writes it."""

    path: Path
    shown: str
    command: str  # 'portfolio codeowners'
    stale: str  # why a differing file is stale, in Danish: 'den passer ikke til …'


def read_current(file: GeneratedFile) -> str | None:
    """The file's text; None when it does not exist yet."""
    try:
        return file.path.read_text(encoding="utf-8") if file.path.exists() else None
    except (OSError, UnicodeDecodeError) as error:
        raise PortfolioError(f"Kunne ikke læse {file.shown}: {error}.") from error


def write_or_check(file: GeneratedFile, wanted: str, *, check: bool, note: str = "") -> str:
    """Write `wanted` (or, with `check`, refuse a file that is not it); the line to print.

    `note` ends each line, e.g. ' (åbne temaer: Klima)'.
    """
    current = read_current(file)
    if check:
        fix = f"Kør {file.command} og commit filen."
        if current is None:
            raise PortfolioError(f"{file.shown} findes ikke; {fix[0].lower()}{fix[1:]}")
        if current != wanted:
            raise PortfolioError(f"{file.shown} er forældet: {file.stale}. {fix}")
        return f"{file.shown} er opdateret{note}."
    if current == wanted:
        return f"{file.shown} var allerede opdateret{note}."
    write_file(file.path, wanted, file.shown)
    return f"Skrev {file.shown}{note}"


def write_file(path: Path, text: str, shown: str) -> None:
    """Write `text` with Unix line ends, making the folder; a failure in Danish."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as error:
        raise PortfolioError(f"Kunne ikke skrive {shown}: {error.strerror}.") from error
