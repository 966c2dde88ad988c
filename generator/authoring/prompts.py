"""The questions `portfolio new` asks: Danish prompts, or the options a script gave.

One `Asker` per command decides, field by field, whether a value was given, is asked for,
falls back to its default, or is missing (then the command lists every missing option).
An answer typed is checked at once (`generator.authoring.answers`) and asked again with the
reason; end of input or Ctrl-C stops the command before anything is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import click

from generator.authoring.answers import (
    AnswerError,
    Check,
    choice,
    choices,
    find_choice,
    plain_text,
    suggestion,
)
from generator.errors import PortfolioError
from generator.model import Idea, Portfolio
from generator.vocabulary import is_blank_text

Mode = Literal["all", "required", "none"]


def clean_text(text: str) -> str:
    """Unix line breaks, no trailing spaces, no blank lines at the edges."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def option_mode(no_input: bool, given: Mapping[str, Any]) -> Mode:
    """Ask everything when no field was given, only what is missing when some were."""
    if no_input:
        return "none"
    given_any = any(not is_empty(value) for value in given.values())
    return "required" if given_any else "all"


def option_name(key: str) -> str:
    """The command-line option of a field, e.g. target_group → --target-group."""
    return "--" + key.replace("_", "-")


@dataclass
class Asker:
    """Takes each field from the options, a Danish prompt, or its default.

    Every answer typed is checked at once and asked again with the reason until it is
    usable, and kept in `answers`: when the whole record fails its final check, the
    command asks again with `only` the fields at fault and every other answer as given.
    """

    mode: Mode
    only: frozenset[str] | None = None
    missing: list[str] = field(default_factory=list)
    answers: dict[str, Any] = field(default_factory=dict)

    @property
    def talks(self) -> bool:
        return self.mode != "none"

    def say(self, text: str) -> None:
        """Context for the person answering; scripts do not need it."""
        if self.talks and self.only is None:
            click.echo(text)

    def tell(self, text: str) -> None:
        """Why something typed cannot be used: always said to the person answering."""
        if self.talks:
            click.echo(text)

    def _asks(self, key: str, required: bool) -> bool:
        if self.only is not None:
            return key in self.only
        return self.mode == "all" or (self.mode == "required" and required)

    def given(self, given: Mapping[str, Any], key: str) -> Any:
        """The value given for `key`, unless it is to be asked again."""
        if self.only is not None and key in self.only:
            return None
        value = given.get(key)
        return None if is_empty(value) and self.only is None else value

    def value(
        self,
        given: Mapping[str, Any],
        key: str,
        label: str,
        *,
        required: bool = True,
        default: Any = None,
        check: Check | None = None,
        option: str | None = None,
    ) -> Any:
        """A single value: given, asked for (and checked), defaulted, or noted as missing."""
        value = self.given(given, key)
        if isinstance(value, str):  # a value of blanks alone is no value: it is missing
            value = None if is_blank_text(value) else clean_text(value)
        if value is None and not (self.only is not None and key not in self.only):
            value = self._missing_value(
                key, label=label, required=required, default=default, check=check, option=option
            )
        self.answers[key] = value
        return value

    def _missing_value(
        self,
        key: str,
        *,
        label: str,
        required: bool,
        default: Any,
        check: Check | None,
        option: str | None,
    ) -> Any:
        if default is not None and self.mode != "all" and self.only is None:
            return default
        if not self._asks(key, required):
            if required:
                self.missing.append(option or option_name(key))
            return None
        return self._prompt(label, required, default, check or plain_text)

    def _prompt(self, label: str, required: bool, default: Any, check: Check) -> Any:
        """Ask until the answer passes `check`; an empty answer takes the default."""
        while True:
            shown = "" if default is None else str(default)
            text = clean_text(click.prompt(label, default=shown, show_default=default is not None))
            if not text:
                if default is not None:
                    text = shown
                elif required:
                    click.echo("  Feltet skal udfyldes.")
                    continue
                else:
                    return None
            try:
                return check(text)
            except AnswerError as error:
                click.echo(f"  {error.reason} Prøv igen.")

    def text(self, given: Mapping[str, Any], key: str, label: str, *, required: bool = True) -> Any:
        """Free text, checked for personal data."""
        return self.value(given, key, label, required=required)

    def items(
        self,
        given: Mapping[str, Any],
        key: str,
        label: str,
        *,
        option: str,
        required: bool = False,
        check: Check = plain_text,
        per_line: bool = False,
    ) -> list[str]:
        """A list typed on one line, separated by commas, given options split alike; or with
        `per_line` (for sentences, which hold commas) one item a prompt until an empty answer."""
        value = self.given(given, key)
        if per_line:
            return self._lines(value, key, label, option, required=required, check=check)
        if isinstance(value, list | tuple):
            parts = [clean_text(part) for item in value for part in str(item).split(",")]
            self.answers[key] = list(dict.fromkeys(part for part in parts if part))
            return list(self.answers[key])

        def each(text: str) -> list[str]:
            parts = [part.strip() for part in text.split(",") if part.strip()]
            return list(dict.fromkeys(check(part) for part in parts))

        answer = self.value(given, key, label, required=required, check=each, option=option)
        return list(answer or [])

    def _lines(
        self, value: Any, key: str, label: str, option: str, *, required: bool, check: Check
    ) -> list[str]:
        """A list given as it stands, or asked for one item a prompt until an empty answer."""
        if value or (self.only is not None and key not in self.only):
            kept = [clean_text(item) for item in value or () if clean_text(item)]
            self.answers[key] = kept
            return kept
        if not self._asks(key, required):
            if required:
                self.missing.append(option)
            return []
        items: list[str] = []
        while True:
            hint = "tom linje afslutter" if items or not required else "mindst én"
            item = self._prompt(f"{label} ({hint})", bool(required and not items), None, check)
            if item is None:
                self.answers[key] = items
                return items
            items.append(item)

    def ids(
        self,
        given: Mapping[str, Any],
        key: str,
        label: str,
        *,
        names: Mapping[str, str],
        what: str,
        option: str,
        required: bool = True,
    ) -> list[str]:
        """Ids of `names`: given as a list (ids or names), or typed separated by commas."""
        value = self.given(given, key)
        if isinstance(value, list | tuple):
            ids = [find_choice(str(item), names) or str(item) for item in value]
            self.answers[key] = list(dict.fromkeys(ids))
            return list(self.answers[key])
        check = choices(names, what)
        answer = self.value(given, key, label, required=required, check=check, option=option)
        return list(answer or [])

    def list_choices(self, title: str, names: Mapping[str, str]) -> None:
        """Show the ids to choose from, with their Danish names."""
        self.say(title)
        for key, name in names.items():
            self.say(f"  {key}: {name}")

    def finish(self) -> None:
        """Refuse when a script left out a required field."""
        if self.missing:
            options = ", ".join(dict.fromkeys(self.missing))
            raise PortfolioError(
                f"Der mangler værdier for: {options}. Angiv dem som tilvalg, eller kør "
                "kommandoen uden --no-input for at blive spurgt."
            )


