"""The checklist and letter PDFs, written in a child process when a worker thread of the window asks.

Qt lays text out while holding the GIL (PySide does not release it in `QTextDocument` calls), and
that layout takes Qt's global signal-slot locks. When the GUI thread, at the same moment, holds
one of those locks while it disconnects a Python slot (a dialog going away), it waits for the GIL
and the two threads wait for each other for ever: seen twice in ~20 runs of the per-school
export (docs/performance.md). A spawned process has its own interpreter and its own Qt, so the
window's worker thread only waits on a pipe.

The CLI and the window's own thread (print preview) write in-process: there is no second thread
that could hold those locks, and no process to start. `pdf_writer()` picks the right one.
Spawned, not forked: a fork of a process with Qt threads is unsafe, and spawn is what Windows
(and the frozen app, through multiprocessing.freeze_support in the entry point) does anyway.
"""

from __future__ import annotations

import builtins
import contextlib
import logging
import multiprocessing
import threading
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, Protocol

from operator_app.core.errors import OutputError, UserError
from operator_app.core.model import Finding, School
from operator_app.reports.printing import PrintOptions

_KINDS = ("checklist", "letter")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PdfJob:
    """One PDF: the checklist or the letter of these schools' findings, at `path`."""

    kind: str  # "checklist" | "letter"
    path: Path
    findings: Sequence[Finding]
    schools: Sequence[School]
    options: PrintOptions

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise ValueError(self.kind)


class PdfWriter(Protocol):
    def write(self, job: PdfJob) -> int: ...

    def close(self) -> None: ...


def _write_here(job: PdfJob) -> int:
    if job.kind == "checklist":
        from operator_app.reports.checklist import write_checklist_pdf

        return write_checklist_pdf(job.path, job.findings, job.schools, job.options)
    from operator_app.reports.letter import write_letter_pdf

    return write_letter_pdf(job.path, job.findings, job.schools, job.options)


class InProcess:
    """Writes on the calling thread."""

    def write(self, job: PdfJob) -> int:
        return _write_here(job)

    def close(self) -> None:
        pass


