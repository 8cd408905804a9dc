"""The lead sentence as a source of name, birth and death, in any language.

Most biographies open the same way, whatever the language: the subject's
name, then a bracket or a clause with birth and death:

* "X (born March 4, 1931, in Boston, Massachusetts) is ..."
* "X (Roma, 12 marzo 1950) è ...", "X (Madrid, 1 de enero de 1900 - Sevilla, 2 de febrero de 1980) fue ..."
* "X (* 3. Mai 1920 in Köln; † 5. Juni 1990 in Bonn) war ..."
* "X, né le 2 avril 1948 à Lyon, est ...", "X（1950年3月12日 - 2010年5月1日）は ..."

Only the subject's own facts count: the bracket must follow the name at the
start of the first paragraph about the subject, and clauses are read only up
to the end of the first sentence — a date in a later bracket belongs to
somebody or something else.

This module alone finds the subject's first sentence and its parenthesis:
:func:`lead_clause` (the name, the brackets right after it, or a "born" tail)
is what the biography decision (:mod:`bioparse.extract.biography`), the
``--people-only`` pre-check and :func:`read_lead` all build on.

The words (birth and death markers, copulas, place prepositions, articles)
are data, ``bioparse/lang/data/<code>/lead.json``, merged over every language:
a page is read without knowing its language; the words that tell a name from
a sentence (determiners) and the born/died words of a tail come from
``biography.json``.  Dates go through :func:`bioparse.dates.parse_date`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import lang
from ..dates import old_style_end, parse_date, parse_range
from ..model import Date, Event


@dataclass
class LeadFacts:
    """What the first sentence says about its subject (None where it says nothing)."""

    name: str | None = None
    birth: Event | None = None
    death: Event | None = None


@dataclass
class LeadClause:
    """The lead's first sentence up to its subject's dates: name and what follows it."""

    name: str
    #: Contents of the parentheses right after the name (nested ones kept), in order.
    parens: list[str]
    #: The text after a dash or comma that follows the name ("— dzymuse 1954 ...").
    tail: str = ""
    #: Where each parenthesis stands in the line: (index of "(", index just past ")"; -1 when unclosed).
    spans: list[tuple[int, int]] = field(default_factory=list)


def _words(key: str) -> list[str]:
    return sorted({w for w in lang.merged("lead", key) if w}, key=lambda w: (-len(w), w))


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in words)


_BORN = _words("born")
_DIED = _words("died")
_SYMBOLS = frozenset(w for w in _BORN + _DIED if not any(c.isalnum() for c in w))
_BORN_SET = frozenset(w.lower() for w in _BORN)
#: Markers that mean born in one language and died in another ("d.": tr doğum, en died).
_EITHER_SET = _BORN_SET & frozenset(w.lower() for w in _DIED)
_SAME_PLACE = frozenset(w.lower() for w in lang.merged("lead", "same_place"))
_SAME_PLACE_WORDS = frozenset(w.strip(".") for w in _SAME_PLACE)
#: Matched exactly (lower case): a capital makes it part of the name ("La Coruña", "Den Haag").
_PREPOSITIONS = frozenset(lang.merged("lead", "prepositions"))
_ARTICLES = frozenset(lang.merged("lead", "articles"))
_CONJUNCTIONS = frozenset(lang.merged("lead", "conjunctions"))
#: Lower-case words inside names ("Eduardo Dato e Iradier", "Ludwig van Beethoven").
_PARTICLES = frozenset(lang.merged("lead", "name_particles"))
_COPULA_WORDS = [w for w in _words("copula") if any(c.isalnum() for c in w)]
_COPULA_MARKS = [w for w in _words("copula") if not any(c.isalnum() for c in w)]

#: A birth or death marker: a word ("born", "né", "ur.") or a symbol ("*", "†").
#: Words need a boundary on the left; a word marker must be followed by a space or a digit.
_MARKER = re.compile(
    r"(?:(?<=^)|(?<=[\s,;(（]))(" + _alternation(_BORN + _DIED) + r")(?=[\s\d\u00a0]|$)",
    re.I,
)
#: The subject ends where the predicate starts: "..., est", ") war", ") – turecki".
_COPULA = re.compile(
    r"(?:^|[\s,])(?:" + _alternation(_COPULA_WORDS) + r")(?=\s|$)"
    + (r"|\s(?:" + _alternation(_COPULA_MARKS) + r")\s" if _COPULA_MARKS else ""),
    re.I,
)
_OPEN = "(（"
_CLOSE = ")）"
#: Footnote marks glued to what precedes them ("1878[1]", "1925 [N 1]"); "11 [24] September"
#: (Old Style) keeps its bracket: it stands after a space and before a word.
_FOOTNOTE = re.compile(r"(?<=\S)\[[^\[\]]{1,20}\]|\s\[[A-Za-z]{1,6}\.? \d{1,3}\]")
_YEAR = re.compile(r"(?<!\d)\d{3,4}(?!\d)(?:\s{0,2}(?:BCE|BC|AD|CE|a\.\s?C\.|d\.\s?C\.|v\.\s?Chr\.|n\.\s?Chr\.|av\. J\.-C\.))?")
#: An ISO date, as date templates render in prose ("née le {{date de naissance|3|juin|1906}}").
_ISO_DATE = re.compile(r"(?<![\d-])\d{4}-[01]\d(?:-[0-3]\d)?(?![\d-])")
_CJK_DATE = re.compile(r"\d{1,4}\s{0,2}年(?:\s{0,2}\d{1,2}\s{0,2}月(?:\s{0,2}\d{1,2}\s{0,2}日)?)?")
#: Where one date ends and the next begins: a dash between the birth and death parts.
_RANGE_DASH = re.compile(r"\s[-–—−~〜]\s|[–—−〜～－]|(?<=[\d年년日일])~|(?<=\d)-(?=\s?[\dA-ZÀ-ÖØ-Þ])|\s-(?=\d)")
#: A place glued to the year before it ("1911Santiagu", "1927Östermalm").
#: What is left after a date whose range is still open: "1950 - )", "1959年9月15日－".
_OPEN_DASHES = frozenset({"-", "–", "—", "−", "~", "〜", "～", "－"})
_GLUED_PLACE = re.compile(r"(?<=\d)(?=[^\W\d_])")
_SENTENCE_END = re.compile(r"(?<=\w{4})\s?\.\s+(?=[A-ZÀ-ÖØ-Þ\u0400-\u042f])|。")
_SPACE = re.compile(r"\s+")
#: "c.304", "ca. 1500" (the date module's own words decide what the mark means).
_CIRCA = re.compile(r"(?:\b(?:c|ca|cca)\.|\bcirca|\bum|\bvers|\bhacia|\bokoło|\bок\.)\s{0,2}$", re.I)
_DATE_NEXT = re.compile(r"\s{0,2}\d")
_CJK_COPULA = "".join(w for w in _COPULA_WORDS if all("\u3040" <= c <= "\u9fff" for c in w))
_DIGIT = re.compile(r"\d")
_MAX_NAME_WORDS = 10
_MAX_PLACE = 120


def _close(text: str, start: int, limit: int) -> int:
    """Index of the bracket closing the one at ``start`` (nesting counted, at most ``limit``
    characters on), or -1."""
    depth = 0
    for i in range(start, min(len(text), start + limit + 1)):
        if text[i] in _OPEN:
            depth += 1
        elif text[i] in _CLOSE:
            depth -= 1
            if depth == 0:
                return i
    return -1


def _balanced(text: str, start: int) -> int:
    """Index just past the bracket opened at ``start`` (or -1 when it never closes)."""
    end = _close(text, start, 599)
    return end + 1 if end >= 0 else -1


def _drop_inner(text: str) -> str:
    """The bracket's text without nested brackets (pronunciations, "(Marne)" kept out of dates)."""
    out: list[str] = []
    depth = 0
    for char in text:
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(char)
    return "".join(out)


