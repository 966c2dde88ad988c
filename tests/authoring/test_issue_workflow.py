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

from tests.authoring.conftest import ISSUES, Tree
from tests.authoring.sample import TODAY
from tests.authoring.test_forms_round import issue_body
from tests.conftest import REPO
from tests.gittools import git

Build = Callable[..., Tree]
WORKFLOW = REPO / ".github" / "workflows" / "issue-to-pr.yml"
# A stand-in for GitHub's `gh`: records its arguments, and answers `pr create` as gh does,
# with the new pull request's address.
FAKE_GH = """#!/bin/sh
printf '%s\\n' "$*" >> "$GH_LOG"
if [ "$1 $2" = "pr create" ]; then echo "https://github.com/org/portefoelje/pull/57"; fi
"""
REPLY = "Svar på issuet, når det ikke kan blive til poster"
MAKE = "Lav posterne"
LATER = (
    "Opdater CODEOWNERS og formularen Idekort",
    "Valider hele porteføljen",
    "Opret gren og pull request",
)


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
        # The idea form as current for these records on the steps' day (a new portfolio's
        # departments differ from the sample's), so a pull request changes it only when a
        # theme opens.
        form = t.root / ".github" / "ISSUE_TEMPLATE" / "idekort.yml"
        subprocess.run(
            [sys.executable, "-m", "generator", "issueform", "--records", str(t.root / "records"),
             "--output", str(form), "--today", TODAY],
            cwd=t.root, capture_output=True, check=True,
        )  # fmt: skip
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

    def outputs_of_records(self) -> dict[str, str]:
        lines = self.outputs.read_text().splitlines()
        return dict(line.split("=", 1) for line in lines if "=" in line)

    def skipped(self, name: str) -> bool:
        """Whether the step's `if:` skips it, given what the step `records` wrote out."""
        workflow: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
        [job] = workflow["jobs"].values()
        [step] = [s for s in job["steps"] if s.get("name") == name]
        condition = step.get("if", "")
        for key in ("refused", "made", "exists", "form"):
            value = self.outputs_of_records().get(key, "")
            condition = condition.replace(f"steps.records.outputs.{key}", repr(value))
        return bool(condition) and not eval(condition)  # noqa: S307 - a test's own workflow file

    def make(self, issue: str, labels: str, number: str = "42", created: str = "") -> str:
        """The steps up to `records`, as an issue event runs them; returns its output."""
        self.outputs.write_text("")
        assert self.run("Gem issue-teksten i en fil", ISSUE_BODY=issue).returncode == 0
        done = self.run(
            MAKE, LABELS=labels, CREATED_AT=created or "2022-06-01T08:15:00Z", ISSUE_NUMBER=number
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    def open_pull_request(self, number: str = "42") -> None:
        for name in LATER:
            assert not self.skipped(name), name
            values = {"GH_TOKEN": "t", "ISSUE_NUMBER": number, "BASE_BRANCH": "main"}
            values["FORM"] = self.outputs_of_records()["form"]
            done = self.run(name, **values)
            assert done.returncode == 0, f"{name}: {done.stdout}{done.stderr}"

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
            "PORTFOLIO_TODAY": TODAY,  # every `portfolio` the steps run takes this day
        }  # fmt: skip
        return subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd=self.root, env=environment, capture_output=True, text=True, check=False,
        )  # fmt: skip


@pytest.fixture
def runner(tree: Build, tmp_path: Path) -> Runner:
    return Runner(tree(), tmp_path)


def test_a_labelled_issue_becomes_a_branch_and_a_pull_request(runner: Runner) -> None:
    issue = (ISSUES / "complete.md").read_text(encoding="utf-8")
    runner.make(issue, "idekort,godkendt-til-pr")
    assert runner.outputs_of_records() == {"form": "idekort", "made": "true"}
    assert runner.skipped(REPLY)
    runner.open_pull_request()
    idea = "records/ideas/digital-nabohjaelp-for-aeldre-paa-aabyhoej/idea.yaml"
    pushed = git(runner.root, "ls-remote", "origin", "refs/heads/idekort/issue-42")
    assert pushed.strip()
    files = git(runner.root, "show", "--name-only", "--format=%s", "idekort/issue-42")
    assert files.splitlines()[0] == "Idekort: Digital nabohjælp for ældre på Åbyhøj"
    assert set(files.splitlines()[1:]) - {""} == {idea, ".github/CODEOWNERS"}
    assert "submitted: 2022-06-01\n" in (runner.root / idea).read_text()
    calls = runner.gh_log.read_text().splitlines()
    assert calls[0] == "auth setup-git"
    assert calls[1].startswith("pr create --base main --head idekort/issue-42 ")
    assert "--title Idekort: Digital nabohjælp for ældre på Åbyhøj --body-file" in calls[1]
    assert len(calls) == 2  # an idea card has no decision to link
    body = (runner.temp / "pr-body.md").read_text()
    assert "Lukker #42" in body and "## Nyt idekort" in body


