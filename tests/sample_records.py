"""Test data: the one maker of the records every sample portfolio is built from.

Each factory returns a record as its YAML file holds it (a dict), with defaults that pass
validation, so a sample names only what it is about. `idea_files` and `portfolio_files` put
records at their paths in the folder layout, `write_records` writes them as a records folder
and `load_portfolio` reads them back through the real load, schema and model stages.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.model import Portfolio
from generator.pipeline import check_portfolio
from generator.rules.naming import card_file_stem
from generator.settings import Settings

Record = dict[str, Any]
# A portfolio as files: path relative to the records folder → record (or text as it stands).
Records = dict[str, Any]

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"

# The ladder every sample shares: 25.000, 125.000 and 250.000 kr. for steps 1-3.
LADDER: Record = {
    "currency": "DKK",
    "steps": [{"step": 1, "amount": 25000}, {"step": 2, "amount": 125000},
              {"step": 3, "amount": 250000}],
}  # fmt: skip
AMOUNTS: dict[int, int] = {s["step"]: s["amount"] for s in LADDER["steps"]}
DEPARTMENTS: Record = {
    "borgmesterens-afdeling": {"name": "Borgmesterens Afdeling"},
    "sociale-forhold-og-beskaeftigelse": {"name": "Sociale Forhold og Beskæftigelse"},
    "boern-og-unge": {"name": "Børn og Unge"},
    "teknik-og-miljoe": {"name": "Teknik og Miljø"},
    "sundhed-og-omsorg": {"name": "Sundhed og Omsorg"},
    "kultur-og-borgerservice": {"name": "Kultur og Borgerservice"},
}
PERIOD: Record = {"start": "2019-01-01", "end": "2022-12-31"}


def theme(
    name: str, kind: str = "theme", period: Mapping[str, str] = PERIOD, **fields: Any
) -> Record:
    """A theme (or with kind 'focus-area', a focus area) open in `period`."""
    return {"name": name, "kind": kind, "period": dict(period), **fields}


def idea(
    title: str,
    theme: str,
    submitted: str,
    departments: Iterable[str] = ("sundhed-og-omsorg", "kultur-og-borgerservice"),
    **fields: Any,
) -> Record:
    """An idea card with every required field filled, owned by the first of `departments`."""
    departments = list(departments)
    return {
        "title": title,
        "theme": theme,
        "submitted": submitted,
        "summary": f"Resumé af {title.lower()}.",
        "problem": "En væsentlig udfordring for borgerne.",
        "target_group": "Ældre borgere, der bor alene.",
        "benefit_potential": "Færre små opgaver i hjemmeplejen.",
        "departments": departments,
        "owner": {"department": departments[0]},
        **fields,
    }


def decision(date: str, kind: str, **fields: Any) -> Record:
    """A decision of any kind; the kinds' own factories below fill what each requires."""
    return {
        "date": date,
        "kind": kind,
        "decided_by": "Direktørgruppen",
        "rationale": "Ideen passer til temaet.",
        **fields,
    }


def screening(date: str, outcome: str = "fit", **fields: Any) -> Record:
    return decision(date, "screening", **fields, outcome=outcome)


def investment(date: str, step: int, **fields: Any) -> Record:
    """A step granted with the ladder's amount for it."""
    return decision(date, "investment", **{**fields, "step": step, "amount": AMOUNTS[step]})


def close(date: str, learning: str = "Vi lærte noget.", **fields: Any) -> Record:
    return decision(date, "close", **fields, learning=learning)


def graduate(
    date: str, to: str = "operations", learning: str = "Det virker.", **fields: Any
) -> Record:
    return decision(date, "graduate", **fields, to=to, learning=learning)


def result(outcome: str, learning: str = "Vi lærte noget.", **fields: Any) -> Record:
    """A done test card's result."""
    return {"outcome": outcome, "learning": learning, **fields}


def card(
    step: int, start: str, end: str, status: str, *, outcome: str | None = None, **fields: Any
) -> Record:
    """A step's test card with the ladder's budget; `outcome` adds a result with it."""
    record: Record = {
        "step": step,
        "question": f"Virker trin {step}?",
        "hypothesis": "Hvis vi prøver, lærer vi noget.",
        "method": "Interview og måling i otte uger.",
        "success_criteria": ["Mindst 15 borgere deltager", "Svar inden for 24 timer"],
        "budget": AMOUNTS[step],
        "start": start,
        "end": end,
        "status": status,
        **fields,
    }
    if outcome is not None:
        record["result"] = result(outcome)
    return record


def idea_files(
    idea_id: str,
    card_: Record | None,
    decisions: Iterable[Record] = (),
    tests: Iterable[Record] = (),
) -> Records:
    """An idea's files at their paths: its card (None: one already written), its decisions
    and its test cards."""
    folder = f"ideas/{idea_id}"
    files: Records = {} if card_ is None else {f"{folder}/idea.yaml": card_}
    files.update({f"{folder}/decisions/{d['date']}-{d['kind']}.yaml": d for d in decisions})
    files.update({f"{folder}/tests/{card_file_stem(t['step'])}.yaml": t for t in tests})
    return files


def portfolio_files(
    themes: Mapping[str, Record],
    *ideas: Records,
    departments: Mapping[str, Record] = DEPARTMENTS,
    ladder: Record = LADDER,
) -> Records:
    """A whole portfolio's files: the ladder, the departments, the themes by id, the ideas."""
    files: Records = {"ladder.yaml": ladder, "departments.yaml": dict(departments)}
    files.update({f"themes/{theme_id}.yaml": record for theme_id, record in themes.items()})
    for one in ideas:
        files.update(one)
    return files


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


class _RecordDumper(yaml.SafeDumper):
    """Writes as the records are written by hand: a date unquoted (the loader reads it as
    text), a list of ids on one line (`departments: [a, b]`), a list of sentences one a line,
    indented under its key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    if ISO_DATE.match(text):
        return dumper.represent_scalar("tag:yaml.org,2002:timestamp", text)
    return dumper.represent_str(text)


def _list(dumper: yaml.SafeDumper, items: list[Any]) -> yaml.SequenceNode:
    ids = bool(items) and all(isinstance(i, str) and i.split() == [i] for i in items)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=ids)


_RecordDumper.add_representer(str, _str)
_RecordDumper.add_representer(list, _list)


def record_text(record: Record) -> str:
    """A record as its YAML file."""
    return yaml.dump(record, Dumper=_RecordDumper, allow_unicode=True, sort_keys=False)


def write_tree(records_dir: Path, records: Mapping[str, Any]) -> Path:
    """Every record at its path under records_dir (text as it stands, anything else as YAML)."""
    for rel, data in records.items():
        path = records_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(data if isinstance(data, str) else record_text(data), "utf-8")
    return records_dir


def write_records(root: Path, records: Mapping[str, Any]) -> Path:
    """root/records from a portfolio's files, beside a copy of the schemas at root/schemas;
    returns root/records."""
    target = write_tree(root / "records", records)
    shutil.copytree(SCHEMAS, root / "schemas", dirs_exist_ok=True)
    return target


def load_portfolio(records: Mapping[str, Any], today: str) -> Portfolio:
    """The portfolio that `portfolio validate` would model from these files on `today`;
    a record that fails validation fails the test that made it."""
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(records_dir=write_records(Path(folder), records), today=today)
        checked = check_portfolio(settings)
    assert not checked.failed, [p.as_text() for p in checked.failing]
    return checked.portfolio
