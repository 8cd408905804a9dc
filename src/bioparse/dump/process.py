"""Turn pages into output records; this is the code that runs in the workers.

``process_page`` never raises: a page the parser cannot handle becomes an
error record (title, page id, message) so every page read is accounted for
and one bad page never stops a dump.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, SourceFormat, to_dict
from .pages import DumpError, Page

#: What the parser's ``source_format`` is for each page format.
_OUTPUT_FORMAT: dict[str, SourceFormat] = {"wikitext": "wikitext", "enterprise": "html", "html": "html", "text": "text"}


def clean(text: str) -> str:
    """``text`` as valid Unicode: a file name's undecodable bytes (surrogate escapes) become ``\\xNN``.

    Python hands non-UTF-8 file names over as lone surrogates, which JSON
    encoders refuse; the escaped form keeps the name readable and unique.
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def page_meta(page: Page) -> dict[str, str]:
    """The container metadata of ``page`` as strings (``Article.meta`` is str -> str)."""
    meta = {"source": clean(page.source), "position": str(page.position)}
    for key, value in (
        ("page_id", page.page_id),
        ("revision_id", page.revision_id),
        ("namespace", page.namespace),
        ("timestamp", page.timestamp),
        ("dbname", page.dbname),
    ):
        if value is not None:
            meta[key] = str(value)
    return meta


def container_wiki(page: Page) -> str | None:
    """The wiki the container names for ``page``: the dump file's name, else its ``<siteinfo>``
    (see :mod:`bioparse.export.wikis` for why in that order)."""
    return _container_wiki(page.source, page.dbname)


@functools.lru_cache(maxsize=64)
def _container_wiki(source: str, dbname: str | None) -> str | None:
    # cached: every page of a dump has the same source and header
    from ..export.wikis import wiki_of  # here: bioparse.export imports this package's output module

    wiki = wiki_of({"meta": {"source": source, "dbname": dbname or ""}})
    return wiki.dbname if wiki is not None else None


def error_record(page: Page, message: str) -> dict[str, Any]:
    """The record written for a page that could not be parsed."""
    article = Article(
        title=clean(page.title) or None,
        source_format=_OUTPUT_FORMAT.get(page.format, "wikitext"),
        meta=page_meta(page),
        error=message,
    )
    if page.redirect is not None:
        article.is_redirect = True
        article.redirect_target = page.redirect or None
    return to_dict(article)  # type: ignore[no-any-return,unused-ignore]


def process_page(
    page: Page, *, people_only: bool = False, fields: frozenset[str] | None = None
) -> dict[str, Any] | None:
    """The output record for one page, or None when ``people_only`` filters it out.

    The record is exactly what ``bioparse parse`` gives for the page's text,
    plus the container's metadata in ``meta`` and, when the dump marks the
    page as a redirect the parser did not see, ``is_redirect``.
    Error records are kept even with ``people_only``: a failure is never
    silently dropped.  With ``people_only``, pages that
    :func:`~bioparse.dump.precheck.may_be_person` rules out are not parsed
    at all (they cannot be people), which is what makes the option fast.
    """
    outcome = _article(page, people_only, fields)
    if outcome is None or isinstance(outcome, dict):
        return outcome
    return to_dict(outcome)  # type: ignore[no-any-return,unused-ignore]


def _article(page: Page, people_only: bool, fields: frozenset[str] | None = None) -> Article | dict[str, Any] | None:
    """The parsed Article, an error record (dict), or None when filtered out."""
    from ..api import parse
    from .precheck import may_be_person

    if people_only and not may_be_person(page.text, page.format, page.title or None):
        return None  # cannot be a biography: skip the full parse
    try:
        # only what is known is passed: the plain call stays compatible with wrappers of parse
        extra: dict[str, Any] = {}
        if fields is not None:
            extra["fields"] = fields
        wiki = container_wiki(page)
        if wiki is not None:
            extra["wiki"] = wiki
        article = parse(page.text, format=page.format, title=clean(page.title) or None, **extra)
        if page.redirect is not None and not article.is_redirect:
            article.is_redirect = True
            article.redirect_target = article.redirect_target or page.redirect or None
        if not article.title and page.title:
            article.title = clean(page.title)
        article.meta.update(page_meta(page))
        if people_only and article.person is None:
            return None
        return article
    except Exception as exc:  # noqa: BLE001 - any parser bug becomes an error record
        return error_record(page, f"{type(exc).__name__}: {exc}")


