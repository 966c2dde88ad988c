"""Rules stage: L01, ids, file and folder names follow the conventions and stay unique."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from generator.kinds import KIND_ORDER, RecordKind
from generator.load import Loaded, RecordFile, Stray
from generator.problems import Problem
from generator.schema.dates import is_iso_date
from generator.vocabulary import id_rule, is_slug

DECISION_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<kind>[a-z]+(?:-[a-z]+)*)$")
TEST_NAME = re.compile(r"^step-(?P<step>[1-9][0-9]*)$")


def card_file_stem(step: int | str) -> str:
    """The name of a step's test card file without `.yaml`: 'step-2' (matches TEST_NAME)."""
    return f"step-{step}"


LAYOUT_DA = (
    "poster ligger som ladder.yaml, departments.yaml, themes/<id>.yaml, "
    "ideas/<id>/idea.yaml, ideas/<id>/decisions/<dato>-<art>.yaml og "
    "ideas/<id>/tests/step-<n>.yaml"
)


def _stray_message(stray: Stray) -> str:
    if stray.kind == "link":
        return "Symbolske links er ikke tilladt; læg filen selv her."
    if stray.kind == "other":
        return "Her må kun ligge almindelige filer og mapper."
    if stray.kind == "not-utf8":
        return (
            "Navnet er ikke gyldig UTF-8 og kan ikke læses; omdøb det med små bogstaver a-z, "
            "tal og bindestreger (æ→ae, ø→oe, å→aa)."
        )
    hint = "brug endelsen .yaml" if stray.rel.endswith(".yml") else LAYOUT_DA
    return f"Filen passer ikke ind i mappestrukturen; {hint}."


def _name_problems(ref: RecordFile, data: dict[str, object]) -> Iterator[tuple[str, str]]:
    """(key to point at, Danish message) for what is wrong with one file's name."""
    if ref.kind in (RecordKind.THEME, RecordKind.IDEA) and not is_slug(ref.name):
        yield (
            "",
            f"Id'et '{ref.name}' følger ikke reglerne: {id_rule(ref.name)}; "
            "omdøb mappen eller filen.",
        )
    if ref.kind == RecordKind.DECISION:
        date, kind = data.get("date"), data.get("kind")
        if isinstance(date, str) and is_iso_date(date) and kind in KIND_ORDER:
            if ref.name != f"{date}-{kind}":
                yield (
                    "date",
                    f"Filen skal hedde {date}-{kind}.yaml efter sin dato og art; omdøb den.",
                )
        elif not DECISION_NAME.match(ref.name):
            yield "", "Filen skal hedde <dato>-<art>.yaml, fx 2020-03-02-screening.yaml; omdøb den."
    if ref.kind == RecordKind.TESTCARD:
        step = data.get("step")
        if isinstance(step, int) and not isinstance(step, bool) and step >= 1:
            if ref.name != card_file_stem(step):
                yield (
                    "step",
                    f"Filen skal hedde {card_file_stem(step)}.yaml efter sit trin; omdøb den.",
                )
        elif not TEST_NAME.match(ref.name):
            yield "", "Filen skal hedde step-<n>.yaml, fx step-1.yaml; omdøb den."


def _identity(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _ideas_without_card(loaded: Loaded, prefix: str) -> Iterator[Problem]:
    present = {ref.rel for ref in loaded.files}
    ideas = {ref.idea_id for ref in loaded.files if ref.idea_id}
    for idea_id in sorted(ideas):
        if f"ideas/{idea_id}/idea.yaml" not in present:
            yield Problem(
                f"{prefix}/ideas/{idea_id}/idea.yaml",
                1,
                1,
                "L01",
                "Idémappen mangler sit idekort, idea.yaml; opret det eller flyt mappens filer.",
            )


def _same_ids(files: list[RecordFile]) -> Iterator[Problem]:
    seen: dict[tuple[str, str], str] = {}
    for ref in files:
        if ref.kind not in (RecordKind.THEME, RecordKind.IDEA):
            continue
        identity = (ref.kind, _identity(ref.name))
        if identity in seen and seen[identity] != ref.name:
            message = f"Id'et '{ref.name}' er det samme som '{seen[identity]}'; omdøb det ene."
            yield Problem(ref.file, 1, 1, "L01", message)
        seen.setdefault(identity, ref.name)


def check_names(loaded: Loaded, prefix: str) -> Iterator[Problem]:
    """L01: every path fits the layout; ids and file names follow the conventions and stay
    unique without case; `prefix` is the records folder as messages name it."""
    for stray in loaded.strays:
        yield Problem(stray.file, 1, 1, "L01", _stray_message(stray))
    yield from _ideas_without_card(loaded, prefix)
    for record in loaded.records:
        for key, message in _name_problems(record.ref, record.data):
            yield record.source.problem((key,) if key else (), "L01", message)
    yield from _same_ids(loaded.files)
