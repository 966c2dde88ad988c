"""The portfolio model: frozen records built from schema-valid data, and the derived status."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.kinds import (
    KIND_ORDER,
    DecisionKind,
    GraduateTarget,
    ScreeningOutcome,
    Status,
    TestOutcome,
    TestStatus,
    ThemeKind,
)
from generator.problems import Source
from generator.vocabulary import status_label


@dataclass(frozen=True, slots=True)
class LadderStep:
    """One step of the investment ladder and what it grants (`ladder.yaml`)."""

    step: int
    amount: int


@dataclass(frozen=True, slots=True)
class Ladder:
    """The investment ladder (`ladder.yaml`): its currency and its steps in order."""

    currency: str
    steps: tuple[LadderStep, ...]
    source: Source

    def amount(self, step: int) -> int | None:
        """The amount of `step`, or None when the ladder has no such step."""
        for ladder_step in self.steps:
            if ladder_step.step == step:
                return ladder_step.amount
        return None

    @property
    def top(self) -> int:
        return max((s.step for s in self.steps), default=0)

    @property
    def usable(self) -> bool:
        """Steps numbered 1, 2, 3 … in order: a ladder an idea can climb."""
        numbers = [s.step for s in self.steps]
        return bool(numbers) and numbers == list(range(1, len(numbers) + 1))


@dataclass(frozen=True, slots=True)
class Department:
    """A magistrate department (`departments.yaml`), by id and Danish name."""

    department_id: str
    name: str
    source: Source


@dataclass(frozen=True, slots=True)
class Theme:
    """A theme or a historical focus area (`themes/<id>.yaml`): its period, the departments
    it is anchored in, the reviewers who decide its ideas and what it screens for."""

    theme_id: str
    name: str
    kind: ThemeKind
    period_start: str
    period_end: str
    source: Source
    anchored_in: tuple[str, ...] = ()
    reviewers: tuple[str, ...] = ()
    description: str | None = None
    beliefs: tuple[str, ...] = ()
    investment_areas: tuple[str, ...] = ()
    criteria: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Owner:
    """The department that owns an idea, with its unit and a shared mailbox if given."""

    department: str
    unit: str | None = None
    contact: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision about an idea (`ideas/<id>/decisions/<date>-<kind>.yaml`): a screening,
    a step of the ladder, an early close or a graduation, with who made it and why."""

    idea_id: str
    date: str
    kind: DecisionKind
    decided_by: str
    rationale: str
    source: Source
    pull_request: str | None = None
    outcome: ScreeningOutcome | None = None
    step: int | None = None
    amount: int | None = None
    learning: str | None = None
    to: GraduateTarget | None = None

    @property
    def order_key(self) -> tuple[str, int, int]:
        """Date, then the spec's kind order, then step: the order decisions apply in."""
        return (self.date, KIND_ORDER[self.kind], self.step or 0)

    @property
    def is_ending(self) -> bool:
        """Screening no-fit, close and graduate end an idea's journey."""
        return self.kind in (DecisionKind.CLOSE, DecisionKind.GRADUATE) or (
            self.kind == DecisionKind.SCREENING and self.outcome == ScreeningOutcome.NO_FIT
        )


@dataclass(frozen=True, slots=True)
class TestResult:
    """What a finished test showed, what was learned and where the evidence is."""

    outcome: TestOutcome
    learning: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TestCard:
    """What a granted step tests (`ideas/<id>/tests/step-<n>.yaml`): the question, the
    hypothesis, the method, the measurable criteria, budget and dates, and in the end its
    result."""

    idea_id: str
    step: int
    question: str
    hypothesis: str
    method: str
    success_criteria: tuple[str, ...]
    budget: int
    start: str
    end: str
    status: TestStatus
    source: Source
    result: TestResult | None = None


@dataclass(frozen=True, slots=True)
class IdeaState:
    """What the decisions make of an idea: never stored, always derived."""

    status: Status
    step: int
    granted: int

    @property
    def label_da(self) -> str:
        return status_label(self.status)

    @property
    def ended(self) -> bool:
        return self.status.ended


@dataclass(frozen=True, slots=True)
class Idea:
    """An idea card (`ideas/<id>/idea.yaml`) with its decisions and test cards, in the
    order they apply."""

    idea_id: str
    title: str
    theme: str
    submitted: str
    summary: str
    problem: str
    target_group: str
    benefit_potential: str
    departments: tuple[str, ...]
    owner: Owner
    source: Source
    partners: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    example: bool = False
    decisions: tuple[Decision, ...] = ()  # in the order they apply
    tests: tuple[TestCard, ...] = ()  # by step

    @property
    def state(self) -> IdeaState:
        return derive_state(self.decisions)

    def test_card(self, step: int) -> TestCard | None:
        return next((t for t in self.tests if t.step == step), None)

    def grant(self, step: int) -> Decision | None:
        """The investment decision that granted `step`, if any."""
        return next(
            (d for d in self.decisions if d.kind == DecisionKind.INVESTMENT and d.step == step),
            None,
        )


@dataclass(frozen=True, slots=True)
class Portfolio:
    """Every record, modelled: the ladder, the departments, the themes and the ideas."""

    ladder: Ladder
    departments: Mapping[str, Department]
    themes: Mapping[str, Theme]
    ideas: Mapping[str, Idea]

    def ideas_of(self, theme_id: str) -> list[Idea]:
        return [idea for idea in self.ideas.values() if idea.theme == theme_id]

    def example_ids(self) -> list[str]:
        """The ids of the ideas marked `example: true` (fictional), sorted."""
        return sorted(key for key, idea in self.ideas.items() if idea.example)


def sort_decisions(decisions: list[Decision]) -> tuple[Decision, ...]:
    """Decisions in the order they apply."""
    return tuple(sorted(decisions, key=lambda d: d.order_key))


def derive_state(decisions: tuple[Decision, ...]) -> IdeaState:
    """Status, highest step and DKK granted, from decisions already in order."""
    status = Status.SUBMITTED
    step = 0
    granted = 0
    for decision in decisions:
        if decision.kind == DecisionKind.SCREENING:
            fit = decision.outcome == ScreeningOutcome.FIT
            status = Status.PITCH if fit else Status.REJECTED
        elif decision.kind == DecisionKind.INVESTMENT and decision.step is not None:
            step = max(step, decision.step)
            granted += decision.amount or 0
            status = Status.of_step(step)
        elif decision.kind == DecisionKind.CLOSE:
            status = Status.CLOSED
        elif decision.kind == DecisionKind.GRADUATE:
            status = Status.GRADUATED
    return IdeaState(status=status, step=step, granted=granted)


def status_order(ladder: Ladder) -> list[Status]:
    """Every status in funnel order, with one step status a ladder step."""
    steps = [Status.of_step(s.step) for s in ladder.steps]
    return [
        Status.SUBMITTED,
        Status.PITCH,
        *steps,
        Status.GRADUATED,
        Status.CLOSED,
        Status.REJECTED,
    ]


def as_tuple(value: Any) -> tuple[Any, ...]:
    """A list from the records as a tuple; None as the empty tuple."""
    return tuple(value) if value else ()
