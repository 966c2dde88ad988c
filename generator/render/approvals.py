"""Render stage: the pull request whose approval made each decision ("Godkendt i pull
request #26", linked).

From the decision's own `pull_request` when it is an address of this repository's pull
requests (MkDocs' `repo_url`, read by generator/site_config.py), otherwise from the git history of the decision's file: the
number of the merge or squash commit that added it, which the git edge reads
(generator/gitrepo.py, `merged_pull_requests`). An address of any other host or repository
is never shown as a pull request: record text cannot pass one off as an approval.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.model import Decision


@dataclass(frozen=True)
class Approval:
    """The pull request that made a decision: its number, and its address when known."""

    number: int
    url: str | None


def own_pull_request(url: str | None, repository: str | None) -> int | None:
    """The number of `url` when it is the address of one of `repository`'s pull requests."""
    if not url or not repository:
        return None
    found = re.fullmatch(re.escape(repository) + r"/pull/([1-9][0-9]{0,9})/?", url.strip())
    return int(found.group(1)) if found else None


@dataclass(frozen=True)
class Approvals:
    """What the site knows of approvals: the repository and, from git, the pull request
    that added each decision file (by the file as problems name it)."""

    repository: str | None = None
    merged: Mapping[str, int] = field(default_factory=dict)

    def of(self, decision: Decision) -> Approval | None:
        """The pull request that made `decision`, if the record or the history says."""
        number = own_pull_request(decision.pull_request, self.repository)
        if number is None:
            number = self.merged.get(decision.source.file)
        if number is None:
            return None
        return Approval(number, f"{self.repository}/pull/{number}" if self.repository else None)
