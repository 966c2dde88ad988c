"""Render stage, markup: the small pieces of Markdown and HTML the page templates share.

Every function escapes what it takes from a record; what it returns is safe markup.
"""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup

from generator.figures.labels import signal_label
from generator.figures.signals import Signal
from generator.kinds import SignalColour, ThemeKind
from generator.model import Idea, Portfolio
from generator.render.approvals import Approval
from generator.render.sanitize import (
    TextRenderer,
    attribute_text,
    external_link,
    inline_text,
    markup,
)
from generator.vocabulary import format_date, format_money, is_slug


def theme_page(theme_id: str) -> str:
    return f"temaer/{theme_id}.md"


def idea_page(idea_id: str) -> str:
    return f"ideer/{idea_id}.md"


def relative_link(from_page: str, target: str) -> Markup:
    """A relative link between two pages given by their paths from the site's root."""
    return markup("../" * from_page.count("/") + target)


def status_badge(idea: Idea) -> Markup:
    state = idea.state
    return markup(
        f'<span class="status status-{attribute_text(state.status)}">'
        f"{inline_text(state.label_da)}</span>"
    )


def example_mark(idea: Idea) -> Markup:
    return markup(' <span class="example-label">Eksempel</span>' if idea.example else "")


def examples_notice(examples: int, ideas: int) -> str:
    """The notice above every page's content while any idea is a fictional example."""
    if not examples:
        return ""
    if ideas == 1:
        counted = "Ideen er fiktiv"
    elif examples == ideas:
        counted = f"Alle {ideas} ideer er fiktive"
    else:
        adjective = "fiktiv" if examples == 1 else "fiktive"
        counted = f"{examples} af de {ideas} ideer er {adjective} og mærket Eksempel"
    return (
        '<p class="examples-notice" data-pagefind-ignore><strong>Porteføljen indeholder '
        f"opdigtede eksempler.</strong> {counted}: deres beløb, beslutninger og resultater "
        "er ikke virkelige.</p>\n\n"
    )


# Search (Pagefind) counts words by the weight of the element they stand in: the idea's own
# text counts most, so an idea ranks above the lists, tags and figures that name it.
IDEA_TEXT_WEIGHT = 10  # the most Pagefind gives; a title heading counts 7
LIST_HEADING_WEIGHT = 1


def searched(block: Markup) -> Markup:
    """An idea's own text (a record-text block), weighted up for search."""
    return markup(
        f'<div class="idea-text" data-pagefind-weight="{IDEA_TEXT_WEIGHT}">\n{block}\n</div>'
    )


def list_heading(title: str) -> Markup:
    """A list page's title heading, which search counts as plain text, not as a title."""
    return markup(f'<h1 data-pagefind-weight="{LIST_HEADING_WEIGHT}">{inline_text(title)}</h1>')


def with_notice(markdown: str, notice: str) -> str:
    """The page with the notice above its content: after its front matter and its title
    heading (the engines take a page's title from a heading that comes first)."""
    if not notice:
        return markdown
    head = ""
    if markdown.startswith("---\n") and "\n---\n" in markdown[3:]:
        end = markdown.index("\n---\n", 3) + len("\n---\n")
        head, markdown = markdown[:end], markdown[end:]
    body = markdown.lstrip("\n")
    if body.startswith("# "):
        title, _, rest = body.partition("\n")
        return f"{head}\n{title}\n\n{notice}{rest.lstrip(chr(10))}"
    if body.startswith("<h1"):
        title, _, rest = body.partition("</h1>")
        return f"{head}\n{title}</h1>\n\n{notice}{rest.lstrip(chr(10))}"
    return f"{head}{notice}{body}"


SIGNAL_SHAPES: dict[SignalColour, str] = {
    SignalColour.GREEN: "●",
    SignalColour.YELLOW: "▲",
    SignalColour.RED: "■",
}


def signal_mark(colour: SignalColour) -> Markup:
    """A colour as a shape and a word (never colour alone): ● Grøn, ▲ Gul, ■ Rød."""
    shape = SIGNAL_SHAPES[colour]
    return markup(
        f'<span class="signal signal-{attribute_text(colour)}">'
        f'<span class="signal-shape" aria-hidden="true">{shape}</span> '
        f"{inline_text(signal_label(colour))}</span>"
    )


def signal_badge(signal: Signal | None) -> Markup:
    """The idea's signal as a shape and a word; '–' for an idea that has ended."""
    return markup("–") if signal is None else signal_mark(signal.signal)


def theme_link(portfolio: Portfolio, theme_id: str, from_page: str) -> Markup:
    """The theme's name, linked to its page when it has one."""
    theme = portfolio.themes.get(theme_id)
    if theme is None:
        return inline_text(theme_id)
    if theme.kind != ThemeKind.THEME or not is_slug(theme_id):
        return inline_text(theme.name)
    return markup(f"[{inline_text(theme.name)}]({relative_link(from_page, theme_page(theme_id))})")


@jinja2.pass_context
def ideas_table(
    context: Any,
    listed: list[Idea],
    show_theme: bool = True,
    show_status: bool = True,
    show_signal: bool = False,
) -> Markup:
    """A Markdown table of ideas with their theme, date, status, signal and amount granted.

    It ends with a blank line: a line right after a table is read as one more row of it.
    """
    if not listed:
        return markup("*Ingen ideer.*\n")
    here, portfolio = context["page_path"], context["portfolio"]
    signals = context["figures"].signals.by_idea
    currency = portfolio.ladder.currency
    head = ["Idé", *(["Tema"] if show_theme else []), "Indsendt"]
    head += [*(["Status"] if show_status else []), *(["Signal"] if show_signal else [])]
    head += ["Bevilget"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * (len(head) - 1) + " ---: |"]
    for idea in listed:
        cells: list[str] = [
            f"[{inline_text(idea.title)}]({relative_link(here, idea_page(idea.idea_id))})"
            + example_mark(idea)
        ]
        if show_theme:
            cells.append(theme_link(portfolio, idea.theme, here))
        cells.append(format_date(idea.submitted))
        if show_status:
            cells.append(status_badge(idea))
        if show_signal:
            cells.append(signal_badge(signals.get(idea.idea_id)))
        cells.append(format_money(idea.state.granted, currency))
        lines.append("| " + " | ".join(cells) + " |")
    return markup("\n".join(lines) + "\n")


def record_list(text: TextRenderer, items: tuple[str, ...], level: int) -> Markup:
    """A list of record texts as one raw-HTML list."""
    entries = "".join(f"<li>{text.block(item, level)}</li>\n" for item in items)
    return markup(f'<ul class="record-list">\n{entries}</ul>')


def approval_link(approval: Approval | None) -> Markup | None:
    """ "Godkendt i pull request #26", linked to it when its address is known."""
    if approval is None:
        return None
    label = f"Godkendt i pull request #{approval.number}"
    return external_link(approval.url, label) if approval.url else markup(label)
