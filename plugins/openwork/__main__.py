"""`python -m openwork ...` runs the `openwork` command."""

from openwork.cli import main

raise SystemExit(main())
