"""Command line: click's own words in Danish, for the whole process.

Click asks gettext for every word it prints (usage, option headings, errors, "Aborted!").
`install` gives those modules a Danish catalogue instead, names click's parameter types in
Danish, so the metavars of every command (TEKST, MAPPE, HELTAL) are Danish too, writes the
usage line's placeholders in Danish, and lists each command with its first sentence whole.
It holds for every command, also those other modules add. A word click adds in a later version and the catalogue lacks is
printed as click wrote it; a test lists click's words and fails on any that is missing.
"""

from __future__ import annotations

import gettext
import re
from types import ModuleType

import click
import click._termui_impl
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.shell_completion
import click.termui
import click.types
import click.utils

MESSAGES: dict[str, str] = {
    "Aborted!": "Afbrudt!",
    "deprecated": "forældet",
    "required": "påkrævet",  # passed to gettext as a value, so no scan of click finds it
    "Missing command.": "Der mangler en kommando.",
    "Options": "Tilvalg",
    "Positional arguments": "Argumenter",
    "Commands": "Kommandoer",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "Advarsel: Kommandoen {name!r} er forældet.{extra_message}"
    ),
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": (
        "Advarsel: {param_type} {name!r} er forældet.{extra_message}"
    ),
    "Value must be an iterable.": "Værdien skal være en liste.",
    "Could not determine name for option with declarations {decls!r}": (
        "Kunne ikke finde et navn til tilvalget {decls!r}"
    ),
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?": (
        "Ingen tilvalg, men et navn ({name}). Mente du et argument eller '--{name}'?"
    ),
    "env var: {var}": "miljøvariabel: {var}",
    "default: {default}": "standard: {default}",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.": (
        "Et argument har præcis ét navn, men fik {length}: {decls}."
    ),
    "(dynamic)": "(beregnes)",
    "Name '{name}' defined twice": "Navnet '{name}' er givet to gange",
    "Boolean option {decl!r} cannot use the same flag for true/false.": (
        "Tilvalget {decl!r} kan ikke bruge det samme flag til sand og falsk."
    ),
    "Do you want to continue?": "Vil du fortsætte?",
    "Confirm the action without prompting.": "Bekræft uden at spørge.",
    "%(prog)s, version %(version)s": "%(prog)s version %(version)s",
    "Show the version and exit.": "Vis versionen og afslut.",
    "Show this message and exit.": "Vis denne hjælp og afslut.",
    "Missing argument": "Der mangler et argument",
    "unknown error": "ukendt fejl",
    "Invalid value for {param_hint}: {message}": "Ugyldig værdi for {param_hint}: {message}",
    "Missing option": "Der mangler et tilvalg",
    "Could not open file {filename!r}: {message}": "Kunne ikke åbne filen {filename!r}: {message}",
    "Error: {message}": "Fejl: {message}",
    "Try '{command} {option}' for help.": "Skriv '{command} {option}' for at få hjælp.",
    "Missing parameter": "Der mangler en værdi",
    "Missing parameter: {param_name}": "Der mangler en værdi: {param_name}",
    "No such option {name!r}.": "Tilvalget {name!r} findes ikke.",
    "No such command {name!r}.": "Kommandoen {name!r} findes ikke.",
    "Invalid value: {message}": "Ugyldig værdi: {message}",
    "Missing {param_type}": "Der mangler et {param_type}",
    "Usage:": "Brug:",
    "Invalid start character for option ({option})": "Et tilvalg kan ikke starte sådan ({option})",
    "Option {name!r} does not take a value.": "Tilvalget {name!r} tager ingen værdi.",
    "Argument {name!r} takes {nargs} values.": "Argumentet {name!r} tager {nargs} værdier.",
    "Couldn't detect Bash version, shell completion is not supported.": (
        "Kunne ikke finde Bash' version; fuldførelse i skallen virker ikke."
    ),
    "Shell completion is not supported for Bash versions older than 4.4.": (
        "Fuldførelse i skallen kræver Bash 4.4 eller nyere."
    ),
    "Press any key to continue...": "Tryk på en tast for at fortsætte …",
    "Repeat for confirmation": "Gentag for at bekræfte",
    "Error: The two entered values do not match.": "Fejl: De to værdier er ikke ens.",
    "Unknown color {colour!r}": "Ukendt farve {colour!r}",
    "Error: invalid input": "Fejl: ugyldigt svar",
    "file": "fil",
    "directory": "mappe",
    "path": "sti",
    "Choose from:\n\t{choices}": "Vælg blandt:\n\t{choices}",
    "Choice({choices})": "Valg({choices})",
    "{value} is not in the range {range}.": "{value} er uden for intervallet {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} er hverken ja eller nej. Gyldige værdier: {states}"
    ),
    "{value!r} is not a valid {number_type}.": "{value!r} er ikke et gyldigt {number_type}.",
    "{value!r} is not a valid UUID.": "{value!r} er ikke et gyldigt UUID.",
    "{name} {filename!r} is a file.": "{name} {filename!r} er en fil.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} er en mappe.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} kan ikke læses.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} kan ikke skrives.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} kan ikke køres.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} findes ikke.",
    "Unknown standard stream '{name}'": "Ukendt standardstrøm '{name}'",
    "{editor}: Editing failed": "{editor}: Redigeringen mislykkedes",
    "{editor}: Editing failed: {e}": "{editor}: Redigeringen mislykkedes: {e}",
    "d": "d",
}

PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Uventet ekstra argument ({args})",
        "Uventede ekstra argumenter ({args})",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Tager {nargs} værdier, men fik 1.",
        "Tager {nargs} værdier, men fik {len}.",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Mente du {possibility}?",
        "(Mente du en af: {possibilities}?)",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Tilvalget {name!r} skal have en værdi.",
        "Tilvalget {name!r} skal have {nargs} værdier.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} er ikke {choice}.",
        "{value!r} er ikke en af {choices}.",
    ),
    (
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
    ): (
        "{value!r} passer ikke til formatet {format}.",
        "{value!r} passer ikke til formaterne {formats}.",
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): (
        "Der skal være {len_type} værdier, men der er {len_value}.",
        "Der skal være {len_type} værdier, men der er {len_value}.",
    ),
}

# Parameter types by their class: the metavar is the name in capitals (TEKST, HELTAL).
TYPE_NAMES: dict[type[click.ParamType[object]], str] = {
    click.types.StringParamType: "tekst",
    click.types.UnprocessedParamType: "tekst",
    click.types.IntParamType: "heltal",
    click.types.IntRange: "heltal i interval",
    click.types.FloatParamType: "tal",
    click.types.FloatRange: "tal i interval",
    click.types.BoolParamType: "ja/nej",
    click.types.UUIDParameterType: "uuid",
    click.types.DateTime: "tidspunkt",
    click.types.File: "fil",
}

_CLICK_MODULES: tuple[ModuleType, ...] = (
    click._termui_impl,
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.shell_completion,
    click.termui,
    click.types,
    click.utils,
)


# Usage lines: click writes these placeholders without asking gettext.
USAGE_WORDS: tuple[tuple[str, str], ...] = (
    ("[OPTIONS]", "[TILVALG]"),
    ("[COMMAND] [ARGS]...", "[KOMMANDO] [ARGUMENTER]..."),  # a group that runs by itself too
    ("COMMAND [ARGS]...", "KOMMANDO [ARGUMENTER]..."),
)


class DanishHelpFormatter(click.HelpFormatter):
    """click's help formatter with the usage line's placeholders in Danish."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, danish in USAGE_WORDS:
            args = args.replace(english, danish)
        super().write_usage(prog, args, prefix)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def summary(command: click.Command) -> str:
    """A command's line in its group's help: its short help, or its help's first sentence.

    Never cut off: click would shorten it to fit the terminal and end it with "...".
    """
    if command.short_help:
        return " ".join(command.short_help.split())
    paragraph = (command.help or "").strip().split("\n\n")[0]
    return _SENTENCE_END.split(" ".join(paragraph.split()), maxsplit=1)[0]


def _whole_summary(command: click.Command, limit: int = 45) -> str:
    """click's `get_short_help_str`, with the summary whole; the help wraps it."""
    del limit
    text = summary(command)
    return f"{text} ({CATALOGUE.gettext('deprecated')})" if command.deprecated else text


class DanishCatalogue(gettext.NullTranslations):
    """click's English messages → Danish; anything else passes through unchanged."""

    def gettext(self, message: str) -> str:
        return MESSAGES.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        singular, plural = PLURALS.get((msgid1, msgid2), (msgid1, msgid2))
        return singular if n == 1 else plural


CATALOGUE = DanishCatalogue()


def install() -> None:
    """Make click speak Danish in this process (idempotent)."""
    for module in _CLICK_MODULES:
        if hasattr(module, "_"):
            module._ = CATALOGUE.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = CATALOGUE.ngettext  # type: ignore[attr-defined]
    click.Context.formatter_class = DanishHelpFormatter
    click.Command.get_short_help_str = _whole_summary  # type: ignore[method-assign,assignment]
    for kind, name in TYPE_NAMES.items():
        kind.name = name
