"""Render stage: the themes by period, for the front page and /temaer/.

The themes open on the site's day come first, under their period; a period still to come
follows, then the ended ones, latest first, so no sentence counts or dates the themes of
different periods together.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Theme
from generator.periods import is_open


@dataclass(frozen=True)
class Period:
    """The themes of one period, and whether they take ideas on the site's day."""

    start: str
    end: str
    themes: tuple[Theme, ...]
    open: bool
    ended: bool

    @property
    def label(self) -> str:
        first, last = self.start[:4], self.end[:4]
        return first if first == last else f"{first}-{last}"


def theme_periods(themes: list[Theme], today: str) -> list[Period]:
    """The themes by period, in the order given: the open ones first, then the latest first
    (a period still to come before the ones that have ended)."""
    grouped: dict[tuple[str, str], list[Theme]] = {}
    for theme in themes:
        grouped.setdefault((theme.period_start, theme.period_end), []).append(theme)
    periods = [
        Period(start, end, tuple(members), any(is_open(t, today) for t in members), end < today)
        for (start, end), members in grouped.items()
    ]
    periods.sort(key=lambda p: p.start, reverse=True)
    periods.sort(key=lambda p: not p.open)
    return periods
