"""Benchmark of the site search in Chromium (`make bench-search`).

    python -m bench.search [--sizes 1000 10000] [--lunr 1000] [--queries Q ...] [--keep DIR]
                           [--reuse]

For each size it builds a synthetic portfolio as `portfolio build` does (render, MkDocs,
Pagefind), opens /soeg/?q=QUERY in fresh headless Chromium contexts and prints the time
from navigation to the first result and the bytes the search fetched (pagefind/*). For the
sizes given with --lunr it also builds the same portfolio with Material's former lunr
search (its Danish index, and bench/search_da.js, the script that let whole Danish words
reach lunr's stemmer) and times the same query on the front page (?q=, which opens
Material's search), so both stand side by side. Goals: <= 1 s and <= 400 KiB at 10,000.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.synthetic import write_portfolio
from tests.website.browsing import CHROMIUM, CHROMIUM_ARGS, serving

REPO = Path(__file__).resolve().parent.parent
TODAY = "2030-01-01"  # after every synthetic decision
DOM_READY_MS = "performance.timing.domContentLoadedEventEnd - performance.timing.navigationStart"
RUNS = 3
# Either search saying it found nothing (Pagefind's page, Material's result meta line).
NO_RESULTS = (
    '#search-status:has-text("Ingen resultater"), .md-search-result__meta:has-text("Ingen")'
)
# "skolen" (the definite form; the records say "skole") is in nearly every synthetic idea: the
# worst case, every page ranked. "4711" is in one idea's title: a query that finds a few.
QUERIES = ["skolen", "4711"]
LUNR_SEARCH = {"search": {"lang": "da", "pipeline": ["stemmer", "stopWordFilter", "trimmer"]}}


def build(root: Path, lunr: bool) -> tuple[Path, float]:
    """The site of the portfolio under root, with Pagefind (or lunr); its build seconds."""
    from generator.pipeline import check_portfolio  # noqa: PLC0415
    from generator.settings import Settings  # noqa: PLC0415
    from generator.site.build import build_source, render_source  # noqa: PLC0415
    from generator.site.search import index_search  # noqa: PLC0415

    started = time.perf_counter()
    settings = Settings(records_dir=root / "records", today=TODAY)
    source, site = root / ("lunr-source" if lunr else "source"), root / ("lunr" if lunr else "site")
    render_source(check_portfolio(settings), settings, REPO / "mkdocs.yml", source)
    if lunr:  # the former configuration: Material's header and its search plugin
        config = yaml.safe_load((source / "mkdocs.yml").read_text("utf-8"))
        config["plugins"] = [LUNR_SEARCH]
        config["theme"].pop("custom_dir", None)
        config["extra_javascript"] = ["assets/javascripts/search-da.js"]
        shutil.copy(Path(__file__).with_name("search_da.js"), source / "docs" / "assets" /
                    "javascripts" / "search-da.js")  # fmt: skip
        (source / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    build_source(source, site, strict=False)
    if not lunr:
        index_search(site)
    return site, time.perf_counter() - started


@dataclass(frozen=True)
class Visit:
    """One cold visit of a search page."""

    seconds: float  # navigation to the first result
    page_seconds: float  # navigation to the page's DOM being ready
    fetched: int  # bytes of the search's own files
    found: bool  # False: the search answered that it found nothing


def first_results(site: Path, path: str, result: str, search_part: str) -> list[Visit]:
    """RUNS cold visits (fresh browser contexts) of the page that searches."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        visits = [_visit(browser, base + path, result, search_part) for _ in range(RUNS)]
        browser.close()
    return visits


def _visit(browser: Any, url: str, result: str, search_part: str) -> Visit:
    """Seconds from navigation to the first result and to the page's own DOM being ready,
    and the bytes of search files fetched."""
    from playwright.sync_api import Error as PlaywrightError  # noqa: PLC0415
    from playwright.sync_api import Response  # noqa: PLC0415

    fetched: list[int] = []

    def count(response: Response) -> None:
        if search_part in response.url:
            with contextlib.suppress(PlaywrightError):  # still arriving as the visit ends
                fetched.append(len(response.body()))

    page = browser.new_context().new_page()
    page.on("response", count)
    started = time.perf_counter()
    page.goto(url)
    page.locator(f"{result}, {NO_RESULTS}").first.wait_for(state="attached", timeout=120_000)
    seconds = time.perf_counter() - started
    found = page.locator(result).count() > 0
    page.wait_for_load_state("networkidle")
    loaded = page.evaluate(DOM_READY_MS) / 1000
    page.context.close()
    return Visit(seconds, loaded, sum(fetched), found)


def _summary(visits: list[Visit]) -> str:
    times = sorted(visit.seconds for visit in visits)
    page = statistics.median(visit.page_seconds for visit in visits)
    return (
        f"first results median {statistics.median(times):.2f} s, best {times[0]:.2f} s"
        f" (the page itself {page:.2f} s), fetched {_kib(visits[-1].fetched)}"
        + ("" if all(visit.found for visit in visits) else " - answered: no results")
    )


def _kib(size: int) -> str:
    return f"{size / 1024:.0f} KiB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def _site(root: Path, lunr: bool, reuse: bool) -> tuple[Path, str]:
    """The built site (reused from an earlier --keep run when asked) and how long it took."""
    site = root / ("lunr" if lunr else "site")
    marker = site / ("search/search_index.json" if lunr else "pagefind/pagefind.js")
    if reuse and marker.is_file():
        return site, "build reused"
    built, seconds = build(root, lunr=lunr)
    return built, f"build {seconds:.0f} s"


def benchmark(ideas: int, lunr: bool, queries: list[str], workdir: Path, reuse: bool) -> None:
    root = workdir / f"n{ideas}"
    if not (root / "records").is_dir():
        write_portfolio(root, ideas)
    site, built = _site(root, lunr=False, reuse=reuse)
    index = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    print(f"{ideas} ideas: Pagefind index on disk {_kib(index)} ({built})")
    for query in queries:
        visits = first_results(site, f"soeg/?q={query}", "#search-results li", "/pagefind/")
        print(f"  '{query}' Pagefind: {_summary(visits)}")
    if lunr:
        site, built = _site(root, lunr=True, reuse=reuse)
        raw = (site / "search" / "search_index.json").read_bytes()
        print(f"  lunr (Material) index {_kib(len(raw))}, {_kib(len(gzip.compress(raw)))}"
              f" gzipped ({built})")  # fmt: skip
        for query in queries:
            visits = first_results(site, f"?q={query}", ".md-search-result__item", "/search/")
            print(f"  '{query}' lunr: {_summary(visits)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--lunr", type=int, nargs="*", default=[1000], help="sizes to compare")
    parser.add_argument("--queries", nargs="+", default=QUERIES, help="Danish queries")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--reuse", action="store_true", help="reuse the sites built in --keep")
    args = parser.parse_args()
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="bench-search-"))
    print(f"{RUNS} cold visits a query. Shared machine: figures vary with the others' load.")
    try:
        for ideas in args.sizes:
            benchmark(ideas, ideas in args.lunr, args.queries, workdir, args.reuse)
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
