"""``bioparse export`` and ``bioparse dump --to`` under faults, and what every command does with a closed or
full stdout: real processes, every wait bounded (``procs.PROBE``).

An export is written aside and moved into place only when complete, so after any fault OUT must be
as it was (here: absent) and nothing staged may be left behind."""

from __future__ import annotations

import bz2
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from procs import (
    BIG,
    DUMPS,
    PROBE,
    command,
    env,
    finish,
    finish_with_stdin_open,
    on_tiny_tmpfs,
    run,
    start,
    tiny_tmpfs_works,
    wait_for,
)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc, /dev/full, flock (Linux)")
PRESIDENTS = DUMPS / "presidents"


def no_traceback(err: str) -> None:
    assert "Traceback" not in err and "Exception ignored" not in err, err


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four presidents' records (``bioparse dump``), repeated 40 times: 160 records, 160 people."""
    root = tmp_path_factory.mktemp("records")
    status, err = run("dump", PRESIDENTS, "-o", root / "four.jsonl", "--workers", "1", "--quiet", timeout=3 * PROBE)
    assert status == 0, err
    lines = (root / "four.jsonl").read_bytes()
    assert len(lines.splitlines()) == 4
    (root / "many.jsonl").write_bytes(lines * 40)
    return root / "many.jsonl"


def left_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --------------------------------------------------------------------------- signals


@pytest.mark.parametrize("sig, code, to", [(signal.SIGINT, 130, "wikidata"), (signal.SIGTERM, 143, "tables")])
def test_export_signal_while_waiting_for_input(tmp_path: Path, records: Path, sig: int, code: int, to: str) -> None:
    """Records come through a pipe that stays open, so the run cannot have ended: the signal lands
    mid-run, while bioparse waits for input (it used to wait on; SIGTERM left the staged folder)."""
    out = tmp_path / ("out" if to == "tables" else "out.jsonl")
    proc = start("export", "-", "--to", to, "-o", out, stdin=subprocess.PIPE)
    assert proc.stdin is not None
    proc.stdin.write(records.read_bytes()[:50_000])
    proc.stdin.flush()
    assert wait_for(lambda: any(p.name.startswith(".out.") for p in tmp_path.iterdir())), "the export never began"
    os.kill(proc.pid, sig)
    status, err = finish_with_stdin_open(proc)
    no_traceback(err)
    assert status == code, err
    assert f"stopped by {signal.Signals(sig).name} after" in err and "was not written (left as it was)" in err
    assert left_in(tmp_path) == []  # neither OUT nor a staged file nor OUT.lock


