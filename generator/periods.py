"""Periods: which themes are open to new ideas on a day, and what to say when none is.

A theme is open on a date that its period contains; only themes of the ladder (kind
`theme`, not the historical focus areas) take new ideas. Every way of filing an idea asks
here: `portfolio new idea`, the issue form, the issue workflow and the site's front page.
"""

from __future__ import annotations

from generator.kinds import ThemeKind
from generator.model import Portfolio, Theme
from generator.vocabulary import format_date

COORDINATOR = "koordinatoren"  # the unit is named on the site (mkdocs.yml: extra.coordinator)
OPEN_COMMAND = "portfolio new theme"


def is_open(theme: Theme, day: str) -> bool:
    """Whether `theme` takes new ideas submitted on `day` (YYYY-MM-DD)."""
    return theme.kind == ThemeKind.THEME and theme.period_start <= day <= theme.period_end


def open_themes(portfolio: Portfolio, today: str) -> list[Theme]:
    """The themes open on `today`, in the portfolio's order."""
    return [theme for theme in portfolio.themes.values() if is_open(theme, today)]


def last_period_end(portfolio: Portfolio, today: str) -> str | None:
    """The last day of the latest theme period that has ended before `today`, if any."""
    ends = [t.period_end for t in portfolio.themes.values() if t.kind == ThemeKind.THEME]
    return max((end for end in ends if end < today), default=None)


def no_open_theme(day: str, today: str | None = None) -> str:
    """The Danish message for a day on which no theme is open: what it means and who acts."""
    when = f"i dag ({format_date(day)})" if today in (None, day) else f"den {format_date(day)}"
    return (
        f"Intet tema er åbent for nye ideer {when}. En ny periode åbnes af {COORDINATOR}, "
        f"som opretter dens temaer med formularen Tema eller {OPEN_COMMAND}; indtil da kan der "
        "ikke indsendes ideer."
    )


def not_open(theme: Theme, day: str) -> str:
    """Why an idea submitted on `day` cannot go to `theme`."""
    if theme.kind != ThemeKind.THEME:
        return f"'{theme.name}' er et indsatsområde fra før temaerne, ikke et tema."
    return (
        f"Temaet '{theme.name}' tager imod ideer fra {format_date(theme.period_start)} til "
        f"{format_date(theme.period_end)}, ikke den {format_date(day)}."
    )
