"""Which wiki a record came from (:func:`bioparse.export.wikis.wiki_of`)."""

from __future__ import annotations

import pytest

from bioparse.export.wikis import wiki_of


@pytest.mark.parametrize(
    ("meta", "dbname"),
    [
        ({"wiki": "dewiki", "source": "enwiki-latest-pages-articles.xml.bz2"}, "dewiki"),  # the record's own word
        ({"language": "pt-br", "dbname": "enwiki"}, "pt_brwiki"),
        ({"source": "frwiki-20240601-pages-articles1.xml.bz2", "dbname": "frwiki"}, "frwiki"),
        # a renamed file or stdin: the export's <siteinfo> names the wiki
        ({"source": "sample.xml.bz2", "dbname": "ruwiki"}, "ruwiki"),
        ({"source": "<stdin>", "dbname": "zh_min_nanwiki"}, "zh_min_nanwiki"),
        # DBpedia minidumps copy English Wikipedia's <siteinfo>: the file name wins
        ({"source": "dbpedia-minidump-frwiki.xml.bz2", "dbname": "enwiki"}, "frwiki"),
        ({"source": "sample.xml.bz2", "dbname": "not a wiki"}, None),
        ({"source": "sample.xml.bz2"}, None),
    ],
)
def test_wiki_of(meta: dict[str, str], dbname: str | None) -> None:
    wiki = wiki_of({"meta": meta})
    assert (wiki.dbname if wiki is not None else None) == dbname
