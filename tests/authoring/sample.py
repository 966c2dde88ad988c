"""The contribution workflow's portfolio: one idea in every state a new record can follow;
and the questions of the repository's issue forms.

ny-ide waits for its screening, til-pitch is at pitch, afvist was rejected, trin-et tests
step 1, trin-et-afsluttet has finished it, oeverste-trin tests the ladder's top step.
"""

from __future__ import annotations

from typing import Any

import yaml

from tests import sample_records as records
from tests.conftest import REPO

TODAY = "2022-06-30"  # inside the themes' period 2019-2022
FORMS = REPO / ".github" / "ISSUE_TEMPLATE"


def questions(name: str) -> list[dict[str, Any]]:
    """The questions of the issue form `name`.yml, in order, without its Markdown text; the
    form labels the issues it opens with its own name."""
    data: dict[str, Any] = yaml.safe_load((FORMS / f"{name}.yml").read_text(encoding="utf-8"))
    assert data["labels"] == [name]
    return [element for element in data["body"] if element["type"] != "markdown"]


def _idea(idea_id: str, submitted: str, theme: str = "klima") -> records.Record:
    return records.idea(
        f"Ide {idea_id}",
        theme,
        submitted,
        summary="Et resumé.",
        problem="En udfordring.",
        target_group="En målgruppe.",
        benefit_potential="Et gevinstpotentiale.",
        departments=["teknik-og-miljoe", "sundhed-og-omsorg"],
    )


def _screening(date: str, outcome: str = "fit") -> records.Record:
    return records.screening(date, outcome, rationale="Strategisk fit vurderet.")


def _investment(date: str, step: int) -> records.Record:
    return records.investment(date, step, rationale="Trinnet bevilges.")


def _card(step: int, start: str, end: str, status: str) -> records.Record:
    record = records.card(
        step,
        start,
        end,
        status,
        question="Hvad skal testes?",
        hypothesis="En hypotese.",
        method="En metode.",
        success_criteria=["Et målbart kriterium."],
    )
    if status == "done":
        record["result"] = records.result("confirmed", "Det virkede.")
    return record


SAMPLE: dict[str, Any] = records.portfolio_files(
    {
        "fremme-ligevaerd": records.theme(
            "Fremme ligeværd", "focus-area", {"start": "2015-01-01", "end": "2018-12-31"}
        ),
        "klima": records.theme(
            "Klima",
            reviewers=["@aarhus-kommune/tema-klima", "@aarhus-kommune/strategiske-chefer"],
        ),
        "samskabelse-og-frivillighed": records.theme(
            "Samskabelse og frivillighed",
            reviewers=["@aarhus-kommune/tema-samskabelse-og-frivillighed"],
        ),
    },
    records.idea_files("ny-ide", _idea("ny-ide", "2022-06-01")),
    records.idea_files("til-pitch", _idea("til-pitch", "2021-01-10"), [_screening("2021-02-01")]),
    records.idea_files(
        "afvist", _idea("afvist", "2021-01-10"), [_screening("2021-02-01", "no-fit")]
    ),
    records.idea_files(
        "trin-et",
        _idea("trin-et", "2021-01-10", "samskabelse-og-frivillighed"),
        [_screening("2021-02-01"), _investment("2021-03-01", 1)],
        [_card(1, "2021-03-15", "2022-09-30", "running")],
    ),
    records.idea_files(
        "trin-et-afsluttet",
        _idea("trin-et-afsluttet", "2021-01-10"),
        [_screening("2021-02-01"), _investment("2021-03-01", 1)],
        [_card(1, "2021-03-15", "2021-09-30", "done")],
    ),
    records.idea_files(
        "oeverste-trin",
        _idea("oeverste-trin", "2020-01-10"),
        [
            _screening("2020-02-01"),
            _investment("2020-03-01", 1),
            _investment("2020-08-01", 2),
            _investment("2021-03-01", 3),
        ],
        [
            _card(1, "2020-03-15", "2020-06-30", "done"),
            _card(2, "2020-08-15", "2021-01-31", "done"),
            _card(3, "2021-03-15", "2022-12-31", "running"),
        ],
    ),
)
