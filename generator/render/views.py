"""Render stage, views: what the pages show, computed from the portfolio (no I/O, no markup)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.kinds import DecisionKind, ScreeningOutcome, Status, ThemeKind
from generator.model import Decision, Idea, Ladder, Portfolio, Theme, status_order
from generator.vocabulary import (
    DECISION_LABELS,
    SCREENING_OUTCOME_LABELS,
    is_slug,
    status_label,
)


def idea_dates(idea: Idea) -> list[str]:
    """Every date on which something happened to the idea."""
    return [idea.submitted, *(d.date for d in idea.decisions)]


def last_updated(ideas: list[Idea]) -> str | None:
    """The latest submission or decision date of these ideas, if any."""
    return max((date for idea in ideas for date in idea_dates(idea)), default=None)


def shown_ideas(portfolio: Portfolio) -> list[Idea]:
    """The ideas that get a page, by submission date then id (newest last)."""
    ideas = [idea for idea in portfolio.ideas.values() if is_slug(idea.idea_id)]
    return sorted(ideas, key=lambda idea: (idea.submitted, idea.idea_id))


def themes_of_kind(portfolio: Portfolio, kind: ThemeKind) -> list[Theme]:
    """Themes of one kind with slug ids, by name (the six themes, or the five focus areas)."""
    themes = [t for t in portfolio.themes.values() if t.kind == kind and is_slug(t.theme_id)]
    return sorted(themes, key=lambda t: (t.name.casefold(), t.theme_id))


def focus_areas(portfolio: Portfolio) -> list[Theme]:
    """The focus areas in the order of their departments (the seed's own order)."""
    order = {dept_id: index for index, dept_id in enumerate(portfolio.departments)}
    areas = themes_of_kind(portfolio, ThemeKind.FOCUS_AREA)
    return sorted(areas, key=lambda t: min((order.get(d, 99) for d in t.anchored_in), default=99))


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int
    granted: int


def status_counts(ladder: Ladder, ideas: list[Idea]) -> list[StatusCount]:
    """Ideas and DKK granted per status, in funnel order (empty statuses included)."""
    counts = {status: [0, 0] for status in status_order(ladder)}
    for idea in ideas:
        state = idea.state
        entry = counts.setdefault(state.status, [0, 0])
        entry[0] += 1
        entry[1] += state.granted
    return [
        StatusCount(status, status_label(status), count, granted)
        for status, (count, granted) in counts.items()
    ]


@dataclass(frozen=True)
class FunnelStage:
    label: str
    count: int


def funnel(counts: Mapping[str, int]) -> list[FunnelStage]:
    """The stages an idea climbs (submitted, strategic fit, each step, carried on), from
    the figures' funnel; closed and rejected ideas are counted where they stopped."""
    return [
        FunnelStage(status_label(stage), count)
        for stage, count in counts.items()
        if stage not in (Status.CLOSED, Status.REJECTED)
    ]


@dataclass(frozen=True)
class LadderRung:
    """One step of the ladder as an idea stands on it."""

    step: int
    amount: int
    granted_on: str | None
    granted_amount: int | None


def ladder_rungs(ladder: Ladder, idea: Idea) -> list[LadderRung]:
    """Every ladder step, granted or not, with the grant's date and amount."""
    rungs = []
    for step in ladder.steps:
        grant = idea.grant(step.step)
        rungs.append(
            LadderRung(
                step=step.step,
                amount=step.amount,
                granted_on=grant.date if grant else None,
                granted_amount=grant.amount if grant else None,
            )
        )
    return rungs


def decision_heading(kind: DecisionKind, outcome: ScreeningOutcome | None, step: int | None) -> str:
    """A decision's short Danish name, e.g. 'Investering: trin 2'."""
    label = DECISION_LABELS[kind]
    if kind == DecisionKind.SCREENING and outcome:
        return f"{label}: {SCREENING_OUTCOME_LABELS[outcome]}"
    if kind == DecisionKind.INVESTMENT and step is not None:
        return f"{label}: trin {step}"
    return label


def decision_anchor(decision: Decision) -> str:
    """The decision's anchor on its idea's page, e.g. 'beslutning-2020-03-30-investment-1'."""
    anchor = f"beslutning-{decision.date}-{decision.kind}"
    return anchor if decision.step is None else f"{anchor}-{decision.step}"