class ChildProcess:
    """One spawned process for a whole export: PDFs are written one at a time, in order. An error
    in the child comes back as the same kind of error (a UserError with its message, an OSError
    with its errno, a bug as its type with the child's traceback), so the caller's handling does
    not change. A child that dies fails that one file (an OutputError naming it) and the next file
    starts a new child; when no child can be started, or two in a row die before answering (a
    broken installation, an antivirus), the rest is written in-process, as before this module."""

    STARTS_BEFORE_GIVING_UP = 2

    def __init__(self) -> None:
        self._conn: Connection | None = None
        self._proc: BaseProcess | None = None
        self._answered = False  # the current child has answered at least once
        self._dead_starts = 0  # children in a row that died before answering
        self._here: InProcess | None = None
        self._start()

    def _start(self) -> None:
        """A new child; raises OSError/RuntimeError when none can be started (nothing kept)."""
        ctx = multiprocessing.get_context("spawn")
        parent_end, child_end = ctx.Pipe()
        proc = ctx.Process(target=self.target, args=(child_end,), daemon=True, name="pdf")
        try:
            proc.start()
        except BaseException:
            parent_end.close()
            raise
        finally:
            child_end.close()
        self._conn, self._proc, self._answered = parent_end, proc, False

    @staticmethod
    def target(conn: Connection) -> None:
        serve(conn)

    def write(self, job: PdfJob) -> int:
        """Write one PDF in the child. Not cancellable halfway, as in-process: a single export
        stopped in its checklist would leave a new workbook beside older PDFs."""
        if self._here is None and not self._alive():
            self._respawn()
        if self._here is not None:
            return self._here.write(job)
        assert self._conn is not None and self._proc is not None
        path = Path(job.path)
        try:
            self._conn.send(
                PdfJob(job.kind, path, list(job.findings), list(job.schools), job.options)
            )
            while not self._conn.poll(0.1):
                if not self._proc.is_alive():
                    raise EOFError
            status, payload = self._conn.recv()
        except (EOFError, OSError) as exc:
            self._proc.join(timeout=5)  # reaped, so its exit code can be named
            if not self._answered:
                self._dead_starts += 1
            _drop_temp(path)  # what a child cut off mid-file left
            raise OutputError(
                f"File {path.name} tidak bisa dibuat: proses penulis PDF berhenti "
                f"(kode {self._proc.exitcode}). Ulangi ekspor; bila terulang, laporkan.",
                file=str(path),
            ) from exc
        self._answered, self._dead_starts = True, 0
        if status == "ok":
            return int(payload)
        raise _rebuilt(payload)

    def _alive(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    def _respawn(self) -> None:
        """A new child after one died; in-process from now on when that cannot work."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._dead_starts >= self.STARTS_BEFORE_GIVING_UP:
            self._fall_back(f"{self._dead_starts} proses berhenti sebelum menulis")
            return
        try:
            self._start()
        except (OSError, RuntimeError) as exc:
            self._fall_back(str(exc))

    def _fall_back(self, why: str) -> None:
        log.warning("proses penulis PDF tidak bisa dipakai (%s); PDF ditulis di proses ini", why)
        self._here = InProcess()

    def close(self) -> None:
        """Ends the child (it finishes a file it is writing first, for up to 5 s); safe to call
        more than once and after any failure."""
        if self._conn is not None:
            with contextlib.suppress(OSError):
                self._conn.send(None)
        if self._proc is not None and self._proc.pid is not None:
            self._proc.join(timeout=5)
            if self._proc.is_alive():
                self._proc.terminate()
                self._proc.join(timeout=5)
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _drop_temp(path: Path) -> None:
    """The temporary file reports.output.atomic_output writes beside `path`, when a child
    stopped before it could replace the target (the older file is untouched)."""
    from operator_app.reports.output import temp_path_for

    with contextlib.suppress(OSError):
        temp_path_for(path).unlink(missing_ok=True)


@contextmanager
def pdf_writing() -> Iterator[PdfWriter]:
    """pdf_writer() for the length of a `with` block (the child ends with it)."""
    pdf = pdf_writer()
    try:
        yield pdf
    finally:
        pdf.close()


def pdf_writer() -> PdfWriter:
    """A child process when called on a worker thread while a Qt application runs in this
    process (the window); in-process otherwise (the CLI, the GUI thread itself)."""
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is None or threading.current_thread() is threading.main_thread():
        return InProcess()
    try:
        return ChildProcess()
    except (OSError, RuntimeError) as exc:  # no process could be started: write here (as before)
        log.warning("proses penulis PDF tidak bisa dimulai (%s); PDF ditulis di proses ini", exc)
        return InProcess()


def serve(conn: Connection) -> None:
    """The child: write what arrives until None (or the pipe closes); answer each request. A
    parent that went away (the window was killed) ends it quietly: nothing escapes to a console
    the windowed app does not have."""
    try:
        while True:
            job = conn.recv()
            if job is None:
                return
            conn.send(_answer(job))
    except (EOFError, OSError):
        return
    finally:
        conn.close()


def _answer(job: PdfJob) -> tuple[str, Any]:
    try:
        return ("ok", _write_here(job))
    except UserError as exc:
        return ("error", ("user", type(exc).__name__, exc.message, exc.file))
    except OSError as exc:
        return ("error", ("os", exc.errno, exc.strerror or str(exc), exc.filename))
    except Exception as exc:  # a bug: the caller shows it as one, with this traceback
        return ("error", ("bug", type(exc).__name__, str(exc), traceback.format_exc()))


class ChildTraceback(Exception):
    """The traceback of a bug in the child, as text (the __cause__ of the re-raised error)."""


def _rebuilt(payload: tuple[Any, ...]) -> BaseException:
    what, a, b, c = payload
    if what == "user":
        from operator_app.core import errors

        cls = getattr(errors, a, UserError)
        if isinstance(cls, type) and issubclass(cls, UserError):
            with contextlib.suppress(TypeError):  # one that needs more than message and file
                return cls(b, file=c)
        return UserError(b, file=c)
    if what == "os":
        return OSError(a, b, c) if a is not None else OSError(b)
    cls = getattr(builtins, a, None)
    bug: BaseException = (
        cls(b)
        if isinstance(cls, type) and issubclass(cls, Exception)
        else RuntimeError(f"{a}: {b}")
    )
    bug.__cause__ = ChildTraceback(f"di proses penulis PDF:\n{c}")
    return bug
