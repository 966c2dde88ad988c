"""The words the product prints: Danish labels, kroner, dates, and the id (slug) rule.

Every page, message and prompt takes these from here, so that a status or an amount is
written the same way on the site, in the terminal and in a reviewer's summary.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from generator.kinds import (
    FIT_STAGE,
    DecisionKind,
    GraduateTarget,
    ScreeningOutcome,
    SignalColour,
    Status,
    TestOutcome,
    TestStatus,
    ThemeKind,
    WaitReason,
)

# --- ids -------------------------------------------------------------------------------

MAX_ID_LENGTH = 80
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Danish letters first (the spec's own rule), then the neighbours' letters that NFKD
# would otherwise flatten to a bare vowel.
_TRANSLITERATE = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
)


# Names Windows keeps for devices: a folder or file so named cannot be checked out there.
WINDOWS_DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))]
)


def is_slug(value: str) -> bool:
    """True for a valid id: a-z, 0-9 and single hyphens, at most 80 characters, and not a
    name Windows keeps for a device (con, nul, aux, com1 …)."""
    return (
        len(value) <= MAX_ID_LENGTH
        and SLUG_PATTERN.match(value) is not None
        and value not in WINDOWS_DEVICE_NAMES
    )


def id_rule(value: str) -> str:
    """What the id rule asks of `value`, in Danish, for a message that refuses it."""
    if value in WINDOWS_DEVICE_NAMES:
        return f"'{value}' er et navn, Windows forbeholder en enhed, og kan ikke være et id"
    return (
        "brug små bogstaver a-z, tal og bindestreger (æ→ae, ø→oe, å→aa), "
        f"højst {MAX_ID_LENGTH} tegn"
    )


def slugify(text: str) -> str:
    """The id a title or tag gives: æ→ae, ø→oe, å→aa, then an ASCII slug of at most 80."""
    lowered = text.lower().translate(_TRANSLITERATE)
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > MAX_ID_LENGTH:
        cut = slug[: MAX_ID_LENGTH + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:MAX_ID_LENGTH]
    return slug.strip("-")


# --- characters no record may hold ---------------------------------------------------------

# Control characters (Cc) but tab and line breaks, every format character (Cf: bidi
# overrides, zero-width characters, soft hyphen, BOM...), and the Unicode line and
# paragraph separators. A test checks this class against unicodedata.
FORBIDDEN_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def first_forbidden_character(text: str) -> str | None:
    """The first control or invisible formatting character in `text`, if any."""
    found = FORBIDDEN_CHARACTERS.search(text)
    return found.group() if found else None


# Letters that show nothing: the Hangul fillers and the braille blank.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_NO_MARK_OF_ITS_OWN = ("Mn", "Me", "Cf", "Zs", "Zl", "Zp", "Cc")
MAX_COMBINING_RUN = 8  # marks on one letter; Vietnamese needs two, "zalgo" text dozens
# Runs that may be combining marks (the check looks closer at each): beyond Latin-1.
_MAYBE_COMBINING_RUN = re.compile(f"[\u0300-\U0010ffff]{{{MAX_COMBINING_RUN + 1},}}")
BLANK_TEXT_DA = (
    "Teksten består kun af mellemrum eller usynlige tegn; skriv den med synlige bogstaver."
)


def is_blank_text(text: str) -> bool:
    """True when no character of `text` shows: spaces, fillers, marks with no letter."""
    for char in text:  # returns at the first visible character: at once, for most text
        if char.isspace() or char in _BLANK_LETTERS:
            continue
        if unicodedata.category(char) in _NO_MARK_OF_ITS_OWN:
            continue
        return False
    return True


def long_combining_run(text: str) -> int | None:
    """The index where more than MAX_COMBINING_RUN combining marks follow each other."""
    for candidate in _MAYBE_COMBINING_RUN.finditer(text):
        run = 0
        for index in range(candidate.start(), candidate.end()):
            run = run + 1 if unicodedata.category(text[index]) in ("Mn", "Me") else 0
            if run > MAX_COMBINING_RUN:
                return index - MAX_COMBINING_RUN
    return None


def combining_run_message() -> str:
    return (
        f"Teksten har mere end {MAX_COMBINING_RUN} accenter eller andre kombinerende tegn "
        "i træk på ét bogstav; slet de overskydende."
    )


def text_refusal(text: str) -> str | None:
    """Why `text` cannot stand as free text in a record, in Danish; None when it can."""
    bad = first_forbidden_character(text)
    if bad is not None:
        return f"Teksten indeholder et usynligt tegn eller styretegn (U+{ord(bad):04X})."
    if text and is_blank_text(text):
        return BLANK_TEXT_DA
    if long_combining_run(text) is not None:
        return combining_run_message()
    return None


# --- money and dates ----------------------------------------------------------------------

MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)


def format_kroner(amount: int) -> str:
    """25000 → '25.000 kr.' as Danish writes it."""
    return f"{amount:,} kr.".replace(",", ".")


def format_money(amount: int, currency: str = "DKK") -> str:
    """An amount in the ladder's currency: kroner the Danish way, others by their code."""
    if currency == "DKK":
        return format_kroner(amount)
    return f"{amount:,} {currency}".replace(",", ".")


