"""Schema stage: a JSON Schema error → a Danish message that says what to change.

Messages are built from the error's structured fields alone (validator, validator_value,
path, schema_path, instance, and the schema node it failed): never from jsonschema's own
English text, and never by reading a regular expression's source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jsonschema import ValidationError

from generator.kinds import DecisionKind

_TYPE_DA = {
    "string": "tekst",
    "integer": "et helt tal skrevet med cifre alene",
    "number": "et tal",
    "boolean": "true eller false",
    "array": "en liste",
    "object": "en samling af felter",
    "null": "tom",
}


def _field(error: ValidationError) -> str:
    path = [str(part) for part in error.absolute_path]
    return ".".join(path) if path else "filen"


def _schema_field(error: ValidationError) -> str:
    """The property the failed schema node describes (list items: the list's name)."""
    names = [
        str(part)
        for previous, part in zip(["", *error.schema_path], error.schema_path, strict=False)
        if previous == "properties"
    ]
    return names[-1] if names else ""


def _found(value: Any) -> str:
    if value is None:
        return "intet"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"kommatallet {value:g}"
    if isinstance(value, int):
        return f"tallet {value}"
    if isinstance(value, str):
        return f"teksten '{value[:60]}'"
    if isinstance(value, list):
        return "en liste"
    return "en samling af felter"


# A whole number as people write it: digits grouped by dots or spaces, perhaps "kr." after.
_WRITTEN_NUMBER = re.compile(
    r"^\s*([0-9]{1,3}(?:[.\s\u00a0][0-9]{3})+|[0-9]+)\s*(?:kr\.?|DKK)?\s*$"
)


def _integer_hint(value: Any) -> str:
    """How to write a whole number that was written otherwise."""
    written = _WRITTEN_NUMBER.match(value) if isinstance(value, str) else None
    if not written:
        return " Skriv et helt tal med cifre alene, fx 25000."
    digits = re.sub(r"\D", "", written.group(1))
    if "." in written.group(1):
        return f" Tusinder skrives uden punktum: skriv {digits}."
    if not written.group(1).isdigit():
        return f" Tusinder skrives uden mellemrum: skriv {digits}."
    return f" Skriv tallet uden kr.: {digits}."


def _list_hint(value: Any) -> str:
    """The list form of a text that was meant as a list: 'a, b' → [a, b]."""
    if not isinstance(value, str) or not value.strip():
        return " Skriv punkterne i firkantede klammer, fx [a, b]."
    items = ", ".join(part.strip() for part in value.split(",") if part.strip())
    return f" Skriv punkterne i firkantede klammer: [{items[:120]}]."


def _type(error: ValidationError, _data: dict[str, Any]) -> str:
    expected: Any = error.validator_value
    types = [expected] if isinstance(expected, str) else list(expected)
    names = " eller ".join(_TYPE_DA.get(t, t) for t in types)
    message = f"'{_field(error)}' skal være {names}, men er {_found(error.instance)}."
    if expected == "integer" and isinstance(error.instance, (float, str)):
        message += _integer_hint(error.instance)
    elif expected == "array" and not isinstance(error.instance, dict):
        message += _list_hint(error.instance)
    return message


def missing_keys(error: ValidationError) -> list[str]:
    """The keys a `required` error finds missing: those it requires that the object lacks."""
    required: Any = error.validator_value
    present: Any = error.instance
    return [key for key in required if isinstance(present, dict) and key not in present]


def required_message(error: ValidationError, name: str) -> str:
    """The message for one missing key of a `required` error."""
    schema: Any = error.schema
    title = schema.get("properties", {}).get(name, {}).get("title")
    where = "" if not error.absolute_path else f" under '{_field(error)}'"
    about = f" ({title})" if title else ""
    return f"Feltet '{name}'{about} mangler{where}; tilføj det."


def _enum(error: ValidationError, _data: dict[str, Any]) -> str:
    values: Any = error.validator_value
    options = ", ".join(str(v) for v in values)
    return f"'{_field(error)}' kan ikke være {_found(error.instance)}; vælg en af: {options}."


_ID_FORM = (
    "et id med små bogstaver a-z, tal og bindestreger (æ→ae, ø→oe, å→aa), fx sundhed-og-omsorg"
)
# The form a field must have, by the property the schema declares it under.
_FORM_OF_FIELD = {
    "theme": _ID_FORM,
    "departments": _ID_FORM,
    "department": _ID_FORM,
    "anchored_in": _ID_FORM,
    "reviewers": "et GitHub-hold eller en bruger, fx @organisation/hold",
    "currency": "en valutakode med tre store bogstaver, fx DKK",
}
_FORM_OF_FORMAT = {
    "date": "en dato skrevet ÅÅÅÅ-MM-DD, fx 2020-02-03",
    "email": "en e-mailadresse, fx innovation@example.dk",
}


def _web_address(pattern: str) -> str:
    """The schemes a link pattern takes, found by trying it, not by reading it."""
    if re.match(pattern, "http://example.dk"):
        return "en webadresse, der begynder med https:// eller http://"
    return "en webadresse, der begynder med https://"


def _pattern(error: ValidationError, _data: dict[str, Any]) -> str:
    schema: Any = error.schema
    declared = schema.get("format") if isinstance(schema, dict) else None
    if declared == "uri":
        form = _web_address(str(error.validator_value))
    else:
        form = _FORM_OF_FORMAT.get(str(declared)) or _FORM_OF_FIELD.get(_schema_field(error), "")
    if form:
        return f"'{_field(error)}' skal være {form}."
    description = schema.get("description") if isinstance(schema, dict) else None
    return f"'{_field(error)}' har ikke den rigtige form." + (
        f" {description}" if description else ""
    )


def _format(error: ValidationError, _data: dict[str, Any]) -> str:
    if error.validator_value == "date":
        return (
            f"'{_field(error)}' skal være en rigtig dato skrevet ÅÅÅÅ-MM-DD, fx 2020-02-03; "
            "tjek år, måned og dag."
        )
    return f"'{_field(error)}' har ikke formen {error.validator_value}."


def _false(error: ValidationError, data: dict[str, Any]) -> str:
    name = _field(error)
    if name == "result":
        return (
            "Feltet 'result' må kun stå, når status er done; fjern det eller sæt status til done."
        )
    kind = data.get("kind")
    if kind in {member.value for member in DecisionKind}:
        return f"Feltet '{name}' hører ikke til en beslutning af arten {kind}; fjern det."
    return f"Feltet '{name}' er ikke tilladt her; fjern det."


# The messages that need only the field's name and the rule's value.
_WORDED: dict[str, str] = {
    "minItems": "'{field}' skal have mindst {value} punkt; tilføj et.",
    "minLength": "'{field}' må ikke være tom; skriv en tekst.",
    "maxLength": "'{field}' må højst have {value} tegn; gør den kortere.",
    "minimum": "'{field}' skal være mindst {value}.",
    "uniqueItems": "'{field}' nævner det samme punkt to gange; slet det ene.",
    "minProperties": "Filen skal have mindst ét punkt.",
}


def _property_names(error: ValidationError, _data: dict[str, Any]) -> str:
    return f"'{error.instance}' er ikke et gyldigt id: brug små bogstaver a-z, tal og bindestreger."


_MESSAGES: dict[str | None, Callable[[ValidationError, dict[str, Any]], str]] = {
    "type": _type,
    "enum": _enum,
    "pattern": _pattern,
    "format": _format,
    "not": _false,
    "propertyNames": _property_names,
}


def message_for(error: ValidationError, data: dict[str, Any]) -> str:
    """The Danish message for one schema error (for `required`: see required_message)."""
    if error.validator == "pattern" and "propertyNames" in error.schema_path:
        return _property_names(error, data)
    worded = _WORDED.get(str(error.validator))
    if worded is not None:
        return worded.format(field=_field(error), value=error.validator_value)
    render = _MESSAGES.get(error.validator)  # type: ignore[arg-type]
    if render is None:
        return f"'{_field(error)}' passer ikke med skemaet ({error.validator})."
    return render(error, data)
