"""Render stage, field documentation: every field of every JSON Schema, as rows for /data/."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.kinds import RecordKind

# The record kinds in the order the data page explains them, with their file names.
SCHEMA_FILES = (
    (RecordKind.IDEA, "ideas/<id>/idea.yaml"),
    (RecordKind.DECISION, "ideas/<id>/decisions/<dato>-<slags>.yaml"),
    (RecordKind.TESTCARD, "ideas/<id>/tests/step-<n>.yaml"),
    (RecordKind.THEME, "themes/<id>.yaml"),
    (RecordKind.LADDER, "ladder.yaml"),
    (RecordKind.DEPARTMENTS, "departments.yaml"),
)


@dataclass(frozen=True)
class FieldDoc:
    """One field: its path in the record, Danish name, explanation, type and whether required."""

    path: str
    title: str
    description: str
    kind: str
    required: bool


def _kind(node: Mapping[str, Any]) -> str:
    kind = node.get("type", "")
    if isinstance(kind, list):
        kind = " eller ".join(str(k) for k in kind)
    names = {"string": "tekst", "integer": "heltal", "boolean": "ja/nej", "array": "liste"}
    label = names.get(str(kind), "felter" if kind == "object" else str(kind))
    if "enum" in node:
        label += ": " + ", ".join(str(v) for v in node["enum"])
    elif "const" in node:
        label += f": {node['const']}"
    return label


def _children(node: Mapping[str, Any], path: str) -> list[tuple[str, Mapping[str, Any], bool]]:
    """The sub-fields of an object or of the objects in a list."""
    if node.get("type") == "array" and isinstance(node.get("items"), Mapping):
        items = node["items"]
        return _children(items, f"{path}[]") if items.get("type") == "object" else []
    required = set(node.get("required", ()))
    prefix = f"{path}." if path else ""
    fields = [
        (f"{prefix}{name}", child, name in required)
        for name, child in node.get("properties", {}).items()
        if isinstance(child, Mapping)
    ]
    extra = node.get("additionalProperties")
    if isinstance(extra, Mapping):
        fields.append((f"{prefix}<id>", extra, True))
    return fields


def schema_fields(schema: Mapping[str, Any]) -> list[FieldDoc]:
    """Every field of a schema, depth first, each with its title and description."""
    rows: list[FieldDoc] = []
    stack = list(reversed(_children(schema, "")))
    while stack:
        path, node, required = stack.pop()
        rows.append(
            FieldDoc(
                path=path,
                title=str(node.get("title", "")),
                description=str(node.get("description", "")),
                kind=_kind(node),
                required=required,
            )
        )
        stack.extend(reversed(_children(node, path)))
    return rows
