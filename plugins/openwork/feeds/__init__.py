"""Feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1), OPML and autodiscovery links. No MkDocs here."""

from openwork.feeds.catalog import FeedCatalog, FeedScope, FeedSettings, build_catalog
from openwork.feeds.head import add_to_head, head_links
from openwork.feeds.publish import feed_files

__all__ = [
    "FeedCatalog",
    "FeedScope",
    "FeedSettings",
    "add_to_head",
    "build_catalog",
    "feed_files",
    "head_links",
]
