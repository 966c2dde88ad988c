"""The questions of every issue form, in order: the idea card's and those of the hand-offs
after it, one row a question.

`.github/ISSUE_TEMPLATE/<form>.yml` asks them; GitHub writes each answer under a
`### <label>` heading. The field ids are the spec's; tests hold this table and the forms to
each other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FormField:
    """One question: the form that asks it (its file's name), its label (the heading the
    answer stands under), the field id or record key it becomes, and whether it must be
    answered."""

    form: str
    label: str
    key: str
    required: bool


QUESTIONS: tuple[FormField, ...] = (
    FormField("idekort", "Ideens titel", "title", required=True),
    FormField("idekort", "Tema", "theme", required=True),
    FormField("idekort", "Resumé", "summary", required=True),
    FormField("idekort", "Væsentlig udfordring", "problem", required=True),
    FormField("idekort", "Konkret målgruppe", "target_group", required=True),
    FormField("idekort", "Gevinstpotentiale", "benefit_potential", required=True),
    FormField("idekort", "Magistratsafdelinger", "departments", required=True),
    FormField("idekort", "Ejerens afdeling", "owner_department", required=True),
    FormField("idekort", "Enhed", "owner_unit", required=False),
    FormField("idekort", "Kontakt", "owner_contact", required=False),
    FormField("idekort", "Samarbejdspartnere", "partners", required=False),
    FormField("idekort", "Emneord", "tags", required=False),
    FormField("idekort", "Bekræftelse", "confirmation", required=True),
    FormField("beslutning", "Idé", "ide", required=True),
    FormField("beslutning", "Beslutning", "beslutning", required=True),
    FormField("beslutning", "Dato", "dato", required=True),
    FormField("beslutning", "Besluttet af", "besluttet_af", required=True),
    FormField("beslutning", "Begrundelse", "begrundelse", required=True),
    FormField("beslutning", "Læring", "laering", required=False),
    FormField("beslutning", "Videreført til", "videre_til", required=False),
    FormField("beslutning", "Hvad skal testes i næste skridt", "spoergsmaal", required=False),
    FormField("beslutning", "Hypotese", "hypotese", required=False),
    FormField("beslutning", "Metode", "metode", required=False),
    FormField("beslutning", "Succeskriterier", "succeskriterier", required=False),
    FormField("beslutning", "Budget", "budget", required=False),
    FormField("beslutning", "Testens start", "start", required=False),
    FormField("beslutning", "Testens slut", "slut", required=False),
    FormField("testresultat", "Idé", "ide", required=True),
    FormField("testresultat", "Trin", "trin", required=False),
    FormField("testresultat", "Resultat", "resultat", required=True),
    FormField("testresultat", "Læring", "laering", required=True),
    FormField("testresultat", "Evidens", "evidens", required=False),
    FormField("testresultat", "Testens slut", "slut", required=False),
    FormField("tema", "Navn", "navn", required=True),
    FormField("tema", "Art", "art", required=True),
    FormField("tema", "Periodens første dag", "start", required=True),
    FormField("tema", "Periodens sidste dag", "slut", required=True),
    FormField("tema", "Forankret i", "afdelinger", required=False),
    FormField("tema", "Reviewere", "reviewere", required=True),
    FormField("tema", "Beskrivelse", "beskrivelse", required=False),
    FormField("tema", "Det vi tror på", "det_vi_tror_paa", required=False),
    FormField("tema", "Det vi vil investere inden for", "investeringsomraader", required=False),
    FormField("tema", "De kriterier vi vil investere efter", "kriterier", required=False),
)


def questions_of(form: str) -> tuple[FormField, ...]:
    """One form's questions, in the order it asks them."""
    return tuple(question for question in QUESTIONS if question.form == form)
