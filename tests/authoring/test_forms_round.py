"""A whole round through the issue forms: each issue body, as GitHub writes it, → the command
→ records → `validate` clean → `review` describes it, on a temporary git repository."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from click.testing import Result

from tests.authoring.conftest import Tree
from tests.authoring.sample import questions
from tests.gittools import git

Build = Callable[..., Tree]
Cli = Callable[..., Result]


def issue_body(form: str, answers: Mapping[str, str]) -> str:
    """The body GitHub writes for `form` answered with `answers` (by field id)."""
    asked = questions(form)
    sections = []
    for question in asked:
        answer = answers.get(question["id"], "") or "_No response_"
        sections.append(f"### {question['attributes']['label']}\n\n{answer}")
    unknown = set(answers) - {q["id"] for q in asked}
    assert not unknown, f"no such field in {form}.yml: {unknown}"
    return "\n\n".join(sections) + "\n"


class Round:
    """The fixture portfolio as a git repository, driven through the forms."""

    def __init__(self, t: Tree, cli: Cli, tmp: Path) -> None:
        self.t, self.cli, self.tmp = t, cli, tmp
        git(t.root, "init", "--quiet", "--initial-branch=main")
        self.commit("start")

    def commit(self, message: str) -> None:
        git(self.t.root, "add", "--all")
        git(self.t.root, "commit", "--quiet", "--allow-empty", "-m", message)

    def submit(self, command: list[str], form: str, today: str, **answers: str) -> Result:
        issue = self.tmp / f"{form}.md"
        issue.write_text(issue_body(form, answers), encoding="utf-8")
        title = self.tmp / "title.txt"
        title.unlink(missing_ok=True)
        args = ["new", *command, "--records", self.t.records, "--today", today]
        return self.cli(*args, "--from-issue", issue, "--pr-title-file", title)

    def title(self) -> str:
        return (self.tmp / "title.txt").read_text(encoding="utf-8").strip()

    def passes(self, today: str, message: str) -> str:
        """Validate clean, commit, and the reviewers' summary of the change."""
        check = self.cli("validate", "--records", self.t.records, "--today", today)
        assert check.exit_code == 0, check.output
        self.commit(message)
        review = self.cli(
            "review", "--records", self.t.records, "--today", today, "--base", "HEAD~1",
            "--format", "text",
        )  # fmt: skip
        assert review.exit_code == 0, review.output
        return review.stdout


