"""Schema stage: the one date rule both validators share."""

from __future__ import annotations

import datetime as dt
import re

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def is_iso_date(value: object) -> bool:
    """A real calendar date written YYYY-MM-DD (anything not text is the type rule's)."""
    if not isinstance(value, str):
        return True
    if not _ISO_DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def iso_date_message(value: object) -> str:
    """What is wrong with a date that is not written YYYY-MM-DD."""
    return f"'{value}' er ikke en dato på formen ÅÅÅÅ-MM-DD, fx 2020-02-03."
