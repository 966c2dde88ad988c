"""Import stage, the map: which sheet holds which table, and which heading which field.

Without a map, the layout of portefoelje.xlsx maps by itself: the sheets Ideer,
Beslutninger and Testkort (or CSV files named so) with the headings the site writes, or
the record fields' own names (`title`, `owner.department`) and the columns of the site's
CSV files. Any other layout is described by a small YAML file:

    Ideer:                      # the table: Ideer, Beslutninger or Testkort
      sheet: Projekter          # the sheet's name in the file (a CSV file: its name)
      columns:
        Projektnavn: title      # heading → the record field, or the site's heading
        Noter: null             # a column to leave out
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import PortfolioError
from generator.load.yaml_reader import Parsed, parse_yaml
from generator.sheets.columns import DECISIONS, IDEAS, TABLES, SheetColumn, Table

# The column names of the site's CSV files that are not a field's own name.
CSV_NAMES: dict[str, dict[str, str | None]] = {
    IDEAS.sheet: {
        "owner_department": "owner.department",
        "owner_unit": "owner.unit",
        "owner_contact": "owner.contact",
        "status": None,
        "status_da": None,
        "step": None,
        "granted": None,
        "decisions": None,
    },
    DECISIONS.sheet: {"idea_id": "idea"},
}
IGNORED = "-"  # a heading mapped to nothing is left out


@dataclass(frozen=True)
class TableMap:
    """Where one table is in the file, and its headings' fields (None: left out)."""

    table: Table
    sheet: str
    columns: Mapping[str, str | None] = field(default_factory=dict)

    def column(self, heading: str) -> SheetColumn | str | None:
        """The column a heading holds; IGNORED for one left out; None for an unknown one."""
        if heading in self.columns:
            wanted = self.columns[heading]
            if wanted is None:
                return IGNORED
            return _known(self.table, wanted)
        found = _known(self.table, heading)
        if found is not None:
            return found
        csv_name = CSV_NAMES.get(self.table.sheet, {})
        if heading in csv_name:
            target = csv_name[heading]
            return IGNORED if target is None else self.table.field_column(target)
        return None


def _known(table: Table, name: str) -> SheetColumn | None:
    """A column by its heading in the site's xlsx or by its field's name."""
    found = table.column(name) or table.field_column(name)
    if found is None and table is not IDEAS and name == "idea_id":
        found = table.field_column("idea")
    return found


def default_maps() -> dict[str, TableMap]:
    """The site's own layout: each table on the sheet of its name."""
    return {table.sheet: TableMap(table, table.sheet) for table in TABLES}


def table_for_sheet(maps: Mapping[str, TableMap], sheet: str) -> TableMap | None:
    """The table a sheet (or a CSV file's name) holds, without regard to case."""
    wanted = sheet.casefold()
    return next((m for m in maps.values() if m.sheet.casefold() == wanted), None)


def read_map(path: Path) -> dict[str, TableMap]:
    """The tables of a map file; a map that cannot be used is refused in Danish."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PortfolioError(f"Kortet {path} kan ikke læses: {error.strerror}.") from error
    parsed = parse_yaml(raw, str(path), with_lines=False)
    if not isinstance(parsed, Parsed):
        raise PortfolioError(f"Kortet {path} er ikke gyldig YAML: {parsed.message}")
    maps = default_maps()
    for name, entry in parsed.data.items():
        table = next((t for t in TABLES if t.sheet.casefold() == str(name).casefold()), None)
        if table is None:
            names = ", ".join(t.sheet for t in TABLES)
            raise PortfolioError(f"Kortet {path}: '{name}' er ikke en tabel; brug {names}.")
        maps[table.sheet] = _table_map(path, table, entry)
    return maps


def _table_map(path: Path, table: Table, entry: object) -> TableMap:
    where = f"Kortet {path}, {table.sheet}"
    if not isinstance(entry, dict) or set(entry) - {"sheet", "columns"}:
        raise PortfolioError(f"{where}: skriv 'sheet:' (arkets navn) og 'columns:'.")
    sheet = entry.get("sheet", table.sheet)
    columns = entry.get("columns") or {}
    if not isinstance(sheet, str) or not isinstance(columns, dict):
        raise PortfolioError(f"{where}: 'sheet' er et navn, 'columns' overskrift: felt.")
    checked: dict[str, str | None] = {}
    for heading, wanted in columns.items():
        if wanted is not None and (not isinstance(wanted, str) or not _known(table, wanted)):
            fields = ", ".join(c.field for c in table.columns if c.field)
            raise PortfolioError(
                f"{where}: '{wanted}' (for overskriften '{heading}') er ikke et felt; "
                f"brug et af {fields}, eller null for at springe kolonnen over."
            )
        checked[" ".join(str(heading).split())] = wanted
    return TableMap(table, sheet, checked)
