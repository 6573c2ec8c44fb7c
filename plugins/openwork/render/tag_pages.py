"""The tag index (/tags/) and a page per tag (/tags/<tag>/), entries grouped by kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openwork.content.model import Entry
from openwork.index.site import Site
from openwork.render.renderer import Renderer
from openwork.tags import Tag, sort_key

MOST_USED = 10  # the "Most used" list shows this many, when the site has more tags than that
LEVELS = 4  # popularity classes for styling the A–Z list (ow-tag-level--1 .. --4)


@dataclass(frozen=True, slots=True)
class TagCount:
    """A tag with how many published entries carry it, for the index."""

    tag: Tag
    count: int
    level: int  # 1 (least used) .. LEVELS (most used), for CSS only: the count is in the text


def tag_counts(site: Site) -> list[TagCount]:
    """Every tag A–Z with its count."""
    counts = {name: len(site.by_tag[name]) for name in site.tags}
    most = max(counts.values(), default=1)
    out = []
    for name, tag in site.tags.items():
        count = counts[name]
        level = 1 + (LEVELS - 1) * (count - 1) // (most - 1) if most > 1 else 1
        out.append(TagCount(tag, count, level))
    return out


def most_used(counts: list[TagCount], limit: int = MOST_USED) -> list[TagCount]:
    """The `limit` most used tags, ties A–Z; empty when the A–Z list is short anyway."""
    if len(counts) <= limit:
        return []
    return sorted(counts, key=lambda c: (-c.count, sort_key(c.tag.name)))[:limit]


def by_kind(site: Site, entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """Entries (newest first) grouped in the site's kind order: weeknotes, experiments,
    incidents; kinds without entries are left out."""
    groups: dict[str, list[Entry]] = {kind: [] for kind in site.options.collections}
    for entry in entries:
        groups.setdefault(entry.kind, []).append(entry)
    return [(kind, items) for kind, items in groups.items() if items]


def tags_index_markdown(site: Site, renderer: Renderer, src: str, common: dict[str, Any]) -> str:
    counts = tag_counts(site)
    return renderer.render(
        "tags.md",
        src,
        counts=counts,
        most_used=most_used(counts),
        tagged=sum(1 for e in site.entries if e.tags),
        **common,
    )


def tag_markdown(site: Site, renderer: Renderer, tag: Tag, src: str, common: dict[str, Any]) -> str:
    entries = site.by_tag[tag.name]
    return renderer.render(
        "tag.md",
        src,
        tag=tag,
        description=site.tag_descriptions.get(tag.name, ""),
        entries=entries,
        groups=by_kind(site, entries),
        **common,
    )
