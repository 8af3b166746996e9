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

import contextlib
import logging
import multiprocessing
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol

from operator_app.core.errors import Cancelled, OutputError, UserError
from operator_app.core.model import Finding, School
from operator_app.core.progress import CancelCheck
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
    def write(self, job: PdfJob, cancel: CancelCheck | None = None) -> int: ...

    def close(self) -> None: ...


def _write_here(job: PdfJob) -> int:
    if job.kind == "checklist":
        from operator_app.reports.checklist import write_checklist_pdf

        return write_checklist_pdf(job.path, job.findings, job.schools, job.options)
    from operator_app.reports.letter import write_letter_pdf

    return write_letter_pdf(job.path, job.findings, job.schools, job.options)


class InProcess:
    """Writes on the calling thread."""

    def write(self, job: PdfJob, cancel: CancelCheck | None = None) -> int:
        """`cancel` is not looked at: Qt's layout cannot be interrupted on this thread."""
        return _write_here(job)

    def close(self) -> None:
        pass


class ChildProcess:
    """One spawned process for a whole export: PDFs are written one at a time, in order. An error
    in the child comes back as the same kind of error (a UserError with its message, an OSError
    with its errno), so the caller's handling does not change; a child that dies is an
    OutputError naming the file, and the next file starts a new child."""

    def __init__(self) -> None:
        self._start()

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._conn, child_end = ctx.Pipe()
        self._proc = ctx.Process(target=serve, args=(child_end,), daemon=True, name="pdf")
        try:
            self._proc.start()
        finally:
            child_end.close()

    def write(self, job: PdfJob, cancel: CancelCheck | None = None) -> int:
        """Write one PDF in the child. `cancel` is looked at while it writes: a cancelled file is
        stopped at once (the child ends, its temporary file goes, an older file stays) and
        Cancelled is raised; the next file starts a new child."""
        path = Path(job.path)
        if not self._proc.is_alive():  # died on an earlier file: that file failed, not the rest
            self._conn.close()
            self._start()
        try:
            self._conn.send(
                PdfJob(job.kind, path, list(job.findings), list(job.schools), job.options)
            )
            while not self._conn.poll(0.1):
                if not self._proc.is_alive():
                    raise EOFError
                if cancel is not None and cancel():
                    self._stop(path)
                    raise Cancelled()
            status, payload = self._conn.recv()
        except (EOFError, OSError) as exc:
            self._proc.join(timeout=5)  # reaped, so its exit code can be named
            _drop_temp(path)  # what a child cut off mid-file left
            raise OutputError(
                f"File {path.name} tidak bisa dibuat: proses penulis PDF berhenti "
                f"(kode {self._proc.exitcode}). Ulangi ekspor; bila terulang, laporkan.",
                file=str(path),
            ) from exc
        if status == "ok":
            return int(payload)
        raise _rebuilt(payload)

    def _stop(self, path: Path) -> None:
        self._proc.terminate()
        self._proc.join(timeout=10)
        _drop_temp(path)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._conn.send(None)
        self._proc.join(timeout=5)
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(timeout=5)
        self._conn.close()


def _drop_temp(path: Path) -> None:
    """The temporary file reports.output.atomic_output writes beside `path`, when a child
    stopped before it could replace the target (the older file is untouched)."""
    from operator_app.reports.output import temp_path_for

    with contextlib.suppress(OSError):
        temp_path_for(path).unlink(missing_ok=True)


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
    """The child: write what arrives until None (or the pipe closes); answer each request."""
    try:
        while True:
            try:
                job = conn.recv()
            except EOFError:
                return
            if job is None:
                return
            try:
                pages = _write_here(job)
            except UserError as exc:
                conn.send(("error", ("user", type(exc).__name__, exc.message, exc.file)))
            except OSError as exc:
                conn.send(("error", ("os", exc.errno, exc.strerror or str(exc), exc.filename)))
            except Exception as exc:  # a bug: the caller shows it as one
                conn.send(("error", ("bug", type(exc).__name__, str(exc), None)))
            else:
                conn.send(("ok", pages))
    finally:
        conn.close()


def _rebuilt(payload: tuple[Any, ...]) -> BaseException:
    what, a, b, c = payload
    if what == "user":
        from operator_app.core import errors

        cls = getattr(errors, a, UserError)
        return (
            cls(b, file=c) if isinstance(cls, type) and issubclass(cls, UserError) else UserError(b)
        )
    if what == "os":
        return OSError(a, b, c) if a is not None else OSError(b)
    return RuntimeError(f"{a}: {b} (di proses penulis PDF)")
