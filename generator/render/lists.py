"""Render stage, lists: the pages that list ideas beyond a theme's first page (no I/O).

No page lists more than PAGE_SIZE ideas. A theme's further ideas go on
/temaer/<id>/side-N/; when the portfolio is larger than one page, /investeringstrin/ gives
the counts and each status lists its ideas on /investeringstrin/<status>/ and its pages;
each tag lists its ideas on /emner/<tag-slug>/ and its pages; /emner/ lists the tags.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.model import Idea, Theme, status_order
from generator.render.markup import theme_page
from generator.render.page_writer import PageWriter
from generator.render.paging import PAGE_SIZE, ListPage, split
from generator.render.tags import PAGE_TAGS, collect_tags, tag_page
from generator.render.views import last_updated
from generator.vocabulary import slugify, status_label

LADDER_DIR = "investeringstrin"


def ideas_by_status(common: Mapping[str, Any]) -> dict[str, list[Idea]]:
    """The ideas by status, in funnel order (empty statuses included)."""
    by_status: dict[str, list[Idea]] = {s: [] for s in status_order(common["ladder"])}
    for idea in common["ideas"]:
        by_status.setdefault(idea.state.status, []).append(idea)
    return by_status


def ladder_is_paged(common: Mapping[str, Any]) -> bool:
    """Whether /investeringstrin/ is too long to list every idea itself."""
    return len(common["ideas"]) > PAGE_SIZE


def status_page(status: str) -> str:
    """investeringstrin/indsendt.md, investeringstrin/investeringstrin-2.md, ..."""
    return f"{LADDER_DIR}/{slugify(status_label(status))}.md"


def status_lists(by_status: Mapping[str, list[Idea]]) -> dict[str, list[ListPage[Idea]]]:
    return {status: split(status_page(status), ideas) for status, ideas in by_status.items()}


def status_pages(renderer: PageWriter, common: Mapping[str, Any]) -> dict[str, str]:
    """One list a status with ideas, in pages, when the portfolio is too long for one page."""
    if not ladder_is_paged(common):
        return {}
    rendered = {}
    for status, pages in status_lists(ideas_by_status(common)).items():
        ideas = [idea for page in pages for idea in page.items]
        if not ideas:
            continue
        label = status_label(status)
        for page in pages:
            rendered[page.path] = renderer.page(
                "list.md.j2", page.path, _numbered(label, page), last_updated(ideas),
                heading=label, listed=page, total=len(ideas), show_status=False,
                back=("investeringstrin.md", "Investeringstrin"), **common,
            )  # fmt: skip
    return rendered


def theme_more_pages(
    renderer: PageWriter, theme: Theme, common: Mapping[str, Any]
) -> dict[str, str]:
    """The theme's ideas beyond its own page's first PAGE_SIZE: /temaer/<id>/side-N/."""
    ideas = [idea for idea in common["ideas"] if idea.theme == theme.theme_id]
    pages = split(theme_page(theme.theme_id), ideas)
    return {
        page.path: renderer.page(
            "list.md.j2",
            page.path,
            _numbered(theme.name, page),
            last_updated(ideas),
            heading=theme.name,
            listed=page,
            total=len(ideas),
            show_status=True,
            back=(theme_page(theme.theme_id), theme.name),
            **common,
        )
        for page in pages[1:]
    }


def tag_pages(renderer: PageWriter, common: Mapping[str, Any]) -> dict[str, str]:
    """/emner/ with every tag and its count, and each tag's ideas in pages."""
    tags = collect_tags(common["ideas"])
    rendered = {
        PAGE_TAGS: renderer.page(
            "tags.md.j2",
            PAGE_TAGS,
            "Emner",
            common["latest"],
            tags=tags,
            tag_page=tag_page,
            **common,
        )
    }
    for tag in tags:
        for page in split(tag_page(tag.slug), tag.ideas):
            rendered[page.path] = renderer.page(
                "list.md.j2", page.path, _numbered(f"Emne: {tag.name}", page),
                last_updated(tag.ideas), heading=f"Emne: {tag.name}", listed=page,
                total=len(tag.ideas), show_status=True, back=(PAGE_TAGS, "Alle emner"), **common,
            )  # fmt: skip
    return rendered


def _numbered(title: str, page: ListPage[Idea]) -> str:
    return title if page.number == 1 else f"{title}, side {page.number}"
