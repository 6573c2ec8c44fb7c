"""What browser tests share: Debian's Chromium and its flags, and a built site served locally."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serving(site_dir: Path) -> Iterator[str]:
    """A built site served over HTTP on a free local port, as its base URL."""
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def home_to_incident_and_team(page: Any, base_url: str) -> None:
    """A reader's journey through the example site: home, the incidents tab, the SEV1 report
    (its time to resolve), then its team's page. Shared by the MkDocs and Zensical builds."""
    page.goto(base_url)
    page.get_by_role("link", name="Incidents", exact=True).first.click()
    page.wait_for_url("**/incidents/")
    page.get_by_role("link", name="Address lookup unavailable across resident forms").first.click()
    page.wait_for_url("**/incidents/2026-10-28-address-lookup-outage/")
    assert (
        page.locator("[data-measure=time-to-resolve]").inner_text()
        == "time to resolve: 16 h 23 min"
    )
    page.locator(".ow-card a.ow-team").click()
    page.wait_for_url("**/teams/platform/")
    assert "Platform team" in page.locator("h1").inner_text()
