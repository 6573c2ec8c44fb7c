"""How problems reach a person: one line per repeated problem, and a loud line when nothing
was published. The build log and `openwork check` both print through here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from openwork.problems import Problem

GROUP_FROM = 3  # this many files with one identical message become one line
SHOWN = 3  # file names written out in a grouped line


def group_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems, in order; a message repeated in many files is said once, where it first
    appears: "a.md:3: warning: tag 'X' is not in tags.yml (215 files: first a.md, b.md, ...)".
    """
    problems = list(problems)
    paths: dict[tuple[str, str], list[str]] = {}
    for problem in problems:
        files = paths.setdefault((problem.level, problem.message), [])
        if problem.path not in files:
            files.append(problem.path)
    lines: list[Problem] = []
    said: set[tuple[str, str]] = set()
    for problem in problems:
        key = (problem.level, problem.message)
        files = paths[key]
        if len(files) < GROUP_FROM:
            lines.append(problem)
        elif key not in said:
            said.add(key)
            listed = ", ".join(files[:SHOWN]) + (", ..." if len(files) > SHOWN else "")
            message = f"{problem.message} ({len(files)} files: first {listed})"
            lines.append(Problem(problem.path, problem.line, problem.level, message))
    return lines


def nothing_published(
    folders: Iterable[str], problems: Sequence[Problem], published: int
) -> list[Problem]:
    """One error when content files were read but every one was rejected: a site that looks
    empty because of its errors must not pass for a quiet one. `published` counts the entries
    read (drafts included)."""
    if published:
        return []
    prefixes = tuple(folder.rstrip("/") + "/" for folder in folders)
    failed = sorted(
        {p.path for p in problems if p.level == "error" and p.path.startswith(prefixes)}
    )
    if not failed:
        return []
    where = next(prefix for prefix in prefixes if failed[0].startswith(prefix))
    return [
        Problem(
            where,
            1,
            "error",
            f"nothing was published: every one of the {len(failed)} content files has an "
            "error (each is listed with its file); until one is published, the feeds have no "
            "items and no date, and no Atom feed is written (Atom requires a date)",
        )
    ]
