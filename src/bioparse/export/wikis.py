"""Which wiki a record came from, and how to cite its revision.

The wiki is read from what the record carries, most specific first: a
``meta.wiki`` database name, an Enterprise record's ``is_part_of``
(``meta.project``), the page language (``meta.language``: Enterprise
``in_language``, HTML ``lang``), the input file's name when it follows
the dump naming (``enwiki-20240601-pages-articles...``), and last the XML
export's own ``<siteinfo><dbname>`` (``meta.dbname``).

The file name goes before the export's header because headers get copied:
DBpedia's per-language minidumps (``dbpedia-minidump-frwiki.xml.bz2``, 124 in
our corpus) all carry English Wikipedia's ``<siteinfo>``, 121 of them around
pages of another language.  The header is what names the wiki of a dump read from
stdin, a URL without a dump name, or a renamed file.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from .. import lang

_DBNAME = re.compile(r"^([a-z][a-z0-9_]{0,20})wiki$")
#: "enwiki-latest-pages-...", "dbpedia-minidump-frwiki.xml.bz2": a dbname between separators.
_IN_NAME = re.compile(r"(?:^|[-_.])([a-z]{2,3}(?:_[a-z]{2,12})?|simple)wiki(?=$|[-_.])")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[a-z]{2,12})?$|^simple$")


@dataclass(frozen=True)
class Wiki:
    """A Wikipedia edition: ``dbname`` "enwiki", ``code`` "en", host "en.wikipedia.org"."""

    dbname: str
    code: str

    @property
    def host(self) -> str:
        return f"{self.code}.wikipedia.org"

    @property
    def item(self) -> str | None:
        """The edition's Wikidata item (Q328 for English Wikipedia), from ``lang`` data."""
        value = lang.aspect(self.code, "wikidata").get("wikipedia_item")
        return value if isinstance(value, str) else None

    @property
    def label_language(self) -> str:
        """Language code of labels from this wiki ("en" for Simple English Wikipedia)."""
        value = lang.aspect(self.code, "wikidata").get("label_language")
        return value if isinstance(value, str) else self.code

    def page_url(self, title: str, revision: int | None = None) -> str:
        """The permanent URL of ``title`` (at ``revision`` when known)."""
        name = quote(title.replace(" ", "_"), safe="/:()'!,;*@$")
        if revision is not None:
            return f"https://{self.host}/w/index.php?title={name}&oldid={revision}"
        return f"https://{self.host}/wiki/{name}"


def _from_code(code: str) -> Wiki:
    """The Wikipedia of a language code ("pt-br" -> pt_brwiki)."""
    return Wiki(dbname=code.replace("-", "_") + "wiki", code=code)


def _from_dbname(dbname: str) -> Wiki | None:
    m = _DBNAME.match(dbname.strip().lower())
    if not m:
        return None
    return Wiki(dbname=dbname.strip().lower(), code=m.group(1).replace("_", "-"))


def wiki_named(value: object) -> Wiki | None:
    """The wiki a caller names by database name ("ruwiki") or language code ("ru", "pt-br")."""
    return _named(value) if isinstance(value, str) else None


@functools.lru_cache(maxsize=256)
def _named(value: str) -> Wiki | None:
    # cached: a dump names the same wiki for every page
    text = value.strip().lower()
    return _from_code(text) if _LANG.match(text) else _from_dbname(text)


def wiki_of(record: dict[str, Any]) -> Wiki | None:
    """The Wikipedia edition a record was read from, or None when nothing says."""
    meta = record.get("meta") or {}
    for key in ("wiki", "project"):
        value = meta.get(key)
        if isinstance(value, str) and value:
            found = _from_dbname(value)
            if found:
                return found
    language = meta.get("language")
    if isinstance(language, str) and _LANG.match(language.strip().lower()):
        return _from_code(language.strip().lower())
    source = meta.get("source")
    if isinstance(source, str) and source:
        for part in reversed(PurePosixPath(source).parts):
            m = _IN_NAME.search(part.lower())
            if m:
                return Wiki(dbname=m.group(1) + "wiki", code=m.group(1).replace("_", "-"))
    dbname = meta.get("dbname")
    if isinstance(dbname, str) and dbname:
        return _from_dbname(dbname)
    return None


def as_int(value: Any) -> int | None:
    """Integers kept as integers: ``meta`` carries them as strings ("303")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def revision_of(record: dict[str, Any]) -> int | None:
    """The revision id: dumps say ``revision_id``, Enterprise ``version``, HTML ``revision``."""
    meta = record.get("meta") or {}
    for key in ("revision_id", "version", "revision"):
        found = as_int(meta.get(key))
        if found is not None:
            return found
    return None


def page_id_of(record: dict[str, Any]) -> int | None:
    """The page id: dumps and HTML say ``page_id``, Enterprise ``identifier``."""
    meta = record.get("meta") or {}
    for key in ("page_id", "identifier"):
        found = as_int(meta.get(key))
        if found is not None:
            return found
    return None
