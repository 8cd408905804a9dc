"""What common templates display, as plain text.

Dates render as ISO text ("1942-11-20", "2005-05", "1970") keeping exactly
the precision the template was given, so :mod:`bioparse.dates` reads them
without guessing; BC years render as "12 July 100 BC" because negative ISO
years are read differently by different tools.  List templates render one
item per line.  A template not listed here displays nothing.
"""

from __future__ import annotations

import re
from typing import Callable

from . import scan
from .render import Ctx

Handler = Callable[[scan.Template, Ctx], str]

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_MONTH_NUM = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
_MONTH_NUM.update({m.lower()[:3]: i + 1 for i, m in enumerate(MONTHS)})
_MONTH_NUM["sept"] = 9
_INT = re.compile(r"^\s*(-?\d{1,4})\s*$")


def _int(text: str | None) -> int | None:
    if not text:
        return None
    m = _INT.match(text)
    return int(m.group(1)) if m else None


def _month(text: str | None) -> int | None:
    if not text:
        return None
    n = _int(text)
    if n is not None:
        return n if 1 <= n <= 12 else None
    return _MONTH_NUM.get(text.strip().lower().rstrip("."))


def date_text(year: str | None, month: str | None = None, day: str | None = None) -> str:
    """ISO text for the parts given ("1970-11", "1970"); "12 July 100 BC" for BC years.

    Parts that are not numbers fall back to the parts joined as written.
    """
    y = _int(year)
    if y is None:
        return " ".join(p.strip() for p in (day, month, year) if p and p.strip())
    m = _month(month) if month and month.strip() else None
    if month and month.strip() and m is None:
        return " ".join(p.strip() for p in (day, month, year) if p and p.strip())
    d = _int(day) if m and day and day.strip() else None
    if d is not None and not 1 <= d <= 31:
        d = None
    if y <= 0:
        bc = f"{-y if y < 0 else 1} BC"
        parts = [str(d)] if d else []
        if m:
            parts.append(MONTHS[m - 1])
        return " ".join(parts + [bc])
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _ymd(t: scan.Template) -> tuple[str | None, str | None, str | None]:
    pos = t.positional()
    year = t.get("year") or (pos[0] if pos else None)
    month = t.get("month") or (pos[1] if len(pos) > 1 else None)
    day = t.get("day") or (pos[2] if len(pos) > 2 else None)
    return year, month, day


def _date(t: scan.Template, ctx: Ctx) -> str:
    year, month, day = _ymd(t)
    year = ctx.expand(year) if year else year
    return date_text(year, month, day)


def _year(t: scan.Template, ctx: Ctx) -> str:
    pos = t.positional()
    return date_text(pos[0]) if pos else ""


def _first(t: scan.Template, ctx: Ctx) -> str:
    pos = t.positional()
    return ctx.expand(pos[0]) if pos else ""


def _second(t: scan.Template, ctx: Ctx) -> str:
    pos = t.positional()
    return ctx.expand(pos[1]) if len(pos) > 1 else ""


def _last(t: scan.Template, ctx: Ctx) -> str:
    pos = t.positional()
    return ctx.expand(pos[-1]) if pos else ""


def _join(t: scan.Template, ctx: Ctx) -> str:
    return "".join(ctx.expand(p) for p in t.positional())


def _spaced(t: scan.Template, ctx: Ctx) -> str:
    return " ".join(ctx.expand(p) for p in t.positional() if p)


def _items(t: scan.Template, ctx: Ctx) -> str:
    return "\n".join(ctx.expand(p) for p in t.positional() if p.strip())


def _const(text: str) -> Handler:
    return lambda t, ctx: text


def _prefixed(prefix: str) -> Handler:
    def handler(t: scan.Template, ctx: Ctx) -> str:
        pos = t.positional()
        return prefix + ctx.expand(pos[0]) if pos else prefix.strip()

    return handler


def _day_month_year(t: scan.Template, ctx: Ctx) -> str:
    """fr/es style {{Date de décès|21|septembre|1936|11|novembre|1866}}: the first date only."""
    pos = [ctx.expand(p) for p in t.positional()[:3]]
    if len(pos) == 1:
        pos = pos[0].split()[:3]  # {{date de naissance|17 11 1994}}
    if len(pos) == 3 and (_int(pos[1]) or 0) in range(1, 13):
        return date_text(pos[2], pos[1], pos[0])  # a numeric month: 17|11|1994
    return english_months(" ".join(p for p in pos if p))


