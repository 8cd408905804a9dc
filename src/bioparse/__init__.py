"""bioparse: Wikipedia biographies, from any format, into typed dated records.

    >>> import bioparse
    >>> article = bioparse.parse(open("fixtures/text/jose_serrano.txt").read())
    >>> article.person.offices[0].title
    'President of the National Assembly'
"""

from .api import parse, parse_document, parse_file
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

__all__ = [
    "Article",
    "Date",
    "DateRange",
    "Event",
    "Infobox",
    "InfoboxRow",
    "Office",
    "Person",
    "Reference",
    "Section",
    "parse",
    "parse_document",
    "parse_file",
    "__version__",
]
