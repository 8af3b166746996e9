"""Importing files: preview each file in the background, ask when unclear, import, check, report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from operator_app.core.errors import Cancelled
from operator_app.core.progress import CancelCheck, Progress
from operator_app.ui.errors import show_error
from operator_app.ui.import_scan import FileSteps, Scanned, good, importable_drops, scan
from operator_app.ui.interaction import interaction
from operator_app.ui.preview_dialog import needs_look
from operator_app.ui.runner import TaskHandle, TaskRunner
from operator_app.ui.settings import Settings
from operator_app.ui.workspace_api import WorkspaceApi

__all__ = ["ImportFlow", "importable_drops", "summary_text"]


class ImportFlow(QObject):
    """preview → (dialog if unclear) → import + run checks in the background → summary."""

    imported = Signal(object, object)  # ImportReport, CheckSummary
    cancelled = Signal()
    failed = Signal(object)  # exception
    nothing_to_do = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        workspace: Callable[[], WorkspaceApi | None],
        parent_widget: QWidget | None = None,
        on_recent: Callable[[list[str]], None] | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(runner)
        self.runner = runner
        self.workspace = workspace
        self.parent_widget = parent_widget
        self.on_recent = on_recent
        self.settings = settings
        self.handle: TaskHandle | None = None

    def choose(self) -> None:
        """Berkas > Impor file: pick exports (or .zip files of them) in the last folder used."""
        settings = self.settings or Settings()
        files = interaction().open_files(
            QCoreApplication.translate("MainWindow", "Pilih file ekspor Dapodik dan SIASN"),
            settings.get("import_folder"),
            QCoreApplication.translate(
                "MainWindow",
                "Ekspor Dapodik / SIASN (*.xlsx *.xls *.csv *.xml *.zip);;Semua file (*)",
            ),
            self.parent_widget,
        )
        if files:
            settings.set("import_folder", str(Path(files[0]).parent))
            self.start([Path(f) for f in files])

    def choose_folder(self) -> None:
        """Berkas > Impor folder: a folder of exports as shared in a chat group."""
        settings = self.settings or Settings()
        folder = interaction().choose_folder(
            QCoreApplication.translate("ImportFlow", "Pilih folder berisi ekspor Dapodik/SIASN"),
            settings.get("import_folder"),
            self.parent_widget,
        )
        if folder:
            settings.set("import_folder", str(Path(folder).parent))
            self.start([Path(folder)])

    def start(self, paths: Sequence[Path]) -> None:
        """Files, folders and .zip files: every export inside previewed on the worker."""
        paths = [Path(p) for p in paths]
        if not paths:
            self.nothing_to_do.emit()
            return
        ws = self.workspace()
        if ws is None:  # none open yet (starting, or a backup being restored)
            return
        self.handle = self.runner.run_task(
            lambda progress, cancel: scan(ws, paths, progress, cancel),
            on_success=self._previewed,
            on_error=self._failed,
            key="import-preview",
            title=QCoreApplication.translate("ImportFlow", "Membaca file"),
        )

    def _previewed(self, scanned: Scanned) -> None:
        look = scanned.has_bundle or any(needs_look(p) for p in scanned.previews)
        if look and not interaction().confirm_previews(
            scanned.previews, self.parent_widget, scanned.ignored
        ):
            self.cancelled.emit()  # with a damaged file this is the default: nothing lands
            return
        paths, skip_bad = scanned.to_import()
        if not paths:
            interaction().warn(
                QCoreApplication.translate("ImportFlow", "Impor"),
                QCoreApplication.translate(
                    "ImportFlow",
                    "Tidak ada file yang bisa diimpor. Pilih ekspor PTK Dapodik atau ekspor SIASN.",
                ),
                self.parent_widget,
            )
            self.nothing_to_do.emit()
            return
        files = sum(1 for p in scanned.previews if good(p))
        self.run_import(paths, skip_bad, files)

    def run_import(self, paths: list[Path], skip_bad: bool = False, files: int = 0) -> TaskHandle:
        """All of `paths` lands in one transaction or nothing does; `skip_bad` is the operator's
        explicit choice in the preview (the window's `--lewati-rusak`)."""
        ws = self.workspace()
        assert ws is not None, "run_import after the Workspace was closed"

        def work(progress: Progress, cancel: CancelCheck) -> tuple[Any, Any]:
            def check_progress(done: int, total: int, text: str) -> None:
                progress(70 + (int(30 * done / total) if total else 0), 100, text)

            steps = FileSteps(progress, files or len(paths))
            report = ws.import_files(paths, steps, cancel, skip_bad=skip_bad)
            try:
                summary = ws.run_checks(check_progress, cancel)
            except Cancelled:  # the import has landed: say so, the next load checks again
                summary = None
            return report, summary

        self.handle = self.runner.run_task(
            work,
            on_success=lambda result: self._done(paths, *result),
            on_error=self._failed,
            key="import",
            title=QCoreApplication.translate("ImportFlow", "Mengimpor dan memeriksa"),
        )
        return self.handle

    def _done(self, paths: list[Path], report: Any, summary: Any) -> None:
        if self.on_recent is not None:
            self.on_recent([str(p) for p in paths])
        interaction().info(
            QCoreApplication.translate("ImportFlow", "Impor selesai"),
            summary_text(report, summary),
            self.parent_widget,
        )
        self.imported.emit(report, summary)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            interaction().info(
                QCoreApplication.translate("ImportFlow", "Impor dibatalkan"),
                QCoreApplication.translate(
                    "ImportFlow", "Impor dibatalkan. Tidak ada data yang diubah."
                ),
                self.parent_widget,
            )
            self.cancelled.emit()
            return
        self.failed.emit(exc)
        show_error(exc, self.parent_widget)


def summary_text(report: Any, summary: Any) -> str:
    lines = []
    for f in getattr(report, "files", ()):
        if f.skipped_duplicate:
            lines.append(
                QCoreApplication.translate(
                    "ImportFlow", "{0}: sudah pernah diimpor, dilewati"
                ).format(f.file)
            )
            continue
        if getattr(f, "refused", None):
            lines.append(
                QCoreApplication.translate("ImportFlow", "{0}: rusak, dilewati ({1})").format(
                    f.file, f.refused
                )
            )
            continue
        line = QCoreApplication.translate("ImportFlow", "{0}: {1} baris").format(f.file, f.rows)
        if f.school:
            line += f" ({f.school})"
        if not f.current:
            line += " — " + QCoreApplication.translate(
                "ImportFlow", "lebih lama dari data yang ada, tidak dipakai"
            )
        lines.append(line)
        lines.extend(f"   ⚠ {w}" for w in f.warnings)
    ignored = getattr(report, "ignored", ())
    if ignored:
        lines.append(
            QCoreApplication.translate(
                "ImportFlow", "{0} file bukan ekspor diabaikan (foto, dokumen, dll.)."
            ).format(len(ignored))
        )
    lines.append("")
    if summary is None:
        lines.append(
            QCoreApplication.translate(
                "ImportFlow",
                "Data di atas sudah diimpor. Pemeriksaan dihentikan; pemeriksaan dijalankan "
                "lagi saat daftar guru dimuat.",
            )
        )
        return "\n".join(lines)
    lines.append(
        QCoreApplication.translate("ImportFlow", "Hasil pemeriksaan: {0} temuan.").format(
            getattr(summary, "findings", 0)
        )
    )
    for code, reason in getattr(summary, "skipped", ()):
        lines.append(
            QCoreApplication.translate("ImportFlow", "Pemeriksaan {0} dilewati: {1}").format(
                code, reason
            )
        )
    return "\n".join(lines)
