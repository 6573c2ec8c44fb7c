"""The `openwork` command line: argument parsing, the three commands, and one-line errors."""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path

from openwork import __version__
from openwork.cli import engines
from openwork.cli.check import (
    PathError,
    check_settings,
    format_problems,
    make_scope,
    run_check,
)
from openwork.cli.digest import DigestError, add_digest_parser, run_digest  # status (#16)
from openwork.cli.importer import add_import_parser, cmd_import
from openwork.cli.newfile import NewFileError, Who, experiment, incident, weeknote, write_new
from openwork.cli.progress import Progress
from openwork.cli.siteconfig import CONFIG_NAMES, ConfigError, SiteConfig, load_site_config
from openwork.cli.whoami import guess_author, match_author, unknown_author_note
from openwork.content.authors import load_authors
from openwork.content.schemas import json_schema
from openwork.content.teams import load_teams, undeclared
from openwork.importing.sources import SourceError
from openwork.options import KINDS, Options

EXIT_PROBLEMS = 1
EXIT_USAGE = 2

DESCRIPTION = """\
openwork turns weeknotes, experiment write-ups and incident reports (Markdown files with
YAML front matter, beside mkdocs.yml) into a website with feeds. This command helps you
write them: start a new file from a template, and check every file for mistakes before
you publish.

Run it in the folder that holds your site's mkdocs.yml."""

EPILOG = """\
examples:
  openwork new weeknote --team platform
  openwork new experiment --title "Plain English reminder letters"
  openwork new incident --title "Slow logins to the council tax portal"
  openwork check                  every problem, as file:line: level: message
  openwork check --strict         fail on warnings too (for CI)
  openwork check incidents/       only report problems in these files or folders
  openwork schema incident > incident.schema.json
  openwork digest --week 2026-W47 a week's round-up as e-mail HTML (--format text)
  openwork build --engine zensical   the site built by Zensical instead of MkDocs

Run 'openwork COMMAND --help' for a command's options.
Exit status: 0 fine, 1 problems found (or the file already exists), 2 bad usage or config."""

NEW_EPILOG = """\
examples:
  openwork new weeknote --team platform
      writes weeknotes/2026/2026-W47-platform.md for this ISO week
  openwork new weeknote --author amara
      no team: the file is named after you (weeknotes/2026/2026-W47-amara.md)
  openwork new experiment --title "Plain English reminder letters" --team service-design
      writes experiments/2026-11-20-plain-english-reminder-letters.md (status: proposed)
  openwork new incident --title "Address lookup down" --severity SEV2
      writes incidents/2026-11-20-address-lookup-down.md (status: investigating)

Every kind takes --team, --author, --date and --draft: see 'openwork new KIND --help'.

Authors: --author takes an id from authors.yml (or a name). Without it openwork uses
git's user.name, matched to authors.yml when it can be, else your login name if it is an
id in authors.yml. The file is printed on the output; a file that exists is never
overwritten (exit status 1)."""

CHECK_EPILOG = """\
Each problem is one line, 'path:line: level: message', with the path relative to the
folder of mkdocs.yml; then a summary line. Errors stop an entry from being published
(the build skips it); warnings are worth fixing but do not.

examples:
  openwork check
  openwork check --strict                          what CI and pre-commit should run
  openwork check weeknotes/2026/2026-W47-platform.md
  openwork check -f site/mkdocs.yml

Exit status: 0 no errors (and no warnings with --strict), 1 otherwise, 2 bad usage."""

