"""Figures stage: the portfolio in numbers, as pure functions over the model.

Definitions follow the specification's "Figures" section. Where it leaves a choice open:
- a gate or stage nobody passed still appears, as count 0 with median and p90 null;
- themes are every theme of kind `theme` plus any theme an idea names; years are those
  in which something was measured or granted;
- `waiting` is read as the specification's three lists: every idea with no decision yet
  waits for its screening, whatever the days (W02 warns after 60); an idea whose latest
  step's test card is done waits for a decision once more than 60 days have passed; an
  idea whose current step's test card is not done waits for it once its `end` has passed.
- `signals` are computed in generator/figures/signals.py.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from generator.figures.signals import Signals, signals
from generator.figures.stats import DaySummary, days_between, rate, summarise, year_of
from generator.kinds import (
    FIT_STAGE,
    SCREENING_GATE,
    DecisionKind,
    ScreeningOutcome,
    Status,
    TestOutcome,
    TestStatus,
    ThemeKind,
    WaitReason,
)
from generator.model import Decision, Idea, Portfolio

WAITING_DAYS = 60
# The keys of a step's row in `tests`: the statuses, the outcomes, then the overdue cards.
OVERDUE = "overdue"
TEST_KEYS: tuple[str, ...] = (*TestStatus, *TestOutcome, OVERDUE)


@dataclass(frozen=True)
class Passage:
    """One idea through one gate: the gate, the later decision's date, the days it took."""

    gate: str
    date: str
    days: int


@dataclass(frozen=True)
class KillStage:
    """Figures `kill[s]`: the ideas that reached stage s, how many were closed there, the
    share closed, and the days from reaching it to the close."""

    reached: int
    closed: int
    rate: float | None
    days: DaySummary


@dataclass(frozen=True)
class Granted:
    """Figures `granted`: the investments summed, and by theme, by year and by step."""

    total: int
    by_theme: dict[str, int]
    by_year: dict[str, int]
    by_step: dict[int, int]


@dataclass(frozen=True)
class Waiting:
    """Figures `waiting`: an open idea, what it waits for, since when and for how many
    days."""

    idea_id: str
    reason: WaitReason
    since: str
    days: int


@dataclass(frozen=True)
class DepartmentReach:
    """Figures `departments`: the ideas a department owns, those that name it, and what its
    own ideas were granted."""

    owner: int
    participant: int
    granted_owned: int


@dataclass(frozen=True)
class Figures:
    """Everything /tal/, /data/noegletal.json and `portfolio report` show."""

    as_of: str
    ideas: int
    funnel: dict[str, int]
    lead_times: dict[str, DaySummary]
    lead_times_by_theme: dict[str, dict[str, DaySummary]]
    lead_times_by_year: dict[str, dict[str, DaySummary]]
    kill: dict[int, KillStage]
    granted: Granted
    tests: dict[int, dict[str, int]]
    waiting: list[Waiting]
    departments: dict[str, DepartmentReach]
    examples: int
    signals: Signals


def step_numbers(portfolio: Portfolio) -> list[int]:
    return [step.step for step in portfolio.ladder.steps]


def gate_names(portfolio: Portfolio) -> list[str]:
    """The ways into the stages, in order: screening, step-1 … step-N."""
    return [SCREENING_GATE, *(Status.of_step(n) for n in step_numbers(portfolio))]


def sorted_ideas(portfolio: Portfolio) -> list[Idea]:
    return [portfolio.ideas[key] for key in sorted(portfolio.ideas)]


def fit_decision(idea: Idea) -> Decision | None:
    return next(
        (
            d
            for d in idea.decisions
            if d.kind == DecisionKind.SCREENING and d.outcome == ScreeningOutcome.FIT
        ),
        None,
    )


def stage_dates(idea: Idea, steps: Iterable[int]) -> dict[int, str]:
    """When the idea reached each stage: 0 at its screening fit, s when step s was granted."""
    reached: dict[int, str] = {}
    fit = fit_decision(idea)
    if fit is not None:
        reached[0] = fit.date
    for step in steps:
        grant = idea.grant(step)
        if grant is not None:
            reached[step] = grant.date
    return reached


