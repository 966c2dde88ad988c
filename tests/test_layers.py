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


def test_only_the_settings_read_the_clock() -> None:
    """'Today' is decided once, in the settings, and travels from there: render and figures
    never ask the clock, so a build for a given --today is the same whenever it runs."""
    clock = {"today", "now", "utcnow"}
    readers = set()
    for path in (REPO / "generator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            called = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            if called and node.func.attr in clock:  # type: ignore[attr-defined]
                readers.add(str(path.relative_to(REPO)))
    assert readers == {"generator/settings.py"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, modules: set[str]) -> set[str]:
    """The package's modules `path` imports; `from pkg import mod` is an arrow to mod alone."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            submodules = {f"{node.module}.{alias.name}" for alias in node.names} & modules
            found |= submodules
            if len(submodules) < len(node.names) and node.module in modules:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names} & modules
    return found


def test_no_import_cycle_in_the_package() -> None:
    """Data flows one way: no module reaches itself through its imports, TYPE_CHECKING included."""
    paths = {module_name(p): p for p in (REPO / "generator").rglob("*.py")}
    graph = {name: imported_modules(path, set(paths)) - {name} for name, path in paths.items()}
    assert len(graph) > 30
    done: set[str] = set()
    stack: list[str] = []

    def visit(name: str) -> None:
        if name in stack:
            raise AssertionError(" → ".join([*stack[stack.index(name) :], name]))
        if name in done:
            return
        stack.append(name)
        for target in sorted(graph[name]):
            visit(target)
        stack.pop()
        done.add(name)

    for name in sorted(graph):
        visit(name)