def _tokens(text: str) -> set[str]:
    """Name-like words: capitalized (or from a script without case), two letters or more.

    Case matters: "production year" in a sentence does not name "Academy Award for Best
    Production Design"."""
    return {t for t in re.findall(r"\w+", text) if len(t) > 1 and not t[0].islower() and not t[0].isdigit()}


def _paragraphs(lead: str, title: str | None) -> list[str]:
    """The first paragraphs that open about the subject: they name it in their first words.

    A few are tried in order: a maintenance notice or a short description may come first.
    """
    wanted = _tokens(re.sub(r"\s*\([^()]*\)\s*$", "", title)) if title else set()
    lines = [line.strip() for line in lead.split("\n")]
    found: list[str] = []
    for i, line in enumerate(lines[:40]):
        if len(line) < 25:
            continue
        head = line[:80]
        if wanted and not (wanted & _tokens(head)):
            continue
        if not _opens_with_name(line, wanted):
            continue  # "Der Titel dieses Artikels ...", "One of Germany's sixteen states ..."
        text = line
        j = i + 1
        while _unbalanced(text) and j < len(lines) and len(text) < 2000:
            text = f"{text} {lines[j]}"  # a bracket wrapped over lines (PDF and print renderings)
            j += 1
        found.append(text)
        if len(found) == 3:
            break
    return found


