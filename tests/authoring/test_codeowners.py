"""`portfolio codeowners`: the themes' reviewers own their ideas' decisions and test cards."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import Result

from generator.authoring.codeowners import MAINTAINERS_TEAM, render_codeowners
from generator.errors import PortfolioError
from generator.pipeline import check_portfolio
from generator.settings import Settings
from tests.authoring.conftest import Tree
from tests.authoring.sample import TODAY
from tests.conftest import RECORDS_TODAY, REPO
from tests.sample_records import theme

Cli = Callable[..., Result]
Build = Callable[..., Tree]
KLIMA = "@aarhus-kommune/tema-klima @aarhus-kommune/strategiske-chefer"


def owners(text: str) -> dict[str, str]:
    rules = [line.split(" ", 1) for line in text.splitlines() if line and line[0] != "#"]
    return dict(rules)


NO_REVIEWERS = theme("Samskabelse og frivillighed")  # the sample's theme, its reviewers gone


def test_rules_for_every_idea_and_the_protected_paths(tree: Build) -> None:
    t = tree({"themes/samskabelse-og-frivillighed.yaml": NO_REVIEWERS})
    portfolio = check_portfolio(Settings(records_dir=t.records, today=TODAY)).portfolio
    rules = owners(render_codeowners(portfolio, "records", MAINTAINERS_TEAM))
    # An idea with a decision: its whole folder, the card that was decided on too.
    assert rules["/records/ideas/til-pitch/"] == KLIMA
    assert "/records/ideas/til-pitch/decisions/" not in rules  # the folder's line holds it
    # An idea not yet screened: its innovator may still edit the card.
    assert rules["/records/ideas/ny-ide/decisions/"] == KLIMA
    assert rules["/records/ideas/ny-ide/tests/"] == KLIMA
    assert "/records/ideas/ny-ide/" not in rules
    # A theme without reviewers falls back to the maintainers, never to anyone.
    assert rules["/records/ideas/trin-et/"] == MAINTAINERS_TEAM
    for path in ("/.github/", "/mkdocs.yml", "/generator/", "/schemas/", "/requirements.lock"):
        assert rules[path] == MAINTAINERS_TEAM
    assert rules["/records/themes/"] == MAINTAINERS_TEAM
    assert rules["/records/ideas/*/decisions/"] == MAINTAINERS_TEAM
    per_idea = [path for path in rules if path.startswith("/records/ideas/") and "*" not in path]
    decided = [idea for idea in portfolio.ideas.values() if idea.decisions]
    assert len(per_idea) == len(decided) + 2 * (len(portfolio.ideas) - len(decided))


def test_general_rules_come_before_the_ideas(tree: Build) -> None:
    t = tree()
    portfolio = check_portfolio(Settings(records_dir=t.records, today=TODAY)).portfolio
    paths = list(owners(render_codeowners(portfolio, "records", MAINTAINERS_TEAM)))
    assert paths.index("/records/ideas/*/decisions/") < paths.index("/records/ideas/afvist/")
    assert paths[-1] == "/records/ideas/trin-et-afsluttet/"  # ideas sorted by id


@pytest.mark.parametrize("team", ["portefoeljeteam", "@a/b c", "@a/b\n* @evil"])
def test_maintainers_must_be_a_handle(tree: Build, team: str) -> None:
    t = tree()
    portfolio = check_portfolio(Settings(records_dir=t.records, today=TODAY)).portfolio
    with pytest.raises(PortfolioError, match="er ikke en GitHub-bruger eller et hold"):
        render_codeowners(portfolio, "records", team)


def test_write_then_check(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    result = portfolio_cli("codeowners", "--today", TODAY, "--records", t.records)
    assert result.exit_code == 0, result.output
    assert result.stdout == "Skrev .github/CODEOWNERS\n"
    written = (t.root / ".github" / "CODEOWNERS").read_text()
    assert f"/records/ideas/til-pitch/ {KLIMA}\n" in written
    result = portfolio_cli("codeowners", "--today", TODAY, "--records", t.records, "--check")
    assert result.exit_code == 0
    assert result.stdout == ".github/CODEOWNERS er opdateret.\n"
    result = portfolio_cli("codeowners", "--today", TODAY, "--records", t.records)
    assert result.stdout == ".github/CODEOWNERS var allerede opdateret.\n"


def test_check_fails_when_stale_or_missing(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    result = portfolio_cli("codeowners", "--today", TODAY, "--records", t.records, "--check")
    assert result.exit_code == 1
    assert "Fejl: .github/CODEOWNERS findes ikke" in result.stderr
    portfolio_cli("codeowners", "--today", TODAY, "--records", t.records)
    theme = t.read("themes/klima.yaml").replace("tema-klima", "tema-klima-ny")
    t.write("themes/klima.yaml", theme)
    result = portfolio_cli("codeowners", "--today", TODAY, "--records", t.records, "--check")
    assert result.exit_code == 1
    assert ".github/CODEOWNERS er forældet" in result.stderr
    assert "Kør portfolio codeowners" in result.stderr


def test_new_idea_makes_the_file_stale(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    portfolio_cli("codeowners", "--today", TODAY, "--records", t.records)
    t.write("ideas/ny-ide-2/idea.yaml", t.read("ideas/ny-ide/idea.yaml"))
    result = portfolio_cli("codeowners", "--today", TODAY, "--records", t.records, "--check")
    assert result.exit_code == 1


def test_output_and_maintainers_options(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    out = t.root / "elsewhere" / "OWNERS"
    args = ["--today", TODAY, "--records", t.records, "--output", out, "--maintainers", "@org/team"]
    result = portfolio_cli("codeowners", *args)
    assert result.exit_code == 0, result.output
    assert "/generator/ @org/team\n" in out.read_text()


def test_the_repository_file_is_current() -> None:
    """The pull-request workflow runs the same check."""
    settings = Settings(records_dir=REPO / "records", today=RECORDS_TODAY)
    text = render_codeowners(check_portfolio(settings).portfolio, "records", MAINTAINERS_TEAM)
    assert (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8") == text, (
        "Kør portfolio codeowners og commit .github/CODEOWNERS."
    )
