"""The shipped records: valid, complete, and true to the seeds."""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from generator.pipeline import check_portfolio
from generator.rules import RULES
from generator.settings import Settings
from generator.vocabulary import status_label
from tests.conftest import REPO

RECORDS = REPO / "records"
CHECKED = check_portfolio(Settings(records_dir=RECORDS, today="2026-11-22"))


def test_the_shipped_records_have_no_error() -> None:
    errors = [p.as_text() for p in CHECKED.problems if p.severity == "error"]
    assert errors == []


def test_the_examples_reach_every_status() -> None:
    statuses = {idea.state.label_da for idea in CHECKED.portfolio.ideas.values()}
    expected = {
        "Indsendt",
        "Inviteret til pitch",
        "Ikke strategisk fit",
        "Investeringstrin 1",
        "Investeringstrin 2",
        "Investeringstrin 3",
        "Lukket",
        "Videreført",
    }
    assert expected <= statuses
    assert status_label("step-2") == "Investeringstrin 2"


def test_every_example_idea_is_marked_as_an_example() -> None:
    ideas = CHECKED.portfolio.ideas.values()
    assert len(ideas) >= 8
    assert all(idea.example for idea in ideas)


def test_the_themes_and_focus_areas_of_the_seeds() -> None:
    themes = CHECKED.portfolio.themes.values()
    names = {t.name for t in themes if t.kind == "theme"}
    assert names == {
        "Internationalisering",
        "Integration",
        "Digitalisering & Smart City",
        "Samskabelse og frivillighed",
        "Klima",
        "Styrket fokus på værdi for – og med borgerne",
    }
    areas = {t.name: t.anchored_in for t in themes if t.kind == "focus-area"}
    assert areas == {
        "Fremme ligeværd": ("borgmesterens-afdeling",),
        "Øget selvforsørgelse": ("sociale-forhold-og-beskaeftigelse",),
        "Forebyggelse og tidlig indsats": ("boern-og-unge",),
        "Byens udvikling og vækst": ("teknik-og-miljoe",),
        "Øget livskvalitet for voksne og ældre borgere med handicap": ("sundhed-og-omsorg",),
    }


def test_the_ladder_of_the_seeds() -> None:
    steps = [(s.step, s.amount) for s in CHECKED.portfolio.ladder.steps]
    assert steps == [(1, 25_000), (2, 125_000), (3, 250_000)]


def test_every_record_names_its_schema_for_editors() -> None:
    kinds = {
        "ideas/*/idea.yaml": "idea",
        "ideas/*/decisions/*.yaml": "decision",
        "ideas/*/tests/*.yaml": "testcard",
        "themes/*.yaml": "theme",
        "ladder.yaml": "ladder",
        "departments.yaml": "departments",
    }
    for pattern, kind in kinds.items():
        for path in RECORDS.glob(pattern):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
            assert match, path
            assert (
                path.parent / match.group(1)
            ).resolve() == REPO / "schemas" / f"{kind}.schema.json"


def test_editors_associate_the_schemas() -> None:
    settings = yaml.safe_load((REPO / ".vscode/settings.json").read_text())
    associated = set(settings["yaml.schemas"])
    assert {
        f"./schemas/{k}.schema.json" for k in ("idea", "decision", "testcard", "theme")
    } <= associated


def test_every_rule_code_is_documented() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    codes = [*RULES, "L11", "schema", "yaml"]
    for code in codes:
        assert re.search(rf"^\| `{code}` \|", readme, re.MULTILINE), code


def test_every_schema_is_valid_draft_07_with_a_danish_title_on_every_field() -> None:
    from jsonschema import Draft7Validator

    for path in (REPO / "schemas").glob("*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        Draft7Validator.check_schema(schema)
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        for name, field in _fields(schema):
            assert field.get("title") or field.get("not") == {}, (path.name, name)


def _fields(schema: dict[str, Any], prefix: str = "") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    for name, field in schema.get("properties", {}).items():
        found.append((prefix + name, field))
        found += _fields(field, f"{prefix}{name}.")
        if isinstance(field.get("items"), dict):
            found += _fields(field["items"], f"{prefix}{name}[].")
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict):
        found += _fields(extra, prefix + "*.")
    return found
