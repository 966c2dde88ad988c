"""A new decision's `pull_request`: the address of the pull request that adds it.

The issue workflow opens the pull request first (its address is known only then) and
writes the address into the decisions it adds, in the field's own place after `rationale`.
Only a decision without a `pull_request` is changed; any other file is refused.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from generator.authoring import answers
from generator.authoring.drafts import Draft, decision_draft
from generator.errors import PortfolioError
from generator.load import read_record
from generator.load.yaml_reader import Parsed
from generator.settings import Settings


def linked_decision(settings: Settings, path: Path, url: str) -> Draft:
    """The decision at `path` with `pull_request: url`, ready to be written over it."""
    try:
        answers.link(url, secure_only=True)
    except answers.AnswerError as error:
        raise PortfolioError(error.reason) from error
    try:  # the path as named, not where a link in it leads: the reader refuses links
        folder = settings.records_dir.resolve()
        relative = PurePosixPath((path.parent.resolve() / path.name).relative_to(folder))
    except ValueError as error:
        raise PortfolioError(f"{path} ligger ikke under {settings.records_dir}.") from error
    parts = relative.parts
    if len(parts) != 4 or parts[0] != "ideas" or parts[2] != "decisions":
        raise PortfolioError(f"{path} er ikke en beslutning (records/ideas/<id>/decisions/).")
    parsed = read_record(settings.records_dir, relative.as_posix(), str(path))
    if not isinstance(parsed, Parsed):
        raise PortfolioError(f"{path} kunne ikke læses: {parsed.message}")
    data = parsed.data
    if data.get("pull_request") not in (None, url):
        raise PortfolioError(f"{path} har allerede en anden pull_request; den ændres ikke.")
    ordered = {key: value for key, value in data.items() if key != "pull_request"}
    keys = list(ordered)
    at = keys.index("rationale") + 1 if "rationale" in keys else len(keys)
    items = list(ordered.items())
    linked = dict([*items[:at], ("pull_request", url), *items[at:]])
    draft = decision_draft(parts[1], linked)
    return Draft(draft.kind, draft.relpath, draft.data, replaces=True)
