"""Command line for contributors: `portfolio new …` and `portfolio codeowners`.

Each command gathers its options, asks for the rest in Danish, and calls the library.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from generator.authoring.cli_common import create, generated_file_options, shown_path
from generator.authoring.cli_periods import new_theme
from generator.authoring.cli_records import Invocation, record_command
from generator.authoring.codeowners import MAINTAINERS_TEAM, default_output, render_codeowners
from generator.authoring.decision import ask_decision
from generator.authoring.drafts import load_on_disk, problem_file, write_checked
from generator.authoring.generated_file import (
    GeneratedFile,
    write_or_check,
)
from generator.authoring.idea import ask_idea, refuse_without_open_theme
from generator.authoring.issue_answers import decision_answers, result_answers
from generator.authoring.issue_body import read_issue, read_issue_file
from generator.authoring.issue_forms import DECISION_FORM, IDEA_FORM, RESULT_FORM, IssueRefusedError
from generator.authoring.prompts import is_empty, option_mode
from generator.authoring.pull_request_link import linked_decision
from generator.authoring.result import ask_result
from generator.authoring.testcard import ask_testcard
from generator.cli_options import (
    ISO_DATE,
    DanishChoice,
    common_options,
    help_option,
    options,
    records_option,
    today_option,
)
from generator.settings import Settings

_card_options = options(
    click.option("--question", help="Testkort: hvad der skal testes i dette skridt."),
    click.option("--hypothesis", help="Testkort: hypotesen."),
    click.option("--method", help="Testkort: metoden."),
    click.option(
        "--success-criterion",
        "success_criteria",
        multiple=True,
        help="Testkort: et målbart succeskriterium (gentag for flere).",
    ),
    click.option(
        "--budget", type=click.IntRange(0), help="Testkort: budgettet; standard er trinnets beløb."
    ),
    click.option("--start", type=ISO_DATE, help="Testkort: testens første dag."),
    click.option("--end", type=ISO_DATE, help="Testkort: testens sidste dag."),
    click.option(
        "--status",
        type=DanishChoice("test_status"),
        help="Testkort: status; standard er planlagt.",
    ),
    click.option(
        "--result-outcome",
        type=DanishChoice("test_outcome"),
        help="Afsluttet testkort: resultatet.",
    ),
    click.option("--result-learning", help="Afsluttet testkort: hvad testen lærte os."),
    click.option("--evidence", multiple=True, help="Afsluttet testkort: et link (gentag)."),
)


@click.group()
@help_option
def new() -> None:
    """Opret en ny post: et idekort, en beslutning, et testkort eller et tema."""


new.add_command(new_theme, "theme")


@new.command("idea", short_help="Opret et idekort.")
@record_command("Idekort")
@click.option("--id", "idea_id", help="Ideens id; standard er titlen som id (æ→ae, ø→oe, å→aa).")
@click.option("--title", help="Ideen på én linje.")
@click.option("--theme", help="Temaets id eller navn, fx klima; det skal være åbent.")
@click.option("--submitted", type=ISO_DATE, help="Datoen, ideen blev indsendt; standard er i dag.")
@click.option("--summary", help="Ideen på nogle få sætninger.")
@click.option("--problem", help="Den væsentlige udfordring.")
@click.option("--target-group", help="Den konkrete målgruppe.")
@click.option("--benefit-potential", help="Gevinstpotentialet.")
@click.option(
    "--department", "departments", multiple=True, help="En afdelings id eller navn (gentag)."
)
@click.option("--partner", "partners", multiple=True, help="En samarbejdspartner (gentag).")
@click.option("--owner-department", help="Id på den afdeling, der ejer ideen.")
@click.option("--owner-unit", help="Enheden i afdelingen.")
@click.option("--owner-contact", help="En funktionspostkasse, ikke en persons adresse.")
@click.option("--tag", "tags", multiple=True, help="Et emneord (gentag for flere).")
@click.option("--example", is_flag=True, help="Markér ideen som et opdigtet eksempel.")
def new_idea(run: Invocation, **given: Any) -> None:
    """Opret et idekort: records/ideas/<id>/idea.yaml."""
    settings = run.settings
    if run.issue is None:
        create(ask_idea, settings, given, option_mode(run.no_input, given))
        return
    refuse_without_open_theme(settings, load_on_disk(settings).portfolio, given)
    given = _from_issue(settings, run.issue, given)
    create(ask_idea, settings, given, "none")
    if run.title_file is not None:
        run.title_file.write_text(f"Idekort: {given['title']}\n", encoding="utf-8")


def _from_issue(settings: Settings, path: Path, given: dict[str, Any]) -> dict[str, Any]:
    """The fields of an issue made with the form; options given on the command line win."""
    body = read_issue_file(path)
    issue = read_issue(body, load_on_disk(settings).portfolio)
    if issue.errors:
        raise IssueRefusedError(IDEA_FORM, issue.errors)
    explicit = {key: value for key, value in given.items() if not is_empty(value)}
    return {**issue.fields, **explicit}


@new.command("decision", short_help="Opret en beslutning om en idé.")
@record_command("Beslutning")
@click.argument("idea_id", metavar="[IDÉ]", required=False)
@click.option(
    "--kind",
    type=DanishChoice("decision_kind"),
    help="Arten; standard er den næste lovlige.",
)
@click.option("--date", type=ISO_DATE, help="Beslutningens dato; standard er i dag.")
@click.option("--decided-by", help="Forummet, der traf beslutningen.")
@click.option("--rationale", help="Begrundelsen.")
@click.option("--pull-request", help="Link til pull requesten, hvis godkendelse er beslutningen.")
@click.option("--outcome", type=DanishChoice("screening_outcome"), help="Screening: udfaldet.")
@click.option("--step", type=click.IntRange(1), help="Investering: trinnet; standard er det næste.")
@click.option(
    "--amount", type=click.IntRange(1), help="Investering: beløbet; standard er trappens."
)
@click.option("--learning", help="Lukning og videreførelse: hvad vi har lært.")
@click.option(
    "--to",
    type=DanishChoice("graduate_to"),
    help="Videreførelse: til drift, intern eller ekstern finansiering.",
)
@_card_options
def new_decision(run: Invocation, idea_id: str | None, **given: Any) -> None:
    """Opret en beslutning: records/ideas/<id>/decisions/<dato>-<art>.yaml.

    IDÉ er ideens id eller titel. En investering skrives sammen med testkortet for trinnet
    (records/ideas/<id>/tests/).
    """
    run.create(ask_decision, DECISION_FORM, decision_answers, given, idea_id=idea_id)


@new.command("result", short_help="Afslut et testkort med resultatet af testen.")
@record_command("Testresultat")
@click.argument("idea_id", metavar="[IDÉ]", required=False)
@click.option("--step", type=click.IntRange(1), help="Trinnet; standard er det nuværende.")
@click.option("--outcome", type=DanishChoice("test_outcome"), help="Resultatet af testen.")
@click.option("--learning", help="Hvad testen lærte jer.")
@click.option("--evidence", multiple=True, help="Et link til dokumentation (gentag).")
@click.option("--end", type=ISO_DATE, help="Den dag, testen sluttede; standard er kortets.")
def new_result(run: Invocation, idea_id: str | None, **given: Any) -> None:
    """Afslut testkortet for et trin: status afsluttet, med resultat og læring.

    IDÉ er ideens id eller titel; testkortet er records/ideas/<id>/tests/step-<n>.yaml.
    """
    run.create(ask_result, RESULT_FORM, result_answers, given, idea_id=idea_id)


@new.command("testcard", short_help="Opret et testkort for et bevilget trin.")
@common_options
@click.argument("idea_id", metavar="[IDÉ]", required=False)
@click.option(
    "--step", type=click.IntRange(1), help="Trinnet; standard er det bevilgede uden kort."
)
@_card_options
def new_testcard(
    records_dir: Path, today: str | None, no_input: bool, idea_id: str | None, **given: Any
) -> None:
    """Opret et testkort: records/ideas/<id>/tests/step-<n>.yaml."""
    settings = Settings.for_day(records_dir, today)
    mode = option_mode(no_input, given)
    create(ask_testcard, settings, {"idea_id": idea_id, **given}, mode)


@click.command("link-pull-request", short_help="Skriv pull requestens adresse i nye beslutninger.")
@help_option
@records_option
@today_option
@click.argument("url", metavar="ADRESSE")
@click.argument(
    "files", metavar="FIL...", nargs=-1, required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)  # fmt: skip
def link_pull_request(
    records_dir: Path, today: str | None, url: str, files: tuple[Path, ...]
) -> None:
    """Skriv ADRESSE som pull_request i beslutningerne FIL..., der tilføjes af den pull request.

    Alle filer tjekkes, før nogen skrives; en beslutning med en anden adresse ændres ikke.
    """
    settings = Settings.for_day(records_dir, today)
    drafts = [linked_decision(settings, path, url) for path in files]
    write_checked(settings, drafts)
    for draft in drafts:
        click.echo(f"Skrev {problem_file(settings, draft)}")


@click.command(short_help="Skriv eller tjek .github/CODEOWNERS.")
@help_option
@records_option
@today_option
@generated_file_options(".github/CODEOWNERS i repositoriets rod")
@click.option(
    "--maintainers",
    default=MAINTAINERS_TEAM,
    help=f"Holdet, der vedligeholder værktøjet og grundreglerne (standard: {MAINTAINERS_TEAM}).",
)
def codeowners(
    records_dir: Path, today: str | None, output: Path | None, maintainers: str, check: bool
) -> None:
    """Skriv .github/CODEOWNERS ud fra temaernes reviewers, eller tjek at den er opdateret."""
    settings = Settings.for_day(records_dir, today)
    target = output or default_output(settings.root)
    text = render_codeowners(load_on_disk(settings).portfolio, settings.records_prefix, maintainers)
    file = GeneratedFile(
        target, shown_path(target, settings.root), "portfolio codeowners",
        "den passer ikke til temaernes reviewers og ideerne",
    )  # fmt: skip
    click.echo(write_or_check(file, text, check=check))
