"""'Mente du …?': the closest known id, found among thousands without comparing them all."""

from __future__ import annotations

import difflib

import pytest

from generator.rules import suggest
from generator.rules.suggest import Suggester

MANY = [f"afdeling-{n:05d}" for n in range(20_000)] + ["sundhed-og-omsorg"]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("sundhed-og-omsorgg", "sundhed-og-omsorg"),  # the start kept
        ("zundhed-og-omsorg", "sundhed-og-omsorg"),  # the end kept
        ("afdelin-01234", "afdeling-01234"),
        ("Afdeling-17000", "afdeling-17000"),
    ],
)
def test_a_typo_finds_the_known_id_among_thousands(typed: str, meant: str) -> None:
    assert Suggester(MANY).closest(typed) == meant


def test_nothing_close_suggests_nothing() -> None:
    assert Suggester(MANY).hint("xyz") == ""
    assert Suggester(["klima", "integration"]).hint("qqqq") == ""


def test_a_lookup_compares_a_few_names_however_many_are_known(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compared: list[int] = []
    compare = difflib.get_close_matches

    def counting(word: str, possibilities: list[str], n: int = 3) -> list[str]:
        compared.append(len(possibilities))
        return compare(word, possibilities, n=n)

    monkeypatch.setattr(difflib, "get_close_matches", counting)
    for known in (MANY[:1_000], MANY):
        Suggester(known).closest("afdelin-00500")
    assert len(compared) == 2
    assert all(0 < count <= 4 * suggest.NEIGHBOURS for count in compared), compared
