"""teams.yml: the teams that publish, declared like authors, so a misspelt `team:` is caught."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openwork.content.authors import resolve_author
from openwork.content.model import Author, Entry
from openwork.content.source import Path_
from openwork.content.yaml_file import read_mapping_file
from openwork.problems import Problem
from openwork.slugs import slugify, team_display
from openwork.suggest import did_you_mean, nearest

FIELDS = ("name", "description", "members", "links")


@dataclass(frozen=True, slots=True)
class TeamLink:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Team:
    """A declared team: its id (the URL segment), name, one sentence, members, links."""

    id: str
    name: str
    description: str = ""
    members: tuple[Author, ...] = ()
    links: tuple[TeamLink, ...] = ()


def load_teams(
    root: Path, rel_path: str, authors: Mapping[str, Author]
) -> tuple[dict[str, Team] | None, list[Problem]]:
    """Read teams.yml (`id: {name, description, members, links}`, optionally under `teams:`).

    None when the file does not exist: then any `team:` is accepted, as before teams.yml."""
    read = read_mapping_file(root, rel_path, "teams")
    if read is None:
        return None, []
    data, lines, problems = read
    reader = _TeamReader(rel_path, lines, authors, problems)
    teams: dict[str, Team] = {}
    for key, value in data.items():
        team = reader.team(str(key), value)
        if team is None:
            continue
        if team.id in teams:
            reader.add((key,), "error", f"team '{key}' is declared twice (as '{team.id}')")
            continue
        teams[team.id] = team
    return teams, problems


class _TeamReader:
    """Turns one team's YAML into a Team, adding a problem for each thing it cannot use."""

    def __init__(
        self,
        rel_path: str,
        lines: dict[Path_, int],
        authors: Mapping[str, Author],
        problems: list[Problem],
    ) -> None:
        self.rel_path = rel_path
        self.lines = lines
        self.authors = authors
        self.problems = problems

    def add(self, loc: Path_, level: str, message: str) -> None:
        line = next(
            (self.lines[loc[:n]] for n in range(len(loc), 0, -1) if loc[:n] in self.lines), 1
        )
        self.problems.append(Problem(self.rel_path, line, level, message))  # type: ignore[arg-type]

    def team(self, key: str, value: Any) -> Team | None:
        team_id = slugify(key)
        if not team_id:
            self.add((key,), "error", f"team id '{key}' has no letters or digits to make a URL")
            return None
        if value is None or isinstance(value, str):
            value = {"name": value} if value else {}
        if not isinstance(value, dict):
            self.add(
                (key,),
                "error",
                f"team '{key}' should be a mapping: name, description, members, links",
            )
            return None
        for field in value:
            if field not in FIELDS:
                hint = did_you_mean(str(field), FIELDS) or f" (use {', '.join(FIELDS)})"
                self.add((key, field), "warning", f"team '{key}': unknown field '{field}'{hint}")
        return Team(
            id=team_id,
            name=self._text(key, value, "name") or key,
            description=self._text(key, value, "description"),
            members=self._members(key, value.get("members")),
            links=self._links(key, value.get("links")),
        )

    def _text(self, key: str, value: dict[str, Any], field: str) -> str:
        text = value.get(field)
        if text is None:
            return ""
        if not isinstance(text, str | int | float):
            self.add((key, field), "error", f"team '{key}': {field} should be text")
            return ""
        return " ".join(str(text).split())

    def _members(self, key: str, members: Any) -> tuple[Author, ...]:
        if members is None:
            return ()
        if isinstance(members, str):
            members = [members]
        if not isinstance(members, list):
            self.add(
                (key, "members"), "error", f"team '{key}': members should be a list of author ids"
            )
            return ()
        found: list[Author] = []
        for index, member in enumerate(members):
            if not isinstance(member, str) or not member.strip():
                self.add(
                    (key, "members", index),
                    "error",
                    f"team '{key}': a member should be an author id",
                )
                continue
            author = resolve_author(member, dict(self.authors))
            if self.authors and member not in self.authors and author not in self.authors.values():
                self.add(
                    (key, "members", index),
                    "warning",
                    f"team '{key}': member '{member}' is not in authors.yml"
                    f"{did_you_mean(member, self.authors)}",
                )
            if author not in found:
                found.append(author)
        return tuple(found)

    def _links(self, key: str, links: Any) -> tuple[TeamLink, ...]:
        if links is None:
            return ()
        if isinstance(links, dict):  # {title: url}
            links = [{"title": t, "url": u} for t, u in links.items()]
        if not isinstance(links, list):
            self.add(
                (key, "links"), "error", f"team '{key}': links should be a list of title and url"
            )
            return ()
        found: list[TeamLink] = []
        for index, link in enumerate(links):
            if isinstance(link, str):
                link = {"title": link, "url": link}
            if not isinstance(link, dict) or not isinstance(link.get("url"), str):
                self.add(
                    (key, "links", index),
                    "error",
                    f"team '{key}': each link needs a url (and a title), e.g. "
                    "{title: Roadmap, url: https://example.org/roadmap}",
                )
                continue
            title = link.get("title") or link.get("name") or link["url"]
            found.append(TeamLink(" ".join(str(title).split()), link["url"].strip()))
        return tuple(found)


def unknown_teams(
    entries: Iterable[Entry], teams: Mapping[str, Team] | None, rel_path: str
) -> list[Problem]:
    """A warning for each entry whose `team:` is not declared (none without a teams file)."""
    problems = []
    for entry in entries:
        if entry.team is not None and (message := undeclared(entry.team, teams, rel_path)):
            problems.append(Problem(entry.path, entry.lines.get("team", 1), "warning", message))
    return problems


def team_name(team: str, teams: Mapping[str, Team] | None) -> str:
    """The name a team is shown by: as teams.yml declares it, else from the `team:` value."""
    declared = (teams or {}).get(slugify(team))
    return declared.name if declared else team_display(team)


def undeclared(team: str, teams: Mapping[str, Team] | None, rel_path: str) -> str | None:
    """'team 'x' is not in teams.yml (did you mean 'y'?)', or None when it is declared or the
    site declares no teams."""
    if teams is None or slugify(team) in teams:
        return None
    choices = {**{t.name: t.id for t in teams.values()}, **{t.id: t.id for t in teams.values()}}
    match = nearest(team, choices)
    hint = f" (did you mean '{choices[match]}'?)" if match else f": declare it in {rel_path}"
    return f"team '{team}' is not in {rel_path}{hint}"