SCHEMA_EPILOG = """\
The schema follows JSON Schema 2020-12 and uses your site's severity scale from
mkdocs.yml (the default scale when there is no mkdocs.yml here).

examples:
  openwork schema                          all three, as {"weeknote": ..., ...}
  openwork schema incident > .schemas/incident.json"""


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_PROBLEMS) -> None:
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    config = argparse.ArgumentParser(add_help=False)
    config.add_argument(
        "-f",
        "--config-file",
        metavar="PATH",
        help="the site's mkdocs.yml (default: mkdocs.yml in the current folder)",
    )

    parser = argparse.ArgumentParser(
        prog="openwork", description=DESCRIPTION, epilog=EPILOG, formatter_class=formatter
    )
    parser.add_argument("--version", action="version", version=f"openwork {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    new = commands.add_parser(
        "new",
        help="start a new weeknote, experiment or incident report from a template",
        description=_wrap(
            "Start a new entry from a template, at the right place and name. "
            "The template passes 'openwork check' as it is: fill in the prompts (the comments), "
            "then check and commit."
        ),
        epilog=NEW_EPILOG,
        formatter_class=formatter,
    )
    kinds = new.add_subparsers(dest="kind", metavar="KIND", required=True)
    common = argparse.ArgumentParser(add_help=False, parents=[config])
    common.add_argument("--team", metavar="TEAM", help="the team that owns it, e.g. platform")
    common.add_argument(
        "--author",
        metavar="ID",
        action="append",
        dest="authors",
        help="an author id from authors.yml, or a name; repeat for several "
        "(default: you, from git's user.name)",
    )
    common.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        type=_iso_date,
        help="write it for another day (default: today, in the site's timezone)",
    )
    common.add_argument(
        "--draft",
        action="store_true",
        help="add draft: true, which keeps it off the site until you remove that line",
    )
    note = kinds.add_parser(
        "weeknote",
        parents=[common],
        help="this week's weeknote for a team (or for you)",
        description=_wrap(
            "Write weeknotes/<year>/<ISO week>-<team>.md for this week (or the week "
            "of --date). Without --team the file is named after the first author."
        ),
        epilog="example:\n  openwork new weeknote --team platform",
        formatter_class=formatter,
    )
    note.add_argument("--title", metavar="TITLE", help="optional; the site makes one otherwise")
    exp = kinds.add_parser(
        "experiment",
        parents=[common],
        help="an experiment, proposed, with a hypothesis to fill in",
        description=_wrap("Write experiments/<date>-<title>.md with status: proposed."),
        epilog='example:\n  openwork new experiment --title "Plain English reminder letters"',
        formatter_class=formatter,
    )
    exp.add_argument("--title", metavar="TITLE", required=True, help="what you are trying")
    inc = kinds.add_parser(
        "incident",
        parents=[common],
        help="an incident report, investigating, with the blameless write-up's sections",
        description=_wrap(
            "Write incidents/<date>-<title>.md with status: investigating and "
            "started: now (with --date: midnight of that day, to correct). Publish early and "
            "update it as you learn more."
        ),
        epilog='example:\n  openwork new incident --title "Address lookup down" --severity SEV2',
        formatter_class=formatter,
    )
    inc.add_argument("--title", metavar="TITLE", required=True, help="what went wrong, briefly")
    inc.add_argument(
        "--severity",
        metavar="LEVEL",
        help="one of the site's severities (default: the least severe, with a note to set it)",
    )

    check = commands.add_parser(
        "check",
        parents=[config],
        help="report every problem in the content, as the build would",
        description=_wrap(
            "Read every weeknote, experiment and incident report and report every "
            "problem the site build would: front matter fields and values, dates, duplicate ids "
            "and URLs, related ids, tags and wording. Nothing is built or changed."
        ),
        epilog=CHECK_EPILOG,
        formatter_class=formatter,
    )
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATHS",
        help="only report problems in these files or folders (everything is still read, "
        "so duplicates and links are checked against the whole site)",
    )

    schema = commands.add_parser(
        "schema",
        parents=[config],
        help="print the JSON Schema of the front matter, for editors and other tools",
        description=_wrap(
            "Print the JSON Schema of each kind's front matter, made from the same "
            "definitions the build checks against."
        ),
        epilog=SCHEMA_EPILOG,
        formatter_class=formatter,
    )
    schema.add_argument("kind", nargs="?", choices=KINDS, metavar="KIND", help=" | ".join(KINDS))
    add_import_parser(commands, [config], formatter)  # `openwork import` (#15)
    add_digest_parser(commands, [config])  # status (#16)
    engines.add_commands(commands, config)  # generate, publish, build (other engines)
    return parser


def _wrap(text: str) -> str:
    # RawDescriptionHelpFormatter keeps the epilogs' layout, so descriptions are wrapped here.
    return textwrap.fill(text, 88)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date: use YYYY-MM-DD") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `openwork` console script; returns the exit status."""
    return run(parse(argv))


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line's arguments (argparse exits on a usage error), with output streams
    that write what they cannot encode as escapes instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    return build_parser().parse_args(argv)


