"""`portfolio new idea`: options, prompts, the id from the title, and every refusal."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import Result

from generator.vocabulary import slugify
from tests.authoring.conftest import Tree
from tests.authoring.sample import TODAY

Cli = Callable[..., Result]
Build = Callable[..., Tree]

REQUIRED = [
    "--title", "Grøn transport for ældre på Åbyhøj",
    "--theme", "klima",
    "--summary", "Ældre kan låne en elcykel med fører.",
    "--problem", "Ældre kommer for lidt ud.\n\nDet giver ensomhed: især om vinteren.",
    "--target-group", "Hjemmeboende ældre over 80 år.",
    "--benefit-potential", "yes",
    "--department", "teknik-og-miljoe",
    "--department", "sundhed-og-omsorg",
    "--owner-department", "sundhed-og-omsorg",
]  # fmt: skip

EXPECTED = """\
# yaml-language-server: $schema=../../../schemas/idea.schema.json
title: Grøn transport for ældre på Åbyhøj
theme: klima
submitted: 2022-06-30
summary: Ældre kan låne en elcykel med fører.
problem: |-
  Ældre kommer for lidt ud.

  Det giver ensomhed: især om vinteren.
target_group: Hjemmeboende ældre over 80 år.
benefit_potential: 'yes'
departments: [teknik-og-miljoe, sundhed-og-omsorg]
partners:
  - Aarhus Universitet (Institut for Idræt)
owner:
  department: sundhed-og-omsorg
  contact: cykler@example.dk
tags:
  - mobilitet
  - 'no'
