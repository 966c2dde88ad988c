"""Every case folder: one mistake, and exactly the problems it must give (file, line, code).

An invalid case is named after the code it shows; a valid case beside it, named after the
same code, is a near miss: as close to the mistake as a record can be and still pass. A
case with a `base/` folder is checked against that base committed in git (as --base does).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import check_portfolio
from generator.rules import RULES
from generator.settings import Settings
from tests.conftest import CASE_TODAY, CASES, SPEC_CODES, make_case_tree

INVALID = sorted(p for p in (CASES / "invalid").iterdir() if p.is_dir())
VALID = sorted(p for p in (CASES / "valid").iterdir() if p.is_dir())


def _today(case_dir: Path) -> str:
    path = case_dir / "today"
    return path.read_text().strip() if path.exists() else CASE_TODAY


def _found(case_dir: Path, tmp_path: Path) -> list[str]:
    records, base = make_case_tree(tmp_path, case_dir)
    checked = check_portfolio(Settings(records_dir=records, today=_today(case_dir), base=base))
    for problem in checked.problems:
        assert problem.message, problem
        assert problem.line >= 1 and problem.column >= 1
    return sorted(f"{p.file}:{p.line} {p.code}" for p in checked.problems)


@pytest.mark.parametrize("case_dir", INVALID, ids=[p.name for p in INVALID])
def test_invalid_case_gives_exactly_its_problems(case_dir: Path, tmp_path: Path) -> None:
    expected = sorted((case_dir / "expected").read_text().split("\n"))
    assert _found(case_dir, tmp_path) == [line for line in expected if line]


@pytest.mark.parametrize("case_dir", VALID, ids=[p.name for p in VALID])
def test_valid_case_has_no_problem(case_dir: Path, tmp_path: Path) -> None:
    assert _found(case_dir, tmp_path) == []


def _codes(cases: list[Path]) -> set[str]:
    return {p.name.split("-")[0] for p in cases}


def test_the_rules_table_holds_every_code_of_the_specification() -> None:
    assert set(RULES) | {"yaml"} == SPEC_CODES


@pytest.mark.parametrize("kind", ["invalid", "valid"])
def test_every_code_has_an_invalid_case_and_a_valid_near_miss(kind: str) -> None:
    cases = INVALID if kind == "invalid" else VALID
    assert SPEC_CODES - _codes(cases) == set()


def test_every_invalid_case_shows_the_code_it_is_named_after() -> None:
    for case_dir in INVALID:
        code = case_dir.name.split("-")[0]
        assert f" {code}\n" in (case_dir / "expected").read_text(), case_dir.name
