"""`Site`: entries grouped every way a page needs them, built once per build in O(entries)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from openwork.content.model import Author, Entry
from openwork.content.schemas import Action
from openwork.content.teams import Team
from openwork.index.tags import index_tags
from openwork.options import Options
from openwork.slugs import slugify, team_display
from openwork.tags import Tag

STATUS_ORDER = ("running", "proposed", "concluded", "abandoned")


@dataclass(frozen=True, slots=True)
class OpenAction:
    """An open incident action, with the incident it came from."""

    action: Action
    incident: Entry
    overdue: bool


@dataclass
class Site:
    """Read-only groupings of the published entries, newest first everywhere."""

    options: Options
    today: date
    entries: list[Entry] = field(default_factory=list)
    by_id: dict[str, Entry] = field(default_factory=dict)
    by_kind: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_year: dict[str, dict[int, list[Entry]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )
    by_week: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_team: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    team_names: dict[str, str] = field(default_factory=dict)
    teams: dict[str, Team] = field(default_factory=dict)  # declared in teams.yml, by id
    by_author: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    authors: dict[str, Author] = field(default_factory=dict)
    by_tag: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    tags: dict[str, Tag] = field(default_factory=dict)  # A–Z; use `tag()` for an entry's tag
    tag_descriptions: dict[str, str] = field(default_factory=dict)  # from the allow-list
    previous: dict[str, Entry] = field(default_factory=dict)  # the older neighbour
    next: dict[str, Entry] = field(default_factory=dict)  # the newer neighbour
    related: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    referenced_by: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    open_actions: list[OpenAction] = field(default_factory=list)
    previews: set[str] = field(default_factory=set)  # ids of drafts shown by `mkdocs serve`

    def collection_url(self, kind: str) -> str:
        return self.options.collections[kind].url

    def kind_entries(self, kind: str) -> list[Entry]:
        return self.by_kind.get(kind, [])

    def tag(self, tag: Tag) -> Tag:
        """An entry's tag as the site shows it: first writer's spelling, unique slug."""
        return self.tags.get(tag.name, tag)

    def weeks(self) -> list[str]:
        """ISO weeks that have weeknotes, newest first."""
        return sorted(self.by_week, reverse=True)

    def running_experiments(self) -> list[Entry]:
        return [e for e in self.kind_entries("experiment") if e.status == "running"]

    def experiments_by_status(self) -> list[tuple[str, list[Entry]]]:
        groups: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.kind_entries("experiment"):
            groups[entry.status or "proposed"].append(entry)
        return [(s, groups[s]) for s in STATUS_ORDER if groups.get(s)]

    def outcome_counts(self) -> dict[str, int]:
        counts = {"validated": 0, "invalidated": 0, "inconclusive": 0}
        for entry in self.kind_entries("experiment"):
            exp = entry.experiment
            if exp and exp.status == "concluded" and exp.outcome:
                counts[exp.outcome] += 1
        return counts


def build_site(
    entries: list[Entry],
    authors: dict[str, Author],
    options: Options,
    today: date,
    tag_descriptions: Mapping[str, str] | None = None,
    teams: Mapping[str, Team] | None = None,
) -> Site:
    """Group published entries (already newest first) in one pass, plus a pass for links."""
    site = Site(options=options, today=today)
    site.entries = list(entries)
    site.teams = dict(teams or {})  # writers (#14): a declared team's name wins
    site.team_names.update({key: team.name for key, team in site.teams.items()})
    for author in authors.values():
        site.authors[author.id] = author
    last_in_kind: dict[str, Entry] = {}
    for entry in site.entries:
        site.by_id[entry.id] = entry
        site.by_kind[entry.kind].append(entry)
        site.by_year[entry.kind][entry.year].append(entry)
        newer = last_in_kind.get(entry.kind)
        if newer is not None:
            site.previous[newer.id] = entry
            site.next[entry.id] = newer
        last_in_kind[entry.kind] = entry
        if entry.week:
            site.by_week[entry.week].append(entry)
        if entry.team:
            key = slugify(entry.team)
            site.by_team[key].append(entry)
            site.team_names.setdefault(key, team_display(entry.team))
        for author in entry.authors:
            site.by_author[author.id].append(entry)
            site.authors.setdefault(author.id, author)
        for action in entry.actions:
            if action.status == "open":
                overdue = bool(action.due and action.due < today)
                site.open_actions.append(OpenAction(action, entry, overdue))
    for entry in site.entries:
        for target_id in entry.related:
            target = site.by_id.get(target_id)
            if target is None or target is entry:
                continue  # a draft or missing id: never linked, never named
            _add_once(site.related[entry.id], target)
            _add_once(site.referenced_by[target.id], entry)
    tags = index_tags(site.entries)
    site.tags = tags.tags
    site.by_tag.update(tags.entries)
    site.tag_descriptions = {k: v for k, v in (tag_descriptions or {}).items() if k in site.tags}
    site.open_actions.sort(key=lambda a: (a.action.due or date.max, a.incident.id))
    return site


def _add_once(items: list[Entry], entry: Entry) -> None:
    if entry not in items:
        items.append(entry)
