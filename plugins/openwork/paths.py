"""Where each generated page lives in the docs tree (its URL follows from this).

Shared by the pages, the feeds and the adapters, so they can never disagree about a path."""

from __future__ import annotations

from functools import lru_cache

from openwork.content.model import Entry
from openwork.slugs import slugify

# The docs pages MkDocs takes as the home page: the first of these that docs/ holds.
HOME_PAGES = ("index.md", "README.md")


def entry(e: Entry) -> str:
    return e.src_uri


def collection(base: str, page: int = 1) -> str:
    return f"{base}/index.md" if page == 1 else f"{base}/page/{page}.md"


def year(base: str, number: int) -> str:
    return f"{base}/{number}.md"


def week(base: str, iso_week: str) -> str:
    return f"{base}/weeks/{iso_week.lower()}.md"


def weeks(base: str) -> str:
    return f"{base}/weeks/index.md"


# A folder's own page: a team, author or tag with one of these slugs would replace it.
_FOLDER_PAGES = frozenset({"index", "page"})


def segment(slug: str, kind: str) -> str:
    """`slug` as a file name under a listing folder, never its index page nor a hidden or
    empty name: a team 'index' gets 'index-team', whatever the read stage let through."""
    safe = slug.strip(".").strip("/")
    if not safe or safe in _FOLDER_PAGES:
        return f"{safe or 'unnamed'}-{kind}"
    return safe


@lru_cache(maxsize=4096)  # every listing links each entry's team: slug each name once
def team(key: str) -> str:
    return f"teams/{segment(slugify(key), 'team')}.md"


def teams() -> str:
    return "teams/index.md"


def author(key: str) -> str:
    return f"authors/{segment(key, 'author')}.md"


def authors() -> str:
    return "authors/index.md"


def tag(slug: str) -> str:
    return f"tags/{segment(slug, 'tag')}.md"


def tags() -> str:
    return "tags/index.md"


def feeds() -> str:
    return "feeds.md"
