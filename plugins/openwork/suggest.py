"""Did-you-mean suggestions for misspelt fields, values and tags."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(word: str, choices: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The closest choice to `word`, or None when nothing is close enough to be a typo."""
    lowered = {c.lower(): c for c in choices}
    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=cutoff)
    return lowered[match[0]] if match else None


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.75) -> str:
    """' (did you mean 'x'?)' or '': ready to append to a message."""
    match = nearest(word, choices, cutoff)
    return f" (did you mean '{match}'?)" if match and match != word else ""
