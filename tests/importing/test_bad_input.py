"""Bad spreadsheets: one mistake a case. Each ends in a Danish message naming the sheet,
the row and the column heading, exit 1, no traceback, and nothing written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from generator.importing.read import MAX_ROWS
from tests.importing.conftest import Run, yaml_files

Change = Callable[[Workbook], None]


def _column(sheet: Worksheet, heading: str) -> int:
    return next(i for i, c in enumerate(sheet[1], start=1) if c.value == heading)


def _set(sheet_name: str, row: int, heading: str, value: object) -> Change:
    def change(book: Workbook) -> None:
        sheet = book[sheet_name]
        sheet.cell(row=row, column=_column(sheet, heading)).value = value  # type: ignore[assignment]

    return change


def _remove_sheet(book: Workbook) -> None:
    book.remove(book["Testkort"])


def _rename_heading(book: Workbook) -> None:
    book["Ideer"].cell(row=1, column=2, value="Projektnavn")


def _merge(book: Workbook) -> None:
    book["Ideer"].merge_cells("C3:C4")


def _copy_id(book: Workbook) -> None:
    sheet = book["Ideer"]
    sheet.cell(row=5, column=1, value=sheet.cell(row=3, column=1).value)


CASES: dict[str, tuple[Change, str]] = {
    "missing sheet": (_remove_sheet, "Testkort: arket findes ikke i filen"),
    "unknown heading": (
        _rename_heading,
        "Ideer, række 1, kolonne »Projektnavn«: overskriften kendes ikke",
    ),
    "merged cell": (_merge, "Ideer, række 3, kolonne »Tema-id«: cellerne C3:C4 er flettet"),
    "formula": (
        _set("Beslutninger", 4, "Beløb (kr.)", "=SUM(A1:A3)"),
        "Beslutninger, række 4, kolonne »Beløb (kr.)«: cellen indeholder en formel (=SUM(A1:A3))",
    ),
    "date typed as text": (
        _set("Ideer", 3, "Indsendt", "3. febuar 2020"),
        "Ideer, række 3, kolonne »Indsendt«: '3. febuar 2020' kan ikke læses som en dato",
    ),
    "amount with a dot": (
        _set("Testkort", 2, "Budget (kr.)", "25000.50"),
        "Testkort, række 2, kolonne »Budget (kr.)«: '25000.50' er ikke et helt antal kroner",
    ),
    "amount with øre": (
        _set("Testkort", 2, "Budget (kr.)", 24999.5),
        "Testkort, række 2, kolonne »Budget (kr.)«: Beløbet 24999.5 er ikke et helt antal kroner",
    ),
    "duplicate id": (
        _copy_id,
        "Ideer, række 5, kolonne »Id«: rækken giver den samme post som række 3",
    ),
    "id-less row": (
        _set("Beslutninger", 3, "Idé-id", None),
        "Beslutninger, række 3, kolonne »Idé-id«: rækken har intet idé-id",
    ),
    "id that is a path": (
        _set("Ideer", 2, "Id", "../../etc"),
        "Ideer, række 2, kolonne »Id«: '../../etc' er ikke et gyldigt id",
    ),
    "unknown status word": (
        _set("Testkort", 2, "Status", "færdig"),
        "Testkort, række 2, kolonne »Status«: 'færdig' er ikke en af de mulige værdier",
    ),
    "a rule broken (unknown theme)": (
        _set("Ideer", 2, "Tema-id", "kultur"),
        "Ideer, række 2, kolonne »Tema-id«: ",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_bad_spreadsheet_is_told_by_sheet_row_and_column_and_nothing_is_written(
    run: Run, shipped_xlsx: Path, empty: Path, tmp_path: Path, case: str
) -> None:
    change, expected = CASES[case]
    book = load_workbook(shipped_xlsx)
    change(book)
    path = tmp_path / "bad.xlsx"
    book.save(path)
    before = yaml_files(empty)
    result = run(str(path), "--records", str(empty))
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert expected in result.stderr, result.stderr
    assert "Intet er skrevet" in result.stderr and "Traceback" not in result.output
    assert yaml_files(empty) == before


def test_a_rule_broken_names_its_code_in_the_cell_that_breaks_it(
    run: Run, shipped_xlsx: Path, empty: Path, tmp_path: Path
) -> None:
    book = load_workbook(shipped_xlsx)
    _set("Ideer", 2, "Tema-id", "kultur")(book)
    book.save(tmp_path / "bad.xlsx")
    result = run(str(tmp_path / "bad.xlsx"), "--records", str(empty))
    assert "Ideer, række 2, kolonne »Tema-id«: " in result.stderr
    assert "[L02]" in result.stderr and "records/ideas/" not in result.stderr


def test_fifty_thousand_rows_end_in_a_message_not_a_hang(
    run: Run, empty: Path, tmp_path: Path
) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Ideer")
    sheet.append(["Id", "Titel"])
    for number in range(50_000):
        sheet.append([f"ide-{number}", f"Idé {number}"])
    for name in ("Beslutninger", "Testkort"):
        book.create_sheet(name).append(["Idé-id"])
    path = tmp_path / "stor.xlsx"
    book.save(path)
    before = yaml_files(empty)
    result = run(str(path), "--records", str(empty))
    assert result.exit_code == 1
    assert f"Ideer, række {MAX_ROWS + 2}: arket har mere end 20.000 rækker" in result.stderr
    assert yaml_files(empty) == before


def test_a_file_that_is_not_a_spreadsheet_is_refused_in_danish(
    run: Run, empty: Path, tmp_path: Path
) -> None:
    path = tmp_path / "ikke.xlsx"
    path.write_text("ikke et regneark", encoding="utf-8")
    result = run(str(path), "--records", str(empty))
    assert result.exit_code == 1 and "kan ikke læses som et xlsx-regneark" in result.stderr
    assert "Traceback" not in result.output


def test_dates_as_date_cells_and_danish_words_are_understood(
    run: Run, shipped_xlsx: Path, empty: Path, tmp_path: Path
) -> None:
    book = load_workbook(shipped_xlsx)
    _set("Ideer", 2, "Indsendt", "18. marts 2019")(book)
    _set("Testkort", 2, "Budget (kr.)", "25.000 kr.")(book)
    _set("Testkort", 2, "Status", "afsluttet")(book)
    _set("Beslutninger", 2, "Dato", dt.datetime(2019, 4, 1))(book)
    book.save(tmp_path / "dansk.xlsx")
    result = run(str(tmp_path / "dansk.xlsx"), "--records", str(empty), "--dry-run")
    assert result.exit_code == 0, result.output
