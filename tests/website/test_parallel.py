"""The files beside the pages are made on a second core, and come out the same."""

from __future__ import annotations

import os
import threading

import pytest

from generator.errors import PortfolioError
from generator.pipeline import Checked
from generator.settings import Settings
from generator.site.build import rendered_content, site_content
from generator.site.parallel import Later
from generator.site_config import SiteOptions


def _fork_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test runner's own threads would keep the work at home; they do not touch it."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)


def test_the_work_runs_in_a_child_and_its_value_comes_back(monkeypatch: pytest.MonkeyPatch) -> None:
    _fork_allowed(monkeypatch)
    later = Later(os.getpid)
    assert later.process is not None
    assert later.result() != os.getpid()  # made in the forked child
    assert later.result() == later.result()


def test_a_failure_in_the_child_is_a_danish_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _fork_allowed(monkeypatch)

    def broken() -> int:
        raise ValueError("ingen data")

    with pytest.raises(PortfolioError, match="Sitets datafiler kunne ikke laves: ValueError"):
        Later(broken).result()


def test_with_other_threads_running_the_work_stays_in_the_process() -> None:
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        later = Later(os.getpid)  # a fork would strand the waiting thread
        assert later.process is None and later.result() == os.getpid()
    finally:
        release.set()
        waiting.join()


def test_the_content_made_on_two_cores_is_the_content_made_on_one(
    sample: tuple[Checked, Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fork_allowed(monkeypatch)
    checked, settings = sample
    options = SiteOptions(site_url="https://innovation.example.dk/")
    assert rendered_content(checked, settings, options) == site_content(checked, settings, options)
