"""`openwork publish SITE_DIR`: what another engine does not write, written into its site.

Every feed and the OPML list (each item's HTML rendered from the entry's Markdown the way
MkDocs renders it), entries.json, and the feed links in every page's `<head>`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openwork.engines.generate import CSS_URI, generated_pages
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


def docs_files(project: Project) -> set[str]:
    """Every docs path of the merged docs tree: docs/ as written, plus what openwork makes."""
    docs = project.config.docs_dir
    found = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    found.update(entry.src_uri for entry in project.site.entries)
    found.update(page.src_uri for page in generated_pages(project))
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


def publish(project: Project, site_dir: Path) -> Published:
    """Write feeds, OPML and entries.json into `site_dir`, and link feeds from its pages."""
    out = Published()
    files = docs_files(project)
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
        out.pages_linked = _link_feeds(project, files, site_dir)
    return out


def _link_feeds(project: Project, files: set[str], site_dir: Path) -> int:
    """Add each page's `<link rel="alternate">` tags, as the MkDocs plugin does per page."""
    assert project.feeds is not None
    urls = project.renderer.urls
    by_src = {entry.src_uri: entry for entry in project.site.entries}
    count = 0
    for src in sorted(files):
        if not src.endswith(".md"):
            continue
        url = urls.url(src)
        page = site_dir / (url + "index.html" if url.endswith("/") or not url else url)
        links = head_links(project.feeds, src, by_src.get(src))
        if not links or not page.is_file():
            continue
        html = page.read_text(encoding="utf-8")
        if links in html:
            continue  # published before: the page has them already
        page.write_text(add_to_head(html, links), encoding="utf-8")
        count += 1
    return count
