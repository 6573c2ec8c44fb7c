"""#16 in Chromium: the banner a reader closes, the status page, and the digest e-mail."""

from __future__ import annotations

from pathlib import Path

from tests.builder import Built


def test_the_banner_shows_without_javascript_and_closes_with_it(
    served: str,
    browser,
) -> None:
    plain = browser.new_context(java_script_enabled=False)
    page = plain.new_page()
    page.goto(served + "about/")
    banner = page.locator("#ow-banner")
    assert banner.is_visible()
    assert "Slow and timing-out logins" in banner.inner_text()
    assert not page.locator(".ow-banner__close").is_visible(), "no button that cannot work"
    plain.close()

    context = browser.new_context()
    page = context.new_page()
    page.goto(served + "about/")
    banner = page.locator("#ow-banner")
    assert banner.is_visible()
    banner.get_by_role("link", name="Slow and timing-out logins to the council tax portal").click()
    page.wait_for_url("**/incidents/2026-11-12-council-tax-portal-slow-logins/")
    page.get_by_role("button", name="Hide this notice").click()
    assert not page.locator("#ow-banner").is_visible()
    page.goto(served + "status/")
    assert not page.locator("#ow-banner").is_visible(), "dismissed until the incident changes"
    context.close()


def test_status_page_in_light_and_dark(
    served: str,
    browser,
    tmp_path: Path,
) -> None:
    for scheme in ("light", "dark"):
        page = browser.new_page(viewport={"width": 1280, "height": 1200}, color_scheme=scheme)
        page.goto(served + "status/")
        strip = page.locator(".ow-service[data-service='council-tax-portal'] svg")
        box = strip.bounding_box()
        assert box is not None and box["width"] > 500, "the strip spans the content column"
        portal = page.locator(".ow-service[data-service='council-tax-portal']")
        assert portal.get_attribute("data-state") == "SEV2"
        page.locator("summary", has_text="with incidents, as a table").first.click()
        assert page.locator(".ow-strip__data table").first.is_visible()
        page.screenshot(path=str(tmp_path / f"status-{scheme}.png"), full_page=True)
        page.close()


def test_the_digest_email_renders_in_a_narrow_window(example: Built, browser) -> None:
    email = example.site_dir / "weeknotes" / "weeks" / "2026-w46" / "email.html"
    page = browser.new_page(viewport={"width": 375, "height": 800})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(email.as_uri())
    assert requests == [email.as_uri()], "nothing else is fetched: no CSS, no scripts"
    assert page.get_by_role("link", name="Health checks that check something").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the e-mail scrolls sideways on a phone ({width}px)"
    page.set_viewport_size({"width": 1024, "height": 800})
    card = page.locator("table[width='600']").bounding_box()
    assert card is not None and card["width"] == 600
    page.close()