def is_empty(value: Any) -> bool:
    """No value: None, an empty text or list, or an unset flag (but 0 is a value)."""
    return (
        value is None
        or value is False
        or (isinstance(value, str | list | tuple | dict) and not value)
    )


def drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    """The fields that have a value: optional fields left empty are not written."""
    return {key: value for key, value in data.items() if not is_empty(value)}


def find_idea(portfolio: Portfolio, idea_id: str | None, asker: Asker) -> Idea:
    """The idea a decision or test card is for, by id or title; asked for when not given.

    A near miss is refused with the nearest id or title ("Mente du …?").
    """
    titles = {key: idea.title for key, idea in portfolio.ideas.items()}
    check = choice(titles, "en idé i porteføljen")
    if idea_id is None:
        idea_id = asker.value(
            {},
            "idea_id",
            "Ideen (id eller titel)",
            check=check,
            option="IDE_ID (ideens id som første argument)",
        )
        asker.finish()
    found = find_choice(str(idea_id), titles)
    if found is None:
        raise PortfolioError(
            f"Ideen '{idea_id}' findes ikke i porteføljen.{suggestion(str(idea_id), titles)} "
            "Skriv ideens id eller titel; en idé, hvis idekort har fejl, kan ikke findes, før "
            "fejlene er rettet (kør portfolio validate)."
        )
    return portfolio.ideas[found]
