"""Interactive `portfolio new`: each answer checked when it is given and asked again at once,
answers never thrown away, choices by id or name in any case, and an interrupted run that
writes nothing."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from click.testing import Result

from tests.authoring.conftest import Tree
from tests.authoring.sample import TODAY
from tests.conftest import invoke

Cli = Callable[..., Result]
Build = Callable[..., Tree]

IDEA = "ideas/cykler-til-alle/idea.yaml"
GOOD = {
    "title": "Cykler til alle",
    "theme": "klima",
    "submitted": "",
    "summary": "Resumé.",
    "problem": "Udfordring.",
    "target_group": "Målgruppe.",
    "benefit_potential": "Gevinst.",
    "departments": "teknik-og-miljoe, boern-og-unge",
    "partners": "",
    "owner_department": "boern-og-unge",
    "owner_unit": "",
    "owner_contact": "",
    "tags": "",
}


def answers(**wrong: list[str]) -> str:
    """The good answers in order, with wrong ones typed before the good one of a field."""
    lines: list[str] = []
    for key, good in GOOD.items():
        lines += [*wrong.get(key, []), good]
    return "\n".join(lines) + "\n"


def new_idea(cli: Cli, t: Tree, *args: str, input: str) -> Result:
    return cli("new", "idea", "--records", t.records, "--today", TODAY, *args, input=input)


@pytest.mark.parametrize(
    ("field", "typed", "reason"),
    [
        ("theme", ["sport"], "'sport' er ikke et tema."),
        ("theme", ["fremme-ligevaerd"], "er et indsatsområde fra før temaerne, ikke et tema."),
        (
            "submitted",
            ["2022-02-30"],
            "'2022-02-30' er ikke en dato; skriv den som 2026-12-04 eller 4. december 2026",
        ),
        ("submitted", ["2022-07-01"], "Datoen er efter i dag (2022-06-30)."),
        ("submitted", ["2018-05-01"], "tager imod ideer fra 1. januar 2019 til 31. december 2022"),
        ("summary", ["Født 010190-1234."], "ligner et CPR-nummer"),
        ("problem", ["Skriv til anna@example.dk."], "indeholder en e-mailadresse"),
        ("target_group", ["Ældre\u200b over 80"], "usynligt tegn eller styretegn (U+200B)"),
        ("departments", ["teknik-og-miljoe, finans"], "'finans' er ikke en magistratsafdeling."),
        ("owner_department", ["sundhed"], "'sundhed' er ikke en magistratsafdeling."),
        ("owner_contact", ["ikke en adresse"], "'ikke en adresse' er ikke én e-mailadresse"),
        ("title", [""], "Feltet skal udfyldes."),
    ],
)
def test_a_wrong_answer_is_asked_again_at_once_with_the_reason(
    tree: Build, portfolio_cli: Cli, field: str, typed: list[str], reason: str
) -> None:
    t = tree()
    result = new_idea(portfolio_cli, t, input=answers(**{field: typed}))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    [at] = [number for number, line in enumerate(lines) if reason in line]
    assert lines[at].endswith("Prøv igen.") or reason == "Feltet skal udfyldes."
    question = lines[at - 1].split(": ")[0]
    assert lines[at + 1].split(": ")[0] == question  # the same question, at once
    assert "Skrev records/ideas/cykler-til-alle/idea.yaml" in result.output
    check = portfolio_cli("validate", "--records", t.records, "--today", TODAY)
    assert check.exit_code == 0, check.output


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ({"theme": "Klima", "departments": "Teknik og Miljø, børn og unge"}, "theme: klima\n"),
        ({"theme": "KLIMA", "owner_department": "Børn og Unge"}, "theme: klima\n"),
        ({"theme": " samskabelse  og frivillighed "}, "theme: samskabelse-og-frivillighed\n"),
        ({"departments": "TEKNIK-OG-MILJOE,boern-og-unge"}, "[teknik-og-miljoe, boern-og-unge]"),
    ],
)
def test_choices_by_id_or_danish_name_in_any_case(
    tree: Build, portfolio_cli: Cli, typed: dict[str, str], written: str
) -> None:
    t = tree()
    good = GOOD.copy()
    GOOD.update(typed)
    try:
        result = new_idea(portfolio_cli, t, input=answers())
    finally:
        GOOD.clear()
        GOOD.update(good)
    assert result.exit_code == 0, result.output
    text = t.read(IDEA)
    assert written in text
    assert "departments: [teknik-og-miljoe, boern-og-unge]\n" in text
    assert "owner:\n  department: boern-og-unge\n" in text


def test_a_misspelt_theme_gets_the_nearest_open_one(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    result = new_idea(portfolio_cli, t, input=answers(theme=["klimaa"]))
    assert "'klimaa' er ikke et tema. Mente du 'Klima'? Prøv igen." in result.output


def test_a_taken_id_is_asked_for_again(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    typed = answers().replace("Cykler til alle\n", "Ny ide\nny-ide\ncykler-til-alle\n", 1)
    result = new_idea(portfolio_cli, t, input=typed)
    assert result.exit_code == 0, result.output
    assert "Id'et 'ny-ide' er allerede brugt af en anden idé; vælg et andet." in result.output
    assert "Ideens id: ny-ide\n  Id'et 'ny-ide' er allerede brugt" in result.output
    assert "title: Ny ide\n" in t.read(IDEA)


def test_the_final_check_asks_again_only_for_the_field_at_fault(
    tree: Build, portfolio_cli: Cli
) -> None:
    t = tree()
    given = ["--title", "Cykler til alle", "--theme", "klima", "--summary", "Resumé."]
    given += ["--problem", "Udfordring.", "--target-group", "Målgruppe."]
    given += ["--department", "teknik-og-miljoe", "--department", "boern-og-unge"]
    given += ["--owner-contact", "ikke en adresse"]  # an option is checked with the record
    typed = "Gevinst.\nboern-og-unge\ncykler@example.dk\n"  # benefit, owner, then contact again
    result = new_idea(portfolio_cli, t, *given, input=typed)
    assert result.exit_code == 0, result.output
    assert (
        "Posten kan ikke skrives endnu:\n  records/ideas/cykler-til-alle/idea.yaml:"
        in result.output
    )
    assert "Ret svaret på de spørgsmål, fejlene står ved; resten er gemt." in result.output
    asked_again = result.output.split("resten er gemt.\n", 1)[1]
    assert asked_again.startswith("Kontakt: en funktionspostkasse")
    assert asked_again.count(":") == 2  # the contact question, then "Skrev …": nothing else
    text = t.read(IDEA)
    assert "benefit_potential: Gevinst.\n" in text and "contact: cykler@example.dk\n" in text


def test_without_input_a_bad_option_is_refused_not_asked(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    args = ["--no-input", "--title", "Cykler til alle", "--theme", "klima", "--summary", "R."]
    args += ["--problem", "P.", "--target-group", "M.", "--benefit-potential", "G."]
    args += ["--department", "boern-og-unge", "--owner-contact", "ikke en adresse"]
    result = new_idea(portfolio_cli, t, *args, input="")
    assert result.exit_code == 1
    assert "er ikke skrevet, fordi der er fejl" in result.stderr
    assert not (t.records / IDEA).exists()


def test_end_of_input_writes_nothing_and_says_so(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    before = t.files()
    result = new_idea(portfolio_cli, t, input="Cykler til alle\nklima\n\nResumé.\n")
    assert result.exit_code == 1
    assert result.stderr.endswith("Afbrudt – intet er skrevet.\n")
    assert "Aborted" not in result.output and "Traceback" not in result.output
    assert t.files() == before


class CtrlCAfter(io.BytesIO):
    """Typed lines, then Ctrl-C: reading past them raises KeyboardInterrupt."""

    def read1(self, size: int | None = -1) -> bytes:
        chunk = super().read1(size)
        if not chunk and size != 0:
            raise KeyboardInterrupt
        return chunk

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        if not chunk and size != 0:
            raise KeyboardInterrupt
        return chunk


@pytest.mark.parametrize(
    "command", [["new", "idea"], ["new", "theme"], ["new", "decision", "til-pitch"]]
)
def test_ctrl_c_writes_nothing_and_says_so(tree: Build, command: list[str]) -> None:
    t = tree()
    before = t.files()
    args = [*command, "--records", str(t.records), "--today", TODAY]
    result = invoke(*args, input=CtrlCAfter(b"Et svar\n"))
    assert result.exit_code == 1, result.output
    assert result.stderr.endswith("Afbrudt – intet er skrevet.\n")
    assert "Aborted" not in result.output and "Traceback" not in result.output
    assert t.files() == before


def test_a_decision_kind_by_its_danish_name(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    typed = ["Lukning", "", "", "Begrundelse.", "", "Lærte."]
    result = portfolio_cli(
        "new", "decision", "til-pitch", "--records", t.records, "--today", TODAY,
        input="\n".join(typed) + "\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "kind: close\n" in t.read("ideas/til-pitch/decisions/2022-06-30-close.yaml")


def test_decision_answers_are_checked_too(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    before = t.files()
    typed = ["", "2019-01-01", "2022-07-01", "", "", "Begrundelse.", "ikke et link"]
    typed += ["https://github.com/org/repo/pull/7", "", "30000"]  # step 1, then its amount
    result = portfolio_cli(
        "new", "decision", "til-pitch", "--records", t.records, "--today", TODAY,
        input="\n".join(typed) + "\n",
    )  # fmt: skip
    assert (
        "Ideen blev indsendt" in result.output and "beslutningen kan ikke være før" in result.output
    )
    assert "Datoen er efter i dag (2022-06-30)." in result.output
    assert "'ikke et link' er ikke et link; skriv hele adressen, der starter med https://" in (
        result.output
    )
    assert "Beløbet skal være trappens beløb for trinnet: 25000." in result.output
    assert result.exit_code == 1 and result.stderr.endswith("Afbrudt – intet er skrevet.\n")
    assert t.files() == before
