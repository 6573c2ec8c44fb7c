"""The values the read stage produces: what every later stage works from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from openwork.content.schemas import (
    Action,
    ExperimentMeta,
    IncidentMeta,
    Meta,
    Metric,
    TimelineEvent,
)
from openwork.forked import quick_pickling
from openwork.slugs import slugify
from openwork.tags import Tag


@quick_pickling  # entries are sent from forked processes (openwork check)
@dataclass(frozen=True, slots=True)
class Author:
    """A person, from authors.yml or named in front matter."""

    id: str
    name: str
    url: str | None = None
    email: str | None = None
    avatar: str | None = None


@quick_pickling
@dataclass(frozen=True, slots=True)
class Amendment:
    at: datetime
    note: str


@quick_pickling
@dataclass(frozen=True, slots=True, eq=False)
class Entry:
    """One published (or draft) weeknote, experiment or incident report."""

    kind: str  # weeknote | experiment | incident
    collection: str  # the collection's URL base, e.g. "weeknotes"
    id: str
    slug: str
    path: str  # source file, relative to the site root, '/'-separated
    title: str
    date: datetime
    updated: datetime | None
    authors: tuple[Author, ...]
    team: str | None
    tags: tuple[Tag, ...]
    summary: str | None
    excerpt: str
    body: str  # Markdown, private blocks already removed for a public build
    body_line: int  # line of the file where the body starts
    draft: bool
    publish_after: datetime | None
    related: tuple[str, ...]
    amendments: tuple[Amendment, ...]
    meta: Meta
    week: str | None = None  # weeknotes: '2026-W47'
    extra: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # field name -> line in the file

    @property
    def url(self) -> str:
        """Site-relative URL with a trailing slash: 'incidents/2026-03-db/'."""
        return f"{self.collection}/{self.slug}/"

    @property
    def src_uri(self) -> str:
        """The generated page's path inside MkDocs' docs tree."""
        return f"{self.collection}/{self.slug}.md"

    @property
    def team_slug(self) -> str | None:
        return slugify(self.team) if self.team else None

    @property
    def last_modified(self) -> datetime:
        """`updated`, else the newest amendment, else `date`: the feeds' `updated`."""
        candidates = [self.date]
        if self.updated:
            candidates.append(self.updated)
        candidates.extend(a.at for a in self.amendments)
        return max(candidates)

    @property
    def year(self) -> int:
        return self.date.year

    # Kind-specific views, typed for templates and the index.
    @property
    def experiment(self) -> ExperimentMeta | None:
        return self.meta if isinstance(self.meta, ExperimentMeta) else None

    @property
    def incident(self) -> IncidentMeta | None:
        return self.meta if isinstance(self.meta, IncidentMeta) else None

    # Only a field the kind's schema declares: an extra field of another kind's name (a
    # weeknote's `actions: true`) is kept for templates in `extra`, never read as one.
    def _declared(self, name: str, default: Any) -> Any:
        return getattr(self.meta, name) if name in type(self.meta).model_fields else default

    @property
    def status(self) -> str | None:
        return self._declared("status", None)

    @property
    def metrics(self) -> list[Metric]:
        return self._declared("metrics", [])

    @property
    def actions(self) -> list[Action]:
        return self._declared("actions", [])

    @property
    def timeline(self) -> list[TimelineEvent]:
        return self._declared("timeline", [])

    def durations(self) -> dict[str, timedelta]:
        """Time to detect / mitigate / resolve, for incidents that have the times."""
        inc = self.incident
        if inc is None or inc.started is None:  # timings not recorded (#15)
            return {}
        out: dict[str, timedelta] = {}
        for name, end in (
            ("detect", inc.detected),
            ("mitigate", inc.mitigated),
            ("resolve", inc.resolved),
        ):
            if end is not None:
                # In UTC: Python subtracts two times that share a tzinfo as wall-clock times,
                # which is an hour out across a daylight-saving change.
                out[name] = end.astimezone(UTC) - inc.started.astimezone(UTC)
        return out

    def review_overdue(self, today: date) -> bool:
        exp = self.experiment
        return bool(exp and exp.status == "running" and exp.review_by and exp.review_by < today)