def _name_like(word: str) -> bool:
    """Capitalized ("Olof", "(H.C.)."), from a script without case ("李登輝"), or a particle ("de")."""
    letter = next((c for c in word if c.isalpha()), "")
    return bool(letter) and (not letter.islower() or word.strip(",") in _PARTICLES)


def _uncased(word: str) -> bool:
    letter = next((c for c in word if c.isalpha()), "")
    return bool(letter) and letter.lower() == letter.upper()


def _opens_with_name(text: str, wanted: set[str]) -> bool:
    """The paragraph starts with a name: capitalized words (two at least, or one the title has,
    or one in a script without case)."""
    run: list[str] = []
    for word in text.split()[:12]:
        if not _name_like(word):
            break
        run.append(word)
        if word.endswith(","):
            break
    if not run:
        return False
    return len(run) >= 2 or _uncased(run[0]) or bool(wanted & _tokens(run[0]))


def _unbalanced(text: str) -> bool:
    return sum(text.count(c) for c in _OPEN) > sum(text.count(c) for c in _CLOSE)


def _first_sentence(text: str) -> str:
    """Up to the first full stop outside brackets (abbreviations and initials do not end it)."""
    depth = 0
    done = 0
    for match in _SENTENCE_END.finditer(text):
        between = text[done : match.start()]
        depth += sum(between.count(c) for c in _OPEN) - sum(between.count(c) for c in _CLOSE)
        done = match.start()
        if depth <= 0:
            return text[:done]
    return text


def _subject_bracket(sentence: str, title: str | None) -> tuple[int, int] | None:
    """The first of the subject's brackets (:func:`clause_in`) that holds a digit, when more
    sentence follows it ("Helmut Schmidt (1969)" is an image caption, not a sentence)."""
    clause = clause_in(sentence, title)
    if clause is None:
        return None
    for start, end in clause.spans:
        if end < 0:
            return None
        if _DIGIT.search(sentence, start + 1, end - 1):
            if len(sentence[end:].strip()) < 6:
                return None
            return start, end
    return None


