"""axe-core in Debian's Chromium: no serious or critical violation in openwork's own markup, in
the light and the dark scheme, on every kind of page a reader lands on.

Material's chrome (header, tabs, sidebar, footer, search dialog) is excluded: it is the theme's,
and its known issues are named in docs/guides/reading.md. axe-core comes from the
npm registry (`make test` installs it into tests/.node; this module does too when it is missing).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

NODE = Path(__file__).parent / ".node"
AXE = NODE / "node_modules" / "axe-core" / "axe.min.js"
PAGES = (
    "",
    "weeknotes/2026-w45-platform/",
    "experiments/2026-09-address-lookup-cache/",
    "incidents/2026-10-28-address-lookup-outage/",
    "weeknotes/weeks/2026-w45/",
    "tags/hosting/",
    "teams/platform/",
    "authors/tomasz/",
    "incidents/",
    "experiments/",
    "feeds/",
    "status/",  # status (#16)
)
MATERIAL_CHROME = [[".md-header"], [".md-tabs"], [".md-sidebar"], [".md-footer"], [".md-search"]]


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("axe-core is not installed and npm is missing: run `make test`")
        done = subprocess.run(
            [npm, "install", "--prefix", str(NODE), "axe-core@4", "--no-audit", "--no-fund"],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if done.returncode != 0 or not AXE.exists():
            pytest.skip(f"could not install axe-core from the npm registry: {done.stderr[-300:]}")
    return AXE.read_text(encoding="utf-8")


def _serious(page, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "(exclude) => axe.run({include: [['body']], exclude}, {resultTypes: ['violations']})",
        MATERIAL_CHROME,
    )
    return [
        f"{v['id']} ({v['impact']}) at {node['target']}: {node['failureSummary']}"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
        for node in v["nodes"]
    ]


@pytest.mark.parametrize(
    ("scheme", "width"), [("light", 1280), ("dark", 1280), ("dark", 390)], ids=str
)
def test_no_serious_or_critical_violations(
    served: str, browser, axe_source: str, scheme: str, width: int
) -> None:
    page = browser.new_page(color_scheme=scheme, viewport={"width": width, "height": 900})
    found: dict[str, list[str]] = {}
    for url in PAGES:
        page.goto(served + url)
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
        if problems := _serious(page, axe_source):
            found[url or "/"] = problems
    page.close()
    assert found == {}


def test_badges_are_readable_sizes(served: str, browser) -> None:
    page = browser.new_page()
    page.goto(served + "incidents/")
    sizes = page.eval_on_selector_all(
        ".ow-badge", "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert sizes and min(sizes) >= 12, sizes
    page.close()
