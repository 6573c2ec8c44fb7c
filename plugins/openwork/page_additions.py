"""What the MkDocs adapter adds to a finished page's HTML (Open Graph tags, the open-incident
banner, feed links), worked out once per page per build: `on_post_page` writes it, and a
dirty serve rebuild compares it with the last build's to know whether the page changed."""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from openwork.feeds import add_to_head, head_links
from openwork.feeds.material_guard import with_guard
from openwork.pipeline import BuildResult
from openwork.render.social import social_meta
from openwork.render.status import add_banner


@dataclass
class PageAdditions:
    """One build's additions, by page."""

    result: BuildResult
    _pages: dict[str, tuple[str, str, str]] = field(default_factory=dict)

    def add(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """`output` (the page's HTML) with everything added."""
        meta, banner, links = self.of(page, config)
        if self.result.status is not None:  # status (#16): the open-incident banner, every page
            output = add_banner(output, banner)
        # The Open Graph tags, then the feed links, before `</head>`: one copy of the page.
        return add_to_head(output, "\n".join(part for part in (meta, links) if part))

    def of(self, page: Page, config: MkDocsConfig) -> tuple[str, str, str]:
        """Open Graph tags, the banner and the feed links for `page`."""
        src = page.file.src_uri
        if (known := self._pages.get(src)) is not None:
            return known
        entry_page = self.result.entry_pages.get(src)
        entry = entry_page.entry if entry_page else None
        meta = banner = links = ""
        if entry is not None and page.canonical_url and "material/social" not in config.plugins:
            # Open Graph and Twitter cards for a shared link (Material's social plugin, when on,
            # writes its own).
            image = config.extra.get("social_image")
            site = str(config.site_url or page.canonical_url)
            meta = social_meta(entry, page.canonical_url, config.site_name, site, image)
        if self.result.status is not None:  # status (#16): the open-incident banner
            banner = self.result.status.banner(src)
        if (catalog := self.result.catalog) is not None:  # no sitemap 404s (the guard)
            links = with_guard(head_links(catalog, src, entry), config.theme.name)
        self._pages[src] = (meta, banner, links)
        return meta, banner, links
