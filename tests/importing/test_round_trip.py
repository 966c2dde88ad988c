"""Export → import into an empty portfolio with the same themes, departments and ladder
gives the same portfolio.json: for the shipped records and a 1,000-idea portfolio, through
the xlsx and through CSV files with its columns."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bench.synthetic import write_portfolio
from generator.sheets.guard import guard_csv
from tests.conftest import REPO
from tests.golden import xlsx_cells
from tests.importing.conftest import Run, empty_like, exported, yaml_files


def test_the_shipped_portfolio_comes_back_the_same(
    run: Run, shipped_xlsx: Path, empty: Path
) -> None:
    result = run(str(shipped_xlsx), "--records", str(empty))
    assert result.exit_code == 0, result.output
    assert "Skrev 13 ideer, " in result.output
    before = exported(REPO / "records")["data/portfolio.json"]
    assert exported(empty)["data/portfolio.json"] == before
    assert len(yaml_files(empty)) == len(yaml_files(REPO / "records"))


def test_a_thousand_ideas_come_back_the_same(run: Run, tmp_path: Path) -> None:
    records = write_portfolio(tmp_path / "full", 1000)
    before = exported(records)
    sheet = tmp_path / "portefoelje.xlsx"
    sheet.write_bytes(before["data/portefoelje.xlsx"])
    target = empty_like(records, tmp_path / "empty")
    result = run(str(sheet), "--records", str(target))
    assert result.exit_code == 0, result.output
    assert exported(target)["data/portfolio.json"] == before["data/portfolio.json"]
    # and the spreadsheet made again from the imported records is the same, cell for cell
    assert xlsx_cells(exported(target)["data/portefoelje.xlsx"]) == xlsx_cells(
        before["data/portefoelje.xlsx"]
    )


def _csv_files(xlsx: Path, folder: Path, delimiter: str) -> list[Path]:
    """Each sheet as a CSV file named by it, guarded as the site guards its CSV."""
    book = load_workbook(xlsx)
    paths = []
    for sheet in book.worksheets:
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        for row in sheet.iter_rows(values_only=True):
            writer.writerow(
                [
                    guard_csv(v) if isinstance(v, str) else "" if v is None else _plain(v)
                    for v in row
                ]
            )
        path = folder / f"{sheet.title.lower()}.csv"
        path.write_text(out.getvalue(), encoding="utf-8-sig")
        paths.append(path)
    return paths


def _plain(value: object) -> str:
    if hasattr(value, "date"):
        return value.date().isoformat()  # type: ignore[no-any-return]
    if isinstance(value, bool):
        return "ja" if value else "nej"
    return str(value)


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_files_with_the_spreadsheets_columns_come_back_the_same(
    run: Run, shipped_xlsx: Path, empty: Path, tmp_path: Path, delimiter: str
) -> None:
    files = _csv_files(shipped_xlsx, tmp_path, delimiter)
    result = run(*map(str, files), "--records", str(empty))
    assert result.exit_code == 0, result.output
    before = exported(REPO / "records")["data/portfolio.json"]
    assert exported(empty)["data/portfolio.json"] == before


def test_a_dry_run_says_what_it_would_write_and_writes_nothing(
    run: Run, shipped_xlsx: Path, empty: Path
) -> None:
    before = yaml_files(empty)
    result = run(str(shipped_xlsx), "--records", str(empty), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Prøvekørsel: 13 ideer, 34 beslutninger og 18 testkort")
    assert (
        "\n  records/ideas/digital-nabohjaelp/decisions/2020-03-02-screening.yaml\n"
        in result.stdout
    )
    assert yaml_files(empty) == before


def test_an_idea_already_in_the_records_is_never_overwritten(
    run: Run, shipped_xlsx: Path, empty: Path
) -> None:
    assert run(str(shipped_xlsx), "--records", str(empty)).exit_code == 0
    idea = empty / "ideas" / "digital-nabohjaelp" / "idea.yaml"
    text = idea.read_text(encoding="utf-8")
    result = run(str(shipped_xlsx), "--records", str(empty))
    assert result.exit_code == 1
    assert "Ideer, række " in result.output and "findes allerede" in result.output
    assert idea.read_text(encoding="utf-8") == text
