"""Which feeds the site has: one per scope (site, collection, team, tag) and format.

The catalog is the one list that the writers, the `<head>` links, the /feeds/ page, the
tag and team pages and the OPML file all read, so they can never disagree about a URL.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, MutableMapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

from openwork import paths
from openwork.content.model import Entry
from openwork.feeds import atom, jsonfeed, rss
from openwork.feeds.facts import facts_html
from openwork.feeds.kept_items import KeptItems
from openwork.feeds.model import Feed, FeedItem, build_item, newest_update
from openwork.index.site import Site
from openwork.render.renderer import Renderer
from openwork.urls import PageUrls, site_absolute

ScopeKind = Literal["site", "collection", "team", "tag", "status"]

FILE_NAMES = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json"}
MEDIA_TYPES = {"rss": rss.MEDIA_TYPE, "atom": atom.MEDIA_TYPE, "json": jsonfeed.MEDIA_TYPE}
FORMAT_NAMES = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
_COLLECTION_WORDS = {
    "weeknote": ("weeknotes", "weeknote"),
    "experiment": ("experiments", "experiment write-up"),
    "incident": ("incidents", "incident report"),
}


@dataclass(frozen=True, slots=True)
class FeedSettings:
    """What the feeds take from mkdocs.yml."""

    site_name: str
    site_url: str  # absolute, ending in '/'
    formats: tuple[str, ...] = ("rss", "atom", "json")
    limit: int = 50  # newest items in the site's and each collection's feed
    scoped_limit: int = 20  # in each team's and tag's feed
    description: str | None = None
    language: str = "en"
    author: str | None = None  # `site_author`; the site's name when absent

    @staticmethod
    def normalise_url(site_url: str) -> str:
        return site_url if site_url.endswith("/") else site_url + "/"


@dataclass(frozen=True, slots=True)
class FeedScope:
    """One feed, whatever its formats: its title, its HTML page and its entries."""

    kind: ScopeKind
    key: str  # '' for the site, the kind for a collection, the team key, the tag name
    title: str
    label: str  # a short name for lists: 'Weeknotes', 'Platform team', 'Open Data'
    description: str
    page_src: str  # docs path of the HTML page the feed follows
    folder: str  # where its files go in the site ('' is the root)
    entries: tuple[Entry, ...] = field(repr=False)  # newest first, before the limit
    # status (#16): items made by feeds/status.py (one per incident change), not from entries
    items: tuple[FeedItem, ...] | None = field(default=None, repr=False)

    def path(self, fmt: str) -> str:
        """'tags/open-data/feed.xml': the file, relative to the site root."""
        name = FILE_NAMES[fmt]
        return f"{self.folder}/{name}" if self.folder else name


class FeedCatalog:
    """Every feed of one build, with absolute URLs from `site_url`.

    Made from the public site only (`Site.public()`): a preview never reaches a feed."""

    def __init__(
        self,
        settings: FeedSettings,
        urls: PageUrls,
        scopes: Iterable[FeedScope],
        renderer: Renderer | None = None,
    ):
        self.settings = settings
        self.urls = urls
        self.renderer = renderer or Renderer(urls)
        self.scopes: list[FeedScope] = list(scopes)
        self._by_key = {(s.kind, s.key): s for s in self.scopes}
        self._page_index = _PageIndex(self.scopes)
        self.head_cache: dict[tuple[int, ...], str] = {}  # feeds/head.py: links per scope set
        # Each entry's card facts for its item, by entry id: the same whichever body the
        # item is made with (a stand-in while the pipeline tries items, then the page's).
        self.facts: dict[str, str] = {}
        self.kept_items: KeptItems | None = None  # a server's, between rebuilds
        # An empty Atom feed still needs an `updated`: the site's newest change, never the
        # clock. A site that has published nothing has none, and so no Atom feeds (`formats`).
        changes = [e.last_modified for s in self.scopes for e in s.entries]
        changes += [i.updated for s in self.scopes for i in s.items or ()]
        self.fallback_updated: datetime | None = max(changes, default=None)

    feeds_page = paths.feeds()  # the /feeds/ page, for templates

    @staticmethod
    def format_name(fmt: str) -> str:
        return FORMAT_NAMES[fmt]

    @staticmethod
    def media_type(fmt: str) -> str:
        return MEDIA_TYPES[fmt]

    @staticmethod
    def file_name(fmt: str) -> str:
        return FILE_NAMES[fmt]

    @property
    def formats(self) -> tuple[str, ...]:
        """The formats written and linked. Atom requires a feed date, and a site that has
        published nothing has no honest one: it gets no Atom feeds until its first entry."""
        if self.fallback_updated is None:
            return tuple(fmt for fmt in self.settings.formats if fmt != "atom")
        return self.settings.formats

    @property
    def primary(self) -> str | None:
        """The format named first in `feeds.formats`: the one offered to people first."""
        return self.formats[0] if self.formats else None

    def find(self, kind: str, key: str = "") -> FeedScope | None:
        return self._by_key.get((kind, key))

    def of_kind(self, kind: ScopeKind) -> list[FeedScope]:
        return [s for s in self.scopes if s.kind == kind]

    def url(self, scope: FeedScope, fmt: str) -> str:
        return site_absolute(self.settings.site_url, scope.path(fmt))

    def page_url(self, scope: FeedScope) -> str:
        return site_absolute(self.settings.site_url, self.urls.url(scope.page_src))

    def for_page(self, src_uri: str, entry: Entry | None = None) -> list[FeedScope]:
        """The feeds a page links in its <head>: the site's everywhere; a collection's on its
        pages and entries; a team's on its page and its entries; a tag's on its page."""
        return [self.scopes[i] for i in self.page_scopes(src_uri, entry)]

    def page_scopes(self, src_uri: str, entry: Entry | None = None) -> tuple[int, ...]:
        """`for_page` as positions in `scopes`: what a cache of head links is keyed by."""
        return self._page_index.find(src_uri, entry)

    def in_feeds(self) -> list[Entry]:
        """Every entry some feed carries (within its limit), once, in the site's order."""
        seen: dict[str, Entry] = {}
        for scope in self.scopes:
            for entry in scope.entries[: self.limit(scope)]:
                seen.setdefault(entry.id, entry)
        return list(seen.values())

    def without(self, ids: Collection[str]) -> FeedCatalog:
        """The same feeds with these entries left out of every one."""
        scopes = [
            replace(s, entries=tuple(e for e in s.entries if e.id not in ids)) for s in self.scopes
        ]
        catalog = FeedCatalog(self.settings, self.urls, scopes, self.renderer)
        # The pages already link this build's feeds: the same formats, the same fallback.
        catalog.fallback_updated = self.fallback_updated
        catalog.facts = self.facts
        catalog.kept_items = self.kept_items
        return catalog

    def feed(
        self,
        scope: FeedScope,
        bodies: Mapping[str, str],
        cache: MutableMapping[str, FeedItem] | None = None,
    ) -> Feed:
        """The `Feed` value of a scope: its newest entries (`limit` for the site and collection
        feeds, `scoped_limit` for team and tag feeds) with their rendered HTML
        (`bodies` maps entry id to the body HTML MkDocs produced). Pass one `cache` for every
        scope of a build so that an entry in several feeds is made into an item once."""
        cache = {} if cache is None else cache
        if scope.items is not None:  # the status feed brings its own items
            return self.compose(scope, scope.items[: self.limit(scope)])
        newest = scope.entries[: self.limit(scope)]
        return self.compose(scope, tuple(self._item(entry, bodies, cache) for entry in newest))

    def limit(self, scope: FeedScope) -> int:
        """How many items a scope's feed keeps: the site's and collections' `limit`, team
        and tag feeds their `scoped_limit`."""
        broad = scope.kind in ("site", "collection", "status")
        return self.settings.limit if broad else self.settings.scoped_limit

    def compose(self, scope: FeedScope, items: tuple[FeedItem, ...]) -> Feed:
        """A feed of `scope` carrying `items`."""
        return Feed(
            title=scope.title,
            description=scope.description,
            home_url=self.page_url(scope),
            urls={fmt: self.url(scope, fmt) for fmt in self.formats},
            language=self.settings.language,
            author=self.settings.author or self.settings.site_name,
            updated=newest_update(items),
            items=items,
            site_updated=self.fallback_updated,
        )

    def _item(
        self, entry: Entry, bodies: Mapping[str, str], cache: MutableMapping[str, FeedItem]
    ) -> FeedItem:
        item = cache.get(entry.id)
        if item is None:
            item = self.item(entry, bodies.get(entry.id))
            cache[entry.id] = item
        return item

    def item(self, entry: Entry, body_html: str | None) -> FeedItem:
        """One entry as a feed item, its card's facts before its body."""
        site_url = self.settings.site_url
        url = site_absolute(site_url, self.urls.url(entry.src_uri))
        facts = ""
        if body_html:
            facts = self.facts.get(entry.id)
            if facts is None:
                facts = self.facts[entry.id] = facts_html(entry, self.renderer)
        if self.kept_items is not None:
            return self.kept_items.item(entry, url, site_url, body_html, facts)
        return build_item(entry, url, site_url, body_html, facts)


