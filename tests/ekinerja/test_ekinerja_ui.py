"""The e-Kinerja parts of the window: Arti pesan dialog, the teacher's failed syncs, the overview."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from synclog_files import write_log_xlsx

from operator_app.cli import main

pytestmark = pytest.mark.gui
SHOTS = os.environ.get("OPERATOR_APP_SHOTS")  # a folder: save screenshots there


def _shot(widget: Any, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / name))


def test_explain_dialog_ranks_explains_and_lists_categories(qtbot) -> None:
    from operator_app.ui.explain_dialog import ExplainDialog

    dialog = ExplainDialog(None, "Gagal melakukan sinkro PMM dikarenakan Data Pribadi tidak padan")
    qtbot.addWidget(dialog)
    dialog.resize(980, 640)
    assert dialog.shown_number() == 10
    html = dialog.text.toPlainText()
    assert "Data PNS ID belum padan antara SIASN dengan PMM" in html and "3 hari" in html
    dialog.show()
    _shot(dialog, "explain-dialog-id.png")
    dialog.query.setText("SKP yang ada memiliki unor berbeda")
    dialog.search()
    assert dialog.shown_number() == 12 and "Tetap Lakukan Sinkro" in dialog.text.toPlainText()
    dialog.query.setText("Request failed with status code 500")
    dialog.search()
    text = dialog.text.toPlainText()
    assert dialog.shown_number() == 9 and "Bukan masalah data Dapodik/SIASN" in text
    dialog.query.setText("printer tidak menyala")
    dialog.search()
    assert dialog.candidates.count() == 0
    text = dialog.text.toPlainText()
    assert "tidak dikenali" in text and "Gangguan teknis e-Kinerja / PMM (bukan data)" in text
    dialog.query.setText("")
    dialog.search()
    assert dialog.candidates.count() == 20


@pytest.fixture(scope="module")
def log_db(kabupaten: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    from operator_app.store.workspace import Workspace

    folder = tmp_path_factory.mktemp("ui-log")
    db = folder / "db.sqlite3"
    assert main(["import", "--db", str(db), *map(str, kabupaten[1].all)]) == 0
    ws = Workspace(db)
    row = next(r for r in ws.person_rows() if "NIP_BEDA" in r.codes)
    other = next(r for r in ws.person_rows() if not r.codes and r.nip_siasn)
    ws.close()
    log = write_log_xlsx(
        folder / "log-sinkronisasi-pmm.xlsx",
        ["NIP", "Nama", "Unit Kerja", "Pesan Error", "Waktu"],
        [[row.nip_siasn, row.nama.upper(), row.school_name,
          "Gagal melakukan sinkro PMM dikarenakan Data PNS ID belum padan antara SIASN dengan PMM",
          "2026-11-20 08:15"],
         [other.nip_siasn, other.nama, other.school_name, "Request failed with status code 500",
          "2026-11-20 09:02"]],
        titles=["Log Sinkronisasi PMM"],
    )  # fmt: skip
    assert main(["import", "--db", str(db), str(log)]) == 0
    return db, row.person_key


def test_teacher_with_a_failed_sync(qtbot, log_db: tuple[Path, str], prompts, settings) -> None:
    from operator_app.ui.main_window import MainWindow
    from operator_app.ui.models import PersonTableModel

    db, key = log_db
    window = MainWindow(db, settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ws is not None and not window.runner.is_busy(), timeout=20000)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=20000)
    row = window.model.row_of(key)
    assert window.model.cell(row, PersonTableModel.GAGAL_SINKRON) == "#10"
    assert window.model.headers()[PersonTableModel.GAGAL_SINKRON] == "Gagal sinkron"
    window.filters.search.setText("gagal sinkron")
    assert window.proxy.rowCount() == 2
    window.filters.search.setText("")
    window.resize(1400, 900)
    window.show()
    with qtbot.waitSignal(window.detail_loaded, timeout=20000):
        window.select_person(key)
    panel = window.detail.sync
    assert not panel.text.isHidden()
    text = panel.text.text()
    assert "Data PNS ID belum padan" in text and "NIP_BEDA" in text and "#10" in text
    qtbot.wait(50)
    _shot(window, "detail-sync-failure-id.png")
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20000)
    box = window.overview.sync_box
    assert not box.isHidden()
    assert box.by_message.rowCount() == 2 and box.by_owner.rowCount() == 2
    qtbot.wait(50)
    _shot(window, "overview-sync-id.png")
    window.shutdown()
