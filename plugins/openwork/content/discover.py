"""Finding content files, and the `.meta.yml` defaults that apply to each."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openwork.content.text import read_text
from openwork.content.yaml_read import Path_, parse_yaml
from openwork.problems import Problem

META_FILE = ".meta.yml"
MARKDOWN = (".md", ".markdown")


@dataclass(frozen=True, slots=True)
class Found:
    abs_path: Path
    rel_path: str  # relative to the site root, '/'-separated
    defaults: dict[str, Any]  # merged .meta.yml values, nearest folder wins
    default_origin: dict[str, tuple[str, int]]  # field -> (.meta.yml that gave it, line)


def find_files(root: Path, folder: str, problems: list[Problem]) -> Iterator[Found]:
    """Every Markdown file under root/folder, at any depth, in a stable order."""
    base = root / folder
    if not base.is_dir():
        return
    inherited: dict[Path, tuple[dict[str, Any], dict[str, tuple[str, int]]]] = {}
    for dirpath, dirnames, filenames in os.walk(base):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        parent = inherited.get(here.parent, ({}, {}))
        defaults, origin = dict(parent[0]), dict(parent[1])
        if META_FILE in filenames:
            rel_meta = (here / META_FILE).relative_to(root).as_posix()
            own, lines = _read_meta(here / META_FILE, rel_meta, problems)
            defaults.update(own)
            origin.update({key: (rel_meta, lines.get((key,), 1)) for key in own})
        inherited[here] = (defaults, origin)
        rel_dir = here.relative_to(root).as_posix()  # once per folder, not per file
        prefix = "" if rel_dir == "." else f"{rel_dir}/"
        for name in sorted(filenames):
            if name.endswith(MARKDOWN) and not name.startswith((".", "_")):
                yield Found(here / name, prefix + name, defaults, origin)


def _read_meta(
    path: Path, rel: str, problems: list[Problem]
) -> tuple[dict[str, Any], dict[Path_, int]]:
    try:
        return _parse_meta(path, rel, problems)
    except Exception as exc:  # the read stage's boundary, for this file
        problems.append(
            Problem(rel, 1, "error", f"openwork could not read this file: {type(exc).__name__}")
        )
        return {}, {}


def _parse_meta(
    path: Path, rel: str, problems: list[Problem]
) -> tuple[dict[str, Any], dict[Path_, int]]:
    read = read_text(path, rel)
    if isinstance(read, Problem):
        problems.append(read)
        return {}, {}
    text, cleaned = read
    problems.extend(cleaned)
    parsed = parse_yaml(text, rel, what="this defaults file")
    if isinstance(parsed, Problem):
        problems.append(parsed)
        return {}, {}
    data, lines, found = parsed
    problems.extend(found)
    return data, lines
