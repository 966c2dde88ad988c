"""Figures stage, the terminal: the figures and the waiting ideas as Danish plain text."""

from __future__ import annotations

from collections.abc import Sequence

from generator.figures import rows as figure_rows
from generator.figures.compute import Figures
from generator.figures.labels import (
    format_days,
    format_number,
    signal_label,
    signal_sentence,
)
from generator.figures.stats import DaySummary
from generator.kinds import SCREENING_GATE
from generator.model import Portfolio
from generator.vocabulary import WAIT_REASON_LABELS, format_date, format_money, status_label


def table(head: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    """Columns padded to their widest cell; the columns in `right` aligned right."""
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]

    def line(cells: Sequence[str]) -> str:
        padded = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(padded).rstrip()

    return [line(head), line(["-" * w for w in widths]), *(line(row) for row in rows)]


def _funnel(figures: Figures) -> list[str]:
    rows = []
    for key, count in figures.funnel.items():
        rows.append([status_label(key), format_number(count)])
    return ["Tragten", *table(figure_rows.FUNNEL_HEAD, rows, {1}), ""]


def _lead_times(title: str, summaries: dict[str, DaySummary]) -> list[str]:
    return [
        title,
        *table(figure_rows.LEAD_TIME_HEAD, figure_rows.lead_time_rows(summaries), {2, 3, 4}),
        "",
    ]


def _kill(figures: Figures) -> list[str]:
    return [
        "Tidlig lukning",
        *table(figure_rows.KILL_HEAD, figure_rows.kill_rows(figures.kill), {1, 2, 3, 4, 5}),
        "",
    ]


def _granted(figures: Figures, portfolio: Portfolio) -> list[str]:
    currency, granted = portfolio.ladder.currency, figures.granted
    names = {key: theme.name for key, theme in portfolio.themes.items()}
    rows = [
        [f"Tema: {names.get(k, k)}", format_money(v, currency)] for k, v in granted.by_theme.items()
    ]
    rows += [[f"År: {year}", format_money(v, currency)] for year, v in granted.by_year.items()]
    rows += [[f"Trin {step}", format_money(v, currency)] for step, v in granted.by_step.items()]
    total = f"Bevilget i alt: {format_money(granted.total, currency)}"
    return [total, *table(["", "Bevilget"], rows, {1}), ""]


def _tests(figures: Figures) -> list[str]:
    return [
        "Testkort",
        *table(figure_rows.TEST_HEAD, figure_rows.card_rows(figures.tests), set(range(1, 8))),
        "",
    ]


def _departments(figures: Figures, portfolio: Portfolio) -> list[str]:
    currency = portfolio.ladder.currency
    rows = [
        figure_rows.department_row(portfolio.departments[k].name, r, currency)
        for k, r in figures.departments.items()
    ]
    return ["Magistratsafdelingerne", *table(figure_rows.DEPARTMENT_HEAD, rows, {1, 2, 3}), ""]


def _themes(figures: Figures, portfolio: Portfolio) -> list[str]:
    currency = portfolio.ladder.currency
    names = {key: theme.name for key, theme in portfolio.themes.items()}
    rows = [
        [names.get(k, k), format_number(g[SCREENING_GATE].count), format_days(g[SCREENING_GATE].median),
         format_days(g[SCREENING_GATE].p90), format_money(figures.granted.by_theme.get(k, 0), currency)]
        for k, g in figures.lead_times_by_theme.items()
    ]  # fmt: skip
    head = ["Tema", "Screenet", "Median", "90 % inden for", "Bevilget"]
    return ["Efter tema: tid til screening og bevilget", *table(head, rows, {1, 2, 3, 4}), ""]


def figures_text(figures: Figures, portfolio: Portfolio) -> str:
    """Every figure as Danish text tables, as /tal/ shows them."""
    waiting = len(figures.waiting)
    lines = [
        f"Portføljen i tal pr. {format_date(figures.as_of)}: {format_number(figures.ideas)} "
        f"{'idé' if figures.ideas == 1 else 'ideer'}{examples_clause(figures)}",
        "",
        *_funnel(figures),
        *_lead_times("Tid til beslutning", figures.lead_times),
        *_kill(figures),
        *_granted(figures, portfolio),
        *_tests(figures),
        f"Venter på en beslutning: {format_number(waiting)} "
        f"{'idé' if waiting == 1 else 'ideer'}; se dem med 'portfolio report waiting'.",
        "",
        *_signals(figures, portfolio),
        *_departments(figures, portfolio),
        *_themes(figures, portfolio),
    ]
    for year, summaries in figures.lead_times_by_year.items():
        lines += _lead_times(f"Tid til beslutning {year}", summaries)
    return "\n".join(lines).rstrip("\n") + "\n"


def waiting_text(figures: Figures, portfolio: Portfolio) -> str:
    """The waiting ideas, oldest first, as a table with each idea's signal; then any other
    idea whose signal is yellow or red (an idea at pitch waits for its step-1 decision)."""
    signals = figures.signals.by_idea
    rows = [
        [w.idea_id, portfolio.ideas[w.idea_id].title, WAIT_REASON_LABELS[w.reason],
         w.since, format_number(w.days),
         signal_label(signals[w.idea_id].signal) if w.idea_id in signals else "–"]
        for w in figures.waiting
    ]  # fmt: skip
    listed = {w.idea_id for w in figures.waiting}
    others = [s for s in figures.signals.listed if s.idea_id not in listed]
    if not rows and not others:
        return "Ingen ideer venter på en beslutning.\n"
    head = ["Idé", "Titel", "Venter på", "Siden", "Dage", "Signal"]
    lines = table(head, rows, {4}) if rows else ["Ingen ideer venter på en beslutning."]
    if others:
        lines += ["", "Også med gult eller rødt signal:"]
        lines += [f"{signal_label(s.signal)}  {s.idea_id}: {signal_sentence(s)}" for s in others]
    return "\n".join(lines) + "\n"


def colour_count(count: int, one: str, more: str) -> str:
    """'1 grøn', '0 gule', '2 røde': the colour agrees with the number."""
    return f"{format_number(count)} {one if count == 1 else more}"


def _signals(figures: Figures, portfolio: Portfolio) -> list[str]:
    """The counts by colour, then every yellow and red idea with the reason in words."""
    signals = figures.signals
    counts = (
        f"Signaler for de {format_number(len(signals.by_idea))} ideer, der ikke er afsluttet: "
        f"{colour_count(signals.green, 'grøn', 'grønne')}, "
        f"{colour_count(signals.yellow, 'gul', 'gule')} og {colour_count(signals.red, 'rød', 'røde')}."
    )
    rows = [
        [signal_label(s.signal), s.idea_id, portfolio.ideas[s.idea_id].title, signal_sentence(s)]
        for s in signals.listed
    ]
    if not rows:
        return ["Signaler", counts, ""]
    return ["Signaler", counts, *table(["Signal", "Idé", "Titel", "Hvorfor"], rows, set()), ""]


def examples_clause(figures: Figures) -> str:
    """', heraf 3 opdigtede eksempler' when some of the ideas are examples, else ''."""
    if not figures.examples:
        return ""
    noun = "opdigtet eksempel" if figures.examples == 1 else "opdigtede eksempler"
    return f", heraf {format_number(figures.examples)} {noun}"
