"""Rule L11, decisions are append-only: the records compared with a git revision.

A decision, or a test card that was already `done`, that exists at the revision must be
unchanged in the working tree. Files are compared by their git blob id first (so an
untouched tree costs one `git ls-tree`), then by their parsed data, so that line endings
or a re-indented comment do not count as a change but any changed value does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.gitrepo import RecordsRevision, blob_id, read_blobs, records_at
from generator.kinds import RecordKind, TestStatus
from generator.load import classify, parse_record, read_record_bytes
from generator.load.yaml_reader import Parsed
from generator.problems import PathKey, Problem
from generator.settings import Settings


@dataclass(frozen=True)
class BaseFile:
    """A record at the revision: its path under records/ and its blob id."""

    relpath: str
    blob: str
    kind: RecordKind


def _base_files(base: RecordsRevision) -> list[BaseFile]:
    """Every decision and test card at the revision."""
    prefix = "" if base.records == "." else f"{base.records}/"
    files: list[BaseFile] = []
    for relpath, entry in base.blobs.items():
        ref = classify(relpath, prefix + relpath)  # the loader's own layout
        if ref is not None and ref.kind in (RecordKind.DECISION, RecordKind.TESTCARD):
            files.append(BaseFile(relpath, entry.blob, ref.kind))
    return files


def _data(content: bytes, file: str) -> Parsed | None:
    """A revision's file goes through the loader's own parse: the same size limit and rules."""
    parsed = parse_record(content, file)
    return parsed if isinstance(parsed, Parsed) else None


_ABSENT = object()


def _changed_path(old: Any, new: Any, path: PathKey = ()) -> PathKey:
    """The path of the first value that differs, as deep as both sides have it."""
    if isinstance(old, dict) and isinstance(new, dict):
        keys: list[str | int] = [*new, *(key for key in old if key not in new)]
        pairs = [(key, old.get(key, _ABSENT), new.get(key, _ABSENT)) for key in keys]
    elif isinstance(old, list) and isinstance(new, list):
        longest = max(len(old), len(new))
        pairs = [
            (i, old[i] if i < len(old) else _ABSENT, new[i] if i < len(new) else _ABSENT)
            for i in range(longest)
        ]
    else:
        return path
    for key, before, after in pairs:
        if before != after:
            if after is _ABSENT:
                return path
            return _changed_path(before, after, (*path, key))
    return path


def _where(old: dict[str, Any], new: Parsed) -> tuple[int, int]:
    """Line and column of the first changed value in the current file."""
    path = _changed_path(old, new.data)
    while path and path not in new.lines:
        path = path[:-1]
    return new.lines.get(path, (1, 1))


def _current(settings: Settings, relpath: str) -> bytes | None:
    """The file as the check sees it: the overlay first, then the disk; None when gone."""
    if relpath in settings.overlay:
        return settings.overlay[relpath].encode("utf-8")
    try:
        return read_record_bytes(settings.records_dir, relpath)
    except OSError:
        return None


def _compare(
    base: BaseFile, old: bytes, current: bytes | None, file: str, ref: str
) -> Problem | None:
    """The L11 problem of one record that differs from the revision, if it counts."""
    before = _data(old, file)
    if base.kind != RecordKind.DECISION and (
        before is None or before.data.get("status") != TestStatus.DONE
    ):
        return None  # only a test card that was already done is history
    what = "Beslutningen" if base.kind == RecordKind.DECISION else "Testkortet (status: done)"
    if current is None:
        return Problem(
            file,
            1,
            1,
            "L11",
            f"{what} findes i {ref}, men er slettet; beslutninger og afsluttede testkort må "
            "ikke slettes. Gendan filen.",
        )
    after = _data(current, file)
    if before is not None and after is not None and before.data == after.data:
        return None
    line, column = _where(before.data, after) if before and after else (1, 1)
    return Problem(
        file,
        line,
        column,
        "L11",
        f"{what} er ændret i forhold til {ref}; beslutninger og afsluttede testkort må ikke "
        "ændres. Fortryd ændringen, og tilføj i stedet en ny beslutning eller et nyt testkort.",
    )


def check_append_only(settings: Settings) -> list[Problem]:
    """L11: every decision and done test card at settings.base is unchanged; [] without a base."""
    if settings.base is None:
        return []
    revision = records_at(settings, settings.base)
    changed: list[tuple[BaseFile, bytes | None]] = []
    for base in _base_files(revision):
        current = _current(settings, base.relpath)
        if current is None or blob_id(current, revision.algorithm) != base.blob:
            changed.append((base, current))
    old = read_blobs(revision.top, [base.blob for base, _ in changed])
    problems = [
        _compare(base, old[base.blob], current, settings.display_path(base.relpath), settings.base)
        for base, current in changed
        if base.blob in old
    ]
    return [p for p in problems if p is not None]
