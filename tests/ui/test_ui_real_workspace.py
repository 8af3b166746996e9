"""The window on the real Workspace: sample exports imported through the UI, marked, undone."""

from __future__ import annotations

from pathlib import Path

import pytest

from operator_app.ui.interaction import Recording

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def sample_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from operator_app.samples import build_kabupaten

    folder = tmp_path_factory.mktemp("samples")
    build_kabupaten(11, n_schools=2, siasn_rows=200).write(folder)
    return sorted(p for p in folder.iterdir() if p.is_file())


def test_import_mark_undo_on_real_workspace(
    qtbot, tmp_path: Path, sample_files: list[Path], prompts: Recording, settings
) -> None:
    from operator_app.store.workspace import Workspace
    from operator_app.ui.main_window import MainWindow

    window = MainWindow(tmp_path / "real.sqlite3", settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ws is not None and not window.runner.is_busy(), timeout=20000)
    assert isinstance(window.ws, Workspace)
    assert window.model.rowCount() == 0

    failures: list[BaseException] = []
    window.import_flow.failed.connect(failures.append)
    imported: list[object] = []
    window.import_flow.imported.connect(lambda *a: imported.append(a))
    window.import_files(sample_files)
    qtbot.waitUntil(lambda: bool(imported or failures), timeout=120000)
    assert not failures, f"import through the window failed: {failures[0]!r}"
    errors = [s for s in prompts.shown if s[0] == "error"]
    assert not errors, errors
    assert prompts.shown[-1][1] == "Impor selesai"
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=60000)
    assert window.model.rowCount() > 0
    rows = [window.model.row_at(i) for i in range(window.model.rowCount())]
    row = next(r for r in rows if r.n_findings)
    with qtbot.waitSignal(window.detail_loaded, timeout=20000):
        window.select_person(row.person_key)
    finding = window.detail.current_finding()
    assert finding is not None

    prompts.answers.append("sudah diajukan")
    with qtbot.waitSignal(window.detail_loaded, timeout=20000):
        window.detail.btn_diajukan.click()
    assert window.detail.current_finding().status == "diajukan"
    with qtbot.waitSignal(window.detail_loaded, timeout=20000):
        window.act_undo.trigger()
    assert window.detail.current_finding().status == finding.status
    window.shutdown()
