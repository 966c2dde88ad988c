"""The site source is the engine's, not ours: a second engine builds it, and the package
leans on no private name of MkDocs or Material."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import Checked
from generator.settings import Settings
from generator.site.build import build_source, render_source
from tests.conftest import REPO

ENGINE_PACKAGES = ("mkdocs", "material")
PRIVATE_INTERNALS = ("_build_page", "_populate_page", "search_index_prev")


def built_pages(site: Path) -> set[str]:
    """Every page of a built site, by its path (directory URLs: .../index.html)."""
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")} - {
        p.relative_to(site).as_posix() for p in site.glob("pagefind/**/*.html")
    }


def private_engine_names(source: str) -> list[str]:
    """Private names of MkDocs or Material a module imports or reaches through a module."""
    tree = ast.parse(source)
    engine_aliases: set[str] = set()
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in ENGINE_PACKAGES:
                    found += [part for part in alias.name.split(".") if part.startswith("_")]
                    engine_aliases.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in (
            ENGINE_PACKAGES
        ):
            found += [part for part in str(node.module).split(".") if part.startswith("_")]
            found += [a.name for a in node.names if a.name.startswith("_")]
            engine_aliases.update(a.asname or a.name for a in node.names)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in engine_aliases
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            found.append(f"{node.value.id}.{node.attr}")
    return found


def test_the_private_name_check_finds_what_it_looks_for() -> None:
    source = (
        "from mkdocs.commands import build as b\n"
        "from mkdocs.livereload import _serve_url\n"
        "import material._internal\n"
        "b._populate_page(1, 2, 3)\n"
        "from generator.load import _walk\n"
    )
    assert private_engine_names(source) == ["_serve_url", "_internal", "b._populate_page"]


def test_the_package_uses_no_private_name_of_mkdocs_or_material() -> None:
    for module in sorted((REPO / "generator").rglob("*.py")):
        source = module.read_text("utf-8")
        assert private_engine_names(source) == [], module
        assert not [name for name in PRIVATE_INTERNALS if name in source], module


@pytest.fixture(scope="module")
def hostile_source(
    hostile: tuple[Checked, Settings], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """What `portfolio render` writes for the hostile portfolio; each engine builds it into
    a folder of its own and leaves the pages and the theme as they are."""
    checked, settings = hostile
    source = tmp_path_factory.mktemp("kilde")
    render_source(checked, settings, REPO / "mkdocs.yml", source)
    return source


@pytest.mark.slow
def test_a_second_engine_builds_the_rendered_source_into_the_same_pages(
    hostile_source: Path, hostile_site: Path
) -> None:
    """Zensical, Material's successor, builds what `portfolio render` writes, as it is."""
    result = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", "--config-file",
         str(hostile_source / "mkdocs.yml")],
        cwd=hostile_source, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    site = hostile_source / "site"
    assert built_pages(site) == built_pages(hostile_site)
    assert "ideer/fjendtlig-tekst/index.html" in built_pages(site)
    for data in ("data/portfolio.json", "data/ideer.csv", "feed.xml"):
        assert (site / data).read_bytes() == (hostile_site / data).read_bytes()
    idea = (site / "ideer" / "renere-luft" / "index.html").read_text("utf-8")
    assert 'data-pagefind-filter="tema[data-value]"' in idea  # the search fields come along
    assert 'action="../../soeg/"' in idea  # and the theme overrides: the header's search box
    # and the site's Markdown extension: Danish anchors, tables in their scroll boxes
    front = (site / "index.html").read_text("utf-8")
    assert 'id="noegletal"' in front and 'href="#noegletal"' in front
    assert 'class="table-scroll" role="region" tabindex="0"' in front
    # and the notice about the fictional examples, on hand-written pages too
    for page in ("index.html", "soeg/index.html", "tilgaengelighed/index.html"):
        assert "Porteføljen indeholder opdigtede eksempler." in (site / page).read_text("utf-8")


@pytest.mark.slow
def test_the_build_from_memory_makes_the_site_the_rendered_source_makes(
    hostile_source: Path, hostile_site: Path, tmp_path: Path
) -> None:
    """`portfolio build` hands its generated pages to MkDocs from memory; MkDocs building
    what `portfolio render` writes to disk makes the same site, byte for byte."""
    site = tmp_path / "site"
    build_source(hostile_source, site, strict=True)
    from_disk = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    from_memory = {
        p.relative_to(hostile_site).as_posix()
        for p in hostile_site.rglob("*")
        if p.is_file() and not p.relative_to(hostile_site).as_posix().startswith("pagefind/")
    }
    assert from_disk == from_memory
    differing = [
        rel
        for rel in sorted(from_disk)
        if (site / rel).read_bytes() != (hostile_site / rel).read_bytes()
    ]
    assert differing == []
