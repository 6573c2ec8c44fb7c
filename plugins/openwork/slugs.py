"""URL segments: lower case, words joined by '-', Unicode letters kept."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
MAX_SLUG_BYTES = 200  # file systems refuse names over 255 bytes; '.md', '.xml' and '-2' fit


def slugify(text: str) -> str:
    """'Data Science' -> 'data-science'; 'Ünïcode tag' -> 'ünïcode-tag'.

    A slug longer than MAX_SLUG_BYTES in UTF-8 is cut, and ends with a short hash of the
    whole text so two long names that start alike stay two URLs (see `too_long`).
    """
    slug = _whole_slug(text)
    if len(slug.encode()) <= MAX_SLUG_BYTES:
        return slug
    digest = hashlib.sha1(slug.encode()).hexdigest()[:8]
    cut = slug.encode()[: MAX_SLUG_BYTES - 9].decode(errors="ignore").rstrip("-")
    return f"{cut}-{digest}"


def too_long(text: str) -> bool:
    """Whether `slugify(text)` had to cut the name to make a URL of it."""
    return len(_whole_slug(text).encode()) > MAX_SLUG_BYTES


# A site writes the same few hundred team, author and tag names in every file.
@lru_cache(maxsize=4096)
def _whole_slug(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    return _NON_WORD.sub("-", text.replace("_", "-")).strip("-")


def team_display(team: str) -> str:
    """'data-science' -> 'Data science'; a name written with capitals is kept as written."""
    if team != team.lower():
        return team.strip()
    words = team.replace("-", " ").replace("_", " ").split()
    text = " ".join(words)
    return text[:1].upper() + text[1:]