def read_lead(lead: str, title: str | None = None, links: Sequence[tuple[str, str]] = ()) -> LeadFacts:
    """Name, birth and death from the first sentence about the subject.

    ``links``: (text shown, target page) of the lead's links, when the reader saw them; a place
    written in another form than its page's name ("w Petersburgu", "we Wrocławiu") is given
    as the page's name ("Sankt Petersburg", "Wrocław")."""
    facts = LeadFacts()
    birth: tuple[Date | None, str | None] = (None, None)
    death: tuple[Date | None, str | None] = (None, None)
    for paragraph in _paragraphs(lead[:4000], title):
        sentence = _first_sentence(_FOOTNOTE.sub("", paragraph))
        bracket = _subject_bracket(sentence, title)
        if bracket is not None:
            inner = _drop_inner(sentence[bracket[0] + 1 : bracket[1] - 1])
            birth, death = _read_bracket(inner)
            facts.name = _name_before(sentence[: bracket[0]], sentence[bracket[1] :])
        if birth[0] is None and death[0] is None:
            birth, death = _read_clauses(sentence, in_bracket=False)
            if facts.name is None and (birth[0] is not None or death[0] is not None):
                facts.name = _name_before_clause(sentence)
        if facts.name or birth[0] is not None or death[0] is not None:
            script = _script(paragraph)
            birth, death = _same_script(birth, script), _same_script(death, script)
            if links:
                birth, death = (birth[0], _page_name(birth[1], links)), (death[0], _page_name(death[1], links))
            break
    if death[1] and death[1].lower().strip(". ") in _SAME_PLACE_WORDS:
        death = (death[0], birth[1])  # "aldaar", "allí", "ebenda": where they were born
    if birth[1] and birth[1].lower().strip(". ") in _SAME_PLACE_WORDS:
        birth = (birth[0], None)
    facts.birth = _event(*birth)
    facts.death = _event(*death)
    return facts


#: What an inflection adds to a linked name ("[[Wrocław]]iu"): a few lower-case letters.
_TRAIL = re.compile(r"[^\W\d_]{1,4}")


def _page_name(place: str | None, links: Sequence[tuple[str, str]]) -> str | None:
    """The linked page's name for a place written in another form: the link shows the place
    (or the place is the link's text plus an inflection) and the page's name does not contain
    it ("Petersburgu" -> "Sankt Petersburg"); "Boston" shown for "Boston, Massachusetts" stays."""
    if not place:
        return place
    for shown, target in links:
        shown = shown.strip()
        if not shown or not place.startswith(shown):
            continue
        trail = place[len(shown) :]
        if trail and not (_TRAIL.fullmatch(trail) and trail == trail.lower()):
            continue
        name = _DISAMBIGUATION.sub("", target).strip()
        if name and place not in name and ":" not in name:
            return name
        return place
    return place


def _script(text: str) -> str:
    """The writing system of the first letter ("LATIN", "CYRILLIC", "CJK", "ARABIC", ...)."""
    letter = next((c for c in text if c.isalpha()), "")
    return unicodedata.name(letter, "?").split(" ")[0] if letter else ""


def _same_script(
    event: tuple[Date | None, str | None], script: str
) -> tuple[Date | None, str | None]:
    """A place written in another script than the sentence is a native name ("Андрей
    Януарьевич Вышинский" in a Latin-script lead), not where the subject was born."""
    date, place = event
    if place and script and _script(place) not in (script, ""):
        return date, None
    return date, place


def _event(date: Date | None, place: str | None) -> Event | None:
    if date is None and not place:
        return None
    return Event(date=date, place=place or None, text="")


def _name_before(before: str, after: str) -> str | None:
    """The subject: what stands before the bracket, when a predicate follows it
    (a copula, a dash, or a comma: "X (...) is", "X (...) – polityk", "X (...)، محامي")."""
    rest = after.lstrip()
    predicate = (
        rest[:1] in (",", "،", "，")
        or bool(_CJK_COPULA and rest[:1] and rest[:1] in _CJK_COPULA)
        or bool(_COPULA.match(" " + rest[:60]))
    )
    if not predicate:
        return None
    name = _SPACE.sub(" ", before).strip(" ,")
    head = name.split(",", 1)[0].strip()
    if len(head.split()) >= 2:
        name = head  # "Mino Raiola, all'anagrafe Carmine Raiola": the name, then a note about it
    if not name or len(name.split()) > _MAX_NAME_WORDS or _DIGIT.search(name) or "(" in name:
        return None
    return name


def _name_before_clause(sentence: str) -> str | None:
    """"Jean Dupont, né le ...": the words before the comma that opens the birth clause."""
    head, _, rest = sentence.partition(",")
    mark = _MARKER.match(rest.lstrip())
    name = _SPACE.sub(" ", _drop_inner(head)).strip()
    if mark is None or not name or len(name.split()) > _MAX_NAME_WORDS or _DIGIT.search(name):
        return None
    return name


