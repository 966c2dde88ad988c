"""Load stage, part one: the strict YAML reader.

Bytes become one plain mapping and a line map, or `yaml` problems. The C event parser
of libyaml does the scanning; generator.load.yaml_values builds the values, iteratively, so
that depth is checked before anything deep is built and no input can crash or hang the
process. Nothing in a file is ever executed: there are no tags, no anchors, no types.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

import yaml

from generator.load.yaml_values import (
    MAX_DEPTH,
    SKIPPED,
    Builder,
    QuickBuilder,
    Reject,
    Retell,
    forbidden_message,
    mark,
    resolve_plain,
)
from generator.problems import PathKey, Problem
from generator.vocabulary import (
    FORBIDDEN_CHARACTERS,
    combining_run_message,
    long_combining_run,
)

MAX_BYTES = 256 * 1024

__all__ = ["MAX_BYTES", "MAX_DEPTH", "Parsed", "parse_yaml"]

Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_PARSER_HINTS_DA = {
    "mapping values are not allowed": "et kolon står et sted, hvor det ikke må stå; "
    "sæt tekst med kolon i anførselstegn",
    "found character '\\t' that cannot start any token": "der er et tabulatortegn; "
    "ryk ind med mellemrum",
    "could not find expected ':'": "en linje mangler kolon efter nøglen",
    "did not find expected key": "indrykningen passer ikke med linjerne over",
    "found undefined alias": "der er et alias (*navn), som ikke er tilladt",
    "did not find expected '-' indicator": "et listepunkt er rykket forkert ind",
    "found unexpected end of stream": "filen slutter midt i en værdi; "
    "mangler et afsluttende anførselstegn eller en parentes?",
    "found unknown escape character": "der er en ukendt escape-sekvens med \\ i en tekst "
    "i dobbelte anførselstegn",
}


@dataclass(frozen=True)
class Parsed:
    """One file's mapping and where each of its keys and items stands."""

    data: dict[str, Any]
    lines: dict[PathKey, tuple[int, int]]
    has_float: bool = False  # a decimal number somewhere: amounts must be checked closely
    # (line, column, text read, the comment) of each plain text value that a comment follows
    # on its line: `a: Elever #6. klasse` reads as 'Elever'.
    cut_by_comment: tuple[tuple[int, int, str, str], ...] = ()


# A line with a comment after something else: only such lines are looked at for W03.
_TRAILING_COMMENT = re.compile(r"\S[ \t]+#")
_ISO_DATE_TEXT = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class _CommentWatch:
    """Finds plain text values that a comment cuts short, on the few lines that have one."""

    __slots__ = ("found", "lines", "marked")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines() if "#" in text else []
        self.marked = {i for i, line in enumerate(self.lines) if _TRAILING_COMMENT.search(line)}
        self.found: list[tuple[int, int, str, str]] = []

    def see(self, event: Any) -> None:
        end = event.end_mark
        if end is None or end.line not in self.marked or event.style or not event.value:
            return
        rest = self.lines[end.line][end.column :]
        comment = rest.lstrip(" \t")
        if rest[:1] not in (" ", "\t") or not comment.startswith("#"):
            return
        value = resolve_plain(event.value)
        if isinstance(value, str) and not _ISO_DATE_TEXT.match(value):
            line, column = mark(event)
            self.found.append((line, column, value, comment))


def _position(text: str, index: int) -> tuple[int, int]:
    """Line and column of an index, with CR LF, LF and a lone CR each one line break."""
    before = text[:index].replace("\r\n", "\n").replace("\r", "\n")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _parse_events(text: str, builder: Builder | QuickBuilder) -> Parsed:
    loader = Loader(text)
    watch = _CommentWatch(text)
    documents = 0
    try:
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise Reject(*mark(event), "Filen må kun rumme ét dokument; fjern '---'.")
            elif not isinstance(event, SKIPPED):
                builder.feed(event)
                if watch.marked and type(event) is yaml.ScalarEvent:
                    watch.see(event)
    finally:
        loader.dispose()
    if builder.root is None:
        raise Reject(1, 1, "Filen er tom; den skal rumme felterne for sin posttype.")
    return Parsed(builder.root, builder.lines, builder.has_float, tuple(watch.found))


TAB_MESSAGE = (
    "Linjen er rykket ind med tabulator; YAML tillader kun mellemrum til indrykning. "
    "Slet tabulatoren, og ryk ind med mellemrum (fx to for hvert niveau)."
)


def _tab_in_indentation(text: str, line: int) -> int | None:
    """The column of a tab in the indentation of `line` (1-based), if there is one."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    content = lines[line - 1]
    indentation = content[: len(content) - len(content.lstrip(" \t"))]
    return indentation.index("\t") + 1 if "\t" in indentation else None


def _parser_message(error: yaml.YAMLError) -> str:
    detail = str(getattr(error, "problem", None) or error).strip()
    hint = next((da for en, da in _PARSER_HINTS_DA.items() if detail.startswith(en)), None)
    text = hint or "tjek indrykning, kolon og anførselstegn"
    return f"Ugyldig YAML: {text} (parseren siger: {detail})."


def parse_yaml(raw: bytes, file: str, *, with_lines: bool = True) -> Parsed | Problem:
    """Parse one record file strictly: its mapping and line map, or the first problem.

    Without lines the map is empty and the parse about a third faster; a file with a
    problem is read again with lines, so the problem has its place.
    """

    def problem(line: int, column: int, message: str) -> Problem:
        return Problem(file, line, column, "yaml", message)

    if len(raw) > MAX_BYTES:
        return problem(1, 1, "Filen fylder mere end 256 KiB, som er det højeste; gør den mindre.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return problem(line, column, "Filen er ikke gyldig UTF-8; gem den med tegnsættet UTF-8.")
    text = text.removeprefix("\ufeff")
    bad = FORBIDDEN_CHARACTERS.search(text)
    if bad:
        line, column = _position(text, bad.start())
        return problem(line, column, forbidden_message(bad.group()))
    marks = long_combining_run(text)
    if marks is not None:
        return problem(*_position(text, marks), combining_run_message())
    try:
        if not with_lines:
            with suppress(Retell):
                return _parse_events(text, QuickBuilder())
        return _parse_events(text, Builder())
    except Reject as reject:
        return problem(reject.line, reject.column, reject.message)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        tab = _tab_in_indentation(text, line)
        if tab is not None:
            return problem(line, tab, TAB_MESSAGE)
        return problem(line, column, _parser_message(error))
    except (yaml.YAMLError, ValueError, RecursionError, MemoryError) as error:
        return problem(1, 1, _parser_message(yaml.YAMLError(str(error))))
