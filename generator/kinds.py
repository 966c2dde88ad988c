"""The closed sets the records are made of, each defined once: kinds, outcomes, statuses.

Everything else derives from these: the Danish labels and the Danish words a prompt
accepts (generator.vocabulary), click's choices, the figures' keys and the schema
messages. A test holds each set equal to its JSON Schema `enum`. Being `StrEnum`s, the
members compare equal to the YAML values, so records read as plain strings match them.
"""

from __future__ import annotations

from enum import StrEnum

# --- record files ------------------------------------------------------------------------


class RecordKind(StrEnum):
    """What a file under records/ holds, by where it lies; each kind has its JSON Schema."""

    LADDER = "ladder"
    DEPARTMENTS = "departments"
    THEME = "theme"
    IDEA = "idea"
    DECISION = "decision"
    TESTCARD = "testcard"


# --- themes ------------------------------------------------------------------------------


class ThemeKind(StrEnum):
    """A theme of the investment engine, or a historical focus area."""

    THEME = "theme"
    FOCUS_AREA = "focus-area"


# --- decisions ---------------------------------------------------------------------------


class DecisionKind(StrEnum):
    """What a decision does: `decisions/<date>-<kind>.yaml`."""

    SCREENING = "screening"
    INVESTMENT = "investment"
    CLOSE = "close"
    GRADUATE = "graduate"


# On one date, decisions apply in this order (the spec's "before").
KIND_ORDER: dict[DecisionKind, int] = {
    DecisionKind.SCREENING: 0,
    DecisionKind.INVESTMENT: 1,
    DecisionKind.CLOSE: 2,
    DecisionKind.GRADUATE: 2,
}


class ScreeningOutcome(StrEnum):
    """A screening's verdict on strategic fit."""

    FIT = "fit"
    NO_FIT = "no-fit"


# The funnel's stage reached with a screening `fit`, whatever came after (Figures: `funnel`).
FIT_STAGE = ScreeningOutcome.FIT.value


class GraduateTarget(StrEnum):
    """Where a graduated idea is carried on beyond the ladder."""

    OPERATIONS = "operations"
    INTERNAL_FUND = "internal-fund"
    EXTERNAL_FUND = "external-fund"


# --- test cards --------------------------------------------------------------------------


class TestStatus(StrEnum):
    """How far a test card has come."""

    __test__ = False  # not a test class, whatever pytest reads into the name

    PLANNED = "planned"
    RUNNING = "running"
    DONE = "done"


class TestOutcome(StrEnum):
    """What a finished test showed."""

    __test__ = False

    CONFIRMED = "confirmed"
    REFUTED = "refuted"
    INCONCLUSIVE = "inconclusive"


# --- the figures -------------------------------------------------------------------------


class WaitReason(StrEnum):
    """What an open idea waits for (Figures: `waiting`, `signals`)."""

    SCREENING = "screening"
    DECISION = "decision"
    TEST = "test"


class SignalColour(StrEnum):
    """An open idea's signal."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


# --- an idea's status --------------------------------------------------------------------

_STEP_PREFIX = "step-"


class Status(str):
    """An idea's derived status: one of the fixed stages, or `step-N` with its step.

    A `str`, so that it is a key of the open data and the figures as the spec writes it;
    built and parsed here alone.
    """

    __slots__ = ()

    SUBMITTED: Status
    PITCH: Status
    REJECTED: Status
    CLOSED: Status
    GRADUATED: Status

    @classmethod
    def of_step(cls, step: int) -> Status:
        """The status of an idea whose highest step granted is `step`: 'step-2'."""
        return cls(f"{_STEP_PREFIX}{step}")

    @classmethod
    def parse(cls, text: str) -> Status | None:
        """`text` as a status, or None when it is none."""
        if text in _FIXED:
            return cls(text)
        number = text.removeprefix(_STEP_PREFIX)
        if text.startswith(_STEP_PREFIX) and number.isascii() and number.isdigit():
            return cls.of_step(int(number))
        return None

    @property
    def step(self) -> int | None:
        """N for `step-N`; None for the other statuses."""
        if self.startswith(_STEP_PREFIX):
            return int(self.removeprefix(_STEP_PREFIX))
        return None

    @property
    def ended(self) -> bool:
        """Rejected, closed and graduated ideas have ended their journey."""
        return self in _ENDED


Status.SUBMITTED = Status("submitted")
Status.PITCH = Status("pitch")
Status.REJECTED = Status("rejected")
Status.CLOSED = Status("closed")
Status.GRADUATED = Status("graduated")

_FIXED = frozenset(
    {Status.SUBMITTED, Status.PITCH, Status.REJECTED, Status.CLOSED, Status.GRADUATED}
)
_ENDED = frozenset({Status.REJECTED, Status.CLOSED, Status.GRADUATED})

# The lead times' first gate, from submission to screening; the others are `Status.of_step(n)`.
SCREENING_GATE = DecisionKind.SCREENING.value


def gate_step(gate: str) -> int | None:
    """The step a lead-time gate leads into: 'step-2' → 2; None for the screening gate."""
    return Status(gate).step
