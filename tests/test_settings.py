"""Settings' day: the one given wins; without one it is the clock's, the only read of it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.settings import Settings


@pytest.mark.reads_clock
def test_without_a_day_the_settings_take_the_clock_s() -> None:
    before = dt.date.today().isoformat()
    by_default, for_no_day = Settings(), Settings.for_day(Path("records"), None)
    after = dt.date.today().isoformat()
    # The clock is read between `before` and `after`: either day, should midnight fall there.
    assert by_default.today in {before, after}
    assert for_no_day.today in {before, after}


def test_a_day_given_is_used_and_the_clock_is_not_read() -> None:
    """Unmarked, this test would fail on any read of the clock (tests/conftest.py)."""
    assert Settings.for_day(Path("records"), "2020-02-29").today == "2020-02-29"
    assert Settings(today="2020-02-29").today == "2020-02-29"


def test_a_test_that_is_not_marked_cannot_read_the_clock() -> None:
    with pytest.raises(AssertionError, match="the test read the real date"):
        Settings()
    with pytest.raises(AssertionError, match="the test read the real date"):
        Settings.for_day(Path("records"), None)
