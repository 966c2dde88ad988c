"""Review stage: the records at a revision, and which files differ from it.

The revision is read through the git edge (generator/gitrepo.py), never checked out, so the
working tree is untouched.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath

from generator.gitrepo import RecordsRevision, TreeEntry, blob_id, list_files, read_blobs
from generator.load import is_hidden, read_record_bytes, walk_records
from generator.review.compare import Change
from generator.settings import Settings

_REGULAR_MODES = ("100644", "100755")


def changed_files(settings: Settings, base: RecordsRevision) -> dict[str, Change]:
    """Paths (relative to the records folder) added, changed or deleted since the revision."""
    current = _working_blobs(settings.records_dir, base.algorithm)
    at_base = {rel: entry.blob for rel, entry in base.blobs.items() if not is_hidden(rel)}
    changes: dict[str, Change] = {}
    for rel in sorted(current.keys() | at_base.keys()):
        if rel not in at_base:
            changes[rel] = "added"
        elif rel not in current:
            changes[rel] = "deleted"
        elif current[rel] != at_base[rel]:
            changes[rel] = "changed"
    return changes


def _working_blobs(records_dir: Path, algorithm: str) -> dict[str, str]:
    """Path → git blob id of every file in the working tree's records folder."""
    blobs: dict[str, str] = {}
    if not records_dir.is_dir():
        return blobs
    for rel, kind in walk_records(records_dir):
        if is_hidden(rel) or kind not in ("file", "link"):
            continue
        try:
            if kind == "link":
                content = os.fsencode((records_dir / rel).readlink())
            else:
                content = read_record_bytes(records_dir, rel, folders_checked=True)
        except OSError:
            continue
        blobs[rel] = blob_id(content, algorithm)
    return blobs


def export_base(base: RecordsRevision, target: Path, schemas_dir: Path) -> Path:
    """Write the revision's records (and its schemas) under `target`; the records folder."""
    records_dir = target / "records"
    records_dir.mkdir(parents=True)
    _write_files(base, base.blobs, records_dir)
    schemas_folder = PurePosixPath(base.records).parent.joinpath("schemas").as_posix()
    schemas = list_files(base.top, base.commit, schemas_folder) if base.records != "." else {}
    if schemas:
        (target / "schemas").mkdir()
        _write_files(base, schemas, target / "schemas")
    else:  # no schemas at the revision: judge its records by today's
        shutil.copytree(schemas_dir, target / "schemas")
    return records_dir


def _write_files(base: RecordsRevision, entries: dict[str, TreeEntry], folder: Path) -> None:
    """Regular files only, and only at paths that stay inside `folder`."""
    wanted = {
        rel: entry.blob
        for rel, entry in entries.items()
        if entry.mode in _REGULAR_MODES and _is_safe(rel)
    }
    contents = read_blobs(base.top, sorted(set(wanted.values())))
    for rel, blob in wanted.items():
        if blob in contents:
            path = folder.joinpath(*rel.split("/"))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(contents[blob])


def _is_safe(rel: str) -> bool:
    parts = rel.split("/")
    return all(part not in ("", ".", "..") for part in parts)
