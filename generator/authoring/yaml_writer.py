"""Writing records: plain data → YAML text that reads back as the same data.

Long and multi-line text becomes a block scalar, dates stay unquoted ISO, and every other
string is quoted exactly when the strict reader would otherwise take it for something
else. The result is read back with the strict reader before anyone sees it.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from generator.load.yaml_reader import Parsed, parse_yaml
from generator.load.yaml_values import resolve_plain
from generator.vocabulary import SLUG_PATTERN

Value = str | int | bool | Sequence["Value"] | Mapping[str, "Value"]

SCHEMA_MODELINE = "# yaml-language-server: $schema={prefix}schemas/{kind}.schema.json"

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_WIDTH = 78
_INDENT = "  "


class RecordTextError(ValueError):
    """The text written would not read back as the data given (a bug, never user input)."""


def modeline(kind: str, depth: int) -> str:
    """The yaml-language-server line of a record `depth` folders below records/."""
    return SCHEMA_MODELINE.format(prefix="../" * (depth + 1), kind=kind)


def _plain_or_quoted(text: str) -> str:
    """One line of text as PyYAML would write it: plain when safe, else quoted."""
    if _ISO_DATE.match(text):
        return text  # dates stay unquoted; the strict reader keeps them as strings
    dumped = yaml.safe_dump(
        {"k": text}, allow_unicode=True, width=1_000_000, default_flow_style=False
    )
    scalar = dumped.removeprefix("k: ").rstrip("\n")
    # PyYAML leaves '08' plain (no YAML 1.1 number); the strict reader takes plain digits for
    # an integer, so what it would not read back as this text is quoted.
    if "\n" in scalar or (scalar == text and resolve_plain(scalar) != text):
        return json.dumps(text, ensure_ascii=False)
    return scalar


def _block(text: str, indent: str) -> str:
    """A literal block for text with line breaks, a folded one for long prose."""
    if "\n" in text:
        lines = [f"{indent}{line}" if line else "" for line in text.split("\n")]
        return "|-\n" + "\n".join(lines)
    wrapped = textwrap.wrap(
        text,
        width=_WIDTH - len(indent),
        break_long_words=False,
        break_on_hyphens=False,
    )
    return ">-\n" + "\n".join(f"{indent}{line}" for line in wrapped)


def _needs_block(text: str, room: int) -> bool:
    if text != text.strip() or not text:
        return False
    if "\n" in text:
        # A literal block cannot hold trailing spaces or blank lines at its edges faithfully.
        return all(line == line.rstrip() for line in text.split("\n"))
    return len(text) > room and " ".join(text.split()) == text


def _scalar(value: str | int | bool, indent: str, room: int) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    value = str(value)  # a closed set's member is written as its value
    if _needs_block(value, room):
        return _block(value, indent + _INDENT)
    if "\n" in value:
        return json.dumps(value, ensure_ascii=False)
    return _plain_or_quoted(value)


def _sequence(items: Sequence[Value], indent: str) -> list[str]:
    if not items:
        return [" []"]
    if all(
        isinstance(item, str) and SLUG_PATTERN.match(item) and _plain_or_quoted(item) == item
        for item in items
    ):
        flow = "[" + ", ".join(str(item) for item in items) + "]"
        if len(flow) + len(indent) < _WIDTH:
            return [" " + flow]
    lines = [""]
    for item in items:
        if isinstance(item, Mapping):
            raise RecordTextError("lists of mappings are not written by `portfolio new`")
        if not isinstance(item, str | int | bool):
            raise RecordTextError("nested lists are not written by `portfolio new`")
        room = _WIDTH - len(indent) - 2
        lines.append(f"{indent}- {_scalar(item, indent, room)}")
    return lines


def _mapping(data: Mapping[str, Value], indent: str) -> list[str]:
    lines: list[str] = []
    for key, value in data.items():
        head = f"{indent}{key}:"
        if isinstance(value, Mapping):
            lines.append(head if value else f"{head} {{}}")
            lines.extend(_mapping(value, indent + _INDENT))
        elif isinstance(value, str | int | bool):
            room = _WIDTH - len(head) - 1
            lines.append(f"{head} {_scalar(value, indent, room)}")
        else:
            rest = _sequence(value, indent + _INDENT)
            lines.append(head + rest[0])
            lines.extend(rest[1:])
    return lines


def render_record(data: Mapping[str, Value], first_line: str, file: str = "record") -> str:
    """The record as YAML text under `first_line`, checked to read back as `data`."""
    text = first_line + "\n" + "\n".join(_mapping(data, "")) + "\n"
    parsed = parse_yaml(text.encode("utf-8"), file)
    if not isinstance(parsed, Parsed) or parsed.data != _plain(data):
        # Callers refuse invisible characters first, so this is a bug in the writer.
        raise RecordTextError(f"the YAML written for {file} does not read back as its data")
    return text


def _plain(value: Any) -> Any:
    """Mappings and sequences as the dicts and lists the reader returns."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value
