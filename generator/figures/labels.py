"""Figures stage, the words: numbers, days, rates, gates, stages and signals the Danish way."""

from __future__ import annotations

from generator.figures.signals import Signal
from generator.figures.stats import Number
from generator.kinds import FIT_STAGE, SCREENING_GATE, SignalColour, Status, WaitReason, gate_step
from generator.vocabulary import SIGNAL_LABELS, format_date, status_label


def format_number(value: Number | None) -> str:
    """41.5 → '41,5', 12 → '12', None → '–' (no value)."""
    if value is None:
        return "–"
    text = f"{value:,.1f}" if isinstance(value, float) else f"{value:,}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_rate(value: float | None) -> str:
    """0.097 → '9,7 %'; None → '–'."""
    return "–" if value is None else format_number(round(value * 100, 1)) + " %"


def format_days(value: Number | None) -> str:
    if value is None:
        return "–"
    return f"{format_number(value)} {'dag' if value == 1 else 'dage'}"


def gate_label(gate: str) -> str:
    """'screening' → 'Screening', 'step-2' → 'Trin 2'."""
    return "Screening" if gate == SCREENING_GATE else f"Trin {gate_step(gate)}"


def gate_path(gate: str) -> str:
    """What a gate measures, from which decision to which."""
    step = gate_step(gate)
    if step is None:
        return "indsendt → screening"
    return "strategisk fit → trin 1" if step == 1 else f"trin {step - 1} → trin {step}"


def kill_stage_label(stage: int) -> str:
    """A stage of `kill` by its number: 0 is strategic fit, s ≥ 1 is step s."""
    return status_label(FIT_STAGE if stage == 0 else Status.of_step(stage))


def signal_label(colour: SignalColour) -> str:
    """'green' → 'Grøn', 'yellow' → 'Gul', 'red' → 'Rød'."""
    return SIGNAL_LABELS[colour]


def signal_sentence(signal: Signal) -> str:
    """Why an idea has its signal, as a Danish sentence."""
    since, days = format_date(signal.since), format_days(signal.days)
    if signal.reason == WaitReason.SCREENING:
        return f"Venter på screening siden {since}: {days}."
    if signal.reason == WaitReason.TEST:
        if signal.days == 0:
            return f"Testen af trin {signal.step} skal være afsluttet {since}."
        return f"Testen af trin {signal.step} skulle være afsluttet {since}: {days} forsinket."
    if signal.step == 0:
        return f"Venter på beslutning om trin 1 siden screeningen {since}: {days}."
    return f"Testen af trin {signal.step} sluttede {since}; venter på næste beslutning: {days}."
