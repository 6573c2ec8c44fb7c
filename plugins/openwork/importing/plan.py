"""What importing each post means: its kind, the file it becomes, its front matter and body
rewritten for openwork, the assets it needs copied, and what a person must still look at."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from openwork.content.aliases import TITLE_FROM_HEADING, first_heading, map_aliases
from openwork.content.liquid import EMBEDS, clean_text, convert, names_a_page, reference_name
from openwork.importing.old_urls import normalise, old_urls, prefixes, site_settings
from openwork.importing.sources import Blog, Post, reference_keys
from openwork.options import Options
from openwork.slugs import slugify

LINKS = ("post_url", "link", "ref", "relref")
DROPPED = {"layout": "a template of the old site", "type": "Hugo's layout type"}
# ![alt](url "title"), [text](url), <img src="url">: the URL, to find the files a post uses.
_MD_URL = re.compile(r"(!?\[[^\]]*\]\()\s*<?([^)\s>]+)>?((?:\s+\"[^\"]*\")?\s*\))")
_IMG_SRC = re.compile(r"(<img\b[^>]*?\bsrc=[\"'])([^\"']+)([\"'])", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


@dataclass
class Planned:
    """One post's import: where it goes and what changed."""

    post: Post
    kind: str
    rel_out: str  # from the site root, e.g. weeknotes/2024/2024-01-05-notes.md
    slug: str
    data: dict[str, Any]
    body: str = ""
    assets: dict[Path, str] = field(default_factory=dict)  # source file -> rel path under docs
    changes: list[str] = field(default_factory=list)
    needs: list[tuple[int, str]] = field(default_factory=list)  # (line in the file, what)

    def front(self) -> str:
        return yaml.safe_dump(self.data, sort_keys=False, allow_unicode=True, width=1000)

    def text(self) -> str:
        return f"---\n{self.front()}---\n\n{self.body.rstrip()}\n"

    def body_line(self) -> int:
        """The line of the written file that holds the body's first line."""
        return self.front().count("\n") + 4


@dataclass(frozen=True)
class Settings:
    kind: str
    team: str | None
    into: str | None  # one folder for every post, instead of each kind's collection folder
    weeknotes_tag: str | None


def plan_import(blog: Blog, settings: Settings, options: Options) -> list[Planned]:
    """Every post's plan; links between posts point at the files the other posts become."""
    plans = [_plan_front(post, settings, options, blog.generator) for post in blog.posts]
    by_key: dict[str, Planned] = {}
    config = site_settings(blog)
    links = OldLinks(prefixes(config))
    for plan in plans:
        for key in reference_keys(plan.post, blog):
            by_key.setdefault(key, plan)
        for url in old_urls(plan.post, blog, config):
            links.by_url.setdefault(url, plan)
    for plan in plans:
        _plan_body(plan, blog, by_key, links, options)
    return plans


@dataclass
class OldLinks:
    """Links written as the old site's addresses, and the plans they now point at."""

    prefixes: list[str]
    by_url: dict[str, Planned] = field(default_factory=dict)

    def is_old_site(self, url: str) -> bool:
        """A full address on the old site ('https://blog.example.org/blog/about/')."""
        return any(url.startswith(p) for p in self.prefixes if ":" in p)

    def find(self, url: str) -> Planned | None:
        if _SCHEME.match(url) and not any(url.startswith(p) for p in self.prefixes if ":" in p):
            return None  # another site's page
        return self.by_url.get(normalise(url, self.prefixes))


def _plan_front(post: Post, settings: Settings, options: Options, generator: str) -> Planned:
    data = dict(post.data)
    if generator == "jekyll" and isinstance(data.get("tags"), str) and "," not in data["tags"]:
        data["tags"] = data["tags"].split()  # Jekyll: `tags: search forms` is two tags
    data, written, notes = map_aliases(data, post.name)
    kind = settings.kind
    if settings.weeknotes_tag and _has_tag(data.get("tags"), settings.weeknotes_tag):
        kind = "weeknote"
    changes = [f"{alias} -> {target}" for target, alias in written.items()]
    needs = [(1, n.message) for n in notes]
    for name, why in DROPPED.items():
        if name in data:
            del data[name]
            changes.append(f"{name} removed ({why})")
    if "date" not in post.data and "date" in data and not written.get("date"):
        changes.append(f"date {data['date']} from the file name")
    for name in ("title", "summary"):
        if isinstance(data.get(name), str) and clean_text(data[name]) != data[name]:
            data[name] = clean_text(data[name])
            changes.append(f"template code removed from {name}")
    if settings.team and not data.get("team"):
        data["team"] = settings.team
    if kind in TITLE_FROM_HEADING and not data.get("title"):
        heading = first_heading(post.body)
        if heading:
            data["title"] = heading[0]
            changes.append(f"title from the first heading: '{heading[0]}'")
    if kind == "weeknote" and not (data.get("authors") or data.get("team")):
        needs.append((1, "a weeknote needs authors or team: add one (or import with --team)"))
    if data.get("date") is None and kind != "weeknote":
        needs.append((1, "no date: add date: YYYY-MM-DD"))
    # --into is for the --kind posts; weeknotes picked by tag go to the weeknotes folder.
    into = settings.into if kind == settings.kind else None
    folder = into or options.collections[kind].folder
    year = _year(data.get("date"))
    stem = post.name
    rel_out = (
        posixpath.join(folder.strip("/"), year, f"{stem}.md") if year else f"{folder}/{stem}.md"
    )
    slug = slugify(str(data.get("slug") or stem))
    return Planned(post, kind, rel_out, slug, data, changes=changes, needs=needs)