@pytest.fixture
def round_(
    tree: Build, portfolio_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Round:
    t = tree()
    monkeypatch.chdir(t.root)  # review reads git where it runs
    return Round(t, portfolio_cli, tmp_path)


IDEA_ANSWERS = {
    "title": "Cykler til alle",
    "theme": "Grøn omstilling",
    "summary": "Ældre låner en elcykel med fører.",
    "problem": "Ældre kommer for lidt ud.",
    "target_group": "Hjemmeboende ældre over 80 år.",
    "benefit_potential": "Mindre ensomhed.",
    "departments": "Teknik og Miljø, Sundhed og Omsorg",
    "owner_department": "Sundhed og Omsorg",
    "partners": "Ældre Sagen Aarhus, Boligforeningen Vest",
    "tags": "cykling, ældre, trivsel",
    "confirmation": "- [X] Idekortet indeholder ingen personoplysninger.",
}
CARD_1 = {
    "spoergsmaal": "Vil ældre låne cyklerne?",
    "hypotese": "Halvdelen af de spurgte låner en cykel.",
    "metode": "Tre måneders forsøg i to boligområder.",
    "succeskriterier": "- 40 ture\n- 20 ældre",
    "start": "10. marts 2026",
    "slut": "2026-05-31",
}


def test_a_whole_round_goes_through_the_forms(round_: Round) -> None:
    theme = round_.submit(
        ["theme"], "tema", "2026-01-05", navn="Grøn omstilling", art="Tema",
        start="1. januar 2026", slut="2027-12-31", afdelinger="Teknik og Miljø",
        reviewere="@org/groen", kriterier="Tværorganisatorisk\nKan skaleres",
    )  # fmt: skip
    assert theme.exit_code == 0, theme.output
    assert round_.title() == "Nyt tema: Grøn omstilling"
    assert "criteria:\n  - Tværorganisatorisk\n  - Kan skaleres\n" in round_.t.read(
        "themes/groen-omstilling.yaml"
    )
    summary = round_.passes("2026-01-05", "tema")
    assert "Nyt tema: Grøn omstilling" in summary
    assert "Periode: 1. januar 2026 – 31. december 2027" in summary
    assert "Beslutter om temaets ideer: @org/groen" in summary
    assert "De kriterier vi vil investere efter:\n- Tværorganisatorisk\n- Kan skaleres" in summary

    idea = round_.submit(["idea"], "idekort", "2026-02-02", **IDEA_ANSWERS)
    assert idea.exit_code == 0, idea.output
    assert round_.title() == "Idekort: Cykler til alle"
    card = round_.t.read("ideas/cykler-til-alle/idea.yaml")
    assert "partners:\n  - Ældre Sagen Aarhus\n  - Boligforeningen Vest\n" in card
    assert "tags:\n  - cykling\n  - ældre\n  - trivsel\n" in round_.t.read(
        "ideas/cykler-til-alle/idea.yaml"
    )
    assert "Cykler til alle" in round_.passes("2026-02-02", "idé")

    decision = ["decision"]
    common = {"besluttet_af": "Direktørgruppen", "begrundelse": "Passer til temaet."}
    screened = round_.submit(
        decision, "beslutning", "2026-03-02", ide="Cykler til alle",
        beslutning="Screening: strategisk fit", dato="2. marts 2026", **common,
    )  # fmt: skip
    assert screened.exit_code == 0, screened.output
    assert round_.title() == "Beslutning: Screening – Cykler til alle"
    assert "Inviteret til pitch" in round_.passes("2026-03-02", "screening")

    granted = round_.submit(
        decision, "beslutning", "2026-03-09", ide="cykler-til-alle",
        beslutning="Investeringstrin", dato="2026-03-09", **common, **CARD_1,
    )  # fmt: skip
    assert granted.exit_code == 0, granted.output
    assert round_.title() == "Beslutning: Investeringstrin 1 – Cykler til alle"
    card = round_.t.read("ideas/cykler-til-alle/tests/step-1.yaml")
    assert "start: 2026-03-10\nend: 2026-05-31\nstatus: planned\n" in card
    review = round_.passes("2026-03-09", "trin 1")
    assert "Vil ældre låne cyklerne?" in review and "Investeringstrin 1" in review

    result = round_.submit(
        ["result"], "testresultat", "2026-06-15", ide="Cykler til alle", resultat="Bekræftet",
        laering="De ældre kom ud.", evidens="https://example.dk/rapport",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert round_.title() == "Testresultat: Cykler til alle, trin 1"
    card = round_.t.read("ideas/cykler-til-alle/tests/step-1.yaml")
    assert "status: done\nresult:\n  outcome: confirmed\n" in card
    assert "end: 2026-05-31\n" in card  # the card's own end, before today
    assert "De ældre kom ud." in round_.passes("2026-06-15", "resultat")

    step_2 = {**CARD_1, "start": "2026-07-01", "slut": "2026-12-31", "budget": "125.000"}
    second = round_.submit(
        decision, "beslutning", "2026-06-20", ide="Cykler til alle",
        beslutning="Investeringstrin", dato="2026-06-20", **common, **step_2,
    )  # fmt: skip
    assert second.exit_code == 0, second.output
    assert round_.title() == "Beslutning: Investeringstrin 2 – Cykler til alle"
    assert "Investeringstrin 2" in round_.passes("2026-06-20", "trin 2")


def test_a_refused_issue_names_the_forms_own_labels_every_mistake_at_once(
    round_: Round,
) -> None:
    before = round_.t.files()
    done = round_.submit(
        ["decision"], "beslutning", "2022-06-30", ide="Cykler til ale",
        beslutning="Investeringstrin", dato="31. juni 2022", besluttet_af="Direktørgruppen",
        begrundelse="Fordi.", laering="Noget",
    )  # fmt: skip
    assert done.exit_code == 1
    message = done.stderr
    assert message.startswith("Fejl: Issuet kan ikke blive til en beslutning:\n")
    assert "Feltet 'Idé': 'Cykler til ale' er ikke en idé i porteføljen." in message
    assert "Feltet 'Dato': '31. juni 2022' er ikke en dato" in message
    assert "Feltet 'Læring': hører kun til lukning og videreførelse" in message
    assert "Feltet 'Hvad skal testes i næste skridt': skal udfyldes" in message
    assert "records/" not in message and "_" not in message.replace("_No", "")
    assert round_.t.files() == before


def test_a_decision_the_rules_refuse_is_told_by_the_forms_field(round_: Round) -> None:
    done = round_.submit(
        ["decision"], "beslutning", "2022-06-30", ide="Afvist idé",
        beslutning="Lukning", dato="2022-06-01", besluttet_af="Direktørgruppen",
        begrundelse="Fordi.", laering="Noget.",
    )  # fmt: skip
    assert done.exit_code == 1, done.output
    assert "records/" not in done.stderr and "afvist" in done.stderr.lower()


def test_a_result_for_a_card_already_done_is_refused(round_: Round) -> None:
    done = round_.submit(
        ["result"], "testresultat", "2022-06-30", ide="trin-et-afsluttet",
        resultat="Afkræftet", laering="Intet.",
    )  # fmt: skip
    assert done.exit_code == 1
    assert "allerede afsluttet" in done.stderr


def test_new_result_asks_in_danish_and_takes_links_comma_separated(
    tree: Build, portfolio_cli: Cli
) -> None:
    t = tree()
    typed = ["trin et", "trin-et", "bekraeftet", "bekræftet", "De kom ud."]
    # links; then the end: the card ends 2022-09-30, after today, so today is proposed
    typed += ["https://example.dk/a, https://example.dk/b", ""]
    result = portfolio_cli(
        "new", "result", "--records", t.records, "--today", "2022-06-30",
        input="\n".join(typed) + "\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "'trin et' er ikke en idé i porteføljen. Mente du 'trin-et'?" in result.output
    assert "'bekraeftet' er ikke et resultat. Mente du 'bekræftet'?" in result.output
    card = t.read("ideas/trin-et/tests/step-1.yaml")
    assert card.endswith(
        "end: 2022-06-30\nstatus: done\nresult:\n  outcome: confirmed\n  learning: De kom ud.\n"
        "  evidence:\n    - https://example.dk/a\n    - https://example.dk/b\n"
    )
