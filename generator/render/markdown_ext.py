"""Render stage, the site's Markdown extension: Danish section anchors and tables that scroll.

Listed in mkdocs.yml's `markdown_extensions` as `generator.render.markdown_ext`; any engine
that renders with Python-Markdown (MkDocs, Zensical) loads it by that name.

- Section anchors transliterate Danish letters (`#noegletal`, not `#ngletal`): the table
  of contents makes its ids with `slugify_heading`.
- Every Markdown table stands in its own scroll box, a region a keyboard can reach and
  scroll, so a table wider than a phone scrolls there (its edges show a shadow while there
  is more to see) instead of being cut off.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from markdown import Markdown  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.extensions.toc import slugify as ascii_slugify  # type: ignore[import-untyped]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]

DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def slugify_heading(value: str, separator: str) -> str:
    """A heading's anchor: 'Nøgletal' → 'noegletal', 'Pr. år' → 'pr-aar'."""
    return str(ascii_slugify(value.translate(DANISH_LETTERS), separator))


class DanishAnchors(Treeprocessor):  # type: ignore[misc]
    """Lets the table of contents make its anchors with `slugify_heading` (it runs later)."""

    def run(self, root: ET.Element) -> None:
        if "toc" in self.md.treeprocessors:
            self.md.treeprocessors["toc"].slugify = slugify_heading


class ScrollingTables(Treeprocessor):  # type: ignore[misc]
    """Puts each Markdown table in a focusable scroll region named after its section."""

    def run(self, root: ET.Element) -> None:
        self._wrap(root, "Tabel")

    def _wrap(self, parent: ET.Element, section: str) -> None:
        for index, child in enumerate(list(parent)):
            if child.tag in HEADINGS:
                section = "".join(child.itertext()).strip() or section
            elif child.tag == "table" and "class" not in child.attrib:
                box = ET.Element(
                    "div",
                    {"class": "table-scroll", "role": "region", "tabindex": "0",
                     "aria-label": f"Tabel: {section}" if section != "Tabel" else section},
                )  # fmt: skip
                box.tail, child.tail = child.tail, None
                parent.remove(child)
                box.append(child)
                parent.insert(index, box)
            else:
                self._wrap(child, section)


class SiteMarkdown(Extension):  # type: ignore[misc]
    """The site's own Markdown: Danish anchors and scrolling tables."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Before the table of contents (priority 5) makes the anchors.
        md.treeprocessors.register(DanishAnchors(md), "danish_anchors", 50)
        md.treeprocessors.register(ScrollingTables(md), "scrolling_tables", 6)


def makeExtension(**kwargs: Any) -> SiteMarkdown:  # noqa: N802 (Python-Markdown's name)
    return SiteMarkdown(**kwargs)