class _PageIndex:
    """Which scopes a page links, looked up by the page's path, kind and team instead of
    asked of every scope for every page (a site of 5,000 pages and 80 feeds)."""

    def __init__(self, scopes: list[FeedScope]) -> None:
        self.everywhere: list[int] = []
        self.by_page: dict[str, list[int]] = {}
        self.by_team: dict[str, list[int]] = {}
        self.by_kind: dict[str, list[int]] = {}
        self.folders: list[tuple[str, int]] = []  # a collection's pages: its folder + '/'
        for i, scope in enumerate(scopes):
            if scope.kind == "site":
                self.everywhere.append(i)
            elif scope.kind == "collection":
                self.by_kind.setdefault(scope.key, []).append(i)
                self.folders.append((scope.folder + "/", i))
            else:
                self.by_page.setdefault(scope.page_src, []).append(i)
                if scope.kind == "team":
                    self.by_team.setdefault(scope.key, []).append(i)

    def find(self, src_uri: str, entry: Entry | None) -> tuple[int, ...]:
        found = {*self.everywhere, *self.by_page.get(src_uri, ())}
        found.update(i for folder, i in self.folders if src_uri.startswith(folder))
        if entry is not None:
            found.update(self.by_kind.get(entry.kind, ()))
            found.update(self.by_team.get(entry.team_slug, ()))
        return tuple(sorted(found))


