"""Inputs built to hang, crash or leak: each gives a plain problem, quickly, and no secret."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.load.yaml_reader import Parsed, parse_yaml
from generator.pipeline import check_portfolio
from generator.problems import Problem
from generator.rules.privacy import _EMAIL
from generator.settings import Settings
from tests.conftest import BASE_RECORDS, CASE_TODAY, make_tree

IDEA = "ideas/digital-nabohjaelp/idea.yaml"
SCREENING = "ideas/digital-nabohjaelp/decisions/2020-03-02-screening.yaml"


def check(records: Path) -> list[Problem]:
    return check_portfolio(Settings(records_dir=records, today=CASE_TODAY)).problems


def base(rel: str) -> str:
    return (BASE_RECORDS / rel).read_text(encoding="utf-8")


def calls_made(work: Callable[[], object]) -> int:
    """How many functions (Python's and C's) `work` calls: a measure of work, not of time."""
    count = 0

    def profile(_frame: Any, event: str, _arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def test_a_long_list_of_mixed_items_is_checked_with_linear_work(tmp_path: Path) -> None:
    def tags(count: int) -> Path:
        items = "".join(f"  - {n}\n  - a{n}\n" for n in range(count))
        return make_tree(tmp_path / str(count), files={IDEA: base(IDEA) + f"tags:\n{items}"})

    small, large = tags(1_500), tags(3_000)
    problems = check(large)
    assert {p.code for p in problems} == {"schema"}
    assert len(problems) == 3_000  # each number on its own line: tags are text
    # Twice the items, about twice the work; comparing every pair would make it four times.
    ratio = calls_made(lambda: check(large)) / calls_made(lambda: check(small))
    assert ratio < 2.6, ratio


def test_an_address_match_never_starts_inside_a_run(records_tree: Callable[..., Path]) -> None:
    run = "a" * 200_000
    text = base(IDEA).replace("summary: Naboer", f"summary: {run}@ Naboer")
    assert check(records_tree({IDEA: text})) == []
    # A search tries a run of address characters from its first character only, so a long
    # run is scanned once, not once from each of its characters.
    address = f"{run[:1000]}@example.dk"
    assert _EMAIL.search(address).span() == (0, len(address))  # type: ignore[union-attr]
    assert _EMAIL.search(address, 1) is None
    assert _EMAIL.search(run[:1000] + "@") is None


def test_personal_data_quoted_in_any_message_is_masked(records_tree: Callable[..., Path]) -> None:
    screening = base(SCREENING).replace("outcome: fit", 'outcome: "0101901234 ole@example.dk"')
    problems = check(records_tree({SCREENING: screening}))
    assert {p.code for p in problems} == {"schema", "P01"}
    for problem in problems:
        assert "0101901234" not in problem.message
        assert "ole@example.dk" not in problem.message


def test_a_pipe_in_the_records_is_refused_without_being_opened(
    records_tree: Callable[..., Path],
) -> None:
    records = records_tree()
    os.mkfifo(records / "themes" / "klima.yaml")
    problems = check(records)
    assert [(p.file, p.code) for p in problems] == [("records/themes/klima.yaml", "L01")]


def test_a_linked_folder_is_refused_and_not_followed(
    records_tree: Callable[..., Path], tmp_path: Path
) -> None:
    records = records_tree()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "idea.yaml").write_text("secret: 010190-1234\n", encoding="utf-8")
    (records / "ideas" / "linked").symlink_to(outside)
    problems = check(records)
    assert [(p.file, p.code) for p in problems] == [("records/ideas/linked", "L01")]


def test_one_problem_is_one_line_of_text() -> None:
    problem = Problem("records/a.yaml", 1, 1, "schema", "fit\nrecords/b.yaml:1:1: P01 falsk\r")
    assert "\n" not in problem.as_text() and "\r" not in problem.as_text()
    assert problem.as_text().endswith("fit\\x0arecords/b.yaml:1:1: P01 falsk\\x0d")


def test_u_fffe_and_a_huge_number_are_plain_problems() -> None:
    refused = parse_yaml("a: b\nc: \ufffe\n".encode(), "f.yaml")
    assert isinstance(refused, Problem)
    assert (refused.line, refused.column, refused.code) == (2, 4, "yaml")
    parsed = parse_yaml(b"amount: " + b"9" * 5000 + b"\n", "f.yaml")
    assert isinstance(parsed, Parsed)
    assert isinstance(parsed.data["amount"], str)  # text, so the schema says it is no amount


def test_positions_count_a_lone_carriage_return_as_a_line_break() -> None:
    refused = parse_yaml(b"a: 1\rb: 2\rc: \x07\r", "f.yaml")
    assert isinstance(refused, Problem)
    assert (refused.line, refused.column) == (3, 4)


def test_the_message_for_http_links_names_both_schemes(records_tree: Callable[..., Path]) -> None:
    card = "ideas/digital-nabohjaelp/tests/step-1.yaml"
    text = base(card).replace(
        "learning: 34 naboer meldte sig.", "learning: Ja.\n  evidence: [ftp://x.dk/a]"
    )
    problems = check(records_tree({card: text}))
    assert [p.code for p in problems] == ["schema"]
    assert "https:// eller http://" in problems[0].message
