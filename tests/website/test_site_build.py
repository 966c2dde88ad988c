"""The built site: every address of the spec, nothing written to docs/, nothing from elsewhere."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import PluginError

from generator.errors import PortfolioError
from generator.gitrepo import last_commit_date
from generator.pipeline import Checked
from generator.render import SiteContent
from generator.settings import Settings
from generator.site.build import build_site, load_site_config, render_source
from generator.site.index_stream import StreamedIndex
from generator.site.search import index_search, pagefind_binary
from tests.conftest import RECORDS_TODAY, REPO
from tests.sample_records import write_records
from tests.website.sample import SAMPLE

ADDRESSES = (
    "index.html",
    "temaer/index.html",
    "temaer/klima/index.html",
    "ideer/digital-nabohjaelp/index.html",
    "investeringstrin/index.html",
    "organisering-2015-2019/index.html",
    "data/index.html",
    "data/portfolio.json",
    "data/ideer.csv",
    "data/beslutninger.csv",
    "data/schemas/idea.schema.json",
    "feed.xml",
    "tilgaengelighed/index.html",
    "soeg/index.html",
    "pagefind/pagefind.js",
    "assets/fonts/roboto-latin-400-normal.woff2",
    "assets/fonts/OFL.txt",
)


class _Elements(HTMLParser):
    """Every start tag with its attributes, the text of inline scripts, and the text of
    data blocks (JSON-LD), which no browser runs."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.content: list[str] = []  # the tags inside the page's <article>
        self.scripts: list[str] = []
        self.data_blocks: list[str] = []
        self._in_script = False
        self._in_data = False
        self._in_article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        data = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        self._in_script, self._in_data = tag == "script" and not data, data
        self._in_article = self._in_article or tag == "article"
        if self._in_article:
            self.content.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = self._in_data = False
        self._in_article = self._in_article and tag != "article"

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)
        if self._in_data:
            self.data_blocks.append(data)


def parse(path: Path) -> _Elements:
    parser = _Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.parametrize("address", ADDRESSES)
def test_every_address_of_the_spec_is_built(hostile_site: Path, address: str) -> None:
    assert (hostile_site / address).is_file()


def test_nothing_generated_is_written_into_docs(
    hostile_site: Path, hostile_content: SiteContent
) -> None:
    assert (hostile_site / "ideer" / "fjendtlig-tekst" / "index.html").is_file()
    for path in [*hostile_content.pages, *hostile_content.files]:
        assert not (REPO / "docs" / path).exists(), path


def test_the_sidebar_holds_the_themes_and_sections_not_the_ideas(hostile_site: Path) -> None:
    page = (hostile_site / "ideer" / "digital-nabohjaelp" / "index.html").read_text("utf-8")
    sidebar = page.split("md-nav--primary", 1)[1].split("md-sidebar--secondary", 1)[0]
    for entry in ("Klima", "Samskabelse og frivillighed", "Investeringstrin", "Om tilgængelighed"):
        assert entry in sidebar
    assert 'href="../renere-luft/"' not in sidebar
    assert "Fremme ligeværd" not in sidebar


def test_pages_request_nothing_from_another_host(hostile_site: Path) -> None:
    for path in html_pages(hostile_site):
        for tag, attrs in parse(path).elements:
            for name in ("src", "srcset", "poster", "data"):
                assert not urlsplit(attrs.get(name, "")).netloc, (path, tag, attrs)
            if tag == "link" and attrs.get("rel") != "canonical":
                assert not urlsplit(attrs.get("href", "")).netloc, (path, attrs)
    for css in hostile_site.rglob("*.css"):
        text = css.read_text("utf-8")
        assert "fonts.googleapis" not in text and "@import url(http" not in text


def test_hostile_records_leave_no_script_handler_or_form(hostile_site: Path) -> None:
    search_page = hostile_site / "soeg" / "index.html"
    for path in html_pages(hostile_site):
        parsed = parse(path)
        for tag, attrs in parsed.elements:
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            if tag == "script":
                source = attrs.get("src", "assets/javascripts/")  # inline: checked below
                assert not urlsplit(source).netloc and "assets/javascripts/" in source, attrs
            for name in ("href", "src", "action", "formaction"):
                scheme = attrs.get(name, "").strip().lower().split(":", 1)[0]
                assert scheme not in ("javascript", "data", "vbscript"), (path, attrs)
        assert not any("alert(" in script for script in parsed.scripts), path
        for block in parsed.data_blocks:  # data, whose record text cannot close the element
            assert "<" not in block and isinstance(json.loads(block), dict), path
        forbidden = {"iframe", "form", "object", "embed", "input", "style", "img", "script"}
        if path == search_page:  # hand-written: its own form, and the script that searches
            forbidden -= {"form", "input", "script"}
        assert not forbidden & set(parsed.content), path


