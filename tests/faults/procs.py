"""Running ``bioparse`` as a real process, with every wait bounded."""

from __future__ import annotations

import bz2
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DUMPS = ROOT / "fixtures" / "dumps"
#: 205 article pages, about 2-6 s with two workers: long enough to hit mid-run.
BIG = DUMPS / "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
SMALL = DUMPS / "enwiki-table-markup.xml.bz2"
#: No probe may take longer than this.
PROBE = 10.0


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + e.get("PYTHONPATH", "")
    return e


def command(*args: str | bytes | os.PathLike[str]) -> list[str | bytes]:
    return [sys.executable, "-m", "bioparse.cli", *(a if isinstance(a, bytes) else os.fspath(a) for a in args)]


def start(*args: str | bytes | os.PathLike[str], **kw: object) -> subprocess.Popen[bytes]:
    """Start bioparse in its own process group (so a test can signal the group, as Ctrl-C does)."""
    return subprocess.Popen(
        command(*args), env=env(), stdout=kw.pop("stdout", subprocess.PIPE), stderr=kw.pop("stderr", subprocess.PIPE),
        start_new_session=True, **kw  # type: ignore[arg-type]
    )


def finish(proc: subprocess.Popen[bytes], timeout: float = PROBE) -> tuple[int, str]:
    """Exit status and stderr; a process still running after ``timeout`` is killed and the test fails."""
    try:
        _out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise AssertionError(f"bioparse still running after {timeout} s: it hangs") from None
    return proc.returncode, err.decode("utf-8", "replace")


def finish_with_stdin_open(proc: subprocess.Popen[bytes], timeout: float = PROBE) -> tuple[int, str]:
    """As :func:`finish`, but the process must end while its stdin is still open (as a producer that went
    quiet leaves it): ``communicate`` would close it first, and the end of input would end the run."""
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise AssertionError(f"bioparse still running {timeout} s after the signal, waiting for input: it hangs") from None
    return finish(proc)


def run(*args: str | bytes | os.PathLike[str], timeout: float = PROBE) -> tuple[int, str]:
    return finish(start(*args), timeout)


def children(pid: int) -> list[int]:
    """Worker processes of ``pid`` (Linux /proc)."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def wait_for(predicate: object, timeout: float = PROBE, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(step)
    return False


def article_titles(path: Path, limit: int | None = None) -> list[str]:
    """Titles of the namespace-0 pages of a .xml.bz2 export, read with a regex (not with bioparse)."""
    xml = bz2.decompress(path.read_bytes()).decode("utf-8")
    pages = re.findall(r"<title>(.*?)</title>\s*<ns>(\d+)</ns>", xml)
    titles = [t.replace("&amp;", "&").replace("&quot;", '"').replace("&#039;", "'") for t, ns in pages if ns == "0"]
    return titles[:limit] if limit is not None else titles


def tiny_tmpfs_works() -> bool:
    """Whether a 64 KB tmpfs can be mounted here (``unshare -rm``: needs user namespaces)."""
    import shutil

    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs $d"],
        capture_output=True, timeout=PROBE, check=False,
    )
    return probe.returncode == 0


def on_tiny_tmpfs(mnt: Path, *args: str | os.PathLike[str], before: str = "") -> tuple[str, str]:
    """Run bioparse with a 64 KB tmpfs mounted at ``mnt`` (``before``: shell run first, in ``mnt``);
    returns (stderr, what ``ls -a`` shows in ``mnt`` afterwards).  The exit status is in stderr as rc=N."""
    cmd = " ".join("'" + str(c) + "'" for c in command(*args))
    script = (f"mount -t tmpfs -o size=64k tmpfs '{mnt}' && cd '{mnt}' && {before or 'true'} && cd - >/dev/null && "
              f"{cmd}; echo \"rc=$?\" >&2; echo '--ls--' >&2; ls -a '{mnt}' >&2")
    proc = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, env=env(), timeout=PROBE,
                          check=False)
    err, _, listing = proc.stderr.decode("utf-8", "replace").partition("--ls--")
    return err, listing
