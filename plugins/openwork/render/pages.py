"""Every generated page of the site, as Markdown, from the Site."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from openwork.content.model import Entry
from openwork.index.metrics import incident_metrics
from openwork.index.site import Site
from openwork.render import charts, paths
from openwork.render.renderer import Renderer, header_value
from openwork.render.tag_pages import tag_markdown, tags_index_markdown

KIND_TITLES = {"weeknote": "Weeknotes", "experiment": "Experiments", "incident": "Incidents"}
KIND_SINGULAR = {"weeknote": "Weeknote", "experiment": "Experiment", "incident": "Incident"}


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """A page MkDocs should build as if it were a Markdown file in docs/."""

    src_uri: str
    markdown: str
    in_nav: bool = False


def front_matter(**fields: object) -> str:
    """A YAML header (JSON strings are valid YAML), values HTML-escaped for the theme."""
    body = "\n".join(f"{k}: {header_value(v)}" for k, v in fields.items() if v)
    return f"---\n{body}\n---\n\n"


def entry_markdown(entry: Entry, site: Site | None = None) -> str:
    """The entry's own page: its body, with a title, description and tags for the theme.

    `tags` (as the site spells them) makes `page.meta.tags` what other themes and plugins
    expect; Material's chips come from the page context instead (see plugin.on_page_context)."""
    tags = [(site.tag(t) if site else t).display for t in entry.tags]
    return front_matter(title=entry.title, description=entry.excerpt, tags=tags) + entry.body


def paginate(items: list[Entry], size: int) -> list[list[Entry]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def generate_pages(site: Site, renderer: Renderer) -> Iterator[GeneratedPage]:
    """Indexes, archives, digests, team, author and tag pages: everything but entries."""
    common = {"site": site, "kinds": KIND_TITLES, "singular": KIND_SINGULAR, "paths": paths}
    for kind, coll in site.options.collections.items():
        entries = site.kind_entries(kind)
        chunks = paginate(entries, site.options.pagination)
        years = sorted(site.by_year.get(kind, {}), reverse=True)
        extra = collection_context(site, kind)
        for number, chunk in enumerate(chunks, start=1):
            src = paths.collection(coll.url, number)
            yield GeneratedPage(
                src,
                renderer.render(
                    f"{kind}_index.md",
                    src,
                    kind=kind,
                    base=coll.url,
                    entries=chunk,
                    number=number,
                    pages=len(chunks),
                    total=len(entries),
                    years=years,
                    **common,
                    **extra,
                ),
                in_nav=number == 1,
            )
        for year in years:
            src = paths.year(coll.url, year)
            yield GeneratedPage(
                src,
                renderer.render(
                    "year.md",
                    src,
                    kind=kind,
                    base=coll.url,
                    year=year,
                    entries=site.by_year[kind][year],
                    years=years,
                    **common,
                ),
            )
    weeknotes = site.options.collections["weeknote"].url
    for week in site.weeks():
        src = paths.week(weeknotes, week)
        yield GeneratedPage(
            src,
            renderer.render(
                "week.md", src, week=week, entries=site.by_week[week], base=weeknotes, **common
            ),
        )
    if site.by_week:
        src = paths.weeks(weeknotes)
        yield GeneratedPage(src, renderer.render("weeks.md", src, base=weeknotes, **common))
    for key, entries in sorted(site.by_team.items()):
        src = paths.team(key)
        yield GeneratedPage(
            src,
            renderer.render(
                "team.md", src, key=key, name=site.team_names[key], entries=entries, **common
            ),
        )
    if site.by_team:
        src = paths.teams()
        yield GeneratedPage(src, renderer.render("teams.md", src, **common), in_nav=True)
    for key, entries in sorted(site.by_author.items()):
        src = paths.author(key)
        yield GeneratedPage(
            src,
            renderer.render("author.md", src, author=site.authors[key], entries=entries, **common),
        )
    if site.by_author:
        src = paths.authors()
        yield GeneratedPage(src, renderer.render("authors.md", src, **common))
    for tag in site.tags.values():
        src = paths.tag(tag.slug)
        yield GeneratedPage(src, tag_markdown(site, renderer, tag, src, common))
    if site.tags:
        src = paths.tags()
        yield GeneratedPage(src, tags_index_markdown(site, renderer, src, common), in_nav=True)


def collection_context(site: Site, kind: str) -> dict[str, object]:
    """What a kind's index shows besides its list: for incidents, their numbers and charts."""
    if kind != "incident":
        return {}
    options = site.options
    metrics = incident_metrics(site.kind_entries(kind), options.severities, options.zone)
    return {"metrics": metrics, "charts": charts}


def dashboard_markdown(site: Site, renderer: Renderer, page_src: str) -> str:
    """The block added under the home page's own text."""
    return renderer.render(
        "dashboard.md",
        page_src,
        site=site,
        kinds=KIND_TITLES,
        singular=KIND_SINGULAR,
        paths=paths,
    )


def entry_header(site: Site, renderer: Renderer, entry: Entry) -> str:
    """The metadata card above an entry's body, as HTML."""
    return renderer.render(
        f"card_{entry.kind}.html",
        entry.src_uri,
        entry=entry,
        site=site,
        paths=paths,
        singular=KIND_SINGULAR,
    )


def entry_footer(site: Site, renderer: Renderer, entry: Entry) -> str:
    """Tags, previous/next, related and referenced-by links below an entry's body, as HTML."""
    return renderer.render(
        "entry_footer.html",
        entry.src_uri,
        entry=entry,
        site=site,
        paths=paths,
        singular=KIND_SINGULAR,
    )
