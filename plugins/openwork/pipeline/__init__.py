"""The pipeline every engine adapter calls: `run(root, options, settings, mode)`. No MkDocs."""

from openwork.pipeline.feed_boundary import FeedChecks, feed_documents, write_feed_files
from openwork.pipeline.kept import Kept
from openwork.pipeline.read_cache import ReadCache
from openwork.pipeline.stages import (
    BuildResult,
    EntryPage,
    Mode,
    SiteSettings,
    run,
    shown_entries,
    watched_paths,
)

__all__ = [
    "BuildResult",
    "EntryPage",
    "FeedChecks",
    "Kept",
    "Mode",
    "ReadCache",
    "SiteSettings",
    "feed_documents",
    "run",
    "shown_entries",
    "watched_paths",
    "write_feed_files",
]
