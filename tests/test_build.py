"""The two builds: pure Python (the default) and compiled with mypyc (``BIOPARSE_COMPILE=1``).

CI runs this suite once per build (README, "Compiled build").  These tests
check that the build under test is the one asked for, whole: a compiled build
in which some listed module silently stayed Python would measure and behave
like neither.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from glob import glob
from pathlib import Path

import pytest

from bioparse.build import PROBES, compiled, describe, is_extension

ROOT = Path(__file__).resolve().parents[1]


def _setup_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bioparse_setup", ROOT / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # setup() itself runs only as __main__
    return module


def _listed_modules() -> list[str]:
    setup = _setup_module()
    paths = sorted({p for pattern in setup.COMPILED for p in glob(str(ROOT / pattern))})
    names = []
    for path in paths:
        parts = list(Path(path).relative_to(ROOT / "src").with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def test_the_list_names_real_modules_and_the_probes() -> None:
    names = _listed_modules()
    assert len(names) > 20
    assert set(PROBES) <= set(names)
    assert "bioparse.model" not in names  # records stay plain Python dataclasses in both builds


def test_all_listed_modules_are_of_one_build() -> None:
    kinds = {name: is_extension(name) for name in _listed_modules()}
    assert len(set(kinds.values())) == 1, kinds
    assert compiled() == next(iter(kinds.values()))


def test_the_build_asked_for_is_the_build_running() -> None:
    asked = os.environ.get("BIOPARSE_COMPILE", "0").strip() not in ("", "0")
    if not asked and compiled():
        pytest.skip("a compiled install tested without BIOPARSE_COMPILE=1")
    assert compiled() == asked


def test_version_names_the_build() -> None:
    out = subprocess.run([sys.executable, "-c", "from bioparse.cli import entry; entry()", "--version"],
                         capture_output=True, text=True, timeout=60, check=False)
    assert out.returncode == 0
    assert out.stdout.startswith("bioparse ") and f"({describe()})" in out.stdout
