"""Render stage, feeds: Atom feeds of the decisions, newest first (no I/O).

One for the whole site, one a theme and one an idea, so anyone can follow what they care about.

ElementTree writes the XML, so record text is always escaped; entries carry plain text
only. Ids are name-based UUIDs, stable across builds without knowing the site's host.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from generator.kinds import DecisionKind, ThemeKind
from generator.model import Decision, Idea, Portfolio
from generator.render.views import decision_anchor, decision_heading, shown_ideas, themes_of_kind
from generator.vocabulary import format_money

ATOM = "http://www.w3.org/2005/Atom"
FEED_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "aarhus-innovationsportefolje/feed")
FEED_TITLE = "Innovationsmotoren: beslutninger"
MAX_ENTRIES = 200


def _timestamp(date: str) -> str:
    return f"{date}T00:00:00Z"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


EXAMPLE_PREFIX = "Eksempel: "
EXAMPLE_SUMMARY = "Et opdigtet eksempel, ikke en virkelig beslutning.\n\n"


def entry_title(idea: Idea, decision: Decision, currency: str) -> str:
    """For example 'Digital nabohjælp: Investering: trin 2 (125.000 kr.)'; a fictional
    example's title begins 'Eksempel: '."""
    heading = decision_heading(decision.kind, decision.outcome, decision.step)
    if decision.kind == DecisionKind.INVESTMENT and decision.amount is not None:
        heading += f" ({format_money(decision.amount, currency)})"
    return f"{EXAMPLE_PREFIX if idea.example else ''}{idea.title}: {heading}"


def _entry(feed: ET.Element, idea: Idea, decision: Decision, currency: str, base: str) -> None:
    entry = _sub(feed, "entry")
    key = f"{idea.idea_id}/{decision.date}-{decision.kind}-{decision.step or 0}"
    _sub(entry, "id", uuid.uuid5(FEED_NAMESPACE, key).urn)
    _sub(entry, "title", entry_title(idea, decision, currency), type="text")
    _sub(entry, "updated", _timestamp(decision.date))
    href = f"{base}ideer/{idea.idea_id}/#{decision_anchor(decision)}"
    _sub(entry, "link", rel="alternate", type="text/html", href=href)
    _sub(entry, "author").append(_named("name", decision.decided_by))
    text = (EXAMPLE_SUMMARY if idea.example else "") + decision.rationale
    if decision.learning:
        text += "\n\nLæring: " + decision.learning
    _sub(entry, "summary", text, type="text")


def _named(tag: str, text: str) -> ET.Element:
    element = ET.Element(f"{{{ATOM}}}{tag}")
    element.text = text
    return element


@dataclass(frozen=True)
class FeedSpec:
    """What one feed is about: its path, the page it follows, its title, its ideas."""

    path: str  # from the site's root, e.g. "temaer/klima/feed.xml"
    page_url: str  # the page it follows, from the site's root, e.g. "temaer/klima/"
    title: str
    subtitle: str
    ideas: list[Idea]
    key: str  # what the feed's id is made from, stable across builds


def theme_feed_path(theme_id: str) -> str:
    return f"temaer/{theme_id}/feed.xml"


def idea_feed_path(idea_id: str) -> str:
    return f"ideer/{idea_id}/feed.xml"


def _base(site_url: str | None, path: str) -> str:
    """What links in a feed at `path` start with: the site's address, or the way to its root."""
    if site_url:
        return site_url.rstrip("/") + "/"
    return "../" * path.count("/")


def render_feed(
    spec: FeedSpec, currency: str, site_url: str | None = None, author: str = "Aarhus Kommune"
) -> bytes:
    """An Atom feed of the decisions on these ideas, newest first, at most MAX_ENTRIES."""
    base = _base(site_url, spec.path)
    pairs = [(idea, d) for idea in spec.ideas for d in idea.decisions]
    pairs.sort(key=lambda pair: (pair[1].order_key, pair[0].idea_id), reverse=True)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "da"})
    _sub(feed, "id", uuid.uuid5(FEED_NAMESPACE, spec.key).urn)
    _sub(feed, "title", spec.title)
    _sub(feed, "subtitle", spec.subtitle)
    dates = [pair[1].date for pair in pairs] or [idea.submitted for idea in spec.ideas]
    _sub(feed, "updated", _timestamp(max(dates, default="1970-01-01")))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=base + spec.path)
    _sub(feed, "link", rel="alternate", type="text/html", href=(base + spec.page_url) or "./")
    _sub(feed, "author").append(_named("name", author))
    for idea, decision in pairs[:MAX_ENTRIES]:
        _entry(feed, idea, decision, currency, base)
    ET.indent(feed)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def site_feed_spec(portfolio: Portfolio) -> FeedSpec:
    return FeedSpec(
        "feed.xml", "", FEED_TITLE, "Screeninger, investeringer, lukninger og videreførelser.",
        shown_ideas(portfolio), "feed",
    )  # fmt: skip


def feed_specs(portfolio: Portfolio) -> list[FeedSpec]:
    """The site's feed, one feed a theme (kind theme) and one an idea."""
    ideas = shown_ideas(portfolio)
    by_theme: dict[str, list[Idea]] = {}
    for idea in ideas:
        by_theme.setdefault(idea.theme, []).append(idea)
    specs = [site_feed_spec(portfolio)]
    for theme in themes_of_kind(portfolio, ThemeKind.THEME):
        specs.append(
            FeedSpec(
                theme_feed_path(theme.theme_id),
                f"temaer/{theme.theme_id}/",
                f"Innovationsmotoren: {theme.name}",
                f"Beslutninger om ideerne i temaet {theme.name}.",
                by_theme.get(theme.theme_id, []),
                f"temaer/{theme.theme_id}",
            )
        )
    return specs + _idea_specs(ideas)


def _idea_specs(ideas: list[Idea]) -> list[FeedSpec]:
    return [
        FeedSpec(
            idea_feed_path(idea.idea_id),
            f"ideer/{idea.idea_id}/",
            f"Innovationsmotoren: {idea.title}",
            f"Beslutninger om ideen {idea.title}.",
            [idea],
            f"ideer/{idea.idea_id}",
        )
        for idea in ideas
    ]


def atom_feed(portfolio: Portfolio, site_url: str | None = None) -> bytes:
    """feed.xml: the latest decisions as Atom entries; links relative unless site_url is set."""
    return render_feed(site_feed_spec(portfolio), portfolio.ladder.currency, site_url)


def atom_feeds(
    portfolio: Portfolio, site_url: str | None = None, author: str = "Aarhus Kommune"
) -> dict[str, bytes]:
    """Every feed of the site by its path: the site's, each theme's and each idea's."""
    currency = portfolio.ladder.currency
    return {
        spec.path: render_feed(spec, currency, site_url, author) for spec in feed_specs(portfolio)
    }