"""

IDEA = "ideas/groen-transport-for-aeldre-paa-aabyhoej/idea.yaml"


def new_idea(cli: Cli, t: Tree, *args: str, input: str | None = None) -> Result:
    return cli("new", "idea", "--records", t.records, "--today", TODAY, *args, input=input)


def test_options_write_the_card_with_modeline_and_block_text(
    tree: Build, portfolio_cli: Cli
) -> None:
    t = tree()
    extra = ["--partner", "Aarhus Universitet (Institut for Idræt)"]
    extra += ["--owner-contact", "cykler@example.dk", "--tag", "mobilitet", "--tag", "no"]
    result = new_idea(portfolio_cli, t, "--no-input", *REQUIRED, *extra)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Skrev records/{IDEA}\n"
    assert t.read(IDEA) == EXPECTED
    check = portfolio_cli("validate", "--records", t.records, "--today", TODAY, "--strict")
    assert check.exit_code == 0, check.output


def test_prompts_in_danish_ask_for_every_field(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    answers = [
        "Cykler til alle",  # titel
        "klima",  # tema
        "",  # indsendt: today
        "Resumé.", "Udfordring.", "Målgruppe.", "Gevinst.",
        "teknik-og-miljoe, nope",  # an unknown id is asked again
        "teknik-og-miljoe, boern-og-unge",
        "Partner A, Partner B",  # samarbejdspartnere, one line as every list
        "boern-og-unge",  # ejerens afdeling
        "Skoletjenesten",  # enhed
        "",  # kontakt
        "cykling, skole, trivsel",  # emneord: three, not one
    ]  # fmt: skip
    result = new_idea(portfolio_cli, t, input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    for prompt in ("Titel", "Tema", "Indsendt", "Væsentlig udfordring", "Samarbejdspartner"):
        assert prompt in result.output
    assert "Ideens id bliver: cykler-til-alle" in result.output
    assert "'nope' er ikke en magistratsafdeling. Prøv igen." in result.output
    text = t.read("ideas/cykler-til-alle/idea.yaml")
    assert "submitted: 2022-06-30\n" in text
    assert "departments: [teknik-og-miljoe, boern-og-unge]\n" in text
    assert "partners:\n  - Partner A\n  - Partner B\n" in text
    assert "tags: [cykling, skole, trivsel]\n" in text
    assert "owner:\n  department: boern-og-unge\n  unit: Skoletjenesten\n" in text
    assert "contact" not in text


def test_some_options_ask_only_for_the_missing_required(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    given = REQUIRED[:-2]  # all but --owner-department
    result = new_idea(portfolio_cli, t, *given, input="teknik-og-miljoe\n")
    assert result.exit_code == 0, result.output
    assert "Ejerens afdeling" in result.output
    assert "Enhed" not in result.output  # optional fields are not asked for
    assert "department: teknik-og-miljoe" in t.read(IDEA)


@pytest.mark.parametrize(
    ("title", "idea_id"),
    [
        ("Grøn transport for ældre på Åbyhøj", "groen-transport-for-aeldre-paa-aabyhoej"),
        ("ÆBLER, ØL & ÅER", "aebler-oel-aaer"),
        ("Café-kultur i Ärø — über alles!", "cafe-kultur-i-aeroe-ueber-alles"),
        ("  --Velfærd 2.0 // nu  ", "velfaerd-2-0-nu"),
        ("ord " * 30, "-".join(["ord"] * 20)),
        ("x" * 100, "x" * 80),
        ("!!!", ""),
    ],
)
def test_slugify(title: str, idea_id: str) -> None:
    assert slugify(title) == idea_id
    assert len(slugify(title)) <= 80


def test_refuses_to_overwrite_an_existing_idea(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    before = t.read("ideas/ny-ide/idea.yaml")
    result = new_idea(portfolio_cli, t, "--no-input", *REQUIRED, "--id", "ny-ide")
    assert result.exit_code == 1
    assert "records/ideas/ny-ide/idea.yaml findes allerede" in result.stderr
    assert t.read("ideas/ny-ide/idea.yaml") == before


def test_refuses_when_required_options_are_missing(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    result = new_idea(portfolio_cli, t, "--no-input", "--title", "En ide")
    assert result.exit_code == 1
    assert "Der mangler værdier for: --theme, --summary, --problem" in result.stderr
    assert "--owner-department" in result.stderr
    assert not (t.records / "ideas" / "en-ide").exists()


def test_refuses_a_card_the_rules_reject_and_writes_nothing(
    tree: Build, portfolio_cli: Cli
) -> None:
    t = tree()
    before = t.files()
    result = new_idea(portfolio_cli, t, "--no-input", *REQUIRED, "--owner-contact", "a@b.dk x")
    assert result.exit_code == 1
    assert "er ikke skrevet, fordi der er fejl" in result.stderr
    assert f"records/{IDEA}:15:3: schema" in result.stderr  # owner.contact is no address
    result = new_idea(portfolio_cli, t, "--no-input", *REQUIRED, "--owner-contact", "ikke mail")
    assert result.exit_code == 1
    assert f"records/{IDEA}:15:3: schema" in result.stderr  # owner.contact is no address
    assert t.files() == before


def test_refuses_a_focus_area_and_an_unknown_theme(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    args = [a if a != "klima" else "fremme-ligevaerd" for a in REQUIRED]
    result = new_idea(portfolio_cli, t, "--no-input", *args)
    assert result.exit_code == 1 and " L03 " in result.stderr
    args = [a if a != "klima" else "ukendt-tema" for a in REQUIRED]
    result = new_idea(portfolio_cli, t, "--no-input", *args)
    assert result.exit_code == 1 and " L02 " in result.stderr


def test_refuses_invisible_characters(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    args = [a.replace("Ældre kan", "Ældre\u200bkan") for a in REQUIRED]
    result = new_idea(portfolio_cli, t, "--no-input", *args)
    assert result.exit_code == 1
    assert "Feltet 'resumé' indeholder et usynligt tegn eller styretegn (U+200B)" in result.stderr
    assert not (t.records / IDEA).exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--id", "Ikke_Et_Id"], "'Ikke_Et_Id' er ikke et gyldigt id"),
        (["--title", "!!!"], "Titlen giver intet id"),
        (["--submitted", "2022-02-30"], "'2022-02-30' er ikke en dato"),
    ],
)
def test_refuses_bad_ids_and_dates(
    tree: Build, portfolio_cli: Cli, args: list[str], message: str
) -> None:
    t = tree()
    before = t.files()
    result = new_idea(portfolio_cli, t, "--no-input", *REQUIRED, *args)
    assert result.exit_code != 0
    assert message in result.stderr
    assert t.files() == before


def test_single_department_is_written_with_a_warning(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    args = [*REQUIRED[:14], "--owner-department", "teknik-og-miljoe"]
    assert args.count("--department") == 1
    result = new_idea(portfolio_cli, t, "--no-input", *args)
    assert result.exit_code == 0, result.output
    assert "W01 (advarsel)" in result.stderr and result.stderr.lower().count("advarsel") == 1
    assert (t.records / IDEA).exists()
