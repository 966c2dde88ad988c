"""Open data: portfolio.json, the two CSV tables and the Atom feed."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from generator.pipeline import Checked
from generator.render import SiteContent
from generator.render.feed import atom_feed
from generator.render.opendata import DECISION_COLUMNS, IDEA_COLUMNS, decisions_csv, ideas_csv
from generator.settings import Settings

ATOM = "{http://www.w3.org/2005/Atom}"


def _feed(data: bytes) -> ET.Element:
    return ET.fromstring(data)  # noqa: S314 (the feed this code made, in a test)


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_portfolio_json_has_the_spec_shape(sample_content: SiteContent) -> None:
    document = json.loads(sample_content.files["data/portfolio.json"])
    assert list(document) == ["ladder", "themes", "ideas"]
    assert document["ladder"][1] == {"step": 2, "amount": 125000, "currency": "DKK"}
    assert {t["id"] for t in document["themes"]} == {
        "klima",
        "samskabelse-og-frivillighed",
        "fremme-ligevaerd",
    }
    idea = next(i for i in document["ideas"] if i["id"] == "digital-nabohjaelp")
    required = {"id", "title", "theme", "submitted", "status", "step", "granted"}
    assert required | {"decisions", "tests"} <= set(idea)
    assert (idea["status"], idea["step"], idea["granted"]) == ("step-2", 2, 150000)
    assert [d["kind"] for d in idea["decisions"]] == ["screening", "investment", "investment"]
    assert idea["decisions"][1] == {
        "date": "2020-03-30",
        "kind": "investment",
        "decided_by": "Direktørgruppen",
        "rationale": "Ideen passer til temaet.",
        "pull_request": "https://github.com/aarhus-kommune/innovationsportefolje/pull/7",
        "step": 1,
        "amount": 25000,
    }
    assert [t["step"] for t in idea["tests"]] == [1, 2]
    assert idea["tests"][0]["result"]["outcome"] == "confirmed"
    assert "result" not in idea["tests"][1]


def test_ideas_csv_has_a_row_an_idea(sample_content: SiteContent) -> None:
    data = sample_content.files["data/ideer.csv"]
    assert data.splitlines()[0].decode() == ",".join(c.name for c in IDEA_COLUMNS)
    rows = {row["id"]: row for row in _rows(data)}
    assert set(rows) == {"digital-nabohjaelp", "renere-luft", "solceller-paa-taget"}
    assert rows["renere-luft"]["status"] == "closed"
    assert rows["renere-luft"]["granted"] == "25000"
    assert rows["digital-nabohjaelp"]["departments"] == "sundhed-og-omsorg;kultur-og-borgerservice"
    assert b"\r\n" in data


def test_decisions_csv_has_a_row_a_decision(sample_content: SiteContent) -> None:
    data = sample_content.files["data/beslutninger.csv"]
    assert data.splitlines()[0].decode() == ",".join(c.name for c in DECISION_COLUMNS)
    rows = _rows(data)
    assert len(rows) == 6
    close = next(r for r in rows if r["kind"] == "close")
    assert close["learning"] == "Sensorerne var for upræcise."


def test_csv_cells_that_look_like_formulas_are_defused(hostile: tuple[Checked, Settings]) -> None:
    checked, _ = hostile
    for table in (ideas_csv(checked.portfolio), decisions_csv(checked.portfolio)):
        for row in _rows(table):
            assert not any(value[:1] in ("=", "+", "-", "@") for value in row.values())


def test_feed_lists_decisions_newest_first(sample: tuple[Checked, Settings]) -> None:
    checked, _ = sample
    feed = _feed(atom_feed(checked.portfolio))
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 6
    dates = [e.findtext(f"{ATOM}updated") or "" for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert entries[0].findtext(f"{ATOM}title") == "Renere luft ved skolerne: Lukning"
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == 6 and all(i and i.startswith("urn:uuid:") for i in ids)
    link = entries[0].find(f"{ATOM}link")
    assert link is not None and link.get("href") == "ideer/renere-luft/#beslutning-2021-08-16-close"
    assert feed.findtext(f"{ATOM}updated") == "2021-08-16T00:00:00Z"


def test_feed_links_are_absolute_with_a_site_url(sample: tuple[Checked, Settings]) -> None:
    checked, _ = sample
    feed = _feed(atom_feed(checked.portfolio, "https://example.dk/portefolje"))
    link = feed.find(f"{ATOM}entry/{ATOM}link")
    assert (
        link is not None
        and link.get("href")
        == "https://example.dk/portefolje/ideer/renere-luft/#beslutning-2021-08-16-close"
    )


def test_feed_keeps_hostile_text_as_text(hostile: tuple[Checked, Settings]) -> None:
    checked, _ = hostile
    feed = _feed(atom_feed(checked.portfolio))
    titles = [e.findtext(f"{ATOM}title") or "" for e in feed.findall(f"{ATOM}entry")]
    assert any("</title><script>" in title for title in titles)
    assert all(e.get("type") == "text" for e in feed.iter(f"{ATOM}summary"))
