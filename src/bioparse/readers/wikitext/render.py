"""Wikitext fragments to plain text.

Two steps: :meth:`Ctx.expand` replaces templates by what they display (the
handlers live in :mod:`.templates`; an unknown template displays nothing),
then :func:`finish` turns links into their text (collecting link targets),
drops files, categories, markup and tags.  Everything is regex over the
fragment, no parse tree, so rendering costs about what reading it does.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable

from . import scan

#: Namespaces whose links display no text (files, images, media).
FILE_NS = (
    "file", "image", "media", "datei", "bild", "fichier", "archivo", "imagen", "immagine",
    "afbeelding", "bestand", "lêer", "beeld", "plik", "grafika", "файл", "изображение",
    "kuva", "fil", "arquivo", "ficheiro", "imagem", "dosya", "resim", "soubor", "obrázek",
    "fitxer", "imatge", "fájl", "kép", "קובץ", "תמונה", "ملف", "صورة", "تصویر", "پرونده",
    "ファイル", "画像", "文件", "档案", "檔案", "圖像", "파일", "그림", "fișier", "imagine",
    "datoteka", "slika", "failas", "vaizdas", "fails", "attēls", "faili", "mynd", "dosiero",
    "bildo", "skeudenn", "restr", "ficheru", "ficheiro", "файл", "зображення", "αρχείο",
    "εικόνα", "ไฟล์", "tập tin", "hình", "berkas", "gambar", "ಚಿತ್ರ", "ಕಡತ",
)
#: Category namespace names (any language the corpus has, and common ones).
CATEGORY_NS = (
    "category", "kategorie", "catégorie", "categorie", "categoría", "categoria", "kategori",
    "kategoria", "kategorija", "kategorio", "kategória", "kategooria", "luokka", "flokkur",
    "категория", "категорія", "категорија", "κατηγορία", "קטגוריה", "تصنيف", "رده",
    "زمرہ", "カテゴリ", "分类", "分類", "분류", "kategoriya", "rummad", "kategorî",
    "kategorii", "ವರ್ಗ", "หมวดหมู่", "thể loại", "categorya", "kateqoriya", "catigurìa", "kategoreja",
)


def _alternation(names: tuple[str, ...]) -> str:
    """``a|b|c`` over ``names``, grouped by first letter (``f(?:ile|ichier)|i(?:mage|...)``):
    the engine tries one group per letter at each ``[[`` instead of every name (half the time)."""
    groups: dict[str, list[str]] = {}
    for name in sorted(set(names)):
        groups.setdefault(name[0], []).append(re.escape(name[1:]))
    return "|".join(re.escape(first) + "(?:" + "|".join(rest) + ")" for first, rest in groups.items())


_NS_FILE = re.compile(r"\[\[\s*:?\s*(?:" + _alternation(FILE_NS) + r")\s*:", re.I)
_CATEGORY = re.compile(
    r"\[\[\s*(?:" + _alternation(CATEGORY_NS) + r")\s*:\s*([^\[\]|\n]*)(?:\|[^\[\]\n]*)?\]\]",
    re.I,
)
_INTERWIKI = re.compile(r"\[\[[a-z]{2,3}(?:-[a-z]{1,8}){0,3}:[^\[\]|\n]*\]\]")
_LINK = re.compile(r"\[\[([^\[\]|\n]*)(?:\|([^\[\]\n]*))?\]\]")
_EXTLINK = re.compile(r"\[((?:https?:|ftp:|mailto:)?//[^\s\[\]<>\"]+|mailto:[^\s\[\]<>\"]+)(?:[ \t]+([^\]\n]*))?\]")
_QUOTES = re.compile(r"'{2,}")
#: Same tags as ``<\s*/?\s*br\s*/?\s*>`` without two adjacent ``\s*`` (quadratic on "<br" + spaces).
_BR = re.compile(r"<\s*(?:/\s*)?br(?:\s*/)?\s*>", re.I)
_HTML = re.compile(
    r"</?(?:span|small|big|sup|sub|div|center|font|abbr|b|i|u|s|strike|p|blockquote|cite|"
    r"code|del|ins|em|strong|q|var|tt|bdi|bdo|kbd|samp|wbr|hr|mark|time|data|dfn|ruby|rt|"
    r"rp|poem|onlyinclude|noinclude|table|tr|td|th|caption|li|ul|ol|dl|dt|dd|h[1-6]|"
    r"nowiki|section)\b[^<>]{0,2000}>",
    re.I,
)
_INCLUDEONLY = re.compile(r"<includeonly>.*?(?:</includeonly>|\Z)", re.S | re.I)
_MAGIC = re.compile(r"__[A-Z]{2,30}__")
#: Horizontal blanks other than the plain space: each becomes one.
_BLANKS = ("\t", "\u00a0", "\u2009", "\u202f")
#: Two or more spaces (the pattern starts with a two-space literal, so the engine skips to
#: each double space instead of trying a repeat at every character).
_SPACE_RUN = re.compile("   *")
#: List and indent markers at a line start: ``_LIST_MARK_FIRST`` at the text's start, then
#: ``_LIST_MARK`` from each newline (a literal first character, found fast, where ``^`` with
#: ``re.M`` had the engine try every position).
_LIST_MARK_FIRST = re.compile(r"[ \t]*[*#:;]+[ \t]*")
_LIST_MARK = re.compile(r"\n[ \t]*[*#:;]+[ \t]*")
_PAREN_JUNK = re.compile(r"\( ?[;,] ?| ?[;,] ?\)")
_EMPTY_PAREN = re.compile(r"\( ?\)")
_BLANK_LINES = re.compile("\n\n\n+")


@dataclass
class Ctx:
    """Shared state while rendering one page: its cut-out tags and the links seen."""

    tags: list[scan.Tag] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    #: (text shown, target) of every link rendered, in order (the lead's give its places' page names).
    shown_links: list[tuple[str, str]] = field(default_factory=list)
    #: Whether rendering records links in ``links`` and ``shown_links`` (off where nobody reads them).
    keep_links: bool = True
    depth: int = 0
    #: Set by :mod:`.templates` at import: template key -> handler.
    handlers: dict[str, Callable[[scan.Template, Ctx], str]] = field(default_factory=dict)
    prefix_handlers: list[tuple[str, Callable[[scan.Template, Ctx], str]]] = field(default_factory=list)
    #: Called for a template no handler knows (set by :mod:`.templates`: date-like ones warn).
    on_unknown: Callable[[scan.Template, Ctx], str] | None = None
    #: The Document's warnings, when rendering for one.
    warnings: list[str] | None = None

    def expand(self, text: str) -> str:
        """Replace every template in ``text`` by what it displays."""
        if "{{" not in text:
            return text
        if self.depth > 25:
            return ""
        spans = scan.template_spans(text)
        if not spans:
            return text
        return self.expand_parsed(text, [scan.parse_template(text, a, b) for a, b in spans])

    def expand_parsed(self, text: str, templates: list[scan.Template], done: dict[int, str] | None = None) -> str:
        """:meth:`expand` with the outermost templates of ``text`` already parsed, in order;
        ``done`` gives the output of some of them by start (the caller rendered them already)."""
        if self.depth > 25:
            return ""
        if not templates:
            return text
        self.depth += 1
        try:
            out: list[str] = []
            pos = 0
            for t in templates:
                out.append(text[pos:t.start])
                shown = done.get(t.start) if done else None
                out.append(self.call(t) if shown is None else shown)
                pos = t.end
            out.append(text[pos:])
            return "".join(out)
        finally:
            self.depth -= 1

    def handler_for(self, key: str) -> Callable[[scan.Template, Ctx], str] | None:
        """The handler of template ``key``: by exact name, else by name prefix; None when neither."""
        handler = self.handlers.get(key)
        if handler is None:
            for prefix, h in self.prefix_handlers:
                if key.startswith(prefix):
                    return h
        return handler

    def call(self, tpl: scan.Template) -> str:
        """What one template displays ("" when unknown, unless ``on_unknown`` says otherwise)."""
        handler = self.handler_for(tpl.key)
        if handler is None:
            handler = self.on_unknown
        if handler is None:
            return ""
        try:
            return handler(tpl, self)
        except (ValueError, IndexError, KeyError):
            return ""

    def render(self, text: str, *, value: bool = True) -> str:
        """Plain text of a fragment; ``value`` gives one item per line, no blank lines."""
        if "{{" not in text:
            if "  " not in text and not _SPECIAL.search(text):
                return text.strip()  # plain text (most cite and infobox values): what finish gives it
            return _finish_markup(text, self, value)  # finish's own plain-text test would fail
        return finish(self.expand(text), self, value=value)


def drop_files(text: str) -> str:
    """Remove ``[[File:...]]`` links, captions (with their nested links) included."""
    if "[[" not in text:
        return text
    return _drop_files_at(text, [m.start() for m in _NS_FILE.finditer(text)])


#: Where a namespaced link may start: ``[[`` and a colon before any bracket or pipe.  A file,
#: category or interwiki link matches here (each has its colon before any of these), so a text
#: without a hit has none of them; most section text has none (files are in a third of it).
_COLON_LINK = re.compile(r"\[\[[^\[\]|:]*:")


#: Above this many colons :func:`colon_links` scans with the pattern (a bound on its Python steps).
_COLON_LOOP_MAX = 256


def colon_links(text: str) -> list[int]:
    """Starts of the matches of :data:`_COLON_LINK` in ``text``, in order.

    Colons are rarer than ``[[`` (a sixth as many in section text): from each colon the
    last ``[[`` since the colon before is looked up (``str.rfind``, linear in all) and kept
    when nothing of ``[]|:`` stands between.  That is the pattern's leftmost match ending
    at that colon, and its matches never overlap one another.  Text with many colons is
    scanned by the pattern itself.
    """
    count = text.count(":")
    if count == 0:
        return []
    if count > _COLON_LOOP_MAX:
        return [m.start() for m in _COLON_LINK.finditer(text)]
    hits: list[int] = []
    prev = 0
    colon = text.find(":")
    while colon >= 0:
        opener = text.rfind("[[", max(0, prev - 1), colon)
        if opener >= 0:
            between = text[opener + 2:colon]
            if not ("[" in between or "]" in between or "|" in between or ":" in between):
                hits.append(opener)
        prev = colon
        colon = text.find(":", colon + 1)
    return hits


def drop_namespaced(text: str) -> str:
    """Files (captions included), categories and interwiki links out, in that order.

    Each pattern is tried only at the ``[[`` that :data:`_COLON_LINK` finds (a match of any of
    the three starts at one of them, and holds no other ``[``, so the matches at the hits are
    what a scan of the whole text finds): one scan instead of three.  After a step that removed
    something the next one looks for its hits in the new text (a removal can join a link).
    """
    hits = colon_links(text)
    if not hits:
        return text
    new = _drop_files_at(text, hits)
    if new is not text:
        text = new
        hits = colon_links(text)
    new = _drop_matches_at(_CATEGORY, text, hits)
    if new is not text:
        text = new
        hits = colon_links(text)
    return _drop_matches_at(_INTERWIKI, text, hits)


def _drop_files_at(text: str, hits: list[int]) -> str:
    """:func:`drop_files` with the file links tried only at ``hits``; ``text`` itself when none."""
    out: list[str] = []
    pos = 0
    for start in hits:
        if start < pos or not _NS_FILE.match(text, start):
            continue
        end = scan.match_link(text, start)
        if end < 0:
            nl = text.find("\n", start)
            end = len(text) if nl < 0 else nl
        out.append(text[pos:start])
        pos = end
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def _drop_matches_at(pattern: re.Pattern[str], text: str, hits: list[int]) -> str:
    """``pattern.sub("", text)`` for a pattern that can match only at ``hits`` and whose matches
    hold no ``[`` after their first two characters; ``text`` itself when nothing matches."""
    out: list[str] = []
    pos = 0
    for start in hits:
        if start < pos:
            continue
        m = pattern.match(text, start)
        if m is None:
            continue
        out.append(text[pos:start])
        pos = m.end()
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def categories(text: str) -> list[str]:
    """Category names linked from ``text`` (any language's namespace name)."""
    return [m.group(1).strip().replace("_", " ") for m in _CATEGORY.finditer(text) if m.group(1).strip()]


def _quotes(m: re.Match[str]) -> str:
    n = len(m.group())
    return "'" if n == 4 else "'" * (n - 5) if n > 5 else ""


def drop_quotes(text: str) -> str:
    """Bold/italic quote runs out (``''``, ``'''``, ``'''''``; longer runs keep their extra quotes).

    Without a run of four, every run is two or three quotes long and goes: two
    ``str.replace`` calls instead of a Python call per run.
    """
    if "''''" in text:
        return _QUOTES.sub(_quotes, text)
    return text.replace("'''", "").replace("''", "")


def drop_list_marks(text: str) -> str:
    """List and indent markers (``*#:;``) at the start of every line out."""
    m = _LIST_MARK_FIRST.match(text)
    if m:
        text = text[m.end():]
    return _LIST_MARK.sub("\n", text) if "\n" in text else text


def fold_blanks(text: str) -> str:
    """Runs of two or more blanks, and every tab or no-break space, as one space."""
    for blank in _BLANKS:
        if blank in text:
            text = text.replace(blank, " ")  # str.translate looks up every character: slower
    return _SPACE_RUN.sub(" ", text) if "  " in text else text


def _link_text(m: re.Match[str]) -> str:
    """What a wiki link shows: its label, else its target (the pipe trick drops a qualifier)."""
    target, label = m.groups()
    if label:
        return label
    clean = target.strip().lstrip(":").replace("_", " ").strip()
    if label is None:
        return clean
    return _PIPE_TRICK.sub("", clean.split(":", 1)[-1])


def _link_collector(ctx: Ctx) -> Callable[[re.Match[str]], str]:
    """:func:`_link_text` that also records each link's target in ``ctx.links`` and ``ctx.shown_links``."""
    links, shown_links = ctx.links, ctx.shown_links

    def link(m: re.Match[str]) -> str:
        target, label = m.groups()
        clean = target.strip().lstrip(":").replace("_", " ").strip()
        if label is None:
            shown = clean
        elif label == "":
            shown = _PIPE_TRICK.sub("", clean.split(":", 1)[-1])
        else:
            shown = label
        if clean and clean[0] != "#":
            links.append(clean)
            shown_links.append((shown, clean))
        return shown

    return link


_SPECIAL = re.compile(r"[\[\]'<&_\x7f\n\t(*#:;\u00a0\u2009\u202f]")
#: The pipe trick: ``[[Paris (France)|]]`` shows "Paris" (and ``[[w:Paris|]]`` too).
_PIPE_TRICK = re.compile(r"(?<!\s)\s*\([^()]*\)$")


def finish(text: str, ctx: Ctx, *, value: bool = True) -> str:
    """Links to text, markup and tags out, whitespace tidied (templates already expanded)."""
    if not _SPECIAL.search(text) and "  " not in text:
        return text.strip()
    return _finish_markup(text, ctx, value)


def _finish_markup(text: str, ctx: Ctx, value: bool) -> str:
    """:func:`finish` of a text that holds markup or a double space."""
    if "[[" in text:
        text = drop_namespaced(text)
        text = _LINK.sub(_link_collector(ctx) if ctx.keep_links else _link_text, text)
    if "[" in text:
        text = _EXTLINK.sub(lambda m: m.group(2) or "", text)
    if "''" in text:
        text = drop_quotes(text)
    if "<" in text:
        text = _INCLUDEONLY.sub("", text)
        text = _BR.sub("\n", text)
        text = _HTML.sub("", text)
    if "__" in text:
        text = _MAGIC.sub("", text)
    if scan.MARK in text:
        text = scan.unmask(text, ctx.tags)
    if "&" in text:
        text = html.unescape(text)
    if "*" in text or "#" in text or ":" in text or ";" in text:
        text = drop_list_marks(text)
    if "  " in text or "\t" in text or "\u00a0" in text or "\u2009" in text or "\u202f" in text:
        text = fold_blanks(text)
    if "(" in text and (_OPEN_PAREN_HINT.search(text) or _CLOSE_PAREN_HINT.search(text)):
        if _paren_junk_hint(text):
            text = _PAREN_JUNK.sub(lambda m: "(" if "(" in m.group() else ")", text)
        text = _EMPTY_PAREN.sub("", text)
    return tidy_lines(text, value)


def tidy_lines(text: str, value: bool) -> str:
    """Every line stripped; ``value``: blank lines out, else one blank line between paragraphs
    and none at the ends (joins and a literal-prefix pattern, no Python step per line)."""
    if "\n" not in text:
        return text.strip()  # one line (most values): what either branch below gives it
    lines = [line.strip() for line in text.split("\n")]
    if value:
        return "\n".join(filter(None, lines))
    text = "\n".join(lines).strip("\n")
    return _BLANK_LINES.sub("\n\n", text) if "\n\n\n" in text else text


#: Where either parenthesis clean-up can match: ``\( ?[;,]`` or ``[;,] ?\)`` (``_PAREN_JUNK``
#: without its optional outer spaces) or ``\( ?\)`` (``_EMPTY_PAREN``), as two patterns that
#: start with a literal (the engine skips to it; a pattern starting with a set or with
#: branches tries every position, and eight substring scans cost three times these two).
_OPEN_PAREN_HINT = re.compile(r"\( ?[;,)]")
_CLOSE_PAREN_HINT = re.compile(r"\)(?:(?<=[;,]\))|(?<=[;,] \)))")


def _paren_junk_hint(text: str) -> bool:
    """Whether ``_PAREN_JUNK`` can match: what ``\\( ?[;,]|[;,] ?\\)`` finds, as substring tests
    (``in`` beats a regex scan, and the pattern's leading optional space makes it try every position)."""
    return ("(;" in text or "(," in text or "( ;" in text or "( ," in text or ";)" in text or ",)" in text
            or "; )" in text or ", )" in text)
