"""Everything issue #16 adds to a build, in one value the pipeline asks from a few lines:
the status page and banner, the digest e-mails, and the open data files.

No MkDocs here: `StatusOutputs.prepare` reads services.yml and builds the status board at the
build's `now`; the pipeline renders `planned_pages()` in its page boundary, adds
`data_files()` to the site, and the engine adapter puts `banner()` into each finished page.
The status feed is one more scope of the feed catalog (feeds/status.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from importlib.resources import files as package_files
from pathlib import Path

from openwork.content.services import SERVICES_FILE, load_services, undeclared_services
from openwork.index.digest import build_digests
from openwork.index.site import Site
from openwork.index.status import StatusBoard, build_status
from openwork.problems import Problem
from openwork.render.calendar import CALENDAR_ICS, calendar_ics
from openwork.render.digest import DigestSite, digest_html, email_path
from openwork.render.opendata import ACTIONS_CSV, INCIDENTS_CSV, actions_csv, incidents_csv
from openwork.render.pages import PlannedPage
from openwork.render.renderer import Renderer
from openwork.render.status import STATUS_SRC, banner_html, status_page

STATUS_CSS = "assets/status.css"
ROOT_PAGE = "index.md"  # links made from the home page are relative to the site's root
_RELATIVE_HREF = re.compile(r'href="(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)')


@dataclass
class StatusOutputs:
    site: Site
    renderer: Renderer
    board: StatusBoard
    site_url: str | None  # absolute, ending in '/'; open data and e-mails need it
    problems: list[Problem] = field(default_factory=list)
    watched: list[Path] = field(default_factory=list)

    @classmethod
    def prepare(
        cls, root: Path, site: Site, renderer: Renderer, now: datetime, site_url: str | None
    ) -> StatusOutputs:
        """Read services.yml beside mkdocs.yml and build the board at `now` (aware)."""
        declared, problems = load_services(root)
        # The public site's incidents: a draft previewed under serve is never on the board.
        incidents = site.public().kind_entries("incident")
        problems += undeclared_services(incidents, declared)
        options = site.options
        board = build_status(incidents, declared, options.severities, now, options.zone)
        if site_url and not site_url.endswith("/"):
            site_url += "/"
        # Templates link the CSV, calendar and e-mail files only when they are written.
        renderer.env.globals["open_data"] = bool(site_url)
        base = site.collection_url("weeknote")
        renderer.env.globals["digest_email_path"] = lambda week: email_path(base, week)
        return cls(site, renderer, board, site_url or None, problems, [root / SERVICES_FILE])

    def planned_pages(self, feeds: object | None = None) -> list[PlannedPage]:
        """/status/, in the nav, rendered when the pipeline asks."""
        return [
            PlannedPage(
                STATUS_SRC,
                lambda: status_page(self.site, self.board, self.renderer, feeds).markdown,
                in_nav=True,
            )
        ]

    def data_files(
        self, site_name: str, language: str, on_error: Callable[[str, Exception], None]
    ) -> dict[str, str]:
        """{site path: text}: the stylesheet, and with a site_url the open data and e-mails.
        Each file is made on its own: one that fails is left out and told to `on_error`."""
        css = (package_files("openwork") / "assets" / "status.css").read_text(encoding="utf-8")
        makers: dict[str, Callable[[], str]] = {STATUS_CSS: lambda: css}
        url = self.site_url
        if url:
            site, urls, renderer = self.site.public(), self.renderer.urls, self.renderer
            makers[INCIDENTS_CSV] = lambda: incidents_csv(site, urls, url)
            makers[ACTIONS_CSV] = lambda: actions_csv(site, urls, url)
            makers[CALENDAR_ICS] = lambda: calendar_ics(site, urls, url, site_name)
            base = site.collection_url("weeknote")
            digest_site = DigestSite(site_name, url, language)
            for week, digest in build_digests(site).items():
                makers[email_path(base, week)] = partial(
                    digest_html, digest, digest_site, renderer, base
                )
        out: dict[str, str] = {}
        for path, make in makers.items():
            try:
                out[path] = make()
            except Exception as exc:
                on_error(path, exc)
        return out

    def banner(self, page_src: str) -> str:
        return banner_html(self.site, self.board, self.renderer, page_src)

    def banner_anywhere(self, base_path: str) -> str:
        """The banner for a page served at any address (the theme's 404.html): its links
        start from the site's path, e.g. '/incidents/x/' for `base_path` '/'."""
        base = base_path if base_path.endswith("/") else base_path + "/"
        return _RELATIVE_HREF.sub(f'href="{base}', self.banner(ROOT_PAGE))
