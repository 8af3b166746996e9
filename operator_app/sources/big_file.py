"""A kabupaten-size export (read_many.BIG_FILE and up: the SIASN export) read, detected and typed in
a spawned process, its typed rows streamed back while the import writes them.

In one process the 50,000 rows are typed (Python) and then inserted (SQLite) one after the other,
and a district's import types the SIASN export only after writing 1,000 Dapodik files. Here the
process types while this one writes: the district's Dapodik files, then the rows typed so far.
The process reads and detects first (the guard, python-calamine's sheet, header detection, all in
the process, as read_one does them); it types only when the import's write phase begins
(`start`), so the typing does not compete with the reading of the other files for the two cores.

When no process can be started the file is read here, as before this module; a process that dies
before answering is the same. One that dies while typing: the file is read here again and its
rows go on from where the process stopped (typing is deterministic). A bug in the process is
raised here as WorkerFailure with the process's traceback. Spawned, not forked (as Windows and
the frozen app, through multiprocessing.freeze_support in the entry point, do anyway).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import pickle
import queue
import threading
import traceback
from collections.abc import Iterator
from dataclasses import replace
from itertools import islice
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from operator_app.core.errors import BadFileError
from operator_app.sources.read_many import ReadFile, _outcome_now, read_one
from operator_app.sources.records import RowIssue, typer_for

log = logging.getLogger(__name__)
CHUNK_ROWS = 4096  # rows a message: 50,000 rows are 13 messages of ~2 MB
_END = object()
# the typed rows come as tagged bytes: b"r" + a pickled list of rows, then b"e" + the pickled
# (issues, error) at the end, or b"b" + a bug's traceback
_ROWS, _DONE, _BUG = b"r", b"e", b"b"


class WorkerFailure(RuntimeError):
    """A bug in a reading process, raised at its file's turn; the text is its traceback."""


