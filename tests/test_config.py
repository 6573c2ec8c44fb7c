"""One option schema: the MkDocs config class and `Options` describe the same options, and
mkdocs.yml read by MkDocs (the plugin) and by `openwork` (the CLI) gives the same values."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from openwork.cli.siteconfig import load_site_config
from openwork.config import OpenworkConfig
from openwork.options import Options

from tests.builder import write_tree

EVERY_OPTION = """
site_name: Tiny
site_url: https://tiny.example/
theme:
  name: material
plugins:
  - openwork:
      enabled: true
      timezone: Europe/London
      severities: [P1, P2]
      pagination: 7
      include_private: true
      authors_file: people.yml
      collections:
        incident: {folder: postmortems, url: incidents}
      tags:
        aliases: {k8s: kubernetes}
      feeds:
        formats: [atom]
        limit: 9
      blameless:
        phrases: [dropped the ball]
"""


def test_the_mkdocs_options_are_the_options_fields_with_their_defaults() -> None:
    schema = dict(OpenworkConfig._schema)
    assert list(schema) == list(Options.model_fields)
    config = OpenworkConfig()
    config.load_dict({})
    assert not config.validate()[0]
    defaults = Options()
    for name in Options.model_fields:
        given = config[name]
        expected = getattr(defaults, name)
        if isinstance(given, dict) and not given:
            continue  # a group: its defaults are filled in by Options, once
        assert given == expected, name


def test_mkdocs_and_the_cli_read_mkdocs_yml_into_the_same_options(tmp_path: Path) -> None:
    root = write_tree(tmp_path, {"mkdocs.yml": EVERY_OPTION, "docs/index.md": "# Home\n"})
    mkdocs = load_config(config_file=str(root / "mkdocs.yml"))
    plugin = mkdocs.plugins["openwork"]
    plugin.on_config(mkdocs)
    from_cli = load_site_config(None, root).options
    assert plugin.options == from_cli
    assert from_cli.pagination == 7 and from_cli.collections["incident"].folder == "postmortems"
    assert from_cli.feeds.formats == ["atom"] and from_cli.tags.aliases == {"k8s": "kubernetes"}
