"""Init stage, texts: this repository's own files rewritten for another organisation.

Only the texts people read are rewritten (the README, CONTRIBUTING.md, mkdocs.yml, the
accessibility page, the package names); the tool's code travels unchanged and takes the
organisation's name from mkdocs.yml's `site_author`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from generator.vocabulary import slugify

HISTORY_NAV = re.compile(r"^\s*- Organisering 2015-2019: .*\n", re.M)


def organisation_slug(organisation: str) -> str:
    """'Eksempel Kommune' → 'eksempel-kommune': GitHub owner and package names."""
    return slugify(organisation) or "organisation"


def renamed(text: str, organisation: str) -> str:
    """A text with this portfolio's organisation replaced by another's."""
    slug = organisation_slug(organisation)
    for old, new in (
        ("Ældre Sagen Aarhus", "Ældre Sagen"),
        # The unit that coordinates Aarhus's engine: another organisation names its own.
        ("koordinatoren i Borgmesterens Afdeling", "koordinatoren"),
        ("Tjekliste for koordinatoren (Borgmesterens Afdeling)", "Tjekliste for koordinatoren"),
        ("Når Borgmesterens Afdeling har", "Når koordinatoren har"),
        ("Borgmesterens Afdeling læser", "Koordinatoren læser"),
        ("Borgmesterens Afdeling kan", "Koordinatoren kan"),
        ("Aarhus Kommunes", f"{organisation}s"),
        ("Aarhus Kommune", organisation),
        ("aarhus-kommune", slug),
        ("aarhus-innovationsportefoelje", f"{slug}-innovationsportefoelje"),
        ("aarhus-innovationsportefolje", f"{slug}-innovationsportefolje"),
    ):
        text = text.replace(old, new)
    return text


# The settings of extra: that name the organisation's own unit and place, with their comment.
OWN_SETTINGS = re.compile(r"^(?:  #[^\n]*\n)*  (?:coordinator|municipality_code): [^\n]*\n", re.M)


def department_choices(text: str, old: Sequence[str], new: Sequence[str]) -> str:
    """An issue form whose dropdowns offer this portfolio's departments (the whole list, in
    its order) with the organisation's own departments offered instead."""
    lines = text.splitlines(keepends=True)
    offered = [f"- {name}" for name in old]
    out: list[str] = []
    index = 0
    while index < len(lines):
        block = lines[index : index + len(offered)]
        indent = block[0][: len(block[0]) - len(block[0].lstrip(" "))] if block else ""
        if [line.rstrip("\n") for line in block] == [indent + item for item in offered]:
            out += [f"{indent}- {json.dumps(name, ensure_ascii=False)}\n" for name in new]
            index += len(offered)
        else:
            out.append(lines[index])
            index += 1
    return "".join(out)


def site_config(text: str, organisation: str, municipality_code: str | None) -> str:
    """mkdocs.yml for the organisation: its name, no history page, its municipality."""
    text = re.sub(
        r"^site_description: .*$",
        f"site_description: {organisation}s innovationsportefølje – ideer, beslutninger og test.",
        text,
        flags=re.M,
    )
    text = re.sub(r"^site_author: .*$", f"site_author: {organisation}", text, flags=re.M)
    text = re.sub(r"^copyright: .*$", f"copyright: {organisation}", text, flags=re.M)
    text = HISTORY_NAV.sub("", text)
    text = OWN_SETTINGS.sub("", text)  # this organisation's coordinator and place, not ours
    code = (
        f'  municipality_code: "{municipality_code}"'
        if municipality_code
        else '  # municipality_code: "0000"'
    )
    setting = (
        "  # The municipality the open data covers (DCAT-AP-DK's spatial), by its four-digit\n"
        f"  # code in the Danish municipality register.\n{code}\n"
    )
    return re.sub(r"^extra:\n", "extra:\n" + setting, text, count=1, flags=re.M)


def workflows(text: str, organisation: str) -> str:
    """A workflow whose CODEOWNERS names the organisation's maintainers."""
    team = f"@{organisation_slug(organisation)}/portefoeljeteam"
    return re.sub(  # at the end of the line: `portfolio codeowners --check` stays whole
        r"(portfolio codeowners\b[^\n]*)",
        lambda found: f"{found.group(1)} --maintainers {team}",
        text,
    )


def readme(organisation: str) -> str:
    """The new repository's README: how to start, and the first thing to do."""
    slug = organisation_slug(organisation)
    return f"""# {organisation}: innovation portfolio

The public innovation portfolio of {organisation} as docs-as-code: YAML records in git,
checked against JSON Schemas and the investment ladder's rules, published as a Danish
MkDocs site with search, open data and issue forms for those who do not use git.

    make site   # set everything up, validate the records and build the site into site/
    make test   # set everything up and run every check and test

## Start here

The portfolio is empty: no themes and no ideas yet, so the site says that no theme is open
and every way of filing an idea says who opens one. The next step is to open the first
period's themes:

    .venv/bin/portfolio new theme

`portfolio new theme` asks in Danish for the theme's name, kind, period, departments,
reviewers and description, and writes `records/themes/<theme-id>.yaml`. Then run
`portfolio codeowners --maintainers @{slug}/portefoeljeteam` and `portfolio issueform`
so that the reviewers and the idea form follow the new themes.

## What to change

- `records/departments.yaml`: the organisation's own departments (id and name).
- `records/ladder.yaml`: the investment ladder; the seeds' three steps of 25,000, 125,000
  and 250,000 kr. are a starting point. The rules read the amounts from this file.
- `mkdocs.yml`: `site_url` and `repo_url` (the site's and the repository's addresses),
  `extra.municipality_code` (the open data's place), `extra.coordinator` (the unit that
  takes ideas in and opens periods, named on the front page), `extra.data_licence` and the
  accessibility statement's address.
- `docs/tilgaengelighed.md`: the organisation's own accessibility statement.
- `.github/`: the issue forms and workflows work as they are once the repository is on
  GitHub with Pages enabled; the maintainers' team is `@{slug}/portefoeljeteam`.

## Bringing an existing portfolio

A portfolio kept in a spreadsheet comes in with `portfolio import FILE [--map MAP.yaml]
[--dry-run]`, once the themes it refers to exist; see `portfolio import --help`.

## Tests

The tests test the tool and the site on fixed sample portfolios under `tests/`; they do
not depend on this portfolio's records. `make golden` regenerates the golden pages after
an intended change to the templates.

CONTRIBUTING.md (in Danish) tells innovators, coordinators and reviewers how to take part.
"""