def _read_bracket(inner: str) -> tuple[tuple[Date | None, str | None], tuple[Date | None, str | None]]:
    """Birth and death from the subject's bracket."""
    marked = _read_clauses(inner, in_bracket=True)
    if marked[0][0] is not None or marked[1][0] is not None:
        return marked
    for part in re.split(r"[;；、؛]", inner):
        if not _DIGIT.search(part):
            continue
        sides = _split_range(part)
        if len(sides) >= 2:
            first, second = _clause(sides[0], True), _clause(sides[-1], True)
            if first[0] is not None and second[0] is not None:
                # read as one range so shared marks apply to both ends ("c.304 – 232 BCE")
                rng = parse_range(f"{first[0].text} – {second[0].text}")
                if rng.start is not None and rng.end is not None:
                    first, second = (rng.start, first[1]), (rng.end, second[1])
            if first[0] is not None or second[0] is not None:
                return first, second
        span = _date_span(part)
        if span is None or len(part) - span[1] >= 4:
            continue
        before = part[: span[0]]
        place = _place_before(before) or _bare_place(before)
        date = parse_date(part[span[0] : span[1]]) if place or not before.strip() else None
        open_range = part[span[1] :].strip() in _OPEN_DASHES
        if date is not None and not place and not open_range and date.precision not in _YEAR_OR_COARSER:
            # a lone full date may be anything's; a lone year, or a date before an open dash
            # ("（1959年9月15日－）"), is how a living person's birth is written
            date = None
        if date is not None:
            # "(Roma, 12 marzo 1950)", "(Québec 1950 - )", "(latvīšu: Andris Bērziņš; 1944)": a living person's birth
            return (date, place), (None, None)
    return (None, None), (None, None)


def _split_range(part: str) -> list[str]:
    """"Madrid, 1 de enero de 1900 - Sevilla, ..." -> the two sides (also when the dash was lost
    and the next place is glued to the year: "1902Resende, 22 de agosto de 1976")."""
    sides = [s for s in _RANGE_DASH.split(part) if s.strip()]
    if len(sides) >= 2:
        return sides
    for match in _GLUED_PLACE.finditer(part):
        rest = part[match.start() :]
        if _YEAR.search(rest):
            return [part[: match.start()], rest]
    return sides


def _read_clauses(
    text: str, *, in_bracket: bool
) -> tuple[tuple[Date | None, str | None], tuple[Date | None, str | None]]:
    """Clauses opened by birth and death markers ("né le ...", "† 5. Juni 1990 in Bonn")."""
    birth: tuple[Date | None, str | None] = (None, None)
    death: tuple[Date | None, str | None] = (None, None)
    marks = list(_MARKER.finditer(text))
    for i, mark in enumerate(marks):
        word = mark.group(1)
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        clause = text[mark.end() : end]
        if not in_bracket and word.endswith(".") and not _DATE_NEXT.match(clause):
            continue  # "d.", "s.", "n." outside a bracket count only right before a date
        clause = re.split(r"[;؛]", clause, maxsplit=1)[0]
        if not _DIGIT.search(clause[:80]):
            continue
        parsed = _clause(clause, in_bracket)
        if parsed[0] is None:
            continue
        if word.lower() in _BORN_SET and not (birth[0] is not None and word.lower() in _EITHER_SET):
            if birth[0] is None:
                birth = parsed
        elif death[0] is None:
            death = parsed
    return birth, death


def _clause(clause: str, in_bracket: bool) -> tuple[Date | None, str | None]:
    """One event's date and place: "March 4, 1931, in Boston", "à Paris le 21 mai 1851",
    "Roma, 12 marzo 1950", "16 de xineru de 1911Santiagu"."""
    span = _date_span(clause)
    if span is None:
        return None, None
    start, end = span
    date = parse_date(clause[start:end])
    if date is None:
        return None, None
    after = _YEAR_WORD.sub("", clause[end:], count=1)  # "1613 r. we Wrocławiu": "r." is the year's
    place = _place_before(clause[:start]) or _place_after(after, in_bracket)
    return date, place


