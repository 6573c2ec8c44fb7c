"""Problems found in content: one shape for the build log and for `openwork check`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]

# Control characters, line and paragraph separators and bidirectional overrides: a value
# quoted in a message could otherwise start a new log line, colour a terminal or reorder text.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_controls(text: str) -> str:
    """'a\\nb' for 'a' newline 'b': every unsafe character shown as a Python escape."""
    return _UNSAFE.sub(
        lambda m: _NAMED.get(m.group(), m.group().encode("unicode_escape").decode()), text
    )


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with one file, at one line (1 for a file-level problem)."""

    path: str
    line: int
    level: Level
    message: str

    def __post_init__(self) -> None:
        # Once, where every problem is made: the log, `openwork check` and JSON all show it.
        object.__setattr__(self, "path", escape_controls(self.path))
        object.__setattr__(self, "message", escape_controls(self.message))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Order by file, then line, so output reads top to bottom."""
    return sorted(problems, key=lambda p: (p.path, p.line, p.level, p.message))


_EXCEPTION_TEXT = 300  # characters of an exception's text: enough to act on, never a wall


def describe_exception(exc: BaseException) -> str:
    """'ValueError: bad value' on one line, control characters shown escaped: how every
    stage's error boundary names what went wrong."""
    text = " ".join(str(exc).split())
    if len(text) > _EXCEPTION_TEXT:
        text = text[: _EXCEPTION_TEXT - 1] + "…"
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