def test_hostile_idea_page_shows_the_attacks_as_text(hostile_site: Path) -> None:
    page = (hostile_site / "ideer" / "fjendtlig-tekst" / "index.html").read_text("utf-8")
    assert "&lt;script&gt;alert('script')&lt;/script&gt;" in page
    assert "<title>&lt;/title&gt;&lt;script&gt;" in page
    assert "Billede: pixel" in page
    assert "tracker.example.net/pixel.gif" in page  # as a link, not an image
    assert "root:" not in page  # no snippet included /etc/passwd


def _mkdocs_yml(tmp_path: Path, records: str = "records", today: str = "2022-12-31") -> Path:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    config["docs_dir"] = str(REPO / "docs")
    # The repository's own plugin options, with the records and the day of the test.
    [options] = [p["portfolio"] for p in config["plugins"] if "portfolio" in p]
    config["plugins"] = [{"portfolio": {**options, "records": records, "today": today}}]
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    target = tmp_path / "mkdocs.yml"
    target.write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return target


def test_the_plugin_validates_and_builds_on_its_own(tmp_path: Path) -> None:
    write_records(tmp_path, SAMPLE)
    config = load_site_config(_mkdocs_yml(tmp_path), tmp_path / "site", strict=True)
    mkdocs_build.build(config)
    assert (tmp_path / "site" / "ideer" / "renere-luft" / "index.html").is_file()


def test_the_plugin_refuses_records_with_errors(tmp_path: Path) -> None:
    broken = dict(SAMPLE)
    broken["ideas/renere-luft/idea.yaml"] = {**SAMPLE["ideas/renere-luft/idea.yaml"], "theme": "x"}
    write_records(tmp_path, broken)
    config = load_site_config(_mkdocs_yml(tmp_path), tmp_path / "site")
    with pytest.raises(SystemExit, match="BuildError"):
        mkdocs_build.build(config)
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.slow
def test_mkdocs_build_strict_of_the_repository_is_clean(tmp_path: Path) -> None:
    # The repository's configuration and records, on a fixed day rather than the clock's.
    config = _mkdocs_yml(tmp_path, records=str(REPO / "records"), today=RECORDS_TODAY)
    site = tmp_path / "s"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", site],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (site / "data" / "portfolio.json").is_file()
    assert (site / "pagefind" / "pagefind.js").is_file()  # indexed after the build
    shutil.rmtree(site)


def test_search_is_pagefinds_danish_index_and_lunr_is_gone(hostile_site: Path) -> None:
    entry = json.loads((hostile_site / "pagefind" / "pagefind-entry.json").read_bytes())
    assert list(entry["languages"]) == ["da"]  # every page is Danish: the Danish stemmer
    lock = json.loads((REPO / "package-lock.json").read_bytes())
    assert entry["version"] == lock["packages"]["node_modules/pagefind"]["version"]  # pinned
    assert not (hostile_site / "search" / "search_index.json").exists()
    page = (hostile_site / "index.html").read_text("utf-8")
    assert 'lang="da"' in page
    assert "search-da.js" not in page and "md-search" not in page


def test_the_header_search_box_leads_to_the_search_page(hostile_site: Path) -> None:
    for path, action in (("index.html", "soeg/"), ("ideer/renere-luft/index.html", "../../soeg/")):
        forms = [attrs for tag, attrs in parse(hostile_site / path).elements if tag == "form"]
        assert forms and forms[0]["action"] == action and forms[0]["role"] == "search"


def test_idea_pages_carry_their_theme_status_and_year_for_search(hostile_site: Path) -> None:
    elements = parse(hostile_site / "ideer" / "renere-luft" / "index.html").elements
    fields = {
        attrs["data-pagefind-filter"]: attrs["data-value"]
        for _, attrs in elements
        if "data-pagefind-filter" in attrs
    }
    # side=idé lets /soeg/ put the idea pages before the other pages
    assert fields == {"tema[data-value]": "Klima", "status[data-value]": "Lukket",
                      "år[data-value]": "2021", "side[data-value]": "idé"}  # fmt: skip


