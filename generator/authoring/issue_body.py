"""An issue made with the form .github/ISSUE_TEMPLATE/idekort.yml → the fields of an idea card.

GitHub writes a form's answers into the issue body as `### <label>` sections, `_No response_`
for an empty answer, comma-separated choices for a multiple dropdown and `- [X]` for a
ticked box. The text is the issue author's and untrusted: it is only ever read as data here,
and the idea card made from it is checked like any other record before it is written.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.authoring.answers import find_choice
from generator.authoring.form_questions import FormField, questions_of
from generator.authoring.prompts import clean_text
from generator.errors import PortfolioError
from generator.kinds import ThemeKind
from generator.model import Portfolio

MAX_BODY_CHARS = 65_536  # GitHub's own limit for an issue body
MAX_ISSUE_FILE_BYTES = 256 * 1024  # the file --from-issue reads: a body, with room to spare
NO_RESPONSE = "_No response_"


def read_issue_file(path: Path) -> str:
    """The text of the file an issue's body was saved in, for every `--from-issue`.

    Checked before it is read: only a regular file of at most 256 KiB, so that a device
    (/dev/zero) cannot fill the memory and a pipe without a writer cannot hang the command.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise PortfolioError(f"Kunne ikke læse {path}: {error.strerror}.") from error
    status = os.fstat(descriptor)  # before fdopen, which refuses a folder with its own error
    if not stat.S_ISREG(status.st_mode):
        os.close(descriptor)
        raise PortfolioError(
            f"{path} er ikke en almindelig fil; gem issuets tekst i en fil og angiv den."
        )
    with os.fdopen(descriptor, "rb") as opened:
        if status.st_size > MAX_ISSUE_FILE_BYTES:
            raise PortfolioError(_too_large(path))
        raw = opened.read(MAX_ISSUE_FILE_BYTES + 1)
    if len(raw) > MAX_ISSUE_FILE_BYTES:  # it grew while it was read
        raise PortfolioError(_too_large(path))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PortfolioError(f"{path} er ikke gyldig UTF-8; gem teksten som UTF-8.") from error


def _too_large(path: Path) -> str:
    return (
        f"{path} er større end {MAX_ISSUE_FILE_BYTES // 1024} KiB; et issue fylder langt "
        "mindre, så det er ikke issuets tekst."
    )


# The idea form's questions in order; a test holds them and idekort.yml to each other.
FORM_FIELDS = questions_of("idekort")


_TICKED = re.compile(r"^\s*[-*]\s*\[[xX]\]", re.MULTILINE)
_UNTICKED = re.compile(r"^\s*[-*]\s*\[ \]", re.MULTILINE)
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


@dataclass(frozen=True)
class IssueIdea:
    """The idea card's fields read from an issue, or what is wrong with the issue."""

    fields: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def split_sections(
    body: str, form_fields: Sequence[FormField] = FORM_FIELDS
) -> tuple[dict[str, str], list[str]]:
    """The text under each expected heading, in the form's order, and the headings missing.

    Headings are looked for in order, each after the one before, so a `### ...` line that an
    author writes inside an answer can only ever shift that author's own answers.
    """
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    found: list[tuple[FormField, int]] = []
    missing: list[str] = []
    position = 0
    for form_field in form_fields:
        heading = f"### {form_field.label}"
        index = next((i for i in range(position, len(lines)) if lines[i].strip() == heading), None)
        if index is None:
            missing.append(form_field.label)
            continue
        found.append((form_field, index))
        position = index + 1
    sections: dict[str, str] = {}
    for number, (form_field, index) in enumerate(found):
        end = found[number + 1][1] if number + 1 < len(found) else len(lines)
        text = clean_text("\n".join(lines[index + 1 : end]))
        sections[form_field.key] = "" if text == NO_RESPONSE else text
    return sections, missing


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _quote(text: str) -> str:
    """Untrusted text for a message: one line, short, never a workflow command."""
    line = _one_line(text).replace("::", ": :")
    return line if len(line) <= 60 else line[:59] + "…"


