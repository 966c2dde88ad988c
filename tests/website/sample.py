"""A small, fixed portfolio for the site tests and the golden files, and a hostile one.

Records are written as YAML from plain dicts, so the tests go through the real loader
and validator, as the site does.
"""

from __future__ import annotations

from typing import Any

from tests.conftest import DEPARTMENTS, LADDER

# Re-exported: the preview's tests take them from here.
from tests.conftest import REPO as REPO  # noqa: PLC0414
from tests.conftest import write_records as write_records  # noqa: PLC0414

TODAY = "2022-12-31"
REPOSITORY = "https://github.com/aarhus-kommune/innovationsportefolje"  # its repo_url
PR = f"{REPOSITORY}/pull/"

PERIOD = {"start": "2019-01-01", "end": "2022-12-31"}


def _theme(name: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, "kind": "theme", "period": PERIOD, **extra}


def _idea(title: str, theme: str, submitted: str, **extra: Any) -> dict[str, Any]:
    card: dict[str, Any] = {
        "title": title,
        "theme": theme,
        "submitted": submitted,
        "summary": f"Resumé af {title.lower()}.",
        "problem": "En væsentlig udfordring for borgerne.",
        "target_group": "Ældre borgere, der bor alene.",
        "benefit_potential": "Færre små opgaver i hjemmeplejen.",
        "departments": ["sundhed-og-omsorg", "kultur-og-borgerservice"],
        "owner": {"department": "sundhed-og-omsorg"},
    }
    card.update(extra)
    return card


def _decision(date: str, kind: str, number: int, **extra: Any) -> dict[str, Any]:
    return {
        "date": date,
        "kind": kind,
        "decided_by": "Direktørgruppen",
        "rationale": "Ideen passer til temaet.",
        "pull_request": f"{PR}{number}",
        **extra,
    }


def _test_card(step: int, start: str, end: str, status: str, **extra: Any) -> dict[str, Any]:
    amounts = {1: 25000, 2: 125000, 3: 250000}
    return {
        "step": step,
        "question": f"Virker trin {step}?",
        "hypothesis": "Hvis vi prøver, lærer vi noget.",
        "method": "Interview og måling i otte uger.",
        "success_criteria": ["Mindst 15 borgere deltager", "Svar inden for 24 timer"],
        "budget": amounts[step],
        "start": start,
        "end": end,
        "status": status,
        **extra,
    }


NABOHJAELP = "ideas/digital-nabohjaelp"
SAMPLE: dict[str, Any] = {
    "ladder.yaml": LADDER,
    "departments.yaml": DEPARTMENTS,
    "themes/klima.yaml": _theme(
        "Klima",
        description="Temaet om **klima** og miljø.",
        beliefs=["Vi tror på data om luften."],
        investment_areas=["Renere luft i byen"],
        criteria=["Tydelig effekt for borgerne"],
    ),
    "themes/samskabelse-og-frivillighed.yaml": _theme("Samskabelse og frivillighed"),
    "themes/fremme-ligevaerd.yaml": {
        "name": "Fremme ligeværd",
        "kind": "focus-area",
        "period": {"start": "2015-01-01", "end": "2019-12-31"},
        "anchored_in": ["borgmesterens-afdeling"],
    },
    f"{NABOHJAELP}/idea.yaml": _idea(
        "Digital nabohjælp",
        "samskabelse-og-frivillighed",
        "2020-02-03",
        summary="En digital tavle, hvor ældre kan bede naboer om hjælp til små opgaver.",
        partners=["Lokale boligforeninger"],
        owner={
            "department": "sundhed-og-omsorg",
            "unit": "Aktivitet og Træning",
            "contact": "innovation@example.dk",
        },
        tags=["nabohjælp", "frivillighed"],
        example=True,
    ),
    f"{NABOHJAELP}/decisions/2020-03-02-screening.yaml": _decision(
        "2020-03-02", "screening", 3, outcome="fit"
    ),
    f"{NABOHJAELP}/decisions/2020-03-30-investment.yaml": _decision(
        "2020-03-30", "investment", 7, step=1, amount=25000
    ),
    f"{NABOHJAELP}/decisions/2020-09-21-investment.yaml": _decision(
        "2020-09-21", "investment", 18, step=2, amount=125000
    ),
    f"{NABOHJAELP}/tests/step-1.yaml": _test_card(
        1,
        "2020-04-14",
        "2020-08-31",
        "done",
        result={
            "outcome": "confirmed",
            "learning": "22 borgere brugte den digitale løsning.",
            "evidence": ["https://example.dk/evaluering"],
        },
    ),
    f"{NABOHJAELP}/tests/step-2.yaml": _test_card(2, "2020-10-01", "2021-06-30", "running"),
    "ideas/renere-luft/idea.yaml": _idea(
        "Renere luft ved skolerne",
        "klima",
        "2021-01-11",
        departments=["teknik-og-miljoe", "boern-og-unge"],
        owner={"department": "teknik-og-miljoe"},
    ),
    "ideas/renere-luft/decisions/2021-02-01-screening.yaml": _decision(
        "2021-02-01", "screening", 30, outcome="fit"
    ),
    "ideas/renere-luft/decisions/2021-02-15-investment.yaml": _decision(
        "2021-02-15", "investment", 31, step=1, amount=25000
    ),
    "ideas/renere-luft/tests/step-1.yaml": _test_card(
        1,
        "2021-03-01",
        "2021-06-30",
        "done",
        result={"outcome": "refuted", "learning": "Målingerne viste ingen forskel."},
    ),
    "ideas/renere-luft/decisions/2021-08-16-close.yaml": _decision(
        "2021-08-16", "close", 40, learning="Sensorerne var for upræcise."
    ),
    "ideas/solceller-paa-taget/idea.yaml": _idea(
        "Solceller på taget",
        "klima",
        "2022-11-01",
        departments=["teknik-og-miljoe", "kultur-og-borgerservice"],
        owner={"department": "teknik-og-miljoe"},
    ),
}

