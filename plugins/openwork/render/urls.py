"""Moved to `openwork.urls` (shared by pages and feeds); kept so older imports still work."""

from openwork.urls import PageUrls, relative_url, site_absolute

__all__ = ["PageUrls", "relative_url", "site_absolute"]