def _dts(t: scan.Template, ctx: Ctx) -> str:
    pos = [p for p in t.positional() if p]
    if len(pos) == 1 and _int(pos[0]) is None:
        return ctx.expand(pos[0])
    return _date(t, ctx)


def _old_style(t: scan.Template, ctx: Ctx) -> str:
    pos = [ctx.expand(p) for p in t.positional()]
    if not pos:
        return ""
    new = " ".join(pos[:2])
    if len(pos) > 2 and pos[2]:
        old = pos[2]
        if not re.search(r"\d{3,4}", old):
            old = f"{old} {pos[1]}"
        return f"{new} [O.S. {old}]"
    return new


def _old_style_dy(t: scan.Template, ctx: Ctx) -> str:
    pos = [ctx.expand(p) for p in t.positional()]
    if len(pos) < 2:
        return " ".join(pos)
    if len(pos) > 2 and pos[2]:
        old = pos[2] if re.search(r"[^\d\s]", pos[2]) else f"{pos[0]} {pos[2]}"
        return f"{pos[0]} {pos[1]} [O.S. {old}]"
    return f"{pos[0]} {pos[1]}"


def _old_style_ny(t: scan.Template, ctx: Ctx) -> str:
    pos = [ctx.expand(p) for p in t.positional()]
    if len(pos) > 1 and pos[1]:
        return f"{pos[0]} [O.S. {pos[1]}]"
    return pos[0] if pos else ""


_REASONS = {"died": "died", "d": "died", "death": "died", "div": "div.", "divorced": "div.",
            "divorce": "div.", "sep": "sep.", "separated": "sep.", "annulled": "ann.",
            "ann": "ann.", "annulment": "ann.", "widowed": "died"}


def _marriage(t: scan.Template, ctx: Ctx) -> str:
    pos = t.positional()
    if not pos:
        return ""
    name = ctx.expand(pos[0])
    start = ctx.expand(pos[1]) if len(pos) > 1 else ""
    end = ctx.expand(pos[2]) if len(pos) > 2 else (t.get("end") or "")
    reason = (t.get("reason") or t.get("end") or "").strip().lower()
    if not start:
        return name
    if end and _REASONS.get(reason):
        return f"{name} (m. {start}; {_REASONS[reason]} {end})"
    if end:
        return f"{name} (m. {start}–{end})"
    return f"{name} (m. {start})"


def _convert(t: scan.Template, ctx: Ctx) -> str:
    pos = t.positional()
    if len(pos) >= 4 and pos[1] in ("-", "–", "to", "and", "or", "x", "by", "+/-"):
        sep = "–" if pos[1] in ("-", "–") else f" {pos[1]} "
        return f"{pos[0]}{sep}{pos[2]} {pos[3]}"
    return " ".join(pos[:2])


def _ushr(t: scan.Template, ctx: Ctx) -> str:
    """{{ushr|IN|4|4th}}: the district as shown ("4th")."""
    pos = t.positional()
    if len(pos) > 2 and pos[2]:
        return pos[2]
    if len(pos) > 1 and pos[1].isdigit():
        n = int(pos[1])
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return pos[1] if len(pos) > 1 else ""


def _url(t: scan.Template, ctx: Ctx) -> str:
    pos = t.positional()
    if len(pos) > 1 and pos[1]:
        return ctx.expand(pos[1])
    return ctx.expand(pos[0]) if pos else ""


def _lang(t: scan.Template, ctx: Ctx) -> str:
    pos = t.positional()
    return ctx.expand(pos[1]) if len(pos) > 1 else ""


def _ill(t: scan.Template, ctx: Ctx) -> str:
    label = t.get("lt")
    pos = t.positional()
    if label:
        return ctx.expand(label)
    return f"[[{pos[0]}]]" if pos else ""


def _lien(t: scan.Template, ctx: Ctx) -> str:
    label = t.get("texte", "trad")
    pos = t.positional()
    target = pos[0] if pos else label or ""
    return f"[[{target}|{label}]]" if label and target else f"[[{target}]]" if target else ""


def _as_of(t: scan.Template, ctx: Ctx) -> str:
    return "As of " + date_text(*_ymd(t))


