"""What common templates display, as plain text.

Dates render as ISO text ("1942-11-20", "2005-05", "1970") keeping exactly
the precision the template was given, so :mod:`bioparse.dates` reads them
without guessing; BC years render as "12 July 100 BC" because negative ISO
years are read differently by different tools.  List templates render one
item per line.  A template not listed here displays nothing.

Date templates are data: every language's ``date_templates.json`` names its
birth/death/date templates with their parameter order (see
docs/languages.md); a template whose name looks like a date template
(``date_words``) but is not listed displays its first parameters as written
and leaves a warning on the Document, never silence.
"""

from __future__ import annotations

import functools
import re
from typing import Callable

from ... import lang
from ...dates.lexicon import fold, lexicon
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
    word = text.strip().lower().rstrip(".")
    return _MONTH_NUM.get(word) or lexicon().months.get(fold(word))


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


def _ymd(t: scan.Template, first: int = 1) -> tuple[str | None, str | None, str | None]:
    pos = t.positional()[first - 1:]
    year = t.get("year") or (pos[0] if pos else None)
    month = t.get("month") or (pos[1] if len(pos) > 1 else None)
    day = t.get("day") or (pos[2] if len(pos) > 2 else None)
    return year, month, day


def _date(t: scan.Template, ctx: Ctx, first: int = 1) -> str:
    year, month, day = _ymd(t, first)
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


def _day_month_year(t: scan.Template, ctx: Ctx, first: int = 1) -> str:
    """fr/es style {{Date de décès|21|septembre|1936|11|novembre|1866}}: the first date only."""
    pos = [ctx.expand(p) for p in t.positional()[first - 1:first + 2]]
    if len(pos) == 1:
        pos = pos[0].split()[:3]  # {{date de naissance|17 11 1994}}
    if len(pos) == 3 and _month(pos[1]) is not None and _int(pos[2]) is not None:
        return date_text(pos[2], pos[1], pos[0])  # 17|11|1994, 21|septembre|1936, 1|1|-711
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


def _join_pairs(t: scan.Template, ctx: Ctx) -> str:
    """zh {{bd|1959年|9月15日|2000年|1月1日}}: birth (1+2) and death (3+4) as a range."""
    pos = [ctx.expand(p).strip() for p in t.positional()]
    birth = "".join(pos[:2])
    death = "".join(pos[2:4])
    if death:
        return f"{birth}－{death}"
    # a living person's call prints the birth with an open dash, which is what says "born"
    return f"{birth}－" if birth else ""


def _birth_death_age(t: scan.Template, ctx: Ctx) -> str:
    """{{BirthDeathAge|B|1976|1|1|2007|1|1}}: "B" first shows the birth date, else the death date."""
    pos = t.positional()
    if not pos:
        return ""
    if _int(pos[0]) is not None:
        pos = ["", *pos]  # the flag left out: {{BirthDeathAge|1976|1|1|2007|1|1}}
    flag = pos[0].strip().upper()
    parts = pos[1:4] if flag == "B" else pos[4:7]
    parts = [p if p.strip() not in ("", "{{^}}") else "" for p in parts] + ["", "", ""]
    return date_text(parts[0], parts[1] or None, parts[2] or None)


def _date_at(first: int, t: scan.Template, ctx: Ctx) -> str:
    """The ``ymd`` shape from parameter ``first`` on (bound with functools.partial: mypyc compiles
    no lambda that returns a lambda)."""
    return _date(t, ctx, first)


def _dmy_at(first: int, t: scan.Template, ctx: Ctx) -> str:
    """The ``dmy`` shape from parameter ``first`` on."""
    return _day_month_year(t, ctx, first)


#: Date template shapes a language file may name (docs/languages.md, "Date templates").
_SHAPES: dict[str, Callable[[int], Handler]] = {
    "ymd": lambda first: functools.partial(_date_at, first),
    "dmy": lambda first: functools.partial(_dmy_at, first),
    "year": lambda first: _year,
    "text": lambda first: _first,
    "dts": lambda first: _dts,
    "old_style": lambda first: _old_style,
    "old_style_dy": lambda first: _old_style_dy,
    "old_style_ny": lambda first: _old_style_ny,
    "join_pairs": lambda first: _join_pairs,
    "birth_death_age": lambda first: _birth_death_age,
}


