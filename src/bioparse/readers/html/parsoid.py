"""Parsoid's machine-readable layer: ``data-mw`` JSON, page properties, head metadata.

Parsoid HTML (REST ``/page/html``, Enterprise ``article_body.html``) keeps
the wikitext's template calls as JSON on the first element each template
produced; the other elements of the same output share its ``about`` id.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import orjson
from lxml import etree

from .index import TreeIndex, descendants
from .text import text_content

#: No "[" inside a link: each scan stops at the next bracket (a run of "[[" was quadratic).
_WIKILINK = re.compile(r"\[\[(?:[^|\[\]]*\|)?([^\[\]]*)\]\]")
_QUOTES = re.compile(r"'{2,}")
_TAGS = re.compile(r"<[^>]{0,200}>")
_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")


@dataclass
class TemplateCall:
    """One template call as Parsoid recorded it: name and raw wikitext params."""

    name: str
    params: dict[str, str] = field(default_factory=dict)


def about_map(root: etree._Element, index: TreeIndex | None = None) -> Mapping[str, str]:
    """``about`` id -> the raw data-mw of the group's first element (one XPath pass, or the
    index's, walked when first asked)."""
    if index is not None:
        return index.abouts
    found: dict[str, str] = {}
    for el in root.xpath("//*[@about][@data-mw]"):
        about = el.get("about")
        if about and about not in found:
            found[about] = el.get("data-mw") or ""
    return found


def group_data(el: etree._Element, about: str, abouts: Mapping[str, str]) -> str | None:
    """The data-mw of the transclusion ``el`` belongs to: its group's first element's.

    Parsoid puts every top-level element a template produced side by side,
    all with the template's ``about`` id, and its data-mw on the first: so
    the group's data-mw is found among the siblings before ``el`` in the run
    that shares its ``about``, without visiting the page.  ``abouts`` (the
    page-wide map, walked when first asked) answers only when the run holds
    none; both agree whenever an ``about`` id names one group, as Parsoid's do.
    """
    found = None
    sibling: etree._Element | None = el
    while sibling is not None and sibling.get("about") == about:
        data = sibling.get("data-mw")
        if data is not None:
            found = data
        sibling = sibling.getprevious()
    return found if found is not None else abouts.get(about)


def _loads(raw: str) -> Any:
    """orjson first (data-mw is parsed for every citation), json when orjson refuses."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return json.loads(raw)


def template_call(el: etree._Element, abouts: Mapping[str, str]) -> TemplateCall | None:
    """The first template call that produced ``el``, when Parsoid recorded it."""
    raw = el.get("data-mw")
    if raw is None:
        about = el.get("about")
        raw = group_data(el, about, abouts) if about else None
    if not raw:
        return None
    try:
        data = _loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    for part in data.get("parts") or []:
        if not isinstance(part, dict):
            continue
        tpl = part.get("template") or part.get("templatearg")
        if not isinstance(tpl, dict):
            continue
        target = tpl.get("target") or {}
        name = str(target.get("wt") or target.get("function") or "").strip()
        params: dict[str, str] = {}
        for key, value in (tpl.get("params") or {}).items():
            if isinstance(value, dict):
                params[str(key).strip()] = str(value.get("wt", ""))
        return TemplateCall(name=name, params=params)
    return None


def ext_attrs(el: etree._Element) -> dict[str, Any]:
    """data-mw of an extension tag (``<ref>``, ``<references>``): its attrs."""
    raw = el.get("data-mw")
    if not raw:
        return {}
    try:
        data = _loads(raw)
    except ValueError:
        return {}
    attrs = data.get("attrs") if isinstance(data, dict) else None
    return attrs if isinstance(attrs, dict) else {}


def plain_wikitext(wt: str) -> str:
    """Cheap plain text of a short wikitext value (cite params): links, quotes, tags out."""
    text = wt
    # each pattern can only match where its opening characters are (most values hold none)
    if "{{" in text:
        text = _TEMPLATE.sub("", text)
    if "[[" in text:
        text = _WIKILINK.sub(_link_text, text)
    if "''" in text:
        text = _QUOTES.sub("", text)
    if "<" in text:
        text = _TAGS.sub("", text)
    return " ".join(text.split())


def _link_text(m: re.Match[str]) -> str:
    return m.group(1)


def _page_name(href: str) -> str:
    href = href.split("#", 1)[0]
    if href.startswith("./"):
        href = href[2:]
    elif "/wiki/" in href:
        href = href.split("/wiki/", 1)[1]
    return unquote(href).replace("_", " ").strip()


def _strip_namespace(name: str) -> str:
    return name.split(":", 1)[1].strip() if ":" in name else name


def categories(root: etree._Element, index: TreeIndex | None = None) -> list[str]:
    """Category names without namespace, from Parsoid page properties or ``#catlinks``."""
    names: list[str] = []
    full = "//*[@id='catlinks']//li/a"
    if index is None:
        links, anchors = root.xpath("//link[@rel='mw:PageProp/Category'][@href]"), root.xpath(full)
    else:
        links, anchors = index.category_links, descendants(index.ids.get("catlinks", []), ".//li/a", root, full)
    for link in links:
        name = _strip_namespace(_page_name(link.get("href", "")))
        if name and name not in names:
            names.append(name)
    for a in anchors:
        name = " ".join(text_content(a).split())
        if not name:
            href = a.get("href") or ""
            name = _strip_namespace(_page_name(href))
        if name and name not in names:
            names.append(name)
    return names


