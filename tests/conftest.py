"""Shared fixtures: records trees built from the case folders or from a dict, and the CLI."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from generator import settings as settings_module
from generator.cli import main
from tests.gittools import git
from tests.sample_records import write_records

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "cases"
BASE_RECORDS = CASES / "base" / "records"
CASE_TODAY = "2022-12-31"
# A day for the repository's own records (and a new repository's): every period has ended.
RECORDS_TODAY = "2026-12-04"

# Every code the specification names: the rules, and the file and schema checks.
SPEC_CODES = {f"L{n:02d}" for n in range(1, 12)} | {
    "P01", "W01", "W02", "W03", "W04", "W05", "yaml", "schema",
}  # fmt: skip

# In CI the property tests draw the same examples every run, so a red build is reproducible;
# locally they explore anew each time.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


def make_tree(
    root: Path, case_dir: Path | None = None, files: Mapping[str, str] | None = None
) -> Path:
    """A records folder at root/records: the base case, a case's changes, then `files`."""
    records = root / "records"
    shutil.copytree(BASE_RECORDS, records)
    if case_dir is not None:
        apply_case(records, case_dir)
    return write_records(root, files or {})


def apply_case(records: Path, case_dir: Path) -> None:
    """A case's changes to a records folder: its `delete` list, then its `records/` files."""
    delete = case_dir / "delete"
    if delete.exists():
        for rel in delete.read_text().split():
            (records / rel).unlink()
    shutil.copytree(case_dir / "records", records, dirs_exist_ok=True)
    (records / ".gitkeep").unlink(missing_ok=True)


def make_case_tree(root: Path, case_dir: Path) -> tuple[Path, str | None]:
    """A case's records folder, and the git revision to compare with when it has a `base/`:
    the base records with the case's `base/` changes are committed first (tagged 'base'),
    then the case's own changes are made on top, uncommitted."""
    if not (case_dir / "base").is_dir():
        return make_tree(root, case_dir), None
    records = make_tree(root, case_dir / "base")
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "-m", "base")
    git(root, "tag", "base")
    apply_case(records, case_dir)
    return records, "base"


@pytest.fixture
def records_tree(tmp_path: Path) -> Callable[..., Path]:
    """Build a valid records tree, changed by a dict of relative path → text."""

    def build(files: Mapping[str, str] | None = None) -> Path:
        return make_tree(tmp_path, files=files)

    return build


def invoke(
    *args: str | Path,
    input: str | bytes | IO[Any] | None = None,
    catch_exceptions: bool = False,
) -> Result:
    """`portfolio` run in-process as a person types it: its Danish program name, stderr apart
    from stdout, and any exception the command lets through reaching the test unchanged."""
    return CliRunner().invoke(
        main,
        [str(a) for a in args],
        input=input,
        prog_name="portfolio",
        catch_exceptions=catch_exceptions,
    )


@pytest.fixture
def portfolio_cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """`invoke` as a fixture; `cwd` runs it in a folder, `input` feeds the prompts."""

    def run(*args: str | Path, input: str | None = None, cwd: Path | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        return invoke(*args, input=input)

    return run


@pytest.fixture(autouse=True)
def _no_real_date(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may depend on the real date: reading the clock fails the test, unless it is
    marked `reads_clock` (a test of the clock's own default)."""
    if request.node.get_closest_marker("reads_clock"):
        return

    def refuse() -> str:
        raise AssertionError("the test read the real date; give it --today or Settings(today=…)")

    monkeypatch.setattr(settings_module, "clock_today", refuse)
