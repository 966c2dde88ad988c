"""Fixtures for `portfolio review`: a small portfolio committed in a real git repository."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import Result

from tests.authoring.conftest import Tree
from tests.authoring.sample import SAMPLE, TODAY
from tests.conftest import invoke
from tests.gittools import git
from tests.sample_records import idea_files, screening, write_records

# The change most tests review: ny-ide, waiting in the sample, screened fit.
NY_IDE_FIT = idea_files("ny-ide", None, [screening("2022-06-20", rationale="Passer til temaet.")])


@dataclass(frozen=True)
class Repo(Tree):
    """A git repository with records/ and schemas/, committed and tagged 'base'."""

    def commit(self, message: str) -> None:
        git(self.root, "add", "--all")
        git(self.root, "commit", "--quiet", "-m", message)

    def review(self, *args: str) -> Result:
        """`portfolio review` on this repository's records; stderr apart from stdout."""
        return invoke("review", "--records", self.records, "--today", TODAY, *args)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """The contribution sample portfolio in a fresh git repository, committed and tagged as 'base'."""
    root = tmp_path / "repo"
    write_records(root, SAMPLE)
    (root / "README.md").write_text("# Portefølje\n", encoding="utf-8")
    git(root, "init", "--quiet", "--initial-branch=main")
    built = Repo(root)
    built.commit("base")
    git(root, "tag", "base")
    return built
