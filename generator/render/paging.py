"""Render stage, paging: long lists of ideas split into pages of at most PAGE_SIZE ideas.

Page 1 keeps the list's own address (e.g. `temaer/klima.md`); the next pages live below it
(`temaer/klima/side-2.md` → /temaer/klima/side-2/). Pages link each other with plain
Markdown links, so the lists read and page without JavaScript.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from markupsafe import Markup

from generator.render.markup import relative_link
from generator.render.sanitize import markup

PAGE_SIZE = 200
Item = TypeVar("Item")


@dataclass(frozen=True)
class ListPage(Generic[Item]):
    """One page of a split list: its number (from 1), its path, its items, all pages' paths."""

    number: int
    path: str
    items: Sequence[Item]
    paths: tuple[str, ...]
    first: int = 1  # the position of the page's first item in the whole list

    @property
    def count(self) -> int:
        return len(self.paths)


def page_path(first: str, number: int) -> str:
    """The path of page `number` of the list whose first page is `first`."""
    if number == 1:
        return first
    return f"{first.removesuffix('.md')}/side-{number}.md"


def split(first: str, items: Sequence[Item], size: int = PAGE_SIZE) -> list[ListPage[Item]]:
    """The list in pages of at most `size` items; one (empty) page for an empty list."""
    chunks = [items[start : start + size] for start in range(0, len(items), size)] or [items]
    paths = tuple(page_path(first, number) for number in range(1, len(chunks) + 1))
    return [
        ListPage(number, paths[number - 1], chunk, paths, (number - 1) * size + 1)
        for number, chunk in enumerate(chunks, start=1)
    ]


def page_links(here: str, paths: Sequence[str], current: int | None = None) -> Markup:
    """'Side: 1 · 2 · 3' as Markdown links, the current page (if any) in bold, not linked."""
    numbers = []
    for number, path in enumerate(paths, start=1):
        if number == current:
            numbers.append(f"**{number}**")
        else:
            numbers.append(f"[{number}]({relative_link(here, path)})")
    return markup("Side: " + " · ".join(numbers))


def pager(page: ListPage[Item], here: str | None = None) -> Markup:
    """The links between the pages: previous, the page numbers, next; empty for one page."""
    if page.count == 1:
        return markup("")
    here = here or page.path
    parts = []
    if page.number > 1:
        parts.append(f"[← Forrige side]({relative_link(here, page.paths[page.number - 2])})")
    parts.append(page_links(here, page.paths, page.number))
    if page.number < page.count:
        parts.append(f"[Næste side →]({relative_link(here, page.paths[page.number])})")
    return markup(
        f"Side {page.number} af {page.count}, "
        f"ideerne {page.first}-{page.first + len(page.items) - 1}.\n\n" + " · ".join(parts)
    )
