"""Rules stage: the cross-record rules, one function a code, in one table.

Each rule reads the portfolio (and, for naming and privacy, the files as loaded) and
yields problems on the line of the key that must change.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import chain

from generator.load import Loaded, RecordFile
from generator.model import KIND_ORDER, Decision, Portfolio
from generator.problems import Problem
from generator.rules.ladder import (
    check_amounts,
    check_ladder_order,
    check_test_cards,
    check_tests_before_steps,
)
from generator.rules.privacy import check_names_for_cpr, check_personal_data
from generator.schema_dates import is_iso_date
from generator.settings import Settings
from generator.vocabulary import MAX_ID_LENGTH, is_slug

DECISION_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<kind>[a-z]+(?:-[a-z]+)*)$")
TEST_NAME = re.compile(r"^step-(?P<step>[1-9][0-9]*)$")
SCREENING_WAIT_DAYS = 60


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


def _name_problems(ref: RecordFile, data: dict[str, object]) -> Iterator[tuple[str, str]]:
    """(key to point at, Danish message) for what is wrong with one file's name."""
    bad_id = not is_slug(ref.name)
    if ref.kind in ("theme", "idea") and bad_id:
        yield (
            "",
            f"Id'et '{ref.name}' følger ikke reglerne: små bogstaver a-z, tal og bindestreger, "
            f"højst {MAX_ID_LENGTH} tegn (æ→ae, ø→oe, å→aa); omdøb mappen eller filen.",
        )
    if ref.kind == "decision":
        date, kind = data.get("date"), data.get("kind")
        if _is_real_date(date) and kind in KIND_ORDER:
            if ref.name != f"{date}-{kind}":
                yield (
                    "date",
                    f"Filen skal hedde {date}-{kind}.yaml efter sin dato og art; omdøb den.",
                )
        elif not DECISION_NAME.match(ref.name):
            yield "", "Filen skal hedde <dato>-<art>.yaml, fx 2020-03-02-screening.yaml; omdøb den."
    if ref.kind == "testcard":
        step = data.get("step")
        if isinstance(step, int) and not isinstance(step, bool) and step >= 1:
            if ref.name != f"step-{step}":
                yield "step", f"Filen skal hedde step-{step}.yaml efter sit trin; omdøb den."
        elif not TEST_NAME.match(ref.name):
            yield "", "Filen skal hedde step-<n>.yaml, fx step-1.yaml; omdøb den."


def _is_real_date(value: object) -> bool:
    """A date the schema accepts; until it does, the file name is not compared with it."""
    return isinstance(value, str) and is_iso_date(value)


