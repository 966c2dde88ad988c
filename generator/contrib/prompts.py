"""The questions `portfolio new` asks: Danish prompts, or the options a script gave.

One `Asker` per command decides, field by field, whether a value was given, is asked for,
falls back to its default, or is missing (then the command lists every missing option).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import click

from generator.errors import PortfolioError
from generator.model import Idea, Portfolio

Mode = Literal["all", "required", "none"]


def clean_text(text: str) -> str:
    """Unix line breaks, no trailing spaces, no blank lines at the edges."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


class IdList(click.ParamType[list[str]]):
    """Ids separated by commas, each one of `choices`."""

    name = "id'er"

    def __init__(self, choices: Sequence[str]) -> None:
        self.choices = tuple(choices)

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> list[str]:
        if isinstance(value, list):
            return value
        ids = [part.strip() for part in str(value).split(",") if part.strip()]
        unknown = [i for i in ids if i not in self.choices]
        if not ids or unknown:
            self.fail(
                f"Ukendt id: {', '.join(unknown) or '(intet)'}; vælg blandt: "
                f"{', '.join(self.choices)}.",
                param,
                ctx,
            )
        return list(dict.fromkeys(ids))


def option_mode(no_input: bool, given: dict[str, Any]) -> Mode:
    """Ask everything when no field was given, only what is missing when some were."""
    if no_input:
        return "none"
    given_any = any(not is_empty(value) for value in given.values())
    return "required" if given_any else "all"


@dataclass
class Asker:
    """Takes each field from the options, a Danish prompt, or its default."""

    mode: Mode
    missing: list[str] = field(default_factory=list)

    @property
    def talks(self) -> bool:
        return self.mode != "none"

    def say(self, text: str) -> None:
        """Context for the person answering; scripts do not need it."""
        if self.talks:
            click.echo(text)

    def _asks(self, required: bool) -> bool:
        return self.mode == "all" or (self.mode == "required" and required)

    def value(
        self,
        given: Any,
        label: str,
        option: str,
        *,
        required: bool = True,
        default: Any = None,
        kind: click.ParamType[Any] | None = None,
    ) -> Any:
        """A single value: given, asked for, defaulted, or noted as missing."""
        if given is not None:
            return clean_text(given) if isinstance(given, str) and kind is None else given
        if default is not None and self.mode != "all":
            return default
        if not self._asks(required):
            if required:
                self.missing.append(option)
            return None
        prompt_default = default if default is not None else (None if required else "")
        answer = click.prompt(
            label,
            default=prompt_default,
            type=kind,
            show_default=default is not None,
            show_choices=False,  # the label or a list above it names the choices
        )
        if isinstance(answer, str):
            answer = clean_text(answer)
        return None if is_empty(answer) else answer

    def text(self, given: str | None, label: str, option: str, *, required: bool = True) -> Any:
        """Free text; asked again while a required answer is empty."""
        answer = self.value(given, label, option, required=required)
        while required and answer is None and self._asks(required):
            click.echo("Feltet skal udfyldes.")
            answer = self.value(None, label, option, required=required)
        return answer

    def lines(
        self, given: Sequence[str], label: str, option: str, *, required: bool = False
    ) -> list[str]:
        """A list of free texts, one a prompt, until an empty answer."""
        if given:
            return [clean_text(item) for item in given if clean_text(item)]
        if not self._asks(required):
            if required:
                self.missing.append(option)
            return []
        items: list[str] = []
        while True:
            hint = "tom linje afslutter" if items or not required else "mindst én"
            answer = clean_text(click.prompt(f"{label} ({hint})", default="", show_default=False))
            if not answer and (items or not required):
                return items
            if answer:
                items.append(answer)

    def list_choices(self, title: str, names: dict[str, str]) -> None:
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
    """The idea a decision or test card is for; asked for when not given."""
    if idea_id is None:
        idea_id = asker.value(
            None,
            "Ideens id (mappens navn under records/ideas/)",
            "IDEA_ID (ideens id som første argument)",
            kind=click.Choice(list(portfolio.ideas)),
        )
        asker.finish()
    idea = portfolio.ideas.get(str(idea_id))
    if idea is None:
        raise PortfolioError(
            f"Ideen '{idea_id}' findes ikke, eller dens idekort har fejl; "
            "kør portfolio validate og se records/ideas/."
        )
    return idea
