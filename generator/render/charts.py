"""Render stage, charts: inline SVG made at build time, no script and no request.

Every chart has a title and a description for assistive technology, and the pages show
the same numbers in a table beside it, so nothing is only in the picture. Colours keep
3:1 against their background and text 4.5:1 (WCAG 1.4.3 and 1.4.11); state is never told
by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from generator.render.sanitize import markup
from generator.render.views import FunnelStage, LadderRung
from generator.vocabulary import format_date, format_money

INK = "#1b1b1b"
BAR = "#1f5fa6"  # 6.4:1 on white
MUTED = "#5c5c5c"  # 6.7:1 on white
PAPER = "#ffffff"


def _text(x: float, y: float, content: str, **attrs: str) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{escape(v)}"' for name, v in attrs.items())
    return f'<text x="{x:g}" y="{y:g}"{extra}>{escape(content)}</text>'


FONT_SIZE = 14  # CSS pixels: charts are never scaled down, so their text stays this size
CHAR_WIDTH = 8  # a generous average width of a character at FONT_SIZE


def _frame(chart_id: str, size: tuple[int, int], title: str, desc: str, body: list[str]) -> str:
    """The SVG at its own size, in a box that scrolls (by keyboard too) when the screen is
    narrower than the chart."""
    width, height = size
    return (
        f'<div class="chart-scroll" role="region" tabindex="0" '
        f'aria-label="Diagram: {escape(title)}">'
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="inherit" font-size="{FONT_SIZE}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>' + "".join(body) + "</svg></div>"
    )


def funnel_chart(stages: Sequence[FunnelStage], chart_id: str = "tragt") -> Markup:
    """Horizontal bars, one a funnel stage, each labelled with its count."""
    bars = [Bar(stage.label, stage.count, str(stage.count)) for stage in stages]
    title = "Tragten: hvor mange ideer der er nået til hvert trin"
    return bar_chart(bars, title, chart_id)


def _rung_lines(rung: LadderRung, currency: str) -> tuple[str, str]:
    if rung.granted_on is None:
        return "Ikke bevilget", format_money(rung.amount, currency)
    amount = rung.granted_amount if rung.granted_amount is not None else rung.amount
    return f"Bevilget {format_date(rung.granted_on)}", format_money(amount, currency)


def ladder_chart(rungs: Sequence[LadderRung], currency: str, chart_id: str = "trappe") -> Markup:
    """The ladder as rising steps: filled and ticked when granted, dashed outline when not."""
    step_width, step_rise, base = 200, 30, 90
    width = step_width * max(len(rungs), 1) + 10
    height = base + step_rise * max(len(rungs) - 1, 0) + 10
    body = []
    for index, rung in enumerate(rungs):
        x = 5 + index * step_width
        y = 5 + step_rise * (len(rungs) - 1 - index)
        granted = rung.granted_on is not None
        fill, ink = (BAR, PAPER) if granted else (PAPER, INK)
        dash = "" if granted else ' stroke-dasharray="6 4"'
        body.append(
            f'<rect x="{x}" y="{y}" width="{step_width - 10}" height="{base - 10}" rx="4" '
            f'fill="{fill}" stroke="{BAR if granted else MUTED}" stroke-width="2"{dash}/>'
        )
        mark = "✓ " if granted else ""
        status, amount = _rung_lines(rung, currency)
        body.append(_text(x + 10, y + 24, f"{mark}Trin {rung.step}", fill=ink, font_weight="bold"))
        body.append(_text(x + 10, y + 46, status, fill=ink))
        body.append(_text(x + 10, y + 66, amount, fill=ink))
    desc = "; ".join(f"Trin {r.step}: " + ", ".join(_rung_lines(r, currency)) for r in rungs)
    title = "Ideens plads på investeringstrappen"
    return markup(_frame(chart_id, (width, height), title, desc, body))


@dataclass(frozen=True)
class Bar:
    """One bar of a bar chart: what it is, how long it is, and the text that says its value."""

    label: str
    value: float
    value_text: str


def bar_chart(bars: Sequence[Bar], title: str, chart_id: str) -> Markup:
    """Horizontal bars, each with its label above it and its value written after it, or
    under it when the value's text would make the chart wider.

    Labels sit above the bars rather than beside them, so a chart with long names stays
    narrow enough for a phone without being scaled down.
    """
    text_width = max((len(b.value_text) for b in bars), default=4) * CHAR_WIDTH + 8
    label_width = max((len(b.label) for b in bars), default=10) * CHAR_WIDTH + 10
    bar_width, row = 260, 64
    width = max(bar_width, label_width, text_width) + 10
    height = row * max(len(bars), 1) + 6
    top = max((b.value for b in bars), default=0) or 1
    body = [f'<line x1="5" y1="2" x2="5" y2="{height - 2}" stroke="{MUTED}" stroke-width="1"/>']
    for index, bar in enumerate(bars):
        y = 4 + index * row
        length = bar_width * max(bar.value, 0) / top
        body.append(_text(10, y + 16, bar.label, fill=INK))
        body.append(f'<rect x="5" y="{y + 22}" width="{length:.1f}" height="18" fill="{BAR}"/>')
        beside = 5 + length + 8 + len(bar.value_text) * CHAR_WIDTH <= width
        x, text_y = (5 + length + 8, y + 36) if beside else (10, y + 57)
        body.append(_text(x, text_y, bar.value_text, fill=INK))
    desc = "; ".join(f"{b.label}: {b.value_text}" for b in bars) or "Ingen tal endnu."
    return markup(_frame(chart_id, (width, height), title, desc, body))
