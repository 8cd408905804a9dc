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


def infobox_wikicode(text: str, name: str | None = None) -> Any | None:
    """An infobox template of ``text`` as mwparserfromhell ``Template``, or None.

    "Infobox" is decided by the rule the wikitext reader uses (template names
    of every language in ``bioparse.lang`` data).  With ``name`` (an
    ``Infobox.name``) the first infobox of that name, else the first infobox.
    """
    from .readers.wikitext import infobox, scan

    wanted = scan.normalize_name(name) if name else None
    first = None
    for template in wikicode(text).ifilter_templates(recursive=True):
        key = scan.normalize_name(str(template.name))
        if not key or not infobox.is_infobox(key):
            continue
        if wanted is None or key == wanted:
            return template
        first = first or template
    return first


def article_wikicode(article: Article, infobox: bool = False) -> Any:
    """``Article.wikicode()``: the tree of the wikitext ``article`` was parsed from."""
    text = getattr(article, SOURCE_ATTR, None)
    if text is None:
        raise ValueError(
            "this Article holds no wikitext: wikicode() works on Articles parsed from wikitext "
            "by bioparse.parse/parse_file in this process (or call bioparse.wikicode(text))"
        )
    if infobox:
        # the infobox bioparse took the person from (Article.infobox), when it has one
        return infobox_wikicode(text, article.infobox.name if article.infobox else None)
    return wikicode(text)
