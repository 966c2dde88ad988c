"""Review stage, output: the two ways a summary is written, GitHub Markdown and plain text.

Record text is escaped by generator.markdown_escape, so that it stays text in the comment.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.markdown_escape import MAX_TEXT, escape_markdown, one_line

__all__ = ["MAX_TEXT", "Markdown", "Style", "Text", "escape_markdown", "one_line"]

MAX_CARD_TEXT = 4000  # characters of one field of the idea card, which reviewers decide on


@dataclass(frozen=True)
class _Written:
    """What both ways share: bullets, and record text made one safe line of at most a
    length (`line`), a field's worth or a code's."""

    def line(self, value: str, limit: int) -> str:
        raise NotImplementedError

    def text(self, value: str) -> str:
        return self.line(value, MAX_TEXT)

    def code(self, value: str) -> str:
        return self.line(value, 300)

    def prose(self, value: str) -> str:
        return self.line(value, MAX_CARD_TEXT)

    def bullet(self, value: str, depth: int = 0) -> str:
        return f"{'  ' * depth}- {value}"


@dataclass(frozen=True)
class Markdown(_Written):
    """GitHub-flavoured Markdown for the pull-request comment and the job summary."""

    def line(self, value: str, limit: int) -> str:
        return escape_markdown(value, limit=limit)

    def strong(self, value: str) -> str:
        return f"**{value}**"

    def heading(self, level: int, value: str) -> str:
        return f"{'#' * (level + 1)} {value}"

    def link(self, value: str, url: str | None) -> str:
        return f"[{value}]({url})" if url else value

    def folded(self, summary: str, lines: list[str]) -> list[str]:
        """Lines in a collapsed block that the reader opens (GitHub's <details>)."""
        return ["<details>", f"<summary>{summary}</summary>", "", *lines, "", "</details>", ""]


@dataclass(frozen=True)
class Text(_Written):
    """Plain text for the terminal."""

    def line(self, value: str, limit: int) -> str:
        return one_line(value, limit=limit)

    def strong(self, value: str) -> str:
        return value

    def heading(self, level: int, value: str) -> str:
        underline = "=" if level == 1 else "-"
        return f"{value}\n{underline * len(value)}" if level <= 2 else value

    def link(self, value: str, url: str | None) -> str:
        return f"{value} ({url})" if url else value

    def folded(self, summary: str, lines: list[str]) -> list[str]:
        return [f"{summary}:", "", *lines, ""]


Style = Markdown | Text
