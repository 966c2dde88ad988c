"""Rules stage: the cross-record rules, one function a code, in one table.

Each rule reads the portfolio (and, for names, privacy and comments, the files as loaded;
for L11, the git revision given with --base) and yields problems on the line of the key
that must change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

from generator.kinds import DecisionKind, ThemeKind
from generator.load import Loaded
from generator.model import Decision, Portfolio
from generator.periods import is_open
from generator.problems import Problem
from generator.rules.history import check_append_only
from generator.rules.ladder import (
    check_amounts,
    check_ladder_numbering,
    check_ladder_order,
    check_test_cards,
    check_tests_before_steps,
)
from generator.rules.naming import check_names
from generator.rules.privacy import check_names_for_cpr, check_personal_data
from generator.rules.suggest import Suggester
from generator.rules.warnings import (
    check_comments_after_text,
    check_cross_organisational,
    check_late_test_cards,
    check_open_theme_reviewers,
    check_screening_wait,
)
from generator.settings import Settings


@dataclass(frozen=True)
class RuleContext:
    """What a rule may read: the portfolio, the files as loaded, and the settings."""

    portfolio: Portfolio
    loaded: Loaded
    settings: Settings
    unreadable: frozenset[str] = frozenset()  # files with a yaml or schema problem

    def readable(self, rel: str) -> bool:
        """False when the file (relative to the records folder) has a problem of its own."""
        return self.settings.display_path(rel) not in self.unreadable

    @cached_property
    def department_names(self) -> Suggester:
        return Suggester(self.portfolio.departments)

    @cached_property
    def theme_names(self) -> Suggester:
        return Suggester(self.portfolio.themes)


def check_references(ctx: RuleContext) -> Iterator[Problem]:
    """L02: every theme, department and step named exists."""
    p = ctx.portfolio
    departments_known = ctx.readable("departments.yaml")
    for idea in p.ideas.values():
        if idea.theme not in p.themes and ctx.readable(f"themes/{idea.theme}.yaml"):
            message = f"Temaet '{idea.theme}' findes ikke.{ctx.theme_names.hint(idea.theme)}"
            yield idea.source.problem(("theme",), "L02", message)
        for index, dept in enumerate(idea.departments):
            if departments_known and dept not in p.departments:
                yield idea.source.problem(
                    ("departments", index), "L02", _unknown_department(dept, ctx)
                )
        if departments_known and idea.owner.department not in p.departments:
            message = _unknown_department(idea.owner.department, ctx)
            yield idea.source.problem(("owner", "department"), "L02", message)
        for card in idea.tests:
            if p.ladder.usable and p.ladder.amount(card.step) is None:
                message = f"Trin {card.step} findes ikke på investeringstrappen (højst trin {p.ladder.top})."
                yield card.source.problem(("step",), "L02", message)
    for theme in p.themes.values():
        for index, dept in enumerate(theme.anchored_in):
            if departments_known and dept not in p.departments:
                yield theme.source.problem(
                    ("anchored_in", index), "L02", _unknown_department(dept, ctx)
                )


def _unknown_department(dept: str, ctx: RuleContext) -> str:
    hint = ctx.department_names.hint(dept)
    return f"Afdelingen '{dept}' findes ikke i departments.yaml.{hint}"


def check_theme_period(ctx: RuleContext) -> Iterator[Problem]:
    """L03: an idea's theme is a theme of the ladder, open on the submitted date."""
    for idea in ctx.portfolio.ideas.values():
        theme = ctx.portfolio.themes.get(idea.theme)
        if theme is None:
            continue
        if theme.kind != ThemeKind.THEME:
            message = (
                f"'{theme.name}' er et indsatsområde fra {theme.period_start[:4]}-"
                f"{theme.period_end[:4]}, ikke et tema; vælg et af de seks temaer."
            )
            yield idea.source.problem(("theme",), "L03", message)
        elif not is_open(theme, idea.submitted):
            message = (
                f"Temaet '{theme.name}' gælder fra {theme.period_start} til {theme.period_end}; "
                f"ideen er indsendt {idea.submitted}."
            )
            yield idea.source.problem(("submitted",), "L03", message)


