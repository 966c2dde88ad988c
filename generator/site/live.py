"""`portfolio serve`: a live preview that updates the pages of a saved record in about a second.

A full check and build takes many seconds at a thousand ideas. When only files under
`records/ideas/<id>/` changed, the preview reads just those ideas again (the validator's
own parser, schemas and model), renders the pages that show them and rebuilds those pages
alone; browsers reload at once. The full check then runs in the background, prints any
problem and brings the data files up to date. Any other change gets a full check and build.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from generator.assemble import assemble
from generator.load import RawRecord, classify, read_record
from generator.model import Idea, Portfolio
from generator.pipeline import Checked, check_portfolio
from generator.problems import format_text
from generator.render.feed import idea_feed_path, idea_feeds
from generator.render.pages import PAGE_FRONT, PAGE_LADDER, PAGE_THEMES, PageRenderer
from generator.render.markup import idea_page
from generator.render import SiteContent, read_schema_files, render_site
from generator.vocabulary import is_slug
from generator.schema import Schemas, load_schemas
from generator.settings import Settings
from generator.site.build import (
    build_site,
    diff_content,
    load_site_config,
    needs_full_build,
    update_pages,
)
from generator.yamlstrict import Parsed

log = logging.getLogger(__name__)
Snapshot = dict[str, tuple[int, int]]


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


def load_idea(settings: Settings, schemas: Schemas, idea_id: str) -> Idea | bool | None:
    """One idea read again on its own: the Idea, None when its folder is gone, False on a problem."""
    folder = settings.records_dir / "ideas" / idea_id
    if not folder.is_dir():
        return None
    records: list[RawRecord] = []
    for path in sorted(folder.rglob("*.yaml")):
        rel = path.relative_to(settings.records_dir).as_posix()
        ref = classify(rel, settings.display_path(rel))
        parsed = read_record(settings.records_dir, rel, ref.file) if ref else None
        if ref is None or not isinstance(parsed, Parsed):
            return False
        record = RawRecord(ref, parsed.data, parsed.lines, parsed.has_float)
        if schemas.check(record):
            return False
        records.append(record)
    return assemble(records).ideas.get(idea_id, False)


class LiveSite:
    """The state of a `portfolio serve` session: the last build and what it was made from."""

    def __init__(self, settings: Settings, config_file: Path, site_dir: Path) -> None:
        self.settings, self.config_file, self.site_dir = settings, config_file, site_dir
        self.lock = threading.Lock()  # one change at a time
        self.settle_lock = threading.Lock()  # one background check at a time
        self.settle_renderer = PageRenderer(settings.today)  # the background check's own (not thread-safe)
        self.generation = 0
        self.records: Snapshot = {}
        self.inputs: Snapshot = {}
        self.plugin: Any = None
        self.checked: Checked | None = None
        self.schemas: Schemas | None = None
        self.settling: threading.Thread | None = None  # the background check, if any

    def _inputs(self) -> Snapshot:
        """Everything but the records whose change needs a full build."""
        root = self.config_file.resolve().parent
        state = {f"schemas/{p}": v for p, v in snapshot(self.settings.schemas_dir).items()}
        state.update({f"docs/{p}": v for p, v in snapshot(root / "docs").items()})
        stat = self.config_file.stat()
        state["mkdocs.yml"] = (stat.st_mtime_ns, stat.st_size)
        return state

    def full_build(self) -> None:
        """Check everything and build the whole site (even with problems: it is a preview)."""
        self.records = snapshot(self.settings.records_dir)
        self.inputs = self._inputs()
        checked = check_portfolio(self.settings)
        report(checked, self.checked)
        config = load_site_config(self.config_file, self.site_dir)
        config.extra["live_reload"] = True  # the page policy then lets MkDocs' reload script run
        self.plugin = build_site(checked, self.settings, config, lenient=True)
        self.checked = checked
        self.schemas = load_schemas(self.settings.schemas_dir)

    def rebuild(self) -> None:
        """Called by the server when a watched file changed."""
        with self.lock:
            self.generation += 1
            records = snapshot(self.settings.records_dir)
            ideas = touched_ideas(self.records, records)
            if ideas is not None and self._inputs() == self.inputs and self._fast(ideas):
                self.records = records
                self.settling = threading.Thread(
                    target=self._settle, args=(self.generation,), daemon=True
                )
                self.settling.start()
                return
            self.full_build()

    def _fast(self, ideas: set[str]) -> bool:
        """Update the pages of these ideas alone; False when a full build is needed."""
        assert self.checked is not None and self.schemas is not None
        portfolio = self.checked.portfolio
        updated = dict(portfolio.ideas)
        for idea_id in ideas:
            idea = load_idea(self.settings, self.schemas, idea_id)
            if idea is False:
                return False  # the full check will say what is wrong
            if isinstance(idea, Idea):
                updated[idea_id] = idea
            else:
                updated.pop(idea_id, None)
        new = replace(portfolio, ideas=dict(sorted(updated.items())))
        content = self._render_affected(portfolio, new, ideas)
        changes = diff_content(self.plugin.content, content)
        if needs_full_build(changes):
            return False
        update_pages(self.plugin, content, changes)
        self.checked = replace(self.checked, portfolio=new)
        return True

    def _render_affected(self, old: Portfolio, new: Portfolio, ideas: set[str]) -> SiteContent:
        """The pages the changed ideas appear on, over the pages of the last build."""
        renderer = self.plugin.renderer
        common = renderer.common(new)
        pages = {PAGE_FRONT, PAGE_LADDER, PAGE_THEMES}
        themes = {p.ideas[i].theme for p in (old, new) for i in ideas if i in p.ideas}
        rendered = dict(self.plugin.content.pages)
        for idea_id in ideas:
            rendered.pop(idea_page(idea_id), None)
        rendered.update(renderer.render_some(common, pages, themes, ideas))
        files = dict(self.plugin.content.files)
        for idea_id in ideas:
            files.pop(idea_feed_path(idea_id), None)
        files.update(idea_feeds(new, ideas, self.plugin.state["config"].site_url))
        return SiteContent(rendered, files)

    def _settle(self, generation: int) -> None:
        """The full check after a quick update: report problems, refresh the data files."""
        with self.settle_lock:
            if generation != self.generation:
                return
            checked = check_portfolio(self.settings)
            schemas = read_schema_files(self.settings.schemas_dir)
            site_url = self.plugin.state["config"].site_url
            content = render_site(
                checked.portfolio, schemas, site_url, self.settle_renderer, licence=self.plugin.licence
            )
        with self.lock:
            if generation != self.generation:
                return  # a newer change is being handled
            report(checked, self.checked)
            changes = diff_content(self.plugin.content, content)
            if needs_full_build(changes):
                self.full_build()
                return
            update_pages(self.plugin, content, changes)
            self.checked = checked


def report(checked: Checked, before: Checked | None = None) -> None:
    """Problems on standard error, in Danish, when they differ from the last report."""
    if before is None or before.problems != checked.problems:
        click.echo(format_text(checked.problems), err=True, nl=False)


def serve_live(live: LiveSite, host: str, port: int) -> None:
    """Serve the built site with live reload until interrupted."""
    from mkdocs.livereload import LiveReloadServer  # noqa: PLC0415 (only the preview needs it)

    server = LiveReloadServer(builder=live.rebuild, host=host, port=port, root=str(live.site_dir))
    server.observer = _observer(server.observer)
    server.error_handler = lambda code: _error_page(live.site_dir, code)
    root = live.config_file.resolve().parent
    for path in (live.settings.records_dir, live.settings.schemas_dir, root / "docs"):
        if path.is_dir():
            server.watch(str(path))
    server.watch(str(live.config_file))
    click.echo(f"Sitet vises på http://{host}:{port}/ (stop med Ctrl+C).", err=True)
    try:
        server.serve()  # type: ignore[no-untyped-call]
    except KeyboardInterrupt:
        click.echo("Stopper.", err=True)
    finally:
        server.shutdown()


# Writes only: reading the records (as the check does) must not look like a change.
_WRITE_EVENTS = (
    "FileCreatedEvent",
    "FileModifiedEvent",
    "FileDeletedEvent",
    "FileMovedEvent",
    "DirCreatedEvent",
    "DirDeletedEvent",
    "DirMovedEvent",
)


def _observer(polling: Any) -> Any:
    """Kernel file events (inotify) where there are any: polling a large tree is slow."""
    try:
        from watchdog import events  # noqa: PLC0415
        from watchdog.observers import Observer  # noqa: PLC0415
    except ImportError:
        return polling
    kinds = [getattr(events, name) for name in _WRITE_EVENTS]

    class WriteObserver(Observer):  # type: ignore[valid-type,misc]
        def schedule(self, handler: Any, path: str, **options: Any) -> Any:
            return super().schedule(handler, path, event_filter=kinds, **options)

    return WriteObserver()


def _error_page(site_dir: Path, code: int) -> bytes | None:
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
