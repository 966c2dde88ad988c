"""Untrusted record text: escaped, allowlisted, demoted, and links limited to three schemes."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render.sanitize import (
    TextRenderer,
    attribute_text,
    external_link,
    inline_text,
)
from generator.site_config import safe_url

ALLOWED_TAGS = {"div", "p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol"}
ALLOWED_TAGS |= {"li", "a", "hr", "h3", "h4", "h5", "h6", "span"}


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(markup: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Collect()
    parser.feed(markup)
    return parser.tags


@pytest.fixture(scope="module")
def renderer() -> TextRenderer:
    return TextRenderer()


def test_raw_html_is_shown_as_text(renderer: TextRenderer) -> None:
    out = renderer.block("Før <script>alert(1)</script> <b onclick='x()'>fed</b> efter")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert [tag for tag, _ in tags_of(out)] == ["div", "p"]


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ("[a](https://example.dk/x)", "https://example.dk/x"),
        ("[a](http://example.dk/x)", "http://example.dk/x"),
        ("[a](mailto:innovation@example.dk)", "mailto:innovation@example.dk"),
        ("<https://example.dk/auto>", "https://example.dk/auto"),
    ],
)
def test_allowed_links_keep_their_address_and_get_rel(
    renderer: TextRenderer, source: str, kept: str
) -> None:
    links = [attrs for tag, attrs in tags_of(renderer.block(source)) if tag == "a"]
    assert links == [{"href": kept, "rel": "nofollow noopener noreferrer"}]


@pytest.mark.parametrize(
    "source",
    [
        "[a](javascript:alert(1))",
        "[a](JaVaScRiPt:alert(1))",
        "[a](data:text/html;base64,PHNjcmlwdD4=)",
        "[a](vbscript:msgbox)",
        "[a](../../etc/passwd)",
        "[a](//evil.example.net/x)",
        "[a](&#106;avascript:alert(1))",
        "[a](ftp://example.dk/)",
    ],
)
def test_other_links_become_plain_text(renderer: TextRenderer, source: str) -> None:
    out = renderer.block(source)
    assert [tag for tag, _ in tags_of(out)] == ["div", "p"]
    assert out.endswith("<p>a</p>\n</div>")


def test_images_become_links_and_never_load(renderer: TextRenderer) -> None:
    out = renderer.block("![sporingspixel](https://tracker.example.net/p.gif) ![x](javascript:1)")
    tags = tags_of(out)
    assert all(tag != "img" for tag, _ in tags)
    pixel = {"href": "https://tracker.example.net/p.gif", "rel": "nofollow noopener noreferrer"}
    assert ("a", pixel) in tags
    assert "Billede: sporingspixel" in out
    assert "Billede: x" in out


def test_headings_are_demoted_below_the_page_and_keep_their_order(renderer: TextRenderer) -> None:
    out = renderer.block("# En\n\n## To\n\n###### Seks", heading_level=4)
    assert [tag for tag, _ in tags_of(out) if tag.startswith("h")] == ["h4", "h5", "h6"]


def test_headings_start_at_the_level_even_when_the_text_starts_deeper(
    renderer: TextRenderer,
) -> None:
    out = renderer.block("### Dyb\n\n#### Dybere", heading_level=3)
    assert [tag for tag, _ in tags_of(out) if tag.startswith("h")] == ["h3", "h4"]


@pytest.mark.parametrize(
    "source",
    [
        'Tekst {: onclick="alert(1)" }',
        "{{ config.site_name }} {% include 'x' %} {# kommentar #}",
        "# Overskrift {: #id .klasse }",
    ],
)
def test_no_brace_reaches_the_site_engine(renderer: TextRenderer, source: str) -> None:
    out = renderer.block(source)
    assert "{" not in out and "}" not in out
    assert "&#123;" in out


def test_snippet_markers_cannot_include_files(renderer: TextRenderer) -> None:
    out = renderer.block('--8<-- "/etc/passwd"\n\n;--8<-- "x.md"')
    assert "--8<--" not in out
    assert "--8&lt;--" in out


def test_a_block_has_no_blank_line_that_would_end_the_raw_html(renderer: TextRenderer) -> None:
    out = renderer.block("Et\n\n\n\n- to\n- tre\n\n```\nkode\n\nmere\n```")
    assert "\n\n" not in out
    assert out.startswith('<div class="record-text">') and out.endswith("</div>")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_only_allowed_tags_and_safe_attributes(text: str) -> None:
    out = TextRenderer().block(text)
    for tag, attrs in tags_of(out):
        assert tag in ALLOWED_TAGS
        assert set(attrs) <= ({"href", "rel", "class"} if tag in ("a", "div") else set())
        href = attrs.get("href")
        if href is not None:
            assert safe_url(href) is not None
    assert "{" not in out and "}" not in out


PLAIN = st.text(
    alphabet=st.sampled_from("abcæøå ABCÆØÅ 0123456789 ,.;?'\"()%/–—-"), min_size=1, max_size=80
)


@settings(max_examples=300, deadline=None)
@given(PLAIN)
def test_plain_text_shortcut_renders_as_markdown_does(text: str) -> None:
    assert TextRenderer().block(text) == TextRenderer(shortcut=False).block(text)


@given(st.text(max_size=200))
def test_inline_text_leaves_no_markdown_or_html_syntax(text: str) -> None:
    out = inline_text(text)
    bare = re.sub(r"&#[0-9]+;", "", out)  # what remains once the references are taken out
    assert not set(bare) & set("\\`*_{}[]()#+!|<>&\"'~^=:$@%\n\r\t")
    assert html.unescape(out) == re.sub(r"\s+", " ", text)


def test_attribute_text_escapes_quotes_and_braces() -> None:
    assert attribute_text('"><script>{x}') == "&quot;&gt;&lt;script&gt;&#123;x&#125;"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.dk/a", "https://example.dk/a"),
        ("HTTP://example.dk", "HTTP://example.dk"),
        ("mailto:a@example.dk", "mailto:a@example.dk"),
        ("https:example.dk", None),
        ("https://exa mple.dk", None),
        ("javascript:alert(1)", None),
        ("/relativ", None),
    ],
)
def test_safe_url(url: str, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_external_link_escapes_a_hostile_address() -> None:
    hostile = 'https://example.org/"onmouseover="alert(1)'
    link = external_link(hostile, "PR")
    assert tags_of(link) == [("a", {"href": hostile, "rel": "nofollow noopener noreferrer"})]
    assert external_link('https://example.org/" onmouseover="x', "PR") == "PR"
    assert external_link("javascript:alert(1)", "PR") == "PR"
