"""Benchmarks of the portfolio: validation, the site build and the preview, and search."""


def verdict(met: bool) -> str:
    """How a benchmark states a goal it measured: met, or NOT met."""
    return "met" if met else "NOT met"
