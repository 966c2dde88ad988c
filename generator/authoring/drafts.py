"""New records, the library under `portfolio new`: draft → check against the portfolio → write.

A draft is a record that does not exist yet: where it goes and what it holds. It is checked
with the whole portfolio, as if it were already on disk, and written only when it adds no
error; an existing file is never overwritten.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from generator.authoring.yaml_writer import Value, modeline, render_record
from generator.errors import PortfolioError
from generator.pipeline import Checked, check_portfolio
from generator.problems import Problem, sort_problems
from generator.settings import Settings
from generator.vocabulary import MAX_ID_LENGTH, first_forbidden_character, is_slug

FIELD_LABELS_DA: dict[str, str] = {
    "title": "titel",
    "summary": "resumé",
    "problem": "væsentlig udfordring",
    "target_group": "konkret målgruppe",
    "benefit_potential": "gevinstpotentiale",
    "partners": "samarbejdspartnere",
    "tags": "emneord",
    "owner": "ejer",
    "decided_by": "besluttet af",
    "rationale": "begrundelse",
    "learning": "læring",
    "question": "spørgsmål",
    "hypothesis": "hypotese",
    "method": "metode",
    "success_criteria": "succeskriterier",
    "result": "resultat",
}


def require_id(value: str, what: str) -> str:
    """`value` when it is a valid id, else a Danish refusal."""
    if not is_slug(value):
        raise PortfolioError(
            f"'{value}' er ikke et gyldigt id for {what}: brug små bogstaver a-z, tal og "
            f"bindestreger (æ→ae, ø→oe, å→aa), højst {MAX_ID_LENGTH} tegn."
        )
    return value


@dataclass(frozen=True)
class Draft:
    """A record to be written: its kind (schema name), place under records/ and data.

    `replaces` marks the one kind of change `portfolio new` makes to a record that exists:
    a test card finished with its result (`portfolio new result`).
    """

    kind: str
    relpath: PurePosixPath
    data: Mapping[str, Value]
    replaces: bool = False

    @property
    def text(self) -> str:
        depth = len(self.relpath.parts) - 1
        return render_record(self.data, modeline(self.kind, depth), str(self.relpath))


def idea_draft(idea_id: str, data: Mapping[str, Value]) -> Draft:
    return Draft("idea", PurePosixPath("ideas", idea_id, "idea.yaml"), data)


def decision_draft(idea_id: str, data: Mapping[str, Value]) -> Draft:
    name = f"{data['date']}-{data['kind']}.yaml"
    return Draft("decision", PurePosixPath("ideas", idea_id, "decisions", name), data)


def theme_draft(theme_id: str, data: Mapping[str, Value]) -> Draft:
    return Draft("theme", PurePosixPath("themes", f"{theme_id}.yaml"), data)


def testcard_draft(idea_id: str, data: Mapping[str, Value]) -> Draft:
    name = f"step-{data['step']}.yaml"
    return Draft("testcard", PurePosixPath("ideas", idea_id, "tests", name), data)


def _texts(value: Value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, bool | int | Mapping):
        return []
    return [item for item in value if isinstance(item, str)]


def invisible_characters(data: Mapping[str, Value], where: str = "") -> list[str]:
    """Danish messages for every field holding a control or invisible formatting character."""
    found: list[str] = []
    for key, value in data.items():
        label = FIELD_LABELS_DA.get(key, key)
        name = f"{where} → {label}" if where else label
        if isinstance(value, Mapping):
            found += invisible_characters(value, name)
            continue
        bad = next(filter(None, map(first_forbidden_character, _texts(value))), None)
        if bad is not None:
            found.append(
                f"Feltet '{name}' indeholder et usynligt tegn eller styretegn "
                f"(U+{ord(bad):04X}); slet det."
            )
    return found


def record_path(settings: Settings, draft: Draft) -> Path:
    return settings.records_dir / Path(*draft.relpath.parts)


def problem_file(settings: Settings, draft: Draft) -> str:
    """The draft's path as problems name it: relative to the records folder's parent."""
    return settings.display_path(draft.relpath.as_posix())


def refuse_existing(settings: Settings, draft: Draft, *, folder: bool = False) -> None:
    """Never overwrite: refuse when the file (or, for an idea, its folder) exists."""
    target = record_path(settings, draft)
    taken = target.parent if folder else target
    if taken.exists():
        raise PortfolioError(
            f"{problem_file(settings, draft)} findes allerede; portfolio new overskriver "
            "aldrig en post. Vælg et andet id eller en anden dato, eller ret filen i hånden."
        )


def load_on_disk(settings: Settings) -> Checked:
    """The portfolio as it is on disk (append-only history is not new's concern)."""
    return check_portfolio(replace(settings, base=None, strict=False))


def check_drafts(settings: Settings, drafts: Sequence[Draft]) -> list[Problem]:
    """The problems the drafts bring: their own, and errors they cause in other records."""
    files = {problem_file(settings, draft) for draft in drafts}
    invisible = [
        Problem(problem_file(settings, draft), 1, 1, "yaml", message)
        for draft in drafts
        for message in invisible_characters(draft.data)
    ]
    if invisible:
        return invisible
    overlay = {**settings.overlay, **{d.relpath.as_posix(): d.text for d in drafts}}
    checked = load_on_disk(replace(settings, overlay=overlay))
    own = [p for p in checked.problems if p.file in files]
    caused = [p for p in checked.problems if p.file not in files and p.severity == "error"]
    if caused:
        before = set(load_on_disk(settings).problems)
        caused = [p for p in caused if p not in before]
    return sort_problems(own + caused)


class DraftError(PortfolioError):
    """Drafts refused because they bring errors; the errors travel with the refusal."""

    def __init__(self, settings: Settings, drafts: Sequence[Draft], errors: list[Problem]):
        names = " og ".join(problem_file(settings, draft) for draft in drafts)
        listing = "\n".join(f"  {p.as_text()}" for p in errors)
        super().__init__(
            f"{names} er ikke skrevet, fordi der er fejl:\n{listing}\nRet værdierne og prøv igen."
        )
        self.drafts = list(drafts)
        self.errors = errors
        self.listing = listing


def refuse_errors(settings: Settings, drafts: Sequence[Draft]) -> list[Problem]:
    """Check the drafts together; refuse on any error. Returns the warnings."""
    for draft in drafts:
        if not draft.replaces:
            refuse_existing(settings, draft)
    problems = check_drafts(settings, drafts)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DraftError(settings, drafts, errors)
    return [p for p in problems if p.severity == "warning"]


def write_checked(settings: Settings, drafts: Sequence[Draft]) -> None:
    """Write drafts that `refuse_errors` has passed; never over an existing file."""
    for draft in drafts:
        _write_new(settings, draft)


def _write_new(settings: Settings, draft: Draft) -> None:
    target = record_path(settings, draft)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w" if draft.replaces else "x", encoding="utf-8", newline="\n") as handle:
            handle.write(draft.text)
    except FileExistsError as error:
        raise PortfolioError(
            f"{problem_file(settings, draft)} findes allerede; portfolio new overskriver aldrig "
            "en post."
        ) from error
    except OSError as error:
        raise PortfolioError(f"Kunne ikke skrive {target}: {error.strerror}.") from error
