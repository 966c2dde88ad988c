"""Signals and fictional examples on the rendered pages, feeds and search data.

The sample, on 31 December 2022: digital-nabohjaelp (a fictional example) is at step 2,
whose test should have ended 30 June 2021: 365 + 184 = 549 days late, red (more than 90);
solceller-paa-taget waits 60 days for its screening, green (at most 60); renere-luft has
ended (closed) and has no signal.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from generator import render
from generator.figures import Figures, compute_figures
from generator.model import Portfolio
from generator.pipeline import Checked
from generator.render import SiteContent, pages, render_site
from generator.render.markup import examples_notice, with_notice
from generator.settings import Settings
from generator.site.search import search_fields

RED = (
    '<span class="signal signal-red"><span class="signal-shape" aria-hidden="true">■</span> '
    "Rød</span>"
)
GREEN = (
    '<span class="signal signal-green"><span class="signal-shape" aria-hidden="true">●</span> '
    "Grøn</span>"
)
LATE = "Testen af trin 2 skulle være afsluttet 30. juni 2021&#58; 549 dage forsinket."
NOTICE = "<strong>Porteføljen indeholder opdigtede eksempler.</strong>"


def test_the_idea_page_shows_its_signal_in_a_shape_and_words(sample_content: SiteContent) -> None:
    page = sample_content.pages["ideer/digital-nabohjaelp.md"]
    assert f"<strong>Signal:</strong> {RED} {LATE}</p>" in page
    closed = sample_content.pages["ideer/renere-luft.md"]
    assert "<strong>Signal:</strong>" not in closed  # an ended idea has no signal


def test_theme_and_ladder_lists_carry_each_open_ideas_signal(sample_content: SiteContent) -> None:
    theme = sample_content.pages["temaer/klima.md"]
    assert "| Idé | Indsendt | Status | Signal | Bevilget |" in theme
    assert f"| {GREEN} | 0 kr. |" in theme  # solceller-paa-taget
    assert "| – | 25.000 kr. |" in theme  # renere-luft, closed
    ladder = sample_content.pages["investeringstrin.md"]
    assert f"| {RED} | 150.000 kr. |" in ladder
    assert "Ideen har ventet 61-120 dage på en beslutning" in ladder  # the legend


def test_the_figures_page_has_a_signals_section(sample_content: SiteContent) -> None:
    page = sample_content.pages["tal/index.md"]
    section = page[page.index("## Signaler") : page.index("## Venter på en beslutning")]
    assert "Porteføljens 2 ideer, der ikke er afsluttet: 1 grøn, 0 gule og 1 rød." in section
    assert "| [Klima](../tal/klima.md) | 1 | 0 | 0 |" in section
    assert (
        "| [Samskabelse og frivillighed](../tal/samskabelse-og-frivillighed.md) | 0 | 0 | 1 |"
        in (section)
    )
    assert (
        f"| {RED} | [Digital nabohjælp](../ideer/digital-nabohjaelp.md) "
        f'<span class="example-label">Eksempel</span> | {LATE} |'
    ) in section
    waiting = page[page.index("## Venter på en beslutning") :]
    assert "| testens resultat | 30. juni 2021 | 549 |" in waiting


def test_every_page_opens_with_the_notice_while_an_example_exists(
    sample_content: SiteContent,
) -> None:
    for path, markdown in sample_content.pages.items():
        body = markdown.split("\n---\n", 1)[1].lstrip("\n")
        first, notice = [block for block in body.split("\n\n") if block.strip()][:2]
        assert first.startswith(("# ", "<h1")), path
        assert notice.startswith('<p class="examples-notice" data-pagefind-ignore>'), path
        assert NOTICE in notice, path


def test_no_page_has_the_notice_once_no_idea_is_an_example(
    sample: tuple[Checked, Settings],
) -> None:
    checked, _ = sample
    portfolio = checked.portfolio
    real = {key: replace(idea, example=False) for key, idea in portfolio.ideas.items()}
    content = render_site(replace(portfolio, ideas=real), {}, today="2022-12-31")
    assert [path for path, md in content.pages.items() if "examples-notice" in md] == []
    assert [path for path, md in content.pages.items() if "Eksempel" in md] == []
    assert json.loads(content.files["data/noegletal.json"])["examples"] == 0
    assert "heraf" not in content.pages["index.md"]


def test_figures_say_how_many_of_their_ideas_are_examples(sample_content: SiteContent) -> None:
    assert "heraf 1 opdigtet eksempel" in sample_content.pages["index.md"]
    assert "heraf 1 opdigtet eksempel" in sample_content.pages["tal/index.md"]
    theme = sample_content.pages["temaer/samskabelse-og-frivillighed.md"]
    assert "Temaet har 1 idé, heraf 1 opdigtet eksempel, og der er bevilget" in theme
    assert "til den." in theme  # one idea: "til den", not "til dem"
    assert json.loads(sample_content.files["data/noegletal.json"])["examples"] == 1


def test_learning_and_feeds_mark_the_examples(sample_content: SiteContent) -> None:
    learning = sample_content.pages["laering.md"]
    assert (
        "#### [Digital nabohjælp](ideer/digital-nabohjaelp.md): Testkort, trin 1&#58; bekræftet "
        '<span class="example-label">Eksempel</span>'
    ) in learning
    feed = sample_content.files["feed.xml"].decode()
    assert '<title type="text">Eksempel: Digital nabohjælp: Investering: trin 2' in feed
    assert "Et opdigtet eksempel, ikke en virkelig beslutning." in feed
    assert '<title type="text">Renere luft ved skolerne: Lukning' in feed


def test_search_results_of_examples_are_marked(sample: tuple[Checked, Settings]) -> None:
    checked, _ = sample
    ideas = checked.portfolio.ideas
    assert search_fields(ideas["digital-nabohjaelp"], checked.portfolio)["eksempel"] == "Eksempel"
    assert "eksempel" not in search_fields(ideas["renere-luft"], checked.portfolio)


def test_the_notice_goes_after_the_front_matter_and_the_title() -> None:
    notice = examples_notice(2, 3)
    assert "2 af de 3 ideer er fiktive og mærket Eksempel" in notice
    assert "1 af de 3 ideer er fiktiv og" in examples_notice(1, 3)
    assert "Alle 3 ideer er fiktive" in examples_notice(3, 3)
    assert examples_notice(0, 3) == ""
    page = '---\ntitle: "Søg"\n---\n\n# Søg\n\nTekst.\n'
    assert with_notice(page, notice) == f'---\ntitle: "Søg"\n---\n\n# Søg\n\n{notice}Tekst.\n'
    assert with_notice("Tekst.\n", notice) == f"{notice}Tekst.\n"
    assert with_notice(page, "") == page


def test_the_figures_are_counted_once_a_build(
    sample: tuple[Checked, Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once for the portfolio and once a theme, however many pages show them."""
    checked, _ = sample
    calls: list[int] = []

    def counting(portfolio: Portfolio, as_of: str) -> Figures:
        calls.append(len(portfolio.ideas))
        return compute_figures(portfolio, as_of)

    monkeypatch.setattr(pages, "compute_figures", counting)
    monkeypatch.setattr(render, "compute_figures", counting)
    render_site(checked.portfolio, {}, today="2022-12-31")
    # the portfolio's 3 ideas, then Klima's 2 and Samskabelse og frivillighed's 1
    assert sorted(calls) == [1, 2, 3]