def list_items(text: str) -> list[str]:
    """A list answer: comma-separated, as every list is typed (a line a part is read too)."""
    return list(dict.fromkeys(_parts(text.replace("\n", ",").split(","))))


def lines_of(text: str) -> list[str]:
    """A one-per-line answer as its items."""
    return list(dict.fromkeys(_parts(text.split("\n"))))


def chosen_items(text: str, choices: Mapping[str, str]) -> list[tuple[str, str | None]]:
    """A multiple dropdown's answer, its choices joined by commas, as each item with the id
    of the choice it names (None when it names none). A choice whose name holds a comma
    ('Social, Sundhed og Omsorg') is read whole."""
    parts = _parts(text.replace("\n", ",").split(","))
    widest = 1 + max((name.count(",") for name in choices.values()), default=0)
    found: list[tuple[str, str | None]] = []
    start = 0
    while start < len(parts):
        spans = range(min(len(parts), start + widest), start, -1)
        end = next((e for e in spans if find_choice(", ".join(parts[start:e]), choices)), start + 1)
        item = ", ".join(parts[start:end])
        found.append((item, find_choice(item, choices)))
        start = end
    return list(dict.fromkeys(found))


def _parts(parts: list[str]) -> list[str]:
    """The parts without their Markdown bullets ('- ', '1. ') and the empty ones."""
    items = (_BULLET.sub("", part).strip() for part in parts)
    return [item for item in items if item]


def read_issue(body: str, portfolio: Portfolio) -> IssueIdea:
    """The idea card's fields from an issue body, with theme and departments as ids."""
    if len(body) > MAX_BODY_CHARS:
        return IssueIdea(errors=[f"Issue-teksten er længere end {MAX_BODY_CHARS} tegn."])
    sections, missing = split_sections(body)
    errors = [
        f"Feltet '{label}' mangler i issue-teksten; brug formularen Idekort." for label in missing
    ]
    for form_field in FORM_FIELDS:
        if form_field.required and form_field.key in sections and not sections[form_field.key]:
            errors.append(f"Feltet '{form_field.label}' er ikke udfyldt.")
    fields: dict[str, Any] = {}
    for key in ("title", "owner_unit", "owner_contact"):
        if sections.get(key):
            fields[key] = _one_line(sections[key])
    for key in ("summary", "problem", "target_group", "benefit_potential"):
        if sections.get(key):
            fields[key] = sections[key]
    fields["partners"] = list_items(sections.get("partners", ""))
    fields["tags"] = list_items(sections.get("tags", ""))
    errors += _read_choices(sections, portfolio, fields)
    confirmation = sections.get("confirmation", "")
    if confirmation and (_UNTICKED.search(confirmation) or not _TICKED.search(confirmation)):
        errors.append("Feltet 'Bekræftelse' er ikke krydset af.")
    return IssueIdea(fields, errors)


def _read_choices(
    sections: dict[str, str], portfolio: Portfolio, fields: dict[str, Any]
) -> list[str]:
    """Theme and departments, chosen by name in the form, as ids."""
    errors: list[str] = []
    themes = {t.theme_id: t.name for t in portfolio.themes.values() if t.kind == ThemeKind.THEME}
    departments = {d.department_id: d.name for d in portfolio.departments.values()}
    if sections.get("theme"):
        fields["theme"] = find_choice(sections["theme"], themes)
        if fields["theme"] is None:
            errors.append(f"Temaet '{_quote(sections['theme'])}' findes ikke.")
    chosen: list[str] = []
    for name, department in chosen_items(sections.get("departments", ""), departments):
        if department is None:
            errors.append(f"Afdelingen '{_quote(name)}' findes ikke.")
        else:
            chosen.append(department)
    fields["departments"] = list(dict.fromkeys(chosen))
    if sections.get("owner_department"):
        fields["owner_department"] = find_choice(sections["owner_department"], departments)
        if fields["owner_department"] is None:
            errors.append(f"Afdelingen '{_quote(sections['owner_department'])}' findes ikke.")
    return errors
