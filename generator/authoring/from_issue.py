"""Command line for the issue forms: an issue's body → records, or its refusal in the form's words.

Every `--from-issue` command reads the issue file (`read_issue_file`), turns the form's
answers into the command's own options, and makes the records exactly as the command line
does. What stops it is said with the form's labels, never a YAML key or a file path, so the
issue workflow can hand the message to the issue's author as it is.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.authoring.cli_common import AskFunction, create
from generator.authoring.drafts import DraftError, load_on_disk, problem_file
from generator.authoring.issue_body import read_issue_file
from generator.authoring.issue_forms import IssueForm, IssueRefusedError, field_says, read_form
from generator.authoring.prompts import option_mode
from generator.authoring.refused_fields import field_on_line
from generator.cli_options import common_options, issue_options, make_settings, options
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


@dataclass(frozen=True)
class Invocation:
    """What every `portfolio new …` command that takes an issue is run with."""

    settings: Settings
    no_input: bool
    issue: Path | None
    title_file: Path | None

    def create(
        self,
        ask: AskFunction,
        form: IssueForm,
        read_answers: ReadAnswers,
        given: Mapping[str, Any],
        **arguments: Any,
    ) -> None:
        """From the issue made with `form` when one is given; else from the options and the
        prompts, which ask everything when no option (`given`; not an argument) was given."""
        mode = option_mode(self.no_input, given)
        given = {**arguments, **given}
        if self.issue is None:
            create(ask, self.settings, given, mode)
        else:
            create_from_issue(
                ask, self.settings, form, read_answers,
                issue=self.issue, given=given, title_file=self.title_file,
            )  # fmt: skip


def record_command(form: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The options every `portfolio new …` command that takes an issue made with `form` has
    (records, today, --no-input, --from-issue, --pr-title-file), given to it as one
    `Invocation`; the command's own options reach it as they are."""

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(command)
        def run(
            *,
            records_dir: Path,
            today: str | None,
            no_input: bool,
            from_issue: Path | None,
            pr_title_file: Path | None,
            **given: Any,
        ) -> None:
            settings = make_settings(records_dir, today)
            command(Invocation(settings, no_input, from_issue, pr_title_file), **given)

        return options(common_options, issue_options(form))(run)

    return decorate


def _in_form_words(
    settings: Settings, form: IssueForm, refused: DraftError, problem: Problem
) -> str:
    """A problem of the records made, said of the form field it came from."""
    draft = next((d for d in refused.drafts if problem_file(settings, d) == problem.file), None)
    key = field_on_line(draft, problem.line) if draft else None
    field_id = FIELD_OF_KEY[form.name].get(key or "")
    return field_says(form, field_id, problem.message) if field_id else problem.message
