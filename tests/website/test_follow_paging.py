"""No endless pages: at 1,000 synthetic ideas no built page lists more than 200 ideas, long
lists are split into pages linked by plain links, and every idea is reachable by following
links from the front page of the built HTML (no JavaScript)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from bench.synthetic import write_portfolio
from generator.pipeline import check_portfolio
from generator.render.paging import PAGE_SIZE
from generator.settings import Settings
from tests.website.conftest import build_into

pytestmark = pytest.mark.slow

IDEAS = 1000
HOST = "https://site.test/"
IDEA_LINK = re.compile(r'href="([^"]*ideer/[^"/]+/)(?:#[^"]*)?"')


def _skewed(records: Path) -> None:
    """Crowd the synthetic portfolio so one status, one theme and one tag outgrow a page:
    the ideas that were screened but got no step wait again, two thirds move to 'klima',
    every other idea gets the tag 'data'."""
    for index, folder in enumerate(sorted((records / "ideas").iterdir())):
        if index % 8 in (1, 2):  # the pitch and rejected journeys: screening only
            shutil.rmtree(folder / "decisions")
        card = folder / "idea.yaml"
        text = card.read_text("utf-8")
        if index % 3:
            text = re.sub(r"^theme: .*$", "theme: klima", text, flags=re.MULTILINE)
        if index % 2 == 0:
            text = re.sub(r"^tags: .*$", "tags: [data]", text, flags=re.MULTILINE)
        card.write_text(text, "utf-8")


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("big")
    records = write_portfolio(root, IDEAS)
    _skewed(records)
    settings = Settings(records_dir=records, today="2030-01-01")
    checked = check_portfolio(settings)
    assert not checked.failed
    return build_into(checked, settings, root / "site")


def _article(html: str) -> str:
    start = html.index("<article")
    return html[start : html.index("</article>", start)]


def _file_of(site: Path, url: str) -> Path | None:
    """The built file of a link on this site, or None for other hosts and mail links."""
    if not url.startswith(HOST):
        return None
    path = urlsplit(url).path.removeprefix("/")
    return site / path / "index.html" if path.endswith("/") or not path else site / path


def _links(site: Path, page: Path) -> list[Path]:
    html = page.read_text("utf-8")
    base = HOST + page.relative_to(site).as_posix()
    found = (_file_of(site, urljoin(base, href)) for href in re.findall(r'href="([^"]+)"', html))
    return [f for f in found if f is not None and f.suffix == ".html"]


def test_no_page_lists_more_than_200_ideas(big_site: Path) -> None:
    counts = {}
    for page in big_site.rglob("*.html"):
        html = page.read_text("utf-8")
        if "<article" in html:
            counts[page.relative_to(big_site).as_posix()] = len(
                set(IDEA_LINK.findall(_article(html)))
            )
    assert max(counts.values()) <= PAGE_SIZE
    # The crowded lists are split, and their pages are full up to the last.
    assert counts["investeringstrin/indsendt/index.html"] == PAGE_SIZE
    assert counts["temaer/klima/side-2/index.html"] == PAGE_SIZE
    cards = (big_site.parent / "records" / "ideas").glob("*/idea.yaml")
    tagged = sum(1 for card in cards if "tags: [data]" in card.read_text("utf-8"))
    assert tagged > 2 * PAGE_SIZE
    assert counts["emner/data/side-3/index.html"] == tagged - 2 * PAGE_SIZE
    assert not (big_site / "emner/data/side-4").exists()


def test_every_idea_is_reachable_by_links_from_the_front_page(big_site: Path) -> None:
    seen = {big_site / "index.html"}
    queue = [big_site / "index.html"]
    while queue:
        for target in _links(big_site, queue.pop()):
            if target not in seen and target.is_file():
                seen.add(target)
                queue.append(target)
    ideas = {p.parent.name for p in seen if p.parent.parent == big_site / "ideer"}
    assert len(ideas) == IDEAS
    assert ideas == {p.name for p in (big_site / "ideer").iterdir()}


@pytest.mark.parametrize(
    ("first", "pages"),
    [("investeringstrin/indsendt/", 2), ("temaer/klima/", 4), ("emner/data/", 3)],
)
def test_pages_of_a_list_link_previous_next_and_every_number(
    big_site: Path, first: str, pages: int
) -> None:
    addresses = [first] + [f"{first}side-{n}/" for n in range(2, pages + 1)]
    for number, address in enumerate(addresses, start=1):
        html = _article((big_site / address / "index.html").read_text("utf-8"))
        links = {(urlsplit(urljoin(HOST + address, h)).path, text) for h, text in
                 re.findall(r'<a href="([^"]+)">([^<]+)</a>', html)}  # fmt: skip
        others = {("/" + a, str(n)) for n, a in enumerate(addresses, start=1) if n != number}
        assert others <= links
        assert f"Side {number} af {pages}" in html
        assert ("/" + address, str(number)) not in links  # the page itself: bold, not a link
        if number > 1:
            assert ("/" + addresses[number - 2], "← Forrige side") in links
        if number < pages:
            assert ("/" + addresses[number], "Næste side →") in links
