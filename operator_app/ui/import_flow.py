"""Importing files: preview each file in the background, ask when unclear, import, check, report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from operator_app.core.errors import Cancelled
from operator_app.core.progress import CancelCheck, Progress
from operator_app.sources.preview import Preview
from operator_app.ui.errors import show_error
from operator_app.ui.interaction import interaction
from operator_app.ui.preview_dialog import needs_look
from operator_app.ui.runner import TaskHandle, TaskRunner
from operator_app.ui.settings import Settings
from operator_app.ui.workspace_api import WorkspaceApi

IMPORTABLE = (".xlsx", ".xls", ".xlsm", ".csv", ".xml")


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
        """Berkas > Impor file: pick exports in the last folder used, then `start`."""
        settings = self.settings or Settings()
        files = interaction().open_files(
            QCoreApplication.translate("MainWindow", "Pilih file ekspor Dapodik dan SIASN"),
            settings.get("import_folder"),
            QCoreApplication.translate(
                "MainWindow", "Ekspor Dapodik / SIASN (*.xlsx *.xls *.csv *.xml);;Semua file (*)"
            ),
            self.parent_widget,
        )
        if files:
            settings.set("import_folder", str(Path(files[0]).parent))
            self.start([Path(f) for f in files])

    def start(self, paths: Sequence[Path]) -> None:
        paths = [Path(p) for p in paths]
        if not paths:
            self.nothing_to_do.emit()
            return
        ws = self.workspace()
        if ws is None:  # none open yet (starting, or a backup being restored)
            return

        def work(progress: Progress, cancel: CancelCheck) -> list[Preview]:
            out = []
            for i, p in enumerate(paths):
                progress(
                    i,
                    len(paths),
                    QCoreApplication.translate("ImportFlow", "Memeriksa {0}").format(p.name),
                )
                if cancel():
                    raise Cancelled()
                out.append(ws.preview(p))
            return out

        self.handle = self.runner.run_task(
            work,
            on_success=lambda previews: self._previewed(paths, previews),
            on_error=self._failed,
            key="import-preview",
            title=QCoreApplication.translate("ImportFlow", "Membaca file"),
        )

    def _previewed(self, paths: list[Path], previews: list[Preview]) -> None:
        if any(needs_look(p) for p in previews) and not interaction().confirm_previews(
            previews, self.parent_widget
        ):
            self.cancelled.emit()
            return
        good = [path for path, p in zip(paths, previews, strict=True) if p.kind and not p.problems]
        if not good:
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
        self.run_import(good)

    def run_import(self, paths: list[Path]) -> TaskHandle:
        ws = self.workspace()
        assert ws is not None, "run_import after the Workspace was closed"

        def work(progress: Progress, cancel: CancelCheck) -> tuple[Any, Any]:
            def import_progress(done: int, total: int, text: str) -> None:
                progress(int(70 * done / total) if total else 0, 100, text)

            def check_progress(done: int, total: int, text: str) -> None:
                progress(70 + (int(30 * done / total) if total else 0), 100, text)

            report = ws.import_files(paths, import_progress, cancel)
            summary = ws.run_checks(check_progress, cancel)
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
        line = QCoreApplication.translate("ImportFlow", "{0}: {1} baris").format(f.file, f.rows)
        if f.school:
            line += f" ({f.school})"
        if not f.current:
            line += " — " + QCoreApplication.translate(
                "ImportFlow", "lebih lama dari data yang ada, tidak dipakai"
            )
        lines.append(line)
        lines.extend(f"   ⚠ {w}" for w in f.warnings)
    lines.append("")
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
