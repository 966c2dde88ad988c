"""Fixtures for the contribution workflow: its portfolio written as a repository-like folder."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.authoring.sample import SAMPLE
from tests.sample_records import Records, write_records, write_tree

# Issue bodies as GitHub's issue forms write them.
ISSUES = Path(__file__).resolve().parent / "fixtures" / "issues"


@dataclass(frozen=True)
class Tree:
    """A repository-like folder: records/ (the sample portfolio) and schemas/."""

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

    def add(self, files: Records) -> None:
        """Records made by tests/sample_records.py, at their paths."""
        write_tree(self.records, files)

    def files(self) -> set[str]:
        return {p.relative_to(self.records).as_posix() for p in self.records.rglob("*.yaml")}


@pytest.fixture
def tree(tmp_path: Path) -> Callable[..., Tree]:
    """Write the sample portfolio under tmp_path/repo, changed by a dict of path → text (or
    a record made by tests/sample_records.py)."""

    built_roots: list[Path] = []

    def build(files: Mapping[str, Any] | None = None) -> Tree:
        root = tmp_path / ("repo" if not built_roots else f"repo-{len(built_roots)}")
        built_roots.append(root)
        write_records(root, {**SAMPLE, **(files or {})})
        return Tree(root)

    return build
