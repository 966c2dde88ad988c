"""New idea cards and decisions: which fields each asks for, in the spec's order.

Each function turns the options given (and the answers to the prompts) into drafts.
Nothing here writes: `generator.contrib.new` checks and writes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import click

from generator.cli_options import ISO_DATE
from generator.contrib.new import (
    Draft,
    decision_draft,
    idea_draft,
    refuse_existing,
    require_id,
    testcard_draft,
)
from generator.contrib.prompts import Asker, IdList, drop_empty, find_idea, is_empty
from generator.contrib.propose import propose_decision
from generator.contrib.testcard import CARD_OPTIONS, card_fields
from generator.errors import PortfolioError
from generator.model import Portfolio
from generator.settings import Settings
from generator.vocabulary import DECISION_KIND_HELP, format_kroner, slugify

Given = Mapping[str, Any]


def ask_idea(asker: Asker, settings: Settings, portfolio: Portfolio, given: Given) -> list[Draft]:
    """The idea card (idekort)."""
    title = asker.text(given.get("title"), "Titel (ideen på én linje)", "--title")
    idea_id = given.get("idea_id") or (slugify(title) if title else None)
    if title and not idea_id:
        raise PortfolioError("Titlen giver intet id (ingen bogstaver a-z eller tal); angiv --id.")
    if idea_id:
        draft = idea_draft(require_id(idea_id, "ideen"), {})
        refuse_existing(settings, draft, folder=True)
        asker.say(f"Ideens id bliver: {idea_id}")
    themes = {t.theme_id: t.name for t in portfolio.themes.values() if t.kind == "theme"}
    if given.get("theme") is None:
        asker.list_choices("Temaer:", themes)
    theme = asker.value(given.get("theme"), "Tema (id)", "--theme", kind=click.Choice(themes))
    submitted = asker.value(
        given.get("submitted"), "Indsendt", "--submitted", default=settings.today, kind=ISO_DATE
    )
    texts = {
        key: asker.text(given.get(key), label, option)
        for key, label, option in (
            ("summary", "Resumé (nogle få sætninger)", "--summary"),
            ("problem", "Væsentlig udfordring", "--problem"),
            ("target_group", "Konkret målgruppe", "--target-group"),
            ("benefit_potential", "Gevinstpotentiale", "--benefit-potential"),
        )
    }
    departments = _ask_departments(asker, portfolio, given)
    partners = asker.lines(given.get("partners", ()), "Samarbejdspartner", "--partner")
    owner = _ask_owner(asker, portfolio, given, departments)
    tags = asker.lines(given.get("tags", ()), "Emneord", "--tag")
    asker.finish()
    data = {"title": title, "theme": theme, "submitted": submitted, **texts}
    data |= {"departments": departments, "partners": partners, "owner": owner, "tags": tags}
    data["example"] = bool(given.get("example"))
    return [idea_draft(str(idea_id), drop_empty(data))]


def _ask_departments(asker: Asker, portfolio: Portfolio, given: Given) -> list[str]:
    names = {d.department_id: d.name for d in portfolio.departments.values()}
    if given.get("departments"):
        return list(dict.fromkeys(given["departments"]))
    asker.list_choices("Magistratsafdelinger:", names)
    answer = asker.value(
        None,
        "Magistratsafdelinger (id'er adskilt af komma)",
        "--department",
        kind=IdList(list(names)),
    )
    return list(answer or [])


def _ask_owner(
    asker: Asker, portfolio: Portfolio, given: Given, departments: list[str]
) -> dict[str, Any]:
    department = asker.value(
        given.get("owner_department"),
        "Ejerens afdeling (id)",
        "--owner-department",
        default=departments[0] if len(departments) == 1 else None,
        kind=click.Choice(list(portfolio.departments)),
    )
    unit = asker.text(given.get("owner_unit"), "Enhed (valgfri)", "--owner-unit", required=False)
    contact = asker.text(
        given.get("owner_contact"),
        "Kontakt: en funktionspostkasse, ikke en persons adresse (valgfri)",
        "--owner-contact",
        required=False,
    )
    return drop_empty({"department": department, "unit": unit, "contact": contact})


def ask_decision(
    asker: Asker, settings: Settings, portfolio: Portfolio, given: Given
) -> list[Draft]:
    """A decision, proposing the next legal one; an investment comes with its test card."""
    idea = find_idea(portfolio, given.get("idea_id"), asker)
    proposal = propose_decision(idea, portfolio.ladder)
    if not proposal.kinds:
        raise PortfolioError(proposal.note)
    state = idea.state
    asker.say(f"Status: {state.label_da}; bevilget i alt {format_kroner(state.granted)}")
    asker.say(proposal.note)
    if given.get("kind") is None:
        kinds = {kind: DECISION_KIND_HELP[kind] for kind in proposal.kinds}
        asker.list_choices("Mulige beslutninger nu:", kinds)
    kind = asker.value(
        given.get("kind"), "Art", "--kind", default=proposal.kind, kind=click.Choice(proposal.kinds)
    )
    date = asker.value(given.get("date"), "Dato", "--date", default=settings.today, kind=ISO_DATE)
    if kind and date:
        refuse_existing(settings, decision_draft(idea.idea_id, {"date": date, "kind": kind}))
    _refuse_stray(given, kind)
    theme = portfolio.themes.get(idea.theme)
    data = {"date": date, "kind": kind, **_ask_common(asker, given, theme.name if theme else None)}
    data |= _ask_by_kind(asker, portfolio, proposal.step or state.step + 1, given, kind)
    drafts = [decision_draft(idea.idea_id, drop_empty(data))]
    step = data.get("step")
    if kind == "investment" and isinstance(step, int) and idea.test_card(step) is None:
        asker.say(f"Testkortet for trin {step} udfyldes sammen med bevillingen:")
        card = card_fields(asker, given, step, data.get("amount"), date)
        drafts.append(testcard_draft(idea.idea_id, card))
    asker.finish()
    return drafts


def _ask_common(asker: Asker, given: Given, theme_name: str | None) -> dict[str, Any]:
    """Who decided, why, and the pull request whose approval made the decision."""
    forum = f"Direktører og strategiske chefer for temaet {theme_name}" if theme_name else None
    return {
        "decided_by": asker.value(
            given.get("decided_by"), "Besluttet af", "--decided-by", default=forum
        ),
        "rationale": asker.text(given.get("rationale"), "Begrundelse", "--rationale"),
        "pull_request": asker.text(
            given.get("pull_request"),
            "Link til pull request (valgfri)",
            "--pull-request",
            required=False,
        ),
    }


_KIND_OPTIONS: dict[str, set[str]] = {
    "screening": {"outcome"},
    "investment": {"step", "amount", *CARD_OPTIONS},
    "close": {"learning"},
    "graduate": {"to", "learning"},
}


def _refuse_stray(given: Given, kind: str | None) -> None:
    """Options that belong to another kind of decision are a mistake, not to be dropped."""
    if kind is None:
        return
    every = set().union(*_KIND_OPTIONS.values())
    stray = sorted(name for name in every - _KIND_OPTIONS[kind] if not is_empty(given.get(name)))
    if stray:
        options = ", ".join(f"--{name.replace('_', '-')}" for name in stray)
        raise PortfolioError(f"{options} passer ikke til en beslutning af arten {kind}.")


def _ask_by_kind(
    asker: Asker, portfolio: Portfolio, step: int | None, given: Given, kind: str | None
) -> dict[str, Any]:
    """The fields of one kind of decision."""
    if kind == "screening":
        outcome = asker.value(
            given.get("outcome"),
            "Udfald (fit: inviteres til pitch; no-fit: ikke strategisk fit)",
            "--outcome",
            default="fit",
            kind=click.Choice(["fit", "no-fit"]),
        )
        return {"outcome": outcome}
    if kind == "investment":
        chosen = asker.value(
            given.get("step"), "Trin", "--step", default=step, kind=click.IntRange(1)
        )
        amount = portfolio.ladder.amount(chosen) if chosen else None
        amount = asker.value(
            given.get("amount"),
            "Beløb i kroner",
            "--amount",
            default=amount,
            kind=click.IntRange(1),
        )
        return {"step": chosen, "amount": amount}
    fields: dict[str, Any] = {}
    if kind == "graduate":
        fields["to"] = asker.value(
            given.get("to"),
            "Videreført til (operations: drift; internal-fund / external-fund: intern / ekstern "
            "fond eller pulje)",
            "--to",
            kind=click.Choice(["operations", "internal-fund", "external-fund"]),
        )
    if kind in ("close", "graduate"):
        fields["learning"] = asker.text(given.get("learning"), "Læring", "--learning")
    return fields
