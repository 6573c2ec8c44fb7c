"""A generated organisation of N realistic entries, laid out for openwork, plain MkDocs or
Material's blog, so that `make bench` compares the three on the same Markdown.

    python benchmarks/corpus.py /tmp/corpus --entries 1000 [--layout openwork|plain|blog]

About 70% of entries are weeknotes, 15% experiments and 15% incidents, 300-600 words each
with headings, a list and a code block, 3 tags from a pool of 60, 12 teams and 40 authors.
The same seed gives the same files, so timings are comparable; every entry is valid, so a
check of the openwork layout prints "No problems".
"""

from __future__ import annotations

import argparse
import random
import textwrap
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path


def _words(text: str) -> list[str]:
    return text.split()


LAYOUTS = ("openwork", "plain", "blog")
KINDS = {"weeknote": "weeknotes", "experiment": "experiments", "incident": "incidents"}
TEAMS = _words(
    "platform data-science service-design content payments identity search forms mobile "
    "accessibility housing waste"
)
FIRST = _words(
    "amara tomasz josh mei siobhan gareth ruth ada kwame lena priya oscar nia farid hannah "
    "yusuf ines dmitri chloe bilal"
)
PEOPLE = FIRST + [f"{name}-{suffix}" for name, suffix in zip(FIRST, "b" * 20, strict=True)]
_TOPICS = _words(
    "address bins forms hosting kubernetes monitoring parking payments search security mobile "
    "content caching logging alerts permits licences schools libraries planning"
)
TAGS = sorted({*_TOPICS, *(f"{t}-research" for t in _TOPICS), *(f"{t}-data" for t in _TOPICS)})
WORDS = _words(
    "we the residents service team council form search page data week test user research "
    "letter payment portal cache index release deploy alert probe cluster library licence "
    "permit bin collection address lookup journey content design prototype interview finding "
    "measure target baseline result plan next learned queue backlog sprint review dashboard "
    "query latency budget rollout feature flag migration schema retention privacy"
)
SERVICES = ["Address lookup API", "Council tax portal", "Parking permits", "Site search", "Forms"]
CODE = [
    (
        "python",
        "def lookup(postcode: str) -> list[str]:\n    key = postcode.replace(' ', '')\n"
        "    if key in CACHE:\n        return CACHE[key]\n    return fetch(key)",
    ),
    ("yaml", "probe:\n  path: /healthz\n  interval: 30s\n  timeout: 5s\n  failure_threshold: 3"),
    ("bash", "kubectl -n lookup rollout status deploy/api\nkubectl -n lookup get pods -o wide"),
    (
        "sql",
        "SELECT term, count(*) AS searches\nFROM search_log\nWHERE results = 0\n"
        "GROUP BY term ORDER BY searches DESC LIMIT 20;",
    ),
]
CONFIG_HEAD = """\
site_name: Benchmark corpus
site_url: https://corpus.example/
theme:
  name: material
markdown_extensions:
  - toc:
      permalink: true
  - tables
  - admonition
  - attr_list
  - pymdownx.highlight
  - pymdownx.superfences
"""
CONFIGS = {
    "openwork": """plugins:
  - search
  - openwork:
      timezone: Europe/London
      tags:
        allowed: tags.yml
""",
    "plain": """plugins:
  - search
nav:
  - Home: index.md
not_in_nav: |
  /weeknotes/
  /experiments/
  /incidents/
""",
    "blog": """plugins:
  - search
  - blog
  - tags
  - rss:
      match_path: "blog/posts/.*"
      use_git: false
      date_from_meta:
        as_creation: date
      categories: [categories, tags]
nav:
  - Home: index.md
  - Blog: blog/index.md
  - Tags: tags.md
""",
}


@dataclass(frozen=True)
class Generated:
    kind: str
    path: str  # e.g. 'weeknotes/2024/2024-W12-platform.md'
    text: str  # front matter and body


def sentence(rng: random.Random, words: int = 14) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: int) -> str:
    chunks, left = [], words
    while left > 0:
        n = min(left, rng.randint(8, 20))
        chunks.append(sentence(rng, n))
        left -= n
    return "\n".join(textwrap.wrap(" ".join(chunks), 88))


