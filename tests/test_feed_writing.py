"""Each item is written once per format, for its check and every feed that carries it; one
that cannot be written is left out of every feed with a problem, and the other feeds are
written."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from openwork.feeds import atom, jsonfeed, publish, rss
from openwork.feeds.model import FeedItem
from openwork.feeds.publish import feed_files
from openwork.pipeline.feed_boundary import feed_documents

from tests.test_feeds_units import _catalog


def test_an_item_is_written_once_per_format_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog, entry = _catalog(tmp_path)
    bodies = {entry.id: "<p>Body</p>"}
    calls: list[str] = []
    modules = {"rss": rss, "atom": atom, "json": jsonfeed}
    for fmt, writer in dict(publish.ITEM_WRITERS).items():

        def counted(item: FeedItem, fmt: str = fmt, writer=writer) -> str:
            calls.append(fmt)
            return writer(item)

        monkeypatch.setitem(publish.ITEM_WRITERS, fmt, counted)  # the check
        monkeypatch.setattr(modules[fmt], writer.__name__, counted)  # the feeds
    files, problems = feed_documents(catalog, bodies)
    assert problems == []
    # The entry is in the site, collection, team and tag feeds: written once per format to
    # check it, and that text reused by all the feeds that carry it.
    assert sorted(calls) == ["atom", "json", "rss"]
    assert files == feed_files(catalog, bodies)
    for rel in ("feed.xml", "weeknotes/atom.xml"):
        parsed = feedparser.parse(files[rel])
        assert not parsed.bozo and len(parsed.entries) == 1


def test_an_item_that_cannot_be_written_is_left_out_with_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog, entry = _catalog(tmp_path)

    def broken(item: FeedItem) -> str:
        return "\ud800"  # a lone surrogate: UTF-8 cannot hold it

    monkeypatch.setitem(publish.ITEM_WRITERS, "json", broken)
    files, problems = feed_documents(catalog, {entry.id: "<p>Body</p>"})
    [problem] = problems
    assert problem.path == entry.path
    assert "could not feed this entry" in problem.message
    assert files["feed.json"] and "Body" not in files["feed.xml"].decode()
