"""`portfolio validate`: every output format and exit code, as a user meets them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import cmarkgfm
import pytest
from click.testing import Result
from cmarkgfm.cmark import Options

from generator.markdown_escape import escape_markdown
from tests.conftest import CASE_TODAY, REPO

BAD_AMOUNT = {
    "ideas/digital-nabohjaelp/decisions/2020-04-01-investment.yaml": (
        "date: 2020-04-01\nkind: investment\ndecided_by: D\nrationale: R\nstep: 1\namount: 30000\n"
    )
}
DECISION = "records/ideas/digital-nabohjaelp/decisions/2020-04-01-investment.yaml"
SINGLE_DEPARTMENT = {
    "ideas/digital-nabohjaelp/idea.yaml": (
        REPO / "tests/cases/base/records/ideas/digital-nabohjaelp/idea.yaml"
    )
    .read_text()
    .replace("[sundhed-og-omsorg, kultur-og-borgerservice]", "[sundhed-og-omsorg]")
}

Run = Callable[..., Result]


def test_clean_records_exit_0(records_tree: Callable[..., Path], portfolio_cli: Run) -> None:
    records = records_tree()
    result = portfolio_cli("validate", "--records", str(records), "--today", "2022-12-31")
    assert result.exit_code == 0
    assert result.output == "Ingen fejl fundet.\n"


def test_text_format_is_file_line_col_code_message(
    records_tree: Callable[..., Path], portfolio_cli: Run
) -> None:
    records = records_tree(BAD_AMOUNT)
    result = portfolio_cli(
        "validate", "--records", str(records), "--today", "2022-12-31", cwd=records.parent
    )
    assert result.exit_code == 1
    first, summary = result.output.splitlines()
    assert first.startswith(f"{DECISION}:6:1: L08 Trin 1 er på 25.000 kr.")
    assert summary == "Fandt 1 fejl og 0 advarsler."


def test_json_format_lists_the_six_fields(
    records_tree: Callable[..., Path], portfolio_cli: Run
) -> None:
    records = records_tree(BAD_AMOUNT)
    result = portfolio_cli(
        "validate", "--records", str(records), "--today", "2022-12-31", "--format", "json"
    )
    assert result.exit_code == 1
    rows = json.loads(result.output)
    assert rows == [
        {
            "file": DECISION,
            "line": 6,
            "column": 1,
            "severity": "error",
            "code": "L08",
            "message": rows[0]["message"],
        }
    ]
    assert "skriv amount: 25000" in rows[0]["message"]


def test_github_format_annotates_and_writes_the_step_summary(
    records_tree: Callable[..., Path],
    portfolio_cli: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    records = records_tree(BAD_AMOUNT)
    result = portfolio_cli(
        "validate", "--records", str(records), "--today", "2022-12-31", "--format", "github"
    )
    assert result.exit_code == 1
    assert result.output.startswith(f"::error file={DECISION},line=6,col=1,title=L08::Trin 1 er på")
    table = summary.read_text(encoding="utf-8")
    assert "| Fil | Linje | Kode | Alvor | Besked |" in table
    assert f"| {escape_markdown(DECISION)} | 6 | L08 | fejl |" in table


def test_the_step_summary_keeps_quoted_record_text_and_file_names_inert(
    records_tree: Callable[..., Path],
    portfolio_cli: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    idea = SINGLE_DEPARTMENT["ideas/digital-nabohjaelp/idea.yaml"]
    hostile = "target_group: Elever #<img src=x onerror=alert(1)> [klik](https://evil.example) @all"
    card = re.sub(r"(?m)^target_group:.*$", hostile, idea)
    records = records_tree({"ideas/digital-nabohjaelp/idea.yaml": card})
    (records / "ideas" / "<img src=x onerror=alert(2)>.yaml").write_text("a: 1\n")
    result = portfolio_cli(
        "validate", "--records", str(records), "--today", "2022-12-31", "--format", "github"
    )
    assert "W03" in result.output and "L01" in result.output  # both quote the hostile text
    table = summary.read_text(encoding="utf-8")
    html = cmarkgfm.github_flavored_markdown_to_html(table, options=Options.CMARK_OPT_UNSAFE)
    tags = set(re.findall(r"<([a-z0-9]+)", html))
    assert tags <= {"h2", "p", "table", "thead", "tbody", "tr", "th", "td"}, tags
    assert "onerror=alert(1)" in html and "onerror=alert(2)" in html  # shown, as text
    assert not re.search(r"@\w", html)


def test_warnings_fail_only_when_strict(
    records_tree: Callable[..., Path], portfolio_cli: Run
) -> None:
    records = records_tree(SINGLE_DEPARTMENT)
    args = ("validate", "--records", str(records), "--today", "2022-12-31")
    lenient = portfolio_cli(*args)
    assert lenient.exit_code == 0
    assert "W01 (advarsel)" in lenient.output
    assert portfolio_cli(*args, "--strict").exit_code == 1


@pytest.mark.parametrize(
    "args",
    [
        ("--today", "2020-13-01"),
        ("--today", "i morgen"),
        ("--format", "xml"),
        ("--no-such-option",),
    ],
)
def test_usage_errors_exit_2(
    records_tree: Callable[..., Path], portfolio_cli: Run, args: tuple[str, ...]
) -> None:
    records = records_tree()
    result = portfolio_cli("validate", "--records", str(records), *args)
    assert result.exit_code == 2


def test_a_missing_records_folder_is_a_danish_error_without_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--records", str(tmp_path / "nowhere")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("Fejl: Mappen med poster findes ikke")
    assert "Traceback" not in result.stderr


def test_a_broken_schema_file_is_a_danish_error(
    records_tree: Callable[..., Path], portfolio_cli: Run
) -> None:
    records = records_tree()
    (records.parent / "schemas" / "idea.schema.json").write_text("{ not json", encoding="utf-8")
    result = portfolio_cli("validate", "--records", str(records), "--today", CASE_TODAY)
    assert result.exit_code == 2
    assert "er ugyldigt" in result.output


def test_many_departments_and_many_unknown_ones_are_reported_plainly(
    records_tree: Callable[..., Path],
) -> None:
    from generator.pipeline import check_portfolio
    from generator.settings import Settings

    base = (REPO / "tests/cases/base/records").joinpath
    departments = base("departments.yaml").read_text() + "".join(
        f"afdeling-{n:05d}:\n  name: A\n" for n in range(3000)
    )
    unknown = ", ".join(f"ukendt-{n:05d}" for n in range(2000))
    idea = (
        base("ideas/digital-nabohjaelp/idea.yaml")
        .read_text()
        .replace("[sundhed-og-omsorg, kultur-og-borgerservice]", f"[sundhed-og-omsorg, {unknown}]")
    )
    records = records_tree(
        {"departments.yaml": departments, "ideas/digital-nabohjaelp/idea.yaml": idea}
    )
    problems = check_portfolio(Settings(records_dir=records, today="2022-12-31")).problems
    assert len([p for p in problems if p.code == "L02"]) == 2000
    assert all(len(p.message) < 200 for p in problems)


def test_at_most_fifty_problems_are_listed_a_file(
    records_tree: Callable[..., Path],
    portfolio_cli: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 62 partners, each cut short by a comment: 62 W03 warnings in one file. 50 are listed,
    # then "og 12 flere i samme fil" (62 - 50 = 12); the count says all 62.
    idea = SINGLE_DEPARTMENT["ideas/digital-nabohjaelp/idea.yaml"].replace(
        "[sundhed-og-omsorg]", "[sundhed-og-omsorg, kultur-og-borgerservice]"
    )
    partners = "partners:\n" + "".join(f"  - Forening {n} #{n}\n" for n in range(62))
    records = records_tree({"ideas/digital-nabohjaelp/idea.yaml": idea + partners})
    card = "records/ideas/digital-nabohjaelp/idea.yaml"
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    args = ("validate", "--records", str(records), "--today", "2022-12-31")
    text = portfolio_cli(*args, cwd=records.parent).output.splitlines()
    assert len(text) == 50 + 2
    assert text[-2:] == [f"{card}: og 12 flere i samme fil.", "Fandt 0 fejl og 62 advarsler."]
    github = portfolio_cli(*args, "--format", "github").output.splitlines()
    assert len([line for line in github if line.startswith("::warning ")]) == 50
    assert github[-2] == f"::notice file={card}::og 12 flere i samme fil."
    assert "og 12 flere i samme fil\\." in summary.read_text(encoding="utf-8")
    rows = json.loads(portfolio_cli(*args, "--format", "json").output)
    assert len(rows) == 62  # the data is whole


@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_a_name_that_is_not_utf8_is_an_l01_problem_in_every_format(
    records_tree: Callable[..., Path],
    portfolio_cli: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    output_format: str,
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    records = records_tree()
    folder = records / "ideas" / os.fsdecode(b"caf\xe9")  # Latin-1 é: not UTF-8
    folder.mkdir()
    (folder / "idea.yaml").write_bytes(b"title: x\n")
    result = portfolio_cli(
        "validate", "--records", str(records), "--today", "2022-12-31", "--format", output_format
    )
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    shown = "records/ideas/caf\ufffd"
    if output_format == "json":
        [row] = json.loads(result.output)
        assert (row["file"], row["code"]) == (shown, "L01")
        assert "ikke gyldig UTF-8" in row["message"]
    else:
        assert "L01" in result.output and shown in result.output
    if output_format == "github":
        assert "L01" in summary.read_text(encoding="utf-8")
