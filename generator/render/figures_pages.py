"""Render stage: the figures pages (/tal/ and one a theme) and what has been learned (/laering/)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from generator.figures import labels
from generator.figures.compute import Figures
from generator.figures.stats import DaySummary
from generator.kinds import SCREENING_GATE
from generator.model import Portfolio, Theme
from generator.render import figure_blocks as blocks
from generator.render.charts import Bar, bar_chart
from generator.render.learning_pages import learning_pages
from generator.render.page_writer import PageWriter
from generator.vocabulary import WAIT_REASON_LABELS

PAGE_FIGURES = "tal/index.md"
WAITING_SHOWN = 200


def figures_theme_page(theme_id: str) -> str:
    return f"tal/{theme_id}.md"


def figure_context(figures: Figures, portfolio: Portfolio) -> dict[str, Any]:
    """The charts and tables of one set of figures, and what the sentences need."""
    return {
        "figures": figures,
        "funnel_block": blocks.funnel_block(figures, "tal-tragt"),
        "lead_block": blocks.lead_time_block(figures.lead_times, "Tid til beslutning", "tal-tid"),
        "kill_block": blocks.kill_block(figures, "tal-lukning"),
        "granted_blocks": blocks.granted_blocks(figures, portfolio, "tal-bevilget"),
        "tests_block": blocks.tests_block(figures, "tal-testkort"),
        "departments_block": blocks.departments_block(figures, portfolio, "tal-afdelinger"),
        "year_blocks": {
            year: blocks.lead_time_block(summaries, f"Tid til beslutning {year}", f"tal-{year}")
            for year, summaries in figures.lead_times_by_year.items()
        },
        # No page lists more than 200 ideas: the rest are in noegletal.json and on theme pages.
        "waiting_ideas": [(w, portfolio.ideas[w.idea_id]) for w in figures.waiting[:WAITING_SHOWN]],
        "waiting_more": max(len(figures.waiting) - WAITING_SHOWN, 0),
        # The yellow and red ideas, red first; as many as the waiting list at most.
        "signal_ideas": [
            (s, portfolio.ideas[s.idea_id]) for s in figures.signals.listed[:WAITING_SHOWN]
        ],
        "signal_more": max(len(figures.signals.listed) - WAITING_SHOWN, 0),
        "gate_label": labels.gate_label,
        "waiting_reason": WAIT_REASON_LABELS.get,
        "number": labels.format_number,
        "rate": labels.format_rate,
    }


def theme_screening_chart(figures: Figures, themes: list[Theme]) -> Markup:
    """Median days from submission to screening, per theme."""

    def text(summary: DaySummary) -> str:
        if summary.count == 0:
            return "ingen screenet endnu"
        return f"{labels.format_days(summary.median)} ({summary.count} screenet)"

    bars = []
    for theme in themes:
        summary = figures.lead_times_by_theme[theme.theme_id][SCREENING_GATE]
        bars.append(Bar(theme.name, float(summary.median or 0), text(summary)))
    return bar_chart(
        bars, "Median antal dage fra indsendt idé til screening, pr. tema", "tal-temaer"
    )


def render_figure_pages(renderer: PageWriter, common: Mapping[str, Any]) -> dict[str, str]:
    """/tal/ for the whole portfolio and /tal/<theme-id>/ for each theme."""
    portfolio: Portfolio = common["portfolio"]
    figures: Figures = common["figures"]
    context = {**common, **figure_context(figures, portfolio)}
    pages = {
        PAGE_FIGURES: renderer.page(
            "figures.md.j2",
            PAGE_FIGURES,
            "Portføljen i tal",
            common["latest"],
            scope=None,
            theme_chart=theme_screening_chart(figures, common["themes"]),
            **context,
        )
    }
    for theme in common["themes"]:
        path = figures_theme_page(theme.theme_id)
        own = common["theme_figures"][theme.theme_id]
        context = {**common, **figure_context(own, portfolio)}
        pages[path] = renderer.page(
            "figures.md.j2", path, f"{theme.name} i tal", common["latest"],
            scope=theme, theme_chart=None, **context,
        )  # fmt: skip
    for path, learning in learning_pages(portfolio, common["themes"]).items():
        pages[path] = renderer.page(
            "learning.md.j2", path, learning.title, common["latest"], learning=learning, **common
        )
    return pages
