"""PDFs written by a spawned child (the window's worker threads) are the PDFs written in-process,
errors come back as the same errors, and the writer is chosen by the calling thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from test_letter import OPTIONS, OTHER, SCHOOL, findings_for, pdf

from operator_app.core.errors import OutputError
from operator_app.reports import pdf_process
from operator_app.reports.pdf_process import PdfJob as Job
from operator_app.reports.printing import ensure_gui_app

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def child() -> pdf_process.ChildProcess:
    writer = pdf_process.ChildProcess()
    yield writer
    writer.close()


def test_the_child_writes_the_same_pdfs(tmp_path: Path, child: pdf_process.ChildProcess) -> None:
    findings = findings_for(SCHOOL) + findings_for(OTHER, 2)
    here = pdf_process.InProcess()
    for kind in ("checklist", "letter"):
        a, b = tmp_path / f"{kind}-here.pdf", tmp_path / f"{kind}-child.pdf"
        pages_here = here.write(Job(kind, a, findings, [SCHOOL, OTHER], OPTIONS))
        pages_child = child.write(Job(kind, b, findings, [SCHOOL, OTHER], OPTIONS))
        assert pages_child == pages_here > 1
        assert pdf(b) == pdf(a)  # same text on the same page sizes (F4)
        assert "SD NEGERI 3 SUKAMAJU" in pdf(b)[0]


def test_errors_come_back_as_the_same_errors(
    tmp_path: Path, child: pdf_process.ChildProcess
) -> None:
    missing = tmp_path / "tidak-ada" / "daftar.pdf"  # atomic_output does not create folders
    here_err = child_err = None
    try:
        pdf_process.InProcess().write(
            Job("checklist", missing, findings_for(SCHOOL), [SCHOOL], OPTIONS)
        )
    except (OutputError, OSError) as exc:
        here_err = exc
    try:
        child.write(Job("checklist", missing, findings_for(SCHOOL), [SCHOOL], OPTIONS))
    except (OutputError, OSError) as exc:
        child_err = exc
    assert here_err is not None and child_err is not None
    assert type(child_err) is type(here_err)
    assert str(child_err) == str(here_err)
    # and the child is still there for the next file
    assert (
        child.write(Job("letter", tmp_path / "ok.pdf", findings_for(SCHOOL), [SCHOOL], OPTIONS))
        >= 1
    )


class _DiesWhenRead:
    """Unpickled in the child, it ends that process at once (a crash inside Qt, say)."""

    def __reduce__(self) -> tuple[object, tuple[int]]:
        import os

        return (os._exit, (3,))


def test_a_child_that_died_fails_that_file_only(tmp_path: Path) -> None:
    from operator_app.reports.output import temp_path_for

    half = temp_path_for(tmp_path / "a.pdf")
    half.write_bytes(b"%PDF half written")  # as a child cut off mid-file leaves it
    writer = pdf_process.ChildProcess()
    try:
        with pytest.raises(OutputError) as err:
            writer.write(Job("checklist", tmp_path / "a.pdf", [_DiesWhenRead()], [SCHOOL], OPTIONS))  # type: ignore[list-item]
        assert "a.pdf" in err.value.message and "kode 3" in err.value.message
        assert not (tmp_path / "a.pdf").exists() and not half.exists()
        # the next file gets a new child
        assert (
            writer.write(Job("letter", tmp_path / "b.pdf", findings_for(SCHOOL), [SCHOOL], OPTIONS))
            >= 1
        )
    finally:
        writer.close()
    assert not writer._proc.is_alive()


def test_no_child_process_means_writing_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """A PC where no process can be started (a policy, no memory) still gets its PDFs."""
    ensure_gui_app()

    def refuse(self: object) -> None:
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(pdf_process.ChildProcess, "_start", refuse)
    got: list[object] = []
    t = threading.Thread(target=lambda: got.append(type(pdf_process.pdf_writer())))
    t.start()
    t.join(timeout=60)
    assert got == [pdf_process.InProcess]


def test_the_writer_follows_the_calling_thread() -> None:
    ensure_gui_app()  # a Qt application runs in this process, as in the window
    here = pdf_process.pdf_writer()
    assert isinstance(here, pdf_process.InProcess)  # the GUI thread itself (print preview)
    got: list[object] = []

    def worker() -> None:
        w = pdf_process.pdf_writer()
        got.append(type(w))
        w.close()

    t = threading.Thread(target=worker)
    t.start()
    t.join(timeout=60)
    assert got == [pdf_process.ChildProcess]


def test_cancel_stops_a_long_pdf_at_once_and_keeps_the_older_file(tmp_path: Path) -> None:
    """The single export of a whole kabupaten writes a checklist of hundreds of pages: Batal
    stops it in the child instead of waiting for the last page."""
    import time

    from operator_app.core.errors import Cancelled
    from operator_app.reports.output import temp_path_for

    target = tmp_path / "daftar-periksa.pdf"
    target.write_bytes(b"%PDF older export")
    many = [
        f for i in range(150) for f in findings_for(replace_school(i), 12)
    ]  # 150 schools x 36 items: many seconds of layout
    schools = [replace_school(i) for i in range(150)]
    writer = pdf_process.ChildProcess()
    asked: list[float] = []

    def cancel() -> bool:
        asked.append(time.perf_counter())
        return len(asked) > 5  # about half a second into the writing

    try:
        t0 = time.perf_counter()
        with pytest.raises(Cancelled):
            writer.write(Job("checklist", target, many, schools, OPTIONS), cancel)
        stopped = time.perf_counter() - t0
        assert stopped < 3.0
        assert target.read_bytes() == b"%PDF older export"
        assert not temp_path_for(target).exists()
        # the same writer goes on with a new child
        assert (
            writer.write(
                Job("letter", tmp_path / "surat.pdf", findings_for(SCHOOL), [SCHOOL], OPTIONS)
            )
            >= 1
        )
    finally:
        writer.close()


def replace_school(i: int):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(SCHOOL, id=100 + i, name=f"SD NEGERI {i + 1} SUKAMAJU")
