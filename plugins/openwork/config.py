"""The MkDocs-facing option schema; values are validated again into `Options` (options.py)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from openwork.options import Options

_D = Options()


class OpenworkConfig(base.Config):
    """`plugins: - openwork: {...}` in mkdocs.yml. Defaults live in `Options`, once."""

    enabled = c.Type(bool, default=_D.enabled)
    timezone = c.Type(str, default=_D.timezone)
    severities = c.Type(list, default=list(_D.severities))
    pagination = c.Type(int, default=_D.pagination)
    include_private = c.Type(bool, default=_D.include_private)
    authors_file = c.Type(str, default=_D.authors_file)
    teams_file = c.Type(str, default=_D.teams_file)
    collections = c.Type(dict, default={})
    tags = c.Type(dict, default={})
    feeds = c.Type(dict, default={})
    blameless = c.Type(dict, default={})
