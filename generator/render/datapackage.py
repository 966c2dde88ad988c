"""Render stage, data package: datapackage.json, a Frictionless Data Package (no I/O).

It describes ideer.csv and beslutninger.csv with a Table Schema: each column's type and
its Danish description (the same words as on /data/), the ideas' key, the decisions'
reference to it, and the licence of the open data.
"""

from __future__ import annotations

import json
from typing import Any

from generator.render.opendata import DECISION_COLUMNS, IDEA_COLUMNS, Column
from generator.site_config import DataLicence
from generator.vocabulary import slugify

# Table Schema types of the columns that are not text; the xlsx sheets use them too.
COLUMN_TYPES: dict[str, str] = {
    "submitted": "date",
    "date": "date",
    "step": "integer",
    "granted": "integer",
    "amount": "integer",
    "decisions": "integer",
    "example": "boolean",
}


def _field(column: Column) -> dict[str, Any]:
    return {
        "name": column.name,
        "type": COLUMN_TYPES.get(column.name, "string"),
        "description": column.explanation,
    }


def _resource(name: str, title: str, columns: tuple[Column, ...]) -> dict[str, Any]:
    return {
        "name": name,
        "title": title,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
        "schema": {"fields": [_field(column) for column in columns], "missingValues": [""]},
    }


def licence_json(licence: DataLicence) -> dict[str, str]:
    described = {"name": slugify(licence.name) or "licens", "title": licence.name}
    if licence.url:
        described["path"] = licence.url
    return described


def data_package(licence: DataLicence | None = None, publisher: str = "Aarhus Kommune") -> bytes:
    """datapackage.json for the two CSV tables beside it."""
    ideas = _resource("ideer", "Ideerne, én række pr. idé", IDEA_COLUMNS)
    ideas["schema"]["primaryKey"] = ["id"]
    decisions = _resource(
        "beslutninger", "Beslutningerne, én række pr. beslutning", DECISION_COLUMNS
    )
    decisions["schema"]["foreignKeys"] = [
        {"fields": ["idea_id"], "reference": {"resource": "ideer", "fields": ["id"]}}
    ]
    package = {
        "profile": "tabular-data-package",
        "name": "innovationsmotoren",
        "title": f"Innovationsmotoren: {publisher}s innovationsportefølje",
        "description": (
            "Ideerne i Innovationsmotoren og beslutningerne om dem: screeninger, "
            "investeringer, lukninger og videreførelser."
        ),
        "languages": ["da"],
        "licenses": [licence_json(licence or DataLicence())],
        "resources": [ideas, decisions],
    }
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
