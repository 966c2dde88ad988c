"""Rules stage: "Mente du …?" for a name that is not known, among any number of known ones.

A portfolio may have thousands of ids: a message never lists them, and comparing a name
with each of them (difflib) for each unknown name would grow with both. Known names are
indexed by their letter pairs; only the few that share the most pairs are compared.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable

# How many of the names sharing the most letter pairs difflib compares.
CANDIDATES = 12


def _pairs(name: str) -> set[str]:
    padded = f" {name} "
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


class Suggester:
    """The known names of one kind, ready to say which is closest to an unknown one."""

    def __init__(self, known: Iterable[str]) -> None:
        self.known = sorted(set(known))
        self._by_pair: dict[str, list[str]] = defaultdict(list)
        for name in self.known:
            for pair in _pairs(name):
                self._by_pair[pair].append(name)

    def closest(self, name: str) -> str | None:
        """The known name closest to `name`, or None when none is close."""
        shared: Counter[str] = Counter()
        for pair in _pairs(name[:200]):
            shared.update(self._by_pair.get(pair, ()))
        candidates = [known for known, _ in shared.most_common(CANDIDATES)]
        close = difflib.get_close_matches(name[:200], candidates, n=1)
        return close[0] if close else None

    def hint(self, name: str) -> str:
        """' Mente du 'x'?' when a known name is close, else ''."""
        close = self.closest(name)
        return f" Mente du '{close}'?" if close else ""
