"""Berkas → Ekspor paket per sekolah… on a real 10-school district: the folder is chosen through
the interaction seam, the export runs on the TaskRunner, the summary offers to open the folder;
Cancel in the progress dialog stops between schools and the summary says so."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from operator_app.ui.interaction import Recording

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def district_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from operator_app.samples.district import build_district
    from operator_app.store.workspace import Workspace

    folder = tmp_path_factory.mktemp("district10")
    files = build_district(10, seed=3).write(folder / "exports")
    db = folder / "district.sqlite3"
    ws = Workspace(db)
    try:
        ws.import_files(files.all)
        ws.run_checks()
    finally:
        ws.close()
    return db


def _open_window(qtbot, db: Path, tmp_path: Path, settings):  # type: ignore[no-untyped-def]
    from operator_app.ui.main_window import MainWindow

    copy = tmp_path / "district.sqlite3"
    shutil.copy(db, copy)
    window = MainWindow(copy, settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ws is not None and not window.runner.is_busy(), timeout=30000)
    return window


def _run(qtbot, window, chosen: Path, prompts: Recording, cancel: bool = False):  # type: ignore[no-untyped-def]
    from operator_app.ui.per_school_flow import PerSchoolFlow

    prompts.answers += [str(chosen), False]  # the folder; then "open the folder?" -> no
    reports: list[object] = []
    # waitSignal, not waitUntil: polling runs an event loop (a connect and a disconnect) every
    # few ms on the GUI thread while the worker lays out text
    ended = qtbot.waitSignal(
        window.runner.ended,
        timeout=120000,
        check_params_cb=lambda handle: handle.key == "export-per-school",
    )
    window.act_export_per_school.trigger()
    flow = window.findChild(PerSchoolFlow)
    assert flow is not None
    flow.exported.connect(reports.append)
    if cancel:
        window.act_export_per_school.trigger()  # again while it runs: refused, nothing asked
        assert prompts.shown[-1][0] == "info" and "masih berjalan" in prompts.shown[-1][2]
        # the progress dialog's Cancel button
        from PySide6.QtWidgets import QPushButton

        dialogs = list(window.progress.dialogs.values())
        assert len(dialogs) == 1
        button = dialogs[0].findChild(QPushButton)
        assert button is not None and button.text() == "Batal"
        button.click()
    ended.wait()
    assert len(reports) == 1  # on_success ran right after the task ended
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=30000)
    return reports[0]


def test_menu_action_exports_every_school_with_a_summary(
    qtbot, district_db: Path, tmp_path: Path, prompts: Recording, settings
) -> None:
    window = _open_window(qtbot, district_db, tmp_path, settings)
    chosen = tmp_path / "Dokumen"
    chosen.mkdir()
    (chosen / "file lain.txt").write_text("x")  # a folder in use: the package gets its own
    report = _run(qtbot, window, chosen, prompts)
    package = chosen / f"Paket per sekolah {date.today():%Y-%m-%d}"
    assert report.outdir == package and report.ok
    kind, title, text = prompts.shown[-1]
    assert (kind, title) == ("ask", "Ekspor paket per sekolah selesai")
    assert "Paket per sekolah: 10 dari 10 sekolah lengkap." in text
    assert text.rstrip().endswith("Buka folder paket sekarang?")
    assert prompts.shown[0][0] == "choose_folder"
    assert (package / "rekap-dinas.xlsx").is_file()
    assert len([p for p in package.glob("*/*") if p.is_dir()]) == 10
    assert settings.get("export_folder") == str(chosen)

    again = _run(qtbot, window, chosen, prompts)  # a second package never mixes with the first
    assert again.outdir == chosen / f"{package.name} (2)" and again.ok
    window.shutdown()


def test_cancel_in_the_progress_dialog_stops_between_schools(
    qtbot, district_db: Path, tmp_path: Path, prompts: Recording, settings
) -> None:
    window = _open_window(qtbot, district_db, tmp_path, settings)
    report = _run(qtbot, window, tmp_path, prompts, cancel=True)
    assert report.cancelled and len(report.schools) < 10
    kind, title, text = prompts.shown[-1]
    assert (kind, title) == ("ask", "Ekspor paket per sekolah dibatalkan")
    assert text.startswith(f"Dibatalkan: {len(report.schools)} dari 10 sekolah")
    window.shutdown()
