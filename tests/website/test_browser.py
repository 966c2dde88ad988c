"""The built site in real headless Chromium, served on 127.0.0.1: every page kind loads
cleanly, Danish search finds the right idea, axe-core finds no WCAG 2.1 A/AA violation,
no request leaves the machine, and hostile records run nothing."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Dialog,
    Page,
    Route,
)

from tests.conftest import REPO
from tests.sample_records import write_records
from tests.website.browsing import PAGE_KINDS, listening_port, result_links, wcag_violations
from tests.website.sample import SAMPLE, TODAY

pytestmark = pytest.mark.browser

# What the site's Content-Security-Policy must allow for the search: Pagefind compiles
# its WebAssembly ('wasm-unsafe-eval'); everything else comes from the site itself.
SEARCH_CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'"
)
KLIMA_IDEAS = ("fjendtlig-tekst", "renere-luft", "solceller-paa-taget")
RECORD_VIOLATIONS = """
window.violations = [];
document.addEventListener("securitypolicyviolation", (event) => window.violations.push(
    {directive: event.effectiveDirective, blocked: event.blockedURI}));
"""


@dataclass
class Watch:
    """What a page did while it was open."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)


def _open(
    browser: Browser, site_url: str, csp: str | None = None, **context: Any
) -> tuple[Page, Watch]:
    watch = Watch()
    page = browser.new_context(**context).new_page()

    def route(request_route: Route) -> None:
        url = request_route.request.url
        if url.startswith(site_url) and csp is not None:
            response = request_route.fetch()
            headers = {**response.headers, "content-security-policy": csp}
            request_route.fulfill(response=response, headers=headers)
        elif url.startswith(site_url):
            request_route.continue_()
        else:
            watch.foreign.append(url)
            request_route.abort()

    page.route("**/*", route)

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            watch.errors.append(message.text)

    def dialog(opened: Dialog) -> None:
        watch.dialogs.append(opened.message)
        opened.dismiss()

    page.on("console", console)
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    page.on("dialog", dialog)
    return page, watch


@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_every_page_kind_loads_cleanly_and_meets_wcag_21_aa(
    browser: Browser, site_url: str, path: str
) -> None:
    page, watch = _open(browser, site_url)
    response = page.goto(site_url + path, wait_until="networkidle")
    assert response is not None and response.status == 200
    assert page.locator("h1").count() == 1
    violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in wcag_violations(page)]
    assert violations == []
    assert watch.errors == [] and watch.dialogs == [] and watch.foreign == []
    page.context.close()


def test_danish_search_finds_the_idea_by_another_form_of_a_word(
    browser: Browser, site_url: str
) -> None:
    """From the header's search box on any page, under a CSP that allows only the site."""
    page, watch = _open(browser, site_url, csp=SEARCH_CSP)
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(site_url + "temaer/klima/", wait_until="networkidle")
    # The idea says "En digital tavle"; the definite form finds it through Danish stemming.
    page.locator("header input[type=search]").fill("tavlen")
    page.locator("header input[type=search]").press("Enter")
    page.wait_for_url("**/soeg/?q=tavlen")
    links = result_links(page)
    assert links[0] == site_url + "ideer/digital-nabohjaelp/"
    first = page.locator("#search-results > li").first
    # The idea is a fictional example: its result says so, beside its title.
    assert first.locator("h2 a").inner_text() == "Digital nabohjælp"
    assert first.locator("h2 .example-label").inner_text() == "Eksempel"
    facts = first.locator(".search-page__facts").inner_text()
    assert (
        facts == "Tema: Samskabelse og frivillighed · Status: Investeringstrin 2 · Indsendt: 2020"
    )
    assert first.locator("mark").first.inner_text().lower().startswith("tavle")
    # Only the theme's own inline scripts may trip this CSP: no file, eval or WebAssembly.
    violations = page.evaluate("window.violations")
    assert [v for v in violations if v["blocked"] != "inline"] == []
    inline = [e for e in watch.errors if "Content Security Policy" in e and "inline" in e]
    assert [e for e in watch.errors if e not in inline] == []
    assert watch.foreign == [] and watch.dialogs == []
    page.context.close()


def test_search_filters_by_theme_status_and_year(browser: Browser, site_url: str) -> None:
    page, watch = _open(browser, site_url)
    page.goto(site_url + "soeg/?tema=Klima", wait_until="networkidle")
    klima = sorted(result_links(page))
    assert klima == [site_url + f"ideer/{idea}/" for idea in KLIMA_IDEAS]
    # The hostile idea's title and text are shown in the results as text, and run nothing.
    assert page.locator("#search-results :is(script, img, iframe, style)").count() == 0
    assert page.locator("#search-results h2", has_text="<script>").count() == 1
    page.locator("#search-filter-status").select_option("Lukket")
    page.locator("#search-status", has_text="1 resultat").wait_for(timeout=15_000)
    assert result_links(page) == [site_url + "ideer/renere-luft/"]
    assert "status=Lukket" in page.url  # a search can be shared and bookmarked
    page.locator("#search-filter-status").select_option("")
    page.locator("#search-filter-aar").select_option("2022")
    page.locator("#search-status", has_text="1 resultat").wait_for(timeout=15_000)
    assert result_links(page) == [site_url + "ideer/solceller-paa-taget/"]
    assert watch.errors == [] and watch.foreign == [] and watch.dialogs == []
    page.context.close()


