"""Output folders that are whole or untouched: a lock, a temporary folder, a completion record.

A run writes its tables into a temporary folder beside ``--out`` (same file system) and
moves them into place only when every table is complete, together with a completion
record, ``_summarylens.json`` (counts per table, version, corpus, start and end time,
format). A run that is killed or fails leaves what was in ``--out`` as it was; the
temporary folder it leaves behind is removed by the next run into the same folder. A
lock file beside the folder (``.工会结果.lock`` for ``工会结果/``) keeps a second run out
while one is writing, and is removed when the run ends.

Example::

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "工会结果"
    >>> with atomic_output(out) as folder:
    ...     _ = (folder / "documents.csv").write_text("doc_id\\n")
    ...     write_record(folder, {"format": "csv"})
    >>> sorted(p.name for p in out.iterdir())
    ['_summarylens.json', 'documents.csv']
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["RECORD", "OutputBusy", "atomic_output", "read_record", "write_record"]

#: the completion record's file name
RECORD = "_summarylens.json"
_TABLE_FILES = frozenset(f"{name}.{ext}" for name in ("documents", "paragraphs", "figures", "relations", "files")
                         for ext in ("csv", "parquet"))


class OutputBusy(RuntimeError):
    """Another run holds the lock on this output folder."""


def write_record(folder: Path, record: dict[str, Any]) -> None:
    """Write the completion record (last thing a run writes into its temporary folder)."""
    data = json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (Path(folder) / RECORD).write_text(data, encoding="utf-8")


def read_record(folder: str | Path) -> dict[str, Any] | None:
    """The completion record of ``folder``, or None if it has none (or an unreadable one)."""
    try:
        record = json.loads((Path(folder) / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


@contextlib.contextmanager
def atomic_output(out: str | Path) -> Iterator[Path]:
    """Lock ``out``, give a fresh temporary folder beside it, move it into place on success.

    Raises :class:`NotADirectoryError` if ``out`` is a file, :class:`OutputBusy` if
    another run writes into it, :class:`PermissionError` if its parent is not writable.
    If ``out`` holds only summarylens files, it is swapped with the new folder in one
    step (``renameat2(RENAME_EXCHANGE)`` on Linux); if it holds other files too, they
    stay: the tables are moved in one by one, the completion record last (a reader
    without a record refuses the folder).
    """
    out = Path(out).absolute()
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"--out {out} is a file, not a folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    with _locked(out.parent / f".{out.name}.lock", out):
        _remove_leftovers(out)
        temp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
        try:
            os.chmod(temp, _folder_mode(out))
            yield temp
            _move_into_place(temp, out)
        finally:
            shutil.rmtree(temp, ignore_errors=True)


#: how often a run tries again when the lock file it locked was removed under it
_LOCK_TRIES = 5


@contextlib.contextmanager
def _locked(lock_path: Path, out: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_path`` (created if missing), removed when done.

    The run that holds the lock removes the file before releasing it, so no ``.out.lock``
    stays beside the output. A run that opened the file just before it was removed may
    then lock a file that is gone: it checks that the path still names the file it locked,
    and otherwise tries again on the new one, so that two runs never both hold "the" lock.
    """
    handle = _lock_file(lock_path, out)
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        with contextlib.suppress(OSError):
            lock_path.unlink()      # while still holding it: the next run creates a new one
        handle.close()              # releases the lock


def _lock_file(lock_path: Path, out: Path) -> IO[str]:
    """The lock file, open and locked; :class:`OutputBusy` if another run holds it."""
    import fcntl

    for _ in range(_LOCK_TRIES):
        handle = open(lock_path, "a+", encoding="utf-8")  # noqa: SIM115
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip()
            handle.close()
            who = f" (process {holder})" if holder.isdigit() else ""
            raise OutputBusy(f"another summarylens run{who} is writing to {out}; wait for it "
                             "to finish or choose another --out") from None
        try:
            if os.stat(lock_path).st_ino == os.fstat(handle.fileno()).st_ino:
                return handle
        except FileNotFoundError:
            pass
        handle.close()              # the run before removed it as we locked it: try the new one
    raise OutputBusy(f"could not lock {out}: its lock file keeps being replaced")


def _remove_leftovers(out: Path) -> None:
    """Temporary folders of runs into ``out`` that were killed (we hold the lock: none is live)."""
    for path in out.parent.glob(f".{out.name}.tmp-*"):
        shutil.rmtree(path, ignore_errors=True)


def _folder_mode(out: Path) -> int:
    """The mode the output folder has (or would get from ``mkdir``): mkdtemp's is 0o700."""
    if out.is_dir():
        return out.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask


def _move_into_place(temp: Path, out: Path) -> None:
    if not out.exists() and not out.is_symlink():
        os.rename(temp, out)
        return
    if not out.is_symlink() and all(p.name in _TABLE_FILES or p.name == RECORD for p in out.iterdir()):
        if _exchange(temp, out):  # temp now holds the previous result, removed by the caller
            return
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
        os.rename(out, old / "previous")
        os.rename(temp, out)
        shutil.rmtree(old, ignore_errors=True)
        return
    (out / RECORD).unlink(missing_ok=True)  # from here until the end the folder reads as partial
    new = {p.name for p in temp.iterdir()}
    for name in _TABLE_FILES - new:
        (out / name).unlink(missing_ok=True)  # a table of the other format would be stale
    for name in sorted(new - {RECORD}):
        os.replace(temp / name, out / name)
    os.replace(temp / RECORD, out / RECORD)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2`` with ``RENAME_EXCHANGE``); False if unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0
