"""Review: what a change since a git revision does to the portfolio, for its reviewers.

Library first: `review_change` builds the portfolio at the revision and in the working
tree and returns a `Review` (plain data, in compare.py); render.py writes it in Danish as
Markdown or plain text; cli.py is the thin `portfolio review` command.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from generator.gitrepo import records_at
from generator.pipeline import check_portfolio
from generator.problems import warnings_only_in
from generator.review.compare import Review, build_review
from generator.review.gitbase import changed_files, export_base
from generator.review.render import COMMENT_MARKER, render_markdown, render_text
from generator.settings import Settings

__all__ = [
    "COMMENT_MARKER",
    "Review",
    "render_markdown",
    "render_text",
    "review_change",
    "touched_files",
]


def touched_files(settings: Settings, base: str) -> set[str]:
    """The records files (as messages name them) that differ from the revision `base`."""
    changed = changed_files(settings, records_at(settings, base))
    return {settings.display_path(rel) for rel in changed}


def review_change(settings: Settings, base: str, site_url: str | None = None) -> Review:
    """The Review of the working tree's records against the revision `base`."""
    tree = records_at(settings, base)
    with tempfile.TemporaryDirectory(prefix="portfolio-review-") as folder:
        records_dir = export_base(tree, Path(folder), settings.schemas_dir)
        before = check_portfolio(Settings(records_dir=records_dir, today=settings.today))
    after = check_portfolio(replace(settings, base=base))
    changed = changed_files(settings, tree)
    touched = {settings.display_path(rel) for rel in changed}
    return build_review(
        base,
        before.portfolio,
        after.portfolio,
        changed,
        warnings_only_in(after.problems, touched),
        failed=after.failed,
        site_url=site_url,
    )
