"""Importing files: preview each file in the background, ask when unclear, import, check, report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from operator_app.core.errors import Cancelled, UserError
from operator_app.core.progress import CancelCheck, Progress
from operator_app.sources.preview import Preview
from operator_app.ui.interaction import interaction, label_buttons
from operator_app.ui.runner import TaskHandle, TaskRunner

IMPORTABLE = (".xlsx", ".xls", ".xlsm", ".csv", ".xml")


def needs_look(p: Preview) -> bool:
    return p.kind is None or bool(p.problems) or bool(p.warnings)


class ImportFlow(QObject):
    """preview → (dialog if unclear) → import + run checks in the background → summary."""

    imported = Signal(object, object)  # ImportReport, CheckSummary
    cancelled = Signal()
    failed = Signal(object)  # exception
    nothing_to_do = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        workspace: Callable[[], Any],
        parent_widget: QWidget | None = None,
        on_recent: Callable[[list[str]], None] | None = None,
    ) -> None:
        super().__init__(runner)
        self.runner = runner
        self.workspace = workspace
        self.parent_widget = parent_widget
        self.on_recent = on_recent
        self.handle: TaskHandle | None = None

    def start(self, paths: Sequence[Path]) -> None:
        paths = [Path(p) for p in paths]
        if not paths:
            self.nothing_to_do.emit()
            return
        ws = self.workspace()

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
        from operator_app.ui.errors import show_error

        show_error(exc, self.parent_widget)
        _ = UserError


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


class _RowsModel(QAbstractTableModel):
    def __init__(
        self, columns: Sequence[str], rows: Sequence[dict[str, str]], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows = list(rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section]
        return str(section + 1) if orientation == Qt.Orientation.Vertical else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        if not (0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._columns)):
            return None
        return self._rows[index.row()].get(self._columns[index.column()], "")


class PreviewDialog(QDialog):
    """What each file looks like to the importer, before anything is written."""

    def __init__(self, previews: Sequence[Preview], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pratinjau impor"))
        self.resize(860, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Periksa dulu file di bawah ini. File yang bermasalah tidak akan diimpor; "
                "belum ada data yang disimpan."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        tabs = QTabWidget()
        for p in previews:
            tabs.addTab(self._page(p), ("⚠ " if needs_look(p) else "") + p.file)
        layout.addWidget(tabs, 1)
        buttons = label_buttons(
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            )
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Impor file yang bisa dibaca"))
        ok.setEnabled(any(p.kind and not p.problems for p in previews))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _page(self, p: Preview) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        info = [
            self.tr("Jenis file: {0}").format(p.kind_label),
            self.tr("Sekolah: {0}").format(p.school or "-"),
            self.tr("Baris judul kolom: {0} · {1} baris data").format(p.header_row, p.total_rows),
            self.tr("Kolom dikenali: {0}").format(", ".join(h for h, _ in p.mapped) or "-"),
            self.tr("Kolom tidak dipakai: {0}").format(", ".join(p.unmapped) or "-"),
        ]
        label = QLabel("\n".join(info))
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(label)
        for text, colour in [(x, "#b3121f") for x in p.problems] + [
            (x, "#8a5a00") for x in p.warnings
        ]:
            msg = QLabel(("✖ " if colour == "#b3121f" else "⚠ ") + text)  # both in common fonts
            msg.setWordWrap(True)
            msg.setStyleSheet(f"color: {colour}; font-weight: bold")
            v.addWidget(msg)
        if not p.rows:  # a refused file: its reason is the page
            v.addStretch(1)
            return page
        columns = [field for _, field in p.mapped] or sorted({k for r in p.rows for k in r})
        view = QTableView()
        view.setModel(_RowsModel(columns, p.rows, page))
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.setAccessibleName(self.tr("Baris pertama file"))
        v.addWidget(view, 1)
        return page