def test_the_search_page_says_how_to_browse_without_javascript(hostile_site: Path) -> None:
    page = (hostile_site / "soeg" / "index.html").read_text("utf-8")
    noscript = page.split("<noscript>", 1)[1].split("</noscript>", 1)[0]
    assert "kræver JavaScript" in noscript
    assert 'href="../temaer/"' in noscript and 'href="../investeringstrin/"' in noscript


def test_the_search_page_asks_for_the_search_files_as_it_starts(hostile_site: Path) -> None:
    """Pagefind's module and WebAssembly are asked for from the search page's head, and both
    are files the index wrote: a renamed one would be a dead request on every search."""
    wanted = {"modulepreload": "../pagefind/pagefind.js", "preload": "../pagefind/wasm.da.pagefind"}
    links = {
        attrs["rel"]: attrs
        for tag, attrs in parse(hostile_site / "soeg" / "index.html").elements
        if tag == "link" and attrs.get("rel") in wanted
    }
    assert {rel: attrs["href"] for rel, attrs in links.items()} == wanted
    for attrs in links.values():
        assert (hostile_site / "soeg" / attrs["href"]).resolve().is_file()
    # As Pagefind fetches it (fetch(), same origin), or the browser would fetch it twice.
    assert links["preload"]["as"] == "fetch" and "crossorigin" in links["preload"]
    others = parse(hostile_site / "tilgaengelighed" / "index.html").elements
    assert not [attrs for tag, attrs in others if tag == "link" and attrs.get("rel") in wanted]


def test_hand_written_pages_take_their_date_from_git(tmp_path: Path) -> None:
    page = tmp_path / "side.md"
    page.write_text("# Side\n", "utf-8")
    assert last_commit_date(page) is None  # not in a repository (or not committed): no date
    env = {**os.environ, "GIT_COMMITTER_DATE": "2024-05-06T12:00:00+02:00"}
    env |= {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.dk"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.dk"}
    for command in (["init", "-q"], ["add", "side.md"], ["commit", "-q", "-m", "side"]):
        subprocess.run(["git", *command], cwd=tmp_path, env=env, check=True)
    assert last_commit_date(page) == "2024-05-06"


def test_the_plugin_checks_its_today_setting_like_the_command_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_records(tmp_path, SAMPLE)
    with pytest.raises(PortfolioError, match="ugyldig"):
        load_site_config(_mkdocs_yml(tmp_path, today="i morgen"), tmp_path / "site")
    message = "option 'today': 'i morgen' er ikke en dato på formen ÅÅÅÅ-MM-DD, fx 2020-02-03."
    assert message in caplog.text
    assert load_site_config(_mkdocs_yml(tmp_path, today=" 2022-12-31"), tmp_path / "site")


def test_the_plugin_says_in_danish_when_the_records_are_missing(tmp_path: Path) -> None:
    config = load_site_config(_mkdocs_yml(tmp_path, records="mangler"), tmp_path / "site")
    with pytest.raises(PluginError, match="Mappen med poster findes ikke"):
        config.plugins.on_config(config)


def test_a_missing_pagefind_is_a_danish_error_and_nothing_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no pagefind on PATH, no node_modules in root
    monkeypatch.chdir(tmp_path)  # nor in the folder the command runs in
    with pytest.raises(
        PortfolioError, match="Pagefind, som bygger søgeindekset, er ikke installeret"
    ):
        index_search(tmp_path / "site", root=tmp_path)
    assert not (tmp_path / "site").exists()


def test_the_pinned_pagefind_is_the_one_used() -> None:
    assert pagefind_binary(REPO) == REPO / "node_modules" / ".bin" / "pagefind"


def test_the_index_made_beside_the_engine_holds_every_page_it_wrote(hostile_site: Path) -> None:
    entry = json.loads((hostile_site / "pagefind" / "pagefind-entry.json").read_bytes())
    pages = [p for p in hostile_site.rglob("index.html") if "pagefind" not in p.parts]
    assert entry["languages"]["da"]["page_count"] == len(pages)  # not 404.html: no page


def test_a_missing_pagefind_stops_the_build_in_danish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no node_modules here either
    with pytest.raises(PortfolioError, match="Pagefind, som bygger søgeindekset"):
        StreamedIndex(tmp_path / "site", root=tmp_path).__enter__()


