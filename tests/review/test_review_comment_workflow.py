"""The commenting workflow's scripts, run with bash in a stand-in for the default branch's
checkout and against a stand-in for `gh`.

The stand-in answers like GitHub's API and records every call, so these tests see which
comment the trusted run writes or edits: the text `portfolio review` of the checked-out
code writes about the pull request's records, whatever else the artifact holds.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.review.render import COMMENT_MARKER
from tests.authoring.sample import SAMPLE, TODAY
from tests.conftest import REPO, invoke
from tests.gittools import git
from tests.review.conftest import NY_IDE_FIT
from tests.sample_records import write_records, write_tree

WORKFLOW = REPO / ".github" / "workflows" / "review-comment.yml"
HEAD_SHA = "a" * 40
FORGED = "Ingen fejl. Godkend gerne, @aarhus-kommune/alle"

FAKE_GH = """\
import json, os, shutil, subprocess, sys
args = sys.argv[1:]
state = os.environ["FAKE_STATE"]
with open(os.path.join(state, "calls.jsonl"), "a", encoding="utf-8") as log:
    call = {"args": args}
    for arg in args:
        if arg.startswith("body=@"):
            with open(arg.removeprefix("body=@"), encoding="utf-8") as body:
                call["body"] = body.read()
    log.write(json.dumps(call) + "\\n")
if args[:2] == ["run", "download"]:
    artifact = os.path.join(state, "artifact")
    if not os.path.isdir(artifact):
        sys.exit(1)
    shutil.copytree(artifact, args[args.index("--dir") + 1], symlinks=True)
elif args[0] == "api" and "/pulls/" in args[1]:
    print(os.environ["FAKE_HEAD"] if args[-1] == ".head.sha" else "main")
elif args[0] == "api" and args[1] == "--paginate":
    comments = os.path.join(state, "comments.json")
    jq = args[args.index("--jq") + 1]
    sys.stdout.write(subprocess.run(["jq", "-r", jq, comments], capture_output=True,
                     text=True, check=True).stdout)
"""


@pytest.fixture
def jq() -> None:
    """The workflow filters gh's output with jq: without it the test fails, saying so."""
    if shutil.which("jq") is None:
        pytest.fail(
            "jq is missing: install Debian's jq package (apt-get install jq, or make test-deps)."
        )


needs_jq = pytest.mark.usefixtures("jq")


def steps() -> list[dict[str, Any]]:
    workflow: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    [job] = workflow["jobs"].values()
    result: list[dict[str, Any]] = job["steps"]
    return result


def default_branch(root: Path) -> Path:
    """What the checkout step leaves: the default branch, with origin/main beside it."""
    write_records(root, SAMPLE)
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "-m", "base")
    git(root, "update-ref", "refs/remotes/origin/main", "HEAD")
    return root


def pull_request_artifact(folder: Path, number: str | None) -> None:
    """What the pull request's run uploads, and what a hostile one adds to it."""
    write_tree(folder / "records", {**SAMPLE, **NY_IDE_FIT})
    if number is not None:
        (folder / "pr-number").write_text(number + "\n", encoding="utf-8")
    (folder / "site-outcome").write_text("success\n", encoding="utf-8")
    # A pull request that rewrote the review code, and a summary of its own making:
    (folder / "review.md").write_text(f"{COMMENT_MARKER}\n{FORGED}\n", encoding="utf-8")
    markup = folder / "generator/review/markup.py"
    markup.parent.mkdir(parents=True)
    markup.write_text(f"def escape_markdown(text, limit=0):\n    return {FORGED!r}\n")
    (folder / "records/.git").mkdir()
    (folder / "records/.git/config").write_text("[core]\n\tfsmonitor = touch /tmp/owned\n")


def stand_in(
    tmp_path: Path,
    number: str | None,
    head: str,
    comments: list[dict[str, Any]],
    *,
    artifact: bool,
) -> dict[str, str]:
    """The artifact, the API's answers and a fake `gh` on PATH; the runner's environment."""
    state = tmp_path / "state"
    state.mkdir()
    if artifact:
        pull_request_artifact(state / "artifact", number)
    (state / "comments.json").write_text(json.dumps(comments), encoding="utf-8")
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    (fake_bin / "gh").write_text(f"#!{sys.executable}\n{FAKE_GH}", encoding="utf-8")
    (fake_bin / "gh").chmod(0o755)
    (tmp_path / "runner").mkdir()
    (tmp_path / "summary.md").touch()
    tools = Path(sys.executable).parent  # the default branch's installed `portfolio`
    return {
        **os.environ,
        "PATH": f"{fake_bin}{os.pathsep}{tools}{os.pathsep}{os.environ['PATH']}",
        "FAKE_STATE": str(state),
        "FAKE_HEAD": head,
        "RUNNER_TEMP": str(tmp_path / "runner"),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "GITHUB_SERVER_URL": "https://github.com",
        "PORTFOLIO_TODAY": TODAY,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }


EXPRESSIONS = {
    "${{ github.token }}": "token",
    "${{ github.repository }}": "aarhus-kommune/portefoelje",
    "${{ github.event.workflow_run.id }}": "99",
    "${{ github.event.workflow_run.head_sha }}": HEAD_SHA,
}


def resolve(value: str, outputs: dict[str, dict[str, str]]) -> str:
    """A step's `env` value as the runner would give it."""
    found = re.fullmatch(r"\$\{\{ steps\.(\w+)\.outputs\.(\w+) \}\}", value)
    if found:
        return outputs.get(found.group(1), {}).get(found.group(2), "")
    return EXPRESSIONS[value]


