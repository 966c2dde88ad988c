"""A small, fixed portfolio for the site tests and the golden files, and a hostile one.

Records are written as YAML from plain dicts, so the tests go through the real loader
and validator, as the site does.
"""

from __future__ import annotations

from typing import Any

from tests import sample_records as records

TODAY = "2022-12-31"
REPOSITORY = "https://github.com/aarhus-kommune/innovationsportefolje"  # its repo_url


def pr(number: int) -> str:
    """The address of the repository's pull request `number`."""
    return f"{REPOSITORY}/pull/{number}"


SAMPLE: dict[str, Any] = records.portfolio_files(
    {
        "klima": records.theme(
            "Klima",
            description="Temaet om **klima** og miljø.",
            beliefs=["Vi tror på data om luften."],
            investment_areas=["Renere luft i byen"],
            criteria=["Tydelig effekt for borgerne"],
        ),
        "samskabelse-og-frivillighed": records.theme("Samskabelse og frivillighed"),
        "fremme-ligevaerd": records.theme(
            "Fremme ligeværd",
            "focus-area",
            {"start": "2015-01-01", "end": "2019-12-31"},
            anchored_in=["borgmesterens-afdeling"],
        ),
    },
    records.idea_files(
        "digital-nabohjaelp",
        records.idea(
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
        [
            records.screening("2020-03-02", pull_request=pr(3)),
            records.investment("2020-03-30", 1, pull_request=pr(7)),
            records.investment("2020-09-21", 2, pull_request=pr(18)),
        ],
        [
            records.card(
                1,
                "2020-04-14",
                "2020-08-31",
                "done",
                result=records.result(
                    "confirmed",
                    "22 borgere brugte den digitale løsning.",
                    evidence=["https://example.dk/evaluering"],
                ),
            ),
            records.card(2, "2020-10-01", "2021-06-30", "running"),
        ],
    ),
    records.idea_files(
        "renere-luft",
        records.idea(
            "Renere luft ved skolerne",
            "klima",
            "2021-01-11",
            departments=["teknik-og-miljoe", "boern-og-unge"],
        ),
        [
            records.screening("2021-02-01", pull_request=pr(30)),
            records.investment("2021-02-15", 1, pull_request=pr(31)),
            records.close("2021-08-16", "Sensorerne var for upræcise.", pull_request=pr(40)),
        ],
        [
            records.card(
                1,
                "2021-03-01",
                "2021-06-30",
                "done",
                result=records.result("refuted", "Målingerne viste ingen forskel."),
            )
        ],
    ),
    records.idea_files(
        "solceller-paa-taget",
        records.idea(
            "Solceller på taget",
            "klima",
            "2022-11-01",
            departments=["teknik-og-miljoe", "kultur-og-borgerservice"],
        ),
    ),
)

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
    "themes/klima.yaml": records.theme(
        "Klima", description=HOSTILE_TEXT, beliefs=[HOSTILE_TEXT], criteria=[ATTACKS[0]]
    ),
    **records.idea_files(
        "fjendtlig-tekst",
        records.idea(
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
        [
            records.screening(
                "2021-05-10",
                decided_by=HOSTILE_LINE,
                rationale=HOSTILE_TEXT,
                pull_request="https://example.org/pull/1\" onmouseover=\"alert('pr')",
            ),
            records.investment("2021-05-20", 1, rationale=HOSTILE_TEXT, pull_request=pr(51)),
        ],
        [
            records.card(
                1,
                "2021-06-01",
                "2021-09-30",
                "done",
                question=HOSTILE_TEXT,
                hypothesis=HOSTILE_TEXT,
                method=HOSTILE_TEXT,
                success_criteria=[HOSTILE_TEXT, HOSTILE_LINE],
                result=records.result(
                    "inconclusive",
                    HOSTILE_TEXT,
                    evidence=[
                        "https://example.org/\"><script>alert('evidence')</script>",
                        "https://example.dk/ok",
                    ],
                ),
            )
        ],
    ),
}


# The sample plus one idea in each status it lacks: pitch, rejected and graduated.
EVERY_STATUS: dict[str, Any] = {
    **SAMPLE,
    **records.idea_files(
        "groenne-tage",
        records.idea("Grønne tage", "klima", "2022-03-07"),
        [records.screening("2022-04-04", pull_request=pr(60))],
    ),
    **records.idea_files(
        "robotstoevsuger",
        records.idea("Robotstøvsuger i hjemmeplejen", "samskabelse-og-frivillighed", "2021-09-06"),
        [records.screening("2021-10-04", "no-fit", pull_request=pr(61))],
    ),
    **records.idea_files(
        "cykeltaxa",
        records.idea("Cykeltaxa for ældre", "klima", "2019-05-06"),
        [
            records.screening("2019-06-03", pull_request=pr(62)),
            records.investment("2019-07-01", 1, pull_request=pr(63)),
            records.graduate(
                "2020-01-13", learning="Ældre vil gerne cykle med.", pull_request=pr(64)
            ),
        ],
        [
            records.card(
                1,
                "2019-08-01",
                "2019-12-20",
                "done",
                result=records.result("confirmed", "40 ture om ugen."),
            )
        ],
    ),
}
