"""A theme's `_macros.html` completed with the package's macros it does not define: an
override need hold only the macros it changes, and one copied from an earlier openwork keeps
working when a later one adds a macro the shipped templates call."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, Environment

MACROS = "_macros.html"
PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_DEFINED = re.compile(r"{%-?\s*macro\s+(\w+)\s*\(")
_BLOCK = re.compile(r"{%-?\s*macro\s+(\w+)\s*\(.*?{%-?\s*endmacro\s*-?%}", re.S)


def is_package_template(filename: str | None) -> bool:
    """True when a loaded template's file is one of openwork's own, not a theme's."""
    return Path(filename or "").resolve().parent == PACKAGE_TEMPLATES


def missing_macros(override: str, package: str) -> str:
    """The package's macro blocks whose names `override` does not define, in order."""
    defined = set(_DEFINED.findall(override))
    return "\n".join(
        m.group(0) + "\n" for m in _BLOCK.finditer(package) if m.group(1) not in defined
    )


class CompletingLoader(BaseLoader):
    """`inner` (the theme's folders, then the package's), except that an override of
    `_macros.html` is followed by the package's macros it lacks."""

    def __init__(self, inner: BaseLoader, package: BaseLoader) -> None:
        self.inner, self.package = inner, package

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        if template != MACROS or is_package_template(filename):
            return source, filename, uptodate
        own = self.package.get_source(environment, template)[0]
        extra = missing_macros(source, own)
        return (source.rstrip("\n") + "\n" + extra if extra else source), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()

    def __getattr__(self, name: str) -> Any:  # anything else a caller asks of a loader
        return getattr(self.inner, name)
