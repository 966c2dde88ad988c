"""The Markdown summary: what the pull-request comment shows, and that records cannot inject."""

from __future__ import annotations

import html
import re

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from generator.review.markup import escape_markdown
from generator.review.render import COMMENT_MARKER
from generator.site_config import safe_site_url
from tests.conftest import invoke
from tests.gittools import git
from tests.review.conftest import NY_IDE_FIT, Repo
from tests.sample_records import card, idea_files, investment

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
    repo.add(NY_IDE_FIT)
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
    assert "Idekortet er ændret; det nye kort lyder:" in result.stdout
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
    assert escape_markdown("x" * 1000, limit=10) == "x" * 9 + "…"


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


@pytest.mark.parametrize(
    "raw",
    [
        "GH-12",
        "se gh-7 og JIRA-44",
        "aarhus-kommune/portefoelje#12",
        "commit 4f2a9c1",
        "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3",
        "aarhus-kommune/portefoelje@4f2a9c1",
        "www.evil.example",
        "WWW.EVIL.EXAMPLE",
        "@aarhus-kommune/alle",
        "#12",
    ],
)
def test_nothing_github_would_autolink_is_left_whole(raw: str) -> None:
    escaped = html.unescape(escape_markdown(raw).replace("\\", ""))
    # GitHub's references: GH-n and a repository's own PREFIX-n, owner/repo#n, #n, a commit
    # id of 7 to 40 hexadecimal characters, @mentions and bare www. addresses.
    assert not re.search(r"(?i)\b[a-z]+-[0-9]", escaped)
    assert not re.search(r"#[0-9]", escaped)
    assert not re.search(r"(?i)(?<![0-9a-z])[0-9a-f]{7,}", escaped)
    assert not re.search(r"(?i)\bwww\.", escaped)
    assert not re.search(r"@\w", escaped)
    # and the text reads the same once the invisible breaks are gone
    assert escaped.replace("\u200b", "") == raw


def test_every_idea_touched_carries_its_cards_text_and_who_approves(repo: Repo) -> None:
    # A screening of an idea already on main: the directors decide on its card's text.
    repo.add(NY_IDE_FIT)
    out = repo.review("--base", "base", "--format", "markdown").stdout
    assert "- **Resumé:** Et resumé\\." in out
    assert "- **Udfordring:** En udfordring\\." in out
    assert "- **Målgruppe:** En målgruppe\\." in out
    assert "- **Gevinstpotentiale:** Et gevinstpotentiale\\." in out
    assert (
        "**Godkendes af:** @&#8203;aarhus\\-kommune/tema\\-klima, "
        "@&#8203;aarhus\\-kommune/strategiske\\-chefer (temaets reviewers)." in out
    )
    assert "<details>" not in out  # a short card is shown open


def test_a_long_card_is_folded_whole_into_details(repo: Repo) -> None:
    card = repo.read("ideas/ny-ide/idea.yaml")
    long_problem = "Borgerne venter længe på svar. " * 60  # 1,860 characters, more than 800
    repo.write("ideas/ny-ide/idea.yaml", card.replace("En udfordring.", long_problem.strip()))
    out = repo.review("--base", "base", "--format", "markdown").stdout
    folded = out.split("<details>")[1].split("</details>")[0]
    assert "<summary>Idekortets tekst" in folded
    assert "Borgerne venter længe på svar\\. " * 59 in folded  # all of it, not cut at 600
    html = cmarkgfm.github_flavored_markdown_to_html(out, options=Options.CMARK_OPT_UNSAFE)
    assert "<details>" in html and "<summary>" in html


def test_a_new_step_shows_its_test_card_in_full(repo: Repo) -> None:
    planned = card(
        1, "2021-03-15", "2021-06-30", "planned", question="Virker det?",
        hypothesis="Cyklerne klarer turene.", method="Tre måneders forsøg.",
        success_criteria=["80 procent på cykel"], budget=24000,
    )  # fmt: skip
    repo.add(idea_files("til-pitch", None, [investment("2021-03-01", 1)], [planned]))
    out = repo.review("--base", "base").stdout
    for line in (
        "- Trin 1, nyt (Planlagt): Virker det?",
        "  - Hypotese: Cyklerne klarer turene.",
        "  - Metode: Tre måneders forsøg.",
        "  - Succeskriterier: 80 procent på cykel",
        "  - Budget: 24.000 kr.",
        "  - Periode: 15. marts 2021 – 30. juni 2021",
    ):
        assert line in out.splitlines()


def test_warnings_are_reported_for_the_touched_files_only(repo: Repo) -> None:
    # On 2022-12-01 ny-ide (submitted 2022-06-01) has waited 183 days for its screening:
    # a W02 that validation reports, but that no change of til-pitch answers for.
    later = ("--today", "2022-12-01")
    everything = invoke("validate", "--records", repo.records, *later)
    assert "W02 (advarsel)" in everything.stdout
    untouched = repo.review("--base", "base", *later)
    repo.write(
        "ideas/til-pitch/idea.yaml",
        repo.read("ideas/til-pitch/idea.yaml").replace(
            "departments: [teknik-og-miljoe, sundhed-og-omsorg]", "departments: [teknik-og-miljoe]"
        ),
    )
    touched = repo.review("--base", "base", *later).stdout
    assert "W01 (advarsel) records/ideas/til-pitch/idea.yaml" in touched
    assert "W02" not in touched and "W02" not in untouched.stdout
    validated = invoke("validate", "--records", repo.records, "--base", "base", *later)
    assert "records/ideas/til-pitch/idea.yaml" in validated.stdout
    assert "W01 (advarsel)" in validated.stdout
    assert "W02" not in validated.stdout


def test_errors_are_reported_wherever_they_are(repo: Repo) -> None:
    broken = repo.read("ideas/afvist/idea.yaml").replace("theme: klima", "theme: findes-ikke")
    (repo.records / "ideas/afvist/idea.yaml").write_text(broken, encoding="utf-8")
    repo.commit("a broken idea on the base branch")
    git(repo.root, "tag", "-f", "base")
    repo.write("ideas/til-pitch/idea.yaml", repo.read("ideas/til-pitch/idea.yaml") + "tags: [a]\n")
    out = repo.review("--base", "base").stdout
    assert "L02" in out and "records/ideas/afvist/idea.yaml" in out