def run(args: argparse.Namespace) -> int:
    """The parsed command, run; returns the exit status."""
    try:
        if args.command == "new":
            return cmd_new(args)
        if args.command == "check":
            return cmd_check(args)
        if args.command == "import":
            return cmd_import(args, sys.stdout)
        if args.command == "digest":  # status (#16)
            print(run_digest(args, _site(args)), end="")
            return 0
        if args.command in engines.COMMANDS:
            return engines.run(args)
        return cmd_schema(args)
    except (CliError, NewFileError) as exc:
        return _fail(str(exc), exc.code)
    except (ConfigError, PathError, SourceError, DigestError) as exc:
        return _fail(str(exc), EXIT_USAGE)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `openwork check | head`: the reader left; say nothing more.
        # Point stdout at /dev/null so the flush at exit does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PROBLEMS
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        return _fail(f"{exc.strerror or exc}{where}", EXIT_PROBLEMS)
    except Exception as exc:  # a bug in openwork: still one line, never a traceback
        if os.environ.get("OPENWORK_DEBUG"):
            raise
        return _fail(
            f"unexpected {type(exc).__name__}: {exc}. This is a bug in openwork; please report "
            "it with the command you ran (set OPENWORK_DEBUG=1 to see the details)",
            EXIT_PROBLEMS,
        )


def _fail(message: str, code: int) -> int:
    print(f"openwork: error: {message}", file=sys.stderr)
    return code


def _note(message: str) -> None:
    print(f"openwork: {message}", file=sys.stderr)


def _site(args: argparse.Namespace) -> SiteConfig:
    site = load_site_config(args.config_file, Path.cwd())
    if not site.plugin_listed:
        _note(
            f"note: {site.config_file.name} does not list the openwork plugin under plugins:, "
            "so the site will not publish these files; using the default settings"
        )
    return site


def cmd_new(args: argparse.Namespace) -> int:
    site = _site(args)
    options = site.options
    now = datetime.now(UTC).astimezone(options.zone)
    day = args.date or now.date()
    who = Who(tuple(_authors(args.authors, site)), args.team)
    if args.team:  # writers (#14): a team teams.yml does not declare is said, with a hint
        teams, _ = load_teams(site.root, options.teams_file, {})
        if message := undeclared(args.team, teams, options.teams_file):
            _note(f"note: {message}")
    if args.kind == "weeknote":
        entry = weeknote(options, day, who, args.title, args.draft)
    elif args.kind == "experiment":
        entry = experiment(options, day, args.title, who, args.draft)
    else:
        # A backfilled incident starts at midnight of its day: a placeholder to correct.
        started = now if args.date is None else datetime.combine(day, time(), options.zone)
        severity = _severity(args.severity, options)
        entry = incident(options, day, started, args.title, who, severity, args.draft)
    path = write_new(site.root, entry)
    print(_show_path(path))
    _note("fill it in, then run 'openwork check' before you commit")
    return 0


def _authors(given: list[str] | None, site: SiteConfig) -> list[str]:
    known, _ = load_authors(site.root, site.options.authors_file)
    if given:
        names = [match_author(name, known) or name.strip() for name in given if name.strip()]
    else:
        guess = guess_author(site.root, known)
        names = [guess] if guess else []
    for name in names:  # writers (#14): a name authors.yml does not know is said, with a hint
        source = "--author" if given else "your git user.name"
        if note := unknown_author_note(name, known, source):
            _note(note)
    return names


def _severity(given: str | None, options: Options) -> str | None:
    if given is None:
        return None
    for level in options.severities:
        if level.casefold() == given.casefold():
            return level
    raise CliError(f"severity '{given}' is not one of {', '.join(options.severities)}", EXIT_USAGE)


def _show_path(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def cmd_check(args: argparse.Namespace) -> int:
    site = _site(args)
    scope = make_scope(args.paths, site.root, Path.cwd())
    progress = Progress(sys.stderr)
    try:
        report = run_check(site.root, site.options, scope, progress, check_settings(site))
    finally:
        progress.finish()
    for line in format_problems(report.problems):
        print(line)
    print(report.summary(args.strict))
    if report.files == 0 and scope.everything:
        folders = ", ".join(f"{c.folder}/" for c in site.options.collections.values())
        _note(f"note: no content files found: openwork reads {folders} beside mkdocs.yml")
    return report.exit_code(args.strict)


def cmd_schema(args: argparse.Namespace) -> int:
    here = Path.cwd()
    if args.config_file or any((here / name).is_file() for name in CONFIG_NAMES):
        options = load_site_config(args.config_file, here).options
    else:
        options = Options()  # no site here: the default severity scale
    if args.kind:
        out: object = json_schema(args.kind, options.severities)
    else:
        out = {kind: json_schema(kind, options.severities) for kind in KINDS}
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0
