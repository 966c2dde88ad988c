"""The workflows and the issue form: GitHub's schemas, zizmor, and the rules we hold them to."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
WORKFLOW_TEXT = {path.name: path.read_text(encoding="utf-8") for path in WORKFLOWS}
BIN = Path(sys.executable).parent
INSTALL = [
    "python -m pip install --require-hashes --no-deps -r requirements.lock",
    "python -m pip install --no-deps --no-build-isolation -e .",
]
CHECKED_OUT = WORKFLOWS
PINNED = re.compile(r"^\s*(?:- )?uses: ([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+$")


def load(path: Path) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert isinstance(on, dict)
    return on


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, check=False, cwd=REPO
    )


def test_there_are_the_four_workflows() -> None:
    names = [path.name for path in WORKFLOWS]
    assert names == ["issue-to-pr.yml", "pages.yml", "pull-request.yml", "review-comment.yml"]


def test_workflows_match_githubs_schema() -> None:
    done = run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_issue_forms_match_githubs_schema() -> None:
    forms = sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))
    names = [form.name for form in forms]
    assert names == ["beslutning.yml", "idekort.yml", "tema.yml", "testresultat.yml"]
    done = run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-issue-forms", *forms)
    assert done.returncode == 0, done.stdout + done.stderr


def test_zizmor_finds_nothing() -> None:
    done = run(BIN / "zizmor", "--offline", "--persona", "pedantic", GITHUB / "workflows")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout


@pytest.mark.parametrize("path", CHECKED_OUT, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit(path: Path) -> None:
    lines = [line for line in path.read_text().splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        assert PINNED.match(line), f"not pinned to a full commit SHA with its version: {line}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_pull_request_target_and_no_expressions_in_scripts(path: Path) -> None:
    workflow = load(path)
    assert "pull_request_target" not in triggers(workflow)
    code = [line for line in path.read_text().splitlines() if not line.lstrip().startswith("#")]
    assert "pull_request_target" not in "\n".join(code)
    for step in steps(workflow):
        assert "${{" not in step.get("run", ""), step.get("name")


@pytest.mark.parametrize("path", CHECKED_OUT, ids=lambda p: p.name)
def test_python_comes_from_the_lock_file(path: Path) -> None:
    scripts = [step["run"] for step in steps(load(path)) if "pip install" in step.get("run", "")]
    assert scripts
    for script in scripts:
        assert script.strip().splitlines() == INSTALL


NPM_INSTALL = "npm ci --ignore-scripts --no-audit --no-fund"


@pytest.mark.parametrize("path", CHECKED_OUT, ids=lambda p: p.name)
def test_pagefind_comes_from_the_lock_file_before_any_build_or_test(path: Path) -> None:
    for job in load(path)["jobs"].values():
        scripts = [step.get("run", "").strip() for step in job.get("steps", [])]
        needs = [i for i, s in enumerate(scripts) if "portfolio build" in s or "pytest" in s]
        if needs:
            assert NPM_INSTALL in scripts[: needs[0]], job.get("name")
        else:
            assert NPM_INSTALL not in scripts, job.get("name")  # only where it is used


def test_pull_requests_are_validated_read_only() -> None:
    workflow = load(GITHUB / "workflows" / "pull-request.yml")
    assert list(triggers(workflow)) == ["pull_request"]
    assert workflow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in workflow["jobs"].values())
    scripts = " ".join(step.get("run", "") for step in steps(workflow))
    assert 'portfolio validate --format github --base "origin/${BASE_REF}"' in scripts
    assert "portfolio codeowners --check" in scripts
    assert "portfolio issueform --check" in scripts
    [checkout] = [
        s for s in workflow["jobs"]["records"]["steps"] if "checkout" in s.get("uses", "")
    ]
    assert checkout["with"]["fetch-depth"] == 0  # the base branch is there for --base


def test_pages_builds_read_only_and_deploys_alone() -> None:
    workflow = load(GITHUB / "workflows" / "pages.yml")
    assert triggers(workflow)["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert jobs["validate"]["permissions"] == {"contents": "read"}
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["build"]["needs"] == "validate"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert set(jobs["deploy"]["needs"]) == {"validate", "build"}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    [checkout] = [s for s in jobs["build"]["steps"] if "checkout" in s.get("uses", "")]
    assert checkout["with"]["fetch-depth"] == 0  # "Godkendt i pull request" reads the history
    uses = [step.get("uses", "") for step in jobs["deploy"]["steps"]]
    assert [u.split("@")[0] for u in uses] == ["actions/deploy-pages"]


def test_issue_to_pull_request_is_narrow() -> None:
    workflow = load(GITHUB / "workflows" / "issue-to-pr.yml")
    assert triggers(workflow) == {"issues": {"types": ["labeled", "edited"]}}
    assert workflow["permissions"] == {}
    [job] = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    assert "github.event.label.name == 'godkendt-til-pr'" in job["if"]
    body_steps = [s for s in job["steps"] if "github.event.issue.body" in str(s)]
    assert len(body_steps) == 1
    assert body_steps[0]["env"] == {"ISSUE_BODY": "${{ github.event.issue.body }}"}
    scripts = "\n".join(step.get("run", "") for step in job["steps"])
    for command in ("idea", "decision", "result", "theme"):
        assert f'portfolio new {command} --from-issue "${{issue}}"' in scripts, command
    assert "gh pr create" in scripts and "--body-file" in scripts
    assert 'cat ".github/PULL_REQUEST_TEMPLATE/${FORM}.md"' in scripts
    for form in ("idekort", "beslutning", "testresultat", "tema"):
        assert (GITHUB / "PULL_REQUEST_TEMPLATE" / f"{form}.md").exists(), form


def test_the_pull_request_run_hands_over_its_records_as_data_and_a_site_preview() -> None:
    job = load(GITHUB / "workflows" / "pull-request.yml")["jobs"]["review"]
    assert "permissions" not in job  # the workflow's read-only token
    [checkout] = [s for s in job["steps"] if "checkout" in s.get("uses", "")]
    assert checkout["with"] == {"fetch-depth": 0, "persist-credentials": False}
    scripts = "\n".join(step.get("run", "") for step in job["steps"])
    assert 'portfolio build --site-dir "${RUNNER_TEMP}/site"' in scripts
    assert "portfolio review" not in scripts  # its code writes nothing the bot posts
    assert 'cp -R records "${out}/records"' in scripts
    assert '"${PR_NUMBER}" > "${out}/pr-number"' in scripts
    uploads = {
        step["with"]["name"]: step["with"]["path"]
        for step in job["steps"]
        if step.get("uses", "").startswith("actions/upload-artifact@")
    }
    assert uploads == {
        "forhaandsvisning-af-sitet": "${{ runner.temp }}/site",
        "poster-til-resumeet": "${{ runner.temp }}/poster",
    }


def test_the_comment_is_written_by_the_default_branchs_code_alone() -> None:
    workflow = load(GITHUB / "workflows" / "review-comment.yml")
    assert triggers(workflow) == {
        "workflow_run": {"workflows": ["Valider pull request"], "types": ["completed"]}
    }
    assert load(GITHUB / "workflows" / "pull-request.yml")["name"] == "Valider pull request"
    assert workflow["permissions"] == {}
    [job] = workflow["jobs"].values()
    assert job["permissions"] == {
        "contents": "read",
        "actions": "read",
        "pull-requests": "write",
    }
    assert "github.event.workflow_run.event == 'pull_request'" in job["if"]
    uses = [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]
    assert uses == ["actions/checkout", "actions/setup-python"]
    [checkout] = [s for s in job["steps"] if "checkout" in s.get("uses", "")]
    # The default branch: never the pull request's head (its sha, branch or repository).
    assert checkout["with"]["ref"] == "${{ github.event.repository.default_branch }}"
    assert checkout["with"]["persist-credentials"] is False
    assert set(checkout["with"]) == {"ref", "fetch-depth", "persist-credentials"}
    text = WORKFLOW_TEXT["review-comment.yml"]
    for head in ("head_branch", "head_repository", "pull_request.head", "head.ref"):
        assert head not in text, head
    assert text.count("workflow_run.head_sha") == 2  # the concurrency group and the check
    scripts = "\n".join(step.get("run", "") for step in job["steps"])
    # The artifact is data: nothing in it is installed, sourced, run or posted as it is.
    artifact_uses = re.findall(r"^.*artifact.*$", scripts, re.MULTILINE)
    for line in artifact_uses:
        for verb in ("pip", "bash", "source", "python", "sh ", "make", "npm", ". "):
            assert not line.lstrip().startswith(verb), line
    assert not re.search(r"artifact/(?!records\b|pr-number\b|site-outcome\b)", scripts)
    assert "review.md" not in "\n".join(line for line in artifact_uses)
    install = [s["run"] for s in job["steps"] if "pip install" in s.get("run", "")]
    assert [script.strip().splitlines() for script in install] == [INSTALL]
    assert 'portfolio review --records "${change}/records" --base "origin/${BASE_REF}"' in scripts
    assert "gh run download" in scripts
    assert '[[ "${number}" =~ ^[0-9]{1,10}$ ]]' in scripts
    assert "--jq .base.ref" in scripts  # the base from the API, never from the artifact
