"""A site's own YAML file (authors.yml, teams.yml): read once, the same way, with field lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openwork.content.text import read_text
from openwork.content.yaml_read import Path_, parse_yaml
from openwork.problems import Problem


def read_mapping_file(
    root: Path, rel_path: str, key: str
) -> tuple[dict[str, Any], dict[Path_, int], list[Problem]] | None:
    """The file's mapping (or the one under a top-level `key:`), each field's line, and the
    problems that kept it from being read; None when the file does not exist.

    Read like front matter: forbidden characters dropped with a warning, alias bombs and
    other hostile YAML refused."""
    path = root / rel_path
    if not path.is_file():
        return None
    read = read_text(path, rel_path)
    if isinstance(read, Problem):
        return {}, {}, [read]
    text, cleaned = read
    parsed = parse_yaml(text, rel_path, what=rel_path)
    if isinstance(parsed, Problem):
        return {}, {}, [*cleaned, parsed]
    data, lines, problems = parsed
    if isinstance(data.get(key), dict):
        data = data[key]
        lines = {k[1:]: v for k, v in lines.items() if k and k[0] == key}
    return data, lines, [*cleaned, *problems]