def _identity(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def check_names(ctx: RuleContext) -> Iterator[Problem]:
    """L01: ids and file names follow the conventions and stay unique."""
    for record in ctx.loaded.records:
        for key, message in _name_problems(record.ref, record.data):
            yield record.source.problem((key,) if key else (), "L01", message)
    seen: dict[tuple[str, str], str] = {}
    for ref in ctx.loaded.files:
        if ref.kind not in ("theme", "idea"):
            continue
        identity = (ref.kind, _identity(ref.name))
        if identity in seen and seen[identity] != ref.name:
            message = f"Id'et '{ref.name}' er det samme som '{seen[identity]}'; omdøb det ene."
            yield Problem(ref.file, 1, 1, "L01", message)
        seen.setdefault(identity, ref.name)


def check_references(ctx: RuleContext) -> Iterator[Problem]:
    """L02: every theme, department and step named exists."""
    p = ctx.portfolio
    departments_known = ctx.readable("departments.yaml")
    for idea in p.ideas.values():
        if idea.theme not in p.themes and ctx.readable(f"themes/{idea.theme}.yaml"):
            yield idea.source.problem(
                ("theme",),
                "L02",
                f"Temaet '{idea.theme}' findes ikke.{_suggest(idea.theme, list(p.themes))}",
            )
        for index, dept in enumerate(idea.departments):
            if departments_known and dept not in p.departments:
                yield idea.source.problem(
                    ("departments", index), "L02", _unknown_department(dept, p)
                )
        if departments_known and idea.owner.department not in p.departments:
            yield idea.source.problem(
                ("owner", "department"),
                "L02",
                _unknown_department(idea.owner.department, p),
            )
        for card in idea.tests:
            if p.ladder.steps and p.ladder.amount(card.step) is None:
                yield card.source.problem(
                    ("step",),
                    "L02",
                    f"Trin {card.step} findes ikke på investeringstrappen (højst trin {p.ladder.top}).",
                )
    for theme in p.themes.values():
        for index, dept in enumerate(theme.anchored_in):
            if departments_known and dept not in p.departments:
                yield theme.source.problem(
                    ("anchored_in", index), "L02", _unknown_department(dept, p)
                )


# Suggestions compare a name with every known one; beyond this many the work (and the
# message) would grow without helping anyone.
SUGGEST_AMONG = 60


def _suggest(name: str, known: list[str]) -> str:
    if len(known) > SUGGEST_AMONG or len(name) > MAX_ID_LENGTH:
        return ""
    close = difflib.get_close_matches(name, known, n=1)
    return f" Mente du '{close[0]}'?" if close else f" Vælg en af: {', '.join(sorted(known))}."


def _unknown_department(dept: str, portfolio: Portfolio) -> str:
    known = list(portfolio.departments)
    return f"Afdelingen '{dept}' findes ikke i departments.yaml.{_suggest(dept, known)}"


def check_theme_period(ctx: RuleContext) -> Iterator[Problem]:
    """L03: an idea's theme is a theme of the ladder, open on the submitted date."""
    for idea in ctx.portfolio.ideas.values():
        theme = ctx.portfolio.themes.get(idea.theme)
        if theme is None:
            continue
        if theme.kind != "theme":
            yield idea.source.problem(
                ("theme",),
                "L03",
                f"'{theme.name}' er et indsatsområde fra {theme.period_start[:4]}-"
                f"{theme.period_end[:4]}, ikke et tema; vælg et af de seks temaer.",
            )
        elif not theme.period_start <= idea.submitted <= theme.period_end:
            yield idea.source.problem(
                ("submitted",),
                "L03",
                f"Temaet '{theme.name}' gælder fra {theme.period_start} til {theme.period_end}; "
                f"ideen er indsendt {idea.submitted}.",
            )


def check_decision_dates(ctx: RuleContext) -> Iterator[Problem]:
    """L04: no decision before the idea was submitted or after today."""
    today = ctx.settings.today
    for idea in ctx.portfolio.ideas.values():
        for decision in idea.decisions:
            if decision.date < idea.submitted:
                yield decision.source.problem(
                    ("date",),
                    "L04",
                    f"Beslutningen er dateret {decision.date}, før ideen blev indsendt "
                    f"({idea.submitted}).",
                )
            elif decision.date > today:
                yield decision.source.problem(
                    ("date",),
                    "L04",
                    f"Beslutningen er dateret {decision.date}, efter i dag ({today}).",
                )


def check_screening_first(ctx: RuleContext) -> Iterator[Problem]:
    """L05: the first decision is the idea's one screening."""
    for idea in ctx.portfolio.ideas.values():
        if idea.decisions and idea.decisions[0].kind != "screening":
            first = idea.decisions[0]
            yield first.source.problem(
                ("kind",),
                "L05",
                "Den første beslutning om en ide skal være en screening; tilføj screeningen før.",
            )
        screenings = [d for d in idea.decisions if d.kind == "screening"]
        for extra in screenings[1:]:
            yield extra.source.problem(
                ("kind",),
                "L05",
                f"Ideen er allerede screenet {screenings[0].date}; der må kun være én screening.",
            )


def check_nothing_after_end(ctx: RuleContext) -> Iterator[Problem]:
    """L10: nothing follows a no-fit screening, a close or a graduate."""
    for idea in ctx.portfolio.ideas.values():
        ending: Decision | None = None
        for decision in idea.decisions:
            if ending is not None:
                yield decision.source.problem(
                    ("kind",),
                    "L10",
                    f"Ideens forløb sluttede {ending.date} ({ending.kind}); "
                    "der kan ikke komme flere beslutninger efter.",
                )
            elif decision.is_ending:
                ending = decision


def check_cross_organisational(ctx: RuleContext) -> Iterator[Problem]:
    """W01: an idea with a single department."""
    for idea in ctx.portfolio.ideas.values():
        if len(idea.departments) == 1:
            yield idea.source.problem(
                ("departments",),
                "W01",
                "Ideen nævner kun én afdeling; direktørerne lægger vægt på tværorganisatoriske "
                "ideer, så nævn gerne flere.",
                "warning",
            )


def check_screening_wait(ctx: RuleContext) -> Iterator[Problem]:
    """W02: an idea waiting more than 60 days for its screening."""
    today = dt.date.fromisoformat(ctx.settings.today)
    for idea in ctx.portfolio.ideas.values():
        waited = (today - dt.date.fromisoformat(idea.submitted)).days
        if not idea.decisions and waited > SCREENING_WAIT_DAYS:
            yield idea.source.problem(
                ("submitted",),
                "W02",
                f"Ideen har ventet {waited} dage på screening (mere end {SCREENING_WAIT_DAYS}).",
                "warning",
            )


Rule = Callable[[RuleContext], Iterator[Problem]]

RULES: dict[str, Rule] = {
    "L01": check_names,
    "L02": check_references,
    "L03": check_theme_period,
    "L04": check_decision_dates,
    "L05": check_screening_first,
    "L06": lambda ctx: check_ladder_order(ctx.portfolio),
    "L07": lambda ctx: check_tests_before_steps(ctx.portfolio),
    "L08": lambda ctx: check_amounts(ctx.portfolio),
    "L09": lambda ctx: check_test_cards(ctx.portfolio),
    "L10": check_nothing_after_end,
    "P01": lambda ctx: chain(
        check_personal_data(ctx.loaded.records), check_names_for_cpr(ctx.loaded.files)
    ),
    "W01": check_cross_organisational,
    "W02": check_screening_wait,
}

# Rules that read the ladder; without a valid ladder.yaml they would only add noise.
LADDER_RULES = frozenset({"L06", "L07", "L08", "L09"})


def run_rules(ctx: RuleContext) -> list[Problem]:
    """Every rule of the table over the portfolio."""
    skip = LADDER_RULES if not ctx.portfolio.ladder.steps else frozenset()
    return [problem for code, rule in RULES.items() if code not in skip for problem in rule(ctx)]
