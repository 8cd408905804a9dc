"""bioparse: Wikipedia biographies, from any format, into typed dated records.

    >>> import bioparse
    >>> article = bioparse.parse(open("fixtures/text/jose_serrano.txt").read())
    >>> article.person.offices[0].title
    'President of the National Assembly'
"""

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

__version__ = "0.1.0"


def loads(data: bytes | str) -> Article:
    """One JSON record (as ``parse``/``dump`` write it) back as a validated :class:`Article`."""
    from .jsonio import loads_article

    return loads_article(data)


def wikicode(text: str) -> object:
    """mwparserfromhell ``Wikicode`` of wikitext, parsed on demand (see :mod:`bioparse.wikicode`)."""
    from .wikicode import wikicode as _wikicode

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
