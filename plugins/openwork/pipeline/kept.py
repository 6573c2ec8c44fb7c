"""What a server keeps between rebuilds for the pipeline: each file's reading, each entry
page's rendering, the feed items known to write and the items made. A one-off build keeps
nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from openwork.feeds.kept_items import KeptItems
from openwork.pipeline.feed_boundary import FeedChecks
from openwork.pipeline.read_cache import ReadCache
from openwork.pipeline.recorded import RenderMemo

if TYPE_CHECKING:
    from openwork.pipeline.stages import EntryPage


@dataclass
class Kept:
    reads: ReadCache = field(default_factory=ReadCache)
    feed_checks: FeedChecks = field(default_factory=FeedChecks)
    feed_items: KeptItems = field(default_factory=KeptItems)
    entry_pages: RenderMemo[EntryPage] = field(default_factory=RenderMemo)

    def new_build(self) -> None:
        self.feed_checks.new_build()
        self.feed_items.new_build()
        self.entry_pages.new_build()
