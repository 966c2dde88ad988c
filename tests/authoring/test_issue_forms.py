"""The forms and the tables that read them agree: labels, ids, order, required, choices."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from generator.authoring.issue_body import chosen_items, lines_of, list_items
from generator.authoring.issue_forms import DECISION_FORM, RESULT_FORM, THEME_FORM, IssueForm
from generator.vocabulary import choice_shown, read_choice, read_decision_choice
from tests.authoring.sample import questions
from tests.conftest import REPO


@pytest.mark.parametrize("form", [DECISION_FORM, RESULT_FORM, THEME_FORM], ids=lambda f: f.name)
def test_the_table_is_the_form(form: IssueForm) -> None:
    asked = [
        (q["id"], q["attributes"]["label"], q["validations"]["required"])
        for q in questions(form.name)
    ]
    assert asked == [(f.key, f.label, f.required) for f in form.fields]


def options(name: str, field_id: str) -> list[str]:
    [question] = [q for q in questions(name) if q["id"] == field_id]
    return list(question["attributes"]["options"])


def test_every_dropdown_choice_is_read_by_the_vocabulary() -> None:
    decisions = [read_decision_choice(text) for text in options("beslutning", "beslutning")]
    assert decisions == [
        ("screening", "fit"),
        ("screening", "no-fit"),
        ("investment", None),
        ("close", None),
        ("graduate", None),
    ]
    read = [read_choice("graduate_to", text) for text in options("beslutning", "videre_til")]
    assert read == list(choice_shown("graduate_to"))
    read = [read_choice("test_outcome", text) for text in options("testresultat", "resultat")]
    assert read == list(choice_shown("test_outcome"))
    assert [read_choice("theme_kind", text) for text in options("tema", "art")] == list(
        choice_shown("theme_kind")
    )


@pytest.mark.parametrize(
    ("kind", "schema", "path"),
    [
        ("decision_kind", "decision", ("kind",)),
        ("screening_outcome", "decision", ("outcome",)),
        ("graduate_to", "decision", ("to",)),
        ("test_status", "testcard", ("status",)),
        ("test_outcome", "testcard", ("result", "outcome")),
        ("theme_kind", "theme", ("kind",)),
    ],
)
def test_the_danish_words_cover_the_schemas_enum(
    kind: str, schema: str, path: tuple[str, ...]
) -> None:
    data: Any = yaml.safe_load((REPO / "schemas" / f"{schema}.schema.json").read_text())
    text = str(data)
    words = choice_shown(kind)
    assert all(f"'{value}'" in text for value in words), kind
    found = _enum(data, path[-1])
    assert set(words) == set(found), (kind, found)


def _enum(node: Any, key: str) -> list[str]:
    """The first enum under a property named `key`, searched depth first."""
    if isinstance(node, dict):
        props = node.get("properties", {})
        if key in props and "enum" in props[key]:
            return list(props[key]["enum"])
        for value in node.values():
            found = _enum(value, key)
            if found:
                return found
    if isinstance(node, list):
        for value in node:
            found = _enum(value, key)
            if found:
                return found
    return []


def test_a_list_answer_loses_its_bullets_and_keeps_its_words() -> None:
    typed = "1. Mindst 20 ældre\n**Fem** låner igen\n* -5 % CO2\n\n+ Mindst 20 ældre\n"
    assert lines_of(typed) == ["Mindst 20 ældre", "**Fem** låner igen", "-5 % CO2"]
    # A multiple dropdown's answer, and the same typed a line a part.
    dropdown = "Børn og Unge, Teknik og Miljø"
    assert list_items(dropdown) == ["Børn og Unge", "Teknik og Miljø"]
    assert list_items("- Børn og Unge\n- Teknik og Miljø, Børn og Unge") == list_items(dropdown)


def test_a_department_whose_name_holds_a_comma_is_read_whole() -> None:
    departments = {
        "boern-og-unge": "Børn og Unge",
        "social-sundhed-og-omsorg": "Social, Sundhed og Omsorg",
    }
    # GitHub joins a multiple dropdown's choices with ", ".
    answer = "Børn og Unge, Social, Sundhed og Omsorg, Ukendt, Social"
    assert chosen_items(answer, departments) == [
        ("Børn og Unge", "boern-og-unge"),
        ("Social, Sundhed og Omsorg", "social-sundhed-og-omsorg"),
        ("Ukendt", None),
        ("Social", None),
    ]
    assert chosen_items("social-sundhed-og-omsorg", departments) == [
        ("social-sundhed-og-omsorg", "social-sundhed-og-omsorg")
    ]
