"""Session fixtures: the sample dump is parsed once for all export tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_fixtures import PRESIDENTS, SAMPLE, read_jsonl

from bioparse.cli import main


@pytest.fixture(scope="session")
def sample_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``bioparse dump`` of the enwiki sample, as JSON Lines."""
    out = tmp_path_factory.mktemp("sample") / "sample.jsonl"
    assert main(["dump", str(SAMPLE), "-o", str(out), "--workers", "1", "--quiet"]) == 0
    return out


@pytest.fixture(scope="session")
def sample_records(sample_jsonl: Path) -> dict[str, dict]:
    """The sample's records by title."""
    return {r["title"]: r for r in read_jsonl(sample_jsonl)}


@pytest.fixture(scope="session")
def tables_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``bioparse dump SAMPLE PRESIDENTS --to tables``: the directory holding ``tables/``."""
    root = tmp_path_factory.mktemp("etl")
    assert main(["dump", str(SAMPLE), str(PRESIDENTS), "--to", "tables", "-o", str(root / "tables"),
                 "--workers", "1", "--quiet"]) == 0
    return root
