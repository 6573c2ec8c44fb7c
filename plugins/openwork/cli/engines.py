"""`openwork generate`, `publish` and `build`: the site built by an engine other than MkDocs."""

from __future__ import annotations

import argparse
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from openwork.cli.check import format_problems
from openwork.cli.siteconfig import ConfigError
from openwork.engines import DEFAULT_INTO

if TYPE_CHECKING:
    from collections.abc import Iterable

    from openwork.engines.project import Project
    from openwork.pipeline import Mode
    from openwork.problems import Problem

COMMANDS = ("generate", "publish", "build")

GENERATE_EPILOG = f"""\
The build folder (default {DEFAULT_INTO}/, beside mkdocs.yml) holds docs/ (a copy of your
docs folder merged with every page openwork makes), nav.yml (the generated pages for a nav)
and mkdocs.yml (your config pointed at that docs/). openwork owns it: each run rewrites it.

examples:
  openwork generate && zensical build -f {DEFAULT_INTO}/mkdocs.yml
  openwork generate --watch &   zensical serve -f {DEFAULT_INTO}/mkdocs.yml"""

PUBLISH_EPILOG = f"""\
examples:
  openwork publish {DEFAULT_INTO}/site      after zensical build -f {DEFAULT_INTO}/mkdocs.yml"""

BUILD_EPILOG = """\
examples:
  openwork build --engine zensical    generate, zensical build, publish, into site_dir
  openwork build                      the same as mkdocs build"""


# name: (one-line help, description, epilog)
_HELP = {
    "generate": (
        "write every page openwork makes as Markdown, for another engine (Zensical)",
        "Write every page openwork makes as Markdown files in a build folder, with your docs "
        "pages and a config for another engine such as Zensical.",
        GENERATE_EPILOG,
    ),
    "publish": (
        "write feeds, OPML and entries.json into a site another engine built",
        "Write every feed, the OPML list and entries.json into SITE_DIR, and link each page "
        "to its feeds.",
        PUBLISH_EPILOG,
    ),
    "build": (
        "build the site with MkDocs or Zensical",
        "Build the site. With --engine zensical: generate, zensical build, publish, and move "
        "the result to mkdocs.yml's site_dir.",
        BUILD_EPILOG,
    ),
}


def add_commands(commands: argparse._SubParsersAction, config: argparse.ArgumentParser) -> None:
    """Register the three commands on the `openwork` parser."""
    into = argparse.ArgumentParser(add_help=False)
    into.add_argument(
        "--into",
        metavar="DIR",
        default=None,
        help=f"the build folder (default: {DEFAULT_INTO} beside mkdocs.yml)",
    )
    parsers = {}
    for name, (short, description, epilog) in _HELP.items():
        parsers[name] = commands.add_parser(
            name,
            parents=[config, into],
            help=short,
            description=textwrap.fill(description, 88),
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
    parsers["generate"].add_argument(
        "--watch",
        action="store_true",
        help="keep running and generate again whenever content, docs or mkdocs.yml change",
    )
    parsers["publish"].add_argument(
        "site_dir", metavar="SITE_DIR", help="the folder the engine built"
    )
    parsers["build"].add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs")
    parsers["build"].add_argument("--strict", action="store_true", help="fail on warnings too")


def run(args: argparse.Namespace) -> int:
    """Run one of COMMANDS; ConfigError is reported by the caller."""
    # Imported here, so that `openwork check` does not pay for the render and feed stages.
    from openwork.engines.publish import publish
    from openwork.engines.zensical import build_with_zensical, watch

    if args.command == "build" and args.engine == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build"]
        if args.config_file:
            command += ["-f", args.config_file]
        if args.strict:
            command.append("--strict")
        return subprocess.run(command, check=False).returncode
    if args.command == "generate" and args.watch:
        _say("watching for changes; press Ctrl-C to stop")
        # Like `mkdocs serve`: drafts and embargoed entries shown as previews.
        watch(lambda: _generate(args, "serve"))
        return 0
    if args.command == "generate":
        _generate(args, "build")
        return 0
    project = _load(args, "build")
    into = _into(args, project)
    if args.command == "publish":
        site_dir = Path(args.site_dir)
        if not site_dir.is_dir():
            raise ConfigError(f"no such folder: {args.site_dir} (build the site first)")
        done = publish(project, site_dir, into / "docs")
        _report(done.problems)
        _say(f"wrote the feeds and {len(done.files)} data files into {args.site_dir}")
        return 0
    generated, published, site_dir = build_with_zensical(project, into, args.strict)
    _report([*generated.problems, *published.problems])
    _say(f"built {len(generated.pages) + len(generated.docs_pages)} pages into {site_dir}")
    problems = [*project.result.problems, *generated.problems, *published.problems]
    return 1 if args.strict and problems else 0


def _load(args: argparse.Namespace, mode: Mode) -> Project:
    from openwork.engines.project import load_project

    project = load_project(args.config_file, Path.cwd(), mode)
    _report(project.result.problems)
    for note in project.result.notes:
        _say(note)
    return project


def _into(args: argparse.Namespace, project: Project) -> Path:
    return Path(args.into).resolve() if args.into else project.config.root / DEFAULT_INTO


def _generate(args: argparse.Namespace, mode: Mode) -> Project:
    from openwork.engines.generate import generate

    project = _load(args, mode)
    done = generate(project, _into(args, project))
    _report(done.problems)
    _say(
        f"wrote {len(done.pages)} pages and copied {len(done.docs_pages)} docs pages into "
        f"{done.docs}; engine config: {done.config_file}"
    )
    return project


def _report(problems: Iterable[Problem]) -> None:
    for line in format_problems(problems):
        print(line, file=sys.stderr)


def _say(message: str) -> None:
    print(f"openwork: {message}", file=sys.stderr)
