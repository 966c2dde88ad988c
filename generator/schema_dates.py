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
