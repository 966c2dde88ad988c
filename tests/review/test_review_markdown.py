"""The Markdown summary: what the pull-request comment shows, and that records cannot inject."""

from __future__ import annotations

import re

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from generator.review.markup import escape_markdown
from generator.review.render import COMMENT_MARKER
from generator.site_config import safe_site_url
from tests.review.conftest import Repo

HOSTILE_IDEA = """\
title: "Hjælp <script>alert(1)</script> @aarhus-kommune/alle [klik](https://evil.example) #1"
theme: klima
submitted: 2022-06-01
summary: "**fed** <img src=x onerror=alert(1)> www.evil.example ![pix](https://evil.example/p.png)"
problem: "Se `kode` og <!-- skjult --> og | tabel | og @octocat <https://evil.example>"
target_group: "# Overskrift"
benefit_potential: "$x^2$ og <details><summary>x</summary></details> og http://evil.example"
departments: [teknik-og-miljoe, sundhed-og-omsorg]
owner:
  department: teknik-og-miljoe
"""


def test_the_comment_starts_with_its_marker_and_uses_headings(repo: Repo) -> None:
    repo.write(
        "ideas/ny-ide/decisions/2022-06-20-screening.yaml",
        "date: 2022-06-20\nkind: screening\ndecided_by: Direktørgruppen\n"
        "rationale: Passer til temaet.\noutcome: fit\n",
    )
    result = repo.review("--base", "base", "--format", "markdown")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == COMMENT_MARKER
    assert "### Ide ny\\-ide" in lines
    assert "**Status:** Indsendt → Inviteret til pitch" in lines
    assert "- **Screening: strategisk fit** (20. juni 2022, Direktørgruppen)." in result.stdout


def test_the_title_links_to_the_idea_page_when_the_site_has_an_address(repo: Repo) -> None:
    repo.write("ideas/ny-ide/idea.yaml", repo.read("ideas/ny-ide/idea.yaml") + "tags: [cykel]\n")
    (repo.root / "mkdocs.yml").write_text(
        "site_name: X\nsite_url: https://aarhus.example/portefoelje\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    result = repo.review("--base", "base", "--format", "markdown")
    assert "### [Ide ny\\-ide](https://aarhus.example/portefoelje/ideer/ny-ide/)" in result.stdout
    assert "Idekortet er ændret." in result.stdout
    text = repo.review("--base", "base")
    assert "Ide ny-ide (https://aarhus.example/portefoelje/ideer/ny-ide/)" in text.stdout


def test_without_a_site_address_the_title_is_plain(repo: Repo) -> None:
    repo.write("ideas/ny-ide/idea.yaml", repo.read("ideas/ny-ide/idea.yaml") + "tags: [cykel]\n")
    (repo.root / "mkdocs.yml").write_text(
        "site_name: X\nsite_url: 'javascript:alert(1)//'\n", encoding="utf-8"
    )
    result = repo.review("--base", "base", "--format", "markdown")
    assert "### Ide ny\\-ide\n" in result.stdout
    assert "javascript" not in result.stdout


def test_hostile_record_text_stays_text(repo: Repo) -> None:
    repo.write("ideas/hostil/idea.yaml", HOSTILE_IDEA)
    result = repo.review("--base", "base", "--format", "markdown")
    out = result.stdout
    body = out.removeprefix(COMMENT_MARKER)
    assert "<" not in body and ">" not in body.replace("&gt;", "")  # no HTML at all
    assert not re.search(r"@\w", body)  # no mention, no e-mail address
    assert not re.search(r"(?i)(https?|ftp)://|www\.", body)  # nothing to autolink
    assert not re.search(r"(?<!\\)[\[\]`*$|]", body.replace("**", ""))  # no markup of its own
    assert not re.search(r"(?<![\\&])#\d", body)  # no issue reference
    assert "alert\\(1\\)" in out  # the text itself is all there, escaped
    assert "octocat" in out


def test_githubs_renderer_makes_only_our_own_markup_of_it(repo: Repo) -> None:
    repo.write("ideas/hostil/idea.yaml", HOSTILE_IDEA)
    repo.write(
        "ideas/til-pitch/decisions/2021-03-01-investment.yaml",
        "date: 2021-03-01\nkind: investment\ndecided_by: '@everyone <b>x</b>'\n"
        "rationale: '[se](javascript:alert(1)) | a | b |'\nstep: 1\namount: 25000\n",
    )
    markdown = repo.review("--base", "base", "--format", "markdown").stdout
    # GitHub's own renderer, with raw HTML let through, as the most permissive reading.
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    tags = set(re.findall(r"<([a-z0-9]+)", html))
    assert tags <= {"h2", "h3", "p", "ul", "li", "strong"}, tags
    assert html.count("<!--") == 1  # the marker alone
    assert "Hjælp &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[se](javascript:alert(1)) | a | b |" in html


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("25.000 kr.", "25\\.000 kr\\."),
        ("a <b> & c", "a &lt;b&gt; &amp; c"),
        ("@team", "@&#8203;team"),
        ("se #12", "se \\#&#8203;12"),
        ("https://x.dk", "h&#8203;ttps\\://x\\.dk"),
        ("en\n\nlinje  mere", "en linje mere"),
        ("æøå ÆØÅ", "æøå ÆØÅ"),
    ],
)
def test_escape_markdown(raw: str, escaped: str) -> None:
    assert escape_markdown(raw) == escaped


def test_long_text_is_cut() -> None:
    assert escape_markdown("a" * 1000, limit=10) == "a" * 9 + "…"


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://aarhus.example/p", "https://aarhus.example/p/"),
        ("https://aarhus.example/", "https://aarhus.example/"),
        ("javascript:alert(1)", None),
        ("https://x.dk/a b", None),
        ("https://x.dk/)](evil", None),
        (None, None),
    ],
)
def test_only_plain_site_addresses_are_linked(url: str | None, safe: str | None) -> None:
    assert safe_site_url(url) == safe
