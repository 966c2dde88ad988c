"""Rules stage: P01, no personal data in a public record.

A Danish CPR number is DDMMYY-SSSS with a real date; it is found with whatever a person
types between the two parts (any dash, any space, a space and a dash, or nothing) and
whatever digit characters are used. Phone numbers (86 12 34 56, +45 8612 3456) and
amounts (25.000) have no run of six digits and never match. Modulus 11 is no test:
numbers issued since 2007 need not pass it. E-mail addresses belong in owner.contact only.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Any

from generator.load import RawRecord, RecordFile
from generator.problems import PathKey, Problem

_SIX_DIGITS = re.compile(r"\d{6}")  # any script's digits: every CPR number starts so
# After folding, every dash is '-' and every space ' ': the parts may be joined by nothing,
# a dash, a space, or a dash with a space on either side.
_CANDIDATE = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2}) ?-? ?(\d{4})(?!\d)")
# The look-behind makes a match start only at the beginning of a run: linear, not quadratic.
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_CONTACT: PathKey = ("owner", "contact")


@cache
def _fold_char(char: str) -> str:
    """A Unicode decimal digit as its ASCII digit, any dash as '-', any space as ' ', else
    the character itself (always one character: offsets stay those of the text)."""
    if char.isdecimal():
        return str(unicodedata.decimal(char))
    category = unicodedata.category(char)
    if category == "Pd" or char in "\u2212\u2043\ufe63\uff0d":
        return "-"
    if category == "Zs":
        return " "
    return char


def _fold(text: str) -> str:
    if text.isascii():
        return text.replace("\t", " ")
    return "".join(_fold_char(c) if not c.isascii() else c for c in text).replace("\t", " ")


def _century(year: int, sequence_digit: int) -> int:
    """The CPR office's rule for the century of a two-digit birth year."""
    if sequence_digit <= 3:
        return 1900
    if sequence_digit in (4, 9):
        return 2000 if year <= 36 else 1900
    return 2000 if year <= 57 else 1800


def find_cpr(text: str) -> Iterator[tuple[int, int]]:
    """Start and end offsets of every CPR-shaped number with a real birth date in `text`."""
    if not _SIX_DIGITS.search(text):
        return
    folded = _fold(text)
    for match in _CANDIDATE.finditer(folded):
        day, month, year, serial = (int(g) for g in match.groups())
        century = _century(year, int(match.group(4)[0]))
        try:
            dt.date(century + year, month, day)
        except ValueError:
            continue
        del serial
        yield match.span()


def _strings(value: Any, path: PathKey) -> Iterator[tuple[PathKey, str]]:
    stack: list[tuple[PathKey, Any]] = [(path, value)]
    while stack:
        here, node = stack.pop()
        if isinstance(node, str):
            yield here, node
        elif isinstance(node, dict):
            stack += [((*here, k), v) for k, v in node.items()]
            stack += [((*here, k), k) for k in node if isinstance(k, str)]
        elif isinstance(node, list):
            stack += [((*here, i), v) for i, v in enumerate(node)]


def _texts(value: Any, out: list[str]) -> list[str]:
    """Every string in a value, keys included (depth is at most 20: recursion is safe)."""
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        out.extend(key for key in value if isinstance(key, str))
        for item in value.values():
            _texts(item, out)
    elif isinstance(value, list):
        for item in value:
            _texts(item, out)
    return out


def _suspicious(record: RawRecord) -> bool:
    """Whether any text has six digits in a row, or any but owner.contact an @: the rare case."""
    texts = _texts(record.data, [])
    if _SIX_DIGITS.search("\x00".join(texts)):
        return True
    owner = record.data.get("owner")
    contact = owner.get("contact") if isinstance(owner, dict) else None
    if record.ref.kind == "idea" and isinstance(contact, str):
        texts.remove(contact)
    return any("@" in text for text in texts)


def mask_personal_data(text: str) -> str:
    """The text with every CPR number and e-mail address masked, for messages and logs."""
    spans = sorted(find_cpr(text), reverse=True)
    for start, end in spans:
        text = text[:start] + "xxxxxx-xxxx" + text[end:]
    return _EMAIL.sub("xxx@xxx", text) if "@" in text else text


def check_names_for_cpr(files: list[RecordFile]) -> Iterator[Problem]:
    """P01 for ids: a folder or file name becomes a public address."""
    for ref in files:  # an idea's folder name is its card's name
        if any(True for _ in find_cpr(ref.name)):
            yield Problem(
                ref.file,
                1,
                1,
                "P01",
                "Navnet indeholder noget, der ligner et CPR-nummer (xxxxxx-xxxx); omdøb: "
                "et id bliver en offentlig adresse.",
            )


def check_personal_data(records: list[RawRecord]) -> Iterator[Problem]:
    """P01: no CPR number anywhere; e-mail addresses only in owner.contact."""
    for record in records:
        if not _suspicious(record):
            continue
        for path, text in _strings(record.data, ()):
            name = ".".join(map(str, path)) or "filen"
            if any(True for _ in find_cpr(text)):
                message = (
                    f"'{name}' indeholder noget, der ligner et CPR-nummer (xxxxxx-xxxx); "
                    "slet det: personnumre må aldrig stå i en offentlig post."
                )
                yield record.source.problem(path, "P01", message)
            is_contact = record.ref.kind == "idea" and path == _CONTACT
            if not is_contact and "@" in text and _EMAIL.search(text):
                message = f"'{name}' indeholder en e-mailadresse; den må kun stå i owner.contact."
                yield record.source.problem(path, "P01", message)
