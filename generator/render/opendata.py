"""Render stage, open data: portfolio.json and the CSV tables (no I/O).

Each column and field carries its Danish explanation here, so the /data/ page documents
exactly what the files hold.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.model import Decision, Idea, Portfolio, TestCard, Theme
from generator.render.views import shown_ideas
from generator.sheets.guard import guard_csv


@dataclass(frozen=True)
class Column:
    """One column of a CSV table: its name, its Danish explanation and how to read it."""

    name: str
    explanation: str
    read: Callable[[Any], object]


def _join(values: tuple[str, ...]) -> str:
    return ";".join(values)


IDEA_COLUMNS = (
    Column("id", "Ideens id (mappens navn).", lambda i: i.idea_id),
    Column("title", "Ideen på én linje.", lambda i: i.title),
    Column("theme", "Id på temaet, ideen hører til.", lambda i: i.theme),
    Column("submitted", "Datoen, ideen blev indsendt (ÅÅÅÅ-MM-DD).", lambda i: i.submitted),
    Column(
        "status",
        "Afledt status: submitted, pitch, rejected, step-N, closed eller graduated.",
        lambda i: i.state.status,
    ),
    Column("status_da", "Status på dansk, som på sitet.", lambda i: i.state.label_da),
    Column("step", "Højeste bevilgede investeringstrin (0 hvis intet).", lambda i: i.state.step),
    Column("granted", "Samlet bevilget beløb i kroner.", lambda i: i.state.granted),
    Column(
        "departments",
        "Magistratsafdelingernes id'er, adskilt af semikolon.",
        lambda i: _join(i.departments),
    ),
    Column(
        "owner_department", "Id på den afdeling, der bærer ideen.", lambda i: i.owner.department
    ),
    Column("partners", "Samarbejdspartnere, adskilt af semikolon.", lambda i: _join(i.partners)),
    Column("tags", "Nøgleord, adskilt af semikolon.", lambda i: _join(i.tags)),
    Column(
        "example",
        "true, når ideen er et fiktivt eksempel.",
        lambda i: "true" if i.example else "false",
    ),
    Column("decisions", "Antal beslutninger.", lambda i: len(i.decisions)),
)

DECISION_COLUMNS = (
    Column("idea_id", "Id på ideen, beslutningen gælder.", lambda d: d.idea_id),
    Column("date", "Beslutningens dato (ÅÅÅÅ-MM-DD).", lambda d: d.date),
    Column("kind", "Slags: screening, investment, close eller graduate.", lambda d: d.kind),
    Column("decided_by", "Det forum, der traf beslutningen.", lambda d: d.decided_by),
    Column("outcome", "Ved screening: fit eller no-fit.", lambda d: d.outcome or ""),
    Column("step", "Ved investering: det bevilgede trin.", lambda d: d.step or ""),
    Column("amount", "Ved investering: beløbet i kroner.", lambda d: d.amount or ""),
    Column(
        "to",
        "Ved videreførelse: operations, internal-fund eller external-fund.",
        lambda d: d.to or "",
    ),
    Column("rationale", "Begrundelsen (Markdown).", lambda d: d.rationale),
    Column(
        "learning",
        "Ved lukning og videreførelse: det lærte (Markdown).",
        lambda d: d.learning or "",
    ),
    Column(
        "pull_request",
        "Link til den pull request, hvis godkendelse er beslutningen.",
        lambda d: d.pull_request or "",
    ),
)

JSON_FIELDS = (
    ("ladder[]", "Investeringstrappens trin: step (nummer), amount (beløb) og currency (valuta)."),
    (
        "themes[]",
        "Temaer og indsatsområder: id, name, kind (theme eller focus-area), period "
        "(start, end) og de valgfri felter anchored_in, reviewers, description, beliefs, "
        "investment_areas og criteria, som i posterne.",
    ),
    ("ideas[]", "Ideerne med alle idekortets felter (som i posterne) og id."),
    (
        "ideas[].status",
        "Afledt status, aldrig gemt: submitted, pitch, rejected, step-N, closed eller graduated.",
    ),
    ("ideas[].status_da", "Status på dansk."),
    ("ideas[].step", "Højeste bevilgede trin (0 hvis intet)."),
    ("ideas[].granted", "Summen af ideens investeringer i kroner."),
    (
        "ideas[].decisions[]",
        "Ideens beslutninger i den rækkefølge, de gælder, med deres felter som i posterne.",
    ),
    ("ideas[].tests[]", "Ideens testkort efter trin, med deres felter som i posterne."),
)


def _safe_cell(value: object) -> object:
    """Text of which any item a spreadsheet would read as a formula gets an apostrophe."""
    return guard_csv(value) if isinstance(value, str) else value


def _table(columns: tuple[Column, ...], rows: list[Any]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    for row in rows:
        writer.writerow([_safe_cell(c.read(row)) for c in columns])
    return out.getvalue().encode("utf-8")


def ideas_csv(portfolio: Portfolio) -> bytes:
    """ideer.csv: one row an idea."""
    return _table(IDEA_COLUMNS, shown_ideas(portfolio))


def decisions_csv(portfolio: Portfolio) -> bytes:
    """beslutninger.csv: one row a decision, by idea then in the order they apply."""
    decisions = [d for idea in shown_ideas(portfolio) for d in idea.decisions]
    return _table(DECISION_COLUMNS, decisions)


def _drop_none(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if v is not None and v != ()}


def _decision_json(d: Decision) -> dict[str, Any]:
    return _drop_none(
        {
            "date": d.date,
            "kind": d.kind,
            "decided_by": d.decided_by,
            "rationale": d.rationale,
            "pull_request": d.pull_request,
            "outcome": d.outcome,
            "step": d.step,
            "amount": d.amount,
            "learning": d.learning,
            "to": d.to,
        }
    )


def _test_json(t: TestCard) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "step": t.step,
        "question": t.question,
        "hypothesis": t.hypothesis,
        "method": t.method,
        "success_criteria": list(t.success_criteria),
        "budget": t.budget,
        "start": t.start,
        "end": t.end,
        "status": t.status,
    }
    if t.result is not None:
        fields["result"] = _drop_none(
            {
                "outcome": t.result.outcome,
                "learning": t.result.learning,
                "evidence": list(t.result.evidence) or None,
            }
        )
    return fields


def _idea_json(idea: Idea) -> dict[str, Any]:
    state = idea.state
    owner = _drop_none(
        {
            "department": idea.owner.department,
            "unit": idea.owner.unit,
            "contact": idea.owner.contact,
        }
    )
    return _drop_none(
        {
            "id": idea.idea_id,
            "title": idea.title,
            "theme": idea.theme,
            "submitted": idea.submitted,
            "status": state.status,
            "status_da": state.label_da,
            "step": state.step,
            "granted": state.granted,
            "summary": idea.summary,
            "problem": idea.problem,
            "target_group": idea.target_group,
            "benefit_potential": idea.benefit_potential,
            "departments": list(idea.departments),
            "partners": list(idea.partners) or None,
            "owner": owner,
            "tags": list(idea.tags) or None,
            "example": idea.example,
            "decisions": [_decision_json(d) for d in idea.decisions],
            "tests": [_test_json(t) for t in idea.tests],
        }
    )


def _theme_json(theme: Theme) -> dict[str, Any]:
    return _drop_none(
        {
            "id": theme.theme_id,
            "name": theme.name,
            "kind": theme.kind,
            "period": {"start": theme.period_start, "end": theme.period_end},
            "anchored_in": list(theme.anchored_in) or None,
            "reviewers": list(theme.reviewers) or None,
            "description": theme.description,
            "beliefs": list(theme.beliefs) or None,
            "investment_areas": list(theme.investment_areas) or None,
            "criteria": list(theme.criteria) or None,
        }
    )


def portfolio_json(portfolio: Portfolio) -> bytes:
    """portfolio.json: {"ladder": [...], "themes": [...], "ideas": [...]}."""
    currency = portfolio.ladder.currency
    document = {
        "ladder": [
            {"step": s.step, "amount": s.amount, "currency": currency}
            for s in portfolio.ladder.steps
        ],
        "themes": [_theme_json(t) for _, t in sorted(portfolio.themes.items())],
        "ideas": [_idea_json(idea) for idea in shown_ideas(portfolio)],
    }
    # Compact: the indented encoder is pure Python and many times slower.
    return (json.dumps(document, ensure_ascii=False) + "\n").encode("utf-8")
