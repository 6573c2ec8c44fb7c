"""What a reader sees around an entry in Chromium: where they are, what they can subscribe to."""

from __future__ import annotations

import re

import pytest

from tests.builder import Built


@pytest.mark.parametrize(
    ("url", "tab"),
    [
        ("weeknotes/2026-w45-platform/", "Weeknotes"),
        ("incidents/2026-10-28-address-lookup-outage/", "Incidents"),
        ("experiments/2026-09-address-lookup-cache/", "Experiments"),
        ("weeknotes/weeks/2026-w45/", "Weeknotes"),
        ("tags/hosting/", "Tags"),
        ("teams/platform/", "Teams"),
        ("authors/tomasz/", "Teams"),
        ("about/", "About"),
    ],
)
def test_the_section_tab_is_highlighted(example: Built, url: str, tab: str) -> None:
    html = example.page(url)
    tabs = html.split('class="md-tabs__list"', 1)[1].split("</ul>", 1)[0]
    active = [chunk for chunk in tabs.split("<li")[1:] if "md-tabs__item--active" in chunk]
    assert len(active) == 1, url
    assert " ".join(re.sub(r"<[^>]+>", " ", "<li" + active[0]).split()) == tab, url


def test_a_reader_on_an_entry_sees_its_tab_highlighted(served: str, browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served + "incidents/2026-10-28-address-lookup-outage/")
    active = page.locator(".md-tabs__item--active")
    assert active.count() == 1
    assert active.inner_text().strip() == "Incidents"
    page.close()


def test_feed_links_cost_no_stray_sitemap_requests(served: str, browser) -> None:
    """Material fetches sitemap.xml beside every `rel=alternate` link; feed links are exempt."""
    page = browser.new_page()
    page.route("https://digital.northfield.example/**", lambda route: route.abort())
    requested: list[str] = []
    failed: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    for url in ("", "weeknotes/2026-w45-platform/", "teams/platform/", "tags/hosting/"):
        page.goto(served + url)
        page.wait_for_load_state("networkidle")
        assert page.locator("head link[rel=alternate][type]").count() >= 3  # still discoverable
    page.close()
    stray = [u for u in requested if u.endswith("sitemap.xml") and u != served + "sitemap.xml"]
    assert stray == []
    assert failed == []
