"""Every generated page of the site, as Markdown, from the Site: each one planned first and
rendered on its own, so that one page that fails cannot take the others with it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from openwork import paths
from openwork.content.model import Entry
from openwork.index.metrics import incident_metrics
from openwork.index.site import Site
from openwork.render import charts
from openwork.render.renderer import Renderer
from openwork.render.tag_pages import tag_markdown, tags_index_markdown
from openwork.urls import PageUrls

KIND_TITLES = {"weeknote": "Weeknotes", "experiment": "Experiments", "incident": "Incidents"}
KIND_SINGULAR = {"weeknote": "Weeknote", "experiment": "Experiment", "incident": "Incident"}


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """A page MkDocs should build as if it were a Markdown file in docs/."""

    src_uri: str
    markdown: str
    in_nav: bool = False


@dataclass(frozen=True, slots=True)
class PlannedPage:
    """A listing page to render: where it goes, and how to make its Markdown."""

    src_uri: str
    render: Callable[[], str]
    in_nav: bool = False


def common_context(site: Site, feeds: object | None = None) -> dict[str, Any]:
    """What every generated page's template may use. `feeds` is the build's FeedCatalog, or
    None when the site has no feeds: pages take it as an argument, never as a global."""
    return {
        "site": site,
        "kinds": KIND_TITLES,
        "singular": KIND_SINGULAR,
        "paths": paths,
        "feeds": feeds,
    }


def entry_markdown(entry: Entry, site: Site | None = None, renderer: Renderer | None = None) -> str:
    """The entry's own page: its body, with a title, description and tags for the theme; a
    serve preview is kept out of the search index."""
    renderer = renderer or Renderer(PageUrls())
    tags = [(site.tag(t) if site else t).display for t in entry.tags]
    preview = bool(site and site.is_preview(entry))
    return renderer.render(
        "entry.md", entry.src_uri, entry=entry, tags=tags, preview=preview, site=site
    )


def paginate(items: list[Entry], size: int) -> list[list[Entry]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def generate_pages(
    site: Site, renderer: Renderer, feeds: object | None = None
) -> Iterator[GeneratedPage]:
    """Indexes, archives, digests, team, author and tag pages: everything but entries."""
    for page in plan_pages(site, renderer, feeds):
        yield GeneratedPage(page.src_uri, page.render(), page.in_nav)


def plan_pages(
    site: Site, renderer: Renderer, feeds: object | None = None
) -> Iterator[PlannedPage]:
    """Every listing page, not yet rendered (the pipeline renders each in its own boundary)."""
    common = common_context(site, feeds)

    def page(src: str, template: str, in_nav: bool = False, **context: Any) -> PlannedPage:
        return PlannedPage(src, lambda: renderer.render(template, src, **common, **context), in_nav)

    for kind, coll in site.options.collections.items():
        entries = site.kind_entries(kind)
        chunks = paginate(entries, site.options.pagination)
        years = sorted(site.by_year.get(kind, {}), reverse=True)
        extra = collection_context(site, kind)
        for number, chunk in enumerate(chunks, start=1):
            yield page(
                paths.collection(coll.url, number),
                f"{kind}_index.md",
                number == 1,
                kind=kind,
                base=coll.url,
                entries=chunk,
                number=number,
                pages=len(chunks),
                total=len(entries),
                years=years,
                **extra,
            )
        for year in years:
            yield page(
                paths.year(coll.url, year),
                "year.md",
                kind=kind,
                base=coll.url,
                year=year,
                entries=site.by_year[kind][year],
                years=years,
            )
    weeknotes = site.options.collections["weeknote"].url
    for week in site.weeks():
        yield page(
            paths.week(weeknotes, week),
            "week.md",
            week=week,
            entries=site.by_week[week],
            base=weeknotes,
        )
    if site.by_week:
        yield page(paths.weeks(weeknotes), "weeks.md", base=weeknotes)
    for key, entries in sorted(site.by_team.items()):
        yield page(paths.team(key), "team.md", key=key, name=site.team_names[key], entries=entries)
    if site.by_team:
        yield page(paths.teams(), "teams.md", in_nav=True)
    for key, entries in sorted(site.by_author.items()):
        yield page(paths.author(key), "author.md", author=site.authors[key], entries=entries)
    if site.by_author:
        yield page(paths.authors(), "authors.md")
    for tag in site.tags.values():
        src = paths.tag(tag.slug)
        yield PlannedPage(
            src, lambda tag=tag, src=src: tag_markdown(site, renderer, tag, src, common)
        )
    if site.tags:
        src = paths.tags()
        yield PlannedPage(src, lambda: tags_index_markdown(site, renderer, src, common), True)
    if feeds is not None:
        yield page(paths.feeds(), "feeds.md", in_nav=True)


def collection_context(site: Site, kind: str) -> dict[str, object]:
    """What a kind's index shows besides its list: for incidents, their numbers and charts."""
    if kind != "incident":
        return {}
    options = site.options
    metrics = incident_metrics(site.kind_entries(kind), options.severities, options.zone)
    return {"metrics": metrics, "charts": charts}


def dashboard_markdown(
    site: Site, renderer: Renderer, page_src: str, feeds: object | None = None
) -> str:
    """The block added under the home page's own text."""
    return renderer.render("dashboard.md", page_src, **common_context(site, feeds))


def entry_header(site: Site, renderer: Renderer, entry: Entry) -> str:
    """The metadata card above an entry's body, as HTML."""
    return renderer.render(
        f"card_{entry.kind}.html", entry.src_uri, entry=entry, **_with_m(site, renderer)
    )


def entry_footer(site: Site, renderer: Renderer, entry: Entry) -> str:
    """Tags, previous/next, related and referenced-by links below an entry's body, as HTML."""
    return renderer.render(
        "entry_footer.html", entry.src_uri, entry=entry, **_with_m(site, renderer)
    )


def entry_list_item(site: Site, renderer: Renderer, entries: list[Entry]) -> str:
    """`entries` as a listing shows them: what the pipeline tries each entry with."""
    return renderer.render(
        "entry_item.html", "index.md", entries=entries, **_with_m(site, renderer)
    )


def _with_m(site: Site, renderer: Renderer) -> dict[str, Any]:
    """The common context, and `_macros.html` made once for the site where it can be."""
    context = common_context(site)
    return {**context, **renderer.shared_macros(context)}
