"""Figures stage, the open-data shape: Figures → the object of /data/noegletal.json."""

from __future__ import annotations

import json
from typing import Any

from generator.figures.compute import Figures, KillStage
from generator.figures.signals import Signals
from generator.figures.stats import DaySummary
from generator.kinds import SignalColour

# What each field of noegletal.json holds, for the /data/ page.
FIGURES_FIELDS = (
    ("as_of", "Datoen, tallene er opgjort på."),
    ("ideas", "Antal ideer i porteføljen."),
    (
        "funnel",
        "Ideer, der nåede hvert trin: submitted (alle), fit (strategisk fit), step-1 … step-N; "
        "og ideer, der sluttede som graduated (videreført), closed (lukket) eller rejected "
        "(ikke strategisk fit).",
    ),
    (
        "lead_times",
        "Dage gennem hver beslutning: screening (indsendt → screening, uanset udfald), step-1 "
        "(strategisk fit → trin 1) og step-n (trin n-1 → trin n); hver med count, median og p90.",
    ),
    ("lead_times_by_theme", "Det samme for hvert tema, efter temaets id."),
    ("lead_times_by_year", "Det samme for hvert år, efter året for den seneste beslutning."),
    (
        "kill",
        "For hvert trin (0 er strategisk fit, 1 … N investeringstrinene): reached (nået), "
        "closed (lukket på trinnet), rate (closed / reached med tre decimaler; null, når ingen "
        "nåede trinnet) og days (dage fra trinnet blev nået til lukningen).",
    ),
    (
        "granted",
        "Bevilget i alt (total) og pr. tema (by_theme), pr. år for beslutningen (by_year) og "
        "pr. trin (by_step), i hele kroner; alle temaer og trin er med, også med 0.",
    ),
    (
        "tests",
        "For hvert trin: testkortene efter status (planned, running, done), de afsluttede efter "
        "resultat (confirmed, refuted, inconclusive) og overdue: ikke afsluttet, og slutdatoen "
        "er før as_of.",
    ),
    (
        "waiting",
        "Ideer, der venter på en beslutning, ældste først: id, reason (screening: på "
        "screeningen siden indsendelsen; decision: i mere end 60 dage på næste beslutning "
        "siden testen på det seneste trin sluttede; test: på testen af det nuværende trin, "
        "hvis slutdato er passeret), since (siden) og days (dage).",
    ),
    (
        "departments",
        "For hver magistratsafdeling: owner (ideer, den ejer), participant (ideer, der nævner "
        "den) og granted_owned (bevilget til de ideer, den ejer).",
    ),
    ("examples", "Hvor mange af ideerne der er opdigtede eksempler (0, når ingen er)."),
    (
        "signals",
        "Signalet for hver idé, der ikke er afsluttet: antal green (grøn), yellow (gul) og red "
        "(rød), og i ideas de gule og røde, røde først: id, signal, reason (screening, "
        "decision eller test), since (siden) og days (dage, der er ventet, eller dage, testen "
        "er forsinket). Højst 60 dages venten er grøn, 61-120 dage gul, mere rød; en test "
        "1-90 dage efter sin slutdato er gul, derefter rød.",
    ),
)


def _gates(summaries: dict[str, DaySummary]) -> dict[str, Any]:
    return {gate: summary.as_json() for gate, summary in summaries.items()}


def _kill(stage: KillStage) -> dict[str, Any]:
    return {
        "reached": stage.reached,
        "closed": stage.closed,
        "rate": stage.rate,
        "days": stage.days.as_json(),
    }


def _signals(signals: Signals) -> dict[str, Any]:
    return {
        SignalColour.GREEN: signals.green,
        SignalColour.YELLOW: signals.yellow,
        SignalColour.RED: signals.red,
        "ideas": [
            {"id": s.idea_id, "signal": s.signal, "reason": s.reason, "since": s.since,
             "days": s.days}
            for s in signals.listed
        ],
    }  # fmt: skip


def figures_json(figures: Figures) -> dict[str, Any]:
    """The figures as the specification's JSON object, keys in its order."""
    granted = figures.granted
    return {
        "as_of": figures.as_of,
        "ideas": figures.ideas,
        "funnel": figures.funnel,
        "lead_times": _gates(figures.lead_times),
        "lead_times_by_theme": {k: _gates(v) for k, v in figures.lead_times_by_theme.items()},
        "lead_times_by_year": {k: _gates(v) for k, v in figures.lead_times_by_year.items()},
        "kill": {str(stage): _kill(kill) for stage, kill in figures.kill.items()},
        "granted": {
            "total": granted.total,
            "by_theme": granted.by_theme,
            "by_year": granted.by_year,
            "by_step": {str(step): amount for step, amount in granted.by_step.items()},
        },
        "tests": {str(step): row for step, row in figures.tests.items()},
        "waiting": [
            {"id": w.idea_id, "reason": w.reason, "since": w.since, "days": w.days}
            for w in figures.waiting
        ],
        "departments": {
            dept: {
                "owner": reach.owner,
                "participant": reach.participant,
                "granted_owned": reach.granted_owned,
            }
            for dept, reach in figures.departments.items()
        },
        "examples": figures.examples,
        "signals": _signals(figures.signals),
    }


def noegletal_json(figures: Figures) -> bytes:
    """/data/noegletal.json: the figures as UTF-8 JSON, indented (it is small)."""
    return (json.dumps(figures_json(figures), ensure_ascii=False, indent=2) + "\n").encode()
