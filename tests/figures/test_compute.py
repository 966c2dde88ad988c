"""The figures of small portfolios, against answers worked out by hand (in the comments)."""

from __future__ import annotations

from typing import Any

from generator.figures import compute_figures, figures_json
from generator.figures.text import waiting_text
from tests.figures.builders import idea, portfolio
from tests.sample_records import Records, card, close, graduate, investment, screening

NONE = {"count": 0, "median": None, "p90": None}
NO_GATES = {"screening": NONE, "step-1": NONE, "step-2": NONE, "step-3": NONE}
NO_TESTS = {
    "planned": 0, "running": 0, "done": 0, "confirmed": 0, "refuted": 0, "inconclusive": 0,
    "overdue": 0,
}  # fmt: skip


def _kill(reached: int, closed: int, rate: float | None, days: dict[str, Any]) -> dict[str, Any]:
    return {"reached": reached, "closed": closed, "rate": rate, "days": days}


def test_empty_portfolio() -> None:
    figures = figures_json(compute_figures(portfolio(), "2023-06-01"))
    assert figures == {
        "as_of": "2023-06-01",
        "ideas": 0,
        "funnel": {
            "submitted": 0,
            "fit": 0,
            "step-1": 0,
            "step-2": 0,
            "step-3": 0,
            "graduated": 0,
            "closed": 0,
            "rejected": 0,
        },
        "lead_times": NO_GATES,
        "lead_times_by_theme": {"integration": NO_GATES, "klima": NO_GATES},
        "lead_times_by_year": {},
        "kill": {str(s): _kill(0, 0, None, NONE) for s in range(4)},
        "granted": {
            "total": 0,
            "by_theme": {"integration": 0, "klima": 0},
            "by_year": {},
            "by_step": {"1": 0, "2": 0, "3": 0},
        },
        "tests": {"1": NO_TESTS, "2": NO_TESTS, "3": NO_TESTS},
        "waiting": [],
        "departments": {d: {"owner": 0, "participant": 0, "granted_owned": 0} for d in "abc"},
        "examples": 0,
        "signals": {"green": 0, "yellow": 0, "red": 0, "ideas": []},
    }


def test_a_single_idea_at_pitch() -> None:
    # submitted 1 January 2020, screened fit 30 days later (31 January)
    single = idea("solo", "2020-01-01", decisions=(screening("2020-01-31"),))
    figures = figures_json(compute_figures(portfolio(single), "2020-03-01"))
    one = {"count": 1, "median": 30, "p90": 30}
    assert figures["ideas"] == 1
    assert figures["funnel"]["submitted"] == figures["funnel"]["fit"] == 1
    assert figures["lead_times"] == {**NO_GATES, "screening": one}
    assert figures["lead_times_by_theme"]["klima"]["screening"] == one
    assert figures["lead_times_by_year"] == {"2020": {**NO_GATES, "screening": one}}
    assert figures["kill"]["0"] == _kill(1, 0, 0.0, NONE)
    assert figures["kill"]["1"] == _kill(0, 0, None, NONE)
    assert figures["waiting"] == []  # at pitch: no test to wait after, and it was screened
    assert figures["departments"]["a"] == {"owner": 1, "participant": 1, "granted_owned": 0}


AS_OF = "2021-06-01"
SCENARIO = portfolio(
    # alpha: screened after 10 days, step 1 after 30, step 2 after 90, closed at step 2
    # 163 days after its grant (10 May → 20 October 2020)
    idea(
        "alpha", "2020-01-01", owner="a", departments=("a", "b"),
        decisions=(
            screening("2020-01-11"),
            investment("2020-02-10", 1),
            investment("2020-05-10", 2),
            close("2020-10-20"),
        ),
        tests=(
            card(1, "2020-02-15", "2020-04-30", "done", outcome="confirmed"),
            card(2, "2020-05-15", "2020-09-30", "done", outcome="refuted"),
        ),
    ),
    # beta: screened after 20 days, closed at pitch 30 days after its fit
    idea(
        "beta", "2020-03-01", owner="b", departments=("b",),
        decisions=(screening("2020-03-21"), close("2020-04-20")),
    ),
    # gamma: screened after 10, step 1 after 20; its test ended 31 January 2021 and no
    # decision since: waiting 121 days on 1 June 2021
    idea(
        "gamma", "2020-06-01", owner="a", departments=("a", "c"),
        decisions=(screening("2020-06-11"), investment("2020-07-01", 1)),
        tests=(card(1, "2020-07-15", "2021-01-31", "done", outcome="inconclusive"),),
    ),
    # delta: submitted 31 December 2020, no fit 10 days later: counts in 2021
    idea(
        "delta", "2020-12-31", owner="c", departments=("c",),
        decisions=(screening("2021-01-10", "no-fit"),),
    ),
    # epsilon: no decision for 92 days (1 March → 1 June 2021): waiting for its screening
    idea("epsilon", "2021-03-01", owner="a", departments=("a",)),
    # zeta: no decision for 31 days: waiting for its screening too (W02 warns only after 60)
    idea("zeta", "2021-05-01", owner="b", departments=("b",)),
    # eta: screened after 10, step 1 after 30; its running test should have ended 31 March
    idea(
        "eta", "2020-09-01", owner="b", departments=("a", "b"),
        decisions=(screening("2020-09-11"), investment("2020-10-11", 1)),
        tests=(card(1, "2020-10-15", "2021-03-31", "running"),),
    ),
    # theta: the only idea of integration, screened fit after 20 days, nothing granted
    idea(
        "theta", "2021-04-01", theme="integration", owner="c", departments=("c",),
        decisions=(screening("2021-04-21"),),
    ),
)  # fmt: skip


