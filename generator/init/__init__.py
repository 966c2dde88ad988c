"""Init stage: a new, empty portfolio repository for another organisation.

Copies what travels (manifest.py) from the repository this tool runs from, rewrites the
texts for the organisation (texts.py), and writes the records a portfolio starts with: the
seeds' ladder, the organisation's departments, no themes and no ideas.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

import yaml

from generator.errors import PortfolioError
from generator.init import manifest, texts
from generator.load.yaml_reader import Parsed, parse_yaml
from generator.vocabulary import first_forbidden_character, is_slug, slugify

SOURCE = Path(__file__).resolve().parents[2]  # the repository this package is part of
TEXT_SUFFIXES = (".md", ".yml", ".yaml", ".toml", ".json", ".in", ".txt")


def source_root() -> Path:
    """The repository to copy from; refused when the tool is installed without one."""
    if not (SOURCE / "pyproject.toml").is_file() or not (SOURCE / "schemas").is_dir():
        raise PortfolioError(
            "portfolio init kopierer fra værktøjets eget repository, men det findes ikke "
            f"ved {SOURCE}. Kør kommandoen fra en klon af repositoryet."
        )
    return SOURCE


def _skip(rel: str, name: str) -> bool:
    return (
        name in manifest.SKIPPED_NAMES
        or rel in manifest.SKIPPED_PATHS
        or rel in manifest.STAYING_TESTS
        or name.endswith(".pyc")
    )


def copy_tree(source: Path, target: Path) -> None:
    """The folders and files that travel, without what stays behind."""
    for folder in manifest.FOLDERS:
        if (source / folder).is_dir():
            shutil.copytree(
                source / folder,
                target / folder,
                ignore=lambda where, names: [
                    n for n in names if _skip((Path(where) / n).relative_to(source).as_posix(), n)
                ],
            )
    for name in manifest.FILES:
        if (source / name).is_file():
            shutil.copy2(source / name, target / name)


def rewrite_texts(
    target: Path,
    organisation: str,
    municipality_code: str | None,
    departments: Mapping[str, str],
) -> None:
    """The copied texts people read, for the organisation and its departments."""
    own = list(read_departments(source_root() / "records" / "departments.yaml").values())
    readable = [
        target / n
        for n in ("CONTRIBUTING.md", "pyproject.toml", "package.json", "package-lock.json")
    ]
    readable += sorted((target / "docs").rglob("*.md"))
    readable += sorted((target / "schemas").glob("*.json"))
    readable += sorted((target / ".github").rglob("*"))
    for path in readable:
        if path.is_file() and path.suffix in TEXT_SUFFIXES:
            text = texts.renamed(path.read_text("utf-8"), organisation)
            if path.parent.name == "workflows":
                text = texts.workflows(text, organisation)
            if path.parent.name == "ISSUE_TEMPLATE":
                text = texts.department_choices(text, own, list(departments.values()))
            path.write_text(text, "utf-8")
    config = (source_root() / "mkdocs.yml").read_text("utf-8")
    (target / "mkdocs.yml").write_text(
        texts.site_config(config, organisation, municipality_code), "utf-8"
    )
    (target / "README.md").write_text(texts.readme(organisation), "utf-8")


def read_departments(path: Path | None) -> dict[str, str]:
    """Departments by id: a YAML file as records/departments.yaml, or a name a line."""
    if path is None:
        return dict(manifest.DEFAULT_DEPARTMENTS)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PortfolioError(f"Afdelingerne i {path} kan ikke læses: {error}") from error
    parsed = parse_yaml(text.encode("utf-8"), str(path), with_lines=False)
    loaded = parsed.data if isinstance(parsed, Parsed) else None
    if isinstance(loaded, Mapping):
        found = {
            str(k): str(v.get("name", "")) if isinstance(v, Mapping) else str(v)
            for k, v in loaded.items()
        }
    else:
        found = {slugify(line): line.strip() for line in text.splitlines() if line.strip()}
    return _checked_departments(found, path)


def _checked_departments(found: dict[str, str], path: Path) -> dict[str, str]:
    if not found:
        raise PortfolioError(f"{path} nævner ingen afdelinger.")
    for department_id, name in found.items():
        if not is_slug(department_id) or not name or first_forbidden_character(name):
            raise PortfolioError(
                f"{path}: afdelingen '{department_id}: {name}' skal have et id (a-z, tal og "
                "bindestreger) og et navn."
            )
    return found


def write_records(target: Path, departments: Mapping[str, str]) -> None:
    """The records a portfolio starts with: the ladder, the departments, empty folders."""
    records = target / "records"
    (records / "themes").mkdir(parents=True)
    (records / "ideas").mkdir()
    for folder in ("themes", "ideas"):
        (records / folder / ".gitkeep").write_text("", "utf-8")
    (records / "ladder.yaml").write_text(manifest.SEED_LADDER, "utf-8")
    lines = [
        "# yaml-language-server: $schema=../schemas/departments.schema.json",
        "# Organisationens afdelinger: id (små bogstaver a-z, tal og bindestreger) og navn.",
    ]
    for department_id, name in departments.items():
        lines += [
            f"{department_id}:",
            f"  name: {yaml.safe_dump(name, allow_unicode=True).splitlines()[0]}",
        ]
    (records / "departments.yaml").write_text("\n".join(lines) + "\n", "utf-8")


def create_portfolio(
    target: Path,
    organisation: str,
    departments_file: Path | None = None,
    municipality_code: str | None = None,
) -> None:
    """A new portfolio repository in `target` (which must be missing or empty)."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise PortfolioError(f"{target} findes og er ikke tom; vælg en ny mappe.")
    departments = read_departments(departments_file)
    source = source_root()
    target.mkdir(parents=True, exist_ok=True)
    try:
        copy_tree(source, target)
        rewrite_texts(target, organisation, municipality_code, departments)
        write_records(target, departments)
    except OSError as error:
        shutil.rmtree(target, ignore_errors=True)
        raise PortfolioError(f"Kunne ikke skrive {target}: {error}") from error
