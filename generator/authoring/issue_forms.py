"""The issue forms of the hand-offs after the idea card: their fields, read from an issue body.

`.github/ISSUE_TEMPLATE/beslutning.yml`, `testresultat.yml` and `tema.yml` write their answers
into the issue as `### <label>` sections (`generator.authoring.issue_body` splits them).
Their questions are in form_questions.py, with the spec's field ids. What
is wrong with an issue is said with the form's own labels, never a YAML key or a file path.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.authoring.form_questions import FormField, questions_of
from generator.authoring.issue_body import NO_RESPONSE, split_sections
from generator.errors import PortfolioError


@dataclass(frozen=True)
class IssueForm:
    """One form: its file's name, what its records are called, its fields in order."""

    name: str
    makes: str  # "en beslutning": what the issue becomes
    fields: tuple[FormField, ...]

    def label(self, field_id: str) -> str:
        return next(f.label for f in self.fields if f.key == field_id)


IDEA_FORM = IssueForm("idekort", "et idekort", questions_of("idekort"))

DECISION_FORM = IssueForm("beslutning", "en beslutning", questions_of("beslutning"))

RESULT_FORM = IssueForm("testresultat", "et testresultat", questions_of("testresultat"))

THEME_FORM = IssueForm("tema", "et tema", questions_of("tema"))


class IssueRefusedError(PortfolioError):
    """An issue that cannot become records: every reason, in the form's own words."""

    def __init__(self, form: IssueForm, reasons: list[str]) -> None:
        listing = "\n".join(f"  - {reason}" for reason in dict.fromkeys(reasons))
        # Where the issue is answered, the issue workflow says how to try again.
        super().__init__(f"Issuet kan ikke blive til {form.makes}:\n{listing}")
        self.reasons = reasons


def read_form(body: str, form: IssueForm) -> dict[str, str]:
    """The answers by field id; an issue not made with the form, or missing one, is refused."""
    sections, missing = split_sections(body, form.fields)
    reasons = [
        f"Feltet '{label}' mangler i issue-teksten; brug formularen {form.name.capitalize()}."
        for label in missing
    ]
    for form_field in form.fields:
        if form_field.required and form_field.key in sections and not sections[form_field.key]:
            reasons.append(f"Feltet '{form_field.label}' er ikke udfyldt.")
    if reasons:
        raise IssueRefusedError(form, reasons)
    return {key: "" if text == NO_RESPONSE else text for key, text in sections.items()}


def field_says(form: IssueForm, field_id: str, message: str) -> str:
    """A reason tied to one of the form's fields: "Feltet 'Dato': …"."""
    return f"Feltet '{form.label(field_id)}': {message}"
