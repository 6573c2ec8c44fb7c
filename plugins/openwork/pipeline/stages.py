"""One way through: files -> entries -> Site -> pages and feed values, each entry inside its
own error boundary at every stage. The MkDocs plugin, `openwork check` and any other engine
adapter call `run`; none of this imports MkDocs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

from openwork.content.model import Entry
from openwork.content.reader import ReadResult, read_content
from openwork.feeds.catalog import FeedCatalog, FeedSettings, build_catalog
from openwork.feeds.status import status_scopes  # status (#16)
from openwork.forked import collected_later
from openwork.index.metrics import incident_metrics
from openwork.index.site import Site, build_site
from openwork.options import Options
from openwork.pipeline.boundary import entry_problem, page_problem
from openwork.pipeline.check_work import (
    after_the_pages,
    failures_together,
    render_pages,
    try_each,
)
from openwork.pipeline.feed_boundary import checked_catalog
from openwork.pipeline.kept import Kept
from openwork.pipeline.recorded import RenderMemo
from openwork.problems import Problem, sort_problems
from openwork.render import charts
from openwork.render.entries_json import entries_json
from openwork.render.pages import (
    GeneratedPage,
    PlannedPage,
    entry_footer,
    entry_header,
    entry_list_item,
    entry_markdown,
    plan_pages,
)
from openwork.render.renderer import Renderer
from openwork.render.status_outputs import StatusOutputs  # status (#16)
from openwork.urls import PageUrls

Mode = Literal["build", "serve"]
ENTRIES_JSON = "entries.json"
_STAND_IN = "<p>…</p>"  # a body for trying feed items before MkDocs has made the HTML
_ROUNDS = 5  # an entry that fails only beside another is found within a few rounds


@dataclass(frozen=True)
class SiteSettings:
    """What the pipeline needs from the engine's configuration (mkdocs.yml, or defaults)."""

    site_name: str = "openwork"
    site_url: str | None = None  # feeds are made only with one
    description: str | None = None
    author: str | None = None
    language: str = "en"
    directory_urls: bool = True
    template_dirs: tuple[Path, ...] = ()  # theme overrides, searched before the package's
    docs_pages: frozenset[str] = frozenset()  # the engine's own pages (docs/), by docs path
    docs_dir: str = "docs"  # for messages: where `docs_pages` live, from the site root
    # Feed items are tried before any page is made, with a stand-in body; `openwork check`,
    # which converts no Markdown, tries each entry's Markdown as the body instead. A build
    # tries the body HTML again when it writes the feeds (`write_feed_files`).
    feed_bodies_from_markdown: bool = False


@dataclass(frozen=True)
class EntryPage:
    """An entry's page: its Markdown, and the header card and footer around its body HTML."""

    entry: Entry
    markdown: str
    header: str
    footer: str


@dataclass(frozen=True)
class BuildResult:
    """Everything one build makes before the engine turns Markdown into HTML."""

    site: Site
    entry_pages: dict[str, EntryPage]  # by docs path
    pages: tuple[GeneratedPage, ...]  # listing pages, in the engine's nav order
    data_files: dict[str, str]  # other files for the site: entries.json
    catalog: FeedCatalog | None
    renderer: Renderer
    problems: tuple[Problem, ...]
    notes: tuple[str, ...]  # for an info log: docs pages that replace a generated page
    read: ReadResult = field(repr=False)
    status: StatusOutputs | None = field(default=None, repr=False)  # status (#16): the banner


def shown_entries(read: ReadResult, mode: Mode) -> tuple[list[Entry], frozenset[str]]:
    """The entries a mode shows, newest first, and which of them are previews.

    The one answer to "what does this build show": `build` shows what is published; `serve`
    shows drafts and embargoed entries too, as previews that no feed or data file carries."""
    if mode != "serve" or not read.hidden:
        return list(read.entries), frozenset()
    shown = sorted([*read.entries, *read.hidden], key=lambda e: (e.date, e.id), reverse=True)
    return shown, frozenset(e.id for e in read.hidden)


def watched_paths(root: Path, options: Options, result: BuildResult | None) -> list[Path]:
    """What a live-reloading server should watch: the content folders and the files the read
    stage used, known from the options even when no build has finished yet."""
    if result is not None:
        return list(result.read.watched)
    paths = [root / c.folder for c in options.collections.values()]
    paths.append(root / options.authors_file)
    if options.tags.allowed:
        paths.append(root / options.tags.allowed)
    return paths


