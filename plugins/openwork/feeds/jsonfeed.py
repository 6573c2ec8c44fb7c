"""JSON Feed 1.1 (`feed.json`, https://jsonfeed.org/version/1.1), from typed models.

Pydantic models mirror the spec's objects; fields that are absent are left out rather than
written as null, and keys keep the spec's order (`version` first).
"""

from __future__ import annotations

import json
from collections.abc import MutableMapping
from dataclasses import replace
from datetime import datetime

from pydantic import BaseModel, ConfigDict, field_serializer

from openwork.feeds.model import Feed, FeedAuthor, FeedItem

VERSION = "https://jsonfeed.org/version/1.1"
MEDIA_TYPE = "application/feed+json"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class JsonAuthor(_Model):
    name: str | None = None
    url: str | None = None
    avatar: str | None = None


class JsonItem(_Model):
    id: str
    url: str | None = None
    title: str | None = None
    content_html: str | None = None
    content_text: str | None = None
    summary: str | None = None
    date_published: datetime | None = None
    date_modified: datetime | None = None
    authors: list[JsonAuthor] | None = None
    tags: list[str] | None = None
    language: str | None = None

    @field_serializer("date_published", "date_modified")
    def _rfc3339(self, value: datetime | None) -> str | None:
        return value.isoformat() if value is not None else None


class JsonFeed(_Model):
    version: str = VERSION
    title: str
    home_page_url: str | None = None
    feed_url: str | None = None
    description: str | None = None
    authors: list[JsonAuthor] | None = None
    language: str | None = None
    items: list[JsonItem]


def _author(author: FeedAuthor) -> JsonAuthor:
    return JsonAuthor(name=author.name, url=author.url, avatar=author.avatar)


def _item(item: FeedItem) -> JsonItem:
    return JsonItem(
        id=item.id,
        url=item.url,
        title=item.title,
        content_html=item.content_html,
        # One of content_html / content_text is required: an entry whose page was not
        # rendered by openwork (a docs/ file took its place) carries its summary as text.
        content_text=None if item.content_html else (item.summary or item.title),
        summary=item.summary,
        date_published=item.published,
        date_modified=item.updated,
        authors=[_author(a) for a in item.authors] or None,
        tags=[c.label for c in item.categories] or None,
    )


def json_feed(feed: Feed) -> JsonFeed:
    return JsonFeed(
        title=feed.title,
        home_page_url=feed.home_url,
        feed_url=feed.urls["json"],
        description=feed.description,
        authors=[JsonAuthor(name=feed.author)],
        language=feed.language,
        items=[_item(item) for item in feed.items],
    )


def _dumps(model: _Model, indent: str) -> str:
    data = model.model_dump(mode="json", exclude_none=True)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # '<' as \u003c (as entries.json does): the same strings, never markup if inlined in a page.
    return indent + text.replace("<", "\\u003c").replace("\n", "\n" + indent)


def json_item(item: FeedItem) -> str:
    """One item's JSON text, indented for its place in `items`."""
    return _dumps(_item(item), "    ")


def render_json(feed: Feed, cache: MutableMapping[str, bytes] | None = None) -> bytes:
    """The feed as JSON Feed, laid out as `json.dumps(..., indent=2)` would. Each item's
    text is made (and encoded) once per id in `cache` (pass one to every feed of a build)."""
    cache = {} if cache is None else cache
    items = []
    for item in feed.items:
        piece = cache.get(item.id)
        if piece is None:
            piece = cache[item.id] = json_item(item).encode("utf-8")
        items.append(piece)
    head = _dumps(json_feed(replace(feed, items=())), "")
    if not items:
        return (head + "\n").encode("utf-8")
    start = (head.removesuffix("[]\n}") + "[\n").encode("utf-8")
    return start + b",\n".join(items) + b"\n  ]\n}\n"
