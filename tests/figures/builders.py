"""Small portfolios for the figures tests, made of the shared sample records and read by the
real loader: every number is worked out by hand in the tests."""

from __future__ import annotations

from generator.model import Idea, Portfolio
from tests.sample_records import Record, Records, idea_files, load_portfolio, portfolio_files
from tests.sample_records import idea as idea_card
from tests.sample_records import theme as theme_record

# Three departments the tests name by letter, and two themes open 2019-2022 beside a focus area.
DEPARTMENTS: dict[str, Record] = {key: {"name": key.upper()} for key in "abc"}
THEMES: dict[str, Record] = {
    "klima": theme_record("Klima"),
    "integration": theme_record("Integration"),
    "fokus": theme_record("Fokus", "focus-area", {"start": "2015-01-01", "end": "2018-12-31"}),
}
# The day the portfolios are validated on: after every date in them.
VALIDATED_ON = "2023-06-01"


def idea(
    idea_id: str,
    submitted: str,
    *,
    theme: str = "klima",
    owner: str = "a",
    departments: tuple[str, ...] = ("a",),
    decisions: tuple[Record, ...] = (),
    tests: tuple[Record, ...] = (),
    example: bool = False,
) -> Records:
    """An idea's files, titled after its id, owned by `owner` among `departments`."""
    card = idea_card(
        idea_id.title(),
        theme,
        submitted,
        departments=list(departments),
        owner={"department": owner},
    )
    if example:
        card["example"] = True
    return idea_files(idea_id, card, decisions, tests)


def portfolio(*ideas: Records) -> Portfolio:
    """The ideas in a portfolio of the themes and departments above, as the loader models it."""
    return load_portfolio(portfolio_files(THEMES, *ideas, departments=DEPARTMENTS), VALIDATED_ON)


def one(files: Records) -> Idea:
    """The one idea of `files`, as the loader models it."""
    [found] = portfolio(files).ideas.values()
    return found
