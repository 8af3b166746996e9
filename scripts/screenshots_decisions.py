"""Render the issue 14 screenshots from the demo database: the detail with the decision history
(docs/img/history-id.png) and the refusal of a stale edit (docs/img/stale-id.png).

    .venv/bin/python scripts/screenshots_decisions.py [OUT_DIR]      (default docs/img)

Sri marks a finding diajukan in the window, Budi (a second Workspace on the same file) marks it
selesai, then Sri, still looking at the older value, sets it aside: refused.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPERATOR_APP_TESTING", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from operator_app.demo import build_demo_db
from operator_app.store.workspace import Workspace
from operator_app.ui.app import make_app, wait_idle
from operator_app.ui.interaction import Interaction, set_interaction
from operator_app.ui.main_window import MainWindow
from operator_app.ui.settings import Settings
from operator_app.ui.stale import StaleEditDialog

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/img")
NOTES = ["Diajukan lewat Verval PTK, tiket 2611", "Guru sudah pensiun per 1 Desember; SK ada"]


class Shoot(Interaction):
    """Answers the prompts and photographs the refusal dialog instead of waiting on it."""

    def ask_text(
        self, title: str, label: str, default: str = "", parent: QWidget | None = None
    ) -> str | None:
        return NOTES.pop(0)

    def stale_edit(
        self, title: str, text: str, kept: str, can_reapply: bool, parent: QWidget | None = None
    ) -> bool:
        dialog = StaleEditDialog(title, text, kept, can_reapply, parent)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(OUT / "stale-id.png"))
        dialog.close()
        return False


tmp = Path(tempfile.mkdtemp())
db = build_demo_db(tmp / "operator-app-DATA-CONTOH.sqlite3")
app = make_app("id")
set_interaction(Shoot())
settings = Settings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
settings.set("operator_name", "Sri Wahyuni")
window = MainWindow(db, settings=settings)
window.resize(1280, 960)
window.show()
wait_idle(window, app)
budi = Workspace(db)
budi.operator_name = "Budi Santoso"
rows = [window.model.row_at(i) for i in range(window.model.rowCount())]
target = next(r for r in rows if "NIP_KOSONG" in r.codes and r.n_findings >= 2)
window.select_person(target.person_key)
wait_idle(window, app)
detail = window.detail
codes = [detail.findings.finding_at(i).code for i in range(detail.findings.rowCount())]
detail.findings_view.selectRow(codes.index("NIP_KOSONG"))
finding = detail.current_finding()
assert finding is not None
detail.btn_diajukan.click()
wait_idle(window, app)
seen = budi.decision_versions(finding.person_key).findings[finding.key]
budi.set_status(
    finding.key, "selesai", "Sudah diperbaiki di Dapodik, sinkron 04-12", "operator", seen
)
detail.btn_diabaikan.click()  # still on the version before Budi's change: refused
wait_idle(window, app)
total = sum(window.splitter.sizes())
window.splitter.setSizes([total * 22 // 100, total - total * 22 // 100])
detail.pages.setCurrentIndex(1)
app.processEvents()
window.grab().save(str(OUT / "history-id.png"))
window.shutdown()
budi.close()
