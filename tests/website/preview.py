"""The preview's background work under a test's control: jobs run when, and as far as, it says."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.site.background import Job, Work, run_job


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
