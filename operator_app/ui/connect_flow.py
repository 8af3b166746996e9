"""The window's way to a server database and back: the connect dialog, a server that refused
at start (its fields and message shown in the dialog), recent connections, the local file.

SQLAlchemy is not imported here at window start-up: the dialog module (store.location) is
loaded when the operator first opens it, or after a server failed to open.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from operator_app.core.errors import UserError
from operator_app.ui.errors import show_error
from operator_app.ui.interaction import interaction
from operator_app.ui.presenter import WindowPresenter
from operator_app.ui.runner import TaskHandle
from operator_app.ui.settings import Settings

if TYPE_CHECKING:
    from operator_app.store.location import DbLocation
    from operator_app.ui.connect_dialog import ConnectDialog


def is_server(target: Path | DbLocation | None) -> bool:
    return target is not None and not isinstance(target, Path) and not target.is_sqlite


class ConnectFlow(QObject):
    """Opens databases through the presenter; the old one stays open until the new one did."""

    local_available = Signal()  # nothing is open: "Kembali ke database lokal" must be offered

    def __init__(
        self,
        presenter: WindowPresenter,
        settings: Settings,
        parent_widget: QWidget,
        local: Path | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.presenter = presenter
        self.settings = settings
        self.parent_widget = parent_widget
        self.local = local  # the SQLite file the window started on (None: the default one)
        self.dialog: ConnectDialog | None = None
        presenter.opened.connect(self._opened)

    def open(self, target: Path | DbLocation) -> None:
        """Open `target`; a server that refuses brings up the connect dialog with its message."""
        if isinstance(target, Path) or target.is_sqlite:
            self.presenter.open(target)
            return
        server = target
        self.presenter.open(target, on_error=lambda exc: self._server_failed(server, exc))

    def _server_failed(self, location: DbLocation, exc: BaseException) -> None:
        if self.presenter.location is None:  # nothing open: the way back must stay reachable
            self.local_available.emit()
        if not isinstance(exc, UserError):
            show_error(exc, self.parent_widget)
            return
        self.choose(prefill=location, problem=exc)

    def choose(self, prefill: DbLocation | None = None, problem: UserError | None = None) -> None:
        """Berkas → Hubungkan ke database Dinas… (window-modal, never blocks)."""
        from operator_app.ui.connect_dialog import ConnectDialog

        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return
        # on a server, or with nothing open (a server that refused at start): offer the way back
        on_server = self.presenter.location is None or is_server(self.presenter.location)
        dialog = ConnectDialog(
            self._connect,
            self.settings.recent_connections(),
            self.parent_widget,
            back_to_local=self.back_to_local if on_server else None,
        )
        prefill = prefill or _first(self.settings.recent_connections())
        if prefill is not None:
            dialog.fill(prefill)
        self.dialog = dialog
        dialog.open()
        if problem is not None:
            dialog.show_failure(problem)

    def _connect(
        self,
        location: DbLocation,
        on_opened: Callable[[DbLocation], None],
        on_error: Callable[[BaseException], None],
    ) -> TaskHandle:
        return self.presenter.open(location, on_opened=on_opened, on_error=on_error)

    def _opened(self, location: DbLocation, _demo: bool) -> None:
        if is_server(location):
            self.settings.add_recent_connection(location)
            self.settings.set("start_database", location.remembered)  # opened again next time

    # -- back to the file on this PC ----------------------------------------------------------------
    def local_path(self) -> Path:
        if self.local is not None:
            return self.local
        from operator_app.store.location import default_db_path

        return default_db_path()

    def back_to_local(self) -> None:
        self.settings.set("start_database", "")  # the local file from now on
        self.presenter.open(self.local_path())

    def explain_backups(self) -> None:
        """Pulihkan dari cadangan on a server: that is the server's job (docs/district.md)."""
        interaction().info(
            self.tr("Cadangan database server"),
            self.tr(
                "Database ini ada di server Dinas. Cadangannya dibuat dan dipulihkan oleh admin "
                "Dinas di server (pg_dump / pg_restore, lihat docs/district.md), bukan oleh "
                "operator-app di komputer ini.\n\nCadangan otomatis dan pemulihan di menu ini "
                "hanya untuk database lokal (file SQLite): Berkas → Kembali ke database lokal."
            ),
            self.parent_widget,
        )


def start_target(settings: Settings) -> tuple[Path | DbLocation, UserError | None]:
    """What the window opens when neither --db nor OPERATOR_APP_DB says: the setting
    (the Dinas server connected to last, or a file), else the local file in the user data
    folder. An unreadable setting opens the local file and says why."""
    from operator_app.store.location import default_db_path, parse_location

    value = str(settings.get("start_database") or "").strip()
    if not value:
        return default_db_path(), None
    try:
        location = parse_location(value)
    except UserError as exc:
        return default_db_path(), exc
    return (location.sqlite_path() if location.is_sqlite else location), None


def _first(recent: list[str]) -> DbLocation | None:
    from operator_app.store.location import parse_location

    for remembered in recent:
        try:
            location = parse_location(remembered)
        except UserError:
            continue
        if not location.is_sqlite:
            return location
    return None
