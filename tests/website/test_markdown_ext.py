"""The site's Markdown extension: Danish anchors and tables in their own scroll boxes."""

from __future__ import annotations

import markdown  # type: ignore[import-untyped]

from generator.render.markdown_ext import slugify_heading


def _render(text: str) -> str:
    return str(
        markdown.markdown(text, extensions=["tables", "toc", "generator.render.markdown_ext"])
    )


def test_anchors_transliterate_danish_letters() -> None:
    assert slugify_heading("Nøgletal", "-") == "noegletal"
    assert slugify_heading("Portføljen i tal", "-") == "portfoeljen-i-tal"
    assert slugify_heading("Pr. år", "-") == "pr-aar"
    assert slugify_heading("Ærø Åbyhøj", "-") == "aeroe-aabyhoej"
    html = _render("## Nøgletal\n\n### Efter år\n")
    assert '<h2 id="noegletal">' in html and '<h3 id="efter-aar">' in html


def test_every_table_stands_in_a_keyboard_scrollable_box_named_after_its_section() -> None:
    html = _render(
        "## Bevilget pr. tema\n\n| Tema | Bevilget |\n| --- | ---: |\n| Klima | 0 kr. |\n"
    )
    assert (
        '<div aria-label="Tabel: Bevilget pr. tema" class="table-scroll" role="region" '
        'tabindex="0"><table>'
    ) in html
    assert html.count("<table>") == html.count('class="table-scroll"') == 1
    first = _render("| A |\n| --- |\n| 1 |\n")
    assert 'aria-label="Tabel"' in first  # a table before any heading
