"""Building the site with an engine other than MkDocs (Zensical): generate, build, publish.

Nothing here imports MkDocs or the engine: pages go out as Markdown files, the engine runs
as its own command, and the feeds are written into what it built."""

DEFAULT_INTO = ".openwork/build"  # the build folder, relative to mkdocs.yml's folder
