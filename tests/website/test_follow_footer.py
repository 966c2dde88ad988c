"""Every page's footer links "Tilgængelighedserklæring": to the address set in mkdocs.yml, or
to the site's own /tilgaengelighed/ until one is set."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from generator.pipeline import Checked
from generator.settings import Settings
from generator.site.build import build_site
from tests.conftest import REPO

STATEMENT = "https://www.was.digst.dk/innovationsmotoren-aarhus-dk"
FOOTER_LINK = re.compile(
    r'<footer class="md-footer">.*<a class="accessibility-statement" href="([^"]+)">'
    r"Tilgængelighedserklæring</a>.*</footer>",
    re.DOTALL,
)


def _footer_targets(site: Path) -> dict[str, str]:
    """Each built page → where its footer's statement link leads, from the site's root."""
    targets = {}
    for page in site.rglob("*.html"):
        path = page.relative_to(site).as_posix()
        if path == "404.html":
            continue  # served at any depth: its links are absolute to the site's root
        found = FOOTER_LINK.search(page.read_text("utf-8"))
        targets[path] = urljoin(f"https://site.test/{path}", found.group(1)) if found else ""
    return targets


def test_every_page_links_the_site_statement_until_one_is_set(hostile_site: Path) -> None:
    targets = _footer_targets(hostile_site)
    kinds = ("index.html", "ideer/digital-nabohjaelp/index.html", "temaer/klima/index.html",
             "emner/index.html", "data/index.html", "tilgaengelighed/index.html")  # fmt: skip
    assert set(kinds) <= set(targets)
    assert set(targets.values()) == {"https://site.test/tilgaengelighed/"}
    assert (hostile_site / "tilgaengelighed" / "index.html").is_file()


@pytest.fixture(scope="module")
def site_with_statement(
    hostile: tuple[Checked, Settings], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    checked, settings = hostile
    site = tmp_path_factory.mktemp("statement")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    config["docs_dir"] = str(REPO / "docs")
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    config["extra"]["accessibility_statement"] = STATEMENT
    config_file = site.parent / f"{site.name}.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    build_site(checked, settings, config_file, site)
    return site


def test_every_page_links_the_statement_set_in_mkdocs_yml(site_with_statement: Path) -> None:
    targets = _footer_targets(site_with_statement)
    assert len(targets) == len(list(site_with_statement.rglob("*.html"))) - 1  # all but 404
    assert set(targets.values()) == {STATEMENT}
