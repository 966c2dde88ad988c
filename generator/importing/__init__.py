"""Import stage: a spreadsheet → records, checked as `validate` checks them, all or none.

read (xlsx or CSV) → map (sheets to tables, headings to fields) → rows to drafts →
check the drafts with the portfolio on disk → write every file, or none. Problems are told
by sheet, row and column heading, the places the person who keeps the spreadsheet knows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.authoring.drafts import Draft, check_drafts, problem_file
from generator.errors import PortfolioError
from generator.importing.mapping import TableMap, default_maps, table_for_sheet
from generator.importing.read import CellProblem, Sheet, read_csv, read_workbook
from generator.importing.rows import Imported, Origin
from generator.importing.tables import read_table
from generator.load.yaml_reader import Parsed, parse_yaml
from generator.problems import Problem
from generator.settings import Settings
from generator.sheets.columns import TABLES


@dataclass
class ImportResult:
    """The drafts to write, and the problems (in Danish, by sheet, row and heading)."""

    drafts: list[Draft] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_sheets(files: Sequence[Path], maps: Mapping[str, TableMap]) -> list[Sheet]:
    """The sheets of an xlsx file, or one sheet a CSV file (named by the file)."""
    sheets: list[Sheet] = []
    for path in files:
        if path.suffix.lower() == ".csv":
            sheet_name = _csv_table(path, maps)
            sheets.append(read_csv(path, sheet_name))
        elif path.suffix.lower() in (".xlsx", ".xlsm"):
            sheets += read_workbook(path)
        else:
            raise PortfolioError(f"{path}: importen læser .xlsx- og .csv-filer.")
    return sheets


def _csv_table(path: Path, maps: Mapping[str, TableMap]) -> str:
    found = table_for_sheet(maps, path.stem)
    if found is None:
        names = ", ".join(f"{m.sheet.lower()}.csv" for m in maps.values())
        raise PortfolioError(
            f"{path}: en CSV-fil hedder som sin tabel ({names}), eller kortet (--map) "
            "nævner filens navn som 'sheet'."
        )
    return found.sheet


def drafts_of(
    sheets: Sequence[Sheet], maps: Mapping[str, TableMap], records_dir: Path, *, all_tables: bool
) -> Imported:
    """Every row of every mapped sheet as a draft, or the problems that stop it."""
    imported = Imported()
    for sheet in sheets:
        imported.problems += sheet.problems
    if any(sheet.too_long for sheet in sheets):
        return imported  # the size is the one thing to mend first
    for table in TABLES:
        table_map = maps[table.sheet]
        found = next((s for s in sheets if s.name.casefold() == table_map.sheet.casefold()), None)
        if found is None:
            if all_tables:
                imported.problems.append(_missing_sheet(table_map))
            continue
        if not found.too_long:
            read_table(imported, found, table_map, records_dir)
    return imported


def _missing_sheet(table_map: TableMap) -> CellProblem:
    return CellProblem(
        table_map.sheet,
        0,
        None,
        "arket findes ikke i filen. Regnearket fra sitets dataside har arkene Ideer, "
        "Beslutninger og Testkort; en anden opstilling beskrives i et kort (--map).",
    )


def import_files(
    settings: Settings, files: Sequence[Path], maps: Mapping[str, TableMap] | None = None
) -> ImportResult:
    """The drafts the files give, checked with the portfolio on disk."""
    own_layout = maps is None
    maps = maps or default_maps()
    sheets = read_sheets(files, maps)
    workbook = any(path.suffix.lower() != ".csv" for path in files)
    imported = drafts_of(sheets, maps, settings.records_dir, all_tables=workbook and own_layout)
    if imported.problems:
        return ImportResult(problems=[p.as_text() for p in imported.problems])
    problems = check_drafts(settings, imported.drafts)
    located = _Locator(settings, imported)
    errors = [located.text(p) for p in problems if p.severity == "error"]
    warnings = [located.text(p) for p in problems if p.severity == "warning"]
    return ImportResult(imported.drafts, errors, warnings)


class _Locator:
    """Tells a record's problem by the sheet, row and heading the record came from."""

    def __init__(self, settings: Settings, imported: Imported) -> None:
        self._by_file: dict[str, tuple[Draft, Origin]] = {
            problem_file(settings, d): (d, imported.origins[d.relpath]) for d in imported.drafts
        }

    def text(self, problem: Problem) -> str:
        found = self._by_file.get(problem.file)
        if found is None:
            return problem.as_text()
        draft, origin = found
        heading = _heading_at(draft, origin, problem.line)
        return CellProblem(
            origin.sheet, origin.row, heading, f"{problem.message} [{problem.code}]"
        ).as_text()


def _heading_at(draft: Draft, origin: Origin, line: int) -> str | None:
    """The heading of the field written on `line` of the draft's text."""
    parsed = parse_yaml(draft.text.encode("utf-8"), str(draft.relpath))
    if not isinstance(parsed, Parsed):
        return None
    paths = sorted((len(p), p) for p, (at, _) in parsed.lines.items() if at == line and p)
    for _, path in paths:
        names = [str(part) for part in path if isinstance(part, str)]
        for length in (2, 1):
            field_name = ".".join(names[:length])
            if field_name in origin.headings:
                return origin.headings[field_name]
    return None


def written_files(drafts: Sequence[Draft]) -> list[PurePosixPath]:
    """The files the drafts become, in order."""
    return [draft.relpath for draft in drafts]
