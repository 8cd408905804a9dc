"""``--to tables``: the sample dump into Parquet, opened with DuckDB.

Expected values come from the sample's XML (page and revision ids) and from
the articles' infoboxes (dates, offices), read by hand.
"""

from __future__ import annotations

import bz2
import datetime as dt
import re
from pathlib import Path

import duckdb
import pytest
from export_fixtures import SAMPLE

from bioparse.cli import main
from bioparse.export.tables import SCHEMAS

DOCS = Path(__file__).resolve().parents[2] / "docs" / "etl.md"


def q(root: Path, sql: str) -> list[tuple]:
    return duckdb.sql(sql.replace("'tables/", f"'{root}/tables/")).fetchall()


def test_files_and_page_count(tables_dir: Path) -> None:
    names = sorted(p.name for p in (tables_dir / "tables").iterdir())
    assert names == sorted(f"{n}.parquet" for n in ("pages", "people", "offices", "colleagues", "references"))
    xml = bz2.decompress(SAMPLE.read_bytes()).decode("utf-8")
    articles = len(re.findall(r"<ns>0</ns>", xml))  # the sample's namespace-0 pages
    (n,) = q(tables_dir, "SELECT count(*) FROM 'tables/pages.parquet' WHERE wiki = 'enwiki'")[0]
    assert n == articles
    # the four presidents' article files
    assert q(tables_dir, "SELECT count(*) FROM 'tables/pages.parquet' WHERE wiki IS NULL") == [(4,)]


def test_keys_are_unique_and_join(tables_dir: Path) -> None:
    assert q(tables_dir, "SELECT count(*) - count(DISTINCT page_key) FROM 'tables/pages.parquet'") == [(0,)]
    assert q(tables_dir, "SELECT count(*) FROM 'tables/pages.parquet' WHERE page_key IS NULL") == [(0,)]
    dup = "SELECT count(*) - count(DISTINCT (page_key, office_number)) FROM 'tables/offices.parquet'"
    assert q(tables_dir, dup) == [(0,)]
    orphans = ("SELECT count(*) FROM 'tables/offices.parquet' o "
               "ANTI JOIN 'tables/people.parquet' p USING (page_key)")
    assert q(tables_dir, orphans) == [(0,)]
    people = ("SELECT count(*) FROM 'tables/people.parquet' p "
              "ANTI JOIN (SELECT * FROM 'tables/pages.parquet' WHERE is_person) g USING (page_key)")
    assert q(tables_dir, people) == [(0,)]
    lincoln = q(tables_dir, "SELECT page_key, wiki, page_id, revision_id FROM 'tables/people.parquet' "
                            "WHERE title = 'Abraham Lincoln'")
    assert lincoln == [("enwiki:307", "enwiki", 307, 717901482)]  # <id>307</id>, revision <id>717901482</id>


def test_column_types(tables_dir: Path) -> None:
    types = dict(q(tables_dir, "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM 'tables/people.parquet')"))
    assert types["page_id"] == "BIGINT" and types["revision_id"] == "BIGINT"
    assert types["birth_lower"] == "DATE" and types["death_upper"] == "DATE"
    assert types["birth_year"] == "INTEGER"
    types = dict(q(tables_dir, "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM 'tables/offices.parquet')"))
    assert types["ordinal"] == "INTEGER" and types["start_lower"] == "DATE" and types["end_upper"] == "DATE"
    types = dict(q(tables_dir, "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM 'tables/pages.parquet')"))
    assert types["timestamp"] == "TIMESTAMP WITH TIME ZONE"


