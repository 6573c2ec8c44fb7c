"""authors.yml: ids to names and links, so front matter can say `authors: [ada]`."""

from __future__ import annotations

from pathlib import Path

from openwork.content.model import Author
from openwork.content.names import name_problem
from openwork.content.yaml_file import read_mapping_file
from openwork.problems import Problem
from openwork.slugs import slugify


def load_authors(root: Path, rel_path: str) -> tuple[dict[str, Author], list[Problem]]:
    """Read authors.yml (`id: {name, url, email, avatar}`, optionally under `authors:`)."""
    read = read_mapping_file(root, rel_path, "authors")
    if read is None:
        return {}, []
    data, lines, problems = read
    authors: dict[str, Author] = {}
    key_of: dict[str, str] = {}  # author id -> the key that gave it
    for key, value in data.items():
        line = lines.get((key,), 1)
        found = name_problem("author id", str(key), "authors")
        if found is not None:
            level = "error" if found[0] == "error" else "warning"
            problems.append(Problem(rel_path, line, level, found[1]))
            if level == "error":
                continue
        author_id = slugify(str(key))
        if author_id in key_of:
            problems.append(
                Problem(
                    rel_path,
                    line,
                    "error",
                    f"author id '{key}' makes the same page /authors/{author_id}/ as "
                    f"'{key_of[author_id]}': give one of them another id",
                )
            )
            continue
        key_of[author_id] = str(key)
        if isinstance(value, str):
            value = {"name": value}
        if not isinstance(value, dict):
            problems.append(
                Problem(rel_path, line, "error", f"author '{key}' should be a mapping with a name")
            )
            continue
        name = value.get("name") or key
        authors[str(key)] = Author(
            id=author_id,
            name=str(name),
            url=_opt(value.get("url")),
            email=_opt(value.get("email")),
            avatar=_opt(value.get("avatar")),
        )
    return authors, problems


def resolve_author(written: str, known: dict[str, Author]) -> Author:
    """An id from authors.yml, or a plain name that becomes an author of its own."""
    if written in known:
        return known[written]
    for author in known.values():
        if author.name.casefold() == written.casefold():
            return author
    return Author(id=slugify(written) or "author", name=written.strip())


def _opt(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
