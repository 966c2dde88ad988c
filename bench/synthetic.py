"""A deterministic synthetic portfolio: N ideas that obey the rules, and a few that break them.

python -m bench.synthetic OUT_DIR N_IDEAS [--broken K]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
THEMES = [
    "internationalisering",
    "integration",
    "digitalisering-og-smart-city",
    "samskabelse-og-frivillighed",
    "klima",
    "vaerdi-for-og-med-borgerne",
]
DEPARTMENTS = {
    "borgmesterens-afdeling": "Borgmesterens Afdeling",
    "sociale-forhold-og-beskaeftigelse": "Sociale Forhold og Beskæftigelse",
    "boern-og-unge": "Børn og Unge",
    "teknik-og-miljoe": "Teknik og Miljø",
    "sundhed-og-omsorg": "Sundhed og Omsorg",
    "kultur-og-borgerservice": "Kultur og Borgerservice",
}
AMOUNTS = {1: 25_000, 2: 125_000, 3: 250_000}
WORDS = [
    "nabohjælp",
    "borgere",
    "ældre",
    "skole",
    "klima",
    "affald",
    "cykel",
    "data",
    "sprog",
    "job",
    "frivillige",
    "bibliotek",
]
# How far each idea gets: submitted, pitch, rejected, steps 1-3, closed, graduated.
JOURNEYS = ["submitted", "pitch", "rejected", 1, 2, 3, "closed", "graduated"]


def _day(date: dt.date) -> str:
    return date.isoformat()


def _words(text: str) -> list[str]:
    return text.split()


# Prose is half the small words every Danish text is made of ("og" is in every idea) and half
# words of the municipality's work, each in about a quarter of the ideas ("skole", also a
# title and tag word, in two fifths): a search for a topic finds thousands of 10,000 ideas.
COMMON = _words(
    "og i at til for med der det en som på af er vi de kan skal har ikke om så et "
    "flere nye bedre mere sammen også hvor når"
)
TOPICAL = WORDS + _words(
    "aktivitet anbringelse arbejdsplads beboere beskæftigelse besøg biler boliger bydel "
    "byrum børnehave café dagtilbud demens digital dokumentation elever energi erfaring "
    "familie fritid fællesskab genbrug grønne handicap hjemmehjælp hjemmepleje idræt "
    "indkøb integration kantine kollegaer kommunikation kursus kultur kørsel ledighed "
    "lektier læring mad madspild mentor motion museum mødested natur netværk opgaver "
    "opholdssted park parkering pendling personale plejehjem praktik rengøring robot "
    "sagsbehandling samarbejde sensorer sikkerhed sport sprogskole stier strøm sundhed "
    "svømmehal tryghed trafik transport træer tolke undervisning unge vand velfærd "
    "ventetid virksomheder værested ensomhed borgerservice forældre fagfolk"
)


def _text(rng: random.Random, words: int) -> str:
    weights = [1 / rank for rank in range(1, len(COMMON) + 1)]  # Zipf: "og" most of all
    chosen = [
        rng.choices(COMMON, weights)[0] if rng.random() < 0.5 else rng.choice(TOPICAL)
        for _ in range(words)
    ]
    return " ".join(chosen).capitalize() + "."


def _idea_yaml(rng: random.Random, index: int, submitted: dt.date) -> str:
    depts = rng.sample(sorted(DEPARTMENTS), 2)
    return (
        f"title: Idé nummer {index} om {rng.choice(WORDS)}\n"
        f"theme: {THEMES[index % len(THEMES)]}\n"
        f"submitted: {_day(submitted)}\n"
        f"summary: >-\n  {_text(rng, 30)}\n"
        f"problem: {_text(rng, 12)}\n"
        f"target_group: {_text(rng, 6)}\n"
        f"benefit_potential: {_text(rng, 12)}\n"
        f"departments: [{depts[0]}, {depts[1]}]\n"
        f"owner:\n  department: {depts[0]}\n  contact: innovation@example.dk\n"
        f"tags: [{rng.choice(WORDS)}]\n"
        "example: true\n"
    )


def _decision(date: dt.date, kind: str, extra: str) -> tuple[str, str]:
    body = f"date: {_day(date)}\nkind: {kind}\ndecided_by: Direktørgruppen\nrationale: Begrundet.\n"
    return f"{_day(date)}-{kind}.yaml", body + extra


def _test_card(step: int, start: dt.date, done: bool) -> str:
    end = start + dt.timedelta(days=60)
    text = (
        f"step: {step}\nquestion: Virker det?\nhypothesis: Det virker.\nmethod: Vi prøver.\n"
        f"success_criteria:\n  - 20 borgere deltager.\nbudget: {AMOUNTS[step]}\n"
        f"start: {_day(start)}\nend: {_day(end)}\n"
    )
    if done:
        return text + "status: done\nresult:\n  outcome: confirmed\n  learning: Det virkede.\n"
    return text + "status: running\n"


def _journey(journey: object, submitted: dt.date) -> tuple[dict[str, str], dict[str, str]]:
    """Decision files and test card files for one idea."""
    decisions: dict[str, str] = {}
    tests: dict[str, str] = {}
    if journey == "submitted":
        return decisions, tests
    day = submitted + dt.timedelta(days=20)
    name, body = _decision(
        day, "screening", f"outcome: {'no-fit' if journey == 'rejected' else 'fit'}\n"
    )
    decisions[name] = body
    top = (
        journey if isinstance(journey, int) else {"closed": 1, "graduated": 3}.get(str(journey), 0)
    )
    for step in range(1, top + 1):
        day += dt.timedelta(days=30)
        name, body = _decision(day, "investment", f"step: {step}\namount: {AMOUNTS[step]}\n")
        decisions[name] = body
        done = step < top or journey in ("closed", "graduated")
        tests[f"step-{step}.yaml"] = _test_card(step, day + dt.timedelta(days=1), done)
        day += dt.timedelta(days=62)
    if journey == "closed":
        decisions.update([_decision(day + dt.timedelta(days=5), "close", "learning: Lært.\n")])
    if journey == "graduated":
        extra = "to: operations\nlearning: Lært.\n"
        decisions.update([_decision(day + dt.timedelta(days=5), "graduate", extra)])
    return decisions, tests


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_portfolio(root: Path, n_ideas: int, seed: int = 0, broken: int = 0) -> Path:
    """Write root/records (and root/schemas) with n_ideas ideas; return the records folder."""
    rng = random.Random(seed)
    records = root / "records"
    shutil.copytree(REPO / "schemas", root / "schemas", dirs_exist_ok=True)
    ladder = "".join(f"  - step: {s}\n    amount: {a}\n" for s, a in AMOUNTS.items())
    _write(records / "ladder.yaml", f"currency: DKK\nsteps:\n{ladder}")
    _write(
        records / "departments.yaml",
        "".join(f"{k}:\n  name: {v}\n" for k, v in DEPARTMENTS.items()),
    )
    for theme in THEMES:
        _write(
            records / "themes" / f"{theme}.yaml",
            f"name: {theme.capitalize()}\nkind: theme\nperiod:\n  start: 2019-01-01\n  end: 2022-12-31\n",
        )
    start = dt.date(2019, 1, 1)
    for index in range(n_ideas):
        submitted = start + dt.timedelta(days=rng.randrange(0, 1000))
        folder = records / "ideas" / f"ide-{index:05d}"
        _write(folder / "idea.yaml", _idea_yaml(rng, index, submitted))
        decisions, tests = _journey(JOURNEYS[index % len(JOURNEYS)], submitted)
        for name, body in decisions.items():
            _write(folder / "decisions" / name, body)
        for name, body in tests.items():
            _write(folder / "tests" / name, body)
    for index in range(broken):
        folder = records / "ideas" / f"ide-{index:05d}"
        _write(
            folder / "decisions" / "2023-01-01-investment.yaml",
            "date: 2023-01-01\nkind: investment\n",
        )
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("ideas", type=int)
    parser.add_argument("--broken", type=int, default=0)
    args = parser.parse_args()
    print(write_portfolio(args.out, args.ideas, broken=args.broken))


if __name__ == "__main__":
    main()
