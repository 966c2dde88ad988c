"""Schema stage, the fast way: compiled validators that give the verdict.

A compiled `if` that does not hold raises and catches an exception inside the validator,
which costs more than the rest of a record's check. Where every condition of a schema
tests one field against constants (the `kind` of a decision, the `status` of a test
card), a validator is compiled for each value of that field with its conditions already
resolved, and a record goes to the one for its value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import fastjsonschema

from generator.schema.dates import is_iso_date

Check = Callable[[object], object]

# Formats as the full validator checks them: dates strictly; e-mail and uri shapes are left
# to the patterns.
FORMATS: dict[str, Callable[[object], bool]] = {
    "date": is_iso_date,
    "email": lambda _value: True,
    "uri": lambda _value: True,
}
_CONDITION_KEYS = {"if", "then", "else"}


def _tested(condition: dict[str, Any]) -> tuple[str, object] | None:
    """(field, constant) when an `if` is exactly 'field is present and equals constant'."""
    test = condition.get("if")
    if not isinstance(test, dict) or set(test) - {"properties", "required"}:
        return None
    properties = test.get("properties", {})
    if len(properties) != 1:
        return None
    ((field, rule),) = properties.items()
    if not isinstance(rule, dict) or set(rule) != {"const"} or test.get("required") != [field]:
        return None
    return field, rule["const"]


def specialise(schema: dict[str, Any]) -> tuple[str, dict[object, dict[str, Any]]] | None:
    """The field every condition tests and a condition-free schema for each of its values."""
    own = {key: schema[key] for key in _CONDITION_KEYS if key in schema}
    conditions = [*schema.get("allOf", []), *([own] if own else [])]
    tests = [_tested(c) if set(c) <= _CONDITION_KEYS else None for c in conditions]
    fields = {t[0] for t in tests if t is not None}
    if not conditions or None in tests or len(fields) != 1:
        return None
    field = fields.pop()
    values = schema.get("properties", {}).get(field, {}).get("enum")
    if not isinstance(values, list):
        return None
    base = {k: v for k, v in schema.items() if k not in {"allOf", *_CONDITION_KEYS}}
    resolved: dict[object, dict[str, Any]] = {}
    for value in values:
        chosen = [
            c.get("then" if test[1] == value else "else")
            for c, test in zip(conditions, tests, strict=True)
            if test is not None
        ]
        parts = [part for part in chosen if part is not None]
        resolved[value] = {**base, "allOf": parts} if parts else base
    return field, resolved


def compile_fast(schema: dict[str, Any]) -> Check:
    """One compiled check for the schema, dispatching on its tested field where it can."""
    general: Check = fastjsonschema.compile(schema, formats=FORMATS)
    split = specialise(schema)
    if split is None:
        return general
    field, resolved = split
    by_value = {
        value: fastjsonschema.compile(part, formats=FORMATS) for value, part in resolved.items()
    }

    def check(data: object) -> object:
        value = data.get(field) if isinstance(data, dict) else None
        if isinstance(value, str) and value in by_value:
            return by_value[value](data)
        return general(data)

    return check
