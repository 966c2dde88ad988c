"""Browsing by tag: /emner/ lists every tag with its count, each tag's page lists its ideas,
tags with the same slug share a page, and the tags on an idea page link there."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from generator.render import SiteContent, read_schema_files, render_site
from generator.vocabulary import slugify
from tests.sample_records import idea
from tests.website.conftest import check_records
from tests.website.sample import HOSTILE_LINE, SAMPLE

TAGGED: dict[str, Any] = {
    **SAMPLE,
    "ideas/a-frivillige/idea.yaml": idea("A", "klima", "2021-01-01", tags=["Frivillighed"]),
    "ideas/b-frivillige/idea.yaml": idea(
        "B", "klima", "2021-02-01", tags=["frivillighed!", "Ældre", "Frivillighed"]
    ),
    "ideas/c-tegn/idea.yaml": idea("C", "klima", "2021-03-01", tags=["!!!", "ældre"]),
}


@pytest.fixture(scope="module")
def tagged(tmp_path_factory: pytest.TempPathFactory) -> SiteContent:
    checked, settings = check_records(tmp_path_factory.mktemp("tags"), TAGGED)
    return render_site(
        checked.portfolio, read_schema_files(settings.schemas_dir), today=settings.today
    )


def _tag_rows(index: str) -> dict[str, tuple[str, int]]:
    """/emner/'s table: tag name → (its page, its count)."""
    rows = re.findall(r"^\| \[([^\]]+)\]\(([^)]+)\) \| (\d+) \|$", index, re.MULTILINE)
    return {name: (target.removeprefix("../emner/"), int(count)) for name, target, count in rows}


def _ideas_with(slug: str) -> set[str]:
    """The ideas whose tags give this slug, read from the records."""
    return {
        path.split("/")[1]
        for path, card in TAGGED.items()
        if path.endswith("/idea.yaml") and any(slugify(t) == slug for t in card.get("tags", []))
    }


def test_the_tag_index_lists_every_tag_with_its_count(tagged: SiteContent) -> None:
    rows = _tag_rows(tagged.pages["emner/index.md"])
    slugs = {slugify(t) for card in TAGGED.values() if isinstance(card, dict)
             for t in card.get("tags", [])} - {""}  # fmt: skip
    assert {target.removesuffix(".md") for target, _ in rows.values()} == slugs
    for target, count in rows.values():
        assert count == len(_ideas_with(target.removesuffix(".md")))


def test_tags_with_the_same_slug_share_one_page_named_by_the_usual_spelling(
    tagged: SiteContent,
) -> None:
    rows = _tag_rows(tagged.pages["emner/index.md"])
    assert rows["Frivillighed"] == ("frivillighed.md", 3)  # digital-nabohjaelp, a and b
    assert "frivillighed&#33;" not in rows
    page = tagged.pages["emner/frivillighed.md"]
    listed = set(re.findall(r"\]\(\.\./ideer/([^)]+)\.md\)", page))
    assert (
        listed
        == _ideas_with("frivillighed")
        == {"digital-nabohjaelp", "a-frivillige", "b-frivillige"}
    )


def test_a_tag_without_letters_gets_no_page_and_no_link(tagged: SiteContent) -> None:
    assert not any(path.startswith("emner/.") or path == "emner/.md" for path in tagged.pages)
    idea = tagged.pages["ideer/c-tegn.md"]
    assert "**Emneord:** &#33;&#33;&#33;, [ældre](../emner/aeldre.md)" in idea


def test_tags_on_an_idea_page_link_to_their_tag_page(sample_content: SiteContent) -> None:
    idea = sample_content.pages["ideer/digital-nabohjaelp.md"]
    assert "[nabohjælp](../emner/nabohjaelp.md), [frivillighed](../emner/frivillighed.md)" in idea
    for target in ("emner/nabohjaelp.md", "emner/frivillighed.md"):
        assert "Digital nabohjælp" in sample_content.pages[target]


def test_a_hostile_tag_stays_text_on_its_page(hostile_site: Path) -> None:
    slug = slugify(HOSTILE_LINE)
    html = (hostile_site / "emner" / slug / "index.html").read_text("utf-8")
    assert "<script>alert" not in html and 'href="javascript:' not in html
    assert "Emne: &lt;/title&gt;&lt;script&gt;" in html  # the tag, as text
    index = (hostile_site / "emner" / "index.html").read_text("utf-8")
    assert f'href="../emner/{slug}/"' in index or f'href="{slug}/"' in index
