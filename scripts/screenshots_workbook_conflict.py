"""Render docs/img/workbook-conflict-id.png: reading a workbook back whose row Sri changed in the
app after Budi exported it (the question that lists the row and offers the others).

    .venv/bin/python scripts/screenshots_workbook_conflict.py [OUT_DIR]      (default docs/img)
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPERATOR_APP_TESTING", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from operator_app.demo import build_demo_db
from operator_app.exporting import ExportRequest, export
from operator_app.reports.sheets import SHEET_KEYS, SHEET_VERVAL
from operator_app.store.workspace import Workspace
from operator_app.ui.app import make_app, wait_idle
from operator_app.ui.interaction import Interaction, set_interaction
from operator_app.ui.main_window import MainWindow
from operator_app.ui.settings import Settings

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/img")


class Shoot(Interaction):
    """Photographs the question (the same box Interaction.ask shows) and answers No."""

    def ask(self, title: str, text: str, parent: QWidget | None = None) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.addButton(
            QCoreApplication.translate("Interaction", "Ya"), QMessageBox.ButtonRole.YesRole
        )
        box.addButton(
            QCoreApplication.translate("Interaction", "Tidak"), QMessageBox.ButtonRole.NoRole
        )
        box.show()
        app.processEvents()
        box.grab().save(str(OUT / "workbook-conflict-id.png"))
        box.close()
        return False


def edit(xlsx: Path, edits: dict[int, tuple[str, str | None]]) -> dict[int, tuple[str, ...]]:
    """Fill Status/Catatan of Verval rows by No, as in Excel; returns No -> finding key."""
    wb = load_workbook(xlsx)
    ws = wb[SHEET_VERVAL]
    head = [c.value for c in ws[3]]
    for row in ws.iter_rows(min_row=4):
        no = row[0].value
        if no in edits:
            row[head.index("Status")].value, row[head.index("Catatan")].value = edits[no]
    keys = {
        int(r[2]): tuple(json.loads(r[3]))
        for r in wb[SHEET_KEYS].iter_rows(values_only=True)
        if r[0] == "baris" and r[1] == SHEET_VERVAL
    }
    wb.save(xlsx)
    return keys


tmp = Path(tempfile.mkdtemp())
db = build_demo_db(tmp / "operator-app-DATA-CONTOH.sqlite3")
xlsx = tmp / "perbaikan.xlsx"
budi = Workspace(db)
budi.operator_name = "Budi Santoso"
export(budi, ExportRequest(xlsx=xlsx))
keys = edit(xlsx, {1: ("selesai", "NIP sudah diisi di Verval PTK"), 2: ("diajukan", "tiket 2611")})
budi.close()
sri = Workspace(db)
sri.operator_name = "Sri Wahyuni"
key = keys[1]
seen = sri.decision_versions(key[0]).findings[key]  # type: ignore[index]
sri.set_status(key, "diabaikan", "Guru sudah pensiun per 1 Desember; SK ada", "operator", seen)  # type: ignore[arg-type]
sri.close()

app = make_app("id")
set_interaction(Shoot())
settings = Settings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
settings.set("operator_name", "Budi Santoso")
window = MainWindow(db, settings=settings)
window.show()
wait_idle(window, app)
window.status_flow.start(xlsx)
wait_idle(window, app)
window.shutdown()
