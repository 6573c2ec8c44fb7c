"""The addresses posts had on the old site, so a link written as a URL (`/2022/11/18/notes/`)
can point at the file the post becomes, as `post_url` links do."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any

import yaml

from openwork.importing.sources import Blog, Post

# Jekyll's named permalink styles (https://jekyllrb.com/docs/permalinks/).
STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_JEKYLL_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")


CONFIG_FILES = ("_config.yml", "hugo.toml", "config.toml", "hugo.yaml", "config.yaml")


def site_settings(blog: Blog) -> dict[str, Any]:
    """The old site's configuration (Jekyll's _config.yml, Hugo's hugo.toml), or nothing."""
    for name in CONFIG_FILES:
        config = blog.top / name
        if not config.is_file():
            continue
        try:
            text = config.read_text(encoding="utf-8")
            data = tomllib.loads(text) if name.endswith(".toml") else yaml.safe_load(text)
        except (OSError, UnicodeDecodeError, yaml.YAMLError, tomllib.TOMLDecodeError):
            return {}
        if not isinstance(data, dict):
            return {}
        if "baseURL" in data:  # Hugo: one setting for both
            data.setdefault("url", data["baseURL"])
        return data
    return {}


def normalise(url: str, prefixes: Iterable[str] = ()) -> str:
    """'/blog/2022/11/18/notes.html' -> '2022/11/18/notes' (site address and base removed)."""
    path = url.split("#")[0].split("?")[0].strip()
    for prefix in prefixes:
        prefix = prefix.rstrip("/")
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            path = path[len(prefix) :]
            break
    path = path.strip("/").lower()
    for ending in ("/index.html", "index.html", ".html", ".htm"):
        if path.endswith(ending):
            path = path[: -len(ending)]
            break
    return path.strip("/")


def old_urls(post: Post, blog: Blog, settings: dict[str, Any]) -> set[str]:
    """Every address the post is likely to have had, normalised."""
    urls = set()
    for field in ("permalink", "url"):
        if isinstance(post.data.get(field), str):
            urls.add(normalise(post.data[field]))
    aliases = post.data.get("aliases")
    for alias in aliases if isinstance(aliases, list) else []:
        urls.add(normalise(str(alias)))
    if blog.generator == "jekyll":
        pattern = str(settings.get("permalink") or "date")
        url = _jekyll_url(post, STYLES.get(pattern, pattern))
    else:
        url = _hugo_url(post, settings)
    if url:
        urls.add(normalise(url))
    urls.discard("")
    return urls


def _hugo_url(post: Post, settings: dict[str, Any]) -> str:
    section = PurePosixPath(post.rel).parts[0] if "/" in post.rel else ""
    slug = str(post.data.get("slug") or post.name)
    permalinks = settings.get("permalinks")
    pattern = permalinks.get(section) if isinstance(permalinks, dict) else None
    if not isinstance(pattern, str):
        return f"{section}/{slug}" if section else slug
    when = post.data.get("date")
    day = when if isinstance(when, date) else None  # a datetime is a date too
    title = re.sub(r"[^\w]+", "-", str(post.data.get("title") or post.name).lower()).strip("-")
    tokens = {
        ":year": f"{day.year:04d}" if day else "",
        ":month": f"{day.month:02d}" if day else "",
        ":day": f"{day.day:02d}" if day else "",
        ":section": section,
        ":title": title,
        ":slug": str(post.data.get("slug") or title),
        ":filename": post.name,
        ":contentbasename": post.name,
    }
    for token in sorted(tokens, key=len, reverse=True):
        pattern = pattern.replace(token, tokens[token])
    return re.sub(r"/{2,}", "/", pattern)


def _jekyll_url(post: Post, pattern: str) -> str | None:
    match = _JEKYLL_NAME.match(post.path.stem)
    if not match:
        return None
    year, month, day, title = match.groups()
    when = post.data.get("date")
    if isinstance(when, datetime | date):
        year, month, day = f"{when.year:04d}", f"{when.month:02d}", f"{when.day:02d}"
    categories = post.data.get("categories") or post.data.get("category") or []
    if isinstance(categories, str):
        categories = categories.split()
    # Jekyll also counts the folders above _posts/ as categories.
    folders = [
        p for p in PurePosixPath(post.rel).parent.parts if p not in {".", "_posts", "_drafts"}
    ]
    tokens = {
        ":categories": "/".join(str(c).lower().replace(" ", "-") for c in [*folders, *categories]),
        ":year": year,
        ":month": month,
        ":i_month": str(int(month)),
        ":day": day,
        ":i_day": str(int(day)),
        ":short_year": year[2:],
        ":y_day": f"{date(int(year), int(month), int(day)).timetuple().tm_yday:03d}",
        ":title": str(post.data.get("slug") or title),
        ":slug": str(post.data.get("slug") or title),
        ":output_ext": ".html",
    }
    url = pattern
    for token in sorted(tokens, key=len, reverse=True):
        url = url.replace(token, tokens[token])
    return re.sub(r"/{2,}", "/", url)


def prefixes(settings: dict[str, Any]) -> list[str]:
    """What to cut from the front of a link: the site's address and base path."""
    url = str(settings.get("url") or "").rstrip("/")
    base = str(settings.get("baseurl") or "").rstrip("/")
    found = [p for p in (f"{url}{base}" if url else "", url, base) if p]
    return sorted(set(found), key=len, reverse=True)
