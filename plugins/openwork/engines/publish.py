"""`openwork publish SITE_DIR`: what another engine does not write, written into its site.

Every feed and the OPML list (each item's HTML rendered from the entry's Markdown the way
MkDocs renders it), entries.json, and the feed links in every page's `<head>`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openwork.engines.generate import CSS_URI
from openwork.engines.markdown import BodyRenderer
from openwork.engines.project import Project
from openwork.feeds import add_to_head, feed_files, head_links
from openwork.render.entries_json import entries_json
from openwork.render.links import rewrite_links

ENTRIES_JSON = "entries.json"


@dataclass
class Published:
    """What one run wrote into the site."""

    files: list[str] = field(default_factory=list)  # relative to the site folder
    pages_linked: int = 0  # HTML pages given their feed links


def docs_files(project: Project, built_docs: Path | None = None) -> set[str]:
    """Every docs path a link in an entry may point at: the merged docs folder's files when
    `openwork generate` wrote one, else docs/ as written and the entries' pages."""
    if built_docs is not None and built_docs.is_dir():
        return {p.relative_to(built_docs).as_posix() for p in built_docs.rglob("*") if p.is_file()}
    docs = project.config.docs_dir
    found = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    found.update(entry.src_uri for entry in project.site.entries)
    found.add(CSS_URI)
    return found


def entry_bodies(project: Project, files: set[str]) -> dict[str, str]:
    """{entry id: its body as HTML}, for feed items."""
    config = project.config
    docs_rel = config.docs_dir.relative_to(config.root).as_posix()
    links = {f"{docs_rel}/{src}": src for src in files if src.endswith(".md")}
    for entry in project.site.entries:
        links[entry.path] = entry.src_uri
        links[entry.src_uri.lower()] = entry.src_uri
    renderer = BodyRenderer(config, files)
    return {
        entry.id: renderer.html(
            rewrite_links(entry.body, entry.path, entry.src_uri, links), entry.src_uri
        )
        for entry in project.site.entries
    }


def publish(project: Project, site_dir: Path, built_docs: Path | None = None) -> Published:
    """Write feeds, OPML and entries.json into `site_dir`, and link feeds from its pages.

    `built_docs` is the docs folder `openwork generate` wrote, if any (see `docs_files`)."""
    out = Published()
    files = docs_files(project, built_docs)
    outputs: dict[str, bytes] = {}
    if project.feeds is not None:
        outputs.update(feed_files(project.feeds, entry_bodies(project, files)))
    urls = project.renderer.urls
    outputs[ENTRIES_JSON] = entries_json(project.site, urls, project.config.site_url).encode()
    for rel, data in outputs.items():
        path = site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        out.files.append(rel)
    if project.feeds is not None:
        out.pages_linked = _link_feeds(project, site_dir)
    return out


def _link_feeds(project: Project, site_dir: Path) -> int:
    """Add each page's `<link rel="alternate">` tags, as the MkDocs plugin does per page."""
    assert project.feeds is not None
    by_src = {entry.src_uri: entry for entry in project.site.entries}
    # Which feeds a page links depends on its docs path only for entries and feed pages.
    special = set(by_src) | {scope.page_src for scope in project.feeds.scopes}
    count = 0
    for page in sorted(site_dir.rglob("*.html")):
        if page == site_dir / "404.html":
            continue  # the theme's error page, not a page of the site (MkDocs skips it too)
        src = _page_src(page.relative_to(site_dir).as_posix(), special)
        links = head_links(project.feeds, src, by_src.get(src))
        html = page.read_text(encoding="utf-8")
        if not links or links in html:
            continue  # nothing to add, or published before: the page has them already
        page.write_text(add_to_head(html, links), encoding="utf-8")
        count += 1
    return count


def _page_src(rel: str, special: set[str]) -> str:
    """The docs path a built page came from: 'tags/x/index.html' is tags/x.md or
    tags/x/index.md (either gives the same URL); the one that is an entry or feed page wins."""
    stem = rel.removesuffix(".html")
    if stem == "index" or stem.endswith("/index"):
        folder = stem.removesuffix("index").rstrip("/")
        candidates = [f"{folder}.md", f"{stem}.md"] if folder else [f"{stem}.md"]
    else:
        candidates = [f"{stem}.md"]
    return next((c for c in candidates if c in special), candidates[-1])
