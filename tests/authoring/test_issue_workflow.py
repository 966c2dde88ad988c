"""The issue workflow's own scripts, run as GitHub runs them, against a local remote."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.authoring.conftest import FIXTURES, REPO, Tree
from tests.gittools import git

Build = Callable[..., Tree]
WORKFLOW = REPO / ".github" / "workflows" / "issue-to-pr.yml"
FAKE_GH = """#!/bin/sh
printf '%s\\n' "$*" >> "$GH_LOG"
"""


def scripts() -> dict[str, tuple[str, dict[str, str]]]:
    """Each `run:` step of the workflow by name, with its env: (expressions unresolved)."""
    workflow: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    [job] = workflow["jobs"].values()
    return {s["name"]: (s["run"], s.get("env", {})) for s in job["steps"] if "run" in s}


class Runner:
    """A checkout of the default branch with a bare `origin`, a fake `gh`, and $RUNNER_TEMP."""

    def __init__(self, t: Tree, tmp: Path) -> None:
        shutil.copytree(REPO / ".github", t.root / ".github")
        (t.root / ".github" / "CODEOWNERS").unlink()
        git(tmp, "init", "--quiet", "--bare", "--initial-branch=main", str(tmp / "origin.git"))
        git(t.root, "init", "--quiet", "--initial-branch=main")
        git(t.root, "add", "--all")
        git(t.root, "commit", "--quiet", "-m", "start")
        git(t.root, "remote", "add", "origin", str(tmp / "origin.git"))
        git(t.root, "push", "--quiet", "origin", "main")
        self.root, self.temp, self.bin = t.root, tmp / "runner-temp", tmp / "bin"
        self.temp.mkdir()
        self.bin.mkdir()
        (self.bin / "gh").write_text(FAKE_GH)
        (self.bin / "gh").chmod(0o755)
        self.gh_log = tmp / "gh.log"
        self.outputs = tmp / "github-output"
        self.outputs.touch()

    def skipped(self, name: str, refused: bool) -> bool:
        """Whether the step's `if:` skips it, given the step `idea`'s output."""
        workflow: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
        [job] = workflow["jobs"].values()
        [step] = [s for s in job["steps"] if s.get("name") == name]
        condition = step.get("if", "")
        value = "'true'" if refused else "''"
        return bool(condition) and not eval(  # noqa: S307 - a test's own workflow file
            condition.replace("steps.idea.outputs.refused", value)
        )

    def run(self, name: str, **values: str) -> subprocess.CompletedProcess[str]:
        """One step: its env: with the event's values put in, under bash -eo pipefail."""
        script, env = scripts()[name]
        resolved = {key: values[key] for key in env if key in values}
        assert set(resolved) == set(env), f"give a value for every env: of {name}"
        path = (
            f"{self.bin}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
        )
        environment = {
            **os.environ, **resolved, "PATH": path, "RUNNER_TEMP": str(self.temp),
            "GITHUB_OUTPUT": str(self.outputs),
            "GH_LOG": str(self.gh_log), "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        }  # fmt: skip
        return subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd=self.root, env=environment, capture_output=True, text=True, check=False,
        )  # fmt: skip


@pytest.fixture
def runner(tree: Build, tmp_path: Path) -> Runner:
    return Runner(tree(), tmp_path)


