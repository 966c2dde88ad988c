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
from generator.load.yaml_reader import Parsed, parse_yaml
from generator.settings import Settings


def linked_decision(settings: Settings, path: Path, url: str) -> Draft:
    """The decision at `path` with `pull_request: url`, ready to be written over it."""
    try:
        answers.link(url, secure_only=True)
    except answers.AnswerError as error:
        raise PortfolioError(error.reason) from error
    try:
        relative = PurePosixPath(
            path.resolve().relative_to(settings.records_dir.resolve()).as_posix()
        )
    except ValueError as error:
        raise PortfolioError(f"{path} ligger ikke under {settings.records_dir}.") from error
    parts = relative.parts
    if len(parts) != 4 or parts[0] != "ideas" or parts[2] != "decisions":
        raise PortfolioError(f"{path} er ikke en beslutning (records/ideas/<id>/decisions/).")
    parsed = parse_yaml(path.read_bytes(), str(path), with_lines=False)
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