def format_date(iso: str) -> str:
    """'2020-02-03' as '3. februar 2020'; anything else unchanged."""
    try:
        year, month, day = (int(part) for part in iso.split("-"))
        return f"{day}. {MONTHS[month - 1]} {year}"
    except (ValueError, IndexError):
        return iso


# --- labels ---------------------------------------------------------------------------

# The derived statuses, and the funnel's stage `fit` (Figures: `funnel`), which an idea
# reaches with a screening `fit` whatever comes after.
STATUS_LABELS: dict[str, str] = {
    Status.SUBMITTED: "Indsendt",
    Status.PITCH: "Inviteret til pitch",
    FIT_STAGE: "Strategisk fit",
    Status.REJECTED: "Ikke strategisk fit",
    Status.CLOSED: "Lukket",
    Status.GRADUATED: "Videreført",
}


def status_label(status: str) -> str:
    """The Danish label of a status or a funnel stage, step ones (`step-N`) included."""
    step = Status(status).step
    if step is not None:
        return f"Investeringstrin {step}"
    return STATUS_LABELS[status]


# The Danish label of every member of the closed sets, one row a member; the tables below
# take their own set's rows.
_LABELLED: tuple[tuple[StrEnum, str], ...] = (
    (DecisionKind.SCREENING, "Screening"),
    (DecisionKind.INVESTMENT, "Investering"),
    (DecisionKind.CLOSE, "Lukning"),
    (DecisionKind.GRADUATE, "Videreførelse"),
    (ScreeningOutcome.FIT, "strategisk fit"),
    (ScreeningOutcome.NO_FIT, "ikke strategisk fit"),
    (GraduateTarget.OPERATIONS, "drift"),
    (GraduateTarget.INTERNAL_FUND, "intern fond eller pulje"),
    (GraduateTarget.EXTERNAL_FUND, "ekstern fond eller pulje"),
    (TestStatus.PLANNED, "Planlagt"),
    (TestStatus.RUNNING, "I gang"),
    (TestStatus.DONE, "Afsluttet"),
    (TestOutcome.CONFIRMED, "Bekræftet"),
    (TestOutcome.REFUTED, "Afkræftet"),
    (TestOutcome.INCONCLUSIVE, "Uafklaret"),
    # What an open idea waits for (Figures: `waiting`).
    (WaitReason.SCREENING, "screening"),
    (WaitReason.DECISION, "beslutning efter test"),
    (WaitReason.TEST, "testens resultat"),
    (SignalColour.GREEN, "Grøn"),
    (SignalColour.YELLOW, "Gul"),
    (SignalColour.RED, "Rød"),
    (ThemeKind.THEME, "tema"),
    (ThemeKind.FOCUS_AREA, "indsatsområde"),
)

_Member = TypeVar("_Member", bound=StrEnum)


def _labels_of(kind: type[_Member]) -> dict[_Member, str]:
    """One closed set's rows of the label table, keyed by its members."""
    return {member: text for member, text in _LABELLED if isinstance(member, kind)}


DECISION_LABELS = _labels_of(DecisionKind)
SCREENING_OUTCOME_LABELS = _labels_of(ScreeningOutcome)
GRADUATE_LABELS = _labels_of(GraduateTarget)
TEST_STATUS_LABELS = _labels_of(TestStatus)
TEST_OUTCOME_LABELS = _labels_of(TestOutcome)
WAIT_REASON_LABELS = _labels_of(WaitReason)
SIGNAL_LABELS = _labels_of(SignalColour)
THEME_KIND_LABELS = _labels_of(ThemeKind)

# What the directors screen a theme's ideas against (seed 001): each list's field of a theme
# and its heading, in the order the theme's page, the prompts and the review show them.
THEME_LISTS: tuple[tuple[str, str], ...] = (
    ("beliefs", "Det vi tror på"),
    ("investment_areas", "Det vi vil investere inden for"),
    ("criteria", "De kriterier vi vil investere efter"),
)

# What each kind means, for the prompts of `portfolio new decision`.
DECISION_KIND_HELP: dict[DecisionKind, str] = {
    DecisionKind.SCREENING: "screening (strategisk fit eller ej)",
    DecisionKind.INVESTMENT: "investering (et trin på investeringstrappen)",
    DecisionKind.CLOSE: "lukning (tidlig lukning)",
    DecisionKind.GRADUATE: "videreførelse (ud over trappen)",
}

# --- the Danish words a prompt, an option or a form accepts for a fixed choice ----------

