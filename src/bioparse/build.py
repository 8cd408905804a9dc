"""Which build is running: pure Python, or with the parser's hot path compiled by mypyc.

``BIOPARSE_COMPILE=1 pip install .`` compiles the modules that setup.py lists
(README, "Compiled build"); both builds run the same source and give the same
records.  Benchmarks print :func:`describe` so a figure says which build it is.
"""

from __future__ import annotations

import importlib
from importlib.machinery import EXTENSION_SUFFIXES

#: Modules every compiled build compiles (the wikitext scanner, the extractors, dates).
PROBES = ("bioparse.readers.wikitext.scan", "bioparse.extract.person", "bioparse.dates.single")


def is_extension(module_name: str) -> bool:
    """Whether ``module_name`` is loaded from a compiled extension file rather than Python source."""
    path = getattr(importlib.import_module(module_name), "__file__", None) or ""
    return path.endswith(tuple(EXTENSION_SUFFIXES))


def compiled() -> bool:
    """Whether this is the compiled build (the probe modules are extension modules)."""
    return all(is_extension(name) for name in PROBES)


def describe() -> str:
    """"compiled with mypyc" or "pure Python", for ``--version`` and benchmark headers."""
    return "compiled with mypyc" if compiled() else "pure Python"
