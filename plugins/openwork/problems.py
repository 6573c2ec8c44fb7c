"""Problems found in content: one shape for the build log and for `openwork check`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with one file, at one line (1 for a file-level problem)."""

    path: str
    line: int
    level: Level
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Order by file, then line, so output reads top to bottom."""
    return sorted(problems, key=lambda p: (p.path, p.line, p.level, p.message))
