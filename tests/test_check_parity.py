"""`openwork check` finds every problem a build finds, though it keeps nothing it renders and
shares its work among processes: one entry that only one template (a listing page, the
footer, a list-item variant, a feed item) cannot render is reported by both, the same way."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from openwork import forked
from openwork.cli.check import Scope, run_check
from openwork.content import reader
from openwork.feeds import publish
from openwork.options import Options
from openwork.pipeline import SiteSettings, check_work, run, stages

from tests.builder import MINIMAL_MKDOCS, build_and_check, write_tree
from tests.reading import EXPERIMENT, INCIDENT, NOW, md

BOOM = '{% if e.title == "Boom" %}{{ 1 // 0 }}{% endif %}'  # `e`: an entry in a listing loop
ENTRY_BOOM = BOOM.replace("e.title", "entry.title")  # on the entry's own page


def _site(root: Path) -> Path:
    files = {
        f"weeknotes/2026-W{week}-platform.md": md(
            f"date: 2026-{month}-{day}\nteam: platform\nauthors: [ada]\ntags: [ops, week-{week}]\n"
        )
        for week, month, day in [("40", "10", "02"), ("41", "10", "09"), ("42", "10", "16")]
    }
    files |= {
        f"weeknotes/2026-W{w}-data.md": md(f"date: 2026-11-{d}\nteam: data\ntags: [ops]\n")
        for w, d in [("45", "06"), ("46", "13"), ("47", "20")]
    }
    files |= {
        "weeknotes/2026-W44-platform.md": md(
            "title: Boom\ndate: 2026-10-30\nteam: platform\nauthors: [ada]\n"
            "tags: [ops, boom-only]\n"
        ),
        "experiments/forms.md": md(EXPERIMENT + "tags: [ops]\n"),
        "incidents/search.md": md(INCIDENT + "tags: [ops]\n"),
        "authors.yml": "ada:\n  name: Ada Example\n",
    }
    return write_tree(root, files)


def _themed_site(root: Path) -> Path:
    """The site, with mkdocs.yml pointing the theme at root/overrides (for `_override`)."""
    _site(root)
    themed = MINIMAL_MKDOCS.replace("  name: material", "  name: material\n  custom_dir: overrides")
    return write_tree(root, {"mkdocs.yml": themed})


def _override(root: Path, template: str, old: str, new: str) -> Path:
    """A theme override of a package template with `old` replaced by `new`."""
    package = Path(forked.__file__).parent / "templates"
    folder = root / "overrides" / "openwork"
    folder.mkdir(parents=True, exist_ok=True)
    text = (package / template).read_text(encoding="utf-8")
    assert old in text
    (folder / template).write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


EACH = "{% for e in entries %}" + BOOM + "{% endfor %}"
# (template, text in it, what to put before that text, what a build leaves out): each fails
# for the entry "Boom" only where a build renders that template for it.
FAILURES = {
    "footer only": ("entry_footer.html", '<div class="ow-after">', ENTRY_BOOM, "entry"),
    "header only": ("_card.html", '<dl class="ow-facts">', ENTRY_BOOM, "entry"),
    "its page's Markdown": ("entry.md", "", ENTRY_BOOM, "entry"),
    "its feed item only": ("feed_facts.html", "", ENTRY_BOOM, "entry"),
    "tag pages only": ("tag.md", "{% for kind, items in groups %}", EACH, "pages"),
    "author pages only": ("author.md", '<p class="ow-count">', EACH, "pages"),
    "team pages only": ("team.md", '<p class="ow-count">', EACH, "pages"),
    "year pages only": ("year.md", '<p class="ow-count">', EACH, "pages"),
    "week pages only": ("week.md", "<section", BOOM, "pages"),
    # The list item without its kind badge: listings show it, the per-entry trial does not.
    "a list-item variant only": (
        "_macros.html",
        '<a class="ow-entry__title"',
        '{% if e.title == "Boom" and not show_kind %}{{ 1 // 0 }}{% endif %}',
        "pages",
    ),
}


def _broken(root: Path, case: str) -> SiteSettings:
    template, old, new, _ = FAILURES[case]
    folder = _override(root, template, old, new + old)
    return SiteSettings(site_url="https://tiny.example/", template_dirs=(folder,))


@pytest.fixture
def sharing(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Forks even for a small site; returns the list of forked children's ids."""
    monkeypatch.setattr(check_work, "MIN_SHARE", 1)
    monkeypatch.setattr(reader, "MIN_SHARE", 1)
    children: list[int] = []
    real_fork = forked.os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            children.append(pid)
        return pid

    monkeypatch.setattr(forked.os, "fork", fork)
    return children


