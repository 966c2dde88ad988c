"""Which answers a refused draft is wrong in: a problem's line → the field asked for.

The final check runs on the whole portfolio and reports file and line, as `validate`
does. Read back through the strict parser, a draft's line names the key it holds, and
the key names the question, so `portfolio new` asks again only for the fields at fault.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.authoring.drafts import Draft, problem_file
from generator.load.yaml_reader import Parsed, parse_yaml
from generator.problems import Problem
from generator.settings import Settings

# Record keys whose question has another name; any other key is asked for by its own name.
_QUESTION: dict[tuple[str, ...], str] = {
    ("owner",): "owner_department",
    ("owner", "department"): "owner_department",
    ("owner", "unit"): "owner_unit",
    ("owner", "contact"): "owner_contact",
    ("result",): "result_outcome",
    ("result", "outcome"): "result_outcome",
    ("result", "learning"): "result_learning",
    ("result", "evidence"): "evidence",
    ("period",): "start",
    ("period", "start"): "start",
    ("period", "end"): "end",
}


def field_on_line(draft: Draft, line: int) -> str | None:
    """The question whose answer stands on `line` of the draft, if a key stands there."""
    parsed = parse_yaml(draft.text.encode("utf-8"), str(draft.relpath))
    if not isinstance(parsed, Parsed):
        return None
    keys = [path for path, (at, _) in parsed.lines.items() if at == line and path]
    if not keys:
        return None
    named = tuple(part for part in min(keys, key=len) if isinstance(part, str))[:2]
    return _QUESTION.get(named) or (named[0] if named else None)


def fields_at_fault(
    settings: Settings, drafts: Sequence[Draft], errors: Sequence[Problem]
) -> set[str] | None:
    """The questions to ask again, or None when an error is not in one of the answers."""
    fields: set[str] = set()
    for problem in errors:
        draft = next((d for d in drafts if problem_file(settings, d) == problem.file), None)
        found = field_on_line(draft, problem.line) if draft else None
        if found is None:
            return None
        fields.add(found)
    return fields
