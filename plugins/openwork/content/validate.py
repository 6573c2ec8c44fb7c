"""Front matter checks: pydantic errors said for people, plus the rules types cannot express."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, ValidationError, create_model

from openwork.content.schemas import HINTS, NESTED, CommonMeta, ExperimentMeta, IncidentMeta
from openwork.content.source import Path_, Source
from openwork.problems import Level, Problem
from openwork.suggest import nearest

_QUOTED = re.compile(r"'([^']*)'")
_NON_DIGITS = re.compile(r"\D")


def field_name(loc: Iterable[str | int]) -> str:
    """('actions', 0, 'due') -> 'actions[1].due' (items counted from 1, as people do)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "front matter"


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, str | int | float | date):
        return f"'{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of fields"
    return type(value).__name__


class Checker:
    """Collects the problems of one file; each knows its line."""

    def __init__(
        self, source: Source, defaults_origin: dict[str, tuple[str, int]] | None = None
    ) -> None:
        self.source = source
        self.origin = defaults_origin or {}
        self.problems: list[Problem] = list(source.problems)
        self.invalid: set[str] = set()  # fields reported wrong: not "missing" as well

    def add(self, loc: Path_, level: Level, message: str) -> None:
        top = loc[0] if loc else None
        if isinstance(top, str) and top not in self.source.data and top in self.origin:
            # The value came from a .meta.yml: that file and line are where to fix it.
            path, line = self.origin[top]
            self.problems.append(Problem(path, line, level, message))
            return
        self.problems.append(Problem(self.source.path, self.source.line_of(loc), level, message))

    @property
    def failed(self) -> bool:
        return any(p.level == "error" for p in self.problems)


@cache
def _partial(schema: type[CommonMeta]) -> type[CommonMeta]:
    """`schema` with every required field optional: what is left of a file with errors."""
    fields: dict[str, Any] = {
        name: (Annotated[info.annotation | None, *info.metadata], None)
        for name, info in schema.model_fields.items()
        if info.is_required()
    }
    return create_model(f"Partial{schema.__name__}", __base__=schema, **fields)


def validate_model(
    schema: type[CommonMeta], data: dict[str, Any], checker: Checker, context: dict[str, Any]
) -> CommonMeta | None:
    """The validated model; after an error for each bad field, the model of the fields that
    are right (the others None), so every other check still runs and a writer sees every
    problem of the file at once; None when not even that can be made."""
    unknown = _misspellings(schema, data, ())
    meta = None
    try:
        meta = schema.model_validate(data, context=context)
    except ValidationError as exc:
        bad = {str(err["loc"][0]) for err in exc.errors() if err["loc"]}
        checker.invalid |= bad
        try:
            kept = {k: v for k, v in data.items() if k not in bad}
            meta = _partial(schema).model_validate(kept, context=context)
        except ValidationError:
            meta = None
        for err in exc.errors():
            loc = tuple(err["loc"])
            written = unknown.pop(loc, None) if err["type"] == "missing" else None
            if written:
                # One line for one slip: the misspelt key is why the required field is missing.
                checker.add(
                    (*loc[:-1], written),
                    "error",
                    f"unknown field '{written}' (did you mean '{loc[-1]}'?): "
                    f"'{field_name(loc)}' is required",
                )
            else:
                checker.add(loc, "error", _message(err))
    for intended, written in unknown.items():
        checker.add(
            (*intended[:-1], written),
            "warning",
            f"unknown field '{written}' (did you mean '{intended[-1]}'?)",
        )
    return meta


