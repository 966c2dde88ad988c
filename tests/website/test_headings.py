"""Every page of the built site keeps the headings its Markdown wrote, and no table swallows one.

A line right after a Markdown table is read as one more row of it: a heading written there
turns into a table cell, and the page, its table of contents and search lose the section.
The headings of each page's Markdown (`#` lines and the raw HTML headings of record text)
are compared with the h1-h6 of the built page's content, level and text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import markdown  # type: ignore[import-untyped]
import pytest

from generator.pipeline import Checked
from generator.settings import Settings
from generator.site.build import build_site
from tests.conftest import REPO
from tests.website.conftest import check_records
from tests.website.sample import EVERY_STATUS

Heading = tuple[int, str]

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_RAW_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.DOTALL | re.IGNORECASE)
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_TAG = re.compile(r"<[^>]*>")


def _plain(text: str) -> str:
    return " ".join(text.split())


def _inline_text(markdown_text: str) -> str:
    """The text a heading's inline Markdown shows: rendered as a heading alone, tags dropped."""
    rendered = markdown.markdown(f"# {markdown_text}")
    return _plain(html.unescape(_TAG.sub("", rendered)))


def markdown_headings(page: str) -> list[Heading]:
    """The headings a Markdown page writes, in order: `#` lines and raw HTML h1-h6."""
    if page.startswith("---\n"):
        page = page[page.index("\n---\n", 3) + 5 :]
    found: list[tuple[int, int, str]] = []
    offset, fenced = 0, False
    for line in page.splitlines(keepends=True):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and (atx := _ATX.match(line.rstrip("\n"))):
            found.append((offset, len(atx.group(1)), _inline_text(atx.group(2) or "")))
        offset += len(line)
    for raw in _RAW_HEADING.finditer(page):
        text = _plain(html.unescape(_TAG.sub("", raw.group(2))))
        found.append((raw.start(), int(raw.group(1)), text))
    return [(level, text) for _, level, text in sorted(found)]


class _ContentReader(HTMLParser):
    """The headings and table cells of a built page's main content (the article)."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[Heading] = []
        self.cells: list[str] = []
        self._articles = 0
        self._heading: tuple[int, list[str]] | None = None
        self._cell: list[str] | None = None
        self._in_permalink = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "article" and (self._articles or "md-content__inner" in classes):
            self._articles += 1
        if not self._articles:
            return
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = (int(tag[1]), [])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "a" and "headerlink" in classes:
            self._in_permalink = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._articles:
            self._articles -= 1
        elif tag == "a":
            self._in_permalink = False
        elif self._heading and tag == f"h{self._heading[0]}":
            self.headings.append((self._heading[0], _plain("".join(self._heading[1]))))
            self._heading = None
        elif self._cell is not None and tag in ("td", "th"):
            self.cells.append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._heading and not self._in_permalink:
            self._heading[1].append(data)
        if self._cell is not None:
            self._cell.append(data)


def read_content(page_html: str) -> _ContentReader:
    reader = _ContentReader()
    reader.feed(page_html)
    reader.close()
    return reader


def built_file(site: Path, source: str) -> Path:
    """The HTML file a Markdown page becomes (directory URLs)."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / f"{stem}.html"
    return site / stem / "index.html"


def site_pages(site: Path, generated: dict[str, str]) -> Iterator[tuple[str, str, Path]]:
    """Every page of a built site: its source path, its Markdown and its HTML file."""
    written = {
        path.relative_to(REPO / "docs").as_posix(): path.read_text("utf-8")
        for path in (REPO / "docs").rglob("*.md")
    }
    for source, page in sorted({**written, **generated}.items()):
        yield source, page, built_file(site, source)


def _built(checked: Checked, settings: Settings, site_dir: Path) -> tuple[Path, dict[str, str]]:
    content = build_site(checked, settings, REPO / "mkdocs.yml", site_dir)
    return site_dir, dict(content.pages)


@pytest.fixture(scope="module", params=["fjendtlig", "alle-statusser"])
def built(
    request: pytest.FixtureRequest,
    hostile: tuple[Checked, Settings],
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, str]]:
    """The sample with hostile records, and the sample with an idea in every status, built."""
    if request.param == "fjendtlig":
        checked, settings = hostile
    else:
        checked, settings = check_records(tmp_path_factory.mktemp("statuses"), EVERY_STATUS)
    return _built(checked, settings, tmp_path_factory.mktemp("site"))


def test_every_page_shows_exactly_the_headings_of_its_markdown(
    built: tuple[Path, dict[str, str]],
) -> None:
    site, generated = built
    checked = 0
    for source, page, html_file in site_pages(site, generated):
        expected = markdown_headings(page)
        assert expected, source
        assert read_content(html_file.read_text("utf-8")).headings == expected, source
        checked += 1
    assert checked > len(generated)  # the hand-written pages are checked as well


def test_no_table_cell_starts_with_a_heading_mark(built: tuple[Path, dict[str, str]]) -> None:
    site, generated = built
    for source, _, html_file in site_pages(site, generated):
        cells = read_content(html_file.read_text("utf-8")).cells
        assert [cell for cell in cells if cell.startswith("#")] == [], source


def test_the_ladder_page_has_a_section_for_every_status(
    built: tuple[Path, dict[str, str]],
) -> None:
    site, _ = built
    headings = read_content((site / "investeringstrin/index.html").read_text("utf-8")).headings
    sections = [text for level, text in headings if level == 2]
    for status in ("Indsendt", "Inviteret til pitch", "Investeringstrin 2", "Lukket"):
        assert any(section.startswith(f"{status} (") for section in sections), status


def test_markdown_headings_are_read_from_lines_and_raw_html() -> None:
    page = (
        '---\ntitle: "x"\n---\n\n# Titel &#58; ja\n\n| a |\n| --- |\n| b |\n## Efter\n\n'
        "```\n# kode\n```\n\n### 2. marts: *Screening*\n\n<div><h4>Fra <em>posten</em></h4></div>\n"
    )
    assert markdown_headings(page) == [
        (1, "Titel : ja"),
        (2, "Efter"),
        (3, "2. marts: Screening"),
        (4, "Fra posten"),
    ]
