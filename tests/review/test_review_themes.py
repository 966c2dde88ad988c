"""The reviewers' summary of a theme: what the coordinator opens, and who will decide."""

from __future__ import annotations

from generator.kinds import ThemeKind
from generator.model import Theme
from generator.problems import Source
from generator.review.markup import Markdown
from generator.review.themes import ThemeReview, theme_lines

HOSTILE = Theme(
    "groen", "Grøn <img src=x> @team #12", ThemeKind.THEME, "2026-01-01", "2027-12-31",
    Source("records/themes/groen.yaml"), anchored_in=("teknik-og-miljoe",),
    criteria=("[klik](https://evil.example)",),
)  # fmt: skip


def test_a_new_theme_is_shown_inert_with_who_decides() -> None:
    text = "\n".join(
        theme_lines(ThemeReview("added", HOSTILE), Markdown(), {"teknik-og-miljoe": "Teknik"})
    )
    assert "## Nyt tema: Grøn" in text
    assert "<img" not in text and "](https://evil.example)" not in text
    assert "@team" not in text and " #12" not in text  # no mention, no issue link
    assert "**Forankret i:** Teknik" in text
    assert "vedligeholderne (ingen reviewers)" in text  # no reviewers: the maintainers decide
    assert "**De kriterier vi vil investere efter:**" in text