def run(
    root: Path,
    options: Options,
    settings: SiteSettings | None = None,
    mode: Mode = "build",
    *,
    now: datetime | None = None,
    progress: Callable[[str], None] | None = None,
    kept: Kept | None = None,
    renderer: Renderer | None = None,
    check_jobs: int | None = None,
) -> BuildResult:
    """Read, index and render the site under `root` (the folder holding mkdocs.yml).

    A server keeps `kept` between rebuilds (files read, entry pages rendered) and may hand
    the last build's `renderer` back (its templates compiled once) when the settings it was
    made for are the same.

    `check_jobs` makes this a check (`openwork check`): everything is tried as in a build,
    but no rendered text is kept (entry and listing pages' texts are empty), and the reading,
    entry and page work is shared among up to that many processes."""
    settings = settings or SiteSettings()
    now = now or datetime.now(UTC)
    if kept is not None:
        kept.new_build()
    reader = kept.reads.read if kept is not None else None
    with collected_later() if check_jobs is not None else nullcontext():  # a check ends soon
        read = read_content(
            root, options, now=now, progress=progress, reader=reader, jobs=check_jobs or 1
        )
    problems = list(read.problems)
    today = now.astimezone(options.zone).date()
    renderer = renderer or Renderer(PageUrls(settings.directory_urls), settings.template_dirs)
    if check_jobs is not None:  # a check keeps nothing it renders: no search spacing
        renderer.spacing = False
    shown, previews = shown_entries(read, mode)
    shown = _without_docs_collisions(shown, settings, problems)
    site, catalog, entry_pages = _settle(
        shown, previews, read, options, today, renderer, settings, problems, kept, check_jobs
    )
    status = _status(root, site, renderer, settings, now, problems)  # status (#16)
    read.watched.extend(status.watched if status else [])  # services.yml, for serve
    notes: list[str] = []
    taken = set(settings.docs_pages) | set(entry_pages)
    to_render: list[PlannedPage] = []
    planned_status = status.planned_pages(catalog) if status else []
    for planned in [*plan_pages(site, renderer, catalog), *planned_status]:
        if planned.src_uri in settings.docs_pages:
            notes.append(
                f"{settings.docs_dir}/{planned.src_uri} exists, so openwork does not generate "
                "that page"
            )
            continue
        if planned.src_uri in taken:
            problems.append(_page_clash(planned.src_uri, entry_pages))
            continue
        to_render.append(planned)
        taken.add(planned.src_uri)
    data_files: dict[str, str] = {}

    def make_data_files() -> list[Problem]:
        found: list[Problem] = []
        try:
            data_files[ENTRIES_JSON] = entries_json(site, renderer.urls, settings.site_url)
        except Exception as exc:
            found.append(page_problem(ENTRIES_JSON, exc))
        if status is not None:  # status (#16): CSV, calendar, digest e-mails, stylesheet
            report = lambda path, exc: found.append(page_problem(path, exc))  # noqa: E731
            data_files.update(status.data_files(settings.site_name, settings.language, report))
        if check_jobs is not None:  # a check: what the engine adds after the pages, too
            found += after_the_pages(site, renderer, catalog, settings.docs_pages)
        return found

    # Each page in its own boundary; a check may make the data files in another process.
    pages, page_problems = render_pages(to_render, check_jobs, make_data_files)
    problems.extend(page_problems)
    return BuildResult(
        site=site,
        entry_pages=entry_pages,
        pages=tuple(pages),
        data_files=data_files,
        catalog=catalog,
        renderer=renderer,
        problems=tuple(sort_problems(problems)),
        notes=tuple(notes),
        read=read,
        status=status,
    )


def _status(
    root: Path,
    site: Site,
    renderer: Renderer,
    settings: SiteSettings,
    now: datetime,
    problems: list[Problem],
) -> StatusOutputs | None:
    """Issue #16's board (services.yml, the status page, the banner), or a problem."""
    try:
        status = StatusOutputs.prepare(root, site, renderer, now, settings.site_url)
    except Exception as exc:
        problems.append(page_problem("status.md", exc))
        return None
    problems.extend(status.problems)
    return status


def _settle(
    shown: list[Entry],
    previews: frozenset[str],
    read: ReadResult,
    options: Options,
    today: date,
    renderer: Renderer,
    settings: SiteSettings,
    problems: list[Problem],
    kept: Kept | None = None,
    check_jobs: int | None = None,
) -> tuple[Site, FeedCatalog | None, dict[str, EntryPage]]:
    """Index and render until no entry fails: each failing entry becomes a problem and is
    taken out, and the site is indexed again without it (so no listing or neighbour link
    points at a page that is not there)."""
    entries = shown
    for _round in range(_ROUNDS):
        failed: dict[str, Problem] = {}
        site = build_site(
            entries,
            read.authors,
            options,
            today,
            tag_descriptions=read.tag_rules.descriptions,
            previews=previews,
            teams=read.teams,
            on_error=lambda entry, exc, failed=failed: failed.setdefault(
                entry.id, entry_problem(entry, "index", exc)
            ),
        )
        catalog, entry_pages = _render_round(site, renderer, settings, failed, kept, check_jobs)
        problems.extend(failed.values())
        if not failed:
            break
        entries = [e for e in entries if e.id not in failed]
    return site, catalog, {k: v for k, v in entry_pages.items() if v.entry.id not in failed}


