"""`portfolio init`: a new, empty portfolio repository for another organisation that
validates, builds a site with no word of Aarhus saying no theme is open yet, and runs its
own tests; what travels and what stays behind is generator/init/manifest.py."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import Result

from generator.init import manifest
from generator.pipeline import check_portfolio
from generator.settings import Settings
from generator.site.build import build_site
from tests.conftest import RECORDS_TODAY, invoke

ORGANISATION = "Eksempel Kommune"


def init(target: Path, *options: str | Path) -> Result:
    """`portfolio init` for the test organisation, on the records' fixed day."""
    return invoke(
        "init", target, "--today", RECORDS_TODAY, "--organisation", ORGANISATION, *options
    )


@pytest.fixture(scope="module")
def new_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("init") / "eksempel"
    result = init(target, "--municipality-code", "0101")
    assert result.exit_code == 0, result.output
    assert "portfolio new theme" in result.output
    return target


def _texts(root: Path) -> dict[str, str]:
    """Every text a person reads in the new repository, by path (the tool's code aside)."""
    found = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and not rel.startswith(("generator/", "tests/", "bench/")):
            try:
                found[rel] = path.read_text("utf-8")
            except UnicodeDecodeError:
                continue
    return found


def test_it_has_the_tool_the_schemas_the_workflows_the_forms_and_the_docs(new_repo: Path) -> None:
    for rel in (
        "generator/cli.py",
        "schemas/idea.schema.json",
        ".github/workflows/pull-request.yml",
        ".github/ISSUE_TEMPLATE/idekort.yml",
        "CONTRIBUTING.md",
        "README.md",
        "Makefile",
        "requirements.lock",
        "overrides/main.html",
        "docs/tilgaengelighed.md",
    ):
        assert (new_repo / rel).is_file(), rel
    assert not list((new_repo / "records/ideas").glob("*/idea.yaml"))


def test_it_has_the_seed_ladder_its_departments_and_no_themes_or_ideas(new_repo: Path) -> None:
    records = new_repo / "records"
    assert [p.name for p in (records / "themes").iterdir()] == [".gitkeep"]
    assert [p.name for p in (records / "ideas").iterdir()] == [".gitkeep"]
    checked = check_portfolio(Settings(records_dir=records, today=RECORDS_TODAY))
    assert not checked.failed, [p.as_text() for p in checked.failing]
    assert [(s.step, s.amount) for s in checked.portfolio.ladder.steps] == [
        (1, 25000),
        (2, 125000),
        (3, 250000),
    ]
    assert "administration" in checked.portfolio.departments
    assert not checked.portfolio.themes and not checked.portfolio.ideas


def test_no_text_in_it_speaks_of_aarhus(new_repo: Path) -> None:
    for rel, text in _texts(new_repo).items():
        assert not re.search("aarhus", text, re.IGNORECASE), rel
    assert "@eksempel-kommune/portefoeljeteam" in (new_repo / ".github/CODEOWNERS").read_text()


def test_the_readme_names_the_next_step(new_repo: Path) -> None:
    readme = (new_repo / "README.md").read_text("utf-8")
    assert readme.startswith(f"# {ORGANISATION}")
    assert "portfolio new theme" in readme and "make test" in readme


def test_tests_of_this_portfolios_records_stay_behind(new_repo: Path) -> None:
    for rel in manifest.STAYING_TESTS:
        assert not (new_repo / rel).exists(), rel
    assert (new_repo / "tests/test_cases.py").is_file()


def test_its_site_builds_says_no_theme_is_open_and_has_no_word_of_aarhus(
    new_repo: Path, tmp_path: Path
) -> None:
    settings = Settings(records_dir=new_repo / "records", today=RECORDS_TODAY)
    checked = check_portfolio(settings)
    site = tmp_path / "site"
    build_site(checked, settings, new_repo / "mkdocs.yml", site)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 8
    for page in pages:
        assert not re.search("aarhus", page.read_text("utf-8"), re.IGNORECASE), page
    front = (site / "index.html").read_text("utf-8")
    assert "Intet tema er åbent for nye ideer lige nu." in front
    assert f"{ORGANISATION}s måde" in front
    assert not (site / "organisering-2015-2019").exists()
    assert "Intet tema er åbent for nye ideer lige nu." in (site / "temaer/index.html").read_text(
        "utf-8"
    )
    assert "udpeget 0 temaer" not in front
    dcat = (site / "data/dcat.jsonld").read_text("utf-8")
    assert ORGANISATION in dcat and "kommuner/0101" in dcat


def test_its_own_tests_pass_there(new_repo: Path) -> None:
    """A meaningful part of the new repository's own suite, run in it: the rule cases, the
    loader, the layers, the workflows and the golden pages (its full `make test` is run by
    hand: README.md, "Another municipality")."""
    tests = [
        "tests/test_cases.py",
        "tests/test_yaml_reader.py",
        "tests/test_cli_validate.py",
        "tests/test_layers.py",
        "tests/test_site_config.py",
        "tests/authoring/test_workflows.py",
        "tests/website/test_render.py",
    ]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:randomly", "-p", "no:cacheprovider", *tests],
        cwd=new_repo, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    validated = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--today", RECORDS_TODAY],
        cwd=new_repo, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert validated.returncode == 0, validated.stdout + validated.stderr


def test_a_department_list_becomes_the_departments(tmp_path: Path) -> None:
    names = tmp_path / "afdelinger.txt"
    names.write_text("Børn og Unge\nSocial, Sundhed og Omsorg\n", "utf-8")
    target = tmp_path / "ny"
    result = init(target, "--departments", names)
    assert result.exit_code == 0, result.output
    text = (target / "records/departments.yaml").read_text("utf-8")
    assert "boern-og-unge:\n  name: Børn og Unge" in text
    assert "social-sundhed-og-omsorg:\n  name: Social, Sundhed og Omsorg" in text
    for offered in _department_choices(target).values():
        assert offered == ["Børn og Unge", "Social, Sundhed og Omsorg"]


def _department_choices(root: Path) -> dict[str, list[str]]:
    """The choices of every department dropdown of the new repository's issue forms."""
    found = {}
    for form in ("idekort", "tema"):
        path = root / ".github" / "ISSUE_TEMPLATE" / f"{form}.yml"
        for element in yaml.safe_load(path.read_text("utf-8"))["body"]:
            if element.get("id") in ("departments", "owner_department", "afdelinger"):
                found[f"{form}:{element['id']}"] = element["attributes"]["options"]
    return found


def test_its_forms_offer_its_own_departments(new_repo: Path) -> None:
    choices = _department_choices(new_repo)
    assert sorted(choices) == ["idekort:departments", "idekort:owner_department", "tema:afdelinger"]
    for offered in choices.values():
        assert offered == list(manifest.DEFAULT_DEPARTMENTS.values())


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    (tmp_path / "noget.txt").write_text("x", "utf-8")
    result = init(tmp_path)
    assert result.exit_code == 1 and "findes og er ikke tom" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["noget.txt"]
