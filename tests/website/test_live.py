"""`portfolio serve`: a saved idea record updates its pages alone; anything else rebuilds.

The preview writes changed pages into its rendered source and lets MkDocs' dirty build
rebuild them; these tests read what a browser would get from its site folder. Background
work runs when a test says so (`StepRunner`), never on a thread of its own."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml

from generator.pipeline import IdeaRecheck, recheck_idea
from generator.schema import load_schemas
from generator.site.build import build_source
from generator.site.changes import (
    needs_full_build,
    page_output,
    snapshot,
    touched_ideas,
)
from generator.site.live import LiveSite
from tests.conftest import REPO
from tests.sample_records import write_records
from tests.website.preview import StepRunner, edit_record, live_site, read_page, settle
from tests.website.sample import SAMPLE


def test_touched_ideas_names_the_idea_folders_that_changed() -> None:
    old = {"ideas/a/idea.yaml": (1, 1), "ideas/b/idea.yaml": (1, 1), "ladder.yaml": (1, 1)}
    new = {**old, "ideas/a/idea.yaml": (2, 1), "ideas/c/decisions/x.yaml": (1, 1)}
    assert touched_ideas(old, new) == {"a", "c"}
    assert touched_ideas(old, {k: v for k, v in old.items() if k != "ideas/b/idea.yaml"}) == {"b"}
    assert touched_ideas(old, {**old, "ladder.yaml": (2, 1)}) is None
    assert touched_ideas(old, {**old, "themes/klima.yaml": (1, 1)}) is None


def test_only_pages_and_files_under_docs_may_change_page_by_page() -> None:
    assert not needs_full_build(["docs/index.md", "docs/ideer/a.md", "docs/data/ideer.csv"])
    assert needs_full_build(["docs/index.md", "mkdocs.yml"])
    assert needs_full_build(["overrides/partials/header.html"])


def test_a_page_of_the_source_lands_at_its_directory_url(tmp_path: Path) -> None:
    assert page_output(tmp_path, "ideer/a.md") == tmp_path / "ideer" / "a"
    assert page_output(tmp_path, "temaer/index.md") == tmp_path / "temaer"
    assert page_output(tmp_path, "data/ideer.csv") == tmp_path / "data" / "ideer.csv"


def test_a_saved_idea_updates_its_page_its_theme_and_the_lists(live: LiveSite) -> None:
    records = live.settings.records_dir
    front_before = (live.site_dir / "index.html").stat().st_mtime_ns
    edit_record(records, "ideas/renere-luft/idea.yaml", title="Frisk luft ved skolerne")
    live.rebuild()
    assert "Frisk luft ved skolerne" in read_page(live, "ideer/renere-luft")
    assert "Frisk luft ved skolerne" in read_page(live, "temaer/klima")
    assert "Renere luft ved skolerne" in read_page(live, "investeringstrin")  # the list: next
    source = live.source_dir / "docs" / "ideer" / "renere-luft.md"
    assert "Frisk luft ved skolerne" in source.read_text("utf-8")
    settle(live)
    assert "Frisk luft ved skolerne" in read_page(live, "investeringstrin")
    assert (live.site_dir / "index.html").stat().st_mtime_ns == front_before  # unchanged
    data = json.loads((live.site_dir / "data" / "portfolio.json").read_bytes())
    assert any(i["title"] == "Frisk luft ved skolerne" for i in data["ideas"])
    assert (live.site_dir / "pagefind" / "pagefind.js").is_file()


def test_a_new_idea_gets_its_page_and_a_deleted_one_loses_it(live: LiveSite) -> None:
    records = live.settings.records_dir
    card = dict(SAMPLE["ideas/solceller-paa-taget/idea.yaml"], title="Grønne tage")
    (records / "ideas" / "groenne-tage").mkdir()
    (records / "ideas" / "groenne-tage" / "idea.yaml").write_text(
        yaml.safe_dump(card, allow_unicode=True), "utf-8"
    )
    live.rebuild()
    assert "Grønne tage" in read_page(live, "ideer/groenne-tage")
    settle(live)
    for path in (records / "ideas" / "groenne-tage").iterdir():
        path.unlink()
    (records / "ideas" / "groenne-tage").rmdir()
    live.rebuild()
    assert not (live.site_dir / "ideer" / "groenne-tage").exists()
    assert "Grønne tage" not in read_page(live, "temaer/klima")


def test_a_changed_theme_rebuilds_the_whole_site(live: LiveSite) -> None:
    edit_record(live.settings.records_dir, "themes/klima.yaml", name="Klima og miljø")
    live.rebuild()
    assert "Klima og miljø" in read_page(live, "ideer/digital-nabohjaelp")  # in every sidebar


def test_a_broken_idea_falls_back_to_the_full_check(
    live: LiveSite, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_record(live.settings.records_dir, "ideas/renere-luft/idea.yaml", tittel="stavefejl")
    live.rebuild()
    assert "Ukendt felt 'tittel'" in capsys.readouterr().err
    assert not (live.site_dir / "ideer" / "renere-luft").exists()  # the preview shows the rest


def test_the_preview_reads_an_idea_through_the_loader_and_follows_no_link(
    live: LiveSite, tmp_path: Path
) -> None:
    records = live.settings.records_dir
    schemas = load_schemas(live.settings.schemas_dir)
    card = records / "ideas" / "renere-luft" / "idea.yaml"
    loaded = recheck_idea(live.settings, schemas, "renere-luft")
    assert loaded.idea is not None and not loaded.gone
    assert loaded.idea.title == "Renere luft ved skolerne"
    elsewhere = tmp_path / "andetsteds.yaml"
    elsewhere.write_bytes(card.read_bytes())
    card.unlink()
    card.symlink_to(elsewhere)
    assert recheck_idea(live.settings, schemas, "renere-luft") == IdeaRecheck()  # at fault
    assert recheck_idea(live.settings, schemas, "findes-ikke") == IdeaRecheck(gone=True)


def test_the_preview_s_recheck_of_an_idea_refuses_what_the_full_check_refuses(
    live: LiveSite,
) -> None:
    schemas = load_schemas(live.settings.schemas_dir)
    folder = live.settings.records_dir / "ideas" / "renere-luft"
    card = folder / "idea.yaml"
    card.write_text(card.read_text("utf-8") + "tittel: Stavet forkert\n", "utf-8")
    assert recheck_idea(live.settings, schemas, "renere-luft") == IdeaRecheck()  # schema
    card.write_text(card.read_text("utf-8").replace("tittel: Stavet forkert\n", ""), "utf-8")
    assert recheck_idea(live.settings, schemas, "renere-luft").idea is not None
    (folder / "noter.txt").write_text("En fil, der ikke hører til.", "utf-8")
    assert recheck_idea(live.settings, schemas, "renere-luft") == IdeaRecheck()  # L01


def test_the_preview_follows_what_mkdocs_yml_says_the_pages_show(tmp_path: Path) -> None:
    root = tmp_path / "portefoelje"
    for folder in ("docs", "overrides"):
        shutil.copytree(REPO / folder, root / folder)
    config = root / "mkdocs.yml"
    shutil.copy(REPO / "mkdocs.yml", config)
    live = live_site(tmp_path, StepRunner(), config=config)
    live.full_build()
    before = read_page(live, "")
    assert "Innovationsmotoren er Aarhus Kommunes måde" in before
    assert "<strong>Borgmesterens Afdeling</strong> indsamler" in before

    text = config.read_text("utf-8")
    text = text.replace("site_author: Aarhus Kommune", "site_author: Eksempel Kommune")
    text = text.replace("coordinator: Borgmesterens Afdeling", "coordinator: Innovationsenheden")
    config.write_text(text, "utf-8")
    live.rebuild()
    front = read_page(live, "")
    assert "Innovationsmotoren er Eksempel Kommunes måde" in front  # the publisher
    assert "<strong>Innovationsenheden</strong> indsamler" in front  # who takes ideas in
    settle(live)  # the background work's renderer follows too
    assert "Innovationsmotoren er Eksempel Kommunes måde" in read_page(live, "")


def test_snapshot_sees_every_file(tmp_path: Path) -> None:
    write_records(tmp_path, SAMPLE)
    assert set(snapshot(tmp_path / "records")) == set(SAMPLE)


def test_the_preview_compiles_the_theme_once_and_an_edited_override_again(
    live: LiveSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert live.templates.bytecode.codes  # the first build filled the cache
    compiled: list[str | None] = []
    compile_template = jinja2.Environment.compile

    def counting(env: jinja2.Environment, source: Any, name: str | None = None, *a: Any) -> Any:
        compiled.append(name)
        return compile_template(env, source, name, *a)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    edit_record(live.settings.records_dir, "ideas/renere-luft/idea.yaml", title="Frisk luft")
    live.rebuild()
    assert "Frisk luft" in read_page(live, "ideer/renere-luft")
    assert compiled == []  # every template came from the cache
    settle(live)

    footer = live.source_dir / "overrides" / "partials" / "copyright.html"
    footer.write_text(footer.read_text("utf-8") + "<p>Ændret skabelon</p>", "utf-8")
    build_source(live.source_dir, live.site_dir, strict=False, live=live.templates)
    assert "partials/copyright.html" in compiled
    assert "Ændret skabelon" in read_page(live, "ideer/renere-luft")
