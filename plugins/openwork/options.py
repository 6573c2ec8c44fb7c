"""The plugin's options as a plain typed value, shared by the MkDocs adapter and the CLI."""

from __future__ import annotations

from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

FeedFormat = Literal["rss", "atom", "json"]
KINDS: tuple[str, ...] = ("weeknote", "experiment", "incident")
DEFAULT_COLLECTIONS = {
    "weeknote": "weeknotes",
    "experiment": "experiments",
    "incident": "incidents",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CollectionOptions(_Strict):
    """Where a kind's files live (relative to mkdocs.yml) and where its pages go."""

    folder: str
    url: str


def _default_collections() -> dict[str, CollectionOptions]:
    return {k: CollectionOptions(folder=v, url=v) for k, v in DEFAULT_COLLECTIONS.items()}


class TagOptions(_Strict):
    aliases: dict[str, str] = Field(default_factory=dict)
    allowed: str | None = None


class FeedOptions(_Strict):
    formats: list[FeedFormat] = Field(default_factory=lambda: ["rss", "atom", "json"])
    limit: int = Field(default=50, ge=1)  # the site's and each collection's feed
    scoped_limit: int = Field(default=20, ge=1)  # each team's and tag's feed


class BlamelessOptions(_Strict):
    enabled: bool = True
    phrases: list[str] = Field(default_factory=list)  # added to the built-in list
    ignore: list[str] = Field(default_factory=list)  # built-in phrases this site allows


class Options(_Strict):
    """Every option of the `openwork` plugin; each has a default so `- openwork` alone works."""

    enabled: bool = True
    timezone: str = "UTC"
    severities: list[str] = Field(default_factory=lambda: ["SEV1", "SEV2", "SEV3", "SEV4"])
    pagination: int = Field(default=20, ge=1)
    include_private: bool = False
    authors_file: str = "authors.yml"
    teams_file: str = "teams.yml"  # optional: declared teams (see content/teams.py)
    collections: dict[str, CollectionOptions] = Field(default_factory=_default_collections)
    tags: TagOptions = Field(default_factory=TagOptions)
    feeds: FeedOptions = Field(default_factory=FeedOptions)
    blameless: BlamelessOptions = Field(default_factory=BlamelessOptions)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown timezone '{value}': use an IANA name such as 'Europe/London' or 'UTC'"
            ) from None
        return value

    @field_validator("severities")
    @classmethod
    def _some_severities(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("severities must list at least one level, worst first")
        return value

    @field_validator("collections", mode="before")
    @classmethod
    def _fill_collections(cls, value: Any) -> Any:
        # A partial mapping ({incident: {folder: postmortems}}) keeps the other defaults.
        if not isinstance(value, dict):
            return value
        merged: dict[str, Any] = {}
        for kind, name in DEFAULT_COLLECTIONS.items():
            given = value.get(kind) or {}
            if isinstance(given, str):
                given = {"folder": given, "url": given}
            merged[kind] = {"folder": name, "url": name, **given}
        unknown = set(value) - set(DEFAULT_COLLECTIONS)
        if unknown:
            raise ValueError(
                f"unknown collection {sorted(unknown)[0]!r}: use weeknote, experiment or incident"
            )
        return merged

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class OptionsError(ValueError):
    """Plugin options that cannot be used, worded for the person editing mkdocs.yml."""


def load_options(raw: dict[str, Any] | None) -> Options:
    """Validate the `openwork:` block of mkdocs.yml into Options, or raise OptionsError."""
    try:
        return Options.model_validate(raw or {})
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "openwork"
            msg = err["msg"].removeprefix("Value error, ")
            lines.append(f"plugins.openwork.{where}: {msg}")
        raise OptionsError("; ".join(lines)) from None
