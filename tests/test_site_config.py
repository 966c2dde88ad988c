"""The site configuration is read in one place, with one policy for tags."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from generator.errors import PortfolioError
from generator.site_config import (
    SiteOptions,
    Tagged,
    dump_site_config,
    read_site_config,
    safe_site_url,
)
from tests.conftest import REPO


def test_the_repository_s_configuration_reads_as_plain_data() -> None:
    config = read_site_config(REPO / "mkdocs.yml")
    assert config["site_name"]
    assert SiteOptions.of(config).licence.name


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("- a\n- b\n", "skal være en mapping"),
        ("site_name: [x\n", "ikke gyldig YAML"),
    ],
)
def test_a_configuration_it_cannot_use_is_refused_in_danish(
    tmp_path: Path, text: str, says: str
) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(PortfolioError, match=says):
        read_site_config(config)


def test_a_missing_configuration_is_refused_in_danish(tmp_path: Path) -> None:
    with pytest.raises(PortfolioError, match="kan ikke læses"):
        read_site_config(tmp_path / "mkdocs.yml")


def test_only_a_plain_web_address_is_the_site_s_address() -> None:
    assert safe_site_url("https://example.dk/portefoelje") == "https://example.dk/portefoelje/"
    for unsafe in ("javascript:alert(1)", "https://x.dk/<img>", None, 7, "//x.dk/"):
        assert safe_site_url(unsafe) is None


def test_no_other_module_parses_yaml_with_pyyaml_s_loaders() -> None:
    """Records go through the strict reader; mkdocs.yml through generator/site_config.py."""
    loaders = {"load", "safe_load", "full_load", "unsafe_load", "load_all", "safe_load_all"}
    found = set()
    for path in (REPO / "generator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = node.func if isinstance(node, ast.Call) else None
            named = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
            if named and func.attr in loaders and func.value.id == "yaml":  # type: ignore[union-attr]
                found.add(str(path.relative_to(REPO)))
    assert found == {"generator/site_config.py"}


def test_a_tag_is_kept_unconstructed_and_written_back_as_it_was(tmp_path: Path) -> None:
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        "site_name: x\nsite_url: !ENV [SITE_URL, 'https://example.dk/']\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    config = read_site_config(config_file)
    assert config["site_url"] == Tagged("!ENV", ["SITE_URL", "https://example.dk/"])
    assert SiteOptions.of(config).site_url is None  # a tag is no address of ours
    again = tmp_path / "again.yml"
    again.write_text(dump_site_config(config), encoding="utf-8")
    assert read_site_config(again) == config
    assert "!!python/name:material.extensions.emoji.twemoji" in again.read_text("utf-8")


def test_the_coordinating_unit_comes_from_the_configuration() -> None:
    extra = {"coordinator": " Borgmesterens Afdeling ", "municipality_code": "0751"}
    options = SiteOptions.of({"extra": extra})
    assert options.submit.coordinator == "Borgmesterens Afdeling"
    assert options.submit.coordinator_name == "koordinatoren i Borgmesterens Afdeling"
    assert options.publisher.municipality_code == "0751"
    assert SiteOptions.of({}).submit.coordinator_name == "koordinatoren"
    with pytest.raises(PortfolioError, match=r"extra\.coordinator"):
        SiteOptions.of({"extra": {"coordinator": "  "}})
