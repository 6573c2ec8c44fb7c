"""`openwork import` from the fixture Jekyll blog and Hugo site, then a real build read back."""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from mkdocs.exceptions import Abort
from openwork.cli.app import main

from tests.builder import REPO, Built, mkdocs_build, write_tree

FIXTURES = REPO / "tests" / "fixtures"
JEKYLL = FIXTURES / "jekyll-blog"
HUGO = FIXTURES / "hugo-site"
NO_STARTED = "no started: the report is published with 'timings not recorded'"


def new_site(root: Path) -> Path:
    write_tree(
        root,
        {
            "mkdocs.yml": """
                site_name: Imported
                site_url: https://example.org/
                theme:
                  name: material
                markdown_extensions:
                  - attr_list
                plugins:
                  - openwork
            """,
            "docs/index.md": "# Home\n",
        },
    )
    return root


def run_import(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str]:
    monkeypatch.chdir(site)
    code = main(["import", *args])
    return code, capsys.readouterr().out


def entry_pages(built: Built) -> dict[str, str]:
    """{site-relative URL: HTML} of every entry page under weeknotes/ and incidents/."""
    pages = {}
    for path in built.site_dir.glob("*/*/index.html"):
        rel = path.relative_to(built.site_dir).parent.as_posix() + "/"
        collection, slug = rel.split("/")[:2]
        if collection in {"weeknotes", "incidents"} and not slug.isdigit() and slug != "weeks":
            pages[rel] = path.read_text(encoding="utf-8")
    return pages


def broken_links(built: Built, url: str, html: str) -> list[str]:
    """Links and images in the page's article that point at no file of the built site."""
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    broken = []
    for target in re.findall(r'(?:href|src)="([^"#]+)', article):
        if re.match(r"^[a-z]+:", target) or target.startswith("//"):
            continue
        path = unquote(urljoin("/" + url, target)).lstrip("/")
        path = posixpath.normpath(path) if path else ""
        if (
            not (built.site_dir / path).is_file()
            and not (built.site_dir / path / "index.html").is_file()
        ):
            broken.append(target)
    return broken