def test_a_bad_issue_stops_the_run_and_its_text_cannot_command_the_runner(
    runner: Runner,
) -> None:
    issue = (ISSUES / "unknown_choices.md").read_text(encoding="utf-8")
    issue = issue.replace("Sport og fritid", "::warning::falsk")
    stdout = runner.make(issue, "idekort,godkendt-til-pr")  # no failed run: a comment instead
    assert runner.outputs_of_records() == {"form": "idekort", "refused": "true"}
    lines = stdout.splitlines()
    token = lines[0].removeprefix("::stop-commands::")
    assert lines[0].startswith("::stop-commands::") and len(token) == 32
    assert lines[-1] == f"::{token}::"
    assert "Issuet kan ikke blive til et idekort" in stdout
    assert not list((runner.root / "records" / "ideas").glob("klimavenlige-kantiner"))


def test_on_a_day_no_theme_is_open_the_issue_is_answered_in_danish(runner: Runner) -> None:
    issue = (ISSUES / "complete.md").read_text(encoding="utf-8")
    runner.make(issue, "idekort,godkendt-til-pr", created="2025-03-01T08:15:00Z")
    assert runner.outputs_of_records()["refused"] == "true"
    assert not runner.skipped(REPLY)
    for later in LATER:
        assert runner.skipped(later), later
    event = {"GH_TOKEN": "t", "ISSUE_NUMBER": "42"}
    answered = runner.run(REPLY, **event)
    assert answered.returncode == 0, answered.stdout + answered.stderr
    [call] = runner.gh_log.read_text().splitlines()
    assert call.startswith("issue comment 42 --body-file ")
    comment = (runner.temp / "comment.md").read_text(encoding="utf-8")
    assert "Intet tema er åbent for nye ideer den 1. marts 2025." in comment
    assert "åbnes af koordinatoren" in comment and "portfolio new theme" in comment
    assert "Traceback" not in comment
    assert not list((runner.root / "records" / "ideas").glob("digital-nabohjaelp-for-*"))


SCREENING = {
    "beslutning": "Investeringstrin",
    "dato": "1. marts 2022",
    "besluttet_af": "Direktørgruppen",
    "begrundelse": "Ideen passer til temaet.",
    "spoergsmaal": "Vil borgerne bruge den?",
    "hypotese": "Halvdelen bruger den.",
    "metode": "Et forsøg.",
    "succeskriterier": "20 brugere",
    "slut": "2022-05-31",
}


def test_a_decision_issue_becomes_a_pull_request_whose_address_the_decision_holds(
    runner: Runner,
) -> None:
    issue = issue_body("beslutning", {"ide": "til-pitch", **SCREENING})
    runner.make(issue, "beslutning,godkendt-til-pr", number="7")
    assert runner.outputs_of_records() == {"form": "beslutning", "made": "true"}
    runner.open_pull_request(number="7")
    calls = runner.gh_log.read_text().splitlines()
    assert calls[1].startswith("pr create --base main --head beslutning/issue-7 ")
    title = git(runner.root, "log", "--format=%s", "-2", "beslutning/issue-7").splitlines()
    [idea_title] = [
        line.removeprefix("title: ")
        for line in (runner.root / "records/ideas/til-pitch/idea.yaml").read_text().splitlines()
        if line.startswith("title: ")
    ]
    assert title[1] == f"Beslutning: Investeringstrin 1 – {idea_title}"
    assert f"--title Beslutning: Investeringstrin 1 – {idea_title} --body-file" in calls[1]
    url = "https://github.com/org/portefoelje/pull/57"
    assert title[0] == f"Beslutningen godkendes i {url}"
    decision = runner.root / "records/ideas/til-pitch/decisions/2022-03-01-investment.yaml"
    text = decision.read_text(encoding="utf-8")
    assert f"rationale: Ideen passer til temaet.\npull_request: {url}\nstep: 1\n" in text
    pushed = git(runner.root, "ls-remote", "origin", "refs/heads/beslutning/issue-7").split()[0]
    assert pushed == git(runner.root, "rev-parse", "HEAD").strip()
    check = runner.run("Valider hele porteføljen")
    assert check.returncode == 0, check.stdout


