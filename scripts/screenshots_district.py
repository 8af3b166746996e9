"""Render the Dinas tab and the school picker's popup from a generated district, at 1280x800.

    .venv/bin/python scripts/screenshots_district.py [OUT_DIR] [N_SCHOOLS] [DB]

Default: docs/img, 50 schools (samples.build_district(n, seed=1)) imported into a temporary
database, or DB when given (already imported). Writes district-overview-<lang>.png and
school-picker-<lang>.png; the picker is shown while "2 sido" is typed (a school number and
part of a desa, as an operator would type it).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPERATOR_APP_TESTING", "1")  # no recent-files/settings of the real user


def build_db(folder: Path, n: int) -> Path:
    from operator_app.samples.district import build_district
    from operator_app.store.workspace import Workspace

    files = build_district(n, seed=1).write(folder / "exports")
    db = folder / "district.sqlite3"
    ws = Workspace(db)
    ws.import_files(files.all)
    ws.run_checks()
    ws.close()
    return db


def shoot(db: Path, out: Path, lang: str, typed: str, tmp: Path) -> list[Path]:
    from PySide6.QtCore import QPoint, QSettings
    from PySide6.QtGui import QPainter

    from operator_app.ui.app import make_app, wait_idle
    from operator_app.ui.main_window import MainWindow
    from operator_app.ui.settings import Settings

    app = make_app(lang)
    settings = Settings(QSettings(str(tmp / f"settings-{lang}.ini"), QSettings.Format.IniFormat))
    window = MainWindow(db, settings=settings)
    window.resize(1280, 800)
    window.show()
    wait_idle(window, app)
    written: list[Path] = []
    window.tabs.setCurrentWidget(window.district)
    for _ in range(10):
        app.processEvents()
    path = out / f"district-overview-{lang}.png"
    window.grab().save(str(path))
    written.append(path)

    window.tabs.setCurrentWidget(window.splitter)
    picker = window.filters.school
    picker.open_search(typed)
    for _ in range(10):
        app.processEvents()
    shot = window.grab()
    painter = QPainter(shot)  # the popup is its own top-level window: paint it where it opens
    at = window.mapFromGlobal(picker.popup.mapToGlobal(QPoint(0, 0)))
    painter.drawPixmap(at, picker.popup.grab())
    painter.end()
    picker.popup.hide()
    path = out / f"school-picker-{lang}.png"
    shot.save(str(path))
    written.append(path)
    window.shutdown()
    window.close()
    for translator in getattr(app, "_operator_app_translators", []):
        app.removeTranslator(translator)
    return written


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/img").resolve()
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(sys.argv[3]) if len(sys.argv) > 3 else build_db(Path(tmp), n)
        for lang in os.environ.get("SHOT_LANGS", "id").split(","):  # e.g. SHOT_LANGS=id,en
            for path in shoot(db, out, lang, "2 sido", Path(tmp)):
                print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
