"""The strict YAML reader: what it refuses, what it keeps, and that no input breaks it."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load.yaml_reader import MAX_DEPTH, Parsed, parse_yaml
from generator.problems import Problem
from generator.vocabulary import FORBIDDEN_CHARACTERS as _FORBIDDEN


def parsed(text: str) -> Parsed:
    result = parse_yaml(text.encode("utf-8"), "f.yaml")
    assert isinstance(result, Parsed), result
    return result


def refused(raw: bytes) -> Problem:
    result = parse_yaml(raw, "f.yaml")
    assert isinstance(result, Problem), result
    assert result.code == "yaml"
    return result


def test_dates_stay_iso_strings_and_only_plain_digits_are_integers() -> None:
    data = parsed(
        "d: 2020-02-03\nq: '2020-02-03'\na: 25000\nb: 25.000\nm: 1.250.000\nf: 2.5\n"
        "c: 25_000\nx: 0x1A\n"
    ).data
    assert data == {
        "d": "2020-02-03",
        "q": "2020-02-03",
        "a": 25000,
        "b": "25.000",  # thousands written the Danish way stay text: never 25
        "m": "1.250.000",
        "f": 2.5,
        "c": "25_000",
        "x": "0x1A",
    }


def test_a_text_value_cut_short_by_a_comment_is_noted_with_its_line() -> None:
    result = parsed(
        "# yaml-language-server: $schema=x\n"
        "target_group: Elever #6. klasse\n"
        "quoted: 'Elever #6. klasse' # a comment on quoted text is plainly a comment\n"
        "amount: 25000 # a number\n"
        "hash: C#-kursus\n"
        "block: |\n  tekst # bliver\n"
    )
    assert result.cut_by_comment == ((2, 15, "Elever", "#6. klasse"),)
    assert result.data["target_group"] == "Elever"


def test_every_key_and_item_has_its_line_and_column() -> None:
    lines = parsed("a: 1\nb:\n  - x\n  - c: 2\n").lines
    assert lines[("a",)] == (1, 1)
    assert lines[("b",)] == (2, 1)
    assert lines[("b", 0)] == (3, 5)
    assert lines[("b", 1, "c")] == (4, 5)


def test_the_forbidden_class_is_every_control_and_format_character() -> None:
    allowed = {"\t", "\n", "\r"}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        category = unicodedata.category(char)
        if category == "Cn":  # unassigned in this Python's Unicode tables
            continue
        expected = category in ("Cc", "Cf", "Zl", "Zp") and char not in allowed
        assert bool(_FORBIDDEN.match(char)) == expected, f"U+{code:04X} {category}"


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 10_000, 50_000])
def test_deep_nesting_is_refused_without_a_crash(depth: int) -> None:
    for opener, closer in (("[", "]"), ("{a: ", "}")):
        problem = refused(("x: " + opener * depth + "1" + closer * depth).encode())
        assert "20 niveauer" in problem.message


def test_nesting_at_the_limit_is_allowed() -> None:
    depth = MAX_DEPTH - 1  # the root mapping is one level
    assert parsed("x: " + "[" * depth + "1" + "]" * depth).data["x"]


def test_a_leading_bom_is_read_as_utf8() -> None:
    assert parsed("\ufeffa: 1").data == {"a": 1}


def test_a_python_tag_is_refused_and_never_run() -> None:
    problem = refused(b"a: !!python/object/apply:os.system ['touch /tmp/pwned']\n")
    assert "Eksplicitte typer" in problem.message


def test_a_billion_laughs_is_refused_at_the_first_anchor() -> None:
    problem = refused(b'a: &a ["x","x"]\nb: &b [*a,*a]\nc: [*b,*b]\n')
    assert (problem.line, problem.column) == (1, 4)


def test_a_long_line_with_an_unclosed_quote_is_a_problem() -> None:
    problem = refused(b'a: "' + b"x" * 100_000 + b"\n")
    assert "anførselstegn" in problem.message


yaml_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_a_value_or_a_problem(raw: bytes) -> None:
    result = parse_yaml(raw, "f.yaml")
    assert isinstance(result, Parsed | Problem)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"# \n\t?,%@`0123456789.æø\\")), max_size=200
    )
)
def test_arbitrary_yaml_punctuation_gives_a_value_or_a_problem(text: str) -> None:
    result = parse_yaml(text.encode(), "f.yaml")
    assert isinstance(result, Parsed | Problem)
    if isinstance(result, Problem):
        assert result.line >= 1 and result.column >= 1 and result.message


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"# \n?,<0123456789.æ\\\u202e")), max_size=120
    )
)
def test_the_quick_reader_agrees_with_the_full_one(text: str) -> None:
    quick = parse_yaml(text.encode(), "f.yaml", with_lines=False)
    full = parse_yaml(text.encode(), "f.yaml")
    if isinstance(full, Parsed):
        assert isinstance(quick, Parsed)
        assert (quick.data, quick.has_float) == (full.data, full.has_float)
    else:
        assert quick == full


def test_the_quick_reader_leaves_lines_to_be_asked_for() -> None:
    quick = parse_yaml(b"a: 1\nb: [x]\n", "f.yaml", with_lines=False)
    assert isinstance(quick, Parsed)
    assert quick.data == {"a": 1, "b": ["x"]}
    assert quick.lines == {}
