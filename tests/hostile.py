"""Hostile front matter and bodies: what careless writers and attackers put in files.

Used by the property tests (as hypothesis strategies) and by the hostile build (drawn with a
seeded random generator, so the built site is the same every run).
"""

from __future__ import annotations

import random
from datetime import date, datetime

import yaml
from hypothesis import strategies as st
from openwork.content.schemas import NESTED, SCHEMAS

FIELDS = sorted({name for schema in SCHEMAS.values() for name in schema.model_fields})
NESTED_FIELDS = sorted({n for part in NESTED.values() for n in part.model_fields})
ODD_KEYS = ["Draft", "drafts", "publish-after", "embargo", "published", "Title", "tiltle", "~"]
# Other generators' fields, read through content/aliases.py
ODD_KEYS += ["publishDate", "week_ending", "lastmod", "description", "excerpt", "author"]
ODD_KEYS += ["categories", "permalink", "layout"]

# Text that once broke something, or could: controls, RTL, separators, markers, HTML, huge.
NASTY_TEXT = [
    "",
    " ",
    "a\x00b",
    "a\x01b",
    "esc \x1b[31mred",
    "vt\x0bhere",
    "\ufffe\uffff",
    "nel\x85next",
    "c1 \x9b2J",
    "line\u2028separator\u2029para",
    "\u202eevil\u202c",
    "עברית ومرحبا",
    "<!-- private -->secret<!-- /private -->",
    "<!--",
    "-->",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "]]><![CDATA[",
    "&amp; &bogus; &#0;",
    "index",
    "page",
    "2026",
    "!!!",
    "x" * 300,
    "Ü" * 150,
    "🚀" * 70,
    "Jane Doe",
    "JANE  DOE!",
    "SEV9",
    "2026-W99",
    "0000-W01",
    "next tuesday",
    "human error",
    "\t",
    "\n\n",
    "{{ site.url }}/x",
    "{% raw %}{% endraw",
    "{% link _posts/2020-01-01-x.md %}",
    '{{< ref "x" >}}',
]
NASTY_SCALARS: list[object] = [
    None,
    True,
    False,
    0,
    -1,
    10**30,
    1.5,
    float("inf"),
    float("nan"),
    date(1, 1, 1),
    date(9999, 12, 31),
    date(2026, 11, 20),
    datetime(1, 1, 1, 10, 0),
    datetime(9999, 12, 31, 23, 59),
    datetime(2026, 11, 20, 9, 30),
]
# Raw YAML lines that a dump cannot produce: tags, anchors, odd syntax.
RAW_LINES = [
    'date: !!timestamp "next tuesday"',
    "week: ~",
    "week: 0000-W01",
    "date: 0001-01-01",
    "date: 9999-12-31",
    "started: 0001-01-01 10:00",
    "title: " + "7" * 5000,
    'title: "a\\x01b\\u0085c"',
    "title: !!binary aGk=",
    "loop: &a [*a]",
    "a: &a [x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]",
    "tags: a, b, , c",
    "authors: {a: b}",
    "severity: !!int 1",
    "team: !!float x",
    "draft: !!bool maybe",
    "title: [",
    "\ttitle: tab",
    "title: 'unterminated",
    "? complex key\n: value",
    "published: 'yes'",
    'publishDate: !!timestamp "soon"',
    "author: {name: x, url: [1]}",
    "categories: [a, [b], {c: d}]",
    "week_ending: 0001-01-01",
    "description: [1, 2]",
    "excerpt_separator: <!--more-->",
]
BODIES = [
    "Plain text.\n",
    "<!-- private --> A <!-- private --> B <!-- /private --> C <!-- /private --> D\n",
    "Before.\n\n<!-- unclosed comment\n\nAfter.\n",
    "<!-- /private -->\nstray close\n",
    "```\n<!-- private -->\n```\nafter fence\n",
    "```\nunclosed fence\n",
    "    indented <!-- x -->\n",
    "> quote <!-- private -->\n",
    "`code <!-- private -->`\n",
    "Body with \x0b vertical tab and \x00 NUL and \ufffe.\n",
    "\u2028\u2029\u202e RTL text עברית\n",
    "# Heading\n\n" + "word " * 2000 + "\n",
    "<script>alert(1)</script>\n",
    "The operator was careless and should have known.\n",
    "{% include x.html %}\n\n{{ page.title }} {% raw %}{{ x }}{% endraw %}\n",
    "```liquid\n{% if x %}\n```\n{% unclosed\n",
    "",
]

