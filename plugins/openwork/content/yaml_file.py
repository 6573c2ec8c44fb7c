"""A site's own YAML file (authors.yml, teams.yml): read once, the same way, with field lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openwork.content.source import Path_, parse_yaml
from openwork.problems import Problem


def read_mapping_file(
    root: Path, rel_path: str, key: str
) -> tuple[dict[str, Any], dict[Path_, int], list[Problem]] | None:
    """The file's mapping (or the one under a top-level `key:`), each field's line, and the
    problems that kept it from being read; None when the file does not exist."""
    path = root / rel_path
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return {}, {}, [Problem(rel_path, 1, "error", "the file is not UTF-8: save it as UTF-8")]
    parsed = parse_yaml(text, rel_path)
    if isinstance(parsed, Problem):
        return {}, {}, [parsed]
    data, lines, problems = parsed
    if isinstance(data.get(key), dict):
        data = data[key]
        lines = {k[1:]: v for k, v in lines.items() if k and k[0] == key}
    return data, lines, problems
