"""Site stage, the preview's template cache: each of MkDocs' builds compiles the theme anew.

`portfolio serve` rebuilds the site after every save, and every MkDocs build makes a new
Jinja environment that compiles Material's templates again, about half of a page-by-page
rebuild. This plugin, added to the preview's builds only, hands each new environment one
bytecode cache kept in memory through MkDocs' public `on_env` event. Jinja checks each
template's source against the checksum stored with its code, so an edited override is
compiled again.
"""

from __future__ import annotations

from typing import Any

import jinja2
from mkdocs.plugins import BasePlugin

PLUGIN_NAME = "portfolio-preview-templates"


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates by Jinja's key (template name and file), for one process."""

    def __init__(self) -> None:
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.codes.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it if the source changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


class TemplateCache(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Gives every build's Jinja environment the same bytecode cache."""

    def __init__(self) -> None:
        super().__init__()
        self.bytecode = MemoryBytecodeCache()

    def on_env(self, env: jinja2.Environment, /, *, config: Any, files: Any) -> jinja2.Environment:
        env.bytecode_cache = self.bytecode
        return env
