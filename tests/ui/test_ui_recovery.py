"""The window meets a damaged database: says what happened, offers the latest good backup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from db_helpers import corrupt, later_exports

from operator_app.store.recovery import backups_of
from operator_app.store.workspace import Workspace
from operator_app.ui.interaction import Recording

pytestmark = pytest.mark.gui


@pytest.fixture
def damaged_db(tmp_path: Path, kabupaten: Any) -> Path:
    """A database with one good backup (before the second import), then damaged."""
    kab, files = kabupaten
    ws = Workspace(tmp_path / "data" / "operator-app.sqlite3")
    ws.import_files(list(files.all))
    ws.run_checks()
    ws.import_files(later_exports(kab, tmp_path / "later", 1))
    ws.close()
    corrupt(ws.path)
    return ws.path


def _window(qtbot: Any, db: Path, settings: Any) -> Any:
    from operator_app.ui.main_window import MainWindow

    window = MainWindow(db, settings=settings)
    qtbot.addWidget(window)
    return window


def _settled(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: window.ws is not None and not window.runner.is_busy(), timeout=30000)


def test_damaged_database_restored_from_backup_at_start(
    qtbot: Any, damaged_db: Path, prompts: Recording, settings: Any
) -> None:
    prompts.answers.append(True)  # "Pulihkan cadangan itu?" - yes
    window = _window(qtbot, damaged_db, settings)
    _settled(qtbot, window)
    kinds = [s[0] for s in prompts.shown]
    assert kinds[:2] == ["ask", "info"], prompts.shown
    question = prompts.shown[0][2]
    assert str(damaged_db) in question and "rusak" in question
    assert str(damaged_db.parent / "rusak") in question  # where the damaged file went
    assert "sebelum impor" in question  # which backup is offered
    assert prompts.shown[1][1] == "Database dipulihkan"
    assert window.model.rowCount() > 0  # the backup's teachers are back
    assert len(list((damaged_db.parent / "rusak").iterdir())) == 1
    window.shutdown()


def test_damaged_database_declined_starts_empty_and_keeps_the_file(
    qtbot: Any, damaged_db: Path, prompts: Recording, settings: Any
) -> None:
    damaged = damaged_db.read_bytes()
    prompts.answers.append(False)
    window = _window(qtbot, damaged_db, settings)
    _settled(qtbot, window)
    assert [s[0] for s in prompts.shown] == ["ask"]
    assert window.model.rowCount() == 0
    (moved,) = (damaged_db.parent / "rusak").iterdir()
    assert moved.read_bytes() == damaged
    assert backups_of(damaged_db)  # still offered later from the menu
    window.shutdown()


def test_menu_restore_replaces_the_open_database_and_keeps_it(
    qtbot: Any, tmp_path: Path, kabupaten: Any, prompts: Recording, settings: Any
) -> None:
    kab, files = kabupaten
    db = tmp_path / "ok.sqlite3"
    ws = Workspace(db)
    ws.import_files(list(files.all))
    ws.close()
    window = _window(qtbot, db, settings)
    _settled(qtbot, window)
    window.import_files(later_exports(kab, tmp_path / "later", 1))  # backup "sebelum impor"
    qtbot.waitUntil(lambda: any(s[1] == "Impor selesai" for s in prompts.shown), timeout=60000)
    _settled(qtbot, window)
    prompts.shown.clear()
    prompts.answers.extend([0, True])  # newest backup; yes, replace
    window.act_restore.trigger()
    qtbot.waitUntil(
        lambda: any(s[1] == "Database dipulihkan" for s in prompts.shown), timeout=30000
    )
    _settled(qtbot, window)
    assert [s[0] for s in prompts.shown] == ["choose", "ask", "info"]
    assert "sebelum-pulih" in prompts.shown[-1][2]  # the replaced database was kept
    assert window.ws.has_data()
    reasons = {b.reason for b in backups_of(db)}
    assert reasons == {"sebelum-impor", "sebelum-pulih"}
    window.shutdown()


def test_menu_restore_without_backups_explains(
    qtbot: Any, tmp_path: Path, prompts: Recording, settings: Any
) -> None:
    window = _window(qtbot, tmp_path / "baru.sqlite3", settings)
    _settled(qtbot, window)
    window.act_restore.trigger()
    assert prompts.shown[-1][:2] == ("info", "Belum ada cadangan")
    assert "sebelum setiap impor" in prompts.shown[-1][2]
    window.shutdown()
