"""`portfolio serve`: a live preview that shows a saved record on its page in about a second.

The preview keeps a rendered site source (as `portfolio render` writes it) and MkDocs'
build of it. It starts by building the page asked for first (the front page when nobody
has asked yet), then the rest behind it, taking any page asked for meanwhile first.

When only files under `records/ideas/<id>/` changed, it reads just those ideas again (the
loader's reader, the validator's parser, schemas and model), renders their pages and their
themes' pages, writes those that changed into the source and lets MkDocs build those pages
alone; browsers reload at once. The rest (a full check that prints any problem, the lists
of every idea, the data files, the search index) follows in the background once the saves
pause, and the next save stops it between two pages (background.py): the latest save wins.
Any other change gets a full check, render and build.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import click

from generator.model import Portfolio
from generator.pipeline import Checked, check_portfolio, recheck_idea
from generator.problems import format_text
from generator.render import SiteContent
from generator.render.markup import idea_page
from generator.render.pages import PageRenderer
from generator.schema import Schemas, load_schemas
from generator.settings import Settings
from generator.site.background import Job, Runner, ThreadRunner
from generator.site.build import (
    site_approvals,
    site_content,
    site_pages,
    with_site_files,
)
from generator.site.changes import (
    Snapshot,
    input_snapshot,
    needs_full_build,
    page_url,
    snapshot,
    touched_ideas,
)
from generator.site.live_output import LiveOutput, pages_come_and_go
from generator.site.search import with_search_data
from generator.site.source import (
    DOCS_DIR,
)
from generator.site_config import SiteOptions, read_site_config

QUIET = 2.0  # seconds without a save before the background work starts: more than
# the 1.5 s between the saves of someone fixing a typo, and the file watcher's 0.35 s
FRONT_PAGE = "index.md"
INDEXED = "Søgeindekset er bygget."
CAUGHT_UP = "Listerne, datafilerne og søgeindekset er opdateret."


class AskedFor(Exception):  # noqa: N818 (a change of order, not an error)
    """A page was asked for while the rest is being built: build it first."""


def say(message: str) -> None:
    """What the preview is doing, in Danish, on standard error."""
    click.echo(message, err=True)


class LiveSite:
    """The state of a `portfolio serve` session: its source, its site, what they came from."""

    def __init__(
        self,
        settings: Settings,
        config_file: Path,
        work_dir: Path,
        runner: Runner | None = None,
        tell: Callable[[str], None] = say,
    ) -> None:
        self.settings, self.config_file = settings, config_file
        self.output = LiveOutput(config_file, work_dir)
        self.source_dir, self.site_dir = self.output.source_dir, self.output.site_dir
        self.runner: Runner = runner or ThreadRunner()
        self.tell = tell
        self.lock = threading.Lock()  # one change of the source and site at a time
        # The quick path's renderer, under the lock; the background work's, a job at a time.
        self.renderer = PageRenderer(settings.today)
        self.background_renderer = PageRenderer(settings.today)
        self._configure(self.renderer, self.background_renderer)
        self.templates = self.output.templates
        self.job = Job()  # the background work under way (or done)
        self.ready = threading.Event()  # every page is built
        self.status = "kontrolleres posterne"  # "Lige nu …": what the waiting page says
        self.asked: set[str] = set()  # addresses asked for before their page was built
        self.asked_lock = threading.Lock()
        self.page_for: dict[str, str] = {}  # the page of the source at each address
        self.records: Snapshot = {}
        self.inputs: Snapshot = {}
        self.content = SiteContent()
        self.checked: Checked | None = None
        self.schemas: Schemas | None = None

    def _configure(self, *renderers: PageRenderer) -> SiteOptions:
        """mkdocs.yml as it is now (it may have changed since the start), given to renderers."""
        options = SiteOptions.of(read_site_config(self.config_file))
        approvals = site_approvals(options, self.settings)
        for renderer in renderers:
            renderer.configure(approvals, options.submit, options.publisher.name)
        return options

    # The first build: the page asked for first, then the rest behind it.

    def start(self) -> None:
        """Build the whole site in the background, the pages asked for first."""
        self.job.cancel()
        self.ready.clear()
        self.job = self.runner.start(self._first_build)

    def ask(self, address: str) -> None:
        """A browser asked for a page that is not built yet ("temaer/klima/"): build it next."""
        with self.asked_lock:
            self.asked.add(address)

    def _first_build(self, job: Job) -> None:
        """Check, write the pages, build the one asked for; then the files and the rest."""
        records, inputs = (
            snapshot(self.settings.records_dir),
            input_snapshot(self.settings, self.config_file),
        )
        self.status = "kontrolleres posterne"
        checked = check_portfolio(self.settings)
        report(checked, self.checked)
        job.checkpoint()
        self.status = "skrives siderne"
        options = self._configure(self.background_renderer)
        pages = site_pages(checked, self.settings, options, self.background_renderer)
        with self.lock:
            job.checkpoint()
            self.output.write(checked.portfolio, pages)
            self.page_for = {page_url(page): page for page in self.output.source_pages()}
        self.status = "bygges den side, du bad om"
        first = self._take_asked() or {FRONT_PAGE}
        with self.lock:
            self.output.make(only=first, checkpoint=job.checkpoint, links_unchecked=True)
        self.tell("Klar: " + ", ".join(sorted(f"/{page_url(page)}" for page in first)))
        self.status = "skrives data og feeds"
        content = with_site_files(pages, checked, self.settings, options)
        with self.lock:
            job.checkpoint()
            self.output.write(checked.portfolio, content)
            self.content, self.checked = content, checked
            self.records, self.inputs = records, inputs
            self.schemas = load_schemas(self.settings.schemas_dir)
        self._build_asked_first(job)

    def _take_asked(self) -> set[str]:
        """The pages of the source asked for since the last look and not built yet."""
        with self.asked_lock:
            asked, self.asked = self.asked, set()
        pages = {self.page_for[address] for address in asked if address in self.page_for}
        return {page for page in pages if not self.output.is_built(page)}

    def _build_asked_first(self, job: Job) -> None:
        """Build every page, one asked for meanwhile first; then the search index."""
        pending: set[str] = set()

        def checkpoint() -> None:
            job.checkpoint()
            if self.asked:
                pending.update(self._take_asked())
                if pending:
                    raise AskedFor

        self.status = "bygges siderne"
        while True:
            if pending:
                with self.lock:
                    self.output.make(only=set(pending), checkpoint=job.checkpoint)
                self.tell("Klar: " + ", ".join(sorted(f"/{page_url(p)}" for p in pending)))
                pending.clear()
            try:
                with self.lock:
                    self.output.make(checkpoint=checkpoint)
            except AskedFor:
                continue
            break
        first_time = not self.ready.is_set()
        if first_time:
            self.ready.set()
            self.tell("Alle sider er bygget; søgeindekset bygges.")
        self.status = "bygges søgeindekset"
        self.output.index(job.stopped, self.tell)
        if first_time:
            self.tell(INDEXED)

    # A save: the pages of the ideas it touched at once, the rest in the background.

    def full_build(self) -> None:
        """Check everything and build the whole site (even with problems: it is a preview)."""
        self.records = snapshot(self.settings.records_dir)
        self.inputs = input_snapshot(self.settings, self.config_file)
        checked = check_portfolio(self.settings)
        report(checked, self.checked)
        options = self._configure(self.renderer)
        content = site_content(checked, self.settings, options, self.renderer)
        self._publish(checked, content, full=True)
        self.output.make()
        self.schemas = load_schemas(self.settings.schemas_dir)
        self.ready.set()
        self.output.index(Job().stopped, self.tell)

    def rebuild(self) -> None:
        """Called by the server when a watched file changed: the latest save wins."""
        self.job.cancel()  # the background work stops at its next page
        if self.checked is None:  # still at the first build: start it again
            self.start()
            return
        with self.lock:
            records = snapshot(self.settings.records_dir)
            ideas = touched_ideas(self.records, records)
            if (
                ideas is not None
                and input_snapshot(self.settings, self.config_file) == self.inputs
                and self._fast(ideas)
            ):
                self.records = records
                self.job = self.runner.start(self._settle, quiet=QUIET)
                return
            self.full_build()

    def _fast(self, ideas: set[str]) -> bool:
        """Update the pages of these ideas alone; False when a full build is needed."""
        assert self.checked is not None and self.schemas is not None
        portfolio = self.checked.portfolio
        updated = dict(portfolio.ideas)
        for idea_id in ideas:
            again = recheck_idea(self.settings, self.schemas, idea_id)
            if again.gone:
                updated.pop(idea_id, None)
            elif again.idea is None:
                return False  # the full check will say what is wrong
            else:
                updated[idea_id] = again.idea
        new = replace(portfolio, ideas=dict(sorted(updated.items())))
        pages = self._render_affected(portfolio, new, ideas)
        changes: dict[str, bytes | None] = {
            f"{DOCS_DIR}/{path}": markdown.encode("utf-8")
            for path, markdown in pages.items()
            if self.content.pages.get(path) != markdown
        }
        gone = [idea_page(i) for i in ideas if i not in new.ideas or idea_page(i) not in pages]
        changes.update({f"{DOCS_DIR}/{path}": None for path in gone})
        changed = self.output.update(changes)
        self.output.make(only={p.removeprefix(f"{DOCS_DIR}/") for p in changed})
        self.output.remove_gone(changed)  # after the build: the idea's feed is still in the source
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

    def _settle(self, job: Job) -> None:
        """The full check after quick updates: report problems, bring the rest up to date."""
        checked = check_portfolio(self.settings)
        job.checkpoint()
        options = self._configure(self.background_renderer)
        content = site_content(
            checked, self.settings, options, self.background_renderer, job.checkpoint
        )
        with self.lock:
            job.checkpoint()
            report(checked, self.checked)
            self._publish(checked, content, full=False)
        self._build_asked_first(job)
        self.tell(CAUGHT_UP)

    def _publish(self, checked: Checked, content: SiteContent, *, full: bool) -> None:
        """Write what changed into the source, ready to build (under the lock).

        Pages that are gone leave the site at once; every other page whose source is now
        newer than its HTML is built by the next build, even one stopped half-way before.
        """
        changed = self.output.write(checked.portfolio, content)
        full = full or needs_full_build(changed) or pages_come_and_go(self.content, content)
        self.content, self.checked = content, checked
        if full:  # every page, also where its source did not change (the nav, the theme)
            self.output.touch_pages()
        self.output.remove_gone(changed)


def report(checked: Checked, before: Checked | None = None) -> None:
    """Problems on standard error, in Danish, when they differ from the last report."""
    if before is None or before.problems != checked.problems:
        click.echo(format_text(checked.problems), err=True, nl=False)