def _frac(t: scan.Template, ctx: Ctx) -> str:
    pos = t.positional()
    if len(pos) == 3:
        return f"{pos[0]} {pos[1]}/{pos[2]}"
    if len(pos) == 2:
        return f"{pos[0]}/{pos[1]}"
    return f"1/{pos[0]}" if pos else ""


def _sortname(t: scan.Template, ctx: Ctx) -> str:
    pos = t.positional()
    return " ".join(ctx.expand(p) for p in pos[:2] if p)


def _quote(t: scan.Template, ctx: Ctx) -> str:
    text = t.get("text", "quote", "1")
    return ctx.expand(text) if text else ""


def _collapsible(t: scan.Template, ctx: Ctx) -> str:
    return _items(t, ctx)


def _invoked_list(t: scan.Template, ctx: Ctx) -> str:
    """``{{#invoke:collapsible list|main|...}}``: the items after the function name."""
    return "\n".join(ctx.expand(p) for p in t.positional()[1:] if p.strip())


def _plainlist(t: scan.Template, ctx: Ctx) -> str:
    body = t.get("1", "list")
    return ctx.expand(body) if body else ""


def _short_note(t: scan.Template, ctx: Ctx) -> str:
    """Harvard-style short note: "Smith & Jones 2000, p. 5"."""
    return short_note(t)


def short_note(t: scan.Template) -> str:
    """Text of an sfn/harvnb call: authors, year, then p./pp./loc."""
    pos = [p for p in t.positional() if p]
    if not pos:
        return ""
    authors, year = (pos[:-1], pos[-1]) if len(pos) > 1 else (pos, "")
    if len(authors) == 1:
        who = authors[0]
    elif len(authors) == 2:
        who = f"{authors[0]} & {authors[1]}"
    elif len(authors) == 3:
        who = f"{authors[0]}, {authors[1]} & {authors[2]}"
    else:
        who = f"{authors[0]} et al."
    text = f"{who} {year}".strip()
    page = t.get("p", "page")
    pages = t.get("pp", "pages")
    loc = t.get("loc")
    if page:
        text += f", p. {page}"
    elif pages:
        text += f", pp. {pages}"
    if loc:
        text += f", {loc}"
    return text


def _cite(t: scan.Template, ctx: Ctx) -> str:
    from .refs import cite_fields, cite_text

    return cite_text(cite_fields(t, ctx))


HANDLERS: dict[str, Handler] = {}


def _register(handler: Handler, *names: str) -> None:
    for name in names:
        HANDLERS[name] = handler


_register(_date, "birth date", "birth date and age", "bda", "b-da", "dob", "death date",
          "death date and age", "dda", "d-da", "start date", "end date", "start date and age",
          "end date and age", "death date and given age", "birth date and given age",
          "start-date", "end-date", "date and age", "film date", "release date")
_register(_year, "birth year and age", "death year and age", "birth year", "death year",
          "byaa", "start year")
_register(_first, "birth-date", "birth-date and age", "death-date", "death-date and age",
          "nowrap", "nobr", "nowr", "awrap", "small", "smaller", "big", "larger", "center",
          "centre", "midsize", "avoid wrap", "nobold", "noitalic", "no italic", "abbr",
          "abbrlink", "flag", "flagcountry", "flagu", "flag country", "flagcountry",
          "small caps", "sc", "smallcaps", "sup", "sub", "tooltip", "keypress", "nihongo",
          "cquote", "pull quote", "ubl item", "text", "notatypo", "not a typo", "proper name",
          "nowrap begin", "mvar", "math", "lang-en", "transl", "nbay", "linktext", "cvt",
          "c-span", "hlist item", "ruby", "script")
_register(_second, "native name", "native phrase", "color", "colour", "font color", "sort",
          "lang", "langx", "ill2")
_register(_last, "resize", "transliteration", "audio", "longitem")
_register(_items, "ubl", "unbulleted list", "ublist", "ubil", "unbullet", "hlist", "bulleted list",
          "blist", "bulletlist", "bulleted", "ordered list", "olist", "br list", "br separated entries",
          "indented plainlist", "unbulleted indent list", "pagelist", "enum", "bare list")
_register(_plainlist, "plainlist", "plain list", "flatlist", "flat list", "startflatlist",
          "startplainlist")
