"""What `mkdocs serve` relies on: one plugin instance across rebuilds keeps nothing from the
last build, and a broken entry never stops the server."""

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

import feedparser
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.builder import write_tree
from tests.reading import WEEKNOTE, md


def _two_entries(root: Path) -> None:
    write_tree(
        root,
        {
            "weeknotes/2026-W47-platform.md": md(WEEKNOTE + "tags: [ops]\n"),
            "weeknotes/2026-W46-gone.md": md(
                "title: Soon gone\ndate: 2026-11-13\nteam: vanishing\ntags: [ephemeral]\n"
            ),
        },
    )


def test_one_plugin_instance_two_builds_forget_a_deleted_entry(tiny: Path, tmp_path: Path) -> None:
    _two_entries(tiny)
    site = tmp_path / "site"
    config = load_config(config_file=str(tiny / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url="http://127.0.0.1:8000/")
        assert (site / "weeknotes/2026-w46-gone/index.html").exists()
        assert "Soon gone" in (site / "feed.xml").read_text(encoding="utf-8")
        assert (site / "tags/ephemeral/index.html").exists()
        (tiny / "weeknotes/2026-W46-gone.md").unlink()
        # As `mkdocs serve` rebuilds: the same config object and plugin instance, a fresh
        # site folder being what serve writes into (it builds into a temporary one each time).
        config["site_dir"] = str(tmp_path / "again")
        build(config, serve_url="http://127.0.0.1:8000/")
    finally:
        config.plugins.on_shutdown()
    again = tmp_path / "again"
    assert not (again / "weeknotes/2026-w46-gone/index.html").exists()
    assert not (again / "tags/ephemeral/index.html").exists()
    assert not (again / "teams/vanishing/index.html").exists()
    for feed_file in ("feed.xml", "weeknotes/feed.xml", "tags/ops/feed.xml"):
        feed = feedparser.parse((again / feed_file).read_bytes())
        assert [e.title for e in feed.entries] == ["Platform team: week 47, 2026"], feed_file
    everything = "".join(
        p.read_text(encoding="utf-8", errors="replace") for p in again.rglob("*.html")
    )
    assert "Soon gone" not in everything and "ephemeral" not in everything


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def _wait_for(url: str, condition: object, proc: subprocess.Popen[str], tries: int = 120) -> str:
    """Poll until the page at `url` satisfies `condition` (the server rebuilds on its own
    schedule); fail with the server's output if it never does or the server exits."""
    for _ in range(tries):
        if proc.poll() is not None:
            pytest.fail(f"mkdocs serve exited: {proc.stdout.read() if proc.stdout else ''}")
        try:
            status, body = _get(url)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            status, body = 0, ""
        if status == 200 and condition(body):  # type: ignore[operator]
            return body
        time.sleep(0.5)
    pytest.fail(f"{url} never showed what was expected")


@pytest.fixture(params=[[], ["--dirty"]], ids=["serve", "serve-dirty"])
def served(
    tiny: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[str, Path, subprocess.Popen[str]]]:
    _two_entries(tiny)
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    proc = subprocess.Popen(
        [str(mkdocs), "serve", *request.param, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tiny,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield f"http://127.0.0.1:{port}/", tiny, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()


@pytest.mark.parametrize(
    "junk",
    [
        b"\x00\x01\xff\xfe binary junk \x80\x81",
        b"---\ntitle: [unclosed\n  : : nope\n---\nBody\n",
        b'---\ntitle: "a\x01b\x0bc"\ndate: 2026-11-20\nteam: platform\n---\nBody\x0b\n',
    ],
    ids=["binary", "invalid-yaml", "control-characters"],
)
def test_a_broken_entry_under_serve_leaves_the_server_answering(
    served: tuple[str, Path, subprocess.Popen[str]], junk: bytes
) -> None:
    base, root, proc = served
    _wait_for(base + "weeknotes/", lambda body: "Soon gone" in body, proc)
    (root / "weeknotes/2026-W46-gone.md").write_bytes(junk)
    # Another change in the same rebuild: the rest of the site keeps updating.
    (root / "weeknotes/2026-W48-platform.md").write_text(
        md("title: Fresh news\ndate: 2026-11-27\nteam: platform\n"), encoding="utf-8"
    )
    _wait_for(base + "weeknotes/", lambda body: "Fresh news" in body, proc)
    assert _get(base + "weeknotes/2026-w47-platform/")[0] == 200
    assert _get(base)[0] == 200
    feed = feedparser.parse(_get(base + "feed.xml")[1])
    assert "Fresh news" in [e.title for e in feed.entries]
