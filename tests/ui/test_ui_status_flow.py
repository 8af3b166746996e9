"""Berkas > Baca status dari workbook, on the real Workspace: all rows, refusal, partial."""

from __future__ import annotations

from pathlib import Path

import pytest
from status_helpers import edit_status, people, write_exports

from operator_app.exporting import ExportRequest, export
from operator_app.ui.interaction import Recording

pytestmark = pytest.mark.gui


def _statuses(window) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.status for f in window.ws.findings() if f.code == "NIP_KOSONG"}


def test_read_status_back_through_the_window(
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
    list(export(ws, ExportRequest(school=None, xlsx=xlsx)))
    ws.import_files(
        [Path(p) for p in write_exports(tmp_path / "baru", drows[:1] + drows[2:], srows)]
    )
    ws.run_checks()  # one of the three has left: one workbook row is stale now
    ws.close()
    edit_status(xlsx, {1: ("diajukan", "tiket 9"), 2: ("diajukan", None), 3: ("diajukan", None)})

    window = MainWindow(db, settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ws is not None and not window.runner.is_busy(), timeout=20000)
    assert window.act_read_status.text().replace("&", "") == "Baca status dari workbook…"

    prompts.answers.extend([[str(xlsx)], False])  # choose the file, then decline partial
    window.act_read_status.trigger()
    qtbot.waitUntil(lambda: any(s[0] == "ask" for s in prompts.shown), timeout=20000)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20000)
    ask = next(s for s in prompts.shown if s[0] == "ask")
    assert "1 dari 3 baris" in ask[2] and "Baca hanya 2 baris" in ask[2]
    assert _statuses(window) == {"baru"}

    with qtbot.waitSignal(window.status_flow.imported, timeout=20000):
        prompts.answers.append(True)
        window.status_flow.start(xlsx)
    assert prompts.shown[-1][0] == "info" and "1 baris dilewati" in prompts.shown[-1][2]
    assert _statuses(window) == {"diajukan"}
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20000)
    window.shutdown()


def test_newer_decision_is_listed_and_the_rest_offered(
    qtbot, tmp_path: Path, prompts: Recording, settings
) -> None:
    """Sri changed a status in her session after the workbook was exported: the window shows
    that row (teacher, who, when) and offers to read the others; declining changes nothing."""
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
    sri = Workspace(db)
    sri.operator_name = "Sri"
    stale_key = order[0]  # row 1 of the Verval sheet, in the workbook's (the checker's) order
    seen = sri.decision_versions(stale_key[0]).findings[stale_key]
    sri.set_status(stale_key, "diajukan", "tiket Sri", expected_version=seen)
    nama = next(f.nama for f in sri.findings() if f.key == stale_key)
    sri.close()
    edit_status(xlsx, {1: ("selesai", None), 2: ("diajukan", "tiket 9")})
    settings.set("operator_name", "Budi")

    window = MainWindow(db, settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ws is not None and not window.runner.is_busy(), timeout=20000)
    prompts.answers.append(False)  # decline reading the others
    window.status_flow.start(xlsx)
    qtbot.waitUntil(lambda: any(s[0] == "ask" for s in prompts.shown), timeout=20000)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20000)
    ask = next(s for s in prompts.shown if s[0] == "ask")
    assert ask[1] == "Sebagian baris sudah diubah orang lain"
    assert "1 baris di perbaikan.xlsx" in ask[2] and "Baca 1 baris lainnya" in ask[2]
    assert str(nama) in ask[2] and "diubah oleh Sri pada" in ask[2] and "baris 4" in ask[2]
    assert _statuses(window) == {"baru", "diajukan"}
    states = {f.key: (f.status, f.note) for f in window.ws.findings()}
    assert states[stale_key] == ("diajukan", "tiket Sri")
    assert states[order[1]] == ("baru", None)  # declined: nothing applied

    prompts.shown.clear()
    prompts.answers.append(True)  # yes: read the others
    with qtbot.waitSignal(window.status_flow.imported, timeout=20000):
        window.status_flow.start(xlsx)
    assert [s[0] for s in prompts.shown] == ["ask", "info"]
    assert "1 baris dilewati karena sudah diubah" in prompts.shown[-1][2]
    states = {f.key: (f.status, f.note) for f in window.ws.findings()}
    assert states[stale_key] == ("diajukan", "tiket Sri")
    assert states[order[1]] == ("diajukan", "tiket 9")
    refused = window.ws.decision_history(stale_key[0])[-1]
    assert (refused.outcome, refused.decided_by) == ("refused", "Budi")
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20000)
    window.shutdown()


def test_nothing_else_to_read_is_a_warning_not_a_question(
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
    key = next(f.key for f in ws.findings() if f.code == "NIP_KOSONG")
    ws.operator_name = "Sri"
    ws.set_status(key, "diajukan", "tiket Sri", expected_version=1)
    ws.close()
    edit_status(xlsx, {1: ("selesai", None)})

    window = MainWindow(db, settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ws is not None and not window.runner.is_busy(), timeout=20000)
    window.status_flow.start(xlsx)
    qtbot.waitUntil(lambda: any(s[0] == "warn" for s in prompts.shown), timeout=20000)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20000)
    assert [s[0] for s in prompts.shown] == ["warn"]
    assert (
        "diubah oleh Sri" in prompts.shown[0][2] and "Ekspor workbook baru" in prompts.shown[0][2]
    )
    assert {f.key: f.status for f in window.ws.findings()}[key] == "diajukan"
    window.shutdown()


def test_gone_rows_and_newer_decisions_are_two_questions(
    qtbot, tmp_path: Path, prompts: Recording, settings
) -> None:
    """A workbook with a row whose teacher left AND a row Sri decided since the export: "read
    only the matching rows?" must not also skip Sri's row silently; it is asked about next."""
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
    ws.import_files(
        [Path(p) for p in write_exports(tmp_path / "baru", drows[:1] + drows[2:], srows)]
    )
    ws.run_checks()  # one teacher left: one row is gone
    present = [k for k in order if k in {f.key for f in ws.findings()}]
    assert len(present) == 2
    ws.operator_name = "Sri"
    decided, clean = present
    ws.set_status(decided, "diajukan", "tiket Sri", expected_version=1)
    ws.close()
    edit_status(xlsx, {1: ("selesai", None), 2: ("selesai", None), 3: ("selesai", None)})

    window = MainWindow(db, settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ws is not None and not window.runner.is_busy(), timeout=20000)
    prompts.answers += [True, False]  # yes: skip the gone row; no: do not skip Sri's row
    window.status_flow.start(xlsx)
    qtbot.waitUntil(lambda: len([s for s in prompts.shown if s[0] == "ask"]) == 2, timeout=20000)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20000)
    titles = [s[1] for s in prompts.shown if s[0] == "ask"]
    assert titles == ["Sebagian baris sudah usang", "Sebagian baris sudah diubah orang lain"]
    states = {f.key: (f.status, f.note) for f in window.ws.findings()}
    assert states[decided] == ("diajukan", "tiket Sri") and states[clean] == ("baru", None)
    window.shutdown()
