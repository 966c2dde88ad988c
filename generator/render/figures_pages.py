"""Render stage: the figures pages (/tal/ and one a theme) and what has been learned (/laering/)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from generator.figures import labels
from generator.figures.compute import Figures, compute_figures, theme_portfolio
from generator.figures.stats import DaySummary
from generator.model import Idea, Portfolio, Theme
from generator.render import figure_blocks as blocks
from generator.render.charts import Bar, bar_chart
from generator.vocabulary import GRADUATE_LABELS, TEST_OUTCOME_LABELS

if TYPE_CHECKING:
    from generator.render.pages import PageRenderer

PAGE_FIGURES = "tal/index.md"
PAGE_LEARNING = "laering.md"


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
        "waiting_ideas": [(w, portfolio.ideas[w.idea_id]) for w in figures.waiting],
        "gate_label": labels.gate_label,
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
        summary = figures.lead_times_by_theme[theme.theme_id]["screening"]
        bars.append(Bar(theme.name, float(summary.median or 0), text(summary)))
    return bar_chart(
        bars, "Median antal dage fra indsendt idé til screening, pr. tema", "tal-temaer"
    )


def render_figure_pages(renderer: PageRenderer, common: Mapping[str, Any]) -> dict[str, str]:
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
        own = compute_figures(theme_portfolio(portfolio, theme.theme_id), figures.as_of)
        context = {**common, **figure_context(own, portfolio)}
        pages[path] = renderer.page(
            "figures.md.j2", path, f"{theme.name} i tal", common["latest"],
            scope=theme, theme_chart=None, **context,
        )  # fmt: skip
    pages[PAGE_LEARNING] = renderer.page(
        "learning.md.j2", PAGE_LEARNING, "Det har vi lært", common["latest"],
        learning=learning_by_theme(portfolio, common["themes"]), **common,
    )  # fmt: skip
    return pages


@dataclass(frozen=True)
class Lesson:
    """One thing learned: an idea's ending with its learning, or a finished test card."""

    idea: Idea
    step: int
    date: str
    heading: str
    learning: str


def lessons_of(idea: Idea) -> list[Lesson]:
    """The idea's finished test cards, and its closing or carrying on, with what was learned."""
    found = [
        Lesson(idea, card.step, card.end,
               f"Testkort, trin {card.step}: {TEST_OUTCOME_LABELS[card.result.outcome].lower()}",
               card.result.learning)
        for card in idea.tests
        if card.status == "done" and card.result is not None
    ]  # fmt: skip
    for decision in idea.decisions:
        if decision.kind == "close" and decision.learning:
            heading = "Lukket tidligt"
        elif decision.kind == "graduate" and decision.learning:
            heading = "Videreført til " + GRADUATE_LABELS.get(decision.to or "", "drift")
        else:
            continue
        found.append(Lesson(idea, idea.state.step, decision.date, heading, decision.learning))
    return found


def step_heading(step: int) -> str:
    return "Før første investeringstrin" if step == 0 else f"Investeringstrin {step}"


def learning_by_theme(
    portfolio: Portfolio, themes: list[Theme]
) -> list[tuple[Theme, list[tuple[str, list[Lesson]]]]]:
    """Per theme, per step (in ladder order), the lessons newest first."""
    by_theme: list[tuple[Theme, list[tuple[str, list[Lesson]]]]] = []
    for theme in themes:
        lessons = [
            lesson for idea in portfolio.ideas_of(theme.theme_id) for lesson in lessons_of(idea)
        ]
        steps = sorted({lesson.step for lesson in lessons})
        grouped = []
        for step in steps:
            at_step = [lesson for lesson in lessons if lesson.step == step]
            at_step.sort(key=lambda lesson: (lesson.date, lesson.idea.idea_id), reverse=True)
            grouped.append((step_heading(step), at_step))
        if grouped:
            by_theme.append((theme, grouped))
    return by_theme
