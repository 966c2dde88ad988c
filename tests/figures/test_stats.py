"""The arithmetic of the figures, on lists whose answers are worked out by hand."""

from __future__ import annotations

import pytest

from generator.figures.stats import days_between, median, nearest_rank, rate, summarise


def test_an_empty_list_has_no_median_and_no_p90() -> None:
    summary = summarise([])
    assert (summary.count, summary.median, summary.p90) == (0, None, None)


def test_a_single_value_is_its_own_median_and_p90() -> None:
    assert summarise([7]).as_json() == {"count": 1, "median": 7, "p90": 7}


def test_odd_count_median_is_the_middle_value() -> None:
    # sorted 1 2 3: middle 2; p90 rank ⌈2.7⌉ = 3 → 3
    assert summarise([3, 1, 2]).as_json() == {"count": 3, "median": 2, "p90": 3}


def test_even_count_median_is_the_mean_of_the_two_middle_values() -> None:
    # sorted 10 20 31 40: (20 + 31) / 2 = 25.5; p90 rank ⌈3.6⌉ = 4 → 40
    assert summarise([40, 10, 31, 20]).as_json() == {"count": 4, "median": 25.5, "p90": 40}


def test_ties_in_the_median_give_the_tied_value_as_a_whole_number() -> None:
    # sorted 5 5 5 9: (5 + 5) / 2 = 5, written 5 and not 5.0
    value = median([5, 9, 5, 5])
    assert value == 5 and isinstance(value, int)


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (10, 9),  # 0.9 · 10 = 9 exactly: the 9th value, not the 10th
        (30, 27),  # 0.9 · 30 = 27 exactly (27.000000000000004 in floating point)
        (11, 10),  # ⌈9.9⌉ = 10
        (1, 1),  # ⌈0.9⌉ = 1
    ],
)
def test_p90_is_the_nearest_rank_at_the_boundary(count: int, expected: int) -> None:
    assert nearest_rank(list(range(count, 0, -1)), 90) == expected


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(1, 8, 0.125), (2, 3, 0.667), (1, 2000, 0.001), (3, 31, 0.097), (0, 5, 0.0), (0, 0, None)],
)
def test_rate_is_rounded_half_up_to_three_decimals(
    part: int, whole: int, expected: float | None
) -> None:
    assert rate(part, whole) == expected


def test_days_are_calendar_days_across_a_leap_day() -> None:
    assert days_between("2020-01-31", "2020-03-01") == 30
    assert days_between("2020-12-31", "2021-01-10") == 10
