"""Settings: one frozen object that travels through every stage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path


def clock_today() -> str:
    """Today by the machine's clock: the one place the product reads it."""
    return dt.date.today().isoformat()


@dataclass(frozen=True)
class Settings:
    """Where the records are, what day it is, and how strict to be."""

    records_dir: Path = Path("records")
    today: str = field(default_factory=lambda: clock_today())  # noqa: PLW0108 (read at each call, so a test can stop it)
    strict: bool = False
    base: str | None = None
    # Files that replace or add to what is on disk, by path relative to records_dir:
    # lets `portfolio new` check a record before it is written.
    overlay: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def for_day(
        cls, records_dir: Path, today: str | None, *, strict: bool = False, base: str | None = None
    ) -> Settings:
        """Settings on the day given (a command's --today, the MkDocs plugin's `today`), or
        on the clock's day when none is."""
        return cls(records_dir=records_dir, today=today or clock_today(), strict=strict, base=base)

    @cached_property
    def root(self) -> Path:
        """The records folder's parent: paths in messages are relative to it."""
        return self.records_dir.resolve().parent

    @cached_property
    def records_prefix(self) -> str:
        """The records folder as messages name it, e.g. 'records'."""
        return self.records_dir.resolve().relative_to(self.root).as_posix()

    def display_path(self, rel: str) -> str:
        """A path relative to the records folder, as messages show it."""
        return f"{self.records_prefix}/{rel}"

    @property
    def schemas_dir(self) -> Path:
        """The JSON Schemas travel beside the records."""
        return self.root / "schemas"
