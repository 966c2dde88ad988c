"""Import stage, rows → drafts: each row of a sheet becomes a record to be written.

Every draft remembers the sheet and row it came from and which heading holds each of its
fields, so that a problem the validator finds in the record is told where the person can
mend it: in the sheet, on the row, under the heading.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from generator.authoring.drafts import Draft
from generator.importing.mapping import TableMap
from generator.importing.read import CellProblem, Row, Sheet
from generator.importing.values import CellError, read_cell
from generator.sheets.columns import DECISIONS, IDEAS, SheetColumn, Table
from generator.vocabulary import MAX_ID_LENGTH, is_slug, slugify

KIND_OF_TABLE = {IDEAS.sheet: "idea", DECISIONS.sheet: "decision"}


@dataclass(frozen=True)
class Origin:
    """Where a draft came from: its sheet, its row and the heading of each field."""

    sheet: str
    row: int
    headings: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Imported:
    """The drafts read so far, where each came from, and the problems found."""

    drafts: list[Draft] = field(default_factory=list)
    origins: dict[PurePosixPath, Origin] = field(default_factory=dict)
    problems: list[CellProblem] = field(default_factory=list)
    idea_rows: dict[str, tuple[str, int]] = field(default_factory=dict)  # folded id → where


def resolve_headings(
    sheet: Sheet, table_map: TableMap
) -> tuple[dict[str, SheetColumn], list[CellProblem]]:
    """The column of each heading that holds a field; unknown headings are problems."""
    columns: dict[str, SheetColumn] = {}
    problems: list[CellProblem] = []
    seen: set[str] = set()
    for heading in sheet.headings:
        if not heading:
            continue
        if heading in seen:
            problems.append(CellProblem(sheet.name, 1, heading, "overskriften står to gange."))
            continue
        seen.add(heading)
        found = table_map.column(heading)
        if found is None:
            problems.append(CellProblem(sheet.name, 1, heading, _unknown(table_map.table)))
        elif isinstance(found, SheetColumn) and found.field is not None:
            columns[heading] = found
    return columns, problems


def _unknown(table: Table) -> str:
    known = ", ".join(f"»{c.heading}«" for c in table.columns)
    return (
        f"overskriften kendes ikke i arket {table.sheet}. De kendte er {known}; en anden "
        "opstilling beskrives i et kort (--map), hvor en kolonne også kan springes over."
    )


def row_fields(
    sheet: Sheet, row: Row, columns: Mapping[str, SheetColumn]
) -> tuple[dict[str, Any], dict[str, str], list[CellProblem]]:
    """A row's field values by field path, the heading of each, and the cells' problems."""
    values: dict[str, Any] = {}
    headings: dict[str, str] = {}
    problems: list[CellProblem] = []
    for heading, column in columns.items():
        if heading not in row.cells or column.field is None:
            continue
        try:
            value = read_cell(column, row.cells[heading])
        except CellError as error:
            problems.append(CellProblem(sheet.name, row.number, heading, error.reason))
            continue
        if value in ([], ""):
            continue
        values[column.field] = value
        headings[column.field] = heading
    return values, headings, problems


def nest(values: Mapping[str, Any], order: tuple[SheetColumn, ...]) -> dict[str, Any]:
    """Field paths ('owner.department') → the record's nested mapping, in the table's order."""
    record: dict[str, Any] = {}
    for column in order:
        if column.field is None or column.field not in values:
            continue
        head, _, rest = column.field.partition(".")
        if rest:
            record.setdefault(head, {})[rest] = values[column.field]
        else:
            record[head] = values[column.field]
    return record


def id_problem(value: object, what: str) -> str | None:
    """Why a cell cannot be an id, or None."""
    if not isinstance(value, str) or not value:
        return f"rækken har intet {what}; skriv det, så rækken kan blive en post."
    if not is_slug(value):
        suggestion = slugify(value)
        hint = f" (fx '{suggestion}')" if suggestion else ""
        return (
            f"'{value}' er ikke et gyldigt {what}: brug små bogstaver a-z, tal og bindestreger "
            f"(æ→ae, ø→oe, å→aa), højst {MAX_ID_LENGTH} tegn{hint}."
        )
    return None
