"""Schema stage: a JSON Schema error → a Danish message that says what to change."""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

from jsonschema import ValidationError

_TYPE_DA = {
    "string": "tekst",
    "integer": "et helt tal skrevet med cifre alene",
    "number": "et tal",
    "boolean": "true eller false",
    "array": "en liste",
    "object": "en samling af felter",
    "null": "tom",
}

_KIND_DA = {
    "screening": "screening",
    "investment": "investering",
    "close": "lukning",
    "graduate": "videreførelse",
}


def _field(error: ValidationError) -> str:
    path = [str(part) for part in error.absolute_path]
    return ".".join(path) if path else "filen"


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


def _type(error: ValidationError, _data: dict[str, Any]) -> str:
    expected: Any = error.validator_value
    types = [expected] if isinstance(expected, str) else list(expected)
    names = " eller ".join(_TYPE_DA.get(t, t) for t in types)
    message = f"'{_field(error)}' skal være {names}, men er {_found(error.instance)}."
    if expected == "integer" and isinstance(error.instance, (float, str)):
        message += " Skriv beløb i hele kroner uden punktum og mellemrum, fx 25000."
    return message


def missing_key(error: ValidationError) -> str:
    """The key a `required` error is about (jsonschema reports one key an error)."""
    return str(ast.literal_eval(error.message.removesuffix(" is a required property")))


def _required(error: ValidationError, _data: dict[str, Any]) -> str:
    name = missing_key(error)
    schema: Any = error.schema
    title = schema.get("properties", {}).get(name, {}).get("title")
    where = "" if not error.absolute_path else f" under '{_field(error)}'"
    about = f" ({title})" if title else ""
    return f"Feltet '{name}'{about} mangler{where}; tilføj det."


def _enum(error: ValidationError, _data: dict[str, Any]) -> str:
    values: Any = error.validator_value
    options = ", ".join(str(v) for v in values)
    return f"'{_field(error)}' kan ikke være {_found(error.instance)}; vælg en af: {options}."


def _pattern(error: ValidationError, _data: dict[str, Any]) -> str:
    pattern = str(error.validator_value)
    if "[0-9]{4}-" in pattern:
        return f"'{_field(error)}' skal være en dato skrevet ÅÅÅÅ-MM-DD, fx 2020-02-03."
    if pattern.startswith("^[a-z0-9]"):
        return (
            f"'{_field(error)}' skal være et id med små bogstaver a-z, tal og bindestreger "
            "(æ→ae, ø→oe, å→aa), fx sundhed-og-omsorg."
        )
    if pattern.startswith("^https?"):
        return (
            f"'{_field(error)}' skal være en webadresse, der begynder med https:// eller http://."
        )
    if pattern.startswith("^https"):
        return f"'{_field(error)}' skal være en webadresse, der begynder med https://."
    if pattern.startswith("^@"):
        return f"'{_field(error)}' skal være et GitHub-hold eller en bruger, fx @organisation/hold."
    if "@" in pattern:
        return f"'{_field(error)}' skal være en e-mailadresse, fx innovation@example.dk."
    if pattern == "^[A-Z]{3}$":
        return f"'{_field(error)}' skal være en valutakode med tre store bogstaver, fx DKK."
    return f"'{_field(error)}' har ikke den rigtige form ({pattern})."


def _format(error: ValidationError, _data: dict[str, Any]) -> str:
    if error.validator_value == "date":
        return f"'{_field(error)}' er ikke en rigtig dato; tjek måned og dag (ÅÅÅÅ-MM-DD)."
    return f"'{_field(error)}' har ikke formen {error.validator_value}."


def _false(error: ValidationError, data: dict[str, Any]) -> str:
    name = _field(error)
    if name == "result":
        return (
            "Feltet 'result' må kun stå, når status er done; fjern det eller sæt status til done."
        )
    kind = data.get("kind")
    if isinstance(kind, str) and kind in _KIND_DA:
        return f"Feltet '{name}' hører ikke til en beslutning af arten {kind}; fjern det."
    return f"Feltet '{name}' er ikke tilladt her; fjern det."


def _min_items(error: ValidationError, _data: dict[str, Any]) -> str:
    return f"'{_field(error)}' skal have mindst {error.validator_value} punkt; tilføj et."


def _min_length(error: ValidationError, _data: dict[str, Any]) -> str:
    return f"'{_field(error)}' må ikke være tom; skriv en tekst."


def _max_length(error: ValidationError, _data: dict[str, Any]) -> str:
    return f"'{_field(error)}' må højst have {error.validator_value} tegn; gør den kortere."


def _minimum(error: ValidationError, _data: dict[str, Any]) -> str:
    return f"'{_field(error)}' skal være mindst {error.validator_value}."


def _unique(error: ValidationError, _data: dict[str, Any]) -> str:
    return f"'{_field(error)}' nævner det samme punkt to gange; slet det ene."


def _min_properties(error: ValidationError, _data: dict[str, Any]) -> str:
    return "Filen skal have mindst ét punkt."


def _property_names(error: ValidationError, _data: dict[str, Any]) -> str:
    return f"'{error.instance}' er ikke et gyldigt id: brug små bogstaver a-z, tal og bindestreger."


_MESSAGES: dict[str | None, Callable[[ValidationError, dict[str, Any]], str]] = {
    "type": _type,
    "required": _required,
    "enum": _enum,
    "pattern": _pattern,
    "format": _format,
    "not": _false,
    "minItems": _min_items,
    "minLength": _min_length,
    "maxLength": _max_length,
    "minimum": _minimum,
    "uniqueItems": _unique,
    "minProperties": _min_properties,
    "propertyNames": _property_names,
}


def message_for(error: ValidationError, data: dict[str, Any]) -> str:
    """The Danish message for one schema error."""
    render = _MESSAGES.get(error.validator)  # type: ignore[arg-type]
    if render is None:
        return f"'{_field(error)}' passer ikke med skemaet ({error.validator})."
    return render(error, data)
