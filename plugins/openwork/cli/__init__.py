"""The `openwork` command: `new`, `check` and `schema`, with no MkDocs import so it starts fast."""

from openwork.cli.app import main

__all__ = ["main"]
