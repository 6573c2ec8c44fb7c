"""What a reader needs beside the facts: a week's dates in words, a reading time, and search
text whose words do not run together where table cells and card facts meet."""

from __future__ import annotations

import re
import string
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

WORDS_PER_MINUTE = 200  # a common figure for reading on screen
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
# Between a closing block or cell tag and the next tag: where the search index (text with tags
# removed) would otherwise glue two cells' words together ("OwnerDue"). A space there does not
# render.
_BLOCK_SEAM = re.compile(
    r"(</(?:td|th|tr|dt|dd|li|div|p|caption|figcaption|section|h[1-6])>)(?=<)", re.IGNORECASE
)


def week_span(iso_week: str) -> tuple[date, date]:
    """Monday and Sunday of an ISO week written `2026-W46`."""
    year, week = iso_week.upper().split("-W")
    monday = date.fromisocalendar(int(year), int(week), 1)
    return monday, monday + timedelta(days=6)


def _week_words(iso_week: str, *, long: bool) -> str:
    """A week's first and last day, naming the month or year of Monday only where it changes."""
    monday, sunday = week_span(iso_week)
    month = "%B" if long else "%b"
    first = ("Monday " if long else "") + str(monday.day)
    last = ("Sunday " if long else "") + f"{sunday.day} {sunday:{month}} {sunday.year}"
    if monday.month != sunday.month or monday.year != sunday.year:
        first += f" {monday:{month}}"
        if monday.year != sunday.year:
            first += f" {monday.year}"
        return first + (" to " if long else " – ") + last
    return first + (" to " if long else "–") + last


def week_dates(iso_week: str) -> str:
    """'Monday 9 to Sunday 15 November 2026', for a week's own page."""
    return _week_words(iso_week, long=True)


def week_range(iso_week: str) -> str:
    """'9–15 Nov 2026', '26 Oct – 1 Nov 2026': the short form for lists."""
    return _week_words(iso_week, long=False)


def reading_minutes(markdown: str) -> int:
    """Minutes to read a body at WORDS_PER_MINUTE, at least 1; link targets and tags not counted."""
    text = _TAG.sub(" ", _LINK_TARGET.sub("]", _COMMENT.sub(" ", markdown)))
    return max(1, round(word_count(text) / WORDS_PER_MINUTE))


# Counting words as `_WORD` finds them, without a regex: each character becomes one of three
# classes (a: letter or digit, -: a joiner that may sit inside a word, space: anything else),
# and a word starts at every `a` not joined to the letters before it. A quarter of the time of
# `_WORD.findall` on an entry's body (tested against it on any text).
_ALNUM = frozenset((string.ascii_letters + string.digits).encode())
_CLASSES = bytes(
    ord("a") if b in _ALNUM else ord("-") if b in b"'-" else ord(" ") for b in range(256)
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def _char_class(char: str) -> str:
    return "a" if char.isalnum() else "-" if char == "’" else " "


def word_count(text: str) -> int:
    """How many words `_WORD` finds in `text`."""
    if not text.isascii():
        text = _NON_ASCII.sub(lambda m: _char_class(m.group()), text)
    classes = b" " + text.encode("ascii").translate(_CLASSES)
    return classes.count(b" a") + classes.count(b" -a") + classes.count(b"--a")


def spaced(html: str) -> str:
    """`html` with a space at each block seam, so search text reads as separate words."""
    return _BLOCK_SEAM.sub(r"\1 ", html)


def reader_filters() -> dict[str, Any]:
    return {
        "week_dates": week_dates,
        "week_range": week_range,
        "reading_minutes": reading_minutes,
    }
