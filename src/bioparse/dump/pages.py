"""The unit every dump source yields and every worker consumes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Page:
    """One page of a dump, with the container's metadata.

    ``text`` is what the parser gets: wikitext for XML exports, the whole JSON
    line for Enterprise records (``format="enterprise"``), the file content for
    directories.  ``position`` is the page's ordinal in its input (counting
    pages skipped by the namespace filter too), so a run can be resumed and
    records traced back to where they came from.  ``dbname`` is the
    ``<siteinfo><dbname>`` of the XML export the page came from ("frwiki"),
    when it names one.
    """

    title: str
    page_id: int | None
    namespace: int | None
    revision_id: int | None
    timestamp: str | None
    text: str
    format: str
    redirect: str | None
    source: str
    position: int
    dbname: str | None = None


class DumpError(Exception):
    """An input that cannot be read to its end: truncated, corrupt or unsafe.

    Raised only after every page before the break has been yielded, so the
    caller can keep what it already has; ``offset`` (bytes into the file as
    stored, i.e. compressed) and ``pages`` say where it broke.
    """

    def __init__(self, message: str, path: str = "", offset: int | None = None, pages: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.offset = offset
        self.pages = pages

    def __str__(self) -> str:
        where = []
        if self.pages is not None:
            where.append(f"after {self.pages} pages")
        if self.offset is not None:
            where.append(f"at byte {self.offset}")
        suffix = f" ({', '.join(where)})" if where else ""
        prefix = f"{self.path}: " if self.path else ""
        return f"{prefix}{self.message}{suffix}"

    def __reduce__(self) -> tuple[object, ...]:
        return (DumpError, (self.message, self.path, self.offset, self.pages))
