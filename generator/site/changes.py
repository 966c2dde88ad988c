"""Site stage, the preview's changes: which records and source files changed since the last build.

`portfolio serve` compares snapshots of the records (modification time and size of every
file) to find the ideas a save touched and whether anything else changed, and maps the pages of
the rendered source to the addresses where MkDocs writes them.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.settings import Settings
from generator.site.source import DOCS_DIR, custom_dir_of
from generator.site_config import CONFIG_NAME, read_site_config
from generator.vocabulary import is_slug

Snapshot = dict[str, tuple[int, int]]


def input_snapshot(settings: Settings, config_file: Path) -> Snapshot:
    """Everything but the records whose change needs a full build: the schemas, the
    hand-written pages, the theme's overrides and the site's configuration."""
    root = config_file.resolve().parent
    state = {f"schemas/{p}": v for p, v in snapshot(settings.schemas_dir).items()}
    folders = [DOCS_DIR, *filter(None, [custom_dir_of(read_site_config(config_file))])]
    for folder in folders:
        state.update({f"{folder}/{p}": v for p, v in snapshot(root / folder).items()})
    stat = config_file.stat()
    state[CONFIG_NAME] = (stat.st_mtime_ns, stat.st_size)
    return state


def snapshot(folder: Path) -> Snapshot:
    """Every file under a folder with its modification time and size."""
    found: Snapshot = {}
    pending = [""] if folder.is_dir() else []
    while pending:
        rel_dir = pending.pop()
        with os.scandir(folder / rel_dir) as entries:
            for entry in entries:
                rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
                if entry.is_dir(follow_symlinks=False):
                    pending.append(rel)
                else:
                    stat = entry.stat(follow_symlinks=False)
                    found[rel] = (stat.st_mtime_ns, stat.st_size)
    return found


def touched_ideas(old: Snapshot, new: Snapshot) -> set[str] | None:
    """The ids of the ideas whose folders changed, or None when anything else changed."""
    changed = {p for p in old.keys() | new.keys() if old.get(p) != new.get(p)}
    ideas: set[str] = set()
    for rel in changed:
        parts = rel.split("/")
        if len(parts) < 3 or parts[0] != "ideas" or not is_slug(parts[1]):
            return None
        ideas.add(parts[1])
    return ideas


def page_output(site_dir: Path, path: str) -> Path:
    """Where a page or file of the source lands in the built site (directory URLs)."""
    if not path.endswith(".md"):
        return site_dir / path
    stem = path.removesuffix(".md")
    return site_dir / (stem.removesuffix("index").rstrip("/") if stem.endswith("index") else stem)


def needs_full_build(changed: list[str]) -> bool:
    """Only pages under docs/ may change page by page, and only idea pages come and go."""
    return any(not path.startswith(f"{DOCS_DIR}/") for path in changed)


def page_url(path: str) -> str:
    """The address of a page of the source under the site's root: "temaer/klima/", "" for the front."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else f"{stem}/"


def touch_pages(docs_dir: Path) -> None:
    """Make every page newer than its built HTML, so that the next dirty build makes them all."""
    for path in docs_dir.rglob("*.md"):
        os.utime(path)
