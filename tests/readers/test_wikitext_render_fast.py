"""The fast forms of the renderer's clean-ups match what they replace, on any string."""

from __future__ import annotations

import random
import re

import pytest

from bioparse.readers.wikitext import render

#: The original definitions the fast forms stand for.
HSPACE = re.compile(r"[ \t\u00a0\u2009\u202f]{2,}|[\t\u00a0\u2009\u202f]")
PAREN_HINT = re.compile(r"\( ?[;,]|[;,] ?\)")
ALPHABET = " \t\u00a0\u2009\u202fa(;,)\n"


@pytest.mark.parametrize("seed", range(20))
def test_fast_blank_runs_equal_the_original(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30)))
        assert render._HSPACE_FAST.sub(" ", text) == HSPACE.sub(" ", text), repr(text)
        assert any(p in text for p in render._PAREN_PAIRS) == bool(PAREN_HINT.search(text)), repr(text)