def redirect_target(root: etree._Element, index: TreeIndex | None = None) -> str | None:
    """The target of a Parsoid redirect page, if this is one."""
    links = root.xpath("//link[@rel='mw:PageProp/redirect'][@href]") if index is None else index.redirect_links
    for link in links:
        return _page_name(link.get("href", "")) or None
    return None


def is_disambiguation(root: etree._Element, index: TreeIndex | None = None) -> bool:
    """Disambiguation pages: Parsoid's page property, or the desktop box."""
    if index is not None:
        return index.disambiguation_meta or "disambigbox" in index.ids
    return bool(
        root.xpath(
            "boolean(//meta[@property='mw:PageProp/disambiguation'] | //*[@id='disambigbox'])"
        )
    )


def head_meta(root: etree._Element, index: TreeIndex | None = None) -> dict[str, str]:
    """Revision id, page id and modification time from a Parsoid ``<head>``."""
    meta: dict[str, str] = {}
    about = root.get("about") or ""
    m = re.search(r"revision/(\d+)$", about)
    if m:
        meta["revision"] = m.group(1)
    props = root.xpath("//head/meta[@property][@content]") if index is None else index.head_props
    for el in props:
        prop = el.get("property")
        if prop == "mw:pageId":
            meta["page_id"] = el.get("content", "")
        elif prop == "dc:modified":
            meta["date_modified"] = el.get("content", "")
    langs = root.xpath("//head/meta[@http-equiv='content-language'][@content]") if index is None else index.head_languages
    for el in langs:
        meta["language"] = el.get("content", "")
    addresses = (
        [el.get("href", "") for el in root.xpath("//link[@rel='canonical'][@href] | //base[@href]")]
        if index is None
        else index.page_addresses
    )
    for href in addresses:
        wiki = wiki_of_address(href)
        if wiki:
            meta["wiki"] = wiki
            break
    return meta


#: A Wikipedia page address: the edition's subdomain ("en", "simple", "zh-yue"; mobile "en.m").
_WIKIPEDIA_HOST = re.compile(r"^(?:https?:)?//([a-z][a-z0-9-]{0,30}?)(?:\.m)?\.wikipedia\.org(?:[/:?#]|$)", re.I)


def wiki_of_address(href: str) -> str | None:
    """The wiki's database name ("simplewiki") from a page's canonical or base address.

    The content language alone cannot tell Simple English from English Wikipedia.
    """
    m = _WIKIPEDIA_HOST.match(href.strip())
    return m.group(1).lower().replace("-", "_") + "wiki" if m else None
