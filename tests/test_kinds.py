"""Each closed set is defined once: its members, the schema's `enum` and every table keyed by it
agree, and the status value type builds and parses `step-N` in one place."""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

import pytest

from generator import vocabulary
from generator.kinds import (
    DecisionKind,
    GraduateTarget,
    RecordKind,
    ScreeningOutcome,
    SignalColour,
    Status,
    TestOutcome,
    TestStatus,
    ThemeKind,
    WaitReason,
)
from tests.conftest import REPO


def schema_enum(schema: str, *path: str) -> list[Any]:
    node: Any = json.loads((REPO / "schemas" / f"{schema}.schema.json").read_text("utf-8"))
    for key in path:
        node = node[key]
    return list(node["enum"])


SETS: list[tuple[type[StrEnum], list[Any], Mapping[Any, str]]] = [
    (DecisionKind, schema_enum("decision", "properties", "kind"), vocabulary.DECISION_LABELS),
    (
        ScreeningOutcome,
        schema_enum("decision", "properties", "outcome"),
        vocabulary.SCREENING_OUTCOME_LABELS,
    ),
    (GraduateTarget, schema_enum("decision", "properties", "to"), vocabulary.GRADUATE_LABELS),
    (TestStatus, schema_enum("testcard", "properties", "status"), vocabulary.TEST_STATUS_LABELS),
    (
        TestOutcome,
        schema_enum("testcard", "properties", "result", "properties", "outcome"),
        vocabulary.TEST_OUTCOME_LABELS,
    ),
    (ThemeKind, schema_enum("theme", "properties", "kind"), vocabulary.THEME_KIND_LABELS),
]


@pytest.mark.parametrize(
    ("members", "enum", "labels"), SETS, ids=lambda s: getattr(s, "__name__", "")
)
def test_members_equal_the_schema_enum_and_the_label_keys(
    members: type[StrEnum], enum: list[Any], labels: Mapping[Any, str]
) -> None:
    values = [member.value for member in members]
    assert values == enum
    assert sorted(labels) == sorted(values)
    assert all(member in vocabulary.CHOICE_WORDS for member in members)


def test_every_choice_word_names_one_value_only() -> None:
    for members, _enum, _labels in SETS:
        names = vocabulary.choice_names(members)
        words = [word for member in members for word in vocabulary.CHOICE_WORDS[member]]
        assert len(words) == len(set(words)), members
        assert all(names[word] in [m.value for m in members] for word in words)


def test_the_spec_s_danish_words_are_accepted() -> None:
    # The spec's "Command line" lists these words beside the YAML values.
    expected = {
        "investering": "investment", "lukning": "close", "videreførelse": "graduate",
        "ikke fit": "no-fit", "planlagt": "planned", "i gang": "running",
        "afsluttet": "done", "bekræftet": "confirmed", "afkræftet": "refuted",
        "uafklaret": "inconclusive", "drift": "operations",
        "intern finansiering": "internal-fund", "ekstern finansiering": "external-fund",
        "indsatsområde": "focus-area",
    }  # fmt: skip
    names: dict[str, str] = {}
    for members, _enum, _labels in SETS:
        names |= vocabulary.choice_names(members)
    assert {word: names.get(word) for word in expected} == expected


def test_a_status_is_built_and_parsed_in_one_place() -> None:
    assert Status.of_step(2) == "step-2"
    assert Status.of_step(2).step == 2
    assert Status.SUBMITTED.step is None
    assert Status.parse("step-12") == Status.of_step(12)
    assert Status.parse("pitch") == Status.PITCH
    for text in ("step-", "step-x", "step-٣", "stepp-1", "done", ""):
        assert Status.parse(text) is None
    assert [s.ended for s in (Status.REJECTED, Status.CLOSED, Status.GRADUATED)] == [True] * 3
    assert not Status.of_step(1).ended and not Status.PITCH.ended


def test_the_labels_of_a_status() -> None:
    assert vocabulary.status_label(Status.of_step(3)) == "Investeringstrin 3"
    assert vocabulary.status_label("fit") == "Strategisk fit"
    assert vocabulary.status_label(Status.GRADUATED) == "Videreført"


def test_the_figures_sets_have_a_label_each_and_keep_their_own() -> None:
    # WaitReason.SCREENING equals DecisionKind.SCREENING as a string: each table must still
    # hold its own set's label, not the other's.
    assert list(vocabulary.WAIT_REASON_LABELS) == list(WaitReason)
    assert list(vocabulary.SIGNAL_LABELS) == list(SignalColour)
    assert vocabulary.WAIT_REASON_LABELS[WaitReason.SCREENING] == "screening"
    assert vocabulary.DECISION_LABELS[DecisionKind.SCREENING] == "Screening"


def test_each_record_kind_has_its_schema() -> None:
    shipped = sorted(p.name for p in (REPO / "schemas").glob("*.schema.json"))
    assert sorted(f"{kind}.schema.json" for kind in RecordKind) == shipped
