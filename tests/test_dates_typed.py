"""A date as a person types it, read the same way by prompts, options, issue forms and the
spreadsheet import."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.importing.values import CellError
from generator.importing.values import read_date as read_cell
from generator.vocabulary import danish_date, read_date


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("4. december 2026", "2026-12-04"),
        ("4 december 2026", "2026-12-04"),
        ("4. dec. 2026", "2026-12-04"),
        ("  4.  December   2026 ", "2026-12-04"),
        ("1. sept. 2025", "2025-09-01"),
        ("29. februar 2024", "2024-02-29"),
    ],
)
def test_a_typed_date_is_read_alike_everywhere(typed: str, iso: str) -> None:
    assert danish_date(typed) == iso
    assert read_date(typed) == iso
    assert read_cell(typed) == iso


@pytest.mark.parametrize("typed", ["4.12.2026", "04/12/2026", "4-12-2026"])
def test_digits_alone_are_a_date_in_a_spreadsheet_cell_only(typed: str) -> None:
    # The spec's prompts and forms take 2026-12-04 or 4. december 2026; a cell typed in a
    # Danish spreadsheet holds the day first in digits.
    assert read_cell(typed) == "2026-12-04"
    assert danish_date(typed, numeric=True) == "2026-12-04"
    assert danish_date(typed) is None
    assert read_date(typed) == typed


@pytest.mark.parametrize(
    "typed",
    [
        "29. februar 2025",  # not a leap year
        "31.4.2026",  # April has 30 days
        "4. ma 2026",  # marts or maj
        "4. decembre 2026",
        "12.4",
        "i går",
    ],
)
def test_what_is_not_a_date_is_left_for_the_schema_or_refused(typed: str) -> None:
    assert danish_date(typed) is None
    assert read_date(typed) == typed.strip()  # the schema then says why, in its own words
    with pytest.raises(CellError, match="kan ikke læses som en dato"):
        read_cell(typed)


def test_a_date_cell_and_an_iso_text_pass_as_they_are() -> None:
    assert read_cell(dt.date(2026, 12, 4)) == "2026-12-04"
    assert read_cell(dt.datetime(2026, 12, 4, 13, 5)) == "2026-12-04"
    assert read_date("2026-12-04") == "2026-12-04"
