"""Figures stage, the tables: the column words and the cells, for the terminal and the site."""

from __future__ import annotations

from generator.figures.compute import TEST_KEYS, DepartmentReach, KillStage
from generator.figures.labels import (
    format_days,
    format_number,
    format_rate,
    gate_label,
    gate_path,
    kill_stage_label,
)
from generator.figures.stats import DaySummary
from generator.vocabulary import TEST_OUTCOME_LABELS, TEST_STATUS_LABELS, format_money

FUNNEL_HEAD = ("Trin", "Ideer")
LEAD_TIME_HEAD = ("Beslutning", "Fra → til", "Antal", "Median", "90 % inden for")
KILL_HEAD = ("Trin", "Nået", "Lukket", "Andel lukket", "Median til lukning", "90 % inden for")
TEST_HEAD = ("Trin", *TEST_STATUS_LABELS.values(), *TEST_OUTCOME_LABELS.values(), "Forsinket")
DEPARTMENT_HEAD = ("Magistratsafdeling", "Ejer", "Med i", "Bevilget til egne ideer")


def lead_time_rows(summaries: dict[str, DaySummary]) -> list[list[str]]:
    """One row a gate: the decision, from where to where, count, median and p90."""
    return [
        [gate_label(g), gate_path(g), format_number(s.count), format_days(s.median),
         format_days(s.p90)]
        for g, s in summaries.items()
    ]  # fmt: skip


def kill_rows(kill: dict[int, KillStage]) -> list[list[str]]:
    """One row a stage: reached, closed, the share closed and the days to the closing."""
    return [
        [kill_stage_label(s), format_number(k.reached), format_number(k.closed), format_rate(k.rate),
         format_days(k.days.median), format_days(k.days.p90)]
        for s, k in kill.items()
    ]  # fmt: skip


def card_rows(tests: dict[int, dict[str, int]]) -> list[list[str]]:
    """One row a step: its test cards by status, by outcome, and the overdue ones."""
    return [
        [f"Trin {step}", *(format_number(row[k]) for k in TEST_KEYS)] for step, row in tests.items()
    ]


def department_row(name: str, reach: DepartmentReach, currency: str) -> list[str]:
    """A department's name, the ideas it owns and is part of, and what its own were granted."""
    return [
        name,
        format_number(reach.owner),
        format_number(reach.participant),
        format_money(reach.granted_owned, currency),
    ]
