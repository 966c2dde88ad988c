"""Command line for contributors: the options every `portfolio new …` command that takes an
issue shares, given to it as one `Invocation`."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.authoring.cli_common import AskFunction, create
from generator.authoring.from_issue import ReadAnswers, create_from_issue
from generator.authoring.issue_forms import IssueForm
from generator.authoring.prompts import option_mode
from generator.cli_options import common_options, issue_options, options
from generator.settings import Settings


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
            settings = Settings.for_day(records_dir, today)
            command(Invocation(settings, no_input, from_issue, pr_title_file), **given)

        return options(common_options, issue_options(form))(run)

    return decorate
