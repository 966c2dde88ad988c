"""Rule L11, decisions are append-only: the records compared with a git revision.

A decision, or a test card that was already `done`, that exists at the revision must be
unchanged in the working tree. Files are compared by their git blob id first (so an
untouched tree costs one `git ls-tree`), then by their parsed data, so that line endings
or a re-indented comment do not count as a change but any changed value does.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from generator.errors import GitError
from generator.load import RecordKind, classify, parse_record, read_record_bytes
from generator.problems import PathKey, Problem
from generator.settings import Settings
from generator.yamlstrict import Parsed

_TIMEOUT_S = 120


@dataclass(frozen=True)
class BaseFile:
    """A record at the revision: its path under records/ and its blob id."""

    relpath: str
    blob: str
    kind: RecordKind


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run git in `root`; a Danish GitError when it fails or is missing."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(  # noqa: S603 (fixed git arguments, no shell)
            ["git", "-C", str(root), *args],  # noqa: S607 (git from PATH, as a developer has it)
            input=stdin,
            capture_output=True,
            env=env,
            timeout=_TIMEOUT_S,
            check=False,
        )
    except FileNotFoundError as error:
        raise GitError("git er ikke installeret; --base kræver git.") from error
    except subprocess.TimeoutExpired as error:
        raise GitError(f"git svarede ikke inden for {_TIMEOUT_S} sekunder.") from error
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]} fejlede: {detail[-1] if detail else done.returncode}")
    return done.stdout


def _repository(settings: Settings) -> tuple[Path, str]:
    """The work tree's top folder and the records folder's path inside it."""
    records = settings.records_dir.resolve()
    try:
        top = Path(_git(records.parent, "rev-parse", "--show-toplevel").decode().strip())
    except GitError as error:
        raise GitError(
            f"{records.parent} er ikke et git-repository; --base kræver et git-repository."
        ) from error
    try:
        inside = records.relative_to(top.resolve())
    except ValueError as error:
        raise GitError(f"{records} ligger ikke i git-repositoriet {top}.") from error
    return top, PurePosixPath(*inside.parts).as_posix()


def _commit(top: Path, ref: str) -> str:
    """The commit `ref` names; a Danish GitError when it names none."""
    if not ref or ref.startswith("-") or any(c.isspace() or ord(c) < 32 for c in ref):
        raise GitError(f"'{ref}' er ikke en gyldig git-revision.")
    try:
        return _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except GitError as error:
        raise GitError(
            f"Git-revisionen '{ref}' findes ikke; hent den først (fx git fetch origin main) "
            "eller angiv en anden med --base."
        ) from error


def _base_files(top: Path, commit: str, records: str) -> list[BaseFile]:
    """Every decision and test card at `commit`."""
    prefix = "" if records == "." else f"{records}/"
    listing = _git(top, "ls-tree", "-r", "-z", "--full-tree", commit, "--", f"{prefix}ideas")
    files: list[BaseFile] = []
    for entry in listing.decode("utf-8", "replace").split("\0"):
        meta, _, path = entry.partition("\t")
        parts = meta.split()
        if len(parts) != 3 or parts[1] != "blob" or not path.startswith(prefix):
            continue
        relpath = path.removeprefix(prefix)
        ref = classify(relpath, path)  # the loader's own layout
        if ref is not None and ref.kind in ("decision", "testcard"):
            files.append(BaseFile(relpath, parts[2], ref.kind))
    return files


def _blob_id(content: bytes, algorithm: str) -> str:
    return hashlib.new(algorithm, b"blob %d\0" % len(content) + content).hexdigest()


def _read_blobs(top: Path, blobs: list[str]) -> dict[str, bytes]:
    """The contents of `blobs`, read with one `git cat-file --batch`."""
    if not blobs:
        return {}
    out = _git(top, "cat-file", "--batch", stdin="".join(f"{b}\n" for b in blobs).encode())
    contents: dict[str, bytes] = {}
    position = 0
    for blob in blobs:
        header_end = out.index(b"\n", position)
        header = out[position:header_end].split()
        if len(header) != 3:  # "<id> missing": nothing to compare with
            position = header_end + 1
            continue
        size = int(header[2])
        contents[blob] = out[header_end + 1 : header_end + 1 + size]
        position = header_end + 1 + size + 1
    return contents


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


def _object_format(top: Path) -> str:
    try:
        return _git(top, "rev-parse", "--show-object-format").decode().strip() or "sha1"
    except GitError:
        return "sha1"  # git before 2.25 knows only SHA-1


def _compare(
    base: BaseFile, old: bytes, current: bytes | None, file: str, ref: str
) -> Problem | None:
    """The L11 problem of one record that differs from the revision, if it counts."""
    before = _data(old, file)
    if base.kind != "decision" and (before is None or before.data.get("status") != "done"):
        return None  # only a test card that was already done is history
    what = "Beslutningen" if base.kind == "decision" else "Testkortet (status: done)"
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
    top, records = _repository(settings)
    commit = _commit(top, settings.base)
    algorithm = _object_format(top)
    changed: list[tuple[BaseFile, bytes | None]] = []
    for base in _base_files(top, commit, records):
        current = _current(settings, base.relpath)
        if current is None or _blob_id(current, algorithm) != base.blob:
            changed.append((base, current))
    old = _read_blobs(top, [base.blob for base, _ in changed])
    problems = [
        _compare(base, old[base.blob], current, settings.display_path(base.relpath), settings.base)
        for base, current in changed
        if base.blob in old
    ]
    return [p for p in problems if p is not None]
