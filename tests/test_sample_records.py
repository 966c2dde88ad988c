"""The maker of the sample records: its defaults pass validation, and what it writes reads back."""

from __future__ import annotations

from pathlib import Path

from generator.load import read_record
from generator.load.yaml_reader import Parsed
from generator.pipeline import check_portfolio
from generator.settings import Settings
from tests.conftest import BASE_RECORDS
from tests.sample_records import (
    DEPARTMENTS,
    LADDER,
    card,
    close,
    graduate,
    idea,
    idea_files,
    investment,
    portfolio_files,
    record_text,
    screening,
    theme,
    write_records,
    write_tree,
)

# One idea graduated after a confirmed step 1, one closed at pitch, one rejected, one waiting:
# every factory with its defaults alone, checked after the themes have ended (an open theme
# wants its reviewers named).
EVERY_KIND = portfolio_files(
    {"klima": theme("Klima"), "fokus": theme("Fokus", "focus-area")},
    idea_files(
        "graduated",
        idea("Graduated", "klima", "2020-01-06"),
        [screening("2020-02-03"), investment("2020-03-02", 1), graduate("2020-09-07")],
        [card(1, "2020-03-16", "2020-08-31", "done", outcome="confirmed")],
    ),
    idea_files(
        "closed",
        idea("Closed", "klima", "2020-01-06"),
        [screening("2020-02-03"), close("2020-03-02")],
    ),
    idea_files(
        "rejected", idea("Rejected", "klima", "2020-01-06"), [screening("2020-02-03", "no-fit")]
    ),
    idea_files("waiting", idea("Waiting", "klima", "2022-12-01")),
)


def test_every_factory_makes_a_record_that_passes_without_a_warning(tmp_path: Path) -> None:
    checked = check_portfolio(
        Settings(records_dir=write_records(tmp_path, EVERY_KIND), today="2023-01-02")
    )
    assert [p.as_text() for p in checked.problems] == []
    statuses = {key: idea.state.status for key, idea in checked.portfolio.ideas.items()}
    assert statuses == {
        "graduated": "graduated", "closed": "closed", "rejected": "rejected",
        "waiting": "submitted",
    }  # fmt: skip


def test_what_is_written_reads_back_as_it_was_made(tmp_path: Path) -> None:
    records = write_tree(tmp_path / "records", EVERY_KIND)
    for rel, record in EVERY_KIND.items():
        parsed = read_record(records, rel)
        assert isinstance(parsed, Parsed), parsed
        assert parsed.data == record, rel


def test_records_are_written_as_by_hand() -> None:
    text = record_text(idea("Cykler", "klima", "2021-03-01", partners=["Lokale foreninger"]))
    assert "submitted: 2021-03-01\n" in text  # a date unquoted
    assert "departments: [sundhed-og-omsorg, kultur-og-borgerservice]\n" in text  # ids on a line
    assert "partners:\n  - Lokale foreninger\n" in text  # sentences one a line


def test_the_rule_cases_base_shares_the_ladder_and_the_departments() -> None:
    ladder = read_record(BASE_RECORDS, "ladder.yaml")
    departments = read_record(BASE_RECORDS, "departments.yaml")
    assert isinstance(ladder, Parsed) and isinstance(departments, Parsed)
    assert ladder.data == LADDER
    assert departments.data.items() <= DEPARTMENTS.items()
