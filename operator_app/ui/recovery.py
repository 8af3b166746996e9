"""A damaged database at start, and Berkas → Pulihkan dari cadangan: the operator's choices.

The work (integrity checks, moving aside, copying a backup) is store.recovery's; this module
only asks and reports, and runs the copy on the worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from operator_app.store.recovery import DamagedDatabaseError, backups_of, restore
from operator_app.ui.errors import show_error
from operator_app.ui.interaction import interaction
from operator_app.ui.runner import TaskRunner


class RecoveryFlow(QObject):
    """Offer the latest good backup when the database was found damaged; restore on request."""

    restored = Signal(object)  # Path of the database, reopened by the window

    def __init__(
        self,
        runner: TaskRunner,
        close_current: Callable[[], None],
        parent_widget: QWidget,
    ) -> None:
        super().__init__(parent_widget)
        self.runner = runner
        self.close_current = close_current
        self.parent_widget = parent_widget

    # -- at start -----------------------------------------------------------------------------
    def offer(self, exc: DamagedDatabaseError) -> None:
        """`exc` is a DamagedDatabaseError: the file was already moved aside, nothing deleted."""
        what = self.tr(
            "Database {0} rusak (mungkin komputer mati saat menulis, atau disk bermasalah).\n\n"
            "File yang rusak tidak dihapus; sudah dipindahkan ke:\n{1}"
        ).format(exc.db, exc.moved_to)
        if exc.backup is None:
            interaction().warn(
                self.tr("Database rusak"),
                what
                + "\n\n"
                + self.tr(
                    "Tidak ada cadangan yang baik. Aplikasi mulai dengan database kosong; impor "
                    "ulang file Dapodik dan SIASN."
                ),
                self.parent_widget,
            )
            self.restored.emit(exc.db)
            return
        question = (
            what
            + "\n\n"
            + self.tr(
                "Cadangan baik terakhir: {0}.\n\nPulihkan cadangan itu? Perubahan setelah waktu "
                "cadangan perlu diulang. Pilih Tidak untuk mulai dengan database kosong."
            ).format(exc.backup.label())
        )
        if interaction().ask(self.tr("Database rusak"), question, self.parent_widget):
            self.restore(exc.db, exc.backup.path)
        else:
            self.restored.emit(exc.db)

    # -- from the menu ------------------------------------------------------------------------
    def choose(self, db: Path) -> None:
        backups = backups_of(db)
        if not backups:
            interaction().info(
                self.tr("Belum ada cadangan"),
                self.tr(
                    "Belum ada cadangan untuk {0}. Cadangan dibuat otomatis sebelum setiap impor "
                    "dan pembaruan skema, di folder {1}."
                ).format(db.name, db.parent / "backups"),
                self.parent_widget,
            )
            return
        picked = interaction().choose(
            self.tr("Pulihkan dari cadangan"),
            self.tr("Cadangan mana yang dipulihkan? (terbaru di atas)"),
            [b.label() for b in backups],
            self.parent_widget,
        )
        if picked is None:
            return
        chosen = backups[picked]
        sure = interaction().ask(
            self.tr("Pulihkan dari cadangan"),
            self.tr(
                "Ganti database sekarang dengan cadangan {0}?\n\nDatabase sekarang disimpan dulu "
                "sebagai cadangan, jadi langkah ini bisa dibatalkan dengan memulihkan cadangan itu."
            ).format(chosen.label()),
            self.parent_widget,
        )
        if sure:
            self.close_current()
            self.restore(db, chosen.path)

    def restore(self, db: Path, backup: Path) -> None:
        self.runner.run_task(
            lambda _p, _c: restore(db, backup),
            on_success=lambda kept: self._done(db, backup, kept),
            on_error=lambda exc: self._failed(db, exc),
            key="restore",
            progress=False,
        )

    def _done(self, db: Path, backup: Path, kept: Path | None) -> None:
        text = self.tr("Database dipulihkan dari cadangan {0}.").format(backup.name)
        if kept is not None:
            text += "\n" + self.tr("Database sebelumnya disimpan di {0}.").format(kept)
        interaction().info(self.tr("Database dipulihkan"), text, self.parent_widget)
        self.restored.emit(db)

    def _failed(self, db: Path, exc: BaseException) -> None:
        show_error(exc, self.parent_widget)
        self.restored.emit(db)  # open whatever is there (the old database, or a new empty one)
