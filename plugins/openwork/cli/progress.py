"""A one-line file counter on a terminal, for checks that take longer than a moment."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TextIO

SPINNER = "|/-\\"


class Progress:
    """Counts files as they are read; draws only on a terminal, only after `delay` seconds.

    Drawing happens in the caller's thread, at most every `interval` seconds, so a check of a
    few files prints nothing extra and output redirected to a file or a CI log stays clean.
    """

    def __init__(
        self,
        stream: TextIO,
        label: str = "Checking",
        delay: float = 0.5,
        interval: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.label = label
        self.delay = delay
        self.interval = interval
        self.clock = clock
        self.count = 0
        self.start = clock()
        self.last_draw: float | None = None
        self.enabled = _is_terminal(stream)

    def __call__(self, path: str) -> None:
        self.count += 1
        if not self.enabled:
            return
        now = self.clock()
        if now - self.start < self.delay:
            return
        if self.last_draw is not None and now - self.last_draw < self.interval:
            return
        self.last_draw = now
        turn = SPINNER[int(now / self.interval) % len(SPINNER)]
        self.stream.write(f"\r{turn} {self.label}: {self.count:,} files read")
        self.stream.flush()

    def finish(self) -> None:
        """Wipe the counter line, so the report starts on a clean line."""
        if self.enabled and self.last_draw is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