def passages(idea: Idea, steps: Iterable[int]) -> list[Passage]:
    """Every gate the idea went through, with the days from the one before."""
    found: list[Passage] = []
    screening = next((d for d in idea.decisions if d.kind == DecisionKind.SCREENING), None)
    if screening is not None:
        found.append(
            Passage(SCREENING_GATE, screening.date, days_between(idea.submitted, screening.date))
        )
    reached = stage_dates(idea, steps)
    for step in steps:
        if step in reached and step - 1 in reached:
            days = days_between(reached[step - 1], reached[step])
            found.append(Passage(Status.of_step(step), reached[step], days))
    return found


def funnel(portfolio: Portfolio) -> dict[str, int]:
    ideas = list(portfolio.ideas.values())
    counts = {Status.SUBMITTED: len(ideas), FIT_STAGE: sum(1 for i in ideas if fit_decision(i))}
    for step in step_numbers(portfolio):
        counts[Status.of_step(step)] = sum(1 for idea in ideas if idea.grant(step) is not None)
    statuses = Counter(idea.state.status for idea in ideas)
    for ending in (Status.GRADUATED, Status.CLOSED, Status.REJECTED):
        counts[ending] = statuses[ending]
    return counts


def _summaries(gates: list[str], found: Iterable[Passage]) -> dict[str, DaySummary]:
    days: dict[str, list[int]] = {gate: [] for gate in gates}
    for passage in found:
        days.setdefault(passage.gate, []).append(passage.days)
    return {gate: summarise(values) for gate, values in days.items()}


def theme_ids(portfolio: Portfolio) -> list[str]:
    """Every theme of kind `theme`, and any other theme an idea names, by id."""
    named = {t.theme_id for t in portfolio.themes.values() if t.kind == ThemeKind.THEME}
    return sorted(named | {idea.theme for idea in portfolio.ideas.values()})


def lead_times(
    portfolio: Portfolio,
) -> tuple[
    dict[str, DaySummary], dict[str, dict[str, DaySummary]], dict[str, dict[str, DaySummary]]
]:
    """Days through each gate: in total, per theme and per year of the later decision."""
    gates, steps = gate_names(portfolio), step_numbers(portfolio)
    every: list[Passage] = []
    by_theme: dict[str, list[Passage]] = {theme_id: [] for theme_id in theme_ids(portfolio)}
    by_year: dict[str, list[Passage]] = defaultdict(list)
    for idea in sorted_ideas(portfolio):
        for passage in passages(idea, steps):
            every.append(passage)
            by_theme[idea.theme].append(passage)
            by_year[year_of(passage.date)].append(passage)
    return (
        _summaries(gates, every),
        {theme_id: _summaries(gates, found) for theme_id, found in by_theme.items()},
        {year: _summaries(gates, by_year[year]) for year in sorted(by_year)},
    )


def close_decision(idea: Idea) -> Decision | None:
    return next((d for d in idea.decisions if d.kind == DecisionKind.CLOSE), None)


def kill(portfolio: Portfolio) -> dict[int, KillStage]:
    """Per stage (0 = strategic fit, s = step s): reached, closed there, rate and days to close."""
    steps = step_numbers(portfolio)
    stages = [0, *steps]
    reached = dict.fromkeys(stages, 0)
    days: dict[int, list[int]] = {stage: [] for stage in stages}
    for idea in portfolio.ideas.values():
        dates = stage_dates(idea, steps)
        for stage in dates:
            reached[stage] = reached.get(stage, 0) + 1
        close = close_decision(idea)
        stage = idea.state.step
        if close is not None and stage in dates:
            days.setdefault(stage, []).append(days_between(dates[stage], close.date))
    return {
        stage: KillStage(reached[stage], len(days[stage]), rate(len(days[stage]), reached[stage]),
                         summarise(days[stage]))
        for stage in stages
    }  # fmt: skip


