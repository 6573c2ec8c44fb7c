"""`openwork build --engine zensical`: generate, `zensical build`, publish; and the serve loop.

Zensical runs as its own command (it is a separate program with a Python front end), so
openwork never imports it: a missing or failing Zensical is a one-line error, not a
traceback.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from openwork.cli.siteconfig import ConfigError
from openwork.engines.generate import Generated, generate
from openwork.engines.project import Project
from openwork.engines.publish import Published, publish
from openwork.pipeline import watched_paths as pipeline_watched

INSTALL_HINT = "install it with: pip install 'openwork[zensical]'"


def zensical_command() -> list[str]:
    """The `zensical` program beside this Python (a virtualenv's), else on PATH."""
    beside = Path(sys.executable).parent / "zensical"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("zensical")
    if found is None:
        raise ConfigError(f"Zensical is not installed: {INSTALL_HINT}")
    return [found]


def run_zensical(generated: Generated, strict: bool = False) -> Path:
    """`zensical build` of the build folder; returns the site folder it wrote."""
    command = [*zensical_command(), "build", "-f", str(generated.config_file)]
    if strict:
        command.append("--strict")
    done = subprocess.run(command, cwd=generated.into, check=False)
    if done.returncode != 0:
        raise ConfigError(f"zensical build failed (exit status {done.returncode}): see above")
    return generated.into / "site"


def build_with_zensical(
    project: Project, into: Path, strict: bool = False
) -> tuple[Generated, Published, Path]:
    """The three steps; the finished site replaces the one at mkdocs.yml's `site_dir`."""
    config = project.config
    site_dir = config.site_dir
    if config.root.is_relative_to(site_dir) or config.docs_dir.is_relative_to(site_dir):
        raise ConfigError(f"site_dir {site_dir} holds the site's own files: it is replaced")
    generated = generate(project, into)
    built = run_zensical(generated, strict)
    published = publish(project, built, generated.docs)
    if site_dir.exists():
        shutil.rmtree(site_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(built), str(site_dir))
    return generated, published, site_dir


Snapshot = dict[str, tuple[int, int]]


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """(mtime, size) of every file under `paths`: what the watcher compares between polls."""
    seen: Snapshot = {}
    for base in paths:
        if base.is_file():
            stat = base.stat()
            seen[str(base)] = (stat.st_mtime_ns, stat.st_size)
        elif base.is_dir():
            for path in base.rglob("*"):
                if path.is_file():
                    stat = path.stat()
                    seen[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return seen


def watched_paths(project: Project) -> list[Path]:
    """Everything a generated page is made from."""
    config = project.config
    paths = [
        config.config_file,
        config.docs_dir,
        *pipeline_watched(config.root, project.options, project.result),
    ]
    if config.custom_dir is not None:
        paths.append(config.custom_dir / "openwork")
    return paths


def watch(
    regenerate: Callable[[], Project],
    interval: float = 1.0,
    rounds: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Call `regenerate` whenever a watched file changes (polling; Ctrl-C stops it).

    Polling, not file-system events: it needs no extra package and a second's delay is
    nothing next to the engine's own rebuild. `rounds` bounds the polls (None: until
    interrupted); `sleep` waits between them (tests pass one that edits a file instead)."""
    project = regenerate()
    before = snapshot(watched_paths(project))
    done = 0
    while rounds is None or done < rounds:
        sleep(interval)
        done += 1
        now = snapshot(watched_paths(project))
        if now != before:
            try:
                project = regenerate()
            except (ConfigError, OSError) as exc:
                # mkdocs.yml half-edited, a file gone mid-save: say so and keep watching.
                print(f"openwork: error: {exc}", file=sys.stderr)
            before = snapshot(watched_paths(project))
