"""Schema stage: raw records → problems, against the JSON Schemas in schemas/.

Each record kind has one draft-07 schema. Amounts must be whole numbers written as
digits (25.0 is not 25000), and dates real calendar dates written YYYY-MM-DD.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft7Validator, FormatChecker, ValidationError
from jsonschema.exceptions import SchemaError
from jsonschema.validators import extend

from generator.errors import SchemaFileError
from generator.load import RawRecord, RecordKind
from generator.problems import Problem
from generator.schema_messages import message_for, missing_key

SCHEMA_FILES: dict[RecordKind, str] = {
    "ladder": "ladder.schema.json",
    "departments": "departments.schema.json",
    "theme": "theme.schema.json",
    "idea": "idea.schema.json",
    "decision": "decision.schema.json",
    "testcard": "testcard.schema.json",
}

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

_FORMATS = FormatChecker(formats=())


@_FORMATS.checks("date")
def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _ISO_DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


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


# The fast path checks formats by the same rules; email and uri shapes are left to patterns,
# as in the full validator.
_FAST_FORMATS: dict[str, Callable[[object], bool]] = {
    "date": _is_date,
    "email": lambda _value: True,
    "uri": lambda _value: True,
}


@dataclass(frozen=True)
class Schemas:
    """Two validators a record kind: a compiled one for the verdict, a full one for messages."""

    validators: dict[RecordKind, Any]
    fast: dict[RecordKind, Callable[[object], object]]

    def check(self, record: RawRecord) -> list[Problem]:
        """The schema problems of one record, at most one a field, on its key's line."""
        # The compiled validator takes 25.0 for an integer, so a file with a decimal number
        # always goes the full way.
        if not record.has_float:
            try:
                self.fast[record.ref.kind](record.data)
            except fastjsonschema.JsonSchemaException:
                pass
            else:
                return []
        validator = self.validators[record.ref.kind]
        errors = sorted(validator.iter_errors(record.data), key=_error_order)
        seen = _misspelt_keys(errors)  # reported as unknown keys, not again as missing
        problems: list[Problem] = []
        for error in errors:
            for path, message in _expand(error, record.data):
                if path in seen:
                    continue
                seen.add(path)
                line, column = _where(record, path)
                problems.append(Problem(record.ref.file, line, column, "schema", message))
        return problems


def _misspelt_keys(errors: list[ValidationError]) -> set[tuple[str | int, ...]]:
    """Paths of missing keys that an unknown key beside them is a misspelling of."""
    missing = {
        (*error.absolute_path, missing_key(error))
        for error in errors
        if error.validator == "required"
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


def _where(record: RawRecord, path: tuple[str | int, ...]) -> tuple[int, int]:
    key = path
    while key and key not in record.lines:
        key = key[:-1]
    return record.lines.get(key, (1, 1))


def _expand(error: ValidationError, data: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path, Danish message) for an error; an unknown key is placed on its own line."""
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        schema: Any = error.schema
        allowed = sorted(schema.get("properties", {}))
        for key in sorted(k for k in error.instance if k not in allowed):
            yield (*path, key), _unknown_key(key, allowed, path)
        return
    if error.validator == "required":  # one error a missing key: keep them apart
        yield (*path, missing_key(error)), message_for(error, data)
        return
    if error.validator == "propertyNames":  # an id key of departments.yaml
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


def load_schemas(schemas_dir: Path) -> Schemas:
    """Read and compile every schema; a missing or broken one is a failure to run.

    Compiling takes a tenth of a second, so the result is kept while the files are unchanged
    (a live preview checks the records again at every save).
    """
    texts: list[tuple[str, str]] = []
    for name in SCHEMA_FILES.values():
        path = schemas_dir / name
        try:
            texts.append((str(path), path.read_text(encoding="utf-8")))
        except OSError as error:
            raise SchemaFileError(f"Skemaet {path} kan ikke læses: {error.strerror}.") from error
    return _compile(tuple(texts))


@lru_cache(maxsize=4)
def _compile(texts: tuple[tuple[str, str], ...]) -> Schemas:
    validators: dict[RecordKind, Any] = {}
    fast: dict[RecordKind, Callable[[object], object]] = {}
    for kind, (path, text) in zip(SCHEMA_FILES, texts, strict=True):
        try:
            schema = json.loads(text)
            StrictValidator.check_schema(schema)
            fast[kind] = fastjsonschema.compile(schema, formats=_FAST_FORMATS)
        except (ValueError, SchemaError, fastjsonschema.JsonSchemaDefinitionException) as error:
            raise SchemaFileError(f"Skemaet {path} er ugyldigt: {error}") from error
        validators[kind] = StrictValidator(schema, format_checker=_FORMATS)
    return Schemas(validators, fast)


def check_schemas(
    records: list[RawRecord], schemas: Schemas
) -> tuple[list[RawRecord], list[Problem]]:
    """Split records into the schema-valid ones and the problems of the others."""
    valid: list[RawRecord] = []
    problems: list[Problem] = []
    for record in records:
        found = schemas.check(record)
        if found:
            problems += found
        else:
            valid.append(record)
    return valid, problems
