"""Open Graph and Twitter card `<meta>` tags, so a shared entry link previews with its title,
summary and dates in chat tools and social sites. No MkDocs here: the adapter passes URLs in."""

from __future__ import annotations

from html import escape
from urllib.parse import urljoin

from openwork.content.model import Entry


def _meta(attribute: str, key: str, value: str) -> str:
    return f'<meta {attribute}="{key}" content="{escape(value, quote=True)}">'


def social_meta(
    entry: Entry, page_url: str, site_name: str, site_url: str, image: str | None = None
) -> str:
    """The tags for `entry`'s page at absolute `page_url`; `image` is absolute or site-relative."""
    description = entry.excerpt
    image_url = urljoin(site_url, image) if image else None
    tags = [
        _meta("property", "og:type", "article"),
        _meta("property", "og:title", entry.title),
        _meta("property", "og:description", description),
        _meta("property", "og:url", page_url),
        _meta("property", "og:site_name", site_name),
        _meta("property", "article:published_time", entry.date.isoformat()),
        _meta("property", "article:modified_time", entry.last_modified.isoformat()),
    ]
    tags += [_meta("property", "article:tag", tag.display) for tag in entry.tags]
    tags += [_meta("property", "article:author", author.name) for author in entry.authors]
    tags += [
        _meta("name", "twitter:card", "summary_large_image" if image_url else "summary"),
        _meta("name", "twitter:title", entry.title),
        _meta("name", "twitter:description", description),
    ]
    if image_url:
        tags += [
            _meta("property", "og:image", image_url),
            _meta("name", "twitter:image", image_url),
        ]
    return "\n".join(tags)
