"""`Site`: entries grouped every way a page needs them, built once per build in O(entries)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from openwork.content.model import Author, Entry
from openwork.content.schemas import Action
from openwork.content.teams import Team
from openwork.index.tag_index import index_tags
from openwork.options import Options
from openwork.slugs import team_display
from openwork.tags import Tag

STATUS_ORDER = ("running", "proposed", "concluded", "abandoned")


def action_overdue(action: Action, today: date) -> bool:
    """An open action past its due date: the one answer the pages, cards and entries.json use."""
    return bool(action.status == "open" and action.due and action.due < today)


@dataclass(frozen=True, slots=True)
class OpenAction:
    """An open incident action, with the incident it came from."""

    action: Action
    incident: Entry
    overdue: bool


@dataclass(frozen=True)
class Site:
    """Groupings of the entries a build shows, newest first everywhere; frozen once built.

    Under `mkdocs serve` the shown entries include drafts and embargoed entries, whose ids
    are in `previews`: pages mark them, and `public()` is the site without them, the only
    view that feeds, OPML and entries.json are made from."""

    options: Options
    today: date
    entries: list[Entry] = field(default_factory=list)
    by_id: dict[str, Entry] = field(default_factory=dict)
    by_kind: dict[str, list[Entry]] = field(default_factory=dict)
    by_year: dict[str, dict[int, list[Entry]]] = field(default_factory=dict)
    by_week: dict[str, list[Entry]] = field(default_factory=dict)
    by_team: dict[str, list[Entry]] = field(default_factory=dict)
    team_names: dict[str, str] = field(default_factory=dict)
    teams: dict[str, Team] = field(default_factory=dict)  # declared in teams.yml, by id
    by_author: dict[str, list[Entry]] = field(default_factory=dict)
    authors: dict[str, Author] = field(default_factory=dict)
    by_tag: dict[str, list[Entry]] = field(default_factory=dict)
    tags: dict[str, Tag] = field(default_factory=dict)  # A–Z; use `tag()` for an entry's tag
    tag_descriptions: dict[str, str] = field(default_factory=dict)  # from the allow-list
    previous: dict[str, Entry] = field(default_factory=dict)  # the older neighbour
    next: dict[str, Entry] = field(default_factory=dict)  # the newer neighbour
    related: dict[str, list[Entry]] = field(default_factory=dict)
    referenced_by: dict[str, list[Entry]] = field(default_factory=dict)
    open_actions: list[OpenAction] = field(default_factory=list)
    previews: frozenset[str] = frozenset()  # ids of drafts and embargoes shown by serve
    public_site: Site | None = None  # without the previews; None when there are none

    def public(self) -> Site:
        """The site as a public build shows it: what every feed and data file is made from."""
        return self.public_site if self.public_site is not None else self

    def is_preview(self, entry: Entry) -> bool:
        return entry.id in self.previews

    def overdue(self, action: Action) -> bool:
        return action_overdue(action, self.today)

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


EntryError = Callable[[Entry, Exception], None]


def build_site(
    entries: list[Entry],
    authors: dict[str, Author],
    options: Options,
    today: date,
    tag_descriptions: Mapping[str, str] | None = None,
    *,
    previews: frozenset[str] = frozenset(),
    teams: Mapping[str, Team] | None = None,
    on_error: EntryError | None = None,
) -> Site:
    """Group entries (already newest first) in one pass, plus a pass for links.

    Each entry's keys are worked out before any grouping takes it, so an entry that raises
    is left out whole: `on_error` hears about it (re-raised when there is no `on_error`)."""
    keyed: list[tuple[Entry, _Keys]] = []
    for entry in entries:
        try:
            keyed.append((entry, _keys(entry, today)))
        except Exception as exc:
            if on_error is None:
                raise
            on_error(entry, exc)
    site = _group(keyed, authors, options, today, tag_descriptions, previews, teams)
    if not previews:
        return site
    public = [(e, k) for e, k in keyed if e.id not in previews]
    public_site = _group(public, authors, options, today, tag_descriptions, frozenset(), teams)
    return Site(**{**_fields(site), "public_site": public_site})


@dataclass(frozen=True, slots=True)
class _Keys:
    """Everything the index asks of one entry, worked out inside its error boundary."""

    year: int
    week: str | None
    team: tuple[str, str] | None  # (slug, display name)
    authors: tuple[Author, ...]
    open_actions: tuple[OpenAction, ...]


def _keys(entry: Entry, today: date) -> _Keys:
    team = (entry.team_slug or "", team_display(entry.team)) if entry.team else None
    actions = tuple(
        OpenAction(a, entry, action_overdue(a, today)) for a in entry.actions if a.status == "open"
    )
    return _Keys(entry.year, entry.week, team, tuple(entry.authors), actions)


def _fields(site: Site) -> dict[str, object]:
    return {name: getattr(site, name) for name in Site.__dataclass_fields__}


def _group(
    keyed: list[tuple[Entry, _Keys]],
    authors: dict[str, Author],
    options: Options,
    today: date,
    tag_descriptions: Mapping[str, str] | None,
    previews: frozenset[str],
    teams: Mapping[str, Team] | None = None,
) -> Site:
    shown = [entry for entry, _ in keyed]
    by_id: dict[str, Entry] = {}
    by_kind: dict[str, list[Entry]] = defaultdict(list)
    by_year: dict[str, dict[int, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    by_week: dict[str, list[Entry]] = defaultdict(list)
    by_team: dict[str, list[Entry]] = defaultdict(list)
    declared = dict(teams or {})
    team_names = {key: team.name for key, team in declared.items()}  # a declared name wins
    by_author: dict[str, list[Entry]] = defaultdict(list)
    site_authors = {author.id: author for author in authors.values()}
    previous: dict[str, Entry] = {}
    newer_of: dict[str, Entry] = {}
    open_actions: list[OpenAction] = []
    last_in_kind: dict[str, Entry] = {}
    for entry, keys in keyed:
        by_id[entry.id] = entry
        by_kind[entry.kind].append(entry)
        by_year[entry.kind][keys.year].append(entry)
        newer = last_in_kind.get(entry.kind)
        if newer is not None:
            previous[newer.id] = entry
            newer_of[entry.id] = newer
        last_in_kind[entry.kind] = entry
        if keys.week:
            by_week[keys.week].append(entry)
        if keys.team:
            by_team[keys.team[0]].append(entry)
            team_names.setdefault(*keys.team)
        for author in keys.authors:
            by_author[author.id].append(entry)
            site_authors.setdefault(author.id, author)
        open_actions.extend(keys.open_actions)
    related: dict[str, list[Entry]] = defaultdict(list)
    referenced_by: dict[str, list[Entry]] = defaultdict(list)
    for entry in shown:
        for target_id in entry.related:
            target = by_id.get(target_id)
            if target is None or target is entry:
                continue  # a draft or missing id: never linked, never named
            _add_once(related[entry.id], target)
            _add_once(referenced_by[target.id], entry)
    tags = index_tags(shown)
    open_actions.sort(key=lambda a: (a.action.due or date.max, a.incident.id))
    return Site(
        options=options,
        today=today,
        entries=shown,
        by_id=by_id,
        by_kind=dict(by_kind),
        by_year={kind: dict(years) for kind, years in by_year.items()},
        by_week=dict(by_week),
        by_team=dict(by_team),
        team_names=team_names,
        teams=declared,
        by_author=dict(by_author),
        authors=site_authors,
        by_tag=dict(tags.entries),
        tags=tags.tags,
        tag_descriptions={k: v for k, v in (tag_descriptions or {}).items() if k in tags.tags},
        previous=previous,
        next=newer_of,
        related=dict(related),
        referenced_by=dict(referenced_by),
        open_actions=open_actions,
        previews=previews & by_id.keys(),
    )


def _add_once(items: list[Entry], entry: Entry) -> None:
    if entry not in items:
        items.append(entry)
