"""Read, detect and type a kabupaten's files in two worker processes.

Two threads (sources.read_many) overlap only one file's native half (python-calamine, zlib) with
another file's Python half: the guard's patterns, header detection and the typing of the rows
all hold the GIL, so 1,000 Dapodik workbooks still keep one core busy with Python while the other
mostly waits. Two spawned processes run that Python on both cores, and each sends back per file
its detection and the rows already typed (records.type_rows: the tuples the importer inserts),
so the import's write phase only runs SQL. Measured at 500 schools: docs/performance.md.

Only for many files (PROCS_FROM): starting the processes costs about 0.2 s here, more on a slow
Windows PC. A big file (a kabupaten's SIASN export, read_many.BIG_FILE and up) is read in this
process on a thread meanwhile and its rows typed while they are written, as before: its 60,000
rows are never copied between processes. (Typing them here while the workers read gained
nothing: the two cores are already busy then, docs/performance.md.) Every file goes through the same read_one as one file alone; the answers
come in the order of the files. When the processes cannot start or one dies, the files not yet
answered are read in this process (read_many), so the outcome is the same, only slower.
Spawned, not forked (a fork of a process with Qt threads is unsafe; Windows and the frozen app,
through multiprocessing.freeze_support in the entry point, spawn anyway).
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path

from operator_app.core.errors import BadFileError
from operator_app.core.progress import CancelCheck, check_cancel
from operator_app.sources.read_many import BIG_FILE, ReadFile, _outcome_now, _size, read_many
from operator_app.sources.records import type_rows
from operator_app.sources.table import Table

PROCESSES = 2  # the machine class is a 2-core PC
PROCS_FROM = 200  # fewer files are read on threads (read_many): the start costs more than it saves
CHUNK = 8  # files per task: one round trip per 8 small workbooks
AHEAD = 12  # tasks sent beyond the one being handed out: bounds what a refusal or a cancel has
# read for nothing; a close cancels the rest and waits for the tasks the pool already started
# (the two running and one it queued: 24 small files)

Outcome = ReadFile | BadFileError
Answer = tuple[list[Outcome], str | None]  # a task's outcomes, and a worker's bug after them


class WorkerFailure(RuntimeError):
    """A bug in a worker process, raised at its file's turn; the worker's traceback is the text."""


def read_files(paths: Sequence[Path], cancel: CancelCheck | None = None) -> Generator[Outcome]:
    """read_many's answers for these files, in their order; from PROCS_FROM files on read in two
    worker processes, with the rows of Dapodik and SIASN files typed there (ReadFile.typed)."""
    if len(paths) < PROCS_FROM:
        yield from read_many(paths, cancel)
        return
    yield from _in_processes(list(paths), cancel)


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
    if typed is None:  # not a Dapodik or SIASN export (the e-Kinerja log): rows as read
        table = Table(got.path, got.table.sheet, got.table.head, _all=list(got.table.rows()),
                      total_rows=got.table.total_rows)  # fmt: skip
    else:  # the rows travel typed: the table keeps only its sheet name and size (its head would
        # be 40 rows of cells again, 40 % of what is sent, and nothing reads it after detection)
        table = Table(got.path, got.table.sheet, [], total_rows=got.table.total_rows)
    return replace(got, table=table, typed=typed)


def _in_processes(paths: list[Path], cancel: CancelCheck | None) -> Generator[Outcome]:
    try:
        pool = ProcessPoolExecutor(PROCESSES, mp_context=multiprocessing.get_context("spawn"))
    except (OSError, ImportError, NotImplementedError):  # no process support on this system
        yield from read_many(paths, cancel)
        return
    big = {i for i, p in enumerate(paths) if _size(p) >= BIG_FILE}
    small = [i for i in range(len(paths)) if i not in big]
    chunks = [small[k : k + CHUNK] for k in range(0, len(small), CHUNK)]
    where = {i: (c, k) for c, chunk in enumerate(chunks) for k, i in enumerate(chunk)}
    local = ThreadPoolExecutor(max_workers=1, thread_name_prefix="baca-file")
    # a big file is read on this process's thread once it is as near as the tasks sent
    waiting = sorted(big)
    mine: dict[int, Future[Outcome]] = {}
    sent: list[Future[Answer] | None] = []
    answer: tuple[int, Answer] | None = None
    here: Generator[Outcome] | None = None  # the small files left, once the workers are gone
    try:
        for i in range(len(paths)):
            if cancel is not None:
                check_cancel(cancel)
            while waiting and waiting[0] <= i + AHEAD * CHUNK:
                j = waiting.pop(0)
                mine[j] = local.submit(_outcome_now, paths[j])
            if i in mine:
                yield mine.pop(i).result()
                continue
            if here is not None:
                yield next(here)
                continue
            c, k = where[i]
            while len(sent) < len(chunks) and len(sent) <= c + AHEAD:
                sent.append(_submit(pool, [paths[j] for j in chunks[len(sent)]]))
            if answer is None or answer[0] != c:
                got = _result(sent, c)
                if got is None:  # the workers are gone: the small files left are read here
                    here = read_many([paths[j] for j in small[small.index(i) :]], cancel)
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
        for left in mine.values():
            left.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
        local.shutdown(wait=True, cancel_futures=True)


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
