"""A person clicking through the built example site in Debian's Chromium (via Playwright)."""

from __future__ import annotations

from pathlib import Path

from tests.browsing import home_to_incident_and_team


def test_reader_goes_from_home_to_an_incident_and_its_team(
    served: str, browser, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    home_to_incident_and_team(page, served)
    page.screenshot(path=str(tmp_path / "team.png"))
    page.close()


def test_weeknote_links_to_its_week_digest_and_neighbours(served: str, browser) -> None:
    page = browser.new_page()
    page.goto(served + "weeknotes/2026-w45-platform/")
    page.get_by_role("link", name="Week 45, 2026", exact=True).click()
    page.wait_for_url("**/weeknotes/weeks/2026-w45/")
    assert page.locator(".ow-digest").count() == 3
    page.go_back()
    page.locator("a[rel=next]").last.click()
    page.wait_for_url("**/weeknotes/**")
    assert "2026-w45-platform" not in page.url
    page.close()


def test_dark_mode_keeps_cards_readable(served: str, browser) -> None:
    page = browser.new_page(color_scheme="dark")
    page.goto(served + "incidents/2026-10-28-address-lookup-outage/")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == "slate"
    color = page.evaluate("getComputedStyle(document.querySelector('.ow-facts dd')).color")
    # Light text on the dark background: every channel well above mid-grey.
    channels = [int(c) for c in color[color.index("(") + 1 : color.index(")")].split(",")[:3]]
    assert min(channels) > 150, color
    page.close()


def test_pages_work_without_javascript(served: str, browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "weeknotes/")
    assert page.locator(".ow-entry").count() >= 9
    page.locator(".ow-entry__title").first.click()
    page.wait_for_url("**/weeknotes/2026-w46-*/")
    context.close()
