"""schema.org on idea pages: a `Project` with a `MonetaryGrant` a step granted, as JSON-LD
that the page's policy lets stand (data, not script) and that no record text breaks out of."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Dialog

from generator.render import SiteContent
from tests.website.sample import HOSTILE_LINE, HOSTILE_TEXT

BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _data(text: str) -> list[dict[str, Any]]:
    """The JSON-LD of a built page's head."""
    return [json.loads(found) for found in BLOCK.findall(text)]


def _front_matter_data(page: str) -> dict[str, Any]:
    """The JSON-LD a rendered page hands the page head, in its front matter."""
    head = page.split("---\n")[1]
    (line,) = [x for x in head.splitlines() if x.startswith("structured_data: ")]
    return dict(json.loads(json.loads(line.removeprefix("structured_data: "))))


def test_an_idea_page_carries_its_project_and_grants(sample_content: SiteContent) -> None:
    project = _front_matter_data(sample_content.pages["ideer/digital-nabohjaelp.md"])
    assert project["@context"] == "https://schema.org" and project["@type"] == "Project"
    assert project["name"] == "Digital nabohjælp" and project["foundingDate"] == "2020-02-03"
    # Steps 1 and 2 granted: 25,000 and 125,000 kroner, one MonetaryGrant each.
    assert [(g["@type"], g["name"], g["amount"]["value"]) for g in project["funding"]] == [
        ("MonetaryGrant", "Investeringstrin 1", 25000),
        ("MonetaryGrant", "Investeringstrin 2", 125000),
    ]
    assert {g["amount"]["currency"] for g in project["funding"]} == {"DKK"}


def test_an_idea_without_grants_has_no_funding(sample_content: SiteContent) -> None:
    project = _front_matter_data(sample_content.pages["ideer/solceller-paa-taget.md"])
    assert "funding" not in project


def test_hostile_text_stays_inside_the_data_block(hostile_site: Path) -> None:
    html = (hostile_site / "ideer/fjendtlig-tekst/index.html").read_text("utf-8")
    head, _, body = html.partition("</head>")
    assert "application/ld+json" not in body  # in the head, never in the page's content
    (project,) = _data(head)
    assert project["name"] == HOSTILE_LINE and project["description"] == HOSTILE_TEXT
    (raw,) = BLOCK.findall(html)
    # written as \\u003c, \\u003e and \\u005d: no element can close, no Markdown link start
    assert "<" not in raw and ">" not in raw and "](" not in raw


@pytest.mark.browser
def test_the_policy_lets_the_data_stand_and_nothing_runs(browser: Browser, site_url: str) -> None:
    page = browser.new_context().new_page()
    refused: list[str] = []
    dialogs: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Refused" in m.text else None)

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.goto(site_url + "ideer/fjendtlig-tekst/", wait_until="networkidle")
    data = page.evaluate(
        "[...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
        ".map(s => JSON.parse(s.textContent))"
    )
    page.context.close()
    assert [d["name"] for d in data] == [HOSTILE_LINE]
    assert refused == [] and dialogs == []
