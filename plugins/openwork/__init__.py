"""openwork: weeknotes, experiments and incident reports as a working-in-the-open website."""

__version__ = "0.1.0"