def test_dates_as_bounds(tables_dir: Path) -> None:
    # Lincoln: {{birth date|1809|2|12}}, [[Hodgenville, Kentucky]]
    row = q(tables_dir, "SELECT birth_iso, birth_precision, birth_lower, birth_upper, birth_place_link "
                        "FROM 'tables/people.parquet' WHERE title = 'Abraham Lincoln'")
    assert row == [("1809-02-12", "day", dt.date(1809, 2, 12), dt.date(1809, 2, 12), "Hodgenville, Kentucky")]
    # office3 = Member of the Illinois House of Representatives, term_start3 = 1834, term_end3 = 1842
    row = q(tables_dir, "SELECT start_precision, start_lower, start_upper, end_lower, end_upper "
                        "FROM 'tables/offices.parquet' WHERE title = 'Abraham Lincoln' "
                        "AND office_title = 'Member of the Illinois House of Representatives'")
    assert row == [("year", dt.date(1834, 1, 1), dt.date(1834, 12, 31), dt.date(1842, 1, 1), dt.date(1842, 12, 31))]
    # Aristotle: birth_date = 384 BC (astronomical year -383), a year before the Gregorian reform,
    # so in the Julian calendar.  Its bounds are the whole Julian year as proleptic Gregorian days:
    # in 384 BC the Gregorian calendar runs 5 days behind the Julian (floor(-384/100) -
    # floor(-384/400) - 2 = -5), so Julian 1 January -383 is Gregorian 27 December -384.
    row = q(tables_dir, "SELECT birth_year, birth_calendar, year(birth_lower), month(birth_lower), "
                        "day(birth_lower), birth_upper - birth_lower FROM 'tables/people.parquet' "
                        "WHERE title = 'Aristotle'")
    assert row == [(-383, "julian", -384, 12, 27, 364)]


def test_office_row_from_the_infobox(tables_dir: Path) -> None:
    # order = 16th, office = President of the United States, March 4, 1861 - April 15, 1865,
    # predecessor1 = [[James Buchanan]], successor1 = [[Andrew Johnson]]
    row = q(tables_dir, "SELECT office_number, ordinal, start_lower, end_upper, predecessor, successor "
                        "FROM 'tables/offices.parquet' WHERE title = 'Abraham Lincoln' "
                        "AND office_title = 'President of the United States'")
    assert row == [(1, 16, dt.date(1861, 3, 4), dt.date(1865, 4, 15), "James Buchanan", "Andrew Johnson")]
    # vicepresident = [[Hannibal Hamlin]] ...: a colleague of office 1
    rows = q(tables_dir, "SELECT role, name FROM 'tables/colleagues.parquet' "
                         "WHERE title = 'Abraham Lincoln' AND office_number = 1")
    assert any(role == "Vice President" and name.startswith("Hannibal Hamlin") for role, name in rows)


def test_link_targets_beside_the_names(tables_dir: Path) -> None:
    """predecessor2 = [[John Henry (representative)|John Henry]], successor2 = [[Thomas L. Harris]]:
    the name as shown, and the page it links to (what a chain joins on)."""
    row = q(tables_dir, "SELECT predecessor, predecessor_link, successor, successor_link "
                        "FROM 'tables/offices.parquet' WHERE title = 'Abraham Lincoln' AND office_number = 2")
    assert row == [("John Henry", "John Henry (representative)", "Thomas L. Harris", "Thomas L. Harris")]
    # vicepresident = [[Hannibal Hamlin]] <small>(1861–1865)</small><br />[[Andrew Johnson]] ...
    links = q(tables_dir, "SELECT link FROM 'tables/colleagues.parquet' WHERE title = 'Abraham Lincoln' "
                          "AND office_number = 1 ORDER BY colleague_number")
    assert links == [("Hannibal Hamlin",), ("Andrew Johnson",)]


def test_successor_chain(tables_dir: Path) -> None:
    """Washington -> Adams -> Jefferson -> Madison, each the next's predecessor (their infoboxes)."""
    sql = _doc_queries()["successor_chain"]
    rows = q(tables_dir, sql)
    assert [(step, title, ordinal) for step, title, ordinal, _start, _next in rows] == [
        (1, "George Washington", 1),
        (2, "John Adams", 2),
        (3, "Thomas Jefferson", 3),
        (4, "James Madison", 4),
    ]
    assert [r[3] for r in rows] == [dt.date(1789, 4, 30), dt.date(1797, 3, 4), dt.date(1801, 3, 4), dt.date(1809, 3, 4)]
    assert rows[-1][4] == "James Monroe"  # Madison's successor, not among the inputs: the chain ends


def _doc_queries() -> dict[str, str]:
    text = DOCS.read_text(encoding="utf-8")
    found = re.findall(r"<!-- query: (\w+) -->\s*```sql\n(.*?)```", text, re.DOTALL)
    return dict(found)


