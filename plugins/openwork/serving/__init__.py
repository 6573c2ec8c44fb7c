"""Fast rebuilds under `mkdocs serve`: caches kept on the plugin instance between rebuilds,
and what a `--dirty` rebuild needs to write exactly what a clean build would."""

from openwork.serving.rebuilds import Rebuilds

__all__ = ["Rebuilds"]
