"""Berkas > Baca status dari workbook, twice on the same file: the second read, after more
edits, applies without a question (its own earlier read is not a newer decision)."""

from __future__ import annotations

from pathlib import Path

import pytest
from status_helpers import edit_status, people, write_exports

from operator_app.exporting import ExportRequest, export
from operator_app.ui.interaction import Recording

pytestmark = pytest.mark.gui


def test_same_workbook_read_twice_through_the_window(
    qtbot, tmp_path: Path, prompts: Recording, settings
) -> None:
    from operator_app.store.workspace import Workspace
    from operator_app.ui.main_window import MainWindow

    db = tmp_path / "s.sqlite3"
    drows, srows = people()
    ws = Workspace(db)
    ws.import_files([Path(p) for p in write_exports(tmp_path / "lama", drows, srows)])
    ws.run_checks()
    xlsx = tmp_path / "perbaikan.xlsx"
    export(ws, ExportRequest(xlsx=xlsx))
    order = [f.key for f in ws.findings() if f.code == "NIP_KOSONG"]
    ws.close()
    settings.set("operator_name", "Budi")
    window = MainWindow(db, settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ws is not None and not window.runner.is_busy(), timeout=20000)

    edit_status(xlsx, {1: ("diajukan", "tiket 9")})
    with qtbot.waitSignal(window.status_flow.imported, timeout=20000):
        window.status_flow.start(xlsx)
    edit_status(xlsx, {1: ("selesai", "NIP sudah diisi"), 2: ("diajukan", None)})
    with qtbot.waitSignal(window.status_flow.imported, timeout=20000):
        window.status_flow.start(xlsx)
    assert [s[0] for s in prompts.shown] == ["info", "info"]  # no question, no warning
    assert prompts.shown[-1][2].startswith("2 status diperbarui dari perbaikan.xlsx")
    states = {f.key: (f.status, f.note) for f in window.ws.findings()}
    assert states[order[0]] == ("selesai", "NIP sudah diisi")
    assert states[order[1]] == ("diajukan", None)
    assert [h.decided_by for h in window.ws.decision_history(order[0][0])] == ["Budi", "Budi"]
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20000)
    window.shutdown()
