"""Which pull request approved each decision: the record's own address of this repository's
pull requests, or else the merge or squash commit that added the decision's file."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.gitrepo import merged_pull_requests, pull_request_of_subject
from generator.pipeline import check_portfolio
from generator.render import read_schema_files, render_site
from generator.render.approvals import Approvals, own_pull_request
from generator.settings import Settings
from generator.site_config import repository_url
from tests.authoring.sample import SAMPLE, TODAY
from tests.gittools import git
from tests.review.conftest import NY_IDE_FIT
from tests.sample_records import card, idea_files, investment, screening, write_records, write_tree

REPOSITORY = "https://github.com/aarhus-kommune/portefoelje"
SCREENING = "ideas/ny-ide/decisions/2022-06-20-screening.yaml"
STEP_1 = idea_files(
    "til-pitch",
    None,
    [investment("2021-03-01", 1)],
    [card(1, "2021-03-01", "2021-06-30", "planned")],
)
INVESTMENT = "ideas/til-pitch/decisions/2021-03-01-investment.yaml"


@pytest.mark.parametrize(
    ("url", "number"),
    [
        (f"{REPOSITORY}/pull/16", 16),
        (f"{REPOSITORY}/pull/16/", 16),
        ("https://github.com.evil.example/pull/16", None),
        ("https://github.com.evil.example/aarhus-kommune/portefoelje/pull/16", None),
        ("https://github.com/aarhus-kommune/portefoelje-kopi/pull/16", None),
        ("https://github.com/someone/else/pull/16", None),
        (f"{REPOSITORY}/pull/16/files", None),
        (f"{REPOSITORY}/issues/16", None),
        (f"{REPOSITORY}/pull/0", None),
        ("http://github.com/aarhus-kommune/portefoelje/pull/16", None),
    ],
)
def test_only_the_repositorys_own_pull_requests_count(url: str, number: int | None) -> None:
    assert own_pull_request(url, REPOSITORY) == number


def test_without_a_repository_no_address_counts() -> None:
    assert own_pull_request(f"{REPOSITORY}/pull/16", None) is None
    assert repository_url(f"{REPOSITORY}/") == REPOSITORY
    assert repository_url(f"{REPOSITORY}.git") == REPOSITORY
    assert repository_url("javascript:alert(1)//x/y") is None
    assert repository_url("https://github.com/only-owner") is None


@pytest.mark.parametrize(
    ("subject", "number"),
    [
        ("Merge pull request #26 from aarhus-kommune/beslutning/issue-12", 26),
        ("Beslutning: Screening – Digital nabohjælp (#27)", 27),
        ("Beslutning: Screening (#27) og mere", None),
        ("Merge branch 'main' into beslutning", None),
        ("Ret en stavefejl i #26", None),
    ],
)
def test_pull_request_numbers_as_github_words_them(subject: str, number: int | None) -> None:
    assert pull_request_of_subject(subject) == number


def _commit(root: Path, message: str) -> None:
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "-m", message)


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """A repository whose main line took one decision by a squash, one by a merge."""
    root = tmp_path / "repo"
    write_records(root, SAMPLE)
    git(root, "init", "--quiet", "--initial-branch=main")
    _commit(root, "Porteføljen")
    write_tree(root / "records", NY_IDE_FIT)
    _commit(root, "Beslutning: Screening – Ide ny-ide (#26)")
    git(root, "checkout", "--quiet", "-b", "beslutning/issue-9")
    write_tree(root / "records", STEP_1)
    _commit(root, "Beslutning: Investeringstrin 1")
    git(root, "checkout", "--quiet", "main")
    git(root, "merge", "--no-ff", "--quiet", "-m",
        "Merge pull request #27 from aarhus-kommune/beslutning/issue-9", "beslutning/issue-9")  # fmt: skip
    return root


def test_the_history_names_the_pull_request_that_added_each_decision(history: Path) -> None:
    settings = Settings(records_dir=history / "records", today=TODAY)
    assert merged_pull_requests(settings) == {
        f"records/{SCREENING}": 26,  # squashed: "… (#26)"
        f"records/{INVESTMENT}": 27,  # merged: its branch's commit counts as the merge's
    }


def test_a_shallow_clone_names_none(history: Path, tmp_path: Path) -> None:
    # A clone of one commit seems to add every file in it: no number may be read from it.
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "--quiet", "--depth", "1", history.as_uri(), str(clone))
    assert merged_pull_requests(Settings(records_dir=clone / "records", today=TODAY)) == {}


def test_no_repository_names_none(tmp_path: Path) -> None:
    write_records(tmp_path, SAMPLE)
    assert merged_pull_requests(Settings(records_dir=tmp_path / "records", today=TODAY)) == {}


def test_the_idea_page_says_which_pull_request_approved_each_decision(history: Path) -> None:
    # The record's own address wins when it is the repository's; another host's never shows.
    foreign = screening("2021-02-01", pull_request="https://github.com.evil.example/pull/16")
    write_tree(history / "records", idea_files("til-pitch", None, [foreign]))
    settings = Settings(records_dir=history / "records", today=TODAY)
    checked = check_portfolio(settings)
    approvals = Approvals(REPOSITORY, merged_pull_requests(settings))
    pages = render_site(
        checked.portfolio, read_schema_files(settings.schemas_dir), today=TODAY, approvals=approvals
    ).pages
    til_pitch, ny_ide = pages["ideer/til-pitch.md"], pages["ideer/ny-ide.md"]
    link = '<a href="{url}" rel="nofollow noopener noreferrer">Godkendt i pull request #{n}</a>'
    assert link.format(url=f"{REPOSITORY}/pull/27", n=27) in til_pitch
    assert link.format(url=f"{REPOSITORY}/pull/26", n=26) in ny_ide
    assert "pull request #16" not in til_pitch and "evil.example" not in til_pitch
    # Without the repository's address, the number stands unlinked.
    plain = render_site(
        checked.portfolio,
        read_schema_files(settings.schemas_dir),
        today=TODAY,
        approvals=Approvals(None, merged_pull_requests(settings)),
    ).pages
    assert "- Godkendt i pull request #26\n" in plain["ideer/ny-ide.md"]
