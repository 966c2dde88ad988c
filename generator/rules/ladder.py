"""Rules stage: the investment ladder rules (L06-L09), read from ladder.yaml, and the
numbering of the ladder itself."""

from __future__ import annotations

from collections.abc import Iterator

from generator.kinds import DecisionKind, ScreeningOutcome, TestStatus
from generator.model import Decision, Idea, Ladder, Portfolio
from generator.problems import Problem
from generator.rules.naming import card_file_stem
from generator.vocabulary import format_kroner


def _investments(idea: Idea) -> Iterator[Decision]:
    return (d for d in idea.decisions if d.kind == DecisionKind.INVESTMENT and d.step is not None)


def check_ladder_numbering(ladder: Ladder) -> Iterator[Problem]:
    """schema: the ladder's steps are numbered 1, 2, 3 … in order, or it cannot be climbed."""
    numbers = [step.step for step in ladder.steps]
    if numbers and not ladder.usable:
        yield ladder.source.problem(
            ("steps",),
            "schema",
            "Trinene skal være nummereret 1, 2, 3 … i rækkefølge; "
            f"filen har {', '.join(map(str, numbers))}.",
        )


def check_ladder_order(portfolio: Portfolio) -> Iterator[Problem]:
    """L06: steps are climbed one at a time, after a fit screening, within the ladder."""
    ladder = portfolio.ladder
    for idea in portfolio.ideas.values():
        fit_before = False
        granted: dict[int, str] = {}
        for decision in idea.decisions:
            if decision.kind == DecisionKind.SCREENING:
                fit_before = fit_before or decision.outcome == ScreeningOutcome.FIT
            if decision.kind != DecisionKind.INVESTMENT or decision.step is None:
                continue
            step = decision.step
            message = None
            if ladder.amount(step) is None:
                message = (
                    f"Trin {step} findes ikke; investeringstrappen har trin 1 til {ladder.top}."
                )
            elif step in granted:
                message = (
                    f"Trin {step} er allerede bevilget {granted[step]}; et trin gives kun én gang."
                )
            elif step == 1 and not fit_before:
                message = "Trin 1 kræver en screening med udfaldet fit før bevillingen."
            elif step > 1 and step - 1 not in granted:
                message = f"Trin {step} kræver, at trin {step - 1} er bevilget før."
            if message:
                yield decision.source.problem(("step",), "L06", message)
            granted.setdefault(step, decision.date)


def check_tests_before_steps(portfolio: Portfolio) -> Iterator[Problem]:
    """L07: step n > 1 needs the test card of step n-1 done, ended by the decision."""
    for idea in portfolio.ideas.values():
        for decision in _investments(idea):
            step = decision.step or 0
            if step <= 1:
                continue
            card = idea.test_card(step - 1)
            if card is None or card.status != TestStatus.DONE:
                state = "mangler" if card is None else f"har status {card.status}"
                message = (
                    f"Trin {step} kræver, at testkortet for trin {step - 1} er done; det {state}."
                )
                yield decision.source.problem(("step",), "L07", message)
            elif card.end > decision.date:
                message = (
                    f"Testen for trin {step - 1} slutter {card.end}, efter beslutningen om trin "
                    f"{step} ({decision.date}); testen skal være slut først."
                )
                yield decision.source.problem(("date",), "L07", message)


def check_amounts(portfolio: Portfolio) -> Iterator[Problem]:
    """L08: an investment's amount is the ladder's amount for its step."""
    for idea in portfolio.ideas.values():
        for decision in _investments(idea):
            expected = portfolio.ladder.amount(decision.step or 0)
            if expected is not None and decision.amount != expected:
                message = (
                    f"Trin {decision.step} er på {format_kroner(expected)} ifølge investeringstrappen; "
                    f"skriv amount: {expected}."
                )
                yield decision.source.problem(("amount",), "L08", message)


def check_test_cards(portfolio: Portfolio, records_prefix: str) -> Iterator[Problem]:
    """L09: one test card a granted step, within the step's amount, started after the grant,
    ending on or after its start; `records_prefix` names the records folder in messages."""
    for idea in portfolio.ideas.values():
        yield from _missing_cards(idea, records_prefix)
        for card in idea.tests:
            if card.end < card.start:
                message = (
                    f"Testen slutter {card.end}, før den starter {card.start}; ret start eller end."
                )
                yield card.source.problem(("end",), "L09", message)
            grant = idea.grant(card.step)
            if grant is None:
                message = f"Trin {card.step} er ikke bevilget; et testkort hører kun til et bevilget trin."
                yield card.source.problem(("step",), "L09", message)
                continue
            amount = portfolio.ladder.amount(card.step)
            if amount is not None and card.budget > amount:
                message = f"Budgettet er større end trinnets beløb ({format_kroner(amount)}); sæt det ned."
                yield card.source.problem(("budget",), "L09", message)
            if card.start < grant.date:
                message = f"Testen starter {card.start}, før trinnet blev bevilget {grant.date}."
                yield card.source.problem(("start",), "L09", message)


def _missing_cards(idea: Idea, records_prefix: str) -> Iterator[Problem]:
    for decision in _investments(idea):
        step = decision.step or 0
        if idea.test_card(step) is None:
            message = (
                f"Trin {step} er bevilget, men ideen har intet testkort; "
                f"opret {records_prefix}/ideas/{idea.idea_id}/tests/{card_file_stem(step)}.yaml."
            )
            yield decision.source.problem(("step",), "L09", message)
