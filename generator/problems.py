"""Problems found in the records: where they are (Source), one value type, and the reporters."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Literal

from generator.markdown_escape import escape_markdown

Severity = Literal["error", "warning"]
_CELL = 2000  # characters of one cell of the job summary's table

# A key's place in a record: the keys and list indexes from the top, and its (line, column).
PathKey = tuple[str | int, ...]
LineMap = Mapping[PathKey, tuple[int, int]]

SEVERITY_LABEL_DA: dict[str, str] = {"error": "fejl", "warning": "advarsel"}

# Control characters as visible escapes, so one problem is always one line of text.
_ONE_LINE = {code: f"\\x{code:02x}" for code in [*range(0x20), 0x7F]}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing to change in one record, located by file, line and column (1-based)."""

    file: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity = "error"

    def as_text(self) -> str:
        """The `file:line:col: code message` form; warnings say so after the code."""
        label = f"{self.code} (advarsel)" if self.severity == "warning" else self.code
        line = f"{self.file}:{self.line}:{self.column}: {label} {self.message}"
        return line.translate(_ONE_LINE)  # quoted record text must not forge another line


@dataclass(frozen=True)
class Source:
    """Where a record came from: its path (relative to the records' parent) and line map."""

    file: str
    lines: LineMap = field(default_factory=dict, compare=False, repr=False)

    def where(self, *path: str | int) -> tuple[int, int]:
        """Line and column of the key at `path`, or of its nearest enclosing node."""
        key: PathKey = tuple(path)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), (1, 1))

    def problem(
        self, path: PathKey, code: str, message: str, severity: Severity = "error"
    ) -> Problem:
        """A problem on the line of the key at `path` (or of its nearest enclosing node)."""
        line, column = self.where(*path)
        return Problem(self.file, line, column, code, message, severity)


MAX_PER_FILE = 50  # problems listed for one file; a file of thousands would hide the rest


@dataclass(frozen=True)
class MoreInFile:
    """Stands for the problems of a file beyond the first MAX_PER_FILE, which are not listed."""

    file: str
    count: int

    @property
    def message(self) -> str:
        return f"og {self.count} flere i samme fil."


def listed(problems: Sequence[Problem], limit: int = MAX_PER_FILE) -> list[Problem | MoreInFile]:
    """The problems to list: at most `limit` a file, then how many more that file has."""
    totals = Counter(p.file for p in problems)
    shown: Counter[str] = Counter()
    out: list[Problem | MoreInFile] = []
    for problem in problems:
        shown[problem.file] += 1
        if shown[problem.file] <= limit:
            out.append(problem)
        if shown[problem.file] == limit and totals[problem.file] > limit:
            out.append(MoreInFile(problem.file, totals[problem.file] - limit))
    return out


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted by file, line, column and code, without repeats."""
    return sorted(set(problems))


def warnings_only_in(problems: Iterable[Problem], files: Collection[str]) -> list[Problem]:
    """Every error, and the warnings of `files` alone: what a change touches is its to mend,
    while an old idea's warning would otherwise show in every pull request."""
    return [p for p in problems if p.severity == "error" or p.file in files]


def errors_in(problems: Iterable[Problem], *, strict: bool) -> list[Problem]:
    """The problems that fail validation: errors, and warnings too when strict."""
    return [p for p in problems if strict or p.severity == "error"]


def format_text(problems: Sequence[Problem]) -> str:
    """One line a problem, then a Danish summary line."""
    lines = [
        p.as_text() if isinstance(p, Problem) else f"{p.file}: {p.message}"
        for p in listed(problems)
    ]
    lines.append(summary_line(problems))
    return "\n".join(lines) + "\n"


def summary_line(problems: Sequence[Problem]) -> str:
    """For example 'Fandt 2 fejl og 1 advarsel.'"""
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if not problems:
        return "Ingen fejl fundet."
    warning_word = "advarsel" if warnings == 1 else "advarsler"
    return f"Fandt {errors} fejl og {warnings} {warning_word}."


def format_json(problems: Sequence[Problem]) -> str:
    """A JSON list of objects with the spec's six fields."""
    fields = ("file", "line", "column", "severity", "code", "message")
    rows = [{key: asdict(p)[key] for key in fields} for p in problems]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands: one annotation a problem, on its line."""
    lines = []
    for p in listed(problems):
        if isinstance(p, MoreInFile):
            lines.append(f"::notice file={_escape_property(p.file)}::{_escape_data(p.message)}")
            continue
        kind = "error" if p.severity == "error" else "warning"
        props = (
            f"file={_escape_property(p.file)},line={p.line},col={p.column},"
            f"title={_escape_property(p.code)}"
        )
        lines.append(f"::{kind} {props}::{_escape_data(p.message)}")
    lines.append(summary_line(problems))
    return "\n".join(lines) + "\n"


def format_step_summary(problems: Sequence[Problem]) -> str:
    """A Markdown table for $GITHUB_STEP_SUMMARY."""
    out = ["## Validering af porteføljen", "", summary_line(problems), ""]
    if problems:
        out += ["| Fil | Linje | Kode | Alvor | Besked |", "| --- | ---: | --- | --- | --- |"]
        # File names and messages quote record text: inert, like the reviewers' summary.
        out += [_summary_row(p) for p in listed(problems)]
    return "\n".join(out) + "\n"


def _summary_row(p: Problem | MoreInFile) -> str:
    where = escape_markdown(p.file, _CELL)
    if isinstance(p, MoreInFile):
        return f"| {where} | | | | {escape_markdown(p.message, _CELL)} |"
    return (
        f"| {where} | {p.line} | {escape_markdown(p.code, _CELL)} | "
        f"{SEVERITY_LABEL_DA[p.severity]} | {escape_markdown(p.message, _CELL)} |"
    )
