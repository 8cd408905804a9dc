"""``bioparse dump`` hands single-stream XML to the workers as raw page bytes (``iter_jobs`` -> ``run_job``).

The output must be exactly what the sequential reader gives (every XML
fixture, one and two workers, people-only too), and every fault guarantee
holds on this path: pages before a break are written, a lost chunk becomes
error records, the break is named with the input and the page count.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from dump_fixtures import DUMPS

from bioparse.cli import main
from bioparse.dump import command
from bioparse.dump.command import Job, iter_jobs, lost_job, run_job
from bioparse.dump.pages import DumpError
from bioparse.dump.process import process_batch
from bioparse.dump.sources import iter_pages

XML_DUMPS = sorted(p for p in DUMPS.iterdir() if p.is_file() and ".xml" in p.name and "multistream" not in p.name)
ENWIKI = DUMPS / "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"


def run(*args: str) -> int:
    return main(["dump", "--quiet", *args])


def _sequential_lines(path: Path, people_only: bool, ns: set[int] | None = None) -> tuple[list[bytes], bool]:
    """What the sequential reader and one batch of ``process_batch`` give (lines, whether it broke off)."""
    pages = []
    broke = False
    try:
        pages.extend(iter_pages(str(path), namespaces=ns))
    except DumpError:
        broke = True
    return process_batch(pages, people_only=people_only).lines, broke


@pytest.mark.parametrize("path", [*XML_DUMPS, ENWIKI], ids=lambda p: p.name)
@pytest.mark.parametrize("people_only", [False, True])
def test_chunk_jobs_give_the_sequential_records(path: Path, people_only: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bioparse.dump.rawsplit.CHUNK_PAGES", 2)  # several chunks even on small fixtures
    expected, broke = _sequential_lines(path, people_only, {0})
    lines: list[bytes] = []
    failed = False
    try:
        for job in iter_jobs([str(path)], {0}):
            _index, result = run_job(job, people_only=people_only, output="jsonl")
            lines.extend(result.lines)
            if result.failure is not None:
                failed = True
                break
    except DumpError:
        failed = True
    assert lines == expected
    assert failed == broke


def test_plain_single_stream_xml_goes_as_chunks() -> None:
    jobs = list(iter_jobs([str(ENWIKI)], {0}))
    assert jobs and all(j.chunk is not None and j.pages is None for j in jobs)
    # --limit and --resume keep the sequential batches (they count and skip single pages)
    assert all(j.chunk is None for j in iter_jobs([str(ENWIKI)], {0}, limit=5))
    # inputs that are not a file of XML pages: NDJSON, stdin-like names, single-page files
    assert all(j.chunk is None for j in iter_jobs([str(DUMPS / "enterprise_sample_2records.ndjson")], {0}))


@pytest.mark.parametrize("workers", ["1", "2"])
def test_dump_output_equals_sequential_output(tmp_path: Path, workers: str, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.jsonl"
    assert run(str(ENWIKI), "-o", str(out), "--workers", workers) == 0
    seq = tmp_path / "seq.jsonl"
    monkeypatch.setattr(command, "iter_page_chunks", lambda *a, **k: None)
    assert run(str(ENWIKI), "-o", str(seq), "--workers", "1") == 0
    assert out.read_bytes() == seq.read_bytes()
    people = tmp_path / "people.jsonl"
    monkeypatch.undo()
    assert run(str(ENWIKI), "-o", str(people), "--workers", workers, "--people-only") == 0
    wanted = [line for line in seq.read_bytes().splitlines() if orjson.loads(line)["person"] is not None]
    assert people.read_bytes().splitlines() == wanted


def _broken_dump(tmp_path: Path) -> Path:
    """Six pages, the fifth with a tag that never closes: malformed from there on."""
    pages = []
    for i in range(6):
        text = "'''Page''' text." if i != 4 else "x</bad>"
        body = f"<text xml:space=\"preserve\">{text}</text>" if i != 4 else f"<text>{text}<comment></text>"
        pages.append(f"<page><title>P{i}</title><ns>0</ns><id>{i + 1}</id><revision><id>{i + 10}</id>{body}</revision></page>")
    path = tmp_path / "broken.xml"
    path.write_text("<mediawiki>\n" + "\n".join(pages) + "\n</mediawiki>\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_break_inside_a_chunk_writes_the_pages_before_it(
    tmp_path: Path, workers: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _broken_dump(tmp_path)
    out = tmp_path / "out.jsonl"
    assert run(str(path), "-o", str(out), "--workers", workers) == 1
    assert [orjson.loads(line)["title"] for line in out.read_bytes().splitlines()] == ["P0", "P1", "P2", "P3"]
    err = capsys.readouterr().err
    assert str(path) in err and "malformed XML" in err and "after 4 pages" in err


def test_a_chunk_lost_twice_becomes_error_records(tmp_path: Path) -> None:
    job = next(iter_jobs([str(ENWIKI)], {0}))
    assert job.chunk is not None
    _index, result = lost_job(job, "killed", output="jsonl")
    records = [orjson.loads(line) for line in result.lines]
    assert len(records) == result.pages == result.errors > 0
    assert all("died twice" in r["error"] and r["meta"]["source"] == ENWIKI.name for r in records)
    assert result.failure is None


def test_a_lost_chunk_with_a_break_keeps_the_break(tmp_path: Path) -> None:
    path = _broken_dump(tmp_path)
    job = Job(chunk=next(iter_jobs([str(path)], {0})).chunk)
    _index, result = lost_job(job, "killed", output="jsonl")
    assert result.pages == 4 and result.failure is not None and "after 4 pages" in str(result.failure)


# --------------------------------------------------------------------------- bz2 prefetch thread


def _prefetched(data: bytes) -> bytes:
    import io

    from bioparse.dump.rawsplit import Prefetched

    stream = io.BufferedReader(Prefetched(io.BytesIO(data)), 1 << 16)  # type: ignore[arg-type]
    out = bytearray()
    try:
        while block := stream.read1(1 << 16):
            out += block
    finally:
        stream.close()
    return bytes(out)


def test_prefetch_reads_what_bz2file_reads() -> None:
    import bz2
    import os

    payload = os.urandom(300_000) + b"<page>" * 200_000  # several decompression steps
    one = bz2.compress(payload)
    assert _prefetched(one) == payload
    assert _prefetched(one + bz2.compress(b"second stream")) == payload + b"second stream"  # concatenated
    assert _prefetched(one + b"trailing junk") == payload  # ignored, as BZ2File does
    with pytest.raises(EOFError):
        _prefetched(one[: len(one) // 2])
    with pytest.raises(OSError):
        _prefetched(one[:100] + b"\x00" * 5000 + one[5100:])


def test_prefetch_thread_ends_when_the_reader_stops_early() -> None:
    import bz2
    import io
    import threading

    from bioparse.dump.rawsplit import Prefetched

    data = bz2.compress(b"x" * (40 << 20))  # far more than the queue holds
    stream = io.BufferedReader(Prefetched(io.BytesIO(data)), 1 << 16)  # type: ignore[arg-type]
    assert stream.read(10) == b"x" * 10
    stream.close()
    assert not any(t.name == "bioparse-bz2-prefetch" for t in threading.enumerate())


@pytest.mark.parametrize("cut", [5000, 20000])
def test_in_process_run_on_a_truncated_bz2_writes_the_pages_before(
    tmp_path: Path, cut: int, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "cut.xml.bz2"
    source.write_bytes(ENWIKI.read_bytes()[:cut])
    out = tmp_path / "out.jsonl"
    assert run(str(source), "-o", str(out), "--workers", "1") == 1
    err = capsys.readouterr().err
    assert str(source) in err and "truncated" in err
    expected = []
    try:
        expected.extend(iter_pages(str(source), namespaces={0}))
    except DumpError:
        pass
    assert [orjson.loads(line)["title"] for line in out.read_bytes().splitlines()] == [p.title for p in expected]
