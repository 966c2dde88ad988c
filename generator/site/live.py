"""`portfolio serve`: a live preview that shows a saved record on its page in about a second.

The preview keeps a rendered site source (as `portfolio render` writes it) and MkDocs'
build of it. When only files under `records/ideas/<id>/` changed, it reads just those ideas
again (the loader's reader, the validator's parser, schemas and model), renders their pages
and their themes' pages, writes those that changed into the source and lets MkDocs rebuild
the changed pages alone (its public `dirty` build); browsers reload at once. A full check
then runs in the background, prints any problem and brings the rest up to date (the lists
of every idea, the data files, the search index). Any other change gets a full check,
render and build.
"""

from __future__ import annotations

import os
import shutil
import threading
from dataclasses import replace
from pathlib import Path

import click

from generator.assemble import assemble
from generator.errors import PortfolioError
from generator.load import RawRecord, classify, read_record
from generator.model import Idea, Portfolio
from generator.pipeline import Checked, check_portfolio
from generator.problems import format_text
from generator.render import SiteContent
from generator.render.markup import idea_page
from generator.render.pages import PageRenderer
from generator.schema import Schemas, load_schemas
from generator.settings import Settings
from generator.site.build import build_source, site_approvals, site_content
from generator.site.search import index_search, with_search_data
from generator.site.source import (
    DOCS_DIR,
    custom_dir_of,
    site_source,
    update_source,
    write_source,
)
from generator.site_config import CONFIG_NAME, SiteOptions, read_site_config
from generator.site.templates import TemplateCache
from generator.vocabulary import is_slug
from generator.load.yaml_reader import Parsed

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


def page_output(site_dir: Path, path: str) -> Path:
    """Where a page or file of the source lands in the built site (directory URLs)."""
    if not path.endswith(".md"):
        return site_dir / path
    stem = path.removesuffix(".md")
    return site_dir / (stem.removesuffix("index").rstrip("/") if stem.endswith("index") else stem)


def needs_full_build(changed: list[str]) -> bool:
    """Only pages under docs/ may change page by page, and only idea pages come and go."""
    return any(not path.startswith(f"{DOCS_DIR}/") for path in changed)


