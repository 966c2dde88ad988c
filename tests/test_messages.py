"""Messages a contributor who is no programmer can act on: each says what to write instead."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from generator.pipeline import check_portfolio
from generator.problems import Problem
from generator.settings import Settings
from tests.conftest import BASE_RECORDS, CASE_TODAY

IDEA = "ideas/digital-nabohjaelp/idea.yaml"
STEP_ONE = "ideas/digital-nabohjaelp/decisions/2020-04-01-investment.yaml"
CARD = "ideas/digital-nabohjaelp/tests/step-2.yaml"
THEME = "themes/samskabelse-og-frivillighed.yaml"
DEPARTMENTS = "[sundhed-og-omsorg, kultur-og-borgerservice]"


def base(rel: str) -> str:
    return (BASE_RECORDS / rel).read_text(encoding="utf-8")


def problems_of(records_tree: Callable[..., Path], rel: str, old: str, new: str) -> list[Problem]:
    text = base(rel)
    assert old in text
    records = records_tree({rel: text.replace(old, new)})
    return check_portfolio(Settings(records_dir=records, today=CASE_TODAY)).problems


def only_message(problems: list[Problem], code: str) -> str:
    assert [p.code for p in problems] == [code], problems
    return problems[0].message


def test_a_tab_in_the_indentation_says_tabulator(records_tree: Callable[..., Path]) -> None:
    problems = problems_of(records_tree, IDEA, "  unit:", "\tunit:")
    message = only_message(problems, "yaml")
    assert "tabulator" in message and "mellemrum" in message
    assert problems[0].line == 11


@pytest.mark.parametrize(
    ("written", "advice"),
    [
        ("25.000", "Tusinder skrives uden punktum: skriv 25000."),
        ('"25.000 kr."', "Tusinder skrives uden punktum: skriv 25000."),
        ("25 000", "Tusinder skrives uden mellemrum: skriv 25000."),
        ("25000 kr.", "Skriv tallet uden kr.: 25000."),
    ],
)
def test_an_amount_written_as_people_write_it_says_how_to_write_it(
    records_tree: Callable[..., Path], written: str, advice: str
) -> None:
    message = only_message(
        problems_of(records_tree, STEP_ONE, "amount: 25000", f"amount: {written}"), "schema"
    )
    assert message.endswith(advice)
    assert "kommatal" not in message


def test_a_list_written_as_text_shows_the_list_form(records_tree: Callable[..., Path]) -> None:
    problems = problems_of(
        records_tree, IDEA, f"departments: {DEPARTMENTS}", "departments: sundhed-og-omsorg, kultur"
    )
    message = only_message(problems, "schema")
    assert "[sundhed-og-omsorg, kultur]" in message


def test_a_misspelt_department_gets_the_close_one(records_tree: Callable[..., Path]) -> None:
    problems = problems_of(
        records_tree, IDEA, DEPARTMENTS, "[sundhed-og-omsorgg, kultur-og-borgerservice]"
    )
    assert "Mente du 'sundhed-og-omsorg'?" in only_message(problems, "L02")


def test_an_unknown_department_lists_no_ids(records_tree: Callable[..., Path]) -> None:
    problems = problems_of(records_tree, IDEA, DEPARTMENTS, "[xyz, kultur-og-borgerservice]")
    message = only_message(problems, "L02")
    assert "Mente du" not in message
    assert "borgmesterens-afdeling" not in message and "sundhed-og-omsorg" not in message


def test_a_misspelt_theme_gets_the_close_one(records_tree: Callable[..., Path]) -> None:
    problems = problems_of(
        records_tree, IDEA, "theme: samskabelse-og-frivillighed", "theme: samskabelse-frivillighed"
    )
    assert "Mente du 'samskabelse-og-frivillighed'?" in only_message(problems, "L02")


def test_a_close_id_is_found_among_thousands(records_tree: Callable[..., Path]) -> None:
    departments = base("departments.yaml") + "".join(
        f"afdeling-{n:05d}:\n  name: A\n" for n in range(5000)
    )
    idea = base(IDEA).replace(DEPARTMENTS, "[sundhed-og-omsorg, afdelin-01234]")
    records = records_tree({"departments.yaml": departments, IDEA: idea})
    problems = check_portfolio(Settings(records_dir=records, today=CASE_TODAY)).problems
    message = only_message(problems, "L02")
    assert message.endswith("Mente du 'afdeling-01234'?")


def test_a_comment_after_text_says_to_quote_it(records_tree: Callable[..., Path]) -> None:
    problems = problems_of(
        records_tree, IDEA, "target_group: Ældre borgere, der bor alene.", "target_group: Elever #6"
    )
    assert problems[0].severity == "warning"
    message = only_message(problems, "W03")
    assert "'Elever'" in message and '"Elever #6"' in message


@pytest.mark.parametrize(
    ("rel", "old", "new", "expected"),
    [
        (
            IDEA,
            "submitted: 2020-02-03",
            "submitted: 3. februar 2020",
            "dato skrevet ÅÅÅÅ-MM-DD, fx 2020-02-03",
        ),
        (IDEA, DEPARTMENTS, "[Sundhed, kultur-og-borgerservice]", "små bogstaver a-z"),
        (IDEA, "contact: innovation@example.dk", "contact: innovation", "en e-mailadresse"),
        (THEME, '"@aarhus-kommune/tema', '"aarhus-kommune/tema', "GitHub-hold"),
        ("ladder.yaml", "currency: DKK", "currency: kr", "valutakode"),
        (STEP_ONE, "amount: 25000\n", "amount: 25000\npull_request: www.x.dk\n", "med https://."),
        ("departments.yaml", "sundhed-og-omsorg:", "Sundhed:", "'Sundhed' er ikke et gyldigt id"),
        (IDEA, "title: Digital nabohjælp\n", "", "Feltet 'title' (Titel) mangler; tilføj det."),
    ],
)
def test_every_pattern_and_missing_key_says_what_to_write(
    records_tree: Callable[..., Path], rel: str, old: str, new: str, expected: str
) -> None:
    messages = [p.message for p in problems_of(records_tree, rel, old, new) if p.code == "schema"]
    assert len(messages) == 1 and expected in messages[0], messages


def test_each_missing_key_is_named_once(records_tree: Callable[..., Path]) -> None:
    records = records_tree({IDEA: "title: Kun en titel\n"})
    problems = check_portfolio(Settings(records_dir=records, today=CASE_TODAY)).problems
    missing = sorted(p.message.split("'")[1] for p in problems if "mangler" in p.message)
    required = "theme submitted summary problem target_group benefit_potential departments owner"
    assert missing == sorted(required.split())


def test_paths_in_messages_start_at_the_records_folders_parent(
    records_tree: Callable[..., Path], portfolio_cli: Callable[..., Result], tmp_path: Path
) -> None:
    records = records_tree()
    (records / CARD).unlink()
    renamed = tmp_path / "elsewhere" / "poster"
    renamed.parent.mkdir()
    shutil.move(records, renamed)
    shutil.move(tmp_path / "schemas", renamed.parent / "schemas")
    result = portfolio_cli("validate", "--records", str(renamed), "--today", CASE_TODAY)
    lines = result.output.splitlines()[:-1]
    assert lines and all(line.startswith("poster/ideas/digital-nabohjaelp/") for line in lines)
    assert any("opret poster/ideas/digital-nabohjaelp/tests/step-2.yaml" in ln for ln in lines)


def test_a_warning_is_labelled_once(
    records_tree: Callable[..., Path], portfolio_cli: Callable[..., Result]
) -> None:
    idea = base(IDEA).replace(DEPARTMENTS, "[sundhed-og-omsorg]")
    result = portfolio_cli(
        "validate", "--records", str(records_tree({IDEA: idea})), "--today", CASE_TODAY
    )
    line = result.output.splitlines()[0]
    assert line.startswith("records/ideas/digital-nabohjaelp/idea.yaml:8:1: W01 (advarsel) ")
    assert line.lower().count("advarsel") == 1
