"""Tests for bioparse.dates: any input, no exception.

Expected values are written from what each string means (a reader's reading
of the date), not from the parser's output.  BC years use astronomical
numbering: 1 BC = 0000, 100 BC = -0099, 340 BC = -0339.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bioparse.dates import (
    parse_date,
    parse_range,
    split_event,
)
from bioparse.model import Date, DateRange, Event

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _iso(text: str) -> tuple[str, str] | None:
    date = parse_date(text)
    return None if date is None else (date.iso, date.precision)



# ---------------------------------------------------------------------------
# never raise


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    date = parse_date(text)
    assert date is None or isinstance(date, Date)
    assert isinstance(parse_range(text), DateRange)
    assert isinstance(split_event(text), Event)


_DATEISH = st.lists(
    st.sampled_from(
        ["1970", "19", "November", "May", " ", "  ", "–", "-", "c.", "BC", "AD", "(", ")", "[1]",
         "[O.S.", "]", "aged", "|", "\n", "or", "present", "0", "/", "s", "th", "century", ","]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_DATEISH)
def test_never_raises_on_date_like_text(text: str) -> None:
    date = parse_date(text)
    if date is not None:
        assert date.precision in ("day", "month", "year", "decade", "century")
        assert date.iso.lstrip("-")[:4].isdigit()
    result = parse_range(text)
    assert result.text == text
    split_event(text)


_WORLD_DATEISH = st.lists(
    st.sampled_from(
        ["1970", "19", "1", "мая", "января", "π.Χ.", "年", "月", "日", "公元前", "昭和", "元", "(", ")", "1er", "de",
         "del", "av. J.-C.", "v. Chr.", "١٩٩٠", "１９", "ዓ.ዓ", "ق.م", "كانون الثاني", "η", "º", ":a", "г.", "–", "－",
         "~", "до н. э.", "[O.S.", "]", " ", "  ", "vers", "頃", "bis", "heute", "al", "a", "por", ".", ",", "/"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_WORLD_DATEISH)
def test_never_raises_on_world_date_like_text(text: str) -> None:
    date = parse_date(text)
    if date is not None:
        assert date.precision in ("day", "month", "year", "decade", "century")
        assert date.iso.lstrip("-")[:4].isdigit()
        assert date.calendar in ("gregorian", "julian")
    assert parse_range(text).text == text
    split_event(text)
