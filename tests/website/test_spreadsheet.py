"""portefoelje.xlsx for people: three sheets with Danish headings, names beside ids, typed
cells, widths, a filter and a frozen heading row; formulas defused item by item, and a
text too long for a cell says so. The CSV tables guard every item of a list cell too."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook

from generator.render import SiteContent, read_schema_files, render_site
from generator.sheets.guard import MAX_CELL, guard_csv, unguard_csv
from tests.sample_records import idea, idea_files, screening
from tests.website.conftest import check_records
from tests.website.sample import SAMPLE, pr

FORMULA = '=HYPERLINK("https://evil.example.net/","klik")'
LONG_SUMMARY = "Lang tekst. " * 3000  # 12 characters a time: 36,000 characters > 32,767
TRAPS: dict[str, Any] = {
    **SAMPLE,
    **idea_files(
        "formler",
        idea(
            FORMULA,
            "klima",
            "2022-01-10",
            partners=["+45 1234 5678", "Naboer"],
            tags=["nabohjælp", "=HYPERLINK(x)"],
            summary=LONG_SUMMARY,
        ),
        [screening("2022-02-01", decided_by="@direktoerer", pull_request=pr(60))],
    ),
}


@pytest.fixture(scope="module")
def traps(tmp_path_factory: pytest.TempPathFactory) -> SiteContent:
    checked, settings = check_records(tmp_path_factory.mktemp("traps"), TRAPS)
    return render_site(
        checked.portfolio, read_schema_files(settings.schemas_dir), today=settings.today
    )


@pytest.fixture(scope="module")
def book(traps: SiteContent) -> Workbook:
    return load_workbook(io.BytesIO(traps.files["data/portefoelje.xlsx"]))


def _records(kind: str) -> list[str]:
    return [p for p in TRAPS if p.startswith("ideas/") and f"/{kind}" in p]


def _rows(book: Workbook, sheet: str) -> list[dict[str, Any]]:
    rows = list(book[sheet].iter_rows(values_only=True))
    header = [str(name) for name in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def test_three_sheets_with_a_row_for_every_idea_decision_and_test_card(book: Workbook) -> None:
    assert book.sheetnames == ["Ideer", "Beslutninger", "Testkort"]
    assert len(_rows(book, "Ideer")) == len(_records("idea.yaml"))
    assert len(_rows(book, "Beslutninger")) == len(_records("decisions/"))
    assert len(_rows(book, "Testkort")) == len(_records("tests/"))


def test_headings_are_danish_and_names_stand_beside_ids(book: Workbook) -> None:
    headings = [c.value for c in book["Ideer"][1]]
    assert headings[:6] == ["Id", "Titel", "Tema-id", "Tema", "Indsendt", "Status"]
    assert all(c.font.bold for c in book["Ideer"][1])
    nabo = next(r for r in _rows(book, "Ideer") if r["Id"] == "digital-nabohjaelp")
    assert nabo["Tema-id"] == "samskabelse-og-frivillighed"
    assert nabo["Tema"] == "Samskabelse og frivillighed"
    assert nabo["Ejerafdeling (id)"] == "sundhed-og-omsorg"
    assert nabo["Ejerafdeling"] == "Sundhed og Omsorg"
    assert nabo["Status"] == "Investeringstrin 2"
    decisions = _rows(book, "Beslutninger")
    grant = next(d for d in decisions if d["Dato"] == dt.datetime(2020, 9, 21))
    assert grant["Idé"] == "Digital nabohjælp" and grant["Slags"] == "Investering"


def test_cells_are_typed_dates_numbers_kroner_and_truth_values(book: Workbook) -> None:
    ideas = {row["Id"]: row for row in _rows(book, "Ideer")}
    nabo = ideas["digital-nabohjaelp"]
    # Granted to digital-nabohjaelp: step 1 25,000 + step 2 125,000 = 150,000 kroner.
    assert nabo["Indsendt"] == dt.datetime(2020, 2, 3)
    assert nabo["Bevilget (kr.)"] == 150000 and nabo["Trin"] == 2
    assert nabo["Eksempel"] is True and ideas["renere-luft"]["Eksempel"] is False
    sheet = book["Ideer"]
    column = {c.value: get_column_letter(index) for index, c in enumerate(sheet[1], start=1)}
    row = next(c.row for c in sheet["A"] if c.value == "digital-nabohjaelp")
    submitted = sheet[f"{column['Indsendt']}{row}"]
    assert submitted.is_date and submitted.number_format == "yyyy-mm-dd"
    granted = sheet[f"{column['Bevilget (kr.)']}{row}"]
    assert granted.data_type == "n" and granted.number_format == '#,##0 "kr."'
    cards = _rows(book, "Testkort")
    assert {c["Budget (kr.)"] for c in cards} <= {25000, 125000, 250000}
    assert all(isinstance(c["Start"], dt.datetime) for c in cards)


def test_every_sheet_has_its_dimension_widths_a_filter_and_a_frozen_heading(
    traps: SiteContent, book: Workbook
) -> None:
    with zipfile.ZipFile(io.BytesIO(traps.files["data/portefoelje.xlsx"])) as archive:
        parts = sorted(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))
        xml = [archive.read(name).decode("utf-8") for name in parts]
    for sheet, text in zip(book.worksheets, xml, strict=True):
        rows, columns = sheet.max_row, sheet.max_column
        last = chr(ord("A") + columns - 1)
        assert f'<dimension ref="A1:{last}{rows}"' in text, sheet.title
        assert sheet.auto_filter.ref == f"A1:{last}{rows}"
        assert sheet.freeze_panes == "A2"
        widths = [sheet.column_dimensions[chr(ord("A") + i)].width for i in range(columns)]
        assert all(width >= 6 for width in widths) and len(set(widths)) > 3


def test_formula_looking_text_stays_text_item_by_item(traps: SiteContent, book: Workbook) -> None:
    document = traps.files["data/portefoelje.xlsx"]
    with zipfile.ZipFile(io.BytesIO(document)) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and all(b"<f>" not in sheet and b"<f " not in sheet for sheet in sheets)
    cells = {c.value: c for s in book.worksheets for row in s.iter_rows() for c in row if c.value}
    # The second partner and the second tag start formulas once a spreadsheet splits lines.
    for text in (FORMULA, "+45 1234 5678\nNaboer", "nabohjælp\n=HYPERLINK(x)", "@direktoerer"):
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text
    assert not cells["Digital nabohjælp"].quotePrefix


def test_a_text_longer_than_a_cell_says_so_and_points_to_the_json(book: Workbook) -> None:
    formler = next(r for r in _rows(book, "Ideer") if r["Id"] == "formler")
    notice = formler["Resumé"]
    assert len(LONG_SUMMARY) > MAX_CELL
    assert notice.startswith("[Teksten er 36.000 tegn lang") and "portfolio.json" in notice


def test_the_spreadsheet_is_the_same_for_the_same_portfolio(
    traps: SiteContent, tmp_path: Path
) -> None:
    checked, settings = check_records(tmp_path, TRAPS)
    again = render_site(
        checked.portfolio, read_schema_files(settings.schemas_dir), today=settings.today
    )
    assert again.files["data/portefoelje.xlsx"] == traps.files["data/portefoelje.xlsx"]


def test_csv_guards_every_item_of_a_list_cell(traps: SiteContent) -> None:
    text = traps.files["data/ideer.csv"].decode("utf-8")
    # Before, only the first character of a cell was checked: 'nabohjælp;=HYPERLINK(x)'
    # passed, and a spreadsheet splitting on ';' made its second item a formula.
    assert "nabohjælp;'=HYPERLINK(x)" in text
    assert "'+45 1234 5678;Naboer" in text
    assert not re.search(r"(^|[;,])[=+@-]", text.replace("\r\n", ",")), "an unguarded item"


@pytest.mark.parametrize(
    ("text", "guarded"),
    [
        ("nabohjælp;=HYPERLINK(1)", "nabohjælp;'=HYPERLINK(1)"),
        ("a; -5 grader", "a; '-5 grader"),
        ("=1+1", "'=1+1"),
        ("almindelig tekst; to led", "almindelig tekst; to led"),
        ("\tfane", "'\tfane"),
    ],
)
def test_the_csv_guard_quotes_items_and_the_import_takes_the_quote_off(
    text: str, guarded: str
) -> None:
    assert guard_csv(text) == guarded
    assert unguard_csv(guarded) == text


def test_csv_of_the_sample_has_no_quote_where_no_formula_starts(
    sample_content: SiteContent,
) -> None:
    assert "'" not in sample_content.files["data/ideer.csv"].decode("utf-8")
