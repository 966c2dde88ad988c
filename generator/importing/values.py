"""Import stage, values: one spreadsheet cell → the value a record field holds.

Cells come typed (a date cell, a number) or as text typed by a person, in Danish: status
words, "25.000 kr.", "4. december 2026". A cell that cannot be read raises `CellError`
with the reason in Danish; the caller adds the sheet, row and column.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.errors import ReasonError
from generator.schema.dates import is_iso_date
from generator.sheets.columns import SheetColumn
from generator.sheets.guard import LIST_LINE, is_too_long_notice
from generator.vocabulary import CHOICE_WORDS, choice_names, danish_date

# Words people type for the fixed sets, beside the Danish labels the xlsx writes.
SYNONYMS: dict[str, str] = choice_names(CHOICE_WORDS)
TRUE_WORDS = ("ja", "sand", "true", "x", "1")
FALSE_WORDS = ("nej", "falsk", "false", "0")

_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


class CellError(ReasonError):
    """A cell that cannot become a field's value; the reason in Danish."""


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def read_date(value: object) -> str:
    """A date cell, or text as 2026-12-04, 4. december 2026 or 4.12.2026 → 'YYYY-MM-DD'."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = " ".join(str(value).split()).lower()
    if is_iso_date(text) and isinstance(value, str):
        return text
    day = danish_date(text, numeric=True)
    if day is not None:
        return day
    raise CellError(
        f"'{_shown(value)}' kan ikke læses som en dato; skriv fx 2026-12-04 eller "
        "4. december 2026, eller gør cellen til en dato."
    )


def read_kroner(value: object) -> int:
    """Whole kroner: a number cell, or text as 25000, 25.000 or '25.000 kr.'."""
    if isinstance(value, bool):
        raise CellError(f"'{value}' er ikke et beløb; skriv et helt antal kroner, fx 25000.")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellError(f"Beløbet {_shown(value)} er ikke et helt antal kroner; skriv fx 25000.")
    text = str(value).strip().lower().removesuffix("kr.").removesuffix("kr").strip()
    text = text.removesuffix(",00").replace(" ", "").replace("\u00a0", "")
    if _THOUSANDS.match(text):
        text = text.replace(".", "")
    if text.isascii() and text.isdigit():
        return int(text)
    raise CellError(
        f"'{_shown(value)}' er ikke et helt antal kroner; skriv fx 25000 eller 25.000 kr. "
        "(punktum kun mellem tusinder, ingen øre)."
    )


def read_number(value: object) -> int:
    """A whole number, as a step: a number cell or digits."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    if text.isascii() and text.isdigit():
        return int(text)
    raise CellError(f"'{_shown(value)}' er ikke et helt tal; skriv fx 2.")


def read_choice(column: SheetColumn, value: object) -> str:
    """One of a fixed set, by its YAML value, the Danish word the sheet shows or a synonym."""
    choices = column.choices or {}
    wanted = " ".join(str(value).split()).casefold()
    for key, label in choices.items():
        if wanted in (key, label.casefold()):
            return str(key)
    found = SYNONYMS.get(wanted)
    if found is not None and found in choices:
        return found
    words = ", ".join(label for label in choices.values())
    raise CellError(f"'{_shown(value)}' er ikke en af de mulige værdier: {words}.")


def read_flag(value: object) -> bool:
    """A truth value: a true/false cell, or ja/nej."""
    if isinstance(value, bool):
        return value
    wanted = str(value).strip().casefold()
    if wanted in TRUE_WORDS:
        return True
    if wanted in FALSE_WORDS:
        return False
    raise CellError(f"'{_shown(value)}' er hverken ja eller nej.")


def read_text(value: object) -> str:
    """Text as it stands; a number typed in a text column is kept as its digits."""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        raise CellError("Cellen er en dato, men kolonnen skal have tekst.")
    text = str(value)
    if is_too_long_notice(text):
        raise CellError(
            "Teksten var for lang til regnearket og er erstattet af en besked; "
            "skriv den fulde tekst (fra portfolio.json) i posten bagefter."
        )
    return text


def read_list(value: object) -> list[str]:
    """A list: one item a line, or items separated by semicolons."""
    text = read_text(value)
    separator = LIST_LINE if LIST_LINE in text else ";"
    return [item.strip() for item in text.split(separator) if item.strip()]


def read_cell(column: SheetColumn, value: object) -> object:
    """The field value of one non-empty cell in `column`."""
    if column.kind == "date":
        return read_date(value)
    if column.kind == "kroner":
        return read_kroner(value)
    if column.kind == "number":
        return read_number(value)
    if column.kind == "choice":
        return read_choice(column, value)
    if column.kind == "flag":
        return read_flag(value)
    if column.kind == "list":
        return read_list(value)
    text = read_text(value)
    return text.strip() if column.kind == "id" else text
