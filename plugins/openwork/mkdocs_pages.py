"""What the MkDocs adapter takes from MkDocs' config and from a user's docs pages: the site's
settings for the pipeline, and a docs page's public text with its marker problems placed on
the file's own lines."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from openwork.content.private import marker_problems, public_docs_page
from openwork.pipeline import SiteSettings
from openwork.problems import Problem


def site_settings(config: MkDocsConfig, files: Files, docs_rel: str) -> SiteSettings:
    """The pipeline's settings, from mkdocs.yml and the docs pages MkDocs found."""
    overrides = []
    if config.theme.custom_dir:
        overrides.append(Path(config.theme.custom_dir) / "openwork")
    return SiteSettings(
        site_name=config.site_name,
        site_url=str(config.site_url) if config.site_url else None,
        description=config.site_description,
        author=config.site_author,
        language=str(config.theme.get("language") or "en"),
        directory_urls=config.use_directory_urls,
        template_dirs=tuple(overrides),
        docs_pages=frozenset(f.src_uri for f in files if f.is_documentation_page()),
        docs_dir=docs_rel or "docs",
    )


def public_docs_markdown(markdown: str, page: Page, root: Path) -> tuple[str, list[Problem]]:
    """A docs/ page without its private blocks, and a warning for each marker out of place
    (markers shown in code are examples, not blocks)."""
    if "<!--" not in markdown:
        return markdown, []
    problems = []
    if found := marker_problems(markdown, in_code=False):
        path, first_line = _location(page, markdown, root)
        problems = [Problem(path, first_line + offset, "warning", m) for offset, m in found]
    return public_docs_page(markdown), problems


def _location(page: Page, markdown: str, root: Path) -> tuple[str, int]:
    """The page's path from the site root, and the file line its Markdown starts on
    (MkDocs has taken the front matter off the top)."""
    source = page.file.content_string
    first_line = 1
    if source.endswith(markdown):
        first_line += source[: len(source) - len(markdown)].count("\n")
    path = page.file.src_uri
    if page.file.abs_src_path:
        file = Path(page.file.abs_src_path)
        path = (file.relative_to(root) if file.is_relative_to(root) else file).as_posix()
    return path, first_line