class BigFile:
    """One big file in its own process, from its read to its last typed row."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: Connection | None = None
        self._proc: BaseProcess | None = None
        self._rows: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._receiver: threading.Thread | None = None
        self._started = False
        try:
            ctx = multiprocessing.get_context("spawn")
            parent_end, child_end = ctx.Pipe()
            proc = ctx.Process(target=serve, args=(child_end,), daemon=True, name="baca-besar")
            try:
                proc.start()
            finally:
                child_end.close()
            parent_end.send(path)
            self._conn, self._proc = parent_end, proc
        except (OSError, RuntimeError) as exc:
            log.warning("proses pembaca tidak bisa dimulai (%s); file dibaca di proses ini", exc)
            self.close()

    def outcome(self) -> ReadFile | BadFileError:
        """The file read and detected, its rows to come (ReadFile.typed), or why it cannot be
        used. Read in this process when the process could not start or died first."""
        if self._conn is None:
            return _outcome_now(self.path)
        try:
            kind, payload = self._conn.recv()
        except (EOFError, OSError):
            self.close()
            return _outcome_now(self.path)
        if kind == "read":
            got: ReadFile = payload
            return replace(got, typed=Streamed(self, got))
        self.close()
        if kind == "bug":
            raise WorkerFailure(payload)
        if kind == "bad":
            assert isinstance(payload, BadFileError)
            return payload
        got = payload  # "rows as read": a kind without typed rows (the e-Kinerja log)
        assert isinstance(got, ReadFile)
        return got

    def start(self) -> None:
        """The process types the rows now; a thread here takes them in as they come, so the
        process never waits for this one (which is writing other files meanwhile). Once."""
        if self._started:
            return
        self._started = True
        if self._conn is None:  # closed or never started: replay types the rows here
            self._rows.put(_END)
            return
        conn = self._conn
        with contextlib.suppress(OSError):
            conn.send("type")
        receiver = threading.Thread(
            target=self._receive, args=(conn,), name="baca-besar-terima", daemon=True
        )
        try:
            receiver.start()
        except RuntimeError:  # no thread to be had: the rows are typed here
            self._rows.put(_END)
            return
        self._receiver = receiver

    def _receive(self, conn: Connection) -> None:
        """Kept as the bytes that came (a third of the rows' size as objects) until written."""
        try:
            while True:
                data = conn.recv_bytes()
                self._rows.put(data)
                if data[:1] != _ROWS:
                    return
        except (EOFError, OSError):
            self._rows.put(_END)  # the process died (or was ended by close)

    def next_message(self) -> Any:
        """("rows", [...]), ("end", (issues, error)), ("bug", text), or _END (it died, or nothing
        more can come: never blocks once the receiving thread has ended)."""
        while True:
            try:
                data = self._rows.get(timeout=0.2)
                break
            except queue.Empty:
                if self._receiver is None or not self._receiver.is_alive():
                    try:
                        data = self._rows.get_nowait()  # what it put just before it ended
                        break
                    except queue.Empty:
                        return _END
        if data is _END:
            return _END
        tag, body = data[:1], data[1:]
        if tag == _BUG:
            return ("bug", body.decode("utf-8", "replace"))
        return ("rows" if tag == _ROWS else "end", pickle.loads(body))

    def close(self) -> None:
        """Ends the process (at once: it only reads), then the receiving thread (its pipe then
        ends), then the pipe; safe to repeat, and to call from any state."""
        proc, receiver, conn = self._proc, self._receiver, self._conn
        self._conn = self._proc = self._receiver = None
        if proc is not None:
            with contextlib.suppress(OSError, ValueError):
                if proc.is_alive():
                    proc.terminate()
                proc.join(timeout=5)
        if receiver is not None and receiver is not threading.current_thread():
            receiver.join(timeout=5)
        if conn is not None:
            conn.close()


class Streamed:
    """The typed rows of a big file as they come from its process (records.TypedRows)."""

    def __init__(self, big: BigFile, got: ReadFile) -> None:
        self._big = big
        self._path = got.path
        self._used = False

    def start(self) -> None:
        self._big.start()

    def replay(self, issues: list[RowIssue]) -> Iterator[tuple[object, ...]]:
        if self._used:  # the stream is spent: once more, typed here from the first row
            yield from self._here(0, issues)
            return
        self._used = True
        self._big.start()
        done = 0
        try:
            while True:
                message = self._big.next_message()
                if message is _END:  # died while typing: the rest is typed here
                    yield from self._here(done, issues)
                    return
                kind, payload = message
                if kind == "rows":
                    yield from payload
                    done += len(payload)
                    continue
                if kind == "bug":
                    raise WorkerFailure(payload)
                more, error = payload  # "end"
                issues.extend(more)
                if error is not None:
                    raise error
                return
        finally:
            self._big.close()

    def _here(self, done: int, issues: list[RowIssue]) -> Iterator[tuple[object, ...]]:
        log.warning("proses pembaca %s berhenti; sisa baris dibaca di proses ini", self._path.name)
        got = read_one(self._path)
        typer = typer_for(got.det.kind)
        assert typer is not None
        mine: list[RowIssue] = []
        yield from islice(typer(got.table, got.det, mine), done, None)
        issues.extend(mine)

    def close(self) -> None:
        self._big.close()


def serve(conn: Connection) -> None:
    """The process: read and detect the file, answer, then type its rows when asked."""
    try:
        path = conn.recv()
        try:
            got = _outcome_now(path)
        except Exception:
            conn.send(("bug", traceback.format_exc()))
            return
        if isinstance(got, BadFileError):
            conn.send(("bad", got))
            return
        table, det = got.table, got.det
        typer = typer_for(det.kind)
        if typer is None:  # the e-Kinerja log: its rows as read, typed by its own importer
            try:
                whole = table.whole()
            except BadFileError as exc:
                conn.send(("bad", exc))
                return
            conn.send(("as read", replace(got, table=whole)))
            return
        conn.send(("read", replace(got, table=table.sized())))
        if conn.recv() != "type":
            return
        issues: list[RowIssue] = []
        _send_typed(conn, typer(table, det, issues), issues)
    except (EOFError, OSError):
        return  # this side went away (the import was cancelled or the app closed)
    finally:
        conn.close()


def _send_typed(
    conn: Connection, rows: Iterator[tuple[object, ...]], issues: list[RowIssue]
) -> None:
    error: BadFileError | None = None
    try:
        while chunk := list(islice(rows, CHUNK_ROWS)):
            conn.send_bytes(_ROWS + pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL))
    except BadFileError as exc:  # a damaged row further down: raised there, after the rows before
        error = exc
    except Exception:
        conn.send_bytes(_BUG + traceback.format_exc().encode("utf-8"))
        return
    conn.send_bytes(_DONE + pickle.dumps((issues, error), pickle.HIGHEST_PROTOCOL))
