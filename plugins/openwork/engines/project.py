"""One site for another engine: mkdocs.yml read without MkDocs, then the pipeline's one way
through (read, index, render, feed values), exactly as the MkDocs plugin calls it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openwork.cli.siteconfig import ConfigError, load_site_config
from openwork.engines.config import EngineConfig
from openwork.options import Options
from openwork.pipeline import BuildResult, Mode, SiteSettings, run

MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")  # what MkDocs counts as pages


@dataclass
class Project:
    """Everything `openwork generate` and `openwork publish` read, read once."""

    config: EngineConfig
    options: Options
    result: BuildResult
    mode: Mode


def docs_pages(docs_dir: Path) -> frozenset[str]:
    """The Markdown pages of docs/, by docs path, as MkDocs lists documentation pages."""
    if not docs_dir.is_dir():
        return frozenset()
    return frozenset(
        p.relative_to(docs_dir).as_posix()
        for p in docs_dir.rglob("*")
        if p.is_file() and p.suffix in MARKDOWN
    )


def site_settings(config: EngineConfig) -> SiteSettings:
    """What the pipeline needs from mkdocs.yml: the same values the MkDocs plugin passes."""
    docs_dir = config.docs_dir
    return SiteSettings(
        site_name=config.site_name,
        site_url=config.site_url,
        description=config.data.get("site_description"),
        author=config.data.get("site_author"),
        language=str(config.theme.get("language") or "en"),
        directory_urls=config.use_directory_urls,
        template_dirs=(config.custom_dir / "openwork",) if config.custom_dir else (),
        docs_pages=docs_pages(docs_dir),
        docs_dir=docs_dir.relative_to(config.root).as_posix()
        if docs_dir.is_relative_to(config.root)
        else "docs",
    )


def load_project(config_file: str | None, cwd: Path, mode: Mode = "build") -> Project:
    """Read mkdocs.yml and run the pipeline; `serve` shows drafts as previews, as
    `mkdocs serve` does."""
    site_config = load_site_config(config_file, cwd)
    config = EngineConfig.read(site_config)
    options = site_config.options
    if options.feeds.formats and not config.site_url:
        raise ConfigError(
            "feeds need absolute URLs, so mkdocs.yml needs the site's address: add "
            "`site_url: https://your.site.example/` at the top level of mkdocs.yml (or turn "
            "feeds off with `feeds: {formats: []}` under the openwork plugin)"
        )
    result = run(config.root, options, site_settings(config), mode)
    return Project(config, options, result, mode)
