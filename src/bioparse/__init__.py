"""bioparse: Wikipedia biographies, from any format, into typed dated records.

    >>> import bioparse
    >>> article = bioparse.parse(open("fixtures/text/jose_serrano.txt").read())
    >>> article.person.offices[0].title
    'President of the National Assembly'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import parse, parse_document, parse_file
    from .decode import RecordError
    from .model import (
        Article,
        Date,
        DateRange,
        Event,
        Infobox,
        InfoboxRow,
        Office,
        Person,
        Reference,
        Section,
    )

#: Public names and the submodule each comes from.  They are imported on first use, so
#: ``import bioparse.cli`` (the console command) is quick: a Ctrl-C at start-up lands in the
#: command's own handling, not in the import of the parser.
_LAZY = {
    "parse": "api",
    "parse_document": "api",
    "parse_file": "api",
    "RecordError": "decode",
    **{name: "model" for name in (
        "Article", "Date", "DateRange", "Event", "Infobox", "InfoboxRow", "Office", "Person", "Reference", "Section",
    )},
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__version__ = "0.1.0"


def loads(data: bytes | str) -> Article:
    """One JSON record (as ``parse``/``dump`` write it) back as a validated :class:`Article`."""
    from .jsonio import loads_article

    return loads_article(data)


# The submodule of the same name is imported here, before the function below is defined: importing
# it later would rebind ``bioparse.wikicode`` to the module.  It is small (mwparserfromhell is
# imported on the first call).
from .wikicode import wikicode as _wikicode  # noqa: E402


def wikicode(text: str) -> object:
    """mwparserfromhell ``Wikicode`` of wikitext, parsed on demand (see :mod:`bioparse.wikicode`)."""
    return _wikicode(text)


__all__ = [
    "Article",
    "Date",
    "DateRange",
    "Event",
    "Infobox",
    "InfoboxRow",
    "Office",
    "Person",
    "RecordError",
    "Reference",
    "Section",
    "loads",
    "wikicode",
    "parse",
    "parse_document",
    "parse_file",
    "__version__",
]
