"""mkdocs.yml as another engine needs it: every setting kept, `!!python/` tags included."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from openwork.cli.siteconfig import ConfigError, SiteConfig, _Loader, read_yaml_file


@dataclass(frozen=True, slots=True)
class PythonTag:
    """A `!!python/...` value (e.g. `!!python/name:material.extensions.emoji.twemoji`), kept
    as written so a generated config can say it again and a renderer can import it."""

    suffix: str  # 'name:material.extensions.emoji.twemoji'
    value: Any = ""


class KeepTagsLoader(_Loader):
    """The CLI's loader, except that `!!python/` values survive as `PythonTag`."""


def _keep_python_tag(loader: KeepTagsLoader, suffix: str, node: yaml.Node) -> PythonTag:
    value: Any = ""
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    elif isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    return PythonTag(suffix, value)


KeepTagsLoader.add_multi_constructor("tag:yaml.org,2002:python/", _keep_python_tag)


class KeepTagsDumper(yaml.SafeDumper):
    """Writes `PythonTag` values back with their tag."""


def _represent_python_tag(dumper: KeepTagsDumper, tag: PythonTag) -> yaml.Node:
    name = "tag:yaml.org,2002:python/" + tag.suffix
    if isinstance(tag.value, list):
        return dumper.represent_sequence(name, tag.value)
    if isinstance(tag.value, dict):
        return dumper.represent_mapping(name, tag.value)
    return dumper.represent_scalar(name, str(tag.value))


KeepTagsDumper.add_representer(PythonTag, _represent_python_tag)


def resolve_python_tags(value: Any) -> Any:
    """`value` with every `!!python/name:` tag imported, as MkDocs' loader does.

    Used only to render Markdown with the site's own extensions (their settings may name
    Python functions, e.g. an emoji index); any other `!!python/` form is refused."""
    if isinstance(value, dict):
        return {k: resolve_python_tags(v) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve_python_tags(v) for v in value]
    if not isinstance(value, PythonTag):
        return value
    kind, _, dotted = value.suffix.partition(":")
    if kind != "name" or not dotted:
        raise ConfigError(f"mkdocs.yml: openwork cannot read `!!python/{value.suffix}`")
    module_name, _, attr = dotted.rpartition(".")
    try:
        module = __import__(module_name, fromlist=[attr])
        return getattr(module, attr)
    except (ImportError, AttributeError):
        raise ConfigError(
            f"mkdocs.yml names `{dotted}`, which cannot be imported: install the package "
            "that provides it"
        ) from None


@dataclass(frozen=True)
class EngineConfig:
    """The whole of mkdocs.yml, and the settings every engine step reads from it; the ones
    `openwork check` reads too come from the CLI's SiteConfig, so both read them one way."""

    site: SiteConfig
    data: dict[str, Any]

    @classmethod
    def read(cls, site: SiteConfig) -> EngineConfig:
        return cls(site, read_yaml_file(site.config_file, loader=KeepTagsLoader))

    @property
    def config_file(self) -> Path:
        return self.site.config_file

    @property
    def root(self) -> Path:
        return self.site.root

    @property
    def docs_dir(self) -> Path:
        return (self.root / self.site.docs_dir).resolve()

    @property
    def site_dir(self) -> Path:
        return (self.root / str(self.data.get("site_dir") or "site")).resolve()

    @property
    def use_directory_urls(self) -> bool:
        return self.site.directory_urls

    @property
    def site_name(self) -> str:
        return self.site.site_name

    @property
    def site_url(self) -> str | None:
        return self.site.site_url

    @property
    def theme(self) -> dict[str, Any]:
        theme = self.data.get("theme")
        if isinstance(theme, dict):
            return theme
        return {"name": theme} if isinstance(theme, str) else {}

    @property
    def custom_dir(self) -> Path | None:
        custom = self.theme.get("custom_dir")
        return (self.root / str(custom)).resolve() if custom else None

    def markdown_extensions(self) -> tuple[list[Any], dict[str, dict[str, Any]]]:
        """(extensions, configs) as MkDocs builds them: toc, tables and fenced_code first."""
        names: list[Any] = ["toc", "tables", "fenced_code"]
        configs: dict[str, dict[str, Any]] = {}
        raw = self.data.get("markdown_extensions") or []
        items = list(raw.items()) if isinstance(raw, dict) else raw
        for item in items:
            if isinstance(item, tuple):
                name, conf = item
            elif isinstance(item, dict) and len(item) == 1:
                ((name, conf),) = item.items()
            else:
                name, conf = item, None
            if not isinstance(name, str):
                raise ConfigError("mkdocs.yml: markdown_extensions should list extension names")
            if name not in names:
                names.append(name)
            if isinstance(conf, dict):
                configs[name] = resolve_python_tags(conf)
        return names, configs
