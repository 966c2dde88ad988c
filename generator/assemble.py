"""Model stage: schema-valid raw records → the frozen Portfolio."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from generator.kinds import (
    DecisionKind,
    GraduateTarget,
    RecordKind,
    ScreeningOutcome,
    TestOutcome,
    TestStatus,
    ThemeKind,
)
from generator.load import RawRecord
from generator.model import (
    Decision,
    Department,
    Idea,
    Ladder,
    LadderStep,
    Owner,
    Portfolio,
    TestCard,
    TestResult,
    Theme,
    as_tuple,
    sort_decisions,
)
from generator.problems import Source

EMPTY_LADDER = Ladder(currency="DKK", steps=(), source=Source("records/ladder.yaml"))


def build_ladder(record: RawRecord) -> Ladder:
    steps = tuple(LadderStep(s["step"], s["amount"]) for s in record.data["steps"])
    return Ladder(record.data["currency"], steps, record.source)


def build_departments(record: RawRecord) -> dict[str, Department]:
    return {
        dept_id: Department(dept_id, fields["name"], record.source)
        for dept_id, fields in record.data.items()
    }


def build_theme(record: RawRecord) -> Theme:
    d = record.data
    return Theme(
        theme_id=record.ref.name,
        name=d["name"],
        kind=ThemeKind(d["kind"]),
        period_start=d["period"]["start"],
        period_end=d["period"]["end"],
        source=record.source,
        anchored_in=as_tuple(d.get("anchored_in")),
        reviewers=as_tuple(d.get("reviewers")),
        description=d.get("description"),
        beliefs=as_tuple(d.get("beliefs")),
        investment_areas=as_tuple(d.get("investment_areas")),
        criteria=as_tuple(d.get("criteria")),
    )


def build_decision(record: RawRecord) -> Decision:
    d = record.data
    outcome, to = d.get("outcome"), d.get("to")
    return Decision(
        idea_id=record.ref.idea_id or "",
        date=d["date"],
        kind=DecisionKind(d["kind"]),
        decided_by=d["decided_by"],
        rationale=d["rationale"],
        source=record.source,
        pull_request=d.get("pull_request"),
        outcome=None if outcome is None else ScreeningOutcome(outcome),
        step=d.get("step"),
        amount=d.get("amount"),
        learning=d.get("learning"),
        to=None if to is None else GraduateTarget(to),
    )


def build_test_card(record: RawRecord) -> TestCard:
    d = record.data
    result: dict[str, Any] | None = d.get("result")
    return TestCard(
        idea_id=record.ref.idea_id or "",
        step=d["step"],
        question=d["question"],
        hypothesis=d["hypothesis"],
        method=d["method"],
        success_criteria=as_tuple(d["success_criteria"]),
        budget=d["budget"],
        start=d["start"],
        end=d["end"],
        status=TestStatus(d["status"]),
        source=record.source,
        result=None
        if result is None
        else TestResult(
            TestOutcome(result["outcome"]), result["learning"], as_tuple(result.get("evidence"))
        ),
    )


def build_idea(record: RawRecord, decisions: list[Decision], tests: list[TestCard]) -> Idea:
    d = record.data
    owner = d["owner"]
    return Idea(
        idea_id=record.ref.name,
        title=d["title"],
        theme=d["theme"],
        submitted=d["submitted"],
        summary=d["summary"],
        problem=d["problem"],
        target_group=d["target_group"],
        benefit_potential=d["benefit_potential"],
        departments=as_tuple(d["departments"]),
        owner=Owner(owner["department"], owner.get("unit"), owner.get("contact")),
        source=record.source,
        partners=as_tuple(d.get("partners")),
        tags=as_tuple(d.get("tags")),
        example=bool(d.get("example", False)),
        decisions=sort_decisions(decisions),
        tests=tuple(sorted(tests, key=lambda t: t.step)),
    )


def assemble(records: list[RawRecord]) -> Portfolio:
    """The portfolio of every schema-valid record; an idea needs its own card to appear."""
    ladder = EMPTY_LADDER
    departments: dict[str, Department] = {}
    themes: dict[str, Theme] = {}
    cards: dict[str, RawRecord] = {}
    decisions: dict[str, list[Decision]] = defaultdict(list)
    tests: dict[str, list[TestCard]] = defaultdict(list)
    for record in records:
        kind = record.ref.kind
        if kind == RecordKind.LADDER:
            ladder = build_ladder(record)
        elif kind == RecordKind.DEPARTMENTS:
            departments = build_departments(record)
        elif kind == RecordKind.THEME:
            themes[record.ref.name] = build_theme(record)
        elif kind == RecordKind.IDEA:
            cards[record.ref.name] = record
        elif kind == RecordKind.DECISION:
            decisions[record.ref.idea_id or ""].append(build_decision(record))
        else:
            tests[record.ref.idea_id or ""].append(build_test_card(record))
    ideas = {
        idea_id: build_idea(card, decisions[idea_id], tests[idea_id])
        for idea_id, card in sorted(cards.items())
    }
    return Portfolio(ladder, departments, dict(sorted(themes.items())), ideas)
