"""Starting the desktop app: QApplication, translations, error hook, the main window."""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSize, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from operator_app import APP_NAME
from operator_app.ui.connect_flow import start_target
from operator_app.ui.errors import install_excepthook, show_error
from operator_app.ui.main_window import MainWindow
from operator_app.ui.settings import APPLICATION, ORGANISATION, Settings

if TYPE_CHECKING:
    from operator_app.store.location import DbLocation

# libpq waits for an unreachable server as long as TCP does (minutes): the connect dialog
# should say "tidak bisa dihubungi" sooner. The operator's own PGCONNECT_TIMEOUT wins.
CONNECT_TIMEOUT_S = "15"


def translations_dir() -> Path:
    return Path(str(resources.files("operator_app") / "resources" / "translations"))


def icons_dir() -> Path:
    return Path(str(resources.files("operator_app") / "resources" / "icons"))


def app_icon() -> QIcon:
    """The app icon in every shipped size (title bar, taskbar, Alt+Tab pick the best one)."""
    icon = QIcon()
    for size in (16, 32, 48, 256):
        path = icons_dir() / f"operator-app-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def load_translations(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """The app's own .qm (English; Indonesian is the source text) and Qt's for standard dialogs."""
    loaded: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{lang}", qt_dir)]
    if lang != "id":
        candidates.insert(0, (f"operator_app_{lang}", str(translations_dir())))
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            loaded.append(translator)
    QLocale.setDefault(
        QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Indonesian)
    )
    return loaded


def make_app(lang: str | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Operator App")
    app.setWindowIcon(app_icon())
    lang = lang or Settings().get("language")
    app.setProperty("operator_app_translators", None)
    translators = load_translations(app, lang)
    app._operator_app_translators = translators  # type: ignore[attr-defined]  # keep them alive
    return app


def wait_idle(window: object, app: QApplication) -> None:
    """Process events until the window's runner has nothing left (screenshots, tests)."""
    runner = window.runner  # type: ignore[attr-defined]
    for _ in range(2000):
        app.processEvents()
        if not runner.is_busy():
            app.processEvents()
            if not runner.is_busy():
                return
        runner.wait(20)


def select_first_with_findings(window: object, app: QApplication) -> bool:
    proxy = window.proxy  # type: ignore[attr-defined]
    model = window.model  # type: ignore[attr-defined]
    for r in range(proxy.rowCount()):
        row = model.row_at(proxy.mapToSource(proxy.index(r, 0)).row())
        if row.n_findings:
            window.select_person(row.person_key)  # type: ignore[attr-defined]
            wait_idle(window, app)
            return True
    return False


def run_gui(
    db: Path | DbLocation | None, screenshot: Path | None = None, lang: str | None = None
) -> int:
    """The window on an SQLite file or a server database (`gui --db URL`); None: the database
    of the setting (the Dinas server connected to last), else the local file."""
    os.environ.setdefault("PGCONNECT_TIMEOUT", CONNECT_TIMEOUT_S)
    app = make_app(lang)
    install_excepthook()
    problem = None
    if db is None:
        db, problem = start_target(Settings())
    window = MainWindow(db)
    if problem is not None:
        QTimer.singleShot(0, lambda: show_error(problem, window))
    window.setObjectName(APP_NAME)
    if screenshot is None:
        window.show()
        return app.exec()
    window.resize(1280, 800)
    window.show()
    wait_idle(window, app)
    select_first_with_findings(window, app)
    app.processEvents()
    window.grab().save(str(screenshot))
    window.shutdown()
    window.close()
    return 0
