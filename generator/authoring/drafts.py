"""New records, the library under `portfolio new`: draft → check against the portfolio → write.

A draft is a record that does not exist yet: where it goes and what it holds. It is checked
with the whole portfolio, as if it were already on disk, and written only when it adds no
error; an existing file is never overwritten.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from generator.authoring.yaml_writer import Value, modeline, render_record
from generator.errors import PortfolioError
from generator.kinds import RecordKind
from generator.pipeline import Checked, check_portfolio
from generator.problems import Problem, sort_problems
from generator.rules.naming import card_file_stem
from generator.settings import Settings
from generator.vocabulary import (
    first_forbidden_character,
    id_rule,
    is_slug,
    text_refusal,
)

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
        raise PortfolioError(f"'{value}' er ikke et gyldigt id for {what}: {id_rule(value)}.")
    return value


@dataclass(frozen=True)
class Draft:
    """A record to be written: its kind (schema name), place under records/ and data.

    `replaces` marks the one kind of change `portfolio new` makes to a record that exists:
    a test card finished with its result (`portfolio new result`).
    """

    kind: RecordKind
    relpath: PurePosixPath
    data: Mapping[str, Value]
    replaces: bool = False

    @property
    def text(self) -> str:
        depth = len(self.relpath.parts) - 1
        return render_record(self.data, modeline(self.kind, depth), str(self.relpath))


def idea_draft(idea_id: str, data: Mapping[str, Value]) -> Draft:
    return Draft(RecordKind.IDEA, PurePosixPath("ideas", idea_id, "idea.yaml"), data)


def decision_draft(idea_id: str, data: Mapping[str, Value]) -> Draft:
    name = f"{data['date']}-{data['kind']}.yaml"
    return Draft(RecordKind.DECISION, PurePosixPath("ideas", idea_id, "decisions", name), data)


def theme_draft(theme_id: str, data: Mapping[str, Value]) -> Draft:
    return Draft(RecordKind.THEME, PurePosixPath("themes", f"{theme_id}.yaml"), data)


def testcard_draft(idea_id: str, data: Mapping[str, Value]) -> Draft:
    name = f"{card_file_stem(str(data['step']))}.yaml"
    return Draft(RecordKind.TESTCARD, PurePosixPath("ideas", idea_id, "tests", name), data)


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
            continue
        refusal = next(filter(None, map(text_refusal, _texts(value))), None)
        if refusal is not None:
            found.append(f"Feltet '{name}': {refusal}")
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
    """Write drafts that `refuse_errors` has passed, all of them or none, never over a file.

    Each is first written whole to a hidden temporary file beside its place, then put in
    place without replacing anything; an error part-way (a full disk, a size limit) takes
    back every file and folder made, so no cut record is left to block a retry.
    """
    made_folders: list[Path] = []
    pending: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    originals: dict[Path, bytes] = {}
    try:
        for draft in drafts:
            target = record_path(settings, draft)
            made_folders += _make_folders(target.parent)
            pending.append((_written_beside(target, draft.text), target))
        replaced = {record_path(settings, d) for d in drafts if d.replaces}
        for temporary, target in pending:
            if target in replaced:  # a test card finished: the old text is kept to undo
                originals[target] = target.read_bytes()
                temporary.replace(target)
            else:
                _place(temporary, target)
            placed.append(target)
    except FileExistsError as error:
        _take_back(pending, placed, made_folders, originals)
        shown = {str(record_path(settings, d)): problem_file(settings, d) for d in drafts}
        raise PortfolioError(
            f"{shown.get(error.filename, error.filename)} findes allerede; portfolio new "
            "overskriver aldrig en post."
        ) from error
    except OSError as error:
        _take_back(pending, placed, made_folders, originals)
        names = ", ".join(problem_file(settings, draft) for draft in drafts)
        raise PortfolioError(
            f"Kunne ikke skrive {names}: {error.strerror or error}. Intet er skrevet; ret "
            "årsagen (fx fuld disk) og prøv igen."
        ) from error


def _make_folders(folder: Path) -> list[Path]:
    """Create `folder` and its missing parents; the ones created, deepest last."""
    missing = [parent for parent in [folder, *folder.parents] if not parent.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    return list(reversed(missing))


def _written_beside(target: Path, text: str) -> Path:
    """`text` in a new hidden file in the target's folder, written whole and flushed."""
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _place(temporary: Path, target: Path) -> None:
    """Give the written file its name, failing (FileExistsError) rather than replacing one."""
    try:
        os.link(temporary, target)  # atomic, and refuses an existing name
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, "findes allerede", str(target)) from None
    except OSError:  # a file system without hard links
        if target.exists():
            raise FileExistsError(errno.EEXIST, "findes allerede", str(target)) from None
        temporary.rename(target)
        return
    temporary.unlink()


def _take_back(
    pending: list[tuple[Path, Path]],
    placed: list[Path],
    folders: list[Path],
    originals: dict[Path, bytes],
) -> None:
    """Undo a write part-way: the files placed (a replaced one gets its old text back), the
    temporary files, the folders made."""
    for target in placed:
        if target in originals:
            target.write_bytes(originals[target])
        else:
            target.unlink(missing_ok=True)
    for temporary, _ in pending:
        temporary.unlink(missing_ok=True)
    for folder in reversed(folders):
        with contextlib.suppress(OSError):
            folder.rmdir()