def body(rng: random.Random, headings: list[str]) -> str:
    """300-600 words under the headings, with a list, a code block and some inline code."""
    total = rng.randint(300, 600)
    per = total // (len(headings) + 1)
    parts = [paragraph(rng, per)]
    code_at = rng.randrange(len(headings))
    list_at = rng.randrange(len(headings))
    for i, heading in enumerate(headings):
        parts += [f"## {heading}", paragraph(rng, per - 24)]
        if i == list_at:
            marker = rng.choice(["-", "1."])
            parts.append("\n".join(f"{marker} {sentence(rng, 8)}" for _ in range(3)))
        if i == code_at:
            lang, code = rng.choice(CODE)
            parts += [f"### The `{lang}` we used", f"```{lang}\n{code}\n```"]
    return "\n\n".join(parts) + "\n"


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _people(rng: random.Random, most: int = 2) -> str:
    return "[" + ", ".join(rng.sample(PEOPLE, rng.randint(1, most))) + "]"


def _common(rng: random.Random, title: str, day: date, team: str) -> list[str]:
    return [
        "---",
        f"title: {quoted(title)}",
        f"date: {day.isoformat()}",
        f"authors: {_people(rng)}",
        f"team: {team}",
        f"tags: [{', '.join(rng.sample(TAGS, 3))}]",
    ]


def weeknote(rng: random.Random, monday: date, team: str, related: list[str]) -> str:
    year, week, _ = monday.isocalendar()
    title = f"{team.replace('-', ' ').capitalize()} week {week}: {sentence(rng, 5)[:-1].lower()}"
    lines = _common(rng, title, monday + timedelta(days=4), team)
    lines.insert(3, f"week: {year}-W{week:02d}")
    if related and rng.random() < 0.3:
        lines += ["related:", f"  - {rng.choice(related)}"]
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body(rng, ["What we did", "What we learned", "Next week"])


def experiment(rng: random.Random, day: date, title: str) -> str:
    status = rng.choice(["proposed", "running", "concluded", "concluded", "abandoned"])
    started = day + timedelta(days=3)
    lines = [
        *_common(rng, title, day, rng.choice(TEAMS)),
        f"status: {status}",
        "hypothesis: "
        + quoted(f"We believe {sentence(rng, 8)[:-1].lower()} will result in fewer calls."),
        f"owner: {rng.choice(PEOPLE)}",
        "metrics:",
        f"  - name: {quoted(sentence(rng, 4)[:-1])}",
        f'    baseline: "{rng.randint(10, 60)}%"',
        f'    target: "{rng.randint(61, 90)}%"',
    ]
    if status != "proposed":
        lines += [f"started: {started}", f"review_by: {started + timedelta(days=60)}"]
    if status in {"concluded", "abandoned"}:
        lines.append(f"ended: {started + timedelta(days=rng.randint(14, 50))}")
    if status == "concluded":
        lines.append(f"outcome: {rng.choice(['validated', 'invalidated', 'inconclusive'])}")
    lines.append("---")
    headings = ["Hypothesis", "What we'll measure", "What happened", "What we learned"]
    return "\n".join(lines) + "\n\n" + body(rng, headings)


def incident(rng: random.Random, day: date, title: str) -> str:
    started = datetime(day.year, day.month, day.day, rng.randint(0, 22), rng.randint(0, 59))
    detected = started + timedelta(minutes=rng.randint(1, 90))
    mitigated = detected + timedelta(minutes=rng.randint(5, 300))
    resolved = mitigated + timedelta(minutes=rng.randint(5, 3000))
    lines = [
        *_common(rng, title, (resolved + timedelta(days=2)).date(), rng.choice(TEAMS)),
        f"severity: SEV{rng.randint(1, 4)}",
        "status: resolved",
        *(
            f'{name}: "{at:%Y-%m-%d %H:%M}"'
            for name, at in zip(
                ["started", "detected", "mitigated", "resolved"],
                [started, detected, mitigated, resolved],
                strict=True,
            )
        ),
        f"services: [{rng.choice(SERVICES)}]",
        f"impact: {quoted(sentence(rng, 18))}",
        "contributing_factors:",
        *(f"  - {quoted(sentence(rng, 12))}" for _ in range(rng.randint(1, 3))),
        "actions:",
        f"  - action: {quoted(sentence(rng, 8)[:-1])}",
        f"    owner: {rng.choice(TEAMS)} team",
        f"    status: {rng.choice(['open', 'done'])}",
        f"    due: {(resolved + timedelta(days=14)).date()}",
        "timeline:",
        f'  - at: "{started:%Y-%m-%d %H:%M}"',
        f"    event: {quoted(sentence(rng, 8))}",
        f'  - at: "{detected:%Y-%m-%d %H:%M}"',
        f"    event: {quoted(sentence(rng, 8))}",
        "---",
    ]
    headings = ["Summary", "What happened", "Why it made sense at the time", "What went well"]
    return "\n".join(lines) + "\n\n" + body(rng, [*headings, "What we're changing"])


