"""Figures stage, the signals: green, yellow or red for every idea that has not ended.

As the specification's "Figures" defines them, as of one date:
- an idea waits for its screening since it was submitted, for the step-1 decision since
  its screening, and for the next decision since the end of its current step's finished
  test; a wait of at most 60 days is green, 61-120 days yellow, more than 120 days red;
- an idea whose current step's test card is not done is on track (green) while the card's
  `end` is on or after the date; after it, it is late: yellow for 1-90 days, red after that
  (the state's rule for its IT projects: more than three months late is red).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.figures.stats import days_between
from generator.kinds import SignalColour, TestStatus, WaitReason
from generator.model import Idea, Portfolio

GREEN, YELLOW, RED = SignalColour.GREEN, SignalColour.YELLOW, SignalColour.RED
SIGNALS = (GREEN, YELLOW, RED)
WAIT_GREEN_DAYS = 60  # at most this many days of waiting is green
WAIT_YELLOW_DAYS = 120  # at most this many is yellow, more is red
LATE_YELLOW_DAYS = 90  # a test card late by at most this many days is yellow, more is red


@dataclass(frozen=True)
class Signal:
    """Where one open idea stands: its colour, what it waits for, since when and how long.

    `reason` is `screening`, `decision` or `test`; for a test on track `since` is the day it
    ends and `days` is 0.
    """

    idea_id: str
    signal: SignalColour
    reason: WaitReason
    since: str
    days: int
    step: int = 0  # the current step: the test's, or the one decided on next minus one


@dataclass(frozen=True)
class Signals:
    """The signal of every open idea, counted by colour; `listed` are the yellow and red."""

    green: int
    yellow: int
    red: int
    by_idea: dict[str, Signal]
    listed: list[Signal]


def wait_colour(days: int) -> SignalColour:
    """60 days or less green, 61-120 yellow, more red."""
    if days <= WAIT_GREEN_DAYS:
        return GREEN
    return YELLOW if days <= WAIT_YELLOW_DAYS else RED


def late_colour(days_late: int) -> SignalColour:
    """Not late green, 1-90 days late yellow, more red."""
    if days_late <= 0:
        return GREEN
    return YELLOW if days_late <= LATE_YELLOW_DAYS else RED


def signal_of(idea: Idea, as_of: str) -> Signal | None:
    """The idea's signal on `as_of`; None once its journey has ended."""
    state = idea.state
    if state.ended:
        return None
    if not idea.decisions:
        return _waiting(idea, WaitReason.SCREENING, idea.submitted, as_of, 0)
    if state.step == 0:  # a screening fit: the step-1 decision comes next
        return _waiting(idea, WaitReason.DECISION, idea.decisions[-1].date, as_of, 0)
    card = idea.test_card(state.step)
    if card is None:  # no test card yet (L09 is an error): wait from the grant
        grant = idea.grant(state.step)
        since = grant.date if grant else idea.submitted
        return _waiting(idea, WaitReason.DECISION, since, as_of, state.step)
    if card.status == TestStatus.DONE:
        return _waiting(idea, WaitReason.DECISION, card.end, as_of, state.step)
    late = max(days_between(card.end, as_of), 0)
    return Signal(idea.idea_id, late_colour(late), WaitReason.TEST, card.end, late, state.step)


def _waiting(idea: Idea, reason: WaitReason, since: str, as_of: str, step: int) -> Signal:
    days = max(days_between(since, as_of), 0)
    return Signal(idea.idea_id, wait_colour(days), reason, since, days, step)


def signals(portfolio: Portfolio, as_of: str) -> Signals:
    """Every open idea's signal; the yellow and red listed red first, longest first, by id."""
    by_idea = {
        key: found
        for key in sorted(portfolio.ideas)
        if (found := signal_of(portfolio.ideas[key], as_of)) is not None
    }
    colours = [s.signal for s in by_idea.values()]
    listed = sorted(
        (s for s in by_idea.values() if s.signal != GREEN),
        key=lambda s: (s.signal != RED, -s.days, s.idea_id),
    )
    return Signals(colours.count(GREEN), colours.count(YELLOW), colours.count(RED), by_idea, listed)
