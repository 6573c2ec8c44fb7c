"""Error boundaries: whatever goes wrong for one entry or one page becomes a `Problem`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from openwork.content.model import Entry
from openwork.problems import Problem, describe_exception

T = TypeVar("T")


def entry_problem(entry: Entry, stage: str, exc: BaseException) -> Problem:
    """`stage` is a verb: render, feed, chart, index."""
    return Problem(
        entry.path,
        1,
        "error",
        f"openwork could not {stage} this entry: {describe_exception(exc)}; "
        "it is left out of the site",
    )


def page_problem(src_uri: str, exc: BaseException) -> Problem:
    return Problem(
        src_uri,
        1,
        "error",
        f"openwork could not render the generated page {src_uri}: {describe_exception(exc)}; "
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
