"""`portfolio build` and `portfolio export` from the command line."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from tests.website.sample import REPO, SAMPLE, TODAY, write_records


@pytest.fixture
def run() -> Callable[..., Result]:
    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


@pytest.mark.parametrize("command", ["build", "serve", "export"])
def test_every_site_command_has_danish_help(run: Callable[..., Result], command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "--records" in result.output
    assert "Vis" in result.output or "Valider" in result.output or "Skriv" in result.output


def test_build_validates_first_and_builds_nothing_on_errors(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    broken = dict(SAMPLE)
    broken["ideas/renere-luft/idea.yaml"] = {**SAMPLE["ideas/renere-luft/idea.yaml"], "theme": "x"}
    records = write_records(tmp_path, broken)
    site = tmp_path / "site"
    result = run("build", "--records", str(records), "--site-dir", str(site), "--today", TODAY,
                 "--config-file", str(REPO / "mkdocs.yml"))  # fmt: skip
    assert result.exit_code == 1
    assert "records/ideas/renere-luft/idea.yaml" in result.output
    assert "L02" in result.output
    assert "Intet er bygget" in result.output
    assert not site.exists()


def test_build_writes_the_site(run: Callable[..., Result], tmp_path: Path) -> None:
    records = write_records(tmp_path, SAMPLE)
    site = tmp_path / "site"
    result = run("build", "--records", str(records), "--site-dir", str(site), "--today", TODAY,
                 "--config-file", str(REPO / "mkdocs.yml"))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Sitet er bygget" in result.output
    assert (site / "ideer" / "solceller-paa-taget" / "index.html").is_file()
    assert json.loads((site / "data" / "portfolio.json").read_bytes())["ideas"]


def test_export_json_to_stdout(run: Callable[..., Result], tmp_path: Path) -> None:
    records = write_records(tmp_path, SAMPLE)
    result = run("export", "--records", str(records), "--today", TODAY)
    assert result.exit_code == 0
    assert [i["id"] for i in json.loads(result.output)["ideas"]] == [
        "digital-nabohjaelp",
        "renere-luft",
        "solceller-paa-taget",
    ]


def test_export_csv_table_to_stdout(run: Callable[..., Result], tmp_path: Path) -> None:
    records = write_records(tmp_path, SAMPLE)
    result = run("export", "--records", str(records), "--today", TODAY, "--format", "csv",
                 "--table", "beslutninger")  # fmt: skip
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 6 and rows[0]["idea_id"] == "digital-nabohjaelp"


def test_export_to_a_folder(run: Callable[..., Result], tmp_path: Path) -> None:
    records = write_records(tmp_path, SAMPLE)
    out = tmp_path / "out"
    result = run("export", "--records", str(records), "--today", TODAY, "--format", "csv",
                 "--output", str(out))  # fmt: skip
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "beslutninger.csv",
        "datapackage.json",
        "ideer.csv",
        "portefoelje.xlsx",
    ]


def test_export_refuses_records_with_errors(run: Callable[..., Result], tmp_path: Path) -> None:
    broken = dict(SAMPLE)
    broken["ideas/renere-luft/idea.yaml"] = {**SAMPLE["ideas/renere-luft/idea.yaml"], "theme": "x"}
    records = write_records(tmp_path, broken)
    result = run("export", "--records", str(records), "--today", TODAY)
    assert result.exit_code == 1
    assert "L02" in result.output


def test_build_rejects_a_bad_date(run: Callable[..., Result]) -> None:
    result = CliRunner().invoke(main, ["build", "--today", "31-12-2022"])
    assert result.exit_code == 2
    assert "ÅÅÅÅ-MM-DD" in result.output
