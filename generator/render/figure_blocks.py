"""Render stage, figures: each figure of /tal/ as a chart and the table of the same numbers.

Tables are HTML (they sit beside their chart in one block); every cell is escaped here.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from generator.figures.compute import OVERDUE, Figures, KillStage
from generator.figures.labels import (
    format_days,
    format_number,
    format_rate,
    gate_label,
    kill_stage_label,
)
from generator.figures.rows import (
    DEPARTMENT_HEAD,
    FUNNEL_HEAD,
    KILL_HEAD,
    LEAD_TIME_HEAD,
    TEST_HEAD,
    card_rows,
    department_row,
    kill_rows,
    lead_time_rows,
)
from generator.figures.stats import DaySummary
from generator.kinds import TestStatus
from generator.model import Portfolio
from generator.render.charts import Bar, bar_chart
from generator.render.sanitize import markup
from generator.vocabulary import format_money, status_label


def figure_pair(chart: Markup, table: Markup, *, side: bool = False) -> Markup:
    """A figure: its chart and its table below it, or beside it when both are narrow."""
    kind = "figure-pair figure-pair-side" if side else "figure-pair"
    return markup(
        f'<div class="{kind}">\n<figure class="chart-figure">\n{chart}\n</figure>\n{table}\n</div>'
    )


def html_table(caption: str, head: Sequence[str], rows: Sequence[Sequence[str | Markup]]) -> Markup:
    """A table whose first column heads its row; text cells are escaped, Markup kept."""
    cells = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    # Its own scroll region, reachable by keyboard, when a phone is narrower than the table.
    lines = [
        f'<div class="figure-table-wrap" role="region" tabindex="0" aria-label="{escape(caption)}">',
        f'<table class="figure-table">\n<caption>{escape(caption)}</caption>',
        f"<thead><tr>{cells}</tr></thead>",
    ]
    lines.append("<tbody>")
    for row in rows:
        first, *rest = (c if isinstance(c, Markup) else escape(str(c)) for c in row)
        # Numbers align right; words (a "from → to" column) stay left.
        others = "".join(
            f'<td class="text">{c}</td>' if c[:1].isalpha() else f"<td>{c}</td>" for c in rest
        )
        lines.append(f'<tr><th scope="row">{first}</th>{others}</tr>')
    lines.append("</tbody>\n</table>\n</div>")
    return markup("\n".join(lines))


def funnel_block(figures: Figures, chart_id: str) -> Markup:
    rows = [(status_label(key), count) for key, count in figures.funnel.items()]
    bars = [Bar(label, count, format_number(count)) for label, count in rows]
    chart = bar_chart(bars, "Tragten: ideer, der nåede hvert trin eller sluttede så", chart_id)
    table = html_table("Tragten", FUNNEL_HEAD, [[r[0], format_number(r[1])] for r in rows])
    return figure_pair(chart, table, side=True)


def _summary_text(summary: DaySummary) -> str:
    if summary.count == 0:
        return "ingen endnu"
    return f"median {format_days(summary.median)}, 90 %: {format_days(summary.p90)}"


def lead_time_block(summaries: dict[str, DaySummary], caption: str, chart_id: str) -> Markup:
    bars = [
        Bar(gate_label(gate), float(s.median or 0), _summary_text(s))
        for gate, s in summaries.items()
    ]
    chart = bar_chart(bars, f"{caption}: median antal dage pr. beslutning", chart_id)
    return figure_pair(chart, html_table(caption, LEAD_TIME_HEAD, lead_time_rows(summaries)))


def _kill_text(stage: KillStage) -> str:
    if stage.rate is None:
        return "ingen nået"
    return f"{stage.closed} af {stage.reached} ({format_rate(stage.rate)})"


def kill_block(figures: Figures, chart_id: str) -> Markup:
    stages = figures.kill.items()
    bars = [Bar(kill_stage_label(s), k.rate or 0.0, _kill_text(k)) for s, k in stages]
    chart = bar_chart(bars, "Andel af ideerne, der blev lukket på hvert trin", chart_id)
    table = html_table("Tidlig lukning pr. trin", KILL_HEAD, kill_rows(figures.kill))
    return figure_pair(chart, table)


def money_block(
    amounts: Sequence[tuple[str, int]], caption: tuple[str, str], currency: str, chart_id: str
) -> Markup:
    """DKK granted per something; `caption` is the table's caption and its first heading."""
    title, first_head = caption
    bars = [Bar(label, amount, format_money(amount, currency)) for label, amount in amounts]
    chart = bar_chart(bars, title, chart_id)
    rows = [[label, format_money(amount, currency)] for label, amount in amounts]
    side = max((len(label) for label, _ in amounts), default=0) <= 12
    return figure_pair(chart, html_table(title, [first_head, "Bevilget"], rows), side=side)


def granted_blocks(figures: Figures, portfolio: Portfolio, prefix: str) -> dict[str, Markup]:
    """DKK granted per theme, per year of decision and per step."""
    currency, granted = portfolio.ladder.currency, figures.granted
    names = {key: theme.name for key, theme in portfolio.themes.items()}
    by_theme = sorted(((names.get(k, k), v) for k, v in granted.by_theme.items()))
    return {
        "theme": money_block(by_theme, ("Bevilget pr. tema", "Tema"), currency, f"{prefix}-tema"),
        "year": money_block(
            list(granted.by_year.items()), ("Bevilget pr. år", "År"), currency, f"{prefix}-aar"
        ),
        "step": money_block(
            [(f"Trin {step}", v) for step, v in granted.by_step.items()],
            ("Bevilget pr. trin", "Trin"),
            currency,
            f"{prefix}-trin",
        ),
    }


def tests_block(figures: Figures, chart_id: str) -> Markup:
    def text(row: dict[str, int]) -> str:
        cards = sum(row[s] for s in TestStatus)
        return f"{row[TestStatus.DONE]} af {cards} afsluttet, {row[OVERDUE]} forsinket"

    ledger = figures.tests.items()
    bars = [Bar(f"Trin {step}", row[TestStatus.DONE], text(row)) for step, row in ledger]
    chart = bar_chart(bars, "Afsluttede testkort pr. trin", chart_id)
    return figure_pair(chart, html_table("Testkort pr. trin", TEST_HEAD, card_rows(figures.tests)))


def departments_block(figures: Figures, portfolio: Portfolio, chart_id: str) -> Markup:
    currency = portfolio.ladder.currency
    names = {key: dept.name for key, dept in portfolio.departments.items()}
    reach = [(names.get(k, k), r) for k, r in figures.departments.items()]
    bars = [Bar(name, r.participant, f"med i {r.participant}, ejer {r.owner}") for name, r in reach]
    chart = bar_chart(bars, "Ideer, som hver magistratsafdeling er med i", chart_id)
    rows = [department_row(name, r, currency) for name, r in reach]
    return figure_pair(chart, html_table("Magistratsafdelingerne", DEPARTMENT_HEAD, rows))