def test_a_jekyll_blog_becomes_entries_whose_links_resolve(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = new_site(tmp_path / "site")
    code, report = run_import(
        site, monkeypatch, capsys, "jekyll", str(JEKYLL),
        "--weeknotes-tag", "weeknotes", "--kind", "incident", "--team", "digital",
    )  # fmt: skip
    assert code == 0, report
    assert "Read 5 posts" in report and "wrote 5 entries (4 weeknotes, 1 incident)" in report
    assert "published -> draft" in report and "week_ending -> date" in report
    assert "title from the first heading: 'Search was down for two hours'" in report
    needs = report.split("Needs a person (4):\n", 1)[1].splitlines()
    assert needs[0].startswith(
        "  weeknotes/2022/2022-11-18-weeknote-46.md:14: {% include video.html"
    )
    assert "/assets/img/gone.png was not found" in needs[1]
    assert needs[2].endswith(
        "https://blog.example.org/blog/ is a page of the old site, not an imported post"
    )
    assert NO_STARTED in needs[3]
    assert "2 links to old addresses" in report
    written = (site / "weeknotes/2022/2022-11-18-weeknote-46.md").read_text(encoding="utf-8")
    assert "[last week](2022-11-11-weeknote-45.md)" in written
    assert "`{% post_url 2022-11-11-weeknote-45 %}`" in written  # inline code is kept
    assert (site / "docs/weeknotes/2022-11-11-weeknote-45/burnup.png").is_file()
    assert (site / "docs/weeknotes/2022-11-11-weeknote-45/search-plan.pdf").is_file()

    built = mkdocs_build(site / "mkdocs.yml", tmp_path / "out")
    # The only warning left is the incident's missing timings, as one line.
    assert [w for w in built.warnings if "openwork" in w or "Doc file" in w] == [
        "openwork: incidents/2023/2023-02-03-search-outage.md:1: " + NO_STARTED
        + " and left out of the duration figures; add started: YYYY-MM-DD HH:MM if you know it"
    ]  # fmt: skip
    pages = entry_pages(built)
    assert set(pages) == {
        "weeknotes/2022-11-11-weeknote-45/",
        "weeknotes/2022-11-18-weeknote-46/",
        "incidents/2023-02-03-search-outage/",
    }  # the unpublished post is a draft: kept as a file, left out of the build
    assert (site / "weeknotes/2022/2022-12-02-thoughts.md").read_text().count("draft: true") == 1
    assert "draft: true" in (site / "weeknotes/2023/roadmap-ideas.md").read_text()  # _drafts/
    broken = [link for url, html in pages.items() for link in broken_links(built, url, html)]
    assert broken == ["/assets/img/gone.png"]  # the one the report named
    for html in pages.values():
        article = html.split("<article", 1)[1]
        assert "{%" not in article.replace("{% post_url 2022-11-11", "") and "{:" not in article
    weeknote = pages["weeknotes/2022-11-18-weeknote-46/"]
    assert 'href="../2022-11-11-weeknote-45/"' in weeknote
    assert 'href="../../incidents/2023-02-03-search-outage/"' in weeknote
    assert 'src="burnup.png"' in pages["weeknotes/2022-11-11-weeknote-45/"]
    assert 'href="search-plan.pdf"' in pages["weeknotes/2022-11-11-weeknote-45/"]
    incident = pages["incidents/2023-02-03-search-outage/"]
    assert "timings not recorded" in incident
    listing = built.page("incidents/")
    row = listing.split('data-id="incidents/2023-02-03-search-outage"', 1)[1].split("</tr>")[0]
    assert "timings not recorded" in row and "not recorded</span></td>" in row
    assert "not resolved" not in row
    # A person does what the report asked; then `mkdocs build --strict` passes.
    outage = site / "incidents/2023/2023-02-03-search-outage.md"
    text = outage.read_text(encoding="utf-8")
    text = text.replace("status: resolved", "status: resolved\nstarted: 2023-02-03 09:40")
    outage.write_text(text.replace("![Old chart](/assets/img/gone.png)", ""), encoding="utf-8")
    fixed = mkdocs_build(site / "mkdocs.yml", tmp_path / "strict", strict=True)
    assert "time to resolve: 2 h" in fixed.page("incidents/2023-02-03-search-outage/")
    # Links written as the old site's addresses (permalink pattern, a post's permalink).
    assert 'href="../../weeknotes/2022-11-18-weeknote-46/"' in incident
    assert 'href="../../weeknotes/2022-11-11-weeknote-45/#search"' in incident
    assert "<h1" in incident and "Search was down for two hours" in incident


def test_a_hugo_site_with_toml_and_bundles_builds_strict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = new_site(tmp_path / "site")
    code, report = run_import(site, monkeypatch, capsys, "hugo", str(HUGO), "--kind", "incident")
    assert code == 0, report
    assert "wrote 2 entries (2 incidents)" in report
    assert "lastmod -> updated" in report and "figure converted" in report
    assert "youtube converted" in report
    assert 'incidents/2023/2023-03-01-failover.md:25: {{< chart data="q1-errors" >}}' in report
    built = mkdocs_build(site / "mkdocs.yml", tmp_path / "out", strict=True)
    pages = entry_pages(built)
    assert set(pages) == {"incidents/2023-03-01-failover/", "incidents/cache-warmup/"}
    for url, html in pages.items():
        assert broken_links(built, url, html) == [], url
        assert "{{" not in html.split("<article", 1)[1]
    failover = pages["incidents/2023-03-01-failover/"]
    assert 'src="diagram.png"' in failover and 'alt="How the failover went"' in failover
    assert 'href="../cache-warmup/"' in failover
    assert '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Video on YouTube</a>' in failover
    # A ref shortcode and an old address (/posts/<bundle>/) both point at the new page.
    article = pages["incidents/cache-warmup/"].split("<article", 1)[1].split("</article>")[0]
    assert '<a href="../2023-03-01-failover/">failover</a>' in article
    assert '<a href="../2023-03-01-failover/">failover write-up</a>' in article
    assert "time to resolve" in failover


def test_import_never_overwrites_and_dry_run_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = new_site(tmp_path / "site")
    code, report = run_import(site, monkeypatch, capsys, "hugo", str(HUGO), "--dry-run")
    assert code == 0 and "would write 2 entries" in report
    assert not (site / "weeknotes").exists() and not (site / "docs/weeknotes").exists()
    run_import(site, monkeypatch, capsys, "hugo", str(HUGO), "--kind", "incident")
    target = site / "incidents/2023/cache-warmup.md"
    target.write_text("edited by a person\n", encoding="utf-8")
    code, report = run_import(site, monkeypatch, capsys, "hugo", str(HUGO), "--kind", "incident")
    assert code == 1
    assert "wrote 0 entries" in report and "Skipped 2" in report
    assert target.read_text(encoding="utf-8") == "edited by a person\n"


def test_a_source_that_is_not_a_blog_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = new_site(tmp_path / "site")
    monkeypatch.chdir(site)
    assert main(["import", "jekyll", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("openwork: error: ") and len(err.strip().splitlines()) == 1
    # A folder the build does not read would import posts nobody sees.
    assert main(["import", "jekyll", str(JEKYLL), "--into", "archive"]) == 2
    err = capsys.readouterr().err
    assert "--into archive is not inside weeknotes/" in err
    assert not (site / "archive").exists()


def test_an_unconverted_jekyll_folder_builds_without_template_code_leaking(
    tmp_path: Path,
) -> None:
    """Posts copied in as they are: the read stage converts, warns once per file, and
    MkDocs' link warnings name the file the writer wrote."""
    site = new_site(tmp_path / "site")
    folder = site / "weeknotes" / "2022"
    folder.mkdir(parents=True)
    for post in (JEKYLL / "_posts").glob("2022-11-1*.md"):
        shutil.copy(post, folder / post.name)
    built = mkdocs_build(site / "mkdocs.yml", tmp_path / "out")
    # Pages, listings, feeds, descriptions: the only template code left is the inline code
    # a writer quoted on purpose.
    text = built.all_text().replace("{% post_url 2022-11-11-weeknote-45 %}", "")
    for leak in ("{%", "{:", "site.baseurl", "{{ "):
        assert leak not in text, leak
    warnings = "\n".join(built.warnings)
    assert "weeknotes/2022/2022-11-11-weeknote-45.md:11: template code" in warnings
    # The post_url to a post that is not here: MkDocs' warning names the source file and line.
    assert "Doc file 'weeknotes/2022/2022-11-18-weeknote-46.md:11' contains a link" in warnings
    with pytest.raises(Abort):
        mkdocs_build(site / "mkdocs.yml", tmp_path / "out2", strict=True)
