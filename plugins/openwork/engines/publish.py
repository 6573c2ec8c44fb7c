"""`openwork publish SITE_DIR`: what another engine does not write, written into its site.

Every feed and the OPML list (each item's HTML rendered from the entry's Markdown the way
MkDocs renders it), the data files (entries.json, the status CSV and calendar files, the
digest e-mails), and on every page what the MkDocs plugin adds page by page: the feed links,
an entry's Open Graph tags, the banner while an incident is open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from openwork.engines.generate import CSS_URI
from openwork.engines.markdown import BodyRenderer
from openwork.engines.project import Project
from openwork.feeds import add_to_head, head_links
from openwork.feeds.material_guard import with_guard
from openwork.pipeline import write_feed_files
from openwork.problems import Problem
from openwork.render.links import add_entry_links, rewrite_links
from openwork.render.social import social_meta
from openwork.render.status import add_banner


@dataclass
class Published:
    """What one run wrote into the site, and what went wrong."""

    files: list[str] = field(default_factory=list)  # data files, relative to the site folder
    pages_linked: int = 0  # HTML pages given their feed links
    problems: list[Problem] = field(default_factory=list)


def docs_files(project: Project, built_docs: Path | None = None) -> set[str]:
    """Every docs path a link in an entry may point at: the merged docs folder's files when
    `openwork generate` wrote one, else docs/ as written and the entries' pages."""
    if built_docs is not None and built_docs.is_dir():
        return {p.relative_to(built_docs).as_posix() for p in built_docs.rglob("*") if p.is_file()}
    docs = project.config.docs_dir
    found = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    found.update(project.result.entry_pages)
    found.add(CSS_URI)
    return found


def entry_bodies(
    project: Project, files: set[str], wanted: set[str] | None = None
) -> dict[str, str]:
    """{entry id: its body as HTML}, for feed items: for the entries whose id is in `wanted`
    (those some feed carries), or every entry."""
    config = project.config
    docs_rel = config.docs_dir.relative_to(config.root).as_posix()
    links = {f"{docs_rel}/{src}": src for src in files}
    pages = project.result.entry_pages
    add_entry_links(links, ((page.entry.path, src) for src, page in pages.items()))
    renderer = BodyRenderer(config, files)
    return {
        page.entry.id: renderer.html(
            rewrite_links(page.entry.body, page.entry.path, src_uri, links), src_uri
        )
        for src_uri, page in pages.items()
        if wanted is None or page.entry.id in wanted
    }


def publish(project: Project, site_dir: Path, built_docs: Path | None = None) -> Published:
    """Write feeds, OPML and data files into `site_dir`, and link feeds from its pages.

    `built_docs` is the docs folder `openwork generate` wrote, if any (see `docs_files`)."""
    out = Published()
    result = project.result
    if result.catalog is not None:
        # Only what a feed carries is rendered: at most `limit` newest entries per feed.
        wanted = {entry.id for entry in result.catalog.in_feeds()}
        bodies = entry_bodies(project, docs_files(project, built_docs), wanted)
        out.problems.extend(write_feed_files(result.catalog, bodies, site_dir))
    for rel, text in result.data_files.items():
        path = site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        out.files.append(rel)
    out.pages_linked = _finish_pages(project, site_dir)
    return out


def _finish_pages(project: Project, site_dir: Path) -> int:
    """What the MkDocs plugin adds to each finished page: the feed links, an entry page's
    Open Graph tags, and the open-incident banner (the 404 page gets the banner only)."""
    result, config = project.result, project.config
    catalog, status = result.catalog, result.status
    by_src = {src: page.entry for src, page in result.entry_pages.items()}
    # Which feeds a page links depends on its docs path only for entries and feed pages.
    special = set(by_src) | ({scope.page_src for scope in catalog.scopes} if catalog else set())
    social = config.site_url and not _has_plugin(config.data.get("plugins"), "social")
    image = (config.data.get("extra") or {}).get("social_image")
    count = 0
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir).as_posix()
        if rel in result.data_files:
            continue  # a file openwork wrote (a digest e-mail), not a page of the theme
        html = page.read_text(encoding="utf-8")
        if rel == "404.html":
            # The theme's error page is served at any address: links start from the root.
            base = urlsplit(config.site_url or "/").path or "/"
            done = _once(html, status.banner_anywhere(base) if status else "", add_banner)
        else:
            src = _page_src(rel, special)
            entry = by_src.get(src)
            tags = ""
            if entry is not None and social and config.site_url:
                url = config.site_url.rstrip("/") + "/" + result.renderer.urls.url(src)
                tags = social_meta(entry, url, config.site_name, config.site_url, image)
            if catalog is not None:
                links = with_guard(head_links(catalog, src, entry), config.theme.get("name"))
                tags = f"{tags}\n{links}" if tags and links else tags or links
            done = _once(html, tags, add_to_head)
            done = _once(done, status.banner(src) if status else "", add_banner)
        if done != html:
            page.write_text(done, encoding="utf-8")
            count += 1
    return count


def _once(html: str, fragment: str, add: Callable[[str, str], str]) -> str:
    """`add(html, fragment)`, unless there is nothing to add or a publish before added it."""
    return add(html, fragment) if fragment and fragment not in html else html


def _has_plugin(plugins: object, name: str) -> bool:
    names = plugins if isinstance(plugins, list) else list(plugins or {})
    for item in names:
        key = next(iter(item), "") if isinstance(item, dict) else item
        if str(key).removeprefix("material/") == name:
            return True
    return False


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
