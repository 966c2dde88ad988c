"""The preview under a test's control: the sample's live site, its pages and records, and
background work whose jobs run when, and as far as, the test says."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.settings import Settings
from generator.site.background import Job, Work, run_job
from generator.site.live import LiveSite
from tests.conftest import REPO
from tests.sample_records import write_records
from tests.website.sample import SAMPLE, TODAY


class PausingJob(Job):
    """A job that, at its n-th checkpoint (at every one for 0), calls a hook before going on."""

    def __init__(self, pause_at: int | None, hook: Callable[[], None]) -> None:
        super().__init__()
        self.pause_at, self.hook, self.seen = pause_at, hook, 0

    def checkpoint(self) -> None:
        self.seen += 1
        if self.pause_at in (self.seen, 0):
            self.hook()
        super().checkpoint()


@dataclass
class Started:
    """A job handed to the runner, and how it ended (None: not run yet)."""

    work: Work
    job: Job
    finished: bool | None = None


@dataclass
class StepRunner:
    """Keeps every job it is given until the test runs it (in the test's own thread)."""

    started: list[Started] = field(default_factory=list)
    pause_at: int | None = None  # the next job calls `hook` at this checkpoint
    hook: Callable[[], None] = lambda: None

    def start(self, work: Work, *, quiet: float = 0.0) -> Job:
        job = PausingJob(self.pause_at, self.hook)
        self.pause_at = None
        self.started.append(Started(work, job))
        return job

    def run(self, started: Started) -> bool:
        started.finished = run_job(started.work, started.job)
        return started.finished

    def run_all(self) -> None:
        """Run the jobs not run yet, oldest first (a cancelled one stops at once)."""
        for started in self.started:
            if started.finished is None:
                self.run(started)


def in_thread(call: Callable[[], object]) -> threading.Thread:
    """Start a call on a thread of its own (a save arriving while a job holds the lock)."""
    thread = threading.Thread(target=call, daemon=True)
    thread.start()
    return thread


def live_site(
    root: Path, runner: StepRunner, told: list[str] | None = None, config: Path | None = None
) -> LiveSite:
    """The preview of the sample records under root, not built yet; what it tells the author
    is kept in `told` (dropped without it)."""
    settings = Settings(records_dir=write_records(root, SAMPLE), today=TODAY)
    tell = told.append if told is not None else (lambda _message: None)
    mkdocs = config or REPO / "mkdocs.yml"
    return LiveSite(settings, mkdocs, root / "s", runner=runner, tell=tell)


def read_page(live: LiveSite, url: str) -> str:
    """The HTML the preview serves at a directory address."""
    return (live.site_dir / url / "index.html").read_text("utf-8")


def edit_record(records: Path, rel: str, **fields: object) -> None:
    """Save a record with some fields set, as an author's editor would."""
    path = records / rel
    data = yaml.safe_load(path.read_text("utf-8"))
    data.update(fields)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def settle(live: LiveSite) -> None:
    """Run the background work the saves left, as the preview does once they pause."""
    assert isinstance(live.runner, StepRunner)
    live.runner.run_all()
