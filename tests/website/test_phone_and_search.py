"""The built site on a 390-pixel phone, and the order of search results, in real Chromium.

On a phone nothing may be cut off: whatever is wider than the screen scrolls in its own
box, which a keyboard reaches and which shows that it scrolls; chart text is at least 12
CSS pixels high. Search puts the ideas above tag, list and figure pages for the same word,
with excerpts from the idea's own text, ranks each query once and shows the first result
before it asks for the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route, ViewportSize

from tests.website.browsing import PAGE_KINDS, search_results, serving, wcag_violations
from tests.website.conftest import build_into, check_records
from tests.website.sample import SAMPLE

pytestmark = pytest.mark.browser

PHONE: ViewportSize = {"width": 390, "height": 844}
# Pagefind's module ends in one export list naming `search`: served with that name bound to a
# wrapper that keeps each call's words (null: a search by filter alone) in window.searches.
PAGEFIND_EXPORTS = ("export{", ",search};")
COUNTED_EXPORTS = (
    "var countedSearch=async(term,options)=>{(window.searches=window.searches||[]).push(term);"
    "return search(term,options);};export{",
    ",countedSearch as search};",
)
SCROLL_BOXES = ".table-scroll, .figure-table-wrap, .chart-scroll"
# Elements of the page's content that reach past the right edge of the screen, other than
# those inside a scroll box (which may be wider: the box scrolls).
CUT_OFF = """(boxes) => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("article *")]
        .filter((el) => !el.closest(boxes) && el.getBoundingClientRect().right > width + 0.5)
        .map((el) => el.tagName + "." + el.className);
}"""
# Every scroll box whose content is wider than it: is it focusable, and does it show a cue?
OVERFLOWING = """(boxes) => [...document.querySelectorAll(boxes)]
    .filter((box) => box.scrollWidth > box.clientWidth + 1)
    .map((box) => ({
        focusable: box.tabIndex === 0,
        named: (box.getAttribute("aria-label") || "").length > 0,
        cue: getComputedStyle(box).backgroundImage.includes("radial-gradient"),
    }))"""
CHART_TEXT = """() => [...document.querySelectorAll("svg.chart text")]
    .map((text) => text.getBoundingClientRect().height)"""
# Pages of PAGE_KINDS that show charts: the front page, the figures and an idea's own.
CHARTED = {PAGE_KINDS["forside"], PAGE_KINDS["tal"], PAGE_KINDS["idé"]}


def _phone(browser: Browser, url: str) -> Page:
    page = browser.new_context(viewport=PHONE).new_page()
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.status == 200
    return page


@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_a_phone_shows_every_page_kind_whole(browser: Browser, site_url: str, path: str) -> None:
    page = _phone(browser, site_url + path)
    assert page.evaluate(CUT_OFF, SCROLL_BOXES) == []
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    for box in page.evaluate(OVERFLOWING, SCROLL_BOXES):
        assert box == {"focusable": True, "named": True, "cue": True}
    heights = page.evaluate(CHART_TEXT)
    assert all(height >= 12 for height in heights), heights
    assert heights or path not in CHARTED, path  # the check has text to measure there
    assert [v["id"] for v in wcag_violations(page)] == []
    page.context.close()


def test_a_wide_table_scrolls_in_its_box_by_keyboard(browser: Browser, site_url: str) -> None:
    page = _phone(browser, site_url + "investeringstrin/")
    wide = page.locator(".table-scroll").filter(has=page.locator("th", has_text="Bevilget"))
    box = next(b for b in wide.all() if b.evaluate("(el) => el.scrollWidth > el.clientWidth + 1"))
    assert box.evaluate("(el) => el.scrollLeft") == 0
    box.focus()
    for _ in range(20):
        page.keyboard.press("ArrowRight")
    # The theme may scroll smoothly: wait until the box has scrolled to its end (at most 30 s,
    # so that a loaded machine is no failure).
    page.wait_for_function(
        "(el) => el.scrollLeft + el.clientWidth >= el.scrollWidth - 1",
        arg=box.element_handle(),
        timeout=30_000,
    )
    assert box.evaluate("(el) => el.scrollLeft") > 0
    # The last column, "Bevilget", comes into view inside the box.
    cell = box.locator("th", has_text="Bevilget")
    inside = cell.evaluate(
        "(th) => { const b = th.closest('.table-scroll').getBoundingClientRect();"
        " const r = th.getBoundingClientRect(); return r.right <= b.right + 1; }"
    )
    assert inside
    page.context.close()


def _school_records() -> dict[str, Any]:
    """The sample, with 'skole' in idea texts, in tags and so on tag and list pages."""
    luft = "ideas/renere-luft/idea.yaml"
    sol = "ideas/solceller-paa-taget/idea.yaml"
    return {
        **SAMPLE,
        luft: {
            **SAMPLE[luft],
            "tags": ["skoler", "skoleveje"],
            "summary": "Sensorer måler luften i skolegårdene ved byens skoler.",
        },
        sol: {
            **SAMPLE[sol],
            "tags": ["skolestart"],
            "problem": "Skolerne betaler meget for strøm om sommeren.",
        },
    }


@pytest.fixture(scope="module")
def school_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    checked, settings = check_records(tmp_path_factory.mktemp("skoler"), _school_records())
    site = build_into(checked, settings, tmp_path_factory.mktemp("skole-site"))
    with serving(site) as url:
        yield url


def _search(
    browser: Browser, url: str, query: str, page: Page | None = None
) -> tuple[Page, list[str], list[str]]:
    page = page or browser.new_context().new_page()
    page.goto(f"{url}soeg/?q={query}", wait_until="networkidle")
    items = search_results(page)
    links = [(item.locator("h2 a").get_attribute("href") or "").replace(url, "/") for item in items]
    excerpts = [item.locator(".search-page__excerpt").inner_text() for item in items]
    return page, links, excerpts


def test_search_puts_the_ideas_first_with_their_own_text(
    browser: Browser, school_site: str
) -> None:
    page, links, excerpts = _search(browser, school_site, "skole")
    kinds = ["idea" if link.startswith("/ideer/") else "other" for link in links]
    assert kinds.count("idea") == 2  # renere-luft and solceller-paa-taget
    assert kinds == sorted(kinds)  # every idea before every other page
    assert "/emner/skoler/" in links  # the tag pages are still found, after the ideas
    for excerpt in excerpts[:2]:
        assert "Idé Tema Indsendt" not in excerpt and "Læs op" not in excerpt
    assert "skolegårdene" in excerpts[links.index("/ideer/renere-luft/")]
    assert "Skolerne betaler" in excerpts[links.index("/ideer/solceller-paa-taget/")]
    page.context.close()


def _count_searches(route: Route) -> None:
    response = route.fetch()
    body = response.text()
    for plain, counted in zip(PAGEFIND_EXPORTS, COUNTED_EXPORTS, strict=True):
        assert body.count(plain) == 1, f"Pagefind's module no longer ends in {plain!r}"
        body = body.replace(plain, counted)
    route.fulfill(response=response, body=body)


def test_each_search_ranks_its_words_once(browser: Browser, school_site: str) -> None:
    """Ranking is the costly step (a word in every idea ranks every page): ideas come first
    without a second ranking, from the pages that are not ideas, asked once a visit."""
    context = browser.new_context()
    context.route("**/pagefind/pagefind.js", _count_searches)
    page = context.new_page()
    page.goto(f"{school_site}soeg/?q=skole", wait_until="networkidle")
    page.locator("#search-status", has_text="resultater for »skole«").wait_for(timeout=15_000)
    page.locator("#search-query").fill("luften")
    page.locator("#search-query").press("Enter")
    page.locator("#search-status", has_text="for »luften«").wait_for(timeout=15_000)
    first = page.locator("#search-results a").first.get_attribute("href") or ""
    assert first == f"{school_site}ideer/renere-luft/"
    assert page.evaluate("window.searches") == ["skole", None, "luften"]
    context.close()


def test_the_first_result_is_asked_for_alone_and_shown_first(
    browser: Browser, school_site: str
) -> None:
    """The first result's text is fetched and shown before the rest of the page of results
    is asked for, so their answers do not hold it up."""
    page = browser.new_context().new_page()
    events: list[tuple[str, str]] = []
    fragment = "/pagefind/fragment/"
    page.on("request", lambda r: events.append(("asked", r.url)) if fragment in r.url else None)
    page.on(
        "requestfinished",
        lambda r: events.append(("arrived", r.url)) if fragment in r.url else None,
    )
    page, links, _ = _search(browser, school_site, "skole", page)
    asked = [url for event, url in events if event == "asked"]
    assert len(asked) == len(links) > 1  # one fragment a result, each asked for once
    assert events[:3] == [("asked", asked[0]), ("arrived", asked[0]), ("asked", asked[1])]
    page.context.close()
