"""Error boundaries: whatever goes wrong for one entry or one page becomes a `Problem`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from openwork.content.model import Entry
from openwork.problems import Problem

T = TypeVar("T")
_LIMIT = 300  # characters of an exception's text: enough to act on, never a wall


def describe(exc: BaseException) -> str:
    """'ValueError: bad value' on one line, control characters shown escaped."""
    text = " ".join(str(exc).split())
    if len(text) > _LIMIT:
        text = text[: _LIMIT - 1] + "…"
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def entry_problem(entry: Entry, stage: str, exc: BaseException) -> Problem:
    """`stage` is a verb: render, feed, chart, index."""
    return Problem(
        entry.path,
        1,
        "error",
        f"openwork could not {stage} this entry: {describe(exc)}; it is left out of the site",
    )


def page_problem(src_uri: str, exc: BaseException) -> Problem:
    return Problem(
        src_uri,
        1,
        "error",
        f"openwork could not render the generated page {src_uri}: {describe(exc)}; "
        "the page is left out",
    )


def isolate(items: Sequence[T], attempt: Callable[[Sequence[T]], object]) -> dict[int, Exception]:
    """Try `attempt` on all `items` at once; when it raises, halve until each item that fails
    on its own is found. Returns {index in items: its exception}. One call when all is well,
    so the boundary costs nothing on a healthy site."""
    failed: dict[int, Exception] = {}

    def probe(start: int, stop: int) -> None:
        if start >= stop:
            return
        try:
            attempt(items[start:stop])
        except Exception as exc:
            if stop - start == 1:
                failed[start] = exc
                return
            middle = (start + stop) // 2
            probe(start, middle)
            probe(middle, stop)

    probe(0, len(items))
    return failed
