"""Rendering: the portfolio → {page path: Markdown}, every page kind of the spec."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.render import SiteContent, parse_schemas, read_schema_files
from generator.render.pages import PAGE_DATA, PAGE_FRONT, PAGE_HISTORY, PAGE_LADDER, PAGE_THEMES
from generator.render.schema_doc import schema_fields
from tests.conftest import REPO
from tests.golden import GOLDEN, GOLDEN_DIR, golden_outputs, stored_golden_files
from tests.website.sample import HOSTILE_LINE, pr


def test_every_page_of_the_spec_is_rendered(sample_content: SiteContent) -> None:
    assert set(sample_content.pages) == {
        "index.md",
        "temaer/index.md",
        "temaer/klima.md",
        "temaer/samskabelse-og-frivillighed.md",
        "ideer/digital-nabohjaelp.md",
        "ideer/renere-luft.md",
        "ideer/solceller-paa-taget.md",
        "investeringstrin.md",
        "organisering-2015-2019.md",
        "data/index.md",
        "tal/index.md",
        "tal/klima.md",
        "tal/samskabelse-og-frivillighed.md",
        "laering.md",
        "emner/index.md",
        "emner/nabohjaelp.md",
        "emner/frivillighed.md",
    }
    assert {"data/portfolio.json", "data/ideer.csv", "data/beslutninger.csv", "feed.xml"} <= set(
        sample_content.files
    )
    assert "data/schemas/idea.schema.json" in sample_content.files
    assert "data/noegletal.json" in sample_content.files


def test_focus_areas_get_no_theme_page(sample_content: SiteContent) -> None:
    assert "temaer/fremme-ligevaerd.md" not in sample_content.pages


def test_pages_carry_an_escaped_title_and_one_h1(sample_content: SiteContent) -> None:
    for path, markdown in sample_content.pages.items():
        assert markdown.startswith('---\ntitle: "'), path
        # A Markdown title, or (on the list pages, which search counts as plain text) an h1
        assert len(re.findall(r"^(?:# |<h1[ >])", markdown, flags=re.MULTILINE)) == 1, path


def test_front_page_counts_statuses_amounts_and_the_funnel(sample_content: SiteContent) -> None:
    front = sample_content.pages["index.md"]
    assert (
        "Porteføljen rummer **3 ideer**, heraf 1 opdigtet eksempel, og der er bevilget "
        "**175.000 kr.** i alt." in front
    )
    assert "| Investeringstrin 2 | 1 | 150.000 kr. |" in front
    assert "| Lukket | 1 | 25.000 kr. |" in front
    assert "| Indsendt | 1 | 0 kr. |" in front
    assert '<svg class="chart"' in front and 'role="img"' in front
    # The funnel's numbers are in a table too: 3 submitted, 2 fit, 2 at step 1, 1 at step 2.
    for row in ("| Indsendt | 3 |", "| Strategisk fit | 2 |", "| Investeringstrin 1 | 2 |"):
        assert row in front
    assert "| Investeringstrin 2 | 1 |" in front
    assert "[Klima](temaer/klima.md)" in front


def test_idea_page_shows_card_ladder_decisions_and_tests(sample_content: SiteContent) -> None:
    idea = sample_content.pages["ideer/digital-nabohjaelp.md"]
    assert '<strong class="example-label">Eksempel</strong>' in idea
    assert (
        '<strong>Status:</strong> <span class="status status-step-2">Investeringstrin 2</span>'
        in idea
    )
    assert (
        "- **Tema:** [Samskabelse og frivillighed](../temaer/samskabelse-og-frivillighed.md)"
        in idea
    )
    assert "| Investeringstrin 2 | 125.000 kr. | Ja, 21. september 2020 |" in idea
    assert "| Investeringstrin 3 | 250.000 kr. | Nej |" in idea
    assert (
        '### <span id="beslutning-2020-03-02-screening"></span>'
        "2. marts 2020: Screening&#58; strategisk fit" in idea
    )
    assert (
        f'<a href="{pr(18)}" rel="nofollow noopener noreferrer">Godkendt i pull request #18</a>'
        in idea
    )
    assert "#### Resultat: Bekræftet" in idea
    assert "- **Status:** I gang" in idea
    assert 'Sidst opdateret: <time datetime="2020-09-21">21. september 2020</time>' in idea
    order = [idea.index(h) for h in ("## Idekortet", "## Investeringstrappen", "## Beslutninger")]
    assert order == sorted(order)


def test_theme_page_lists_its_ideas_with_status(sample_content: SiteContent) -> None:
    theme = sample_content.pages["temaer/klima.md"]
    assert "## Det vi tror på" in theme and "Vi tror på data om luften." in theme
    assert "## De kriterier vi vil investere efter" in theme
    assert "[Renere luft ved skolerne](../ideer/renere-luft.md)" in theme
    assert '<span class="status status-closed">Lukket</span>' in theme
    assert "Digital nabohjælp" not in theme


def test_ladder_page_lists_every_idea_under_its_status(sample_content: SiteContent) -> None:
    ladder = sample_content.pages["investeringstrin.md"]
    for heading in ("## Indsendt (1)", "## Investeringstrin 2 (1)", "## Lukket (1)"):
        assert heading in ladder
    assert ladder.index("Solceller på taget") < ladder.index("## Inviteret til pitch")


def test_history_page_has_the_seed_and_the_focus_areas(sample_content: SiteContent) -> None:
    history = sample_content.pages["organisering-2015-2019.md"]
    for heading in ("## Baggrund", "## De fem indsatsområder", "## Organisering"):
        assert heading in history
    assert "## Center for Innovation i Aarhus (CFIA)" in history
    assert "## Fire fælles kriterier for innovationsindsatsen" in history
    assert "| Fremme ligeværd | Borgmesterens Afdeling |" in history
    assert "forligspartierne i budgettet for 2012" in history


def test_data_page_explains_every_field_of_every_schema(sample_content: SiteContent) -> None:
    data = sample_content.pages["data/index.md"]
    schemas = parse_schemas(read_schema_files(REPO / "schemas"))
    assert set(schemas) == {"idea", "decision", "testcard", "theme", "ladder", "departments"}
    for schema in schemas.values():
        for field in schema_fields(schema):
            cell = field.path.replace("_", "&#95;").replace("[", "&#91;").replace("]", "&#93;")
            cell = cell.replace("<", "&#60;").replace(">", "&#62;")
            assert f"| {cell} |" in data, field.path
    for column in ("granted", "status&#95;da", "pull&#95;request", "decided&#95;by"):
        assert f"| {column} |" in data
    assert "[portfolio.json](../data/portfolio.json)" in data


# Renders the sample with an idea in every status plus the hostile records, written to disk
# in a shuffled order, and prints a digest of every generated page and file.
_RENDER_SHUFFLED = """
import hashlib, json, random, sys, tempfile
from pathlib import Path
from generator.pipeline import check_portfolio
from generator.render import read_schema_files, render_site
from generator.settings import Settings
from tests.sample_records import write_records
from tests.website.sample import EVERY_STATUS, HOSTILE, TODAY

