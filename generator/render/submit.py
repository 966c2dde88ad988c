"""Render stage: where the site sends someone with an idea, and the periods of the themes.

With MkDocs' own `repo_url` set, the front page and every open theme's page link to the
idea form (`<repo_url>/issues/new?template=idekort.yml`); `extra.contact`, a functional
mailbox, is named for those without a GitHub account. Both come from mkdocs.yml, never
from a record, and are checked like any address the site links to.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.errors import PortfolioError
from generator.model import Theme
from generator.periods import is_open
from generator.render.sanitize import safe_url

IDEA_FORM = "idekort.yml"
_MAILBOX = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


@dataclass(frozen=True)
class SubmitLinks:
    """The idea form's address and the contact mailbox, each when mkdocs.yml sets it."""

    repo_url: str | None = None
    contact: str | None = None

    @property
    def form_url(self) -> str | None:
        if self.repo_url is None:
            return None
        return f"{self.repo_url.rstrip('/')}/issues/new?template={IDEA_FORM}"

    @property
    def guide_url(self) -> str | None:
        """CONTRIBUTING.md on the repository's default branch."""
        return (
            None
            if self.repo_url is None
            else f"{self.repo_url.rstrip('/')}/blob/HEAD/CONTRIBUTING.md"
        )


def submit_links_from(config: Mapping[str, Any]) -> SubmitLinks:
    """`repo_url` and `extra.contact` of a site configuration, refused when unusable."""
    repo_url = config.get("repo_url")
    extra = config.get("extra") or {}
    contact = extra.get("contact") if isinstance(extra, Mapping) else None
    if repo_url is not None and (
        not isinstance(repo_url, str)
        or not repo_url.startswith("https://")
        or safe_url(repo_url) is None
    ):
        raise PortfolioError("mkdocs.yml: repo_url skal være en https-adresse.")
    if contact is not None and (not isinstance(contact, str) or not _MAILBOX.match(contact)):
        raise PortfolioError(
            "mkdocs.yml: extra.contact skal være én e-mailadresse, en funktionspostkasse."
        )
    return SubmitLinks(repo_url, contact)


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
