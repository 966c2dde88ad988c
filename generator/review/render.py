"""Review stage, output: the Review as a summary in Danish, in Markdown or plain text."""

from __future__ import annotations

from generator.kinds import DecisionKind, TestStatus
from generator.model import Decision, Idea
from generator.problems import Problem, listed, summary_line
from generator.review.compare import DecisionChange, IdeaReview, Review, TestCardChange
from generator.review.markup import Markdown, Style, Text
from generator.review.themes import theme_lines
from generator.vocabulary import (
    DECISION_LABELS,
    GRADUATE_LABELS,
    SCREENING_OUTCOME_LABELS,
    TEST_OUTCOME_LABELS,
    TEST_STATUS_LABELS,
    format_date,
    format_money,
    is_slug,
    status_label,
)

# The pull-request comment is found again by this line, and edited rather than repeated.
COMMENT_MARKER = "<!-- portfolio-review -->"
MAX_COMMENT = 60_000  # characters; GitHub refuses a comment over 65,536
FOLD_CARD_OVER = 800  # characters of card text shown open; more is folded away

_CHANGE_WORDS = {"added": "ny", "changed": "ændret", "deleted": "slettet"}
_CARD_CHANGE_WORDS = {"added": "nyt", "changed": "ændret", "deleted": "slettet"}


def render_markdown(review: Review) -> str:
    """The summary as the comment on the pull request and the job summary."""
    text = "\n".join([COMMENT_MARKER, *_lines(review, Markdown())]) + "\n"
    if len(text) <= MAX_COMMENT:
        return text
    cut = text[:MAX_COMMENT].rsplit("\n", 1)[0]
    return cut + "\n\n*Resuméet er forkortet; kør `portfolio review` for at se det hele.*\n"


def render_text(review: Review) -> str:
    """The summary for the terminal."""
    return "\n".join(_lines(review, Text())) + "\n"


def _lines(review: Review, style: Style) -> list[str]:
    out = [style.heading(1, "Det beslutter I med denne ændring"), ""]
    base = style.code(review.base)
    if not review.touches_records:
        out += [f"Ændringen rører ingen poster i records/ i forhold til {base}.", ""]
    elif review.ideas:
        count = len(review.ideas)
        ideas = "1 idé" if count == 1 else f"{count} ideer"
        out += [
            f"Ændringen i forhold til {base} berører {ideas}. Når temaets reviewers godkender "
            "pull requesten, er beslutningerne nedenfor truffet.",
            "",
        ]
    elif review.themes:
        count = len(review.themes)
        themes = "1 tema" if count == 1 else f"{count} temaer"
        out += [f"Ændringen i forhold til {base} berører {themes}; den rører ingen idé.", ""]
    out += [_verdict(review), ""]
    # Problems first: however long the ideas' text, a cut comment still shows them.
    problems = _problem_lines(review, style)
    out += [*problems, ""] if problems else []
    for idea in review.ideas:
        out += _idea_lines(idea, review, style)
    for theme in review.themes:
        out += theme_lines(theme, style, review.department_names)
    if review.other_files:
        out += [style.heading(2, "Andre ændrede poster"), ""]
        out += [style.bullet(style.code(f"records/{rel}")) for rel in review.other_files]
        out.append("")
    return out


def _verdict(review: Review) -> str:
    """One line on whether anything is wrong, before the details."""
    errors = sum(1 for p in review.problems if p.severity == "error")
    warnings = len(review.problems) - errors
    if review.failed:
        return (
            f"{_problem_count(errors, warnings)}: de står under Problemer herunder. "
            "Godkend ikke, før fejlene er rettet."
        )
    if warnings:
        return f"{_problem_count(errors, warnings)} (advarsler stopper ikke ændringen)."
    return "Valideringen fandt ingen fejl."


def _problem_count(errors: int, warnings: int) -> str:
    warning_word = "advarsel" if warnings == 1 else "advarsler"
    return f"Valideringen fandt {errors} fejl og {warnings} {warning_word}"


def _idea_lines(idea: IdeaReview, review: Review, style: Style) -> list[str]:
    title = style.text(idea.title)
    url = _idea_url(review.site_url, idea.idea_id)
    heading = ("Ny idé: " if idea.new_idea else "") + style.link(title, url)
    out = [style.heading(2, heading), ""]
    about = [f"Tema: {style.text(idea.theme_name)}"] if idea.theme_name else []
    if idea.department_names:
        about.append("Afdelinger: " + ", ".join(style.text(d) for d in idea.department_names))
    if about:
        out += [" · ".join(about), ""]
    out += [f"{style.strong('Status:')} {_status_change(idea)}", ""]
    granting = any(c.change == "added" and c.granted_so_far for c in idea.decisions)
    if idea.status_after is not None and idea.granted and not granting:
        total = _money(idea.granted, review)
        out += [
            _sentence(
                f"Bevilget i alt: {total} af {_money(review.ladder_total, review)} på investeringstrappen"
            ),
            "",
        ]
    out += [_approval_line(idea, style), ""]
    if idea.card_changed:
        out += ["Idekortet er ændret; det nye kort lyder:", ""]
    if idea.card:
        out += _card_text(idea.card, style)
    if idea.decisions:
        out += [style.strong("Beslutninger"), ""]
        out += [style.bullet(_decision_line(c, review, style)) for c in idea.decisions]
        out.append("")
    if idea.tests:
        out += [style.strong("Testkort"), ""]
        for card_change in idea.tests:
            out += _test_card_lines(card_change, review, style)
        out.append("")
    if idea.status_after is None and not idea.decisions and not idea.tests:
        out += ["Idéens filer er ændret; se problemerne nedenfor.", ""]
    return out


def _idea_url(site_url: str | None, idea_id: str) -> str | None:
    return f"{site_url}ideer/{idea_id}/" if site_url and is_slug(idea_id) else None