def _render_round(
    site: Site,
    renderer: Renderer,
    settings: SiteSettings,
    failed: dict[str, Problem],
    kept: Kept | None = None,
    check_jobs: int | None = None,
) -> tuple[FeedCatalog | None, dict[str, EntryPage]]:
    """Each entry's page, its place in a listing, its charts and its feed item, each tried
    on its own: what fails is added to `failed` (in that order of stages)."""
    memo = kept.entry_pages if kept else None
    pages: dict[str, EntryPage] = {}
    page = _entry_page_attempt(site, renderer, pages, memo, keep=check_jobs is None)
    item = lambda batch: entry_list_item(site, renderer, list(batch))  # noqa: E731
    chart = try_each(lambda batch: _charts(site, batch), "chart")
    later: list[dict[str, Problem]] = []  # the charts' and the feed items' failures
    made: list[FeedCatalog | None] = []

    def charts_and_feeds() -> None:  # in a check, done here while other processes render
        incidents = site.kind_entries("incident")
        later.append(chart(incidents) if incidents else {})
        catalog, feed_failed = _catalog(site, renderer, settings), {}
        if catalog is not None:
            catalog.kept_items = kept.feed_items if kept else None
            markdown = settings.feed_bodies_from_markdown
            bodies = {e.id: e.body if markdown else _STAND_IN for e in site.entries}
            checks = kept.feed_checks if kept else None
            catalog, bad, feed_problems = checked_catalog(catalog, bodies, checks=checks)
            for entry, problem in zip(bad, feed_problems, strict=True):
                feed_failed.setdefault(entry.id, problem)
        made.append(catalog)
        later.append(feed_failed)

    stages = [(site.entries, page), (site.entries, try_each(item, "render"))]
    for found in [*failures_together(stages, check_jobs, charts_and_feeds), *later]:
        for entry_id, problem in found.items():
            failed.setdefault(entry_id, problem)
    if check_jobs is not None:  # pages rendered in other processes are not in `pages`
        pages = {e.src_uri: EntryPage(e, "", "", "") for e in site.entries if e.id not in failed}
    return made[0], pages


def _entry_page_attempt(
    site: Site,
    renderer: Renderer,
    pages: dict[str, EntryPage],
    memo: RenderMemo[EntryPage] | None,
    keep: bool,
) -> Callable[[Sequence[Entry]], dict[str, Problem]]:
    """Each entry's page made, into `pages` when `keep` (a check keeps none of their texts);
    what failed, by entry id."""

    def render(entries: Sequence[Entry]) -> dict[str, Problem]:
        found: dict[str, Problem] = {}
        for entry in entries:

            def make(site: Site, entry: Entry = entry) -> EntryPage:
                return EntryPage(
                    entry,
                    entry_markdown(entry, site, renderer),
                    entry_header(site, renderer, entry),
                    entry_footer(site, renderer, entry),
                )

            try:
                page = memo.render(entry, site, renderer, make) if memo else make(site)
            except Exception as exc:
                found[entry.id] = entry_problem(entry, "render", exc)
                continue
            if keep:
                pages[entry.src_uri] = page
        return found

    return render


def _charts(site: Site, incidents: Sequence[Entry]) -> None:
    metrics = incident_metrics(list(incidents), site.options.severities, site.options.zone)
    charts.incidents_per_month(metrics)
    charts.time_to_resolve(metrics)


def _catalog(site: Site, renderer: Renderer, settings: SiteSettings) -> FeedCatalog | None:
    formats = tuple(dict.fromkeys(site.options.feeds.formats))
    if not (formats and settings.site_url):
        return None
    feed_settings = FeedSettings(
        site_name=settings.site_name,
        site_url=FeedSettings.normalise_url(settings.site_url),
        formats=formats,
        limit=site.options.feeds.limit,
        scoped_limit=site.options.feeds.scoped_limit,
        description=settings.description,
        language=settings.language,
        author=settings.author,
    )
    extra = status_scopes(site, feed_settings, renderer.urls)  # status (#16)
    return build_catalog(site, feed_settings, renderer.urls, renderer, extra)


def _without_docs_collisions(
    entries: list[Entry], settings: SiteSettings, problems: list[Problem]
) -> list[Entry]:
    """An entry whose page a docs/ page already is: an error naming both, the entry left out
    (a feed must never point at a page that shows something else)."""
    kept = []
    for entry in entries:
        if entry.src_uri in settings.docs_pages:
            problems.append(
                Problem(
                    entry.path,
                    1,
                    "error",
                    f"{settings.docs_dir}/{entry.src_uri} has the same address as this "
                    f"entry's page ({entry.url}): rename or move one of them; the entry is "
                    "left out until then",
                )
            )
        else:
            kept.append(entry)
    return kept


def _page_clash(src_uri: str, entry_pages: dict[str, EntryPage]) -> Problem:
    page = entry_pages.get(src_uri)
    where = page.entry.path if page else src_uri
    return Problem(
        where,
        1,
        "error",
        f"this entry's page {src_uri} is also a page openwork generates (an index, year or "
        "listing page): rename the file; the generated page is left out",
    )