@pytest.mark.parametrize("jobs", [2, 3])
@pytest.mark.parametrize("case", sorted(FAILURES))
def test_check_in_shares_reports_what_a_build_reports(
    tmp_path: Path, case: str, jobs: int, sharing: list[int]
) -> None:
    root = _site(tmp_path)
    settings = _broken(root, case)
    built = run(root, Options(), settings, now=NOW)
    failures = [p for p in built.problems if "could not" in p.message]
    assert failures, "the broken template must fail for one entry in a build"
    assert all("ZeroDivisionError" in p.message for p in failures)
    if FAILURES[case][3] == "pages":  # the pages that show Boom are left out, not the entry
        assert all(
            p.message.startswith("openwork could not render the generated page") for p in failures
        )
    else:
        assert [p.path for p in failures] == ["weeknotes/2026-W44-platform.md"]
    checked = run_check(root, Options(), Scope(), settings=settings, jobs=jobs)
    assert sharing, "the check's work was shared among processes"
    assert checked.problems == list(built.problems)


def test_check_without_sharing_reports_the_same(tmp_path: Path) -> None:
    root = _site(tmp_path)
    settings = _broken(root, "a list-item variant only")
    built = run(root, Options(), settings, now=NOW)
    assert run_check(root, Options(), Scope(), settings=settings, jobs=1).problems == list(
        built.problems
    )


def test_a_share_whose_process_fails_is_done_again_and_nothing_is_lost(
    tmp_path: Path, sharing: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _site(tmp_path)
    settings = _broken(root, "footer only")
    built = run(root, Options(), settings, now=NOW)
    # Every child dies before it reports (as if killed): the parent does its share itself.
    monkeypatch.setattr(forked, "_write_all", lambda *a: forked.os._exit(9))
    checked = run_check(root, Options(), Scope(), settings=settings, jobs=2)
    assert sharing and checked.problems == list(built.problems)


def test_check_reports_a_page_only_a_listing_template_cannot_render_as_mkdocs_does(
    tiny: Path, tmp_path: Path
) -> None:
    _themed_site(tiny)
    template, old, new, _ = FAILURES["tag pages only"]
    _override(tiny, template, old, new + old)
    from_build, from_check, status = build_and_check(tiny, tmp_path / "site")
    assert [line.split(":")[0] for line in from_build] == ["tags/ops.md"]  # Boom's tag page
    assert status == 1 and from_check == from_build


def test_stages_keep_rendered_text_in_a_build_and_none_in_a_check(tmp_path: Path) -> None:
    root = _site(tmp_path)
    settings = SiteSettings(site_url="https://tiny.example/")
    built = stages.run(root, Options(), settings, now=NOW)
    checked = stages.run(root, Options(), settings, now=NOW, check_jobs=1)
    assert [p.src_uri for p in built.pages] == [p.src_uri for p in checked.pages]
    assert set(built.entry_pages) == set(checked.entry_pages)
    assert all(p.markdown for p in built.pages) and not any(p.markdown for p in checked.pages)
    assert built.problems == checked.problems


def test_work_in_chunks_comes_back_whole_and_in_order_from_every_process() -> None:
    def work(chunk: object) -> tuple[int, list[int]]:
        time.sleep(0.01)  # long enough for the children to start and take their part
        return forked.os.getpid(), [n * n for n in chunk]  # type: ignore[attr-defined]

    parts = forked.in_chunks(list(range(100)), work, 3, 7)
    assert [n for _, squares in parts for n in squares] == [n * n for n in range(100)]
    assert len({pid for pid, _ in parts}) > 1  # children did some of it
    assert forked.in_chunks([], work, 3, 7) == []


def test_check_reports_a_feed_the_build_cannot_write(
    tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not one entry's fault: the whole feed is left out, by the build and in check's report.
    _site(tiny)
    real = publish.RENDERERS["atom"]

    def fussy(feed: Any, texts: Any) -> bytes:
        if "boom-only" in feed.title:
            raise ValueError("this feed cannot be written")
        return real(feed, texts)

    monkeypatch.setitem(publish.RENDERERS, "atom", fussy)
    from_build, from_check, status = build_and_check(tiny, tmp_path / "site")
    assert [line.split(": ", 1)[1] for line in from_build] == [
        "openwork could not write this feed: ValueError: this feed cannot be written"
    ]
    assert status == 1 and from_check == from_build


def test_check_reports_a_home_page_dashboard_the_build_cannot_render(
    tiny: Path, tmp_path: Path
) -> None:
    _themed_site(tiny)
    _override(tiny, "dashboard.md", "", "{{ 1 // 0 }}")
    from_build, from_check, status = build_and_check(tiny, tmp_path / "site")
    assert [line.split(":")[0] for line in from_build] == ["index.md"]
    assert status == 1 and from_check == from_build
