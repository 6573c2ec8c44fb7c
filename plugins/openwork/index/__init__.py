"""The index stage: one pass over the entries into the `Site` every page and feed reads."""

from openwork.index.site import OpenAction, Site, build_site

__all__ = ["OpenAction", "Site", "build_site"]
