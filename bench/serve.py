"""The preview under a typing editor: `portfolio serve` timed from outside, as a browser sees it.

Started on a synthetic portfolio, it is asked for its front page until that page answers
(the first page); once every page is built and the search index done, one idea record is
saved again and again, SPACING seconds apart as an editor fixing a typo saves, and each
save is timed until the idea's page shows it; then a few saves far apart, with nothing
left in the background, give the same run's baseline.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from generator.site.live import CAUGHT_UP, INDEXED
from tests.website.browsing import listening_port

REPO = Path(__file__).resolve().parent.parent
SPACING = 1.5  # seconds between two saves
IDEA = "ide-00007"
# The baseline of the same run: saves each made once the background work of the last (the
# lists, the data files, the search index) is done, as the preview says.
SPACED_SAVES = 3


@dataclass(frozen=True)
class Preview:
    """What the preview's user waited for."""

    first_page: float  # seconds from starting `portfolio serve` to its front page
    all_pages: float  # seconds to the last page and the search index
    saves: list[float]  # seconds from each save to its page showing it, SPACING apart
    spaced: list[float]  # the same, with the background work of the last save done


def _fetch(url: str) -> str:
    """The page's text, or "" while it is not there (or still being built: 503, an OSError)."""
    with (
        contextlib.suppress(OSError),
        urllib.request.urlopen(url, timeout=30) as response,  # noqa: S310 (localhost)
    ):
        return str(response.read().decode("utf-8"))
    return ""


def _wait_for(url: str, text: str, deadline: float = 600) -> float:
    """Poll until the page holds the text; the seconds it took (inf at the deadline)."""
    started = time.monotonic()
    while time.monotonic() - started < deadline:
        if text in _fetch(url):
            return time.monotonic() - started
        time.sleep(0.02)
    return float("inf")


def _wait_for_line(log: Path, line: str, count: int = 1, deadline: float = 600) -> None:
    """Until the preview has said the line `count` times on its standard error."""
    started = time.monotonic()
    while time.monotonic() - started < deadline and log.read_text("utf-8").count(line) < count:
        time.sleep(0.1)


def _save(card: Path, title: str) -> None:
    lines = card.read_text("utf-8").splitlines(keepends=True)
    card.write_text("".join(f"title: {title}\n" if ln.startswith("title:") else ln for ln in lines))


def measure_preview(root: Path, today: str, saves: int) -> Preview:
    """Start `portfolio serve` on the portfolio under root and time what its user waits for."""
    with (root / "serve.log").open("w") as log:
        started = time.monotonic()
        server = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--records", str(root / "records"),
             "--today", today, "--dev-addr", "127.0.0.1:0"],
            cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            base = f"http://127.0.0.1:{listening_port(server)}/"  # it binds a free port itself
            if _wait_for(base, "Innovationsmotoren") == float("inf"):
                raise SystemExit(f"portfolio serve did not start; see {root / 'serve.log'}")
            first = time.monotonic() - started
            _wait_for_line(root / "serve.log", INDEXED)  # every page and the search index
            every = time.monotonic() - started
            typing = _typing(root, base, saves)
            return Preview(first, every, typing, _typing(root, base, SPACED_SAVES, caught_up=True))
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()


def _typing(root: Path, base: str, saves: int, *, caught_up: bool = False) -> list[float]:
    """Save one idea card SPACING seconds apart (or each once the preview has caught up with
    the save before); the seconds until each shows on its page."""
    card, log = root / "records" / "ideas" / IDEA / "idea.yaml", root / "serve.log"
    latencies = []
    for index in range(saves):
        said = log.read_text("utf-8").count(CAUGHT_UP)  # before the save: its own comes later
        saved = time.monotonic()
        title = f"Rettet titel {index}{' igen' if caught_up else ''}"
        _save(card, title)
        latencies.append(_wait_for(f"{base}ideer/{IDEA}/", title, 60))
        if caught_up or index == saves - 1:  # the last of a burst: the next starts caught up
            _wait_for_line(log, CAUGHT_UP, count=said + 1)
        else:
            time.sleep(max(0.0, SPACING - (time.monotonic() - saved)))
    return latencies
