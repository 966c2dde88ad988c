"""Fixtures for the import: an empty portfolio with the themes, departments and ladder of a
full one, the full one's own spreadsheet, and the CLI."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from generator.pipeline import check_portfolio
from generator.render import data_files
from generator.settings import Settings
from tests.conftest import RECORDS_TODAY, REPO, invoke


def empty_like(records: Path, root: Path) -> Path:
    """root/records with the themes, departments and ladder of `records` and no ideas."""
    target = root / "records"
    target.mkdir(parents=True)
    for name in ("ladder.yaml", "departments.yaml"):
        shutil.copy(records / name, target / name)
    shutil.copytree(records / "themes", target / "themes")
    shutil.copytree(REPO / "schemas", root / "schemas")
    return target


def exported(records: Path) -> dict[str, bytes]:
    """The open data files of a records folder, as the site publishes them."""
    checked = check_portfolio(Settings(records_dir=records, today=RECORDS_TODAY))
    assert not checked.failed, [p.as_text() for p in checked.failing]
    return data_files(checked.portfolio, {}, RECORDS_TODAY)


Run = Callable[..., Result]


@pytest.fixture
def run() -> Run:
    def run_import(*args: str) -> Result:
        return invoke("import", *args, "--today", RECORDS_TODAY)

    return run_import


@pytest.fixture(scope="session")
def shipped_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("shipped") / "portefoelje.xlsx"
    path.write_bytes(exported(REPO / "records")["data/portefoelje.xlsx"])
    return path


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    """An empty portfolio with the shipped themes, departments and ladder."""
    return empty_like(REPO / "records", tmp_path / "repo")


def yaml_files(records: Path) -> list[str]:
    return sorted(p.relative_to(records).as_posix() for p in records.rglob("*.yaml"))
