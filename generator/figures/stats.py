"""Figures stage, the arithmetic: days between dates, medians, nearest-rank percentiles."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

Number = int | float


def days_between(earlier: str, later: str) -> int:
    """Calendar days from one ISO date to another (negative when `later` is earlier)."""
    return (dt.date.fromisoformat(later) - dt.date.fromisoformat(earlier)).days


def year_of(iso: str) -> str:
    return iso[:4]


def median(values: list[int]) -> Number | None:
    """The middle value; the mean of the two middle values for an even count; None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    total = ordered[middle - 1] + ordered[middle]
    return total // 2 if total % 2 == 0 else total / 2


def nearest_rank(values: list[int], percent: int) -> int | None:
    """The value at position ⌈percent/100 · count⌉ of the sorted list; None if empty."""
    if not values:
        return None
    rank = math.ceil(percent * len(values) / 100)  # exact: integers only
    return sorted(values)[max(rank, 1) - 1]


def rate(part: int, whole: int) -> float | None:
    """part / whole rounded half up to three decimals; None when whole is 0."""
    if whole == 0:
        return None
    exact = Decimal(part) / Decimal(whole)
    return float(exact.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class DaySummary:
    """A list of days as the figures give it: count, median and 90th percentile."""

    count: int
    median: Number | None
    p90: int | None

    def as_json(self) -> dict[str, Number | None]:
        return {"count": self.count, "median": self.median, "p90": self.p90}


def summarise(days: Iterable[int]) -> DaySummary:
    values = list(days)
    return DaySummary(len(values), median(values), nearest_rank(values, 90))
