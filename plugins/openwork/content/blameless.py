"""Blameless language: phrases in incident reports that blame people or judge with hindsight.

Pure text checking, no MkDocs: the read stage hands it an incident's body and front matter
text with their lines, and gets back warnings that say what to write instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from openwork.content.markdown_scan import blank, scan
from openwork.content.phrase_letters import Part, lowered, needs_any
from openwork.content.schemas import IncidentMeta
from openwork.options import BlamelessOptions
from openwork.problems import Problem


@dataclass(frozen=True, slots=True)
class Family:
    """Phrases that go wrong in the same way, and how to say it blamelessly instead."""

    key: str
    what: str  # what the phrase does, after the quoted phrase
    hint: str  # the rewording advice
    # (label, pattern): label is the phrase people know it by (and can ignore by);
    # pattern is a regex where a space means any whitespace and "'" any apostrophe.
    phrases: tuple[tuple[str, str], ...]


# "the disk's fault codes" is about a thing, not a person
_FAULT_THING = r"(?! (?:code|codes|counter|counters|detection|domain|domains|handler|handling|"
_FAULT_THING += r"injection|line|lines|log|logs|tolerance|tolerant))"

FAMILIES: tuple[Family, ...] = (
    Family(
        "label",
        "names a person as the cause",
        "describe what made the action reasonable at the time and what in the system allowed it",
        (
            ("human error", r"human errors?"),
            ("operator error", r"operator errors?"),
            ("user error", r"user errors?"),
            ("pilot error", r"pilot errors?"),
            ("staff error", r"(?:staff|engineer|employee|developer) errors?"),
        ),
    ),
    Family(
        "character",
        "judges a person's character",
        "describe the conditions people worked in (workload, tools, information, time "
        "pressure) instead",
        (
            ("careless", r"careless(?:ly|ness)?"),
            ("negligent", r"negligent(?:ly)?"),
            ("negligence", r"negligence"),
            ("reckless", r"reckless(?:ly|ness)?"),
            ("incompetent", r"incompeten(?:t|ce|cy)"),
            ("sloppy", r"sloppy|sloppiness"),
            # "lazy loading" is a technique, not a judgement
            ("lazy", r"lazy(?! (?:load|loaded|loading|evaluation|initiali[sz]ation|init))"),
            ("laziness", r"laziness"),
            ("lack of attention", r"lack of (?:attention|care)"),
            ("not paying attention", r"(?:not|wasn't|weren't) paying attention"),
            ("inattentive", r"inattent(?:ive|ion)"),
            ("didn't bother", r"(?:didn't|did not|couldn't be|could not be) bother(?:ed)?"),
        ),
    ),
    Family(
        "blame",
        "looks for someone to blame",
        "describe what in the system made the outcome possible, not who is responsible for it",
        (
            ("blame", r"(?<!git\s)blam(?:e|ed|es|ing)"),
            ("at fault", r"at fault"),
            ("their fault", rf"(?:my|your|his|her|their|our) fault{_FAULT_THING}"),
            ("someone's fault", rf"\w+'s fault{_FAULT_THING}"),
        ),
    ),
    Family(
        "hindsight",
        "judges with hindsight",
        "describe what people knew at the time, not what hindsight shows",
        (
            ("should have", r"should(?: have|'ve)"),
            ("should not have", r"(?:should not|shouldn't|shouldnt)(?: have|'ve)"),
            ("could have", r"could(?: have|'ve)"),
            ("ought to have", r"ought to have"),
            ("if only", r"if only"),
        ),
    ),
    Family(
        "omission",
        "judges with hindsight",
        "say what happened (e.g. 'the check did not run', 'the step was missed') and what "
        "made it easy to miss at the time",
        (
            ("failed to", r"fail(?:ed|s)? to"),
            ("neglected to", r"neglect(?:ed|s)? to"),
            ("forgot to", r"forg(?:ot|ets|otten) to"),
        ),
    ),
    Family(
        "certainty",
        "is hindsight certainty",
        "what is obvious now was not obvious then, so describe what the situation looked "
        "like to the people in it",
        (
            ("obviously", r"obviously"),
            ("simply", r"simply"),
        ),
    ),
)

CUSTOM = Family(
    "custom",
    "is on this site's list of phrases to avoid (blameless.phrases)",
    "describe the situation and the system, not the people",
    (),
)
NAME = Family(
    "name",
    "names a person",
    "contributing factors describe conditions in the system, not people: "
    "describe the situation they were in",
    (),
)

# First names that are also everyday words: found only as part of the full name.
_WORD_NAMES = """
Amber April August Art Bill Bishop Brook Carter Cash Chase Cliff Crystal Dale Dawn Don Drew
Eve Faith Frank Gene Glen Grace Guy Harper Heather Holly Hope Hunter Iris Ivy Jack Jean Joy
June Lance Lily Mark Mason Max May Miles Page Parker Pat Penny Price Ray Reed Rich River Rob
Rose Ruby Rusty Sandy Sky Sterling Storm Sue Summer Taylor Victor Wade Will
"""
COMMON_WORD_NAMES = frozenset(_WORD_NAMES.split())

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_BEFORE = r"(?<![\w-])"
_AFTER = r"(?![\w-])"


@dataclass(frozen=True, slots=True)
class Passage:
    """Text to check and the line where it starts; `field` is None for the Markdown body."""

    text: str
    line: int
    field: str | None = None
    names: bool = False  # look for people's names too (contributing factors)


@dataclass(frozen=True, slots=True)
class Finding:
    """One phrase found, at one line, with the message a writer sees."""

    line: int
    phrase: str  # as written, whitespace collapsed
    family: str
    message: str


def _phrase_pattern(pattern: str) -> str:
    return pattern.replace(" ", r"\s+")


def _literal_pattern(phrase: str) -> str:
    words = [re.escape(w) for w in phrase.split()]
    return r"\s+".join(words)


class Rules:
    """The compiled phrase list of one site: built-ins, its own phrases, and its people."""

    def __init__(
        self,
        extra_phrases: Iterable[str] = (),
        ignore: Iterable[str] = (),
        people: Iterable[str] = (),
    ) -> None:
        ignored = {_normal(p) for p in ignore}
        self._groups: dict[str, tuple[str, Family]] = {}
        parts: list[Part] = []
        for family in FAMILIES:
            for label, pattern in family.phrases:
                if label not in ignored:
                    parts.append(self._part(label, family, _phrase_pattern(pattern), True))
        for phrase in extra_phrases:
            if phrase.strip() and _normal(phrase) not in ignored:
                pattern = _literal_pattern(_normal(phrase))
                parts.append(self._part(_normal(phrase), CUSTOM, pattern, True))
        self._phrases = tuple(parts)
        names = [self._part(n, NAME, p, any_case) for n, p, any_case in _name_patterns(people)]
        self._names = tuple(names)
        self._compiled: dict[tuple[str, ...], re.Pattern[str] | None] = {}
        self._needs = {  # every run of letters the phrases (or the names) need, once each
            id(parts): frozenset(n for part in parts for n in part.needs or ())
            for parts in (self._phrases, self._names)
        }

    def _part(self, label: str, family: Family, pattern: str, any_case: bool) -> Part:
        name = f"g{len(self._groups)}"
        self._groups[name] = (label, family)
        whole = f"(?i:{pattern})" if any_case else pattern
        return Part(f"(?P<{name}>{whole})", needs_any(pattern))

    def _regex(self, parts: tuple[Part, ...], letters: str) -> re.Pattern[str] | None:
        """One regex of the phrases that can be in the text: a phrase whose letters are not
        there cannot match anywhere, so leaving it out changes no match (and a text with
        none of them is not searched at all, which is most of them)."""
        held = {n for n in self._needs[id(parts)] if n in letters}  # each looked for once
        kept = tuple(p.regex for p in parts if p.needs is None or not held.isdisjoint(p.needs))
        if kept not in self._compiled:
            self._compiled[kept] = _compile(list(kept))
        return self._compiled[kept]

    @classmethod
    def from_options(cls, options: BlamelessOptions, people: Iterable[str] = ()) -> Rules:
        return cls(options.phrases, options.ignore, people)

    def find(self, passage: Passage) -> list[Finding]:
        """Every blaming phrase in the passage's prose, once per phrase and line."""
        text = passage.text.translate(_APOSTROPHES)
        kinds = [self._phrases, self._names] if passage.names else [self._phrases]
        # Masking only blanks characters out, so a phrase whose letters the text lacks is
        # not in its prose either: a text without any phrase's letters is not masked at all.
        letters = lowered(text)
        if all(self._regex(parts, letters) is None for parts in kinds):
            return []
        prose = mask_markdown(text) if passage.field is None else mask_inline(text)
        found: list[Finding] = []
        seen: set[tuple[int, str]] = set()
        letters = lowered(prose)
        for regex in (self._regex(parts, letters) for parts in kinds):
            if regex is None:
                continue
            for match in regex.finditer(prose):
                label, family = self._groups[match.lastgroup or ""]
                line = passage.line
                if passage.field is None:
                    line += prose.count("\n", 0, match.start())
                if (line, label) in seen:
                    continue
                seen.add((line, label))
                written = " ".join(text[match.start() : match.end()].split())
                where = f"{passage.field}: " if passage.field else ""
                message = f"blameless: {where}'{written}' {family.what}: {family.hint}"
                found.append(Finding(line, written, family.key, message))
        return sorted(found, key=lambda f: f.line)