def check_dates(ctx: RuleContext) -> Iterator[Problem]:
    """L04: no idea submitted after today; no decision before the idea was submitted or
    after today."""
    today = ctx.settings.today
    for idea in ctx.portfolio.ideas.values():
        if idea.submitted > today:
            message = (
                f"Ideen er indsendt {idea.submitted}, efter i dag ({today}); "
                "skriv den dato, ideen blev indsendt."
            )
            yield idea.source.problem(("submitted",), "L04", message)
        for decision in idea.decisions:
            if decision.date < idea.submitted:
                message = (
                    f"Beslutningen er dateret {decision.date}, før ideen blev indsendt "
                    f"({idea.submitted})."
                )
                yield decision.source.problem(("date",), "L04", message)
            elif decision.date > today:
                message = f"Beslutningen er dateret {decision.date}, efter i dag ({today})."
                yield decision.source.problem(("date",), "L04", message)


def check_screening_first(ctx: RuleContext) -> Iterator[Problem]:
    """L05: the first decision is the idea's one screening."""
    for idea in ctx.portfolio.ideas.values():
        if idea.decisions and idea.decisions[0].kind != DecisionKind.SCREENING:
            first = idea.decisions[0]
            message = (
                "Den første beslutning om en idé skal være en screening; tilføj screeningen før."
            )
            yield first.source.problem(("kind",), "L05", message)
        screenings = [d for d in idea.decisions if d.kind == DecisionKind.SCREENING]
        for extra in screenings[1:]:
            message = (
                f"Ideen er allerede screenet {screenings[0].date}; der må kun være én screening."
            )
            yield extra.source.problem(("kind",), "L05", message)


def check_nothing_after_end(ctx: RuleContext) -> Iterator[Problem]:
    """L10: nothing follows a no-fit screening, a close or a graduate."""
    for idea in ctx.portfolio.ideas.values():
        ending: Decision | None = None
        for decision in idea.decisions:
            if ending is not None:
                message = (
                    f"Ideens forløb sluttede {ending.date} ({ending.kind}); "
                    "der kan ikke komme flere beslutninger efter."
                )
                yield decision.source.problem(("kind",), "L10", message)
            elif decision.is_ending:
                ending = decision


Rule = Callable[[RuleContext], Iterable[Problem]]

RULES: dict[str, Rule] = {
    # What JSON Schema cannot say about one file: the ladder's steps numbered 1, 2, 3 …
    "schema": lambda ctx: check_ladder_numbering(ctx.portfolio.ladder),
    "L01": lambda ctx: check_names(ctx.loaded, ctx.settings.records_prefix),
    "L02": check_references,
    "L03": check_theme_period,
    "L04": check_dates,
    "L05": check_screening_first,
    "L06": lambda ctx: check_ladder_order(ctx.portfolio),
    "L07": lambda ctx: check_tests_before_steps(ctx.portfolio),
    "L08": lambda ctx: check_amounts(ctx.portfolio),
    "L09": lambda ctx: check_test_cards(ctx.portfolio, ctx.settings.records_prefix),
    "L10": check_nothing_after_end,
    "L11": lambda ctx: check_append_only(ctx.settings),  # [] without --base
    "P01": lambda ctx: chain(
        check_personal_data(ctx.loaded.records), check_names_for_cpr(ctx.loaded.files)
    ),
    "W01": lambda ctx: check_cross_organisational(ctx.portfolio),
    "W02": lambda ctx: check_screening_wait(ctx.portfolio, ctx.settings.today),
    "W03": lambda ctx: check_comments_after_text(ctx.loaded.records),
    "W04": lambda ctx: check_late_test_cards(ctx.portfolio, ctx.settings.today),
    "W05": lambda ctx: check_open_theme_reviewers(ctx.portfolio, ctx.settings.today),
}

# Rules that read the ladder's steps; without a usable ladder they would only add noise.
LADDER_RULES = frozenset({"L06", "L07", "L08", "L09"})


def run_rules(ctx: RuleContext) -> list[Problem]:
    """Every rule of the table over the portfolio."""
    skip = LADDER_RULES if not ctx.portfolio.ladder.usable else frozenset()
    return [problem for code, rule in RULES.items() if code not in skip for problem in rule(ctx)]
