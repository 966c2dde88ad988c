"""The one safe reader of record files: no links, no devices, no more than the size limit."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from generator.load import load_records, read_record
from generator.load.yaml_reader import MAX_BYTES, Parsed
from generator.problems import Problem
from generator.rules.naming import check_names
from generator.settings import Settings
from tests.conftest import CASE_TODAY

IDEA = "ideas/digital-nabohjaelp/idea.yaml"


def test_a_record_is_read_and_parsed_with_its_lines(records_tree: Callable[..., Path]) -> None:
    parsed = read_record(records_tree(), IDEA)
    assert isinstance(parsed, Parsed)
    assert parsed.data["theme"] == "samskabelse-og-frivillighed"
    assert parsed.lines[("theme",)] == (2, 1)


def test_a_linked_file_is_not_followed(records_tree: Callable[..., Path], tmp_path: Path) -> None:
    records = records_tree()
    secret = tmp_path / "secret.yaml"
    secret.write_text("secret: 1\n", encoding="utf-8")
    (records / "themes" / "linked.yaml").symlink_to(secret)
    problem = read_record(records, "themes/linked.yaml")
    assert isinstance(problem, Problem)
    assert (problem.file, problem.code) == ("records/themes/linked.yaml", "yaml")


def test_a_file_in_a_linked_folder_is_not_followed(
    records_tree: Callable[..., Path], tmp_path: Path
) -> None:
    records = records_tree()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "idea.yaml").write_text("title: x\n", encoding="utf-8")
    (records / "ideas" / "linked").symlink_to(outside)
    assert isinstance(read_record(records, "ideas/linked/idea.yaml"), Problem)


def test_a_pipe_is_refused_without_waiting(records_tree: Callable[..., Path]) -> None:
    records = records_tree()
    os.mkfifo(records / "themes" / "pipe.yaml")
    problem = read_record(records, "themes/pipe.yaml", "shown/pipe.yaml")
    assert isinstance(problem, Problem)
    assert problem.file == "shown/pipe.yaml"


def test_a_file_over_the_limit_is_refused(records_tree: Callable[..., Path]) -> None:
    records = records_tree()
    (records / "themes" / "big.yaml").write_bytes(b"a: " + b"x" * MAX_BYTES + b"\n")
    problem = read_record(records, "themes/big.yaml")
    assert isinstance(problem, Problem)
    assert "256 KiB" in problem.message


def test_paths_that_fit_no_record_are_left_to_rule_l01(records_tree: Callable[..., Path]) -> None:
    records = records_tree()
    (records / "themes" / "klima.yml").write_text("name: Klima\n", encoding="utf-8")
    (records / "themes" / "link.yaml").symlink_to(records / "ladder.yaml")
    loaded = load_records(Settings(records_dir=records, today=CASE_TODAY))
    assert loaded.problems == []
    assert [(s.rel, s.kind) for s in loaded.strays] == [
        ("themes/klima.yml", "misplaced"),
        ("themes/link.yaml", "link"),
    ]
    named = [(p.file, p.code) for p in check_names(loaded, "records")]
    assert named == [("records/themes/klima.yml", "L01"), ("records/themes/link.yaml", "L01")]