# Beside each YAML value, the Danish words typed for it (the spec's "Command line"); the
# first is the one a prompt shows. Matching ignores case and surrounding space.
CHOICE_WORDS: dict[StrEnum, tuple[str, ...]] = {
    DecisionKind.SCREENING: ("screening",),
    DecisionKind.INVESTMENT: ("investering",),
    DecisionKind.CLOSE: ("lukning",),
    DecisionKind.GRADUATE: ("videreførelse",),
    ScreeningOutcome.FIT: ("fit", "strategisk fit"),
    ScreeningOutcome.NO_FIT: ("ikke fit", "ikke strategisk fit"),
    GraduateTarget.OPERATIONS: ("drift",),
    GraduateTarget.INTERNAL_FUND: ("intern finansiering", "intern fond eller pulje"),
    GraduateTarget.EXTERNAL_FUND: ("ekstern finansiering", "ekstern fond eller pulje"),
    TestStatus.PLANNED: ("planlagt",),
    TestStatus.RUNNING: ("i gang",),
    TestStatus.DONE: ("afsluttet",),
    TestOutcome.CONFIRMED: ("bekræftet",),
    TestOutcome.REFUTED: ("afkræftet",),
    TestOutcome.INCONCLUSIVE: ("uafklaret",),
    ThemeKind.THEME: ("tema",),
    ThemeKind.FOCUS_AREA: ("indsatsområde",),
}


def choice_names(members: Iterable[StrEnum]) -> dict[str, str]:
    """Every word accepted for the members, YAML value and Danish words alike → the value."""
    names: dict[str, str] = {}
    for member in members:
        names[member.value] = member.value
        for word in CHOICE_WORDS[member]:
            names[word] = member.value
    return names


def choice_prompt(members: Iterable[StrEnum]) -> str:
    """The Danish words a prompt shows for a choice: 'investering, lukning, …'."""
    return ", ".join(CHOICE_WORDS[member][0] for member in members)


# The closed sets by the name the command line and the issue forms use for them.
CHOICE_SETS: dict[str, type[StrEnum]] = {
    "decision_kind": DecisionKind,
    "screening_outcome": ScreeningOutcome,
    "graduate_to": GraduateTarget,
    "test_status": TestStatus,
    "test_outcome": TestOutcome,
    "theme_kind": ThemeKind,
}


def choice_words(kind: str) -> str:
    """The Danish words of a closed set for a prompt: 'planlagt, i gang, afsluttet'."""
    return choice_prompt(CHOICE_SETS[kind])


def choice_shown(kind: str) -> dict[str, str]:
    """Each YAML value of a closed set with the Danish word a prompt shows for it."""
    return {member.value: CHOICE_WORDS[member][0] for member in CHOICE_SETS[kind]}


_NAMED_DATE = re.compile(r"^(\d{1,2})\.?\s*([a-zæøå]+)\.?\s+(\d{4})$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$")


def danish_date(text: str, *, numeric: bool = False) -> str | None:
    """'4. december 2026' or '4 dec. 2026' (with `numeric` also '4.12.2026', as spreadsheet
    cells hold it) as '2026-12-04'; None for any other text, or for a day the calendar does
    not have."""
    folded = " ".join(text.split()).lower()
    named = _NAMED_DATE.match(folded)
    digits = _NUMERIC_DATE.match(folded) if numeric else None
    if named:
        day, month_text, year = named.groups()
        months = [i for i, name in enumerate(MONTHS, 1) if name.startswith(month_text[:3])]
        if len(months) != 1 or not MONTHS[months[0] - 1].startswith(month_text):
            return None
        month = months[0]
    elif digits:
        day, month_digits, year = digits.groups()
        month = int(month_digits)
    else:
        return None
    try:
        return dt.date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def read_date(text: str) -> str:
    """A date as a person types it (see `danish_date`) as 'YYYY-MM-DD'; other text unchanged,
    for the schema to refuse in its own words."""
    return danish_date(text) or text.strip()


# The decision form's dropdown ("Screening: strategisk fit", "Investeringstrin", …) and a
# decision typed in words: the kind's Danish word, or the screening's outcome after a colon.
_OUTCOME_WORDS = choice_names(ScreeningOutcome)


def read_decision_choice(text: str) -> tuple[str, str | None] | None:
    """('screening', 'fit') for 'Screening: strategisk fit', ('investment', None) for
    'Investeringstrin'; None for anything else."""
    folded = " ".join(text.casefold().split())
    head, _, rest = (part.strip() for part in folded.partition(":"))
    kinds = {**choice_names(DecisionKind), "investeringstrin": DecisionKind.INVESTMENT.value}
    kind = kinds.get(head)
    if kind is None:
        return None
    if kind != DecisionKind.SCREENING:
        return (kind, None) if not rest else None
    outcome = _OUTCOME_WORDS.get(rest)
    return (kind, outcome) if outcome else None


def read_choice(kind: str, text: str) -> str | None:
    """The YAML value of a closed set's Danish word (or of the value itself), in any case."""
    return choice_names(CHOICE_SETS[kind]).get(" ".join(text.casefold().split()))
