"""`portfolio new decision` and `new testcard`: the next legal step, proposed and checked."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import Result

from generator.authoring.next_step import propose_decision, propose_test_step
from generator.pipeline import check_portfolio
from generator.settings import Settings
from tests.authoring.conftest import Tree
from tests.authoring.sample import TODAY

Cli = Callable[..., Result]
Build = Callable[..., Tree]

CARD = [
    "--question", "Vil borgerne bruge det?",
    "--hypothesis", "Halvdelen bruger det hver uge.",
    "--method", "Forsøg i to bydele.",
    "--success-criterion", "50 procent bruger det hver uge.",
    "--end", "2022-12-31",
]  # fmt: skip


def new(cli: Cli, t: Tree, kind: str, *args: str, input: str | None = None) -> Result:
    return cli("new", kind, "--records", t.records, "--today", TODAY, *args, input=input)


@pytest.mark.parametrize(
    ("idea_id", "kinds", "step", "amount"),
    [
        ("ny-ide", ("screening",), None, None),
        ("til-pitch", ("investment", "close"), 1, 25000),
        ("trin-et", ("close", "graduate"), None, None),  # test card 1 still running
        ("trin-et-afsluttet", ("investment", "close", "graduate"), 2, 125000),
        ("oeverste-trin", ("graduate", "close"), None, None),  # top of the ladder
        ("afvist", (), None, None),
    ],
)
def test_proposals_follow_state_and_ladder(
    tree: Build, idea_id: str, kinds: tuple[str, ...], step: int | None, amount: int | None
) -> None:
    t = tree()
    portfolio = check_portfolio(Settings(records_dir=t.records, today=TODAY)).portfolio
    proposal = propose_decision(portfolio.ideas[idea_id], portfolio.ladder)
    assert (proposal.kinds, proposal.step, proposal.amount) == (kinds, step, amount)


def test_proposals_read_the_amounts_from_the_ladder(tree: Build) -> None:
    ladder = (
        "currency: DKK\nsteps:\n  - step: 1\n    amount: 30000\n  - step: 2\n    amount: 90000\n"
    )
    t = tree({"ladder.yaml": ladder})
    (t.records / "ideas" / "oeverste-trin").rename(t.root / "gone")
    for rel in ("trin-et", "trin-et-afsluttet"):
        for card in (t.records / "ideas" / rel / "tests").glob("*.yaml"):
            card.write_text(card.read_text().replace("25000", "30000"))
        for grant in (t.records / "ideas" / rel / "decisions").glob("*investment.yaml"):
            grant.write_text(grant.read_text().replace("25000", "30000"))
    portfolio = check_portfolio(Settings(records_dir=t.records, today=TODAY)).portfolio
    assert propose_decision(portfolio.ideas["til-pitch"], portfolio.ladder).amount == 30000
    proposal = propose_decision(portfolio.ideas["trin-et-afsluttet"], portfolio.ladder)
    assert (proposal.step, proposal.amount) == (2, 90000)


def test_screening_is_proposed_first(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    result = new(portfolio_cli, t, "decision", "ny-ide", "--no-input", "--rationale", "Passer.")
    assert result.exit_code == 0, result.output
    assert t.read("ideas/ny-ide/decisions/2022-06-30-screening.yaml") == (
        "# yaml-language-server: $schema=../../../../schemas/decision.schema.json\n"
        "date: 2022-06-30\n"
        "kind: screening\n"
        "decided_by: Direktører og strategiske chefer for temaet Klima\n"
        "rationale: Passer.\n"
        "outcome: fit\n"
    )


def test_investment_after_fit_is_step_one_with_its_test_card(
    tree: Build, portfolio_cli: Cli
) -> None:
    t = tree()
    pr = "https://github.com/aarhus-kommune/innovationsportefolje/pull/7"
    args = ["til-pitch", "--no-input", "--rationale", "Pitchen overbeviste.", "--pull-request", pr]
    result = new(portfolio_cli, t, "decision", *args, *CARD)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Skrev records/ideas/til-pitch/decisions/2022-06-30-investment.yaml",
        "Skrev records/ideas/til-pitch/tests/step-1.yaml",
    ]
    decision = t.read("ideas/til-pitch/decisions/2022-06-30-investment.yaml")
    assert f"pull_request: {pr}\nstep: 1\namount: 25000\n" in decision
    card = t.read("ideas/til-pitch/tests/step-1.yaml")
    assert card.startswith("# yaml-language-server: $schema=../../../../schemas/testcard")
    assert "budget: 25000\nstart: 2022-06-30\nend: 2022-12-31\nstatus: planned\n" in card


def test_after_a_done_test_card_the_next_step_is_proposed(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    args = ["trin-et-afsluttet", "--no-input", "--rationale", "Trin 1 lykkedes.", *CARD]
    result = new(portfolio_cli, t, "decision", *args, "--budget", "100000")
    assert result.exit_code == 0, result.output
    decision = t.read("ideas/trin-et-afsluttet/decisions/2022-06-30-investment.yaml")
    assert "step: 2\namount: 125000\n" in decision
    assert "budget: 100000\n" in t.read("ideas/trin-et-afsluttet/tests/step-2.yaml")


def test_investment_before_the_test_card_is_done_is_refused(
    tree: Build, portfolio_cli: Cli
) -> None:
    t = tree()
    before = t.files()
    args = ["trin-et", "--no-input", "--kind", "investment", "--rationale", "For tidligt.", *CARD]
    result = new(portfolio_cli, t, "decision", *args)
    assert result.exit_code == 1
    assert "2022-06-30-investment.yaml:7:1: L07" in result.stderr
    assert t.files() == before


def test_interactive_decision_offers_only_legal_kinds(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    answers = ["investment", "graduate", "", "", "Begrundelse.", "", "operations", "Lærte."]
    result = new(portfolio_cli, t, "decision", "trin-et", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "Trin 2 kræver, at testkortet for trin 1 er afsluttet" in result.output
    assert "'investment' er ikke en mulig art. Prøv igen." in result.output
    text = t.read("ideas/trin-et/decisions/2022-06-30-graduate.yaml")
    assert "kind: graduate\n" in text and "to: operations\nlearning: Lærte.\n" in text


def test_ended_idea_gets_no_decision(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    result = new(portfolio_cli, t, "decision", "afvist", "--no-input", "--rationale", "Igen.")
    assert result.exit_code == 1
    assert "Ideen er afsluttet (Ikke strategisk fit)" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ukendt"], "Ideen 'ukendt' findes ikke"),
        (["til-pitch", "--kind", "close", "--outcome", "fit"], "--outcome passer ikke"),
        (["til-pitch", "--kind", "screening", "--question", "Q"], "--question passer ikke"),
        (["til-pitch", "--kind", "close"], "Der mangler værdier for: --rationale, --learning"),
        (["til-pitch"], "--question, --hypothesis, --method, --success-criterion, --end"),
    ],
)
def test_decision_refusals(tree: Build, portfolio_cli: Cli, args: list[str], message: str) -> None:
    t = tree()
    before = t.files()
    result = new(portfolio_cli, t, "decision", "--no-input", *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert t.files() == before


def test_same_date_and_kind_is_never_overwritten(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    path = "ideas/til-pitch/decisions/2021-02-01-screening.yaml"
    before = t.read(path)
    args = ["til-pitch", "--no-input", "--kind", "screening", "--date", "2021-02-01"]
    result = new(portfolio_cli, t, "decision", *args, "--rationale", "R.")
    assert result.exit_code == 1
    assert f"records/{path} findes allerede" in result.stderr
    assert t.read(path) == before


def test_a_decision_that_breaks_a_later_one_is_refused(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    args = ["trin-et-afsluttet", "--no-input", "--kind", "close", "--date", "2021-02-15"]
    result = new(portfolio_cli, t, "decision", *args, "--rationale", "R.", "--learning", "L.")
    assert result.exit_code == 1
    # The new close is fine by itself; the investment after it now breaks L10.
    assert "records/ideas/trin-et-afsluttet/decisions/2021-03-01-investment.yaml" in result.stderr
    assert " L10 " in result.stderr


def test_testcard_for_a_granted_step_without_one(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    (t.records / "ideas/trin-et/tests/step-1.yaml").unlink()
    portfolio = check_portfolio(Settings(records_dir=t.records, today=TODAY)).portfolio
    assert propose_test_step(portfolio.ideas["trin-et"]) == 1
    args = ["trin-et", "--no-input", *CARD, "--status", "done", "--result-outcome", "refuted"]
    args += ["--result-learning", "Det virkede ikke.", "--evidence", "https://example.dk/r.pdf"]
    result = new(portfolio_cli, t, "testcard", *args)
    assert result.exit_code == 0, result.output
    card = t.read("ideas/trin-et/tests/step-1.yaml")
    assert card.endswith(
        "status: done\nresult:\n  outcome: refuted\n  learning: Det virkede ikke.\n"
        "  evidence:\n    - https://example.dk/r.pdf\n"
    )


@pytest.mark.parametrize(
    ("idea_id", "args", "message"),
    [
        ("trin-et", ["--step", "1"], "records/ideas/trin-et/tests/step-1.yaml findes allerede"),
        ("til-pitch", [], "har intet bevilget trin uden testkort"),
        ("trin-et", ["--step", "2", "--result-outcome", "confirmed"], "hører kun til"),
        ("trin-et", ["--step", "2", *CARD], "L09"),
        ("trin-et", ["--step", "2", *CARD[:-2], "--status", "done"], "--result-outcome"),
    ],
)
def test_testcard_refusals(
    tree: Build, portfolio_cli: Cli, idea_id: str, args: list[str], message: str
) -> None:
    t = tree()
    before = t.files()
    result = new(portfolio_cli, t, "testcard", idea_id, "--no-input", *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert t.files() == before


def test_interactive_testcard(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    (t.records / "ideas/trin-et/tests/step-1.yaml").unlink()
    answers = ["Spørgsmål?", "Hypotese.", "Metode.", "", "Kriterium 1", "Kriterium 2", ""]
    answers += ["", "", "2022-09-30", ""]  # budget, start, end, status
    result = new(portfolio_cli, t, "testcard", "trin-et", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "Testkort for trin 1 (25.000 kr.)." in result.output
    assert result.output.count("Feltet skal udfyldes.") == 1  # the first criterion is required
    card = t.read("ideas/trin-et/tests/step-1.yaml")
    assert "success_criteria:\n  - Kriterium 1\n  - Kriterium 2\nbudget: 25000\n" in card


def test_a_zero_budget_is_a_value(tree: Build, portfolio_cli: Cli) -> None:
    t = tree()
    (t.records / "ideas/trin-et/tests/step-1.yaml").unlink()
    result = new(portfolio_cli, t, "testcard", "trin-et", "--no-input", *CARD, "--budget", "0")
    assert result.exit_code == 0, result.output
    assert "budget: 0\n" in t.read("ideas/trin-et/tests/step-1.yaml")


PULL_REQUEST = "https://github.com/org/portefoelje/pull/9"
SCREENING = "ideas/til-pitch/decisions/2021-02-01-screening.yaml"


def test_a_decision_gets_its_pull_requests_address_and_a_link_is_refused(
    tree: Build, portfolio_cli: Cli
) -> None:
    t = tree()
    args = ("link-pull-request", "--records", t.records, "--today", TODAY, PULL_REQUEST)
    linked = portfolio_cli(*args, t.records / SCREENING)
    assert linked.exit_code == 0, linked.output
    assert f"pull_request: {PULL_REQUEST}\n" in t.read(SCREENING)

    # A decision file that is a link to another decision is not followed.
    other = t.records / "ideas/til-pitch/decisions/2021-03-01-link.yaml"
    other.symlink_to(t.records / SCREENING)
    refused = portfolio_cli(*args, other)
    assert refused.exit_code == 1
    assert "2021-03-01-link.yaml" in refused.output and "Traceback" not in refused.output
    assert other.is_symlink()
