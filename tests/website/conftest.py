"""Fixtures of the site tests: checked sample portfolios, built sites, a local server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, sync_playwright

from generator.pipeline import Checked, check_portfolio
from generator.render import SiteContent, read_schema_files, render_site
from generator.render.approvals import Approvals
from generator.settings import Settings
from generator.site.build import build_site
from generator.site.live import LiveSite
from tests.conftest import REPO
from tests.sample_records import write_records
from tests.website.browsing import CHROMIUM, CHROMIUM_ARGS, serving
from tests.website.preview import StepRunner, live_site
from tests.website.sample import HOSTILE, REPOSITORY, SAMPLE, TODAY


def check_records(
    root: Path, records: dict[str, Any], today: str = TODAY
) -> tuple[Checked, Settings]:
    """Write the records under root and check them as the site does on `today`."""
    settings = Settings(records_dir=write_records(root, records), today=today)
    checked = check_portfolio(settings)
    assert not checked.failed, [p.as_text() for p in checked.failing]
    return checked, settings


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Checked, Settings]:
    return check_records(tmp_path_factory.mktemp("sample"), SAMPLE)


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Checked, Settings]:
    return check_records(tmp_path_factory.mktemp("hostile"), HOSTILE)


@pytest.fixture(scope="session")
def sample_content(sample: tuple[Checked, Settings]) -> SiteContent:
    checked, settings = sample
    return render_site(
        checked.portfolio,
        read_schema_files(settings.schemas_dir),
        today=settings.today,
        approvals=Approvals(REPOSITORY),
    )


@pytest.fixture(scope="session")
def hostile_content(hostile: tuple[Checked, Settings]) -> SiteContent:
    checked, settings = hostile
    return render_site(
        checked.portfolio, read_schema_files(settings.schemas_dir), today=settings.today
    )


def build_into(checked: Checked, settings: Settings, site_dir: Path) -> Path:
    """What `portfolio build` does with the repository's site and these records."""
    build_site(checked, settings, REPO / "mkdocs.yml", site_dir)
    return site_dir


@pytest.fixture(scope="session")
def hostile_site(
    hostile: tuple[Checked, Settings], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The built site of the sample portfolio plus a hostile theme and idea."""
    checked, settings = hostile
    return build_into(checked, settings, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_url(hostile_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 at a random port."""
    with serving(hostile_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for every browser test of a worker."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def live(tmp_path: Path) -> LiveSite:
    """The sample's preview after its first build; its background work waits for the test."""
    site = live_site(tmp_path, StepRunner())
    site.full_build()
    return site
