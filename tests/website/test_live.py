"""`portfolio serve`: a saved idea record updates its pages alone; anything else rebuilds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from generator.settings import Settings
from generator.site.build import Changes, needs_full_build
from generator.site.live import LiveSite, snapshot, touched_ideas
from tests.website.sample import REPO, SAMPLE, TODAY, write_records


def test_touched_ideas_names_the_idea_folders_that_changed() -> None:
    old = {"ideas/a/idea.yaml": (1, 1), "ideas/b/idea.yaml": (1, 1), "ladder.yaml": (1, 1)}
    new = {**old, "ideas/a/idea.yaml": (2, 1), "ideas/c/decisions/x.yaml": (1, 1)}
    assert touched_ideas(old, new) == {"a", "c"}
    assert touched_ideas(old, {k: v for k, v in old.items() if k != "ideas/b/idea.yaml"}) == {"b"}
    assert touched_ideas(old, {**old, "ladder.yaml": (2, 1)}) is None
    assert touched_ideas(old, {**old, "themes/klima.yaml": (1, 1)}) is None


def test_only_idea_pages_may_come_and_go_page_by_page() -> None:
    assert not needs_full_build(Changes({"index.md": "x"}, {"ideer/a.md": "x"}, ["ideer/b.md"], {}))
    assert needs_full_build(Changes({}, {"temaer/ny.md": "x"}, [], {}))


def _edit(records: Path, rel: str, **fields: object) -> None:
    path = records / rel
    data = yaml.safe_load(path.read_text("utf-8"))
    data.update(fields)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


@pytest.fixture
def live(tmp_path: Path) -> LiveSite:
    records = write_records(tmp_path, SAMPLE)
    site = LiveSite(Settings(records_dir=records, today=TODAY), REPO / "mkdocs.yml", tmp_path / "s")
    site.full_build()
    return site


def _page(live: LiveSite, url: str) -> str:
    return (live.site_dir / url / "index.html").read_text("utf-8")


def _settle(live: LiveSite) -> None:
    if live.settling is not None:
        live.settling.join(timeout=60)


def test_a_saved_idea_updates_its_page_its_theme_and_the_lists(live: LiveSite) -> None:
    records = live.settings.records_dir
    front_before = (live.site_dir / "index.html").stat().st_mtime_ns
    _edit(records, "ideas/renere-luft/idea.yaml", title="Frisk luft ved skolerne")
    live.rebuild()
    assert "Frisk luft ved skolerne" in _page(live, "ideer/renere-luft")
    assert "Frisk luft ved skolerne" in _page(live, "temaer/klima")
    assert "Frisk luft ved skolerne" in _page(live, "investeringstrin")
    assert (live.site_dir / "index.html").stat().st_mtime_ns == front_before  # unchanged
    index = json.loads((live.site_dir / "search" / "search_index.json").read_bytes())
    titles = [d["title"] for d in index["docs"] if d["location"].startswith("ideer/renere-luft/")]
    assert titles and "Frisk luft ved skolerne" in titles
    _settle(live)
    data = json.loads((live.site_dir / "data" / "portfolio.json").read_bytes())
    assert any(i["title"] == "Frisk luft ved skolerne" for i in data["ideas"])


def test_a_new_idea_gets_its_page_and_a_deleted_one_loses_it(live: LiveSite) -> None:
    records = live.settings.records_dir
    card = dict(SAMPLE["ideas/solceller-paa-taget/idea.yaml"], title="Grønne tage")
    (records / "ideas" / "groenne-tage").mkdir()
    (records / "ideas" / "groenne-tage" / "idea.yaml").write_text(
        yaml.safe_dump(card, allow_unicode=True), "utf-8"
    )
    live.rebuild()
    assert "Grønne tage" in _page(live, "ideer/groenne-tage")
    _settle(live)
    for path in (records / "ideas" / "groenne-tage").iterdir():
        path.unlink()
    (records / "ideas" / "groenne-tage").rmdir()
    live.rebuild()
    assert not (live.site_dir / "ideer" / "groenne-tage").exists()
    assert "Grønne tage" not in _page(live, "temaer/klima")


def test_a_changed_theme_rebuilds_the_whole_site(live: LiveSite) -> None:
    _edit(live.settings.records_dir, "themes/klima.yaml", name="Klima og miljø")
    live.rebuild()
    assert "Klima og miljø" in _page(live, "ideer/digital-nabohjaelp")  # in every sidebar


def test_a_broken_idea_falls_back_to_the_full_check(
    live: LiveSite, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(live.settings.records_dir, "ideas/renere-luft/idea.yaml", tittel="stavefejl")
    live.rebuild()
    assert "Ukendt felt 'tittel'" in capsys.readouterr().err
    assert not (live.site_dir / "ideer" / "renere-luft").exists()  # the preview shows the rest


def test_snapshot_sees_every_file(tmp_path: Path) -> None:
    write_records(tmp_path, SAMPLE)
    assert set(snapshot(tmp_path / "records")) == set(SAMPLE)
