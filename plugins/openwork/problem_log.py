"""Problems into a build log: errors at ERROR, warnings at WARNING, the level said once."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from openwork.problems import Problem


def log_line(problem: Problem) -> str:
    """`path:line: message`, on one line: the logger's own prefix (`ERROR -`) says the level."""
    return " ".join(f"{problem.path}:{problem.line}: {problem.message}".split("\n"))


def log_problems(log: logging.Logger | logging.LoggerAdapter, problems: Iterable[Problem]) -> None:
    """Log each problem at its own level. `mkdocs build --strict` counts both levels, as
    `openwork check --strict` does; without --strict neither stops the build."""
    for problem in problems:
        if problem.level == "error":
            log.error(log_line(problem))
        else:
            log.warning(log_line(problem))
