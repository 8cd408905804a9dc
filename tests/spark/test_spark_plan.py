"""Planning Spark tasks and the executor-side functions, without pyspark."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pytest

from bioparse.dump.arrow import arrow_schema, table_to_records
from bioparse.dump.pages import Page
from bioparse.dump.process import process_page
from bioparse.dump.sources import iter_pages
from bioparse.spark.plan import WorkItem, item_rows, plan_tasks
from bioparse.spark.transform import (
    INPUT_ERROR,
    item_arrow_schema,
    page_arrow_schema,
    parse_items,
    parse_page_batches,
    read_items,
)

DUMPS = Path(__file__).resolve().parents[2] / "fixtures" / "dumps"
MULTISTREAM = DUMPS / "enwiki-table-markup-multistream.xml.bz2"
# The index (read by hand): streams at bytes 189 (2 pages), 26887 (2 pages), 60173 (1 page).
BLOCKS = [(189, 2, 0), (26887, 2, 2), (60173, 1, 4)]


def items_batch(tasks: list[list[WorkItem]]) -> pa.RecordBatch:
    rows = [dict(zip(item_arrow_schema().names, row)) for task in item_rows(tasks) for row in task]
    return pa.RecordBatch.from_pylist(rows, schema=item_arrow_schema())


def records(batches: list[pa.RecordBatch]) -> list[dict]:
    if not batches:
        return []
    return table_to_records(pa.Table.from_batches(batches, schema=arrow_schema()))


def test_multistream_blocks_follow_the_index() -> None:
    (task,) = plan_tasks([str(MULTISTREAM)])
    assert [(i.kind, i.offset, i.n_pages, i.first_position) for i in task] == [("block", *b) for b in BLOCKS]
    assert all(i.source == MULTISTREAM.name for i in task)


@pytest.mark.parametrize(("per_task", "sizes"), [(1, [2, 2, 1]), (2, [2, 2, 1]), (4, [4, 1]), (5, [5])])
def test_blocks_are_grouped_by_pages_per_task(per_task: int, sizes: list[int]) -> None:
    tasks = plan_tasks([str(MULTISTREAM)], per_task)
    assert [sum(i.n_pages for i in t) for t in tasks] == sizes


def test_other_inputs_are_one_task_each_in_order() -> None:
    paths = [str(DUMPS / "pywikibot-pair-0.10.xml"), str(MULTISTREAM), str(DUMPS / "enterprise_sample_2records.ndjson")]
    tasks = plan_tasks(paths, 4)
    assert [[i.kind for i in t] for t in tasks] == [["file"], ["block", "block"], ["block"], ["file"]]
    assert [t[0].source for t in tasks] == ["pywikibot-pair-0.10.xml", MULTISTREAM.name, MULTISTREAM.name,
                                            "enterprise_sample_2records.ndjson"]


def test_missing_input_fails_on_the_driver(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        plan_tasks([str(tmp_path / "nope.xml.bz2")])


def test_unusable_index_falls_back_to_one_file_task(tmp_path: Path) -> None:
    copy = tmp_path / MULTISTREAM.name
    shutil.copy(MULTISTREAM, copy)
    (tmp_path / "enwiki-table-markup-multistream-index.txt").write_text("not an index line\n")
    (task,) = plan_tasks([str(copy)])
    assert [i.kind for i in task] == ["file"]


def test_parse_items_gives_the_local_records_for_blocks() -> None:
    tasks = plan_tasks([str(MULTISTREAM)], 2)
    got = records(list(parse_items([items_batch(tasks)], namespaces=[0], people_only=False)))
    want = [process_page(p) for p in iter_pages(str(MULTISTREAM))]
    assert got == want
    assert [r["title"] for r in got] == [
        "Constructive vote of no confidence",
        "List of Prison Break characters",
        "Academy Award for Best Production Design",
        "Economy of Estonia",
        "Brahui language",
    ]


def test_truncated_input_keeps_pages_then_an_error_record() -> None:
    # truncated-pair.xml: the pywikibot pair cut inside the second page's <contributor>.
    path = DUMPS / "truncated-pair.xml"
    got = records(list(parse_items([items_batch(plan_tasks([str(path)]))], namespaces=[0], people_only=False)))
    assert [r["title"] for r in got] == ["Çullu, Agdam", None]
    assert got[0]["error"] is None
    broken = got[1]
    assert broken["error"].startswith("input broke off: ")
    assert "truncated-pair.xml" in broken["error"]
    assert broken["meta"] == {"source": "truncated-pair.xml", "position": "1", "input_error": "true"}


def test_corrupt_block_becomes_an_error_record(tmp_path: Path) -> None:
    data = bytearray(MULTISTREAM.read_bytes())
    data[26887 + 100] ^= 0xFF  # flip a byte inside the second stream
    bad = tmp_path / MULTISTREAM.name
    bad.write_bytes(bytes(data))
    shutil.copy(DUMPS / "enwiki-table-markup-multistream-index.txt.bz2", tmp_path)
    got = records(list(parse_items([items_batch(plan_tasks([str(bad)]))], namespaces=[0], people_only=False)))
    titles = [r["title"] for r in got]
    assert titles == ["Constructive vote of no confidence", "List of Prison Break characters", None, "Brahui language"]
    assert got[2]["meta"]["position"] == "2" and got[2]["meta"]["input_error"] == "true"
    assert "at byte 26887" in got[2]["error"]


def test_dtd_in_multistream_header_is_an_error_item(tmp_path: Path) -> None:
    import bz2

    header = b'<?xml version="1.0"?>\n<!DOCTYPE mediawiki [ <!ENTITY x "y"> ]>\n<mediawiki>\n'
    page = b"<page><title>T</title><ns>0</ns><id>1</id><revision><id>1</id><text>x</text></revision></page>\n"
    dump = tmp_path / "evil-multistream.xml.bz2"
    first = bz2.compress(header)
    dump.write_bytes(first + bz2.compress(page) + bz2.compress(b"</mediawiki>\n"))
    (tmp_path / "evil-multistream-index.txt").write_text(f"{len(first)}:1:T\n")
    (task,) = plan_tasks([str(dump)])
    assert [i.kind for i in task] == ["error"]
    got = records(list(parse_items([items_batch([task])], namespaces=[0], people_only=False)))
    assert len(got) == 1 and got[0]["error"].startswith("input broke off: ")


def test_read_items_then_parse_pages_equals_parse_items() -> None:
    path = DUMPS / "truncated-pair.xml"
    batch = items_batch(plan_tasks([str(path)]))
    pages = list(read_items([batch], namespaces=[0]))
    table = pa.Table.from_batches(pages, schema=page_arrow_schema())
    assert table.column("format").to_pylist() == ["wikitext", INPUT_ERROR]
    two_step = records(list(parse_page_batches(table.to_batches(), people_only=False)))
    one_step = records(list(parse_items([batch], namespaces=[0], people_only=False)))
    assert two_step == one_step


def test_page_with_unknown_format_is_an_error_record() -> None:
    page = Page("X", 1, 0, None, None, "some text", "bogus", None, "made-up", 0)
    batch = pa.RecordBatch.from_pylist([vars(page)], schema=page_arrow_schema())
    (record,) = records(list(parse_page_batches([batch], people_only=True)))
    assert record["title"] == "X"
    assert record["error"].startswith("ValueError: unknown format 'bogus'")
