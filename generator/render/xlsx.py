"""Render stage, spreadsheet: portefoelje.xlsx with the sheets Ideer and Beslutninger (no I/O).

The same columns as the CSV tables, but typed, so a Danish spreadsheet opens them as they
are: dates are dates, amounts and counts are numbers, "example" is a truth value. Text is
always text: a text that looks like a formula is stored as text with Excel's quote prefix
and never evaluated. The file is the same for the same portfolio (fixed times inside).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter

from generator.model import Portfolio
from generator.render.datapackage import COLUMN_TYPES
from generator.render.opendata import DECISION_COLUMNS, IDEA_COLUMNS, Column
from generator.render.views import last_updated, shown_ideas

FORMULA_START = ("=", "+", "-", "@")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _value(sheet: WriteOnlyWorksheet, column: Column, value: object) -> object:
    """The typed value of one cell; a plain value where openpyxl writes it right by itself."""
    kind = COLUMN_TYPES.get(column.name, "string")
    if value == "" or value is None:
        return None
    if kind == "date":
        return dt.date.fromisoformat(str(value))  # written with the format yyyy-mm-dd
    if kind == "boolean":
        return value == "true"
    if kind == "integer":
        return int(str(value))
    text = str(value)
    if not text.startswith(FORMULA_START):
        return text
    cell = WriteOnlyCell(sheet, text)
    cell.data_type = "s"  # text, never a formula
    cell.quotePrefix = True  # and the spreadsheet keeps it text when the cell is edited
    return cell


def _sheet(book: Workbook, title: str, columns: tuple[Column, ...], rows: list[Any]) -> None:
    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, column.name)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_value(sheet, column, column.read(row)) for column in columns])


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


def portfolio_xlsx(portfolio: Portfolio) -> bytes:
    """portefoelje.xlsx: one row an idea in Ideer, one row a decision in Beslutninger."""
    ideas = shown_ideas(portfolio)
    book = Workbook(write_only=True)
    _sheet(book, "Ideer", IDEA_COLUMNS, ideas)
    _sheet(book, "Beslutninger", DECISION_COLUMNS, [d for i in ideas for d in i.decisions])
    stamp = dt.datetime.fromisoformat(last_updated(ideas) or "2019-01-01")
    book.properties.creator = "Aarhus Kommune"
    book.properties.title = "Innovationsmotoren: porteføljen"
    book.properties.created = book.properties.modified = stamp
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return _fixed_times(out.getvalue())
