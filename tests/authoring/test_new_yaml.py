"""Writing records: text that reads back, strictly, as the data written."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.authoring.yaml_writer import Value, modeline, render_record
from generator.load.yaml_reader import Parsed, parse_yaml
from generator.vocabulary import is_blank_text, long_combining_run

TRICKY = [
    "yes",
    "No",
    "on",
    "null",
    "~",
    "123",
    "-7",
    "25.000",
    "25_000",
    "1e3",
    ".inf",
    "0x1F",
    "- item",
    "# not a comment",
    "key: value",
    "a #b",
    "@team",
    "`code`",
    "'quoted'",
    '"double"',
    "[a, b]",
    "{a: b}",
    "&anchor",
    "*alias",
    "!tag",
    "%directive",
    "|",
    ">",
    "?",
    "<<",
    "trailing space ",
    " leading space",
    "tab\tinside",
    "",
    "2020-02-03",
    "https://example.dk/a?b=c#d",
    "Ærø, Øster Snede og Åbyhøj",
    "\\backslash",
]


def read_back(text: str) -> object:
    parsed = parse_yaml(text.encode("utf-8"), "x.yaml")
    assert isinstance(parsed, Parsed), parsed
    return parsed.data


@pytest.mark.parametrize("value", TRICKY)
def test_tricky_strings_read_back_as_strings(value: str) -> None:
    text = render_record({"title": value, "tags": [value, "x"]}, "# top")
    assert read_back(text) == {"title": value, "tags": [value, "x"]}


def test_dates_stay_unquoted_and_amounts_plain() -> None:
    text = render_record({"date": "2020-02-03", "step": 1, "amount": 25000}, "# top")
    assert text == "# top\ndate: 2020-02-03\nstep: 1\namount: 25000\n"


def test_multi_line_text_is_a_literal_block() -> None:
    value = "Første afsnit.\n\n- et punkt\n- et andet: med kolon\n\n# Overskrift"
    text = render_record({"summary": value}, "# top")
    assert text.startswith("# top\nsummary: |-\n  Første afsnit.\n\n  - et punkt\n")
    assert read_back(text) == {"summary": value}


def test_long_prose_is_folded_under_the_width() -> None:
    value = " ".join(["ordet"] * 60)
    text = render_record({"owner": {"unit": value}}, "# top")
    assert "  unit: >-\n" in text
    assert all(len(line) <= 78 for line in text.splitlines())
    assert read_back(text) == {"owner": {"unit": value}}


def test_slug_lists_are_flow_and_free_text_lists_are_blocks() -> None:
    text = render_record({"departments": ["a-b", "c"], "partners": ["Aarhus Universitet, X"]}, "#")
    assert "departments: [a-b, c]\n" in text
    assert "partners:\n  - Aarhus Universitet, X\n" in text


@pytest.mark.parametrize(
    ("kind", "depth", "line"),
    [
        ("idea", 2, "# yaml-language-server: $schema=../../../schemas/idea.schema.json"),
        ("decision", 3, "# yaml-language-server: $schema=../../../../schemas/decision.schema.json"),
        ("testcard", 3, "# yaml-language-server: $schema=../../../../schemas/testcard.schema.json"),
    ],
)
def test_modelines(kind: str, depth: int, line: str) -> None:
    assert modeline(kind, depth) == line


def _visible(char: str) -> bool:
    return char in "\n\t" or unicodedata.category(char) not in {
        "Cc",
        "Cf",
        "Zl",
        "Zp",
        "Cs",
        "Co",
        "Cn",
    }


def _shows(text: str) -> bool:
    """Text a record may hold: not blanks alone, no long run of combining marks."""
    return not (text and is_blank_text(text)) and long_combining_run(text) is None


visible_text = st.text(st.characters().filter(_visible), max_size=300).filter(_shows)


@settings(max_examples=300, deadline=None)
@given(title=visible_text, summary=visible_text, items=st.lists(visible_text, max_size=4))
def test_any_visible_text_reads_back(title: str, summary: str, items: list[str]) -> None:
    data: dict[str, Value] = {
        "title": title,
        "summary": summary,
        "owner": {"unit": summary},
        "partners": items,
    }
    assert read_back(render_record(data, "# top")) == data


def test_digits_with_a_leading_zero_stay_text() -> None:
    text = render_record({"summary": "08"}, "# x")
    parsed = parse_yaml(text.encode(), "f.yaml")
    assert isinstance(parsed, Parsed)
    assert parsed.data == {"summary": "08"}