def test_pagefind_failing_beside_the_engine_is_a_danish_error(tmp_path: Path) -> None:
    (tmp_path / "site").write_text("a file where the site's folder should be", "utf-8")
    index = StreamedIndex(tmp_path / "site", REPO).__enter__()
    index.add("/", "<html lang='da'><body><p>Hej</p></body></html>")
    with pytest.raises(PortfolioError, match="Søgeindekset kunne ikke bygges med Pagefind"):
        index.__exit__(None, None, None)


def _fragments(index: Path) -> dict[str, dict[str, object]]:
    """What Pagefind keeps of each page, by address: its text, headings, filters and meta."""
    records = (
        json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        for fragment in (index / "fragment").iterdir()
    )
    return {record["url"]: record for record in records}


def _indexed_text(site: Path, url: str) -> str:
    """What Pagefind keeps of a page: the content of its fragment."""
    record = _fragments(site / "pagefind").get(url)
    assert record is not None, f"{url} is not in the index"
    return str(record["content"])


def _indexed_after_writing(site: Path, scratch: Path) -> dict[str, dict[str, object]]:
    """What Pagefind keeps of each written page of a built site (all but 404.html, which the
    build does not index), indexed as `mkdocs build` indexes them."""
    written = scratch / "written"
    shutil.copytree(site, written, ignore=shutil.ignore_patterns("pagefind", "404.html"))
    index_search(written, REPO)
    return _fragments(written / "pagefind")


def test_each_page_is_indexed_as_pagefind_indexes_the_written_page(
    hostile_site: Path, tmp_path: Path
) -> None:
    # The build hands Pagefind each page's content before MkDocs writes the page.
    streamed = _fragments(hostile_site / "pagefind")
    assert len(streamed) > 20
    assert streamed == _indexed_after_writing(hostile_site, tmp_path)
    entry = json.loads((hostile_site / "pagefind" / "pagefind-entry.json").read_bytes())
    assert list(entry["languages"]) == ["da"]


def test_a_page_without_a_heading_is_indexed_under_the_title_the_theme_gives_it(
    sample: tuple[Checked, Settings], tmp_path: Path
) -> None:
    checked, settings = sample
    config = _docs_with(tmp_path, "uden-overskrift.md", "Kun et afsnit & intet andet.\n")
    build_site(checked, settings, config, tmp_path / "site")
    streamed = _fragments(tmp_path / "site" / "pagefind")
    assert streamed["/uden-overskrift/"]["meta"] == {"title": "Uden overskrift"}
    assert streamed == _indexed_after_writing(tmp_path / "site", tmp_path)


def test_the_index_leaves_the_furniture_out(hostile_site: Path) -> None:
    text = _indexed_text(hostile_site, "/ideer/renere-luft/")
    assert "Renere luft ved skolerne" in text  # the idea's own words
    assert "Læs op" not in text  # the button
    assert "Trin Beløb Bevilget" not in text  # the ladder table's headings
    assert "Ideens plads på investeringstrappen" not in text  # the chart; its table stays
    assert "25.000 kr." in text


def _docs_with(tmp_path: Path, page: str, text: str) -> Path:
    """The repository's configuration with a docs/ that also holds this page."""
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    (docs / page).write_text(text, "utf-8")
    config = _mkdocs_yml(tmp_path)
    data = yaml.safe_load(config.read_text("utf-8"))
    data["docs_dir"] = str(docs)
    config.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return config


def test_a_hand_written_page_where_a_generated_one_goes_is_refused_in_danish(
    sample: tuple[Checked, Settings], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    checked, settings = sample
    config = _docs_with(tmp_path, "index.md", "# En forside skrevet i hånden\n")
    clash = "Sider, som genereres, findes også i docs/: index.md"
    with pytest.raises(PortfolioError, match=clash):  # `portfolio render`
        render_source(checked, settings, config, tmp_path / "kilde")
    with pytest.raises(PortfolioError, match=clash):  # `portfolio build`, from memory
        build_site(checked, settings, config, tmp_path / "site")
    assert not (tmp_path / "site" / "index.html").exists()
    write_records(tmp_path, SAMPLE)  # `mkdocs build`, through the plugin
    with pytest.raises(SystemExit, match="BuildError"):
        mkdocs_build.build(load_site_config(config, tmp_path / "s"))
    assert clash in caplog.text