def test_search_needs_webassembly_allowed_by_the_csp(browser: Browser, site_url: str) -> None:
    """What the site's CSP must say for search: without 'wasm-unsafe-eval' it cannot run."""
    strict = SEARCH_CSP.replace(" 'wasm-unsafe-eval'", "")
    page, _ = _open(browser, site_url, csp=strict)
    page.goto(site_url + "soeg/?q=tavlen", wait_until="networkidle")
    page.locator("#search-status", has_text="kunne ikke").wait_for(timeout=15_000)
    assert page.locator("#search-results li").count() == 0
    page.context.close()


def test_without_javascript_the_search_box_leads_to_a_page_that_says_how_to_browse(
    browser: Browser, site_url: str
) -> None:
    page, watch = _open(browser, site_url, java_script_enabled=False)
    page.goto(site_url + "ideer/renere-luft/")
    page.locator("header input[type=search]").fill("luft")
    page.locator("header button[type=submit]").click()
    page.wait_for_url("**/soeg/?q=luft")
    text = page.locator("article").inner_text()
    assert "Søgningen kræver JavaScript" in text
    assert page.locator("article a", has_text="Investeringstrin").count() == 1
    assert watch.foreign == []
    page.context.close()


def test_hostile_records_run_nothing_and_load_nothing(browser: Browser, site_url: str) -> None:
    page, watch = _open(browser, site_url)
    for path in ("ideer/fjendtlig-tekst/", "temaer/klima/", "investeringstrin/", "data/"):
        page.goto(site_url + path, wait_until="networkidle")
        for link in page.locator("article a").all():
            link.hover()
        handlers = page.evaluate(
            """() => [...document.querySelectorAll('*')].flatMap(el =>
                [...el.attributes].filter(a => a.name.startsWith('on')).map(a => a.name))"""
        )
        assert handlers == []
        bad = page.locator(
            "article :is(script, iframe, form, object, embed, img, style, svg[onload]), "
            "a[href^='javascript:' i], a[href^='data:' i]"
        )
        assert bad.count() == 0
    page.goto(site_url + "ideer/fjendtlig-tekst/")
    assert page.title().startswith("</title><script>alert('title')</script>")
    assert watch.dialogs == [] and watch.foreign == [] and watch.errors == []
    page.context.close()


def test_pages_read_without_javascript(browser: Browser, site_url: str) -> None:
    page, _ = _open(browser, site_url, java_script_enabled=False)
    page.goto(site_url + "ideer/digital-nabohjaelp/")
    assert page.locator("h1").inner_text().removesuffix("¶") == "Digital nabohjælp"
    assert page.locator("table").count() >= 1
    assert page.locator("nav a", has_text="Klima").count() >= 1
    page.context.close()


@pytest.mark.slow
def test_a_saved_record_shows_up_in_the_open_preview(browser: Browser, tmp_path: Path) -> None:
    records = write_records(tmp_path, SAMPLE)
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--records", str(records), "--today", TODAY,
         "--dev-addr", "127.0.0.1:0", "--config-file", str(REPO / "mkdocs.yml")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        # The preview bound port 0 itself: once it listens, it answers.
        base = f"http://127.0.0.1:{listening_port(server)}/"
        page, watch = _open(browser, base)
        page.goto(base + "ideer/renere-luft/")
        # Until it is built, the page says so in Danish and reloads itself: no navigation.
        page.locator("h1", has_text="Renere luft ved skolerne").wait_for(timeout=60_000)
        card = records / "ideas" / "renere-luft" / "idea.yaml"
        card.write_text(card.read_text("utf-8").replace("Renere luft", "Frisk luft"), "utf-8")
        # The page reloads by itself (live reload): no navigation by the test.
        page.locator("h1", has_text="Frisk luft ved skolerne").wait_for(timeout=60_000)
        assert watch.foreign == [] and watch.dialogs == []
        page.context.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_search_page_and_its_filters_fit_a_320_pixel_screen(
    browser: Browser, site_url: str
) -> None:
    # WCAG 1.4.10 (reflow): no sideways scrolling at 320 CSS pixels, filter lists included.
    page, watch = _open(browser, site_url, viewport={"width": 320, "height": 640})
    page.goto(site_url + "soeg/?q=borgerne", wait_until="networkidle")
    page.locator("#search-filter-tema").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert watch.errors == [] and watch.foreign == []
    page.context.close()
