"""The preview under a typing editor: `portfolio serve` timed from outside, as a browser sees it.

Started on a synthetic portfolio, it is asked for its front page until that page answers
(the first page); once every page is built and the search index done, one idea record is
saved again and again, SPACING seconds apart as an editor fixing a typo saves, and each
save is timed until the idea's page shows it.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPACING = 1.5  # seconds between two saves
IDEA = "ide-00007"


@dataclass(frozen=True)
class Preview:
    """What the preview's user waited for."""

    first_page: float  # seconds from starting `portfolio serve` to its front page
    all_pages: float  # seconds to the last page and the search index
    saves: list[float]  # seconds from each save to its page showing it


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _fetch(url: str) -> str:
    """The page's text, or "" while it is not there (or still being built: 503)."""
    with (
        contextlib.suppress(OSError, urllib.error.HTTPError),
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


def _cpu_seconds(pid: int) -> float:
    """CPU time of a process and of the children it has waited for (Pagefind), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    utime, stime, cutime, cstime = (int(value) for value in fields[11:15])
    return (utime + stime + cutime + cstime) / os.sysconf("SC_CLK_TCK")


def _wait_idle(pid: int, quiet: float = 2.0, deadline: float = 600) -> None:
    """Until the process has used no CPU for `quiet` seconds: its background work is done."""
    started, last, still = time.monotonic(), _cpu_seconds(pid), 0.0
    while still < quiet and time.monotonic() - started < deadline:
        time.sleep(0.25)
        now = _cpu_seconds(pid)
        still = still + 0.25 if now - last < 0.01 else 0.0
        last = now


def _save(card: Path, title: str) -> None:
    lines = card.read_text("utf-8").splitlines(keepends=True)
    card.write_text("".join(f"title: {title}\n" if ln.startswith("title:") else ln for ln in lines))


def measure_preview(root: Path, today: str, saves: int) -> Preview:
    """Start `portfolio serve` on the portfolio under root and time what its user waits for."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    with (root / "serve.log").open("w") as log:
        started = time.monotonic()
        server = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--records", str(root / "records"),
             "--today", today, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            if _wait_for(base, "Innovationsmotoren") == float("inf"):
                raise SystemExit(f"portfolio serve did not start; see {root / 'serve.log'}")
            first = time.monotonic() - started
            _wait_for(f"{base}investeringstrin/", "Investeringstrin")
            _wait_idle(server.pid)  # every page and the search index
            every = time.monotonic() - started - 2.0  # less the quiet spell that told
            return Preview(first, every, _typing(root, base, saves))
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()


def _typing(root: Path, base: str, saves: int) -> list[float]:
    """Save one idea card SPACING seconds apart; the seconds until each shows on its page."""
    card = root / "records" / "ideas" / IDEA / "idea.yaml"
    latencies = []
    for index in range(saves):
        saved = time.monotonic()
        title = f"Rettet titel {index}"
        _save(card, title)
        latencies.append(_wait_for(f"{base}ideer/{IDEA}/", title, 60))
        time.sleep(max(0.0, SPACING - (time.monotonic() - saved)))
    return latencies
