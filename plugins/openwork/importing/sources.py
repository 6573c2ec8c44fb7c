"""Finding and reading another generator's posts: Jekyll's `_posts/`, Hugo's `content/`."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

GENERATORS = ("jekyll", "hugo")
SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}


class SourceError(Exception):
    """SOURCE is not a folder of posts this generator writes; the message says what to give."""


@dataclass
class Post:
    """One post as written for the other generator."""

    path: Path  # the file
    rel: str  # its path as the report shows it, from SOURCE
    name: str  # what links call it: Jekyll's file stem, Hugo's file stem or bundle folder
    data: dict[str, Any]
    body: str
    bundle: Path | None = None  # a Hugo page bundle's folder: its images sit beside index.md


@dataclass
class Blog:
    """Where the posts are, and where root-relative asset URLs ('/assets/x.png') point."""

    generator: str
    posts_dir: Path
    site_root: Path  # Jekyll: the site folder; Hugo: its static/ folder when there is one
    top: Path  # the whole old site: no file outside it is ever copied
    posts: list[Post] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (rel, why): not imported


def find_blog(generator: str, source: Path) -> Blog:
    """The posts folder for SOURCE, which may be the site folder or the posts folder itself."""
    if not source.is_dir():
        raise SourceError(f"{source} is not a folder")
    if generator == "jekyll":
        posts = source / "_posts" if (source / "_posts").is_dir() else source
        root = posts.parent if posts.name == "_posts" else posts
        if posts.name != "_posts" and not _has_posts(posts):
            raise SourceError(f"{source} has no _posts/ folder and no Markdown posts")
        return Blog(generator, posts, root, root.resolve())
    content = source / "content" if (source / "content").is_dir() else source
    site = content.parent if content.name == "content" else content
    static = site / "static"
    if not _has_posts(content):
        raise SourceError(f"{source} has no content/ folder and no Markdown posts")
    return Blog(generator, content, static if static.is_dir() else site, site.resolve())


def _has_posts(folder: Path) -> bool:
    return any(p.suffix in SUFFIXES for p in folder.rglob("*") if p.is_file())


def read_posts(blog: Blog) -> list[Post]:
    """Every post under the posts folder, in path order; Hugo's section pages are left out.
    Jekyll's unpublished `_drafts/` come too, as drafts, so nothing is left behind."""
    posts = []
    drafts = blog.top / "_drafts" if blog.generator == "jekyll" else None
    found = sorted(blog.posts_dir.rglob("*"))
    if drafts is not None and drafts.is_dir() and drafts != blog.posts_dir:
        found += sorted(drafts.rglob("*"))
    for path in found:
        if not path.is_file() or path.suffix not in SUFFIXES:
            continue
        draft = drafts is not None and path.is_relative_to(drafts)
        rel = path.relative_to(drafts.parent if draft and drafts else blog.posts_dir).as_posix()
        if path.stem == "_index" or any(part.startswith(".") for part in rel.split("/")):
            continue  # a Hugo list page, or a hidden folder
        bundle = path.parent if path.stem == "index" and blog.generator == "hugo" else None
        name = bundle.name if bundle is not None else path.stem
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            why = "not UTF-8" if isinstance(exc, UnicodeDecodeError) else str(exc.strerror)
            blog.unreadable.append((rel, why))
            continue
        data, body, problem = split_front_matter(text)
        if problem:  # written without its front matter, the post would lose it: left alone
            blog.unreadable.append((rel, problem))
            continue
        if draft:
            data.setdefault("draft", True)
        posts.append(Post(path, rel, name, data, body, bundle))
    blog.posts = posts
    return posts


def split_front_matter(text: str) -> tuple[dict[str, Any], str, str | None]:
    """(front matter, body, problem): YAML between '---' lines or TOML between '+++' lines."""
    text = text.replace("\r\n", "\n")
    if text.startswith("{"):  # Hugo also takes a JSON object as front matter
        try:
            data, end = json.JSONDecoder().raw_decode(text)
        except ValueError:
            data, end = None, 0
        if isinstance(data, dict):
            return {str(k): _plain(v) for k, v in data.items()}, text[end:].lstrip("\n"), None
    for fence, parse in (("---", _yaml), ("+++", tomllib.loads)):
        if text.startswith(fence + "\n"):
            end = text.find("\n" + fence, len(fence))
            if end == -1:
                return {}, text, f"the front matter has no closing '{fence}' line"
            raw = text[len(fence) + 1 : end]
            body = text[end + len(fence) + 1 :].lstrip("\n")
            try:
                data = parse(raw) or {}
            except (yaml.YAMLError, tomllib.TOMLDecodeError) as exc:
                what = " ".join(str(exc).split())
                return {}, body, f"the front matter cannot be read ({what})"
            if not isinstance(data, dict):
                return {}, body, "the front matter is not 'field: value' lines"
            return {str(k): _plain(v) for k, v in data.items()}, body, None
    return {}, text, None


def _plain(value: Any) -> Any:
    """TOML's times of day have no YAML form: written as text ('09:30:00')."""
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _yaml(text: str) -> Any:
    return yaml.safe_load(text)


def reference_keys(post: Post, blog: Blog) -> list[str]:
    """Every way a link may name this post: 'slug', '2024-01-05-slug', 'posts/slug.md', ..."""
    rel = PurePosixPath(post.rel)
    keys = {post.name, post.path.stem, rel.as_posix(), rel.with_suffix("").as_posix()}
    if post.bundle is not None:
        keys.add(rel.parent.as_posix())
    if blog.generator == "jekyll":
        keys.add(f"_posts/{rel.as_posix()}")
    return [k.lower() for k in keys if k and k != "index"]
