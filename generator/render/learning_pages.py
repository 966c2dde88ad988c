"""Render stage, /laering/: what the ideas have learned, by theme and step, newest first.

A closed idea is a result: its learning stands here beside the carried-on ideas and the
finished test cards. No page lists more than 200 lessons; more are split by theme and paged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.kinds import DecisionKind, GraduateTarget, TestStatus
from generator.model import Idea, Portfolio, Theme
from generator.vocabulary import GRADUATE_LABELS, TEST_OUTCOME_LABELS

PAGE_LEARNING = "laering.md"
TITLE = "Det har vi lært"
LESSONS_PER_PAGE = 200


@dataclass(frozen=True)
class Lesson:
    """One thing learned: an idea's ending with its learning, or a finished test card."""

    idea: Idea
    step: int
    date: str
    heading: str
    learning: str


def lessons_of(idea: Idea) -> list[Lesson]:
    """The idea's finished test cards, and its closing or carrying on, with what was learned."""
    found = [
        Lesson(idea, card.step, card.end,
               f"Testkort, trin {card.step}: {TEST_OUTCOME_LABELS[card.result.outcome].lower()}",
               card.result.learning)
        for card in idea.tests
        if card.status == TestStatus.DONE and card.result is not None
    ]  # fmt: skip
    for decision in idea.decisions:
        if decision.kind == DecisionKind.CLOSE and decision.learning:
            heading = "Lukket tidligt"
        elif decision.kind == DecisionKind.GRADUATE and decision.learning:
            heading = "Videreført til " + GRADUATE_LABELS[decision.to or GraduateTarget.OPERATIONS]
        else:
            continue
        found.append(Lesson(idea, idea.state.step, decision.date, heading, decision.learning))
    return found


def step_heading(step: int) -> str:
    return "Før første investeringstrin" if step == 0 else f"Investeringstrin {step}"


def theme_lessons(portfolio: Portfolio, theme_id: str) -> list[Lesson]:
    """A theme's lessons by step (in ladder order), each step's newest first."""
    lessons = [lesson for idea in portfolio.ideas_of(theme_id) for lesson in lessons_of(idea)]
    lessons.sort(key=lambda lesson: (lesson.date, lesson.idea.idea_id), reverse=True)
    return sorted(lessons, key=lambda lesson: lesson.step)  # stable: newest first within a step


def by_step(lessons: list[Lesson]) -> list[tuple[str, list[Lesson]]]:
    """Lessons already in step order, grouped under their step's heading."""
    grouped: dict[int, list[Lesson]] = {}
    for lesson in lessons:
        grouped.setdefault(lesson.step, []).append(lesson)
    return [(step_heading(step), at_step) for step, at_step in grouped.items()]


@dataclass(frozen=True)
class LearningPage:
    """One page of lessons: themes with their steps, or (when split) an overview of themes."""

    title: str
    sections: list[tuple[Theme, list[tuple[str, list[Lesson]]]]] = field(default_factory=list)
    overview: list[tuple[Theme, int, str]] = field(default_factory=list)  # theme, count, page
    pager: list[str] = field(default_factory=list)  # every page of this theme, in order
    page_number: int = 1


def learning_theme_page(theme_id: str, number: int = 1) -> str:
    return f"laering/{theme_id}.md" if number == 1 else f"laering/{theme_id}/{number}.md"


def learning_pages(
    portfolio: Portfolio, themes: list[Theme], per_page: int = LESSONS_PER_PAGE
) -> dict[str, LearningPage]:
    """/laering/ with every lesson; when there are more than `per_page`, an overview there
    and each theme's lessons on pages of its own, `per_page` lessons a page."""
    lessons = {theme.theme_id: theme_lessons(portfolio, theme.theme_id) for theme in themes}
    if sum(map(len, lessons.values())) <= per_page:
        sections = [(t, by_step(lessons[t.theme_id])) for t in themes if lessons[t.theme_id]]
        return {PAGE_LEARNING: LearningPage(TITLE, sections)}
    overview = [
        (t, len(lessons[t.theme_id]), learning_theme_page(t.theme_id))
        for t in themes
        if lessons[t.theme_id]
    ]
    pages = {PAGE_LEARNING: LearningPage(TITLE, overview=overview)}
    for theme, count, _ in overview:
        chunks = [lessons[theme.theme_id][i : i + per_page] for i in range(0, count, per_page)]
        paths = [learning_theme_page(theme.theme_id, n) for n in range(1, len(chunks) + 1)]
        for number, (path, chunk) in enumerate(zip(paths, chunks, strict=True), start=1):
            title = f"{TITLE}: {theme.name}" + (f", side {number}" if number > 1 else "")
            pages[path] = LearningPage(title, [(theme, by_step(chunk))], [], paths, number)
    return pages