def _compile(parts: list[str]) -> re.Pattern[str] | None:
    # The word boundaries once, around the whole alternation: inside a word the lookbehind
    # fails at once instead of once per phrase, which makes the check several times faster.
    return re.compile(f"{_BEFORE}(?:{'|'.join(parts)}){_AFTER}") if parts else None


def _normal(phrase: str) -> str:
    return " ".join(phrase.translate(_APOSTROPHES).casefold().split())


def _name_patterns(people: Iterable[str]) -> list[tuple[str, str, bool]]:
    """Full names in any case; a first name alone only when it can only mean one person.

    A first name is matched as it is capitalised in authors.yml, when it has 3 letters or
    more, no other person shares it, and it is not also an everyday word (Will, Mark, May).
    """
    names = sorted({" ".join(p.split()) for p in people if p and p.strip()})
    firsts: dict[str, int] = {}
    for name in names:
        first = name.split()[0]
        firsts[first] = firsts.get(first, 0) + 1
    out: list[tuple[str, str, bool]] = []  # (label, pattern, in any case)
    for name in names:
        words = name.split()
        if len(words) > 1:
            out.append((name, _literal_pattern(name.translate(_APOSTROPHES)), True))
        first = words[0]
        if (
            len(first) >= 3
            and first.isalpha()
            and firsts[first] == 1
            and first not in COMMON_WORD_NAMES
            and first[0].isupper()
        ):
            out.append((first, re.escape(first), False))
    return out


