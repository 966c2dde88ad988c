"""Checks for one answer at a time: what `portfolio new` tests the moment a field is given.

Each check takes the typed text and returns the value for the record, or raises `AnswerError`
with the reason in Danish, so the question is asked again at once. The whole draft is
still checked against the portfolio before it is written; these checks only make sure
the person typing learns of a mistake where it is made. Personal data is found by the
rules' own detector (P01), never by a second definition.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from generator.errors import ReasonError
from generator.rules.privacy import find_cpr, mask_personal_data
from generator.schema.dates import is_iso_date
from generator.vocabulary import (
    id_rule,
    is_slug,
    read_date,
    text_refusal,
)

Check = Callable[[str], Any]
DateRule = Callable[[str], "str | None"]  # a date's objection, or None when it is fine
_MASKED_ADDRESS = "xxx@xxx"


class AnswerError(ReasonError):
    """An answer that cannot be used, with the reason in Danish."""


def plain_text(text: str) -> str:
    """Free text for a public record: no invisible characters, CPR numbers or addresses."""
    refusal = text_refusal(text)
    if refusal is not None:
        raise AnswerError(refusal)
    if any(True for _ in find_cpr(text)):
        raise AnswerError(
            "Teksten indeholder noget, der ligner et CPR-nummer; personnumre må aldrig stå "
            "i en offentlig post."
        )
    if mask_personal_data(text) != text:
        raise AnswerError(
            "Teksten indeholder en e-mailadresse; en kontakt skrives kun i feltet Kontakt."
        )
    return text


def mailbox(text: str) -> str:
    """One e-mail address and nothing else (the contact: a functional mailbox)."""
    if " " in text or mask_personal_data(text) != _MASKED_ADDRESS:
        raise AnswerError(f"'{text}' er ikke én e-mailadresse, fx innovation@example.dk.")
    return text


def link(text: str, *, secure_only: bool = False) -> str:
    """A web address: https:// (or http:// where allowed) with a host."""
    parts = urlsplit(text)
    schemes = ("https",) if secure_only else ("https", "http")
    if parts.scheme not in schemes or not parts.netloc or " " in text:
        start = "https://" if secure_only else "https:// eller http://"
        raise AnswerError(
            f"'{text}' er ikke et link; skriv hele adressen, der starter med {start}."
        )
    return text


def record_id(taken: Callable[[str], bool], what: str) -> Check:
    """An id that is a slug and not in use."""

    def check(text: str) -> str:
        if not is_slug(text):
            raise AnswerError(f"'{text}' er ikke et gyldigt id: {id_rule(text)}.")
        if taken(text):
            raise AnswerError(f"Id'et '{text}' er allerede brugt af {what}; vælg et andet.")
        return text

    return check


def date(*rules: DateRule) -> Check:
    """A real date, `2026-12-04` or `4. december 2026`, that each rule accepts.

    A rule returns its objection, or None; the date is kept as YYYY-MM-DD.
    """

    def check(typed: str) -> str:
        text = read_date(typed)
        if not is_iso_date(text):
            raise AnswerError(
                f"'{typed}' er ikke en dato; skriv den som 2026-12-04 eller 4. december 2026."
            )
        for rule in rules:
            objection = rule(text)
            if objection:
                raise AnswerError(objection)
        return text

    return check


def whole_number(low: int, high: int | None = None, *, exactly: int | None = None) -> Check:
    """Whole kroner or a step number, written with digits alone."""

    def check(text: str) -> int:
        digits = text.replace(" ", "")
        if not digits.isascii() or not digits.isdigit():
            raise AnswerError(f"'{text}' er ikke et helt tal; skriv kun cifre, fx 25000.")
        number = int(digits)
        if exactly is not None and number != exactly:
            raise AnswerError(f"Beløbet skal være trappens beløb for trinnet: {exactly}.")
        if number < low or (high is not None and number > high):
            upper = f" og højst {high}" if high is not None else ""
            raise AnswerError(f"Tallet skal være mindst {low}{upper}.")
        return number

    return check


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def find_choice(text: str, names: Mapping[str, str]) -> str | None:
    """The id whose id or name is `text`, without regard to case and extra spaces.

    A name with an explanation in brackets, "lukning (tidlig lukning)", is also found by
    the words before the bracket.
    """
    wanted = _fold(text)
    for key, name in names.items():
        if wanted in (key, _fold(name), _fold(name.split(" (")[0])):
            return key
    return None


def suggestion(text: str, suggested: Mapping[str, str]) -> str:
    """ " Mente du '…'?" with the nearest id or name, or nothing (never the whole list)."""
    candidates = {_fold(word): word for pair in suggested.items() for word in pair}
    wanted = _fold(text)
    close = difflib.get_close_matches(wanted, list(candidates), n=1, cutoff=0.6)
    close = close or [key for key in candidates if key.startswith(wanted.split(" ")[0][:4])][:1]
    return f" Mente du '{candidates[close[0]]}'?" if close and wanted else ""


def _unknown(text: str, suggested: Mapping[str, str], what: str) -> AnswerError:
    """The refusal of an unknown choice, with the nearest id or name."""
    return AnswerError(f"'{text}' er ikke {what}.{suggestion(text, suggested)}")


def choice(
    names: Mapping[str, str],
    what: str,
    *,
    allowed: Callable[[str], str | None] | None = None,
    suggested: Mapping[str, str] | None = None,
) -> Check:
    """One of `names`, given by its id or its Danish name, in any case.

    `allowed` may object to a known choice; a misspelt one gets the nearest of `suggested`.
    """

    def check(text: str) -> str:
        key = find_choice(text, names)
        if key is None:
            raise _unknown(text, names if suggested is None else suggested, what)
        objection = allowed(key) if allowed else None
        if objection:
            raise AnswerError(objection)
        return key

    return check


def choices(names: Mapping[str, str], what: str) -> Check:
    """One or more of `names`, separated by commas, each by id or name."""
    one = choice(names, what)

    def check(text: str) -> list[str]:
        parts = [part.strip() for part in text.split(",") if part.strip()]
        if not parts:
            raise AnswerError("Skriv mindst én.")
        return list(dict.fromkeys(one(part) for part in parts))

    return check
