"""Init stage, what travels: the parts of this repository a new portfolio starts from.

The tool, its schemas, the site's frame, the workflows and forms, the docs and the tests
that test the tool rather than this portfolio's own records. The records themselves do not
travel: the new portfolio gets the seeds' ladder, its own departments, no themes, no ideas.
"""

from __future__ import annotations

# Folders copied whole (without caches).
FOLDERS = (
    "generator",
    "schemas",
    "overrides",
    "docs",
    ".github",
    ".ci",
    ".vscode",
    "bench",
    "tests",
)
# Files copied as they are, or rewritten for the organisation (texts.py).
FILES = (
    "Makefile",
    "pyproject.toml",
    "requirements.in",
    "requirements.lock",
    "package.json",
    "package-lock.json",
    ".gitignore",
    "CONTRIBUTING.md",
)
# Never copied: caches, generated output, and what is this portfolio's own.
SKIPPED_NAMES = frozenset(
    {"__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis", "out"}
)
SKIPPED_PATHS = frozenset({".github/CODEOWNERS"})  # written from the new themes

# Tests that stay behind, because they test this portfolio's records or texts, not the tool:
# the shipped records and seeds, and the import's round trip of the shipped spreadsheet.
STAYING_TESTS = frozenset(
    {
        "tests/test_records.py",  # the shipped themes, focus areas and ladder of the seeds
        "tests/authoring/test_periods.py",  # the shipped themes' periods
        "tests/authoring/test_codeowners.py",  # CODEOWNERS of the shipped themes
        "tests/authoring/test_issueform.py",  # the form's choices from the shipped themes
        "tests/importing/test_round_trip.py",  # round trip of the shipped records
        "tests/importing/test_bad_input.py",  # mistakes made in the shipped spreadsheet
        "tests/importing/test_map.py",  # imports into the shipped themes
        "tests/init",  # init copies this repository: a copy has no repository to copy from
    }
)

# The ladder of the seeds (Innovationsmotoren: 25.000, 125.000 and 250.000 kr.).
SEED_LADDER = """\
# yaml-language-server: $schema=../schemas/ladder.schema.json
# Investeringstrappen: trinnene og deres beløb. Ret beløbene eller antallet af trin her;
# reglerne læser dem herfra.
currency: DKK
steps:
  - step: 1
    amount: 25000
  - step: 2
    amount: 125000
  - step: 3
    amount: 250000
"""

# A short list to edit when no departments are given.
DEFAULT_DEPARTMENTS = {
    "administration": "Administration",
    "boern-og-unge": "Børn og Unge",
    "social-og-sundhed": "Social og Sundhed",
    "teknik-og-miljoe": "Teknik og Miljø",
    "kultur-og-fritid": "Kultur og Fritid",
}
