"""Template code from Jekyll (Liquid, kramdown) and Hugo (shortcodes) found in Markdown.

MkDocs would show it as text, in pages, summaries and feeds. The read stage converts what has
one meaning (`post_url`, `ref`, `site.baseurl`, `{:target="_blank"}`) and removes the rest;
`openwork import` uses the same scanner, with links pointed at the files it writes.
Code blocks and inline code are left alone: a page about Liquid may quote it.
"""

from __future__ import annotations

import posixpath
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_TAG = re.compile(r"\{%-?\s*(\w+)\s*(.*?)\s*-?%\}")
_OUTPUT = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}")
_SHORTCODE = re.compile(r"\{\{([<%])\s*(/?)\s*([\w/-]+)\s*(.*?)\s*[>%]\}\}")
_KRAMDOWN = re.compile(r"\{:[^}\n]*\}|\{::[^}\n]*/?\}")
_URL_FILTER = re.compile(r"""^["']([^"']*)["']\s*\|\s*(?:relative_url|absolute_url)$""")
_SITE_URL = re.compile(r"^site\.(?:baseurl|url)$")

# A link target for a referenced post or page ('2026-02-11-slug', 'post/x.md'), or None.
LinkTo = Callable[[str], str | None]


@dataclass(frozen=True, slots=True)
class Change:
    """One piece of template code: where (0-based line of the text), what, and what became of it."""

    line: int
    found: str
    became: str
    needs_person: bool = False  # removed with no equivalent: someone should look


def reference_name(target: str) -> str:
    """The name a post is known by: 'post/slug/index.md' and '_posts/2026-01-02-slug.md' ->
    'slug', '2026-01-02-slug'."""
    path = target.strip().strip("\"'").split("#")[0].rstrip("/")
    base = posixpath.basename(path)
    stem = base.rsplit(".", 1)[0] if "." in base else base
    if stem in {"index", "_index"}:
        stem = posixpath.basename(posixpath.dirname(path)) or stem
    return stem


def names_a_page(target: str) -> bool:
    """A post or page ('x', 'x.md', '_posts/x.markdown'), not a file such as 'assets/a.pdf'."""
    suffix = posixpath.splitext(target.strip().strip("\"'").split("#")[0].rstrip("/"))[1]
    return suffix.lower() in {"", ".md", ".markdown", ".html"}


def _default_link(target: str) -> str | None:
    if not names_a_page(target):
        return "/" + target.strip().strip("\"'").lstrip("/")  # a file of the site, as written
    name = reference_name(target)
    return f"{name}.md" if name else None


def convert(text: str, link_to: LinkTo | None = None) -> tuple[str, list[Change]]:
    """The text with template code converted or removed, and each change made.

    Lines are never added or removed, so a problem's line number still points at the file.
    """
    if "{" not in text:  # most files: nothing to look at, and 10,000 of them per build
        return text, []
    link_to = link_to or _default_link
    changes: list[Change] = []
    out: list[str] = []
    fence: str | None = None
    for number, line in enumerate(text.split("\n")):
        opened = FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if opened:
            fence = opened.group(1)
            out.append(line)
            continue
        out.append(_convert_line(line, number, link_to, changes))
    return "\n".join(out), changes


def _convert_line(line: str, number: int, link_to: LinkTo, changes: list[Change]) -> str:
    if "{" not in line:
        return line
    parts: list[str] = []
    last = 0
    for span in _CODE_SPAN.finditer(line):
        parts.append(_convert_text(line[last : span.start()], number, link_to, changes))
        parts.append(span.group(0))
        last = span.end()
    parts.append(_convert_text(line[last:], number, link_to, changes))
    return "".join(parts)


