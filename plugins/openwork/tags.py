"""Tags as values: normalised for matching, spelt as their first writer spelt them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from openwork.slugs import slugify

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Trimmed, case-folded, inner whitespace to '-': 'Open  Data' -> 'open-data'."""
    text = unicodedata.normalize("NFC", text).strip().casefold()
    return _SPACE.sub("-", text)


@dataclass(frozen=True, slots=True)
class Tag:
    """A tag: `name` is the normalised key, `display` how it was written."""

    name: str
    display: str = field(compare=False)

    @property
    def slug(self) -> str:
        return slugify(self.name) or "tag"


def make_tag(text: str, aliases: Mapping[str, str] | None = None) -> Tag:
    """The Tag for what a writer typed, following an alias to its canonical tag."""
    key = normalise(text)
    if aliases:
        target = _normalised_aliases(aliases).get(key)
        if target is not None:
            return Tag(name=normalise(target), display=target.strip())
    return Tag(name=key, display=_SPACE.sub(" ", text.strip()))


def _normalised_aliases(aliases: Mapping[str, str]) -> dict[str, str]:
    return {normalise(k): v for k, v in aliases.items()}
