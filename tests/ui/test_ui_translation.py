"""The English .qm ships with the package, loads, and translates known strings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from operator_app.core.workflow import NOTE_REQUIRED_MESSAGE
from operator_app.ui.app import translations_dir

pytestmark = pytest.mark.gui

CORE_MESSAGES = ("workflow.py",)


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
        assert QCoreApplication.translate("Workflow", NOTE_REQUIRED_MESSAGE).startswith("A finding")
    finally:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate("Labels", "Peringatan") == "Peringatan"


def test_every_ui_string_has_an_english_translation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """lupdate over the UI sources finds no new, unfinished or misplaced string in the .ts."""
    import shutil
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    ts = tmp_path / "resources" / "translations" / "operator_app_en.ts"
    ts.parent.mkdir(parents=True)
    shutil.copy(root / "resources" / "translations" / "operator_app_en.ts", ts)
    shutil.copytree(root / "operator_app" / "ui", tmp_path / "operator_app" / "ui")
    sources = sorted(str(p) for p in (tmp_path / "operator_app" / "ui").glob("*.py"))
    for module in CORE_MESSAGES:  # core messages the UI shows (marked QT_TRANSLATE_NOOP there)
        copy = tmp_path / "operator_app" / "core" / module
        copy.parent.mkdir(exist_ok=True)
        shutil.copy(root / "operator_app" / "core" / module, copy)
        sources.append(str(copy))

    def messages(path: Path) -> set[tuple[str, str]]:
        return {
            (c.findtext("name") or "", m.findtext("source") or "")
            for c in ET.parse(path).iter("context")
            for m in c.iter("message")
        }

    shipped = messages(ts)
    subprocess.run(
        [str(lupdate), "-no-obsolete", *sources, "-ts", str(ts)], check=True, capture_output=True
    )
    # In step with the sources: a string lupdate no longer sees (a wrapper it cannot read, a
    # renamed context) would lose its English without anyone noticing.
    found = messages(ts)
    assert shipped == found, (
        f"the .ts is not in step with the sources; gone: {sorted(shipped - found)[:5]}, "
        f"new: {sorted(found - shipped)[:5]}"
    )
    tree = ET.parse(ts)
    missing = [
        m.findtext("source")
        for m in tree.iter("message")
        if (t := m.find("translation")) is None or t.get("type") or not (t.text or "").strip()
    ]
    assert not missing, (
        f"untranslated UI strings (run pyside6-lupdate, translate, lrelease): {missing}"
    )
    contexts = {c.findtext("name") for c in tree.iter("context")}
    assert all(name and name.isidentifier() for name in contexts), contexts


def test_app_icon_ships_with_the_package_in_every_size(qapp) -> None:  # type: ignore[no-untyped-def]
    """The window icon comes from package data (pip install and the frozen build alike)."""
    from operator_app.ui.app import app_icon, icons_dir

    icon = app_icon()
    assert not icon.isNull()
    sizes = sorted(s.width() for s in icon.availableSizes())
    assert sizes == [16, 32, 48, 256], (sizes, icons_dir())
    pixmap = icon.pixmap(32, 32)
    assert pixmap.width() == 32 and pixmap.toImage().pixelColor(16, 16).alpha() != 0
