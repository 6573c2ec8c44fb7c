"""A writer under a real `mkdocs serve`: the broken entry's error page, then the fix, live."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.builder import MINIMAL_MKDOCS, write_tree
from tests.reading import INCIDENT, md
from tests.test_accessibility import _serious, axe_source

__all__ = ["axe_source"]  # a fixture used below

BROKEN = "incidents/2026-11-03-search.md"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(url: str, server: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert server.poll() is None, server.communicate()[1]
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    raise AssertionError(f"mkdocs serve did not answer at {url}")


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    root = write_tree(
        tmp_path,
        {
            "mkdocs.yml": MINIMAL_MKDOCS,
            "docs/index.md": "# Home\n",
            BROKEN: md(INCIDENT.replace("SEV2", "SEV9")),
        },
    )
    port = _free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "mkdocs"),
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
            "-f",
            str(root / "mkdocs.yml"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_for(url, server)
        yield url, root
    finally:
        server.terminate()
        server.communicate(timeout=30)


def test_the_writer_sees_the_problem_then_the_fixed_entry(
    serving: tuple[str, Path], browser: Any, axe_source: str
) -> None:
    from playwright.sync_api import expect

    url, root = serving
    page = browser.new_page()
    try:
        response = page.goto(url + "incidents/2026-11-03-search/")
        assert response is not None and response.status == 200  # not a 404
        expect(page.locator(".ow-problem-page__banner")).to_contain_text(
            "This entry is not on the site."
        )
        expect(page.locator(".ow-problem--error")).to_contain_text(
            f"{BROKEN}:4 severity 'SEV9' is not one of SEV1, SEV2, SEV3, SEV4"
        )
        expect(page.locator(".ow-problem__lines mark")).to_have_text(">    4 | severity: SEV9")
        assert _serious(page, axe_source) == []  # readable by everyone, like the real pages
        # The writer fixes the file; serve rebuilds and the page reloads itself into the entry.
        (root / BROKEN).write_text(md(INCIDENT), encoding="utf-8")
        expect(page.locator("h1")).to_have_text("Search down", timeout=60_000)
        expect(page.locator(".ow-problem-page")).to_have_count(0)
    finally:
        page.close()
