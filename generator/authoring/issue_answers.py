"""An issue form's answers → the fields `portfolio new` takes, and the pull request's title.

Each function reads one form's answers (by field id), says what is wrong in the form's own
words, all at once, and otherwise returns what the command would get as options. The
record is then made and checked exactly as on the command line.
"""

from __future__ import annotations

from typing import Any

from generator.authoring.answers import find_choice, suggestion
from generator.authoring.codeowners import is_owner
from generator.authoring.issue_body import lines_of, list_items
from generator.authoring.issue_forms import (
    DECISION_FORM,
    RESULT_FORM,
    THEME_FORM,
    IssueForm,
    IssueRefusedError,
    field_says,
)
from generator.authoring.next_step import propose_decision
from generator.kinds import DecisionKind
from generator.model import Idea, Portfolio
from generator.schema.dates import is_iso_date
from generator.vocabulary import DECISION_LABELS, read_choice, read_date, read_decision_choice

Answers = dict[str, str]
_CARD = {
    "spoergsmaal": "question",
    "hypotese": "hypothesis",
    "metode": "method",
    "succeskriterier": "success_criteria",
}
_CARD_ALL = (*_CARD, "budget", "start", "slut")


class _Reader:
    """Collects every reason an issue is refused while its answers are read."""

    def __init__(self, form: IssueForm, answers: Answers) -> None:
        self.form, self.answers, self.reasons = form, answers, list[str]()

    def refuse(self, field_id: str, message: str) -> None:
        self.reasons.append(field_says(self.form, field_id, message))

    def date(self, field_id: str) -> str | None:
        text = self.answers.get(field_id, "")
        if not text:
            return None
        day = read_date(text)
        if not is_iso_date(day):
            self.refuse(field_id, f"'{text[:40]}' er ikke en dato; skriv fx 4. december 2026.")
            return None
        return day

    def idea(self, portfolio: Portfolio) -> Idea | None:
        text = " ".join(self.answers.get("ide", "").split())
        titles = {key: idea.title for key, idea in portfolio.ideas.items()}
        found = find_choice(text, titles)
        if found is None:
            hint = suggestion(text, titles)
            self.refuse("ide", f"'{text[:60]}' er ikke en idé i porteføljen.{hint}")
            return None
        return portfolio.ideas[found]

    def done(self) -> None:
        if self.reasons:
            raise IssueRefusedError(self.form, self.reasons)


def decision_answers(answers: Answers, portfolio: Portfolio) -> tuple[dict[str, Any], str]:
    """The options of `portfolio new decision`, and the title 'Beslutning: Screening – …'."""
    read = _Reader(DECISION_FORM, answers)
    idea = read.idea(portfolio)
    chosen = read_decision_choice(answers["beslutning"])
    if chosen is None:
        read.refuse("beslutning", "vælg en af formularens beslutninger.")
    kind, outcome = chosen or (None, None)
    given: dict[str, Any] = {"idea_id": idea.idea_id if idea else None, "kind": kind}
    given |= {"outcome": outcome, "date": read.date("dato")}
    given |= {"decided_by": answers["besluttet_af"], "rationale": answers["begrundelse"]}
    _ending(read, kind, given)
    _test_card(read, kind, given)
    read.done()
    assert idea is not None and kind is not None
    step = propose_decision(idea, portfolio.ladder).step
    label = (
        f"Investeringstrin {step}"
        if kind == DecisionKind.INVESTMENT
        else DECISION_LABELS[DecisionKind(kind)]
    )
    return given, f"Beslutning: {label} – {idea.title}"


def _ending(read: _Reader, kind: str | None, given: dict[str, Any]) -> None:
    learning, to = read.answers.get("laering", ""), read.answers.get("videre_til", "")
    if kind in (DecisionKind.CLOSE, DecisionKind.GRADUATE):
        if not learning:
            read.refuse("laering", "skriv, hvad I har lært, ved lukning og videreførelse.")
        given["learning"] = learning
    elif learning and kind:
        read.refuse("laering", "hører kun til lukning og videreførelse; tøm feltet.")
    if kind == DecisionKind.GRADUATE:
        given["to"] = read_choice("graduate_to", to) if to else None
        if given["to"] is None:
            read.refuse("videre_til", "vælg, hvor ideen videreføres til.")
    elif to and kind:
        read.refuse("videre_til", "hører kun til en videreførelse; vælg intet.")


