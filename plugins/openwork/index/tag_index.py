"""Tags across the site: which published entries carry each, and how each is spelt and linked."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from openwork.content.model import Entry
from openwork.tags import Tag, assign_slugs, sort_key


@dataclass(frozen=True, slots=True)
class TagIndex:
    """Every tag of the published entries, A–Z, and its entries newest first."""

    tags: dict[str, Tag]  # normalised name -> the site's Tag (first writer's spelling, slug)
    entries: dict[str, list[Entry]]


def index_tags(entries: list[Entry]) -> TagIndex:
    """`entries` are published and newest first, so the last spelling seen is the earliest
    entry's: a tag shows as its first writer spelt it, wherever it appears."""
    by_tag: dict[str, list[Entry]] = defaultdict(list)
    first: dict[str, Tag] = {}
    for entry in entries:
        for tag in entry.tags:
            by_tag[tag.name].append(entry)
            first[tag.name] = tag
    slugs = assign_slugs(by_tag)
    tags = {
        name: Tag(name, first[name].display, slugs[name]) for name in sorted(by_tag, key=sort_key)
    }
    return TagIndex(tags, {name: by_tag[name] for name in tags})