# Masking: what is not the writer's own prose becomes spaces, so offsets and lines stay put.
# Code, block quotes and comments come from the one Markdown scanner; the rest is here.
_REF_DEFINITION = re.compile(r"^\s{0,3}\[[^\]\n]+\]:.*$", re.MULTILINE)
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)|\]\[[^\]\n]*\]")
_URL = re.compile(r"<[a-z][a-z0-9+.-]*:[^>\s]*>|\b(?:https?|ftp|mailto):[^\s<>\"]+", re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_QUOTES = (
    re.compile(r'"(?:[^"\n]|\n(?![ \t]*\n))*"'),
    re.compile(r"“[^”]*”"),
    re.compile(r"„[^“”]*[“”]"),
)


# Each with what every match of it holds: a text without that is not searched (most fields).
_MASKED = ((_REF_DEFINITION, "]:"), (_LINK_TARGET, "]"), (_URL, ":"), (_TAG, "<"))
_MASKED += tuple(zip(_QUOTES, ('"', "“", "„"), strict=True))


def _mask_rest(text: str) -> str:
    """Blank out link targets, URLs, HTML tags and quoted speech."""
    for regex, held in _MASKED:
        if held in text:
            text = blank(text, (m.span() for m in regex.finditer(text)))
    return text


def mask_inline(text: str) -> str:
    """A field's text: code spans, comments, URLs, HTML tags and quoted speech blanked out."""
    if "`" in text or "<!--" in text:  # else no code span or comment to find
        found = scan(text, blocks=False)
        text = blank(text, [*found.inline, *found.comments])
    return _mask_rest(text)


def mask_markdown(text: str) -> str:
    """A body: code (fenced, indented, inline), block quotes and comments blanked out too."""
    found = scan(text, indented=True)
    return _mask_rest(blank(text, [*found.blocks, *found.inline, *found.quotes, *found.comments]))


def incident_passages(
    meta: IncidentMeta, body: str, body_line: int, line_of: Callable[[tuple[str | int, ...]], int]
) -> list[Passage]:
    """An incident's prose: its body and the front matter fields people write sentences in."""
    passages = [Passage(body, body_line)]

    def add(loc: tuple[str | int, ...], text: str | None, names: bool = False) -> None:
        if text:
            passages.append(Passage(text, line_of(loc), _field_name(loc), names))

    add(("title",), meta.title)
    add(("summary",), meta.summary)
    add(("impact",), meta.impact)
    for i, factor in enumerate(meta.contributing_factors):
        add(("contributing_factors", i), factor, names=True)
    for i, event in enumerate(meta.timeline):
        add(("timeline", i, "event"), event.event)
    for i, action in enumerate(meta.actions):
        add(("actions", i, "action"), action.action)
    for i, amendment in enumerate(meta.amendments):
        add(("amendments", i, "note"), amendment.note)
    return passages


def _field_name(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def check_incident(
    path: str,
    meta: IncidentMeta,
    body: str,
    body_line: int,
    line_of: Callable[[tuple[str | int, ...]], int],
    rules: Rules,
) -> list[Problem]:
    """Warnings for one incident report, each at the line of the phrase or its field."""
    problems = []
    for passage in incident_passages(meta, body, body_line, line_of):
        for finding in rules.find(passage):
            problems.append(Problem(path, finding.line, "warning", finding.message))
    return problems
