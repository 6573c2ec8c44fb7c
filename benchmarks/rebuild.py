"""A serve-style rebuild, as `mkdocs serve` does it, for `make bench` to time.

    python benchmarks/rebuild.py SITE_ROOT [--dirty]

Builds once, appends a sentence to the newest weeknote, and builds again the way
`mkdocs serve` (or `mkdocs serve --dirty`) does after a save: the config is loaded again,
while plugins with `on_startup` (openwork's) stay the same instance, and the site folder is
the same. Prints one JSON line with both times and whether the edit reached the entry's page
and the site feed.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"
MARKER = "Edited while serving, marker 7f3a."


def timed_build(config_file: Path, site_dir: str, dirty: bool) -> tuple[float, float]:
    """(wall, CPU) seconds of one build as `mkdocs serve` runs it."""
    config = load_config(config_file=str(config_file), site_dir=site_dir)
    config.site_url = SERVE_URL
    start, cpu = time.perf_counter(), time.process_time()
    build(config, serve_url=SERVE_URL, dirty=dirty)
    return time.perf_counter() - start, time.process_time() - cpu


def main(root: Path, dirty: bool) -> int:
    config_file = root / "mkdocs.yml"
    with tempfile.TemporaryDirectory(prefix="openwork-serve-") as site_dir:
        config = load_config(config_file=str(config_file), site_dir=site_dir)
        config.plugins.on_startup(command="serve", dirty=dirty)
        try:
            first = timed_build(config_file, site_dir, dirty)
            newest = sorted(root.glob("weeknotes/*/*.md"))[-1]
            marker = f"{MARKER} {time.time_ns()}"
            newest.write_text(newest.read_text(encoding="utf-8") + f"\n{marker}\n", "utf-8")
            rebuild = timed_build(config_file, site_dir, dirty)
            out = Path(site_dir)
            page_ok = any(marker in p.read_text("utf-8") for p in out.rglob("*.html"))
            feed = out / "feed.xml"
            feed_ok = feed.exists() and marker in feed.read_text("utf-8")
        finally:
            config.plugins.on_shutdown()
    times = {"first": first[0], "rebuild": rebuild[0], "first_cpu": first[1]}
    times["rebuild_cpu"] = rebuild[1]
    print(json.dumps({**times, "page_ok": page_ok, "feed_ok": feed_ok, "dirty": dirty}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]).resolve(), "--dirty" in sys.argv[2:]))
