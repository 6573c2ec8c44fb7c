"""services.yml: the services /status/ lists, with display names, descriptions and order.

The file is optional. Without it the status page lists every service named in incidents'
`services`, A to Z. With it, declared services come first in the file's order (even those
no incident has named, shown as operational), and a service an incident names that the file
does not declare is a warning with the nearest declared name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from openwork.content.model import Entry
from openwork.content.yaml_file import read_mapping_file
from openwork.problems import Problem
from openwork.slugs import slugify
from openwork.suggest import did_you_mean

SERVICES_FILE = "services.yml"
_FIELDS = ("name", "description")


@dataclass(frozen=True, slots=True)
class Service:
    """One service as the status page shows it. `key` is the slug incidents are matched by."""

    key: str
    name: str
    description: str | None = None
    order: int = 0  # position in services.yml; undeclared services sort after, A to Z
    declared: bool = False


def load_services(root: Path, rel_path: str = SERVICES_FILE) -> tuple[list[Service], list[Problem]]:
    """Read services.yml (`id: {name, description}` or `id: Name`, optionally under
    `services:`), in the file's order. A missing file is no services and no problem."""
    found = read_mapping_file(root, rel_path, "services")
    if found is None:
        return [], []
    data, lines, problems = found
    services: list[Service] = []
    seen: dict[str, str] = {}
    for key, value in data.items():
        line = lines.get((key,), 1)
        if isinstance(value, str):
            value = {"name": value}
        elif value is None:
            value = {}
        if not isinstance(value, dict):
            problems.append(
                Problem(
                    rel_path,
                    line,
                    "error",
                    f"service '{key}' should be a mapping with a name and a description, "
                    "e.g. `council-tax: {name: Council tax portal, description: ...}`",
                )
            )
            continue
        for field in value:
            if field not in _FIELDS:
                problems.append(
                    Problem(
                        rel_path,
                        lines.get((key, field), line),
                        "warning",
                        f"service '{key}' has an unknown field '{field}'"
                        f"{did_you_mean(str(field), _FIELDS)}: a service has a name and a "
                        "description",
                    )
                )
        slug = slugify(str(key))
        if not slug:
            problems.append(Problem(rel_path, line, "error", f"service id '{key}' has no letters"))
            continue
        if slug in seen:
            problems.append(
                Problem(
                    rel_path,
                    line,
                    "error",
                    f"service '{key}' is declared twice (first as '{seen[slug]}'): "
                    "keep one of them",
                )
            )
            continue
        seen[slug] = str(key)
        name, description = (_text(value.get(f)) for f in _FIELDS)
        for field in _FIELDS:
            if value.get(field) is not None and _text(value.get(field)) is None:
                problems.append(
                    Problem(
                        rel_path,
                        lines.get((key, field), line),
                        "error",
                        f"service '{key}': {field} should be text, not a list or mapping",
                    )
                )
        services.append(
            Service(
                key=slug,
                name=name or str(key),
                description=description,
                order=len(services),
                declared=True,
            )
        )
    return services, problems


def services_problems(root: Path, entries: Iterable[Entry]) -> list[Problem]:
    """Every problem of services.yml and of incidents' names for services: what
    `openwork check` reports and the build logs."""
    declared, problems = load_services(root)
    return problems + undeclared_services(entries, declared)


def _text(value: object) -> str | None:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return " ".join(str(value).split()) or None
    return None


def undeclared_services(
    entries: Iterable[Entry], declared: list[Service], rel_path: str = SERVICES_FILE
) -> list[Problem]:
    """A warning for each incident service that services.yml does not declare (only when
    the file declares some), at the line of the incident's `services` field."""
    if not declared:
        return []
    known = {s.key for s in declared}
    for s in declared:
        known.add(slugify(s.name))
    names = [s.name for s in declared]
    problems = []
    for entry in entries:
        inc = entry.incident
        if inc is None:
            continue
        for written in inc.services:
            if slugify(written) not in known:
                problems.append(
                    Problem(
                        entry.path,
                        entry.lines.get("services", 1),
                        "warning",
                        f"service '{written}' is not in {rel_path}{did_you_mean(written, names)}"
                        ": add it there, or use a declared name",
                    )
                )
    return problems
