"""User settings declared once (name, type, default, label) over QSettings; UI state kept apart."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from operator_app.ui.buttons import label_buttons

if TYPE_CHECKING:  # store.location pulls in SQLAlchemy: not at window start-up
    from operator_app.store.location import DbLocation

ORGANISATION = "operator-app"
APPLICATION = "operator-app"


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    label: Callable[[], str]  # translated at display time
    choices: tuple[tuple[str, Callable[[], str]], ...] = ()  # (value, label) for a combo box
    kind: str = ""  # "folder" for a folder picker


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "import_folder",
        str,
        str(Path.home()),
        lambda: QCoreApplication.translate("Settings", "Folder impor bawaan"),
        kind="folder",
    ),
    Setting(
        "export_folder",
        str,
        str(Path.home()),
        lambda: QCoreApplication.translate("Settings", "Folder ekspor"),
        kind="folder",
    ),
    Setting(
        "paper",
        str,
        "a4",
        lambda: QCoreApplication.translate("Settings", "Ukuran kertas"),
        (
            ("a4", lambda: QCoreApplication.translate("Settings", "A4")),
            ("f4", lambda: QCoreApplication.translate("Settings", "F4 (folio)")),
        ),
    ),
    Setting(
        "mask_nik",
        bool,
        False,
        lambda: QCoreApplication.translate("Settings", "Samarkan NIK pada cetakan"),
    ),
    Setting(
        "language",
        str,
        "id",
        lambda: QCoreApplication.translate(
            "Settings", "Bahasa (berlaku setelah aplikasi dibuka ulang)"
        ),
        (("id", lambda: "Bahasa Indonesia"), ("en", lambda: "English")),
    ),
    Setting(
        "start_database",
        str,
        "",
        lambda: QCoreApplication.translate(
            "Settings", "Database saat dibuka (kosong = file lokal)"
        ),
    ),
    Setting(
        "operator_name",
        str,
        "",
        lambda: QCoreApplication.translate(
            "Settings", "Nama operator (cetakan dan riwayat keputusan)"
        ),
    ),
)
_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class RecentList:
    """A most-recent-first list kept as state (not a user setting): key and length."""

    key: str
    keep: int = 8


RECENT_FILES = RecentList("state/recent_files")
# Server databases connected to, as DbLocation.remembered: the URL WITHOUT its password.
RECENT_CONNECTIONS = RecentList("state/recent_connections")


def qsettings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def without_password(value: str) -> str:
    """A database location as it may be written to disk: a server URL loses its password
    (typed into the setting by mistake); anything unreadable is kept as typed, and refused
    with its reason when the app starts."""
    value = value.strip()
    if "://" not in value:
        return value
    from operator_app.core.errors import UserError
    from operator_app.store.location import parse_location

    scheme, _, rest = value.partition("://")
    authority, slash, path = rest.partition("/")
    try:
        if authority.count("@") > 1:  # an unencoded @ in a password: the parser would split it
            raise UserError("")
        return parse_location(value).remembered
    except UserError:  # kept as typed, less anything that could be a password
        if "@" in authority:
            userinfo, _, host = authority.rpartition("@")
            authority = f"{userinfo.split(':', 1)[0]}@{host}"
        path = re.sub(r"(?i)([?&](?:ssl)?password=)[^&]*", r"\1", path)
        return f"{scheme}://{authority}{slash}{path}"


class Settings:
    """Typed access to the declared settings under the `settings/` group."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or qsettings()

    def get(self, name: str) -> Any:
        s = _BY_NAME[name]
        raw = self.store.value(f"settings/{name}", s.default)
        if s.type is bool:
            return raw in (True, "true", "1", 1)
        value = s.type(raw)
        if s.choices and value not in {v for v, _ in s.choices}:
            return s.default
        return value

    def set(self, name: str, value: Any) -> None:
        s = _BY_NAME[name]
        if name == "start_database":
            value = without_password(str(value))
        self.store.setValue(f"settings/{name}", s.type(value))

    # -- recent files and connections (state, not settings) -------------------------------------
    def recent(self, which: RecentList) -> list[str]:
        raw = self.store.value(which.key, [])
        if isinstance(raw, str):
            return [raw]
        return [str(p) for p in raw] if isinstance(raw, list) else []

    def remember(self, which: RecentList, values: list[str]) -> None:
        rest = [p for p in self.recent(which) if p not in values]
        self.store.setValue(which.key, (values + rest)[: which.keep])

    def recent_files(self) -> list[str]:
        return self.recent(RECENT_FILES)

    def add_recent(self, paths: list[str], keep: int = 8) -> None:
        self.remember(RecentList(RECENT_FILES.key, keep), paths)

    def recent_connections(self) -> list[str]:
        return self.recent(RECENT_CONNECTIONS)

    def add_recent_connection(self, location: DbLocation) -> None:
        """Only `remembered` is written: the server URL without its password."""
        self.remember(RECENT_CONNECTIONS, [location.remembered])


class UiState:
    """Window geometry and header state, kept apart from the user's settings (`state/` group)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or qsettings()

    def save(self, name: str, data: QByteArray) -> None:
        self.store.setValue(f"state/{name}", data)

    def load(self, name: str) -> QByteArray | None:
        value = self.store.value(f"state/{name}")
        return value if isinstance(value, QByteArray) else None


class SettingsDialog(QDialog):
    """A form built from SETTINGS."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Pengaturan"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.editors: dict[str, QWidget] = {}
        self._folder_lines: dict[str, QLineEdit] = {}
        for s in SETTINGS:
            editor = self._editor(s)
            self.editors[s.name] = editor
            form.addRow(s.label(), editor)
        buttons = label_buttons(
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            )
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _editor(self, s: Setting) -> QWidget:
        value = self.settings.get(s.name)
        if s.type is bool:
            box = QCheckBox()
            box.setChecked(bool(value))
            box.setAccessibleName(s.label())
            return box
        if s.choices:
            combo = QComboBox()
            for v, label in s.choices:
                combo.addItem(label(), v)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.setAccessibleName(s.label())
            return combo
        line = QLineEdit(str(value))
        line.setAccessibleName(s.label())
        if s.kind != "folder":
            return line
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(line)
        pick = QPushButton(self.tr("Pilih…"))
        pick.clicked.connect(lambda: self._pick_folder(line))
        row.addWidget(pick)
        self._folder_lines[s.name] = line
        return holder

    def _pick_folder(self, line: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Pilih folder"), line.text())
        if folder:
            line.setText(folder)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for s in SETTINGS:
            editor = self.editors[s.name]
            if isinstance(editor, QCheckBox):
                out[s.name] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                out[s.name] = editor.currentData()
            elif isinstance(editor, QLineEdit):
                out[s.name] = editor.text()
            else:
                out[s.name] = self._folder_lines[s.name].text()
        return out

    def accept(self) -> None:
        for name, value in self.values().items():
            self.settings.set(name, value)
        super().accept()
