"""Import stage, tables → drafts: the ideas, decisions and test cards of the sheets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from generator.authoring.drafts import Draft, decision_draft, idea_draft, testcard_draft
from generator.importing.mapping import TableMap
from generator.importing.read import CellProblem, Row, Sheet
from generator.importing.rows import (
    Imported,
    Origin,
    id_problem,
    nest,
    resolve_headings,
    row_fields,
)
from generator.sheets.columns import DECISIONS, IDEAS, SheetColumn, Table
from generator.vocabulary import slugify


def read_table(imported: Imported, sheet: Sheet, table_map: TableMap, records_dir: Path) -> None:
    """Add the drafts of one sheet to `imported`, or its problems."""
    columns, problems = resolve_headings(sheet, table_map)
    imported.problems += problems
    table = table_map.table
    id_heading = _id_heading(columns, table)
    if id_heading is None and not (table is IDEAS and "title" in _fields(columns)):
        needed = "Id" if table is IDEAS else "Idé-id"
        imported.problems.append(
            CellProblem(sheet.name, 1, None, f"arket mangler kolonnen »{needed}«.")
        )
        return
    seen: dict[PurePosixPath, int] = {}
    for row in sheet.rows:
        values, headings, cell_problems = row_fields(sheet, row, columns)
        imported.problems += cell_problems
        draft, problem = _draft(table, values, _At(sheet.name, row.number, id_heading), records_dir)
        if problem is not None:
            imported.problems.append(problem)
            continue
        if draft is None or cell_problems:
            continue
        if (records_dir / draft.relpath).exists():
            imported.problems.append(_exists(sheet, row, id_heading, draft))
            continue
        if draft.relpath in seen:
            imported.problems.append(_twice(sheet, row, id_heading, seen[draft.relpath]))
            continue
        seen[draft.relpath] = row.number
        if table is IDEAS:
            imported.idea_rows[draft.relpath.parts[1]] = (sheet.name, row.number)
        imported.drafts.append(draft)
        imported.origins[draft.relpath] = Origin(sheet.name, row.number, headings)


def _fields(columns: dict[str, SheetColumn]) -> set[str]:
    return {c.field for c in columns.values() if c.field}


def _id_heading(columns: dict[str, SheetColumn], table: Table) -> str | None:
    wanted = "id" if table is IDEAS else "idea"
    return next((h for h, c in columns.items() if c.field == wanted), None)


def _exists(sheet: Sheet, row: Row, heading: str | None, draft: Draft) -> CellProblem:
    return CellProblem(
        sheet.name,
        row.number,
        heading,
        f"posten {draft.relpath} findes allerede; importen overskriver aldrig en post.",
    )


def _twice(sheet: Sheet, row: Row, heading: str | None, first: int) -> CellProblem:
    return CellProblem(
        sheet.name,
        row.number,
        heading,
        f"rækken giver den samme post som række {first}; et id (og for en beslutning dato "
        "og slags, for et testkort trinnet) må kun stå én gang.",
    )


@dataclass(frozen=True)
class _At:
    """The row a draft is made from, for its problems."""

    sheet: str
    row: int
    id_heading: str | None

    def problem(self, message: str, heading: str | None = None) -> tuple[None, CellProblem]:
        return None, CellProblem(self.sheet, self.row, heading or self.id_heading, message)


def _draft(
    table: Table, values: dict[str, Any], at: _At, records_dir: Path
) -> tuple[Draft | None, CellProblem | None]:
    if table is IDEAS:
        return _idea(values, at, records_dir)
    idea_id = values.get("idea")
    objection = id_problem(idea_id, "idé-id")
    if objection:
        return at.problem(objection)
    assert isinstance(idea_id, str)
    record = nest(values, table.columns[1:])
    if table is DECISIONS:
        if "date" not in record or "kind" not in record:
            missing = "Dato" if "date" not in record else "Slags"
            return at.problem("en beslutning skal have en dato og en slags.", missing)
        return decision_draft(idea_id, record), None
    if "step" not in record:
        return at.problem("et testkort skal have sit trin.", "Trin")
    return testcard_draft(idea_id, record), None


def _idea(
    values: dict[str, Any], at: _At, records_dir: Path
) -> tuple[Draft | None, CellProblem | None]:
    idea_id = values.get("id") if at.id_heading else slugify(str(values.get("title", "")))
    what = "id" if at.id_heading else "titel, som id'et kan laves af"
    objection = id_problem(idea_id, what)
    if objection:
        return at.problem(objection)
    assert isinstance(idea_id, str)
    if (records_dir / "ideas" / idea_id).exists():
        return at.problem(
            f"ideen '{idea_id}' findes allerede i posterne; importen overskriver intet."
        )
    return idea_draft(idea_id, nest(values, IDEAS.columns[1:])), None
