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
_NS_FILE = re.compile(r"\[\[\s*:?\s*(?:" + "|".join(re.escape(n) for n in FILE_NS) + r")\s*:", re.I)
_CATEGORY = re.compile(
    r"\[\[\s*(?:" + "|".join(re.escape(n) for n in CATEGORY_NS) + r")\s*:\s*([^\[\]|\n]*)(?:\|[^\[\]\n]*)?\]\]",
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
#: Only runs that need changing (two or more blanks, or a tab / no-break space),
#: not every single space: substituting each space cost a third of the reader's time.
_HSPACE = re.compile(r"[ \t\u00a0\u2009\u202f]{2,}|[\t\u00a0\u2009\u202f]")
#: The same substitution, faster: every branch starts at a run's first character
#: (a run of two or more blanks, or one that is not a plain space), so the engine
#: rejects an ordinary single space without trying a repeat.
_HSPACE_FAST = re.compile(
    r"[\t\u00a0\u2009\u202f][ \t\u00a0\u2009\u202f]*|  [ \t\u00a0\u2009\u202f]*"
    r"| (?=[\t\u00a0\u2009\u202f])[ \t\u00a0\u2009\u202f]+"
)
#: Cheap test for _PAREN_JUNK (whose leading optional space makes it try every position):
#: what ``\( ?[;,]|[;,] ?\)`` matches, as plain substrings (``in`` beats a regex scan).
_PAREN_PAIRS = ("(;", "(,", "( ;", "( ,", ";)", ",)", "; )", ", )")
_LIST_MARK = re.compile(r"^[ \t]*[*#:;]+[ \t]*", re.M)
_PAREN_JUNK = re.compile(r"\( ?[;,] ?| ?[;,] ?\)")
_EMPTY_PAREN = re.compile(r"\( ?\)")


@dataclass
class Ctx:
    """Shared state while rendering one page: its cut-out tags and the links seen."""

    tags: list[scan.Tag] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    #: (text shown, target) of every link rendered, in order (the lead's give its places' page names).
    shown_links: list[tuple[str, str]] = field(default_factory=list)
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
        self.depth += 1
        try:
            out: list[str] = []
            pos = 0
            for a, b in spans:
                out.append(text[pos:a])
                out.append(self.call(scan.parse_template(text, a, b)))
                pos = b
            out.append(text[pos:])
            return "".join(out)
        finally:
            self.depth -= 1

    def call(self, tpl: scan.Template) -> str:
        """What one template displays ("" when unknown, unless ``on_unknown`` says otherwise)."""
        handler = self.handlers.get(tpl.key)
        if handler is None:
            for prefix, h in self.prefix_handlers:
                if tpl.key.startswith(prefix):
                    handler = h
                    break
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
        return finish(self.expand(text), self, value=value)


def drop_files(text: str) -> str:
    """Remove ``[[File:...]]`` links, captions (with their nested links) included."""
    if "[[" not in text:
        return text
    out: list[str] = []
    pos = 0
    for m in _NS_FILE.finditer(text):
        if m.start() < pos:
            continue
        end = scan.match_link(text, m.start())
        if end < 0:
            nl = text.find("\n", m.start())
            end = len(text) if nl < 0 else nl
        out.append(text[pos:m.start()])
        pos = end
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


_SPECIAL = re.compile(r"[\[\]'<&_\x7f\n\t(*#:;\u00a0\u2009\u202f]")


def finish(text: str, ctx: Ctx, *, value: bool = True) -> str:
    """Links to text, markup and tags out, whitespace tidied (templates already expanded)."""
    if not _SPECIAL.search(text) and "  " not in text:
        return text.strip()
    if "[[" in text:
        text = drop_files(text)
        text = _CATEGORY.sub("", text)
        text = _INTERWIKI.sub("", text)

        def link(m: re.Match[str]) -> str:
            target = m.group(1).strip()
            label = m.group(2)
            clean = target.lstrip(":").replace("_", " ").strip()
            if clean and not clean.startswith("#"):
                ctx.links.append(clean)
            if label is None:
                shown = clean
            elif label == "":
                shown = re.sub(r"(?<!\s)\s*\([^()]*\)$", "", clean.split(":", 1)[-1])
            else:
                shown = label
            if clean and not clean.startswith("#"):
                ctx.shown_links.append((shown, clean))
            return shown

        text = _LINK.sub(link, text)
    if "[" in text:
        text = _EXTLINK.sub(lambda m: m.group(2) or "", text)
    if "''" in text:
        text = _QUOTES.sub(_quotes, text)
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
        text = _LIST_MARK.sub("", text)
    if "  " in text or "\t" in text or "\u00a0" in text or "\u2009" in text or "\u202f" in text:
        text = _HSPACE_FAST.sub(" ", text)
    if "(" in text:
        if any(pair in text for pair in _PAREN_PAIRS):
            text = _PAREN_JUNK.sub(lambda m: "(" if "(" in m.group() else ")", text)
        text = _EMPTY_PAREN.sub("", text)
    lines = [line.strip() for line in text.split("\n")]
    if value:
        return "\n".join(line for line in lines if line)
    out: list[str] = []
    blank = False
    for line in lines:
        if not line:
            blank = bool(out)
            continue
        if blank:
            out.append("")
            blank = False
        out.append(line)
    return "\n".join(out)
