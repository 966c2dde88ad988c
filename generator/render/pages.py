"""Render stage: the validated portfolio → {page path: Markdown}, one Jinja template a page kind.

No I/O and nothing of the site engine: any engine that turns Markdown pages with front
matter and relative `.md` links into a site can build these pages. Every value a
template prints is escaped for Markdown and HTML unless it is already safe markup (the
sanitiser's output, a chart, a link made here), so a template cannot forget to escape.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import jinja2
from markupsafe import Markup

from generator.figures.compute import compute_figures, theme_portfolio
from generator.figures.document import FIGURES_FIELDS
from generator.figures.labels import format_days, signal_sentence
from generator.figures.text import colour_count, examples_clause
from generator.kinds import ThemeKind
from generator.model import (
    Idea,
    Portfolio,
    Theme,
)
from generator.periods import is_open, last_period_end, open_themes
from generator.render import charts, lists, opendata
from generator.render import views as render_views
from generator.render.approvals import Approvals
from generator.render.feed import idea_feed_path, theme_feed_path
from generator.render.figures_pages import figures_theme_page, render_figure_pages
from generator.render.markup import (
    approval_link,
    example_mark,
    examples_notice,
    idea_page,
    ideas_table,
    list_heading,
    record_list,
    relative_link,
    searched,
    signal_badge,
    signal_mark,
    status_badge,
    theme_link,
    theme_page,
    with_notice,
)
from generator.render.paging import PAGE_SIZE, page_links, pager, split
from generator.render.sanitize import TextRenderer, attribute_text, external_link, inline_text
from generator.render.schema_doc import SCHEMA_FILES, schema_fields
from generator.render.structured_data import jsonld_text, project_data
from generator.render.tags import tag_link
from generator.render.theme_periods import theme_periods
from generator.site_config import DataLicence, SubmitLinks
from generator.vocabulary import (
    GRADUATE_LABELS,
    TEST_OUTCOME_LABELS,
    TEST_STATUS_LABELS,
    THEME_LISTS,
    format_date,
    format_money,
    status_label,
)

PAGE_FRONT = "index.md"
PAGE_THEMES = "temaer/index.md"
PAGE_LADDER = "investeringstrin.md"
PAGE_HISTORY = "organisering-2015-2019.md"
PAGE_DATA = "data/index.md"
HISTORY_UPDATED = "2023-11-22"  # the date seed 000 gives for the organisation page


def _finalize(value: object) -> object:
    """Everything printed is escaped unless it is already safe markup."""
    if isinstance(value, Markup):
        return value
    if value is None:
        raise ValueError("a template printed None")
    return inline_text(str(value))


@jinja2.pass_context
def _link(context: Any, target: str) -> Markup:
    """A relative link from the page being rendered to another generated page."""
    return relative_link(context["page_path"], target)


def _environment(text: TextRenderer) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.render", "templates"),
        autoescape=True,  # and _finalize escapes every value for Markdown as well
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(
        {
            "text": text.block,
            "date": format_date,
            "attr": attribute_text,
            "status": status_label,
            "searched": searched,
        }
    )
    env.globals.update(
        {
            "link": _link,
            "ideas_table": ideas_table,
            "status_badge": status_badge,
            "signal_badge": signal_badge,
            "list_heading": list_heading,
            "signal_legend": signal_mark,
            "signal_text": signal_sentence,
            "examples_clause": examples_clause,
            "colour_count": colour_count,
            "example_mark": example_mark,
            "theme_link": theme_link,
            "record_list": lambda items, level=4: record_list(text, items, level),
            "external": external_link,
            "theme_page": theme_page,
            "idea_page": idea_page,
            "decision_heading": render_views.decision_heading,
            "decision_anchor": render_views.decision_anchor,
            "pager": pager,
            "page_links": page_links,
            "tag_link": tag_link,
            "test_status": TEST_STATUS_LABELS,
            "result_label": TEST_OUTCOME_LABELS,
            "graduate_labels": GRADUATE_LABELS,
            "theme_lists": THEME_LISTS,
        }
    )
    return env


def _front_matter(title: str, feed: str | None = None, structured_data: str | None = None) -> str:
    # The site engine prints the title as HTML in places: it goes in already escaped.
    head = "---\ntitle: " + json.dumps(str(attribute_text(title)), ensure_ascii=False) + "\n"
    if feed is not None:  # the page's own feed, from the site's root, for the page head
        head += "feed: " + json.dumps(feed) + "\n"
    if structured_data is not None:  # JSON-LD for the page head (structured_data.py)
        head += "structured_data: " + json.dumps(structured_data, ensure_ascii=False) + "\n"
    return head + "---\n\n"


def _updated(date: str | None) -> str:
    if date is None:
        return ""
    return (
        '\n<p class="page-updated">Sidst opdateret: '
        f'<time datetime="{date}">{format_date(date)}</time></p>\n'
    )


class PageRenderer:
    """Renders every page of the site; keeps rendered record text between calls."""

    def __init__(
        self,
        today: str,
        approvals: Approvals | None = None,
        submit: SubmitLinks | None = None,
        organisation: str = "Aarhus Kommune",
    ) -> None:
        self.text = TextRenderer()
        self.env = _environment(self.text)
        # The day the site is built for: the front page lists the themes open on it.
        self.today = today
        self.configure(approvals or Approvals(), submit or SubmitLinks(), organisation)

    def configure(self, approvals: Approvals, submit: SubmitLinks, organisation: str) -> None:
        """What the pages take from the site's configuration: the decisions' pull requests,
        where "Send en idé" leads (repo_url, extra.contact) and who runs the portfolio."""
        self.env.globals["approved_in"] = lambda decision: approval_link(approvals.of(decision))
        self.env.globals["organisation"] = organisation
        self.submit = submit

    def _page(self, template: str, path: str, title: str, updated: str | None, **ctx: Any) -> str:
        body = self.env.get_template(template).render(page_path=path, title=title, **ctx)
        head = _front_matter(title, ctx.get("feed"), ctx.get("structured_data"))
        page = head + body.rstrip("\n") + "\n"
        return with_notice(page, str(ctx.get("examples_notice", ""))) + _updated(updated)

    def page(self, template: str, path: str, title: str, updated: str | None, **ctx: Any) -> str:
        """One page from its template; `feed` in ctx names the page's own feed."""
        return self._page(template, path, title, updated, **ctx)

    def common(self, portfolio: Portfolio) -> dict[str, Any]:
        ideas = render_views.shown_ideas(portfolio)
        as_of = self.today
        themes = render_views.themes_of_kind(portfolio, ThemeKind.THEME)
        figures = compute_figures(portfolio, as_of)
        return {
            "as_of": as_of,
            "figures": figures,
            # Each theme's figures, counted once a build for its page and its /tal/ page.
            "theme_figures": {
                theme.theme_id: compute_figures(theme_portfolio(portfolio, theme.theme_id), as_of)
                for theme in themes
            },
            "examples_notice": examples_notice(figures.examples, figures.ideas),
            "figures_page": figures_theme_page,
            "days": format_days,
            "portfolio": portfolio,
            "ideas": ideas,
            "ladder": portfolio.ladder,
            "money": lambda amount: format_money(amount, portfolio.ladder.currency),
            "themes": themes,
            "focus_areas": render_views.focus_areas(portfolio),
            "departments": portfolio.departments,
            "latest": render_views.last_updated(ideas),
            "open_themes": open_themes(portfolio, self.today),
            "periods": theme_periods(
                render_views.themes_of_kind(portfolio, ThemeKind.THEME), self.today
            ),
            "submit": self.submit,
            "is_open": lambda theme: is_open(theme, self.today),
            "last_period_end": last_period_end(portfolio, self.today),
        }

    def render(
        self,
        portfolio: Portfolio,
        schemas: Mapping[str, Mapping[str, Any]],
        licence: DataLicence | None = None,
        common: Mapping[str, Any] | None = None,
    ) -> dict[str, str]:
        """Every generated page of the site by its path; figures are counted as of the
        renderer's day (or come in `common`, made by `self.common`), and /data/ names the
        data's licence."""
        common = common or self.common(portfolio)
        themes = {theme.theme_id for theme in common["themes"]}
        ideas = {idea.idea_id for idea in common["ideas"]}
        pages = self.render_some(common, {PAGE_FRONT, PAGE_THEMES, PAGE_LADDER}, themes, ideas)
        if render_views.focus_areas(portfolio):  # the history page tells of them alone
            pages[PAGE_HISTORY] = self.history_page(portfolio, common)
        pages[PAGE_DATA] = self.data_page(schemas, common, licence or DataLicence())
        pages.update(render_figure_pages(self, common))
        pages.update(lists.tag_pages(self, common))
        return pages

    def render_some(
        self, common: Mapping[str, Any], pages: set[str], theme_ids: set[str], idea_ids: set[str]
    ) -> dict[str, str]:
        """Some pages: the front, themes and ladder pages named, and these themes and ideas."""
        site_wide = {
            PAGE_FRONT: self.front_page,
            PAGE_THEMES: self.themes_page,
            PAGE_LADDER: self.ladder_page,
        }
        rendered = {path: render(common) for path, render in site_wide.items() if path in pages}
        if PAGE_LADDER in pages:
            rendered.update(lists.status_pages(self, common))
        for theme in common["themes"]:
            if theme.theme_id in theme_ids:
                rendered[theme_page(theme.theme_id)] = self.theme_page(theme, common)
                rendered.update(lists.theme_more_pages(self, theme, common))
        for idea in common["ideas"]:
            if idea.idea_id in idea_ids:
                rendered[idea_page(idea.idea_id)] = self.idea_page(idea, common)
        return rendered

    def themes_page(self, common: Mapping[str, Any]) -> str:
        return self._page("themes.md.j2", PAGE_THEMES, "Temaer", common["latest"], **common)

    def front_page(self, common: Mapping[str, Any]) -> str:
        ideas, ladder = common["ideas"], common["ladder"]
        stages = render_views.funnel(common["figures"].funnel)
        return self._page(
            "front.md.j2",
            PAGE_FRONT,
            "Innovationsmotoren",
            common["latest"],
            counts=render_views.status_counts(ladder, ideas),
            granted=sum(idea.state.granted for idea in ideas),
            stages=stages,
            funnel_chart=charts.funnel_chart(stages),
            **common,
        )

    def ladder_page(self, common: Mapping[str, Any]) -> str:
        by_status = lists.ideas_by_status(common)
        return self._page(
            "ladder.md.j2", PAGE_LADDER, "Investeringstrin", common["latest"],
            by_status=by_status, paged=lists.ladder_is_paged(common), page_size=PAGE_SIZE,
            status_pages=lists.status_lists(by_status), **common,
        )  # fmt: skip

    def history_page(self, portfolio: Portfolio, common: Mapping[str, Any]) -> str:
        return self._page(
            "history.md.j2", PAGE_HISTORY, "Organisering af innovationsindsatsen i 2015-2019",
            HISTORY_UPDATED, **common,
        )  # fmt: skip

    def data_page(
        self,
        schemas: Mapping[str, Mapping[str, Any]],
        common: Mapping[str, Any],
        licence: DataLicence | None = None,
    ) -> str:
        documented = [
            (schemas[kind], file, schema_fields(schemas[kind]))
            for kind, file in SCHEMA_FILES
            if kind in schemas
        ]
        return self._page(
            "data.md.j2", PAGE_DATA, "Åbne data", common["latest"],
            schemas=documented, idea_columns=opendata.IDEA_COLUMNS,
            decision_columns=opendata.DECISION_COLUMNS, json_fields=opendata.JSON_FIELDS,
            figures_fields=FIGURES_FIELDS,
            schema_names=[kind for kind, _ in SCHEMA_FILES if kind in schemas],
            licence=licence or DataLicence(), **common,
        )  # fmt: skip

    def theme_page(self, theme: Theme, common: Mapping[str, Any]) -> str:
        ideas = [idea for idea in common["ideas"] if idea.theme == theme.theme_id]
        path = theme_page(theme.theme_id)
        return self._page(
            "theme.md.j2", path, theme.name, render_views.last_updated(ideas),
            theme=theme, theme_ideas=ideas, own_figures=common["theme_figures"][theme.theme_id],
            listed=split(path, ideas)[0],
            feed=theme_feed_path(theme.theme_id), **common,
        )  # fmt: skip

    def idea_page(self, idea: Idea, common: Mapping[str, Any]) -> str:
        ladder = common["ladder"]
        rungs = render_views.ladder_rungs(ladder, idea)
        theme = common["portfolio"].themes.get(idea.theme)
        return self._page(
            "idea.md.j2", idea_page(idea.idea_id), idea.title,
            render_views.last_updated([idea]), idea=idea, idea_theme=theme, rungs=rungs,
            feed=idea_feed_path(idea.idea_id),
            structured_data=jsonld_text(project_data(idea, theme, ladder.currency)),
            ladder_chart=charts.ladder_chart(rungs, ladder.currency), **common,
        )  # fmt: skip
