"""Rules stage: "Mente du …?" for a name that is not known, among any number of known ones.

A portfolio may have thousands of ids: a message never lists them, and comparing a name
with every one of them (difflib) for every unknown name would grow with both. A typo
mostly keeps either the start or the end of a name, so the candidates are the known
names that sort next to it, and next to it read backwards; a short list is compared whole.
"""

from __future__ import annotations

import difflib
from bisect import bisect_left
from collections.abc import Iterable

# Known names on either side of a name, in each of the two orders, that difflib compares.
NEIGHBOURS = 8
# Up to this many known names, every one is compared.
COMPARE_ALL = 100
# Names are compared on their first characters only: ids have at most 80.
LONGEST = 120


def _neighbours(ordered: list[str], key: str) -> list[str]:
    at = bisect_left(ordered, key)
    return ordered[max(0, at - NEIGHBOURS) : at + NEIGHBOURS]


class Suggester:
    """The known names of one kind, ready to say which is closest to an unknown one."""

    def __init__(self, known: Iterable[str]) -> None:
        self.known = sorted(set(known))
        self._backwards = sorted(name[::-1] for name in self.known)

    def closest(self, name: str) -> str | None:
        """The known name closest to `name`, or None when none is close."""
        name = name[:LONGEST]
        if len(self.known) <= COMPARE_ALL:
            candidates = self.known
        else:
            backwards = _neighbours(self._backwards, name[::-1])
            candidates = [*_neighbours(self.known, name), *(n[::-1] for n in backwards)]
        close = difflib.get_close_matches(name, candidates, n=1)
        return close[0] if close else None

    def hint(self, name: str) -> str:
        """' Mente du 'x'?' when a known name is close, else ''."""
        close = self.closest(name)
        return f" Mente du '{close}'?" if close else ""
