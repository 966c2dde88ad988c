"""The innovation portfolio of Aarhus Kommune: records, rules and the public site.

The data flows one way: load → schema → model → rules → render → site.
"""

from __future__ import annotations

from generator.model import Idea, IdeaState, Portfolio
from generator.pipeline import Checked, check_portfolio
from generator.problems import Problem
from generator.settings import Settings

__all__ = ["Checked", "Idea", "IdeaState", "Portfolio", "Problem", "Settings", "check_portfolio"]
