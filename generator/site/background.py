"""Site stage, the preview's background work: one job at a time, stopped by the next save.

A job is a function of its `Job`: it calls `job.checkpoint()` between pieces of work (and
MkDocs calls it before every page), which raises `Cancelled` once the job was cancelled.
`ThreadRunner` runs each job on a thread of its own after a quiet spell that a cancel cuts
short, so that a burst of saves never starts work that the next save would throw away.
Tests pass a runner of their own and decide when, and how far, a job runs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol


class Cancelled(Exception):  # noqa: N818 (a stop that was asked for, not an error)
    """The job was cancelled: a newer change is being handled."""


class Job:
    """One run of background work, which `cancel` stops at its next checkpoint."""

    def __init__(self) -> None:
        self.stopped = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next checkpoint."""
        self.stopped.set()

    def checkpoint(self) -> None:
        """Raise Cancelled when the job was cancelled."""
        if self.stopped.is_set():
            raise Cancelled


Work = Callable[[Job], None]


class Runner(Protocol):
    """Starts background work and hands back its job."""

    def start(self, work: Work, *, quiet: float = 0.0) -> Job: ...


def run_job(work: Work, job: Job) -> bool:
    """Run the work to its end (True) or until it is cancelled (False)."""
    try:
        job.checkpoint()
        work(job)
    except Cancelled:
        return False
    return True


class ThreadRunner:
    """Each job on a daemon thread of its own, after `quiet` seconds without a cancel."""

    def __init__(self) -> None:
        self.thread: threading.Thread | None = None

    def start(self, work: Work, *, quiet: float = 0.0) -> Job:
        job = Job()

        def run() -> None:
            if not job.stopped.wait(quiet):  # a cancel while waiting: the work never starts
                run_job(work, job)

        self.thread = threading.Thread(target=run, daemon=True, name="portfolio-preview")
        self.thread.start()
        return job

    def join(self, timeout: float | None = None) -> None:
        """Wait for the latest job's thread (the benchmark and the command's exit)."""
        if self.thread is not None:
            self.thread.join(timeout)
