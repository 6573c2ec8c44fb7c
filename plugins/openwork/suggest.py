"""Did-you-mean suggestions for misspelt fields, values and tags."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(word: str, choices: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The closest choice to `word`, or None when nothing is close enough to be a typo."""
    lowered = {c.lower(): c for c in choices}
    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=cutoff)
    return lowered[match[0]] if match else None
