"""Review stage: two portfolios and the files changed between them → the Review, plain data.

No I/O here: the before and after portfolios, the changed paths and the problems come in,
and what a reviewer decides on comes out, ready for a renderer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Literal, TypeVar

from generator.kinds import DecisionKind, Status, TestStatus
from generator.model import Decision, Idea, Portfolio, TestCard
from generator.problems import Problem
from generator.review.themes import ThemeReview, review_themes

Change = Literal["added", "changed", "deleted"]
_Record = TypeVar("_Record", Decision, TestCard)


@dataclass(frozen=True)
class DecisionChange:
    """A decision file added, changed or deleted; `granted_so_far` sums the investments up
    to and including this one (investments only)."""

    change: Change
    decision: Decision
    granted_so_far: int | None = None


@dataclass(frozen=True)
class TestCardChange:
    """A test card added, changed or deleted, with its status at the revision."""

    change: Change
    card: TestCard
    status_before: TestStatus | None = None


@dataclass(frozen=True)
class IdeaReview:
    """One idea the change touches: who it is, where it stands, what the change does."""

    idea_id: str
    title: str
    theme_name: str | None
    department_names: tuple[str, ...]
    status_before: Status | None  # None: the idea is new
    status_after: Status | None  # None: deleted, or its card cannot be read now
    granted: int
    new_idea: Idea | None  # the card of a new idea
    card: Idea | None  # the card as it reads now (or, deleted, as it read): what is decided on
    reviewers: tuple[str, ...]  # the theme's reviewers, whose approval makes the decision
    card_changed: bool
    card_deleted: bool
    decisions: tuple[DecisionChange, ...]
    tests: tuple[TestCardChange, ...]
    files: tuple[str, ...]  # the files changed, relative to the records folder


@dataclass(frozen=True)
class Review:
    """What the change since `base` does to the portfolio, and what is wrong with it."""

    base: str
    ideas: tuple[IdeaReview, ...]
    other_files: tuple[str, ...]  # changed records outside ideas/: ladder, themes, departments
    problems: tuple[Problem, ...]  # L11 first
    failed: bool
    ladder_total: int
    currency: str
    site_url: str | None = None
    themes: tuple[ThemeReview, ...] = ()
    department_names: Mapping[str, str] = field(default_factory=dict)

    @property
    def touches_records(self) -> bool:
        return bool(self.ideas or self.other_files)


def build_review(
    base: str,
    before: Portfolio,
    after: Portfolio,
    changed: Mapping[str, Change],
    problems: list[Problem],
    *,
    failed: bool,
    site_url: str | None = None,
) -> Review:
    """The Review of a change: `changed` maps paths relative to the records folder to how
    they changed."""
    by_idea: dict[str, dict[str, Change]] = defaultdict(dict)
    other: list[str] = []
    for rel, change in sorted(changed.items()):
        parts = rel.split("/")
        if parts[0] == "ideas" and len(parts) > 2:
            by_idea[parts[1]][rel] = change
        else:
            other.append(rel)
    ideas = tuple(
        review_idea(idea_id, before, after, files) for idea_id, files in sorted(by_idea.items())
    )
    return Review(
        base=base,
        ideas=ideas,
        other_files=tuple(other),
        problems=tuple(problems_in_order(problems)),
        failed=failed,
        ladder_total=sum(step.amount for step in after.ladder.steps),
        currency=after.ladder.currency,
        site_url=site_url,
        themes=review_themes(before, after, changed),
        department_names={d.department_id: d.name for d in after.departments.values()},
    )


def problems_in_order(problems: list[Problem]) -> list[Problem]:
    """L11 first (a decision already made was changed), then errors, then warnings."""
    return sorted(problems, key=lambda p: (p.code != "L11", p.severity != "error"))


def review_idea(
    idea_id: str, before: Portfolio, after: Portfolio, files: Mapping[str, Change]
) -> IdeaReview:
    """What the change does to one idea."""
    old = before.ideas.get(idea_id)
    new = after.ideas.get(idea_id)
    shown = new or old
    card = f"ideas/{idea_id}/idea.yaml"
    theme = after.themes.get(shown.theme) if shown else None
    departments = shown.departments if shown else ()
    return IdeaReview(
        idea_id=idea_id,
        title=shown.title if shown else idea_id,
        theme_name=theme.name if theme else (shown.theme if shown else None),
        department_names=tuple(
            after.departments[d].name if d in after.departments else d for d in departments
        ),
        status_before=old.state.status if old else None,
        status_after=new.state.status if new else None,
        granted=new.state.granted if new else 0,
        new_idea=new if old is None and files.get(card) == "added" else None,
        card=shown,
        reviewers=theme.reviewers if theme else (),
        card_changed=old is not None and files.get(card) == "changed",
        card_deleted=files.get(card) == "deleted",
        decisions=tuple(_decision_changes(idea_id, old, new, files)),
        tests=tuple(_test_card_changes(idea_id, old, new, files)),
        files=tuple(sorted(files)),
    )


def _by_file(idea_id: str, folder: str, records: Sequence[_Record]) -> dict[str, _Record]:
    return {f"ideas/{idea_id}/{folder}/{PurePosixPath(r.source.file).name}": r for r in records}


def _decision_changes(
    idea_id: str, old: Idea | None, new: Idea | None, files: Mapping[str, Change]
) -> list[DecisionChange]:
    """The decisions whose files changed, in the order they apply."""
    before = _by_file(idea_id, "decisions", old.decisions if old else ())
    after = _by_file(idea_id, "decisions", new.decisions if new else ())
    granted: dict[str, int] = {}
    total = 0
    for rel, applied in after.items():  # in the order the decisions apply
        if applied.kind == DecisionKind.INVESTMENT:
            total += applied.amount or 0
            granted[rel] = total
    changes: list[DecisionChange] = []
    for rel, change in files.items():
        decision = after.get(rel) or before.get(rel)
        if decision is not None:
            changes.append(DecisionChange(change, decision, granted.get(rel)))
    return sorted(changes, key=lambda c: c.decision.order_key)


def _test_card_changes(
    idea_id: str, old: Idea | None, new: Idea | None, files: Mapping[str, Change]
) -> list[TestCardChange]:
    """The test cards whose files changed, by step."""
    before = _by_file(idea_id, "tests", old.tests if old else ())
    after = _by_file(idea_id, "tests", new.tests if new else ())
    changes: list[TestCardChange] = []
    for rel, change in files.items():
        card = after.get(rel) or before.get(rel)
        previous = before.get(rel)
        if card is not None:
            status_before = previous.status if previous else None
            changes.append(TestCardChange(change, card, status_before))
    return sorted(changes, key=lambda c: c.card.step)
