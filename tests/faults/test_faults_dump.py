"""``bioparse dump`` under faults, as an operator meets them: real processes, signals, full disks,
closed pipes, a second writer, odd names.  Every probe is bounded (``procs.PROBE``) so none can hang CI."""

from __future__ import annotations

import bz2
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from procs import (
    BIG,
    DUMPS,
    PROBE,
    SMALL,
    article_titles,
    children,
    finish,
    run,
    start,
    tiny_tmpfs_works,
    wait_for,
)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds workers through /proc (Linux)")
TABLE_TITLES = article_titles(SMALL)


def records(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def no_traceback(err: str) -> None:
    assert "Traceback" not in err and "Exception ignored" not in err, err


# --------------------------------------------------------------------------- workers


def test_kill_9_of_a_worker_loses_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    # The whole file (205 pages): a fast machine finishes 64 pages before a worker can be killed.
    proc = start("dump", BIG, "-o", out, "--workers", "2", "--quiet")
    assert wait_for(lambda: len(children(proc.pid)) >= 2), "workers never started"
    time.sleep(0.3)  # the first batches are in flight
    victims = children(proc.pid)
    assert victims, "the run ended before a worker could be killed"
    os.kill(victims[0], signal.SIGKILL)
    status, err = finish(proc, timeout=3 * PROBE)
    no_traceback(err)
    assert status == 0, err
    got = records(out)
    assert [r["title"] for r in got] == article_titles(BIG)
    assert all(r["error"] is None for r in got)  # the lost batch was redone, not written off


# --------------------------------------------------------------------------- signals


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_to_the_group_stops_quietly_and_resume_finishes(tmp_path: Path, sig: int, code: int) -> None:
    out = tmp_path / "out.jsonl"
    # The whole file (205 pages): a fast machine finishes 96 pages in about a second, before the signal.
    proc = start("dump", BIG, "-o", out, "--workers", "2", "--quiet")
    assert wait_for(lambda: len(children(proc.pid)) >= 2)
    time.sleep(0.3)
    os.killpg(proc.pid, sig)  # what Ctrl-C (or systemd stop) does: every process of the group
    status, err = finish(proc)
    no_traceback(err)
    assert status == code, err
    assert "pages read" in err  # the summary
    assert "--resume" in err  # and how to go on
    part = records(out)  # what is there is whole records, in order
    titles = article_titles(BIG)
    assert len(part) < len(titles), "the signal landed after the run had ended"
    assert [r["title"] for r in part] == titles[: len(part)]
    status, err = run("dump", BIG, "-o", out, "--workers", "2", "--resume", "--quiet", timeout=3 * PROBE)
    assert status == 0, err
    assert [r["title"] for r in records(out)] == titles  # no duplicate, no gap
    got = titles
    assert len({(r["meta"]["source"], r["meta"]["position"]) for r in records(out)}) == len(got)


# --------------------------------------------------------------------------- outputs


def test_output_equal_to_input_is_refused_untouched(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    shutil.copy(DUMPS / "enterprise_sample_2records.ndjson", src)
    before = digest(src)
    status, err = run("dump", src, "-o", src)
    assert status == 2 and "is also an input" in err
    assert digest(src) == before


def test_output_inside_an_input_directory_is_refused(tmp_path: Path) -> None:
    shutil.copytree(DUMPS / "articles_dir", tmp_path / "d")
    status, err = run("dump", tmp_path / "d", "-o", tmp_path / "d" / "out.jsonl")
    assert status == 2 and "inside the input directory" in err
    assert not (tmp_path / "d" / "out.jsonl").exists()


def test_second_writer_is_refused_and_the_first_succeeds(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    # The first writer reads stdin, held open until the second has been refused: no race with
    # how fast the first one would otherwise finish.
    first = start("dump", "-", "-o", out, "--workers", "1", "--limit", "64", "--quiet", stdin=subprocess.PIPE)
    assert wait_for(lambda: Path(str(out) + ".lock").exists())
    status, err = run("dump", SMALL, "-o", out, "--workers", "1", "--quiet")
    assert status == 2 and "another bioparse" in err, err
    assert first.stdin is not None
    try:
        first.stdin.write(bz2.decompress(BIG.read_bytes()))
        first.stdin.close()
    except BrokenPipeError:  # it stops reading after --limit pages
        pass
    status, err = finish(first)
    assert status == 0, err
    assert [r["title"] for r in records(out)] == article_titles(BIG, 64)
    assert not Path(str(out) + ".lock").exists()


def test_killed_parquet_run_leaves_no_file_at_out(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    proc = start("dump", BIG, "-o", out, "--workers", "1", "--quiet")
    assert wait_for(lambda: any(p.name.endswith(".tmp") for p in tmp_path.iterdir()))
    time.sleep(0.3)
    proc.kill()  # kill -9 of the main process: no cleanup at all
    finish(proc)
    assert not out.exists()
    status, err = run("dump", SMALL, "-o", out, "--workers", "1", "--quiet")  # the next run is not blocked
    assert status == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.parquet"]  # the stale temporary file is gone


def test_resume_keys_on_the_full_input_path(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    for d in (a, b):
        shutil.copy(SMALL, d / "dump.xml.bz2")  # two inputs with the same file name
    out = tmp_path / "out.jsonl"
    status, err = run("dump", a / "dump.xml.bz2", b / "dump.xml.bz2", "-o", out, "--limit", "7", "--workers", "1", "--quiet")
    assert status == 0, err
    status, err = run("dump", a / "dump.xml.bz2", b / "dump.xml.bz2", "-o", out, "--resume", "--workers", "1", "--quiet")
    assert status == 0, err
    assert [r["title"] for r in records(out)] == TABLE_TITLES + TABLE_TITLES  # no duplicate, nothing missing


def test_resume_refuses_an_input_that_changed(tmp_path: Path) -> None:
    src = tmp_path / "dump.xml.bz2"
    shutil.copy(SMALL, src)
    out = tmp_path / "out.jsonl"
    assert run("dump", src, "-o", out, "--limit", "2", "--workers", "1", "--quiet")[0] == 0
    os.utime(src, ns=(0, 10**18))
    before = digest(out)
    status, err = run("dump", src, "-o", out, "--resume", "--workers", "1", "--quiet")
    assert status == 2 and "changed since" in err
    assert digest(out) == before


@pytest.mark.parametrize(
    "content",
    [b"shopping list\nmilk\n", b'{"a": 1}\n{"a": 2}\n', b'{"not": "a record"}', b"\x00\x01binary"],
)
def test_resume_refuses_what_is_not_bioparse_output(tmp_path: Path, content: bytes) -> None:
    out = tmp_path / "notes.jsonl"
    out.write_bytes(content)
    status, err = run("dump", SMALL, "-o", out, "--resume", "--workers", "1", "--quiet")
    assert status == 2 and "not bioparse" in err, err
    assert out.read_bytes() == content


@pytest.mark.parametrize("name, fmt", [("out.csv", None), ("out", None), ("out.parquet.gz", None)])
def test_unknown_output_suffix_is_an_error(tmp_path: Path, name: str, fmt: str | None) -> None:
    status, err = run("dump", SMALL, "-o", tmp_path / name, "--quiet")
    assert status == 2 and "suffix" in err
    assert list(tmp_path.iterdir()) == []


def test_compressed_outputs_by_suffix(tmp_path: Path) -> None:
    import gzip

    import zstandard

    assert run("dump", SMALL, "-o", tmp_path / "o.jsonl.gz", "--workers", "1", "--quiet")[0] == 0
    assert run("dump", SMALL, "-o", tmp_path / "o.jsonl.zst", "--workers", "1", "--quiet")[0] == 0
    gz = gzip.decompress((tmp_path / "o.jsonl.gz").read_bytes())
    zst = zstandard.ZstdDecompressor().stream_reader((tmp_path / "o.jsonl.zst").read_bytes()).read()
    assert gz == zst
    assert [orjson.loads(line)["title"] for line in gz.splitlines()] == TABLE_TITLES


# --------------------------------------------------------------------------- disks and pipes


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_dev_full(fmt: str) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    status, err = run("dump", SMALL, "-o", "/dev/full", "--output-format", fmt, "--workers", "1", "--quiet")
    no_traceback(err)
    assert status == 1
    assert "cannot write /dev/full: no space left" in err
    assert "cannot read" not in err


def test_full_disk_on_a_tiny_tmpfs(tmp_path: Path) -> None:
    if not tiny_tmpfs_works():
        pytest.skip("cannot mount a tmpfs here (needs unshare -rm and user namespaces)")
    from procs import command, env

    mnt = tmp_path / "mnt"
    mnt.mkdir()
    cmd = " ".join(f"'{c}'" for c in command("dump", BIG, "-o", mnt / "out.jsonl", "--workers", "1", "--limit", "64", "--quiet"))
    script = f"mount -t tmpfs -o size=64k tmpfs '{mnt}' && {cmd}; echo \"rc=$?\" >&2; ls -a '{mnt}' >&2"
    proc = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, env=env(), timeout=PROBE, check=False)
    err = proc.stderr.decode()
    no_traceback(err)
    assert "rc=1" in err
    assert f"cannot write {mnt / 'out.jsonl'}: no space left" in err
    assert "out.jsonl" not in err.split("rc=1", 1)[1]  # neither OUT nor its temporary file is left


def test_closed_pipe_is_a_quiet_exit(tmp_path: Path) -> None:
    proc = start("dump", SMALL, "-o", "-", "--workers", "2", "--quiet")  # 178 KB of records: more than a pipe holds
    assert proc.stdout is not None
    proc.stdout.read(100)
    proc.stdout.close()  # the reader goes away, as `| head -c 100` does
    status, err = finish(proc)
    no_traceback(err)
    assert status == 0
    assert "cannot" not in err


def test_parse_closed_pipe_exits_0(tmp_path: Path) -> None:
    texts = sorted((DUMPS.parent / "text").glob("*.txt"))
    proc = start("parse", *texts)
    assert proc.stdout is not None
    proc.stdout.read(10)
    proc.stdout.close()
    status, err = finish(proc)
    no_traceback(err)
    assert status == 0


# --------------------------------------------------------------------------- names and inputs


def test_non_utf8_names_and_a_dangling_symlink(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    good = (DUMPS.parent / "text" / "marcus_fox.txt").read_bytes()
    with open(os.path.join(os.fsencode(d), b"a_caf\xe9.txt"), "wb") as fh:
        fh.write(good)
    (d / "b_good.txt").write_bytes(good)
    (d / "c_dangling.txt").symlink_to(tmp_path / "nowhere")
    (d / "d_after.txt").write_bytes(good)
    out = os.path.join(os.fsencode(tmp_path), b"out\xff.jsonl")
    status, err = run("dump", d, "-o", out, "--workers", "1", "--quiet")
    no_traceback(err)
    assert status == 2
    assert "c_dangling.txt" in err and "no such file" in err
    got = [orjson.loads(line) for line in Path(os.fsdecode(out)).read_bytes().splitlines()]
    # the files read before the broken one are kept, with the undecodable byte written as \xe9
    assert [r["meta"]["source"] for r in got] == ["a_caf\\xe9.txt", "b_good.txt"]


def test_limit_zero_and_bad_worker_counts(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    status, err = run("dump", SMALL, "-o", out, "--limit", "0", "--quiet")
    assert status == 0 and out.read_bytes() == b""
    for bad in (["--workers", "0"], ["--workers", "-2"], ["--limit", "-1"]):
        status, err = run("dump", SMALL, "-o", tmp_path / "x.jsonl", *bad)
        assert status == 2 and "must be at least" in err
        assert not (tmp_path / "x.jsonl").exists()


def test_multistream_index_given_as_the_dump(tmp_path: Path) -> None:
    status, err = run("dump", DUMPS / "enwiki-table-markup-multistream-index.txt.bz2", "-o", tmp_path / "o.jsonl")
    assert status == 2 and "is a multistream index, not a dump" in err


def test_text_that_is_not_xml(tmp_path: Path) -> None:
    src = tmp_path / "notes.xml"
    src.write_text("These are my notes, not an export.\n")
    status, err = run("dump", src, "-o", tmp_path / "o.jsonl", "--quiet")
    assert status == 1 and "not a MediaWiki XML export" in err


def test_stale_multistream_index_is_named_and_the_dump_still_read(tmp_path: Path) -> None:
    import bz2

    dump = tmp_path / "enwiki-table-markup-multistream.xml.bz2"
    shutil.copy(DUMPS / dump.name, dump)
    lines = bz2.decompress((DUMPS / "enwiki-table-markup-multistream-index.txt.bz2").read_bytes()).splitlines()
    shifted = [b"%d:%s" % (int(line.split(b":", 1)[0]) + 10, line.split(b":", 1)[1]) for line in lines]
    (tmp_path / "enwiki-table-markup-multistream-index.txt").write_bytes(b"\n".join(shifted) + b"\n")
    out = tmp_path / "o.jsonl"
    status, err = run("dump", dump, "-o", out, "--workers", "2", "--quiet")
    assert status == 0, err
    assert "does not match the dump" in err and "stale" in err
    assert [r["title"] for r in records(out)] == TABLE_TITLES


def test_parse_refuses_a_compressed_dump() -> None:
    status, err = run("parse", SMALL)
    assert status == 2
    assert "bzip2-compressed data" in err and "bioparse dump" in err


def test_progress_to_a_log_is_plain_lines(tmp_path: Path) -> None:
    status, err = run("dump", SMALL, "-o", tmp_path / "o.jsonl", "--workers", "1", "--progress")
    assert status == 0
    assert "\r" not in err and "\x1b" not in err
    assert re.search(r"5 pages, 0 errors, .* elapsed \d:\d\d:\d\d, ETA \d:\d\d:\d\d", err), err


def test_workers_end_when_the_main_process_is_killed(tmp_path: Path) -> None:
    proc = start("dump", BIG, "-o", tmp_path / "o.jsonl", "--workers", "2", "--quiet")
    assert wait_for(lambda: len(children(proc.pid)) >= 2)
    workers = children(proc.pid)
    proc.kill()
    finish(proc)
    # orphans would wait for work forever; they notice within a second or two
    assert wait_for(lambda: not any(os.path.exists(f"/proc/{w}") and _alive(w) for w in workers), timeout=PROBE)


def test_a_worker_whose_parent_dies_before_it_starts_ends_too(tmp_path: Path) -> None:
    """The parent killed between a worker's fork and its start-up (a loaded machine): the worker must
    not take its new parent (init) for the one to watch.  The worker is stopped as soon as it is
    forked, so the parent is surely gone before its start-up code runs."""
    proc = start("dump", BIG, "-o", tmp_path / "o.jsonl", "--workers", "2", "--quiet",
                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert wait_for(lambda: len(children(proc.pid)) >= 1, step=0.0005)
    workers = children(proc.pid)
    for w in workers:
        os.kill(w, signal.SIGSTOP)
    proc.kill()
    proc.wait(timeout=PROBE)
    assert all(os.getpgid(w) == proc.pid for w in workers)  # still there, parent gone: the fault landed
    for w in workers:
        os.kill(w, signal.SIGCONT)
    try:
        assert wait_for(lambda: not any(_alive(w) for w in workers), timeout=PROBE), "orphaned workers still running"
    finally:
        for w in workers:
            try:
                os.kill(w, signal.SIGKILL)
            except OSError:
                pass


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_sigint_during_parquet_leaves_a_readable_file(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "out.parquet"
    proc = start("dump", BIG, "-o", out, "--workers", "2", "--quiet")
    assert wait_for(lambda: len(children(proc.pid)) >= 2)
    time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGINT)
    status, err = finish(proc)
    no_traceback(err)
    assert status == 130, err
    done = int(re.search(r"holds the (\d+) records completed", err).group(1))  # type: ignore[union-attr]
    table = pq.read_table(out)  # closed properly: footer written
    assert table.num_rows == done
    assert table.column("title").to_pylist() == article_titles(BIG)[:done]


def test_parse_with_a_non_utf8_file_name(tmp_path: Path) -> None:
    name = os.path.join(os.fsencode(tmp_path), b"Jos\xe9.txt")
    with open(name, "wb") as fh:
        fh.write((DUMPS.parent / "text" / "jose_serrano.txt").read_bytes())
    proc = start("parse", name)
    out, err = proc.communicate(timeout=PROBE)
    assert proc.returncode == 0, err
    assert orjson.loads(out)["person"]["name"] == "José Serrano"