def _date_span(clause: str) -> tuple[int, int] | None:
    cjk = _CJK_DATE.search(clause)
    if cjk:
        return cjk.start(), cjk.end()
    year = _YEAR.search(clause)
    if year is None:
        return None
    iso = _ISO_DATE.search(clause)
    if iso is not None and iso.start() == year.start():
        return iso.start(), iso.end()
    end = year.end()
    head = clause[:end]
    # the date runs back over comma-separated pieces that hold digits ("March 4, 1931")
    pieces = head.split(",")
    start = len(head) - len(pieces[-1])
    for piece in reversed(pieces[:-1]):
        if not _DIGIT.search(piece):
            break
        start -= len(piece) + 1
    first_digit = _DIGIT.search(clause, start)
    if first_digit is None:
        return None
    begin = first_digit.start()
    circa = _CIRCA.search(clause, start, begin)
    if circa:
        return circa.start(), end
    if begin > start:
        # a month name before the day ("March 4, 1931") belongs to the date; "le", "am", "Paris" do not
        word = re.search(r"(\S+)\s+$", clause[start:begin])
        if word:
            candidate = clause[start + word.start(1) : end]
            with_word, without = parse_date(candidate), parse_date(clause[begin:end])
            if with_word is not None and (without is None or _finer(with_word, without)):
                begin = start + word.start(1)
    # "9 June 1672 [O.S. 30 May 1672]": the Old Style bracket after the year is the same date's
    return begin, old_style_end(clause, _year_first_end(clause, begin, end))


#: What may follow a year in a date written year first ("1942. április 27.", "2008 g. juņa 30 d.").
_AFTER_YEAR = re.compile(r"[^,;:()（）\[\]–—−~]{1,30}")


def _year_first_end(clause: str, begin: int, end: int) -> int:
    """Where a date that starts with its year ends: the longest run of words after the year that
    still reads as a finer date (Hungarian, Latvian, East Asian orders); else the year's end."""
    if not clause[begin:end].rstrip().endswith(tuple("0123456789")) or not _DIGIT.match(clause, begin):
        return end
    tail = _AFTER_YEAR.match(clause, end)
    if tail is None or not _DIGIT.search(tail.group()):
        return end  # a day number is what makes a year-first date finer
    base = parse_date(clause[begin:end])
    stops = [m.end() for m in re.finditer(r"\S+", tail.group())]
    for stop in reversed(stops[:6]):
        longer = parse_date(clause[begin : end + stop])
        if longer is not None and (base is None or _finer(longer, base)):
            return end + stop
    return end


#: A word that only says "year" right after one ("r.", "roku", "г.", "gada"), from every dates.json.
_YEAR_WORD = re.compile(
    r"^\s{0,2}(?:" + "|".join(re.escape(w) for w in sorted(set(lang.merged("dates", "year_words")), key=len, reverse=True) if w)
    + r")(?!\w)"
)
_RANK = {"century": 0, "decade": 1, "year": 2, "month": 3, "day": 4}
_YEAR_OR_COARSER = frozenset({"century", "decade", "year"})


def _finer(a: Date, b: Date) -> bool:
    return _RANK.get(a.precision, 0) > _RANK.get(b.precision, 0)


def _strip_words(text: str) -> str:
    """Drop prepositions, articles and conjunctions at either end ("à Paris le" -> "Paris")."""
    words = text.split()
    while words and (words[0] in _PREPOSITIONS or words[0] in _ARTICLES or words[0] in _CONJUNCTIONS):
        words.pop(0)
    while words and (words[-1] in _ARTICLES or words[-1] in _CONJUNCTIONS or words[-1] in _PREPOSITIONS):
        words.pop()
    return " ".join(words)


