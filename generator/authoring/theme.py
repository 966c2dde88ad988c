"""New themes: how the coordinator opens a period, one theme a file.

A period is the themes whose `period` covers it; ideas can be filed while at least one
theme is open. The theme's reviewers decide on its ideas (through CODEOWNERS), so after
a new period the coordinator runs `portfolio issueform` and `portfolio codeowners`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.authoring import answers
from generator.authoring.answers import AnswerError
from generator.authoring.codeowners import is_owner
from generator.authoring.drafts import Draft, record_path, require_id, theme_draft
from generator.authoring.prompts import Asker, drop_empty
from generator.errors import PortfolioError
from generator.kinds import ThemeKind
from generator.model import Portfolio
from generator.settings import Settings
from generator.vocabulary import THEME_LISTS, choice_shown, choice_words, slugify

Given = Mapping[str, Any]
THEME_KINDS = choice_shown("theme_kind")

# The option of each list the directors screen ideas against, asked one sentence a line.
LIST_OPTIONS = {
    "beliefs": "--belief",
    "investment_areas": "--investment-area",
    "criteria": "--criterion",
}


def reviewer(text: str) -> str:
    """A GitHub user or team whose approval decides on the theme's ideas."""
    if not is_owner(text):
        raise AnswerError(f"'{text}' er ikke en GitHub-bruger eller et hold; skriv fx @org/hold.")
    return text


def ask_theme(asker: Asker, settings: Settings, portfolio: Portfolio, given: Given) -> list[Draft]:
    """A theme record: name, id, kind, period, departments, reviewers, description, and
    what its ideas are screened against."""
    name = asker.text(given, "name", "Navn (som temaet hedder)")
    theme_id = _ask_id(asker, settings, portfolio, given, name)
    kind = asker.value(
        given, "kind", f"Art ({choice_words('theme_kind')})", default=ThemeKind.THEME,
        check=answers.choice(THEME_KINDS, "en art"),
    )  # fmt: skip
    start = asker.value(
        given, "start", "Periodens første dag (ÅÅÅÅ-MM-DD)", default=settings.today,
        check=answers.date(),
    )  # fmt: skip
    end = _ask_end(asker, given, start)
    departments = {d.department_id: d.name for d in portfolio.departments.values()}
    anchored_in = asker.ids(
        given, "anchored_in", "Forankret i (afdelinger adskilt af komma, valgfri)",
        names=departments, what="en magistratsafdeling", option="--anchored-in", required=False,
    )  # fmt: skip
    reviewers = asker.items(
        given, "reviewers",
        "Reviewere: GitHub-hold, hvis godkendelse afgør temaets ideer (adskilt af komma)",
        option="--reviewer", required=kind != ThemeKind.FOCUS_AREA, check=reviewer,
    )  # fmt: skip
    description = asker.text(given, "description", "Beskrivelse (valgfri)", required=False)
    texts = {
        key: asker.items(
            given,
            key,
            f"{label} (valgfri; én pr. linje)",
            option=LIST_OPTIONS[key],
            per_line=True,
        )
        for key, label in THEME_LISTS
    }
    if not asker.talks:
        _refuse_every_mistake(asker, departments, anchored_in, reviewers, (start, end))
    asker.finish()
    data = {"name": name, "kind": kind, "period": {"start": start, "end": end}}
    data |= {"anchored_in": anchored_in, "reviewers": reviewers}
    data |= {"description": description, **texts}
    return [theme_draft(str(theme_id), drop_empty(data))]


def _refuse_every_mistake(
    asker: Asker,
    departments: dict[str, str],
    anchored_in: list[str],
    reviewers: list[str],
    period: tuple[Any, Any],
) -> None:
    """Without questions, every mistake in the options at once, before anything is checked
    against the portfolio (so one mistake cannot hide another)."""
    mistakes = [f"Der mangler værdier for: {', '.join(dict.fromkeys(asker.missing))}."]
    mistakes = mistakes if asker.missing else []
    start, end = period
    if isinstance(start, str) and isinstance(end, str):
        mistakes += filter(None, [_not_before(end, start)])
    for department in anchored_in:
        if department not in departments:
            hint = answers.suggestion(department, departments)
            mistakes.append(f"'{department}' er ikke en magistratsafdeling.{hint}")
    for team in reviewers:
        if not is_owner(team):
            mistakes.append(f"'{team}' er ikke en GitHub-bruger eller et hold; skriv fx @org/hold.")
    if mistakes:
        listing = "\n".join(f"  - {mistake}" for mistake in mistakes)
        raise PortfolioError(f"Temaet kan ikke oprettes:\n{listing}")


def _ask_end(asker: Asker, given: Given, start: Any) -> Any:
    """The period's last day, not before its first (no rule would catch that later)."""
    label = "Periodens sidste dag (ÅÅÅÅ-MM-DD)"
    check = answers.date(lambda day: _not_before(day, start))
    end = asker.value(given, "end", label, check=check)
    objection = _not_before(end, start) if isinstance(end, str) else None
    if objection and asker.talks:  # without questions, it is one of every mistake reported
        asker.tell(objection)
        end = asker.value({}, "end", label, check=check)
    return end


def _not_before(day: str, start: Any) -> str | None:
    if isinstance(start, str) and day < start:
        return f"Perioden kan ikke slutte før den starter ({start})."
    return None


def _ask_id(
    asker: Asker, settings: Settings, portfolio: Portfolio, given: Given, name: str | None
) -> str | None:
    explicit = asker.given(given, "theme_id")
    theme_id = str(explicit or (slugify(name) if name else ""))
    if not theme_id and not name:
        return None

    def taken(key: str) -> bool:
        return key in portfolio.themes or record_path(settings, theme_draft(key, {})).exists()

    check = answers.record_id(taken, "et andet tema")
    try:
        check(theme_id)
    except AnswerError as error:
        if explicit or not asker.talks:
            require_id(theme_id, "temaet")
            raise PortfolioError(f"{error.reason} Angiv et andet med --id.") from error
        asker.tell(error.reason)
        return str(asker.value(given, "theme_id", "Temaets id", check=check, option="--id"))
    asker.say(f"Temaets id bliver: {theme_id}")
    return theme_id
