"""Review stage: the themes a change opens, edits or removes, in Danish for the reviewers.

A theme's pull request is how the coordinator opens a period: the maintainers who approve it
read here what the directors have chosen and who will decide on the theme's ideas.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from generator.model import Portfolio, Theme
from generator.review.markup import Style
from generator.vocabulary import THEME_KIND_LABELS, THEME_LISTS, format_date

_HEADS = {"added": "Nyt", "changed": "Ændret", "deleted": "Slettet"}


@dataclass(frozen=True)
class ThemeReview:
    """A theme file added, changed or deleted; the theme as it is after (before if deleted)."""

    change: str
    theme: Theme


def review_themes(
    before: Portfolio, after: Portfolio, changed: Mapping[str, str]
) -> tuple[ThemeReview, ...]:
    """Every theme whose file the change touches, in file order."""
    found = []
    for rel, change in sorted(changed.items()):
        path = PurePosixPath(rel)
        if path.parent.as_posix() != "themes" or path.suffix != ".yaml":
            continue
        theme = (before if change == "deleted" else after).themes.get(path.stem)
        if theme is not None:
            found.append(ThemeReview(change, theme))
    return tuple(found)


def theme_lines(
    review: ThemeReview, style: Style, department_names: Mapping[str, str]
) -> list[str]:
    """A theme as its reviewers read it: kind, period, departments, reviewers and texts."""
    theme = review.theme
    kind = THEME_KIND_LABELS[theme.kind]
    out = [style.heading(2, f"{_HEADS[review.change]} {kind}: {style.text(theme.name)}"), ""]
    period = f"{format_date(theme.period_start)} – {format_date(theme.period_end)}"
    out.append(style.bullet(f"{style.strong('Periode:')} {period}"))
    if theme.anchored_in:
        names = ", ".join(department_names.get(d, d) for d in theme.anchored_in)
        out.append(style.bullet(f"{style.strong('Forankret i:')} {style.text(names)}"))
    deciders = (
        ", ".join(style.code(r) for r in theme.reviewers) or "vedligeholderne (ingen reviewers)"
    )
    out.append(style.bullet(f"{style.strong('Beslutter om temaets ideer:')} {deciders}"))
    out.append("")
    if theme.description:
        out += [style.text(theme.description), ""]
    for field, heading in THEME_LISTS:
        items: tuple[str, ...] = getattr(theme, field)
        if items:
            out += [style.strong(heading + ":"), *(style.bullet(style.text(i)) for i in items), ""]
    return out