def _convert_text(text: str, number: int, link_to: LinkTo, changes: list[Change]) -> str:
    def note(found: str, became: str, needs_person: bool = False) -> str:
        changes.append(Change(number, found, became, needs_person))
        return became

    def shortcode(m: re.Match[str]) -> str:
        closing, name, args = m.group(2), m.group(3), m.group(4)
        if name in {"ref", "relref"} and not closing:
            target = link_to(_first_arg(args))
            return note(m.group(0), target or "", target is None)
        if name == "figure" and not closing:
            attrs = _attrs(args)
            alt = attrs.get("alt") or attrs.get("caption") or attrs.get("title") or ""
            src = attrs.get("src", "")
            return note(m.group(0), f"![{alt}]({src})" if src else "", not src)
        if name == "highlight":
            return note(m.group(0), "```" if closing else "```" + _first_arg(args))
        embed = _embed(name, args) if not closing else None
        if embed:
            return note(m.group(0), embed)
        return note(m.group(0), "", True)

    def tag(m: re.Match[str]) -> str:
        name, args = m.group(1), m.group(2)
        if name in {"post_url", "link"}:
            target = link_to(args.split()[0]) if args else None
            return note(m.group(0), target or "", target is None)
        if name in {"raw", "endraw"}:
            return note(m.group(0), "")
        if name == "highlight":
            return note(m.group(0), "```" + (args.split()[0] if args else ""))
        if name == "endhighlight":
            return note(m.group(0), "```")
        return note(m.group(0), "", True)

    def output(m: re.Match[str]) -> str:
        inner = m.group(1)
        if _SITE_URL.match(inner):
            return note(m.group(0), "")
        url = _URL_FILTER.match(inner)
        if url:
            return note(m.group(0), url.group(1))
        return note(m.group(0), "", True)

    text = _SHORTCODE.sub(shortcode, text)
    text = _TAG.sub(tag, text)
    text = _OUTPUT.sub(output, text)
    # kramdown's attribute lists and extensions: Python-Markdown has no use for them here.
    return _KRAMDOWN.sub(lambda m: note(m.group(0), ""), text)


# Hugo's built-in embeds, as a plain link to what they showed.
EMBEDS = {
    "youtube": ("Video on YouTube", "https://www.youtube.com/watch?v={id}"),
    "vimeo": ("Video on Vimeo", "https://vimeo.com/{id}"),
    "gist": ("Gist", "https://gist.github.com/{user}/{id}"),
    "tweet": ("Post on X", "https://x.com/{user}/status/{id}"),
    "x": ("Post on X", "https://x.com/{user}/status/{id}"),
}


def _embed(name: str, args: str) -> str | None:
    if name not in EMBEDS:
        return None
    attrs = _attrs(args)
    words = [w for w in _words(args) if "=" not in w]
    if name == "gist" and len(words) >= 2:
        attrs.setdefault("user", words[0])
        attrs.setdefault("id", words[1])
    elif words:
        attrs.setdefault("id", words[0])
    text, url = EMBEDS[name]
    try:
        return f"[{text}]({url.format(**attrs)})"
    except KeyError:
        return None  # a form this does not know: removed and listed


def _words(args: str) -> list[str]:
    try:
        return shlex.split(args)
    except ValueError:
        return args.split()


def _first_arg(args: str) -> str:
    words = _words(args)
    return words[0] if words else ""


def _attrs(args: str) -> dict[str, str]:
    return dict(w.split("=", 1) for w in _words(args) if "=" in w)


def clean_text(value: str) -> str:
    """A title or summary with template code removed (no links there, only text)."""
    if "{" not in value:
        return value
    cleaned, _ = convert(value, lambda _target: "")
    return " ".join(cleaned.split())


def summarise(changes: list[Change]) -> str:
    """'{% post_url %}, {:...}': the kinds found, sorted, for one warning line. No counts, so
    that an archive's files with the same habits share one grouped line in the log."""
    return ", ".join(sorted({_kind(change.found) for change in changes}))


def _kind(found: str) -> str:
    for pattern, label in (
        (_SHORTCODE, lambda m: f"{{{{{m.group(1)} {m.group(2)}{m.group(3)} {m.group(1)}}}}}"),
        (_TAG, lambda m: f"{{% {m.group(1)} %}}"),
        (_OUTPUT, lambda m: f"{{{{ {m.group(1).split('|')[0].strip()} }}}}"),
    ):
        m = pattern.fullmatch(found)
        if m:
            return label(m)
    return "{:...}" if found.startswith("{:") else found
