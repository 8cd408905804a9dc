"""Where an export writes: OUT is replaced only when the export succeeded, by one writer at a time.

The same guarantees as ``bioparse dump``'s outputs (:mod:`bioparse.dump.output`):

* an OUT that is one of the inputs, or lies inside an input directory, is refused before anything
  is opened (``bioparse export r.jsonl --to wikidata -o r.jsonl`` used to empty ``r.jsonl``);
* ``OUT.lock`` (``flock``) refuses a second bioparse writing the same OUT;
* lines go to a temporary file beside OUT, tables to a temporary folder beside the OUT folder, and
  are moved into place by :meth:`Place.commit`; :meth:`Place.abort` (a failure, Ctrl-C) removes
  them and leaves OUT as it was.

Standard output, devices and pipes are written directly: there is nothing to replace.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..dump.output import OutputError, check_not_input, lock, os_reason, remove_stale, unlock


@dataclass
class Place:
    """An export's output: ``path`` to write now, ``final`` where it goes on success."""

    path: str
    final: str
    is_dir: bool = False
    lock_path: str | None = None
    lock_fd: int | None = None

    @property
    def staged(self) -> bool:
        return self.path != self.final

    def commit(self, drop: Iterable[str] = ()) -> None:
        """Move what was written into place and release the lock.

        ``drop``: files of the OUT folder that this export replaces by nothing (tables an earlier
        export wrote and this one does not), removed once the new ones are in place."""
        try:
            if self.staged and self.is_dir:
                os.makedirs(self.final, exist_ok=True)
                written = set(os.listdir(self.path))
                for name in written:
                    os.replace(os.path.join(self.path, name), os.path.join(self.final, name))
                os.rmdir(self.path)
                for name in set(drop) - written:
                    try:
                        os.unlink(os.path.join(self.final, name))
                    except FileNotFoundError:
                        pass
            elif self.staged:
                os.replace(self.path, self.final)
            self.path = self.final
        finally:
            self._release()

    def abort(self) -> None:
        """Remove what was written (OUT is left as it was) and release the lock."""
        try:
            if self.staged and self.is_dir:
                shutil.rmtree(self.path, ignore_errors=True)
            elif self.staged:
                try:
                    os.unlink(self.path)
                except OSError:
                    pass
        finally:
            self._release()

    def settle(self, ok: bool, close: Callable[[], None], drop: Iterable[str] = ()) -> None:
        """End a writer: ``close`` it, then :meth:`commit` (``ok``) or :meth:`abort`; a ``close``
        that fails (a full disk at the last flush) aborts too."""
        try:
            close()
        except BaseException:
            self.abort()
            raise
        if ok:
            self.commit(drop)
        else:
            self.abort()

    def _release(self) -> None:
        if self.lock_fd is not None:
            unlock(self.lock_path, self.lock_fd)
            self.lock_fd = None


def prepare(output: str, inputs: list[str], *, is_dir: bool) -> Place:
    """Check ``output`` against ``inputs``, lock it and choose the temporary name to write under.

    OutputError says why the output cannot be written (one line for the user).
    """
    if output == "-":
        return Place(output, output)
    check_not_input(output, inputs)
    if is_dir:
        if os.path.exists(output) and not os.path.isdir(output):
            raise OutputError(f"cannot write tables to {output}: it is a file, not a directory")
        for path in inputs:
            if path != "-" and "://" not in path and os.path.isfile(path):
                real = os.path.realpath(path)
                if os.path.commonpath([os.path.realpath(output), real]) == os.path.realpath(output):
                    raise OutputError(f"refusing to write tables to {output}: the input {path} is inside it")
    elif os.path.exists(output) and not os.path.isfile(output):
        if os.path.isdir(output):
            raise OutputError(f"cannot write {output}: it is a directory")
        return Place(output, output)  # a device or a pipe
    folder, name = os.path.split(os.path.normpath(output))
    if folder and not os.path.isdir(folder):
        raise OutputError(f"cannot write {output}: no such directory {folder}")
    lock_path, fd = lock(os.path.normpath(output))
    stem = _printable(name)
    temp = os.path.join(folder, f".{stem}.{os.getpid()}.tmp")
    place = Place(temp, output, is_dir=is_dir, lock_path=lock_path, lock_fd=fd)
    try:
        _remove_stale(folder, stem)
        if is_dir:
            shutil.rmtree(temp, ignore_errors=True)
            os.makedirs(temp)
    except OSError as exc:
        place.abort()
        raise OutputError(f"cannot write {output}: {os_reason(exc)}") from None
    return place


def _printable(name: str) -> str:
    """``name`` with any byte that is not UTF-8 written as ``\\xNN``: the staged name must be text,
    as pyarrow takes only UTF-8 paths (a table folder named with a Latin-1 byte is staged fine)."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _remove_stale(folder: str, stem: str) -> None:
    """What exports of the same OUT that were killed (``kill -9``, SIGKILL) left staged.

    We hold ``OUT.lock``, so no live bioparse is writing them."""
    remove_stale(folder, re.compile(re.escape(f".{stem}.") + r"[0-9]{1,10}\.tmp"))
