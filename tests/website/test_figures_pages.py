"""The figures pages (/tal/, /tal/<theme-id>/), /laering/ and /data/noegletal.json: rendered
from the sample records, then in real headless Chromium against the built site."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from generator.kinds import ThemeKind
from generator.pipeline import Checked
from generator.render import SiteContent, render_site
from generator.render.learning_pages import learning_pages
from generator.render.views import themes_of_kind
from generator.settings import Settings
from tests.website.sample import TODAY


@pytest.fixture(scope="module")
def content(sample: tuple[Checked, Settings]) -> SiteContent:
    return render_site(sample[0].portfolio, {}, today=TODAY)


@pytest.fixture(scope="module")
def hostile_pages(hostile: tuple[Checked, Settings]) -> SiteContent:
    return render_site(hostile[0].portfolio, {}, today=TODAY)


def test_noegletal_json_is_published_with_the_site(content: SiteContent) -> None:
    figures = json.loads(content.files["data/noegletal.json"])
    assert figures["as_of"] == TODAY
    assert figures["funnel"] == {
        "submitted": 3, "fit": 2, "step-1": 2, "step-2": 1, "step-3": 0,
        "graduated": 0, "closed": 1, "rejected": 0,
    }  # fmt: skip
    assert list(figures) == [
        "as_of", "ideas", "funnel", "lead_times", "lead_times_by_theme", "lead_times_by_year",
        "kill", "granted", "tests", "waiting", "departments", "examples", "signals",
    ]  # fmt: skip


def test_every_chart_has_a_title_a_description_and_a_table(content: SiteContent) -> None:
    page = content.pages["tal/index.md"]
    charts = re.findall(r"<svg .*?</svg>", page, flags=re.S)
    assert len(charts) >= 9
    for chart in charts:
        assert 'role="img"' in chart and "<title id=" in chart and "<desc id=" in chart
    pairs = page.count('<div class="figure-pair')
    assert pairs == page.count('<table class="figure-table">') and pairs >= 8


def test_the_numbers_of_the_figures_are_on_the_page(content: SiteContent) -> None:
    page = content.pages["tal/index.md"]
    assert (
        "Af 3 indsendte ideer, heraf 1 opdigtet eksempel, fik 2 strategisk fit, og 2 fik det "
        "første investeringstrin." in page
    )
    # screening: 28 and 21 days; an even count, so the median is 24,5
    assert "<td>24,5 dage</td>" in page
    assert (
        '<desc id="tal-lukning-desc">Strategisk fit: 0 af 2 (0,0 %); Investeringstrin 1: 1 af 2 (50,0 %)'
        in page
    )


def test_each_theme_and_year_is_reachable_without_script(content: SiteContent) -> None:
    page = content.pages["tal/index.md"]
    assert "[Klima i tal](../tal/klima.md)" in page
    assert "### 2020" in page and "### 2021" in page
    klima = content.pages["tal/klima.md"]
    assert klima.startswith('---\ntitle: "Klima i tal"')
    assert "Af 2 indsendte ideer fik 1 strategisk fit" in klima
    assert "[Klima](../temaer/klima.md)" in klima


def test_front_and_theme_pages_show_their_own_figures(content: SiteContent) -> None:
    front = content.pages["index.md"]
    assert "i median 24,5 dage" in front and "[Portføljen i tal](tal/index.md)" in front
    theme = content.pages["temaer/klima.md"]
    # renere-luft is screened (fit), solceller-paa-taget is not yet
    assert "Af temaets 2 ideer er 1 screenet, og 1 har fået strategisk fit" in theme
    assert "[alle temaets tal](../tal/klima.md)" in theme


def test_learning_page_newest_first_by_theme_and_step(content: SiteContent) -> None:
    page = content.pages["laering.md"]
    assert "En lukket idé er derfor et resultat og ikke en fiasko" in page
    klima = page.index("## Klima")
    closed = page.index("Sensorerne var for upræcise.")  # closed 16 August 2021
    refuted = page.index("Målingerne viste ingen forskel.")  # test ended 30 June 2021
    confirmed = page.index("22 borgere brugte den digitale løsning.")
    assert klima < closed < refuted < page.index("## Samskabelse og frivillighed") < confirmed
    assert "[Renere luft ved skolerne](ideer/renere-luft.md): Lukket tidligt" in page


def test_learning_text_is_sanitised(hostile_pages: SiteContent) -> None:
    page = hostile_pages.pages["laering.md"]
    lesson = page[page.index("(ideer/fjendtlig-tekst.md)") :]
    assert "<p>&lt;script&gt;alert('script')&lt;/script&gt;</p>" in lesson
    assert "<h5>Falsk overskrift</h5>" in lesson  # below the page's own headings
    for tag in ("<script", "<img", "<iframe", "<form", "<style", "<svg onload"):
        assert tag not in page
    assert 'href="javascript' not in page.lower() and 'href="data:' not in page.lower()


def test_many_lessons_are_split_by_theme_and_paged(sample: tuple[Checked, Settings]) -> None:
    portfolio = sample[0].portfolio
    # three lessons: klima 16 August and 30 June 2021, samskabelse 31 August 2020
    pages = learning_pages(portfolio, themes_of_kind(portfolio, ThemeKind.THEME), per_page=1)
    assert list(pages) == [
        "laering.md",
        "laering/klima.md",
        "laering/klima/2.md",
        "laering/samskabelse-og-frivillighed.md",
    ]
    overview = pages["laering.md"]
    assert overview.sections == []
    assert [(t.theme_id, count) for t, count, _ in overview.overview] == [
        ("klima", 2), ("samskabelse-og-frivillighed", 1),
    ]  # fmt: skip
    second = pages["laering/klima/2.md"]
    assert second.title == "Det har vi lært: Klima, side 2" and second.page_number == 2
    [(_theme, [(heading, lessons)])] = second.sections
    assert heading == "Investeringstrin 1" and [x.date for x in lessons] == ["2021-06-30"]
    assert learning_pages(
        portfolio, themes_of_kind(portfolio, ThemeKind.THEME), per_page=3
    ).keys() == {"laering.md"}


from playwright.sync_api import Browser, Dialog, Page  # noqa: E402


def _open(browser: Browser, site_url: str, **context: Any) -> tuple[Page, list[str]]:
    """A page that may reach the local site only; requests elsewhere are listed and refused."""
    foreign: list[str] = []
    page = browser.new_context(**context).new_page()

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith(site_url):
            request_route.continue_()
        else:
            foreign.append(url)
            request_route.abort()

    page.route("**/*", route)
    return page, foreign


@pytest.mark.browser
def test_figures_read_without_javascript_on_a_phone(browser: Browser, site_url: str) -> None:
    page, _ = _open(
        browser, site_url, java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page.goto(site_url + "tal/")
    assert page.locator("h1").inner_text().removesuffix("¶") == "Portføljen i tal"
    assert page.locator("article svg[role=img]").count() >= 9
    assert page.locator("article table").count() >= 10
    # the charts shrink to the screen instead of widening the page
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    page.locator("a", has_text="Klima i tal").click()
    assert page.url.endswith("/tal/klima/")
    page.context.close()


@pytest.mark.browser
def test_learning_page_links_each_lesson_to_its_idea_and_runs_nothing(
    browser: Browser, site_url: str
) -> None:
    page, foreign = _open(browser, site_url)
    dialogs: list[str] = []

    def dialog(opened: Dialog) -> None:
        dialogs.append(opened.message)
        opened.dismiss()

    page.on("dialog", dialog)
    page.goto(site_url + "laering/", wait_until="networkidle")
    for link in page.locator("article a").all():
        link.hover()
    bad = page.locator("article :is(script, iframe, form, img, style), a[href^='javascript:' i]")
    assert bad.count() == 0 and dialogs == [] and foreign == []
    page.locator("h4 a", has_text="Renere luft ved skolerne").first.click()
    assert page.url.endswith("/ideer/renere-luft/")
    page.context.close()
