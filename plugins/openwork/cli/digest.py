"""`openwork digest [--week 2026-W47] [--format html|text]`: a week's round-up, ready to send."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, datetime

from openwork.cli.siteconfig import SiteConfig, read_yaml_file
from openwork.content.dates import iso_week
from openwork.index.digest import build_digest, week_bounds
from openwork.pipeline import SiteSettings, run
from openwork.render.digest import DigestSite, digest_html, digest_text
from openwork.render.renderer import Renderer
from openwork.urls import PageUrls

_WEEK = re.compile(r"^(\d{4})-?[Ww](\d{1,2})$")

DIGEST_EPILOG = """\
The round-up lists each team's weeknote of the week, experiments started or concluded,
incidents opened or resolved, and incident actions due that week: done, or now overdue.
The HTML is made for e-mail: inline styles, tables, absolute links (from site_url in
mkdocs.yml), no scripts. Errors in content files are left out, as the build does:
run 'openwork check' to see them.

examples:
  openwork digest                          this week, as e-mail HTML
  openwork digest --week 2026-W46          another ISO week
  openwork digest --format text            the plain-text twin
  openwork digest --week 2026-W46 > round-up.html"""


class DigestError(Exception):
    """Bad --week or a site without site_url; the message says what to do."""


def add_digest_parser(
    commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]
) -> None:
    digest = commands.add_parser(
        "digest",
        parents=parents,
        help="print a week's round-up of weeknotes, experiments and incidents, to send",
        description="Print one ISO week's round-up as e-mail-ready HTML or plain text.",
        epilog=DIGEST_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    digest.add_argument(
        "--week",
        metavar="YYYY-Www",
        help="the ISO week, e.g. 2026-W47 (default: this week, in the site's timezone)",
    )
    digest.add_argument(
        "--format",
        choices=("html", "text"),
        default="html",
        help="html (default, for e-mail) or text",
    )


def parse_week(text: str) -> str:
    """'2026-W47', '2026w47' or '2026-W7' as '2026-W47'; DigestError if it is not a real week."""
    match = _WEEK.match(text.strip())
    if match is None:
        raise DigestError(f"--week '{text}' is not an ISO week: write it as 2026-W47")
    week = f"{match.group(1)}-W{int(match.group(2)):02d}"
    try:
        week_bounds(week)
    except ValueError:
        raise DigestError(
            f"--week '{text}': {match.group(1)} has no week {match.group(2)}"
        ) from None
    return week


def run_digest(args: argparse.Namespace, site: SiteConfig) -> str:
    """The digest text for the parsed arguments."""
    options = site.options
    raw = read_yaml_file(site.config_file)
    site_url = str(raw.get("site_url") or "")
    if not site_url:
        raise DigestError(
            f"{site.config_file.name} has no site_url: the digest's links must be absolute, "
            "so add `site_url: https://your.site.example/` at the top level"
        )
    now = datetime.now(UTC)
    week = parse_week(args.week) if args.week else iso_week(now.astimezone(options.zone).date())
    theme = raw.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    digest_site = DigestSite(
        name=str(raw.get("site_name") or "Our site"),
        url=site_url if site_url.endswith("/") else site_url + "/",
        language=str(language or "en"),
    )
    directory_urls = bool(raw.get("use_directory_urls", True))
    # The build's own pipeline, so the digest lists exactly what the site publishes.
    settings = SiteSettings(
        site_name=digest_site.name,
        site_url=digest_site.url,
        language=digest_site.language,
        directory_urls=directory_urls,
    )
    built = run(site.root, options, settings, "build", now=now).site
    renderer = Renderer(PageUrls(directory_urls))
    digest = build_digest(built, week)
    if digest.empty and not args.week and built.weeks():
        print(
            f"openwork: note: nothing happened in {week} yet; the latest week with weeknotes "
            f"is {built.weeks()[0]}: openwork digest --week {built.weeks()[0]}",
            file=sys.stderr,
        )
    base = options.collections["weeknote"].url
    if args.format == "text":
        return digest_text(digest, digest_site, renderer, base)
    return digest_html(digest, digest_site, renderer, base)
