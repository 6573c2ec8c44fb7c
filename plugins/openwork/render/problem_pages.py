"""Serve's error pages: a rejected entry's problems shown at the URL the entry would have."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from openwork import paths
from openwork.content.rejected import Rejected
from openwork.render.pages import GeneratedPage
from openwork.render.renderer import Renderer


def problem_pages(rejected: Iterable[Rejected], renderer: Renderer) -> Iterator[GeneratedPage]:
    """One page per rejected file. Only `mkdocs serve` asks for these: a public build must
    leave the entry out, with nothing at its address."""
    for item in rejected:
        markdown = renderer.render("problem_page.md", item.src_uri, rejected=item, paths=paths)
        yield GeneratedPage(item.src_uri, markdown)
