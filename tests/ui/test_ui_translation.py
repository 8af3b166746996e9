"""The English .qm ships with the package, loads, and translates known strings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from operator_app.ui.app import translations_dir

pytestmark = pytest.mark.gui


def test_english_qm_loads_and_translates(qapp) -> None:
    qm = translations_dir() / "operator_app_en.qm"
    assert qm.is_file()
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Labels", "Peringatan") == "Warning"
        assert QCoreApplication.translate("PersonTableModel", "hanya di SIASN") == "only in SIASN"
        assert QCoreApplication.translate("MainWindow", "&Impor file…") == "&Import files…"
    finally:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate("Labels", "Peringatan") == "Peringatan"
