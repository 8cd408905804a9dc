"""Where a dump's records go, written so that no failure destroys or mixes data.

* The output's format and compression come from its suffix (``.jsonl``,
  ``.jsonl.gz``, ``.jsonl.zst``, ``.parquet``); an unknown suffix is an error
  rather than JSON Lines under a misleading name.
* A regular-file output is written under a temporary name in the same folder
  and renamed over OUT only when the run ends (normally, or stopped by a
  signal with what was complete): a killed run never leaves a half-written
  Parquet file at OUT, and OUT is untouched until then.  ``--resume``
  appends to OUT itself, after checking it is bioparse output.
* ``OUT.lock`` (held with ``flock`` while a run writes, so a crashed run
  never blocks the next one) refuses a second writer of the same output.
* ``OUT.resume`` records the inputs (full path, size, modification time)
  and the output offset where each input's records begin, so ``--resume``
  knows which input the last record came from even when two inputs share a
  file name, and refuses inputs that changed since.  It is removed when a
  run completes.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from typing import IO, Any

import orjson

from ..model import Article
from .process import clean

COMPRESSIONS = {".gz": "gzip", ".zst": "zstd"}
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jl")
_PARQUET_SUFFIXES = (".parquet", ".pq")


class OutputError(Exception):
    """An output that cannot be used, refused before anything is written (exit 2)."""


class ResumeError(Exception):
    """``--resume`` cannot continue from this output (exit 2; the output is unchanged)."""


class WriteError(Exception):
    """Writing the output failed; the message names the file and the reason (exit 1)."""

    def __init__(self, path: str, exc: BaseException):
        self.path = path
        self.reason = os_reason(exc)
        super().__init__(f"cannot write {path}: {self.reason}")


def os_reason(exc: BaseException) -> str:
    """A short lower-case reason for an OS error ("no space left", "permission denied")."""
    code = getattr(exc, "errno", None)
    text = str(exc)
    if code == errno.ENOSPC or "No space left" in text:
        return "no space left"
    if code == errno.EDQUOT:
        return "disk quota exceeded"
    reason = getattr(exc, "strerror", None) or text or type(exc).__name__
    return reason[:1].lower() + reason[1:]


def output_spec(path: str, explicit: str | None) -> tuple[str, str | None]:
    """(format, compression) of OUT: ``explicit`` or the suffix decides the format, the suffix the compression.

    Raises OutputError for a suffix that says neither (``out.csv``, ``out``).
    """
    lower = path.lower()
    compression = None
    for suffix, name in COMPRESSIONS.items():
        if lower.endswith(suffix):
            compression, lower = name, lower[: -len(suffix)]
    fmt = explicit
    if fmt is None:
        if lower.endswith(_PARQUET_SUFFIXES):
            fmt = "parquet"
        elif lower.endswith(_JSONL_SUFFIXES):
            fmt = "jsonl"
        else:
            raise OutputError(
                f"cannot tell the output format of {path} from its suffix: use .jsonl, .jsonl.gz, "
                ".jsonl.zst or .parquet, or give --output-format"
            )
    if fmt == "parquet" and compression:
        raise OutputError(f"{path}: Parquet is compressed inside (zstd); drop the {lower and path[len(lower):]} suffix")
    return fmt, compression


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_not_input(out: str, inputs: list[str]) -> None:
    """Refuse an output that is one of the inputs or lies inside an input directory."""
    real_out = os.path.realpath(out)
    for path in inputs:
        if path == "-" or "://" in path:
            continue
        if os.path.isdir(path):
            root = os.path.realpath(path)
            if os.path.commonpath([root, real_out]) == root:
                raise OutputError(f"refusing to write {out}: it is inside the input directory {path}")
        elif os.path.exists(out) and _same_file(out, path) or real_out == os.path.realpath(path):
            raise OutputError(f"refusing to write {out}: it is also an input")


def _regular_or_new(path: str) -> bool:
    """True for a path that is a regular file or does not exist (devices and pipes are written directly)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return True


@dataclass
class InputState:
    path: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str) -> InputState:
        """The input's identity; stdin, URLs and what cannot be stat'ed have size and mtime -1."""
        if path == "-" or "://" in path:
            return cls(clean(path), -1, -1)
        try:
            st = os.stat(path)
        except OSError:
            return cls(clean(os.path.abspath(path)), -1, -1)
        return cls(clean(os.path.abspath(path)), st.st_size, st.st_mtime_ns)


