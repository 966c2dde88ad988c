"""Render stage, structured data: an idea as a schema.org `Project` in JSON-LD (no I/O).

Search engines and portals read the idea page's card from it: the title, the summary, the
theme, the dates and a `MonetaryGrant` for each step granted. The page's head carries it
(overrides/partials/structured-data.html) as a data block (`type="application/ld+json"`),
which no browser runs, so the page's Content-Security-Policy lets it stand. Record text is untrusted: every <, >, & and square bracket in it is written
as a JSON escape, so no text can close the element, start markup or make a link.
"""

from __future__ import annotations

import json
from typing import Any

from generator.kinds import DecisionKind
from generator.model import Idea, Theme
from generator.vocabulary import format_date

# Markup's own characters, and Markdown's link brackets, as JSON escapes.
_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "[": "\\u005b", "]": "\\u005d"}
)


def project_data(idea: Idea, theme: Theme | None, currency: str) -> dict[str, Any]:
    """The idea as a schema.org Project, with a MonetaryGrant for each step granted."""
    grants = [
        {
            "@type": "MonetaryGrant",
            "name": f"Investeringstrin {d.step}",
            "description": f"Bevilget {format_date(d.date)} af {d.decided_by}.",
            "amount": {"@type": "MonetaryAmount", "value": d.amount, "currency": currency},
        }
        for d in idea.decisions
        if d.kind == DecisionKind.INVESTMENT and d.amount is not None
    ]
    project: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Project",
        "identifier": idea.idea_id,
        "name": idea.title,
        "description": idea.summary,
        "foundingDate": idea.submitted,
    }
    if theme is not None:
        project["knowsAbout"] = theme.name
    if idea.tags:
        project["keywords"] = ", ".join(idea.tags)
    if grants:
        project["funding"] = grants
    return project


def _json(value: object) -> str:
    """Compact JSON whose strings escape markup's characters and Markdown's brackets."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{_json(str(k))}:{_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_json(item) for item in value) + "]"
    text = json.dumps(value, ensure_ascii=False)
    return text.translate(_ESCAPES) if isinstance(value, str) else text


def jsonld_text(data: dict[str, Any]) -> str:
    """The JSON of a <script type="application/ld+json"> element, which no text breaks out of."""
    return _json(data)
