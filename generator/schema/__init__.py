"""Schema stage: raw records → problems, against the JSON Schemas in schemas/.

Each record kind has one draft-07 schema. A compiled validator (fastjsonschema) gives the
verdict; only a record that fails it goes to jsonschema, for messages that say what to
change (generator.schema.full, loaded on first need).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import fastjsonschema

from generator.errors import SchemaFileError
from generator.kinds import RecordKind
from generator.load import RawRecord
from generator.problems import Problem
from generator.schema.fast import compile_fast

SCHEMA_FILES: dict[RecordKind, str] = {kind: f"{kind}.schema.json" for kind in RecordKind}


@dataclass(frozen=True)
class Schemas:
    """Every schema a record kind, compiled for the verdict; detailed validators on demand."""

    documents: dict[RecordKind, dict[str, Any]]
    fast: dict[RecordKind, Callable[[object], object]]
    _full: dict[RecordKind, Any] = field(default_factory=dict, compare=False, repr=False)

    def full(self, kind: RecordKind) -> Any:
        """The detailed (jsonschema) validator of a kind, made on first use."""
        if kind not in self._full:
            self._full[kind] = _full_module().full_validator(self.documents[kind])
        return self._full[kind]

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
        problems: list[Problem] = _full_module().full_problems(self.full(record.ref.kind), record)
        return problems


def _full_module() -> Any:
    return importlib.import_module("generator.schema.full")


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
    documents: dict[RecordKind, dict[str, Any]] = {}
    fast: dict[RecordKind, Callable[[object], object]] = {}
    for kind, (path, text) in zip(SCHEMA_FILES, texts, strict=True):
        try:
            documents[kind] = json.loads(text)
            fast[kind] = compile_fast(documents[kind])
        except (ValueError, fastjsonschema.JsonSchemaDefinitionException) as error:
            raise SchemaFileError(f"Skemaet {path} er ugyldigt: {error}") from error
    return Schemas(documents, fast)


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
