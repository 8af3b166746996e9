"""Read the Status/Catatan columns the operator edited in the correction workbook back in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Signal

from operator_app.ui.errors import show_error
from operator_app.ui.flow import Flow
from operator_app.ui.interaction import interaction

if TYPE_CHECKING:
    from operator_app.store.workspace import Workspace


_SHOWN_ROWS = 12  # rows listed in the question; the summary after reading the rest has all


class StatusFlow(Flow):
    """File > Baca status dari workbook: all rows land in one transaction or none does.

    A workbook exported before a re-import may hold rows whose finding is gone, and rows whose
    decision someone changed after the export (issue 14: never overwritten); the operator is
    shown those rows and asked whether to bring back only the others (the CLI's `--sebagian`).
    """

    imported = Signal(object)  # StatusImportResult

    def choose(self) -> None:
        files = interaction().open_files(
            self.tr("Pilih workbook perbaikan yang kolom Status-nya sudah diisi"),
            self.settings.get("export_folder"),
            self.tr("Workbook perbaikan (*.xlsx);;Semua file (*)"),
            self.parent_widget,
        )
        if files:
            self.start(Path(files[0]))

    def start(self, path: Path, partial: bool = False, skip_conflicts: bool = False) -> None:
        """`partial`: rows whose finding is gone are skipped; `skip_conflicts`: rows decided
        since the export too. Each is its own question to the operator (see `_failed`)."""
        from operator_app.exporting import import_status  # lazy: openpyxl, reports (~0.25 s)

        ws = self.workspace()
        if ws is None:
            return
        name = " ".join(str(self.settings.get("operator_name") or "").split()) or None

        def work(_progress: object, _cancel: object) -> object:
            # exporting is typed on the concrete Workspace (a layer below ui cannot name the
            # Protocol); the decisions are recorded as the operator named in the settings
            # (on a server: the login), as in the detail panel (ui/commands.py)
            ws.operator_name = None if ws.is_server else name
            return import_status(
                cast("Workspace", ws), path, partial=partial, skip_conflicts=skip_conflicts
            )

        self.runner.run_task(
            work,
            on_success=lambda result: self._done(path, result),
            on_error=lambda exc: self._failed(path, exc, partial, skip_conflicts),
            key="import-status",
            progress=False,
        )

    def _failed(self, path: Path, exc: BaseException, partial: bool, skip_conflicts: bool) -> None:
        from operator_app.reports.status_conflicts import StatusConflictError, listed
        from operator_app.reports.status_import import StaleRowsError  # lazy: openpyxl

        if isinstance(exc, StatusConflictError) and not skip_conflicts:
            rows = listed(exc.lines, _SHOWN_ROWS)
            title = self.tr("Sebagian baris sudah diubah orang lain")
            if not exc.others:  # nothing else to read: no question
                text = self.tr(
                    "{0} baris di {1} sudah diubah (di aplikasi, oleh pemeriksaan otomatis atau "
                    "dari workbook lain) setelah workbook ini diekspor, dan isiannya di workbook berbeda dari nilai terbaru. Tidak ada yang diubah, "
                    "supaya keputusan yang lebih baru tidak tertimpa:\n{2}\n\nEkspor workbook "
                    "baru (berisi nilai terbaru) lalu isi lagi baris di atas bila masih perlu."
                ).format(len(exc.lines), path.name, rows)
                interaction().warn(title, text, self.parent_widget)
                return
            question = self.tr(
                "{0} baris di {1} sudah diubah (di aplikasi, oleh pemeriksaan otomatis atau dari "
                "workbook lain) setelah workbook ini diekspor, dan isiannya di workbook berbeda dari nilai terbaru. Tidak ada yang diubah, supaya "
                "keputusan yang lebih baru tidak tertimpa:\n{2}\n\nBaca {3} baris lainnya "
                "saja? Baris di atas dilewati dan nilai terbarunya dipertahankan. (Pilih Tidak, "
                "lalu ekspor workbook baru bila isian baris di atas masih perlu.)"
            ).format(len(exc.lines), path.name, rows, exc.others)
            if interaction().ask(title, question, self.parent_widget):
                self.start(path, partial=partial, skip_conflicts=True)
            return
        if isinstance(exc, StaleRowsError) and not partial:
            question = self.tr(
                "{0} dari {1} baris di {2} tidak cocok lagi dengan temuan saat ini (data sudah "
                "diimpor ulang atau guru itu sudah tidak ada).\n\nBaca hanya {3} baris yang masih "
                "cocok? Baris lainnya dilewati dan tidak mengubah apa pun."
            ).format(exc.stale, exc.total, path.name, exc.total - exc.stale)
            if interaction().ask(
                self.tr("Sebagian baris sudah usang"), question, self.parent_widget
            ):
                self.start(path, partial=True)  # rows changed since the export: asked next
            return
        show_error(exc, self.parent_widget)

    def _done(self, path: Path, result: Any) -> None:
        self.imported.emit(result)
        interaction().info(self.tr("Status dibaca"), result.summary(path.name), self.parent_widget)
