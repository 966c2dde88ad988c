"""Authoring stage, going live: remove the fictional example ideas, all of them at once.

Removing is all or nothing: every example folder is first moved aside within the records
folder; only when all have moved are they deleted, and on any error the moved ones go back.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from generator.errors import PortfolioError

IDEAS_DIR = "ideas"


def remove_examples(records_dir: Path, idea_ids: list[str]) -> None:
    """Delete the folders of these ideas, all of them or, on any error, none."""
    ideas = records_dir / IDEAS_DIR
    moved: list[tuple[Path, Path]] = []
    try:
        aside = Path(tempfile.mkdtemp(prefix=".eksempler-", dir=records_dir))
    except OSError as error:
        raise PortfolioError(f"Kan ikke fjerne eksemplerne: {error.strerror}.") from error
    try:
        for idea_id in idea_ids:
            folder = ideas / idea_id
            target = aside / idea_id
            folder.rename(target)
            moved.append((folder, target))
    except OSError as error:
        for folder, target in reversed(moved):
            target.rename(folder)
        aside.rmdir()
        raise PortfolioError(
            f"Kan ikke fjerne eksemplerne: {error.strerror}. Intet er fjernet."
        ) from error
    shutil.rmtree(aside, ignore_errors=True)