def granted(portfolio: Portfolio) -> Granted:
    """DKK granted in total, per theme of kind `theme`, per year of decision and per step."""
    by_theme = dict.fromkeys(theme_ids(portfolio), 0)
    by_year: dict[str, int] = defaultdict(int)
    by_step = dict.fromkeys(step_numbers(portfolio), 0)
    for idea in portfolio.ideas.values():
        for decision in idea.decisions:
            if decision.kind != DecisionKind.INVESTMENT or decision.step is None:
                continue
            amount = decision.amount or 0
            by_theme[idea.theme] += amount
            by_year[year_of(decision.date)] += amount
            by_step[decision.step] = by_step.get(decision.step, 0) + amount
    total = sum(by_step.values())
    return Granted(total, by_theme, {y: by_year[y] for y in sorted(by_year)}, by_step)


def tests(portfolio: Portfolio, as_of: str) -> dict[int, dict[str, int]]:
    """The test cards of each step by status, the done ones by outcome, and the overdue ones."""
    ledger = {step: dict.fromkeys(TEST_KEYS, 0) for step in step_numbers(portfolio)}
    for idea in portfolio.ideas.values():
        for card in idea.tests:
            row = ledger.setdefault(card.step, dict.fromkeys(TEST_KEYS, 0))
            row[card.status] += 1
            if card.result is not None and card.status == TestStatus.DONE:
                row[card.result.outcome] += 1
            if card.status != TestStatus.DONE and card.end < as_of:
                row[OVERDUE] += 1
    return ledger


def waiting_for(idea: Idea, as_of: str) -> Waiting | None:
    """Why and since when the idea waits: for its screening; for over 60 days for the
    decision after its latest test; or for its current test, once the test's end is past."""
    state = idea.state
    if state.ended:
        return None
    if not idea.decisions:
        return Waiting(
            idea.idea_id, WaitReason.SCREENING, idea.submitted, days_between(idea.submitted, as_of)
        )
    card = idea.test_card(state.step) if state.step else None
    if card is None:
        return None
    days = days_between(card.end, as_of)
    if card.status != TestStatus.DONE:
        return Waiting(idea.idea_id, WaitReason.TEST, card.end, days) if days > 0 else None
    return (
        Waiting(idea.idea_id, WaitReason.DECISION, card.end, days) if days > WAITING_DAYS else None
    )


def waiting(portfolio: Portfolio, as_of: str) -> list[Waiting]:
    """The ideas waiting for a decision, oldest first."""
    found = [w for idea in portfolio.ideas.values() if (w := waiting_for(idea, as_of))]
    return sorted(found, key=lambda w: (w.since, w.idea_id))


def departments(portfolio: Portfolio) -> dict[str, DepartmentReach]:
    """For every department: ideas it owns, ideas that name it, and DKK granted to its own."""
    owner: dict[str, int] = defaultdict(int)
    participant: dict[str, int] = defaultdict(int)
    granted_owned: dict[str, int] = defaultdict(int)
    for idea in portfolio.ideas.values():
        owner[idea.owner.department] += 1
        granted_owned[idea.owner.department] += idea.state.granted
        for department in set(idea.departments):
            participant[department] += 1
    return {
        dept: DepartmentReach(owner[dept], participant[dept], granted_owned[dept])
        for dept in portfolio.departments
    }


def compute_figures(portfolio: Portfolio, as_of: str) -> Figures:
    """Every figure of the portfolio on the date `as_of`."""
    total, by_theme, by_year = lead_times(portfolio)
    return Figures(
        as_of=as_of,
        ideas=len(portfolio.ideas),
        funnel=funnel(portfolio),
        lead_times=total,
        lead_times_by_theme=by_theme,
        lead_times_by_year=by_year,
        kill=kill(portfolio),
        granted=granted(portfolio),
        tests=tests(portfolio, as_of),
        waiting=waiting(portfolio, as_of),
        departments=departments(portfolio),
        examples=len(portfolio.example_ids()),
        signals=signals(portfolio, as_of),
    )


def theme_portfolio(portfolio: Portfolio, theme_id: str) -> Portfolio:
    """The portfolio with only one theme's ideas: its figures are the theme's."""
    ideas: Mapping[str, Idea] = {k: i for k, i in portfolio.ideas.items() if i.theme == theme_id}
    return replace(portfolio, ideas=ideas)
