"""Front matter schemas per kind: the one definition behind validation and `openwork schema`."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from openwork.content.dates import DateError, to_date, to_datetime

_UTC = ZoneInfo("UTC")
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_MOMENT_PATTERN = (
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?)?$"
)


def _zone(info: ValidationInfo) -> tzinfo:
    context = info.context or {}
    return context.get("zone", _UTC)


def _moment(value: Any, info: ValidationInfo) -> datetime:
    try:
        return to_datetime(value, _zone(info))
    except DateError as exc:
        raise PydanticCustomError("openwork", str(exc)) from None


def _day(value: Any) -> date:
    try:
        return to_date(value)
    except DateError as exc:
        raise PydanticCustomError("openwork", str(exc)) from None


def _text(value: Any) -> Any:
    # `title: 2026` is readable as text; lists and mappings are not.
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _number_or_text(value: Any) -> Any:
    # One check, so a bad value gives one message rather than one per member of the union.
    if value is None:
        return None
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return _text(value)
    found = {list: "a list", dict: "a mapping", bool: f"'{str(value).lower()}'"}.get(
        type(value), type(value).__name__
    )
    raise PydanticCustomError(
        "openwork", f"{found} is not a number or text: write a value such as 12, 4.5 or '30%'"
    )


def _text_list(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return [str(value)]
    if isinstance(value, list):
        return [_text(v) for v in value]
    return value


def _choice(value: Any) -> Any:
    # 'Running' and ' done' are unambiguous: value sets are matched without case.
    return value.strip().casefold() if isinstance(value, str) else value


def _tag_list(value: Any) -> Any:
    # Tags also come as one comma-separated string: "tags: kubernetes, open data".
    if isinstance(value, str):
        return [part for part in (p.strip() for p in value.split(",")) if part]
    return _text_list(value)


_STRING_OR_LIST = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}

Moment = Annotated[
    datetime,
    BeforeValidator(_moment),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": _MOMENT_PATTERN,
            "description": "YYYY-MM-DD or an ISO 8601 date and time; without an offset it is "
            "read in the site's timezone",
        }
    ),
]
Day = Annotated[
    date,
    BeforeValidator(_day),
    WithJsonSchema({"type": "string", "pattern": _DATE_PATTERN, "description": "YYYY-MM-DD"}),
]
Text = Annotated[str, BeforeValidator(_text)]
TextList = Annotated[list[Text], BeforeValidator(_text_list), WithJsonSchema(_STRING_OR_LIST)]
TagList = Annotated[
    list[Text],
    BeforeValidator(_tag_list),
    WithJsonSchema({**_STRING_OR_LIST, "description": "a list, or one comma-separated string"}),
]
Number = Annotated[str | int | float | None, BeforeValidator(_number_or_text)]


class _Part(BaseModel):
    """A nested item (metric, action, ...): unknown keys are kept, misspellings are warned."""

    model_config = ConfigDict(extra="allow")


class Amendment(_Part):
    date: Moment
    note: Text


class Metric(_Part):
    name: Text
    baseline: Number = None
    target: Number = None
    result: Number = None


class Action(_Part):
    action: Text
    owner: Text | None = None
    status: Annotated[Literal["open", "done"], BeforeValidator(_choice)] = "open"
    due: Day | None = None
    link: Text | None = None


class TimelineEvent(_Part):
    at: Moment
    event: Text


class CommonMeta(BaseModel):
    """Fields every kind shares; fields not listed are kept for templates."""

    model_config = ConfigDict(extra="allow")

    title: Text | None = None
    date: Moment | None = None
    updated: Moment | None = None
    authors: TextList = Field(default_factory=list)
    team: Text | None = None
    tags: TagList = Field(default_factory=list)
    summary: Text | None = None
    draft: bool = False
    publish_after: Moment | None = None
    related: TextList = Field(default_factory=list)
    id: Text | None = None
    amendments: list[Amendment] = Field(default_factory=list)
    slug: Text | None = None


class WeeknoteMeta(CommonMeta):
    # trust-read: the pattern on the text only, so `week: ~` (nothing) is no week
    week: Annotated[
        Annotated[str, Field(pattern=r"^\d{4}-[Ww]\d{2}$")] | None,
        BeforeValidator(_text),
        Field(description="ISO 8601 week, e.g. 2026-W47"),
    ] = None


class ExperimentMeta(CommonMeta):
    title: Text
    date: Moment
    status: Annotated[
        Literal["proposed", "running", "concluded", "abandoned"], BeforeValidator(_choice)
    ]
    hypothesis: Text = Field(
        description="We believe ... will result in ... We will know when ...",
    )
    started: Day | None = None
    ended: Day | None = None
    outcome: Annotated[
        Literal["validated", "invalidated", "inconclusive"] | None, BeforeValidator(_choice)
    ] = None
    metrics: list[Metric] = Field(default_factory=list)
    review_by: Day | None = None
    owner: Text | None = None


class IncidentMeta(CommonMeta):
    title: Text
    date: Moment
    severity: Text = Field(description="one of the site's severities, worst first")
    status: Annotated[
        Literal["investigating", "identified", "monitoring", "resolved"], BeforeValidator(_choice)
    ]
    started: Moment | None = None  # optional (#15): no timings, so no durations
    detected: Moment | None = None
    mitigated: Moment | None = None
    resolved: Moment | None = None
    services: TextList = Field(default_factory=list)
    impact: Text
    contributing_factors: TextList = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    timeline: list[TimelineEvent] = Field(default_factory=list)


Meta = WeeknoteMeta | ExperimentMeta | IncidentMeta
SCHEMAS: dict[str, type[CommonMeta]] = {
    "weeknote": WeeknoteMeta,
    "experiment": ExperimentMeta,
    "incident": IncidentMeta,
}
NESTED: dict[str, type[_Part]] = {
    "amendments": Amendment,
    "metrics": Metric,
    "actions": Action,
    "timeline": TimelineEvent,
}

# What a missing required field should hold, said for the person writing the file.
HINTS: dict[str, str] = {
    "title": "a short title, e.g. title: Move search to the new cluster",
    "status": "the current status",
    "hypothesis": "a sentence: We believe ... will result in ... We will know when ...",
    "severity": "the incident's severity",
    "started": "when it started",
    "impact": "who or what was affected, in a sentence",
    "name": "a name",
    "action": "what will be done",
    "event": "what happened",
    "note": "what changed",
    "at": "a date and time",
    "date": "a date, e.g. date: 2026-11-20",
}


def json_schema(kind: str, severities: list[str] | None = None) -> dict[str, Any]:
    """The JSON Schema of one kind's front matter, with the site's severity scale filled in."""
    schema = SCHEMAS[kind].model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"openwork {kind} front matter"
    if kind == "incident" and severities:
        schema["properties"]["severity"]["enum"] = list(severities)
    return schema
