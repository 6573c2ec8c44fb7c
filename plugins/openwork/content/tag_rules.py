"""Tag rules (aliases, the allow-list file) applied to each entry's tags, with problems."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from openwork.content.model import Entry
from openwork.content.text import read_text
from openwork.content.validate import Checker
from openwork.content.yaml_read import compose
from openwork.options import TagOptions
from openwork.problems import Problem
from openwork.tags import Aliases, AllowedTags, Tag, assign_slugs, base_slug, normalise, tidy


@dataclass(frozen=True, slots=True)
class TagRules:
    """How the site turns what writers type into tags, and which tags it expects."""

    aliases: Aliases = field(default_factory=Aliases)
    allowed: AllowedTags | None = None  # None: every tag is fine

    @property
    def descriptions(self) -> Mapping[str, str]:
        """Normalised tag -> description from the allow-list file (only non-empty ones)."""
        if self.allowed is None:
            return {}
        return {k: v for k, v in self.allowed.descriptions.items() if v}


def load_tag_rules(root: Path, options: TagOptions) -> tuple[TagRules, list[Problem]]:
    """The aliases from mkdocs.yml and the allow-list file it names (relative to mkdocs.yml)."""
    aliases = Aliases.of(options.aliases)
    if not options.allowed:
        return TagRules(aliases), []
    allowed, problems = read_allowed(root / options.allowed, options.allowed, aliases)
    if allowed is not None:
        for key, target in sorted(aliases.targets.items()):
            if target.name not in allowed:
                problems.append(
                    Problem(
                        allowed.source,
                        1,
                        "warning",
                        f"the alias '{key}' (tags.aliases in mkdocs.yml) points at "
                        f"'{target.name}', which is not in {allowed.source}"
                        + _suggestion(allowed, target.name, f": add '{target.name}' to it"),
                    )
                )
    return TagRules(aliases, allowed), problems


def read_allowed(
    path: Path, rel: str, aliases: Aliases | None = None
) -> tuple[AllowedTags | None, list[Problem]]:
    """An allow-list: a YAML list, a YAML mapping tag -> description, or one tag per line."""
    aliases = aliases or Aliases()
    if not path.is_file():
        return None, [
            Problem(
                rel,
                1,
                "error",
                f"the tag allow-list '{rel}' (tags.allowed in mkdocs.yml) does not exist: "
                "create it (a YAML list of tags) or remove tags.allowed; "
                "tags are not checked until then",
            )
        ]
    read = read_text(path, rel)
    if isinstance(read, Problem):
        return None, [read]
    text, cleaned = read
    items, problems = _items(text, rel)
    problems = [*cleaned, *problems]
    if items is None:
        return None, problems
    descriptions: dict[str, str] = {}
    first_line: dict[str, int] = {}
    for line, written, description in items:
        name = aliases.resolve(written).name
        if not name:
            continue
        if name in descriptions:
            problems.append(
                Problem(
                    rel,
                    line,
                    "warning",
                    f"tag '{tidy(written)}' is listed twice (as '{name}', "
                    f"first on line {first_line[name]}): the first is used",
                )
            )
            continue
        descriptions[name] = description
        first_line[name] = line
    if not descriptions:
        problems.append(
            Problem(rel, 1, "warning", "the tag allow-list lists no tags: tags are not checked")
        )
        return None, problems
    return AllowedTags(rel, descriptions), problems


_Item = tuple[int, str, str]  # line, tag as written, description


def _items(text: str, rel: str) -> tuple[list[_Item] | None, list[Problem]]:
    if rel.endswith(".txt"):
        return _lines(text), []
    composed = compose(
        text,
        rel,
        "the tag allow-list",
        "write a list ('- kubernetes') or 'tag: description' lines",
    )
    if isinstance(composed, Problem):
        return None, [composed]
    node, loader, problems = composed
    loader.dispose()
    if node is None:
        return [], problems
    if isinstance(node, yaml.ScalarNode):
        return _lines(text), []  # plain lines fold into one YAML string: read them as lines
    if isinstance(node, yaml.MappingNode) and len(node.value) == 1:
        key, value = node.value[0]
        if key.value == "tags" and isinstance(value, yaml.SequenceNode | yaml.MappingNode):
            node = value  # `tags:` wrapping the list or mapping
    items: list[_Item] = []
    pairs: Iterable[tuple[yaml.Node, yaml.Node | None]]
    if isinstance(node, yaml.SequenceNode):
        pairs = [_item_pair(item) for item in node.value]
    else:
        assert isinstance(node, yaml.MappingNode)
        pairs = node.value
    for key_node, value_node in pairs:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode) or not str(key_node.value).strip():
            problems.append(_not_a_tag(rel, line))
            continue
        description = _description(value_node)
        if description is None:
            problems.append(
                Problem(
                    rel,
                    line,
                    "warning",
                    f"the description of tag '{key_node.value}' should be text: it is left out",
                )
            )
            description = ""
        items.append((line, str(key_node.value), description))
    return items, problems


def _item_pair(item: yaml.Node) -> tuple[yaml.Node, yaml.Node | None]:
    # `- kubernetes` or `- kubernetes: Our container platform`
    if isinstance(item, yaml.MappingNode) and len(item.value) == 1:
        return item.value[0]
    return item, None


def _description(node: yaml.Node | None) -> str | None:
    if node is None:
        return ""
    if isinstance(node, yaml.ScalarNode):
        return "" if node.tag.endswith(":null") else " ".join(str(node.value).split())
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "description":
                return _description(value)
        return ""
    return None


def _lines(text: str) -> list[_Item]:
    items = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if line and not line.startswith("#"):  # 'c#' is a tag; a line starting '#' is not
            items.append((number, line, ""))
    return items


def _not_a_tag(rel: str, line: int) -> Problem:
    return Problem(rel, line, "warning", "this item of the tag allow-list is not a tag: skipped")


def entry_tags(values: Iterable[str], rules: TagRules, checker: Checker) -> tuple[Tag, ...]:
    """An entry's tags, normalised, aliased and de-duplicated; a tag outside the allow-list
    is kept and warned about at its own line."""
    raw = checker.source.data.get("tags")
    per_item = isinstance(raw, list)  # else one line: a comma string or .meta.yml defaults
    tags: list[Tag] = []
    seen: set[str] = set()
    for index, text in enumerate(values):
        tag = rules.aliases.resolve(text)
        if not tag.name or tag.name in seen:
            continue
        seen.add(tag.name)
        tags.append(tag)
        allowed = rules.allowed
        if allowed is not None and tag.name not in allowed:
            written = tidy(text)
            what = f"tag '{written}'"
            if tag.name != normalise(text):
                what += f" (an alias of '{tag.name}')"
            checker.add(
                ("tags", index) if per_item else ("tags",),
                "warning",
                f"{what} is not in {allowed.source}"
                + _suggestion(
                    allowed, tag.name, f": use an allowed tag or add it to {allowed.source}"
                ),
            )
    return tuple(tags)


def _suggestion(allowed: AllowedTags, name: str, otherwise: str) -> str:
    match = allowed.suggest(name)
    return f" (did you mean '{match}'?)" if match and match != name else otherwise


def slug_collisions(entries: Iterable[Entry]) -> list[Problem]:
    """A problem for each published tag whose URL had to change because another tag has it."""
    first_use: dict[str, Entry] = {}
    for entry in sorted(entries, key=lambda e: (e.date, e.id)):
        for tag in entry.tags:
            first_use.setdefault(tag.name, entry)
    slugs = assign_slugs(first_use)
    by_base: dict[str, list[str]] = {}
    for name in sorted(first_use):
        by_base.setdefault(base_slug(name), []).append(name)
    problems = []
    for name, slug in sorted(slugs.items()):
        base = base_slug(name)
        if slug == base:
            continue
        others = [n for n in by_base[base] if n != name]
        entry = first_use[name]
        owner = f"tag '{others[0]}'" if others else "openwork's own page"
        problems.append(
            Problem(
                entry.path,
                entry.lines.get("tags", 1),
                "warning",
                f"tag '{name}' would have the URL /tags/{base}/, which belongs to {owner}: "
                f"its page is /tags/{slug}/ instead; if they are one tag, spell them alike or "
                "add an alias (tags.aliases in mkdocs.yml)",
            )
        )
    return problems
