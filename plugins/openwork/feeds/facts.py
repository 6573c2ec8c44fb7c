"""The facts of an entry's header card, as plain HTML for feed readers.

On the site an incident's severity, status, impact and durations, and an experiment's status,
outcome and hypothesis, are in the header card above the body. A feed item carries only the
body, so without these a reader following the incidents feed would not know how bad an
incident was or whether it is over. The markup and wording live in `templates/_facts.html`,
rendered through the one `Renderer` (a theme may override it like any other template).
"""

from __future__ import annotations

from openwork.content.model import Entry
from openwork.render.renderer import Renderer
from openwork.urls import PageUrls


def facts_html(entry: Entry, renderer: Renderer | None = None) -> str:
    """HTML to put before the body in a feed item, or '' for an entry with no card facts."""
    renderer = renderer or Renderer(PageUrls())
    return renderer.render("feed_facts.html", entry.src_uri, entry=entry)
