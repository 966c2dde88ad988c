"""Site stage, the second core: work that needs none of the pages runs in a forked child.

`portfolio build` renders the pages in its own process while a child forked from it makes
the files beside them (the open data, the spreadsheet, the figures, the feeds): the child
inherits the checked portfolio as it is in memory, so nothing is copied to it, and sends
back only bytes. Where a process cannot be forked, or threads run that a fork would leave
stranded (the preview, a test's server), the work simply runs in the process itself.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

from generator.errors import PortfolioError

T = TypeVar("T")


class Later(Generic[T]):
    """A value being made in a forked child (or made already); `result` waits for it."""

    def __init__(self, make: Callable[[], T]) -> None:
        self.value: T | None = None
        self.made = False
        self.process: multiprocessing.process.BaseProcess | None = None
        self.receiver: Connection | None = None
        if not can_fork():
            self.value, self.made = make(), True
            return
        context = multiprocessing.get_context("fork")
        self.receiver, sender = context.Pipe(duplex=False)
        self.process = context.Process(target=_child, args=(make, sender), daemon=True)
        self.process.start()
        sender.close()

    def result(self) -> T:
        """The value; a Danish error naming the failure when the child could not make it."""
        if self.made:
            return self.value  # type: ignore[return-value]
        assert self.receiver is not None and self.process is not None
        try:
            made, value = self.receiver.recv()
        except EOFError:
            made, value = False, "arbejdsprocessen stoppede uden svar"
        finally:
            self.receiver.close()
            self.process.join()
        if not made:
            raise PortfolioError(f"Sitets datafiler kunne ikke laves: {value}")
        self.value, self.made = value, True
        return value  # type: ignore[no-any-return]


def can_fork() -> bool:
    """A fork is safe: the platform has it and no other thread runs."""
    forks = "fork" in multiprocessing.get_all_start_methods()
    return forks and threading.active_count() == 1


def _child(make: Callable[[], object], sender: Connection) -> None:
    try:
        sender.send((True, make()))
    except Exception as error:  # the parent reports it, in Danish
        sender.send((False, f"{type(error).__name__}: {error}"))
    finally:
        sender.close()
