"""The issue form's theme choices, written from the themes open today (`portfolio issueform`).

The form .github/ISSUE_TEMPLATE/idekort.yml is written by hand, except two regions between
marker comments: a notice at the top, present only while no theme is open, and the
choices of the question Tema. Both are written from the records, so the form offers
exactly the themes an idea can be filed under today, and says so when there is none.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.errors import PortfolioError
from generator.model import Portfolio
from generator.periods import COORDINATOR, OPEN_COMMAND, last_period_end, open_themes
from generator.vocabulary import format_date

NOTICE = "notice"
THEME_CHOICES = "theme-choices"
NO_OPEN_THEME_CHOICE = "Intet tema er åbent; se teksten øverst"
_REGION = re.compile(
    r"^(?P<indent>[ ]*)# portfolio issueform: (?P<name>[a-z-]+) begin\n"
    r"(?P<body>.*?)"
    r"^(?P=indent)# portfolio issueform: (?P=name) end\n",
    re.MULTILINE | re.DOTALL,
)


def default_form(root: Path) -> Path:
    """The form in the repository root (the records folder's parent)."""
    return root / ".github" / "ISSUE_TEMPLATE" / "idekort.yml"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def notice_lines(indent: str, portfolio: Portfolio, today: str) -> list[str]:
    """The markdown item at the top of the form while no theme is open.

    It names no day but the end of the last period, so it stays current until one opens.
    """
    last = last_period_end(portfolio, today)
    since = f" Den seneste periode sluttede {format_date(last)}." if last else ""
    text = (
        f"**Intet tema er åbent for nye ideer.**{since} Indtil den næste periode er åbnet, "
        f"kan formularen ikke blive til et idekort. Perioden åbnes af {COORDINATOR}, som "
        f"opretter dens temaer med formularen Tema eller `{OPEN_COMMAND}`."
    )
    return [
        f"{indent}- type: markdown",
        f"{indent}  attributes:",
        f"{indent}    value: {_quoted(text)}",
    ]


def region_lines(name: str, indent: str, portfolio: Portfolio, today: str) -> list[str]:
    """The generated lines of one region."""
    names = [theme.name for theme in open_themes(portfolio, today)]
    if name == NOTICE:
        return [] if names else notice_lines(indent, portfolio, today)
    if name == THEME_CHOICES:
        return [f"{indent}- {_quoted(choice)}" for choice in names or [NO_OPEN_THEME_CHOICE]]
    raise PortfolioError(f"Formularen har et ukendt felt til portfolio issueform: {name}.")


def render_form(text: str, portfolio: Portfolio, today: str) -> str:
    """The form with its generated regions written for `today`."""
    found: set[str] = set()

    def fill(match: re.Match[str]) -> str:
        indent, name = match["indent"], match["name"]
        found.add(name)
        lines = region_lines(name, indent, portfolio, today)
        begin = f"{indent}# portfolio issueform: {name} begin"
        end = f"{indent}# portfolio issueform: {name} end"
        return "\n".join([begin, *lines, end]) + "\n"

    rendered = _REGION.sub(fill, text)
    missing = sorted({NOTICE, THEME_CHOICES} - found)
    if missing:
        raise PortfolioError(
            "Formularen mangler markeringerne '# portfolio issueform: <navn> begin/end' for: "
            f"{', '.join(missing)}."
        )
    return rendered


def read_form(path: Path, shown: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise PortfolioError(f"{shown} findes ikke.") from error
    except (OSError, UnicodeDecodeError) as error:
        raise PortfolioError(f"Kunne ikke læse {shown}: {error}.") from error
