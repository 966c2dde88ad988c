"""The Content-Security-Policy of every page, in real headless Chromium.

No page kind reports a violation (console "Refused to …" messages and
`securitypolicyviolation` events), the site search works under it, and a script and an
event handler written into a built page do not run: the same page without the policy
runs both, so the test sees a script that runs.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page

from tests.conftest import REPO
from tests.website.browsing import PAGE_KINDS as ALL_PAGE_KINDS
from tests.website.browsing import serving

pytestmark = pytest.mark.browser

PAGE_KINDS = {**ALL_PAGE_KINDS, "ikke fundet": "404.html"}
INJECTED = '<script>window.__script=1</script><img src="x" onerror="window.__handler=1">'
# Collects the policy's violation events from the first moment of every page.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


def _open(browser: Browser) -> tuple[Page, list[str]]:
    """A new page that records every message about the policy."""
    page = browser.new_context().new_page()
    refused: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if "Refused to" in message.text or "Content Security Policy" in message.text:
            refused.append(message.text)

    page.on("console", console)
    page.add_init_script(WATCH_VIOLATIONS)
    return page, refused


def _violations(page: Page) -> list[str]:
    return list(page.evaluate("window.__violations"))


def _policy(page: Page) -> str:
    meta = page.locator('meta[http-equiv="Content-Security-Policy"]')
    assert meta.count() == 1
    return str(meta.get_attribute("content"))


def _directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_every_built_page_carries_the_policy(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    policies = set()
    for html_file in pages:
        found = re.findall(
            r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">',
            html_file.read_text("utf-8"),
        )
        assert len(found) == 1, html_file
        policies.add(found[0])
    assert len(pages) > 10 and len(policies) == 1
    directives = _directives(policies.pop())
    assert directives == {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }


@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_no_page_kind_violates_the_policy(browser: Browser, site_url: str, path: str) -> None:
    page, refused = _open(browser)
    page.goto(site_url + path, wait_until="networkidle")
    policy = _policy(page)
    assert "script-src 'self' 'wasm-unsafe-eval';" in policy
    assert page.evaluate("typeof __md_get") == "function"  # Material's moved script ran
    assert refused == [] and _violations(page) == []
    page.context.close()


def test_search_works_under_the_policy(browser: Browser, site_url: str) -> None:
    """Pagefind compiles its WebAssembly and fetches its index under the page's own policy."""
    page, refused = _open(browser)
    page.goto(site_url, wait_until="networkidle")
    page.locator("header input[type=search]").fill("tavlen")
    page.locator("header input[type=search]").press("Enter")
    page.wait_for_url("**/soeg/?q=tavlen")
    first = page.locator("#search-results > li h2").first
    first.wait_for(state="visible", timeout=30_000)
    assert first.locator("a").inner_text() == "Digital nabohjælp"
    assert refused == [] and _violations(page) == []
    page.context.close()


def _injected_site(hostile_site: Path, folder: Path, *, policy: bool) -> Path:
    """A copy of the built site whose idea page has a script and an event handler written in."""
    site = folder / "site"
    shutil.copytree(hostile_site, site)
    target = site / "ideer/digital-nabohjaelp/index.html"
    page = target.read_text("utf-8")
    if not policy:
        page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    marker = '<article class="md-content__inner md-typeset">'
    assert marker in page
    target.write_text(page.replace(marker, marker + INJECTED, 1), "utf-8")
    return site


@pytest.mark.parametrize("policy", [True, False], ids=["med politik", "uden politik"])
def test_a_script_written_into_a_page_does_not_run(
    browser: Browser, hostile_site: Path, tmp_path: Path, policy: bool
) -> None:
    with serving(_injected_site(hostile_site, tmp_path, policy=policy)) as url:
        page, refused = _open(browser)
        page.goto(url + "ideer/digital-nabohjaelp/", wait_until="networkidle")
        ran = page.evaluate("[window.__script === 1, window.__handler === 1]")
        violations = _violations(page)
        page.context.close()
    if policy:
        assert ran == [False, False]
        assert sorted(v.split()[0] for v in violations) == ["script-src-attr", "script-src-elem"]
        assert len(refused) == 2
    else:
        assert ran == [True, True] and violations == []  # what the policy stops, runs without it


def _inline_scripts(partial: str) -> list[str]:
    material = Path(importlib.util.find_spec("material").origin or "").parent  # type: ignore[union-attr]
    text = (material / "templates/partials/javascripts" / partial).read_text("utf-8")
    return re.findall(r"<script>(.*?)</script>", text)


def _moved(name: str) -> str:
    lines = (REPO / "docs/assets/javascripts" / name).read_text("utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("//"))


def test_the_moved_scripts_are_materials_own() -> None:
    """A Material release that changes its inline scripts makes the moved copies fail here."""
    (head,) = _inline_scripts("base.html")
    scope = 'new URL("{{ config.extra.scope | d(base_url) }}",location)'
    assert scope in head
    assert _moved("material-scope.js") == head.replace(
        scope, 'new URL("../..",document.currentScript.src)'
    )
    assert _moved("material-content.js") == _inline_scripts("content.html")[-1]
    for partial, name in (
        ("base.html", "material-scope.js"),
        ("content.html", "material-content.js"),
    ):
        override = (REPO / "overrides/partials/javascripts" / partial).read_text("utf-8")
        assert f"'assets/javascripts/{name}' | url" in override
        assert "<script>" not in override
