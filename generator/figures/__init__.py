"""Figures stage: the portfolio in numbers, for /tal/, /data/noegletal.json and `portfolio report`."""

from __future__ import annotations

from generator.figures.compute import Figures, compute_figures
from generator.figures.document import figures_json, noegletal_json

__all__ = ["Figures", "compute_figures", "figures_json", "noegletal_json"]
