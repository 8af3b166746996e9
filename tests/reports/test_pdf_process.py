"""PDFs written by a spawned child (the window's worker threads) are the PDFs written in-process,
errors come back as the same errors, and the writer is chosen by the calling thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from test_letter import OPTIONS, OTHER, SCHOOL, findings_for, pdf

from operator_app.core.errors import OutputError
from operator_app.reports import pdf_process
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
        pages_here = here.write(kind, a, findings, [SCHOOL, OTHER], OPTIONS)
        pages_child = child.write(kind, b, findings, [SCHOOL, OTHER], OPTIONS)
        assert pages_child == pages_here > 1
        assert pdf(b) == pdf(a)  # same text on the same page sizes (F4)
        assert "SD NEGERI 3 SUKAMAJU" in pdf(b)[0]


def test_errors_come_back_as_the_same_errors(
    tmp_path: Path, child: pdf_process.ChildProcess
) -> None:
    missing = tmp_path / "tidak-ada" / "daftar.pdf"  # atomic_output does not create folders
    here_err = child_err = None
    try:
        pdf_process.InProcess().write("checklist", missing, findings_for(SCHOOL), [SCHOOL], OPTIONS)
    except (OutputError, OSError) as exc:
        here_err = exc
    try:
        child.write("checklist", missing, findings_for(SCHOOL), [SCHOOL], OPTIONS)
    except (OutputError, OSError) as exc:
        child_err = exc
    assert here_err is not None and child_err is not None
    assert type(child_err) is type(here_err)
    assert str(child_err) == str(here_err)
    # and the child is still there for the next file
    assert child.write("letter", tmp_path / "ok.pdf", findings_for(SCHOOL), [SCHOOL], OPTIONS) >= 1


def test_a_child_that_died_is_an_output_error_naming_the_file(tmp_path: Path) -> None:
    writer = pdf_process.ChildProcess()
    try:
        writer._proc.kill()
        writer._proc.join(timeout=10)
        with pytest.raises(OutputError) as err:
            writer.write("checklist", tmp_path / "a.pdf", findings_for(SCHOOL), [SCHOOL], OPTIONS)
        assert "a.pdf" in err.value.message and "Ulangi ekspor" in err.value.message
    finally:
        writer.close()
    assert not writer._proc.is_alive()


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