def test_a_labelled_issue_becomes_a_branch_and_a_pull_request(runner: Runner) -> None:
    issue = (FIXTURES / "issues" / "complete.md").read_text(encoding="utf-8")
    steps = [
        ("Gem issue-teksten i en fil", {"ISSUE_BODY": issue}),
        ("Lav idekortet", {"CREATED_AT": "2022-06-01T08:15:00Z"}),
        ("Opdater CODEOWNERS", {}),
        ("Valider hele porteføljen", {}),
        ("Opret gren og pull request", {"GH_TOKEN": "t", "ISSUE_NUMBER": "42", "BASE_BRANCH": "main"}),
    ]  # fmt: skip
    for name, values in steps:
        assert not runner.skipped(name, refused=False), name
        done = runner.run(name, **values)
        assert done.returncode == 0, f"{name}: {done.stdout}{done.stderr}"
    assert runner.skipped("Svar på issuet, når det ikke kan blive et idekort", refused=False)
    assert runner.outputs.read_text() == ""
    idea = "records/ideas/digital-nabohjaelp-for-aeldre-paa-aabyhoej/idea.yaml"
    pushed = git(runner.root, "ls-remote", "origin", "refs/heads/idekort/issue-42")
    assert pushed.strip()
    files = git(runner.root, "show", "--name-only", "--format=%s", "idekort/issue-42")
    assert files.splitlines()[0] == "Idekort fra issue #42"
    assert set(files.split()[4:]) == {idea, ".github/CODEOWNERS"}
    assert "submitted: 2022-06-01\n" in (runner.root / idea).read_text()
    calls = runner.gh_log.read_text().splitlines()
    assert calls[0] == "auth setup-git"
    assert calls[1].startswith("pr create --base main --head idekort/issue-42 ")
    assert "--title Idekort fra issue #42 --body-file" in calls[1]
    body = (runner.temp / "pr-body.md").read_text()
    assert "Lukker #42" in body and "## Nyt idekort" in body


def test_a_bad_issue_stops_the_run_and_its_text_cannot_command_the_runner(
    runner: Runner,
) -> None:
    issue = (FIXTURES / "issues" / "unknown_choices.md").read_text(encoding="utf-8")
    issue = issue.replace("Sport og fritid", "::warning::falsk")
    assert runner.run("Gem issue-teksten i en fil", ISSUE_BODY=issue).returncode == 0
    done = runner.run("Lav idekortet", CREATED_AT="2022-06-01T08:15:00Z")
    assert done.returncode == 0  # no failed run: the issue gets a comment instead
    assert runner.outputs.read_text() == "refused=true\n"
    lines = done.stdout.splitlines()
    token = lines[0].removeprefix("::stop-commands::")
    assert lines[0].startswith("::stop-commands::") and len(token) == 32
    assert lines[-1] == f"::{token}::"
    assert "Issuet kan ikke blive til et idekort" in done.stdout
    assert not list((runner.root / "records" / "ideas").glob("klimavenlige-kantiner"))


def test_on_a_day_no_theme_is_open_the_issue_is_answered_in_danish(runner: Runner) -> None:
    issue = (FIXTURES / "issues" / "complete.md").read_text(encoding="utf-8")
    assert runner.run("Gem issue-teksten i en fil", ISSUE_BODY=issue).returncode == 0
    done = runner.run("Lav idekortet", CREATED_AT="2025-03-01T08:15:00Z")
    assert done.returncode == 0, done.stdout + done.stderr
    assert runner.outputs.read_text() == "refused=true\n"
    reply = "Svar på issuet, når det ikke kan blive et idekort"
    assert not runner.skipped(reply, refused=True)
    for later in ("Opdater CODEOWNERS", "Valider hele porteføljen", "Opret gren og pull request"):
        assert runner.skipped(later, refused=True), later
    event = {"GH_TOKEN": "t", "ISSUE_NUMBER": "42"}
    answered = runner.run(reply, **event)
    assert answered.returncode == 0, answered.stdout + answered.stderr
    [call] = runner.gh_log.read_text().splitlines()
    assert call.startswith("issue comment 42 --body-file ")
    comment = (runner.temp / "comment.md").read_text(encoding="utf-8")
    assert "Intet tema er åbent for nye ideer den 1. marts 2025." in comment
    assert "koordinatoren i Borgmesterens Afdeling" in comment and "portfolio new theme" in comment
    assert "Traceback" not in comment
    assert not list((runner.root / "records" / "ideas").glob("digital-nabohjaelp-for-*"))
