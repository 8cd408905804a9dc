"""A Born/Died value split into its date and place: :func:`split_event`."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Event
from .calendar import with_calendar
from .context import language_of
from .hits import find
from .patterns import _FLAGS, _ISO_RE, _MAX_INPUT, _MON, _SPACE_RE, Hit, blank, blank_all
from .prepare import prepare
from .single import locate

__all__ = ["split_event"]

_EVENT_LABEL_RE = re.compile(r"^\s{0,5}(?:born|died|death|birth|date\s{1,3}of\s{1,3}(?:birth|death))\s{0,3}[:|]?", _FLAGS)
# "(aged" with its number missing: the scraper moved "41)" elsewhere.
_SCRAMBLED_AGE_RE = re.compile(r"\(\s{0,3}aged?\s{0,3}(?:$|\||\n)", _FLAGS)
_STRAY_AGE_RE = re.compile(
    r"\(\s{0,3}aged?\s{0,3}(?=$|\||\n)|(?<![\w(\-–])(?P<n>\d{1,3}(?:\s{0,2}[–-]\s{0,2}\d{1,3})?)\)",
    _FLAGS,
)
_TRUNCATED_DATE_RE = re.compile(
    rf"\s{{0,3}}(?:\d{{1,2}}\s{{1,3}}{_MON}|{_MON}\s{{1,3}}\d{{1,2}}(?!\d))(?![\w])", _FLAGS
)
_ISO_PAREN_RE = re.compile(r"\(\s{0,3}-?\d{4}-\d{2}-\d{2}\s{0,3}\)")
# Trimmed from each place line; parentheses and dots are kept ("(now Ghana)", "St.").
_PLACE_TRIM = " \t\n,;:|-–—"


def _tidy_place(text: str) -> str | None:
    lines = [part.strip(_PLACE_TRIM) for part in re.split(r"[\n|]", text)]
    lines = [line for line in lines if line]
    joined = ""
    for line in lines:
        if not joined:
            joined = line
        elif line.startswith("("):
            joined += " " + line
        else:
            joined += ", " + line
    joined = re.sub(r"\s{2,}", " ", joined).strip(" ,;:|-–—")
    # Unbalanced parentheses left over from "(aged" fragments.
    if joined.count("(") != joined.count(")"):
        joined = joined.strip("() ")
    return joined or None


def split_event(text: object, *, lang: str | None = None) -> Event:
    """Split a rendered Born/Died value into its date and place.

    The place is what follows the date; when nothing does, a table cell before
    the date ("Cuenca, Ecuador | 19 November 1970") or a comma-bearing text
    before it.  A name before the date ("Tafari Makonnen (1892-07-23) 23 July
    1892 Ejersa Goro") is not returned anywhere.
    """
    if not isinstance(text, str):
        return Event()
    lang = language_of(lang)
    try:
        event = _split_event(text, lang)
    except (ValueError, OverflowError, RecursionError):
        return Event(text=text)
    if event.date is not None:
        event.date = with_calendar(event.date, None, lang)
    return event


def _split_event(text: str, lang: str | None) -> Event:
    event = Event(text=text)
    work = _SPACE_RE.sub(" ", text[:_MAX_INPUT])
    label = _EVENT_LABEL_RE.match(work)
    if label:
        work = work[label.end():]
    # "14 May 1643 41) Saint-Germain-en-Laye, France | (aged": the age's pieces
    # were scattered by the scraper; put the number back with its label.
    stray_age: int | None = None
    if _SCRAMBLED_AGE_RE.search(work):
        for match in _STRAY_AGE_RE.finditer(work):
            if match.group("n"):
                stray_age = int(re.split(r"\D", match.group("n"))[0])
                break
        work = blank_all(_STRAY_AGE_RE, work)
    prepared = prepare(work, lang)
    date, span = locate(prepared, None)
    if date is not None:
        date = with_calendar(date, prepared, None)
    if date is None or span is None:
        event.place = _tidy_place(blank_all(_ISO_PAREN_RE, prepared.shown))
        return event
    if date.age is None and stray_age is not None:
        date = replace(date, age=stray_age)
    cleaned = blank_all(_ISO_PAREN_RE, prepared.text)
    start, end = span.start, span.end
    iso = _ISO_RE.search(cleaned)
    if iso and (iso.start() >= end or iso.end() <= start):
        # A bare ISO date beside the prose one belongs to the date, not the place.
        cleaned = blank(cleaned, iso.start(), iso.end())
    repeated = _repeated_date_end(cleaned, end, span)
    tail = _TRUNCATED_DATE_RE.match(cleaned, end) if repeated == end else None
    if tail:
        # "(1920-04-05)5 April": the prose copy lost its year; it is not a place.
        end = tail.end()
    end = max(end, repeated)
    before, after = cleaned[:start], cleaned[end:]
    place = _tidy_place(after)
    if place is None:
        candidate = _tidy_place(before)
        in_cell = re.search(r"\|[\s|]{0,20}$", before) is not None
        if candidate and (in_cell or "," in before):  # "Berlino, 24 gennaio 1712"
            place = candidate
    event.place = place
    shown_start = _date_text_start(prepared.shown, start)
    if shown_start and prepared.shown[shown_start - 1] == "(" and ")" in prepared.shown[shown_start:end]:
        shown_start -= 1  # the span began inside "(1920-04-05)"
    date_text = re.sub(r"\s{2,}", " ", prepared.shown[shown_start:end]).strip(" |\n")
    if prepared.original is not None:
        date_text = _written_date(prepared.original, place)
    event.date = replace(date, text=date_text)
    return event


_CLOSE_RE = re.compile(r"[\s)\]]{0,6}")


def _repeated_date_end(text: str, end: int, span: Hit) -> int:
    """Past a second copy of the same date ("( 28 decembrie 1927 )28 decembrie 1927": a
    rendering that shows the date twice); ``end`` when none follows."""
    gap = _CLOSE_RE.match(text, end)
    start = gap.end() if gap else end
    if start >= len(text) or not text[start].isdigit() and not text[start].isalpha():
        return end
    again = find(text[start:start + 60])
    if again is None or again.start != 0 or (again.year, again.month, again.day) != (span.year, span.month, span.day):
        return end
    return start + again.end


def _written_date(original: str, place: str | None) -> str:
    """The date as the source wrote it ("3. Mai 1920"), when localizing changed its words."""
    text = original
    if place:
        if text.startswith(place):  # "Madrid, 1 de enero de 1900"
            text = text[len(place):]
        else:
            at = text.find(place.split(",")[0].split("\n")[0])
            if at > 0:
                text = text[:at]
    return re.sub(r"\s{2,}", " ", text).strip(" ,;|\n")


def _date_text_start(shown: str, start: int) -> int:
    """Include a circa marker or ISO prefix just before the matched date."""
    head = shown[max(0, start - 24):start]
    match = re.search(r"(?:\(\s{0,3}-?\d{4}-\d{2}-\d{2}\s{0,3}\)\s{0,3}|(?:circa|ca?\.|c)\s{0,3})$", head)
    return start - len(match.group(0)) if match else start
