"""extract.text: the quick test for clean values finds what the original pattern found."""

from __future__ import annotations

import random
import re

import pytest

from bioparse.extract.text import tidy

#: The search ``tidy`` used to decide whether a value needs more than trimming.
NEEDS_TIDY = re.compile(r"[\[\n\t\u00a0\u2009\u200b]|  ")
_FOOTNOTES = re.compile(
    r"\[(?:\d{1,3}|[a-z]|(?:note|nb|n) ?\d{1,3}|[a-z ]{3,30} needed|needs? [^\[\]]{1,25}"
    r"|who\?|when\?|which\?|dubious[^\[\]]{0,20})\]"
)
_SPACES = re.compile(r"[ \t\u00a0\u2009\u200b]+")


def _original_tidy(text: str) -> str:
    if not text:
        return ""
    if not NEEDS_TIDY.search(text):
        return text.strip(" |\r\f\v")
    text = _FOOTNOTES.sub("", text)
    lines = [_SPACES.sub(" ", line).strip(" |") for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip()


@pytest.mark.parametrize("seed", range(10))
def test_tidy_equals_the_search_based_original(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = ["a", " ", "  ", "|", "[", "]", "1", "\n", "\t", "\u00a0", "\u2009", "\u200b", "\f", "b"]
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        assert tidy(text) == _original_tidy(text), repr(text)


def test_tidy_examples() -> None:
    assert tidy("  Smith, John |") == "Smith, John"
    assert tidy("The Times[1]\n\n  London  ") == "The Times\nLondon"
