"""Build backend: setuptools, with mypy added to the build requirements when a compiled build is asked for.

``BIOPARSE_COMPILE=1 pip install .`` compiles the modules setup.py lists with
mypyc, which comes with mypy; a plain ``pip install .`` needs neither mypy nor
a C compiler.  An editable install (``pip install -e .``) is always pure
Python: a compiled module would shadow the source file being edited.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F401,F403 - every hook not changed here

#: The compiler (mypyc ships with mypy), pinned: compiled code follows the compiler's version.
MYPYC_REQUIREMENT = "mypy==2.4.1"


def _compile_requested() -> bool:
    return os.environ.get("BIOPARSE_COMPILE", "0").strip() not in ("", "0")


def get_requires_for_build_wheel(config_settings: Any = None) -> list[str]:
    if not _compile_requested():
        return list(_setuptools.get_requires_for_build_wheel(config_settings))
    # setuptools runs setup.py to list its own needs; mypy is not installed yet at this point
    os.environ["BIOPARSE_COMPILE"] = "0"
    try:
        needs = list(_setuptools.get_requires_for_build_wheel(config_settings))
    finally:
        os.environ["BIOPARSE_COMPILE"] = "1"
    return needs + [MYPYC_REQUIREMENT]


def build_editable(wheel_directory: str, config_settings: Any = None, metadata_directory: str | None = None) -> str:
    if _compile_requested():
        print("bioparse: an editable install is not compiled (BIOPARSE_COMPILE ignored)", file=sys.stderr)
    os.environ["BIOPARSE_COMPILE"] = "0"
    return _setuptools.build_editable(wheel_directory, config_settings, metadata_directory)
