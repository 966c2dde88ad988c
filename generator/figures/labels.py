"""Figures stage, the words: numbers, days, rates, gates and stages written the Danish way."""

from __future__ import annotations

from generator.figures.stats import Number
from generator.vocabulary import status_label


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
    return "Screening" if gate == "screening" else f"Trin {gate.removeprefix('step-')}"


def gate_path(gate: str) -> str:
    """What a gate measures, from which decision to which."""
    if gate == "screening":
        return "indsendt → screening"
    step = int(gate.removeprefix("step-"))
    return "strategisk fit → trin 1" if step == 1 else f"trin {step - 1} → trin {step}"


def kill_stage_label(stage: int) -> str:
    """A stage of `kill` by its number: 0 is strategic fit, s ≥ 1 is step s."""
    return status_label("fit" if stage == 0 else f"step-{stage}")
