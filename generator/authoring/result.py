"""Finished test cards: the idea owner reports what the test of a step showed.

`portfolio new result` turns the current step's test card (planned or running) into a done
one with its `result`; it is the one change `portfolio new` makes to a record that exists.
A card already done is never changed (decisions and finished cards are history, L11).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.authoring import answers
from generator.authoring.drafts import Draft, testcard_draft
from generator.authoring.prompts import Asker, drop_empty, find_idea
from generator.errors import PortfolioError
from generator.kinds import TestStatus
from generator.load import read_record
from generator.load.yaml_reader import Parsed
from generator.model import Idea, Portfolio, TestCard
from generator.settings import Settings
from generator.vocabulary import choice_shown, choice_words, format_date

Given = Mapping[str, Any]


def ask_result(asker: Asker, settings: Settings, portfolio: Portfolio, given: Given) -> list[Draft]:
    """The current step's test card, done, with its outcome, learning and evidence."""
    idea = find_idea(portfolio, given.get("idea_id"), asker)
    card = _open_card(idea, given.get("step"))
    asker.say(f"Testkortet for trin {card.step}: {card.question}")
    outcome = asker.value(
        given, "outcome", f"Resultat ({choice_words('test_outcome')})",
        check=answers.choice(choice_shown("test_outcome"), "et resultat"),
    )  # fmt: skip
    learning = asker.text(given, "learning", "Læring: hvad testen lærte jer")
    evidence = asker.items(
        given, "evidence", "Links til evidens (valgfri; adskilt af komma)", option="--evidence",
        check=answers.link,
    )  # fmt: skip
    last_day = min(card.end, settings.today) if card.start <= settings.today else card.end
    end = asker.value(
        given, "end", "Testens reelle slutdato", default=last_day,
        check=answers.date(lambda day: _within(day, card, settings.today)),
    )  # fmt: skip
    asker.finish()
    data = dict(_card_data(settings, idea, card))
    data |= {"end": end, "status": TestStatus.DONE}
    data["result"] = drop_empty({"outcome": outcome, "learning": learning, "evidence": evidence})
    draft = testcard_draft(idea.idea_id, data)
    return [Draft(draft.kind, draft.relpath, draft.data, replaces=True)]


def _open_card(idea: Idea, step: Any) -> TestCard:
    """The test card to finish: of the step given, else of the current (highest) step."""
    number = int(step) if step else idea.state.step
    if number == 0:
        raise PortfolioError(
            f"Ideen '{idea.title}' har endnu intet investeringstrin, så der er intet testkort "
            "at afslutte."
        )
    card = idea.test_card(number)
    if card is None:
        raise PortfolioError(f"Ideen '{idea.title}' har intet testkort for trin {number}.")
    if card.status == TestStatus.DONE:
        raise PortfolioError(
            f"Testkortet for trin {number} af '{idea.title}' er allerede afsluttet; et afsluttet "
            "testkort ændres ikke."
        )
    return card


def _within(day: str, card: TestCard, today: str) -> str | None:
    if day < card.start:
        return f"Testen startede {format_date(card.start)}; den kan ikke slutte før."
    if day > today:
        return f"Datoen er efter i dag ({format_date(today)}); skriv den dag, testen sluttede."
    return None


def _card_data(settings: Settings, idea: Idea, card: TestCard) -> dict[str, Any]:
    """The card's fields as they stand in its file, in their order."""
    draft = testcard_draft(idea.idea_id, {"step": card.step})
    rel = draft.relpath.as_posix()
    parsed = read_record(settings.records_dir, rel, settings.display_path(rel))
    if not isinstance(parsed, Parsed):
        raise PortfolioError(f"Testkortet kunne ikke læses: {parsed.message}")
    return parsed.data
