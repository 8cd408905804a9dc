"""The mwparserfromhell escape hatch: a page's (or its infobox's) ``Wikicode``, on demand.

bioparse reads wikitext with its own linear scanner (``readers/wikitext``),
which is what makes whole dumps fast.  When a user needs something bioparse
does not extract, mwparserfromhell's tree (``filter_templates()``,
``filter_wikilinks()``, ...) is the tool they know; these functions build it
for one page, only when asked.  Nothing on the ``parse``/``dump`` path calls
them, and mwparserfromhell is imported inside them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Article

#: Attribute on an Article that keeps the wikitext it was parsed from (never serialised:
#: it is not a dataclass field).
SOURCE_ATTR = "_wikitext"


def wikicode(text: str) -> Any:
    """mwparserfromhell ``Wikicode`` of ``text`` (a whole page or any fragment)."""
    import mwparserfromhell

    return mwparserfromhell.parse(text)


def infobox_wikicode(text: str) -> Any | None:
    """The first infobox template of ``text`` as mwparserfromhell ``Template``, or None.

    "Infobox" is decided by the same rule the wikitext reader uses (template
    names of every language in ``bioparse.lang`` data), so the template returned
    is the one bioparse read its infobox rows from.
    """
    from .readers.wikitext import infobox, scan

    for template in wikicode(text).ifilter_templates(recursive=True):
        key = scan.normalize_name(str(template.name))
        if key and infobox.is_infobox(key):
            return template
    return None


def article_wikicode(article: Article, infobox: bool = False) -> Any:
    """``Article.wikicode()``: the tree of the wikitext ``article`` was parsed from."""
    text = getattr(article, SOURCE_ATTR, None)
    if text is None:
        raise ValueError(
            "this Article holds no wikitext: wikicode() works on Articles parsed from wikitext "
            "by bioparse.parse/parse_file in this process (or call bioparse.wikicode(text))"
        )
    if infobox:
        return infobox_wikicode(text)
    return wikicode(text)
