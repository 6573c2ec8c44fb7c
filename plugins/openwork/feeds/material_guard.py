"""Keep Material's language switcher from treating feed links as language versions.

Material's `setupAlternate` takes every `<link rel="alternate">` on a page for a translation of
the site and fetches `sitemap.xml` beside its `href` (squidfunk/mkdocs-material's
integrations/alternate; zensical/zensical#908 reports the same). A feed in a folder
(`/weeknotes/feed.xml`) therefore costs every page view a request for `/weeknotes/sitemap.xml`:
a 404 in the server's log, a flood of them under `mkdocs serve`.

The links stay exactly as feed autodiscovery expects them (`rel="alternate"` with a feed
`type`). A small script, before Material's bundle runs, filters the results of the one selector
Material uses so that links with a `type` (feeds; language links carry `hreflang` and no
`type`) are not in them. Browser extensions run in their own isolated world and see the
document's own `querySelectorAll`, so their feed discovery is untouched.
"""

from __future__ import annotations

MATERIAL_SELECTOR = "link[rel=alternate]"

GUARD_SCRIPT = (
    "<script>/* openwork: feed links are not language versions (see feeds/material_guard.py) */"
    "(function(){var d=Document.prototype,q=d.querySelectorAll;"
    "d.querySelectorAll=function(s){var r=q.call(this,s);"
    f'return s==="{MATERIAL_SELECTOR}"?Array.prototype.filter.call(r,function(e){{'
    'return !e.hasAttribute("type")}):r}})();</script>'
)


def with_guard(head_links: str, theme_name: str | None) -> str:
    """`head_links` followed by the guard when the theme is Material and there are links."""
    if not head_links or theme_name != "material":
        return head_links
    return head_links + "\n" + GUARD_SCRIPT
