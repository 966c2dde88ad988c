"""Output stage: untrusted text as inert GitHub Markdown, for comments and job summaries.

Record text is the contributors' and untrusted. In Markdown it is escaped so that it stays
text: no HTML, no emphasis or links of its own, no @mentions that notify anyone, no issue
or commit references and no autolinked addresses in what a reviewer reads on GitHub.
"""

from __future__ import annotations

import re

from generator.vocabulary import FORBIDDEN_CHARACTERS

MAX_TEXT = 600  # characters of one free-text field in a summary

_MARKDOWN_PUNCTUATION = frozenset("\\`*_{}[]()#+-.!|~$\"'=:^")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ZERO_WIDTH_SPACE = "&#8203;"
# What GitHub would turn into a link or a notification: a mention or e-mail (@), an issue
# reference (#12, owner/repo#12), and the autolinked addresses (https://, www., mailto:, xmpp:).
_AUTOLINK_WORD = re.compile(r"(?i)\b(https?|ftp|www|mailto|xmpp)\b")
# GH-12 and a repository's own autolink references (ABC-12): a word, a hyphen, a number.
# In the escaped text the hyphen is "\-"; a break after it parts prefix from number.
_PREFIXED_NUMBER = re.compile(r"(?<=[A-Za-z]\\-)(?=[0-9])")
# A commit id, full or short (7 to 40 hexadecimal characters; @sha too): broken every 6.
_HEX_RUN = re.compile(r"(?i)(?<![0-9a-z])[0-9a-f]{7,}(?![0-9a-z])")


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
    escaped = _PREFIXED_NUMBER.sub(_ZERO_WIDTH_SPACE, escaped)
    escaped = _HEX_RUN.sub(_split_hex, escaped)
    return escaped.replace("\\#", "\\#" + _ZERO_WIDTH_SPACE)


def _split_word(match: re.Match[str]) -> str:
    word = match.group(1)
    return word[0] + _ZERO_WIDTH_SPACE + word[1:]


def _split_hex(match: re.Match[str]) -> str:
    run = match.group()
    return _ZERO_WIDTH_SPACE.join(run[i : i + 6] for i in range(0, len(run), 6))
