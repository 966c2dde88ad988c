"""What may come next for an idea: the legal decisions and the test card still missing.

Plain functions over the model, read from the idea's derived state and the ladder (never
from amounts in code), so `portfolio new` can propose a sensible default.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.kinds import DecisionKind, Status, TestStatus
from generator.model import Idea, Ladder
from generator.vocabulary import format_kroner


@dataclass(frozen=True)
class DecisionProposal:
    """The decisions the rules allow now, the proposed one first, and why."""

    kinds: tuple[DecisionKind, ...]
    step: int | None = None
    amount: int | None = None
    note: str = ""

    @property
    def kind(self) -> DecisionKind | None:
        return self.kinds[0] if self.kinds else None


def propose_decision(idea: Idea, ladder: Ladder) -> DecisionProposal:
    """The next legal decision for `idea`, from its state and the ladder."""
    state = idea.state
    if state.ended:
        return DecisionProposal(
            (),
            note=f"Ideen er afsluttet ({state.label_da}); der kan ikke komme flere beslutninger.",
        )
    if state.status == Status.SUBMITTED:
        return DecisionProposal(
            (DecisionKind.SCREENING,), note="Ideens første beslutning er en screening."
        )
    next_step = state.step + 1
    amount = ladder.amount(next_step)
    if amount is None:
        return DecisionProposal(
            (DecisionKind.GRADUATE, DecisionKind.CLOSE),
            note=f"Ideen har nået trappens øverste trin ({state.step}); den kan videreføres "
            "eller lukkes.",
        )
    if state.status == Status.PITCH:
        return DecisionProposal(
            (DecisionKind.INVESTMENT, DecisionKind.CLOSE),
            next_step,
            amount,
            note=f"Næste trin er trin {next_step} med {format_kroner(amount)}",
        )
    card = idea.test_card(state.step)
    if card is None or card.status != TestStatus.DONE:
        return DecisionProposal(
            (DecisionKind.CLOSE, DecisionKind.GRADUATE),
            note=f"Trin {next_step} kræver, at testkortet for trin {state.step} er afsluttet "
            "(status: done).",
        )
    return DecisionProposal(
        (DecisionKind.INVESTMENT, DecisionKind.CLOSE, DecisionKind.GRADUATE),
        next_step,
        amount,
        note=f"Testkortet for trin {state.step} er afsluttet; næste trin er trin {next_step} "
        f"med {format_kroner(amount)}",
    )


def granted_steps(idea: Idea) -> list[int]:
    """The steps granted to `idea`, lowest first."""
    return sorted({d.step for d in idea.decisions if d.kind == DecisionKind.INVESTMENT and d.step})


def propose_test_step(idea: Idea) -> int | None:
    """The lowest granted step that has no test card yet, if any."""
    return next((s for s in granted_steps(idea) if idea.test_card(s) is None), None)
