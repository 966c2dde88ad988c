"""New test cards (testkort): what a granted step is to test, and later what it showed.

A test card is filled in together with its investment decision ("I udfylder sammen et
testkort"), so `portfolio new decision` asks for these fields too; `portfolio new testcard`
adds the card of a granted step that still has none.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.authoring import answers
from generator.authoring.drafts import Draft, refuse_existing, testcard_draft
from generator.authoring.next_step import propose_test_step
from generator.authoring.prompts import Asker, drop_empty, find_idea
from generator.errors import PortfolioError
from generator.kinds import TestStatus
from generator.model import Portfolio
from generator.settings import Settings
from generator.vocabulary import choice_shown, choice_words, format_kroner

Given = Mapping[str, Any]

# The options of a test card, as click names them; `new decision` takes them too.
CARD_OPTIONS: tuple[str, ...] = (
    "question",
    "hypothesis",
    "method",
    "success_criteria",
    "budget",
    "start",
    "end",
    "status",
    "result_outcome",
    "result_learning",
    "evidence",
)
_RESULT_OPTIONS = ("result_outcome", "result_learning", "evidence")


def ask_testcard(
    asker: Asker, settings: Settings, portfolio: Portfolio, given: Given
) -> list[Draft]:
    """The test card of a granted step, proposing the lowest step still without one."""
    idea = find_idea(portfolio, given.get("idea_id"), asker)
    step = given.get("step") or propose_test_step(idea)
    if step is None:
        raise PortfolioError(
            f"Ideen '{idea.idea_id}' har intet bevilget trin uden testkort. Et testkort "
            "udfyldes sammen med investeringsbeslutningen: brug portfolio new decision."
        )
    refuse_existing(settings, testcard_draft(idea.idea_id, {"step": step}))
    amount = portfolio.ladder.amount(step)
    asker.say(f"Testkort for trin {step}" + (f" ({format_kroner(amount)})." if amount else "."))
    grant = idea.grant(step)
    card = card_fields(
        asker, given, step, amount, settings.today, granted=grant.date if grant else None
    )
    asker.finish()
    return [testcard_draft(idea.idea_id, card)]


TEST_STATUS = choice_shown("test_status")
TEST_OUTCOMES = choice_shown("test_outcome")


def card_fields(
    asker: Asker, given: Given, step: int, amount: Any, start: Any, *, granted: Any = None
) -> dict[str, Any]:
    """The fields of a test card, in the spec's order; the test starts after the grant."""
    granted = granted or start
    texts = {
        key: asker.text(given, key, label)
        for key, label in (
            ("question", "Spørgsmål: hvad skal testes i dette skridt"),
            ("hypothesis", "Hypotese"),
            ("method", "Metode"),
        )
    }
    criteria = asker.items(
        given, "success_criteria", "Målbart succeskriterium",
        option="--success-criterion", required=True, per_line=True,
    )  # fmt: skip
    budget = asker.value(
        given, "budget", "Budget i kroner", default=amount,
        check=answers.whole_number(0, amount if isinstance(amount, int) else None),
    )  # fmt: skip
    begins = asker.value(
        given, "start", "Start (ÅÅÅÅ-MM-DD)", default=start,
        check=answers.date(lambda day: _not_before(day, granted, "bevillingen")),
    )  # fmt: skip
    ends = asker.value(
        given, "end", "Slut (ÅÅÅÅ-MM-DD)",
        check=answers.date(lambda day: _not_before(day, begins, "testens start")),
    )  # fmt: skip
    status = asker.value(
        given, "status", f"Status ({choice_words('test_status')})",
        default=TestStatus.PLANNED, check=answers.choice(TEST_STATUS, "en status"),
    )  # fmt: skip
    data = {"step": step, **texts, "success_criteria": criteria, "budget": budget}
    data |= {"start": begins, "end": ends, "status": status}
    data["result"] = _ask_result(asker, given, status)
    return drop_empty(data)


def _not_before(day: str, earliest: Any, what: str) -> str | None:
    if isinstance(earliest, str) and day < earliest:
        return f"Datoen er før {what} ({earliest})."
    return None


def _ask_result(asker: Asker, given: Given, status: str | None) -> dict[str, Any]:
    """The result of a test card: only when it is done."""
    if status != TestStatus.DONE:
        if any(given.get(name) for name in _RESULT_OPTIONS):
            raise PortfolioError(
                "--result-outcome, --result-learning og --evidence hører kun til et testkort "
                "med status done."
            )
        return {}
    outcome = asker.value(
        given, "result_outcome",
        f"Resultat ({choice_words('test_outcome')})",
        check=answers.choice(TEST_OUTCOMES, "et udfald"),
    )  # fmt: skip
    learning = asker.text(given, "result_learning", "Læring")
    evidence = asker.items(
        given, "evidence", "Links til dokumentation (valgfri; adskilt af komma)",
        option="--evidence", check=answers.link,
    )  # fmt: skip
    return drop_empty({"outcome": outcome, "learning": learning, "evidence": evidence})
