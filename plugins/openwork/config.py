"""The MkDocs-facing option schema, derived from `Options` (options.py): one description of
the options, which MkDocs type-checks shallowly and pydantic validates in full."""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from pydantic import BaseModel

from openwork.options import Options

_DEFAULTS = Options()


def _option(name: str) -> c.BaseConfigOption[Any]:
    """One top-level option: its Python type and default from `Options`. Groups (`tags`,
    `feeds`, ...) pass through as mappings; `load_options` checks what is inside them."""
    default = getattr(_DEFAULTS, name)
    if isinstance(default, BaseModel | dict):
        return c.Type(dict, default={})
    if isinstance(default, list):
        return c.Type(list, default=list(default))
    if default is None:
        return c.Optional(c.Type(str))
    return c.Type(type(default), default=default)


# `plugins: - openwork: {...}` in mkdocs.yml, one MkDocs option per `Options` field, in order.
OpenworkConfig: type[base.Config] = type(
    "OpenworkConfig",
    (base.Config,),
    {
        "__doc__": "`plugins: - openwork: {...}` in mkdocs.yml; defaults live in `Options`.",
        "__module__": __name__,
        **{name: _option(name) for name in Options.model_fields},
    },
)
