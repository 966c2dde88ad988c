"""Review stage, output: the two ways a summary is written, GitHub Markdown and plain text.

Record text is escaped by generator.markdown_escape, so that it stays text in the comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.markdown_escape import MAX_TEXT, escape_markdown, one_line

__all__ = ["MAX_TEXT", "Markdown", "Style", "Text", "escape_markdown", "one_line", "safe_site_url"]

MAX_CARD_TEXT = 4000  # characters of one field of the idea card, which reviewers decide on
_SAFE_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~/-]*)?$")


def safe_site_url(url: str | None) -> str | None:
    """The site's address when it is a plain http(s) address, ending in '/'; else None."""
    if not url or not _SAFE_URL.match(url):
        return None
    return url if url.endswith("/") else url + "/"


@dataclass(frozen=True)
class Markdown:
    """GitHub-flavoured Markdown for the pull-request comment and the job summary."""

    def text(self, value: str) -> str:
        return escape_markdown(value)

    def strong(self, value: str) -> str:
        return f"**{value}**"

    def heading(self, level: int, value: str) -> str:
        return f"{'#' * (level + 1)} {value}"

    def bullet(self, value: str, depth: int = 0) -> str:
        return f"{'  ' * depth}- {value}"

    def link(self, value: str, url: str | None) -> str:
        return f"[{value}]({url})" if url else value

    def code(self, value: str) -> str:
        return escape_markdown(value, limit=300)

    def prose(self, value: str) -> str:
        return escape_markdown(value, limit=MAX_CARD_TEXT)

    def folded(self, summary: str, lines: list[str]) -> list[str]:
        """Lines in a collapsed block that the reader opens (GitHub's <details>)."""
        return ["<details>", f"<summary>{summary}</summary>", "", *lines, "", "</details>", ""]


@dataclass(frozen=True)
class Text:
    """Plain text for the terminal."""

    def text(self, value: str) -> str:
        return one_line(value)

    def strong(self, value: str) -> str:
        return value

    def heading(self, level: int, value: str) -> str:
        underline = "=" if level == 1 else "-"
        return f"{value}\n{underline * len(value)}" if level <= 2 else value

    def bullet(self, value: str, depth: int = 0) -> str:
        return f"{'  ' * depth}- {value}"

    def link(self, value: str, url: str | None) -> str:
        return f"{value} ({url})" if url else value

    def code(self, value: str) -> str:
        return one_line(value, limit=300)

    def prose(self, value: str) -> str:
        return one_line(value, limit=MAX_CARD_TEXT)

    def folded(self, summary: str, lines: list[str]) -> list[str]:
        return [f"{summary}:", "", *lines, ""]


Style = Markdown | Text