def _has_tag(tags: Any, wanted: str) -> bool:
    values = [tags] if isinstance(tags, str) else tags if isinstance(tags, list) else []
    return any(str(v).strip().casefold() == wanted.strip().casefold() for v in values)


def _year(value: Any) -> str:
    text = str(value or "")
    return text[:4] if re.match(r"^\d{4}-", text) else ""


def _plan_body(
    plan: Planned, blog: Blog, by_key: dict[str, Planned], links: OldLinks, options: Options
) -> None:
    here = posixpath.dirname(plan.rel_out)

    def link_to(target: str) -> str | None:
        if not names_a_page(target):  # {% link assets/a.pdf %}: copied like any file
            return "/" + target.strip().strip("\"'").lstrip("/")
        clean = target.strip().strip("\"'").split("#")[0].strip("/").lower()
        anchor = "#" + target.split("#", 1)[1].strip("\"'") if "#" in target else ""
        for key in (clean, posixpath.splitext(clean)[0], reference_name(clean).lower()):
            other = by_key.get(key)
            if other is not None:
                return posixpath.relpath(other.rel_out, here) + anchor
        return None

    body, changes = convert(plan.post.body, link_to)
    counts: dict[str, int] = {}
    for change in changes:
        if change.needs_person:
            linked = _label(change.found).startswith(LINKS)
            what = "names a post that was not imported" if linked else "has no Markdown equivalent"
            line = plan.body_line() + change.line
            plan.needs.append((line, f"{change.found} {what}: it was removed"))
        else:
            label = _label(change.found)
            counts[label] = counts.get(label, 0) + 1
    plan.changes.extend(f"{label} x{n}" if n > 1 else label for label, n in counts.items())
    plan.body = _copy_assets(body, plan, blog, links, options)


def _label(found: str) -> str:
    for word in ("post_url", "link", "relref", "ref", "figure", "highlight", "raw", *EMBEDS):
        if re.search(rf"[{{%<\s]{word}\b", found):
            return f"{word} converted"
    if "site." in found or "relative_url" in found or "absolute_url" in found:
        return "site URL removed"
    return "kramdown attributes removed" if found.startswith("{:") else "template code removed"


def _copy_assets(body: str, plan: Planned, blog: Blog, links: OldLinks, options: Options) -> str:
    url_base = options.collections[plan.kind].url if plan.kind in options.collections else ""
    copied = relinked = 0

    def rewrite(match: re.Match[str]) -> str:
        nonlocal copied, relinked
        url = match.group(2)
        path = url.split("#")[0].split("?")[0]
        other = links.find(url) if not match.group(1).startswith("!") else None
        if other is not None:
            relinked += 1
            anchor = "#" + url.split("#", 1)[1] if "#" in url else ""
            target = posixpath.relpath(other.rel_out, posixpath.dirname(plan.rel_out))
            return f"{match.group(1)}{target}{anchor}{match.group(3)}"
        line = plan.body_line() + body.count("\n", 0, match.start())
        if links.is_old_site(url):
            plan.needs.append((line, f"{url} is a page of the old site, not an imported post"))
            return match.group(0)
        if (
            not path
            or _SCHEME.match(url)
            or path.endswith((".md", ".markdown"))
            or url.startswith("//")
        ):
            return match.group(0)
        if path.startswith("/"):
            found = blog.site_root / path.lstrip("/")
        else:
            found = plan.post.path.parent / path
        inside = found.resolve().is_relative_to(blog.top)  # '../../etc/passwd' stays put
        if not inside or not found.is_file():
            if _looks_like_file(path):
                plan.needs.append((line, f"{url} was not found in the old site: not copied"))
            elif path.startswith("/"):
                plan.needs.append((line, f"{url} is a page of the old site, not an imported post"))
            return match.group(0)
        name = PurePosixPath(path).name
        plan.assets[found] = posixpath.join(url_base, plan.slug, name)
        copied += 1
        # Written as the built page sees it: the entry's page is <collection>/<slug>.md.
        return f"{match.group(1)}{plan.slug}/{name}{match.group(3)}"

    body = _MD_URL.sub(rewrite, body)
    body = _IMG_SRC.sub(rewrite, body)
    if relinked:
        plan.changes.append(f"{relinked} link{'s' if relinked != 1 else ''} to old addresses")
    if copied:
        plan.changes.append(f"{copied} file{'s' if copied != 1 else ''} copied beside it")
    return body


def _looks_like_file(path: str) -> bool:
    return bool(re.search(r"\.[a-z0-9]{2,5}$", path, re.IGNORECASE))
