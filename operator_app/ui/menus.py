"""The window's menus and their shortcuts (File, Edit, View, Help) and the recent-files menu."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu


def _action(
    self: Any, menu: QMenu, text: str, slot: Callable[[], Any], shortcut: Any = None
) -> QAction:
    action = QAction(text, self)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _=False: slot())
    menu.addAction(action)
    return action


def build_menus(self: Any) -> None:
    bar = self.menuBar()
    berkas = bar.addMenu(QCoreApplication.translate("MainWindow", "&Berkas"))
    self.act_import = _action(
        self,
        berkas,
        QCoreApplication.translate("MainWindow", "&Impor file…"),
        self.choose_import,
        QKeySequence.StandardKey.Open,
    )
    self.act_import_folder = _action(
        self,
        berkas,
        QCoreApplication.translate("MainWindow", "Impor &folder…"),
        self.import_flow.choose_folder,
    )
    self.recent_menu = berkas.addMenu(QCoreApplication.translate("MainWindow", "Impor &terakhir"))
    berkas.addSeparator()
    self.act_print = _action(
        self,
        berkas,
        QCoreApplication.translate("MainWindow", "&Cetak daftar periksa…"),
        self.print_checklist,
        "Ctrl+P",
    )
    self.act_export = _action(
        self,
        berkas,
        QCoreApplication.translate("MainWindow", "&Ekspor workbook, PDF dan surat BKD…"),
        self.export,
        "Ctrl+E",
    )
    self.act_rekap = _action(
        self,
        berkas,
        QCoreApplication.translate("MainWindow", "Ekspor &Rekap Dinas…"),
        self.rekap_flow.start,
    )
    self.act_export_per_school = _action(
        self,
        berkas,
        QCoreApplication.translate("MainWindow", "Ekspor paket per &sekolah…"),
        self.per_school_flow.start,
    )
    self.act_read_status = _action(
        self,
        berkas,
        QCoreApplication.translate("MainWindow", "&Baca status dari workbook…"),
        self.status_flow.choose,
    )
    self.act_restore = _action(
        self,
        berkas,
        QCoreApplication.translate("MainWindow", "P&ulihkan dari cadangan…"),
        self.restore_backup,
    )
    berkas.addSeparator()
    _database_actions(self, berkas)
    berkas.addSeparator()
    _action(
        self,
        berkas,
        QCoreApplication.translate("MainWindow", "&Pengaturan…"),
        self.edit_settings,
        "Ctrl+,",
    )
    berkas.addSeparator()
    _action(self, berkas, QCoreApplication.translate("MainWindow", "&Keluar"), self.close, "Ctrl+Q")

    edit = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    undo = self.stack.createUndoAction(self, QCoreApplication.translate("MainWindow", "&Urungkan"))
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = self.stack.createRedoAction(self, QCoreApplication.translate("MainWindow", "U&langi"))
    redo.setShortcut(QKeySequence("Ctrl+Y"))
    edit.addAction(undo)
    edit.addAction(redo)
    self.act_undo, self.act_redo = undo, redo
    edit.addSeparator()
    _action(
        self,
        edit,
        QCoreApplication.translate("MainWindow", "&Cari guru"),
        self.filters.focus_search,
        "Ctrl+F",
    )

    lihat = bar.addMenu(QCoreApplication.translate("MainWindow", "&Lihat"))
    _action(self, lihat, QCoreApplication.translate("MainWindow", "&Muat ulang"), self.reload, "F5")
    _action(
        self,
        lihat,
        QCoreApplication.translate("MainWindow", "&Daftar guru"),
        lambda: self.tabs.setCurrentIndex(0),
        "Ctrl+1",
    )
    _action(
        self,
        lihat,
        QCoreApplication.translate("MainWindow", "&Ringkasan"),
        lambda: self.tabs.setCurrentIndex(1),
        "Ctrl+2",
    )

    bantuan = bar.addMenu(QCoreApplication.translate("MainWindow", "B&antuan"))
    self.act_demo = _action(
        self,
        bantuan,
        QCoreApplication.translate("MainWindow", "Coba dengan data &contoh"),
        self.open_demo,
    )
    from operator_app.ui.explain_dialog import open_explain  # h15

    self.act_explain = _action(
        self,
        bantuan,
        QCoreApplication.translate("MainWindow", "Arti pesan &e-Kinerja…"),
        lambda: open_explain(self),
    )
    _action(self, bantuan, QCoreApplication.translate("MainWindow", "&Tentang"), self.about)
    for action in self.findChildren(QAction):
        if action.text():
            action.setToolTip(action.text().replace("&", ""))
    fill_recent(self)


def _database_actions(self: Any, berkas: QMenu) -> None:
    """Issue 14: a server database of the Dinas, and the way back to the file on this PC."""
    self.act_connect = _action(
        self,
        berkas,
        QCoreApplication.translate("MainWindow", "Hubungkan ke database &Dinas…"),
        self.connect_to_server,
    )
    self.act_back_to_local = _action(
        self,
        berkas,
        QCoreApplication.translate("MainWindow", "Kembali ke database &lokal (file SQLite)"),
        self.back_to_local,
    )
    # enabled while a server database is open, or while none is (a server refused at start)
    self.act_back_to_local.setEnabled(False)


def fill_recent(self: Any) -> None:
    self.recent_menu.clear()
    recent = self.settings.recent_files()
    self.recent_menu.setEnabled(bool(recent))
    for path in recent:
        action = self.recent_menu.addAction(Path(path).name)
        action.setToolTip(path)
        action.triggered.connect(lambda _=False, p=path: self.import_files([Path(p)]))
