"""URL segments: lower case, words joined by '-', Unicode letters kept."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def slugify(text: str) -> str:
    """'Data Science' -> 'data-science'; 'Ünïcode tag' -> 'ünïcode-tag'."""
    text = unicodedata.normalize("NFC", text).casefold()
    return _NON_WORD.sub("-", text.replace("_", "-")).strip("-")


def team_display(team: str) -> str:
    """'data-science' -> 'Data science'; a name written with capitals is kept as written."""
    if team != team.lower():
        return team.strip()
    words = team.replace("-", " ").replace("_", " ").split()
    text = " ".join(words)
    return text[:1].upper() + text[1:]
