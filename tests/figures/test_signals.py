"""Signals at each boundary, against days counted by hand (in the comments).

As of 1 June 2021: 1 April 2021 is 61 days before (30 in April, 31 in May), 2 April 60;
30 January 2021 is 122 days before (1 + 28 + 31 + 30 + 31 + 1: the rest of January,
February, March, April, May and 1 June), 31 January 121, 1 February 120; 3 March 2021 is
90 days before (28 + 30 + 31 + 1), 2 March 91.
"""

from __future__ import annotations

import pytest

from generator.figures import compute_figures
from generator.figures.labels import signal_label, signal_sentence
from generator.figures.signals import signal_of
from generator.figures.text import waiting_text
from tests.figures.builders import idea, one, portfolio
from tests.sample_records import Records, card, close, investment, screening

AS_OF = "2021-06-01"


def _seen(records: Records) -> tuple[str, str, str, int]:
    """The one idea's signal as of AS_OF: colour, reason, since and days."""
    found = signal_of(one(records), AS_OF)
    assert found is not None
    return found.signal, found.reason, found.since, found.days


def _submitted(on: str) -> Records:
    return idea("venter", on)


def _at_pitch(screened: str) -> Records:
    return idea("pitch", "2020-01-01", decisions=(screening(screened),))


def _testing(end: str, status: str = "running", **result: str) -> Records:
    """An idea at step 1 whose test card ends on `end`."""
    return idea(
        "test", "2020-01-01",
        decisions=(screening("2020-01-11"), investment("2020-02-01", 1)),
        tests=(card(1, "2020-02-02", end, status, **result),),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("submitted", "days", "colour"),
    [
        ("2021-04-02", 60, "green"),
        ("2021-04-01", 61, "yellow"),
        ("2021-02-01", 120, "yellow"),
        ("2021-01-31", 121, "red"),
    ],
)
def test_waiting_for_the_screening(submitted: str, days: int, colour: str) -> None:
    assert _seen(_submitted(submitted)) == (
        colour, "screening", submitted, days
    )  # fmt: skip


@pytest.mark.parametrize(
    ("screened", "days", "colour"),
    [("2021-04-02", 60, "green"), ("2021-04-01", 61, "yellow"), ("2021-01-31", 121, "red")],
)
def test_waiting_at_pitch_counts_from_the_screening(screened: str, days: int, colour: str) -> None:
    assert _seen(_at_pitch(screened)) == (
        colour, "decision", screened, days
    )  # fmt: skip


@pytest.mark.parametrize(
    ("end", "days", "colour"),
    [("2021-02-01", 120, "yellow"), ("2021-01-31", 121, "red"), ("2021-04-02", 60, "green")],
)
def test_waiting_after_a_finished_test(end: str, days: int, colour: str) -> None:
    assert _seen(_testing(end, "done", outcome="confirmed")) == (
        colour, "decision", end, days
    )  # fmt: skip


@pytest.mark.parametrize(
    ("end", "late", "colour"),
    [
        ("2021-06-30", 0, "green"),  # ends later: on track
        ("2021-06-01", 0, "green"),  # ends on as_of: still on track
        ("2021-05-31", 1, "yellow"),  # one day late
        ("2021-03-03", 90, "yellow"),
        ("2021-03-02", 91, "red"),
    ],
)
def test_a_test_card_not_done(end: str, late: int, colour: str) -> None:
    assert _seen(_testing(end)) == (colour, "test", end, late)


def test_ended_ideas_have_no_signal() -> None:
    closed = idea("lukket", "2020-01-01", decisions=(
        screening("2020-01-11"), close("2020-02-01"),
    ))  # fmt: skip
    rejected = idea("nej", "2020-01-01", decisions=(screening("2020-01-11", "no-fit"),))
    both = portfolio(closed, rejected)
    assert signal_of(both.ideas["lukket"], AS_OF) is None
    assert signal_of(both.ideas["nej"], AS_OF) is None
    signals = compute_figures(both, AS_OF).signals
    assert (signals.green, signals.yellow, signals.red, signals.listed) == (0, 0, 0, [])


def test_the_list_is_red_first_then_longest_then_by_id() -> None:
    ideas = [
        idea("b-yellow", "2021-03-01"),  # 92 days: yellow
        idea("a-red", "2021-01-31"),  # 121 days: red
        idea("c-red", "2020-06-01"),  # 365 days: red
        idea("d-yellow", "2021-03-01"),  # 92 days: yellow, same days as b: by id
        idea("e-green", "2021-05-01"),  # 31 days: green, not listed
    ]
    signals = compute_figures(portfolio(*ideas), AS_OF).signals
    assert [s.idea_id for s in signals.listed] == ["c-red", "a-red", "b-yellow", "d-yellow"]
    assert (signals.green, signals.yellow, signals.red) == (1, 2, 2)


def test_a_late_test_waits_and_its_reason_reads_in_danish() -> None:
    late = _testing("2021-03-02")  # 91 days late
    figures = compute_figures(portfolio(late), AS_OF)
    assert [(w.idea_id, w.reason, w.since, w.days) for w in figures.waiting] == [
        ("test", "test", "2021-03-02", 91)
    ]
    found = figures.signals.by_idea["test"]
    assert signal_label(found.signal) == "Rød"
    assert signal_sentence(found) == (
        "Testen af trin 1 skulle være afsluttet 2. marts 2021: 91 dage forsinket."
    )


def test_a_test_ending_on_as_of_does_not_wait() -> None:
    figures = compute_figures(portfolio(_testing(AS_OF)), AS_OF)
    assert figures.waiting == []
    assert signal_sentence(figures.signals.by_idea["test"]) == (
        "Testen af trin 1 skal være afsluttet 1. juni 2021."
    )


def test_the_sentences_of_waits() -> None:
    waiting = signal_of(one(_submitted("2021-04-01")), AS_OF)
    pitch = signal_of(one(_at_pitch("2021-04-02")), AS_OF)
    after = signal_of(one(_testing("2021-01-31", "done", outcome="confirmed")), AS_OF)
    assert waiting and pitch and after
    assert signal_sentence(waiting) == "Venter på screening siden 1. april 2021: 61 dage."
    assert signal_sentence(pitch) == (
        "Venter på beslutning om trin 1 siden screeningen 2. april 2021: 60 dage."
    )
    assert signal_sentence(after) == (
        "Testen af trin 1 sluttede 31. januar 2021; venter på næste beslutning: 121 dage."
    )


def test_examples_are_counted() -> None:
    ideas = [idea("a", "2021-05-01", example=True), idea("b", "2021-05-01")]
    assert compute_figures(portfolio(*ideas), AS_OF).examples == 1


def test_report_waiting_names_every_stalled_idea_with_its_signal() -> None:
    # waiting for the screening 61 days (yellow), and at pitch since 31 January: 121 days
    # (red), which `waiting` leaves out but the report still names
    ideas = portfolio(_submitted("2021-04-01"), _at_pitch("2021-01-31"))
    text = waiting_text(compute_figures(ideas, AS_OF), ideas)
    lines = text.splitlines()
    assert lines[2].split() == ["venter", "Venter", "screening", "2021-04-01", "61", "Gul"]
    assert lines[-2:] == [
        "Også med gult eller rødt signal:",
        "Rød  pitch: Venter på beslutning om trin 1 siden screeningen 31. januar 2021: 121 dage.",
    ]
