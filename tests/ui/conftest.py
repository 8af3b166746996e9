"""UI test fixtures: a fake Workspace, a recording prompt seam, private settings, a window."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from fake_workspace import FakeWorkspace
from PySide6.QtCore import QSettings

from operator_app.ui.interaction import Recording, set_interaction
from operator_app.ui.settings import Settings


@pytest.fixture
def fake_ws() -> FakeWorkspace:
    return FakeWorkspace()


@pytest.fixture
def prompts() -> Iterator[Recording]:
    rec = Recording()
    old = set_interaction(rec)
    yield rec
    set_interaction(old)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, fake_ws: FakeWorkspace, prompts: Recording, settings: Settings, tmp_path: Path):
    from operator_app.ui.main_window import MainWindow

    w = MainWindow(
        tmp_path / "fake.sqlite3", workspace_factory=lambda _p: fake_ws, settings=settings
    )
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.rows_loaded, timeout=5000):
        pass
    qtbot.waitUntil(lambda: not w.runner.is_busy(), timeout=5000)
    yield w
    w.shutdown()
