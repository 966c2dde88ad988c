"""Schema stage, the full way: jsonschema's detailed errors as Danish problems.

Imported only when a record fails the compiled check, so a clean run never loads
jsonschema. Amounts must be whole numbers written as digits (25.0 is not 25000).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from typing import Any

from jsonschema import Draft7Validator, FormatChecker, ValidationError
from jsonschema.validators import extend

from generator.load import RawRecord
from generator.problems import Problem
from generator.schema.dates import is_iso_date
from generator.schema.messages import message_for, missing_keys, required_message

_FORMATS = FormatChecker(formats=())


_FORMATS.checks("date")(is_iso_date)


def _is_whole_number(_checker: object, instance: object) -> bool:
    return isinstance(instance, int) and not isinstance(instance, bool)


def _unique_items(
    validator: Any, unique: bool, instance: object, _schema: object
) -> Iterator[ValidationError]:
    """uniqueItems in linear time: jsonschema's own compares every pair of mixed items."""
    if not unique or not isinstance(instance, list):
        return
    seen: set[str] = set()
    for item in instance:
        key = json.dumps(item, sort_keys=True, default=str)
        if key in seen:
            yield ValidationError(f"{item!r} is not unique")
            return
        seen.add(key)


StrictValidator: Any = extend(  # type: ignore[no-untyped-call]
    Draft7Validator,
    validators={"uniqueItems": _unique_items},
    type_checker=Draft7Validator.TYPE_CHECKER.redefine("integer", _is_whole_number),
)


def full_validator(schema: dict[str, Any]) -> Any:
    """The detailed validator of one schema."""
    return StrictValidator(schema, format_checker=_FORMATS)


def full_problems(validator: Any, record: RawRecord) -> list[Problem]:
    """The schema problems of one record, at most one a field, on its key's line."""
    errors = sorted(validator.iter_errors(record.data), key=_error_order)
    seen = _misspelt_keys(errors)  # reported as unknown keys, not again as missing
    problems: list[Problem] = []
    for error in errors:
        for path, message in _expand(error, record.data):
            if path in seen:
                continue
            seen.add(path)
            problems.append(record.source.problem(path, "schema", message))
    return problems


def _misspelt_keys(errors: list[ValidationError]) -> set[tuple[str | int, ...]]:
    """Paths of missing keys that an unknown key beside them is a misspelling of."""
    missing = {
        (*error.absolute_path, key)
        for error in errors
        if error.validator == "required"
        for key in missing_keys(error)
    }
    found: set[tuple[str | int, ...]] = set()
    for error in errors:
        if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
            continue
        schema: Any = error.schema
        allowed = list(schema.get("properties", {}))
        for key in error.instance:
            close = difflib.get_close_matches(key, allowed, n=1) if key not in allowed else []
            if close and (*error.absolute_path, close[0]) in missing:
                found.add((*error.absolute_path, close[0]))
    return found


def _error_order(error: ValidationError) -> tuple[int, str]:
    return (len(error.absolute_path), str(error.validator))


def _expand(error: ValidationError, data: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path, Danish message) for an error; an unknown key is placed on its own line."""
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        schema: Any = error.schema
        allowed = sorted(schema.get("properties", {}))
        for key in sorted(k for k in error.instance if k not in allowed):
            yield (*path, key), _unknown_key(key, allowed, path)
        return
    if error.validator == "required":  # each missing key on its own (repeats are dropped)
        for key in missing_keys(error):
            yield (*path, key), required_message(error, key)
        return
    if "propertyNames" in error.schema_path:  # an id key of departments.yaml
        yield (*path, str(error.instance)), message_for(error, data)
        return
    yield path, message_for(error, data)


def _unknown_key(key: str, allowed: list[str], path: tuple[Any, ...]) -> str:
    if not allowed:  # departments.yaml: every key is an id
        return f"'{key}' er ikke et gyldigt id."
    close = difflib.get_close_matches(key, allowed, n=1)
    where = f" under '{'.'.join(map(str, path))}'" if path else ""
    hint = f" Mente du '{close[0]}'?" if close else f" Tilladte felter: {', '.join(allowed)}."
    return f"Ukendt felt '{key}'{where}; en tastefejl må ikke slippe igennem.{hint}"
