"""A JSON Lines dump starts without the libraries only other outputs need.

pyarrow (with numpy) and tqdm took about a third of a second to import: more
than the pre-check of a thousand pages, and paid by every short run.  They are
imported when Parquet, Spark or a progress bar is asked for.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "dumps"
DUMP = FIXTURES / "dbpedia-history-frwiki-20220101-pages-articles.xml"

_PROBE = """
import json, sys
from bioparse.cli import main
status = main(sys.argv[1:])
print(json.dumps({"status": status, "modules": sorted(m for m in sys.modules if m.split(".")[0] in
      ("pyarrow", "numpy", "tqdm", "pyspark") or m.startswith("bioparse.readers.html"))}))
"""


def _modules_after(*args: str) -> dict[str, object]:
    proc = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def test_jsonl_dump_of_wikitext_imports_no_arrow_bar_or_html_reader(tmp_path: Path) -> None:
    for extra in ([], ["--people-only"]):
        out = tmp_path / f"out{len(extra)}.jsonl"
        result = _modules_after("dump", str(DUMP), "-o", str(out), "--workers", "1", "--quiet", *extra)
        assert result["status"] == 0
        assert out.stat().st_size > 0
        assert result["modules"] == []


def test_parquet_dump_still_gets_pyarrow(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    result = _modules_after("dump", str(DUMP), "-o", str(out), "--workers", "1", "--quiet")
    assert result["status"] == 0
    assert "pyarrow" in result["modules"]  # type: ignore[operator]


def test_spark_package_names_resolve_lazily() -> None:
    code = (
        "import sys, bioparse.spark as s; assert 'pyarrow' not in sys.modules; "
        "f = s.parse_dataframe; assert callable(f) and 'pyarrow' in sys.modules; "
        "import pytest\n"
        "with pytest.raises(AttributeError): s.no_such_name"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_forked_workers_inherit_the_parser() -> None:
    """The parent imports the parser and builds its tables (``warm_up``) before forking its workers,
    so they do not each do it again; a worker finds both done before its first task."""
    code = (
        "import sys, json, multiprocessing\n"
        "from bioparse.dump.pool import PRELOAD, ordered_map\n"
        "before = [m for m in PRELOAD if m in sys.modules]\n"
        "def seen(_):\n"
        "    from bioparse.dates.fallback import foreign_month_words\n"
        "    from bioparse.extract.biography import tables\n"
        "    built = foreign_month_words.cache_info().currsize + tables.cache_info().currsize\n"
        "    return sorted(m for m in PRELOAD if m in sys.modules) + [built]\n"
        "out = list(ordered_map(seen, [0, 1], 2))\n"
        "fork = 'fork' in multiprocessing.get_all_start_methods()\n"
        "print(json.dumps({'before': before, 'after': [m for m in PRELOAD if m in sys.modules], 'workers': out,"
        " 'fork': fork}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    result = json.loads(proc.stdout)
    assert result["before"] == []  # importing the pool does not import the parser
    wanted = ["bioparse.api", "bioparse.dump.process", "bioparse.readers.wikitext", 2]  # + both tables built
    assert result["workers"] == [wanted, wanted]
    if result["fork"]:
        assert sorted(result["after"]) == wanted[:3]
