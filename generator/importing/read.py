"""Import stage, reading: an xlsx workbook or CSV files → sheets of rows of cells.

The only module of the import that touches files. It refuses what a person could not
mean as a value (a formula, a merged cell) and stops reading a sheet past MAX_ROWS, so a
huge sheet ends in a message, never a hang.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from generator.errors import PortfolioError
from generator.sheets.guard import unguard_csv

MAX_ROWS = 20_000  # rows a sheet may have below its headings: twice the largest portfolio tried
MAX_CSV_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class CellProblem:
    """A problem with one cell (or a whole sheet, when row is 0), in Danish."""

    sheet: str
    row: int
    heading: str | None
    message: str

    def as_text(self) -> str:
        where = f"{self.sheet}"
        if self.row:
            where += f", række {self.row}"
        if self.heading:
            where += f", kolonne »{self.heading}«"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Row:
    """One row below the headings: its number in the sheet and its cells by heading."""

    number: int
    cells: dict[str, object]


@dataclass
class Sheet:
    """A sheet (or a CSV file): its name, its headings in order and its rows."""

    name: str
    headings: list[str]
    rows: list[Row] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)
    too_long: bool = False  # more than MAX_ROWS rows: not read


def read_workbook(path: Path) -> list[Sheet]:
    """Every sheet of an xlsx file; a sheet too long to import stops the reading."""
    too_long = _count_rows(path)
    if too_long:  # told at once, without loading the rest
        return [_too_long_sheet(name) for name in too_long]
    try:
        book = openpyxl.load_workbook(path, data_only=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise PortfolioError(f"{path} kan ikke læses som et xlsx-regneark: {error}") from error
    return [_read_worksheet(worksheet) for worksheet in book.worksheets]


def _too_long_sheet(name: str) -> Sheet:
    sheet = Sheet(name, [], too_long=True)
    sheet.problems.append(_too_many_rows(name))
    return sheet


def _too_many_rows(name: str) -> CellProblem:
    return CellProblem(
        name,
        MAX_ROWS + 2,
        None,
        f"arket har mere end {MAX_ROWS:,} rækker under overskrifterne; importen tager højst "
        f"{MAX_ROWS:,} ad gangen. Del arket op i flere filer.".replace(",", "."),
    )


def _count_rows(path: Path) -> list[str]:
    """The sheets with more than MAX_ROWS rows, found by streaming (no sheet is held)."""
    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise PortfolioError(f"{path} kan ikke læses som et xlsx-regneark: {error}") from error
    found: list[str] = []
    try:
        for worksheet in book.worksheets:
            for count, _ in enumerate(worksheet.iter_rows(values_only=True), start=1):
                if count > MAX_ROWS + 1:
                    found.append(worksheet.title)
                    break
    finally:
        book.close()
    return found


def _read_worksheet(worksheet: Worksheet) -> Sheet:
    rows = worksheet.iter_rows()
    heading_cells = next(rows, ())
    headings = [_heading(cell.value) for cell in heading_cells]
    sheet = Sheet(worksheet.title, headings)
    for merged in worksheet.merged_cells.ranges:
        sheet.problems.append(
            CellProblem(
                sheet.name,
                merged.min_row,
                _at(headings, merged.min_col - 1),
                f"cellerne {merged.coord} er flettet; ophæv fletningen og skriv værdien i "
                "hver celle for sig.",
            )
        )
    for cells in rows:
        values: dict[str, object] = {}
        for index, cell in enumerate(cells):
            heading = _at(headings, index)
            if cell.data_type == "f":
                sheet.problems.append(_formula(sheet.name, cell.row, heading, str(cell.value)))
                continue
            if cell.value is not None and cell.value != "" and heading is not None:
                values[heading] = cell.value
        if values:
            sheet.rows.append(Row(cells[0].row or 0, values))
    return sheet


def _formula(sheet: str, row: int | None, heading: str | None, formula: str) -> CellProblem:
    shown = formula if len(formula) <= 40 else formula[:37] + "…"
    return CellProblem(
        sheet,
        row or 0,
        heading,
        f"cellen indeholder en formel ({shown}); importen læser kun værdier. Skriv værdien "
        "i cellen, eller indsæt den som værdi.",
    )


def _heading(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _at(headings: list[str], index: int) -> str | None:
    return headings[index] if 0 <= index < len(headings) and headings[index] else None


def read_csv(path: Path, sheet_name: str) -> Sheet:
    """A CSV file as one sheet; comma or semicolon separated, UTF-8 (with or without BOM)."""
    try:
        if path.stat().st_size > MAX_CSV_BYTES:
            raise PortfolioError(f"{path} er større end {MAX_CSV_BYTES // 2**20} MB.")
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise PortfolioError(f"{path} er ikke UTF-8; gem filen som CSV UTF-8.") from error
    except OSError as error:
        raise PortfolioError(f"{path} kan ikke læses: {error.strerror}.") from error
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    headings = [_heading(value) for value in next(reader, [])]
    sheet = Sheet(sheet_name, headings)
    for number, values in _numbered(reader):
        if number > MAX_ROWS + 1:
            sheet.rows.clear()
            sheet.too_long = True
            sheet.problems.append(_too_many_rows(sheet_name))
            break
        cells: dict[str, object] = {
            heading: unguard_csv(value)
            for heading, value in zip(headings, values, strict=False)
            if heading and value != ""
        }
        if cells:
            sheet.rows.append(Row(number, cells))
    return sheet


def _numbered(reader: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    """Rows with their number as a spreadsheet shows it (the headings are row 1)."""
    yield from enumerate(reader, start=2)