scalars = st.one_of(st.sampled_from(NASTY_SCALARS), st.sampled_from(NASTY_TEXT), st.text())
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from([*NESTED_FIELDS, "x"]), inner, max_size=3),
    ),
    max_leaves=6,
)
keys = st.one_of(st.sampled_from(FIELDS), st.sampled_from(ODD_KEYS), st.text(max_size=8))
front_matters = st.dictionaries(keys, values, max_size=8)
bodies = st.one_of(st.sampled_from(BODIES), st.text(max_size=200))


def dump(data: dict[object, object], raw: list[str]) -> str:
    """Front matter text: the mapping as YAML, then raw lines; a file even when YAML cannot
    write a value (a lone surrogate), since the reader must cope with what is on disk."""
    try:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False) if data else ""
    except (yaml.YAMLError, UnicodeError, ValueError):
        text = "".join(f"{k}: {v!r}\n" for k, v in data.items())
    return text + "".join(line + "\n" for line in raw)


def markdown(front_matter: str, body: str) -> str:
    return f"---\n{front_matter}---\n{body}"


BASE: dict[str, dict[str, object]] = {
    "weeknotes": {"date": date(2026, 11, 20), "team": "platform"},
    "experiments": {
        "title": "Shorter forms",
        "date": date(2026, 11, 2),
        "status": "running",
        "started": date(2026, 11, 2),
        "hypothesis": "We believe shorter forms will result in more completions.",
    },
    "incidents": {
        "title": "Search down",
        "date": date(2026, 11, 3),
        "severity": "SEV2",
        "status": "resolved",
        "started": datetime(2026, 11, 3, 9, 0),
        "resolved": datetime(2026, 11, 3, 10, 0),
        "impact": "Residents could not search.",
        "contributing_factors": ["A full disk."],
        "timeline": [{"at": datetime(2026, 11, 3, 9, 5), "event": "Alert fired."}],
        "actions": [{"action": "Add disk alerts.", "owner": "ops", "due": date(2026, 12, 1)}],
    },
}
TEXT_FIELDS = ["title", "summary", "team", "authors", "tags", "impact", "hypothesis", "owner"]
TEXT_FIELDS += ["services", "contributing_factors", "slug", "related", "id"]


def hostile_files(count: int, seed: int = 11) -> dict[str, str]:
    """`count` hostile files per collection, drawn with a seeded generator: most start from
    valid front matter, so the hostile values reach the pages and feeds."""
    rng = random.Random(seed)
    files: dict[str, str] = {}
    for folder, base in BASE.items():
        for number in range(count):
            data: dict[object, object] = dict(base) if rng.random() < 0.8 else {}
            for _ in range(rng.randint(1, 5)):
                if rng.random() < 0.7:  # text where text goes: it is published
                    data[rng.choice(TEXT_FIELDS)] = rng.choice(NASTY_TEXT)
                else:
                    value = rng.choice([*NASTY_SCALARS, *NASTY_TEXT])
                    data[rng.choice([*FIELDS, *ODD_KEYS])] = value
            raw = rng.sample(RAW_LINES, 1) if rng.random() < 0.3 else []
            name = rng.choice(["2026-W47-x", "0001-W01-y", "index", "x" * 120, "ok", "ok2"])
            body = rng.choice(BODIES)
            files[f"{folder}/{number:02d}-{name}.md"] = markdown(dump(data, raw), body)
    return files
