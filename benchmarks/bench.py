"""`make bench`: how long each stage takes on generated sites of growing size.

    python benchmarks/bench.py                 # 1,000 and 10,000 entries
    python benchmarks/bench.py --entries 2000  # one size
    python benchmarks/bench.py --no-build      # skip the full MkDocs builds

Prints a table: read (front matter and checks), index, generated pages, `openwork check`
end to end, and a full `mkdocs build`. Timings are for the machine it runs on; compare runs
on one machine, not across machines.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate
from openwork.content import read_content
from openwork.index import build_site
from openwork.options import load_options
from openwork.render import PageUrls, Renderer
from openwork.render.pages import generate_pages

BIN = Path(sys.executable).parent


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def bench(entries: int, full_build: bool) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="openwork-bench-") as tmp:
        root = generate(Path(tmp) / "site", entries)
        options = load_options({})
        read_s, result = timed(lambda: read_content(root, options))
        today = datetime.now(UTC).date()
        index_s, site = timed(lambda: build_site(result.entries, result.authors, options, today))
        renderer = Renderer(PageUrls())
        pages_s, pages = timed(lambda: list(generate_pages(site, renderer)))
        check_s, _ = timed(
            lambda: subprocess.run(
                [str(BIN / "openwork"), "check"], cwd=root, capture_output=True, check=False
            )
        )
        row = {
            "entries": f"{len(result.entries):,}",
            "read": f"{read_s:.2f} s",
            "index": f"{index_s:.3f} s",
            "pages": f"{pages_s:.2f} s ({len(pages):,})",
            "openwork check": f"{check_s:.2f} s",
            "mkdocs build": "skipped",
        }
        if full_build:
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            build_s, done = timed(
                lambda: subprocess.run(
                    [str(BIN / "mkdocs"), "build", "-q", "-d", str(Path(tmp) / "out")],
                    cwd=root,
                    capture_output=True,
                    text=True,
                    check=False,
                    env=env,
                )
            )
            row["mkdocs build"] = f"{build_s:.1f} s" if done.returncode == 0 else "failed"
            if done.returncode != 0:
                print(done.stderr[-2000:], file=sys.stderr)
        return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, action="append", help="corpus size (repeatable)")
    parser.add_argument("--no-build", action="store_true", help="skip the full mkdocs builds")
    args = parser.parse_args()
    sizes = args.entries or [1000, 10000]
    rows = [bench(n, not args.no_build) for n in sizes]
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(r[c]) for r in rows)) for c in columns}
    print("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        print("  ".join(row[c].ljust(widths[c]) for c in columns))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
