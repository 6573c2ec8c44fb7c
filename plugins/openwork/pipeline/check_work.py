"""The pipeline's per-entry and per-page work, tried the same way in a build and in a check;
a check (`jobs` given) keeps nothing it renders, only what failed, and shares the work among
forked processes when the site is large enough to gain from it (openwork/forked.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from openwork.content.model import Entry
from openwork.feeds.catalog import FeedCatalog
from openwork.forked import in_chunks
from openwork.index.site import Site
from openwork.paths import HOME_PAGES
from openwork.pipeline.boundary import entry_problem, isolate, page_problem
from openwork.pipeline.feed_boundary import feed_documents
from openwork.problems import Problem
from openwork.render.pages import GeneratedPage, PlannedPage, dashboard_markdown
from openwork.render.renderer import Renderer

T = TypeVar("T")
MIN_SHARE = 250  # entries or pages per process below which a fork costs more than it saves
CHUNK = 25  # entries a process renders between asking for more


def shares_for(jobs: int | None, items: int) -> int:
    """How many processes share `items` pieces of work: one in a build (`jobs` None)."""
    if jobs is None:
        return 1
    return max(1, min(jobs, items // MIN_SHARE))


Stage = tuple[Sequence[Any], Callable[[Sequence[Any]], dict[str, Problem]]]


def failures_together(
    stages: Sequence[Stage], jobs: int | None, meanwhile: Callable[[], object]
) -> list[dict[str, Problem]]:
    """Each stage's failures (its `attempt` over its items), and `meanwhile` done as well.

    In a build, one stage after the other, then `meanwhile`. In a check, the chunks of every
    stage wait in one queue, so that no process waits for the others between stages, and
    this process does `meanwhile` (work the stages do not need) while the others start."""
    count = shares_for(jobs, max((len(items) for items, _ in stages), default=0))
    if count == 1:
        found = [attempt(items) if items else {} for items, attempt in stages]
        meanwhile()
        return found
    work = [
        (number, items[i : i + CHUNK])
        for number, (items, _) in enumerate(stages)
        for i in range(0, len(items), CHUNK)
    ]

    def attempt(part: Sequence[tuple[int, Sequence[Any]]]) -> list[tuple[int, dict]]:
        return [(number, stages[number][1](chunk)) for number, chunk in part]

    found = [{} for _ in stages]
    for part in in_chunks(work, attempt, count, 1, first=meanwhile):
        for number, failed in part:
            found[number].update(failed)
    return found


def try_each(
    attempt: Callable[[Sequence[Entry]], object], stage: str
) -> Callable[[Sequence[Entry]], dict[str, Problem]]:
    """`attempt` made an attempt on a share: each entry that fails on its own, as a problem."""

    def on(share_: Sequence[Entry]) -> dict[str, Problem]:
        return {
            share_[i].id: entry_problem(share_[i], stage, exc)
            for i, exc in isolate(share_, attempt).items()
        }

    return on


def render_pages(
    planned: Sequence[PlannedPage], jobs: int | None, also: Callable[[], list[Problem]]
) -> tuple[list[GeneratedPage], list[Problem]]:
    """Each listing page in its own boundary, in plan order, then `also` (the data files,
    which report their own problems); a check keeps no page's text."""
    keep = jobs is None
    count = shares_for(jobs, len(planned))

    def render(part: Sequence[PlannedPage | None]) -> tuple[list[GeneratedPage], list[Problem]]:
        pages: list[GeneratedPage] = []
        problems: list[Problem] = []
        for page in part:
            if page is None:  # the data files
                problems.extend(also())
                continue
            try:
                markdown = page.render()
            except Exception as exc:
                problems.append(page_problem(page.src_uri, exc))
                continue
            pages.append(GeneratedPage(page.src_uri, markdown if keep else "", page.in_nav))
        return pages, problems

    # The data files first, the largest piece of work, so that pages even out the shares.
    work: list[PlannedPage | None] = [None, *planned] if count > 1 else [*planned, None]
    parts = in_chunks(work, render, count, 1 if count > 1 else len(work))
    pages = [page for part, _ in parts for page in part]
    return pages, [problem for _, part in parts for problem in part]


def after_the_pages(
    site: Site, renderer: Renderer, catalog: FeedCatalog | None, docs_pages: frozenset[str]
) -> list[Problem]:
    """What the engine adds once the pipeline's pages are made, made as a build makes it, for
    a check: the home page's dashboard block, and every feed and the OPML (with each entry's
    Markdown as its body, where the build has the HTML)."""
    found: list[Problem] = []
    home = next((p for p in HOME_PAGES if p in docs_pages), None)
    if home is not None:
        try:
            dashboard_markdown(site, renderer, home, catalog)
        except Exception as exc:
            found.append(page_problem(home, exc))
    if catalog is not None:
        found += feed_documents(catalog, {e.id: e.body for e in site.entries})[1]
    return found
