"""Load stage: the records folder → raw records with their line maps.

Finds every record file by its place in the folder layout, sets aside what does not fit
the layout (rule L01 reports it), refuses what cannot be read (code yaml), and parses the
rest strictly.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from generator.errors import RecordsNotFoundError
from generator.kinds import RecordKind
from generator.load.yaml_reader import MAX_BYTES, Parsed, parse_yaml
from generator.problems import PathKey, Problem, Source
from generator.settings import Settings

REQUIRED_FILES: dict[str, RecordKind] = {
    "ladder.yaml": RecordKind.LADDER,
    "departments.yaml": RecordKind.DEPARTMENTS,
}


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
    lines: Mapping[PathKey, tuple[int, int]] = field(repr=False)
    has_float: bool = False
    cut_by_comment: tuple[tuple[int, int, str, str], ...] = ()  # see Parsed

    @property
    def source(self) -> Source:
        """Where the record came from, for locating its keys in problems."""
        return Source(self.ref.file, self.lines)


class LazyLines(Mapping[PathKey, tuple[int, int]]):
    """A record's line map, made when first asked for: only a record with a problem needs
    one, and reading a file again is cheaper than mapping every file's every line."""

    __slots__ = ("_lines", "_ref", "_settings")

    def __init__(self, settings: Settings, ref: RecordFile) -> None:
        self._settings = settings
        self._ref = ref
        self._lines: Mapping[PathKey, tuple[int, int]] | None = None

    def _map(self) -> Mapping[PathKey, tuple[int, int]]:
        if self._lines is None:
            try:
                parsed = parse_record(_read(self._settings, self._ref), self._ref.file)
            except OSError:
                parsed = None
            self._lines = parsed.lines if isinstance(parsed, Parsed) else {}
        return self._lines

    def __getitem__(self, key: PathKey) -> tuple[int, int]:
        return self._map()[key]

    def __iter__(self) -> Iterator[PathKey]:
        return iter(self._map())

    def __len__(self) -> int:
        return len(self._map())


@dataclass(frozen=True)
class Stray:
    """A path in the records folder that holds no record by the layout (rule L01 says why)."""

    rel: str
    file: str
    kind: str  # "link", "other" (a device, a pipe, a socket), "misplaced" or "not-utf8"


@dataclass(frozen=True)
class Loaded:
    """Every record file found, the ones that parsed, the problems met reading them, and
    the paths that fit no record."""

    files: list[RecordFile]
    records: list[RawRecord]
    problems: list[Problem]
    strays: list[Stray] = field(default_factory=list)


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
        return RecordFile(RecordKind.THEME, rel, file, stem)
    if len(parts) == 3 and parts[0] == "ideas" and name == "idea.yaml":
        return RecordFile(RecordKind.IDEA, rel, file, parts[1], parts[1])
    if len(parts) == 4 and parts[0] == "ideas" and parts[2] in ("decisions", "tests"):
        kind = RecordKind.DECISION if parts[2] == "decisions" else RecordKind.TESTCARD
        return RecordFile(kind, rel, file, stem, parts[1])
    return None


def walk_records(records_dir: Path) -> Iterator[tuple[str, str]]:
    """(relative path, kind) of everything that is not a plain folder: kind is "file",
    "link", "other" (a device, a pipe, a socket), "unreadable" (a folder that cannot
    be listed) or "not-utf8" (a name that is not UTF-8, which is not entered or read).
    os.scandir reads the kind from the folder itself: no extra call a file.
    """
    root = str(records_dir)
    folders = [""]
    while folders:
        rel_dir = folders.pop()
        try:
            with os.scandir(os.path.join(root, rel_dir)) as entries:  # noqa: PTH118 (hot path)
                found = [(entry.name, _kind_of(entry)) for entry in entries]
        except OSError:
            yield rel_dir or ".", "unreadable"
            continue
        for name, kind in found:
            rel = f"{rel_dir}/{name}" if rel_dir else name
            if not name.isascii() and not is_utf8_name(name):
                yield rel, "not-utf8"
            elif kind == "folder":
                folders.append(rel)
            else:
                yield rel, kind


def is_utf8_name(name: str) -> bool:
    """Whether a name from the file system was UTF-8 (Python keeps other bytes as lone
    surrogates, which no output can print)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable_path(rel: str) -> str:
    """A path whose name is not UTF-8, with each byte that is not shown as U+FFFD."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _kind_of(entry: os.DirEntry[str]) -> str:
    if entry.is_symlink():
        return "link"
    if entry.is_dir(follow_symlinks=False):
        return "folder"
    return "file" if entry.is_file(follow_symlinks=False) else "other"


