"""Tags as values: normalised for matching, spelt as their first writer spelt them."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from openwork.forked import quick_pickling
from openwork.slugs import slugify
from openwork.suggest import nearest

_SPACE = re.compile(r"\s+")
# `tags/index.md` is the tag index itself: a tag may not take its URL.
RESERVED_TAG_SLUGS = frozenset({"index"})


@lru_cache(maxsize=4096)  # the same few hundred tags in every file
def normalise(text: str) -> str:
    """Trimmed, case-folded, inner whitespace to '-': 'Open  Data' -> 'open-data'."""
    text = unicodedata.normalize("NFC", text).strip().casefold()
    return _SPACE.sub("-", text)


@lru_cache(maxsize=4096)
def tidy(text: str) -> str:
    """How a writer's spelling is shown: trimmed, inner whitespace as one space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).strip())


def base_slug(name: str) -> str:
    """The URL segment a tag asks for; two tags may ask for the same one (see assign_slugs)."""
    return slugify(name) or "tag"


@quick_pickling  # with the entries that hold them (openwork/forked.py)
@dataclass(frozen=True, slots=True)
class Tag:
    """A tag: `name` is the normalised key, `display` how it was written.

    Two tags are equal when their names are; `url_slug` is set by the index when the tag's
    own slug was taken by another tag (see `assign_slugs`)."""

    name: str
    display: str = field(compare=False)
    url_slug: str = field(default="", compare=False)

    @property
    def slug(self) -> str:
        return self.url_slug or base_slug(self.name)


@dataclass(frozen=True, slots=True)
class Aliases:
    """Alias -> canonical tag, both sides normalised; chains (a -> b -> c) are followed."""

    targets: Mapping[str, Tag] = field(default_factory=dict)

    @classmethod
    def of(cls, mapping: Mapping[str, str] | None) -> Aliases:
        raw = {normalise(k): v for k, v in (mapping or {}).items() if normalise(k)}
        targets: dict[str, Tag] = {}
        for key in raw:
            seen = {key}
            text = raw[key]
            # Follow k8s -> kube -> kubernetes; a cycle stops at the last new name.
            while normalise(text) in raw and normalise(text) not in seen:
                seen.add(normalise(text))
                text = raw[normalise(text)]
            if normalise(text) and normalise(text) != key:
                targets[key] = Tag(name=normalise(text), display=tidy(text))
        return cls(targets)

    def resolve(self, text: str) -> Tag:
        """The Tag for what a writer typed, following an alias to its canonical tag."""
        key = normalise(text)
        return self.targets.get(key) or Tag(name=key, display=tidy(text))


@dataclass(frozen=True, slots=True)
class AllowedTags:
    """An allow-list: normalised tag -> its description ('' when the file gives none)."""

    source: str  # the file, as named in mkdocs.yml, for messages
    descriptions: Mapping[str, str] = field(default_factory=dict)

    def __contains__(self, name: object) -> bool:
        return name in self.descriptions

    def suggest(self, name: str) -> str | None:
        """The allowed tag closest to `name`, when it looks like a typo of one."""
        return nearest(name, self.descriptions)


def assign_slugs(names: Iterable[str]) -> dict[str, str]:
    """A URL slug per tag name, unique among `names` and deterministic.

    'c++' and 'c' both slugify to 'c'. The tag whose name *is* the slug keeps it (else the
    first name in sorted order); the others get '-2', '-3', ... in sorted order, skipping any
    slug another tag asks for, so a suffixed URL never lands on a real tag's URL."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in sorted(set(names)):
        groups[base_slug(name)].append(name)
    taken = set(groups) | RESERVED_TAG_SLUGS
    slugs: dict[str, str] = {}
    for base in sorted(groups):
        members = sorted(groups[base], key=lambda n: (n != base, n))
        first = 0
        if base in RESERVED_TAG_SLUGS:
            first = -1  # nobody keeps a reserved slug
        for index, name in enumerate(members):
            if index == first:
                slugs[name] = base
                continue
            number = 2
            while f"{base}-{number}" in taken:
                number += 1
            slugs[name] = f"{base}-{number}"
            taken.add(slugs[name])
    return slugs


def sort_key(name: str) -> tuple[str, str]:
    """A–Z order that files 'écoles' under e, not after z."""
    decomposed = unicodedata.normalize("NFKD", name)
    return ("".join(c for c in decomposed if not unicodedata.combining(c)), name)