class LiveSite:
    """The state of a `portfolio serve` session: its source, its site, what they came from."""

    def __init__(self, settings: Settings, config_file: Path, work_dir: Path) -> None:
        self.settings, self.config_file = settings, config_file
        self.source_dir, self.site_dir = work_dir / "kilde", work_dir / "site"
        self.lock = threading.Lock()  # one change at a time
        options = SiteOptions.of(read_site_config(config_file))
        approvals = site_approvals(options, settings)
        # used under the lock only
        self.renderer = PageRenderer(
            settings.today, approvals, options.submit, options.publisher.name
        )
        self.templates = TemplateCache()  # the theme, compiled once for every build
        self.generation = 0
        self.records: Snapshot = {}
        self.inputs: Snapshot = {}
        self.content = SiteContent()
        self.checked: Checked | None = None
        self.schemas: Schemas | None = None
        self.settling: threading.Thread | None = None  # the background check, if any

    def _inputs(self) -> Snapshot:
        """Everything but the records whose change needs a full build."""
        root = self.config_file.resolve().parent
        state = {f"schemas/{p}": v for p, v in snapshot(self.settings.schemas_dir).items()}
        folders = [DOCS_DIR, *filter(None, [custom_dir_of(read_site_config(self.config_file))])]
        for folder in folders:
            state.update({f"{folder}/{p}": v for p, v in snapshot(root / folder).items()})
        stat = self.config_file.stat()
        state[CONFIG_NAME] = (stat.st_mtime_ns, stat.st_size)
        return state

    def _options(self) -> SiteOptions:
        return SiteOptions.of(read_site_config(self.config_file))

    def full_build(self) -> None:
        """Check everything and build the whole site (even with problems: it is a preview)."""
        self.records = snapshot(self.settings.records_dir)
        self.inputs = self._inputs()
        checked = check_portfolio(self.settings)
        report(checked, self.checked)
        self._publish(checked, full=True)
        self.schemas = load_schemas(self.settings.schemas_dir)
        index_quietly(self.site_dir, self.config_file.parent)

    def _publish(self, checked: Checked, *, full: bool) -> None:
        """Render everything, write what changed into the source and build it."""
        options = self._options()
        self.renderer.submit = options.submit  # mkdocs.yml may have changed
        content = site_content(checked, self.settings, options, self.renderer)
        files = site_source(self.config_file, checked.portfolio, content)
        changed = write_source(self.source_dir, files)
        full = full or needs_full_build(changed) or self._pages_come_and_go(self.content, content)
        self._build(changed, full=full)
        self.content, self.checked = content, checked

    @staticmethod
    def _pages_come_and_go(old: SiteContent, new: SiteContent) -> bool:
        gone_or_new = old.pages.keys() ^ new.pages.keys()
        return any(not path.startswith("ideer/") for path in gone_or_new)

    def _build(self, changed: list[str], *, full: bool) -> None:
        """MkDocs' build of the source: whole, or the changed pages alone."""
        build_source(self.source_dir, self.site_dir, strict=False, dirty=not full, live=self.templates)
        for path in changed:
            rel = path.removeprefix(f"{DOCS_DIR}/")
            if not (self.source_dir / path).exists():  # a page or file that is gone
                output = page_output(self.site_dir, rel)
                if output.is_dir():
                    shutil.rmtree(output)
                output.unlink(missing_ok=True)

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
        pages = self._render_affected(portfolio, new, ideas)
        changes: dict[str, bytes | None] = {
            f"{DOCS_DIR}/{path}": markdown.encode("utf-8")
            for path, markdown in pages.items()
            if self.content.pages.get(path) != markdown
        }
        gone = [idea_page(i) for i in ideas if i not in new.ideas or idea_page(i) not in pages]
        changes.update({f"{DOCS_DIR}/{path}": None for path in gone})
        self._build(update_source(self.source_dir, changes), full=False)
        remaining = {p: md for p, md in self.content.pages.items() if p not in gone}
        self.content = replace(self.content, pages={**remaining, **pages})
        self.checked = replace(self.checked, portfolio=new)
        return True

    def _render_affected(self, old: Portfolio, new: Portfolio, ideas: set[str]) -> dict[str, str]:
        """The pages of the changed ideas and of their themes, from the updated portfolio.

        The site-wide lists (front page, ladder, theme overview) hold every idea: turning
        them into HTML takes longer than the rest together, so the background check that
        follows brings them up to date.
        """
        common = self.renderer.common(new)
        themes = {p.ideas[i].theme for p in (old, new) for i in ideas if i in p.ideas}
        rendered = self.renderer.render_some(common, set(), themes, ideas)
        return with_search_data(SiteContent(rendered), new).pages

    def _settle(self, generation: int) -> None:
        """The full check after a quick update: report problems, bring the rest up to date."""
        checked = check_portfolio(self.settings)
        with self.lock:
            if generation != self.generation:
                return  # a newer change is being handled
            report(checked, self.checked)
            self._publish(checked, full=False)
        index_quietly(self.site_dir, self.config_file.parent)  # outside the lock: a save meanwhile is shown at once


def index_quietly(site_dir: Path, root: Path) -> None:
    """The preview's search index; without Pagefind the preview goes on without search."""
    try:
        index_search(site_dir, root)
    except PortfolioError as error:
        click.echo(error.message, err=True)


def report(checked: Checked, before: Checked | None = None) -> None:
    """Problems on standard error, in Danish, when they differ from the last report."""
    if before is None or before.problems != checked.problems:
        click.echo(format_text(checked.problems), err=True, nl=False)


def serve_live(live: LiveSite, host: str, port: int) -> None:
    """Serve the built site with live reload until interrupted (MkDocs' own server)."""
    from mkdocs.livereload import LiveReloadServer  # noqa: PLC0415 (only the preview needs it)

    server = LiveReloadServer(
        builder=live.rebuild, host=host, port=port, root=str(live.site_dir), polling_interval=0.25
    )
    server.error_handler = lambda code: _error_page(live.site_dir, code)
    root = live.config_file.resolve().parent
    custom = custom_dir_of(read_site_config(live.config_file))
    watched = [live.settings.records_dir, live.settings.schemas_dir, root / DOCS_DIR]
    for path in [*watched, *([root / custom] if custom else [])]:
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


def _error_page(site_dir: Path, code: int) -> bytes | None:
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