def scenario() -> dict[str, Any]:
    return figures_json(compute_figures(SCENARIO, AS_OF))


def test_funnel_counts_every_stage_reached_and_every_ending() -> None:
    assert scenario()["funnel"] == {
        "submitted": 8, "fit": 5, "step-1": 3, "step-2": 1, "step-3": 0,
        "graduated": 0, "closed": 2, "rejected": 1,
    }  # fmt: skip


def test_lead_times_in_total() -> None:
    assert scenario()["lead_times"] == {
        # 10 20 10 10 10 20 → sorted 10 10 10 10 20 20: median (10+10)/2, p90 rank ⌈5.4⌉ = 6
        "screening": {"count": 6, "median": 10, "p90": 20},
        # 30 20 30 → 20 30 30: median 30, p90 rank ⌈2.7⌉ = 3
        "step-1": {"count": 3, "median": 30, "p90": 30},
        "step-2": {"count": 1, "median": 90, "p90": 90},
        "step-3": NONE,
    }


def test_lead_times_per_theme() -> None:
    by_theme = scenario()["lead_times_by_theme"]
    assert sorted(by_theme) == ["integration", "klima"]
    # klima: 10 20 10 10 10 → median 10, p90 rank ⌈4.5⌉ = 5 → 20
    assert by_theme["klima"]["screening"] == {"count": 5, "median": 10, "p90": 20}
    assert by_theme["integration"] == {
        **NO_GATES,
        "screening": {"count": 1, "median": 20, "p90": 20},
    }


def test_lead_times_per_year_of_the_later_decision() -> None:
    by_year = scenario()["lead_times_by_year"]
    assert by_year == {
        # alpha 10, beta 20, gamma 10, eta 10: median (10+10)/2, p90 rank ⌈3.6⌉ = 4 → 20
        "2020": {
            "screening": {"count": 4, "median": 10, "p90": 20},
            "step-1": {"count": 3, "median": 30, "p90": 30},
            "step-2": {"count": 1, "median": 90, "p90": 90},
            "step-3": NONE,
        },
        # delta 10 (submitted in 2020, screened in 2021), theta 20: even count → 15
        "2021": {**NO_GATES, "screening": {"count": 2, "median": 15, "p90": 20}},
    }


def test_kill_rate_and_days_per_stage() -> None:
    assert scenario()["kill"] == {
        "0": _kill(5, 1, 0.2, {"count": 1, "median": 30, "p90": 30}),  # beta, at pitch
        "1": _kill(3, 0, 0.0, NONE),
        "2": _kill(1, 1, 1.0, {"count": 1, "median": 163, "p90": 163}),  # alpha, at step 2
        "3": _kill(0, 0, None, NONE),
    }


def test_granted_per_theme_year_and_step_with_zeros() -> None:
    # alpha 25.000 + 125.000, gamma 25.000, eta 25.000; integration nothing
    assert scenario()["granted"] == {
        "total": 200000,
        "by_theme": {"integration": 0, "klima": 200000},
        "by_year": {"2020": 200000},
        "by_step": {"1": 75000, "2": 125000, "3": 0},
    }


def test_test_card_ledger_counts_the_overdue_card() -> None:
    tests = scenario()["tests"]
    assert tests["1"] == {
        **NO_TESTS,
        "running": 1,
        "done": 2,
        "confirmed": 1,
        "inconclusive": 1,
        "overdue": 1,
    }
    assert tests["2"] == {**NO_TESTS, "done": 1, "refuted": 1}
    assert tests["3"] == NO_TESTS


