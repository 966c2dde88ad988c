"""The commenting workflow's scripts, run with bash against a stand-in for `gh`.

The stand-in answers like GitHub's API from a JSON file and records every call, so these
tests see which comment the trusted run would write or edit, and that it refuses an artifact
whose pull-request number is not a number or names a pull request that has moved on.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.review.render import COMMENT_MARKER
from tests.review.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "review-comment.yml"
HEAD_SHA = "a" * 40

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
    shutil.copytree(artifact, args[args.index("--dir") + 1])
elif args[0] == "api" and "/pulls/" in args[1]:
    print(os.environ["FAKE_HEAD"])
elif args[0] == "api" and args[1] == "--paginate":
    comments = os.path.join(state, "comments.json")
    jq = args[args.index("--jq") + 1]
    sys.stdout.write(subprocess.run(["jq", "-r", jq, comments], capture_output=True,
                     text=True, check=True).stdout)
"""

needs_jq = pytest.mark.skipif(shutil.which("jq") is None, reason="gh filters with jq")


def steps() -> list[dict[str, Any]]:
    workflow: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    [job] = workflow["jobs"].values()
    result: list[dict[str, Any]] = job["steps"]
    return result


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
        (state / "artifact").mkdir()
        (state / "artifact" / "review.md").write_text(f"{COMMENT_MARKER}\n## Resumé\n", "utf-8")
        if number is not None:
            (state / "artifact" / "pr-number").write_text(number + "\n", encoding="utf-8")
    (state / "comments.json").write_text(json.dumps(comments), encoding="utf-8")
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    (fake_bin / "gh").write_text(f"#!{sys.executable}\n{FAKE_GH}", encoding="utf-8")
    (fake_bin / "gh").chmod(0o755)
    (tmp_path / "runner").mkdir()
    (tmp_path / "github-output").touch()
    return {
        **os.environ,
        "PATH": f"{fake_bin}{os.pathsep}{os.environ['PATH']}",
        "FAKE_STATE": str(state),
        "FAKE_HEAD": head,
        "RUNNER_TEMP": str(tmp_path / "runner"),
        "GITHUB_OUTPUT": str(tmp_path / "github-output"),
        "GH_TOKEN": "token",
        "GH_REPO": "aarhus-kommune/portefoelje",
        "RUN_ID": "99",
        "HEAD_SHA": HEAD_SHA,
    }


def run_workflow(
    tmp_path: Path,
    *,
    number: str | None = "17",
    head: str = HEAD_SHA,
    comments: list[dict[str, Any]] | None = None,
    artifact: bool = True,
) -> tuple[int, list[dict[str, Any]]]:
    """Run the job's steps as the runner would; the exit status and the calls to gh."""
    env = stand_in(tmp_path, number, head, comments or [], artifact=artifact)
    output = Path(env["GITHUB_OUTPUT"])
    status = 0
    for step in steps():
        if "found=true" not in output.read_text() and step.get("if"):
            break  # the download found nothing: the next step is skipped
        done = subprocess.run(["bash", "-e", "-c", step["run"]], env=env, check=False)
        status = done.returncode
        if status:
            break
    calls_file = tmp_path / "state" / "calls.jsonl"
    lines = calls_file.read_text().splitlines() if calls_file.exists() else []
    return status, [json.loads(line) for line in lines]


def writes(calls: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for c in calls if "--method" in c["args"]]


@needs_jq
def test_the_first_run_posts_one_comment(tmp_path: Path) -> None:
    status, calls = run_workflow(tmp_path, comments=[])
    assert status == 0
    [post] = writes(calls)
    assert post["args"][:4] == [
        "api",
        "--method",
        "POST",
        "repos/aarhus-kommune/portefoelje/issues/17/comments",
    ]
    assert post["body"] == f"{COMMENT_MARKER}\n## Resumé\n"


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


def test_an_artifact_without_a_number_is_refused(tmp_path: Path) -> None:
    status, calls = run_workflow(tmp_path, number=None)
    assert status != 0
    assert writes(calls) == []


def test_a_run_that_stopped_before_its_summary_posts_nothing(tmp_path: Path) -> None:
    status, calls = run_workflow(tmp_path, artifact=False)
    assert status == 0
    assert [c["args"][:2] for c in calls] == [["run", "download"]]
