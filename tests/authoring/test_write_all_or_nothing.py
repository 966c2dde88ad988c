"""A command that writes records writes all of them or none: a write error part-way (a full
disk, a file-size limit) leaves no cut file behind to block a retry.

The commands run in a child process with a real file-size limit (RLIMIT_FSIZE): a write
past it fails with EFBIG, as a full disk fails with ENOSPC.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import pytest

from generator.authoring.drafts import Draft, write_checked
from generator.errors import PortfolioError
from generator.kinds import RecordKind
from generator.settings import Settings
from tests.authoring.conftest import Tree
from tests.authoring.sample import TODAY

Build = Callable[..., Tree]
PORTFOLIO = Path(sys.executable).parent / "portfolio"
IDEA = [
    "--title", "Cykler til alle", "--theme", "klima", "--summary", "Cykler. " * 40,
    "--problem", "P.", "--target-group", "M.", "--benefit-potential", "G.",
    "--department", "teknik-og-miljoe", "--department", "boern-og-unge",
    "--owner-department", "teknik-og-miljoe",
]  # fmt: skip
INVESTMENT = [
    "til-pitch", "--kind", "investment", "--rationale", "Pitchen overbeviste.",
    "--question", "Vil borgerne bruge det? " * 10,
    "--hypothesis", "Halvdelen bruger det hver uge.", "--method", "Forsøg i to bydele.",
    "--success-criterion", "50 procent bruger det hver uge.", "--end", "2022-12-31",
]  # fmt: skip


def run_limited(limit: int, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """`portfolio` with every file it writes limited to `limit` bytes."""

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [str(PORTFOLIO), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=limit_file_size,
        check=False,
    )


def test_a_new_idea_cut_by_a_size_limit_leaves_nothing_and_a_retry_works(tree: Build) -> None:
    t = tree()
    before = t.files()
    base: tuple[str | Path, ...] = (
        "new", "idea", "--records", t.records, "--today", TODAY, "--no-input", *IDEA
    )  # fmt: skip
    # The card is about 700 bytes (a 320-character summary alone): 200 bytes cut it.
    cut = run_limited(200, *base)
    assert cut.returncode == 1, cut.stdout + cut.stderr
    assert "Kunne ikke skrive records/ideas/cykler-til-alle/idea.yaml" in cut.stderr
    assert "Intet er skrevet" in cut.stderr
    assert "Traceback" not in cut.stderr
    assert t.files() == before
    assert not (t.records / "ideas" / "cykler-til-alle").exists()  # not even the folder
    retry = run_limited(1_000_000, *base)
    assert retry.returncode == 0, retry.stderr
    assert "Cykler. Cykler." in t.read("ideas/cykler-til-alle/idea.yaml")


def test_a_decision_and_its_test_card_land_together_or_not_at_all(tree: Build) -> None:
    t = tree()
    before = t.files()
    base: tuple[str | Path, ...] = (
        "new", "decision", "--records", t.records, "--today", TODAY, "--no-input"
    )  # fmt: skip
    # The decision is about 200 bytes, the test card over 400 (its question alone is 240):
    # at 300 bytes the decision fits and the card does not.
    cut = run_limited(300, *base, *INVESTMENT)
    assert cut.returncode == 1, cut.stdout + cut.stderr
    assert "Intet er skrevet" in cut.stderr
    assert t.files() == before
    assert not (t.records / "ideas/til-pitch/tests").exists()
    assert not list(t.records.rglob(".*"))  # no temporary file left either
    retry = run_limited(1_000_000, *base, *INVESTMENT)
    assert retry.returncode == 0, retry.stderr
    assert t.files() == before | {
        "ideas/til-pitch/decisions/2022-06-30-investment.yaml",
        "ideas/til-pitch/tests/step-1.yaml",
    }


def test_an_existing_file_is_never_replaced(tree: Build) -> None:
    t = tree()
    settings = Settings(records_dir=t.records, today=TODAY)
    taken = t.records / "ideas/afvist/idea.yaml"
    original = taken.read_text(encoding="utf-8")
    new = Draft(RecordKind.IDEA, PurePosixPath("ideas/ny/idea.yaml"), {"title": "A"})
    clash = Draft(RecordKind.IDEA, PurePosixPath("ideas/afvist/idea.yaml"), {"title": "B"})
    with pytest.raises(PortfolioError, match=r"records/ideas/afvist/idea\.yaml findes allerede"):
        write_checked(settings, [new, clash])
    assert taken.read_text(encoding="utf-8") == original
    assert not (t.records / "ideas/ny").exists()  # the one placed first is taken back
