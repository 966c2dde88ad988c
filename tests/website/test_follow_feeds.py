"""The feeds to follow one theme or one idea: valid Atom, one entry a decision in the records,
newest first, each entry linking to its decision on the idea page, linked from the page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from generator.render import SiteContent
from tests.website.sample import HOSTILE, SAMPLE

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def _decision_files(records: dict[str, object], idea_id: str) -> int:
    """How many decision records the idea has, counted from the record files themselves."""
    return sum(1 for path in records if path.startswith(f"ideas/{idea_id}/decisions/"))


def _theme_of(records: dict[str, object], idea_id: str) -> str:
    card = records[f"ideas/{idea_id}/idea.yaml"]
    assert isinstance(card, dict)
    return str(card["theme"])


def _ideas(records: dict[str, object]) -> list[str]:
    return sorted(p.split("/")[1] for p in records if re.fullmatch(r"ideas/[^/]+/idea\.yaml", p))


def _check_atom(document: bytes) -> ET.Element:
    """The feed parsed, after the checks RFC 4287 makes of a feed and its entries."""
    feed = ET.fromstring(document)  # noqa: S314 (the feed this site just wrote)
    assert feed.tag == f"{ATOM}feed"
    for parent in [feed, *feed.findall(f"{ATOM}entry")]:
        for required in ("id", "title", "updated"):
            assert len(parent.findall(f"{ATOM}{required}")) == 1, required
        assert parent.findtext(f"{ATOM}id", "").startswith("urn:uuid:")
        assert RFC3339.fullmatch(parent.findtext(f"{ATOM}updated", ""))
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    assert [link.get("rel") for link in feed.findall(f"{ATOM}link")] == ["self", "alternate"]
    for entry in feed.findall(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
    ids = [e.findtext(f"{ATOM}id") for e in feed.findall(f"{ATOM}entry")]
    assert len(ids) == len(set(ids))
    return feed


def _updated(feed: ET.Element) -> list[str]:
    return [e.findtext(f"{ATOM}updated", "") for e in feed.findall(f"{ATOM}entry")]


@pytest.mark.parametrize("idea_id", _ideas(HOSTILE))
def test_each_idea_has_a_feed_with_one_entry_a_decision_newest_first(
    hostile_content: SiteContent, idea_id: str
) -> None:
    feed = _check_atom(hostile_content.files[f"ideer/{idea_id}/feed.xml"])
    assert len(feed.findall(f"{ATOM}entry")) == _decision_files(HOSTILE, idea_id)
    assert _updated(feed) == sorted(_updated(feed), reverse=True)


@pytest.mark.parametrize("theme_id", ["klima", "samskabelse-og-frivillighed"])
def test_each_theme_has_a_feed_of_its_ideas_decisions(
    hostile_content: SiteContent, theme_id: str
) -> None:
    feed = _check_atom(hostile_content.files[f"temaer/{theme_id}/feed.xml"])
    ideas = [i for i in _ideas(HOSTILE) if _theme_of(HOSTILE, i) == theme_id]
    expected = sum(_decision_files(HOSTILE, i) for i in ideas)
    assert expected > 0
    assert len(feed.findall(f"{ATOM}entry")) == expected
    assert _updated(feed) == sorted(_updated(feed), reverse=True)
    linked = {urlsplit(e.get("href", "")).path for e in feed.iter(f"{ATOM}link")}
    decided = [i for i in ideas if _decision_files(HOSTILE, i)]
    assert {f"../../ideer/{i}/" for i in decided} <= linked


def test_a_focus_area_has_no_feed(hostile_content: SiteContent) -> None:
    assert "temaer/fremme-ligevaerd/feed.xml" not in hostile_content.files


def test_the_site_feed_still_holds_every_decision(sample_content: SiteContent) -> None:
    feed = _check_atom(sample_content.files["feed.xml"])
    expected = sum(_decision_files(SAMPLE, i) for i in _ideas(SAMPLE))
    assert len(feed.findall(f"{ATOM}entry")) == expected


def _served(site: Path, href: str, feed_path: str) -> tuple[Path, str]:
    """The built file a link in a feed at feed_path points to, and the link's fragment."""
    target = urlsplit(urljoin(f"https://host/{feed_path}", href))
    path = site / target.path.lstrip("/")
    return (path / "index.html" if target.path.endswith("/") else path), target.fragment


def test_feed_entries_link_to_their_decision_on_the_idea_page(hostile_site: Path) -> None:
    feed_path = "ideer/digital-nabohjaelp/feed.xml"
    feed = _check_atom((hostile_site / feed_path).read_bytes())
    for entry in feed.findall(f"{ATOM}entry"):
        link = entry.find(f"{ATOM}link[@rel='alternate']")
        assert link is not None
        page, anchor = _served(hostile_site, link.get("href", ""), feed_path)
        assert anchor.startswith("beslutning-")
        html = page.read_text("utf-8")
        # The anchor sits in the decision's own heading, beside its date.
        heading = re.search(rf'<h3[^>]*><span id="{anchor}"></span>([^<]*)', html)
        assert heading is not None
        assert anchor.split("-", 1)[1][:4] in heading.group(1)  # the decision's year


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("ideer/digital-nabohjaelp/index.html", "ideer/digital-nabohjaelp/feed.xml"),
        ("temaer/klima/index.html", "temaer/klima/feed.xml"),
    ],
)
def test_theme_and_idea_pages_link_their_feed_visibly_and_in_the_head(
    hostile_site: Path, page: str, feed: str
) -> None:
    html = (hostile_site / page).read_text("utf-8")
    head, body = html.split("</head>", 1)
    alternates = re.findall(
        r'<link rel="alternate(?: feed)?" type="application/atom\+xml" title="[^"]*" href="([^"]+)">',
        head,
    )
    resolved = {urljoin(f"https://host/{page}", href) for href in alternates}
    assert f"https://host/{feed}" in resolved and "https://host/feed.xml" in resolved
    visible = re.findall(r'<a href="([^"]+)">nyhedsfeedet for [^<]+</a>', body)
    assert [urljoin(f"https://host/{page}", href) for href in visible] == [f"https://host/{feed}"]
    assert (hostile_site / feed).is_file()