@dataclass
class BatchResult:
    """What a worker sends back for a batch: serialised output plus counts.

    ``lines`` holds JSON Lines bytes (one per record) for JSONL output;
    ``arrow`` an Arrow IPC stream of the same records for Parquet output, so
    the parent only writes and never re-encodes.
    """

    pages: int = 0
    records: int = 0
    people: int = 0
    errors: int = 0
    lines: list[bytes] = field(default_factory=list)
    arrow: bytes | None = None
    #: (source, position) of the last page processed, for --resume bookkeeping.
    last: tuple[str, int] | None = None
    #: A block that could not be decompressed or parsed (multistream workers).
    failure: DumpError | None = None


def process_batch(
    pages: list[Page], *, people_only: bool = False, output: str = "jsonl", fields: frozenset[str] | None = None
) -> BatchResult:
    """Process pages in order and serialise them for ``output`` ("jsonl", "jsonl-sparse" or "parquet").

    ``fields`` keeps only those parts of each record (see :mod:`bioparse.fields`).
    """
    from ..jsonio import dumps

    result = BatchResult()
    records: list[dict[str, Any]] = []
    for page in pages:
        result.pages += 1
        result.last = (page.source, page.position)
        outcome = _article(page, people_only, fields)
        if outcome is None:
            continue
        # One conversion per record: JSON straight from the Article (jsonio
        # does its own to_dict), a dict only when Arrow needs one.
        try:
            if output != "parquet":
                result.lines.append(dumps(outcome, sparse=output == "jsonl-sparse"))
            else:
                records.append(outcome if isinstance(outcome, dict) else to_dict(outcome))
        except Exception as exc:  # noqa: BLE001 - e.g. a value orjson refuses
            outcome = error_record(page, f"cannot serialise record: {type(exc).__name__}: {exc}")
            if output != "parquet":
                result.lines.append(dumps(outcome, sparse=output == "jsonl-sparse"))
            else:
                records.append(outcome)
        result.records += 1
        if isinstance(outcome, dict):
            result.errors += 1
        elif outcome.person is not None:
            result.people += 1
    if output == "parquet":
        result.arrow = _to_ipc(records, pages)
    return result


def _to_ipc(records: list[dict[str, Any]], pages: list[Page]) -> bytes:
    """Records as an Arrow IPC stream; a record Arrow refuses is replaced by an error record."""
    import pyarrow as pa

    from .arrow import arrow_schema, records_to_table

    try:
        table = records_to_table(records)
    except (pa.ArrowException, TypeError, ValueError):
        fixed = []
        by_key = {(p.source, str(p.position)): p for p in pages}
        for record in records:
            try:
                records_to_table([record])
                fixed.append(record)
            except (pa.ArrowException, TypeError, ValueError) as exc:
                meta = record.get("meta") or {}
                page = by_key.get((str(meta.get("source")), str(meta.get("position"))))
                if page is None:
                    raise
                fixed.append(error_record(page, f"cannot convert record to Arrow: {exc}"))
        table = records_to_table(fixed)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, arrow_schema()) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()  # type: ignore[no-any-return,unused-ignore]


def lost_batch(pages: list[Page], message: str, *, output: str = "jsonl") -> BatchResult:
    """Error records for pages whose worker died (twice): every page is still accounted for."""
    from ..jsonio import dumps

    records = [error_record(page, message) for page in pages]
    result = BatchResult(pages=len(pages), records=len(records), errors=len(records))
    if pages:
        result.last = (pages[-1].source, pages[-1].position)
    if output != "parquet":
        result.lines = [dumps(r, sparse=output == "jsonl-sparse") for r in records]
    else:
        result.arrow = _to_ipc(records, pages)
    return result
