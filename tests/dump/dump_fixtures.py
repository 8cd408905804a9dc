"""Fixture paths and facts shared by the dump tests (titles read from the XML with grep)."""

from pathlib import Path

DUMPS = Path(__file__).resolve().parents[2] / "fixtures" / "dumps"
TABLE_TITLES = [
    "Constructive vote of no confidence",
    "List of Prison Break characters",
    "Academy Award for Best Production Design",
    "Economy of Estonia",
    "Brahui language",
]
