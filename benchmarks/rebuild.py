"""A serve-style rebuild, as `mkdocs serve` does it, for `make bench` to time.

    python benchmarks/rebuild.py SITE_ROOT

Builds once, appends a sentence to the newest weeknote, and builds again the way
`mkdocs serve` does after a save: the config is loaded again, while plugins with
`on_startup` (openwork's) stay the same instance. Prints one JSON line with both times and
whether the edit reached the entry's page and the site feed.
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


def timed_build(config_file: Path, site_dir: str) -> float:
    config = load_config(config_file=str(config_file), site_dir=site_dir)
    config.site_url = SERVE_URL
    start = time.perf_counter()
    build(config, serve_url=SERVE_URL)
    return time.perf_counter() - start


def main(root: Path) -> int:
    config_file = root / "mkdocs.yml"
    with tempfile.TemporaryDirectory(prefix="openwork-serve-") as site_dir:
        config = load_config(config_file=str(config_file), site_dir=site_dir)
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            first = timed_build(config_file, site_dir)
            newest = sorted(root.glob("weeknotes/*/*.md"))[-1]
            newest.write_text(newest.read_text(encoding="utf-8") + f"\n{MARKER}\n", "utf-8")
            rebuild = timed_build(config_file, site_dir)
            out = Path(site_dir)
            page_ok = any(MARKER in p.read_text("utf-8") for p in out.rglob("*.html"))
            feed = out / "feed.xml"
            feed_ok = feed.exists() and MARKER in feed.read_text("utf-8")
        finally:
            config.plugins.on_shutdown()
    print(json.dumps({"first": first, "rebuild": rebuild, "page_ok": page_ok, "feed_ok": feed_ok}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]).resolve()))
