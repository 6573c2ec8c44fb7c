"""A generated site of N realistic entries, for timing `openwork check` and `mkdocs build`.

    python benchmarks/corpus.py /tmp/corpus --entries 10000

writes mkdocs.yml, authors.yml, tags.yml, docs/index.md and weeknotes/, experiments/,
incidents/ under the folder. The same seed gives the same files, so timings are comparable.
About 70% of entries are weeknotes, 15% experiments and 15% incidents; every entry is valid,
so a check of the corpus prints "No problems".
"""

from __future__ import annotations

import argparse
import random
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path

TEAMS = [
    "platform",
    "data-science",
    "service-design",
    "content",
    "payments",
    "identity",
    "search",
    "forms",
    "mobile",
    "accessibility",
    "user-research",
    "housing",
    "waste",
    "parking",
    "council-tax",
    "libraries",
    "planning",
    "licensing",
    "social-care",
    "schools",
]
PEOPLE = [
    "amara",
    "tomasz",
    "josh",
    "mei",
    "siobhan",
    "gareth",
    "ruth",
    "ada",
    "kwame",
    "lena",
    "priya",
    "oscar",
    "nia",
    "farid",
    "hannah",
    "yusuf",
]
TAGS = [
    "accessibility",
    "address-lookup",
    "bins",
    "content-design",
    "council-tax",
    "data-quality",
    "forms",
    "hosting",
    "kubernetes",
    "monitoring",
    "open-data",
    "parking",
    "performance",
    "search",
    "user-research",
    "payments",
    "security",
    "mobile",
]
WORDS = [
    "we",
    "the",
    "residents",
    "service",
    "team",
    "council",
    "form",
    "search",
    "page",
    "data",
    "week",
    "test",
    "user",
    "research",
    "letter",
    "payment",
    "portal",
    "cache",
    "index",
    "release",
    "deploy",
    "alert",
    "probe",
    "cluster",
    "library",
    "licence",
    "permit",
    "bin",
    "collection",
    "address",
    "lookup",
    "journey",
    "content",
    "design",
    "prototype",
    "interview",
    "finding",
    "measure",
    "target",
    "baseline",
    "result",
    "plan",
    "next",
    "learned",
]
SERVICES = ["Address lookup API", "Council tax portal", "Parking permits", "Site search", "Forms"]

MKDOCS = """\
site_name: Benchmark corpus
site_url: https://corpus.example/
theme:
  name: material
plugins:
  - openwork:
      timezone: Europe/London
      tags:
        allowed: tags.yml
"""


def sentence(rng: random.Random, words: int = 14) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    return "\n".join(textwrap.wrap(" ".join(sentence(rng) for _ in range(sentences)), 88))


def body(rng: random.Random, headings: list[str]) -> str:
    parts = [paragraph(rng)]
    for heading in headings:
        parts.append(f"## {heading}")
        parts.append(paragraph(rng, rng.randint(2, 6)))
        if rng.random() < 0.4:
            parts.append("\n".join(f"- {sentence(rng, 8)}" for _ in range(3)))
    return "\n\n".join(parts) + "\n"


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def tags(rng: random.Random) -> str:
    return "[" + ", ".join(rng.sample(TAGS, rng.randint(1, 4))) + "]"


def weeknote(rng: random.Random, week_start: date, team: str, related: list[str]) -> str:
    year, week, _ = week_start.isocalendar()
    lines = [
        "---",
        f"title: {quoted(sentence(rng, 6)[:-1])}",
        f"week: {year}-W{week:02d}",
        f"date: {(week_start + timedelta(days=4)).isoformat()}",
        f"authors: [{', '.join(rng.sample(PEOPLE, rng.randint(1, 2)))}]",
        f"team: {team}",
        f"tags: {tags(rng)}",
    ]
    if related and rng.random() < 0.3:
        lines += ["related:", f"  - {rng.choice(related)}"]
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body(rng, ["What we did", "What we learned", "Next week"])


def experiment(rng: random.Random, day: date, title: str) -> str:
    status = rng.choice(["proposed", "running", "concluded", "concluded", "abandoned"])
    started = day + timedelta(days=3)
    lines = [
        "---",
        f"title: {quoted(title)}",
        f"date: {day.isoformat()}",
        f"status: {status}",
        "hypothesis: "
        + quoted(
            f"We believe {sentence(rng, 8)[:-1].lower()} will result in "
            f"{sentence(rng, 6)[:-1].lower()}. We will know when {sentence(rng, 6).lower()}"
        ),
        f"owner: {rng.choice(PEOPLE)}",
        f"authors: [{rng.choice(PEOPLE)}]",
        f"team: {rng.choice(TEAMS)}",
        f"tags: {tags(rng)}",
        "metrics:",
        f"  - name: {quoted(sentence(rng, 4)[:-1])}",
        f'    baseline: "{rng.randint(10, 60)}%"',
        f'    target: "{rng.randint(61, 90)}%"',
    ]
    if status != "proposed":
        lines.append(f"started: {started.isoformat()}")
        lines.append(f"review_by: {(started + timedelta(days=60)).isoformat()}")
    if status in {"concluded", "abandoned"}:
        lines.append(f"ended: {(started + timedelta(days=rng.randint(14, 50))).isoformat()}")
    if status == "concluded":
        lines.append(f"outcome: {rng.choice(['validated', 'invalidated', 'inconclusive'])}")
    lines.append("---")
    return (
        "\n".join(lines)
        + "\n\n"
        + body(rng, ["Hypothesis", "What we'll measure", "What happened", "What we learned"])
    )


