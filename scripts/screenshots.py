"""Render the documentation screenshots from the demo database, in Indonesian and English.

    .venv/bin/python scripts/screenshots.py [OUT_DIR]      (default docs/img; offscreen is fine)

Main window, detail view (a teacher with several findings, detail pane enlarged), overview tab
and print preview of the checklist, each as <name>-id.png and <name>-en.png at 1280x800.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPERATOR_APP_TESTING", "1")  # no recent-files/settings of the real user


def _busiest(window: object) -> str:
    model = window.model  # type: ignore[attr-defined]
    rows = [model.row_at(i) for i in range(model.rowCount())]
    with_nip = [r for r in rows if r.n_findings and r.nip_dapodik]
    return max(with_nip or rows, key=lambda r: r.n_findings).person_key


def shoot(db: Path, out: Path, lang: str) -> list[Path]:
    from PySide6.QtCore import QSettings

    from operator_app.ui.app import make_app, select_first_with_findings, wait_idle
    from operator_app.ui.main_window import MainWindow
    from operator_app.ui.settings import Settings

    app = make_app(lang)
    settings = Settings(QSettings(str(out / f".settings-{lang}.ini"), QSettings.Format.IniFormat))
    window = MainWindow(db, settings=settings)
    window.resize(1280, 800)
    window.show()
    wait_idle(window, app)
    written: list[Path] = []

    def save(widget: object, name: str) -> None:
        app.processEvents()
        path = out / f"{name}-{lang}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        written.append(path)

    select_first_with_findings(window, app)
    save(window, "main")
    window.select_person(_busiest(window))
    wait_idle(window, app)
    total = sum(window.splitter.sizes())
    window.splitter.setSizes([total * 3 // 10, total - total * 3 // 10])
    save(window, "detail")
    window.tabs.setCurrentIndex(1)
    wait_idle(window, app)
    save(window, "overview")
    window.tabs.setCurrentIndex(0)
    window.print_checklist()
    wait_idle(window, app)
    preview = window._preview.dialog  # type: ignore[attr-defined]
    preview.resize(1280, 800)
    preview.show()
    for _ in range(20):
        app.processEvents()
    save(preview, "print-preview")
    preview.close()
    window.shutdown()
    window.close()
    for translator in getattr(app, "_operator_app_translators", []):
        app.removeTranslator(translator)
    return written


def main() -> int:
    from operator_app.demo import build_demo_db

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/img").resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = build_demo_db(Path(tmp) / "operator-app-DATA-CONTOH.sqlite3")
        for lang in ("id", "en"):
            for path in shoot(db, out, lang):
                print(path)
            (out / f".settings-{lang}.ini").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
