"""Render stage, spreadsheet: portefoelje.xlsx with the sheets Ideer, Beslutninger and
Testkort (no I/O).

For people first: Danish headings, names beside ids, dates as dates, amounts as numbers in
kroner, widths that fit, a filter and a frozen heading row. Complete enough that
`portfolio import` rebuilds the same portfolio from it: every field a record holds is a
column (generator/sheets/columns.py). Text is always text: a text of which any item would
start a formula is stored as text with Excel's quote prefix and never evaluated, and a text
longer than a cell holds says so and points to portfolio.json. The file is the same for
the same portfolio (fixed times inside).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from generator.model import Portfolio
from generator.render.views import last_updated, shown_ideas
from generator.sheets.columns import TABLES, SheetColumn, Table, table_rows
from generator.sheets.guard import LIST_LINE, MAX_CELL, needs_guard, too_long_notice

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
DATE_FORMAT = "yyyy-mm-dd"
KRONER_FORMAT = '#,##0 "kr."'
HEADING_FONT = Font(bold=True)


def cell_value(column: SheetColumn, value: object) -> object:
    """The typed value of one cell: a date, a number, a truth value or text."""
    if value is None or value in ("", []):
        return None
    if column.kind == "date":
        return dt.date.fromisoformat(str(value))
    if column.kind in ("number", "kroner"):
        return int(str(value))
    if column.kind == "flag":
        return bool(value)
    if column.kind == "choice" and column.choices:
        return column.choices.get(str(value), str(value))
    if isinstance(value, list):
        return LIST_LINE.join(str(item) for item in value)
    return str(value)


def _write_cell(sheet: Worksheet, row: int, index: int, column: SheetColumn, value: object) -> None:
    cell = sheet.cell(row=row, column=index)
    if isinstance(value, str):
        if len(value) > MAX_CELL:
            value = too_long_notice(len(value))
        cell.value = value
        cell.data_type = "s"  # text, never a formula
        if needs_guard(value):
            cell.quotePrefix = True  # and the spreadsheet keeps it text when it is edited
        return
    cell.value = value  # type: ignore[assignment]  # a date, a number or a truth value
    if column.kind == "date" and value is not None:
        cell.number_format = DATE_FORMAT
    elif column.kind == "kroner" and value is not None:
        cell.number_format = KRONER_FORMAT


def _sheet(sheet: Worksheet, table: Table, portfolio: Portfolio, rows: list[Any]) -> None:
    for index, column in enumerate(table.columns, start=1):
        sheet.cell(row=1, column=index, value=column.heading).font = HEADING_FONT
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for number, row in enumerate(rows, start=2):
        for index, column in enumerate(table.columns, start=1):
            _write_cell(
                sheet, number, index, column, cell_value(column, column.read(row, portfolio))
            )
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(table.columns))
    sheet.auto_filter.ref = f"A1:{last}{len(rows) + 1}"


def _fixed_times(document: bytes) -> bytes:
    """The same archive with every entry dated 1980-01-01, so equal input gives equal bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(document)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info))
    return out.getvalue()


def portfolio_xlsx(portfolio: Portfolio, publisher: str = "Aarhus Kommune") -> bytes:
    """portefoelje.xlsx: a row an idea in Ideer, a decision in Beslutninger, a test card in
    Testkort."""
    ideas = shown_ideas(portfolio)
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for table in TABLES:
        _sheet(
            book.create_sheet(table.sheet), table, portfolio, table_rows(table, portfolio, ideas)
        )
    stamp = dt.datetime.fromisoformat(last_updated(ideas) or "2019-01-01")
    book.properties.creator = publisher
    book.properties.title = "Innovationsmotoren: porteføljen"
    book.properties.created = book.properties.modified = stamp
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()  # book.save() would stamp the time of saving
    return _fixed_times(out.getvalue())