_register(_collapsible, "collapsible list", "collapsible-list", "clist", "hidden")
_register(_invoked_list, "#invoke:collapsible list")
_register(_join, "sic", "sic?")
_register(_day_month_year, "date", "date de naissance", "date de décès", "date-", "date décès",
          "date naissance", "dn", "fecha", "data", "datum", "date de mort")
_register(_dts, "dts", "dtsx", "date table sorting", "sort date", "sortdate")
_register(_old_style, "oldstyledate", "old style date", "osd", "oldstyle")
_register(_old_style_dy, "oldstyledatedy", "oldstyle dy")
_register(_old_style_ny, "oldstyledateny")
_register(_prefixed("c. "), "circa", "c.", "ca.", "ca", "c", "approx.")
_register(_prefixed("fl. "), "fl.", "floruit", "fl")
_register(_prefixed("r. "), "reign", "r.")
_register(_prefixed("b. "), "b.", "born")
_register(_prefixed("d. "), "d.", "died")
_register(_marriage, "marriage", "marr", "married")
_register(_convert, "convert", "cvt")
_register(_url, "url", "official url")
_register(_ushr, "ushr")
_register(_ill, "ill", "interlanguage link", "interlanguage link multi", "link-interwiki", "ill-wd")
_register(_lien, "lien", "link", "lang fr")
_register(_as_of, "as of")
_register(_frac, "frac", "fraction", "sfrac")
_register(_sortname, "sortname")
_register(_quote, "quote", "blockquote", "quotation", "quote box")
_register(_short_note, "harvnb", "harv", "harvp", "harvtxt", "harvcoltxt", "harvcol", "harvcolnb",
          "harvs", "sfnref")
_register(_const(" "), "nbsp", "spaces", "space", "sp", "indent")
_register(_const("–"), "ndash", "en dash", "endash", "–")
_register(_const("—"), "mdash", "em dash", "emdash", "—")
_register(_const(" – "), "snd", "spaced ndash", "spnd", "sndash", "spaced en dash", "dsp")
_register(_const(" — "), "spaced mdash", "spd")
_register(_const("'"), "'", "`")
_register(_const("'s"), "'s")
_register(_const(" · "), "·", "dot", "middot", "•", "bullet", "dot separator", "tsp")
_register(_const("|"), "!")
_register(_const("="), "=")
_register(_const("||"), "!!")
_register(_const("\n"), "br", "break")
_register(_const("a.k.a."), "aka")
_register(_const("et al."), "et al.", "etal")
_register(_cite, "citation", "cite", "vcite", "wikicite", "internetquelle", "literatur",
          "lien web", "article", "ouvrage", "cita web", "cita libro", "cita noticia",
          "cita publicación", "cita news", "cita", "citar web", "citar livro", "citar jornal",
          "webbron", "citeweb", "cite-web")

PREFIX_HANDLERS: list[tuple[str, Handler]] = [
    ("cite ", _cite),
    ("lang-", _first),
    ("cita ", _cite),
]


def install(ctx: Ctx) -> Ctx:
    """Give ``ctx`` the handlers above."""
    ctx.handlers = HANDLERS
    ctx.prefix_handlers = PREFIX_HANDLERS
    return ctx


_LOCAL_MONTHS = {
    # de
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    # it
    "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "agosto": 8, "settembre": 9, "ottobre": 10, "dicembre": 12,
    # fr
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    # es
    "enero": 1, "febrero": 2, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "septiembre": 9,
    "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    # nl / af
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8, "desember": 12, "augustus ": 8,
}
_LOCAL_DATE = re.compile(r"\b(\d{1,2})\.?\s+(?:de\s+)?([^\W\d_]{3,10})\.?\s+(?:de\s+)?(\d{1,4})\b")
_FIRST = re.compile(r"\b1(?:º|°|er|o)\b")


def english_months(text: str) -> str:
    """ "22. Februar 1788" / "22 febbraio 1788" -> "22 February 1788" (other text unchanged)."""
    text = _FIRST.sub("1", text)

    def repl(m: re.Match[str]) -> str:
        month = _LOCAL_MONTHS.get(m.group(2).lower())
        if month is None:
            return m.group()
        return f"{int(m.group(1))} {MONTHS[month - 1]} {m.group(3)}"

    return _LOCAL_DATE.sub(repl, text)
