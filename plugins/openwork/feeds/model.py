"""What a feed says, independent of its format: `Feed` and `FeedItem`, built from entries.

RSS, Atom and JSON Feed are three spellings of these values, so every rule (ids, absolute
links, dates with offsets, which time is `updated`) is decided once, here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote, urlsplit

from openwork.content.model import Author, Entry
from openwork.feeds.absolute import absolute_url, feed_html

# Characters RFC 4151 allows unescaped in the specific part of a tag: URI.
_TAG_SAFE = "/;?:@&=+$-_.!~*'(),"
_WEB_SCHEMES = ("http", "https", "mailto")


@dataclass(frozen=True, slots=True)
class FeedAuthor:
    name: str
    url: str | None = None  # absolute
    email: str | None = None
    avatar: str | None = None  # absolute


@dataclass(frozen=True, slots=True)
class Category:
    term: str  # the normalised tag: stable, what readers group by
    label: str  # as the writer spelt it


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry as every feed format carries it; all URLs absolute, all times aware."""

    id: str
    url: str
    title: str
    content_html: str | None
    summary: str | None
    authors: tuple[FeedAuthor, ...]
    categories: tuple[Category, ...]
    published: datetime
    updated: datetime


@dataclass(frozen=True, slots=True)
class Feed:
    """A feed's metadata and newest items. `urls` maps each written format to its URL."""

    title: str
    description: str
    home_url: str  # the HTML page this feed follows
    urls: Mapping[str, str]
    language: str
    author: str  # the site's name or `site_author`: Atom needs an author for every entry
    updated: datetime | None  # the newest item's; None for a feed with no items
    items: tuple[FeedItem, ...]
    # The site's newest change: the `updated` an empty Atom feed must still give.
    site_updated: datetime | None = None


def item_id(site_url: str, entry: Entry) -> str:
    """The entry's permanent feed id as a `tag:` URI (RFC 4151), e.g.
    `tag:digital.example.org,2026:incidents/2026-03-db`.

    Made of the host (and sub-path) of `site_url`, the year of the entry's `date` and its
    `id` (front matter, else `<folder>/<file stem>`), so a new title, slug or collection URL
    leaves it unchanged and readers never
    show an entry twice.
    """
    parts = urlsplit(site_url)
    host = parts.hostname or "localhost"
    with contextlib.suppress(UnicodeError):  # a Unicode host name, in its ASCII form
        host = host.encode("idna").decode("ascii")
    prefix = parts.path.strip("/")
    key = entry.id
    specific = f"{prefix}/{key}" if prefix else key
    return f"tag:{host},{entry.date.year:04d}:{quote(specific, safe=_TAG_SAFE)}"


def _link(value: str | None, site_url: str) -> str | None:
    if not value:
        return None
    url = absolute_url(value, site_url)
    scheme = urlsplit(url).scheme.lower()
    return url if scheme in _WEB_SCHEMES else None


def feed_author(author: Author, site_url: str) -> FeedAuthor:
    return FeedAuthor(
        name=author.name,
        url=_link(author.url, site_url),
        email=author.email or None,
        avatar=_link(author.avatar, site_url),
    )


def build_item(
    entry: Entry, url: str, site_url: str, body_html: str | None, facts: str = ""
) -> FeedItem:
    """The item for `entry`, whose page is at absolute `url`, from its rendered body HTML;
    `facts` is its header card's facts as plain HTML (feeds/facts.py)."""
    return FeedItem(
        id=item_id(site_url, entry),
        url=url,
        title=entry.title,
        # The header card's facts first: the page shows them above the body, and a reader
        # of the incidents feed needs the severity and status as much as the story.
        content_html=facts + feed_html(body_html, url) if body_html else None,
        summary=entry.excerpt.strip() or None,
        authors=tuple(feed_author(a, site_url) for a in entry.authors),
        categories=tuple(Category(term=t.name, label=t.display) for t in entry.tags),
        published=entry.date,
        updated=entry.last_modified,
    )


def newest_update(items: Sequence[FeedItem]) -> datetime | None:
    """A feed's `updated`: its newest item's, never the build clock (so builds repeat); an
    empty feed has none, rather than a made-up date."""
    return max((item.updated for item in items), default=None)
