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
    assert getattr(child_err, "file", None) == getattr(here_err, "file", None) is not None
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


def _exit_at_start(conn: object) -> None:
    """A child that dies before it can answer (a missing DLL, an antivirus, a broken install)."""
    import os

    os._exit(7)


def test_children_that_die_at_start_fall_back_to_writing_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_process.ChildProcess, "target", staticmethod(_exit_at_start))
    writer = pdf_process.ChildProcess()
    started = 1
    real_start = pdf_process.ChildProcess._start

    def counting(self: pdf_process.ChildProcess) -> None:
        nonlocal started
        started += 1
        real_start(self)

    monkeypatch.setattr(pdf_process.ChildProcess, "_start", counting)
    try:
        failed = 0
        for i in range(6):  # a package of six schools
            job = Job("letter", tmp_path / f"s{i}.pdf", findings_for(SCHOOL), [SCHOOL], OPTIONS)
            try:
                assert writer.write(job) >= 1
            except OutputError:
                failed += 1
        assert failed == 2  # the two children that died; the rest written in-process
        assert started == 2
        assert sorted(p.name for p in tmp_path.glob("*.pdf")) == [
            "s2.pdf",
            "s3.pdf",
            "s4.pdf",
            "s5.pdf",
        ]
    finally:
        writer.close()
        writer.close()  # twice is fine


def test_a_child_that_cannot_be_started_again_falls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first child ran; after it died no new one can start: no crash, no AssertionError
    from close(), the remaining files are written in-process."""
    writer = pdf_process.ChildProcess()
    try:
        assert (
            writer.write(Job("letter", tmp_path / "a.pdf", findings_for(SCHOOL), [SCHOOL], OPTIONS))
            >= 1
        )
        writer._proc.kill()  # type: ignore[union-attr]
        writer._proc.join(timeout=10)  # type: ignore[union-attr]

        def refuse(self: object) -> None:
            raise OSError(12, "Cannot allocate memory")

        monkeypatch.setattr(pdf_process.ChildProcess, "_start", refuse)
        assert (
            writer.write(Job("letter", tmp_path / "b.pdf", findings_for(SCHOOL), [SCHOOL], OPTIONS))
            >= 1
        )
        assert (tmp_path / "b.pdf").exists()
    finally:
        writer.close()


def test_a_bug_in_the_child_keeps_its_type_and_traceback(tmp_path: Path, child) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    broken = replace(OPTIONS, date="20-11-2026")  # type: ignore[arg-type]  # not a date: a bug
    job = Job("letter", tmp_path / "bug.pdf", findings_for(SCHOOL), [SCHOOL], broken)
    with pytest.raises(AttributeError) as here:
        pdf_process.InProcess().write(job)
    with pytest.raises(AttributeError) as there:
        child.write(job)
    assert str(there.value) == str(here.value)
    cause = there.value.__cause__
    assert isinstance(cause, pdf_process.ChildTraceback)
    assert "printing.py" in str(cause) and "Traceback" in str(cause)


def test_the_window_s_exports_write_their_pdfs_in_the_child(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """exporting.export and export_per_school, run on a worker thread as the window runs them,
    go through the child; run on the main thread (the CLI), they do not."""
    from builders import write_kabupaten

    from operator_app.exporting import ExportRequest, export
    from operator_app.exporting_per_school import export_per_school
    from operator_app.store.workspace import Workspace

    ensure_gui_app()
    _, files = write_kabupaten(tmp_path / "kab", n_schools=3, siasn_rows=150)
    ws = Workspace(tmp_path / "db.sqlite3")
    ws.import_files(files.all)
    ws.run_checks()
    jobs: list[str] = []
    real = pdf_process.ChildProcess.write

    def spy(self: pdf_process.ChildProcess, job: Job) -> int:
        jobs.append(job.kind)
        return real(self, job)

    monkeypatch.setattr(pdf_process.ChildProcess, "write", spy)
    request = ExportRequest(
        pdf=tmp_path / "out" / "daftar.pdf", letter=tmp_path / "out" / "surat.pdf"
    )
    (tmp_path / "out").mkdir()
    export(ws, request)  # main thread: in-process
    assert jobs == []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            export(ws, request)
            export_per_school(ws, tmp_path / "paket")
        except BaseException as exc:
            errors.append(exc)

    t = threading.Thread(target=worker)
    t.start()
    t.join(timeout=300)
    ws.close()
    assert errors == []
    assert jobs[:2] == ["checklist", "letter"] and jobs.count("checklist") == 1 + 3
