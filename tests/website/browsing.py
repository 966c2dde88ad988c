"""Headless Chromium and a local server: what the browser tests and the search benchmark share.

Debian's Chromium, started with no network of its own (no background requests, updates or
sync), so that every request a page makes is one the page asked for.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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
