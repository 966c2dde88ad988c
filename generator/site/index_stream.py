"""Site stage, the search index on the second core: Pagefind indexes each page as MkDocs makes it.

Pagefind reads two things of a page: the language of `<html>` and what is inside its
`<article>` (search.ROOT_SELECTOR). Material's partials/content.html puts the page's content
there, after the page's title as a heading when the content has none, and after actions that
hold no text or that Pagefind is told to leave out. So `portfolio build` hands each page's
content to Pagefind's documented Node API (index_stream.mjs) as soon as MkDocs has converted
it (the public `on_page_content` event), and says it has them all when MkDocs starts putting
the pages into the theme (`on_env`): Pagefind indexes during the conversion and writes the
index during the theme's part, on the second core, rather than after the build. The options
are the command's (search.py), so each page is indexed as `pagefind --site` indexes it
(a test holds the two alike). Zensical and other engines index the built folder instead.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from mkdocs.plugins import BasePlugin

from generator.errors import PortfolioError
from generator.site.search import EXCLUDED, INDEX_DIR, MISSING, ROOT_SELECTOR

SCRIPT = Path(__file__).with_name("index_stream.mjs")
PLUGIN_NAME = "portfolio-search-index"
FAILED = "Søgeindekset kunne ikke bygges med Pagefind"


def pagefind_module(root: Path) -> Path:
    """The pinned Pagefind package's Node module (beside mkdocs.yml in `root`, or in the
    folder the command runs in, as for its binary); a Danish error when there is none."""
    for folder in (root, Path.cwd()):
        package = folder / "node_modules" / "pagefind"
        try:
            exports = json.loads((package / "package.json").read_bytes())["exports"]["."]
            return package / str(exports["import"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
    raise PortfolioError(MISSING)


class StreamedIndex:
    """A Pagefind index fed page by page; written under site_dir/pagefind/ on a clean exit."""

    def __init__(self, site_dir: Path, root: Path) -> None:
        self.output = site_dir.resolve() / INDEX_DIR
        self.root = root
        self.process: subprocess.Popen[bytes] | None = None
        self.errors: list[bytes] = []
        self.reader: threading.Thread | None = None

    def __enter__(self) -> StreamedIndex:
        module = pagefind_module(self.root)
        try:
            self.process = subprocess.Popen(  # noqa: S603 (node, our script, fixed arguments)
                ["node", str(SCRIPT), str(module), str(self.output), ROOT_SELECTOR, EXCLUDED],  # noqa: S607
                cwd=self.root, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )  # fmt: skip
        except OSError as error:
            raise PortfolioError(f"{FAILED}: {error}") from error
        stderr = self.process.stderr
        assert stderr is not None
        self.reader = threading.Thread(target=lambda: self.errors.append(stderr.read()))
        self.reader.start()
        return self

    def add(self, url: str, content: str) -> None:
        """Index one page, at its address from the site's root ("/ideer/x/")."""
        assert self.process is not None and self.process.stdin is not None
        line = json.dumps({"url": url, "content": content}, ensure_ascii=False) + "\n"
        with contextlib.suppress(BrokenPipeError):  # Pagefind stopped: reported at the close
            self.process.stdin.write(line.encode("utf-8"))

    def finish(self) -> None:
        """Every page is in: Pagefind writes the index while the build goes on."""
        assert self.process is not None and self.process.stdin is not None
        with contextlib.suppress(BrokenPipeError):
            self.process.stdin.close()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self.process is not None and self.process.stdin is not None
        if kind is not None:  # the build failed: nothing to write
            self.process.kill()
        self.finish()
        code = self.process.wait(timeout=600)
        assert self.reader is not None and self.process.stderr is not None
        self.reader.join()
        self.process.stderr.close()
        if kind is None and (code != 0 or not (self.output / "pagefind.js").is_file()):
            detail = b"".join(self.errors).decode("utf-8", "replace").strip().splitlines()[-3:]
            raise PortfolioError(FAILED + (":\n" + "\n".join(detail) if detail else "."))


def article_document(content: str, title: str, language: str) -> str:
    """What Pagefind reads of a built page, made from its content: the content in the
    `<article>` as partials/content.html has it, titled as the template titles it when the
    content has no heading of its own (the template does not escape the title either)."""
    heading = "" if "<h1" in content else f"<h1>{title}</h1>"
    return f'<html lang="{language}"><body><article>{heading}{content}</article></body></html>'


class SearchIndexFeed(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Hands each page's content to the streamed index as MkDocs converts it; the last
    plugin, so the content is what the others have made of it."""

    def __init__(self, index: StreamedIndex) -> None:
        super().__init__()
        self.index = index

    def on_page_content(self, html: str, /, *, page: Any, config: Any, files: Any) -> str:
        title = page.title or config.site_name
        self.index.add("/" + str(page.url), article_document(html, title, config.theme["language"]))
        return html

    def on_env(self, env: Any, /, *, config: Any, files: Any) -> Any:
        self.index.finish()  # every page is converted; the theme's part is left
        return env
