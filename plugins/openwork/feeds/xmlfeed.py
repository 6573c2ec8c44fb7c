"""The feedgen `FeedGenerator` that RSS and Atom both start from, filled from a `Feed`.

feedgen stamps the build clock on a feed and on each entry unless told otherwise; every
time here comes from the content instead, so two builds of the same content give the same
bytes.
"""

from __future__ import annotations

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from openwork.feeds.model import Feed, FeedItem

GENERATOR = "openwork"


def new_generator(feed: Feed, self_url: str, self_type: str) -> FeedGenerator:
    """Feed-level metadata: title, description, self and alternate links, language, dates."""
    fg = FeedGenerator()
    fg.title(feed.title)
    fg.subtitle(feed.description)  # also RSS <description>
    fg.link(href=self_url, rel="self", type=self_type)
    fg.link(href=feed.home_url, rel="alternate", type="text/html")
    fg.language(feed.language)
    fg.updated(feed.updated)  # also RSS <lastBuildDate>, which would otherwise be "now"
    fg.generator(GENERATOR)
    return fg


def add_item(fg: FeedGenerator, item: FeedItem) -> FeedEntry:
    """One entry, appended (feedgen prepends by default) so the newest stays first."""
    fe = fg.add_entry(order="append")
    fe.id(item.id)  # also RSS <guid isPermaLink="false">
    fe.title(item.title)
    fe.link(href=item.url, rel="alternate", type="text/html")
    if item.summary:
        fe.summary(item.summary)  # Atom <summary>, RSS <description>
    if item.content_html:
        fe.content(item.content_html, type="html")  # Atom <content>, RSS <content:encoded>
    fe.published(item.published)  # also RSS <pubDate>
    fe.updated(item.updated)
    for category in item.categories:
        fe.category(term=category.term, label=category.label)
    return fe
