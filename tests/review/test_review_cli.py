"""`portfolio review` on real git repositories: each kind of change a reviewer decides on."""

from __future__ import annotations

from tests.review.conftest import NY_IDE_FIT, Repo
from tests.sample_records import Records, card, idea_files, investment, screening


def _step(idea_id: str, step: int, granted: str, start: str, end: str) -> Records:
    """A step granted to an idea, with its test card planned from `start` to `end`."""
    return idea_files(
        idea_id,
        None,
        [investment(granted, step, rationale="Pitchen overbeviste.")],
        [
            card(
                step, start, end, "planned",
                question="Kan ladcykler erstatte varebilen i midtbyen?",
                hypothesis="Cyklerne klarer de fleste ture.", method="Tre måneders forsøg.",
                success_criteria=["Mindst 80 procent af turene køres på cykel."], budget=24000,
            )
        ],
    )  # fmt: skip


STEP_1 = _step("til-pitch", 1, "2021-03-01", "2021-03-15", "2021-06-30")


def test_a_new_idea_is_shown_as_a_short_card(repo: Repo) -> None:
    repo.write(
        "ideas/ladcykler/idea.yaml",
        """\
title: Ladcykler i hjemmeplejen
theme: klima
submitted: 2022-06-01
summary: Hjemmeplejen kører på ladcykel i midtbyen.
problem: Bilerne holder i kø.
target_group: Medarbejdere i hjemmeplejen.
benefit_potential: Mindre CO2 og kortere køretid.
departments: [sundhed-og-omsorg, teknik-og-miljoe]
owner:
  department: sundhed-og-omsorg
""",
    )
    result = repo.review("--base", "base")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Ny idé: Ladcykler i hjemmeplejen" in out
    assert "Status: ny idé → Indsendt" in out
    assert "Tema: Klima · Afdelinger: Sundhed og Omsorg, Teknik og Miljø" in out
    assert "Resumé: Hjemmeplejen kører på ladcykel i midtbyen." in out
    assert "Udfordring: Bilerne holder i kø." in out
    assert "Målgruppe: Medarbejdere i hjemmeplejen." in out
    assert "berører 1 idé" in out
    assert "Ide til-pitch" not in out  # ideas not touched are not listed


def test_a_screening_fit_moves_the_idea_to_pitch(repo: Repo) -> None:
    repo.add(NY_IDE_FIT)
    result = repo.review("--base", "base")
    assert result.exit_code == 0, result.output
    assert "Ide ny-ide" in result.stdout
    assert "Status: Indsendt → Inviteret til pitch" in result.stdout
    assert "- Screening: strategisk fit (20. juni 2022, Direktørgruppen)." in result.stdout
    assert "Begrundelse: Passer til temaet." in result.stdout
    assert "Valideringen fandt ingen fejl." in result.stdout


def test_an_investment_shows_its_amount_the_total_and_its_test_card(repo: Repo) -> None:
    repo.add(STEP_1)
    result = repo.review("--base", "base")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Ide til-pitch" in out
    assert "Status: Inviteret til pitch → Investeringstrin 1" in out
    assert "Investering, trin 1: 25.000 kr. (1. marts 2021, Direktørgruppen)." in out
    assert "Bevilget i alt: 25.000 kr. af 400.000 kr." in out
    assert "Trin 1, nyt (Planlagt): Kan ladcykler erstatte varebilen i midtbyen?" in out
    assert "Succeskriterier: Mindst 80 procent af turene køres på cykel." in out
    assert "Budget: 24.000 kr." in out
    assert "Periode: 15. marts 2021 – 30. juni 2021" in out


def test_the_second_step_counts_the_running_total_against_the_ladder(repo: Repo) -> None:
    repo.add(_step("trin-et-afsluttet", 2, "2021-10-15", "2021-11-01", "2022-05-31"))
    result = repo.review("--base", "base")
    assert result.exit_code == 0, result.output
    assert "Status: Investeringstrin 1 → Investeringstrin 2" in result.stdout
    assert "Investering, trin 2: 125.000 kr." in result.stdout
    assert "Bevilget i alt: 150.000 kr. af 400.000 kr." in result.stdout


def test_a_finished_test_card_shows_its_result(repo: Repo) -> None:
    card = repo.read("ideas/trin-et/tests/step-1.yaml").replace(
        "status: running",
        "status: done\nresult:\n  outcome: refuted\n  learning: Borgerne brugte det ikke.\n",
    )
    repo.write("ideas/trin-et/tests/step-1.yaml", card)
    result = repo.review("--base", "base")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Ide trin-et" in out
    assert "Status: Investeringstrin 1 (uændret)" in out
    assert "Trin 1, ændret (I gang → Afsluttet): Hvad skal testes?" in out
    assert "Budget: 25.000 kr." in out
    assert "Periode: 15. marts 2021 – 30. september 2022" in out
    assert "Resultat: Afkræftet. Læring: Borgerne brugte det ikke." in out
    assert "Bevilget i alt: 25.000 kr. af 400.000 kr." in out


