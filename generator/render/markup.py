"""Render stage, markup: the small pieces of Markdown and HTML the page templates share.

Every function escapes what it takes from a record; what it returns is safe markup.
"""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup

from generator.kinds import ThemeKind
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
    context: Any, listed: list[Idea], show_theme: bool = True, show_status: bool = True
) -> Markup:
    """A Markdown table of ideas with their theme, date, status and amount granted.

    It ends with a blank line: a line right after a table is read as one more row of it.
    """
    if not listed:
        return markup("*Ingen ideer.*\n")
    here, portfolio = context["page_path"], context["portfolio"]
    currency = portfolio.ladder.currency
    head = ["Idé", *(["Tema"] if show_theme else []), "Indsendt"]
    head += [*(["Status"] if show_status else []), "Bevilget"]
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
