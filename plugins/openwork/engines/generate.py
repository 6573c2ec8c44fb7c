"""`openwork generate`: every page openwork makes, as Markdown files any engine can build.

The build folder (default `.openwork/build/`) belongs to openwork: each run rewrites it
(touching only files that changed) and it never holds a writer's only copy of anything. It has
`docs/` (a copy of the site's docs folder, private blocks removed, merged with the generated
pages, each marked `openwork_generated: true` in its front matter), `nav.yml` (the generated
pages that belong in a navigation) and `mkdocs.yml` (the site's config pointed at `docs/`).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

import yaml

from openwork.cli.siteconfig import ConfigError
from openwork.content.private import marker_problems, public_docs_page
from openwork.content.rejected import rejected_files
from openwork.engines.config import KeepTagsDumper
from openwork.engines.project import MARKDOWN, Project
from openwork.paths import HOME_PAGES
from openwork.pipeline import EntryPage
from openwork.pipeline.boundary import page_problem
from openwork.problems import Problem
from openwork.render.links import add_entry_links, rewrite_links
from openwork.render.pages import GeneratedPage, dashboard_markdown
from openwork.render.problem_pages import problem_pages
from openwork.render.status_outputs import STATUS_CSS

MARKER = ".openwork-build"  # only a folder holding this file is ever removed by generate
CSS_URI = "assets/openwork.css"


@dataclass
class Generated:
    """What one run wrote: the build folder, its pages, and what to tell the writer."""

    into: Path
    pages: list[str] = field(default_factory=list)  # generated docs paths
    docs_pages: list[str] = field(default_factory=list)  # copied from docs/
    problems: list[Problem] = field(default_factory=list)

    @property
    def docs(self) -> Path:
        return self.into / "docs"

    @property
    def config_file(self) -> Path:
        return self.into / "mkdocs.yml"


def mark_generated(markdown: str) -> str:
    """The page with `openwork_generated: true` in its front matter (added if it has none)."""
    flag = "openwork_generated: true\n"
    if markdown.startswith("---\n"):
        return "---\n" + flag + markdown[4:]
    return "---\n" + flag + "---\n\n" + markdown


def entry_page(page: EntryPage, links: dict[str, str]) -> str:
    """An entry's whole page in one Markdown file: front matter, header card, body, footer.

    The card and footer are HTML blocks set apart by blank lines, which Python-Markdown (and
    so every engine built on it) passes through untouched."""
    entry = page.entry
    head, body = split_front_matter(page.markdown)
    body = rewrite_links(body, entry.path, entry.src_uri, links)
    return mark_generated(
        f"{head}{page.header.strip()}\n\n{body.strip(chr(10))}\n\n{page.footer.strip()}\n"
    )


def split_front_matter(markdown: str) -> tuple[str, str]:
    """('---\\n...\\n---\\n', the rest), or ('', markdown) when there is no front matter."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 3)
        if end >= 0:
            return markdown[: end + 5], markdown[end + 5 :]
    return "", markdown


def _check_into(into: Path, project: Project) -> None:
    config = project.config
    if (
        config.root.is_relative_to(into)
        or into.is_relative_to(config.docs_dir)
        or into.is_relative_to(config.site_dir)
    ):
        raise ConfigError(
            f"--into {into}: choose a folder of its own, outside docs/ and the site folder "
            "(openwork rewrites it on every run)"
        )
    if into.exists() and (
        not into.is_dir() or (any(into.iterdir()) and not (into / MARKER).is_file())
    ):
        raise ConfigError(
            f"{into} exists and was not made by openwork generate: choose another --into "
            "folder, or remove it yourself"
        )


def _start(staging: Path) -> None:
    if staging.exists():
        if not (staging / MARKER).is_file():  # a run that stopped half-way leaves one
            raise ConfigError(f"{staging} is in the way: openwork generate writes there first")
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    (staging / MARKER).write_text(
        "Made by `openwork generate`; rewritten on each run. Edit the site's own files, "
        "never these.\n",
        encoding="utf-8",
    )
    (staging / ".gitignore").write_text("*\n", encoding="utf-8")


