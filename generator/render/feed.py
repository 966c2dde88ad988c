"""Render stage, feed: an Atom feed of the decisions, newest first (no I/O).

ElementTree writes the XML, so record text is always escaped; entries carry plain text
only. Ids are name-based UUIDs, stable across builds without knowing the site's host.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET

from generator.model import Decision, Idea, Portfolio
from generator.render.views import decision_heading, shown_ideas
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


def entry_title(idea: Idea, decision: Decision, currency: str) -> str:
    """For example 'Digital nabohjælp: Investering: trin 2 (125.000 kr.)'."""
    heading = decision_heading(decision.kind, decision.outcome, decision.step)
    if decision.kind == "investment" and decision.amount is not None:
        heading += f" ({format_money(decision.amount, currency)})"
    return f"{idea.title}: {heading}"


def _entry(feed: ET.Element, idea: Idea, decision: Decision, currency: str, base: str) -> None:
    entry = _sub(feed, "entry")
    key = f"{idea.idea_id}/{decision.date}-{decision.kind}-{decision.step or 0}"
    _sub(entry, "id", uuid.uuid5(FEED_NAMESPACE, key).urn)
    _sub(entry, "title", entry_title(idea, decision, currency), type="text")
    _sub(entry, "updated", _timestamp(decision.date))
    _sub(entry, "link", rel="alternate", type="text/html", href=f"{base}ideer/{idea.idea_id}/")
    _sub(entry, "author").append(_named("name", decision.decided_by))
    text = decision.rationale
    if decision.learning:
        text += "\n\nLæring: " + decision.learning
    _sub(entry, "summary", text, type="text")


def _named(tag: str, text: str) -> ET.Element:
    element = ET.Element(f"{{{ATOM}}}{tag}")
    element.text = text
    return element


def atom_feed(portfolio: Portfolio, site_url: str | None = None) -> bytes:
    """feed.xml: the latest decisions as Atom entries; links relative unless site_url is set."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    pairs = [(idea, d) for idea in shown_ideas(portfolio) for d in idea.decisions]
    pairs.sort(key=lambda pair: (pair[1].order_key, pair[0].idea_id), reverse=True)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "da"})
    _sub(feed, "id", uuid.uuid5(FEED_NAMESPACE, "feed").urn)
    _sub(feed, "title", FEED_TITLE)
    _sub(feed, "subtitle", "Screeninger, investeringer, lukninger og videreførelser.")
    latest = pairs[0][1].date if pairs else "1970-01-01"
    _sub(feed, "updated", _timestamp(latest))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=f"{base}feed.xml")
    _sub(feed, "link", rel="alternate", type="text/html", href=base or "./")
    _sub(feed, "author").append(_named("name", "Aarhus Kommune"))
    for idea, decision in pairs[:MAX_ENTRIES]:
        _entry(feed, idea, decision, portfolio.ladder.currency, base)
    ET.indent(feed)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document + b"\n"
