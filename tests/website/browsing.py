"""Headless Chromium and a local server: what the browser tests and the search benchmark share.

Debian's Chromium, started with no network of its own (no background requests, updates or
sync), so that every request a page makes is one the page asked for; the WCAG check and the
search page's results that several browser tests read.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Every kind of page the site has, by a Danish name, as addresses under the site's root.
PAGE_KINDS = {
    "forside": "",
    "temaoversigt": "temaer/",
    "tema": "temaer/klima/",
    "idé": "ideer/digital-nabohjaelp/",
    "fjendtlig idé": "ideer/fjendtlig-tekst/",
    "investeringstrin": "investeringstrin/",
    "organisering": "organisering-2015-2019/",
    "data": "data/",
    "tal": "tal/",
    "tal for et tema": "tal/klima/",
    "læring": "laering/",
    "emner": "emner/",
    "et emne": "emner/nabohjaelp/",
    "søgning": "soeg/?q=tavlen",
    "tilgængelighed": "tilgaengelighed/",
}

# The axe-core rules of WCAG 2.1 at levels A and AA.
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The status says "N resultater"; the first 20 of them are shown one by one as they arrive.
SHOWN_ALL = """() => {
    const count = parseInt(document.getElementById("search-status").textContent, 10);
    return document.querySelectorAll("#search-results > li").length === Math.min(count, 20);
}"""


def wcag_violations(page: Page) -> list[dict[str, Any]]:
    """What axe-core finds against WCAG 2.1 A and AA on the page as it stands."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    violations: list[dict[str, Any]] = results.response["violations"]
    return violations


def search_results(page: Page) -> list[Locator]:
    """The result items of the search page, once the search has answered and shown them."""
    page.locator("#search-status", has_text="resultat").wait_for(timeout=15_000)
    page.wait_for_function(SHOWN_ALL, timeout=15_000)
    return page.locator("#search-results > li").all()


def result_links(page: Page) -> list[str]:
    """The result links of the search page, once the search has answered and shown them."""
    search_results(page)
    return [link.get_attribute("href") or "" for link in page.locator("#search-results a").all()]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No access log in the output."""


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that closes a connection mid-file (a page closed early) is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """A folder served on 127.0.0.1 at a random port, as the address of its root."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def listening_port(process: subprocess.Popen[bytes], limit: float = 300) -> int:
    """The TCP port a child server listens on once it does: it bound port 0 itself, so no
    other process can take the port between choosing and binding it. `limit` only stops a
    server that never listens from hanging the suite."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server stopped before listening (exit {process.returncode})")
        port = _port_listened_on(process.pid)
        if port is not None:
            return port
        time.sleep(0.1)
    raise AssertionError(f"the server did not listen within {limit} seconds")


def _port_listened_on(pid: int) -> int | None:
    """The port of a listening IPv4 TCP socket that process `pid` holds (Linux's /proc)."""
    sockets = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            target = str(fd.readlink())
            if target.startswith("socket:["):
                sockets.add(target.removeprefix("socket:[").removesuffix("]"))
    for line in Path(f"/proc/{pid}/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[3] == _LISTEN and fields[9] in sockets:
            return int(fields[1].rsplit(":", 1)[1], 16)
    return None


_LISTEN = "0A"  # the state column of /proc/net/tcp
