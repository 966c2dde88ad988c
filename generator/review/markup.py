"""Review stage, output: the two ways a summary is written, GitHub Markdown and plain text.

Record text is the contributors' and untrusted. In Markdown it is escaped so that it stays
text: no HTML, no emphasis or links of its own, no @mentions that notify anyone, no issue
references and no autolinked addresses in the comment a reviewer reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.vocabulary import FORBIDDEN_CHARACTERS

MAX_TEXT = 600  # characters of one free-text field in a summary

_MARKDOWN_PUNCTUATION = frozenset("\\`*_{}[]()#+-.!|~$\"'=:^")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ZERO_WIDTH_SPACE = "&#8203;"
# What GitHub would turn into a link or a notification: a mention or e-mail (@), an issue
# reference (#12), and the autolinked addresses (https://, www., mailto:, xmpp:).
_AUTOLINK_WORD = re.compile(r"(?i)\b(https?|ftp|www|mailto|xmpp)\b")


def one_line(text: str, limit: int = MAX_TEXT) -> str:
    """Text with every run of whitespace as one space, cut at `limit` characters."""
    flat = " ".join(FORBIDDEN_CHARACTERS.sub("\ufffd", text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def escape_markdown(text: str, limit: int = MAX_TEXT) -> str:
    """Untrusted text as inert GitHub Markdown: one line, every markup character escaped."""
    out: list[str] = []
    for char in one_line(text, limit):
        if char in _HTML:
            out.append(_HTML[char])
        elif char in _MARKDOWN_PUNCTUATION:
            out.append("\\" + char)
        elif char == "@":
            out.append("@" + _ZERO_WIDTH_SPACE)
        else:
            out.append(char)
    escaped = "".join(out)
    # An autolink needs its scheme or "www" whole: split off the first letter.
    escaped = _AUTOLINK_WORD.sub(_split_word, escaped)
    return escaped.replace("\\#", "\\#" + _ZERO_WIDTH_SPACE)


def _split_word(match: re.Match[str]) -> str:
    word = match.group(1)
    return word[0] + _ZERO_WIDTH_SPACE + word[1:]


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


Style = Markdown | Text
