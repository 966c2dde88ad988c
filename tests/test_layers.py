"""The command line sits on top: no library module imports the click layer."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

CLICK_LAYER = {"generator.cli", "generator.cli_options", "generator.cli_danish"}


def is_command_line(path: Path) -> bool:
    """The modules that make up the command line: cli.py and cli_*.py in any package."""
    return path.stem == "cli" or path.stem.startswith("cli_") or path.name == "__main__.py"


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_library_module_imports_the_command_line() -> None:
    modules = [p for p in (REPO / "generator").rglob("*.py") if not is_command_line(p)]
    assert len(modules) > 30  # the scan sees the package
    offenders = {
        str(p.relative_to(REPO)): sorted(imported(p) & CLICK_LAYER)
        for p in modules
        if imported(p) & CLICK_LAYER
    }
    assert offenders == {}