def _tidy_place(text: str) -> str | None:
    text = _SPACE.sub(" ", text).replace(" ,", ",").strip(" ,.;:")
    text = _strip_words(text).strip(" ,.;:")
    if len(text) < 2 or _DIGIT.search(text) or ":" in text or len(text) > _MAX_PLACE:
        return None
    if len(text.split()) > 10 or text.lower() in _BORN_SET:
        return None
    if text.lower() != text.upper() and text == text.lower() and text.strip(".") not in _SAME_PLACE_WORDS:
        return None  # "for example": a place has a capital where its script has them
    return text


def _before_comma(text: str) -> str:
    depth = 0
    for i, char in enumerate(text):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth -= 1
        elif char == "," and depth <= 0 and text[:i].strip():
            return text[:i]
    return text


def _place_before(text: str) -> str | None:
    """"Roma, " / "à Paris le " / "en Cebreros (provincia de Ávila) o ": the place named first."""
    if not text.strip(" ,") or _MARKER.search(text):
        return None
    words = text.split()
    if not (text.rstrip().endswith((",", ")", "）")) or words[-1] in _ARTICLES):
        return None  # "في ثلاثة أوت 1903": words run into the date, they are part of it
    return _tidy_place(text)


def _bare_place(text: str) -> str | None:
    """"Québec " before "1950 - )": a place glued to the date without a comma, when every word of
    it is capitalized in a script that has capitals (an uncased script may run words into a date)."""
    words = text.split()
    if not words or len(words) > 4 or _MARKER.search(text):
        return None
    if not all(w[:1].isupper() and w[:1].lower() != w[:1].upper() for w in words):
        return None
    return _tidy_place(text)


def _place_after(text: str, in_bracket: bool) -> str | None:
    """", in Boston, Massachusetts" / " w Stambule" / "Santiagu" / " Turku": the place after.

    Outside a bracket the place ends at the first comma outside brackets ("à Lyon, est ...").
    """
    text = _COPULA.split(text, maxsplit=1)[0]
    if not in_bracket:
        text = _before_comma(text)
    if not text.strip():
        return None
    glued = text[:1].isalpha()
    stripped = text.strip()
    first = stripped.split(" ", 1)[0]
    if glued or first in _PREPOSITIONS or first.lower() in _SAME_PLACE:
        return _tidy_place(stripped)
    if stripped.startswith(","):
        rest = stripped[1:].strip()
        first = rest.split(" ", 1)[0]
        if first in _PREPOSITIONS or in_bracket:
            return _tidy_place(rest)
        return None
    if in_bracket and stripped[:1].isupper():
        return _tidy_place(stripped)  # "(s. 25. marraskuuta 1923 Turku)"
    return None


# --- the subject clause: name, then its brackets or a "born" tail ------------------------------

#: Bounds that keep the clause scan cheap and local to the first sentence.
NAME_CHARS = 150
_NAME_WORDS = 12
_PAREN_CHARS = 400
_LEAD_LINES = 3
TAIL_CHARS = 100
#: The first three paragraphs are looked for in this much of the lead (a 10 MB one-line page stays cheap).
LEAD_SCAN = 20000
#: Where a subject's name can end: a parenthesis, a spaced dash, a comma.
_BOUNDARY = re.compile(r"[(（]|\s[—–-]\s|[,，]\s?")
#: A full stop after a word of three letters or more ends a sentence; initials do not.
_NAME_SENTENCE_END = re.compile(r"\w{3}[.!?](?:\s|$)|[。！？]")
_WORD = re.compile(r"\w+")
_DISAMBIGUATION = re.compile(r"\s*\([^()]{0,100}\)\s*$")
_NEVER = r"(?!x)x"


@dataclass(frozen=True)
class _ClauseWords:
    """``biography.json`` words the clause needs: determiners never start a name; born/died
    words open a tail ("— dzymuse 1954")."""

    determiners: frozenset[str]
    born: re.Pattern[str]
    died: re.Pattern[str]


def _whole_words(patterns: list[str]) -> re.Pattern[str]:
    """Born/died words as whole words (symbols such as ``*`` and ``†`` stand alone)."""
    if not patterns:
        return re.compile(_NEVER)
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?!\w)", re.I)


