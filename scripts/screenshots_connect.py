"""Render the connect-dialog screenshots against a throwaway PostgreSQL (tests/pgserver.py).

    .venv/bin/python scripts/screenshots_connect.py [OUT_DIR]      (default docs/img)

connect-empty-<lang>.png  Berkas → Hubungkan ke database Dinas… the first time (nothing remembered)
connect-<lang>.png        the same with recent connections and a wrong password's message inline
main-server-<lang>.png    the window after connecting, on a server database filled with the demo's
                          synthetic exports (marked DATA CONTOH like the local demo)
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPERATOR_APP_TESTING", "1")  # no recent-files/settings of the real user
ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # this checkout, and tests/pgserver.py

FICTIONAL = (  # what a school PC might have used before (never contacted)
    "postgresql+psycopg://sdn1_sukamaju@server-dinas:5432/operator_app?sslmode=verify-full",
    "postgresql+psycopg://korwil_cibeber@10.20.0.5:5432/operator_app?sslmode=require",
)


def fill_server(url: str) -> None:
    """The demo's synthetic kabupaten imported and checked on the server, marked as demo."""
    from operator_app.demo import DEMO_SEED
    from operator_app.samples import build_kabupaten
    from operator_app.store.meta import mark_demo
    from operator_app.store.workspace import Workspace

    with tempfile.TemporaryDirectory() as folder:
        build_kabupaten(DEMO_SEED, n_schools=4, siasn_rows=600, inject=True).write(Path(folder))
        ws = Workspace(url, migrate=True)
        mark_demo(ws.engine)
        ws.import_files(sorted(p for p in Path(folder).iterdir() if p.is_file()))
        ws.run_checks()
        ws.close()


def shoot(out: Path, lang: str, port: int, user: str, password: str) -> list[Path]:
    from PySide6.QtCore import QSettings

    from operator_app.store.location import parse_location
    from operator_app.ui.app import make_app, select_first_with_findings, wait_idle
    from operator_app.ui.main_window import MainWindow
    from operator_app.ui.settings import Settings

    app = make_app(lang)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(Path(tmp) / "lokal.sqlite3", settings=settings)
        window.resize(1280, 800)
        window.show()
        wait_idle(window, app)

        def save(widget: object, name: str) -> None:
            for _ in range(10):
                app.processEvents()
            path = out / f"{name}-{lang}.png"
            widget.grab().save(str(path))  # type: ignore[attr-defined]
            written.append(path)

        window.connect_to_server()
        dialog = window.connect_flow.dialog
        assert dialog is not None
        save(dialog, "connect-empty")
        dialog.reject()
        for url in FICTIONAL:
            settings.add_recent_connection(parse_location(url))
        settings.add_recent_connection(
            parse_location(f"postgresql+psycopg://{user}@localhost:{port}/operator_app")
        )
        window.connect_to_server()
        dialog = window.connect_flow.dialog
        assert dialog is not None
        dialog.password.setText("salah-ketik")
        dialog.start()
        while dialog.is_busy():
            app.processEvents()
            window.runner.wait(20)
        save(dialog, "connect")
        dialog.password.setText(password)
        dialog.start()
        while dialog.is_busy():
            app.processEvents()
            window.runner.wait(20)
        wait_idle(window, app)
        select_first_with_findings(window, app)
        save(window, "main-server")
        done: list[bool] = []
        window.shutdown(lambda: done.append(True))
        while not done:
            app.processEvents()
            window.runner.wait(20)
        window.close()
    for translator in getattr(app, "_operator_app_translators", []):
        app.removeTranslator(translator)
    return written


def main() -> int:
    from pgserver import start_server

    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "img").resolve()
    out.mkdir(parents=True, exist_ok=True)
    server = start_server()
    try:
        user, password = "dinas_admin", secrets.token_urlsafe(12)
        server.psql(f"CREATE ROLE {user} LOGIN CREATEROLE PASSWORD '{password}'")
        server.psql(f"CREATE DATABASE operator_app OWNER {user}")
        server.psql(f"ALTER SCHEMA public OWNER TO {user}", dbname="operator_app")
        fill_server(server.url(user, password, "operator_app"))
        for lang in os.environ.get("SHOT_LANGS", "id en").split():
            for path in shoot(out, lang, server.port, user, password):
                print(path)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    # Everything is written and the server stopped. PySide6 has aborted at interpreter exit
    # (refcount error during the final garbage collection) after many detail-panel updates
    # in one process, also without any server; leave without that final collection.
    os._exit(code)
