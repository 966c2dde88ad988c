"""Render stage, safety: untrusted record text → safe HTML for the generated Markdown pages.

Record text is Markdown written by contributors. Python-Markdown renders it with raw HTML
switched off (so `<script>` stays text), a tree step demotes headings below the page's
own and turns images into links, and nh3 (ammonia) then keeps only an allowlist of tags,
attributes and `https`/`http`/`mailto` links. Braces become character references, so
no attribute list, macro or template expression can survive into the site engine.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

import markdown  # type: ignore[import-untyped]
import nh3
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]
from markupsafe import Markup

from generator.site_config import ALLOWED_SCHEMES, safe_url

LINK_REL = "nofollow noopener noreferrer"
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_ALLOWED_TAGS = frozenset(
    {"p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr"}
    | {"h3", "h4", "h5", "h6"}
)
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}

# Characters that mean something to Markdown or its extensions (attribute lists, tables,
# emphasis, links, footnotes, critic marks, snippets) or to HTML: written as numeric
# character references, they can only ever be text.
_INLINE_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|<>&\"'~^=:$@%]")
_WHITESPACE = re.compile(r"\s+")
# Text made only of these, on one line and not opening like a list item, is one plain
# paragraph to Markdown: it skips the Markdown parser (a test holds the two paths equal).
_PLAIN = re.compile(r"[^\W_](?:[^\W_]|[ ,.;?'\"()%/–—-])*")
_LIST_START = re.compile(r"\s*(?:\d+[.)]|[-+*])(?:\s|$)")


def markup(html_text: str) -> Markup:
    """Mark HTML as safe. Only for HTML built here from escaped or sanitised parts."""
    return Markup(html_text)  # noqa: S704 (the one place; every caller escapes its parts)


def _reference(match: re.Match[str]) -> str:
    return f"&#{ord(match.group())};"


def inline_text(text: str) -> Markup:
    """One line of untrusted text, safe anywhere in a line of Markdown."""
    flat = _WHITESPACE.sub(" ", text)
    return markup(_INLINE_SPECIAL.sub(_reference, flat))


def attribute_text(text: str) -> Markup:
    """Untrusted text for an HTML attribute value or element inside raw HTML."""
    escaped = html.escape(_WHITESPACE.sub(" ", text).strip(), quote=True)
    return markup(escaped.replace("{", "&#123;").replace("}", "&#125;"))


class _SafeTree(Treeprocessor):  # type: ignore[misc]
    """Demotes headings to start at `base_level` and shows images as plain links."""

    base_level = 3

    def run(self, root: ET.Element) -> None:
        levels = [int(el.tag[1]) for el in root.iter() if el.tag in _HEADINGS]
        top = min(levels, default=1)
        for element in root.iter():
            if element.tag in _HEADINGS:
                element.tag = f"h{min(6, self.base_level + int(element.tag[1]) - top)}"
            elif element.tag == "img":
                _image_to_link(element)
            if element.tag == "a" and safe_url(element.get("href", "")) is None:
                # A link nh3 would strip to a bare <a> is shown as its text instead.
                element.tag = "span"
                element.attrib.clear()


def _image_to_link(element: ET.Element) -> None:
    """An image becomes a link to it: no record can load a picture (or a tracking pixel)."""
    source = element.get("src", "")
    label = element.get("alt") or element.get("title") or source
    element.tag = "a"
    element.attrib.clear()
    element.set("href", source)
    element.text = f"Billede: {label}"


class TextRenderer:
    """Renders record Markdown to sanitised HTML, remembering what it has rendered."""

    def __init__(self, *, shortcut: bool = True) -> None:
        self._shortcut = shortcut
        self._markdown = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        # Raw HTML, inline or as a block, is escaped rather than passed through.
        self._markdown.preprocessors.deregister("html_block")
        self._markdown.inlinePatterns.deregister("html")
        self._tree = _SafeTree(self._markdown)
        self._markdown.treeprocessors.register(self._tree, "portfolio_safe_tree", 0)
        self._cleaner = nh3.Cleaner(
            tags=set(_ALLOWED_TAGS),
            clean_content_tags={"script", "style"},
            attributes=_ALLOWED_ATTRIBUTES,
            link_rel=LINK_REL,
            url_schemes=set(ALLOWED_SCHEMES),
            url_relative="deny",
        )
        self._cache: dict[tuple[str, int], Markup] = {}

    def block(self, text: str, heading_level: int = 3) -> Markup:
        """Record Markdown as one safe raw-HTML block, its headings at `heading_level` or below."""
        key = (text, heading_level)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = self._render(text, heading_level)
        return cached

    def _render(self, text: str, heading_level: int) -> Markup:
        stripped = text.removesuffix("\n")
        plain = stripped == stripped.strip() and _PLAIN.fullmatch(stripped)
        if self._shortcut and plain and not _LIST_START.match(stripped):
            rendered = f"<p>{html.escape(stripped, quote=False)}</p>"
        else:
            self._tree.base_level = heading_level
            self._markdown.reset()
            rendered = self._markdown.convert(text)
        clean = self._cleaner.clean(rendered)
        clean = clean.replace("{", "&#123;").replace("}", "&#125;")
        # No blank line may split the block: Markdown would resume parsing after it.
        lines = [line for line in clean.splitlines() if line.strip()]
        return markup('<div class="record-text">\n' + "\n".join(lines) + "\n</div>")


def external_link(url: str, text: str | None = None) -> Markup:
    """An HTML link to an untrusted URL, or the URL as text when it is not allowed."""
    checked = safe_url(url)
    label = attribute_text(text if text is not None else url)
    if checked is None:
        return label
    return markup(f'<a href="{attribute_text(checked)}" rel="{LINK_REL}">{label}</a>')