def _test_card(read: _Reader, kind: str | None, given: dict[str, Any]) -> None:
    """An investment's test card; any other decision leaves the card's fields empty."""
    if kind != DecisionKind.INVESTMENT:
        for field_id in _CARD_ALL:
            if read.answers.get(field_id) and kind:
                read.refuse(field_id, "hører kun til testkortet for et nyt investeringstrin.")
        return
    for field_id, key in _CARD.items():
        text = read.answers.get(field_id, "")
        if not text:
            read.refuse(field_id, "skal udfyldes, når der bevilges et investeringstrin.")
        given[key] = lines_of(text) if key == "success_criteria" else text
    budget = read.answers.get("budget", "").replace(".", "").replace(" ", "").removesuffix("kr")
    if budget and not (budget.isascii() and budget.isdigit()):
        read.refuse("budget", "skriv beløbet i hele kroner med cifre, fx 25000.")
    given["budget"] = int(budget) if budget.isascii() and budget.isdigit() else None
    given |= {"start": read.date("start"), "end": read.date("slut")}
    if not read.answers.get("slut"):
        read.refuse("slut", "skriv testens planlagte sidste dag.")


def result_answers(answers: Answers, portfolio: Portfolio) -> tuple[dict[str, Any], str]:
    """The options of `portfolio new result`, and the title 'Testresultat: …, trin 1'."""
    read = _Reader(RESULT_FORM, answers)
    idea = read.idea(portfolio)
    step_text = answers.get("trin", "").strip().removeprefix("trin").strip()
    if step_text and not (step_text.isascii() and step_text.isdigit()):
        read.refuse("trin", f"'{step_text[:20]}' er ikke et trins nummer; skriv fx 1.")
    outcome = read_choice("test_outcome", answers["resultat"])
    if outcome is None:
        read.refuse("resultat", "vælg Bekræftet, Afkræftet eller Uafklaret.")
    given: dict[str, Any] = {"idea_id": idea.idea_id if idea else None, "outcome": outcome}
    given |= {"step": int(step_text) if step_text.isdigit() else None}
    given |= {"learning": answers["laering"], "evidence": lines_of(answers.get("evidens", ""))}
    given["end"] = read.date("slut")
    read.done()
    assert idea is not None
    return given, f"Testresultat: {idea.title}, trin {given['step'] or idea.state.step}"


def theme_answers(answers: Answers, portfolio: Portfolio) -> tuple[dict[str, Any], str]:
    """The options of `portfolio new theme`, and the title 'Nyt tema: …'."""
    read = _Reader(THEME_FORM, answers)
    name = " ".join(answers["navn"].split())
    kind = read_choice("theme_kind", answers["art"])
    if kind is None:
        read.refuse("art", "vælg Tema eller Indsatsområde.")
    departments = {d.department_id: d.name for d in portfolio.departments.values()}
    anchored: list[str] = []
    for word in list_items(answers.get("afdelinger", "")):
        found = find_choice(word, departments)
        if found is None:
            hint = suggestion(word, departments)
            read.refuse("afdelinger", f"'{word[:60]}' er ikke en magistratsafdeling.{hint}")
        anchored.append(found or word)
    reviewers = lines_of(answers["reviewere"])
    for reviewer in reviewers:
        if not is_owner(reviewer):
            read.refuse(
                "reviewere", f"'{reviewer[:60]}' er ikke et GitHub-hold; skriv fx @org/hold."
            )
    given: dict[str, Any] = {"name": name, "kind": kind, "anchored_in": anchored}
    given |= {"start": read.date("start"), "end": read.date("slut"), "reviewers": reviewers}
    given |= {"description": answers.get("beskrivelse", "")}
    for field_id, key in (
        ("det_vi_tror_paa", "beliefs"),
        ("investeringsomraader", "investment_areas"),
        ("kriterier", "criteria"),
    ):
        given[key] = lines_of(answers.get(field_id, ""))
    read.done()
    return given, f"Nyt tema: {name}"
