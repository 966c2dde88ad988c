"""`portfolio examples [--remove]`: the fictional examples listed, or removed all at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.authoring.conftest import Tree
from tests.authoring.sample import TODAY

RunCli = Callable[..., Result]


def _mark_examples(tree: Tree, *idea_ids: str) -> None:
    for idea_id in idea_ids:
        rel = f"ideas/{idea_id}/idea.yaml"
        tree.write(rel, tree.read(rel).rstrip("\n") + "\nexample: true\n")


def test_lists_the_examples(tree: Callable[..., Tree], portfolio_cli: RunCli) -> None:
    built = tree()
    _mark_examples(built, "til-pitch", "afvist")
    result = portfolio_cli("examples", "--today", TODAY, "--records", str(built.records))
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "Porteføljen har 2 opdigtede eksempler:",
        "  records/ideas/afvist/",
        "  records/ideas/til-pitch/",
        "Fjern dem alle med: portfolio examples --remove",
    ]
    assert (built.records / "ideas/afvist").is_dir()


def test_remove_deletes_their_folders_and_nothing_else(
    tree: Callable[..., Tree], portfolio_cli: RunCli
) -> None:
    built = tree()
    _mark_examples(built, "til-pitch")
    before = built.files()
    result = portfolio_cli(
        "examples", "--today", TODAY, "--remove", "--records", str(built.records)
    )
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "Fjernede 1 opdigtet eksempel:",
        "  records/ideas/til-pitch/",
    ]
    assert built.files() == {f for f in before if not f.startswith("ideas/til-pitch/")}
    assert sorted(p.name for p in built.records.iterdir()) == sorted(
        ["departments.yaml", "ideas", "ladder.yaml", "themes"]
    )  # nothing left aside
    again = portfolio_cli("examples", "--today", TODAY, "--records", str(built.records))
    assert again.output == "Porteføljen har ingen opdigtede eksempler.\n"


def test_remove_is_all_or_nothing(
    tree: Callable[..., Tree], portfolio_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = tree()
    _mark_examples(built, "til-pitch", "trin-et")
    before = built.files()
    real_rename = Path.rename
    calls: list[Path] = []

    def failing_second(self: Path, target: Path) -> Path:
        calls.append(self)
        if len(calls) == 2:
            raise PermissionError(13, "Adgang nægtet")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", failing_second)
    result = portfolio_cli(
        "examples", "--today", TODAY, "--remove", "--records", str(built.records)
    )
    assert result.exit_code == 1
    assert "Kan ikke fjerne eksemplerne: Adgang nægtet. Intet er fjernet." in result.output
    monkeypatch.undo()
    assert built.files() == before
    assert not [p for p in built.records.iterdir() if p.name.startswith(".")]
