"""Property tests: arbitrary text and YAML-shaped data give problems, never an exception."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import fastjsonschema
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.kinds import RecordKind
from generator.load import RawRecord, RecordFile
from generator.pipeline import check_portfolio
from generator.schema import load_schemas
from generator.settings import Settings
from tests.conftest import CASE_TODAY, REPO, make_tree

IDEA = "ideas/digital-nabohjaelp/idea.yaml"
DECISION = "ideas/digital-nabohjaelp/decisions/2020-04-01-investment.yaml"
TEST_CARD = "ideas/digital-nabohjaelp/tests/step-1.yaml"
FILES = [IDEA, DECISION, TEST_CARD, "ladder.yaml", "departments.yaml", "themes/klima.yaml"]

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.sampled_from(
        ["2020-02-30", "2020-04-01", "25000", "fit", "investment", "step-1", "010190-1234"]
    )
)
keys = st.sampled_from(
    [
        "title",
        "theme",
        "date",
        "kind",
        "step",
        "amount",
        "status",
        "result",
        "owner",
        "steps",
        "departments",
        "outcome",
        "name",
        "period",
        "start",
        "end",
        "x",
    ]
) | st.text(max_size=6)
yaml_like = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=6),
    max_leaves=25,
)

_TREES = Path(tempfile.mkdtemp(prefix="portfolio-properties-"))
_BASE = make_tree(_TREES / "base")


def _check_with(rel: str, text: str) -> list[Any]:
    """Check the base tree with one file replaced through the overlay (no disk writes)."""
    checked = check_portfolio(Settings(records_dir=_BASE, today=CASE_TODAY, overlay={rel: text}))
    return checked.problems


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FILES), st.text(max_size=300))
def test_arbitrary_text_in_any_record_gives_problems_not_exceptions(rel: str, text: str) -> None:
    problems = _check_with(rel, text)
    assert all(p.file and p.line >= 1 and p.message for p in problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FILES), st.dictionaries(keys, yaml_like, max_size=10))
def test_arbitrary_yaml_shaped_data_gives_problems_not_exceptions(
    rel: str, data: dict[str, Any]
) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    problems = _check_with(rel, text)
    assert all(p.file and p.line >= 1 and p.message for p in problems)


SCHEMAS = load_schemas(REPO / "schemas")
KINDS = ["idea", "decision", "testcard", "ladder", "departments", "theme"]


def _valid_record(kind: str) -> dict[str, Any]:
    rel = {
        "idea": IDEA,
        "decision": DECISION,
        "testcard": TEST_CARD,
        "ladder": "ladder.yaml",
        "departments": "departments.yaml",
        "theme": "themes/samskabelse-og-frivillighed.yaml",
    }[kind]
    data: dict[str, Any] = yaml.safe_load((REPO / "tests/cases/base/records" / rel).read_text())
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(KINDS), st.data())
def test_compiled_and_full_schema_validators_agree(kind: str, draw: st.DataObject) -> None:
    data = _valid_record(kind)
    key = draw.draw(st.sampled_from([*data, "extra"]))
    data[key] = draw.draw(yaml_like)
    has_float = any(isinstance(v, float) for v in _leaves(data))
    ref = RecordFile(kind, "x.yaml", "records/x.yaml", "x")  # type: ignore[arg-type]
    record = RawRecord(ref, data, {}, has_float)
    fast_says_valid = True
    try:
        SCHEMAS.fast[kind](data)  # type: ignore[index]
    except fastjsonschema.JsonSchemaException:
        fast_says_valid = False
    full_says_valid = not list(SCHEMAS.full(kind).iter_errors(data))  # type: ignore[arg-type]
    if not has_float:
        assert fast_says_valid == full_says_valid, data
    assert (SCHEMAS.check(record) == []) == full_says_valid


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v)]
    return [value]


def teardown_module() -> None:
    shutil.rmtree(_TREES, ignore_errors=True)


def test_a_list_valued_kind_beside_a_forbidden_field_is_a_problem() -> None:
    problems = _check_with(TEST_CARD, "kind: []\nresult:\n")
    assert {p.code for p in problems} == {"schema"}


def test_decisions_and_test_cards_get_a_compiled_check_for_each_kind_and_status() -> None:
    from generator.schema.fast import specialise

    decision = specialise(SCHEMAS.documents[RecordKind.DECISION])
    testcard = specialise(SCHEMAS.documents[RecordKind.TESTCARD])
    assert decision is not None and decision[0] == "kind"
    assert set(decision[1]) == {"screening", "investment", "close", "graduate"}
    assert testcard is not None and testcard[0] == "status"
    assert specialise(SCHEMAS.documents[RecordKind.IDEA]) is None