@cache
def _fields(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(model.model_fields)  # asked of every file and nested item: made once


def _misspellings(model: type[BaseModel], data: dict[str, Any], loc: Path_) -> dict[Path_, str]:
    """Keys that look like a misspelt known field: {intended field's loc: key as written}."""
    known = _fields(model)
    found: dict[Path_, str] = {}
    for key in data:
        if key in known:
            continue
        # 0.75 catches one swapped pair ('tema'); a key whose field is also written is an
        # extra field from another tool, not a slip.
        guess = nearest(str(key), known, cutoff=0.75)
        if guess and guess not in data:
            found[(*loc, guess)] = str(key)
    for name, part in NESTED.items():
        items = data.get(name) if not loc else None
        if isinstance(items, list):
            for index, item in enumerate(items):
                if isinstance(item, dict):
                    found.update(_misspellings(part, item, (*loc, name, index)))
    return found


def _message(err: dict[str, Any]) -> str:
    loc = tuple(err["loc"])
    name = field_name(loc)
    kind = err["type"]
    value = err.get("input")
    if kind == "missing":
        leaf = str(loc[-1]) if loc else ""
        hint = HINTS.get(leaf, "a value")
        return f"missing required field '{name}': add {hint}"
    if kind == "literal_error":
        choices = _QUOTED.findall(err.get("ctx", {}).get("expected", ""))
        guess = nearest(str(value), choices, cutoff=0.6) if isinstance(value, str) else None
        suggestion = f" (did you mean '{guess}'?)" if guess else ""
        return f"{name} {describe(value)} is not one of {', '.join(choices)}{suggestion}"
    if kind == "openwork":
        return f"{name}: {err['msg']}"
    if kind in {"string_type", "string_sub_type"}:
        return f"{name} should be text, found {describe(value)}"
    if kind == "list_type":
        return f"{name} should be a list, found {describe(value)}"
    if kind in {"bool_type", "bool_parsing"}:
        return f"{name} should be true or false, found {describe(value)}"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"{name} should be a mapping of fields (field: value), found {describe(value)}"
    if kind == "string_pattern_mismatch":
        return f"{name} {describe(value)} is not an ISO week: expected YYYY-Www, e.g. 2026-W47"
    return f"{name} {describe(value)}: {err['msg']}"


def check_rules(meta: CommonMeta, checker: Checker, severities: list[str]) -> None:
    """Conditional requirements and date order, which a type alone cannot say."""
    if meta.updated and meta.date and meta.updated < meta.date:
        checker.add(("updated",), "warning", "updated is before date: check both dates")
    if isinstance(meta, ExperimentMeta):
        _experiment_rules(meta, checker)
    elif isinstance(meta, IncidentMeta):
        _incident_rules(meta, checker, severities)


def _experiment_rules(meta: ExperimentMeta, checker: Checker) -> None:
    status = meta.status
    if status is None:  # reported already, and the rules below hang on it
        return
    article = "an" if status[0] in "aeiou" else "a"

    def missing(name: str) -> bool:
        return getattr(meta, name) is None and name not in checker.invalid

    if status != "proposed" and missing("started"):
        checker.add(
            ("status",),
            "error",
            f"missing started: {article} {status} experiment needs started: YYYY-MM-DD",
        )
    if status in {"concluded", "abandoned"} and missing("ended"):
        checker.add(
            ("status",),
            "error",
            f"missing ended: {article} {status} experiment needs ended: YYYY-MM-DD",
        )
    if status == "concluded" and missing("outcome"):
        checker.add(
            ("status",),
            "error",
            "missing outcome: a concluded experiment needs "
            "outcome: validated, invalidated or inconclusive",
        )
    if meta.outcome is not None and status != "concluded":
        checker.add(
            ("outcome",),
            "warning",
            f"outcome is set but status is '{status}': "
            "set status: concluded, or remove the outcome",
        )
    if meta.started and meta.ended and meta.ended < meta.started:
        checker.add(("ended",), "error", f"ended {meta.ended} is before started {meta.started}")


def _incident_rules(meta: IncidentMeta, checker: Checker, severities: list[str]) -> None:
    if meta.severity is not None and meta.severity not in severities:
        exact = next((s for s in severities if s.casefold() == meta.severity.casefold()), None)
        if exact:
            meta.severity = exact  # 'sev1' is unambiguous
        else:
            guess = nearest(meta.severity, severities, cutoff=0.5)
            if guess is None and meta.severity.strip().isdigit():
                # '1' for 'SEV1': the number is the part people remember
                same = [s for s in severities if _NON_DIGITS.sub("", s) == meta.severity.strip()]
                guess = same[0] if len(same) == 1 else None
            if guess and _NON_DIGITS.sub("", guess) != _NON_DIGITS.sub("", meta.severity):
                guess = None  # 'SEV9' is not a slip for 'SEV4': a number is not a spelling
            hint = f" (did you mean '{guess}'?)" if guess else ""
            checker.add(
                ("severity",),
                "error",
                f"severity '{meta.severity}' is not one of {', '.join(severities)}{hint}",
            )
    if meta.status == "resolved" and meta.resolved is None and "resolved" not in checker.invalid:
        checker.add(
            ("status",),
            "error",
            "missing resolved: a resolved incident needs "
            "resolved: the date and time it was resolved",
        )
    order: list[tuple[str, datetime | None]] = [
        ("started", meta.started),
        ("detected", meta.detected),
        ("mitigated", meta.mitigated),
        ("resolved", meta.resolved),
    ]
    present = [(name, when) for name, when in order if when is not None]
    for (first, a), (second, b) in itertools.pairwise(present):
        assert a is not None and b is not None
        if b < a:
            checker.add(
                (second,),
                "error",
                f"{second} {b.isoformat()} is before {first} "
                f"{a.isoformat()}: the order is started, detected, mitigated, resolved",
            )
