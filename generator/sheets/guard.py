"""Spreadsheet tables: text a spreadsheet must not take for a formula, or cut short.

A spreadsheet reads a cell that begins with =, +, -, @, a tab or a carriage return as a
formula. Danish spreadsheets also split a CSV line on semicolons, the separator of list
cells, so every item of a cell is checked, not only its first character: in
`nabohjælp;=HYPERLINK(…)` the second item would become a formula.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ITEM_SEPARATOR = ";"
LIST_LINE = "\n"  # the xlsx writes one list item a line
MAX_CELL = 32_767  # the most characters a spreadsheet cell holds
QUOTE = "'"


def _starts_formula(item: str) -> bool:
    return item.lstrip(" ").startswith(FORMULA_START)


def needs_guard(text: str) -> bool:
    """True when the text, or any item of it split on ';' or a line, starts a formula."""
    return any(
        _starts_formula(item)
        for line in text.split(LIST_LINE)
        for item in line.split(ITEM_SEPARATOR)
    )


def guard_csv(text: str) -> str:
    """CSV text with a quote before every item that would start a formula."""
    items = text.split(ITEM_SEPARATOR)
    return ITEM_SEPARATOR.join(_quoted(item) if _starts_formula(item) else item for item in items)


def _quoted(item: str) -> str:
    stripped = item.lstrip(" ")
    return item[: len(item) - len(stripped)] + QUOTE + stripped


def unguard_csv(text: str) -> str:
    """The text `guard_csv` was given: the quote before a formula start is taken off."""
    return ITEM_SEPARATOR.join(_unquoted(item) for item in text.split(ITEM_SEPARATOR))


def _unquoted(item: str) -> str:
    stripped = item.lstrip(" ")
    if stripped.startswith(QUOTE) and stripped[1:].startswith(FORMULA_START):
        return item[: len(item) - len(stripped)] + stripped[1:]
    return item


def too_long_notice(length: int) -> str:
    """What a cell says instead of a text longer than a spreadsheet cell holds."""
    return (
        f"[Teksten er {length:,} tegn lang; et regneark kan højst rumme {MAX_CELL:,} tegn "
        "i en celle. Den fulde tekst står i portfolio.json på sitets dataside.]"
    ).replace(",", ".")


def is_too_long_notice(text: str) -> bool:
    """True for the notice `too_long_notice` writes: the import refuses it as a text."""
    return text.startswith("[Teksten er ") and text.endswith("på sitets dataside.]")
