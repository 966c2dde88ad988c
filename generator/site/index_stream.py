"""Site stage, the search index on the second core: Pagefind indexes each page as MkDocs writes it.

`portfolio build` hands every page MkDocs writes (its public `on_post_page` event) to
Pagefind's documented Node API (index_stream.mjs) running beside the build, so the index
is made while the engine works instead of after it; what is left at the end is writing it
out. The options are the command's (search.py), so the index is the one `pagefind --site`
makes of the pages. Zensical and other engines index the built folder instead.
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

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self.process is not None and self.process.stdin is not None
        if kind is not None:  # the build failed: nothing to write
            self.process.kill()
        with contextlib.suppress(BrokenPipeError):
            self.process.stdin.close()
        code = self.process.wait(timeout=600)
        assert self.reader is not None and self.process.stderr is not None
        self.reader.join()
        self.process.stderr.close()
        if kind is None and (code != 0 or not (self.output / "pagefind.js").is_file()):
            detail = b"".join(self.errors).decode("utf-8", "replace").strip().splitlines()[-3:]
            raise PortfolioError(FAILED + (":\n" + "\n".join(detail) if detail else "."))


class SearchIndexFeed(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Hands every page MkDocs writes to the streamed index."""

    def __init__(self, index: StreamedIndex) -> None:
        super().__init__()
        self.index = index

    def on_post_page(self, output: str, /, *, page: Any, config: Any) -> str:
        self.index.add("/" + str(page.url), output)
        return output
