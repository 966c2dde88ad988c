"""Every `--from-issue` command looks at the file before it reads it: only a regular file of
at most 256 KiB, so a device, a pipe nobody writes to or a folder is refused at once."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from generator.authoring.issue_body import MAX_ISSUE_FILE_BYTES, read_issue_file
from generator.errors import PortfolioError
from tests.authoring.conftest import Tree
from tests.authoring.sample import TODAY

COMMANDS = [["idea"], ["decision"], ["result"], ["theme"]]


def bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    fifo = tmp_path / "issue.fifo"
    os.mkfifo(fifo)  # nobody writes to it: reading it would wait forever
    big = tmp_path / "big.md"
    big.write_bytes(b"### Ide\n\n" + b"x" * (300 * 1024))  # 300 KiB > 256 KiB
    folder = tmp_path / "folder"
    folder.mkdir()
    not_utf8 = tmp_path / "latin1.md"
    not_utf8.write_bytes("### Idé\n\nBlåbær".encode("latin-1"))
    return {
        "fifo": (fifo, "er ikke en almindelig fil"),
        "dev-zero": (Path("/dev/zero"), "er ikke en almindelig fil"),
        "300 KiB": (big, "er større end 256 KiB"),
        "folder": (folder, "er ikke en almindelig fil"),
        "latin-1": (not_utf8, "er ikke gyldig UTF-8"),
    }


@pytest.mark.parametrize("case", ["fifo", "dev-zero", "300 KiB", "folder", "latin-1"])
def test_read_issue_file_refuses_anything_but_a_small_text_file(tmp_path: Path, case: str) -> None:
    path, message = bad_files(tmp_path)[case]
    with pytest.raises(PortfolioError, match=message):
        read_issue_file(path)


def test_a_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "full.md"
    path.write_bytes(b"a" * MAX_ISSUE_FILE_BYTES)
    assert len(read_issue_file(path)) == MAX_ISSUE_FILE_BYTES


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("case", ["fifo", "dev-zero", "300 KiB", "folder"])
def test_every_from_issue_command_refuses_in_danish_and_writes_nothing(
    tree: Callable[..., Tree],
    portfolio_cli: Callable[..., Result],
    tmp_path: Path,
    command: list[str],
    case: str,
) -> None:
    t = tree()
    before = t.files()
    path, message = bad_files(tmp_path)[case]
    args = ["new", *command, "--records", t.records, "--today", TODAY, "--from-issue", path]
    result = portfolio_cli(*args)
    assert result.exit_code in (1, 2), result.output  # 2: click refuses a folder itself
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert result.stderr.startswith("Fejl: ") and message in result.stderr
    else:
        assert "er en mappe" in result.stderr
    assert t.files() == before