def date_templates() -> dict[str, Handler]:
    """Template key -> handler for every language's date templates (first language listing a name wins)."""
    out: dict[str, Handler] = {}
    wrapped: list[tuple[str, Handler, str, str]] = []
    tables = lang.table("date_templates")
    for code in sorted(tables, key=lambda c: (c != "en", c)):
        for spec in tables[code].get("templates", []):
            make = _SHAPES.get(spec.get("shape", ""))
            if make is None:
                raise ValueError(f"{code}/date_templates.json: unknown shape {spec.get('shape')!r}")
            handler = make(int(spec.get("first", 1)))
            wrap = spec.get("wrap")
            for name in spec.get("names", []):
                if wrap:
                    wrapped.append((name, handler, wrap[0], wrap[1]))
                else:
                    out.setdefault(scan.normalize_name(name), handler)
    for name, handler, left, right in wrapped:
        # a page whose name differs from another's only past the first letter's case (zh {{BD}}
        # prints its own brackets, {{bd}} does not): calls written so wrap what the shape prints
        key = scan.normalize_name(name)
        out[key] = _wrapped(name, handler, out.get(key), left, right)
    return out


def _wrapped(name: str, handler: Handler, other: Handler | None, left: str, right: str) -> Handler:
    """``handler`` wrapped in ``left``/``right`` for calls written ``name`` (MediaWiki matches a
    title's first letter in either case, the rest as written); other spellings go to ``other``."""
    want = " ".join(name.replace("_", " ").split())

    def handle(t: scan.Template, ctx: Ctx) -> str:
        written = " ".join(t.name.replace("_", " ").split())
        if written[:1].lower() == want[:1].lower() and written[1:] == want[1:]:
            text = handler(t, ctx)
            return f"{left}{text}{right}" if text else ""
        return (other or handler)(t, ctx)

    return handle


@functools.lru_cache(maxsize=1)
def _date_like() -> tuple[re.Pattern[str], frozenset[str]]:
    tables = lang.table("date_templates")
    words: set[str] = set()
    ignore: set[str] = set()
    for data in tables.values():
        words.update(w.lower() for w in data.get("date_words", []))
        ignore.update(scan.normalize_name(n) for n in data.get("not_dates", []))
    # "^data": only at the start of the name ("data de nascimento", not "covid-19 data").
    anchored = sorted((w[1:] for w in words if w.startswith("^")), key=len, reverse=True)
    words = {w for w in words if not w.startswith("^")}
    latin = sorted((w for w in words if w.isascii()), key=len, reverse=True)
    other = sorted((w for w in words if not w.isascii()), key=len, reverse=True)
    parts = []
    if anchored:
        parts.append(r"^(?:" + "|".join(map(re.escape, anchored)) + r")(?![^\W\d_])")
    if latin:
        parts.append(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, latin)) + r")(?![^\W\d_])")
    if other:
        parts.append("(?:" + "|".join(map(re.escape, other)) + ")")
    return re.compile("|".join(parts) or "(?!)"), frozenset(ignore)


@functools.lru_cache(maxsize=8192)  # template names repeat from page to page
def looks_like_date(key: str) -> bool:
    """True for a template name made of a language's date words ("date de naissance", "生年月日")."""
    pattern, ignore = _date_like()
    return key not in ignore and key not in HANDLERS and pattern.search(key) is not None


def _unknown(t: scan.Template, ctx: Ctx) -> str:
    """An unlisted template: nothing, unless it looks like a date template (then warn, show its parts)."""
    if not looks_like_date(t.key):
        return ""
    message = f"unknown date template {{{{{t.name.strip()}}}}}: its parameters are shown as written"
    if ctx.warnings is not None and message not in ctx.warnings:
        ctx.warnings.append(message)
    parts = [ctx.expand(p).strip() for p in t.positional()[:3]]
    return " ".join(p for p in parts if p)


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


def _first_arg(t: scan.Template, names: list[str]) -> str:
    for name in names:
        value = t.get(name)
        if value:
            return value
    return ""


