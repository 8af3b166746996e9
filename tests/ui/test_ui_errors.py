"""UserError → plain message through the prompt seam; bugs → crash dialog, masked log; settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray

from operator_app.core.errors import Cancelled, UserError
from operator_app.logs import mask_ids
from operator_app.ui.errors import CrashDialog, bug_report, show_error
from operator_app.ui.interaction import Recording
from operator_app.ui.settings import SETTINGS, Settings, SettingsDialog, UiState

pytestmark = pytest.mark.gui


def test_user_error_is_a_plain_message(qtbot, prompts: Recording) -> None:
    show_error(UserError("File daftar-guru.xlsx sedang dibuka di Excel. Tutup dulu."))
    assert prompts.shown == [
        (
            "error",
            "Tidak bisa dilanjutkan",
            "File daftar-guru.xlsx sedang dibuka di Excel. Tutup dulu.",
        )
    ]
    show_error(Cancelled())
    assert len(prompts.shown) == 1


def test_bug_report_masks_ids(qtbot) -> None:
    try:
        raise ValueError("NIK 3302134210865958 NIP 198610021996011550 row 12")
    except ValueError as exc:
        report = bug_report(exc)
    assert "3302134210865958" not in report and "************5958" in report
    assert "198610021996011550" not in report and "1550" in report
    assert "row 12" in report and "Traceback" in report
    dialog = CrashDialog(report, None)
    qtbot.addWidget(dialog)
    dialog.copy_report()
    assert mask_ids("3302134210865958") == "************5958"


def test_settings_declared_once(qtbot, settings: Settings) -> None:
    assert settings.get("paper") == "a4"
    assert settings.get("mask_nik") is False
    settings.set("mask_nik", True)
    settings.set("paper", "f4")
    assert settings.get("mask_nik") is True and settings.get("paper") == "f4"
    settings.store.setValue("settings/paper", "letter")  # unknown value → default
    assert settings.get("paper") == "a4"
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert set(dialog.values()) == {s.name for s in SETTINGS}
    state = UiState(settings.store)
    state.save("main/header", QByteArray(b"abc"))
    assert state.load("main/header") == QByteArray(b"abc")
    assert "state/main/header" not in [f"settings/{s.name}" for s in SETTINGS]