@functools.lru_cache(maxsize=1)
def clause_words() -> _ClauseWords:
    """Every language's clause words merged (built once)."""
    return _ClauseWords(
        determiners=frozenset(str(d).lower() for d in lang.merged("biography", "determiners")),
        born=_whole_words([str(p) for p in lang.merged("biography", "born_words")]),
        died=_whole_words([str(p) for p in lang.merged("biography", "died_words")]),
    )


def lead_clause(lead: str, title: str | None = None) -> LeadClause | None:
    """The subject's name and what follows it in the lead's first sentence.

    Only the first sentence of one of the first three paragraphs counts, and
    only when it opens with a name (short, no sentence end, no leading article,
    sharing a word with the title when there is one); a bracket further on is
    about something else.
    """
    seen = 0
    for line in lead[:LEAD_SCAN].split("\n"):
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > _LEAD_LINES:
            break
        clause = clause_in(line, title)
        if clause is not None:
            return clause
    return None


def clause_in(line: str, title: str | None) -> LeadClause | None:
    """The subject clause of one line (its first words must be the name; a line that starts with
    the title keeps the title's own brackets and commas in the name: "Juoņs (Eugeņs) Karūdznīks")."""
    window = line[: NAME_CHARS + 1]
    base = _DISAMBIGUATION.sub("", title).strip() if title else ""
    skip = len(base) if base and line.startswith(base) else 0
    for m in _BOUNDARY.finditer(window, skip):
        name = line[: m.start()].strip(" \"'„“”«»")
        if not is_subject_name(name, title):
            if m.group().strip() in _OPEN:
                return None  # the first bracket is not right after a name
            continue
        if m.group() in _OPEN:
            spans = _paren_spans(line, m.start())
            parens = [line[a + 1 : b - 1] if b >= 0 else line[a + 1 : a + 1 + _PAREN_CHARS] for a, b in spans]
            return LeadClause(name=name, parens=parens, spans=spans)
        tail = line[m.end():].lstrip(" \"'„“”«»")
        words = clause_words()
        if words.born.match(tail) or words.died.match(tail):
            return LeadClause(name=name, parens=[], tail=tail[:TAIL_CHARS])
    return None


def is_subject_name(name: str, title: str | None) -> bool:
    """Words that can be the subject's name: short, capitalised, no sentence end, not opening with
    a determiner, sharing a word with the title when there is one."""
    if not name or len(name) > NAME_CHARS or _NAME_SENTENCE_END.search(name):
        return False
    words = name.split()
    if len(words) > _NAME_WORDS:
        return False
    if words[0].lower() in clause_words().determiners:
        return False
    first = name[0]
    if first.isalpha() and first.islower():
        return False
    # Names are capitalised words with a few particles ("Ludwig van Beethoven");
    # "Berlín er stærsta borg og ..." is already the sentence.
    lower = sum(1 for w in words if w[0].isalpha() and w[0].islower())
    upper = sum(1 for w in words if w[0].isalpha() and w[0].isupper())
    if lower > 3 or (lower and lower >= upper):
        return False
    return _shares_word(name, title) if title else True


def _shares_word(name: str, title: str) -> bool:
    """The name and the title share a word (first four letters: inflected names still match)."""
    title = _DISAMBIGUATION.sub("", title)
    name_words = [w.lower() for w in _WORD.findall(name)]
    low = name.lower()
    for word in _WORD.findall(title):
        word = word.lower()
        stem = word[:4]
        if any(w.startswith(stem) for w in name_words):
            return True
        if len(word) >= 2 and word in low:
            return True
    return False


def _paren_spans(line: str, start: int) -> list[tuple[int, int]]:
    """The bracket at ``start`` and the brackets directly after it (at most three): (open, past close)."""
    out: list[tuple[int, int]] = []
    pos = start
    while len(out) < 3 and pos < len(line) and line[pos] in _OPEN:
        end = _close(line, pos, _PAREN_CHARS)
        if end < 0:
            out.append((pos, -1))
            break
        out.append((pos, end + 1))
        pos = end + 1
        while pos < len(line) and line[pos] == " ":
            pos += 1
    return out
