"""The whole check: load → schema → model → rules, as one call."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from generator.assemble import assemble
from generator.load import Loaded, load_records
from generator.model import Idea, Portfolio
from generator.problems import Problem, errors_in, sort_problems
from generator.rules import RuleContext, run_rules
from generator.rules.privacy import mask_personal_data
from generator.schema import Schemas, check_schemas, load_schemas
from generator.settings import Settings


@dataclass(frozen=True)
class Checked:
    """The portfolio built from every schema-valid record, and every problem found."""

    portfolio: Portfolio
    problems: list[Problem]
    strict: bool = False

    @property
    def failing(self) -> list[Problem]:
        """The problems that fail validation (warnings too, when strict)."""
        return errors_in(self.problems, strict=self.strict)

    @property
    def failed(self) -> bool:
        return bool(self.failing)


def check_portfolio(settings: Settings) -> Checked:
    """Load, check and model every record under settings.records_dir."""
    with _without_cycle_collection():
        return _check(settings)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Records are trees of dicts and lists, freed by reference counting alone; the cycle
    collector would only walk the growing heap again and again (a tenth of the time at
    10,000 ideas). It runs again, and collects anything left, when the check is done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _check(settings: Settings) -> Checked:
    loaded = load_records(settings)
    schemas = load_schemas(settings.schemas_dir)
    valid, schema_problems = check_schemas(loaded.records, schemas)
    portfolio = assemble(valid)
    unreadable = frozenset(
        [*(p.file for p in [*loaded.problems, *schema_problems]), *(s.file for s in loaded.strays)]
    )
    context = RuleContext(
        _complete_only(portfolio, loaded, unreadable), loaded, settings, unreadable
    )
    problems = [*loaded.problems, *schema_problems, *run_rules(context)]
    return Checked(portfolio, sort_problems(map(_masked, problems)), settings.strict)


@dataclass(frozen=True)
class IdeaRecheck:
    """One idea checked again on its own: the idea when its files are clean, else whether
    its folder is gone or a file of it has a problem (which the full check will name)."""

    idea: Idea | None = None
    gone: bool = False


def recheck_idea(settings: Settings, schemas: Schemas, idea_id: str) -> IdeaRecheck:
    """One idea's folder through the check's own stages (load, schema, model), for the live
    preview's quick path; the rules, which need the whole portfolio, wait for the full check."""
    folder = f"ideas/{idea_id}"
    if not (settings.records_dir / folder).is_dir():
        return IdeaRecheck(gone=True)
    loaded = load_records(settings, under=folder)
    valid, schema_problems = check_schemas(loaded.records, schemas)
    if loaded.problems or loaded.strays or schema_problems:
        return IdeaRecheck()
    return IdeaRecheck(assemble(valid).ideas.get(idea_id))


def _masked(problem: Problem) -> Problem:
    """Messages quote record text and are printed in public CI logs: no personal data there."""
    return replace(problem, message=mask_personal_data(problem.message))


def _complete_only(portfolio: Portfolio, loaded: Loaded, unreadable: frozenset[str]) -> Portfolio:
    """Without the ideas that have a broken file: their rules wait until the file is mended."""
    broken = {ref.idea_id for ref in loaded.files if ref.idea_id and ref.file in unreadable}
    ideas = {key: idea for key, idea in portfolio.ideas.items() if key not in broken}
    return replace(portfolio, ideas=ideas)