def read_record_bytes(records_dir: Path, rel: str, *, folders_checked: bool = False) -> bytes:
    """At most MAX_BYTES + 1 bytes of a regular file in the records folder.

    Never through a symbolic link (the file's own name, or a folder on the way unless the
    caller walked the folders itself), never from a device or a pipe, and never more than
    is needed to say that the file is too large.
    """
    if not folders_checked:
        for folder in PurePosixPath(rel).parents[:-1]:
            if (records_dir / folder).is_symlink():
                raise OSError(errno.ELOOP, "et symbolsk link")
    path = os.path.join(records_dir, rel)  # noqa: PTH118 (the hot path: one call a file)
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "ikke en almindelig fil")
        chunks: list[bytes] = []
        left = MAX_BYTES + 1
        while left > 0 and (chunk := os.read(descriptor, left)):
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def parse_record(raw: bytes, file: str, *, with_lines: bool = True) -> Parsed | Problem:
    """The one strict parse of a record file's bytes (from disk or from git): at most
    256 KiB, UTF-8, no invisible characters, plain YAML; `file` names it in problems."""
    return parse_yaml(raw, file, with_lines=with_lines)


def read_record(records_dir: Path, rel: str, file: str | None = None) -> Parsed | Problem:
    """Read one record file safely and parse it strictly: the reader for every caller.

    `rel` is relative to `records_dir`; the file is never read through a symbolic link, must
    be a regular file and is read no further than the size limit. `file` is the path shown in
    problems (by default the records folder's name and `rel`).
    """
    shown = file if file is not None else f"{records_dir.resolve().name}/{rel}"
    try:
        raw = read_record_bytes(records_dir, rel)
    except OSError as error:
        return unreadable_file(shown, error)
    return parse_record(raw, shown)


def unreadable_file(file: str, error: OSError) -> Problem:
    """The problem of a record file that cannot be opened or read."""
    return Problem(file, 1, 1, "yaml", f"Filen kan ikke læses ({error.strerror}).")


def is_hidden(rel: str) -> bool:
    return rel.startswith(".") or "/." in rel


def find_record_files(
    settings: Settings, under: str = ""
) -> tuple[list[RecordFile], list[Stray], list[Problem]]:
    """Every record file under the records folder (and in the overlay), by the layout; the
    paths that fit no record (for rule L01); and the folders that cannot be listed. With
    `under` ("ideas/<id>"), only that folder's, and no required file is missed."""
    records_dir = settings.records_dir
    if not records_dir.is_dir():
        raise RecordsNotFoundError(f"Mappen med poster findes ikke: {records_dir}")
    prefix = settings.records_prefix
    inside = f"{under}/" if under else ""
    found = {inside + rel: kind for rel, kind in walk_records(records_dir / under)}
    found.update({rel: "file" for rel in settings.overlay if rel.startswith(inside)})
    files: list[RecordFile] = []
    strays: list[Stray] = []
    problems: list[Problem] = []
    for rel, kind in sorted(found.items()):
        if is_hidden(rel):
            continue
        file = f"{prefix}/{rel}"
        if kind == "not-utf8":
            strays.append(Stray(rel, f"{prefix}/{printable_path(rel)}", kind))
            continue
        ref = classify(rel, file)
        if kind == "unreadable":
            problems.append(
                Problem(file, 1, 1, "yaml", "Mappen kan ikke læses; tjek dens rettigheder.")
            )
        elif kind != "file":
            strays.append(Stray(rel, file, kind))
        elif ref is None:
            strays.append(Stray(rel, file, "misplaced"))
        else:
            files.append(ref)
    if under:
        return files, strays, problems
    present = {ref.rel for ref in files}
    problems += [
        Problem(f"{prefix}/{name}", 1, 1, "yaml", f"Filen {name} mangler; den er påkrævet.")
        for name in REQUIRED_FILES
        if name not in present
    ]
    return files, strays, problems


def _read(settings: Settings, ref: RecordFile) -> bytes:
    if ref.rel in settings.overlay:
        return settings.overlay[ref.rel].encode("utf-8")
    return read_record_bytes(settings.records_dir, ref.rel, folders_checked=True)


def load_records(settings: Settings, under: str = "") -> Loaded:
    """Find, read and strictly parse every record file (only those in `under`, when given)."""
    files, strays, problems = find_record_files(settings, under)
    records: list[RawRecord] = []
    for ref in files:
        try:
            raw = _read(settings, ref)
        except OSError as error:
            problems.append(unreadable_file(ref.file, error))
            continue
        parsed = parse_record(raw, ref.file, with_lines=False)
        if isinstance(parsed, Parsed):
            lines = LazyLines(settings, ref)
            records.append(
                RawRecord(ref, parsed.data, lines, parsed.has_float, parsed.cut_by_comment)
            )
        else:
            problems.append(parsed)
    return Loaded(files, records, problems, strays)
