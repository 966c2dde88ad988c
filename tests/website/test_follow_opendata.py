"""Taking the data home: the Frictionless Data Package (valid by `frictionless validate`,
every field described in Danish) and the licence, stated on /data/ and in the package."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.errors import PortfolioError
from generator.render import SiteContent, read_schema_files, render_site
from generator.site_config import DEFAULT_LICENCE_NAME, DataLicence, licence_from
from tests.sample_records import idea, idea_files, screening
from tests.website.conftest import check_records
from tests.website.sample import SAMPLE, pr

FORMULA = '=HYPERLINK("https://evil.example.net/","klik")'
SPREADSHEET_TRAPS: dict[str, Any] = {
    **SAMPLE,
    **idea_files(
        "formler",
        idea(FORMULA, "klima", "2022-01-10", partners=["+45 1234 5678"]),
        [screening("2022-02-01", decided_by="@direktoerer", pull_request=pr(60))],
    ),
}


@pytest.fixture(scope="module")
def traps(tmp_path_factory: pytest.TempPathFactory) -> SiteContent:
    checked, settings = check_records(tmp_path_factory.mktemp("traps"), SPREADSHEET_TRAPS)
    licence = DataLicence("Vilkår for brug af danske offentlige data", "https://example.dk/vilkaar")
    schemas = read_schema_files(settings.schemas_dir)
    return render_site(checked.portfolio, schemas, licence=licence, today=settings.today)


def _records(kind: str) -> list[str]:
    return [p for p in SPREADSHEET_TRAPS if p.startswith("ideas/") and f"/{kind}" in p]


def test_the_data_package_is_valid_by_frictionless(traps: SiteContent, tmp_path: Path) -> None:
    from frictionless import validate

    for name in ("datapackage.json", "ideer.csv", "beslutninger.csv"):
        (tmp_path / name).write_bytes(traps.files[f"data/{name}"])
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert [task.stats["rows"] for task in report.tasks] == [
        len(_records("idea.yaml")),
        len(_records("decisions/")),
    ]


def test_a_broken_csv_fails_the_package(traps: SiteContent, tmp_path: Path) -> None:
    from frictionless import validate

    (tmp_path / "datapackage.json").write_bytes(traps.files["data/datapackage.json"])
    ideas = traps.files["data/ideer.csv"].decode("utf-8").replace(",2020-02-03,", ",3. feb,")
    (tmp_path / "ideer.csv").write_text(ideas, "utf-8")
    (tmp_path / "beslutninger.csv").write_bytes(traps.files["data/beslutninger.csv"])
    assert not validate(str(tmp_path / "datapackage.json")).valid


def test_every_field_of_the_package_has_a_type_and_a_danish_description(
    traps: SiteContent,
) -> None:
    package = json.loads(traps.files["data/datapackage.json"])
    for resource in package["resources"]:
        header = traps.files[f"data/{resource['path']}"].decode("utf-8").split("\r\n")[0]
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == header.split(",")
        for field in fields:
            assert field["type"] in {"string", "date", "integer", "boolean"}
            assert field["description"].endswith(".") and len(field["description"]) > 10
    types = {f["name"]: f["type"] for f in package["resources"][0]["schema"]["fields"]}
    assert types["submitted"] == "date" and types["granted"] == "integer"


def test_the_licence_is_in_the_package_and_on_the_data_page(traps: SiteContent) -> None:
    package = json.loads(traps.files["data/datapackage.json"])
    assert package["licenses"] == [
        {
            "name": "vilkaar-for-brug-af-danske-offentlige-data",
            "title": "Vilkår for brug af danske offentlige data",
            "path": "https://example.dk/vilkaar",
        }
    ]
    page = traps.pages["data/index.md"]
    assert "## Licens" in page
    assert '<a href="https://example.dk/vilkaar" rel="nofollow noopener noreferrer">' in page


def test_the_default_licence_names_the_danish_terms_and_links_nowhere(
    sample_content: SiteContent,
) -> None:
    package = json.loads(sample_content.files["data/datapackage.json"])
    assert package["licenses"] == [
        {"name": "vilkaar-for-brug-af-danske-offentlige-data", "title": DEFAULT_LICENCE_NAME}
    ]
    licence_section = sample_content.pages["data/index.md"].split("## Licens", 1)[1]
    licence_section = licence_section.split("\n## ", 1)[0]
    assert DEFAULT_LICENCE_NAME in licence_section and "http" not in licence_section


def test_the_licence_setting_is_read_from_mkdocs_extra() -> None:
    assert licence_from({}) == DataLicence()
    given = {"data_licence": {"name": "CC0 1.0", "url": "https://example.dk/cc0"}}
    assert licence_from(given) == DataLicence("CC0 1.0", "https://example.dk/cc0")
    for bad in ({"data_licence": "CC0"}, {"data_licence": {"url": "javascript:alert(1)"}}):
        with pytest.raises(PortfolioError, match="data_licence"):
            licence_from(bad)
