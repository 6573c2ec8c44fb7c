"""Moved to `openwork.paths` (shared by pages and feeds); kept so older imports still work."""

from openwork.paths import *  # noqa: F403
from openwork.paths import segment  # noqa: F401