items = list({**EVERY_STATUS, **HOSTILE}.items())
random.Random(int(sys.argv[1])).shuffle(items)
with tempfile.TemporaryDirectory() as folder:
    settings = Settings(records_dir=write_records(Path(folder), dict(items)), today=TODAY)
    checked = check_portfolio(settings)
    content = render_site(checked.portfolio, read_schema_files(settings.schemas_dir), today=TODAY)
outputs = {**content.pages, **content.files}
print(json.dumps({
    path: hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()
    for path, data in sorted(outputs.items())
}))
"""


def _render_in_new_process(order_seed: int, hash_seed: str) -> dict[str, str]:
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    finished = subprocess.run(
        [sys.executable, "-c", _RENDER_SHUFFLED, str(order_seed)],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    digests: dict[str, str] = json.loads(finished.stdout)
    return digests


def test_rendering_is_deterministic() -> None:
    """The same records give the same bytes, whatever their order on disk and the hash seed."""
    first = _render_in_new_process(order_seed=1, hash_seed="1")
    second = _render_in_new_process(order_seed=2, hash_seed="2")
    assert len(first) > 20 and "ideer/fjendtlig-tekst.md" in first
    assert first == second


@pytest.fixture(scope="module")
def outputs() -> dict[str, bytes]:
    return golden_outputs()


@pytest.mark.parametrize("path", GOLDEN)
def test_golden_files_are_current(outputs: dict[str, bytes], path: str) -> None:
    golden = GOLDEN_DIR / path
    assert golden.is_file(), f"tests/golden/pages/{path} is missing: run `make golden`"
    assert outputs[path] == golden.read_bytes(), (
        f"tests/golden/pages/{path} is out of date: run `make golden` and review the diff"
    )


def test_every_stored_golden_file_is_listed() -> None:
    assert stored_golden_files() == set(GOLDEN)


def test_golden_pages_cover_every_page_kind_and_status(outputs: dict[str, bytes]) -> None:
    pages = {path for path in GOLDEN if path.endswith(".md")}
    assert {PAGE_FRONT, PAGE_THEMES, PAGE_LADDER, PAGE_HISTORY, PAGE_DATA} <= pages
    assert any(re.fullmatch(r"temaer/(?!index)[^/]+\.md", path) for path in pages)
    statuses = set()
    for path in pages:
        badge = re.search(
            r'<strong>Status:</strong> <span class="status status-([a-z0-9-]+)"',
            str(outputs[path], "utf-8"),
        )
        if path.startswith("ideer/") and badge:
            statuses.add(re.sub(r"step-[0-9]+", "step-N", badge.group(1)))
    assert statuses == {"submitted", "pitch", "rejected", "step-N", "closed", "graduated"}


def test_hostile_title_is_text_everywhere(hostile_content: SiteContent) -> None:
    page = hostile_content.pages["ideer/fjendtlig-tekst.md"]
    front_matter = page.split("---\n")[1]
    title = json.loads(front_matter.splitlines()[0].removeprefix("title: "))
    assert "<" not in title and "{" not in title
    assert "<script" not in page.replace("&lt;script", "")
    assert HOSTILE_LINE not in page
    for path, markdown in hostile_content.pages.items():
        body = markdown.split("---\n", 2)[2]
        assert "](javascript:" not in body and 'href="javascript:' not in body, path


def test_schemas_are_published_unchanged(sample_content: SiteContent) -> None:
    for path in (REPO / "schemas").glob("*.schema.json"):
        assert sample_content.files[f"data/schemas/{path.name}"] == Path(path).read_bytes()
