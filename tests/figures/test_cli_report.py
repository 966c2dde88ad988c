"""`portfolio report` and `portfolio report waiting` on the site tests' sample records.

The sample: digital-nabohjaelp screened 28 days after submission (3 February → 2 March 2020),
step 1 after 28 more, step 2 after 175 (30 March → 21 September 2020), its step-2 test still
running past its end; renere-luft screened after 21 days, step 1 after 14, closed at step 1
182 days later (15 February → 16 August 2021); solceller-paa-taget submitted 1 November 2022
and not yet screened: waiting 60 days for its screening on 31 December 2022.

The step-2 test of digital-nabohjaelp ended 30 June 2021 and is still running: on 31
December 2022 it is 365 days (to 30 June 2022) + 184 (31+31+30+31+30+31, July to December)
= 549 days late, so it waits for its test and its signal is red (more than 90 days late);
solceller-paa-taget's 60 days of waiting are green (at most 60); renere-luft has ended.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.sample_records import write_records
from tests.website.sample import SAMPLE, TODAY

RunCli = Callable[..., Result]


@pytest.fixture
def records(tmp_path: Path) -> Path:
    return write_records(tmp_path, SAMPLE)


def test_json_is_the_figures_object(portfolio_cli: RunCli, records: Path) -> None:
    result = portfolio_cli(
        "report", "--format", "json", "--records", str(records), "--today", TODAY
    )
    assert result.exit_code == 0
    figures = json.loads(result.output)
    assert figures["as_of"] == TODAY and figures["ideas"] == 3
    assert figures["lead_times"]["screening"] == {"count": 2, "median": 24.5, "p90": 28}
    assert figures["lead_times"]["step-1"] == {"count": 2, "median": 21, "p90": 28}
    assert figures["lead_times"]["step-2"] == {"count": 1, "median": 175, "p90": 175}
    assert figures["kill"]["1"] == {
        "reached": 2, "closed": 1, "rate": 0.5, "days": {"count": 1, "median": 182, "p90": 182},
    }  # fmt: skip
    assert figures["tests"]["2"]["overdue"] == 1
    assert figures["granted"]["by_theme"] == {"klima": 25000, "samskabelse-og-frivillighed": 150000}
    assert figures["waiting"] == [
        {"id": "digital-nabohjaelp", "reason": "test", "since": "2021-06-30", "days": 549},
        {"id": "solceller-paa-taget", "reason": "screening", "since": "2022-11-01", "days": 60},
    ]
    assert figures["signals"] == {
        "green": 1, "yellow": 0, "red": 1,
        "ideas": [
            {"id": "digital-nabohjaelp", "signal": "red", "reason": "test", "since": "2021-06-30",
             "days": 549},
        ],
    }  # fmt: skip
    assert figures["examples"] == 1  # digital-nabohjaelp


def test_text_speaks_danish(portfolio_cli: RunCli, records: Path) -> None:
    result = portfolio_cli("report", "--records", str(records), "--today", TODAY)
    assert result.exit_code == 0
    assert result.output.startswith(
        "Portføljen i tal pr. 31. december 2022: 3 ideer, heraf 1 opdigtet eksempel\n"
    )
    assert "Signaler for de 2 ideer, der ikke er afsluttet: 1 grøn, 0 gule og 1 rød." in (
        result.output
    )
    red = next(line for line in result.output.splitlines() if line.startswith("Rød "))
    assert red.endswith("Testen af trin 2 skulle være afsluttet 30. juni 2021: 549 dage forsinket.")
    screening = next(line for line in result.output.splitlines() if line.startswith("Screening"))
    assert screening.split() == [
        "Screening",
        "indsendt",
        "→",
        "screening",
        "2",
        "24,5",
        "dage",
        "28",
        "dage",
    ]
    assert "Bevilget i alt: 175.000 kr." in result.output
    klima = next(line for line in result.output.splitlines() if line.startswith("Klima "))
    assert klima.split() == ["Klima", "1", "21", "dage", "21", "dage", "25.000", "kr."]


def test_waiting_lists_the_ideas_oldest_first(portfolio_cli: RunCli, records: Path) -> None:
    result = portfolio_cli("report", "waiting", "--records", str(records), "--today", "2023-01-01")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["Idé", "Titel", "Venter", "på", "Siden", "Dage", "Signal"]
    # One day later than the sample's day: 549 + 1 = 550 days late, 60 + 1 = 61 waiting.
    assert lines[2].split()[0] == "digital-nabohjaelp"
    assert lines[2].split()[-5:] == ["testens", "resultat", "2021-06-30", "550", "Rød"]
    assert lines[3].split()[-4:] == ["screening", "2022-11-01", "61", "Gul"]
    assert len(lines) == 4


def test_waiting_takes_the_options_before_it_too(portfolio_cli: RunCli, records: Path) -> None:
    result = portfolio_cli("report", "--records", str(records), "--today", TODAY, "waiting")
    assert result.output.splitlines()[3].split()[-4:] == ["screening", "2022-11-01", "60", "Grøn"]


def test_records_with_errors_give_no_figures(portfolio_cli: RunCli, records: Path) -> None:
    (records / "ladder.yaml").write_text("currency: DKK\nsteps: nej\n", "utf-8")
    result = portfolio_cli("report", "--records", str(records), "--today", TODAY)
    assert result.exit_code == 1
    assert "Ingen tal: ret fejlene først." in result.output
