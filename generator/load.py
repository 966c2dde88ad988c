"""Load stage: the records folder → raw records with their line maps.

Finds every record file by its place in the folder layout, refuses what does not fit
the layout (code L01) or cannot be read (code yaml), and parses the rest strictly.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from generator.errors import RecordsNotFoundError
from generator.model import PathKey
from generator.problems import Problem
from generator.settings import Settings
from generator.yamlstrict import MAX_BYTES, Parsed, parse_yaml

RecordKind = Literal["ladder", "departments", "theme", "idea", "decision", "testcard"]

REQUIRED_FILES: dict[str, RecordKind] = {"ladder.yaml": "ladder", "departments.yaml": "departments"}


@dataclass(frozen=True)
class RecordFile:
    """A record file: its kind, where it is, and the ids its path gives it."""

    kind: RecordKind
    rel: str  # relative to the records folder, with forward slashes
    file: str  # relative to the records folder's parent: the path shown in messages
    name: str  # the file or folder name that is the record's id (without .yaml)
    idea_id: str | None = None


@dataclass(frozen=True)
class RawRecord:
    """A parsed record before any schema check."""

    ref: RecordFile
    data: dict[str, Any]
    lines: dict[PathKey, tuple[int, int]] = field(repr=False)
    has_float: bool = False


@dataclass(frozen=True)
class Loaded:
    """Every record file found, the ones that parsed, and the problems met on the way."""

    files: list[RecordFile]
    records: list[RawRecord]
    problems: list[Problem]


def classify(rel: str, file: str) -> RecordFile | None:
    """The record a relative path holds by the layout, or None when it fits nowhere."""
    parts = rel.split("/")
    name = parts[-1]
    if len(parts) == 1 and name in REQUIRED_FILES:
        return RecordFile(REQUIRED_FILES[name], rel, file, name.removesuffix(".yaml"))
    if not name.endswith(".yaml"):
        return None
    stem = name.removesuffix(".yaml")
    if len(parts) == 2 and parts[0] == "themes":
        return RecordFile("theme", rel, file, stem)
    if len(parts) == 3 and parts[0] == "ideas" and name == "idea.yaml":
        return RecordFile("idea", rel, file, parts[1], parts[1])
    if len(parts) == 4 and parts[0] == "ideas" and parts[2] in ("decisions", "tests"):
        kind: RecordKind = "decision" if parts[2] == "decisions" else "testcard"
        return RecordFile(kind, rel, file, stem, parts[1])
    return None


def _walk(records_dir: Path) -> Iterator[tuple[str, bool]]:
    """(relative path, is a symbolic link) of every file and every linked folder.

    os.scandir reads the file kind from the folder itself: no extra system call a file.
    """
    folders = [""]
    while folders:
        rel_dir = folders.pop()
        with os.scandir(records_dir / rel_dir) as entries:
            for entry in entries:
                rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
                if entry.is_dir(follow_symlinks=False):
                    folders.append(rel)
                else:
                    yield rel, entry.is_symlink()


def _is_hidden(rel: str) -> bool:
    return rel.startswith(".") or "/." in rel


def _misplaced(rel: str, file: str) -> Problem:
    hint = (
        "brug endelsen .yaml"
        if rel.endswith(".yml")
        else "poster ligger som ladder.yaml, departments.yaml, themes/<id>.yaml, "
        "ideas/<id>/idea.yaml, ideas/<id>/decisions/<dato>-<art>.yaml og "
        "ideas/<id>/tests/step-<n>.yaml"
    )
    return Problem(file, 1, 1, "L01", f"Filen passer ikke ind i mappestrukturen; {hint}.")


def find_record_files(settings: Settings) -> tuple[list[RecordFile], list[Problem]]:
    """Every record file under the records folder (and in the overlay), by the layout."""
    records_dir = settings.records_dir
    if not records_dir.is_dir():
        raise RecordsNotFoundError(f"Mappen med poster findes ikke: {records_dir}")
    prefix = settings.records_prefix
    found: dict[str, bool] = dict(_walk(records_dir))
    found.update(dict.fromkeys(settings.overlay, False))
    files: list[RecordFile] = []
    problems: list[Problem] = []
    for rel, is_link in sorted(found.items()):
        if _is_hidden(rel):
            continue
        file = f"{prefix}/{rel}"
        ref = classify(rel, file)
        if is_link:
            problems.append(
                Problem(file, 1, 1, "L01", "Symbolske links er ikke tilladt; læg filen selv her.")
            )
        elif ref is None:
            problems.append(_misplaced(rel, file))
        else:
            files.append(ref)
    problems += _missing_files(files, prefix)
    return files, problems


def _missing_files(files: list[RecordFile], prefix: str) -> list[Problem]:
    present = {ref.rel for ref in files}
    problems = [
        Problem(f"{prefix}/{name}", 1, 1, "yaml", f"Filen {name} mangler; den er påkrævet.")
        for name in REQUIRED_FILES
        if name not in present
    ]
    ideas = {ref.idea_id for ref in files if ref.idea_id}
    problems += [
        Problem(
            f"{prefix}/ideas/{idea_id}/idea.yaml",
            1,
            1,
            "L01",
            "Idémappen mangler sit idekort, idea.yaml; opret det eller flyt mappens filer.",
        )
        for idea_id in sorted(ideas)
        if f"ideas/{idea_id}/idea.yaml" not in present
    ]
    return problems


def _read(settings: Settings, ref: RecordFile) -> bytes:
    if ref.rel in settings.overlay:
        return settings.overlay[ref.rel].encode("utf-8")
    path = os.path.join(settings.records_dir, ref.rel)  # noqa: PTH118 (a hot path: 46,000 files)
    with open(path, "rb") as stream:  # noqa: PTH123
        return stream.read(MAX_BYTES + 1)  # one byte more is enough to say it is too large


def load_records(settings: Settings) -> Loaded:
    """Find, read and strictly parse every record file."""
    files, problems = find_record_files(settings)
    records: list[RawRecord] = []
    for ref in files:
        try:
            raw = _read(settings, ref)
        except OSError as error:
            problems.append(
                Problem(ref.file, 1, 1, "yaml", f"Filen kan ikke læses ({error.strerror}).")
            )
            continue
        parsed = parse_yaml(raw, ref.file)
        if isinstance(parsed, Parsed):
            records.append(RawRecord(ref, parsed.data, parsed.lines, parsed.has_float))
        else:
            problems.append(parsed)
    return Loaded(files, records, problems)
