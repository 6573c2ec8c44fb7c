"""The generated /feeds/ page, which lists every feed for people and readers."""

from __future__ import annotations

from openwork.feeds.catalog import FeedCatalog
from openwork.render import paths
from openwork.render.pages import GeneratedPage
from openwork.render.renderer import Renderer


def feeds_page(catalog: FeedCatalog, renderer: Renderer) -> GeneratedPage:
    src = paths.feeds()
    return GeneratedPage(src, renderer.render("feeds.md", src, feeds=catalog), in_nav=True)