def _status_change(idea: IdeaReview) -> str:
    before = status_label(idea.status_before) if idea.status_before else "ny idé"
    if idea.status_after is None:
        gone = "slettet" if idea.card_deleted else "kan ikke læses (se problemerne)"
        return f"{before} → {gone}"
    after = status_label(idea.status_after)
    return f"{after} (uændret)" if before == after else f"{before} → {after}"


def _money(amount: int, review: Review) -> str:
    return format_money(amount, review.currency)


def _approval_line(idea: IdeaReview, style: Style) -> str:
    """Whose approval of the pull request makes the decision: the theme's reviewers."""
    if not idea.reviewers:
        return "Temaet har ingen reviewers; godkendelsen falder til repositoriets vedligeholdere."
    names = ", ".join(style.code(name) for name in idea.reviewers)
    return f"{style.strong('Godkendes af:')} {names} (temaets reviewers)."


def _card_text(idea: Idea, style: Style) -> list[str]:
    """The card's own text, which the reviewers decide on; folded away when it is long."""
    fields = [
        ("Resumé", idea.summary),
        ("Udfordring", idea.problem),
        ("Målgruppe", idea.target_group),
        ("Gevinstpotentiale", idea.benefit_potential),
    ]
    lines = [style.bullet(f"{style.strong(name + ':')} {style.prose(v)}") for name, v in fields]
    if sum(len(value) for _, value in fields) <= FOLD_CARD_OVER:
        return [*lines, ""]
    return style.folded(
        "Idekortets tekst (resumé, udfordring, målgruppe, gevinstpotentiale)", lines
    )


def _decision_line(change: DecisionChange, review: Review, style: Style) -> str:
    decision = change.decision
    what = style.strong(_decision_what(decision, review))
    when = f"{format_date(decision.date)}, {style.text(decision.decided_by)}"
    sentences = [f"{what} ({when})"]
    if change.change != "added":
        verdict = f"Ikke tilladt: en truffet beslutning er {_CHANGE_WORDS[change.change]}."
        sentences = [f"{style.strong(verdict)} {sentences[0]}"]
    elif change.granted_so_far is not None:
        granted = _money(change.granted_so_far, review)
        sentences.append(
            f"Bevilget i alt: {granted} af {_money(review.ladder_total, review)} på investeringstrappen"
        )
    sentences.append(f"Begrundelse: {style.text(decision.rationale)}")
    if decision.learning:
        sentences.append(f"Læring: {style.text(decision.learning)}")
    return " ".join(_sentence(s) for s in sentences)


def _sentence(text: str) -> str:
    """Text ending in a full stop (escaped or not), a question or an exclamation mark."""
    return text if text.rstrip("*").endswith((".", "?", "!")) else text + "."


def _decision_what(decision: Decision, review: Review) -> str:
    label = DECISION_LABELS[decision.kind]
    if decision.kind == DecisionKind.SCREENING and decision.outcome:
        return f"{label}: {SCREENING_OUTCOME_LABELS[decision.outcome]}"
    if decision.kind == DecisionKind.INVESTMENT:
        return f"{label}, trin {decision.step}: {_money(decision.amount or 0, review)}"
    if decision.kind == DecisionKind.GRADUATE and decision.to:
        return f"{label} til {GRADUATE_LABELS[decision.to]}"
    return label


def _test_card_lines(change: TestCardChange, review: Review, style: Style) -> list[str]:
    card = change.card
    status = TEST_STATUS_LABELS[card.status]
    if change.status_before and change.status_before != card.status:
        status = f"{TEST_STATUS_LABELS[change.status_before]} → {status}"
    head = f"Trin {card.step}, {_CARD_CHANGE_WORDS[change.change]} ({status})"
    line = f"{style.strong(head + ':')} {style.text(card.question)}"
    if change.change != "added" and change.status_before == TestStatus.DONE:
        verdict = f"Ikke tilladt: et afsluttet testkort er {_CHANGE_WORDS[change.change]}."
        line = f"{style.strong(verdict)} {line}"
    out = [style.bullet(line)]
    criteria = "; ".join(style.text(c) for c in card.success_criteria)
    out += [
        style.bullet(f"Hypotese: {style.prose(card.hypothesis)}", 1),
        style.bullet(f"Metode: {style.prose(card.method)}", 1),
        style.bullet(f"Succeskriterier: {criteria}", 1),
        style.bullet(f"Budget: {_money(card.budget, review)}", 1),
        style.bullet(f"Periode: {format_date(card.start)} – {format_date(card.end)}", 1),
    ]
    if card.result is not None:
        outcome = TEST_OUTCOME_LABELS[card.result.outcome]
        out.append(
            style.bullet(f"Resultat: {outcome}. Læring: {style.text(card.result.learning)}", 1)
        )
    return out


def _problem_lines(review: Review, style: Style) -> list[str]:
    """The problems under their heading; none when there are none (the verdict says so)."""
    if not review.problems:
        return []
    out = [style.heading(2, "Problemer"), ""]
    out += [summary_line(review.problems), ""]
    return out + [
        style.bullet(
            _problem_line(p, style)
            if isinstance(p, Problem)
            else f"{style.code(p.file)}: {p.message}"
        )
        for p in listed(review.problems)
    ]


def _problem_line(problem: Problem, style: Style) -> str:
    where = style.code(f"{problem.file}, linje {problem.line}")
    code = f"{problem.code} (advarsel)" if problem.severity == "warning" else problem.code
    lead = ""
    if problem.code == "L11":
        lead = style.strong("Truffet beslutning ændret eller slettet; det er ikke tilladt.") + " "
    return f"{lead}{style.strong(code)} {where}: {style.text(problem.message)}"