def test_doc_queries_run(tables_dir: Path) -> None:
    queries = _doc_queries()
    assert set(queries) == {"born_before_1900", "office_terms", "successor_chain"}
    born = {r[0] for r in q(tables_dir, queries["born_before_1900"])}
    # 1809, 384 BC, 1732 (infoboxes); Andre Agassi (1970) and Alain Connes (1947) were born later
    assert {"Abraham Lincoln", "Aristotle", "George Washington"} <= born
    assert not {"Andre Agassi", "Alain Connes"} & born
    terms = q(tables_dir, queries["office_terms"])
    assert ("Abraham Lincoln", "President of the United States", 16, dt.date(1861, 3, 4), dt.date(1865, 4, 15),
            (dt.date(1865, 4, 15) - dt.date(1861, 3, 4)).days) in terms


def test_every_column_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for name, schema in SCHEMAS.items():
        assert f"`{name}.parquet`" in text
        for column in schema.names:
            prefix = next((p for p in ("birth", "death", "start", "end", "archive_date", "access_date", "date")
                           if column.startswith(p + "_") and column[len(p) + 1:] in _DATE_SUFFIXES), None)
            if prefix:
                assert f"`{prefix}_*`" in text, column
            else:
                assert f"`{column}`" in text, column


_DATE_SUFFIXES = {"iso", "precision", "calendar", "circa", "year", "lower", "upper", "text", "julian_iso"}


def test_sections_only_when_asked(sample_jsonl: Path, tmp_path: Path) -> None:
    out = tmp_path / "t"
    assert main(["export", str(sample_jsonl), "--to", "tables", "-o", str(out), "--sections"]) == 0
    rows = duckdb.sql(f"SELECT heading, level FROM '{out}/sections.parquet' "
                      "WHERE title = 'Abraham Lincoln' ORDER BY section_number").fetchall()
    assert rows[0][1] == 0  # the lead first
    # the article: ==Family and childhood== then ===Early life and family ancestry===
    assert rows[1:3] == [("Family and childhood", 2), ("Early life and family ancestry", 3)]


def test_export_reads_parquet_and_compressed_jsonl(sample_jsonl: Path, tmp_path: Path) -> None:
    import zstandard

    zst = tmp_path / "s.jsonl.zst"
    zst.write_bytes(zstandard.ZstdCompressor().compress(sample_jsonl.read_bytes()))
    pq_out = tmp_path / "s.parquet"
    assert main(["dump", str(SAMPLE), "-o", str(pq_out), "--workers", "1", "--quiet", "--limit", "80"]) == 0
    for source in (zst, pq_out):
        out = tmp_path / f"t_{source.suffix}"
        assert main(["export", str(source), "--to", "tables", "-o", str(out)]) == 0
        rows = duckdb.sql(f"SELECT page_id, birth_lower FROM '{out}/people.parquet' WHERE title = 'Aristotle'").fetchall()
        assert rows[0][0] == 308


def test_bad_records_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "x"}\nnot json\n')
    assert main(["export", str(bad), "--to", "wikidata", "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "line 2" in capsys.readouterr().err


def test_not_a_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    odd = tmp_path / "odd.jsonl"
    odd.write_text('{"title": "x", "person": "not an object"}\n')
    assert main(["export", str(odd), "--to", "tables", "-o", str(tmp_path / "t")]) == 2
    assert "record 1 ('x') is not a bioparse record" in capsys.readouterr().err


def test_sections_carry_their_role(sample_jsonl: Path, tmp_path: Path) -> None:
    out = tmp_path / "t"
    assert main(["export", str(sample_jsonl), "--to", "tables", "-o", str(out), "--sections"]) == 0
    rows = dict(duckdb.sql(f"SELECT heading, role FROM '{out}/sections.parquet' "
                           "WHERE title = 'Abraham Lincoln'").fetchall())
    # the article ends ==See also== ==References== ==Bibliography== ... ==External links==
    assert rows["See also"] == "see_also" and rows["References"] == "references"
    assert rows["Bibliography"] == "further_reading" and rows["External links"] == "external_links"
    assert rows["Health"] is None and rows[""] is None
