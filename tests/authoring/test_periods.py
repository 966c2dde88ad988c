"""Periods: a theme is open on the days its period holds; with none open no idea is filed
anywhere; `portfolio new theme` opens one and `portfolio issueform` offers it in the form."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import Result

from generator.authoring.issue_form import NO_OPEN_THEME_CHOICE
from generator.periods import is_open, no_open_theme, open_themes
from generator.pipeline import check_portfolio
from generator.render.pages import PageRenderer
from generator.settings import Settings
from tests.authoring.conftest import ISSUES, Tree
from tests.authoring.sample import TODAY
from tests.conftest import RECORDS_TODAY, REPO

Cli = Callable[..., Result]
Build = Callable[..., Tree]
CLOSED = "2026-11-28"  # after every fixture theme's period
THEME = "themes/groen-omstilling.yaml"
OPEN_THEME = [
    "--name", "Grøn omstilling", "--start", "2026-11-01", "--end", "2027-12-31",
    "--anchored-in", "Teknik og Miljø", "--reviewer", "@aarhus-kommune/tema-groen",
    "--description", "Temaet for den grønne omstilling.",
]  # fmt: skip
IDEA = [
    "--title", "Cykler til alle", "--theme", "Grøn omstilling", "--summary", "R.",
    "--problem", "P.", "--target-group", "M.", "--benefit-potential", "G.",
    "--department", "teknik-og-miljoe", "--department", "boern-og-unge",
    "--owner-department", "teknik-og-miljoe",
]  # fmt: skip


def portfolio_on(t: Tree, day: str) -> Settings:
    return Settings(records_dir=t.records, today=day)


def test_open_themes_are_the_themes_whose_period_holds_the_day(tree: Build) -> None:
    portfolio = check_portfolio(portfolio_on(tree(), TODAY)).portfolio
    names = {"klima", "samskabelse-og-frivillighed"}
    assert {t.theme_id for t in open_themes(portfolio, TODAY)} == names
    assert {t.theme_id for t in open_themes(portfolio, "2019-01-01")} == names  # first day
    assert {t.theme_id for t in open_themes(portfolio, "2022-12-31")} == names  # last day
    assert open_themes(portfolio, "2023-01-01") == []
    assert open_themes(portfolio, "2018-12-31") == []
    focus_area = portfolio.themes["fremme-ligevaerd"]
    assert not is_open(focus_area, focus_area.period_start)  # takes no new ideas


def test_the_message_says_who_opens_a_period() -> None:
    message = no_open_theme(CLOSED, CLOSED)
    assert message.startswith("Intet tema er åbent for nye ideer i dag (28. november 2026).")
    assert "åbnes af koordinatoren" in message
    assert "portfolio new theme" in message
    assert "den 1. marts 2025" in no_open_theme("2025-03-01", CLOSED)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--no-input", *IDEA],
        ["--title", "Cykler"],
        ["--from-issue", ISSUES / "complete.md"],
    ],
    ids=["prompts", "no-input", "some-options", "from-issue"],
)
def test_no_idea_is_filed_on_a_day_no_theme_is_open(
    tree: Build, portfolio_cli: Cli, args: list[str | Path]
) -> None:
    t = tree()
    before = t.files()
    result = portfolio_cli(
        "new", "idea", "--records", t.records, "--today", CLOSED, *args, input="Cykler\n"
    )
    assert result.exit_code == 1
    assert result.stdout == ""  # refused before the first question
    assert result.stderr == f"Fejl: {no_open_theme(CLOSED, CLOSED)}\n"
    assert t.files() == before


def test_with_the_shipped_records_no_idea_is_filed_on_their_day(
    tmp_path: Path, portfolio_cli: Cli
) -> None:
    shutil.copytree(REPO / "records", tmp_path / "records")
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    # On the shipped records' day every period has ended.
    result = portfolio_cli(
        "new", "idea", "--records", tmp_path / "records", "--today", RECORDS_TODAY,
        input="Cykler\n",
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Fejl: Intet tema er åbent for nye ideer i dag (")
    assert "åbnes af koordinatoren" in result.stderr
    assert not (tmp_path / "records" / "ideas" / "cykler").exists()


def test_a_new_theme_opens_a_period_and_an_idea_filed_today_validates(
    tree: Build, portfolio_cli: Cli
) -> None:
    t = tree()
    result = portfolio_cli(
        "new", "theme", "--records", t.records, "--today", CLOSED, "--no-input", *OPEN_THEME
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Skrev records/{THEME}\n"
    assert t.read(THEME) == (
        "# yaml-language-server: $schema=../../schemas/theme.schema.json\n"
        "name: Grøn omstilling\nkind: theme\nperiod:\n  start: 2026-11-01\n  end: 2027-12-31\n"
        "anchored_in: [teknik-og-miljoe]\nreviewers:\n  - '@aarhus-kommune/tema-groen'\n"
        "description: Temaet for den grønne omstilling.\n"
    )
    filed = portfolio_cli(
        "new", "idea", "--records", t.records, "--today", CLOSED, "--no-input", *IDEA
    )
    assert filed.exit_code == 0, filed.output
    card = t.read("ideas/cykler-til-alle/idea.yaml")
    assert "theme: groen-omstilling\nsubmitted: 2026-11-28\n" in card
    check = portfolio_cli("validate", "--records", t.records, "--today", CLOSED)
    assert check.exit_code == 0, check.output


def test_new_theme_asks_in_danish_and_checks_each_answer(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    typed = [
        "Klima", "klima",  # the name gives a taken id: asked for the id
        "groen-omstilling", "emne", "Tema", "", "2026-10-31", "2027-12-31",
        "finans", "teknik og miljø", "aarhus-kommune/hold", "@aarhus-kommune/hold", "",
        "", "",  # beliefs, investment areas: none
        "Ideen skal være tværorganisatorisk.", "Ideen skal kunne skaleres.", "",  # criteria
    ]  # fmt: skip
    result = portfolio_cli(
        "new", "theme", "--records", t.records, "--today", CLOSED, input="\n".join(typed) + "\n"
    )
    assert result.exit_code == 0, result.output
    for reason in (
        "Id'et 'klima' er allerede brugt af et andet tema; vælg et andet.",
        "'emne' er ikke en art.",
        "Perioden kan ikke slutte før den starter (2026-11-28).",
        "'finans' er ikke en magistratsafdeling.",
        "'aarhus-kommune/hold' er ikke en GitHub-bruger eller et hold",
    ):
        assert reason in result.output
    text = t.read(THEME)
    assert "name: Klima\nkind: theme\nperiod:\n  start: 2026-11-28\n  end: 2027-12-31\n" in text
    assert "anchored_in: [teknik-og-miljoe]\n" in text and "description" not in text
    assert text.endswith(
        "criteria:\n  - Ideen skal være tværorganisatorisk.\n  - Ideen skal kunne skaleres.\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--id", "klima"], "Id'et 'klima' er allerede brugt af et andet tema"),
        (["--id", "Ikke_Et_Id"], "'Ikke_Et_Id' er ikke et gyldigt id"),
        (["--end", "2026-01-01"], "Perioden kan ikke slutte før den starter (2026-11-01)."),
        (["--reviewer", "hold"], "'hold' er ikke en GitHub-bruger eller et hold"),
        (["--anchored-in", "sundhed"], "'sundhed' er ikke en magistratsafdeling. Mente du"),
        (["--id", "con"], "'con' er et navn, Windows forbeholder en enhed"),
        (["--id", "com1"], "'com1' er et navn, Windows forbeholder en enhed"),
        (["--description", "Z" + "\u0301" * 9], "kombinerende tegn i træk"),
    ],
)
def test_new_theme_refusals_write_nothing(
    tree: Build, portfolio_cli: Cli, args: list[str], message: str
) -> None:
    t = tree()
    before = t.files()
    result = portfolio_cli(
        "new", "theme", "--records", t.records, "--today", CLOSED, "--no-input", *OPEN_THEME, *args
    )
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert t.files() == before
    assert "None" not in result.output


@pytest.mark.parametrize("name", ["   ", "\u3164\u3164", "\u2800", "\u115f\u1160"])
def test_a_name_of_blanks_is_no_name(tree: Build, portfolio_cli: Cli, name: str) -> None:
    t = tree()
    before = t.files()
    options = [name if value == "Grøn omstilling" else value for value in OPEN_THEME]
    result = portfolio_cli(
        "new", "theme", "--records", t.records, "--today", CLOSED, "--no-input", *options
    )
    assert result.exit_code == 1, result.output
    assert "Der mangler værdier for: --name." in result.stderr
    assert "None" not in result.output  # once, it wrote records/themes/None.yaml
    assert t.files() == before


def form_tree(tree: Build) -> Tree:
    t = tree()
    shutil.copytree(REPO / ".github" / "ISSUE_TEMPLATE", t.root / ".github" / "ISSUE_TEMPLATE")
    return t


def form_options(t: Tree) -> tuple[list[str], list[str]]:
    """The theme choices and the markdown texts of the form in the tree."""
    form = yaml.safe_load((t.root / ".github/ISSUE_TEMPLATE/idekort.yml").read_text("utf-8"))
    [theme] = [item for item in form["body"] if item.get("id") == "theme"]
    notes = [item["attributes"]["value"] for item in form["body"] if item["type"] == "markdown"]
    return theme["attributes"]["options"], notes


def schema_check(t: Tree) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [Path(sys.executable).parent / "check-jsonschema", "--builtin-schema",
         "vendor.github-issue-forms", t.root / ".github/ISSUE_TEMPLATE/idekort.yml"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_issueform_offers_the_open_themes_or_says_none_is_open(
    tree: Build, portfolio_cli: Cli
) -> None:
    t = form_tree(tree)
    run = ("issueform", "--records", t.records, "--today")
    written = portfolio_cli(*run, TODAY)
    assert written.exit_code == 0, written.output
    assert written.stdout.startswith("Skrev .github/ISSUE_TEMPLATE/idekort.yml (åbne temaer: ")
    options, notes = form_options(t)
    assert options == ["Klima", "Samskabelse og frivillighed"]
    assert not any("Intet tema er åbent" in note for note in notes)
    assert portfolio_cli(*run, TODAY, "--check").exit_code == 0
    assert "var allerede opdateret" in portfolio_cli(*run, TODAY).stdout
    stale = portfolio_cli(*run, CLOSED, "--check")
    assert stale.exit_code == 1
    assert stale.stderr == (
        "Fejl: .github/ISSUE_TEMPLATE/idekort.yml er forældet: temaerne i formularen er ikke "
        "dem, der er åbne i dag. Kør portfolio issueform og commit filen.\n"
    )
    assert portfolio_cli(*run, CLOSED).exit_code == 0
    options, notes = form_options(t)
    assert options == [NO_OPEN_THEME_CHOICE]
    assert (
        "**Intet tema er åbent for nye ideer.** Den seneste periode sluttede 31. december"
        in notes[0]
    )
    assert "portfolio new theme" in notes[0]
    done = schema_check(t)
    assert done.returncode == 0, done.stdout + done.stderr


def test_issueform_after_a_new_theme_offers_it(tree: Build, portfolio_cli: Cli) -> None:
    t = form_tree(tree)
    opened = portfolio_cli(
        "new", "theme", "--records", t.records, "--today", CLOSED, "--no-input", *OPEN_THEME
    )
    assert opened.exit_code == 0, opened.output
    assert portfolio_cli("issueform", "--records", t.records, "--today", CLOSED).exit_code == 0
    options, notes = form_options(t)
    assert options == ["Grøn omstilling"]
    assert not any("Intet tema er åbent" in note for note in notes)
    done = schema_check(t)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_form_without_the_markers_is_refused(tree: Build, portfolio_cli: Cli) -> None:
    t = form_tree(tree)
    form = t.root / ".github/ISSUE_TEMPLATE/idekort.yml"
    form.write_text(form.read_text("utf-8").replace("theme-choices begin", "x"), "utf-8")
    result = portfolio_cli("issueform", "--records", t.records, "--today", TODAY)
    assert result.exit_code == 1
    assert "mangler markeringerne" in result.stderr and "theme-choices" in result.stderr


def test_the_shipped_form_is_current() -> None:
    result = subprocess.run(
        [Path(sys.executable).parent / "portfolio", "issueform", "--check",
         "--today", RECORDS_TODAY],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def front_section(t: Tree, day: str) -> str:
    portfolio = check_portfolio(portfolio_on(t, day)).portfolio
    page = PageRenderer(day).render(portfolio, {})["index.md"]
    return page.split("## Sådan indsender du en idé\n", 1)[1].split("\n1. ", 1)[0]


def test_the_front_page_lists_the_open_themes_or_says_none_is_open(tree: Build) -> None:
    t = tree()
    assert front_section(t, TODAY).strip() == (
        "Der kan indsendes ideer under temaerne\n"
        "[Klima](temaer/klima.md) (til 31. december 2022) og "
        "[Samskabelse og frivillighed](temaer/samskabelse-og-frivillighed.md) "
        "(til 31. december 2022)."
    )
    closed = front_section(t, CLOSED)
    assert closed.strip().startswith("**Intet tema er åbent for nye ideer lige nu.**\n")
    assert "Den seneste periode sluttede 31. december 2022." in closed
    assert "åbnes af koordinatoren" in closed


def test_new_theme_without_questions_reports_every_mistake_at_once(
    tree: Build, portfolio_cli: Cli
) -> None:
    t = tree()
    before = t.files()
    result = portfolio_cli(
        "new", "theme", "--records", t.records, "--today", CLOSED, "--no-input",
        "--end", "1. januar 2026", "--anchored-in", "sundhed", "--reviewer", "hold",
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Fejl: Temaet kan ikke oprettes:",
        "  - Der mangler værdier for: --name.",
        f"  - Perioden kan ikke slutte før den starter ({CLOSED}).",
        "  - 'sundhed' er ikke en magistratsafdeling. Mente du 'sundhed-og-omsorg'?",
        "  - 'hold' er ikke en GitHub-bruger eller et hold; skriv fx @org/hold.",
    ]
    assert t.files() == before


def test_a_theme_needs_reviewers_a_focus_area_does_not(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    args = ["new", "theme", "--records", t.records, "--today", CLOSED, "--no-input"]
    args += ["--name", "Grøn omstilling", "--end", "2027-12-31"]
    refused = portfolio_cli(*args)
    assert refused.exit_code == 1 and "--reviewer" in refused.stderr
    allowed = portfolio_cli(*args, "--kind", "indsatsområde")
    assert allowed.exit_code == 0, allowed.output
    assert "kind: focus-area\n" in t.read("themes/groen-omstilling.yaml")
