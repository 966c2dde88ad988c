"""Review stage, output: the two ways a summary is written, GitHub Markdown and plain text.

Record text is escaped by generator.markdown_escape, so that it stays text in the comment.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.markdown_escape import MAX_TEXT, escape_markdown, one_line

__all__ = ["MAX_TEXT", "Markdown", "Style", "Text", "escape_markdown", "one_line"]

MAX_CARD_TEXT = 4000  # characters of one field of the idea card, which reviewers decide on


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
