"""The compiled build: ``BIOPARSE_COMPILE=1 pip install .`` compiles the hot path with mypyc.

Everything else about the package is declared in pyproject.toml.  Without
``BIOPARSE_COMPILE=1`` (the default, and always for an editable install; see
build_backend.py) nothing is compiled and no C compiler is needed.  The
compiled modules are the same source files, so both builds give the same
records; CI runs the test suite against each (README, "Compiled build").
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from glob import glob
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

#: The modules compiled: the wikitext reader, the extractors that turn the
#: intermediate into records, the date normalizer, the language data lookups
#: and the people-only pre-check.  The HTML reader is left out: its time goes
#: to lxml calls, which compiling does not shorten (docs/performance.md).
COMPILED = [
    "src/bioparse/readers/wikitext/*.py",
    "src/bioparse/extract/*.py",
    "src/bioparse/dates/*.py",
    "src/bioparse/lang/__init__.py",
    "src/bioparse/document.py",
    "src/bioparse/dump/precheck.py",
]


def compile_requested() -> bool:
    return os.environ.get("BIOPARSE_COMPILE", "0").strip() not in ("", "0")


def ext_modules() -> list:
    if not compile_requested():
        return []
    from mypyc.build import mypycify

    paths = sorted(path for pattern in COMPILED for path in glob(pattern))
    return mypycify(paths, group_name="bioparse", opt_level="3", multi_file=True)


class ParallelBuildExt(build_ext):
    """Compile an extension's C files side by side: mypyc writes one file per module."""

    def build_extension(self, ext: Any) -> None:
        compiler = self.compiler
        serial = compiler.compile

        def compile_all(sources: list[str], *args: Any, **kwargs: Any) -> list[str]:
            if len(sources) < 2:
                return list(serial(sources, *args, **kwargs))
            with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
                parts = pool.map(lambda source: serial([source], *args, **kwargs), sources)
                return [obj for objs in parts for obj in objs]

        compiler.compile = compile_all
        try:
            super().build_extension(ext)
        finally:
            compiler.compile = serial


if __name__ == "__main__":  # setuptools runs this file as __main__; tests import it for COMPILED
    setup(ext_modules=ext_modules(), cmdclass={"build_ext": ParallelBuildExt})
