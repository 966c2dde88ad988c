"""The git edge: run git, find a revision, list and read its files, date a file's last
commit. Danish GitError on every failure.

L11, `portfolio review` and the site's "last updated" dates read git only through these.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import GitError
from generator.settings import Settings

_TIMEOUT_S = 120


def run_git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
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


def repository_paths(settings: Settings) -> tuple[Path, str]:
    """The work tree's top folder and the records folder's path inside it."""
    records = settings.records_dir.resolve()
    try:
        top = Path(run_git(records.parent, "rev-parse", "--show-toplevel").decode().strip())
    except GitError as error:
        raise GitError(
            f"{records.parent} er ikke et git-repository; --base kræver et git-repository."
        ) from error
    try:
        inside = records.relative_to(top.resolve())
    except ValueError as error:
        raise GitError(f"{records} ligger ikke i git-repositoriet {top}.") from error
    return top, PurePosixPath(*inside.parts).as_posix()


def resolve_commit(top: Path, ref: str) -> str:
    """The commit `ref` names; a Danish GitError when it names none."""
    if not ref or ref.startswith("-") or any(c.isspace() or ord(c) < 32 for c in ref):
        raise GitError(f"'{ref}' er ikke en gyldig git-revision.")
    try:
        return (
            run_git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
        )
    except GitError as error:
        raise GitError(
            f"Git-revisionen '{ref}' findes ikke; hent den først (fx git fetch origin main) "
            "eller angiv en anden med --base."
        ) from error


def blob_id(content: bytes, algorithm: str) -> str:
    """The id git gives `content` as a blob, with the repository's hash algorithm."""
    return hashlib.new(algorithm, b"blob %d\0" % len(content) + content).hexdigest()


def read_blobs(top: Path, blobs: list[str]) -> dict[str, bytes]:
    """The contents of `blobs`, read with one `git cat-file --batch`."""
    if not blobs:
        return {}
    out = run_git(top, "cat-file", "--batch", stdin="".join(f"{b}\n" for b in blobs).encode())
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


def object_format(top: Path) -> str:
    """The repository's hash algorithm: sha1 or sha256."""
    try:
        return run_git(top, "rev-parse", "--show-object-format").decode().strip() or "sha1"
    except GitError:
        return "sha1"  # git before 2.25 knows only SHA-1


@dataclass(frozen=True)
class TreeEntry:
    """A file at a revision: its mode (100644, 100755, 120000 for a link) and blob id."""

    mode: str
    blob: str


def list_files(top: Path, commit: str, folder: str) -> dict[str, TreeEntry]:
    """Path (relative to `folder`) → entry of every file or link under `folder` at `commit`."""
    prefix = "" if folder == "." else f"{folder}/"
    out = run_git(top, "ls-tree", "-r", "-z", "--full-tree", commit, "--", prefix or ".")
    files: dict[str, TreeEntry] = {}
    for line in out.decode("utf-8", "replace").split("\0"):
        meta, _, path = line.partition("\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == "blob" and path.startswith(prefix):
            files[path.removeprefix(prefix)] = TreeEntry(parts[0], parts[2])
    return files


@dataclass(frozen=True)
class RecordsRevision:
    """The records folder at a revision: the repository, the commit, the folder's path inside
    the repository, and the blob id of every file under it by path relative to the folder."""

    top: Path
    commit: str
    records: str
    blobs: dict[str, TreeEntry]
    algorithm: str


def records_at(settings: Settings, ref: str) -> RecordsRevision:
    """The records folder at `ref`, listed in one `git ls-tree`; a GitError when unknown."""
    top, records = repository_paths(settings)
    commit = resolve_commit(top, ref)
    files = list_files(top, commit, records)
    return RecordsRevision(top, commit, records, files, object_format(top))


def last_commit_date(path: Path) -> str | None:
    """The date of the last commit that touched a file, or None outside git or before it."""
    try:
        date = run_git(path.parent, "log", "-1", "--format=%cs", "--", path.name).decode().strip()
    except GitError:
        return None
    return date if len(date) == 10 else None


# How GitHub words the commit a pull request lands as: a merge, or a squash (or rebase)
# whose subject ends with the number.
_MERGE_SUBJECT = re.compile(r"^Merge pull request #([1-9][0-9]{0,9}) from \S")
_SQUASH_SUBJECT = re.compile(r"\(#([1-9][0-9]{0,9})\)$")
_RECORD_START = "\x1e"


def pull_request_of_subject(subject: str) -> int | None:
    """The pull request number in a commit subject as GitHub writes it, if any."""
    found = _MERGE_SUBJECT.match(subject) or _SQUASH_SUBJECT.search(subject.rstrip())
    return int(found.group(1)) if found else None


def merged_pull_requests(settings: Settings) -> dict[str, int]:
    """Decision file (as problems name it) → the pull request whose merge added it.

    Read from the main line of history (first parents: a merge counts as adding what its
    branch added). Empty when there is no git, no repository or only a shallow clone,
    whose one commit seems to add everything."""
    try:
        top, records = repository_paths(settings)
        if run_git(top, "rev-parse", "--is-shallow-repository").strip() == b"true":
            return {}
        folder = "ideas" if records == "." else f"{records}/ideas"
        out = run_git(
            top, "log", "--first-parent", "-m", "--diff-filter=A", "--name-only",
            "--no-renames", f"--format={_RECORD_START}%s", "HEAD", "--", folder,
        )  # fmt: skip
    except GitError:
        return {}
    prefix = "" if records == "." else f"{records}/"
    found: dict[str, int] = {}
    for entry in out.decode("utf-8", "replace").split(_RECORD_START)[1:]:
        subject, _, names = entry.partition("\n")
        number = pull_request_of_subject(subject)
        for path in names.split("\n"):
            rel = path.removeprefix(prefix)
            if number and "/decisions/" in rel and path.startswith(prefix):
                found.setdefault(settings.display_path(rel), number)  # the latest addition
    return found