def entries(count: int, seed: int = 0) -> list[Generated]:
    """`count` entries, the newest weeknotes in the week of 2026-06-01, going back in time."""
    rng = random.Random(seed)
    n_experiments = n_incidents = count * 15 // 100
    n_weeknotes = count - n_experiments - n_incidents
    weeks = max(1, -(-n_weeknotes // len(TEAMS)))
    first_monday = date(2026, 6, 1) - timedelta(weeks=weeks - 1)
    out: list[Generated] = []
    ids: list[str] = []
    for i in range(n_weeknotes):
        monday = first_monday + timedelta(weeks=i // len(TEAMS))
        team = TEAMS[i % len(TEAMS)]
        year, week, _ = monday.isocalendar()
        stem = f"{year}-W{week:02d}-{team}"
        text = weeknote(rng, monday, team, ids[-200:])
        out.append(Generated("weeknote", f"weeknotes/{year}/{stem}.md", text))
        ids.append(f"weeknotes/{stem}")
    span = weeks * 7
    for kind, n, make in [
        ("experiment", n_experiments, experiment),
        ("incident", n_incidents, incident),
    ]:
        for i in range(n):
            day = first_monday + timedelta(days=rng.randrange(span))
            title = sentence(rng, 6)[:-1]
            stem = f"{day.isoformat()}-{'-'.join(title.lower().split()[:4])}-{i}"
            out.append(
                Generated(kind, f"{KINDS[kind]}/{day.year}/{stem}.md", make(rng, day, title))
            )
    return out


def generate(root: Path, count: int, seed: int = 0, layout: str = "openwork") -> Path:
    """Write a site of `count` entries under root (which may exist) in `layout`; returns root."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(CONFIG_HEAD + CONFIGS[layout], encoding="utf-8")
    _write(root / "docs" / "index.md", "# Benchmark corpus\n")
    for item in entries(count, seed):
        if layout == "openwork":
            _write(root / item.path, item.text)
        elif layout == "plain":
            _write(root / "docs" / item.path, item.text)
        else:  # Material's blog: a category per kind, the file's stem as the slug
            stem = Path(item.path).stem
            extra = f"---\ncategories: [{KINDS[item.kind]}]\nslug: {stem}\n"
            _write(root / "docs" / "blog" / "posts" / item.path, extra + item.text[4:])
    if layout == "openwork":
        people = "".join(f"{p}:\n  name: {p.title()} Example\n" for p in PEOPLE)
        _write(root / "authors.yml", people)
        _write(root / "tags.yml", "".join(f"- {t}\n" for t in TAGS))
    elif layout == "blog":
        _write(root / "docs" / "blog" / "index.md", "# Blog\n")
        _write(root / "docs" / "tags.md", "# Tags\n\n<!-- material/tags -->\n")
        authors = "".join(
            f"  {p}:\n    name: {p.title()} Example\n    description: Writer\n"
            f"    avatar: https://corpus.example/{p}.png\n"
            for p in PEOPLE
        )
        _write(root / "docs" / "blog" / ".authors.yml", "authors:\n" + authors)
    return root


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="where to write the site")
    parser.add_argument("--entries", type=int, default=1000, help="how many (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--layout", choices=LAYOUTS, default="openwork")
    args = parser.parse_args(argv)
    generate(args.folder, args.entries, args.seed, args.layout)
    print(f"wrote {args.entries} entries to {args.folder} ({args.layout})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
