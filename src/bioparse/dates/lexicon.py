"""Date vocabulary of every language, built once from ``lang/data/<code>/dates.json``.

The English month names feed the fast English patterns directly.  Every
other language is handled by :func:`localize`, which rewrites the words a
date is made of (month names in any case, era markers, ordinal suffixes,
joiners such as Spanish "de", year words such as Russian "г.", CJK markers,
Japanese regnal eras, Russian dual dates) into the English forms the
patterns read: "1er mai 1920" -> "1 May 1920", "20 π.Χ." -> "20 BC",
"5 (17) мая 1799" -> "17 May 1799 [O.S. 5 May]".  A string without such
words is returned unchanged after one token scan, so English pays almost
nothing for the world's languages.

A word that names different months in different languages means the month
most of those languages give it (Polish and Czech "listopad" is November,
Croatian October; Croatian data says ``"yield_months": true``, so its words
count half); on a tie it is left out (see :func:`ambiguous_months`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from .. import lang

__all__ = ["ENGLISH_MONTHS", "Lexicon", "ambiguous_months", "fold", "lexicon", "localize"]

ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")

#: Month words of other languages that are everyday English words: never localized.
_ENGLISH_WORDS = frozenset({"see", "set", "den", "man", "men", "mar", "tot", "mei", "jun", "dec", "nov"})

# Digits of other scripts -> ASCII (one character each, so lengths are kept).
_DIGITS = str.maketrans({
    **{chr(0xFF10 + i): str(i) for i in range(10)},  # fullwidth
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian
    **{chr(0x0966 + i): str(i) for i in range(10)},  # Devanagari
    **{chr(0x0CE6 + i): str(i) for i in range(10)},  # Kannada
    "\u066b": ".", "\u066c": ",",
})
_NON_ASCII_DIGIT = re.compile(r"[\uff10-\uff19\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u0ce6-\u0cef]")
_TOKEN = re.compile(r"[^\W\d_][^\W\d_'’\u0300-\u036f\u0900-\u0dff]{0,30}")
_NO_SPACE_SCRIPT = re.compile(r"^[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef~\-–—]+$")


def fold(word: str) -> str:
    """Case- and accent-insensitive key of a word ("Μαΐου" -> "μαιου", "Février" -> "fevrier")."""
    word = word.casefold().rstrip(".")
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _flex(phrase: str) -> str:
    """Regex for a written phrase: spaces optional ("v.Chr." = "v. Chr."), a final dot optional."""
    parts = [re.escape(p) for p in phrase.split()]
    body = r"\s{0,2}".join(parts)
    if body.endswith(r"\."):
        body += "?"
    return body


def _alternation(words: list[str]) -> str:
    """Regex alternation of written phrases, longest first."""
    return "|".join(_flex(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Lexicon:
    """Typed views of every language's ``dates`` aspect."""

    english: dict[str, int]
    months: dict[str, int]
    joiners: frozenset[str]
    phrase_kind: dict[str, str]
    #: Century words of every language but English ("siècle", "Jahrhundert", "век", "世紀").
    century_words: tuple[str, ...]
    century_tokens: frozenset[str]
    #: The first word of every era marker ("av", "π", "до"): only then are eras looked for.
    era_tokens: frozenset[str]
    #: First word -> (whole phrase, month) of month names written in two words (Arabic "كانون الثاني").
    multi_months: dict[str, list[tuple[str, int]]]
    ordinals: frozenset[str]
    year_word_re: re.Pattern[str] | None
    cjk_re: re.Pattern[str]
    regnal: dict[str, int]
    regnal_re: re.Pattern[str] | None
    circa_words: tuple[str, ...]
    circa_after_re: re.Pattern[str] | None
    to_words: tuple[str, ...]
    bare_to_words: tuple[str, ...]
    from_words: tuple[str, ...]
    since_words: tuple[str, ...]
    present_words: tuple[str, ...]
    julian_until: dict[str, str] = field(default_factory=dict)
    ambiguous: tuple[str, ...] = ()
    #: Joiners glued to the month by an apostrophe (Catalan, Asturian "d'"), both apostrophes.
    elided: tuple[str, ...] = ()
    #: First words (lower case) of the month phrases in ``multi_months``: only then are phrases looked for.
    multi_first: frozenset[str] = frozenset()
    #: Day numbers written as words (Arabic "سبعة" = 7), folded word -> day; read only before a month.
    day_words: dict[str, int] = field(default_factory=dict)
    #: Words written before a day, month or year number (Vietnamese "ngày 8 tháng 8 năm 1991"),
    #: one pattern, None when no language has them; the month prefix turns its number into a month.
    prefix_re: re.Pattern[str] | None = None
    prefix_tokens: frozenset[str] = frozenset()
    month_prefixes: tuple[str, ...] = ()
    #: Per language: folded month word -> month, for a page whose wiki is known (its words win ties).
    own_months: dict[str, dict[str, int]] = field(default_factory=dict)
    #: Lower-case forms (as written and folded) of every month word and joiner: a cheap first test.
    quick: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The merged tables (built once, on first use)."""
    data = lang.table("dates")
    english: dict[str, int] = {}
    for number, forms in enumerate(data.get("en", {}).get("months", []), start=1):
        for word in forms:
            english[word.lower()] = number

    seen: dict[str, dict[int, int]] = {}
    raw_forms: set[str] = set()
    phrases: dict[str, str] = {}
    for code, aspect in data.items():
        for number, forms in enumerate(aspect.get("months", []), start=1):
            for word in forms:
                if " " in word:
                    phrases[word] = f"month:{number}"
                else:
                    if code != "en":
                        raw_forms.add(word.lower())
                    votes = seen.setdefault(fold(word), {})
                    # a language that yields ("yield_months": hr) counts for less than any other
                    weight = 1 if aspect.get("yield_months") else 2
                    votes[number] = votes.get(number, 0) + weight
        if code == "en":
            continue
        eras = aspect.get("eras", {})
        for era in eras.get("bc", []):
            phrases.setdefault(era, "bc")
        for era in eras.get("ad", []):
            phrases.setdefault(era, "ad")
    months: dict[str, int] = {}
    ambiguous_words: list[str] = []
    for word, votes in seen.items():
        if len(word) < 3 or word in _ENGLISH_WORDS:
            continue
        ranked = sorted(votes.items(), key=lambda item: -item[1])
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            ambiguous_words.append(word)  # as many languages say one month as another
            continue
        months[word] = ranked[0][0]
    ambiguous = tuple(sorted(ambiguous_words))
    for word in list(months):
        if word in english:
            del months[word]

    phrase_kind = {_key(p): kind for p, kind in phrases.items()}
    era_tokens = frozenset(
        m.group(0) for p, kind in phrases.items() if kind in ("bc", "ad") for m in [_TOKEN.search(p)] if m
    )
    multi: dict[str, list[tuple[str, int]]] = {}
    for phrase, kind in phrases.items():
        if kind.startswith("month:"):
            multi.setdefault(phrase.split()[0].lower(), []).append((phrase.lower(), int(kind[6:])))

    def words(key: str, sub: str | None = None, *, skip_en: bool = False) -> list[str]:
        out: list[str] = []
        for code, aspect in data.items():
            if skip_en and code == "en":
                continue
            value = aspect.get(key, {} if sub else [])
            items = value.get(sub, []) if sub else value
            out.extend(w for w in items if w not in out)
        return out

    ordinals = words("ordinal_day", skip_en=True)
    ordinal_set = frozenset(o.lower() for o in ordinals) - {"."}
    year_words = words("year_words")
    year_word_re = None
    if year_words:
        # "1883.goda 10.dekabris": the dot after the year stays (it is the year's ordinal mark)
        year_word_re = re.compile(r"(?<=\d)(\.?)\s{0,2}(?:" + _alternation(year_words) + r")(?![^\W\d_])")

    numeric = [aspect["numeric"] for aspect in data.values() if "numeric" in aspect]
    ymark = "".join(sorted({n["year"] for n in numeric})) or "年"
    mmark = "".join(sorted({n["month"] for n in numeric})) or "月"
    dmark = "".join(sorted({n["day"] for n in numeric})) or "日"
    bc_prefix = words("eras", "bc_prefix")
    ad_prefix = [w for w in words("eras", "ad_prefix") if not w.isascii()]
    pre_bc = _alternation(bc_prefix) if bc_prefix else "(?!)"
    pre_ad = _alternation(ad_prefix) if ad_prefix else "(?!)"
    cjk_re = re.compile(
        rf"(?:(?P<bc>{pre_bc})|(?P<ad>{pre_ad}))?\s?(?P<year>\d{{1,4}})\s?[{ymark}]"
        rf"(?:\s?(?P<month>\d{{1,2}})\s?[{mmark}](?:\s?(?P<day>\d{{1,2}})\s?[{dmark}])?)?"
    )
    regnal: dict[str, int] = {}
    for aspect in data.values():
        regnal.update(aspect.get("regnal_eras", {}))
    regnal_re = None
    if regnal:
        regnal_re = re.compile(
            "(?P<era>" + "|".join(map(re.escape, regnal)) + r")\s?(?P<n>\d{1,2}|元)\s?(?=[" + ymark + "])"
        )

    day_words: dict[str, int] = {}
    for aspect in data.values():
        for number, forms in enumerate(aspect.get("day_words", []), start=1):
            for word in forms:
                day_words.setdefault(fold(word), number)
    prefixes = {kind: words("numeric_prefix", kind) for kind in ("day", "month", "year")}
    prefix_re = None
    if any(prefixes.values()):
        def alt(kind: str) -> str:
            return "|".join(re.escape(w) for w in sorted(prefixes[kind], key=len, reverse=True)) or "(?!)"
        prefix_re = re.compile(
            rf"(?<![^\W\d_])(?:(?P<mword>{alt('month')})\s{{0,2}}(?P<m>1[0-2]|0?[1-9])(?=\d{{4}}(?!\d)|(?!\d))"
            rf"|(?P<yword>{alt('year')})\s{{0,2}}(?=\d{{1,4}}(?!\d))"
            rf"|(?P<dword>{alt('day')})\s{{0,2}}(?=\d{{1,2}}(?!\d)))",
            re.IGNORECASE,
        )
    own_months: dict[str, dict[str, int]] = {}
    for code, aspect in data.items():
        own = {fold(w): n for n, forms in enumerate(aspect.get("months", []), start=1) for w in forms if " " not in w}
        if own and code != "en":
            own_months[code] = own
    circa_after = words("circa_after")
    to_words = words("range", "to")
    julian_until = {code: a["calendar"]["julian_until"] for code, a in data.items()
                    if isinstance(a.get("calendar"), dict) and "julian_until" in a["calendar"]}
    return Lexicon(
        english=english,
        months=months,
        joiners=frozenset(fold(w) for w in words("joiners")),
        phrase_kind=phrase_kind,
        century_words=tuple(words("century", skip_en=True)),
        century_tokens=frozenset(
            m.group(0).lower() for w in words("century", skip_en=True) for m in [_TOKEN.search(w)] if m
        ),
        era_tokens=era_tokens,
        multi_months=multi,
        ordinals=ordinal_set,
        year_word_re=year_word_re,
        cjk_re=cjk_re,
        regnal=regnal,
        regnal_re=regnal_re,
        circa_words=tuple(words("circa")),
        circa_after_re=re.compile(r"(?<=[\d年])\s?(?:" + _alternation(circa_after) + ")") if circa_after else None,
        to_words=tuple(w for w in to_words if not _NO_SPACE_SCRIPT.match(w)),
        bare_to_words=tuple(w for w in to_words if _NO_SPACE_SCRIPT.match(w)),
        from_words=tuple(words("range", "from")),
        since_words=tuple(words("range", "since")),
        present_words=tuple(words("present")),
        julian_until=julian_until,
        ambiguous=ambiguous,
        multi_first=frozenset(multi),
        elided=tuple(
            form for j in words("joiners") if j.endswith(("'", "’"))
            for form in {j.lower().replace("’", "'"), j.lower().replace("'", "’")}
        ),
        day_words=day_words,
        prefix_re=prefix_re,
        prefix_tokens=frozenset(w.lower() for kind in prefixes.values() for w in kind),
        month_prefixes=tuple(w.lower() for w in prefixes["month"]),
        own_months=own_months,
        quick=frozenset(months) | frozenset(raw_forms - set(english)) | frozenset(fold(w) for w in words("joiners")),
    )


_KEY_DROP = str.maketrans("", "", " .\t\n\u00a0")


def _key(phrase: str) -> str:
    """A phrase without its spaces and dots: "v. Chr." and "v.Chr." are one marker."""
    return phrase.translate(_KEY_DROP)


def ambiguous_months() -> tuple[str, ...]:
    """Words that name different months in equally many languages (left out of the table)."""
    return lexicon().ambiguous


# Russian-style dual dates: "5 (17) May 1799", "21 December 1799 (1 January 1800)".
_MON_EN = "|".join(ENGLISH_MONTHS)
_DUAL_DAY_RE = re.compile(
    rf"(?P<a>\d{{1,2}})\s{{0,2}}\((?P<b>\d{{1,2}})\)\s{{0,2}}(?P<m>{_MON_EN})\s{{1,2}}(?P<y>\d{{3,4}})"
)
_DUAL_MONTH_RE = re.compile(
    rf"(?P<a>\d{{1,2}})\s{{1,2}}(?P<am>{_MON_EN})\s{{0,2}}\((?P<b>\d{{1,2}})\s{{1,2}}(?P<bm>{_MON_EN})\)"
    rf"\s{{0,2}}(?P<y>\d{{3,4}})"
)
_DUAL_YEAR_RE = re.compile(
    rf"(?P<a>\d{{1,2}}\s{{1,2}}(?:{_MON_EN})\s{{1,2}}\d{{3,4}})\s{{0,2}}"
    rf"\((?P<b>\d{{1,2}}\s{{1,2}}(?:{_MON_EN})\s{{1,2}}\d{{3,4}})\)"
)
_NEAR_DIGIT = 4


def localize(text: str, lang: str | None = None) -> str:
    """English-shaped date text from any language's ("1er mai 1920" -> "1 May 1920").

    Only words next to a number (or to another date word) change, so a place
    such as "County Mayo" or "Rio de Janeiro" is left as written.  ``lang``,
    the wiki's language when known, makes that language's month words win
    over another language's reading of the same word (hrwiki "listopad" is
    October, plwiki's November).
    """
    ascii_text = text.isascii()
    if not ascii_text and _NON_ASCII_DIGIT.search(text):
        text = text.translate(_DIGITS)
    lex = lexicon()
    if lex.regnal_re is not None and not ascii_text and lex.regnal_re.search(text):
        text = lex.regnal_re.sub(lambda m: _regnal_year(lex, m), text)
    words = _TOKEN.findall(text)
    lowered = {w.lower() for w in words}
    if not lex.century_tokens.isdisjoint(lowered):
        text = _century_re().sub(_century, text)  # "XX secolo" -> "20th century"
    if not _ANY_DIGIT.search(text):
        return text  # every other date word this rewrites sits next to a number
    if lex.prefix_re is not None and not lex.prefix_tokens.isdisjoint(lowered):
        text = _prefixed(text, lex)  # "23 tháng 11 năm 1922" -> "23 November  1922"
        words = _TOKEN.findall(text)
        lowered = {w.lower() for w in words}
    if lex.ordinals and _SUFFIXED_NUMBER.search(text):
        text = _ORDINAL.sub(lambda m: m.group(1) if m.group(2).lower() in lex.ordinals else m.group(0), text)
    edits: list[tuple[int, int, str]] = []
    if not lex.era_tokens.isdisjoint(words):
        _era_edits(text, lex, edits)
    if lex.multi_months and not lex.multi_first.isdisjoint(lowered):
        _multi_month_edits(text, lex, edits)  # phrases first: "sulu mieness", "كانون الثاني"
    months = _months_for(lang) if lang else lex.months
    if any(w.lower() in lex.quick or (not w.isascii() and _fold_cached(w) in months) for w in words):
        _words_edits(text, lex, edits, months)
    if edits:
        text = _apply(text, edits)
    if lex.year_word_re is not None and (edits or not text.isascii()):
        text = lex.year_word_re.sub(r"\1", text)
    if "(" in text and _PAREN_DAY.search(text):
        text = _dual_dates(text)
    return text


@functools.lru_cache(maxsize=64)
def _months_for(lang: str) -> dict[str, int]:
    """Every language's month words, the given language's own readings winning."""
    lex = lexicon()
    own = lex.own_months.get(lang.split("-")[0].lower())
    if not own:
        return lex.months
    merged = dict(lex.months)
    merged.update({w: n for w, n in own.items() if len(w) >= 3 and w not in lex.english})
    return merged


def _prefixed(text: str, lex: Lexicon) -> str:
    """Vietnamese-style prefixes: "tháng 11" -> "November", "năm 1922" -> "1922", "ngày 8" -> "8".

    A month number glued to its year ("tháng 111922", the space lost in rendering) is split
    before the last four digits.  A year word right after a month word is itself the month's
    name ("tháng năm" is May) and stays for the month phrases.
    """
    assert lex.prefix_re is not None

    def one(match: re.Match[str]) -> str:
        if match.group("mword"):
            name = ENGLISH_MONTHS[int(match.group("m")) - 1]
            after = text[match.end():match.end() + 1]
            return f"{name} " if after.isdigit() else name
        if match.group("yword"):
            before = text[max(0, match.start() - 12):match.start()].rstrip().lower()
            if before.endswith(lex.month_prefixes):
                return match.group(0)
        return ""

    return lex.prefix_re.sub(one, text)


_CHUNK = re.compile(r"\S{1,16}")


def _era_edits(text: str, lex: Lexicon, edits: list[tuple[int, int, str]]) -> None:
    """Era markers right after a number ("44 av. J.-C.", "20 π.Χ.", "500 до н. э."), by table lookup."""
    for number in _AFTER_NUMBER.finditer(text):
        chunks = []
        pos = number.end()
        for _ in range(4):
            chunk = _CHUNK.match(text, pos)
            if chunk is None:
                break
            chunks.append(chunk)
            pos = chunk.end()
            while pos < len(text) and pos - chunk.end() < 2 and text[pos].isspace():
                pos += 1
        for last in reversed(chunks):
            end = last.end()
            while end > number.end() and text[end - 1] in ",;:)]":
                end -= 1
            kind = lex.phrase_kind.get(_key(text[number.end():end]))
            if kind in ("bc", "ad"):
                edits.append((number.end(), end, " BC" if kind == "bc" else " AD"))
                break


def _multi_month_edits(text: str, lex: Lexicon, edits: list[tuple[int, int, str]]) -> None:
    """Month names written in two words, next to a number ("15 كانون الثاني 1990")."""
    lower = text.lower()
    for token in _TOKEN.finditer(text):
        best: tuple[int, int] | None = None
        for phrase, month in lex.multi_months.get(token.group(0).lower(), ()):
            end = token.start() + len(phrase)
            whole = lower.startswith(phrase, token.start()) and (end == len(text) or not text[end].isalpha())
            if whole and (best is None or end > best[0]):
                best = (end, month)  # the longest phrase: "tháng mười hai", not "tháng mười"
        if best is not None and _near_digit(text, token.start(), best[0]):
            edits.append((token.start(), best[0], ENGLISH_MONTHS[best[1] - 1]))


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman(numeral: str) -> int | None:
    """1..50 from a Roman numeral ("XIV" -> 14), None when it is not one."""
    total = 0
    values = [_ROMAN.get(ch) for ch in numeral.upper()]
    if not values or None in values:
        return None
    for i, value in enumerate(values):
        assert value is not None
        nxt = values[i + 1] if i + 1 < len(values) else 0
        total += -value if nxt is not None and nxt > value else value
    return total if 0 < total <= 30 else None


@functools.lru_cache(maxsize=1)
def _century_re() -> re.Pattern[str]:
    """"20. století", "XXe siècle", "siglo XX", "XX secolo", "20世紀": a century in any language.

    Abbreviations ("s.", "Jh.", "в.") count only after a Roman numeral or a number with its
    ordinal mark, full words after any number.
    """
    words = lexicon().century_words
    full = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if not w.endswith("."))
    abbr = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if w.endswith("."))
    number = r"(?P<num>[0-3]?\d|[IVXL]{1,6})"
    ordinal = r"(?:\.|e|er|ème|-?й|-?го|ος|ο|o|º|°)?"
    parts = [rf"(?<![\w.]){number}{ordinal}\s{{0,2}}(?P<word>{full})(?![^\W\d_])"]
    if abbr:
        parts.append(rf"(?<![\w.])(?P<rnum>[IVXL]{{1,6}}|[0-3]?\d\.){ordinal}\s{{0,2}}(?P<abbr>{abbr})")
    parts.append(rf"(?<![^\W\d_])(?P<word2>{full})\s{{1,2}}(?P<num2>[IVXL]{{1,6}})(?![\w])")
    return re.compile("|".join(parts), re.IGNORECASE)


def _century(match: re.Match[str]) -> str:
    raw = match.group("num") or match.group("rnum") or match.group("num2") or ""
    raw = raw.rstrip(".")
    number = int(raw) if raw.isdigit() else _roman(raw)
    if not number:
        return match.group(0)
    return f"{number}th century"


def _words_edits(
    text: str, lex: Lexicon, edits: list[tuple[int, int, str]], months: dict[str, int] | None = None
) -> None:
    """Month words next to a number -> English names; joiners between date parts -> nothing;
    a day written as a word right before a month ("سبعة نوفمبر 1987") -> its number."""
    months = lex.months if months is None else months
    tokens = list(_TOKEN.finditer(text))
    kinds: list[str] = []
    for index, match in enumerate(tokens):
        word = _fold_cached(match.group(0))
        inside = next((new for a, b, new in edits if a <= match.start() < b), None)
        if inside is not None:
            kinds.append("month" if inside in ENGLISH_MONTHS else "word")  # a phrase already read
        elif word in months and (
            _near_digit(text, match.start(), match.end())
            or (index and kinds[-1] == "joiner" and _near_digit(text, tokens[index - 1].start(), match.start()))
        ):  # "11 de junio": the day stands before the joiner
            start = match.start()
            for elided in lex.elided:  # "1 d'agost de 1990", "16 d'avientu": the elided joiner goes too
                if text[max(0, start - len(elided)):start].lower() == elided:
                    start -= len(elided)
                    break
            edits.append((start, match.end(), ENGLISH_MONTHS[months[word] - 1]))
            kinds.append("month")
        elif word in lex.english:
            kinds.append("month")
        elif word in lex.joiners:
            kinds.append("joiner")
        elif word in lex.day_words:
            kinds.append("day")
        else:
            kinds.append("word")
    for i, match in enumerate(tokens):
        if (kinds[i] == "day" and i + 1 < len(kinds) and kinds[i + 1] == "month"
                and not text[match.end():tokens[i + 1].start()].strip()):
            edits.append((match.start(), match.end(), str(lex.day_words[_fold_cached(match.group(0))])))
    for i, match in enumerate(tokens):
        if kinds[i] != "joiner":
            continue
        before = text[tokens[i - 1].end():match.start()] if i else text[:match.start()]
        after = text[match.end(): tokens[i + 1].start()] if i + 1 < len(tokens) else text[match.end():]
        # "dic. de 1915": an abbreviated month keeps its dot
        left_ok = (i and kinds[i - 1] == "month" and not before.strip(" .")) or re.search(r"\d\s{0,2}$", before)
        right_ok = (i + 1 < len(tokens) and kinds[i + 1] == "month" and not after.strip()) or re.match(
            r"\s{0,2}\d", after
        )
        if left_ok and right_ok:
            edits.append((match.start(), match.end(), ""))


_ANY_DIGIT = re.compile(r"\d")
# A day number with a short suffix before a blank ("1er ", "1η ", "1º ", "1:a "): suffix checked in Python.
_ORDINAL = re.compile(r"(?<![\d.,])([0-3]?\d)([^\s\d]{1,3})(?=\s)")
# A number with something glued to it ("1er", "1η", "1º", "1:a"): ordinal suffixes are possible.
_SUFFIXED_NUMBER = re.compile(r"\d(?:[^\W\d_]|[º°:-]|\.º)")
# "5 (17)", "21 December 1799 (1 January": a dual date is possible.
_PAREN_DAY = re.compile(r"\(\s?\d{1,2}[\s)]")
_AFTER_NUMBER = re.compile(r"(?:\d|\bcentury)[\s\]\)]{0,3}(?=[^\W\d_])")


@functools.lru_cache(maxsize=8192)
def _fold_cached(word: str) -> str:
    return fold(word)


def _after_number(text: str, start: int) -> bool:
    """An era marker counts only right after a year ("44 av. J.-C.", "300 μ.Χ.")."""
    return re.search(r"\d[\s\]\)]{0,3}$", text[max(0, start - 6):start]) is not None


def _near_digit(text: str, start: int, end: int) -> bool:
    left = text[max(0, start - _NEAR_DIGIT):start]
    right = text[end:end + _NEAR_DIGIT + 2]
    return any(c.isdigit() for c in left) or any(c.isdigit() for c in right)


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    out: list[str] = []
    pos = 0
    for start, end, new in sorted(edits):
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(new)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _regnal_year(lex: Lexicon, match: re.Match[str]) -> str:
    """"昭和20年" -> "1945年": the first year of an era is its base year ("元年" = year 1)."""
    n = 1 if match.group("n") == "元" else int(match.group("n"))
    return str(lex.regnal[match.group("era")] + n - 1)


def _dual_dates(text: str) -> str:
    """Julian date with the Gregorian one in brackets -> Gregorian date + "[O.S. julian]"."""
    text = _DUAL_YEAR_RE.sub(lambda m: f"{m.group('b')} [O.S. {m.group('a')}]", text)
    text = _DUAL_MONTH_RE.sub(
        lambda m: f"{m.group('b')} {m.group('bm')} {m.group('y')} [O.S. {m.group('a')} {m.group('am')}]", text
    )
    return _DUAL_DAY_RE.sub(
        lambda m: f"{m.group('b')} {m.group('m')} {m.group('y')} [O.S. {m.group('a')} {m.group('m')}]", text
    )
