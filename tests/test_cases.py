"""Every case folder: one mistake, and exactly the problems it must give (file, line, code)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import check_portfolio
from generator.settings import Settings
from tests.conftest import CASE_TODAY, CASES, make_tree

INVALID = sorted(p for p in (CASES / "invalid").iterdir() if p.is_dir())
VALID = sorted(p for p in (CASES / "valid").iterdir() if p.is_dir())


def _today(case_dir: Path) -> str:
    path = case_dir / "today"
    return path.read_text().strip() if path.exists() else CASE_TODAY


def _found(case_dir: Path, tmp_path: Path) -> list[str]:
    records = make_tree(tmp_path, case_dir)
    checked = check_portfolio(Settings(records_dir=records, today=_today(case_dir)))
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


def test_every_rule_code_has_an_invalid_case() -> None:
    codes = {p.name.split("-")[0] for p in INVALID}
    expected = {f"L{n:02d}" for n in range(1, 11)} | {"P01", "W01", "W02", "yaml", "schema"}
    assert expected - {"L11"} <= codes
