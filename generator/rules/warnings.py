"""Rules stage: the warnings (W01-W05), which fail validation only with --strict."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.kinds import TestStatus
from generator.load import RawRecord
from generator.model import Portfolio
from generator.periods import is_open
from generator.problems import Problem
from generator.vocabulary import TEST_STATUS_LABELS

SCREENING_WAIT_DAYS = 60


def check_cross_organisational(portfolio: Portfolio) -> Iterator[Problem]:
    """W01: an idea with a single department."""
    for idea in portfolio.ideas.values():
        if len(idea.departments) == 1:
            message = (
                "Ideen nævner kun én afdeling; direktørerne lægger vægt på tværorganisatoriske "
                "ideer, så nævn gerne flere."
            )
            yield idea.source.problem(("departments",), "W01", message, "warning")


def check_screening_wait(portfolio: Portfolio, today_iso: str) -> Iterator[Problem]:
    """W02: an idea waiting more than 60 days for its screening."""
    today = dt.date.fromisoformat(today_iso)
    for idea in portfolio.ideas.values():
        waited = (today - dt.date.fromisoformat(idea.submitted)).days
        if not idea.decisions and waited > SCREENING_WAIT_DAYS:
            message = (
                f"Ideen har ventet {waited} dage på screening (mere end {SCREENING_WAIT_DAYS})."
            )
            yield idea.source.problem(("submitted",), "W02", message, "warning")


def check_comments_after_text(records: list[RawRecord]) -> Iterator[Problem]:
    """W03: a text value that a comment on its line cuts short (YAML ends text at ' #')."""
    for record in records:
        for line, column, value, comment in record.cut_by_comment:
            whole = f"{value} {comment}".replace('"', "'")
            yield Problem(
                record.ref.file,
                line,
                column,
                "W03",
                f"Værdien læses kun som '{value}': alt efter ' #' er en kommentar. Hører "
                f'resten med, så sæt hele teksten i anførselstegn: "{whole}".',
                "warning",
            )


def check_late_test_cards(portfolio: Portfolio, today_iso: str) -> Iterator[Problem]:
    """W04: a test card not done whose end is before today."""
    for idea in portfolio.ideas.values():
        for card in idea.tests:
            if card.status != TestStatus.DONE and card.end < today_iso:
                status = TEST_STATUS_LABELS[card.status].lower()
                message = (
                    f"Testen af trin {card.step} skulle være afsluttet {card.end}, men "
                    f"testkortet står stadig som '{status}'. Afslut det med resultatet "
                    "(status: done og result, eller 'portfolio new result'), eller flyt "
                    "slutdatoen, hvis testen varer længere."
                )
                yield card.source.problem(("end",), "W04", message, "warning")


def check_open_theme_reviewers(portfolio: Portfolio, today: str) -> Iterator[Problem]:
    """W05: a theme open today without reviewers: its decisions would fall to the maintainers."""
    for theme in portfolio.themes.values():
        if is_open(theme, today) and not theme.reviewers:
            message = (
                "Temaet er åbent for ideer, men har ingen reviewere; dets beslutninger ville "
                "falde til vedligeholderne. Skriv temaets direktører og strategiske chefer som "
                "GitHub-hold under reviewers, fx reviewers: ['@org/hold']."
            )
            yield theme.source.problem(("name",), "W05", message, "warning")
