"""Fixtures for the contribution workflow: a small portfolio in every state, and the CLI."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import write_records

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = "2022-06-30"  # inside the themes' period 2019-2022


@dataclass(frozen=True)
class Tree:
    """A repository-like folder: records/ (from fixtures/records) and schemas/."""

    root: Path

    @property
    def records(self) -> Path:
        return self.root / "records"

    def read(self, rel: str) -> str:
        return (self.records / rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        path = self.records / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def files(self) -> set[str]:
        return {p.relative_to(self.records).as_posix() for p in self.records.rglob("*.yaml")}


@pytest.fixture
def tree(tmp_path: Path) -> Callable[..., Tree]:
    """Build the fixture portfolio under tmp_path/repo, changed by a dict of path → text."""

    built_roots: list[Path] = []

    def build(files: Mapping[str, str] | None = None) -> Tree:
        root = tmp_path / ("repo" if not built_roots else f"repo-{len(built_roots)}")
        built_roots.append(root)
        shutil.copytree(FIXTURES / "records", root / "records")
        write_records(root, files or {})
        return Tree(root)

    return build
