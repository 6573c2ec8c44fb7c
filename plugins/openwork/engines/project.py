"""One site read for another engine: mkdocs.yml, the entries, the Site, renderer and feeds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from openwork.cli.siteconfig import ConfigError, load_site_config
from openwork.content import read_content
from openwork.content.reader import ReadResult
from openwork.engines.config import EngineConfig
from openwork.feeds import FeedCatalog, FeedSettings, build_catalog
from openwork.index import Site, build_site
from openwork.options import Options
from openwork.render import PageUrls, Renderer


@dataclass
class Project:
    """Everything `openwork generate` and `openwork publish` read, read once."""

    config: EngineConfig
    options: Options
    result: ReadResult
    site: Site
    renderer: Renderer
    feeds: FeedCatalog | None


def load_project(config_file: str | None, cwd: Path) -> Project:
    """Read mkdocs.yml and the content, and index it, as the MkDocs plugin's `on_config` does."""
    site_config = load_site_config(config_file, cwd)
    config = EngineConfig.read(site_config.config_file)
    options = site_config.options
    if options.feeds.formats and not config.site_url:
        raise ConfigError(
            "feeds need absolute URLs, so mkdocs.yml needs the site's address: add "
            "`site_url: https://your.site.example/` at the top level of mkdocs.yml"
        )
    result = read_content(config.root, options)
    today = datetime.now(UTC).astimezone(options.zone).date()
    site = build_site(
        result.entries,
        result.authors,
        options,
        today,
        tag_descriptions=result.tag_rules.descriptions,
    )
    overrides = [config.custom_dir / "openwork"] if config.custom_dir else []
    renderer = Renderer(PageUrls(config.use_directory_urls), overrides)
    feeds = None
    if options.feeds.formats and config.site_url:
        settings = FeedSettings(
            site_name=config.site_name,
            site_url=FeedSettings.normalise_url(config.site_url),
            formats=tuple(dict.fromkeys(options.feeds.formats)),
            limit=options.feeds.limit,
            description=config.data.get("site_description"),
            language=str(config.theme.get("language") or "en"),
            author=config.data.get("site_author"),
        )
        feeds = build_catalog(site, settings, renderer.urls)
        renderer.env.globals["feeds"] = feeds  # for `_feeds.html` on tag and team pages
    return Project(config, options, result, site, renderer, feeds)