def test_waiting_oldest_first_and_never_an_ended_idea() -> None:
    # alpha's last test ended long ago, but alpha is closed; every idea with no decision
    # waits for its screening, zeta after 31 days too; eta waits for its test, which ended
    # 31 March: 30 (April) + 31 (May) + 1 = 62 days before 1 June 2021
    assert scenario()["waiting"] == [
        {"id": "gamma", "reason": "decision", "since": "2021-01-31", "days": 121},
        {"id": "epsilon", "reason": "screening", "since": "2021-03-01", "days": 92},
        {"id": "eta", "reason": "test", "since": "2021-03-31", "days": 62},
        {"id": "zeta", "reason": "screening", "since": "2021-05-01", "days": 31},
    ]


def test_signals_of_the_scenario() -> None:
    # alpha, beta (closed) and delta (no fit) have ended: no signal. gamma waits 121 days
    # after its test: red (more than 120). epsilon waits 92 days for its screening: yellow.
    # eta's test is 62 days late: yellow (1-90). zeta waits 31 days: green. theta waits
    # since its screening on 21 April: 9 + 31 + 1 = 41 days: green (at most 60).
    assert scenario()["signals"] == {
        "green": 2, "yellow": 2, "red": 1,
        "ideas": [
            {"id": "gamma", "signal": "red", "reason": "decision", "since": "2021-01-31",
             "days": 121},
            {"id": "epsilon", "signal": "yellow", "reason": "screening", "since": "2021-03-01",
             "days": 92},
            {"id": "eta", "signal": "yellow", "reason": "test", "since": "2021-03-31",
             "days": 62},
        ],
    }  # fmt: skip


def test_departments_own_take_part_and_are_granted() -> None:
    assert scenario()["departments"] == {
        "a": {"owner": 3, "participant": 4, "granted_owned": 175000},  # alpha, gamma, epsilon
        "b": {"owner": 3, "participant": 4, "granted_owned": 25000},  # beta, zeta, eta
        "c": {"owner": 2, "participant": 3, "granted_owned": 0},  # delta, theta
    }


def test_waiting_for_a_screening_starts_at_once() -> None:
    today = idea("today", AS_OF)  # submitted on the day: waits 0 days for its screening
    waiting = compute_figures(portfolio(today), AS_OF).waiting
    assert [(w.idea_id, w.reason, w.days) for w in waiting] == [("today", "screening", 0)]


def _after_test(idea_id: str, end: str) -> Records:
    """An idea at step 1 whose test card is done, ending on `end`."""
    return idea(
        idea_id, "2020-01-01",
        decisions=(screening("2020-01-11"), investment("2020-02-01", 1)),
        tests=(card(1, "2020-02-02", end, "done", outcome="confirmed"),),
    )  # fmt: skip


def test_waiting_for_a_decision_starts_after_sixty_days() -> None:
    sixty = _after_test("sixty", "2021-04-02")  # test ended 60 days before 1 June 2021
    sixty_one = _after_test("sixty-one", "2021-04-01")
    waiting = compute_figures(portfolio(sixty, sixty_one), AS_OF).waiting
    assert [(w.idea_id, w.reason, w.days) for w in waiting] == [("sixty-one", "decision", 61)]


def test_an_idea_closed_or_graduated_at_the_top_step_never_waits() -> None:
    steps = (
        screening("2020-01-11"), investment("2020-02-01", 1),
        investment("2020-04-01", 2), investment("2020-07-01", 3),
    )  # fmt: skip
    cards = tuple(
        card(n, start, end, "done", outcome="confirmed")
        for n, start, end in [(1, "2020-02-02", "2020-03-01"), (2, "2020-04-02", "2020-06-01"),
                              (3, "2020-07-02", "2020-08-01")]
    )  # fmt: skip
    at_top = idea("top", "2020-01-01", decisions=steps, tests=cards)
    ended = idea("ended", "2020-01-01", decisions=(*steps, graduate("2020-09-01")), tests=cards)
    figures = compute_figures(portfolio(at_top), AS_OF)
    assert [(w.idea_id, w.reason, w.since) for w in figures.waiting] == [
        ("top", "decision", "2020-08-01")
    ]
    ended_figures = compute_figures(portfolio(ended), AS_OF)
    assert ended_figures.waiting == []
    assert figures_json(ended_figures)["funnel"]["graduated"] == 1


def test_no_waiting_idea_is_said_in_danish() -> None:
    screened = idea("screened", "2021-05-01", decisions=(screening("2021-05-11"),))
    screened_portfolio = portfolio(screened)
    figures = compute_figures(screened_portfolio, AS_OF)
    assert waiting_text(figures, screened_portfolio) == ("Ingen ideer venter på en beslutning.\n")
