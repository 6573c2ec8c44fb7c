"""Everything issue #16 adds to a build, in one value the MkDocs adapter asks from a few lines:
the status page and banner, the status feed, the digest e-mails, and the open data files.

No MkDocs here: `StatusOutputs.prepare` reads services.yml, builds the status board at the
build's `now`, and the adapter only adds `files()`, the `feed_scopes()` and `banner()`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from importlib.resources import files as package_files
from pathlib import Path

from openwork.content.services import SERVICES_FILE, load_services, undeclared_services
from openwork.feeds.catalog import FeedScope, FeedSettings
from openwork.feeds.status import status_scope
from openwork.index.digest import build_digests
from openwork.index.site import Site
from openwork.index.status import StatusBoard, build_status
from openwork.problems import Problem
from openwork.render.calendar import CALENDAR_ICS, calendar_ics
from openwork.render.digest import DigestSite, digest_html, email_path
from openwork.render.opendata import ACTIONS_CSV, INCIDENTS_CSV, actions_csv, incidents_csv
from openwork.render.renderer import Renderer
from openwork.render.status import banner_html, status_page

STATUS_CSS = "assets/status.css"


@dataclass
class StatusOutputs:
    site: Site
    renderer: Renderer
    board: StatusBoard
    problems: list[Problem] = field(default_factory=list)
    watched: list[Path] = field(default_factory=list)

    @classmethod
    def prepare(cls, root: Path, site: Site, renderer: Renderer, now: datetime) -> StatusOutputs:
        """Read services.yml beside mkdocs.yml and build the board at `now` (aware)."""
        declared, problems = load_services(root)
        incidents = site.kind_entries("incident")
        problems += undeclared_services(incidents, declared)
        options = site.options
        board = build_status(incidents, declared, options.severities, now, options.zone)
        return cls(site, renderer, board, problems, [root / SERVICES_FILE])

    def feed_scopes(self, settings: FeedSettings) -> list[FeedScope]:
        """The status feed, when the site has incident reports."""
        incidents = self.site.kind_entries("incident")
        if not incidents:
            return []
        return [status_scope(incidents, settings, self.renderer.urls, self.site.options.zone)]

    def files(
        self, site_url: str | None, site_name: str, language: str = "en"
    ) -> list[tuple[str, str, bool]]:
        """(docs path, content, in nav) of every generated page and file."""
        page = status_page(self.site, self.board, self.renderer)
        out = [(page.src_uri, page.markdown, page.in_nav)]
        css = (package_files("openwork") / "assets" / "status.css").read_text(encoding="utf-8")
        out.append((STATUS_CSS, css, False))
        if not site_url:
            return out  # open data and e-mails need absolute links
        url = site_url if site_url.endswith("/") else site_url + "/"
        urls = self.renderer.urls
        out.append((INCIDENTS_CSV, incidents_csv(self.site, urls, url), False))
        out.append((ACTIONS_CSV, actions_csv(self.site, urls, url), False))
        out.append((CALENDAR_ICS, calendar_ics(self.site, urls, url, site_name), False))
        base = self.site.collection_url("weeknote")
        digest_site = DigestSite(site_name, url, language)
        for week, digest in build_digests(self.site).items():
            html = digest_html(digest, digest_site, self.renderer, base)
            out.append((email_path(base, week), html, False))
        return out

    def banner(self, page_src: str) -> str:
        return banner_html(self.site, self.board, self.renderer, page_src)
