"""Build backend: setuptools, with mypy added to the build requirements when a compiled build is asked for.

``BIOPARSE_COMPILE=1 pip install .`` compiles the modules setup.py lists with
mypyc, which comes with mypy; a plain ``pip install .`` needs neither mypy nor
a C compiler.  An editable install (``pip install -e .``) is always pure
Python: a compiled module would shadow the source file being edited.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F401,F403 - every hook not changed here

#: The compiler (mypyc ships with mypy), pinned: compiled code follows the compiler's version.
MYPYC_REQUIREMENT = "mypy==2.4.1"


def _compile_requested() -> bool:
    return os.environ.get("BIOPARSE_COMPILE", "0").strip() not in ("", "0")


@contextmanager
def _without_compiling() -> Iterator[None]:
    """Run a setuptools hook with compiling off: the hooks that only list requirements or write
    metadata run setup.py too, and must neither need mypy nor spend a mypyc run on it."""
    before = os.environ.get("BIOPARSE_COMPILE")
    os.environ["BIOPARSE_COMPILE"] = "0"
    try:
        yield
    finally:
        if before is None:
            del os.environ["BIOPARSE_COMPILE"]
        else:
            os.environ["BIOPARSE_COMPILE"] = before


def get_requires_for_build_wheel(config_settings: Any = None) -> list[str]:
    extra = [MYPYC_REQUIREMENT] if _compile_requested() else []
    with _without_compiling():
        return list(_setuptools.get_requires_for_build_wheel(config_settings)) + extra


def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings: Any = None) -> str:
    with _without_compiling():
        return str(_setuptools.prepare_metadata_for_build_wheel(metadata_directory, config_settings))


def build_editable(wheel_directory: str, config_settings: Any = None, metadata_directory: str | None = None) -> str:
    if _compile_requested():
        print("bioparse: an editable install is not compiled (BIOPARSE_COMPILE ignored)", file=sys.stderr)
    with _without_compiling():
        return str(_setuptools.build_editable(wheel_directory, config_settings, metadata_directory))


def get_requires_for_build_editable(config_settings: Any = None) -> list[str]:
    with _without_compiling():
        return list(_setuptools.get_requires_for_build_editable(config_settings))


def prepare_metadata_for_build_editable(metadata_directory: str, config_settings: Any = None) -> str:
    with _without_compiling():
        return str(_setuptools.prepare_metadata_for_build_editable(metadata_directory, config_settings))
