"""mkdocs.yml as the `openwork` command reads it: no MkDocs import, so the command starts fast."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from openwork.options import Options, OptionsError, load_options

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


class ConfigError(Exception):
    """mkdocs.yml is missing or cannot be used; the message says what to do (exit code 2)."""


@dataclass(frozen=True)
class SiteConfig:
    """The site's root folder (mkdocs.yml's folder), and the plugin options written there."""

    config_file: Path
    root: Path
    options: Options
    plugin_listed: bool  # False when mkdocs.yml does not list openwork under plugins
    site_name: str = "openwork"
    site_url: str | None = None
    docs_dir: str = "docs"
    directory_urls: bool = True
    template_dirs: tuple[Path, ...] = ()  # the theme's `custom_dir/openwork`, as the build uses


class _Loader(yaml.SafeLoader):
    """YAML as MkDocs writes it: `!ENV` read like MkDocs does, other custom tags tolerated."""


def _env(loader: _Loader, node: yaml.Node) -> Any:
    # `!ENV NAME` or `!ENV [NAME, OTHER, default]`, as the pyyaml-env-tag package reads it.
    default = None
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        items = list(node.value)
        if len(items) > 1:
            default = loader.construct_object(items.pop())
        names = [loader.construct_scalar(item) for item in items]  # type: ignore[arg-type]
    else:
        return None
    for name in names:
        if str(name) in os.environ:
            value = os.environ[str(name)]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


def _python_tag(loader: _Loader, suffix: str, node: yaml.Node) -> None:
    # `!!python/name:material.extensions.emoji.twemoji` names Python code: never imported here.
    return None


def _other_tag(loader: _Loader, suffix: str, node: yaml.Node) -> Any:
    # `!relative`, and any tag another tool invents: read the value as if untagged.
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    return None


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _python_tag)
_Loader.add_multi_constructor("!", _other_tag)


def find_config_file(given: str | None, cwd: Path) -> Path:
    """`--config-file PATH`, else mkdocs.yml (or mkdocs.yaml) in the current folder."""
    if given:
        path = cwd / given
        if not path.is_file():
            raise ConfigError(f"no such config file: {given}")
        return path
    for name in CONFIG_NAMES:
        if (cwd / name).is_file():
            return cwd / name
    raise ConfigError(
        "no mkdocs.yml in this folder. Run openwork in the folder that holds your site's "
        "mkdocs.yml (the one with weeknotes/, experiments/ and incidents/ beside it), "
        "or point at it with --config-file path/to/mkdocs.yml"
    )


def read_yaml_file(
    path: Path, seen: tuple[Path, ...] = (), loader: type[yaml.SafeLoader] | None = None
) -> dict[str, Any]:
    """The config as a mapping, with an `INHERIT:` parent merged in the way MkDocs does.

    `loader` replaces the default one (openwork.engines keeps `!!python/` tags with it)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path.name} is not UTF-8: save it with UTF-8 encoding") from None
    try:
        data = yaml.load(text, Loader=loader or _Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(
            f"{path.name}{line}: not valid YAML ({exc.problem or exc}): check indentation "
            "and colons"
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path.name}: not valid YAML ({exc})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path.name} should be 'setting: value' lines")
    parent_name = data.pop("INHERIT", None)
    if parent_name:
        parent = (path.parent / str(parent_name)).resolve()
        if parent in seen or parent == path.resolve():
            raise ConfigError(f"{path.name}: INHERIT: {parent_name} leads back to itself")
        if not parent.is_file():
            raise ConfigError(f"{path.name}: the INHERIT file {parent_name} does not exist")
        data = _merge(read_yaml_file(parent, (*seen, path.resolve()), loader), data)
    return data


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    # MkDocs merges mappings key by key; a list in the child replaces the parent's.
    out = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def openwork_block(config: dict[str, Any]) -> tuple[bool, dict[str, Any] | None]:
    """(listed, options) from `- openwork`, `- openwork: {...}` or `plugins: {openwork: ...}`."""
    plugins = config.get("plugins")
    entries: list[tuple[Any, Any]] = []
    if isinstance(plugins, dict):
        entries = list(plugins.items())
    elif isinstance(plugins, list):
        for item in plugins:
            if isinstance(item, dict):
                entries.extend(item.items())
            else:
                entries.append((item, None))
    for name, value in entries:
        if name == "openwork":
            if value is not None and not isinstance(value, dict):
                raise ConfigError(
                    "plugins.openwork: the plugin's settings should be 'option: value' lines"
                )
            return True, value
    return False, None


def load_site_config(given: str | None, cwd: Path) -> SiteConfig:
    """Find and read mkdocs.yml; OptionsError and YAML problems become one ConfigError."""
    path = find_config_file(given, cwd)
    config = read_yaml_file(path)
    listed, raw = openwork_block(config)
    try:
        options = load_options(raw)
    except OptionsError as exc:
        raise ConfigError(f"{path.name}: {exc}") from None
    return SiteConfig(
        path,
        path.parent.resolve(),
        options,
        listed,
        site_name=str(config.get("site_name") or "openwork"),
        site_url=str(config["site_url"]) if config.get("site_url") else None,
        docs_dir=str(config.get("docs_dir") or "docs"),
        directory_urls=config.get("use_directory_urls") is not False,
        template_dirs=_template_dirs(config, path.parent.resolve()),
    )


def _template_dirs(config: dict[str, Any], root: Path) -> tuple[Path, ...]:
    theme = config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    return (root / str(custom) / "openwork",) if custom else ()
