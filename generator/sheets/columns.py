"""Spreadsheet tables: the sheets Ideer, Beslutninger and Testkort, column by column.

One table serves both directions: the render stage writes portefoelje.xlsx from it, and
`portfolio import` reads a sheet back through it. A column either holds a record field
(its path, e.g. `owner.department`) or is derived for the reader (a name beside an id, the
status) and is left out on the way back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from generator.model import Decision, Idea, Portfolio, TestCard
from generator.vocabulary import (
    DECISION_LABELS,
    GRADUATE_LABELS,
    SCREENING_OUTCOME_LABELS,
    TEST_OUTCOME_LABELS,
    TEST_STATUS_LABELS,
)

ValueKind = Literal["text", "id", "date", "kroner", "number", "list", "choice", "flag"]
Reader = Callable[[Any, Portfolio], object]


@dataclass(frozen=True)
class SheetColumn:
    """One column: its Danish heading, the record field it holds (None: derived), how its
    cells are typed, its width in characters and how to read it from the model."""

    heading: str
    field: str | None
    kind: ValueKind
    width: int
    read: Reader
    choices: Mapping[Any, str] | None = None  # YAML value → the Danish word the sheet shows


@dataclass(frozen=True)
class Table:
    """A sheet: its name and its columns in order."""

    sheet: str
    columns: tuple[SheetColumn, ...]

    def column(self, heading: str) -> SheetColumn | None:
        return next((c for c in self.columns if c.heading == heading), None)

    def field_column(self, field: str) -> SheetColumn | None:
        return next((c for c in self.columns if c.field == field), None)


def _names(ids: tuple[str, ...], names: Mapping[str, str]) -> list[str]:
    return [names.get(i, i) for i in ids]


def _department_names(portfolio: Portfolio) -> dict[str, str]:
    return {key: d.name for key, d in portfolio.departments.items()}


def _theme_name(idea: Idea, portfolio: Portfolio) -> str:
    theme = portfolio.themes.get(idea.theme)
    return theme.name if theme else ""


def _idea_title(idea_id: str, portfolio: Portfolio) -> str:
    idea = portfolio.ideas.get(idea_id)
    return idea.title if idea else ""


def _col(  # noqa: PLR0917 (a table row reads best as one call)
    heading: str,
    field: str | None,
    kind: ValueKind,
    width: int,
    read: Reader,
    choices: Mapping[Any, str] | None = None,
) -> SheetColumn:
    return SheetColumn(heading, field, kind, width, read, choices)


IDEAS = Table(
    "Ideer",
    (
        _col("Id", "id", "id", 30, lambda i, p: i.idea_id),
        _col("Titel", "title", "text", 40, lambda i, p: i.title),
        _col("Tema-id", "theme", "id", 28, lambda i, p: i.theme),
        _col("Tema", None, "text", 28, _theme_name),
        _col("Indsendt", "submitted", "date", 12, lambda i, p: i.submitted),
        _col("Status", None, "text", 20, lambda i, p: i.state.label_da),
        _col("Trin", None, "number", 6, lambda i, p: i.state.step),
        _col("Bevilget (kr.)", None, "kroner", 14, lambda i, p: i.state.granted),
        _col("Resumé", "summary", "text", 60, lambda i, p: i.summary),
        _col("Væsentlig udfordring", "problem", "text", 60, lambda i, p: i.problem),
        _col("Konkret målgruppe", "target_group", "text", 50, lambda i, p: i.target_group),
        _col("Gevinstpotentiale", "benefit_potential", "text", 60,
             lambda i, p: i.benefit_potential),
        _col("Afdelinger (id)", "departments", "list", 34, lambda i, p: list(i.departments)),
        _col("Afdelinger", None, "list", 34,
             lambda i, p: _names(i.departments, _department_names(p))),
        _col("Ejerafdeling (id)", "owner.department", "id", 30, lambda i, p: i.owner.department),
        _col("Ejerafdeling", None, "text", 30,
             lambda i, p: _department_names(p).get(i.owner.department, "")),
        _col("Enhed", "owner.unit", "text", 26, lambda i, p: i.owner.unit),
        _col("Kontakt", "owner.contact", "text", 28, lambda i, p: i.owner.contact),
        _col("Samarbejdspartnere", "partners", "list", 34, lambda i, p: list(i.partners)),
        _col("Emneord", "tags", "list", 26, lambda i, p: list(i.tags)),
        _col("Eksempel", "example", "flag", 10, lambda i, p: i.example),
    ),
)  # fmt: skip


def _decision(read: Callable[[Decision], object]) -> Reader:
    return lambda d, p: read(d)


DECISIONS = Table(
    "Beslutninger",
    (
        _col("Idé-id", "idea", "id", 30, lambda d, p: d.idea_id),
        _col("Idé", None, "text", 40, lambda d, p: _idea_title(d.idea_id, p)),
        _col("Dato", "date", "date", 12, _decision(lambda d: d.date)),
        _col("Slags", "kind", "choice", 14, _decision(lambda d: d.kind), DECISION_LABELS),
        _col("Besluttet af", "decided_by", "text", 24, _decision(lambda d: d.decided_by)),
        _col("Begrundelse", "rationale", "text", 60, _decision(lambda d: d.rationale)),
        _col("Udfald", "outcome", "choice", 20, _decision(lambda d: d.outcome),
             SCREENING_OUTCOME_LABELS),
        _col("Trin", "step", "number", 6, _decision(lambda d: d.step)),
        _col("Beløb (kr.)", "amount", "kroner", 14, _decision(lambda d: d.amount)),
        _col("Videreført til", "to", "choice", 24, _decision(lambda d: d.to), GRADUATE_LABELS),
        _col("Læring", "learning", "text", 60, _decision(lambda d: d.learning)),
        _col("Pull request", "pull_request", "text", 40, _decision(lambda d: d.pull_request)),
    ),
)  # fmt: skip


def _card(read: Callable[[TestCard], object]) -> Reader:
    return lambda t, p: read(t)


def _result(read: Callable[[Any], object]) -> Reader:
    return lambda t, p: read(t.result) if t.result is not None else None


TESTS = Table(
    "Testkort",
    (
        _col("Idé-id", "idea", "id", 30, lambda t, p: t.idea_id),
        _col("Idé", None, "text", 40, lambda t, p: _idea_title(t.idea_id, p)),
        _col("Trin", "step", "number", 6, _card(lambda t: t.step)),
        _col("Spørgsmål", "question", "text", 50, _card(lambda t: t.question)),
        _col("Hypotese", "hypothesis", "text", 50, _card(lambda t: t.hypothesis)),
        _col("Metode", "method", "text", 50, _card(lambda t: t.method)),
        _col("Succeskriterier", "success_criteria", "list", 50,
             _card(lambda t: list(t.success_criteria))),
        _col("Budget (kr.)", "budget", "kroner", 14, _card(lambda t: t.budget)),
        _col("Start", "start", "date", 12, _card(lambda t: t.start)),
        _col("Slut", "end", "date", 12, _card(lambda t: t.end)),
        _col("Status", "status", "choice", 12, _card(lambda t: t.status), TEST_STATUS_LABELS),
        _col("Resultat", "result.outcome", "choice", 14, _result(lambda r: r.outcome),
             TEST_OUTCOME_LABELS),
        _col("Læring", "result.learning", "text", 60, _result(lambda r: r.learning)),
        _col("Evidens", "result.evidence", "list", 40, _result(lambda r: list(r.evidence))),
    ),
)  # fmt: skip

TABLES = (IDEAS, DECISIONS, TESTS)


def table_rows(table: Table, portfolio: Portfolio, ideas: list[Idea]) -> list[Any]:
    """The model objects a table has one row for: ideas, their decisions or test cards."""
    if table is IDEAS:
        return list(ideas)
    if table is DECISIONS:
        return [d for idea in ideas for d in idea.decisions]
    return [t for idea in ideas for t in idea.tests]
