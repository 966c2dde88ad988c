"""Site stage, the preview's server: MkDocs' live-reload server, answering while the site is built.

`portfolio serve` serves at once. Until every page is built, an address whose page is not
there yet is answered with a short Danish page that says what is being built and reloads
itself; the address is handed to the preview, which builds that page next.
"""

from __future__ import annotations

import html
import logging
import posixpath
from collections.abc import Callable, Iterable
from typing import Any

import click
from mkdocs.livereload import LiveReloadServer

from generator.site.live import LiveSite
from generator.site.source import DOCS_DIR, custom_dir_of
from generator.site_config import read_site_config

WAITING = """<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="1">
<title>Siden bygges – Innovationsmotoren</title>
</head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>Siden bygges</h1>
<p>Forhåndsvisningen er ved at blive bygget. Lige nu {status}.</p>
<p>Denne side bygges som den næste og vises af sig selv, så snart den er klar.</p>
</body>
</html>
"""


class PreviewNoise(logging.Filter):
    """Leaves out MkDocs' lines that are no news in the preview: every build is a dirty one,
    a build stopped by a newer save names the page it stopped at with no error, and a
    waiting page is answered with 503."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        stopped = message.startswith(("Error reading page", "Error building page"))
        return not (
            message.startswith("A 'dirty' build")
            or (stopped and message.endswith("': "))
            or message.endswith(" code 503")
        )


def waiting_page(status: str) -> bytes:
    """The Danish answer for a page that is not built yet."""
    return WAITING.format(status=html.escape(status)).encode("utf-8")


def site_address(path_info: str) -> str:
    """A request's path as an address under the site's root: "/temaer/klima/" → "temaer/klima/"."""
    path = path_info.encode("latin-1").decode("utf-8", "ignore")
    normal = posixpath.normpath("/" + path).lstrip("/")
    if normal in ("", "."):
        return ""
    return normal + "/" if path.endswith("/") else normal


class LiveServer(LiveReloadServer):
    """MkDocs' server, which answers for pages still being built."""

    def __init__(self, live: LiveSite, host: str, port: int) -> None:
        super().__init__(
            builder=live.rebuild,
            host=host,
            port=port,
            root=str(live.site_dir),
            polling_interval=0.25,
        )
        self.live = live

    def serve_request(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        path = str(environ.get("PATH_INFO", "/"))
        if not self.live.ready.is_set() and not path.startswith("/livereload/"):
            address = site_address(path)
            target = self.live.site_dir / address
            if not target.is_file() and not (target / "index.html").is_file():
                if address == "" or address.endswith("/"):
                    self.live.ask(address)
                start_response(
                    "503 Service Unavailable",
                    [
                        ("Content-Type", "text/html; charset=utf-8"),
                        ("Retry-After", "1"),
                        ("Cache-Control", "no-store"),
                    ],
                )
                return [waiting_page(self.live.status)]
        result: Iterable[bytes] = super().serve_request(environ, start_response)
        return result


def serve_live(live: LiveSite, host: str, port: int) -> None:
    """Serve the site with live reload until interrupted, building it meanwhile."""
    server = LiveServer(live, host, port)
    for handler in logging.getLogger("mkdocs").handlers:
        handler.addFilter(PreviewNoise())
    server.error_handler = lambda code: _error_page(live, code)
    root = live.config_file.resolve().parent
    custom = custom_dir_of(read_site_config(live.config_file))
    watched = [live.settings.records_dir, live.settings.schemas_dir, root / DOCS_DIR]
    for path in [*watched, *([root / custom] if custom else [])]:
        if path.is_dir():
            server.watch(str(path))
    server.watch(str(live.config_file))
    click.echo(
        f"Sitet vises på http://{host}:{port}/ (stop med Ctrl+C). Det bygges nu, den side, "
        "du beder om, først; en side, der ikke er klar endnu, siger det og kommer af sig selv.",
        err=True,
    )
    live.start()
    try:
        server.serve()  # type: ignore[no-untyped-call]
    except KeyboardInterrupt:
        click.echo("Stopper.", err=True)
    finally:
        live.job.cancel()
        server.shutdown()


def _error_page(live: LiveSite, code: int) -> bytes | None:
    page = live.site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
