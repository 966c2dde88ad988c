"""The guidance: every validation message explained, every contributor command with help."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from click.testing import Result

from generator.rules import RULES
from tests.conftest import REPO, SPEC_CODES

CONTRIBUTING = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", sorted(SPEC_CODES))
def test_every_code_has_its_own_entry(code: str) -> None:
    entry = re.search(rf"^### {code}\b[^\n]*\n(.*?)(?=^##)", CONTRIBUTING, re.MULTILINE | re.S)
    assert entry is not None, f"CONTRIBUTING.md has no entry for {code}"
    assert len(entry.group(1).split()) >= 10, f"the entry for {code} explains too little"


def test_the_rule_table_has_no_undocumented_code() -> None:
    assert set(RULES) | {"L11"} <= SPEC_CODES


def test_contributing_explains_the_two_ways_and_both_decisions() -> None:
    for heading in (
        "## Send en idé med formularen",
        "## Send en idé som YAML-fil",
        "## Sådan bliver en idé screenet",
        "## Sådan bliver der truffet en investeringsbeslutning",
    ):
        assert heading in CONTRIBUTING
    assert "godkendt-til-pr" in CONTRIBUTING


def test_contributing_tells_the_coordinator_how_to_open_a_period() -> None:
    section = CONTRIBUTING.split("## Til koordinatoren: åbn en ny periode\n", 1)[1]
    section = section.split("\n## ", 1)[0]
    for command in ("portfolio new theme", "portfolio issueform", "portfolio codeowners"):
        assert command in section
    assert section.index("portfolio new theme") < section.index("portfolio issueform")
    assert "reviewers" in section.lower() and "--check" in section


@pytest.mark.parametrize(
    "template", ["PULL_REQUEST_TEMPLATE/idekort.md", "PULL_REQUEST_TEMPLATE/beslutning.md"]
)
def test_pull_request_templates(template: str) -> None:
    text = (REPO / ".github" / template).read_text(encoding="utf-8")
    assert "portfolio validate" in text and "- [ ]" in text


@pytest.mark.parametrize(
    ("command", "words"),
    [
        (["new"], "Opret en ny post"),
        (["new", "idea"], "Opret et idekort"),
        (["new", "decision"], "Opret en beslutning"),
        (["new", "testcard"], "Opret et testkort"),
        (["new", "result"], "Afslut testkortet for et trin"),
        (["link-pull-request"], "Skriv ADRESSE som pull_request"),
        (["codeowners"], "Skriv .github/CODEOWNERS"),
        (["new", "theme"], "Opret et tema"),
        (["issueform"], "Skriv temaerne, der er åbne i dag"),
    ],
)
def test_every_command_has_danish_help(
    portfolio_cli: Callable[..., Result], command: list[str], words: str
) -> None:
    result = portfolio_cli(*command, "-h")
    assert result.exit_code == 0
    assert words in result.output
    assert "-h, --help  " in result.output and "Vis denne hjælp og afslut." in result.output


@pytest.mark.parametrize("command", [["report"], ["new"], []])
def test_usage_lines_have_no_english_placeholder(
    portfolio_cli: Callable[..., Result], command: list[str]
) -> None:
    result = portfolio_cli(*command, "-h")
    usage = result.output.splitlines()[0]
    assert usage.startswith("Brug: ")
    for english in ("COMMAND", "ARGS", "OPTIONS"):
        assert english not in usage, usage