def test_a_refused_issue_is_answered_once_and_runs_again_when_it_is_edited(
    runner: Runner,
) -> None:
    wrong = issue_body("beslutning", {"ide": "til pitsj", **SCREENING, "slut": ""})
    stdout = runner.make(wrong, "beslutning,godkendt-til-pr")
    assert runner.outputs_of_records()["refused"] == "true"
    assert "Feltet 'Idé': 'til pitsj' er ikke en idé i porteføljen. Mente du" in stdout
    answered = runner.run(REPLY, **{"GH_TOKEN": "t", "ISSUE_NUMBER": "42"})
    assert answered.returncode == 0, answered.stderr
    [call] = runner.gh_log.read_text().splitlines()
    assert call.startswith("issue comment 42 --body-file ")
    comment = (runner.temp / "comment.md").read_text(encoding="utf-8")
    assert "Feltet 'Testens slut': skriv testens planlagte sidste dag." in comment
    assert "prøves det igen af sig selv" in comment and "mærket" not in comment
    assert comment.count("Ret issuet") == 1 and comment.count("prøves") == 1  # said once
    for key in ("records/", "rationale", "success_criteria", "_"):
        assert key not in comment.replace("_No response_", ""), key
    # The author edits the issue; the label is still on, so the run comes again by itself.
    workflow: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    on = workflow.get("on", workflow.get(True))
    assert on == {"issues": {"types": ["labeled", "edited"]}}
    [job] = workflow["jobs"].values()
    assert "contains(github.event.issue.labels.*.name, 'godkendt-til-pr')" in job["if"]
    assert "github.event.action == 'edited'" in job["if"]
    assert "github.event.issue.state == 'open'" in job["if"]  # not once it is closed
    runner.make(
        issue_body("beslutning", {"ide": "til-pitch", **SCREENING}), "beslutning,godkendt-til-pr"
    )
    assert runner.outputs_of_records() == {"form": "beslutning", "made": "true"}
    runner.open_pull_request()
    # A later edit finds the pull request made and does nothing more.
    runner.make(
        issue_body("beslutning", {"ide": "til-pitch", **SCREENING}), "beslutning,godkendt-til-pr"
    )
    assert runner.outputs_of_records() == {"form": "beslutning", "exists": "true"}
    assert all(runner.skipped(name) for name in (REPLY, *LATER))


def test_an_issue_without_a_forms_label_makes_nothing(runner: Runner) -> None:
    stdout = runner.make("Hej", "spørgsmål,godkendt-til-pr")
    assert runner.outputs_of_records() == {}
    assert "intet af mærkerne" in stdout
    assert all(runner.skipped(name) for name in (REPLY, *LATER))


def test_a_theme_issue_opens_a_period_and_the_idea_form_follows(runner: Runner) -> None:
    # The steps' day is the sample's (PORTFOLIO_TODAY, 30 June 2022): a period that holds it.
    start, end = "1. januar 2022", "31. december 2025"
    issue = issue_body(
        "tema",
        {"navn": "Grøn omstilling", "art": "Tema", "start": start, "slut": end,
         "reviewere": "@org/groen", "kriterier": "Tværorganisatorisk"},
    )  # fmt: skip
    runner.make(issue, "tema,godkendt-til-pr", number="9")
    assert runner.outputs_of_records() == {"form": "tema", "made": "true"}
    runner.open_pull_request(number="9")
    files = git(runner.root, "show", "--name-only", "--format=%s", "tema/issue-9").splitlines()
    assert files[0] == "Nyt tema: Grøn omstilling"
    assert {"records/themes/groen-omstilling.yaml", ".github/ISSUE_TEMPLATE/idekort.yml"} <= set(
        files
    )
    form = (runner.root / ".github/ISSUE_TEMPLATE/idekort.yml").read_text(encoding="utf-8")
    assert '- "Grøn omstilling"' in form or "- Grøn omstilling" in form
    assert len(runner.gh_log.read_text().splitlines()) == 2  # no decision to link


def test_a_result_issue_finishes_the_test_card(runner: Runner) -> None:
    issue = issue_body(
        "testresultat",
        {"ide": "trin-et", "resultat": "Afkræftet", "laering": "Ingen brugte den."},
    )
    runner.make(issue, "testresultat,godkendt-til-pr", number="11")
    runner.open_pull_request(number="11")
    title = git(runner.root, "log", "-1", "--format=%s", "testresultat/issue-11").strip()
    assert title == "Testresultat: Ide trin-et, trin 1"
    card = (runner.root / "records/ideas/trin-et/tests/step-1.yaml").read_text(encoding="utf-8")
    assert "status: done\nresult:\n  outcome: refuted\n" in card
