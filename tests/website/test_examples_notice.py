"""The built site: the notice about fictional examples on every page while one exists, on
no page once none does (generated and hand-written pages alike)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.website.conftest import build_into, check_records
from tests.website.sample import SAMPLE

NOTICE = "<strong>Porteføljen indeholder opdigtede eksempler.</strong>"
NABOHJAELP = "ideas/digital-nabohjaelp/idea.yaml"


def _pages(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): path.read_text("utf-8")
        for path in site.rglob("*.html")
        if "pagefind" not in path.relative_to(site).parts
    }


def test_every_built_page_carries_the_notice_while_an_example_exists(hostile_site: Path) -> None:
    pages = _pages(hostile_site)
    assert len(pages) > 20 and "soeg/index.html" in pages and "404.html" in pages
    # The error page is the theme's own, with no content of ours.
    missing = [path for path, html in pages.items() if NOTICE not in html and path != "404.html"]
    assert missing == []


def test_no_built_page_carries_it_once_none_is_an_example(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    card = dict(SAMPLE[NABOHJAELP])
    del card["example"]
    real = {**SAMPLE, NABOHJAELP: card}
    checked, settings = check_records(tmp_path_factory.mktemp("ingen-eksempler"), real)
    pages = _pages(build_into(checked, settings, tmp_path_factory.mktemp("site")))
    assert len(pages) >= 20 and "ideer/digital-nabohjaelp/index.html" in pages
    assert [path for path, html in pages.items() if "examples-notice" in html] == []
    assert [path for path, html in pages.items() if "example-label" in html] == []
