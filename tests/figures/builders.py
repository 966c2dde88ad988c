"""Small portfolios built in memory for the figures tests: every number is worked out by hand."""

from __future__ import annotations

from typing import Any

from generator.kinds import DecisionKind, GraduateTarget, ScreeningOutcome, ThemeKind
from generator.model import (
    Decision,
    Department,
    Idea,
    Ladder,
    LadderStep,
    Owner,
    Portfolio,
    TestCard,
    TestResult,
    Theme,
    sort_decisions,
)
from generator.problems import Source
from tests.conftest import LADDER as SHARED_LADDER

HERE = Source("records/test.yaml")
# The sample portfolios' shared ladder: 25.000, 125.000 and 250.000 kr. for steps 1-3.
LADDER = Ladder(
    SHARED_LADDER["currency"],
    tuple(LadderStep(s["step"], s["amount"]) for s in SHARED_LADDER["steps"]),
    HERE,
)
AMOUNTS = {step.step: step.amount for step in LADDER.steps}
DEPARTMENTS = {
    key: Department(key, name, HERE) for key, name in [("a", "A"), ("b", "B"), ("c", "C")]
}
THEMES = {
    "klima": Theme("klima", "Klima", ThemeKind.THEME, "2019-01-01", "2022-12-31", HERE),
    "integration": Theme(
        "integration", "Integration", ThemeKind.THEME, "2019-01-01", "2022-12-31", HERE
    ),
    "fokus": Theme("fokus", "Fokus", ThemeKind.FOCUS_AREA, "2015-01-01", "2018-12-31", HERE),
}


def screening(idea_id: str, date: str, outcome: str = "fit") -> Decision:
    return Decision(
        idea_id, date, DecisionKind.SCREENING, "Direktørgruppen", "Fordi.", HERE,
        outcome=ScreeningOutcome(outcome),
    )  # fmt: skip


def investment(idea_id: str, date: str, step: int) -> Decision:
    return Decision(
        idea_id, date, DecisionKind.INVESTMENT, "Direktørgruppen", "Fordi.", HERE, step=step,
        amount=AMOUNTS[step],
    )  # fmt: skip


def close(idea_id: str, date: str, learning: str = "Vi lærte noget.") -> Decision:
    return Decision(
        idea_id, date, DecisionKind.CLOSE, "Direktørgruppen", "Fordi.", HERE, learning=learning
    )


def graduate(idea_id: str, date: str, learning: str = "Det virker.") -> Decision:
    return Decision(
        idea_id, date, DecisionKind.GRADUATE, "Direktørgruppen", "Fordi.", HERE,
        learning=learning, to=GraduateTarget.OPERATIONS,
    )  # fmt: skip


def card(
    idea_id: str, step: int, start: str, end: str, status: str, *, outcome: str = ""
) -> TestCard:
    result = TestResult(outcome, f"Læring fra trin {step}.") if outcome else None  # type: ignore[arg-type]
    return TestCard(
        idea_id, step, "Virker det?", "Ja.", "Måling.", ("Mindst 10",), AMOUNTS[step], start, end,
        status, HERE, result,  # type: ignore[arg-type]
    )  # fmt: skip


def idea(
    idea_id: str,
    submitted: str,
    *,
    theme: str = "klima",
    owner: str = "a",
    departments: tuple[str, ...] = ("a",),
    decisions: tuple[Decision, ...] = (),
    tests: tuple[TestCard, ...] = (),
    **extra: Any,
) -> Idea:
    return Idea(
        idea_id, extra.get("title", idea_id.title()), theme, submitted, "Resumé.", "Problem.",
        "Målgruppe.", "Gevinst.", departments, Owner(owner), HERE,
        decisions=sort_decisions(list(decisions)), tests=tests,
        example=extra.get("example", False),
    )  # fmt: skip


def portfolio(*ideas: Idea) -> Portfolio:
    return Portfolio(LADDER, DEPARTMENTS, THEMES, {i.idea_id: i for i in ideas})
