"""Another layout through a map: its headings to fields, Danish values understood, a
column left out; and a map that cannot be used is refused in Danish."""

from __future__ import annotations

from pathlib import Path

import yaml
from openpyxl import Workbook

from generator.load.yaml_reader import Parsed, parse_yaml
from tests.importing.conftest import Run

MAP = {
    "Ideer": {
        "sheet": "Projekter",
        "columns": {
            "Projekt": "title",
            "Tema": "theme",
            "Modtaget": "submitted",
            "Kort fortalt": "summary",
            "Udfordring": "problem",
            "Målgruppe": "target_group",
            "Gevinst": "benefit_potential",
            "Forvaltninger": "departments",
            "Ansvarlig forvaltning": "owner.department",
            "Noter": None,
        },
    },
    "Beslutninger": {
        "sheet": "Møder",
        "columns": {
            "Projekt-id": "idea",
            "Mødedato": "date",
            "Beslutning": "kind",
            "Forum": "decided_by",
            "Begrundelse": "rationale",
            "Udfald": "outcome",
        },
    },
}


def _workbook(path: Path) -> None:
    book = Workbook()
    ideas = book.active
    assert ideas is not None
    ideas.title = "Projekter"
    ideas.append([*MAP["Ideer"]["columns"]])
    ideas.append(
        [
            "Grønne tage på skolerne",
            "klima",
            "4. februar 2020",
            "Sedum på flade tage.",
            "Regnvand løber over.",
            "Skoler",
            "Mindre oversvømmelse.",
            "teknik-og-miljoe; boern-og-unge",
            "teknik-og-miljoe",
            "spørg Lene",
        ]
    )
    meetings = book.create_sheet("Møder")
    meetings.append([*MAP["Beslutninger"]["columns"]])
    meetings.append(
        [
            "groenne-tage-paa-skolerne",
            "2. marts 2020",
            "Screening",
            "Direktørgruppen",
            "Passer.",
            "fit",
        ]
    )
    book.save(path)


def test_a_mapped_layout_becomes_valid_records(run: Run, empty: Path, tmp_path: Path) -> None:
    (tmp_path / "kort.yaml").write_text(yaml.safe_dump(MAP, allow_unicode=True), "utf-8")
    _workbook(tmp_path / "projekter.xlsx")
    result = run(
        str(tmp_path / "projekter.xlsx"),
        "--map",
        str(tmp_path / "kort.yaml"),
        "--records",
        str(empty),
    )
    assert result.exit_code == 0, result.output
    assert "Skrev 1 idé og 1 beslutning" in result.stdout
    idea = empty / "ideas" / "groenne-tage-paa-skolerne" / "idea.yaml"
    parsed = parse_yaml(idea.read_bytes(), "idea.yaml")
    assert isinstance(parsed, Parsed)
    assert parsed.data["submitted"] == "2020-02-04"
    assert parsed.data["departments"] == ["teknik-og-miljoe", "boern-og-unge"]
    assert "spørg Lene" not in idea.read_text("utf-8")
    decision = idea.parent / "decisions" / "2020-03-02-screening.yaml"
    assert "outcome: fit" in decision.read_text("utf-8")


def test_a_map_naming_an_unknown_field_is_refused(run: Run, empty: Path, tmp_path: Path) -> None:
    bad = {"Ideer": {"sheet": "Projekter", "columns": {"Projekt": "titel"}}}
    (tmp_path / "kort.yaml").write_text(yaml.safe_dump(bad, allow_unicode=True), "utf-8")
    _workbook(tmp_path / "projekter.xlsx")
    result = run(
        str(tmp_path / "projekter.xlsx"),
        "--map",
        str(tmp_path / "kort.yaml"),
        "--records",
        str(empty),
    )
    assert result.exit_code == 1
    assert "'titel' (for overskriften 'Projekt') er ikke et felt" in result.stderr
