"""The read stage: content files in, `Entry` values and `Problem`s out. No MkDocs here."""

from openwork.content.model import Amendment, Author, Entry
from openwork.content.reader import ReadResult, read_content

__all__ = ["Amendment", "Author", "Entry", "ReadResult", "read_content"]