@dataclass
class Target:
    """An opened output: the file handle to write, and what to do when the run ends."""

    path: str
    fh: IO[bytes]
    temp: str | None = None
    lock_path: str | None = None
    lock_fd: int | None = None
    state_path: str | None = None
    inputs: list[InputState] = field(default_factory=list)
    #: Where each input's records begin: {path, size, mtime_ns, offset}, in output order.
    starts: list[dict[str, Any]] = field(default_factory=list)
    #: The temporary file of a killed run that ``--resume`` took up as OUT.
    adopted: str | None = None

    def input_started(self, index: int, offset: int) -> None:
        """Record (before its records are written) that input ``index`` begins at byte ``offset`` of OUT."""
        if self.state_path is None:
            return
        state = self.inputs[index]
        if self.starts and self.starts[-1]["path"] == state.path:
            return
        self.starts.append({**vars(state), "offset": offset})
        _write_state(self.state_path, self.starts)

    def commit(self, complete: bool) -> None:
        """Put the output in place (rename the temporary file); forget the resume state if complete."""
        final_state = self.path + ".resume"
        if self.temp is not None:
            os.replace(self.temp, self.path)
            self.temp = None
            if self.state_path is not None and os.path.exists(self.state_path) and not complete:
                os.replace(self.state_path, final_state)
            else:
                _remove(final_state)  # describes an older output
        if self.state_path is not None and complete:
            _remove(self.state_path)
            _remove(final_state)
        self.release()

    def abort(self) -> None:
        """Remove the temporary file and its resume state (OUT is left as it was); release the lock."""
        if self.temp is not None:
            _remove(self.temp)
            self.temp = None
            if self.state_path is not None:
                _remove(self.state_path)
        self.release()

    def release(self) -> None:
        if self.lock_fd is not None:
            unlock(self.lock_path, self.lock_fd)
            self.lock_fd = None


def unlock(lock_path: str | None, fd: int) -> None:
    """Give up ``OUT.lock`` as :func:`lock` took it: remove the file, then close (and so free) it."""
    if lock_path is not None:
        _remove(lock_path)
    os.close(fd)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def lock(out: str) -> tuple[str, int]:
    """Take ``OUT.lock``; OutputError when another running bioparse holds it (POSIX ``flock``)."""
    import fcntl

    lock_path = out + ".lock"
    while True:
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"cannot write {out}: cannot create {lock_path}: {os_reason(exc)}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise OutputError(f"refusing to write {out}: another bioparse (pid {holder}) is writing it") from None
        # The holder may have removed the file between our open and our lock: lock the current one.
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(lock_path))
        except FileNotFoundError:
            same = False
        if same:
            try:  # the pid only names the holder in the refusal; the lock is the flock
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
            except OSError:  # a full disk: the run says so when it writes its first record
                pass
            return lock_path, fd
        os.close(fd)


def _remove_stale_temps(out: str) -> None:
    """Temporary files of runs of OUT that were killed (we hold the lock, so their writers are gone)."""
    folder, name = os.path.split(out)
    remove_stale(folder, re.compile(re.escape(f".{name}.") + r"[0-9]{1,10}\.tmp(?:\.resume(?:\.tmp)?)?"))


def remove_stale(folder: str, pattern: re.Pattern[str]) -> None:
    """Remove the entries of ``folder`` whose whole name matches ``pattern`` (files, or staged folders).

    Only for what killed runs of an output left: the caller holds that output's lock.
    """
    import shutil

    try:
        entries = os.listdir(folder or ".")
    except OSError:
        return
    for entry in entries:
        if pattern.fullmatch(entry):
            path = os.path.join(folder, entry)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                _remove(path)


def _adopt_killed_run(out: str) -> str | None:
    """``--resume`` where OUT is missing: the temporary file of a run of OUT that was killed before it
    could rename it into place (``kill -9``, a crash) becomes OUT, with its resume state, so the
    run goes on from its last complete record.  Returns that file's name, or None.

    Called with ``OUT.lock`` held, so no live bioparse writes these files; one that is not bioparse
    JSON Lines (a Parquet run of the same name) is left to be removed as stale.
    """
    folder, name = os.path.split(out)
    pattern = re.compile(re.escape(f".{name}.") + r"[0-9]{1,10}\.tmp")
    try:
        found = [os.path.join(folder, e) for e in os.listdir(folder or ".") if pattern.fullmatch(e)]
        found.sort(key=os.path.getmtime, reverse=True)
    except OSError:
        return None
    for path in found:
        try:
            if os.path.getsize(path) == 0:
                continue
            resume_point(path)
            state = path + ".resume"
            if os.path.exists(state):
                os.replace(state, out + ".resume")
            else:
                _remove(out + ".resume")
            os.replace(path, out)
        except (ResumeError, OSError):
            continue
        return path
    return None