def build_catalog(
    site: Site,
    settings: FeedSettings,
    urls: PageUrls,
    renderer: Renderer | None = None,
    extra: Iterable[FeedScope] = (),
) -> FeedCatalog:
    """The site feed, one per collection (even an empty one), one per team and per tag, of
    the public site: under serve, drafts and embargoed entries are in no feed; then `extra`
    scopes (the status feed, #16)."""
    site = site.public()
    name = settings.site_name
    scopes = [
        FeedScope(
            kind="site",
            key="",
            title=name,
            label=f"Everything from {name}",
            description=settings.description
            or f"Weeknotes, experiment write-ups and incident reports from {name}",
            page_src="index.md",
            folder="",
            entries=tuple(site.entries),
        )
    ]
    for kind, collection in site.options.collections.items():
        plural, singular = _COLLECTION_WORDS.get(kind, (kind, kind))
        scopes.append(
            FeedScope(
                kind="collection",
                key=kind,
                title=f"{name}: {plural}",
                label=plural.capitalize(),
                description=f"Every {singular} published by {name}",
                page_src=paths.collection(collection.url),
                folder=collection.url.strip("/"),
                entries=tuple(site.kind_entries(kind)),
            )
        )
    for key, entries in sorted(site.by_team.items()):
        team = site.team_names.get(key, key)
        scopes.append(
            FeedScope(
                kind="team",
                key=key,
                title=f"{name}: {team} team",
                label=f"{team} team",
                description=f"Everything the {team} team publishes on {name}",
                page_src=paths.team(key),
                folder=paths.team(key).removesuffix(".md"),
                entries=tuple(entries),
            )
        )
    used = {scope.folder for scope in scopes}
    for tag_name, entries in sorted(site.by_tag.items()):
        tag = site.tags[tag_name]
        folder = paths.tag(tag.slug).removesuffix(".md")
        if folder in used:
            continue  # two tags with one slug share one page; the first keeps the feed
        used.add(folder)
        scopes.append(
            FeedScope(
                kind="tag",
                key=tag_name,
                title=f"{name}: tagged {tag.display}",
                label=tag.display,
                description=f"Everything tagged {tag.display} on {name}",
                page_src=paths.tag(tag.slug),
                folder=folder,
                entries=tuple(entries),
            )
        )
    scopes.extend(extra)  # status (#16)
    return FeedCatalog(settings, urls, scopes, renderer)
