"""Where each generated page lives in the docs tree (its URL follows from this)."""

from __future__ import annotations

from openwork.content.model import Entry
from openwork.slugs import slugify


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


def team(key: str) -> str:
    return f"teams/{slugify(key)}.md"


def teams() -> str:
    return "teams/index.md"


def author(key: str) -> str:
    return f"authors/{key}.md"


def authors() -> str:
    return "authors/index.md"


def tag(slug: str) -> str:
    return f"tags/{slug}.md"


def tags() -> str:
    return "tags/index.md"


def feeds() -> str:
    return "feeds.md"