def open_target(out: str, inputs: list[str], *, resume: bool, keep_state: bool) -> Target:
    """Lock OUT and open where the records go (a temporary file, or OUT itself to resume).

    ``keep_state`` writes ``OUT.resume`` (JSON Lines runs that can be resumed).
    """
    if not _regular_or_new(out):
        try:
            return Target(out, open(out, "ab" if resume else "wb"))  # a device or a pipe
        except OSError as exc:
            raise OutputError(f"cannot write {out}: {os_reason(exc)}") from None
    lock_path, fd = lock(out)
    adopted = _adopt_killed_run(out) if resume and not os.path.exists(out) else None
    _remove_stale_temps(out)
    target = Target(out, None, lock_path=lock_path, lock_fd=fd, adopted=adopted)  # type: ignore[arg-type]
    try:
        if resume and os.path.exists(out):
            target.fh = open(out, "ab")
        else:
            folder, name = os.path.split(out)
            target.temp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
            target.fh = open(target.temp, "wb")
        if keep_state:
            # A fresh run's state sits beside its temporary file until the output is renamed into place.
            target.state_path = (target.temp or out) + ".resume"
            target.inputs = [InputState.of(p) for p in inputs]
            if target.temp is None:
                target.starts = list((read_state(out) or {}).get("starts", []))
    except OSError as exc:
        target.abort()
        raise OutputError(f"cannot write {out}: {os_reason(exc)}") from None
    return target


def _write_state(path: str, starts: list[dict[str, Any]]) -> None:
    """Replace ``OUT.resume`` atomically (write aside, rename)."""
    data = orjson.dumps({"starts": starts}, default=str)
    tmp = path + ".tmp"
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        _remove(tmp)
        raise


def read_state(out: str) -> dict[str, Any] | None:
    """``OUT.resume`` as written by :meth:`Target.input_started`, or None."""
    try:
        with open(out + ".resume", "rb") as fh:
            state = orjson.loads(fh.read())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(state, dict) or not isinstance(state.get("starts"), list):
        return None
    return state


def input_of(out: str, offset: int) -> dict[str, Any] | None:
    """The input (path, size, mtime_ns) whose records hold byte ``offset`` of OUT, from ``OUT.resume``."""
    state = read_state(out)
    found = None
    for entry in (state or {}).get("starts", []):
        if isinstance(entry, dict) and isinstance(entry.get("offset"), int) and entry["offset"] <= offset:
            found = entry
    return found


#: How every record line begins (the first field of Article), to recognise a record cut short.
_RECORD_START = b'{"' + dataclasses.fields(Article)[0].name.encode() + b'":'


def _is_record(line: bytes) -> dict[str, Any] | None:
    """The record on ``line`` if it looks like bioparse output, else None."""
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(record, dict) or "source_format" not in record or not isinstance(record.get("meta"), dict):
        return None
    return record


@dataclass
class ResumePoint:
    records: int
    last: dict[str, Any] | None
    #: Byte offset where the last complete record starts, and where complete records end.
    last_start: int = 0
    end: int = 0


def resume_point(path: str) -> ResumePoint:
    """Check that ``path`` is bioparse JSON Lines and find its last complete record.

    Nothing is changed here: a file that is not bioparse output (its first or
    last complete line is not a record, or it has no complete line but is
    not empty) raises ResumeError.  The caller truncates a partial last line
    with :func:`drop_partial_line` once it has decided to go on.
    """
    if not os.path.exists(path):
        return ResumePoint(0, None)
    size = os.path.getsize(path)
    if size == 0:
        return ResumePoint(0, None)
    block = 1 << 16
    with open(path, "rb") as fh:
        first = fh.readline(1 << 26)
        if not first.endswith(b"\n") or _is_record(first) is None:
            if not first.startswith(_RECORD_START) or first.endswith(b"\n"):
                raise ResumeError(f"{path} is not bioparse JSON Lines output; not touching it")
            return ResumePoint(0, None, 0, 0)  # one partial record, killed while writing it
        # The end of the last complete line, scanning back from the end.
        pos, last_nl = size, -1
        while pos > 0 and last_nl < 0:
            start = max(0, pos - block)
            fh.seek(start)
            idx = fh.read(pos - start).rfind(b"\n")
            if idx >= 0:
                last_nl = start + idx
            pos = start
        end = last_nl + 1
        pos, line_start = end - 1, 0
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            idx = fh.read(pos - start).rfind(b"\n")
            if idx >= 0:
                line_start = start + idx + 1
                break
            pos = start
        fh.seek(line_start)
        last = _is_record(fh.read(end - line_start))
        if last is None:
            raise ResumeError(f"{path} is not bioparse JSON Lines output (its last line is not a record); not touching it")
        fh.seek(0)
        count = 0
        remaining = end
        while remaining > 0:
            chunk = fh.read(min(1 << 20, remaining))
            if not chunk:
                break
            count += chunk.count(b"\n")
            remaining -= len(chunk)
    return ResumePoint(count, last, line_start, end)


def drop_partial_line(path: str, point: ResumePoint) -> None:
    """Cut what follows the last complete record (a line cut short when the run was killed)."""
    if os.path.exists(path) and os.path.getsize(path) != point.end:
        os.truncate(path, point.end)