# Everything a contributor could try, in every text field the site shows.
ATTACKS = (
    "<script>alert('script')</script>",
    "<img src=x onerror=\"alert('img')\">",
    "[klik](javascript:alert('link')) og [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="https://example.org" onmouseover="alert(\'hover\')">hover</a>',
    "Tekst {: onclick=\"alert('attr')\" } og {{ config.site_name }} og {% include 'x' %}",
    '--8<-- "/etc/passwd"',
    "# Falsk overskrift",
    "![pixel](https://tracker.example.net/pixel.gif)",
    '<iframe src="https://evil.example.net/"></iframe><form action="https://evil.example.net/"><input></form>',
    "<style>body{background:url(https://evil.example.net/x.png)}</style>",
    "<svg onload=\"alert('svg')\"></svg>",
)
HOSTILE_TEXT = "\n\n".join(ATTACKS)
HOSTILE_LINE = (
    "</title><script>alert('title')</script> {: onclick=\"alert(1)\" } [x](javascript:alert(2))"
)

HOSTILE: dict[str, Any] = {
    **SAMPLE,
    "themes/klima.yaml": _theme(
        "Klima", description=HOSTILE_TEXT, beliefs=[HOSTILE_TEXT], criteria=[ATTACKS[0]]
    ),
    "ideas/fjendtlig-tekst/idea.yaml": _idea(
        HOSTILE_LINE,
        "klima",
        "2021-05-03",
        summary=HOSTILE_TEXT,
        problem=HOSTILE_TEXT,
        target_group=HOSTILE_TEXT,
        benefit_potential=HOSTILE_TEXT,
        partners=[HOSTILE_LINE],
        tags=[HOSTILE_LINE],
        owner={"department": "sundhed-og-omsorg", "unit": HOSTILE_LINE},
    ),
    "ideas/fjendtlig-tekst/decisions/2021-05-10-screening.yaml": {
        **_decision("2021-05-10", "screening", 50, outcome="fit"),
        "decided_by": HOSTILE_LINE,
        "rationale": HOSTILE_TEXT,
        "pull_request": "https://example.org/pull/1\" onmouseover=\"alert('pr')",
    },
    "ideas/fjendtlig-tekst/decisions/2021-05-20-investment.yaml": {
        **_decision("2021-05-20", "investment", 51, step=1, amount=25000),
        "rationale": HOSTILE_TEXT,
    },
    "ideas/fjendtlig-tekst/tests/step-1.yaml": _test_card(
        1,
        "2021-06-01",
        "2021-09-30",
        "done",
        question=HOSTILE_TEXT,
        hypothesis=HOSTILE_TEXT,
        method=HOSTILE_TEXT,
        success_criteria=[HOSTILE_TEXT, HOSTILE_LINE],
        result={
            "outcome": "inconclusive",
            "learning": HOSTILE_TEXT,
            "evidence": [
                "https://example.org/\"><script>alert('evidence')</script>",
                "https://example.dk/ok",
            ],
        },
    ),
}


# The sample plus one idea in each status it lacks: pitch, rejected and graduated.
EVERY_STATUS: dict[str, Any] = {
    **SAMPLE,
    "ideas/groenne-tage/idea.yaml": _idea("Grønne tage", "klima", "2022-03-07"),
    "ideas/groenne-tage/decisions/2022-04-04-screening.yaml": _decision(
        "2022-04-04", "screening", 60, outcome="fit"
    ),
    "ideas/robotstoevsuger/idea.yaml": _idea(
        "Robotstøvsuger i hjemmeplejen", "samskabelse-og-frivillighed", "2021-09-06"
    ),
    "ideas/robotstoevsuger/decisions/2021-10-04-screening.yaml": _decision(
        "2021-10-04", "screening", 61, outcome="no-fit"
    ),
    "ideas/cykeltaxa/idea.yaml": _idea("Cykeltaxa for ældre", "klima", "2019-05-06"),
    "ideas/cykeltaxa/decisions/2019-06-03-screening.yaml": _decision(
        "2019-06-03", "screening", 62, outcome="fit"
    ),
    "ideas/cykeltaxa/decisions/2019-07-01-investment.yaml": _decision(
        "2019-07-01", "investment", 63, step=1, amount=25000
    ),
    "ideas/cykeltaxa/tests/step-1.yaml": _test_card(
        1,
        "2019-08-01",
        "2019-12-20",
        "done",
        result={"outcome": "confirmed", "learning": "40 ture om ugen."},
    ),
    "ideas/cykeltaxa/decisions/2020-01-13-graduate.yaml": _decision(
        "2020-01-13", "graduate", 64, to="operations", learning="Ældre vil gerne cykle med."
    ),
}
