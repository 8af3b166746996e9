"""Berkas → Hubungkan ke database Dinas…: the server's fields, recent connections, the failure
shown inline; the connection itself is opened on the worker by whoever gave us `opener`.

The password lives in the password field and, for the time of the connection, inside the
engine: the dialog hands it on once and never stores it; recent connections are remembered
through `Settings.add_recent_connection` (the URL without its password) by the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operator_app.core.errors import Cancelled, UserError
from operator_app.store.location import (
    SECRET_QUERY_KEYS,
    SSLMODES,
    DbLocation,
    parse_location,
    server_location,
)
from operator_app.ui.buttons import label_buttons
from operator_app.ui.errors import show_error
from operator_app.ui.runner import TaskHandle

# (location with the password for this one connection, on_opened, on_error) -> the running task
Opener = Callable[
    [DbLocation, Callable[[DbLocation], None], Callable[[BaseException], None]], TaskHandle
]


def sslmode_label(mode: str) -> str:
    labels = {
        "prefer": QCoreApplication.translate("ConnectDialog", "TLS bila server mendukung (bawaan)"),
        "require": QCoreApplication.translate("ConnectDialog", "Wajib TLS (sambungan terenkripsi)"),
        "verify-full": QCoreApplication.translate(
            "ConnectDialog", "Wajib TLS dan periksa sertifikat server (disarankan)"
        ),
        "disable": QCoreApplication.translate(
            "ConnectDialog", "Tanpa TLS (hanya jaringan tertutup)"
        ),
    }
    return labels[mode]


class ConnectDialog(QDialog):
    """Fields → `server_location` (its message inline) → `opener` on the worker. While it runs
    the fields are locked and a busy bar shows; a failure is shown inline with the fields kept,
    and the window's current database stays open (the presenter replaces it only on success)."""

    def __init__(
        self,
        opener: Opener,
        recent: list[str],
        parent: QWidget | None = None,
        back_to_local: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.opener = opener
        self._token: object | None = None
        self._handle: TaskHandle | None = None
        self._extra: dict[str, str] = {}  # e.g. sslrootcert= of a --db URL or recent connection
        self.setWindowTitle(self.tr("Hubungkan ke database Dinas"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Isi alamat server PostgreSQL Dinas dan login sekolah Anda (dari admin Dinas). "
                "Kata sandi tidak disimpan; koneksi terakhir diingat tanpa kata sandi."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Koneksi terakhir"))
        self.recent.setMaximumHeight(92)
        self.recent.itemClicked.connect(self._recent_clicked)
        self.recent.itemActivated.connect(self._recent_activated)
        self._fill_recent(recent)
        form = QFormLayout()
        form.addRow(self.tr("Koneksi terakhir"), self.recent)
        self.host = self._line(form, self.tr("Server (alamat)"), "server-dinas.lan")
        self.port = self._line(form, self.tr("Port"), "5432")
        self.port.setText("5432")
        self.database = self._line(form, self.tr("Database"), "operator_app")
        self.user = self._line(form, self.tr("Login"), "sdn1_sukamaju")
        self.password = self._line(form, self.tr("Kata sandi"), "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sslmode = QComboBox()
        for mode in SSLMODES:
            self.sslmode.addItem(sslmode_label(mode), mode)
        self.sslmode.setAccessibleName(self.tr("TLS"))
        form.addRow(self.tr("TLS"), self.sslmode)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setAccessibleName(self.tr("Masalah koneksi"))
        self.problem.setStyleSheet(
            "QLabel { color: #8a1c1c; background: #fdecea; border: 1px solid #f5c2c0;"
            " border-radius: 3px; padding: 6px; }"
        )
        self.problem.hide()
        layout.addWidget(self.problem)
        self.status = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Menghubungkan"))
        for widget in (self.status, self.busy):
            widget.hide()
            layout.addWidget(widget)
        self.buttons = label_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel))
        self.connect_button = QPushButton(self.tr("&Hubungkan"))
        self.connect_button.setDefault(True)
        self.buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.local_button: QPushButton | None = None
        if back_to_local is not None:
            self.local_button = self.buttons.addButton(
                self.tr("Kembali ke database &lokal (file SQLite)"),
                QDialogButtonBox.ButtonRole.ResetRole,
            )
            self.local_button.clicked.connect(lambda: self._back_to_local(back_to_local))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _back_to_local(self, back_to_local: Callable[[], None]) -> None:
        self.reject()
        back_to_local()

    def _line(self, form: QFormLayout, label: str, placeholder: str) -> QLineEdit:
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        line.setAccessibleName(label.replace("&", ""))
        form.addRow(label, line)
        return line

    # -- recent connections -----------------------------------------------------------------------
    def _fill_recent(self, recent: list[str]) -> None:
        for remembered in recent:
            try:
                location = parse_location(remembered)
            except UserError:
                continue  # an entry this version cannot read: skip it
            if location.is_sqlite:
                continue
            mode = location.server_url().query.get("sslmode", "prefer")
            item = QListWidgetItem(f"{location.display}   ({mode})")
            item.setData(Qt.ItemDataRole.UserRole, remembered)
            self.recent.addItem(item)
        if not self.recent.count():
            self.recent.addItem(self.tr("(belum ada)"))
            self.recent.setEnabled(False)

    def _recent_clicked(self, item: QListWidgetItem) -> None:
        remembered = item.data(Qt.ItemDataRole.UserRole)
        if remembered:
            self.fill(parse_location(remembered))

    def _recent_activated(self, item: QListWidgetItem) -> None:
        self._recent_clicked(item)
        self.password.setFocus()

    def fill(self, location: DbLocation) -> None:
        """The fields from a server location (its password, if any, is not taken)."""
        url = location.server_url()
        self.host.setText(url.host or str(url.query.get("host") or ""))
        self.port.setText(str(url.port or url.query.get("port") or ""))
        self.database.setText(url.database or "")
        self.user.setText(url.username or "")
        self.password.clear()
        mode = str(url.query.get("sslmode") or "prefer")
        self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(mode)))
        self._extra = {  # never a secret of the query string (…?password=…)
            k: str(v)
            for k, v in url.query.items()
            if k not in ("host", "port", "sslmode") and k.lower() not in SECRET_QUERY_KEYS
        }

    # -- connecting -------------------------------------------------------------------------------
    def location(self) -> DbLocation:
        """The fields as a location without password; DatabaseError says what is wrong.
        Query options the fields do not show (sslrootcert=…) are kept from `fill`."""
        location = server_location(
            self.host.text(),
            self.port.text(),
            self.database.text(),
            self.user.text(),
            str(self.sslmode.currentData()),
        )
        if not self._extra:
            return location
        return DbLocation(url=location.server_url().update_query_dict(self._extra))

    def start(self) -> None:
        try:
            location = self.location()
        except UserError as exc:
            self.show_problem(exc.message)
            return
        token = self._token = object()
        self._set_busy(True, location)
        self._handle = self.opener(
            location.with_password(self.password.text() or None),
            lambda opened: self._connected(token),
            lambda exc: self._failed(token, exc),
        )

    def _connected(self, token: object) -> None:
        if token is not self._token:
            return
        self._token = self._handle = None
        self.password.clear()
        self._set_busy(False)
        self.accept()

    def _failed(self, token: object, exc: BaseException) -> None:
        if token is not self._token:
            return  # an attempt the operator cancelled
        self._token = self._handle = None
        self._set_busy(False)
        if isinstance(exc, Cancelled):
            return
        if not isinstance(exc, UserError):
            self.show_problem(self.tr("Kesalahan program saat menghubungkan; lihat laporannya."))
            show_error(exc, self)
            return
        self.show_failure(exc)

    def show_failure(self, exc: UserError) -> None:
        """The store's Indonesian message inline; the password field focused when it is that."""
        self.show_problem(exc.message)
        if _is_password_problem(exc):
            self.password.selectAll()
            self.password.setFocus()

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def is_busy(self) -> bool:
        return self._token is not None

    def _set_busy(self, busy: bool, location: DbLocation | None = None) -> None:
        self.recent.setEnabled(not busy and self._has_recent())
        editable: list[QWidget] = [self.host, self.port, self.database, self.user, self.password]
        editable += [self.sslmode, self.connect_button]
        if self.local_button is not None:
            editable.append(self.local_button)
        for widget in editable:
            widget.setEnabled(not busy)
        if busy and location is not None:
            self.problem.hide()
            self.status.setText(self.tr("Menghubungkan ke {0}…").format(location.display))
        self.status.setVisible(busy)
        self.busy.setVisible(busy)

    def _has_recent(self) -> bool:
        item = self.recent.item(0)
        return item is not None and bool(item.data(Qt.ItemDataRole.UserRole))

    def reject(self) -> None:
        """Batal while connecting abandons the attempt (a late success is closed, not used)."""
        if self._handle is not None:
            self._handle.cancel()
        self._token = self._handle = None
        self._set_busy(False)
        super().reject()


def _is_password_problem(exc: UserError) -> bool:
    from operator_app.store.pg import PasswordNeeded

    return isinstance(exc, PasswordNeeded) or "kata sandi" in exc.message.lower()
