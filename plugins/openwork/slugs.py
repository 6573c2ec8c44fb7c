"""URL segments: lower case, words joined by '-', Unicode letters kept."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def slugify(text: str) -> str:
    """'Data Science' -> 'data-science'; 'Ünïcode tag' -> 'ünïcode-tag'."""
    text = unicodedata.normalize("NFC", text).casefold()
    return _NON_WORD.sub("-", text.replace("_", "-")).strip("-")
