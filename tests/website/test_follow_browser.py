"""The "Læs op" button in headless Chromium. Headless Chromium has no voices of its own, so
the page gets a stand-in speech synthesis before it loads: a Danish voice (or an English
one), and a speak() that records what it is given. The button must appear only with a
Danish voice, work from the keyboard, speak the page's main text, stop, pass axe, and
work under a CSP that allows scripts from the site's own files only."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, Route

from tests.website.browsing import wcag_violations
from tests.website.test_browser import Watch, _open

pytestmark = pytest.mark.browser

IDEA = "ideer/digital-nabohjaelp/"
STAND_IN = """
(() => {
  const voices = [{name: "Stand-in", lang: "%s", voiceURI: "stand-in", localService: true,
                   default: true}];
  window.__spoken = [];
  window.__cancelled = 0;
  window.__utterances = [];
  window.SpeechSynthesisUtterance = class {
    constructor(text) { this.text = text; this.voice = null; this.lang = ""; }
  };
  const synth = window.speechSynthesis;
  synth.getVoices = () => voices;
  synth.speak = (utterance) => {
    window.__spoken.push([utterance.text, utterance.lang]);
    window.__utterances.push(utterance);
  };
  synth.cancel = () => { window.__cancelled += 1; };
})();
"""


def _with_voice(browser: Browser, site_url: str, lang: str | None) -> tuple[Page, Watch]:
    page, watch = _open(browser, site_url)
    if lang is not None:
        page.add_init_script(STAND_IN % lang)
    return page, watch


def _tab_to(page: Page, selector: str, presses: int = 60) -> None:
    """Press Tab until the element has the keyboard focus."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_the_button_reads_the_main_text_in_danish_and_stops(
    browser: Browser, site_url: str
) -> None:
    page, watch = _with_voice(browser, site_url, "da-DK")
    page.goto(site_url + IDEA, wait_until="networkidle")
    button = page.locator("button.laes-op")
    assert button.is_visible() and button.inner_text() == "Læs op"
    _tab_to(page, "button.laes-op")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    page.keyboard.press("Enter")
    spoken = page.evaluate("window.__spoken")
    texts = [text for text, _ in spoken]
    assert texts[0] == "Digital nabohjælp"  # the heading, without its ¶ link
    assert "En digital tavle, hvor ældre kan bede naboer om hjælp til små opgaver." in texts
    assert {lang for _, lang in spoken} == {"da-DK"}
    assert not any("Læs op" in t or "¶" in t or t == "Innovationsmotoren" for t in texts)
    assert button.inner_text() == "Stop oplæsning"
    page.keyboard.press("Space")  # the button still has the focus
    assert button.inner_text() == "Læs op"
    assert page.evaluate("window.__cancelled") >= 2  # before reading, and to stop
    page.keyboard.press("Enter")
    assert button.inner_text() == "Stop oplæsning"
    page.evaluate("window.__utterances.at(-1).onend()")  # the last piece has been read
    assert button.inner_text() == "Læs op"
    assert watch.errors == [] and watch.foreign == []
    page.context.close()


@pytest.mark.parametrize("lang", [None, "en-US"], ids=["no voices", "English voice only"])
def test_without_a_danish_voice_there_is_no_button(
    browser: Browser, site_url: str, lang: str | None
) -> None:
    page, watch = _with_voice(browser, site_url, lang)
    page.goto(site_url + IDEA, wait_until="networkidle")
    button = page.locator("button.laes-op")
    assert button.count() == 1 and not button.is_visible()
    assert watch.errors == []
    page.context.close()


@pytest.mark.parametrize(
    "path", ["", IDEA, "temaer/klima/", "emner/", "emner/frivillighed/", "data/"]
)
def test_pages_with_the_button_meet_wcag_21_aa(browser: Browser, site_url: str, path: str) -> None:
    page, watch = _with_voice(browser, site_url, "da-DK")
    page.goto(site_url + path, wait_until="networkidle")
    assert page.locator("button.laes-op").is_visible()
    assert [v["id"] for v in wcag_violations(page)] == []
    assert watch.errors == [] and watch.foreign == []
    page.context.close()


def test_the_button_works_under_a_strict_csp(browser: Browser, site_url: str) -> None:
    page, _ = _with_voice(browser, site_url, "da-DK")
    policy = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'"

    def with_policy(route: Route) -> None:
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": policy}
        route.fulfill(response=response, headers=headers)

    page.route(site_url + IDEA, with_policy)
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "laes-op" in m.text else None)
    page.goto(site_url + IDEA, wait_until="networkidle")
    page.locator("button.laes-op").click()
    assert page.evaluate("window.__spoken.length") > 5
    assert violations == []
    page.context.close()
