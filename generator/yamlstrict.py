"""Load stage, part one: the strict YAML reader.

Bytes become one plain mapping and a line map, or `yaml` problems. The C event parser
of libyaml does the scanning; values are built here, iteratively, so that depth is
checked before anything deep is built and no input can crash or hang the process.
Nothing in a file is ever executed: there are no tags, no anchors, no custom types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from generator.model import PathKey
from generator.problems import Problem

MAX_BYTES = 256 * 1024
MAX_DEPTH = 20

Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Control characters (Cc) but tab and line breaks, every format character (Cf: bidi
# overrides, zero-width characters, soft hyphen, BOM...), and the Unicode line and
# paragraph separators. A test checks this class against unicodedata.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)

# Plain scalars are resolved as YAML 1.1 does (PyYAML's rules), except that only plain
# digits are integers: "25.000" or "25_000" must not silently become another amount.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL_TRUE = re.compile(r"^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$")
_BOOL_FALSE = re.compile(r"^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$")
_INT = re.compile(r"^[-+]?[0-9]{1,30}$")  # longer digit runs stay text, never a huge number
_FLOAT = re.compile(
    r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?"
    r"|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)

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


class _Reject(Exception):  # noqa: N818 (internal signal, never leaves this module)
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def _position(text: str, index: int) -> tuple[int, int]:
    """Line and column of an index, with CR LF, LF and a lone CR each one line break."""
    before = text[:index].replace("\r\n", "\n").replace("\r", "\n")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _mark(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _resolve_plain(value: str) -> Any:
    if _NULL.match(value):
        return None
    if _BOOL_TRUE.match(value):
        return True
    if _BOOL_FALSE.match(value):
        return False
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        lowered = value.replace("_", "").lower()
        if lowered.endswith((".inf", ".nan")):
            return float(lowered.replace(".", ""))
        return float(lowered)
    return value  # strings, and dates, which stay ISO strings


def _refuse_features(event: Any) -> None:
    """Anchors, aliases and explicit tags are refused where they first appear."""
    line, column = _mark(event)
    if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
        raise _Reject(
            line, column, "Ankre og aliasser (&navn, *navn) er ikke tilladt; skriv værdien ud."
        )
    raise _Reject(line, column, f"Eksplicitte typer ({event.tag}) er ikke tilladt; fjern mærket.")


def _refuse_escaped_characters(value: str, where: tuple[int, int]) -> None:
    """Escapes in double quotes ("\\u202e", "\\x07") must not let in what the text may not hold."""
    bad = _FORBIDDEN.search(value)
    if bad:
        raise _Reject(*where, _forbidden_message(bad.group()))


def _forbidden_message(char: str) -> str:
    return f"Filen indeholder et usynligt tegn eller styretegn (U+{ord(char):04X}); slet det."


class _Builder:
    """Builds plain values from parser events with an explicit stack (no recursion).

    A frame is [container, path, pending key]; a mapping's pending key is None until a
    key scalar arrives, and is then filled by the next value.
    """

    __slots__ = ("has_float", "lines", "root", "stack")

    def __init__(self) -> None:
        self.lines: dict[PathKey, tuple[int, int]] = {}
        self.stack: list[list[Any]] = []
        self.root: Any = None
        self.has_float = False

    def _key(self, frame: list[Any], event: Any, where: tuple[int, int]) -> None:
        container, path, _ = frame
        if type(event) is not _ScalarEvent:
            raise _Reject(*where, "En nøgle skal være almindelig tekst, ikke en liste.")
        name = event.value
        if name == "<<" and not event.style:
            raise _Reject(*where, "Flettenøgler (<<) er ikke tilladt; skriv felterne ud.")
        if name in container:
            first = self.lines[(*path, name)][0]
            raise _Reject(
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
                _resolve_plain(event.value)
                if not event.style and event.implicit[0]
                else event.value
            )
            self.has_float = self.has_float or type(value) is float
            self._place(value, where)
        else:
            self._open(kind is _MappingStartEvent, where)

    def _open(self, is_mapping: bool, where: tuple[int, int]) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise _Reject(
                *where, f"Data er indlejret mere end {MAX_DEPTH} niveauer; gør det fladere."
            )
        container: Any = {} if is_mapping else []
        self.stack.append([container, self._place(container, where), None])

    def _open_root(self, event: Any, where: tuple[int, int]) -> None:
        if type(event) is not _MappingStartEvent:
            raise _Reject(*where, _not_a_mapping(event))
        self.root = {}
        self.lines[()] = where
        self.stack.append([self.root, (), None])


_ScalarEvent = yaml.ScalarEvent
_AliasEvent = yaml.AliasEvent
_MappingStartEvent = yaml.MappingStartEvent
_MappingEndEvent = yaml.MappingEndEvent
_SequenceEndEvent = yaml.SequenceEndEvent
_SKIPPED = (yaml.StreamStartEvent, yaml.DocumentEndEvent)


def _parse_events(text: str) -> Parsed:
    loader = Loader(text)
    builder = _Builder()
    documents = 0
    try:
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Reject(*_mark(event), "Filen må kun rumme ét dokument; fjern '---'.")
            elif not isinstance(event, _SKIPPED):
                builder.feed(event)
    finally:
        loader.dispose()
    if builder.root is None:
        raise _Reject(1, 1, "Filen er tom; den skal rumme felterne for sin posttype.")
    return Parsed(builder.root, builder.lines, builder.has_float)


def _not_a_mapping(event: Any) -> str:
    if isinstance(event, yaml.ScalarEvent) and event.value == "" and not event.style:
        return "Filen er tom; den skal rumme felterne for sin posttype."
    return (
        "Filen skal være én samling af felter (nøgle: værdi), ikke en liste eller en enkelt værdi."
    )


def _parser_message(error: yaml.YAMLError) -> str:
    detail = str(getattr(error, "problem", None) or error).strip()
    hint = next((da for en, da in _PARSER_HINTS_DA.items() if detail.startswith(en)), None)
    text = hint or "tjek indrykning, kolon og anførselstegn"
    return f"Ugyldig YAML: {text} (parseren siger: {detail})."


def parse_yaml(raw: bytes, file: str) -> Parsed | Problem:
    """Parse one record file strictly: its mapping and line map, or the first problem."""

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
    bad = _FORBIDDEN.search(text)
    if bad:
        line, column = _position(text, bad.start())
        return problem(line, column, _forbidden_message(bad.group()))
    try:
        return _parse_events(text)
    except _Reject as reject:
        return problem(reject.line, reject.column, reject.message)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return problem(line, column, _parser_message(error))
    except (yaml.YAMLError, ValueError, RecursionError, MemoryError) as error:
        return problem(1, 1, _parser_message(yaml.YAMLError(str(error))))
