"""The site follows the periods and leads to the idea form: before and after a period opens,
rendered and in a browser at a phone's and a desktop's width."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser

from generator.errors import PortfolioError
from generator.render.pages import PageRenderer
from generator.render.sanitize import LINK_REL
from generator.site.build import build_site
from generator.site_config import SubmitLinks, submit_links_from
from tests.conftest import REPO
from tests.sample_records import theme
from tests.website.browsing import serving
from tests.website.conftest import check_records
from tests.website.sample import SAMPLE

REPO_URL = "https://github.com/eksempel/portefoelje"
FORM = f"{REPO_URL}/issues/new?template=idekort.yml"
CONTACT = "innovation@example.dk"
NEW_PERIOD = {
    **SAMPLE,
    "themes/groen-omstilling.yaml": theme(
        "Grøn omstilling",
        period={"start": "2026-01-01", "end": "2027-12-31"},
        reviewers=["@org/groen"],
        criteria=["Ideen er tværorganisatorisk."],
    ),
}
BEFORE, AFTER = "2022-12-31", "2026-03-01"


def pages(root: Path, day: str, submit: SubmitLinks | None = None) -> dict[str, str]:
    checked, _ = check_records(root, NEW_PERIOD, day)
    return PageRenderer(day, submit=submit).render(checked.portfolio, {})


@pytest.fixture(scope="module")
def before(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return pages(tmp_path_factory.mktemp("before"), BEFORE)


@pytest.fixture(scope="module")
def after(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return pages(tmp_path_factory.mktemp("after"), AFTER, SubmitLinks(REPO_URL, CONTACT))


def test_before_the_new_period_the_old_one_reads_as_current(before: dict[str, str]) -> None:
    front = before["index.md"]
    # The sample has two themes of 2019-2022 (klima, samskabelse); fremme-ligevaerd is a
    # focus area of 2015-2019, which the front page does not count as a theme.
    assert "Innovationsindsatsen i 2019-2022 handler om" in front
    assert "Direktørgruppen har udpeget 2 temaer for 2019-2022, som midlerne" in front
    assert "For 2026-2027 har Direktørgruppen udpeget 1 tema, som tager imod ideer fra 1." in front
    assert "Send en idé" not in front  # no repo_url in this configuration
    themes = before["temaer/index.md"]
    assert themes.index("## Temaer 2019-2022") < themes.index("## Temaer 2026-2027")
    assert "Temaerne tager imod ideer fra 1. januar 2019 til 31. december 2022." in themes
    assert "Temaerne tog imod ideer" not in themes  # 2026-2027 has not begun: not "tog"


def test_after_a_new_period_opens_the_site_follows_it(after: dict[str, str]) -> None:
    front = after["index.md"]
    assert "Innovationsindsatsen i 2019-2022 handlede om" in front
    assert "Direktørgruppen har udpeget 1 tema for 2026-2027, som midlerne" in front
    assert "I 2019-2022 blev midlerne anvendt inden for 2 temaer:" in front
    assert "3 temaer" not in front and "udpeget 2" not in front
    assert f'<strong><a href="{FORM}" rel="{LINK_REL}">Send en idé</a></strong>' in front
    assert f'<a href="mailto:{CONTACT}" rel="{LINK_REL}">{CONTACT}</a>' in front
    assert (
        f'<a href="{REPO_URL}/blob/HEAD/CONTRIBUTING.md" rel="{LINK_REL}">CONTRIBUTING.md' in front
    )
    themes = after["temaer/index.md"]
    assert themes.index("## Temaer 2026-2027") < themes.index("## Temaer 2019-2022")
    assert "Temaerne tog imod ideer fra 1. januar 2019 til 31. december 2022." in themes
    open_page = after["temaer/groen-omstilling.md"]
    assert "Temaet tager imod ideer til og med 31. december 2027." in open_page
    assert f'<a href="{FORM}" rel="{LINK_REL}">Send en idé</a>' in open_page
    assert "## De kriterier vi vil investere efter" in open_page
    closed_page = after["temaer/klima.md"]
    assert "Send en idé" not in closed_page and "tager imod ideer" not in closed_page


@pytest.mark.parametrize(
    "config",
    [
        {"repo_url": "http://github.com/x/y"},
        {"repo_url": "javascript:alert(1)"},
        {"extra": {"contact": "ikke en adresse"}},
        {"extra": {"contact": ["a@example.dk"]}},
    ],
)
def test_an_unusable_repo_url_or_contact_is_refused_in_danish(config: dict[str, Any]) -> None:
    with pytest.raises(PortfolioError, match=r"mkdocs\.yml: "):
        submit_links_from(config)


def test_without_settings_there_is_no_link() -> None:
    assert submit_links_from({}) == SubmitLinks()
    assert SubmitLinks().form_url is None


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site after the new period opened, built with repo_url and extra.contact set."""
    root = tmp_path_factory.mktemp("new-period")
    config: dict[str, Any] = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["repo_url"] = REPO_URL
    config["extra"]["contact"] = CONTACT
    for folder in ("docs", "overrides"):
        (root / folder).symlink_to(REPO / folder)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    checked, settings = check_records(root, NEW_PERIOD, AFTER)
    build_site(checked, settings, root / "mkdocs.yml", root / "site")
    with serving(root / "site") as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_send_an_idea_and_the_periods_in_a_browser(
    browser: Browser, served: str, width: int, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    elsewhere: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(served) else elsewhere.append(r.url))
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(served)
        link = page.get_by_role("link", name="Send en idé")
        assert link.count() == 1
        assert link.get_attribute("href") == FORM
        link.scroll_into_view_if_needed()
        box = link.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        page.screenshot(path=str(tmp_path / f"forside-{width}.png"), full_page=True)
        page.goto(f"{served}temaer/")
        headings = page.locator("h2").all_inner_texts()
        periods = [h.strip("¶ \n") for h in headings if h.startswith("Temaer")]
        assert periods == ["Temaer 2026-2027", "Temaer 2019-2022"]
        page.goto(f"{served}temaer/groen-omstilling/")
        assert page.get_by_role("link", name="Send en idé").get_attribute("href") == FORM
        assert page.get_by_role("link", name=CONTACT).get_attribute("href") == f"mailto:{CONTACT}"
        page.wait_for_load_state("networkidle")
        assert elsewhere == []  # with repo_url set too, no page asks another host for anything
        assert errors == []
    finally:
        page.close()
