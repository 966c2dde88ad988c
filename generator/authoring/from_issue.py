"""Command line for the issue forms: an issue's body → records, or its refusal in the form's words.

Every `--from-issue` command reads the issue file (`read_issue_file`), turns the form's
answers into the command's own options, and makes the records exactly as the command line
does. What stops it is said with the form's labels, never a YAML key or a file path, so the
issue workflow can hand the message to the issue's author as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from generator.authoring.cli_common import AskFunction, create
from generator.authoring.drafts import DraftError, load_on_disk, problem_file
from generator.authoring.issue_body import read_issue_file
from generator.authoring.issue_forms import IssueForm, IssueRefusedError, field_says, read_form
from generator.authoring.refused_fields import field_on_line
from generator.errors import PortfolioError
from generator.model import Portfolio
from generator.problems import Problem
from generator.settings import Settings

ReadAnswers = Callable[[dict[str, str], Portfolio], tuple[dict[str, Any], str]]

# The record keys (and the questions `refused_fields` names) → the form field they came from.
FIELD_OF_KEY: dict[str, dict[str, str]] = {
    "beslutning": {
        "idea_id": "ide", "kind": "beslutning", "outcome": "beslutning", "step": "beslutning",
        "amount": "beslutning", "date": "dato", "decided_by": "besluttet_af",
        "rationale": "begrundelse", "learning": "laering", "to": "videre_til",
        "question": "spoergsmaal", "hypothesis": "hypotese", "method": "metode",
        "success_criteria": "succeskriterier", "budget": "budget", "start": "start", "end": "slut",
    },
    "testresultat": {
        "idea_id": "ide", "step": "trin", "result_outcome": "resultat",
        "result_learning": "laering", "evidence": "evidens", "end": "slut",
    },
    "tema": {
        "name": "navn", "kind": "art", "start": "start", "end": "slut",
        "anchored_in": "afdelinger", "reviewers": "reviewere", "description": "beskrivelse",
        "beliefs": "det_vi_tror_paa", "investment_areas": "investeringsomraader",
        "criteria": "kriterier",
    },
}  # fmt: skip


def create_from_issue(
    ask: AskFunction,
    settings: Settings,
    form: IssueForm,
    read_answers: ReadAnswers,
    *,
    issue: Path,
    given: Mapping[str, Any],
    title_file: Path | None,
) -> None:
    """Make the records an issue made with `form` asks for; options given on the command
    line win over the issue's answers. Writes the pull request's title when asked."""
    answers = read_form(read_issue_file(issue), form)
    from_form, title = read_answers(answers, load_on_disk(settings).portfolio)
    explicit = {key: value for key, value in given.items() if value not in (None, (), "")}
    try:
        create(ask, settings, {**from_form, **explicit}, "none")
    except DraftError as refused:
        reasons = [_in_form_words(settings, form, refused, p) for p in refused.errors]
        raise IssueRefusedError(form, reasons) from None
    except IssueRefusedError:
        raise
    except PortfolioError as error:
        raise IssueRefusedError(form, [error.message]) from None
    if title_file is not None:
        title_file.write_text(title + "\n", encoding="utf-8")


def _in_form_words(
    settings: Settings, form: IssueForm, refused: DraftError, problem: Problem
) -> str:
    """A problem of the records made, said of the form field it came from."""
    draft = next((d for d in refused.drafts if problem_file(settings, d) == problem.file), None)
    key = field_on_line(draft, problem.line) if draft else None
    field_id = FIELD_OF_KEY[form.name].get(key or "")
    return field_says(form, field_id, problem.message) if field_id else problem.message
