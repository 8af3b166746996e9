"""DATA CONTOH comes from the database's flag, not its file name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fake_workspace import FakeWorkspace

from operator_app.ui.interaction import Recording

pytestmark = pytest.mark.gui


def test_a_renamed_demo_database_still_says_data_contoh(
    qtbot, tmp_path: Path, prompts: Recording, settings
) -> None:
    from operator_app.demo import build_demo_db
    from operator_app.ui.main_window import MainWindow

    built = build_demo_db(tmp_path / "contoh.sqlite3")
    renamed = Path(shutil.move(built, tmp_path / "sekolah-saya.sqlite3"))
    window = MainWindow(renamed, settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.workspace_opened, timeout=20000):
        pass
    assert not window.banner.isHidden()
    assert "DATA CONTOH" in window.banner.text()
    assert window.windowTitle().startswith("DATA CONTOH — ")
    assert window.windowTitle().endswith("sekolah-saya.sqlite3")
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20000)
    window.shutdown()


def test_a_database_named_like_the_demo_is_not_the_demo(
    qtbot, tmp_path: Path, prompts: Recording, settings
) -> None:
    from operator_app.ui.main_window import MainWindow

    window = MainWindow(
        tmp_path / "operator-app-DATA-CONTOH.sqlite3",
        workspace_factory=lambda _p: FakeWorkspace(demo=False),
        settings=settings,
    )
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.workspace_opened, timeout=5000):
        pass
    assert window.banner.isHidden()
    assert not window.windowTitle().startswith("DATA CONTOH")
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=5000)
    window.shutdown()