def _sync(staging: Path, into: Path) -> None:
    """Make `into` hold what `staging` holds, touching only files that changed, so an engine
    watching it (`zensical serve`) rebuilds only what changed. The engine's own folders in
    `into` (its site/ and caches) are left alone."""
    into.mkdir(parents=True, exist_ok=True)
    old_docs = into / "docs"
    if old_docs.is_dir():
        for path in sorted(old_docs.rglob("*"), reverse=True):
            twin = staging / path.relative_to(into)
            if path.is_dir() and not twin.is_dir():
                shutil.rmtree(path)
            elif path.is_file() and not twin.is_file():
                path.unlink()
    for path in sorted(staging.rglob("*")):
        target = into / path.relative_to(staging)
        if path.is_dir():
            target.mkdir(exist_ok=True)
        elif not target.is_file() or target.read_bytes() != path.read_bytes():
            shutil.copy2(path, target)
    shutil.rmtree(staging)


def _copy_docs(project: Project, out: Generated) -> None:
    """docs/ into the build folder, each Markdown page without its private blocks."""
    config = project.config
    if not config.docs_dir.is_dir():
        raise ConfigError(f"the docs folder {config.docs_dir} does not exist")
    for path in sorted(config.docs_dir.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(config.docs_dir).as_posix()
        target = out.docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix not in MARKDOWN:
            shutil.copy2(path, target)
            continue
        text = path.read_text(encoding="utf-8-sig")
        if not project.options.include_private and "<!--" in text:
            # As the MkDocs plugin does, on the page below its front matter.
            head, body = split_front_matter(text)
            shown, first_line = _relative(path, config.root), 1 + head.count("\n")
            for offset, message in marker_problems(body, in_code=False):
                out.problems.append(Problem(shown, first_line + offset, "warning", message))
            text = head + public_docs_page(body)
        target.write_text(text, encoding="utf-8")
        out.docs_pages.append(rel)


def _relative(path: Path, root: Path) -> str:
    return (path.relative_to(root) if path.is_relative_to(root) else path).as_posix()


def _link_map(project: Project, docs_pages: list[str]) -> dict[str, str]:
    """Content and docs paths (from the site root) -> their docs paths, for `rewrite_links`."""
    config = project.config
    docs_rel = _relative(config.docs_dir, config.root)
    links = {f"{docs_rel}/{src}" if docs_rel != "." else src: src for src in docs_pages}
    pages = project.result.entry_pages
    add_entry_links(links, ((page.entry.path, src) for src, page in pages.items()))
    return links


def _write(out: Generated, src_uri: str, text: str) -> bool:
    """Write a generated page unless docs/ has a file there (the writer's file wins, as with
    MkDocs; the pipeline has already said so for the pages it knows)."""
    target = out.docs / src_uri
    if target.exists():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    out.pages.append(src_uri)
    return True


def generate(project: Project, into: Path) -> Generated:
    """Write the build folder `into` for `project` (see the module's docstring)."""
    into = into.resolve()
    _check_into(into, project)
    staging = into.with_name(into.name + ".new")
    _start(staging)
    out = Generated(staging)
    _copy_docs(project, out)
    result = project.result
    links = _link_map(project, out.docs_pages)
    for src_uri, page in result.entry_pages.items():
        _write(out, src_uri, entry_page(page, links))
    in_nav: list[GeneratedPage] = []
    for page in result.pages:
        if _write(out, page.src_uri, mark_generated(page.markdown)) and page.in_nav:
            in_nav.append(page)
    if project.mode == "serve":
        # As under `mkdocs serve`: a rejected entry's address shows its problems, not a 404.
        rejected = rejected_files(result.read, project.options, project.config.root)
        for page in problem_pages(rejected, result.renderer):
            _write(out, page.src_uri, mark_generated(page.markdown))
    _add_dashboard(project, out)
    for rel, text in result.data_files.items():
        # entries.json, the status stylesheet and open data: `openwork publish` writes them
        # into the built site too, but here `zensical serve` serves them while you write.
        target = out.docs / rel
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    css = (package_files("openwork") / "assets" / "openwork.css").read_text(encoding="utf-8")
    _write(out, CSS_URI, css)
    fragment = [{_title(page): page.src_uri} for page in in_nav]
    _dump(staging / "nav.yml", fragment, "The generated pages that belong in a site's nav.")
    _dump(out.config_file, engine_config(project, fragment, out), _config_note(project))
    _sync(staging, into)
    out.into = into
    return out


def _add_dashboard(project: Project, out: Generated) -> None:
    """The dashboard block under the home page's own text, as the MkDocs plugin adds it."""
    home = next((name for name in HOME_PAGES if (out.docs / name).is_file()), None)
    if home is None:
        return
    result = project.result
    try:
        dashboard = dashboard_markdown(result.site, result.renderer, home, result.catalog)
    except Exception as exc:  # the home page stays; its dashboard block is left out
        out.problems.append(page_problem(home, exc))
        return
    path = out.docs / home
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + dashboard, encoding="utf-8")