def test_a_close_shows_its_learning(repo: Repo) -> None:
    repo.write(
        "ideas/trin-et-afsluttet/decisions/2021-10-15-close.yaml",
        "date: 2021-10-15\nkind: close\ndecided_by: Direktørgruppen\n"
        "rationale: Gevinsten er for lille.\nlearning: Borgerne foretrak telefonen.\n",
    )
    result = repo.review("--base", "base")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Ide trin-et-afsluttet" in out
    assert "Status: Investeringstrin 1 → Lukket" in out
    assert "- Lukning (15. oktober 2021, Direktørgruppen)." in out
    assert "Læring: Borgerne foretrak telefonen." in out


def test_a_changed_decision_is_refused_first_and_plainly(repo: Repo) -> None:
    changed = "ideas/til-pitch/decisions/2021-02-01-screening.yaml"
    repo.write(changed, repo.read(changed).replace("Strategisk fit vurderet.", "Omskrevet."))
    # and an unrelated error (a screening has no step), to see L11 come first
    repo.add(idea_files("ny-ide", None, [screening("2022-06-20", step=1)]))
    result = repo.review("--base", "base")
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert "Godkend ikke, før fejlene er rettet." in out
    assert "Ikke tilladt: en truffet beslutning er ændret. Screening: strategisk fit" in out
    problems = out.split("Problemer\n---------\n")[1].split("\n---")[0]
    bullets = [line for line in problems.splitlines() if line.startswith("- ")]
    assert len(bullets) == 2
    assert bullets[0].startswith(
        "- Truffet beslutning ændret eller slettet; det er ikke tilladt. L11 "
        f"records/{changed}, linje 4: Beslutningen er ændret i forhold til base"
    )
    assert "L11" not in bullets[1]


def test_a_deleted_decision_is_refused(repo: Repo) -> None:
    (repo.records / "ideas/afvist/decisions/2021-02-01-screening.yaml").unlink()
    result = repo.review("--base", "base")
    assert result.exit_code == 1, result.output
    assert "Status: Ikke strategisk fit → Indsendt" in result.stdout
    assert "Ikke tilladt: en truffet beslutning er slettet." in result.stdout
    assert "men er slettet" in result.stdout


def test_a_change_outside_records_says_so(repo: Repo) -> None:
    (repo.root / "README.md").write_text("# Ny overskrift\n", encoding="utf-8")
    repo.commit("docs")
    for output_format in ("text", "markdown"):
        result = repo.review("--base", "HEAD~1", "--format", output_format)
        assert result.exit_code == 0, result.output
        assert "Ændringen rører ingen poster i records/" in result.stdout
        assert "Ide " not in result.stdout


def test_committed_changes_are_compared_with_an_earlier_commit(repo: Repo) -> None:
    repo.add(STEP_1)
    repo.commit("trin 1")
    result = repo.review("--base", "HEAD~1")
    assert result.exit_code == 0, result.output
    assert "Status: Inviteret til pitch → Investeringstrin 1" in result.stdout
    assert "Ændringen i forhold til HEAD~1 berører 1 idé." in result.stdout
    untouched = repo.review("--base", "HEAD")
    assert "Ændringen rører ingen poster i records/" in untouched.stdout


def test_a_theme_changed_is_listed_apart(repo: Repo) -> None:
    theme = repo.read("themes/klima.yaml")
    repo.write("themes/klima.yaml", theme + "description: Et nyt afsnit.\n")
    result = repo.review("--base", "base")
    assert result.exit_code == 0, result.output
    assert "Andre ændrede poster" in result.stdout
    assert "- records/themes/klima.yaml" in result.stdout


def test_an_unknown_revision_is_a_usage_error_in_danish(repo: Repo) -> None:
    result = repo.review("--base", "findes-ikke")
    assert result.exit_code == 2
    assert "Git-revisionen 'findes-ikke' findes ikke" in result.stderr
    assert "Traceback" not in result.output


def test_base_is_required_and_the_format_is_checked(repo: Repo) -> None:
    assert repo.review().exit_code == 2
    result = repo.review("--base", "base", "--format", "html")
    assert result.exit_code == 2
    assert "markdown" in result.stderr


def test_a_changed_done_test_card_is_refused(repo: Repo) -> None:
    card = "ideas/trin-et-afsluttet/tests/step-1.yaml"
    repo.write(card, repo.read(card).replace("Det virkede.", "Det virkede rigtig godt."))
    result = repo.review("--base", "base")
    assert result.exit_code == 1, result.output
    assert "- Ikke tilladt: et afsluttet testkort er ændret. Trin 1, ændret (Afsluttet)" in (
        result.stdout
    )
    assert "Resultat: Bekræftet. Læring: Det virkede rigtig godt." in result.stdout


def test_a_deleted_idea_says_so(repo: Repo) -> None:
    for path in sorted((repo.records / "ideas/ny-ide").rglob("*.yaml")):
        path.unlink()
    result = repo.review("--base", "base")
    assert result.exit_code == 0, result.output
    assert "Ide ny-ide" in result.stdout
    assert "Status: Indsendt → slettet" in result.stdout
