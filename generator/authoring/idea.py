"""New idea cards (idekort): the fields in the spec's order, each checked when it is given.

An idea goes to a theme open on the day it is submitted; when none is open, nothing is
asked at all: the innovator is told that, and who opens the next period.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.authoring import answers
from generator.authoring.answers import AnswerError
from generator.authoring.drafts import Draft, idea_draft, record_path, refuse_existing, require_id
from generator.authoring.prompts import Asker, drop_empty
from generator.errors import PortfolioError
from generator.model import Portfolio
from generator.periods import is_open, no_open_theme, not_open, open_themes
from generator.settings import Settings
from generator.vocabulary import format_date, slugify

Given = Mapping[str, Any]

TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("summary", "Resumé (nogle få sætninger)"),
    ("problem", "Væsentlig udfordring"),
    ("target_group", "Konkret målgruppe"),
    ("benefit_potential", "Gevinstpotentiale"),
)


def filing_day(settings: Settings, given: Given) -> str:
    """The day the idea is submitted: the date given, else today."""
    submitted = given.get("submitted")
    return str(submitted) if submitted else settings.today


def refuse_without_open_theme(settings: Settings, portfolio: Portfolio, given: Given) -> None:
    """Before any question: no idea can be filed on a day no theme is open."""
    if not open_themes(portfolio, filing_day(settings, given)):
        raise PortfolioError(no_open_theme(filing_day(settings, given), settings.today))


def ask_idea(asker: Asker, settings: Settings, portfolio: Portfolio, given: Given) -> list[Draft]:
    """The idea card (idekort)."""
    refuse_without_open_theme(settings, portfolio, given)
    given = _named_as_ids(given, portfolio)
    title = asker.text(given, "title", "Titel (ideen på én linje)")
    idea_id = _ask_id(asker, settings, given, title)
    theme = _ask_theme(asker, settings, portfolio, given)
    submitted = asker.value(
        given,
        "submitted",
        "Indsendt (ÅÅÅÅ-MM-DD)",
        default=settings.today,
        check=_submitted_check(settings, portfolio, theme),
    )
    texts = {key: asker.text(given, key, label) for key, label in TEXT_FIELDS}
    departments = _ask_departments(asker, portfolio, given)
    partners = asker.items(
        given, "partners", "Samarbejdspartnere (valgfri; adskilt af komma)", option="--partner"
    )
    owner = _ask_owner(asker, portfolio, given, departments)
    tags = asker.items(given, "tags", "Emneord (valgfri; adskilt af komma)", option="--tag")
    asker.finish()
    data = {"title": title, "theme": theme, "submitted": submitted, **texts}
    data |= {"departments": departments, "partners": partners, "owner": owner, "tags": tags}
    data["example"] = bool(given.get("example"))
    return [idea_draft(str(idea_id), drop_empty(data))]


def _named_as_ids(given: Given, portfolio: Portfolio) -> dict[str, Any]:
    """A theme or owner's department given by its Danish name (any case), as its id."""
    themes = {t.theme_id: t.name for t in portfolio.themes.values()}
    departments = {d.department_id: d.name for d in portfolio.departments.values()}
    named = dict(given)
    for key, names in (("theme", themes), ("owner_department", departments)):
        if isinstance(named.get(key), str):
            named[key] = answers.find_choice(named[key], names) or named[key]
    return named


def _ask_id(asker: Asker, settings: Settings, given: Given, title: str | None) -> str | None:
    """The id: given, or the title as an id; asked for when that one is unusable."""
    explicit = asker.given(given, "idea_id")
    idea_id = str(explicit or (slugify(title) if title else ""))
    if not idea_id and not title:
        return None  # the title is missing: `finish` says so
    check = answers.record_id(
        lambda key: record_path(settings, idea_draft(key, {})).parent.exists(), "en anden idé"
    )
    try:
        check(idea_id)
    except AnswerError as error:
        if explicit or not asker.talks:
            if not idea_id:
                raise PortfolioError(
                    "Titlen giver intet id (ingen bogstaver a-z eller tal); angiv --id."
                ) from error
            refuse_existing(settings, idea_draft(require_id(idea_id, "ideen"), {}), folder=True)
        asker.tell(error.reason if idea_id else "Titlen giver intet id (ingen bogstaver a-z).")
        return str(asker.value(given, "idea_id", "Ideens id", check=check, option="--id"))
    asker.say(f"Ideens id bliver: {idea_id}")
    return idea_id


def _ask_theme(asker: Asker, settings: Settings, portfolio: Portfolio, given: Given) -> Any:
    day = filing_day(settings, given)
    themes = {t.theme_id: t.name for t in portfolio.themes.values()}
    shown = {t.theme_id: t.name for t in open_themes(portfolio, day)}
    if asker.given(given, "theme") is None:
        asker.list_choices(f"Temaer, der er åbne {format_date(day)}:", shown)

    def allowed(key: str) -> str | None:
        theme = portfolio.themes[key]
        return None if is_open(theme, day) else not_open(theme, day)

    check = answers.choice(themes, "et tema", allowed=allowed, suggested=shown)
    return asker.value(given, "theme", "Tema (id eller navn)", check=check)


def _submitted_check(settings: Settings, portfolio: Portfolio, theme_id: Any) -> answers.Check:
    theme = portfolio.themes.get(str(theme_id))

    def not_after_today(day: str) -> str | None:
        return f"Datoen er efter i dag ({settings.today})." if day > settings.today else None

    def in_period(day: str) -> str | None:
        return not_open(theme, day) if theme and not is_open(theme, day) else None

    return answers.date(not_after_today, in_period)


def _ask_departments(asker: Asker, portfolio: Portfolio, given: Given) -> list[str]:
    names = {d.department_id: d.name for d in portfolio.departments.values()}
    if asker.given(given, "departments") is None:
        asker.list_choices("Magistratsafdelinger:", names)
    return asker.ids(
        given, "departments", "Magistratsafdelinger (id'er eller navne adskilt af komma)",
        names=names, what="en magistratsafdeling", option="--department",
    )  # fmt: skip


def _ask_owner(
    asker: Asker, portfolio: Portfolio, given: Given, departments: list[str]
) -> dict[str, Any]:
    names = {d.department_id: d.name for d in portfolio.departments.values()}
    department = asker.value(
        given,
        "owner_department",
        "Ejerens afdeling (id eller navn)",
        default=departments[0] if len(departments) == 1 else None,
        check=answers.choice(names, "en magistratsafdeling"),
    )
    unit = asker.text(given, "owner_unit", "Enhed (valgfri)", required=False)
    contact = asker.value(
        given,
        "owner_contact",
        "Kontakt: en funktionspostkasse, ikke en persons adresse (valgfri)",
        required=False,
        check=answers.mailbox,
    )
    return drop_empty({"department": department, "unit": unit, "contact": contact})
