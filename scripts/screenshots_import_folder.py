"""Render the import preview of a folder dropped on the window (one damaged file inside).

    .venv/bin/python scripts/screenshots_import_folder.py [OUT_DIR]   (default docs/img)

Writes import-folder-id.png and import-folder-en.png at 980x600: the "Semua file" tab lists
every export with its kind and school, the damaged one with its reason, and the files that
are not exports; Batal is the default button.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPERATOR_APP_TESTING", "1")


def chat_folder(root: Path) -> Path:
    from operator_app.samples import build_kabupaten

    files = build_kabupaten(5, n_schools=3, siasn_rows=300).write(root / "unduhan")
    folder = root / "kiriman grup"
    (folder / "sekolah 2").mkdir(parents=True)
    for i, f in enumerate([*files.dapodik[:3], files.siasn]):
        shutil.copy(f, (folder / "sekolah 2" if i % 2 else folder) / f.name)
    (folder / "daftar-guru-SD NEGERI 2 RUSAK.xlsx").write_bytes(b"PK\x03\x04" + bytes(300))
    (folder / "foto kegiatan.jpg").write_bytes(b"\xff\xd8\xff" + bytes(100))
    (folder / "surat edaran.docx").write_bytes(b"PK\x03\x04" + bytes(100))
    return folder


def main() -> int:
    from operator_app.store.workspace import Workspace
    from operator_app.ui.app import make_app
    from operator_app.ui.import_scan import scan
    from operator_app.ui.preview_dialog import PreviewDialog

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/img").resolve()
    with tempfile.TemporaryDirectory() as tmp:
        folder = chat_folder(Path(tmp))
        ws = Workspace(Path(tmp) / "db.sqlite3")
        scanned = scan(ws, [folder], lambda *_: None, lambda: False)
        ws.close()
        for lang in ("id", "en"):
            app = make_app(lang)
            dialog = PreviewDialog(scanned.previews, None, scanned.ignored)
            dialog.resize(980, 600)
            dialog.show()
            for _ in range(20):
                app.processEvents()
            path = out / f"import-folder-{lang}.png"
            dialog.grab().save(str(path))
            print(path)
            dialog.close()
            for translator in getattr(app, "_operator_app_translators", []):
                app.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
