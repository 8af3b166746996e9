"""Read, detect and type a kabupaten's files in two worker processes.

Two threads (sources.read_many) overlap only one file's native half (python-calamine, zlib) with
another file's Python half: the guard's patterns, header detection and the typing of the rows
all hold the GIL, so 1,000 Dapodik workbooks still keep one core busy with Python while the other
mostly waits. Two spawned processes run that Python on both cores, and each sends back per file
its detection and the rows already typed (records.type_rows: the tuples the importer inserts),
so the import's write phase only runs SQL. Measured at 500 schools: docs/performance.md.

Only for many files (PROCS_FROM): starting the processes costs about 0.2 s here, more on a slow
Windows PC. A big file (a kabupaten's SIASN export, read_many.BIG_FILE and up) has a process of
its own (sources.big_file) that types its rows while the import writes the other files. Every
file goes through the same read_one as one file alone; the answers come in the order of the
files. When the processes cannot start or one dies, the files not yet
answered are read in this process (read_many), so the outcome is the same, only slower.
Spawned, not forked (a fork of a process with Qt threads is unsafe; Windows and the frozen app,
through multiprocessing.freeze_support in the entry point, spawn anyway).
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path

from operator_app.core.errors import BadFileError
from operator_app.core.progress import CancelCheck, check_cancel
from operator_app.sources.big_file import BigFile, WorkerFailure
from operator_app.sources.read_many import BIG_FILE, ReadFile, _outcome_now, _size, read_many
from operator_app.sources.records import type_rows

PROCESSES = 2  # the machine class is a 2-core PC
PROCS_FROM = 200  # fewer files are read on threads (read_many): the start costs more than it saves
CHUNK = 8  # files per task: one round trip per 8 small workbooks
AHEAD = 12  # tasks sent beyond the one being handed out: bounds what a refusal or a cancel has
# read for nothing; a close cancels the rest and waits for the tasks the pool already started
# (the two running and one it queued: 24 small files)

Outcome = ReadFile | BadFileError
Answer = tuple[list[Outcome], str | None]  # a task's outcomes, and a worker's bug after them


def read_files(paths: Sequence[Path], cancel: CancelCheck | None = None) -> Generator[Outcome]:
    """read_many's answers for these files, in their order. A big file (the SIASN export) among
    smaller ones is read, detected and typed in a process of its own (sources.big_file), one big
    file at a time, so its rows are typed while the import writes the others;
    from PROCS_FROM small files on they are read in two worker processes that type their rows
    too (ReadFile.typed); fewer go through read_many (threads, or one after the other)."""
    big = [i for i, p in enumerate(paths) if _size(p) >= BIG_FILE]
    if not big or len(big) == len(paths):
        # nothing to write while a process would type: read here, typed while written (a
        # process would add its own memory, 245 MB beside 91 MB for a 50,000-row xlsx, for
        # 1.64 -> 1.60x the floor; docs/performance.md)
        yield from _small(list(paths), cancel)
        return
    bigs = set(big)
    smalls = _small([p for i, p in enumerate(paths) if i not in bigs], cancel)
    # the first big file is read from the start, beside the small ones; each next one once the
    # one before it answered (two 50,000-row sheets built at once would add their peaks; two
    # exports in one import do hold both sheets until the write phase has typed them)
    reader: BigFile | None = BigFile(Path(paths[big[0]]))
    try:
        for i in range(len(paths)):
            if cancel is not None:
                check_cancel(cancel)
            if i not in bigs:
                yield next(smalls)
                continue
            assert reader is not None
            got, current = reader.outcome(), reader
            later = [j for j in big if j > i]
            reader = BigFile(Path(paths[later[0]])) if later else None
            if not isinstance(got, ReadFile) or got.typed is None:
                current.close()  # nothing more to come from it
            yield got  # a process typing its rows now belongs to the import (typed.close)
    finally:
        smalls.close()
        if reader is not None:
            reader.close()


def _small(paths: list[Path], cancel: CancelCheck | None) -> Generator[Outcome]:
    if len(paths) < PROCS_FROM:
        yield from read_many(paths, cancel)
    else:
        yield from _in_processes(paths, cancel)


def read_chunk(paths: Sequence[Path]) -> Answer:
    """A worker's task: each file read and typed; stops at a bug and returns its traceback."""
    done: list[Outcome] = []
    for path in paths:
        try:
            got = _outcome_now(path)
            done.append(got if isinstance(got, BadFileError) else _typed(got))
        except Exception:  # a bug: raised in the main process at its turn
            return done, traceback.format_exc()
    return done, None


def _typed(got: ReadFile) -> ReadFile:
    typed = type_rows(got.table, got.det)
    # not a Dapodik or SIASN export (the e-Kinerja log): its rows as read
    table = got.table.whole() if typed is None else got.table.sized()
    return replace(got, table=table, typed=typed)


def _in_processes(paths: list[Path], cancel: CancelCheck | None) -> Generator[Outcome]:
    try:
        pool = ProcessPoolExecutor(PROCESSES, mp_context=multiprocessing.get_context("spawn"))
    except (OSError, ImportError, NotImplementedError):  # no process support on this system
        yield from read_many(paths, cancel)
        return
    n_chunks = -(-len(paths) // CHUNK)
    sent: list[Future[Answer] | None] = []
    answer: tuple[int, Answer] | None = None
    here: Generator[Outcome] | None = None  # the small files left, once the workers are gone
    try:
        for i in range(len(paths)):
            if cancel is not None:
                check_cancel(cancel)
            if here is not None:
                yield next(here)
                continue
            c, k = divmod(i, CHUNK)
            while len(sent) < n_chunks and len(sent) <= c + AHEAD:
                sent.append(_submit(pool, paths[len(sent) * CHUNK : (len(sent) + 1) * CHUNK]))
            if answer is None or answer[0] != c:
                got = _result(sent, c)
                if got is None:  # the workers are gone: the small files left are read here
                    here = read_many(paths[i:], cancel)
                    yield next(here)
                    continue
                answer = (c, got)
            done, bug = answer[1]
            if k == len(done):
                raise WorkerFailure(bug or "")
            yield done[k]
    finally:
        if here is not None:
            here.close()
        for fut in sent:
            if fut is not None:
                fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool: ProcessPoolExecutor, paths: list[Path]) -> Future[Answer] | None:
    try:
        return pool.submit(read_chunk, paths)
    except (BrokenProcessPool, OSError, RuntimeError):
        return None  # the workers could not start or died: read here


def _result(sent: list[Future[Answer] | None], c: int) -> Answer | None:
    """Chunk c's outcomes (and a worker's bug after them), or None when the workers are gone."""
    fut, sent[c] = sent[c], None  # handed out: the tables then belong to the caller alone
    if fut is None:
        return None
    try:
        return fut.result()
    except (BrokenProcessPool, OSError):
        return None