def _title(page: GeneratedPage) -> str:
    if page.markdown.startswith("---\n"):
        head = page.markdown[4:].partition("\n---")[0]
        meta = yaml.safe_load(head)
        if isinstance(meta, dict) and meta.get("title"):
            return str(meta["title"])
    return page.src_uri.removesuffix("/index.md").removesuffix(".md").title()


def _config_note(project: Project) -> str:
    source = project.config.config_file
    return f"Made by `openwork generate` from {source.name}: edit that file, not this one."


def engine_config(project: Project, fragment: list[dict[str, str]], out: Generated) -> dict:
    """The site's mkdocs.yml for an engine reading the build folder."""
    config = project.config
    data: dict[str, Any] = {k: v for k, v in config.data.items() if k != "INHERIT"}
    data["docs_dir"] = "docs"
    data["site_dir"] = "site"
    if not data.get("nav"):
        data["nav"] = [*_docs_nav(out.docs_pages), *fragment]
    theme = dict(config.theme)
    if config.custom_dir is not None:
        theme["custom_dir"] = str(config.custom_dir)
    if theme:
        data["theme"] = theme
    extra_css = [str(css) for css in data.get("extra_css") or []]
    for css in (CSS_URI, STATUS_CSS):
        if css not in extra_css and (css == CSS_URI or css in project.result.data_files):
            extra_css.append(css)
    data["extra_css"] = extra_css
    if isinstance(data.get("watch"), list):
        data["watch"] = [str((config.root / str(w)).resolve()) for w in data["watch"]]
    data["plugins"] = _without_openwork(data.get("plugins"))
    return data


def _docs_nav(docs_pages: list[str]) -> list[Any]:
    """MkDocs' automatic nav for the docs pages: home first, folders as sections."""
    ordered = sorted(docs_pages, key=lambda p: (p.count("/"), p not in HOME_PAGES, p))
    return [page for page in ordered if "/" not in page] + [
        {folder.title(): [p for p in ordered if p.startswith(folder + "/")]}
        for folder in sorted({p.split("/", 1)[0] for p in ordered if "/" in p})
    ]


def _without_openwork(plugins: Any) -> Any:
    # Engines that cannot run MkDocs plugins skip them; openwork's work is done by now.
    if isinstance(plugins, dict):
        return {k: v for k, v in plugins.items() if k != "openwork"}
    if isinstance(plugins, list):
        return [
            p for p in plugins if p != "openwork" and not (isinstance(p, dict) and "openwork" in p)
        ]
    return plugins


def _dump(path: Path, data: Any, note: str) -> None:
    text = yaml.dump(data, Dumper=KeepTagsDumper, sort_keys=False, allow_unicode=True)
    path.write_text(f"# {note}\n" + text, encoding="utf-8")