def _link_template(spec: dict[str, list[str]]) -> Handler:
    """An interlanguage-link template ({{ill}}, {{link-en}}, {{tsl}}, {{仮リンク}}, {{Lien}}):
    its display text, linked to its local target so the link is kept like ``[[target|text]]``."""
    display_args = list(spec.get("display", ["1"]))
    target_args = list(spec.get("target", ["1"]))

    def handler(t: scan.Template, ctx: Ctx) -> str:
        text = ctx.expand(_first_arg(t, display_args))
        target = _first_arg(t, target_args)
        if not text:
            text = ctx.expand(target)
        if not text:
            return ""
        if target and "[[" not in text and "[[" not in target:
            return f"[[{target}|{text}]]"
        return text

    return handler


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


HANDLERS.update(date_templates())
_register(_first, "nowrap", "nobr", "nowr", "awrap", "small", "smaller", "big", "larger", "center",
          "centre", "midsize", "avoid wrap", "nobold", "noitalic", "no italic", "abbr",
          "abbrlink", "flag", "flagcountry", "flagu", "flag country", "flagcountry",
          "small caps", "sc", "smallcaps", "sup", "sub", "tooltip", "keypress", "nihongo",
          "cquote", "pull quote", "ubl item", "text", "notatypo", "not a typo", "proper name",
          "nowrap begin", "mvar", "math", "lang-en", "transl", "nbay", "linktext", "cvt",
          "c-span", "hlist item", "ruby", "script")
_register(_second, "native name", "native phrase", "color", "colour", "font color", "sort",
          "lang", "langx")
_register(_last, "resize", "transliteration", "audio", "longitem")
_register(_items, "ubl", "unbulleted list", "ublist", "ubil", "unbullet", "hlist", "bulleted list",
          "blist", "bulletlist", "bulleted", "ordered list", "olist", "br list", "br separated entries",
          "indented plainlist", "unbulleted indent list", "pagelist", "enum", "bare list")
_register(_plainlist, "plainlist", "plain list", "flatlist", "flat list", "startflatlist",
          "startplainlist")
_register(_collapsible, "collapsible list", "collapsible-list", "clist", "hidden")
_register(_invoked_list, "#invoke:collapsible list")
_register(_join, "sic", "sic?")
_register(_prefixed("c. "), "circa", "c.", "ca.", "ca", "c", "approx.")
_register(_prefixed("fl. "), "fl.", "floruit", "fl")
_register(_prefixed("r. "), "reign", "r.")
_register(_prefixed("b. "), "b.", "born")
_register(_prefixed("d. "), "d.", "died")
_register(_marriage, "marriage", "marr", "married")
_register(_convert, "convert", "cvt")
_register(_url, "url", "official url")
_register(_ushr, "ushr")
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


#: Interlanguage-link templates, from every language's ``templates.json`` (``link_templates``:
#: name -> which argument is the display text and which the local target).
for _name, _spec in lang.merged_map("templates", "link_templates").items():
    HANDLERS[scan.normalize_name(_name)] = _link_template(_spec)
for _prefix, _spec in lang.merged_map("templates", "link_template_prefixes").items():
    PREFIX_HANDLERS.append((scan.normalize_name(_prefix), _link_template(_spec)))


def install(ctx: Ctx) -> Ctx:
    """Give ``ctx`` the handlers above."""
    ctx.handlers = HANDLERS
    ctx.prefix_handlers = PREFIX_HANDLERS
    ctx.on_unknown = _unknown
    return ctx


_LOCAL_DATE = re.compile(r"\b(\d{1,2})\.?\s+(?:de\s+)?([^\W\d_]{3,12})\.?\s+(?:de\s+)?(\d{1,4})\b")
_FIRST = re.compile(r"\b1(?:º|°|er|o)\b")


def english_months(text: str) -> str:
    """ "22. Februar 1788" / "22 febbraio 1788" -> "22 February 1788" (other text unchanged).

    Month names of every language come from ``dates.json`` (:mod:`bioparse.dates.lexicon`).
    """
    text = _FIRST.sub("1", text)

    def repl(m: re.Match[str]) -> str:
        word = m.group(2).lower()
        month = _MONTH_NUM.get(word) or lexicon().months.get(fold(word))
        if month is None:
            return m.group()
        return f"{int(m.group(1))} {MONTHS[month - 1]} {m.group(3)}"

    return _LOCAL_DATE.sub(repl, text)
