"""The renderer alone, on a Review built by hand: no git, no disk."""

from __future__ import annotations

from generator.kinds import Status
from generator.problems import Problem
from generator.review.compare import IdeaReview, Review
from generator.review.render import COMMENT_MARKER, MAX_COMMENT, render_markdown, render_text


def idea(number: int) -> IdeaReview:
    return IdeaReview(
        idea_id=f"ide-{number}",
        title=f"Idé nummer {number} " + "med en lang titel " * 10,
        theme_name="Klima",
        department_names=("Teknik og Miljø",),
        status_before=Status.SUBMITTED,
        status_after=Status.PITCH,
        granted=0,
        new_idea=None,
        card=None,
        reviewers=(),
        card_changed=False,
        card_deleted=False,
        decisions=(),
        tests=(),
        files=(f"ideas/ide-{number}/idea.yaml",),
    )


def review(count: int) -> Review:
    ideas = tuple(idea(n) for n in range(count))
    return Review("origin/main", ideas, (), (), failed=False, ladder_total=0, currency="DKK")


def test_a_huge_change_is_cut_to_fit_a_comment() -> None:
    text = render_markdown(review(1000))
    assert len(text) < MAX_COMMENT + 200
    assert text.startswith(COMMENT_MARKER)
    assert text.rstrip().endswith("kør `portfolio review` for at se det hele.*")
    assert "Idé nummer 0 " in text
    assert "Idé nummer 999 " not in text


def test_a_small_change_is_whole_in_both_formats() -> None:
    assert "Idé nummer 2 " in render_markdown(review(3))
    text = render_text(review(3))
    assert "berører 3 ideer" in text
    assert text.count("Status: Indsendt → Inviteret til pitch") == 3
    assert "forkortet" not in text


def test_problems_come_before_the_ideas_so_no_padding_hides_them() -> None:
    # 1,000 long ideas are far more than a comment holds: the cut falls in the ideas.
    l11 = Problem(
        "records/ideas/ide-7/decisions/2021-02-01-screening.yaml",
        4,
        1,
        "L11",
        "Beslutningen er ændret i forhold til origin/main.",
    )
    padded = Review(
        "origin/main",
        tuple(idea(n) for n in range(1000)),
        (),
        (l11,),
        failed=True,
        ladder_total=0,
        currency="DKK",
    )
    text = render_markdown(padded)
    assert "forkortet" in text
    assert "**L11**" in text
    assert text.index("Problemer") < text.index("Idé nummer 0 ")


def test_the_summary_lists_at_most_fifty_problems_a_file() -> None:
    # 55 problems in one file and 1 in another: 50 + "og 5 flere" + 1 (55 - 50 = 5).
    many = tuple(
        Problem("records/ideas/a/idea.yaml", line, 1, "W03", "Kommentar.", "warning")
        for line in range(1, 56)
    )
    other = Problem("records/ideas/b/idea.yaml", 1, 1, "L02", "Ukendt tema.")
    text = render_text(
        Review("main", (), (), (*many, other), failed=True, ladder_total=0, currency="DKK")
    )
    assert text.count("W03 (advarsel)") == 50
    assert "- records/ideas/a/idea.yaml: og 5 flere i samme fil." in text
    assert "L02 records/ideas/b/idea.yaml" in text