def incident(rng: random.Random, day: date, title: str, severities: list[str]) -> str:
    started = datetime(day.year, day.month, day.day, rng.randint(0, 22), rng.randint(0, 59))
    detected = started + timedelta(minutes=rng.randint(1, 90))
    mitigated = detected + timedelta(minutes=rng.randint(5, 300))
    resolved = mitigated + timedelta(minutes=rng.randint(5, 3000))
    lines = [
        "---",
        f"title: {quoted(title)}",
        f"date: {(resolved + timedelta(days=2)).date().isoformat()}",
        f"severity: {rng.choice(severities)}",
        "status: resolved",
        f'started: "{started:%Y-%m-%d %H:%M}"',
        f'detected: "{detected:%Y-%m-%d %H:%M}"',
        f'mitigated: "{mitigated:%Y-%m-%d %H:%M}"',
        f'resolved: "{resolved:%Y-%m-%d %H:%M}"',
        f"services: [{rng.choice(SERVICES)}]",
        f"impact: {quoted(sentence(rng, 18))}",
        "contributing_factors:",
        *(f"  - {quoted(sentence(rng, 12))}" for _ in range(rng.randint(1, 3))),
        "actions:",
        f"  - action: {quoted(sentence(rng, 8)[:-1])}",
        f"    owner: {rng.choice(TEAMS)} team",
        f"    status: {rng.choice(['open', 'done'])}",
        f"    due: {(resolved + timedelta(days=14)).date().isoformat()}",
        "timeline:",
        f'  - at: "{started:%Y-%m-%d %H:%M}"',
        f"    event: {quoted(sentence(rng, 8))}",
        f'  - at: "{detected:%Y-%m-%d %H:%M}"',
        f"    event: {quoted(sentence(rng, 8))}",
        f"authors: [{rng.choice(PEOPLE)}]",
        f"team: {rng.choice(TEAMS)}",
        f"tags: {tags(rng)}",
        "---",
    ]
    return (
        "\n".join(lines)
        + "\n\n"
        + body(
            rng,
            [
                "Summary",
                "What happened",
                "Why it made sense at the time",
                "What went well",
                "What we're changing",
            ],
        )
    )


def generate(root: Path, entries: int, seed: int = 0) -> Path:
    """Write a site of `entries` entries under root (which may exist), returning root."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    (root / "authors.yml").write_text(
        "".join(f"{p}:\n  name: {p.title()} Example\n" for p in PEOPLE), encoding="utf-8"
    )
    (root / "tags.yml").write_text("".join(f"- {t}\n" for t in TAGS), encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "index.md").write_text("# Benchmark corpus\n", encoding="utf-8")
    n_experiments = entries * 15 // 100
    n_incidents = entries * 15 // 100
    n_weeknotes = entries - n_experiments - n_incidents
    first_monday = date(2010, 1, 4)
    written: list[str] = []
    # Weeknotes: each week, teams in turn, going back as far as the count needs.
    for i in range(n_weeknotes):
        week_start = first_monday + timedelta(weeks=i // len(TEAMS))
        team = TEAMS[i % len(TEAMS)]
        year, week, _ = week_start.isocalendar()
        stem = f"{year}-W{week:02d}-{team}"
        text = weeknote(rng, week_start, team, written[-200:])
        _write(root / "weeknotes" / str(year) / f"{stem}.md", text)
        written.append(f"weeknotes/{stem}")
    span = max(1, (n_weeknotes // len(TEAMS)) * 7)
    for i in range(n_experiments):
        day = first_monday + timedelta(days=rng.randrange(span))
        title = sentence(rng, 5)[:-1]
        stem = f"{day.isoformat()}-{'-'.join(title.lower().split()[:4])}-{i}"
        _write(root / "experiments" / str(day.year) / f"{stem}.md", experiment(rng, day, title))
    severities = ["SEV1", "SEV2", "SEV3", "SEV4"]
    for i in range(n_incidents):
        day = first_monday + timedelta(days=rng.randrange(span))
        title = sentence(rng, 6)[:-1]
        stem = f"{day.isoformat()}-{'-'.join(title.lower().split()[:4])}-{i}"
        text = incident(rng, day, title, severities)
        _write(root / "incidents" / str(day.year) / f"{stem}.md", text)
    return root


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="where to write the site")
    parser.add_argument("--entries", type=int, default=10_000, help="how many (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    generate(args.folder, args.entries, args.seed)
    print(f"wrote {args.entries} entries to {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
