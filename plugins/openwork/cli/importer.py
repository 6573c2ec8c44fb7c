"""`openwork import jekyll|hugo SOURCE`: an old blog's posts written as openwork entries, with a
report of what changed in each and what a person still has to look at."""

from __future__ import annotations

import argparse
import shutil
import textwrap
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, TextIO

from openwork.cli.siteconfig import SiteConfig, load_site_config, read_yaml_file
from openwork.content import read_content
from openwork.importing.plan import Planned, Settings, plan_import
from openwork.importing.sources import GENERATORS, SourceError, find_blog, read_posts
from openwork.options import KINDS

EPILOG = """\
examples:
  openwork import jekyll ../old-blog --kind weeknote --team platform --dry-run
  openwork import jekyll ../old-blog --weeknotes-tag weeknotes --kind experiment
  openwork import hugo ../postmortems --kind incident --into incidents/archive

Nothing is overwritten: a file that already exists is skipped and listed. Run it again
without --dry-run once the report reads right, then 'openwork check' and 'make build'."""


@dataclass
class Outcome:
    """What the import did, for the report."""

    read: int = 0
    written: list[Planned] = field(default_factory=list)
    skipped: list[Planned] = field(default_factory=list)
    problems: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # from the check


def add_import_parser(
    commands: Any, parents: list[argparse.ArgumentParser], formatter: Any
) -> None:
    """Register `openwork import` on the command line's subcommands."""
    cmd = commands.add_parser(
        "import",
        parents=parents,
        help="turn a Jekyll or Hugo blog's posts into weeknotes, experiments or incidents",
        description=textwrap.fill(
            "Read a Jekyll _posts/ folder or a Hugo content/ folder and write each post as an "
            "openwork entry beside mkdocs.yml: front matter mapped, template code converted, "
            "links between posts and the images they use kept working.",
            88,
        ),
        epilog=EPILOG,
        formatter_class=formatter,
    )
    cmd.add_argument("generator", choices=GENERATORS, metavar="GENERATOR", help="jekyll | hugo")
    cmd.add_argument("source", metavar="SOURCE", help="the old site's folder (or its posts folder)")
    cmd.add_argument(
        "--kind",
        choices=KINDS,
        default="weeknote",
        metavar="KIND",
        help="what the posts are: weeknote | experiment | incident (default: weeknote)",
    )
    cmd.add_argument("--team", metavar="TEAM", help="the team for posts that name none")
    cmd.add_argument(
        "--into",
        metavar="FOLDER",
        help="a folder inside the kind's folder to write the posts to, e.g. incidents/archive",
    )
    cmd.add_argument(
        "--weeknotes-tag",
        metavar="TAG",
        help="posts with this tag or category are weeknotes; the rest are --kind",
    )
    cmd.add_argument(
        "--dry-run", action="store_true", help="report what would be written; write nothing"
    )


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    """Run the import and print its report; 0 when every post was written."""
    site = load_site_config(args.config_file, Path.cwd())
    _check_into(args.into, site.options.collections[args.kind].folder)
    blog = find_blog(args.generator, Path(args.source))  # SourceError: exit 2
    read_posts(blog)
    settings = Settings(args.kind, args.team, args.into, args.weeknotes_tag)
    plans = plan_import(blog, settings, site.options)
    outcome = Outcome(read=len(blog.posts))
    docs = site.root / str(read_yaml_file(site.config_file).get("docs_dir") or "docs")
    taken: set[str] = set()  # two posts with one name: the second is skipped, not merged
    for plan in plans:
        target = site.root / plan.rel_out
        if target.exists() or plan.rel_out in taken:
            outcome.skipped.append(plan)
            continue
        taken.add(plan.rel_out)
        outcome.written.append(plan)
        if not args.dry_run:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(plan.text(), encoding="utf-8")
            _copy(plan, docs)
    if not args.dry_run and outcome.written:
        outcome.problems = _check(site, {p.rel_out for p in outcome.written})
    _report(outcome, blog.posts_dir, blog.unreadable, args.dry_run, out)
    return 0 if not (outcome.skipped or blog.unreadable) else 1


def _check_into(into: str | None, folder: str) -> None:
    """--into must be the kind's folder or below it, or the build would never read the files."""
    if into is None:
        return
    parts, base = PurePosixPath(into).parts, PurePosixPath(folder).parts
    if parts[: len(base)] != base or ".." in parts:
        raise SourceError(
            f"--into {into} is not inside {folder}/, the folder the site reads for this kind: "
            f"use --into {folder}/imported (or leave --into out)"
        )


def _copy(plan: Planned, docs: Path) -> None:
    for source, rel in plan.assets.items():
        dest = docs / rel
        if dest.exists():
            if dest.read_bytes() != source.read_bytes():
                plan.needs.append((1, f"{dest} exists and differs from {source}: not overwritten"))
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)


def _check(site: SiteConfig, written: set[str]) -> dict[str, list[tuple[int, str]]]:
    """The read stage's problems with the written files, as `openwork check` would say them."""
    found: dict[str, list[tuple[int, str]]] = {}
    for problem in read_content(site.root, site.options).problems:
        if problem.path in written:
            found.setdefault(problem.path, []).append(
                (problem.line, f"{problem.level}: {problem.message}")
            )
    return found


def _report(
    outcome: Outcome,
    source: Path,
    unreadable: list[tuple[str, str]],
    dry_run: bool,
    out: TextIO,
) -> None:
    verb = "would write" if dry_run else "wrote"
    kinds: dict[str, int] = {}
    for plan in outcome.written:
        kinds[plan.kind] = kinds.get(plan.kind, 0) + 1
    by_kind = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in kinds.items())
    print(
        f"Read {outcome.read} posts from {source}; {verb} {len(outcome.written)} entries"
        + (f" ({by_kind})" if by_kind else "")
        + ".",
        file=out,
    )
    for plan in outcome.written:
        print(f"  {plan.rel_out}  <- {plan.post.rel}", file=out)
        if plan.changes:
            print(f"      changed: {'; '.join(plan.changes)}", file=out)
    needs = [(p, n) for p in outcome.written for n in p.needs]
    needs += [(p, n) for p in outcome.written for n in outcome.problems.get(p.rel_out, [])]
    if unreadable:
        print(f"Not read ({len(unreadable)}; fix and import again):", file=out)
        for rel, why in unreadable:
            print(f"  {rel}: {why}", file=out)
    if outcome.skipped:
        print(
            f"Skipped {len(outcome.skipped)} (the file already exists; nothing is overwritten):",
            file=out,
        )
        for plan in outcome.skipped:
            print(f"  {plan.rel_out}  <- {plan.post.rel}", file=out)
    if needs:
        print(f"Needs a person ({len(needs)}):", file=out)
        for plan, (line, note) in needs:
            print(f"  {plan.rel_out}:{line}: {note}", file=out)
    else:
        print("Nothing needs a person.", file=out)