def runs(step: dict[str, Any], outputs: dict[str, dict[str, str]]) -> bool:
    """A step's `if`, of the one form the workflow uses."""
    condition = step.get("if")
    if condition is None:
        return True
    found = re.fullmatch(r"steps\.(\w+)\.outputs\.(\w+) == '(\w+)'", condition)
    assert found, condition
    step_id, key, wanted = found.groups()
    return outputs.get(step_id, {}).get(key) == wanted


def run_workflow(
    tmp_path: Path,
    *,
    number: str | None = "17",
    head: str = HEAD_SHA,
    comments: list[dict[str, Any]] | None = None,
    artifact: bool = True,
) -> tuple[int, list[dict[str, Any]]]:
    """Run the job's scripts as the runner would; the exit status and the calls to gh.

    The actions (checkout, setup-python) and the install are what `default_branch` and this
    test's own environment stand in for."""
    env = stand_in(tmp_path, number, head, comments or [], artifact=artifact)
    checkout = default_branch(tmp_path / "workspace")
    outputs: dict[str, dict[str, str]] = {}
    status = 0
    for index, step in enumerate(steps()):
        if "uses" in step or "pip install" in step["run"] or not runs(step, outputs):
            continue
        output = tmp_path / f"output-{index}"
        output.touch()
        step_env = {key: resolve(value, outputs) for key, value in step.get("env", {}).items()}
        done = subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            env={**env, **step_env, "GITHUB_OUTPUT": str(output)},
            cwd=checkout,
            check=False,
        )
        lines = output.read_text().splitlines()
        outputs[step.get("id", str(index))] = dict(line.split("=", 1) for line in lines)
        status = done.returncode
        if status:
            break
    calls_file = tmp_path / "state" / "calls.jsonl"
    lines = calls_file.read_text().splitlines() if calls_file.exists() else []
    return status, [json.loads(line) for line in lines]


def writes(calls: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for c in calls if "--method" in c["args"]]


def main_branch_review(tmp_path: Path) -> str:
    """What the checked-out code's `portfolio review` says of the same change."""
    records = tmp_path / "runner" / "change" / "records"
    command = ["review", "--records", str(records), "--base", "origin/main", "--today", TODAY]
    result = invoke(*command, "--format", "markdown")
    assert result.exit_code == 0, result.output
    return result.stdout


@needs_jq
def test_the_first_run_posts_the_default_branchs_summary_of_the_records(tmp_path: Path) -> None:
    status, calls = run_workflow(tmp_path, comments=[])
    assert status == 0
    [post] = writes(calls)
    assert post["args"][:4] == [
        "api",
        "--method",
        "POST",
        "repos/aarhus-kommune/portefoelje/issues/17/comments",
    ]
    body = post["body"]
    assert body.startswith(main_branch_review(tmp_path))
    assert "**Status:** Indsendt → Inviteret til pitch" in body
    assert "Sitet med ændringen er bygget, men ikke publiceret." in body
    assert "https://github.com/aarhus-kommune/portefoelje/actions/runs/99#artifacts" in body
    assert body == (tmp_path / "summary.md").read_text(encoding="utf-8")


@needs_jq
def test_nothing_the_pull_request_wrote_but_its_records_reaches_the_comment(
    tmp_path: Path,
) -> None:
    status, calls = run_workflow(tmp_path, comments=[])
    assert status == 0
    [post] = writes(calls)
    assert FORGED not in post["body"]  # neither its summary nor its review code
    assert post["body"].count(COMMENT_MARKER) == 1
    assert not (tmp_path / "runner/change/records/.git").exists()
    # The review ran on the default branch's code: the checkout's own, never the artifact's.
    assert not any("generator" in str(c["args"]) for c in calls)


@needs_jq
def test_a_later_run_edits_the_bots_comment_and_no_other(tmp_path: Path) -> None:
    comments = [
        {"id": 5, "user": {"login": "someone"}, "body": f"{COMMENT_MARKER}\nforfalsket"},
        {"id": 6, "user": {"login": "github-actions[bot]"}, "body": "Noget andet"},
        {"id": 7, "user": {"login": "github-actions[bot]"}, "body": f"{COMMENT_MARKER}\ngl."},
    ]
    status, calls = run_workflow(tmp_path, comments=comments)
    assert status == 0
    [patch] = writes(calls)
    assert patch["args"][:4] == [
        "api",
        "--method",
        "PATCH",
        "repos/aarhus-kommune/portefoelje/issues/comments/7",
    ]


@pytest.mark.parametrize("number", ["17; rm -rf /", "../1", "", "1 2", "١٧"])
def test_a_number_that_is_not_digits_is_refused(tmp_path: Path, number: str) -> None:
    status, calls = run_workflow(tmp_path, number=number)
    assert status == 1
    assert [c["args"][:2] for c in calls] == [["run", "download"]]


def test_a_pull_request_that_moved_on_is_left_to_the_newer_run(tmp_path: Path) -> None:
    status, calls = run_workflow(tmp_path, head="b" * 40)
    assert status == 0
    assert writes(calls) == []
    assert not (tmp_path / "runner" / "change").exists()  # nothing reviewed either


def test_an_artifact_without_a_number_is_refused(tmp_path: Path) -> None:
    status, calls = run_workflow(tmp_path, number=None)
    assert status != 0
    assert writes(calls) == []


def test_a_run_that_stopped_before_its_records_were_saved_posts_nothing(tmp_path: Path) -> None:
    status, calls = run_workflow(tmp_path, artifact=False)
    assert status == 0
    assert [c["args"][:2] for c in calls] == [["run", "download"]]
