"""`portfolio build` and `portfolio export` from the command line."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import Result
from mkdocs.commands import build as mkdocs_build

from generator.site.build import load_site_config
from tests.conftest import REPO
from tests.sample_records import write_records
from tests.website.sample import SAMPLE, TODAY

SITE_COMMANDS = {
    "build": "Valider posterne, byg sitet og dets søgeindeks; ved fejl bygges intet.",
    "render": "Skriv sitets komplette kilde, som MkDocs og Zensical bygger, som den er.",
    "serve": "Vis sitet lokalt; en gemt post vises på sin side med det samme.",
    "export": "Skriv porteføljens åbne data (som på /data/) til standard output eller en mappe.",
}


@pytest.mark.parametrize(("command", "summary"), SITE_COMMANDS.items())
def test_every_site_command_has_danish_help(
    portfolio_cli: Callable[..., Result], command: str, summary: str
) -> None:
    result = portfolio_cli(command, "--help")
    assert result.exit_code == 0
    text = " ".join(result.output.split())  # click wraps long lines
    assert summary in text
    assert "--records MAPPE Mappen med posterne (standard: records)." in text
    assert "-h, --help Vis denne hjælp og afslut." in text


def test_build_validates_first_and_builds_nothing_on_errors(
    portfolio_cli: Callable[..., Result], tmp_path: Path
) -> None:
    broken = dict(SAMPLE)
    broken["ideas/renere-luft/idea.yaml"] = {**SAMPLE["ideas/renere-luft/idea.yaml"], "theme": "x"}
    records = write_records(tmp_path, broken)
    site = tmp_path / "site"
    result = portfolio_cli("build", "--records", str(records), "--site-dir", str(site), "--today", TODAY,
                 "--config-file", str(REPO / "mkdocs.yml"))  # fmt: skip
    assert result.exit_code == 1
    assert "records/ideas/renere-luft/idea.yaml" in result.output
    assert "L02" in result.output
    assert "Intet er bygget" in result.output
    assert not site.exists()


def test_build_writes_the_site(portfolio_cli: Callable[..., Result], tmp_path: Path) -> None:
    records = write_records(tmp_path, SAMPLE)
    site = tmp_path / "site"
    result = portfolio_cli("build", "--records", str(records), "--site-dir", str(site), "--today", TODAY,
                 "--config-file", str(REPO / "mkdocs.yml"))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Sitet er bygget" in result.output
    assert (site / "ideer" / "solceller-paa-taget" / "index.html").is_file()
    assert json.loads((site / "data" / "portfolio.json").read_bytes())["ideas"]
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert "med søgeindeks" in result.output


def test_render_writes_a_source_without_the_plugin_that_mkdocs_builds(
    portfolio_cli: Callable[..., Result], tmp_path: Path
) -> None:
    records = write_records(tmp_path, SAMPLE)
    out = tmp_path / "kilde"
    result = portfolio_cli("render", "--records", str(records), "--today", TODAY, "--out", str(out),
                 "--config-file", str(REPO / "mkdocs.yml"))  # fmt: skip
    assert result.exit_code == 0, result.output
    config = yaml.safe_load((out / "mkdocs.yml").read_text("utf-8"))
    assert config["plugins"] == [] and config["docs_dir"] == "docs"
    assert config["theme"]["custom_dir"] == "overrides"
    assert (out / "overrides" / "partials" / "header.html").is_file()
    themes = next(item["Temaer"] for item in config["nav"] if "Temaer" in item)
    assert themes[0] == "temaer/index.md" and {"Klima": "temaer/klima.md"} in themes
    assert (out / "docs" / "ideer" / "renere-luft.md").is_file()
    assert (out / "docs" / "data" / "portfolio.json").is_file()
    assert (out / "docs" / "soeg.md").is_file() and (out / "docs" / "assets" / "css").is_dir()
    mkdocs_build.build(load_site_config(out / "mkdocs.yml", tmp_path / "site", strict=True))
    assert (tmp_path / "site" / "ideer" / "renere-luft" / "index.html").is_file()


def test_render_again_rewrites_only_what_changed_and_drops_what_is_gone(
    portfolio_cli: Callable[..., Result], tmp_path: Path
) -> None:
    records = write_records(tmp_path, SAMPLE)
    out = tmp_path / "kilde"
    args = ["render", "--records", str(records), "--today", TODAY, "--out", str(out),
            "--config-file", str(REPO / "mkdocs.yml")]  # fmt: skip
    assert portfolio_cli(*args).exit_code == 0
    front = out / "docs" / "index.md"
    written = front.stat().st_mtime_ns
    (out / "docs" / "ideer" / "forsvundet.md").write_text("# Gammel\n", "utf-8")
    (out / "site").mkdir()  # a build beside the source is not the source's to clean
    assert portfolio_cli(*args).exit_code == 0
    assert front.stat().st_mtime_ns == written
    assert not (out / "docs" / "ideer" / "forsvundet.md").exists()
    assert (out / "site").is_dir()


def test_render_refuses_records_with_errors(
    portfolio_cli: Callable[..., Result], tmp_path: Path
) -> None:
    broken = dict(SAMPLE)
    broken["ideas/renere-luft/idea.yaml"] = {**SAMPLE["ideas/renere-luft/idea.yaml"], "theme": "x"}
    records = write_records(tmp_path, broken)
    result = portfolio_cli("render", "--records", str(records), "--today", TODAY, "--out",
                 str(tmp_path / "kilde"), "--config-file", str(REPO / "mkdocs.yml"))  # fmt: skip
    assert result.exit_code == 1 and "L02" in result.output
    assert not (tmp_path / "kilde").exists()


def test_export_json_to_stdout(portfolio_cli: Callable[..., Result], tmp_path: Path) -> None:
    records = write_records(tmp_path, SAMPLE)
    result = portfolio_cli("export", "--records", str(records), "--today", TODAY)
    assert result.exit_code == 0
    assert [i["id"] for i in json.loads(result.output)["ideas"]] == [
        "digital-nabohjaelp",
        "renere-luft",
        "solceller-paa-taget",
    ]


def test_export_csv_table_to_stdout(portfolio_cli: Callable[..., Result], tmp_path: Path) -> None:
    records = write_records(tmp_path, SAMPLE)
    result = portfolio_cli("export", "--records", str(records), "--today", TODAY, "--format", "csv",
                 "--table", "beslutninger")  # fmt: skip
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 6 and rows[0]["idea_id"] == "digital-nabohjaelp"


def test_export_to_a_folder(portfolio_cli: Callable[..., Result], tmp_path: Path) -> None:
    records = write_records(tmp_path, SAMPLE)
    out = tmp_path / "out"
    result = portfolio_cli("export", "--records", str(records), "--today", TODAY, "--format", "csv",
                 "--output", str(out))  # fmt: skip
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "beslutninger.csv",
        "datapackage.json",
        "ideer.csv",
        "portefoelje.xlsx",
    ]


def test_export_refuses_records_with_errors(
    portfolio_cli: Callable[..., Result], tmp_path: Path
) -> None:
    broken = dict(SAMPLE)
    broken["ideas/renere-luft/idea.yaml"] = {**SAMPLE["ideas/renere-luft/idea.yaml"], "theme": "x"}
    records = write_records(tmp_path, broken)
    result = portfolio_cli("export", "--records", str(records), "--today", TODAY)
    assert result.exit_code == 1
    assert "L02" in result.output


def test_build_rejects_a_bad_date(portfolio_cli: Callable[..., Result]) -> None:
    result = portfolio_cli("build", "--today", "31-12-2022")
    assert result.exit_code == 2
    assert "ÅÅÅÅ-MM-DD" in result.output