def test_dump_to_signal_to_the_group_mid_run(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    proc = start("dump", "-", "--to", "wikidata", "-o", out, "--workers", "2", "--quiet", stdin=subprocess.PIPE)
    assert proc.stdin is not None
    xml = bz2.decompress(BIG.read_bytes())
    proc.stdin.write(xml[: len(xml) // 2])
    proc.stdin.flush()
    assert wait_for(lambda: any(p.name.startswith(".out.jsonl.") for p in tmp_path.iterdir()))
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the workers are in the group too
    status, err = finish_with_stdin_open(proc)
    no_traceback(err)
    assert status == 130, err
    assert "pages read" in err and "stopped by SIGINT: " in err and "was not written" in err
    assert left_in(tmp_path) == []


def test_dump_signal_while_waiting_for_input_keeps_what_is_complete(tmp_path: Path) -> None:
    """SIGTERM (systemd stop) to a dump reading a pipe that went quiet: it used to wait for more input."""
    out = tmp_path / "out.jsonl"
    proc = start("dump", "-", "-o", out, "--workers", "2", "--quiet", stdin=subprocess.PIPE)
    assert proc.stdin is not None
    xml = bz2.decompress(BIG.read_bytes())
    proc.stdin.write(xml[: len(xml) // 2])
    proc.stdin.flush()
    assert wait_for(lambda: any(p.name.endswith(".tmp") for p in tmp_path.iterdir())), "the run never began"
    os.kill(proc.pid, signal.SIGTERM)
    status, err = finish_with_stdin_open(proc)
    no_traceback(err)
    assert status == 143, err
    assert "stopped by SIGTERM" in err and "--resume" in err
    titles = _titles(xml)
    got = [orjson.loads(line)["title"] for line in out.read_bytes().splitlines()]
    assert f"holds the {len(got)} records completed" in err
    assert len(got) < len(titles) and got == titles[: len(got)]  # whole records, in order
    resumed = subprocess.run(command("dump", "-", "-o", out, "--resume", "--workers", "2", "--quiet"), input=xml,
                             capture_output=True, env=env(), timeout=3 * PROBE, check=False)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert [orjson.loads(line)["title"] for line in out.read_bytes().splitlines()] == titles


def _titles(xml: bytes) -> list[str]:
    pages = re.findall(rb"<title>(.*?)</title>\s*<ns>(\d+)</ns>", xml)
    return [t.decode().replace("&amp;", "&").replace("&quot;", '"') for t, ns in pages if ns == b"0"]


# --------------------------------------------------------------------------- killed runs


def test_killed_export_leaves_nothing_the_next_run_keeps(tmp_path: Path, records: Path) -> None:
    out = tmp_path / "tables"
    proc = start("export", "-", "--to", "tables", "-o", out, stdin=subprocess.PIPE)
    assert proc.stdin is not None
    proc.stdin.write(records.read_bytes()[:50_000])
    proc.stdin.flush()
    assert wait_for(lambda: any(p.name.startswith(".tables.") for p in tmp_path.iterdir()))
    proc.kill()  # kill -9: no cleanup at all
    finish(proc)
    assert not out.exists()
    status, err = run("export", records, "--to", "tables", "-o", out)
    assert status == 0, err
    assert left_in(tmp_path) == ["tables"]  # the killed run's staged folder is gone, and its lock


def test_resume_takes_up_the_records_of_a_killed_run(tmp_path: Path) -> None:
    """A fresh run writes under a temporary name; killed (-9) before renaming it, ``--resume`` used to
    start again from nothing.  It now takes that file up and goes on from its last complete record."""
    out = tmp_path / "out.jsonl"
    xml = bz2.decompress(BIG.read_bytes())
    proc = start("dump", "-", "-o", out, "--workers", "1", "--quiet", stdin=subprocess.PIPE)
    assert proc.stdin is not None
    proc.stdin.write(xml[: len(xml) // 2])
    proc.stdin.flush()
    def temp() -> list[Path]:
        return [p for p in tmp_path.iterdir() if re.fullmatch(r"\.out\.jsonl\.\d+\.tmp", p.name)]

    assert wait_for(lambda: temp() and b"\n" in temp()[0].read_bytes()), "no record was written"
    proc.kill()
    finish(proc)
    assert not out.exists()
    resumed = subprocess.run(command("dump", "-", "-o", out, "--resume", "--workers", "1", "--quiet"), input=xml,
                             capture_output=True, env=env(), timeout=3 * PROBE, check=False)
    err = resumed.stderr.decode()
    assert resumed.returncode == 0, err
    assert "taking up" in err and "resuming after" in err
    assert [orjson.loads(line)["title"] for line in out.read_bytes().splitlines()] == _titles(xml)
    assert left_in(tmp_path) == ["out.jsonl"]


# --------------------------------------------------------------------------- disks and pipes


@pytest.mark.parametrize("to", ["wikidata", "jsonld"])
def test_export_to_dev_full(records: Path, to: str) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    status, err = run("export", records, "--to", to, "-o", "/dev/full")
    no_traceback(err)
    assert status == 1
    assert "cannot write /dev/full: no space left" in err


def test_dump_to_dev_full() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    status, err = run("dump", PRESIDENTS, "--to", "wikidata", "-o", "/dev/full", "--workers", "1", "--quiet")
    no_traceback(err)
    assert status == 1
    assert "cannot write /dev/full: no space left" in err and "cannot read" not in err


@pytest.mark.parametrize("cmd", [("export", "RECORDS"), ("dump", str(PRESIDENTS), "--workers", "1", "--quiet")])
@pytest.mark.parametrize("to, name", [("tables", "tab"), ("wikidata", "out.jsonl")])
def test_full_disk_on_a_tiny_tmpfs(tmp_path: Path, records: Path, cmd: tuple[str, ...], to: str, name: str) -> None:
    if not tiny_tmpfs_works():
        pytest.skip("cannot mount a tmpfs here (needs unshare -rm and user namespaces)")
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    args = [str(records) if a == "RECORDS" else a for a in cmd]
    # 58 KB of the 64 are taken first, so even the few lines of wikidata do not fit
    err, listing = on_tiny_tmpfs(mnt, *args, "--to", to, "-o", mnt / name, before="head -c 58000 /dev/zero > fill")
    no_traceback(err)
    assert "rc=1" in err, err
    assert f"cannot write {mnt / name}: no space left" in err
    assert listing.split() == [".", "..", "fill"]  # no OUT, nothing staged, no lock


def test_resume_on_a_full_disk_still_refuses_what_is_not_bioparse_output(tmp_path: Path) -> None:
    if not tiny_tmpfs_works():
        pytest.skip("cannot mount a tmpfs here (needs unshare -rm and user namespaces)")
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    err, listing = on_tiny_tmpfs(mnt, "dump", PRESIDENTS, "-o", mnt / "notes.jsonl", "--resume", "--workers", "1",
                                 before="echo milk > notes.jsonl && head -c 60000 /dev/zero > fill")
    no_traceback(err)
    assert "rc=2" in err and "is not bioparse JSON Lines output; not touching it" in err, err
    assert listing.split() == [".", "..", "fill", "notes.jsonl"]


@pytest.mark.parametrize("cmd", [("export", "RECORDS", "--to", "wikidata"), ("dump", str(BIG), "--to", "jsonld")])
def test_closed_pipe_is_a_quiet_exit(records: Path, cmd: tuple[str, ...]) -> None:
    """``... -o - | head -c 100``: exit 0, no "cannot read input: broken pipe" (exit 2) any more."""
    proc = start(*(str(records) if a == "RECORDS" else a for a in cmd), "-o", "-")
    assert proc.stdout is not None
    assert len(proc.stdout.read(100)) == 100
    proc.stdout.close()
    status, err = finish(proc)
    no_traceback(err)
    assert status == 0, err
    assert "cannot" not in err


# --------------------------------------------------------------------------- a closed or full stdout


def _with_stdout_closed(*args: str | os.PathLike[str]) -> tuple[int, str]:
    proc = subprocess.run(["sh", "-c", 'exec "$@" >&-', "sh", *command(*args)], capture_output=True, env=env(),
                          timeout=PROBE, check=False)
    return proc.returncode, proc.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize(
    "args",
    [("parse", str(PRESIDENTS / "John_Adams.wiki")), ("schema",), ("export", "RECORDS", "--to", "jsonld", "-o", "-"),
     ("dump", str(PRESIDENTS), "--to", "jsonld", "-o", "-", "--workers", "1")],
)
def test_stdout_closed_is_one_line(records: Path, args: tuple[str, ...]) -> None:
    status, err = _with_stdout_closed(*(str(records) if a == "RECORDS" else a for a in args))
    no_traceback(err)
    assert status == 2
    assert err.strip() == "bioparse: cannot write -: stdout is closed"


def test_stdout_closed_does_not_matter_with_an_output_file(tmp_path: Path, records: Path) -> None:
    status, err = _with_stdout_closed("export", records, "--to", "wikidata", "-o", tmp_path / "out.jsonl")
    no_traceback(err)
    assert status == 0, err
    assert len((tmp_path / "out.jsonl").read_bytes().splitlines()) == 160


@pytest.mark.parametrize("args", [("parse", str(PRESIDENTS / "John_Adams.wiki")), ("schema",)])
def test_stdout_to_dev_full_is_one_line(args: tuple[str, ...]) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(command(*args), stdout=full, stderr=subprocess.PIPE, env=env(), timeout=PROBE, check=False)
    err = proc.stderr.decode()
    no_traceback(err)
    assert proc.returncode == 1
    assert err.strip() == "bioparse: cannot write -: no space left"


# --------------------------------------------------------------------------- inputs and names


def _unreadable(path: Path) -> list[str]:
    """Make ``path`` unreadable; returns the command prefix that runs bioparse without the power to read
    it anyway (root reads everything: it is run with CAP_DAC_OVERRIDE/READ_SEARCH dropped)."""
    path.chmod(0)
    if os.geteuid() != 0:
        return []
    import shutil

    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot make a file unreadable")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


@pytest.mark.parametrize("to", [None, "jsonld"])
def test_unreadable_file_in_a_directory_keeps_the_records_before_it(tmp_path: Path, to: str | None) -> None:
    d = tmp_path / "in"
    d.mkdir()
    for name in ("a_John_Adams.wiki", "b_locked.wiki", "c_James_Madison.wiki"):
        (d / name).write_bytes((PRESIDENTS / name[2:].replace("locked", "Thomas_Jefferson")).read_bytes())
    prefix = _unreadable(d / "b_locked.wiki")
    out = tmp_path / ("out.jsonl" if to is None else "out.ld.jsonl")
    extra = [] if to is None else ["--to", to]
    proc = subprocess.run([*prefix, *command("dump", d, "-o", out, "--workers", "1", "--quiet", *extra)],
                          capture_output=True, env=env(), timeout=PROBE, check=False)
    err = proc.stderr.decode()
    no_traceback(err)
    assert proc.returncode == 2, err
    assert f"cannot read {d / 'b_locked.wiki'}: permission denied" in err
    got = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert len(got) == 1  # John Adams, read before the locked file (it used to be dropped with --to)
    assert "Adams" in (got[0]["title"] if to is None else got[0]["name"])


def test_export_tables_to_a_folder_named_with_a_latin1_byte(tmp_path: Path, records: Path) -> None:
    out = os.path.join(os.fsencode(tmp_path), b"tabl\xe9s")
    status, err = run("export", records, "--to", "tables", "-o", out)
    no_traceback(err)
    assert status == 0, err
    assert sorted(os.listdir(out))[:2] == [b"colleagues.parquet", b"offices.parquet"]


def test_second_export_writer_is_refused_and_the_first_succeeds(tmp_path: Path, records: Path) -> None:
    """The first export reads a pipe held open until the second one has been refused: no race."""
    out = tmp_path / "out.jsonl"
    first = start("export", "-", "--to", "wikidata", "-o", out, stdin=subprocess.PIPE)
    assert wait_for(lambda: Path(str(out) + ".lock").exists())
    for second in (("export", records, "--to", "wikidata", "-o", out),
                   ("dump", PRESIDENTS, "--to", "wikidata", "-o", out, "--workers", "1", "--quiet")):
        status, err = run(*second)
        assert status == 2 and f"refusing to write {out}: another bioparse (pid {first.pid}) is writing it" in err, err
    _out, err_bytes = first.communicate(records.read_bytes(), timeout=PROBE)
    assert first.returncode == 0, err_bytes.decode()
    assert len(out.read_bytes().splitlines()) == 160  # one line per person, none mixed in
    assert left_in(tmp_path) == ["out.jsonl"]


def test_dump_of_a_fifo_whose_writer_went_quiet_stops_on_sigterm(tmp_path: Path) -> None:
    fifo = tmp_path / "in.xml"
    os.mkfifo(fifo)
    out = tmp_path / "out.jsonl"
    proc = start("dump", fifo, "-o", out, "--workers", "2", "--quiet")
    xml = bz2.decompress(BIG.read_bytes())
    with open(fifo, "wb") as writer:  # opens once bioparse has opened the FIFO to read it
        writer.write(xml[: len(xml) // 2])
        writer.flush()
        assert wait_for(lambda: any(p.name.endswith(".tmp") for p in tmp_path.iterdir())), "the run never began"
        os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=PROBE)  # the writer is still open: only the signal can end the run
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            raise AssertionError("still waiting on the FIFO after SIGTERM") from None
    status, err = finish(proc)
    no_traceback(err)
    assert status == 143 and "stopped by SIGTERM" in err, err
    got = [orjson.loads(line)["title"] for line in out.read_bytes().splitlines()]
    assert got == _titles(xml)[: len(got)]
