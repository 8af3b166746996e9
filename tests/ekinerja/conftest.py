"""Fixtures of the e-Kinerja tests' window runs: a recording prompt seam and private settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def prompts() -> Iterator[object]:
    from operator_app.ui.interaction import Recording, set_interaction

    rec = Recording()
    old = set_interaction(rec)
    yield rec
    set_interaction(old)


@pytest.fixture
def settings(tmp_path: Path) -> object:
    from PySide6.QtCore import QSettings

    from operator_app.ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
