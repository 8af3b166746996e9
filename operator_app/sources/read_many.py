"""Read and detect many files on two threads, answers in the order of the files.

A kabupaten is 1,000 small Dapodik workbooks: each costs about 2 ms, of which half is native work
that releases the GIL (python-calamine building the sheet, zlib, file reads, SHA-256) and half is
Python (the guard's patterns, header detection). Two threads let one file's native half run while
the other file's Python half holds the GIL: 1.9 -> 1.3 s for the 1,001 files of a 500-school
district (docs/performance.md). Every file still goes through the same guard, reader and detection
as one file alone; only the order in which their work happens changes. A few files (a school's
import is two) are read on the calling thread: starting the threads costs more than they save.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Generator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from operator_app.core.errors import BadFileError
from operator_app.core.progress import CancelCheck, check_cancel
from operator_app.sources.detect import Detected, detect_file
from operator_app.sources.readers import Table
from operator_app.sources.records import TypedRows

THREADS = 2  # the machine class is a 2-core PC; more threads only wait for the GIL
# Files read ahead of the one being handed out: bounds what a refusal early in a long list
# has read for nothing, and what a cancel waits for.
AHEAD = 16
POOL_FROM = 4  # fewer files than this are read one after the other (2 files: 4.0 vs 4.7 ms)
# A file this large (a kabupaten's SIASN export) is read while no other such file is: calamine
# needs ~70 bytes a cell while it builds a sheet, and two 50,000-row exports built at once would
# add those peaks. Small files still go beside it.
BIG_FILE = 8 * 1024 * 1024
_ONE_BIG = threading.Lock()


@dataclass(frozen=True)
class ReadFile:
    """One file read and detected, with the SHA-256 of its bytes (duplicates are skipped by it)."""

    path: Path
    table: Table
    det: Detected
    sha256: str
    typed: TypedRows | None = None  # rows typed in a worker process (read_procs, big_file)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_one(path: Path) -> ReadFile:
    """Read, guard and detect one file (BadFileError when it cannot be used)."""
    if _size(path) >= BIG_FILE:
        with _ONE_BIG:
            table, det = detect_file(path)
    else:
        table, det = detect_file(path)
    return ReadFile(path, table, det, sha256_of(path))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # detect_file gives the reason


def read_many(
    paths: Sequence[Path], cancel: CancelCheck | None = None
) -> Generator[ReadFile | BadFileError, None, None]:
    """Each file read (or its BadFileError), in the order given; other errors are raised at their
    file's turn. At most AHEAD files are read ahead; closing the iterator (a refusal, a cancel)
    drops the files not started and waits only for the two being read."""
    if len(paths) < POOL_FROM:
        for path in paths:
            if cancel is not None:
                check_cancel(cancel)
            yield _outcome_now(path)
        return
    pool = ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="baca-file")
    pending: list[Future[ReadFile | BadFileError] | None] = []
    try:
        queued = 0
        for i in range(len(paths)):
            while queued < len(paths) and queued <= i + AHEAD:
                pending.append(pool.submit(_outcome_now, paths[queued]))
                queued += 1
            if cancel is not None:
                check_cancel(cancel)
            fut, pending[i] = pending[i], None  # the table now belongs to the caller alone
            assert fut is not None
            yield fut.result()
    finally:
        for left in pending:
            if left is not None:
                left.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _outcome_now(path: Path) -> ReadFile | BadFileError:
    try:
        return read_one(path)
    except BadFileError as exc:
        return exc
