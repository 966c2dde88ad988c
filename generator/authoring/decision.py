"""New decisions: which fields each kind asks for, in the spec's order, each checked when given.

Each function turns the options given (and the answers to the prompts) into drafts.
Nothing here writes: `generator.authoring.drafts` checks and writes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.authoring import answers
from generator.authoring.drafts import Draft, decision_draft, refuse_existing, testcard_draft
from generator.authoring.next_step import propose_decision
from generator.authoring.prompts import Asker, drop_empty, find_idea, is_empty
from generator.authoring.testcard import CARD_OPTIONS, card_fields
from generator.errors import PortfolioError
from generator.kinds import DecisionKind, ScreeningOutcome
from generator.model import Idea, Portfolio
from generator.settings import Settings
from generator.vocabulary import DECISION_KIND_HELP, choice_shown, choice_words, format_kroner

Given = Mapping[str, Any]
GRADUATE_TO = choice_shown("graduate_to")


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
    kinds: dict[str, str] = {kind: DECISION_KIND_HELP[kind] for kind in proposal.kinds}
    if asker.given(given, "kind") is None:
        asker.say("Mulige beslutninger nu:")
        for meaning in kinds.values():
            asker.say(f"  {meaning}")
    kind = asker.value(
        given, "kind", "Art", default=proposal.kind, check=answers.choice(kinds, "en mulig art")
    )
    date = asker.value(
        given, "date", "Dato (ÅÅÅÅ-MM-DD)", default=settings.today,
        check=answers.date(*_decision_dates(idea, settings.today)),
    )  # fmt: skip
    if kind and date:
        refuse_existing(settings, decision_draft(idea.idea_id, {"date": date, "kind": kind}))
    _refuse_stray(given, kind)
    theme = portfolio.themes.get(idea.theme)
    data = {"date": date, "kind": kind, **_ask_common(asker, given, theme.name if theme else None)}
    data |= _ask_by_kind(asker, portfolio, proposal.step or state.step + 1, given, kind)
    drafts = [decision_draft(idea.idea_id, drop_empty(data))]
    step = data.get("step")
    if kind == DecisionKind.INVESTMENT and isinstance(step, int) and idea.test_card(step) is None:
        asker.say(f"Testkortet for trin {step} udfyldes sammen med bevillingen:")
        card = card_fields(asker, given, step, data.get("amount"), date)
        drafts.append(testcard_draft(idea.idea_id, card))
    asker.finish()
    return drafts


def _ask_common(asker: Asker, given: Given, theme_name: str | None) -> dict[str, Any]:
    """Who decided, why, and the pull request whose approval made the decision."""
    forum = f"Direktører og strategiske chefer for temaet {theme_name}" if theme_name else None
    return {
        "decided_by": asker.value(given, "decided_by", "Besluttet af", default=forum),
        "rationale": asker.text(given, "rationale", "Begrundelse"),
        "pull_request": asker.value(
            given,
            "pull_request",
            "Link til pull request (valgfri)",
            required=False,
            check=lambda text: answers.link(text, secure_only=True),
        ),
    }


def _decision_dates(idea: Idea, today: str) -> tuple[answers.DateRule, ...]:
    """A decision is dated no earlier than the idea and no later than today (L04)."""

    def not_before_idea(day: str) -> str | None:
        if day < idea.submitted:
            return f"Ideen blev indsendt {idea.submitted}; beslutningen kan ikke være før."
        return None

    def not_after_today(day: str) -> str | None:
        return f"Datoen er efter i dag ({today})." if day > today else None

    return (not_before_idea, not_after_today)


_KIND_OPTIONS: dict[str, set[str]] = {
    DecisionKind.SCREENING: {"outcome"},
    DecisionKind.INVESTMENT: {"step", "amount", *CARD_OPTIONS},
    DecisionKind.CLOSE: {"learning"},
    DecisionKind.GRADUATE: {"to", "learning"},
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
    if kind == DecisionKind.SCREENING:
        outcome = asker.value(
            given, "outcome", "Udfald (fit: inviteres til pitch; ikke fit: ikke strategisk fit)",
            default=ScreeningOutcome.FIT, check=answers.choice(choice_shown("screening_outcome"), "et udfald"),
        )  # fmt: skip
        return {"outcome": outcome}
    if kind == DecisionKind.INVESTMENT:
        chosen = asker.value(
            given, "step", "Trin", default=step,
            check=answers.whole_number(1, portfolio.ladder.top),
        )  # fmt: skip
        amount = portfolio.ladder.amount(chosen) if isinstance(chosen, int) else None
        amount = asker.value(
            given, "amount", "Beløb i kroner", default=amount,
            check=answers.whole_number(1, exactly=amount),
        )  # fmt: skip
        return {"step": chosen, "amount": amount}
    fields: dict[str, Any] = {}
    if kind == DecisionKind.GRADUATE:
        fields["to"] = asker.value(
            given,
            "to",
            f"Videreført til ({choice_words('graduate_to')})",
            check=answers.choice(GRADUATE_TO, "et sted at videreføre til"),
        )
    if kind in (DecisionKind.CLOSE, DecisionKind.GRADUATE):
        fields["learning"] = asker.text(given, "learning", "Læring")
    return fields
