"""L11 with --base: decisions and done test cards at a git revision are append-only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from generator.errors import GitError
from generator.gitrepo import blob_id, object_format
from generator.rules.history import check_append_only
from generator.settings import Settings
from tests.authoring.conftest import Tree
from tests.authoring.sample import TODAY
from tests.gittools import git

Cli = Callable[..., Result]
Build = Callable[..., Tree]

SCREENING = "ideas/til-pitch/decisions/2021-02-01-screening.yaml"
DONE_CARD = "ideas/trin-et-afsluttet/tests/step-1.yaml"
RUNNING_CARD = "ideas/trin-et/tests/step-1.yaml"


def committed(t: Tree, top: Path | None = None, object_format: str = "sha1") -> Tree:
    """The tree committed in a fresh repository (at `top`, or at the tree's root) as 'base'."""
    top = top or t.root
    git(top, "init", "--quiet", "--initial-branch=main", f"--object-format={object_format}")
    git(top, "add", "--all")
    git(top, "commit", "--quiet", "-m", "base")
    git(top, "tag", "base")
    return t


def l11(t: Tree, base: str = "base", overlay: dict[str, str] | None = None) -> list[str]:
    settings = Settings(records_dir=t.records, today=TODAY, base=base, overlay=overlay or {})
    problems = check_append_only(settings)
    assert all(p.code == "L11" and p.severity == "error" for p in problems)
    return [f"{p.file}:{p.line}:{p.column}: {p.message}" for p in problems]


def test_an_untouched_tree_has_no_problem(tree: Build) -> None:
    t = committed(tree())
    assert l11(t) == []
    assert check_append_only(Settings(records_dir=t.records, today=TODAY)) == []  # no base


def test_a_changed_decision_is_reported_on_the_changed_line(tree: Build) -> None:
    t = committed(tree())
    t.write(SCREENING, t.read(SCREENING).replace("Strategisk fit vurderet.", "Omskrevet."))
    [message] = l11(t)
    assert message.startswith(f"records/{SCREENING}:4:1: Beslutningen er ændret i forhold til base")
    assert "tilføj i stedet en ny beslutning" in message


def test_a_deleted_decision_is_reported(tree: Build) -> None:
    t = committed(tree())
    (t.records / SCREENING).unlink()
    [message] = l11(t)
    assert message.startswith(
        f"records/{SCREENING}:1:1: Beslutningen findes i base, men er slettet"
    )


def test_a_renamed_idea_folder_deletes_its_decisions(tree: Build) -> None:
    t = committed(tree())
    (t.records / "ideas" / "til-pitch").rename(t.records / "ideas" / "til-pitch-2")
    assert len(l11(t)) == 1


def test_layout_and_line_endings_are_no_change(tree: Build) -> None:
    t = committed(tree())
    text = t.read(SCREENING)
    reformatted = "# en kommentar\n" + text.replace("outcome: fit", "outcome: 'fit'")
    (t.records / SCREENING).write_bytes(reformatted.replace("\n", "\r\n").encode())
    assert l11(t) == []


def test_new_decisions_and_cards_are_welcome(tree: Build) -> None:
    t = committed(tree())
    t.write("ideas/til-pitch/decisions/2022-06-01-close.yaml", "date: 2022-06-01\n")
    t.write("ideas/til-pitch/tests/step-1.yaml", "step: 1\n")
    assert l11(t) == []


def test_only_done_test_cards_are_history(tree: Build) -> None:
    t = committed(tree())
    t.write(RUNNING_CARD, t.read(RUNNING_CARD).replace("status: running", "status: planned"))
    assert l11(t) == []
    t.write(DONE_CARD, t.read(DONE_CARD).replace("Det virkede.", "Det virkede godt."))
    [message] = l11(t)
    assert message.startswith(f"records/{DONE_CARD}:13:3: Testkortet (status: done) er ændret")
    (t.records / DONE_CARD).unlink()
    [message] = l11(t)
    assert "er slettet" in message


def test_a_running_card_may_be_finished_once(tree: Build) -> None:
    t = tree()
    committed(t)
    done = t.read(RUNNING_CARD).replace("status: running", "status: done")
    t.write(RUNNING_CARD, done + "result:\n  outcome: refuted\n  learning: Nej.\n")
    assert l11(t) == []
    git(t.root, "commit", "--quiet", "-am", "done")
    t.write(RUNNING_CARD, done + "result:\n  outcome: confirmed\n  learning: Ja.\n")
    assert len(l11(t, base="HEAD")) == 1


def test_the_overlay_counts_as_the_working_tree(tree: Build) -> None:
    t = committed(tree())
    [message] = l11(t, overlay={SCREENING: "date: 2021-02-01\n"})
    assert f"records/{SCREENING}" in message


@pytest.mark.parametrize("algorithm", ["sha1", "sha256"])
def test_blob_ids_are_gits_own(tree: Build, algorithm: str) -> None:
    t = committed(tree(), object_format=algorithm)
    content = (t.records / SCREENING).read_bytes()
    expected = git(t.root, "hash-object", str(t.records / SCREENING)).strip()
    assert blob_id(content, object_format(t.root)) == expected


def test_sha256_repositories(tree: Build) -> None:
    t = committed(tree(), object_format="sha256")
    assert l11(t) == []
    t.write(SCREENING, t.read(SCREENING).replace("fit", "no-fit"))
    assert len(l11(t)) == 1


def test_records_below_the_repository_top(tree: Build, tmp_path: Path) -> None:
    t = committed(tree(), top=tmp_path)
    (t.records / SCREENING).unlink()
    assert len(l11(t)) == 1


def test_unknown_revision(tree: Build) -> None:
    t = committed(tree())
    with pytest.raises(GitError, match="Git-revisionen 'findes-ikke' findes ikke"):
        l11(t, base="findes-ikke")


@pytest.mark.parametrize("ref", ["--output=/tmp/x", "a b", ""])
def test_revisions_that_are_no_revision(tree: Build, ref: str) -> None:
    t = committed(tree())
    with pytest.raises(GitError, match="er ikke en gyldig git-revision"):
        l11(t, base=ref)


def test_not_a_repository(tree: Build) -> None:
    t = tree()
    with pytest.raises(GitError, match="er ikke et git-repository"):
        l11(t)


def test_validate_reports_l11_and_git_errors_in_danish(tree: Build, portfolio_cli: Cli) -> None:
    t = committed(tree())
    t.write(SCREENING, t.read(SCREENING).replace("outcome: fit", "outcome: no-fit"))
    args = ["validate", "--records", t.records, "--today", TODAY]
    result = portfolio_cli(*args, "--base", "base")
    assert result.exit_code == 1
    assert f"records/{SCREENING}:5:1: L11 Beslutningen er ændret" in result.stdout
    result = portfolio_cli(*args, "--base", "origin/main")
    assert result.exit_code == 2  # a setup error, not a problem in the records
    assert result.stderr.startswith("Fejl: Git-revisionen 'origin/main' findes ikke")
    assert "Traceback" not in result.output


def test_a_decision_replaced_by_a_link_is_not_followed(tree: Build) -> None:
    t = committed(tree())
    path = t.records / SCREENING
    path.unlink()
    path.symlink_to("/dev/zero")
    found = l11(t)
    assert len(found) == 1
    assert found[0].startswith(f"records/{SCREENING}:")


def test_a_decision_behind_a_linked_folder_is_not_read(tree: Build, tmp_path: Path) -> None:
    t = committed(tree())
    idea = t.records / "ideas/til-pitch"
    moved = tmp_path / "elsewhere"
    idea.rename(moved)
    idea.symlink_to(moved)
    found = l11(t)
    assert [line.split(":")[0] for line in found] == [f"records/{SCREENING}"]
