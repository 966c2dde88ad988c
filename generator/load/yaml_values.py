"""Load stage, part one and a half: YAML parser events → plain values.

Two builders share the same refusals: Builder maps every key and item to its line, and
QuickBuilder, for the common clean file, builds the values alone and only says when
something must be refused, so that Builder can tell where. Both keep their own stack
(no recursion), check depth before building anything deeper, and never construct
anything but dicts, lists, strings, numbers, booleans and None.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from generator.problems import PathKey
from generator.vocabulary import FORBIDDEN_CHARACTERS, is_blank_text

BLANK_VALUE_DA = (
    "Værdien består kun af mellemrum eller usynlige tegn; skriv den med synlige bogstaver "
    "eller slet feltet."
)

MAX_DEPTH = 20


# Plain scalars are resolved as YAML 1.1 does (PyYAML's rules), except that only plain
# digits are integers: "25.000" or "25_000" must not silently become another amount, and
# digits grouped by dots in threes ("25.000", "1.250.000") stay text: a Dane writes
# thousands so, and the schema can then say how to write the amount.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL_TRUE = re.compile(r"^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$")
_BOOL_FALSE = re.compile(r"^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$")
_INT = re.compile(r"^[-+]?[0-9]{1,30}$")
_THOUSANDS = re.compile(
    r"^[-+]?[0-9]{1,3}(?:\.[0-9]{3})+$"
)  # longer digit runs stay text, never a huge number
_FLOAT = re.compile(
    r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?"
    r"|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


class Reject(Exception):  # noqa: N818 (a signal between the builders and the reader)
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def mark(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def resolve_plain(value: str) -> Any:
    if _NULL.match(value):
        return None
    if _BOOL_TRUE.match(value):
        return True
    if _BOOL_FALSE.match(value):
        return False
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value) and not _THOUSANDS.match(value):
        lowered = value.replace("_", "").lower()
        if lowered.endswith((".inf", ".nan")):
            return float(lowered.replace(".", ""))
        return float(lowered)
    return value  # strings, and dates, which stay ISO strings


def _refuse_features(event: Any) -> None:
    """Anchors, aliases and explicit tags are refused where they first appear."""
    line, column = mark(event)
    if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
        raise Reject(
            line, column, "Ankre og aliasser (&navn, *navn) er ikke tilladt; skriv værdien ud."
        )
    raise Reject(line, column, f"Eksplicitte typer ({event.tag}) er ikke tilladt; fjern mærket.")


def _refuse_escaped_characters(value: str, where: tuple[int, int]) -> None:
    """Escapes in double quotes ("\\u202e", "\\x07") must not let in what the text may not hold."""
    bad = FORBIDDEN_CHARACTERS.search(value)
    if bad:
        raise Reject(*where, forbidden_message(bad.group()))


def forbidden_message(char: str) -> str:
    return f"Filen indeholder et usynligt tegn eller styretegn (U+{ord(char):04X}); slet det."


class _State:
    """What both builders keep: the root, the open containers, the line map (which the
    quick builder leaves empty) and whether a decimal number was seen."""

    __slots__ = ("has_float", "lines", "root", "stack")

    def __init__(self) -> None:
        self.lines: dict[PathKey, tuple[int, int]] = {}
        self.stack: list[list[Any]] = []
        self.root: Any = None
        self.has_float = False


class Builder(_State):
    """Builds plain values from parser events with an explicit stack (no recursion).

    A frame is [container, path, pending key]; a mapping's pending key is None until a
    key scalar arrives, and is then filled by the next value.
    """

    __slots__ = ()

    def _key(self, frame: list[Any], event: Any, where: tuple[int, int]) -> None:
        container, path, _ = frame
        if type(event) is not _ScalarEvent:
            raise Reject(*where, "En nøgle skal være almindelig tekst, ikke en liste.")
        name = event.value
        if name == "<<" and not event.style:
            raise Reject(*where, "Flettenøgler (<<) er ikke tilladt; skriv felterne ud.")
        if name in container:
            first = self.lines[(*path, name)][0]
            raise Reject(
                *where, f"Nøglen '{name}' står to gange (også på linje {first}); slet den ene."
            )
        self.lines[(*path, name)] = where
        frame[2] = name

    def _place(self, value: Any, where: tuple[int, int]) -> PathKey:
        """Put a value in the open container; return its path."""
        frame = self.stack[-1]
        container, path, key = frame
        if type(container) is dict:
            container[key] = value
            frame[2] = None
            return (*path, key)
        item_path: PathKey = (*path, len(container))
        self.lines[item_path] = where
        container.append(value)
        return item_path

    def feed(self, event: Any) -> None:
        kind = type(event)
        if kind is _MappingEndEvent or kind is _SequenceEndEvent:
            self.stack.pop()
            return
        if event.anchor is not None or kind is _AliasEvent or event.tag is not None:
            _refuse_features(event)
        mark = event.start_mark
        where = (mark.line + 1, mark.column + 1)
        if not self.stack:
            self._open_root(event, where)
            return
        if kind is _ScalarEvent and event.style == '"':
            _refuse_escaped_characters(event.value, where)
        frame = self.stack[-1]
        if frame[2] is None and type(frame[0]) is dict:
            self._key(frame, event, where)
        elif kind is _ScalarEvent:
            value = (
                resolve_plain(event.value) if not event.style and event.implicit[0] else event.value
            )
            self.has_float = self.has_float or type(value) is float
            if type(value) is str and value and is_blank_text(value):
                raise Reject(*where, BLANK_VALUE_DA)
            self._place(value, where)
        else:
            self._open(kind is _MappingStartEvent, where)

    def _open(self, is_mapping: bool, where: tuple[int, int]) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise Reject(
                *where, f"Data er indlejret mere end {MAX_DEPTH} niveauer; gør det fladere."
            )
        container: Any = {} if is_mapping else []
        self.stack.append([container, self._place(container, where), None])

    def _open_root(self, event: Any, where: tuple[int, int]) -> None:
        if type(event) is not _MappingStartEvent:
            raise Reject(*where, not_a_mapping(event))
        self.root = {}
        self.lines[()] = where
        self.stack.append([self.root, (), None])


_ScalarEvent = yaml.ScalarEvent
_AliasEvent = yaml.AliasEvent
_MappingStartEvent = yaml.MappingStartEvent
_MappingEndEvent = yaml.MappingEndEvent
_SequenceEndEvent = yaml.SequenceEndEvent
SKIPPED = (yaml.StreamStartEvent, yaml.DocumentEndEvent)


class Retell(Exception):  # noqa: N818 (a signal between the builders and the reader)
    """The quick reader met something to refuse: the full reader tells where and why."""


class QuickBuilder(_State):
    """The values alone, without paths and lines: the common case of a clean file.

    It refuses exactly what Builder refuses, but only says so; the file is then read
    again by Builder, which knows every line. A frame is [container, pending key].
    """

    __slots__ = ()

    def feed(self, event: Any) -> None:
        kind = type(event)
        if kind is _MappingEndEvent or kind is _SequenceEndEvent:
            self.stack.pop()
            return
        if event.anchor is not None or kind is _AliasEvent or event.tag is not None:
            raise Retell
        stack = self.stack
        if not stack:
            if kind is not _MappingStartEvent:
                raise Retell
            self.root = {}
            stack.append([self.root, None])
            return
        frame = stack[-1]
        container = frame[0]
        if frame[1] is None and type(container) is dict:
            frame[1] = _quick_key(event, container)
            return
        value = self._value(event, kind)
        if type(container) is dict:
            container[frame[1]] = value
            frame[1] = None
        else:
            container.append(value)
        if kind is not _ScalarEvent:
            stack.append([value, None])

    def _value(self, event: Any, kind: type) -> Any:
        if kind is not _ScalarEvent:
            if len(self.stack) >= MAX_DEPTH:
                raise Retell
            return {} if kind is _MappingStartEvent else []
        if not event.style and event.implicit[0]:
            value = resolve_plain(event.value)
            self.has_float = self.has_float or type(value) is float
        else:
            value = event.value
            if event.style == '"' and FORBIDDEN_CHARACTERS.search(value):
                raise Retell
        if type(value) is str and value and is_blank_text(value):
            raise Retell
        return value


def _quick_key(event: Any, container: dict[str, Any]) -> str:
    """A key that Builder would take, or Retell."""
    if type(event) is not _ScalarEvent or event.value in container:
        raise Retell
    if (event.value == "<<" and not event.style) or (
        event.style == '"' and FORBIDDEN_CHARACTERS.search(event.value)
    ):
        raise Retell
    name: str = event.value
    return name


def not_a_mapping(event: Any) -> str:
    if isinstance(event, yaml.ScalarEvent) and event.value == "" and not event.style:
        return "Filen er tom; den skal rumme felterne for sin posttype."
    return (
        "Filen skal være én samling af felter (nøgle: værdi), ikke en liste eller en enkelt værdi."
    )
