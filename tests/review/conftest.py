"""Fixtures for `portfolio review`: a small portfolio committed in a real git repository."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from tests.authoring.conftest import Tree
from tests.gittools import git

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "authoring" / "fixtures" / "records"
TODAY = "2022-06-30"  # inside the fixture themes' period 2019-2022


@dataclass(frozen=True)
class Repo(Tree):
    """A git repository with records/ and schemas/, committed and tagged 'base'."""

    def commit(self, message: str) -> None:
        git(self.root, "add", "--all")
        git(self.root, "commit", "--quiet", "-m", message)

    def review(self, *args: str) -> Result:
        """`portfolio review` on this repository's records; stderr apart from stdout."""
        runner = CliRunner()
        command = ["review", "--records", str(self.records), "--today", TODAY, *args]
        return runner.invoke(main, command, catch_exceptions=False)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """The fixture portfolio in a fresh git repository, committed and tagged as 'base'."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES, root / "records")
    shutil.copytree(REPO / "schemas", root / "schemas")
    (root / "README.md").write_text("# Portefølje\n", encoding="utf-8")
    git(root, "init", "--quiet", "--initial-branch=main")
    built = Repo(root)
    built.commit("base")
    git(root, "tag", "base")
    return built
