"""Render stage, tags: the ideas by tag, for /emner/ and /emner/<tag-slug>/ (no I/O).

Tags are free text. A tag's page address is its slug, made like an id (vocabulary.slugify),
so tags that differ only in case, accents or punctuation share one page; it is named by the
spelling most ideas use. A tag with no letter or digit gets no page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from generator.model import Idea
from generator.render.markup import relative_link
from generator.render.sanitize import inline_text, markup
from generator.vocabulary import slugify

PAGE_TAGS = "emner/index.md"


@dataclass(frozen=True)
class Tag:
    slug: str
    name: str
    ideas: list[Idea]


def tag_page(slug: str) -> str:
    return f"emner/{slug}.md"


def collect_tags(ideas: list[Idea]) -> list[Tag]:
    """Every tag with a slug and the ideas that carry it (in the given order), by name."""
    spellings: dict[str, Counter[str]] = {}
    tagged: dict[str, list[Idea]] = {}
    for idea in ideas:
        seen: set[str] = set()
        for text in idea.tags:
            slug = slugify(text)
            if not slug:
                continue
            spellings.setdefault(slug, Counter())[text] += 1
            if slug not in seen:
                seen.add(slug)
                tagged.setdefault(slug, []).append(idea)
    tags = [Tag(slug, _usual(spellings[slug]), tagged[slug]) for slug in tagged]
    return sorted(tags, key=lambda tag: (tag.name.casefold(), tag.slug))


def _usual(spellings: Counter[str]) -> str:
    """The spelling most ideas use; of equally common ones, the first in order."""
    return min(spellings, key=lambda text: (-spellings[text], text))


def tag_link(text: str, from_page: str) -> Markup:
    """A tag as written on the idea, linked to its page when it has one."""
    slug = slugify(text)
    if not slug:
        return inline_text(text)
    return markup(f"[{inline_text(text)}]({relative_link(from_page, tag_page(slug))})")
